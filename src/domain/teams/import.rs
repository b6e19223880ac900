//! The all-or-nothing CSV upsert of teams (`code,name,parent_code,headcount`).
//! Every row is checked against the file and the organisation's existing
//! teams before anything is written; any refused cell refuses the file.

use std::collections::{HashMap, HashSet};

use diesel::Connection;

use super::{on_cycle, ImportSummary, MAX_LISTED_ERRORS};
use crate::auth::policy::{Action, Principal};
use crate::db::models::new_id;
use crate::db::models::team::{self, Team};
use crate::db::DbConn;
use crate::domain::types::{parse_headcount, parse_name, TeamCode};
use crate::domain::{authorise, DomainError, DomainResult, RowError};

struct Row {
    line: usize,
    code: String,
    name: String,
    parent_code: Option<String>,
    headcount: i32,
}

fn err(row: usize, column: &str, key: &str) -> RowError {
    RowError {
        row,
        column: column.to_string(),
        message: key.to_string(),
    }
}

/// Reads and checks every row; returns the rows or every refused cell.
fn parse(bytes: &[u8]) -> Result<Vec<Row>, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => return Err(vec![err(0, "", "error-csv-malformed")]),
    };
    let position = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name);
    let (Some(code_at), Some(name_at)) = (position("code"), position("name")) else {
        let missing = if position("code").is_none() { "code" } else { "name" };
        return Err(vec![err(0, missing, "error-csv-missing-column")]);
    };
    let parent_at = position("parent_code");
    let headcount_at = position("headcount");

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 1;
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                errors.push(err(line, "", "error-csv-malformed"));
                continue;
            }
        };
        let cell = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or("");
        let code = match TeamCode::parse(cell(Some(code_at))) {
            Ok(c) if !seen.insert(c.as_str().to_string()) => {
                errors.push(err(line, "code", "error-team-code-duplicate"));
                None
            }
            Ok(c) => Some(c),
            Err(key) => {
                errors.push(err(line, "code", key));
                None
            }
        };
        let name = parse_name(cell(Some(name_at))).map_err(|key| errors.push(err(line, "name", key)));
        let headcount = parse_headcount(cell(headcount_at)).map_err(|key| errors.push(err(line, "headcount", key)));
        let parent = cell(parent_at).trim();
        if let (Some(code), Ok(name), Ok(headcount)) = (code, name, headcount) {
            rows.push(Row {
                line,
                code: code.as_str().to_string(),
                name,
                parent_code: (!parent.is_empty()).then(|| parent.to_string()),
                headcount,
            });
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Checks parents against the merged tree (existing teams + file).
fn check_parents(rows: &[Row], existing: &[Team]) -> Vec<RowError> {
    let id_to_code: HashMap<&str, &str> = existing.iter().map(|t| (t.id.as_str(), t.code.as_str())).collect();
    let mut parent_of: HashMap<String, Option<String>> = existing
        .iter()
        .map(|t| {
            let parent = t
                .parent_id
                .as_deref()
                .and_then(|p| id_to_code.get(p))
                .map(|c| c.to_string());
            (t.code.clone(), parent)
        })
        .collect();
    for r in rows {
        parent_of.insert(r.code.clone(), r.parent_code.clone());
    }
    let mut errors: Vec<RowError> = rows
        .iter()
        .filter(|r| r.parent_code.as_ref().is_some_and(|p| !parent_of.contains_key(p)))
        .map(|r| err(r.line, "parent_code", "error-parent-unknown"))
        .collect();
    if errors.is_empty() {
        let cycle = on_cycle(&parent_of);
        errors.extend(
            rows.iter()
                .filter(|r| cycle.contains(&r.code))
                .map(|r| err(r.line, "parent_code", "error-team-cycle")),
        );
        errors.sort_by_key(|e| e.row);
    }
    errors
}

pub fn import_csv(conn: &mut DbConn, principal: &Principal, org: &str, bytes: &[u8]) -> DomainResult<ImportSummary> {
    authorise(principal, Action::ManageTeams { org })?;
    let rows = parse(bytes).map_err(truncated)?;
    conn.transaction(|conn| {
        let existing = team::list_by_org(conn, org)?;
        let errors = check_parents(&rows, &existing);
        if !errors.is_empty() {
            return Err(truncated(errors));
        }
        let mut ids: HashMap<String, String> = existing.iter().map(|t| (t.code.clone(), t.id.clone())).collect();
        let mut summary = ImportSummary { created: 0, updated: 0 };
        // First every team exists, then every parent link is set, so the
        // file's order does not matter.
        for r in &rows {
            if !ids.contains_key(&r.code) {
                let id = new_id();
                team::insert(
                    conn,
                    &Team {
                        id: id.clone(),
                        organisation_id: org.to_string(),
                        code: r.code.clone(),
                        name: r.name.clone(),
                        parent_id: None,
                        headcount: r.headcount,
                    },
                )?;
                ids.insert(r.code.clone(), id);
                summary.created += 1;
            } else {
                summary.updated += 1;
            }
        }
        for r in &rows {
            let id = ids.get(&r.code).cloned().unwrap_or_default();
            team::update(
                conn,
                &Team {
                    id,
                    organisation_id: org.to_string(),
                    code: r.code.clone(),
                    name: r.name.clone(),
                    parent_id: r.parent_code.as_ref().and_then(|p| ids.get(p).cloned()),
                    headcount: r.headcount,
                },
            )?;
        }
        Ok(summary)
    })
}

fn truncated(mut errors: Vec<RowError>) -> DomainError {
    errors.truncate(MAX_LISTED_ERRORS);
    DomainError::Rows(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_cell_is_reported_with_row_and_column() {
        let csv = "code,name,parent_code,headcount\nA,Alpha,,3\n,Nameless,,1\nA,Again,,x\nB,,A,2\n";
        let errors = parse(csv.as_bytes()).err().unwrap();
        let cells: Vec<(usize, &str, &str)> = errors
            .iter()
            .map(|e| (e.row, e.column.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            cells,
            vec![
                (2, "code", "error-team-code-empty"),
                (3, "code", "error-team-code-duplicate"),
                (3, "headcount", "error-headcount-invalid"),
                (4, "name", "error-name-empty"),
            ]
        );
    }

    #[test]
    fn cycles_and_unknown_parents_are_refused() {
        let rows = parse(b"code,name,parent_code\nA,a,B\nB,b,A\nC,c,\n").unwrap();
        let errors = check_parents(&rows, &[]);
        assert_eq!(errors.iter().map(|e| e.row).collect::<Vec<_>>(), vec![1, 2]);
        assert!(errors.iter().all(|e| e.message == "error-team-cycle"));
        let rows = parse(b"code,name,parent_code\nA,a,Z\n").unwrap();
        assert_eq!(check_parents(&rows, &[])[0].message, "error-parent-unknown");
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let errors = parse(b"code,title\nA,a\n").err().unwrap();
        assert_eq!((errors[0].row, errors[0].column.as_str()), (0, "name"));
    }
}

#[cfg(test)]
mod fuzz;

//! The all-or-nothing CSV upsert of teams (`code,name,parent_code,headcount`).
//! Every row is checked against the file and the organisation's existing
//! teams before anything is written; any refused cell refuses the file.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use super::{on_cycle, ImportSummary, MAX_LISTED_ERRORS};
use crate::auth::policy::{Action, Principal};
use crate::db::models::new_id;
use crate::db::models::team::{self, Team};
use crate::db::DbConn;
use crate::domain::types::{parse_headcount, parse_name, reject_control_characters, TeamCode};
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
    // Comma or semicolon (French Excel), with or without a BOM.
    let mut reader = crate::domain::csv_dialect::reader_builder(bytes)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(crate::domain::csv_dialect::without_bom(bytes));
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => return Err(vec![err(0, "", "error-csv-malformed")]),
    };
    let names: Vec<&str> = headers.iter().map(|h| h.trim_start_matches('\u{feff}')).collect();
    let mut header_errors = Vec::new();
    let mut seen = HashSet::new();
    for name in &names {
        if let Err(key) = reject_control_characters(name) {
            header_errors.push(err(0, "", key));
        } else if !seen.insert(*name) {
            header_errors.push(err(0, name, "error-csv-duplicate-column"));
        }
        if header_errors.len() >= MAX_LISTED_ERRORS {
            break;
        }
    }
    if !header_errors.is_empty() {
        return Err(header_errors);
    }
    let position = |name: &str| names.iter().position(|h| *h == name);
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
        // Only the cells this importer reads count: others are never stored.
        let read = [Some(code_at), Some(name_at), parent_at, headcount_at];
        let refused = read.into_iter().flatten().find(|&at| {
            record
                .get(at)
                .is_some_and(|text| reject_control_characters(text).is_err())
        });
        if let Some(at) = refused {
            let column = names.get(at).map_or("", |n| n.trim());
            errors.push(err(line, column, "error-control-character"));
            continue;
        }
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

/// Checks parents against the merged tree (existing teams + file): known,
/// no cycle, no deeper than `max_depth` levels.
fn check_parents(rows: &[Row], existing: &[Team], max_depth: usize) -> Vec<RowError> {
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
        let cycle: HashSet<String> = on_cycle(&parent_of).into_iter().collect();
        errors.extend(
            rows.iter()
                .filter(|r| cycle.contains(&r.code))
                .map(|r| err(r.line, "parent_code", "error-team-cycle")),
        );
        errors.sort_by_key(|e| e.row);
    }
    if errors.is_empty() {
        errors = check_depth(rows, &parent_of, max_depth);
    }
    errors
}

/// The rows that would sit deeper than `max_depth`, and those that would
/// push an existing team below them that deep. Called on a tree without
/// unknown parents or cycles; walks it once from the top.
fn check_depth(rows: &[Row], parent_of: &HashMap<String, Option<String>>, max_depth: usize) -> Vec<RowError> {
    let line_of: HashMap<&str, usize> = rows.iter().map(|r| (r.code.as_str(), r.line)).collect();
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut queue = VecDeque::new();
    for (code, parent) in parent_of {
        match parent {
            Some(p) => children.entry(p.as_str()).or_default().push(code.as_str()),
            None => queue.push_back((code.as_str(), 1usize, line_of.get(code.as_str()).copied())),
        }
    }
    // Each team with its level and the file's row at or nearest above it
    // (a team the file does not name is moved by that row).
    let mut too_deep = BTreeSet::new();
    while let Some((code, level, line)) = queue.pop_front() {
        if level > max_depth {
            too_deep.extend(line);
        }
        for kid in children.get(code).into_iter().flatten() {
            queue.push_back((kid, level + 1, line_of.get(kid).copied().or(line)));
        }
    }
    too_deep
        .into_iter()
        .map(|line| err(line, "parent_code", "error-team-too-deep"))
        .collect()
}

/// Upserts the file's teams, all or nothing; `max_depth` is
/// `MIROIR_MAX_TEAM_DEPTH`.
pub fn import_csv(
    conn: &mut DbConn,
    principal: &Principal,
    org: &str,
    bytes: &[u8],
    max_depth: usize,
) -> DomainResult<ImportSummary> {
    authorise(principal, Action::ManageTeams { org })?;
    let rows = parse(bytes).map_err(truncated)?;
    crate::db::write_transaction(conn, |conn| {
        let existing = team::list_by_org(conn, org)?;
        let errors = check_parents(&rows, &existing, max_depth);
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
        let errors = check_parents(&rows, &[], 12);
        assert_eq!(errors.iter().map(|e| e.row).collect::<Vec<_>>(), vec![1, 2]);
        assert!(errors.iter().all(|e| e.message == "error-team-cycle"));
        let rows = parse(b"code,name,parent_code\nA,a,Z\n").unwrap();
        assert_eq!(check_parents(&rows, &[], 12)[0].message, "error-parent-unknown");
    }

    #[test]
    fn duplicated_columns_and_control_characters_are_refused() {
        let errors = parse(b"code,name,name\nA,a,b\n").err().unwrap();
        assert_eq!(errors, vec![err(0, "name", "error-csv-duplicate-column")]);
        let errors = parse(b"code,name\nA,Al\0pha\nB,Beta\nC,\x1b[2J\n").err().unwrap();
        assert_eq!(
            errors,
            vec![
                err(1, "name", "error-control-character"),
                err(3, "name", "error-control-character")
            ]
        );
        // Tabs and line breaks inside a quoted cell are CSV's own.
        assert!(parse(b"code,name\nA,\"Alpha\tNorth\"\n").is_ok());
    }

    #[test]
    fn a_french_excel_file_is_read_with_its_semicolons_and_bom() {
        let rows =
            parse("\u{feff}code;name;parent_code;headcount\r\nA;Région; ;3\r\nB;\"b; c\";A;2\r\n".as_bytes()).unwrap();
        let read: Vec<(&str, &str, Option<&str>, i32)> = rows
            .iter()
            .map(|r| (r.code.as_str(), r.name.as_str(), r.parent_code.as_deref(), r.headcount))
            .collect();
        assert_eq!(read, vec![("A", "Région", None, 3), ("B", "b; c", Some("A"), 2)]);
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let errors = parse(b"code,title\nA,a\n").err().unwrap();
        assert_eq!((errors[0].row, errors[0].column.as_str()), (0, "name"));
    }
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    fn chain(levels: usize) -> String {
        let mut csv = String::from("code,name,parent_code\n");
        for i in 0..levels {
            let parent = if i == 0 { String::new() } else { format!("T{}", i - 1) };
            csv.push_str(&format!("T{i},Team {i},{parent}\n"));
        }
        csv
    }

    use crate::domain::teams::hierarchy::tests::team as existing;

    #[test]
    fn the_row_below_the_last_allowed_level_is_refused() {
        let rows = parse(chain(12).as_bytes()).unwrap();
        assert!(check_parents(&rows, &[], 12).is_empty());
        let rows = parse(chain(13).as_bytes()).unwrap();
        let errors = check_parents(&rows, &[], 12);
        assert_eq!(errors, vec![err(13, "parent_code", "error-team-too-deep")]);
    }

    #[test]
    fn a_row_that_pushes_existing_teams_too_deep_is_named() {
        // X > Y exist; the file moves X under its chain, line 12.
        let existing = vec![
            Team {
                code: "X".into(),
                ..existing("x", None)
            },
            Team {
                code: "Y".into(),
                ..existing("y", Some("x"))
            },
        ];
        let mut csv = chain(11);
        csv.push_str("X,Moved,T9\n");
        let rows = parse(csv.as_bytes()).unwrap();
        assert!(check_parents(&rows, &existing, 12).is_empty(), "X at 11, Y at 12");
        let mut csv = chain(11);
        csv.push_str("X,Moved,T10\n");
        let rows = parse(csv.as_bytes()).unwrap();
        assert_eq!(
            check_parents(&rows, &existing, 12),
            vec![err(12, "parent_code", "error-team-too-deep")],
            "X at 12 puts Y at 13"
        );
    }

    #[test]
    fn a_five_thousand_level_chain_is_refused_quickly() {
        let csv = chain(5000);
        let rows = parse(csv.as_bytes()).unwrap();
        let errors = check_parents(&rows, &[], 12);
        assert_eq!(errors.len(), 5000 - 12);
        assert_eq!(errors[0].row, 13);
    }
}

#[cfg(test)]
mod fuzz;

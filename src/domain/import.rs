//! Importing responses collected elsewhere (API.md): a CSV read as a stream,
//! checked row by row, stored in one transaction that is rolled back when
//! any cell is wrong. Memory stays constant in the number of rows: rows are
//! written in small batches and the aggregate changes are merged per key.

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;

use super::collection::{response_rows, Written};
use super::types::reject_control_characters;
use super::{authorise, DomainError, DomainResult, RowError};
use crate::analytics::{Channel, InstrumentVersion, ItemCode, Population, Respondent};
use crate::auth::policy::{Action, Principal};
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::response::{self, Response};
use crate::db::DbConn;

/// At most this many refused cells are listed back.
pub const MAX_ERRORS: usize = 100;
const BATCH: usize = 500;

enum Column {
    Team,
    Population,
    Channel,
    Date,
    Item(ItemCode),
}

struct Layout {
    columns: Vec<(String, Column)>,
    /// The campaign's instrument version: the scale a value is checked on.
    version: InstrumentVersion,
}

/// A header cell as named back in an error: at most this many characters.
const MAX_COLUMN_LABEL: usize = 64;

/// The columns of the header line, or its refused cells: at most
/// `MAX_ERRORS` of them, each naming its column in a few characters, so
/// that a header of 100,000 unknown columns gets a small answer.
fn layout(headers: &csv::StringRecord, version: InstrumentVersion) -> Result<Layout, Vec<RowError>> {
    let mut columns: Vec<(String, Column)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    let refuse = |errors: &mut Vec<RowError>, name: &str, key: &str| {
        if errors.len() < MAX_ERRORS {
            errors.push(err(0, &column_label(name), key));
        }
    };
    for (i, h) in headers.iter().enumerate() {
        let name = if i == 0 { h.trim_start_matches('\u{feff}') } else { h }
            .trim()
            .to_string();
        if let Err(key) = reject_control_characters(&name) {
            refuse(&mut errors, &name, key);
            continue;
        }
        if !seen.insert(name.clone()) {
            // Two columns of one name: which answer would count?
            refuse(&mut errors, &name, "error-csv-duplicate-column");
            continue;
        }
        let column = match name.as_str() {
            "team" => Column::Team,
            "population" => Column::Population,
            "channel" => Column::Channel,
            "date" => Column::Date,
            other => match ItemCode::parse(other) {
                Ok(code) => Column::Item(code),
                Err(_) => {
                    refuse(&mut errors, &name, "error-import-unknown-column");
                    continue;
                }
            },
        };
        columns.push((name, column));
    }
    for required in ["team", "population"] {
        if !seen.contains(required) {
            refuse(&mut errors, required, "error-csv-missing-column");
        }
    }
    if errors.is_empty() {
        Ok(Layout { columns, version })
    } else {
        Err(errors)
    }
}

/// A column's name, cut to `MAX_COLUMN_LABEL` characters.
fn column_label(name: &str) -> String {
    match name.char_indices().nth(MAX_COLUMN_LABEL) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.to_string(),
    }
}

fn err(row: usize, column: &str, key: &str) -> RowError {
    RowError {
        row,
        column: column.to_string(),
        message: key.to_string(),
    }
}

/// One checked row.
struct Row {
    team_id: Option<String>,
    population: Population,
    channel: Option<Channel>,
    date: NaiveDate,
    answers: Vec<(ItemCode, u8)>,
}

fn check_row(
    line: usize,
    record: &csv::StringRecord,
    layout: &Layout,
    teams: &HashMap<String, String>,
    default_date: NaiveDate,
    errors: &mut Vec<RowError>,
) -> Option<Row> {
    let before = errors.len();
    for (i, text) in record.iter().enumerate() {
        if let Err(key) = reject_control_characters(text) {
            let column = layout.columns.get(i).map_or("", |(name, _)| name.as_str());
            errors.push(err(line, column, key));
        }
    }
    if errors.len() > before {
        return None;
    }
    let cell = |name: &str| -> &str {
        layout
            .columns
            .iter()
            .position(|(n, _)| n == name)
            .and_then(|i| record.get(i))
            .map(str::trim)
            .unwrap_or("")
    };
    let population = match Population::parse(cell("population")) {
        Ok(p) => Some(p),
        Err(_) => {
            errors.push(err(line, "population", "error-import-population"));
            None
        }
    };
    let team_code = cell("team");
    let team_id = match (population, team_code.is_empty()) {
        (Some(Population::Executive), true) => None,
        (Some(Population::Executive), false) => {
            errors.push(err(line, "team", "error-import-executive-team"));
            None
        }
        (_, true) => {
            errors.push(err(line, "team", "error-import-team-missing"));
            None
        }
        (_, false) => match teams.get(team_code) {
            Some(id) => Some(id.clone()),
            None => {
                errors.push(err(line, "team", "error-team-unknown"));
                None
            }
        },
    };
    let channel = match cell("channel") {
        "" => None,
        text => match (Channel::parse(text), population) {
            (Ok(c), Some(Population::Customer)) => Some(c),
            (Ok(_), _) => {
                errors.push(err(line, "channel", "error-import-channel-population"));
                None
            }
            (Err(_), _) => {
                errors.push(err(line, "channel", "error-import-channel"));
                None
            }
        },
    };
    let date = match cell("date") {
        "" => default_date,
        text => super::types::parse_date(text).unwrap_or_else(|_| {
            errors.push(err(line, "date", "error-date-invalid"));
            default_date
        }),
    };
    let mut answers = Vec::new();
    for (i, (name, column)) in layout.columns.iter().enumerate() {
        let Column::Item(code) = column else { continue };
        let text = record.get(i).map(str::trim).unwrap_or("");
        if text.is_empty() {
            continue;
        }
        if population.is_some_and(|p| code.population() != p) {
            errors.push(err(line, name, "error-import-item-population"));
            continue;
        }
        match text.parse::<u8>() {
            Ok(v) if code.accepts(layout.version, v) => answers.push((*code, v)),
            _ => errors.push(err(line, name, "error-import-out-of-scale")),
        }
    }
    let population = population?;
    (errors.len() == before).then_some(Row {
        team_id,
        population,
        channel,
        date,
        answers,
    })
}

/// Imports every row or none. `Ok(rows)` on success; `Err(Rows)` lists up to
/// `MAX_ERRORS` refused cells with their 1-based data row.
pub fn import_responses<R: Read>(conn: &mut DbConn, p: &Principal, campaign_id: &str, input: R) -> DomainResult<usize> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::ManageCampaigns {
            org: &c.organisation_id,
        },
    )?;
    // A closed wave's answers are frozen (METHOD.md §7): a known row added
    // after publication would be the difference between two reports.
    if !c.status.accepts_answers() {
        return Err(DomainError::Conflict("error-import-campaign-status"));
    }
    import_checked(conn, &c, input)
}

fn import_checked<R: Read>(conn: &mut DbConn, c: &Campaign, input: R) -> DomainResult<usize> {
    // Comma or semicolon (French Excel), with or without a BOM.
    let (delimiter, input) = crate::domain::csv_dialect::buffered(input)
        .map_err(|_| DomainError::Rows(vec![err(0, "", "error-csv-malformed")]))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(input);
    let headers = reader
        .headers()
        .map_err(|_| DomainError::Rows(vec![err(0, "", "error-csv-malformed")]))?
        .clone();
    // A row is checked against its campaign's instrument version.
    let version = super::instrument::campaign_version(c.instrument_version);
    let layout = layout(&headers, version).map_err(DomainError::Rows)?;
    let language = c.language_list().first().cloned().unwrap_or_else(|| "en".into());
    let default_date = chrono::Utc::now().date_naive();
    crate::db::write_transaction(conn, |conn| {
        let teams = response::team_ids_by_code(conn, &c.organisation_id)?;
        let mut errors: Vec<RowError> = Vec::new();
        let mut delta = Delta::default();
        let mut batch: Vec<(Response, Vec<(String, i32)>)> = Vec::with_capacity(BATCH);
        let mut imported = 0usize;
        let mut record = csv::StringRecord::new();
        let mut line = 0usize;
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(_) => {
                    line += 1;
                    errors.push(err(line, "", "error-csv-malformed"));
                    if errors.len() >= MAX_ERRORS {
                        break;
                    }
                    continue;
                }
            }
            line += 1;
            let Some(row) = check_row(line, &record, &layout, &teams, default_date, &mut errors) else {
                if errors.len() >= MAX_ERRORS {
                    break;
                }
                continue;
            };
            if !errors.is_empty() {
                continue; // keep checking, stop writing
            }
            let who = Respondent {
                team: row.team_id.as_deref(),
                population: row.population,
                channel: row.channel,
                answers: &row.answers,
            };
            let written = Written {
                submitted_on: row.date,
                language: language.clone(),
                comment: None,
                author_id: None,
            };
            batch.push(response_rows(&mut delta, &c.id, &who, written));
            imported += 1;
            if batch.len() >= BATCH {
                response::insert_many(conn, &batch)?;
                batch.clear();
            }
        }
        if !errors.is_empty() {
            errors.truncate(MAX_ERRORS);
            return Err(DomainError::Rows(errors));
        }
        response::insert_many(conn, &batch)?;
        aggregates::apply(conn, &c.id, &delta)?;
        // The campaign may be closed: reports cached for it are now stale.
        aggregates::touch(conn, &c.id)?;
        Ok(imported)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> csv::StringRecord {
        csv::ReaderBuilder::new()
            .from_reader(text.as_bytes())
            .headers()
            .unwrap()
            .clone()
    }

    #[test]
    fn a_duplicated_column_is_refused() {
        let errors = layout(&header("team,population,nps,nps\n"), InstrumentVersion::CURRENT)
            .err()
            .unwrap();
        assert_eq!(errors, vec![err(0, "nps", "error-csv-duplicate-column")]);
        let errors = layout(&header("team,team,population\n"), InstrumentVersion::CURRENT)
            .err()
            .unwrap();
        assert_eq!(errors[0].message, "error-csv-duplicate-column");
    }

    #[test]
    fn a_flood_of_unknown_columns_gives_a_short_answer() {
        let long = "x".repeat(10_000);
        let mut text = String::from("team,population");
        for i in 0..100_000 {
            text.push_str(&format!(",{long}{i}"));
            if i == 10 {
                break; // the long names: a few are enough
            }
        }
        for i in 0..100_000 {
            text.push_str(&format!(",unknown{i}"));
        }
        text.push('\n');
        let errors = layout(&header(&text), InstrumentVersion::CURRENT).err().unwrap();
        assert_eq!(errors.len(), MAX_ERRORS);
        assert!(errors.iter().all(|e| e.column.chars().count() <= MAX_COLUMN_LABEL + 1));
        let size: usize = errors.iter().map(|e| e.column.len() + e.message.len()).sum();
        assert!(size < 20_000, "{size} bytes");
    }

    #[test]
    fn control_characters_in_the_header_are_refused() {
        let errors = layout(&header("team,population,n\u{0}ps\n"), InstrumentVersion::CURRENT)
            .err()
            .unwrap();
        assert_eq!(errors[0].message, "error-control-character");
    }
}

#[cfg(test)]
mod fuzz;

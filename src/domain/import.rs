//! Importing responses collected elsewhere (API.md): a CSV read as a stream,
//! checked row by row, stored in one transaction that is rolled back when
//! any cell is wrong. Memory stays constant in the number of rows: rows are
//! written in small batches and the aggregate changes are merged per key.

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;

use super::{authorise, DomainError, DomainResult, RowError};
use crate::analytics::{Channel, ItemCode, Population, Respondent};
use crate::auth::policy::{Action, Principal};
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::new_id;
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
}

fn layout(headers: &csv::StringRecord) -> Result<Layout, Vec<RowError>> {
    let mut columns = Vec::new();
    let mut errors = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let name = if i == 0 { h.trim_start_matches('\u{feff}') } else { h }
            .trim()
            .to_string();
        let column = match name.as_str() {
            "team" => Column::Team,
            "population" => Column::Population,
            "channel" => Column::Channel,
            "date" => Column::Date,
            other => match ItemCode::parse(other) {
                Ok(code) => Column::Item(code),
                Err(_) => {
                    errors.push(err(0, &name, "error-import-unknown-column"));
                    continue;
                }
            },
        };
        columns.push((name, column));
    }
    for required in ["team", "population"] {
        if !columns.iter().any(|(n, _)| n == required) {
            errors.push(err(0, required, "error-csv-missing-column"));
        }
    }
    if errors.is_empty() {
        Ok(Layout { columns })
    } else {
        Err(errors)
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
            Ok(v) if code.accepts(v) => answers.push((*code, v)),
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
    if c.status != "open" {
        return Err(DomainError::Conflict("error-import-campaign-status"));
    }
    import_checked(conn, &c, input)
}

fn import_checked<R: Read>(conn: &mut DbConn, c: &Campaign, input: R) -> DomainResult<usize> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|_| DomainError::Rows(vec![err(0, "", "error-csv-malformed")]))?
        .clone();
    let layout = layout(&headers).map_err(DomainError::Rows)?;
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
            delta.add(
                &Respondent {
                    team: row.team_id.as_deref(),
                    population: row.population,
                    channel: row.channel,
                    answers: &row.answers,
                },
                1,
            );
            let values = row
                .answers
                .iter()
                .map(|(c, v)| (c.to_string(), i32::from(*v)))
                .collect();
            batch.push((
                Response {
                    id: new_id(),
                    campaign_id: c.id.clone(),
                    team_id: row.team_id,
                    population: row.population.as_str().into(),
                    channel: row.channel.map(|ch| ch.as_str().to_string()),
                    submitted_on: row.date,
                    language: language.clone(),
                    comment: None,
                    author_id: None,
                },
                values,
            ));
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
mod fuzz;

//! Importing responses collected elsewhere (API.md): a CSV read as a stream,
//! checked row by row, stored in one transaction that is rolled back when
//! any cell is wrong. Memory stays constant in the number of rows: rows are
//! written in batches and the aggregate changes are counted per key.
//!
//! Speed (issue #14): a respondent is one row, its answers packed in it;
//! the ids of one import are consecutive from a random start
//! (`models::IdRun`), so the rows fill the key's B-tree in one place; teams
//! are checked against the organisation's map in memory; batches go to
//! PostgreSQL by binary `COPY` and to SQLite by fixed-size prepared inserts
//! under a larger page cache; the aggregates are counted in memory
//! (`aggregates::Tally`) and written once at the end.

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;

use super::types::reject_control_characters;
use super::{authorise, DomainError, DomainResult, RowError};
use crate::analytics::{Channel, InstrumentVersion, ItemCode, Population};
use crate::auth::policy::{Action, Principal};
use crate::db::models::aggregates::{self, Tally};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::response::{self, NewResponse};
use crate::db::models::IdRun;
use crate::db::DbConn;

/// At most this many refused cells are listed back.
pub const MAX_ERRORS: usize = 100;
/// Rows held before they are written (a few MiB).
const BATCH: usize = 8192;
/// SQLite page cache during an import, in MiB.
const IMPORT_CACHE_MIB: u32 = 64;

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
    /// For each column, the place of its item code among the item columns'
    /// codes sorted (the order answers are packed in); 0 for the others.
    item_rank: Vec<u16>,
    /// The item columns' codes, sorted.
    items_sorted: Vec<String>,
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
    if !errors.is_empty() {
        return Err(errors);
    }
    // Item codes as stored (`ItemCode`'s own text, not the header's).
    let codes: Vec<Option<String>> = columns
        .iter()
        .map(|(_, c)| match c {
            Column::Item(code) => Some(code.to_string()),
            _ => None,
        })
        .collect();
    let mut items_sorted: Vec<String> = codes.iter().flatten().cloned().collect();
    items_sorted.sort_unstable();
    let item_rank = codes
        .iter()
        .map(|code| {
            let rank = code
                .as_ref()
                .and_then(|c| items_sorted.binary_search(c).ok())
                .unwrap_or(0);
            u16::try_from(rank).unwrap_or(u16::MAX)
        })
        .collect();
    Ok(Layout {
        columns,
        version,
        item_rank,
        items_sorted,
    })
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
struct Row<'t> {
    team_id: Option<&'t str>,
    population: Population,
    channel: Option<Channel>,
    date: NaiveDate,
    answers: Vec<(ItemCode, u8)>,
    /// The item rank (`Layout::item_rank`) of each answer.
    ranks: Vec<u16>,
}

impl Row<'_> {
    /// The answers as `responses.answers` holds them, in item-name order.
    fn packed(&self, layout: &Layout) -> String {
        let mut order: Vec<(u16, u8)> = self
            .ranks
            .iter()
            .zip(&self.answers)
            .map(|(r, (_, v))| (*r, *v))
            .collect();
        order.sort_unstable();
        let mut out = String::with_capacity(order.len() * 16);
        for (rank, value) in order {
            let name = layout.items_sorted.get(usize::from(rank)).map_or("", String::as_str);
            response::push_answer(&mut out, name, i32::from(value));
        }
        out
    }
}

fn check_row<'t>(
    line: usize,
    record: &csv::StringRecord,
    layout: &Layout,
    teams: &'t HashMap<String, String>,
    default_date: NaiveDate,
    errors: &mut Vec<RowError>,
) -> Option<Row<'t>> {
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
            Some(id) => Some(id.as_str()),
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
    let mut ranks = Vec::new();
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
            Ok(v) if code.accepts(layout.version, v) => {
                answers.push((*code, v));
                ranks.push(layout.item_rank.get(i).copied().unwrap_or(0));
            }
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
        ranks,
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
    crate::db::with_large_cache(conn, IMPORT_CACHE_MIB, |conn| {
        crate::db::write_transaction(conn, |conn| {
            let teams = response::team_ids_by_code(conn, &c.organisation_id)?;
            let mut import = Import {
                campaign: c,
                language: &language,
                layout: &layout,
                ids: IdRun::new(),
                tally: Tally::default(),
                batch: Vec::with_capacity(BATCH),
                imported: 0,
            };
            let errors = import.read(conn, &mut reader, &teams, default_date)?;
            if !errors.is_empty() {
                return Err(DomainError::Rows(errors));
            }
            import.flush(conn)?;
            let Import { tally, imported, .. } = import;
            aggregates::apply(conn, &c.id, &tally.into_delta())?;
            // The campaign may be closed: reports cached for it are now stale.
            aggregates::touch(conn, &c.id)?;
            Ok(imported)
        })
    })
}

/// The state of one import while its file is read.
struct Import<'i, 't> {
    campaign: &'i Campaign,
    language: &'i str,
    layout: &'i Layout,
    ids: IdRun,
    tally: Tally<'t>,
    batch: Vec<NewResponse>,
    imported: usize,
}

impl<'t> Import<'_, 't> {
    /// Reads and checks every row, writing batches while no cell has been
    /// refused; returns the refused cells (at most `MAX_ERRORS`), empty when
    /// every row was good.
    fn read<R: Read>(
        &mut self,
        conn: &mut DbConn,
        reader: &mut csv::Reader<R>,
        teams: &'t HashMap<String, String>,
        default_date: NaiveDate,
    ) -> DomainResult<Vec<RowError>> {
        let mut errors: Vec<RowError> = Vec::new();
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
            let Some(row) = check_row(line, &record, self.layout, teams, default_date, &mut errors) else {
                if errors.len() >= MAX_ERRORS {
                    break;
                }
                continue;
            };
            if !errors.is_empty() {
                continue; // keep checking, stop writing
            }
            self.push(conn, row)?;
        }
        errors.truncate(MAX_ERRORS);
        Ok(errors)
    }

    fn push(&mut self, conn: &mut DbConn, row: Row<'t>) -> DomainResult<()> {
        self.tally.add(row.team_id, row.population, row.channel, &row.answers);
        self.batch.push(NewResponse {
            id: self.ids.next_id(),
            campaign_id: self.campaign.id.clone(),
            team_id: row.team_id.map(str::to_string),
            population: row.population.as_str(),
            channel: row.channel.map(Channel::as_str),
            submitted_on: row.date,
            language: self.language.to_string(),
            comment: None,
            author_id: None,
            answers: row.packed(self.layout),
        });
        self.imported += 1;
        if self.batch.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(())
    }

    fn flush(&mut self, conn: &mut DbConn) -> DomainResult<()> {
        response::write_bulk(conn, &self.batch)?;
        self.batch.clear();
        Ok(())
    }
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

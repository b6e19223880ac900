//! The CSV tables: codes only, figures at full precision.

use std::borrow::Cow;

use anyhow::{anyhow, Result};

use super::tables::{gaps_table, indices_table, scores_table};
use super::*;
use crate::analytics::CampaignReport;

/// OWASP's rule against CSV injection: a text cell that a spreadsheet
/// would run as a formula — one starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return — is written with a leading single quote, which the
/// spreadsheet shows as text. Only for text (names, codes, comments):
/// figures are written as numbers, so `-4.5` stays a negative number.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

pub(super) fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty | Cell::Hidden => String::new(),
        Cell::Text(t) => spreadsheet_safe(t).into_owned(),
        Cell::Code { code, .. } => spreadsheet_safe(code).into_owned(),
        // Full precision, like the API (render::number::plain).
        Cell::Number(v, _) => crate::render::number::plain(*v),
        Cell::Count(n) => n.to_string(),
        Cell::Flag(b) => b.to_string(),
        Cell::Reason(because) => spreadsheet_safe(&crate::render::reason::sentence("en", because)).into_owned(),
    }
}

pub(super) fn to_csv(table: &Table) -> Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(table.columns.iter().map(|c| c.name.as_str()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(csv_text))?;
    }
    writer
        .into_inner()
        .map_err(|e| anyhow!("cannot finish the CSV: {}", e.error()))
}

/// Scores, one row per group × dimension × perspective (module docs).
pub fn report_csv(report: &CampaignReport) -> Result<Vec<u8>> {
    to_csv(&scores_table(report)?)
}

/// Gaps, one row per group × dimension × gap (module docs).
pub fn gaps_csv(report: &CampaignReport) -> Result<Vec<u8>> {
    to_csv(&gaps_table(report)?)
}

/// Indices, pillars and maturity, one row per group (module docs).
pub fn indices_csv(report: &CampaignReport) -> Result<Vec<u8>> {
    to_csv(&indices_table(report))
}

/// The employee invitation links of a team, one a row under a `team,link`
/// header, the team's code made safe for spreadsheets.
pub fn invitations_csv(team: &str, links: &[String]) -> Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(["team", "link"])?;
    let team = spreadsheet_safe(team);
    for link in links {
        writer.write_record([&*team, link.as_str()])?;
    }
    writer.into_inner().map_err(|e| anyhow!("csv: {e}"))
}

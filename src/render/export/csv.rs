//! The CSV tables: codes only, UTF-8 with a byte-order mark (so that
//! Excel reads accents), in one of two dialects — comma and decimal point,
//! or semicolon and decimal comma (what French Excel opens as it is) — and
//! at one of two precisions: "data" (every figure at full precision) or
//! "readable" (figures rounded as on the pages, by `render::number`).

use std::borrow::Cow;

use anyhow::{anyhow, Result};

use super::tables::{gaps_table, indices_table, scores_table, summary_table, waves_table, Waves};
use super::*;
use crate::analytics::CampaignReport;
use crate::render::number::{plain, NumberStyle, MINUS};

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

/// The UTF-8 byte-order mark every report CSV starts with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Separator and decimal mark of a CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `,` between cells, `.` in figures.
    Comma,
    /// `;` between cells, `,` in figures (French spreadsheets).
    Semicolon,
}

impl Dialect {
    /// The reader's language's: semicolon for French, comma otherwise.
    pub fn for_lang(lang: &str) -> Dialect {
        match NumberStyle::for_lang(lang) {
            NumberStyle::Comma => Dialect::Semicolon,
            NumberStyle::Point => Dialect::Comma,
        }
    }

    /// The query parameter's value (`comma` or `semicolon`).
    pub fn parse(text: &str) -> Option<Dialect> {
        match text {
            "comma" => Some(Dialect::Comma),
            "semicolon" => Some(Dialect::Semicolon),
            _ => None,
        }
    }

    pub fn separator(self) -> u8 {
        match self {
            Dialect::Comma => b',',
            Dialect::Semicolon => b';',
        }
    }

    fn style(self) -> NumberStyle {
        match self {
            Dialect::Comma => NumberStyle::Point,
            Dialect::Semicolon => NumberStyle::Comma,
        }
    }
}

/// How a report CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvFormat {
    pub dialect: Dialect,
    /// Figures rounded as on the pages (one decimal for points, three for
    /// p and q, two for means and correlations) rather than in full.
    pub readable: bool,
}

impl CsvFormat {
    /// Comma, point, full precision: the data export of the API's figures.
    pub const DATA: CsvFormat = CsvFormat {
        dialect: Dialect::Comma,
        readable: false,
    };
}

/// Decimals of a figure as the pages show it.
fn decimals(fmt: Fmt) -> usize {
    match fmt {
        Fmt::Points | Fmt::SignificantPoints => 1,
        Fmt::Probability => 3,
        Fmt::Correlation | Fmt::Mean => 2,
    }
}

#[cfg(test)]
pub(super) fn csv_text(cell: &Cell) -> String {
    csv_cell(cell, CsvFormat::DATA)
}

fn csv_cell(cell: &Cell, format: CsvFormat) -> String {
    match cell {
        Cell::Empty | Cell::Hidden => String::new(),
        Cell::Text(t) => spreadsheet_safe(t).into_owned(),
        Cell::Code { code, .. } => spreadsheet_safe(code).into_owned(),
        Cell::Number(v, fmt) if format.readable => {
            // The page's rounding, with an ASCII minus: a spreadsheet reads
            // "−4.5" (typographic minus) as text.
            let style = format.dialect.style();
            style.format(*v, decimals(*fmt), false).replace(MINUS, "-")
        }
        // Full precision, like the API (render::number::plain).
        Cell::Number(v, _) => match format.dialect {
            Dialect::Comma => plain(*v),
            Dialect::Semicolon => plain(*v).replace('.', ","),
        },
        Cell::Count(n) => n.to_string(),
        Cell::Flag(b) => b.to_string(),
        Cell::Reason(because) => spreadsheet_safe(&crate::render::reason::sentence("en", because)).into_owned(),
    }
}

pub(super) fn to_csv(table: &Table, format: CsvFormat) -> Result<Vec<u8>> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(format.dialect.separator())
        .from_writer(BOM.to_vec());
    writer.write_record(table.columns.iter().map(|c| c.name.as_str()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|cell| csv_cell(cell, format)))?;
    }
    writer
        .into_inner()
        .map_err(|e| anyhow!("cannot finish the CSV: {}", e.error()))
}

/// Scores, one row per group × dimension × perspective (module docs).
pub fn report_csv(report: &CampaignReport, format: CsvFormat) -> Result<Vec<u8>> {
    to_csv(&scores_table(report)?, format)
}

/// Gaps, one row per group × dimension × gap (module docs).
pub fn gaps_csv(report: &CampaignReport, format: CsvFormat) -> Result<Vec<u8>> {
    to_csv(&gaps_table(report)?, format)
}

/// Indices, pillars and maturity, one row per group (module docs).
pub fn indices_csv(report: &CampaignReport, format: CsvFormat) -> Result<Vec<u8>> {
    to_csv(&indices_table(report), format)
}

/// The organisation's figures as the workbook's summary sheet lists them,
/// one row per item (`item`, `value`, `ci_low`, `ci_high`, `n`, `p`):
/// respondents, indices, pillars, linkage, the aggregation check and the
/// label readiness (issue #15).
pub fn summary_csv(report: &CampaignReport, format: CsvFormat) -> Result<Vec<u8>> {
    to_csv(&summary_table(report), format)
}

/// The cross-wave figures (issue #15), one row per figure (see
/// [`super::tables`]'s `waves_table`); only the header without a previous
/// published wave.
pub fn waves_csv(waves: Option<&Waves<'_>>, format: CsvFormat) -> Result<Vec<u8>> {
    to_csv(&waves_table(waves), format)
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

//! Report exports: the campaign report of API.md rendered as CSV tables and
//! as an XLSX workbook. Pure renderings (report in, bytes out): every figure
//! comes from the report structs, at full precision, so the exports show the
//! same numbers as the pages and the API. A figure that anonymity suppressed
//! is `None` in the structs and an empty cell here, never a value.
//!
//! Each table is built once as a `Table` of typed cells ([`tables`]) and
//! written twice:
//! to CSV ([`csv`]: stable snake_case column names, codes only) and to an
//! XLSX sheet ([`xlsx`]: one header row in the reader's language, every
//! coded column doubled into a translated label and its code).
//!
//! CSV layouts (UTF-8 with BOM, header row, comma and point or semicolon
//! and comma, full precision or rounded as on the pages; one row per line):
//! * [`report_csv`]: group × dimension × perspective — `group_kind`,
//!   `team_code`, `team_name`, `parent_code`, `dimension`, `perspective`,
//!   `n`, `favourable`, `ci_low`, `ci_high`, `mean`, `suppressed`.
//! * [`gaps_csv`]: group × dimension × gap — `group_kind`, `team_code`,
//!   `team_name`, `parent_code`, `dimension`, `gap`, `perspective_a`, `n_a`,
//!   `perspective_b`, `n_b`, `points` (= favourable(a) − favourable(b)),
//!   `p`, `q` (Benjamini–Hochberg over every tested gap of the report,
//!   METHOD.md §4), `significant` (q < 0.05) — all three empty for the
//!   untested estimate gaps (managers' and executives' blind spots).
//! * [`indices_csv`]: one row per group — identity, population counts and
//!   flags, CSI, EEI, NPS/eNPS with interval and n, CSAT/CES/FCR/IES with
//!   their n, COS shares, pillars and maturity of each side (see
//!   [`INDEX_COLUMNS`]). CSI, pillars and maturity rest on `n_customer`,
//!   EEI and COS on `n_employee`, in the same row.
//! * [`summary_csv`]: the workbook's summary sheet, one row per item —
//!   `item`, `item_code`-like codes (`n.customer`, `indices.csi`,
//!   `linkage.aggregation.{dimension}.{population}.icc1`,
//!   `label_readiness.{audit}`, …), `value`, `ci_low`, `ci_high`, `n`, `p`.
//! * [`waves_csv`]: the cross-wave figures of issue #15, one row per
//!   figure — the cross-lagged panel with the previous published wave
//!   (EEI/CSI and each dimension, five paths each) and each adopted
//!   point's difference in differences (its target dimensions together and
//!   each alone, customer and employee sides).
//!
//! Groups come in report order: the organisation (or the filtered subtree,
//! `group_kind` = `organisation`, empty team columns), then each team.

mod csv;
mod tables;
#[cfg(test)]
mod tests;
mod xlsx;

pub use self::csv::{
    gaps_csv, indices_csv, invitations_csv, report_csv, spreadsheet_safe, summary_csv, waves_csv, CsvFormat, Dialect,
    BOM,
};
pub use tables::Waves;
pub use tables::INDEX_COLUMNS;
pub use xlsx::report_xlsx;

/// Sheets of [`report_xlsx`], in order ("channels" only with a view,
/// "waves" only with a previous published wave): each named in the
/// reader's language by the message `export-sheet-{code}`.
pub const SHEETS: [&str; 9] = [
    "summary",
    "scores",
    "gaps",
    "teams",
    "heat-map",
    "linkage",
    "channels",
    "recommendations",
    "waves",
];

/// Heat-map colours are fixed in points (not relative to the data) so that
/// two workbooks compare at a glance: ±HEAT_SCALE and beyond are saturated.
const HEAT_SCALE: f64 = 25.0;
/// Rows above the data in every sheet: the translated column labels.
const HEADER_ROWS: usize = 1;
/// Widest autofitted column, in pixels.
const MAX_COLUMN_PIXELS: u32 = 320;

/// Number formats; the figure itself is stored at full precision.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fmt {
    /// Percentages and points, one decimal.
    Points,
    /// A significant gap: points in bold.
    SignificantPoints,
    /// p-values: three decimals (one would show most of them as 0.0).
    Probability,
    /// Correlation coefficients: two decimals.
    Correlation,
    /// Means on the 1–5 scale: two decimals.
    Mean,
}

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// No figure (nothing to compute, e.g. no answers).
    Empty,
    /// Suppressed by anonymity: empty too, noted in the heat-map.
    Hidden,
    Text(String),
    /// A code and the message keys of its label (joined with " · ").
    Code {
        code: String,
        keys: Vec<String>,
    },
    Number(f64, Fmt),
    Count(u64),
    Flag(bool),
    /// The one-sentence reason of a recommended point, written in the
    /// reader's language by `render::reason` (CSV: English).
    Reason(crate::analytics::recommendations::Because),
}

impl Cell {
    fn number(value: Option<f64>, fmt: Fmt, hidden: bool) -> Cell {
        match value.filter(|v| v.is_finite()) {
            Some(v) => Cell::Number(v, fmt),
            None if hidden => Cell::Hidden,
            None => Cell::Empty,
        }
    }

    fn count(value: Option<u64>, hidden: bool) -> Cell {
        match value {
            Some(n) => Cell::Count(n),
            None if hidden => Cell::Hidden,
            None => Cell::Empty,
        }
    }

    fn code(code: &str, key: String) -> Cell {
        Cell::Code {
            code: code.to_owned(),
            keys: vec![key],
        }
    }

    fn text(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Column {
    /// CSV header and XLSX second header row.
    name: String,
    /// Message key of the translated header.
    key: String,
    /// XLSX: a label column followed by a code column (key + `-code`).
    coded: bool,
}

fn col(name: &str) -> Column {
    Column {
        name: name.to_owned(),
        key: format!("export-column-{}", name.replace('_', "-")),
        coded: false,
    }
}

fn coded(name: &str) -> Column {
    Column {
        coded: true,
        ..col(name)
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

/// The ASCII slug of a name for a file name: letters with their accents
/// taken off (French and the other Latin-1 languages: `é` → `e`, `œ` →
/// `oe`), lower case, every other run of characters one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        let plain: &str = match ch {
            'a'..='z' | '0'..='9' => {
                out.push(ch);
                continue;
            }
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'æ' => "ae",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'œ' => "oe",
            'ß' => "ss",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            _ => "-",
        };
        if plain == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(plain);
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `miroir-{organisation}-{campaign}-{date}-{what}.{ext}`, each part
/// slugged (empty parts left out): what a downloaded export is saved as.
pub fn file_name(organisation: &str, campaign: &str, date: chrono::NaiveDate, file: &str) -> String {
    let mut parts = vec!["miroir".to_owned()];
    parts.extend(
        [slug(organisation), slug(campaign)]
            .into_iter()
            .filter(|s| !s.is_empty()),
    );
    parts.push(date.format("%Y-%m-%d").to_string());
    parts.push(file.to_owned());
    parts.join("-")
}

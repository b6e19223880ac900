//! Test-only generators of hostile CSV files for the two importers (teams
//! and responses): arbitrary bytes, and files built from the real column
//! names and plausible cells, then mutated (quotes, byte-order mark,
//! semicolons, NUL bytes, CRLF, ragged rows, very long cells, flipped and
//! dropped bytes). The fuzz tests beside each importer feed them in and
//! check that every refusal names its row and column.

use proptest::prelude::*;

use super::RowError;

/// One cell: in a clean file, one of the values its column takes
/// (`vocabulary`); otherwise mostly that, sometimes hostile.
fn cell(vocabulary: Vec<String>, clean: bool) -> BoxedStrategy<String> {
    let vocabulary = if vocabulary.is_empty() {
        vec![String::new()]
    } else {
        vocabulary
    };
    if clean {
        return prop::sample::select(vocabulary).boxed();
    }
    let hostile = prop_oneof![
        2 => "[ -~]{0,12}",
        2 => any::<String>().prop_map(|s| s.chars().take(24).collect()),
        4 => prop::sample::select(vec![
            "\0", "a\0b", "\"", "\"\"", "\"quoted, with comma\"", "line\nbreak", "\r\n", ";", "\u{feff}",
            "-9999-01-01", "2026-02-30", "+99999-01-01", "99999999999999999999", "-1", "1e3", " 3 ", "NaN",
            "0", "6", "11", "256", "customer", "employee", "manager", "executive", "R1", "NOPE", "web", "fax",
        ])
        .prop_map(str::to_string),
        1 => (1usize..4).prop_map(|k| "x".repeat(k * 40_000)),
    ];
    prop_oneof![
        10 => prop::sample::select(vocabulary),
        1 => Just(String::new()),
        3 => hostile,
    ]
    .boxed()
}

/// How a file is written out.
#[derive(Debug, Clone)]
struct Style {
    bom: bool,
    separator: u8,
    crlf: bool,
    quote_all: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop::bool::weighted(0.2),
        prop_oneof![8 => Just(b','), 1 => Just(b';'), 1 => Just(b'\t')],
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(bom, separator, crlf, quote_all)| Style {
            bom,
            separator,
            crlf,
            quote_all,
        })
}

fn write(style: &Style, rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::new();
    if style.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    for row in rows {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                out.push(style.separator);
            }
            if style.quote_all || value.contains(['"', ',', '\n']) {
                out.push(b'"');
                out.extend_from_slice(value.replace('"', "\"\"").as_bytes());
                out.push(b'"');
            } else {
                out.extend_from_slice(value.as_bytes());
            }
        }
        out.extend_from_slice(if style.crlf { b"\r\n" } else { b"\n" });
    }
    out
}

/// Flips, drops or inserts a few bytes.
fn mutate(mut bytes: Vec<u8>, edits: Vec<(usize, u8, u8)>) -> Vec<u8> {
    for (at, kind, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        match kind % 3 {
            0 => bytes[at] ^= byte | 1,
            1 => {
                bytes.remove(at);
            }
            _ => bytes.insert(at, byte),
        }
    }
    bytes
}

/// Values a column takes in a plausible file, given the file's header.
pub type Vocabulary = fn(column: &str, header: &[String]) -> Vec<String>;

/// A CSV file: a header from `header` with, now and then, a stranger among
/// its columns; then either clean rows (every cell a value its column
/// takes, from `vocabulary`) or hostile ones (mostly such values, some
/// cells hostile, rows ragged, a few bytes mutated); or, one time in
/// eight, arbitrary bytes.
pub fn csv_file(header: impl Strategy<Value = Vec<String>>, vocabulary: Vocabulary) -> impl Strategy<Value = Vec<u8>> {
    let strangers = ["", " team ", "Team", "unknown.column", "listening.c.99"].map(str::to_string);
    let header = (
        header,
        prop::option::weighted(0.15, (prop::sample::select(strangers.to_vec()), any::<usize>())),
    )
        .prop_map(|(mut header, stranger)| {
            if let Some((name, at)) = stranger {
                header.insert(at % (header.len() + 1), name);
            }
            header
        });
    let structured = (header, 0usize..12, style(), 0usize..8, prop::bool::weighted(0.4)).prop_flat_map(
        move |(header, rows, style, ragged, clean)| {
            let mut row: Vec<BoxedStrategy<String>> = header
                .iter()
                .map(|c| cell(vocabulary(c.trim(), &header), clean))
                .collect();
            // Now and then the rows of a file have a cell too many or too few.
            match (clean, ragged) {
                (false, 0) => row.push(cell(Vec::new(), false)),
                (false, 1) => {
                    row.pop();
                }
                _ => {}
            }
            (
                Just(header),
                prop::collection::vec(row, rows),
                Just(style),
                prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 0..4),
                prop::bool::weighted(if clean { 0.0 } else { 0.3 }),
            )
                .prop_map(|(header, body, style, edits, mutated)| {
                    let mut all = vec![header];
                    all.extend(body);
                    let bytes = write(&style, &all);
                    if mutated {
                        mutate(bytes, edits)
                    } else {
                        bytes
                    }
                })
        },
    );
    prop_oneof![
        7 => structured,
        1 => prop::collection::vec(any::<u8>(), 0..512),
    ]
}

/// The number of records a CSV reader finds in `bytes` after the header,
/// counting unreadable ones, in the file's dialect (comma or semicolon,
/// `super::csv_dialect`): no refusal may point past it.
pub fn records(bytes: &[u8]) -> usize {
    super::csv_dialect::reader_builder(bytes)
        .flexible(true)
        .from_reader(super::csv_dialect::without_bom(bytes))
        .records()
        .count()
}

/// Checks the refusals of an import: each names a row within the file and
/// a column (except a row that could not be read at all), with a message
/// that exists in every language.
pub fn check_refusals(rows: &[RowError], bytes: &[u8], columns: &[&str], limit: usize) -> Result<(), TestCaseError> {
    prop_assert!(!rows.is_empty(), "a refusal without details");
    prop_assert!(rows.len() <= limit, "{} refusals listed", rows.len());
    let records = records(bytes);
    for e in rows {
        prop_assert!(e.row <= records, "row {} of {records}: {e:?}", e.row);
        let whole_row = e.message == "error-csv-malformed";
        prop_assert!(
            whole_row || columns.contains(&e.column.as_str()) || e.row == 0,
            "refusal without its column: {e:?}"
        );
        for lang in crate::i18n::supported() {
            prop_assert!(
                crate::i18n::try_translate(lang, &e.message, None).is_some(),
                "untranslated message {e:?} in {lang}"
            );
        }
    }
    Ok(())
}

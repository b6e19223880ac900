//! Hostile team files: whatever the bytes, reading answers the rows or
//! refusals that each name their row and column, never a panic.

use proptest::prelude::*;

use super::{check_parents, parse};
use crate::domain::csv_fuzz::{check_refusals, csv_file};

const COLUMNS: [&str; 4] = ["code", "name", "parent_code", "headcount"];

/// The values each column takes in a plausible file.
fn vocabulary(column: &str, _header: &[String]) -> Vec<String> {
    let values: &[&str] = match column {
        "code" => &["R1", "R2", "B1", "B-2", "x_y"],
        "parent_code" => &["R1", "R2", "B1", "B-2", "x_y", ""],
        "name" => &["Region 1", "Branche Nord", "Équipe"],
        "headcount" => &["12", "0", ""],
        _ => &[],
    };
    values.iter().map(|v| v.to_string()).collect()
}

/// Mostly the four columns in some order, sometimes one missing or twice.
fn header() -> impl Strategy<Value = Vec<String>> {
    let columns = COLUMNS.map(str::to_string).to_vec();
    prop_oneof![
        3 => Just(columns.clone()).prop_shuffle(),
        1 => prop::collection::vec(prop::sample::select(columns), 0..6),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_team_file_is_read_or_refused_cell_by_cell(bytes in csv_file(header(), vocabulary)) {
        let refusals = match parse(&bytes) {
            Ok(rows) => check_parents(&rows, &[], crate::domain::teams::DEFAULT_MAX_DEPTH),
            Err(refusals) => refusals,
        };
        if !refusals.is_empty() {
            check_refusals(&refusals, &bytes, &COLUMNS, usize::MAX)?;
        }
    }
}

//! The aggregation check (issue #15) against the R `multilevel` package
//! itself: `scripts/reference_multilevel.R` ran the package's `ICC1` and
//! `rwg.j` on its own data (lq2002: 2,042 soldiers in 49 companies; the
//! 11 leadership items of the package's documented `rwg.j` example, the
//! 3 task-significance items, the 5 hostility items scored 0–4) and wrote
//! the answer counts of every company and item beside the package's
//! figures. Miroir's figures, computed from those counts, must match to
//! 1e-9: ICC(1) of each scale, rwg(j) of each company, their mean.

use serde_json::Value;

use super::aggregation::{icc1, rwg_j, Agreement, ItemCounts, TeamItems};

const TOLERANCE: f64 = 1e-9;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/analytics/multilevel.json"
));

fn close(what: &str, actual: Option<f64>, expected: &Value) {
    match (actual, expected.as_f64()) {
        (None, None) => {}
        (Some(a), Some(e)) => assert!(
            (a - e).abs() <= TOLERANCE * e.abs().max(1.0),
            "{what}: Miroir {a}, multilevel {e}"
        ),
        _ => panic!("{what}: Miroir {actual:?}, multilevel {expected}"),
    }
}

fn team_items(team: &Value) -> TeamItems {
    let items = team["items"].as_array().expect("items");
    items
        .iter()
        .map(|counts| {
            let mut c: ItemCounts = [0; 11];
            for (slot, v) in c.iter_mut().zip(counts.as_array().expect("counts")) {
                *slot = v.as_u64().expect("a count");
            }
            c
        })
        .collect()
}

#[test]
fn aggregation_matches_the_multilevel_package_on_its_own_data() {
    let fixture: Value = serde_json::from_str(FIXTURE).expect("fixture");
    let scales = fixture["scales"].as_object().expect("scales");
    assert_eq!(scales.len(), 3);
    let mut companies = 0;
    for (name, scale) in scales {
        let teams_json = scale["teams"].as_array().expect("teams");
        let teams: Vec<TeamItems> = teams_json.iter().map(team_items).collect();
        assert_eq!(teams.len(), 49, "{name}: the 49 companies of lq2002");
        let items = scale["items"].as_array().expect("items").len();
        assert!(teams.iter().all(|t| t.len() == items));
        close(&format!("{name}: ICC1"), icc1(&teams), &scale["icc1"]);
        for (team, json) in teams.iter().zip(teams_json) {
            close(
                &format!("{name}: rwg.j of company {}", json["group"]),
                rwg_j(team),
                &json["rwg_j"],
            );
            companies += 1;
        }
        let agreement = Agreement::of(&teams);
        close(
            &format!("{name}: mean rwg.j"),
            agreement.mean_rwg_j,
            &scale["mean_rwg_j"],
        );
        close(&format!("{name}: ICC1 (Agreement)"), agreement.icc1, &scale["icc1"]);
    }
    assert_eq!(companies, 3 * 49);
}

//! Compares the cross-wave figures (issue #15) with the reference that
//! `scripts/reference_longitudinal.py` computed with statsmodels/scipy from
//! the raw answers of three waves of one organisation (teams entering and
//! leaving, small teams below k): the aggregation check of each wave, the
//! cross-lagged panels and the differences in differences of 1→2 and 2→3.

use serde_json::Value;
use std::collections::BTreeSet;

use super::aggregation::Agreement;
use super::fixture_tests::load;
use super::lagged::{Contrast, Panel};
use super::regression::Estimate;
use super::*;

const TOLERANCE: f64 = 1e-9;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/analytics/waves.json"
));

#[derive(Default)]
struct Checker {
    compared: usize,
    errors: Vec<String>,
}

impl Checker {
    fn num(&mut self, what: &str, actual: Option<f64>, expected: &Value) {
        self.compared += 1;
        match (actual, expected.as_f64()) {
            (None, None) => {}
            (Some(a), Some(e)) if (a - e).abs() <= TOLERANCE * e.abs().max(1.0) => {}
            _ => self.errors.push(format!("{what}: {actual:?} != {expected}")),
        }
    }

    fn agreement(&mut self, what: &str, a: &Agreement, e: &Value) {
        self.num(&format!("{what}.teams"), Some(a.teams as f64), &e[0]);
        self.num(&format!("{what}.icc1"), a.icc1, &e[1]);
        self.num(&format!("{what}.mean_rwg_j"), a.mean_rwg_j, &e[2]);
    }

    fn estimate(&mut self, what: &str, a: Option<&Estimate>, e: &Value) {
        if e.is_null() || a.is_none() {
            if e.is_null() != a.is_none() {
                self.errors.push(format!("{what}: {a:?} vs {e}"));
            }
            return;
        }
        let Some(a) = a else { return };
        let fields = [a.estimate, a.se, a.df, a.ci_low, a.ci_high, a.p];
        for (i, (name, value)) in ["estimate", "se", "df", "ci_low", "ci_high", "p"]
            .iter()
            .zip(fields)
            .enumerate()
        {
            self.num(&format!("{what}.{name}"), Some(value), &e[i]);
        }
    }

    fn panel(&mut self, what: &str, p: &Option<Panel>, e: &Value) {
        let Some(p) = p else {
            if !e.is_null() {
                self.errors.push(format!("{what}: missing panel"));
            }
            return;
        };
        self.num(&format!("{what}.teams"), Some(p.teams as f64), &e["teams"]);
        for (name, est) in [
            ("employees_to_customers", &p.employees_to_customers),
            ("customers_to_employees", &p.customers_to_employees),
            ("employee_stability", &p.employee_stability),
            ("customer_stability", &p.customer_stability),
            ("difference", &p.difference),
        ] {
            self.estimate(&format!("{what}.{name}"), Some(est), &e[name]);
        }
    }

    fn contrast(&mut self, what: &str, c: &Option<Contrast>, e: &Value) {
        let Some(c) = c else {
            if !e.is_null() {
                self.errors.push(format!("{what}: missing contrast"));
            }
            return;
        };
        self.num(&format!("{what}.adopting"), Some(c.adopting_teams as f64), &e[0]);
        self.num(&format!("{what}.other"), Some(c.other_teams as f64), &e[1]);
        self.num(&format!("{what}.adopting_change"), Some(c.adopting_change), &e[2]);
        self.num(&format!("{what}.other_change"), Some(c.other_change), &e[3]);
        self.estimate(&format!("{what}.difference"), c.difference.as_ref(), &e[4]);
    }
}

fn reports(fixture: &Value) -> Vec<CampaignReport> {
    let settings = Settings {
        anonymity_threshold: fixture["k"].as_u64().unwrap(),
        ..Settings::default()
    };
    fixture["waves"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let meta = CampaignMeta {
                id: format!("w{i}"),
                name: format!("Wave {i}"),
                status: "closed".into(),
            };
            build_report(&load(w), &settings, &meta, &ReportFilter::default()).unwrap()
        })
        .collect()
}

/// Every cross-wave figure of `reports` against the reference `fixture`.
fn compare(fixture: &Value, reports: &[CampaignReport]) -> Checker {
    let mut check = Checker::default();
    for (i, (report, wave)) in reports.iter().zip(fixture["waves"].as_array().unwrap()).enumerate() {
        let expected = &wave["expected"]["aggregation"];
        let aggregation = report.linkage.aggregation.as_ref().unwrap();
        for (d, a) in aggregation {
            let e = &expected[d.as_str()];
            check.agreement(&format!("wave {i} {d} customer"), &a.customer, &e["customer"]);
            check.agreement(&format!("wave {i} {d} employee"), &a.employee, &e["employee"]);
        }
    }
    for pair in fixture["pairs"].as_array().unwrap() {
        let (b, a) = (
            pair["before"].as_u64().unwrap() as usize,
            pair["after"].as_u64().unwrap() as usize,
        );
        let label = format!("{b}→{a}");
        let lagged = compare_waves(&reports[b], &reports[a]).cross_lagged;
        let e = &pair["cross_lagged"];
        check.num(
            &format!("{label} eligible"),
            Some(lagged.eligible_teams as f64),
            &e["eligible_teams"],
        );
        check.panel(&format!("{label} indices"), &lagged.indices, &e["indices"]);
        for (d, p) in &lagged.dimensions {
            check.panel(&format!("{label} {d}"), p, &e["dimensions"][d.as_str()]);
        }
        for adoption in pair["adoptions"].as_array().unwrap() {
            let action = adoption["action"].as_str().unwrap();
            let did = difference_in_differences(action, &reports[b], &reports[a], &codes(&adoption["teams"])).unwrap();
            let e = &adoption["expected"];
            let what = format!("{label} {action}");
            check.contrast(
                &format!("{what} customer"),
                &did.targets.customer,
                &e["targets"]["customer"],
            );
            check.contrast(
                &format!("{what} employee"),
                &did.targets.employee,
                &e["targets"]["employee"],
            );
            for (d, sides) in &did.dimensions {
                let e = &e["dimensions"][d.as_str()];
                check.contrast(&format!("{what} {d} customer"), &sides.customer, &e["customer"]);
                check.contrast(&format!("{what} {d} employee"), &sides.employee, &e["employee"]);
            }
        }
        assert!(lagged.indices.is_some(), "{label}: no panel");
    }
    check
}

fn codes(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn waves_match_the_reference() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let check = compare(&fixture, &reports(&fixture));
    assert!(
        check.errors.is_empty(),
        "{} of {}:\n{}",
        check.errors.len(),
        check.compared,
        check.errors.join("\n")
    );
    assert!(check.compared > 1_000, "only {} figures compared", check.compared);
}

/// The demo's three waves (`miroir demo-raw --wave N`, then the reference's
/// `--demo` mode): every cross-wave figure the demo's pages show.
#[test]
fn the_demo_waves_match_the_reference() {
    let fixture: Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/analytics/demo_waves.json"
    )))
    .unwrap();
    let plan = crate::demo::plan(crate::demo::DEFAULT_SEED);
    let settings = Settings {
        anonymity_threshold: u64::try_from(plan.organisation.anonymity_threshold).unwrap(),
        ..Settings::default()
    };
    let reports: Vec<CampaignReport> = (0..plan.waves.len())
        .map(|w| {
            let meta = CampaignMeta {
                id: format!("w{w}"),
                name: plan.waves[w].name.clone(),
                status: "closed".into(),
            };
            build_report(
                &crate::demo::wave_data(&plan, w).unwrap(),
                &settings,
                &meta,
                &ReportFilter::default(),
            )
            .unwrap()
        })
        .collect();
    assert_eq!(reports.len(), 3);
    let check = compare(&fixture, &reports);
    assert!(
        check.errors.is_empty(),
        "{} of {}:\n{}",
        check.errors.len(),
        check.compared,
        check.errors.join("\n")
    );
    assert!(check.compared > 1_000, "only {} figures compared", check.compared);
    // The reference's adopting teams are the plan's, with a region's branches.
    let second: BTreeSet<String> = plan
        .actions
        .iter()
        .filter(|a| a.wave == 1 && a.point == "listen-inside")
        .filter_map(|a| a.team.clone())
        .collect();
    let listed = fixture["pairs"][1]["adoptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["action"] == "listen-inside")
        .unwrap();
    assert_eq!(codes(&listed["teams"]), second);
}

#[test]
fn the_listening_point_beats_the_teams_that_did_not_adopt_it() {
    // The generating model lifts listening and trust in adopting teams only
    // (+0.8 on the logit) and gives "equip" no effect.
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let reports = reports(&fixture);
    let pair = &fixture["pairs"][0];
    let teams = |action: &str| -> BTreeSet<String> {
        pair["adoptions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["action"] == action)
            .unwrap()["teams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_owned())
            .collect()
    };
    let works = difference_in_differences("listen-inside", &reports[0], &reports[1], &teams("listen-inside")).unwrap();
    let employee = works.targets.employee.unwrap().difference.unwrap();
    assert!(employee.ci_low > 0.0, "{employee:?}");
    let idle = difference_in_differences("equip", &reports[0], &reports[1], &teams("equip")).unwrap();
    let employee = idle.targets.employee.unwrap().difference.unwrap();
    assert!(employee.ci_low < 0.0 && employee.ci_high > 0.0, "{employee:?}");
}

#[test]
fn cross_wave_figures_round_trip_through_json() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let reports = reports(&fixture);
    let lagged = compare_waves(&reports[0], &reports[1]).cross_lagged;
    let text = serde_json::to_string(&lagged).unwrap();
    let back: lagged::CrossLagged = serde_json::from_str(&text).unwrap();
    assert_eq!(back, lagged);
    let aggregation = reports[1].linkage.aggregation.clone().unwrap();
    let text = serde_json::to_string(&aggregation).unwrap();
    assert_eq!(
        serde_json::from_str::<std::collections::BTreeMap<_, _>>(&text).unwrap(),
        aggregation
    );
    let label = reports[1].label_readiness.clone();
    let back: label::LabelReadiness = serde_json::from_str(&serde_json::to_string(&label).unwrap()).unwrap();
    assert_eq!(back, label);
}

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::model::*;
use super::*;
use crate::analytics::report::TeamReport;
use crate::analytics::{
    action_effect, build_report, channel_view, compare_waves, CampaignData, CampaignMeta, CampaignReport, GroupReport,
    ReportFilter, Settings,
};
use crate::analytics::{Dimension, Perspective};
use std::sync::OnceLock;

fn campaign(plan: &DemoPlan, wave: usize) -> CampaignData {
    wave_data(plan, wave).unwrap()
}

fn settings() -> Settings {
    Settings {
        anonymity_threshold: 5,
        ..Settings::default()
    }
}

fn report(plan: &DemoPlan, wave: usize) -> CampaignReport {
    let meta = CampaignMeta {
        id: format!("wave-{wave}"),
        name: plan.waves[wave].name.clone(),
        status: "closed".to_owned(),
    };
    build_report(&campaign(plan, wave), &settings(), &meta, &ReportFilter::default()).unwrap()
}

struct Fixture {
    plan: DemoPlan,
    reports: [CampaignReport; 3],
}

/// The default plan and its three reports, built once for all tests.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let plan = plan(DEFAULT_SEED);
        let reports = [report(&plan, 0), report(&plan, 1), report(&plan, 2)];
        Fixture { plan, reports }
    })
}

fn branches(report: &CampaignReport) -> impl Iterator<Item = &TeamReport> {
    report.teams.iter().filter(|t| t.parent_code.is_some())
}

/// Mean over the dimensions that have it of a gap read from a dimension.
fn mean_gap(group: &GroupReport, gap: impl Fn(&crate::analytics::group::Gaps) -> Option<f64>) -> Option<f64> {
    let values: Vec<f64> = group.dimensions.values().filter_map(|d| gap(&d.gaps)).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn perception(group: &GroupReport) -> Option<f64> {
    mean_gap(group, |g| g.customer_perception.as_ref().map(|x| x.points))
}

fn blind_spot(group: &GroupReport) -> Option<f64> {
    mean_gap(group, |g| g.managerial_blind_spot.as_ref().map(|x| x.points))
}

/// Mean change in points over an action's target dimensions, both sides.
fn effect(point: &str, before: &GroupReport, after: &GroupReport) -> (f64, usize) {
    let effect = action_effect(point, before, after).unwrap();
    let points: Vec<f64> = effect
        .dimensions
        .values()
        .flat_map(|s| [s.customer.as_ref(), s.employee.as_ref()])
        .flatten()
        .map(|c| c.points)
        .collect();
    (points.iter().sum::<f64>() / points.len().max(1) as f64, points.len())
}

fn group<'a>(report: &'a CampaignReport, team: Option<&str>) -> &'a GroupReport {
    match team {
        None => &report.organisation,
        Some(code) => &report.teams.iter().find(|t| t.code == code).unwrap().group,
    }
}

#[test]
fn the_instrument_parses_whole() {
    let instrument = Instrument::load();
    let dimension_items: usize = instrument.items.values().map(Vec::len).sum();
    let codebook = &crate::domain::instrument::instrument().items;
    assert_eq!(dimension_items + instrument.headlines.len(), codebook.len());
    assert_eq!(instrument.items.len(), 11 * 7);
    assert_eq!(instrument.headlines.len(), 9);
}

#[test]
fn the_organisation_has_regions_branches_and_people() {
    let plan = &fixture().plan;
    assert_eq!(plan.organisation.anonymity_threshold, 5);
    assert!(plan.teams.len() >= 40);
    let regions: Vec<&DemoTeam> = plan.teams.iter().filter(|t| t.parent_code.is_none()).collect();
    assert_eq!(regions.len(), 4);
    for region in &regions {
        let children: Vec<&DemoTeam> = plan
            .teams
            .iter()
            .filter(|t| t.parent_code.as_deref() == Some(region.code.as_str()))
            .collect();
        assert!((10..=11).contains(&children.len()), "{}", region.code);
        assert_eq!(region.headcount, children.iter().map(|t| t.headcount).sum::<i32>());
        for branch in children {
            assert!((6..=20).contains(&branch.headcount), "{}", branch.code);
            assert!(branch.code.starts_with(&format!("{}-", region.code)));
            assert!(branch.code.len() <= 32);
            assert!(branch.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        }
    }
    let emails: BTreeSet<&str> = plan.people.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(emails.len(), plan.people.len(), "e-mails are unique");
    assert!(plan
        .people
        .iter()
        .all(|p| p.email.ends_with("@example.org") && p.email.is_ascii()));
    let role = |r: &str| plan.people.iter().filter(|p| p.role == r).count();
    assert_eq!(role("director"), 2);
    assert_eq!(role("viewer"), 1);
    assert_eq!(role("consultant"), 1, "a consultant accompanies the demo organisation");
    assert_eq!(
        role("manager"),
        plan.teams.len(),
        "one manager per region and per branch"
    );
    for team in &plan.teams {
        let managers = plan
            .people
            .iter()
            .filter(|p| p.role == "manager" && p.team_codes == [team.code.clone()])
            .count();
        assert_eq!(managers, 1, "{}", team.code);
    }
}

#[test]
fn every_answer_is_valid_for_its_population_and_scale() {
    let plan = &fixture().plan;
    let branch_codes: BTreeSet<&str> = plan
        .teams
        .iter()
        .filter(|t| t.parent_code.is_some())
        .map(|t| t.code.as_str())
        .collect();
    let person = |email: &str| plan.people.iter().find(|p| p.email == email);
    let instrument = Instrument::load();
    let (mut asked, mut answered) = (0usize, 0usize);
    assert_eq!(plan.waves.len(), 3);
    for pair in plan.waves.windows(2) {
        assert!(pair[0].closes_days_ago > pair[1].opens_days_ago);
    }
    for wave in &plan.waves {
        assert!(wave.opens_days_ago > wave.closes_days_ago);
        let days = wave.opens_days_ago - wave.closes_days_ago;
        for r in &wave.responses {
            assert!(r.day <= days);
            assert!(!r.answers.is_empty());
            let items: BTreeSet<ItemCode> = r.answers.iter().map(|a| a.0).collect();
            assert_eq!(items.len(), r.answers.len(), "no item answered twice");
            for &(item, value) in &r.answers {
                assert_eq!(item.population(), r.population, "{item}");
                assert!(
                    item.accepts(crate::analytics::InstrumentVersion::CURRENT, value),
                    "{item} = {value}"
                );
            }
            assert_eq!(r.channel.is_some(), r.population == Population::Customer);
            assert_eq!(r.team.is_none(), r.population == Population::Executive);
            if let Some(team) = &r.team {
                assert!(branch_codes.contains(team.as_str()), "{team} is a branch");
            }
            match r.population {
                Population::Customer | Population::Employee => assert!(r.author_email.is_none()),
                Population::Manager => {
                    let author = person(r.author_email.as_deref().unwrap()).unwrap();
                    assert_eq!(author.team_codes, [r.team.clone().unwrap()]);
                }
                Population::Executive => {
                    assert!(person(r.author_email.as_deref().unwrap()).is_some());
                    assert!(r.comment.is_none());
                }
            }
            if r.population == Population::Customer || r.population == Population::Employee {
                asked += instrument
                    .items
                    .iter()
                    .filter(|((_, p), _)| p.population() == r.population)
                    .map(|(_, v)| v.len())
                    .sum::<usize>();
                answered += r
                    .answers
                    .iter()
                    .filter(|a| matches!(a.0, ItemCode::Dimension { .. }))
                    .count();
            }
        }
    }
    let dont_know = 1.0 - answered as f64 / asked as f64;
    assert!((0.02..0.05).contains(&dont_know), "don't know {dont_know}");
}

#[test]
fn each_wave_holds_thousands_of_answers_from_every_population() {
    let plan = &fixture().plan;
    for wave in &plan.waves {
        let count = |p: Population| wave.responses.iter().filter(|r| r.population == p).count();
        let answers: usize = wave.responses.iter().map(|r| r.answers.len()).sum();
        assert!(count(Population::Customer) >= 2000, "{}", count(Population::Customer));
        assert!(count(Population::Employee) >= 300);
        assert_eq!(count(Population::Manager), 42);
        assert!((3..=4).contains(&count(Population::Executive)));
        assert!(answers >= 40_000, "{answers}");
        let with_comment = wave.responses.iter().filter(|r| r.comment.is_some()).count();
        assert!((50..600).contains(&with_comment), "{with_comment} comments");
    }
}

#[test]
fn team_engagement_and_customer_satisfaction_correlate() {
    for (wave, report) in fixture().reports.iter().enumerate() {
        let linkage = &report.linkage;
        assert!(linkage.eligible_teams >= 30, "{}", linkage.eligible_teams);
        let r = linkage.eei_csi.as_ref().unwrap().pearson.r;
        // Where the field finds it (about .3 to .5), not a textbook line;
        // by the third wave customers have caught up with where their
        // employees stood (the model's lag), which tightens the link.
        let field = if wave < 2 { 0.3..0.55 } else { 0.3..0.65 };
        assert!(field.contains(&r), "wave {wave}: r = {r}");
    }
}

#[test]
fn small_branches_are_suppressed() {
    let report = &fixture().reports[0];
    let employee = branches(report).filter(|t| t.group.suppressed.employee).count();
    let customer = branches(report).filter(|t| t.group.suppressed.customer).count();
    assert!(employee >= 3, "{employee}");
    assert!((1..=3).contains(&customer), "{customer}");
    // Pairs of small branches protect each other: no region and not the
    // organisation loses its figures.
    for region in report.teams.iter().filter(|t| t.parent_code.is_none()) {
        assert!(!region.group.suppressed.employee && !region.group.suppressed.customer);
    }
}

#[test]
fn perception_gaps_and_blind_spots_stand_out() {
    let report = &fixture().reports[0];
    let overestimating = branches(report)
        .filter(|t| perception(&t.group).is_some_and(|g| g >= 10.0))
        .count();
    let blind = branches(report)
        .filter(|t| blind_spot(&t.group).is_some_and(|g| g >= 15.0))
        .count();
    assert!(overestimating >= 2, "{overestimating} teams overestimate customers");
    assert!(blind >= 2, "{blind} managers with blind spots");
    // The ordinary branch is not a caricature: the median gap is modest.
    let mut gaps: Vec<f64> = branches(report).filter_map(|t| perception(&t.group)).collect();
    gaps.sort_by(f64::total_cmp);
    let median = gaps[gaps.len() / 2];
    assert!((-5.0..10.0).contains(&median), "median perception gap {median}");
    let org = &report.organisation;
    let leadership_e = mean_gap(org, |g| g.leadership_employee.as_ref().map(|x| x.points)).unwrap();
    let leadership_c = mean_gap(org, |g| g.leadership_customer.as_ref().map(|x| x.points)).unwrap();
    assert!(
        leadership_e >= 10.0 && leadership_c >= 10.0,
        "{leadership_e} {leadership_c}"
    );
    let recommended = branches(report).filter(|t| !t.group.recommendations.is_empty()).count();
    assert!(recommended >= 10, "{recommended}");
}

#[test]
fn the_app_is_the_weak_channel_on_digital_and_cooperation() {
    let plan = &fixture().plan;
    let view = channel_view(&campaign(plan, 0), &settings(), &ReportFilter::default()).unwrap();
    for d in [Dimension::Digital, Dimension::Cooperation] {
        let dim = &view.dimensions[&d];
        let weakest = dim
            .channels
            .iter()
            .filter_map(|(c, s)| Some((*c, s.favourable?)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        assert_eq!(weakest.0, Channel::App, "{d}");
        assert!(dim.spread.unwrap() >= 10.0, "{d}");
    }
}

#[test]
fn adopted_actions_improve_their_target_dimensions() {
    let Fixture { plan, reports } = fixture();
    let first: Vec<&DemoAction> = plan.actions.iter().filter(|a| a.wave == 0).collect();
    assert!((4..=6).contains(&first.len()));
    assert!(first.iter().any(|a| a.team.is_none()));
    let action_plan: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/action_plan.json"
    )))
    .unwrap();
    for action in first {
        assert!(action_plan
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["code"] == action.point.as_str()));
        assert!(plan.people.iter().any(|p| p.email == action.owner_email));
        assert!(["done", "in_progress"].contains(&action.status.as_str()));
        let team = action.team.as_deref();
        let (points, n) = effect(&action.point, group(&reports[0], team), group(&reports[1], team));
        assert!(n >= 2, "{} has changes to read", action.point);
        assert!(points > 0.0, "{} on {team:?}: {points}", action.point);
    }
    // What no action touched stays roughly where it was.
    let comparison = compare_waves(&reports[0], &reports[1]);
    for d in [Dimension::Values, Dimension::Environment] {
        for p in [Perspective::Customer, Perspective::Employee] {
            let change = comparison.organisation.dimensions[&d][&p].as_ref().unwrap();
            assert!(change.points.abs() < 8.0, "{d} {p}: {}", change.points);
            assert!(change.p.unwrap() > 0.01, "{d} {p}: p = {:?}", change.p);
        }
    }
}

#[test]
fn the_plan_is_deterministic_per_seed() {
    let a = plan(7);
    assert_eq!(a, plan(7));
    let b = plan(8);
    assert_ne!(a, b);
    assert_ne!(a.waves[0].responses, b.waves[0].responses);
}

/// Not part of the default run (about 1 s per seed in debug): checks that
/// the story does not hinge on the default seed.
#[test]
#[ignore]
fn the_story_holds_for_other_seeds() {
    let mut rs = Vec::new();
    for seed in 0..20 {
        let plan = plan(seed);
        let reports = [report(&plan, 0), report(&plan, 1)];
        for (wave, report) in reports.iter().enumerate() {
            let r = report.linkage.eei_csi.as_ref().unwrap().pearson.r;
            let blind = branches(report)
                .filter(|t| blind_spot(&t.group).is_some_and(|g| g >= 15.0))
                .count();
            let over = branches(report)
                .filter(|t| perception(&t.group).is_some_and(|g| g >= 10.0))
                .count();
            eprintln!("seed {seed}: r {r:.3}, {blind} blind spots, {over} over-estimating teams");
            rs.push(r);
            // With about 36 teams the sampling error of r is about 0.15.
            assert!((-0.05..0.8).contains(&r), "seed {seed}: r = {r}");
            // Managers who adopted "listen inside" see their team better in
            // the second wave.
            assert!(blind >= 2 - wave && over >= 2, "seed {seed}");
        }
        for action in &plan.actions {
            let team = action.team.as_deref();
            let (points, _) = effect(&action.point, group(&reports[0], team), group(&reports[1], team));
            assert!(points > 0.0, "seed {seed}: {} on {team:?}: {points}", action.point);
        }
    }
    rs.sort_by(f64::total_cmp);
    let median = rs[rs.len() / 2];
    eprintln!("r: min {:.3} median {median:.3} max {:.3}", rs[0], rs[rs.len() - 1]);
    // Where the field finds it: Harter, Schmidt & Hayes report .33 over
    // 7,939 units.
    assert!((0.3..0.5).contains(&median), "median r = {median}");
}

/// The demo's figures that a reader sees first, per wave.
#[derive(Serialize)]
struct KeyFigures {
    wave: String,
    respondents: BTreeMap<&'static str, usize>,
    eei: Option<f64>,
    csi: Option<f64>,
    enps: Option<f64>,
    nps: Option<f64>,
    eei_csi: Option<Interval>,
    enps_nps: Option<Interval>,
    teams_shown: usize,
    teams_suppressed_employee: usize,
    teams_suppressed_customer: usize,
    top_recommendations: Vec<&'static str>,
    /// SHA-256 of the whole report as JSON: any change to any figure of
    /// the engine's output changes it.
    report_sha256: String,
}

#[derive(Serialize)]
struct DemoFigures {
    /// SHA-256 of the whole plan as JSON (every answer, day and comment).
    plan_sha256: String,
    waves: Vec<KeyFigures>,
}

#[derive(Serialize)]
struct Interval {
    r: f64,
    ci_low: f64,
    ci_high: f64,
}

fn sha256(json: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn key_figures_of(wave: &DemoWave, report: &CampaignReport) -> KeyFigures {
    let org = &report.organisation;
    let interval = |c: &Option<crate::analytics::linkage::Correlation>| {
        c.as_ref().map(|c| Interval {
            r: c.pearson.r,
            ci_low: c.pearson.ci_low,
            ci_high: c.pearson.ci_high,
        })
    };
    KeyFigures {
        wave: wave.name.clone(),
        respondents: Population::ALL
            .iter()
            .map(|&p| (p.as_str(), wave.responses.iter().filter(|r| r.population == p).count()))
            .collect(),
        eei: org.indices.eei,
        csi: org.indices.csi,
        enps: org.indices.enps.score,
        nps: org.indices.nps.score,
        eei_csi: interval(&report.linkage.eei_csi),
        enps_nps: interval(&report.linkage.enps_nps),
        teams_shown: report
            .teams
            .iter()
            .filter(|t| !t.group.suppressed.employee && !t.group.suppressed.customer)
            .count(),
        teams_suppressed_employee: report.teams.iter().filter(|t| t.group.suppressed.employee).count(),
        teams_suppressed_customer: report.teams.iter().filter(|t| t.group.suppressed.customer).count(),
        top_recommendations: org.recommendations.iter().take(5).map(|r| r.action).collect(),
        report_sha256: sha256(&serde_json::to_string(report).unwrap()),
    }
}

/// The key figures of both waves, with fingerprints of the whole plan
/// and of each whole report, taken before the demo, the charts and the
/// exports were split into smaller modules: a refactor that changes any
/// answer or any figure fails here.
#[test]
fn key_figures() {
    let Fixture { plan, reports } = fixture();
    let waves: Vec<KeyFigures> = plan
        .waves
        .iter()
        .zip(reports)
        .map(|(wave, report)| key_figures_of(wave, report))
        .collect();
    insta::assert_yaml_snapshot!(DemoFigures {
        plan_sha256: sha256(&serde_json::to_string(plan).unwrap()),
        waves,
    });
}

/// How many teams of a report each point is recommended to.
fn teams_per_point(report: &CampaignReport) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for team in &report.teams {
        for r in &team.group.recommendations {
            *counts.entry(r.action).or_insert(0) += 1;
        }
    }
    counts
}

/// ACTION-PLAN.md: a plan that recommends everything guides no one. On the
/// demo, in both waves, no point goes to more than half of the teams, no
/// team gets more than three points (the organisation five), ranked 1, 2, 3.
#[test]
fn the_plan_chooses_on_the_demo() {
    for (wave, report) in fixture().reports.iter().enumerate() {
        let counts = teams_per_point(report);
        let teams = report.teams.len();
        eprintln!("wave {wave}: {teams} teams, teams per point {counts:?}");
        for (point, n) in &counts {
            assert!(2 * n <= teams, "wave {wave}: {point} for {n} of {teams} teams");
        }
        for team in &report.teams {
            let ranks: Vec<usize> = team.group.recommendations.iter().map(|r| r.rank).collect();
            assert!(ranks.len() <= 3, "{}: {ranks:?}", team.code);
            assert_eq!(ranks, (1..=ranks.len()).collect::<Vec<_>>(), "{}", team.code);
        }
        assert!(report.organisation.recommendations.len() <= 5);
        // The plan still says something: most teams get at least one point.
        let with_points = report
            .teams
            .iter()
            .filter(|t| !t.group.recommendations.is_empty())
            .count();
        assert!(2 * with_points >= teams, "wave {wave}: {with_points} of {teams} teams");
    }
}

/// Issue #15 on the demo: between waves 2 and 3 customers follow their
/// employees (the model's lag), and of the points adopted by several
/// branches after wave 2, "listen inside" beats the branches that did not
/// adopt it on both sides, "remove irritants" on the employee side only,
/// and "recognise" (no effect in the model) on neither.
#[test]
fn the_third_wave_shows_who_moves_first_and_which_actions_worked() {
    let Fixture { plan, reports } = fixture();
    let panel = compare_waves(&reports[1], &reports[2]).cross_lagged;
    let indices = panel.indices.as_ref().unwrap();
    eprintln!("{} teams, {indices:?}", panel.eligible_teams);
    assert_eq!(indices.precedence, crate::analytics::lagged::Precedence::EmployeesFirst);
    let adopting = |point: &str| -> BTreeSet<String> {
        plan.actions
            .iter()
            .filter(|a| a.wave == 1 && a.point == point)
            .filter_map(|a| a.team.clone())
            .collect()
    };
    let side = |point: &str| {
        let did =
            crate::analytics::difference_in_differences(point, &reports[1], &reports[2], &adopting(point)).unwrap();
        let clear = |c: Option<crate::analytics::lagged::Contrast>| {
            let e = c.unwrap().difference.unwrap();
            eprintln!("{point}: {e:?}");
            e.ci_low > 0.0
        };
        (clear(did.targets.customer), clear(did.targets.employee))
    };
    assert_eq!(side("listen-inside"), (true, true));
    assert_eq!(side("remove-irritants"), (false, true));
    assert_eq!(side("recognise"), (false, false));
    // Every dimension gets its aggregation check.
    let checks = reports[2].linkage.aggregation.as_ref().unwrap();
    eprintln!("team level: {} of 11", checks.values().filter(|c| c.team_level).count());
    for c in checks.values() {
        assert!(c.customer.icc1.is_some() && c.employee.mean_rwg_j.is_some(), "{c:?}");
    }
}

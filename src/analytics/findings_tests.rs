use std::collections::BTreeMap;

use super::*;
use crate::analytics::compare::IndexChanges;
use crate::analytics::scores::{PointGap, TestedGap};
use crate::analytics::{
    build_report, compare_waves, CampaignData, CampaignMeta, CampaignReport, ItemCode, Population, ReportFilter,
    Respondent, Settings,
};

/// `count` identical respondents of `team`.
fn add(data: &mut CampaignData, team: &str, population: Population, answers: &[(&str, u8)], count: usize) {
    let answers: Vec<(ItemCode, u8)> = answers.iter().map(|(c, v)| (ItemCode::parse(c).unwrap(), *v)).collect();
    for _ in 0..count {
        data.add_respondent(&Respondent {
            team: Some(team),
            population,
            channel: None,
            answers: &answers,
        });
    }
}

fn report_of(data: &CampaignData) -> CampaignReport {
    let meta = CampaignMeta {
        id: "1".into(),
        name: "Wave".into(),
        status: "closed".into(),
    };
    build_report(data, &Settings::default(), &meta, &ReportFilter::default()).unwrap()
}

/// A group with no figure at all: its gaps are set by hand below.
fn empty_group() -> GroupReport {
    let mut data = CampaignData::default();
    data.add_team("shop", "Shop", None);
    report_of(&data).organisation
}

fn tested(points: f64, significant: bool) -> Option<TestedGap> {
    Some(TestedGap {
        points,
        p: if significant { 0.001 } else { 0.2 },
        q: if significant { 0.01 } else { 0.3 },
        significant,
    })
}

fn blind(points: f64) -> Option<PointGap> {
    Some(PointGap { points })
}

fn gaps(group: &mut GroupReport, d: Dimension) -> &mut super::super::group::Gaps {
    &mut group.dimensions.get_mut(&d).unwrap().gaps
}

fn named(found: &[Finding]) -> Vec<(Dimension, FindingGap, f64)> {
    found.iter().map(|f| (f.dimension, f.gap, f.points)).collect()
}

#[test]
fn nothing_notable_gives_no_finding() {
    let mut group = empty_group();
    assert!(findings(&group).is_empty());
    // A large gap that is not significant, a blind spot under 10 points.
    gaps(&mut group, Dimension::Listening).symmetry = tested(-30.0, false);
    gaps(&mut group, Dimension::Trust).managerial_blind_spot = blind(9.9);
    gaps(&mut group, Dimension::Trust).manager_customer_blind_spot = blind(-9.99);
    assert!(findings(&group).is_empty());
}

#[test]
fn significant_gaps_and_blind_spots_are_ranked_by_size() {
    let mut group = empty_group();
    gaps(&mut group, Dimension::Listening).customer_perception = tested(18.0, true);
    gaps(&mut group, Dimension::Trust).symmetry = tested(-25.0, true);
    gaps(&mut group, Dimension::Values).symmetry = tested(40.0, false);
    gaps(&mut group, Dimension::Autonomy).managerial_blind_spot = blind(-22.0);
    gaps(&mut group, Dimension::Courtesy).manager_customer_blind_spot = blind(10.0);
    gaps(&mut group, Dimension::Digital).symmetry = tested(6.0, true);
    assert_eq!(
        named(&findings(&group)),
        [
            (Dimension::Trust, FindingGap::Symmetry, -25.0),
            (Dimension::Autonomy, FindingGap::ManagerialBlindSpot, -22.0),
            (Dimension::Listening, FindingGap::CustomerPerception, 18.0),
        ]
    );
}

#[test]
fn the_largest_blind_spot_is_named_even_when_tested_gaps_are_larger() {
    let mut group = empty_group();
    for (d, points) in [
        (Dimension::Listening, 30.0),
        (Dimension::Trust, 28.0),
        (Dimension::Values, -26.0),
    ] {
        gaps(&mut group, d).symmetry = tested(points, true);
    }
    gaps(&mut group, Dimension::Autonomy).managerial_blind_spot = blind(12.0);
    let found = named(&findings(&group));
    assert_eq!(found.len(), MAX_FINDINGS);
    assert_eq!(found[2], (Dimension::Autonomy, FindingGap::ManagerialBlindSpot, 12.0));
    assert_eq!(
        found[..2],
        [
            (Dimension::Listening, FindingGap::Symmetry, 30.0),
            (Dimension::Trust, FindingGap::Symmetry, 28.0)
        ]
    );
    // And the other way round: blind spots do not crowd out the test.
    let mut group = empty_group();
    for (d, points) in [
        (Dimension::Listening, 50.0),
        (Dimension::Trust, 45.0),
        (Dimension::Values, 40.0),
    ] {
        gaps(&mut group, d).managerial_blind_spot = blind(points);
    }
    gaps(&mut group, Dimension::Autonomy).symmetry = tested(-8.0, true);
    assert!(named(&findings(&group)).contains(&(Dimension::Autonomy, FindingGap::Symmetry, -8.0)));
}

#[test]
fn ties_put_tests_first_then_the_instruments_order() {
    let mut group = empty_group();
    gaps(&mut group, Dimension::Trust).managerial_blind_spot = blind(20.0);
    gaps(&mut group, Dimension::Trust).symmetry = tested(-20.0, true);
    gaps(&mut group, Dimension::Listening).customer_perception = tested(20.0, true);
    let found = named(&findings(&group));
    // Listening comes before trust in the instrument.
    assert!(Dimension::Listening.index() < Dimension::Trust.index());
    assert_eq!(
        found,
        [
            (Dimension::Listening, FindingGap::CustomerPerception, 20.0),
            (Dimension::Trust, FindingGap::Symmetry, -20.0),
            (Dimension::Trust, FindingGap::ManagerialBlindSpot, 20.0),
        ]
    );
    // Same input, same answer.
    assert_eq!(findings(&group), findings(&group));
}

#[test]
fn a_dimension_is_named_once_while_others_remain() {
    let mut group = empty_group();
    let listening = gaps(&mut group, Dimension::Listening);
    listening.symmetry = tested(30.0, true);
    listening.customer_perception = tested(29.0, true);
    listening.manager_customer_blind_spot = blind(28.0);
    gaps(&mut group, Dimension::Trust).symmetry = tested(12.0, true);
    let found = named(&findings(&group));
    assert_eq!(
        found,
        [
            (Dimension::Listening, FindingGap::Symmetry, 30.0),
            (Dimension::Listening, FindingGap::ManagerCustomerBlindSpot, 28.0),
            (Dimension::Trust, FindingGap::Symmetry, 12.0),
        ]
    );
}

/// One shop whose customers are all unfavourable on listening, employees
/// all favourable, and a manager who thinks trust is fine when employees
/// say it is not; `customers` customers answered.
fn shop(customers: usize) -> CampaignData {
    let mut data = CampaignData::default();
    data.add_team("shop", "Shop", None);
    add(
        &mut data,
        "shop",
        Population::Customer,
        &[("listening.c.1", 1), ("trust.c.1", 2)],
        customers,
    );
    add(
        &mut data,
        "shop",
        Population::Employee,
        &[("listening.e.1", 5), ("trust.e.1", 1)],
        8,
    );
    add(
        &mut data,
        "shop",
        Population::Manager,
        &[("trust.me.1", 5), ("trust.mc.1", 5)],
        1,
    );
    data
}

#[test]
fn the_engines_significance_and_anonymity_decide() {
    let report = report_of(&shop(8));
    let group = &report.teams[0].group;
    let found = findings(group);
    let symmetry = group.dimensions[&Dimension::Listening].gaps.symmetry.clone().unwrap();
    assert!(symmetry.significant);
    assert!(found
        .iter()
        .any(|f| f.dimension == Dimension::Listening && f.gap == FindingGap::Symmetry && f.points == symmetry.points));
    assert!(found.iter().any(|f| f.gap == FindingGap::ManagerialBlindSpot));
    // Customers under k: no finding may involve them, the employees' side stays.
    let hidden = report_of(&shop(2));
    let group = &hidden.teams[0].group;
    assert!(group.suppressed.customer);
    let found = findings(group);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|f| f.gap == FindingGap::ManagerialBlindSpot),
        "{found:?}"
    );
}

fn change(points: f64, significant: Option<bool>) -> Option<Change> {
    Some(Change {
        before: 50.0,
        after: 50.0 + points,
        points,
        p: significant.map(|_| 0.01),
        q: significant.map(|_| 0.02),
        significant,
    })
}

fn group_change(rows: &[(Dimension, Perspective, Option<Change>)], csat: Option<Change>) -> GroupChange {
    let mut dimensions: BTreeMap<Dimension, BTreeMap<Perspective, Option<Change>>> = BTreeMap::new();
    for (d, p, c) in rows {
        dimensions.entry(*d).or_default().insert(*p, c.clone());
    }
    GroupChange {
        dimensions,
        indices: IndexChanges {
            csi: change(30.0, None),
            eei: None,
            nps: change(-40.0, None),
            enps: None,
            csat,
            ces: None,
            fcr: None,
            ies: None,
        },
        pillars: BTreeMap::new(),
    }
}

#[test]
fn only_significant_changes_are_named_largest_first() {
    use Perspective::{Customer, Employee, ManagerEstimateEmployee};
    let g = group_change(
        &[
            (Dimension::Listening, Customer, change(9.0, Some(true))),
            (Dimension::Listening, Employee, change(-15.0, Some(true))),
            (Dimension::Trust, Customer, change(20.0, Some(false))),
            (Dimension::Trust, ManagerEstimateEmployee, change(50.0, None)),
            (Dimension::Values, Customer, None),
        ],
        change(12.0, Some(true)),
    );
    let (found, more) = significant_changes(&g);
    let subjects: Vec<_> = found.iter().map(|c| (c.subject, c.points)).collect();
    assert_eq!(
        subjects,
        [
            (ChangeSubject::Dimension(Dimension::Listening, Employee), -15.0),
            (ChangeSubject::Index("csat"), 12.0),
            (ChangeSubject::Dimension(Dimension::Listening, Customer), 9.0),
        ]
    );
    assert_eq!(more, 0);
    assert_eq!(found[0].before, 50.0);
    assert_eq!(found[0].after, 35.0);
    let nothing = group_change(&[(Dimension::Trust, Customer, change(20.0, Some(false)))], None);
    assert_eq!(significant_changes(&nothing), (Vec::new(), 0));
}

#[test]
fn at_most_five_changes_and_the_count_of_the_others() {
    let rows: Vec<_> = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, &d)| (d, Perspective::Customer, change(5.0 + i as f64, Some(true))))
        .collect();
    let (found, more) = significant_changes(&group_change(&rows, None));
    assert_eq!(found.len(), MAX_CHANGES);
    assert_eq!(more, Dimension::ALL.len() - MAX_CHANGES);
    assert_eq!(found[0].points, 5.0 + (Dimension::ALL.len() - 1) as f64);
}

/// METHOD.md §7, time as a differencing channel: a change is published
/// only between two figures each wave shows. A team whose customers were
/// under k in one wave has no customer change at all (not even its points),
/// while its employees' changes stand.
#[test]
fn a_change_exists_only_where_both_waves_show_the_population() {
    let mut before = shop(2);
    // The second wave: enough customers, now favourable on listening.
    let mut after = shop(0);
    add(
        &mut after,
        "shop",
        Population::Customer,
        &[("listening.c.1", 5), ("trust.c.1", 5)],
        8,
    );
    // Employees' listening: 8 of 20 favourable, then 20 of 20.
    add(&mut before, "shop", Population::Employee, &[("listening.e.1", 1)], 12);
    add(&mut after, "shop", Population::Employee, &[("listening.e.1", 5)], 12);
    let (before, after) = (report_of(&before), report_of(&after));
    assert!(before.teams[0].group.suppressed.customer && !after.teams[0].group.suppressed.customer);
    for comparison in [compare_waves(&before, &after), compare_waves(&after, &before)] {
        let team = &comparison.teams["shop"];
        for per in team.dimensions.values() {
            assert_eq!(per[&Perspective::Customer], None);
        }
        let i = &team.indices;
        assert!(i.csi.is_none() && i.nps.is_none() && i.csat.is_none());
        assert!(team.dimensions[&Dimension::Listening][&Perspective::Employee].is_some());
        let (found, _) = significant_changes(team);
        assert!(found.iter().all(|c| !matches!(
            c.subject,
            ChangeSubject::Dimension(_, Perspective::Customer) | ChangeSubject::Index(_)
        )));
        assert!(found
            .iter()
            .any(|c| c.subject == ChangeSubject::Dimension(Dimension::Listening, Perspective::Employee)));
    }
}

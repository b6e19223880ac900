//! End-to-end checks of the report contract (API.md key set, nulls), the
//! recommendations, the channel view and the wave comparison on small,
//! hand-built campaigns.

use serde_json::Value;
use std::collections::BTreeSet;

use super::items::ItemCode;
use super::*;

fn item(code: &str) -> ItemCode {
    ItemCode::parse(code).unwrap()
}

/// `count` identical respondents.
fn add(
    data: &mut CampaignData,
    team: Option<&str>,
    population: Population,
    channel: Option<Channel>,
    answers: &[(&str, u8)],
    count: usize,
) {
    let answers: Vec<(ItemCode, u8)> = answers.iter().map(|(c, v)| (item(c), *v)).collect();
    for _ in 0..count {
        data.add_respondent(&Respondent {
            team,
            population,
            channel,
            answers: &answers,
        });
    }
}

/// org → north (shop1 with 6 customers, shop2 with 2 customers), south.
fn small_campaign() -> CampaignData {
    let mut data = CampaignData::default();
    data.add_team("north", "North", None);
    data.add_team("shop1", "Shop 1", Some("north"));
    data.add_team("shop2", "Shop 2", Some("north"));
    data.add_team("south", "South", None);
    let web = Some(Channel::Web);
    let phone = Some(Channel::Phone);
    add(
        &mut data,
        Some("shop1"),
        Population::Customer,
        web,
        &[("listening.c.1", 2), ("nps", 10), ("fcr", 0)],
        4,
    );
    add(
        &mut data,
        Some("shop1"),
        Population::Customer,
        phone,
        &[("listening.c.1", 5), ("nps", 3), ("fcr", 1)],
        2,
    );
    add(
        &mut data,
        Some("shop2"),
        Population::Customer,
        web,
        &[("listening.c.1", 4)],
        2,
    );
    add(
        &mut data,
        Some("south"),
        Population::Customer,
        phone,
        &[("listening.c.1", 4), ("listening.c.2", 5)],
        7,
    );
    add(
        &mut data,
        Some("shop1"),
        Population::Employee,
        None,
        &[
            ("listening.e.1", 2),
            ("listening.ec.1", 5),
            ("ies", 2),
            ("orientation.1", 5),
        ],
        5,
    );
    add(
        &mut data,
        Some("south"),
        Population::Employee,
        None,
        &[("listening.e.1", 5), ("enps", 9)],
        5,
    );
    add(
        &mut data,
        Some("shop1"),
        Population::Manager,
        None,
        &[("listening.me.1", 5)],
        1,
    );
    add(
        &mut data,
        None,
        Population::Executive,
        None,
        &[("listening.xe.1", 5), ("listening.xc.1", 5)],
        2,
    );
    data
}

fn report_of(data: &CampaignData, filter: &ReportFilter) -> CampaignReport {
    let meta = CampaignMeta {
        id: "42".into(),
        name: "Wave 1".into(),
        status: "closed".into(),
    };
    build_report(data, &Settings::default(), &meta, filter).unwrap()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

#[test]
fn the_report_has_exactly_the_api_keys() {
    let json = serde_json::to_value(report_of(&small_campaign(), &ReportFilter::default())).unwrap();
    assert_eq!(
        keys(&json),
        set(&[
            "campaign",
            "anonymity_threshold",
            "organisation",
            "teams",
            "linkage",
            "label_readiness"
        ])
    );
    assert_eq!(
        keys(&json["label_readiness"]),
        set(&["thresholds", "audits", "average", "average_margin", "ready"])
    );
    assert_eq!(keys(&json["campaign"]), set(&["id", "name", "status"]));
    let group_keys = [
        "n",
        "suppressed",
        "dimensions",
        "indices",
        "pillars",
        "maturity",
        "recommendations",
    ];
    let org = &json["organisation"];
    assert_eq!(keys(org), set(&group_keys));
    let mut team_keys = group_keys.to_vec();
    team_keys.extend(["code", "name", "parent_code"]);
    for team in json["teams"].as_array().unwrap() {
        assert_eq!(keys(team), set(&team_keys));
    }
    assert_eq!(json["teams"][0]["parent_code"], Value::Null);
    assert_eq!(keys(&org["n"]), set(&["customer", "employee", "manager", "executive"]));
    assert_eq!(keys(&org["suppressed"]), keys(&org["n"]));
    assert_eq!(org["dimensions"].as_object().unwrap().len(), 11);
    let listening = &org["dimensions"]["listening"];
    assert_eq!(
        keys(listening),
        set(&[
            "customer",
            "employee",
            "employee_estimate_customer",
            "manager_estimate_employee",
            "manager_estimate_customer",
            "executive_estimate_employee",
            "executive_estimate_customer",
            "gaps",
        ])
    );
    assert_eq!(
        keys(&listening["customer"]),
        set(&["n", "favourable", "ci_low", "ci_high", "mean"])
    );
    assert_eq!(
        keys(&listening["gaps"]),
        set(&[
            "symmetry",
            "customer_perception",
            "managerial_blind_spot",
            "manager_customer_blind_spot",
            "leadership_employee",
            "leadership_customer",
        ])
    );
    assert_eq!(
        keys(&listening["gaps"]["symmetry"]),
        set(&["points", "p", "q", "significant"])
    );
    assert_eq!(keys(&listening["gaps"]["managerial_blind_spot"]), set(&["points"]));
    assert_eq!(keys(&listening["gaps"]["leadership_employee"]), set(&["points"]));
    assert!(listening["gaps"]["leadership_employee"]["points"].is_number());
    let indices = &org["indices"];
    assert_eq!(
        keys(indices),
        set(&["csi", "eei", "nps", "enps", "csat", "ces", "fcr", "ies", "cos"])
    );
    assert_eq!(keys(&indices["nps"]), set(&["score", "ci_low", "ci_high", "n"]));
    assert_eq!(keys(&indices["cos"]), set(&["strong", "medium", "weak"]));
    // Only shop1 answered fcr and shop1 is hidden: the roll-ups would be
    // shop1's own figure, so they are hidden too.
    assert!(indices["fcr"].is_null() && indices["csat"].is_null());
    assert!(indices["ies"].is_number());
    assert_eq!(keys(&org["pillars"]), set(&["customer", "employee"]));
    assert_eq!(
        keys(&org["pillars"]["customer"]),
        set(&["execution", "link", "emotion"])
    );
    assert_eq!(keys(&org["maturity"]), set(&["customer", "employee"]));
    assert_eq!(
        keys(&json["linkage"]),
        set(&[
            "aggregation",
            "eligible_teams",
            "eei_csi",
            "enps_nps",
            "dimensions",
            "drivers",
            "quadrants"
        ])
    );
    assert_eq!(json["linkage"]["eei_csi"], Value::Null);
}

#[test]
fn suppressed_figures_are_null_and_so_are_their_gaps() {
    let report = report_of(&small_campaign(), &ReportFilter::default());
    let json = serde_json::to_value(&report).unwrap();
    let team = |code: &str| {
        json["teams"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .unwrap()
            .clone()
    };
    // shop2 has 2 customers (< 5), so its sibling shop1 (6) is hidden too.
    for code in ["shop1", "shop2"] {
        let t = team(code);
        assert_eq!(t["suppressed"]["customer"], true, "{code}");
        assert_eq!(t["n"]["customer"], Value::Null);
        let c = &t["dimensions"]["listening"]["customer"];
        assert!(c.as_object().unwrap().values().all(Value::is_null), "{code}: {c}");
        assert_eq!(t["dimensions"]["listening"]["gaps"]["symmetry"], Value::Null);
        assert_eq!(t["indices"]["nps"]["n"], Value::Null);
    }
    let shop1 = team("shop1");
    assert_eq!(shop1["n"]["employee"], 5);
    assert_eq!(shop1["suppressed"]["manager"], false);
    assert_eq!(shop1["dimensions"]["listening"]["manager_estimate_employee"]["n"], 1);
    assert_eq!(
        shop1["dimensions"]["listening"]["gaps"]["managerial_blind_spot"]["points"],
        100.0
    );
    // north (8 customers) is shown: its two children are both hidden.
    assert_eq!(team("north")["n"]["customer"], 8);
    assert_eq!(team("south")["suppressed"]["employee"], false);
    assert_eq!(json["organisation"]["n"]["executive"], 2);
}

#[test]
fn identical_input_gives_identical_bytes() {
    let a = serde_json::to_string(&report_of(&small_campaign(), &ReportFilter::default())).unwrap();
    let b = serde_json::to_string(&report_of(&small_campaign(), &ReportFilter::default())).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_team_filter_scopes_the_report_and_drops_executives() {
    let filter = ReportFilter {
        team: Some("north".into()),
        channel: None,
    };
    let report = report_of(&small_campaign(), &filter);
    let codes: Vec<&str> = report.teams.iter().map(|t| t.code.as_str()).collect();
    assert_eq!(codes, ["north", "shop1", "shop2"]);
    assert_eq!(report.organisation.n.customer, Some(8));
    assert_eq!(report.organisation.n.executive, Some(0));
    assert!(report.organisation.dimensions[&Dimension::Listening]
        .gaps
        .leadership_employee
        .is_none());
    let unknown = ReportFilter {
        team: Some("nowhere".into()),
        channel: None,
    };
    let meta = CampaignMeta {
        id: "1".into(),
        name: "x".into(),
        status: "open".into(),
    };
    assert!(build_report(&small_campaign(), &Settings::default(), &meta, &unknown).is_err());
}

/// `small_campaign` with six web customers more in south: every channel
/// cell of north and south is then hidden in pairs, and the organisation's
/// channels can be shown.
fn campaign_with_web_in_south() -> CampaignData {
    let mut data = small_campaign();
    add(
        &mut data,
        Some("south"),
        Population::Customer,
        Some(Channel::Web),
        &[("listening.c.1", 5)],
        6,
    );
    data
}

#[test]
fn a_channel_filter_keeps_only_that_channels_customers() {
    let filter = ReportFilter {
        team: None,
        channel: Some(Channel::Phone),
    };
    let report = report_of(&campaign_with_web_in_south(), &filter);
    assert_eq!(report.organisation.n.customer, Some(9));
    assert_eq!(report.organisation.n.employee, Some(10));
    let listening = &report.organisation.dimensions[&Dimension::Listening];
    assert_eq!(listening.customer.favourable, Some(100.0));
    // north has 2 phone customers, so south's phone is hidden with it
    // (org − south = north).
    let south = report.teams.iter().find(|t| t.code == "south").unwrap();
    assert_eq!(south.group.n.customer, None);
}

#[test]
fn a_channel_is_hidden_where_the_group_minus_its_other_channels_would_tell_it() {
    // north: 6 web, 2 phone; south: 7 phone, no web. The organisation's 6
    // web customers are north's (south has none), and north's 8 customers
    // are shown: org web would give north's 2 phone customers as 8 − 6.
    let report = report_of(
        &small_campaign(),
        &ReportFilter {
            team: None,
            channel: Some(Channel::Web),
        },
    );
    assert_eq!(report.organisation.n.customer, None);
    let view = channel_view(&small_campaign(), &Settings::default(), &ReportFilter::default()).unwrap();
    assert_eq!((view.n[&Channel::Web], view.n[&Channel::Phone]), (None, None));
    let north = report_of(&small_campaign(), &ReportFilter::default());
    let north = north.teams.iter().find(|t| t.code == "north").unwrap();
    assert_eq!(north.group.n.customer, Some(8));
}

#[test]
fn recommendations_follow_the_action_plan() {
    let report = report_of(&small_campaign(), &ReportFilter::default());
    let org = &report.organisation;
    let actions: Vec<&str> = org.recommendations.iter().map(|r| r.action).collect();
    // E listening 50 % (low), E→C 100 % vs C: customer perception gap > +10.
    assert!(actions.contains(&"listen-inside"), "{actions:?}");
    assert!(actions.contains(&"share-voice"), "{actions:?}");
    let sizes: Vec<f64> = org.recommendations.iter().map(|r| r.because[0].points.abs()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "ranked by size: {sizes:?}");
    let share = org.recommendations.iter().find(|r| r.action == "share-voice").unwrap();
    assert_eq!(
        (share.because[0].dimension, share.because[0].gap),
        ("listening", "customer_perception")
    );
    let ies = org
        .recommendations
        .iter()
        .find(|r| r.action == "remove-irritants")
        .unwrap();
    assert!(ies
        .because
        .iter()
        .any(|b| b.dimension == "ies" && b.gap == "low_index" && b.points == -60.0));
}

#[test]
fn the_channel_view_shows_spread_over_visible_channels() {
    let data = campaign_with_web_in_south();
    let view = channel_view(&data, &Settings::default(), &ReportFilter::default()).unwrap();
    assert_eq!(view.n[&Channel::Web], Some(12));
    assert_eq!(view.n[&Channel::Phone], Some(9));
    assert_eq!(view.n[&Channel::App], None);
    let listening = &view.dimensions[&Dimension::Listening];
    // web: 2 + 6 of 12 favourable; phone: 2 + 14 answers of 16, all favourable.
    let web = listening.channels[&Channel::Web].favourable.unwrap();
    assert!((web - 100.0 * 8.0 / 12.0).abs() < 1e-12);
    assert!((listening.spread.unwrap() - (100.0 - web)).abs() < 1e-12);
}

#[test]
fn waves_compare_scores_with_the_same_test() {
    let before = report_of(&small_campaign(), &ReportFilter::default());
    let mut later = small_campaign();
    add(
        &mut later,
        Some("south"),
        Population::Employee,
        None,
        &[("listening.e.1", 5)],
        10,
    );
    let after = report_of(&later, &ReportFilter::default());
    let diff = compare_waves(&before, &after);
    let change = diff.organisation.dimensions[&Dimension::Listening][&Perspective::Employee]
        .clone()
        .unwrap();
    // 5 of 10 favourable, then 15 of 20.
    assert!((change.points - 25.0).abs() < 1e-12);
    let p = stats::two_proportion_p(15, 20, 5, 10).unwrap();
    assert_eq!(change.p, Some(p));
    assert!(diff.teams["shop1"].dimensions[&Dimension::Listening][&Perspective::Customer].is_none());
    let effect = action_effect("listen-inside", &before.organisation, &after.organisation).unwrap();
    assert_eq!(
        effect.dimensions.keys().copied().collect::<Vec<_>>(),
        [Dimension::Listening, Dimension::Trust]
    );
    assert!(effect.dimensions[&Dimension::Listening].employee.is_some());
    assert!(action_effect("nothing", &before.organisation, &after.organisation).is_err());
}

#[test]
fn a_threshold_below_three_is_refused() {
    let settings = Settings {
        anonymity_threshold: 2,
        ..Settings::default()
    };
    let meta = CampaignMeta {
        id: "1".into(),
        name: "x".into(),
        status: "open".into(),
    };
    assert!(build_report(&small_campaign(), &settings, &meta, &ReportFilter::default()).is_err());
}

/// One shop with 5 customers and 5 employees (listening: 3 of 5 favourable
/// each), managers estimating on 0–10 in `instrument`, and executives.
fn estimate_campaign(instrument: InstrumentVersion, managers: &[&[(&str, u8)]]) -> CampaignData {
    let mut data = CampaignData {
        instrument,
        ..CampaignData::default()
    };
    data.add_team("shop", "Shop", None);
    let customer = Some(Channel::Web);
    add(
        &mut data,
        Some("shop"),
        Population::Customer,
        customer,
        &[("listening.c.1", 5)],
        3,
    );
    add(
        &mut data,
        Some("shop"),
        Population::Customer,
        customer,
        &[("listening.c.1", 2)],
        2,
    );
    add(
        &mut data,
        Some("shop"),
        Population::Employee,
        None,
        &[("listening.e.1", 4)],
        3,
    );
    add(
        &mut data,
        Some("shop"),
        Population::Employee,
        None,
        &[("listening.e.1", 1)],
        2,
    );
    for answers in managers {
        add(&mut data, Some("shop"), Population::Manager, None, answers, 1);
    }
    let executive: &[(&str, u8)] = match instrument {
        InstrumentVersion::V1 => &[("listening.xe.1", 5), ("listening.xc.1", 2)],
        InstrumentVersion::V2 => &[("listening.xe.1", 9), ("listening.xc.1", 2)],
    };
    add(&mut data, None, Population::Executive, None, executive, 1);
    data
}

fn listening(report: &CampaignReport) -> &group::DimensionReport {
    &report.teams[0].group.dimensions[&Dimension::Listening]
}

#[test]
fn one_estimator_gives_ten_times_the_mean_with_no_interval_and_no_mean() {
    let data = estimate_campaign(
        InstrumentVersion::V2,
        &[&[("listening.me.1", 7), ("listening.me.2", 8)]],
    );
    let report = report_of(&data, &ReportFilter::default());
    let l = listening(&report);
    let me = &l.manager_estimate_employee;
    assert_eq!(me.n, Some(1));
    assert!((me.favourable.unwrap() - 75.0).abs() < 1e-12, "10 × mean(7, 8)");
    assert_eq!((me.ci_low, me.ci_high, me.mean), (None, None, None));
    // Blind spot = estimate − score, in points: 75 − 60.
    let gap = l.gaps.managerial_blind_spot.as_ref().unwrap();
    assert!((gap.points - 15.0).abs() < 1e-12);
    let json = serde_json::to_value(&report.teams[0].group).unwrap();
    let me = &json["dimensions"]["listening"]["manager_estimate_employee"];
    assert_eq!(keys(me), set(&["n", "favourable", "ci_low", "ci_high", "mean"]));
    assert!(me["ci_low"].is_null() && me["ci_high"].is_null() && me["mean"].is_null());
}

#[test]
fn three_estimators_are_pooled_over_items_and_people() {
    let data = estimate_campaign(
        InstrumentVersion::V2,
        &[
            &[("listening.me.1", 10), ("listening.mc.1", 0)],
            &[("listening.me.1", 4), ("listening.me.2", 6)],
            &[("listening.me.2", 1)],
        ],
    );
    let report = report_of(&data, &ReportFilter::default());
    let l = listening(&report);
    // Answers 10, 4, 6, 1: mean 5.25 → 52.5 %; three estimators.
    assert_eq!(l.manager_estimate_employee.n, Some(3));
    assert!((l.manager_estimate_employee.favourable.unwrap() - 52.5).abs() < 1e-12);
    // One estimator of customers, who answered 0: an estimate of 0 %, not none.
    assert_eq!(l.manager_estimate_customer.n, Some(1));
    assert_eq!(l.manager_estimate_customer.favourable, Some(0.0));
    let mc = l.gaps.manager_customer_blind_spot.as_ref().unwrap();
    assert!((mc.points + 60.0).abs() < 1e-12, "0 − 60");
    // The organisation pools the same estimators.
    let org = &report.organisation.dimensions[&Dimension::Listening];
    assert!((org.manager_estimate_employee.favourable.unwrap() - 52.5).abs() < 1e-12);
    assert!((org.executive_estimate_employee.favourable.unwrap() - 90.0).abs() < 1e-12);
    assert!((org.executive_estimate_customer.favourable.unwrap() - 20.0).abs() < 1e-12);
}

#[test]
fn dont_know_is_left_out_of_the_estimate_and_of_its_n() {
    // "Don't know" is a missing answer: never stored, so the second manager
    // (who answered only "don't know" on listening) counts nowhere.
    let data = estimate_campaign(InstrumentVersion::V2, &[&[("listening.me.1", 3)], &[("trust.me.1", 9)]]);
    let report = report_of(&data, &ReportFilter::default());
    let l = listening(&report);
    assert_eq!(l.manager_estimate_employee.n, Some(1));
    assert!((l.manager_estimate_employee.favourable.unwrap() - 30.0).abs() < 1e-12);
    assert_eq!(report.teams[0].group.n.manager, Some(2));
    // A perspective nobody answered has n = 0 and no estimate.
    let trust = &report.teams[0].group.dimensions[&Dimension::Trust];
    assert_eq!(trust.manager_estimate_customer.n, Some(0));
    assert_eq!(trust.manager_estimate_customer.favourable, None);
    assert!(trust.gaps.manager_customer_blind_spot.is_none());
}

#[test]
fn estimate_gaps_never_carry_a_p_a_q_or_significance() {
    for version in [InstrumentVersion::V1, InstrumentVersion::V2] {
        let managers: &[&[(&str, u8)]] = match version {
            InstrumentVersion::V1 => &[&[("listening.me.1", 5), ("listening.mc.1", 1)]],
            InstrumentVersion::V2 => &[&[("listening.me.1", 10), ("listening.mc.1", 0)]],
        };
        let report = report_of(&estimate_campaign(version, managers), &ReportFilter::default());
        let json = serde_json::to_value(&report).unwrap();
        for group in [&json["organisation"], &json["teams"][0]] {
            let gaps = &group["dimensions"]["listening"]["gaps"];
            for kind in [
                "managerial_blind_spot",
                "manager_customer_blind_spot",
                "leadership_employee",
                "leadership_customer",
            ] {
                if gaps[kind].is_null() {
                    continue;
                }
                assert_eq!(keys(&gaps[kind]), set(&["points"]), "{version} {kind}");
            }
            assert!(gaps["symmetry"]["p"].is_number(), "{version}: tested gaps stay tested");
        }
        let org = &json["organisation"]["dimensions"]["listening"]["gaps"];
        assert!(org["leadership_employee"]["points"].is_number(), "{version}");
        assert!(org["leadership_customer"]["points"].is_number(), "{version}");
    }
}

#[test]
fn a_version_1_campaign_reads_manager_answers_on_the_agreement_scale() {
    let data = estimate_campaign(
        InstrumentVersion::V1,
        &[&[("listening.me.1", 4), ("listening.me.2", 2)]],
    );
    let report = report_of(&data, &ReportFilter::default());
    let me = &listening(&report).manager_estimate_employee;
    assert_eq!(me.favourable, Some(50.0), "one of two answers is 4–5");
    assert_eq!(me.mean, Some(3.0));
    assert!(me.ci_low.is_some() && me.ci_high.is_some());
    // And 0 or 10 is off the version-1 scale: the row is refused.
    let bad = estimate_campaign(InstrumentVersion::V1, &[&[("listening.me.1", 10)]]);
    let meta = CampaignMeta {
        id: "1".into(),
        name: "x".into(),
        status: "closed".into(),
    };
    assert!(build_report(&bad, &Settings::default(), &meta, &ReportFilter::default()).is_err());
}

/// Every published tested gap of a report with its place.
fn tested_gaps_of(report: &CampaignReport) -> Vec<(String, Dimension, &'static str, scores::TestedGap)> {
    let groups = std::iter::once(("organisation".to_owned(), &report.organisation))
        .chain(report.teams.iter().map(|t| (t.code.clone(), &t.group)));
    let mut out = Vec::new();
    for (name, group) in groups {
        for (d, r) in &group.dimensions {
            for (kind, gap) in [
                ("symmetry", &r.gaps.symmetry),
                ("customer_perception", &r.gaps.customer_perception),
            ] {
                if let Some(gap) = gap {
                    out.push((name.clone(), *d, kind, gap.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn q_adjusts_every_published_tested_gap_of_the_report_as_one_family() {
    let report = report_of(&small_campaign(), &ReportFilter::default());
    let gaps = tested_gaps_of(&report);
    assert!(gaps.len() >= 3, "the fixture must make a family: {}", gaps.len());
    let p: Vec<f64> = gaps.iter().map(|g| g.3.p).collect();
    let q = stats::benjamini_hochberg(&p);
    for ((group, d, kind, gap), q) in gaps.iter().zip(&q) {
        assert_eq!(gap.q, *q, "{group} {d} {kind}");
        assert_eq!(gap.significant, *q < 0.05, "{group} {d} {kind}");
        assert!(gap.q >= gap.p);
    }
    // A hidden gap is null and outside the family: shop1's customers are
    // hidden, so its symmetry gaps are all absent.
    let shop1 = &report.teams.iter().find(|t| t.code == "shop1").unwrap().group;
    assert!(shop1.dimensions.values().all(|r| r.gaps.symmetry.is_none()));
    // Some gap is adjusted upwards: q is not p.
    assert!(gaps.iter().any(|g| g.3.q > g.3.p), "{gaps:?}");
}

#[test]
fn a_team_view_shows_the_q_of_the_whole_report() {
    let whole = report_of(&small_campaign(), &ReportFilter::default());
    let north = report_of(
        &small_campaign(),
        &ReportFilter {
            team: Some("north".into()),
            channel: None,
        },
    );
    let in_whole = &whole.teams.iter().find(|t| t.code == "north").unwrap().group;
    let mut compared = 0;
    for (d, r) in &north.organisation.dimensions {
        let w = &in_whole.dimensions[d];
        assert_eq!(r.gaps.symmetry, w.gaps.symmetry, "{d}");
        assert_eq!(r.gaps.customer_perception, w.gaps.customer_perception, "{d}");
        compared += usize::from(r.gaps.symmetry.is_some());
    }
    assert!(compared > 0);
    // The filtered report alone is a smaller family: its own BH would differ.
    let alone = tested_gaps_of(&north);
    let own_q = stats::benjamini_hochberg(&alone.iter().map(|g| g.3.p).collect::<Vec<_>>());
    assert!(alone.iter().zip(&own_q).any(|(g, q)| g.3.q != *q));
}

#[test]
fn wave_changes_are_adjusted_over_the_comparison() {
    let before = report_of(&small_campaign(), &ReportFilter::default());
    let mut later = small_campaign();
    add(
        &mut later,
        Some("south"),
        Population::Employee,
        None,
        &[("listening.e.1", 5)],
        10,
    );
    let after = report_of(&later, &ReportFilter::default());
    let diff = compare_waves(&before, &after);
    let mut changes = Vec::new();
    let groups = std::iter::once(&diff.organisation).chain(diff.teams.values());
    for g in groups {
        for per in g.dimensions.values() {
            changes.extend(per.values().flatten().filter(|c| c.p.is_some()).cloned());
        }
        let i = &g.indices;
        for c in [&i.csat, &i.ces, &i.fcr, &i.ies].into_iter().flatten() {
            if c.p.is_some() {
                changes.push(c.clone());
            }
        }
        assert!([&i.csi, &i.eei, &i.nps, &i.enps]
            .into_iter()
            .flatten()
            .all(|c| c.p.is_none() && c.q.is_none() && c.significant.is_none()));
    }
    assert!(changes.len() > 5);
    let q = stats::benjamini_hochberg(&changes.iter().filter_map(|c| c.p).collect::<Vec<_>>());
    for (change, q) in changes.iter().zip(q) {
        assert_eq!(change.q, Some(q));
        assert_eq!(change.significant, Some(q < 0.05));
    }
}

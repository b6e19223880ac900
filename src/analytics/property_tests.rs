//! Properties over random trees and answers: nothing below k is shown, no
//! hidden count is recoverable by subtraction, and rolling histograms up the
//! tree gives the same figures as pooling the raw answers.

use proptest::prelude::*;

use super::group::{build_group, GroupReport};
use super::items::{ItemCode, Population, Scope};
use super::tally::{prepare, Tally};
use super::*;

#[derive(Debug, Clone)]
struct RawRespondent {
    team: usize,
    population: Population,
    channel: Option<Channel>,
    answers: Vec<(ItemCode, u8)>,
}

fn items() -> Vec<(&'static str, Population, u8, u8)> {
    vec![
        ("listening.c.1", Population::Customer, 1, 5),
        ("listening.c.2", Population::Customer, 1, 5),
        ("nps", Population::Customer, 0, 10),
        ("listening.e.1", Population::Employee, 1, 5),
        ("trust.e.1", Population::Employee, 1, 5),
        ("orientation.1", Population::Employee, 1, 5),
        ("listening.me.1", Population::Manager, 1, 5),
    ]
}

fn respondent(teams: usize) -> impl Strategy<Value = RawRespondent> {
    let populations = prop_oneof![
        4 => Just(Population::Customer),
        3 => Just(Population::Employee),
        1 => Just(Population::Manager),
    ];
    (
        0..teams,
        populations,
        0usize..3,
        prop::collection::vec(prop::option::of(0u8..=10), 7),
    )
        .prop_map(|(team, population, channel, raw)| {
            let answers = items()
                .into_iter()
                .zip(raw)
                .filter(|((_, p, _, _), _)| *p == population)
                .filter_map(|((code, _, lo, hi), v)| {
                    v.map(|v| (ItemCode::parse(code).unwrap(), lo + v % (hi - lo + 1)))
                })
                .collect();
            let channel = (population == Population::Customer).then(|| Channel::ALL[channel]);
            RawRespondent {
                team,
                population,
                channel,
                answers,
            }
        })
}

/// Parents always come earlier, so any parent choice makes a forest.
fn campaign() -> impl Strategy<Value = (Vec<Option<usize>>, Vec<RawRespondent>, u64)> {
    (1usize..12).prop_flat_map(|teams| {
        let parents = (0..teams)
            .map(|i| {
                if i == 0 {
                    Just(None).boxed()
                } else {
                    prop::option::weighted(0.8, 0..i).boxed()
                }
            })
            .collect::<Vec<_>>();
        (parents, prop::collection::vec(respondent(teams), 0..120), 3u64..6)
    })
}

fn build(parents: &[Option<usize>], raw: &[RawRespondent]) -> CampaignData {
    let mut data = CampaignData::default();
    for (i, p) in parents.iter().enumerate() {
        let parent = p.map(|p| format!("t{p:02}"));
        data.add_team(&format!("t{i:02}"), "team", parent.as_deref());
    }
    for r in raw {
        if r.answers.is_empty() {
            continue;
        }
        let team = format!("t{:02}", r.team);
        data.add_respondent(&Respondent {
            team: Some(&team),
            population: r.population,
            channel: r.channel,
            answers: &r.answers,
        });
    }
    data
}

fn settings(k: u64) -> Settings {
    Settings {
        anonymity_threshold: k,
        ..Settings::default()
    }
}

fn meta() -> CampaignMeta {
    CampaignMeta {
        id: "1".into(),
        name: "w".into(),
        status: "closed".into(),
    }
}

fn report(data: &CampaignData, k: u64) -> CampaignReport {
    build_report(data, &settings(k), &meta(), &ReportFilter::default()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A wave's close builds the report and the channel view from one
    /// suppression decision: they must be exactly what each built alone
    /// gives (the figures other views and the API compare with).
    #[test]
    fn the_close_builds_what_each_view_builds_alone((parents, raw, k) in campaign()) {
        let data = build(&parents, &raw);
        let (together, channels) = organisation_report_and_channels(&data, &settings(k), &meta()).unwrap();
        let alone = report(&data, k);
        let channels_alone = channel_view(&data, &settings(k), &ReportFilter::default()).unwrap();
        prop_assert_eq!(serde_json::to_string(&together).unwrap(), serde_json::to_string(&alone).unwrap());
        prop_assert_eq!(serde_json::to_string(&channels).unwrap(), serde_json::to_string(&channels_alone).unwrap());
    }

    #[test]
    fn nothing_below_k_and_nothing_recoverable((parents, raw, k) in campaign()) {
        let data = build(&parents, &raw);
        let report = report(&data, k);
        let prepared = prepare(&data, None).unwrap();
        let tree = &prepared.tree;
        for (population, scope_key) in [
            (Population::Customer, "*"),
            (Population::Customer, "listening.c"),
            (Population::Employee, "*"),
            (Population::Employee, "listening.e"),
        ] {
            {
                let scope = Scope::parse(scope_key).unwrap();
                let shown_in = |g: &GroupReport| match (population, scope) {
                    (Population::Customer, Scope::All) => g.n.customer.is_some(),
                    (_, Scope::All) => g.n.employee.is_some(),
                    (Population::Customer, _) => g.dimensions[&Dimension::Listening].customer.n.is_some(),
                    _ => g.dimensions[&Dimension::Listening].employee.n.is_some(),
                };
                let true_n: Vec<u64> = prepared.rollup.iter().map(|t| t.n(population, scope)).collect();
                let own_n: Vec<u64> = prepared.own.iter().map(|t| t.n(population, scope)).collect();
                let shown: Vec<bool> = report.teams.iter().map(|t| shown_in(&t.group)).collect();
                let mut parents_and_kids: Vec<(Option<usize>, Vec<usize>)> =
                    (0..tree.teams.len()).map(|i| (Some(i), tree.children[i].clone())).collect();
                parents_and_kids.push((None, tree.roots.clone()));
                for (parent, kids) in parents_and_kids {
                    let (p_shown, p_n, p_own) = match parent {
                        Some(i) => (shown[i], true_n[i], own_n[i]),
                        None => (shown_in(&report.organisation), kids.iter().map(|&c| true_n[c]).sum(), 0),
                    };
                    if p_shown {
                        prop_assert!(p_n >= k);
                    }
                    let visible_sum: u64 = kids.iter().filter(|&&c| shown[c]).map(|&c| true_n[c]).sum();
                    for &c in kids.iter().filter(|&&c| !shown[c] && true_n[c] > 0) {
                        if p_shown {
                            // Parent minus its own data minus visible siblings must not be c.
                            prop_assert_ne!(p_n - p_own - visible_sum, true_n[c], "team {} recoverable", c);
                            prop_assert!(p_n - p_own - visible_sum >= k);
                        }
                    }
                    if let Some(i) = parent {
                        let with_data: Vec<usize> = kids.iter().copied().filter(|&c| true_n[c] > 0).collect();
                        if !shown[i] && true_n[i] > 0 && !with_data.is_empty() {
                            prop_assert!(with_data.iter().any(|&c| !shown[c]), "hidden team {} is the sum of its children", i);
                        }
                    }
                }
                for (i, &s) in shown.iter().enumerate() {
                    if s { prop_assert!(true_n[i] >= k); }
                }
            }
        }
        let json = serde_json::to_string(&report).unwrap();
        prop_assert!(!json.contains("NaN"));
    }

    #[test]
    fn rolled_up_histograms_equal_the_pooled_raw_answers((parents, raw, _k) in campaign()) {
        let data = build(&parents, &raw);
        let prepared = prepare(&data, None).unwrap();
        let everything = |_: Population, _: Scope| true;
        let settings = Settings::default();
        for (i, _) in prepared.tree.teams.iter().enumerate() {
            let members: Vec<usize> = prepared.tree.subtree(i).iter()
                .map(|&m| prepared.tree.teams[m].code[1..].parse().unwrap()).collect();
            let pooled: Vec<RawRespondent> = raw.iter().filter(|r| members.contains(&r.team))
                .map(|r| RawRespondent { team: 0, ..r.clone() }).collect();
            let single = build(&[None], &pooled);
            let single_prepared = prepare(&single, None).unwrap();
            let single_tally = single_prepared.own[0].clone();
            prop_assert_eq!(&prepared.rollup[i], &single_tally);
            for ((c, mine), (_, theirs)) in prepared.channels.iter().zip(&single_prepared.channels) {
                prop_assert_eq!(&mine[i], &theirs[0], "channel {}", c);
            }
            // The group built from the rolled-up tally counts the pooled raw
            // respondents themselves, not only what another tally says.
            let group = build_group(&prepared.rollup[i], prepared.instrument, &everything, &settings);
            let answering = |population: Population, prefix: &str| {
                pooled
                    .iter()
                    .filter(|r| r.population == population)
                    .filter(|r| r.answers.iter().any(|(c, _)| c.to_string().starts_with(prefix)))
                    .count() as u64
            };
            prop_assert_eq!(group.n.customer, Some(answering(Population::Customer, "")));
            prop_assert_eq!(group.n.employee, Some(answering(Population::Employee, "")));
            let listening = &group.dimensions[&Dimension::Listening];
            prop_assert_eq!(listening.customer.n, Some(answering(Population::Customer, "listening.c.")));
            prop_assert_eq!(listening.employee.n, Some(answering(Population::Employee, "listening.e.")));
        }
        let union = build(&[None], &raw.iter().map(|r| RawRespondent { team: 0, ..r.clone() }).collect::<Vec<_>>());
        let org = prepare(&union, None).unwrap().own.remove(0);
        let mine: Tally = prepared.organisation();
        prop_assert_eq!(mine, org);
    }
}

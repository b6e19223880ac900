//! The differencing attacker of METHOD.md §7 against the cross-wave
//! figures (issue #15): the cross-lagged panel and every difference in
//! differences are built from two published reports, so they must be
//! functions of published figures only. Over random organisations (two
//! regions of branches, counts around k on both sides in both waves), every
//! side of every team that the engine hides in a wave gets other answers
//! (the same number of people: what a hidden group's members said is the
//! secret); nothing the attacker can read across the waves may change —
//! not a path, an interval, a p, a team count, nor a difference in
//! differences for any set of adopting teams.

use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::data::{CampaignMeta, ReportFilter, Respondent, Settings};
use super::items::{Dimension, ItemCode, Population};
use super::lagged::{cross_lagged, difference_in_differences};
use super::report::{build_report, CampaignReport};
use super::CampaignData;
use std::collections::BTreeSet;

const K: u64 = 5;
const WAVES: usize = 2;
const SIDES: [Population; 2] = [Population::Customer, Population::Employee];

/// people[wave][team][side]: each person's answer (1–5) to the first item
/// of every dimension on that side.
type People = Vec<Vec<[Vec<Vec<u8>>; 2]>>;

#[derive(Debug, Clone)]
struct World {
    /// Region (0 or 1) of each branch.
    region: Vec<usize>,
    people: People,
}

fn branch(i: usize) -> String {
    format!("b{i}")
}

fn answers(rng: &mut StdRng, n: u64, lean: u8) -> Vec<Vec<u8>> {
    (0..n)
        .map(|_| {
            Dimension::ALL
                .iter()
                .map(|_| (lean + rng.gen_range(0..=2)).min(5))
                .collect()
        })
        .collect()
}

fn world() -> impl Strategy<Value = World> {
    // A count: mostly at least k, often below.
    let count = prop_oneof![2 => 0u64..K, 5 => K..14];
    (12usize..18, any::<u64>()).prop_flat_map(move |(teams, seed)| {
        let counts = prop::collection::vec(prop::array::uniform4(count.clone()), teams);
        let regions = prop::collection::vec(0usize..2, teams);
        (counts, regions).prop_map(move |(counts, region)| {
            let mut rng = StdRng::seed_from_u64(seed);
            let people = (0..WAVES)
                .map(|wave| {
                    counts
                        .iter()
                        .map(|c| {
                            let lean = rng.gen_range(1..=3);
                            [
                                answers(&mut rng, c[wave * 2], lean),
                                answers(&mut rng, c[wave * 2 + 1], lean),
                            ]
                        })
                        .collect()
                })
                .collect();
            World { region, people }
        })
    })
}

fn data_of(w: &World, wave: usize) -> CampaignData {
    let mut data = CampaignData::default();
    data.add_team("r0", "r0", None);
    data.add_team("r1", "r1", None);
    for (i, region) in w.region.iter().enumerate() {
        data.add_team(&branch(i), &branch(i), Some(["r0", "r1"][*region]));
    }
    for (i, sides) in w.people[wave].iter().enumerate() {
        let team = branch(i);
        for (side, people) in SIDES.iter().zip(sides) {
            let letter = if *side == Population::Customer { "c" } else { "e" };
            for person in people {
                let answers: Vec<(ItemCode, u8)> = Dimension::ALL
                    .iter()
                    .zip(person)
                    .filter_map(|(d, v)| Some((ItemCode::parse(&format!("{d}.{letter}.1")).ok()?, *v)))
                    .collect();
                data.add_respondent(&Respondent {
                    team: Some(&team),
                    population: *side,
                    channel: None,
                    answers: &answers,
                });
            }
        }
    }
    data
}

fn report(w: &World, wave: usize) -> CampaignReport {
    let settings = Settings {
        anonymity_threshold: K,
        ..Settings::default()
    };
    let meta = CampaignMeta {
        id: format!("w{wave}"),
        name: format!("w{wave}"),
        status: "closed".into(),
    };
    build_report(&data_of(w, wave), &settings, &meta, &ReportFilter::default()).unwrap()
}

/// The same world with every hidden side's people answering otherwise;
/// the number of sides changed.
fn rewrite_hidden(w: &World, reports: &[CampaignReport; 2], seed: u64) -> (World, usize) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut other = w.clone();
    let mut changed = 0;
    for (wave, report) in reports.iter().enumerate() {
        for (i, sides) in other.people[wave].iter_mut().enumerate() {
            let code = branch(i);
            let Some(team) = report.teams.iter().find(|t| t.code == code) else {
                continue;
            };
            let hidden = [team.group.suppressed.customer, team.group.suppressed.employee];
            for (people, hidden) in sides.iter_mut().zip(hidden) {
                if hidden && !people.is_empty() {
                    let lean = rng.gen_range(1..=3);
                    *people = answers(&mut rng, people.len() as u64, lean);
                    changed += 1;
                }
            }
        }
    }
    (other, changed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_hidden_answer_moves_a_cross_wave_figure(w in world(), seed in any::<u64>(), adopt in any::<u32>()) {
        let reports = [report(&w, 0), report(&w, 1)];
        let (other, changed) = rewrite_hidden(&w, &reports, seed);
        let others = [report(&other, 0), report(&other, 1)];
        // Not vacuous where it matters: hidden sides were rewritten.
        prop_assume!(changed > 0);
        let panel = cross_lagged(&reports[0], &reports[1]);
        prop_assert_eq!(&panel, &cross_lagged(&others[0], &others[1]));
        let adopting: BTreeSet<String> = (0..w.region.len())
            .filter(|i| adopt >> (i % 32) & 1 == 1)
            .map(branch)
            .collect();
        for point in ["listen-inside", "remove-irritants", "recognise", "exemplarity"] {
            let did = difference_in_differences(point, &reports[0], &reports[1], &adopting).unwrap();
            let again = difference_in_differences(point, &others[0], &others[1], &adopting).unwrap();
            prop_assert_eq!(did, again);
        }
    }
}

/// The property above is not idle: the panel exists on such worlds (enough
/// published teams), and rewriting a *published* side does move it.
#[test]
fn the_cross_wave_attack_test_can_fail() {
    let mut rng = StdRng::seed_from_u64(7);
    let people: People = (0..WAVES)
        .map(|_| {
            (0..14)
                .map(|_| {
                    let lean = rng.gen_range(1..=3);
                    [answers(&mut rng, 8, lean), answers(&mut rng, 8, lean)]
                })
                .collect()
        })
        .collect();
    let w = World {
        region: (0..14).map(|i| i % 2).collect(),
        people,
    };
    let panel = cross_lagged(&report(&w, 0), &report(&w, 1));
    assert!(panel.indices.is_some(), "{panel:?}");
    let mut other = w.clone();
    other.people[1][3][0] = answers(&mut rng, 8, 1);
    assert_ne!(panel, cross_lagged(&report(&other, 0), &report(&other, 1)));
}

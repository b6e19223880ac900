//! The differencing attacker of METHOD.md §7 as a property: over random
//! trees × channels, collect every customer count a viewer can fetch (the
//! report, the report of each channel, the channel view of every group),
//! and solve. A count is derivable when its indicator over the atoms (one
//! team's own customers of one channel, or without one) lies in the span
//! of the published counts' indicators and of the atoms known to be empty.
//! No group of fewer than k may be derivable: not a hidden cell, not one
//! atom, not one team's own customers.
//!
//! Published figures (favourable counts) are sums over the same atoms with
//! the same visibility, so what holds for counts holds for them.

use proptest::prelude::*;

use super::channels::channel_view;
use super::data::{CampaignMeta, HistogramRow, ReportFilter, RespondentRow, Settings};
use super::items::{Channel, Dimension, ItemCode, Population, Scope};
use super::report::{build_report, CampaignReport};
use super::CampaignData;

/// Channels used by the generator; the last "channel" is none.
const CHANNELS: [Option<Channel>; 4] = [Some(Channel::Web), Some(Channel::Phone), Some(Channel::App), None];

#[derive(Debug, Clone)]
struct World {
    /// parent of team i (an earlier team), or none.
    parent: Vec<Option<usize>>,
    /// customers[team][channel slot]
    customers: Vec<[u64; 4]>,
    k: u64,
}

fn world() -> impl Strategy<Value = World> {
    (2usize..8, prop_oneof![Just(3u64), Just(5u64)]).prop_flat_map(|(teams, k)| {
        let parents = (0..teams)
            .map(|i| {
                if i == 0 {
                    Just(None).boxed()
                } else {
                    prop::option::weighted(0.75, 0..i).boxed()
                }
            })
            .collect::<Vec<_>>();
        let cell = prop_oneof![3 => Just(0u64), 2 => 1u64..5, 2 => 5u64..12];
        let counts = prop::collection::vec(prop::array::uniform4(cell), teams);
        (parents, counts).prop_map(move |(parent, customers)| World { parent, customers, k })
    })
}

fn code(i: usize) -> String {
    format!("t{i}")
}

fn data_of(w: &World) -> CampaignData {
    let mut data = CampaignData::default();
    for (i, p) in w.parent.iter().enumerate() {
        let parent = p.map(code);
        data.add_team(&code(i), &code(i), parent.as_deref());
    }
    let listening = ItemCode::parse("listening.c.1").unwrap();
    for (i, cells) in w.customers.iter().enumerate() {
        for (slot, &n) in cells.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let team = Some(code(i).as_str().into());
            for scope in [
                Scope::All,
                Scope::Group(super::items::ItemGroup::Dimension(
                    Dimension::Listening,
                    super::items::Perspective::Customer,
                )),
            ] {
                data.add_respondents(RespondentRow {
                    team: team.clone(),
                    population: Population::Customer,
                    channel: CHANNELS[slot],
                    scope,
                    count: n,
                });
            }
            data.add_histogram(HistogramRow {
                team,
                population: Population::Customer,
                channel: CHANNELS[slot],
                item: listening,
                value: 4,
                count: n,
            });
        }
    }
    data
}

/// Atoms: (team, channel slot), numbered team * 4 + slot.
fn atoms_below(w: &World, node: Option<usize>) -> Vec<usize> {
    let teams = w.parent.len();
    (0..teams)
        .filter(|&t| match node {
            None => true,
            Some(n) => {
                let mut x = Some(t);
                while let Some(y) = x {
                    if y == n {
                        return true;
                    }
                    x = w.parent[y];
                }
                false
            }
        })
        .collect()
}

fn indicator(w: &World, node: Option<usize>, slot: Option<usize>) -> Vec<f64> {
    let mut v = vec![0.0; w.parent.len() * 4];
    for t in atoms_below(w, node) {
        for s in 0..4 {
            if slot.is_none_or(|x| x == s) {
                v[t * 4 + s] = 1.0;
            }
        }
    }
    v
}

fn value(w: &World, v: &[f64]) -> u64 {
    v.iter()
        .enumerate()
        .filter(|(_, &x)| x != 0.0)
        .map(|(a, _)| w.customers[a / 4][a % 4])
        .sum()
}

/// Rank by Gaussian elimination with partial pivoting (0/1 rows, small).
fn rank(rows: &[Vec<f64>]) -> usize {
    let mut m: Vec<Vec<f64>> = rows.to_vec();
    let cols = m.first().map_or(0, Vec::len);
    let mut r = 0;
    for c in 0..cols {
        let Some(p) = (r..m.len()).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs())) else {
            break;
        };
        if m[p][c].abs() < 1e-9 {
            continue;
        }
        m.swap(r, p);
        let pivot = m[r].clone();
        for (i, row) in m.iter_mut().enumerate() {
            let f = row[c] / pivot[c];
            if i != r && f != 0.0 {
                for (x, p) in row.iter_mut().zip(&pivot).skip(c) {
                    *x -= f * p;
                }
            }
        }
        r += 1;
    }
    r
}

fn derivable(known: &[Vec<f64>], known_rank: usize, target: &[f64]) -> bool {
    let mut with = known.to_vec();
    with.push(target.to_vec());
    rank(&with) == known_rank
}

/// Every customer count of a report: (node or organisation, n shown).
fn counts_of(report: &CampaignReport) -> Vec<(Option<usize>, Option<u64>)> {
    let mut out = vec![(None, report.organisation.n.customer)];
    for t in &report.teams {
        let i: usize = t.code[1..].parse().unwrap();
        out.push((Some(i), t.group.n.customer));
        // The dimension's n is a second published count of the same cell.
        let d = &t.group.dimensions[&Dimension::Listening];
        assert!(d.customer.n.is_none() || d.customer.n == t.group.n.customer);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_group_below_k_is_derivable_from_every_view(w in world()) {
        let data = data_of(&w);
        let settings = Settings { anonymity_threshold: w.k, ..Settings::default() };
        let meta = CampaignMeta { id: "c".into(), name: "c".into(), status: "closed".into() };
        let mut known: Vec<Vec<f64>> = Vec::new();
        let mut hidden: Vec<Vec<f64>> = Vec::new();
        let mut note = |node: Option<usize>, slot: Option<usize>, shown: Option<u64>| {
            let v = indicator(&w, node, slot);
            match shown {
                Some(n) => {
                    assert_eq!(n, value(&w, &v), "a shown count is the true count");
                    known.push(v);
                }
                None => hidden.push(v),
            }
        };
        let all = build_report(&data, &settings, &meta, &ReportFilter::default()).unwrap();
        for (node, n) in counts_of(&all) {
            note(node, None, n);
        }
        for (slot, channel) in CHANNELS.iter().enumerate().take(3) {
            let filter = ReportFilter { team: None, channel: *channel };
            let report = build_report(&data, &settings, &meta, &filter).unwrap();
            for (node, n) in counts_of(&report) {
                note(node, Some(slot), n);
            }
        }
        // The channel view of every group (organisation and each team).
        let groups: Vec<Option<usize>> = std::iter::once(None).chain((0..w.parent.len()).map(Some)).collect();
        for node in groups {
            let filter = ReportFilter { team: node.map(code), channel: None };
            let view = channel_view(&data, &settings, &filter).unwrap();
            for (slot, channel) in CHANNELS.iter().enumerate().take(3) {
                let n = view.n.get(&channel.unwrap()).copied().flatten();
                note(node, Some(slot), n);
            }
        }
        // The attacker knows which atoms are empty.
        for t in 0..w.parent.len() {
            for s in 0..4 {
                if w.customers[t][s] == 0 {
                    let mut v = vec![0.0; w.parent.len() * 4];
                    v[t * 4 + s] = 1.0;
                    known.push(v);
                }
            }
        }
        let r = rank(&known);
        let small = |v: &[f64]| (1..w.k).contains(&value(&w, v));
        for v in &hidden {
            prop_assert!(!(small(v) && derivable(&known, r, v)), "a hidden count below k is derivable: {v:?} in {w:?}");
        }
        for t in 0..w.parent.len() {
            let mut own = vec![0.0; w.parent.len() * 4];
            for s in 0..4 {
                let mut atom = vec![0.0; w.parent.len() * 4];
                atom[t * 4 + s] = 1.0;
                own[t * 4 + s] = 1.0;
                prop_assert!(!(small(&atom) && derivable(&known, r, &atom)), "atom t{t}/{s} derivable in {w:?}");
            }
            prop_assert!(!(small(&own) && derivable(&known, r, &own)), "t{t}'s own customers derivable in {w:?}");
        }
    }
}

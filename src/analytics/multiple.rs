//! Multiple testing (METHOD.md §4 and §8): the family of tests of a report
//! and of a wave comparison, adjusted once with Benjamini–Hochberg
//! (`stats::benjamini_hochberg`), so that `significant` means q < 0.05.
//!
//! **The family of a campaign report** is every tested gap (symmetry and
//! customer perception) of every group the unfiltered report has — the
//! organisation and every team, with its sub-teams rolled up — for every
//! dimension, decided over the report's channel (a `?channel=` report is
//! its own family). A `?team=` report takes the q of that family for the
//! same figures, so a team shows the same q in every view.
//!
//! **Suppressed gaps are not in the family.** A gap whose score is hidden by
//! anonymity (METHOD.md §7) is `null` and is left out. It could not be kept
//! in: the q of a published gap depends on the p of every other test of the
//! family (its rank among them and their number), so a hidden gap in the
//! family would move the published q's, and comparing them across views or
//! waves would tell something about the hidden p — that is, about hidden
//! counts. With the family made of published gaps only, every q is a
//! function of published scores (each p uses only the counts behind two
//! shown scores), and the size of the family is the number of published
//! gaps, which the report shows anyway: q adds no information about a hidden
//! figure.

use std::collections::BTreeMap;

use super::anonymity::Visibility;
use super::compare::{Change, GroupChange, WaveComparison};
use super::group::{tested_gaps, GroupReport, TESTED_GAPS};
use super::items::Dimension;
use super::stats;
use super::tally::Prepared;

/// The q of every published tested gap of a report, by node (a team by tree
/// index, the organisation last), dimension and tested gap.
#[derive(Debug, Clone, PartialEq)]
pub struct GapFamily {
    q: Vec<BTreeMap<Dimension, [Option<f64>; TESTED_GAPS]>>,
}

impl GapFamily {
    /// The family of the unfiltered report over `prepared` (already limited
    /// to the report's channel) with its publication decision.
    pub fn of(prepared: &Prepared, visibility: &Visibility) -> Self {
        let org_node = prepared.tree.teams.len();
        let organisation = prepared.organisation();
        let mut at: Vec<(usize, Dimension, usize)> = Vec::new();
        let mut p_values: Vec<f64> = Vec::new();
        for node in 0..=org_node {
            let tally = if node == org_node {
                &organisation
            } else {
                &prepared.rollup[node]
            };
            for (d, gaps) in tested_gaps(tally, prepared.instrument, &|p, s| visibility.visible(node, p, s)) {
                for (kind, gap) in gaps.iter().enumerate() {
                    if let Some(gap) = gap {
                        at.push((node, d, kind));
                        p_values.push(gap.p);
                    }
                }
            }
        }
        let mut q = vec![BTreeMap::<Dimension, [Option<f64>; TESTED_GAPS]>::new(); org_node + 1];
        for ((node, d, kind), value) in at.into_iter().zip(stats::benjamini_hochberg(&p_values)) {
            q[node].entry(d).or_default()[kind] = Some(value);
        }
        GapFamily { q }
    }

    /// Sets the q (and the significance) of the tested gaps of `group`, the
    /// group of `node` in the unfiltered report.
    pub fn adjust(&self, node: usize, group: &mut GroupReport) {
        let Some(of_node) = self.q.get(node) else {
            return;
        };
        for (d, report) in &mut group.dimensions {
            let Some(qs) = of_node.get(d) else {
                continue;
            };
            for (gap, q) in report.gaps.tested_mut().into_iter().zip(qs) {
                // Both come from the same counts and visibility, so a shown
                // gap always has its q.
                if let (Some(gap), Some(q)) = (gap.as_mut(), q) {
                    gap.adjust(*q);
                }
            }
        }
    }
}

fn group_changes(group: &mut GroupChange) -> impl Iterator<Item = &mut Change> {
    let dimensions = group.dimensions.values_mut().flat_map(|per| per.values_mut().flatten());
    let i = &mut group.indices;
    let indices = [
        &mut i.csi,
        &mut i.eei,
        &mut i.nps,
        &mut i.enps,
        &mut i.csat,
        &mut i.ces,
        &mut i.fcr,
        &mut i.ies,
    ]
    .into_iter()
    .flatten();
    let pillars = group.pillars.values_mut().flat_map(|per| per.values_mut().flatten());
    dimensions.chain(indices).chain(pillars)
}

/// Adjusts every tested change of `groups` as one family (METHOD.md §8):
/// q by Benjamini–Hochberg, significant = q < 0.05. Untested changes
/// (indices, pillars, NPS) stay without p, q or significance.
pub fn adjust_changes<'a>(groups: impl IntoIterator<Item = &'a mut GroupChange>) {
    let mut tested: Vec<&mut Change> = groups
        .into_iter()
        .flat_map(group_changes)
        .filter(|c| c.p.is_some())
        .collect();
    let p_values: Vec<f64> = tested.iter().filter_map(|c| c.p).collect();
    for (change, q) in tested.iter_mut().zip(stats::benjamini_hochberg(&p_values)) {
        change.q = Some(q);
        change.significant = Some(q < stats::ALPHA);
    }
}

/// The family of a wave comparison: every tested change of the
/// organisation and of every team it compares.
pub fn adjust_comparison(comparison: &mut WaveComparison) {
    adjust_changes(std::iter::once(&mut comparison.organisation).chain(comparison.teams.values_mut()));
}

//! Waves and action effects (METHOD.md §8): the change in points of every
//! score between two reports of the same scope, tested with the same
//! two-proportion test as the gaps where the score is a proportion. Hidden
//! figures carry no counts, so a change touching one is `null`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::group::{GroupReport, PillarScores};
use super::items::{Dimension, Perspective, Pillar};
use super::lagged::{cross_lagged, CrossLagged};
use super::multiple;
use super::recommendations;
use super::report::CampaignReport;
use super::scores::{Score, Share};
use super::stats::{self, finite};
use super::AnalyticsError;

/// `p`/`q`/`significant` are `null` for figures that are not proportions
/// (indices, pillars, NPS): they are compared in points only. `q` is the
/// Benjamini–Hochberg adjusted p over every tested change of the comparison
/// (`multiple::adjust_changes`) and `significant` is q < 0.05.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub before: f64,
    pub after: f64,
    pub points: f64,
    pub p: Option<f64>,
    pub q: Option<f64>,
    pub significant: Option<bool>,
}

fn untested(before: Option<f64>, after: Option<f64>) -> Option<Change> {
    let (before, after) = (before?, after?);
    Some(Change {
        before,
        after,
        points: finite(after - before)?,
        p: None,
        q: None,
        significant: None,
    })
}

fn tested(before: Option<f64>, after: Option<f64>, counts: [u64; 4]) -> Option<Change> {
    let mut change = untested(before, after)?;
    let [x1, n1, x2, n2] = counts;
    change.p = stats::two_proportion_p(x2, n2, x1, n1);
    // A family of one until the comparison adjusts its family.
    change.q = change.p;
    change.significant = change.p.map(|p| p < stats::ALPHA);
    Some(change)
}

pub fn score_change(before: &Score, after: &Score) -> Option<Change> {
    tested(
        before.favourable,
        after.favourable,
        [
            before.favourable_answers,
            before.answers,
            after.favourable_answers,
            after.answers,
        ],
    )
}

fn share_change(before: &Share, after: &Share) -> Option<Change> {
    tested(
        before.value,
        after.value,
        [before.successes, before.total, after.successes, after.total],
    )
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexChanges {
    pub csi: Option<Change>,
    pub eei: Option<Change>,
    pub nps: Option<Change>,
    pub enps: Option<Change>,
    pub csat: Option<Change>,
    pub ces: Option<Change>,
    pub fcr: Option<Change>,
    pub ies: Option<Change>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupChange {
    pub dimensions: BTreeMap<Dimension, BTreeMap<Perspective, Option<Change>>>,
    pub indices: IndexChanges,
    pub pillars: BTreeMap<Perspective, BTreeMap<Pillar, Option<Change>>>,
}

/// The changes of one group, each test adjusted as a family of its own
/// (`compare_waves` adjusts over the whole comparison instead).
fn compare_groups_unadjusted(before: &GroupReport, after: &GroupReport) -> GroupChange {
    let dimensions = Dimension::ALL
        .iter()
        .filter_map(|d| Some((*d, before.dimensions.get(d)?, after.dimensions.get(d)?)))
        .map(|(d, b, a)| {
            let per = Perspective::ALL
                .iter()
                .map(|&p| (p, score_change(b.score(p), a.score(p))))
                .collect();
            (d, per)
        })
        .collect();
    let (bi, ai) = (&before.indices, &after.indices);
    let pillar = |b: &PillarScores, a: &PillarScores| {
        [
            (Pillar::Execution, untested(b.execution, a.execution)),
            (Pillar::Link, untested(b.link, a.link)),
            (Pillar::Emotion, untested(b.emotion, a.emotion)),
        ]
        .into_iter()
        .collect()
    };
    GroupChange {
        dimensions,
        indices: IndexChanges {
            csi: untested(bi.csi, ai.csi),
            eei: untested(bi.eei, ai.eei),
            nps: untested(bi.nps.score, ai.nps.score),
            enps: untested(bi.enps.score, ai.enps.score),
            csat: share_change(&bi.csat, &ai.csat),
            ces: share_change(&bi.ces, &ai.ces),
            fcr: share_change(&bi.fcr, &ai.fcr),
            ies: share_change(&bi.ies, &ai.ies),
        },
        pillars: [
            (
                Perspective::Customer,
                pillar(&before.pillars.customer, &after.pillars.customer),
            ),
            (
                Perspective::Employee,
                pillar(&before.pillars.employee, &after.pillars.employee),
            ),
        ]
        .into_iter()
        .collect(),
    }
}

/// The changes of one group, q over this group's tested changes.
pub fn compare_groups(before: &GroupReport, after: &GroupReport) -> GroupChange {
    let mut change = compare_groups_unadjusted(before, after);
    multiple::adjust_changes(std::iter::once(&mut change));
    change
}

/// Teams are matched by code; a team present in one wave only is left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveComparison {
    pub organisation: GroupChange,
    pub teams: BTreeMap<String, GroupChange>,
    /// Who moves first across the teams published in both waves.
    pub cross_lagged: CrossLagged,
}

pub fn compare_waves(before: &CampaignReport, after: &CampaignReport) -> WaveComparison {
    let earlier: BTreeMap<&str, &GroupReport> = before.teams.iter().map(|t| (t.code.as_str(), &t.group)).collect();
    let teams = after
        .teams
        .iter()
        .filter_map(|t| {
            let b = earlier.get(t.code.as_str())?;
            Some((t.code.clone(), compare_groups_unadjusted(b, &t.group)))
        })
        .collect();
    let mut comparison = WaveComparison {
        organisation: compare_groups_unadjusted(&before.organisation, &after.organisation),
        teams,
        cross_lagged: cross_lagged(before, after),
    };
    multiple::adjust_comparison(&mut comparison);
    comparison
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideChange {
    pub customer: Option<Change>,
    pub employee: Option<Change>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionEffect {
    pub action: &'static str,
    pub dimensions: BTreeMap<Dimension, SideChange>,
}

/// The change of an action's target dimensions between the group's report
/// in the wave the action was adopted and in the next one; q over every
/// tested change of that group's comparison (`compare_groups`).
pub fn action_effect(
    action: &str,
    adopted_in: &GroupReport,
    next: &GroupReport,
) -> Result<ActionEffect, AnalyticsError> {
    let rule = recommendations::rule(action).ok_or_else(|| AnalyticsError::UnknownName {
        kind: "action",
        value: action.to_owned(),
    })?;
    let mut group = compare_groups(adopted_in, next);
    let dimensions = rule
        .targets
        .iter()
        .filter_map(|d| Some((*d, group.dimensions.remove(d)?)))
        .map(|(d, mut per)| {
            let side = SideChange {
                customer: per.remove(&Perspective::Customer).flatten(),
                employee: per.remove(&Perspective::Employee).flatten(),
            };
            (d, side)
        })
        .collect();
    Ok(ActionEffect {
        action: rule.code,
        dimensions,
    })
}

//! What a team's summary says first (PRODUCT.md "words before numbers"):
//! the few gaps worth a sentence, and the changes since the previous wave
//! that are more than chance. Pure selection and ranking over figures the
//! report already publishes: a hidden score gives no gap and no change, so
//! nothing here can name a population shown at fewer than k answers.
//!
//! Tested gaps (symmetry, customer perception) count only when the engine
//! marks them significant (Benjamini–Hochberg q < 0.05, METHOD.md §4).
//! Blind spots are an estimate against a score, never tested: they count
//! from [`BLIND_SPOT_MIN_POINTS`] on, by size alone.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

use super::compare::{Change, GroupChange};
use super::group::{DimensionReport, GroupReport};
use super::items::{Dimension, Perspective};

/// How many findings the summary names.
pub const MAX_FINDINGS: usize = 3;

/// A blind spot smaller than this (in points, either way) is not a finding:
/// one or a few people's estimate is rarely closer than that.
pub const BLIND_SPOT_MIN_POINTS: f64 = 10.0;

/// How many significant changes the summary names (the largest first).
pub const MAX_CHANGES: usize = 5;

/// The gap kinds a team's summary reads, in their order of precedence when
/// two findings are the same size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingGap {
    Symmetry,
    CustomerPerception,
    ManagerialBlindSpot,
    ManagerCustomerBlindSpot,
}

impl FindingGap {
    pub const ALL: [FindingGap; 4] = [
        FindingGap::Symmetry,
        FindingGap::CustomerPerception,
        FindingGap::ManagerialBlindSpot,
        FindingGap::ManagerCustomerBlindSpot,
    ];

    /// The report's name of the gap (`gap-<code>` messages).
    pub fn code(self) -> &'static str {
        match self {
            FindingGap::Symmetry => "symmetry",
            FindingGap::CustomerPerception => "customer_perception",
            FindingGap::ManagerialBlindSpot => "managerial_blind_spot",
            FindingGap::ManagerCustomerBlindSpot => "manager_customer_blind_spot",
        }
    }

    /// Tested gaps carry a significance; blind spots points only.
    pub fn tested(self) -> bool {
        matches!(self, FindingGap::Symmetry | FindingGap::CustomerPerception)
    }

    /// The gap's points when it is a finding of `report`: a significant
    /// tested gap, or a blind spot of at least the threshold.
    fn notable(self, report: &DimensionReport) -> Option<f64> {
        let g = &report.gaps;
        let tested = |gap: &Option<super::scores::TestedGap>| gap.as_ref().filter(|g| g.significant).map(|g| g.points);
        let blind = |gap: &Option<super::scores::PointGap>| {
            gap.as_ref()
                .map(|g| g.points)
                .filter(|p| p.abs() >= BLIND_SPOT_MIN_POINTS)
        };
        match self {
            FindingGap::Symmetry => tested(&g.symmetry),
            FindingGap::CustomerPerception => tested(&g.customer_perception),
            FindingGap::ManagerialBlindSpot => blind(&g.managerial_blind_spot),
            FindingGap::ManagerCustomerBlindSpot => blind(&g.manager_customer_blind_spot),
        }
        .filter(|p| p.is_finite())
    }
}

/// One finding: a dimension, the gap, its signed points (as the report
/// gives them: the first side minus the second).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub dimension: Dimension,
    pub gap: FindingGap,
    pub points: f64,
}

/// Larger first; at equal size, tested gaps before blind spots (a test
/// backs them), then the instrument's order of dimensions, so the same
/// report always gives the same sentences.
fn by_importance(a: &Finding, b: &Finding) -> Ordering {
    b.points
        .abs()
        .partial_cmp(&a.points.abs())
        .unwrap_or(Ordering::Equal)
        .then_with(|| b.gap.tested().cmp(&a.gap.tested()))
        .then_with(|| a.dimension.index().cmp(&b.dimension.index()))
        .then_with(|| a.gap.cmp(&b.gap))
}

/// The team's most important findings, at most [`MAX_FINDINGS`], largest
/// first. Two rules keep three sentences informative:
/// - when the group has both kinds, the largest significant gap and the
///   largest blind spot are both named (estimates often differ by more than
///   any tested gap and would otherwise crowd the tests out);
/// - a dimension is named once while other dimensions have findings left.
pub fn findings(group: &GroupReport) -> Vec<Finding> {
    let mut all: Vec<Finding> = group
        .dimensions
        .iter()
        .flat_map(|(&dimension, report)| {
            FindingGap::ALL
                .into_iter()
                .filter_map(move |gap| gap.notable(report).map(|points| Finding { dimension, gap, points }))
        })
        .collect();
    all.sort_by(by_importance);
    let mut chosen: Vec<Finding> = Vec::new();
    let take = |chosen: &mut Vec<Finding>, f: &Finding| {
        if chosen.len() < MAX_FINDINGS && !chosen.contains(f) {
            chosen.push(f.clone());
        }
    };
    // The largest of each kind first…
    for tested in [true, false] {
        if let Some(f) = all.iter().find(|f| f.gap.tested() == tested) {
            take(&mut chosen, f);
        }
    }
    // …then the largest of dimensions not named yet, then any.
    for f in &all {
        if !chosen.iter().any(|c| c.dimension == f.dimension) {
            take(&mut chosen, f);
        }
    }
    for f in &all {
        take(&mut chosen, f);
    }
    chosen.sort_by(by_importance);
    chosen
}

/// What a change is about: a dimension's score from one side, or an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "code")]
pub enum ChangeSubject {
    Dimension(Dimension, Perspective),
    /// `csat`, `ces`, `fcr` or `ies` (the tested indices).
    Index(&'static str),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeFinding {
    pub subject: ChangeSubject,
    pub before: f64,
    pub after: f64,
    pub points: f64,
}

/// The changes of a group since the previous wave that the comparison
/// marks significant (q < 0.05 over the comparison's family), largest
/// first, at most [`MAX_CHANGES`]; the second value is how many more
/// significant changes there are. A change exists only between two shown
/// figures (`compare`), and estimates and untested indices never carry a
/// significance, so they are never named.
pub fn significant_changes(change: &GroupChange) -> (Vec<ChangeFinding>, usize) {
    let finding = |subject: ChangeSubject, c: &Option<Change>| {
        c.as_ref()
            .filter(|c| c.significant == Some(true) && c.points.is_finite())
            .map(|c| ChangeFinding {
                subject,
                before: c.before,
                after: c.after,
                points: c.points,
            })
    };
    let mut all: Vec<ChangeFinding> = Vec::new();
    for (&d, per) in &change.dimensions {
        for (&p, c) in per {
            all.extend(finding(ChangeSubject::Dimension(d, p), c));
        }
    }
    let i = &change.indices;
    for (code, c) in [("csat", &i.csat), ("ces", &i.ces), ("fcr", &i.fcr), ("ies", &i.ies)] {
        all.extend(finding(ChangeSubject::Index(code), c));
    }
    // Stable sort: equal sizes keep the order above (dimensions first).
    all.sort_by(|a, b| b.points.abs().partial_cmp(&a.points.abs()).unwrap_or(Ordering::Equal));
    let more = all.len().saturating_sub(MAX_CHANGES);
    all.truncate(MAX_CHANGES);
    (all, more)
}

#[cfg(test)]
#[path = "findings_tests.rs"]
mod tests;

//! One GROUP of the report (API.md "The campaign report"): every figure of a
//! population pooled over a team and its sub-teams (or the organisation),
//! with anonymity applied as the figures are built.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::data::Settings;
use super::items::{Dimension, InstrumentVersion, ItemGroup, Perspective, Pillar, Population, Scope};
use super::maturity::{self, Maturity};
use super::recommendations::{self, Recommendation};
use super::scores::{point_gap, tested_gap, Cos, NetScore, PointGap, Score, Share, TestedGap};
use super::stats;
use super::tally::Tally;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopulationCounts {
    pub customer: Option<u64>,
    pub employee: Option<u64>,
    pub manager: Option<u64>,
    pub executive: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopulationFlags {
    pub customer: bool,
    pub employee: bool,
    pub manager: bool,
    pub executive: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gaps {
    pub symmetry: Option<TestedGap>,
    pub customer_perception: Option<TestedGap>,
    pub managerial_blind_spot: Option<PointGap>,
    pub manager_customer_blind_spot: Option<PointGap>,
    /// Executive estimates against scores: points only, never tested
    /// (METHOD.md §4), like the managers' blind spots.
    pub leadership_employee: Option<PointGap>,
    pub leadership_customer: Option<PointGap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionReport {
    pub customer: Score,
    pub employee: Score,
    pub employee_estimate_customer: Score,
    pub manager_estimate_employee: Score,
    pub manager_estimate_customer: Score,
    pub executive_estimate_employee: Score,
    pub executive_estimate_customer: Score,
    pub gaps: Gaps,
}

impl DimensionReport {
    pub fn score(&self, perspective: Perspective) -> &Score {
        match perspective {
            Perspective::Customer => &self.customer,
            Perspective::Employee => &self.employee,
            Perspective::EmployeeEstimateCustomer => &self.employee_estimate_customer,
            Perspective::ManagerEstimateEmployee => &self.manager_estimate_employee,
            Perspective::ManagerEstimateCustomer => &self.manager_estimate_customer,
            Perspective::ExecutiveEstimateEmployee => &self.executive_estimate_employee,
            Perspective::ExecutiveEstimateCustomer => &self.executive_estimate_customer,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indices {
    pub csi: Option<f64>,
    pub eei: Option<f64>,
    pub nps: NetScore,
    pub enps: NetScore,
    pub csat: Share,
    pub ces: Share,
    pub fcr: Share,
    pub ies: Share,
    pub cos: Option<Cos>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarScores {
    pub execution: Option<f64>,
    pub link: Option<f64>,
    pub emotion: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SidePillars {
    pub customer: PillarScores,
    pub employee: PillarScores,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideMaturity {
    pub customer: Option<Maturity>,
    pub employee: Option<Maturity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupReport {
    pub n: PopulationCounts,
    pub suppressed: PopulationFlags,
    pub dimensions: BTreeMap<Dimension, DimensionReport>,
    pub indices: Indices,
    pub pillars: SidePillars,
    pub maturity: SideMaturity,
    pub recommendations: Vec<Recommendation>,
}

/// A dimension's score from a tally, ignoring anonymity: callers decide
/// whether it may be shown. Estimates of a version-2 campaign read 0–10.
pub fn raw_dimension_score(tally: &Tally, d: Dimension, p: Perspective, instrument: InstrumentVersion) -> Score {
    let scope = Scope::Group(ItemGroup::Dimension(d, p));
    let n = tally.n(p.population(), scope);
    let counts = tally.counts(ItemGroup::Dimension(d, p));
    if instrument.estimates(p) {
        Score::estimate(n, counts)
    } else {
        Score::from_counts(n, counts, 4)
    }
}

/// A dimension's score as a group shows it: hidden when anonymity says so.
fn shown_dimension_score(
    tally: &Tally,
    instrument: InstrumentVersion,
    visible: &dyn Fn(Population, Scope) -> bool,
    d: Dimension,
    p: Perspective,
) -> Score {
    if visible(p.population(), Scope::Group(ItemGroup::Dimension(d, p))) {
        raw_dimension_score(tally, d, p, instrument)
    } else {
        Score::hidden()
    }
}

/// Builds the GROUP of `tally`; `visible` says whether an anonymous
/// population's figures in a scope may be shown; `instrument` says how
/// manager and executive answers read. Its tested gaps carry q = p and it
/// has no recommendation yet: the report adjusts the gaps over its family
/// first (`GroupReport::adjust`), then matches the plan
/// (`GroupReport::recommend`), which reads the adjusted significance.
pub fn build_group(
    tally: &Tally,
    instrument: InstrumentVersion,
    visible: &dyn Fn(Population, Scope) -> bool,
    settings: &Settings,
) -> GroupReport {
    let population_n = |p: Population| visible(p, Scope::All).then(|| tally.n(p, Scope::All));
    let score = |d: Dimension, p: Perspective| shown_dimension_score(tally, instrument, visible, d, p);
    let mut dimensions = BTreeMap::new();
    for &d in Dimension::ALL {
        dimensions.insert(d, dimension_report(|p| score(d, p)));
    }
    let indices = indices(tally, visible, &dimensions);
    let pillars = SidePillars {
        customer: pillar_scores(&dimensions, Perspective::Customer),
        employee: pillar_scores(&dimensions, Perspective::Employee),
    };
    let shape = |p: &PillarScores| maturity::classify(p.execution, p.link, p.emotion, &settings.maturity);
    let maturity = SideMaturity {
        customer: shape(&pillars.customer),
        employee: shape(&pillars.employee),
    };
    GroupReport {
        n: PopulationCounts {
            customer: population_n(Population::Customer),
            employee: population_n(Population::Employee),
            manager: population_n(Population::Manager),
            executive: population_n(Population::Executive),
        },
        suppressed: PopulationFlags {
            customer: !visible(Population::Customer, Scope::All),
            employee: !visible(Population::Employee, Scope::All),
            manager: false,
            executive: false,
        },
        dimensions,
        indices,
        pillars,
        maturity,
        recommendations: Vec::new(),
    }
}

impl GroupReport {
    /// Matches the action plan against this group's figures, keeping at
    /// most `limit` points (ACTION-PLAN.md: three per team, five for the
    /// organisation); `channel_spread` holds the spreads of the dimensions
    /// that have one.
    pub fn recommend(&mut self, channel_spread: &BTreeMap<Dimension, f64>, limit: usize) {
        self.recommendations = recommendations::recommend(&self.dimensions, &self.indices, channel_spread, limit);
    }
}

/// The gaps of a group that are tested (METHOD.md §4): symmetry and customer
/// perception, per dimension, in this order.
pub const TESTED_GAPS: usize = 2;

/// The tested gaps of `tally` as `build_group` would show them (hidden
/// figures give no gap), without building the rest of the group: the
/// report's family of tests needs them for every group, also those a
/// filtered report does not show.
pub fn tested_gaps(
    tally: &Tally,
    instrument: InstrumentVersion,
    visible: &dyn Fn(Population, Scope) -> bool,
) -> BTreeMap<Dimension, [Option<TestedGap>; TESTED_GAPS]> {
    let score = |d: Dimension, p: Perspective| shown_dimension_score(tally, instrument, visible, d, p);
    Dimension::ALL
        .iter()
        .map(|&d| {
            let c = score(d, Perspective::Customer);
            let e = score(d, Perspective::Employee);
            let ec = score(d, Perspective::EmployeeEstimateCustomer);
            (d, [tested_gap(&e, &c), tested_gap(&ec, &c)])
        })
        .collect()
}

impl Gaps {
    /// The tested gaps, in the order of `tested_gaps`.
    pub fn tested_mut(&mut self) -> [&mut Option<TestedGap>; TESTED_GAPS] {
        [&mut self.symmetry, &mut self.customer_perception]
    }
}

fn dimension_report(score: impl Fn(Perspective) -> Score) -> DimensionReport {
    let c = score(Perspective::Customer);
    let e = score(Perspective::Employee);
    let ec = score(Perspective::EmployeeEstimateCustomer);
    let me = score(Perspective::ManagerEstimateEmployee);
    let mc = score(Perspective::ManagerEstimateCustomer);
    let xe = score(Perspective::ExecutiveEstimateEmployee);
    let xc = score(Perspective::ExecutiveEstimateCustomer);
    let gaps = Gaps {
        symmetry: tested_gap(&e, &c),
        customer_perception: tested_gap(&ec, &c),
        managerial_blind_spot: point_gap(&me, &e),
        manager_customer_blind_spot: point_gap(&mc, &c),
        leadership_employee: point_gap(&xe, &e),
        leadership_customer: point_gap(&xc, &c),
    };
    DimensionReport {
        customer: c,
        employee: e,
        employee_estimate_customer: ec,
        manager_estimate_employee: me,
        manager_estimate_customer: mc,
        executive_estimate_employee: xe,
        executive_estimate_customer: xc,
        gaps,
    }
}

fn indices(
    tally: &Tally,
    visible: &dyn Fn(Population, Scope) -> bool,
    dimensions: &BTreeMap<Dimension, DimensionReport>,
) -> Indices {
    // Headline groups hold a single item each, so their pooled counts are
    // the item's.
    let shown = |p: Population, g: ItemGroup| visible(p, Scope::Group(g));
    let net = |p: Population, g: ItemGroup| {
        if shown(p, g) {
            NetScore::from_counts(tally.n(p, Scope::Group(g)), tally.counts(g))
        } else {
            NetScore::default()
        }
    };
    let share = |p: Population, g: ItemGroup, from: usize| {
        if shown(p, g) {
            Share::from_counts(tally.counts(g), from)
        } else {
            Share::default()
        }
    };
    use Population::{Customer, Employee};
    Indices {
        csi: index_mean(dimensions, Perspective::Customer, Dimension::ALL),
        eei: index_mean(dimensions, Perspective::Employee, Dimension::ALL),
        nps: net(Customer, ItemGroup::Nps),
        enps: net(Employee, ItemGroup::Enps),
        csat: share(Customer, ItemGroup::Csat, 4),
        ces: share(Customer, ItemGroup::Ces, 5),
        fcr: share(Customer, ItemGroup::Fcr, 1),
        ies: share(Employee, ItemGroup::Ies, 5),
        cos: shown(Employee, ItemGroup::Orientation)
            .then(|| Cos::from_buckets(&tally.orientation))
            .flatten(),
    }
}

/// Mean of the shown dimension scores among `among`; dimensions without a
/// shown score are left out rather than counted as zero.
pub fn index_mean(
    dimensions: &BTreeMap<Dimension, DimensionReport>,
    perspective: Perspective,
    among: &[Dimension],
) -> Option<f64> {
    let values: Vec<f64> = among
        .iter()
        .filter_map(|d| dimensions.get(d))
        .filter_map(|r| r.score(perspective).favourable)
        .collect();
    stats::mean(&values)
}

fn pillar_scores(dimensions: &BTreeMap<Dimension, DimensionReport>, perspective: Perspective) -> PillarScores {
    let of = |pillar: Pillar| {
        let members: Vec<Dimension> = Dimension::ALL
            .iter()
            .copied()
            .filter(|d| d.pillar() == pillar)
            .collect();
        index_mean(dimensions, perspective, &members)
    };
    PillarScores {
        execution: of(Pillar::Execution),
        link: of(Pillar::Link),
        emotion: of(Pillar::Emotion),
    }
}

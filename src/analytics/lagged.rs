//! Across two published waves (issue #15): who moves first — the
//! cross-lagged panel of team EEI and CSI (and of each dimension's employee
//! and customer scores) — and whether the points of the plan that some
//! teams adopted moved their target dimensions more than in the teams that
//! did not (difference in differences).
//!
//! Both read the two waves' *published* reports only (METHOD.md §7): a team
//! enters when its figures are published in both waves, so every figure
//! here is a function of published team values and a hidden team's value
//! cannot be solved from it. Units are the teams without sub-teams (a
//! region is the roll-up of its branches and would count them twice).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::group::GroupReport;
use super::items::Dimension;
use super::recommendations;
use super::regression::{welch, z_scores, Design, Estimate};
use super::report::{CampaignReport, TeamReport};
use super::AnalyticsError;

/// The cross-lagged panel needs this many teams published on both sides in
/// both waves (issue #15).
pub const MIN_PANEL_TEAMS: usize = 10;

/// What the panel allows one to say, from the two cross-lagged paths and
/// their difference (95 % intervals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precedence {
    /// EEI₁ → CSI₂ clear, and clearly stronger than CSI₁ → EEI₂.
    EmployeesFirst,
    /// CSI₁ → EEI₂ clear, and clearly stronger than EEI₁ → CSI₂.
    CustomersFirst,
    /// Both paths clear, neither stronger.
    BothWays,
    /// Only EEI₁ → CSI₂ is clear, but not clearly stronger than the other.
    EmployeesPathOnly,
    /// Only CSI₁ → EEI₂ is clear, but not clearly stronger than the other.
    CustomersPathOnly,
    /// Neither path is clear.
    Undetermined,
}

impl Precedence {
    pub fn as_str(self) -> &'static str {
        match self {
            Precedence::EmployeesFirst => "employees_first",
            Precedence::CustomersFirst => "customers_first",
            Precedence::BothWays => "both_ways",
            Precedence::EmployeesPathOnly => "employees_path_only",
            Precedence::CustomersPathOnly => "customers_path_only",
            Precedence::Undetermined => "undetermined",
        }
    }

    fn read(employees: &Estimate, customers: &Estimate, difference: &Estimate) -> Precedence {
        match (employees.significant(), customers.significant()) {
            (true, _) if difference.ci_low > 0.0 => Precedence::EmployeesFirst,
            (_, true) if difference.ci_high < 0.0 => Precedence::CustomersFirst,
            (true, true) => Precedence::BothWays,
            (true, false) => Precedence::EmployeesPathOnly,
            (false, true) => Precedence::CustomersPathOnly,
            (false, false) => Precedence::Undetermined,
        }
    }
}

/// Standardised paths (OLS on z-scored team values): employee side E and
/// customer side C, waves 1 and 2. `difference` = employees_to_customers −
/// customers_to_employees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Panel {
    pub teams: usize,
    /// E₁ → C₂, controlling C₁.
    pub employees_to_customers: Estimate,
    /// C₁ → E₂, controlling E₁.
    pub customers_to_employees: Estimate,
    /// E₁ → E₂, controlling C₁.
    pub employee_stability: Estimate,
    /// C₁ → C₂, controlling E₁.
    pub customer_stability: Estimate,
    pub difference: Estimate,
    pub precedence: Precedence,
}

/// `indices` is EEI/CSI; `dimensions` each dimension's E and C scores. A
/// panel is `null` below MIN_PANEL_TEAMS teams with all four values or when
/// a series is constant or the wave-1 values are collinear.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrossLagged {
    pub eligible_teams: usize,
    pub indices: Option<Panel>,
    pub dimensions: BTreeMap<Dimension, Option<Panel>>,
}

/// One team value per wave: (employee, customer).
type Quad = (f64, f64, f64, f64);

pub fn panel(rows: &[Quad]) -> Option<Panel> {
    if rows.len() < MIN_PANEL_TEAMS {
        return None;
    }
    let column = |f: fn(&Quad) -> f64| z_scores(&rows.iter().map(f).collect::<Vec<_>>());
    let (e1, c1) = (column(|r| r.0)?, column(|r| r.1)?);
    let (e2, c2) = (column(|r| r.2)?, column(|r| r.3)?);
    let design = Design::new(&e1, &c1)?;
    let customers = design.fit(&c2)?;
    let employees = design.fit(&e2)?;
    let employees_to_customers = design.slope(&customers, true)?;
    let customers_to_employees = design.slope(&employees, false)?;
    let difference = design.difference(&customers, &employees)?;
    Some(Panel {
        teams: rows.len(),
        precedence: Precedence::read(&employees_to_customers, &customers_to_employees, &difference),
        employee_stability: design.slope(&employees, true)?,
        customer_stability: design.slope(&customers, false)?,
        employees_to_customers,
        customers_to_employees,
        difference,
    })
}

/// Teams with no sub-team in `report`, by code.
fn units(report: &CampaignReport) -> BTreeMap<&str, &GroupReport> {
    let parents: BTreeSet<&str> = report.teams.iter().filter_map(|t| t.parent_code.as_deref()).collect();
    report
        .teams
        .iter()
        .filter(|t| !parents.contains(t.code.as_str()))
        .map(|t: &TeamReport| (t.code.as_str(), &t.group))
        .collect()
}

/// The units of both waves, in code order.
fn matched<'r>(
    before: &'r CampaignReport,
    after: &'r CampaignReport,
) -> Vec<(&'r str, &'r GroupReport, &'r GroupReport)> {
    let earlier = units(before);
    units(after)
        .into_iter()
        .filter_map(|(code, a)| Some((code, *earlier.get(code)?, a)))
        .collect()
}

fn published(g: &GroupReport) -> bool {
    !g.suppressed.customer && !g.suppressed.employee
}

pub fn cross_lagged(before: &CampaignReport, after: &CampaignReport) -> CrossLagged {
    let pairs: Vec<(&GroupReport, &GroupReport)> = matched(before, after)
        .into_iter()
        .filter(|(_, b, a)| published(b) && published(a))
        .map(|(_, b, a)| (b, a))
        .collect();
    let rows = |f: &dyn Fn(&GroupReport) -> Option<(f64, f64)>| -> Vec<Quad> {
        pairs
            .iter()
            .filter_map(|(b, a)| {
                let ((e1, c1), (e2, c2)) = (f(b)?, f(a)?);
                Some((e1, c1, e2, c2))
            })
            .collect()
    };
    let indices = rows(&|g| Some((g.indices.eei?, g.indices.csi?)));
    let dimensions = Dimension::ALL
        .iter()
        .map(|&d| {
            let on = |g: &GroupReport| {
                let r = g.dimensions.get(&d)?;
                Some((r.employee.favourable?, r.customer.favourable?))
            };
            (d, panel(&rows(&on)))
        })
        .collect();
    CrossLagged {
        eligible_teams: indices.len(),
        indices: panel(&indices),
        dimensions,
    }
}

/// Adopting teams' mean change minus the other teams' (points), Welch's t.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contrast {
    pub adopting_teams: usize,
    pub other_teams: usize,
    pub adopting_change: f64,
    pub other_change: f64,
    /// `null` with fewer than two teams on a side or no spread.
    pub difference: Option<Estimate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideContrasts {
    pub customer: Option<Contrast>,
    pub employee: Option<Contrast>,
}

/// A point's difference in differences: on each side, the team's outcome is
/// the mean of the point's target dimensions (all published in both
/// waves); each target dimension is also given alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DifferenceInDifferences {
    pub action: String,
    pub targets: SideContrasts,
    pub dimensions: BTreeMap<Dimension, SideContrasts>,
}

fn contrast(changes: &[(bool, f64)]) -> Option<Contrast> {
    let adopting: Vec<f64> = changes.iter().filter(|c| c.0).map(|c| c.1).collect();
    let other: Vec<f64> = changes.iter().filter(|c| !c.0).map(|c| c.1).collect();
    Some(Contrast {
        adopting_teams: adopting.len(),
        other_teams: other.len(),
        adopting_change: super::stats::mean(&adopting)?,
        other_change: super::stats::mean(&other)?,
        difference: welch(&adopting, &other),
    })
}

/// `adopting`: the codes of the teams the point was adopted for in the
/// first wave (directly or through a parent team); every other unit is a
/// comparison team.
pub fn difference_in_differences(
    action: &str,
    before: &CampaignReport,
    after: &CampaignReport,
    adopting: &BTreeSet<String>,
) -> Result<DifferenceInDifferences, AnalyticsError> {
    let rule = recommendations::rule(action).ok_or_else(|| AnalyticsError::UnknownName {
        kind: "action",
        value: action.to_owned(),
    })?;
    let teams = matched(before, after);
    type Score = fn(&super::group::DimensionReport) -> Option<f64>;
    let customer: Score = |r| r.customer.favourable;
    let employee: Score = |r| r.employee.favourable;
    let sides = |targets: &[Dimension]| {
        let side = |score: Score| {
            let changes: Vec<(bool, f64)> = teams
                .iter()
                .filter_map(|(code, b, a)| {
                    let mut total = 0.0;
                    for d in targets {
                        total += score(a.dimensions.get(d)?)? - score(b.dimensions.get(d)?)?;
                    }
                    Some((adopting.contains(*code), total / targets.len() as f64))
                })
                .collect();
            contrast(&changes)
        };
        SideContrasts {
            customer: side(customer),
            employee: side(employee),
        }
    };
    Ok(DifferenceInDifferences {
        action: rule.code.to_owned(),
        targets: sides(rule.targets),
        dimensions: rule.targets.iter().map(|&d| (d, sides(&[d]))).collect(),
    })
}

//! Employee–customer linkage across teams (METHOD.md §5): correlations of
//! team-level scores over the teams that hold enough responses of their own,
//! the driver view and the quadrants.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::aggregation::DimensionAgreement;
use super::items::{Dimension, Population, Scope};
use super::report::TeamReport;
use super::stats;
use super::tally::Prepared;

/// Below this many teams no correlation is computed.
pub const MIN_LINKAGE_TEAMS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pearson {
    pub r: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub p: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spearman {
    pub rho: f64,
    pub p: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correlation {
    pub pearson: Pearson,
    pub spearman: Spearman,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    pub dimension: Dimension,
    pub r: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    Virtuous,
    Fragile,
    Untapped,
    Vicious,
}

impl Quadrant {
    /// The quadrant of (x, y) split at `medians`; a value on a median
    /// (within TIE_TOLERANCE) counts as high (METHOD.md §5).
    pub fn of(x: f64, y: f64, medians: (f64, f64)) -> Quadrant {
        let high = |v: f64, median: f64| v >= median - stats::TIE_TOLERANCE;
        match (high(x, medians.0), high(y, medians.1)) {
            (true, true) => Quadrant::Virtuous,
            (false, true) => Quadrant::Fragile,
            (true, false) => Quadrant::Untapped,
            (false, false) => Quadrant::Vicious,
        }
    }

    /// The quadrant's name, as the report's JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::Virtuous => "virtuous",
            Quadrant::Fragile => "fragile",
            Quadrant::Untapped => "untapped",
            Quadrant::Vicious => "vicious",
        }
    }
}

/// Everything but `eligible_teams` is `null` below MIN_LINKAGE_TEAMS; a
/// single correlation is also `null` when fewer than that many teams have
/// both values or when either series is constant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Linkage {
    pub eligible_teams: usize,
    pub eei_csi: Option<Correlation>,
    pub enps_nps: Option<Correlation>,
    pub dimensions: Option<BTreeMap<Dimension, Option<Correlation>>>,
    pub drivers: Option<Vec<Driver>>,
    pub quadrants: Option<BTreeMap<String, Quadrant>>,
    /// Per dimension, whether team averages carry enough between-team
    /// signal and within-team agreement to be correlated (issue #15), over
    /// the same teams; `null` below MIN_LINKAGE_TEAMS. Set by the report.
    pub aggregation: Option<BTreeMap<Dimension, DimensionAgreement>>,
}

/// A team's own (not rolled-up) values.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamValues {
    pub code: String,
    pub eei: Option<f64>,
    pub csi: Option<f64>,
    pub nps: Option<f64>,
    pub enps: Option<f64>,
    pub employee: BTreeMap<Dimension, f64>,
    pub customer: BTreeMap<Dimension, f64>,
}

/// A team's published values: what its report shows, `null` where
/// anonymity hides it.
fn published_values(team: &TeamReport) -> TeamValues {
    let g = &team.group;
    let side = |score: &dyn Fn(&super::group::DimensionReport) -> Option<f64>| -> BTreeMap<Dimension, f64> {
        g.dimensions
            .iter()
            .filter_map(|(d, r)| score(r).map(|f| (*d, f)))
            .collect()
    };
    TeamValues {
        code: team.code.clone(),
        eei: g.indices.eei,
        csi: g.indices.csi,
        nps: g.indices.nps.score,
        enps: g.indices.enps.score,
        employee: side(&|r| r.employee.favourable),
        customer: side(&|r| r.customer.favourable),
    }
}

/// The units the linkage correlates (METHOD.md §5 and §7): teams whose
/// customers and employees are all their own (a store, not a region's
/// roll-up, whose own answers are never published) and whose figures of
/// both populations are published. Every value is read from the published
/// report, so a figure hidden by primary or complementary suppression never
/// feeds a correlation, a driver or a median.
pub fn published_units(prepared: &Prepared, scope: &[usize], reports: &[TeamReport]) -> Vec<TeamValues> {
    scope
        .iter()
        .zip(reports)
        .filter(|(&i, r)| {
            let unit = [Population::Customer, Population::Employee]
                .into_iter()
                .all(|p| prepared.own[i].n(p, Scope::All) == prepared.rollup[i].n(p, Scope::All));
            unit && !r.group.suppressed.customer && !r.group.suppressed.employee
        })
        .map(|(_, r)| published_values(r))
        .collect()
}

/// Pearson and Spearman over the pairs where both values exist.
pub fn correlate(pairs: &[(f64, f64)]) -> Option<Correlation> {
    if pairs.len() < MIN_LINKAGE_TEAMS {
        return None;
    }
    let (xs, ys): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
    let n = pairs.len();
    let r = stats::pearson(&xs, &ys)?;
    let (ci_low, ci_high) = stats::fisher_ci(r, n)?;
    let rho = stats::spearman(&xs, &ys)?;
    Some(Correlation {
        pearson: Pearson {
            r,
            ci_low,
            ci_high,
            p: stats::correlation_p(r, n)?,
        },
        spearman: Spearman {
            rho,
            p: stats::correlation_p(rho, n)?,
        },
    })
}

fn pairs<F>(teams: &[TeamValues], f: F) -> Vec<(f64, f64)>
where
    F: Fn(&TeamValues) -> (Option<f64>, Option<f64>),
{
    teams
        .iter()
        .filter_map(|t| match f(t) {
            (Some(x), Some(y)) => Some((x, y)),
            _ => None,
        })
        .collect()
}

pub fn linkage(teams: &[TeamValues]) -> Linkage {
    if teams.len() < MIN_LINKAGE_TEAMS {
        return Linkage {
            eligible_teams: teams.len(),
            eei_csi: None,
            enps_nps: None,
            dimensions: None,
            drivers: None,
            quadrants: None,
            aggregation: None,
        };
    }
    let dimensions = Dimension::ALL
        .iter()
        .map(|&d| {
            let on = |t: &TeamValues| (t.employee.get(&d).copied(), t.customer.get(&d).copied());
            (d, correlate(&pairs(teams, on)))
        })
        .collect();
    Linkage {
        eligible_teams: teams.len(),
        eei_csi: correlate(&pairs(teams, |t| (t.eei, t.csi))),
        enps_nps: correlate(&pairs(teams, |t| (t.enps, t.nps))),
        dimensions: Some(dimensions),
        drivers: Some(drivers(teams)),
        quadrants: Some(quadrants(teams)),
        aggregation: None,
    }
}

/// Each employee dimension's Pearson r with team NPS, strongest first.
fn drivers(teams: &[TeamValues]) -> Vec<Driver> {
    let mut out: Vec<Driver> = Dimension::ALL
        .iter()
        .filter_map(|&d| {
            let p = pairs(teams, |t| (t.employee.get(&d).copied(), t.nps));
            if p.len() < MIN_LINKAGE_TEAMS {
                return None;
            }
            let (xs, ys): (Vec<f64>, Vec<f64>) = p.into_iter().unzip();
            stats::pearson(&xs, &ys).map(|r| Driver { dimension: d, r })
        })
        .collect();
    // Stable sort: equal r keep the dimension order.
    out.sort_by(|a, b| b.r.total_cmp(&a.r));
    out
}

/// Split at the medians of the teams that have both indices; a team on a
/// median (within TIE_TOLERANCE) counts as high.
fn quadrants(teams: &[TeamValues]) -> BTreeMap<String, Quadrant> {
    let both: Vec<(&str, f64, f64)> = teams
        .iter()
        .filter_map(|t| Some((t.code.as_str(), t.eei?, t.csi?)))
        .collect();
    let eeis: Vec<f64> = both.iter().map(|b| b.1).collect();
    let csis: Vec<f64> = both.iter().map(|b| b.2).collect();
    let (Some(me), Some(mc)) = (stats::median(&eeis), stats::median(&csis)) else {
        return BTreeMap::new();
    };
    both.iter()
        .map(|&(code, e, c)| (code.to_owned(), Quadrant::of(e, c, (me, mc))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(code: &str, eei: f64, csi: f64) -> TeamValues {
        TeamValues {
            code: code.into(),
            eei: Some(eei),
            csi: Some(csi),
            nps: Some(csi - 50.0),
            enps: Some(eei - 50.0),
            employee: [(Dimension::Trust, eei)].into_iter().collect(),
            customer: [(Dimension::Trust, 70.0)].into_iter().collect(),
        }
    }

    #[test]
    fn a_point_on_a_median_counts_as_high() {
        let m = (50.0, 50.0);
        assert_eq!(Quadrant::of(50.0, 50.0, m), Quadrant::Virtuous);
        assert_eq!(Quadrant::of(49.9, 50.0, m), Quadrant::Fragile);
        assert_eq!(Quadrant::of(50.0, 49.9, m), Quadrant::Untapped);
        assert_eq!(Quadrant::of(49.9, 49.9, m), Quadrant::Vicious);
        assert_eq!(
            Quadrant::of(50.0 - stats::TIE_TOLERANCE / 2.0, 10.0, m),
            Quadrant::Untapped
        );
        for q in [
            Quadrant::Virtuous,
            Quadrant::Fragile,
            Quadrant::Untapped,
            Quadrant::Vicious,
        ] {
            assert_eq!(serde_json::to_value(q).unwrap(), q.as_str());
        }
    }

    #[test]
    fn four_teams_give_no_correlation() {
        let teams: Vec<_> = (0..4).map(|i| team(&i.to_string(), i as f64, i as f64)).collect();
        let l = linkage(&teams);
        assert_eq!(l.eligible_teams, 4);
        assert!(l.eei_csi.is_none() && l.quadrants.is_none() && l.drivers.is_none());
    }

    #[test]
    fn perfect_correlation_has_a_collapsed_interval_and_p_zero() {
        let teams: Vec<_> = (0..5)
            .map(|i| team(&i.to_string(), 10.0 * i as f64, 5.0 * i as f64))
            .collect();
        let l = linkage(&teams);
        let c = l.eei_csi.unwrap();
        assert!((c.pearson.r - 1.0).abs() < 1e-12);
        assert_eq!(
            (c.pearson.ci_low, c.pearson.ci_high, c.pearson.p),
            (c.pearson.r, c.pearson.r, 0.0)
        );
        assert_eq!(c.spearman.p, 0.0);
        // Customer trust is constant: undefined, hence null, never NaN.
        assert_eq!(l.dimensions.unwrap()[&Dimension::Trust], None);
        assert_eq!(l.drivers.unwrap()[0].dimension, Dimension::Trust);
    }

    #[test]
    fn quadrants_split_at_the_medians_with_ties_high() {
        let teams = vec![
            team("a", 10.0, 10.0),
            team("b", 20.0, 40.0),
            team("c", 30.0, 30.0),
            team("d", 40.0, 20.0),
            team("e", 50.0, 50.0),
        ];
        let q = linkage(&teams).quadrants.unwrap();
        assert_eq!(q["a"], Quadrant::Vicious);
        assert_eq!(q["b"], Quadrant::Fragile);
        assert_eq!(q["c"], Quadrant::Virtuous);
        assert_eq!(q["d"], Quadrant::Untapped);
        assert_eq!(q["e"], Quadrant::Virtuous);
    }
}

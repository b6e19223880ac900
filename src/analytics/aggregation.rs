//! Whether a team average means something (issue #15): before correlating
//! team scores, multilevel practice checks that teams differ more than
//! their members do — ICC(1), from the one-way ANOVA of the individual
//! answers with teams as groups — and that members of a team agree —
//! rwg(j) against a uniform null, averaged over teams. Both are computed
//! from the stored answer histograms of the teams the linkage correlates
//! (published units only, METHOD.md §7), per dimension and population.
//!
//! Definitions follow the R `multilevel` package (Bliese): `ICC1` uses the
//! mean group size N/J; `rwg.j` = J(1 − s̄²/σ²)/(J(1 − s̄²/σ²) + s̄²/σ²) with
//! s̄² the mean of the item variances within the team (n − 1 denominator)
//! and σ² = (A² − 1)/12 for an A-point scale; a team of one answer per item
//! has none; s̄² ≥ σ² gives 0 (the package caps s̄² at σ², James, Demaree
//! & Wolf's rule). One departure, forced by the stored histograms: item
//! variances use each item's non-missing answers (histograms cannot drop a
//! respondent listwise; identical when nobody skips an item).
//! `multilevel_tests` checks the figures against the package itself on its
//! own data (`scripts/reference_multilevel.R`).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

use super::data::CampaignData;
use super::items::{Channel, Dimension, ItemCode, Perspective, Population};
use super::regression::positive;
use super::stats::finite;

/// Conventional readings: ICC(1) ≥ .05 and mean rwg(j) ≥ .70.
pub const MIN_ICC1: f64 = 0.05;
pub const MIN_RWG_J: f64 = 0.70;

/// Points of the agreement scale of dimension items (1–5).
const SCALE_POINTS: f64 = 5.0;

/// Answer counts of one item in one team, by value.
pub type ItemCounts = [u64; 11];

/// Sum, sum of squares and count of answers, exact.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Moments {
    n: u64,
    s1: u64,
    s2: u64,
}

impl Moments {
    fn of(counts: &ItemCounts) -> Moments {
        let mut m = Moments::default();
        for (value, &c) in counts.iter().enumerate() {
            let v = value as u64;
            m.n += c;
            m.s1 += v * c;
            m.s2 += v * v * c;
        }
        m
    }

    fn add(&mut self, other: Moments) {
        self.n += other.n;
        self.s1 += other.s1;
        self.s2 += other.s2;
    }

    fn mean(self) -> f64 {
        self.s1 as f64 / self.n as f64
    }

    /// Σ(x − mean)², from exact integers: (n·s2 − s1²)/n.
    fn sum_of_squares(self) -> f64 {
        let (n, s1, s2) = (i128::from(self.n), i128::from(self.s1), i128::from(self.s2));
        (n * s2 - s1 * s1) as f64 / self.n as f64
    }
}

/// One team's answers to the items of one dimension seen from one
/// perspective (one entry per item).
pub type TeamItems = Vec<ItemCounts>;

/// ICC(1) of the one-way ANOVA of every answer, teams as groups, with the
/// `multilevel` package's group size N/J. `None` below two teams, without
/// within-team degrees of freedom, or when the denominator vanishes.
pub fn icc1(teams: &[TeamItems]) -> Option<f64> {
    let groups: Vec<Moments> = teams
        .iter()
        .map(|items| {
            let mut m = Moments::default();
            items.iter().for_each(|c| m.add(Moments::of(c)));
            m
        })
        .filter(|m| m.n > 0)
        .collect();
    let j = groups.len();
    let n: u64 = groups.iter().map(|g| g.n).sum();
    if j < 2 || n <= j as u64 {
        return None;
    }
    let grand = groups.iter().map(|g| g.s1).sum::<u64>() as f64 / n as f64;
    let ssb: f64 = groups.iter().map(|g| g.n as f64 * (g.mean() - grand).powi(2)).sum();
    let ssw: f64 = groups.iter().map(|g| g.sum_of_squares()).sum();
    let msb = ssb / (j - 1) as f64;
    let msw = ssw / (n - j as u64) as f64;
    let size = n as f64 / j as f64;
    let denominator = msb + (size - 1.0) * msw;
    if !positive(denominator) {
        return None;
    }
    finite((msb - msw) / denominator)
}

/// rwg(j) of one team; `None` when no item has two answers.
pub fn rwg_j(items: &[ItemCounts]) -> Option<f64> {
    let variances: Vec<f64> = items
        .iter()
        .map(Moments::of)
        .filter(|m| m.n >= 2)
        .map(|m| m.sum_of_squares() / (m.n - 1) as f64)
        .collect();
    if variances.is_empty() {
        return None;
    }
    let j = variances.len() as f64;
    let null = (SCALE_POINTS * SCALE_POINTS - 1.0) / 12.0;
    let ratio = variances.iter().sum::<f64>() / j / null;
    if ratio >= 1.0 {
        return Some(0.0);
    }
    finite(j * (1.0 - ratio) / (j * (1.0 - ratio) + ratio))
}

/// ICC(1) and the mean rwg(j) of one dimension and population over the
/// teams that published it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub teams: usize,
    pub icc1: Option<f64>,
    pub mean_rwg_j: Option<f64>,
    /// ICC(1) ≥ MIN_ICC1 and mean rwg(j) ≥ MIN_RWG_J; `null` when either
    /// is undefined.
    pub supports_team_level: Option<bool>,
}

impl Agreement {
    pub fn of(teams: &[TeamItems]) -> Agreement {
        let icc1 = icc1(teams);
        let rwgs: Vec<f64> = teams.iter().filter_map(|t| rwg_j(t.as_slice())).collect();
        let mean_rwg_j = super::stats::mean(&rwgs);
        Agreement {
            teams: teams.len(),
            icc1,
            mean_rwg_j,
            supports_team_level: icc1.zip(mean_rwg_j).map(|(i, r)| i >= MIN_ICC1 && r >= MIN_RWG_J),
        }
    }
}

/// Per dimension: the customer and employee checks, and whether a
/// correlation of the two sides' team scores rests on team averages that
/// both carry between-team signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionAgreement {
    pub customer: Agreement,
    pub employee: Agreement,
    pub team_level: bool,
}

/// Items per dimension and perspective (1 to 3).
const ITEMS: usize = 3;

fn slot(d: Dimension, p: Perspective, number: u8) -> Option<usize> {
    let side = match p {
        Perspective::Customer => 0,
        Perspective::Employee => 1,
        _ => return None,
    };
    let item = usize::from(number).checked_sub(1).filter(|i| *i < ITEMS)?;
    Some((d.index() * 2 + side) * ITEMS + item)
}

/// The dimension item answers of the units (by tree position): customers
/// (of `channel`, if given) and employees, item by item.
pub struct UnitItems {
    by_team: HashMap<usize, Vec<ItemCounts>>,
}

impl UnitItems {
    pub fn collect(
        data: &CampaignData,
        index: &HashMap<String, usize>,
        units: &[usize],
        channel: Option<Channel>,
    ) -> UnitItems {
        let mut by_team: HashMap<usize, Vec<ItemCounts>> =
            units.iter().map(|&u| (u, vec![[0; 11]; 11 * 2 * ITEMS])).collect();
        // Rows come in runs of one team: remember the last one.
        let mut last: Option<(&str, Option<usize>)> = None;
        for row in &data.histograms {
            let (
                Some(team),
                ItemCode::Dimension {
                    dimension,
                    perspective,
                    number,
                },
            ) = (row.team.as_deref(), row.item)
            else {
                continue;
            };
            let keep = row.population == perspective.population()
                && (perspective != Perspective::Customer || channel.is_none() || row.channel == channel);
            let Some(at) = slot(dimension, perspective, number).filter(|_| keep) else {
                continue;
            };
            let position = match last {
                Some((code, position)) if std::ptr::eq(code, team) || code == team => position,
                _ => {
                    let position = index.get(team).copied();
                    last = Some((team, position));
                    position
                }
            };
            let cell = position
                .and_then(|p| by_team.get_mut(&p))
                .and_then(|items| items.get_mut(at))
                .and_then(|counts| counts.get_mut(usize::from(row.value)));
            if let Some(cell) = cell {
                *cell += row.count;
            }
        }
        UnitItems { by_team }
    }

    /// The items of `d` seen from `p` that `team` answered.
    fn team(&self, team: usize, d: Dimension, p: Perspective) -> TeamItems {
        let Some(items) = self.by_team.get(&team) else {
            return Vec::new();
        };
        (1..=ITEMS as u8)
            .filter_map(|number| items.get(slot(d, p, number)?).copied())
            .filter(|counts| counts.iter().any(|&c| c > 0))
            .collect()
    }
}

/// `published(team, d, population)`: whether that unit's score is shown.
pub fn aggregation(
    units: &[usize],
    answers: &UnitItems,
    published: &dyn Fn(usize, Dimension, Population) -> bool,
) -> BTreeMap<Dimension, DimensionAgreement> {
    Dimension::ALL
        .iter()
        .map(|&d| {
            let side = |p: Perspective| {
                let teams: Vec<TeamItems> = units
                    .iter()
                    .filter(|&&u| published(u, d, p.population()))
                    .map(|&u| answers.team(u, d, p))
                    .collect();
                Agreement::of(&teams)
            };
            let (customer, employee) = (side(Perspective::Customer), side(Perspective::Employee));
            let team_level = customer.supports_team_level == Some(true) && employee.supports_team_level == Some(true);
            (
                d,
                DimensionAgreement {
                    customer,
                    employee,
                    team_level,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[u8]) -> ItemCounts {
        let mut c = [0; 11];
        for &v in values {
            c[usize::from(v)] += 1;
        }
        c
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} != {b}");
    }

    #[test]
    fn icc1_by_hand() {
        // Teams {1,2,3} and {3,4,5}: grand mean 3, MSB = 3·(1+1)/1 = 6,
        // MSW = (2+2)/4 = 1, N/J = 3 → (6 − 1)/(6 + 2·1) = 5/8.
        let teams = vec![vec![counts(&[1, 2, 3])], vec![counts(&[3, 4, 5])]];
        close(icc1(&teams).unwrap(), 0.625);
        // Items pool: the same answers split over two items give the same ICC.
        let split = vec![vec![counts(&[1, 2]), counts(&[3])], vec![counts(&[3]), counts(&[4, 5])]];
        close(icc1(&split).unwrap(), 0.625);
        // Identical teams: MSB = 0 → (0 − 1)/(0 + 2) = −0.5, a negative ICC(1) as the package gives.
        let same = vec![vec![counts(&[1, 2, 3])], vec![counts(&[1, 2, 3])]];
        close(icc1(&same).unwrap(), -0.5);
        assert_eq!(icc1(&[vec![counts(&[1, 2])]]), None);
        // One answer per team: no within-team degrees of freedom.
        assert_eq!(icc1(&[vec![counts(&[1])], vec![counts(&[2])]]), None);
    }

    #[test]
    fn rwg_j_by_hand() {
        // One item, variance 1/3 against σ² = 2, J = 1: 1 − 1/6.
        close(rwg_j(&[counts(&[3, 3, 4, 4])]).unwrap(), 1.0 - (1.0 / 3.0) / 2.0);
        // Two items of variance 1 and 0: s̄² = 0.5, ratio .25, J = 2:
        // 2·0.75/(2·0.75 + 0.25) = 1.5/1.75.
        close(rwg_j(&[counts(&[2, 3, 4]), counts(&[4, 4])]).unwrap(), 1.5 / 1.75);
        // Full agreement: 1; a variance above the null: 0.
        close(rwg_j(&[counts(&[5, 5, 5])]).unwrap(), 1.0);
        assert_eq!(rwg_j(&[counts(&[1, 5, 1, 5])]), Some(0.0));
        assert_eq!(rwg_j(&[counts(&[4])]), None);
    }

    #[test]
    fn team_level_needs_both_conventions() {
        let agreeing = |v: u8| vec![counts(&[v, v, v, v.saturating_sub(1).max(1)])];
        let teams: Vec<TeamItems> = (1..=5).map(agreeing).collect();
        let a = Agreement::of(&teams);
        assert_eq!(a.teams, 5);
        assert!(a.icc1.unwrap() > MIN_ICC1 && a.mean_rwg_j.unwrap() > MIN_RWG_J);
        assert_eq!(a.supports_team_level, Some(true));
        let noisy: Vec<TeamItems> = (0..5).map(|_| vec![counts(&[1, 5, 1, 5, 3])]).collect();
        assert_eq!(Agreement::of(&noisy).supports_team_level, Some(false));
        assert_eq!(Agreement::of(&[]).supports_team_level, None);
    }
}

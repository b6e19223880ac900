//! The ten-point action plan (ACTION-PLAN.md) as data, and the one function
//! that matches a group's visible figures against it. Only figures that
//! survived anonymity are looked at, so a recommendation never leaks.
//!
//! ACTION-PLAN.md "How the product uses it": a tested gap matches only when
//! significant (q < 0.05 over the report's family) or large (|gap| ≥ 15
//! points, both sides published — a gap exists only then); an estimate gap
//! (blind spot) when |gap| ≥ 20 points; a score is low below 60. A group
//! keeps at most three points (five for the organisation), ranked by the
//! size of their largest matching gap; that gap is the reason shown.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::group::{DimensionReport, Indices};
use super::items::{Dimension, Perspective};
use super::scores::Share;

/// A tested gap is "large" from this many points, either way.
pub const LARGE_GAP_POINTS: f64 = 15.0;
/// An estimate gap (blind spot, never tested) matches from this many points.
pub const LARGE_ESTIMATE_GAP_POINTS: f64 = 20.0;
/// At most this many points for a team (or a team's subtree)…
pub const TEAM_RECOMMENDATIONS: usize = 3;
/// …and for the organisation.
pub const ORGANISATION_RECOMMENDATIONS: usize = 5;
/// A % favourable (or CES/IES/FCR share) below this is "low"; at or above
/// it, "adequate".
pub const LOW_SCORE: f64 = 60.0;
/// A channel spread from this many points is "high".
pub const HIGH_CHANNEL_SPREAD: f64 = 20.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    Symmetry,
    CustomerPerception,
    ManagerialBlindSpot,
    ManagerCustomerBlindSpot,
    LeadershipEmployee,
    LeadershipCustomer,
}

impl GapKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::Symmetry => "symmetry",
            GapKind::CustomerPerception => "customer_perception",
            GapKind::ManagerialBlindSpot => "managerial_blind_spot",
            GapKind::ManagerCustomerBlindSpot => "manager_customer_blind_spot",
            GapKind::LeadershipEmployee => "leadership_employee",
            GapKind::LeadershipCustomer => "leadership_customer",
        }
    }

    /// The gap's points when it is notable enough to recommend on: a tested
    /// gap when significant (q < 0.05) or |points| ≥ LARGE_GAP_POINTS, an
    /// estimate gap when |points| ≥ LARGE_ESTIMATE_GAP_POINTS.
    fn notable(self, report: &DimensionReport) -> Option<f64> {
        let g = &report.gaps;
        let tested = |gap: &Option<super::scores::TestedGap>| {
            gap.as_ref()
                .filter(|t| t.significant || t.points.abs() >= LARGE_GAP_POINTS)
                .map(|t| t.points)
        };
        let estimate = |gap: &Option<super::scores::PointGap>| {
            gap.as_ref()
                .map(|t| t.points)
                .filter(|p| p.abs() >= LARGE_ESTIMATE_GAP_POINTS)
        };
        match self {
            GapKind::Symmetry => tested(&g.symmetry),
            GapKind::CustomerPerception => tested(&g.customer_perception),
            GapKind::ManagerialBlindSpot => estimate(&g.managerial_blind_spot),
            GapKind::ManagerCustomerBlindSpot => estimate(&g.manager_customer_blind_spot),
            GapKind::LeadershipEmployee => estimate(&g.leadership_employee),
            GapKind::LeadershipCustomer => estimate(&g.leadership_customer),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Either,
    /// Gap > 0 (e.g. employees over-estimate customers).
    Positive,
    /// Gap < 0 (e.g. E < C for a symmetry gap).
    Negative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    Ies,
    Fcr,
    Ces,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trigger {
    /// A notable gap (`GapKind::notable`) of the given direction on one of
    /// the dimensions (all when empty).
    Gap(GapKind, Direction, &'static [Dimension]),
    /// A score below LOW_SCORE for this perspective.
    Low(Perspective, &'static [Dimension]),
    /// Customer score low while the employee score on the same dimension
    /// is adequate.
    LowCustomerAdequateEmployee(&'static [Dimension]),
    LowIndex(Index),
    /// Channel spread ≥ HIGH_CHANNEL_SPREAD on one of the dimensions (all
    /// when empty).
    HighChannelSpread(&'static [Dimension]),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActionRule {
    pub code: &'static str,
    pub targets: &'static [Dimension],
    pub triggers: &'static [Trigger],
}

use Dimension as D;
use Direction as Dir;
use GapKind as G;
use Perspective as P;
use Trigger as T;

/// ACTION-PLAN.md, in its order (ties in ranking keep this order).
pub const ACTION_PLAN: [ActionRule; 10] = [
    ActionRule {
        code: "exemplarity",
        targets: &[D::Courtesy, D::Trust, D::Consideration],
        triggers: &[
            T::Gap(
                G::ManagerialBlindSpot,
                Dir::Positive,
                &[D::Courtesy, D::Trust, D::Consideration],
            ),
            T::Gap(G::Symmetry, Dir::Negative, &[D::Courtesy, D::Trust, D::Consideration]),
        ],
    },
    ActionRule {
        code: "listen-inside",
        targets: &[D::Listening, D::Trust],
        triggers: &[
            T::Low(P::Employee, &[D::Listening]),
            T::Gap(G::ManagerialBlindSpot, Dir::Either, &[D::Listening]),
        ],
    },
    ActionRule {
        code: "remove-irritants",
        targets: &[D::Facilitation, D::Cooperation],
        triggers: &[
            T::LowIndex(Index::Ies),
            T::Low(P::Employee, &[D::Facilitation]),
            T::Low(P::Customer, &[D::Facilitation]),
            T::LowIndex(Index::Ces),
        ],
    },
    ActionRule {
        code: "equip",
        targets: &[D::Digital, D::Competence],
        triggers: &[
            T::Gap(G::Symmetry, Dir::Negative, &[D::Digital]),
            T::Gap(G::CustomerPerception, Dir::Either, &[D::Digital]),
        ],
    },
    ActionRule {
        code: "empower",
        targets: &[D::Autonomy, D::Facilitation],
        triggers: &[
            T::Low(P::Employee, &[D::Autonomy]),
            T::Low(P::Customer, &[D::Autonomy]),
            T::LowIndex(Index::Fcr),
        ],
    },
    ActionRule {
        code: "recognise",
        targets: &[D::Consideration, D::Values],
        triggers: &[
            T::Low(P::Employee, &[D::Consideration]),
            T::Gap(G::Symmetry, Dir::Either, &[D::Consideration]),
        ],
    },
    ActionRule {
        code: "share-voice",
        targets: &[D::Listening, D::Competence],
        triggers: &[T::Gap(G::CustomerPerception, Dir::Positive, &[])],
    },
    ActionRule {
        code: "relational-skills",
        targets: &[D::Courtesy, D::Listening, D::Competence],
        triggers: &[T::LowCustomerAdequateEmployee(&[D::Courtesy, D::Listening])],
    },
    ActionRule {
        code: "cooperate",
        targets: &[D::Cooperation, D::Facilitation, D::Digital],
        triggers: &[
            T::Low(P::Employee, &[D::Cooperation]),
            T::HighChannelSpread(&[D::Cooperation, D::Facilitation, D::Digital]),
        ],
    },
    ActionRule {
        code: "live-the-promise",
        targets: &[D::Values, D::Environment, D::Trust],
        triggers: &[
            T::Low(P::Customer, &[D::Values, D::Environment]),
            T::Low(P::Employee, &[D::Values, D::Environment]),
            T::Gap(G::LeadershipEmployee, Dir::Either, &[]),
            T::Gap(G::LeadershipCustomer, Dir::Either, &[]),
        ],
    },
];

/// Why a point is recommended. `dimension` holds an index name (`ies`,
/// `ces`, `fcr`) for index rules; `gap` is a gap name, `low_customer`,
/// `low_employee`, `low_index` or `channel_spread`; `points` is the gap, the
/// distance below LOW_SCORE (negative) or the channel spread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Because {
    #[serde(deserialize_with = "super::stored::word")]
    pub dimension: super::stored::Word,
    #[serde(deserialize_with = "super::stored::word")]
    pub gap: super::stored::Word,
    pub points: f64,
}

/// A recommended point: `rank` 1 is the first; `because` holds every
/// matching figure, largest first, so `because[0]` (`reason`) is the one
/// the one-sentence reason names (rendered by `render::reason`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub rank: usize,
    #[serde(deserialize_with = "super::stored::word")]
    pub action: super::stored::Word,
    pub because: Vec<Because>,
}

impl Recommendation {
    /// The largest matching figure: the reason given for the point.
    pub fn reason(&self) -> Option<&Because> {
        self.because.first()
    }
}

pub fn rule(code: &str) -> Option<&'static ActionRule> {
    ACTION_PLAN.iter().find(|r| r.code == code)
}

/// The matching points, largest matching gap first (ties keep the plan's
/// order), at most `limit` of them, ranked from 1.
pub fn recommend(
    dimensions: &BTreeMap<Dimension, DimensionReport>,
    indices: &Indices,
    channel_spread: &BTreeMap<Dimension, f64>,
    limit: usize,
) -> Vec<Recommendation> {
    let mut found: Vec<(f64, usize, Recommendation)> = Vec::new();
    for (order, rule) in ACTION_PLAN.iter().enumerate() {
        let mut because: Vec<Because> = Vec::new();
        for trigger in rule.triggers {
            for entry in matches(trigger, dimensions, indices, channel_spread) {
                if !because.contains(&entry) {
                    because.push(entry);
                }
            }
        }
        because.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
        if let Some(first) = because.first() {
            let size = first.points.abs();
            found.push((
                size,
                order,
                Recommendation {
                    rank: 0,
                    action: rule.code,
                    because,
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found
        .into_iter()
        .take(limit)
        .enumerate()
        .map(|(i, (_, _, r))| Recommendation { rank: i + 1, ..r })
        .collect()
}

fn in_set(set: &[Dimension], d: Dimension) -> bool {
    set.is_empty() || set.contains(&d)
}

fn matches(
    trigger: &Trigger,
    dimensions: &BTreeMap<Dimension, DimensionReport>,
    indices: &Indices,
    channel_spread: &BTreeMap<Dimension, f64>,
) -> Vec<Because> {
    let low = |p: P, d: &DimensionReport| d.score(p).favourable.filter(|&f| f < LOW_SCORE);
    let low_name = |p: P| {
        if p == P::Customer {
            "low_customer"
        } else {
            "low_employee"
        }
    };
    let mut out = Vec::new();
    match *trigger {
        T::Gap(kind, direction, set) => {
            for (d, report) in dimensions.iter().filter(|(d, _)| in_set(set, **d)) {
                let Some(points) = kind.notable(report) else {
                    continue;
                };
                let oriented = match direction {
                    Dir::Either => points != 0.0,
                    Dir::Positive => points > 0.0,
                    Dir::Negative => points < 0.0,
                };
                if oriented {
                    out.push(Because {
                        dimension: d.as_str(),
                        gap: kind.as_str(),
                        points,
                    });
                }
            }
        }
        T::Low(p, set) => {
            for (d, report) in dimensions.iter().filter(|(d, _)| in_set(set, **d)) {
                if let Some(f) = low(p, report) {
                    out.push(Because {
                        dimension: d.as_str(),
                        gap: low_name(p),
                        points: f - LOW_SCORE,
                    });
                }
            }
        }
        T::LowCustomerAdequateEmployee(set) => {
            for (d, report) in dimensions.iter().filter(|(d, _)| in_set(set, **d)) {
                let adequate = report.employee.favourable.is_some_and(|e| e >= LOW_SCORE);
                if let (Some(c), true) = (low(P::Customer, report), adequate) {
                    out.push(Because {
                        dimension: d.as_str(),
                        gap: "low_customer",
                        points: c - LOW_SCORE,
                    });
                }
            }
        }
        T::LowIndex(index) => {
            let (name, share): (&'static str, &Share) = match index {
                Index::Ies => ("ies", &indices.ies),
                Index::Fcr => ("fcr", &indices.fcr),
                Index::Ces => ("ces", &indices.ces),
            };
            if let Some(v) = share.value.filter(|&v| v < LOW_SCORE) {
                out.push(Because {
                    dimension: name,
                    gap: "low_index",
                    points: v - LOW_SCORE,
                });
            }
        }
        T::HighChannelSpread(set) => {
            for (d, &spread) in channel_spread.iter().filter(|(d, _)| in_set(set, **d)) {
                if spread >= HIGH_CHANNEL_SPREAD {
                    out.push(Because {
                        dimension: d.as_str(),
                        gap: "channel_spread",
                        points: spread,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::group::Gaps;
    use crate::analytics::scores::{NetScore, PointGap, Score, TestedGap};

    fn shown(favourable: f64) -> Score {
        Score {
            n: Some(50),
            favourable: Some(favourable),
            ..Score::default()
        }
    }

    /// Every score adequate (70 %), no gap: nothing to recommend.
    fn quiet() -> DimensionReport {
        DimensionReport {
            customer: shown(70.0),
            employee: shown(70.0),
            employee_estimate_customer: shown(70.0),
            manager_estimate_employee: shown(70.0),
            manager_estimate_customer: shown(70.0),
            executive_estimate_employee: shown(70.0),
            executive_estimate_customer: shown(70.0),
            gaps: Gaps {
                symmetry: None,
                customer_perception: None,
                managerial_blind_spot: None,
                manager_customer_blind_spot: None,
                leadership_employee: None,
                leadership_customer: None,
            },
        }
    }

    fn indices() -> Indices {
        Indices {
            csi: None,
            eei: None,
            nps: NetScore::default(),
            enps: NetScore::default(),
            csat: Share::default(),
            ces: Share::default(),
            fcr: Share::default(),
            ies: Share::default(),
            cos: None,
        }
    }

    fn tested(points: f64, q: f64) -> Option<TestedGap> {
        Some(TestedGap {
            points,
            p: q / 2.0,
            q,
            significant: q < 0.05,
        })
    }

    fn all_quiet() -> BTreeMap<Dimension, DimensionReport> {
        Dimension::ALL.iter().map(|&d| (d, quiet())).collect()
    }

    fn codes(found: &[Recommendation]) -> Vec<&'static str> {
        found.iter().map(|r| r.action).collect()
    }

    #[test]
    fn a_tested_gap_matches_when_significant_or_large_only() {
        let none = BTreeMap::new();
        let mut dims = all_quiet();
        // share-voice: customer perception gap > 0 on any dimension.
        dims.get_mut(&D::Listening).unwrap().gaps.customer_perception = tested(14.9, 0.2);
        assert!(recommend(&dims, &indices(), &none, 5).is_empty());
        dims.get_mut(&D::Listening).unwrap().gaps.customer_perception = tested(15.0, 0.2);
        assert_eq!(codes(&recommend(&dims, &indices(), &none, 5)), ["share-voice"]);
        // Small but significant after correction: matches.
        dims.get_mut(&D::Listening).unwrap().gaps.customer_perception = tested(4.0, 0.01);
        assert_eq!(codes(&recommend(&dims, &indices(), &none, 5)), ["share-voice"]);
        // p < 0.05 but q ≥ 0.05: not significant any more, no match.
        dims.get_mut(&D::Listening).unwrap().gaps.customer_perception = tested(4.0, 0.06);
        assert!(recommend(&dims, &indices(), &none, 5).is_empty());
    }

    #[test]
    fn an_estimate_gap_matches_from_twenty_points() {
        let none = BTreeMap::new();
        let mut dims = all_quiet();
        // exemplarity: managerial blind spot > 0 on courtesy, trust, consideration.
        dims.get_mut(&D::Trust).unwrap().gaps.managerial_blind_spot = Some(PointGap { points: 19.9 });
        assert!(recommend(&dims, &indices(), &none, 5).is_empty());
        dims.get_mut(&D::Trust).unwrap().gaps.managerial_blind_spot = Some(PointGap { points: 20.0 });
        let found = recommend(&dims, &indices(), &none, 5);
        assert_eq!(codes(&found), ["exemplarity"]);
        let reason = found[0].reason().unwrap();
        assert_eq!(
            (reason.dimension, reason.gap, reason.points),
            ("trust", "managerial_blind_spot", 20.0)
        );
        // A leadership blind spot too (live-the-promise), either direction.
        dims.get_mut(&D::Trust).unwrap().gaps.managerial_blind_spot = None;
        dims.get_mut(&D::Values).unwrap().gaps.leadership_customer = Some(PointGap { points: -25.0 });
        assert_eq!(codes(&recommend(&dims, &indices(), &none, 5)), ["live-the-promise"]);
    }

    #[test]
    fn recommendations_are_capped_and_ranked_by_their_largest_gap() {
        let none = BTreeMap::new();
        let mut dims = all_quiet();
        // Six points match, with largest gaps 40, 35, 30, 25, 21 (low: 60 − 39), 18.
        dims.get_mut(&D::Digital).unwrap().gaps.customer_perception = tested(-35.0, 0.001); // equip
        dims.get_mut(&D::Listening).unwrap().gaps.customer_perception = tested(40.0, 0.001); // share-voice
        dims.get_mut(&D::Trust).unwrap().gaps.managerial_blind_spot = Some(PointGap { points: 30.0 }); // exemplarity
        dims.get_mut(&D::Consideration).unwrap().gaps.symmetry = tested(25.0, 0.001); // recognise
        dims.get_mut(&D::Autonomy).unwrap().employee = shown(39.0); // empower
        dims.get_mut(&D::Cooperation).unwrap().employee = shown(42.0); // cooperate
        let all = recommend(&dims, &indices(), &none, 10);
        assert_eq!(
            codes(&all),
            [
                "share-voice",
                "equip",
                "exemplarity",
                "recognise",
                "empower",
                "cooperate"
            ]
        );
        assert_eq!(all.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
        let team = recommend(&dims, &indices(), &none, TEAM_RECOMMENDATIONS);
        assert_eq!(codes(&team), ["share-voice", "equip", "exemplarity"]);
        let organisation = recommend(&dims, &indices(), &none, ORGANISATION_RECOMMENDATIONS);
        assert_eq!(organisation.len(), 5);
        assert_eq!(organisation.last().unwrap().rank, 5);
        assert_eq!(organisation[0].reason().unwrap().points, 40.0);
    }
}

//! The ten-point action plan (ACTION-PLAN.md) as data, and the one function
//! that matches a group's visible figures against it. Only figures that
//! survived anonymity are looked at, so a recommendation never leaks.

use serde::Serialize;
use std::collections::BTreeMap;

use super::group::{DimensionReport, Indices};
use super::items::{Dimension, Perspective};
use super::scores::Share;

/// A gap is "large" from this many points, either way.
pub const LARGE_GAP_POINTS: f64 = 10.0;
/// A % favourable (or CES/IES/FCR share) below this is "low"; at or above
/// it, "adequate".
pub const LOW_SCORE: f64 = 60.0;
/// A channel spread from this many points is "high".
pub const HIGH_CHANNEL_SPREAD: f64 = 10.0;

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

    /// Points and whether the gap is significant (untested gaps never are).
    fn read(self, report: &DimensionReport) -> Option<(f64, bool)> {
        let g = &report.gaps;
        let tested = |gap: &Option<super::scores::TestedGap>| gap.as_ref().map(|t| (t.points, t.significant));
        match self {
            GapKind::Symmetry => tested(&g.symmetry),
            GapKind::CustomerPerception => tested(&g.customer_perception),
            GapKind::ManagerialBlindSpot => g.managerial_blind_spot.as_ref().map(|t| (t.points, false)),
            GapKind::ManagerCustomerBlindSpot => g.manager_customer_blind_spot.as_ref().map(|t| (t.points, false)),
            GapKind::LeadershipEmployee => g.leadership_employee.as_ref().map(|t| (t.points, false)),
            GapKind::LeadershipCustomer => g.leadership_customer.as_ref().map(|t| (t.points, false)),
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
    /// A notable gap (|points| ≥ LARGE_GAP_POINTS or significant) of the
    /// given direction on one of the dimensions (all when empty).
    Gap(GapKind, Direction, &'static [Dimension]),
    /// A score below LOW_SCORE for this perspective.
    Low(Perspective, &'static [Dimension]),
    /// Customer score low while the employee score on the same dimension
    /// is adequate.
    LowCustomerAdequateEmployee(&'static [Dimension]),
    LowIndex(Index),
    /// Channel spread ≥ HIGH_CHANNEL_SPREAD on any dimension.
    HighChannelSpread,
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
        triggers: &[T::Low(P::Employee, &[D::Cooperation]), T::HighChannelSpread],
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Because {
    pub dimension: &'static str,
    pub gap: &'static str,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub action: &'static str,
    pub because: Vec<Because>,
}

pub fn rule(code: &str) -> Option<&'static ActionRule> {
    ACTION_PLAN.iter().find(|r| r.code == code)
}

/// The matching points, largest matching gap first.
pub fn recommend(
    dimensions: &BTreeMap<Dimension, DimensionReport>,
    indices: &Indices,
    channel_spread: &BTreeMap<Dimension, f64>,
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
                    action: rule.code,
                    because,
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, _, r)| r).collect()
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
                let Some((points, significant)) = kind.read(report) else {
                    continue;
                };
                let notable = points.abs() >= LARGE_GAP_POINTS || significant;
                let oriented = match direction {
                    Dir::Either => points != 0.0,
                    Dir::Positive => points > 0.0,
                    Dir::Negative => points < 0.0,
                };
                if notable && oriented {
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
        T::HighChannelSpread => {
            for (d, &spread) in channel_spread {
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

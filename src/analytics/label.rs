//! How far an organisation stands from the symmetry label (issue #15), on
//! the model of the label's published rule: three audits — customers,
//! employees, executives — each scored on 100; ready when each is at least
//! the floor (55) and their average exceeds the bar (70). The thresholds
//! are organisation settings.
//!
//! Miroir's reading of the three audits from one campaign:
//! * customers: the CSI (mean of the customer dimension scores);
//! * employees: the EEI;
//! * executives: 100 minus the mean distance, in points, between the
//!   executives' estimates and what employees and customers answered (the
//!   leadership blind spots of every dimension): leaders who know the field
//!   score high.
//!
//! A lever is a dimension and the audit points it would add if it were
//! perfect (score 100, or no blind spot): the audit is a mean, so the
//! levers are the dimensions with the most room.

use serde::{Deserialize, Serialize};

use super::group::GroupReport;
use super::items::Dimension;
use super::stats::mean;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LabelThresholds {
    /// Every audit at least this.
    pub floor: f64,
    /// The average of the three above this.
    pub average: f64,
}

/// The label's published rule: every audit at least 55, their average
/// above 70.
pub const DEFAULT_FLOOR: u8 = 55;
pub const DEFAULT_AVERAGE: u8 = 70;

impl Default for LabelThresholds {
    fn default() -> Self {
        LabelThresholds {
            floor: f64::from(DEFAULT_FLOOR),
            average: f64::from(DEFAULT_AVERAGE),
        }
    }
}

/// Levers shown per audit.
pub const LEVERS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Customers,
    Employees,
    Executives,
}

impl AuditKind {
    pub const ALL: [AuditKind; 3] = [AuditKind::Customers, AuditKind::Employees, AuditKind::Executives];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::Customers => "customers",
            AuditKind::Employees => "employees",
            AuditKind::Executives => "executives",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lever {
    pub dimension: Dimension,
    /// Audit points gained if this dimension were perfect.
    pub gain: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    pub audit: AuditKind,
    /// `null` when nothing of this audit is published.
    pub score: Option<f64>,
    /// score − floor: negative = points missing.
    pub margin: Option<f64>,
    pub levers: Vec<Lever>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelReadiness {
    pub thresholds: LabelThresholds,
    pub audits: Vec<Audit>,
    /// Mean of the three audits, when all three have a score.
    pub average: Option<f64>,
    /// average − the bar: must be positive.
    pub average_margin: Option<f64>,
    pub ready: bool,
}

/// An audit from its per-dimension room (points below perfect); the audit
/// is a mean over `terms` values, so a dimension's room adds room / terms.
fn audit(kind: AuditKind, floor: f64, room: Vec<(Dimension, f64)>, terms: usize, score: Option<f64>) -> Audit {
    let count = terms as f64;
    let mut levers: Vec<Lever> = room
        .into_iter()
        .filter(|(_, r)| *r > 0.0)
        .map(|(dimension, r)| Lever {
            dimension,
            gain: r / count,
        })
        .collect();
    // Stable: equal gains keep the dimension order.
    levers.sort_by(|a, b| b.gain.total_cmp(&a.gain));
    levers.truncate(LEVERS);
    Audit {
        audit: kind,
        score,
        margin: score.map(|s| s - floor),
        levers,
    }
}

pub fn readiness(organisation: &GroupReport, thresholds: LabelThresholds) -> LabelReadiness {
    let dims = &organisation.dimensions;
    let side = |f: fn(&super::group::DimensionReport) -> Option<f64>| -> Vec<(Dimension, f64)> {
        dims.iter().filter_map(|(d, r)| Some((*d, 100.0 - f(r)?))).collect()
    };
    let index_audit = |kind, room: Vec<(Dimension, f64)>, score| {
        let terms = room.len();
        audit(kind, thresholds.floor, room, terms, score)
    };
    let customers = index_audit(
        AuditKind::Customers,
        side(|r| r.customer.favourable),
        organisation.indices.csi,
    );
    let employees = index_audit(
        AuditKind::Employees,
        side(|r| r.employee.favourable),
        organisation.indices.eei,
    );
    // Each dimension's room is the sum of its two blind spots' sizes; the
    // audit is 100 minus the mean over every published blind spot.
    let mut blind_spots = Vec::new();
    let mut room = Vec::new();
    for (d, r) in dims {
        let sizes: Vec<f64> = [&r.gaps.leadership_employee, &r.gaps.leadership_customer]
            .into_iter()
            .filter_map(|g| g.as_ref().map(|g| g.points.abs()))
            .collect();
        if !sizes.is_empty() {
            room.push((*d, sizes.iter().sum::<f64>()));
            blind_spots.extend(sizes);
        }
    }
    let executive_score = mean(&blind_spots).map(|m| 100.0 - m);
    let executives = audit(
        AuditKind::Executives,
        thresholds.floor,
        room,
        blind_spots.len(),
        executive_score,
    );
    let audits = vec![customers, employees, executives];
    let scores: Option<Vec<f64>> = audits.iter().map(|a| a.score).collect();
    let average = scores.as_deref().and_then(mean);
    let ready = match (&scores, average) {
        (Some(s), Some(avg)) => s.iter().all(|&x| x >= thresholds.floor) && avg > thresholds.average,
        _ => false,
    };
    LabelReadiness {
        thresholds,
        audits,
        average,
        average_margin: average.map(|a| a - thresholds.average),
        ready,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audits_margins_and_levers() {
        let t = LabelThresholds::default();
        let one = |c: f64, e: f64| {
            let mut a = audit(
                AuditKind::Customers,
                t.floor,
                vec![(Dimension::Trust, 100.0 - c), (Dimension::Values, 100.0 - e)],
                2,
                Some((c + e) / 2.0),
            );
            a.levers.truncate(1);
            a
        };
        let a = one(40.0, 60.0);
        assert_eq!(a.margin, Some(-5.0));
        // Trust has 60 points of room over two dimensions: 30 audit points.
        assert_eq!(
            a.levers,
            vec![Lever {
                dimension: Dimension::Trust,
                gain: 30.0
            }]
        );
        // A perfect dimension is no lever.
        assert!(audit(
            AuditKind::Employees,
            t.floor,
            vec![(Dimension::Trust, 0.0)],
            1,
            Some(100.0)
        )
        .levers
        .is_empty());
    }
}

//! Maturity shape (METHOD.md §6): the building drawn from the three pillar
//! scores, classified with the organisation's thresholds.

use serde::{Deserialize, Serialize};

use super::data::MaturityThresholds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Maturity {
    Excellence,
    House,
    Pyramid,
    Narrow,
}

/// `None` when a pillar has no score (nothing to draw).
pub fn classify(
    execution: Option<f64>,
    link: Option<f64>,
    emotion: Option<f64>,
    thresholds: &MaturityThresholds,
) -> Option<Maturity> {
    let (execution, link, emotion) = (execution?, link?, emotion?);
    let shape =
        if execution >= thresholds.excellence && link >= thresholds.excellence && emotion >= thresholds.excellence {
            Maturity::Excellence
        } else if execution >= thresholds.house
            && link >= thresholds.house
            && (execution - link).abs() <= thresholds.house_balance
        {
            Maturity::House
        } else if execution >= link + thresholds.pyramid_margin {
            Maturity::Pyramid
        } else {
            Maturity::Narrow
        };
    Some(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(x: f64, l: f64, e: f64) -> Option<Maturity> {
        classify(Some(x), Some(l), Some(e), &MaturityThresholds::default())
    }

    #[test]
    fn shapes_at_their_boundaries() {
        assert_eq!(shape(75.0, 75.0, 75.0), Some(Maturity::Excellence));
        assert_eq!(shape(75.0, 75.0, 74.9), Some(Maturity::House));
        assert_eq!(shape(75.0, 65.0, 10.0), Some(Maturity::House));
        assert_eq!(shape(75.1, 65.0, 10.0), Some(Maturity::Pyramid));
        assert_eq!(shape(60.0, 50.0, 90.0), Some(Maturity::Pyramid));
        assert_eq!(shape(59.9, 50.0, 90.0), Some(Maturity::Narrow));
        assert_eq!(shape(40.0, 70.0, 90.0), Some(Maturity::Narrow));
        assert_eq!(
            classify(None, Some(1.0), Some(1.0), &MaturityThresholds::default()),
            None
        );
    }
}

//! The maturity building: one floor a pillar, its width the pillar's score.

use serde::Serialize;

use super::colours::{BLUE, GREEN, PURPLE};
use super::{r1, ChartMeta, Frame, Line, NumberStyle};
use crate::analytics::group::PillarScores;
use crate::analytics::maturity::Maturity;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Floor {
    pub pillar_key: String,
    /// Width of the floor in px (0 when the pillar has no score).
    pub width: f64,
    /// The floor's shape; `None` when the pillar has no score.
    pub d: Option<String>,
    /// The 100 % envelope, drawn dashed so widths can be read.
    pub outline_d: String,
    pub fill: &'static str,
    pub value_text: Option<String>,
    pub label_x: f64,
    pub name_y: f64,
    pub value_y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildingChart {
    pub frame: Frame,
    /// Ground to roof: execution, link, emotion.
    pub floors: Vec<Floor>,
    pub ground: Line,
    pub class_key: Option<String>,
}

/// Full width of a floor (a pillar score of 100).
pub const BUILDING_WIDTH: f64 = 240.0;

pub fn maturity_key(m: Maturity) -> &'static str {
    match m {
        Maturity::Excellence => "maturity-excellence",
        Maturity::House => "maturity-house",
        Maturity::Pyramid => "maturity-pyramid",
        Maturity::Narrow => "maturity-narrow",
    }
}

/// The maturity building of METHOD.md §6: ground floor execution, first
/// floor link, a triangular roof emotion; widths proportional to the scores.
pub fn building(
    meta: ChartMeta<'_>,
    pillars: &PillarScores,
    class: Option<Maturity>,
    style: NumberStyle,
) -> BuildingChart {
    let (width, height, cx, label_x) = (400.0, 250.0, 264.0, 128.0);
    // (pillar, floor top, floor bottom, roof?, fill)
    let floors = [
        ("execution", pillars.execution, 180.0, 230.0, false, BLUE),
        ("link", pillars.link, 126.0, 176.0, false, GREEN),
        ("emotion", pillars.emotion, 52.0, 122.0, true, PURPLE),
    ];
    let p = |v: f64| format!("{:.1}", r1(v));
    let shape = |w: f64, top: f64, bottom: f64, roof: bool| {
        let (l, r) = (cx - w / 2.0, cx + w / 2.0);
        if roof {
            format!("M{} {}L{} {}L{} {}Z", p(l), p(bottom), p(r), p(bottom), p(cx), p(top))
        } else {
            format!("M{} {}H{}V{}H{}Z", p(l), p(top), p(r), p(bottom), p(l))
        }
    };
    let floors = floors
        .iter()
        .map(|&(pillar, score, top, bottom, roof, fill)| {
            let score = score.filter(|s| s.is_finite());
            let w = score.map_or(0.0, |s| s.clamp(0.0, 100.0) / 100.0 * BUILDING_WIDTH);
            let middle = (top + bottom) / 2.0 + if roof { 12.0 } else { 0.0 };
            Floor {
                pillar_key: format!("pillar-{pillar}"),
                width: r1(w),
                d: score.map(|_| shape(w, top, bottom, roof)),
                outline_d: shape(BUILDING_WIDTH, top, bottom, roof),
                fill,
                value_text: score.map(|s| style.format(s, 1, false)),
                label_x,
                name_y: r1(middle - 3.0),
                value_y: r1(middle + 13.0),
            }
        })
        .collect();
    BuildingChart {
        frame: Frame::new(meta, width, height),
        floors,
        ground: Line::new(
            cx - BUILDING_WIDTH / 2.0 - 8.0,
            231.0,
            cx + BUILDING_WIDTH / 2.0 + 8.0,
            231.0,
        ),
        class_key: class.map(|m| maturity_key(m).to_owned()),
    }
}

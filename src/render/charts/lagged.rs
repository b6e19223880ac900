//! The cross-lagged panel as two columns of boxes (employees and customers
//! in the first wave, then in the second) and four arrows whose width is
//! the size of each standardised path; a path whose interval holds zero is
//! drawn dashed, so the picture never shows more than the evidence.

use serde::Serialize;

use super::{r1, ChartMeta, Frame, NumberStyle};
use crate::analytics::lagged::Panel;
use crate::analytics::regression::Estimate;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub text_x: f64,
    pub text_y: f64,
    /// The wave's line, under the population's.
    pub wave_y: f64,
    pub key: String,
    pub wave: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrow {
    pub key: String,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub stroke_width: f64,
    pub dashed: bool,
    pub cross: bool,
    pub label_x: f64,
    pub label_y: f64,
    /// "β = 0.42 [0.18 ; 0.66]" in the page's language.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaggedChart {
    pub frame: Frame,
    pub boxes: Vec<PanelBox>,
    pub arrows: Vec<Arrow>,
}

/// Width of an arrow for |β| (0 → 1 px, 1 → 13 px).
fn stroke(beta: f64) -> f64 {
    r1(1.0 + 12.0 * beta.abs().min(1.0))
}

fn text(e: &Estimate, style: NumberStyle) -> String {
    format!(
        "β = {} [{} ; {}]",
        style.format(e.estimate, 2, false),
        style.format(e.ci_low, 2, false),
        style.format(e.ci_high, 2, false)
    )
}

pub fn lagged(meta: ChartMeta<'_>, panel: &Panel, style: NumberStyle) -> LaggedChart {
    // Narrow enough that its 15 px text stays about 11 px on a phone.
    let (width, height) = (480.0, 330.0);
    let (box_w, box_h) = (150.0, 50.0);
    let (left, right) = (6.0, width - 6.0 - box_w);
    let (top, bottom) = (30.0, height - 30.0 - box_h);
    let boxes = [
        (left, top, "lagged-employees", 1),
        (left, bottom, "lagged-customers", 1),
        (right, top, "lagged-employees", 2),
        (right, bottom, "lagged-customers", 2),
    ]
    .iter()
    .map(|&(x, y, key, wave)| PanelBox {
        x: r1(x),
        y: r1(y),
        width: box_w,
        height: box_h,
        text_x: r1(x + box_w / 2.0),
        text_y: r1(y + 21.0),
        wave_y: r1(y + 41.0),
        key: key.to_owned(),
        wave,
    })
    .collect();
    let (from_x, to_x) = (left + box_w, right - 6.0);
    let (top_mid, bottom_mid) = (top + box_h / 2.0, bottom + box_h / 2.0);
    let arrow = |key: &str, e: &Estimate, y1: f64, y2: f64, cross: bool, label_y: f64| Arrow {
        key: key.to_owned(),
        x1: r1(from_x),
        y1: r1(y1),
        x2: r1(to_x),
        y2: r1(y2),
        stroke_width: stroke(e.estimate),
        dashed: !e.significant(),
        cross,
        label_x: r1(width / 2.0),
        label_y: r1(label_y),
        text: text(e, style),
    };
    let arrows = vec![
        arrow(
            "lagged-employee-stability",
            &panel.employee_stability,
            top_mid,
            top_mid,
            false,
            top_mid - 10.0,
        ),
        arrow(
            "lagged-customer-stability",
            &panel.customer_stability,
            bottom_mid,
            bottom_mid,
            false,
            bottom_mid + 22.0,
        ),
        arrow(
            "lagged-employees-to-customers",
            &panel.employees_to_customers,
            top_mid + 12.0,
            bottom_mid - 12.0,
            true,
            height / 2.0 - 14.0,
        ),
        arrow(
            "lagged-customers-to-employees",
            &panel.customers_to_employees,
            bottom_mid - 12.0,
            top_mid + 12.0,
            true,
            height / 2.0 + 26.0,
        ),
    ];
    LaggedChart {
        frame: Frame::new(meta, width, height),
        boxes,
        arrows,
    }
}

//! Server-side charts (PRODUCT.md "Qualities": SVG generated on the server,
//! each with a data table, readable without colour). This room computes the
//! GEOMETRY only: report figures in, chart view models out, every coordinate
//! rounded to 0.1 and every text a message key, a team name or a number
//! formatted here. The partials under `templates/partials/charts/` draw them
//! and translate the keys; they never compute.
//!
//! One module a chart: [`scatter`], [`bars`], [`building`], [`dots`]; the shared
//! scales and axes here, the palette in [`colours`].
//!
//! Charts that hold links (the scatter) are `role="group"` rather than
//! `role="img"`: children of an image are hidden from assistive technology,
//! which would leave focusable links without a name.

use serde::Serialize;

mod bars;
mod building;
pub mod colours;
mod dots;
mod lagged;
mod scatter;
#[cfg(test)]
mod tests;

pub use bars::{bars, BarChart, BarInput, BarLabel, BarRow};
pub use building::{building, maturity_key, BuildingChart, Floor, BUILDING_WIDTH};
pub use colours::*;
pub use dots::{
    dots, style_of, DotChart, DotLegendItem, DotMarker, DotNote, DotRow, Shape, DOTS_FONT_SIZE, DOTS_WIDTH,
    DOT_PERSPECTIVES,
};
pub use lagged::{lagged, Arrow, LaggedChart, PanelBox};
pub use scatter::{scatter, CornerLabel, LegendItem, Marker, PlottedPoint, ScatterChart, ScatterPoint};

/// What every chart needs from its page: an id unique in the page (the
/// partials derive nothing from it; `title_id`/`desc_id` are built here)
/// and the message keys of its title and description.
#[derive(Debug, Clone, Copy)]
pub struct ChartMeta<'a> {
    pub id: &'a str,
    pub title_key: &'a str,
    pub desc_key: &'a str,
}

pub use super::number::NumberStyle;

/// The outer box shared by every chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Frame {
    pub id: String,
    pub title_id: String,
    pub desc_id: String,
    pub title_key: String,
    pub desc_key: String,
    pub width: f64,
    pub height: f64,
    pub view_box: String,
}

impl Frame {
    fn new(meta: ChartMeta<'_>, width: f64, height: f64) -> Frame {
        let (width, height) = (r1(width), r1(height));
        Frame {
            id: meta.id.to_owned(),
            title_id: format!("{}-title", meta.id),
            desc_id: format!("{}-desc", meta.id),
            title_key: meta.title_key.to_owned(),
            desc_key: meta.desc_key.to_owned(),
            width,
            height,
            view_box: format!("0 0 {width:.1} {height:.1}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x: r1(x),
            y: r1(y),
            width: r1(width),
            height: r1(height),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

impl Line {
    fn new(x1: f64, y1: f64, x2: f64, y2: f64) -> Line {
        Line {
            x1: r1(x1),
            y1: r1(y1),
            x2: r1(x2),
            y2: r1(y2),
        }
    }
}

/// A grid line with its label, for either axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub line: Line,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
}

/// An axis: its title (a message key) placed at `label_x`/`label_y`, turned
/// by `label_transform` (empty for a horizontal title).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    pub label_key: String,
    pub label_x: f64,
    pub label_y: f64,
    pub label_transform: String,
    pub ticks: Vec<Tick>,
}

/// Rounds a coordinate to one decimal, mapping −0 to 0.
fn r1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A linear map from a data interval onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub from: f64,
    pub to: f64,
}

impl Scale {
    pub fn px(&self, v: f64) -> f64 {
        self.from + (v - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }
}

/// 1, 2 or 5 times a power of ten, so that `span` holds about `target` steps.
fn nice_step(span: f64, target: f64) -> f64 {
    let raw = span / target;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The data interval of a zoomed 0–100 axis: the values' range with 10 %
/// padding (at least 2 points, at least 10 points wide), kept within 0–100
/// when the values are, widened to whole steps. Returns (lo, hi, step).
pub fn zoom_domain(values: &[f64]) -> (f64, f64, f64) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (Some(min), Some(max)) = (
        finite.iter().copied().reduce(f64::min),
        finite.iter().copied().reduce(f64::max),
    ) else {
        return (0.0, 100.0, 20.0);
    };
    let pad = ((max - min) * 0.1).max(2.0);
    let floor = if min >= 0.0 { 0.0 } else { f64::NEG_INFINITY };
    let ceiling = if max <= 100.0 { 100.0 } else { f64::INFINITY };
    let mut lo = (min - pad).max(floor);
    let mut hi = (max + pad).min(ceiling);
    if hi - lo < 10.0 {
        lo = ((min + max) / 2.0 - 5.0).max(floor);
        hi = lo + 10.0;
        if hi > ceiling {
            hi = ceiling;
            lo = hi - 10.0;
        }
    }
    let step = nice_step(hi - lo, 5.0);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

fn tick_values(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let count = ((hi - lo) / step).round() as usize;
    (0..=count).map(|i| lo + i as f64 * step).collect()
}

fn tick_decimals(step: f64) -> usize {
    if step.fract() == 0.0 {
        0
    } else if (step * 10.0).fract() == 0.0 {
        1
    } else {
        2
    }
}

/// Vertical grid lines across `top..bottom`, labelled below.
fn x_ticks(scale: &Scale, step: f64, top: f64, bottom: f64, style: NumberStyle) -> Vec<Tick> {
    let decimals = tick_decimals(step);
    tick_values(scale.lo, scale.hi, step)
        .into_iter()
        .map(|v| {
            let x = scale.px(v);
            Tick {
                line: Line::new(x, top, x, bottom),
                label: style.format(v, decimals, false),
                label_x: r1(x),
                label_y: r1(bottom + 16.0),
            }
        })
        .collect()
}

/// Horizontal grid lines across `left..right`, labelled on the left.
fn y_ticks(scale: &Scale, step: f64, left: f64, right: f64, style: NumberStyle) -> Vec<Tick> {
    let decimals = tick_decimals(step);
    tick_values(scale.lo, scale.hi, step)
        .into_iter()
        .map(|v| {
            let y = scale.px(v);
            Tick {
                line: Line::new(left, y, right, y),
                label: style.format(v, decimals, false),
                label_x: r1(left - 6.0),
                label_y: r1(y + 4.0),
            }
        })
        .collect()
}

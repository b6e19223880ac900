//! A dot chart of a group, one row per dimension on a 0–100 axis: one
//! marker per perspective (customers, employees, the employees' estimate of
//! customers, the manager's estimates of employees and of customers), each
//! with its own shape as well as colour, so that neither colour vision nor
//! print in grey is needed to tell them apart. Measured scores are filled,
//! estimates hollow. A score the report does not show has no marker; the
//! chart's notes say why, in words.
//!
//! Sized to be read where it is drawn: the labels sit above each row (not
//! beside it), so the drawing is narrow ([`DOTS_WIDTH`]) and a phone shows
//! it near 1:1; the page caps its width so a laptop does not blow it up
//! either (`.chart-dots` in `static/miroir.css`).

use serde::Serialize;

use super::colours::{BLUE, GREEN, GREY, PURPLE, VERMILLION};
use super::{r1, x_ticks, Axis, ChartMeta, Frame, Line, NumberStyle, Scale};
use crate::analytics::{GroupReport, Perspective};

/// Width of the drawing, in its own units (≈ CSS px at 1:1).
pub const DOTS_WIDTH: f64 = 400.0;
/// Size of every text of the drawing, in its own units.
pub const DOTS_FONT_SIZE: u32 = 13;
const ROW_HEIGHT: f64 = 44.0;
const TOP: f64 = 30.0;
const LEFT: f64 = 14.0;
const RIGHT: f64 = DOTS_WIDTH - 14.0;
const RADIUS: f64 = 6.0;

/// The perspectives of the chart, in the order of the legend.
pub const DOT_PERSPECTIVES: [Perspective; 5] = [
    Perspective::Customer,
    Perspective::Employee,
    Perspective::EmployeeEstimateCustomer,
    Perspective::ManagerEstimateEmployee,
    Perspective::ManagerEstimateCustomer,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
}

/// How a perspective is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub shape: Shape,
    pub colour: &'static str,
    /// Estimates are hollow (white inside, coloured outline).
    pub hollow: bool,
}

pub fn style_of(p: Perspective) -> Style {
    let (shape, colour, hollow) = match p {
        Perspective::Customer => (Shape::Circle, BLUE, false),
        Perspective::Employee => (Shape::Square, VERMILLION, false),
        Perspective::EmployeeEstimateCustomer => (Shape::Diamond, GREEN, true),
        Perspective::ManagerEstimateEmployee => (Shape::TriangleUp, PURPLE, true),
        Perspective::ManagerEstimateCustomer | Perspective::ExecutiveEstimateCustomer => {
            (Shape::TriangleDown, GREY, true)
        }
        Perspective::ExecutiveEstimateEmployee => (Shape::TriangleUp, GREY, true),
    };
    Style { shape, colour, hollow }
}

/// One marker, drawn as one path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DotMarker {
    /// `perspective-<code>` message key (the marker's tooltip and legend).
    pub key: String,
    /// C, E, EC, ME or MC, as the glossary names them.
    pub abbr: String,
    pub d: String,
    pub fill: &'static str,
    pub stroke: &'static str,
    pub value_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DotRow {
    /// `dimension-<code>` message key.
    pub label_key: String,
    pub label_x: f64,
    pub label_y: f64,
    pub track: Line,
    /// From the lowest to the highest marker of the row (a dumbbell).
    pub span: Option<Line>,
    pub markers: Vec<DotMarker>,
    /// The value of each perspective of [`DOT_PERSPECTIVES`], for the table
    /// (`None`: not shown).
    pub cells: Vec<Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DotLegendItem {
    pub key: String,
    pub abbr: String,
    /// The marker on a 16 × 16 box.
    pub d: String,
    pub fill: &'static str,
    pub stroke: &'static str,
}

/// A sentence under the chart: `key` with `who` (the perspective's code,
/// which the message turns into words) and `k`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DotNote {
    pub key: &'static str,
    pub who: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DotChart {
    pub frame: Frame,
    pub font_size: u32,
    pub axis: Axis,
    pub rows: Vec<DotRow>,
    pub legend: Vec<DotLegendItem>,
    pub columns: Vec<String>,
    pub notes: Vec<DotNote>,
    pub k: u64,
    pub empty: bool,
}

fn path(shape: Shape, cx: f64, cy: f64, r: f64) -> String {
    let p = |v: f64| format!("{:.1}", r1(v));
    match shape {
        Shape::Circle => format!(
            "M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
            p(cx - r),
            p(cy),
            p(2.0 * r),
            p(2.0 * r)
        ),
        Shape::Square => {
            let s = r * 0.9;
            format!(
                "M{} {}h{}v{}h-{}Z",
                p(cx - s),
                p(cy - s),
                p(2.0 * s),
                p(2.0 * s),
                p(2.0 * s)
            )
        }
        Shape::Diamond => {
            let s = r * 1.25;
            format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                p(cx),
                p(cy - s),
                p(cx + s),
                p(cy),
                p(cx),
                p(cy + s),
                p(cx - s),
                p(cy)
            )
        }
        Shape::TriangleUp | Shape::TriangleDown => {
            let s = r * 1.2;
            let dir = if shape == Shape::TriangleUp { 1.0 } else { -1.0 };
            format!(
                "M{} {}L{} {}L{} {}Z",
                p(cx),
                p(cy - dir * s),
                p(cx + s),
                p(cy + dir * s * 0.8),
                p(cx - s),
                p(cy + dir * s * 0.8)
            )
        }
    }
}

fn paint(style: Style) -> (&'static str, &'static str) {
    if style.hollow {
        ("#ffffff", style.colour)
    } else {
        (style.colour, "#1d2330")
    }
}

/// The dot chart of `group`'s dimensions; `k` is the anonymity threshold
/// the notes name.
pub fn dots(meta: ChartMeta<'_>, group: &GroupReport, k: u64, style: NumberStyle) -> DotChart {
    let scale = Scale {
        lo: 0.0,
        hi: 100.0,
        from: LEFT + RADIUS,
        to: RIGHT - RADIUS,
    };
    let bottom = TOP + ROW_HEIGHT * group.dimensions.len().max(1) as f64;
    // Which perspectives miss a score, and whether because it is hidden.
    let mut missing = [0usize; 5];
    let mut hidden = [0usize; 5];
    let rows: Vec<DotRow> = group
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, (d, report))| {
            let y = TOP + ROW_HEIGHT * i as f64;
            let track_y = y + 30.0;
            let mut markers = Vec::new();
            let mut cells = Vec::new();
            let mut values = Vec::new();
            for (j, &p) in DOT_PERSPECTIVES.iter().enumerate() {
                let score = report.score(p);
                let Some(v) = score.favourable.filter(|v| v.is_finite()) else {
                    missing[j] += 1;
                    hidden[j] += usize::from(score.n.is_none());
                    cells.push(None);
                    continue;
                };
                let look = style_of(p);
                let (fill, stroke) = paint(look);
                let text = style.format(v, 0, false);
                values.push(v.clamp(0.0, 100.0));
                cells.push(Some(text.clone()));
                markers.push(DotMarker {
                    key: format!("perspective-{}", p.code()),
                    abbr: p.code().to_uppercase(),
                    d: path(look.shape, scale.px(v.clamp(0.0, 100.0)), track_y, RADIUS),
                    fill,
                    stroke,
                    value_text: text,
                });
            }
            // Hollow estimates drawn last, on top of the filled scores.
            markers.sort_by_key(|m| m.fill == "#ffffff");
            let lo = values.iter().copied().reduce(f64::min);
            let hi = values.iter().copied().reduce(f64::max);
            DotRow {
                label_key: format!("dimension-{d}"),
                label_x: LEFT,
                label_y: r1(y + 14.0),
                track: Line::new(LEFT, track_y, RIGHT, track_y),
                span: lo
                    .zip(hi)
                    .filter(|(lo, hi)| hi > lo)
                    .map(|(lo, hi)| Line::new(scale.px(lo), track_y, scale.px(hi), track_y)),
                markers,
                cells,
            }
        })
        .collect();
    let count = rows.len();
    let mut notes = Vec::new();
    let mut partly = false;
    for (j, p) in DOT_PERSPECTIVES.iter().enumerate() {
        let who = p.code().to_owned();
        if count > 0 && missing[j] == count {
            let key = if hidden[j] == count {
                "chart-dots-hidden"
            } else {
                "chart-dots-none"
            };
            notes.push(DotNote { key, who });
        } else if missing[j] > 0 {
            partly = true;
        }
    }
    if partly {
        notes.push(DotNote {
            key: "chart-dots-some-missing",
            who: String::new(),
        });
    }
    let legend = DOT_PERSPECTIVES
        .iter()
        .map(|&p| {
            let look = style_of(p);
            let (fill, stroke) = paint(look);
            DotLegendItem {
                key: format!("perspective-{}", p.code()),
                abbr: p.code().to_uppercase(),
                d: path(look.shape, 8.0, 8.0, RADIUS),
                fill,
                stroke,
            }
        })
        .collect();
    let mut ticks = x_ticks(&scale, 20.0, TOP - 8.0, bottom, style);
    for t in &mut ticks {
        // Labels above the plot, where the first row's label is not.
        t.label_y = r1(TOP - 12.0);
    }
    DotChart {
        frame: Frame::new(meta, DOTS_WIDTH, bottom + 6.0),
        font_size: DOTS_FONT_SIZE,
        axis: Axis {
            label_key: "chart-dots-axis".to_owned(),
            label_x: r1(DOTS_WIDTH / 2.0),
            label_y: 0.0,
            label_transform: String::new(),
            ticks,
        },
        empty: rows.iter().all(|r| r.markers.is_empty()),
        rows,
        legend,
        columns: DOT_PERSPECTIVES
            .iter()
            .map(|p| format!("perspective-{}", p.code()))
            .collect(),
        notes,
        k,
    }
}

#[cfg(test)]
#[path = "dots_tests.rs"]
mod tests;

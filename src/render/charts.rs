//! Server-side charts (PRODUCT.md "Qualities": SVG generated on the server,
//! each with a data table, readable without colour). This room computes the
//! GEOMETRY only: report figures in, chart view models out, every coordinate
//! rounded to 0.1 and every text a message key, a team name or a number
//! formatted here. The partials under `templates/partials/charts/` draw them
//! and translate the keys; they never compute.
//!
//! Charts that hold links (scatter, heat-map) are `role="group"` rather than
//! `role="img"`: children of an image are hidden from assistive technology,
//! which would leave focusable links without a name.

use serde::Serialize;

use crate::analytics::group::{GroupReport, PillarScores};
use crate::analytics::items::Dimension;
use crate::analytics::maturity::Maturity;
use crate::analytics::report::TeamReport;
use crate::analytics::stats::TIE_TOLERANCE;

/// What every chart needs from its page: an id unique in the page (the
/// partials derive nothing from it; `title_id`/`desc_id` are built here)
/// and the message keys of its title and description.
#[derive(Debug, Clone, Copy)]
pub struct ChartMeta<'a> {
    pub id: &'a str,
    pub title_key: &'a str,
    pub desc_key: &'a str,
}

/// Decimal separator of the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    Point,
    Comma,
}

impl NumberStyle {
    pub fn for_lang(lang: &str) -> NumberStyle {
        if lang.starts_with("fr") {
            NumberStyle::Comma
        } else {
            NumberStyle::Point
        }
    }

    /// `v` with `decimals` places; `signed` adds `+` to positive values.
    /// A value that rounds to zero is printed unsigned (never `-0.0`).
    pub fn format(self, v: f64, decimals: usize, signed: bool) -> String {
        let scale = 10f64.powi(decimals as i32);
        let rounded = (v * scale).round() / scale;
        let rounded = if rounded == 0.0 { 0.0 } else { rounded };
        let text = if signed && rounded > 0.0 {
            format!("+{rounded:.decimals$}")
        } else {
            format!("{rounded:.decimals$}")
        };
        match self {
            NumberStyle::Point => text,
            NumberStyle::Comma => text.replace('.', ","),
        }
    }
}

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

// ---------------------------------------------------------------- colours

/// Okabe–Ito colours, told apart by colour-blind readers; each also ≥ 3:1
/// against white (WCAG 1.4.11) where it fills a mark.
pub const BLUE: &str = "#0072B2";
pub const VERMILLION: &str = "#D55E00";
pub const GREEN: &str = "#009E73";
pub const PURPLE: &str = "#CC79A7";
pub const ORANGE: &str = "#E69F00";
pub const GREY: &str = "#595959";

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.1 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// WCAG 2.1 contrast ratio, from 1 to 21.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

pub const BLACK: Rgb = Rgb(0, 0, 0);
pub const WHITE: Rgb = Rgb(255, 255, 255);

/// Black or white, whichever contrasts more with `background` (always
/// ≥ 4.58:1, the worst case being a mid-luminance background).
pub fn text_colour(background: Rgb) -> Rgb {
    if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) {
        BLACK
    } else {
        WHITE
    }
}

/// Gaps beyond this many points take the end colours.
pub const GAP_CLAMP: f64 = 30.0;

/// Diverging orange (negative) ↔ blue (positive) through light grey
/// (ColorBrewer PuOr and RdBu ends), safe for the common colour blindnesses.
const GAP_STOPS: [(f64, Rgb); 5] = [
    (-30.0, Rgb(0xb3, 0x58, 0x06)),
    (-15.0, Rgb(0xf1, 0xa3, 0x40)),
    (0.0, Rgb(0xf7, 0xf7, 0xf7)),
    (15.0, Rgb(0x92, 0xc5, 0xde)),
    (30.0, Rgb(0x21, 0x66, 0xac)),
];

/// The cell colour of a gap in points (clamped to ±GAP_CLAMP).
pub fn gap_colour(points: f64) -> Rgb {
    let v = if points.is_finite() {
        points.clamp(-GAP_CLAMP, GAP_CLAMP)
    } else {
        0.0
    };
    let mix = |a: u8, b: u8, t: f64| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    GAP_STOPS
        .windows(2)
        .find(|w| v <= w[1].0)
        .map(|w| {
            let ((x0, c0), (x1, c1)) = (w[0], w[1]);
            let t = (v - x0) / (x1 - x0);
            Rgb(mix(c0.0, c1.0, t), mix(c0.1, c1.1, t), mix(c0.2, c1.2, t))
        })
        .unwrap_or(GAP_STOPS[4].1)
}

// ---------------------------------------------------------------- scatter

/// One team of the scatter; `quadrant` is the linkage's name (`virtuous`,
/// `fragile`, `untapped`, `vicious`), or `None` to place it by `medians`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScatterPoint<'a> {
    pub label: &'a str,
    pub href: &'a str,
    pub x: f64,
    pub y: f64,
    pub quadrant: Option<&'a str>,
}

/// Marker drawn as one path, so shape as well as colour tells quadrants apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    pub d: String,
    pub fill: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlottedPoint {
    pub label: String,
    pub href: String,
    pub x: f64,
    pub y: f64,
    pub x_text: String,
    pub y_text: String,
    pub quadrant_key: Option<String>,
    pub marker: Marker,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CornerLabel {
    pub key: String,
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
}

/// A legend entry under the plot: a line sample (`dash` pattern) or a
/// point marker, and its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendItem {
    pub key: String,
    pub line: Option<Line>,
    pub dash: &'static str,
    pub marker: Option<Marker>,
    pub text_x: f64,
    pub text_y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScatterChart {
    pub frame: Frame,
    pub plot: Rect,
    pub x_axis: Axis,
    pub y_axis: Axis,
    pub median_x: Option<Line>,
    pub median_y: Option<Line>,
    pub median_x_text: Option<String>,
    pub median_y_text: Option<String>,
    pub quadrant_labels: Vec<CornerLabel>,
    pub regression: Option<Line>,
    pub legend: Vec<LegendItem>,
    pub points: Vec<PlottedPoint>,
    pub empty: bool,
}

const QUADRANTS: [&str; 4] = ["virtuous", "fragile", "untapped", "vicious"];

/// The quadrant of (x, y) against the medians; a value on a median counts
/// as high (METHOD.md §5).
pub fn quadrant_of(x: f64, y: f64, medians: (f64, f64)) -> &'static str {
    let high = |v: f64, m: f64| v >= m - TIE_TOLERANCE;
    match (high(x, medians.0), high(y, medians.1)) {
        (true, true) => "virtuous",
        (false, true) => "fragile",
        (true, false) => "untapped",
        (false, false) => "vicious",
    }
}

fn marker(quadrant: Option<&str>, cx: f64, cy: f64) -> Marker {
    let r = 5.5;
    let p = |v: f64| format!("{:.1}", r1(v));
    let (d, fill) = match quadrant {
        Some("fragile") => (
            format!(
                "M{} {}h{}v{}h-{}Z",
                p(cx - r),
                p(cy - r),
                p(2.0 * r),
                p(2.0 * r),
                p(2.0 * r)
            ),
            ORANGE,
        ),
        Some("untapped") => (
            format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                p(cx),
                p(cy - r - 1.5),
                p(cx + r + 1.5),
                p(cy),
                p(cx),
                p(cy + r + 1.5),
                p(cx - r - 1.5),
                p(cy)
            ),
            BLUE,
        ),
        Some("vicious") => (
            format!(
                "M{} {}L{} {}L{} {}Z",
                p(cx),
                p(cy - r - 1.0),
                p(cx + r + 1.0),
                p(cy + r),
                p(cx - r - 1.0),
                p(cy + r)
            ),
            VERMILLION,
        ),
        other => (
            format!(
                "M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
                p(cx - r),
                p(cy),
                p(2.0 * r),
                p(2.0 * r)
            ),
            if other.is_some() { GREEN } else { GREY },
        ),
    };
    Marker { d, fill }
}

/// Least-squares line y = slope·x + intercept over the finite pairs;
/// `None` for fewer than two pairs or when every x is the same.
pub fn least_squares(pairs: &[(f64, f64)]) -> Option<(f64, f64)> {
    let pairs: Vec<(f64, f64)> = pairs
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let mean_x = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pairs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = pairs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx <= f64::EPSILON * mean_x.abs().max(1.0).powi(2) * n {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    (slope.is_finite() && intercept.is_finite()).then_some((slope, intercept))
}

/// The part of y = slope·x + intercept inside the data box, in data units.
fn clip_line(line: (f64, f64), x: (f64, f64), y: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    let (slope, intercept) = line;
    let at = |v: f64| slope * v + intercept;
    let (from, to) = if slope == 0.0 {
        if intercept < y.0 || intercept > y.1 {
            return None;
        }
        x
    } else {
        let (a, b) = ((y.0 - intercept) / slope, (y.1 - intercept) / slope);
        (a.min(b).max(x.0), a.max(b).min(x.1))
    };
    (to > from).then(|| ((from, at(from)), (to, at(to))))
}

/// EEI (x) against CSI (y) by team: zoomed 0–100 axes, median lines with the
/// quadrant names in the corners, the regression line clipped to the plot,
/// each point a link.
pub fn scatter(
    meta: ChartMeta<'_>,
    points: &[ScatterPoint<'_>],
    x_label_key: &str,
    y_label_key: &str,
    medians: Option<(f64, f64)>,
    regression: Option<(f64, f64)>,
    style: NumberStyle,
) -> ScatterChart {
    let width = 640.0;
    let (left, top, right, bottom) = (64.0, 20.0, 620.0, 420.0);
    let points: Vec<&ScatterPoint<'_>> = points.iter().filter(|p| p.x.is_finite() && p.y.is_finite()).collect();
    let medians = medians.filter(|m| m.0.is_finite() && m.1.is_finite());
    let with_medians = |f: fn(&(f64, f64)) -> f64| -> Vec<f64> {
        let mut v: Vec<f64> = points.iter().map(|p| f(&(p.x, p.y))).collect();
        v.extend(medians.iter().map(f));
        v
    };
    let (x_lo, x_hi, x_step) = zoom_domain(&with_medians(|p| p.0));
    let (y_lo, y_hi, y_step) = zoom_domain(&with_medians(|p| p.1));
    let xs = Scale {
        lo: x_lo,
        hi: x_hi,
        from: left,
        to: right,
    };
    let ys = Scale {
        lo: y_lo,
        hi: y_hi,
        from: bottom,
        to: top,
    };
    let x_axis = Axis {
        label_key: x_label_key.to_owned(),
        label_x: r1((left + right) / 2.0),
        label_y: r1(bottom + 42.0),
        label_transform: String::new(),
        ticks: x_ticks(&xs, x_step, top, bottom, style),
    };
    let y_axis = Axis {
        label_key: y_label_key.to_owned(),
        label_x: 16.0,
        label_y: r1((top + bottom) / 2.0),
        label_transform: format!("rotate(-90 16 {:.1})", r1((top + bottom) / 2.0)),
        ticks: y_ticks(&ys, y_step, left, right, style),
    };
    let corners = [
        ("virtuous", right - 8.0, top + 16.0, "end"),
        ("fragile", left + 8.0, top + 16.0, "start"),
        ("untapped", right - 8.0, bottom - 8.0, "end"),
        ("vicious", left + 8.0, bottom - 8.0, "start"),
    ];
    let quadrant_labels = match medians {
        None => Vec::new(),
        Some(_) => corners
            .iter()
            .map(|&(q, x, y, anchor)| CornerLabel {
                key: format!("quadrant-{q}"),
                x,
                y,
                anchor,
            })
            .collect(),
    };
    let regression = regression.and_then(|l| clip_line(l, (x_lo, x_hi), (y_lo, y_hi)));
    let plotted = points
        .iter()
        .map(|p| {
            let quadrant = p
                .quadrant
                .and_then(|q| QUADRANTS.iter().copied().find(|&known| known == q))
                .or_else(|| medians.map(|m| quadrant_of(p.x, p.y, m)));
            let (cx, cy) = (xs.px(p.x), ys.px(p.y));
            PlottedPoint {
                label: p.label.to_owned(),
                href: p.href.to_owned(),
                x: r1(cx),
                y: r1(cy),
                x_text: style.format(p.x, 1, false),
                y_text: style.format(p.y, 1, false),
                quadrant_key: quadrant.map(|q| format!("quadrant-{q}")),
                marker: marker(quadrant, cx, cy),
            }
        })
        .collect::<Vec<_>>();
    let legend = scatter_legend(medians.is_some(), regression.is_some(), &plotted, left, bottom + 66.0);
    let height = legend.last().map_or(bottom + 60.0, |l| l.text_y + 12.0);
    ScatterChart {
        frame: Frame::new(meta, width, height),
        plot: Rect::new(left, top, right - left, bottom - top),
        x_axis,
        y_axis,
        median_x: medians.map(|m| Line::new(xs.px(m.0), top, xs.px(m.0), bottom)),
        median_y: medians.map(|m| Line::new(left, ys.px(m.1), right, ys.px(m.1))),
        median_x_text: medians.map(|m| style.format(m.0, 1, false)),
        median_y_text: medians.map(|m| style.format(m.1, 1, false)),
        quadrant_labels,
        regression: regression.map(|((x1, y1), (x2, y2))| Line::new(xs.px(x1), ys.px(y1), xs.px(x2), ys.px(y2))),
        legend,
        empty: plotted.is_empty(),
        points: plotted,
    }
}

/// Median and trend line samples, then the marker of each quadrant that
/// has a point, in two columns from (`x`, `y`).
fn scatter_legend(medians: bool, regression: bool, points: &[PlottedPoint], x: f64, y: f64) -> Vec<LegendItem> {
    let mut entries: Vec<(String, Option<&'static str>, Option<&'static str>)> = Vec::new();
    if medians {
        entries.push(("scatter-median".into(), Some("2 3"), None));
    }
    if regression {
        entries.push(("scatter-regression".into(), Some("8 4"), None));
    }
    if entries.len() % 2 == 1 {
        entries.push((String::new(), None, None));
    }
    for q in QUADRANTS {
        let key = format!("quadrant-{q}");
        if points.iter().any(|p| p.quadrant_key.as_deref() == Some(key.as_str())) {
            entries.push((key, None, Some(q)));
        }
    }
    entries
        .into_iter()
        .enumerate()
        .filter(|(_, (key, _, _))| !key.is_empty())
        .map(|(i, (key, dash, quadrant))| {
            let (ex, ey) = (x + 280.0 * (i % 2) as f64, y + 20.0 * (i / 2) as f64);
            LegendItem {
                key,
                line: dash.map(|_| Line::new(ex, ey - 4.0, ex + 28.0, ey - 4.0)),
                dash: dash.unwrap_or(""),
                marker: quadrant.map(|q| marker(Some(q), ex + 14.0, ey - 4.0)),
                text_x: r1(ex + 36.0),
                text_y: r1(ey),
            }
        })
        .collect()
}

// ---------------------------------------------------------------- bars

/// A bar's label: a message key (a dimension) or a literal text (a team).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BarLabel<'a> {
    Key(&'a str),
    Text(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarInput<'a> {
    pub label: BarLabel<'a>,
    /// `None`: no figure (hidden by anonymity or no answers).
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarRow {
    /// A message key, or a text shortened to fit (`full_label` is whole).
    pub label: String,
    pub full_label: String,
    /// True when `label` is a message key.
    pub translate: bool,
    pub label_x: f64,
    pub label_y: f64,
    pub bar: Option<Rect>,
    pub fill: &'static str,
    pub value_text: Option<String>,
    pub value_x: f64,
    pub value_anchor: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    pub frame: Frame,
    /// Header of the label column of the data table.
    pub label_key: String,
    pub plot: Rect,
    pub axis: Axis,
    pub zero: Option<Line>,
    pub rows: Vec<BarRow>,
    pub signed: bool,
    pub empty: bool,
}

/// Horizontal bars: `signed` for correlations (−1..1 around a zero line,
/// two decimals; negative bars in vermillion), otherwise scores on 0–100
/// (one decimal). `value_key` names the values (axis title, table header).
pub fn bars(
    meta: ChartMeta<'_>,
    rows: &[BarInput<'_>],
    signed: bool,
    label_key: &str,
    value_key: &str,
    style: NumberStyle,
) -> BarChart {
    let (width, row_height, bar_height, top) = (640.0, 28.0, 18.0, 10.0);
    let (left, right) = if signed { (268.0, 596.0) } else { (228.0, 596.0) };
    let bottom = top + row_height * rows.len().max(1) as f64;
    let height = bottom + 52.0;
    let (lo, hi, step, decimals) = if signed {
        (-1.0, 1.0, 0.5, 2)
    } else {
        (0.0, 100.0, 20.0, 1)
    };
    let scale = Scale {
        lo,
        hi,
        from: left,
        to: right,
    };
    let zero_x = scale.px(0.0);
    let built = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = top + row_height * i as f64;
            let value = row.value.filter(|v| v.is_finite()).map(|v| v.clamp(lo, hi));
            let end = value.map_or(zero_x, |v| scale.px(v));
            let negative = value.is_some_and(|v| v < 0.0);
            let (label, full_label, translate) = match row.label {
                BarLabel::Key(k) => (k.to_owned(), k.to_owned(), true),
                BarLabel::Text(t) => (shorten(t, BAR_LABEL_CHARS), t.to_owned(), false),
            };
            BarRow {
                label,
                full_label,
                translate,
                label_x: r1(left - if signed { 44.0 } else { 8.0 }),
                label_y: r1(y + row_height / 2.0 + 4.0),
                bar: value.map(|_| {
                    Rect::new(
                        zero_x.min(end),
                        y + (row_height - bar_height) / 2.0,
                        (end - zero_x).abs(),
                        bar_height,
                    )
                }),
                fill: if negative { VERMILLION } else { BLUE },
                value_text: row
                    .value
                    .filter(|v| v.is_finite())
                    .map(|v| style.format(v, decimals, signed)),
                value_x: r1(if negative { end - 4.0 } else { end + 4.0 }),
                value_anchor: if negative { "end" } else { "start" },
            }
        })
        .collect::<Vec<_>>();
    BarChart {
        frame: Frame::new(meta, width, height),
        label_key: label_key.to_owned(),
        plot: Rect::new(left, top, right - left, bottom - top),
        axis: Axis {
            label_key: value_key.to_owned(),
            label_x: r1((left + right) / 2.0),
            label_y: r1(bottom + 40.0),
            label_transform: String::new(),
            ticks: x_ticks(&scale, step, top, bottom, style),
        },
        zero: signed.then(|| Line::new(zero_x, top - 4.0, zero_x, bottom)),
        signed,
        empty: built.is_empty(),
        rows: built,
    }
}

// ---------------------------------------------------------------- building

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

// ---------------------------------------------------------------- heat-map

/// One cell's figure before drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeatInput {
    Gap {
        points: f64,
        significant: bool,
    },
    /// Hidden by anonymity (fewer than k answers on a side).
    Suppressed,
    /// No figure for another reason (no answers on a side).
    Missing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapRowInput<'a> {
    pub label: &'a str,
    pub href: &'a str,
    /// The whole team is below the threshold: every cell is suppressed.
    pub suppressed: bool,
    pub cells: Vec<HeatInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatCell {
    pub column_key: String,
    pub rect: Rect,
    pub fill: String,
    pub text_fill: String,
    pub value_text: Option<String>,
    pub significant: bool,
    pub suppressed: bool,
    pub missing: bool,
    pub text_x: f64,
    pub text_y: f64,
    pub mark_x: f64,
    pub mark_y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatRow {
    /// Shortened to fit the label column; `full_label` is the whole name.
    pub label: String,
    pub full_label: String,
    pub href: String,
    pub label_x: f64,
    pub label_y: f64,
    pub cells: Vec<HeatCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnHead {
    pub key: String,
    pub x: f64,
    pub y: f64,
    pub transform: String,
}

/// One step of the colour scale, its number printed below it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Swatch {
    pub rect: Rect,
    pub fill: String,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
}

/// A legend entry: a sample cell (with a `•` at `mark_*` when it shows
/// significance) and its text at `text_*`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendKey {
    pub rect: Rect,
    pub fill: String,
    pub mark_x: f64,
    pub mark_y: f64,
    pub text_x: f64,
    pub text_y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heatmap {
    pub frame: Frame,
    pub pattern_id: String,
    pub columns: Vec<ColumnHead>,
    pub rows: Vec<HeatRow>,
    pub scale: Vec<Swatch>,
    /// What negative and positive gaps mean, one line each under the scale.
    pub low_key: String,
    pub high_key: String,
    pub legend_x: f64,
    pub low_y: f64,
    pub high_y: f64,
    pub significant_key: LegendKey,
    pub suppressed_key: LegendKey,
    pub empty: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct GapLegend<'a> {
    pub low_key: &'a str,
    pub high_key: &'a str,
}

const HEAT_LABEL_CHARS: usize = 26;
const BAR_LABEL_CHARS: usize = 30;

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max - 1).collect();
        short.push('…');
        short
    }
}

/// The team × column heat-map of gaps in points: colour from a diverging
/// scale (±30 clamp), black or white text for contrast, the signed value
/// printed, a `•` on significant gaps, hatched grey where suppressed.
pub fn heatmap(
    meta: ChartMeta<'_>,
    column_keys: &[String],
    rows: &[HeatmapRowInput<'_>],
    legend: GapLegend<'_>,
    style: NumberStyle,
) -> Heatmap {
    // Column names are turned 45° and need about 170 px up and right.
    let (label_right, cell_w, cell_h, top, turned) = (196.0, 52.0, 28.0, 180.0, 170.0);
    let x0 = label_right + 6.0;
    let width = (x0 + cell_w * column_keys.len() as f64 + turned).max(x0 + 7.0 * 44.0 + turned);
    let bottom = top + cell_h * rows.len() as f64;
    let pattern_id = format!("{}-hatch", meta.id);
    let columns = column_keys
        .iter()
        .enumerate()
        .map(|(j, key)| {
            let (x, y) = (r1(x0 + cell_w * (j as f64 + 0.5) - 4.0), r1(top - 8.0));
            ColumnHead {
                key: key.clone(),
                x,
                y,
                transform: format!("rotate(-45 {x:.1} {y:.1})"),
            }
        })
        .collect();
    let heat_rows = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = top + cell_h * i as f64;
            let cells = column_keys
                .iter()
                .enumerate()
                .map(|(j, key)| {
                    let input = if row.suppressed {
                        HeatInput::Suppressed
                    } else {
                        row.cells.get(j).copied().unwrap_or(HeatInput::Missing)
                    };
                    let rect = Rect::new(x0 + cell_w * j as f64, y, cell_w, cell_h);
                    heat_cell(key, input, rect, &pattern_id, style)
                })
                .collect();
            HeatRow {
                label: shorten(row.label, HEAT_LABEL_CHARS),
                full_label: row.label.to_owned(),
                href: row.href.to_owned(),
                label_x: label_right,
                label_y: r1(y + cell_h / 2.0 + 4.0),
                cells,
            }
        })
        .collect::<Vec<_>>();
    let legend_y = bottom + 24.0;
    let scale = [-30.0, -20.0, -10.0, 0.0, 10.0, 20.0, 30.0]
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let x = x0 + 44.0 * i as f64;
            Swatch {
                rect: Rect::new(x, legend_y, 40.0, 14.0),
                fill: gap_colour(v).hex(),
                label: style.format(v, 0, true),
                label_x: r1(x + 20.0),
                label_y: r1(legend_y + 28.0),
            }
        })
        .collect();
    let keys_y = legend_y + 76.0;
    let legend_key = |x: f64, y: f64, fill: String| LegendKey {
        rect: Rect::new(x, y, cell_w, 20.0),
        fill,
        mark_x: r1(x + cell_w - 5.0),
        mark_y: r1(y + 11.0),
        text_x: r1(x + cell_w + 6.0),
        text_y: r1(y + 14.0),
    };
    Heatmap {
        frame: Frame::new(meta, width, keys_y + 60.0),
        significant_key: legend_key(x0, keys_y, gap_colour(0.0).hex()),
        suppressed_key: legend_key(x0, keys_y + 28.0, format!("url(#{pattern_id})")),
        pattern_id,
        columns,
        empty: heat_rows.is_empty(),
        rows: heat_rows,
        scale,
        low_key: legend.low_key.to_owned(),
        high_key: legend.high_key.to_owned(),
        legend_x: x0,
        low_y: r1(legend_y + 48.0),
        high_y: r1(legend_y + 64.0),
    }
}

fn heat_cell(key: &str, input: HeatInput, rect: Rect, pattern_id: &str, style: NumberStyle) -> HeatCell {
    let input = match input {
        HeatInput::Gap { points, .. } if !points.is_finite() => HeatInput::Missing,
        other => other,
    };
    let (fill, text_fill, value_text, significant) = match input {
        HeatInput::Gap { points, significant } => {
            let bg = gap_colour(points);
            let value = style.format(points, 1, true);
            (bg.hex(), text_colour(bg).hex(), Some(value), significant)
        }
        HeatInput::Suppressed => (format!("url(#{pattern_id})"), BLACK.hex(), None, false),
        HeatInput::Missing => (WHITE.hex(), BLACK.hex(), None, false),
    };
    HeatCell {
        column_key: key.to_owned(),
        fill,
        text_fill,
        value_text,
        significant,
        suppressed: input == HeatInput::Suppressed,
        missing: input == HeatInput::Missing,
        // The value sits a little left of centre, leaving the top-right
        // corner to the significance mark.
        text_x: r1(rect.x + rect.width / 2.0 - 3.0),
        text_y: r1(rect.y + rect.height / 2.0 + 4.0),
        mark_x: r1(rect.x + rect.width - 5.0),
        mark_y: r1(rect.y + 11.0),
        rect,
    }
}

/// Message key of a dimension's name (`dimension-courtesy`).
pub fn dimension_key(d: Dimension) -> String {
    format!("dimension-{}", d.as_str())
}

/// The eleven columns of the symmetry heat-map, in the method's order.
pub fn dimension_keys() -> Vec<String> {
    Dimension::ALL.iter().map(|&d| dimension_key(d)).collect()
}

/// A group's symmetry gaps (E − C) per dimension, in `Dimension::ALL`
/// order: suppressed where either side's score is hidden.
pub fn symmetry_cells(group: &GroupReport) -> Vec<HeatInput> {
    Dimension::ALL
        .iter()
        .map(|d| match group.dimensions.get(d) {
            Some(report) => match &report.gaps.symmetry {
                Some(gap) => HeatInput::Gap {
                    points: gap.points,
                    significant: gap.significant,
                },
                None if report.customer.n.is_none() || report.employee.n.is_none() => HeatInput::Suppressed,
                None => HeatInput::Missing,
            },
            None => HeatInput::Missing,
        })
        .collect()
}

/// A team's row of the symmetry heat-map; the whole row is suppressed when
/// either population of the team is below the threshold.
pub fn symmetry_row<'a>(team: &'a TeamReport, href: &'a str) -> HeatmapRowInput<'a> {
    HeatmapRowInput {
        label: &team.name,
        href,
        suppressed: team.group.suppressed.customer || team.group.suppressed.employee,
        cells: symmetry_cells(&team.group),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::group::PillarScores;
    use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason};
    use proptest::prelude::*;
    use serde_json::json;

    const EN: NumberStyle = NumberStyle::Point;

    fn meta(id: &str) -> ChartMeta<'_> {
        ChartMeta {
            id,
            title_key: "chart-title",
            desc_key: "chart-desc",
        }
    }

    fn pt(label: &'static str, href: &'static str, x: f64, y: f64, q: Option<&'static str>) -> ScatterPoint<'static> {
        ScatterPoint {
            label,
            href,
            x,
            y,
            quadrant: q,
        }
    }

    fn bar(label: BarLabel<'_>, value: Option<f64>) -> BarInput<'_> {
        BarInput { label, value }
    }

    fn gap(points: f64, significant: bool) -> HeatInput {
        HeatInput::Gap { points, significant }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn least_squares_by_hand() {
        // y = 2x + 1 exactly.
        let (m, b) = least_squares(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]).unwrap();
        assert!(close(m, 2.0) && close(b, 1.0));
        // x̄ = 2, ȳ = 10/3, Sxx = 2, Sxy = 4/3 + 5/3 = 3: slope 1.5, intercept 1/3.
        let (m, b) = least_squares(&[(1.0, 2.0), (2.0, 3.0), (3.0, 5.0)]).unwrap();
        assert!(close(m, 1.5) && close(b, 1.0 / 3.0));
        // A horizontal trend.
        let (m, b) = least_squares(&[(10.0, 4.0), (20.0, 4.0)]).unwrap();
        assert!(close(m, 0.0) && close(b, 4.0));
        assert_eq!(least_squares(&[]), None);
        assert_eq!(least_squares(&[(1.0, 1.0)]), None);
        assert_eq!(least_squares(&[(5.0, 1.0), (5.0, 9.0), (5.0, 3.0)]), None);
        // Non-finite pairs are left out, not propagated.
        let (m, _) = least_squares(&[(0.0, 0.0), (f64::NAN, 1.0), (1.0, 1.0)]).unwrap();
        assert!(close(m, 1.0));
    }

    #[test]
    fn regression_is_clipped_to_the_plot() {
        // Through (0, 0) and (100, 100) on a zoomed 40–60 box: clipped to the box.
        assert_eq!(
            clip_line((1.0, 0.0), (40.0, 60.0), (40.0, 60.0)),
            Some(((40.0, 40.0), (60.0, 60.0)))
        );
        // Steep: enters through the bottom and leaves through the top.
        let ((x1, y1), (x2, y2)) = clip_line((2.0, -50.0), (0.0, 100.0), (0.0, 100.0)).unwrap();
        assert!(close(x1, 25.0) && close(y1, 0.0) && close(x2, 75.0) && close(y2, 100.0));
        assert_eq!(clip_line((0.0, 120.0), (0.0, 100.0), (0.0, 100.0)), None);
        assert_eq!(clip_line((1.0, 200.0), (0.0, 100.0), (0.0, 100.0)), None);
    }

    fn sample_points() -> Vec<ScatterPoint<'static>> {
        vec![
            pt("Lyon <Part-Dieu>", "/t/lyon", 41.5, 88.0, Some("fragile")),
            pt("Nantes", "/t/nantes", 72.25, 61.0, Some("untapped")),
            pt("Lille", "/t/lille", 55.0, 70.0, None),
            pt("Brest", "/t/brest", 38.0, 52.5, Some("vicious")),
            pt("Pau", "/t/pau", 80.0, 90.0, Some("virtuous")),
        ]
    }

    fn sample_scatter() -> ScatterChart {
        let points = sample_points();
        let pairs: Vec<_> = points.iter().map(|p| (p.x, p.y)).collect();
        scatter(
            meta("eei-csi"),
            &points,
            "index-eei",
            "index-csi",
            Some((55.0, 70.0)),
            least_squares(&pairs),
            EN,
        )
    }

    fn inside(plot: &Rect, x: f64, y: f64) -> bool {
        x >= plot.x && x <= plot.x + plot.width && y >= plot.y && y <= plot.y + plot.height
    }

    #[test]
    fn scatter_maps_the_data_extremes_inside_the_plot() {
        let chart = sample_scatter();
        for p in &chart.points {
            assert!(inside(&chart.plot, p.x, p.y), "{p:?}");
        }
        let extremes = [pt("a", "/a", 0.0, 100.0, None), pt("b", "/b", 100.0, 0.0, None)];
        let full = scatter(meta("s"), &extremes, "x", "y", None, None, EN);
        assert_eq!((full.points[0].x, full.points[0].y), (full.plot.x, full.plot.y));
        assert!(inside(&full.plot, full.points[1].x, full.points[1].y));
        let line = chart.regression.unwrap();
        assert!(inside(&chart.plot, line.x1, line.y1) && inside(&chart.plot, line.x2, line.y2));
        // The axes zoom in: 38–80 does not need 0–100.
        let first = chart.x_axis.ticks.first().unwrap();
        assert!(first.label != "0" && chart.x_axis.ticks.len() >= 3);
    }

    proptest! {
        #[test]
        fn zoomed_domains_hold_every_value(values in prop::collection::vec(0.0f64..=100.0, 1..40)) {
            let (lo, hi, step) = zoom_domain(&values);
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(lo <= min && hi >= max);
            prop_assert!(lo >= 0.0 && hi <= 100.0 && hi - lo >= 10.0);
            prop_assert!((3..=12).contains(&tick_values(lo, hi, step).len()));
        }
    }

    #[test]
    fn a_point_on_a_median_counts_as_high() {
        assert_eq!(quadrant_of(50.0, 50.0, (50.0, 50.0)), "virtuous");
        assert_eq!(quadrant_of(49.9, 50.0, (50.0, 50.0)), "fragile");
        assert_eq!(quadrant_of(50.0, 49.9, (50.0, 50.0)), "untapped");
        assert_eq!(quadrant_of(49.9, 49.9, (50.0, 50.0)), "vicious");
        // Lille sits on both medians and has no quadrant of its own.
        let chart = sample_scatter();
        assert_eq!(chart.points[2].quadrant_key.as_deref(), Some("quadrant-virtuous"));
        // The linkage's quadrant wins when given.
        assert_eq!(chart.points[0].quadrant_key.as_deref(), Some("quadrant-fragile"));
        let keys: Vec<_> = chart.quadrant_labels.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "quadrant-virtuous",
                "quadrant-fragile",
                "quadrant-untapped",
                "quadrant-vicious"
            ]
        );
    }

    #[test]
    fn wcag_luminance_and_contrast() {
        assert!(close(WHITE.luminance(), 1.0) && close(BLACK.luminance(), 0.0));
        assert!(close(contrast_ratio(BLACK, WHITE), 21.0));
        // #767676 is the classic lightest grey passing 4.5:1 on white.
        assert!((contrast_ratio(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
        // Mark colours reach 3:1 against white (non-text contrast).
        for hex in [BLUE, VERMILLION, GREEN, PURPLE] {
            let c = u32::from_str_radix(&hex[1..], 16).unwrap();
            let rgb = Rgb((c >> 16) as u8, (c >> 8) as u8, c as u8);
            assert!(contrast_ratio(rgb, WHITE) >= 3.0, "{hex}");
        }
    }

    #[test]
    fn heat_text_contrasts_at_least_4_5_for_every_gap() {
        for tenth in -300..=300 {
            let bg = gap_colour(f64::from(tenth) / 10.0);
            let ratio = contrast_ratio(text_colour(bg), bg);
            assert!(
                ratio >= 4.5,
                "{tenth}: {} on {} is {ratio}",
                text_colour(bg).hex(),
                bg.hex()
            );
        }
        assert_eq!(gap_colour(-80.0), gap_colour(-30.0));
        assert_eq!(gap_colour(45.0), gap_colour(30.0));
        assert_eq!(gap_colour(0.0).hex(), "#f7f7f7");
        assert_eq!(gap_colour(f64::NAN), gap_colour(0.0));
    }

    #[test]
    fn numbers_are_formatted_for_the_reader() {
        assert_eq!(EN.format(12.345, 1, true), "+12.3");
        assert_eq!(EN.format(-0.04, 1, true), "0.0");
        assert_eq!(EN.format(-4.0, 1, true), "-4.0");
        assert_eq!(NumberStyle::for_lang("fr").format(62.45, 2, false), "62,45");
        assert_eq!(NumberStyle::for_lang("en").format(0.614, 2, true), "+0.61");
    }

    fn pillars(execution: Option<f64>, link: Option<f64>, emotion: Option<f64>) -> PillarScores {
        PillarScores {
            execution,
            link,
            emotion,
        }
    }

    #[test]
    fn building_widths_are_proportional_to_the_pillars() {
        let b = building(
            meta("b"),
            &pillars(Some(80.0), Some(40.0), Some(20.0)),
            Some(Maturity::Pyramid),
            EN,
        );
        let widths: Vec<f64> = b.floors.iter().map(|f| f.width).collect();
        assert_eq!(widths, [192.0, 96.0, 48.0]);
        assert!(close(widths[0] / 80.0, widths[2] / 20.0));
        assert_eq!(b.class_key.as_deref(), Some("maturity-pyramid"));
        let keys: Vec<_> = b.floors.iter().map(|f| f.pillar_key.as_str()).collect();
        assert_eq!(keys, ["pillar-execution", "pillar-link", "pillar-emotion"]);
        // Floors are centred: the same middle whatever the width.
        assert!(b.floors[0].d.as_deref().unwrap().starts_with("M168.0 180.0H360.0"));
        let missing = building(meta("b"), &pillars(Some(100.0), None, Some(f64::NAN)), None, EN);
        assert_eq!(missing.floors[0].width, BUILDING_WIDTH);
        assert_eq!((missing.floors[1].width, missing.floors[1].d.as_ref()), (0.0, None));
        assert_eq!(missing.floors[2].value_text, None);
    }

    #[test]
    fn bars_sit_around_zero_when_signed() {
        let rows = [
            bar(BarLabel::Key("dimension-trust"), Some(0.62)),
            bar(BarLabel::Key("dimension-digital"), Some(-0.3)),
            bar(BarLabel::Text("A team with a very long name indeed"), None),
        ];
        let chart = bars(meta("drivers"), &rows, true, "chart-dimension", "bars-pearson-r", EN);
        let zero = chart.zero.clone().unwrap().x1;
        let (pos, neg) = (chart.rows[0].bar.clone().unwrap(), chart.rows[1].bar.clone().unwrap());
        assert!(close(pos.x, zero) && pos.x + pos.width <= chart.plot.x + chart.plot.width);
        assert!(close(neg.x + neg.width, zero) && neg.x >= chart.plot.x);
        assert_eq!((chart.rows[0].fill, chart.rows[1].fill), (BLUE, VERMILLION));
        assert_eq!(chart.rows[1].value_text.as_deref(), Some("-0.30"));
        assert_eq!(chart.rows[2].bar, None);
        assert!(chart.rows[2].label.ends_with('…') && !chart.rows[2].translate);
        let scores = bars(meta("s"), &rows[..1], false, "chart-dimension", "chart-favourable", EN);
        assert!(scores.zero.is_none() && scores.rows[0].value_text.as_deref() == Some("0.6"));
    }

    fn sample_heatmap() -> Heatmap {
        let columns: Vec<String> = dimension_keys().into_iter().take(3).collect();
        let rows = vec![
            HeatmapRowInput {
                label: "Agence de Montpellier-Antigone et environs",
                href: "/t/mtp",
                suppressed: false,
                cells: vec![gap(23.4, true), gap(-8.0, false), HeatInput::Suppressed],
            },
            HeatmapRowInput {
                label: "Quimper",
                href: "/t/q",
                suppressed: true,
                cells: vec![gap(5.0, true)],
            },
            HeatmapRowInput {
                label: "Sète",
                href: "/t/s",
                suppressed: false,
                cells: vec![gap(f64::NAN, false)],
            },
        ];
        let legend = GapLegend {
            low_key: "heatmap-symmetry-negative",
            high_key: "heatmap-symmetry-positive",
        };
        heatmap(meta("symmetry"), &columns, &rows, legend, EN)
    }

    #[test]
    fn heatmap_cells_carry_value_significance_and_suppression() {
        let h = sample_heatmap();
        let first = &h.rows[0].cells;
        assert_eq!(first[0].value_text.as_deref(), Some("+23.4"));
        assert!(first[0].significant && !first[1].significant);
        assert!(first[2].suppressed && first[2].value_text.is_none());
        assert_eq!(first[2].fill, "url(#symmetry-hatch)");
        assert!(h.rows[1].cells.iter().all(|c| c.suppressed && !c.significant));
        assert!(h.rows[2].cells.iter().all(|c| c.missing && c.value_text.is_none()));
        assert!(h.rows[0].label.chars().count() <= HEAT_LABEL_CHARS);
        assert_eq!(h.rows[0].full_label, "Agence de Montpellier-Antigone et environs");
        assert_eq!(dimension_keys()[0], "dimension-courtesy");
        assert_eq!(dimension_keys().len(), Dimension::ALL.len());
    }

    /// Stands in for the i18n `t` helper: prints `[key]`, and fails like
    /// the real one when `lang` is not reachable from the root context.
    fn stub_t(
        h: &Helper<'_>,
        _: &Handlebars<'_>,
        ctx: &Context,
        _: &mut RenderContext<'_, '_>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let key = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        if ctx.data().get("lang").is_none() {
            return Err(RenderErrorReason::Other("no lang in the root context".into()).into());
        }
        out.write(&format!("[{key}]"))?;
        Ok(())
    }

    fn registry() -> Handlebars<'static> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_helper("t", Box::new(stub_t));
        for name in ["scatter", "bars", "building", "heatmap"] {
            let path = format!("{}/templates/partials/charts/{name}.hbs", env!("CARGO_MANIFEST_DIR"));
            hb.register_template_file(&format!("partials/charts/{name}"), path)
                .unwrap();
        }
        hb
    }

    fn render(partial: &str, chart: impl Serialize) -> String {
        let page = format!("<main>{{{{> partials/charts/{partial} chart}}}}</main>");
        registry()
            .render_template(&page, &json!({ "lang": "en", "chart": chart }))
            .unwrap()
    }

    fn assert_accessible_figure(html: &str, svg_role: &str) {
        for needle in [
            "<figure",
            "<svg id=",
            &format!("role=\"{svg_role}\""),
            "aria-labelledby=",
            "<title id=",
            "<desc id=",
            "viewBox=\"0 0 ",
            "width=\"100%\"",
            "font-family=\"system-ui, sans-serif\"",
            "<details class=\"chart-data\">",
            "<summary>[chart-data-table]</summary>",
            "<caption>[chart-title]</caption>",
            "<th scope=\"col\">",
        ] {
            assert!(html.contains(needle), "missing {needle} in\n{html}");
        }
        for bad in ["NaN", "inf", "null", "{{", "style="] {
            assert!(!html.contains(bad), "found {bad} in\n{html}");
        }
        for tag in ["svg", "figure", "table", "details", "g", "text", "title", "tr", "a"] {
            let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "unbalanced <{tag}>");
        }
        assert!(html.contains("[chart-no-data]") || html.contains("<th scope=\"row\">"));
        // The svg comes first, its table right after it.
        assert!(html.find("</svg>") < html.find("<details"));
    }

    #[test]
    fn scatter_partial_renders() {
        let html = render("scatter", sample_scatter());
        assert_accessible_figure(&html, "group");
        assert!(html.contains(
            "<a href=\"/t/nantes\"><title>Nantes — [index-eei] 72.3, [index-csi] 61.0 — [quadrant-untapped]</title>"
        ));
        assert!(html.contains("Lyon &lt;Part-Dieu&gt;"), "team names are escaped");
        assert!(html.contains("[quadrant-fragile]") && html.contains("[scatter-regression]"));
        assert!(html.contains("stroke-dasharray=\"8 4\""));
        let empty = render("scatter", scatter(meta("e"), &[], "x", "y", None, None, EN));
        assert_accessible_figure(&empty, "group");
        assert!(empty.contains("[chart-no-data]"));
    }

    #[test]
    fn bars_partial_renders() {
        let rows = [
            bar(BarLabel::Key("dimension-trust"), Some(0.62)),
            bar(BarLabel::Text("Nîmes & Alès"), Some(f64::NAN)),
        ];
        let html = render(
            "bars",
            bars(meta("drivers"), &rows, true, "chart-dimension", "bars-pearson-r", EN),
        );
        assert_accessible_figure(&html, "img");
        assert!(html.contains("[dimension-trust]") && html.contains("Nîmes &amp; Alès"));
        assert!(html.contains("+0.62") && html.contains("[chart-no-value]"));
    }

    #[test]
    fn building_partial_renders() {
        let scores = pillars(Some(70.0), Some(55.5), None);
        let html = render("building", building(meta("bc"), &scores, Some(Maturity::Pyramid), EN));
        assert_accessible_figure(&html, "img");
        assert!(html.contains("<figcaption>[chart-title] — <strong>[maturity-pyramid]</strong></figcaption>"));
        assert!(html.contains("[pillar-emotion]") && html.contains("55.5"));
    }

    #[test]
    fn heatmap_partial_renders() {
        let html = render("heatmap", sample_heatmap());
        assert_accessible_figure(&html, "group");
        assert!(html.contains("<pattern id=\"symmetry-hatch\""));
        assert!(html
            .contains("+23.4 <span aria-hidden=\"true\">•</span><span class=\"sr-only\">[heatmap-significant]</span>"));
        assert!(html.contains("[heatmap-suppressed]") && html.contains("[heatmap-symmetry-positive]"));
        assert!(html.contains("<a href=\"/t/mtp\">Agence de Montpellier-Antigone et environs</a>"));
    }

    /// Seven shops, the last with too few customers; every respondent
    /// answers the first item of each dimension plus NPS or eNPS.
    fn campaign_report() -> crate::analytics::CampaignReport {
        use crate::analytics::*;
        let mut data = CampaignData::default();
        for i in 0..7usize {
            let code = format!("shop{i}");
            data.add_team(&code, &format!("Shop {i}"), None);
            for (population, side, headline, count) in [
                (Population::Customer, "c", "nps", if i == 6 { 2 } else { 6 }),
                (Population::Employee, "e", "enps", 6),
            ] {
                for r in 0..count {
                    let mut answers: Vec<(ItemCode, u8)> = Dimension::ALL
                        .iter()
                        .enumerate()
                        .map(|(j, d)| {
                            let value = (i * 3 + r * (j % 3 + 1) + j + side.len() * i) % 5 + 1;
                            (ItemCode::parse(&format!("{d}.{side}.1")).unwrap(), value as u8)
                        })
                        .collect();
                    answers.push((ItemCode::parse(headline).unwrap(), ((i * 2 + r) % 11) as u8));
                    data.add_respondent(&Respondent {
                        team: Some(&code),
                        population,
                        channel: (population == Population::Customer).then_some(Channel::Web),
                        answers: &answers,
                    });
                }
            }
        }
        let meta = CampaignMeta {
            id: "1".into(),
            name: "Wave 1".into(),
            status: "closed".into(),
        };
        build_report(&data, &Settings::default(), &meta, &ReportFilter::default()).unwrap()
    }

    /// What a page does: report in, the four charts out, all rendered.
    #[test]
    fn a_whole_report_renders_as_charts() {
        let report = campaign_report();
        let hrefs: Vec<String> = report.teams.iter().map(|t| format!("/teams/{}", t.code)).collect();
        let quadrants = report.linkage.quadrants.clone().unwrap();
        let points: Vec<ScatterPoint<'_>> = report
            .teams
            .iter()
            .zip(&hrefs)
            .filter_map(|(t, href)| {
                let q = quadrants.get(&t.code)?;
                let quadrant = serde_json::to_value(q).ok()?;
                Some(ScatterPoint {
                    label: &t.name,
                    href,
                    x: t.group.indices.eei?,
                    y: t.group.indices.csi?,
                    quadrant: quadrant
                        .as_str()
                        .and_then(|q| QUADRANTS.iter().copied().find(|&k| k == q)),
                })
            })
            .collect();
        // Shop 6 has too few customers, and complementary suppression hides
        // a sibling's figures too: neither may appear as a point.
        assert_eq!(points.len(), 5);
        let pairs: Vec<_> = points.iter().map(|p| (p.x, p.y)).collect();
        let median = |v: Vec<f64>| crate::analytics::stats::median(&v).unwrap();
        let medians = (
            median(pairs.iter().map(|p| p.0).collect()),
            median(pairs.iter().map(|p| p.1).collect()),
        );
        let html = render(
            "scatter",
            scatter(
                meta("sc"),
                &points,
                "index-eei",
                "index-csi",
                Some(medians),
                least_squares(&pairs),
                EN,
            ),
        );
        assert_accessible_figure(&html, "group");

        let drivers = report.linkage.drivers.clone().unwrap();
        let keys: Vec<String> = drivers.iter().map(|d| dimension_key(d.dimension)).collect();
        let rows: Vec<BarInput<'_>> = keys
            .iter()
            .zip(&drivers)
            .map(|(k, d)| bar(BarLabel::Key(k), Some(d.r)))
            .collect();
        let html = render(
            "bars",
            bars(meta("dr"), &rows, true, "chart-dimension", "bars-pearson-r", EN),
        );
        assert_accessible_figure(&html, "img");

        let org = &report.organisation;
        let html = render(
            "building",
            building(meta("bc"), &org.pillars.customer, org.maturity.customer, EN),
        );
        assert_accessible_figure(&html, "img");
        assert!(org.maturity.customer.is_some() && html.contains("[maturity-"));

        let rows: Vec<HeatmapRowInput<'_>> = report
            .teams
            .iter()
            .zip(&hrefs)
            .map(|(t, h)| symmetry_row(t, h))
            .collect();
        assert_eq!(rows.iter().filter(|r| r.suppressed).count(), 2);
        assert!(rows[6].suppressed);
        let shown = rows.iter().find(|r| !r.suppressed).unwrap();
        assert!(shown.cells.iter().all(|c| matches!(c, HeatInput::Gap { .. })));
        let legend = GapLegend {
            low_key: "heatmap-symmetry-negative",
            high_key: "heatmap-symmetry-positive",
        };
        let html = render("heatmap", heatmap(meta("hm"), &dimension_keys(), &rows, legend, EN));
        assert_accessible_figure(&html, "group");
        // Two suppressed rows of eleven cells, each named in its SVG title and
        // its table cell, plus the legend entry.
        assert_eq!(html.matches("[heatmap-suppressed]").count(), 2 * 11 * 2 + 1);
    }
}

//! EEI (x) against CSI (y), or eNPS against NPS, by team: quadrants at the
//! medians, the regression line, each point a link.

use serde::Serialize;

use super::colours::{BLUE, GREEN, GREY, ORANGE, VERMILLION};
use super::{r1, x_ticks, y_ticks, zoom_domain, Axis, ChartMeta, Frame, Line, NumberStyle, Rect, Scale};
use crate::analytics::linkage::Quadrant;

/// One team of the scatter; `quadrant` is the linkage's, or `None` to place
/// it by `medians`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScatterPoint<'a> {
    pub label: &'a str,
    /// The team's page; empty for a point drawn without a link, a tooltip
    /// or a row in the data table.
    pub href: &'a str,
    pub x: f64,
    pub y: f64,
    pub quadrant: Option<Quadrant>,
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
    /// A named point's number, printed beside it and in the printed
    /// legend of names (a scatter on paper identifies its teams).
    pub number: Option<usize>,
    pub number_x: f64,
    pub number_y: f64,
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
    /// Points drawn without a link, a tooltip or a row in the data table
    /// (a large organisation's teams outside the region unfolded).
    pub unlisted: usize,
    pub empty: bool,
}

const QUADRANTS: [Quadrant; 4] = [
    Quadrant::Virtuous,
    Quadrant::Fragile,
    Quadrant::Untapped,
    Quadrant::Vicious,
];

fn marker(quadrant: Option<Quadrant>, cx: f64, cy: f64) -> Marker {
    let r = 5.5;
    let p = |v: f64| format!("{:.1}", r1(v));
    let (d, fill) = match quadrant {
        Some(Quadrant::Fragile) => (
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
        Some(Quadrant::Untapped) => (
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
        Some(Quadrant::Vicious) => (
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

/// The part of y = slope·x + intercept inside the data box, in data units.
pub(super) fn clip_line(line: (f64, f64), x: (f64, f64), y: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
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
    let mut named = 0;
    let plotted = points
        .iter()
        .map(|p| {
            let number = (!p.href.is_empty()).then(|| {
                named += 1;
                named
            });
            let quadrant = p.quadrant.or_else(|| medians.map(|m| Quadrant::of(p.x, p.y, m)));
            let (cx, cy) = (xs.px(p.x), ys.px(p.y));
            PlottedPoint {
                label: p.label.to_owned(),
                href: p.href.to_owned(),
                x: r1(cx),
                y: r1(cy),
                x_text: style.format(p.x, 1, false),
                y_text: style.format(p.y, 1, false),
                quadrant_key: quadrant.map(|q| format!("quadrant-{}", q.as_str())),
                marker: marker(quadrant, cx, cy),
                number,
                number_x: r1(cx + 7.0),
                number_y: r1(cy - 6.0),
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
        unlisted: plotted.iter().filter(|p| p.href.is_empty()).count(),
        points: plotted,
    }
}

/// Median and trend line samples, then the marker of each quadrant that
/// has a point, in two columns from (`x`, `y`).
fn scatter_legend(medians: bool, regression: bool, points: &[PlottedPoint], x: f64, y: f64) -> Vec<LegendItem> {
    let mut entries: Vec<(String, Option<&'static str>, Option<Quadrant>)> = Vec::new();
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
        let key = format!("quadrant-{}", q.as_str());
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

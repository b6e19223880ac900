//! Horizontal bars, one a row (the drivers' Pearson r), around zero when
//! the values are signed.

use serde::Serialize;

use super::colours::{BLUE, VERMILLION};
use super::{r1, x_ticks, Axis, ChartMeta, Frame, Line, NumberStyle, Rect, Scale};

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

/// Longest bar label before it is shortened (the full text stays in the
/// table and the tooltip).
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

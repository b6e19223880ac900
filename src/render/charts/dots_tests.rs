use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext};
use serde_json::json;

use super::*;
use crate::analytics::{
    build_report, CampaignData, CampaignMeta, Dimension, GroupReport, ItemCode, Population, ReportFilter, Respondent,
    Settings,
};

const EN: NumberStyle = NumberStyle::Point;

fn meta() -> ChartMeta<'static> {
    ChartMeta {
        id: "dots",
        title_key: "chart-dots-title",
        desc_key: "chart-dots-desc",
    }
}

/// One shop: `customers` customers and 6 employees answering listening and
/// trust, a manager estimating the employees' trust only.
fn group(customers: usize) -> GroupReport {
    let mut data = CampaignData::default();
    data.add_team("shop", "Shop", None);
    let mut add = |population: Population, answers: &[(&str, u8)], count: usize| {
        let answers: Vec<(ItemCode, u8)> = answers.iter().map(|(c, v)| (ItemCode::parse(c).unwrap(), *v)).collect();
        for _ in 0..count {
            data.add_respondent(&Respondent {
                team: Some("shop"),
                population,
                channel: None,
                answers: &answers,
            });
        }
    };
    add(
        Population::Customer,
        &[("listening.c.1", 2), ("trust.c.1", 5)],
        customers,
    );
    add(Population::Employee, &[("listening.e.1", 5), ("trust.e.1", 4)], 6);
    add(Population::Manager, &[("trust.me.1", 5)], 1);
    let meta = CampaignMeta {
        id: "1".into(),
        name: "Wave".into(),
        status: "closed".into(),
    };
    let report = build_report(&data, &Settings::default(), &meta, &ReportFilter::default()).unwrap();
    report.teams[0].group.clone()
}

fn row(chart: &DotChart, d: Dimension) -> &DotRow {
    let key = format!("dimension-{d}");
    chart.rows.iter().find(|r| r.label_key == key).unwrap()
}

fn abbrs(r: &DotRow) -> Vec<&str> {
    let mut v: Vec<&str> = r.markers.iter().map(|m| m.abbr.as_str()).collect();
    v.sort_unstable();
    v
}

#[test]
fn one_marker_per_shown_perspective_and_none_for_the_others() {
    let chart = dots(meta(), &group(6), 5, EN);
    assert_eq!(chart.rows.len(), Dimension::ALL.len());
    assert_eq!(abbrs(row(&chart, Dimension::Trust)), ["C", "E", "ME"]);
    assert_eq!(abbrs(row(&chart, Dimension::Listening)), ["C", "E"]);
    assert!(row(&chart, Dimension::Values).markers.is_empty());
    // Listening: customers 0, employees 100: the dumbbell spans the axis.
    let listening = row(&chart, Dimension::Listening);
    let span = listening.span.clone().unwrap();
    assert_eq!((span.x1, span.x2), (20.0, DOTS_WIDTH - 20.0));
    assert_eq!(
        listening.cells,
        [Some("0".into()), Some("100".into()), None, None, None]
    );
    // Filled measured scores, hollow estimates, each its own shape and colour.
    let trust = row(&chart, Dimension::Trust);
    let me = trust.markers.iter().find(|m| m.abbr == "ME").unwrap();
    assert_eq!((me.fill, me.stroke), ("#ffffff", PURPLE));
    let looks: std::collections::BTreeSet<_> = DOT_PERSPECTIVES
        .iter()
        .map(|&p| (style_of(p).shape as u8, style_of(p).colour))
        .collect();
    assert_eq!(looks.len(), 5);
    let shapes: std::collections::BTreeSet<_> = DOT_PERSPECTIVES.iter().map(|&p| style_of(p).shape as u8).collect();
    assert_eq!(shapes.len(), 5, "shapes alone tell the perspectives apart");
    // No estimate of customers at all, said in words: the manager's is
    // missing; the employees' (an anonymous population, 0 < k) is hidden.
    let notes: Vec<(&str, &str)> = chart.notes.iter().map(|n| (n.key, n.who.as_str())).collect();
    assert!(notes.contains(&("chart-dots-none", "mc")), "{notes:?}");
    assert!(notes.contains(&("chart-dots-hidden", "ec")), "{notes:?}");
    assert!(notes.contains(&("chart-dots-some-missing", "")));
    assert!(!notes.iter().any(|n| n.1 == "c" || n.1 == "e"));
}

#[test]
fn a_population_under_k_has_no_marker_and_a_note() {
    let chart = dots(meta(), &group(2), 5, EN);
    for r in &chart.rows {
        assert!(r.markers.iter().all(|m| m.abbr != "C"), "{}", r.label_key);
        assert_eq!(r.cells[0], None);
    }
    assert!(chart.notes.iter().any(|n| n.key == "chart-dots-hidden" && n.who == "c"));
    assert_eq!(abbrs(row(&chart, Dimension::Trust)), ["E", "ME"]);
    assert_eq!(chart.k, 5);
}

/// The `t` stub writes the key and its arguments, so the test sees them.
fn stub_t(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let key = h.param(0).and_then(|p| p.value().as_str()).unwrap_or("?");
    let mut args: Vec<String> = h.hash().iter().map(|(k, v)| format!("{k}={}", v.value())).collect();
    args.sort();
    if args.is_empty() {
        out.write(&format!("[{key}]"))?;
    } else {
        out.write(&format!("[{key} {}]", args.join(" ")))?;
    }
    Ok(())
}

fn render(chart: &DotChart) -> String {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_helper("t", Box::new(stub_t));
    let path = format!("{}/templates/partials/charts/dots.hbs", env!("CARGO_MANIFEST_DIR"));
    hb.register_template_file("partials/charts/dots", path).unwrap();
    hb.render_template(
        "{{> partials/charts/dots chart}}",
        &json!({ "lang": "en", "chart": chart }),
    )
    .unwrap()
}

#[test]
fn the_partial_shows_title_legend_labels_and_notes_in_words() {
    let html = render(&dots(meta(), &group(2), 5, EN));
    // A visible title and legend, outside the svg.
    let svg_at = html.find("<svg id=").unwrap();
    let caption = html
        .find("<figcaption class=\"chart-title\">[chart-dots-title]</figcaption>")
        .unwrap();
    assert!(caption < svg_at);
    for p in ["c", "e", "ec", "me", "mc"] {
        let item = format!("<abbr>{}</abbr> [perspective-{p}]</li>", p.to_uppercase());
        assert!(html[..svg_at].contains(&item), "legend {p}");
    }
    // Every dimension's label in the drawing; markers with their tooltip.
    for d in Dimension::ALL {
        assert!(
            html.contains(&format!("stroke-width=\"4\">[dimension-{d}]</text>")),
            "{d}"
        );
    }
    assert!(html.contains("data-perspective=\"E\"><title>[perspective-e] (E) — [dimension-trust]: 100</title>"));
    assert!(!html.contains("data-perspective=\"C\""));
    // Notes in words with the threshold, never "< k".
    assert!(html.contains("<li>[chart-dots-hidden k=5 who=\"c\"]</li>"), "{html}");
    assert!(!html.contains("&lt;") && !html.contains("< k"));
    for bad in ["NaN", "null", "{{", "style="] {
        assert!(!html.contains(bad), "found {bad}");
    }
    for tag in ["svg", "figure", "table", "details", "g", "text", "title", "ul", "li"] {
        let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "unbalanced <{tag}>");
    }
}

#[test]
fn text_is_drawn_large_enough_to_read_on_a_phone() {
    let chart = dots(meta(), &group(6), 5, EN);
    let html = render(&chart);
    // One text size for the whole drawing (no smaller text anywhere).
    assert!(html.contains(&format!("font-size=\"{}\"", chart.font_size)));
    assert_eq!(html.matches("font-size=").count(), 1);
    assert_eq!(chart.frame.width, DOTS_WIDTH);
    // A 390 px phone leaves 358 px for the page (1rem padding each side):
    // the drawing is scaled to that width, its text stays at 11 px or more.
    let phone = 390.0 - 32.0;
    assert!(f64::from(DOTS_FONT_SIZE) * (phone / DOTS_WIDTH).min(1.0) >= 11.0);
    // Rows are far enough apart for 13 px labels above 12 px markers.
    let ys: Vec<f64> = chart.rows.iter().map(|r| r.label_y).collect();
    assert!(ys
        .windows(2)
        .all(|w| w[1] - w[0] >= 2.0 * f64::from(DOTS_FONT_SIZE) + 12.0));
    // Every marker sits inside the drawing.
    for r in &chart.rows {
        for m in &r.markers {
            let nums: Vec<f64> =
                m.d.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                    .filter_map(|s| s.parse().ok())
                    .collect();
            assert!(nums.iter().all(|v| *v <= DOTS_WIDTH), "{}", m.d);
        }
    }
}

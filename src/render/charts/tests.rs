use super::scatter::clip_line;
use super::*;
use crate::analytics::group::PillarScores;
use crate::analytics::linkage::Quadrant;
use crate::analytics::maturity::Maturity;
use crate::analytics::stats::least_squares;
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

fn pt(label: &'static str, href: &'static str, x: f64, y: f64, q: Option<Quadrant>) -> ScatterPoint<'static> {
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

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
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
        pt("Lyon <Part-Dieu>", "/t/lyon", 41.5, 88.0, Some(Quadrant::Fragile)),
        pt("Nantes", "/t/nantes", 72.25, 61.0, Some(Quadrant::Untapped)),
        pt("Lille", "/t/lille", 55.0, 70.0, None),
        pt("Brest", "/t/brest", 38.0, 52.5, Some(Quadrant::Vicious)),
        pt("Pau", "/t/pau", 80.0, 90.0, Some(Quadrant::Virtuous)),
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
fn numbers_are_formatted_for_the_reader() {
    assert_eq!(EN.format(12.345, 1, true), "+12.3");
    assert_eq!(EN.format(-0.04, 1, true), "0.0");
    assert_eq!(EN.format(-4.0, 1, true), "\u{2212}4.0");
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
    assert_eq!(chart.rows[1].value_text.as_deref(), Some("\u{2212}0.30"));
    assert_eq!(chart.rows[2].bar, None);
    assert!(chart.rows[2].label.ends_with('…') && !chart.rows[2].translate);
    let scores = bars(meta("s"), &rows[..1], false, "chart-dimension", "chart-favourable", EN);
    assert!(scores.zero.is_none() && scores.rows[0].value_text.as_deref() == Some("0.6"));
}

fn stub_t(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    ctx: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let key = h.param(0).and_then(|p| p.value().as_str());
    let key = key.ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
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
    for name in ["scatter", "bars", "building"] {
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
            Some(ScatterPoint {
                label: &t.name,
                href,
                x: t.group.indices.eei?,
                y: t.group.indices.csi?,
                quadrant: Some(*q),
            })
        })
        .collect();
    // Shop 6 has too few customers, and complementary suppression hides
    // a sibling's figures too: neither may appear as a point.
    assert_eq!(points.len(), 5);
    let pairs: Vec<_> = points.iter().map(|p| (p.x, p.y)).collect();
    let medians = crate::analytics::stats::medians(&pairs).unwrap();
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
    let keys: Vec<String> = drivers.iter().map(|d| format!("dimension-{}", d.dimension)).collect();
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
}

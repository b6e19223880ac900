use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

use super::csv::csv_text;
use super::tables::*;
use super::*;
use crate::analytics::group::GroupReport;
use crate::analytics::{
    build_report, channel_view, CampaignData, CampaignMeta, ItemCode, ReportFilter, Respondent, Settings,
};
use crate::analytics::{CampaignReport, Channel, Dimension, Perspective, Population};

/// The first scipy reference fixture, loaded as the engine's own
/// fixture tests load it.
const FIXTURE: &str = crate::analytics::fixture_tests::FIXTURES[0];
use crate::analytics::fixture_tests::load;

fn meta() -> CampaignMeta {
    CampaignMeta {
        id: "c1".into(),
        name: "Wave 1".into(),
        status: "closed".into(),
    }
}

fn fixture() -> (CampaignData, Settings) {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let settings = Settings {
        anonymity_threshold: fixture["k"].as_u64().unwrap(),
        ..Settings::default()
    };
    (load(&fixture), settings)
}

fn fixture_report() -> CampaignReport {
    let (data, settings) = fixture();
    build_report(&data, &settings, &meta(), &ReportFilter::default()).unwrap()
}

/// org → north (shop1: 6 customers and 5 employees; shop2: 2 customers),
/// south (no answers), and one executive.
fn small_report() -> CampaignReport {
    let mut data = CampaignData::default();
    data.add_team("north", "North", None);
    data.add_team("shop1", "Shop, \"one\"", Some("north"));
    data.add_team("shop2", "Shop 2", Some("north"));
    data.add_team("south", "South", None);
    let item = |c: &str| ItemCode::parse(c).unwrap();
    let mut add = |team: Option<&str>, population, answers: &[(&str, u8)], count| {
        let answers: Vec<(ItemCode, u8)> = answers.iter().map(|(c, v)| (item(c), *v)).collect();
        for _ in 0..count {
            data.add_respondent(&Respondent {
                team,
                population,
                channel: Some(Channel::Web).filter(|_| population == Population::Customer),
                answers: &answers,
            });
        }
    };
    let customer = [("listening.c.1", 2), ("nps", 10), ("fcr", 0)];
    add(Some("shop1"), Population::Customer, &customer, 6);
    add(Some("shop2"), Population::Customer, &customer, 2);
    add(
        Some("shop1"),
        Population::Employee,
        &[("listening.e.1", 5), ("listening.ec.1", 5)],
        5,
    );
    add(Some("shop1"), Population::Manager, &[("listening.me.1", 4)], 1);
    add(None, Population::Executive, &[("listening.xc.1", 5)], 1);
    build_report(&data, &Settings::default(), &meta(), &ReportFilter::default()).unwrap()
}

struct Csv {
    header: Vec<String>,
    rows: Vec<BTreeMap<String, String>>,
}

fn parse(bytes: &[u8]) -> Csv {
    let mut reader = ::csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect();
    Csv { header, rows }
}

fn group_of<'a>(report: &'a CampaignReport, row: &BTreeMap<String, String>) -> &'a GroupReport {
    match row["group_kind"].as_str() {
        "organisation" => &report.organisation,
        _ => &report.teams.iter().find(|t| t.code == row["team_code"]).unwrap().group,
    }
}

/// The cell equals the figure: same f64 after a round trip, or empty.
fn same(cell: &str, figure: Option<f64>) -> bool {
    match figure {
        None => cell.is_empty(),
        Some(v) => cell.parse::<f64>().is_ok_and(|c| c == v && (c - v).abs() < 1e-12),
    }
}

fn same_count(cell: &str, n: Option<u64>) -> bool {
    cell == n.map(|n| n.to_string()).unwrap_or_default()
}

#[test]
fn text_a_spreadsheet_would_run_is_quoted_and_figures_are_not() {
    assert_eq!(
        spreadsheet_safe("=HYPERLINK(\"http://evil.example\",\"x\")"),
        "'=HYPERLINK(\"http://evil.example\",\"x\")"
    );
    for (text, safe) in [
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
    ] {
        assert_eq!(spreadsheet_safe(text), safe);
    }
    for text in ["North", "", "1-2", "a=b", "'quoted"] {
        assert_eq!(spreadsheet_safe(text), text);
    }

    let mut data = CampaignData::default();
    data.add_team("=cmd", "=HYPERLINK(\"http://evil.example\",\"x\")", None);
    data.add_team("-A1", "+1", Some("=cmd"));
    data.add_team("at", "@SUM(A1:A9)", None);
    let item = |c: &str| ItemCode::parse(c).unwrap();
    for (team, population, answers) in [
        ("-A1", Population::Customer, vec![(item("listening.c.1"), 5)]),
        ("-A1", Population::Employee, vec![(item("listening.e.1"), 1)]),
    ] {
        for _ in 0..6 {
            data.add_respondent(&Respondent {
                team: Some(team),
                population,
                channel: None,
                answers: &answers,
            });
        }
    }
    let report = build_report(&data, &Settings::default(), &meta(), &ReportFilter::default()).unwrap();
    for bytes in [
        report_csv(&report).unwrap(),
        gaps_csv(&report).unwrap(),
        indices_csv(&report).unwrap(),
    ] {
        let csv = parse(&bytes);
        for row in &csv.rows {
            for column in ["team_code", "team_name", "parent_code"] {
                let cell = &row[column];
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{column}: {cell}");
            }
        }
        let names: Vec<&str> = csv.rows.iter().map(|r| r["team_name"].as_str()).collect();
        assert!(names.contains(&"'=HYPERLINK(\"http://evil.example\",\"x\")"));
        assert!(names.contains(&"'+1") && names.contains(&"'@SUM(A1:A9)"));
    }
    // The symmetry gap of -A1 is negative: still a number in the CSV.
    let gaps = parse(&gaps_csv(&report).unwrap());
    let negative = gaps
        .rows
        .iter()
        .find(|r| r["team_code"] == "'-A1" && r["gap"] == "symmetry" && r["dimension"] == "listening")
        .unwrap();
    assert!(negative["points"].starts_with('-'), "{:?}", negative["points"]);
    assert!(negative["points"].parse::<f64>().unwrap() < 0.0);
}

#[test]
fn scores_csv_has_one_row_per_group_dimension_and_perspective() {
    let report = fixture_report();
    let csv = parse(&report_csv(&report).unwrap());
    assert_eq!(
        csv.header,
        [
            "group_kind",
            "team_code",
            "team_name",
            "parent_code",
            "dimension",
            "perspective",
            "n",
            "favourable",
            "ci_low",
            "ci_high",
            "mean",
            "suppressed"
        ]
    );
    let groups = 1 + report.teams.len();
    assert_eq!(csv.rows.len(), groups * Perspective::ALL.len() * Dimension::ALL.len());
    let first = &csv.rows[0];
    assert_eq!(
        (first["group_kind"].as_str(), first["team_code"].as_str()),
        ("organisation", "")
    );
}

#[test]
fn every_score_in_the_csv_is_the_reports_figure_at_full_precision() {
    let report = fixture_report();
    let csv = parse(&report_csv(&report).unwrap());
    let (mut compared, mut suppressed) = (0, 0);
    for row in &csv.rows {
        let d = Dimension::parse(&row["dimension"]).unwrap();
        let p = Perspective::parse(&row["perspective"]).unwrap();
        let score = group_of(&report, row).dimensions[&d].score(p);
        assert!(same(&row["favourable"], score.favourable), "{row:?}");
        assert!(same(&row["ci_low"], score.ci_low) && same(&row["ci_high"], score.ci_high));
        assert!(same(&row["mean"], score.mean) && same_count(&row["n"], score.n));
        assert_eq!(row["suppressed"] == "true", score.n.is_none());
        if row["suppressed"] == "true" {
            let figures = ["n", "favourable", "ci_low", "ci_high", "mean"];
            assert!(
                figures.iter().all(|f| row[*f].is_empty()),
                "suppressed row with a value: {row:?}"
            );
            suppressed += 1;
        }
        compared += usize::from(score.favourable.is_some());
    }
    assert!(
        compared > 1000 && suppressed > 10,
        "{compared} compared, {suppressed} suppressed"
    );
}

#[test]
fn gaps_and_indices_csv_carry_the_reports_figures() {
    let report = fixture_report();
    let gaps = parse(&gaps_csv(&report).unwrap());
    let groups = 1 + report.teams.len();
    assert_eq!(gaps.rows.len(), groups * Dimension::ALL.len() * GAP_KINDS.len());
    for row in &gaps.rows {
        let g = group_of(&report, row);
        let dimension = &g.dimensions[&Dimension::parse(&row["dimension"]).unwrap()];
        let (kind, a, b) = GAP_KINDS.iter().find(|k| k.0.as_str() == row["gap"]).unwrap();
        assert_eq!(
            (row["perspective_a"].as_str(), row["perspective_b"].as_str()),
            (a.as_str(), b.as_str())
        );
        assert!(same_count(&row["n_a"], dimension.score(*a).n));
        let figures = gap_figures(&dimension.gaps, *kind);
        assert!(same(&row["points"], figures.map(|f| f.0)), "{row:?}");
        assert!(same(&row["p"], figures.and_then(|f| f.1).map(|t| t.p)));
        assert!(same(&row["q"], figures.and_then(|f| f.1).map(|t| t.q)));
        let significant = figures
            .and_then(|f| f.1)
            .map(|t| t.significant.to_string())
            .unwrap_or_default();
        assert_eq!(row["significant"], significant);
    }
    let indices = parse(&indices_csv(&report).unwrap());
    assert_eq!(indices.header.len(), 4 + INDEX_COLUMNS.len());
    assert_eq!(indices.rows.len(), groups);
    for row in &indices.rows {
        let g = group_of(&report, row);
        assert!(same(&row["csi"], g.indices.csi) && same(&row["eei"], g.indices.eei));
        assert!(same(&row["nps"], g.indices.nps.score) && same_count(&row["nps_n"], g.indices.nps.n));
        assert!(same(&row["nps_ci_low"], g.indices.nps.ci_low));
        assert!(same(&row["csat"], g.indices.csat.value) && same(&row["ies"], g.indices.ies.value));
        assert!(same(&row["cos_strong"], g.indices.cos.as_ref().map(|c| c.strong)));
        assert!(same(&row["customer_link"], g.pillars.customer.link));
        assert!(same_count(&row["n_customer"], g.n.customer));
        let maturity = g.maturity.employee.map(maturity_code).unwrap_or_default();
        assert_eq!(row["employee_maturity"], maturity);
    }
}

#[test]
fn a_suppressed_team_shows_no_figure_and_no_count() {
    let report = small_report();
    let shop2 = &report.teams.iter().find(|t| t.code == "shop2").unwrap().group;
    assert_eq!(shop2.n.customer, None, "the fixture must exercise suppression");
    let scores = parse(&report_csv(&report).unwrap());
    for row in scores.rows.iter().filter(|r| r["team_code"] == "shop2") {
        if row["perspective"] == "customer" {
            assert_eq!(row["n"], "");
            assert_eq!(row["favourable"], "");
            assert_eq!(row["suppressed"], "true");
        }
    }
    let gaps = parse(&gaps_csv(&report).unwrap());
    for row in gaps.rows.iter().filter(|r| r["team_code"] == "shop2") {
        for f in ["points", "p", "q", "significant"] {
            assert_eq!(row[f], "", "{row:?}");
        }
    }
    let indices = parse(&indices_csv(&report).unwrap());
    let row = indices.rows.iter().find(|r| r["team_code"] == "shop2").unwrap();
    for f in [
        "n_customer",
        "csi",
        "nps",
        "nps_n",
        "fcr",
        "fcr_n",
        "customer_execution",
        "customer_maturity",
    ] {
        assert_eq!(row[f], "", "{f}");
    }
    assert_eq!(row["suppressed_customer"], "true");
    // Quoting survives a comma and quotes in a team name.
    assert!(indices.rows.iter().any(|r| r["team_name"] == "Shop, \"one\""));
    // The executive's estimate is shown (signed), and its gap with it.
    let org = gaps
        .rows
        .iter()
        .find(|r| {
            r["group_kind"] == "organisation" && r["dimension"] == "listening" && r["gap"] == "leadership_customer"
        })
        .unwrap();
    let expected = report.organisation.dimensions[&Dimension::Listening]
        .gaps
        .leadership_customer
        .as_ref()
        .unwrap();
    assert!(same(&org["points"], Some(expected.points)));
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).unwrap()
}

fn number(cell: Option<&Data>) -> Option<f64> {
    match cell {
        Some(Data::Float(v)) => Some(*v),
        Some(Data::Int(v)) => Some(*v as f64),
        None | Some(Data::Empty) => None,
        Some(other) => panic!("not a number: {other:?}"),
    }
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        None | Some(Data::Empty) => String::new(),
        Some(other) => panic!("not text: {other:?}"),
    }
}

fn labels(key: &str) -> String {
    format!("«{key}»")
}

#[test]
fn the_workbook_opens_with_its_sheets_and_the_reports_figures() {
    let (data, settings) = fixture();
    let report = build_report(&data, &settings, &meta(), &ReportFilter::default()).unwrap();
    let view = channel_view(&data, &settings, &ReportFilter::default()).unwrap();
    let mut book = open(
        &report_xlsx(&report, Some(&view), &labels, &|b| {
            crate::render::reason::sentence("en", b)
        })
        .unwrap(),
    );
    assert_eq!(book.sheet_names(), SHEETS);

    // Scores: label and code columns, then the figures as numbers.
    let scores = book.worksheet_range("Scores").unwrap();
    assert_eq!(text(scores.get_value((0, 5))), "«export-column-dimension»");
    assert_eq!(text(scores.get_value((1, 6))), "dimension");
    assert_eq!(text(scores.get_value((2, 5))), "«dimension-courtesy»");
    assert_eq!(text(scores.get_value((2, 7))), "«perspective-c»");
    let favourable = (0..18)
        .find(|&c| text(scores.get_value((1, c))) == "favourable")
        .unwrap();
    let n = favourable - 1;
    let mut row = 2;
    for group in groups(&report) {
        for &d in Dimension::ALL {
            for &p in Perspective::ALL {
                let score = group.report.dimensions[&d].score(p);
                assert_eq!(number(scores.get_value((row, favourable))), score.favourable);
                assert_eq!(number(scores.get_value((row, n))), score.n.map(|n| n as f64));
                row += 1;
            }
        }
    }

    // Summary: the organisation's CSI and the linkage.
    let summary = book.worksheet_range("Summary").unwrap();
    let find = |code: &str| {
        (0..summary.height() as u32)
            .find(|&r| text(summary.get_value((r, 1))) == code)
            .unwrap()
    };
    assert_eq!(
        number(summary.get_value((find("csi"), 2))),
        report.organisation.indices.csi
    );
    let r = report.linkage.eei_csi.as_ref().map(|c| c.pearson.r);
    assert_eq!(number(summary.get_value((find("linkage.eei_csi.pearson"), 2))), r);
    assert_eq!(
        text(summary.get_value((find("pillar.customer.link"), 0))),
        "«population-customer» · «pillar-link»"
    );

    // Heat-map: symmetry gaps, empty where suppressed.
    let heat = book.worksheet_range("Heat-map").unwrap();
    let listening = 5 + 3; // courtesy, facilitation, values, listening
    assert_eq!(text(heat.get_value((1, listening))), "listening");
    let mut empty = 0;
    for (i, group) in groups(&report).iter().enumerate() {
        let gap = group.report.dimensions[&Dimension::Listening].gaps.symmetry.as_ref();
        let cell = number(heat.get_value((2 + i as u32, listening)));
        assert_eq!(cell, gap.map(|g| g.points));
        empty += usize::from(cell.is_none());
    }
    assert!(empty > 0, "some gaps should be suppressed");

    // Channels and linkage are there.
    let channels = book.worksheet_range("Channels").unwrap();
    assert_eq!(channels.height(), 2 + Dimension::ALL.len() * Channel::ALL.len());
    let linkage = book.worksheet_range("Linkage").unwrap();
    assert_eq!(text(linkage.get_value((2, 1))), "eei_csi");
    assert_eq!(number(linkage.get_value((2, 2))), r);
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let report = fixture_report();
    let once = report_xlsx(&report, None, &labels, &|b| crate::render::reason::sentence("en", b)).unwrap();
    let twice = report_xlsx(&report, None, &labels, &|b| crate::render::reason::sentence("en", b)).unwrap();
    assert!(once == twice, "XLSX bytes differ between two runs");
    assert_eq!(report_csv(&report).unwrap(), report_csv(&report).unwrap());
    let names = open(&once).sheet_names();
    assert!(!names.iter().any(|n| n == "Channels"));
    assert_eq!(names.len(), SHEETS.len() - 1);
}

#[test]
fn a_small_report_renders_recommendations_and_an_unavailable_linkage() {
    let report = small_report();
    let mut book = open(&report_xlsx(&report, None, &labels, &|b| crate::render::reason::sentence("en", b)).unwrap());
    let linkage = book.worksheet_range("Linkage").unwrap();
    assert_eq!(number(linkage.get_value((2, 2))), None);
    let recommendations = book.worksheet_range("Recommendations").unwrap();
    let total: usize = groups(&report)
        .iter()
        .flat_map(|g| &g.report.recommendations)
        .map(|r| r.because.len())
        .sum();
    assert!(total > 0);
    assert_eq!(recommendations.height(), 2 + total);
    assert!(text(recommendations.get_value((2, 6))).starts_with("«action-"));
    // Rank, then the reason in the reader's language beside the action.
    let first = groups(&report)
        .iter()
        .flat_map(|g| &g.report.recommendations)
        .next()
        .unwrap()
        .clone();
    assert_eq!(number(recommendations.get_value((2, 5))), Some(first.rank as f64));
    assert_eq!(
        text(recommendations.get_value((2, 8))),
        crate::render::reason::of("en", &first)
    );
    assert!(text(recommendations.get_value((1, 8))) == "reason");
}

proptest::proptest! {
    #[test]
    fn csv_numbers_read_back_to_the_same_f64(v in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
        let text = csv_text(&Cell::number(Some(v), Fmt::Points, false));
        proptest::prop_assert_eq!(text.parse::<f64>().unwrap(), v);
    }
}

#[test]
fn invitations_are_one_link_a_row_with_a_spreadsheet_safe_team() {
    let links = vec!["http://127.0.0.1/i/a".to_owned(), "http://127.0.0.1/i/b".to_owned()];
    let bytes = invitations_csv("=SUM(A1)", &links).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        text,
        "team,link\n'=SUM(A1),http://127.0.0.1/i/a\n'=SUM(A1),http://127.0.0.1/i/b\n"
    );
    assert_eq!(invitations_csv("north", &[]).unwrap(), b"team,link\n");
}

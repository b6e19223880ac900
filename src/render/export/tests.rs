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
        report_csv(&report, CsvFormat::DATA).unwrap(),
        gaps_csv(&report, CsvFormat::DATA).unwrap(),
        indices_csv(&report, CsvFormat::DATA).unwrap(),
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
    let gaps = parse(&gaps_csv(&report, CsvFormat::DATA).unwrap());
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
    let csv = parse(&report_csv(&report, CsvFormat::DATA).unwrap());
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
    let csv = parse(&report_csv(&report, CsvFormat::DATA).unwrap());
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
    let gaps = parse(&gaps_csv(&report, CsvFormat::DATA).unwrap());
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
    let indices = parse(&indices_csv(&report, CsvFormat::DATA).unwrap());
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
    let scores = parse(&report_csv(&report, CsvFormat::DATA).unwrap());
    for row in scores.rows.iter().filter(|r| r["team_code"] == "shop2") {
        if row["perspective"] == "customer" {
            assert_eq!(row["n"], "");
            assert_eq!(row["favourable"], "");
            assert_eq!(row["suppressed"], "true");
        }
    }
    let gaps = parse(&gaps_csv(&report, CsvFormat::DATA).unwrap());
    for row in gaps.rows.iter().filter(|r| r["team_code"] == "shop2") {
        for f in ["points", "p", "q", "significant"] {
            assert_eq!(row[f], "", "{row:?}");
        }
    }
    let indices = parse(&indices_csv(&report, CsvFormat::DATA).unwrap());
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

/// Cross-wave figures of a shape the engine gives (issue #15): an EEI/CSI
/// panel, one dimension's panel, one adopted point with both sides.
fn sample_waves() -> (crate::analytics::CrossLagged, crate::analytics::DifferenceInDifferences) {
    use crate::analytics::lagged::{Contrast, Panel, Precedence, SideContrasts};
    use crate::analytics::regression::Estimate;
    let estimate = |v: f64| Estimate::new(v, 0.1, 40.0).unwrap();
    let panel = Panel {
        teams: 43,
        employees_to_customers: estimate(0.44),
        customers_to_employees: estimate(0.05),
        employee_stability: estimate(0.6),
        customer_stability: estimate(0.5),
        difference: estimate(0.39),
        precedence: Precedence::EmployeesFirst,
    };
    let mut dimensions = BTreeMap::new();
    dimensions.insert(Dimension::ALL[0], Some(panel.clone()));
    dimensions.insert(Dimension::ALL[1], None);
    let cross = crate::analytics::CrossLagged {
        eligible_teams: 43,
        indices: Some(panel),
        dimensions,
    };
    let contrast = Contrast {
        adopting_teams: 7,
        other_teams: 30,
        adopting_change: 6.5,
        other_change: 1.25,
        difference: Estimate::new(5.25, 1.5, 11.2),
    };
    let sides = SideContrasts {
        customer: Some(contrast.clone()),
        employee: Some(contrast),
    };
    let mut per_dimension = BTreeMap::new();
    per_dimension.insert(Dimension::ALL[2], sides.clone());
    let did = crate::analytics::DifferenceInDifferences {
        action: "listen-inside".into(),
        targets: sides,
        dimensions: per_dimension,
    };
    (cross, did)
}

/// The cross-wave figures of [`sample_waves`] against a wave named "Vague 2".
fn waves_of<'a>(
    cross: &'a crate::analytics::CrossLagged,
    did: &'a crate::analytics::DifferenceInDifferences,
) -> Waves<'a> {
    Waves {
        previous: "Vague 2",
        cross_lagged: cross,
        actions: vec![did],
    }
}

#[test]
fn the_waves_table_has_one_row_per_figure_at_full_precision() {
    let (cross, did) = sample_waves();
    let waves = waves_of(&cross, &did);
    let table = waves_table(Some(&waves));
    // Two panels (the third dimension's is too small) × 5 paths, and the
    // point's targets and one dimension × 2 sides.
    assert_eq!(table.rows.len(), 2 * 5 + 2 * 2);
    let csv = String::from_utf8(waves_csv(Some(&waves), CsvFormat::DATA).unwrap()).unwrap();
    let mut reader = ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 14);
    let first = &rows[0];
    assert_eq!(&first[column("analysis")], "cross_lagged");
    assert_eq!(&first[column("previous_campaign")], "Vague 2");
    assert_eq!(&first[column("dimension")], "");
    assert_eq!(&first[column("path")], "employees_to_customers");
    assert_eq!(first[column("estimate")].parse::<f64>().unwrap(), 0.44);
    let e = &cross.indices.as_ref().unwrap().employees_to_customers;
    assert_eq!(first[column("ci_low")].parse::<f64>().unwrap(), e.ci_low);
    assert_eq!(first[column("p")].parse::<f64>().unwrap(), e.p);
    assert_eq!(&rows[4][column("reading")], "employees_first");
    let did_row = rows
        .iter()
        .find(|r| &r[column("analysis")] == "difference_in_differences")
        .unwrap();
    assert_eq!(&did_row[column("adopted_point")], "listen-inside");
    assert_eq!(&did_row[column("side")], "customer");
    assert_eq!(&did_row[column("teams")], "37");
    assert_eq!(&did_row[column("adopting_teams")], "7");
    assert_eq!(did_row[column("estimate")].parse::<f64>().unwrap(), 5.25);
    assert_eq!(did_row[column("other_change")].parse::<f64>().unwrap(), 1.25);
    // Without a previous wave: the header alone.
    let empty = String::from_utf8(waves_csv(None, CsvFormat::DATA).unwrap()).unwrap();
    assert_eq!(empty.trim_end().lines().count(), 1);
}

fn labels(key: &str) -> String {
    format!("«{key}»")
}

/// A sheet's name as [`labels`] writes it.
fn sheet(code: &str) -> String {
    labels(&format!("export-sheet-{code}"))
}

#[test]
fn the_workbook_opens_with_its_sheets_and_the_reports_figures() {
    let (cross, did) = sample_waves();
    let waves = waves_of(&cross, &did);
    let (data, settings) = fixture();
    let report = build_report(&data, &settings, &meta(), &ReportFilter::default()).unwrap();
    let view = channel_view(&data, &settings, &ReportFilter::default()).unwrap();
    let mut book = open(
        &report_xlsx(&report, Some(&view), Some(&waves), &labels, &|b| {
            crate::render::reason::sentence("en", b)
        })
        .unwrap(),
    );
    assert_eq!(book.sheet_names(), SHEETS.map(sheet));

    // Scores: one header row, label and code columns, then the figures.
    let scores = book.worksheet_range(&sheet("scores")).unwrap();
    assert_eq!(text(scores.get_value((0, 5))), "«export-column-dimension»");
    assert_eq!(text(scores.get_value((0, 6))), "«export-column-dimension-code»");
    assert_eq!(text(scores.get_value((1, 5))), "«dimension-courtesy»");
    assert_eq!(text(scores.get_value((1, 6))), "courtesy");
    assert_eq!(text(scores.get_value((1, 7))), "«perspective-c»");
    let favourable = (0..18)
        .find(|&c| text(scores.get_value((0, c))) == "«export-column-favourable»")
        .unwrap();
    let n = favourable - 1;
    let mut row = 1;
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
    let summary = book.worksheet_range(&sheet("summary")).unwrap();
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
    let heat = book.worksheet_range(&sheet("heat-map")).unwrap();
    let listening = 5 + 3; // courtesy, facilitation, values, listening
    assert_eq!(text(heat.get_value((0, listening))), "«dimension-listening»");
    let mut empty = 0;
    for (i, group) in groups(&report).iter().enumerate() {
        let gap = group.report.dimensions[&Dimension::Listening].gaps.symmetry.as_ref();
        let cell = number(heat.get_value((1 + i as u32, listening)));
        assert_eq!(cell, gap.map(|g| g.points));
        empty += usize::from(cell.is_none());
    }
    assert!(empty > 0, "some gaps should be suppressed");

    // Channels and linkage are there.
    let channels = book.worksheet_range(&sheet("channels")).unwrap();
    assert_eq!(channels.height(), 1 + Dimension::ALL.len() * Channel::ALL.len());
    let linkage = book.worksheet_range(&sheet("linkage")).unwrap();
    assert_eq!(text(linkage.get_value((1, 1))), "eei_csi");
    assert_eq!(number(linkage.get_value((1, 2))), r);
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let report = fixture_report();
    let once = report_xlsx(&report, None, None, &labels, &|b| {
        crate::render::reason::sentence("en", b)
    })
    .unwrap();
    let twice = report_xlsx(&report, None, None, &labels, &|b| {
        crate::render::reason::sentence("en", b)
    })
    .unwrap();
    assert!(once == twice, "XLSX bytes differ between two runs");
    assert_eq!(
        report_csv(&report, CsvFormat::DATA).unwrap(),
        report_csv(&report, CsvFormat::DATA).unwrap()
    );
    let names = open(&once).sheet_names();
    assert!(!names.contains(&sheet("channels")) && !names.contains(&sheet("waves")));
    assert_eq!(names.len(), SHEETS.len() - 2);
}

#[test]
fn a_small_report_renders_recommendations_and_an_unavailable_linkage() {
    let report = small_report();
    let mut book = open(
        &report_xlsx(&report, None, None, &labels, &|b| {
            crate::render::reason::sentence("en", b)
        })
        .unwrap(),
    );
    let linkage = book.worksheet_range(&sheet("linkage")).unwrap();
    assert_eq!(number(linkage.get_value((1, 2))), None);
    let recommendations = book.worksheet_range(&sheet("recommendations")).unwrap();
    let total: usize = groups(&report)
        .iter()
        .flat_map(|g| &g.report.recommendations)
        .map(|r| r.because.len())
        .sum();
    assert!(total > 0);
    assert_eq!(recommendations.height(), 1 + total);
    assert!(text(recommendations.get_value((1, 6))).starts_with("«action-"));
    // Rank, then the reason in the reader's language beside the action.
    let first = groups(&report)
        .iter()
        .flat_map(|g| &g.report.recommendations)
        .next()
        .unwrap()
        .clone();
    assert_eq!(number(recommendations.get_value((1, 5))), Some(first.rank as f64));
    assert_eq!(
        text(recommendations.get_value((1, 8))),
        crate::render::reason::of("en", &first)
    );
    assert!(text(recommendations.get_value((0, 8))) == "«export-column-reason»");
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

#[test]
fn export_file_names_are_ascii_slugs_of_organisation_and_campaign() {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    assert_eq!(
        file_name("ACME", "Vague 2", date, "scores.csv"),
        "miroir-acme-vague-2-2026-11-29-scores.csv"
    );
    assert_eq!(
        file_name("Société Générale d'Œuvres", "Été — 2026 !", date, "report.xlsx"),
        "miroir-societe-generale-d-oeuvres-ete-2026-2026-11-29-report.xlsx"
    );
    assert_eq!(file_name("北京", "", date, "gaps.csv"), "miroir-2026-11-29-gaps.csv");
}

/// Reads a CSV as French Excel would: the BOM says UTF-8, cells are
/// separated by `;`, figures have a decimal comma.
fn parse_french(bytes: &[u8]) -> Csv {
    let body = bytes
        .strip_prefix(BOM)
        .expect("a French spreadsheet needs the BOM to read UTF-8");
    let text = std::str::from_utf8(body).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.contains(';') && !first.contains(','), "{first}");
    let mut reader = ::csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
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

/// A French cell as the page rounds the figure (`decimals` places).
fn french(figure: Option<f64>, decimals: usize) -> String {
    figure.map_or(String::new(), |v| {
        crate::render::number::NumberStyle::Comma
            .format(v, decimals, false)
            .replace(crate::render::number::MINUS, "-")
    })
}

#[test]
fn a_readable_french_csv_has_bom_semicolons_and_the_pages_rounded_figures() {
    let report = fixture_report();
    let format = CsvFormat {
        dialect: Dialect::for_lang("fr"),
        readable: true,
    };
    assert_eq!(format.dialect, Dialect::Semicolon);
    let scores = parse_french(&report_csv(&report, format).unwrap());
    let mut compared = 0;
    for row in &scores.rows {
        let d = Dimension::parse(&row["dimension"]).unwrap();
        let p = Perspective::parse(&row["perspective"]).unwrap();
        let score = group_of(&report, row).dimensions[&d].score(p);
        assert_eq!(row["favourable"], french(score.favourable, 1), "{row:?}");
        assert_eq!(row["ci_low"], french(score.ci_low, 1));
        assert_eq!(row["ci_high"], french(score.ci_high, 1));
        assert_eq!(row["mean"], french(score.mean, 2));
        assert!(same_count(&row["n"], score.n));
        if let Some(v) = score.favourable {
            // A number French Excel reads: digits and one decimal comma.
            let cell = &row["favourable"];
            assert!(
                cell.replace(',', ".")
                    .parse::<f64>()
                    .is_ok_and(|c| (c - v).abs() <= 0.05 + 1e-9),
                "{cell} vs {v}"
            );
            assert!(!cell.contains('.'));
            compared += 1;
        }
    }
    assert!(compared > 1000, "{compared}");
    let gaps = parse_french(&gaps_csv(&report, format).unwrap());
    let (mut negative, mut with_q) = (0, 0);
    for row in &gaps.rows {
        if row["points"].starts_with('-') {
            negative += 1;
        }
        if !row["q"].is_empty() {
            assert!(row["q"].len() == 5 && row["q"].contains(','), "{row:?}");
            with_q += 1;
        }
    }
    assert!(
        negative > 10 && with_q > 10,
        "{negative} negative gaps, {with_q} with q"
    );
    let indices = parse_french(&indices_csv(&report, format).unwrap());
    let org = &report.organisation;
    assert_eq!(indices.rows[0]["csi"], french(org.indices.csi, 1));
}

#[test]
fn a_french_data_csv_keeps_full_precision_with_a_decimal_comma() {
    let report = fixture_report();
    let format = CsvFormat {
        dialect: Dialect::Semicolon,
        readable: false,
    };
    let scores = parse_french(&report_csv(&report, format).unwrap());
    let mut compared = 0;
    for row in &scores.rows {
        let d = Dimension::parse(&row["dimension"]).unwrap();
        let p = Perspective::parse(&row["perspective"]).unwrap();
        let score = group_of(&report, row).dimensions[&d].score(p);
        assert!(same(&row["favourable"].replace(',', "."), score.favourable), "{row:?}");
        compared += usize::from(score.favourable.is_some());
    }
    assert!(compared > 1000);
    // And the English data export is the API's: comma, point, BOM.
    let data = report_csv(&report, CsvFormat::DATA).unwrap();
    assert!(data.starts_with(BOM) && data[BOM.len()..].starts_with(b"group_kind,team_code,"));
}

/// Every message key the workbook asks for, in order of first use.
fn workbook_keys() -> Vec<String> {
    let (data, settings) = fixture();
    let report = build_report(&data, &settings, &meta(), &ReportFilter::default()).unwrap();
    let view = channel_view(&data, &settings, &ReportFilter::default()).unwrap();
    let asked = std::cell::RefCell::new(Vec::<String>::new());
    let record = |key: &str| {
        let mut asked = asked.borrow_mut();
        if !asked.iter().any(|k| k == key) {
            asked.push(key.to_owned());
        }
        key.to_owned()
    };
    let (cross, did) = sample_waves();
    let waves = waves_of(&cross, &did);
    report_xlsx(&report, Some(&view), Some(&waves), &record, &|b| {
        crate::render::reason::sentence("en", b)
    })
    .unwrap();
    let small = small_report();
    report_xlsx(&small, None, None, &record, &|b| {
        crate::render::reason::sentence("en", b)
    })
    .unwrap();
    asked.into_inner()
}

#[test]
fn every_label_of_the_workbook_is_translated() {
    let keys = workbook_keys();
    assert!(keys.len() > 50, "{}", keys.len());
    for lang in crate::i18n::supported() {
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| crate::i18n::try_translate(lang, k, None).is_none())
            .collect();
        assert!(missing.is_empty(), "{lang}: {missing:#?}");
    }
}

/// The workbook as a reader opens it in `lang`: sheet names and the one
/// header row in their language, no message key left, counts filled.
fn check_translated_workbook(lang: &str, sheets: [&str; 3], favourable: &str) {
    let (data, settings) = fixture();
    let report = build_report(&data, &settings, &meta(), &ReportFilter::default()).unwrap();
    let view = channel_view(&data, &settings, &ReportFilter::default()).unwrap();
    let translate = |key: &str| crate::i18n::t(lang, key);
    let (cross, did) = sample_waves();
    let waves = waves_of(&cross, &did);
    let bytes = report_xlsx(&report, Some(&view), Some(&waves), &translate, &|b| {
        crate::render::reason::sentence(lang, b)
    })
    .unwrap();
    let mut book = open(&bytes);
    let names = book.sheet_names();
    assert_eq!(names.len(), SHEETS.len());
    for name in sheets {
        assert!(names.iter().any(|n| n == name), "{lang}: {names:?}");
    }
    for name in &names {
        let range = book.worksheet_range(name).unwrap();
        for c in 0..range.width() as u32 {
            let header = text(range.get_value((0, c)));
            assert!(
                !header.starts_with("export") && !header.contains("export-") && !header.contains('_'),
                "{lang} {name}: raw header {header:?}"
            );
        }
        // One header row: the second row is data, not column names.
        assert_ne!(text(range.get_value((1, 1))), "group_kind_label");
    }
    let scores = book.worksheet_range(&names[1]).unwrap();
    assert!((0..20).any(|c| text(scores.get_value((0, c))) == favourable), "{lang}");
    // The summary's respondent counts are there, in the value column.
    let summary = book.worksheet_range(&names[0]).unwrap();
    let value = (0..6)
        .find(|&c| text(summary.get_value((0, c))) == crate::i18n::t(lang, "export-column-value"))
        .unwrap();
    let row = (0..summary.height() as u32)
        .find(|&r| text(summary.get_value((r, 1))) == "n.customer")
        .unwrap();
    let n = report.organisation.n.customer.unwrap() as f64;
    assert_eq!(number(summary.get_value((row, value))), Some(n));
    assert_eq!(number(summary.get_value((row, value + 3))), Some(n));
    assert!(n > 100.0);
}

#[test]
fn the_workbook_speaks_french_and_english() {
    check_translated_workbook("fr", ["Synthèse", "Écarts", "Carte des écarts"], "Favorables (%)");
    check_translated_workbook("en", ["Summary", "Gaps", "Heat-map"], "Favourable (%)");
}

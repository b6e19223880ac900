//! Report exports: the campaign report of API.md rendered as CSV tables and
//! as an XLSX workbook. Pure renderings (report in, bytes out): every figure
//! comes from the report structs, at full precision, so the exports show the
//! same numbers as the pages and the API. A figure that anonymity suppressed
//! is `None` in the structs and an empty cell here, never a value.
//!
//! Each table is built once as a `Table` of typed cells and written twice:
//! to CSV (stable snake_case column names, codes only) and to an XLSX sheet
//! (two header rows — the reader's language, then the CSV column names — and
//! every coded column doubled into a translated label and its code).
//!
//! CSV layouts (UTF-8, comma, header row; one row per line below):
//! * [`report_csv`]: group × dimension × perspective — `group_kind`,
//!   `team_code`, `team_name`, `parent_code`, `dimension`, `perspective`,
//!   `n`, `favourable`, `ci_low`, `ci_high`, `mean`, `suppressed`.
//! * [`gaps_csv`]: group × dimension × gap — `group_kind`, `team_code`,
//!   `team_name`, `parent_code`, `dimension`, `gap`, `perspective_a`, `n_a`,
//!   `perspective_b`, `n_b`, `points` (= favourable(a) − favourable(b)),
//!   `p`, `significant` (both empty for the untested manager gaps).
//! * [`indices_csv`]: one row per group — identity, population counts and
//!   flags, CSI, EEI, NPS/eNPS with interval and n, CSAT/CES/FCR/IES with
//!   their n, COS shares, pillars and maturity of each side (see
//!   [`INDEX_COLUMNS`]). CSI, pillars and maturity rest on `n_customer`,
//!   EEI and COS on `n_employee`, in the same row.
//!
//! Groups come in report order: the organisation (or the filtered subtree,
//! `group_kind` = `organisation`, empty team columns), then each team.

use std::borrow::Cow;

use anyhow::{anyhow, Result};
use rust_xlsxwriter::{
    ColNum, Color, ConditionalFormat3ColorScale, ConditionalFormatType, DocProperties, ExcelDateTime, Format,
    FormatBorder, Note, RowNum, Workbook, Worksheet,
};

use crate::analytics::group::{DimensionReport, Gaps, GroupReport};
use crate::analytics::linkage::{Correlation, Quadrant};
use crate::analytics::maturity::Maturity;
use crate::analytics::recommendations::GapKind;
use crate::analytics::report::TeamReport;
use crate::analytics::scores::{NetScore, Score, Share};
use crate::analytics::{CampaignReport, Channel, ChannelView, Dimension, Perspective, Pillar, Population};

/// Sheet names of [`report_xlsx`], in order ("Channels" only with a view).
pub const SHEETS: [&str; 8] = [
    "Summary",
    "Scores",
    "Gaps",
    "Teams",
    "Heat-map",
    "Linkage",
    "Channels",
    "Recommendations",
];

/// Heat-map colours are fixed in points (not relative to the data) so that
/// two workbooks compare at a glance: ±HEAT_SCALE and beyond are saturated.
const HEAT_SCALE: f64 = 25.0;
/// Rows above the data in every sheet: labels, then CSV column names.
const HEADER_ROWS: usize = 2;
/// Widest autofitted column, in pixels.
const MAX_COLUMN_PIXELS: u32 = 320;

/// Number formats; the figure itself is stored at full precision.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fmt {
    /// Percentages and points, one decimal.
    Points,
    /// A significant gap: points in bold.
    SignificantPoints,
    /// p-values: three decimals (one would show most of them as 0.0).
    Probability,
    /// Correlation coefficients: two decimals.
    Correlation,
    /// Means on the 1–5 scale: two decimals.
    Mean,
}

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// No figure (nothing to compute, e.g. no answers).
    Empty,
    /// Suppressed by anonymity: empty too, noted in the heat-map.
    Hidden,
    Text(String),
    /// A code and the message keys of its label (joined with " · ").
    Code {
        code: String,
        keys: Vec<String>,
    },
    Number(f64, Fmt),
    Count(u64),
    Flag(bool),
}

impl Cell {
    fn number(value: Option<f64>, fmt: Fmt, hidden: bool) -> Cell {
        match value.filter(|v| v.is_finite()) {
            Some(v) => Cell::Number(v, fmt),
            None if hidden => Cell::Hidden,
            None => Cell::Empty,
        }
    }

    fn count(value: Option<u64>, hidden: bool) -> Cell {
        match value {
            Some(n) => Cell::Count(n),
            None if hidden => Cell::Hidden,
            None => Cell::Empty,
        }
    }

    fn code(code: &str, key: String) -> Cell {
        Cell::Code {
            code: code.to_owned(),
            keys: vec![key],
        }
    }

    fn text(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Column {
    /// CSV header and XLSX second header row.
    name: String,
    /// Message key of the translated header.
    key: String,
    /// XLSX: a label column followed by a code column (key + `-code`).
    coded: bool,
}

fn col(name: &str) -> Column {
    Column {
        name: name.to_owned(),
        key: format!("export-column-{}", name.replace('_', "-")),
        coded: false,
    }
}

fn coded(name: &str) -> Column {
    Column {
        coded: true,
        ..col(name)
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

// ---------------------------------------------------------------- groups

/// A group of the report and the four columns that name it.
struct Group<'a> {
    team: Option<&'a TeamReport>,
    report: &'a GroupReport,
}

impl Group<'_> {
    fn identity(&self) -> Vec<Cell> {
        let kind = if self.team.is_some() { "team" } else { "organisation" };
        let text = |v: Option<&str>| v.map_or(Cell::Empty, Cell::text);
        vec![
            Cell::code(kind, format!("export-group-{kind}")),
            text(self.team.map(|t| t.code.as_str())),
            text(self.team.map(|t| t.name.as_str())),
            text(self.team.and_then(|t| t.parent_code.as_deref())),
        ]
    }

    fn hidden(&self, population: Population) -> bool {
        let n = &self.report.n;
        match population {
            Population::Customer => n.customer.is_none(),
            Population::Employee => n.employee.is_none(),
            Population::Manager => n.manager.is_none(),
            Population::Executive => n.executive.is_none(),
        }
    }
}

fn groups(report: &CampaignReport) -> Vec<Group<'_>> {
    let organisation = Group {
        team: None,
        report: &report.organisation,
    };
    let teams = report.teams.iter().map(|t| Group {
        team: Some(t),
        report: &t.group,
    });
    std::iter::once(organisation).chain(teams).collect()
}

fn identity_columns() -> Vec<Column> {
    vec![
        coded("group_kind"),
        col("team_code"),
        col("team_name"),
        col("parent_code"),
    ]
}

fn dimension_cell(d: Dimension) -> Cell {
    Cell::code(d.as_str(), format!("dimension-{d}"))
}

fn perspective_cell(p: Perspective) -> Cell {
    Cell::code(p.as_str(), format!("perspective-{}", p.code()))
}

fn dimension_of<'a>(group: &Group<'a>, d: Dimension) -> Result<&'a DimensionReport> {
    group
        .report
        .dimensions
        .get(&d)
        .ok_or_else(|| anyhow!("the report has no dimension `{d}`"))
}

// ---------------------------------------------------------------- scores

fn score_cells(score: &Score) -> Vec<Cell> {
    let hidden = score.n.is_none();
    let figure = |v: Option<f64>| Cell::number(v, Fmt::Points, hidden);
    vec![
        Cell::count(score.n, hidden),
        figure(score.favourable),
        figure(score.ci_low),
        figure(score.ci_high),
        Cell::number(score.mean, Fmt::Mean, hidden),
        Cell::Flag(hidden),
    ]
}

fn scores_table(report: &CampaignReport) -> Result<Table> {
    let mut columns = identity_columns();
    columns.extend([coded("dimension"), coded("perspective")]);
    columns.extend(["n", "favourable", "ci_low", "ci_high", "mean", "suppressed"].map(col));
    let mut rows = Vec::new();
    for group in groups(report) {
        for &d in Dimension::ALL {
            let dimension = dimension_of(&group, d)?;
            for &p in Perspective::ALL {
                let mut row = group.identity();
                row.extend([dimension_cell(d), perspective_cell(p)]);
                row.extend(score_cells(dimension.score(p)));
                rows.push(row);
            }
        }
    }
    Ok(Table { columns, rows })
}

// ---------------------------------------------------------------- gaps

const GAP_KINDS: [(GapKind, Perspective, Perspective); 6] = [
    (GapKind::Symmetry, Perspective::Employee, Perspective::Customer),
    (
        GapKind::CustomerPerception,
        Perspective::EmployeeEstimateCustomer,
        Perspective::Customer,
    ),
    (
        GapKind::ManagerialBlindSpot,
        Perspective::ManagerEstimateEmployee,
        Perspective::Employee,
    ),
    (
        GapKind::ManagerCustomerBlindSpot,
        Perspective::ManagerEstimateCustomer,
        Perspective::Customer,
    ),
    (
        GapKind::LeadershipEmployee,
        Perspective::ExecutiveEstimateEmployee,
        Perspective::Employee,
    ),
    (
        GapKind::LeadershipCustomer,
        Perspective::ExecutiveEstimateCustomer,
        Perspective::Customer,
    ),
];

/// Points, p and significance of a gap (p and significance only if tested).
fn gap_figures(gaps: &Gaps, kind: GapKind) -> Option<(f64, Option<(f64, bool)>)> {
    let tested =
        |g: &Option<crate::analytics::scores::TestedGap>| g.as_ref().map(|t| (t.points, Some((t.p, t.significant))));
    match kind {
        GapKind::Symmetry => tested(&gaps.symmetry),
        GapKind::CustomerPerception => tested(&gaps.customer_perception),
        GapKind::ManagerialBlindSpot => gaps.managerial_blind_spot.as_ref().map(|g| (g.points, None)),
        GapKind::ManagerCustomerBlindSpot => gaps.manager_customer_blind_spot.as_ref().map(|g| (g.points, None)),
        GapKind::LeadershipEmployee => tested(&gaps.leadership_employee),
        GapKind::LeadershipCustomer => tested(&gaps.leadership_customer),
    }
}

fn gap_cell(kind: GapKind) -> Cell {
    Cell::code(kind.as_str(), format!("gap-{}", kind.as_str()))
}

fn gaps_table(report: &CampaignReport) -> Result<Table> {
    let mut columns = identity_columns();
    columns.extend([coded("dimension"), coded("gap"), coded("perspective_a"), col("n_a")]);
    columns.extend([
        coded("perspective_b"),
        col("n_b"),
        col("points"),
        col("p"),
        col("significant"),
    ]);
    let mut rows = Vec::new();
    for group in groups(report) {
        for &d in Dimension::ALL {
            let dimension = dimension_of(&group, d)?;
            for (kind, a, b) in GAP_KINDS {
                let (sa, sb) = (dimension.score(a), dimension.score(b));
                let hidden = sa.n.is_none() || sb.n.is_none();
                let figures = gap_figures(&dimension.gaps, kind);
                let tested = figures.and_then(|f| f.1);
                let mut row = group.identity();
                row.extend([dimension_cell(d), gap_cell(kind)]);
                row.extend([perspective_cell(a), Cell::count(sa.n, sa.n.is_none())]);
                row.extend([perspective_cell(b), Cell::count(sb.n, sb.n.is_none())]);
                row.push(Cell::number(figures.map(|f| f.0), Fmt::Points, hidden));
                row.push(Cell::number(tested.map(|t| t.0), Fmt::Probability, hidden));
                row.push(tested.map_or(if hidden { Cell::Hidden } else { Cell::Empty }, |t| Cell::Flag(t.1)));
                rows.push(row);
            }
        }
    }
    Ok(Table { columns, rows })
}

// ---------------------------------------------------------------- indices

/// Columns of [`indices_csv`] after the four identity columns.
pub const INDEX_COLUMNS: [&str; 35] = [
    "n_customer",
    "n_employee",
    "n_manager",
    "n_executive",
    "suppressed_customer",
    "suppressed_employee",
    "csi",
    "eei",
    "nps",
    "nps_ci_low",
    "nps_ci_high",
    "nps_n",
    "enps",
    "enps_ci_low",
    "enps_ci_high",
    "enps_n",
    "csat",
    "csat_n",
    "ces",
    "ces_n",
    "fcr",
    "fcr_n",
    "ies",
    "ies_n",
    "cos_strong",
    "cos_medium",
    "cos_weak",
    "customer_execution",
    "customer_link",
    "customer_emotion",
    "employee_execution",
    "employee_link",
    "employee_emotion",
    "customer_maturity",
    "employee_maturity",
];

fn net_cells(net: &NetScore, hidden: bool) -> [Cell; 4] {
    let hidden = hidden || net.n.is_none();
    [
        Cell::number(net.score, Fmt::Points, hidden),
        Cell::number(net.ci_low, Fmt::Points, hidden),
        Cell::number(net.ci_high, Fmt::Points, hidden),
        Cell::count(net.n, hidden),
    ]
}

/// A share and its base; the base of a hidden share is not known here (a
/// hidden and an empty share look alike), so it is given only with a value.
fn share_cells(share: &Share, hidden: bool) -> [Cell; 2] {
    let n = share.value.map(|_| share.total);
    [
        Cell::number(share.value, Fmt::Points, hidden),
        Cell::count(n, hidden && n.is_none()),
    ]
}

fn maturity_code(m: Maturity) -> &'static str {
    match m {
        Maturity::Excellence => "excellence",
        Maturity::House => "house",
        Maturity::Pyramid => "pyramid",
        Maturity::Narrow => "narrow",
    }
}

fn maturity_cell(m: Option<Maturity>, hidden: bool) -> Cell {
    match m {
        Some(m) => Cell::code(maturity_code(m), format!("maturity-{}", maturity_code(m))),
        None if hidden => Cell::Hidden,
        None => Cell::Empty,
    }
}

fn index_row(group: &Group<'_>) -> Vec<Cell> {
    let g = group.report;
    let (c_hidden, e_hidden) = (group.hidden(Population::Customer), group.hidden(Population::Employee));
    let points = |v: Option<f64>, hidden: bool| Cell::number(v, Fmt::Points, hidden);
    let mut row = group.identity();
    row.extend([
        Cell::count(g.n.customer, c_hidden),
        Cell::count(g.n.employee, e_hidden),
        Cell::count(g.n.manager, false),
        Cell::count(g.n.executive, false),
        Cell::Flag(g.suppressed.customer),
        Cell::Flag(g.suppressed.employee),
        points(g.indices.csi, c_hidden),
        points(g.indices.eei, e_hidden),
    ]);
    row.extend(net_cells(&g.indices.nps, c_hidden));
    row.extend(net_cells(&g.indices.enps, e_hidden));
    row.extend(share_cells(&g.indices.csat, c_hidden));
    row.extend(share_cells(&g.indices.ces, c_hidden));
    row.extend(share_cells(&g.indices.fcr, c_hidden));
    row.extend(share_cells(&g.indices.ies, e_hidden));
    let cos = g.indices.cos.as_ref();
    row.extend([
        points(cos.map(|c| c.strong), e_hidden),
        points(cos.map(|c| c.medium), e_hidden),
        points(cos.map(|c| c.weak), e_hidden),
    ]);
    for (side, hidden) in [(&g.pillars.customer, c_hidden), (&g.pillars.employee, e_hidden)] {
        row.extend([
            points(side.execution, hidden),
            points(side.link, hidden),
            points(side.emotion, hidden),
        ]);
    }
    row.push(maturity_cell(g.maturity.customer, c_hidden));
    row.push(maturity_cell(g.maturity.employee, e_hidden));
    row
}

fn indices_table(report: &CampaignReport) -> Table {
    let mut columns = identity_columns();
    columns.extend(INDEX_COLUMNS.iter().map(|&name| {
        if name.ends_with("_maturity") {
            coded(name)
        } else {
            col(name)
        }
    }));
    let rows = groups(report).iter().map(index_row).collect();
    Table { columns, rows }
}

// ---------------------------------------------------------------- CSV

/// OWASP's rule against CSV injection: a text cell that a spreadsheet
/// would run as a formula — one starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return — is written with a leading single quote, which the
/// spreadsheet shows as text. Only for text (names, codes, comments):
/// figures are written as numbers, so `-4.5` stays a negative number.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty | Cell::Hidden => String::new(),
        Cell::Text(t) => spreadsheet_safe(t).into_owned(),
        Cell::Code { code, .. } => spreadsheet_safe(code).into_owned(),
        // Display prints the shortest digits that read back to the same
        // f64, never an exponent: full precision, like the API.
        Cell::Number(v, _) => format!("{v}"),
        Cell::Count(n) => n.to_string(),
        Cell::Flag(b) => b.to_string(),
    }
}

fn to_csv(table: &Table) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(table.columns.iter().map(|c| c.name.as_str()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(csv_text))?;
    }
    writer
        .into_inner()
        .map_err(|e| anyhow!("cannot finish the CSV: {}", e.error()))
}

/// Scores, one row per group × dimension × perspective (module docs).
pub fn report_csv(report: &CampaignReport) -> Result<Vec<u8>> {
    to_csv(&scores_table(report)?)
}

/// Gaps, one row per group × dimension × gap (module docs).
pub fn gaps_csv(report: &CampaignReport) -> Result<Vec<u8>> {
    to_csv(&gaps_table(report)?)
}

/// Indices, pillars and maturity, one row per group (module docs).
pub fn indices_csv(report: &CampaignReport) -> Result<Vec<u8>> {
    to_csv(&indices_table(report))
}

// ---------------------------------------------------------------- XLSX tables

fn item(code: &str, keys: &[&str]) -> Cell {
    Cell::Code {
        code: code.to_owned(),
        keys: keys.iter().map(|k| (*k).to_owned()).collect(),
    }
}

/// item, value, ci_low, ci_high, n, p.
fn summary_row(item: Cell, value: Cell, ci: [Cell; 2], n: Cell, p: Cell) -> Vec<Cell> {
    let [low, high] = ci;
    vec![item, value, low, high, n, p]
}

fn correlation_rows(code: &str, key: &str, c: Option<&Correlation>) -> [Vec<Cell>; 2] {
    let corr = |v: Option<f64>| Cell::number(v, Fmt::Correlation, false);
    let prob = |v: Option<f64>| Cell::number(v, Fmt::Probability, false);
    let pearson = c.map(|c| &c.pearson);
    let spearman = c.map(|c| &c.spearman);
    [
        summary_row(
            item(&format!("linkage.{code}.pearson"), &[key, "export-pearson"]),
            corr(pearson.map(|p| p.r)),
            [corr(pearson.map(|p| p.ci_low)), corr(pearson.map(|p| p.ci_high))],
            Cell::Empty,
            prob(pearson.map(|p| p.p)),
        ),
        summary_row(
            item(&format!("linkage.{code}.spearman"), &[key, "export-spearman"]),
            corr(spearman.map(|s| s.rho)),
            [Cell::Empty, Cell::Empty],
            Cell::Empty,
            prob(spearman.map(|s| s.p)),
        ),
    ]
}

/// The organisation's figures (or the filtered subtree's) and the linkage.
fn summary_table(report: &CampaignReport) -> Table {
    let columns = vec![
        coded("item"),
        col("value"),
        col("ci_low"),
        col("ci_high"),
        col("n"),
        col("p"),
    ];
    let org = Group {
        team: None,
        report: &report.organisation,
    };
    let g = org.report;
    let (c_hidden, e_hidden) = (org.hidden(Population::Customer), org.hidden(Population::Employee));
    let none = || [Cell::Empty, Cell::Empty];
    let points = |v: Option<f64>, hidden: bool| Cell::number(v, Fmt::Points, hidden);
    let campaign = &report.campaign;
    let mut rows = vec![
        summary_row(
            item("campaign.name", &["export-item-campaign"]),
            Cell::text(&campaign.name),
            none(),
            Cell::Empty,
            Cell::Empty,
        ),
        summary_row(
            item("campaign.id", &["export-item-campaign-id"]),
            Cell::text(&campaign.id),
            none(),
            Cell::Empty,
            Cell::Empty,
        ),
        summary_row(
            item("campaign.status", &["export-item-status"]),
            Cell::code(&campaign.status, format!("status-{}", campaign.status)),
            none(),
            Cell::Empty,
            Cell::Empty,
        ),
        summary_row(
            item("anonymity_threshold", &["export-item-anonymity-threshold"]),
            Cell::Count(report.anonymity_threshold),
            none(),
            Cell::Empty,
            Cell::Empty,
        ),
    ];
    for (p, n) in [
        (Population::Customer, g.n.customer),
        (Population::Employee, g.n.employee),
        (Population::Manager, g.n.manager),
        (Population::Executive, g.n.executive),
    ] {
        let population_key = format!("population-{p}");
        rows.push(summary_row(
            item(&format!("n.{p}"), &["export-item-respondents", &population_key]),
            Cell::Empty,
            none(),
            Cell::count(n, org.hidden(p)),
            Cell::Empty,
        ));
    }
    let c_n = || Cell::count(g.n.customer, c_hidden);
    let e_n = || Cell::count(g.n.employee, e_hidden);
    rows.push(summary_row(
        item("csi", &["export-index-csi"]),
        points(g.indices.csi, c_hidden),
        none(),
        c_n(),
        Cell::Empty,
    ));
    rows.push(summary_row(
        item("eei", &["export-index-eei"]),
        points(g.indices.eei, e_hidden),
        none(),
        e_n(),
        Cell::Empty,
    ));
    for (code, net, hidden) in [("nps", &g.indices.nps, c_hidden), ("enps", &g.indices.enps, e_hidden)] {
        let [score, low, high, n] = net_cells(net, hidden);
        rows.push(summary_row(
            item(code, &[&format!("export-index-{code}")]),
            score,
            [low, high],
            n,
            Cell::Empty,
        ));
    }
    for (code, share, hidden) in [
        ("csat", &g.indices.csat, c_hidden),
        ("ces", &g.indices.ces, c_hidden),
        ("fcr", &g.indices.fcr, c_hidden),
        ("ies", &g.indices.ies, e_hidden),
    ] {
        let [value, n] = share_cells(share, hidden);
        rows.push(summary_row(
            item(code, &[&format!("export-index-{code}")]),
            value,
            none(),
            n,
            Cell::Empty,
        ));
    }
    let cos = g.indices.cos.as_ref();
    for (code, value) in [
        ("cos_strong", cos.map(|c| c.strong)),
        ("cos_medium", cos.map(|c| c.medium)),
        ("cos_weak", cos.map(|c| c.weak)),
    ] {
        let key = format!("export-index-{}", code.replace('_', "-"));
        rows.push(summary_row(
            item(code, &[&key]),
            points(value, e_hidden),
            none(),
            e_n(),
            Cell::Empty,
        ));
    }
    let sides = [
        (
            Population::Customer,
            &g.pillars.customer,
            g.maturity.customer,
            c_hidden,
            g.n.customer,
        ),
        (
            Population::Employee,
            &g.pillars.employee,
            g.maturity.employee,
            e_hidden,
            g.n.employee,
        ),
    ];
    for (p, pillars, maturity, hidden, n) in sides {
        let population_key = format!("population-{p}");
        for (pillar, value) in [
            (Pillar::Execution, pillars.execution),
            (Pillar::Link, pillars.link),
            (Pillar::Emotion, pillars.emotion),
        ] {
            rows.push(summary_row(
                item(
                    &format!("pillar.{p}.{pillar}"),
                    &[&population_key, &format!("pillar-{pillar}")],
                ),
                points(value, hidden),
                none(),
                Cell::count(n, hidden),
                Cell::Empty,
            ));
        }
        rows.push(summary_row(
            item(&format!("maturity.{p}"), &["export-item-maturity", &population_key]),
            maturity_cell(maturity, hidden),
            none(),
            Cell::count(n, hidden),
            Cell::Empty,
        ));
    }
    let linkage = &report.linkage;
    rows.push(summary_row(
        item("linkage.eligible_teams", &["export-item-eligible-teams"]),
        Cell::Count(u64::try_from(linkage.eligible_teams).unwrap_or(u64::MAX)),
        none(),
        Cell::Empty,
        Cell::Empty,
    ));
    rows.extend(correlation_rows(
        "eei_csi",
        "export-linkage-eei-csi",
        linkage.eei_csi.as_ref(),
    ));
    rows.extend(correlation_rows(
        "enps_nps",
        "export-linkage-enps-nps",
        linkage.enps_nps.as_ref(),
    ));
    Table { columns, rows }
}

/// Team × dimension symmetry gap (E − C), organisation first.
fn heat_map_table(report: &CampaignReport) -> Result<Table> {
    let mut columns = identity_columns();
    columns.extend(Dimension::ALL.iter().map(|d| Column {
        name: d.as_str().to_owned(),
        key: format!("dimension-{d}"),
        coded: false,
    }));
    let mut rows = Vec::new();
    for group in groups(report) {
        let mut row = group.identity();
        for &d in Dimension::ALL {
            let dimension = dimension_of(&group, d)?;
            let hidden = dimension.employee.n.is_none() || dimension.customer.n.is_none();
            row.push(match &dimension.gaps.symmetry {
                Some(gap) if gap.significant => Cell::number(Some(gap.points), Fmt::SignificantPoints, hidden),
                Some(gap) => Cell::number(Some(gap.points), Fmt::Points, hidden),
                None if hidden => Cell::Hidden,
                None => Cell::Empty,
            });
        }
        rows.push(row);
    }
    Ok(Table { columns, rows })
}

fn quadrant_code(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Virtuous => "virtuous",
        Quadrant::Fragile => "fragile",
        Quadrant::Untapped => "untapped",
        Quadrant::Vicious => "vicious",
    }
}

/// Correlations (EEI–CSI, eNPS–NPS, per dimension), drivers, quadrants.
fn linkage_tables(report: &CampaignReport) -> [Table; 3] {
    let linkage = &report.linkage;
    let corr = |v: Option<f64>| Cell::number(v, Fmt::Correlation, false);
    let prob = |v: Option<f64>| Cell::number(v, Fmt::Probability, false);
    let correlation_row = |pair: Cell, c: Option<&Correlation>| {
        vec![
            pair,
            corr(c.map(|c| c.pearson.r)),
            corr(c.map(|c| c.pearson.ci_low)),
            corr(c.map(|c| c.pearson.ci_high)),
            prob(c.map(|c| c.pearson.p)),
            corr(c.map(|c| c.spearman.rho)),
            prob(c.map(|c| c.spearman.p)),
        ]
    };
    let mut correlations = vec![
        correlation_row(item("eei_csi", &["export-linkage-eei-csi"]), linkage.eei_csi.as_ref()),
        correlation_row(
            item("enps_nps", &["export-linkage-enps-nps"]),
            linkage.enps_nps.as_ref(),
        ),
    ];
    for &d in Dimension::ALL {
        let c = linkage
            .dimensions
            .as_ref()
            .and_then(|m| m.get(&d))
            .and_then(Option::as_ref);
        correlations.push(correlation_row(dimension_cell(d), c));
    }
    let drivers = linkage.drivers.iter().flatten().enumerate().map(|(i, driver)| {
        let rank = u64::try_from(i + 1).unwrap_or(u64::MAX);
        vec![
            Cell::Count(rank),
            dimension_cell(driver.dimension),
            corr(Some(driver.r)),
        ]
    });
    let quadrants = report.teams.iter().filter_map(|team| {
        let q = *linkage.quadrants.as_ref()?.get(&team.code)?;
        let code = quadrant_code(q);
        Some(vec![
            Cell::text(&team.code),
            Cell::text(&team.name),
            Cell::code(code, format!("quadrant-{code}")),
        ])
    });
    [
        Table {
            columns: vec![
                coded("pair"),
                col("pearson_r"),
                col("pearson_ci_low"),
                col("pearson_ci_high"),
                col("pearson_p"),
                col("spearman_rho"),
                col("spearman_p"),
            ],
            rows: correlations,
        },
        Table {
            columns: vec![col("rank"), coded("driver"), col("r")],
            rows: drivers.collect(),
        },
        Table {
            columns: vec![col("team_code"), col("team_name"), coded("quadrant")],
            rows: quadrants.collect(),
        },
    ]
}

fn channel_table(view: &ChannelView) -> Table {
    let mut columns = vec![coded("dimension"), coded("channel"), col("channel_n")];
    columns.extend(["n", "favourable", "ci_low", "ci_high", "mean", "suppressed", "spread"].map(col));
    let mut rows = Vec::new();
    for (&d, dimension) in &view.dimensions {
        for (&c, score) in &dimension.channels {
            let channel_n = view.n.get(&c).copied().flatten();
            let mut row = vec![
                dimension_cell(d),
                channel_cell(c),
                Cell::count(channel_n, channel_n.is_none()),
            ];
            row.extend(score_cells(score));
            row.push(Cell::number(dimension.spread, Fmt::Points, false));
            rows.push(row);
        }
    }
    Table { columns, rows }
}

fn channel_cell(c: Channel) -> Cell {
    Cell::code(c.as_str(), format!("channel-{c}"))
}

/// One row per reason of each recommended action, in the report's order.
fn recommendations_table(report: &CampaignReport) -> Table {
    let mut columns = identity_columns();
    columns.extend([
        col("rank"),
        coded("action"),
        coded("because_dimension"),
        coded("because_gap"),
        col("points"),
    ]);
    let mut rows = Vec::new();
    for group in groups(report) {
        for (i, recommendation) in group.report.recommendations.iter().enumerate() {
            let rank = u64::try_from(i + 1).unwrap_or(u64::MAX);
            for because in &recommendation.because {
                // `dimension` names a dimension or, for index rules, an index.
                let subject_key = match Dimension::parse(because.dimension) {
                    Ok(d) => format!("dimension-{d}"),
                    Err(_) => format!("export-index-{}", because.dimension),
                };
                let mut row = group.identity();
                row.extend([
                    Cell::Count(rank),
                    Cell::code(recommendation.action, format!("action-{}", recommendation.action)),
                    Cell::code(because.dimension, subject_key),
                    Cell::code(because.gap, format!("gap-{}", because.gap)),
                    Cell::number(Some(because.points), Fmt::Points, false),
                ]);
                rows.push(row);
            }
        }
    }
    Table { columns, rows }
}

// ---------------------------------------------------------------- XLSX writer

struct Formats {
    header: Format,
    names: Format,
    points: Format,
    significant: Format,
    probability: Format,
    correlation: Format,
    mean: Format,
    count: Format,
}

impl Formats {
    fn new() -> Formats {
        let one = "0.0";
        Formats {
            header: Format::new().set_bold().set_text_wrap(),
            names: Format::new()
                .set_italic()
                .set_font_color(Color::Gray)
                .set_border_bottom(FormatBorder::Thin),
            points: Format::new().set_num_format(one),
            significant: Format::new().set_num_format(one).set_bold(),
            probability: Format::new().set_num_format("0.000"),
            correlation: Format::new().set_num_format("0.00"),
            mean: Format::new().set_num_format("0.00"),
            count: Format::new().set_num_format("0"),
        }
    }

    fn of(&self, fmt: Fmt) -> &Format {
        match fmt {
            Fmt::Points => &self.points,
            Fmt::SignificantPoints => &self.significant,
            Fmt::Probability => &self.probability,
            Fmt::Correlation => &self.correlation,
            Fmt::Mean => &self.mean,
        }
    }
}

/// What a sheet writer needs besides the table.
struct Pen<'a> {
    labels: &'a dyn Fn(&str) -> String,
    formats: &'a Formats,
    /// Put on every suppressed cell when given.
    hidden_note: Option<&'a Note>,
}

impl Pen<'_> {
    fn label(&self, keys: &[String]) -> String {
        keys.iter().map(|k| (self.labels)(k)).collect::<Vec<_>>().join(" · ")
    }
}

/// Last row and column written.
struct Extent {
    last_row: RowNum,
    last_col: ColNum,
}

fn width(columns: &[Column]) -> usize {
    columns.iter().map(|c| if c.coded { 2 } else { 1 }).sum()
}

fn write_header(ws: &mut Worksheet, table: &Table, at: ColNum, pen: &Pen<'_>) -> Result<()> {
    let f = pen.formats;
    let mut c = at;
    for column in &table.columns {
        if column.coded {
            ws.write_string_with_format(0, c, (pen.labels)(&column.key), &f.header)?;
            ws.write_string_with_format(1, c, format!("{}_label", column.name), &f.names)?;
            c += 1;
            ws.write_string_with_format(0, c, (pen.labels)(&format!("{}-code", column.key)), &f.header)?;
        } else {
            ws.write_string_with_format(0, c, (pen.labels)(&column.key), &f.header)?;
        }
        ws.write_string_with_format(1, c, &column.name, &f.names)?;
        c += 1;
    }
    Ok(())
}

fn write_cell(ws: &mut Worksheet, row: RowNum, c: ColNum, cell: &Cell, coded: bool, pen: &Pen<'_>) -> Result<()> {
    let f = pen.formats;
    match cell {
        Cell::Empty => {}
        Cell::Hidden => {
            if let Some(note) = pen.hidden_note {
                ws.insert_note(row, c, note)?;
            }
        }
        Cell::Text(t) => {
            ws.write_string(row, c, t)?;
        }
        Cell::Code { code, keys } => {
            ws.write_string(row, c, pen.label(keys))?;
            if coded {
                ws.write_string(row, c + 1, code)?;
            }
        }
        Cell::Number(v, fmt) => {
            ws.write_number_with_format(row, c, *v, f.of(*fmt))?;
        }
        Cell::Count(n) => {
            // Counts stay far below 2^53: exact as f64.
            ws.write_number_with_format(row, c, *n as f64, &f.count)?;
        }
        Cell::Flag(b) => {
            ws.write_boolean(row, c, *b)?;
        }
    }
    Ok(())
}

/// Writes `table` with its two header rows from column `at`.
fn write_table(ws: &mut Worksheet, table: &Table, at: ColNum, pen: &Pen<'_>) -> Result<Extent> {
    write_header(ws, table, at, pen)?;
    let mut last_row = RowNum::try_from(HEADER_ROWS - 1)?;
    for (i, cells) in table.rows.iter().enumerate() {
        let row = RowNum::try_from(HEADER_ROWS + i)?;
        let mut c = at;
        for (cell, column) in cells.iter().zip(&table.columns) {
            write_cell(ws, row, c, cell, column.coded, pen)?;
            c += if column.coded { 2 } else { 1 };
        }
        last_row = row;
    }
    let last_col = at + ColNum::try_from(width(&table.columns))? - 1;
    Ok(Extent { last_row, last_col })
}

/// Frozen header rows, autofilter over the first table, fitted widths.
fn finish(ws: &mut Worksheet, filtered: &Extent) -> Result<()> {
    let header = RowNum::try_from(HEADER_ROWS)?;
    ws.set_freeze_panes(header, 0)?;
    ws.autofilter(header - 1, 0, filtered.last_row, filtered.last_col)?;
    ws.set_autofit_max_width(MAX_COLUMN_PIXELS);
    ws.autofit();
    Ok(())
}

/// A cell note signed by the application rather than Excel's "Author".
fn note(text: String) -> Note {
    Note::new(text).set_author("Miroir").add_author_prefix(false)
}

fn table_sheet(workbook: &mut Workbook, name: &str, table: &Table, pen: &Pen<'_>) -> Result<()> {
    let ws = workbook.add_worksheet();
    ws.set_name(name)?;
    let extent = write_table(ws, table, 0, pen)?;
    finish(ws, &extent)
}

fn heat_map_sheet(workbook: &mut Workbook, report: &CampaignReport, pen: &Pen<'_>) -> Result<()> {
    let table = heat_map_table(report)?;
    let ws = workbook.add_worksheet();
    ws.set_name(SHEETS[4])?;
    let extent = write_table(ws, &table, 0, pen)?;
    let first = ColNum::try_from(width(&identity_columns()))?;
    let scale = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, -HEAT_SCALE)
        .set_midpoint(ConditionalFormatType::Number, 0)
        .set_maximum(ConditionalFormatType::Number, HEAT_SCALE)
        // Orange (employees below customers) – white – purple: PuOr,
        // readable with the common colour-vision deficiencies.
        .set_minimum_color(Color::RGB(0xE6_61_01))
        .set_midpoint_color(Color::White)
        .set_maximum_color(Color::RGB(0x5E_3C_99));
    let header = RowNum::try_from(HEADER_ROWS)?;
    ws.add_conditional_format(header, first, extent.last_row.max(header), extent.last_col, &scale)?;
    let legend = note((pen.labels)("export-note-heat-map"));
    ws.insert_note(0, first, &legend)?;
    finish(ws, &extent)
}

fn linkage_sheet(workbook: &mut Workbook, report: &CampaignReport, pen: &Pen<'_>) -> Result<()> {
    let ws = workbook.add_worksheet();
    ws.set_name(SHEETS[5])?;
    let [correlations, drivers, quadrants] = linkage_tables(report);
    let first = write_table(ws, &correlations, 0, pen)?;
    // One blank column between the side-by-side tables.
    let second = write_table(ws, &drivers, first.last_col + 2, pen)?;
    write_table(ws, &quadrants, second.last_col + 2, pen)?;
    if report.linkage.eei_csi.is_none() {
        let why = note((pen.labels)("export-note-linkage-unavailable"));
        ws.insert_note(0, 0, &why)?;
    }
    finish(ws, &first)
}

/// The workbook of a campaign report: one sheet per view (see [`SHEETS`];
/// "Channels" only when `channel_view` is given). `labels` translates a
/// message key into the reader's language; codes keep their own columns.
/// Numbers are numbers at full precision, shown with one decimal (p-values
/// three, correlations and means two); suppressed figures are empty cells.
/// The heat-map colours the symmetry gap E − C on a fixed scale (orange at
/// −25 points, white at 0, purple at +25), significant gaps in bold, and
/// notes its suppressed cells. The document's creation date is fixed, so the
/// same report always gives the same bytes.
pub fn report_xlsx(
    report: &CampaignReport,
    channel_view: Option<&ChannelView>,
    labels: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let properties = DocProperties::new()
        .set_title(&report.campaign.name)
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    let formats = Formats::new();
    let suppressed = note(labels("export-note-suppressed"));
    let noted = Pen {
        labels,
        formats: &formats,
        hidden_note: Some(&suppressed),
    };
    let plain = Pen {
        hidden_note: None,
        ..noted
    };
    table_sheet(&mut workbook, SHEETS[0], &summary_table(report), &noted)?;
    table_sheet(&mut workbook, SHEETS[1], &scores_table(report)?, &plain)?;
    table_sheet(&mut workbook, SHEETS[2], &gaps_table(report)?, &plain)?;
    table_sheet(&mut workbook, SHEETS[3], &indices_table(report), &plain)?;
    heat_map_sheet(&mut workbook, report, &noted)?;
    linkage_sheet(&mut workbook, report, &plain)?;
    if let Some(view) = channel_view {
        table_sheet(&mut workbook, SHEETS[6], &channel_table(view), &plain)?;
    }
    table_sheet(&mut workbook, SHEETS[7], &recommendations_table(report), &plain)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};
    use serde_json::Value;

    use super::*;
    use crate::analytics::{
        build_report, channel_view, CampaignData, CampaignMeta, ItemCode, ReportFilter, Respondent, Settings,
    };

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
        let mut reader = csv::Reader::from_reader(bytes);
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
            assert!(same(&row["p"], figures.and_then(|f| f.1).map(|t| t.0)));
            let significant = figures.and_then(|f| f.1).map(|t| t.1.to_string()).unwrap_or_default();
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
            for f in ["points", "p", "significant"] {
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
        let mut book = open(&report_xlsx(&report, Some(&view), &labels).unwrap());
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
        let once = report_xlsx(&report, None, &labels).unwrap();
        let twice = report_xlsx(&report, None, &labels).unwrap();
        assert!(once == twice, "XLSX bytes differ between two runs");
        assert_eq!(report_csv(&report).unwrap(), report_csv(&report).unwrap());
        let names = open(&once).sheet_names();
        assert!(!names.iter().any(|n| n == "Channels"));
        assert_eq!(names.len(), SHEETS.len() - 1);
    }

    #[test]
    fn a_small_report_renders_recommendations_and_an_unavailable_linkage() {
        let report = small_report();
        let mut book = open(&report_xlsx(&report, None, &labels).unwrap());
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
    }

    proptest::proptest! {
        #[test]
        fn csv_numbers_read_back_to_the_same_f64(v in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            let text = csv_text(&Cell::number(Some(v), Fmt::Points, false));
            proptest::prop_assert_eq!(text.parse::<f64>().unwrap(), v);
        }
    }
}

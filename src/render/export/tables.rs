//! The tables of the exports, built once from the report as typed cells.

use anyhow::{anyhow, Result};

use super::*;
use crate::analytics::group::{DimensionReport, Gaps, GroupReport};
use crate::analytics::lagged::{CrossLagged, DifferenceInDifferences, Panel};
use crate::analytics::linkage::Correlation;
use crate::analytics::maturity::Maturity;
use crate::analytics::recommendations::GapKind;
use crate::analytics::regression::Estimate;
use crate::analytics::report::TeamReport;
use crate::analytics::scores::{NetScore, Score, Share};
use crate::analytics::{CampaignReport, Channel, ChannelView, Dimension, Perspective, Pillar, Population};

// ---------------------------------------------------------------- groups

/// A group of the report and the four columns that name it.
pub(super) struct Group<'a> {
    pub(super) team: Option<&'a TeamReport>,
    pub(super) report: &'a GroupReport,
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

pub(super) fn groups(report: &CampaignReport) -> Vec<Group<'_>> {
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

pub(super) fn identity_columns() -> Vec<Column> {
    vec![
        coded("group_kind"),
        col("team_code"),
        col("team_name"),
        col("parent_code"),
    ]
}

pub(super) fn dimension_cell(d: Dimension) -> Cell {
    Cell::code(d.as_str(), format!("dimension-{d}"))
}

pub(super) fn perspective_cell(p: Perspective) -> Cell {
    Cell::code(p.as_str(), format!("perspective-{}", p.code()))
}

pub(super) fn dimension_of<'a>(group: &Group<'a>, d: Dimension) -> Result<&'a DimensionReport> {
    group
        .report
        .dimensions
        .get(&d)
        .ok_or_else(|| anyhow!("the report has no dimension `{d}`"))
}

// ---------------------------------------------------------------- scores

pub(super) fn score_cells(score: &Score) -> Vec<Cell> {
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

pub(super) fn scores_table(report: &CampaignReport) -> Result<Table> {
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

pub(super) const GAP_KINDS: [(GapKind, Perspective, Perspective); 6] = [
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

/// The test of a tested gap: p, q (Benjamini–Hochberg over the report's
/// family) and significance (q < 0.05).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct GapTest {
    pub(super) p: f64,
    pub(super) q: f64,
    pub(super) significant: bool,
}

/// Points and, for a tested gap, its test (estimate gaps are never tested).
pub(super) fn gap_figures(gaps: &Gaps, kind: GapKind) -> Option<(f64, Option<GapTest>)> {
    let tested = |g: &Option<crate::analytics::scores::TestedGap>| {
        g.as_ref().map(|t| {
            let test = GapTest {
                p: t.p,
                q: t.q,
                significant: t.significant,
            };
            (t.points, Some(test))
        })
    };
    let estimate = |g: &Option<crate::analytics::scores::PointGap>| g.as_ref().map(|g| (g.points, None));
    match kind {
        GapKind::Symmetry => tested(&gaps.symmetry),
        GapKind::CustomerPerception => tested(&gaps.customer_perception),
        GapKind::ManagerialBlindSpot => estimate(&gaps.managerial_blind_spot),
        GapKind::ManagerCustomerBlindSpot => estimate(&gaps.manager_customer_blind_spot),
        GapKind::LeadershipEmployee => estimate(&gaps.leadership_employee),
        GapKind::LeadershipCustomer => estimate(&gaps.leadership_customer),
    }
}

pub(super) fn gap_cell(kind: GapKind) -> Cell {
    Cell::code(kind.as_str(), format!("gap-{}", kind.as_str()))
}

pub(super) fn gaps_table(report: &CampaignReport) -> Result<Table> {
    let mut columns = identity_columns();
    columns.extend([coded("dimension"), coded("gap"), coded("perspective_a"), col("n_a")]);
    columns.extend([
        coded("perspective_b"),
        col("n_b"),
        col("points"),
        col("p"),
        col("q"),
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
                row.push(Cell::number(tested.map(|t| t.p), Fmt::Probability, hidden));
                row.push(Cell::number(tested.map(|t| t.q), Fmt::Probability, hidden));
                row.push(tested.map_or(if hidden { Cell::Hidden } else { Cell::Empty }, |t| {
                    Cell::Flag(t.significant)
                }));
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

pub(super) fn net_cells(net: &NetScore, hidden: bool) -> [Cell; 4] {
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
pub(super) fn share_cells(share: &Share, hidden: bool) -> [Cell; 2] {
    let n = share.value.map(|_| share.total);
    [
        Cell::number(share.value, Fmt::Points, hidden),
        Cell::count(n, hidden && n.is_none()),
    ]
}

pub(super) fn maturity_code(m: Maturity) -> &'static str {
    match m {
        Maturity::Excellence => "excellence",
        Maturity::House => "house",
        Maturity::Pyramid => "pyramid",
        Maturity::Narrow => "narrow",
    }
}

pub(super) fn maturity_cell(m: Option<Maturity>, hidden: bool) -> Cell {
    match m {
        Some(m) => Cell::code(maturity_code(m), format!("maturity-{}", maturity_code(m))),
        None if hidden => Cell::Hidden,
        None => Cell::Empty,
    }
}

pub(super) fn index_row(group: &Group<'_>) -> Vec<Cell> {
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

pub(super) fn indices_table(report: &CampaignReport) -> Table {
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

// ---------------------------------------------------------------- XLSX tables

pub(super) fn item(code: &str, keys: &[&str]) -> Cell {
    Cell::Code {
        code: code.to_owned(),
        keys: keys.iter().map(|k| (*k).to_owned()).collect(),
    }
}

/// item, value, ci_low, ci_high, n, p.
pub(super) fn summary_row(item: Cell, value: Cell, ci: [Cell; 2], n: Cell, p: Cell) -> Vec<Cell> {
    let [low, high] = ci;
    vec![item, value, low, high, n, p]
}

pub(super) fn correlation_rows(code: &str, key: &str, c: Option<&Correlation>) -> [Vec<Cell>; 2] {
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
pub(super) fn summary_table(report: &CampaignReport) -> Table {
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
    let mut rows = campaign_rows(report);
    rows.extend(respondent_rows(&org));
    rows.extend(index_summary_rows(&org));
    rows.extend(pillar_rows(&org));
    rows.extend(linkage_summary_rows(report));
    rows.extend(aggregation_rows(report));
    rows.extend(label_rows(report));
    Table { columns, rows }
}

/// Issue #15: per dimension and population, ICC(1) and mean rwg(j) with
/// the number of teams (the `n` column), and whether the dimension may be
/// read at team level (1 or 0).
fn aggregation_rows(report: &CampaignReport) -> Vec<Vec<Cell>> {
    let Some(checks) = &report.linkage.aggregation else {
        return Vec::new();
    };
    let corr = |v: Option<f64>| Cell::number(v, Fmt::Probability, false);
    let mut rows = Vec::new();
    for (d, check) in checks {
        let dim = format!("dimension-{d}");
        for (population, a) in [("customer", &check.customer), ("employee", &check.employee)] {
            let teams = Cell::Count(u64::try_from(a.teams).unwrap_or(u64::MAX));
            let who = format!("population-{population}");
            rows.push(counted_row(
                item(
                    &format!("linkage.aggregation.{d}.{population}.icc1"),
                    &[&dim, &who, "export-item-icc1"],
                ),
                corr(a.icc1),
                teams.clone(),
            ));
            rows.push(counted_row(
                item(
                    &format!("linkage.aggregation.{d}.{population}.mean_rwg_j"),
                    &[&dim, &who, "export-item-rwg-j"],
                ),
                corr(a.mean_rwg_j),
                teams,
            ));
        }
        rows.push(value_row(
            item(
                &format!("linkage.aggregation.{d}.team_level"),
                &[&dim, "export-item-team-level"],
            ),
            Cell::Count(u64::from(check.team_level)),
        ));
    }
    rows
}

/// Issue #15: the three audits of the label, their average and readiness.
fn label_rows(report: &CampaignReport) -> Vec<Vec<Cell>> {
    let label = &report.label_readiness;
    let points = |v: Option<f64>| Cell::number(v, Fmt::Points, false);
    let mut rows: Vec<Vec<Cell>> = label
        .audits
        .iter()
        .map(|a| {
            let code = a.audit.as_str();
            value_row(
                item(&format!("label_readiness.{code}"), &[&format!("label-audit-{code}")]),
                points(a.score),
            )
        })
        .collect();
    rows.push(value_row(
        item("label_readiness.average", &["label-average"]),
        points(label.average),
    ));
    rows.push(value_row(
        item("label_readiness.ready", &["export-item-label-ready"]),
        Cell::Count(u64::from(label.ready)),
    ));
    rows
}

/// A summary row with a value alone (no interval, n or p).
fn value_row(item: Cell, value: Cell) -> Vec<Cell> {
    summary_row(item, value, [Cell::Empty, Cell::Empty], Cell::Empty, Cell::Empty)
}

/// A summary row with a value and its n.
fn counted_row(item: Cell, value: Cell, n: Cell) -> Vec<Cell> {
    summary_row(item, value, [Cell::Empty, Cell::Empty], n, Cell::Empty)
}

fn campaign_rows(report: &CampaignReport) -> Vec<Vec<Cell>> {
    let campaign = &report.campaign;
    vec![
        value_row(
            item("campaign.name", &["export-item-campaign"]),
            Cell::text(&campaign.name),
        ),
        value_row(
            item("campaign.id", &["export-item-campaign-id"]),
            Cell::text(&campaign.id),
        ),
        value_row(
            item("campaign.status", &["export-item-status"]),
            Cell::code(&campaign.status, format!("status-{}", campaign.status)),
        ),
        value_row(
            item("anonymity_threshold", &["export-item-anonymity-threshold"]),
            Cell::Count(report.anonymity_threshold),
        ),
    ]
}

fn respondent_rows(org: &Group<'_>) -> Vec<Vec<Cell>> {
    let n = &org.report.n;
    [
        (Population::Customer, n.customer),
        (Population::Employee, n.employee),
        (Population::Manager, n.manager),
        (Population::Executive, n.executive),
    ]
    .into_iter()
    .map(|(p, n)| {
        let population_key = format!("population-{p}");
        // The count is the row's value (a reader looks there first) and its
        // own n.
        counted_row(
            item(&format!("n.{p}"), &["export-item-respondents", &population_key]),
            Cell::count(n, org.hidden(p)),
            Cell::count(n, org.hidden(p)),
        )
    })
    .collect()
}

/// CSI, EEI, NPS and eNPS with their intervals, the shares, COS.
fn index_summary_rows(org: &Group<'_>) -> Vec<Vec<Cell>> {
    let g = org.report;
    let (c_hidden, e_hidden) = (org.hidden(Population::Customer), org.hidden(Population::Employee));
    let points = |v: Option<f64>, hidden: bool| Cell::number(v, Fmt::Points, hidden);
    let c_n = || Cell::count(g.n.customer, c_hidden);
    let e_n = || Cell::count(g.n.employee, e_hidden);
    let mut rows = vec![
        counted_row(
            item("csi", &["export-index-csi"]),
            points(g.indices.csi, c_hidden),
            c_n(),
        ),
        counted_row(
            item("eei", &["export-index-eei"]),
            points(g.indices.eei, e_hidden),
            e_n(),
        ),
    ];
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
        rows.push(counted_row(item(code, &[&format!("export-index-{code}")]), value, n));
    }
    let cos = g.indices.cos.as_ref();
    for (code, value) in [
        ("cos_strong", cos.map(|c| c.strong)),
        ("cos_medium", cos.map(|c| c.medium)),
        ("cos_weak", cos.map(|c| c.weak)),
    ] {
        let key = format!("export-index-{}", code.replace('_', "-"));
        rows.push(counted_row(item(code, &[&key]), points(value, e_hidden), e_n()));
    }
    rows
}

/// Each side's three pillars and its maturity.
fn pillar_rows(org: &Group<'_>) -> Vec<Vec<Cell>> {
    let g = org.report;
    let sides = [
        (
            Population::Customer,
            &g.pillars.customer,
            g.maturity.customer,
            g.n.customer,
        ),
        (
            Population::Employee,
            &g.pillars.employee,
            g.maturity.employee,
            g.n.employee,
        ),
    ];
    let mut rows = Vec::new();
    for (p, pillars, maturity, n) in sides {
        let hidden = org.hidden(p);
        let population_key = format!("population-{p}");
        for (pillar, value) in [
            (Pillar::Execution, pillars.execution),
            (Pillar::Link, pillars.link),
            (Pillar::Emotion, pillars.emotion),
        ] {
            rows.push(counted_row(
                item(
                    &format!("pillar.{p}.{pillar}"),
                    &[&population_key, &format!("pillar-{pillar}")],
                ),
                Cell::number(value, Fmt::Points, hidden),
                Cell::count(n, hidden),
            ));
        }
        rows.push(counted_row(
            item(&format!("maturity.{p}"), &["export-item-maturity", &population_key]),
            maturity_cell(maturity, hidden),
            Cell::count(n, hidden),
        ));
    }
    rows
}

fn linkage_summary_rows(report: &CampaignReport) -> Vec<Vec<Cell>> {
    let linkage = &report.linkage;
    let mut rows = vec![value_row(
        item("linkage.eligible_teams", &["export-item-eligible-teams"]),
        Cell::Count(u64::try_from(linkage.eligible_teams).unwrap_or(u64::MAX)),
    )];
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
    rows
}

/// Team × dimension symmetry gap (E − C), organisation first.
pub(super) fn heat_map_table(report: &CampaignReport) -> Result<Table> {
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

/// Correlations (EEI–CSI, eNPS–NPS, per dimension), drivers, quadrants.
pub(super) fn linkage_tables(report: &CampaignReport) -> [Table; 3] {
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
        let code = q.as_str();
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

pub(super) fn channel_table(view: &ChannelView) -> Table {
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

pub(super) fn channel_cell(c: Channel) -> Cell {
    Cell::code(c.as_str(), format!("channel-{c}"))
}

/// One row per reason of each recommended action, in the report's order.
pub(super) fn recommendations_table(report: &CampaignReport) -> Table {
    let mut columns = identity_columns();
    columns.extend([
        col("rank"),
        coded("action"),
        col("reason"),
        coded("because_dimension"),
        coded("because_gap"),
        col("points"),
    ]);
    let mut rows = Vec::new();
    for group in groups(report) {
        for recommendation in &group.report.recommendations {
            let rank = u64::try_from(recommendation.rank).unwrap_or(u64::MAX);
            let reason = recommendation.reason().map_or(Cell::Empty, |b| Cell::Reason(b.clone()));
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
                    reason.clone(),
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

// ---------------------------------------------------------------- waves

/// The cross-wave figures of a campaign (issue #15), organisation-wide:
/// the cross-lagged panel with the previous published wave and the
/// difference in differences of every point adopted for teams in it.
pub struct Waves<'a> {
    /// The previous published wave's name.
    pub previous: &'a str,
    pub cross_lagged: &'a CrossLagged,
    pub actions: Vec<&'a DifferenceInDifferences>,
}

/// The paths of a cross-lagged panel, in the order of the pages.
const PATHS: [&str; 5] = [
    "employees_to_customers",
    "customers_to_employees",
    "employee_stability",
    "customer_stability",
    "difference",
];

fn path_estimate<'p>(panel: &'p Panel, path: &str) -> &'p Estimate {
    match path {
        "employees_to_customers" => &panel.employees_to_customers,
        "customers_to_employees" => &panel.customers_to_employees,
        "employee_stability" => &panel.employee_stability,
        "customer_stability" => &panel.customer_stability,
        _ => &panel.difference,
    }
}

/// Estimate, se, df, interval and p of an estimate (or empty cells).
fn estimate_cells(e: Option<&Estimate>, fmt: Fmt) -> [Cell; 6] {
    let value = |v: Option<f64>, fmt: Fmt| Cell::number(v, fmt, false);
    [
        value(e.map(|e| e.estimate), fmt),
        value(e.map(|e| e.se), fmt),
        value(e.map(|e| e.df), Fmt::Points),
        value(e.map(|e| e.ci_low), fmt),
        value(e.map(|e| e.ci_high), fmt),
        value(e.map(|e| e.p), Fmt::Probability),
    ]
}

/// One row per figure: `analysis` (`cross_lagged` or
/// `difference_in_differences`), `previous_campaign`, `adopted_point` (DiD only),
/// `dimension` (empty: EEI/CSI for a panel, the point's target dimensions
/// together for a DiD), `side` (DiD: customer or employee), `path` (a
/// panel's five paths; `difference` for a DiD), `reading` (a panel's
/// difference row: who moves first), `teams`, `estimate`, `se`, `df`,
/// `ci_low`, `ci_high`, `p`, then for a DiD `adopting_teams`,
/// `other_teams`, `adopting_change`, `other_change` (points). Panels with
/// too few teams are left out; the pages say why.
pub(super) fn waves_table(waves: Option<&Waves<'_>>) -> Table {
    let mut columns = vec![coded("analysis"), col("previous_campaign"), coded("adopted_point")];
    columns.extend([coded("dimension"), coded("side"), coded("path"), coded("reading")]);
    columns.extend(
        [
            "teams",
            "estimate",
            "se",
            "df",
            "ci_low",
            "ci_high",
            "p",
            "adopting_teams",
            "other_teams",
            "adopting_change",
            "other_change",
        ]
        .map(col),
    );
    let mut rows = Vec::new();
    let Some(waves) = waves else {
        return Table { columns, rows };
    };
    let count = |n: usize| Cell::Count(u64::try_from(n).unwrap_or(u64::MAX));
    let previous = Cell::text(waves.previous);
    let analysis = |code: &str| Cell::code(code, format!("export-analysis-{}", code.replace('_', "-")));
    let panels = std::iter::once((None, waves.cross_lagged.indices.as_ref())).chain(
        waves
            .cross_lagged
            .dimensions
            .iter()
            .map(|(d, panel)| (Some(*d), panel.as_ref())),
    );
    for (dimension, panel) in panels {
        let Some(panel) = panel else { continue };
        for path in PATHS {
            let reading = if path == "difference" {
                let code = panel.precedence.as_str();
                Cell::code(code, format!("lagged-reading-{code}-short"))
            } else {
                Cell::Empty
            };
            let mut row = vec![
                analysis("cross_lagged"),
                previous.clone(),
                Cell::Empty,
                dimension.map_or(Cell::Empty, dimension_cell),
                Cell::Empty,
                Cell::code(path, format!("export-path-{}", path.replace('_', "-"))),
                reading,
                count(panel.teams),
            ];
            row.extend(estimate_cells(Some(path_estimate(panel, path)), Fmt::Correlation));
            row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
            rows.push(row);
        }
    }
    for did in &waves.actions {
        let scopes = std::iter::once((None, &did.targets)).chain(did.dimensions.iter().map(|(d, s)| (Some(*d), s)));
        for (dimension, sides) in scopes {
            for (side, contrast) in [("customer", &sides.customer), ("employee", &sides.employee)] {
                let Some(contrast) = contrast else { continue };
                let mut row = vec![
                    analysis("difference_in_differences"),
                    previous.clone(),
                    Cell::code(&did.action, format!("action-{}", did.action)),
                    dimension.map_or(Cell::Empty, dimension_cell),
                    Cell::code(side, format!("population-{side}")),
                    Cell::code("difference", "export-path-difference".to_string()),
                    Cell::Empty,
                    count(contrast.adopting_teams + contrast.other_teams),
                ];
                row.extend(estimate_cells(contrast.difference.as_ref(), Fmt::Points));
                row.extend([
                    count(contrast.adopting_teams),
                    count(contrast.other_teams),
                    Cell::Number(contrast.adopting_change, Fmt::Points),
                    Cell::Number(contrast.other_change, Fmt::Points),
                ]);
                rows.push(row);
            }
        }
    }
    Table { columns, rows }
}

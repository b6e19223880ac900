//! The dashboard's issue-#15 sections, arranged from the engine's structs:
//! whether each dimension may be read at team level (aggregation check),
//! who moves first between two published waves (cross-lagged panel with
//! its chart) and the distance to the symmetry label. No statistic is
//! computed here.

use serde::Serialize;

use crate::analytics::aggregation::{Agreement, MIN_ICC1, MIN_RWG_J};
use crate::analytics::label::{LabelReadiness, Lever};
use crate::analytics::lagged::{CrossLagged, Panel, MIN_PANEL_TEAMS};
use crate::analytics::linkage::Linkage;
use crate::analytics::regression::Estimate;
use crate::analytics::Dimension;
use crate::render::charts::{lagged, ChartMeta, LaggedChart, NumberStyle};

#[derive(Serialize)]
pub struct AggregationRow<'a> {
    pub dimension: &'static str,
    pub customer: &'a Agreement,
    pub employee: &'a Agreement,
    pub team_level: bool,
    /// The dimension's E–C correlation, shown beside its verdict.
    pub r: Option<f64>,
}

#[derive(Serialize)]
pub struct AggregationView<'a> {
    pub rows: Vec<AggregationRow<'a>>,
    pub team_level: usize,
    pub min_icc1: f64,
    pub min_rwg_j: f64,
}

pub fn aggregation(linkage: &Linkage) -> Option<AggregationView<'_>> {
    let checks = linkage.aggregation.as_ref()?;
    let rows: Vec<AggregationRow<'_>> = checks
        .iter()
        .map(|(d, a)| AggregationRow {
            dimension: d.as_str(),
            customer: &a.customer,
            employee: &a.employee,
            team_level: a.team_level,
            r: linkage
                .dimensions
                .as_ref()
                .and_then(|m| m.get(d))
                .and_then(|c| c.as_ref())
                .map(|c| c.pearson.r),
        })
        .collect();
    Some(AggregationView {
        team_level: rows.iter().filter(|r| r.team_level).count(),
        rows,
        min_icc1: MIN_ICC1,
        min_rwg_j: MIN_RWG_J,
    })
}

#[derive(Serialize)]
pub struct LaggedRow<'a> {
    pub dimension: &'static str,
    pub reading_key: String,
    pub employees_to_customers: &'a Estimate,
    pub customers_to_employees: &'a Estimate,
}

#[derive(Serialize)]
pub struct LaggedView<'a> {
    pub teams: usize,
    pub min_teams: usize,
    pub reading_key: Option<String>,
    pub panel: Option<&'a Panel>,
    pub chart: Option<LaggedChart>,
    pub dimensions: Vec<LaggedRow<'a>>,
}

fn reading_key(p: &Panel) -> String {
    format!("lagged-reading-{}", p.precedence.as_str())
}

pub fn lagged_view<'a>(cross: &'a CrossLagged, lang: &str) -> LaggedView<'a> {
    let meta = ChartMeta {
        id: "chart-lagged",
        title_key: "chart-lagged",
        desc_key: "chart-lagged-desc",
    };
    let dimensions = Dimension::ALL
        .iter()
        .filter_map(|d| {
            let p = cross.dimensions.get(d)?.as_ref()?;
            Some(LaggedRow {
                dimension: d.as_str(),
                reading_key: reading_key(p),
                employees_to_customers: &p.employees_to_customers,
                customers_to_employees: &p.customers_to_employees,
            })
        })
        .collect();
    LaggedView {
        teams: cross.eligible_teams,
        min_teams: MIN_PANEL_TEAMS,
        reading_key: cross.indices.as_ref().map(reading_key),
        panel: cross.indices.as_ref(),
        chart: cross
            .indices
            .as_ref()
            .map(|p| lagged(meta, p, NumberStyle::for_lang(lang))),
        dimensions,
    }
}

#[derive(Serialize)]
pub struct AuditRow<'a> {
    pub key: String,
    pub score: Option<f64>,
    pub margin: Option<f64>,
    pub below_floor: bool,
    pub levers: &'a [Lever],
}

#[derive(Serialize)]
pub struct LabelView<'a> {
    pub readiness: &'a LabelReadiness,
    pub audits: Vec<AuditRow<'a>>,
}

pub fn label_view(readiness: &LabelReadiness) -> LabelView<'_> {
    LabelView {
        audits: readiness
            .audits
            .iter()
            .map(|a| AuditRow {
                key: format!("label-audit-{}", a.audit.as_str()),
                score: a.score,
                margin: a.margin,
                below_floor: a.margin.is_some_and(|m| m < 0.0),
                levers: &a.levers,
            })
            .collect(),
        readiness,
    }
}

//! The dashboard's charts, built from the report with the charts module:
//! the EEI–CSI and eNPS–NPS scatters with their quadrants, the driver
//! ranking and the two maturity buildings.

use serde::Serialize;

use crate::analytics::stats::{least_squares, medians};
use crate::analytics::CampaignReport;
use crate::render::charts::{
    bars, building, scatter, BarChart, BarInput, BarLabel, BuildingChart, ChartMeta, NumberStyle, ScatterChart,
    ScatterPoint,
};

#[derive(Serialize)]
pub struct Charts {
    pub eei_csi: Option<ScatterChart>,
    pub enps_nps: Option<ScatterChart>,
    pub drivers: Option<BarChart>,
    pub building_customer: BuildingChart,
    pub building_employee: BuildingChart,
}

/// The two values a scatter plots for a team (x, y).
type Axes = dyn Fn(&crate::analytics::GroupReport) -> (Option<f64>, Option<f64>);

/// One point per team placed in a quadrant by the engine, at the team's
/// visible figures; teams whose figures anonymity hides are not drawn.
fn team_scatter(
    report: &CampaignReport,
    link: &dyn Fn(&str) -> Option<String>,
    value: &Axes,
    meta: ChartMeta<'_>,
    keys: (&str, &str),
    style: NumberStyle,
    engine_quadrants: bool,
) -> Option<ScatterChart> {
    let quadrants = report.linkage.quadrants.as_ref()?;
    let rows: Vec<(String, String, f64, f64, crate::analytics::linkage::Quadrant)> = report
        .teams
        .iter()
        .filter_map(|t| {
            let q = quadrants.get(&t.code)?;
            let (x, y) = value(&t.group);
            Some((t.name.clone(), link(&t.code).unwrap_or_default(), x?, y?, *q))
        })
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let pairs: Vec<(f64, f64)> = rows.iter().map(|r| (r.2, r.3)).collect();
    let medians = medians(&pairs);
    let points: Vec<ScatterPoint<'_>> = rows
        .iter()
        .map(|(label, href, x, y, q)| ScatterPoint {
            label,
            href,
            x: *x,
            y: *y,
            // The engine's quadrants are those of EEI and CSI; another pair
            // of axes is split at its own medians by the chart.
            quadrant: engine_quadrants.then_some(*q),
        })
        .collect();
    Some(scatter(
        meta,
        &points,
        keys.0,
        keys.1,
        medians,
        least_squares(&pairs),
        style,
    ))
}

/// The charts of a campaign. `listed` says which teams the scatters name
/// (link, tooltip, data-table row): all of them, or for a large
/// organisation the teams its heat-map shows; the others are drawn
/// as unnamed points.
pub fn charts(report: &CampaignReport, org: &str, campaign: &str, lang: &str, listed: &dyn Fn(&str) -> bool) -> Charts {
    let style = NumberStyle::for_lang(lang);
    let link = |code: &str| listed(code).then(|| format!("/orgs/{org}/campaigns/{campaign}/teams/{code}"));
    let eei_csi = team_scatter(
        report,
        &link,
        &|g| (g.indices.eei, g.indices.csi),
        ChartMeta {
            id: "eei-csi",
            title_key: "chart-eei-csi-title",
            desc_key: "chart-eei-csi-desc",
        },
        ("index-eei", "index-csi"),
        style,
        true,
    );
    let enps_nps = team_scatter(
        report,
        &link,
        &|g| (g.indices.enps.score, g.indices.nps.score),
        ChartMeta {
            id: "enps-nps",
            title_key: "chart-enps-nps-title",
            desc_key: "chart-enps-nps-desc",
        },
        ("index-enps", "index-nps"),
        style,
        false,
    );
    let drivers = report.linkage.drivers.as_ref().map(|drivers| {
        let keys: Vec<String> = drivers
            .iter()
            .map(|d| format!("dimension-{}", d.dimension.as_str()))
            .collect();
        let rows: Vec<BarInput<'_>> = drivers
            .iter()
            .zip(&keys)
            .map(|(d, key)| BarInput {
                label: BarLabel::Key(key),
                value: Some(d.r),
            })
            .collect();
        bars(
            ChartMeta {
                id: "drivers",
                title_key: "chart-drivers-title",
                desc_key: "chart-drivers-desc",
            },
            &rows,
            true,
            "chart-dimension",
            "bars-pearson-r",
            style,
        )
    });
    let org_group = &report.organisation;
    Charts {
        eei_csi,
        enps_nps,
        drivers,
        building_customer: building(
            ChartMeta {
                id: "building-customer",
                title_key: "chart-building-customer-title",
                desc_key: "chart-building-desc",
            },
            &org_group.pillars.customer,
            org_group.maturity.customer,
            style,
        ),
        building_employee: building(
            ChartMeta {
                id: "building-employee",
                title_key: "chart-building-employee-title",
                desc_key: "chart-building-desc",
            },
            &org_group.pillars.employee,
            org_group.maturity.employee,
            style,
        ),
    }
}

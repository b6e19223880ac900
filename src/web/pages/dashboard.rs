//! The organisation dashboard: headline indices, the symmetry heat-map, the
//! employee–customer scatter with its quadrants, the drivers, the maturity
//! buildings, channel consistency and the trend against the previous wave.
//! It arranges the engine's report for display; it computes no statistic.

use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::results::{dimension_rows, DimensionRow};
use crate::analytics::items::Dimension;
use crate::analytics::stats::mean_absolute;
use crate::analytics::{CampaignReport, ChannelView, GroupReport, WaveComparison};
use crate::auth::policy::{Action, Decision};
use crate::domain::campaigns::{Campaign, CampaignStatus};
use crate::domain::{organisations, reports};
use crate::error::AppResult;
use crate::web::context::page_context;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

pub const HEATMAP_GAPS: [&str; 3] = ["symmetry", "customer_perception", "managerial_blind_spot"];

/// One cell of the heat-map: the gap, whether significant, and its colour
/// band (−3 … +3) on the diverging scale.
#[derive(Serialize)]
pub struct HeatCell {
    pub dimension: &'static str,
    pub points: Option<f64>,
    pub significant: bool,
    pub suppressed: bool,
    pub band: i8,
}

#[derive(Serialize)]
pub struct HeatRow {
    pub code: String,
    pub name: String,
    pub depth: usize,
    pub cells: Vec<HeatCell>,
    /// Folded heat-map: the teams under this region (0 elsewhere).
    pub below: usize,
    /// Folded heat-map: this region's teams are shown.
    pub open: bool,
}

/// Above this many teams the heat-map opens on the regions and unfolds one
/// region on demand (a page a browser and a person can hold).
pub const REGIONS_FIRST_ABOVE: usize = 60;

/// The heat-map as the dashboard shows it: every team, or for a large
/// organisation the regions with one of them unfolded.
#[derive(Serialize)]
pub struct HeatView {
    pub rows: Vec<HeatRow>,
    pub folded: bool,
    pub teams: usize,
    pub regions: usize,
    pub open: Option<String>,
}

/// Weight of a row when sorting by gap: its mean absolute gap.
fn gap_weight(r: &HeatRow) -> f64 {
    mean_absolute(r.cells.iter().filter_map(|c| c.points)).unwrap_or(-1.0)
}

/// The dashboard's heat-map. Up to `REGIONS_FIRST_ABOVE` teams, all of
/// them; above, the teams down to the first level with several teams
/// ("regions"), and under the region `open` (one of them) its teams.
pub fn heatmap_view(report: &CampaignReport, gap: &str, sort_by_gap: bool, open: Option<&str>) -> HeatView {
    let rows = heatmap(report, gap, false);
    let teams = rows.len();
    if teams <= REGIONS_FIRST_ABOVE {
        let mut rows = rows;
        if sort_by_gap {
            rows.sort_by(|a, b| gap_weight(b).total_cmp(&gap_weight(a)));
        }
        return HeatView {
            rows,
            folded: false,
            teams,
            regions: 0,
            open: None,
        };
    }
    let max_depth = rows.iter().map(|r| r.depth).max().unwrap_or(0);
    let fold = (0..=max_depth)
        .find(|d| rows.iter().filter(|r| r.depth == *d).count() > 1)
        .unwrap_or(0);
    let parent: std::collections::HashMap<&str, Option<&str>> = report
        .teams
        .iter()
        .map(|t| (t.code.as_str(), t.parent_code.as_deref()))
        .collect();
    let depth: std::collections::HashMap<String, usize> = rows.iter().map(|r| (r.code.clone(), r.depth)).collect();
    // The region of a team below the fold: its ancestor on the fold level.
    let region_of = |code: &str| -> Option<String> {
        let mut current = code;
        for _ in 0..=max_depth {
            if depth.get(current) == Some(&fold) {
                return Some(current.to_string());
            }
            current = (*parent.get(current)?)?;
        }
        None
    };
    let open = open.filter(|o| depth.get(*o) == Some(&fold)).map(str::to_string);
    let mut above = Vec::new();
    let mut regions: Vec<(HeatRow, Vec<HeatRow>)> = Vec::new();
    let mut under: std::collections::HashMap<String, Vec<HeatRow>> = std::collections::HashMap::new();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows {
        if row.depth < fold {
            above.push(row);
        } else if row.depth == fold {
            regions.push((row, Vec::new()));
        } else if let Some(region) = region_of(&row.code) {
            *counts.entry(region.clone()).or_default() += 1;
            if open.as_deref() == Some(region.as_str()) {
                under.entry(region).or_default().push(row);
            }
        }
    }
    for (region, teams) in &mut regions {
        region.below = counts.get(&region.code).copied().unwrap_or(0);
        region.open = open.as_deref() == Some(region.code.as_str());
        *teams = under.remove(&region.code).unwrap_or_default();
        if sort_by_gap {
            teams.sort_by(|a, b| gap_weight(b).total_cmp(&gap_weight(a)));
        }
    }
    if sort_by_gap {
        regions.sort_by(|a, b| gap_weight(&b.0).total_cmp(&gap_weight(&a.0)));
    }
    let region_count = regions.len();
    let mut shown = above;
    for (region, teams) in regions {
        shown.push(region);
        shown.extend(teams);
    }
    HeatView {
        rows: shown,
        folded: true,
        teams,
        regions: region_count,
        open,
    }
}

/// Colour band of a gap: ±10 points per band, three bands each way.
pub fn band(points: f64) -> i8 {
    (points / 10.0).trunc().clamp(-3.0, 3.0) as i8
}

fn gap_of(group: &GroupReport, dimension: Dimension, gap: &str) -> (Option<f64>, bool) {
    let Some(d) = group.dimensions.get(&dimension) else {
        return (None, false);
    };
    match gap {
        "customer_perception" => d
            .gaps
            .customer_perception
            .as_ref()
            .map_or((None, false), |g| (Some(g.points), g.significant)),
        "managerial_blind_spot" => (d.gaps.managerial_blind_spot.as_ref().map(|g| g.points), false),
        _ => d
            .gaps
            .symmetry
            .as_ref()
            .map_or((None, false), |g| (Some(g.points), g.significant)),
    }
}

pub fn heatmap(report: &CampaignReport, gap: &str, sort_by_gap: bool) -> Vec<HeatRow> {
    // Levels of the whole tree at once (linear), 0 at the top here; a
    // parent outside the report (a filtered one) still counts as a level.
    let mut parent_of: std::collections::HashMap<String, Option<String>> = report
        .teams
        .iter()
        .map(|t| (t.code.clone(), t.parent_code.clone()))
        .collect();
    for t in &report.teams {
        if let Some(p) = &t.parent_code {
            parent_of.entry(p.clone()).or_insert(None);
        }
    }
    let levels = crate::domain::teams::levels(&parent_of);
    let depth_of = |code: &str| levels.depth.get(code).map_or(0, |d| d.saturating_sub(1));
    let mut rows: Vec<HeatRow> = report
        .teams
        .iter()
        .map(|t| HeatRow {
            code: t.code.clone(),
            name: t.name.clone(),
            depth: depth_of(&t.code),
            cells: Dimension::ALL
                .iter()
                .map(|&d| {
                    let (points, significant) = gap_of(&t.group, d, gap);
                    HeatCell {
                        dimension: d.as_str(),
                        points,
                        significant,
                        suppressed: points.is_none() && (t.group.suppressed.customer || t.group.suppressed.employee),
                        band: points.map(band).unwrap_or(0),
                    }
                })
                .collect(),
            below: 0,
            open: false,
        })
        .collect();
    if sort_by_gap {
        rows.sort_by(|a, b| gap_weight(b).total_cmp(&gap_weight(a)));
    }
    rows
}

#[derive(Serialize)]
struct Wave {
    id: String,
    name: String,
    current: bool,
}

#[derive(Serialize)]
struct DashboardPage<'a> {
    org_id: String,
    org_name: String,
    campaign: &'a Campaign,
    waves: Vec<Wave>,
    k: u64,
    organisation: &'a GroupReport,
    recommendations: Vec<super::results::RecommendationRow<'a>>,
    linkage: &'a crate::analytics::linkage::Linkage,
    dimensions: Vec<DimensionRow<'a>>,
    gap: String,
    gaps: [&'static str; 3],
    sort: String,
    heat_dimensions: Vec<&'static str>,
    heat: HeatView,
    charts: super::dashboard_charts::Charts,
    channels: Option<&'a ChannelView>,
    previous: Option<String>,
    trend: Option<&'a WaveComparison>,
    aggregation: Option<super::dashboard_waves::AggregationView<'a>>,
    lagged: Option<super::dashboard_waves::LaggedView<'a>>,
    label: super::dashboard_waves::LabelView<'a>,
    may_adopt: bool,
    may_manage: bool,
    trail: super::Trail,
}

#[derive(Deserialize)]
pub struct DashboardQuery {
    gap: Option<String>,
    sort: Option<String>,
    /// The region unfolded on a large organisation's heat-map.
    region: Option<String>,
}

#[get("/orgs/{org}/campaigns/{c}/dashboard")]
pub async fn dashboard(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    q: web::Query<DashboardQuery>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let q = q.into_inner();
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (org_row, all, d) = state
        .db(move |conn| {
            let o = organisations::get(conn, &p, &org)?;
            let all = crate::domain::campaigns::list(conn, &p, &org)?;
            let d = reports::dashboard(conn, &p, &cid)?;
            if d.campaign.organisation_id != org {
                return Err(crate::error::AppError::NotFound);
            }
            Ok((o, all, d))
        })
        .await?;
    let gap = q
        .gap
        .filter(|g| HEATMAP_GAPS.contains(&g.as_str()))
        .unwrap_or_else(|| "symmetry".into());
    let sort = q.sort.filter(|s| s == "gap").unwrap_or_else(|| "tree".into());
    let report = &d.report;
    let trail = super::Trail::new(
        &s.principal,
        (&org_id, &org_row.name),
        (&d.campaign.id, &d.campaign.name),
        "dashboard-title",
    );
    let heat = heatmap_view(report, &gap, sort == "gap", q.region.as_deref());
    // A large organisation's scatters name the teams its heat-map shows.
    let shown: std::collections::HashSet<String> = heat.rows.iter().map(|r| r.code.clone()).collect();
    let page = DashboardPage {
        trail,
        may_adopt: s.principal.may(Action::ManageActions {
            org: &org_id,
            lineage: &[],
        }) == Decision::Allow,
        may_manage: s.principal.may(Action::ManageCampaigns { org: &org_id }) == Decision::Allow,
        waves: all
            .iter()
            .filter(|c| c.status != CampaignStatus::Draft)
            .map(|c| Wave {
                id: c.id.clone(),
                name: c.name.clone(),
                current: c.id == d.campaign.id,
            })
            .collect(),
        org_name: org_row.name,
        campaign: &d.campaign,
        k: report.anonymity_threshold,
        organisation: &report.organisation,
        recommendations: super::results::recommendation_rows(
            &crate::web::context::lang_for(&req, None),
            &report.organisation.recommendations,
        ),
        linkage: &report.linkage,
        dimensions: dimension_rows(&report.organisation),
        heat_dimensions: Dimension::ALL.iter().map(|d| d.as_str()).collect(),
        charts: super::dashboard_charts::charts(
            report,
            &org_id,
            &d.campaign.id,
            &crate::web::context::lang_for(&req, None),
            &|code| !heat.folded || shown.contains(code),
        ),
        heat,
        gap,
        gaps: HEATMAP_GAPS,
        sort,
        channels: d.channels.as_ref().as_ref(),
        previous: d.previous.as_ref().map(|(c, _)| c.name.clone()),
        trend: d.previous.as_ref().map(|(_, w)| w),
        aggregation: super::dashboard_waves::aggregation(&report.linkage),
        lagged: d.previous.as_ref().map(|(_, w)| {
            super::dashboard_waves::lagged_view(&w.cross_lagged, &crate::web::context::lang_for(&req, None))
        }),
        label: super::dashboard_waves::label_view(&report.label_readiness),
        org_id,
    };
    html(
        &state.templates,
        "pages/dashboard",
        &page_context(&req, "dashboard-title", page),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn gaps_fall_in_symmetric_bands() {
        assert_eq!(super::band(0.0), 0);
        assert_eq!(super::band(9.9), 0);
        assert_eq!(super::band(10.0), 1);
        assert_eq!(super::band(-25.0), -2);
        assert_eq!(super::band(80.0), 3);
        assert_eq!(super::band(-80.0), -3);
    }
}

//! The consultant's portfolio: each client organisation's latest wave side
//! by side, and an anonymised benchmark of its sector when at least
//! `MIN_SECTOR_ORGANISATIONS` organisations of that sector exist.

use std::collections::BTreeMap;

use actix_web::{get, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::analytics::stats::mean;
use crate::auth::policy::{Action, Principal, Role};
use crate::db::models::{campaign, organisation};
use crate::db::DbConn;
use crate::domain::{authorise, reports, DomainResult};
use crate::error::AppResult;
use crate::web::context::page_context;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

pub const MIN_SECTOR_ORGANISATIONS: usize = 5;

#[derive(Serialize, Clone)]
struct Client {
    id: String,
    name: String,
    sector: String,
    campaign_id: Option<String>,
    campaign_name: Option<String>,
    csi: Option<f64>,
    eei: Option<f64>,
    nps: Option<f64>,
    enps: Option<f64>,
    r: Option<f64>,
    maturity_customer: Option<String>,
    maturity_employee: Option<String>,
}

#[derive(Serialize)]
struct Sector {
    sector: String,
    organisations: usize,
    shown: bool,
    csi: Option<f64>,
    eei: Option<f64>,
    nps: Option<f64>,
    enps: Option<f64>,
}

#[derive(Serialize)]
struct PortfolioPage {
    clients: Vec<Client>,
    sectors: Vec<Sector>,
    min: usize,
}

/// The headline of an organisation's latest finished (or open) wave.
fn headline(conn: &mut DbConn, org: &organisation::Organisation) -> DomainResult<Client> {
    let latest = campaign::list_by_org(conn, &org.id)?
        .into_iter()
        .find(|c| c.status != "draft");
    let mut client = Client {
        id: org.id.clone(),
        name: org.name.clone(),
        sector: org.sector.clone(),
        campaign_id: None,
        campaign_name: None,
        csi: None,
        eei: None,
        nps: None,
        enps: None,
        r: None,
        maturity_customer: None,
        maturity_employee: None,
    };
    if let Some(c) = latest {
        let report = reports::report_unchecked(conn, &c, None, None)?;
        let g = &report.organisation;
        let label = |m: Option<crate::analytics::maturity::Maturity>| {
            m.and_then(|m| serde_json::to_value(m).ok())
                .and_then(|v| v.as_str().map(str::to_string))
        };
        client.csi = g.indices.csi;
        client.eei = g.indices.eei;
        client.nps = g.indices.nps.score;
        client.enps = g.indices.enps.score;
        client.r = report.linkage.eei_csi.as_ref().map(|c| c.pearson.r);
        client.maturity_customer = label(g.maturity.customer);
        client.maturity_employee = label(g.maturity.employee);
        client.campaign_id = Some(c.id);
        client.campaign_name = Some(c.name);
    }
    Ok(client)
}

fn portfolio(conn: &mut DbConn, p: &Principal) -> DomainResult<PortfolioPage> {
    authorise(p, Action::CreateOrganisation)?;
    let mine: Vec<organisation::Organisation> = if p.is_platform_admin {
        organisation::list_all(conn)?
    } else {
        let ids: Vec<String> = p
            .memberships
            .iter()
            .filter(|(_, r)| **r == Role::Consultant)
            .map(|(id, _)| id.clone())
            .collect();
        organisation::list_by_ids(conn, &ids)?
    };
    let clients = mine
        .iter()
        .map(|o| headline(conn, o))
        .collect::<DomainResult<Vec<_>>>()?;
    // Every organisation of the platform feeds its sector's benchmark, but
    // only averages over at least MIN_SECTOR_ORGANISATIONS are shown.
    let mut by_sector: BTreeMap<String, Vec<Client>> = BTreeMap::new();
    let all = organisation::list_all(conn)?;
    for sector in clients
        .iter()
        .map(|c| c.sector.clone())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let peers: Vec<Client> = all
            .iter()
            .filter(|o| o.sector == sector)
            .map(|o| headline(conn, o))
            .collect::<DomainResult<Vec<_>>>()?;
        by_sector.insert(sector, peers);
    }
    let sectors = by_sector
        .into_iter()
        .map(|(sector, peers)| {
            let with_data: Vec<&Client> = peers.iter().filter(|c| c.campaign_id.is_some()).collect();
            let shown = with_data.len() >= MIN_SECTOR_ORGANISATIONS;
            let avg = |f: &dyn Fn(&Client) -> Option<f64>| {
                if shown {
                    mean(&with_data.iter().filter_map(|c| f(c)).collect::<Vec<_>>())
                } else {
                    None
                }
            };
            Sector {
                organisations: with_data.len(),
                csi: avg(&|c| c.csi),
                eei: avg(&|c| c.eei),
                nps: avg(&|c| c.nps),
                enps: avg(&|c| c.enps),
                shown,
                sector,
            }
        })
        .collect();
    Ok(PortfolioPage {
        clients,
        sectors,
        min: MIN_SECTOR_ORGANISATIONS,
    })
}

#[get("/portfolio")]
pub async fn page(state: State, req: HttpRequest, s: SignedIn) -> AppResult<HttpResponse> {
    let p = s.principal.clone();
    let page = state.db(move |conn| Ok(portfolio(conn, &p)?)).await?;
    html(
        &state.templates,
        "pages/portfolio",
        &page_context(&req, "portfolio-title", page),
    )
}

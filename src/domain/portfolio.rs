//! The consultant's portfolio: each client organisation's latest published
//! wave side by side, and a benchmark of its sector
//! (`analytics::benchmark`) over other organisations only: never the
//! viewer's own clients, never organisations the viewer created, and only
//! organisations whose figures are published (a closed wave).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{authorise, reports, DomainResult};
use crate::analytics::benchmark::{benchmark, Benchmark, Headline, MIN_BENCHMARK_ORGANISATIONS};
use crate::auth::policy::{Action, Principal, Role};
use crate::db::models::{campaign, organisation};
use crate::db::DbConn;

#[derive(Serialize, Clone)]
pub struct Client {
    pub id: String,
    pub name: String,
    pub sector: String,
    pub campaign_id: Option<String>,
    pub campaign_name: Option<String>,
    pub csi: Option<f64>,
    pub eei: Option<f64>,
    pub nps: Option<f64>,
    pub enps: Option<f64>,
    pub r: Option<f64>,
    pub maturity_customer: Option<String>,
    pub maturity_employee: Option<String>,
}

#[derive(Serialize)]
pub struct Sector {
    pub sector: String,
    #[serde(flatten)]
    pub benchmark: Benchmark,
}

#[derive(Serialize)]
pub struct Portfolio {
    pub clients: Vec<Client>,
    pub sectors: Vec<Sector>,
    pub min: usize,
}

/// The headline of an organisation's latest published wave.
fn headline(conn: &mut DbConn, org: &organisation::Organisation) -> DomainResult<Client> {
    let latest = campaign::list_by_org(conn, &org.id)?
        .into_iter()
        .find(reports::is_published);
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

pub fn portfolio(conn: &mut DbConn, p: &Principal) -> DomainResult<Portfolio> {
    authorise(p, Action::ViewPortfolio)?;
    let all = organisation::list_all(conn)?;
    let member_of: BTreeSet<&str> = p.memberships.keys().map(String::as_str).collect();
    let consultant_of: BTreeSet<&str> = p
        .memberships
        .iter()
        .filter(|(_, r)| **r == Role::Consultant)
        .map(|(id, _)| id.as_str())
        .collect();
    let mine: Vec<&organisation::Organisation> = all
        .iter()
        .filter(|o| p.is_platform_admin || consultant_of.contains(o.id.as_str()))
        .collect();
    let clients = mine
        .iter()
        .map(|o| headline(conn, o))
        .collect::<DomainResult<Vec<_>>>()?;
    let sectors: BTreeSet<&str> = clients.iter().map(|c| c.sector.as_str()).collect();
    let mut by_sector: BTreeMap<String, Vec<Headline>> = BTreeMap::new();
    for sector in sectors {
        let mut peers = Vec::new();
        for o in all.iter().filter(|o| o.sector == sector) {
            let own = member_of.contains(o.id.as_str());
            let created = o.created_by.as_deref() == Some(p.user_id.as_str());
            if own || created {
                continue;
            }
            let c = headline(conn, o)?;
            if c.campaign_id.is_some() {
                peers.push(Headline {
                    csi: c.csi,
                    eei: c.eei,
                    nps: c.nps,
                    enps: c.enps,
                });
            }
        }
        by_sector.insert(sector.to_string(), peers);
    }
    let sectors = by_sector
        .into_iter()
        .map(|(sector, peers)| Sector {
            sector,
            benchmark: benchmark(&peers),
        })
        .collect();
    Ok(Portfolio {
        clients,
        sectors,
        min: MIN_BENCHMARK_ORGANISATIONS,
    })
}

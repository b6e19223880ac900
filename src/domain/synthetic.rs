//! Stores a synthetic campaign (`analytics::synthetic`) for load tests of
//! the report endpoint: an organisation with the shape's team tree and one
//! closed campaign whose aggregate rows are written directly (there are no
//! raw responses behind them, so `aggregates rebuild` must not be run on
//! it). Run by `miroir bench-seed`; never on its own.

use std::collections::HashMap;

use super::DomainResult;
use crate::analytics::synthetic::{campaign, Shape};
use crate::analytics::CampaignData;
use crate::auth::random_token;
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign::{self as campaign_model, Campaign, CampaignStatus};
use crate::db::models::organisation::{self, Organisation};
use crate::db::models::team::{self, Team};
use crate::db::models::{new_id, now};
use crate::db::DbConn;

/// What was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seeded {
    pub organisation_id: String,
    pub campaign_id: String,
    pub teams: usize,
    pub rows: usize,
}

/// Aggregate keys written per statement batch (keeps memory flat).
const BATCH: usize = 20_000;

/// `status` is `closed` (reports cached) or `open` (always computed).
pub fn seed(conn: &mut DbConn, shape: &Shape, status: CampaignStatus) -> DomainResult<Seeded> {
    let data = campaign(shape, &super::instrument::item_codes());
    crate::db::write_transaction(conn, |conn| store(conn, shape, &data, status))
}

fn store(conn: &mut DbConn, shape: &Shape, data: &CampaignData, status: CampaignStatus) -> DomainResult<Seeded> {
    let org = Organisation {
        id: new_id(),
        name: format!("Synthetic {}", shape.label()),
        sector: "benchmark".into(),
        default_language: "en".into(),
        anonymity_threshold: 5,
        created_at: now(),
        created_by: None,
        label_floor: i32::from(crate::analytics::label::DEFAULT_FLOOR),
        label_average: i32::from(crate::analytics::label::DEFAULT_AVERAGE),
    };
    organisation::insert(conn, &org)?;
    let ids: HashMap<&str, String> = data.teams.iter().map(|t| (t.code.as_str(), new_id())).collect();
    // Parents first: the generator lists each region before its branches.
    for t in &data.teams {
        team::insert(
            conn,
            &Team {
                id: ids[t.code.as_str()].clone(),
                organisation_id: org.id.clone(),
                code: t.code.clone(),
                name: t.name.clone(),
                parent_id: t.parent_code.as_deref().map(|p| ids[p].clone()),
                headcount: 10,
            },
        )?;
    }
    let today = chrono::Utc::now().date_naive();
    let c = Campaign {
        id: new_id(),
        organisation_id: org.id.clone(),
        code: random_token(8),
        name: format!("Synthetic wave ({})", shape.label()),
        opens_on: today - chrono::Duration::days(30),
        closes_on: today + chrono::Duration::days(if status == CampaignStatus::Open { 30 } else { -1 }),
        languages: "en,fr".into(),
        populations: "customer,employee,manager,executive".into(),
        status,
        // The version the synthetic answers were drawn on.
        instrument_version: data.instrument.number(),
        created_at: now(),
    };
    campaign_model::insert(conn, &c)?;
    let key = |team: Option<&str>| team.map(|code| ids[code].as_str()).unwrap_or_default();
    let mut delta = Delta::default();
    // Written in batches, so memory stays flat whatever the campaign's size.
    let flush = |conn: &mut DbConn, delta: &mut Delta, at_least: usize| {
        if delta.len() >= at_least.max(1) {
            aggregates::apply(conn, &c.id, &std::mem::take(delta))
        } else {
            Ok(())
        }
    };
    for h in &data.histograms {
        delta.add_histogram(h, key(h.team.as_deref()), 1);
        flush(conn, &mut delta, BATCH)?;
    }
    for r in &data.respondents {
        delta.add_respondents(r, key(r.team.as_deref()), 1);
        flush(conn, &mut delta, BATCH)?;
    }
    for o in &data.orientation {
        delta.add_orientation(o, key(Some(&o.team)), 1);
        flush(conn, &mut delta, BATCH)?;
    }
    flush(conn, &mut delta, 1)?;
    Ok(Seeded {
        organisation_id: org.id,
        campaign_id: c.id,
        teams: data.teams.len(),
        rows: data.histograms.len() + data.respondents.len() + data.orientation.len(),
    })
}

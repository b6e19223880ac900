//! Webhook endpoints, the durable outbox of their messages, and the counts
//! last sent for `participation.updated`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{webhook_endpoints, webhook_outbox, webhook_participation};
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = webhook_endpoints)]
pub struct Endpoint {
    pub id: String,
    pub organisation_id: String,
    pub url: String,
    /// Comma-separated event types.
    pub events: String,
    #[serde(skip)]
    pub secret: String,
    pub created_at: NaiveDateTime,
    pub created_by: Option<String>,
}

impl Endpoint {
    pub fn wants(&self, event: &str) -> bool {
        self.events.split(',').any(|e| e == event)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = webhook_outbox)]
pub struct OutboxRow {
    pub id: String,
    pub endpoint_id: String,
    pub message_id: String,
    pub event_type: String,
    pub payload: String,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert_endpoint(conn: &mut DbConn, e: &Endpoint) -> QueryResult<()> {
    diesel::insert_into(webhook_endpoints::table)
        .values(e)
        .execute(conn)
        .map(|_| ())
}

pub fn endpoints_of_org(conn: &mut DbConn, org: &str) -> QueryResult<Vec<Endpoint>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::organisation_id.eq(org))
        .order((webhook_endpoints::created_at, webhook_endpoints::id))
        .select(Endpoint::as_select())
        .load(conn)
}

pub fn find_endpoint(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<Endpoint>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::organisation_id.eq(org))
        .filter(webhook_endpoints::id.eq(id))
        .select(Endpoint::as_select())
        .first(conn)
        .optional()
}

pub fn endpoint_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<Endpoint>> {
    webhook_endpoints::table
        .find(id)
        .select(Endpoint::as_select())
        .first(conn)
        .optional()
}

pub fn delete_endpoint(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<usize> {
    // The outbox rows go with it (ON DELETE CASCADE; said here too for
    // SQLite connections opened without foreign keys).
    diesel::delete(webhook_outbox::table.filter(webhook_outbox::endpoint_id.eq(id))).execute(conn)?;
    diesel::delete(
        webhook_endpoints::table
            .filter(webhook_endpoints::organisation_id.eq(org))
            .filter(webhook_endpoints::id.eq(id)),
    )
    .execute(conn)
}

/// Organisations that have an endpoint wanting `event`.
pub fn organisations_wanting(conn: &mut DbConn, event: &str) -> QueryResult<Vec<String>> {
    let all: Vec<(String, String)> = webhook_endpoints::table
        .select((webhook_endpoints::organisation_id, webhook_endpoints::events))
        .load(conn)?;
    let mut orgs: Vec<String> = all
        .into_iter()
        .filter(|(_, events)| events.split(',').any(|e| e == event))
        .map(|(org, _)| org)
        .collect();
    orgs.sort();
    orgs.dedup();
    Ok(orgs)
}

pub fn insert_outbox(conn: &mut DbConn, rows: &[OutboxRow]) -> QueryResult<()> {
    for row in rows {
        diesel::insert_into(webhook_outbox::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Rows due at `now`, oldest first, locked so that another instance's
/// claim skips them (PostgreSQL; SQLite has one writer at a time).
/// Call inside a write transaction.
pub fn due_for_update(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    macro_rules! due {
        () => {
            webhook_outbox::table
                .filter(webhook_outbox::delivered_at.is_null())
                .filter(webhook_outbox::next_attempt_at.le(now))
                .order(webhook_outbox::next_attempt_at)
                .limit(limit)
                .select(OutboxRow::as_select())
        };
    }
    match conn {
        DbConn::Postgres(c) => due!().for_update().skip_locked().load(c),
        DbConn::Sqlite(c) => due!().load(c),
    }
}

/// Moves a claimed row's next attempt to `until`, so that no instance
/// takes it again while it is being delivered.
pub fn lease(conn: &mut DbConn, ids: &[String], until: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(webhook_outbox::table.filter(webhook_outbox::id.eq_any(ids)))
        .set(webhook_outbox::next_attempt_at.eq(Some(until)))
        .execute(conn)
}

/// The outcome of one attempt: delivered (`next` None and `delivered`
/// set), to retry at `next`, or given up (both None).
pub fn record_attempt(
    conn: &mut DbConn,
    id: &str,
    status: Option<i32>,
    error: Option<&str>,
    delivered: Option<NaiveDateTime>,
    next: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(webhook_outbox::table.find(id))
        .set((
            webhook_outbox::attempts.eq(webhook_outbox::attempts + 1),
            webhook_outbox::last_status.eq(status),
            webhook_outbox::last_error.eq(error),
            webhook_outbox::delivered_at.eq(delivered),
            webhook_outbox::next_attempt_at.eq(next),
        ))
        .execute(conn)
}

pub fn find_outbox(conn: &mut DbConn, id: &str) -> QueryResult<Option<OutboxRow>> {
    webhook_outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()
}

/// The last `limit` rows of an organisation's outbox, newest first, with
/// their endpoint's URL.
pub fn log_of_org(conn: &mut DbConn, org: &str, limit: i64) -> QueryResult<Vec<(OutboxRow, String)>> {
    webhook_outbox::table
        .inner_join(webhook_endpoints::table)
        .filter(webhook_endpoints::organisation_id.eq(org))
        .order((webhook_outbox::created_at.desc(), webhook_outbox::id))
        .limit(limit)
        .select((OutboxRow::as_select(), webhook_endpoints::url))
        .load(conn)
}

/// The counts last sent for a campaign, if any.
pub fn participation_of(conn: &mut DbConn, campaign: &str) -> QueryResult<Option<(String, NaiveDateTime)>> {
    webhook_participation::table
        .find(campaign)
        .select((webhook_participation::counts, webhook_participation::checked_at))
        .first(conn)
        .optional()
}

/// Claims the hourly comparison of a campaign's counts: true for the one
/// caller whose insert or conditional update took effect.
pub fn claim_participation(
    conn: &mut DbConn,
    campaign: &str,
    now: NaiveDateTime,
    before: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        webhook_participation::table
            .filter(webhook_participation::campaign_id.eq(campaign))
            .filter(webhook_participation::checked_at.le(before)),
    )
    .set(webhook_participation::checked_at.eq(now))
    .execute(conn)?;
    if updated == 1 {
        return Ok(true);
    }
    let exists = webhook_participation::table
        .find(campaign)
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if exists {
        return Ok(false);
    }
    match diesel::insert_into(webhook_participation::table)
        .values((
            webhook_participation::campaign_id.eq(campaign),
            webhook_participation::counts.eq(""),
            webhook_participation::checked_at.eq(now),
        ))
        .execute(conn)
    {
        Ok(_) => Ok(true),
        Err(e) if crate::db::is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn set_participation_counts(conn: &mut DbConn, campaign: &str, counts: &str) -> QueryResult<usize> {
    diesel::update(webhook_participation::table.find(campaign))
        .set(webhook_participation::counts.eq(counts))
        .execute(conn)
}

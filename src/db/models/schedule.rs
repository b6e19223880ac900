//! Campaigns that open and close by themselves (their schedule and time
//! zone), the history of every campaign's moves, and the leases that let one
//! server instance at a time run a background job.

use diesel::prelude::*;

use super::campaign::Campaign;
use crate::db::schema::{campaign_events, campaign_schedules, campaigns, scheduler_leases, users};
use crate::db::DbConn;

/// A move of a campaign as its history shows it.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = campaign_events)]
pub struct CampaignEvent {
    pub id: String,
    pub campaign_id: String,
    pub at: chrono::NaiveDateTime,
    pub step: String,
    pub actor_id: Option<String>,
    pub by_scheduler: bool,
}

/// The campaign's time zone when it runs by itself, or `None`.
pub fn of(conn: &mut DbConn, campaign: &str) -> QueryResult<Option<String>> {
    campaign_schedules::table
        .filter(campaign_schedules::campaign_id.eq(campaign))
        .select(campaign_schedules::time_zone)
        .first(conn)
        .optional()
}

/// Sets (`Some(time zone)`) or removes (`None`) a campaign's schedule.
pub fn set(conn: &mut DbConn, campaign: &str, time_zone: Option<&str>) -> QueryResult<()> {
    diesel::delete(campaign_schedules::table.filter(campaign_schedules::campaign_id.eq(campaign))).execute(conn)?;
    if let Some(tz) = time_zone {
        diesel::insert_into(campaign_schedules::table)
            .values((
                campaign_schedules::campaign_id.eq(campaign),
                campaign_schedules::time_zone.eq(tz),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Scheduled campaigns that may still move (draft or open), with their
/// time zone.
pub fn pending(conn: &mut DbConn) -> QueryResult<Vec<(Campaign, String)>> {
    campaigns::table
        .inner_join(campaign_schedules::table.on(campaign_schedules::campaign_id.eq(campaigns::id)))
        .filter(campaigns::status.eq_any(["draft", "open"]))
        .order(campaigns::opens_on.asc())
        .select((Campaign::as_select(), campaign_schedules::time_zone))
        .load(conn)
}

pub fn record(conn: &mut DbConn, event: &CampaignEvent) -> QueryResult<()> {
    diesel::insert_into(campaign_events::table)
        .values(event)
        .execute(conn)
        .map(|_| ())
}

/// A campaign's history, oldest first, with the person's name when a
/// person moved it.
pub fn history(conn: &mut DbConn, campaign: &str) -> QueryResult<Vec<(CampaignEvent, Option<String>)>> {
    campaign_events::table
        .left_join(users::table.on(users::id.nullable().eq(campaign_events::actor_id)))
        .filter(campaign_events::campaign_id.eq(campaign))
        .order((campaign_events::at.asc(), campaign_events::id.asc()))
        .select((CampaignEvent::as_select(), users::display_name.nullable()))
        .load(conn)
}

/// Takes or renews the lease `name` for `holder` until `until`: true when
/// `holder` holds it afterwards. A lease whose time has passed is free.
pub fn lease(
    conn: &mut DbConn,
    name: &str,
    holder: &str,
    now: chrono::NaiveDateTime,
    until: chrono::NaiveDateTime,
) -> QueryResult<bool> {
    let taken = diesel::update(
        scheduler_leases::table.filter(scheduler_leases::name.eq(name)).filter(
            scheduler_leases::holder
                .eq(holder)
                .or(scheduler_leases::expires_at.lt(now)),
        ),
    )
    .set((
        scheduler_leases::holder.eq(holder),
        scheduler_leases::expires_at.eq(until),
    ))
    .execute(conn)?;
    if taken == 1 {
        return Ok(true);
    }
    // No row yet: the first to insert it holds it.
    let inserted = on_each_backend!(conn, |c| diesel::insert_into(scheduler_leases::table)
        .values((
            scheduler_leases::name.eq(name),
            scheduler_leases::holder.eq(holder),
            scheduler_leases::expires_at.eq(until),
        ))
        .on_conflict(scheduler_leases::name)
        .do_nothing()
        .execute(c))?;
    Ok(inserted == 1)
}

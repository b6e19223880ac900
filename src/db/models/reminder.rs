//! The addresses of e-mailed invitations (sealed, kept while the wave is
//! open) and the reminders sent per wave.

use diesel::prelude::*;

use crate::db::schema::{campaign_reminders, invitation_addresses, invitations};
use crate::db::DbConn;

/// Keeps `(token hash, sealed address and link)` for each invitation.
pub fn insert_addresses(conn: &mut DbConn, campaign: &str, rows: &[(String, String)]) -> QueryResult<()> {
    let rows: Vec<_> = rows
        .iter()
        .map(|(hash, sealed)| {
            (
                invitation_addresses::token_hash.eq(hash),
                invitation_addresses::campaign_id.eq(campaign),
                invitation_addresses::sealed.eq(sealed),
            )
        })
        .collect();
    for chunk in rows.chunks(500) {
        on_each_backend!(conn, |c| diesel::insert_into(invitation_addresses::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(())
}

/// The sealed addresses of a campaign's invitations still unused:
/// (token hash, sealed).
pub fn unused_addresses(conn: &mut DbConn, campaign: &str) -> QueryResult<Vec<(String, String)>> {
    let unused: std::collections::HashSet<String> = invitations::table
        .filter(invitations::campaign_id.eq(campaign))
        .filter(invitations::used.eq(false))
        .select(invitations::token_hash)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    let kept: Vec<(String, String)> = invitation_addresses::table
        .filter(invitation_addresses::campaign_id.eq(campaign))
        .select((invitation_addresses::token_hash, invitation_addresses::sealed))
        .order(invitation_addresses::token_hash.asc())
        .load(conn)?;
    Ok(kept.into_iter().filter(|(hash, _)| unused.contains(hash)).collect())
}

/// How many addresses a campaign keeps.
pub fn count_addresses(conn: &mut DbConn, campaign: &str) -> QueryResult<i64> {
    invitation_addresses::table
        .filter(invitation_addresses::campaign_id.eq(campaign))
        .count()
        .get_result(conn)
}

/// Erases every address a campaign kept; returns how many.
pub fn erase_addresses(conn: &mut DbConn, campaign: &str) -> QueryResult<usize> {
    diesel::delete(invitation_addresses::table.filter(invitation_addresses::campaign_id.eq(campaign))).execute(conn)
}

fn ensure_counter(conn: &mut DbConn, campaign: &str) -> QueryResult<()> {
    on_each_backend!(conn, |c| diesel::insert_into(campaign_reminders::table)
        .values((
            campaign_reminders::campaign_id.eq(campaign),
            campaign_reminders::sent.eq(0),
            campaign_reminders::scheduled_sent.eq(false),
        ))
        .on_conflict_do_nothing()
        .execute(c))
    .map(|_| ())
}

/// (reminders sent, whether the scheduled one has gone).
pub fn counter(conn: &mut DbConn, campaign: &str) -> QueryResult<(i32, bool)> {
    Ok(campaign_reminders::table
        .find(campaign)
        .select((campaign_reminders::sent, campaign_reminders::scheduled_sent))
        .first(conn)
        .optional()?
        .unwrap_or((0, false)))
}

/// Takes one of the `max` reminders of a wave; false when all are taken.
/// One statement, so two instances or two clicks cannot both take the last.
pub fn take_reminder(conn: &mut DbConn, campaign: &str, max: i32) -> QueryResult<bool> {
    ensure_counter(conn, campaign)?;
    let n = diesel::update(
        campaign_reminders::table
            .filter(campaign_reminders::campaign_id.eq(campaign))
            .filter(campaign_reminders::sent.lt(max)),
    )
    .set(campaign_reminders::sent.eq(campaign_reminders::sent + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// Gives back a reminder taken but not sent (nobody could be reached).
pub fn give_back_reminder(conn: &mut DbConn, campaign: &str) -> QueryResult<()> {
    diesel::update(
        campaign_reminders::table
            .filter(campaign_reminders::campaign_id.eq(campaign))
            .filter(campaign_reminders::sent.gt(0)),
    )
    .set(campaign_reminders::sent.eq(campaign_reminders::sent - 1))
    .execute(conn)
    .map(|_| ())
}

/// Marks the scheduled reminder of a wave as done; false when it already
/// was (another instance, or an earlier day).
pub fn take_scheduled(conn: &mut DbConn, campaign: &str) -> QueryResult<bool> {
    ensure_counter(conn, campaign)?;
    let n = diesel::update(
        campaign_reminders::table
            .filter(campaign_reminders::campaign_id.eq(campaign))
            .filter(campaign_reminders::scheduled_sent.eq(false)),
    )
    .set(campaign_reminders::scheduled_sent.eq(true))
    .execute(conn)?;
    Ok(n == 1)
}

/// Gives the scheduled reminder back (it could not be sent: tried again on
/// the next run).
pub fn release_scheduled(conn: &mut DbConn, campaign: &str) -> QueryResult<()> {
    diesel::update(campaign_reminders::table.filter(campaign_reminders::campaign_id.eq(campaign)))
        .set(campaign_reminders::scheduled_sent.eq(false))
        .execute(conn)
        .map(|_| ())
}

/// Open campaigns whose closing date is between `from` and `to`.
pub fn open_closing_between(
    conn: &mut DbConn,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> QueryResult<Vec<crate::db::models::campaign::Campaign>> {
    use crate::db::models::campaign::{Campaign, CampaignStatus};
    use crate::db::schema::campaigns;
    campaigns::table
        .filter(campaigns::status.eq(CampaignStatus::Open))
        .filter(campaigns::closes_on.ge(from))
        .filter(campaigns::closes_on.le(to))
        .select(Campaign::as_select())
        .order(campaigns::id.asc())
        .load(conn)
}

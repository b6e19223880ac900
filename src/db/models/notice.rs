//! E-mailed notices: the outbox a campaign move fills, who was told what,
//! and the kinds each person opted out of.

use diesel::prelude::*;

use crate::db::schema::{
    campaigns, memberships, notice_opt_outs, notice_outbox, notices_sent, organisations, team_managers, teams, users,
};
use crate::db::DbConn;

/// Records that `kind` is to be told about a campaign (inside the move's
/// transaction).
pub fn enqueue(conn: &mut DbConn, id: &str, kind: &str, campaign: &str, at: chrono::NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(notice_outbox::table)
        .values((
            notice_outbox::id.eq(id),
            notice_outbox::kind.eq(kind),
            notice_outbox::campaign_id.eq(campaign),
            notice_outbox::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// (id, kind, campaign id) of every notice not sent yet, oldest first.
pub fn pending(conn: &mut DbConn) -> QueryResult<Vec<(String, String, String)>> {
    notice_outbox::table
        .filter(notice_outbox::sent_at.is_null())
        .order(notice_outbox::created_at.asc())
        .select((notice_outbox::id, notice_outbox::kind, notice_outbox::campaign_id))
        .load(conn)
}

pub fn mark_done(conn: &mut DbConn, id: &str, at: chrono::NaiveDateTime) -> QueryResult<usize> {
    diesel::update(notice_outbox::table.find(id))
        .set(notice_outbox::sent_at.eq(Some(at)))
        .execute(conn)
}

/// Claims (kind, scope, user): true when this call is the first, so the
/// mail is sent once even with several instances.
pub fn claim(conn: &mut DbConn, kind: &str, scope: &str, user: &str, at: chrono::NaiveDateTime) -> QueryResult<bool> {
    let inserted = diesel::insert_into(notices_sent::table)
        .values((
            notices_sent::kind.eq(kind),
            notices_sent::scope.eq(scope),
            notices_sent::user_id.eq(user),
            notices_sent::sent_at.eq(at),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if crate::db::is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Gives a claim back (the mail could not be sent: try again next time).
pub fn release(conn: &mut DbConn, kind: &str, scope: &str, user: &str) -> QueryResult<usize> {
    diesel::delete(
        notices_sent::table
            .filter(notices_sent::kind.eq(kind))
            .filter(notices_sent::scope.eq(scope))
            .filter(notices_sent::user_id.eq(user)),
    )
    .execute(conn)
}

/// The kinds a user opted out of.
pub fn opt_outs(conn: &mut DbConn, user: &str) -> QueryResult<Vec<String>> {
    notice_opt_outs::table
        .filter(notice_opt_outs::user_id.eq(user))
        .select(notice_opt_outs::kind)
        .order(notice_opt_outs::kind.asc())
        .load(conn)
}

/// Sets whether a user receives `kind`.
pub fn set_opt_out(conn: &mut DbConn, user: &str, kind: &str, out: bool) -> QueryResult<()> {
    let row = notice_opt_outs::table.find((user, kind));
    if out {
        if diesel::select(diesel::dsl::exists(row)).get_result::<bool>(conn)? {
            return Ok(());
        }
        let inserted = diesel::insert_into(notice_opt_outs::table)
            .values((notice_opt_outs::user_id.eq(user), notice_opt_outs::kind.eq(kind)))
            .execute(conn);
        match inserted {
            Err(e) if crate::db::is_unique_violation(&e) => Ok(()),
            other => other.map(|_| ()),
        }
    } else {
        diesel::delete(row).execute(conn).map(|_| ())
    }
}

/// A person a notice may go to.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Recipient {
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub language: Option<String>,
}

/// (id, e-mail, display name, language)
type RecipientRow = (String, String, String, Option<String>);
type RecipientColumns = (users::id, users::email, users::display_name, users::language);
const RECIPIENT: RecipientColumns = (users::id, users::email, users::display_name, users::language);

/// Members of an organisation with a role, by e-mail.
pub fn members_with_role(conn: &mut DbConn, org: &str, role: &str) -> QueryResult<Vec<Recipient>> {
    memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::role.eq(role))
        .select(RECIPIENT)
        .order(users::email.asc())
        .load(conn)
}

/// Every member of an organisation, by e-mail.
pub fn members(conn: &mut DbConn, org: &str) -> QueryResult<Vec<Recipient>> {
    memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .select(RECIPIENT)
        .order(users::email.asc())
        .load(conn)
}

/// (team id, manager) for every team of an organisation that has one.
pub fn managers_of_org(conn: &mut DbConn, org: &str) -> QueryResult<Vec<(String, Recipient)>> {
    let rows: Vec<(String, RecipientRow)> = team_managers::table
        .inner_join(teams::table)
        .inner_join(users::table)
        .filter(teams::organisation_id.eq(org))
        .select((team_managers::team_id, RECIPIENT))
        .order((teams::code.asc(), users::email.asc()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(team, (user_id, email, display_name, language))| {
            (
                team,
                Recipient {
                    user_id,
                    email,
                    display_name,
                    language,
                },
            )
        })
        .collect())
}

/// Ids of the campaigns with a status, every organisation.
pub fn campaigns_with_status(conn: &mut DbConn, status: &str) -> QueryResult<Vec<String>> {
    campaigns::table
        .filter(campaigns::status.eq(status))
        .select(campaigns::id)
        .order(campaigns::id.asc())
        .load(conn)
}

/// Every organisation id.
pub fn organisation_ids(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    organisations::table
        .select(organisations::id)
        .order(organisations::id.asc())
        .load(conn)
}

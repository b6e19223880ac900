//! Users, their memberships in organisations, the teams they manage, and
//! password reset links.

use diesel::prelude::*;
use serde::Serialize;

use crate::auth::policy::Role;
use crate::db::schema::{memberships, organisations, password_resets, team_managers, teams, users};
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub language: Option<String>,
    pub is_platform_admin: bool,
    pub is_consultant: bool,
    pub token_version: i32,
    pub created_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = memberships)]
pub struct Membership {
    pub id: String,
    pub user_id: String,
    pub organisation_id: String,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub role: Role,
}

/// A member as listed on an organisation's people page.
#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub membership_id: String,
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub team_codes: Vec<String>,
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn count_admins(conn: &mut DbConn) -> QueryResult<i64> {
    users::table
        .filter(users::is_platform_admin.eq(true))
        .count()
        .get_result(conn)
}

pub fn insert(conn: &mut DbConn, user: &User) -> QueryResult<()> {
    diesel::insert_into(users::table).values(user).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn list_all(conn: &mut DbConn) -> QueryResult<Vec<User>> {
    users::table
        .select(User::as_select())
        .order(users::email.asc())
        .load(conn)
}

/// Sets a new password hash and revokes every token issued before.
pub fn set_password(conn: &mut DbConn, id: &str, hash: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::token_version.eq(users::token_version + 1),
        ))
        .execute(conn)
}

/// Revokes every token issued before (logout).
pub fn bump_token_version(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::token_version.eq(users::token_version + 1))
        .execute(conn)
}

pub fn set_language(conn: &mut DbConn, id: &str, language: Option<&str>) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::language.eq(language))
        .execute(conn)
}

pub fn set_consultant(conn: &mut DbConn, id: &str, consultant: bool) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::is_consultant.eq(consultant))
        .execute(conn)
}

pub fn memberships_of(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Membership>> {
    memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select(Membership::as_select())
        .load(conn)
}

pub fn managed_team_ids(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<String>> {
    team_managers::table
        .filter(team_managers::user_id.eq(user_id))
        .select(team_managers::team_id)
        .load(conn)
}

pub fn find_membership(conn: &mut DbConn, org: &str, membership_id: &str) -> QueryResult<Option<Membership>> {
    memberships::table
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::id.eq(membership_id))
        .select(Membership::as_select())
        .first(conn)
        .optional()
}

pub fn find_membership_of_user(conn: &mut DbConn, org: &str, user_id: &str) -> QueryResult<Option<Membership>> {
    memberships::table
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::user_id.eq(user_id))
        .select(Membership::as_select())
        .first(conn)
        .optional()
}

pub fn insert_membership(conn: &mut DbConn, m: &Membership) -> QueryResult<()> {
    diesel::insert_into(memberships::table)
        .values(m.clone())
        .execute(conn)
        .map(|_| ())
}

pub fn update_membership_role(conn: &mut DbConn, id: &str, role: &str) -> QueryResult<usize> {
    diesel::update(memberships::table.find(id))
        .set(memberships::role.eq(role))
        .execute(conn)
}

/// Removes a membership and the teams the user managed in that organisation.
pub fn delete_membership(conn: &mut DbConn, m: &Membership) -> QueryResult<()> {
    let org_teams = teams::table
        .filter(teams::organisation_id.eq(&m.organisation_id))
        .select(teams::id);
    diesel::delete(
        team_managers::table
            .filter(team_managers::user_id.eq(&m.user_id))
            .filter(team_managers::team_id.eq_any(org_teams)),
    )
    .execute(conn)?;
    diesel::delete(memberships::table.find(&m.id)).execute(conn).map(|_| ())
}

/// Replaces the teams a user manages inside one organisation.
pub fn set_managed_teams(conn: &mut DbConn, org: &str, user_id: &str, team_ids: &[String]) -> QueryResult<()> {
    let org_teams = teams::table.filter(teams::organisation_id.eq(org)).select(teams::id);
    diesel::delete(
        team_managers::table
            .filter(team_managers::user_id.eq(user_id))
            .filter(team_managers::team_id.eq_any(org_teams)),
    )
    .execute(conn)?;
    for team_id in team_ids {
        diesel::insert_into(team_managers::table)
            .values((team_managers::team_id.eq(team_id), team_managers::user_id.eq(user_id)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn members_of(conn: &mut DbConn, org: &str) -> QueryResult<Vec<MemberRow>> {
    let rows: Vec<(String, String, String, String, String)> = memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .select((
            memberships::id,
            users::id,
            users::email,
            users::display_name,
            memberships::role,
        ))
        .order(users::email.asc())
        .load(conn)?;
    let managed: Vec<(String, String)> = team_managers::table
        .inner_join(teams::table)
        .filter(teams::organisation_id.eq(org))
        .select((team_managers::user_id, teams::code))
        .order(teams::code.asc())
        .load(conn)?;
    rows.into_iter()
        .map(|(membership_id, user_id, email, display_name, role)| {
            Ok(MemberRow {
                team_codes: managed
                    .iter()
                    .filter(|(u, _)| *u == user_id)
                    .map(|(_, code)| code.clone())
                    .collect(),
                membership_id,
                user_id,
                email,
                display_name,
                role: Role::try_from(role).map_err(|e| diesel::result::Error::DeserializationError(e.into()))?,
            })
        })
        .collect()
}

/// Organisation ids and names a user belongs to, with the role.
pub fn organisations_of(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<(String, String, String)>> {
    memberships::table
        .inner_join(organisations::table)
        .filter(memberships::user_id.eq(user_id))
        .select((organisations::id, organisations::name, memberships::role))
        .order(organisations::name.asc())
        .load(conn)
}

pub fn insert_reset(
    conn: &mut DbConn,
    token_hash: &str,
    user_id: &str,
    expires_at: chrono::NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(password_resets::table)
        .values((
            password_resets::token_hash.eq(token_hash),
            password_resets::user_id.eq(user_id),
            password_resets::expires_at.eq(expires_at),
            password_resets::used.eq(false),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The user id of a reset link that is unused and unexpired.
pub fn valid_reset(conn: &mut DbConn, token_hash: &str, now: chrono::NaiveDateTime) -> QueryResult<Option<String>> {
    password_resets::table
        .filter(password_resets::token_hash.eq(token_hash))
        .filter(password_resets::used.eq(false))
        .filter(password_resets::expires_at.gt(now))
        .select(password_resets::user_id)
        .first(conn)
        .optional()
}

/// Marks a reset link used; 0 when someone else used it first.
pub fn consume_reset(conn: &mut DbConn, token_hash: &str) -> QueryResult<usize> {
    diesel::update(
        password_resets::table
            .filter(password_resets::token_hash.eq(token_hash))
            .filter(password_resets::used.eq(false)),
    )
    .set(password_resets::used.eq(true))
    .execute(conn)
}

/// (campaign name, organisation name, team code, the response).
pub type AuthoredResponse = (String, String, Option<String>, crate::db::models::response::Response);

/// (organisation name, point, at, status, note).
pub type AuthoredEvent = (String, String, chrono::NaiveDateTime, String, Option<String>);

/// One's own self-assessments: (campaign name, organisation name, team
/// code, the response), oldest first, for the account's data export.
pub fn authored_responses(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<AuthoredResponse>> {
    use crate::db::models::response::Response;
    use crate::db::schema::{campaigns, organisations, responses, teams};
    responses::table
        .inner_join(campaigns::table.on(campaigns::id.eq(responses::campaign_id)))
        .inner_join(organisations::table.on(organisations::id.eq(campaigns::organisation_id)))
        .left_join(teams::table.on(teams::id.nullable().eq(responses::team_id)))
        .filter(responses::author_id.eq(user_id))
        .order((responses::submitted_on.asc(), responses::id.asc()))
        .select((
            campaigns::name,
            organisations::name,
            teams::code.nullable(),
            Response::as_select(),
        ))
        .load(conn)
}

/// The action-history entries written under this name in these
/// organisations: (organisation name, point, at, status, note).
pub fn authored_action_events(
    conn: &mut DbConn,
    display_name: &str,
    organisation_ids: &[String],
) -> QueryResult<Vec<AuthoredEvent>> {
    use crate::db::schema::{action_events, actions, organisations};
    action_events::table
        .inner_join(actions::table.on(actions::id.eq(action_events::action_id)))
        .inner_join(organisations::table.on(organisations::id.eq(actions::organisation_id)))
        .filter(action_events::author.eq(display_name))
        .filter(actions::organisation_id.eq_any(organisation_ids))
        .order(action_events::at.asc())
        .select((
            organisations::name,
            actions::point,
            action_events::at,
            action_events::status,
            action_events::note,
        ))
        .load(conn)
}

/// Erases an account: its self-assessments stay in the results they were
/// counted in but no longer point to it, its name leaves the action
/// histories of its organisations, it no longer appears as an
/// organisation's creator; memberships, team assignments and password
/// links go with the row (ON DELETE CASCADE). One transaction.
pub fn erase(conn: &mut DbConn, u: &User, organisation_ids: &[String]) -> QueryResult<()> {
    use crate::db::schema::{action_events, actions, organisations, responses};
    crate::db::write_transaction(conn, |conn| {
        diesel::update(responses::table.filter(responses::author_id.eq(&u.id)))
            .set(responses::author_id.eq(None::<String>))
            .execute(conn)?;
        diesel::update(organisations::table.filter(organisations::created_by.eq(&u.id)))
            .set(organisations::created_by.eq(None::<String>))
            .execute(conn)?;
        let their_actions = actions::table
            .filter(actions::organisation_id.eq_any(organisation_ids))
            .select(actions::id);
        diesel::update(
            action_events::table
                .filter(action_events::author.eq(&u.display_name))
                .filter(action_events::action_id.eq_any(their_actions)),
        )
        .set(action_events::author.eq(""))
        .execute(conn)?;
        diesel::delete(users::table.filter(users::id.eq(&u.id))).execute(conn)?;
        Ok(())
    })
}

/// The teams one manages: (organisation name, team code, team name).
pub fn managed_teams(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<(String, String, String)>> {
    team_managers::table
        .inner_join(teams::table.on(teams::id.eq(team_managers::team_id)))
        .inner_join(organisations::table.on(organisations::id.eq(teams::organisation_id)))
        .filter(team_managers::user_id.eq(user_id))
        .order((organisations::name.asc(), teams::code.asc()))
        .select((organisations::name, teams::code, teams::name))
        .load(conn)
}

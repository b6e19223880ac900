//! Adopted action points and their history.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{action_events, actions};
use crate::db::DbConn;

text_enum! {
    /// Where an adopted point stands.
    pub enum ActionStatus {
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Dropped = "dropped",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = actions)]
pub struct ActionRow {
    pub id: String,
    pub organisation_id: String,
    pub campaign_id: String,
    pub team_id: Option<String>,
    pub point: String,
    pub owner: String,
    pub due_on: Option<chrono::NaiveDate>,
    pub status: ActionStatus,
    pub note: Option<String>,
    pub created_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = action_events)]
pub struct ActionEvent {
    pub id: String,
    pub action_id: String,
    pub at: chrono::NaiveDateTime,
    pub author: String,
    pub status: ActionStatus,
    pub note: Option<String>,
}

pub fn insert(conn: &mut DbConn, a: &ActionRow, event: &ActionEvent) -> QueryResult<()> {
    diesel::insert_into(actions::table).values(a).execute(conn)?;
    diesel::insert_into(action_events::table).values(event).execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<ActionRow>> {
    actions::table
        .filter(actions::organisation_id.eq(org))
        .filter(actions::id.eq(id))
        .select(ActionRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_by_org(conn: &mut DbConn, org: &str) -> QueryResult<Vec<ActionRow>> {
    actions::table
        .filter(actions::organisation_id.eq(org))
        .select(ActionRow::as_select())
        .order((actions::point, actions::created_at))
        .load(conn)
}

pub fn set_status(conn: &mut DbConn, id: &str, status: ActionStatus, event: &ActionEvent) -> QueryResult<()> {
    diesel::update(actions::table.find(id))
        .set(actions::status.eq(status))
        .execute(conn)?;
    diesel::insert_into(action_events::table).values(event).execute(conn)?;
    Ok(())
}

pub fn events_of_org(conn: &mut DbConn, org: &str) -> QueryResult<Vec<ActionEvent>> {
    action_events::table
        .inner_join(actions::table)
        .filter(actions::organisation_id.eq(org))
        .select(ActionEvent::as_select())
        .order(action_events::at)
        .load(conn)
}

//! Organisations (tenants).

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::organisations;
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub sector: String,
    pub default_language: String,
    pub anonymity_threshold: i32,
    pub created_at: chrono::NaiveDateTime,
    /// The user who created it (none for the demo and command-line ones).
    pub created_by: Option<String>,
    /// The symmetry label's thresholds (points out of 100): every audit at
    /// least `label_floor`, their average above `label_average`.
    pub label_floor: i32,
    pub label_average: i32,
}

#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = organisations)]
pub struct OrganisationChanges {
    pub name: String,
    pub sector: String,
    pub default_language: String,
    pub anonymity_threshold: i32,
    /// `None`: left as it is.
    pub label_floor: Option<i32>,
    pub label_average: Option<i32>,
}

pub fn insert(conn: &mut DbConn, org: &Organisation) -> QueryResult<()> {
    diesel::insert_into(organisations::table)
        .values(org)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn list_all(conn: &mut DbConn) -> QueryResult<Vec<Organisation>> {
    organisations::table
        .select(Organisation::as_select())
        .order(organisations::name.asc())
        .load(conn)
}

pub fn list_by_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Organisation>> {
    organisations::table
        .filter(organisations::id.eq_any(ids))
        .select(Organisation::as_select())
        .order(organisations::name.asc())
        .load(conn)
}

pub fn update(conn: &mut DbConn, id: &str, changes: &OrganisationChanges) -> QueryResult<usize> {
    diesel::update(organisations::table.find(id)).set(changes).execute(conn)
}

/// Deletes the organisation; foreign keys cascade to every row it owns.
pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(organisations::table.find(id)).execute(conn)
}

//! Teams: a hierarchy of any depth inside one organisation.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::teams;
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, Deserialize, PartialEq)]
#[diesel(table_name = teams)]
pub struct Team {
    pub id: String,
    pub organisation_id: String,
    pub code: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub headcount: i32,
}

pub fn list_by_org(conn: &mut DbConn, org: &str) -> QueryResult<Vec<Team>> {
    teams::table
        .filter(teams::organisation_id.eq(org))
        .select(Team::as_select())
        .order(teams::code.asc())
        .load(conn)
}

pub fn find(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<Team>> {
    teams::table
        .filter(teams::organisation_id.eq(org))
        .filter(teams::id.eq(id))
        .select(Team::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_code(conn: &mut DbConn, org: &str, code: &str) -> QueryResult<Option<Team>> {
    teams::table
        .filter(teams::organisation_id.eq(org))
        .filter(teams::code.eq(code))
        .select(Team::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, team: &Team) -> QueryResult<()> {
    diesel::insert_into(teams::table).values(team).execute(conn).map(|_| ())
}

pub fn update(conn: &mut DbConn, team: &Team) -> QueryResult<usize> {
    diesel::update(teams::table.find(&team.id))
        .set((
            teams::code.eq(&team.code),
            teams::name.eq(&team.name),
            teams::parent_id.eq(&team.parent_id),
            teams::headcount.eq(team.headcount),
        ))
        .execute(conn)
}

pub fn count_children(conn: &mut DbConn, id: &str) -> QueryResult<i64> {
    teams::table.filter(teams::parent_id.eq(id)).count().get_result(conn)
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(teams::table.find(id)).execute(conn)
}

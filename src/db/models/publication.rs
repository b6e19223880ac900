//! A closed wave's publication: the threshold and team tree its figures
//! were published with (`domain::reports` freezes them).

use diesel::prelude::*;

use crate::db::schema::publications;
use crate::db::DbConn;

/// (threshold, teams as JSON) of a campaign's publication, if frozen.
pub fn find(conn: &mut DbConn, campaign: &str) -> QueryResult<Option<(i32, String)>> {
    publications::table
        .find(campaign)
        .select((publications::anonymity_threshold, publications::teams))
        .first(conn)
        .optional()
}

/// Freezes a publication; a concurrent first freeze wins and is kept.
pub fn insert(conn: &mut DbConn, campaign: &str, threshold: i32, teams: &str) -> QueryResult<()> {
    let inserted = diesel::insert_into(publications::table)
        .values((
            publications::campaign_id.eq(campaign),
            publications::anonymity_threshold.eq(threshold),
            publications::teams.eq(teams),
        ))
        .execute(conn);
    match inserted {
        Err(e) if crate::db::is_unique_violation(&e) => Ok(()),
        other => other.map(|_| ()),
    }
}

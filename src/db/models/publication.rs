//! A closed wave's publication: the threshold and team tree its figures
//! were published with (`domain::reports` freezes them), and the reports
//! published with them.

use diesel::prelude::*;
use diesel::upsert::excluded;

use crate::db::schema::{publications, published_reports};
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

/// A stored published report of `kind` whose stamp is `stamp`: its body.
pub fn find_report(conn: &mut DbConn, campaign: &str, kind: &str, stamp: &str) -> QueryResult<Option<Vec<u8>>> {
    published_reports::table
        .find((campaign, kind))
        .filter(published_reports::stamp.eq(stamp))
        .select(published_reports::body)
        .first(conn)
        .optional()
}

/// Keeps a published report of `kind`, replacing one built for another
/// stamp.
pub fn store_report(conn: &mut DbConn, campaign: &str, kind: &str, stamp: &str, body: &[u8]) -> QueryResult<()> {
    use published_reports as p;
    let row = (
        p::campaign_id.eq(campaign),
        p::kind.eq(kind),
        p::stamp.eq(stamp),
        p::body.eq(body),
        p::built_at.eq(crate::db::models::now()),
    );
    on_each_backend!(conn, |c| diesel::insert_into(p::table)
        .values(row)
        .on_conflict((p::campaign_id, p::kind))
        .do_update()
        .set((
            p::stamp.eq(excluded(p::stamp)),
            p::body.eq(excluded(p::body)),
            p::built_at.eq(excluded(p::built_at)),
        ))
        .execute(c))?;
    Ok(())
}

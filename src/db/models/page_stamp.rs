//! The change stamp of what survey pages show: a number that triggers move
//! on every write to organisations, teams and campaigns, whichever instance
//! or tool made it.

use diesel::prelude::*;

use crate::db::schema::page_stamp;
use crate::db::DbConn;

/// The stamp now (one indexed row).
pub fn current(conn: &mut DbConn) -> QueryResult<i64> {
    page_stamp::table.find(1).select(page_stamp::version).first(conn)
}

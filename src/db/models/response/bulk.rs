//! Writing many responses at once. Multi-row inserts come in a few fixed
//! sizes, so each size is one prepared statement that diesel keeps in its
//! statement cache (a statement of any other length would be parsed and
//! planned anew each time); imports into PostgreSQL use binary `COPY`.

use diesel::prelude::*;

use super::NewResponse;
use crate::db::schema::responses;
use crate::db::DbConn;

/// Writes `rows` in statements of `N` rows while at least `N` are left;
/// returns the rows still to write.
fn write_sized<'r, const N: usize>(conn: &mut DbConn, mut rows: &'r [NewResponse]) -> QueryResult<&'r [NewResponse]> {
    while let Some((head, tail)) = rows.split_first_chunk::<N>() {
        on_each_backend!(conn, |c| diesel::insert_into(responses::table).values(head).execute(c))?;
        rows = tail;
    }
    Ok(rows)
}

/// Inserts the rows in statements of 64, then 16, 4 and 1 rows: four
/// prepared statements per connection at most, whatever the batch sizes,
/// and one round trip per 64 rows. (64 rows × 10 columns stay far below
/// either backend's limit on bound parameters.)
pub fn write(conn: &mut DbConn, rows: &[NewResponse]) -> QueryResult<()> {
    let rest = write_sized::<64>(conn, rows)?;
    let rest = write_sized::<16>(conn, rest)?;
    let rest = write_sized::<4>(conn, rest)?;
    let rest = write_sized::<1>(conn, rest)?;
    debug_assert!(rest.is_empty());
    Ok(())
}

/// Writes one batch of an import: binary `COPY` on PostgreSQL (no statement
/// to plan, rows streamed in the table's own format), the fixed-size
/// inserts of [`write`] on SQLite (in-process, where a prepared insert is
/// already the fastest path).
pub fn write_bulk(conn: &mut DbConn, rows: &[NewResponse]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    match conn {
        DbConn::Postgres(pg) => diesel::copy_from(responses::table)
            .from_insertable(rows)
            .execute(pg)
            .map(|_| ()),
        DbConn::Sqlite(_) => write(conn, rows),
    }
}

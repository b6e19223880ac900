//! Installation-wide key/value settings (the generated signing secret, the
//! hashes of pending set-up tokens).

use diesel::prelude::*;

use crate::db::schema::app_settings;
use crate::db::DbConn;

pub fn get(conn: &mut DbConn, key: &str) -> QueryResult<Option<String>> {
    app_settings::table
        .find(key)
        .select(app_settings::value)
        .first(conn)
        .optional()
}

/// Stores `value` unless the key already has one; returns the value that
/// holds afterwards, so two instances starting at once agree on one secret.
pub fn get_or_insert(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<String> {
    crate::db::write_transaction(conn, |conn| {
        if let Some(existing) = get(conn, key)? {
            return Ok(existing);
        }
        diesel::insert_into(app_settings::table)
            .values((app_settings::key.eq(key), app_settings::value.eq(value)))
            .execute(conn)?;
        Ok(value.to_string())
    })
    .or_else(|_: diesel::result::Error| {
        // Lost a race with another instance: read the winner's value.
        get(conn, key)?.ok_or(diesel::result::Error::NotFound)
    })
}

/// Stores a new key (a fresh random key never collides).
pub fn insert(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<()> {
    diesel::insert_into(app_settings::table)
        .values((app_settings::key.eq(key), app_settings::value.eq(value)))
        .execute(conn)
        .map(|_| ())
}

/// Deletes every key that starts with `prefix` (which holds no `%` or `_`).
pub fn delete_prefixed(conn: &mut DbConn, prefix: &str) -> QueryResult<usize> {
    diesel::delete(app_settings::table.filter(app_settings::key.like(format!("{prefix}%")))).execute(conn)
}

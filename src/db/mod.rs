//! The database room: one connection type over SQLite and PostgreSQL, the
//! pool, embedded migrations and the queries (in `models/`). Nothing here
//! knows about HTTP.

/// Runs the same diesel expression on whichever backend the connection
/// holds. Needed where diesel types a statement per backend (upserts, batch
/// inserts); it is the only per-backend branch and stays inside `db/`.
macro_rules! on_each_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($c) => $body,
            $crate::db::DbConn::Postgres($c) => $body,
        }
    };
}

#[macro_use]
mod text_enum;
pub mod models;
pub mod schema;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// One connection, whichever backend `DATABASE_URL` chose.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// Which backend a URL names. Anything that is not `postgres://` or
/// `postgresql://` is a SQLite file path (with or without `sqlite://`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Opens connections of the backend the URL names. Diesel's own
/// multi-connection `establish` tries each backend in turn, which would make
/// a SQLite file called `postgres://…` when PostgreSQL is down: this manager
/// never guesses.
#[derive(Debug, Clone)]
pub struct Manager {
    backend: Backend,
    url: String,
}

impl Manager {
    pub fn new(url: &str) -> Manager {
        let backend = Backend::of_url(url);
        let url = match backend {
            Backend::Postgres => url.to_string(),
            Backend::Sqlite => url.strip_prefix("sqlite://").unwrap_or(url).to_string(),
        };
        Manager { backend, url }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn establish(&self) -> diesel::ConnectionResult<DbConn> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url).map(DbConn::Postgres),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.url)?;
                // Production pragmas on every connection: WAL lets readers
                // and the writer work at once; busy_timeout makes writers
                // queue instead of failing under load.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        self.establish().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// A transaction that will write. On SQLite it starts with `BEGIN
/// IMMEDIATE`, so concurrent writers queue on the busy timeout instead of
/// failing with "database is locked" when a reader tries to upgrade; on
/// PostgreSQL it is an ordinary transaction. Inside a transaction already,
/// a savepoint, as `Connection::transaction` does.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    match conn {
        DbConn::Postgres(_) => return conn.transaction(f),
        DbConn::Sqlite(inner) => {
            let depth = AnsiTransactionManager::transaction_manager_status_mut(inner).transaction_depth()?;
            if depth.is_some() {
                return conn.transaction(f);
            }
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?
        }
    }
    let outcome = f(conn);
    if let DbConn::Sqlite(inner) = conn {
        match &outcome {
            Ok(_) => AnsiTransactionManager::commit_transaction(inner)?,
            Err(_) => AnsiTransactionManager::rollback_transaction(inner)?,
        }
    }
    outcome
}

/// Runs `f` with a SQLite page cache of `mib` MiB, then gives the pooled
/// connection its own cache size back, whatever `f` returned. A bulk write
/// in one transaction keeps its B-tree pages in memory instead of spilling
/// them to the WAL mid-transaction and reading them back (the cache only
/// grows as pages are used, and is freed when it shrinks back). Nothing
/// changes on PostgreSQL.
pub fn with_large_cache<T, E>(conn: &mut DbConn, mib: u32, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::sql_types::BigInt;
    use diesel::{QueryableByName, RunQueryDsl};

    #[derive(QueryableByName)]
    struct CacheSize {
        #[diesel(sql_type = BigInt)]
        cache_size: i64,
    }
    let DbConn::Sqlite(inner) = conn else {
        return f(conn);
    };
    let before = diesel::sql_query("PRAGMA cache_size").get_result::<CacheSize>(inner)?;
    // A negative size counts KiB rather than pages.
    inner.batch_execute(&format!("PRAGMA cache_size = -{}", u64::from(mib) * 1024))?;
    let outcome = f(conn);
    if let DbConn::Sqlite(inner) = conn {
        inner.batch_execute(&format!("PRAGMA cache_size = {}", before.cache_size))?;
    }
    outcome
}

/// True for a unique-constraint violation (a concurrent writer won a race).
/// One round trip to the database (the health check).
pub fn ping(conn: &mut DbConn) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT 1").execute(conn).map(|_| ())
}

pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Builds the pool and runs pending migrations.
pub fn connect(url: &str, max_size: u32) -> anyhow::Result<Pool> {
    let manager = Manager::new(url);
    // SQLite has one writer: a few connections are plenty and keep lock
    // contention low; PostgreSQL takes what the config gives.
    let size = match manager.backend() {
        Backend::Sqlite => max_size.min(8),
        Backend::Postgres => max_size,
    };
    if manager.backend() == Backend::Sqlite {
        // One connection first turns a new file to WAL (a setting the file
        // keeps): the pool's connections, opened at once, would otherwise
        // race to switch it and some would find it locked.
        drop(manager.establish()?);
    }
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .connection_timeout(Duration::from_secs(10))
        // No `SELECT 1` before every use: a broken connection is still
        // dropped on return (`has_broken`), and the next query's error says
        // what happened.
        .test_on_check_out(false)
        .build(manager)?;
    let mut conn = pool.get()?;
    run_migrations(&mut conn)?;
    Ok(pool)
}

pub fn run_migrations(conn: &mut DbConn) -> anyhow::Result<()> {
    let result = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|e| anyhow::anyhow!("migrations failed: {e}"))
}

/// Reverts every migration (used by the migration round-trip test).
pub fn revert_all_migrations(conn: &mut DbConn) -> anyhow::Result<()> {
    let result = match conn {
        DbConn::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        DbConn::Postgres(c) => c.revert_all_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|e| anyhow::anyhow!("reverting migrations failed: {e}"))
}

/// The tables and columns the connected database really has, sorted, for the
/// tests that check which columns exist.
pub fn introspect(conn: &mut DbConn) -> diesel::QueryResult<Vec<(String, String)>> {
    use diesel::sql_types::Text;
    use diesel::{QueryableByName, RunQueryDsl};

    #[derive(QueryableByName)]
    struct Col {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        column_name: String,
    }
    let rows: Vec<Col> = match conn {
        DbConn::Postgres(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name <> '__diesel_schema_migrations'",
        )
        .load(c)?,
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c)?,
    };
    let mut cols: Vec<(String, String)> = rows.into_iter().map(|r| (r.table_name, r.column_name)).collect();
    cols.sort();
    Ok(cols)
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;

    #[derive(QueryableByName)]
    struct Used {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        used: i32,
    }

    /// `.cargo/config.toml` builds SQLite in multi-thread mode (issue #14):
    /// a build that lost the setting would still work, only slower, so it
    /// is checked here.
    #[test]
    fn sqlite_is_built_in_multi_thread_mode() {
        let mut c = diesel::SqliteConnection::establish(":memory:").unwrap();
        let threadsafe: Used = diesel::sql_query("SELECT sqlite_compileoption_used('THREADSAFE=2') AS used")
            .get_result(&mut c)
            .unwrap();
        assert_eq!(threadsafe.used, 1);
    }
}

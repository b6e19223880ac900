//! Migrations: each backend migrates up, down and up again, and both expose
//! exactly the tables and columns of `schema.rs`.

use crate::helpers::{drop_schema, fresh_database, Backend};
use miroir::db::{introspect, revert_all_migrations, run_migrations, schema::TABLES, Manager};

fn expected() -> Vec<(String, String)> {
    let mut cols: Vec<(String, String)> = TABLES
        .iter()
        .flat_map(|(t, cols)| cols.iter().map(move |c| (t.to_string(), c.to_string())))
        .collect();
    cols.sort();
    cols
}

fn round_trip(backend: Backend) -> Vec<(String, String)> {
    let (url, _dir, schema) = fresh_database(backend);
    let mut conn = Manager::new(&url).establish().expect("connect");
    run_migrations(&mut conn).expect("up");
    let first = introspect(&mut conn).unwrap();
    revert_all_migrations(&mut conn).expect("down");
    assert!(introspect(&mut conn).unwrap().is_empty(), "down removes every table");
    run_migrations(&mut conn).expect("up again");
    let second = introspect(&mut conn).unwrap();
    drop(conn);
    drop_schema(&schema);
    assert_eq!(first, second);
    second
}

#[test]
fn both_backends_migrate_to_the_same_schema() {
    let sqlite = round_trip(Backend::Sqlite);
    let postgres = round_trip(Backend::Postgres);
    assert_eq!(sqlite, expected(), "SQLite schema matches schema.rs");
    assert_eq!(postgres, expected(), "PostgreSQL schema matches schema.rs");
}

//! Migrations: each backend migrates up, down and up again, and after each
//! `up` the database has exactly the schema that `src/db/schema.rs` declares
//! with diesel's `table!`: the same tables and columns, each column of the
//! type that stores its diesel SQL type, and the same nullability.
//!
//! The expectations are read from `schema.rs` itself with diesel's own
//! parser of the `table!` syntax, so there is no list to keep by hand.

use diesel::sql_types::{Bool, Text};
use diesel::{QueryableByName, RunQueryDsl};
use diesel_table_macro_syntax::TableDecl;

use crate::helpers::{drop_schema, fresh_database, Backend};
use miroir::db::{revert_all_migrations, run_migrations, DbConn, Manager};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

/// One column as `schema.rs` declares it: its diesel SQL type without
/// `Nullable`, and whether it was wrapped in `Nullable`.
struct Declared {
    table: String,
    column: String,
    sql_type: String,
    nullable: bool,
}

fn last_ident(path: &syn::TypePath) -> &syn::PathSegment {
    path.path.segments.last().expect("a type has a name")
}

/// Every column of every `table!` in `schema.rs`.
fn declared() -> Vec<Declared> {
    let file = syn::parse_file(include_str!("../../src/db/schema.rs")).expect("schema.rs parses");
    let mut out = Vec::new();
    for item in file.items {
        let syn::Item::Macro(item) = item else { continue };
        if item.mac.path.segments.last().is_none_or(|s| s.ident != "table") {
            continue;
        }
        let table: TableDecl = item.mac.parse_body().expect("a table! diesel accepts");
        for column in &table.column_defs {
            let outer = last_ident(&column.tpe);
            let (sql_type, nullable) = if outer.ident == "Nullable" {
                let syn::PathArguments::AngleBracketed(args) = &outer.arguments else {
                    panic!("Nullable<T> in {}.{}", table.sql_name, column.sql_name)
                };
                let Some(syn::GenericArgument::Type(syn::Type::Path(inner))) = args.args.first() else {
                    panic!("Nullable<T> in {}.{}", table.sql_name, column.sql_name)
                };
                (last_ident(inner).ident.to_string(), true)
            } else {
                (outer.ident.to_string(), false)
            };
            out.push(Declared {
                table: table.sql_name.clone(),
                column: column.sql_name.clone(),
                sql_type,
                nullable,
            });
        }
    }
    assert!(out.len() > 50, "schema.rs read: {} columns", out.len());
    out
}

/// The column type each migration set uses for a diesel SQL type, as the
/// database reports it (`pragma table_info` on SQLite,
/// `information_schema.columns.data_type` on PostgreSQL).
fn column_type(backend: Backend, sql_type: &str) -> &'static str {
    match (backend, sql_type) {
        (Backend::Sqlite, "Text") => "TEXT",
        (Backend::Sqlite, "Integer") => "INTEGER",
        (Backend::Sqlite, "BigInt") => "BIGINT",
        (Backend::Sqlite, "Bool") => "BOOLEAN",
        (Backend::Sqlite, "Date") => "DATE",
        (Backend::Sqlite, "Timestamp") => "TIMESTAMP",
        (Backend::Sqlite, "Binary") => "BLOB",
        (Backend::Postgres, "Text") => "text",
        (Backend::Postgres, "Integer") => "integer",
        (Backend::Postgres, "BigInt") => "bigint",
        (Backend::Postgres, "Bool") => "boolean",
        (Backend::Postgres, "Date") => "date",
        (Backend::Postgres, "Timestamp") => "timestamp without time zone",
        (Backend::Postgres, "Binary") => "bytea",
        (_, other) => panic!("schema.rs uses the SQL type {other}: say here which column type stores it"),
    }
}

fn expected(backend: Backend) -> Vec<Column> {
    let mut cols: Vec<Column> = declared()
        .into_iter()
        .map(|d| Column {
            data_type: column_type(backend, &d.sql_type).to_string(),
            table_name: d.table,
            column_name: d.column,
            nullable: d.nullable,
        })
        .collect();
    cols.sort();
    cols
}

/// The columns the connected database really has, sorted.
fn actual(conn: &mut DbConn) -> Vec<Column> {
    let mut cols: Vec<Column> = match conn {
        DbConn::Postgres(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS data_type, is_nullable::text = 'YES' AS nullable \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name <> '__diesel_schema_migrations'",
        )
        .load(c)
        .unwrap(),
        // SQLite lets a primary-key column other than INTEGER hold NULL
        // unless it is declared NOT NULL (a documented legacy quirk), and
        // twelve `TEXT PRIMARY KEY` columns of the SQLite migrations do not
        // say NOT NULL (`id` of most tables). diesel never writes NULL there
        // (schema.rs has no Nullable key), so a key column counts as NOT
        // NULL here; remove `AND p.pk = 0` once the SQLite tables are
        // rebuilt with NOT NULL keys.
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
             (p.\"notnull\" = 0 AND p.pk = 0) AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c)
        .unwrap(),
    };
    cols.sort();
    cols
}

/// Fails, naming each column that differs, unless the database has exactly
/// the expected columns.
fn assert_schema(backend: Backend, when: &str, actual: &[Column], expected: &[Column]) {
    let line = |c: &Column| {
        let null = if c.nullable { "NULL" } else { "NOT NULL" };
        format!("  {}.{} {} {null}", c.table_name, c.column_name, c.data_type)
    };
    let only_in = |a: &[Column], b: &[Column]| a.iter().filter(|c| !b.contains(c)).map(line).collect::<Vec<_>>();
    let (extra, missing) = (only_in(actual, expected), only_in(expected, actual));
    assert!(
        extra.is_empty() && missing.is_empty(),
        "{backend:?} {when}: the migrated schema differs from schema.rs\n\
         in the database, not in schema.rs:\n{}\nin schema.rs, not in the database:\n{}",
        extra.join("\n"),
        missing.join("\n")
    );
}

fn round_trip(backend: Backend) {
    let expected = expected(backend);
    let (url, _dir, schema) = fresh_database(backend);
    let mut conn = Manager::new(&url).establish().expect("connect");
    run_migrations(&mut conn).expect("up");
    assert_schema(backend, "after up", &actual(&mut conn), &expected);
    revert_all_migrations(&mut conn).expect("down");
    assert_schema(backend, "after down", &actual(&mut conn), &[]);
    run_migrations(&mut conn).expect("up again");
    assert_schema(backend, "after up, down, up", &actual(&mut conn), &expected);
    drop(conn);
    drop_schema(&schema);
}

#[test]
fn sqlite_migrates_up_down_up_to_the_schema_of_schema_rs() {
    round_trip(Backend::Sqlite);
}

#[test]
fn postgres_migrates_up_down_up_to_the_schema_of_schema_rs() {
    round_trip(Backend::Postgres);
}

/// The migration that packs each response's answers into its row.
const PACKED_ANSWERS: &str = "2026-11-30-000301_packed_answers";
/// The migration that stores a histogram key's counts in one row.
const ANSWER_COUNTS: &str = "2026-11-30-000401_answer_counts";

/// Runs every migration before `PACKED_ANSWERS`: the schema as it was when
/// answers had a table of their own.
fn migrate_to_before_packed_answers(conn: &mut DbConn) {
    use diesel::migration::MigrationSource;
    use diesel_migrations::MigrationHarness;
    fn run<DB: diesel::backend::Backend>(
        c: &mut impl MigrationHarness<DB>,
        source: diesel_migrations::EmbeddedMigrations,
    ) where
        diesel_migrations::EmbeddedMigrations: MigrationSource<DB>,
    {
        let mut all = MigrationSource::<DB>::migrations(&source).unwrap();
        all.sort_by_key(|m| m.name().to_string());
        assert!(all.iter().any(|m| m.name().to_string() == PACKED_ANSWERS));
        c.applied_migrations().unwrap(); // creates diesel's own table
        for m in all.iter().filter(|m| m.name().to_string().as_str() < PACKED_ANSWERS) {
            c.run_migration(&**m).unwrap();
        }
    }
    match conn {
        DbConn::Sqlite(c) => run(c, miroir::db::SQLITE_MIGRATIONS),
        DbConn::Postgres(c) => run(c, miroir::db::POSTGRES_MIGRATIONS),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, QueryableByName)]
struct OldAnswer {
    #[diesel(sql_type = Text)]
    response_id: String,
    #[diesel(sql_type = Text)]
    item_code: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    value: i32,
}

fn old_answers(conn: &mut DbConn) -> Vec<OldAnswer> {
    let mut rows: Vec<OldAnswer> = diesel::sql_query("SELECT response_id, item_code, value FROM answers")
        .load(conn)
        .unwrap();
    rows.sort();
    rows
}

/// Id, population, channel and answers of a response of the old schema.
type OldResponse = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, i32)],
);

/// Answers written one row each through the old schema are read back the
/// same through `db::models::response` once the migration has packed them,
/// a rebuild of the aggregates counts them, and the down migration gives
/// the same rows back.
fn answers_carry_over(backend: Backend) {
    use miroir::domain::organisations::{self, OrganisationInput};
    use miroir::domain::{campaigns, teams};
    let (url, _dir, schema) = fresh_database(backend);
    let mut conn = Manager::new(&url).establish().expect("connect");
    migrate_to_before_packed_answers(&mut conn);
    let admin = miroir::auth::policy::Principal {
        is_platform_admin: true,
        ..Default::default()
    };
    let input = OrganisationInput {
        name: "Client".into(),
        sector: "banking".into(),
        default_language: "fr".into(),
        anonymity_threshold: None,
        label_floor: None,
        label_average: None,
    };
    let org = organisations::create(&mut conn, &admin, &input).unwrap().id;
    teams::import_csv(
        &mut conn,
        &admin,
        &org,
        b"code,name,parent_code\nR1,Region,\n",
        teams::DEFAULT_MAX_DEPTH,
    )
    .unwrap();
    let team: String = {
        #[derive(QueryableByName)]
        struct Id {
            #[diesel(sql_type = Text)]
            id: String,
        }
        diesel::sql_query("SELECT id FROM teams")
            .get_result::<Id>(&mut conn)
            .unwrap()
            .id
    };
    let input = campaigns::CampaignInput {
        name: "Wave".into(),
        opens_on: "2026-01-01".into(),
        closes_on: "2026-12-31".into(),
        ..Default::default()
    };
    let campaign = campaigns::create(&mut conn, &admin, &org, &input).unwrap().id;
    // Three customers (one answered nothing) and an employee, written as the
    // old code did: a response row, then one row per answer.
    let responses: [OldResponse; 4] = [
        (
            "r-1",
            "customer",
            Some("web"),
            &[("nps", 10), ("courtesy.c.1", 4), ("ces", 1), ("csat", 5)],
        ),
        ("r-2", "customer", Some("phone"), &[("nps", 0), ("fcr", 0)]),
        ("r-3", "customer", Some("web"), &[]),
        (
            "r-4",
            "employee",
            None,
            &[("enps", 7), ("listening.e.1", 2), ("orientation.1", 3)],
        ),
    ];
    for (id, population, channel, answers) in responses {
        let channel = channel.map_or("NULL".to_string(), |c| format!("'{c}'"));
        diesel::sql_query(format!(
            "INSERT INTO responses (id, campaign_id, team_id, population, channel, submitted_on, language) \
             VALUES ('{id}', '{campaign}', '{team}', '{population}', {channel}, '2026-03-01', 'fr')"
        ))
        .execute(&mut conn)
        .unwrap();
        for (item, value) in answers {
            diesel::sql_query(format!(
                "INSERT INTO answers (response_id, item_code, value) VALUES ('{id}', '{item}', {value})"
            ))
            .execute(&mut conn)
            .unwrap();
        }
    }
    let before = old_answers(&mut conn);
    assert_eq!(before.len(), 9);

    run_migrations(&mut conn).expect("the packing migration");
    use miroir::db::models::response;
    for (id, _, _, answers) in responses {
        let mut expected: Vec<(String, i32)> = answers.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        expected.sort();
        assert_eq!(response::answers_of(&mut conn, id).unwrap(), expected, "{id}");
    }
    let ids: Vec<String> = responses.iter().map(|r| r.0.to_string()).collect();
    let mut many = response::answers_of_many(&mut conn, &ids).unwrap();
    many.sort();
    let as_old: Vec<OldAnswer> = many
        .into_iter()
        .map(|(response_id, item_code, value)| OldAnswer {
            response_id,
            item_code,
            value,
        })
        .collect();
    assert_eq!(as_old, before);
    assert_eq!(campaigns::rebuild_aggregates(&mut conn, &campaign).unwrap(), 4);
    let stored = miroir::db::models::aggregates::load(&mut conn, &campaign).unwrap();
    let nps: Vec<(i32, i64)> = stored
        .histograms
        .iter()
        .filter(|h| h.3 == "nps")
        .map(|h| (h.4, h.5))
        .collect();
    assert_eq!(nps, vec![(0, 1), (10, 1)]);

    // Down (and any later migration first): one row per answer again, the
    // same rows. On the way, the compact histograms (one row per key with
    // its counts by value) go back to one row per value, the same cells,
    // and up again to the same counts.
    use diesel_migrations::MigrationHarness;
    let packed_version = PACKED_ANSWERS.split('_').next().unwrap().replace('-', "");
    let counts_version = ANSWER_COUNTS.split('_').next().unwrap().replace('-', "");
    let mut compact_checked = false;
    loop {
        let reverted = match &mut conn {
            DbConn::Sqlite(c) => c
                .revert_last_migration(miroir::db::SQLITE_MIGRATIONS)
                .unwrap()
                .to_string(),
            DbConn::Postgres(c) => c
                .revert_last_migration(miroir::db::POSTGRES_MIGRATIONS)
                .unwrap()
                .to_string(),
        };
        if reverted == counts_version && !compact_checked {
            #[derive(QueryableByName)]
            struct Cell {
                #[diesel(sql_type = Text)]
                team_key: String,
                #[diesel(sql_type = Text)]
                population: String,
                #[diesel(sql_type = Text)]
                channel: String,
                #[diesel(sql_type = Text)]
                item_code: String,
                #[diesel(sql_type = diesel::sql_types::Integer)]
                value: i32,
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                count: i64,
            }
            let rows: Vec<Cell> = diesel::sql_query(
                "SELECT team_key, population, channel, item_code, value, count FROM answer_histograms",
            )
            .load(&mut conn)
            .unwrap();
            let mut rows: Vec<(String, String, String, String, i32, i64)> = rows
                .into_iter()
                .map(|c| (c.team_key, c.population, c.channel, c.item_code, c.value, c.count))
                .collect();
            rows.sort();
            assert!(stored.histograms.len() >= 8, "{:?}", stored.histograms);
            assert_eq!(rows, stored.histograms, "one row per value again");
            run_migrations(&mut conn).expect("up again");
            let again = miroir::db::models::aggregates::load(&mut conn, &campaign).unwrap();
            assert_eq!(again, stored, "the same counts, compact again");
            compact_checked = true;
            continue;
        }
        if reverted == packed_version {
            break;
        }
    }
    assert!(compact_checked);
    assert_eq!(old_answers(&mut conn), before);
    drop(conn);
    drop_schema(&schema);
}

#[test]
fn sqlite_answers_carry_over_into_their_packed_column_and_back() {
    answers_carry_over(Backend::Sqlite);
}

#[test]
fn postgres_answers_carry_over_into_their_packed_column_and_back() {
    answers_carry_over(Backend::Postgres);
}

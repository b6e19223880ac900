//! Rows and the queries on them, written once in diesel's DSL for both
//! backends. Functions take a connection and return `QueryResult`.

pub mod action;
pub mod aggregates;
pub mod audit;
pub mod campaign;
pub mod notice;
pub mod organisation;
pub mod page_stamp;
pub mod publication;
pub mod reminder;
pub mod response;
pub mod schedule;
pub mod settings;
pub mod team;
pub mod user;
pub mod webhook;

/// A new random primary key. Ids are random so that their order reveals
/// nothing (METHOD.md §7 asks this of responses; every table follows suit).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

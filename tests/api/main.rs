//! One integration-test binary: every test runs on SQLite and PostgreSQL.

mod helpers;

mod auth;
mod authorisation;
mod migrations;
mod organisations;
mod teams;

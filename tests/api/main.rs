//! One integration-test binary: every test runs on SQLite and PostgreSQL.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly on the first surprise"
)]

mod helpers;

mod account_data;
mod aggregates;
mod attacks;
mod audit;
mod auth;
mod authorisation;
mod campaign_steps;
mod collection;
mod contacts;
mod edge;
mod forgot;
mod group_commit;
mod hostile_input;
mod inputs;
mod instrument;
mod large;
mod logs;
mod migrations;
mod navigation;
mod notices;
mod organisations;
mod published;
mod reminders;
mod results;
mod routes;
mod scheduler;
mod setup;
mod survey_pages;
mod team_page;
mod teams;
mod vocabularies;
mod wave_runs_itself;
mod webhooks;

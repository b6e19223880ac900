//! Miroir: mirrored customer and employee surveys, correlated team by team.
//! `main` and the tests both build the application from here.

pub mod analytics;
pub mod auth;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod render;
pub mod startup;
pub mod telemetry;
pub mod web;

#[cfg(test)]
mod architecture_tests;

//! The domain room: newtypes and the services that combine the database, the
//! analytics and the authorisation policy. Every service that touches an
//! organisation's data asks the policy first.

pub mod accounts;
pub mod actions;
pub mod audit_notes;
pub mod campaigns;
pub mod collection;
pub mod contacts;
pub mod csv_dialect;
#[cfg(test)]
mod csv_fuzz;
pub mod demo;
pub mod import;
pub mod instrument;
pub mod mail;
pub mod navigation;
pub mod notices;
pub mod organisations;
pub mod portfolio;
pub mod reminders;
pub mod report_cache;
pub mod reports;
pub mod scheduler;
pub mod survey;
pub mod synthetic;
pub mod team_results;
pub mod teams;
pub mod types;
pub mod webhooks;
pub mod writer;

use serde::Serialize;

/// The unit of work every service runs in (one pooled connection to SQLite
/// or PostgreSQL) and the pool `web::state` takes it from on a blocking
/// thread. The web layer reaches the database only through this room.
pub use crate::db::{DbConn, Pool};

use crate::auth::policy::{Action, Decision, Principal};
pub use types::MessageKey;

/// One refused cell of an uploaded file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RowError {
    /// 1-based data row (the header is row 0).
    pub row: usize,
    pub column: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input: {0}")]
    Validation(MessageKey),
    /// A field-level refusal: which form field, which message.
    #[error("invalid field {0}: {1}")]
    Field(&'static str, MessageKey),
    #[error("conflict: {0}")]
    Conflict(MessageKey),
    #[error("{} rows refused", .0.len())]
    Rows(Vec<RowError>),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

pub type DomainResult<T> = Result<T, DomainError>;

/// `/healthz`: does the database answer?
pub fn ping(conn: &mut DbConn) -> DomainResult<()> {
    Ok(crate::db::ping(conn)?)
}

/// Asks the policy and turns its answer into an error.
pub fn authorise(principal: &Principal, action: Action<'_>) -> DomainResult<()> {
    match principal.may(action) {
        Decision::Allow => Ok(()),
        Decision::Forbidden => Err(DomainError::Forbidden),
        Decision::NotFound => Err(DomainError::NotFound),
    }
}

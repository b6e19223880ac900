//! `AppError`, the one error type at the HTTP edge. A handler's error
//! becomes a response here with the right status; the page renderer
//! middleware (`web::middleware`) then turns it into a translated HTML page,
//! or the JSON error body under `/api`. Unknown errors are logged with their
//! cause chain and shown as a short message with the request id, never with
//! their text.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::domain::{DomainError, MessageKey, RowError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("unauthorized")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("csrf check failed")]
    Csrf,
    #[error("validation: {0}")]
    Validation(MessageKey),
    #[error("invalid rows")]
    Rows(Vec<RowError>),
    #[error("conflict: {0}")]
    Conflict(MessageKey),
    #[error("too many requests")]
    TooManyRequests,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("database error")]
    Db(#[source] diesel::result::Error),
    #[error("unexpected error")]
    Unexpected(#[source] anyhow::Error),
}

/// What the error page renderer needs, stored in the response extensions.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub code: &'static str,
    pub message_key: MessageKey,
    pub details: Vec<RowError>,
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Csrf => "csrf",
            AppError::Validation(_) | AppError::Rows(_) => "validation",
            AppError::Conflict(_) => "conflict",
            AppError::TooManyRequests => "rate_limited",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::Db(_) | AppError::Unexpected(_) => "internal",
        }
    }

    pub fn message_key(&self) -> MessageKey {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Unauthorized => "error-unauthorized",
            AppError::Forbidden => "error-forbidden",
            AppError::Csrf => "error-csrf",
            AppError::Validation(key) | AppError::Conflict(key) => key,
            AppError::Rows(_) => "error-rows",
            AppError::TooManyRequests => "error-rate-limited",
            AppError::PayloadTooLarge => "error-too-large",
            AppError::Db(_) | AppError::Unexpected(_) => "error-internal",
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Validation(_) | AppError::Rows(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Db(_) | AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = ?anyhow_chain(self), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code()).finish();
        response.extensions_mut().insert(ErrorInfo {
            code: self.code(),
            message_key: self.message_key(),
            details: match self {
                AppError::Rows(rows) => rows.clone(),
                _ => Vec::new(),
            },
        });
        response
    }
}

fn anyhow_chain(e: &AppError) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::NotFound => AppError::NotFound,
            DomainError::Forbidden => AppError::Forbidden,
            DomainError::Validation(key) | DomainError::Field(_, key) => AppError::Validation(key),
            DomainError::Conflict(key) => AppError::Conflict(key),
            DomainError::Rows(rows) => AppError::Rows(rows),
            DomainError::Db(diesel::result::Error::NotFound) => AppError::NotFound,
            DomainError::Db(e) => AppError::Db(e),
            DomainError::Unexpected(e) => AppError::Unexpected(e),
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::Unexpected(e)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::NotFound,
            e => AppError::Db(e),
        }
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::Unexpected(anyhow::anyhow!("blocking task failed: {e}"))
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Unexpected(anyhow::anyhow!("database pool: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;

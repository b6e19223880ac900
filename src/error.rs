//! `AppError`, the one error type at the HTTP edge. A handler's error
//! becomes a response here with the right status; the page renderer
//! middleware (`web::middleware`) then turns it into a translated HTML page,
//! or the JSON error body under `/api`. Unknown errors are logged with their
//! cause chain and shown as a short message with the request id, never with
//! their text.

use actix_web::http::{header, StatusCode};
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
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The database pool had no free connection in time: try again soon.
    #[error("service unavailable")]
    Unavailable(#[source] diesel::r2d2::PoolError),
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
            AppError::UnsupportedMediaType => "unsupported_media_type",
            AppError::Unavailable(_) => "unavailable",
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
            AppError::UnsupportedMediaType => "error-unsupported-media-type",
            AppError::Unavailable(_) => "error-unavailable",
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
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Db(_) | AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut builder = HttpResponse::build(self.status_code());
        match self {
            // Load, not a fault: worth a warning, not the full error.
            AppError::Unavailable(e) => {
                tracing::warn!(error = %e, "no database connection free in time");
                builder.insert_header((header::RETRY_AFTER, RETRY_AFTER_SECONDS.to_string()));
            }
            AppError::TooManyRequests => {
                builder.insert_header((header::RETRY_AFTER, "60"));
            }
            _ if self.status_code().is_server_error() => {
                tracing::error!(error = ?anyhow_chain(self), "request failed");
            }
            _ => {}
        }
        let mut response = builder.finish();
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

/// r2d2 answers an error only when no connection came free within the
/// pool's timeout (all busy, or the database unreachable): a 503 that
/// tells the client to come back, not a 500.
impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Unavailable(e)
    }
}

/// How long a client is asked to wait when the pool is exhausted.
pub const RETRY_AFTER_SECONDS: u32 = 5;

/// The error of an actix extractor under our own name, so that it is
/// rendered like ours (JSON under `/api`, a translated page elsewhere).
pub fn from_json_error(e: &actix_web::error::JsonPayloadError) -> AppError {
    use actix_web::error::{JsonPayloadError, PayloadError};
    match e {
        JsonPayloadError::OverflowKnownLength { .. }
        | JsonPayloadError::Overflow { .. }
        | JsonPayloadError::Payload(PayloadError::Overflow) => AppError::PayloadTooLarge,
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType,
        _ => AppError::Validation("error-json-invalid"),
    }
}

/// What to tell the client of an error response that did not come from an
/// `AppError` (a body limit or a malformed query caught by actix itself).
pub fn foreign_error_info(status: StatusCode) -> ErrorInfo {
    let known = match status {
        StatusCode::PAYLOAD_TOO_LARGE => Some(AppError::PayloadTooLarge),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Some(AppError::UnsupportedMediaType),
        StatusCode::NOT_FOUND => Some(AppError::NotFound),
        s if s.is_client_error() => Some(AppError::Validation("error-request-invalid")),
        _ => None,
    };
    match known {
        Some(e) => ErrorInfo {
            code: e.code(),
            message_key: e.message_key(),
            details: Vec::new(),
        },
        None => ErrorInfo {
            code: "internal",
            message_key: "error-internal",
            details: Vec::new(),
        },
    }
}

pub type AppResult<T> = Result<T, AppError>;

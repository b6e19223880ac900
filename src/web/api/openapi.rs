//! The error answers every call shares, added to the OpenAPI document in
//! one place rather than repeated on each path: a body too large (413), of
//! the wrong type (415) or unreadable (422) wherever a call takes a body,
//! and 503 with `Retry-After` wherever a call needs the database.

use serde::Serialize;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{ObjectBuilder, Ref, Type};
use utoipa::openapi::{Content, HeaderBuilder, OpenApi, RefOr, Response, ResponseBuilder};
use utoipa::ToSchema;

/// `{"error": {"code", "message", "details"}}`, every error of the API.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorObject,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorObject {
    /// `validation`, `not_found`, `payload_too_large`, `unsupported_media_type`,
    /// `rate_limited`, `unavailable`…
    pub code: String,
    /// In the caller's language (`Accept-Language`).
    pub message: String,
    /// Refused cells of a file or fields of a body (at most 100).
    pub details: Vec<ErrorDetail>,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// 1-based data row; 0 for the header line or a JSON field.
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// Calls that do not touch the database.
const NO_DATABASE: &[&str] = &["/api/v1/items"];

pub struct EdgeResponses;

fn error_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            Content::new(Some(Ref::from_schema_name("ErrorBody"))),
        )
        .build()
        .into()
}

fn unavailable() -> RefOr<Response> {
    ResponseBuilder::new()
        .description("the database is busy: try again after `Retry-After` seconds")
        .header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::Integer))
                .description(Some("seconds to wait"))
                .build(),
        )
        .content(
            "application/json",
            Content::new(Some(Ref::from_schema_name("ErrorBody"))),
        )
        .build()
        .into()
}

fn add(operation: &mut Operation, status: &str, response: impl FnOnce() -> RefOr<Response>) {
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(response);
}

impl utoipa::Modify for EdgeResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                if operation.request_body.is_some() {
                    add(operation, "413", || {
                        error_response("the body is larger than this call accepts")
                    });
                    add(operation, "415", || {
                        error_response("the body is not of the type this call reads (JSON or CSV)")
                    });
                    add(operation, "422", || {
                        error_response("the body cannot be read, or holds a control character")
                    });
                }
                if operation
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query))
                {
                    add(operation, "422", || {
                        error_response("a query parameter holds a control character")
                    });
                }
                if !NO_DATABASE.contains(&path.as_str()) {
                    add(operation, "503", unavailable);
                }
                // Error answers declared on the path without a body get the
                // common one.
                for (status, response) in operation.responses.responses.iter_mut() {
                    if let RefOr::T(r) = response {
                        if status.as_str() >= "400" && r.content.is_empty() {
                            r.content.insert(
                                "application/json".into(),
                                Content::new(Some(Ref::from_schema_name("ErrorBody"))),
                            );
                        }
                    }
                }
            }
        }
    }
}

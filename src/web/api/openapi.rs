//! What every call of the API may answer besides its own outcomes, added to
//! the OpenAPI document in one place so that no path forgets it: 401 to a
//! call that needs a bearer token, 404 to a call that names an object, 422
//! to a call with a body, and the error body of API.md on every refusal.
//! The statuses only some calls give (403, 409, 413, 429) stay beside the
//! call in its `#[utoipa::path]`. The closed vocabularies of the bodies
//! (sectors, languages, populations) are set here from the lists the
//! server checks against, so the document cannot drift from them.
//! The edge answers (`EdgeResponses`): a body too large (413), of the wrong
//! type (415) or unreadable (422) wherever a call takes a body, 422 for a
//! query holding a control character, and 503 with `Retry-After` wherever a
//! call needs the database.

use serde::Serialize;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{ArrayItems, ObjectBuilder, Schema, Type};
use utoipa::openapi::{Content, HeaderBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, ToSchema};

use crate::domain::campaigns::POPULATIONS;
use crate::domain::types::SECTORS;

/// `{"error": {"code", "message", "details"}}`, the body of every refusal.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// `unauthorized`, `forbidden`, `not_found`, `validation`, `conflict`,
    /// `payload_too_large`, `rate_limited`…
    pub code: String,
    /// In the caller's language.
    pub message: String,
    /// The refused cells of a file or fields of a body (at most 100).
    pub details: Vec<RowErrorOut>,
}

#[derive(Serialize, ToSchema)]
pub struct RowErrorOut {
    /// 1-based data row; 0 for the header or a body field.
    pub row: usize,
    pub column: String,
    pub message: String,
}

pub struct CommonResponses;

/// The operations of a path that the API serves.
fn operations(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

fn add(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| RefOr::T(ResponseBuilder::new().description(description).build()));
}

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let names_an_object = path.contains('{');
            for op in operations(item) {
                if op.security.is_some() {
                    add(op, "401", "no bearer token, or an expired or revoked one");
                }
                if names_an_object {
                    add(op, "404", "no such object, or none the caller may see");
                }
                if op.request_body.is_some() {
                    add(op, "422", "a body this call cannot read");
                }
                for (status, response) in op.responses.responses.iter_mut() {
                    if let (false, RefOr::T(response)) = (status.starts_with('2'), response) {
                        response
                            .content
                            .entry("application/json".into())
                            .or_insert_with(|| Content::new(Some(RefOr::Ref(Ref::from_schema_name("ErrorBody")))));
                    }
                }
            }
        }
    }
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

fn add_edge(operation: &mut Operation, status: &str, response: impl FnOnce() -> RefOr<Response>) {
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(response);
}

impl Modify for EdgeResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            for operation in operations(item) {
                if operation.request_body.is_some() {
                    add_edge(operation, "413", || {
                        error_response("the body is larger than this call accepts")
                    });
                    add_edge(operation, "415", || {
                        error_response("the body is not of the type this call reads (JSON or CSV)")
                    });
                    add_edge(operation, "422", || {
                        error_response("the body cannot be read, or holds a control character")
                    });
                }
                if operation
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query))
                {
                    add_edge(operation, "422", || {
                        error_response("a query parameter holds a control character")
                    });
                }
                if !NO_DATABASE.contains(&path.as_str()) {
                    add_edge(operation, "503", unavailable);
                }
            }
        }
    }
}

pub struct Vocabularies;

/// The schema of `field` in the component `schema`.
fn property<'a>(openapi: &'a mut OpenApi, schema: &str, field: &str) -> Option<&'a mut Schema> {
    let components = openapi.components.as_mut()?;
    let RefOr::T(Schema::Object(object)) = components.schemas.get_mut(schema)? else {
        return None;
    };
    match object.properties.get_mut(field)? {
        RefOr::T(schema) => Some(schema),
        RefOr::Ref(_) => None,
    }
}

/// Restricts a string, or the items of a list of strings, to `values`.
fn allow<'v>(schema: Option<&mut Schema>, values: impl IntoIterator<Item = &'v str>) {
    let values = Some(values.into_iter().map(serde_json::Value::from).collect());
    match schema {
        Some(Schema::Object(object)) => object.enum_values = values,
        Some(Schema::Array(array)) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                if let RefOr::T(Schema::Object(object)) = items.as_mut() {
                    object.enum_values = values;
                }
            }
        }
        _ => {}
    }
}

impl Modify for Vocabularies {
    fn modify(&self, openapi: &mut OpenApi) {
        let languages = || crate::i18n::supported().iter().map(String::as_str);
        allow(property(openapi, "OrganisationBody", "sector"), SECTORS.iter().copied());
        allow(property(openapi, "OrganisationBody", "default_language"), languages());
        allow(property(openapi, "CampaignInput", "languages"), languages());
        allow(property(openapi, "CampaignInput", "populations"), POPULATIONS);
        allow(
            property(openapi, "EndpointInput", "events"),
            crate::domain::webhooks::EVENTS,
        );
    }
}

#[cfg(test)]
mod tests {
    use utoipa::OpenApi;

    use super::super::ApiDoc;

    #[test]
    fn closed_vocabularies_are_listed() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        let schemas = &doc["components"]["schemas"];
        let organisation = &schemas["OrganisationBody"]["properties"];
        assert_eq!(organisation["sector"]["enum"][0], "banking");
        assert_eq!(
            organisation["default_language"]["enum"].as_array().map(Vec::len),
            Some(2)
        );
        let campaign = &schemas["CampaignInput"]["properties"];
        assert_eq!(campaign["languages"]["items"]["enum"].as_array().map(Vec::len), Some(2));
        assert_eq!(campaign["populations"]["items"]["enum"][3], "executive");
    }

    #[test]
    fn every_secured_call_documents_401_and_every_refusal_the_error_body() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        assert!(!paths.is_empty());
        for (path, item) in paths {
            for (method, op) in item.as_object().cloned().unwrap_or_default() {
                let responses = &op["responses"];
                if op.get("security").is_some() {
                    assert!(responses.get("401").is_some(), "{method} {path} without 401");
                }
                if path.contains('{') {
                    assert!(responses.get("404").is_some(), "{method} {path} without 404");
                }
                for (status, response) in responses.as_object().cloned().unwrap_or_default() {
                    if !status.starts_with('2') {
                        assert_eq!(
                            response["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ErrorBody",
                            "{method} {path} {status}"
                        );
                    }
                }
            }
        }
    }
}

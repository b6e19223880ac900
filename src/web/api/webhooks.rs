//! Webhook endpoints over the API: create (the secret is answered once),
//! list (no secrets), delete.

use actix_web::{delete, get, post, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use super::organisations::api_error;
use crate::domain::webhooks::{self, EndpointInput};
use crate::error::AppResult;
use crate::web::api::json::ApiJson;
use crate::web::session::ApiUser;
use crate::web::state::State;

/// An endpoint just created: its id and its signing secret, shown this
/// once (`whsec_` and base64; Standard Webhooks).
#[derive(Serialize, ToSchema)]
pub struct WebhookCreated {
    id: String,
    secret: String,
    url: String,
    events: Vec<String>,
}

/// An endpoint as listed (never its secret).
#[derive(Serialize, ToSchema)]
pub struct WebhookOut {
    id: String,
    url: String,
    events: Vec<String>,
    created_at: String,
}

fn events(text: &str) -> Vec<String> {
    text.split(',').filter(|e| !e.is_empty()).map(str::to_string).collect()
}

/// Add an endpoint that receives the chosen events, signed as Standard
/// Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/webhooks", security(("bearer" = [])), request_body = EndpointInput,
    responses((status = 201, body = WebhookCreated), (status = 403), (status = 422)))]
#[post("/organisations/{org}/webhooks")]
pub async fn create(
    state: State,
    ApiUser(s): ApiUser,
    path: web::Path<String>,
    body: ApiJson<EndpointInput>,
) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    let input = body.into_inner();
    let created = state
        .db(move |conn| webhooks::create(conn, &s.principal, &org, &input).map_err(api_error))
        .await?;
    Ok(HttpResponse::Created().json(WebhookCreated {
        id: created.endpoint.id,
        secret: created.secret,
        url: created.endpoint.url,
        events: events(&created.endpoint.events),
    }))
}

/// The organisation's endpoints (without their secrets).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/webhooks", security(("bearer" = [])),
    responses((status = 200, body = [WebhookOut]), (status = 403)))]
#[get("/organisations/{org}/webhooks")]
pub async fn list(state: State, ApiUser(s): ApiUser, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    let list = state
        .db(move |conn| Ok(webhooks::list(conn, &s.principal, &org)?))
        .await?;
    let out: Vec<WebhookOut> = list
        .into_iter()
        .map(|e| WebhookOut {
            events: events(&e.events),
            id: e.id,
            url: e.url,
            created_at: e.created_at.and_utc().to_rfc3339(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// Remove an endpoint and its undelivered messages.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/webhooks/{id}", security(("bearer" = [])),
    responses((status = 204, description = "deleted"), (status = 403)))]
#[delete("/organisations/{org}/webhooks/{id}")]
pub async fn remove(state: State, ApiUser(s): ApiUser, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (org, id) = path.into_inner();
    state
        .db(move |conn| Ok(webhooks::delete(conn, &s.principal, &org, &id)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

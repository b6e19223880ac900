//! The JSON API under `/api/v1` (API.md): bearer tokens, the same domain
//! services and policy as the pages, errors as `{"error": {…}}`, and the
//! OpenAPI document at `/api/v1/openapi.json`.

pub mod campaigns;
pub mod json;
pub mod openapi;
pub mod organisations;
pub mod webhooks;

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::auth::jwt::{Audience, API_SECONDS};
use crate::domain::accounts;
use crate::error::{AppError, AppResult};
use crate::web::state::State;
use json::ApiJson;
use openapi::{CommonResponses, EdgeResponses, Vocabularies};

/// Largest JSON body accepted.
pub const JSON_LIMIT: usize = 64 * 1024;

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    email: String,
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    access_token: String,
    token_type: &'static str,
    expires_in: i64,
}

/// Exchange an e-mail and password for a bearer token.
#[utoipa::path(post, path = "/api/v1/auth/token", request_body = TokenRequest,
    responses((status = 200, body = TokenResponse), (status = 401, description = "wrong credentials"),
        (status = 429, description = "too many attempts from this address or for this account; `Retry-After` says when to try again")))]
#[post("/auth/token")]
pub async fn token(state: State, req: HttpRequest, body: ApiJson<TokenRequest>) -> AppResult<HttpResponse> {
    let body = body.into_inner();
    if state.sign_in_limited(&req, &body.email) {
        return Err(AppError::TooManyRequests);
    }
    let found = state
        .db(move |conn| Ok(accounts::authenticate(conn, &body.email, &body.password)?))
        .await?;
    let u = found.ok_or(AppError::Unauthorized)?;
    let access_token = state.keys.issue(&u.id, u.token_version, Audience::Api, API_SECONDS)?;
    Ok(HttpResponse::build(StatusCode::OK).json(TokenResponse {
        access_token,
        token_type: "Bearer",
        expires_in: API_SECONDS,
    }))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Miroir API", version = "1", description = "Symmetry of attention: mirrored customer and employee surveys."),
    paths(token, campaigns::create, campaigns::list, campaigns::transition, campaigns::items, campaigns::invitations, campaigns::send_reminders, campaigns::import_responses, campaigns::report, organisations::list, organisations::create, organisations::get_one, organisations::list_teams, organisations::put_teams, webhooks::create, webhooks::list, webhooks::remove),
    components(schemas(TokenRequest, TokenResponse, organisations::OrganisationBody, crate::domain::teams::ImportSummary, organisations::OrganisationOut, organisations::TeamOut, crate::domain::campaigns::CampaignInput, campaigns::CampaignOut, campaigns::ItemOut, campaigns::InvitationRequest, campaigns::InvitationsOut, campaigns::RemindersOut, campaigns::ImportOut, campaigns::Transition, openapi::ErrorBody, openapi::ErrorDetail, openapi::RowErrorOut, crate::domain::webhooks::EndpointInput, webhooks::WebhookCreated, webhooks::WebhookOut)),
    modifiers(&BearerAuth, &CommonResponses, &EdgeResponses, &Vocabularies)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

#[get("/openapi.json")]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .app_data(
                web::JsonConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(|e, _| crate::error::from_json_error(&e).into()),
            )
            .service(token)
            .service(openapi_json)
            .service(organisations::list)
            .service(organisations::create)
            .service(organisations::get_one)
            .service(organisations::list_teams)
            .service(organisations::put_teams)
            .service(campaigns::create)
            .service(campaigns::list)
            .service(campaigns::transition)
            .service(campaigns::items)
            .service(campaigns::invitations)
            .service(campaigns::send_reminders)
            .service(campaigns::import_responses)
            .service(campaigns::report)
            .service(webhooks::create)
            .service(webhooks::list)
            .service(webhooks::remove)
            .default_service(web::to(|| async { Err::<HttpResponse, _>(AppError::NotFound) })),
    );
}

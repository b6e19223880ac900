//! Organisations and teams over the API.

use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::organisations::Organisation;
use crate::domain::organisations::{self, OrganisationInput};
use crate::domain::{teams, DomainError, RowError};
use crate::error::{AppError, AppResult};
use crate::web::api::json::ApiJson;
use crate::web::session::ApiUser;
use crate::web::state::State;
use crate::web::uploads;

/// Largest team CSV accepted.
pub const TEAM_CSV_LIMIT: usize = 2 * 1024 * 1024;

#[derive(Serialize, ToSchema)]
pub struct OrganisationOut {
    id: String,
    name: String,
    sector: String,
    default_language: String,
    anonymity_threshold: i32,
    /// The symmetry label's floor: every audit at least this (out of 100).
    label_floor: i32,
    /// The label's bar: the three audits' average above this.
    label_average: i32,
    created_at: String,
}

impl From<Organisation> for OrganisationOut {
    fn from(o: Organisation) -> Self {
        OrganisationOut {
            id: o.id,
            name: o.name,
            sector: o.sector,
            default_language: o.default_language,
            anonymity_threshold: o.anonymity_threshold,
            label_floor: o.label_floor,
            label_average: o.label_average,
            created_at: o.created_at.and_utc().to_rfc3339(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TeamOut {
    id: String,
    code: String,
    name: String,
    parent_code: Option<String>,
    headcount: i32,
}

/// Field errors become 422 with the field as `column`.
pub fn api_error(e: DomainError) -> AppError {
    match e {
        DomainError::Field(field, key) => AppError::Rows(vec![RowError {
            row: 0,
            column: field.into(),
            message: key.into(),
        }]),
        other => other.into(),
    }
}

/// The organisations the caller may open.
#[utoipa::path(get, path = "/api/v1/organisations", security(("bearer" = [])), responses((status = 200, body = [OrganisationOut])))]
#[get("/organisations")]
pub async fn list(state: State, ApiUser(s): ApiUser) -> AppResult<HttpResponse> {
    let orgs = state
        .db(move |conn| Ok(organisations::list_visible(conn, &s.principal)?))
        .await?;
    Ok(HttpResponse::Ok().json(orgs.into_iter().map(OrganisationOut::from).collect::<Vec<_>>()))
}

#[derive(serde::Deserialize, ToSchema)]
pub struct OrganisationBody {
    #[schema(min_length = 1, max_length = 200)]
    name: String,
    sector: String,
    default_language: String,
    /// The smallest group whose figures are shown (default 5).
    #[schema(minimum = 3, maximum = 1000)]
    anonymity_threshold: Option<i32>,
    /// The symmetry label's floor, out of 100 (default 55).
    #[schema(minimum = 0, maximum = 100)]
    label_floor: Option<i32>,
    /// The label's bar for the average of the three audits (default 70).
    #[schema(minimum = 0, maximum = 100)]
    label_average: Option<i32>,
}

/// Create an organisation (platform admins and consultants).
#[utoipa::path(post, path = "/api/v1/organisations", security(("bearer" = [])), request_body = OrganisationBody,
    responses((status = 201, body = OrganisationOut), (status = 403), (status = 422)))]
#[post("/organisations")]
pub async fn create(state: State, ApiUser(s): ApiUser, body: ApiJson<OrganisationBody>) -> AppResult<HttpResponse> {
    let body = body.into_inner();
    let input = OrganisationInput {
        name: body.name,
        sector: body.sector,
        default_language: body.default_language,
        anonymity_threshold: body.anonymity_threshold.map(|k| k.to_string()),
        label_floor: body.label_floor.map(|v| v.to_string()),
        label_average: body.label_average.map(|v| v.to_string()),
    };
    let org = state
        .db(move |conn| organisations::create(conn, &s.principal, &input).map_err(api_error))
        .await?;
    Ok(HttpResponse::Created().json(OrganisationOut::from(org)))
}

#[utoipa::path(get, path = "/api/v1/organisations/{org}", security(("bearer" = [])), responses((status = 200, body = OrganisationOut), (status = 404)))]
#[get("/organisations/{org}")]
pub async fn get_one(state: State, ApiUser(s): ApiUser, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let org = state
        .db(move |conn| Ok(organisations::get(conn, &s.principal, &id)?))
        .await?;
    Ok(HttpResponse::Ok().json(OrganisationOut::from(org)))
}

/// The teams the caller may see, parents first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/teams", security(("bearer" = [])), responses((status = 200, body = [TeamOut]), (status = 404)))]
#[get("/organisations/{org}/teams")]
pub async fn list_teams(state: State, ApiUser(s): ApiUser, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let rows = state.db(move |conn| Ok(teams::tree(conn, &s.principal, &id)?)).await?;
    let out: Vec<TeamOut> = rows
        .into_iter()
        .map(|r| TeamOut {
            id: r.team.id,
            code: r.team.code,
            name: r.team.name,
            parent_code: r.parent_code,
            headcount: r.team.headcount,
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// Upsert teams by code from CSV `code,name,parent_code,headcount`; all or
/// nothing.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/teams", security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = teams::ImportSummary), (status = 403), (status = 413), (status = 422, description = "row/column errors; nothing stored")))]
#[put("/organisations/{org}/teams")]
pub async fn put_teams(
    state: State,
    req: HttpRequest,
    ApiUser(s): ApiUser,
    path: web::Path<String>,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    uploads::require_csv(&req)?;
    let body = uploads::body_to_bytes(payload, TEAM_CSV_LIMIT).await?;
    let id = path.into_inner();
    let max_depth = state.config.max_team_depth;
    let summary = state
        .db(move |conn| Ok(teams::import_csv(conn, &s.principal, &id, &body, max_depth)?))
        .await?;
    Ok(HttpResponse::Ok().json(summary))
}

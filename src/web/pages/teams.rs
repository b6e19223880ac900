//! Team pages: a team's card, create, edit or move, delete, and the CSV
//! import form.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::see_other;
use crate::auth::policy::{Action, Decision};
use crate::domain::teams::{self, ImportSummary, TeamInput, TreeRow};
use crate::domain::{authorise, DomainError, RowError};
use crate::error::AppResult;
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::middleware::translated_rows;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

use crate::web::api::organisations::TEAM_CSV_LIMIT;

#[derive(Serialize)]
struct TeamFormPage {
    org_id: String,
    team_id: Option<String>,
    parents: Vec<TreeRow>,
    form: FormState<TeamInput>,
}

async fn form_page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    org_id: String,
    team_id: Option<String>,
    form: FormState<TeamInput>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (p, org) = (s.principal.clone(), org_id.clone());
    let parents = state.db(move |conn| Ok(teams::tree(conn, &p, &org)?)).await?;
    let title = if team_id.is_some() {
        "team-edit-title"
    } else {
        "team-new-title"
    };
    let page = TeamFormPage {
        org_id,
        team_id,
        parents,
        form,
    };
    let mut res = html(&state.templates, "pages/team_form", &page_context(req, title, page))?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/orgs/{org}/teams/new")]
pub async fn new_form(state: State, req: HttpRequest, s: SignedIn, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    authorise(&s.principal, Action::ManageTeams { org: &org_id })?;
    form_page(
        &state,
        &req,
        &s,
        org_id,
        None,
        FormState::new(TeamInput::default()),
        StatusCode::OK,
    )
    .await
}

#[post("/orgs/{org}/teams")]
pub async fn create(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<TeamInput>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, org, input) = (s.principal.clone(), org_id.clone(), form.clone());
    let max_depth = state.config.max_team_depth;
    let to = format!("/orgs/{org_id}?notice=notice-team-created");
    settle(
        &state,
        &req,
        form,
        move |conn| teams::create(conn, &p, &org, &input, max_depth),
        |_| to,
        |form| form_page(&state, &req, &s, org_id, None, form, StatusCode::UNPROCESSABLE_ENTITY),
    )
    .await
}

#[derive(Serialize)]
struct TeamPage {
    org_id: String,
    #[serde(flatten)]
    near: teams::Neighbourhood,
    may_manage: bool,
}

#[get("/orgs/{org}/teams/{team}")]
pub async fn show(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, team_id) = path.into_inner();
    let (p, org, id) = (s.principal.clone(), org_id.clone(), team_id.clone());
    let near = state
        .db(move |conn| Ok(teams::neighbourhood(conn, &p, &org, &id)?))
        .await?;
    let page = TeamPage {
        may_manage: s.principal.may(Action::ManageTeams { org: &org_id }) == Decision::Allow,
        org_id,
        near,
    };
    html(&state.templates, "pages/team", &page_context(&req, "team-title", page))
}

#[get("/orgs/{org}/teams/{team}/edit")]
pub async fn edit_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, team_id) = path.into_inner();
    authorise(&s.principal, Action::ManageTeams { org: &org_id })?;
    let (p, org, id) = (s.principal.clone(), org_id.clone(), team_id.clone());
    let near = state
        .db(move |conn| Ok(teams::neighbourhood(conn, &p, &org, &id)?))
        .await?;
    let team = near.team;
    let values = TeamInput {
        code: team.code,
        name: team.name,
        parent_code: near.parent.map(|t| t.code).unwrap_or_default(),
        headcount: team.headcount.to_string(),
    };
    form_page(
        &state,
        &req,
        &s,
        org_id,
        Some(team_id),
        FormState::new(values),
        StatusCode::OK,
    )
    .await
}

#[post("/orgs/{org}/teams/{team}/edit")]
pub async fn update(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<TeamInput>,
) -> AppResult<HttpResponse> {
    let (org_id, team_id) = path.into_inner();
    let (p, org, id, input) = (s.principal.clone(), org_id.clone(), team_id.clone(), form.clone());
    let max_depth = state.config.max_team_depth;
    let to = format!("/orgs/{org_id}/teams/{team_id}?notice=notice-saved");
    settle(
        &state,
        &req,
        form,
        move |conn| teams::update(conn, &p, &org, &id, &input, max_depth),
        |_| to,
        |form| {
            form_page(
                &state,
                &req,
                &s,
                org_id,
                Some(team_id),
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

#[post("/orgs/{org}/teams/{team}/delete")]
pub async fn delete(
    state: State,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> AppResult<HttpResponse> {
    let (org_id, team_id) = path.into_inner();
    let (p, org) = (s.principal.clone(), org_id.clone());
    state
        .db(move |conn| Ok(teams::delete(conn, &p, &org, &team_id)?))
        .await?;
    Ok(see_other(&format!("/orgs/{org_id}?notice=notice-team-deleted")))
}

#[derive(Serialize)]
struct ImportPage {
    org_id: String,
    errors: Vec<RowError>,
    summary: Option<ImportSummary>,
}

#[get("/orgs/{org}/teams/import")]
pub async fn import_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    authorise(&s.principal, Action::ManageTeams { org: &org_id })?;
    let page = ImportPage {
        org_id,
        errors: Vec::new(),
        summary: None,
    };
    html(
        &state.templates,
        "pages/team_import",
        &page_context(&req, "team-import-title", page),
    )
}

#[post("/orgs/{org}/teams/import")]
pub async fn import(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    authorise(&s.principal, Action::ManageTeams { org: &org_id })?;
    let bytes = crate::web::uploads::multipart_to_bytes(&req, payload, TEAM_CSV_LIMIT).await?;
    let (p, org) = (s.principal.clone(), org_id.clone());
    let max_depth = state.config.max_team_depth;
    let outcome = state
        .db(move |conn| Ok(teams::import_csv(conn, &p, &org, &bytes, max_depth)))
        .await?;
    let lang = lang_for(&req, None);
    let (page, status) = match outcome {
        Ok(summary) => (
            ImportPage {
                org_id,
                errors: Vec::new(),
                summary: Some(summary),
            },
            StatusCode::OK,
        ),
        Err(DomainError::Rows(rows)) => (
            ImportPage {
                org_id,
                errors: translated_rows(&lang, &rows),
                summary: None,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e.into()),
    };
    let mut res = html(
        &state.templates,
        "pages/team_import",
        &page_context(&req, "team-import-title", page),
    )?;
    *res.status_mut() = status;
    Ok(res)
}

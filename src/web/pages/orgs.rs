//! Organisation pages: create, overview, edit, delete with typed
//! confirmation.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::see_other;
use crate::auth::policy::{Action, Decision};
use crate::domain::accounts::MemberRow;
use crate::domain::navigation::{self, LatestResults, TeamResults};
use crate::domain::organisations::Organisation;
use crate::domain::organisations::{self, OrganisationInput};
use crate::domain::teams::{self, TreeRow};
use crate::domain::{accounts, types::SECTORS};
use crate::error::AppResult;
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

#[derive(Serialize)]
struct OrgFormPage {
    org_id: Option<String>,
    sectors: &'static [&'static str],
    languages: Vec<String>,
    form: FormState<OrganisationInput>,
}

fn form_page(
    req: &HttpRequest,
    state: &State,
    org_id: Option<String>,
    form: FormState<OrganisationInput>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let title = if org_id.is_some() {
        "org-edit-title"
    } else {
        "org-new-title"
    };
    let page = OrgFormPage {
        org_id,
        sectors: SECTORS,
        languages: crate::i18n::supported().to_vec(),
        form,
    };
    let mut res = html(&state.templates, "pages/org_form", &page_context(req, title, page))?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/orgs/new")]
pub async fn new_form(state: State, req: HttpRequest, s: SignedIn) -> AppResult<HttpResponse> {
    crate::domain::authorise(&s.principal, Action::CreateOrganisation)?;
    let values = OrganisationInput {
        default_language: lang_for(&req, None),
        anonymity_threshold: Some("5".into()),
        label_floor: Some(crate::analytics::label::DEFAULT_FLOOR.to_string()),
        label_average: Some(crate::analytics::label::DEFAULT_AVERAGE.to_string()),
        ..Default::default()
    };
    form_page(&req, &state, None, FormState::new(values), StatusCode::OK)
}

#[post("/orgs")]
pub async fn create(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    CsrfForm(form): CsrfForm<OrganisationInput>,
) -> AppResult<HttpResponse> {
    let (p, input) = (s.principal.clone(), form.clone());
    settle(
        &state,
        &req,
        form,
        move |conn| organisations::create(conn, &p, &input),
        |org| format!("/orgs/{}?notice=notice-org-created", org.id),
        |form| async { form_page(&req, &state, None, form, StatusCode::UNPROCESSABLE_ENTITY) },
    )
    .await
}

#[derive(Serialize)]
struct OrgPage {
    org: Organisation,
    teams: Vec<TreeRow>,
    members: Vec<MemberRow>,
    may_edit: bool,
    may_delete: bool,
    may_manage_teams: bool,
    may_manage_members: bool,
    may_manage_webhooks: bool,
    latest: Option<LatestResults>,
    team_results: Vec<TeamResults>,
}

#[get("/orgs/{org}")]
pub async fn show(state: State, req: HttpRequest, s: SignedIn, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let p = s.principal.clone();
    let id = org_id.clone();
    let (org, teams, members, (latest, team_results)) = state
        .db(move |conn| {
            let org = organisations::get(conn, &p, &id)?;
            let teams = teams::tree(conn, &p, &id)?;
            let members = accounts::members(conn, &p, &id)?;
            let results = navigation::organisation_results(conn, &p, &id)?;
            Ok((org, teams, members, results))
        })
        .await?;
    let allowed = |a| s.principal.may(a) == Decision::Allow;
    let org_ref = org_id.as_str();
    let page = OrgPage {
        may_edit: allowed(Action::EditOrganisation { org: org_ref }),
        may_delete: allowed(Action::DeleteOrganisation { org: org_ref }),
        may_manage_teams: allowed(Action::ManageTeams { org: org_ref }),
        may_manage_members: allowed(Action::ManageMembers { org: org_ref }),
        may_manage_webhooks: allowed(Action::ManageWebhooks { org: org_ref }),
        org,
        teams,
        members,
        latest,
        team_results,
    };
    html(&state.templates, "pages/org", &page_context(&req, "org-title", page))
}

#[get("/orgs/{org}/edit")]
pub async fn edit_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    crate::domain::authorise(&s.principal, Action::EditOrganisation { org: &org_id })?;
    let (p, id) = (s.principal.clone(), org_id.clone());
    let org = state.db(move |conn| Ok(organisations::get(conn, &p, &id)?)).await?;
    let values = OrganisationInput {
        name: org.name,
        sector: org.sector,
        default_language: org.default_language,
        anonymity_threshold: Some(org.anonymity_threshold.to_string()),
        label_floor: Some(org.label_floor.to_string()),
        label_average: Some(org.label_average.to_string()),
    };
    form_page(&req, &state, Some(org_id), FormState::new(values), StatusCode::OK)
}

#[post("/orgs/{org}/edit")]
pub async fn update(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<OrganisationInput>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, id, input) = (s.principal.clone(), org_id.clone(), form.clone());
    let to = format!("/orgs/{org_id}?notice=notice-saved");
    settle(
        &state,
        &req,
        form,
        move |conn| organisations::update(conn, &p, &id, &input),
        |_| to,
        |form| async { form_page(&req, &state, Some(org_id), form, StatusCode::UNPROCESSABLE_ENTITY) },
    )
    .await
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirmation: String,
}

#[derive(Serialize)]
struct DeletePage {
    org: Organisation,
    form: FormState<DeleteForm>,
}

#[get("/orgs/{org}/delete")]
pub async fn delete_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    crate::domain::authorise(&s.principal, Action::DeleteOrganisation { org: &org_id })?;
    let p = s.principal.clone();
    let org = state.db(move |conn| Ok(organisations::get(conn, &p, &org_id)?)).await?;
    let page = DeletePage {
        org,
        form: FormState::new(DeleteForm::default()),
    };
    html(
        &state.templates,
        "pages/org_delete",
        &page_context(&req, "org-delete-title", page),
    )
}

#[post("/orgs/{org}/delete")]
pub async fn delete(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, id, confirmation) = (s.principal.clone(), org_id.clone(), form.confirmation.clone());
    match state
        .db(move |conn| Ok(organisations::delete(conn, &p, &id, &confirmation)))
        .await?
    {
        Ok(()) => Ok(see_other("/?notice=notice-org-deleted")),
        Err(e) => {
            let form = FormState::refused(form, &lang_for(&req, None), e)?;
            let p = s.principal.clone();
            let org = state.db(move |conn| Ok(organisations::get(conn, &p, &org_id)?)).await?;
            let mut res = html(
                &state.templates,
                "pages/org_delete",
                &page_context(&req, "org-delete-title", DeletePage { org, form }),
            )?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
    }
}

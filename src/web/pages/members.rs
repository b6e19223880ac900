//! An organisation's people: add someone (creating their account if
//! needed), change their role or teams, remove them.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::see_other;
use crate::auth::policy::{Action, Decision, Role};
use crate::domain::accounts::MemberRow;
use crate::domain::accounts::{self, MemberInput};
use crate::domain::authorise;
use crate::error::AppResult;
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

#[derive(Serialize)]
struct MembersPage {
    org_id: String,
    members: Vec<MemberRow>,
    roles: Vec<&'static str>,
    form: FormState<MemberInput>,
    /// The set-password link for a newly created account, shown once.
    new_account_link: Option<String>,
    may_manage: bool,
}

fn roles_for(s: &SignedIn) -> Vec<&'static str> {
    Role::ALL
        .into_iter()
        .filter(|r| *r != Role::Consultant || s.principal.may(Action::AssignConsultants) == Decision::Allow)
        .map(Role::as_str)
        .collect()
}

async fn page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    org_id: String,
    form: FormState<MemberInput>,
    link: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (p, org) = (s.principal.clone(), org_id.clone());
    let members = state.db(move |conn| Ok(accounts::members(conn, &p, &org)?)).await?;
    let page = MembersPage {
        may_manage: s.principal.may(Action::ManageMembers { org: &org_id }) == Decision::Allow,
        org_id,
        members,
        roles: roles_for(s),
        form,
        new_account_link: link,
    };
    let mut res = html(
        &state.templates,
        "pages/members",
        &page_context(req, "members-title", page),
    )?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/orgs/{org}/members")]
pub async fn list(state: State, req: HttpRequest, s: SignedIn, path: web::Path<String>) -> AppResult<HttpResponse> {
    let form = FormState::new(MemberInput {
        role: "viewer".into(),
        ..Default::default()
    });
    page(&state, &req, &s, path.into_inner(), form, None, StatusCode::OK).await
}

pub fn reset_link(state: &State, req: &HttpRequest, token: &str) -> String {
    format!("{}/reset/{token}", super::campaigns::public_base(state, req))
}

#[post("/orgs/{org}/members")]
pub async fn add(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MemberInput>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, org, input) = (s.principal.clone(), org_id.clone(), form.clone());
    match state
        .db(move |conn| Ok(accounts::add_member(conn, &p, &org, &input)))
        .await?
    {
        Ok(token) => {
            let link = token.map(|t| reset_link(&state, &req, &t));
            let empty = FormState::new(MemberInput {
                role: "viewer".into(),
                ..Default::default()
            });
            page(&state, &req, &s, org_id, empty, link, StatusCode::OK).await
        }
        Err(e) => {
            let form = FormState::refused(form, &lang_for(&req, None), e)?;
            page(&state, &req, &s, org_id, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[post("/orgs/{org}/members/{member}")]
pub async fn update(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<MemberInput>,
) -> AppResult<HttpResponse> {
    let (org_id, member) = path.into_inner();
    let (p, org, input) = (s.principal.clone(), org_id.clone(), form.clone());
    let to = format!("/orgs/{org_id}/members?notice=notice-saved");
    settle(
        &state,
        &req,
        form,
        move |conn| accounts::update_member(conn, &p, &org, &member, &input),
        |()| to,
        |form| page(&state, &req, &s, org_id, form, None, StatusCode::UNPROCESSABLE_ENTITY),
    )
    .await
}

#[post("/orgs/{org}/members/{member}/delete")]
pub async fn remove(
    state: State,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> AppResult<HttpResponse> {
    let (org_id, member) = path.into_inner();
    authorise(&s.principal, Action::ManageMembers { org: &org_id })?;
    let (p, org) = (s.principal.clone(), org_id.clone());
    state
        .db(move |conn| Ok(accounts::remove_member(conn, &p, &org, &member)?))
        .await?;
    Ok(see_other(&format!(
        "/orgs/{org_id}/members?notice=notice-member-removed"
    )))
}

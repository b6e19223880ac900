//! Platform administration: accounts, consultants, password reset links.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::members::reset_link;
use crate::auth::policy::Action;
use crate::domain::{accounts, authorise};
use crate::error::AppResult;
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::FormState;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

#[derive(Serialize)]
struct UserRow {
    id: String,
    email: String,
    display_name: String,
    is_platform_admin: bool,
    is_consultant: bool,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
pub struct NewAccountForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    consultant: Option<String>,
}

#[derive(Serialize)]
struct UsersPage {
    users: Vec<UserRow>,
    form: FormState<NewAccountForm>,
    link: Option<String>,
    link_for: Option<String>,
}

async fn page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    form: FormState<NewAccountForm>,
    link: Option<(String, String)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let p = s.principal.clone();
    let users = state.db(move |conn| Ok(accounts::list_users(conn, &p)?)).await?;
    let users = users
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            is_platform_admin: u.is_platform_admin,
            is_consultant: u.is_consultant,
        })
        .collect();
    let (link_for, link) = link.map(|(who, l)| (Some(who), Some(l))).unwrap_or((None, None));
    let page = UsersPage {
        users,
        form,
        link,
        link_for,
    };
    let mut res = html(
        &state.templates,
        "pages/admin_users",
        &page_context(req, "admin-users-title", page),
    )?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/admin/users")]
pub async fn users_page(state: State, req: HttpRequest, s: SignedIn) -> AppResult<HttpResponse> {
    authorise(&s.principal, Action::AdministerPlatform)?;
    page(
        &state,
        &req,
        &s,
        FormState::new(NewAccountForm::default()),
        None,
        StatusCode::OK,
    )
    .await
}

#[post("/admin/users")]
pub async fn create(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    CsrfForm(form): CsrfForm<NewAccountForm>,
) -> AppResult<HttpResponse> {
    authorise(&s.principal, Action::AdministerPlatform)?;
    let (p, f) = (s.principal.clone(), form.clone());
    let outcome = state
        .db(move |conn| {
            Ok(accounts::create_user(
                conn,
                &p,
                &f.email,
                &f.display_name,
                f.consultant.is_some(),
            ))
        })
        .await?;
    match outcome {
        Ok((u, token)) => {
            let link = reset_link(&state, &req, &token);
            page(
                &state,
                &req,
                &s,
                FormState::new(NewAccountForm::default()),
                Some((u.email, link)),
                StatusCode::OK,
            )
            .await
        }
        Err(e) => {
            let form = FormState::refused(form, &lang_for(&req, None), e)?;
            page(&state, &req, &s, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[post("/admin/users/{id}/reset")]
pub async fn reset(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let p = s.principal.clone();
    let (email, token) = state.db(move |conn| Ok(accounts::issue_reset(conn, &p, &id)?)).await?;
    let link = reset_link(&state, &req, &token);
    page(
        &state,
        &req,
        &s,
        FormState::new(NewAccountForm::default()),
        Some((email, link)),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct ConsultantForm {
    #[serde(default)]
    consultant: Option<String>,
}

#[post("/admin/users/{id}/consultant")]
pub async fn consultant(
    state: State,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ConsultantForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let p = s.principal.clone();
    let flag = form.consultant.as_deref() == Some("1");
    state
        .db(move |conn| Ok(accounts::set_consultant(conn, &p, &id, flag)?))
        .await?;
    Ok(super::see_other("/admin/users?notice=notice-saved"))
}

//! Sign-in, sign-out, first-run setup, one's own account (password and
//! language), password reset links and the language switch.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::{safe_next, see_other};
use crate::auth::jwt::{Audience, SESSION_SECONDS};
use crate::domain::accounts::{self, NewUserInput};
use crate::domain::navigation;
use crate::domain::DomainError;
use crate::error::{AppError, AppResult};
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::render::html;
use crate::web::session::{MaybeSignedIn, SignedIn, SESSION_COOKIE};
use crate::web::state::State;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct LoginForm {
    #[serde(default)]
    pub email: String,
    #[serde(default, skip_serializing)]
    pub password: String,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[get("/login")]
pub async fn login_form(state: State, req: HttpRequest, q: web::Query<NextQuery>) -> AppResult<HttpResponse> {
    let (nobody, needs_setup) = state
        .db(|conn| Ok((accounts::nobody_yet(conn)?, accounts::needs_setup(conn)?)))
        .await?;
    if nobody {
        return Ok(see_other("/setup"));
    }
    let form = FormState::new(LoginForm {
        next: q.into_inner().next,
        ..Default::default()
    });
    let page = LoginPage {
        form,
        setup_open: needs_setup,
    };
    html(
        &state.templates,
        "pages/login",
        &page_context(&req, "login-title", page),
    )
}

#[derive(Serialize)]
struct LoginPage {
    form: FormState<LoginForm>,
    /// No administrator yet (only demo people): point to `/setup`.
    setup_open: bool,
}

#[post("/login")]
pub async fn login(state: State, req: HttpRequest, CsrfForm(form): CsrfForm<LoginForm>) -> AppResult<HttpResponse> {
    let lang = lang_for(&req, None);
    if state.sign_in_limited(&req, &form.email) {
        let page = LoginPage {
            form: FormState::with_error(form, &lang, "error-rate-limited"),
            setup_open: false,
        };
        let mut res = html(
            &state.templates,
            "pages/login",
            &page_context(&req, "login-title", page),
        )?;
        *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(res);
    }
    let (email, password) = (form.email.clone(), form.password.clone());
    // Where to go: an explicit safe `next` (the sign-in came from a link),
    // else where this person's work is.
    let explicit = form.next.as_deref().map(|n| safe_next(Some(n))).filter(|n| n != "/");
    let found = state
        .db(move |conn| {
            let Some(u) = accounts::authenticate(conn, &email, &password)? else {
                return Ok(None);
            };
            let target = match explicit {
                Some(next) => next,
                None => {
                    let principal = accounts::principal_for(conn, &u)?;
                    navigation::landing(conn, &principal)?
                }
            };
            Ok(Some((u, target)))
        })
        .await?;
    let Some((u, target)) = found else {
        let page = LoginPage {
            form: FormState::with_error(form, &lang, "error-login-failed"),
            setup_open: false,
        };
        let mut res = html(
            &state.templates,
            "pages/login",
            &page_context(&req, "login-title", page),
        )?;
        *res.status_mut() = StatusCode::UNAUTHORIZED;
        return Ok(res);
    };
    tracing::info!(user_id = %u.id, "signed in");
    let token = state
        .keys
        .issue(&u.id, u.token_version, Audience::Session, SESSION_SECONDS)?;
    let cookie = Cookie::build(SESSION_COOKIE, token)
        .path("/")
        .http_only(true)
        .secure(state.config.secure_cookies)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(SESSION_SECONDS))
        .finish();
    let mut res = see_other(&target);
    res.add_cookie(&cookie).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(res)
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub email: String,
}

#[derive(Serialize)]
struct ForgotPage {
    /// E-mail is configured: the form; otherwise "ask your administrator".
    by_mail: bool,
    form: FormState<ForgotForm>,
}

fn forgot_page(state: &State, req: &HttpRequest, form: FormState<ForgotForm>) -> AppResult<HttpResponse> {
    let page = ForgotPage {
        by_mail: state.mailer.is_some(),
        form,
    };
    html(
        &state.templates,
        "pages/forgot",
        &page_context(req, "forgot-title", page),
    )
}

#[get("/login/forgot")]
pub async fn forgot_form(state: State, req: HttpRequest) -> AppResult<HttpResponse> {
    forgot_page(&state, &req, FormState::new(ForgotForm::default()))
}

/// Sends a password link to the address, if it has an account; the answer
/// is the same either way. Limited like sign-in (same budgets).
#[post("/login/forgot")]
pub async fn forgot(state: State, req: HttpRequest, CsrfForm(form): CsrfForm<ForgotForm>) -> AppResult<HttpResponse> {
    if state.mailer.is_none() {
        return forgot_page(&state, &req, FormState::new(form));
    }
    let lang = lang_for(&req, None);
    if state.sign_in_limited(&req, &form.email) {
        let mut res = forgot_page(&state, &req, FormState::with_error(form, &lang, "error-rate-limited"))?;
        *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(res);
    }
    let base = super::campaigns::public_base(&state, &req);
    let (st, email) = (state.clone(), form.email.clone());
    settle(
        &state,
        &req,
        form,
        move |conn| match &st.mailer {
            Some(mailer) => accounts::send_reset_link(conn, mailer, &email, &base, &lang),
            None => Ok(()),
        },
        |()| "/login?notice=notice-reset-sent".to_string(),
        |form| async { forgot_page(&state, &req, form) },
    )
    .await
}

#[derive(Deserialize)]
pub struct Empty {}

#[post("/logout")]
pub async fn logout(state: State, session: MaybeSignedIn, CsrfForm(_): CsrfForm<Empty>) -> AppResult<HttpResponse> {
    if let Some(s) = session.0 {
        // Revoke every session of this user, not just this cookie.
        let id = s.user.id.clone();
        state.db(move |conn| Ok(accounts::revoke_sessions(conn, &id)?)).await?;
    }
    let mut res = see_other("/login");
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    res.add_cookie(&gone).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(res)
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct SetupForm {
    /// The one-time set-up token printed at start.
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default, skip_serializing)]
    pub password: String,
}

#[derive(Deserialize)]
pub struct SetupQuery {
    #[serde(default)]
    token: String,
}

/// `/setup` exists only while no platform administrator exists; creating
/// one there takes the set-up token printed at start, whoever asks (a
/// reverse proxy on the same host makes every visitor look local).
async fn setup_open(state: &State) -> AppResult<()> {
    if state.db(|conn| Ok(accounts::needs_setup(conn)?)).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

#[get("/setup")]
pub async fn setup_form(state: State, req: HttpRequest, q: web::Query<SetupQuery>) -> AppResult<HttpResponse> {
    setup_open(&state).await?;
    let form = SetupForm {
        token: q.into_inner().token,
        ..Default::default()
    };
    html(
        &state.templates,
        "pages/setup",
        &page_context(&req, "setup-title", FormState::new(form)),
    )
}

#[post("/setup")]
pub async fn setup(state: State, req: HttpRequest, CsrfForm(form): CsrfForm<SetupForm>) -> AppResult<HttpResponse> {
    setup_open(&state).await?;
    let input = NewUserInput {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        password: form.password.clone(),
    };
    let token = form.token.clone();
    match state
        .db(move |conn| Ok(accounts::setup_first_admin(conn, &token, &input)))
        .await?
    {
        Ok(u) => {
            tracing::info!(user_id = %u.id, "first platform administrator created");
            Ok(see_other("/login?notice=notice-setup-done"))
        }
        // Someone else finished first.
        Err(DomainError::Conflict(_)) => Err(AppError::NotFound),
        Err(e) => {
            let status = match e {
                DomainError::Field("token", _) => StatusCode::FORBIDDEN,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let page = FormState::refused(form, &lang_for(&req, None), e)?;
            let mut res = html(
                &state.templates,
                "pages/setup",
                &page_context(&req, "setup-title", page),
            )?;
            *res.status_mut() = status;
            Ok(res)
        }
    }
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct PasswordForm {
    #[serde(default, skip_serializing)]
    pub current_password: String,
    #[serde(default, skip_serializing)]
    pub new_password: String,
}

#[derive(Serialize)]
struct AccountPage {
    email: String,
    display_name: String,
    language: Option<String>,
    form: FormState<PasswordForm>,
    delete: FormState<DeleteAccountForm>,
    organisations: Vec<(String, String, String)>,
    /// Which e-mailed notices this person receives (`/account/notifications`).
    notifications: Vec<crate::domain::notices::Preference>,
}

/// Deleting one's account asks for the password again.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct DeleteAccountForm {
    #[serde(default, skip_serializing)]
    pub password: String,
}

async fn account_page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    form: FormState<PasswordForm>,
) -> AppResult<HttpResponse> {
    account_page_with(state, req, s, form, FormState::new(DeleteAccountForm::default())).await
}

async fn account_page_with(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    form: FormState<PasswordForm>,
    delete: FormState<DeleteAccountForm>,
) -> AppResult<HttpResponse> {
    let id = s.user.id.clone();
    let organisations = state
        .db(move |conn| Ok(accounts::own_organisations(conn, &id)?))
        .await?;
    let id = s.user.id.clone();
    let notifications = state
        .db(move |conn| Ok(crate::domain::notices::preferences(conn, &id)?))
        .await?;
    let page = AccountPage {
        email: s.user.email.clone(),
        display_name: s.user.display_name.clone(),
        language: s.user.language.clone(),
        form,
        delete,
        organisations,
        notifications,
    };
    html(
        &state.templates,
        "pages/account",
        &page_context(req, "account-title", page),
    )
}

#[get("/account")]
pub async fn account(state: State, req: HttpRequest, s: SignedIn) -> AppResult<HttpResponse> {
    account_page(&state, &req, &s, FormState::new(PasswordForm::default())).await
}

#[post("/account/password")]
pub async fn change_password(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<HttpResponse> {
    let u = s.user.clone();
    let (current, new) = (form.current_password.clone(), form.new_password.clone());
    settle(
        &state,
        &req,
        form,
        move |conn| accounts::change_password(conn, &u, &current, &new),
        // Every session is revoked, this one too: sign in again.
        |()| "/login?notice=notice-password-changed".to_string(),
        |form| account_page(&state, &req, &s, form),
    )
    .await
}

/// One's own data as a JSON file (GDPR access and portability).
#[get("/account/export")]
pub async fn export_account(state: State, s: SignedIn) -> AppResult<HttpResponse> {
    let u = s.user.clone();
    let data = state.db(move |conn| Ok(accounts::own_data(conn, &u)?)).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| AppError::Unexpected(e.into()))?;
    let name = format!("miroir-account-{}.json", chrono::Utc::now().date_naive());
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// Deletes one's own account (GDPR erasure), then signs out.
#[post("/account/delete")]
pub async fn delete_account(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    CsrfForm(form): CsrfForm<DeleteAccountForm>,
) -> AppResult<HttpResponse> {
    let (u, password) = (s.user.clone(), form.password.clone());
    match state
        .db(move |conn| Ok(accounts::delete_own_account(conn, &u, &password)))
        .await?
    {
        Ok(()) => {
            let mut res = see_other("/login?notice=notice-account-deleted");
            let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
            gone.make_removal();
            res.add_cookie(&gone).map_err(|e| AppError::Unexpected(e.into()))?;
            Ok(res)
        }
        Err(e) => {
            let delete = FormState::refused(form, &lang_for(&req, None), e)?;
            let mut res = account_page_with(&state, &req, &s, FormState::new(PasswordForm::default()), delete).await?;
            *res.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: Option<String>,
}

/// The language switch: remembered in a cookie, and as the preference of a
/// signed-in user.
#[post("/language")]
pub async fn switch_language(
    state: State,
    session: MaybeSignedIn,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> AppResult<HttpResponse> {
    if !crate::i18n::is_supported(&form.lang) {
        return Err(AppError::Validation("error-language-invalid"));
    }
    if let Some(s) = session.0 {
        let (id, lang) = (s.user.id.clone(), form.lang.clone());
        state
            .db(move |conn| Ok(accounts::set_own_language(conn, &id, &lang)?))
            .await?;
    }
    let mut res = see_other(&safe_next(form.next.as_deref()));
    let cookie = crate::web::context::language_cookie(form.lang);
    res.add_cookie(&cookie).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(res)
}

#[derive(Serialize)]
struct ResetPage {
    valid: bool,
    form: FormState<PasswordForm>,
}

#[get("/reset/{token}")]
pub async fn reset_form(state: State, req: HttpRequest, token: web::Path<String>) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let valid = state
        .db(move |conn| Ok(accounts::reset_is_valid(conn, &token)?))
        .await?;
    let page = ResetPage {
        valid,
        form: FormState::new(PasswordForm::default()),
    };
    let mut res = html(
        &state.templates,
        "pages/reset",
        &page_context(&req, "reset-title", page),
    )?;
    if !valid {
        *res.status_mut() = StatusCode::NOT_FOUND;
    }
    Ok(res)
}

#[post("/reset/{token}")]
pub async fn reset(
    state: State,
    req: HttpRequest,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let new = form.new_password.clone();
    settle(
        &state,
        &req,
        form,
        move |conn| accounts::use_reset(conn, &token, &new),
        |_| "/login?notice=notice-password-changed".to_string(),
        |form| async {
            let page = ResetPage { valid: true, form };
            html(
                &state.templates,
                "pages/reset",
                &page_context(&req, "reset-title", page),
            )
        },
    )
    .await
}

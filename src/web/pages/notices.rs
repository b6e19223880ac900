//! E-mailed notices seen from the web: the account page's choice of which
//! to receive, the one-click unsubscribe link of each mail, and sending
//! what a campaign's close left in the outbox.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::see_other;
use crate::domain::notices::{self, Unsubscribe};
use crate::error::{AppError, AppResult};
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

/// The account page's notices form: one checkbox per kind (a box left
/// unticked is absent from the form).
#[derive(Debug, Default, Deserialize)]
pub struct NotificationsForm {
    #[serde(default)]
    results_ready: Option<String>,
    #[serde(default)]
    digest: Option<String>,
    #[serde(default)]
    participation: Option<String>,
}

#[post("/account/notifications")]
pub async fn save_notifications(
    state: State,
    s: SignedIn,
    CsrfForm(form): CsrfForm<NotificationsForm>,
) -> AppResult<HttpResponse> {
    let enabled: Vec<String> = [
        (notices::RESULTS_READY, &form.results_ready),
        (notices::DIGEST, &form.digest),
        (notices::PARTICIPATION, &form.participation),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_some())
    .map(|(k, _)| k.to_string())
    .collect();
    let id = s.user.id.clone();
    state
        .db(move |conn| Ok(notices::set_preferences(conn, &id, &enabled)?))
        .await?;
    Ok(see_other("/account?notice=notice-notifications-saved#notifications"))
}

#[derive(Serialize)]
struct UnsubscribePage {
    token: String,
    kind: String,
    email: String,
    done: bool,
}

fn unsubscribe_page(
    state: &State,
    req: &HttpRequest,
    token: String,
    u: Unsubscribe,
    done: bool,
) -> AppResult<HttpResponse> {
    let lang = lang_for(req, None);
    let page = UnsubscribePage {
        token,
        kind: crate::i18n::t(&lang, &format!("notice-kind-{}", u.kind)),
        email: u.email,
        done,
    };
    let mut res = html(
        &state.templates,
        "pages/unsubscribe",
        &page_context(req, "unsubscribe-title", page),
    )?;
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// The link of a mail: asks to confirm (a link scanner that follows it
/// unsubscribes nobody); 404 for a forged or altered token.
#[get("/unsubscribe/{token}")]
pub async fn unsubscribe_form(state: State, req: HttpRequest, token: web::Path<String>) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    let u = state.db(move |conn| Ok(notices::check_unsubscribe(conn, &t)?)).await?;
    unsubscribe_page(&state, &req, token, u, false)
}

/// Unsubscribes, without signing in: the signed token is the whole
/// authority, and mail clients' one-click unsubscribe (RFC 8058) posts
/// `List-Unsubscribe=One-Click` with no cookie, so no CSRF token is asked.
/// The confirmation page's form posts here too.
#[post("/unsubscribe/{token}")]
pub async fn unsubscribe(
    state: State,
    req: HttpRequest,
    token: web::Path<String>,
    _body: web::Bytes,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let t = token.clone();
    let u = state.db(move |conn| Ok(notices::unsubscribe(conn, &t)?)).await?;
    unsubscribe_page(&state, &req, token, u, true)
}

/// Sends what the outbox holds (a wave's "results are ready") after the
/// move that filled it was committed. A mail that cannot go is logged and
/// stays in the outbox for the scheduler: the move itself has succeeded.
pub async fn send_pending(state: &State, base: String) {
    if state.mailer.is_none() {
        return;
    }
    let st = state.clone();
    let sent = state
        .db(move |conn| match &st.mailer {
            Some(m) => Ok(notices::send_pending_at(conn, m, &base)?),
            None => Ok(0),
        })
        .await;
    match sent {
        Ok(n) => tracing::info!(sent = n, "notices sent"),
        Err(AppError::Unexpected(e)) => tracing::warn!(error = %e, "notices not sent"),
        Err(e) => tracing::warn!(error = %e, "notices not sent"),
    }
}

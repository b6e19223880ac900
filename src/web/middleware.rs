//! Request plumbing for every route: the CSRF cookie, the session lookup,
//! and the rendering of errors as translated pages (or the JSON error body
//! under `/api`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;

use super::context::{lang_for, page_context};
use super::session::{self, SignedIn, SESSION_COOKIE};
use super::state::State;
use crate::auth::jwt::Audience;
use crate::auth::{csrf, random_token};
use crate::domain::types::reject_control_characters;
use crate::error::{foreign_error_info, AppError, ErrorInfo};

/// The value of the CSRF cookie for this request (read or newly made).
#[derive(Debug, Clone)]
pub struct CsrfCookie(pub String);

pub async fn plumbing(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let path = req.path().to_string();
    if path.starts_with("/static/") || path == "/healthz" {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let is_api = path.starts_with("/api/");
    let state = req.app_data::<State>().cloned();
    // Paths and queries are user input too: an id or a code with a control
    // character (`%00`…) names nothing, and PostgreSQL cannot even compare
    // with it.
    if let Some(refusal) = hostile_target(&req) {
        let res = refusal.error_response();
        return Ok(finish(render_error(req.into_parts().0, res, is_api, state.as_ref())));
    }

    let existing = req
        .cookie(csrf::COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| v.len() >= 16);
    let fresh_csrf = existing.is_none().then(|| random_token(32));
    let csrf_value = existing.or(fresh_csrf.clone()).unwrap_or_default();
    req.extensions_mut().insert(CsrfCookie(csrf_value));

    if let (false, Some(state), Some(token)) = (is_api, &state, req.cookie(SESSION_COOKIE)) {
        match session::load(state, token.value(), Audience::Session).await {
            Ok(Some(signed_in)) => {
                req.extensions_mut().insert(signed_in);
            }
            Ok(None) => {}
            // Not a reason to treat the person as signed out (and send
            // them to the sign-in page): say what went wrong.
            Err(e) => {
                let res = e.error_response();
                return Ok(finish(render_error(req.into_parts().0, res, is_api, Some(state))));
            }
        }
    }

    let secure = state.as_ref().is_some_and(|s| s.config.secure_cookies);
    let writes = !req.method().is_safe() && !is_survey_answer(&path);
    let res = next.call(req).await;
    if let (true, Some(state)) = (writes, &state) {
        // Whatever it changed shows on this instance's next survey form.
        state.surveys.written();
    }
    let mut res = res?.map_into_boxed_body();
    if let Some(value) = fresh_csrf {
        let cookie = Cookie::build(csrf::COOKIE, value)
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Strict)
            .finish();
        let _ = res.response_mut().add_cookie(&cookie);
    }
    let (req, res) = res.into_parts();
    Ok(finish(render_error(req, res, is_api, state.as_ref())))
}

/// A respondent's answers to an anonymous form: they store a response and
/// change nothing a survey form shows.
fn is_survey_answer(path: &str) -> bool {
    path.starts_with("/s/") || path.starts_with("/i/")
}

/// Pages and API answers carry people's data (results, reports, exports,
/// audit trails): no cache may keep them, unless a handler said otherwise
/// (the public codebook). Static assets do not pass here and stay cacheable.
fn finish(mut res: ServiceResponse) -> ServiceResponse {
    let headers = res.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    }
    res
}

/// A response carrying an `AppError`'s `ErrorInfo` becomes the translated
/// error page, the sign-in redirect, or the JSON error body under `/api`;
/// any other response passes as it is.
fn render_error(req: HttpRequest, old: HttpResponse, is_api: bool, state: Option<&State>) -> ServiceResponse {
    let status = old.status();
    let info = old.extensions().get::<ErrorInfo>().cloned();
    // An error actix raised itself (a body over its limit, a malformed
    // query) is answered in the same shape as ours.
    let foreign = || (old.error().is_some() && status.as_u16() >= 400).then(|| foreign_error_info(status));
    let Some(info) = info.or_else(foreign) else {
        return ServiceResponse::new(req, old);
    };
    let mut new = if is_api {
        api_error(&req, status, &info)
    } else if status == StatusCode::UNAUTHORIZED {
        let next_path = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let target = format!("/login?next={}", url_encode(next_path));
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, target))
            .finish()
    } else {
        error_page(&req, state, status, &info)
    };
    // Keep cookies the handler set (e.g. a fresh CSRF cookie), and when
    // to come back.
    for cookie in old.cookies() {
        let _ = new.add_cookie(&cookie);
    }
    if let Some(retry) = old.headers().get(header::RETRY_AFTER) {
        new.headers_mut().insert(header::RETRY_AFTER, retry.clone());
    }
    ServiceResponse::new(req, new)
}

/// A path or query holding a control character, once percent-decoded.
fn hostile_target(req: &ServiceRequest) -> Option<AppError> {
    let decoded = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
    if reject_control_characters(&decoded(req.path())).is_err() {
        return Some(AppError::NotFound);
    }
    // Queries decode `+` as a space too; that cannot hide a control.
    reject_control_characters(&decoded(req.query_string()))
        .err()
        .map(AppError::Validation)
}

pub fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[derive(Serialize)]
struct ApiErrorBody<'a> {
    error: ApiErrorInner<'a>,
}

#[derive(Serialize)]
struct ApiErrorInner<'a> {
    code: &'a str,
    message: String,
    details: Vec<crate::domain::RowError>,
}

fn api_error(req: &HttpRequest, status: StatusCode, info: &ErrorInfo) -> HttpResponse {
    let lang = lang_for(req, None);
    let details = translated_rows(&lang, &info.details);
    let body = ApiErrorBody {
        error: ApiErrorInner {
            code: info.code,
            message: crate::i18n::t(&lang, info.message_key),
            details,
        },
    };
    HttpResponse::build(status).json(body)
}

pub fn translated_rows(lang: &str, rows: &[crate::domain::RowError]) -> Vec<crate::domain::RowError> {
    rows.iter()
        .map(|r| crate::domain::RowError {
            message: crate::i18n::t(lang, &r.message),
            ..r.clone()
        })
        .collect()
}

#[derive(Serialize)]
struct ErrorPage {
    status: u16,
    message_key: &'static str,
    details: Vec<crate::domain::RowError>,
    request_id: Option<String>,
}

fn error_page(req: &HttpRequest, state: Option<&State>, status: StatusCode, info: &ErrorInfo) -> HttpResponse {
    let lang = lang_for(req, None);
    let request_id = req
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(|id| id.to_string());
    let page = ErrorPage {
        status: status.as_u16(),
        message_key: info.message_key,
        details: translated_rows(&lang, &info.details),
        request_id,
    };
    let ctx = page_context(req, "error-title", page);
    let body = state
        .and_then(|s| s.templates.render("pages/error", &ctx).ok())
        .unwrap_or_else(|| {
            format!(
                "<!doctype html><title>{}</title><p>{}</p>",
                status.as_u16(),
                crate::i18n::t(&lang, info.message_key)
            )
        });
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// Security headers on every response; behind HTTPS (`secure_cookies`),
/// `Strict-Transport-Security` too, so browsers never fall back to HTTP.
pub fn security_headers(https: bool) -> actix_web::middleware::DefaultHeaders {
    let headers = actix_web::middleware::DefaultHeaders::new();
    let headers = if https {
        headers.add((header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains"))
    } else {
        headers
    };
    headers
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "same-origin"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
}

/// The signed-in user found by `plumbing`, for code holding a request.
pub fn signed_in(req: &HttpRequest) -> Option<SignedIn> {
    req.extensions().get::<SignedIn>().cloned()
}

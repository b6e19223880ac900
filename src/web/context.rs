//! Per-request context for pages: the negotiated language, the CSRF form
//! token, and the CSRF-checked form extractor.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::middleware::{signed_in, CsrfCookie};
use super::render::{PageContext, UserView};
use super::state::State;
use crate::auth::csrf;
use crate::domain::types::reject_control_characters;
use crate::error::AppError;
use crate::i18n::{self, Negotiation};

pub const LANG_COOKIE: &str = "miroir_lang";

/// The language for this request, in PRODUCT.md's order.
pub fn lang_for(req: &HttpRequest, organisation_default: Option<&str>) -> String {
    let user = signed_in(req);
    let query = web::Query::<LangQuery>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.0.lang);
    let cookie = req.cookie(LANG_COOKIE).map(|c| c.value().to_string());
    let accept = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string);
    Negotiation {
        user_preference: user.as_ref().and_then(|u| u.user.language.as_deref()),
        query: query.as_deref(),
        cookie: cookie.as_deref(),
        accept_language: accept.as_deref(),
        organisation_default,
    }
    .resolve()
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// The token to put in this request's forms.
pub fn csrf_token(req: &HttpRequest) -> String {
    let cookie = req
        .extensions()
        .get::<CsrfCookie>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    match req.app_data::<State>() {
        Some(state) => csrf::form_token(&state.secret, &cookie),
        None => String::new(),
    }
}

pub fn page_context<T: Serialize>(req: &HttpRequest, title_key: &str, page: T) -> PageContext<T> {
    page_context_in(req, title_key, None, page)
}

/// A page context whose language falls back to an organisation's default.
pub fn page_context_in<T: Serialize>(
    req: &HttpRequest,
    title_key: &str,
    org_default: Option<&str>,
    page: T,
) -> PageContext<T> {
    page_context_as(req, title_key, lang_for(req, org_default), page)
}

/// A page context in a language already chosen (a survey switched to
/// another language re-renders in it before the cookie is back).
pub fn page_context_as<T: Serialize>(req: &HttpRequest, title_key: &str, lang: String, page: T) -> PageContext<T> {
    let notice = notice_for(req, &lang);
    PageContext {
        title: i18n::t(&lang, title_key),
        languages: i18n::supported().to_vec(),
        csrf: csrf_token(req),
        user: signed_in(req).map(|s| UserView {
            display_name: s.user.display_name.clone(),
            email: s.user.email.clone(),
            is_platform_admin: s.user.is_platform_admin,
            is_consultant: s.user.is_consultant || s.user.is_platform_admin,
        }),
        here: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into()),
        notice,
        lang,
        respondent: false,
        survey_form: false,
        page,
    }
}

/// The notice a redirect asked this page to show (`?notice=`), if it is
/// one of ours in this language.
pub fn notice_for(req: &HttpRequest, lang: &str) -> Option<String> {
    web::Query::<NoticeQuery>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.0.notice)
        .filter(|n| n.starts_with("notice-") && i18n::try_translate(lang, n, None).is_some())
}

/// The cookie that remembers the language a visitor chose.
pub fn language_cookie(lang: String) -> actix_web::cookie::Cookie<'static> {
    actix_web::cookie::Cookie::build(LANG_COOKIE, lang)
        .path("/")
        .same_site(actix_web::cookie::SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish()
}

#[derive(Deserialize)]
struct NoticeQuery {
    notice: Option<String>,
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// Largest urlencoded form body accepted.
pub const FORM_LIMIT: usize = 256 * 1024;

/// A urlencoded form whose CSRF token matched the cookie.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let bytes = body.await.map_err(|_| AppError::PayloadTooLarge)?;
            if bytes.len() > FORM_LIMIT {
                return Err(AppError::PayloadTooLarge);
            }
            let submitted: CsrfField = serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::Csrf)?;
            check_csrf(&req, &submitted.csrf)?;
            // Every field of every form, whatever it becomes next.
            let fields: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::Validation("error-form-invalid"))?;
            for (name, value) in &fields {
                reject_control_characters(name)
                    .and_then(|_| reject_control_characters(value))
                    .map_err(AppError::Validation)?;
            }
            let value = serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::Validation("error-form-invalid"))?;
            Ok(CsrfForm(value))
        })
    }
}

pub fn check_csrf(req: &HttpRequest, submitted: &str) -> Result<(), AppError> {
    let cookie = req
        .cookie(csrf::COOKIE)
        .map(|c| c.value().to_string())
        .unwrap_or_default();
    let state = req.app_data::<State>().ok_or(AppError::Csrf)?;
    if csrf::verify(&state.secret, &cookie, submitted) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

//! Who is asking: the session cookie (pages) or the bearer token (API) is
//! checked once per request — signature, audience, expiry, then the user's
//! current token version, which is how logout and password changes revoke
//! tokens already handed out.

use std::future::{ready, Ready};
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use super::state::AppState;
use crate::auth::jwt::Audience;
use crate::auth::policy::Principal;
use crate::domain::accounts::{self, User};
use crate::error::{AppError, AppResult};

pub const SESSION_COOKIE: &str = "miroir_session";

/// A signed-in user with their policy view.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: Arc<User>,
    pub principal: Arc<Principal>,
}

/// Loads the user a token names, if the token is still valid.
pub async fn load(state: &AppState, token: &str, audience: Audience) -> AppResult<Option<SignedIn>> {
    let Some(claims) = state.keys.verify(token, audience) else {
        return Ok(None);
    };
    state
        .db(move |conn| {
            Ok(
                accounts::session(conn, &claims.sub, claims.ver)?.map(|(u, principal)| SignedIn {
                    user: Arc::new(u),
                    principal: Arc::new(principal),
                }),
            )
        })
        .await
}

/// The session found by the middleware, if any (stored in the request's
/// extensions so pages, the language choice and the error renderer share it).
#[derive(Debug, Clone)]
pub struct MaybeSignedIn(pub Option<SignedIn>);

impl FromRequest for MaybeSignedIn {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(MaybeSignedIn(req.extensions().get::<SignedIn>().cloned())))
    }
}

impl FromRequest for SignedIn {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<SignedIn>()
                .cloned()
                .ok_or(AppError::Unauthorized),
        )
    }
}

/// An API caller, from `Authorization: Bearer <JWT>`.
#[derive(Debug, Clone)]
pub struct ApiUser(pub SignedIn);

impl FromRequest for ApiUser {
    type Error = AppError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string());
        let state = req.app_data::<super::state::State>().cloned();
        Box::pin(async move {
            let (Some(token), Some(state)) = (token, state) else {
                return Err(AppError::Unauthorized);
            };
            load(&state, &token, Audience::Api)
                .await?
                .map(ApiUser)
                .ok_or(AppError::Unauthorized)
        })
    }
}

//! Re-rendering refused forms: a refused field becomes a message beside it,
//! and what the person typed is sent back into the form.

use std::collections::BTreeMap;
use std::future::Future;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use crate::domain::{DbConn, DomainError, DomainResult};
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::web::context::lang_for;
use crate::web::pages::see_other;
use crate::web::state::State;

/// A form's state for its template: the values typed and the messages.
#[derive(Debug, Serialize)]
pub struct FormState<V: Serialize> {
    pub values: V,
    /// field name → translated message
    pub errors: BTreeMap<String, String>,
    /// a message about the whole form
    pub error: Option<String>,
}

impl<V: Serialize> FormState<V> {
    pub fn new(values: V) -> Self {
        FormState {
            values,
            errors: BTreeMap::new(),
            error: None,
        }
    }

    pub fn with_error(values: V, lang: &str, key: &str) -> Self {
        FormState {
            values,
            errors: BTreeMap::new(),
            error: Some(i18n::t(lang, key)),
        }
    }

    /// The form state for a refused submission, or the error itself when
    /// it is not about the input (not found, forbidden, database…).
    pub fn refused(values: V, lang: &str, e: DomainError) -> Result<Self, AppError> {
        let mut state = FormState::new(values);
        match e {
            DomainError::Field(field, key) => {
                state.errors.insert(field.to_string(), i18n::t(lang, key));
            }
            DomainError::Validation(key) | DomainError::Conflict(key) => state.error = Some(i18n::t(lang, key)),
            other => return Err(other.into()),
        }
        Ok(state)
    }
}

/// The one flow of a submitted form: the domain service runs; on success
/// the browser is sent on (303 to `done(value)`), on a refusal the form
/// comes back with what was typed and a message beside each refused field
/// (422, drawn by `refused`); any other failure is the error page.
pub async fn settle<V, T, F, R, Fut>(
    state: &State,
    req: &HttpRequest,
    values: V,
    service: F,
    done: impl FnOnce(T) -> String,
    refused: R,
) -> AppResult<HttpResponse>
where
    V: Serialize,
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> DomainResult<T> + Send + 'static,
    R: FnOnce(FormState<V>) -> Fut,
    Fut: Future<Output = AppResult<HttpResponse>>,
{
    match state.db(move |conn| Ok(service(conn))).await? {
        Ok(value) => Ok(see_other(&done(value))),
        Err(e) => {
            let form = FormState::refused(values, &lang_for(req, None), e)?;
            let mut res = refused(form).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
    }
}

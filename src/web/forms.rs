//! Re-rendering refused forms: a refused field becomes a message beside it,
//! and what the person typed is sent back into the form.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::DomainError;
use crate::error::AppError;
use crate::i18n;

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

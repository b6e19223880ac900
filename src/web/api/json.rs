//! JSON request bodies of the API: read with the scope's `JsonConfig`
//! (size limit, content type), then every string and key is checked by the
//! one rule for typed text before the body becomes its typed struct.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::domain::types::reject_control_characters;
use crate::domain::MessageKey;
use crate::error::AppError;

/// A checked JSON body.
pub struct ApiJson<T>(pub T);

impl<T> ApiJson<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
            check_strings(&value).map_err(AppError::Validation)?;
            let typed = serde_json::from_value(value).map_err(|_| AppError::Validation("error-json-invalid"))?;
            Ok(ApiJson(typed))
        })
    }
}

/// Every string and object key of a JSON value, at any depth (serde_json
/// itself stops at 128 levels of nesting).
fn check_strings(value: &Value) -> Result<(), MessageKey> {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => reject_control_characters(s)?,
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                for (key, item) in map {
                    reject_control_characters(key)?;
                    stack.push(item);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_strings;

    #[test]
    fn control_characters_are_found_at_any_depth() {
        assert_eq!(
            check_strings(&serde_json::json!({"a": [1, "ok\nline", {"b": null}]})),
            Ok(())
        );
        assert!(check_strings(&serde_json::json!({"name": "Bank\u{0}"})).is_err());
        assert!(check_strings(&serde_json::json!({"a": [[{"deep": "\u{7}"}]]})).is_err());
        assert!(check_strings(&serde_json::json!({"key\u{0}": 1})).is_err());
    }
}

//! Signed tokens (HS256). Each purpose has its own audience so a token made
//! for one use is refused for another; every token expires. Sessions carry
//! the user's token version, bumped on logout and password change, which is
//! how the server revokes tokens it has already handed out.

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::Secret;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The browser session cookie.
    Session,
    /// A bearer token for the JSON API.
    Api,
}

impl Audience {
    fn as_str(self) -> &'static str {
        match self {
            Audience::Session => "miroir-session",
            Audience::Api => "miroir-api",
        }
    }
}

pub const SESSION_SECONDS: i64 = 12 * 3600;
pub const API_SECONDS: i64 = 3600;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub ver: i32,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
}

#[derive(Clone)]
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl Keys {
    pub fn new(secret: &Secret) -> Keys {
        Keys {
            encoding: EncodingKey::from_secret(secret.expose().as_bytes()),
            decoding: DecodingKey::from_secret(secret.expose().as_bytes()),
        }
    }

    pub fn issue(&self, user_id: &str, version: i32, audience: Audience, seconds: i64) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            ver: version,
            aud: audience.as_str().to_string(),
            exp: now + seconds,
            iat: now,
        };
        Ok(encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The claims of a valid, unexpired token of that audience; `None`
    /// otherwise (the caller still checks the token version).
    pub fn verify(&self, token: &str, audience: Audience) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[audience.as_str()]);
        validation.leeway = 5;
        decode::<Claims>(token, &self.decoding, &validation)
            .ok()
            .map(|data| data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound_to_their_audience_and_key() {
        let keys = Keys::new(&Secret::new("k".repeat(40)));
        let token = keys.issue("u1", 3, Audience::Session, 60).unwrap();
        let claims = keys.verify(&token, Audience::Session).unwrap();
        assert_eq!((claims.sub.as_str(), claims.ver), ("u1", 3));
        assert!(keys.verify(&token, Audience::Api).is_none());
        let other = Keys::new(&Secret::new("x".repeat(40)));
        assert!(other.verify(&token, Audience::Session).is_none());
    }

    #[test]
    fn expired_tokens_are_refused() {
        let keys = Keys::new(&Secret::new("k".repeat(40)));
        let token = keys.issue("u1", 0, Audience::Api, -120).unwrap();
        assert!(keys.verify(&token, Audience::Api).is_none());
    }
}

//! CSRF protection by signed double submit: a random value lives in a
//! `SameSite=Strict` cookie, and every form carries an HMAC of it under the
//! server secret. A cross-site page can neither read the cookie nor forge the
//! HMAC. Hand-written because the actix CSRF crates are unmaintained and the
//! whole mechanism is these few lines.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Secret;

pub const COOKIE: &str = "miroir_csrf";
pub const FIELD: &str = "csrf";

type HmacSha256 = Hmac<Sha256>;

/// The form token for a cookie value.
pub fn form_token(secret: &Secret, cookie_value: &str) -> String {
    use base64::Engine;
    let mut mac = match HmacSha256::new_from_slice(secret.expose().as_bytes()) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length: this branch cannot be reached.
        Err(_) => return String::new(),
    };
    mac.update(b"csrf:");
    mac.update(cookie_value.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// Constant-time check of a submitted token against the cookie.
pub fn verify(secret: &Secret, cookie_value: &str, submitted: &str) -> bool {
    use subtle::ConstantTimeEq;
    if cookie_value.len() < 16 || submitted.is_empty() {
        return false;
    }
    let expected = form_token(secret, cookie_value);
    expected.as_bytes().ct_eq(submitted.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_token_of_this_cookie_passes() {
        let secret = Secret::new("s".repeat(40));
        let cookie = "abcdefghijklmnopqrstuvwxyz";
        let token = form_token(&secret, cookie);
        assert!(verify(&secret, cookie, &token));
        assert!(!verify(&secret, "abcdefghijklmnopqrstuvwxyZ", &token));
        assert!(!verify(&secret, cookie, ""));
        assert!(!verify(&Secret::new("t".repeat(40)), cookie, &token));
    }
}

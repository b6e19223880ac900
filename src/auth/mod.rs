//! Who you are and what you may do: password hashing, session tokens, CSRF
//! tokens and the one authorisation policy.

pub mod csrf;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod seal;

use std::fmt;
use std::str::FromStr;

use rand::RngCore;

/// A secret that never prints: `Debug` and `Display` show a placeholder so a
/// stray `{:?}` in a log line cannot leak it.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    pub fn generate() -> Secret {
        Secret(random_token(48))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// `bytes` random bytes from the OS generator, URL-safe base64 without
/// padding (32 bytes = 256 bits).
pub fn random_token(bytes: usize) -> String {
    use base64::Engine;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 of a token, hex: tokens are stored hashed so a database leak does
/// not hand out working links.
pub fn hash_token(token: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

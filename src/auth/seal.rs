//! Sealing personal data kept for a while (the addresses of e-mailed
//! invitations, until their wave closes): XChaCha20-Poly1305 under a key
//! derived from the instance secret with HKDF-SHA256, a random 192-bit nonce
//! per value, and associated data that binds a sealed value to its row (a
//! value copied onto another row does not open).

use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use sha2::Sha256;

use super::Secret;

const NONCE: usize = 24;

/// A key for one purpose, derived from the instance secret. `Debug` never
/// shows it.
#[derive(Clone)]
pub struct SealKey(XChaCha20Poly1305);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(***)")
    }
}

impl SealKey {
    /// The key of `purpose` (e.g. `"invitation-addresses v1"`): another
    /// purpose, or another secret, gives an unrelated key.
    pub fn derive(secret: &Secret, purpose: &str) -> SealKey {
        let hk = Hkdf::<Sha256>::new(Some(b"miroir seal"), secret.expose().as_bytes());
        let mut key = [0u8; 32];
        // 32 bytes is far below HKDF-SHA256's limit (255 × 32): never fails.
        let _ = hk.expand(purpose.as_bytes(), &mut key);
        SealKey(XChaCha20Poly1305::new(&key.into()))
    }

    /// `plain` sealed for the row named by `context`: base64 of nonce and
    /// ciphertext with its tag.
    pub fn seal(&self, context: &str, plain: &str) -> anyhow::Result<String> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .0
            .encrypt(
                &nonce,
                Payload {
                    msg: plain.as_bytes(),
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| anyhow::anyhow!("sealing failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(base64::engine::general_purpose::STANDARD_NO_PAD.encode(out))
    }

    /// The plain text of a value sealed for `context`; an error when the
    /// key, the context or a single bit differs.
    pub fn open(&self, context: &str, sealed: &str) -> anyhow::Result<String> {
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD.decode(sealed)?;
        if bytes.len() < NONCE {
            anyhow::bail!("a sealed value too short");
        }
        let (nonce, body) = bytes.split_at(NONCE);
        let plain = self
            .0
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| anyhow::anyhow!("a sealed value that does not open"))?;
        Ok(String::from_utf8(plain)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(secret: &str, purpose: &str) -> SealKey {
        SealKey::derive(&Secret::new(secret.repeat(40)), purpose)
    }

    #[test]
    fn sealed_values_open_only_with_their_key_and_row() {
        let k = key("a", "p");
        let s1 = k.seal("row-1", "ana@example.org").unwrap();
        let s2 = k.seal("row-1", "ana@example.org").unwrap();
        assert_ne!(s1, s2, "a random nonce per value");
        assert!(!s1.contains("ana"));
        assert_eq!(k.open("row-1", &s1).unwrap(), "ana@example.org");
        assert!(k.open("row-2", &s1).is_err(), "bound to its row");
        assert!(key("b", "p").open("row-1", &s1).is_err(), "another secret");
        assert!(key("a", "q").open("row-1", &s1).is_err(), "another purpose");
        let mut tampered = s1.clone().into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert!(k.open("row-1", &String::from_utf8(tampered).unwrap()).is_err());
        assert!(k.open("row-1", "short").is_err());
    }
}

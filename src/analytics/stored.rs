//! The report as it is kept in the database (published reports, issue
//! #14): the same JSON as the API's, plus the counts each score keeps for
//! wave comparisons (which the API never shows), so that a report read back
//! equals the report built, field for field.

use std::cell::Cell;

use serde::de::DeserializeOwned;
use serde::Serialize;

thread_local! {
    static KEEPING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the value being written is for the API (true) or to be kept
/// (false): `#[serde(skip_serializing_if = "…::public")]` on the counts.
pub fn public<T>(_: &T) -> bool {
    !keeping()
}

/// Whether a report is being written to be kept.
pub fn keeping() -> bool {
    KEEPING.with(Cell::get)
}

/// The text a value is kept as.
pub fn to_vec<T: Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            KEEPING.with(|k| k.set(false));
        }
    }
    KEEPING.with(|k| k.set(true));
    let _reset = Reset;
    serde_json::to_vec(value)
}

/// A kept value read back.
pub fn from_slice<T: DeserializeOwned>(text: &[u8]) -> serde_json::Result<T> {
    serde_json::from_slice(text)
}

/// A word of the engine's vocabulary in a report (`&'static str` behind a
/// name, so that serde does not try to borrow it from the text read).
pub type Word = &'static str;

/// A word of the engine's own vocabulary (an action code, a dimension or
/// gap name) read back as the `&'static str` the report holds. Each distinct
/// word is kept once for the life of the process; the vocabulary is a few
/// dozen words, and more than a thousand is refused as not ours.
pub fn word<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    use std::collections::HashSet;
    use std::sync::{LazyLock, Mutex};
    static WORDS: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(|| Mutex::new(HashSet::new()));
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    let mut words = WORDS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(word) = words.get(&*text) {
        return Ok(word);
    }
    if words.len() >= 1000 {
        return Err(serde::de::Error::custom("not a word of the report's vocabulary"));
    }
    let word: &'static str = Box::leak(text.into_owned().into_boxed_str());
    words.insert(word);
    Ok(word)
}

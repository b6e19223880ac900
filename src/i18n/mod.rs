//! Languages: the message catalogs (Fluent files under `locales/<lang>/`),
//! the negotiation order of PRODUCT.md, and the handlebars `t` helper.
//! Adding a language is adding one folder of `.ftl` files.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would end up in
        // HTML attributes and CSV cells.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const FALLBACK: &str = "en";

/// The language codes that have a catalog, sorted.
pub fn supported() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<String> = LOCALES.locales().map(|l| l.language.to_string()).collect();
        list.sort();
        list.dedup();
        list
    })
}

pub fn is_supported(lang: &str) -> bool {
    supported().iter().any(|l| l == lang)
}

fn langid(lang: &str) -> LanguageIdentifier {
    lang.parse().unwrap_or_else(|_| unic_langid::langid!("en"))
}

/// The message, or `None` when the key is missing in this language and in
/// the fallback.
pub fn try_translate(lang: &str, key: &str, args: Option<&HashMap<String, FluentValue<'_>>>) -> Option<String> {
    let id = langid(lang);
    match args {
        None => LOCALES.try_lookup(&id, key),
        Some(args) => {
            let args: HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>> = args
                .iter()
                .map(|(k, v)| (std::borrow::Cow::Owned(k.clone()), v.clone()))
                .collect();
            LOCALES.try_lookup_with_args(&id, key, &args)
        }
    }
}

/// The message, or the key itself when it is missing (a test checks that no
/// key used by the code is missing).
pub fn t(lang: &str, key: &str) -> String {
    try_translate(lang, key, None).unwrap_or_else(|| key.to_string())
}

pub fn t_args(lang: &str, key: &str, args: &[(&str, String)]) -> String {
    let map: HashMap<String, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (k.to_string(), FluentValue::from(v.clone())))
        .collect();
    try_translate(lang, key, Some(&map)).unwrap_or_else(|| key.to_string())
}

/// PRODUCT.md's order: the user's preference, then `?lang=`, then the
/// language cookie set by the switch, then `Accept-Language`, then the
/// organisation's default, then English.
pub struct Negotiation<'a> {
    pub user_preference: Option<&'a str>,
    pub query: Option<&'a str>,
    pub cookie: Option<&'a str>,
    pub accept_language: Option<&'a str>,
    pub organisation_default: Option<&'a str>,
}

impl Negotiation<'_> {
    pub fn resolve(&self) -> String {
        let direct = [self.user_preference, self.query, self.cookie];
        if let Some(lang) = direct.into_iter().flatten().find(|l| is_supported(l)) {
            return lang.to_string();
        }
        if let Some(lang) = self.accept_language.and_then(from_accept_language) {
            return lang;
        }
        self.organisation_default
            .filter(|l| is_supported(l))
            .unwrap_or(FALLBACK)
            .to_string()
    }
}

/// The supported language with the highest q-value in an `Accept-Language`
/// header (`fr-CA;q=0.8` counts as `fr`).
pub fn from_accept_language(header: &str) -> Option<String> {
    let mut best: Option<(f32, String)> = None;
    for part in header.split(',') {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()))
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        if q > 0.0 && is_supported(&primary) && best.as_ref().is_none_or(|(bq, _)| q > *bq) {
            best = Some((q, primary));
        }
    }
    best.map(|(_, l)| l)
}

pub mod helper;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_are_supported() {
        assert_eq!(supported(), &["en".to_string(), "fr".to_string()]);
    }

    #[test]
    fn accept_language_picks_the_best_supported_tag() {
        assert_eq!(
            from_accept_language("de-DE, fr-CA;q=0.8, en;q=0.5").as_deref(),
            Some("fr")
        );
        assert_eq!(from_accept_language("en-GB,fr;q=0.9").as_deref(), Some("en"));
        assert_eq!(from_accept_language("de, es;q=0.9"), None);
        assert_eq!(from_accept_language("fr;q=0"), None);
    }

    #[test]
    fn negotiation_follows_the_product_order() {
        let mut n = Negotiation {
            user_preference: None,
            query: Some("fr"),
            cookie: Some("en"),
            accept_language: Some("en"),
            organisation_default: Some("en"),
        };
        assert_eq!(n.resolve(), "fr");
        n.user_preference = Some("en");
        assert_eq!(n.resolve(), "en");
        n.user_preference = None;
        n.query = Some("xx");
        assert_eq!(n.resolve(), "en");
        let org_only = Negotiation {
            user_preference: None,
            query: None,
            cookie: None,
            accept_language: Some("de"),
            organisation_default: Some("fr"),
        };
        assert_eq!(org_only.resolve(), "fr");
    }

    #[test]
    fn every_message_key_exists_in_every_locale() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let keys_of = |lang: &str| -> std::collections::BTreeSet<String> {
            let mut keys = std::collections::BTreeSet::new();
            let path = format!("{dir}/{lang}");
            for entry in std::fs::read_dir(path).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                for line in text.lines() {
                    if let Some((key, _)) = line.split_once('=') {
                        let key = key.trim();
                        if !line.starts_with(' ') && !line.starts_with('#') && !key.is_empty() {
                            keys.insert(key.to_string());
                        }
                    }
                }
            }
            keys
        };
        let english = keys_of("en");
        assert!(english.len() > 50);
        for lang in supported() {
            let other = keys_of(lang);
            let missing: Vec<_> = english.symmetric_difference(&other).collect();
            assert!(missing.is_empty(), "{lang} differs from en on {missing:?}");
        }
    }

    /// French typography: a non-breaking space (U+00A0 before `:`, the
    /// narrow U+202F before `;` `?` `!` and inside « »), never a plain
    /// space, so a line never starts with the punctuation. Placeholders
    /// (`{ … }`) are Fluent syntax and are left out.
    #[test]
    fn french_messages_keep_their_punctuation_with_the_word() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales/fr");
        let mut offences = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (number, line) in text.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                let mut depth = 0usize;
                let mut previous = ' ';
                for c in line.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth = depth.saturating_sub(1),
                        ':' | ';' | '?' | '!' | '»' if depth == 0 && previous == ' ' => {
                            offences.push(format!("{}:{}: {line}", path.display(), number + 1));
                        }
                        _ if depth == 0 && previous == '«' && c == ' ' => {
                            offences.push(format!("{}:{}: {line}", path.display(), number + 1));
                        }
                        _ => {}
                    }
                    previous = c;
                }
            }
        }
        assert!(
            offences.is_empty(),
            "plain spaces before French punctuation:\n{}",
            offences.join("\n")
        );
    }
}

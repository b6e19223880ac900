//! Parse, don't validate: the newtypes and enums that user input becomes
//! before it reaches a service. Each `parse` returns the message key to show
//! when the input is refused.

use serde::Serialize;

/// A translated message key explaining why input was refused.
pub type MessageKey = &'static str;

/// The one rule for text typed or uploaded by anyone (form fields, JSON
/// strings, CSV cells, paths and queries): no control character, except
/// the tab, carriage return and line feed that text areas and CSV use.
/// PostgreSQL cannot store a NUL at all, and the others have no business in
/// names, codes or comments (they hide text, break exports and logs).
pub fn reject_control_characters(input: &str) -> Result<(), MessageKey> {
    if input
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    {
        Err("error-control-character")
    } else {
        Ok(())
    }
}

/// An e-mail address, trimmed and lower-cased so uniqueness ignores case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, MessageKey> {
        let s = input.trim().to_lowercase();
        let valid = s.len() <= 254
            && s.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
                    && s.matches('@').count() == 1
            });
        if valid {
            Ok(Email(s))
        } else {
            Err("error-email-invalid")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A team's stable short code, used in links and imports: letters, digits,
/// `-` and `_`, 1 to 32 characters. Kept as typed (codes are case-sensitive
/// identifiers in the consultant's own files).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct TeamCode(String);

impl TeamCode {
    pub fn parse(input: &str) -> Result<TeamCode, MessageKey> {
        let s = input.trim();
        if s.is_empty() {
            return Err("error-team-code-empty");
        }
        if s.len() > 32 || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err("error-team-code-invalid");
        }
        Ok(TeamCode(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A required display text (organisation or team name, person's name).
pub fn parse_name(input: &str) -> Result<String, MessageKey> {
    let s = input.trim();
    if s.is_empty() {
        Err("error-name-empty")
    } else if s.chars().count() > 200 {
        Err("error-name-too-long")
    } else {
        Ok(s.to_string())
    }
}

pub fn parse_headcount(input: &str) -> Result<i32, MessageKey> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(0);
    }
    match s.parse::<i32>() {
        Ok(n) if (0..=1_000_000).contains(&n) => Ok(n),
        _ => Err("error-headcount-invalid"),
    }
}

/// A day typed as `YYYY-MM-DD`, exactly: chrono alone also reads signed
/// and longer years (`-9999-01-01`), which PostgreSQL cannot store before
/// 4713 BC, so such a date failed the request instead of being refused.
pub fn parse_date(input: &str) -> Result<chrono::NaiveDate, MessageKey> {
    let s = input.trim();
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(day) if shaped => Ok(day),
        _ => Err("error-date-invalid"),
    }
}

pub fn parse_threshold(input: &str) -> Result<i32, MessageKey> {
    match input.trim().parse::<i32>() {
        Ok(k) if (3..=1000).contains(&k) => Ok(k),
        _ => Err("error-threshold-invalid"),
    }
}

/// A threshold of the symmetry label: whole points out of 100.
pub fn parse_label_points(input: &str) -> Result<i32, MessageKey> {
    match input.trim().parse::<i32>() {
        Ok(points) if (0..=100).contains(&points) => Ok(points),
        _ => Err("error-label-threshold-invalid"),
    }
}

pub const SECTORS: &[&str] = &[
    "banking",
    "insurance",
    "retail",
    "specialised_retail",
    "ecommerce",
    "telecoms",
    "automotive",
    "tourism_hospitality",
    "restaurants",
    "energy_utilities",
    "public_services",
    "real_estate",
    "transport",
    "health",
    "education",
    "other",
];

pub fn parse_sector(input: &str) -> Result<String, MessageKey> {
    let s = input.trim();
    SECTORS
        .iter()
        .find(|c| **c == s)
        .map(|c| c.to_string())
        .ok_or("error-sector-invalid")
}

pub fn parse_language(input: &str) -> Result<String, MessageKey> {
    let s = input.trim();
    if crate::i18n::is_supported(s) {
        Ok(s.to_string())
    } else {
        Err("error-language-invalid")
    }
}

pub fn parse_password(input: &str) -> Result<String, MessageKey> {
    if input.chars().count() < crate::auth::password::MIN_PASSWORD_LEN {
        Err("error-password-too-short")
    } else if input.len() > 1024 {
        Err("error-password-too-long")
    } else {
        Ok(input.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("  Ana@Example.ORG ").unwrap().as_str(), "ana@example.org");
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.org",
            "ana@org",
            "a b@x.org",
            "a@@x.org",
            "a@x.org.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn team_codes_are_short_identifiers() {
        assert_eq!(TeamCode::parse(" PAR-01 ").unwrap().as_str(), "PAR-01");
        assert_eq!(TeamCode::parse(""), Err("error-team-code-empty"));
        assert_eq!(TeamCode::parse("a/b"), Err("error-team-code-invalid"));
        assert_eq!(TeamCode::parse(&"x".repeat(33)), Err("error-team-code-invalid"));
    }

    #[test]
    fn control_characters_are_refused_but_tabs_and_newlines_kept() {
        for bad in [
            "a\0b",
            "\u{0}",
            "x\u{1}",
            "\u{1b}[31m",
            "del\u{7f}",
            "c1\u{85}",
            "\u{9b}",
        ] {
            assert_eq!(
                reject_control_characters(bad),
                Err("error-control-character"),
                "{bad:?}"
            );
        }
        for good in [
            "",
            "Équipe Nord",
            "line 1\r\nline 2",
            "a\tb",
            "emoji 🙂",
            "\u{200b}zero width",
        ] {
            assert_eq!(reject_control_characters(good), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn dates_are_four_digit_years_months_and_days() {
        assert_eq!(
            parse_date(" 2026-05-01 ").map(|d| d.to_string()),
            Ok("2026-05-01".into())
        );
        for bad in [
            "-9999-01-01",
            "+99999-01-01",
            "-4714-01-01",
            "10000-01-01",
            "2026-02-30",
            "2026-5-1",
            "",
            "2026-05-01x",
        ] {
            assert_eq!(parse_date(bad), Err("error-date-invalid"), "{bad}");
        }
    }

    #[test]
    fn thresholds_below_three_are_refused() {
        assert_eq!(parse_threshold("2"), Err("error-threshold-invalid"));
        assert_eq!(parse_threshold("3"), Ok(3));
        assert_eq!(parse_threshold("five"), Err("error-threshold-invalid"));
    }
}

//! Dates as people read them: "25 octobre 2026", "1er mars 2027",
//! "25 October 2026". The words (month names, the order, French "1er")
//! are in the Fluent catalogues (`month-N`, `date-long`, `datetime-long`),
//! so adding a language is adding its messages, not code.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n;

/// A calendar date in `lang`.
pub fn long(lang: &str, date: NaiveDate) -> String {
    let mut args: HashMap<String, FluentValue<'_>> = HashMap::new();
    // A number, so that the catalogue can select on it (French "1er").
    args.insert("day".into(), FluentValue::from(date.day()));
    args.insert("month".into(), i18n::t(lang, &format!("month-{}", date.month())).into());
    // A string: a year is not a quantity to group ("2 026").
    args.insert("year".into(), date.year().to_string().into());
    i18n::try_translate(lang, "date-long", Some(&args)).unwrap_or_else(|| date.to_string())
}

/// A stored date or timestamp (`2026-10-25`, `2026-10-25T14:05:09…` or
/// `2026-10-25 14:05:09`) in `lang`, to the minute; anything else as it
/// came.
pub fn stored(lang: &str, text: &str) -> String {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return long(lang, date);
    }
    let minute: String = text.replace('T', " ").chars().take(16).collect();
    match NaiveDateTime::parse_from_str(&minute, "%Y-%m-%d %H:%M") {
        Ok(at) => i18n::t_args(
            lang,
            "datetime-long",
            &[
                ("date", long(lang, at.date())),
                ("time", at.format("%H:%M").to_string()),
            ],
        ),
        Err(_) => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn french_dates_read_as_in_a_letter() {
        assert_eq!(long("fr", day(2026, 10, 25)), "25 octobre 2026");
        assert_eq!(long("fr", day(2027, 3, 1)), "1er mars 2027");
        assert_eq!(long("fr", day(2027, 8, 2)), "2 août 2027");
    }

    #[test]
    fn english_dates_read_day_month_year() {
        assert_eq!(long("en", day(2026, 10, 25)), "25 October 2026");
        assert_eq!(long("en", day(2027, 3, 1)), "1 March 2027");
    }

    #[test]
    fn every_month_has_a_name_in_every_language() {
        for lang in i18n::supported() {
            for m in 1..=12 {
                let name = i18n::try_translate(lang, &format!("month-{m}"), None);
                assert!(name.is_some_and(|n| !n.is_empty()), "{lang} month-{m}");
            }
        }
    }

    #[test]
    fn stored_timestamps_read_to_the_minute() {
        assert_eq!(stored("fr", "2026-10-25T14:05:09.123Z"), "25 octobre 2026 à 14:05");
        assert_eq!(stored("en", "2026-10-25 14:05:09"), "25 October 2026, 14:05");
        assert_eq!(stored("en", "2026-10-25"), "25 October 2026");
        assert_eq!(stored("en", "not a date"), "not a date");
    }
}

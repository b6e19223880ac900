//! The sentences of a team's summary, from what `analytics::findings`
//! selected: one sentence a finding, one a change since the previous wave.
//! The wording is in the Fluent catalogues (`finding-<gap>`, `change-<side>`,
//! `locales/*/team-page.ftl`); sizes are whole points, unsigned, with the
//! direction in words, as in the recommendations' reasons (`reason`).

use crate::analytics::findings::{ChangeFinding, ChangeSubject, Finding};
use crate::analytics::Perspective;
use crate::i18n;

use super::number::NumberStyle;

/// Who reads a blind spot: the team's own manager is told "you estimate",
/// anyone else "the manager estimates".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Manager,
    Other,
}

fn whole(lang: &str, v: f64) -> String {
    NumberStyle::for_lang(lang).format(v, 0, false)
}

/// The sentence of a finding in `lang`.
pub fn finding(lang: &str, f: &Finding, reader: Reader) -> String {
    let direction = if f.points < 0.0 { "below" } else { "above" };
    let who = match reader {
        Reader::Manager => "you",
        Reader::Other => "manager",
    };
    i18n::t_args(
        lang,
        &format!("finding-{}", f.gap.code()),
        &[
            ("dimension", i18n::t(lang, &format!("dimension-{}", f.dimension))),
            ("points", whole(lang, f.points.abs())),
            ("direction", direction.to_owned()),
            ("who", who.to_owned()),
        ],
    )
}

/// The sentence of a change since the wave named `wave`.
pub fn change(lang: &str, c: &ChangeFinding, wave: &str) -> String {
    let (key, subject) = match c.subject {
        ChangeSubject::Dimension(d, Perspective::Customer) => ("change-c", i18n::t(lang, &format!("dimension-{d}"))),
        ChangeSubject::Dimension(d, _) => ("change-e", i18n::t(lang, &format!("dimension-{d}"))),
        ChangeSubject::Index(code) => ("change-index", i18n::t(lang, &format!("index-{code}"))),
    };
    let direction = if c.points < 0.0 { "down" } else { "up" };
    i18n::t_args(
        lang,
        key,
        &[
            ("subject", subject),
            ("points", whole(lang, c.points.abs())),
            ("direction", direction.to_owned()),
            ("wave", wave.to_owned()),
            ("before", whole(lang, c.before)),
            ("after", whole(lang, c.after)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::findings::FindingGap;
    use crate::analytics::Dimension;

    fn f(dimension: Dimension, gap: FindingGap, points: f64) -> Finding {
        Finding { dimension, gap, points }
    }

    #[test]
    fn findings_read_as_the_brief_says() {
        let listening = f(Dimension::Listening, FindingGap::CustomerPerception, 18.2);
        assert_eq!(
            finding("en", &listening, Reader::Manager),
            "Customers rate “Listening and feedback” 18 points below what your employees think they do: \
             a difference too large to be chance."
        );
        let trust = f(Dimension::Trust, FindingGap::ManagerialBlindSpot, 21.6);
        assert_eq!(
            finding("en", &trust, Reader::Manager),
            "You estimate your employees’ “Trust” 22 points above what they report."
        );
        let other = finding("en", &trust, Reader::Other);
        assert!(
            other.starts_with("The manager estimates the employees’ “Trust” 22 points above"),
            "{other}"
        );
        let fr = finding("fr", &trust, Reader::Manager);
        assert!(
            fr.contains("22 points") && fr.contains(&i18n::t("fr", "dimension-trust")),
            "{fr}"
        );
        for lang in ["en", "fr"] {
            for gap in FindingGap::ALL {
                for reader in [Reader::Manager, Reader::Other] {
                    for points in [-12.4, 12.4] {
                        let text = finding(lang, &f(Dimension::Values, gap, points), reader);
                        assert!(!text.starts_with("finding-") && text.contains("12"), "{lang}: {text}");
                        // Blind spots are never called significant.
                        let chance = ["chance", "hasard"].iter().any(|w| text.contains(w));
                        assert_eq!(chance, gap.tested(), "{lang}: {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn changes_name_the_side_the_size_and_the_wave() {
        let c = ChangeFinding {
            subject: ChangeSubject::Dimension(Dimension::Listening, Perspective::Customer),
            before: 52.4,
            after: 61.4,
            points: 9.0,
        };
        assert_eq!(
            change("en", &c, "Spring 2026"),
            "Customers’ score for “Listening and feedback” rose 9 points since Spring 2026 (from 52 to 61)."
        );
        let down = ChangeFinding {
            subject: ChangeSubject::Index("csat"),
            before: 70.0,
            after: 58.5,
            points: -11.5,
        };
        let fr = change("fr", &down, "Vague 1");
        assert!(fr.contains("12 points") && fr.contains("Vague 1"), "{fr}");
        let e = ChangeFinding {
            subject: ChangeSubject::Dimension(Dimension::Trust, Perspective::Employee),
            ..down
        };
        assert!(change("en", &e, "W").starts_with("Employees’ score for “Trust” fell 12 points"));
    }
}

//! The one-sentence reason of a recommended point (ACTION-PLAN.md "How the
//! product uses it"), written from the structured reason the engine gives
//! (`analytics::recommendations::Because`: dimension, gap kind, points).
//! Pages and exports call [`sentence`]; the wording is in the Fluent
//! catalogues (`reason-<gap>`), so no template builds a sentence.

use crate::analytics::recommendations::{Because, Recommendation, LOW_SCORE};
use crate::analytics::Dimension;
use crate::i18n;

use super::number::NumberStyle;

/// The label of the reason's subject: a dimension, or an index for the
/// index rules (`ies`, `ces`, `fcr`).
fn subject(lang: &str, code: &str) -> String {
    match Dimension::parse(code) {
        Ok(d) => i18n::t(lang, &format!("dimension-{d}")),
        Err(_) => i18n::t(lang, &format!("index-{code}")),
    }
}

/// The sentence of `because` in `lang`: the subject, the size of the gap
/// (whole points, unsigned) and its direction.
pub fn sentence(lang: &str, because: &Because) -> String {
    let style = NumberStyle::for_lang(lang);
    let direction = if because.points < 0.0 { "below" } else { "above" };
    let mut args = vec![
        ("dimension", subject(lang, because.dimension)),
        ("points", style.format(because.points.abs(), 0, false)),
        ("direction", direction.to_owned()),
    ];
    if because.gap.starts_with("low_") {
        // `points` of a low score is its distance below LOW_SCORE.
        args.push(("score", style.format(LOW_SCORE + because.points, 0, false)));
    }
    i18n::t_args(lang, &format!("reason-{}", because.gap), &args)
}

/// The reason of a recommended point: the sentence of its largest matching
/// figure (empty for a point without one, which the engine never makes).
pub fn of(lang: &str, recommendation: &Recommendation) -> String {
    recommendation
        .reason()
        .map(|because| sentence(lang, because))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn because(dimension: &'static str, gap: &'static str, points: f64) -> Because {
        Because { dimension, gap, points }
    }

    #[test]
    fn the_sentence_names_the_dimension_the_gap_its_size_and_direction() {
        let listening = because("listening", "customer_perception", 18.2);
        assert_eq!(
            sentence("en", &listening),
            "Customers rate “Listening and feedback” 18 points below what your employees believe"
        );
        let fr = sentence("fr", &listening);
        assert!(
            fr.contains("18 points plus bas que ne le pensent vos collaborateurs"),
            "{fr}"
        );
        assert!(fr.contains(&i18n::t("fr", "dimension-listening")), "{fr}");
        let under = because("trust", "managerial_blind_spot", -23.6);
        assert_eq!(
            sentence("en", &under),
            "Employees rate “Trust” 24 points above what their manager believes"
        );
        let employees_higher = because("digital", "symmetry", 16.0);
        assert!(sentence("en", &employees_higher)
            .starts_with("Employees rate “Human and digital harmony” 16 points higher"));
        assert!(sentence("en", &because("digital", "symmetry", -16.0)).starts_with("Customers rate"));
    }

    #[test]
    fn low_scores_and_indices_read_as_their_score() {
        assert_eq!(
            sentence("en", &because("autonomy", "low_employee", -12.5)),
            "Only 48 % of employees are favourable on “Autonomy”, 13 points below 60 %"
        );
        let ies = sentence("fr", &because("ies", "low_index", -60.0));
        assert!(
            ies.contains(&i18n::t("fr", "index-ies")) && ies.contains("est à 0 %"),
            "{ies}"
        );
        let spread = sentence("en", &because("cooperation", "channel_spread", 22.0));
        assert!(spread.contains("22 points apart"), "{spread}");
    }

    #[test]
    fn every_gap_kind_has_its_sentence_in_every_language() {
        let kinds = [
            "symmetry",
            "customer_perception",
            "managerial_blind_spot",
            "manager_customer_blind_spot",
            "leadership_employee",
            "leadership_customer",
            "low_customer",
            "low_employee",
            "low_index",
            "channel_spread",
        ];
        for lang in ["en", "fr"] {
            for gap in kinds {
                let text = sentence(lang, &because("values", gap, -21.0));
                assert!(
                    !text.starts_with("reason-") && text.contains("21"),
                    "{lang} {gap}: {text}"
                );
            }
        }
    }
}

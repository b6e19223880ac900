//! The questionnaire as versioned data (`data/instrument.json`, wording in
//! `locales/*/instrument.ftl`) and the ten-point plan
//! (`data/action_plan.json`), loaded once and checked against the engine's
//! item vocabulary.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::analytics::{ItemCode, Population};

#[derive(Debug, Clone, Deserialize)]
pub struct DimensionDef {
    pub code: String,
    pub pillar: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ItemDef {
    pub code: String,
    pub population: String,
    pub dimension: Option<String>,
    pub perspective: Option<String>,
    pub scale: [u8; 2],
}

#[derive(Debug, Clone, Deserialize)]
pub struct Instrument {
    pub version: i32,
    pub dimensions: Vec<DimensionDef>,
    pub items: Vec<ItemDef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ActionPoint {
    pub code: String,
    pub number: u8,
    pub dimensions: Vec<String>,
}

const INSTRUMENT_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/instrument.json"));
const ACTION_PLAN_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/action_plan.json"));

/// The instrument compiled into the binary. Its validity is a build-time
/// fact checked by the tests below, so a failure here is a programming
/// error, not a user's.
pub fn instrument() -> &'static Instrument {
    static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();
    INSTRUMENT.get_or_init(|| {
        #[expect(clippy::expect_used, reason = "embedded data, validated by tests")]
        serde_json::from_str(INSTRUMENT_JSON).expect("data/instrument.json is valid")
    })
}

pub fn action_plan() -> &'static [ActionPoint] {
    static PLAN: OnceLock<Vec<ActionPoint>> = OnceLock::new();
    PLAN.get_or_init(|| {
        #[expect(clippy::expect_used, reason = "embedded data, validated by tests")]
        serde_json::from_str(ACTION_PLAN_JSON).expect("data/action_plan.json is valid")
    })
}

/// The items a population answers, in questionnaire order.
pub fn items_for(population: Population) -> Vec<(&'static ItemDef, ItemCode)> {
    instrument()
        .items
        .iter()
        .filter(|i| i.population == population.as_str())
        .filter_map(|i| ItemCode::parse(&i.code).ok().map(|code| (i, code)))
        .collect()
}

/// Every item code of the codebook, in codebook order.
pub fn item_codes() -> Vec<ItemCode> {
    instrument()
        .items
        .iter()
        .filter_map(|i| ItemCode::parse(&i.code).ok())
        .collect()
}

/// The Fluent message id of an item's wording.
pub fn message_id(code: &str) -> String {
    format!("item-{}", code.replace('.', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_known_to_the_engine_with_the_same_population_and_scale() {
        let instrument = instrument();
        assert_eq!(instrument.dimensions.len(), 11);
        for item in &instrument.items {
            let code = ItemCode::parse(&item.code).unwrap();
            assert_eq!(code.population().as_str(), item.population, "{}", item.code);
            assert_eq!(code.scale(), (item.scale[0], item.scale[1]), "{}", item.code);
        }
    }

    #[test]
    fn every_item_has_wording_in_every_language() {
        for lang in crate::i18n::supported() {
            for item in &instrument().items {
                let id = message_id(&item.code);
                assert!(crate::i18n::try_translate(lang, &id, None).is_some(), "{lang}: {id}");
            }
        }
    }

    #[test]
    fn the_plan_has_ten_points_on_known_dimensions() {
        let dims: Vec<&str> = instrument().dimensions.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(action_plan().len(), 10);
        for point in action_plan() {
            assert!(
                point.dimensions.iter().all(|d| dims.contains(&d.as_str())),
                "{}",
                point.code
            );
        }
    }

    #[test]
    fn each_population_has_items() {
        for p in [
            Population::Customer,
            Population::Employee,
            Population::Manager,
            Population::Executive,
        ] {
            assert!(items_for(p).len() >= 10, "{p:?}");
        }
    }
}

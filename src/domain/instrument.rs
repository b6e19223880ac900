//! The questionnaire as versioned data (`data/instrument.json` for the
//! current version, `data/instrument.v1.json` for version 1 that campaigns
//! opened before version 2 keep; wording in `locales/*/instrument.ftl`) and
//! the ten-point plan (`data/action_plan.json`), loaded once and checked
//! against the engine's item vocabulary.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::analytics::{InstrumentVersion, ItemCode, Population};

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
const INSTRUMENT_V1_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/instrument.v1.json"));
const ACTION_PLAN_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/action_plan.json"));

impl Instrument {
    /// The engine's name for this instrument's version.
    pub fn version_of(&self) -> InstrumentVersion {
        InstrumentVersion::from_number(self.version).unwrap_or_default()
    }
}

fn parse(text: &str) -> Instrument {
    #[expect(clippy::expect_used, reason = "embedded data, validated by tests")]
    serde_json::from_str(text).expect("the embedded instrument is valid")
}

/// The current instrument, compiled into the binary: new campaigns are
/// opened with it. Its validity is a build-time fact checked by the tests
/// below, so a failure here is a programming error, not a user's.
pub fn instrument() -> &'static Instrument {
    instrument_of(InstrumentVersion::CURRENT)
}

/// The instrument of a version (every version stays readable: a campaign
/// is answered and reported with the version it was opened with).
pub fn instrument_of(version: InstrumentVersion) -> &'static Instrument {
    static V1: OnceLock<Instrument> = OnceLock::new();
    static V2: OnceLock<Instrument> = OnceLock::new();
    match version {
        InstrumentVersion::V1 => V1.get_or_init(|| parse(INSTRUMENT_V1_JSON)),
        InstrumentVersion::V2 => V2.get_or_init(|| parse(INSTRUMENT_JSON)),
    }
}

/// The version a campaign's stored `instrument_version` names (campaigns
/// only ever store known versions; anything else reads as version 1).
pub fn campaign_version(stored: i32) -> InstrumentVersion {
    InstrumentVersion::from_number(stored).unwrap_or_default()
}

pub fn action_plan() -> &'static [ActionPoint] {
    static PLAN: OnceLock<Vec<ActionPoint>> = OnceLock::new();
    PLAN.get_or_init(|| {
        #[expect(clippy::expect_used, reason = "embedded data, validated by tests")]
        serde_json::from_str(ACTION_PLAN_JSON).expect("data/action_plan.json is valid")
    })
}

/// The items a population answers in `version`, in questionnaire order.
pub fn items_for(version: InstrumentVersion, population: Population) -> Vec<(&'static ItemDef, ItemCode)> {
    instrument_of(version)
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
        for &version in InstrumentVersion::ALL {
            let instrument = instrument_of(version);
            assert_eq!(instrument.version_of(), version);
            assert_eq!(instrument.dimensions.len(), 11);
            for item in &instrument.items {
                let code = ItemCode::parse(&item.code).unwrap();
                assert_eq!(code.population().as_str(), item.population, "{}", item.code);
                assert_eq!(
                    code.scale(version),
                    (item.scale[0], item.scale[1]),
                    "{} v{version}",
                    item.code
                );
            }
        }
        assert_eq!(instrument().version, 2);
    }

    #[test]
    fn version_2_asks_managers_and_executives_for_0_to_10_estimates_on_the_same_items() {
        let (v1, v2) = (instrument_of(InstrumentVersion::V1), instrument());
        let codes = |i: &Instrument| i.items.iter().map(|d| d.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(v1), codes(v2));
        let mut estimates = 0;
        for (old, new) in v1.items.iter().zip(&v2.items) {
            let estimate = matches!(new.perspective.as_deref(), Some("me" | "mc" | "xe" | "xc"));
            estimates += usize::from(estimate);
            assert_eq!(new.scale, if estimate { [0, 10] } else { old.scale }, "{}", new.code);
        }
        assert!(estimates >= 44, "{estimates}");
        assert_eq!(campaign_version(1), InstrumentVersion::V1);
        assert_eq!(campaign_version(2), InstrumentVersion::V2);
    }

    #[test]
    fn every_item_has_wording_in_every_language() {
        for lang in crate::i18n::supported() {
            for item in InstrumentVersion::ALL.iter().flat_map(|&v| &instrument_of(v).items) {
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
            for &version in InstrumentVersion::ALL {
                assert!(items_for(version, p).len() >= 10, "{p:?}");
            }
        }
    }
}

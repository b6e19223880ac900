//! The codebook vocabulary: populations, channels, perspectives, dimensions,
//! pillars and item codes, with the rules that tie an item to the population
//! allowed to answer it and to the respondent-count scope it belongs to.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::AnalyticsError;

/// Generates `as_str`, `parse`, `ALL` and `Display` for a plain enum whose
/// textual names are part of a stable contract (API keys, CSV values).
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Position in `ALL` (dense tables are indexed by it).
            pub fn index(self) -> usize {
                self as usize
            }

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Result<Self, AnalyticsError> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err(AnalyticsError::UnknownName {
                        kind: stringify!($name),
                        value: text.to_owned(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Stored as its text (`responses.population`, checked by the database too).
impl TryFrom<String> for Population {
    type Error = AnalyticsError;

    fn try_from(text: String) -> Result<Population, AnalyticsError> {
        Population::parse(&text)
    }
}

impl From<Population> for String {
    fn from(p: Population) -> String {
        p.as_str().to_string()
    }
}

named_enum!(
    /// Who answered.
    Population {
        Customer => "customer",
        Employee => "employee",
        Manager => "manager",
        Executive => "executive",
    }
);

named_enum!(
    /// The contact channel of a customer response.
    Channel {
        InPerson => "in_person",
        Phone => "phone",
        Web => "web",
        App => "app",
        Email => "email",
        Other => "other",
    }
);

named_enum!(
    /// Whose experience an item measures, seen by whom; names are the API keys.
    Perspective {
        Customer => "customer",
        Employee => "employee",
        EmployeeEstimateCustomer => "employee_estimate_customer",
        ManagerEstimateEmployee => "manager_estimate_employee",
        ManagerEstimateCustomer => "manager_estimate_customer",
        ExecutiveEstimateEmployee => "executive_estimate_employee",
        ExecutiveEstimateCustomer => "executive_estimate_customer",
    }
);

named_enum!(
    /// The eleven mirrored dimensions.
    Dimension {
        Courtesy => "courtesy",
        Facilitation => "facilitation",
        Values => "values",
        Listening => "listening",
        Digital => "digital",
        Trust => "trust",
        Autonomy => "autonomy",
        Consideration => "consideration",
        Competence => "competence",
        Cooperation => "cooperation",
        Environment => "environment",
    }
);

named_enum!(
    /// The three floors of the maturity building.
    Pillar {
        Execution => "execution",
        Link => "link",
        Emotion => "emotion",
    }
);

named_enum!(
    /// Items outside the dimensions.
    Headline {
        Nps => "nps",
        Csat => "csat",
        Ces => "ces",
        Fcr => "fcr",
        Enps => "enps",
        Ies => "ies",
        Orientation1 => "orientation.1",
        Orientation2 => "orientation.2",
        Orientation3 => "orientation.3",
    }
);

/// The instrument version a campaign was opened with (METHOD.md §2): from
/// version 2, managers and executives answer their items (M→E, M→C, X→E,
/// X→C) as "out of 10, how many would agree", 0–10, instead of on the
/// agreement scale. Reports of version-1 campaigns keep their reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub enum InstrumentVersion {
    #[default]
    V1,
    V2,
}

impl InstrumentVersion {
    /// The version new campaigns are opened with.
    pub const CURRENT: InstrumentVersion = InstrumentVersion::V2;
    pub const ALL: &'static [InstrumentVersion] = &[InstrumentVersion::V1, InstrumentVersion::V2];

    pub fn number(self) -> i32 {
        match self {
            InstrumentVersion::V1 => 1,
            InstrumentVersion::V2 => 2,
        }
    }

    pub fn from_number(number: i32) -> Option<InstrumentVersion> {
        match number {
            1 => Some(InstrumentVersion::V1),
            2 => Some(InstrumentVersion::V2),
            _ => None,
        }
    }

    /// Whether `perspective` is answered as a 0–10 estimate in this version.
    pub fn estimates(self, perspective: Perspective) -> bool {
        self == InstrumentVersion::V2 && perspective.is_estimate()
    }
}

impl TryFrom<i32> for InstrumentVersion {
    type Error = AnalyticsError;
    fn try_from(number: i32) -> Result<Self, AnalyticsError> {
        InstrumentVersion::from_number(number).ok_or(AnalyticsError::UnknownName {
            kind: "InstrumentVersion",
            value: number.to_string(),
        })
    }
}

impl From<InstrumentVersion> for i32 {
    fn from(version: InstrumentVersion) -> i32 {
        version.number()
    }
}

impl fmt::Display for InstrumentVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

impl Perspective {
    /// Managers' and executives' perspectives: one or a few people's
    /// judgement of others, answered as 0–10 estimates from version 2.
    pub fn is_estimate(self) -> bool {
        matches!(
            self,
            Perspective::ManagerEstimateEmployee
                | Perspective::ManagerEstimateCustomer
                | Perspective::ExecutiveEstimateEmployee
                | Perspective::ExecutiveEstimateCustomer
        )
    }

    /// The short form used inside item codes (`listening.ec.1`).
    pub fn code(self) -> &'static str {
        match self {
            Perspective::Customer => "c",
            Perspective::Employee => "e",
            Perspective::EmployeeEstimateCustomer => "ec",
            Perspective::ManagerEstimateEmployee => "me",
            Perspective::ManagerEstimateCustomer => "mc",
            Perspective::ExecutiveEstimateEmployee => "xe",
            Perspective::ExecutiveEstimateCustomer => "xc",
        }
    }

    pub fn from_code(code: &str) -> Option<Perspective> {
        Perspective::ALL.iter().copied().find(|p| p.code() == code)
    }

    pub fn population(self) -> Population {
        match self {
            Perspective::Customer => Population::Customer,
            Perspective::Employee | Perspective::EmployeeEstimateCustomer => Population::Employee,
            Perspective::ManagerEstimateEmployee | Perspective::ManagerEstimateCustomer => Population::Manager,
            Perspective::ExecutiveEstimateEmployee | Perspective::ExecutiveEstimateCustomer => Population::Executive,
        }
    }
}

impl Dimension {
    pub fn pillar(self) -> Pillar {
        match self {
            Dimension::Facilitation
            | Dimension::Digital
            | Dimension::Autonomy
            | Dimension::Competence
            | Dimension::Cooperation => Pillar::Execution,
            Dimension::Courtesy | Dimension::Listening | Dimension::Trust => Pillar::Link,
            Dimension::Values | Dimension::Consideration | Dimension::Environment => Pillar::Emotion,
        }
    }
}

impl Population {
    /// Customers and employees answer anonymously and are protected by k;
    /// managers and executives sign their self-assessments.
    pub fn is_anonymous(self) -> bool {
        matches!(self, Population::Customer | Population::Employee)
    }
}

/// The group an item's respondents are counted in: a respondent counts once
/// per group if they answered at least one of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemGroup {
    Dimension(Dimension, Perspective),
    Nps,
    Csat,
    Ces,
    Fcr,
    Enps,
    Ies,
    Orientation,
}

impl ItemGroup {
    /// Number of item groups: eleven dimensions seen from seven
    /// perspectives, then the seven headline groups.
    pub const COUNT: usize = 11 * 7 + 7;

    /// A dense position in `0..COUNT`, for tallies kept as arrays.
    pub fn slot(self) -> usize {
        const DIMENSIONS: usize = 11 * 7;
        match self {
            ItemGroup::Dimension(d, p) => d.index() * Perspective::ALL.len() + p.index(),
            ItemGroup::Nps => DIMENSIONS,
            ItemGroup::Csat => DIMENSIONS + 1,
            ItemGroup::Ces => DIMENSIONS + 2,
            ItemGroup::Fcr => DIMENSIONS + 3,
            ItemGroup::Enps => DIMENSIONS + 4,
            ItemGroup::Ies => DIMENSIONS + 5,
            ItemGroup::Orientation => DIMENSIONS + 6,
        }
    }

    /// The only population whose respondents are counted in this group.
    pub fn population(self) -> Population {
        match self {
            ItemGroup::Dimension(_, p) => p.population(),
            ItemGroup::Nps | ItemGroup::Csat | ItemGroup::Ces | ItemGroup::Fcr => Population::Customer,
            ItemGroup::Enps | ItemGroup::Ies | ItemGroup::Orientation => Population::Employee,
        }
    }
}

/// The scope of a respondent count: the whole population or one item group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    All,
    Group(ItemGroup),
}

impl Scope {
    /// Parses `*`, `nps`, `orientation` or `<dimension>.<perspective>`.
    pub fn parse(text: &str) -> Result<Scope, AnalyticsError> {
        let group = match text {
            "*" => return Ok(Scope::All),
            "nps" => ItemGroup::Nps,
            "csat" => ItemGroup::Csat,
            "ces" => ItemGroup::Ces,
            "fcr" => ItemGroup::Fcr,
            "enps" => ItemGroup::Enps,
            "ies" => ItemGroup::Ies,
            "orientation" => ItemGroup::Orientation,
            _ => {
                let bad = || AnalyticsError::UnknownName {
                    kind: "Scope",
                    value: text.to_owned(),
                };
                let (dim, persp) = text.split_once('.').ok_or_else(bad)?;
                let dimension = Dimension::parse(dim).map_err(|_| bad())?;
                let perspective = Perspective::from_code(persp).ok_or_else(bad)?;
                ItemGroup::Dimension(dimension, perspective)
            }
        };
        Ok(Scope::Group(group))
    }

    pub fn to_key(self) -> String {
        match self {
            Scope::All => "*".to_owned(),
            Scope::Group(ItemGroup::Dimension(d, p)) => format!("{}.{}", d.as_str(), p.code()),
            Scope::Group(ItemGroup::Orientation) => "orientation".to_owned(),
            Scope::Group(g) => headline_of_group(g).map_or("", Headline::as_str).to_owned(),
        }
    }
}

fn headline_of_group(group: ItemGroup) -> Option<Headline> {
    match group {
        ItemGroup::Nps => Some(Headline::Nps),
        ItemGroup::Csat => Some(Headline::Csat),
        ItemGroup::Ces => Some(Headline::Ces),
        ItemGroup::Fcr => Some(Headline::Fcr),
        ItemGroup::Enps => Some(Headline::Enps),
        ItemGroup::Ies => Some(Headline::Ies),
        ItemGroup::Dimension(..) | ItemGroup::Orientation => None,
    }
}

/// A parsed item code from the codebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemCode {
    Dimension {
        dimension: Dimension,
        perspective: Perspective,
        number: u8,
    },
    Headline(Headline),
}

impl ItemCode {
    pub fn parse(text: &str) -> Result<ItemCode, AnalyticsError> {
        if let Ok(headline) = Headline::parse(text) {
            return Ok(ItemCode::Headline(headline));
        }
        let bad = || AnalyticsError::UnknownItem(text.to_owned());
        let mut parts = text.split('.');
        let (Some(dim), Some(persp), Some(num), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let dimension = Dimension::parse(dim).map_err(|_| bad())?;
        let perspective = Perspective::from_code(persp).ok_or_else(bad)?;
        let number = match num {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => return Err(bad()),
        };
        Ok(ItemCode::Dimension {
            dimension,
            perspective,
            number,
        })
    }

    /// The only population allowed to answer this item.
    pub fn population(self) -> Population {
        match self {
            ItemCode::Dimension { perspective, .. } => perspective.population(),
            ItemCode::Headline(Headline::Nps | Headline::Csat | Headline::Ces | Headline::Fcr) => Population::Customer,
            ItemCode::Headline(_) => Population::Employee,
        }
    }

    /// Whether this item is answered as a 0–10 estimate in `version`.
    pub fn is_estimate(self, version: InstrumentVersion) -> bool {
        matches!(self, ItemCode::Dimension { perspective, .. } if version.estimates(perspective))
    }

    /// Inclusive answer scale in the instrument `version`.
    pub fn scale(self, version: InstrumentVersion) -> (u8, u8) {
        match self {
            ItemCode::Dimension { .. } if self.is_estimate(version) => (0, 10),
            ItemCode::Dimension { .. } => (1, 5),
            ItemCode::Headline(h) => match h {
                Headline::Nps | Headline::Enps => (0, 10),
                Headline::Csat => (1, 5),
                Headline::Ces | Headline::Ies => (1, 7),
                Headline::Fcr => (0, 1),
                Headline::Orientation1 | Headline::Orientation2 | Headline::Orientation3 => (1, 5),
            },
        }
    }

    pub fn accepts(self, version: InstrumentVersion, value: u8) -> bool {
        let (low, high) = self.scale(version);
        (low..=high).contains(&value)
    }

    pub fn group(self) -> ItemGroup {
        match self {
            ItemCode::Dimension {
                dimension, perspective, ..
            } => ItemGroup::Dimension(dimension, perspective),
            ItemCode::Headline(h) => match h {
                Headline::Nps => ItemGroup::Nps,
                Headline::Csat => ItemGroup::Csat,
                Headline::Ces => ItemGroup::Ces,
                Headline::Fcr => ItemGroup::Fcr,
                Headline::Enps => ItemGroup::Enps,
                Headline::Ies => ItemGroup::Ies,
                Headline::Orientation1 | Headline::Orientation2 | Headline::Orientation3 => ItemGroup::Orientation,
            },
        }
    }
}

impl fmt::Display for ItemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemCode::Dimension {
                dimension,
                perspective,
                number,
            } => write!(f, "{}.{}.{}", dimension, perspective.code(), number),
            ItemCode::Headline(h) => f.write_str(h.as_str()),
        }
    }
}

/// Item codes and scopes travel as their textual codes.
macro_rules! serde_as_text {
    ($name:ident, $to_text:expr) => {
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&$to_text(self))
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $name::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_as_text!(ItemCode, ItemCode::to_string);
serde_as_text!(Scope, |s: &Scope| s.to_key());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimension_items_round_trip_and_know_their_population() {
        let item = ItemCode::parse("listening.ec.2").unwrap();
        assert_eq!(item.to_string(), "listening.ec.2");
        assert_eq!(item.population(), Population::Employee);
        assert_eq!(item.scale(InstrumentVersion::V1), (1, 5));
        assert_eq!(
            item.scale(InstrumentVersion::V2),
            (1, 5),
            "E→C keeps the agreement scale"
        );
        assert_eq!(
            item.group(),
            ItemGroup::Dimension(Dimension::Listening, Perspective::EmployeeEstimateCustomer)
        );
        assert_eq!(
            ItemCode::parse("trust.xc.1").unwrap().population(),
            Population::Executive
        );
        assert_eq!(ItemCode::parse("trust.mc.3").unwrap().population(), Population::Manager);
    }

    #[test]
    fn headline_items_have_their_own_scales() {
        let nps = ItemCode::parse("nps").unwrap();
        let v2 = InstrumentVersion::V2;
        assert!(nps.accepts(v2, 0) && nps.accepts(v2, 10) && !nps.accepts(v2, 11));
        assert_eq!(nps.population(), Population::Customer);
        let fcr = ItemCode::parse("fcr").unwrap();
        assert!(fcr.accepts(v2, 0) && fcr.accepts(v2, 1) && !fcr.accepts(v2, 2));
        let o = ItemCode::parse("orientation.3").unwrap();
        assert_eq!(o.population(), Population::Employee);
        assert_eq!(o.group(), ItemGroup::Orientation);
        assert!(!ItemCode::parse("ies").unwrap().accepts(v2, 0));
    }

    #[test]
    fn estimate_items_are_0_to_10_from_version_2_only() {
        use InstrumentVersion::{V1, V2};
        for code in ["listening.me.1", "trust.mc.2", "values.xe.1", "digital.xc.3"] {
            let item = ItemCode::parse(code).unwrap();
            assert_eq!(item.scale(V1), (1, 5), "{code}");
            assert_eq!(item.scale(V2), (0, 10), "{code}");
            assert!(item.accepts(V2, 0) && !item.accepts(V1, 0) && !item.accepts(V2, 11));
        }
        for code in ["listening.c.1", "listening.e.1", "listening.ec.1"] {
            assert_eq!(ItemCode::parse(code).unwrap().scale(V2), (1, 5), "{code}");
        }
        assert_eq!(serde_json::to_string(&V2).unwrap(), "2");
        assert_eq!(serde_json::from_str::<InstrumentVersion>("1").unwrap(), V1);
        assert!(serde_json::from_str::<InstrumentVersion>("3").is_err());
        assert_eq!(InstrumentVersion::default(), V1);
    }

    #[test]
    fn malformed_codes_are_rejected() {
        for bad in [
            "",
            "nps.1",
            "listening",
            "listening.c",
            "listening.c.4",
            "listening.c.0",
            "listening.x.1",
            "loyalty.c.1",
            "listening.c.1.1",
            "orientation.4",
            "NPS",
        ] {
            assert!(ItemCode::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn item_group_slots_are_dense_and_distinct() {
        let mut groups: Vec<ItemGroup> = Dimension::ALL
            .iter()
            .flat_map(|&d| Perspective::ALL.iter().map(move |&p| ItemGroup::Dimension(d, p)))
            .collect();
        groups.extend([
            ItemGroup::Nps,
            ItemGroup::Csat,
            ItemGroup::Ces,
            ItemGroup::Fcr,
            ItemGroup::Enps,
            ItemGroup::Ies,
            ItemGroup::Orientation,
        ]);
        let mut slots: Vec<usize> = groups.iter().map(|g| g.slot()).collect();
        slots.sort_unstable();
        assert_eq!(slots, (0..ItemGroup::COUNT).collect::<Vec<_>>());
        for headline in Headline::ALL {
            let item = ItemCode::Headline(*headline);
            assert_eq!(item.group().population(), item.population(), "{item}");
        }
    }

    #[test]
    fn scopes_round_trip() {
        for key in ["*", "nps", "orientation", "listening.ec", "trust.xc", "ies"] {
            assert_eq!(Scope::parse(key).unwrap().to_key(), key);
        }
        assert!(Scope::parse("listening.c.1").is_err());
        assert!(Scope::parse("orientation.1").is_err());
    }

    #[test]
    fn every_dimension_sits_in_the_pillar_of_the_method() {
        let count = |p| Dimension::ALL.iter().filter(|d| d.pillar() == p).count();
        assert_eq!(count(Pillar::Execution), 5);
        assert_eq!(count(Pillar::Link), 3);
        assert_eq!(count(Pillar::Emotion), 3);
        assert_eq!(Channel::parse("in_person").unwrap(), Channel::InPerson);
        assert_eq!(
            serde_json::to_string(&Perspective::ManagerEstimateCustomer).unwrap(),
            "\"manager_estimate_customer\""
        );
    }
}

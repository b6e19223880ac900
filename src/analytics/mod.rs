//! The statistics engine of Miroir: aggregate rows in, report structs out.
//! Pure functions only (no I/O, no clock, no randomness), so every page, API
//! answer and export renders the same numbers, and anonymity is enforced in
//! the structs themselves (see `anonymity`).

pub mod aggregation;
pub mod anonymity;
pub mod benchmark;
pub mod channels;
pub mod compare;
pub mod data;
mod disclosure;
pub mod findings;
pub mod group;
pub mod items;
pub mod label;
pub mod lagged;
pub mod linkage;
pub mod maturity;
pub mod multiple;
pub mod recommendations;
pub mod regression;
pub mod report;
pub mod scores;
pub mod stats;
pub mod stored;
pub mod synthetic;
pub mod tally;

#[cfg(test)]
mod attack_tests;
#[cfg(test)]
mod cross_wave_attack_tests;
#[cfg(test)]
pub(crate) mod fixture_tests;
#[cfg(test)]
mod fixture_waves_tests;
#[cfg(test)]
mod multilevel_tests;
#[cfg(test)]
mod property_tests;
#[cfg(test)]
mod report_tests;

pub use channels::{channel_view, ChannelView};
pub use compare::{action_effect, compare_waves, ActionEffect, WaveComparison};
pub use data::{
    fold_respondent, CampaignData, CampaignMeta, Folded, HistogramRow, MaturityThresholds, OrientationRow,
    ReportFilter, Respondent, RespondentRow, Settings, TeamCode, TeamNode,
};
pub use items::{Channel, Dimension, InstrumentVersion, ItemCode, ItemGroup, Perspective, Pillar, Population, Scope};
pub use lagged::{cross_lagged, difference_in_differences, CrossLagged, DifferenceInDifferences};
pub use report::{build_report, organisation_report_and_channels, CampaignReport, GroupReport};

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnalyticsError {
    #[error("unknown {kind} `{value}`")]
    UnknownName { kind: &'static str, value: String },
    #[error("unknown item code `{0}`")]
    UnknownItem(String),
    #[error("unknown team `{0}`")]
    UnknownTeam(String),
    #[error("team `{0}` appears twice")]
    DuplicateTeam(String),
    #[error("team `{0}` is part of a parent cycle")]
    TeamCycle(String),
    #[error("item `{item}` cannot be answered by population {population}")]
    WrongPopulation { item: String, population: Population },
    #[error("value {value} is outside the scale of item `{item}`")]
    OutOfScale { item: String, value: u8 },
    #[error("row of population {population} misplaced: {reason}")]
    Misplaced {
        population: Population,
        reason: &'static str,
    },
    #[error("orientation key {0} is outside 6..=30")]
    OrientationKey(u8),
    #[error("anonymity threshold {0} is below the minimum of 3")]
    ThresholdTooLow(u64),
}

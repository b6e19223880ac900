//! Customer scores by channel (METHOD.md §9) and the channel spread. Which
//! channel cells are shown is the wave's publication decision
//! (`anonymity::Visibility`): the channels of a group are protected like the
//! children of a team, and each channel down the tree like the tree itself.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::anonymity::Visibility;
use super::data::{CampaignData, ReportFilter, Settings};
use super::items::{Channel, Dimension, ItemGroup, Perspective, Scope};
use super::scores::Score;
use super::tally::{prepare, Customers, Prepared};
use super::AnalyticsError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelDimension {
    /// Customer score per channel (hidden scores are all `null`).
    pub channels: BTreeMap<Channel, Score>,
    /// max − min over the shown channels; `null` with fewer than two.
    pub spread: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelView {
    /// Customers per channel, `null` when hidden.
    pub n: BTreeMap<Channel, Option<u64>>,
    pub dimensions: BTreeMap<Dimension, ChannelDimension>,
}

impl ChannelView {
    pub fn spreads(&self) -> BTreeMap<Dimension, f64> {
        self.dimensions
            .iter()
            .filter_map(|(d, c)| c.spread.map(|s| (*d, s)))
            .collect()
    }
}

/// The channel view of one group from its per-channel customers, showing
/// only the cells `shown` allows (the wave's publication decides them).
pub fn group_channels(per_channel: &[(Channel, &Customers)], shown: &dyn Fn(Channel, Scope) -> bool) -> ChannelView {
    let n = per_channel
        .iter()
        .map(|(c, t)| (*c, shown(*c, Scope::All).then_some(t.n)))
        .collect();
    let mut dimensions = BTreeMap::new();
    for &d in Dimension::ALL {
        let scope = Scope::Group(ItemGroup::Dimension(d, Perspective::Customer));
        let mut channels = BTreeMap::new();
        let mut shown_values = Vec::new();
        for (c, t) in per_channel {
            let score = if shown(*c, scope) { t.score(d) } else { Score::hidden() };
            shown_values.extend(score.favourable);
            channels.insert(*c, score);
        }
        let spread = (shown_values.len() >= 2).then(|| {
            let max = shown_values.iter().copied().fold(f64::MIN, f64::max);
            let min = shown_values.iter().copied().fold(f64::MAX, f64::min);
            max - min
        });
        dimensions.insert(d, ChannelDimension { channels, spread });
    }
    ChannelView { n, dimensions }
}

/// The channel view of one node: a team by tree index, or the organisation
/// (index = number of teams).
pub fn node_channels(prepared: &Prepared, visibility: &Visibility, node: usize) -> ChannelView {
    let teams = prepared.tree.teams.len();
    let slices: Vec<(Channel, Customers)> = if node == teams {
        prepared
            .channels
            .iter()
            .map(|(c, s)| (*c, prepared.organisation_channel(s)))
            .collect()
    } else {
        prepared.channels.iter().map(|(c, s)| (*c, s[node])).collect()
    };
    let borrowed: Vec<(Channel, &Customers)> = slices.iter().map(|(c, s)| (*c, s)).collect();
    group_channels(&borrowed, &|c, scope| visibility.channel_visible(node, c, scope))
}

/// Channel views of every team (by tree index) and of the organisation (last).
pub fn all_group_channels(prepared: &Prepared, visibility: &Visibility) -> Vec<ChannelView> {
    (0..=prepared.tree.teams.len())
        .map(|node| node_channels(prepared, visibility, node))
        .collect()
}

/// Dimension × channel customer scores for the report's scope (the filter's
/// channel is ignored: this view is about all channels).
pub fn channel_view(
    data: &CampaignData,
    settings: &Settings,
    filter: &ReportFilter,
) -> Result<ChannelView, AnalyticsError> {
    let k = super::report::checked_threshold(settings)?;
    let prepared = prepare(data, None)?;
    let visibility = Visibility::compute(&prepared, k);
    let node = match &filter.team {
        None => prepared.tree.teams.len(),
        Some(code) => super::report::team_index(&prepared, code)?,
    };
    Ok(node_channels(&prepared, &visibility, node))
}

//! Customer scores by channel (METHOD.md §9) and the channel spread. The
//! channels of a group are protected like the children of a team: each needs
//! n ≥ k, and complementary suppression keeps a hidden channel from being the
//! group minus the others (customers without a channel are the group's
//! "own" cell).

use serde::Serialize;
use std::collections::BTreeMap;

use super::anonymity::{suppress, Visibility};
use super::data::{CampaignData, ReportFilter, Settings};
use super::items::{Channel, Dimension, ItemGroup, Perspective, Population, Scope};
use super::scores::Score;
use super::tally::{prepare, Customers, Prepared};
use super::AnalyticsError;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelDimension {
    /// Customer score per channel (hidden scores are all `null`).
    pub channels: BTreeMap<Channel, Score>,
    /// max − min over the shown channels; `null` with fewer than two.
    pub spread: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// The channel view of one group. `shown` is false when the group's own
/// customer figures are hidden: then every channel is hidden too.
pub fn group_channels(total: &Customers, per_channel: &[(Channel, &Customers)], shown: bool, k: u64) -> ChannelView {
    // Star: node 0 is the group, nodes 1.. are the channels.
    let mut children = vec![(1..=per_channel.len()).collect::<Vec<usize>>()];
    children.extend(per_channel.iter().map(|_| Vec::new()));
    let flags_for = |scope: Scope, base: &[bool]| {
        let mut total_n = vec![total.n_in(scope)];
        total_n.extend(per_channel.iter().map(|(_, t)| t.n_in(scope)));
        let listed: u64 = total_n[1..].iter().sum();
        let mut own = vec![total_n[0].saturating_sub(listed)];
        own.extend(total_n[1..].iter().copied());
        let mut initial = base.to_vec();
        if !shown {
            initial = vec![true; total_n.len()];
        }
        suppress(&children, &own, &total_n, k, &initial)
    };
    let base = flags_for(Scope::All, &[]);
    let n = per_channel
        .iter()
        .enumerate()
        .map(|(i, (c, t))| (*c, (!base[i + 1]).then_some(t.n)))
        .collect();
    let mut dimensions = BTreeMap::new();
    for &d in Dimension::ALL {
        let scope = Scope::Group(ItemGroup::Dimension(d, Perspective::Customer));
        let flags = flags_for(scope, &base);
        let mut channels = BTreeMap::new();
        let mut shown_values = Vec::new();
        for (i, (c, t)) in per_channel.iter().enumerate() {
            let score = if flags[i + 1] { Score::hidden() } else { t.score(d) };
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
pub fn node_channels(prepared: &Prepared, visibility: &Visibility, node: usize, k: u64) -> ChannelView {
    let teams = prepared.tree.teams.len();
    let shown = visibility.visible(node, Population::Customer, Scope::All);
    let (total, slices): (Customers, Vec<(Channel, Customers)>) = if node == teams {
        let total = prepared.organisation().customers();
        let slices = prepared
            .channels
            .iter()
            .map(|(c, s)| (*c, prepared.organisation_channel(s)))
            .collect();
        (total, slices)
    } else {
        let slices = prepared.channels.iter().map(|(c, s)| (*c, s[node])).collect();
        (prepared.rollup[node].customers(), slices)
    };
    let borrowed: Vec<(Channel, &Customers)> = slices.iter().map(|(c, s)| (*c, s)).collect();
    group_channels(&total, &borrowed, shown, k)
}

/// Channel views of every team (by tree index) and of the organisation (last).
pub fn all_group_channels(prepared: &Prepared, visibility: &Visibility, k: u64) -> Vec<ChannelView> {
    (0..=prepared.tree.teams.len())
        .map(|node| node_channels(prepared, visibility, node, k))
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
    Ok(node_channels(&prepared, &visibility, node, k))
}

//! The campaign report of API.md: assembles the organisation (or the filtered
//! subtree), every team of the scope and the linkage, in a fixed order so
//! that identical input serialises to identical bytes.

use serde::Serialize;
use std::collections::BTreeMap;

use super::anonymity::Visibility;
use super::channels::all_group_channels;
use super::data::{CampaignData, CampaignMeta, ReportFilter, Settings, MIN_ANONYMITY_THRESHOLD};
use super::group::build_group;
pub use super::group::GroupReport;
use super::linkage::{linkage, published_units, Linkage};
use super::tally::{prepare, Prepared};
use super::AnalyticsError;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReport {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    #[serde(flatten)]
    pub group: GroupReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignReport {
    pub campaign: CampaignMeta,
    pub anonymity_threshold: u64,
    pub organisation: GroupReport,
    pub teams: Vec<TeamReport>,
    pub linkage: Linkage,
}

pub fn checked_threshold(settings: &Settings) -> Result<u64, AnalyticsError> {
    let k = settings.anonymity_threshold;
    if k < MIN_ANONYMITY_THRESHOLD {
        return Err(AnalyticsError::ThresholdTooLow(k));
    }
    Ok(k)
}

pub fn team_index(prepared: &Prepared, code: &str) -> Result<usize, AnalyticsError> {
    prepared
        .tree
        .index
        .get(code)
        .copied()
        .ok_or_else(|| AnalyticsError::UnknownTeam(code.to_owned()))
}

/// Builds the report.
///
/// * `filter.team`: the report covers that team and its sub-teams, and its
///   `organisation` is that subtree *without* executive answers (they are
///   about the whole organisation, so leadership figures appear only in the
///   unfiltered report).
/// * `filter.channel`: customer answers of that channel only; employees,
///   managers and executives are kept whole, so gaps read "employees vs the
///   customers of this channel". Channel spreads are then not computed.
/// * Suppression is always decided over the whole tree (for the chosen
///   channel), so a team shows the same figures in every report.
pub fn build_report(
    data: &CampaignData,
    settings: &Settings,
    meta: &CampaignMeta,
    filter: &ReportFilter,
) -> Result<CampaignReport, AnalyticsError> {
    let k = checked_threshold(settings)?;
    let every_channel = prepare(data, None)?;
    let publication = Visibility::compute(&every_channel, k);
    let (prepared, visibility) = match filter.channel {
        None => (every_channel, publication),
        Some(c) => (prepare(data, Some(c))?, publication.for_channel(c)),
    };
    let org_node = prepared.tree.teams.len();
    let spreads: Vec<BTreeMap<_, _>> = if filter.channel.is_none() {
        all_group_channels(&prepared, &visibility)
            .iter()
            .map(|view| view.spreads())
            .collect()
    } else {
        vec![BTreeMap::new(); org_node + 1]
    };
    let no_spread = BTreeMap::new();
    let spread = |node: usize| spreads.get(node).unwrap_or(&no_spread);
    let (scope_node, scope_teams, organisation_tally) = match &filter.team {
        None => (org_node, (0..org_node).collect::<Vec<_>>(), prepared.organisation()),
        Some(code) => {
            let root = team_index(&prepared, code)?;
            (root, prepared.tree.subtree(root), prepared.rollup[root].clone())
        }
    };
    let organisation = build_group(
        &organisation_tally,
        prepared.instrument,
        &|p, s| visibility.visible(scope_node, p, s),
        settings,
        spread(scope_node),
    );
    let teams: Vec<TeamReport> = scope_teams
        .iter()
        .map(|&i| {
            let node = &prepared.tree.teams[i];
            TeamReport {
                code: node.code.clone(),
                name: node.name.clone(),
                parent_code: node.parent_code.clone(),
                group: build_group(
                    &prepared.rollup[i],
                    prepared.instrument,
                    &|p, s| visibility.visible(i, p, s),
                    settings,
                    spread(i),
                ),
            }
        })
        .collect();
    let linkage = linkage(&published_units(&prepared, &scope_teams, &teams));
    Ok(CampaignReport {
        campaign: meta.clone(),
        anonymity_threshold: k,
        organisation,
        teams,
        linkage,
    })
}

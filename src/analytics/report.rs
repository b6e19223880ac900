//! The campaign report of API.md: assembles the organisation (or the filtered
//! subtree), every team of the scope and the linkage, in a fixed order so
//! that identical input serialises to identical bytes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::aggregation::{aggregation, UnitItems};
use super::anonymity::Visibility;
use super::channels::{node_channels, ChannelView};
use super::data::{CampaignData, CampaignMeta, ReportFilter, Settings, MIN_ANONYMITY_THRESHOLD};
use super::group::build_group;
pub use super::group::GroupReport;
use super::label::{readiness, LabelReadiness};
use super::linkage::{linkage, published_units, Linkage, MIN_LINKAGE_TEAMS};
use super::multiple::GapFamily;
use super::recommendations::{ORGANISATION_RECOMMENDATIONS, TEAM_RECOMMENDATIONS};
use super::tally::{prepare, Prepared, Tally};
use super::AnalyticsError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamReport {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    #[serde(flatten)]
    pub group: GroupReport,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignReport {
    pub campaign: CampaignMeta,
    pub anonymity_threshold: u64,
    pub organisation: GroupReport,
    pub teams: Vec<TeamReport>,
    pub linkage: Linkage,
    /// Distance to the symmetry label (`label`), read from `organisation`.
    pub label_readiness: LabelReadiness,
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
    report_from(data, settings, meta, filter, every_channel, publication)
}

/// The unfiltered organisation report and its channel view (a wave's
/// close publishes both), from one preparation of the data and one
/// suppression decision: deciding it is most of the engine's time on a
/// large organisation, and both views need the same one.
pub fn organisation_report_and_channels(
    data: &CampaignData,
    settings: &Settings,
    meta: &CampaignMeta,
) -> Result<(CampaignReport, ChannelView), AnalyticsError> {
    let k = checked_threshold(settings)?;
    let every_channel = prepare(data, None)?;
    let publication = Visibility::compute(&every_channel, k);
    let channels = node_channels(&every_channel, &publication, every_channel.tree.teams.len());
    let report = report_from(
        data,
        settings,
        meta,
        &ReportFilter::default(),
        every_channel,
        publication,
    )?;
    Ok((report, channels))
}

/// The report once the whole tree is prepared and suppression decided on
/// every channel.
fn report_from(
    data: &CampaignData,
    settings: &Settings,
    meta: &CampaignMeta,
    filter: &ReportFilter,
    every_channel: Prepared,
    publication: Visibility,
) -> Result<CampaignReport, AnalyticsError> {
    let k = checked_threshold(settings)?;
    let (prepared, visibility) = match filter.channel {
        None => (every_channel, publication),
        Some(c) => (prepare(data, Some(c))?, publication.for_channel(c)),
    };
    let org_node = prepared.tree.teams.len();
    // The channel spread feeds one point (`cooperate`: support functions
    // giving one consistent answer across channels), an organisation's
    // matter, read where channels hold enough customers to differ by more
    // than chance: for the organisation of the unfiltered report only. A
    // team's channel cells hold a handful of customers each (5 to 10 on the
    // demo), whose spread is mostly noise and would send the point to most
    // teams (ACTION-PLAN.md: a plan that recommends everything guides no one).
    let organisation_spread: BTreeMap<_, _> = if filter.channel.is_none() && filter.team.is_none() {
        node_channels(&prepared, &visibility, org_node).spreads()
    } else {
        BTreeMap::new()
    };
    let no_spread = BTreeMap::new();
    let spread = |node: usize| {
        if node == org_node {
            &organisation_spread
        } else {
            &no_spread
        }
    };
    let (scope_node, scope_teams, organisation_tally) = match &filter.team {
        None => (org_node, (0..org_node).collect::<Vec<_>>(), prepared.organisation()),
        Some(code) => {
            let root = team_index(&prepared, code)?;
            (root, prepared.tree.subtree(root), prepared.rollup[root].clone())
        }
    };
    // Every tested gap of the unfiltered report (for this channel) is one
    // family: q and significance first, then the plan reads them.
    let family = GapFamily::of(&prepared, &visibility);
    let group = |tally: &Tally, node: usize, limit: usize| {
        let mut group = build_group(
            tally,
            prepared.instrument,
            &|p, s| visibility.visible(node, p, s),
            settings,
        );
        family.adjust(node, &mut group);
        group.recommend(spread(node), limit);
        group
    };
    let organisation_limit = if filter.team.is_none() {
        ORGANISATION_RECOMMENDATIONS
    } else {
        TEAM_RECOMMENDATIONS
    };
    let organisation = group(&organisation_tally, scope_node, organisation_limit);
    let teams: Vec<TeamReport> = scope_teams
        .iter()
        .map(|&i| {
            let node = &prepared.tree.teams[i];
            TeamReport {
                code: node.code.clone(),
                name: node.name.clone(),
                parent_code: node.parent_code.clone(),
                group: group(&prepared.rollup[i], i, TEAM_RECOMMENDATIONS),
            }
        })
        .collect();
    let units = published_units(&prepared, &scope_teams, &teams);
    let mut linkage = linkage(&units);
    if units.len() >= MIN_LINKAGE_TEAMS {
        // The answers of the correlated units only, and of a dimension only
        // where that unit's score of it is published.
        let positions: Vec<(usize, &_)> = units
            .iter()
            .filter_map(|u| Some((*prepared.tree.index.get(&u.code)?, u)))
            .collect();
        let at: Vec<usize> = positions.iter().map(|p| p.0).collect();
        let answers = UnitItems::collect(data, &prepared.tree.index, &at, filter.channel);
        let values: std::collections::HashMap<usize, _> = positions.into_iter().collect();
        let published = |u: usize, d, p| {
            values.get(&u).is_some_and(|v: &&super::linkage::TeamValues| match p {
                super::items::Population::Customer => v.customer.contains_key(&d),
                _ => v.employee.contains_key(&d),
            })
        };
        linkage.aggregation = Some(aggregation(&at, &answers, &published));
    }
    Ok(CampaignReport {
        label_readiness: readiness(&organisation, settings.label),
        campaign: meta.clone(),
        anonymity_threshold: k,
        organisation,
        teams,
        linkage,
    })
}

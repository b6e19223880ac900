//! Reports: the stored aggregates of a campaign turned into the engine's
//! input, and the engine's report for the people allowed to read it.
//! Anonymity is applied by the engine inside the report structs, so every
//! rendering (page, API, CSV, XLSX, print) shows the same, safe figures.

use std::collections::HashMap;

use super::{authorise, DomainError, DomainResult};
use crate::analytics::{
    build_report, CampaignData, CampaignMeta, CampaignReport, Channel, HistogramRow, ItemCode, OrientationRow,
    Population, ReportFilter, RespondentRow, Scope, Settings, TeamCode,
};
use crate::auth::policy::{Action, Principal, Role};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::{aggregates, organisation, team};
use crate::db::DbConn;

/// The engine's input for a campaign: the organisation's team tree (by
/// code) and every aggregate row.
pub fn campaign_data(conn: &mut DbConn, c: &Campaign) -> DomainResult<CampaignData> {
    let teams = team::list_by_org(conn, &c.organisation_id)?;
    // One shared code per team: rows clone a pointer, not the text.
    let code_of: HashMap<&str, TeamCode> = teams.iter().map(|t| (t.id.as_str(), t.code.as_str().into())).collect();
    let mut data = CampaignData::default();
    for t in &teams {
        let parent = t.parent_id.as_deref().and_then(|p| code_of.get(p)).map(|c| &**c);
        data.add_team(&t.code, &t.name, parent);
    }
    let team_code = |key: &str| -> Option<TeamCode> { code_of.get(key).cloned() };
    let stored = aggregates::load(conn, &c.id)?;
    let bad = |what: &str| DomainError::Unexpected(anyhow::anyhow!("stored aggregate with invalid {what}"));
    for (team, population, channel, item, value, count) in stored.histograms {
        data.add_histogram(HistogramRow {
            team: team_code(&team),
            population: Population::parse(&population).map_err(|_| bad("population"))?,
            channel: parse_channel(&channel).map_err(|_| bad("channel"))?,
            item: ItemCode::parse(&item).map_err(|_| bad("item"))?,
            value: u8::try_from(value).map_err(|_| bad("value"))?,
            count: u64::try_from(count).map_err(|_| bad("count"))?,
        });
    }
    for (team, population, channel, scope, count) in stored.respondents {
        data.add_respondents(RespondentRow {
            team: team_code(&team),
            population: Population::parse(&population).map_err(|_| bad("population"))?,
            channel: parse_channel(&channel).map_err(|_| bad("channel"))?,
            scope: Scope::parse(&scope).map_err(|_| bad("scope"))?,
            count: u64::try_from(count).map_err(|_| bad("count"))?,
        });
    }
    for (team, bucket, count) in stored.orientation {
        let Some(code) = team_code(&team) else { continue };
        data.add_orientation(OrientationRow {
            team: code,
            key: u8::try_from(bucket).map_err(|_| bad("bucket"))?,
            count: u64::try_from(count).map_err(|_| bad("count"))?,
        });
    }
    Ok(data)
}

fn parse_channel(text: &str) -> Result<Option<Channel>, crate::analytics::AnalyticsError> {
    if text.is_empty() {
        Ok(None)
    } else {
        Channel::parse(text).map(Some)
    }
}

/// Who may read which report: a manager only the teams they manage (with
/// their sub-teams); everyone else of the organisation the whole report.
fn authorise_report(conn: &mut DbConn, p: &Principal, c: &Campaign, team_code: Option<&str>) -> DomainResult<()> {
    let org = c.organisation_id.as_str();
    authorise(p, Action::ViewOrganisation { org })?;
    match (p.role_in(org), team_code) {
        (Some(Role::Manager), None) if !p.is_platform_admin => Err(DomainError::Forbidden),
        (_, Some(code)) => {
            let all = team::list_by_org(conn, org)?;
            let t = all.iter().find(|t| t.code == code).ok_or(DomainError::NotFound)?;
            let lineage = super::teams::lineage(&all, &t.id);
            authorise(p, Action::ViewTeam { org, lineage: &lineage })
        }
        _ => Ok(()),
    }
}

pub fn settings_for(conn: &mut DbConn, c: &Campaign) -> DomainResult<Settings> {
    let org = organisation::find(conn, &c.organisation_id)?.ok_or(DomainError::NotFound)?;
    Ok(Settings {
        anonymity_threshold: u64::try_from(org.anonymity_threshold).unwrap_or(5),
        ..Settings::default()
    })
}

/// The report of a campaign (optionally one team's subtree, one channel).
pub fn report(
    conn: &mut DbConn,
    p: &Principal,
    campaign_id: &str,
    team_code: Option<&str>,
    channel: Option<&str>,
) -> DomainResult<CampaignReport> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise_report(conn, p, &c, team_code)?;
    let channel = channel
        .map(|ch| Channel::parse(ch).map_err(|_| DomainError::Field("channel", "error-import-channel")))
        .transpose()?;
    report_unchecked(conn, &c, team_code, channel)
}

/// The report without asking the policy (for callers that already did).
pub fn report_unchecked(
    conn: &mut DbConn,
    c: &Campaign,
    team_code: Option<&str>,
    channel: Option<Channel>,
) -> DomainResult<CampaignReport> {
    let data = campaign_data(conn, c)?;
    let settings = settings_for(conn, c)?;
    let meta = CampaignMeta {
        id: c.id.clone(),
        name: c.name.clone(),
        status: c.status.clone(),
    };
    let filter = ReportFilter {
        team: team_code.map(str::to_string),
        channel,
    };
    build_report(&data, &settings, &meta, &filter).map_err(|e| DomainError::Unexpected(anyhow::anyhow!("report: {e}")))
}

/// Everything the organisation dashboard shows: the report, the channel
/// view, and the comparison with the previous wave when there is one.
pub struct Dashboard {
    pub campaign: Campaign,
    pub report: CampaignReport,
    pub channels: Option<crate::analytics::ChannelView>,
    pub previous: Option<(Campaign, crate::analytics::WaveComparison)>,
}

pub fn dashboard(conn: &mut DbConn, p: &Principal, campaign_id: &str) -> DomainResult<Dashboard> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise_report(conn, p, &c, None)?;
    let data = campaign_data(conn, &c)?;
    let settings = settings_for(conn, &c)?;
    let meta = CampaignMeta {
        id: c.id.clone(),
        name: c.name.clone(),
        status: c.status.clone(),
    };
    let report = build_report(&data, &settings, &meta, &ReportFilter::default())
        .map_err(|e| DomainError::Unexpected(anyhow::anyhow!("report: {e}")))?;
    let channels = crate::analytics::channel_view(&data, &settings, &ReportFilter::default()).ok();
    let all = campaign::list_by_org(conn, &c.organisation_id)?;
    let previous = all
        .into_iter()
        .filter(|x| x.id != c.id && x.opens_on < c.opens_on && x.status != "draft")
        .max_by_key(|x| x.opens_on);
    let previous = match previous {
        Some(prev) => {
            let before = report_unchecked(conn, &prev, None, None)?;
            let comparison = crate::analytics::compare_waves(&before, &report);
            Some((prev, comparison))
        }
        None => None,
    };
    Ok(Dashboard {
        campaign: c,
        report,
        channels,
        previous,
    })
}

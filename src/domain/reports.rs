//! Reports: the stored aggregates of a campaign turned into the engine's
//! input, and the engine's report for the people allowed to read it.
//! Anonymity is applied by the engine inside the report structs, so every
//! rendering (page, API, CSV, XLSX, print) shows the same, safe figures.

use std::collections::HashMap;
use std::sync::Arc;

use super::report_cache::{self, Key, Stamp, Value};
use super::{authorise, DomainError, DomainResult};
use crate::analytics::{
    build_report, stored, CampaignData, CampaignMeta, CampaignReport, Channel, ChannelView, HistogramRow, ItemCode,
    OrientationRow, Population, ReportFilter, RespondentRow, Scope, Settings, TeamCode,
};
use crate::auth::policy::{Action, Principal};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::publication as frozen;
use crate::db::models::team::Team;
use crate::db::models::{aggregates, organisation, team};
use crate::db::DbConn;

/// The engine's input for a campaign: the organisation's team tree (by
/// code) and every aggregate row.
pub fn campaign_data(conn: &mut DbConn, c: &Campaign) -> DomainResult<CampaignData> {
    let teams = team::list_by_org(conn, &c.organisation_id)?;
    data_from(conn, c, &teams)
}

fn data_from(conn: &mut DbConn, c: &Campaign, teams: &[Team]) -> DomainResult<CampaignData> {
    // One shared code per team: rows clone a pointer, not the text.
    let code_of: HashMap<&str, TeamCode> = teams.iter().map(|t| (t.id.as_str(), t.code.as_str().into())).collect();
    let mut data = CampaignData {
        instrument: super::instrument::campaign_version(c.instrument_version),
        ..CampaignData::default()
    };
    for t in teams {
        let parent = t.parent_id.as_deref().and_then(|p| code_of.get(p)).map(|c| &**c);
        data.add_team(&t.code, &t.name, parent);
    }
    let team_code = |key: &str| -> Option<TeamCode> { code_of.get(key).cloned() };
    let bad = |what: &str| DomainError::Unexpected(anyhow::anyhow!("stored aggregate with invalid {what}"));
    let started = std::time::Instant::now();
    // Rows come mostly in runs of one team (storage order, not sorted), and
    // runs of rows repeat the same texts:
    // each is parsed once per run.
    let mut team = Last::default();
    let mut population = Last::default();
    let mut channel = Last::default();
    let mut item = Last::default();
    aggregates::each_histogram(conn, &c.id, |t, p, ch, i, value, count| {
        data.add_histogram(HistogramRow {
            team: team.get(t, |t| Ok::<_, ()>(team_code(t))).map_err(|_| bad("team"))?,
            population: population.get(p, Population::parse).map_err(|_| bad("population"))?,
            channel: channel.get(ch, parse_channel).map_err(|_| bad("channel"))?,
            item: item.get(i, ItemCode::parse).map_err(|_| bad("item"))?,
            value: u8::try_from(value).map_err(|_| bad("value"))?,
            count: u64::try_from(count).map_err(|_| bad("count"))?,
        });
        Ok::<_, DomainError>(())
    })?;
    let stored = aggregates::load_counts(conn, &c.id)?;
    let queried = started.elapsed();
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
    tracing::debug!(
        campaign = %c.id,
        rows = data.histograms.len() + data.respondents.len() + data.orientation.len(),
        query_ms = queried.as_millis() as u64,
        total_ms = started.elapsed().as_millis() as u64,
        "aggregates loaded"
    );
    Ok(data)
}

/// The value parsed from the last text seen, reused while the text repeats.
struct Last<T> {
    text: String,
    value: Option<T>,
}

impl<T> Default for Last<T> {
    fn default() -> Self {
        Last {
            text: String::new(),
            value: None,
        }
    }
}

impl<T: Clone> Last<T> {
    fn get<E>(&mut self, text: &str, parse: impl FnOnce(&str) -> Result<T, E>) -> Result<T, E> {
        match &self.value {
            Some(value) if self.text == text => Ok(value.clone()),
            _ => {
                let value = parse(text)?;
                self.text.clear();
                self.text.push_str(text);
                self.value = Some(value.clone());
                Ok(value)
            }
        }
    }
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
    match team_code {
        None => authorise(p, Action::ViewOrganisationResults { org }),
        Some(code) => {
            let all = team::list_by_org(conn, org)?;
            let t = all.iter().find(|t| t.code == code).ok_or(DomainError::NotFound)?;
            let lineage = super::teams::lineage(&all, &t.id);
            authorise(p, Action::ViewTeam { org, lineage: &lineage })
        }
    }
}

/// The settings a campaign's counts and figures are shown with: the
/// publication's threshold once the wave is closed, the organisation's
/// while it is open.
pub fn settings_for(conn: &mut DbConn, c: &Campaign) -> DomainResult<Settings> {
    let org = organisation::find(conn, &c.organisation_id)?.ok_or(DomainError::NotFound)?;
    if is_published(c) {
        return Ok(settings_of(publication(conn, c)?.threshold, &org));
    }
    Ok(settings_of(org.anonymity_threshold, &org))
}

/// The settings of a report: the anonymity threshold it is published
/// with, and the organisation's label thresholds.
fn settings_of(threshold: i32, org: &organisation::Organisation) -> Settings {
    Settings {
        anonymity_threshold: u64::try_from(threshold).unwrap_or(5),
        label: crate::analytics::label::LabelThresholds {
            floor: f64::from(org.label_floor),
            average: f64::from(org.label_average),
        },
        ..Settings::default()
    }
}

/// What a closed wave's figures are published with.
pub struct Publication {
    pub threshold: i32,
    pub teams: Vec<Team>,
}

/// The threshold and team tree of a closed wave, frozen at the first read
/// after its close (METHOD.md §7): moving a team or changing the threshold
/// later would give a second publication of the same answers, and the
/// difference of two publications can be a hidden group.
pub fn publication(conn: &mut DbConn, c: &Campaign) -> DomainResult<Publication> {
    let parse = |(threshold, teams): (i32, String)| -> DomainResult<Publication> {
        let teams = serde_json::from_str(&teams).map_err(|e| DomainError::Unexpected(e.into()))?;
        Ok(Publication { threshold, teams })
    };
    if let Some(frozen) = frozen::find(conn, &c.id)? {
        return parse(frozen);
    }
    let teams = team::list_by_org(conn, &c.organisation_id)?;
    let org = organisation::find(conn, &c.organisation_id)?.ok_or(DomainError::NotFound)?;
    let text = serde_json::to_string(&teams).map_err(|e| DomainError::Unexpected(e.into()))?;
    frozen::insert(conn, &c.id, org.anonymity_threshold, &text)?;
    // A concurrent first read may have frozen it first: its copy stands.
    parse(frozen::find(conn, &c.id)?.ok_or(DomainError::NotFound)?)
}

/// What every report of a campaign is built from besides its aggregates,
/// and the stamp a kept report must carry.
struct Inputs {
    teams: Vec<Team>,
    settings: Settings,
    stamp: Arc<Stamp>,
    /// The stamp's digest, computed at the first look in the database.
    digest: std::cell::OnceCell<String>,
}

impl Inputs {
    fn load(conn: &mut DbConn, c: &Campaign) -> DomainResult<Inputs> {
        // Figures of a wave are published when it closes (METHOD.md §7):
        // while it is open, each new answer would be the difference between
        // two reports.
        if !is_published(c) {
            return Err(DomainError::Conflict("error-not-published"));
        }
        // Stamp before data: a report is never older than its stamp.
        let Publication { threshold, teams } = publication(conn, c)?;
        let version = aggregates::version(conn, &c.id)?;
        let org = organisation::find(conn, &c.organisation_id)?.ok_or(DomainError::NotFound)?;
        let label = (org.label_floor, org.label_average);
        let stamp = Arc::new(Stamp::new(
            c.status.as_str(),
            &c.name,
            version,
            threshold,
            label,
            &teams,
        ));
        Ok(Inputs {
            teams,
            settings: settings_of(threshold, &org),
            stamp,
            digest: std::cell::OnceCell::new(),
        })
    }

    fn digest(&self) -> &str {
        self.digest.get_or_init(|| self.stamp.digest())
    }

    /// The value kept for `key` with these inputs: in this instance's
    /// memory, or else published in the database (by this instance or
    /// another, before a restart or not). A stored body that no longer
    /// reads is treated as absent and rebuilt.
    fn recall(&self, conn: &mut DbConn, key: &Key) -> DomainResult<Option<Value>> {
        if let Some(value) = report_cache::get(key, &self.stamp) {
            return Ok(Some(value));
        }
        let campaign = match key {
            Key::Report { campaign, .. } | Key::Json { campaign, .. } | Key::Channels { campaign } => campaign,
        };
        let Some(body) = frozen::find_report(conn, campaign, &key.kind(), self.digest())? else {
            return Ok(None);
        };
        let body = bytes::Bytes::from(body);
        let value = match key {
            Key::Json { .. } => Some(Value::Json(body.clone(), 1)),
            Key::Report { .. } => stored::from_slice(&body).ok().map(|r| Value::Report(Arc::new(r))),
            Key::Channels { .. } => stored::from_slice(&body).ok().map(|v| Value::Channels(Arc::new(v))),
        };
        let Some(value) = value else {
            tracing::warn!(campaign = %campaign, "a stored report no longer reads: rebuilt");
            return Ok(None);
        };
        let value = match value {
            Value::Json(json, _) => Value::Json(json, self.teams.len() + 1),
            other => other,
        };
        report_cache::put(key.clone(), self.stamp.clone(), value.clone());
        Ok(Some(value))
    }

    /// Keeps a value built with these inputs, in memory and in the
    /// database (`body`: its kept text, `stored::to_vec`, or the API's JSON).
    fn keep(&self, conn: &mut DbConn, key: Key, value: Value, body: &[u8]) -> DomainResult<()> {
        let campaign = match &key {
            Key::Report { campaign, .. } | Key::Json { campaign, .. } | Key::Channels { campaign } => campaign.clone(),
        };
        frozen::store_report(conn, &campaign, &key.kind(), self.digest(), body)?;
        report_cache::put(key, self.stamp.clone(), value);
        Ok(())
    }
}

/// The JSON text the API serves.
fn to_json<T: serde::Serialize>(value: &T) -> DomainResult<bytes::Bytes> {
    Ok(bytes::Bytes::from(
        serde_json::to_vec(value).map_err(|e| DomainError::Unexpected(e.into()))?,
    ))
}

/// The text a report is kept as (with the counts wave comparisons use).
fn to_kept<T: serde::Serialize>(value: &T) -> DomainResult<Vec<u8>> {
    stored::to_vec(value).map_err(|e| DomainError::Unexpected(e.into()))
}

/// The comments of `population` in a group (the team and its sub-teams in
/// the published tree) that may be shown beside the group's published figures: only
/// those of teams whose own respondents of that population number at least
/// k, so that the difference between two groups' comments (a region's
/// minus its shown teams') is never the comments of fewer than k people.
pub fn published_comments(
    conn: &mut DbConn,
    c: &Campaign,
    team_id: &str,
    population: Population,
) -> DomainResult<Vec<String>> {
    if !is_published(c) {
        return Err(DomainError::Conflict("error-not-published"));
    }
    let Publication { threshold, teams } = publication(conn, c)?;
    let k = u64::try_from(threshold).unwrap_or(5);
    let team_ids = super::teams::Hierarchy::new(&teams).subtree(team_id);
    let own = aggregates::respondents_per_team(conn, &c.id)?;
    let shown: Vec<String> = team_ids
        .iter()
        .filter(|id| {
            let n = own
                .get(&((*id).clone(), population.as_str().to_string()))
                .copied()
                .unwrap_or(0);
            u64::try_from(n).unwrap_or(0) >= k
        })
        .cloned()
        .collect();
    Ok(crate::db::models::response::comments(
        conn,
        &c.id,
        &shown,
        population.as_str(),
    )?)
}

/// Whether the figures of a campaign are published: from its close on.
pub fn is_published(c: &Campaign) -> bool {
    c.status.is_published()
}

fn meta_of(c: &Campaign) -> CampaignMeta {
    CampaignMeta {
        id: c.id.clone(),
        name: c.name.clone(),
        status: c.status.as_str().to_string(),
    }
}

fn engine_error(e: crate::analytics::AnalyticsError) -> DomainError {
    DomainError::Unexpected(anyhow::anyhow!("report: {e}"))
}

/// The report of a campaign (optionally one team's subtree, one channel).
pub fn report(
    conn: &mut DbConn,
    p: &Principal,
    campaign_id: &str,
    team_code: Option<&str>,
    channel: Option<&str>,
) -> DomainResult<Arc<CampaignReport>> {
    let (c, channel) = readable(conn, p, campaign_id, team_code, channel)?;
    report_unchecked(conn, &c, team_code, channel)
}

/// The campaign and parsed channel of a report request the principal may
/// read (404 for another organisation's campaign, 403 for too little role).
fn readable(
    conn: &mut DbConn,
    p: &Principal,
    campaign_id: &str,
    team_code: Option<&str>,
    channel: Option<&str>,
) -> DomainResult<(Campaign, Option<Channel>)> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise_report(conn, p, &c, team_code)?;
    let channel = channel
        .map(|ch| Channel::parse(ch).map_err(|_| DomainError::Field("channel", "error-import-channel")))
        .transpose()?;
    Ok((c, channel))
}

/// The report without asking the policy (for callers that already did).
/// Reports of closed and archived campaigns come from the cache while
/// nothing they depend on has changed (`report_cache`).
pub fn report_unchecked(
    conn: &mut DbConn,
    c: &Campaign,
    team_code: Option<&str>,
    channel: Option<Channel>,
) -> DomainResult<Arc<CampaignReport>> {
    let inputs = Inputs::load(conn, c)?;
    report_from(conn, c, &inputs, team_code, channel)
}

/// The report for inputs already loaded: kept (memory, database), or built
/// and kept.
fn report_from(
    conn: &mut DbConn,
    c: &Campaign,
    inputs: &Inputs,
    team_code: Option<&str>,
    channel: Option<Channel>,
) -> DomainResult<Arc<CampaignReport>> {
    let key = Key::Report {
        campaign: c.id.clone(),
        team: team_code.map(str::to_string),
        channel,
    };
    if let Some(Value::Report(report)) = inputs.recall(conn, &key)? {
        return Ok(report);
    }
    let data = data_from(conn, c, &inputs.teams)?;
    let filter = ReportFilter {
        team: team_code.map(str::to_string),
        channel,
    };
    let started = std::time::Instant::now();
    let report = Arc::new(build_report(&data, &inputs.settings, &meta_of(c), &filter).map_err(engine_error)?);
    tracing::debug!(campaign = %c.id, engine_ms = started.elapsed().as_millis() as u64, "report built");
    keep_report(conn, inputs, key, &report)?;
    Ok(report)
}

/// Keeps a built report and the API's JSON text of it.
fn keep_report(conn: &mut DbConn, inputs: &Inputs, key: Key, report: &Arc<CampaignReport>) -> DomainResult<()> {
    let Key::Report {
        campaign,
        team,
        channel,
    } = key.clone()
    else {
        return Ok(());
    };
    inputs.keep(conn, key, Value::Report(report.clone()), &to_kept(&**report)?)?;
    let json = to_json(&**report)?;
    inputs.keep(
        conn,
        Key::Json {
            campaign,
            team,
            channel,
        },
        Value::Json(json.clone(), report.teams.len() + 1),
        &json,
    )
}

/// The report as the API serves it (JSON text, in pieces to send one after
/// the other), for a principal allowed to read it: the published text
/// itself, kept like the report, then the cross-wave keys.
pub fn report_json(
    conn: &mut DbConn,
    p: &Principal,
    campaign_id: &str,
    team_code: Option<&str>,
    channel: Option<&str>,
) -> DomainResult<Vec<bytes::Bytes>> {
    let (c, channel) = readable(conn, p, campaign_id, team_code, channel)?;
    let inputs = Inputs::load(conn, &c)?;
    let key = Key::Json {
        campaign: c.id.clone(),
        team: team_code.map(str::to_string),
        channel,
    };
    let whole = team_code.is_none() && channel.is_none();
    if let Some(Value::Json(json, _)) = inputs.recall(conn, &key)? {
        return with_waves(conn, &c, whole, json);
    }
    let report = report_from(conn, &c, &inputs, team_code, channel)?;
    let json = match report_cache::get(&key, &inputs.stamp) {
        Some(Value::Json(json, _)) => json,
        _ => to_json(&*report)?,
    };
    with_waves(conn, &c, whole, json)
}

/// The cross-wave keys of the report (issue #15), added after the cached
/// body since they also depend on the previous wave and on the actions
/// adopted in it: `comparison` (the previous published wave and the
/// cross-lagged panel, `null` without one) and `actions` (the points
/// adopted for teams in the previous wave and their difference in
/// differences). Organisation-wide figures: `null` and `[]` in a report
/// filtered by team or channel.
fn with_waves(conn: &mut DbConn, c: &Campaign, whole: bool, json: bytes::Bytes) -> DomainResult<Vec<bytes::Bytes>> {
    #[derive(serde::Serialize)]
    struct Previous<'a> {
        id: &'a str,
        name: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Comparison<'a> {
        previous_campaign: Previous<'a>,
        cross_lagged: &'a crate::analytics::CrossLagged,
    }
    #[derive(serde::Serialize)]
    struct Extra<'a> {
        comparison: Option<Comparison<'a>>,
        actions: Vec<&'a super::actions::AdoptedPoint>,
    }
    let cross = if whole { cross_wave(conn, c)? } else { None };
    let extra = match &cross {
        Some(cross) => Extra {
            comparison: Some(Comparison {
                previous_campaign: Previous {
                    id: &cross.previous.id,
                    name: &cross.previous.name,
                },
                cross_lagged: &cross.comparison.cross_lagged,
            }),
            actions: cross.actions.iter().collect(),
        },
        None => Extra {
            comparison: None,
            actions: Vec::new(),
        },
    };
    let extra = serde_json::to_vec(&extra).map_err(|e| DomainError::Unexpected(e.into()))?;
    // Both are JSON objects: "{…report…}" + "{…extra…}" → "{…report…,…extra…}",
    // the report's text shared, not copied.
    let (Some(b'}'), Some(b'{')) = (json.last(), extra.first()) else {
        return Err(DomainError::Unexpected(anyhow::anyhow!(
            "a report is not a JSON object"
        )));
    };
    let mut rest = extra;
    rest[0] = b',';
    Ok(vec![json.slice(..json.len() - 1), bytes::Bytes::from(rest)])
}

/// A published wave beside the previous one (issue #15): the previous
/// published wave, the comparison of the two organisation reports (with
/// the cross-lagged panel), and every point adopted for teams in the
/// previous wave with its difference in differences. Organisation-wide
/// figures, for a caller that checked the reader may see the organisation's
/// results.
pub struct CrossWave {
    pub previous: Campaign,
    pub comparison: crate::analytics::WaveComparison,
    pub actions: Vec<super::actions::AdoptedPoint>,
}

pub fn cross_wave(conn: &mut DbConn, c: &Campaign) -> DomainResult<Option<CrossWave>> {
    if !is_published(c) {
        return Ok(None);
    }
    let Some(previous) = previous_published(conn, c)? else {
        return Ok(None);
    };
    let before = report_unchecked(conn, &previous, None, None)?;
    let after = report_unchecked(conn, c, None, None)?;
    let comparison = crate::analytics::compare_waves(&before, &after);
    let actions = super::actions::adopted_points(conn, &previous, &before, &after)?;
    Ok(Some(CrossWave {
        previous,
        comparison,
        actions,
    }))
}

/// The points adopted for teams in `previous` (a published wave) and their
/// difference in differences against `after`, the organisation report of
/// the wave that follows it (a dashboard's, whose comparison is already
/// made).
pub fn adopted_since(
    conn: &mut DbConn,
    previous: &Campaign,
    after: &CampaignReport,
) -> DomainResult<Vec<super::actions::AdoptedPoint>> {
    let before = report_unchecked(conn, previous, None, None)?;
    super::actions::adopted_points(conn, previous, &before, after)
}

/// The organisation report and channel view, from one load of the
/// aggregates (or both kept).
fn organisation_figures(
    conn: &mut DbConn,
    c: &Campaign,
) -> DomainResult<(Arc<CampaignReport>, Arc<Option<ChannelView>>)> {
    let inputs = Inputs::load(conn, c)?;
    let report_key = Key::Report {
        campaign: c.id.clone(),
        team: None,
        channel: None,
    };
    let channels_key = Key::Channels { campaign: c.id.clone() };
    if let (Some(Value::Report(report)), Some(Value::Channels(channels))) =
        (inputs.recall(conn, &report_key)?, inputs.recall(conn, &channels_key)?)
    {
        return Ok((report, channels));
    }
    let started = std::time::Instant::now();
    let data = data_from(conn, c, &inputs.teams)?;
    let loaded = started.elapsed();
    // One preparation and one suppression decision serve both views.
    let (report, channels) = crate::analytics::organisation_report_and_channels(&data, &inputs.settings, &meta_of(c))
        .map_err(engine_error)?;
    let (report, channels) = (Arc::new(report), Arc::new(Some(channels)));
    drop(data);
    let built = started.elapsed();
    keep_report(conn, &inputs, report_key, &report)?;
    let kept = to_kept(&*channels)?;
    inputs.keep(conn, channels_key, Value::Channels(channels.clone()), &kept)?;
    let ms = |d: std::time::Duration| d.as_millis() as u64;
    tracing::debug!(
        campaign = %c.id,
        load_ms = ms(loaded),
        engine_ms = ms(built - loaded),
        keep_ms = ms(started.elapsed() - built),
        "organisation figures published"
    );
    Ok((report, channels))
}

/// Publishes a wave that has just closed (or whose aggregates were rebuilt
/// after its close): freezes its publication and builds its organisation
/// report and channel view once, kept in the database for every instance.
/// Other views (a team's subtree, a channel) are built at their first read
/// and kept the same way.
pub fn publish(conn: &mut DbConn, c: &Campaign) -> DomainResult<()> {
    organisation_figures(conn, c).map(|_| ())
}

/// Everything the organisation dashboard shows: the report, the channel
/// view, and the comparison with the previous wave when there is one.
pub struct Dashboard {
    pub campaign: Campaign,
    pub report: Arc<CampaignReport>,
    pub channels: Arc<Option<ChannelView>>,
    pub previous: Option<(Campaign, crate::analytics::WaveComparison)>,
}

pub fn dashboard(conn: &mut DbConn, p: &Principal, campaign_id: &str) -> DomainResult<Dashboard> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise_report(conn, p, &c, None)?;
    let (report, channels) = organisation_figures(conn, &c)?;
    let previous = compare_with_previous(conn, &c, &report)?;
    Ok(Dashboard {
        campaign: c,
        report,
        channels,
        previous,
    })
}

/// The published wave of `c`'s organisation that opened last before it.
fn previous_published(conn: &mut DbConn, c: &Campaign) -> DomainResult<Option<Campaign>> {
    let all = campaign::list_by_org(conn, &c.organisation_id)?;
    Ok(all
        .into_iter()
        .filter(|x| x.id != c.id && x.opens_on < c.opens_on && is_published(x))
        .max_by_key(|x| x.opens_on))
}

/// The previous wave and its comparison with `report` (the organisation
/// report of `c`).
fn compare_with_previous(
    conn: &mut DbConn,
    c: &Campaign,
    report: &CampaignReport,
) -> DomainResult<Option<(Campaign, crate::analytics::WaveComparison)>> {
    let Some(prev) = previous_published(conn, c)? else {
        return Ok(None);
    };
    let before = report_unchecked(conn, &prev, None, None)?;
    let comparison = crate::analytics::compare_waves(&before, report);
    Ok(Some((prev, comparison)))
}

/// The comparison of a published wave with the previous one, both the
/// whole organisation's published reports, for a caller that has already
/// checked the reader may see the part it will show (a team page shows
/// its team's entry only). Both waves are closed, so every change is the
/// difference of two published figures (METHOD.md §7).
pub fn previous_wave(
    conn: &mut DbConn,
    c: &Campaign,
) -> DomainResult<Option<(Campaign, crate::analytics::WaveComparison)>> {
    if !is_published(c) {
        return Ok(None);
    }
    let Some(prev) = previous_published(conn, c)? else {
        return Ok(None);
    };
    let report = report_unchecked(conn, c, None, None)?;
    let before = report_unchecked(conn, &prev, None, None)?;
    let comparison = crate::analytics::compare_waves(&before, &report);
    Ok(Some((prev, comparison)))
}

/// The name of a dashboard's organisation (an export's file name): the
/// dashboard is the proof that its reader may see it.
pub fn organisation_name(conn: &mut DbConn, d: &Dashboard) -> DomainResult<String> {
    let org = organisation::find(conn, &d.campaign.organisation_id)?.ok_or(DomainError::NotFound)?;
    Ok(org.name)
}

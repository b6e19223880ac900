//! Whom a survey link or a self-assessment is for: the campaign, the team,
//! the population and where the form posts, resolved from a public team
//! link, a single-use invitation or a signed-in manager or executive.
//! Links that cannot be answered come back as `DomainError`s the survey
//! pages turn into friendly messages (unknown link, used, closed).

use std::collections::HashMap;

use super::campaigns::{self, Campaign, CampaignStatus};
use super::collection::{self, DONT_KNOW};
use super::{authorise, DbConn, DomainError, DomainResult};
use crate::analytics::{Channel, InstrumentVersion, Population};
use crate::auth::policy::{Action, Principal};
use crate::db::models::{campaign, organisation, response, team};

/// A survey form's target.
#[derive(Debug, Clone)]
pub struct Target {
    pub campaign: Campaign,
    /// The organisation's default language (the form's fallback).
    pub org_default: String,
    /// The organisation's name: what respondents know (the campaign's
    /// name is internal).
    pub org_name: String,
    pub team_name: Option<String>,
    pub population: Population,
    /// Where the form posts.
    pub action: String,
    pub channel: Option<Channel>,
}

impl Target {
    /// The instrument version the campaign was opened with: the questions
    /// asked and the scales checked.
    pub fn instrument(&self) -> InstrumentVersion {
        super::instrument::campaign_version(self.campaign.instrument_version)
    }
}

/// The organisation's default language and name.
fn organisation_of(conn: &mut DbConn, org: &str) -> DomainResult<(String, String)> {
    Ok(organisation::find(conn, org)?
        .map(|o| (o.default_language, o.name))
        .unwrap_or_default())
}

fn ensure_open(c: &Campaign) -> DomainResult<()> {
    if c.status == CampaignStatus::Open {
        Ok(())
    } else {
        Err(DomainError::Conflict("error-campaign-closed"))
    }
}

/// A customer's public team link; answers the target and the team's id.
pub fn customer_target(
    conn: &mut DbConn,
    code: &str,
    team_code: &str,
    channel: Channel,
) -> DomainResult<(Target, String)> {
    let c = campaign::find_by_code(conn, code)?.ok_or(DomainError::NotFound)?;
    let t = team::find_by_code(conn, &c.organisation_id, team_code)?.ok_or(DomainError::NotFound)?;
    if !c.includes(Population::Customer) {
        return Err(DomainError::NotFound);
    }
    ensure_open(&c)?;
    let (org_default, org_name) = organisation_of(conn, &c.organisation_id)?;
    let target = Target {
        action: format!("/s/{}/{}", c.code, t.code),
        campaign: c,
        org_default,
        org_name,
        team_name: Some(t.name),
        population: Population::Customer,
        channel: Some(channel),
    };
    Ok((target, t.id))
}

/// An employee's single-use invitation.
pub fn employee_target(conn: &mut DbConn, token: &str) -> DomainResult<Target> {
    let (c, team_id) = collection::invitation(conn, token)?;
    ensure_open(&c)?;
    let t = team::find(conn, &c.organisation_id, &team_id)?;
    let (org_default, org_name) = organisation_of(conn, &c.organisation_id)?;
    Ok(Target {
        action: format!("/i/{token}"),
        campaign: c,
        org_default,
        org_name,
        team_name: t.map(|t| t.name),
        population: Population::Employee,
        channel: None,
    })
}

/// The change stamp of what survey forms show: triggers move it on every
/// write to organisations, teams and campaigns (`web::survey_cache`).
pub fn page_stamp(conn: &mut DbConn) -> DomainResult<i64> {
    Ok(crate::db::models::page_stamp::current(conn)?)
}

/// Whether a submission with this idempotency key was stored (a second
/// click after success finds the invitation used).
pub fn submission_seen(conn: &mut DbConn, key: &str) -> DomainResult<bool> {
    Ok(response::submission_key_exists(conn, key)?)
}

/// A signed self-assessment (`team_id`: a manager's team; `None`: the
/// executives' estimates); the author's previous answers fill the form.
pub fn signed_target(
    conn: &mut DbConn,
    p: &Principal,
    author: &str,
    org_id: &str,
    cid: &str,
    team_id: Option<&str>,
) -> DomainResult<(Target, HashMap<String, String>)> {
    let c = campaigns::get(conn, p, org_id, cid)?;
    let (population, team_name, action) = match team_id {
        Some(t) => {
            authorise(p, Action::SelfAssess { org: org_id, team: t })?;
            let team = team::find(conn, org_id, t)?.ok_or(DomainError::NotFound)?;
            (
                Population::Manager,
                Some(team.name),
                format!("/orgs/{org_id}/campaigns/{cid}/self/{t}"),
            )
        }
        None => {
            authorise(p, Action::ExecutiveAssess { org: org_id })?;
            (
                Population::Executive,
                None,
                format!("/orgs/{org_id}/campaigns/{cid}/executive"),
            )
        }
    };
    if !c.includes(population) {
        return Err(DomainError::NotFound);
    }
    let mut typed = HashMap::new();
    if let Some(previous) = response::find_signed(conn, &c.id, team_id, population.as_str(), author)? {
        let answered: HashMap<String, String> = response::answers_of(conn, &previous.id)?
            .into_iter()
            .map(|(k, v)| (k, v.to_string()))
            .collect();
        let version = super::instrument::campaign_version(c.instrument_version);
        for (def, _) in super::instrument::items_for(version, population) {
            let value = answered.get(&def.code).cloned().unwrap_or_else(|| DONT_KNOW.into());
            typed.insert(def.code.clone(), value);
        }
    }
    let (org_default, org_name) = organisation_of(conn, org_id)?;
    Ok((
        Target {
            campaign: c,
            org_default,
            org_name,
            team_name,
            population,
            action,
            channel: None,
        },
        typed,
    ))
}

//! The consultant's part of a campaign's audit report: their findings and
//! recommendations (stored per campaign) and the comments they quote.
//!
//! Reading follows the report (whoever may read the organisation's
//! results); writing asks the policy (`Action::WriteAuditNotes`: the
//! organisation's consultants and directors, the platform administrator).
//!
//! A comment can be quoted only when its population is published for its
//! own team at that wave: the team's own respondents of that population
//! number at least k *and* the published report shows that population for
//! that team. Then quoting it with the team's name says no more than the
//! team's results page does. The rule is checked when the selection is
//! saved (a forged form cannot store another comment) and again on every
//! read (a stored selection never outlives the rule).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{authorise, reports, DbConn, DomainError, DomainResult};
use crate::analytics::Population;
use crate::auth::policy::{Action, Decision, Principal};
use crate::db::models::audit;
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::{aggregates, now};

/// Longest findings or recommendations text, in characters (about ten
/// printed pages each).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most comments one report quotes.
pub const MAX_QUOTES: usize = 30;

/// What the consultant typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NotesInput {
    pub findings: String,
    pub recommendations: String,
}

/// A campaign's notes: empty texts when none were written yet.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AuditNotes {
    pub findings: String,
    pub recommendations: String,
    pub updated_at: Option<chrono::NaiveDateTime>,
    /// The last author's name, while their account exists.
    pub author: Option<String>,
}

impl AuditNotes {
    pub fn is_empty(&self) -> bool {
        self.findings.trim().is_empty() && self.recommendations.trim().is_empty()
    }
}

/// A comment that may be quoted, with where it comes from.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    /// The response it belongs to (a random id).
    pub id: String,
    pub team_code: String,
    pub team_name: String,
    pub population: &'static str,
    pub text: String,
}

/// The campaign, for a principal who may read its organisation's results
/// (404 outside the organisation, 403 for a manager).
fn readable(conn: &mut DbConn, p: &Principal, campaign_id: &str) -> DomainResult<Campaign> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    let org = c.organisation_id.as_str();
    authorise(p, Action::ViewOrganisation { org })?;
    authorise(p, Action::ViewOrganisationResults { org })?;
    Ok(c)
}

/// The campaign of organisation `org`, for a principal who may write its
/// audit notes.
fn writable(conn: &mut DbConn, p: &Principal, org: &str, campaign_id: &str) -> DomainResult<Campaign> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    if c.organisation_id != org {
        return Err(DomainError::NotFound);
    }
    authorise(p, Action::ViewOrganisation { org })?;
    authorise(p, Action::WriteAuditNotes { org })?;
    Ok(c)
}

/// May this person write the notes of the organisation's audit reports?
pub fn may_write(p: &Principal, org: &str) -> bool {
    p.may(Action::WriteAuditNotes { org }) == Decision::Allow
}

pub fn get(conn: &mut DbConn, p: &Principal, campaign_id: &str) -> DomainResult<AuditNotes> {
    let c = readable(conn, p, campaign_id)?;
    Ok(match audit::find_notes(conn, &c.id)? {
        Some(row) => AuditNotes {
            findings: row.findings,
            recommendations: row.recommendations,
            updated_at: Some(row.updated_at),
            author: row.author_name,
        },
        None => AuditNotes::default(),
    })
}

/// One text as stored: line ends made `\n`, trailing blanks dropped;
/// refused when too long or holding control characters.
fn clean(field: &'static str, text: &str) -> DomainResult<String> {
    super::types::reject_control_characters(text).map_err(|k| DomainError::Field(field, k))?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(DomainError::Field(field, "audit-error-too-long"));
    }
    Ok(text.to_string())
}

pub fn save(
    conn: &mut DbConn,
    p: &Principal,
    org: &str,
    campaign_id: &str,
    input: &NotesInput,
) -> DomainResult<AuditNotes> {
    let c = writable(conn, p, org, campaign_id)?;
    let findings = clean("findings", &input.findings)?;
    let recommendations = clean("recommendations", &input.recommendations)?;
    audit::save_notes(conn, &c.id, &findings, &recommendations, &p.user_id, now())?;
    get(conn, p, campaign_id)
}

/// Every comment of a published wave that may be quoted (see the module
/// comment), team by team in the published tree's order.
fn quotable(conn: &mut DbConn, c: &Campaign) -> DomainResult<Vec<Quote>> {
    if !reports::is_published(c) {
        return Err(DomainError::Conflict("error-not-published"));
    }
    let publication = reports::publication(conn, c)?;
    let k = u64::try_from(publication.threshold).unwrap_or(u64::MAX);
    let report = reports::report_unchecked(conn, c, None, None)?;
    let shown: HashMap<&str, &crate::analytics::GroupReport> =
        report.teams.iter().map(|t| (t.code.as_str(), &t.group)).collect();
    let own = aggregates::respondents_per_team(conn, &c.id)?;
    let mut out = Vec::new();
    for population in [Population::Customer, Population::Employee] {
        let published = |group: &crate::analytics::GroupReport| match population {
            Population::Customer => !group.suppressed.customer && group.n.customer.is_some_and(|n| n >= k),
            _ => !group.suppressed.employee && group.n.employee.is_some_and(|n| n >= k),
        };
        let eligible: Vec<&crate::db::models::team::Team> = publication
            .teams
            .iter()
            .filter(|t| {
                let own_n = own
                    .get(&(t.id.clone(), population.as_str().to_string()))
                    .copied()
                    .and_then(|n| u64::try_from(n).ok())
                    .unwrap_or(0);
                own_n >= k && shown.get(t.code.as_str()).is_some_and(|g| published(g))
            })
            .collect();
        let ids: Vec<String> = eligible.iter().map(|t| t.id.clone()).collect();
        let by_id: HashMap<&str, &crate::db::models::team::Team> =
            eligible.iter().map(|t| (t.id.as_str(), *t)).collect();
        for row in audit::comments_of(conn, &c.id, &ids, population.as_str())? {
            let Some(team) = by_id.get(row.team_id.as_str()) else {
                continue;
            };
            out.push(Quote {
                id: row.response_id,
                team_code: team.code.clone(),
                team_name: team.name.clone(),
                population: population.as_str(),
                text: row.text,
            });
        }
    }
    let order: HashMap<&str, usize> = publication
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.code.as_str(), i))
        .collect();
    out.sort_by_key(|q| (order.get(q.team_code.as_str()).copied(), q.population, q.id.clone()));
    Ok(out)
}

/// The comments quoted in a campaign's report, in the consultant's order;
/// only those the rule still allows.
pub fn quotes(conn: &mut DbConn, p: &Principal, campaign_id: &str) -> DomainResult<Vec<Quote>> {
    let c = readable(conn, p, campaign_id)?;
    let ids = audit::quoted_ids(conn, &c.id)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut allowed: HashMap<String, Quote> = quotable(conn, &c)?.into_iter().map(|q| (q.id.clone(), q)).collect();
    Ok(ids.iter().filter_map(|id| allowed.remove(id)).collect())
}

/// What the consultant chooses from: every quotable comment, and which
/// are chosen now.
#[derive(Debug, Serialize)]
pub struct Selection {
    pub campaign: Campaign,
    /// The wave's anonymity threshold.
    pub k: u64,
    pub candidates: Vec<Quote>,
    pub selected: HashSet<String>,
}

pub fn selection(conn: &mut DbConn, p: &Principal, org: &str, campaign_id: &str) -> DomainResult<Selection> {
    let c = writable(conn, p, org, campaign_id)?;
    let candidates = quotable(conn, &c)?;
    let selected = audit::quoted_ids(conn, &c.id)?.into_iter().collect();
    let k = u64::try_from(reports::publication(conn, &c)?.threshold).unwrap_or(u64::MAX);
    Ok(Selection {
        k,
        campaign: c,
        candidates,
        selected,
    })
}

/// Replaces the quoted comments by `ids`; refused whole when one of them
/// is not a quotable comment of this campaign, or when there are too many.
pub fn save_quotes(
    conn: &mut DbConn,
    p: &Principal,
    org: &str,
    campaign_id: &str,
    ids: &[String],
) -> DomainResult<usize> {
    let c = writable(conn, p, org, campaign_id)?;
    let mut seen = HashSet::new();
    let ids: Vec<String> = ids.iter().filter(|id| seen.insert(id.as_str())).cloned().collect();
    if ids.len() > MAX_QUOTES {
        return Err(DomainError::Field("quotes", "audit-error-too-many-quotes"));
    }
    let allowed: HashSet<String> = quotable(conn, &c)?.into_iter().map(|q| q.id).collect();
    if ids.iter().any(|id| !allowed.contains(id)) {
        return Err(DomainError::Field("quotes", "audit-error-quote-refused"));
    }
    audit::replace_quotes(conn, &c.id, &ids)?;
    Ok(ids.len())
}

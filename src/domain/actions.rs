//! The action plan: adopting a point of the ten-point plan for a team or the
//! organisation, following its status with history, and measuring its effect
//! in the next wave (METHOD.md §8).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{authorise, DomainError, DomainResult};
use crate::analytics::{
    action_effect, difference_in_differences, ActionEffect, CampaignReport, DifferenceInDifferences, GroupReport,
};
use crate::auth::policy::{Action, Principal};
use crate::db::models::action::{self, ActionEvent, ActionRow};
use crate::db::models::campaign::{self, Campaign};
use crate::db::models::{new_id, now, team};
use crate::db::DbConn;

pub use crate::db::models::action::ActionStatus;

/// The statuses in the order the forms offer them.
pub const STATUSES: &[ActionStatus] = ActionStatus::ALL;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AdoptInput {
    /// Empty for the whole organisation.
    pub team: String,
    pub point: String,
    pub owner: String,
    /// `YYYY-MM-DD`, optional.
    pub due_on: String,
    pub note: String,
}

/// The lineage of a team code ([] for the organisation).
fn lineage_of(conn: &mut DbConn, org: &str, team_code: Option<&str>) -> DomainResult<(Option<String>, Vec<String>)> {
    let Some(code) = team_code else {
        return Ok((None, Vec::new()));
    };
    let all = team::list_by_org(conn, org)?;
    let t = all
        .iter()
        .find(|t| t.code == code)
        .ok_or(DomainError::Field("team", "error-team-unknown"))?;
    Ok((Some(t.id.clone()), super::teams::lineage(&all, &t.id)))
}

pub fn adopt(
    conn: &mut DbConn,
    p: &Principal,
    author: &str,
    campaign_id: &str,
    input: &AdoptInput,
) -> DomainResult<ActionRow> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    let org = c.organisation_id.clone();
    authorise(p, Action::ViewOrganisation { org: &org })?;
    let team_code = Some(input.team.trim()).filter(|t| !t.is_empty());
    let (team_id, lineage) = lineage_of(conn, &org, team_code)?;
    authorise(
        p,
        Action::ManageActions {
            org: &org,
            lineage: &lineage,
        },
    )?;
    if !super::instrument::action_plan().iter().any(|a| a.code == input.point) {
        return Err(DomainError::Field("point", "error-action-unknown"));
    }
    let owner = super::types::parse_name(&input.owner).map_err(|k| DomainError::Field("owner", k))?;
    let due_on = match input.due_on.trim() {
        "" => None,
        d => Some(super::types::parse_date(d).map_err(|k| DomainError::Field("due_on", k))?),
    };
    let note = Some(input.note.trim().chars().take(2000).collect::<String>()).filter(|n| !n.is_empty());
    let row = ActionRow {
        id: new_id(),
        organisation_id: org,
        campaign_id: c.id,
        team_id,
        point: input.point.clone(),
        owner,
        due_on,
        status: ActionStatus::Planned,
        note: note.clone(),
        created_at: now(),
    };
    let event = ActionEvent {
        id: new_id(),
        action_id: row.id.clone(),
        at: now(),
        author: author.into(),
        status: ActionStatus::Planned,
        note,
    };
    crate::db::write_transaction(conn, |conn| {
        action::insert(conn, &row, &event)?;
        super::webhooks::action_updated(conn, &row).map(|_| ())
    })?;
    Ok(row)
}

pub fn set_status(
    conn: &mut DbConn,
    p: &Principal,
    author: &str,
    org: &str,
    id: &str,
    status: &str,
    note: &str,
) -> DomainResult<()> {
    authorise(p, Action::ViewOrganisation { org })?;
    let a = action::find(conn, org, id)?.ok_or(DomainError::NotFound)?;
    let lineage = match &a.team_id {
        Some(t) => super::teams::lineage(&team::list_by_org(conn, org)?, t),
        None => Vec::new(),
    };
    authorise(p, Action::ManageActions { org, lineage: &lineage })?;
    let status = ActionStatus::parse(status).ok_or(DomainError::Field("status", "error-action-status"))?;
    let note = Some(note.trim().chars().take(2000).collect::<String>()).filter(|n| !n.is_empty());
    let event = ActionEvent {
        id: new_id(),
        action_id: a.id.clone(),
        at: now(),
        author: author.into(),
        status,
        note,
    };
    crate::db::write_transaction(conn, |conn| {
        action::set_status(conn, &a.id, status, &event)?;
        super::webhooks::action_updated(conn, &ActionRow { status, ..a }).map(|_| ())
    })?;
    Ok(())
}

/// An action as pages show it: where, its history, and its effect in the
/// next wave when there is one.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub action: ActionRow,
    pub team_code: Option<String>,
    pub team_name: Option<String>,
    pub campaign_name: String,
    pub history: Vec<ActionEvent>,
    pub next_campaign: Option<String>,
    pub effect: Option<ActionEffect>,
    /// The change of the point's targets in the teams it was adopted for
    /// minus the change in the other teams, between this wave and the next.
    pub difference_in_differences: Option<DifferenceInDifferences>,
    /// Due before today and neither done nor dropped.
    pub overdue: bool,
}

/// The campaign that follows `c` in its organisation (by opening date).
pub fn next_campaign(conn: &mut DbConn, c: &Campaign) -> DomainResult<Option<Campaign>> {
    let all = campaign::list_by_org(conn, &c.organisation_id)?;
    Ok(all
        .into_iter()
        .filter(|x| x.id != c.id && x.opens_on > c.opens_on && x.status.is_published())
        .min_by_key(|x| x.opens_on))
}

pub fn group<'r>(report: &'r CampaignReport, team_code: Option<&str>) -> Option<&'r GroupReport> {
    match team_code {
        None => Some(&report.organisation),
        Some(code) => report.teams.iter().find(|t| t.code == code).map(|t| &t.group),
    }
}

/// Every action of an organisation (visible to this principal), with
/// history and effects.
pub fn list(conn: &mut DbConn, p: &Principal, org: &str) -> DomainResult<Vec<ActionView>> {
    authorise(p, Action::ViewOrganisation { org })?;
    let teams = team::list_by_org(conn, org)?;
    let rows = action::list_by_org(conn, org)?;
    let all_rows = rows.clone();
    let mut differences: HashMap<(String, String), Option<DifferenceInDifferences>> = HashMap::new();
    let mut events: HashMap<String, Vec<ActionEvent>> = HashMap::new();
    for e in action::events_of_org(conn, org)? {
        events.entry(e.action_id.clone()).or_default().push(e);
    }
    let mut reports: HashMap<String, Option<Arc<CampaignReport>>> = HashMap::new();
    let mut report_of = |conn: &mut DbConn, c: &Campaign| -> DomainResult<Option<Arc<CampaignReport>>> {
        if let Some(r) = reports.get(&c.id) {
            return Ok(r.clone());
        }
        let r = super::reports::report_unchecked(conn, c, None, None).ok();
        reports.insert(c.id.clone(), r.clone());
        Ok(r)
    };
    let hierarchy = super::teams::Hierarchy::new(&teams);
    let today = chrono::Utc::now().date_naive();
    let mut out = Vec::new();
    for a in rows {
        let t = a.team_id.as_deref().and_then(|id| hierarchy.get(id));
        if let Some(t) = t {
            let lineage = hierarchy.lineage(&t.id);
            if p.may(Action::ViewTeam { org, lineage: &lineage }) != crate::auth::policy::Decision::Allow {
                continue;
            }
        }
        let c = campaign::find_by_id(conn, &a.campaign_id)?.ok_or(DomainError::NotFound)?;
        let next = next_campaign(conn, &c)?;
        let mut did = None;
        let effect = match &next {
            Some(n) => {
                let (before, after) = (report_of(conn, &c)?, report_of(conn, n)?);
                if let (Some(b), Some(af)) = (&before, &after) {
                    let key = (c.id.clone(), a.point.clone());
                    did = match differences.get(&key) {
                        Some(d) => d.clone(),
                        None => {
                            let d = adopting_teams(&all_rows, &teams, &c.id)
                                .get(&a.point)
                                .and_then(|set| difference_in_differences(&a.point, b, af, set).ok());
                            differences.insert(key, d.clone());
                            d
                        }
                    };
                }
                let code = t.map(|t| t.code.as_str());
                match (
                    before.as_ref().and_then(|r| group(r, code)),
                    after.as_ref().and_then(|r| group(r, code)),
                ) {
                    (Some(b), Some(af)) => action_effect(&a.point, b, af).ok(),
                    _ => None,
                }
            }
            None => None,
        };
        out.push(ActionView {
            overdue: super::notices::is_overdue(a.due_on, a.status, today),
            team_code: t.map(|t| t.code.clone()),
            team_name: t.map(|t| t.name.clone()),
            campaign_name: c.name.clone(),
            history: events.remove(&a.id).unwrap_or_default(),
            next_campaign: next.map(|n| n.name),
            effect,
            difference_in_differences: did,
            action: a,
        });
    }
    Ok(out)
}

/// For each point adopted for teams in campaign `campaign_id`, the codes of
/// those teams and of every team below them (a point adopted for a region
/// reaches its branches). Points adopted for the whole organisation have no
/// team to compare with and are left out.
pub fn adopting_teams(
    rows: &[ActionRow],
    teams: &[team::Team],
    campaign_id: &str,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut children: HashMap<&str, Vec<&team::Team>> = HashMap::new();
    for t in teams {
        if let Some(p) = t.parent_id.as_deref() {
            children.entry(p).or_default().push(t);
        }
    }
    let by_id: HashMap<&str, &team::Team> = teams.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for a in rows.iter().filter(|a| a.campaign_id == campaign_id) {
        let Some(root) = a.team_id.as_deref().and_then(|id| by_id.get(id)) else {
            continue;
        };
        let set = out.entry(a.point.clone()).or_default();
        let mut stack = vec![*root];
        while let Some(t) = stack.pop() {
            // A team seen twice (two adoptions) is not walked again.
            if set.insert(t.code.clone()) {
                stack.extend(children.get(t.id.as_str()).into_iter().flatten());
            }
        }
    }
    out
}

/// One point adopted by teams in a wave, measured in the next wave (the
/// report's `actions[]`).
#[derive(Debug, Clone, Serialize)]
pub struct AdoptedPoint {
    pub point: String,
    pub adopted_in: String,
    pub difference_in_differences: DifferenceInDifferences,
}

/// Every point adopted for teams in `before`'s wave, with its difference
/// in differences between the two published reports.
pub fn adopted_points(
    conn: &mut DbConn,
    c: &Campaign,
    before: &CampaignReport,
    after: &CampaignReport,
) -> DomainResult<Vec<AdoptedPoint>> {
    let rows = action::list_by_org(conn, &c.organisation_id)?;
    let teams = team::list_by_org(conn, &c.organisation_id)?;
    Ok(adopting_teams(&rows, &teams, &c.id)
        .into_iter()
        .filter_map(|(point, set)| {
            let did = difference_in_differences(&point, before, after, &set).ok()?;
            Some(AdoptedPoint {
                point,
                adopted_in: c.id.clone(),
                difference_in_differences: did,
            })
        })
        .collect())
}

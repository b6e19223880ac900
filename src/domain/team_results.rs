//! What a team's results page may show, decided in one place: nothing but
//! the call-back requests while its wave is open; once published, the
//! team's report, the comments of populations shown at n ≥ k, the contact
//! requests for those who may handle them, and the team's actions.

use std::sync::Arc;

use super::actions::{self, ActionView};
use super::campaigns::{self, Campaign};
use super::contacts::{self, ContactRequest};
use super::teams::{self, Hierarchy, Team};
use super::{reports, DbConn, DomainResult};
use crate::analytics::compare::GroupChange;
use crate::analytics::{CampaignReport, Population};
use crate::auth::policy::{Action, Decision, Principal};
use crate::db::models::team;

/// A team's page while its wave is open.
#[derive(Debug)]
pub struct OpenTeam {
    pub campaign: Campaign,
    pub team: Team,
    pub contacts: Option<Vec<ContactRequest>>,
}

/// A team's page once its wave is published.
#[derive(Debug)]
pub struct PublishedTeam {
    pub campaign: Campaign,
    pub team: Team,
    pub report: Arc<CampaignReport>,
    pub customer_comments: Vec<String>,
    pub employee_comments: Vec<String>,
    pub contacts: Option<Vec<ContactRequest>>,
    pub actions: Vec<ActionView>,
    /// May this person adopt a point of the plan for this team?
    pub may_adopt: bool,
    /// Is this person one of the team's own managers (the summary then
    /// says "you estimate")?
    pub reader_manages: bool,
    /// The previous published wave of the organisation and this team's
    /// changes since it (`None` inside when the team was not in it).
    pub previous: Option<PreviousWave>,
}

/// The wave before a team's wave, as the dashboard finds it, and the
/// team's entry of the comparison of the two (`analytics::compare_waves`,
/// q over the whole comparison as on the dashboard). Only this team's
/// changes leave the domain.
#[derive(Debug)]
pub struct PreviousWave {
    pub campaign: Campaign,
    pub change: Option<GroupChange>,
}

#[derive(Debug)]
pub enum TeamResults {
    Open(Box<OpenTeam>),
    Published(Box<PublishedTeam>),
}

pub fn team_results(
    conn: &mut DbConn,
    p: &Principal,
    org: &str,
    campaign_id: &str,
    team_code: &str,
) -> DomainResult<TeamResults> {
    let c = campaigns::get(conn, p, org, campaign_id)?;
    let t = teams::get_by_code(conn, p, org, team_code)?;
    // Contact requests: the team's managers and the directors.
    let contacts = contacts::for_team(conn, p, org, &c.id, &t.id)?;
    if !reports::is_published(&c) {
        // No figure before the close; call-back requests cannot wait.
        return Ok(TeamResults::Open(Box::new(OpenTeam {
            campaign: c,
            team: t,
            contacts,
        })));
    }
    let report = reports::report(conn, p, &c.id, Some(team_code), None)?;
    let all = team::list_by_org(conn, org)?;
    let lineage = Hierarchy::new(&all).lineage(&t.id);
    let group = &report.organisation;
    // Comments only where the population is shown (n ≥ k).
    let comments = |conn: &mut DbConn, population: Population, hidden: bool| -> DomainResult<Vec<String>> {
        if hidden {
            Ok(Vec::new())
        } else {
            reports::published_comments(conn, &c, &t.id, population)
        }
    };
    let customer_comments = comments(
        conn,
        Population::Customer,
        group.suppressed.customer || group.n.customer.is_none(),
    )?;
    let employee_comments = comments(
        conn,
        Population::Employee,
        group.suppressed.employee || group.n.employee.is_none(),
    )?;
    let actions: Vec<ActionView> = actions::list(conn, p, org)?
        .into_iter()
        .filter(|a| a.action.team_id.as_deref() == Some(t.id.as_str()) && a.action.campaign_id == c.id)
        .collect();
    let may_adopt = p.may(Action::ManageActions { org, lineage: &lineage }) == Decision::Allow;
    let reader_manages = p.managed_teams.contains(&t.id);
    let previous = reports::previous_wave(conn, &c)?.map(|(campaign, comparison)| PreviousWave {
        campaign,
        change: comparison.teams.get(team_code).cloned(),
    });
    Ok(TeamResults::Published(Box::new(PublishedTeam {
        campaign: c,
        team: t,
        report,
        customer_comments,
        employee_comments,
        contacts,
        actions,
        may_adopt,
        reader_manages,
        previous,
    })))
}

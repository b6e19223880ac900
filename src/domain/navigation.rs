//! Where each person's work is: the page a sign-in lands on, and the
//! latest results a manager may open. The policy decides who may see what;
//! this service only chooses among pages the person may open.

use serde::Serialize;

use super::{reports, DomainResult};
use crate::auth::policy::{Action, Decision, Principal, Role};
use crate::db::models::{campaign, organisation, team};
use crate::db::DbConn;

/// One team's latest published results, for a manager to choose from.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TeamResults {
    pub organisation: String,
    pub campaign: String,
    pub team: String,
    pub href: String,
}

/// The id of an organisation's latest published (closed) wave.
fn latest_published(conn: &mut DbConn, org: &str) -> DomainResult<Option<String>> {
    Ok(campaign::list_by_org(conn, org)?
        .into_iter()
        .find(reports::is_published)
        .map(|c| c.id))
}

/// The latest published results of each team this person manages, by
/// organisation then team code.
pub fn my_team_results(conn: &mut DbConn, principal: &Principal) -> DomainResult<Vec<TeamResults>> {
    let mut orgs: Vec<&String> = principal
        .memberships
        .iter()
        .filter(|(_, role)| **role == Role::Manager)
        .map(|(org, _)| org)
        .collect();
    orgs.sort();
    let mut out = Vec::new();
    for org in orgs {
        let Some(c) = campaign::list_by_org(conn, org)?
            .into_iter()
            .find(reports::is_published)
        else {
            continue;
        };
        let org_name = organisation::find(conn, org)?.map(|o| o.name).unwrap_or_default();
        for t in team::list_by_org(conn, org)?
            .into_iter()
            .filter(|t| principal.managed_teams.contains(&t.id))
        {
            out.push(TeamResults {
                organisation: org_name.clone(),
                campaign: c.name.clone(),
                href: format!("/orgs/{org}/campaigns/{}/teams/{}", c.id, t.code),
                team: t.name,
            });
        }
    }
    Ok(out)
}

/// The page a person lands on after signing in: a platform administrator
/// on the organisations list, a consultant on the portfolio, a director on
/// their organisation's latest results (its page when nothing is published
/// yet; a consultant member without the portfolio likewise), a manager on their team's latest results (the start page, which
/// lists them, when there are several). Anyone else: the start page.
pub fn landing(conn: &mut DbConn, principal: &Principal) -> DomainResult<String> {
    if principal.is_platform_admin {
        return Ok("/".to_string());
    }
    if principal.is_consultant {
        return Ok("/portfolio".to_string());
    }
    let mut directed: Vec<&String> = principal
        .memberships
        .iter()
        .filter(|(_, role)| matches!(role, Role::Director | Role::Consultant))
        .map(|(org, _)| org)
        .collect();
    directed.sort();
    if let [org] = directed.as_slice() {
        return Ok(match latest_published(conn, org)? {
            Some(c) => format!("/orgs/{org}/campaigns/{c}/dashboard"),
            None => format!("/orgs/{org}"),
        });
    }
    if !directed.is_empty() {
        return Ok("/".to_string());
    }
    let teams = my_team_results(conn, principal)?;
    if let [only] = teams.as_slice() {
        return Ok(only.href.clone());
    }
    Ok("/".to_string())
}

/// An organisation's latest published wave, with the link to its results.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LatestResults {
    pub campaign: String,
    pub href: String,
}

/// The results an organisation's page leads to, for this person: the
/// latest wave's dashboard when they may see the whole organisation's
/// results, and the latest results of the teams they manage there.
pub fn organisation_results(
    conn: &mut DbConn,
    principal: &Principal,
    org: &str,
) -> DomainResult<(Option<LatestResults>, Vec<TeamResults>)> {
    super::authorise(principal, Action::ViewOrganisation { org })?;
    let latest = if principal.may(Action::ViewOrganisationResults { org }) == Decision::Allow {
        campaign::list_by_org(conn, org)?
            .into_iter()
            .find(reports::is_published)
            .map(|c| LatestResults {
                href: format!("/orgs/{org}/campaigns/{}/dashboard", c.id),
                campaign: c.name,
            })
    } else {
        None
    };
    let prefix = format!("/orgs/{org}/");
    let teams = my_team_results(conn, principal)?
        .into_iter()
        .filter(|t| t.href.starts_with(&prefix))
        .collect();
    Ok((latest, teams))
}

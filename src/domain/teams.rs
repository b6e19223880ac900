//! Teams: the tree, single edits, and the all-or-nothing CSV upsert of
//! `code,name,parent_code,headcount`.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::types::{parse_headcount, parse_name, TeamCode};
use super::{authorise, DomainError, DomainResult};
use crate::auth::policy::{Action, Decision, Principal};
use crate::db::models::new_id;
use crate::db::models::team;
pub use crate::db::models::team::Team;
use crate::db::DbConn;

/// At most this many refused cells are listed back (API.md).
pub const MAX_LISTED_ERRORS: usize = 100;

/// What a person types into the team form.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct TeamInput {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub parent_code: String,
    #[serde(default)]
    pub headcount: String,
}

/// A team placed in the tree, for display.
#[derive(Debug, Clone, Serialize)]
pub struct TreeRow {
    pub team: Team,
    pub depth: usize,
    pub parent_code: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
}

/// The team's id followed by its ancestors' ids. For one team; to ask for
/// many, index them once with [`Hierarchy`].
pub fn lineage(teams: &[Team], team_id: &str) -> Vec<String> {
    Hierarchy::new(teams).lineage(team_id)
}

/// The teams whose parent links, followed upwards, come back to them.
pub fn on_cycle(parent_of: &HashMap<String, Option<String>>) -> Vec<String> {
    levels(parent_of).cycle
}

/// Depth-first order, children sorted by code, with depths.
fn ordered(teams: Vec<Team>) -> Vec<TreeRow> {
    let codes: HashMap<String, String> = teams.iter().map(|t| (t.id.clone(), t.code.clone())).collect();
    let mut children: BTreeMap<Option<String>, Vec<Team>> = BTreeMap::new();
    for t in teams {
        let parent = t.parent_id.clone().filter(|p| codes.contains_key(p));
        children.entry(parent).or_default().push(t);
    }
    let mut out = Vec::new();
    let mut stack: Vec<(Team, usize)> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|t| (t, 0))
        .collect();
    while let Some((t, depth)) = stack.pop() {
        if let Some(kids) = children.remove(&Some(t.id.clone())) {
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
        let parent_code = t.parent_id.as_ref().and_then(|p| codes.get(p).cloned());
        out.push(TreeRow {
            team: t,
            depth,
            parent_code,
        });
    }
    out
}

/// The teams of an organisation this principal may see, as a tree.
pub fn tree(conn: &mut DbConn, principal: &Principal, org: &str) -> DomainResult<Vec<TreeRow>> {
    authorise(principal, Action::ViewOrganisation { org })?;
    let all = team::list_by_org(conn, org)?;
    let hierarchy = Hierarchy::new(&all);
    let allowed =
        hierarchy.allowed_by_lineage(|lineage| principal.may(Action::ViewTeam { org, lineage }) == Decision::Allow);
    let visible: Vec<Team> = all
        .iter()
        .filter(|t| allowed.contains(t.id.as_str()))
        .cloned()
        .collect();
    Ok(ordered(visible))
}

pub fn get(conn: &mut DbConn, principal: &Principal, org: &str, id: &str) -> DomainResult<Team> {
    authorise(principal, Action::ViewOrganisation { org })?;
    let all = team::list_by_org(conn, org)?;
    let found = all.iter().find(|t| t.id == id).cloned().ok_or(DomainError::NotFound)?;
    authorise(
        principal,
        Action::ViewTeam {
            org,
            lineage: &lineage(&all, id),
        },
    )?;
    Ok(found)
}

/// A team found by its code, for someone allowed to see it.
pub fn get_by_code(conn: &mut DbConn, principal: &Principal, org: &str, code: &str) -> DomainResult<Team> {
    authorise(principal, Action::ViewOrganisation { org })?;
    let all = team::list_by_org(conn, org)?;
    let found = all.iter().find(|t| t.code == code).ok_or(DomainError::NotFound)?;
    authorise(
        principal,
        Action::ViewTeam {
            org,
            lineage: &lineage(&all, &found.id),
        },
    )?;
    Ok(found.clone())
}

/// Whether the organisation has a team of this code, for anyone of the
/// organisation (its public survey link is printed on posters anyway).
pub fn has_code(conn: &mut DbConn, principal: &Principal, org: &str, code: &str) -> DomainResult<bool> {
    authorise(principal, Action::ViewOrganisation { org })?;
    Ok(team::find_by_code(conn, org, code)?.is_some())
}

/// A team with its parent and its direct sub-teams, as its page shows them.
#[derive(Debug, Clone, Serialize)]
pub struct Neighbourhood {
    pub team: Team,
    pub parent: Option<Team>,
    pub children: Vec<Team>,
}

pub fn neighbourhood(conn: &mut DbConn, principal: &Principal, org: &str, id: &str) -> DomainResult<Neighbourhood> {
    let team = get(conn, principal, org, id)?;
    let all = team::list_by_org(conn, org)?;
    let parent = team
        .parent_id
        .as_ref()
        .and_then(|pid| all.iter().find(|t| &t.id == pid).cloned());
    let children = all
        .iter()
        .filter(|t| t.parent_id.as_deref() == Some(team.id.as_str()))
        .cloned()
        .collect();
    Ok(Neighbourhood { team, parent, children })
}

fn parse_input(input: &TeamInput, all: &[Team]) -> DomainResult<(TeamCode, String, Option<String>, i32)> {
    let code = TeamCode::parse(&input.code).map_err(|k| DomainError::Field("code", k))?;
    let name = parse_name(&input.name).map_err(|k| DomainError::Field("name", k))?;
    let headcount = parse_headcount(&input.headcount).map_err(|k| DomainError::Field("headcount", k))?;
    let parent_code = input.parent_code.trim();
    let parent_id = if parent_code.is_empty() {
        None
    } else {
        let parent = all
            .iter()
            .find(|t| t.code == parent_code)
            .ok_or(DomainError::Field("parent_code", "error-parent-unknown"))?;
        Some(parent.id.clone())
    };
    Ok((code, name, parent_id, headcount))
}

/// Creates a team; `max_depth` is `MIROIR_MAX_TEAM_DEPTH`.
pub fn create(
    conn: &mut DbConn,
    principal: &Principal,
    org: &str,
    input: &TeamInput,
    max_depth: usize,
) -> DomainResult<Team> {
    authorise(principal, Action::ManageTeams { org })?;
    crate::db::write_transaction(conn, |conn| {
        let all = team::list_by_org(conn, org)?;
        let (code, name, parent_id, headcount) = parse_input(input, &all)?;
        if all.iter().any(|t| t.code == code.as_str()) {
            return Err(DomainError::Field("code", "error-team-code-taken"));
        }
        let parent_depth = parent_id
            .as_deref()
            .map_or(0, |p| Hierarchy::new(&all).lineage(p).len());
        if parent_depth + 1 > max_depth {
            return Err(DomainError::Field("parent_code", "error-team-too-deep"));
        }
        let new = Team {
            id: new_id(),
            organisation_id: org.to_string(),
            code: code.as_str().to_string(),
            name,
            parent_id,
            headcount,
        };
        team::insert(conn, &new)?;
        Ok(new)
    })
}

/// Edits a team, including moving it under another parent; a move that
/// would put a team under itself or its own descendants, or make the tree
/// deeper than `max_depth`, is refused.
pub fn update(
    conn: &mut DbConn,
    principal: &Principal,
    org: &str,
    id: &str,
    input: &TeamInput,
    max_depth: usize,
) -> DomainResult<Team> {
    authorise(principal, Action::ManageTeams { org })?;
    crate::db::write_transaction(conn, |conn| {
        let all = team::list_by_org(conn, org)?;
        let current = all.iter().find(|t| t.id == id).ok_or(DomainError::NotFound)?;
        let (code, name, parent_id, headcount) = parse_input(input, &all)?;
        if all.iter().any(|t| t.code == code.as_str() && t.id != id) {
            return Err(DomainError::Field("code", "error-team-code-taken"));
        }
        let mut parent_of: HashMap<String, Option<String>> =
            all.iter().map(|t| (t.id.clone(), t.parent_id.clone())).collect();
        parent_of.insert(id.to_string(), parent_id.clone());
        let shape = levels(&parent_of);
        if !shape.cycle.is_empty() {
            return Err(DomainError::Field("parent_code", "error-team-cycle"));
        }
        // Only the moved sub-tree changes level: a tree already too deep
        // elsewhere (stored before the limit) does not block other edits.
        let deepest_moved = Hierarchy::new(&all)
            .subtree(id)
            .iter()
            .filter_map(|t| shape.depth.get(t))
            .max()
            .copied()
            .unwrap_or(0);
        if parent_id != current.parent_id && deepest_moved > max_depth {
            return Err(DomainError::Field("parent_code", "error-team-too-deep"));
        }
        let updated = Team {
            code: code.as_str().to_string(),
            name,
            parent_id,
            headcount,
            ..current.clone()
        };
        team::update(conn, &updated)?;
        Ok(updated)
    })
}

/// Deletes a team that has no sub-teams.
pub fn delete(conn: &mut DbConn, principal: &Principal, org: &str, id: &str) -> DomainResult<()> {
    authorise(principal, Action::ManageTeams { org })?;
    crate::db::write_transaction(conn, |conn| {
        team::find(conn, org, id)?.ok_or(DomainError::NotFound)?;
        if team::count_children(conn, id)? > 0 {
            return Err(DomainError::Conflict("error-team-not-empty"));
        }
        team::delete(conn, id)?;
        Ok(())
    })
}

pub mod hierarchy;
pub mod import;
pub use hierarchy::{levels, Hierarchy, DEFAULT_MAX_DEPTH};
pub use import::import_csv;

//! Customers' call-back requests: who may read a team's list and mark a
//! request handled. The team is always the request's own, read from the
//! database, never one the caller names: the policy is asked about that
//! team (its managers, the directors, the consultants).

use super::teams::Hierarchy;
use super::{authorise, campaigns, DomainError, DomainResult};
use crate::auth::policy::{Action, Decision, Principal};
use crate::db::models::response;
pub use crate::db::models::response::ContactRequest;
use crate::db::models::team;
use crate::db::DbConn;

/// The call-back requests of a team in a campaign, or `None` when this
/// principal may not handle them (then they are not shown at all).
pub fn for_team(
    conn: &mut DbConn,
    p: &Principal,
    org: &str,
    campaign_id: &str,
    team_id: &str,
) -> DomainResult<Option<Vec<ContactRequest>>> {
    let c = campaigns::get(conn, p, org, campaign_id)?;
    let all = team::list_by_org(conn, org)?;
    let lineage = Hierarchy::new(&all).lineage(team_id);
    if lineage.is_empty() || p.may(Action::ManageActions { org, lineage: &lineage }) != Decision::Allow {
        return Ok(None);
    }
    Ok(Some(response::contacts_for_team(conn, &c.id, team_id)?))
}

/// Marks a request handled (or not); returns the code of its team.
pub fn set_done(
    conn: &mut DbConn,
    p: &Principal,
    org: &str,
    campaign_id: &str,
    contact_id: &str,
    done: bool,
) -> DomainResult<String> {
    let c = campaigns::get(conn, p, org, campaign_id)?;
    let contact = response::find_contact(conn, &c.id, contact_id)?.ok_or(DomainError::NotFound)?;
    let all = team::list_by_org(conn, org)?;
    let hierarchy = Hierarchy::new(&all);
    let t = hierarchy.get(&contact.team_id).ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::ManageActions {
            org,
            lineage: &hierarchy.lineage(&t.id),
        },
    )?;
    response::set_contact_done(conn, &c.id, &contact.id, done)?;
    Ok(t.code.clone())
}

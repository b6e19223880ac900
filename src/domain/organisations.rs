//! Creating, reading, editing and deleting organisations.

use serde::Deserialize;

use super::types::{parse_label_points, parse_language, parse_name, parse_sector, parse_threshold};
use super::{authorise, DomainError, DomainResult};
use crate::auth::policy::{Action, Principal, Role};
pub use crate::db::models::organisation::Organisation;
use crate::db::models::organisation::{self, OrganisationChanges};
use crate::db::models::{new_id, now, user};
use crate::db::DbConn;

/// What a person types into the organisation form (or sends to the API).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OrganisationInput {
    pub name: String,
    pub sector: String,
    pub default_language: String,
    /// Defaults to 5 when absent or empty.
    #[serde(default)]
    pub anonymity_threshold: Option<String>,
    /// The symmetry label's floor, whole points out of 100: every audit at
    /// least this. 55 when empty; unchanged on an update when absent.
    #[serde(default)]
    pub label_floor: Option<String>,
    /// The label's bar: the average of the three audits above this. 70
    /// when empty; unchanged on an update when absent.
    #[serde(default)]
    pub label_average: Option<String>,
}

/// The label's published rule, whole points.
fn default_label() -> (i32, i32) {
    use crate::analytics::label::{DEFAULT_AVERAGE, DEFAULT_FLOOR};
    (i32::from(DEFAULT_FLOOR), i32::from(DEFAULT_AVERAGE))
}

impl OrganisationInput {
    fn parse(&self) -> DomainResult<OrganisationChanges> {
        let field = |name: &'static str| move |key| DomainError::Field(name, key);
        Ok(OrganisationChanges {
            name: parse_name(&self.name).map_err(field("name"))?,
            sector: parse_sector(&self.sector).map_err(field("sector"))?,
            default_language: parse_language(&self.default_language).map_err(field("default_language"))?,
            anonymity_threshold: match self.anonymity_threshold.as_deref().map(str::trim) {
                None | Some("") => 5,
                Some(k) => parse_threshold(k).map_err(field("anonymity_threshold"))?,
            },
            label_floor: label(&self.label_floor, default_label().0, "label_floor")?,
            label_average: label(&self.label_average, default_label().1, "label_average")?,
        })
    }
}

/// A label threshold as typed: `None` when absent (kept as it is), the
/// default when empty.
fn label(input: &Option<String>, default: i32, name: &'static str) -> DomainResult<Option<i32>> {
    match input.as_deref().map(str::trim) {
        None => Ok(None),
        Some("") => Ok(Some(default)),
        Some(points) => parse_label_points(points)
            .map(Some)
            .map_err(|key| DomainError::Field(name, key)),
    }
}

pub fn create(conn: &mut DbConn, principal: &Principal, input: &OrganisationInput) -> DomainResult<Organisation> {
    authorise(principal, Action::CreateOrganisation)?;
    let fields = input.parse()?;
    let org = Organisation {
        id: new_id(),
        name: fields.name,
        sector: fields.sector,
        default_language: fields.default_language,
        anonymity_threshold: fields.anonymity_threshold,
        created_at: now(),
        created_by: Some(principal.user_id.clone()),
        label_floor: fields.label_floor.unwrap_or(default_label().0),
        label_average: fields.label_average.unwrap_or(default_label().1),
    };
    crate::db::write_transaction(conn, |conn| {
        organisation::insert(conn, &org)?;
        // A consultant who creates a client organisation works in it.
        if !principal.is_platform_admin {
            user::insert_membership(
                conn,
                &user::Membership {
                    id: new_id(),
                    user_id: principal.user_id.clone(),
                    organisation_id: org.id.clone(),
                    role: Role::Consultant,
                },
            )?;
        }
        diesel::QueryResult::Ok(())
    })?;
    Ok(org)
}

/// The organisations this principal may open.
pub fn list_visible(conn: &mut DbConn, principal: &Principal) -> DomainResult<Vec<Organisation>> {
    if principal.is_platform_admin {
        return Ok(organisation::list_all(conn)?);
    }
    let ids: Vec<String> = principal.memberships.keys().cloned().collect();
    Ok(organisation::list_by_ids(conn, &ids)?)
}

pub fn get(conn: &mut DbConn, principal: &Principal, id: &str) -> DomainResult<Organisation> {
    authorise(principal, Action::ViewOrganisation { org: id })?;
    organisation::find(conn, id)?.ok_or(DomainError::NotFound)
}

pub fn update(
    conn: &mut DbConn,
    principal: &Principal,
    id: &str,
    input: &OrganisationInput,
) -> DomainResult<Organisation> {
    authorise(principal, Action::EditOrganisation { org: id })?;
    let changes = input.parse()?;
    if organisation::update(conn, id, &changes)? == 0 {
        return Err(DomainError::NotFound);
    }
    get(conn, principal, id)
}

/// Deletes an organisation and everything it owns, once its exact name has
/// been typed as confirmation.
pub fn delete(conn: &mut DbConn, principal: &Principal, id: &str, confirmation: &str) -> DomainResult<()> {
    authorise(principal, Action::DeleteOrganisation { org: id })?;
    let org = organisation::find(conn, id)?.ok_or(DomainError::NotFound)?;
    if confirmation.trim() != org.name {
        return Err(DomainError::Field("confirmation", "error-confirmation-mismatch"));
    }
    organisation::delete(conn, id)?;
    Ok(())
}

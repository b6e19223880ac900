//! People: sign-in checks, the first administrator, passwords and reset
//! links, memberships and consultants' access.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::types::{parse_name, parse_password, Email};
use super::{authorise, DomainError, DomainResult};
use crate::auth::password::{dummy_hash, hash_password, verify_password};
use crate::auth::policy::{Action, Principal, Role};
use crate::auth::{hash_token, random_token};
use crate::db::models::user::{self, Membership};
pub use crate::db::models::user::{MemberRow, User};
use crate::db::models::{new_id, now};
use crate::db::models::{settings, team};
use crate::db::DbConn;

pub const RESET_HOURS: i64 = 72;

/// The policy's view of a user, loaded fresh on every request so that role
/// changes apply at once.
pub fn principal_for(conn: &mut DbConn, u: &User) -> DomainResult<Principal> {
    let memberships: HashMap<String, Role> = user::memberships_of(conn, &u.id)?
        .into_iter()
        .map(|m| (m.organisation_id, m.role))
        .collect();
    let managed_teams: HashSet<String> = user::managed_team_ids(conn, &u.id)?.into_iter().collect();
    Ok(Principal {
        user_id: u.id.clone(),
        is_platform_admin: u.is_platform_admin,
        is_consultant: u.is_consultant,
        memberships,
        managed_teams,
    })
}

/// The user if the e-mail and password match. Unknown e-mails cost the same
/// hashing time as wrong passwords, and both give `None`.
pub fn authenticate(conn: &mut DbConn, email: &str, password: &str) -> DomainResult<Option<User>> {
    let found = match Email::parse(email) {
        Ok(email) => user::find_by_email(conn, email.as_str())?,
        Err(_) => None,
    };
    match found {
        Some(u) if verify_password(password, &u.password_hash) => Ok(Some(u)),
        Some(_) => Ok(None),
        None => {
            verify_password(password, dummy_hash());
            Ok(None)
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NewUserInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
}

fn new_user(input: &NewUserInput, admin: bool) -> DomainResult<User> {
    let email = Email::parse(&input.email).map_err(|k| DomainError::Field("email", k))?;
    let display_name = parse_name(&input.display_name).map_err(|k| DomainError::Field("display_name", k))?;
    let password = parse_password(&input.password).map_err(|k| DomainError::Field("password", k))?;
    Ok(User {
        id: new_id(),
        email: email.as_str().to_string(),
        display_name,
        password_hash: hash_password(&password)?,
        language: None,
        is_platform_admin: admin,
        is_consultant: false,
        token_version: 0,
        created_at: now(),
    })
}

fn insert_unique(conn: &mut DbConn, u: &User) -> DomainResult<()> {
    if user::find_by_email(conn, &u.email)?.is_some() {
        return Err(DomainError::Field("email", "error-email-taken"));
    }
    user::insert(conn, u)?;
    Ok(())
}

/// `miroir admin create`: a platform administrator, whatever exists already.
/// The `/setup` page closes with it: pending set-up tokens are erased.
pub fn create_platform_admin(conn: &mut DbConn, input: &NewUserInput) -> DomainResult<User> {
    let u = new_user(input, true)?;
    crate::db::write_transaction(conn, |conn| {
        insert_unique(conn, &u)?;
        settings::delete_prefixed(conn, SETUP_TOKEN_PREFIX)?;
        Ok::<_, DomainError>(())
    })?;
    Ok(u)
}

/// Keys of pending set-up tokens in `app_settings`: the prefix, then the
/// token's hash.
///
/// Why hashes in the database rather than one token in memory: several
/// instances may share one database behind a load balancer, and the
/// operator's `POST /setup` can reach any of them. Each instance adds the
/// hash of the token it prints, so every printed token works on every
/// instance, and creating the administrator anywhere erases them all. Only
/// hashes are stored, so reading the database (a backup, a replica) does
/// not give the right to create the administrator; and no instance needs
/// another's token, which is why the value itself is never stored.
const SETUP_TOKEN_PREFIX: &str = "setup-token:";

fn setup_token_key(token: &str) -> String {
    format!("{SETUP_TOKEN_PREFIX}{}", hash_token(token))
}

/// At start: while no platform administrator exists, a fresh one-time
/// token for `/setup` (to print for the operator); once one exists, `None`,
/// and any token left over is erased.
pub fn issue_setup_token(conn: &mut DbConn) -> DomainResult<Option<String>> {
    if !needs_setup(conn)? {
        settings::delete_prefixed(conn, SETUP_TOKEN_PREFIX)?;
        return Ok(None);
    }
    let token = random_token(32);
    settings::insert(conn, &setup_token_key(&token), &now().to_string())?;
    Ok(Some(token))
}

/// The `/setup` page: the first administrator, only while nobody exists and
/// only with a set-up token printed at start. The token is checked before
/// anything else (the password is not even hashed without it); the tokens
/// are erased with the administrator's creation.
pub fn setup_first_admin(conn: &mut DbConn, token: &str, input: &NewUserInput) -> DomainResult<User> {
    let open = |conn: &mut DbConn| -> DomainResult<()> {
        if !needs_setup(conn)? {
            return Err(DomainError::Conflict("error-setup-closed"));
        }
        if !setup_token_valid(conn, token)? {
            return Err(DomainError::Field("token", "error-setup-token"));
        }
        Ok(())
    };
    open(conn)?;
    let u = new_user(input, true)?;
    crate::db::write_transaction(conn, |conn| {
        // Again inside the transaction, and the tokens are consumed first:
        // of two set-ups at once (SQLite queues writers; on PostgreSQL the
        // second delete waits for the first's row locks, then finds
        // nothing), only one creates an administrator.
        open(conn)?;
        if settings::delete_prefixed(conn, SETUP_TOKEN_PREFIX)? == 0 {
            return Err(DomainError::Field("token", "error-setup-token"));
        }
        if user::find_by_email(conn, &u.email)?.is_some() {
            return Err(DomainError::Field("email", "error-email-taken"));
        }
        user::insert(conn, &u)?;
        Ok(())
    })?;
    Ok(u)
}

/// True when `token` is a pending set-up token.
pub fn setup_token_valid(conn: &mut DbConn, token: &str) -> DomainResult<bool> {
    let token = token.trim();
    if token.is_empty() {
        return Ok(false);
    }
    Ok(settings::get(conn, &setup_token_key(token))?.is_some())
}

/// The user a still-valid session names, with their policy view: `None`
/// when the account is gone or the session's token version was revoked.
pub fn session(conn: &mut DbConn, user_id: &str, token_version: i32) -> DomainResult<Option<(User, Principal)>> {
    let Some(u) = user::find(conn, user_id)? else {
        return Ok(None);
    };
    if u.token_version != token_version {
        return Ok(None);
    }
    let principal = principal_for(conn, &u)?;
    Ok(Some((u, principal)))
}

/// Revokes every session of this user (sign-out everywhere).
pub fn revoke_sessions(conn: &mut DbConn, user_id: &str) -> DomainResult<()> {
    user::bump_token_version(conn, user_id)?;
    Ok(())
}

/// The organisations one belongs to: (id, name, role), for one's own account page.
pub fn own_organisations(conn: &mut DbConn, user_id: &str) -> DomainResult<Vec<(String, String, String)>> {
    Ok(user::organisations_of(conn, user_id)?)
}

/// Remembers one's own language choice.
pub fn set_own_language(conn: &mut DbConn, user_id: &str, lang: &str) -> DomainResult<()> {
    user::set_language(conn, user_id, Some(lang))?;
    Ok(())
}

/// True while no account exists at all: the sign-in page sends to `/setup`.
pub fn nobody_yet(conn: &mut DbConn) -> DomainResult<bool> {
    Ok(user::count(conn)? == 0)
}

/// True while no platform administrator exists (demo people may).
pub fn needs_setup(conn: &mut DbConn) -> DomainResult<bool> {
    Ok(user::count_admins(conn)? == 0)
}

/// Changes one's own password; every session, this one included, is revoked.
pub fn change_password(conn: &mut DbConn, u: &User, current: &str, new: &str) -> DomainResult<()> {
    if !verify_password(current, &u.password_hash) {
        return Err(DomainError::Field("current_password", "error-password-wrong"));
    }
    let new = parse_password(new).map_err(|k| DomainError::Field("new_password", k))?;
    user::set_password(conn, &u.id, &hash_password(&new)?)?;
    Ok(())
}

/// A single-use link valid `RESET_HOURS`; only its hash is stored.
/// Answers the account's e-mail (to show beside the link) and the token.
pub fn issue_reset(conn: &mut DbConn, principal: &Principal, user_id: &str) -> DomainResult<(String, String)> {
    authorise(principal, Action::AdministerPlatform)?;
    let u = user::find(conn, user_id)?.ok_or(DomainError::NotFound)?;
    Ok((u.email, issue_reset_unchecked(conn, user_id)?))
}

fn issue_reset_unchecked(conn: &mut DbConn, user_id: &str) -> DomainResult<String> {
    let token = random_token(32);
    let expires = now() + chrono::Duration::hours(RESET_HOURS);
    user::insert_reset(conn, &hash_token(&token), user_id, expires)?;
    Ok(token)
}

/// "Forgot your password?": e-mails a single-use link (the same links as
/// [`issue_reset`], valid `RESET_HOURS`) to the account with this address,
/// if there is one. The answer is the same whether it exists or not, and
/// whether the e-mail left or not (a failure is logged), so that the form
/// does not tell who has an account; only a malformed address is refused.
/// `link_base` is the public address the link starts with; `lang` the
/// language of the e-mail when the account has no preference.
pub fn send_reset_link(
    conn: &mut DbConn,
    mailer: &super::mail::Mailer,
    email: &str,
    link_base: &str,
    lang: &str,
) -> DomainResult<()> {
    let email = Email::parse(email).map_err(|k| DomainError::Field("email", k))?;
    let Some(u) = user::find_by_email(conn, email.as_str())? else {
        return Ok(());
    };
    let token = issue_reset_unchecked(conn, &u.id)?;
    let link = format!("{}/reset/{token}", link_base.trim_end_matches('/'));
    let lang = u.language.as_deref().unwrap_or(lang);
    if let Err(e) = mailer.send_reset(lang, &email, &link, RESET_HOURS) {
        tracing::warn!(user_id = %u.id, error = %e, "the password link e-mail could not be sent");
    }
    Ok(())
}

pub fn reset_is_valid(conn: &mut DbConn, token: &str) -> DomainResult<bool> {
    Ok(user::valid_reset(conn, &hash_token(token), now())?.is_some())
}

/// Sets a password from a reset link and uses the link up.
pub fn use_reset(conn: &mut DbConn, token: &str, new_password: &str) -> DomainResult<User> {
    let password = parse_password(new_password).map_err(|k| DomainError::Field("new_password", k))?;
    let hash = hash_token(token);
    crate::db::write_transaction(conn, |conn| {
        let user_id = user::valid_reset(conn, &hash, now())?.ok_or(DomainError::Validation("error-reset-invalid"))?;
        if user::consume_reset(conn, &hash)? == 0 {
            return Err(DomainError::Validation("error-reset-invalid"));
        }
        user::set_password(conn, &user_id, &hash_password(&password)?)?;
        user::find(conn, &user_id)?.ok_or(DomainError::NotFound)
    })
}

pub fn list_users(conn: &mut DbConn, principal: &Principal) -> DomainResult<Vec<User>> {
    authorise(principal, Action::AdministerPlatform)?;
    Ok(user::list_all(conn)?)
}

/// Creates an account for someone (platform admin), optionally a consultant;
/// returns the user and the reset token with which they choose a password.
pub fn create_user(
    conn: &mut DbConn,
    principal: &Principal,
    email: &str,
    name: &str,
    consultant: bool,
) -> DomainResult<(User, String)> {
    authorise(principal, Action::AdministerPlatform)?;
    let mut u = new_user(
        &NewUserInput {
            email: email.into(),
            display_name: name.into(),
            password: random_token(24),
        },
        false,
    )?;
    u.is_consultant = consultant;
    crate::db::write_transaction(conn, |conn| {
        insert_unique(conn, &u)?;
        let token = issue_reset_unchecked(conn, &u.id)?;
        Ok((u.clone(), token))
    })
}

pub fn set_consultant(conn: &mut DbConn, principal: &Principal, user_id: &str, consultant: bool) -> DomainResult<()> {
    authorise(principal, Action::AdministerPlatform)?;
    if user::set_consultant(conn, user_id, consultant)? == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

pub fn members(conn: &mut DbConn, principal: &Principal, org: &str) -> DomainResult<Vec<MemberRow>> {
    authorise(principal, Action::ViewOrganisation { org })?;
    Ok(user::members_of(conn, org)?)
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MemberInput {
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    pub role: String,
    /// Team codes, comma- or space-separated (managers only).
    #[serde(default)]
    pub teams: String,
}

fn parse_role(principal: &Principal, role: &str) -> DomainResult<Role> {
    let role = Role::parse(role.trim()).ok_or(DomainError::Field("role", "error-role-invalid"))?;
    // Consultants' access is granted by the platform administrator.
    if role == Role::Consultant {
        authorise(principal, Action::AssignConsultants)?;
    }
    Ok(role)
}

fn team_ids(conn: &mut DbConn, org: &str, role: Role, codes: &str) -> DomainResult<Vec<String>> {
    if role != Role::Manager {
        return Ok(Vec::new());
    }
    let mut ids = Vec::new();
    for code in codes.split([',', ' ', ';']).map(str::trim).filter(|c| !c.is_empty()) {
        let t = team::find_by_code(conn, org, code)?.ok_or(DomainError::Field("teams", "error-team-unknown"))?;
        ids.push(t.id);
    }
    if ids.is_empty() {
        return Err(DomainError::Field("teams", "error-manager-needs-team"));
    }
    Ok(ids)
}

/// Adds someone to an organisation. An unknown e-mail creates the account;
/// the returned token then lets them choose their password.
pub fn add_member(
    conn: &mut DbConn,
    principal: &Principal,
    org: &str,
    input: &MemberInput,
) -> DomainResult<Option<String>> {
    authorise(principal, Action::ManageMembers { org })?;
    let email = Email::parse(&input.email).map_err(|k| DomainError::Field("email", k))?;
    let role = parse_role(principal, &input.role)?;
    crate::db::write_transaction(conn, |conn| {
        let teams = team_ids(conn, org, role, &input.teams)?;
        let (user_id, token) = match user::find_by_email(conn, email.as_str())? {
            Some(u) => (u.id, None),
            None => {
                let display_name = if input.display_name.trim().is_empty() {
                    email.as_str().to_string()
                } else {
                    input.display_name.clone()
                };
                let u = new_user(
                    &NewUserInput {
                        email: email.as_str().into(),
                        display_name,
                        password: random_token(24),
                    },
                    false,
                )?;
                user::insert(conn, &u)?;
                let token = issue_reset_unchecked(conn, &u.id)?;
                (u.id, Some(token))
            }
        };
        if user::find_membership_of_user(conn, org, &user_id)?.is_some() {
            return Err(DomainError::Field("email", "error-already-member"));
        }
        user::insert_membership(
            conn,
            &Membership {
                id: new_id(),
                user_id: user_id.clone(),
                organisation_id: org.to_string(),
                role,
            },
        )?;
        if role == Role::Consultant {
            user::set_consultant(conn, &user_id, true)?;
        }
        user::set_managed_teams(conn, org, &user_id, &teams)?;
        Ok(token)
    })
}

pub fn update_member(
    conn: &mut DbConn,
    principal: &Principal,
    org: &str,
    membership_id: &str,
    input: &MemberInput,
) -> DomainResult<()> {
    authorise(principal, Action::ManageMembers { org })?;
    let role = parse_role(principal, &input.role)?;
    crate::db::write_transaction(conn, |conn| {
        let m = user::find_membership(conn, org, membership_id)?.ok_or(DomainError::NotFound)?;
        if m.role == Role::Consultant && role != Role::Consultant {
            authorise(principal, Action::AssignConsultants)?;
        }
        let teams = team_ids(conn, org, role, &input.teams)?;
        user::update_membership_role(conn, &m.id, role.as_str())?;
        user::set_managed_teams(conn, org, &m.user_id, &teams)?;
        Ok(())
    })
}

pub fn remove_member(conn: &mut DbConn, principal: &Principal, org: &str, membership_id: &str) -> DomainResult<()> {
    authorise(principal, Action::ManageMembers { org })?;
    crate::db::write_transaction(conn, |conn| {
        let m = user::find_membership(conn, org, membership_id)?.ok_or(DomainError::NotFound)?;
        if m.role == Role::Consultant {
            authorise(principal, Action::AssignConsultants)?;
        }
        user::delete_membership(conn, &m)?;
        Ok(())
    })
}

/// Everything Miroir holds about one person, as they download it from
/// their account page (GDPR art. 15 and 20). Anonymous answers are not
/// in it: nothing links them to anyone.
#[derive(Debug, Serialize)]
pub struct OwnData {
    pub exported_at: String,
    pub account: OwnAccount,
    pub organisations: Vec<OwnMembership>,
    pub managed_teams: Vec<OwnTeam>,
    pub self_assessments: Vec<OwnSelfAssessment>,
    pub action_history: Vec<OwnActionEvent>,
    /// The e-mails one receives or has turned off (results ready, digest,
    /// participation alerts).
    pub notifications: Vec<super::notices::Preference>,
}

#[derive(Debug, Serialize)]
pub struct OwnAccount {
    pub email: String,
    pub display_name: String,
    pub language: Option<String>,
    pub platform_administrator: bool,
    pub consultant: bool,
    pub created_at: String,
}

#[derive(Debug, Serialize)]
pub struct OwnMembership {
    pub organisation: String,
    pub role: String,
}

#[derive(Debug, Serialize)]
pub struct OwnTeam {
    pub organisation: String,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct OwnSelfAssessment {
    pub organisation: String,
    pub campaign: String,
    pub team: Option<String>,
    pub population: String,
    pub submitted_on: String,
    pub answers: std::collections::BTreeMap<String, i32>,
    pub comment: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct OwnActionEvent {
    pub organisation: String,
    pub point: String,
    pub at: String,
    pub status: String,
    pub note: Option<String>,
}

/// One's own data, for the download on the account page.
pub fn own_data(conn: &mut DbConn, u: &User) -> DomainResult<OwnData> {
    let organisations = user::organisations_of(conn, &u.id)?;
    let organisation_ids: Vec<String> = organisations.iter().map(|(id, _, _)| id.clone()).collect();
    let managed_teams = user::managed_teams(conn, &u.id)?
        .into_iter()
        .map(|(organisation, code, name)| OwnTeam {
            organisation,
            code,
            name,
        })
        .collect();
    let authored = user::authored_responses(conn, &u.id)?;
    let ids: Vec<String> = authored.iter().map(|(_, _, _, r)| r.id.clone()).collect();
    let mut answers: HashMap<String, std::collections::BTreeMap<String, i32>> = HashMap::new();
    for (response, item, value) in crate::db::models::response::answers_of_many(conn, &ids)? {
        answers.entry(response).or_default().insert(item, value);
    }
    let self_assessments = authored
        .into_iter()
        .map(|(campaign, organisation, team, r)| OwnSelfAssessment {
            organisation,
            campaign,
            team,
            population: r.population.as_str().to_string(),
            submitted_on: r.submitted_on.to_string(),
            answers: answers.remove(&r.id).unwrap_or_default(),
            comment: r.comment,
        })
        .collect();
    let action_history = user::authored_action_events(conn, &u.display_name, &organisation_ids)?
        .into_iter()
        .map(|(organisation, point, at, status, note)| OwnActionEvent {
            organisation,
            point,
            at: at.to_string(),
            status,
            note,
        })
        .collect();
    Ok(OwnData {
        exported_at: now().to_string(),
        account: OwnAccount {
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            language: u.language.clone(),
            platform_administrator: u.is_platform_admin,
            consultant: u.is_consultant,
            created_at: u.created_at.to_string(),
        },
        organisations: organisations
            .into_iter()
            .map(|(_, organisation, role)| OwnMembership { organisation, role })
            .collect(),
        managed_teams,
        self_assessments,
        action_history,
        notifications: super::notices::preferences(conn, &u.id)?,
    })
}

/// Deletes one's own account after checking the password (GDPR art. 17).
/// The last platform administrator cannot leave: nobody could run the
/// instance any more.
pub fn delete_own_account(conn: &mut DbConn, u: &User, password: &str) -> DomainResult<()> {
    if !verify_password(password, &u.password_hash) {
        return Err(DomainError::Field("password", "error-password-wrong"));
    }
    if u.is_platform_admin && user::count_admins(conn)? <= 1 {
        return Err(DomainError::Conflict("error-last-platform-admin"));
    }
    let organisation_ids: Vec<String> = user::organisations_of(conn, &u.id)?
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    user::erase(conn, u, &organisation_ids)?;
    Ok(())
}

//! Installs the demo organisation (`crate::demo::plan`) into the database:
//! teams, people, two closed waves of answers with their aggregates. Run by
//! `miroir demo` and on the first start of an empty database.

use std::collections::HashMap;

use super::collection::{response_rows, Written};
use super::{DomainError, DomainResult};
use crate::analytics::Respondent;
use crate::auth::password::hash_password;
use crate::auth::policy::Role;
use crate::auth::random_token;
use crate::db::models::action::{self, ActionEvent, ActionRow, ActionStatus};
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign::{self, Campaign, CampaignStatus};
use crate::db::models::organisation::{self, Organisation};
use crate::db::models::response;
use crate::db::models::team::{self, Team};
use crate::db::models::user::{self, Membership, User};
use crate::db::models::{new_id, now};
use crate::db::DbConn;
use crate::demo::{DemoPlan, DemoTeam, DemoWave};

/// What was installed, for the start-up message.
#[derive(Debug, Clone)]
pub struct Installed {
    pub organisation_id: String,
    pub organisation_name: String,
    pub director_email: String,
    pub manager_email: String,
    /// A consultant member of the demo organisation (and a consultant of
    /// the platform: the portfolio is theirs).
    pub consultant_email: String,
    pub password: String,
    pub responses: usize,
    pub campaign_ids: Vec<String>,
}

/// True when no organisation exists yet.
pub fn database_is_empty(conn: &mut DbConn) -> DomainResult<bool> {
    Ok(organisation::list_all(conn)?.is_empty())
}

pub fn install(conn: &mut DbConn, plan: &DemoPlan) -> DomainResult<Installed> {
    let password = random_token(12);
    // One hash for every demo account: they share the printed password.
    let hash = hash_password(&password)?;
    crate::db::write_transaction(conn, |conn| {
        let org = insert_organisation(conn, plan)?;
        let team_ids = insert_teams(conn, plan, &org.id)?;
        let user_ids = insert_people(conn, plan, &org.id, &team_ids, &hash)?;
        let ids = Ids {
            org: &org.id,
            teams: &team_ids,
            users: &user_ids,
        };
        let today = chrono::Utc::now().date_naive();
        let mut campaign_ids = Vec::new();
        for wave in &plan.waves {
            campaign_ids.push(insert_wave(conn, plan, wave, &ids, today)?);
        }
        insert_actions(conn, plan, &ids, &campaign_ids, today)?;
        Ok(installed(plan, org, password.clone(), campaign_ids))
    })
}

/// The ids the plan's codes and e-mail addresses were given.
struct Ids<'a> {
    org: &'a str,
    teams: &'a HashMap<String, String>,
    users: &'a HashMap<String, String>,
}

fn insert_organisation(conn: &mut DbConn, plan: &DemoPlan) -> DomainResult<Organisation> {
    let org = Organisation {
        id: new_id(),
        name: plan.organisation.name.clone(),
        sector: plan.organisation.sector.clone(),
        default_language: plan.organisation.default_language.clone(),
        anonymity_threshold: plan.organisation.anonymity_threshold,
        created_at: now(),
        created_by: None,
        label_floor: i32::from(crate::analytics::label::DEFAULT_FLOOR),
        label_average: i32::from(crate::analytics::label::DEFAULT_AVERAGE),
    };
    organisation::insert(conn, &org)?;
    Ok(org)
}

/// Every team, then every parent link (a parent may come after its
/// children); team code → id.
fn insert_teams(conn: &mut DbConn, plan: &DemoPlan, org_id: &str) -> DomainResult<HashMap<String, String>> {
    let team_ids: HashMap<String, String> = plan.teams.iter().map(|t| (t.code.clone(), new_id())).collect();
    let row = |t: &DemoTeam, parent_id: Option<String>| Team {
        id: team_ids[&t.code].clone(),
        organisation_id: org_id.to_owned(),
        code: t.code.clone(),
        name: t.name.clone(),
        parent_id,
        headcount: t.headcount,
    };
    for t in &plan.teams {
        team::insert(conn, &row(t, None))?;
    }
    for t in &plan.teams {
        let parent_id = t.parent_code.as_ref().and_then(|p| team_ids.get(p).cloned());
        team::update(conn, &row(t, parent_id))?;
    }
    Ok(team_ids)
}

/// Every person (an existing account with the same e-mail is reused), their
/// membership and managed teams; e-mail → user id.
fn insert_people(
    conn: &mut DbConn,
    plan: &DemoPlan,
    org_id: &str,
    team_ids: &HashMap<String, String>,
    hash: &str,
) -> DomainResult<HashMap<String, String>> {
    let mut user_ids = HashMap::new();
    for person in &plan.people {
        let id = match user::find_by_email(conn, &person.email)? {
            Some(existing) => existing.id,
            None => {
                let u = User {
                    id: new_id(),
                    email: person.email.clone(),
                    display_name: person.display_name.clone(),
                    password_hash: hash.to_owned(),
                    language: None,
                    is_platform_admin: false,
                    is_consultant: person.role == "consultant",
                    token_version: 0,
                    created_at: now(),
                };
                user::insert(conn, &u)?;
                u.id
            }
        };
        user::insert_membership(
            conn,
            &Membership {
                id: new_id(),
                user_id: id.clone(),
                organisation_id: org_id.to_owned(),
                role: Role::parse(&person.role)
                    .ok_or_else(|| DomainError::Unexpected(anyhow::anyhow!("demo role {:?}", person.role)))?,
            },
        )?;
        let teams: Vec<String> = person
            .team_codes
            .iter()
            .filter_map(|c| team_ids.get(c).cloned())
            .collect();
        user::set_managed_teams(conn, org_id, &id, &teams)?;
        user_ids.insert(person.email.clone(), id);
    }
    Ok(user_ids)
}

/// One closed wave, its responses in batches of 500 and its aggregates;
/// the campaign's id.
fn insert_wave(
    conn: &mut DbConn,
    plan: &DemoPlan,
    wave: &DemoWave,
    ids: &Ids<'_>,
    today: chrono::NaiveDate,
) -> DomainResult<String> {
    let opens_on = today - chrono::Duration::days(i64::from(wave.opens_days_ago));
    let c = Campaign {
        id: new_id(),
        organisation_id: ids.org.to_owned(),
        code: random_token(8),
        name: wave.name.clone(),
        opens_on,
        closes_on: today - chrono::Duration::days(i64::from(wave.closes_days_ago)),
        languages: "fr,en".into(),
        populations: "customer,employee,manager,executive".into(),
        status: CampaignStatus::Closed,
        instrument_version: crate::demo::DEMO_INSTRUMENT.number(),
        created_at: now(),
    };
    campaign::insert(conn, &c)?;
    let mut delta = Delta::default();
    let mut batch = Vec::with_capacity(500);
    for r in &wave.responses {
        let team_id = r.team.as_ref().and_then(|code| ids.teams.get(code).cloned());
        let who = Respondent {
            team: team_id.as_deref(),
            population: r.population,
            channel: r.channel,
            answers: &r.answers,
        };
        let written = Written {
            submitted_on: opens_on + chrono::Duration::days(i64::from(r.day)),
            language: plan.organisation.default_language.clone(),
            comment: r.comment.clone(),
            author_id: r.author_email.as_ref().and_then(|e| ids.users.get(e).cloned()),
        };
        batch.push(response_rows(&mut delta, &c.id, &who, written));
        if batch.len() == 500 {
            response::insert_many(conn, &batch)?;
            batch.clear();
        }
    }
    response::insert_many(conn, &batch)?;
    aggregates::apply(conn, &c.id, &delta)?;
    Ok(c.id)
}

/// The actions adopted after the first and second waves, planned then
/// moved to their status.
fn insert_actions(
    conn: &mut DbConn,
    plan: &DemoPlan,
    ids: &Ids<'_>,
    campaign_ids: &[String],
    today: chrono::NaiveDate,
) -> DomainResult<()> {
    for a in &plan.actions {
        let Some(wave) = campaign_ids.get(a.wave) else {
            continue;
        };
        let owner = plan
            .people
            .iter()
            .find(|p| p.email == a.owner_email)
            .map(|p| p.display_name.clone())
            .unwrap_or_else(|| a.owner_email.clone());
        let status = ActionStatus::parse(&a.status)
            .ok_or_else(|| DomainError::Unexpected(anyhow::anyhow!("demo action status {:?}", a.status)))?;
        let row = ActionRow {
            id: new_id(),
            organisation_id: ids.org.to_owned(),
            campaign_id: wave.clone(),
            team_id: a.team.as_ref().and_then(|c| ids.teams.get(c).cloned()),
            point: a.point.clone(),
            owner: owner.clone(),
            due_on: Some(today - chrono::Duration::days(30)),
            status,
            note: Some(a.note.clone()),
            created_at: now(),
        };
        let planned = ActionEvent {
            id: new_id(),
            action_id: row.id.clone(),
            at: now(),
            author: owner.clone(),
            status: ActionStatus::Planned,
            note: None,
        };
        action::insert(conn, &row, &planned)?;
        let later = ActionEvent {
            id: new_id(),
            action_id: row.id.clone(),
            at: now(),
            author: owner,
            status,
            note: Some(a.note.clone()),
        };
        action::set_status(conn, &row.id, status, &later)?;
    }
    Ok(())
}

/// The start-up message's facts: the first director, a branch manager.
fn installed(plan: &DemoPlan, org: Organisation, password: String, campaign_ids: Vec<String>) -> Installed {
    let first_with = |role: &str| {
        plan.people
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.email.clone())
            .unwrap_or_default()
    };
    let branch_manager = plan.people.iter().find(|p| {
        p.role == "manager"
            && p.team_codes
                .iter()
                .any(|c| plan.teams.iter().any(|t| &t.code == c && t.parent_code.is_some()))
    });
    Installed {
        organisation_id: org.id,
        organisation_name: org.name,
        director_email: first_with("director"),
        manager_email: branch_manager.map(|p| p.email.clone()).unwrap_or_default(),
        consultant_email: first_with("consultant"),
        password,
        responses: plan.waves.iter().map(|w| w.responses.len()).sum(),
        campaign_ids,
    }
}

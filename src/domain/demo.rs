//! Installs the demo organisation (`crate::demo::plan`) into the database:
//! teams, people, two closed waves of answers with their aggregates. Run by
//! `miroir demo` and on the first start of an empty database.

use std::collections::HashMap;

use super::{DomainError, DomainResult};
use crate::analytics::Respondent;
use crate::auth::password::hash_password;
use crate::auth::random_token;
use crate::db::models::action::{self, ActionEvent, ActionRow, ActionStatus};
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign::{self, Campaign, CampaignStatus};
use crate::db::models::organisation::{self, Organisation};
use crate::db::models::response::{self, Response};
use crate::db::models::team::{self, Team};
use crate::db::models::user::{self, Membership, User};
use crate::db::models::{new_id, now};
use crate::db::DbConn;
use crate::demo::DemoPlan;

/// What was installed, for the start-up message.
#[derive(Debug, Clone)]
pub struct Installed {
    pub organisation_id: String,
    pub organisation_name: String,
    pub director_email: String,
    pub manager_email: String,
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
        let org = Organisation {
            id: new_id(),
            name: plan.organisation.name.clone(),
            sector: plan.organisation.sector.clone(),
            default_language: plan.organisation.default_language.clone(),
            anonymity_threshold: plan.organisation.anonymity_threshold,
            created_at: now(),
            created_by: None,
        };
        organisation::insert(conn, &org)?;
        let team_ids: HashMap<String, String> = plan.teams.iter().map(|t| (t.code.clone(), new_id())).collect();
        for t in &plan.teams {
            team::insert(
                conn,
                &Team {
                    id: team_ids[&t.code].clone(),
                    organisation_id: org.id.clone(),
                    code: t.code.clone(),
                    name: t.name.clone(),
                    parent_id: None,
                    headcount: t.headcount,
                },
            )?;
        }
        for t in &plan.teams {
            team::update(
                conn,
                &Team {
                    id: team_ids[&t.code].clone(),
                    organisation_id: org.id.clone(),
                    code: t.code.clone(),
                    name: t.name.clone(),
                    parent_id: t.parent_code.as_ref().and_then(|p| team_ids.get(p).cloned()),
                    headcount: t.headcount,
                },
            )?;
        }
        let mut user_ids = HashMap::new();
        for person in &plan.people {
            let id = match user::find_by_email(conn, &person.email)? {
                Some(existing) => existing.id,
                None => {
                    let u = User {
                        id: new_id(),
                        email: person.email.clone(),
                        display_name: person.display_name.clone(),
                        password_hash: hash.clone(),
                        language: None,
                        is_platform_admin: false,
                        is_consultant: false,
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
                    organisation_id: org.id.clone(),
                    role: person.role.clone(),
                },
            )?;
            let teams: Vec<String> = person
                .team_codes
                .iter()
                .filter_map(|c| team_ids.get(c).cloned())
                .collect();
            user::set_managed_teams(conn, &org.id, &id, &teams)?;
            user_ids.insert(person.email.clone(), id);
        }
        let today = chrono::Utc::now().date_naive();
        let mut responses = 0;
        let mut campaign_ids = Vec::new();
        for wave in &plan.waves {
            let opens_on = today - chrono::Duration::days(i64::from(wave.opens_days_ago));
            let c = Campaign {
                id: new_id(),
                organisation_id: org.id.clone(),
                code: random_token(8),
                name: wave.name.clone(),
                opens_on,
                closes_on: today - chrono::Duration::days(i64::from(wave.closes_days_ago)),
                languages: "fr,en".into(),
                populations: "customer,employee,manager,executive".into(),
                status: CampaignStatus::Closed,
                instrument_version: super::instrument::instrument().version,
                created_at: now(),
            };
            campaign::insert(conn, &c)?;
            let mut delta = Delta::default();
            let mut batch = Vec::with_capacity(500);
            for r in &wave.responses {
                let team_id = r.team.as_ref().and_then(|code| team_ids.get(code).cloned());
                delta.add(
                    &Respondent {
                        team: team_id.as_deref(),
                        population: r.population,
                        channel: r.channel,
                        answers: &r.answers,
                    },
                    1,
                );
                let values = r
                    .answers
                    .iter()
                    .map(|(code, v)| (code.to_string(), i32::from(*v)))
                    .collect();
                batch.push((
                    Response {
                        id: new_id(),
                        campaign_id: c.id.clone(),
                        team_id,
                        population: r.population.as_str().into(),
                        channel: r.channel.map(|ch| ch.as_str().to_string()),
                        submitted_on: opens_on + chrono::Duration::days(i64::from(r.day)),
                        language: plan.organisation.default_language.clone(),
                        comment: r.comment.clone(),
                        author_id: r.author_email.as_ref().and_then(|e| user_ids.get(e).cloned()),
                    },
                    values,
                ));
                if batch.len() == 500 {
                    response::insert_many(conn, &batch)?;
                    batch.clear();
                }
            }
            response::insert_many(conn, &batch)?;
            aggregates::apply(conn, &c.id, &delta)?;
            responses += wave.responses.len();
            campaign_ids.push(c.id);
        }
        if let Some(first_wave) = campaign_ids.first() {
            for a in &plan.actions {
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
                    organisation_id: org.id.clone(),
                    campaign_id: first_wave.clone(),
                    team_id: a.team.as_ref().and_then(|c| team_ids.get(c).cloned()),
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
        }
        let first_with = |role: &str| {
            plan.people
                .iter()
                .find(|p| p.role == role)
                .map(|p| p.email.clone())
                .unwrap_or_default()
        };
        Ok(Installed {
            organisation_id: org.id,
            organisation_name: org.name,
            director_email: first_with("director"),
            manager_email: plan
                .people
                .iter()
                .find(|p| {
                    p.role == "manager"
                        && p.team_codes
                            .iter()
                            .any(|c| plan.teams.iter().any(|t| &t.code == c && t.parent_code.is_some()))
                })
                .map(|p| p.email.clone())
                .unwrap_or_default(),
            password: password.clone(),
            responses,
            campaign_ids,
        })
    })
}

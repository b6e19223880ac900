//! Campaigns (survey waves): create and edit while draft, then open, close
//! and archive; employee invitations; response rates; rebuilding the
//! aggregates from raw answers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::types::parse_name;
use super::{authorise, DomainError, DomainResult};
use crate::analytics::anonymity::shown_counts_hiding;
use crate::analytics::stats::percent;
use crate::analytics::tally::Tree;
use crate::analytics::{Respondent, TeamNode};
use crate::auth::policy::{Action, Principal};
use crate::auth::{hash_token, random_token};
use crate::db::models::aggregates::{self, Delta};
use crate::db::models::campaign;
pub use crate::db::models::campaign::{Campaign, CampaignStatus, Transition};
use crate::db::models::{new_id, now, response, schedule, team};
use crate::db::DbConn;

pub const POPULATIONS: [&str; 4] = ["customer", "employee", "manager", "executive"];
/// Most invitations made in one request.
pub const MAX_INVITATIONS: usize = 5000;

/// What a person types into the campaign form or sends to the API.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CampaignInput {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// `YYYY-MM-DD`
    #[schema(format = Date)]
    pub opens_on: String,
    /// `YYYY-MM-DD`
    #[schema(format = Date)]
    pub closes_on: String,
    /// Defaults to every supported language.
    pub languages: Vec<String>,
    /// Defaults to the four populations.
    pub populations: Vec<String>,
    /// Opens on `opens_on` and closes at the end of `closes_on` by itself
    /// (in `time_zone`), without anyone pressing "open" or "close".
    pub scheduled: bool,
    /// IANA time zone of the schedule (default `Europe/Paris`).
    pub time_zone: Option<String>,
}

struct Parsed {
    name: String,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    languages: String,
    populations: String,
    schedule: Option<String>,
}

fn parse_date(s: &str, field: &'static str) -> DomainResult<NaiveDate> {
    super::types::parse_date(s).map_err(|k| DomainError::Field(field, k))
}

impl CampaignInput {
    fn parse(&self) -> DomainResult<Parsed> {
        let name = parse_name(&self.name).map_err(|k| DomainError::Field("name", k))?;
        let opens_on = parse_date(&self.opens_on, "opens_on")?;
        let closes_on = parse_date(&self.closes_on, "closes_on")?;
        if closes_on < opens_on {
            return Err(DomainError::Field("closes_on", "error-dates-order"));
        }
        let languages: Vec<String> = if self.languages.is_empty() {
            crate::i18n::supported().to_vec()
        } else {
            self.languages.clone()
        };
        if languages.iter().any(|l| !crate::i18n::is_supported(l)) {
            return Err(DomainError::Field("languages", "error-language-invalid"));
        }
        let populations: Vec<String> = if self.populations.is_empty() {
            POPULATIONS.iter().map(|p| p.to_string()).collect()
        } else {
            self.populations.clone()
        };
        if populations.iter().any(|p| !POPULATIONS.contains(&p.as_str())) {
            return Err(DomainError::Field("populations", "error-population-invalid"));
        }
        // Symmetry needs both sides.
        if !populations.iter().any(|p| p == "customer") || !populations.iter().any(|p| p == "employee") {
            return Err(DomainError::Field("populations", "error-populations-mirror"));
        }
        let schedule = if self.scheduled {
            let zone = self
                .time_zone
                .as_deref()
                .filter(|z| !z.trim().is_empty())
                .unwrap_or(super::scheduler::DEFAULT_TIME_ZONE);
            let tz = super::scheduler::parse_time_zone(zone).map_err(|k| DomainError::Field("time_zone", k))?;
            Some(tz.name().to_string())
        } else {
            None
        };
        Ok(Parsed {
            name,
            opens_on,
            closes_on,
            languages: languages.join(","),
            populations: populations.join(","),
            schedule,
        })
    }
}

pub fn create(conn: &mut DbConn, p: &Principal, org: &str, input: &CampaignInput) -> DomainResult<Campaign> {
    authorise(p, Action::ManageCampaigns { org })?;
    let parsed = input.parse()?;
    let c = Campaign {
        id: new_id(),
        organisation_id: org.to_string(),
        code: random_token(8),
        name: parsed.name,
        opens_on: parsed.opens_on,
        closes_on: parsed.closes_on,
        languages: parsed.languages,
        populations: parsed.populations,
        status: CampaignStatus::Draft,
        instrument_version: super::instrument::instrument().version,
        created_at: now(),
    };
    crate::db::write_transaction(conn, |conn| {
        campaign::insert(conn, &c)?;
        schedule::set(conn, &c.id, parsed.schedule.as_deref())
    })?;
    Ok(c)
}

/// The time zone of a campaign that opens and closes by itself, or `None`.
pub fn schedule_of(conn: &mut DbConn, p: &Principal, c: &Campaign) -> DomainResult<Option<String>> {
    authorise(
        p,
        Action::ViewOrganisation {
            org: &c.organisation_id,
        },
    )?;
    Ok(schedule::of(conn, &c.id)?)
}

/// A move of a campaign as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub at: String,
    pub step: String,
    pub by_scheduler: bool,
    /// The person's name; `None` for the scheduler or a deleted account.
    pub by: Option<String>,
}

/// The campaign's history: every open, close and archive, by whom.
pub fn history(conn: &mut DbConn, p: &Principal, c: &Campaign) -> DomainResult<Vec<HistoryEntry>> {
    authorise(
        p,
        Action::ViewOrganisation {
            org: &c.organisation_id,
        },
    )?;
    Ok(schedule::history(conn, &c.id)?
        .into_iter()
        .map(|(e, by)| HistoryEntry {
            at: e.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            step: e.step,
            by_scheduler: e.by_scheduler,
            by,
        })
        .collect())
}

pub fn list(conn: &mut DbConn, p: &Principal, org: &str) -> DomainResult<Vec<Campaign>> {
    authorise(p, Action::ViewOrganisation { org })?;
    Ok(campaign::list_by_org(conn, org)?)
}

pub fn get(conn: &mut DbConn, p: &Principal, org: &str, id: &str) -> DomainResult<Campaign> {
    authorise(p, Action::ViewOrganisation { org })?;
    campaign::find(conn, org, id)?.ok_or(DomainError::NotFound)
}

/// A campaign by id alone (API paths carry no organisation), authorised
/// against its own organisation.
pub fn get_by_id(conn: &mut DbConn, p: &Principal, id: &str) -> DomainResult<Campaign> {
    let c = campaign::find_by_id(conn, id)?.ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::ViewOrganisation {
            org: &c.organisation_id,
        },
    )?;
    Ok(c)
}

/// A campaign by id alone, for someone who may manage its organisation's
/// campaigns (the API's import asks before reading a body of up to 512 MiB).
pub fn get_to_manage(conn: &mut DbConn, p: &Principal, id: &str) -> DomainResult<Campaign> {
    let c = campaign::find_by_id(conn, id)?.ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::ManageCampaigns {
            org: &c.organisation_id,
        },
    )?;
    Ok(c)
}

/// Edits a draft; once open, the questionnaire and populations are frozen.
pub fn update(conn: &mut DbConn, p: &Principal, org: &str, id: &str, input: &CampaignInput) -> DomainResult<Campaign> {
    authorise(p, Action::ManageCampaigns { org })?;
    let parsed = input.parse()?;
    let current = campaign::find(conn, org, id)?.ok_or(DomainError::NotFound)?;
    if current.status != CampaignStatus::Draft {
        return Err(DomainError::Conflict("error-campaign-frozen"));
    }
    let c = Campaign {
        name: parsed.name,
        opens_on: parsed.opens_on,
        closes_on: parsed.closes_on,
        languages: parsed.languages,
        populations: parsed.populations,
        ..current
    };
    crate::db::write_transaction(conn, |conn| {
        campaign::update(conn, &c)?;
        schedule::set(conn, &c.id, parsed.schedule.as_deref())
    })?;
    Ok(c)
}

/// `open`, `close` or `archive`; 409 when the campaign is not in the status
/// that allows it.
pub fn transition(conn: &mut DbConn, p: &Principal, id: &str, verb: &str) -> DomainResult<Campaign> {
    let c = campaign::find_by_id(conn, id)?.ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::ManageCampaigns {
            org: &c.organisation_id,
        },
    )?;
    let step = Transition::parse(verb).ok_or(DomainError::NotFound)?;
    apply(conn, c, step, Actor::Person(&p.user_id))
}

/// Who moved a campaign: a person, or the scheduler that opens and closes
/// waves on their dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor<'a> {
    Person(&'a str),
    Scheduler,
}

/// The one place a campaign changes status, whoever asks: the move itself
/// and what follows it, in one transaction. Callers have authorised it.
/// 409 when the campaign is no longer in the status the move starts from
/// (another instance or person moved it first).
pub fn apply(conn: &mut DbConn, c: Campaign, step: Transition, actor: Actor<'_>) -> DomainResult<Campaign> {
    crate::db::write_transaction(conn, |conn| {
        if campaign::transition(conn, &c.id, step)? == 0 {
            return Err(DomainError::Conflict("error-campaign-transition"));
        }
        let moved = Campaign {
            status: step.edge().1,
            ..c
        };
        // What follows a move (its history, events for webhooks, erasing
        // what the wave kept only while open) goes here, one call each.
        schedule::record(
            conn,
            &schedule::CampaignEvent {
                id: new_id(),
                campaign_id: moved.id.clone(),
                at: now(),
                step: step.as_str().to_string(),
                actor_id: match actor {
                    // (A principal made by the tools, not signed in, has no id.)
                    Actor::Person(id) if !id.is_empty() => Some(id.to_string()),
                    _ => None,
                },
                by_scheduler: actor == Actor::Scheduler,
            },
        )?;
        if step == Transition::Close {
            super::reminders::erase(conn, &moved.id)?;
            // Sent after the commit (`notices::send_pending`).
            super::notices::record_close(conn, &moved)?;
            // The wave's figures are published now, once (built with the
            // close, kept in the database for every instance).
            super::reports::publish(conn, &moved)?;
        }
        super::webhooks::campaign_moved(conn, &moved)?;
        Ok(moved)
    })
}

/// Makes `count` single-use invitation tokens for a team (default: its
/// headcount). Only their hashes are stored; the tokens are returned once.
pub fn invite(
    conn: &mut DbConn,
    p: &Principal,
    campaign_id: &str,
    team_code: &str,
    count: Option<usize>,
) -> DomainResult<Vec<String>> {
    let c = campaign::find_by_id(conn, campaign_id)?.ok_or(DomainError::NotFound)?;
    authorise(
        p,
        Action::ManageCampaigns {
            org: &c.organisation_id,
        },
    )?;
    if !matches!(c.status, CampaignStatus::Draft | CampaignStatus::Open) {
        return Err(DomainError::Conflict("error-campaign-not-collecting"));
    }
    let t = team::find_by_code(conn, &c.organisation_id, team_code)?
        .ok_or(DomainError::Field("team", "error-team-unknown"))?;
    let count = count.unwrap_or(usize::try_from(t.headcount).unwrap_or(0));
    if count == 0 || count > MAX_INVITATIONS {
        return Err(DomainError::Field("count", "error-invitation-count"));
    }
    let tokens: Vec<String> = (0..count).map(|_| random_token(24)).collect();
    let hashes: Vec<String> = tokens.iter().map(|t| hash_token(t)).collect();
    campaign::insert_invitations(conn, &c.id, &t.id, &hashes)?;
    Ok(tokens)
}

/// A campaign's response counts as they may be shown.
#[derive(Debug, Clone, Serialize)]
pub struct Participation {
    pub teams: Vec<TeamRate>,
    /// Executives answer as signed, organisation-level self-assessments.
    pub executives: i64,
    /// The anonymity threshold the counts were published with.
    pub k: u64,
}

/// One team's response counts (with its sub-teams), as they may be shown.
#[derive(Debug, Clone, Serialize)]
pub struct TeamRate {
    pub team_id: String,
    pub code: String,
    pub name: String,
    pub depth: usize,
    pub headcount: i32,
    /// `None`: fewer than k, or hidden so that no count below k can be
    /// found by subtraction (the same decision as the report's).
    pub customers: Option<u64>,
    pub employees: Option<u64>,
    /// employees / headcount, in %, when both are known and shown.
    pub employee_rate: Option<f64>,
    pub managers: i64,
    /// Invitations made for the team with its sub-teams.
    pub invitations: i64,
    /// Employee answers / invitations, in %, for a team (with its
    /// sub-teams) of at least k invitations whose count is shown.
    pub response_rate: Option<f64>,
    /// A team with sub-teams (a region, in the participation by region).
    pub is_region: bool,
}

/// Response counts per team and population, live from the aggregates. The
/// anonymous populations' counts go through the publication rule
/// (`analytics::anonymity::shown_counts`) on the whole tree, whoever asks.
pub fn rates(conn: &mut DbConn, p: &Principal, c: &Campaign) -> DomainResult<Participation> {
    let tree = super::teams::tree(conn, p, &c.organisation_id)?;
    let counts = aggregates::respondents_per_team(conn, &c.id)?;
    let invitations: BTreeMap<String, (i64, i64)> = campaign::invitation_counts(conn, &c.id)?
        .into_iter()
        .map(|(t, i, u)| (t, (i, u)))
        .collect();
    let get = |team: &str, pop: &str| counts.get(&(team.to_string(), pop.to_string())).copied().unwrap_or(0);
    let k = super::reports::settings_for(conn, c)?.anonymity_threshold;
    // A closed wave's counts follow its publication's tree, like its report.
    let all = if super::reports::is_published(c) {
        super::reports::publication(conn, c)?.teams
    } else {
        team::list_by_org(conn, &c.organisation_id)?
    };
    let own_invited = |id: &str| u64::try_from(invitations.get(id).map(|(i, _)| *i).unwrap_or(0)).unwrap_or(0);
    let shown = shown_counts_by_team(&all, k, |id, pop| u64::try_from(get(id, pop)).unwrap_or(0), own_invited)?;
    let rows = tree
        .into_iter()
        .map(|row| {
            let t = row.team;
            let shown_row = shown.get(&t.id).cloned().unwrap_or_default();
            let employees = shown_row.employees;
            let invited = shown_row.invited;
            TeamRate {
                customers: shown_row.customers,
                employee_rate: employees.and_then(|e| percent(e, u64::try_from(t.headcount).unwrap_or(0))),
                response_rate: employees.filter(|_| invited >= k).and_then(|e| percent(e, invited)),
                employees,
                managers: get(&t.id, "manager"),
                invitations: i64::try_from(invited).unwrap_or(i64::MAX),
                is_region: shown_row.has_children,
                depth: row.depth,
                team_id: t.id,
                code: t.code,
                name: t.name,
                headcount: t.headcount,
            }
        })
        .collect();
    Ok(Participation {
        teams: rows,
        executives: get("", "executive"),
        k,
    })
}

/// A team's counts (with its sub-teams) as they may be shown.
#[derive(Debug, Clone, Default)]
struct ShownCounts {
    customers: Option<u64>,
    employees: Option<u64>,
    /// Invitations made, with the sub-teams' (not anonymous: links made).
    invited: u64,
    has_children: bool,
}

/// Team id → counts as they may be shown, decided on the engine's own tree
/// of every team of the organisation. A team with invitations, but fewer
/// than k with its sub-teams, shows no employee count (nor rate): it is
/// hidden from the start and protected by complementary suppression like
/// a count below k, so that no region minus its shown teams gives it.
fn shown_counts_by_team(
    all: &[team::Team],
    k: u64,
    own: impl Fn(&str, &str) -> u64,
    own_invited: impl Fn(&str) -> u64,
) -> DomainResult<BTreeMap<String, ShownCounts>> {
    let code_of: BTreeMap<&str, &str> = all.iter().map(|t| (t.id.as_str(), t.code.as_str())).collect();
    let id_of: BTreeMap<&str, &str> = all.iter().map(|t| (t.code.as_str(), t.id.as_str())).collect();
    let nodes: Vec<TeamNode> = all
        .iter()
        .map(|t| TeamNode {
            code: t.code.clone(),
            name: t.name.clone(),
            parent_code: t
                .parent_id
                .as_deref()
                .and_then(|p| code_of.get(p))
                .map(|c| (*c).to_string()),
        })
        .collect();
    let tree = Tree::build(&nodes).map_err(|e| DomainError::Unexpected(anyhow::anyhow!("team tree: {e}")))?;
    let ids: Vec<&str> = tree
        .teams
        .iter()
        .map(|n| id_of.get(n.code.as_str()).copied().unwrap_or(""))
        .collect();
    // Invitations with the sub-teams': each node's own, added to every
    // ancestor.
    let mut invited = vec![0u64; ids.len()];
    for (i, id) in ids.iter().enumerate() {
        let n = own_invited(id);
        let mut at = Some(i);
        while let Some(node) = at {
            invited[node] += n;
            at = tree.parent[node];
        }
    }
    let gated: Vec<bool> = invited.iter().map(|&n| n > 0 && n < k).collect();
    let shown = |pop: &str, initial: &[bool]| {
        let counts: Vec<u64> = ids.iter().map(|id| own(id, pop)).collect();
        shown_counts_hiding(&tree.parent, &counts, k, initial)
    };
    let (customers, employees) = (shown("customer", &[]), shown("employee", &gated));
    Ok(ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                (*id).to_string(),
                ShownCounts {
                    customers: customers[i],
                    employees: employees[i],
                    invited: invited[i],
                    has_children: !tree.children[i].is_empty(),
                },
            )
        })
        .collect())
}

/// Recomputes a campaign's aggregates from its raw answers.
pub fn rebuild_aggregates(conn: &mut DbConn, campaign_id: &str) -> DomainResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        aggregates::clear(conn, campaign_id)?;
        aggregates::touch(conn, campaign_id)?;
        let mut after = String::new();
        let mut total = 0;
        loop {
            let page = response::page(conn, campaign_id, &after, 500)?;
            let Some(last) = page.last() else { break };
            after = last.id.clone();
            let ids: Vec<String> = page.iter().map(|r| r.id.clone()).collect();
            let mut by_response: BTreeMap<String, Vec<(String, i32)>> = BTreeMap::new();
            for (rid, item, value) in response::answers_of_many(conn, &ids)? {
                by_response.entry(rid).or_default().push((item, value));
            }
            let mut delta = Delta::default();
            for r in &page {
                let answers = aggregates::respondent_answers(by_response.get(&r.id).map(Vec::as_slice).unwrap_or(&[]));
                delta.add(
                    &Respondent {
                        team: r.team_id.as_deref(),
                        population: r.population,
                        channel: r.channel,
                        answers: &answers,
                    },
                    1,
                );
            }
            aggregates::apply(conn, campaign_id, &delta)?;
            total += page.len();
        }
        // A published wave's reports are built again, once, with the
        // rebuilt aggregates.
        if let Some(c) = campaign::find_by_id(conn, campaign_id)?.filter(super::reports::is_published) {
            super::reports::publish(conn, &c)?;
        }
        Ok(total)
    })
}

//! Campaigns (survey waves) and their invitations.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{campaigns, invitations};
use crate::db::DbConn;

text_enum! {
    /// Where a wave is in its life: `draft` → `open` → `closed` →
    /// `archived`, each step by one `Transition`.
    pub enum CampaignStatus {
        Draft = "draft",
        Open = "open",
        Closed = "closed",
        Archived = "archived",
    }
}

impl CampaignStatus {
    /// Figures exist from the close on (METHOD.md §7).
    pub fn is_published(self) -> bool {
        matches!(self, CampaignStatus::Closed | CampaignStatus::Archived)
    }

    /// Answers are taken only while open.
    pub fn accepts_answers(self) -> bool {
        self == CampaignStatus::Open
    }
}

text_enum! {
    /// The one move a verb of the API makes (`POST /campaigns/{c}/{verb}`).
    pub enum Transition {
        Open = "open",
        Close = "close",
        Archive = "archive",
    }
}

impl Transition {
    /// The status the move leaves from and the one it reaches; no other
    /// move exists.
    pub fn edge(self) -> (CampaignStatus, CampaignStatus) {
        match self {
            Transition::Open => (CampaignStatus::Draft, CampaignStatus::Open),
            Transition::Close => (CampaignStatus::Open, CampaignStatus::Closed),
            Transition::Archive => (CampaignStatus::Closed, CampaignStatus::Archived),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, PartialEq)]
#[diesel(table_name = campaigns)]
pub struct Campaign {
    pub id: String,
    pub organisation_id: String,
    pub code: String,
    pub name: String,
    pub opens_on: chrono::NaiveDate,
    pub closes_on: chrono::NaiveDate,
    /// Comma-separated language codes.
    pub languages: String,
    /// Comma-separated population codes.
    pub populations: String,
    pub status: CampaignStatus,
    pub instrument_version: i32,
    pub created_at: chrono::NaiveDateTime,
}

impl Campaign {
    pub fn language_list(&self) -> Vec<String> {
        self.languages
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    pub fn includes(&self, population: crate::analytics::Population) -> bool {
        self.populations.split(',').any(|p| p == population.as_str())
    }
}

pub fn insert(conn: &mut DbConn, c: &Campaign) -> QueryResult<()> {
    diesel::insert_into(campaigns::table)
        .values(c)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<Campaign>> {
    campaigns::table
        .filter(campaigns::organisation_id.eq(org))
        .filter(campaigns::id.eq(id))
        .select(Campaign::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<Campaign>> {
    campaigns::table
        .find(id)
        .select(Campaign::as_select())
        .first(conn)
        .optional()
}

/// The campaign's status, read so that it cannot change before the
/// caller's transaction ends: on PostgreSQL a share lock on its row (a close
/// waits for the answers being written, and a writer that waited reads the
/// close); SQLite's one writer already serialises them.
pub fn status_for_write(conn: &mut DbConn, id: &str) -> QueryResult<Option<String>> {
    let query = campaigns::table.find(id).select(campaigns::status);
    match conn {
        DbConn::Postgres(c) => query.for_share().first(c).optional(),
        DbConn::Sqlite(c) => query.first(c).optional(),
    }
}

pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<Campaign>> {
    campaigns::table
        .filter(campaigns::code.eq(code))
        .select(Campaign::as_select())
        .first(conn)
        .optional()
}

pub fn list_by_org(conn: &mut DbConn, org: &str) -> QueryResult<Vec<Campaign>> {
    campaigns::table
        .filter(campaigns::organisation_id.eq(org))
        .select(Campaign::as_select())
        .order((campaigns::opens_on.desc(), campaigns::name.asc()))
        .load(conn)
}

pub fn update(conn: &mut DbConn, c: &Campaign) -> QueryResult<usize> {
    diesel::update(campaigns::table.find(&c.id))
        .set((
            campaigns::name.eq(&c.name),
            campaigns::opens_on.eq(c.opens_on),
            campaigns::closes_on.eq(c.closes_on),
            campaigns::languages.eq(&c.languages),
            campaigns::populations.eq(&c.populations),
        ))
        .execute(conn)
}

/// Makes the move; 0 when the campaign was not in its starting status any more.
pub fn transition(conn: &mut DbConn, id: &str, step: Transition) -> QueryResult<usize> {
    let (from, to) = step.edge();
    diesel::update(
        campaigns::table
            .filter(campaigns::id.eq(id))
            .filter(campaigns::status.eq(from)),
    )
    .set(campaigns::status.eq(to))
    .execute(conn)
}

pub fn insert_invitations(conn: &mut DbConn, campaign: &str, team: &str, hashes: &[String]) -> QueryResult<()> {
    let rows: Vec<_> = hashes
        .iter()
        .map(|h| {
            (
                invitations::token_hash.eq(h),
                invitations::campaign_id.eq(campaign),
                invitations::team_id.eq(team),
                invitations::used.eq(false),
            )
        })
        .collect();
    for chunk in rows.chunks(500) {
        on_each_backend!(conn, |c| diesel::insert_into(invitations::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(())
}

/// The campaign and team of an invitation, and whether it was used.
pub fn find_invitation(conn: &mut DbConn, hash: &str) -> QueryResult<Option<(String, String, bool)>> {
    invitations::table
        .find(hash)
        .select((invitations::campaign_id, invitations::team_id, invitations::used))
        .first(conn)
        .optional()
}

/// Marks an invitation used; 0 when it already was. Every invitation of
/// the same team and campaign is rewritten in the same statement batch, so
/// that on PostgreSQL they all carry this transaction's id (`xmin`) and the
/// used one is not told apart from the others by it.
pub fn claim_invitation(conn: &mut DbConn, campaign: &str, team: &str, hash: &str) -> QueryResult<usize> {
    let claimed = diesel::update(
        invitations::table
            .filter(invitations::token_hash.eq(hash))
            .filter(invitations::used.eq(false)),
    )
    .set(invitations::used.eq(true))
    .execute(conn)?;
    rewrite_team_invitations(conn, campaign, team)?;
    Ok(claimed)
}

/// Gives a claimed invitation back (its response could not be stored).
pub fn release_invitation(conn: &mut DbConn, campaign: &str, team: &str, hash: &str) -> QueryResult<()> {
    diesel::update(invitations::table.filter(invitations::token_hash.eq(hash)))
        .set(invitations::used.eq(false))
        .execute(conn)?;
    rewrite_team_invitations(conn, campaign, team)
}

fn rewrite_team_invitations(conn: &mut DbConn, campaign: &str, team: &str) -> QueryResult<()> {
    diesel::update(
        invitations::table
            .filter(invitations::campaign_id.eq(campaign))
            .filter(invitations::team_id.eq(team)),
    )
    .set(invitations::used.eq(invitations::used))
    .execute(conn)
    .map(|_| ())
}

/// Invitations issued per team: (team id, issued, used).
pub fn invitation_counts(conn: &mut DbConn, campaign: &str) -> QueryResult<Vec<(String, i64, i64)>> {
    let rows: Vec<(String, bool)> = invitations::table
        .filter(invitations::campaign_id.eq(campaign))
        .select((invitations::team_id, invitations::used))
        .load(conn)?;
    let mut counts: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
    for (team, used) in rows {
        let entry = counts.entry(team).or_default();
        entry.0 += 1;
        entry.1 += i64::from(used);
    }
    Ok(counts.into_iter().map(|(t, (i, u))| (t, i, u)).collect())
}

//! The consultant's part of an audit report: the findings and
//! recommendations text of a campaign, and the comments quoted in it.
//! Which comments may be quoted is decided in `domain::audit_notes`.

use diesel::prelude::*;

use crate::db::schema::{audit_notes, audit_quotes, responses, users};
use crate::db::DbConn;

/// A campaign's notes as stored, with the name of their last author (when
/// that account still exists).
#[derive(Debug, Clone)]
pub struct NotesRow {
    pub findings: String,
    pub recommendations: String,
    pub updated_at: chrono::NaiveDateTime,
    pub updated_by: Option<String>,
    pub author_name: Option<String>,
}

pub fn find_notes(conn: &mut DbConn, campaign: &str) -> QueryResult<Option<NotesRow>> {
    let row: Option<(String, String, chrono::NaiveDateTime, Option<String>)> = audit_notes::table
        .find(campaign)
        .select((
            audit_notes::findings,
            audit_notes::recommendations,
            audit_notes::updated_at,
            audit_notes::updated_by,
        ))
        .first(conn)
        .optional()?;
    let Some((findings, recommendations, updated_at, updated_by)) = row else {
        return Ok(None);
    };
    let author_name = match &updated_by {
        Some(id) => users::table
            .find(id)
            .select(users::display_name)
            .first::<String>(conn)
            .optional()?,
        None => None,
    };
    Ok(Some(NotesRow {
        findings,
        recommendations,
        updated_at,
        updated_by,
        author_name,
    }))
}

/// Writes a campaign's notes (one row per campaign, replaced on each save).
pub fn save_notes(
    conn: &mut DbConn,
    campaign: &str,
    findings: &str,
    recommendations: &str,
    author: &str,
    at: chrono::NaiveDateTime,
) -> QueryResult<()> {
    use audit_notes as n;
    on_each_backend!(conn, |c| diesel::insert_into(n::table)
        .values((
            n::campaign_id.eq(campaign),
            n::findings.eq(findings),
            n::recommendations.eq(recommendations),
            n::updated_at.eq(at),
            n::updated_by.eq(author),
        ))
        .on_conflict(n::campaign_id)
        .do_update()
        .set((
            n::findings.eq(findings),
            n::recommendations.eq(recommendations),
            n::updated_at.eq(at),
            n::updated_by.eq(author),
        ))
        .execute(c))?;
    Ok(())
}

/// A comment as the quoting rules need it: its response, team and
/// population, and its text.
#[derive(Debug, Clone)]
pub struct CommentRow {
    pub response_id: String,
    pub team_id: String,
    pub population: String,
    pub text: String,
}

/// The comments of a campaign's responses of `population` in `team_ids`,
/// ordered by response id (random ids: the order says nothing of when
/// anyone answered).
pub fn comments_of(
    conn: &mut DbConn,
    campaign: &str,
    team_ids: &[String],
    population: &str,
) -> QueryResult<Vec<CommentRow>> {
    let rows: Vec<(String, Option<String>, String, Option<String>)> = responses::table
        .filter(responses::campaign_id.eq(campaign))
        .filter(responses::team_id.eq_any(team_ids))
        .filter(responses::population.eq(population))
        .filter(responses::comment.is_not_null())
        .order(responses::id)
        .select((
            responses::id,
            responses::team_id,
            responses::population,
            responses::comment,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(response_id, team_id, population, text)| {
            let text = text.filter(|t| !t.trim().is_empty())?;
            Some(CommentRow {
                response_id,
                team_id: team_id?,
                population,
                text,
            })
        })
        .collect())
}

/// The response ids quoted in a campaign's report, in the consultant's order.
pub fn quoted_ids(conn: &mut DbConn, campaign: &str) -> QueryResult<Vec<String>> {
    audit_quotes::table
        .filter(audit_quotes::campaign_id.eq(campaign))
        .order((audit_quotes::position, audit_quotes::response_id))
        .select(audit_quotes::response_id)
        .load(conn)
}

/// Replaces the quoted comments of a campaign by `ids` (in that order).
pub fn replace_quotes(conn: &mut DbConn, campaign: &str, ids: &[String]) -> QueryResult<()> {
    crate::db::write_transaction(conn, |conn| {
        diesel::delete(audit_quotes::table.filter(audit_quotes::campaign_id.eq(campaign))).execute(conn)?;
        for (position, id) in ids.iter().enumerate() {
            diesel::insert_into(audit_quotes::table)
                .values((
                    audit_quotes::campaign_id.eq(campaign),
                    audit_quotes::response_id.eq(id),
                    audit_quotes::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

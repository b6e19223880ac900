//! Responses and their answers, submission keys, contact requests. Nothing
//! here relates a response to the invitation that allowed it.

use diesel::prelude::*;
use serde::Serialize;

use crate::analytics::{Channel, Population};
use crate::db::schema::{contact_requests, responses, submission_keys, teams};
use crate::db::DbConn;

mod bulk;
pub use bulk::{write, write_bulk};

/// A stored response, without its answers (`answers_of` reads them).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = responses)]
pub struct Response {
    pub id: String,
    pub campaign_id: String,
    pub team_id: Option<String>,
    #[diesel(deserialize_as = String)]
    pub population: Population,
    #[diesel(deserialize_as = ChannelText)]
    pub channel: Option<Channel>,
    pub submitted_on: chrono::NaiveDate,
    pub language: String,
    pub comment: Option<String>,
    pub author_id: Option<String>,
}

/// `responses.channel` as stored: a channel's text, or NULL when the
/// response has none (employees, managers, executives).
#[derive(Debug, Clone)]
pub struct ChannelText(Option<String>);

impl TryFrom<ChannelText> for Option<Channel> {
    type Error = crate::analytics::AnalyticsError;

    fn try_from(text: ChannelText) -> Result<Option<Channel>, Self::Error> {
        text.0.as_deref().map(Channel::parse).transpose()
    }
}

impl<DB> diesel::Queryable<diesel::sql_types::Nullable<diesel::sql_types::Text>, DB> for ChannelText
where
    DB: diesel::backend::Backend,
    Option<String>: diesel::deserialize::FromSql<diesel::sql_types::Nullable<diesel::sql_types::Text>, DB>,
{
    type Row = Option<String>;

    fn build(row: Option<String>) -> diesel::deserialize::Result<ChannelText> {
        Ok(ChannelText(row))
    }
}

/// A response row as written: every column, the answers packed (see
/// [`pack_answers`]). `None` is written as NULL (no column has a default
/// to fall back on), which lets SQLite take a batch in one multi-row
/// statement and PostgreSQL in one binary `COPY`. It owns its text: a
/// statement diesel caches may not borrow from the caller.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = responses, treat_none_as_default_value = false)]
pub struct NewResponse {
    pub id: String,
    pub campaign_id: String,
    pub team_id: Option<String>,
    pub population: &'static str,
    pub channel: Option<&'static str>,
    pub submitted_on: chrono::NaiveDate,
    pub language: String,
    pub comment: Option<String>,
    pub author_id: Option<String>,
    pub answers: String,
}

impl NewResponse {
    /// The row of `r` with its answers packed.
    pub fn of(r: &Response, values: &[(String, i32)]) -> NewResponse {
        NewResponse {
            id: r.id.clone(),
            campaign_id: r.campaign_id.clone(),
            team_id: r.team_id.clone(),
            population: r.population.as_str(),
            channel: r.channel.map(Channel::as_str),
            submitted_on: r.submitted_on,
            language: r.language.clone(),
            comment: r.comment.clone(),
            author_id: r.author_id.clone(),
            answers: pack_answers(values),
        }
    }
}

/// Separates two answers in `responses.answers`.
const ANSWER_SEPARATOR: char = ';';
/// Separates an item code from its value.
const VALUE_SEPARATOR: char = '=';

/// A response's answers as `responses.answers` holds them:
/// `item=value;item=value`, sorted by item code (byte order), '' for none.
/// Item codes never contain '=' or ';' (`analytics::ItemCode`).
pub fn pack_answers(values: &[(String, i32)]) -> String {
    let mut sorted: Vec<&(String, i32)> = values.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::with_capacity(values.len() * 16);
    for (item, value) in sorted {
        push_answer(&mut out, item, *value);
    }
    out
}

/// Appends one answer to a packed text; callers append in item order.
pub fn push_answer(out: &mut String, item: &str, value: i32) {
    use std::fmt::Write;
    if !out.is_empty() {
        out.push(ANSWER_SEPARATOR);
    }
    out.push_str(item);
    out.push(VALUE_SEPARATOR);
    // Writing to a String cannot fail.
    let _ = write!(out, "{value}");
}

/// The answers of a packed text, in its (item) order. A text this module
/// did not write is a database error, never a panic.
pub fn unpack_answers(text: &str) -> QueryResult<Vec<(String, i32)>> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(ANSWER_SEPARATOR)
        .map(|pair| {
            pair.split_once(VALUE_SEPARATOR)
                .and_then(|(item, value)| Some((item.to_string(), value.parse::<i32>().ok()?)))
                .ok_or_else(|| {
                    diesel::result::Error::DeserializationError(
                        format!("responses.answers: `{pair}` is not item=value").into(),
                    )
                })
        })
        .collect()
}

pub fn insert(conn: &mut DbConn, r: &Response, values: &[(String, i32)]) -> QueryResult<()> {
    diesel::insert_into(responses::table)
        .values(&NewResponse::of(r, values))
        .execute(conn)
        .map(|_| ())
}

/// A signed self-assessment already given by this author for this team.
pub fn find_signed(
    conn: &mut DbConn,
    campaign: &str,
    team: Option<&str>,
    population: &str,
    author: &str,
) -> QueryResult<Option<Response>> {
    let mut query = responses::table
        .filter(responses::campaign_id.eq(campaign))
        .filter(responses::population.eq(population))
        .filter(responses::author_id.eq(author))
        .select(Response::as_select())
        .into_boxed();
    query = match team {
        Some(t) => query.filter(responses::team_id.eq(t.to_string())),
        None => query.filter(responses::team_id.is_null()),
    };
    query.first(conn).optional()
}

/// A response's answers, by item code (none when it has no row).
pub fn answers_of(conn: &mut DbConn, response: &str) -> QueryResult<Vec<(String, i32)>> {
    let packed: Option<String> = responses::table
        .find(response)
        .select(responses::answers)
        .first(conn)
        .optional()?;
    packed.map_or(Ok(Vec::new()), |text| unpack_answers(&text))
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(responses::table.find(id)).execute(conn)
}

/// Responses of a campaign in pages (for rebuilding aggregates).
pub fn page(conn: &mut DbConn, campaign: &str, after: &str, limit: i64) -> QueryResult<Vec<Response>> {
    responses::table
        .filter(responses::campaign_id.eq(campaign))
        .filter(responses::id.gt(after))
        .order(responses::id)
        .limit(limit)
        .select(Response::as_select())
        .load(conn)
}

/// (response id, item, value) of each answer of these responses.
pub fn answers_of_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<(String, String, i32)>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(String, String)> = responses::table
            .filter(responses::id.eq_any(chunk))
            .select((responses::id, responses::answers))
            .load(conn)?;
        for (id, packed) in rows {
            for (item, value) in unpack_answers(&packed)? {
                out.push((id.clone(), item, value));
            }
        }
    }
    Ok(out)
}

/// Records a submission key; false when it was already there (a double
/// submission).
pub fn claim_submission_key(conn: &mut DbConn, campaign: &str, key: &str) -> QueryResult<bool> {
    let exists: i64 = submission_keys::table
        .filter(submission_keys::key.eq(key))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    diesel::insert_into(submission_keys::table)
        .values((submission_keys::key.eq(key), submission_keys::campaign_id.eq(campaign)))
        .execute(conn)?;
    Ok(true)
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = contact_requests)]
pub struct ContactRequest {
    pub id: String,
    pub campaign_id: String,
    pub team_id: String,
    pub contact: String,
    pub message: Option<String>,
    pub done: bool,
}

pub fn insert_contact(conn: &mut DbConn, c: &ContactRequest) -> QueryResult<()> {
    diesel::insert_into(contact_requests::table)
        .values(c)
        .execute(conn)
        .map(|_| ())
}

pub fn contacts_for_team(conn: &mut DbConn, campaign: &str, team: &str) -> QueryResult<Vec<ContactRequest>> {
    contact_requests::table
        .filter(contact_requests::campaign_id.eq(campaign))
        .filter(contact_requests::team_id.eq(team))
        .select(ContactRequest::as_select())
        .order(contact_requests::id)
        .load(conn)
}

pub fn find_contact(conn: &mut DbConn, campaign: &str, id: &str) -> QueryResult<Option<ContactRequest>> {
    contact_requests::table
        .filter(contact_requests::campaign_id.eq(campaign))
        .filter(contact_requests::id.eq(id))
        .select(ContactRequest::as_select())
        .first(conn)
        .optional()
}

pub fn set_contact_done(conn: &mut DbConn, campaign: &str, id: &str, done: bool) -> QueryResult<usize> {
    diesel::update(
        contact_requests::table
            .filter(contact_requests::campaign_id.eq(campaign))
            .filter(contact_requests::id.eq(id)),
    )
    .set(contact_requests::done.eq(done))
    .execute(conn)
}

/// Comments of a team's population, in random order (no dates shown).
pub fn comments(conn: &mut DbConn, campaign: &str, team_ids: &[String], population: &str) -> QueryResult<Vec<String>> {
    let mut list: Vec<Option<String>> = responses::table
        .filter(responses::campaign_id.eq(campaign))
        .filter(responses::team_id.eq_any(team_ids))
        .filter(responses::population.eq(population))
        .filter(responses::comment.is_not_null())
        .select(responses::comment)
        .load(conn)?;
    use rand::seq::SliceRandom;
    list.shuffle(&mut rand::thread_rng());
    Ok(list.into_iter().flatten().collect())
}

/// Team ids of an organisation keyed by code (for imports).
pub fn team_ids_by_code(conn: &mut DbConn, org: &str) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, String)> = teams::table
        .filter(teams::organisation_id.eq(org))
        .select((teams::code, teams::id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Inserts many responses with their answers, in multi-row statements of a
/// few fixed sizes (see [`write`]).
pub fn insert_many(conn: &mut DbConn, rows: &[(Response, Vec<(String, i32)>)]) -> QueryResult<()> {
    let new: Vec<NewResponse> = rows.iter().map(|(r, values)| NewResponse::of(r, values)).collect();
    write(conn, &new)
}

/// Records the submission keys of a batch of new responses, `(campaign,
/// key)` with distinct keys; returns the keys recorded now. A key already
/// there (a double submission, perhaps from another instance at the same
/// moment) is left as it is and not returned.
pub fn claim_submission_keys(
    conn: &mut DbConn,
    keys: &[(&str, &str)],
) -> QueryResult<std::collections::HashSet<String>> {
    let mut claimed = std::collections::HashSet::with_capacity(keys.len());
    // Few statement shapes, so each is prepared once per connection.
    for chunk in fixed_chunks(keys) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|(campaign, key)| {
                (
                    submission_keys::key.eq(*key),
                    submission_keys::campaign_id.eq(*campaign),
                )
            })
            .collect();
        let keys: Vec<String> = on_each_backend!(conn, |c| diesel::insert_into(submission_keys::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .returning(submission_keys::key)
            .get_results(c))?;
        claimed.extend(keys);
    }
    Ok(claimed)
}

/// `items` in chunks of 64, 16, 4 and 1: a batch of any size is written
/// with at most four statement shapes, which the connection keeps prepared.
pub fn fixed_chunks<T>(items: &[T]) -> impl Iterator<Item = &[T]> {
    let mut rest = items;
    std::iter::from_fn(move || {
        let size = [64, 16, 4, 1].into_iter().find(|s| *s <= rest.len())?;
        let (head, tail) = rest.split_at(size);
        rest = tail;
        Some(head)
    })
}

pub fn submission_key_exists(conn: &mut DbConn, key: &str) -> QueryResult<bool> {
    let n: i64 = submission_keys::table
        .filter(submission_keys::key.eq(key))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, i32)]) -> Vec<(String, i32)> {
        list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn answers_pack_sorted_by_item_and_unpack_to_the_same_pairs() {
        let given = pairs(&[("nps", 10), ("courtesy.c.1", 4), ("ces", 0), ("trust.xe.1", -1)]);
        let packed = pack_answers(&given);
        assert_eq!(packed, "ces=0;courtesy.c.1=4;nps=10;trust.xe.1=-1");
        let mut sorted = given.clone();
        sorted.sort();
        assert_eq!(unpack_answers(&packed).unwrap(), sorted);
        assert_eq!(pack_answers(&[]), "");
        assert_eq!(unpack_answers("").unwrap(), Vec::<(String, i32)>::new());
    }

    #[test]
    fn a_packed_text_this_module_did_not_write_is_an_error_not_a_panic() {
        for text in ["nps", "nps=", "nps=x", ";", "nps=1;", "nps=1;ces", "nps=99999999999"] {
            let outcome = unpack_answers(text);
            assert!(outcome.is_err(), "{text}: {outcome:?}");
        }
    }
}

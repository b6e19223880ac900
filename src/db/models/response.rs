//! Responses and their answers, submission keys, contact requests. Nothing
//! here relates a response to the invitation that allowed it.

use diesel::prelude::*;
use serde::Serialize;

use crate::analytics::{Channel, Population};
use crate::db::schema::{answers, contact_requests, responses, submission_keys, teams};
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = responses)]
pub struct Response {
    pub id: String,
    pub campaign_id: String,
    pub team_id: Option<String>,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub population: Population,
    #[diesel(deserialize_as = ChannelText, serialize_as = ChannelText)]
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

impl From<Option<Channel>> for ChannelText {
    fn from(channel: Option<Channel>) -> ChannelText {
        ChannelText(channel.map(|c| c.as_str().to_string()))
    }
}

impl TryFrom<ChannelText> for Option<Channel> {
    type Error = crate::analytics::AnalyticsError;

    fn try_from(text: ChannelText) -> Result<Option<Channel>, Self::Error> {
        text.0.as_deref().map(Channel::parse).transpose()
    }
}

impl diesel::expression::AsExpression<diesel::sql_types::Nullable<diesel::sql_types::Text>> for ChannelText {
    type Expression = <Option<String> as diesel::expression::AsExpression<
        diesel::sql_types::Nullable<diesel::sql_types::Text>,
    >>::Expression;

    fn as_expression(self) -> Self::Expression {
        diesel::expression::AsExpression::<diesel::sql_types::Nullable<diesel::sql_types::Text>>::as_expression(self.0)
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

pub fn insert(conn: &mut DbConn, r: &Response, values: &[(String, i32)]) -> QueryResult<()> {
    diesel::insert_into(responses::table).values(r.clone()).execute(conn)?;
    let rows: Vec<_> = values
        .iter()
        .map(|(item, value)| {
            (
                answers::response_id.eq(&r.id),
                answers::item_code.eq(item),
                answers::value.eq(*value),
            )
        })
        .collect();
    for chunk in rows.chunks(200) {
        on_each_backend!(conn, |c| diesel::insert_into(answers::table).values(chunk).execute(c))?;
    }
    Ok(())
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

pub fn answers_of(conn: &mut DbConn, response: &str) -> QueryResult<Vec<(String, i32)>> {
    answers::table
        .filter(answers::response_id.eq(response))
        .select((answers::item_code, answers::value))
        .order(answers::item_code)
        .load(conn)
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

pub fn answers_of_many(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<(String, String, i32)>> {
    answers::table
        .filter(answers::response_id.eq_any(ids))
        .select((answers::response_id, answers::item_code, answers::value))
        .load(conn)
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

/// Inserts many responses with their answers in a few statements.
pub fn insert_many(conn: &mut DbConn, rows: &[(Response, Vec<(String, i32)>)]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let records: Vec<&Response> = rows.iter().map(|(r, _)| r).collect();
    for chunk in records.chunks(100) {
        let owned: Vec<Response> = chunk.iter().map(|r| (*r).clone()).collect();
        on_each_backend!(conn, |c| diesel::insert_into(responses::table)
            .values(owned.clone())
            .execute(c))?;
    }
    let values: Vec<_> = rows
        .iter()
        .flat_map(|(r, answers)| {
            answers.iter().map(move |(item, value)| {
                (
                    answers::response_id.eq(&r.id),
                    answers::item_code.eq(item),
                    answers::value.eq(*value),
                )
            })
        })
        .collect();
    for chunk in values.chunks(300) {
        on_each_backend!(conn, |c| diesel::insert_into(answers::table).values(chunk).execute(c))?;
    }
    Ok(())
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

//! The aggregates reports read: answer histograms (stored as one row per
//! team, population, channel and item with its counts by value:
//! `answer_counts`), respondent counts per item group, orientation buckets. They are changed only through `Delta`, in the
//! transaction that stores (or replaces) a response, so they always equal
//! what a full rebuild from raw answers gives.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;
use diesel::upsert::excluded;

use crate::analytics::{
    fold_respondent, CampaignData, Channel, Folded, HistogramRow, ItemCode, OrientationRow, Population, Respondent,
    RespondentRow, Scope,
};
use crate::db::schema::{aggregate_versions, answer_counts, orientation_buckets, respondent_counts};
use crate::db::DbConn;

/// (team key, population, channel, item, value) → change of count. Team key
/// is the team id, or "" for organisation-level rows; channel "" for none.
type HistKey = (String, String, String, String, i32);
type CountKey = (String, String, String, String);
type BucketKey = (String, i32);

/// A histogram row's key: team key, population, channel, item.
type HistCell<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Answer values a histogram row holds (0–10): columns v0 … v10.
pub const VALUES: usize = 11;

/// The column of an answer value.
fn value_slot(value: i32) -> QueryResult<usize> {
    usize::try_from(value)
        .ok()
        .filter(|v| *v < VALUES)
        .ok_or_else(|| diesel::result::Error::SerializationError(format!("answer value {value} is not 0–10").into()))
}

/// Changes to the aggregates, merged per key and kept sorted so concurrent
/// writers always lock rows in the same order (no deadlocks).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Delta {
    pub histograms: BTreeMap<HistKey, i64>,
    pub respondents: BTreeMap<CountKey, i64>,
    pub orientation: BTreeMap<BucketKey, i64>,
}

fn channel_key(channel: Option<Channel>) -> String {
    channel.map(|c| c.as_str().to_string()).unwrap_or_default()
}

impl Delta {
    /// Adds (`sign` = 1) or removes (`sign` = -1) one respondent, folding
    /// their answers exactly as the analytics engine defines it.
    pub fn add(&mut self, respondent: &Respondent<'_>, sign: i64) {
        let mut folded = CampaignData::default();
        folded.add_respondent(respondent);
        // The respondent's team is already the key (a team id, or none).
        let key = respondent.team.unwrap_or_default();
        for h in &folded.histograms {
            self.add_histogram(h, key, sign);
        }
        for r in &folded.respondents {
            self.add_respondents(r, key, sign);
        }
        for o in &folded.orientation {
            self.add_orientation(o, key, sign);
        }
    }

    /// Adds `sign` × an engine row, stored under `team_key`.
    pub fn add_histogram(&mut self, h: &HistogramRow, team_key: &str, sign: i64) {
        let key = (
            team_key.to_owned(),
            h.population.as_str().to_string(),
            channel_key(h.channel),
            h.item.to_string(),
            i32::from(h.value),
        );
        *self.histograms.entry(key).or_default() += sign * h.count as i64;
    }

    pub fn add_respondents(&mut self, r: &RespondentRow, team_key: &str, sign: i64) {
        let key = (
            team_key.to_owned(),
            r.population.as_str().to_string(),
            channel_key(r.channel),
            r.scope.to_key(),
        );
        *self.respondents.entry(key).or_default() += sign * r.count as i64;
    }

    pub fn add_orientation(&mut self, o: &OrientationRow, team_key: &str, sign: i64) {
        *self
            .orientation
            .entry((team_key.to_owned(), i32::from(o.key)))
            .or_default() += sign * o.count as i64;
    }

    /// Keys held (rows one `apply` writes).
    pub fn len(&self) -> usize {
        self.histograms.len() + self.respondents.len() + self.orientation.len()
    }

    pub fn is_empty(&self) -> bool {
        self.histograms.is_empty() && self.respondents.is_empty() && self.orientation.is_empty()
    }
}

/// Counts many respondents in memory before they become a [`Delta`] (an
/// import of a million rows): the keys are small copies (the team borrowed,
/// enums, the item code), not strings, so counting a respondent costs a few
/// hash lookups and no allocation. Its size is bounded by teams ×
/// populations × channels × items × values, whatever the number of rows.
/// It folds through `analytics::fold_respondent`, as `Delta::add` does.
#[derive(Debug, Default)]
pub struct Tally<'t> {
    histograms: HashMap<(Group<'t>, ItemCode, u8), u64>,
    respondents: HashMap<(Group<'t>, Scope), u64>,
    orientation: HashMap<(&'t str, u8), u64>,
}

/// The respondents a `Tally` counts together: team (none: organisation
/// level), population, channel.
type Group<'t> = (Option<&'t str>, Population, Option<Channel>);

impl<'t> Tally<'t> {
    /// Adds one respondent of `team` (none: organisation level).
    pub fn add(
        &mut self,
        team: Option<&'t str>,
        population: Population,
        channel: Option<Channel>,
        answers: &[(ItemCode, u8)],
    ) {
        fold_respondent(answers, team.is_some(), |part| match part {
            Folded::Answer(item, value) => {
                *self
                    .histograms
                    .entry(((team, population, channel), item, value))
                    .or_default() += 1;
            }
            Folded::Respondent(scope) => {
                *self
                    .respondents
                    .entry(((team, population, channel), scope))
                    .or_default() += 1;
            }
            Folded::Orientation(key) => {
                if let Some(team) = team {
                    *self.orientation.entry((team, key)).or_default() += 1;
                }
            }
        });
    }

    /// The counts as the changes `apply` writes.
    pub fn into_delta(self) -> Delta {
        let mut delta = Delta::default();
        for (((team, population, channel), item, value), count) in self.histograms {
            let row = HistogramRow {
                team: None,
                population,
                channel,
                item,
                value,
                count,
            };
            delta.add_histogram(&row, team.unwrap_or_default(), 1);
        }
        for (((team, population, channel), scope), count) in self.respondents {
            let row = RespondentRow {
                team: None,
                population,
                channel,
                scope,
                count,
            };
            delta.add_respondents(&row, team.unwrap_or_default(), 1);
        }
        for ((team, key), count) in self.orientation {
            let row = OrientationRow {
                team: team.into(),
                key,
                count,
            };
            delta.add_orientation(&row, team, 1);
        }
        delta
    }
}

/// Marks a change of the aggregates of a campaign that is not open (import
/// into a closed campaign, rebuild): cached reports of closed campaigns are
/// keyed by this version. Open campaigns are never cached, so submissions
/// need not call it (and do not contend on one row).
pub fn touch(conn: &mut DbConn, campaign: &str) -> QueryResult<()> {
    use aggregate_versions as v;
    on_each_backend!(conn, |c| diesel::insert_into(v::table)
        .values((v::campaign_id.eq(campaign), v::version.eq(1_i64)))
        .on_conflict(v::campaign_id)
        .do_update()
        .set(v::version.eq(v::version + 1_i64))
        .execute(c))?;
    Ok(())
}

/// The version `touch` keeps (0 before the first change).
pub fn version(conn: &mut DbConn, campaign: &str) -> QueryResult<i64> {
    use aggregate_versions as v;
    Ok(v::table
        .filter(v::campaign_id.eq(campaign))
        .select(v::version)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// Applies a delta with `count = count + change` upserts. Writers to a
/// campaign that is not open must also call [`touch`].
pub fn apply(conn: &mut DbConn, campaign: &str, delta: &Delta) -> QueryResult<()> {
    use answer_counts as h;
    use orientation_buckets as o;
    use respondent_counts as r;
    // One multi-row upsert per table and chunk: a submission touches about
    // fifty rows, and one statement instead of fifty is what makes it cheap
    // on a networked database. Keys are distinct within a delta (merged), as
    // a multi-row upsert requires, and sorted (same lock order everywhere).
    const CHUNK: usize = 400;
    // One row per histogram key with its counts by value: the delta's
    // (key, value) changes are grouped by key (the sorted map keeps a key's
    // values together).
    let mut grouped: Vec<(HistCell<'_>, [i64; VALUES])> = Vec::new();
    for ((team, population, channel, item, value), change) in &delta.histograms {
        let slot = value_slot(*value)?;
        let key = (team.as_str(), population.as_str(), channel.as_str(), item.as_str());
        match grouped.last_mut() {
            Some((last, counts)) if *last == key => counts[slot] += change,
            _ => {
                let mut counts = [0; VALUES];
                counts[slot] = *change;
                grouped.push((key, counts));
            }
        }
    }
    let histograms: Vec<_> = grouped
        .iter()
        .map(|((team, population, channel, item), v)| {
            (
                h::campaign_id.eq(campaign),
                h::team_key.eq(*team),
                h::population.eq(*population),
                h::channel.eq(*channel),
                h::item_code.eq(*item),
                (
                    h::v0.eq(v[0]),
                    h::v1.eq(v[1]),
                    h::v2.eq(v[2]),
                    h::v3.eq(v[3]),
                    h::v4.eq(v[4]),
                    h::v5.eq(v[5]),
                    h::v6.eq(v[6]),
                    h::v7.eq(v[7]),
                    h::v8.eq(v[8]),
                    h::v9.eq(v[9]),
                    h::v10.eq(v[10]),
                ),
            )
        })
        .collect();
    for chunk in histograms.chunks(CHUNK) {
        on_each_backend!(conn, |c| diesel::insert_into(h::table)
            .values(chunk)
            .on_conflict((h::campaign_id, h::team_key, h::population, h::channel, h::item_code))
            .do_update()
            .set((
                h::v0.eq(h::v0 + excluded(h::v0)),
                h::v1.eq(h::v1 + excluded(h::v1)),
                h::v2.eq(h::v2 + excluded(h::v2)),
                h::v3.eq(h::v3 + excluded(h::v3)),
                h::v4.eq(h::v4 + excluded(h::v4)),
                h::v5.eq(h::v5 + excluded(h::v5)),
                h::v6.eq(h::v6 + excluded(h::v6)),
                h::v7.eq(h::v7 + excluded(h::v7)),
                h::v8.eq(h::v8 + excluded(h::v8)),
                h::v9.eq(h::v9 + excluded(h::v9)),
                h::v10.eq(h::v10 + excluded(h::v10)),
            ))
            .execute(c))?;
    }
    let respondents: Vec<_> = delta
        .respondents
        .iter()
        .map(|((team, population, channel, scope), change)| {
            (
                r::campaign_id.eq(campaign),
                r::team_key.eq(team),
                r::population.eq(population),
                r::channel.eq(channel),
                r::scope.eq(scope),
                r::count.eq(change),
            )
        })
        .collect();
    for chunk in respondents.chunks(CHUNK) {
        on_each_backend!(conn, |c| diesel::insert_into(r::table)
            .values(chunk)
            .on_conflict((r::campaign_id, r::team_key, r::population, r::channel, r::scope))
            .do_update()
            .set(r::count.eq(r::count + excluded(r::count)))
            .execute(c))?;
    }
    let orientation: Vec<_> = delta
        .orientation
        .iter()
        .map(|((team, bucket), change)| {
            (
                o::campaign_id.eq(campaign),
                o::team_key.eq(team),
                o::bucket.eq(bucket),
                o::count.eq(change),
            )
        })
        .collect();
    for chunk in orientation.chunks(CHUNK) {
        on_each_backend!(conn, |c| diesel::insert_into(o::table)
            .values(chunk)
            .on_conflict((o::campaign_id, o::team_key, o::bucket))
            .do_update()
            .set(o::count.eq(o::count + excluded(o::count)))
            .execute(c))?;
    }
    Ok(())
}

/// Every aggregate row of a campaign, as stored.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stored {
    pub histograms: Vec<(String, String, String, String, i32, i64)>,
    pub respondents: Vec<(String, String, String, String, i64)>,
    pub orientation: Vec<(String, i32, i64)>,
}

pub fn load(conn: &mut DbConn, campaign: &str) -> QueryResult<Stored> {
    let mut histograms = Vec::new();
    each_histogram::<diesel::result::Error>(conn, campaign, |t, p, c, i, v, n| {
        histograms.push((t.to_owned(), p.to_owned(), c.to_owned(), i.to_owned(), v, n));
        Ok(())
    })?;
    histograms.sort_unstable();
    let mut stored = load_counts(conn, campaign)?;
    stored.respondents.sort_unstable();
    stored.orientation.sort_unstable();
    Ok(Stored { histograms, ..stored })
}

/// The respondent counts and orientation buckets of a campaign, in no
/// particular order (its histograms left empty: see [`each_histogram`]).
pub fn load_counts(conn: &mut DbConn, campaign: &str) -> QueryResult<Stored> {
    use orientation_buckets as o;
    use respondent_counts as r;
    let respondents = r::table
        .filter(r::campaign_id.eq(campaign))
        .filter(r::count.ne(0))
        .select((r::team_key, r::population, r::channel, r::scope, r::count))
        .load(conn)?;
    let orientation = o::table
        .filter(o::campaign_id.eq(campaign))
        .filter(o::count.ne(0))
        .select((o::team_key, o::bucket, o::count))
        .load(conn)?;
    Ok(Stored {
        histograms: Vec::new(),
        respondents,
        orientation,
    })
}

/// Streams a campaign's answer histogram cells (the largest table: about
/// 200,000 rows of up to 11 counts at 1,000 teams, so they are not
/// collected first), in no particular order: reports only add them up.
/// Arguments: team key, population, channel, item, value, count (never 0).
pub fn each_histogram<E: From<diesel::result::Error>>(
    conn: &mut DbConn,
    campaign: &str,
    mut f: impl FnMut(&str, &str, &str, &str, i32, i64) -> Result<(), E>,
) -> Result<(), E> {
    use answer_counts as h;
    let query = h::table.filter(h::campaign_id.eq(campaign)).select((
        h::team_key,
        h::population,
        h::channel,
        h::item_code,
        (
            h::v0,
            h::v1,
            h::v2,
            h::v3,
            h::v4,
            h::v5,
            h::v6,
            h::v7,
            h::v8,
            h::v9,
            h::v10,
        ),
    ));
    type Counts = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);
    type Row = (String, String, String, String, Counts);
    let mut each = |(team, population, channel, item, c): Row| -> Result<(), E> {
        let counts: [i64; VALUES] = [c.0, c.1, c.2, c.3, c.4, c.5, c.6, c.7, c.8, c.9, c.10];
        for (value, count) in (0i32..).zip(counts) {
            if count != 0 {
                f(&team, &population, &channel, &item, value, count)?;
            }
        }
        Ok(())
    };
    // PostgreSQL row by row: libpq would otherwise hold the whole result
    // (tens of MiB at 1,000 teams) before the first row is read.
    match conn {
        DbConn::Postgres(c) => {
            for row in query.load_iter::<Row, diesel::pg::PgRowByRowLoadingMode>(c)? {
                each(row?)?;
            }
        }
        DbConn::Sqlite(c) => {
            for row in query.load_iter::<Row, diesel::connection::DefaultLoadingMode>(c)? {
                each(row?)?;
            }
        }
    }
    Ok(())
}

/// Deletes a campaign's aggregates (before a rebuild).
pub fn clear(conn: &mut DbConn, campaign: &str) -> QueryResult<()> {
    diesel::delete(answer_counts::table.filter(answer_counts::campaign_id.eq(campaign))).execute(conn)?;
    diesel::delete(respondent_counts::table.filter(respondent_counts::campaign_id.eq(campaign))).execute(conn)?;
    diesel::delete(orientation_buckets::table.filter(orientation_buckets::campaign_id.eq(campaign))).execute(conn)?;
    Ok(())
}

/// Respondents per (team key, population), all channels together.
pub fn respondents_per_team(conn: &mut DbConn, campaign: &str) -> QueryResult<BTreeMap<(String, String), i64>> {
    use respondent_counts as r;
    let rows: Vec<(String, String, i64)> = r::table
        .filter(r::campaign_id.eq(campaign))
        .filter(r::scope.eq("*"))
        .select((r::team_key, r::population, r::count))
        .load(conn)?;
    let mut out = BTreeMap::new();
    for (team, population, count) in rows {
        *out.entry((team, population)).or_default() += count;
    }
    Ok(out)
}

/// A respondent rebuilt from stored answers (for rebuilds and replacements).
pub fn respondent_answers(answers: &[(String, i32)]) -> Vec<(ItemCode, u8)> {
    answers
        .iter()
        .filter_map(|(code, value)| Some((ItemCode::parse(code).ok()?, u8::try_from(*value).ok()?)))
        .collect()
}

pub fn population_of(text: &str) -> Option<Population> {
    Population::parse(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// Counting in a `Tally` and adding respondents one by one to a `Delta`
    /// give the same changes: same keys, same counts.
    #[test]
    fn a_tally_gives_the_delta_of_its_respondents_added_one_by_one() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(14);
        let items: Vec<ItemCode> = [
            "courtesy.c.1",
            "nps",
            "csat",
            "listening.e.1",
            "enps",
            "orientation.1",
            "orientation.2",
        ]
        .iter()
        .map(|c| ItemCode::parse(c).unwrap())
        .collect();
        let teams = ["t1".to_string(), "t2".to_string()];
        let mut tally = Tally::default();
        let mut delta = Delta::default();
        for _ in 0..2000 {
            let team = match rng.gen_range(0..3) {
                0 => None,
                i => Some(teams[i - 1].as_str()),
            };
            let population = Population::ALL[rng.gen_range(0..Population::ALL.len())];
            let channel =
                (population == Population::Customer).then(|| Channel::ALL[rng.gen_range(0..Channel::ALL.len())]);
            let mut answers: Vec<(ItemCode, u8)> = Vec::new();
            for code in &items {
                if rng.gen_bool(0.6) {
                    answers.push((*code, rng.gen_range(1..=5)));
                }
            }
            tally.add(team, population, channel, &answers);
            delta.add(
                &Respondent {
                    team,
                    population,
                    channel,
                    answers: &answers,
                },
                1,
            );
        }
        let counted = tally.into_delta();
        assert!(counted.orientation.len() > 5 && counted.histograms.len() > 100);
        assert_eq!(counted, delta);
    }
}

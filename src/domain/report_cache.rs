//! Reports of campaigns that are no longer open, kept in memory.
//!
//! A closed wave is read far more often than it changes (every dashboard,
//! team page, audit, export and API call builds the report), while loading
//! its aggregate rows dominates the cost at scale (about a million rows at
//! 1,000 teams). An entry is reused only when everything the report depends
//! on is unchanged, checked against the database on every request, so
//! several instances behind a load balancer never serve a stale figure:
//!
//! * the campaign's status and name, and its aggregate version (bumped by
//!   every writer to a campaign that is not open: import, rebuild);
//! * the organisation's anonymity threshold;
//! * the whole team tree (ids, codes, names, parents), compared exactly.
//!
//! Open campaigns are never cached: each answer changes them. The cache is
//! bounded by the number of groups (teams) its reports hold and drops the
//! least recently used entries first. Authorisation is checked by the
//! callers before any look-up, exactly as without the cache.

use std::sync::{Arc, LazyLock, Mutex};

use bytes::Bytes;

use crate::analytics::{CampaignReport, Channel, ChannelView};
use crate::db::models::team::Team;

/// Groups (organisation + teams) held at most, over all cached reports:
/// about 10 KB each in memory, so roughly 200 MB at most.
const MAX_GROUPS: usize = 20_000;

/// What a cached value was computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Report {
        campaign: String,
        team: Option<String>,
        channel: Option<Channel>,
    },
    /// The organisation's channel view (dashboard).
    Channels { campaign: String },
    /// The API's JSON of a report (a 1,000-team report is about 15 MB,
    /// whose serialisation would otherwise cost more than the rest).
    Json {
        campaign: String,
        team: Option<String>,
        channel: Option<Channel>,
    },
}

/// Everything a cached value depends on besides the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub status: String,
    pub name: String,
    pub version: i64,
    pub threshold: i32,
    pub teams: Vec<(String, String, String, Option<String>)>,
}

impl Stamp {
    pub fn new(status: &str, name: &str, version: i64, threshold: i32, teams: &[Team]) -> Stamp {
        Stamp {
            status: status.to_owned(),
            name: name.to_owned(),
            version,
            threshold,
            teams: teams
                .iter()
                .map(|t| (t.id.clone(), t.code.clone(), t.name.clone(), t.parent_id.clone()))
                .collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Value {
    Report(Arc<CampaignReport>),
    Channels(Arc<Option<ChannelView>>),
    /// JSON text, weighted by its number of groups.
    Json(Bytes, usize),
}

impl Value {
    fn groups(&self) -> usize {
        match self {
            Value::Report(r) => r.teams.len() + 1,
            Value::Channels(_) => 1,
            Value::Json(_, groups) => *groups,
        }
    }
}

struct Entry {
    key: Key,
    stamp: Arc<Stamp>,
    value: Value,
    used: u64,
}

#[derive(Default)]
struct Cache {
    entries: Vec<Entry>,
    clock: u64,
}

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(|| Mutex::new(Cache::default()));

fn cache() -> std::sync::MutexGuard<'static, Cache> {
    // A panic while holding the lock leaves nothing half-written worth
    // refusing: entries are inserted whole.
    CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The cached value for `key` if it was computed for exactly `stamp`.
pub fn get(key: &Key, stamp: &Stamp) -> Option<Value> {
    let mut cache = cache();
    cache.clock += 1;
    let now = cache.clock;
    let entry = cache.entries.iter_mut().find(|e| &e.key == key && *e.stamp == *stamp)?;
    entry.used = now;
    Some(entry.value.clone())
}

/// Keeps `value`, replacing what `key` held, then drops the least recently
/// used entries beyond the bound.
pub fn put(key: Key, stamp: Arc<Stamp>, value: Value) {
    let mut cache = cache();
    cache.clock += 1;
    let used = cache.clock;
    cache.entries.retain(|e| e.key != key);
    cache.entries.push(Entry {
        key,
        stamp,
        value,
        used,
    });
    while cache.entries.iter().map(|e| e.value.groups()).sum::<usize>() > MAX_GROUPS && cache.entries.len() > 1 {
        let oldest = cache
            .entries
            .iter()
            .enumerate()
            .min_by_key(|(_, e)| e.used)
            .map(|(i, _)| i);
        if let Some(i) = oldest {
            cache.entries.swap_remove(i);
        }
    }
}

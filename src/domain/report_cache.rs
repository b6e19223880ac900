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
    /// The organisation's label thresholds (floor, average): settings that
    /// can change after the close, unlike the frozen threshold.
    pub label: (i32, i32),
    pub teams: Vec<(String, String, String, Option<String>)>,
}

impl Stamp {
    /// A digest of the stamp and of the program that builds the reports:
    /// what a report stored in the database must carry to be served (a new
    /// version of the program rebuilds what it publishes).
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        let mut field = |bytes: &[u8]| {
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        field(program().as_bytes());
        field(self.status.as_bytes());
        field(self.name.as_bytes());
        field(&self.version.to_le_bytes());
        field(&self.threshold.to_le_bytes());
        field(&self.label.0.to_le_bytes());
        field(&self.label.1.to_le_bytes());
        for (id, code, name, parent) in &self.teams {
            field(id.as_bytes());
            field(code.as_bytes());
            field(name.as_bytes());
            field(parent.as_deref().unwrap_or("\0").as_bytes());
        }
        let digest = h.finalize();
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn new(status: &str, name: &str, version: i64, threshold: i32, label: (i32, i32), teams: &[Team]) -> Stamp {
        Stamp {
            status: status.to_owned(),
            name: name.to_owned(),
            version,
            threshold,
            label,
            teams: teams
                .iter()
                .map(|t| (t.id.clone(), t.code.clone(), t.name.clone(), t.parent_id.clone()))
                .collect(),
        }
    }
}

/// The identity of the program that builds the reports: its version and a
/// digest of the engine's sources (`build.rs`). Instances built from the
/// same sources share what they publish; another engine rebuilds it.
fn program() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), ":", env!("MIROIR_ENGINE_DIGEST"))
}

impl Key {
    /// The name a published report is kept under in the database.
    pub fn kind(&self) -> String {
        let filtered = |what: &str, team: &Option<String>, channel: &Option<Channel>| {
            let mut kind = what.to_string();
            if let Some(team) = team {
                kind.push_str("/team=");
                kind.push_str(team);
            }
            if let Some(channel) = channel {
                kind.push_str("/channel=");
                kind.push_str(channel.as_str());
            }
            kind
        };
        match self {
            Key::Report { team, channel, .. } => filtered("report", team, channel),
            Key::Json { team, channel, .. } => filtered("json", team, channel),
            Key::Channels { .. } => "channels".into(),
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

/// Forgets what this instance keeps of a campaign (its reports stay
/// published in the database): what a restart does.
pub fn forget(campaign_id: &str) {
    cache().entries.retain(|e| match &e.key {
        Key::Report { campaign, .. } | Key::Json { campaign, .. } | Key::Channels { campaign } => {
            campaign != campaign_id
        }
    });
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

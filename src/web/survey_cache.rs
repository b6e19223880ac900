//! Survey forms rendered once. The anonymous forms (a customer's team link,
//! an employee's invitation) are the same bytes for every respondent of a
//! team, channel and language, but for the CSRF token, the idempotency key
//! and (an invitation's) action. Each form is rendered once with markers in
//! those places, cut at the markers, and kept; a request joins the pieces
//! with its own values, escaped as the template would have escaped them.
//! The look-ups behind a customer's link (campaign, team, organisation) are
//! kept too.
//!
//! Freshness: triggers move the database's change stamp (`page_stamp`) on
//! every write to organisations, teams and campaigns, whoever makes it. An
//! instance re-reads the stamp at most every `MIROIR_PAGE_STAMP_MS`, and at
//! once after a write request it served itself; kept look-ups are keyed by
//! the stamp. Kept pages are keyed by everything they show, so a page is
//! never older than the look-up it was drawn from.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use quick_cache::sync::Cache;

use crate::analytics::Channel;
use crate::domain::survey::{self, Target};
use crate::domain::DomainError;
use crate::error::AppResult;
use crate::web::state::AppState;

/// Bytes of rendered pages kept per instance (a form is about 20 KB).
const PAGE_BYTES: u64 = 32 * 1024 * 1024;
/// Customer links whose look-ups are kept per instance.
const TARGETS: usize = 10_000;

/// The stamp as this instance last read it, and the writes it served since
/// (a read that started before a write must not be taken as fresh).
#[derive(Default)]
struct StampView {
    known: Option<(i64, Instant)>,
    writes: u64,
}

pub struct SurveyCache {
    enabled: bool,
    window: Duration,
    stamp: Mutex<StampView>,
    targets: Cache<TargetKey, Arc<(Target, String)>>,
    pages: Cache<PageKey, Arc<SplitPage>, PageWeight>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct TargetKey {
    stamp: i64,
    code: String,
    team_code: String,
}

/// Everything a kept form shows: the campaign, organisation and team as
/// read, the population and channel, the language and the notice.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    campaign_id: String,
    campaign_name: String,
    campaign_status: &'static str,
    campaign_languages: String,
    instrument_version: i32,
    org_name: String,
    org_default: String,
    team_name: Option<String>,
    population: &'static str,
    channel: Option<&'static str>,
    lang: String,
    notice: Option<String>,
}

impl PageKey {
    pub fn new(target: &Target, lang: &str, notice: Option<&str>) -> PageKey {
        let c = &target.campaign;
        PageKey {
            campaign_id: c.id.clone(),
            campaign_name: c.name.clone(),
            campaign_status: c.status.as_str(),
            campaign_languages: c.languages.clone(),
            instrument_version: c.instrument_version,
            org_name: target.org_name.clone(),
            org_default: target.org_default.clone(),
            team_name: target.team_name.clone(),
            population: target.population.as_str(),
            channel: target.channel.map(Channel::as_str),
            lang: lang.to_string(),
            notice: notice.map(str::to_string),
        }
    }
}

#[derive(Clone)]
struct PageWeight;

impl quick_cache::Weighter<PageKey, Arc<SplitPage>> for PageWeight {
    fn weight(&self, _: &PageKey, page: &Arc<SplitPage>) -> u64 {
        page.len as u64 + 256
    }
}

impl SurveyCache {
    /// Templates reloaded from disk (development) are never kept.
    pub fn new(window_ms: u64, templates_reloaded: bool) -> SurveyCache {
        SurveyCache {
            enabled: !templates_reloaded,
            window: Duration::from_millis(window_ms),
            stamp: Mutex::new(StampView::default()),
            targets: Cache::new(TARGETS),
            pages: Cache::with_weighter(2048, PAGE_BYTES, PageWeight),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn view(&self) -> MutexGuard<'_, StampView> {
        // Nothing held under the lock can be left half-changed by a panic.
        self.stamp.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A write request this instance served (or its scheduler's pass) may
    /// have changed what forms show: the next form re-reads the stamp.
    pub fn written(&self) {
        let mut view = self.view();
        view.writes = view.writes.wrapping_add(1);
        view.known = None;
    }

    /// The change stamp, re-read when older than the window.
    async fn stamp(&self, state: &AppState) -> AppResult<i64> {
        let writes = {
            let view = self.view();
            if let Some((stamp, read_at)) = view.known {
                if read_at.elapsed() < self.window {
                    return Ok(stamp);
                }
            }
            view.writes
        };
        let started = Instant::now();
        let stamp = state.db(|conn| Ok(survey::page_stamp(conn)?)).await?;
        let mut view = self.view();
        if view.writes == writes {
            if view.known.is_some_and(|(old, _)| old != stamp) {
                self.targets.clear();
            }
            view.known = Some((stamp, started));
        }
        Ok(stamp)
    }

    /// A customer link's target and team id, or why it cannot be answered.
    pub async fn customer_target(
        &self,
        state: &AppState,
        code: String,
        team_code: String,
        channel: Channel,
    ) -> AppResult<Result<(Target, String), DomainError>> {
        if !self.enabled {
            return lookup(state, code, team_code, channel).await;
        }
        let key = TargetKey {
            stamp: self.stamp(state).await?,
            code,
            team_code,
        };
        if let Some(found) = self.targets.get(&key) {
            let (mut target, team_id) = (found.0.clone(), found.1.clone());
            target.channel = Some(channel);
            return Ok(Ok((target, team_id)));
        }
        let found = lookup(state, key.code.clone(), key.team_code.clone(), channel).await?;
        if let Ok(found) = &found {
            self.targets.insert(key, Arc::new(found.clone()));
        }
        Ok(found)
    }

    /// The kept form for `key`, rendered by `render` (given the markers to
    /// put in place of the per-request values) the first time.
    pub fn page(
        &self,
        key: PageKey,
        render: impl FnOnce(&Markers) -> AppResult<String>,
    ) -> AppResult<Option<Arc<SplitPage>>> {
        if let Some(page) = self.pages.get(&key) {
            return Ok(Some(page));
        }
        let markers = Markers::new();
        let page = SplitPage::split(&render(&markers)?, &markers);
        if let Some(page) = &page {
            self.pages.insert(key, page.clone());
        }
        Ok(page)
    }
}

async fn lookup(
    state: &AppState,
    code: String,
    team_code: String,
    channel: Channel,
) -> AppResult<Result<(Target, String), DomainError>> {
    state
        .db(move |conn| Ok(answerable(survey::customer_target(conn, &code, &team_code, channel))?))
        .await
}

/// Splits why a link cannot be answered (shown as a message) from a
/// failure of the server.
pub fn answerable<T>(found: Result<T, DomainError>) -> Result<Result<T, DomainError>, DomainError> {
    match found {
        Ok(t) => Ok(Ok(t)),
        Err(e @ (DomainError::Validation(_) | DomainError::Conflict(_) | DomainError::NotFound)) => Ok(Err(e)),
        Err(e) => Err(e),
    }
}

/// What a request puts into a kept form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Csrf,
    IdempotencyKey,
    Action,
}

impl Slot {
    const ALL: [Slot; 3] = [Slot::Csrf, Slot::IdempotencyKey, Slot::Action];

    fn letter(self) -> u8 {
        match self {
            Slot::Csrf => b'c',
            Slot::IdempotencyKey => b'k',
            Slot::Action => b'a',
        }
    }
}

/// Stand-ins rendered where the per-request values go. Each holds a random
/// nonce drawn after the page's data was read, between two U+0001 (a
/// control character that no stored text may hold and that HTML escaping
/// leaves alone), so no organisation, team or question text can collide.
pub struct Markers {
    nonce: String,
}

impl Markers {
    fn new() -> Markers {
        Markers {
            nonce: format!("\u{1}{}", crate::auth::random_token(16)),
        }
    }

    fn of(&self, slot: Slot) -> String {
        format!("{}{}\u{1}", self.nonce, char::from(slot.letter()))
    }

    pub fn csrf(&self) -> String {
        self.of(Slot::Csrf)
    }

    pub fn idempotency_key(&self) -> String {
        self.of(Slot::IdempotencyKey)
    }

    pub fn action(&self) -> String {
        self.of(Slot::Action)
    }
}

/// A rendered form cut at its markers: `pieces[i]`, then the value of
/// `slots[i]`, …, then the last piece.
pub struct SplitPage {
    pieces: Vec<String>,
    slots: Vec<Slot>,
    len: usize,
}

impl SplitPage {
    /// `None` when a form lacks its CSRF field or idempotency key (a
    /// template that changed shape): such a form is rendered every time.
    fn split(html: &str, markers: &Markers) -> Option<Arc<SplitPage>> {
        let mut pieces = Vec::new();
        let mut slots = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find(&markers.nonce) {
            let after = &rest[at + markers.nonce.len()..];
            let slot = Slot::ALL
                .into_iter()
                .find(|s| after.as_bytes().get(..2) == Some(&[s.letter(), 1]))?;
            pieces.push(rest[..at].to_string());
            slots.push(slot);
            rest = &after[2..];
        }
        pieces.push(rest.to_string());
        let has = |slot| slots.contains(&slot);
        (has(Slot::Csrf) && has(Slot::IdempotencyKey)).then(|| {
            Arc::new(SplitPage {
                len: pieces.iter().map(String::len).sum(),
                pieces,
                slots,
            })
        })
    }

    /// The form for one request: its CSRF token, a fresh idempotency key
    /// and its action, each HTML-escaped as `{{…}}` escapes.
    pub fn join(&self, csrf: &str, idempotency_key: &str, action: &str) -> String {
        let values = [
            handlebars::html_escape(csrf),
            handlebars::html_escape(idempotency_key),
            handlebars::html_escape(action),
        ];
        let value = |slot: Slot| match slot {
            Slot::Csrf => &values[0],
            Slot::IdempotencyKey => &values[1],
            Slot::Action => &values[2],
        };
        let extra: usize = self.slots.iter().map(|s| value(*s).len()).sum();
        let mut out = String::with_capacity(self.len + extra);
        for (piece, slot) in self.pieces.iter().zip(&self.slots) {
            out.push_str(piece);
            out.push_str(value(*slot));
        }
        if let Some(last) = self.pieces.last() {
            out.push_str(last);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(markers: &Markers, team: &str) -> String {
        format!(
            "<h1>{}</h1><form action=\"{}\"><input name=\"csrf\" value=\"{}\">\
             <input name=\"idempotency_key\" value=\"{}\"></form>",
            handlebars::html_escape(team),
            markers.action(),
            markers.csrf(),
            markers.idempotency_key()
        )
    }

    #[test]
    fn a_kept_form_joins_each_request_s_values_escaped() {
        let markers = Markers::new();
        let split = SplitPage::split(&page(&markers, "Caisse <2>"), &markers).unwrap();
        assert_eq!(split.slots, [Slot::Action, Slot::Csrf, Slot::IdempotencyKey]);
        assert_eq!(
            split.join("tok&en", "key\"1", "/i/a<b"),
            "<h1>Caisse &lt;2&gt;</h1><form action=\"/i/a&lt;b\"><input name=\"csrf\" value=\"tok&amp;en\">\
             <input name=\"idempotency_key\" value=\"key&quot;1\"></form>"
        );
    }

    #[test]
    fn text_that_looks_like_a_marker_stays_text() {
        let markers = Markers::new();
        // A team named like another render's marker, and one with the
        // marker's letters but no control character.
        let other = Markers::new().csrf();
        let team = format!("{other} {}c", markers.nonce.trim_start_matches('\u{1}'));
        let split = SplitPage::split(&page(&markers, &team), &markers).unwrap();
        assert_eq!(split.slots.len(), 3);
        assert!(split.join("T", "K", "A").contains(&handlebars::html_escape(&team)));
    }

    #[test]
    fn a_form_without_its_fields_is_not_kept() {
        let markers = Markers::new();
        assert!(SplitPage::split("<form></form>", &markers).is_none());
        let cut = format!("{}x", markers.nonce);
        assert!(SplitPage::split(&cut, &markers).is_none());
    }
}

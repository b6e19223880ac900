//! Webhooks: an organisation's endpoints and the events they want, the
//! durable outbox those events are written to (in the transaction of what
//! they announce), and the delivery task that posts them signed as
//! Standard Webhooks, retrying with backoff.
//!
//! Events: `campaign.opened`, `campaign.closed` (from `campaigns::apply`),
//! `contact.requested` (a customer's call-back request, as they consented
//! to give it, never an answer), `action.updated` (an action adopted or its
//! status changed), `participation.updated` (response counts of an open
//! wave, only those the campaign page shows) and `webhook.test`.
//!
//! `participation.updated` is not emitted on each answer, which would tell
//! a receiver when each person answered: the delivery task compares each
//! open campaign's shown counts at most once an hour (the comparison is
//! claimed by one instance with a conditional update of
//! `webhook_participation`) and emits them only when they changed since
//! the last ones sent.

use std::time::Duration;

use base64::Engine;
use chrono::NaiveDateTime;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::Sha256;

use super::{authorise, DomainError, DomainResult};
use crate::auth::policy::{Action, Principal};
use crate::db::models::campaign::{self, Campaign, CampaignStatus};
use crate::db::models::webhook::{self, Endpoint, OutboxRow};
use crate::db::models::{new_id, now, team};
use crate::db::{DbConn, Pool};

pub const CAMPAIGN_OPENED: &str = "campaign.opened";
pub const CAMPAIGN_CLOSED: &str = "campaign.closed";
pub const PARTICIPATION_UPDATED: &str = "participation.updated";
pub const CONTACT_REQUESTED: &str = "contact.requested";
pub const ACTION_UPDATED: &str = "action.updated";
/// Sent by the "send test event" button to one endpoint, whatever it wants.
pub const TEST_EVENT: &str = "webhook.test";

/// The events an endpoint may subscribe to (a closed list).
pub const EVENTS: [&str; 5] = [
    CAMPAIGN_OPENED,
    CAMPAIGN_CLOSED,
    PARTICIPATION_UPDATED,
    CONTACT_REQUESTED,
    ACTION_UPDATED,
];

/// Longest endpoint URL accepted.
pub const MAX_URL: usize = 2000;
/// Most endpoints per organisation.
pub const MAX_ENDPOINTS: usize = 20;
/// Rows of the delivery log shown.
pub const LOG_ROWS: i64 = 50;
/// Waits before the 2nd, 3rd… attempt; after the last, the message is
/// given up (marked failed), 8 attempts in all.
pub const BACKOFF_SECONDS: [i64; 7] = [5, 30, 120, 600, 3600, 6 * 3600, 12 * 3600];
/// How long one attempt may take.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// A claimed row is not taken again by any instance for this long (longer
/// than an attempt's timeout): an instance that dies mid-delivery leaves
/// the row to be retried after it.
const LEASE_SECONDS: i64 = 60;
/// Rows claimed per poll.
const BATCH: i64 = 20;
/// `participation.updated`: at most once per this many seconds per wave.
pub const PARTICIPATION_SECONDS: i64 = 3600;

/// What a person types into the form or sends to the API.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EndpointInput {
    /// `http://` or `https://` address that receives the events.
    #[schema(max_length = 2000)]
    pub url: String,
    /// Events to receive, from the closed list.
    pub events: Vec<String>,
}

/// An endpoint just created, with its signing secret (shown once).
#[derive(Debug, Clone)]
pub struct Created {
    pub endpoint: Endpoint,
    pub secret: String,
}

/// One line of the delivery log.
#[derive(Debug, Clone, Serialize)]
pub struct LogRow {
    pub id: String,
    pub endpoint_id: String,
    pub url: String,
    pub event_type: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    /// `delivered`, `pending` (waiting for its next attempt) or `failed`.
    pub status: &'static str,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<NaiveDateTime>,
    pub next_attempt_at: Option<NaiveDateTime>,
}

impl From<(OutboxRow, String)> for LogRow {
    fn from((row, url): (OutboxRow, String)) -> LogRow {
        let status = match (row.delivered_at, row.next_attempt_at) {
            (Some(_), _) => "delivered",
            (None, Some(_)) => "pending",
            (None, None) => "failed",
        };
        LogRow {
            id: row.id,
            endpoint_id: row.endpoint_id,
            url,
            event_type: row.event_type,
            created_at: row.created_at,
            attempts: row.attempts,
            status,
            last_status: row.last_status,
            last_error: row.last_error,
            delivered_at: row.delivered_at,
            next_attempt_at: row.next_attempt_at,
        }
    }
}

/// An address a webhook may be posted to: absolute `http`/`https` with a
/// host, no user name or password in it.
pub fn parse_url(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("webhook-error-url-missing");
    }
    if text.len() > MAX_URL {
        return Err("webhook-error-url-long");
    }
    let url = url::Url::parse(text).map_err(|_| "webhook-error-url")?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err("webhook-error-url");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("webhook-error-url-credentials");
    }
    Ok(url.to_string())
}

fn parse_events(events: &[String]) -> Result<String, &'static str> {
    let mut chosen: Vec<&str> = Vec::new();
    for e in events {
        let e = e.trim();
        let known = EVENTS.iter().find(|k| **k == e).ok_or("webhook-error-event")?;
        if !chosen.contains(known) {
            chosen.push(known);
        }
    }
    if chosen.is_empty() {
        return Err("webhook-error-events-missing");
    }
    // In the list's order, whatever the order given.
    Ok(EVENTS
        .iter()
        .filter(|e| chosen.contains(e))
        .copied()
        .collect::<Vec<_>>()
        .join(","))
}

/// A new signing secret: `whsec_` and the base64 of 32 random bytes.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(key))
}

/// `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` keyed with the
/// base64-decoded part of the secret after `whsec_` (Standard Webhooks).
pub fn sign(secret: &str, message_id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{message_id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    ))
}

pub fn create(conn: &mut DbConn, p: &Principal, org: &str, input: &EndpointInput) -> DomainResult<Created> {
    authorise(p, Action::ManageWebhooks { org })?;
    let url = parse_url(&input.url).map_err(|k| DomainError::Field("url", k))?;
    let events = parse_events(&input.events).map_err(|k| DomainError::Field("events", k))?;
    crate::db::write_transaction(conn, |conn| {
        if webhook::endpoints_of_org(conn, org)?.len() >= MAX_ENDPOINTS {
            return Err(DomainError::Validation("webhook-error-too-many"));
        }
        let secret = new_secret();
        let endpoint = Endpoint {
            id: new_id(),
            organisation_id: org.to_string(),
            url,
            events,
            secret: secret.clone(),
            created_at: now(),
            created_by: Some(p.user_id.clone()).filter(|u| !u.is_empty()),
        };
        webhook::insert_endpoint(conn, &endpoint)?;
        Ok(Created { endpoint, secret })
    })
}

pub fn list(conn: &mut DbConn, p: &Principal, org: &str) -> DomainResult<Vec<Endpoint>> {
    authorise(p, Action::ManageWebhooks { org })?;
    Ok(webhook::endpoints_of_org(conn, org)?)
}

pub fn delete(conn: &mut DbConn, p: &Principal, org: &str, id: &str) -> DomainResult<()> {
    authorise(p, Action::ManageWebhooks { org })?;
    let deleted = crate::db::write_transaction(conn, |conn| webhook::delete_endpoint(conn, org, id))?;
    if deleted == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// The last rows of the organisation's outbox, newest first.
pub fn log(conn: &mut DbConn, p: &Principal, org: &str) -> DomainResult<Vec<LogRow>> {
    authorise(p, Action::ManageWebhooks { org })?;
    Ok(webhook::log_of_org(conn, org, LOG_ROWS)?
        .into_iter()
        .map(LogRow::from)
        .collect())
}

/// Queues a `webhook.test` message to one endpoint.
pub fn send_test(conn: &mut DbConn, p: &Principal, org: &str, id: &str) -> DomainResult<()> {
    authorise(p, Action::ManageWebhooks { org })?;
    let endpoint = webhook::find_endpoint(conn, org, id)?.ok_or(DomainError::NotFound)?;
    let row = outbox_row(
        &endpoint,
        TEST_EVENT,
        json!({ "organisation_id": org, "endpoint_id": endpoint.id }),
    );
    crate::db::write_transaction(conn, |conn| webhook::insert_outbox(conn, &[row]))?;
    Ok(())
}

fn outbox_row(endpoint: &Endpoint, event_type: &str, data: Value) -> OutboxRow {
    let at = now();
    let body = json!({
        "type": event_type,
        "timestamp": at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    });
    OutboxRow {
        id: new_id(),
        endpoint_id: endpoint.id.clone(),
        message_id: format!("msg_{}", uuid::Uuid::new_v4().simple()),
        event_type: event_type.to_string(),
        payload: body.to_string(),
        attempts: 0,
        next_attempt_at: Some(at),
        delivered_at: None,
        last_status: None,
        last_error: None,
        created_at: at,
    }
}

/// Writes one outbox row per endpoint of the organisation subscribed to
/// `event_type`, in the caller's transaction. The number written.
pub fn emit(conn: &mut DbConn, organisation_id: &str, event_type: &str, data: Value) -> DomainResult<usize> {
    let rows: Vec<OutboxRow> = webhook::endpoints_of_org(conn, organisation_id)?
        .iter()
        .filter(|e| e.wants(event_type))
        .map(|e| outbox_row(e, event_type, data.clone()))
        .collect();
    webhook::insert_outbox(conn, &rows)?;
    Ok(rows.len())
}

/// `campaign.opened` / `campaign.closed` after a campaign moved to
/// `moved.status` (other moves announce nothing).
pub fn campaign_moved(conn: &mut DbConn, moved: &Campaign) -> DomainResult<usize> {
    let event = match moved.status {
        CampaignStatus::Open => CAMPAIGN_OPENED,
        CampaignStatus::Closed => CAMPAIGN_CLOSED,
        _ => return Ok(0),
    };
    let data = json!({
        "campaign": {
            "id": moved.id,
            "name": moved.name,
            "opens_on": moved.opens_on.to_string(),
            "closes_on": moved.closes_on.to_string(),
            "status": moved.status.as_str(),
        },
    });
    emit(conn, &moved.organisation_id, event, data)
}

/// `contact.requested`: what the customer chose to give (how to reach them
/// and their message), their team and when; never an answer.
pub fn contact_requested(
    conn: &mut DbConn,
    c: &Campaign,
    team_id: &str,
    contact: &str,
    message: Option<&str>,
) -> DomainResult<usize> {
    let t = team::find(conn, &c.organisation_id, team_id)?;
    let data = json!({
        "campaign": { "id": c.id, "name": c.name },
        "team": t.map(|t| json!({ "code": t.code, "name": t.name })),
        "contact": contact,
        "message": message,
        "requested_at": now().and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    });
    emit(conn, &c.organisation_id, CONTACT_REQUESTED, data)
}

/// `action.updated`: an action adopted or its status changed.
pub fn action_updated(conn: &mut DbConn, a: &crate::db::models::action::ActionRow) -> DomainResult<usize> {
    let t = match &a.team_id {
        Some(id) => team::find(conn, &a.organisation_id, id)?,
        None => None,
    };
    let campaign_name = campaign::find_by_id(conn, &a.campaign_id)?.map(|c| c.name);
    let data = json!({
        "action": {
            "id": a.id,
            "point": a.point,
            "owner": a.owner,
            "status": a.status.as_str(),
            "due_on": a.due_on.map(|d| d.to_string()),
        },
        "team": t.map(|t| json!({ "code": t.code, "name": t.name })),
        "campaign": { "id": a.campaign_id, "name": campaign_name },
    });
    emit(conn, &a.organisation_id, ACTION_UPDATED, data)
}

/// One team's counts as the campaign page shows them: the anonymous
/// populations only when the publication rule shows them.
#[derive(Debug, Clone, Serialize, PartialEq)]
struct TeamCounts {
    code: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    customers: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    employees: Option<u64>,
    managers: i64,
}

/// The counts of an open campaign as its page shows them (the same
/// `campaigns::rates`, so the same decision on which counts are hidden).
fn participation_counts(conn: &mut DbConn, c: &Campaign) -> DomainResult<Value> {
    let system = Principal {
        is_platform_admin: true,
        ..Default::default()
    };
    let rates = super::campaigns::rates(conn, &system, c)?;
    let teams: Vec<TeamCounts> = rates
        .teams
        .into_iter()
        .map(|r| TeamCounts {
            code: r.code,
            name: r.name,
            customers: r.customers,
            employees: r.employees,
            managers: r.managers,
        })
        .collect();
    Ok(json!({ "teams": teams, "executives": rates.executives }))
}

/// For each open campaign of an organisation that wants
/// `participation.updated`, at most once per `PARTICIPATION_SECONDS`:
/// compares its shown counts with the last sent and emits them when they
/// changed. The number of events emitted.
pub fn check_participation(conn: &mut DbConn, at: NaiveDateTime) -> DomainResult<usize> {
    let before = at - chrono::Duration::seconds(PARTICIPATION_SECONDS);
    let mut emitted = 0;
    for org in webhook::organisations_wanting(conn, PARTICIPATION_UPDATED)? {
        for c in campaign::list_by_org(conn, &org)? {
            if c.status != CampaignStatus::Open || !webhook::claim_participation(conn, &c.id, at, before)? {
                continue;
            }
            let counts = participation_counts(conn, &c)?;
            let text = counts.to_string();
            let last = webhook::participation_of(conn, &c.id)?.map(|(t, _)| t);
            if last.as_deref() == Some(text.as_str()) {
                continue;
            }
            let data = json!({
                "campaign": { "id": c.id, "name": c.name },
                "teams": counts["teams"],
                "executives": counts["executives"],
            });
            emitted += crate::db::write_transaction(conn, |conn| {
                webhook::set_participation_counts(conn, &c.id, &text)?;
                emit(conn, &org, PARTICIPATION_UPDATED, data)
            })?;
        }
    }
    Ok(emitted)
}

/// A message claimed for delivery, with where and how to sign it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: String,
    pub endpoint_id: String,
    pub message_id: String,
    pub url: String,
    pub secret: String,
    pub body: String,
    /// Attempts made before this one.
    pub attempts: i32,
}

/// Claims the messages due at `at` (leasing them for `LEASE_SECONDS`), so
/// that no other instance delivers them meanwhile.
pub fn claim_due(conn: &mut DbConn, at: NaiveDateTime) -> DomainResult<Vec<Delivery>> {
    crate::db::write_transaction(conn, |conn| {
        let rows = webhook::due_for_update(conn, at, BATCH)?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        webhook::lease(conn, &ids, at + chrono::Duration::seconds(LEASE_SECONDS))?;
        let mut out = Vec::new();
        for row in rows {
            let Some(endpoint) = webhook::endpoint_by_id(conn, &row.endpoint_id)? else {
                continue;
            };
            out.push(Delivery {
                id: row.id,
                endpoint_id: row.endpoint_id,
                message_id: row.message_id,
                url: endpoint.url,
                secret: endpoint.secret,
                body: row.payload,
                attempts: row.attempts,
            });
        }
        Ok(out)
    })
}

/// The outcome of one attempt.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub status: Option<u16>,
    pub error: Option<String>,
}

impl Attempt {
    pub fn delivered(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// When to try again after `attempts` failed attempts; `None`: give up.
pub fn next_attempt(attempts: i32, at: NaiveDateTime) -> Option<NaiveDateTime> {
    let index = usize::try_from(attempts).ok()?.checked_sub(1)?;
    BACKOFF_SECONDS.get(index).map(|s| at + chrono::Duration::seconds(*s))
}

/// Records an attempt at `at`: delivered, to retry, or given up.
pub fn record(conn: &mut DbConn, d: &Delivery, outcome: &Attempt, at: NaiveDateTime) -> DomainResult<()> {
    let status = outcome.status.map(i32::from);
    let error: Option<String> = outcome.error.as_ref().map(|e| e.chars().take(100).collect());
    if outcome.delivered() {
        webhook::record_attempt(conn, &d.id, status, None, Some(at), None)?;
    } else {
        let next = next_attempt(d.attempts + 1, at);
        webhook::record_attempt(conn, &d.id, status, error.as_deref(), None, next)?;
    }
    Ok(())
}

/// Posts one message; never fails, says what happened. The error is a
/// code the delivery log translates (`webhooks-error-…`), never the URL
/// (it may hold a token) nor what the receiver answered.
pub async fn deliver(client: &reqwest::Client, d: &Delivery) -> Attempt {
    let timestamp = chrono::Utc::now().timestamp();
    let Some(signature) = sign(&d.secret, &d.message_id, timestamp, &d.body) else {
        return Attempt {
            status: None,
            error: Some("secret".into()),
        };
    };
    let sent = client
        .post(&d.url)
        .header("content-type", "application/json")
        .header("webhook-id", &d.message_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(d.body.clone())
        .send()
        .await;
    match sent {
        Ok(res) => {
            let status = res.status().as_u16();
            Attempt {
                status: Some(status),
                error: (!res.status().is_success()).then(|| "status".into()),
            }
        }
        Err(e) => Attempt {
            status: None,
            error: Some(error_code(&e).into()),
        },
    }
}

fn error_code(e: &reqwest::Error) -> &'static str {
    if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "no-answer"
    }
}

/// The HTTP client of the delivery task: a 10 s timeout, no redirects
/// followed (a redirect is not a delivery).
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Miroir-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()?)
}

async fn blocking<T: Send + 'static>(
    pool: &Pool,
    f: impl FnOnce(&mut DbConn) -> DomainResult<T> + Send + 'static,
) -> anyhow::Result<T> {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<T> {
        let mut conn = pool.get()?;
        f(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await?
}

/// One round of the delivery task: the hourly participation check, then
/// every due message posted (at once) and its outcome recorded. The number
/// of messages attempted.
pub async fn run_once(pool: &Pool, client: &reqwest::Client) -> anyhow::Result<usize> {
    blocking(pool, |conn| check_participation(conn, now())).await?;
    let claimed = blocking(pool, |conn| claim_due(conn, now())).await?;
    let attempts = futures_util::future::join_all(claimed.iter().map(|d| deliver(client, d))).await;
    let count = claimed.len();
    for (d, outcome) in claimed.into_iter().zip(attempts) {
        tracing::info!(
            endpoint = %d.endpoint_id,
            status = outcome.status,
            delivered = outcome.delivered(),
            "webhook attempt"
        );
        blocking(pool, move |conn| record(conn, &d, &outcome, now())).await?;
    }
    Ok(count)
}

/// The delivery task: a round every `poll` until `stop` turns true.
pub async fn run(pool: Pool, poll: Duration, mut stop: tokio::sync::watch::Receiver<bool>) {
    let client = match client() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "webhook delivery cannot start");
            return;
        }
    };
    loop {
        tokio::select! {
            _ = tokio::time::sleep(poll) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            break;
        }
        if let Err(e) = run_once(&pool, &client).await {
            tracing::warn!(error = %e, "webhook delivery round failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_and_https_addresses_are_accepted() {
        assert_eq!(
            parse_url(" https://hooks.example.org/in?x=1 ").as_deref(),
            Ok("https://hooks.example.org/in?x=1")
        );
        assert!(parse_url("http://127.0.0.1:8080/").is_ok());
        for bad in [
            "ftp://example.org",
            "javascript:alert(1)",
            "example.org",
            "https://",
            "file:///etc/passwd",
        ] {
            assert_eq!(parse_url(bad), Err("webhook-error-url"), "{bad}");
        }
        assert_eq!(parse_url(""), Err("webhook-error-url-missing"));
        assert_eq!(
            parse_url("https://user:pw@example.org/"),
            Err("webhook-error-url-credentials")
        );
        assert_eq!(
            parse_url(&format!("https://example.org/{}", "a".repeat(MAX_URL))),
            Err("webhook-error-url-long")
        );
    }

    #[test]
    fn events_come_from_the_closed_list_in_its_order() {
        let events = |list: &[&str]| parse_events(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            events(&["action.updated", "campaign.opened", "action.updated"]).as_deref(),
            Ok("campaign.opened,action.updated")
        );
        assert_eq!(events(&[]), Err("webhook-error-events-missing"));
        assert_eq!(events(&["campaign.deleted"]), Err("webhook-error-event"));
        assert_eq!(events(&[TEST_EVENT]), Err("webhook-error-event"));
    }

    #[test]
    fn secrets_are_whsec_and_32_random_bytes() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        let key = base64::engine::general_purpose::STANDARD
            .decode(a.strip_prefix("whsec_").unwrap())
            .unwrap();
        assert_eq!(key.len(), 32);
    }

    /// The example of the Standard Webhooks specification's reference
    /// libraries.
    #[test]
    fn the_signature_is_the_standard_webhooks_one() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(secret, id, 1614265330, body).as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
        assert_eq!(sign("whsec_not base64!", id, 1, body), None);
    }

    #[test]
    fn retries_back_off_then_give_up_after_eight_attempts() {
        let at = now();
        assert_eq!(next_attempt(1, at), Some(at + chrono::Duration::seconds(5)));
        assert_eq!(next_attempt(2, at), Some(at + chrono::Duration::seconds(30)));
        assert_eq!(next_attempt(7, at), Some(at + chrono::Duration::hours(12)));
        assert_eq!(next_attempt(8, at), None);
        assert_eq!(next_attempt(0, at), None);
    }
}

//! Webhooks end to end: a real HTTP receiver on loopback, started here,
//! records what Miroir posts; each signature is checked here with HMAC
//! computed independently of Miroir's code.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use miroir::analytics::{Channel, ItemCode};
use miroir::config::Config;
use miroir::db::models::campaign;
use miroir::domain::actions::{self, AdoptInput};
use miroir::domain::collection::{self, Source, Submission};
use miroir::startup::Application;

use crate::helpers::{spawn_app_with, Backend, TestApp};

const ADMIN: &str = "root@example.org";

/// One request the receiver got.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    path: String,
    id: String,
    timestamp: String,
    signature: String,
    content_type: String,
    body: String,
    /// What the receiver answered.
    answered: u16,
}

impl Received {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    pub(crate) fn event(&self) -> String {
        self.json()["type"].as_str().unwrap_or_default().to_string()
    }
}

/// A tiny HTTP/1.1 server on loopback that records every request and
/// answers each with the status currently set.
#[derive(Clone)]
pub(crate) struct Receiver {
    port: u16,
    log: Arc<Mutex<Vec<Received>>>,
    status: Arc<AtomicU16>,
}

impl Receiver {
    pub(crate) fn start() -> Receiver {
        Receiver::on(0)
    }

    fn on(port: u16) -> Receiver {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let receiver = Receiver {
            port: listener.local_addr().unwrap().port(),
            log: Arc::default(),
            status: Arc::new(AtomicU16::new(200)),
        };
        let (log, status) = (receiver.log.clone(), receiver.status.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                let mut headers = std::collections::HashMap::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((name, value)) = line.split_once(':') {
                        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
                    }
                }
                let length: usize = headers.get("content-length").and_then(|l| l.parse().ok()).unwrap_or(0);
                let mut body = vec![0u8; length];
                let _ = reader.read_exact(&mut body);
                let answered = status.load(Ordering::SeqCst);
                let header = |name: &str| headers.get(name).cloned().unwrap_or_default();
                log.lock().unwrap().push(Received {
                    path: request_line.split_whitespace().nth(1).unwrap_or_default().to_string(),
                    id: header("webhook-id"),
                    timestamp: header("webhook-timestamp"),
                    signature: header("webhook-signature"),
                    content_type: header("content-type"),
                    body: String::from_utf8_lossy(&body).into_owned(),
                    answered,
                });
                let _ = write!(
                    stream,
                    "HTTP/1.1 {answered} Whatever\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        receiver
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn all(&self) -> Vec<Received> {
        self.log.lock().unwrap().clone()
    }

    /// Requests it accepted (answered 2xx) on `path`.
    pub(crate) fn delivered(&self, path: &str) -> Vec<Received> {
        self.all()
            .into_iter()
            .filter(|r| r.path == path && (200..300).contains(&r.answered))
            .collect()
    }
}

/// A port nothing listens on (yet).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Checks a Standard Webhooks signature independently: HMAC-SHA256 over
/// `id.timestamp.body`, keyed with the base64-decoded secret after
/// `whsec_`, compared with each `v1,` signature of the header.
pub(crate) fn verify(secret: &str, r: &Received) -> bool {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{}.{}.{}", r.id, r.timestamp, r.body).as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let timestamp: i64 = r.timestamp.parse().unwrap();
    let fresh = (chrono::Utc::now().timestamp() - timestamp).abs() < 300;
    fresh
        && r.signature
            .split(' ')
            .any(|s| s.strip_prefix("v1,") == Some(expected.as_str()))
}

async fn wait_until(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < timeout, "waited {timeout:?} for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The application delivering every 100 ms.
async fn fast_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |c| c.webhook_poll_ms = 100).await
}

/// The application whose own delivery task never runs (a poll an hour
/// apart): the tests start and stop instances of their own on its database.
async fn quiet_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |c| c.webhook_poll_ms = 3_600_000).await
}

/// Another Miroir on `app`'s database, delivering every 100 ms.
fn instance(app: &TestApp) -> actix_web::dev::ServerHandle {
    let mut config = Config::for_database(&app.database_url);
    config.pool_size = 4;
    config.webhook_poll_ms = 100;
    let instance = Application::build(config).unwrap();
    let handle = instance.stop_handle();
    tokio::spawn(instance.run_until_stopped());
    handle
}

/// An organisation with teams A (5) and B (3), and the admin's token.
async fn world(app: &TestApp) -> (String, String) {
    app.create_admin(ADMIN);
    let org = app.create_org("Hooked");
    app.import_teams(&org, "code,name,parent_code,headcount\nA,Team A,,5\nB,Team B,,3\n");
    let token = app.api_token(ADMIN).await;
    (org, token)
}

/// Creates an endpoint through the API; returns (id, secret).
async fn add_endpoint(app: &TestApp, token: &str, org: &str, url: &str, events: &[&str]) -> (String, String) {
    let res = app
        .client
        .post(app.url(&format!("/api/v1/organisations/{org}/webhooks")))
        .bearer_auth(token)
        .json(&json!({ "url": url, "events": events }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let body: Value = res.json().await.unwrap();
    let secret = body["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"), "{secret}");
    (body["id"].as_str().unwrap().to_string(), secret)
}

async fn api_post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let res = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{path}: {}", res.status());
    res.json().await.unwrap_or(Value::Null)
}

/// A draft campaign of `org` through the API; its id.
async fn new_campaign(app: &TestApp, token: &str, org: &str) -> String {
    let body = api_post(
        app,
        token,
        &format!("/api/v1/organisations/{org}/campaigns"),
        json!({ "name": "Spring wave", "opens_on": "2026-01-01", "closes_on": "2026-12-31" }),
    )
    .await;
    body["id"].as_str().unwrap().to_string()
}

/// A customer's answers for `team`, with a call-back request when `contact`.
fn customer(app: &TestApp, campaign_id: &str, team: &str, contact: Option<(&str, &str)>, key: &str) {
    let mut conn = app.conn();
    let c = campaign::find_by_id(&mut conn, campaign_id).unwrap().unwrap();
    let submission = Submission {
        source: Source::Customer {
            team_id: app.team_id(&c.organisation_id, team),
            channel: Channel::Web,
        },
        answers: vec![(ItemCode::parse("nps").unwrap(), 3)],
        comment: Some("The queue was far too long".into()),
        contact: contact.map(|(c, m)| (c.to_string(), Some(m.to_string()))),
        idempotency_key: key.into(),
        language: "en".into(),
    };
    collection::store(&mut conn, &c, submission).unwrap();
}

/// Each subscribed event arrives once, signed; an event the endpoint did
/// not choose never arrives; a call-back request carries what the customer
/// gave and no answer.
async fn subscribed_events_arrive_once_signed(app: TestApp) {
    let receiver = Receiver::start();
    let (org, token) = world(&app).await;
    let all = [
        "campaign.opened",
        "campaign.closed",
        "contact.requested",
        "action.updated",
    ];
    let (_, secret) = add_endpoint(&app, &token, &org, &receiver.url("/all"), &all).await;
    let (_, only_secret) = add_endpoint(&app, &token, &org, &receiver.url("/closed"), &["campaign.closed"]).await;

    let c = new_campaign(&app, &token, &org).await;
    api_post(&app, &token, &format!("/api/v1/campaigns/{c}/open"), Value::Null).await;
    customer(&app, &c, "A", Some(("client@example.org", "Please call me back")), "k1");
    customer(&app, &c, "A", None, "k2");
    let adopted = AdoptInput {
        team: "B".into(),
        point: miroir::domain::instrument::action_plan()[0].code.clone(),
        owner: "Owner".into(),
        due_on: "2026-06-30".into(),
        ..Default::default()
    };
    actions::adopt(&mut app.conn(), &app.admin_principal(), "Admin", &c, &adopted).unwrap();
    api_post(&app, &token, &format!("/api/v1/campaigns/{c}/close"), Value::Null).await;

    wait_until("4 + 1 events", Duration::from_secs(15), || {
        receiver.delivered("/all").len() >= 4 && !receiver.delivered("/closed").is_empty()
    })
    .await;
    // Time for a duplicate to show up, if there were one.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let got = receiver.delivered("/all");
    let mut events: Vec<String> = got.iter().map(Received::event).collect();
    events.sort();
    assert_eq!(
        events,
        [
            "action.updated",
            "campaign.closed",
            "campaign.opened",
            "contact.requested"
        ],
        "each subscribed event once, no participation.updated"
    );
    let only = receiver.delivered("/closed");
    assert_eq!(only.len(), 1, "{only:?}");
    assert_eq!(only[0].event(), "campaign.closed");
    assert!(verify(&only_secret, &only[0]));
    assert!(!verify(&secret, &only[0]), "each endpoint signs with its own secret");
    let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "one webhook-id per message");
    for r in &got {
        assert!(verify(&secret, r), "signature of {}", r.event());
        assert_eq!(r.content_type, "application/json");
        assert!(r.id.starts_with("msg_"));
        // A tampered body fails the check.
        let tampered = Received {
            body: r.body.replace('}', " }"),
            ..r.clone()
        };
        assert!(!verify(&secret, &tampered));
    }
    let by_type = |t: &str| got.iter().find(|r| r.event() == t).unwrap().json();
    assert_eq!(by_type("campaign.opened")["data"]["campaign"]["id"], c.as_str());
    assert_eq!(by_type("campaign.closed")["data"]["campaign"]["status"], "closed");
    let contact = by_type("contact.requested")["data"].clone();
    assert_eq!(contact["contact"], "client@example.org");
    assert_eq!(contact["message"], "Please call me back");
    assert_eq!(contact["team"]["code"], "A");
    assert_eq!(contact["campaign"]["id"], c.as_str());
    let mut keys: Vec<&String> = contact.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["campaign", "contact", "message", "requested_at", "team"]);
    let text = contact.to_string();
    assert!(
        !text.contains("queue") && !text.contains("nps"),
        "no answer, no comment: {text}"
    );
    let action = by_type("action.updated")["data"].clone();
    assert_eq!(action["team"]["code"], "B");
    assert_eq!(action["action"]["status"], "planned");
    assert_eq!(action["action"]["due_on"], "2026-06-30");
    assert_eq!(action["action"]["owner"], "Owner");

    // The list answers no secret.
    let listed: Value = app
        .client
        .get(app.url(&format!("/api/v1/organisations/{org}/webhooks")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(!listed.to_string().contains("whsec_"));
}

/// A receiver that answers 500 gets the event again after the backoff,
/// and the delivery log in the settings shows both attempts.
async fn a_refused_message_is_retried_and_logged(app: TestApp) {
    let receiver = Receiver::start();
    receiver.status.store(500, Ordering::SeqCst);
    let (org, token) = world(&app).await;
    let (hook, secret) = add_endpoint(&app, &token, &org, &receiver.url("/h"), &["campaign.opened"]).await;
    let c = new_campaign(&app, &token, &org).await;
    api_post(&app, &token, &format!("/api/v1/campaigns/{c}/open"), Value::Null).await;
    wait_until("the first, refused attempt", Duration::from_secs(10), || {
        !receiver.all().is_empty()
    })
    .await;
    let browser = app.as_user(ADMIN).await;
    let (status, page) = browser.get_text(&format!("/orgs/{org}/webhooks?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains("campaign.opened") && page.contains("HTTP 500"), "{page}");
    assert!(page.contains("waiting to be tried again"), "{page}");
    receiver.status.store(200, Ordering::SeqCst);
    wait_until("the retry after 5 s", Duration::from_secs(15), || {
        !receiver.delivered("/h").is_empty()
    })
    .await;
    let all = receiver.all();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].answered, 500);
    assert_eq!(all[0].id, all[1].id, "a retry keeps its webhook-id");
    assert!(verify(&secret, &all[1]));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, page) = browser.get_text(&format!("/orgs/{org}/webhooks?lang=en")).await;
    let doc = scraper::Html::parse_document(&page);
    let row = scraper::Selector::parse("table.webhook-log tbody tr").unwrap();
    let cell = scraper::Selector::parse("td").unwrap();
    let rows: Vec<Vec<String>> = doc
        .select(&row)
        .map(|r| {
            r.select(&cell)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][0], "campaign.opened");
    assert_eq!(rows[0][2], "2", "two attempts: {rows:?}");
    assert!(rows[0][3].starts_with("delivered"), "{rows:?}");

    // The test button: a webhook.test message, delivered like the others.
    let res = browser
        .post_form(&format!("/orgs/{org}/webhooks/{hook}/test"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    wait_until("the test event", Duration::from_secs(10), || {
        receiver.delivered("/h").iter().any(|r| r.event() == "webhook.test")
    })
    .await;
    let test = receiver
        .delivered("/h")
        .into_iter()
        .find(|r| r.event() == "webhook.test")
        .unwrap();
    assert!(verify(&secret, &test));
}

/// The outbox survives a restart: Miroir stops while the receiver is down
/// (connection refused); a new Miroir on the same database delivers the
/// message once the receiver is back.
async fn the_outbox_survives_a_restart(app: TestApp) {
    let port = free_port();
    let (org, token) = world(&app).await;
    let first = instance(&app);
    let (_, secret) = add_endpoint(
        &app,
        &token,
        &org,
        &format!("http://127.0.0.1:{port}/down"),
        &["campaign.opened"],
    )
    .await;
    let c = new_campaign(&app, &token, &org).await;
    api_post(&app, &token, &format!("/api/v1/campaigns/{c}/open"), Value::Null).await;
    let browser = app.as_user(ADMIN).await;
    let mut page = String::new();
    let start = Instant::now();
    while !page.contains("could not connect") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no failed attempt logged: {page}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
        page = browser.get_text(&format!("/orgs/{org}/webhooks?lang=en")).await.1;
    }
    first.stop(true).await;
    let receiver = Receiver::on(port);
    // Nothing delivers while no Miroir runs its delivery task.
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert!(receiver.all().is_empty());
    let second = instance(&app);
    wait_until("delivery by the new instance", Duration::from_secs(10), || {
        !receiver.delivered("/down").is_empty()
    })
    .await;
    let got = receiver.delivered("/down");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].event(), "campaign.opened");
    assert!(verify(&secret, &got[0]));
    second.stop(true).await;
}

/// Two instances on one database deliver each message once.
async fn two_instances_deliver_each_message_once(app: TestApp) {
    let receiver = Receiver::start();
    let (org, token) = world(&app).await;
    let (hook, _) = add_endpoint(&app, &token, &org, &receiver.url("/twice"), &["action.updated"]).await;
    let (a, b) = (instance(&app), instance(&app));
    let messages = 40;
    for _ in 0..messages {
        miroir::domain::webhooks::send_test(&mut app.conn(), &app.admin_principal(), &org, &hook).unwrap();
    }
    wait_until("every message", Duration::from_secs(20), || {
        receiver.delivered("/twice").len() >= messages
    })
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let got = receiver.delivered("/twice");
    let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(got.len(), messages, "{} requests for {messages} messages", got.len());
    assert_eq!(ids.len(), messages);
    a.stop(true).await;
    b.stop(true).await;
}

/// participation.updated: the counts the campaign page shows, never the
/// count of a hidden team, at most once in an hour.
async fn participation_counts_only_what_the_page_shows(app: TestApp) {
    let receiver = Receiver::start();
    let (org, token) = world(&app).await;
    let c = new_campaign(&app, &token, &org).await;
    api_post(&app, &token, &format!("/api/v1/campaigns/{c}/open"), Value::Null).await;
    for i in 0..6 {
        customer(&app, &c, "A", None, &format!("a{i}"));
    }
    for i in 0..2 {
        customer(&app, &c, "B", None, &format!("b{i}"));
    }
    let (_, secret) = add_endpoint(&app, &token, &org, &receiver.url("/p"), &["participation.updated"]).await;
    wait_until("participation.updated", Duration::from_secs(10), || {
        !receiver.delivered("/p").is_empty()
    })
    .await;
    let got = receiver.delivered("/p");
    assert!(verify(&secret, &got[0]));
    let data = got[0].json()["data"].clone();
    let team = |code: &str| {
        data["teams"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .cloned()
            .unwrap()
    };
    // B's 2 customers are below k = 5: no count, and so neither A's,
    // which with the organisation's total would give B's away…
    let shown = {
        let mut conn = app.conn();
        let campaign = campaign::find_by_id(&mut conn, &c).unwrap().unwrap();
        miroir::domain::campaigns::rates(&mut conn, &app.admin_principal(), &campaign).unwrap()
    };
    for rate in &shown.teams {
        let sent = team(&rate.code);
        assert_eq!(sent["customers"].as_u64(), rate.customers, "{}: {sent}", rate.code);
        assert_eq!(sent["employees"].as_u64(), rate.employees, "{}: {sent}", rate.code);
    }
    assert!(team("B").get("customers").is_none(), "{data}");
    assert!(!data.to_string().contains("\"customers\":2"), "{data}");
    assert!(data.get("responses").is_none() && !data.to_string().contains("nps"));
    // A new answer within the hour: no second message.
    customer(&app, &c, "A", None, "a-late");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(receiver.delivered("/p").len(), 1);
}

/// Bad input is refused with a translated message, never stored.
async fn bad_endpoints_are_refused_clearly(app: TestApp) {
    let (org, token) = world(&app).await;
    for (body, column, message) in [
        (
            json!({"url": "ftp://example.org", "events": ["campaign.opened"]}),
            "url",
            "http://",
        ),
        (
            json!({"url": "https://example.org", "events": []}),
            "events",
            "at least one",
        ),
        (
            json!({"url": "https://example.org", "events": ["campaign.deleted"]}),
            "events",
            "not one Miroir sends",
        ),
    ] {
        let res = app
            .client
            .post(app.url(&format!("/api/v1/organisations/{org}/webhooks")))
            .bearer_auth(&token)
            .header("Accept-Language", "en")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422);
        let error: Value = res.json().await.unwrap();
        assert_eq!(error["error"]["details"][0]["column"], column, "{error}");
        assert!(error.to_string().contains(message), "{error}");
    }
    // The page keeps what was typed and says why.
    let browser = app.as_user(ADMIN).await;
    let res = browser
        .post_form(
            &format!("/orgs/{org}/webhooks?lang=en"),
            &[("url", "helpdesk.example.org/hooks"), ("contact.requested", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"helpdesk.example.org/hooks\""), "{page}");
    assert!(page.contains("Enter a full http:// or https:// address"), "{page}");
    let doc = scraper::Html::parse_document(&page);
    let checked = scraper::Selector::parse("input[name=\"contact.requested\"][checked]").unwrap();
    assert_eq!(doc.select(&checked).count(), 1, "the ticked event stays ticked");
    let res = browser
        .post_form(
            &format!("/orgs/{org}/webhooks?lang=en"),
            &[
                ("url", "https://helpdesk.example.org/hooks"),
                ("contact.requested", "1"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    let doc = scraper::Html::parse_document(&page);
    let secret = scraper::Selector::parse("code.webhook-secret").unwrap();
    let shown: Vec<String> = doc.select(&secret).map(|e| e.text().collect()).collect();
    assert_eq!(shown.len(), 1);
    assert!(shown[0].starts_with("whsec_"));
    let (_, again) = browser.get_text(&format!("/orgs/{org}/webhooks?lang=en")).await;
    assert!(!again.contains(&shown[0]), "the secret is shown once");
    assert!(again.contains("https://helpdesk.example.org/hooks"));
}

macro_rules! webhook_tests {
    ($($name:ident: $spawn:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name(super::$spawn(crate::helpers::Backend::Sqlite).await).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name(super::$spawn(crate::helpers::Backend::Postgres).await).await;
                }
            }
        )*
    };
}

webhook_tests!(
    subscribed_events_arrive_once_signed: fast_app,
    a_refused_message_is_retried_and_logged: fast_app,
    the_outbox_survives_a_restart: quiet_app,
    two_instances_deliver_each_message_once: quiet_app,
    participation_counts_only_what_the_page_shows: fast_app,
    bad_endpoints_are_refused_clearly: fast_app,
);

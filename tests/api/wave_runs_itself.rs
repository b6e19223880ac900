//! Issue 13's story end to end: a consultant sets up a wave with dates and
//! e-mailed invitations, and without touching it again the wave opens,
//! reminds only those who have not answered, closes, tells the manager the
//! results are ready, and posts the call-back request to the helpdesk
//! through a webhook. Real SMTP sink, real HTTP receiver, the server's own
//! scheduler and delivery task.

use std::collections::BTreeSet;
use std::time::Duration;

use diesel::prelude::*;
use miroir::auth::policy::Role;
use miroir::auth::Secret;
use miroir::db::schema::{campaign_events, campaigns};
use miroir::domain::campaigns::CampaignInput;

use crate::helpers::{dedup, fill_survey, spawn_app_with, Backend, SmtpSink, TestApp};
use crate::webhooks::{verify, Receiver};

fn top(_: &str, values: &[String]) -> Option<String> {
    values
        .iter()
        .filter(|v| *v != "dk")
        .max_by_key(|v| v.parse::<i32>().unwrap_or(-1))
        .cloned()
}

fn paris_today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

fn status(app: &TestApp, id: &str) -> String {
    campaigns::table
        .filter(campaigns::id.eq(id))
        .select(campaigns::status)
        .first(&mut app.conn())
        .unwrap()
}

/// Polls `what` every 50 ms for up to 15 s.
async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..300 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never happened: {what}");
}

fn to_of(message: &str) -> String {
    message
        .lines()
        .find_map(|l| l.strip_prefix("To: "))
        .unwrap_or_default()
        .trim()
        .to_string()
}

async fn the_wave_runs_itself(backend: Backend) {
    let sink = SmtpSink::start();
    let helpdesk = Receiver::start();
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let app = spawn_app_with(backend, move |c| {
        c.smtp_url = Some(Secret::new(smtp));
        c.secret = Some(Secret::new(
            "a test instance secret of more than thirty-two characters".into(),
        ));
        c.scheduler_ms = 100;
        c.webhook_poll_ms = 100;
        c.public_url = Some("https://miroir.example.org".into());
    })
    .await;
    app.create_admin("consultant@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nA1,Agence 1,,6\nA2,Agence 2,,6\n",
    );
    app.member(&org, "manager@example.org", Role::Manager, "A1");
    let token = app.api_token("consultant@example.org").await;
    let api =
        |path: String, body: serde_json::Value| app.client.post(app.url(&path)).bearer_auth(&token).json(&body).send();

    // Set up once: the helpdesk's webhook, a wave with dates that runs by
    // itself, six employees invited by e-mail.
    let res = api(
        format!("/api/v1/organisations/{org}/webhooks"),
        serde_json::json!({"url": helpdesk.url("/helpdesk"), "events": ["contact.requested"]}),
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let secret = res.json::<serde_json::Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_string();
    let wave = miroir::domain::campaigns::create(
        &mut app.conn(),
        &app.admin_principal(),
        &org,
        &CampaignInput {
            name: "Vague d'automne".into(),
            opens_on: paris_today().to_string(),
            closes_on: (paris_today() + chrono::Duration::days(10)).to_string(),
            scheduled: true,
            time_zone: Some("Europe/Paris".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let employees: Vec<String> = (1..=6).map(|i| format!("employee{i}@example.org")).collect();
    let res = api(
        format!("/api/v1/campaigns/{}/invitations", wave.id),
        serde_json::json!({"team": "A1", "emails": employees}),
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 201, "{}", res.text().await.unwrap());
    let invitations = sink.messages.lock().unwrap().clone();
    assert_eq!(invitations.len(), 6);

    // Nobody touches it again. It opens on its date.
    eventually("the wave opens", || status(&app, &wave.id) == "open").await;

    // Two employees answer through their links; five customers answer, one
    // of them asking to be called back.
    for message in invitations.iter().take(2) {
        let link = message.lines().find(|l| l.contains("/i/")).unwrap().trim();
        let path = &link[link.find("/i/").unwrap()..];
        let (_, html) = app.get_text(path).await;
        let res = app
            .client
            .post(app.url(path))
            .form(&dedup(fill_survey(&html, top)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
    }
    let answered: BTreeSet<String> = invitations.iter().take(2).map(|m| to_of(m)).collect();
    for i in 0..5 {
        let customer = app.anonymous();
        let (_, html) = customer.get_text(&format!("/s/{}/A1", wave.code)).await;
        let mut fields = dedup(fill_survey(&html, top));
        if i == 0 {
            fields.push(("contact_ok".into(), "1".into()));
            fields.push(("contact".into(), "client@example.org".into()));
            fields.push(("contact_message".into(), "Please call me about my loan".into()));
        }
        let res = customer
            .client
            .post(customer.url(&format!("/s/{}/A1", wave.code)))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
    }

    // The helpdesk receives the call-back request, signed.
    eventually("the helpdesk gets the call-back request", || {
        !helpdesk.delivered("/helpdesk").is_empty()
    })
    .await;
    let posted = helpdesk.delivered("/helpdesk");
    assert_eq!(posted.len(), 1);
    assert!(verify(&secret, &posted[0]), "a valid Standard Webhooks signature");
    assert_eq!(posted[0].event(), "contact.requested");
    assert_eq!(posted[0].json()["data"]["contact"], "client@example.org");

    // Three days before its close (the date moved here instead of waiting
    // a week), the reminder reaches exactly the four who have not answered.
    assert_eq!(sink.messages.lock().unwrap().len(), 6, "no reminder before its day");
    diesel::update(campaigns::table.filter(campaigns::id.eq(&wave.id)))
        .set(campaigns::closes_on.eq(paris_today() + chrono::Duration::days(3)))
        .execute(&mut app.conn())
        .unwrap();
    let reminded = || -> BTreeSet<String> {
        let messages = sink.messages.lock().unwrap().clone();
        messages[6..]
            .iter()
            .filter(|m| m.contains("/i/"))
            .map(|m| to_of(m))
            .collect()
    };
    eventually("the scheduled reminder goes", || reminded().len() == 4).await;
    let expected: BTreeSet<String> = employees.iter().filter(|e| !answered.contains(*e)).cloned().collect();
    assert_eq!(reminded(), expected);

    // Its closing date passes (moved back here instead of waiting): it
    // closes, and the manager is told the results are ready.
    diesel::update(campaigns::table.filter(campaigns::id.eq(&wave.id)))
        .set(campaigns::closes_on.eq(paris_today() - chrono::Duration::days(1)))
        .execute(&mut app.conn())
        .unwrap();
    eventually("the wave closes", || status(&app, &wave.id) == "closed").await;
    eventually("the manager hears the results are ready", || {
        sink.messages
            .lock()
            .unwrap()
            .iter()
            .any(|m| to_of(m) == "manager@example.org")
    })
    .await;
    let ready = sink
        .messages
        .lock()
        .unwrap()
        .iter()
        .find(|m| to_of(m) == "manager@example.org")
        .cloned()
        .unwrap();
    assert!(ready.contains("https://miroir.example.org/"), "a link to the results");
    let history: Vec<(String, bool)> = campaign_events::table
        .filter(campaign_events::campaign_id.eq(&wave.id))
        .order(campaign_events::at.asc())
        .select((campaign_events::step, campaign_events::by_scheduler))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(history, vec![("open".to_string(), true), ("close".to_string(), true)]);
    // Nothing more goes out: one reminder, one results-ready per person.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let messages = sink.messages.lock().unwrap().clone();
    assert_eq!(messages.iter().filter(|m| to_of(m) == "manager@example.org").count(), 1);
    assert_eq!(reminded().len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wave_runs_itself_sqlite() {
    the_wave_runs_itself(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wave_runs_itself_postgres() {
    the_wave_runs_itself(Backend::Postgres).await;
}

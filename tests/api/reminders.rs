//! Reminders without linkage (issue 13): addresses of e-mailed invitations
//! kept sealed while the wave is open, reminders to exactly those whose
//! link is unused, at most three per wave, the scheduled one three days
//! before the close, every address erased at the close; and participation
//! per team and region that no subtraction can open.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::RunQueryDsl;
use miroir::auth::policy::Role;
use miroir::auth::Secret;
use miroir::domain::mail::Mailer;

use crate::helpers::{dedup, fill_survey, spawn_app_with, Backend, SmtpSink, TestApp, PASSWORD};

const SECRET: &str = "a test instance secret of more than thirty-two characters";

fn top(_: &str, values: &[String]) -> Option<String> {
    values
        .iter()
        .filter(|v| *v != "dk")
        .max_by_key(|v| v.parse::<i32>().unwrap_or(-1))
        .cloned()
}

async fn app_with_mail(backend: Backend) -> (TestApp, SmtpSink, String) {
    let sink = SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let smtp = url.clone();
    let app = spawn_app_with(backend, move |c| {
        c.smtp_url = Some(Secret::new(smtp));
        c.secret = Some(Secret::new(SECRET.into()));
    })
    .await;
    (app, sink, url)
}

/// The recipient and the personal link of each message.
fn recipients(messages: &[String]) -> BTreeMap<String, String> {
    messages
        .iter()
        .map(|m| {
            let to = m
                .lines()
                .find_map(|l| l.strip_prefix("To: "))
                .expect("a recipient")
                .trim()
                .to_string();
            let link = m
                .lines()
                .find(|l| l.contains("/i/"))
                .expect("a link in the e-mail")
                .trim()
                .to_string();
            (to, link)
        })
        .collect()
}

/// Every (table, column) of the database.
fn columns(app: &TestApp) -> Vec<(String, String)> {
    miroir::db::introspect(&mut app.conn()).unwrap()
}

/// The (table, column) cells holding `needle` anywhere in their text.
fn cells_holding(app: &TestApp, needle: &str) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut found = Vec::new();
    for (table, column) in columns(app) {
        let sql = format!(
            "SELECT COUNT(*) AS n FROM {table} WHERE CAST({column} AS TEXT) LIKE '%{}%'",
            needle.replace('\'', "''")
        );
        let rows: Vec<Count> = diesel::sql_query(sql).load(&mut app.conn()).unwrap();
        if rows[0].n > 0 {
            found.push(format!("{table}.{column}"));
        }
    }
    found
}

fn sealed_values(app: &TestApp) -> Vec<String> {
    use diesel::prelude::*;
    use miroir::db::schema::invitation_addresses as a;
    a::table.select(a::sealed).load(&mut app.conn()).unwrap()
}

async fn api(app: &TestApp, token: &str, path: &str, body: Option<serde_json::Value>) -> (u16, serde_json::Value) {
    let mut req = app.client.post(app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or_default())
}

const SIX: [&str; 6] = [
    "ana@example.org",
    "bob@example.org",
    "chloe@example.org",
    "david@example.org",
    "emma@example.org",
    "farid@example.org",
];

async fn a_reminder_reaches_exactly_those_who_have_not_answered(backend: Backend) {
    let (app, sink, _) = app_with_mail(backend).await;
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code,headcount\nR1,Region,,\nA1,Agence 1,R1,8\n");
    app.member(&org, "director@example.org", Role::Director, "");
    app.member(&org, "manager@example.org", Role::Manager, "A1");
    let (campaign, _) = app.open_campaign(&org, "Vague 1");
    let token = app.api_token("director@example.org").await;

    // Both bodies at once are refused, nothing made.
    let (status, _) = api(
        &app,
        &token,
        &format!("/api/v1/campaigns/{campaign}/invitations"),
        Some(serde_json::json!({"team": "A1", "count": 2, "emails": ["x@example.org"]})),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = api(
        &app,
        &token,
        &format!("/api/v1/campaigns/{campaign}/invitations"),
        Some(serde_json::json!({"team": "A1", "emails": ["not an address"]})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(sink.messages.lock().unwrap().is_empty());

    // Six addresses invited by e-mail through the API.
    let (status, body) = api(
        &app,
        &token,
        &format!("/api/v1/campaigns/{campaign}/invitations"),
        Some(serde_json::json!({"team": "A1", "emails": SIX})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["sent"], 6);
    assert_eq!(
        body["links"],
        serde_json::json!([]),
        "e-mailed links are not handed out"
    );
    let invited = recipients(&sink.messages.lock().unwrap());
    assert_eq!(
        invited.keys().cloned().collect::<BTreeSet<_>>(),
        SIX.iter().map(|s| s.to_string()).collect()
    );
    assert_eq!(invited.values().collect::<BTreeSet<_>>().len(), 6, "one link each");

    // Two answer through their links.
    for who in ["ana@example.org", "bob@example.org"] {
        let link = &invited[who];
        let path = &link[link.find("/i/").unwrap()..];
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, 200);
        let fields = dedup(fill_survey(&html, top));
        let res = app.client.post(app.url(path)).form(&fields).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303);
    }
    let a1 = app.team_id(&org, "A1");
    assert_eq!(app.respondents(&campaign, &a1, "employee"), 2);

    // No address in clear anywhere: every text column of every table.
    for address in SIX {
        assert_eq!(cells_holding(&app, address), Vec::<String>::new(), "{address} in clear");
    }
    let sealed = sealed_values(&app);
    assert_eq!(sealed.len(), 6, "the six addresses are kept, sealed");
    // Nor the tokens: only their hashes and the sealed values.
    for link in invited.values() {
        let t = link.rsplit("/i/").next().unwrap();
        assert_eq!(cells_holding(&app, t), Vec::<String>::new());
    }

    // A manager may not remind; a director may, and reaches exactly the four.
    let manager = app.api_token("manager@example.org").await;
    let (status, _) = api(&app, &manager, &format!("/api/v1/campaigns/{campaign}/reminders"), None).await;
    assert_eq!(status, 403);
    sink.messages.lock().unwrap().clear();
    let (status, body) = api(&app, &token, &format!("/api/v1/campaigns/{campaign}/reminders"), None).await;
    assert_eq!((status, body.clone()), (200, serde_json::json!({"sent": 4})), "{body}");
    let reminded = recipients(&sink.messages.lock().unwrap());
    assert_eq!(
        reminded.keys().cloned().collect::<BTreeSet<_>>(),
        [
            "chloe@example.org",
            "david@example.org",
            "emma@example.org",
            "farid@example.org"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    );
    for (who, link) in &reminded {
        assert_eq!(link, &invited[who], "{who} gets their own link again");
    }
    let first = sink.messages.lock().unwrap()[0].clone();
    assert!(
        first.contains("votre avis, anonymement"),
        "in the organisation's language: {first}"
    );

    // The campaign page says what is kept; its button sends the second.
    let web = app.as_user("director@example.org").await;
    let (status, html) = web.get_text(&format!("/orgs/{org}/campaigns/{campaign}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Every address is erased when the wave closes"), "{html}");
    assert!(html.contains("Reminders sent: 1 of 3"));
    assert!(html.contains(&format!("/orgs/{org}/campaigns/{campaign}/reminders")));
    sink.messages.lock().unwrap().clear();
    let res = web
        .post_form(&format!("/orgs/{org}/campaigns/{campaign}/reminders"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(sink.messages.lock().unwrap().len(), 4);
    let (status, _) = api(&app, &token, &format!("/api/v1/campaigns/{campaign}/reminders"), None).await;
    assert_eq!(status, 200);

    // A fourth is refused, in words, by the API and the page.
    sink.messages.lock().unwrap().clear();
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{campaign}/reminders")))
        .bearer_auth(&token)
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 409);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "conflict");
    let res = web
        .post_form(&format!("/orgs/{org}/campaigns/{campaign}/reminders?lang=en"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("three reminders"), "{html}");
    assert!(sink.messages.lock().unwrap().is_empty(), "nothing sent");

    // The close erases every address, even sealed.
    let (status, _) = api(&app, &token, &format!("/api/v1/campaigns/{campaign}/close"), None).await;
    assert_eq!(status, 200);
    assert!(sealed_values(&app).is_empty());
    for value in &sealed {
        assert_eq!(cells_holding(&app, &value[..40]), Vec::<String>::new());
    }
    for address in SIX {
        assert_eq!(cells_holding(&app, address), Vec::<String>::new());
    }
    let (status, _) = api(&app, &token, &format!("/api/v1/campaigns/{campaign}/reminders"), None).await;
    assert_eq!(status, 409, "a closed wave has nobody to remind");
    let (_, html) = web.get_text(&format!("/orgs/{org}/campaigns/{campaign}?lang=en")).await;
    assert!(html.contains("the addresses it kept for reminders have been erased"));
}

async fn the_scheduled_reminder_goes_once_three_days_before_the_close(backend: Backend) {
    let (app, sink, url) = app_with_mail(backend).await;
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code,headcount\nA1,Agence 1,,8\n");
    app.member(&org, "director@example.org", Role::Director, "");
    let (campaign, _) = app.open_campaign(&org, "Vague 1");
    // An open wave without e-mailed invitations is due the same day.
    app.open_campaign(&org, "Vague sans e-mails");
    let closes = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let token = app.api_token("director@example.org").await;
    let (status, _) = api(
        &app,
        &token,
        &format!("/api/v1/campaigns/{campaign}/invitations"),
        Some(serde_json::json!({"team": "A1", "emails": ["ana@example.org", "bob@example.org"]})),
    )
    .await;
    assert_eq!(status, 201);
    sink.messages.lock().unwrap().clear();

    // The scheduler's own mailer, with the instance's key.
    let mailer = Mailer::new(&url, "Miroir <no-reply@localhost>")
        .unwrap()
        .with_address_key(&Secret::new(SECRET.into()));
    // Noon in UTC is the same day in Paris (the wave has no schedule).
    let due = |day: NaiveDate| {
        let noon = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
        miroir::domain::reminders::send_due(&mut app.conn(), &mailer, noon).unwrap()
    };
    let days = |n: i64| closes - chrono::Duration::days(n);
    assert_eq!(due(days(4)), 0, "too early");
    assert!(sink.messages.lock().unwrap().is_empty());
    // 23:30 UTC on the fourth day before is already the third in Paris
    // (the wave's calendar, it has no schedule of its own).
    let late = days(4).and_hms_opt(23, 30, 0).unwrap().and_utc();
    assert_eq!(
        miroir::domain::reminders::send_due(&mut app.conn(), &mailer, late).unwrap(),
        2,
        "three days before the close, on the wave's calendar"
    );
    assert_eq!(sink.messages.lock().unwrap().len(), 2);
    assert_eq!(due(days(3)), 0, "not twice the same day");
    assert_eq!(due(days(2)), 0, "nor the next days");
    assert_eq!(due(closes), 0);
    assert_eq!(sink.messages.lock().unwrap().len(), 2);
    // It counts among the three.
    let web = app.as_user("director@example.org").await;
    let (_, html) = web.get_text(&format!("/orgs/{org}/campaigns/{campaign}?lang=en")).await;
    assert!(html.contains("Reminders sent: 1 of 3"));
    assert!(html.contains("The automatic reminder has been sent."));
    let _ = PASSWORD;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_reaches_exactly_those_who_have_not_answered_sqlite() {
    a_reminder_reaches_exactly_those_who_have_not_answered(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_reaches_exactly_those_who_have_not_answered_postgres() {
    a_reminder_reaches_exactly_those_who_have_not_answered(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduled_reminder_goes_once_sqlite() {
    the_scheduled_reminder_goes_once_three_days_before_the_close(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduled_reminder_goes_once_postgres() {
    the_scheduled_reminder_goes_once_three_days_before_the_close(Backend::Postgres).await;
}

/// The subtraction attack on participation: an attacker who sees every
/// count the campaign page shows (and, worst case, each region's own
/// answers) solves every "region = own + its teams" equation with a single
/// unknown, again and again; no hidden count with answers may come out.
async fn no_region_minus_its_shown_teams_gives_a_hidden_count(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nR1,Region 1,,\nA1,Agence 1,R1,8\nA2,Agence 2,R1,8\nA3,Agence 3,R1,3\n\
         R2,Region 2,,\nB1,Agence B1,R2,10\nB2,Agence B2,R2,6\nB3,Agence B3,R2,3\n",
    );
    app.member(&org, "director@example.org", Role::Director, "");
    let (campaign, _) = app.open_campaign(&org, "Vague 1");
    // (team, invited, answering)
    // B3: fewer than k invited and nobody answered yet; its 0 is a count
    // like any other (it says who has not answered).
    let plan = [
        ("A1", 8, 6),
        ("A2", 8, 5),
        ("A3", 3, 2),
        ("B1", 10, 7),
        ("B2", 6, 6),
        ("B3", 3, 0),
    ];
    for (team, invited, answering) in plan {
        for token in app.invite(&campaign, team, invited).into_iter().take(answering) {
            let path = format!("/i/{token}");
            let (_, html) = app.get_text(&path).await;
            let res = app
                .client
                .post(app.url(&path))
                .form(&dedup(fill_survey(&html, top)))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 303);
        }
    }
    let director = {
        let mut conn = app.conn();
        let u = miroir::db::models::user::find_by_email(&mut conn, "director@example.org")
            .unwrap()
            .unwrap();
        miroir::domain::accounts::principal_for(&mut conn, &u).unwrap()
    };
    let mut conn = app.conn();
    let c = miroir::domain::campaigns::get(&mut conn, &director, &org, &campaign).unwrap();
    let shown = miroir::domain::campaigns::rates(&mut conn, &director, &c).unwrap();
    let teams = miroir::db::models::team::list_by_org(&mut conn, &org).unwrap();
    drop(conn);
    let parent: BTreeMap<String, Option<String>> = teams.iter().map(|t| (t.id.clone(), t.parent_id.clone())).collect();
    let code: BTreeMap<String, String> = teams.iter().map(|t| (t.id.clone(), t.code.clone())).collect();

    for population in ["employee", "customer"] {
        let own: BTreeMap<String, u64> = teams
            .iter()
            .map(|t| (t.id.clone(), app.respondents(&campaign, &t.id, population) as u64))
            .collect();
        let truth = |id: &str| -> u64 {
            teams
                .iter()
                .filter(|t| {
                    let mut at = Some(t.id.clone());
                    while let Some(a) = at {
                        if a == id {
                            return true;
                        }
                        at = parent[&a].clone();
                    }
                    false
                })
                .map(|t| own[&t.id])
                .sum()
        };
        // What the page shows.
        let mut known: BTreeMap<String, u64> = shown
            .teams
            .iter()
            .filter_map(|r| {
                let n = if population == "employee" {
                    r.employees
                } else {
                    r.customers
                };
                n.map(|n| (r.team_id.clone(), n))
            })
            .collect();
        for (id, n) in &known {
            assert_eq!(*n, truth(id), "a shown count is the true one");
        }
        let hidden: Vec<String> = teams
            .iter()
            .filter(|t| !known.contains_key(&t.id))
            .map(|t| t.id.clone())
            .collect();
        if population == "employee" {
            let hidden_codes: BTreeSet<&str> = hidden.iter().map(|id| code[id].as_str()).collect();
            assert!(hidden_codes.contains("A3"), "fewer than k invited: hidden");
            assert!(hidden_codes.contains("A2"), "its smallest sibling hidden with it");
            let r1 = shown.teams.iter().find(|r| r.code == "R1").unwrap();
            assert_eq!(r1.employees, Some(13), "the region itself shows");
            assert_eq!(r1.invitations, 19);
            assert_eq!(r1.response_rate.map(|r| r.round()), Some(68.0));
            assert!(shown
                .teams
                .iter()
                .find(|r| r.code == "A3")
                .unwrap()
                .response_rate
                .is_none());
        }
        // The attack: solve each equation with one unknown until nothing moves.
        loop {
            let mut learned = false;
            for p in &teams {
                let kids: Vec<&String> = teams
                    .iter()
                    .filter(|t| t.parent_id.as_deref() == Some(p.id.as_str()))
                    .map(|t| &t.id)
                    .collect();
                if kids.is_empty() {
                    continue;
                }
                let unknown: Vec<&String> = std::iter::once(&p.id)
                    .chain(kids.iter().copied())
                    .filter(|id| !known.contains_key(*id))
                    .collect();
                if unknown.len() != 1 {
                    continue;
                }
                let x = unknown[0].clone();
                let sum_kids: u64 = kids.iter().filter_map(|k| known.get(*k)).sum();
                let value = if x == p.id {
                    own[&p.id] + sum_kids
                } else {
                    known[&p.id] - own[&p.id] - sum_kids
                };
                known.insert(x, value);
                learned = true;
            }
            if !learned {
                break;
            }
        }
        for id in &hidden {
            // A team hidden for having fewer than k invited keeps even a 0.
            let few_invited = population == "employee" && ["A3", "B3"].contains(&code[id].as_str());
            if truth(id) > 0 || few_invited {
                assert!(
                    !known.contains_key(id),
                    "{population} count of hidden team {} recovered by subtraction: {}",
                    code[id],
                    known[id]
                );
            }
        }
    }

    // The page shows the same: the region table, and no figure for A3.
    let web = app.as_user("director@example.org").await;
    let (_, html) = web.get_text(&format!("/orgs/{org}/campaigns/{campaign}?lang=en")).await;
    assert!(html.contains("Participation by region"));
    let doc = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.rates:not(.regions) tbody tr").unwrap();
    let a3 = doc
        .select(&rows)
        .find(|r| r.text().collect::<String>().contains("A3"))
        .unwrap()
        .text()
        .collect::<String>();
    assert!(a3.contains("fewer than 5"), "{a3}");
    assert!(!a3.contains(" 2 "), "{a3}");
}

crate::both_backends!(no_region_minus_its_shown_teams_gives_a_hidden_count);

//! Digests and nudges by e-mail (issue 13, item 4, and item 2's
//! low-participation alert), through a real SMTP sink: "results are ready"
//! reaches the directors and the managers of published teams only, in
//! their language, with a link and no figure, once; the weekly digest lists
//! due and overdue actions to their owners, once a week; the
//! low-participation alert reaches the right managers and the directors
//! once; nobody who unsubscribed gets that kind; the one-click link works
//! without signing in and refuses a forged token; overdue actions carry a
//! badge on the action plan.

use chrono::NaiveDate;
use diesel::prelude::*;
use miroir::auth::policy::Role;
use miroir::domain::actions::{self, AdoptInput};
use miroir::domain::mail::Mailer;
use miroir::domain::{campaigns, import, notices};

use crate::helpers::{spawn_app_with, Backend, SmtpSink, TestApp};

const ADMIN: &str = "root@example.org";
const DIRECTOR_EN: &str = "director@example.org";
const DIRECTOR_FR: &str = "directrice@example.org";
const DIRECTOR_OUT: &str = "absent@example.org";
const MANAGER_A: &str = "manager-a@example.org";
const MANAGER_B: &str = "manager-b@example.org";
const MANAGER_C: &str = "manager-c@example.org";
const VIEWER: &str = "viewer@example.org";

/// One received e-mail: its recipient, headers and body.
#[derive(Debug, Clone)]
struct Mail {
    to: String,
    headers: String,
    body: String,
}

fn mails(sink: &SmtpSink) -> Vec<Mail> {
    sink.messages
        .lock()
        .unwrap()
        .iter()
        .map(|raw| {
            let (headers, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
            let body = decode(headers, body);
            let to = headers
                .lines()
                .find_map(|l| l.strip_prefix("To: "))
                .unwrap_or_default()
                .trim()
                .to_string();
            Mail {
                to,
                headers: headers.to_string(),
                body: body.replace("\r\n", "\n"),
            }
        })
        .collect()
}

/// A body as its Content-Transfer-Encoding says (lettre chooses 7bit,
/// quoted-printable or base64).
fn decode(headers: &str, body: &str) -> String {
    let encoding = headers
        .lines()
        .find_map(|l| l.strip_prefix("Content-Transfer-Encoding: "))
        .unwrap_or("7bit")
        .trim()
        .to_ascii_lowercase();
    match encoding.as_str() {
        "base64" => {
            use base64::Engine;
            let compact: String = body.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(compact).unwrap()).unwrap()
        }
        "quoted-printable" => {
            let joined = body.replace("=\r\n", "");
            let bytes = joined.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'=' && i + 2 < bytes.len() {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 3;
                } else {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8(out).unwrap()
        }
        _ => body.to_string(),
    }
}

fn to(mails: &[Mail], email: &str) -> Vec<Mail> {
    mails.iter().filter(|m| m.to == email).cloned().collect()
}

/// The body without its URLs (which hold ids).
fn words(body: &str) -> String {
    body.split_whitespace()
        .filter(|w| !w.contains("http://") && !w.contains("https://"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The one-click link of a mail's `List-Unsubscribe` header.
fn unsubscribe_link(mail: &Mail) -> String {
    let line = mail
        .headers
        .lines()
        .find_map(|l| l.strip_prefix("List-Unsubscribe: "))
        .expect("a List-Unsubscribe header");
    line.trim().trim_start_matches('<').trim_end_matches('>').to_string()
}

struct World {
    app: TestApp,
    sink: SmtpSink,
    mailer: Mailer,
    org: String,
    campaign: String,
}

/// Organisation Acme (French by default, k = 5): teams A, B, C, D; the
/// directors (one English, one French, one who turned every notice off),
/// a manager each for A, B and C, a viewer; an open wave with employee
/// answers: A 6 of 10 invited, B 2 of a headcount of 20, C 5 of 20
/// invited, D none (headcount 3).
async fn world(backend: Backend) -> World {
    let sink = SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let smtp = url.clone();
    let app = spawn_app_with(backend, move |c| c.smtp_url = Some(miroir::auth::Secret::new(smtp))).await;
    app.create_admin(ADMIN);
    let org = app.create_org("Acme");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nA,Store Alpha,,10\nB,Store Bravo,,20\nC,Store Charlie,,20\nD,Store Delta,,3\n",
    );
    for (email, role, teams) in [
        (DIRECTOR_EN, Role::Director, ""),
        (DIRECTOR_FR, Role::Director, ""),
        (DIRECTOR_OUT, Role::Director, ""),
        (MANAGER_A, Role::Manager, "A"),
        (MANAGER_B, Role::Manager, "B"),
        (MANAGER_C, Role::Manager, "C"),
        (VIEWER, Role::Viewer, ""),
    ] {
        app.member(&org, email, role, teams);
    }
    {
        let mut conn = app.conn();
        let id = |conn: &mut miroir::db::DbConn, email: &str| {
            miroir::db::models::user::find_by_email(conn, email)
                .unwrap()
                .unwrap()
                .id
        };
        let en = id(&mut conn, DIRECTOR_EN);
        miroir::db::models::user::set_language(&mut conn, &en, Some("en")).unwrap();
        let a = id(&mut conn, MANAGER_A);
        miroir::db::models::user::set_language(&mut conn, &a, Some("en")).unwrap();
        let out = id(&mut conn, DIRECTOR_OUT);
        notices::set_preferences(&mut conn, &out, &[]).unwrap();
    }
    let (campaign, _) = app.open_campaign(&org, "Spring wave");
    app.invite(&campaign, "A", 10);
    app.invite(&campaign, "C", 20);
    let mut csv = String::from("team,population,channel,courtesy.e.1,listening.e.1,enps\n");
    for (team, n) in [("A", 6), ("B", 2), ("C", 5)] {
        for i in 0..n {
            csv.push_str(&format!(
                "{team},employee,,{},{},{}\n",
                1 + i % 5,
                1 + (i * 2) % 5,
                i % 11
            ));
        }
    }
    import::import_responses(&mut app.conn(), &app.admin_principal(), &campaign, csv.as_bytes()).unwrap();
    let mailer = Mailer::new(&url, "Miroir <no-reply@localhost>")
        .unwrap()
        .with_base_url(&app.address);
    World {
        app,
        sink,
        mailer,
        org,
        campaign,
    }
}

/// The published teams of the closed wave, as the engine decided.
fn published_codes(w: &World) -> Vec<String> {
    let mut conn = w.app.conn();
    let c = miroir::db::models::campaign::find_by_id(&mut conn, &w.campaign)
        .unwrap()
        .unwrap();
    let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
    report
        .teams
        .iter()
        .filter(|t| !(t.group.suppressed.customer && t.group.suppressed.employee))
        .map(|t| t.code.clone())
        .collect()
}

async fn results_ready_reaches_directors_and_published_managers_once(backend: Backend) {
    let w = world(backend).await;
    // Closing through the page sends the outbox once the close is committed.
    let admin = w.app.as_user(ADMIN).await;
    let res = admin
        .post_form(
            &format!("/orgs/{}/campaigns/{}/status", w.org, w.campaign),
            &[("verb", "close")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let published = published_codes(&w);
    assert!(published.contains(&"A".to_string()), "{published:?}");
    assert!(!published.contains(&"B".to_string()), "B has 2 answers, fewer than k");
    let got = mails(&w.sink);

    let en = to(&got, DIRECTOR_EN);
    assert_eq!(en.len(), 1, "{got:#?}");
    assert!(
        en[0].body.contains("Hello"),
        "in the director's language: {}",
        en[0].body
    );
    let dashboard = format!("{}/orgs/{}/campaigns/{}/dashboard", w.app.address, w.org, w.campaign);
    assert!(en[0].body.contains(&dashboard), "{}", en[0].body);
    let fr = to(&got, DIRECTOR_FR);
    assert_eq!(fr.len(), 1);
    assert!(
        fr[0].body.contains("Bonjour"),
        "the organisation's language: {}",
        fr[0].body
    );
    assert!(fr[0].body.contains(&dashboard));

    let a = to(&got, MANAGER_A);
    assert_eq!(a.len(), 1);
    let team_page = format!("{}/orgs/{}/campaigns/{}/teams/A", w.app.address, w.org, w.campaign);
    assert!(a[0].body.contains(&team_page), "{}", a[0].body);
    assert!(!a[0].body.contains("/dashboard"), "a manager is sent to their team");
    assert!(a[0].body.contains("Hello"));
    assert_eq!(to(&got, MANAGER_B).len(), 0, "no published result for B: nothing");
    assert_eq!(
        to(&got, MANAGER_C).len(),
        usize::from(published.contains(&"C".to_string()))
    );
    assert_eq!(to(&got, VIEWER).len(), 0);
    assert_eq!(to(&got, DIRECTOR_OUT).len(), 0, "unsubscribed from every kind");
    // No figure: once the links are left out, not a digit remains.
    for m in &got {
        let text = words(&m.body);
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "a figure in: {text}");
        assert!(m.headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }
    // Once per wave per person, however often it is asked.
    let count = got.len();
    let mut conn = w.app.conn();
    assert_eq!(
        notices::results_ready(&mut conn, &w.mailer, &w.campaign, &w.app.address).unwrap(),
        0
    );
    assert_eq!(notices::send_pending(&mut conn, &w.mailer).unwrap(), 0);
    assert_eq!(mails(&w.sink).len(), count);
}

fn adopt(w: &World, owner: &str, due_on: &str, team: &str, point: usize) -> String {
    let input = AdoptInput {
        team: team.into(),
        point: miroir::domain::instrument::action_plan()[point].code.clone(),
        owner: owner.into(),
        due_on: due_on.into(),
        note: String::new(),
    };
    actions::adopt(
        &mut w.app.conn(),
        &w.app.admin_principal(),
        "Admin",
        &w.campaign,
        &input,
    )
    .unwrap()
    .id
}

async fn the_digest_lists_due_and_overdue_actions_to_their_owners_weekly(backend: Backend) {
    let w = world(backend).await;
    {
        use miroir::db::schema::users;
        diesel::update(users::table.filter(users::email.eq(MANAGER_B)))
            .set(users::display_name.eq("Bea Martin"))
            .execute(&mut w.app.conn())
            .unwrap();
    }
    let today = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
    let point = |i: usize| {
        let code = &miroir::domain::instrument::action_plan()[i].code;
        miroir::i18n::t("en", &format!("action-{code}"))
    };
    // Manager A (by e-mail, in English): one overdue, one due in 5 days,
    // one due next month (not listed), one overdue but done (not listed).
    adopt(&w, "MANAGER-A@example.org", "2026-06-01", "A", 0);
    adopt(&w, MANAGER_A, "2026-06-15", "", 1);
    adopt(&w, MANAGER_A, "2026-07-30", "A", 2);
    let done = adopt(&w, MANAGER_A, "2026-05-01", "A", 3);
    actions::set_status(
        &mut w.app.conn(),
        &w.app.admin_principal(),
        "Admin",
        &w.org,
        &done,
        "done",
        "",
    )
    .unwrap();
    // Manager B by display name (in French); an unknown owner; a director
    // who turned the digest off.
    adopt(&w, "bea martin", "2026-06-12", "B", 4);
    adopt(&w, "Somebody Else", "2026-06-01", "", 5);
    adopt(&w, DIRECTOR_OUT, "2026-06-01", "", 6);

    let mut conn = w.app.conn();
    assert_eq!(notices::weekly_digest(&mut conn, &w.mailer, today).unwrap(), 2);
    let got = mails(&w.sink);
    assert_eq!(got.len(), 2, "{got:#?}");
    let a = &to(&got, MANAGER_A)[0];
    assert!(a.body.contains(&point(0)) && a.body.contains(&point(1)), "{}", a.body);
    assert!(!a.body.contains(&point(2)), "due next month: not yet");
    assert!(!a.body.contains(&point(3)), "done: not listed");
    assert!(a.body.contains("2026-06-01: OVERDUE"), "{}", a.body);
    assert!(!a.body.contains("2026-06-15: OVERDUE"));
    assert!(a.body.contains(&format!("{}/orgs/{}/actions", w.app.address, w.org)));
    let b = &to(&got, MANAGER_B)[0];
    assert!(
        b.body.contains("Bonjour") && b.body.contains("2026-06-12"),
        "{}",
        b.body
    );
    assert_eq!(to(&got, DIRECTOR_OUT).len(), 0);

    // Once a week: again this week, nothing; next week, again.
    assert_eq!(
        notices::weekly_digest(&mut conn, &w.mailer, today + chrono::Duration::days(2)).unwrap(),
        0
    );
    assert_eq!(mails(&w.sink).len(), 2);
    assert_eq!(
        notices::weekly_digest(&mut conn, &w.mailer, today + chrono::Duration::days(7)).unwrap(),
        2
    );
}

async fn low_participation_alerts_the_right_people_once(backend: Backend) {
    let w = world(backend).await;
    let mut conn = w.app.conn();
    // The wave runs all 2026: nothing before half of it has passed.
    let early = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    assert_eq!(notices::low_participation(&mut conn, &w.mailer, early).unwrap(), 0);
    let late = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
    let sent = notices::low_participation(&mut conn, &w.mailer, late).unwrap();
    let got = mails(&w.sink);
    assert_eq!(sent, got.len());
    // A: 6 of 10 (60 %), not low. B: hidden (fewer than k). C: 5 of 20
    // invited (25 %). D: fewer than k people, never.
    assert_eq!(to(&got, MANAGER_A).len(), 0, "{got:#?}");
    let b = to(&got, MANAGER_B);
    assert_eq!(b.len(), 1);
    assert!(b[0].body.contains("Store Bravo") && !b[0].body.contains("Store Charlie"));
    let bravo = b[0].body.lines().find(|l| l.contains("Store Bravo")).unwrap();
    assert!(!bravo.contains('2'), "no count of a group below k: {bravo}");
    let c = to(&got, MANAGER_C);
    assert_eq!(c.len(), 1);
    let director = to(&got, DIRECTOR_EN);
    assert_eq!(director.len(), 1);
    let body = &director[0].body;
    assert!(body.contains("Store Bravo") && body.contains("Store Charlie"), "{body}");
    assert!(!body.contains("Store Alpha") && !body.contains("Store Delta"), "{body}");
    assert!(body.contains("30%"), "the threshold: {body}");
    assert_eq!(to(&got, DIRECTOR_FR).len(), 1);
    assert_eq!(to(&got, DIRECTOR_OUT).len(), 0);
    assert_eq!(to(&got, VIEWER).len(), 0);
    // Once per team per wave.
    assert_eq!(notices::low_participation(&mut conn, &w.mailer, late).unwrap(), 0);
    assert_eq!(mails(&w.sink).len(), got.len());
    // A lower threshold is a setting: 20 % leaves C above it.
    notices::set_threshold(&mut conn, 20).unwrap();
    assert_eq!(notices::threshold(&mut conn).unwrap(), 20);
}

async fn unsubscribing_works_without_signing_in_and_refuses_forgeries(backend: Backend) {
    let w = world(backend).await;
    let mut conn = w.app.conn();
    let late = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
    notices::low_participation(&mut conn, &w.mailer, late).unwrap();
    let mail = to(&mails(&w.sink), MANAGER_B).remove(0);
    let link = unsubscribe_link(&mail);
    assert!(mail.body.contains(&link), "the link is in the body too");
    let path = link.strip_prefix(&w.app.address).unwrap().to_string();
    let anonymous = w.app.anonymous();
    // Forged: another signature, another kind, another person.
    let token = path.strip_prefix("/unsubscribe/").unwrap();
    let (user, rest) = token.split_once('.').unwrap();
    let (_, signature) = rest.split_once('.').unwrap();
    let director = miroir::db::models::user::find_by_email(&mut conn, DIRECTOR_EN)
        .unwrap()
        .unwrap()
        .id;
    let mut flipped = signature.to_string();
    let last = if flipped.ends_with('A') { 'B' } else { 'A' };
    flipped.pop();
    flipped.push(last);
    for forged in [
        format!("{user}.participation.{flipped}"),
        format!("{user}.digest.{signature}"),
        format!("{director}.participation.{signature}"),
        format!("{user}.participation"),
    ] {
        let res = anonymous.get(&format!("/unsubscribe/{forged}")).await;
        assert_eq!(res.status().as_u16(), 404, "{forged}");
        let res = anonymous
            .client
            .post(anonymous.url(&format!("/unsubscribe/{forged}")))
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 404, "{forged}");
    }
    // The real link: a confirmation first (a link scanner unsubscribes
    // nobody), then the one-click POST as a mail client sends it.
    let (status, html) = anonymous.get_text(&format!("{path}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(html.contains(MANAGER_B), "{html}");
    assert!(miroir::domain::notices::preferences(&mut conn, user)
        .unwrap()
        .iter()
        .all(|p| p.enabled));
    let res = anonymous
        .client
        .post(anonymous.url(&path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let prefs = notices::preferences(&mut conn, user).unwrap();
    assert!(prefs.iter().any(|p| p.kind == notices::PARTICIPATION && !p.enabled));
    assert!(
        prefs.iter().any(|p| p.kind == notices::DIGEST && p.enabled),
        "only that kind"
    );
    // And the next wave's alert does not reach them.
    let (second, _) = w.app.open_campaign(&w.org, "Autumn wave");
    let before = mails(&w.sink).len();
    notices::low_participation(&mut conn, &w.mailer, late).unwrap();
    let after = mails(&w.sink);
    assert!(after.len() > before, "the others are told about the new wave {second}");
    assert_eq!(to(&after, MANAGER_B).len(), 1, "still only the first wave's alert");

    // The account page turns kinds on and off (with its CSRF token).
    let manager = w.app.as_user(MANAGER_B).await;
    let (_, account) = manager.get_text("/account?lang=en").await;
    assert!(account.contains("action=\"/account/notifications\""));
    assert!(!account.contains("name=\"participation\" value=\"on\" checked"));
    let res = manager
        .post_form("/account/notifications", &[("participation", "on"), ("digest", "on")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let prefs = notices::preferences(&mut conn, user).unwrap();
    assert!(prefs.iter().all(|p| p.enabled == (p.kind != notices::RESULTS_READY)));
    let res = manager
        .client
        .post(manager.url("/account/notifications"))
        .form(&[("digest", "on")])
        .send()
        .await
        .unwrap();
    assert_ne!(res.status().as_u16(), 303, "no CSRF token, no change");
}

async fn overdue_actions_are_flagged_on_the_action_plan(backend: Backend) {
    let w = world(backend).await;
    adopt(&w, MANAGER_A, "2020-01-01", "A", 0);
    let done = adopt(&w, MANAGER_A, "2020-01-01", "A", 1);
    actions::set_status(
        &mut w.app.conn(),
        &w.app.admin_principal(),
        "Admin",
        &w.org,
        &done,
        "done",
        "",
    )
    .unwrap();
    adopt(&w, MANAGER_A, "2999-01-01", "A", 2);
    adopt(&w, MANAGER_A, "", "A", 3);
    let director = w.app.as_user(DIRECTOR_EN).await;
    let (status, html) = director.get_text(&format!("/orgs/{}/actions?lang=en", w.org)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Overdue actions: 1"), "{html}");
    // A badge on the overdue row only (not the done one, nor the others).
    assert_eq!(html.matches("class=\"badge overdue\"").count(), 1);
    let directrice = w.app.as_user(DIRECTOR_FR).await;
    let (_, html) = directrice.get_text(&format!("/orgs/{}/actions?lang=fr", w.org)).await;
    assert!(html.contains("Actions en retard\u{a0}: 1"));
    // Nothing overdue: no count.
    let mut conn = w.app.conn();
    for a in miroir::db::models::action::list_by_org(&mut conn, &w.org).unwrap() {
        actions::set_status(
            &mut conn,
            &w.app.admin_principal(),
            "Admin",
            &w.org,
            &a.id,
            "dropped",
            "",
        )
        .unwrap();
    }
    let (_, html) = director.get_text(&format!("/orgs/{}/actions?lang=en", w.org)).await;
    assert!(!html.contains("Overdue actions"));
    assert_eq!(html.matches("class=\"badge overdue\"").count(), 0);
}

/// The participation is counted as `campaigns::rates` shows it.
async fn alerts_follow_the_shown_rates(backend: Backend) {
    let w = world(backend).await;
    let mut conn = w.app.conn();
    let c = miroir::db::models::campaign::find_by_id(&mut conn, &w.campaign)
        .unwrap()
        .unwrap();
    let rates = campaigns::rates(&mut conn, &w.app.admin_principal(), &c).unwrap();
    let b = rates.teams.iter().find(|t| t.code == "B").unwrap();
    assert_eq!(b.employees, None, "B's 2 answers are hidden");
    let a = rates.teams.iter().find(|t| t.code == "A").unwrap();
    assert_eq!(a.employees, Some(6));
}

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name(crate::helpers::Backend::Sqlite).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name(crate::helpers::Backend::Postgres).await;
                }
            }
        )*
    };
}

on_both!(
    results_ready_reaches_directors_and_published_managers_once,
    the_digest_lists_due_and_overdue_actions_to_their_owners_weekly,
    low_participation_alerts_the_right_people_once,
    unsubscribing_works_without_signing_in_and_refuses_forgeries,
    overdue_actions_are_flagged_on_the_action_plan,
    alerts_follow_the_shown_rates,
);

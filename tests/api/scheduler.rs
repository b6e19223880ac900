//! Waves that run themselves: a scheduled campaign opens on its opening date
//! and closes after its closing date, by the scheduler inside the server,
//! once even with two instances on one database, and what was missed while
//! the server was down happens at start-up. Every move is in the history.

use std::time::Duration;

use diesel::prelude::*;
use miroir::config::Config;
use miroir::db::schema::{campaign_events, campaigns};
use miroir::domain::campaigns::{self as domain_campaigns, CampaignInput};
use miroir::startup::Application;

use crate::both_backends;
use crate::helpers::{fresh_database, Backend, TestApp};

fn scheduled(name: &str, opens: chrono::NaiveDate, closes: chrono::NaiveDate) -> CampaignInput {
    CampaignInput {
        name: name.into(),
        opens_on: opens.to_string(),
        closes_on: closes.to_string(),
        scheduled: true,
        time_zone: Some("Europe/Paris".into()),
        ..Default::default()
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

fn status(conn: &mut miroir::db::DbConn, id: &str) -> String {
    campaigns::table
        .filter(campaigns::id.eq(id))
        .select(campaigns::status)
        .first(conn)
        .unwrap()
}

fn history(conn: &mut miroir::db::DbConn, id: &str) -> Vec<(String, bool)> {
    campaign_events::table
        .filter(campaign_events::campaign_id.eq(id))
        .order(campaign_events::at.asc())
        .select((campaign_events::step, campaign_events::by_scheduler))
        .load(conn)
        .unwrap()
}

/// Waits up to 10 s for the campaign to reach `wanted`.
async fn until(app: &TestApp, id: &str, wanted: &str) {
    for _ in 0..200 {
        if status(&mut app.conn(), id) == wanted {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("campaign {id} did not become {wanted}: {}", status(&mut app.conn(), id));
}

/// A second instance of Miroir on the same database, its scheduler every
/// 100 ms.
async fn second_instance(app: &TestApp) {
    let mut config = Config::for_database(&app.database_url);
    config.pool_size = 2;
    config.scheduler_ms = 100;
    let other = Application::build(config).expect("second instance");
    tokio::spawn(other.run_until_stopped());
}

/// Three instances on one database, each passing every 100 ms.
async fn a_scheduled_wave_opens_and_closes_once_with_several_instances(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, |c| c.scheduler_ms = 100).await;
    second_instance(&app).await;
    second_instance(&app).await;
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code,headcount\nA1,Agence 1,,6\n");
    let admin = app.admin_principal();
    // Not scheduled: left alone although its dates have come.
    let manual = domain_campaigns::create(
        &mut app.conn(),
        &admin,
        &org,
        &CampaignInput {
            scheduled: false,
            ..scheduled("Manual", today(), today() + chrono::Duration::days(7))
        },
    )
    .unwrap();
    // Scheduled, its opening date today: the instances open it.
    let c = domain_campaigns::create(
        &mut app.conn(),
        &admin,
        &org,
        &scheduled("Vague", today(), today() + chrono::Duration::days(7)),
    )
    .unwrap();
    until(&app, &c.id, "open").await;
    // Its closing date passes (moved back in the database): it closes.
    diesel::update(campaigns::table.filter(campaigns::id.eq(&c.id)))
        .set(campaigns::closes_on.eq(today() - chrono::Duration::days(1)))
        .execute(&mut app.conn())
        .unwrap();
    until(&app, &c.id, "closed").await;
    // A few more passes of every instance change nothing.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        history(&mut app.conn(), &c.id),
        vec![("open".to_string(), true), ("close".to_string(), true)],
        "each move once, by the scheduler"
    );
    assert_eq!(status(&mut app.conn(), &manual.id), "draft");
    assert!(history(&mut app.conn(), &manual.id).is_empty());

    // The campaign page says it runs by itself and shows its history.
    let root = app.as_user("root@example.org").await;
    let (_, page) = root.get_text(&format!("/orgs/{org}/campaigns/{}?lang=en", c.id)).await;
    assert!(page.contains("Opens and closes by itself on these dates (Europe/Paris)."));
    assert_eq!(page.matches("on its date, by itself").count(), 2, "{page}");
    // A person's move is recorded with their name.
    let (_, page) = root
        .get_text(&format!("/orgs/{org}/campaigns/{}?lang=en", manual.id))
        .await;
    assert!(!page.contains("history-heading"));
}

async fn the_campaign_form_schedules_a_wave_and_refuses_an_unknown_time_zone(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code,headcount\nA1,Agence 1,,6\n");
    let root = app.as_user("root@example.org").await;
    let opens = (today() + chrono::Duration::days(3)).to_string();
    let closes = (today() + chrono::Duration::days(30)).to_string();
    let fields = |tz: &'static str| {
        vec![
            ("name", "Vague 3".to_string()),
            ("opens_on", opens.clone()),
            ("closes_on", closes.clone()),
            ("lang_fr", "1".into()),
            ("pop_customer", "1".into()),
            ("pop_employee", "1".into()),
            ("scheduled", "1".into()),
            ("time_zone", tz.into()),
        ]
    };
    let refused = fields("Mars/Olympus");
    let refs: Vec<(&str, &str)> = refused.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = root.post_form(&format!("/orgs/{org}/campaigns?lang=en"), &refs).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Unknown time zone"), "{html}");
    assert!(html.contains("value=\"Mars/Olympus\""), "what was typed is kept");
    assert!(html.contains("Vague 3"));
    let ok = fields("America/New_York");
    let refs: Vec<(&str, &str)> = ok.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = root.post_form(&format!("/orgs/{org}/campaigns"), &refs).await;
    assert_eq!(res.status().as_u16(), 303);
    let id: String = campaigns::table
        .filter(campaigns::name.eq("Vague 3"))
        .select(campaigns::id)
        .first(&mut app.conn())
        .unwrap();
    let (_, form) = root.get_text(&format!("/orgs/{org}/campaigns/{id}/edit")).await;
    assert!(form.contains(
        "id=\"scheduled\" name=\"scheduled\" type=\"checkbox\" value=\"1\" aria-describedby=\"scheduled-help\" checked"
    ));
    assert!(form.contains("value=\"America/New_York\""));
    // Not yet its date: still a draft.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(status(&mut app.conn(), &id), "draft");
}

both_backends!(the_campaign_form_schedules_a_wave_and_refuses_an_unknown_time_zone);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_wave_opens_and_closes_once_with_several_instances_sqlite() {
    a_scheduled_wave_opens_and_closes_once_with_several_instances(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_wave_opens_and_closes_once_with_several_instances_postgres() {
    a_scheduled_wave_opens_and_closes_once_with_several_instances(Backend::Postgres).await;
}

/// A wave due to open while no server ran opens when one starts, without
/// waiting for the next pass (here an hour away).
async fn missed_moves_happen_at_start_up(backend: Backend) {
    let (url, _dir, schema) = fresh_database(backend);
    let pool = miroir::db::connect(&url, 2).expect("pool");
    let id = {
        let mut conn = pool.get().unwrap();
        let admin = miroir::auth::policy::Principal {
            is_platform_admin: true,
            ..Default::default()
        };
        let org = miroir::domain::organisations::create(
            &mut conn,
            &admin,
            &miroir::domain::organisations::OrganisationInput {
                name: "Banque".into(),
                sector: "banking".into(),
                default_language: "fr".into(),
                anonymity_threshold: None,
                label_floor: None,
                label_average: None,
            },
        )
        .unwrap();
        domain_campaigns::create(
            &mut conn,
            &admin,
            &org.id,
            &scheduled(
                "Vague",
                today() - chrono::Duration::days(2),
                today() + chrono::Duration::days(5),
            ),
        )
        .unwrap()
        .id
    };
    let mut config = Config::for_database(&url);
    config.pool_size = 2;
    config.scheduler_ms = 3_600_000;
    let app = Application::build(config).expect("application");
    tokio::spawn(app.run_until_stopped());
    let mut opened = false;
    for _ in 0..200 {
        if status(&mut pool.get().unwrap(), &id) == "open" {
            opened = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(opened, "the start-up pass opened the missed wave");
    assert_eq!(history(&mut pool.get().unwrap(), &id), vec![("open".to_string(), true)]);
    crate::helpers::drop_schema(&schema);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missed_moves_happen_at_start_up_sqlite() {
    missed_moves_happen_at_start_up(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missed_moves_happen_at_start_up_postgres() {
    missed_moves_happen_at_start_up(Backend::Postgres).await;
}

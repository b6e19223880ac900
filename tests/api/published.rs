//! Published reports: a wave's reports are built once, at its close, and
//! kept in the database, so that every instance serves them without
//! recomputing and a restart loses nothing; a change of what they depend on
//! (here the aggregates' version) has them built again.

use diesel::prelude::*;
use miroir::analytics::synthetic::Shape;
use miroir::analytics::{stored, CampaignReport};
use miroir::db::schema::published_reports as p;
use miroir::domain::campaigns::CampaignStatus;

use crate::helpers::{spawn_app, Backend, TestApp};

fn stored(app: &TestApp, campaign: &str) -> Vec<(String, Vec<u8>)> {
    p::table
        .filter(p::campaign_id.eq(campaign))
        .select((p::kind, p::body))
        .order(p::kind)
        .load(&mut app.conn())
        .unwrap()
}

async fn a_closed_wave_is_published_once(app: TestApp) {
    let shape = Shape {
        regions: 3,
        branches_per_region: 5,
        responses: 3_000,
    };
    let seeded = miroir::domain::synthetic::seed(&mut app.conn(), &shape, CampaignStatus::Open).unwrap();
    let id = seeded.campaign_id.clone();
    app.create_admin("root@example.org");
    assert!(
        stored(&app, &id).is_empty(),
        "nothing is published while the wave is open"
    );

    // The close builds and keeps the organisation's report and channels.
    miroir::domain::campaigns::transition(&mut app.conn(), &app.admin_principal(), &id, "close").unwrap();
    let kinds: Vec<String> = stored(&app, &id).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, ["channels", "json", "report"]);
    let json = stored(&app, &id).remove(1).1;
    let kept = stored(&app, &id).remove(2).1;

    // The API serves the published text itself; the kept report reads back
    // exactly, with the counts the API does not show.
    let token = app.api_token("root@example.org").await;
    let served = app.report_text(&id, &token).await;
    // (followed by the cross-wave keys, which depend on other waves)
    let open = |text: &[u8]| text[..text.len() - 1].to_vec();
    assert!(
        served.as_bytes().starts_with(&open(&json)),
        "the published text, then the cross-wave keys"
    );
    let parsed: CampaignReport = stored::from_slice(&kept).unwrap();
    assert_eq!(stored::to_vec(&parsed).unwrap(), kept, "lossless round trip");
    assert_eq!(
        serde_json::to_vec(&parsed).unwrap(),
        json,
        "the API's text of the same report"
    );
    assert!(kept.len() > json.len(), "the counts are kept");
    assert_eq!(parsed.teams.len(), seeded.teams);

    // Another instance (or this one after a restart) finds it in the
    // database and does not build it again: a marked copy is what it serves.
    for (kind, body) in [("json", &json), ("report", &kept)] {
        let mut marked: serde_json::Value = serde_json::from_slice(body).unwrap();
        marked["campaign"]["name"] = "Marked in the database".into();
        diesel::update(p::table.filter(p::campaign_id.eq(&id)).filter(p::kind.eq(kind)))
            .set(p::body.eq(stored::to_vec(&marked).unwrap()))
            .execute(&mut app.conn())
            .unwrap();
    }
    miroir::domain::report_cache::forget(&id);
    let served = app.report_text(&id, &token).await;
    assert!(served.contains("Marked in the database"), "served from the database");
    // The dashboard reads the same published report.
    let mut conn = app.conn();
    let c = miroir::db::models::campaign::find_by_id(&mut conn, &id)
        .unwrap()
        .unwrap();
    let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
    assert_eq!(report.campaign.name, "Marked in the database");

    // What the report depends on changes: it is built again and kept.
    miroir::db::models::aggregates::touch(&mut conn, &id).unwrap();
    let served = app.report_text(&id, &token).await;
    assert!(!served.contains("Marked in the database"));
    assert!(served.as_bytes().starts_with(&open(&stored(&app, &id).remove(1).1)));
    assert!(served.as_bytes().starts_with(&open(&json)), "the same figures again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_wave_is_published_once_sqlite() {
    a_closed_wave_is_published_once(spawn_app(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_wave_is_published_once_postgres() {
    a_closed_wave_is_published_once(spawn_app(Backend::Postgres).await).await;
}

/// The demo's reports (every part of the report contract filled) read back
/// from their published text exactly.
async fn the_demo_report_reads_back_exactly(app: TestApp) {
    let mut conn = app.conn();
    let installed = miroir::domain::demo::install(&mut conn, &miroir::demo::plan(7)).unwrap();
    for id in &installed.campaign_ids {
        let c = miroir::db::models::campaign::find_by_id(&mut conn, id)
            .unwrap()
            .unwrap();
        if !miroir::domain::reports::is_published(&c) {
            continue;
        }
        let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
        let text = stored::to_vec(&*report).unwrap();
        let back: CampaignReport = stored::from_slice(&text).unwrap();
        assert_eq!(back, *report);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_report_reads_back_exactly_sqlite() {
    the_demo_report_reads_back_exactly(spawn_app(Backend::Sqlite).await).await;
}

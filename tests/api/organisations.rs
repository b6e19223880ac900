//! Organisations through pages and the API; deletion removes everything.

use diesel::prelude::*;
use miroir::auth::policy::Role;
use miroir::db::schema::{memberships, organisations, team_managers, teams};

use crate::both_backends;
use crate::helpers::{forty_teams_csv, input_value, TestApp, PASSWORD};

async fn an_admin_creates_an_organisation_and_bad_input_is_kept(app: TestApp) {
    app.create_admin("root@example.org");
    app.sign_in("root@example.org", PASSWORD).await;
    let res = app
        .post_form(
            "/orgs",
            &[
                ("name", "Banque Exemple"),
                ("sector", "not-a-sector"),
                ("default_language", "fr"),
                ("anonymity_threshold", "2"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Choose a sector from the list"));
    assert_eq!(input_value(&html, "name").as_deref(), Some("Banque Exemple"));

    let res = app
        .post_form(
            "/orgs",
            &[
                ("name", "Banque Exemple"),
                ("sector", "banking"),
                ("default_language", "fr"),
                ("anonymity_threshold", "2"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("3 or more"));

    let res = app
        .post_form(
            "/orgs",
            &[
                ("name", "Banque Exemple"),
                ("sector", "banking"),
                ("default_language", "fr"),
                ("anonymity_threshold", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let (status, html) = app.get_text(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Banque Exemple") && html.contains("The organisation has been created"));
    let k: i32 = organisations::table
        .select(organisations::anonymity_threshold)
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(k, 5, "default threshold");
}

async fn deleting_an_organisation_removes_every_row_it_owns(app: TestApp) {
    app.create_admin("root@example.org");
    let doomed = app.create_org("Doomed");
    let kept = app.create_org("Kept");
    app.import_teams(&doomed, &forty_teams_csv());
    app.import_teams(&kept, "code,name\nK1,Kept team\n");
    app.member(&doomed, "man@example.org", Role::Manager, "R0-B1");
    app.member(&kept, "man2@example.org", Role::Manager, "K1");
    app.sign_in("root@example.org", PASSWORD).await;

    let wrong = app
        .post_form(&format!("/orgs/{doomed}/delete"), &[("confirmation", "doomed")])
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    assert!(wrong.text().await.unwrap().contains("does not match"));
    assert_eq!(
        teams::table
            .filter(teams::organisation_id.eq(&doomed))
            .count()
            .get_result::<i64>(&mut app.conn())
            .unwrap(),
        40
    );

    let res = app
        .post_form(&format!("/orgs/{doomed}/delete"), &[("confirmation", "Doomed")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let mut conn = app.conn();
    assert_eq!(organisations::table.count().get_result::<i64>(&mut conn).unwrap(), 1);
    assert_eq!(
        teams::table
            .filter(teams::organisation_id.eq(&doomed))
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap(),
        0
    );
    assert_eq!(
        memberships::table
            .filter(memberships::organisation_id.eq(&doomed))
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap(),
        0
    );
    assert_eq!(
        team_managers::table.count().get_result::<i64>(&mut conn).unwrap(),
        1,
        "only the kept org's manager"
    );
    assert_eq!(teams::table.count().get_result::<i64>(&mut conn).unwrap(), 1);
    assert_eq!(app.get(&format!("/orgs/{doomed}")).await.status().as_u16(), 404);
}

async fn the_api_creates_organisations_and_upserts_teams(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let res = app
        .client
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "Assurances Exemple", "sector": "insurance", "default_language": "en"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let org: serde_json::Value = res.json().await.unwrap();
    let id = org["id"].as_str().unwrap().to_string();
    assert_eq!(org["anonymity_threshold"], 5);

    let put = |body: String| {
        app.client
            .put(app.url(&format!("/api/v1/organisations/{id}/teams")))
            .bearer_auth(&token)
            .header("Content-Type", "text/csv")
            .body(body)
            .send()
    };
    let res = put(forty_teams_csv()).await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"created": 40, "updated": 0})
    );
    // Idempotent: the same file again only updates.
    let res = put(forty_teams_csv()).await.unwrap();
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"created": 0, "updated": 40})
    );

    let bad = put("code,name,parent_code,headcount\nNEW,New team,R0,3\nR0-B1,,R0,x\n".into())
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 422);
    let body: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(body["error"]["code"], "validation");
    let details = body["error"]["details"].as_array().unwrap();
    assert_eq!(details.len(), 2);
    assert_eq!(
        (details[0]["row"].as_u64(), details[0]["column"].as_str()),
        (Some(2), Some("name"))
    );
    assert_eq!(
        (details[1]["row"].as_u64(), details[1]["column"].as_str()),
        (Some(2), Some("headcount"))
    );
    let list: Vec<serde_json::Value> = app
        .client
        .get(app.url(&format!("/api/v1/organisations/{id}/teams")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 40, "nothing of the refused file was stored");

    let no_token = app.client.get(app.url("/api/v1/organisations")).send().await.unwrap();
    assert_eq!(no_token.status().as_u16(), 401);
    assert_eq!(
        no_token.json::<serde_json::Value>().await.unwrap()["error"]["code"],
        "unauthorized"
    );
}

async fn the_openapi_document_lists_the_calls(app: TestApp) {
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/auth/token",
        "/api/v1/organisations",
        "/api/v1/organisations/{org}/teams",
    ] {
        assert!(
            doc["paths"][path].as_object().is_some_and(|ops| !ops.is_empty()),
            "{path} documented"
        );
    }
}

async fn healthz_checks_the_database(app: TestApp) {
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.text().await.unwrap(), "ok");
}

both_backends!(
    an_admin_creates_an_organisation_and_bad_input_is_kept,
    deleting_an_organisation_removes_every_row_it_owns,
    the_api_creates_organisations_and_upserts_teams,
    the_openapi_document_lists_the_calls,
    healthz_checks_the_database,
);

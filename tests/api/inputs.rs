//! Bounded inputs: team trees no deeper than the configured limit, CSV
//! headers that cannot flood an answer, control characters refused with a
//! clear message on both databases.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use miroir::db::schema::teams;

use crate::both_backends;
use crate::helpers::{TestApp, PASSWORD};

/// `levels` teams, each under the previous one.
fn chain_csv(levels: usize) -> String {
    let mut csv = String::from("code,name,parent_code,headcount\n");
    for i in 0..levels {
        let parent = if i == 0 { String::new() } else { format!("L{}", i - 1) };
        csv.push_str(&format!("L{i},Level {i},{parent},3\n"));
    }
    csv
}

fn team_count(app: &TestApp, org: &str) -> i64 {
    teams::table
        .filter(teams::organisation_id.eq(org))
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

async fn put_teams(app: &TestApp, token: &str, org: &str, body: String) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/organisations/{org}/teams")))
        .bearer_auth(token)
        .header("Content-Type", "text/csv")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn upload_teams(app: &TestApp, org: &str, csv: String) -> reqwest::Response {
    let token = app.csrf().await;
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "file",
        reqwest::multipart::Part::bytes(csv.into_bytes())
            .file_name("teams.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    app.client
        .post(app.url(&format!("/orgs/{org}/teams/import")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn a_team_tree_deeper_than_the_limit_is_refused(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Profonde");

    let res = put_teams(&app, &token, &org, chain_csv(13)).await;
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["error"]["details"],
        serde_json::json!([{
            "row": 13,
            "column": "parent_code",
            "message": "The team tree would be too deep here: it allows a limited number of levels below the organisation (12 unless the administrator set MIROIR_MAX_TEAM_DEPTH)."
        }])
    );
    assert_eq!(team_count(&app, &org), 0, "nothing stored");

    let res = put_teams(&app, &token, &org, chain_csv(12)).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(team_count(&app, &org), 12);

    // One more level under the last one, by the upload page: refused too.
    app.sign_in("root@example.org", PASSWORD).await;
    let res = upload_teams(&app, &org, "code,name,parent_code\nL12,Level 12,L11\n".into()).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("<td>1</td><td>parent_code</td><td>The team tree would be too deep"),
        "{html}"
    );
    // And by the team form.
    let res = app
        .post_form(
            &format!("/orgs/{org}/teams"),
            &[("code", "L12"), ("name", "Level 12"), ("parent_code", "L11")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(team_count(&app, &org), 12);
}

async fn a_five_thousand_level_chain_is_refused_quickly(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Chaîne");
    let csv = chain_csv(5_000);
    assert!(csv.len() > 90_000);
    let started = Instant::now();
    let res = put_teams(&app, &token, &org, csv).await;
    let took = started.elapsed();
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let details = body["error"]["details"].as_array().unwrap();
    assert_eq!(details.len(), 100, "at most 100 listed");
    assert_eq!(details[0]["row"], 13);
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(team_count(&app, &org), 0);
}

async fn a_cycle_in_a_team_file_is_refused(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Boucle");
    let res = put_teams(
        &app,
        &token,
        &org,
        "code,name,parent_code\nA,a,C\nB,b,A\nC,c,B\nD,d,\n".into(),
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let rows: Vec<u64> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, vec![1, 2, 3]);
    assert_eq!(team_count(&app, &org), 0);
}

both_backends!(
    a_team_tree_deeper_than_the_limit_is_refused,
    a_five_thousand_level_chain_is_refused_quickly,
    a_cycle_in_a_team_file_is_refused,
);

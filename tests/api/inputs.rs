//! Bounded inputs: team trees no deeper than the configured limit, CSV
//! headers that cannot flood an answer, control characters refused with a
//! clear message on both databases; and what they become on the way out:
//! exported names a spreadsheet will not run.

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

async fn a_five_thousand_level_chain_is_refused(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Chaîne");
    let csv = chain_csv(5_000);
    assert!(csv.len() > 90_000);
    let res = put_teams(&app, &token, &org, csv).await;
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let details = body["error"]["details"].as_array().unwrap();
    assert_eq!(details.len(), 100, "at most 100 listed");
    assert_eq!(details[0]["row"], 13);
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

const CONTROL_MESSAGE: &str = "This text contains a control character";

async fn api_post(app: &TestApp, token: &str, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
    let res = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or_default())
}

fn assert_control_refusal(status: u16, body: &serde_json::Value, what: &str) {
    assert_eq!(status, 422, "{what}: {body}");
    assert_eq!(body["error"]["code"], "validation", "{what}");
    let message = body["error"]["message"].as_str().unwrap_or("");
    let detail = body["error"]["details"][0]["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with(CONTROL_MESSAGE) || detail.starts_with(CONTROL_MESSAGE),
        "{what}: {body}"
    );
}

async fn a_nul_byte_in_any_input_gets_a_clear_422(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name\nA1,Agence\n");
    let (campaign, _) = app.open_campaign(&org, "Vague");

    // JSON bodies: organisation, campaign, invitations, sign-in e-mail.
    let (status, body) = api_post(
        &app,
        &token,
        "/api/v1/organisations",
        serde_json::json!({"name": "Bank\u{0}", "sector": "banking", "default_language": "en"}),
    )
    .await;
    assert_control_refusal(status, &body, "organisation name");
    let (status, body) = api_post(
        &app,
        &token,
        &format!("/api/v1/organisations/{org}/campaigns"),
        serde_json::json!({"name": "Wave\u{0}", "opens_on": "2026-01-01", "closes_on": "2026-02-01"}),
    )
    .await;
    assert_control_refusal(status, &body, "campaign name");
    let (status, body) = api_post(
        &app,
        &token,
        &format!("/api/v1/campaigns/{campaign}/invitations"),
        serde_json::json!({"team": "A1\u{0}", "count": 1}),
    )
    .await;
    assert_control_refusal(status, &body, "invitation team");
    let (status, body) = api_post(
        &app,
        "",
        "/api/v1/auth/token",
        serde_json::json!({"email": "root\u{0}@example.org", "password": PASSWORD}),
    )
    .await;
    assert_control_refusal(status, &body, "token e-mail");

    // CSV bodies: teams and responses.
    let res = put_teams(&app, &token, &org, "code,name\nB1,Bran\0ch\n".into()).await;
    let status = res.status().as_u16();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_control_refusal(status, &body, "team CSV");
    assert_eq!(body["error"]["details"][0]["row"], 1);
    assert_eq!(body["error"]["details"][0]["column"], "name");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{campaign}/responses/import")))
        .bearer_auth(&token)
        .header("Content-Type", "text/csv")
        .body("team,population,nps\nA1\0,customer,9\n")
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_control_refusal(status, &body, "responses CSV");
    assert_eq!(body["error"]["details"][0]["column"], "team");

    // Queries and paths.
    let res = app
        .client
        .get(app.url(&format!("/api/v1/campaigns/{campaign}/report?team=A1%00")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    assert_control_refusal(status, &res.json().await.unwrap(), "report query");
    let res = app
        .client
        .get(app.url("/api/v1/organisations/x%00y"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);

    // Forms: sign-in e-mail, organisation and team names.
    let res = app
        .post_form("/login", &[("email", "root\0@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(CONTROL_MESSAGE));
    app.sign_in("root@example.org", PASSWORD).await;
    let res = app
        .post_form(
            "/orgs",
            &[("name", "Banque\0"), ("sector", "banking"), ("default_language", "fr")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(CONTROL_MESSAGE));
    let res = app
        .post_form(
            &format!("/orgs/{org}/teams"),
            &[("code", "B2"), ("name", "Nord\u{1b}[2J")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = app.get(&format!("/orgs/{org}/campaigns/{campaign}/teams/A1%00")).await;
    assert_eq!(res.status().as_u16(), 404);

    // Nothing of it was stored; text areas keep their line breaks.
    assert_eq!(team_count(&app, &org), 1);
    let res = app
        .post_form(&format!("/orgs/{org}/teams"), &[("code", "B3"), ("name", "Nord\tEst")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn a_duplicated_column_is_a_422_not_a_500(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name\nA1,Agence\n");
    let (campaign, _) = app.open_campaign(&org, "Vague");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{campaign}/responses/import")))
        .bearer_auth(&token)
        .header("Content-Type", "text/csv")
        .body("team,population,nps,nps\nA1,customer,9,3\n")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["error"]["details"],
        serde_json::json!([{"row": 0, "column": "nps", "message": "This column appears more than once in the header line."}])
    );
    let res = put_teams(&app, &token, &org, "code,name,code\nB1,Branch,B2\n".into()).await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(team_count(&app, &org), 1);
}

async fn a_header_of_many_unknown_columns_gets_a_small_answer(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Banque");
    let (campaign, _) = app.open_campaign(&org, "Vague");
    let mut csv = String::from("team,population");
    csv.push_str(&format!(",{}", "y".repeat(100_000)));
    for i in 0..100_000 {
        csv.push_str(&format!(",unknown{i}"));
    }
    csv.push('\n');
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{campaign}/responses/import")))
        .bearer_auth(&token)
        .header("Content-Type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let text = res.text().await.unwrap();
    assert!(text.len() < 32 * 1024, "{} bytes", text.len());
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["error"]["details"].as_array().unwrap().len(), 100);
}

async fn exported_team_names_cannot_run_as_spreadsheet_formulas(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code\nR1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\n-B1,+1,R1\nB2,@SUM(A1:A9),R1\nB3,-2,R1\n",
    );
    let (campaign, _) = app.open_campaign(&org, "Vague");
    miroir::domain::campaigns::transition(&mut app.conn(), &app.admin_principal(), &campaign, "close").unwrap();
    app.sign_in("root@example.org", PASSWORD).await;
    for file in ["scores.csv", "gaps.csv", "indices.csv"] {
        let res = app
            .get(&format!("/orgs/{org}/campaigns/{campaign}/export/{file}"))
            .await;
        assert_eq!(res.status().as_u16(), 200, "{file}");
        let text = res.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (code, name, parent) = (at("team_code"), at("team_name"), at("parent_code"));
        let mut names = std::collections::BTreeSet::new();
        for record in reader.records() {
            let record = record.unwrap();
            for i in [code, name, parent] {
                assert!(!record[i].starts_with(['=', '+', '-', '@']), "{file}: {:?}", &record[i]);
            }
            names.insert(record[name].to_string());
            assert!(record[code].is_empty() || ["R1", "'-B1", "B2", "B3"].contains(&&record[code]));
        }
        for expected in [
            "'=HYPERLINK(\"http://evil.example\",\"x\")",
            "'+1",
            "'@SUM(A1:A9)",
            "'-2",
        ] {
            assert!(names.contains(expected), "{file}: {names:?}");
        }
    }
}

/// The CSV a French reader downloads opens in French Excel as it is (BOM,
/// semicolons) under a name that says whose and which wave it is; the
/// separator can be chosen.
async fn a_french_reader_downloads_a_semicolon_csv_named_after_organisation_and_wave(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Société Générale");
    app.import_teams(&org, "code,name,parent_code\nR1,Région Nord,\nB1,\"Lille; gare\",R1\n");
    let (campaign, _) = app.open_campaign(&org, "Vague d'été");
    miroir::domain::campaigns::transition(&mut app.conn(), &app.admin_principal(), &campaign, "close").unwrap();
    app.sign_in("root@example.org", PASSWORD).await;
    let base = format!("/orgs/{org}/campaigns/{campaign}/export");
    let res = app.get(&format!("{base}/scores.csv?lang=fr")).await;
    assert_eq!(res.status().as_u16(), 200);
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.contains(&format!(
            "filename=\"miroir-societe-generale-vague-d-ete-{today}-scores.csv\""
        )),
        "{disposition}"
    );
    assert!(
        disposition
            .contains("filename*=UTF-8''miroir%2DSoci%C3%A9t%C3%A9%20G%C3%A9n%C3%A9rale%2DVague%20d%27%C3%A9t%C3%A9"),
        "{disposition}"
    );
    let bytes = res.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFgroup_kind;team_code;team_name;"),
        "{:?}",
        &bytes[..40]
    );
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let names: std::collections::BTreeSet<String> = reader.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert!(
        names.contains("Lille; gare") && names.contains("Région Nord"),
        "{names:?}"
    );
    // Comma and point when asked; an unknown separator is not a file.
    let text = app
        .get(&format!("{base}/gaps.csv?lang=fr&sep=comma&figures=data"))
        .await
        .bytes()
        .await
        .unwrap();
    assert!(text.starts_with(b"\xEF\xBB\xBFgroup_kind,team_code,"));
    assert_eq!(
        app.get(&format!("{base}/gaps.csv?sep=tab")).await.status().as_u16(),
        404
    );
    // The audit page offers both separators and the data export.
    let (_, audit) = app
        .get_text(&format!("/orgs/{org}/campaigns/{campaign}/audit?lang=fr"))
        .await;
    for query in [
        "scores.csv?sep=semicolon",
        "scores.csv?sep=comma",
        "scores.csv?figures=data",
    ] {
        assert!(audit.contains(query), "{query}");
    }
}

/// A response file saved by French Excel (BOM, semicolons, CRLF) imports
/// the same answers as its comma twin.
async fn a_semicolon_response_file_with_bom_is_imported(app: TestApp) {
    use miroir::domain::import::import_responses;
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code\nR1,Région,\n");
    let mut comma = String::from("team,population,channel,courtesy.c.1,listening.c.1,nps\n");
    for i in 0..12 {
        comma.push_str(&format!(
            "R1,customer,web,{},{},{}\n",
            1 + i % 5,
            1 + (i * 3) % 5,
            i % 11
        ));
    }
    let french = format!("\u{feff}{}", comma.replace(',', ";").replace('\n', "\r\n"));
    let (first, _) = app.open_campaign(&org, "Vague 1");
    let (second, _) = app.open_campaign(&org, "Vague 2");
    let admin = app.admin_principal();
    let by_comma = import_responses(&mut app.conn(), &admin, &first, comma.as_bytes()).unwrap();
    let by_semicolon = import_responses(&mut app.conn(), &admin, &second, french.as_bytes()).unwrap();
    assert_eq!((by_comma, by_semicolon), (12, 12));
    use miroir::db::schema::responses;
    let stored: i64 = responses::table
        .filter(responses::campaign_id.eq(&second))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(stored, 12);
}

both_backends!(
    a_semicolon_response_file_with_bom_is_imported,
    a_french_reader_downloads_a_semicolon_csv_named_after_organisation_and_wave,
    a_team_tree_deeper_than_the_limit_is_refused,
    a_five_thousand_level_chain_is_refused,
    a_cycle_in_a_team_file_is_refused,
    a_nul_byte_in_any_input_gets_a_clear_422,
    a_duplicated_column_is_a_422_not_a_500,
    a_header_of_many_unknown_columns_gets_a_small_answer,
    exported_team_names_cannot_run_as_spreadsheet_formulas,
);

//! Input that once failed a request (500) instead of being refused, most of
//! it found by fuzzing the API (`scripts/schemathesis`): each case must be
//! answered with the status and details of a refusal, on both databases.

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::TestApp;

async fn send(app: &TestApp, token: &str, path: &str, content_type: &str, body: String) -> (u16, Value) {
    let res = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or_default())
}

/// PostgreSQL stores no day before 4713 BC; chrono read `-9999-01-01` as a
/// date all the same, and the insert failed.
async fn signed_and_long_years_are_refused_as_dates(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Client");
    app.import_teams(&org, "code,name\nR1,Region 1\n");
    for day in ["-9999-01-01", "-4714-11-24", "+99999-01-01"] {
        let body = json!({"name": "Wave", "opens_on": day, "closes_on": "2030-01-01"}).to_string();
        let (status, error) = send(
            &app,
            &token,
            &format!("/api/v1/organisations/{org}/campaigns"),
            "application/json",
            body,
        )
        .await;
        assert_eq!(status, 422, "opens_on {day}: {error}");
        assert_eq!(error["error"]["details"][0]["column"], "opens_on");
    }
    let (campaign, _) = app.open_campaign(&org, "Wave 1");
    let csv = "team,population,date\nR1,customer,2026-05-01\nR1,customer,-4714-11-24\n".to_string();
    let (status, error) = send(
        &app,
        &token,
        &format!("/api/v1/campaigns/{campaign}/responses/import"),
        "text/csv",
        csv,
    )
    .await;
    assert_eq!(status, 422, "{error}");
    assert_eq!(
        error["error"]["details"],
        json!([{"row": 2, "column": "date", "message": error["error"]["details"][0]["message"]}])
    );
}

both_backends!(signed_and_long_years_are_refused_as_dates);

/// A QR code was drawn for any team segment, so one longer than a QR code
/// holds failed the request; only the organisation's teams have one.
async fn qr_codes_exist_only_for_the_organisations_teams(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Client");
    app.import_teams(&org, "code,name\nR1,Region 1\n");
    let (campaign, _) = app.open_campaign(&org, "Wave 1");
    let admin = app.as_user("root@example.org").await;
    let qr = |team: &str, ext: &str| format!("/orgs/{org}/campaigns/{campaign}/qr/{team}.{ext}");
    for ext in ["svg", "png"] {
        assert_eq!(admin.get(&qr("R1", ext)).await.status().as_u16(), 200);
        assert_eq!(admin.get(&qr("NOPE", ext)).await.status().as_u16(), 404);
        assert_eq!(admin.get(&qr(&"x".repeat(3000), ext)).await.status().as_u16(), 404);
    }
}

both_backends!(qr_codes_exist_only_for_the_organisations_teams);

/// The API's import streamed a body of up to 512 MiB to disk before asking
/// whether the caller may import: any member could fill the disk. A refused
/// caller is now answered at once, the body unread.
async fn a_refused_import_is_answered_before_its_body_is_read(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Client");
    app.import_teams(&org, "code,name\nR1,Region 1\n");
    app.member(&org, "viewer@example.org", miroir::auth::policy::Role::Viewer, "");
    let token = app.api_token("viewer@example.org").await;
    let (campaign, _) = app.open_campaign(&org, "Wave 1");
    let address = app.address.trim_start_matches("http://").to_string();
    let status_line = tokio::task::spawn_blocking(move || {
        use std::io::{BufRead, BufReader, Write};
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        // Announces 100 MB and sends the first line only.
        let head = format!(
            "POST /api/v1/campaigns/{campaign}/responses/import HTTP/1.1\r\nHost: {address}\r\n\
             Authorization: Bearer {token}\r\nContent-Type: text/csv\r\nContent-Length: 100000000\r\n\r\n\
             team,population\n"
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut line = String::new();
        let read = BufReader::new(stream).read_line(&mut line);
        (read.is_ok(), line)
    })
    .await
    .unwrap();
    assert_eq!(status_line, (true, "HTTP/1.1 403 Forbidden\r\n".to_string()));
}

both_backends!(a_refused_import_is_answered_before_its_body_is_read);

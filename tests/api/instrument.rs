//! Instrument versions: a campaign opened with version 1 reads its answers
//! exactly as before version 2; imports are checked against the campaign's
//! version; the codebook is served per version.

use diesel::prelude::*;
use serde_json::{json, Map, Value};

use crate::both_backends;
use crate::helpers::TestApp;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1_report");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURE}/{name}")).unwrap()
}

/// An open campaign recorded as opened with `version` (as the campaigns
/// stored before version 2 are).
fn campaign_of_version(app: &TestApp, org: &str, version: i32) -> String {
    use miroir::db::schema::campaigns;
    let (id, _) = app.open_campaign(org, "Wave");
    diesel::update(campaigns::table.filter(campaigns::id.eq(&id)))
        .set(campaigns::instrument_version.eq(version))
        .execute(&mut app.conn())
        .unwrap();
    id
}

async fn import(app: &TestApp, token: &str, campaign: &str, csv: String) -> (u16, Value) {
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{campaign}/responses/import")))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

/// The reading of a report that version 2 must leave unchanged, as
/// `scripts/v1_report_fixture.py` (`figures`) takes it: every score object,
/// the points of every gap and the p of the tested ones.
fn figures(report: &Value) -> Value {
    let group = |g: &Value| -> Value {
        let mut out = Map::new();
        for (d, dim) in g["dimensions"].as_object().unwrap() {
            let mut scores = dim.as_object().unwrap().clone();
            scores.remove("gaps");
            let mut gaps = Map::new();
            for (kind, gap) in dim["gaps"].as_object().unwrap() {
                let tested = matches!(kind.as_str(), "symmetry" | "customer_perception");
                let kept = match gap {
                    Value::Null => Value::Null,
                    gap if tested => json!({"points": gap["points"], "p": gap["p"]}),
                    gap => json!({"points": gap["points"]}),
                };
                gaps.insert(kind.clone(), kept);
            }
            out.insert(d.clone(), json!({"scores": scores, "gaps": gaps}));
        }
        Value::Object(out)
    };
    let teams: Map<String, Value> = report["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["code"].as_str().unwrap().to_string(), group(t)))
        .collect();
    json!({"organisation": group(&report["organisation"]), "teams": teams})
}

/// `expected.json` was written by a build from before instrument version 2
/// (`scripts/v1_report_fixture.py expected BIN`) from the same CSV. Both
/// sides hold shortest round-trip decimals, so equal parsed values are
/// equal `f64`s: the figures are the same bit for bit.
async fn a_version_1_campaign_reports_exactly_as_before(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Version one");
    app.import_teams(&org, &fixture("teams.csv"));
    let campaign = campaign_of_version(&app, &org, 1);
    let (status, body) = import(&app, &token, &campaign, fixture("answers.csv")).await;
    assert_eq!(status, 201, "{body}");
    miroir::domain::campaigns::transition(&mut app.conn(), &app.admin_principal(), &campaign, "close").unwrap();
    let report: Value = serde_json::from_str(&app.report_text(&campaign, &token).await).unwrap();
    let expected: Value = serde_json::from_str(&fixture("expected.json")).unwrap();
    let actual = figures(&report);
    assert_eq!(actual["teams"].as_object().unwrap().len(), 4);
    for (group, want) in expected["teams"].as_object().unwrap() {
        assert_eq!(actual["teams"][group], *want, "team {group}");
    }
    assert_eq!(actual, expected);
    // Managers' answers still read on the agreement scale: with an interval
    // and a mean.
    let me = &report["teams"][1]["dimensions"]["listening"]["manager_estimate_employee"];
    assert!(me["ci_low"].is_number() && me["mean"].is_number(), "{me}");
}

/// The same kind of row is checked against each campaign's own version:
/// 0 and 10 are estimates in version 2, out of scale in version 1.
async fn an_import_is_checked_against_its_campaigns_version(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Two versions");
    app.import_teams(&org, "code,name,parent_code,headcount\nS1,Shop,,10\n");
    let old = campaign_of_version(&app, &org, 1);
    let (new, _) = app.open_campaign(&org, "Wave 2");
    let rows =
        "team,population,listening.me.1,listening.mc.1,trust.e.1\nS1,manager,10,0,\nS1,manager,3,,\nS1,employee,,,5\n";
    let (status, body) = import(&app, &token, &old, rows.to_string()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["error"]["details"],
        json!([
            {"row": 1, "column": "listening.me.1", "message": body["error"]["details"][0]["message"]},
            {"row": 1, "column": "listening.mc.1", "message": body["error"]["details"][1]["message"]},
        ])
    );
    let (status, body) = import(&app, &token, &new, rows.to_string()).await;
    assert_eq!((status, &body), (201, &json!({"imported": 3})));
    let (status, body) = import(
        &app,
        &token,
        &new,
        "team,population,listening.xe.1\n,executive,11\n".into(),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["details"][0]["column"], "listening.xe.1");
    // The API shows the version each campaign was opened with.
    let list: Vec<Value> = app
        .client
        .get(app.url(&format!("/api/v1/organisations/{org}/campaigns")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let version_of = |id: &str| list.iter().find(|c| c["id"] == id).unwrap()["instrument_version"].clone();
    assert_eq!((version_of(&old), version_of(&new)), (json!(1), json!(2)));
}

/// A version-2 campaign reports a manager's 0–10 answers as an estimate.
async fn a_version_2_estimate_reaches_the_report(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Estimates");
    app.import_teams(&org, "code,name,parent_code,headcount\nS1,Shop,,10\n");
    let (campaign, _) = app.open_campaign(&org, "Wave 2");
    let mut csv = String::from("team,population,listening.e.1,listening.me.1,listening.me.2\n");
    // The second manager answered "don't know" to listening.me.2 (empty).
    csv.push_str("S1,manager,,7,8\nS1,manager,,2,\n");
    for value in [5, 4, 4, 2, 1] {
        csv.push_str(&format!("S1,employee,{value},,\n"));
    }
    let (status, body) = import(&app, &token, &campaign, csv).await;
    assert_eq!(status, 201, "{body}");
    miroir::domain::campaigns::transition(&mut app.conn(), &app.admin_principal(), &campaign, "close").unwrap();
    let report: Value = serde_json::from_str(&app.report_text(&campaign, &token).await).unwrap();
    let listening = &report["teams"][0]["dimensions"]["listening"];
    let me = &listening["manager_estimate_employee"];
    assert_eq!(me["n"], 2);
    assert!((me["favourable"].as_f64().unwrap() - 170.0 / 3.0).abs() < 1e-9, "{me}");
    assert!(me["ci_low"].is_null() && me["ci_high"].is_null() && me["mean"].is_null());
    let gap = &listening["gaps"]["managerial_blind_spot"];
    assert_eq!(gap.as_object().unwrap().keys().collect::<Vec<_>>(), ["points"]);
    assert!(
        (gap["points"].as_f64().unwrap() - (170.0 / 3.0 - 60.0)).abs() < 1e-9,
        "{gap}"
    );
}

async fn the_codebook_is_served_per_version(app: TestApp) {
    let items = |version: Option<&str>| {
        let path = version.map_or("/api/v1/items".to_string(), |v| format!("/api/v1/items?version={v}"));
        let app = &app;
        async move {
            let res = app.get(&path).await;
            let status = res.status().as_u16();
            (status, res.json::<Value>().await.unwrap())
        }
    };
    let scale_of = |list: &Value, code: &str| {
        let item = list.as_array().unwrap().iter().find(|i| i["code"] == code).unwrap();
        (item["version"].clone(), item["scale"].clone())
    };
    let (status, current) = items(None).await;
    assert_eq!(status, 200);
    assert_eq!(scale_of(&current, "listening.me.1"), (json!(2), json!([0, 10])));
    assert_eq!(scale_of(&current, "trust.xc.1"), (json!(2), json!([0, 10])));
    assert_eq!(scale_of(&current, "listening.ec.1"), (json!(2), json!([1, 5])));
    let (status, explicit) = items(Some("2")).await;
    assert_eq!((status, &explicit), (200, &current));
    let (status, v1) = items(Some("1")).await;
    assert_eq!(status, 200);
    assert_eq!(scale_of(&v1, "listening.me.1"), (json!(1), json!([1, 5])));
    assert_eq!(v1.as_array().unwrap().len(), current.as_array().unwrap().len());
    let (status, body) = items(Some("3")).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}

both_backends!(
    a_version_1_campaign_reports_exactly_as_before,
    an_import_is_checked_against_its_campaigns_version,
    a_version_2_estimate_reaches_the_report,
    the_codebook_is_served_per_version,
);

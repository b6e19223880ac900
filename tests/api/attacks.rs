//! The attacks of issue #9 replayed through Miroir's own API and pages, as
//! a viewer, a director or a consultant could run them: each must find
//! nothing. The property test in `analytics::attack_tests` covers random
//! trees × channels; these hold the attacks as they were written.

use std::collections::BTreeMap;

use miroir::auth::policy::Role;
use serde_json::Value;

use crate::both_backends;
use crate::helpers::{dedup, fill_survey, Backend, TestApp};

const DIRECTOR: &str = "director@example.org";
const VIEWER: &str = "viewer@example.org";

/// Customers of each store: (web, phone). R1-S4 is the store of the
/// channel attack: 6 web and 2 phone customers.
const CUSTOMERS: &[(&str, u32, u32)] = &[
    ("R1-S1", 9, 6),
    ("R1-S2", 7, 8),
    ("R1-S3", 10, 5),
    ("R1-S4", 6, 2),
    ("R2-S1", 8, 7),
    ("R2-S2", 6, 9),
    ("R2-S3", 11, 4),
    ("R2-S4", 5, 6),
];

/// Employees of each store; R2-S4 has 3 (below k = 5), so a sibling is
/// hidden with it by complementary suppression.
const EMPLOYEES: &[(&str, u32)] = &[
    ("R1-S1", 7),
    ("R1-S2", 8),
    ("R1-S3", 6),
    ("R1-S4", 9),
    ("R2-S1", 7),
    ("R2-S2", 6),
    ("R2-S3", 8),
    ("R2-S4", 3),
];

fn teams_csv() -> String {
    let mut csv = String::from("code,name,parent_code,headcount\nR1,Region 1,,\nR2,Region 2,,\n");
    for (code, _, _) in CUSTOMERS {
        csv.push_str(&format!("{code},Store {code},{},10\n", &code[..2]));
    }
    csv
}

/// Answers that differ from store to store (so that correlations exist).
fn answers_csv() -> String {
    let mut csv =
        String::from("team,population,channel,courtesy.c.1,listening.c.1,nps,courtesy.e.1,listening.e.1,enps\n");
    for (s, (code, web, phone)) in CUSTOMERS.iter().enumerate() {
        for (channel, n) in [("web", web), ("phone", phone)] {
            for i in 0..*n as usize {
                let v = 1 + (i + s) % 5;
                let w = 1 + (i * 3 + s * 2) % 5;
                csv.push_str(&format!("{code},customer,{channel},{v},{w},{},,,\n", (i + s) % 11));
            }
        }
    }
    for (s, (code, n)) in EMPLOYEES.iter().enumerate() {
        for i in 0..*n as usize {
            let v = 1 + (i * 2 + s) % 5;
            let w = 1 + (i + s * 3) % 5;
            csv.push_str(&format!("{code},employee,,,,,{v},{w},{}\n", (i * 7 + s) % 11));
        }
    }
    csv
}

struct Gamma {
    org: String,
    campaign: String,
}

/// Organisation Gamma (insurance) with one wave holding the answers above.
fn gamma(app: &TestApp, close: bool) -> Gamma {
    use miroir::domain::{campaigns, import};
    let org = app.create_org("Gamma");
    let mut conn = app.conn();
    let changes = miroir::db::models::organisation::OrganisationChanges {
        name: "Gamma".into(),
        sector: "insurance".into(),
        default_language: "fr".into(),
        anonymity_threshold: 5,
        label_floor: None,
        label_average: None,
    };
    miroir::db::models::organisation::update(&mut conn, &org, &changes).unwrap();
    drop(conn);
    app.import_teams(&org, &teams_csv());
    let (campaign, _) = app.open_campaign(&org, "Vague 1");
    let imported = import::import_responses(
        &mut app.conn(),
        &app.admin_principal(),
        &campaign,
        answers_csv().as_bytes(),
    )
    .unwrap();
    assert!(imported > 100);
    if close {
        campaigns::transition(&mut app.conn(), &app.admin_principal(), &campaign, "close").unwrap();
    }
    app.member(&org, DIRECTOR, Role::Director, "");
    app.member(&org, VIEWER, Role::Viewer, "");
    Gamma { org, campaign }
}

async fn api_get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let res = app.client.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn report(app: &TestApp, token: &str, campaign: &str, query: &str) -> Value {
    let (status, body) = api_get(app, token, &format!("/api/v1/campaigns/{campaign}/report{query}")).await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// Customer n of every group of a report: "" for the organisation.
fn customer_n(report: &Value) -> BTreeMap<String, Option<u64>> {
    let mut out = BTreeMap::new();
    out.insert(String::new(), report["organisation"]["n"]["customer"].as_u64());
    for t in report["teams"].as_array().unwrap() {
        out.insert(t["code"].as_str().unwrap().to_string(), t["n"]["customer"].as_u64());
    }
    out
}

fn true_customers(group: &str) -> (u32, u32) {
    CUSTOMERS
        .iter()
        .filter(|(code, _, _)| group.is_empty() || code.starts_with(group))
        .fold((0, 0), |(w, p), (_, web, phone)| (w + web, p + phone))
}

/// The attack of the issue: n of all customers minus n of the web
/// customers gives the phone customers (and with them their figures),
/// for a store, a region and the organisation, by a viewer.
async fn viewer_cannot_recover_a_hidden_channel_by_subtraction(app: TestApp) {
    let g = gamma(&app, true);
    let token = app.api_token(VIEWER).await;
    let all = customer_n(&report(&app, &token, &g.campaign, "").await);
    let web = customer_n(&report(&app, &token, &g.campaign, "?channel=web").await);
    let phone = customer_n(&report(&app, &token, &g.campaign, "?channel=phone").await);
    assert_eq!(all["R1-S4"], Some(8), "the store itself is shown");
    let k = 5;
    for (group, shown) in &all {
        let (w, p) = true_customers(group);
        for (channel, n, other, truth) in [("web", &web, &phone, w), ("phone", &phone, &web, p)] {
            // Every group has only web and phone customers: when the group
            // and one channel are shown, the other is their difference.
            if let (Some(total), Some(one)) = (shown, other[group]) {
                let derived = total - one;
                assert!(
                    derived == 0 || derived >= k,
                    "{channel} of '{group}' is {derived} by subtraction (true {truth})"
                );
            }
            if let Some(n) = n[group] {
                assert_eq!(u64::from(truth), n, "a shown count is exact");
                assert!(n >= k);
            }
        }
    }
    // The same by sub-tree: a manager's view of one store.
    let store = report(&app, &token, &g.campaign, "?team=R1-S4&channel=web").await;
    let store_all = all["R1-S4"];
    let store_web = store["organisation"]["n"]["customer"].as_u64();
    assert!(
        store_all.is_none() || store_web.is_none(),
        "R1-S4: 8 − 6 would be its 2 phone customers"
    );
}

/// The linkage uses only published figures: an attacker who recomputes the
/// correlation from the published team values gets it exactly, so no
/// hidden team (R2-S4 below k, its partner hidden with it) feeds it.
async fn the_linkage_rests_only_on_published_teams(app: TestApp) {
    let g = gamma(&app, true);
    let token = app.api_token(VIEWER).await;
    let r = report(&app, &token, &g.campaign, "").await;
    let teams = r["teams"].as_array().unwrap();
    let published: Vec<&Value> = teams
        .iter()
        .filter(|t| t["parent_code"].is_string())
        .filter(|t| !t["suppressed"]["customer"].as_bool().unwrap() && !t["suppressed"]["employee"].as_bool().unwrap())
        .collect();
    let hidden: Vec<&str> = teams
        .iter()
        .filter(|t| t["parent_code"].is_string() && t["n"]["employee"].is_null())
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    assert!(hidden.contains(&"R2-S4"), "below k");
    assert_eq!(hidden.len(), 2, "R2-S4 and one partner: {hidden:?}");
    let linkage = &r["linkage"];
    assert_eq!(linkage["eligible_teams"].as_u64(), Some(published.len() as u64));
    let quadrants = linkage["quadrants"].as_object().unwrap();
    for code in &hidden {
        assert!(!quadrants.contains_key(*code), "{code} has no quadrant");
    }
    let xs: Vec<f64> = published
        .iter()
        .map(|t| t["indices"]["eei"].as_f64().unwrap())
        .collect();
    let ys: Vec<f64> = published
        .iter()
        .map(|t| t["indices"]["csi"].as_f64().unwrap())
        .collect();
    let r_published = pearson(&xs, &ys);
    let r_report = linkage["eei_csi"]["pearson"]["r"].as_f64().unwrap();
    assert!((r_published - r_report).abs() < 1e-12, "{r_published} vs {r_report}");
    // Each dimension's correlation likewise from the published scores.
    for d in ["courtesy", "listening"] {
        let pairs: Vec<(f64, f64)> = published
            .iter()
            .filter_map(|t| {
                let dim = &t["dimensions"][d];
                Some((
                    dim["employee"]["favourable"].as_f64()?,
                    dim["customer"]["favourable"].as_f64()?,
                ))
            })
            .collect();
        let (xs, ys): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
        let reported = linkage["dimensions"][d]["pearson"]["r"].as_f64().unwrap();
        assert!((pearson(&xs, &ys) - reported).abs() < 1e-12, "{d}");
    }
}

fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let syy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

/// Known answers added to a closed wave (one known row makes a team of 4
/// visible at 5): the import and the public link are refused, and the
/// report is unchanged.
async fn a_closed_wave_takes_no_known_answer(app: TestApp) {
    let g = gamma(&app, true);
    app.member(&g.org, "consultant@example.org", Role::Consultant, "");
    let token = app.api_token("consultant@example.org").await;
    let before = report(&app, &token, &g.campaign, "").await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{}/responses/import", g.campaign)))
        .bearer_auth(&token)
        .header("content-type", "text/csv")
        .body("team,population,channel,courtesy.c.1\nR2-S4,customer,web,5\n")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 409);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "conflict");
    let code = campaign_code(&app, &g.campaign);
    let (status, _) = app.get_text(&format!("/s/{code}/R2-S4?ch=web")).await;
    assert_eq!(status, 410, "the public link of a closed wave takes no answer");
    let after = report(&app, &token, &g.campaign, "").await;
    assert_eq!(before, after);
}

fn campaign_code(app: &TestApp, campaign: &str) -> String {
    miroir::db::models::campaign::find_by_id(&mut app.conn(), campaign)
        .unwrap()
        .unwrap()
        .code
}

/// An open wave publishes no figure: one more answer would be the
/// difference between two reports. Only participation shows, and it
/// follows the publication rule.
async fn an_open_wave_shows_participation_only(app: TestApp) {
    let g = gamma(&app, false);
    let token = app.api_token(DIRECTOR).await;
    for query in ["", "?channel=web", "?team=R1"] {
        let (status, body) = api_get(&app, &token, &format!("/api/v1/campaigns/{}/report{query}", g.campaign)).await;
        assert_eq!(status, 409, "{query}");
        assert_eq!(body["error"]["code"], "conflict");
    }
    let director = app.as_user(DIRECTOR).await;
    let base = format!("/orgs/{}/campaigns/{}", g.org, g.campaign);
    for page in ["/dashboard", "/audit", "/export/scores.csv", "/export/report.xlsx"] {
        let (status, _) = director.get_text(&format!("{base}{page}")).await;
        assert_eq!(status, 409, "{page} of an open wave");
    }
    // A team's page keeps what cannot wait (call-back requests), no figure.
    let (status, html) = director.get_text(&format!("{base}/teams/R1-S1?lang=en")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Results are published when the wave closes"));
    assert!(!html.contains("class=\"scores\""), "no score table");
    let (status, html) = director.get_text(&format!("{base}?lang=en")).await;
    assert_eq!(status, 200);
    // R2-S4's 3 employees are fewer than k; its region would tell them by
    // subtraction, so a partner is hidden too.
    let hidden = html.matches("fewer than 5").count();
    assert!(hidden >= 2, "{hidden} counts hidden");
    assert!(html.contains(">9<"), "R1-S4's 9 employees are shown");
}

/// The portfolio's sector benchmark: organisations a consultant creates do
/// not count, nor do organisations without a published wave, and five
/// others are needed.
async fn a_consultant_cannot_fill_a_sector_to_read_a_client(app: TestApp) {
    use miroir::domain::{campaigns, import, organisations};
    app.create_admin("root@example.org");
    let _gamma = gamma(&app, true);
    let mut conn = app.conn();
    miroir::domain::accounts::create_user(
        &mut conn,
        &app.admin_principal(),
        "attacker@example.org",
        "Attacker",
        true,
    )
    .unwrap();
    crate::helpers::set_password(&mut conn, "attacker@example.org");
    drop(conn);
    let attacker = app.api_token("attacker@example.org").await;
    // Four empty insurance organisations, then five with published waves.
    let mut created = Vec::new();
    for i in 0..9 {
        let res = app
            .client
            .post(app.url("/api/v1/organisations"))
            .bearer_auth(&attacker)
            .json(&serde_json::json!({"name": format!("Shell {i}"), "sector": "insurance", "default_language": "fr"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 201);
        let body: Value = res.json().await.unwrap();
        created.push(body["id"].as_str().unwrap().to_string());
    }
    for org in &created[4..] {
        app.import_teams(org, &teams_csv());
        let (c, _) = app.open_campaign(org, "Vague");
        import::import_responses(&mut app.conn(), &app.admin_principal(), &c, answers_csv().as_bytes()).unwrap();
        campaigns::transition(&mut app.conn(), &app.admin_principal(), &c, "close").unwrap();
    }
    let page = app.as_user("attacker@example.org").await;
    let (status, html) = page.get_text("/portfolio?lang=en").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("only 1 other organisations with published results"),
        "only Gamma counts, and alone it shows nothing"
    );
    assert!(!html.contains("average of"), "no sector average");

    // Five organisations created by someone else, with published waves,
    // make a benchmark (the rule is not simply "never").
    for i in 0..4 {
        let input = organisations::OrganisationInput {
            name: format!("Peer {i}"),
            sector: "insurance".into(),
            default_language: "fr".into(),
            anonymity_threshold: None,
            label_floor: None,
            label_average: None,
        };
        let org = organisations::create(&mut app.conn(), &app.admin_principal(), &input)
            .unwrap()
            .id;
        app.import_teams(&org, &teams_csv());
        let (c, _) = app.open_campaign(&org, "Vague");
        import::import_responses(&mut app.conn(), &app.admin_principal(), &c, answers_csv().as_bytes()).unwrap();
        campaigns::transition(&mut app.conn(), &app.admin_principal(), &c, "close").unwrap();
    }
    let (_, html) = page.get_text("/portfolio?lang=en").await;
    assert!(
        html.contains("average of 5 other organisations"),
        "Gamma and four peers"
    );
}

/// Not even a database administrator pairs an invitation with the response
/// it allowed: on PostgreSQL, no row of the response shares a transaction
/// id (`xmin`) with an invitation, and the used invitations carry the same
/// `xmin` as the unused ones of their team; on SQLite, responses have no
/// row order to read (WITHOUT ROWID, random ids) and invitations no time.
async fn a_dba_cannot_pair_invitations_and_responses(app: TestApp) {
    let g = gamma(&app, false);
    let tokens = app.invite(&g.campaign, "R1-S1", 6);
    for token in &tokens[..2] {
        let (status, html) = app.get_text(&format!("/i/{token}")).await;
        assert_eq!(status, 200);
        let fields = dedup(fill_survey(&html, |_, values| {
            values.iter().find(|v| *v != "dk").cloned()
        }));
        let res = app
            .client
            .post(app.url(&format!("/i/{token}")))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
    }
    let team = app.team_id(&g.org, "R1-S1");
    let mut conn = app.conn();
    match &mut *conn {
        miroir::db::DbConn::Postgres(pg) => {
            use diesel::prelude::*;
            use diesel::sql_types::Text;
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = Text)]
                x: String,
                #[diesel(sql_type = Text)]
                used: String,
            }
            let invitations: Vec<Row> = diesel::sql_query(
                "SELECT xmin::text AS x, used::text AS used FROM invitations WHERE campaign_id = $1 AND team_id = $2",
            )
            .bind::<Text, _>(&g.campaign)
            .bind::<Text, _>(&team)
            .load(pg)
            .unwrap();
            assert_eq!(invitations.len(), 6);
            assert_eq!(invitations.iter().filter(|r| r.used == "true").count(), 2);
            let xmins: std::collections::BTreeSet<&str> = invitations.iter().map(|r| r.x.as_str()).collect();
            assert_eq!(xmins.len(), 1, "used and unused invitations look alike: {xmins:?}");
            for table in ["responses", "submission_keys", "answer_counts", "respondent_counts"] {
                let rows: Vec<Row> = diesel::sql_query(format!("SELECT xmin::text AS x, '' AS used FROM {table}"))
                    .load(pg)
                    .unwrap();
                assert!(!rows.is_empty(), "{table}");
                assert!(
                    rows.iter().all(|r| !xmins.contains(r.x.as_str())),
                    "a row of {table} shares the invitations' transaction"
                );
            }
        }
        miroir::db::DbConn::Sqlite(lite) => {
            use diesel::prelude::*;
            let by_rowid = diesel::sql_query("SELECT rowid FROM responses").execute(lite);
            assert!(by_rowid.is_err(), "responses have no insertion order to read");
        }
    }
    drop(conn);
    assert!(matches!(app.backend, Backend::Sqlite | Backend::Postgres));
    let columns = miroir::db::introspect(&mut app.conn()).unwrap();
    let invitation_columns: Vec<&str> = columns
        .iter()
        .filter(|(t, _)| t == "invitations")
        .map(|(_, c)| c.as_str())
        .collect();
    assert!(
        invitation_columns
            .iter()
            .all(|c| !c.ends_with("_at") && !c.ends_with("_on")),
        "no time of use: {invitation_columns:?}"
    );
}

/// Behind no trusted proxy, a request cannot choose the address printed in
/// the links it is shown (survey links, QR codes, e-mails).
async fn links_do_not_follow_a_forwarded_host_from_anyone(app: TestApp) {
    let g = gamma(&app, false);
    let director = app.as_user(DIRECTOR).await;
    let path = format!("/orgs/{}/campaigns/{}", g.org, g.campaign);
    let res = director
        .client
        .get(app.url(&path))
        .header("x-forwarded-host", "evil.example")
        .header("x-forwarded-proto", "https")
        .header("forwarded", "host=evil.example;proto=https")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(!html.contains("evil.example"));
    assert!(
        html.contains(&format!("{}/s/", app.address)),
        "links keep this server's address"
    );
}

both_backends!(
    links_do_not_follow_a_forwarded_host_from_anyone,
    viewer_cannot_recover_a_hidden_channel_by_subtraction,
    the_linkage_rests_only_on_published_teams,
    a_closed_wave_takes_no_known_answer,
    an_open_wave_shows_participation_only,
    a_consultant_cannot_fill_a_sector_to_read_a_client,
    a_dba_cannot_pair_invitations_and_responses,
);

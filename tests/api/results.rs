//! Result pages and exports on the demo organisation, per role: the right
//! figures appear, suppressed teams show none, other organisations are 404.

use miroir::domain::demo::{self, Installed};

use crate::both_backends;
use crate::helpers::{input_value, set_password, TestApp, PASSWORD};

struct Demo {
    installed: Installed,
    wave2: String,
    org: String,
}

fn install(app: &TestApp) -> Demo {
    let mut conn = app.conn();
    let installed = demo::install(&mut conn, &miroir::demo::plan(miroir::demo::DEFAULT_SEED)).unwrap();
    for email in [
        &installed.director_email,
        &installed.manager_email,
        &installed.consultant_email,
    ] {
        set_password(&mut conn, email);
    }
    Demo {
        wave2: installed.campaign_ids[1].clone(),
        org: installed.organisation_id.clone(),
        installed,
    }
}

fn manager_team(app: &TestApp, email: &str) -> String {
    use diesel::prelude::*;
    use miroir::db::schema::{team_managers, teams, users};
    team_managers::table
        .inner_join(teams::table)
        .inner_join(users::table)
        .filter(users::email.eq(email))
        .select(teams::code)
        .first(&mut app.conn())
        .unwrap()
}

async fn the_director_sees_the_dashboard_with_its_figures(app: TestApp) {
    let d = install(&app);
    let director = app.as_user(&d.installed.director_email).await;
    let (status, html) = director
        .get_text(&format!("/orgs/{}/campaigns/{}/dashboard?lang=en", d.org, d.wave2))
        .await;
    assert_eq!(status, 200);
    // The same figure as the API, rounded for reading.
    let mut conn = app.conn();
    let c = miroir::db::models::campaign::find_by_id(&mut conn, &d.wave2)
        .unwrap()
        .unwrap();
    let report = miroir::domain::reports::report_unchecked(&mut conn, &c, None, None).unwrap();
    let csi = format!("{:.1}", report.organisation.indices.csi.unwrap());
    assert!(html.contains(&csi), "CSI {csi} on the dashboard");
    let r = format!("{:.2}", report.linkage.eei_csi.as_ref().unwrap().pearson.r);
    assert!(html.contains(&format!("r = {r}")), "r = {r}");
    assert!(html.contains("<svg") && html.contains("Symmetry heat-map"));
    // Scatter points link to team pages.
    assert!(
        html.matches(&format!("/orgs/{}/campaigns/{}/teams/", d.org, d.wave2))
            .count()
            > 40
    );

    // A team below the threshold shows its count band, not figures.
    let hidden = report.teams.iter().find(|t| t.group.suppressed.employee).unwrap();
    let (status, page) = director
        .get_text(&format!(
            "/orgs/{}/campaigns/{}/teams/{}?lang=en",
            d.org, d.wave2, hidden.code
        ))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Fewer than 5 employees answered"));
    let employee_scores = hidden
        .group
        .dimensions
        .values()
        .filter(|dim| dim.employee.favourable.is_some())
        .count();
    assert_eq!(employee_scores, 0, "the engine hides them");

    // The audit report and the exports.
    let (status, audit) = director
        .get_text(&format!("/orgs/{}/campaigns/{}/audit?lang=en", d.org, d.wave2))
        .await;
    assert_eq!(status, 200);
    assert!(audit.contains("The ten-point action plan") && audit.contains("Method"));
    let csv = director
        .get(&format!(
            "/orgs/{}/campaigns/{}/export/scores.csv?sep=comma",
            d.org, d.wave2
        ))
        .await
        .text()
        .await
        .unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("group_kind,team_code,team_name,parent_code,dimension,perspective,n,favourable"));
    assert_eq!(csv.lines().count(), 1 + (1 + report.teams.len()) * 11 * 7);
    let xlsx = director
        .get(&format!("/orgs/{}/campaigns/{}/export/report.xlsx", d.org, d.wave2))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(&xlsx[0..2], b"PK");
    // The action plan shows the demo's adopted points with their effect.
    let (status, actions) = director.get_text(&format!("/orgs/{}/actions?lang=en", d.org)).await;
    assert_eq!(status, 200);
    assert!(actions.contains("Share the voice of the customer") && actions.contains("Change in"));
}

async fn a_manager_sees_only_their_team(app: TestApp) {
    let d = install(&app);
    let email = d.installed.manager_email.clone();
    let own = manager_team(&app, &email);
    let manager = app.as_user(&email).await;
    let base = format!("/orgs/{}/campaigns/{}", d.org, d.wave2);
    assert_eq!(manager.get(&format!("{base}/dashboard")).await.status().as_u16(), 403);
    assert_eq!(manager.get(&format!("{base}/audit")).await.status().as_u16(), 403);
    assert_eq!(
        manager
            .get(&format!("{base}/export/scores.csv"))
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(manager.get(&format!("{base}/teams/{own}")).await.status().as_u16(), 200);
    // A branch of another region (the manager's region is their team's prefix).
    let region = own.split('-').next().unwrap().to_string();
    let other = {
        let mut conn = app.conn();
        miroir::db::models::team::list_by_org(&mut conn, &d.org)
            .unwrap()
            .into_iter()
            .find(|t| t.parent_id.is_some() && !t.code.starts_with(&region))
            .unwrap()
            .code
    };
    let other = other.as_str();
    assert_eq!(
        manager.get(&format!("{base}/teams/{other}")).await.status().as_u16(),
        403
    );

    // The API says the same.
    let token = manager.api_token(&email).await;
    let report = |q: String| {
        manager
            .client
            .get(manager.url(&format!("/api/v1/campaigns/{}/report{q}", d.wave2)))
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(report(String::new()).await.unwrap().status().as_u16(), 403);
    let own_report = report(format!("?team={own}")).await.unwrap();
    assert_eq!(own_report.status().as_u16(), 200);
    let body: serde_json::Value = own_report.json().await.unwrap();
    assert_eq!(body["teams"][0]["code"], own);
    assert_eq!(report(format!("?team={other}")).await.unwrap().status().as_u16(), 403);

    // Another organisation's campaign is not found.
    app.create_admin("root@example.org");
    let elsewhere = app.create_org("Elsewhere");
    app.import_teams(&elsewhere, "code,name\nX,Team X\n");
    let (foreign, _) = app.open_campaign(&elsewhere, "Other wave");
    let director = app.as_user(&d.installed.director_email).await;
    assert_eq!(
        director
            .get(&format!("/orgs/{elsewhere}/campaigns/{foreign}/dashboard"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        director
            .get(&format!("/orgs/{}/campaigns/{foreign}/dashboard", d.org))
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn the_report_api_follows_the_contract(app: TestApp) {
    let d = install(&app);
    let token = app.api_token(&d.installed.director_email).await;
    let body: serde_json::Value = app
        .client
        .get(app.url(&format!("/api/v1/campaigns/{}/report", d.wave2)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Every key present with a value of its type: a key that is there but
    // null (a suppressed figure) would not do for the whole organisation.
    assert_eq!(body["campaign"]["id"], d.wave2.as_str());
    assert_eq!(body["campaign"]["status"], "closed");
    assert!(body["anonymity_threshold"].as_u64().unwrap() >= 1);
    assert!(!body["teams"].as_array().unwrap().is_empty());
    assert!(body["linkage"]["eligible_teams"].as_u64().unwrap() >= 5);
    let org = &body["organisation"];
    for population in ["customer", "employee"] {
        assert!(
            org["n"][population].as_u64().unwrap() > 0,
            "organisation.n.{population}"
        );
        assert_eq!(
            org["suppressed"][population], false,
            "organisation.suppressed.{population}"
        );
        assert!(
            org["pillars"][population].as_object().is_some_and(|p| !p.is_empty()),
            "organisation.pillars.{population}"
        );
        let maturity = org["maturity"][population].as_str().unwrap();
        assert!(
            ["excellence", "house", "pyramid", "narrow"].contains(&maturity),
            "organisation.maturity.{population}: {maturity}"
        );
    }
    assert!(
        org["dimensions"].as_object().unwrap().len() >= 5,
        "organisation.dimensions"
    );
    for index in ["csi", "eei"] {
        assert!(org["indices"][index].as_f64().is_some(), "organisation.indices.{index}");
    }
    assert!(
        org["indices"]["nps"]["score"].as_f64().is_some(),
        "organisation.indices.nps"
    );
    assert!(org["recommendations"].is_array(), "organisation.recommendations");
    let listening = &org["dimensions"]["listening"];
    for key in [
        "customer",
        "employee",
        "employee_estimate_customer",
        "manager_estimate_employee",
    ] {
        assert!(listening[key]["n"].as_u64().unwrap() > 0, "listening.{key}.n");
        let favourable = listening[key]["favourable"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&favourable), "listening.{key}.favourable");
    }
    assert!(
        listening["gaps"]["symmetry"]["points"].as_f64().is_some(),
        "listening.gaps.symmetry"
    );
    assert!(listening["customer"]["n"].as_u64().unwrap() > 100);
    assert!(body["linkage"]["eei_csi"]["pearson"]["r"].as_f64().is_some());
    // A suppressed population: every figure null, never a value.
    let hidden = body["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["suppressed"]["employee"] == true)
        .unwrap();
    assert!(hidden["n"]["employee"].is_null());
    assert!(hidden["dimensions"]["trust"]["employee"]["favourable"].is_null());
    assert!(hidden["dimensions"]["trust"]["gaps"]["symmetry"].is_null());
    let channel: serde_json::Value = app
        .client
        .get(app.url(&format!("/api/v1/campaigns/{}/report?channel=app", d.wave2)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(channel["organisation"]["n"]["customer"].as_u64().unwrap() < org["n"]["customer"].as_u64().unwrap());
}

async fn a_consultant_compares_clients_without_a_thin_benchmark(app: TestApp) {
    let d = install(&app);
    app.member(
        &d.org,
        "consultant@example.org",
        miroir::auth::policy::Role::Consultant,
        "",
    );
    let consultant = app.as_user("consultant@example.org").await;
    let (status, html) = consultant.get_text("/portfolio?lang=en").await;
    assert_eq!(status, 200);
    assert!(html.contains(&d.installed.organisation_name));
    assert!(html.contains("Vague 3"), "latest wave");
    assert!(
        html.contains("only 0 other organisations with published results"),
        "no benchmark under 5 organisations"
    );
}

/// A closed wave's report is built once and reused, until an import into
/// the closed wave or a renamed team changes what it
/// depends on; an open wave's report is always rebuilt.
async fn closed_reports_are_reused_until_their_inputs_change(app: TestApp) {
    use miroir::db::models::campaign;
    use miroir::domain::{import, reports, teams};
    use std::sync::Arc;
    let d = install(&app);
    let token = app.api_token(&d.installed.director_email).await;
    let api_report = || app.report_text(&d.wave2, &token);
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    // The team `code` of a parsed report.
    let team_of = |report: &serde_json::Value, code: &str| -> serde_json::Value {
        report["teams"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .cloned()
            .unwrap()
    };
    let c = campaign::find_by_id(&mut app.conn(), &d.wave2).unwrap().unwrap();
    assert_eq!(c.status, miroir::domain::campaigns::CampaignStatus::Closed);
    let first = reports::report_unchecked(&mut app.conn(), &c, None, None).unwrap();
    let again = reports::report_unchecked(&mut app.conn(), &c, None, None).unwrap();
    assert!(Arc::ptr_eq(&first, &again), "the closed wave's report is reused");
    let served = api_report().await;
    let cached = serde_json::to_string(&*first).unwrap();
    // The API serves the cached report, then the cross-wave keys of issue #15.
    assert!(
        served.starts_with(&cached[..cached.len() - 1]),
        "the API serves the cached report"
    );
    assert!(served.ends_with(r#""actions":[]}"#) || served.contains(r#""actions":[{"#));
    let before = parse(&served);

    // A closed wave is frozen: an import is refused and changes nothing.
    let team = before["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["n"]["customer"].as_u64().is_some_and(|n| n > 20))
        .unwrap();
    let code = team["code"].as_str().unwrap().to_owned();
    let customers = team["n"]["customer"].as_u64().unwrap();
    let mut csv = String::from("team,population,channel,courtesy.c.1\n");
    for i in 0..7 {
        csv.push_str(&format!("{code},customer,web,{}\n", i % 5 + 1));
    }
    let refused = import::import_responses(&mut app.conn(), &app.admin_principal(), &d.wave2, csv.as_bytes());
    assert!(
        matches!(
            refused,
            Err(miroir::domain::DomainError::Conflict("error-import-campaign-status"))
        ),
        "{refused:?}"
    );
    let after_import = parse(&api_report().await);
    assert_eq!(team_of(&after_import, &code)["n"]["customer"].as_u64(), Some(customers));
    let unchanged = reports::report_unchecked(&mut app.conn(), &c, None, None).unwrap();
    assert!(Arc::ptr_eq(&first, &unchanged), "nothing changed: the report is reused");

    // Moving a team to another parent (and renaming it), or changing the
    // threshold, after the close changes nothing: the publication is
    // frozen, or the difference of two publications would be a group.
    let mut conn = app.conn();
    let t = miroir::db::models::team::find_by_code(&mut conn, &d.org, &code)
        .unwrap()
        .unwrap();
    let parent = team["parent_code"].as_str().unwrap_or("").to_owned();
    let other_parent = before["teams"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["parent_code"].is_null())
        .map(|t| t["code"].as_str().unwrap().to_owned())
        .find(|c| *c != parent && *c != code)
        .unwrap();
    let input = teams::TeamInput {
        code: code.clone(),
        name: "Renamed while closed".into(),
        parent_code: other_parent,
        headcount: t.headcount.to_string(),
    };
    teams::update(
        &mut conn,
        &app.admin_principal(),
        &d.org,
        &t.id,
        &input,
        teams::DEFAULT_MAX_DEPTH,
    )
    .unwrap();
    let org = miroir::db::models::organisation::find(&mut conn, &d.org)
        .unwrap()
        .unwrap();
    let changes = miroir::db::models::organisation::OrganisationChanges {
        name: org.name,
        sector: org.sector,
        default_language: org.default_language,
        anonymity_threshold: 3,
        label_floor: None,
        label_average: None,
    };
    miroir::db::models::organisation::update(&mut conn, &d.org, &changes).unwrap();
    drop(conn);
    let moved = parse(&api_report().await);
    assert_eq!(moved, before, "the published report stands");

    // An open wave publishes no figures at all.
    let (open, _) = app.open_campaign(&d.org, "Open wave");
    let open = campaign::find_by_id(&mut app.conn(), &open).unwrap().unwrap();
    let refused = reports::report_unchecked(&mut app.conn(), &open, None, None);
    assert!(
        matches!(
            refused,
            Err(miroir::domain::DomainError::Conflict("error-not-published"))
        ),
        "{refused:?}"
    );
}

async fn the_demo_consultant_finds_the_bank_in_their_portfolio(app: TestApp) {
    let d = install(&app);
    let email = &d.installed.consultant_email;
    assert!(email.ends_with("@example.org"), "{email}");
    assert_ne!(email, &d.installed.director_email);
    let consultant = app.as_user(email).await;
    let (status, html) = consultant.get_text("/portfolio?lang=en").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&d.installed.organisation_name),
        "the bank is in the portfolio"
    );
    // A member of the organisation: its results are open to them.
    let (status, _) = consultant
        .get_text(&format!("/orgs/{}/campaigns/{}/dashboard?lang=en", d.org, d.wave2))
        .await;
    assert_eq!(status, 200);
}

/// Issue #15 on the demo's third wave: the report says who moves first
/// against the previous wave and which points adopted by branches beat the
/// others; a filtered report carries no cross-wave figure; the dashboard
/// says it in words.
async fn the_third_wave_says_who_moves_first_and_which_actions_worked(app: TestApp) {
    let d = install(&app);
    let (wave2, wave3) = (&d.installed.campaign_ids[1], &d.installed.campaign_ids[2]);
    let token = app.api_token(&d.installed.director_email).await;
    let report: serde_json::Value = serde_json::from_str(&app.report_text(wave3, &token).await).unwrap();
    let comparison = &report["comparison"];
    assert_eq!(comparison["previous_campaign"]["id"], wave2.as_str());
    let panel = &comparison["cross_lagged"]["indices"];
    assert_eq!(panel["precedence"], "employees_first", "{panel}");
    assert!(panel["employees_to_customers"]["ci_low"].as_f64().unwrap() > 0.0);
    assert_eq!(comparison["cross_lagged"]["dimensions"].as_object().unwrap().len(), 11);
    let actions = report["actions"].as_array().unwrap();
    let point = |code: &str| {
        actions
            .iter()
            .find(|a| a["point"] == code)
            .unwrap_or_else(|| panic!("{code} in {actions:?}"))
    };
    let listen = &point("listen-inside")["difference_in_differences"]["targets"];
    assert!(
        listen["employee"]["difference"]["ci_low"].as_f64().unwrap() > 0.0,
        "{listen}"
    );
    assert!(listen["employee"]["adopting_teams"].as_u64().unwrap() >= 2);
    let recognise = &point("recognise")["difference_in_differences"]["targets"]["employee"]["difference"];
    assert!(recognise["ci_low"].as_f64().unwrap() < 0.0 && recognise["ci_high"].as_f64().unwrap() > 0.0);
    assert_eq!(report["linkage"]["aggregation"].as_object().unwrap().len(), 11);
    assert_eq!(report["label_readiness"]["audits"].as_array().unwrap().len(), 3);
    // The first wave has no previous one; a team's report has no cross-wave figure.
    let first: serde_json::Value =
        serde_json::from_str(&app.report_text(&d.installed.campaign_ids[0], &token).await).unwrap();
    assert!(first["comparison"].is_null() && first["actions"] == serde_json::json!([]));
    let res = app
        .client
        .get(app.url(&format!("/api/v1/campaigns/{wave3}/report?team=NORD")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let team: serde_json::Value = res.json().await.unwrap();
    assert!(team["comparison"].is_null() && team["actions"] == serde_json::json!([]));
    let director = app.as_user(&d.installed.director_email).await;
    let (status, html) = director
        .get_text(&format!("/orgs/{}/campaigns/{wave3}/dashboard?lang=en", d.org))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Employees move first"), "the reading in words");
    assert!(html.contains("Distance to the symmetry label"));
    let (status, html) = director.get_text(&format!("/orgs/{}/actions?lang=en", d.org)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Against the teams that did not adopt it"));

    // The same figures in the exports, at full precision: the cross-wave
    // CSV (linked from the audit) and the summary CSV.
    let (status, audit) = director
        .get_text(&format!("/orgs/{}/campaigns/{wave3}/audit?lang=en", d.org))
        .await;
    assert_eq!(status, 200);
    assert!(audit.contains(&format!("/campaigns/{wave3}/export/waves.csv")));
    let csv_of = |text: String| -> Vec<std::collections::HashMap<String, String>> {
        let body = text.trim_start_matches('\u{feff}').to_string();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header = reader.headers().unwrap().clone();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                header
                    .iter()
                    .map(str::to_string)
                    .zip(r.iter().map(str::to_string))
                    .collect()
            })
            .collect()
    };
    let (status, text) = director
        .get_text(&format!(
            "/orgs/{}/campaigns/{wave3}/export/waves.csv?figures=data",
            d.org
        ))
        .await;
    assert_eq!(status, 200);
    let rows = csv_of(text);
    let first = &rows[0];
    assert_eq!(first["analysis"], "cross_lagged");
    assert_eq!(
        first["previous_campaign"],
        report["comparison"]["previous_campaign"]["name"].as_str().unwrap()
    );
    assert_eq!(
        (first["dimension"].as_str(), first["path"].as_str()),
        ("", "employees_to_customers")
    );
    for field in ["estimate", "se", "ci_low", "ci_high", "p"] {
        assert_eq!(
            first[field].parse::<f64>().unwrap(),
            panel["employees_to_customers"][field].as_f64().unwrap(),
            "{field}"
        );
    }
    let listen_rows: Vec<_> = rows
        .iter()
        .filter(|r| r["adopted_point"] == "listen-inside" && r["dimension"].is_empty() && r["side"] == "employee")
        .collect();
    assert_eq!(listen_rows.len(), 1);
    assert_eq!(
        listen_rows[0]["estimate"].parse::<f64>().unwrap(),
        listen["employee"]["difference"]["estimate"].as_f64().unwrap()
    );
    assert_eq!(
        listen_rows[0]["adopting_teams"].parse::<u64>().unwrap(),
        listen["employee"]["adopting_teams"].as_u64().unwrap()
    );
    let (status, text) = director
        .get_text(&format!(
            "/orgs/{}/campaigns/{wave3}/export/summary.csv?figures=data",
            d.org
        ))
        .await;
    assert_eq!(status, 200);
    let summary = csv_of(text);
    let item = |code: &str| {
        summary
            .iter()
            .find(|r| r["item"] == code)
            .unwrap_or_else(|| panic!("{code}"))
            .clone()
    };
    assert_eq!(
        item("label_readiness.customers")["value"].parse::<f64>().unwrap(),
        report["label_readiness"]["audits"][0]["score"].as_f64().unwrap()
    );
    let icc = item("linkage.aggregation.listening.employee.icc1");
    assert_eq!(
        icc["value"].parse::<f64>().unwrap(),
        report["linkage"]["aggregation"]["listening"]["employee"]["icc1"]
            .as_f64()
            .unwrap()
    );
}

/// The label's thresholds are organisation settings: refused when out of
/// range (what was typed is kept), and once saved, the published report's
/// readiness, the audit's annex and the API use them.
async fn the_label_thresholds_are_organisation_settings(app: TestApp) {
    let d = install(&app);
    let wave3 = d.installed.campaign_ids[2].clone();
    let token = app.api_token(&d.installed.director_email).await;
    let readiness = |text: String| -> serde_json::Value {
        serde_json::from_str::<serde_json::Value>(&text).unwrap()["label_readiness"].clone()
    };
    let before = readiness(app.report_text(&wave3, &token).await);
    assert_eq!(
        before["thresholds"],
        serde_json::json!({"floor": 55.0, "average": 70.0})
    );
    app.create_admin("root@example.org");
    app.sign_in("root@example.org", PASSWORD).await;
    let (status, form) = app.get_text(&format!("/orgs/{}/edit?lang=en", d.org)).await;
    assert_eq!(status, 200);
    assert_eq!(input_value(&form, "label_floor").as_deref(), Some("55"));
    assert_eq!(input_value(&form, "label_average").as_deref(), Some("70"));
    let fields = |floor: &'static str, average: &'static str| {
        vec![
            ("name", input_value(&form, "name").unwrap()),
            ("sector", "banking".to_string()),
            ("default_language", "fr".to_string()),
            (
                "anonymity_threshold",
                input_value(&form, "anonymity_threshold").unwrap(),
            ),
            ("label_floor", floor.to_string()),
            ("label_average", average.to_string()),
        ]
    };
    let path = format!("/orgs/{}/edit?lang=en", d.org);
    let refused = fields("101", "30");
    let refused: Vec<(&str, &str)> = refused.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(&path, &refused).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("whole number from 0 to 100"), "translated message");
    assert_eq!(
        input_value(&html, "label_floor").as_deref(),
        Some("101"),
        "kept as typed"
    );
    assert_eq!(input_value(&html, "label_average").as_deref(), Some("30"));
    assert_eq!(
        readiness(app.report_text(&wave3, &token).await),
        before,
        "nothing saved"
    );

    let saved = fields("20", "30");
    let saved: Vec<(&str, &str)> = saved.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(&path, &saved).await;
    assert_eq!(res.status().as_u16(), 303);
    let after = readiness(app.report_text(&wave3, &token).await);
    assert_eq!(after["thresholds"], serde_json::json!({"floor": 20.0, "average": 30.0}));
    let scores: Vec<f64> = after["audits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores.len(), 3);
    for (a, b) in after["audits"]
        .as_array()
        .unwrap()
        .iter()
        .zip(before["audits"].as_array().unwrap())
    {
        assert_eq!(a["score"], b["score"], "the scores do not move");
        let margin = a["margin"].as_f64().unwrap();
        assert!((margin - (a["score"].as_f64().unwrap() - 20.0)).abs() < 1e-9);
    }
    let average = after["average"].as_f64().unwrap();
    assert_eq!(after["ready"], scores.iter().all(|s| *s >= 20.0) && average > 30.0);
    assert_eq!(after["ready"], true, "the demo bank clears 20 and 30");
    let (status, audit) = app
        .get_text(&format!("/orgs/{}/campaigns/{wave3}/audit?lang=en", d.org))
        .await;
    assert_eq!(status, 200);
    assert!(
        audit.contains("each is at least 20 and their average exceeds 30"),
        "the annex"
    );
}

both_backends!(
    the_label_thresholds_are_organisation_settings,
    the_third_wave_says_who_moves_first_and_which_actions_worked,
    the_demo_consultant_finds_the_bank_in_their_portfolio,
    closed_reports_are_reused_until_their_inputs_change,
    a_consultant_compares_clients_without_a_thin_benchmark,
    the_director_sees_the_dashboard_with_its_figures,
    a_manager_sees_only_their_team,
    the_report_api_follows_the_contract,
);

//! Collecting answers through the real forms, invitations, double
//! submissions, closed campaigns, imports, unlinkability, and the
//! aggregates' agreement with a rebuild from raw answers.

use miroir::auth::policy::Role;

use crate::both_backends;
use crate::helpers::{dedup, fill_survey, TestApp};

/// Picks the highest numeric choice, or "don't know" for `skip`.
fn top(skip: &'static str) -> impl Fn(&str, &[String]) -> Option<String> {
    move |name, values| {
        if name == skip {
            return Some("dk".into());
        }
        values
            .iter()
            .filter(|v| *v != "dk")
            .max_by_key(|v| v.parse::<i32>().unwrap_or(-1))
            .cloned()
    }
}

async fn post_fields(app: &TestApp, path: &str, fields: &[(String, String)]) -> reqwest::Response {
    app.client.post(app.url(path)).form(fields).send().await.unwrap()
}

async fn world(app: &TestApp) -> (String, String, String, String) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nR1,Region,,\nA1,Agence 1,R1,6\nA2,Agence 2,R1,4\n",
    );
    app.member(&org, "manager@example.org", Role::Manager, "A1");
    app.member(&org, "director@example.org", Role::Director, "");
    let (campaign, code) = app.open_campaign(&org, "Vague 1");
    let a1 = app.team_id(&org, "A1");
    (org, campaign, code, a1)
}

async fn each_population_answers_through_the_real_forms(app: TestApp) {
    let (org, campaign, code, a1) = world(&app).await;

    // A customer, on the phone channel.
    let (status, html) = app.get_text(&format!("/s/{code}/A1?ch=phone")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<fieldset") && html.contains("<legend>"),
        "Likert items are fieldsets with legends"
    );
    let fields = dedup(fill_survey(&html, top("trust.c.1")));
    let res = post_fields(&app, &format!("/s/{code}/A1"), &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(res.headers()["location"].to_str().unwrap().starts_with("/thanks"));
    assert_eq!(app.histogram(&campaign, &a1, "customer", "courtesy.c.1", 5), 1);
    assert_eq!(app.histogram(&campaign, &a1, "customer", "nps", 10), 1);
    assert_eq!(app.histogram(&campaign, &a1, "customer", "fcr", 1), 1);
    assert_eq!(
        app.histogram(&campaign, &a1, "customer", "trust.c.1", 5),
        0,
        "don't know is missing"
    );

    // An employee from an invitation.
    let token = app.invite(&campaign, "A1", 1).remove(0);
    let (status, html) = app.get_text(&format!("/i/{token}")).await;
    assert_eq!(status, 200);
    let res = post_fields(&app, &format!("/i/{token}"), &dedup(fill_survey(&html, top("")))).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.histogram(&campaign, &a1, "employee", "listening.e.1", 5), 1);
    assert_eq!(app.histogram(&campaign, &a1, "employee", "enps", 10), 1);

    // The manager's self-assessment, signed in.
    let manager = app.as_user("manager@example.org").await;
    let path = format!("/orgs/{org}/campaigns/{campaign}/self/{a1}");
    let (status, html) = manager.get_text(&path).await;
    assert_eq!(status, 200);
    // Instrument version 2: "out of 10, how many would agree", eleven
    // radio buttons and "don't know", no script needed.
    for value in ["0", "5", "10", "dk"] {
        assert!(
            html.contains(&format!("name=\"listening.me.1\" value=\"{value}\"")),
            "{value}"
        );
    }
    assert!(html.contains("Sur 10") || html.contains("Out of 10"));
    let res = post_fields(&manager, &path, &dedup(fill_survey(&html, top("")))).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.histogram(&campaign, &a1, "manager", "listening.me.1", 10), 1);
    // Answering again replaces the first self-assessment.
    let (_, html) = manager.get_text(&path).await;
    assert!(html.contains("value=\"10\" checked"), "previous answers prefilled");
    let lower = |_: &str, values: &[String]| values.iter().find(|v| *v == "2").cloned();
    let res = post_fields(&manager, &path, &dedup(fill_survey(&html, lower))).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.histogram(&campaign, &a1, "manager", "listening.me.1", 10), 0);
    assert_eq!(app.histogram(&campaign, &a1, "manager", "listening.me.1", 2), 1);
    assert_eq!(app.respondents(&campaign, &a1, "manager"), 1);
    // Another team's self-assessment is not theirs.
    let a2 = app.team_id(&org, "A2");
    assert_eq!(
        manager
            .get(&format!("/orgs/{org}/campaigns/{campaign}/self/{a2}"))
            .await
            .status()
            .as_u16(),
        403
    );

    // The executives' estimates, organisation level.
    let director = app.as_user("director@example.org").await;
    let path = format!("/orgs/{org}/campaigns/{campaign}/executive");
    let (status, html) = director.get_text(&path).await;
    assert_eq!(status, 200);
    let res = post_fields(&director, &path, &dedup(fill_survey(&html, top("")))).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.histogram(&campaign, "", "executive", "trust.xc.1", 10), 1);

    // Participation on the campaign page: one employee is fewer than k,
    // so neither the count nor the rate (1 of 6) is shown.
    let (_, page) = director.get_text(&format!("/orgs/{org}/campaigns/{campaign}")).await;
    assert!(page.contains("Agence 1"));
    assert!(!page.contains("17 %"), "a rate over fewer than k answers");
    assert!(page.contains("moins de 5") || page.contains("fewer than 5"));
}

async fn a_refused_survey_keeps_every_answer(app: TestApp) {
    let (_, campaign, code, a1) = world(&app).await;
    let (_, html) = app.get_text(&format!("/s/{code}/A1")).await;
    let fields: Vec<(String, String)> = dedup(fill_survey(&html, top("")))
        .into_iter()
        .filter(|(k, _)| k != "csat")
        .collect();
    let mut fields = fields;
    fields.push(("comment".into(), "Très bon accueil".into()));
    let res = post_fields(&app, &format!("/s/{code}/A1"), &fields).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    // The organisation's default language (French) when the browser says nothing.
    assert!(html.contains("Merci de choisir une réponse"), "{html}");
    assert!(html.contains("id=\"err-csat\""), "the message sits beside the question");
    assert!(html.contains("name=\"nps\" value=\"10\" checked"), "answers kept");
    assert!(html.contains("Très bon accueil"), "comment kept");
    // The error summary links to the refused question, whose first choice
    // takes the focus (no JavaScript needed).
    let doc = scraper::Html::parse_document(&html);
    let link = scraper::Selector::parse("#form-errors a[href='#q-csat']").unwrap();
    assert_eq!(doc.select(&link).count(), 1, "a link from the summary to the question");
    let focused = scraper::Selector::parse("input[autofocus]").unwrap();
    let focused: Vec<_> = doc.select(&focused).collect();
    assert_eq!(focused.len(), 1, "one field takes the focus");
    assert_eq!(focused[0].value().attr("name"), Some("csat"));
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 0);
    // In English when asked.
    let en = app
        .client
        .post(app.url(&format!("/s/{code}/A1?lang=en")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert!(en.text().await.unwrap().contains("Please choose an answer"));
}

async fn a_double_submission_is_stored_once(app: TestApp) {
    let (_, campaign, code, a1) = world(&app).await;
    let (_, html) = app.get_text(&format!("/s/{code}/A1")).await;
    let fields = dedup(fill_survey(&html, top("")));
    for _ in 0..3 {
        let res = post_fields(&app, &format!("/s/{code}/A1"), &fields).await;
        assert_eq!(res.status().as_u16(), 303);
    }
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 1);
    // A fresh form is a new respondent.
    let (_, html) = app.get_text(&format!("/s/{code}/A1")).await;
    post_fields(&app, &format!("/s/{code}/A1"), &dedup(fill_survey(&html, top("")))).await;
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 2);
}

async fn an_invitation_is_used_once(app: TestApp) {
    let (_, campaign, _, a1) = world(&app).await;
    let token = app.invite(&campaign, "A1", 1).remove(0);
    let (_, html) = app.get_text(&format!("/i/{token}")).await;
    let fields = dedup(fill_survey(&html, top("")));
    assert_eq!(
        post_fields(&app, &format!("/i/{token}"), &fields)
            .await
            .status()
            .as_u16(),
        303
    );
    // The same form again (double click) is simply thanked.
    assert_eq!(
        post_fields(&app, &format!("/i/{token}"), &fields)
            .await
            .status()
            .as_u16(),
        303
    );
    // The link itself is spent.
    let (status, html) = app.get_text(&format!("/i/{token}")).await;
    assert_eq!(status, 410);
    assert!(html.contains("already been used"));
    let mut other = fields.clone();
    for (k, v) in other.iter_mut() {
        if k == "idempotency_key" {
            *v = "a-different-key-for-a-second-try".into();
        }
    }
    let res = post_fields(&app, &format!("/i/{token}"), &other).await;
    assert_eq!(res.status().as_u16(), 410);
    assert_eq!(app.respondents(&campaign, &a1, "employee"), 1);
    let (status, html) = app.get_text("/i/not-a-real-token").await;
    assert_eq!(status, 404);
    assert!(html.contains("not valid") && !html.contains("panicked"));
}

async fn a_closed_campaign_refuses_answers(app: TestApp) {
    let (_, campaign, code, a1) = world(&app).await;
    let (_, html) = app.get_text(&format!("/s/{code}/A1")).await;
    let fields = dedup(fill_survey(&html, top("")));
    let mut conn = app.conn();
    miroir::domain::campaigns::transition(&mut conn, &app.admin_principal(), &campaign, "close").unwrap();
    drop(conn);
    let res = post_fields(&app, &format!("/s/{code}/A1"), &fields).await;
    assert_eq!(res.status().as_u16(), 410);
    assert!(res.text().await.unwrap().contains("not open for answers"));
    assert_eq!(app.get(&format!("/s/{code}/A1")).await.status().as_u16(), 410);
    assert_eq!(app.get(&format!("/s/{code}/NOPE")).await.status().as_u16(), 404);
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 0);
}

async fn imports_are_all_or_nothing_with_row_errors(app: TestApp) {
    let (_, campaign, _, a1) = world(&app).await;
    let token = app.api_token("root@example.org").await;
    let import = |body: String| {
        app.client
            .post(app.url(&format!("/api/v1/campaigns/{campaign}/responses/import")))
            .bearer_auth(&token)
            .header("Content-Type", "text/csv")
            .body(body)
            .send()
    };
    let mut good = String::from("team,population,channel,date,courtesy.c.1,nps,listening.e.1,enps,trust.xe.1\n");
    for i in 0..10 {
        good.push_str(&format!(
            "A1,customer,web,2026-03-0{},{},{},,,\n",
            i % 9 + 1,
            i % 5 + 1,
            i
        ));
    }
    good.push_str("A1,employee,,,,,4,9,\n,executive,,,,,,,5\n");
    let res = import(good).await.unwrap();
    assert_eq!(res.status().as_u16(), 201);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"imported": 12})
    );
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 10);
    assert_eq!(app.histogram(&campaign, &a1, "customer", "nps", 9), 1);
    assert_eq!(app.histogram(&campaign, "", "executive", "trust.xe.1", 5), 1);

    let bad = "team,population,courtesy.c.1,enps\nA1,customer,3,\nZZ,customer,3,\nA1,customer,9,\nA1,employee,4,\nA1,customer,,7\n";
    let res = import(bad.into()).await.unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let cells: Vec<(u64, String)> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["row"].as_u64().unwrap(), d["column"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        cells,
        vec![
            (2, "team".into()),
            (3, "courtesy.c.1".into()),
            (4, "courtesy.c.1".into()),
            (5, "enps".into())
        ]
    );
    assert_eq!(
        app.respondents(&campaign, &a1, "customer"),
        10,
        "nothing of the refused file stored"
    );

    let unknown = import("team,population,no.such.item\nA1,customer,3\n".into())
        .await
        .unwrap();
    let body: serde_json::Value = unknown.json().await.unwrap();
    assert_eq!(body["error"]["details"][0]["column"], "no.such.item");
}

async fn nothing_relates_an_invitation_to_a_response(app: TestApp) {
    let (_, campaign, _, _) = world(&app).await;
    let mut conn = app.conn();
    let columns = miroir::db::introspect(&mut conn).unwrap();
    drop(conn);
    let of = |table: &str| -> Vec<String> {
        columns
            .iter()
            .filter(|(t, _)| t == table)
            .map(|(_, c)| c.clone())
            .collect()
    };
    let mut invitation_columns = of("invitations");
    invitation_columns.sort();
    assert_eq!(
        invitation_columns,
        vec!["campaign_id", "team_id", "token_hash", "used"],
        "no response id, no time of use"
    );
    assert!(of("responses")
        .iter()
        .all(|c| !c.contains("invitation") && !c.contains("token")));
    assert!(
        of("responses").iter().all(|c| c != "created_at" && c != "submitted_at"),
        "dates only, to the day"
    );

    // Eight employees answer in turn: response ids do not follow the order
    // (random ids sort in the order of answering, or its reverse, once in
    // 20,160 runs).
    let tokens = app.invite(&campaign, "A1", 8);
    let mut ids_in_order = Vec::new();
    for token in &tokens {
        let (_, html) = app.get_text(&format!("/i/{token}")).await;
        post_fields(&app, &format!("/i/{token}"), &dedup(fill_survey(&html, top("")))).await;
        use diesel::prelude::*;
        use miroir::db::schema::responses as r;
        let all: Vec<String> = r::table
            .filter(r::population.eq("employee"))
            .select(r::id)
            .load(&mut app.conn())
            .unwrap();
        let new = all.into_iter().find(|id| !ids_in_order.contains(id)).unwrap();
        ids_in_order.push(new);
    }
    assert!(
        ids_in_order
            .iter()
            .all(|id| uuid::Uuid::parse_str(id).unwrap().get_version_num() == 4),
        "random ids"
    );
    let mut sorted = ids_in_order.clone();
    sorted.sort();
    assert_ne!(sorted, ids_in_order, "ids sort in the order of answering");
    sorted.reverse();
    assert_ne!(sorted, ids_in_order, "ids sort in the reverse order of answering");
}

async fn the_codebook_and_qr_codes_are_served(app: TestApp) {
    let (org, campaign, _, _) = world(&app).await;
    let items: Vec<serde_json::Value> = app.get("/api/v1/items").await.json().await.unwrap();
    let listening = items.iter().find(|i| i["code"] == "listening.ec.1").unwrap();
    assert_eq!(listening["population"], "employee");
    assert_eq!(listening["dimension"], "listening");
    assert_eq!(listening["scale"], serde_json::json!([1, 5]));
    assert!(listening["wording"]["fr"].as_str().unwrap().len() > 10);
    assert!(listening["wording"]["en"].as_str().unwrap().len() > 10);

    app.sign_in("root@example.org", crate::helpers::PASSWORD).await;
    let svg = app.get(&format!("/orgs/{org}/campaigns/{campaign}/qr/A1.svg")).await;
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    assert!(svg.text().await.unwrap().contains("<svg"));
    let png = app
        .get(&format!("/orgs/{org}/campaigns/{campaign}/qr/A1.png"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let (status, sheet) = app
        .get_text(&format!("/orgs/{org}/campaigns/{campaign}/qr-sheet"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(sheet.matches("<svg").count(), 3, "one QR per team");

    // Employee links as CSV, one per head by default.
    let res = app
        .post_form(
            &format!("/orgs/{org}/campaigns/{campaign}/invitations"),
            &[("team", "A1")],
        )
        .await;
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 1 + 6);
    assert!(csv.lines().nth(1).unwrap().contains("/i/"));
}

/// Respondents see the organisation they know, not the internal name of
/// the wave, and no sign-in link: they have no account.
async fn respondents_see_the_organisation_and_no_sign_in_link(app: TestApp) {
    let (_, _, code, _) = world(&app).await;
    let (status, html) = app.get_text(&format!("/s/{code}/A1")).await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&html);
    let h1 = scraper::Selector::parse("h1").unwrap();
    let heading: String = doc.select(&h1).next().unwrap().text().collect();
    assert!(heading.starts_with("Banque"), "{heading}");
    assert!(!heading.contains("Vague 1"), "{heading}");
    let login = scraper::Selector::parse("a[href='/login']").unwrap();
    assert_eq!(doc.select(&login).count(), 0, "no sign-in link on a survey");
    // The sign-in page and other pages keep theirs.
    let (_, thanks) = app.get_text("/thanks").await;
    assert!(!thanks.contains("href=\"/login\""), "nor on the thanks page");
    let (_, login_page) = app.get_text("/login").await;
    assert!(login_page.contains("href=\"/login\""));
}

/// The language buttons of a survey submit the survey itself: the same
/// answers come back in the other language, nothing is checked or stored,
/// and the choice is remembered for the rest of the visit.
async fn switching_language_keeps_what_was_typed(app: TestApp) {
    let (_, campaign, code, a1) = world(&app).await;
    let (_, html) = app.get_text(&format!("/s/{code}/A1")).await;
    // The buttons belong to the survey form and come after it in the
    // document (Enter in a field submits the answers, not a language).
    let doc = scraper::Html::parse_document(&html);
    let switch = scraper::Selector::parse("button[name=switch_lang][form=survey][formnovalidate]").unwrap();
    assert_eq!(doc.select(&switch).count(), 2, "one button per language");
    assert!(
        html.find("id=\"survey\"").unwrap() < html.find("name=\"switch_lang\"").unwrap(),
        "the buttons follow the form"
    );
    assert!(
        !html.contains("action=\"/language\""),
        "no separate language form on a survey"
    );
    // Half the questions answered, a comment typed, then "EN" pressed.
    let mut fields: Vec<(String, String)> = dedup(fill_survey(&html, top("")))
        .into_iter()
        .filter(|(k, _)| !k.starts_with("trust") && k != "csat")
        .collect();
    fields.push(("comment".into(), "Accueil très chaleureux".into()));
    fields.push(("switch_lang".into(), "en".into()));
    let res = post_fields(&app, &format!("/s/{code}/A1"), &fields).await;
    assert_eq!(res.status().as_u16(), 200, "not a refusal");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|c| c.to_str().ok())
        .any(|c| c.starts_with("miroir_lang=en"));
    assert!(cookie, "the choice is remembered");
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"), "the page is in English");
    assert!(html.contains("name=\"nps\" value=\"10\" checked"), "answers kept");
    assert!(!html.contains("name=\"csat\" value=\"5\" checked"), "nothing invented");
    assert!(html.contains("Accueil très chaleureux"), "comment kept");
    assert!(!html.contains("id=\"form-errors\""), "no error summary for a switch");
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 0, "nothing stored");
    // The same idempotency key: the answers, once sent, count once.
    let key = crate::helpers::input_value(&html, "idempotency_key").unwrap();
    assert!(fields.iter().any(|(k, v)| k == "idempotency_key" && *v == key));
    let complete: Vec<(String, String)> = dedup(fill_survey(&html, top("")));
    let res = post_fields(&app, &format!("/s/{code}/A1"), &complete).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 1);
    // An unknown language is not a switch: the answers are checked as sent.
    let (_, html) = app.get_text(&format!("/s/{code}/A1")).await;
    let mut fields = dedup(fill_survey(&html, top("")));
    fields.retain(|(k, _)| k != "csat");
    fields.push(("switch_lang".into(), "xx".into()));
    let res = post_fields(&app, &format!("/s/{code}/A1"), &fields).await;
    assert_eq!(res.status().as_u16(), 422);
}

both_backends!(
    respondents_see_the_organisation_and_no_sign_in_link,
    switching_language_keeps_what_was_typed,
    each_population_answers_through_the_real_forms,
    a_refused_survey_keeps_every_answer,
    a_double_submission_is_stored_once,
    an_invitation_is_used_once,
    a_closed_campaign_refuses_answers,
    imports_are_all_or_nothing_with_row_errors,
    nothing_relates_an_invitation_to_a_response,
    the_codebook_and_qr_codes_are_served,
);

async fn invitations_go_by_email_and_addresses_are_kept_nowhere(backend: crate::helpers::Backend) {
    let sink = crate::helpers::SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let app = crate::helpers::spawn_app_with(backend, |c| c.smtp_url = Some(miroir::auth::Secret::new(url))).await;
    let (org, campaign, _, a1) = world(&app).await;
    app.sign_in("root@example.org", crate::helpers::PASSWORD).await;
    let res = app
        .post_form(
            &format!("/orgs/{org}/campaigns/{campaign}/invitations"),
            &[("team", "A1"), ("emails", "ana@example.org\nbob@example.org")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let messages = sink.messages.lock().unwrap().clone();
    assert_eq!(messages.len(), 2);
    assert!(messages.iter().any(|m| m.contains("To: ana@example.org")));
    let link = messages[0]
        .lines()
        .find(|l| l.contains("/i/"))
        .expect("a link in the e-mail")
        .trim()
        .to_string();
    let token = link.rsplit("/i/").next().unwrap().trim().to_string();
    // The link works once, like any invitation.
    let (status, html) = app.get_text(&format!("/i/{token}")).await;
    assert_eq!(status, 200, "{link}");
    let res = post_fields(&app, &format!("/i/{token}"), &dedup(fill_survey(&html, top("")))).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.respondents(&campaign, &a1, "employee"), 1);
    // Nothing in the database holds the addresses.
    let mut conn = app.conn();
    let dump: Vec<String> = miroir::db::introspect(&mut conn)
        .unwrap()
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    drop(conn);
    for table in dump.iter().collect::<std::collections::BTreeSet<_>>() {
        if table == "users" {
            continue;
        }
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let columns: Vec<String> = miroir::db::introspect(&mut app.conn())
            .unwrap()
            .into_iter()
            .filter(|(t, _)| t == table)
            .map(|(_, c)| c)
            .collect();
        for column in columns {
            let sql =
                format!("SELECT COUNT(*) AS n FROM {table} WHERE CAST({column} AS TEXT) LIKE '%ana@example.org%'");
            let found: Vec<Count> = diesel::sql_query(sql).load(&mut app.conn()).unwrap();
            assert_eq!(found[0].n, 0, "{table}.{column} holds an invited address");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_go_by_email_sqlite() {
    invitations_go_by_email_and_addresses_are_kept_nowhere(crate::helpers::Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_go_by_email_postgres() {
    invitations_go_by_email_and_addresses_are_kept_nowhere(crate::helpers::Backend::Postgres).await;
}

/// The mail transport's TLS modes over rustls, against the loopback sink,
/// which speaks plain SMTP only and offers no STARTTLS: `tls=required`
/// refuses to send rather than fall back to plain text, `smtps` fails its
/// handshake, and only `tls=opportunistic` (or no TLS) sends in the clear.
#[test]
fn mail_tls_modes_never_fall_back_to_plain_text() {
    use miroir::domain::{mail::Mailer, types::Email};
    let sink = crate::helpers::SmtpSink::start();
    let to = [Email::parse("ana@example.org").unwrap()];
    let links = ["https://miroir.invalid/i/x".to_string()];
    let send = |url: String| {
        Mailer::new(&url, "Miroir <noreply@example.org>")
            .unwrap()
            .send_invitations("en", "Wave", "A1", &to, &links)
    };
    assert!(send(format!("smtp://127.0.0.1:{}?tls=required", sink.port)).is_err());
    assert!(send(format!("smtps://127.0.0.1:{}", sink.port)).is_err());
    assert!(sink.messages.lock().unwrap().is_empty(), "nothing sent in the clear");
    assert_eq!(
        send(format!("smtp://127.0.0.1:{}?tls=opportunistic", sink.port)).unwrap(),
        1
    );
    assert_eq!(sink.messages.lock().unwrap().len(), 1);
}

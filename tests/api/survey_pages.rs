//! The anonymous survey forms are rendered once and kept (issue #14): a
//! kept form is a fresh render but for its tokens, each request gets its
//! own, answers sent from a kept form are stored, and what a form shows
//! follows a change made through the same instance at once and one made
//! elsewhere (another instance, a tool) within the stamp window.

use std::time::Duration;

use diesel::RunQueryDsl;
use miroir::config::Config;
use miroir::startup::Application;

use crate::helpers::{dedup, fill_survey, input_value, new_client, spawn_app_with, Backend, TestApp};

const TEAM: &str = "Agence d'Orsay & Cie";

/// An organisation (French by default), teams, an open campaign; returns
/// (organisation, campaign, public code, team A1's id).
fn world(app: &TestApp) -> (String, String, String, String) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque Lumière");
    app.import_teams(
        &org,
        &format!("code,name,parent_code,headcount\nR1,Region,,\n\"A1\",\"{TEAM}\",R1,6\nA2,Agence 2,R1,4\n"),
    );
    let (campaign, code) = app.open_campaign(&org, "Vague 1");
    let a1 = app.team_id(&org, "A1");
    (org, campaign, code, a1)
}

/// A second instance on the same database, as a second server behind a
/// load balancer would be; returns its address.
async fn second_instance(app: &TestApp, adjust: impl FnOnce(&mut Config)) -> String {
    let mut config = Config::for_database(&app.database_url);
    config.pool_size = 2;
    adjust(&mut config);
    let other = Application::build(config).expect("a second instance builds");
    let address = format!("http://127.0.0.1:{}", other.port());
    tokio::spawn(other.run_until_stopped());
    address
}

async fn get(client: &reqwest::Client, url: &str) -> (u16, String) {
    let res = client.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn field(html: &str, name: &str) -> String {
    input_value(html, name).unwrap_or_else(|| panic!("no {name} field"))
}

/// The page with its CSRF token, idempotency key and (an invitation's)
/// token replaced by their names.
fn without_tokens(html: &str, invitation: Option<&str>) -> String {
    let mut out = html.to_string();
    for name in ["csrf", "idempotency_key"] {
        out = out.replace(
            &format!("value=\"{}\"", field(html, name)),
            &format!("value=\"{name}\""),
        );
    }
    if let Some(token) = invitation {
        out = out.replace(token, "TOKEN");
    }
    out
}

fn action(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let form = scraper::Selector::parse("form#survey").unwrap();
    doc.select(&form)
        .next()
        .unwrap()
        .value()
        .attr("action")
        .unwrap()
        .to_string()
}

fn heading(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let h1 = scraper::Selector::parse("h1").unwrap();
    doc.select(&h1).next().unwrap().text().collect()
}

/// The highest numeric choice of every question.
fn top(_: &str, values: &[String]) -> Option<String> {
    values
        .iter()
        .filter(|v| *v != "dk")
        .max_by_key(|v| v.parse::<i32>().unwrap_or(-1))
        .cloned()
}

fn execute(app: &TestApp, sql: &str) {
    diesel::sql_query(sql).execute(&mut *app.conn()).unwrap();
}

async fn a_kept_form_is_a_fresh_render_but_for_its_tokens(app: TestApp) {
    let (_, campaign, code, _) = world(&app);
    // The same database through an instance that draws every page afresh
    // (templates read from disk are never kept).
    let fresh = second_instance(&app, |c| c.templates_dir = Some("templates".into())).await;
    for path in [
        format!("/s/{code}/A1?ch=phone"),
        format!("/s/{code}/A1?lang=en"),
        format!("/s/{code}/A2"),
    ] {
        let (c1, c2, c3) = (new_client(), new_client(), new_client());
        let (s1, first) = get(&c1, &app.url(&path)).await;
        let res = c2.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(res.headers()["x-frame-options"], "DENY", "{path}");
        assert!(res.headers().contains_key("content-security-policy"), "{path}");
        let (s2, kept) = (res.status().as_u16(), res.text().await.unwrap());
        let (s3, drawn) = get(&c3, &format!("{fresh}{path}")).await;
        assert_eq!((s1, s2, s3), (200, 200, 200), "{path}");
        assert_eq!(without_tokens(&kept, None), without_tokens(&drawn, None), "{path}");
        assert_eq!(without_tokens(&first, None), without_tokens(&kept, None), "{path}");
        // Two visitors: two CSRF tokens (two cookies) and two keys.
        assert_ne!(field(&first, "csrf"), field(&kept, "csrf"), "{path}");
        assert_ne!(field(&first, "idempotency_key"), field(&kept, "idempotency_key"));
        // The same visitor again: the token of its cookie, a new key.
        let (_, again) = get(&c2, &app.url(&path)).await;
        assert_eq!(field(&again, "csrf"), field(&kept, "csrf"), "{path}");
        assert_ne!(field(&again, "idempotency_key"), field(&kept, "idempotency_key"));
    }
    let (_, en) = get(&new_client(), &app.url(&format!("/s/{code}/A1?lang=en"))).await;
    assert!(en.contains("<html lang=\"en\">"));
    let (_, fr) = get(&new_client(), &app.url(&format!("/s/{code}/A1"))).await;
    assert!(fr.contains("<html lang=\"fr\">"));
    assert_eq!(
        heading(&fr),
        format!("Banque Lumière — {TEAM}"),
        "escaped once, shown as typed"
    );

    // Every invitation of a team shows the same form, posting to itself.
    let tokens = app.invite(&campaign, "A1", 2);
    let (c1, c2) = (new_client(), new_client());
    let (_, one) = get(&c1, &app.url(&format!("/i/{}", tokens[0]))).await;
    let (_, two) = get(&c2, &app.url(&format!("/i/{}", tokens[1]))).await;
    let (_, drawn) = get(&new_client(), &format!("{fresh}/i/{}", tokens[1])).await;
    assert_eq!(action(&one), format!("/i/{}", tokens[0]));
    assert_eq!(action(&two), format!("/i/{}", tokens[1]));
    assert_eq!(
        without_tokens(&one, Some(&tokens[0])),
        without_tokens(&two, Some(&tokens[1]))
    );
    assert_eq!(
        without_tokens(&two, Some(&tokens[1])),
        without_tokens(&drawn, Some(&tokens[1]))
    );
}

async fn answers_from_a_kept_form_are_stored(app: TestApp) {
    let (_, campaign, code, a1) = world(&app);
    let path = format!("/s/{code}/A1?ch=in_person");
    let _ = get(&new_client(), &app.url(&path)).await;
    // This visitor's form is the kept one with its own token put in.
    let visitor = new_client();
    let (_, html) = get(&visitor, &app.url(&path)).await;
    let res = visitor
        .post(app.url(&format!("/s/{code}/A1")))
        .form(&dedup(fill_survey(&html, top)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.respondents(&campaign, &a1, "customer"), 1);

    let tokens = app.invite(&campaign, "A1", 2);
    let _ = get(&new_client(), &app.url(&format!("/i/{}", tokens[0]))).await;
    let employee = new_client();
    let (_, html) = get(&employee, &app.url(&format!("/i/{}", tokens[1]))).await;
    let res = employee
        .post(app.url(&action(&html)))
        .form(&dedup(fill_survey(&html, top)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.respondents(&campaign, &a1, "employee"), 1);
    // The other invitation is still unused, the used one spent.
    assert_eq!(app.get(&format!("/i/{}", tokens[0])).await.status().as_u16(), 200);
    assert_eq!(app.get(&format!("/i/{}", tokens[1])).await.status().as_u16(), 410);
}

/// With a window of an hour, a change made behind the instance's back is
/// not seen (the form is served from what it keeps, without asking the
/// database), but any change made through the instance shows at once.
async fn changes_through_this_instance_show_on_its_next_form(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.page_stamp_ms = 3_600_000).await;
    let (org, campaign, code, a1) = world(&app);
    let path = format!("/s/{code}/A1");
    assert_eq!(
        heading(&app.get_text(&path).await.1),
        format!("Banque Lumière — {TEAM}")
    );
    execute(
        &app,
        &format!("UPDATE teams SET name = 'Behind its back' WHERE id = '{a1}'"),
    );
    assert_eq!(
        heading(&app.get_text(&path).await.1),
        format!("Banque Lumière — {TEAM}")
    );

    let admin = app.as_user("root@example.org").await;
    let res = admin
        .post_form(
            &format!("/orgs/{org}/teams/{a1}/edit"),
            &[
                ("code", "A1"),
                ("name", "Agence Sud"),
                ("parent_code", "R1"),
                ("headcount", "6"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(heading(&app.get_text(&path).await.1), "Banque Lumière — Agence Sud");

    let res = admin
        .post_form(
            &format!("/orgs/{org}/edit"),
            &[
                ("name", "Banque Soleil"),
                ("sector", "banking"),
                ("default_language", "en"),
                ("anonymity_threshold", "5"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, html) = app.anonymous().get_text(&path).await;
    assert_eq!(heading(&html), "Banque Soleil — Agence Sud");
    assert!(html.contains("<html lang=\"en\">"), "the new default language");

    let token = app.api_token("root@example.org").await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/campaigns/{campaign}/close")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(app.get(&path).await.status().as_u16(), 410);
}

/// A change made elsewhere (here straight in the database, as another
/// instance or a tool would) shows once the window has passed.
async fn changes_elsewhere_show_within_the_window(backend: Backend) {
    let window = 300;
    let app = spawn_app_with(backend, |c| c.page_stamp_ms = window).await;
    let (org, campaign, code, a1) = world(&app);
    let path = format!("/s/{code}/A1?ch=phone");
    let wait = || tokio::time::sleep(Duration::from_millis(window + 150));
    assert_eq!(
        heading(&app.get_text(&path).await.1),
        format!("Banque Lumière — {TEAM}")
    );

    execute(&app, &format!("UPDATE teams SET name = 'Agence Est' WHERE id = '{a1}'"));
    execute(
        &app,
        &format!("UPDATE organisations SET name = 'Banque Lune' WHERE id = '{org}'"),
    );
    wait().await;
    assert_eq!(heading(&app.get_text(&path).await.1), "Banque Lune — Agence Est");

    let mut conn = app.conn();
    miroir::domain::campaigns::transition(&mut conn, &app.admin_principal(), &campaign, "close").unwrap();
    drop(conn);
    wait().await;
    assert_eq!(app.get(&path).await.status().as_u16(), 410);
}

crate::both_backends!(
    a_kept_form_is_a_fresh_render_but_for_its_tokens,
    answers_from_a_kept_form_are_stored
);

mod changes_through_this_instance {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::changes_through_this_instance_show_on_its_next_form(crate::helpers::Backend::Sqlite).await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::changes_through_this_instance_show_on_its_next_form(crate::helpers::Backend::Postgres).await;
    }
}

mod changes_elsewhere {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::changes_elsewhere_show_within_the_window(crate::helpers::Backend::Sqlite).await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::changes_elsewhere_show_within_the_window(crate::helpers::Backend::Postgres).await;
    }
}

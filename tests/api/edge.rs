//! The HTTP edge: redirects after sign-in, client addresses behind proxies,
//! body limits, content types, cache and transport headers, an exhausted
//! database pool.

use crate::both_backends;
use std::time::Duration;

use crate::helpers::{new_client, spawn_app, spawn_app_with, spawn_app_with_pool, Backend, TestApp, PASSWORD};

/// Paths a browser would read as another origin, or that cannot be a
/// header value.
const HOSTILE_NEXTS: &[&str] = &[
    "/%09/evil.example",
    "/\t/evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "//evil",
    "/%2F%2Fevil",
    "/\r\nSet-Cookie: stolen=1",
    "/%0d%0aSet-Cookie:%20stolen=1",
];

async fn sign_in_never_follows_next_to_another_site(app: TestApp) {
    app.create_admin("ana@example.org");
    for next in HOSTILE_NEXTS {
        let res = app
            .post_form(
                "/login",
                &[("email", "ana@example.org"), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{next:?}");
        assert_eq!(res.headers()["location"], "/", "{next:?}");
        assert!(res.headers().get("set-cookie").is_some());
        assert!(
            res.cookies().all(|c| c.name() != "stolen"),
            "{next:?} injected a header"
        );
    }
    let res = app
        .post_form(
            "/login",
            &[
                ("email", "ana@example.org"),
                ("password", PASSWORD),
                ("next", "/account"),
            ],
        )
        .await;
    assert_eq!(res.headers()["location"], "/account");
}

async fn the_language_switch_never_follows_next_to_another_site(app: TestApp) {
    for next in HOSTILE_NEXTS {
        let res = app.post_form("/language", &[("lang", "en"), ("next", next)]).await;
        assert_eq!(res.status().as_u16(), 303, "{next:?}");
        assert_eq!(res.headers()["location"], "/", "{next:?}");
    }
    let res = app
        .post_form("/language", &[("lang", "en"), ("next", "/login?notice=x")])
        .await;
    assert_eq!(res.headers()["location"], "/login?notice=x");
}

both_backends!(
    sign_in_never_follows_next_to_another_site,
    the_language_switch_never_follows_next_to_another_site,
);

/// A failed sign-in with a fresh (unknown) account, so that only the
/// per-address limit can refuse it.
async fn failed_sign_in(app: &TestApp, n: usize, forwarded: &[(&str, &str)]) -> u16 {
    let token = app.csrf().await;
    let email = format!("nobody{n}@example.org");
    let mut req = app.client.post(app.url("/login")).form(&[
        ("email", email.as_str()),
        ("password", "wrong password"),
        ("csrf", token.as_str()),
    ]);
    for (name, value) in forwarded {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap().status().as_u16()
}

async fn without_trusted_proxies_x_forwarded_for_is_ignored(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.login_rate = 3).await;
    app.create_admin("ana@example.org");
    // An attacker rotating the header still comes from one address.
    for n in 0..3 {
        let spoofed = format!("203.0.113.{n}");
        assert_eq!(failed_sign_in(&app, n, &[("X-Forwarded-For", &spoofed)]).await, 401);
    }
    assert_eq!(
        failed_sign_in(&app, 3, &[("X-Forwarded-For", "203.0.113.99")]).await,
        429
    );
    assert_eq!(failed_sign_in(&app, 4, &[("Forwarded", "for=198.51.100.1")]).await, 429);
}

async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.login_rate = 3;
        c.trusted_proxies = miroir::config::TrustedProxies::parse("127.0.0.0/8").unwrap();
    })
    .await;
    app.create_admin("ana@example.org");
    let first = [("X-Forwarded-For", "203.0.113.1")];
    for n in 0..3 {
        assert_eq!(failed_sign_in(&app, n, &first).await, 401);
    }
    assert_eq!(failed_sign_in(&app, 3, &first).await, 429);
    // Another client behind the same proxy is not held back.
    assert_eq!(
        failed_sign_in(&app, 4, &[("X-Forwarded-For", "203.0.113.2")]).await,
        401
    );
    assert_eq!(failed_sign_in(&app, 5, &[("Forwarded", "for=198.51.100.7")]).await, 401);
    // A fake entry put before the proxy's own is not believed.
    assert_eq!(
        failed_sign_in(&app, 6, &[("X-Forwarded-For", "198.51.100.200, 203.0.113.1")]).await,
        429
    );
    // The API's token endpoint shares the per-address limit.
    let api = |xff: &'static str| {
        app.client
            .post(app.url("/api/v1/auth/token"))
            .header("X-Forwarded-For", xff)
            .json(&serde_json::json!({"email": "ana@example.org", "password": PASSWORD}))
            .send()
    };
    assert_eq!(api("203.0.113.1").await.unwrap().status().as_u16(), 429);
    assert_eq!(api("203.0.113.3").await.unwrap().status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_x_forwarded_for_is_ignored_sqlite() {
    without_trusted_proxies_x_forwarded_for_is_ignored(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_x_forwarded_for_is_ignored_postgres() {
    without_trusted_proxies_x_forwarded_for_is_ignored(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit_sqlite() {
    behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit_postgres() {
    behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(Backend::Postgres).await;
}

fn error_body(text: &str) -> serde_json::Value {
    let body: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|_| panic!("not JSON: {text}"));
    assert!(body["error"]["message"].is_string(), "{body}");
    assert!(body["error"]["details"].is_array(), "{body}");
    body
}

async fn oversize_bodies_answer_413_in_the_shape_of_their_route(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Banque");
    let huge_name = "x".repeat(100 * 1024);
    let res = app
        .client
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": huge_name, "sector": "banking", "default_language": "en"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let body = error_body(&res.text().await.unwrap());
    assert_eq!(body["error"]["code"], "payload_too_large");
    assert_eq!(body["error"]["message"], "What you sent is too large.");

    let mut csv = String::from("code,name\n");
    while csv.len() <= 3 * 1024 * 1024 {
        csv.push_str(&format!("T{},Team\n", csv.len()));
    }
    let res = app
        .client
        .put(app.url(&format!("/api/v1/organisations/{org}/teams")))
        .bearer_auth(&token)
        .header("Content-Type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    assert_eq!(
        error_body(&res.text().await.unwrap())["error"]["code"],
        "payload_too_large"
    );

    // A page's form: the translated error page.
    let res = app
        .client
        .post(app.url("/login?lang=fr"))
        .form(&[("email", "a@example.org"), ("password", &"p".repeat(300 * 1024))])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Ce que vous avez envoyé est trop volumineux"));
}

async fn the_api_answers_415_for_a_body_of_the_wrong_type(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Banque");
    let (campaign, _) = app.open_campaign(&org, "Vague");
    let json = r#"{"name": "Assurances", "sector": "insurance", "default_language": "en"}"#;
    let res = app
        .client
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .header("Content-Type", "text/plain")
        .body(json)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 415);
    assert_eq!(
        error_body(&res.text().await.unwrap())["error"]["code"],
        "unsupported_media_type"
    );
    for (path, method) in [
        (format!("/api/v1/organisations/{org}/teams"), reqwest::Method::PUT),
        (
            format!("/api/v1/campaigns/{campaign}/responses/import"),
            reqwest::Method::POST,
        ),
    ] {
        let res = app
            .client
            .request(method, app.url(&path))
            .bearer_auth(&token)
            .header("Content-Type", "application/json")
            .body(json)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 415, "{path}");
        assert_eq!(
            error_body(&res.text().await.unwrap())["error"]["code"],
            "unsupported_media_type"
        );
    }
    // A query actix cannot read is answered in the same JSON shape.
    let res = app
        .client
        .get(app.url(&format!("/api/v1/campaigns/{campaign}/report?team=A&team=B")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(error_body(&res.text().await.unwrap())["error"]["code"], "validation");
}

async fn an_exhausted_pool_answers_503_with_retry_after(backend: Backend) {
    let app = spawn_app_with_pool(backend, 1, Duration::from_millis(300)).await;
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    app.sign_in("root@example.org", PASSWORD).await;
    assert_eq!(app.get("/account").await.status().as_u16(), 200);

    let held = app.conn(); // the only connection
    let res = app.get("/account").await;
    assert_eq!(res.status().as_u16(), 503, "a signed-in page, not a trip to sign-in");
    assert_eq!(res.headers()["retry-after"], "5");
    assert!(res.text().await.unwrap().contains("The service is busy right now"));
    let res = new_client().get(app.url("/login")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(res.headers()["retry-after"], "5");
    let res = app
        .client
        .get(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(res.headers()["retry-after"], "5");
    assert_eq!(error_body(&res.text().await.unwrap())["error"]["code"], "unavailable");

    drop(held);
    assert_eq!(app.get("/account").await.status().as_u16(), 200);
}

async fn pages_and_api_answers_are_not_stored_by_caches(app: TestApp) {
    app.create_admin("root@example.org");
    let token = app.api_token("root@example.org").await;
    let org = app.create_org("Banque");
    let (campaign, _) = app.open_campaign(&org, "Vague");
    app.sign_in("root@example.org", PASSWORD).await;
    for path in [
        "/login".to_string(),
        "/account".to_string(),
        format!("/orgs/{org}"),
        format!("/orgs/{org}/campaigns/{campaign}/dashboard"),
        format!("/orgs/{org}/campaigns/{campaign}/audit"),
        format!("/orgs/{org}/campaigns/{campaign}/export/scores.csv"),
        format!("/orgs/{org}/campaigns/{campaign}/export/report.xlsx"),
        "/no-such-page".to_string(),
    ] {
        let res = app.get(&path).await;
        assert_eq!(res.headers()["cache-control"], "no-store", "{path} ({})", res.status());
    }
    for path in [
        format!("/api/v1/campaigns/{campaign}/report"),
        "/api/v1/organisations".to_string(),
        "/api/v1/openapi.json".to_string(),
        "/api/v1/nope".to_string(),
    ] {
        let res = app.client.get(app.url(&path)).bearer_auth(&token).send().await.unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store", "{path} ({})", res.status());
    }
    let res = app.get("/static/miroir.css").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "public, max-age=3600");
}

async fn every_page_links_the_favicon(app: TestApp) {
    app.create_admin("root@example.org");
    for path in ["/login", "/no-such-page"] {
        let (_, html) = app.get_text(path).await;
        assert!(
            html.contains(r#"<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">"#),
            "the layout links the icon: {path}"
        );
    }
    let res = app.get("/static/favicon.svg").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    let svg = res.text().await.unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
}

async fn strict_transport_security_comes_with_secure_cookies(backend: Backend) {
    let plain = spawn_app(backend).await;
    assert!(plain
        .get("/login")
        .await
        .headers()
        .get("strict-transport-security")
        .is_none());
    let https = spawn_app_with(backend, |c| c.secure_cookies = true).await;
    for path in ["/login", "/static/miroir.css", "/api/v1/openapi.json"] {
        let res = https.get(path).await;
        assert_eq!(
            res.headers()["strict-transport-security"],
            "max-age=63072000; includeSubDomains",
            "{path}"
        );
    }
}

async fn the_openapi_document_declares_the_edge_statuses(app: TestApp) {
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let responses = |path: &str, method: &str| doc["paths"][path][method]["responses"].clone();
    let statuses = |path: &str, method: &str| -> Vec<String> {
        responses(path, method)
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path}"))
            .keys()
            .cloned()
            .collect()
    };
    for (path, method) in [
        ("/api/v1/auth/token", "post"),
        ("/api/v1/organisations", "post"),
        ("/api/v1/organisations/{org}/teams", "put"),
        ("/api/v1/organisations/{org}/campaigns", "post"),
        ("/api/v1/campaigns/{c}/invitations", "post"),
        ("/api/v1/campaigns/{c}/responses/import", "post"),
    ] {
        let have = statuses(path, method);
        for status in ["413", "415", "422", "503"] {
            assert!(have.contains(&status.to_string()), "{method} {path}: {have:?}");
        }
    }
    assert!(statuses("/api/v1/auth/token", "post").contains(&"429".to_string()));
    let report = statuses("/api/v1/campaigns/{c}/report", "get");
    assert!(report.contains(&"422".to_string()) && report.contains(&"503".to_string()));
    assert!(!statuses("/api/v1/items", "get").contains(&"503".to_string()));
    let busy = responses("/api/v1/organisations", "get")["503"].clone();
    assert!(busy["headers"]["Retry-After"].is_object(), "{busy}");
    assert_eq!(
        busy["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}

both_backends!(
    every_page_links_the_favicon,
    oversize_bodies_answer_413_in_the_shape_of_their_route,
    the_api_answers_415_for_a_body_of_the_wrong_type,
    pages_and_api_answers_are_not_stored_by_caches,
    the_openapi_document_declares_the_edge_statuses,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exhausted_pool_answers_503_with_retry_after_sqlite() {
    an_exhausted_pool_answers_503_with_retry_after(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exhausted_pool_answers_503_with_retry_after_postgres() {
    an_exhausted_pool_answers_503_with_retry_after(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strict_transport_security_comes_with_secure_cookies_sqlite() {
    strict_transport_security_comes_with_secure_cookies(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strict_transport_security_comes_with_secure_cookies_postgres() {
    strict_transport_security_comes_with_secure_cookies(Backend::Postgres).await;
}

//! The HTTP edge: redirects after sign-in, client addresses behind proxies,
//! body limits, content types, cache and transport headers, an exhausted
//! database pool.

use crate::both_backends;
use crate::helpers::{spawn_app_with, Backend, TestApp, PASSWORD};

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

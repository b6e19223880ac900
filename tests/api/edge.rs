//! The HTTP edge: redirects after sign-in, client addresses behind proxies,
//! body limits, content types, cache and transport headers, an exhausted
//! database pool.

use crate::both_backends;
use crate::helpers::{TestApp, PASSWORD};

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

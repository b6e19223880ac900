//! Sign-in, sign-out, revocation, CSRF, rate limits, first-run setup.

use crate::both_backends;
use crate::helpers::{input_value, new_client, spawn_app_with, Backend, TestApp, PASSWORD};

async fn signing_in_and_out_works_and_logout_revokes_the_token(app: TestApp) {
    app.create_admin("ana@example.org");
    let res = app.sign_in("Ana@Example.org", PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303);
    let cookie = res
        .cookies()
        .find(|c| c.name() == "miroir_session")
        .expect("session cookie");
    assert!(cookie.http_only());
    let stolen = cookie.value().to_string();

    let (status, html) = app.get_text("/account").await;
    assert_eq!(status, 200);
    assert!(html.contains("ana@example.org"));

    assert_eq!(app.post_form("/logout", &[]).await.status().as_u16(), 303);
    assert_eq!(app.get("/account").await.status().as_u16(), 303, "signed out");

    // The token taken before logout no longer opens anything.
    let thief = new_client();
    let res = thief
        .get(app.url("/account"))
        .header("Cookie", format!("miroir_session={stolen}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert!(res.headers()["location"].to_str().unwrap().starts_with("/login"));
}

async fn wrong_password_and_unknown_email_get_the_same_answer(app: TestApp) {
    app.create_admin("ana@example.org");
    let wrong = app.sign_in("ana@example.org", "not the password").await;
    let status_wrong = wrong.status().as_u16();
    let body_wrong = wrong.text().await.unwrap();
    let unknown = app.sign_in("nobody@example.org", "not the password").await;
    let status_unknown = unknown.status().as_u16();
    let body_unknown = unknown.text().await.unwrap();
    assert_eq!((status_wrong, status_unknown), (401, 401));
    assert!(body_wrong.contains("Wrong e-mail address or password"));
    assert!(body_unknown.contains("Wrong e-mail address or password"));
    // What was typed is kept, the password is not echoed.
    assert_eq!(
        input_value(&body_unknown, "email").as_deref(),
        Some("nobody@example.org")
    );
    assert!(!body_wrong.contains("not the password"));
}

async fn a_password_change_revokes_existing_sessions(app: TestApp) {
    app.create_admin("ana@example.org");
    app.sign_in("ana@example.org", PASSWORD).await;
    let other_device = app.as_user("ana@example.org").await;
    assert_eq!(other_device.get("/account").await.status().as_u16(), 200);

    let refused = app
        .post_form(
            "/account/password",
            &[
                ("current_password", "wrong one!!"),
                ("new_password", "a brand new secret"),
            ],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("The current password is not correct"));

    let res = app
        .post_form(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", "a brand new secret")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        other_device.get("/account").await.status().as_u16(),
        303,
        "old session revoked"
    );
    assert_eq!(
        app.sign_in("ana@example.org", "a brand new secret")
            .await
            .status()
            .as_u16(),
        303
    );
}

async fn forms_without_a_valid_csrf_token_are_refused(app: TestApp) {
    app.create_admin("ana@example.org");
    app.csrf().await; // the client now holds a CSRF cookie
    let forged = app
        .client
        .post(app.url("/login"))
        .form(&[("email", "ana@example.org"), ("password", PASSWORD), ("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 403);
    assert!(forged.text().await.unwrap().contains("This form has expired"));
    // A token lifted from another browser does not match this cookie.
    let other = app.as_user("ana@example.org").await;
    let foreign_token = other.csrf().await;
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("email", "ana@example.org"),
            ("password", PASSWORD),
            ("csrf", foreign_token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
}

async fn security_headers_are_on_every_response(app: TestApp) {
    for path in ["/login", "/healthz", "/nope", "/api/v1/openapi.json"] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "same-origin");
    }
}

async fn setup_creates_the_first_admin_then_closes(app: TestApp) {
    let token = app
        .setup_token
        .clone()
        .expect("a set-up token while no administrator exists");
    assert_eq!(app.get("/login").await.headers()["location"], "/setup");
    let (status, html) = app.get_text(&format!("/setup?token={token}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Create the first administrator"));
    assert_eq!(input_value(&html, "token").as_deref(), Some(token.as_str()));
    let short = app
        .post_form(
            "/setup",
            &[
                ("token", &token),
                ("email", "root@example.org"),
                ("display_name", "Root"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(short.status().as_u16(), 422);
    let html = short.text().await.unwrap();
    assert!(html.contains("at least 10 characters"));
    assert_eq!(input_value(&html, "email").as_deref(), Some("root@example.org"));

    let res = app
        .post_form(
            "/setup",
            &[
                ("token", &token),
                ("email", "root@example.org"),
                ("display_name", "Root"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.get("/setup").await.status().as_u16(), 404);
    let again = app
        .post_form(
            "/setup",
            &[
                ("token", &token),
                ("email", "evil@example.org"),
                ("display_name", "Evil"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status().as_u16(), 404);
    assert_eq!(app.sign_in("root@example.org", PASSWORD).await.status().as_u16(), 303);
    assert_eq!(app.get("/admin/users").await.status().as_u16(), 200);
}

async fn pages_follow_the_language_order(app: TestApp) {
    app.create_admin("ana@example.org");
    let fr = app
        .client
        .get(app.url("/login"))
        .header("Accept-Language", "fr-FR,fr;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(fr.text().await.unwrap().contains("Connexion"));
    let (_, en) = app.get_text("/login?lang=en").await;
    assert!(en.contains("Sign in"));
    // The switch remembers the choice for the signed-in user.
    app.sign_in("ana@example.org", PASSWORD).await;
    let res = app
        .post_form("/language", &[("lang", "fr"), ("next", "/account")])
        .await;
    assert_eq!(res.headers()["location"], "/account");
    let fresh = app.as_user("ana@example.org").await;
    let (_, html) = fresh.get_text("/account").await;
    assert!(html.contains("Mon compte"), "preference stored on the account");
}

async fn reset_links_work_once(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque Exemple");
    app.member(&org, "dir@example.org", miroir::auth::policy::Role::Director, "");
    let user_id = {
        let mut conn = app.conn();
        miroir::db::models::user::find_by_email(&mut conn, "dir@example.org")
            .unwrap()
            .unwrap()
            .id
    };
    app.sign_in("root@example.org", PASSWORD).await;
    let res = app.post_form(&format!("/admin/users/{user_id}/reset"), &[]).await;
    let html = res.text().await.unwrap();
    let start = html.find("/reset/").expect("a reset link");
    let link: String = html[start..].chars().take_while(|c| *c != '<').collect();
    let visitor = app.as_user("root@example.org").await;
    assert_eq!(visitor.get(&link).await.status().as_u16(), 200);
    assert_eq!(
        visitor
            .post_form(&link, &[("new_password", "chosen by the director")])
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(visitor.get(&link).await.status().as_u16(), 404, "single use");
    assert_eq!(
        app.sign_in("dir@example.org", "chosen by the director")
            .await
            .status()
            .as_u16(),
        303
    );
}

both_backends!(
    signing_in_and_out_works_and_logout_revokes_the_token,
    wrong_password_and_unknown_email_get_the_same_answer,
    a_password_change_revokes_existing_sessions,
    forms_without_a_valid_csrf_token_are_refused,
    security_headers_are_on_every_response,
    setup_creates_the_first_admin_then_closes,
    pages_follow_the_language_order,
    reset_links_work_once,
);

async fn sign_in_is_rate_limited(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.login_rate = 3).await;
    app.create_admin("ana@example.org");
    for _ in 0..3 {
        assert_eq!(
            app.sign_in("ana@example.org", "wrong password").await.status().as_u16(),
            401
        );
    }
    let limited = app.sign_in("ana@example.org", PASSWORD).await;
    assert_eq!(limited.status().as_u16(), 429, "even the right password waits");
    assert!(limited.text().await.unwrap().contains("Too many attempts"));
    let api = app
        .client
        .post(app.url("/api/v1/auth/token"))
        .json(&serde_json::json!({"email": "ana@example.org", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status().as_u16(), 429);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_is_rate_limited_sqlite() {
    sign_in_is_rate_limited(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_is_rate_limited_postgres() {
    sign_in_is_rate_limited(Backend::Postgres).await;
}

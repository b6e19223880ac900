//! "Forgot your password?" on the sign-in page: with e-mail configured, a
//! single-use link goes to the account's address (the answer is the same
//! for an address without an account); without, "ask your administrator".

use crate::helpers::{spawn_app, spawn_app_with, Backend, SmtpSink, TestApp, PASSWORD};

fn link_in(message: &str) -> String {
    message
        .lines()
        .find(|l| l.contains("/reset/"))
        .expect("a link in the e-mail")
        .trim()
        .to_string()
}

async fn location(app: &TestApp, email: &str) -> (u16, String) {
    let res = app.post_form("/login/forgot", &[("email", email)]).await;
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location)
}

async fn a_forgotten_password_is_reset_by_email(backend: Backend) {
    let sink = SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let app = spawn_app_with(backend, |c| c.smtp_url = Some(miroir::auth::Secret::new(url))).await;
    app.create_admin("ana@example.org");

    let (_, login) = app.get_text("/login?lang=en").await;
    assert!(
        login.contains("href=\"/login/forgot\""),
        "the sign-in page offers the path"
    );
    let (status, html) = app.get_text("/login/forgot?lang=en").await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"email\""), "a form asks the address");
    assert!(!html.contains("ask your administrator"));

    // An address with an account and one without get the same answer.
    let known = location(&app, "Ana@Example.org").await;
    let unknown = location(&app, "nobody@example.org").await;
    assert_eq!(known, (303, "/login?notice=notice-reset-sent".to_string()));
    assert_eq!(unknown, known);
    let messages = sink.messages.lock().unwrap().clone();
    assert_eq!(messages.len(), 1, "one e-mail, to the account only");
    assert!(messages[0].contains("To: ana@example.org"), "{}", messages[0]);
    let (_, notice) = app.get_text("/login?notice=notice-reset-sent&lang=en").await;
    assert!(notice.contains("If an account uses this address"));

    // A malformed address is refused where it was typed.
    let (status, html) = {
        let res = app.post_form("/login/forgot", &[("email", "not an address")]).await;
        (res.status().as_u16(), res.text().await.unwrap())
    };
    assert_eq!(status, 422);
    assert!(html.contains("aria-invalid=\"true\""));

    // The link is the usual single-use reset link.
    let link = link_in(&messages[0]);
    let path = &link[link.find("/reset/").unwrap()..];
    let (status, _) = app.get_text(path).await;
    assert_eq!(status, 200, "{link}");
    let new = "a brand new passphrase for ana";
    let res = app.post_form(path, &[("new_password", new)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let other = app.anonymous();
    assert_eq!(other.sign_in("ana@example.org", PASSWORD).await.status().as_u16(), 401);
    assert_eq!(other.sign_in("ana@example.org", new).await.status().as_u16(), 303);
    let (status, _) = app.get_text(path).await;
    assert_eq!(status, 404, "used up");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_by_email_sqlite() {
    a_forgotten_password_is_reset_by_email(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_by_email_postgres() {
    a_forgotten_password_is_reset_by_email(Backend::Postgres).await;
}

async fn asking_for_links_is_rate_limited_like_sign_in(backend: Backend) {
    let sink = SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    let app = spawn_app_with(backend, |c| {
        c.smtp_url = Some(miroir::auth::Secret::new(url));
        c.login_rate = 2;
    })
    .await;
    app.create_admin("ana@example.org");
    for _ in 0..2 {
        assert_eq!(location(&app, "ana@example.org").await.0, 303);
    }
    let res = app.post_form("/login/forgot", &[("email", "ana@example.org")]).await;
    assert_eq!(res.status().as_u16(), 429);
    assert_eq!(sink.messages.lock().unwrap().len(), 2, "no e-mail past the limit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_for_links_is_rate_limited_like_sign_in_sqlite() {
    asking_for_links_is_rate_limited_like_sign_in(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_for_links_is_rate_limited_like_sign_in_postgres() {
    asking_for_links_is_rate_limited_like_sign_in(Backend::Postgres).await;
}

async fn without_email_the_page_says_to_ask_the_administrator(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_admin("ana@example.org");
    for (lang, text) in [
        ("en", "ask your administrator"),
        ("fr", "demandez à votre administrateur"),
    ] {
        let (status, html) = app.get_text(&format!("/login/forgot?lang={lang}")).await;
        assert_eq!(status, 200);
        assert!(html.contains(text), "{lang}");
        assert!(!html.contains("name=\"email\""), "no form without e-mail");
    }
    let res = app.post_form("/login/forgot", &[("email", "ana@example.org")]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("administr"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_email_the_page_says_to_ask_the_administrator_sqlite() {
    without_email_the_page_says_to_ask_the_administrator(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_email_the_page_says_to_ask_the_administrator_postgres() {
    without_email_the_page_says_to_ask_the_administrator(Backend::Postgres).await;
}

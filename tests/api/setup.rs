//! The first administrator: `/setup` takes the one-time token printed at
//! start, whoever asks, and closes for good once an administrator exists.

use crate::both_backends;
use crate::helpers::{TestApp, PASSWORD};

fn admins(app: &TestApp) -> i64 {
    miroir::db::models::user::count_admins(&mut app.conn()).unwrap()
}

fn pending_tokens(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    use miroir::db::schema::app_settings;
    app_settings::table
        .filter(app_settings::key.like("setup-token:%"))
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

async fn setup(app: &TestApp, token: Option<&str>, email: &str) -> (u16, String) {
    let mut fields = vec![("email", email), ("display_name", "Root"), ("password", PASSWORD)];
    if let Some(token) = token {
        fields.push(("token", token));
    }
    let res = app.post_form("/setup", &fields).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn setup_refuses_a_missing_or_wrong_token_from_any_address(app: TestApp) {
    let token = app.setup_token.clone().unwrap();
    // The test client is on the loopback: being local opens nothing.
    let (status, html) = setup(&app, None, "evil@example.org").await;
    assert_eq!(status, 403);
    assert!(html.contains("This set-up token is not valid"), "{html}");
    let (status, _) = setup(&app, Some("guessed-token"), "evil@example.org").await;
    assert_eq!(status, 403);
    let (status, _) = setup(&app, Some(&format!("{token}x")), "evil@example.org").await;
    assert_eq!(status, 403);
    // Through a proxy on the same host, with forwarded headers: the same.
    let res = app
        .client
        .post(app.url("/setup"))
        .header("X-Forwarded-For", "127.0.0.1")
        .form(&[
            ("csrf", app.csrf().await.as_str()),
            ("email", "evil@example.org"),
            ("display_name", "Evil"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(admins(&app), 0, "no administrator without the token");

    // French readers get the refusal in French.
    let res = app
        .client
        .post(app.url("/setup?lang=fr"))
        .form(&[("csrf", app.csrf().await.as_str()), ("token", "nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("jeton d’installation n’est pas valable"));

    let (status, _) = setup(&app, Some(&token), "root@example.org").await;
    assert_eq!(status, 303);
    assert_eq!(admins(&app), 1);
}

async fn the_token_is_erased_once_an_administrator_exists(app: TestApp) {
    let token = app.setup_token.clone().unwrap();
    assert_eq!(pending_tokens(&app), 1, "only its hash is stored");
    {
        use diesel::prelude::*;
        use miroir::db::schema::app_settings;
        let rows: Vec<(String, String)> = app_settings::table.load(&mut app.conn()).unwrap();
        assert!(
            rows.iter().all(|(k, v)| !k.contains(&token) && !v.contains(&token)),
            "the token itself is not stored"
        );
    }
    let (status, _) = setup(&app, Some(&token), "root@example.org").await;
    assert_eq!(status, 303);
    assert_eq!(pending_tokens(&app), 0);
    // The page is closed, the same token opens nothing any more.
    assert_eq!(app.get(&format!("/setup?token={token}")).await.status().as_u16(), 404);
    let (status, _) = setup(&app, Some(&token), "second@example.org").await;
    assert_eq!(status, 404);
    assert_eq!(admins(&app), 1);
    // A restart issues no new token.
    let mut conn = app.conn();
    assert_eq!(miroir::domain::accounts::issue_setup_token(&mut conn).unwrap(), None);
}

async fn tokens_of_every_instance_work_until_an_admin_is_made_elsewhere(app: TestApp) {
    // A second instance on the same database prints its own token.
    let other = miroir::domain::accounts::issue_setup_token(&mut app.conn())
        .unwrap()
        .expect("a token for the second instance");
    assert_ne!(Some(&other), app.setup_token.as_ref());
    assert!(miroir::domain::accounts::setup_token_valid(&mut app.conn(), &other).unwrap());
    assert_eq!(pending_tokens(&app), 2);
    // `miroir admin create` closes the page and erases every token.
    app.create_admin("cli@example.org");
    assert_eq!(pending_tokens(&app), 0);
    let (status, _) = setup(&app, Some(&other), "root@example.org").await;
    assert_eq!(status, 404);
}

both_backends!(
    setup_refuses_a_missing_or_wrong_token_from_any_address,
    the_token_is_erased_once_an_administrator_exists,
    tokens_of_every_instance_work_until_an_admin_is_made_elsewhere,
);

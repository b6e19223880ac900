//! One's own data (GDPR): the account page offers a download of everything
//! held about the person and the deletion of the account, which asks for
//! the password, keeps what was counted in results but unlinks it, and
//! never removes the last platform administrator.

use diesel::prelude::*;
use miroir::auth::policy::Role;
use miroir::db::schema::{action_events, memberships, responses, team_managers, users};

use crate::both_backends;
use crate::helpers::{dedup, fill_survey, TestApp, PASSWORD};

async fn world(app: &TestApp) -> (String, String, String) {
    app.create_admin("root@example.org");
    let org = app.create_org("Banque");
    app.import_teams(&org, "code,name,parent_code,headcount\nA1,Agence 1,,6\n");
    app.member(&org, "manager@example.org", Role::Manager, "A1");
    let (campaign, _) = app.open_campaign(&org, "Vague 1");
    let a1 = app.team_id(&org, "A1");
    (org, campaign, a1)
}

fn user_id(app: &TestApp, email: &str) -> Option<String> {
    users::table
        .filter(users::email.eq(email))
        .select(users::id)
        .first(&mut app.conn())
        .optional()
        .unwrap()
}

async fn one_s_own_data_is_downloaded_and_the_account_deleted(app: TestApp) {
    let (org, campaign, a1) = world(&app).await;
    let manager = app.as_user("manager@example.org").await;
    // A signed self-assessment.
    let path = format!("/orgs/{org}/campaigns/{campaign}/self/{a1}");
    let (_, html) = manager.get_text(&path).await;
    let pick = |_: &str, values: &[String]| values.iter().find(|v| *v == "7").cloned();
    let res = manager
        .client
        .post(manager.url(&path))
        .form(&dedup(fill_survey(&html, pick)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let id = user_id(&app, "manager@example.org").unwrap();
    // An entry of the action plan's history written under the name.
    {
        let mut conn = app.conn();
        diesel::sql_query(format!(
            "INSERT INTO actions (id, organisation_id, campaign_id, team_id, point, owner, status, created_at) \
             VALUES ('act-1', '{org}', '{campaign}', '{a1}', 'exemplarity', 'Nicolas', 'planned', CURRENT_TIMESTAMP)"
        ))
        .execute(&mut conn)
        .unwrap();
        diesel::sql_query(
            "INSERT INTO action_events (id, action_id, at, author, status, note) \
             VALUES ('ev-1', 'act-1', CURRENT_TIMESTAMP, 'manager@example.org', 'planned', 'started')",
        )
        .execute(&mut conn)
        .unwrap();
    }

    // The page offers both, in French and English.
    let (status, page) = manager.get_text("/account?lang=en").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/account/export\""), "a download link");
    assert!(page.contains("action=\"/account/delete#delete\""), "a deletion form");
    let (_, page) = manager.get_text("/account?lang=fr").await;
    assert!(page.contains("Télécharger mes données"));

    // The download: a JSON file with the account, the roles, the team,
    // the self-assessment's answers and the history entry.
    let res = manager.get("/account/export").await;
    assert_eq!(res.status().as_u16(), 200);
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"miroir-account-"),
        "{disposition}"
    );
    let data: serde_json::Value = res.json().await.unwrap();
    assert_eq!(data["account"]["email"], "manager@example.org");
    assert_eq!(data["organisations"][0]["organisation"], "Banque");
    assert_eq!(data["organisations"][0]["role"], "manager");
    assert_eq!(data["managed_teams"][0]["code"], "A1");
    let assessment = &data["self_assessments"][0];
    assert_eq!(assessment["campaign"], "Vague 1");
    assert_eq!(assessment["population"], "manager");
    assert_eq!(assessment["answers"]["listening.me.1"], 7);
    assert_eq!(data["action_history"][0]["note"], "started");
    assert!(
        data["notifications"].as_array().is_some_and(|n| n.len() >= 3),
        "the e-mails one receives: {}",
        data["notifications"]
    );
    assert!(data.to_string().find("password").is_none(), "no password hash");
    // Someone else's download is their own.
    let other = app.as_user("root@example.org").await;
    let theirs: serde_json::Value = other.get("/account/export").await.json().await.unwrap();
    assert_eq!(theirs["account"]["email"], "root@example.org");
    assert_eq!(theirs["self_assessments"].as_array().unwrap().len(), 0);
    // Signed out, nothing.
    assert_eq!(app.anonymous().get("/account/export").await.status().as_u16(), 303);

    // A wrong password refuses, says why, and deletes nothing.
    let res = manager
        .post_form("/account/delete?lang=en", &[("password", "not my password")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"delete-error\""), "{html}");
    assert!(user_id(&app, "manager@example.org").is_some());

    // The right one deletes the account and signs out.
    let histogram = app.histogram(&campaign, &a1, "manager", "listening.me.1", 7);
    assert_eq!(histogram, 1);
    let res = manager.post_form("/account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/login?notice=notice-account-deleted"
    );
    assert!(user_id(&app, "manager@example.org").is_none());
    let mut conn = app.conn();
    let left: i64 = memberships::table
        .filter(memberships::user_id.eq(&id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0, "memberships gone");
    let left: i64 = team_managers::table
        .filter(team_managers::user_id.eq(&id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0, "team assignments gone");
    let kept: Vec<Option<String>> = responses::table
        .filter(responses::campaign_id.eq(&campaign))
        .select(responses::author_id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(kept, vec![None], "the self-assessment stays, unlinked");
    assert_eq!(
        app.histogram(&campaign, &a1, "manager", "listening.me.1", 7),
        1,
        "what was counted stays counted"
    );
    let authors: Vec<String> = action_events::table
        .select(action_events::author)
        .load(&mut conn)
        .unwrap();
    assert_eq!(authors, vec![String::new()], "the name leaves the history");
    assert_eq!(
        app.anonymous()
            .sign_in("manager@example.org", PASSWORD)
            .await
            .status()
            .as_u16(),
        401
    );
    let (_, login) = app.get_text("/login?notice=notice-account-deleted&lang=en").await;
    assert!(login.contains("Your account has been deleted."));
}

async fn the_last_platform_administrator_cannot_leave(app: TestApp) {
    app.create_admin("root@example.org");
    let root = app.as_user("root@example.org").await;
    let res = root
        .post_form("/account/delete?lang=en", &[("password", PASSWORD)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("only platform administrator"));
    assert!(user_id(&app, "root@example.org").is_some());
}

both_backends!(
    one_s_own_data_is_downloaded_and_the_account_deleted,
    the_last_platform_administrator_cannot_leave,
);

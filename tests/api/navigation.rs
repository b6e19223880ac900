//! Where a sign-in lands: each person where their work is, unless the
//! sign-in came from a link (a safe `next`).

use miroir::auth::policy::Role;

use crate::helpers::{spawn_app_with, Backend, TestApp, PASSWORD};

async fn landing(app: &TestApp, email: &str, next: Option<&str>) -> String {
    let client = app.anonymous();
    let res = match next {
        Some(n) => {
            client
                .post_form("/login", &[("email", email), ("password", PASSWORD), ("next", n)])
                .await
        }
        None => client.sign_in(email, PASSWORD).await,
    };
    assert_eq!(res.status().as_u16(), 303, "sign-in of {email}");
    res.headers()["location"].to_str().expect("location").to_string()
}

/// The application with room for the many sign-ins of one test.
async fn spawn(backend: Backend) -> TestApp {
    spawn_app_with(backend, |c| c.login_rate = 1000).await
}

async fn each_role_lands_where_their_work_is(backend: Backend) {
    let app = spawn(backend).await;
    app.create_admin("admin@example.org");
    let org = app.create_org("Banque");
    app.import_teams(
        &org,
        "code,name,parent_code,headcount\nA,Agence A,,10\nB,Agence B,,10\n",
    );
    app.member(&org, "dir@example.org", Role::Director, "");
    app.member(&org, "one@example.org", Role::Manager, "A");
    app.member(&org, "two@example.org", Role::Manager, "A B");
    app.member(&org, "cons@example.org", Role::Consultant, "");
    {
        let mut conn = app.conn();
        let u = miroir::db::models::user::find_by_email(&mut conn, "cons@example.org")
            .unwrap()
            .expect("consultant");
        miroir::domain::accounts::set_consultant(&mut conn, &app.admin_principal(), &u.id, true).expect("consultant");
    }

    // Nothing published yet: the director lands on the organisation.
    assert_eq!(landing(&app, "dir@example.org", None).await, format!("/orgs/{org}"));
    assert_eq!(landing(&app, "one@example.org", None).await, "/");

    // A closed wave: its dashboard, and the manager's team results.
    let (cid, _) = app.open_campaign(&org, "Vague 1");
    miroir::domain::campaigns::transition(&mut app.conn(), &app.admin_principal(), &cid, "close").expect("close");
    assert_eq!(
        landing(&app, "dir@example.org", None).await,
        format!("/orgs/{org}/campaigns/{cid}/dashboard")
    );
    assert_eq!(
        landing(&app, "one@example.org", None).await,
        format!("/orgs/{org}/campaigns/{cid}/teams/A")
    );
    // Several teams: the start page, which lists them to choose from.
    assert_eq!(landing(&app, "two@example.org", None).await, "/");
    let two = app.as_user("two@example.org").await;
    let (status, html) = two.get_text("/").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("/orgs/{org}/campaigns/{cid}/teams/A\"")),
        "{html}"
    );
    assert!(
        html.contains(&format!("/orgs/{org}/campaigns/{cid}/teams/B\"")),
        "{html}"
    );
    assert_eq!(landing(&app, "cons@example.org", None).await, "/portfolio");
    assert_eq!(landing(&app, "admin@example.org", None).await, "/");

    // Each landing page answers.
    for email in ["dir@example.org", "one@example.org", "cons@example.org"] {
        let target = landing(&app, email, None).await;
        let (status, _) = app.as_user(email).await.get_text(&target).await;
        assert_eq!(status, 200, "{email} at {target}");
    }

    // A sign-in from a link goes back to the link; an unsafe one does not.
    assert_eq!(
        landing(&app, "dir@example.org", Some(&format!("/orgs/{org}/actions"))).await,
        format!("/orgs/{org}/actions")
    );
    assert_eq!(
        landing(&app, "dir@example.org", Some("//evil.example/x")).await,
        format!("/orgs/{org}/campaigns/{cid}/dashboard")
    );
}

// Both databases, as `both_backends!` does, with a looser sign-in limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_lands_where_their_work_is_sqlite() {
    each_role_lands_where_their_work_is(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_lands_where_their_work_is_postgres() {
    each_role_lands_where_their_work_is(Backend::Postgres).await;
}

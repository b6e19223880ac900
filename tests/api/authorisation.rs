//! The authorisation matrix: every route × every role × own or other
//! organisation, with the status each cell must answer.

use miroir::auth::policy::Role;

use crate::helpers::{spawn_app_with, Backend, TestApp};

/// Who asks. `Other` is a director of another organisation.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Anonymous,
    Admin,
    Consultant,
    Director,
    Manager,
    Viewer,
    Other,
}

const EVERYONE: [Who; 7] = [
    Who::Anonymous,
    Who::Admin,
    Who::Consultant,
    Who::Director,
    Who::Manager,
    Who::Viewer,
    Who::Other,
];

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Who::Anonymous => None,
            Who::Admin => Some("root@example.org"),
            Who::Consultant => Some("consultant@example.org"),
            Who::Director => Some("director@example.org"),
            Who::Manager => Some("manager@example.org"),
            Who::Viewer => Some("viewer@example.org"),
            Who::Other => Some("other@example.org"),
        }
    }
}

/// The expected status of each route for [Anonymous, Admin, Consultant,
/// Director, Manager, Viewer, Other]. Pages send the anonymous to sign in
/// (303); the API answers 401. `{org}` is the organisation the members
/// belong to, `{mine}` the manager's team, `{theirs}` a team they don't
/// manage.
const PAGES: &[(&str, [u16; 7])] = &[
    ("/", [303, 200, 200, 200, 200, 200, 200]),
    ("/orgs/new", [303, 200, 200, 403, 403, 403, 403]),
    ("/admin/users", [303, 200, 403, 403, 403, 403, 403]),
    ("/portfolio", [303, 200, 200, 403, 403, 403, 403]),
    ("/orgs/{org}", [303, 200, 200, 200, 200, 200, 404]),
    ("/orgs/{org}/edit", [303, 200, 200, 200, 403, 403, 404]),
    ("/orgs/{org}/delete", [303, 200, 200, 403, 403, 403, 404]),
    ("/orgs/{org}/members", [303, 200, 200, 200, 200, 200, 404]),
    ("/orgs/{org}/teams/new", [303, 200, 200, 200, 403, 403, 404]),
    ("/orgs/{org}/teams/import", [303, 200, 200, 200, 403, 403, 404]),
    ("/orgs/{org}/teams/{mine}", [303, 200, 200, 200, 200, 200, 404]),
    ("/orgs/{org}/teams/{mine_child}", [303, 200, 200, 200, 200, 200, 404]),
    ("/orgs/{org}/teams/{theirs}", [303, 200, 200, 200, 403, 200, 404]),
    ("/orgs/{org}/teams/{mine}/edit", [303, 200, 200, 200, 403, 403, 404]),
    ("/orgs/{other_org}", [303, 200, 404, 404, 404, 404, 200]),
    (
        "/orgs/{other_org}/teams/{other_team}",
        [303, 200, 404, 404, 404, 404, 200],
    ),
    ("/orgs/{org}/teams/{other_team}", [303, 404, 404, 404, 404, 404, 404]),
];

const API: &[(&str, &str, [u16; 7])] = &[
    ("GET", "/api/v1/organisations", [401, 200, 200, 200, 200, 200, 200]),
    (
        "GET",
        "/api/v1/organisations/{org}",
        [401, 200, 200, 200, 200, 200, 404],
    ),
    (
        "GET",
        "/api/v1/organisations/{org}/teams",
        [401, 200, 200, 200, 200, 200, 404],
    ),
    (
        "PUT",
        "/api/v1/organisations/{org}/teams",
        [401, 200, 200, 200, 403, 403, 404],
    ),
    (
        "GET",
        "/api/v1/organisations/{other_org}",
        [401, 200, 404, 404, 404, 404, 200],
    ),
];

/// State-changing forms: expected status of a POST with a valid CSRF token
/// (the bodies are harmless or invalid on purpose, so cells do not disturb
/// each other: 422 means "allowed in, input refused").
const FORMS: &[(&str, [u16; 7])] = &[
    ("/orgs/{org}/edit", [303, 422, 422, 422, 403, 403, 404]),
    ("/orgs/{org}/delete", [303, 422, 422, 403, 403, 403, 404]),
    ("/orgs/{org}/teams", [303, 422, 422, 422, 403, 403, 404]),
    ("/orgs/{org}/members", [303, 422, 422, 422, 403, 403, 404]),
    ("/admin/users", [303, 422, 403, 403, 403, 403, 403]),
];

struct Ids {
    org: String,
    other_org: String,
    mine: String,
    mine_child: String,
    theirs: String,
    other_team: String,
}

fn fill(path: &str, ids: &Ids) -> String {
    path.replace("{org}", &ids.org)
        .replace("{other_org}", &ids.other_org)
        .replace("{mine_child}", &ids.mine_child)
        .replace("{mine}", &ids.mine)
        .replace("{theirs}", &ids.theirs)
        .replace("{other_team}", &ids.other_team)
}

async fn every_route_answers_each_role_as_the_policy_says(app: TestApp) {
    app.create_admin("root@example.org");
    let org = app.create_org("Client");
    let other_org = app.create_org("Another client");
    app.import_teams(
        &org,
        "code,name,parent_code\nR1,Region 1,\nB1,Branch 1,R1\nR2,Region 2,\n",
    );
    app.import_teams(&other_org, "code,name\nX1,Elsewhere\n");
    app.member(&org, "consultant@example.org", Role::Consultant, "");
    app.member(&org, "director@example.org", Role::Director, "");
    app.member(&org, "manager@example.org", Role::Manager, "R1");
    app.member(&org, "viewer@example.org", Role::Viewer, "");
    app.member(&other_org, "other@example.org", Role::Director, "");
    let ids = Ids {
        mine: app.team_id(&org, "R1"),
        mine_child: app.team_id(&org, "B1"),
        theirs: app.team_id(&org, "R2"),
        other_team: app.team_id(&other_org, "X1"),
        org,
        other_org,
    };

    let mut failures = Vec::new();
    for (column, who) in EVERYONE.iter().enumerate() {
        let client = match who.email() {
            Some(email) => app.as_user(email).await,
            None => app.as_user("root@example.org").await.signed_out().await,
        };
        let token = match who.email() {
            Some(email) => Some(app.api_token(email).await),
            None => None,
        };
        for (path, expected) in PAGES {
            let url = fill(path, &ids);
            let got = client.get(&url).await.status().as_u16();
            if got != expected[column] {
                failures.push(format!(
                    "GET {path} as {who:?}: expected {}, got {got}",
                    expected[column]
                ));
            }
        }
        for (path, expected) in FORMS {
            let url = fill(path, &ids);
            let got = client.post_form(&url, &[("name", "")]).await.status().as_u16();
            if got != expected[column] {
                failures.push(format!(
                    "POST {path} as {who:?}: expected {}, got {got}",
                    expected[column]
                ));
            }
        }
        for (method, path, expected) in API {
            let url = app.url(&fill(path, &ids));
            let mut request = match *method {
                "PUT" => app
                    .client
                    .put(url)
                    .header("Content-Type", "text/csv")
                    .body("code,name\nR2,Region 2\n"),
                _ => app.client.get(url),
            };
            if let Some(token) = &token {
                request = request.bearer_auth(token);
            }
            let got = request.send().await.unwrap().status().as_u16();
            if got != expected[column] {
                failures.push(format!(
                    "{method} {path} as {who:?}: expected {}, got {got}",
                    expected[column]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation matrix differs:\n{}",
        failures.join("\n")
    );
}

// Many sign-ins from one address: the login limiter is opened wide here.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_sqlite() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.login_rate = 1000).await;
    every_route_answers_each_role_as_the_policy_says(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_postgres() {
    let app = spawn_app_with(Backend::Postgres, |c| c.login_rate = 1000).await;
    every_route_answers_each_role_as_the_policy_says(app).await;
}

impl TestApp {
    /// This client, signed out again (keeps its CSRF cookie).
    pub async fn signed_out(self) -> TestApp {
        assert_eq!(self.post_form("/logout", &[]).await.status().as_u16(), 303);
        self
    }
}

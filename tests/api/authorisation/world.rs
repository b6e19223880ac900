//! The world the authorisation matrix runs in: two organisations with their
//! people, teams, an open campaign each, and one of every object a route can
//! name (an invitation, a reset link, an action, a call-back request); and
//! the requests the matrix sends, as each role.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use miroir::analytics::Channel;
use miroir::auth::policy::Role;
use miroir::db::models::{campaign, response, user};
use miroir::domain::actions::{self, AdoptInput};
use miroir::domain::collection::{self, Source, Submission};
use miroir::domain::{accounts, teams, webhooks};

use super::{Body, Who};
use crate::helpers::TestApp;

/// Object names used in the matrix's paths (`{org}`, `{c}`, …) → ids.
pub struct World {
    ids: HashMap<&'static str, String>,
    spares: AtomicUsize,
}

impl World {
    pub fn build(app: &TestApp) -> World {
        app.create_admin("root@example.org");
        let org = app.create_org("Client");
        let org_b = app.create_org("Another client");
        app.import_teams(
            &org,
            "code,name,parent_code,headcount\nR1,Region 1,,4\nB1,Branch 1,R1,3\nR2,Region 2,,5\n",
        );
        app.import_teams(&org_b, "code,name,headcount\nX1,Elsewhere,4\n");
        for who in Who::ALL {
            if let Some((email, role, in_b, teams)) = who.membership() {
                app.member(if in_b { &org_b } else { &org }, email, role, teams);
            }
        }
        let (c, code) = app.open_campaign(&org, "Wave 1");
        let (c_b, _) = app.open_campaign(&org_b, "Their wave");
        // Results are published once a wave closes.
        let closed = app.closed_campaign(&org, "Wave 0");
        let closed_b = app.closed_campaign(&org_b, "Their wave 0");
        let mut ids = HashMap::from([
            ("x", app.team_id(&org, "R1")),
            ("x_child", app.team_id(&org, "B1")),
            ("y", app.team_id(&org, "R2")),
            ("b_team", app.team_id(&org_b, "X1")),
            ("invite", app.invite(&c, "R1", 1).remove(0)),
            ("code", code),
            ("c_b", c_b),
            ("closed", closed),
            ("closed_b", closed_b),
        ]);
        let admin = app.admin_principal();
        let mut conn = app.conn();
        let (spare, reset) =
            accounts::create_user(&mut conn, &admin, "spare@example.org", "Spare", false).expect("spare user");
        ids.insert(
            "unsubscribe",
            miroir::domain::notices::unsubscribe_token(&mut conn, &spare.id, miroir::domain::notices::DIGEST)
                .expect("an unsubscribe token"),
        );
        ids.insert("user", spare.id);
        ids.insert("reset", reset);
        let viewer = user::members_of(&mut conn, &org)
            .unwrap()
            .into_iter()
            .find(|m| m.email == "viewer@example.org")
            .expect("the viewer's membership");
        ids.insert("member", viewer.membership_id);
        let stranger = user::members_of(&mut conn, &org_b)
            .unwrap()
            .into_iter()
            .find(|m| m.email == "stranger@example.org")
            .expect("the stranger's membership");
        ids.insert("b_member", stranger.membership_id);
        let point = miroir::domain::instrument::action_plan()[0].code.clone();
        let adopted = AdoptInput {
            team: "R1".into(),
            point,
            owner: "Owner".into(),
            ..Default::default()
        };
        ids.insert(
            "action",
            actions::adopt(&mut conn, &admin, "Admin", &c, &adopted)
                .expect("action")
                .id,
        );
        let campaign = campaign::find_by_id(&mut conn, &c).unwrap().expect("campaign");
        let call_back = Submission {
            source: Source::Customer {
                team_id: ids["x"].clone(),
                channel: Channel::Web,
            },
            answers: Vec::new(),
            comment: None,
            contact: Some(("client@example.org".into(), None)),
            idempotency_key: "call-back-request-1".into(),
            language: "fr".into(),
        };
        collection::store(&mut conn, &campaign, call_back).expect("call-back request");
        let contact = response::contacts_for_team(&mut conn, &c, &ids["x"]).unwrap().remove(0);
        ids.insert("contact", contact.id);
        ids.insert("hook", world_hook(&mut conn, &org));
        ids.insert("hook_b", world_hook(&mut conn, &org_b));
        ids.insert("org", org);
        ids.insert("org_b", org_b);
        ids.insert("c", c);
        World {
            ids,
            spares: AtomicUsize::new(0),
        }
    }

    /// `path` with every `{name}` replaced; `{spare_team}` and
    /// `{spare_member}` are made anew for each request, so that a cell that
    /// deletes one leaves the next cell its own.
    pub fn fill(&self, app: &TestApp, path: &str) -> String {
        let mut out = path.to_string();
        if out.contains("{spare_team}") {
            out = out.replace("{spare_team}", &self.spare_team(app));
        }
        if out.contains("{spare_member}") {
            out = out.replace("{spare_member}", &self.spare_member(app));
        }
        if out.contains("{spare_hook}") {
            out = out.replace("{spare_hook}", &world_hook(&mut app.conn(), &self.ids["org"]));
        }
        let mut names: Vec<&&str> = self.ids.keys().collect();
        // Longest first, so `{x}` does not eat into `{x_child}`.
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for name in names {
            out = out.replace(&format!("{{{name}}}"), &self.ids[*name]);
        }
        assert!(!out.contains('{'), "no object for a placeholder in {path}");
        out
    }

    fn spare_team(&self, app: &TestApp) -> String {
        let n = self.spares.fetch_add(1, Ordering::Relaxed);
        let input = teams::TeamInput {
            code: format!("S{n}"),
            name: format!("Spare {n}"),
            parent_code: "R2".into(),
            headcount: "1".into(),
        };
        teams::create(
            &mut app.conn(),
            &app.admin_principal(),
            &self.ids["org"],
            &input,
            teams::DEFAULT_MAX_DEPTH,
        )
        .expect("spare team")
        .id
    }

    fn spare_member(&self, app: &TestApp) -> String {
        let n = self.spares.fetch_add(1, Ordering::Relaxed);
        let email = format!("spare-{n}@example.org");
        app.member(&self.ids["org"], &email, Role::Viewer, "");
        user::members_of(&mut app.conn(), &self.ids["org"])
            .unwrap()
            .into_iter()
            .find(|m| m.email == email)
            .expect("the spare membership")
            .membership_id
    }
}

/// A webhook endpoint of `org` (to a closed port: its messages fail and
/// wait for a retry, disturbing nothing).
fn world_hook(conn: &mut miroir::db::DbConn, org: &str) -> String {
    let admin = miroir::auth::policy::Principal {
        is_platform_admin: true,
        ..Default::default()
    };
    let input = webhooks::EndpointInput {
        url: "http://127.0.0.1:9/hook".into(),
        events: vec!["action.updated".into()],
    };
    webhooks::create(conn, &admin, org, &input)
        .expect("webhook")
        .endpoint
        .id
}

/// One role's two ways in: a browser with its cookies, and a bearer token.
pub struct Caller {
    pub browser: TestApp,
    pub token: Option<String>,
    api: reqwest::Client,
}

impl Caller {
    pub async fn sign_in(app: &TestApp, who: Who) -> Caller {
        let (browser, token) = match who.email() {
            Some(email) => (app.as_user(email).await, Some(app.api_token(email).await)),
            None => (app.anonymous(), None),
        };
        let api = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Caller { browser, token, api }
    }

    /// Sends one request: pages with the browser (CSRF field added to
    /// forms), `/api` with the bearer token only.
    pub async fn send(&self, method: &str, path: &str, body: &Body) -> reqwest::Response {
        let b = &self.browser;
        if path.starts_with("/api/") {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let mut request = self.api.request(method, b.url(path));
            request = match body {
                Body::None => request,
                Body::Json(json) => request.header("Content-Type", "application/json").body(*json),
                Body::Csv(csv) => request.header("Content-Type", "text/csv").body(*csv),
                Body::Form(_) | Body::Upload(_) => panic!("{path}: the API takes JSON or CSV"),
            };
            if let Some(token) = &self.token {
                request = request.bearer_auth(token);
            }
            return request.send().await.unwrap();
        }
        match (method, body) {
            ("GET", Body::None) => b.get(path).await,
            ("POST", Body::Form(fields)) => b.post_form(path, fields).await,
            ("POST", Body::Upload(csv)) => {
                let form = reqwest::multipart::Form::new()
                    .text("csrf", b.csrf().await)
                    .part("file", reqwest::multipart::Part::text(*csv).file_name("upload.csv"));
                b.client.post(b.url(path)).multipart(form).send().await.unwrap()
            }
            _ => panic!("{method} {path}: no way to send this body to a page"),
        }
    }
}

impl TestApp {
    /// A closed campaign of `org`, with no answers; returns its id.
    fn closed_campaign(&self, org: &str, name: &str) -> String {
        let (id, _) = self.open_campaign(org, name);
        miroir::domain::campaigns::transition(&mut self.conn(), &self.admin_principal(), &id, "close").expect("close");
        id
    }
}

//! Test harness: the real application on port 0 over a real SQLite file or a
//! fresh PostgreSQL schema, an HTTP client with a cookie store, and a small
//! world-building vocabulary.

use std::sync::Mutex;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use miroir::auth::policy::{Principal, Role};
use miroir::config::Config;
use miroir::db::models::user;
use miroir::db::{DbConn, Pool};
use miroir::domain::accounts::{self, MemberInput, NewUserInput};
use miroir::domain::organisations::{self, OrganisationInput};
use miroir::domain::teams;
use miroir::startup::Application;

pub const PASSWORD: &str = "correct horse battery staple";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates `mod <test> { sqlite, postgres }` for each async test function
/// taking a `TestApp`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await;
                    super::$name(app).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await;
                    super::$name(app).await;
                }
            }
        )*
    };
}

pub struct TestApp {
    pub address: String,
    pub backend: Backend,
    pub pool: Pool,
    pub client: reqwest::Client,
    pub database_url: String,
    /// The one-time `/setup` token the application printed at start.
    pub setup_token: Option<String>,
    csrf: Mutex<Option<String>>,
    _dir: Option<tempfile::TempDir>,
    schema: Option<(String, String)>,
}

pub fn postgres_base_url() -> String {
    let url = std::env::var("TEST_DATABASE_URL").expect(
        "TEST_DATABASE_URL is not set: the PostgreSQL variant of every integration test needs it \
         (e.g. postgres://postgres@127.0.0.1:5432/test)",
    );
    // The test server is on loopback. Without TLS, libpq never loads
    // OpenSSL, whose clean-up at process exit raced with the servers the
    // tests leave running (a double free in about one run of three).
    if url.contains("sslmode=") {
        url
    } else {
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}sslmode=disable")
    }
}

/// A database URL of the given backend, empty and private to one test.
pub fn fresh_database(backend: Backend) -> (String, Option<tempfile::TempDir>, Option<(String, String)>) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = dir.path().join("miroir.db").to_string_lossy().into_owned();
            (url, Some(dir), None)
        }
        Backend::Postgres => {
            let base = postgres_base_url();
            let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
            let mut conn = diesel::PgConnection::establish(&base).expect("TEST_DATABASE_URL must be reachable");
            conn.batch_execute(&format!("CREATE SCHEMA {schema}"))
                .expect("create schema");
            let sep = if base.contains('?') { '&' } else { '?' };
            let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
            (url, None, Some((base, schema)))
        }
    }
}

pub fn drop_schema(schema: &Option<(String, String)>) {
    if let Some((base, schema)) = schema {
        if let Ok(mut conn) = diesel::PgConnection::establish(base) {
            let _ = conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
    spawn(backend, adjust, None).await
}

/// The application over a pool of `size` connections that waits at most
/// `timeout` for a free one.
pub async fn spawn_app_with_pool(backend: Backend, size: u32, timeout: std::time::Duration) -> TestApp {
    spawn(backend, |_| {}, Some((size, timeout))).await
}

async fn spawn(
    backend: Backend,
    adjust: impl FnOnce(&mut Config),
    pool: Option<(u32, std::time::Duration)>,
) -> TestApp {
    let (url, dir, schema) = fresh_database(backend);
    let mut config = Config::for_database(&url);
    config.pool_size = 4;
    adjust(&mut config);
    let app = match pool {
        None => Application::build(config),
        Some((size, timeout)) => {
            let pool = diesel::r2d2::Pool::builder()
                .max_size(size)
                .connection_timeout(timeout)
                .build(miroir::db::Manager::new(&url))
                .expect("pool");
            miroir::db::run_migrations(&mut pool.get().expect("connection")).expect("migrations");
            Application::build_with_pool(config, pool)
        }
    }
    .expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool();
    let setup_token = app.setup_token().map(str::to_string);
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        backend,
        pool,
        client: new_client(),
        database_url: url,
        setup_token,
        csrf: Mutex::new(None),
        _dir: dir,
        schema,
    }
}

pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

impl Drop for TestApp {
    fn drop(&mut self) {
        drop_schema(&self.schema);
    }
}

/// The value of `input[name=<name>]` in an HTML page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(&format!("input[name=\"{name}\"]")).ok()?;
    doc.select(&selector)
        .next()
        .and_then(|e| e.value().attr("value"))
        .map(str::to_string)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn conn(&self) -> diesel::r2d2::PooledConnection<miroir::db::Manager> {
        self.pool.get().expect("connection")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap_or_default())
    }

    /// The CSRF form token of this client (the same for every form while
    /// the cookie lives).
    pub async fn csrf(&self) -> String {
        if let Some(token) = self.csrf.lock().unwrap().clone() {
            return token;
        }
        // Every page, the 404 page too, carries the language switch form.
        let (_, html) = self.get_text("/no-such-page").await;
        let token = input_value(&html, "csrf").expect("a csrf field on every page");
        *self.csrf.lock().unwrap() = Some(token.clone());
        token
    }

    /// Posts a form with this client's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut body: Vec<(&str, &str)> = fields.to_vec();
        body.push(("csrf", &token));
        self.client.post(self.url(path)).form(&body).send().await.expect("POST")
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form("/login", &[("email", email), ("password", password)])
            .await
    }

    /// A fresh client (new cookie jar), signed in as nobody.
    pub fn anonymous(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            backend: self.backend,
            pool: self.pool.clone(),
            client: new_client(),
            database_url: self.database_url.clone(),
            setup_token: None,
            csrf: Mutex::new(None),
            _dir: None,
            schema: None,
        }
    }

    /// A fresh client (new cookie jar) signed in as `email`.
    pub async fn as_user(&self, email: &str) -> TestApp {
        let other = self.anonymous();
        let res = other.sign_in(email, PASSWORD).await;
        assert_eq!(res.status().as_u16(), 303, "sign-in of {email} failed");
        other
    }

    /// The text of a campaign's report from the API, asserting a 200.
    pub async fn report_text(&self, campaign: &str, token: &str) -> String {
        let res = self
            .client
            .get(self.url(&format!("/api/v1/campaigns/{campaign}/report")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        res.text().await.unwrap()
    }

    pub async fn api_token(&self, email: &str) -> String {
        let res = self
            .client
            .post(self.url("/api/v1/auth/token"))
            .json(&serde_json::json!({"email": email, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_string()
    }

    // ---- world building, through the domain services ----

    pub fn admin_principal(&self) -> Principal {
        Principal {
            is_platform_admin: true,
            ..Default::default()
        }
    }

    pub fn create_admin(&self, email: &str) -> String {
        let mut conn = self.conn();
        let input = NewUserInput {
            email: email.into(),
            display_name: "Admin".into(),
            password: PASSWORD.into(),
        };
        accounts::create_platform_admin(&mut conn, &input).expect("admin").id
    }

    pub fn create_org(&self, name: &str) -> String {
        let mut conn = self.conn();
        let input = OrganisationInput {
            name: name.into(),
            sector: "banking".into(),
            default_language: "fr".into(),
            anonymity_threshold: None,
            label_floor: None,
            label_average: None,
        };
        organisations::create(&mut conn, &self.admin_principal(), &input)
            .expect("org")
            .id
    }

    pub fn import_teams(&self, org: &str, csv: &str) {
        let mut conn = self.conn();
        teams::import_csv(
            &mut conn,
            &self.admin_principal(),
            org,
            csv.as_bytes(),
            teams::DEFAULT_MAX_DEPTH,
        )
        .expect("teams");
    }

    pub fn team_id(&self, org: &str, code: &str) -> String {
        let mut conn = self.conn();
        miroir::db::models::team::find_by_code(&mut conn, org, code)
            .unwrap()
            .expect("team")
            .id
    }

    /// Adds a member with a known password.
    pub fn member(&self, org: &str, email: &str, role: Role, teams: &str) {
        let mut conn = self.conn();
        let input = MemberInput {
            email: email.into(),
            display_name: email.into(),
            role: role.as_str().into(),
            teams: teams.into(),
        };
        accounts::add_member(&mut conn, &self.admin_principal(), org, &input).expect("member");
        set_password(&mut conn, email);
    }
}

pub fn set_password(conn: &mut DbConn, email: &str) {
    let u = user::find_by_email(conn, email).unwrap().expect("user");
    let hash = miroir::auth::password::hash_password(PASSWORD).unwrap();
    user::set_password(conn, &u.id, &hash).unwrap();
}

/// Forty teams in four regions, as a consultant's CSV.
pub fn forty_teams_csv() -> String {
    let mut csv = String::from("code,name,parent_code,headcount\n");
    for r in 0..4 {
        csv.push_str(&format!("R{r},Region {r},,\n"));
        for b in 0..9 {
            csv.push_str(&format!("R{r}-B{b},Branch {r}.{b},R{r},{}\n", 8 + b));
        }
    }
    csv
}

impl TestApp {
    /// An open campaign of `org`; returns (id, public code).
    pub fn open_campaign(&self, org: &str, name: &str) -> (String, String) {
        use miroir::domain::campaigns::{self, CampaignInput};
        let mut conn = self.conn();
        let input = CampaignInput {
            name: name.into(),
            opens_on: "2026-01-01".into(),
            closes_on: "2026-12-31".into(),
            ..Default::default()
        };
        let c = campaigns::create(&mut conn, &self.admin_principal(), org, &input).expect("campaign");
        campaigns::transition(&mut conn, &self.admin_principal(), &c.id, "open").expect("open");
        (c.id, c.code)
    }

    /// Invitation tokens for a team.
    pub fn invite(&self, campaign: &str, team: &str, count: usize) -> Vec<String> {
        let mut conn = self.conn();
        miroir::domain::campaigns::invite(&mut conn, &self.admin_principal(), campaign, team, Some(count))
            .expect("invite")
    }

    /// The count stored in a histogram cell (0 when absent).
    pub fn histogram(&self, campaign: &str, team_key: &str, population: &str, item: &str, value: i32) -> i64 {
        let mut total = 0;
        miroir::db::models::aggregates::each_histogram::<diesel::result::Error>(
            &mut self.conn(),
            campaign,
            |t, p, _channel, i, v, n| {
                if (t, p, i, v) == (team_key, population, item, value) {
                    total += n;
                }
                Ok(())
            },
        )
        .unwrap();
        total
    }

    /// Respondents of a population in a team (all channels).
    pub fn respondents(&self, campaign: &str, team_key: &str, population: &str) -> i64 {
        let mut conn = self.conn();
        miroir::db::models::aggregates::respondents_per_team(&mut conn, campaign)
            .unwrap()
            .get(&(team_key.to_string(), population.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// The fields of a survey page's form, each question answered by `pick`
/// (given the question's name and its choices), hidden fields included.
pub fn fill_survey(html: &str, pick: impl Fn(&str, &[String]) -> Option<String>) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let hidden = scraper::Selector::parse("form input[type=hidden]").unwrap();
    let radios = scraper::Selector::parse("form input[type=radio]").unwrap();
    let mut fields: Vec<(String, String)> = doc
        .select(&hidden)
        .filter_map(|e| {
            Some((
                e.value().attr("name")?.to_string(),
                e.value().attr("value")?.to_string(),
            ))
        })
        .filter(|(name, _)| name != "lang" && name != "next")
        .collect();
    let mut questions: Vec<(String, Vec<String>)> = Vec::new();
    for e in doc.select(&radios) {
        let (Some(name), Some(value)) = (e.value().attr("name"), e.value().attr("value")) else {
            continue;
        };
        match questions.iter_mut().find(|(n, _)| n == name) {
            Some((_, values)) => values.push(value.to_string()),
            None => questions.push((name.to_string(), vec![value.to_string()])),
        }
    }
    for (name, values) in questions {
        if let Some(v) = pick(&name, &values) {
            fields.push((name, v));
        }
    }
    fields
}

/// The survey form's CSRF field is the language switch's too: keep the
/// first of each name.
pub fn dedup(fields: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    fields.into_iter().filter(|(k, _)| seen.insert(k.clone())).collect()
}

/// A local SMTP sink: accepts every message and keeps its raw text.
pub struct SmtpSink {
    pub port: u16,
    pub messages: std::sync::Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let messages = std::sync::Arc::new(Mutex::new(Vec::new()));
        let store = messages.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let store = store.clone();
                std::thread::spawn(move || {
                    let mut out = stream.try_clone().unwrap();
                    let mut lines = BufReader::new(stream);
                    let _ = out.write_all(b"220 sink ESMTP\r\n");
                    let mut line = String::new();
                    while lines.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                        let command = line.trim_end().to_ascii_uppercase();
                        let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                            b"250-sink\r\n250 8BITMIME\r\n"
                        } else if command.starts_with("DATA") {
                            let _ = out.write_all(b"354 go on\r\n");
                            let mut message = String::new();
                            let mut body_line = String::new();
                            loop {
                                body_line.clear();
                                if lines.read_line(&mut body_line).unwrap_or(0) == 0 || body_line == ".\r\n" {
                                    break;
                                }
                                message.push_str(&body_line);
                            }
                            store.lock().unwrap().push(message);
                            b"250 queued\r\n"
                        } else if command.starts_with("QUIT") {
                            let _ = out.write_all(b"221 bye\r\n");
                            break;
                        } else {
                            b"250 ok\r\n"
                        };
                        let _ = out.write_all(reply);
                        line.clear();
                    }
                });
            }
        });
        SmtpSink { port, messages }
    }
}

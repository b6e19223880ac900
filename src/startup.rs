//! Building and running the server: used by `main` and by the tests, which
//! bind port 0 and ask for the port chosen.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{middleware, web, App, HttpServer};
use tracing_actix_web::TracingLogger;

use crate::auth::jwt::Keys;
use crate::auth::Secret;
use crate::config::Config;
use crate::db::{self, models::settings, Pool};
use crate::domain::accounts;
use crate::telemetry::PrivateRootSpan;
use crate::web::survey_cache::SurveyCache;
use crate::web::{self as routes, render, state::AppState, state::Limiters};

const SECRET_KEY: &str = "session_secret";

pub struct Application {
    port: u16,
    server: Server,
    pool: Pool,
    setup_token: Option<String>,
    scheduler_ms: u64,
    /// The scheduler's own mailer (reminders, notices), when mail is set up.
    scheduler_mailer: Option<crate::domain::mail::Mailer>,
    surveys: Arc<SurveyCache>,
    webhook_poll: std::time::Duration,
}

/// The signing secret: from the configuration, or generated once and kept
/// in the database so every instance and restart agrees.
fn secret(pool: &Pool, config: &Config) -> anyhow::Result<Secret> {
    if let Some(s) = &config.secret {
        return Ok(s.clone());
    }
    let mut conn = pool.get()?;
    let value = settings::get_or_insert(&mut conn, SECRET_KEY, Secret::generate().expose())?;
    Ok(Secret::new(value))
}

impl Application {
    pub fn build(config: Config) -> anyhow::Result<Application> {
        config.validate()?;
        let pool = db::connect(&config.database_url, config.pool_size)?;
        Self::build_with_pool(config, pool)
    }

    pub fn build_with_pool(config: Config, pool: Pool) -> anyhow::Result<Application> {
        let secret = secret(&pool, &config)?;
        let listener = TcpListener::bind((config.bind.as_str(), config.port))?;
        let port = listener.local_addr()?.port();
        // The base of the links in notices sent without a request.
        let base_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}:{port}", config.bind));
        let setup_token = accounts::issue_setup_token(&mut *pool.get()?)?;
        let mailer = match &config.smtp_url {
            Some(url) => Some(
                crate::domain::mail::Mailer::new(url.expose(), &config.mail_from)?
                    .with_address_key(&secret)
                    .with_base_url(&base_url),
            ),
            None => None,
        };
        // The scheduler's copy shares the same SMTP transport.
        let scheduler_mailer = mailer.clone();
        let surveys = Arc::new(SurveyCache::new(config.page_stamp_ms, config.templates_dir.is_some()));
        let state = Arc::new(AppState {
            pool: pool.clone(),
            templates: render::registry(config.templates_dir.as_deref())?,
            keys: Keys::new(&secret),
            secret,
            limiters: Limiters::new(config.login_rate, config.submit_rate),
            mailer,
            writer: crate::domain::writer::Writer::start(pool.clone())?,
            surveys: surveys.clone(),
            config: config.clone(),
        });
        let data = web::Data::new(state);
        let https = config.secure_cookies;
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .wrap(middleware::from_fn(routes::middleware::plumbing))
                .wrap(routes::middleware::security_headers(https))
                .wrap(TracingLogger::<PrivateRootSpan>::new())
                .wrap(middleware::Compress::default())
                .configure(routes::configure)
        })
        // Without it a response written in two parts (head, then a large
        // body) waits for the client's delayed ACK: about 40 ms each.
        .tcp_nodelay(true)
        .listen(listener)?
        .shutdown_timeout(20)
        .run();
        Ok(Application {
            port,
            server,
            pool,
            setup_token,
            scheduler_ms: config.scheduler_ms,
            scheduler_mailer,
            surveys,
            webhook_poll: std::time::Duration::from_millis(config.webhook_poll_ms),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pool(&self) -> Pool {
        self.pool.clone()
    }

    /// The one-time token that opens `/setup`, while no platform
    /// administrator exists (for the operator: printed at start).
    pub fn setup_token(&self) -> Option<&str> {
        self.setup_token.as_deref()
    }

    /// Stops the server (and with it the webhook delivery task) from
    /// outside, as SIGTERM would: for tests of a restart.
    pub fn stop_handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Runs until SIGINT/SIGTERM, then finishes requests in flight
    /// (actix's graceful shutdown). The webhook delivery task runs beside
    /// the server and stops with it.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let scheduler = tokio::spawn(run_scheduler(
            self.pool.clone(),
            self.scheduler_ms,
            self.scheduler_mailer,
            self.surveys,
        ));
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let delivery = tokio::spawn(crate::domain::webhooks::run(
            self.pool.clone(),
            self.webhook_poll,
            stopped,
        ));
        let outcome = self.server.await;
        scheduler.abort();
        let _ = stop.send(true);
        let _ = delivery.await;
        outcome
    }
}

/// The server's background work: at start-up (what was missed while it was
/// down) and then every `MIROIR_SCHEDULER_MS`, the instance holding the
/// scheduler's lease moves the campaigns whose dates have come.
async fn run_scheduler(
    pool: Pool,
    every_ms: u64,
    mailer: Option<crate::domain::mail::Mailer>,
    surveys: Arc<SurveyCache>,
) {
    let mailer = std::sync::Arc::new(mailer);
    let holder = crate::db::models::new_id();
    let every = std::time::Duration::from_millis(every_ms);
    // A lease outlives a few missed passes, then another instance takes over.
    let lease_seconds = i64::try_from((every_ms * 3).div_ceil(1000)).unwrap_or(i64::MAX).max(1);
    loop {
        let (pool, holder, mailer, surveys) = (pool.clone(), holder.clone(), mailer.clone(), surveys.clone());
        let pass = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let mut conn = pool.get()?;
            let now = chrono::Utc::now();
            // Nothing due: nothing written, no lease taken.
            let moves = crate::domain::scheduler::due_moves(&mut conn, now)?;
            if !moves.is_empty() && crate::domain::scheduler::lease(&mut conn, &holder, now, lease_seconds)? {
                let applied = crate::domain::scheduler::apply_moves(&mut conn, moves);
                // Opened or closed waves show on this instance's forms at once.
                surveys.written();
                applied?;
            }
            if let Some(mailer) = mailer.as_ref() {
                crate::domain::scheduler::send_mail(&mut conn, mailer, now)?;
            }
            Ok(())
        })
        .await;
        match pass {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "scheduler pass failed"),
            Err(e) => tracing::error!(error = %e, "scheduler pass panicked"),
        }
        tokio::time::sleep(every).await;
    }
}

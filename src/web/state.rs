//! What every handler shares: the pool, the templates, the keys, the
//! limiters and the configuration.

use std::num::NonZeroU32;
use std::sync::Arc;

use actix_web::web;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use handlebars::Handlebars;

use crate::auth::jwt::Keys;
use crate::auth::Secret;
use crate::config::Config;
use crate::domain::{DbConn, Pool};
use crate::error::{AppError, AppResult};

pub struct Limiters {
    pub login_by_ip: DefaultKeyedRateLimiter<String>,
    pub login_by_account: DefaultKeyedRateLimiter<String>,
    /// Public survey submissions per address: generous, since a store's
    /// customers may share one Wi-Fi address.
    pub submissions_by_ip: DefaultKeyedRateLimiter<String>,
}

impl Limiters {
    pub fn new(login_per_minute: u32, submissions_per_minute: u32) -> Limiters {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Limiters {
            login_by_ip: RateLimiter::keyed(quota(login_per_minute)),
            login_by_account: RateLimiter::keyed(quota(login_per_minute)),
            submissions_by_ip: RateLimiter::keyed(quota(submissions_per_minute)),
        }
    }
}

pub struct AppState {
    pub pool: Pool,
    pub templates: Handlebars<'static>,
    pub keys: Keys,
    pub secret: Secret,
    pub config: Config,
    pub limiters: Limiters,
    /// Set when `MIROIR_SMTP_URL` is configured.
    pub mailer: Option<crate::domain::mail::Mailer>,
    /// The instance's one writer of survey submissions (group commit).
    pub writer: crate::domain::writer::Writer,
    /// The anonymous survey forms, rendered once (shared with the
    /// scheduler, whose moves change what they show).
    pub surveys: Arc<crate::web::survey_cache::SurveyCache>,
}

pub type State = web::Data<Arc<AppState>>;

impl AppState {
    /// Whether an attempt to sign in as `email` from this request is over
    /// budget. Sign-in pages, API tokens and password links share the two
    /// budgets: per client address and per account. Both are charged (`|`,
    /// not `||`), so an address cannot spare an account's budget.
    pub fn sign_in_limited(&self, req: &actix_web::HttpRequest, email: &str) -> bool {
        let ip = crate::web::client_ip::rate_key(req, &self.config.trusted_proxies);
        let account = crate::domain::types::Email::parse(email)
            .map(|e| e.as_str().to_string())
            .unwrap_or_default();
        self.limiters.login_by_ip.check_key(&ip).is_err() | self.limiters.login_by_account.check_key(&account).is_err()
    }

    /// Runs blocking database work off the async executor.
    pub async fn db<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(AppError::from)?
    }
}

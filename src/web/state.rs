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
use crate::db::{DbConn, Pool};
use crate::error::{AppError, AppResult};

pub struct Limiters {
    pub login_by_ip: DefaultKeyedRateLimiter<String>,
    pub login_by_account: DefaultKeyedRateLimiter<String>,
}

impl Limiters {
    pub fn new(per_minute: u32) -> Limiters {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::per_minute(per_minute);
        Limiters {
            login_by_ip: RateLimiter::keyed(quota),
            login_by_account: RateLimiter::keyed(quota),
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
}

pub type State = web::Data<Arc<AppState>>;

impl AppState {
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

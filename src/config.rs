//! One typed configuration, read from flags and environment variables and
//! validated at start.
//!
//! | variable | flag | default | meaning |
//! |---|---|---|---|
//! | `DATABASE_URL` | `--database-url` | `miroir.db` | SQLite file (`path` or `sqlite://path`) or `postgres://user@host/db` |
//! | `MIROIR_BIND` | `--bind` | `127.0.0.1` | address to listen on |
//! | `MIROIR_PORT` | `--port` | `8080` | port to listen on (0 = any free port) |
//! | `MIROIR_SECRET` | `--secret` | generated once, stored in the database | key that signs sessions (≥ 32 characters); set it when several instances share a database you do not trust them to read from |
//! | `MIROIR_SECURE_COOKIES` | `--secure-cookies` | `false` | mark cookies `Secure` and send `Strict-Transport-Security`: set it behind HTTPS |
//! | `MIROIR_POOL_SIZE` | `--pool-size` | `16` | database connections per instance (SQLite: at most 8) |
//! | `MIROIR_PUBLIC_URL` | `--public-url` | the address the request came to | base of the links in pages and e-mails (survey links, QR codes, password links) |
//! | `MIROIR_DEMO` | `--demo` | `true` | create the demo organisation when the database is empty |
//! | `MIROIR_TEMPLATES_DIR` | `--templates-dir` | (embedded) | development only: reload templates from this folder |
//! | `MIROIR_LOGIN_RATE` | `--login-rate` | `10` | sign-in attempts (and password-link requests) allowed per minute per address and per account |
//! | `MIROIR_SUBMIT_RATE` | `--submit-rate` | `600` | survey submissions allowed per minute per address |
//! | `MIROIR_MAX_TEAM_DEPTH` | `--max-team-depth` | `12` | levels of teams allowed below the organisation; team files, forms and moves that would go deeper are refused |
//! | `MIROIR_TRUSTED_PROXIES` | `--trusted-proxies` | (none) | comma-separated addresses or CIDR ranges of your reverse proxies (e.g. `127.0.0.1/32,10.0.0.0/8`); only requests from them have their `X-Forwarded-For` (or `Forwarded: for=`) read, right to left, for the client address that rate limits count |
//! | `MIROIR_SMTP_URL` | `--smtp-url` | (none: no e-mail) | SMTP server for e-mailed invitations and password links, e.g. `smtps://user:pass@mail.example.org` or `smtp://127.0.0.1:2525` |
//! | `MIROIR_MAIL_FROM` | `--mail-from` | `Miroir <no-reply@localhost>` | sender of those e-mails |
//! | `MIROIR_SCHEDULER_MS` | `--scheduler-ms` | `60000` | how often (milliseconds, at least 100) the server opens and closes the waves that run by themselves; it also does so at start-up |
//! | `MIROIR_WEBHOOK_POLL_MS` | `--webhook-poll-ms` | `5000` | how often (milliseconds) the webhook delivery task looks for messages due in the outbox |
//! | `MIROIR_PAGE_STAMP_MS` | `--page-stamp-ms` | `1000` | how long (milliseconds) an instance trusts its cached survey pages before it re-reads the database's change stamp: a change made through another instance or the command line (a team renamed, a campaign closed) shows within this time; changes made through this instance show at once; `0` re-reads it on every survey page |
//! | `RUST_LOG` | | `info` | log filter |
//! | `MIROIR_LOG_FORMAT` | | `text` | `json` for structured logs |
//!
//! Yes-or-no settings accept `true`/`false`, `1`/`0` or `yes`/`no`, in any case.

use std::net::IpAddr;

use clap::Args;
use ipnet::IpNet;

use crate::auth::Secret;

/// The reverse proxies whose forwarded headers are believed: a list of
/// CIDR ranges (a bare address is a range of one). Empty by default, so a
/// client cannot choose its own address by sending `X-Forwarded-For`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.0/8, 127.0.0.1, ::1`; an empty text is no proxy.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map(|net| net.trunc())
                    .map_err(|_| format!("{s:?} is not an IP address or a CIDR range such as 10.0.0.0/8"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A boolean setting: `true/false`, `1/0` or `yes/no`, in any case; anything
/// else is refused with the accepted spellings.
pub fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(format!(
            "{text:?} is not a yes-or-no value: write true, false, 1, 0, yes or no"
        )),
    }
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    #[arg(long, env = "DATABASE_URL", default_value = "miroir.db")]
    pub database_url: String,
    #[arg(long, env = "MIROIR_BIND", default_value = "127.0.0.1")]
    pub bind: String,
    #[arg(long, env = "MIROIR_PORT", default_value_t = 8080)]
    pub port: u16,
    #[arg(long, env = "MIROIR_SECRET", hide_env_values = true)]
    pub secret: Option<Secret>,
    #[arg(long, env = "MIROIR_SECURE_COOKIES", default_value = "false", num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set, value_parser = parse_bool)]
    pub secure_cookies: bool,
    #[arg(long, env = "MIROIR_POOL_SIZE", default_value_t = 16)]
    pub pool_size: u32,
    #[arg(long, env = "MIROIR_PUBLIC_URL")]
    pub public_url: Option<String>,
    #[arg(long, env = "MIROIR_DEMO", default_value = "true", num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set, value_parser = parse_bool)]
    pub demo: bool,
    #[arg(long, env = "MIROIR_TEMPLATES_DIR")]
    pub templates_dir: Option<String>,
    #[arg(long, env = "MIROIR_LOGIN_RATE", default_value_t = 10)]
    pub login_rate: u32,
    #[arg(long, env = "MIROIR_SUBMIT_RATE", default_value_t = 600)]
    pub submit_rate: u32,
    #[arg(long, env = "MIROIR_MAX_TEAM_DEPTH", default_value_t = crate::domain::teams::DEFAULT_MAX_DEPTH)]
    pub max_team_depth: usize,
    #[arg(long, env = "MIROIR_TRUSTED_PROXIES", default_value = "", value_parser = TrustedProxies::parse)]
    pub trusted_proxies: TrustedProxies,
    #[arg(long, env = "MIROIR_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<Secret>,
    #[arg(long, env = "MIROIR_MAIL_FROM", default_value = "Miroir <no-reply@localhost>")]
    pub mail_from: String,
    #[arg(long, env = "MIROIR_SCHEDULER_MS", default_value_t = 60_000, value_parser = clap::value_parser!(u64).range(100..))]
    pub scheduler_ms: u64,
    #[arg(long, env = "MIROIR_WEBHOOK_POLL_MS", default_value_t = 5000)]
    pub webhook_poll_ms: u64,
    #[arg(long, env = "MIROIR_PAGE_STAMP_MS", default_value_t = 1000)]
    pub page_stamp_ms: u64,
}

impl Config {
    /// A configuration for tests and tools: everything default but the URL.
    pub fn for_database(url: &str) -> Config {
        Config {
            database_url: url.to_string(),
            bind: "127.0.0.1".into(),
            port: 0,
            secret: None,
            secure_cookies: false,
            pool_size: 8,
            public_url: None,
            demo: false,
            templates_dir: None,
            login_rate: 10,
            submit_rate: 600,
            max_team_depth: crate::domain::teams::DEFAULT_MAX_DEPTH,
            trusted_proxies: TrustedProxies::default(),
            smtp_url: None,
            mail_from: "Miroir <no-reply@localhost>".into(),
            scheduler_ms: 60_000,
            webhook_poll_ms: 5000,
            // Tests and tools change the database behind the server's
            // back: forms re-read the stamp every time.
            page_stamp_ms: 0,
        }
    }

    pub fn validate(&self) -> anyhow::Result<()> {
        if let Some(secret) = &self.secret {
            if secret.expose().len() < 32 {
                anyhow::bail!("MIROIR_SECRET must be at least 32 characters long");
            }
        }
        if self.pool_size == 0 {
            anyhow::bail!("MIROIR_POOL_SIZE must be at least 1");
        }
        if self.login_rate == 0 {
            anyhow::bail!("MIROIR_LOGIN_RATE must be at least 1");
        }
        if self.webhook_poll_ms == 0 {
            anyhow::bail!("MIROIR_WEBHOOK_POLL_MS must be at least 1");
        }
        if self.max_team_depth == 0 {
            anyhow::bail!("MIROIR_MAX_TEAM_DEPTH must be at least 1");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_bool, Config, TrustedProxies};
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        config: Config,
    }

    fn parse(args: &[&str]) -> Result<Config, clap::Error> {
        Cli::try_parse_from(std::iter::once("miroir").chain(args.iter().copied())).map(|cli| cli.config)
    }

    /// The table at the top of this file, the README's, and the settings
    /// declared here: one list.
    #[test]
    fn the_readme_table_is_this_modules_table_and_lists_every_setting() {
        let source = include_str!("config.rs");
        let here: Vec<&str> = source.lines().filter_map(|l| l.strip_prefix("//! |")).collect();
        let readme = include_str!("../README.md");
        let section = readme
            .split("\n## ")
            .find(|s| s.starts_with("Configuration"))
            .unwrap_or_default();
        let there: Vec<&str> = section.lines().filter_map(|l| l.strip_prefix('|')).collect();
        assert!(here.len() > 10, "{here:?}");
        assert_eq!(
            here, there,
            "README.md's configuration table differs from src/config.rs's"
        );
        let declared = source.split("env = \"").skip(1).filter_map(|s| s.split('"').next());
        let mut count = 0;
        for variable in declared {
            count += 1;
            let row = format!(" `{variable}` |");
            assert!(
                here.iter().any(|l| l.starts_with(&row)),
                "{variable} is not in the table"
            );
        }
        assert_eq!(count, 18);
    }

    #[test]
    fn booleans_accept_true_false_one_zero_yes_no_in_any_case() {
        for (text, value) in [
            ("true", true),
            ("TRUE", true),
            ("True", true),
            ("1", true),
            ("yes", true),
            ("YES", true),
            ("false", false),
            ("False", false),
            ("0", false),
            ("no", false),
            ("No", false),
        ] {
            assert_eq!(parse_bool(text), Ok(value), "{text}");
            let demo = parse(&[&format!("--demo={text}")]).unwrap();
            assert_eq!(demo.demo, value, "--demo={text}");
            let secure = parse(&["--secure-cookies", text]).unwrap();
            assert_eq!(secure.secure_cookies, value, "--secure-cookies {text}");
        }
    }

    #[test]
    fn booleans_keep_their_defaults_and_bare_flags() {
        let default = parse(&[]).unwrap();
        assert!(default.demo);
        assert!(!default.secure_cookies);
        let bare = parse(&["--secure-cookies", "--demo"]).unwrap();
        assert!(bare.demo);
        assert!(bare.secure_cookies);
    }

    #[test]
    fn any_other_boolean_spelling_is_refused_clearly() {
        for text in ["on", "off", "y", "2", "", "maybe"] {
            let error = parse_bool(text).unwrap_err();
            assert!(error.contains("true, false, 1, 0, yes or no"), "{error}");
            let error = parse(&[&format!("--demo={text}")]).unwrap_err().to_string();
            assert!(error.contains("true, false, 1, 0, yes or no"), "{text}: {error}");
        }
    }

    #[test]
    fn trusted_proxies_are_cidr_ranges_or_addresses() {
        let proxies = TrustedProxies::parse(" 10.0.0.0/8, 192.168.1.7 ,::1,fd00::/8").unwrap();
        for inside in ["10.1.2.3", "192.168.1.7", "::1", "fd12::1", "::ffff:10.9.9.9"] {
            assert!(proxies.contains(inside.parse().unwrap()), "{inside}");
        }
        for outside in ["11.0.0.1", "192.168.1.8", "::2", "127.0.0.1"] {
            assert!(!proxies.contains(outside.parse().unwrap()), "{outside}");
        }
        assert!(TrustedProxies::parse("").unwrap().is_empty());
        assert!(TrustedProxies::parse(" , ").unwrap().is_empty());
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.example").is_err());
        // Host bits are dropped: 10.1.2.3/8 is 10.0.0.0/8.
        assert!(TrustedProxies::parse("10.1.2.3/8")
            .unwrap()
            .contains("10.200.0.1".parse().unwrap()));
    }
}

//! The `miroir` command: `serve` (the default), `migrate`, `admin create`,
//! `demo`, `import-responses`, `aggregates rebuild`.

use clap::{Parser, Subcommand};

use miroir::auth::policy::Principal;
use miroir::config::Config;
use miroir::domain::accounts::{self, NewUserInput};
use miroir::domain::{campaigns, demo, import, DomainError};
use miroir::startup::Application;

#[derive(Parser)]
#[command(
    name = "miroir",
    version,
    about = "Symmetry of attention: mirrored customer and employee surveys"
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Platform administration.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Create the demo organisation (two closed waves of realistic answers).
    Demo {
        #[arg(long, default_value_t = miroir::demo::DEFAULT_SEED)]
        seed: u64,
    },
    /// Print one demo wave as raw respondents (JSON), the input of
    /// `scripts/reference_analytics.py --raw`.
    #[command(hide = true)]
    DemoRaw {
        #[arg(long, default_value_t = miroir::demo::DEFAULT_SEED)]
        seed: u64,
        /// 1, 2 or 3.
        #[arg(long)]
        wave: usize,
    },
    /// Import responses collected elsewhere from a CSV file (all or nothing).
    ImportResponses {
        #[arg(long)]
        campaign: String,
        file: std::path::PathBuf,
    },
    /// Store a synthetic campaign (aggregates only) for load tests of the
    /// report endpoint: `regions` × (1 + `branches`) teams.
    #[command(hide = true)]
    BenchSeed {
        #[arg(long, default_value_t = 40)]
        regions: usize,
        #[arg(long, default_value_t = 24)]
        branches: usize,
        #[arg(long, default_value_t = 1_000_000)]
        responses: u64,
        /// Leave the campaign open (its reports are then never cached).
        #[arg(long)]
        open: bool,
    },
    /// Maintenance of the report aggregates.
    Aggregates {
        #[command(subcommand)]
        action: AggregatesAction,
    },
}

#[derive(Subcommand)]
enum AggregatesAction {
    /// Recompute a campaign's aggregates from its raw answers.
    Rebuild {
        #[arg(long)]
        campaign: String,
    },
}

#[derive(Subcommand)]
enum AdminAction {
    /// Create a platform administrator.
    Create {
        #[arg(long)]
        email: String,
        /// Read from MIROIR_ADMIN_PASSWORD when not given, so it need not
        /// appear in the shell history.
        #[arg(long, env = "MIROIR_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Print a new one-time token for `/setup` (while no platform
    /// administrator exists; the ones printed before stay valid).
    SetupToken,
    /// Set the response rate (1–99 %) under which a team's manager and the
    /// directors are alerted while a wave is open (default 30); without a
    /// value, print it.
    LowParticipation { percent: Option<u32> },
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    miroir::telemetry::init();
    let cli = Cli::parse();
    cli.config.validate()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.config).await,
        Command::Migrate => {
            miroir::db::connect(&cli.config.database_url, 1)?;
            println!("migrations applied");
            Ok(())
        }
        Command::Admin {
            action: AdminAction::Create { email, password, name },
        } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            let mut conn = pool.get()?;
            let input = NewUserInput {
                email,
                display_name: name,
                password,
            };
            match accounts::create_platform_admin(&mut conn, &input) {
                Ok(u) => {
                    println!("platform administrator {} created", u.email);
                    println!("The /setup page is closed and its set-up tokens are erased.");
                    Ok(())
                }
                Err(e) => anyhow::bail!("could not create the administrator: {e}"),
            }
        }
        Command::Admin {
            action: AdminAction::SetupToken,
        } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            match accounts::issue_setup_token(&mut *pool.get()?)? {
                Some(token) => {
                    println!("Set-up token: {token}");
                    println!(
                        "Open /setup?token={token} on the server's public address to create the first administrator."
                    );
                }
                None => println!("A platform administrator exists already: /setup is closed."),
            }
            Ok(())
        }
        Command::Admin {
            action: AdminAction::LowParticipation { percent },
        } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            let mut conn = pool.get()?;
            if let Some(percent) = percent {
                miroir::domain::notices::set_threshold(&mut conn, percent)
                    .map_err(|_| anyhow::anyhow!("the threshold is a percentage from 1 to 99"))?;
            }
            let now = miroir::domain::notices::threshold(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Low-participation alerts below {now} %.");
            Ok(())
        }
        Command::Demo { seed } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            let installed = demo::install(&mut *pool.get()?, &miroir::demo::plan(seed))
                .map_err(|e| anyhow::anyhow!("demo: {e}"))?;
            print_demo(&installed);
            Ok(())
        }
        Command::BenchSeed {
            regions,
            branches,
            responses,
            open,
        } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            let shape = miroir::analytics::synthetic::Shape {
                regions,
                branches_per_region: branches,
                responses,
            };
            let status = if open {
                miroir::domain::campaigns::CampaignStatus::Open
            } else {
                miroir::domain::campaigns::CampaignStatus::Closed
            };
            let seeded = miroir::domain::synthetic::seed(&mut *pool.get()?, &shape, status)
                .map_err(|e| anyhow::anyhow!("bench-seed: {e}"))?;
            println!(
                "organisation {} campaign {}: {} teams, {} aggregate rows",
                seeded.organisation_id, seeded.campaign_id, seeded.teams, seeded.rows
            );
            Ok(())
        }
        Command::DemoRaw { seed, wave } => {
            let plan = miroir::demo::plan(seed);
            let raw = wave
                .checked_sub(1)
                .and_then(|w| miroir::demo::raw_wave(&plan, w))
                .ok_or_else(|| anyhow::anyhow!("the demo has waves 1, 2 and 3"))?;
            println!("{raw}");
            Ok(())
        }
        Command::ImportResponses { campaign, file } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            let reader = std::io::BufReader::new(std::fs::File::open(&file)?);
            // The operator at the console acts with every right.
            let operator = Principal {
                is_platform_admin: true,
                ..Default::default()
            };
            match import::import_responses(&mut *pool.get()?, &operator, &campaign, reader) {
                Ok(n) => {
                    println!("{n} responses imported");
                    Ok(())
                }
                Err(DomainError::Rows(rows)) => {
                    for r in &rows {
                        eprintln!(
                            "row {}, column {}: {}",
                            r.row,
                            r.column,
                            miroir::i18n::t("en", &r.message)
                        );
                    }
                    anyhow::bail!("nothing imported: {} problems", rows.len())
                }
                Err(e) => anyhow::bail!("nothing imported: {e}"),
            }
        }
        Command::Aggregates {
            action: AggregatesAction::Rebuild { campaign },
        } => {
            let pool = miroir::db::connect(&cli.config.database_url, 1)?;
            let n = campaigns::rebuild_aggregates(&mut *pool.get()?, &campaign).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("aggregates rebuilt from {n} responses");
            Ok(())
        }
    }
}

fn print_demo(installed: &demo::Installed) {
    println!(
        "Demo organisation \"{}\" created with {} responses in two closed waves.",
        installed.organisation_name, installed.responses
    );
    println!("  Sign in as a director: {}", installed.director_email);
    println!("  or as a branch manager: {}", installed.manager_email);
    println!("  or as a consultant: {}", installed.consultant_email);
    println!("  Password of every demo account: {}", installed.password);
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build(config.clone())?;
    if config.demo {
        let mut conn = app.pool().get()?;
        if demo::database_is_empty(&mut conn).unwrap_or(false) {
            println!("Empty database: creating the demo organisation (set MIROIR_DEMO=false to skip)…");
            let installed = demo::install(&mut conn, &miroir::demo::plan(miroir::demo::DEFAULT_SEED))
                .map_err(|e| anyhow::anyhow!("demo: {e}"))?;
            print_demo(&installed);
        }
    }
    let url = format!("http://{}:{}", config.bind, app.port());
    tracing::info!(%url, "Miroir is listening");
    println!("Miroir is running at {url}");
    if let Some(token) = app.setup_token() {
        // The operator's console, not the request log: the token is theirs.
        let base = config.public_url.as_deref().unwrap_or(&url).trim_end_matches('/');
        println!("No platform administrator exists yet. Create one with this one-time link:");
        println!("  {base}/setup?token={token}");
        println!("(set-up token: {token}; `miroir admin setup-token` prints a new one),");
        println!("or run `miroir admin create --email you@example.org --password …`.");
    }
    app.run_until_stopped().await?;
    Ok(())
}

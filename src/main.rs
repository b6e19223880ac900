//! The `miroir` command: `serve` (the default), `migrate`, `admin create`.

use clap::{Parser, Subcommand};

use miroir::config::Config;
use miroir::domain::accounts::{self, NewUserInput};
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
                    Ok(())
                }
                Err(e) => anyhow::bail!("could not create the administrator: {e}"),
            }
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build(config.clone())?;
    let url = format!("http://{}:{}", config.bind, app.port());
    let needs_setup = {
        let mut conn = app.pool().get()?;
        accounts::needs_setup(&mut conn).unwrap_or(false)
    };
    tracing::info!(%url, "Miroir is listening");
    println!("Miroir is running at {url}");
    if needs_setup {
        println!("No account exists yet: open {url}/setup to create the first administrator,");
        println!("or run `miroir admin create --email you@example.org --password …`.");
    }
    app.run_until_stopped().await?;
    Ok(())
}

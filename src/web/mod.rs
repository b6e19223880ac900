//! The web room (actix only): routes, extractors, middleware, pages and the
//! JSON API. Handlers are thin: extract, call a domain service, render.

pub mod api;
pub mod client_ip;
pub mod context;
pub mod forms;
pub mod middleware;
pub mod pages;
pub mod render;
pub mod session;
pub mod slices;
pub mod state;
pub mod survey_cache;
pub mod uploads;

use actix_web::{get, web, HttpResponse};

use crate::error::AppError;
use state::State;

/// `/healthz`: 200 when the database answers.
#[get("/healthz")]
pub async fn healthz(state: State) -> HttpResponse {
    let ok = state.db(|conn| Ok(crate::domain::ping(conn)?)).await.is_ok();
    if ok {
        HttpResponse::Ok().content_type("text/plain").body("ok")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("database unavailable")
    }
}

#[derive(rust_embed::RustEmbed)]
#[folder = "static/"]
struct StaticFiles;

#[get("/static/{path:.*}")]
pub async fn static_file(path: web::Path<String>) -> HttpResponse {
    let path = path.into_inner();
    match StaticFiles::get(&path) {
        Some(file) => {
            let mime = match path.rsplit('.').next() {
                Some("css") => "text/css; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            HttpResponse::Ok()
                .content_type(mime)
                .insert_header(("Cache-Control", "public, max-age=3600"))
                .body(file.data.into_owned())
        }
        None => HttpResponse::NotFound().finish(),
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    use pages::*;
    // The respondents' forms first: the router tries resources in the order
    // they are registered, matching each pattern with a regular expression,
    // and these are the pages asked for most (a customer form went through
    // about seventy patterns before its own: 14 % of a form's CPU, issue
    // #14). Nothing else starts with /s/ or /i/.
    cfg.service(surveys::customer_form)
        .service(surveys::customer_submit)
        .service(surveys::employee_form)
        .service(surveys::employee_submit);
    api::configure(cfg);
    cfg.service(healthz)
        .service(static_file)
        .service(home::home)
        .service(auth::login_form)
        .service(auth::login)
        .service(auth::forgot_form)
        .service(auth::forgot)
        .service(auth::logout)
        .service(auth::setup_form)
        .service(auth::setup)
        .service(auth::account)
        .service(auth::change_password)
        .service(auth::export_account)
        .service(auth::delete_account)
        .service(notices::save_notifications)
        .service(notices::unsubscribe_form)
        .service(notices::unsubscribe)
        .service(auth::switch_language)
        .service(auth::reset_form)
        .service(auth::reset)
        .service(orgs::new_form)
        .service(orgs::create)
        .service(teams::new_form)
        .service(teams::import_form)
        .service(teams::import)
        .service(teams::create)
        .service(teams::edit_form)
        .service(teams::update)
        .service(teams::delete)
        .service(teams::show)
        .service(members::list)
        .service(members::add)
        .service(members::update)
        .service(members::remove)
        .service(webhooks::list)
        .service(webhooks::create)
        .service(webhooks::remove)
        .service(webhooks::test)
        .service(orgs::edit_form)
        .service(orgs::update)
        .service(orgs::delete_form)
        .service(orgs::delete)
        .service(orgs::show)
        .service(campaigns::list)
        .service(campaigns::new_form)
        .service(campaigns::create)
        .service(campaigns::edit_form)
        .service(campaigns::update)
        .service(campaigns::change_status)
        .service(campaigns::confirm_status)
        .service(campaigns::invitations)
        .service(campaigns::send_reminders)
        .service(campaigns::qr)
        .service(campaigns::qr_sheet)
        .service(campaigns::import)
        .service(campaigns::show)
        .service(dashboard::dashboard)
        .service(portfolio::page)
        .service(audit::audit)
        .service(audit::save_notes)
        .service(audit::quotes_form)
        .service(audit::save_quotes)
        .service(audit::export_file)
        .service(results::team_results)
        .service(results::adopt)
        .service(results::update_action)
        .service(results::list_actions)
        .service(results::contact_done)
        .service(surveys::manager_form)
        .service(surveys::manager_submit)
        .service(surveys::executive_form)
        .service(surveys::executive_submit)
        .service(surveys::thanks)
        .service(admin::users_page)
        .service(admin::create)
        .service(admin::reset)
        .service(admin::consultant)
        .default_service(web::to(|| async { Err::<HttpResponse, _>(AppError::NotFound) }));
}

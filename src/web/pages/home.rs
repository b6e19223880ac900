//! The start page: the organisations this person may open.

use actix_web::{get, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::auth::policy::{Action, Decision};
use crate::domain::navigation::{self, TeamResults};
use crate::domain::organisations;
use crate::domain::organisations::Organisation;
use crate::error::AppResult;
use crate::web::context::page_context;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

#[derive(Serialize)]
struct HomePage {
    organisations: Vec<Organisation>,
    /// A manager's teams' latest results, to choose from.
    team_results: Vec<TeamResults>,
    may_create: bool,
    is_admin: bool,
}

#[get("/")]
pub async fn home(state: State, req: HttpRequest, s: SignedIn) -> AppResult<HttpResponse> {
    let principal = s.principal.clone();
    let (orgs, team_results) = state
        .db(move |conn| {
            Ok((
                organisations::list_visible(conn, &principal)?,
                navigation::my_team_results(conn, &principal)?,
            ))
        })
        .await?;
    let page = HomePage {
        organisations: orgs,
        team_results,
        may_create: s.principal.may(Action::CreateOrganisation) == Decision::Allow,
        is_admin: s.principal.may(Action::AdministerPlatform) == Decision::Allow,
    };
    html(&state.templates, "pages/home", &page_context(&req, "home-title", page))
}

//! The consultant's portfolio page (`domain::portfolio` decides what it
//! shows, including the sector benchmarks).

use actix_web::{get, HttpRequest, HttpResponse};

use crate::domain::portfolio::portfolio;
use crate::error::AppResult;
use crate::web::context::page_context;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

#[get("/portfolio")]
pub async fn page(state: State, req: HttpRequest, s: SignedIn) -> AppResult<HttpResponse> {
    let p = s.principal.clone();
    let page = state.db(move |conn| Ok(portfolio(conn, &p)?)).await?;
    html(
        &state.templates,
        "pages/portfolio",
        &page_context(&req, "portfolio-title", page),
    )
}

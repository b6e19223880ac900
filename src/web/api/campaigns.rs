//! Campaigns over the API: create, open/close, the codebook, invitations,
//! the streamed response import and the report.

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::organisations::api_error;
use crate::analytics::InstrumentVersion;
use crate::domain::campaigns::Campaign;
use crate::domain::campaigns::{self, CampaignInput};
use crate::domain::instrument::{instrument, instrument_of, message_id};
use crate::domain::{import, reminders, reports};
use crate::error::{AppError, AppResult};
use crate::web::api::json::ApiJson;
use crate::web::pages::campaigns::{public_base, IMPORT_LIMIT};
use crate::web::session::ApiUser;
use crate::web::state::State;
use crate::web::uploads;

#[derive(Serialize, ToSchema)]
pub struct CampaignOut {
    id: String,
    organisation_id: String,
    code: String,
    name: String,
    opens_on: String,
    closes_on: String,
    languages: Vec<String>,
    populations: Vec<String>,
    status: String,
    /// The instrument version the campaign was opened with (`GET
    /// /api/v1/items?version=`): it decides the scale of manager and
    /// executive items.
    instrument_version: i32,
}

impl From<Campaign> for CampaignOut {
    fn from(c: Campaign) -> Self {
        CampaignOut {
            languages: c.language_list(),
            populations: c.populations.split(',').map(str::to_string).collect(),
            id: c.id,
            organisation_id: c.organisation_id,
            code: c.code,
            name: c.name,
            opens_on: c.opens_on.to_string(),
            closes_on: c.closes_on.to_string(),
            status: c.status.as_str().to_string(),
            instrument_version: c.instrument_version,
        }
    }
}

/// Create a campaign (all 11 dimensions, all populations by default).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/campaigns", security(("bearer" = [])), request_body = CampaignInput,
    responses((status = 201, body = CampaignOut), (status = 403), (status = 422)))]
#[post("/organisations/{org}/campaigns")]
pub async fn create(
    state: State,
    ApiUser(s): ApiUser,
    path: web::Path<String>,
    body: ApiJson<CampaignInput>,
) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    let input = body.into_inner();
    let c = state
        .db(move |conn| campaigns::create(conn, &s.principal, &org, &input).map_err(api_error))
        .await?;
    Ok(HttpResponse::Created().json(CampaignOut::from(c)))
}

#[utoipa::path(get, path = "/api/v1/organisations/{org}/campaigns", security(("bearer" = [])), responses((status = 200, body = [CampaignOut])))]
#[get("/organisations/{org}/campaigns")]
pub async fn list(state: State, ApiUser(s): ApiUser, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    let list = state
        .db(move |conn| Ok(campaigns::list(conn, &s.principal, &org)?))
        .await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(CampaignOut::from).collect::<Vec<_>>()))
}

/// The status changes of a campaign: draft → open → closed → archived.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Transition {
    Open,
    Close,
    Archive,
}

/// Open or close a campaign; 409 when the transition is not allowed.
#[utoipa::path(post, path = "/api/v1/campaigns/{c}/{verb}", security(("bearer" = [])),
    params(("verb" = Transition, Path)),
    responses((status = 200, body = CampaignOut), (status = 403), (status = 409, description = "not allowed from the current status")))]
#[post("/campaigns/{c}/{verb:open|close|archive}")]
pub async fn transition(
    state: State,
    req: HttpRequest,
    ApiUser(s): ApiUser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, verb) = path.into_inner();
    let c = state
        .db(move |conn| Ok(campaigns::transition(conn, &s.principal, &id, &verb)?))
        .await?;
    // "Results are ready", now that the close is committed.
    crate::web::pages::notices::send_pending(&state, public_base(&state, &req)).await;
    Ok(HttpResponse::Ok().json(CampaignOut::from(c)))
}

#[derive(Serialize, ToSchema)]
pub struct ItemOut {
    /// The instrument version this item is read from.
    version: i32,
    code: String,
    population: String,
    perspective: Option<String>,
    dimension: Option<String>,
    pillar: Option<String>,
    scale: [u8; 2],
    /// language → wording
    wording: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
pub struct ItemsQuery {
    /// Read as text: any value that is not a known version is a 404, not a
    /// query the server could not read.
    version: Option<String>,
}

/// The codebook: every item with its population, perspective, dimension,
/// scale and wording in each language, of the current instrument version
/// or of `?version=` (each item carries its `version`). From version 2,
/// manager and executive items (perspectives `me`, `mc`, `xe`, `xc`) are
/// answered 0–10: "out of 10 of your employees (customers), how many
/// would agree that …?"; version 1 asked them on the agreement scale 1–5.
#[utoipa::path(get, path = "/api/v1/items",
    params(("version" = Option<i32>, Query, description = "instrument version (1 or 2); default: the current one")),
    responses((status = 200, body = [ItemOut]), (status = 400, description = "the query could not be read (e.g. a repeated parameter)"), (status = 404, description = "unknown instrument version")))]
#[get("/items")]
pub async fn items(q: web::Query<ItemsQuery>) -> AppResult<HttpResponse> {
    let inst = match q.version.as_deref() {
        None => instrument(),
        Some(text) => {
            let version = text
                .trim()
                .parse::<i32>()
                .ok()
                .and_then(InstrumentVersion::from_number)
                .ok_or(crate::error::AppError::NotFound)?;
            instrument_of(version)
        }
    };
    let out: Vec<ItemOut> = inst
        .items
        .iter()
        .map(|i| ItemOut {
            version: inst.version,
            code: i.code.clone(),
            population: i.population.clone(),
            perspective: i.perspective.clone(),
            dimension: i.dimension.clone(),
            pillar: i
                .dimension
                .as_ref()
                .and_then(|d| inst.dimensions.iter().find(|x| &x.code == d))
                .map(|d| d.pillar.clone()),
            scale: i.scale,
            wording: crate::i18n::supported()
                .iter()
                .map(|l| (l.clone(), crate::i18n::t(l, &message_id(&i.code))))
                .collect(),
        })
        .collect();
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(out))
}

#[derive(Deserialize, ToSchema)]
pub struct InvitationRequest {
    /// A team code of the campaign's organisation.
    team: String,
    /// How many links to make (default: the team's headcount). Not with
    /// `emails`.
    #[schema(minimum = 1, maximum = 5000)]
    count: Option<usize>,
    /// Addresses to e-mail one link each, now. Each address is kept
    /// encrypted beside its invitation, for reminders, until the wave
    /// closes; the links are not returned. Not with `count`.
    #[schema(min_items = 1, max_items = 5000)]
    emails: Option<Vec<String>>,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationsOut {
    team: String,
    /// The links made (empty when they went by e-mail).
    links: Vec<String>,
    /// How many e-mails were sent (0 when the links are returned).
    sent: usize,
}

/// Single-use employee links for a team (JSON, or CSV with
/// `Accept: text/csv`), shown once: only hashes are stored. With `emails`,
/// each address gets its link by e-mail now instead, and is kept
/// encrypted until the wave closes so that a reminder can reach those who
/// have not answered.
#[utoipa::path(post, path = "/api/v1/campaigns/{c}/invitations", security(("bearer" = [])), request_body = InvitationRequest,
    responses((status = 201, body = InvitationsOut), (status = 403), (status = 409, description = "the wave is not collecting, or e-mail is not configured on this server"), (status = 422)))]
#[post("/campaigns/{c}/invitations")]
pub async fn invitations(
    state: State,
    req: HttpRequest,
    ApiUser(s): ApiUser,
    path: web::Path<String>,
    body: ApiJson<InvitationRequest>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = body.into_inner();
    let team = body.team.clone();
    let base = public_base(&state, &req);
    if let Some(emails) = body.emails {
        if body.count.is_some() {
            return Err(api_error(crate::domain::DomainError::Field(
                "emails",
                "error-invitation-emails-or-count",
            )));
        }
        let recipients = reminders::parse_addresses(&emails).map_err(api_error)?;
        let st = state.clone();
        let sent = state
            .db(move |conn| {
                campaigns::get_to_manage(conn, &s.principal, &id)?;
                let mailer = st
                    .mailer
                    .as_ref()
                    .ok_or(AppError::Conflict("error-mail-not-configured"))?;
                reminders::invite_by_email(conn, mailer, &s.principal, &id, &team, &recipients, &base)
                    .map_err(api_error)
            })
            .await?;
        return Ok(HttpResponse::Created().json(InvitationsOut {
            team: body.team,
            links: Vec::new(),
            sent,
        }));
    }
    let tokens = state
        .db(move |conn| campaigns::invite(conn, &s.principal, &id, &team, body.count).map_err(api_error))
        .await?;
    let links: Vec<String> = tokens.into_iter().map(|t| format!("{base}/i/{t}")).collect();
    let wants_csv = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("text/csv"));
    if wants_csv {
        let bytes = crate::render::export::invitations_csv(&body.team, &links)?;
        return Ok(HttpResponse::Created()
            .content_type("text/csv; charset=utf-8")
            .body(bytes));
    }
    Ok(HttpResponse::Created().json(InvitationsOut {
        team: body.team,
        links,
        sent: 0,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct RemindersOut {
    /// How many reminders were e-mailed (0 when everyone invited by e-mail
    /// has answered: no reminder of the wave is spent then).
    sent: usize,
}

/// Remind now the people invited by e-mail whose invitation is still
/// unused, with their own link (at most three reminders per wave, the
/// scheduled one three days before the closing date included).
#[utoipa::path(post, path = "/api/v1/campaigns/{c}/reminders", security(("bearer" = [])),
    responses((status = 200, body = RemindersOut), (status = 403), (status = 409, description = "the wave is not open, its three reminders are spent, or e-mail is not configured on this server")))]
#[post("/campaigns/{c}/reminders")]
pub async fn send_reminders(state: State, ApiUser(s): ApiUser, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let st = state.clone();
    let sent = state
        .db(move |conn| Ok(reminders::send_now(conn, st.mailer.as_ref(), &s.principal, &id)?))
        .await?;
    Ok(HttpResponse::Ok().json(RemindersOut { sent }))
}

#[derive(Serialize, ToSchema)]
pub struct ImportOut {
    imported: usize,
}

/// Import responses collected elsewhere (CSV, streamed, all or nothing).
#[utoipa::path(post, path = "/api/v1/campaigns/{c}/responses/import", security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, body = ImportOut), (status = 403), (status = 409, description = "the wave is not open: a closed wave is frozen"), (status = 413), (status = 422, description = "row/column errors; nothing stored")))]
#[post("/campaigns/{c}/responses/import")]
pub async fn import_responses(
    state: State,
    req: HttpRequest,
    ApiUser(s): ApiUser,
    path: web::Path<String>,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    uploads::require_csv(&req)?;
    let id = path.into_inner();
    // A caller who may not import is answered before the body is read.
    let (p, cid) = (s.principal.clone(), id.clone());
    state
        .db(move |conn| Ok(campaigns::get_to_manage(conn, &p, &cid)?))
        .await?;
    let file = uploads::body_to_file(payload, IMPORT_LIMIT).await?;
    let imported = state
        .db(move |conn| {
            let reader = std::io::BufReader::new(file.reopen().map_err(anyhow::Error::from)?);
            Ok(import::import_responses(conn, &s.principal, &id, reader)?)
        })
        .await?;
    Ok(HttpResponse::Created().json(ImportOut { imported }))
}

#[derive(Deserialize)]
pub struct ReportQuery {
    team: Option<String>,
    channel: Option<String>,
}

/// The campaign report of API.md (`?team=` for a team and its sub-teams,
/// `?channel=` for one customer channel), extended by issue #15:
/// `linkage.aggregation`, `label_readiness`, `comparison.cross_lagged` and
/// `actions[].difference_in_differences` (docs/ANALYTICS-NOTES.md, "Across
/// waves").
#[utoipa::path(get, path = "/api/v1/campaigns/{c}/report", security(("bearer" = [])),
    params(("team" = Option<String>, Query), ("channel" = Option<String>, Query)),
    responses((status = 200, description = "the report (API.md), with `linkage.aggregation` (per dimension: ICC(1), mean rwg(j) and whether team averages may be read), `label_readiness` (three audits, margins, levers), `comparison` (the previous published wave and `cross_lagged`: standardised EEI→CSI and CSI→EEI paths with SE, 95 % interval and p, autoregressive paths, their difference; also per dimension; null without a previous wave or in a filtered report) and `actions` (points adopted for teams in the previous wave with their `difference_in_differences`; [] in a filtered report)"), (status = 403), (status = 404), (status = 409, description = "the wave is not closed: nothing is published yet"), (status = 422, description = "unknown channel")))]
#[get("/campaigns/{c}/report")]
pub async fn report(
    state: State,
    ApiUser(s): ApiUser,
    path: web::Path<String>,
    q: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let q = q.into_inner();
    let parts = state
        .db(move |conn| {
            reports::report_json(conn, &s.principal, &id, q.team.as_deref(), q.channel.as_deref()).map_err(api_error)
        })
        .await?;
    // The kept text is shared, not copied, nor joined to the cross-wave keys.
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(crate::web::slices::Slices::new(parts)))
}

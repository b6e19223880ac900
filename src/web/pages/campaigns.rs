//! Campaign pages: list, create, edit while draft, status changes, response
//! rates, customer links and QR codes, employee invitations (CSV), and the
//! response import form.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::see_other;
use crate::analytics::Population;
use crate::auth::policy::{Action, Decision};
use crate::domain::campaigns::{self, Campaign, CampaignInput, CampaignStatus, TeamRate};
use crate::domain::organisations::Organisation;
use crate::domain::reminders::{self, ReminderStatus};
use crate::domain::{authorise, organisations, DomainError, RowError};
use crate::error::{AppError, AppResult};
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::middleware::translated_rows;
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;
use crate::web::uploads;

/// The campaign form as typed (checkboxes arrive as repeated fields).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CampaignForm {
    name: String,
    opens_on: String,
    closes_on: String,
    lang_fr: Option<String>,
    lang_en: Option<String>,
    pop_customer: Option<String>,
    pop_employee: Option<String>,
    pop_manager: Option<String>,
    pop_executive: Option<String>,
    /// "Open and close by itself on these dates".
    scheduled: Option<String>,
    time_zone: String,
}

impl CampaignForm {
    fn input(&self) -> CampaignInput {
        let pick = |pairs: &[(&str, &Option<String>)]| -> Vec<String> {
            pairs
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(k, _)| k.to_string())
                .collect()
        };
        CampaignInput {
            name: self.name.clone(),
            opens_on: self.opens_on.clone(),
            closes_on: self.closes_on.clone(),
            languages: pick(&[("fr", &self.lang_fr), ("en", &self.lang_en)]),
            populations: pick(&[
                ("customer", &self.pop_customer),
                ("employee", &self.pop_employee),
                ("manager", &self.pop_manager),
                ("executive", &self.pop_executive),
            ]),
            scheduled: self.scheduled.is_some(),
            time_zone: Some(self.time_zone.clone()),
        }
    }

    fn from_campaign(c: &Campaign, schedule: Option<String>) -> CampaignForm {
        let on = |b: bool| b.then(|| "1".to_string());
        let langs = c.language_list();
        CampaignForm {
            name: c.name.clone(),
            opens_on: c.opens_on.to_string(),
            closes_on: c.closes_on.to_string(),
            lang_fr: on(langs.iter().any(|l| l == "fr")),
            lang_en: on(langs.iter().any(|l| l == "en")),
            pop_customer: on(c.includes(Population::Customer)),
            pop_employee: on(c.includes(Population::Employee)),
            pop_manager: on(c.includes(Population::Manager)),
            pop_executive: on(c.includes(Population::Executive)),
            scheduled: on(schedule.is_some()),
            time_zone: schedule.unwrap_or_else(|| crate::domain::scheduler::DEFAULT_TIME_ZONE.to_string()),
        }
    }

    fn fresh() -> CampaignForm {
        let today = chrono::Utc::now().date_naive();
        let on = Some("1".to_string());
        CampaignForm {
            name: String::new(),
            opens_on: today.to_string(),
            closes_on: (today + chrono::Duration::days(28)).to_string(),
            lang_fr: on.clone(),
            lang_en: on.clone(),
            pop_customer: on.clone(),
            pop_employee: on.clone(),
            pop_manager: on.clone(),
            pop_executive: on,
            scheduled: None,
            time_zone: crate::domain::scheduler::DEFAULT_TIME_ZONE.to_string(),
        }
    }
}

#[derive(Serialize)]
struct ListPage {
    org: Organisation,
    campaigns: Vec<Campaign>,
    may_manage: bool,
}

#[get("/orgs/{org}/campaigns")]
pub async fn list(state: State, req: HttpRequest, s: SignedIn, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, id) = (s.principal.clone(), org_id.clone());
    let (org, list) = state
        .db(move |conn| Ok((organisations::get(conn, &p, &id)?, campaigns::list(conn, &p, &id)?)))
        .await?;
    let page = ListPage {
        may_manage: s.principal.may(Action::ManageCampaigns { org: &org_id }) == Decision::Allow,
        org,
        campaigns: list,
    };
    html(
        &state.templates,
        "pages/campaigns",
        &page_context(&req, "campaigns-title", page),
    )
}

#[derive(Serialize)]
struct FormPage {
    org_id: String,
    campaign_id: Option<String>,
    form: FormState<CampaignForm>,
}

fn form_page(
    req: &HttpRequest,
    state: &State,
    org_id: String,
    campaign_id: Option<String>,
    form: FormState<CampaignForm>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let title = if campaign_id.is_some() {
        "campaign-edit-title"
    } else {
        "campaign-new-title"
    };
    let mut res = html(
        &state.templates,
        "pages/campaign_form",
        &page_context(
            req,
            title,
            FormPage {
                org_id,
                campaign_id,
                form,
            },
        ),
    )?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/orgs/{org}/campaigns/new")]
pub async fn new_form(state: State, req: HttpRequest, s: SignedIn, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    authorise(&s.principal, Action::ManageCampaigns { org: &org_id })?;
    form_page(
        &req,
        &state,
        org_id,
        None,
        FormState::new(CampaignForm::fresh()),
        StatusCode::OK,
    )
}

#[post("/orgs/{org}/campaigns")]
pub async fn create(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<CampaignForm>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, org, input) = (s.principal.clone(), org_id.clone(), form.input());
    let to = org_id.clone();
    settle(
        &state,
        &req,
        form,
        move |conn| campaigns::create(conn, &p, &org, &input),
        |c| format!("/orgs/{to}/campaigns/{}?notice=notice-campaign-created", c.id),
        |form| async { form_page(&req, &state, org_id, None, form, StatusCode::UNPROCESSABLE_ENTITY) },
    )
    .await
}

#[get("/orgs/{org}/campaigns/{c}/edit")]
pub async fn edit_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    authorise(&s.principal, Action::ManageCampaigns { org: &org_id })?;
    let (p, org, id) = (s.principal.clone(), org_id.clone(), cid.clone());
    let (c, schedule) = state
        .db(move |conn| {
            let c = campaigns::get(conn, &p, &org, &id)?;
            let schedule = campaigns::schedule_of(conn, &p, &c)?;
            Ok((c, schedule))
        })
        .await?;
    form_page(
        &req,
        &state,
        org_id,
        Some(cid),
        FormState::new(CampaignForm::from_campaign(&c, schedule)),
        StatusCode::OK,
    )
}

#[post("/orgs/{org}/campaigns/{c}/edit")]
pub async fn update(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<CampaignForm>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let (p, org, id, input) = (s.principal.clone(), org_id.clone(), cid.clone(), form.input());
    let to = format!("/orgs/{org_id}/campaigns/{cid}?notice=notice-saved");
    settle(
        &state,
        &req,
        form,
        move |conn| campaigns::update(conn, &p, &org, &id, &input),
        |_| to,
        |form| async { form_page(&req, &state, org_id, Some(cid), form, StatusCode::UNPROCESSABLE_ENTITY) },
    )
    .await
}

#[derive(Serialize)]
struct ConfirmPage {
    org_id: String,
    campaign: Campaign,
    /// `close` or `archive`: the step to confirm.
    verb: &'static str,
}

/// The confirmation of a step that cannot be undone (closing or archiving
/// a campaign): what it does, and the button that posts it.
#[get("/orgs/{org}/campaigns/{c}/{verb:close|archive}")]
pub async fn confirm_status(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, verb) = path.into_inner();
    let verb = if verb == "close" { "close" } else { "archive" };
    authorise(&s.principal, Action::ManageCampaigns { org: &org_id })?;
    let (p, org, id) = (s.principal.clone(), org_id.clone(), cid.clone());
    let (campaign, organisation) = state
        .db(move |conn| {
            let c = campaigns::get(conn, &p, &org, &id)?;
            Ok((c, organisations::get(conn, &p, &org)?))
        })
        .await?;
    let page = ConfirmPage { org_id, campaign, verb };
    let title = format!("campaign-confirm-{verb}-title");
    html(
        &state.templates,
        "pages/campaign_confirm",
        &crate::web::context::page_context_in(&req, &title, Some(&organisation.default_language), page),
    )
}

#[derive(Deserialize)]
pub struct StatusForm {
    verb: String,
}

#[post("/orgs/{org}/campaigns/{c}/status")]
pub async fn change_status(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let (p, org, id) = (s.principal.clone(), org_id.clone(), cid.clone());
    state
        .db(move |conn| {
            campaigns::get(conn, &p, &org, &id)?;
            Ok(campaigns::transition(conn, &p, &id, &form.verb)?)
        })
        .await?;
    // "Results are ready", now that the close is committed.
    super::notices::send_pending(&state, public_base(&state, &req)).await;
    Ok(see_other(&format!(
        "/orgs/{org_id}/campaigns/{cid}?notice=notice-saved"
    )))
}

/// A team row of the campaign page with its links.
#[derive(Serialize)]
struct TeamLinks {
    rate: TeamRate,
    customer_link: String,
    may_self_assess: bool,
}

#[derive(Serialize)]
struct CampaignPage {
    org_id: String,
    campaign: Campaign,
    teams: Vec<TeamLinks>,
    executives: i64,
    k: u64,
    may_manage: bool,
    may_executive: bool,
    is_open: bool,
    is_draft: bool,
    import_errors: Vec<RowError>,
    imported: Option<usize>,
    /// Some team has sub-teams: the participation by region is shown.
    has_regions: bool,
    reminder_error: Option<&'static str>,
    /// The addresses kept for reminders and the reminders sent.
    reminders: ReminderStatus,
    /// The reminder button: a person who may send it, mail configured.
    may_remind: bool,
    /// A closed wave: links to its results.
    is_published: bool,
    /// The organisation's results (dashboard, audit, exports): not for a
    /// manager, who opens their own teams' results.
    may_view_results: bool,
    /// The time zone of a wave that opens and closes by itself.
    schedule: Option<String>,
    history: Vec<campaigns::HistoryEntry>,
}

pub fn public_base(state: &State, req: &HttpRequest) -> String {
    let base = state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| crate::web::client_ip::request_origin(req, &state.config.trusted_proxies));
    base.trim_end_matches('/').to_string()
}

pub fn customer_link(base: &str, campaign_code: &str, team_code: &str, channel: Option<&str>) -> String {
    let mut link = format!("{base}/s/{campaign_code}/{team_code}");
    if let Some(ch) = channel {
        link.push_str("?ch=");
        link.push_str(ch);
    }
    link
}

/// What a form posted on the campaign page led to, shown on it.
#[derive(Default)]
struct Outcome {
    import_errors: Vec<RowError>,
    imported: Option<usize>,
    /// Why a reminder was refused (a message key).
    reminder_error: Option<&'static str>,
}

async fn campaign_page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    org_id: String,
    cid: String,
    outcome: Outcome,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (p, org, id) = (s.principal.clone(), org_id.clone(), cid.clone());
    let (c, participation, schedule, history, reminders) = state
        .db(move |conn| {
            let c = campaigns::get(conn, &p, &org, &id)?;
            let rates = campaigns::rates(conn, &p, &c)?;
            let schedule = campaigns::schedule_of(conn, &p, &c)?;
            let history = campaigns::history(conn, &p, &c)?;
            let reminders = reminders::status(conn, &p, &c)?;
            Ok((c, rates, schedule, history, reminders))
        })
        .await?;
    let mail_configured = state.mailer.is_some();
    let base = public_base(state, req);
    let teams: Vec<TeamLinks> = participation
        .teams
        .into_iter()
        .map(|rate| TeamLinks {
            customer_link: customer_link(&base, &c.code, &rate.code, None),
            may_self_assess: s.principal.may(Action::SelfAssess {
                org: &org_id,
                team: &rate.team_id,
            }) == Decision::Allow,
            rate,
        })
        .collect();
    let may_remind = s.principal.may(Action::SendReminders { org: &org_id }) == Decision::Allow && mail_configured;
    let has_regions = teams.iter().any(|t| t.rate.is_region);
    let page = CampaignPage {
        has_regions,
        may_remind,
        is_published: c.status.is_published(),
        may_view_results: s.principal.may(Action::ViewOrganisationResults { org: &org_id }) == Decision::Allow,
        may_manage: s.principal.may(Action::ManageCampaigns { org: &org_id }) == Decision::Allow,
        may_executive: s.principal.may(Action::ExecutiveAssess { org: &org_id }) == Decision::Allow,
        is_open: c.status == CampaignStatus::Open,
        is_draft: c.status == CampaignStatus::Draft,
        org_id,
        campaign: c,
        teams,
        executives: participation.executives,
        k: participation.k,
        import_errors: outcome.import_errors,
        imported: outcome.imported,
        reminder_error: outcome.reminder_error,
        reminders,
        schedule,
        history,
    };
    let mut res = html(
        &state.templates,
        "pages/campaign",
        &page_context(req, "campaign-title", page),
    )?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/orgs/{org}/campaigns/{c}")]
pub async fn show(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    campaign_page(&state, &req, &s, org_id, cid, Outcome::default(), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct InviteForm {
    team: String,
    #[serde(default)]
    count: String,
    /// Addresses to e-mail one link each (optional).
    #[serde(default)]
    emails: String,
}

/// Employee invitation links for one team, as CSV for a mail merge.
#[post("/orgs/{org}/campaigns/{c}/invitations")]
pub async fn invitations(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    if !form.emails.trim().is_empty() {
        return email_invitations(state, req, s, org_id, cid, form).await;
    }
    let count = match form.count.trim() {
        "" => None,
        n => Some(
            n.parse::<usize>()
                .map_err(|_| AppError::Validation("error-invitation-count"))?,
        ),
    };
    let (p, org, id, team) = (s.principal.clone(), org_id.clone(), cid.clone(), form.team.clone());
    let tokens = state
        .db(move |conn| {
            campaigns::get(conn, &p, &org, &id)?;
            Ok(campaigns::invite(conn, &p, &id, &team, count)?)
        })
        .await?;
    let base = public_base(&state, &req);
    let links: Vec<String> = tokens.into_iter().map(|t| format!("{base}/i/{t}")).collect();
    let body = crate::render::export::invitations_csv(&form.team, &links)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"invitations-{}.csv\"",
                form.team.replace('"', "")
            ),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}

/// Invitations sent by e-mail: one link per address; each address is kept
/// sealed beside its invitation until the wave closes, for reminders.
async fn email_invitations(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    org_id: String,
    cid: String,
    form: InviteForm,
) -> AppResult<HttpResponse> {
    if state.mailer.is_none() {
        return Err(AppError::Validation("error-mail-not-configured"));
    }
    let recipients = crate::domain::mail::parse_recipients(&form.emails)?;
    let (p, org, id, team) = (s.principal.clone(), org_id.clone(), cid.clone(), form.team.clone());
    let base = public_base(&state, &req);
    let st = state.clone();
    let sent = state
        .db(move |conn| {
            campaigns::get(conn, &p, &org, &id)?;
            let mailer = st
                .mailer
                .as_ref()
                .ok_or(AppError::Validation("error-mail-not-configured"))?;
            Ok(reminders::invite_by_email(
                conn,
                mailer,
                &p,
                &id,
                &team,
                &recipients,
                &base,
            )?)
        })
        .await?;
    tracing::info!(sent, "invitation e-mails sent");
    Ok(see_other(&format!(
        "/orgs/{org_id}/campaigns/{cid}?notice=notice-invitations-sent&sent={sent}"
    )))
}

/// The reminder button's form: its CSRF token only.
#[derive(Deserialize)]
pub struct ReminderForm {}

/// A reminder now, to the people invited by e-mail who have not answered.
#[post("/orgs/{org}/campaigns/{c}/reminders")]
pub async fn send_reminders(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<ReminderForm>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let (p, org, id) = (s.principal.clone(), org_id.clone(), cid.clone());
    let st = state.clone();
    let outcome = state
        .db(move |conn| {
            campaigns::get(conn, &p, &org, &id)?;
            Ok(reminders::send_now(conn, st.mailer.as_ref(), &p, &id))
        })
        .await?;
    match outcome {
        Ok(sent) => Ok(see_other(&format!(
            "/orgs/{org_id}/campaigns/{cid}?notice=notice-reminders-sent&sent={sent}"
        ))),
        Err(DomainError::Conflict(key)) => {
            campaign_page(
                &state,
                &req,
                &s,
                org_id,
                cid,
                Outcome {
                    reminder_error: Some(key),
                    ..Outcome::default()
                },
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct QrQuery {
    ch: Option<String>,
}

async fn campaign_for_qr(state: &State, s: &SignedIn, org_id: String, cid: String) -> AppResult<Campaign> {
    let p = s.principal.clone();
    state.db(move |conn| Ok(campaigns::get(conn, &p, &org_id, &cid)?)).await
}

#[get("/orgs/{org}/campaigns/{c}/qr/{team}.{ext}")]
pub async fn qr(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String, String, String)>,
    q: web::Query<QrQuery>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, team, ext) = path.into_inner();
    let c = campaign_for_qr(&state, &s, org_id.clone(), cid).await?;
    // Only the organisation's teams have a link to draw (a segment longer
    // than a QR code holds failed the request).
    let (code, p) = (team.clone(), s.principal.clone());
    state
        .db(
            move |conn| match crate::domain::teams::has_code(conn, &p, &org_id, &code)? {
                true => Ok(()),
                false => Err(AppError::NotFound),
            },
        )
        .await?;
    let channel =
        q.ch.as_deref()
            .filter(|ch| crate::analytics::Channel::parse(ch).is_ok());
    let link = customer_link(&public_base(&state, &req), &c.code, &team, channel);
    match ext.as_str() {
        "svg" => Ok(HttpResponse::Ok()
            .content_type("image/svg+xml")
            .body(crate::render::qr::svg(&link, 320)?)),
        "png" => Ok(HttpResponse::Ok()
            .content_type("image/png")
            .body(crate::render::qr::png(&link, 8)?)),
        _ => Err(AppError::NotFound),
    }
}

#[derive(Serialize)]
struct SheetTeam {
    code: String,
    name: String,
    link: String,
    svg: String,
}

#[derive(Serialize)]
struct SheetPage {
    org_id: String,
    campaign: Campaign,
    teams: Vec<SheetTeam>,
}

/// A printable A4 sheet with every team's QR code (at the counter).
#[get("/orgs/{org}/campaigns/{c}/qr-sheet")]
pub async fn qr_sheet(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let (p, org) = (s.principal.clone(), org_id.clone());
    let c = campaign_for_qr(&state, &s, org_id.clone(), cid).await?;
    let tree = state
        .db(move |conn| Ok(crate::domain::teams::tree(conn, &p, &org)?))
        .await?;
    let base = public_base(&state, &req);
    let mut teams = Vec::new();
    for row in tree {
        let link = customer_link(&base, &c.code, &row.team.code, Some("in_person"));
        let svg = crate::render::qr::svg(&link, 180)?;
        // The XML prolog is not allowed inside HTML.
        let svg = svg.split_once("?>").map(|(_, rest)| rest.to_string()).unwrap_or(svg);
        teams.push(SheetTeam {
            code: row.team.code,
            name: row.team.name,
            link,
            svg,
        });
    }
    let page = SheetPage {
        org_id,
        campaign: c,
        teams,
    };
    html(
        &state.templates,
        "pages/qr_sheet",
        &page_context(&req, "qr-sheet-title", page),
    )
}

/// Largest response import accepted through the form or the API.
pub const IMPORT_LIMIT: usize = 512 * 1024 * 1024;

#[post("/orgs/{org}/campaigns/{c}/import")]
pub async fn import(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    authorise(&s.principal, Action::ManageCampaigns { org: &org_id })?;
    let file = uploads::multipart_to_file(&req, payload, IMPORT_LIMIT).await?;
    let (p, org, id) = (s.principal.clone(), org_id.clone(), cid.clone());
    let outcome = state
        .db(move |conn| {
            campaigns::get(conn, &p, &org, &id)?;
            let reader = std::io::BufReader::new(file.reopen().map_err(anyhow::Error::from)?);
            Ok(crate::domain::import::import_responses(conn, &p, &id, reader))
        })
        .await?;
    match outcome {
        Ok(n) => {
            let outcome = Outcome {
                imported: Some(n),
                ..Outcome::default()
            };
            campaign_page(&state, &req, &s, org_id, cid, outcome, StatusCode::OK).await
        }
        Err(DomainError::Rows(rows)) => {
            let rows = translated_rows(&lang_for(&req, None), &rows);
            campaign_page(
                &state,
                &req,
                &s,
                org_id,
                cid,
                Outcome {
                    import_errors: rows,
                    ..Outcome::default()
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

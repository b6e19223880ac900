//! Result pages: a team's results (scores, blind spots, gaps next to the
//! recommended points, actions, comments, close-the-loop list) and the
//! organisation's action plan. They render the engine's report structs;
//! nothing here computes a statistic.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::see_other;
use crate::analytics::GroupReport;
use crate::auth::policy::{Action, Decision};
use crate::domain::actions::{self, ActionView, AdoptInput};
use crate::domain::campaigns::{Campaign, CampaignStatus};
use crate::domain::contacts::ContactRequest;
use crate::domain::team_results::{PublishedTeam, TeamResults};
use crate::domain::{campaigns, contacts, DomainError};
use crate::error::{AppError, AppResult};
use crate::web::context::{page_context, CsrfForm};
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

/// One dimension's row: the engine's figures plus the names to show.
#[derive(Serialize)]
pub struct DimensionRow<'a> {
    pub code: &'static str,
    pub pillar: &'static str,
    pub report: &'a crate::analytics::group::DimensionReport,
}

pub fn dimension_rows(group: &GroupReport) -> Vec<DimensionRow<'_>> {
    group
        .dimensions
        .iter()
        .map(|(d, report)| DimensionRow {
            code: d.as_str(),
            pillar: d.pillar().as_str(),
            report,
        })
        .collect()
}

/// A recommended point: its rank, its one-sentence reason in the reader's
/// language (`render::reason`), and every matching figure.
#[derive(Serialize)]
pub struct RecommendationRow<'a> {
    pub rank: usize,
    pub action: &'static str,
    pub reason: String,
    pub because: &'a [crate::analytics::recommendations::Because],
}

/// The ranked points of a group, as the pages show them.
pub fn recommendation_rows<'a>(
    lang: &str,
    recommendations: &'a [crate::analytics::recommendations::Recommendation],
) -> Vec<RecommendationRow<'a>> {
    recommendations
        .iter()
        .map(|r| RecommendationRow {
            rank: r.rank,
            action: r.action,
            reason: crate::render::reason::of(lang, r),
            because: &r.because,
        })
        .collect()
}

#[derive(Serialize)]
struct TeamResultsPage<'a> {
    org_id: String,
    campaign: Campaign,
    team_code: String,
    team_name: String,
    k: u64,
    group: &'a GroupReport,
    dimensions: Vec<DimensionRow<'a>>,
    recommendations: Vec<RecommendationRow<'a>>,
    points: Vec<&'static str>,
    actions: Vec<ActionView>,
    customer_comments: Vec<String>,
    employee_comments: Vec<String>,
    contacts: Option<Vec<ContactRequest>>,
    may_adopt: bool,
    statuses: &'static [actions::ActionStatus],
    trail: super::Trail,
    summary: super::team_summary::Summary,
    chart: crate::render::charts::DotChart,
}

/// A team's page while its wave is open: participation is on the
/// campaign page; here only what cannot wait for the close.
#[derive(Serialize)]
struct TeamOpenPage {
    trail: super::Trail,
    org_id: String,
    campaign: crate::domain::campaigns::Campaign,
    team_code: String,
    team_name: String,
    contacts: Option<Vec<ContactRequest>>,
}

#[get("/orgs/{org}/campaigns/{c}/teams/{team}")]
pub async fn team_results(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, code) = path.into_inner();
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (org_name, loaded) = state
        .db(move |conn| {
            let loaded = crate::domain::team_results::team_results(conn, &p, &org, &cid, &code)?;
            Ok((crate::domain::organisations::get(conn, &p, &org)?.name, loaded))
        })
        .await?;
    let published = match loaded {
        TeamResults::Published(published) => published,
        TeamResults::Open(open) => {
            let page = TeamOpenPage {
                trail: super::Trail::new(
                    &s.principal,
                    (&org_id, &org_name),
                    (&open.campaign.id, &open.campaign.name),
                    "team-results-title",
                ),
                org_id,
                campaign: open.campaign,
                team_code: open.team.code,
                team_name: open.team.name,
                contacts: open.contacts,
            };
            return html(
                &state.templates,
                "pages/team_open",
                &page_context(&req, "team-results-title", page),
            );
        }
    };
    let PublishedTeam {
        campaign: c,
        team: t,
        report,
        customer_comments,
        employee_comments,
        contacts,
        actions,
        may_adopt,
        reader_manages,
        previous,
    } = *published;
    let group = &report.organisation;
    let lang = crate::web::context::lang_for(&req, None);
    let summary = super::team_summary::summary(&lang, group, reader_manages, previous.as_ref());
    let chart = crate::render::charts::dots(
        crate::render::charts::ChartMeta {
            id: "team-dots",
            title_key: "chart-dots-title",
            desc_key: "chart-dots-desc",
        },
        group,
        report.anonymity_threshold,
        crate::render::number::NumberStyle::for_lang(&lang),
    );
    let trail = super::Trail::new(
        &s.principal,
        (&org_id, &org_name),
        (&c.id, &c.name),
        "team-results-title",
    );
    let page = TeamResultsPage {
        trail,
        may_adopt,
        org_id,
        campaign: c,
        team_code: t.code,
        team_name: t.name,
        k: report.anonymity_threshold,
        dimensions: dimension_rows(group),
        recommendations: recommendation_rows(&lang, &group.recommendations),
        summary,
        chart,
        points: crate::domain::instrument::action_plan()
            .iter()
            .map(|a| a.code.as_str())
            .collect::<Vec<_>>()
            .into_iter()
            .map(point_code)
            .collect(),
        group,
        actions,
        customer_comments,
        employee_comments,
        contacts,
        statuses: actions::STATUSES,
    };
    html(
        &state.templates,
        "pages/team_results",
        &page_context(&req, "team-results-title", page),
    )
}

/// The static code of a point (the plan is static data).
fn point_code(code: &str) -> &'static str {
    crate::analytics::recommendations::ACTION_PLAN
        .iter()
        .find(|r| r.code == code)
        .map(|r| r.code)
        .unwrap_or("")
}

#[post("/orgs/{org}/campaigns/{c}/actions")]
pub async fn adopt(
    state: State,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<AdoptInput>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let (p, author, org, id, input) = (
        s.principal.clone(),
        s.user.display_name.clone(),
        org_id.clone(),
        cid.clone(),
        form.clone(),
    );
    let outcome = state
        .db(move |conn| {
            campaigns::get(conn, &p, &org, &id)?;
            Ok(actions::adopt(conn, &p, &author, &id, &input))
        })
        .await?;
    let back = match form.team.trim() {
        "" => format!("/orgs/{org_id}/actions"),
        t => format!("/orgs/{org_id}/campaigns/{cid}/teams/{t}"),
    };
    match outcome {
        Ok(_) => Ok(see_other(&format!("{back}?notice=notice-action-adopted#actions"))),
        Err(DomainError::Field(_, key)) => Err(AppError::Validation(key)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    back: String,
}

#[post("/orgs/{org}/actions/{id}")]
pub async fn update_action(
    state: State,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> AppResult<HttpResponse> {
    let (org_id, id) = path.into_inner();
    let (p, author, org) = (s.principal.clone(), s.user.display_name.clone(), org_id.clone());
    let (status, note) = (form.status.clone(), form.note.clone());
    state
        .db(move |conn| Ok(actions::set_status(conn, &p, &author, &org, &id, &status, &note)?))
        .await?;
    let back = super::safe_next(
        Some(form.back.as_str())
            .filter(|b| !b.is_empty())
            .or(Some(&format!("/orgs/{org_id}/actions"))),
    );
    Ok(see_other(&back))
}

#[derive(Serialize)]
struct ActionsPage {
    org_id: String,
    org_name: String,
    actions: Vec<ActionView>,
    statuses: &'static [actions::ActionStatus],
    campaigns: Vec<Campaign>,
    points: Vec<&'static str>,
    may_adopt_org: bool,
    trail: super::Trail,
    /// How many actions are overdue.
    overdue: usize,
}

/// Every action of the organisation by point and status, with effects.
#[get("/orgs/{org}/actions")]
pub async fn list_actions(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (org_row, list, campaigns) = state
        .db(move |conn| {
            let o = crate::domain::organisations::get(conn, &p, &org)?;
            Ok((o, actions::list(conn, &p, &org)?, campaigns::list(conn, &p, &org)?))
        })
        .await?;
    let page = ActionsPage {
        trail: super::Trail::of_organisation(&s.principal, (&org_id, &org_row.name), "actions-title"),
        may_adopt_org: s.principal.may(Action::ManageActions {
            org: &org_id,
            lineage: &[],
        }) == Decision::Allow,
        org_id,
        org_name: org_row.name,
        overdue: list.iter().filter(|a| a.overdue).count(),
        actions: list,
        statuses: actions::STATUSES,
        campaigns: campaigns
            .into_iter()
            .filter(|c| c.status != CampaignStatus::Draft)
            .collect(),
        points: crate::analytics::recommendations::ACTION_PLAN
            .iter()
            .map(|r| r.code)
            .collect(),
    };
    html(
        &state.templates,
        "pages/actions",
        &page_context(&req, "actions-title", page),
    )
}

#[derive(Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    done: Option<String>,
}

/// Marks a customer's call-back request handled (or not). Who may is
/// decided on the request's own team, whatever the form says.
#[post("/orgs/{org}/campaigns/{c}/contacts/{id}")]
pub async fn contact_done(
    state: State,
    s: SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, id) = path.into_inner();
    let (p, org, c) = (s.principal.clone(), org_id.clone(), cid.clone());
    let done = form.done.is_some();
    let team_code = state
        .db(move |conn| Ok(contacts::set_done(conn, &p, &org, &c, &id, done)?))
        .await?;
    Ok(see_other(&format!(
        "/orgs/{org_id}/campaigns/{cid}/teams/{team_code}#contacts"
    )))
}

//! The survey pages: customers from a team link, employees from a
//! single-use invitation, managers' self-assessments and the executives'
//! estimates. Mobile first, no JavaScript, answers kept when refused, a
//! double submission stored once.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::see_other;
use crate::analytics::{Channel, Population};
use crate::auth::random_token;
use crate::domain::campaigns::Campaign;
use crate::domain::campaigns::CampaignStatus;
use crate::domain::collection::{self, Claim, Pending, Section, Source, Stored, Submission};
use crate::domain::survey::{self, Target};
use crate::domain::{DomainError, MessageKey};
use crate::error::{AppError, AppResult};
use crate::web::context::{
    csrf_token, lang_for, language_cookie, notice_for, page_context_as, page_context_in, CsrfForm,
};
use crate::web::render::{html, PageContext};
use crate::web::session::SignedIn;
use crate::web::state::State;
use crate::web::survey_cache::{answerable, PageKey};

#[derive(Serialize)]
struct SurveyPage {
    /// The organisation's name, which respondents know (the campaign's
    /// name is internal).
    organisation_name: String,
    team_name: Option<String>,
    intro_key: &'static str,
    action: String,
    sections: Vec<Section>,
    question_count: usize,
    idempotency_key: String,
    channel: Option<String>,
    with_comment: bool,
    with_contact: bool,
    comment: String,
    contact_ok: bool,
    contact: String,
    contact_message: String,
    contact_error: Option<MessageKey>,
    error_count: usize,
    /// The refused questions in form order, for the error summary's links.
    refused: Vec<Refused>,
    /// The first refused question: its first choice takes the focus.
    first_refused: Option<String>,
}

/// A refused question as the error summary links to it.
#[derive(Serialize)]
struct Refused {
    code: String,
    text_key: String,
}

/// What the survey form sends besides the answers.
#[derive(Debug, Default, Clone)]
struct Extras {
    idempotency_key: String,
    comment: String,
    contact_ok: bool,
    contact: String,
    contact_message: String,
    /// A language button was pressed: show the same form, as typed, in
    /// this language (nothing is checked or stored).
    switch_lang: Option<String>,
}

impl Extras {
    fn from_form(form: &HashMap<String, String>) -> Extras {
        let get = |k: &str| form.get(k).cloned().unwrap_or_default();
        Extras {
            idempotency_key: get("idempotency_key"),
            comment: get("comment"),
            contact_ok: form.get("contact_ok").is_some(),
            contact: get("contact"),
            contact_message: get("contact_message"),
            switch_lang: form
                .get("switch_lang")
                .filter(|l| crate::i18n::is_supported(l))
                .cloned(),
        }
    }
}

/// A survey form's page, from its target, the typed answers, their
/// messages and the extras.
fn survey_page(
    target: &Target,
    typed: &HashMap<String, String>,
    errors: &BTreeMap<String, MessageKey>,
    extras: Extras,
    contact_error: Option<MessageKey>,
) -> SurveyPage {
    let sections = collection::questionnaire(target.instrument(), target.population, typed, errors);
    let question_count = sections.iter().map(|s| s.questions.len()).sum();
    let refused: Vec<Refused> = sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| q.error.is_some())
        .map(|q| Refused {
            code: q.code.clone(),
            text_key: q.text_key.clone(),
        })
        .collect();
    let first_refused = refused.first().map(|r| r.code.clone());
    let anonymous = matches!(target.population, Population::Customer | Population::Employee);
    let intro_key = match target.population {
        Population::Customer => "survey-intro-customer",
        Population::Employee => "survey-intro-employee",
        Population::Manager => "survey-intro-manager",
        Population::Executive => "survey-intro-executive",
    };
    SurveyPage {
        organisation_name: target.org_name.clone(),
        team_name: target.team_name.clone(),
        intro_key,
        action: target.action.clone(),
        sections,
        question_count,
        idempotency_key: if extras.idempotency_key.is_empty() {
            random_token(18)
        } else {
            extras.idempotency_key
        },
        channel: target.channel.map(|c| c.as_str().to_string()),
        with_comment: anonymous,
        with_contact: target.population == Population::Customer,
        comment: extras.comment,
        contact_ok: extras.contact_ok,
        contact: extras.contact,
        contact_message: extras.contact_message,
        contact_error,
        error_count: errors.len() + usize::from(contact_error.is_some()),
        refused,
        first_refused,
    }
}

/// The context of a survey form in `lang`.
fn survey_context(req: &HttpRequest, target: &Target, lang: String, page: SurveyPage) -> PageContext<SurveyPage> {
    let mut ctx = page_context_as(req, "survey-title", lang, page);
    // Signed self-assessments keep the header of a signed-in person.
    ctx.respondent = matches!(target.population, Population::Customer | Population::Employee);
    ctx.survey_form = true;
    ctx
}

#[expect(
    clippy::too_many_arguments,
    reason = "a survey form is drawn from its target, the typed answers, their messages and the extras"
)]
fn render(
    state: &State,
    req: &HttpRequest,
    target: &Target,
    typed: &HashMap<String, String>,
    errors: &BTreeMap<String, MessageKey>,
    extras: Extras,
    contact_error: Option<MessageKey>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let switched = extras.switch_lang.clone();
    let lang = switched
        .clone()
        .unwrap_or_else(|| lang_for(req, Some(&target.org_default)));
    let page = survey_page(target, typed, errors, extras, contact_error);
    let ctx = survey_context(req, target, lang, page);
    let mut res = html(&state.templates, "pages/survey", &ctx)?;
    *res.status_mut() = status;
    if let Some(lang) = switched {
        res.add_cookie(&language_cookie(lang))
            .map_err(|e| AppError::Unexpected(e.into()))?;
    }
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// A blank anonymous form (a customer's link, an employee's invitation):
/// the kept bytes of its team, channel and language with this request's
/// CSRF token, a fresh idempotency key and its action put in. A signed-in
/// visitor's header names them, so their form is drawn afresh.
fn anonymous_form(state: &State, req: &HttpRequest, target: &Target) -> AppResult<HttpResponse> {
    let blank = || {
        render(
            state,
            req,
            target,
            &HashMap::new(),
            &BTreeMap::new(),
            Extras::default(),
            None,
            StatusCode::OK,
        )
    };
    if !state.surveys.enabled() || crate::web::middleware::signed_in(req).is_some() {
        return blank();
    }
    let lang = lang_for(req, Some(&target.org_default));
    let notice = notice_for(req, &lang);
    let key = PageKey::new(target, &lang, notice.as_deref());
    let kept = state.surveys.page(key, |markers| {
        let mut marked = target.clone();
        marked.action = markers.action();
        let extras = Extras {
            idempotency_key: markers.idempotency_key(),
            ..Extras::default()
        };
        let page = survey_page(&marked, &HashMap::new(), &BTreeMap::new(), extras, None);
        let mut ctx = survey_context(req, &marked, lang.clone(), page);
        ctx.csrf = markers.csrf();
        state
            .templates
            .render("pages/survey", &ctx)
            .map_err(|e| AppError::Unexpected(anyhow::anyhow!("rendering pages/survey: {e}")))
    })?;
    let Some(kept) = kept else { return blank() };
    let body = kept.join(&csrf_token(req), &random_token(18), &target.action);
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(body))
}

#[derive(Serialize)]
struct MessagePage {
    message_key: &'static str,
}

/// A friendly page for links that cannot be answered (not an error dump).
fn message(state: &State, req: &HttpRequest, key: &'static str, status: StatusCode) -> AppResult<HttpResponse> {
    let mut ctx = page_context_in(req, "survey-title", None, MessagePage { message_key: key });
    ctx.respondent = true;
    let mut res = html(&state.templates, "pages/survey_message", &ctx)?;
    *res.status_mut() = status;
    Ok(res)
}

fn not_answerable(state: &State, req: &HttpRequest, e: &DomainError) -> Option<AppResult<HttpResponse>> {
    let (key, status) = match e {
        DomainError::NotFound => ("survey-unknown-link", StatusCode::NOT_FOUND),
        DomainError::Validation("error-invitation-unknown") => ("survey-unknown-link", StatusCode::NOT_FOUND),
        DomainError::Conflict("error-invitation-used") => ("survey-invitation-used", StatusCode::GONE),
        DomainError::Conflict("error-campaign-closed") => ("survey-closed", StatusCode::GONE),
        DomainError::Validation("error-population-not-in-campaign") => ("survey-unknown-link", StatusCode::NOT_FOUND),
        _ => return None,
    };
    Some(message(state, req, key, status))
}

/// Stores a checked submission, or re-renders the form with every answer
/// and a message beside each refused question.
async fn submit(
    state: &State,
    req: &HttpRequest,
    target: Target,
    source: Source,
    form: HashMap<String, String>,
) -> AppResult<HttpResponse> {
    let extras = Extras::from_form(&form);
    if let Some(lang) = &extras.switch_lang {
        // A signed-in person's preference outranks the cookie: keep it too.
        if let Some(s) = crate::web::middleware::signed_in(req) {
            let (id, lang) = (s.user.id.clone(), lang.clone());
            state
                .db(move |conn| Ok(crate::domain::accounts::set_own_language(conn, &id, &lang)?))
                .await?;
        }
        return render(
            state,
            req,
            &target,
            &form,
            &BTreeMap::new(),
            extras,
            None,
            StatusCode::OK,
        );
    }
    let checked = collection::check_answers(target.instrument(), target.population, &form);
    let contact_error = (extras.contact_ok && extras.contact.trim().is_empty()).then_some("error-contact-missing");
    let answers = match (checked, contact_error) {
        (Ok(answers), None) => answers,
        (checked, contact_error) => {
            let errors = checked.err().unwrap_or_default();
            return render(
                state,
                req,
                &target,
                &form,
                &errors,
                extras,
                contact_error,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    if extras.idempotency_key.len() < 16 {
        return Err(AppError::Validation("error-form-invalid"));
    }
    let submission = Submission {
        source,
        answers,
        comment: Some(extras.comment.clone()),
        contact: (extras.contact_ok && target.population == Population::Customer)
            .then(|| (extras.contact.clone(), Some(extras.contact_message.clone()))),
        idempotency_key: extras.idempotency_key.clone(),
        language: lang_for(req, Some(&target.org_default)),
    };
    match write(state, target.campaign.clone(), submission).await? {
        Ok(Stored::New) | Ok(Stored::Duplicate) => Ok(see_other(&format!(
            "/thanks?lang={}",
            lang_for(req, Some(&target.org_default))
        ))),
        Err(e) => not_answerable(state, req, &e).unwrap_or_else(|| Err(e.into())),
    }
}

/// Stores a submission through the instance's writer (group commit): an
/// employee's invitation is used first, in its own transaction, and given
/// back if the response is not stored.
async fn write(state: &State, campaign: Campaign, submission: Submission) -> AppResult<Result<Stored, DomainError>> {
    let invited = match collection::claim_without_invitation(&campaign, &submission) {
        Err(e) => return Ok(Err(e)),
        Ok(None) => None,
        Ok(Some(_)) => {
            let (c, s) = (campaign.clone(), submission.clone());
            match state.db(move |conn| Ok(collection::claim(conn, &c, &s))).await? {
                Err(e) => return Ok(Err(e)),
                Ok(Claim::Duplicate) => return Ok(Ok(Stored::Duplicate)),
                Ok(Claim::Ready(invited)) => invited,
            }
        }
    };
    let pending = Pending {
        campaign: campaign.clone(),
        submission,
        invited_team: invited.as_ref().map(|i| i.team.clone()),
    };
    let outcome = state.writer.store(pending).await;
    if invited.is_some() {
        let kept = outcome
            .as_ref()
            .map(|s| *s)
            .map_err(|_| DomainError::Conflict("error-not-stored"));
        state
            .db(move |conn| Ok(collection::give_back(conn, &campaign, invited.as_ref(), &kept)?))
            .await?;
    }
    Ok(outcome)
}

fn rate_limited(state: &State, req: &HttpRequest) -> bool {
    let ip = crate::web::client_ip::rate_key(req, &state.config.trusted_proxies);
    state.limiters.submissions_by_ip.check_key(&ip).is_err()
}

#[derive(Deserialize)]
pub struct ChannelQuery {
    ch: Option<String>,
}

/// The customer's target from the public link, or why it cannot be used.
async fn customer_target(
    state: &State,
    code: String,
    team_code: String,
    ch: Option<String>,
) -> AppResult<Result<(Target, String), DomainError>> {
    let channel = ch
        .as_deref()
        .and_then(|c| Channel::parse(c).ok())
        .unwrap_or(Channel::Web);
    state
        .db(move |conn| Ok(answerable(survey::customer_target(conn, &code, &team_code, channel))?))
        .await
}

#[get("/s/{campaign}/{team}")]
pub async fn customer_form(
    state: State,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    q: web::Query<ChannelQuery>,
) -> AppResult<HttpResponse> {
    let (code, team_code) = path.into_inner();
    let channel = q
        .into_inner()
        .ch
        .as_deref()
        .and_then(|c| Channel::parse(c).ok())
        .unwrap_or(Channel::Web);
    // Kept look-ups: a submission re-reads them (`customer_target`).
    let found = state.surveys.customer_target(&state, code, team_code, channel).await?;
    match found {
        Ok((target, _)) => anonymous_form(&state, &req, &target),
        Err(e) => not_answerable(&state, &req, &e).unwrap_or_else(|| Err(e.into())),
    }
}

#[post("/s/{campaign}/{team}")]
pub async fn customer_submit(
    state: State,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<HttpResponse> {
    if rate_limited(&state, &req) {
        return Err(AppError::TooManyRequests);
    }
    let (code, team_code) = path.into_inner();
    let ch = form.get("channel").cloned();
    match customer_target(&state, code, team_code, ch).await? {
        Ok((target, team_id)) => {
            let channel = target.channel.unwrap_or(Channel::Web);
            submit(&state, &req, target, Source::Customer { team_id, channel }, form).await
        }
        Err(e) => not_answerable(&state, &req, &e).unwrap_or_else(|| Err(e.into())),
    }
}

async fn employee_target(state: &State, token: String) -> AppResult<Result<Target, DomainError>> {
    state
        .db(move |conn| Ok(answerable(survey::employee_target(conn, &token))?))
        .await
}

#[get("/i/{token}")]
pub async fn employee_form(state: State, req: HttpRequest, path: web::Path<String>) -> AppResult<HttpResponse> {
    match employee_target(&state, path.into_inner()).await? {
        Ok(target) => anonymous_form(&state, &req, &target),
        Err(e) => not_answerable(&state, &req, &e).unwrap_or_else(|| Err(e.into())),
    }
}

#[post("/i/{token}")]
pub async fn employee_submit(
    state: State,
    req: HttpRequest,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<HttpResponse> {
    if rate_limited(&state, &req) {
        return Err(AppError::TooManyRequests);
    }
    let token = path.into_inner();
    // A second click after success finds the invitation used: the key
    // tells a double submission from a reused link.
    match employee_target(&state, token.clone()).await? {
        Ok(target) => submit(&state, &req, target, Source::Invitation { token }, form).await,
        Err(DomainError::Conflict("error-invitation-used")) => {
            let key = form.get("idempotency_key").cloned().unwrap_or_default();
            let seen = state.db(move |conn| Ok(survey::submission_seen(conn, &key)?)).await?;
            if seen {
                Ok(see_other(&format!("/thanks?lang={}", lang_for(&req, None))))
            } else {
                message(&state, &req, "survey-invitation-used", StatusCode::GONE)
            }
        }
        Err(e) => not_answerable(&state, &req, &e).unwrap_or_else(|| Err(e.into())),
    }
}

/// A signed self-assessment's target; the author's previous answers fill
/// the form.
async fn signed_target(
    state: &State,
    s: &SignedIn,
    org_id: String,
    cid: String,
    team_id: Option<String>,
) -> AppResult<(Target, HashMap<String, String>)> {
    let (p, author) = (s.principal.clone(), s.user.id.clone());
    state
        .db(move |conn| {
            Ok(survey::signed_target(
                conn,
                &p,
                &author,
                &org_id,
                &cid,
                team_id.as_deref(),
            )?)
        })
        .await
}

async fn signed_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    org_id: String,
    cid: String,
    team: Option<String>,
) -> AppResult<HttpResponse> {
    let (target, typed) = signed_target(&state, &s, org_id, cid, team).await?;
    if target.campaign.status != CampaignStatus::Open {
        return message(&state, &req, "survey-closed", StatusCode::GONE);
    }
    render(
        &state,
        &req,
        &target,
        &typed,
        &BTreeMap::new(),
        Extras::default(),
        None,
        StatusCode::OK,
    )
}

async fn signed_submit(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    org_id: String,
    cid: String,
    team: Option<String>,
    form: HashMap<String, String>,
) -> AppResult<HttpResponse> {
    // The CSRF token was checked by `CsrfForm`.
    let (target, _) = signed_target(&state, &s, org_id, cid, team.clone()).await?;
    let source = Source::Signed {
        team_id: team,
        author_id: s.user.id.clone(),
        population: target.population,
    };
    submit(&state, &req, target, source, form).await
}

#[get("/orgs/{org}/campaigns/{c}/self/{team}")]
pub async fn manager_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, team) = path.into_inner();
    signed_form(state, req, s, org_id, cid, Some(team)).await
}

#[post("/orgs/{org}/campaigns/{c}/self/{team}")]
pub async fn manager_submit(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, team) = path.into_inner();
    signed_submit(state, req, s, org_id, cid, Some(team), form).await
}

#[get("/orgs/{org}/campaigns/{c}/executive")]
pub async fn executive_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    signed_form(state, req, s, org_id, cid, None).await
}

#[post("/orgs/{org}/campaigns/{c}/executive")]
pub async fn executive_submit(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    signed_submit(state, req, s, org_id, cid, None, form).await
}

#[get("/thanks")]
pub async fn thanks(state: State, req: HttpRequest) -> AppResult<HttpResponse> {
    message(&state, &req, "survey-thanks", StatusCode::OK)
}

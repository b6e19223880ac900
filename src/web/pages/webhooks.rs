//! An organisation's webhooks in its settings: the endpoints, adding one
//! (the secret shown once), deleting one, sending a test event, and the
//! delivery log.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::domain::webhooks::{self, EndpointInput, LogRow, EVENTS};
use crate::domain::DomainResult;
use crate::error::AppResult;
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

/// The form as typed: the URL and one checkbox per event.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct WebhookForm {
    url: String,
    #[serde(rename = "campaign.opened")]
    campaign_opened: Option<String>,
    #[serde(rename = "campaign.closed")]
    campaign_closed: Option<String>,
    #[serde(rename = "participation.updated")]
    participation_updated: Option<String>,
    #[serde(rename = "contact.requested")]
    contact_requested: Option<String>,
    #[serde(rename = "action.updated")]
    action_updated: Option<String>,
}

impl WebhookForm {
    fn ticked(&self) -> [bool; 5] {
        [
            self.campaign_opened.is_some(),
            self.campaign_closed.is_some(),
            self.participation_updated.is_some(),
            self.contact_requested.is_some(),
            self.action_updated.is_some(),
        ]
    }

    fn input(&self) -> EndpointInput {
        EndpointInput {
            url: self.url.clone(),
            events: EVENTS
                .iter()
                .zip(self.ticked())
                .filter(|(_, on)| *on)
                .map(|(e, _)| e.to_string())
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct EventChoice {
    value: &'static str,
    /// For ids: dots are not welcome in `id`/`for` selectors.
    slug: String,
    checked: bool,
}

#[derive(Serialize)]
struct EndpointRow {
    id: String,
    url: String,
    events: Vec<String>,
}

#[derive(Serialize)]
struct WebhooksPage {
    org_id: String,
    endpoints: Vec<EndpointRow>,
    log: Vec<LogRow>,
    events: Vec<EventChoice>,
    form: FormState<WebhookForm>,
    /// The secret of the endpoint just created, shown once.
    new_secret: Option<String>,
}

async fn page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    org_id: String,
    form: FormState<WebhookForm>,
    new_secret: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (endpoints, log) = state
        .db(move |conn| Ok((webhooks::list(conn, &p, &org)?, webhooks::log(conn, &p, &org)?)))
        .await?;
    let ticked = form.values.ticked();
    let page = WebhooksPage {
        org_id,
        endpoints: endpoints
            .into_iter()
            .map(|e| EndpointRow {
                events: e.events.split(',').map(str::to_string).collect(),
                id: e.id,
                url: e.url,
            })
            .collect(),
        log,
        events: EVENTS
            .iter()
            .zip(ticked)
            .map(|(e, checked)| EventChoice {
                value: e,
                slug: e.replace('.', "-"),
                checked,
            })
            .collect(),
        form,
        new_secret,
    };
    let mut res = html(
        &state.templates,
        "pages/webhooks",
        &page_context(req, "webhooks-title", page),
    )?;
    *res.status_mut() = status;
    Ok(res)
}

#[get("/orgs/{org}/webhooks")]
pub async fn list(state: State, req: HttpRequest, s: SignedIn, path: web::Path<String>) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    crate::domain::authorise(
        &s.principal,
        crate::auth::policy::Action::ManageWebhooks { org: &org_id },
    )?;
    page(
        &state,
        &req,
        &s,
        org_id,
        FormState::new(WebhookForm::default()),
        None,
        StatusCode::OK,
    )
    .await
}

/// Adds an endpoint; the page comes back with its secret, shown this once
/// (a redirect would have to carry it in the address).
#[post("/orgs/{org}/webhooks")]
pub async fn create(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<WebhookForm>,
) -> AppResult<HttpResponse> {
    let org_id = path.into_inner();
    let (p, org, input) = (s.principal.clone(), org_id.clone(), form.input());
    match state
        .db(move |conn| Ok(webhooks::create(conn, &p, &org, &input)))
        .await?
    {
        Ok(created) => {
            let empty = FormState::new(WebhookForm::default());
            page(&state, &req, &s, org_id, empty, Some(created.secret), StatusCode::OK).await
        }
        Err(e) => {
            let form = FormState::refused(form, &lang_for(&req, None), e)?;
            page(&state, &req, &s, org_id, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[post("/orgs/{org}/webhooks/{id}/delete")]
pub async fn remove(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> AppResult<HttpResponse> {
    on_endpoint(
        state,
        req,
        s,
        path.into_inner(),
        "notice-webhook-deleted",
        webhooks::delete,
    )
    .await
}

#[post("/orgs/{org}/webhooks/{id}/test")]
pub async fn test(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> AppResult<HttpResponse> {
    on_endpoint(
        state,
        req,
        s,
        path.into_inner(),
        "notice-webhook-test-queued",
        webhooks::send_test,
    )
    .await
}

/// A button on one endpoint (delete, send a test event): the service, then
/// back to the page with `notice`, or the page again with the refusal.
async fn on_endpoint(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    (org_id, id): (String, String),
    notice: &'static str,
    service: fn(&mut crate::domain::DbConn, &crate::auth::policy::Principal, &str, &str) -> DomainResult<()>,
) -> AppResult<HttpResponse> {
    let (p, org) = (s.principal.clone(), org_id.clone());
    let to = format!("/orgs/{org_id}/webhooks?notice={notice}");
    settle(
        &state,
        &req,
        (),
        move |conn| service(conn, &p, &org, &id),
        |()| to,
        |_| async {
            page(
                &state,
                &req,
                &s,
                org_id,
                FormState::new(WebhookForm::default()),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        },
    )
    .await
}

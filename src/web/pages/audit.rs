//! The consultant's audit report (a printable page: cover, summary,
//! findings, the ten-point plan, method annex) and the CSV/XLSX exports of
//! the same figures.

use actix_web::http::header::{Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::dashboard::{heatmap, HeatRow};
use super::dashboard_charts::Charts;
use super::results::{dimension_rows, DimensionRow};
use crate::analytics::compare::Change;
use crate::analytics::items::Dimension;
use crate::analytics::{ChannelView, GroupReport, WaveComparison};
use crate::domain::actions::{self, ActionStatus, ActionView};
use crate::domain::audit_notes::{self, AuditNotes, NotesInput, Quote};
use crate::domain::campaigns::Campaign;
use crate::domain::{organisations, reports};
use crate::error::{AppError, AppResult};
use crate::render::export;
use crate::web::context::{lang_for, page_context, CsrfForm};
use crate::web::forms::{settle, FormState};
use crate::web::render::html;
use crate::web::session::SignedIn;
use crate::web::state::State;

/// A point of the plan with how often it is recommended and whether it
/// was adopted.
#[derive(Serialize)]
struct PlanPoint {
    code: &'static str,
    number: u8,
    recommended_for_organisation: bool,
    recommended_teams: usize,
    adopted: usize,
}

/// The consultant's texts as the report prints them (HTML made by
/// `render::markdown`, which escapes whatever was typed).
#[derive(Serialize)]
struct NotesView {
    empty: bool,
    findings_html: String,
    recommendations_html: String,
    updated_at: Option<String>,
    author: Option<String>,
}

impl NotesView {
    fn of(notes: &AuditNotes) -> NotesView {
        let html = |text: &str| {
            if text.trim().is_empty() {
                String::new()
            } else {
                crate::render::markdown::to_safe_html(text)
            }
        };
        NotesView {
            empty: notes.is_empty(),
            findings_html: html(&notes.findings),
            recommendations_html: html(&notes.recommendations),
            updated_at: notes.updated_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
            author: notes.author.clone(),
        }
    }
}

/// One adopted point of the plan as the report follows it up.
#[derive(Serialize)]
struct ActionLine {
    point: String,
    team_name: Option<String>,
    wave: String,
    owner: String,
    due_on: Option<String>,
    status: &'static str,
    overdue: bool,
}

/// One index of the trend, in the order the report presents them.
#[derive(Serialize)]
struct IndexTrend<'a> {
    key: &'static str,
    change: Option<&'a Change>,
}

fn index_trend(w: &WaveComparison) -> Vec<IndexTrend<'_>> {
    let i = &w.organisation.indices;
    [
        ("csi", &i.csi),
        ("eei", &i.eei),
        ("nps", &i.nps),
        ("enps", &i.enps),
        ("csat", &i.csat),
        ("ces", &i.ces),
        ("fcr", &i.fcr),
        ("ies", &i.ies),
    ]
    .into_iter()
    .map(|(key, change)| IndexTrend {
        key,
        change: change.as_ref(),
    })
    .collect()
}

#[derive(Serialize)]
struct StatusCount {
    status: &'static str,
    count: usize,
}

/// The follow-up of the plan: the actions adopted in this wave and the
/// previous one, the count per status, the overdue ones (a due date passed
/// and neither done nor dropped).
fn action_lines(actions: &[ActionView], today: chrono::NaiveDate) -> (Vec<ActionLine>, Vec<StatusCount>, usize) {
    let lines: Vec<ActionLine> = actions
        .iter()
        .map(|a| {
            let status = a.action.status;
            let open = matches!(status, ActionStatus::Planned | ActionStatus::InProgress);
            ActionLine {
                point: a.action.point.clone(),
                team_name: a.team_name.clone(),
                wave: a.campaign_name.clone(),
                owner: a.action.owner.clone(),
                due_on: a.action.due_on.map(|d| d.to_string()),
                status: status.as_str(),
                overdue: open && a.action.due_on.is_some_and(|d| d < today),
            }
        })
        .collect();
    let counts = ActionStatus::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.as_str(),
            count: lines.iter().filter(|l| l.status == s.as_str()).count(),
        })
        .collect();
    let overdue = lines.iter().filter(|l| l.overdue).count();
    (lines, counts, overdue)
}

#[derive(Serialize)]
struct AuditPage<'a> {
    org_id: String,
    org_name: String,
    sector: String,
    campaign: &'a Campaign,
    generated_on: String,
    k: u64,
    organisation: &'a GroupReport,
    recommendations: Vec<super::results::RecommendationRow<'a>>,
    linkage: &'a crate::analytics::linkage::Linkage,
    team_count: usize,
    dimensions: Vec<DimensionRow<'a>>,
    heat: Vec<HeatRow>,
    heat_dimensions: Vec<&'static str>,
    charts: Charts,
    plan: Vec<PlanPoint>,
    actions: Vec<ActionLine>,
    status_counts: Vec<StatusCount>,
    overdue: usize,
    previous: Option<String>,
    trend: Option<&'a WaveComparison>,
    trend_indices: Vec<IndexTrend<'a>>,
    aggregation: Option<super::dashboard_waves::AggregationView<'a>>,
    lagged: Option<super::dashboard_waves::LaggedView<'a>>,
    label: super::dashboard_waves::LabelView<'a>,
    channels: Option<&'a ChannelView>,
    notes: NotesView,
    /// The edit form, for those who may write the notes.
    notes_form: Option<FormState<NotesInput>>,
    may_write: bool,
    quotes: Vec<Quote>,
    trail: super::Trail,
}

#[get("/orgs/{org}/campaigns/{c}/audit")]
pub async fn audit(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    audit_page(&state, &req, &s, org_id, cid, None).await
}

/// The report, with the notes form as stored (`form` None) or as refused.
async fn audit_page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    org_id: String,
    cid: String,
    form: Option<FormState<NotesInput>>,
) -> AppResult<HttpResponse> {
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (org_row, d, all_actions, notes, quotes) = state
        .db(move |conn| {
            let o = organisations::get(conn, &p, &org)?;
            let d = reports::dashboard(conn, &p, &cid)?;
            if d.campaign.organisation_id != org {
                return Err(AppError::NotFound);
            }
            let notes = audit_notes::get(conn, &p, &d.campaign.id)?;
            let quotes = audit_notes::quotes(conn, &p, &d.campaign.id)?;
            Ok((o, d, actions::list(conn, &p, &org)?, notes, quotes))
        })
        .await?;
    let report = &d.report;
    let plan = crate::domain::instrument::action_plan()
        .iter()
        .filter_map(|point| {
            let code = crate::analytics::recommendations::rule(&point.code)?.code;
            Some(PlanPoint {
                code,
                number: point.number,
                recommended_for_organisation: report.organisation.recommendations.iter().any(|r| r.action == code),
                recommended_teams: report
                    .teams
                    .iter()
                    .filter(|t| t.group.recommendations.iter().any(|r| r.action == code))
                    .count(),
                adopted: all_actions
                    .iter()
                    .filter(|a| a.action.point == code && a.action.campaign_id == d.campaign.id)
                    .count(),
            })
        })
        .collect();
    let lang = lang_for(req, None);
    let trail = super::Trail::new(
        &s.principal,
        (&org_id, &org_row.name),
        (&d.campaign.id, &d.campaign.name),
        "audit-title",
    );
    let previous_id = d.previous.as_ref().map(|(c, _)| c.id.clone());
    let followed: Vec<ActionView> = all_actions
        .into_iter()
        .filter(|a| a.action.campaign_id == d.campaign.id || Some(&a.action.campaign_id) == previous_id.as_ref())
        .collect();
    let today = chrono::Utc::now().date_naive();
    let (action_rows, status_counts, overdue) = action_lines(&followed, today);
    let may_write = audit_notes::may_write(&s.principal, &org_id);
    let notes_form = may_write.then(|| {
        form.unwrap_or_else(|| {
            FormState::new(NotesInput {
                findings: notes.findings.clone(),
                recommendations: notes.recommendations.clone(),
            })
        })
    });
    let page = AuditPage {
        trail,
        org_name: org_row.name,
        sector: org_row.sector,
        campaign: &d.campaign,
        generated_on: today.to_string(),
        k: report.anonymity_threshold,
        organisation: &report.organisation,
        recommendations: super::results::recommendation_rows(&lang, &report.organisation.recommendations),
        linkage: &report.linkage,
        team_count: report.teams.len(),
        dimensions: dimension_rows(&report.organisation),
        heat: heatmap(report, "symmetry", false),
        heat_dimensions: Dimension::ALL.iter().map(|d| d.as_str()).collect(),
        charts: super::dashboard_charts::charts(report, &org_id, &d.campaign.id, &lang, &|_| true),
        plan,
        actions: action_rows,
        status_counts,
        overdue,
        previous: d.previous.as_ref().map(|(c, _)| c.name.clone()),
        trend: d.previous.as_ref().map(|(_, w)| w),
        trend_indices: d.previous.as_ref().map(|(_, w)| index_trend(w)).unwrap_or_default(),
        aggregation: super::dashboard_waves::aggregation(&report.linkage),
        lagged: d
            .previous
            .as_ref()
            .map(|(_, w)| super::dashboard_waves::lagged_view(&w.cross_lagged, &lang)),
        label: super::dashboard_waves::label_view(&report.label_readiness),
        channels: d.channels.as_ref().as_ref(),
        notes: NotesView::of(&notes),
        notes_form,
        may_write,
        quotes,
        org_id,
    };
    html(&state.templates, "pages/audit", &page_context(req, "audit-title", page))
}

/// Saves the consultant's findings and recommendations: back to the report
/// (303), or the report again with what was typed and the message (422).
#[post("/orgs/{org}/campaigns/{c}/audit/notes")]
pub async fn save_notes(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<NotesInput>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let (p, org, id, input) = (s.principal.clone(), org_id.clone(), cid.clone(), form.clone());
    let to = format!("/orgs/{org_id}/campaigns/{cid}/audit?notice=notice-saved#consultant-notes");
    settle(
        &state,
        &req,
        form,
        move |conn| audit_notes::save(conn, &p, &org, &id, &input),
        |_| to,
        |form| async { audit_page(&state, &req, &s, org_id, cid, Some(form)).await },
    )
    .await
}

/// One team's population in the choice of comments.
#[derive(Serialize)]
struct QuoteGroup {
    team_name: String,
    population: &'static str,
    comments: Vec<QuoteChoice>,
}

#[derive(Serialize)]
struct QuoteChoice {
    id: String,
    text: String,
    checked: bool,
}

#[derive(Serialize)]
struct QuotesPage {
    org_id: String,
    campaign: Campaign,
    k: u64,
    groups: Vec<QuoteGroup>,
    selected: usize,
    max: usize,
    form: FormState<Vec<String>>,
    trail: super::Trail,
}

/// The comments that may be quoted, grouped by team and population, with
/// the chosen ones (`form.values`) ticked.
async fn quotes_page(
    state: &State,
    req: &HttpRequest,
    s: &SignedIn,
    org_id: String,
    cid: String,
    form: Option<FormState<Vec<String>>>,
) -> AppResult<HttpResponse> {
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (org_row, selection) = state
        .db(move |conn| {
            let o = organisations::get(conn, &p, &org)?;
            Ok((o, audit_notes::selection(conn, &p, &org, &cid)?))
        })
        .await?;
    let form = form.unwrap_or_else(|| {
        let mut stored: Vec<String> = selection.selected.iter().cloned().collect();
        stored.sort();
        FormState::new(stored)
    });
    let ticked: std::collections::HashSet<&str> = form.values.iter().map(String::as_str).collect();
    let mut groups: Vec<QuoteGroup> = Vec::new();
    for q in selection.candidates {
        let choice = QuoteChoice {
            checked: ticked.contains(q.id.as_str()),
            id: q.id,
            text: q.text,
        };
        match groups.last_mut() {
            Some(g) if g.team_name == q.team_name && g.population == q.population => g.comments.push(choice),
            _ => groups.push(QuoteGroup {
                team_name: q.team_name,
                population: q.population,
                comments: vec![choice],
            }),
        }
    }
    let trail = super::Trail::new(
        &s.principal,
        (&org_id, &org_row.name),
        (&selection.campaign.id, &selection.campaign.name),
        "audit-quotes-title",
    );
    let page = QuotesPage {
        selected: groups.iter().flat_map(|g| &g.comments).filter(|c| c.checked).count(),
        max: audit_notes::MAX_QUOTES,
        org_id,
        k: selection.k,
        campaign: selection.campaign,
        groups,
        form,
        trail,
    };
    html(
        &state.templates,
        "pages/audit_quotes",
        &page_context(req, "audit-quotes-title", page),
    )
}

#[get("/orgs/{org}/campaigns/{c}/audit/quotes")]
pub async fn quotes_form(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    quotes_page(&state, &req, &s, org_id, cid, None).await
}

/// Saves the chosen comments (every `quote` field of the form): the domain
/// refuses the whole choice if any of them may not be quoted.
#[post("/orgs/{org}/campaigns/{c}/audit/quotes")]
pub async fn save_quotes(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (org_id, cid) = path.into_inner();
    let ids: Vec<String> = fields
        .into_iter()
        .filter(|(name, _)| name == "quote")
        .map(|(_, value)| value)
        .collect();
    let (p, org, id, chosen) = (s.principal.clone(), org_id.clone(), cid.clone(), ids.clone());
    let to = format!("/orgs/{org_id}/campaigns/{cid}/audit?notice=notice-saved#quotes");
    settle(
        &state,
        &req,
        ids,
        move |conn| audit_notes::save_quotes(conn, &p, &org, &id, &chosen),
        |_| to,
        |form| async { quotes_page(&state, &req, &s, org_id, cid, Some(form)).await },
    )
    .await
}

/// A spreadsheet label: the translation, or for the export's technical
/// column keys that have none, the column's own name made readable
/// (`export-column-ci-low` → "ci low"); the code columns stay beside them.
fn sheet_label(lang: &str, key: &str) -> String {
    crate::i18n::try_translate(lang, key, None).unwrap_or_else(|| {
        let name = key
            .strip_prefix("export-column-")
            .or_else(|| key.strip_prefix("export-"))
            .unwrap_or(key);
        name.replace('-', " ")
    })
}

/// How a CSV export is asked for: `sep=comma` (comma and decimal point)
/// or `sep=semicolon` (semicolon and decimal comma; the default in French),
/// `figures=readable` (rounded as on the pages, the default) or
/// `figures=data` (full precision).
#[derive(Debug, serde::Deserialize)]
pub struct ExportQuery {
    sep: Option<String>,
    figures: Option<String>,
}

/// `summary.csv`, `scores.csv`, `gaps.csv`, `indices.csv`, `waves.csv` or
/// `report.xlsx`: the same
/// figures as the report, suppressed figures empty; saved as
/// `miroir-{organisation}-{campaign}-{date}-{file}`.
#[get("/orgs/{org}/campaigns/{c}/export/{file}")]
pub async fn export_file(
    state: State,
    req: HttpRequest,
    s: SignedIn,
    path: web::Path<(String, String, String)>,
    query: web::Query<ExportQuery>,
) -> AppResult<HttpResponse> {
    let (org_id, cid, file) = path.into_inner();
    let p = s.principal.clone();
    let with_waves = matches!(file.as_str(), "waves.csv" | "report.xlsx");
    let (d, org_name, adopted) = state
        .db(move |conn| {
            let d = reports::dashboard(conn, &p, &cid)?;
            if d.campaign.organisation_id != org_id {
                return Err(AppError::NotFound);
            }
            let name = reports::organisation_name(conn, &d)?;
            // The dashboard is the proof that the reader may see the
            // organisation's results, cross-wave figures included; its
            // comparison with the previous wave is already made.
            let adopted = match &d.previous {
                Some((previous, _)) if with_waves => reports::adopted_since(conn, previous, &d.report)?,
                _ => Vec::new(),
            };
            Ok((d, name, adopted))
        })
        .await?;
    let lang = lang_for(&req, None);
    let dialect = match query.sep.as_deref() {
        None => export::Dialect::for_lang(&lang),
        Some(text) => export::Dialect::parse(text).ok_or(AppError::NotFound)?,
    };
    let readable = match query.figures.as_deref() {
        None | Some("readable") => true,
        Some("data") => false,
        Some(_) => return Err(AppError::NotFound),
    };
    let format = export::CsvFormat { dialect, readable };
    let waves = d.previous.as_ref().map(|(previous, comparison)| export::Waves {
        previous: &previous.name,
        cross_lagged: &comparison.cross_lagged,
        actions: adopted.iter().map(|a| &a.difference_in_differences).collect(),
    });
    let csv = "text/csv; charset=utf-8";
    let (bytes, mime) = match file.as_str() {
        "scores.csv" => (export::report_csv(&d.report, format)?, csv),
        "gaps.csv" => (export::gaps_csv(&d.report, format)?, csv),
        "indices.csv" => (export::indices_csv(&d.report, format)?, csv),
        "summary.csv" => (export::summary_csv(&d.report, format)?, csv),
        "waves.csv" => (export::waves_csv(waves.as_ref(), format)?, csv),
        "report.xlsx" => (
            export::report_xlsx(
                &d.report,
                d.channels.as_ref().as_ref(),
                waves.as_ref(),
                &|key| sheet_label(&lang, key),
                &|because| crate::render::reason::sentence(&lang, because),
            )?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return Err(AppError::NotFound),
    };
    let today = chrono::Utc::now().date_naive();
    let ascii = export::file_name(&org_name, &d.campaign.name, today, &file);
    // The readable name too, for the browsers that read `filename*`.
    let utf8 = format!("miroir-{org_name}-{}-{today}-{file}", d.campaign.name).replace(['/', '\\'], "-");
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".to_owned()),
                language_tag: None,
                value: utf8.into_bytes(),
            }),
        ],
    };
    Ok(HttpResponse::Ok()
        .content_type(mime)
        .insert_header(disposition)
        .body(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sheet_labels_translate_or_fall_back_to_the_column_name() {
        // Every column of the workbook has its label now; an unknown one
        // still reads as its name.
        assert_eq!(super::sheet_label("en", "export-column-not-a-column"), "not a column");
        assert_eq!(
            super::sheet_label("fr", "export-column-ci-low"),
            "Intervalle à 95\u{a0}%, bas"
        );
        assert_eq!(
            super::sheet_label("fr", "population-customer"),
            crate::i18n::t("fr", "population-customer")
        );
        assert_ne!(super::sheet_label("en", "dimension-listening"), "dimension listening");
    }
}

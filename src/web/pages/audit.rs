//! The consultant's audit report (a printable page: cover, summary,
//! findings, the ten-point plan, method annex) and the CSV/XLSX exports of
//! the same figures.

use actix_web::http::header::{Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::dashboard::{heatmap, HeatRow};
use super::dashboard_charts::Charts;
use super::results::{dimension_rows, DimensionRow};
use crate::analytics::items::Dimension;
use crate::analytics::GroupReport;
use crate::domain::actions::{self, ActionView};
use crate::domain::campaigns::Campaign;
use crate::domain::{organisations, reports};
use crate::error::{AppError, AppResult};
use crate::render::export;
use crate::web::context::{lang_for, page_context};
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
    actions: Vec<ActionView>,
    previous: Option<String>,
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
    let (p, org) = (s.principal.clone(), org_id.clone());
    let (org_row, d, all_actions) = state
        .db(move |conn| {
            let o = organisations::get(conn, &p, &org)?;
            let d = reports::dashboard(conn, &p, &cid)?;
            if d.campaign.organisation_id != org {
                return Err(AppError::NotFound);
            }
            Ok((o, d, actions::list(conn, &p, &org)?))
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
    let lang = lang_for(&req, None);
    let trail = super::Trail::new(
        &s.principal,
        (&org_id, &org_row.name),
        (&d.campaign.id, &d.campaign.name),
        "audit-title",
    );
    let page = AuditPage {
        trail,
        org_name: org_row.name,
        sector: org_row.sector,
        campaign: &d.campaign,
        generated_on: chrono::Utc::now().date_naive().to_string(),
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
        actions: all_actions
            .into_iter()
            .filter(|a| a.action.campaign_id == d.campaign.id)
            .collect(),
        previous: d.previous.as_ref().map(|(c, _)| c.name.clone()),
        org_id,
    };
    html(
        &state.templates,
        "pages/audit",
        &page_context(&req, "audit-title", page),
    )
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

/// `scores.csv`, `gaps.csv`, `indices.csv` or `report.xlsx`: the same
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
    let (d, org_name) = state
        .db(move |conn| {
            let d = reports::dashboard(conn, &p, &cid)?;
            if d.campaign.organisation_id != org_id {
                return Err(AppError::NotFound);
            }
            let name = reports::organisation_name(conn, &d)?;
            Ok((d, name))
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
    let csv = "text/csv; charset=utf-8";
    let (bytes, mime) = match file.as_str() {
        "scores.csv" => (export::report_csv(&d.report, format)?, csv),
        "gaps.csv" => (export::gaps_csv(&d.report, format)?, csv),
        "indices.csv" => (export::indices_csv(&d.report, format)?, csv),
        "report.xlsx" => (
            export::report_xlsx(
                &d.report,
                d.channels.as_ref().as_ref(),
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

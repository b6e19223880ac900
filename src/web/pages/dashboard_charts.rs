//! Placeholder until the charts module lands: the chart data the dashboard
//! needs, gathered from the report.

use serde::Serialize;

use crate::analytics::CampaignReport;

#[derive(Serialize, Default)]
pub struct Charts {}

pub fn charts(_report: &CampaignReport, _org: &str, _campaign: &str) -> Charts {
    Charts {}
}

//! What the team page says first, in words: the team's findings, its
//! changes since the previous wave and its recommended points, each one
//! sentence in the reader's language. The engine selects (`analytics::
//! findings`), `render::findings` words; this room only assembles.

use serde::Serialize;

use crate::analytics::findings::{self, BLIND_SPOT_MIN_POINTS};
use crate::analytics::GroupReport;
use crate::domain::team_results::PreviousWave;
use crate::render::findings::{change, finding, Reader};

/// The previous wave as the summary tells it.
#[derive(Serialize)]
pub struct SinceLast {
    pub wave: String,
    /// The team was not part of the previous wave.
    pub team_new: bool,
    pub changes: Vec<String>,
    /// Significant changes beyond those named.
    pub more: usize,
}

#[derive(Serialize)]
pub struct Summary {
    pub findings: Vec<String>,
    /// The smallest blind spot a finding names, in points.
    pub blind_spot_min: f64,
    pub since: Option<SinceLast>,
}

pub fn summary(lang: &str, group: &GroupReport, reader_manages: bool, previous: Option<&PreviousWave>) -> Summary {
    let reader = if reader_manages { Reader::Manager } else { Reader::Other };
    let since = previous.map(|p| {
        let wave = p.campaign.name.clone();
        let (changes, more) = p.change.as_ref().map(findings::significant_changes).unwrap_or_default();
        SinceLast {
            team_new: p.change.is_none(),
            changes: changes.iter().map(|c| change(lang, c, &wave)).collect(),
            more,
            wave,
        }
    });
    Summary {
        findings: findings::findings(group)
            .iter()
            .map(|f| finding(lang, f, reader))
            .collect(),
        blind_spot_min: BLIND_SPOT_MIN_POINTS,
        since,
    }
}

//! Demo data for a newcomer's first start (PRODUCT.md, journey 1): a
//! fictitious bank, "Banque Horizon", with four regions of ten or eleven
//! branches, its people, three closed survey waves and the actions adopted
//! after the first and the second.
//!
//! Answers are drawn from a small latent model instead of independent dice,
//! so that every dashboard tells one coherent story:
//!
//! * each branch has an employee-engagement level; employees answer from it
//!   (facilitation and digital lower, courtesy higher), and the branch's
//!   customers answer from the same level plus a customer-side term of their
//!   own, so team EEI and CSI correlate visibly but imperfectly;
//! * a few deliberate exceptions: "untapped" branches whose engaged employees
//!   over-estimate unhappy customers, "fragile" branches whose customers are
//!   served at the expense of a worn-out team, managers with blind spots and
//!   executives far from the field;
//! * small branches fall below the anonymity threshold, in pairs inside one
//!   region so that complementary suppression has nothing more to hide;
//! * the app channel is weaker on digital and cooperation;
//! * the actions adopted in wave 1 raise the latent level of their target
//!   dimensions in wave 2, the rest only drifts a little;
//! * by wave 3 customers follow their employees with a lag (a branch's
//!   wave-2 engagement above the bank's moves its customers), and of the
//!   points adopted by several branches after wave 2, listening inside
//!   works, removing irritants helps only the staff so far and recognition
//!   changes nothing: the cross-lagged panel and the differences in
//!   differences have something true to show.
//!
//! The latent model and the adopted actions are in `model`, the answers it
//! draws in `respondents`, the people and the assembly of a plan in `plan`.
//!
//! [`plan`] is pure: the same seed always gives the same plan, so the demo
//! database and the tests below see the same figures.

mod model;
mod plan;
mod respondents;
#[cfg(test)]
mod tests;
mod text;

use serde::{Deserialize, Serialize};

use crate::analytics::{Channel, ItemCode, Population};

pub use plan::{plan, raw_wave, wave_data, DEMO_INSTRUMENT};

/// The seed of the demo organisation that the server creates at first start:
/// one whose EEI–CSI correlation sits near the median of the model over seeds
/// (about 0.45; the field finds .3 to .5), so the demo shows the typical
/// story rather than a lucky one.
pub const DEFAULT_SEED: u64 = 13;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoOrganisation {
    pub name: String,
    pub sector: String,
    pub default_language: String,
    pub anonymity_threshold: i32,
}

/// Regions come first, then their branches; a region's headcount is the sum
/// of its branches' (the region as a whole, not a regional office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoTeam {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    pub headcount: i32,
}

/// `role` is `director`, `manager` or `viewer`; directors and the viewer have
/// no team (they see the whole organisation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoPerson {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub team_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoWave {
    pub name: String,
    pub opens_days_ago: u32,
    pub closes_days_ago: u32,
    pub responses: Vec<DemoResponse>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoResponse {
    /// Branch code; `None` only for executives.
    pub team: Option<String>,
    pub population: Population,
    /// Customers only.
    pub channel: Option<Channel>,
    /// Day inside the wave, 0 = opening day.
    pub day: u32,
    /// Non-missing answers only: "don't know" is simply absent.
    pub answers: Vec<(ItemCode, u8)>,
    pub comment: Option<String>,
    /// The signing person of a manager or executive self-assessment: a
    /// branch's manager signs for that branch; executive self-assessments are
    /// signed by the two directors and by the heads of the Nord and Sud
    /// regions (members of the executive committee, role `manager`), since
    /// two directors alone would make too thin an executive panel.
    pub author_email: Option<String>,
}

/// An action-plan point adopted in wave 1 (`point` is a code of
/// `data/action_plan.json`; `team` `None` = the whole organisation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAction {
    pub point: String,
    pub team: Option<String>,
    pub owner_email: String,
    /// `done` or `in_progress`.
    pub status: String,
    pub note: String,
    /// The wave it was adopted in (0 = the first), measured in the next.
    #[serde(default)]
    pub wave: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoPlan {
    pub organisation: DemoOrganisation,
    pub teams: Vec<DemoTeam>,
    pub people: Vec<DemoPerson>,
    /// Exactly three, oldest first.
    pub waves: Vec<DemoWave>,
    pub actions: Vec<DemoAction>,
}

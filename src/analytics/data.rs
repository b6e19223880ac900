//! The input model: the aggregate rows the database layer keeps per campaign
//! (answer histograms, respondent counts, orientation buckets), the team tree,
//! the settings and the campaign meta. Rows can be pushed one by one so the
//! database layer can stream them in; rows sharing a key are summed.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

use super::items::{Channel, Headline, InstrumentVersion, ItemCode, Population, Scope};

/// One team of the organisation tree; any depth, and any team may hold
/// responses of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamNode {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
}

/// A team's code as aggregate rows carry it: shared, so that the rows of a
/// team point at one string (cheap to clone, and the engine recognises a
/// run of rows of the same team by address without reading the text).
pub type TeamCode = Arc<str>;

/// `count` respondents gave `value` to `item`. `team` is `None` only for
/// executives (organisation level); `channel` is only ever set for customers.
/// "Don't know" answers are never in a histogram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistogramRow {
    pub team: Option<TeamCode>,
    pub population: Population,
    pub channel: Option<Channel>,
    pub item: ItemCode,
    pub value: u8,
    pub count: u64,
}

/// How many respondents of a population have at least one non-missing
/// answer in `scope` (`Scope::All` = every respondent of the population).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RespondentRow {
    pub team: Option<TeamCode>,
    pub population: Population,
    pub channel: Option<Channel>,
    pub scope: Scope,
    pub count: u64,
}

/// `count` employees of `team` whose mean orientation answer is `key / 6`
/// (6..=30: exact for one to three items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrientationRow {
    pub team: TeamCode,
    pub key: u8,
    pub count: u64,
}

/// Everything the engine needs about one campaign's answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CampaignData {
    /// The instrument version the campaign was opened with: it decides how
    /// the answers of manager and executive items read (METHOD.md §2).
    #[serde(default)]
    pub instrument: InstrumentVersion,
    pub teams: Vec<TeamNode>,
    pub histograms: Vec<HistogramRow>,
    pub respondents: Vec<RespondentRow>,
    pub orientation: Vec<OrientationRow>,
}

/// One respondent's answers, as the database layer records them.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent<'a> {
    pub team: Option<&'a str>,
    pub population: Population,
    pub channel: Option<Channel>,
    /// Non-missing answers only.
    pub answers: &'a [(ItemCode, u8)],
}

impl CampaignData {
    /// Questionnaires of all populations (the `*` respondent counts).
    pub fn responses(&self) -> u64 {
        self.respondents
            .iter()
            .filter(|r| r.scope == Scope::All)
            .map(|r| r.count)
            .sum()
    }

    pub fn add_team(&mut self, code: &str, name: &str, parent_code: Option<&str>) {
        self.teams.push(TeamNode {
            code: code.to_owned(),
            name: name.to_owned(),
            parent_code: parent_code.map(str::to_owned),
        });
    }

    pub fn add_histogram(&mut self, row: HistogramRow) {
        self.histograms.push(row);
    }

    pub fn add_respondents(&mut self, row: RespondentRow) {
        self.respondents.push(row);
    }

    pub fn add_orientation(&mut self, row: OrientationRow) {
        self.orientation.push(row);
    }

    /// Folds one raw respondent into the aggregates exactly as the database
    /// layer must do incrementally (see [`fold_respondent`]). Rows are
    /// appended, not merged.
    pub fn add_respondent(&mut self, respondent: &Respondent<'_>) {
        let team: Option<TeamCode> = respondent.team.map(Into::into);
        let (population, channel) = (respondent.population, respondent.channel);
        fold_respondent(respondent.answers, respondent.team.is_some(), |part| match part {
            Folded::Answer(item, value) => self.histograms.push(HistogramRow {
                team: team.clone(),
                population,
                channel,
                item,
                value,
                count: 1,
            }),
            Folded::Respondent(scope) => self.respondents.push(RespondentRow {
                team: team.clone(),
                population,
                channel,
                scope,
                count: 1,
            }),
            Folded::Orientation(key) => {
                if let Some(code) = &team {
                    self.orientation.push(OrientationRow {
                        team: code.clone(),
                        key,
                        count: 1,
                    });
                }
            }
        });
    }
}

/// One count a respondent adds to the aggregates of their team, population
/// and channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// One histogram count: this value given to this item.
    Answer(ItemCode, u8),
    /// One respondent count in this scope.
    Respondent(Scope),
    /// One employee in this orientation bucket (6 × mean answer).
    Orientation(u8),
}

/// The one definition of what a respondent adds to the aggregates: one
/// histogram count per answer, one respondent count for `*` and for each
/// item group touched (in scope order), and, for a respondent of a team
/// with one to three orientation answers, the orientation bucket.
/// `CampaignData::add_respondent` and the database layer's counters both
/// fold through it, so they cannot drift apart.
pub fn fold_respondent(answers: &[(ItemCode, u8)], has_team: bool, mut emit: impl FnMut(Folded)) {
    let mut groups = BTreeSet::new();
    let (mut orientation_sum, mut orientation_items) = (0u32, 0u32);
    for &(item, value) in answers {
        emit(Folded::Answer(item, value));
        groups.insert(Scope::Group(item.group()));
        if let ItemCode::Headline(Headline::Orientation1 | Headline::Orientation2 | Headline::Orientation3) = item {
            orientation_sum += u32::from(value);
            orientation_items += 1;
        }
    }
    groups.insert(Scope::All);
    for scope in groups {
        emit(Folded::Respondent(scope));
    }
    if let (true, 1..=3) = (has_team, orientation_items) {
        // 6 × mean is an integer for 1, 2 or 3 items.
        let key = 6 * orientation_sum / orientation_items;
        emit(Folded::Orientation(u8::try_from(key).unwrap_or(u8::MAX)));
    }
}

/// Maturity thresholds of METHOD.md §6 (organisation settings).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MaturityThresholds {
    /// All three pillars at least this → excellence.
    pub excellence: f64,
    /// Execution and link at least this → house (if balanced).
    pub house: f64,
    /// Largest |execution − link| for a house.
    pub house_balance: f64,
    /// Execution at least link + this → pyramid.
    pub pyramid_margin: f64,
}

impl Default for MaturityThresholds {
    fn default() -> Self {
        MaturityThresholds {
            excellence: 75.0,
            house: 65.0,
            house_balance: 10.0,
            pyramid_margin: 10.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// k: never below [`MIN_ANONYMITY_THRESHOLD`].
    pub anonymity_threshold: u64,
    pub maturity: MaturityThresholds,
    /// The symmetry label's thresholds (readiness view).
    #[serde(default)]
    pub label: super::label::LabelThresholds,
}

pub const MIN_ANONYMITY_THRESHOLD: u64 = 3;
pub const DEFAULT_ANONYMITY_THRESHOLD: u64 = 5;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            anonymity_threshold: DEFAULT_ANONYMITY_THRESHOLD,
            maturity: MaturityThresholds::default(),
            label: super::label::LabelThresholds::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMeta {
    pub id: String,
    pub name: String,
    pub status: String,
}

/// What a report is restricted to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFilter {
    /// This team and its sub-teams; the report's `organisation` is then
    /// that subtree.
    pub team: Option<String>,
    /// Customer answers of this channel only; other populations unchanged.
    pub channel: Option<Channel>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_respondent_is_counted_once_per_group_and_once_overall() {
        let mut data = CampaignData::default();
        let item = |s| ItemCode::parse(s).unwrap();
        let answers = [
            (item("listening.e.1"), 4),
            (item("listening.e.2"), 2),
            (item("orientation.1"), 5),
            (item("orientation.2"), 4),
            (item("enps"), 9),
        ];
        data.add_respondent(&Respondent {
            team: Some("T1"),
            population: Population::Employee,
            channel: None,
            answers: &answers,
        });
        assert_eq!(data.histograms.len(), 5);
        let scopes: Vec<String> = data.respondents.iter().map(|r| r.scope.to_key()).collect();
        assert_eq!(scopes, ["*", "listening.e", "enps", "orientation"]);
        assert_eq!(data.orientation[0].key, 27);
    }
}

//! Synthetic campaigns for benchmarks and load tests: the aggregate rows
//! (answer histograms, respondent counts per scope, orientation buckets) of a
//! campaign of any size, built directly, so that a campaign of 10 M
//! responses costs no more to set up than one of 1 M. Used by the criterion
//! benchmark of the engine and by `miroir bench-seed`, which stores the same
//! rows for load tests of the report endpoint.
//!
//! Tree: regions → branches; responses sit on branches only. Every item of
//! every population is present at every branch with counts spread over the
//! scale (once a branch is big enough), customers are split over the six
//! channels, executives answer at organisation level, and every 40th branch
//! is tiny (below k = 5) so that primary and complementary suppression have
//! work to do. Deterministic: the same shape gives the same rows.

use super::data::{CampaignData, HistogramRow, OrientationRow, RespondentRow, TeamCode};
use super::items::{Channel, ItemCode, Population, Scope};

/// The size of a synthetic campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub regions: usize,
    pub branches_per_region: usize,
    /// Responses (questionnaires) of all populations together.
    pub responses: u64,
}

impl Shape {
    pub fn teams(&self) -> usize {
        self.regions * (1 + self.branches_per_region)
    }

    /// `1000_teams/10M_responses`.
    pub fn label(&self) -> String {
        format!("{}_teams/{}_responses", self.teams(), human(self.responses))
    }
}

fn human(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

/// Executives answer once, at organisation level.
const EXECUTIVES: u64 = 10;

/// Every TINY_EVERY-th branch holds a handful of respondents (below k).
const TINY_EVERY: usize = 40;

/// Share of customers per channel (sums to 1).
const CHANNEL_SHARES: [(Channel, f64); 6] = [
    (Channel::InPerson, 0.30),
    (Channel::Phone, 0.25),
    (Channel::Web, 0.20),
    (Channel::App, 0.12),
    (Channel::Email, 0.08),
    (Channel::Other, 0.05),
];

/// Deterministic pseudo-random numbers (splitmix64): no `rand` needed and
/// every run benchmarks the same campaign.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A number in [0, 1) from a seed.
fn unit(seed: u64) -> f64 {
    (mix(seed) >> 11) as f64 / (1u64 << 53) as f64
}

/// Splits `total` over `weights` (largest share gets the remainder first).
fn split(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let mut parts: Vec<u64> = weights
        .iter()
        .map(|w| (total as f64 * w / sum).floor() as u64)
        .collect();
    let mut left = total - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]));
    for &i in order.iter().cycle() {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

struct Builder<'a> {
    data: CampaignData,
    items: &'a [ItemCode],
}

impl Builder<'_> {
    /// The rows of `n` respondents of one population (and channel) of one
    /// team; `quality` in [0, 1) tilts answers towards the top of the scale.
    fn slice(&mut self, team: Option<&str>, population: Population, channel: Option<Channel>, n: u64, quality: f64) {
        if n == 0 {
            return;
        }
        // One shared string per team, as the database layer hands them over.
        let owned: Option<TeamCode> = team.map(Into::into);
        let respondents = |scope: Scope, count: u64| RespondentRow {
            team: owned.clone(),
            population,
            channel,
            scope,
            count,
        };
        self.data.add_respondents(respondents(Scope::All, n));
        // 95 % of respondents answer at least one item of each group, and
        // 98 % of those answer a given item ("don't know" is not stored).
        let in_group = n - n / 20;
        let mut groups = Vec::new();
        for (index, &item) in self.items.iter().enumerate() {
            if item.population() != population {
                continue;
            }
            if !groups.contains(&item.group()) {
                groups.push(item.group());
                self.data
                    .add_respondents(respondents(Scope::Group(item.group()), in_group));
            }
            let answers = in_group - in_group / 50;
            let (low, high) = item.scale(self.data.instrument);
            let tilt = 0.3 + 2.5 * quality + 0.5 * unit(index as u64);
            let weights: Vec<f64> = (low..=high)
                .map(|v| 1.0 + tilt * f64::from(v - low) * f64::from(v - low))
                .collect();
            // Every value gets at least one answer once there are enough, so
            // larger campaigns have the same rows with larger counts.
            let floor = u64::from(answers >= weights.len() as u64);
            let counts = split(answers - floor * weights.len() as u64, &weights);
            for (value, count) in (low..=high).zip(counts.into_iter().map(|c| c + floor)) {
                if count > 0 {
                    self.data.add_histogram(HistogramRow {
                        team: owned.clone(),
                        population,
                        channel,
                        item,
                        value,
                        count,
                    });
                }
            }
        }
        if let (Population::Employee, Some(code)) = (population, team) {
            let weights: Vec<f64> = (6..=30u8)
                .map(|key| 1.0 + quality * f64::from(key - 6) * f64::from(key - 6) / 8.0)
                .collect();
            let floor = u64::from(in_group >= weights.len() as u64);
            let counts = split(in_group - floor * weights.len() as u64, &weights);
            for (key, count) in (6..=30u8).zip(counts.into_iter().map(|c| c + floor)) {
                if count > 0 {
                    self.data.add_orientation(OrientationRow {
                        team: owned.clone().unwrap_or_else(|| code.into()),
                        key,
                        count,
                    });
                }
            }
        }
    }

    /// One branch: customers (over the channels), employees and managers.
    fn branch(&mut self, code: &str, responses: u64, seed: u64) {
        let customers = responses * 60 / 100;
        // One manager at least, unless the branch got no response at all.
        let managers = if responses == 0 { 0 } else { (responses / 25).max(1) };
        let employees = responses.saturating_sub(customers + managers);
        let employee_quality = unit(seed ^ 1);
        // Customers are served better where employees are better off.
        let customer_quality = (0.6 * employee_quality + 0.4 * unit(seed ^ 2)).min(0.999);
        let shares: Vec<f64> = CHANNEL_SHARES.iter().map(|c| c.1).collect();
        for ((channel, _), n) in CHANNEL_SHARES.iter().zip(split(customers, &shares)) {
            self.slice(Some(code), Population::Customer, Some(*channel), n, customer_quality);
        }
        self.slice(Some(code), Population::Employee, None, employees, employee_quality);
        self.slice(Some(code), Population::Manager, None, managers, unit(seed ^ 3));
    }
}

/// Aggregate rows of a campaign shaped like `case`.
pub fn campaign(shape: &Shape, items: &[ItemCode]) -> CampaignData {
    let mut builder = Builder {
        data: CampaignData::default(),
        items,
    };
    let branches = shape.regions * shape.branches_per_region;
    let tiny: Vec<bool> = (0..branches).map(|b| b % TINY_EVERY == TINY_EVERY / 2).collect();
    // Tiny branches: 3 customers (one channel), 2 employees, 1 manager.
    let tiny_responses = 6;
    let tiny_count = tiny.iter().filter(|&&t| t).count() as u64;
    let budget = shape.responses - EXECUTIVES - tiny_count * tiny_responses;
    let weights: Vec<f64> = (0..branches)
        .map(|b| if tiny[b] { 0.0 } else { 0.5 + unit(b as u64) })
        .collect();
    let sizes = split(budget, &weights);
    for r in 0..shape.regions {
        let region = format!("R{r:03}");
        builder.data.add_team(&region, &format!("Region {r}"), None);
        for i in 0..shape.branches_per_region {
            let b = r * shape.branches_per_region + i;
            let code = format!("{region}-B{i:03}");
            builder.data.add_team(&code, &format!("Branch {r}.{i}"), Some(&region));
            let seed = mix(b as u64 + 1);
            if tiny[b] {
                builder.slice(Some(&code), Population::Customer, Some(Channel::Web), 3, 0.5);
                builder.slice(Some(&code), Population::Employee, None, 2, 0.5);
                builder.slice(Some(&code), Population::Manager, None, 1, 0.5);
            } else {
                builder.branch(&code, sizes[b], seed);
            }
        }
    }
    builder.slice(None, Population::Executive, None, EXECUTIVES, 0.7);
    builder.data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_holds_exactly_its_responses_and_reports() {
        let items = crate::domain::instrument::item_codes();
        // The last shape leaves most branches with 0–3 responses.
        for (regions, branches_per_region, responses) in [(4, 9, 10_000), (2, 3, 100_000), (100, 49, 10_000)] {
            let shape = Shape {
                regions,
                branches_per_region,
                responses,
            };
            let data = campaign(&shape, &items);
            assert_eq!(data.teams.len(), shape.teams());
            assert_eq!(data.responses(), responses, "{}", shape.label());
            let report = crate::analytics::build_report(
                &data,
                &Default::default(),
                &crate::analytics::CampaignMeta {
                    id: "s".into(),
                    name: "s".into(),
                    status: "closed".into(),
                },
                &Default::default(),
            )
            .unwrap();
            assert_eq!(report.teams.len(), shape.teams());
        }
        assert_eq!(
            Shape {
                regions: 40,
                branches_per_region: 24,
                responses: 10_000_000
            }
            .label(),
            "1000_teams/10M_responses"
        );
    }
}

//! The instrument the demo answers, the latent engagement model of its
//! branches and the actions adopted after the first wave.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;
use rand_distr::StandardNormal;
use std::collections::{BTreeMap, BTreeSet};

use super::text;
use crate::analytics::items::Headline;
use crate::analytics::recommendations;
use crate::analytics::{Channel, Dimension, ItemCode, Perspective};

// ---------------------------------------------------------------------------
// The instrument

/// The item codes of the codebook, by dimension and perspective, so the demo
/// answers exactly the items a real respondent would see.
pub(super) struct Instrument {
    pub(super) items: BTreeMap<(Dimension, Perspective), Vec<ItemCode>>,
    pub(super) headlines: BTreeSet<Headline>,
}

impl Instrument {
    /// Read from the one parser of `data/instrument.json`
    /// (`domain::instrument`), in codebook order.
    pub(super) fn load() -> Instrument {
        let mut items: BTreeMap<(Dimension, Perspective), Vec<ItemCode>> = BTreeMap::new();
        let mut headlines = BTreeSet::new();
        for code in crate::domain::instrument::item_codes() {
            match code {
                ItemCode::Dimension {
                    dimension, perspective, ..
                } => items.entry((dimension, perspective)).or_default().push(code),
                ItemCode::Headline(h) => {
                    headlines.insert(h);
                }
            }
        }
        Instrument { items, headlines }
    }

    pub(super) fn items(&self, dimension: Dimension, perspective: Perspective) -> &[ItemCode] {
        self.items.get(&(dimension, perspective)).map_or(&[], Vec::as_slice)
    }
}

// ---------------------------------------------------------------------------
// The latent model

pub(super) const DIMS: usize = 11;

/// Three closed waves; the third is drawn from its own random stream (see
/// `third_wave`), so the first two are what they were before it existed.
pub(super) const WAVE_COUNT: usize = 3;

/// One latent value per dimension, in the order of `Dimension::ALL`.
pub(super) type Levels = [f64; DIMS];

/// An answer is `level + respondent halo + item noise`, cut at these points;
/// 4 and 5 (favourable) start at 0, so P(favourable) = Φ(level / ~0.97).
pub(super) const LIKERT: [f64; 4] = [-1.6, -0.8, 0.0, 1.2];
pub(super) const HALO: f64 = 0.5;
pub(super) const ITEM_NOISE: f64 = 0.85;
/// The spread of a crowd member's answer around the level (halo and item
/// noise): P(favourable) = Φ(level / CROWD_SD).
pub(super) const CROWD_SD: f64 = 0.986;
/// Managers and executives estimate "out of 10" (instrument version 2): an
/// unbiased estimator's answer centres on the share of the crowd that is
/// favourable, with a small halo and some noise per item.
pub(super) const SIGNED_HALO: f64 = 0.10;
pub(super) const ESTIMATE_NOISE: f64 = 0.25;

pub(super) const BASE_EMPLOYEE: f64 = 0.20;
pub(super) const BASE_CUSTOMER: f64 = 0.30;
/// Employees: courtesy and competence high, facilitation and digital low.
pub(super) const EMPLOYEE_OFFSET: Levels = [0.45, -0.40, 0.05, 0.0, -0.40, -0.05, -0.15, -0.20, 0.20, -0.25, 0.10];
/// Customers: staff courteous and competent, autonomy and environment weak.
pub(super) const CUSTOMER_OFFSET: Levels = [0.55, -0.10, -0.20, 0.10, -0.15, 0.0, -0.30, 0.0, 0.30, -0.20, -0.35];
/// Nord, Sud, Est, Ouest: Sud does well, Est is going through a restructuring.
pub(super) const REGION_EFFECT: [f64; 4] = [0.0, 0.12, -0.15, 0.05];
pub(super) const ENGAGEMENT_SD: f64 = 0.33;
/// How much of a branch's engagement reaches its customers.
pub(super) const CUSTOMER_LOADING: f64 = 0.6;
pub(super) const CUSTOMER_OWN_SD: f64 = 0.2;

pub(super) fn dim_index(d: Dimension) -> usize {
    Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0)
}

pub(super) fn is_execution(d: Dimension) -> bool {
    d.pillar() == crate::analytics::Pillar::Execution
}

pub(super) fn normal(rng: &mut StdRng) -> f64 {
    rng.sample(StandardNormal)
}

pub(super) fn cut(x: f64, thresholds: &[f64]) -> u8 {
    1 + thresholds.iter().filter(|t| x >= **t).count() as u8
}

pub(super) fn mean(levels: &Levels) -> f64 {
    levels.iter().sum::<f64>() / DIMS as f64
}

/// A channel's effect on the customer side: the app is the weak link on
/// digital and cooperation (what the app shows is not what the branch sees).
pub(super) fn channel_effect(channel: Channel, d: Dimension) -> f64 {
    use Dimension as D;
    match (channel, d) {
        (Channel::App, D::Digital) => -0.80,
        (Channel::App, D::Cooperation) => -0.60,
        (Channel::App, D::Listening) => -0.15,
        (Channel::InPerson, D::Courtesy | D::Consideration) => 0.10,
        (Channel::Phone, D::Facilitation | D::Autonomy) => -0.15,
        (Channel::Web, D::Consideration) => -0.20,
        (Channel::Web, D::Digital) => 0.10,
        (Channel::Email, D::Listening | D::Facilitation) => -0.20,
        _ => 0.0,
    }
}

pub(super) const CHANNEL_MIX: [(Channel, f64); 5] = [
    (Channel::InPerson, 0.56),
    (Channel::Phone, 0.17),
    (Channel::App, 0.13),
    (Channel::Web, 0.09),
    (Channel::Email, 0.05),
];

pub(super) fn pick_weighted(rng: &mut StdRng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.gen_range(0.0..total);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len().saturating_sub(1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Profile {
    Ordinary,
    /// Engaged employees who think customers are as happy as they are.
    Untapped,
    /// Customers served well at the expense of a worn-out team.
    Fragile,
    /// Fewer than k employee respondents.
    FewStaff,
    /// Fewer than k customer respondents.
    FewCustomers,
}

/// What a branch's respondents answer from, in one wave.
#[derive(Debug, Clone)]
pub(super) struct BranchLevels {
    pub(super) employee: Levels,
    pub(super) customer: Levels,
    /// Employees' estimate of the customer experience (E→C).
    pub(super) estimate: Levels,
    /// The manager's distance from the team (M→E) and customers (M→C).
    pub(super) manager_bias: f64,
    pub(super) manager_customer_bias: f64,
}

pub(super) struct Branch {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) region: usize,
    pub(super) headcount: i32,
    pub(super) profile: Profile,
    pub(super) blind_manager: bool,
    pub(super) levels: [BranchLevels; WAVE_COUNT],
    pub(super) employees: [usize; WAVE_COUNT],
    pub(super) customers: [usize; WAVE_COUNT],
}

pub(super) fn draw_branches(rng: &mut StdRng) -> Vec<Branch> {
    let mut branches = Vec::new();
    for (r, region) in text::REGIONS.iter().enumerate() {
        for (suffix, town) in region.branches {
            let engagement = REGION_EFFECT[r] + ENGAGEMENT_SD * normal(rng);
            let levels = BranchLevels {
                employee: [0.0; DIMS],
                customer: [0.0; DIMS],
                estimate: [0.0; DIMS],
                manager_bias: 0.0,
                manager_customer_bias: 0.0,
            };
            branches.push((
                Branch {
                    code: format!("{}-{}", region.code, suffix),
                    name: format!("Agence de {town}"),
                    region: r,
                    headcount: rng.gen_range(8..=20),
                    profile: Profile::Ordinary,
                    blind_manager: false,
                    levels: [levels.clone(), levels.clone(), levels],
                    employees: [0; WAVE_COUNT],
                    customers: [0; WAVE_COUNT],
                },
                engagement,
            ));
        }
    }
    assign_profiles(rng, &mut branches);
    for (branch, engagement) in &mut branches {
        let e = match branch.profile {
            Profile::Untapped => engagement.max(0.0) + 0.30,
            Profile::Fragile => engagement.min(0.0) - 0.30,
            _ => *engagement,
        };
        branch.levels[0] = first_wave_levels(rng, branch.profile, branch.blind_manager, e);
        branch.levels[1] = branch.levels[0].clone();
        drift(rng, &mut branch.levels[1]);
        if branch.profile == Profile::FewStaff {
            branch.headcount = rng.gen_range(6..=7);
        }
        for wave in 0..2 {
            branch.employees[wave] = match branch.profile {
                Profile::FewStaff => rng.gen_range(3..=4),
                _ => {
                    let rate = rng.gen_range(0.55..0.80);
                    let n = (f64::from(branch.headcount) * rate).round() as usize;
                    n.clamp(6, branch.headcount as usize)
                }
            };
            branch.customers[wave] = match branch.profile {
                Profile::FewCustomers => rng.gen_range(3..=4),
                _ => {
                    let n = f64::from(branch.headcount) * 4.2 + 8.0 * normal(rng);
                    n.round().clamp(30.0, 90.0) as usize
                }
            };
        }
    }
    branches.into_iter().map(|(b, _)| b).collect()
}

/// Small branches go in pairs inside one region: two hidden siblings whose
/// total reaches k protect each other, so nothing else is suppressed and the
/// demo shows "fewer than k answers" exactly where headcounts are small.
pub(super) fn assign_profiles(rng: &mut StdRng, branches: &mut [(Branch, f64)]) {
    let mut regions: Vec<usize> = (0..text::REGIONS.len()).collect();
    regions.shuffle(rng);
    let in_region = |rng: &mut StdRng, r: usize, profile: Profile, branches: &mut [(Branch, f64)]| {
        let mut candidates: Vec<usize> = (0..branches.len())
            .filter(|&i| branches[i].0.region == r && branches[i].0.profile == Profile::Ordinary)
            .collect();
        candidates.shuffle(rng);
        for &i in candidates.iter().take(2) {
            branches[i].0.profile = profile;
        }
    };
    in_region(rng, regions[0], Profile::FewStaff, branches);
    in_region(rng, regions[1], Profile::FewStaff, branches);
    in_region(rng, regions[2], Profile::FewCustomers, branches);
    let mut ordinary: Vec<usize> = (0..branches.len())
        .filter(|&i| branches[i].0.profile == Profile::Ordinary)
        .collect();
    ordinary.shuffle(rng);
    for (n, &i) in ordinary.iter().enumerate() {
        match n {
            0..=2 => branches[i].0.profile = Profile::Untapped,
            3..=4 => branches[i].0.profile = Profile::Fragile,
            5..=8 => branches[i].0.blind_manager = true,
            _ => {}
        }
    }
}

pub(super) fn first_wave_levels(
    rng: &mut StdRng,
    profile: Profile,
    blind_manager: bool,
    engagement: f64,
) -> BranchLevels {
    let customer_own = CUSTOMER_OWN_SD * normal(rng);
    let mut employee = [0.0; DIMS];
    let mut customer = [0.0; DIMS];
    let mut estimate = [0.0; DIMS];
    for (i, &d) in Dimension::ALL.iter().enumerate() {
        employee[i] = BASE_EMPLOYEE + EMPLOYEE_OFFSET[i] + engagement + 0.12 * normal(rng);
        let felt =
            BASE_CUSTOMER + CUSTOMER_OFFSET[i] + CUSTOMER_LOADING * engagement + customer_own + 0.08 * normal(rng);
        // Employees judge customers by what they see of them, a little
        // optimistically everywhere (the "delivery gap").
        let seen = felt + 0.02 + 0.10 * normal(rng);
        let (c, ec) = match profile {
            // The engagement does not reach customers (execution fails them)
            // and employees do not know it.
            Profile::Untapped => {
                let shortfall = if is_execution(d) { 0.60 } else { 0.30 };
                (felt - shortfall, seen + 0.10)
            }
            // Customers are served at the team's expense; a tired team
            // under-rates what it achieves.
            Profile::Fragile => (felt + 0.45, felt + 0.30),
            _ => (felt, seen),
        };
        customer[i] = c;
        estimate[i] = ec;
    }
    let manager_bias = if blind_manager {
        0.80 + 0.10 * normal(rng)
    } else {
        0.03 + 0.10 * normal(rng)
    };
    let manager_customer_bias = if blind_manager { 0.45 } else { 0.12 } + 0.12 * normal(rng);
    BranchLevels {
        employee,
        customer,
        estimate,
        manager_bias,
        manager_customer_bias,
    }
}

/// Six months later nothing stands perfectly still: a small common move of
/// the branch and a smaller one per dimension.
pub(super) fn drift(rng: &mut StdRng, levels: &mut BranchLevels) {
    let common = 0.05 * normal(rng);
    for i in 0..DIMS {
        levels.employee[i] += common + 0.04 * normal(rng);
        levels.customer[i] += CUSTOMER_LOADING * common + 0.04 * normal(rng);
        levels.estimate[i] += CUSTOMER_LOADING * common + 0.04 * normal(rng);
    }
}

// ---------------------------------------------------------------------------
// Actions

/// Who an action is adopted for.
pub(super) enum Scope {
    Organisation,
    Region(usize),
    Branch(usize),
}

pub(super) struct Adopted {
    pub(super) point: &'static str,
    pub(super) scope: Scope,
    pub(super) done: bool,
    /// Latent gain of the target dimensions in wave 2, employee and customer
    /// side: team actions act more strongly than broad ones.
    pub(super) gain: (f64, f64),
}

pub(super) type BranchTest = fn(&Branch) -> bool;

pub(super) fn choose_actions(branches: &[Branch]) -> Vec<Adopted> {
    // Team actions go to the largest branch of each kind: the demo must show
    // their effect above the sampling noise of a dozen employees.
    let largest = |pred: BranchTest, taken: &[usize]| {
        (0..branches.len())
            .filter(|&i| pred(&branches[i]) && !taken.contains(&i))
            .max_by_key(|&i| (branches[i].headcount, std::cmp::Reverse(i)))
    };
    let team_gain = (0.60, 0.40);
    let mut adopted = vec![Adopted {
        point: "equip",
        scope: Scope::Organisation,
        done: false,
        gain: (0.25, 0.15),
    }];
    let est = text::REGIONS.iter().position(|r| r.code == "EST").unwrap_or(0);
    adopted.push(Adopted {
        point: "empower",
        scope: Scope::Region(est),
        done: false,
        gain: (0.30, 0.20),
    });
    let mut taken = Vec::new();
    let untapped: BranchTest = |b| b.profile == Profile::Untapped;
    let blind: BranchTest = |b| b.blind_manager;
    let ordinary: BranchTest = |b| b.profile == Profile::Ordinary && !b.blind_manager;
    let picks = [
        ("share-voice", untapped, false),
        ("listen-inside", blind, true),
        ("exemplarity", blind, false),
    ];
    for (point, pred, done) in picks {
        if let Some(i) = largest(pred, &taken) {
            taken.push(i);
            adopted.push(Adopted {
                point,
                scope: Scope::Branch(i),
                done,
                gain: team_gain,
            });
        }
    }
    // Among the large ordinary branches, the one whose employees struggle
    // most with procedures.
    let fac = dim_index(Dimension::Facilitation);
    let irritated = (0..branches.len())
        .filter(|&i| ordinary(&branches[i]) && branches[i].headcount >= 14 && !taken.contains(&i))
        .min_by(|&a, &b| branches[a].levels[0].employee[fac].total_cmp(&branches[b].levels[0].employee[fac]));
    if let Some(i) = irritated {
        adopted.push(Adopted {
            point: "remove-irritants",
            scope: Scope::Branch(i),
            done: true,
            gain: team_gain,
        });
    }
    adopted
}

/// Raises the wave-2 levels of every branch an action covers.
pub(super) fn apply_action(branches: &mut [Branch], action: &Adopted) {
    let Some(rule) = recommendations::rule(action.point) else {
        return;
    };
    for (i, branch) in branches.iter_mut().enumerate() {
        let covered = match action.scope {
            Scope::Organisation => true,
            Scope::Region(r) => branch.region == r,
            Scope::Branch(b) => b == i,
        };
        if !covered {
            continue;
        }
        let levels = &mut branch.levels[1];
        for &d in rule.targets {
            let k = dim_index(d);
            levels.employee[k] += action.gain.0;
            levels.customer[k] += action.gain.1;
        }
        match action.point {
            // Seeing the customers' verbatims brings employees' estimate
            // halfway back to what customers say.
            "share-voice" => {
                for k in 0..DIMS {
                    levels.estimate[k] -= 0.5 * (levels.estimate[k] - levels.customer[k]);
                }
            }
            // A manager who listens learns what the team lives.
            "listen-inside" | "exemplarity" => levels.manager_bias *= 0.4,
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// The third wave: customers follow their employees with a lag, and the
// points adopted after the second wave by several branches each, some of
// which work and some of which do not.

/// How much of a branch's employee engagement in wave 2 (above the bank's
/// mean) reaches its customers by wave 3, beyond where customers stood.
pub(super) const CUSTOMER_LAG: f64 = 0.55;
/// What moves a branch's customers on their own by wave 3 (local
/// competition, staff turnover at the counter): keeps the wave's EEI–CSI
/// correlation where the field finds it.
pub(super) const CUSTOMER_OWN_MOVE_SD: f64 = 0.10;
/// Employees keep moving too (a new manager, a reorganisation): what their
/// customers will feel in the next wave, not yet in this one.
pub(super) const EMPLOYEE_MOVE_SD: f64 = 0.25;

/// Points adopted for several branches after wave 2 and what each does by
/// wave 3 (latent gain on its targets, employee and customer side):
/// listening inside works on both sides, removing irritants helps the
/// staff but not yet customers, recognition as rolled out changes nothing.
pub(super) const SECOND_PLAN: [(&str, usize, (f64, f64)); 3] = [
    ("listen-inside", 9, (0.45, 0.45)),
    ("remove-irritants", 7, (0.40, 0.05)),
    ("recognise", 8, (0.0, 0.0)),
];

pub(super) struct SecondAdoption {
    pub(super) point: &'static str,
    pub(super) branches: Vec<usize>,
    pub(super) gain: (f64, f64),
}

/// Which branches adopt each point of the second plan: ordinary branches
/// large enough to be published, each branch one point at most.
pub(super) fn choose_second_actions(rng: &mut StdRng, branches: &[Branch]) -> Vec<SecondAdoption> {
    let mut free: Vec<usize> = (0..branches.len())
        .filter(|&i| !matches!(branches[i].profile, Profile::FewStaff | Profile::FewCustomers))
        .collect();
    free.shuffle(rng);
    SECOND_PLAN
        .iter()
        .map(|&(point, count, gain)| {
            let take = count.min(free.len());
            let mut chosen: Vec<usize> = free.drain(..take).collect();
            chosen.sort_unstable();
            SecondAdoption {
                point,
                branches: chosen,
                gain,
            }
        })
        .collect()
}

/// Wave-3 levels and sizes: employees drift, customers move towards where
/// their employees stood in wave 2 (the lag), and the second plan acts.
pub(super) fn third_wave(rng: &mut StdRng, branches: &mut [Branch], second: &[SecondAdoption]) {
    let engagement: Vec<f64> = branches.iter().map(|b| mean(&b.levels[1].employee)).collect();
    let bank = engagement.iter().sum::<f64>() / engagement.len().max(1) as f64;
    for (i, branch) in branches.iter_mut().enumerate() {
        let mut levels = branch.levels[1].clone();
        let lead = CUSTOMER_LAG * (engagement[i] - bank) + CUSTOMER_OWN_MOVE_SD * normal(rng);
        let common = EMPLOYEE_MOVE_SD * normal(rng);
        for k in 0..DIMS {
            levels.employee[k] += common + 0.04 * normal(rng);
            levels.customer[k] += lead + 0.04 * normal(rng);
            levels.estimate[k] += 0.5 * lead + 0.04 * normal(rng);
        }
        for adoption in second.iter().filter(|a| a.branches.contains(&i)) {
            if let Some(rule) = recommendations::rule(adoption.point) {
                for &d in rule.targets {
                    let k = dim_index(d);
                    levels.employee[k] += adoption.gain.0;
                    levels.customer[k] += adoption.gain.1;
                }
            }
        }
        branch.levels[2] = levels;
        branch.employees[2] = match branch.profile {
            Profile::FewStaff => rng.gen_range(3..=4),
            _ => {
                let rate = rng.gen_range(0.55..0.80);
                let n = (f64::from(branch.headcount) * rate).round() as usize;
                n.clamp(6, branch.headcount as usize)
            }
        };
        branch.customers[2] = match branch.profile {
            Profile::FewCustomers => rng.gen_range(3..=4),
            _ => {
                let n = f64::from(branch.headcount) * 4.2 + 8.0 * normal(rng);
                n.round().clamp(30.0, 90.0) as usize
            }
        };
    }
}

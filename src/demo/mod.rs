//! Demo data for a newcomer's first start (PRODUCT.md, journey 1): a
//! fictitious bank, "Banque Horizon", with four regions of ten or eleven
//! branches, its people, two closed survey waves and the actions adopted
//! after the first one.
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
//!   dimensions in wave 2, the rest only drifts a little.
//!
//! [`plan`] is pure: the same seed always gives the same plan, so the demo
//! database and the tests below see the same figures.

mod text;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_distr::StandardNormal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::analytics::items::Headline;
use crate::analytics::recommendations;
use crate::analytics::{Channel, Dimension, ItemCode, Perspective, Population};

/// The seed of the demo organisation that the server creates at first start:
/// one whose EEI–CSI correlation sits at the median of the model over seeds
/// (about 0.6), so the demo shows the typical story rather than a lucky one.
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoPlan {
    pub organisation: DemoOrganisation,
    pub teams: Vec<DemoTeam>,
    pub people: Vec<DemoPerson>,
    /// Exactly two, oldest first.
    pub waves: Vec<DemoWave>,
    pub actions: Vec<DemoAction>,
}

// ---------------------------------------------------------------------------
// The instrument

#[derive(Deserialize)]
struct InstrumentFile {
    items: Vec<InstrumentItem>,
}

#[derive(Deserialize)]
struct InstrumentItem {
    code: ItemCode,
}

/// The item codes of the codebook, by dimension and perspective, so the demo
/// answers exactly the items a real respondent would see.
struct Instrument {
    items: BTreeMap<(Dimension, Perspective), Vec<ItemCode>>,
    headlines: BTreeSet<Headline>,
}

const INSTRUMENT_JSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/instrument.json"));

impl Instrument {
    fn load() -> Instrument {
        // The file is compiled in and a test below checks that it parses, so
        // an empty instrument here can only mean a broken build of the data.
        let file: InstrumentFile =
            serde_json::from_str(INSTRUMENT_JSON).unwrap_or(InstrumentFile { items: Vec::new() });
        let mut items: BTreeMap<(Dimension, Perspective), Vec<ItemCode>> = BTreeMap::new();
        let mut headlines = BTreeSet::new();
        for item in file.items {
            match item.code {
                ItemCode::Dimension {
                    dimension, perspective, ..
                } => items.entry((dimension, perspective)).or_default().push(item.code),
                ItemCode::Headline(h) => {
                    headlines.insert(h);
                }
            }
        }
        Instrument { items, headlines }
    }

    fn items(&self, dimension: Dimension, perspective: Perspective) -> &[ItemCode] {
        self.items.get(&(dimension, perspective)).map_or(&[], Vec::as_slice)
    }
}

// ---------------------------------------------------------------------------
// The latent model

const DIMS: usize = 11;

/// One latent value per dimension, in the order of `Dimension::ALL`.
type Levels = [f64; DIMS];

/// An answer is `level + respondent halo + item noise`, cut at these points;
/// 4 and 5 (favourable) start at 0, so P(favourable) = Φ(level / ~0.97).
const LIKERT: [f64; 4] = [-1.6, -0.8, 0.0, 1.2];
const HALO: f64 = 0.5;
const ITEM_NOISE: f64 = 0.85;
/// Managers and executives answer more consistently than a crowd member;
/// their levels are scaled by this so that an unbiased estimate gives the
/// same % favourable as the population it estimates.
const SIGNED_HALO: f64 = 0.10;
const SIGNED_NOISE: f64 = 0.45;
const SIGNED_SCALE: f64 = 0.48;

const BASE_EMPLOYEE: f64 = 0.20;
const BASE_CUSTOMER: f64 = 0.30;
/// Employees: courtesy and competence high, facilitation and digital low.
const EMPLOYEE_OFFSET: Levels = [0.45, -0.45, 0.05, 0.0, -0.40, -0.05, -0.15, -0.20, 0.20, -0.25, 0.10];
/// Customers: staff courteous and competent, autonomy and environment weak.
const CUSTOMER_OFFSET: Levels = [0.55, -0.10, -0.20, 0.10, -0.15, 0.0, -0.30, 0.0, 0.30, -0.20, -0.35];
/// Nord, Sud, Est, Ouest: Sud does well, Est is going through a restructuring.
const REGION_EFFECT: [f64; 4] = [0.0, 0.12, -0.15, 0.05];
const ENGAGEMENT_SD: f64 = 0.33;
/// How much of a branch's engagement reaches its customers.
const CUSTOMER_LOADING: f64 = 0.8;
const CUSTOMER_OWN_SD: f64 = 0.17;

fn dim_index(d: Dimension) -> usize {
    Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0)
}

fn is_execution(d: Dimension) -> bool {
    d.pillar() == crate::analytics::Pillar::Execution
}

fn normal(rng: &mut StdRng) -> f64 {
    rng.sample(StandardNormal)
}

fn cut(x: f64, thresholds: &[f64]) -> u8 {
    1 + thresholds.iter().filter(|t| x >= **t).count() as u8
}

fn mean(levels: &Levels) -> f64 {
    levels.iter().sum::<f64>() / DIMS as f64
}

/// A channel's effect on the customer side: the app is the weak link on
/// digital and cooperation (what the app shows is not what the branch sees).
fn channel_effect(channel: Channel, d: Dimension) -> f64 {
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

const CHANNEL_MIX: [(Channel, f64); 5] = [
    (Channel::InPerson, 0.56),
    (Channel::Phone, 0.17),
    (Channel::App, 0.13),
    (Channel::Web, 0.09),
    (Channel::Email, 0.05),
];

fn pick_weighted(rng: &mut StdRng, weights: &[f64]) -> usize {
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
enum Profile {
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
struct BranchLevels {
    employee: Levels,
    customer: Levels,
    /// Employees' estimate of the customer experience (E→C).
    estimate: Levels,
    /// The manager's distance from the team (M→E) and customers (M→C).
    manager_bias: f64,
    manager_customer_bias: f64,
}

struct Branch {
    code: String,
    name: String,
    region: usize,
    headcount: i32,
    profile: Profile,
    blind_manager: bool,
    levels: [BranchLevels; 2],
    employees: [usize; 2],
    customers: [usize; 2],
}

fn draw_branches(rng: &mut StdRng) -> Vec<Branch> {
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
                    levels: [levels.clone(), levels],
                    employees: [0; 2],
                    customers: [0; 2],
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
fn assign_profiles(rng: &mut StdRng, branches: &mut [(Branch, f64)]) {
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

fn first_wave_levels(rng: &mut StdRng, profile: Profile, blind_manager: bool, engagement: f64) -> BranchLevels {
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
        let seen = felt + 0.05 + 0.10 * normal(rng);
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
fn drift(rng: &mut StdRng, levels: &mut BranchLevels) {
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
enum Scope {
    Organisation,
    Region(usize),
    Branch(usize),
}

struct Adopted {
    point: &'static str,
    scope: Scope,
    done: bool,
    /// Latent gain of the target dimensions in wave 2, employee and customer
    /// side: team actions act more strongly than broad ones.
    gain: (f64, f64),
}

type BranchTest = fn(&Branch) -> bool;

fn choose_actions(branches: &[Branch]) -> Vec<Adopted> {
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
fn apply_action(branches: &mut [Branch], action: &Adopted) {
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
// Respondents

/// "Don't know" rates: employees know less about customers than about
/// themselves, and environment is the item people feel least able to judge.
fn dont_know_rate(d: Dimension, perspective: Perspective) -> f64 {
    match (d, perspective) {
        (Dimension::Environment, _) => 0.06,
        (_, Perspective::EmployeeEstimateCustomer) => 0.04,
        _ => 0.025,
    }
}

struct Writer<'a> {
    rng: &'a mut StdRng,
    instrument: &'a Instrument,
    answers: Vec<(ItemCode, u8)>,
}

impl Writer<'_> {
    /// Answers every item of `perspective`, each dimension from its level.
    fn likert(&mut self, perspective: Perspective, level: impl Fn(usize) -> f64, halo: f64, noise: f64) {
        for (i, &d) in Dimension::ALL.iter().enumerate() {
            for &item in self.instrument.items(d, perspective) {
                if self.rng.gen_bool(dont_know_rate(d, perspective)) {
                    continue;
                }
                let x = level(i) + halo + noise * normal(self.rng);
                self.answers.push((item, cut(x, &LIKERT)));
            }
        }
    }

    fn headline(&mut self, headline: Headline, value: u8) {
        // Headline questions are rarely skipped, but they can be.
        if self.instrument.headlines.contains(&headline) && !self.rng.gen_bool(0.01) {
            self.answers.push((ItemCode::Headline(headline), value));
        }
    }
}

fn net_score_answer(x: f64, centre: f64) -> u8 {
    (centre + 2.1 * x).round().clamp(0.0, 10.0) as u8
}

struct Answered {
    answers: Vec<(ItemCode, u8)>,
    comment: Option<String>,
}

fn customer(rng: &mut StdRng, instrument: &Instrument, levels: &Levels, channel: Channel) -> Answered {
    let mut felt = *levels;
    for (i, &d) in Dimension::ALL.iter().enumerate() {
        felt[i] += channel_effect(channel, d);
    }
    let halo = HALO * normal(rng);
    let mut w = Writer {
        rng,
        instrument,
        answers: Vec::new(),
    };
    w.likert(Perspective::Customer, |i| felt[i], halo, ITEM_NOISE);
    let overall = mean(&felt) + halo;
    let ease = (felt[dim_index(Dimension::Facilitation)] + felt[dim_index(Dimension::Cooperation)]) / 2.0 + halo;
    let nps = net_score_answer(overall + 0.75 * normal(w.rng), 7.0);
    let csat = cut(overall + 0.6 * normal(w.rng), &[-2.0, -1.2, -0.42, 0.9]);
    let ces = cut(ease + 0.7 * normal(w.rng), &[-2.2, -1.5, -0.9, -0.3, 0.5, 1.3]);
    let resolved = (felt[dim_index(Dimension::Autonomy)] + felt[dim_index(Dimension::Facilitation)]) / 2.0 + halo;
    let fcr = u8::from(resolved + 0.8 * normal(w.rng) > -0.45);
    w.headline(Headline::Nps, nps);
    w.headline(Headline::Csat, csat);
    w.headline(Headline::Ces, ces);
    w.headline(Headline::Fcr, fcr);
    let comment = comment(
        w.rng,
        overall,
        &felt,
        &text::CUSTOMER_PRAISE,
        text::customer_complaint,
        0.25,
    );
    Answered {
        answers: w.answers,
        comment,
    }
}

fn employee(rng: &mut StdRng, instrument: &Instrument, levels: &BranchLevels) -> Answered {
    let halo = HALO * normal(rng);
    let mut w = Writer {
        rng,
        instrument,
        answers: Vec::new(),
    };
    w.likert(Perspective::Employee, |i| levels.employee[i], halo, ITEM_NOISE);
    // Employees project part of their own mood onto customers.
    w.likert(
        Perspective::EmployeeEstimateCustomer,
        |i| levels.estimate[i],
        0.5 * halo,
        0.85,
    );
    let overall = mean(&levels.employee) + halo;
    for h in [Headline::Orientation1, Headline::Orientation2, Headline::Orientation3] {
        let value = cut(0.9 + 0.35 * overall + 0.75 * normal(w.rng), &LIKERT);
        w.headline(h, value);
    }
    let enps = net_score_answer(overall + 0.75 * normal(w.rng), 6.6);
    let internal = [Dimension::Facilitation, Dimension::Cooperation, Dimension::Digital]
        .iter()
        .map(|&d| levels.employee[dim_index(d)])
        .sum::<f64>()
        / 3.0;
    let ies = cut(
        internal + halo + 0.7 * normal(w.rng),
        &[-2.0, -1.3, -0.7, -0.1, 0.6, 1.4],
    );
    w.headline(Headline::Enps, enps);
    w.headline(Headline::Ies, ies);
    let comment = comment(
        w.rng,
        overall,
        &levels.employee,
        &text::EMPLOYEE_PRAISE,
        text::employee_complaint,
        0.30,
    );
    Answered {
        answers: w.answers,
        comment,
    }
}

/// People with strong feelings write: praise when things go well, otherwise
/// a complaint about what weighs on them most.
fn comment(
    rng: &mut StdRng,
    overall: f64,
    levels: &Levels,
    praise: &[&str],
    complaint: fn(Dimension) -> &'static [&'static str],
    rate: f64,
) -> Option<String> {
    let strong = !(-0.15..=0.80).contains(&overall);
    if !rng.gen_bool(if strong { rate } else { 0.04 }) {
        return None;
    }
    let text = if overall > 0.80 {
        praise.choose(rng)?
    } else {
        // Each respondent's own worst dimension, not the branch's.
        let worst = (0..DIMS)
            .map(|i| (i, levels[i] + 0.4 * normal(rng)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(0, |(i, _)| i);
        complaint(Dimension::ALL[worst]).choose(rng)?
    };
    Some((*text).to_owned())
}

/// A signed self-assessment: `estimate` on the employee side and
/// `customers` on the customer side, already including the person's bias.
fn signed(
    rng: &mut StdRng,
    instrument: &Instrument,
    about_employees: (Perspective, &Levels),
    about_customers: (Perspective, &Levels),
) -> Vec<(ItemCode, u8)> {
    let halo = SIGNED_HALO * normal(rng);
    let mut w = Writer {
        rng,
        instrument,
        answers: Vec::new(),
    };
    for (perspective, levels) in [about_employees, about_customers] {
        w.likert(perspective, |i| levels[i], halo, SIGNED_NOISE);
    }
    w.answers
}

fn shifted(levels: &Levels, bias: f64) -> Levels {
    levels.map(|l| SIGNED_SCALE * l + bias)
}

// ---------------------------------------------------------------------------
// People

struct Names {
    last: Vec<&'static str>,
}

impl Names {
    fn person(&mut self, rng: &mut StdRng, role: &str, team_codes: Vec<String>) -> DemoPerson {
        let first = text::FIRST_NAMES.choose(rng).copied().unwrap_or("Camille");
        // Distinct last names keep e-mail addresses unique.
        let last = self.last.pop().unwrap_or("Martin");
        DemoPerson {
            email: format!("{}.{}@example.org", text::email_part(first), text::email_part(last)),
            display_name: format!("{first} {last}"),
            role: role.to_owned(),
            team_codes,
        }
    }
}

// ---------------------------------------------------------------------------
// The plan

const WAVES: [(&str, u32, u32); 2] = [("Vague 1 — printemps", 203, 182), ("Vague 2 — automne", 35, 14)];

/// Employees answer in bursts: at the launch and after each reminder.
fn employee_day(rng: &mut StdRng, days: u32) -> u32 {
    let weights: Vec<f64> = (0..=days)
        .map(|d| match d {
            0 => 6.0,
            1 => 4.0,
            2 => 2.5,
            7 | 14 => 3.0,
            8 | 15 => 1.8,
            _ => 0.8,
        })
        .collect();
    pick_weighted(rng, &weights) as u32
}

/// The engine's input for one wave of the plan (`None` past the last).
pub fn wave_data(plan: &DemoPlan, wave: usize) -> Option<crate::analytics::CampaignData> {
    let mut data = crate::analytics::CampaignData::default();
    for team in &plan.teams {
        data.add_team(&team.code, &team.name, team.parent_code.as_deref());
    }
    for r in &plan.waves.get(wave)?.responses {
        data.add_respondent(&crate::analytics::Respondent {
            team: r.team.as_deref(),
            population: r.population,
            channel: r.channel,
            answers: &r.answers,
        });
    }
    Some(data)
}

/// One wave of the plan as raw respondents, in the input format of
/// `scripts/reference_analytics.py --raw` (the independent scipy
/// computation the engine is checked against): `k`, the team tree and every
/// respondent with its answers.
pub fn raw_wave(plan: &DemoPlan, wave: usize) -> Option<serde_json::Value> {
    let w = plan.waves.get(wave)?;
    let teams: Vec<serde_json::Value> = plan
        .teams
        .iter()
        .map(|t| serde_json::json!([t.code, t.parent_code]))
        .collect();
    let respondents: Vec<serde_json::Value> = w
        .responses
        .iter()
        .map(|r| {
            let answers: serde_json::Map<String, serde_json::Value> = r
                .answers
                .iter()
                .map(|(item, value)| (item.to_string(), serde_json::json!(value)))
                .collect();
            serde_json::json!({
                "team": r.team,
                "population": r.population.as_str(),
                "channel": r.channel.map(|c| c.as_str()),
                "answers": answers,
            })
        })
        .collect();
    Some(serde_json::json!({
        "k": plan.organisation.anonymity_threshold,
        "teams": teams,
        "respondents": respondents,
    }))
}

/// The demo plan for `seed`; [`DEFAULT_SEED`] is the one the server uses.
pub fn plan(seed: u64) -> DemoPlan {
    let mut rng = StdRng::seed_from_u64(seed);
    let instrument = Instrument::load();
    let mut branches = draw_branches(&mut rng);
    let adopted = choose_actions(&branches);
    for action in &adopted {
        apply_action(&mut branches, action);
    }

    let mut last: Vec<&'static str> = text::LAST_NAMES.to_vec();
    last.shuffle(&mut rng);
    let mut names = Names { last };
    let directors: Vec<DemoPerson> = (0..2).map(|_| names.person(&mut rng, "director", Vec::new())).collect();
    let regional: Vec<DemoPerson> = text::REGIONS
        .iter()
        .map(|r| names.person(&mut rng, "manager", vec![r.code.to_owned()]))
        .collect();
    let managers: Vec<DemoPerson> = branches
        .iter()
        .map(|b| names.person(&mut rng, "manager", vec![b.code.clone()]))
        .collect();
    let viewer = names.person(&mut rng, "viewer", Vec::new());

    let mut teams = Vec::new();
    for (r, region) in text::REGIONS.iter().enumerate() {
        teams.push(DemoTeam {
            code: region.code.to_owned(),
            name: region.name.to_owned(),
            parent_code: None,
            headcount: branches.iter().filter(|b| b.region == r).map(|b| b.headcount).sum(),
        });
    }
    teams.extend(branches.iter().map(|b| DemoTeam {
        code: b.code.clone(),
        name: b.name.clone(),
        parent_code: text::REGIONS.get(b.region).map(|r| r.code.to_owned()),
        headcount: b.headcount,
    }));

    // The executive committee: both directors and the heads of the Nord and
    // Sud regions, who sign as executives about the whole organisation.
    let executives: Vec<&DemoPerson> = directors.iter().chain(regional.iter().take(2)).collect();
    let waves = (0..2)
        .map(|wave| {
            let (name, opens, closes) = WAVES[wave];
            let days = opens - closes;
            let mut responses = Vec::new();
            for (branch, manager) in branches.iter().zip(&managers) {
                let levels = &branch.levels[wave];
                let team = Some(branch.code.clone());
                for _ in 0..branch.customers[wave] {
                    let weights: Vec<f64> = CHANNEL_MIX.iter().map(|c| c.1).collect();
                    let channel = CHANNEL_MIX[pick_weighted(&mut rng, &weights)].0;
                    let answered = customer(&mut rng, &instrument, &levels.customer, channel);
                    responses.push(DemoResponse {
                        team: team.clone(),
                        population: Population::Customer,
                        channel: Some(channel),
                        day: rng.gen_range(0..=days),
                        answers: answered.answers,
                        comment: answered.comment,
                        author_email: None,
                    });
                }
                for _ in 0..branch.employees[wave] {
                    let answered = employee(&mut rng, &instrument, levels);
                    responses.push(DemoResponse {
                        team: team.clone(),
                        population: Population::Employee,
                        channel: None,
                        day: employee_day(&mut rng, days),
                        answers: answered.answers,
                        comment: answered.comment,
                        author_email: None,
                    });
                }
                let answers = signed(
                    &mut rng,
                    &instrument,
                    (
                        Perspective::ManagerEstimateEmployee,
                        &shifted(&levels.employee, levels.manager_bias),
                    ),
                    (
                        Perspective::ManagerEstimateCustomer,
                        &shifted(&levels.customer, levels.manager_customer_bias),
                    ),
                );
                responses.push(DemoResponse {
                    team,
                    population: Population::Manager,
                    channel: None,
                    day: rng.gen_range(0..=6.min(days)),
                    answers,
                    comment: None,
                    author_email: Some(manager.email.clone()),
                });
            }
            let organisation = |side: fn(&BranchLevels) -> &Levels| {
                let mut sum = [0.0; DIMS];
                for b in &branches {
                    for (s, l) in sum.iter_mut().zip(side(&b.levels[wave])) {
                        *s += l / branches.len() as f64;
                    }
                }
                sum
            };
            let (all_employees, all_customers) = (organisation(|l| &l.employee), organisation(|l| &l.customer));
            for person in &executives {
                // Leadership sees the organisation through its reporting
                // lines: well above what employees and customers say.
                let about_employees = shifted(&all_employees, 0.45 + 0.10 * normal(&mut rng));
                let about_customers = shifted(&all_customers, 0.35 + 0.10 * normal(&mut rng));
                let answers = signed(
                    &mut rng,
                    &instrument,
                    (Perspective::ExecutiveEstimateEmployee, &about_employees),
                    (Perspective::ExecutiveEstimateCustomer, &about_customers),
                );
                responses.push(DemoResponse {
                    team: None,
                    population: Population::Executive,
                    channel: None,
                    day: rng.gen_range(2..=12.min(days)),
                    answers,
                    comment: None,
                    author_email: Some(person.email.clone()),
                });
            }
            DemoWave {
                name: name.to_owned(),
                opens_days_ago: opens,
                closes_days_ago: closes,
                responses,
            }
        })
        .collect();

    let owner = |scope: &Scope| match *scope {
        Scope::Organisation => directors.first().map(|p| p.email.clone()),
        Scope::Region(r) => regional.get(r).map(|p| p.email.clone()),
        Scope::Branch(b) => managers.get(b).map(|p| p.email.clone()),
    };
    let actions = adopted
        .iter()
        .filter_map(|a| {
            let team = match a.scope {
                Scope::Organisation => None,
                Scope::Region(r) => Some(text::REGIONS.get(r)?.code.to_owned()),
                Scope::Branch(b) => Some(branches.get(b)?.code.clone()),
            };
            Some(DemoAction {
                point: a.point.to_owned(),
                team,
                owner_email: owner(&a.scope)?,
                status: if a.done { "done" } else { "in_progress" }.to_owned(),
                note: text::action_note(a.point).to_owned(),
            })
        })
        .collect();

    let mut people = directors.clone();
    people.extend(regional.iter().cloned());
    people.extend(managers);
    people.push(viewer);
    DemoPlan {
        organisation: DemoOrganisation {
            name: "Banque Horizon".to_owned(),
            sector: "banking".to_owned(),
            default_language: "fr".to_owned(),
            anonymity_threshold: 5,
        },
        teams,
        people,
        waves,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::report::TeamReport;
    use crate::analytics::{
        action_effect, build_report, channel_view, compare_waves, CampaignData, CampaignMeta, CampaignReport,
        GroupReport, ReportFilter, Settings,
    };
    use std::sync::OnceLock;

    fn campaign(plan: &DemoPlan, wave: usize) -> CampaignData {
        wave_data(plan, wave).unwrap()
    }

    fn settings() -> Settings {
        Settings {
            anonymity_threshold: 5,
            ..Settings::default()
        }
    }

    fn report(plan: &DemoPlan, wave: usize) -> CampaignReport {
        let meta = CampaignMeta {
            id: format!("wave-{wave}"),
            name: plan.waves[wave].name.clone(),
            status: "closed".to_owned(),
        };
        build_report(&campaign(plan, wave), &settings(), &meta, &ReportFilter::default()).unwrap()
    }

    struct Fixture {
        plan: DemoPlan,
        reports: [CampaignReport; 2],
    }

    /// The default plan and its two reports, built once for all tests.
    fn fixture() -> &'static Fixture {
        static FIXTURE: OnceLock<Fixture> = OnceLock::new();
        FIXTURE.get_or_init(|| {
            let plan = plan(DEFAULT_SEED);
            let reports = [report(&plan, 0), report(&plan, 1)];
            Fixture { plan, reports }
        })
    }

    fn branches(report: &CampaignReport) -> impl Iterator<Item = &TeamReport> {
        report.teams.iter().filter(|t| t.parent_code.is_some())
    }

    /// Mean over the dimensions that have it of a gap read from a dimension.
    fn mean_gap(group: &GroupReport, gap: impl Fn(&crate::analytics::group::Gaps) -> Option<f64>) -> Option<f64> {
        let values: Vec<f64> = group.dimensions.values().filter_map(|d| gap(&d.gaps)).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    }

    fn perception(group: &GroupReport) -> Option<f64> {
        mean_gap(group, |g| g.customer_perception.as_ref().map(|x| x.points))
    }

    fn blind_spot(group: &GroupReport) -> Option<f64> {
        mean_gap(group, |g| g.managerial_blind_spot.as_ref().map(|x| x.points))
    }

    /// Mean change in points over an action's target dimensions, both sides.
    fn effect(point: &str, before: &GroupReport, after: &GroupReport) -> (f64, usize) {
        let effect = action_effect(point, before, after).unwrap();
        let points: Vec<f64> = effect
            .dimensions
            .values()
            .flat_map(|s| [s.customer.as_ref(), s.employee.as_ref()])
            .flatten()
            .map(|c| c.points)
            .collect();
        (points.iter().sum::<f64>() / points.len().max(1) as f64, points.len())
    }

    fn group<'a>(report: &'a CampaignReport, team: Option<&str>) -> &'a GroupReport {
        match team {
            None => &report.organisation,
            Some(code) => &report.teams.iter().find(|t| t.code == code).unwrap().group,
        }
    }

    #[test]
    fn the_instrument_parses_whole() {
        let file: InstrumentFile = serde_json::from_str(INSTRUMENT_JSON).unwrap();
        let instrument = Instrument::load();
        let dimension_items: usize = instrument.items.values().map(Vec::len).sum();
        assert_eq!(dimension_items + instrument.headlines.len(), file.items.len());
        assert_eq!(instrument.items.len(), 11 * 7);
        assert_eq!(instrument.headlines.len(), 9);
    }

    #[test]
    fn the_organisation_has_regions_branches_and_people() {
        let plan = &fixture().plan;
        assert_eq!(plan.organisation.anonymity_threshold, 5);
        assert!(plan.teams.len() >= 40);
        let regions: Vec<&DemoTeam> = plan.teams.iter().filter(|t| t.parent_code.is_none()).collect();
        assert_eq!(regions.len(), 4);
        for region in &regions {
            let children: Vec<&DemoTeam> = plan
                .teams
                .iter()
                .filter(|t| t.parent_code.as_deref() == Some(region.code.as_str()))
                .collect();
            assert!((10..=11).contains(&children.len()), "{}", region.code);
            assert_eq!(region.headcount, children.iter().map(|t| t.headcount).sum::<i32>());
            for branch in children {
                assert!((6..=20).contains(&branch.headcount), "{}", branch.code);
                assert!(branch.code.starts_with(&format!("{}-", region.code)));
                assert!(branch.code.len() <= 32);
                assert!(branch.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
            }
        }
        let emails: BTreeSet<&str> = plan.people.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), plan.people.len(), "e-mails are unique");
        assert!(plan
            .people
            .iter()
            .all(|p| p.email.ends_with("@example.org") && p.email.is_ascii()));
        let role = |r: &str| plan.people.iter().filter(|p| p.role == r).count();
        assert_eq!(role("director"), 2);
        assert_eq!(role("viewer"), 1);
        assert_eq!(
            role("manager"),
            plan.teams.len(),
            "one manager per region and per branch"
        );
        for team in &plan.teams {
            let managers = plan
                .people
                .iter()
                .filter(|p| p.role == "manager" && p.team_codes == [team.code.clone()])
                .count();
            assert_eq!(managers, 1, "{}", team.code);
        }
    }

    #[test]
    fn every_answer_is_valid_for_its_population_and_scale() {
        let plan = &fixture().plan;
        let branch_codes: BTreeSet<&str> = plan
            .teams
            .iter()
            .filter(|t| t.parent_code.is_some())
            .map(|t| t.code.as_str())
            .collect();
        let person = |email: &str| plan.people.iter().find(|p| p.email == email);
        let instrument = Instrument::load();
        let (mut asked, mut answered) = (0usize, 0usize);
        assert_eq!(plan.waves.len(), 2);
        assert!(plan.waves[0].opens_days_ago > plan.waves[1].opens_days_ago);
        for wave in &plan.waves {
            assert!(wave.opens_days_ago > wave.closes_days_ago);
            let days = wave.opens_days_ago - wave.closes_days_ago;
            for r in &wave.responses {
                assert!(r.day <= days);
                assert!(!r.answers.is_empty());
                let items: BTreeSet<ItemCode> = r.answers.iter().map(|a| a.0).collect();
                assert_eq!(items.len(), r.answers.len(), "no item answered twice");
                for &(item, value) in &r.answers {
                    assert_eq!(item.population(), r.population, "{item}");
                    assert!(item.accepts(value), "{item} = {value}");
                }
                assert_eq!(r.channel.is_some(), r.population == Population::Customer);
                assert_eq!(r.team.is_none(), r.population == Population::Executive);
                if let Some(team) = &r.team {
                    assert!(branch_codes.contains(team.as_str()), "{team} is a branch");
                }
                match r.population {
                    Population::Customer | Population::Employee => assert!(r.author_email.is_none()),
                    Population::Manager => {
                        let author = person(r.author_email.as_deref().unwrap()).unwrap();
                        assert_eq!(author.team_codes, [r.team.clone().unwrap()]);
                    }
                    Population::Executive => {
                        assert!(person(r.author_email.as_deref().unwrap()).is_some());
                        assert!(r.comment.is_none());
                    }
                }
                if r.population == Population::Customer || r.population == Population::Employee {
                    asked += instrument
                        .items
                        .iter()
                        .filter(|((_, p), _)| p.population() == r.population)
                        .map(|(_, v)| v.len())
                        .sum::<usize>();
                    answered += r
                        .answers
                        .iter()
                        .filter(|a| matches!(a.0, ItemCode::Dimension { .. }))
                        .count();
                }
            }
        }
        let dont_know = 1.0 - answered as f64 / asked as f64;
        assert!((0.02..0.05).contains(&dont_know), "don't know {dont_know}");
    }

    #[test]
    fn each_wave_holds_thousands_of_answers_from_every_population() {
        let plan = &fixture().plan;
        for wave in &plan.waves {
            let count = |p: Population| wave.responses.iter().filter(|r| r.population == p).count();
            let answers: usize = wave.responses.iter().map(|r| r.answers.len()).sum();
            assert!(count(Population::Customer) >= 2000, "{}", count(Population::Customer));
            assert!(count(Population::Employee) >= 300);
            assert_eq!(count(Population::Manager), 42);
            assert!((3..=4).contains(&count(Population::Executive)));
            assert!(answers >= 40_000, "{answers}");
            let with_comment = wave.responses.iter().filter(|r| r.comment.is_some()).count();
            assert!((50..600).contains(&with_comment), "{with_comment} comments");
        }
    }

    #[test]
    fn team_engagement_and_customer_satisfaction_correlate() {
        let [first, second] = &fixture().reports;
        for report in [first, second] {
            let linkage = &report.linkage;
            assert!(linkage.eligible_teams >= 30, "{}", linkage.eligible_teams);
            let r = linkage.eei_csi.as_ref().unwrap().pearson.r;
            assert!((0.4..0.85).contains(&r), "r = {r}");
        }
    }

    #[test]
    fn small_branches_are_suppressed() {
        let report = &fixture().reports[0];
        let employee = branches(report).filter(|t| t.group.suppressed.employee).count();
        let customer = branches(report).filter(|t| t.group.suppressed.customer).count();
        assert!(employee >= 3, "{employee}");
        assert!((1..=3).contains(&customer), "{customer}");
        // Pairs of small branches protect each other: no region and not the
        // organisation loses its figures.
        for region in report.teams.iter().filter(|t| t.parent_code.is_none()) {
            assert!(!region.group.suppressed.employee && !region.group.suppressed.customer);
        }
    }

    #[test]
    fn perception_gaps_and_blind_spots_stand_out() {
        let report = &fixture().reports[0];
        let overestimating = branches(report)
            .filter(|t| perception(&t.group).is_some_and(|g| g >= 10.0))
            .count();
        let blind = branches(report)
            .filter(|t| blind_spot(&t.group).is_some_and(|g| g >= 15.0))
            .count();
        assert!(overestimating >= 2, "{overestimating} teams overestimate customers");
        assert!(blind >= 2, "{blind} managers with blind spots");
        // The ordinary branch is not a caricature: the median gap is modest.
        let mut gaps: Vec<f64> = branches(report).filter_map(|t| perception(&t.group)).collect();
        gaps.sort_by(f64::total_cmp);
        let median = gaps[gaps.len() / 2];
        assert!((-5.0..10.0).contains(&median), "median perception gap {median}");
        let org = &report.organisation;
        let leadership_e = mean_gap(org, |g| g.leadership_employee.as_ref().map(|x| x.points)).unwrap();
        let leadership_c = mean_gap(org, |g| g.leadership_customer.as_ref().map(|x| x.points)).unwrap();
        assert!(
            leadership_e >= 10.0 && leadership_c >= 10.0,
            "{leadership_e} {leadership_c}"
        );
        let recommended = branches(report).filter(|t| !t.group.recommendations.is_empty()).count();
        assert!(recommended >= 10, "{recommended}");
    }

    #[test]
    fn the_app_is_the_weak_channel_on_digital_and_cooperation() {
        let plan = &fixture().plan;
        let view = channel_view(&campaign(plan, 0), &settings(), &ReportFilter::default()).unwrap();
        for d in [Dimension::Digital, Dimension::Cooperation] {
            let dim = &view.dimensions[&d];
            let weakest = dim
                .channels
                .iter()
                .filter_map(|(c, s)| Some((*c, s.favourable?)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap();
            assert_eq!(weakest.0, Channel::App, "{d}");
            assert!(dim.spread.unwrap() >= 10.0, "{d}");
        }
    }

    #[test]
    fn adopted_actions_improve_their_target_dimensions() {
        let Fixture { plan, reports } = fixture();
        assert!((4..=6).contains(&plan.actions.len()));
        assert!(plan.actions.iter().any(|a| a.team.is_none()));
        let action_plan: serde_json::Value = serde_json::from_str(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/action_plan.json"
        )))
        .unwrap();
        for action in &plan.actions {
            assert!(action_plan
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["code"] == action.point.as_str()));
            assert!(plan.people.iter().any(|p| p.email == action.owner_email));
            assert!(["done", "in_progress"].contains(&action.status.as_str()));
            let team = action.team.as_deref();
            let (points, n) = effect(&action.point, group(&reports[0], team), group(&reports[1], team));
            assert!(n >= 2, "{} has changes to read", action.point);
            assert!(points > 0.0, "{} on {team:?}: {points}", action.point);
        }
        // What no action touched stays roughly where it was.
        let comparison = compare_waves(&reports[0], &reports[1]);
        for d in [Dimension::Values, Dimension::Environment] {
            for p in [Perspective::Customer, Perspective::Employee] {
                let change = comparison.organisation.dimensions[&d][&p].as_ref().unwrap();
                assert!(change.points.abs() < 8.0, "{d} {p}: {}", change.points);
                assert!(change.p.unwrap() > 0.01, "{d} {p}: p = {:?}", change.p);
            }
        }
    }

    #[test]
    fn the_plan_is_deterministic_per_seed() {
        let a = plan(7);
        assert_eq!(a, plan(7));
        let b = plan(8);
        assert_ne!(a, b);
        assert_ne!(a.waves[0].responses, b.waves[0].responses);
    }

    /// Not part of the default run (about 1 s per seed in debug): checks that
    /// the story does not hinge on the default seed.
    #[test]
    #[ignore]
    fn the_story_holds_for_other_seeds() {
        let mut rs = Vec::new();
        for seed in 0..20 {
            let plan = plan(seed);
            let reports = [report(&plan, 0), report(&plan, 1)];
            for report in &reports {
                let r = report.linkage.eei_csi.as_ref().unwrap().pearson.r;
                let blind = branches(report)
                    .filter(|t| blind_spot(&t.group).is_some_and(|g| g >= 15.0))
                    .count();
                let over = branches(report)
                    .filter(|t| perception(&t.group).is_some_and(|g| g >= 10.0))
                    .count();
                eprintln!("seed {seed}: r {r:.3}, {blind} blind spots, {over} over-estimating teams");
                rs.push(r);
                // With about 36 teams the sampling error of r is about 0.1.
                assert!((0.25..0.92).contains(&r), "seed {seed}: r = {r}");
                assert!(blind >= 2 && over >= 2, "seed {seed}");
            }
            for action in &plan.actions {
                let team = action.team.as_deref();
                let (points, _) = effect(&action.point, group(&reports[0], team), group(&reports[1], team));
                assert!(points > 0.0, "seed {seed}: {} on {team:?}: {points}", action.point);
            }
        }
        rs.sort_by(f64::total_cmp);
        let median = rs[rs.len() / 2];
        eprintln!("r: min {:.3} median {median:.3} max {:.3}", rs[0], rs[rs.len() - 1]);
        assert!((0.5..0.75).contains(&median), "median r = {median}");
    }

    /// The demo's figures that a reader sees first, per wave.
    #[derive(Serialize)]
    struct KeyFigures {
        wave: String,
        respondents: BTreeMap<&'static str, usize>,
        eei: Option<f64>,
        csi: Option<f64>,
        enps: Option<f64>,
        nps: Option<f64>,
        eei_csi: Option<Interval>,
        enps_nps: Option<Interval>,
        teams_shown: usize,
        teams_suppressed_employee: usize,
        teams_suppressed_customer: usize,
        top_recommendations: Vec<&'static str>,
        /// SHA-256 of the whole report as JSON: any change to any figure of
        /// the engine's output changes it.
        report_sha256: String,
    }

    #[derive(Serialize)]
    struct DemoFigures {
        /// SHA-256 of the whole plan as JSON (every answer, day and comment).
        plan_sha256: String,
        waves: Vec<KeyFigures>,
    }

    #[derive(Serialize)]
    struct Interval {
        r: f64,
        ci_low: f64,
        ci_high: f64,
    }

    fn sha256(json: &str) -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(json.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn key_figures_of(wave: &DemoWave, report: &CampaignReport) -> KeyFigures {
        let org = &report.organisation;
        let interval = |c: &Option<crate::analytics::linkage::Correlation>| {
            c.as_ref().map(|c| Interval {
                r: c.pearson.r,
                ci_low: c.pearson.ci_low,
                ci_high: c.pearson.ci_high,
            })
        };
        KeyFigures {
            wave: wave.name.clone(),
            respondents: Population::ALL
                .iter()
                .map(|&p| (p.as_str(), wave.responses.iter().filter(|r| r.population == p).count()))
                .collect(),
            eei: org.indices.eei,
            csi: org.indices.csi,
            enps: org.indices.enps.score,
            nps: org.indices.nps.score,
            eei_csi: interval(&report.linkage.eei_csi),
            enps_nps: interval(&report.linkage.enps_nps),
            teams_shown: report
                .teams
                .iter()
                .filter(|t| !t.group.suppressed.employee && !t.group.suppressed.customer)
                .count(),
            teams_suppressed_employee: report.teams.iter().filter(|t| t.group.suppressed.employee).count(),
            teams_suppressed_customer: report.teams.iter().filter(|t| t.group.suppressed.customer).count(),
            top_recommendations: org.recommendations.iter().take(5).map(|r| r.action).collect(),
            report_sha256: sha256(&serde_json::to_string(report).unwrap()),
        }
    }

    /// The key figures of both waves, with fingerprints of the whole plan
    /// and of each whole report, taken before the demo, the charts and the
    /// exports were split into smaller modules: a refactor that changes any
    /// answer or any figure fails here.
    #[test]
    fn key_figures() {
        let Fixture { plan, reports } = fixture();
        let waves: Vec<KeyFigures> = plan
            .waves
            .iter()
            .zip(reports)
            .map(|(wave, report)| key_figures_of(wave, report))
            .collect();
        insta::assert_yaml_snapshot!(DemoFigures {
            plan_sha256: sha256(&serde_json::to_string(plan).unwrap()),
            waves,
        });
    }
}

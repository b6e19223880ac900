//! One respondent's answers, drawn from the latent levels of their branch.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;

use super::model::*;
use super::text;
use crate::analytics::items::Headline;
use crate::analytics::{Channel, Dimension, ItemCode, Perspective};

// ---------------------------------------------------------------------------
// Respondents

/// "Don't know" rates: employees know less about customers than about
/// themselves, and environment is the item people feel least able to judge.
pub(super) fn dont_know_rate(d: Dimension, perspective: Perspective) -> f64 {
    match (d, perspective) {
        (Dimension::Environment, _) => 0.06,
        (_, Perspective::EmployeeEstimateCustomer) => 0.04,
        _ => 0.025,
    }
}

pub(super) struct Writer<'a> {
    pub(super) rng: &'a mut StdRng,
    pub(super) instrument: &'a Instrument,
    pub(super) answers: Vec<(ItemCode, u8)>,
}

impl Writer<'_> {
    /// Answers every item of `perspective`, each dimension from its level.
    pub(super) fn likert(&mut self, perspective: Perspective, level: impl Fn(usize) -> f64, halo: f64, noise: f64) {
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

    pub(super) fn headline(&mut self, headline: Headline, value: u8) {
        // Headline questions are rarely skipped, but they can be.
        if self.instrument.headlines.contains(&headline) && !self.rng.gen_bool(0.01) {
            self.answers.push((ItemCode::Headline(headline), value));
        }
    }
}

pub(super) fn net_score_answer(x: f64, centre: f64) -> u8 {
    (centre + 2.1 * x).round().clamp(0.0, 10.0) as u8
}

pub(super) struct Answered {
    pub(super) answers: Vec<(ItemCode, u8)>,
    pub(super) comment: Option<String>,
}

pub(super) fn customer(rng: &mut StdRng, instrument: &Instrument, levels: &Levels, channel: Channel) -> Answered {
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

pub(super) fn employee(rng: &mut StdRng, instrument: &Instrument, levels: &BranchLevels) -> Answered {
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
        // With half the halo, this item noise gives the crowd's spread
        // (CROWD_SD): the estimate is biased only by `levels.estimate`.
        0.95,
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
pub(super) fn comment(
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

impl Writer<'_> {
    /// Answers every item of `perspective` as a version-2 estimate: "out of
    /// 10, how many would agree", from the share of the crowd that would
    /// (P(favourable) = Φ(level / CROWD_SD)) seen through the person's
    /// level, halo and item noise, rounded to a whole number of people.
    pub(super) fn estimate(&mut self, perspective: Perspective, level: impl Fn(usize) -> f64, halo: f64) {
        for (i, &d) in Dimension::ALL.iter().enumerate() {
            for &item in self.instrument.items(d, perspective) {
                if self.rng.gen_bool(dont_know_rate(d, perspective)) {
                    continue;
                }
                let x = level(i) + halo + ESTIMATE_NOISE * normal(self.rng);
                let share = phi(x / CROWD_SD);
                self.answers.push((item, (10.0 * share).round().clamp(0.0, 10.0) as u8));
            }
        }
    }
}

/// The standard normal distribution function.
pub(super) fn phi(x: f64) -> f64 {
    0.5 * (1.0 + statrs::function::erf::erf(x / std::f64::consts::SQRT_2))
}

/// A signed self-assessment (instrument version 2): 0–10 estimates of the
/// employees and of the customers, from levels that already include the
/// person's bias.
pub(super) fn signed(
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
        w.estimate(perspective, |i| levels[i], halo);
    }
    w.answers
}

/// The levels a person sees: the true ones moved by their bias (in latent
/// units: +0.8 turns 58 % favourable into about 84 %).
pub(super) fn shifted(levels: &Levels, bias: f64) -> Levels {
    levels.map(|l| l + bias)
}

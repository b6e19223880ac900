//! The score objects of the report (METHOD.md §3) built from pooled answer
//! counts. Each keeps the counts it came from in fields the API never
//! shows (only a kept report, `stored`, writes them), so that wave
//! comparisons can test changes; a hidden score keeps no counts at all.

use serde::{Deserialize, Serialize, Serializer};

use super::stats::{self, finite};
use super::tally::{Buckets, Counts};

/// A % favourable score with its interval and mean (`n` = respondents).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub n: Option<u64>,
    pub favourable: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub mean: Option<f64>,
    #[serde(skip_serializing_if = "super::stored::public", default)]
    pub favourable_answers: u64,
    #[serde(skip_serializing_if = "super::stored::public", default)]
    pub answers: u64,
}

impl Score {
    /// What anonymity leaves of a score: nothing, not even its n.
    pub fn hidden() -> Score {
        Score::default()
    }

    /// `favourable_from` is the lowest favourable value (4 on 1–5).
    pub fn from_counts(n: u64, counts: &Counts, favourable_from: usize) -> Score {
        let answers: u64 = counts.iter().sum();
        let favourable_answers: u64 = counts.iter().skip(favourable_from).sum();
        let weighted: f64 = counts
            .iter()
            .enumerate()
            .map(|(value, &c)| value as f64 * c as f64)
            .sum();
        let interval = stats::wilson(favourable_answers, answers);
        let share = (answers > 0).then(|| 100.0 * favourable_answers as f64 / answers as f64);
        Score {
            n: Some(n),
            favourable: share,
            ci_low: interval.map(|i| i.0),
            ci_high: interval.map(|i| i.1),
            mean: (answers > 0).then(|| weighted / answers as f64),
            favourable_answers,
            answers,
        }
    }

    /// An estimate answered 0–10 (METHOD.md §3): estimated % favourable =
    /// 10 × the mean of the answers, pooled over the perspective's items
    /// and estimators; `n` = estimators with an answer; no interval and no
    /// mean. It keeps no answer counts, so no test can ever be made on it.
    pub fn estimate(n: u64, counts: &Counts) -> Score {
        let answers: u64 = counts.iter().sum();
        let total: u64 = counts.iter().zip(0u64..).map(|(&c, value)| c * value).sum();
        Score {
            n: Some(n),
            favourable: (answers > 0).then(|| 10.0 * total as f64 / answers as f64),
            ..Score::default()
        }
    }
}

/// A share in points, serialised as a bare number (or `null`), keeping its
/// counts for wave tests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Share {
    pub value: Option<f64>,
    pub successes: u64,
    pub total: u64,
}

impl Share {
    /// Share of answers at or above `from`.
    pub fn from_counts(counts: &Counts, from: usize) -> Share {
        let total: u64 = counts.iter().sum();
        let successes: u64 = counts.iter().skip(from).sum();
        Share {
            value: (total > 0).then(|| 100.0 * successes as f64 / total as f64),
            successes,
            total,
        }
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if super::stored::keeping() {
            return KeptShare::Full {
                value: self.value,
                successes: self.successes,
                total: self.total,
            }
            .serialize(serializer);
        }
        self.value.serialize(serializer)
    }
}

/// A share as the API writes it (a bare number) or as it is kept (with its
/// counts).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum KeptShare {
    Full {
        value: Option<f64>,
        successes: u64,
        total: u64,
    },
    Bare(Option<f64>),
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match KeptShare::deserialize(deserializer)? {
            KeptShare::Full {
                value,
                successes,
                total,
            } => Share {
                value,
                successes,
                total,
            },
            KeptShare::Bare(value) => Share {
                value,
                ..Share::default()
            },
        })
    }
}

/// NPS or eNPS with its interval.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetScore {
    pub score: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub n: Option<u64>,
    #[serde(skip_serializing_if = "super::stored::public", default)]
    pub promoters: u64,
    #[serde(skip_serializing_if = "super::stored::public", default)]
    pub detractors: u64,
    #[serde(skip_serializing_if = "super::stored::public", default)]
    pub answers: u64,
}

impl NetScore {
    pub fn from_counts(n: u64, counts: &Counts) -> NetScore {
        let answers: u64 = counts.iter().sum();
        let promoters = counts[9] + counts[10];
        let detractors: u64 = counts[..=6].iter().sum();
        let figures = stats::net_promoter(promoters, detractors, answers);
        NetScore {
            score: figures.map(|f| f.0),
            ci_low: figures.map(|f| f.1),
            ci_high: figures.map(|f| f.2),
            n: Some(n),
            promoters,
            detractors,
            answers,
        }
    }
}

/// Customer orientation shares, in points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cos {
    pub strong: f64,
    pub medium: f64,
    pub weak: f64,
}

/// Bucket keys are 6 × the employee's mean: 4.5 ↔ 27, 3.5 ↔ 21.
pub const COS_STRONG_KEY: usize = 27;
pub const COS_MEDIUM_KEY: usize = 21;

impl Cos {
    pub fn from_buckets(buckets: &Buckets) -> Option<Cos> {
        let total: u64 = buckets.iter().sum();
        if total == 0 {
            return None;
        }
        let share = |range: &[u64]| 100.0 * range.iter().sum::<u64>() as f64 / total as f64;
        Some(Cos {
            strong: share(&buckets[COS_STRONG_KEY..]),
            medium: share(&buckets[COS_MEDIUM_KEY..COS_STRONG_KEY]),
            weak: share(&buckets[..COS_MEDIUM_KEY]),
        })
    }
}

/// A tested gap (two-proportion z-test on the underlying answers). `q` is
/// its Benjamini–Hochberg adjusted p over the report's family of tested gaps
/// (METHOD.md §4, set by `report::adjust_for_multiple_tests`) and
/// `significant` is q < 0.05.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestedGap {
    pub points: f64,
    pub p: f64,
    pub q: f64,
    pub significant: bool,
}

impl TestedGap {
    /// Sets q (from the family's adjustment) and the significance it gives.
    pub fn adjust(&mut self, q: f64) {
        self.q = q;
        self.significant = q < stats::ALPHA;
    }
}

/// A gap shown as points only: blind spots (an estimate against a score)
/// are never tested (METHOD.md §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointGap {
    pub points: f64,
}

/// `a − b`, tested; `None` when either side is hidden or empty. Until the
/// report adjusts it over its family, q is p (a family of one test).
pub fn tested_gap(a: &Score, b: &Score) -> Option<TestedGap> {
    let points = finite(a.favourable? - b.favourable?)?;
    let p = stats::two_proportion_p(a.favourable_answers, a.answers, b.favourable_answers, b.answers)?;
    Some(TestedGap {
        points,
        p,
        q: p,
        significant: p < stats::ALPHA,
    })
}

pub fn point_gap(a: &Score, b: &Score) -> Option<PointGap> {
    finite(a.favourable? - b.favourable?).map(|points| PointGap { points })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_pools_counts_and_keeps_n_apart() {
        // values 1..5 with counts 1,1,2,3,3 → 6 of 10 favourable, mean 3.6.
        let counts = [0, 1, 1, 2, 3, 3, 0, 0, 0, 0, 0];
        let s = Score::from_counts(7, &counts, 4);
        assert_eq!(s.n, Some(7));
        assert!((s.favourable.unwrap() - 60.0).abs() < 1e-12);
        assert!((s.mean.unwrap() - 3.6).abs() < 1e-12);
        let (lo, hi) = stats::wilson(6, 10).unwrap();
        assert_eq!((s.ci_low, s.ci_high), (Some(lo), Some(hi)));
    }

    #[test]
    fn an_empty_score_has_n_zero_and_no_figures() {
        let s = Score::from_counts(0, &[0; 11], 4);
        assert_eq!(s.n, Some(0));
        assert_eq!((s.favourable, s.mean, s.ci_low), (None, None, None));
        assert_eq!(Share::from_counts(&[0; 11], 5).value, None);
    }

    #[test]
    fn identical_answers_give_0_or_100_with_a_finite_interval() {
        let mut counts = [0; 11];
        counts[5] = 12;
        let s = Score::from_counts(12, &counts, 4);
        assert_eq!(s.favourable, Some(100.0));
        assert!((s.ci_high.unwrap() - 100.0).abs() < 1e-9 && s.ci_low.unwrap() < 100.0);
        let mut low = [0; 11];
        low[2] = 12;
        let t = Score::from_counts(12, &low, 4);
        let gap = tested_gap(&s, &t).unwrap();
        assert_eq!(gap.points, 100.0);
        assert!(gap.significant);
        assert_eq!(tested_gap(&s, &s).unwrap().p, 1.0);
        assert_eq!(tested_gap(&s, &Score::hidden()), None);
    }

    #[test]
    fn an_estimate_is_ten_times_the_mean_answer_and_cannot_be_tested() {
        let mut counts = [0; 11];
        counts[0] = 1;
        counts[7] = 2;
        counts[10] = 1;
        let e = Score::estimate(3, &counts);
        assert_eq!(e.n, Some(3));
        assert!(
            (e.favourable.unwrap() - 60.0).abs() < 1e-12,
            "10 × (0 + 7 + 7 + 10) / 4"
        );
        assert_eq!((e.ci_low, e.ci_high, e.mean), (None, None, None));
        assert_eq!((e.favourable_answers, e.answers), (0, 0));
        let empty = Score::estimate(0, &[0; 11]);
        assert_eq!((empty.n, empty.favourable), (Some(0), None));
        // No counts behind an estimate: a test against it is impossible.
        let mut high = [0; 11];
        high[5] = 12;
        assert_eq!(tested_gap(&e, &Score::from_counts(12, &high, 4)), None);
        assert!((point_gap(&e, &Score::from_counts(12, &high, 4)).unwrap().points + 40.0).abs() < 1e-12);
    }

    #[test]
    fn net_scores_and_orientation_shares() {
        let mut counts = [0; 11];
        counts[10] = 3;
        counts[9] = 2;
        counts[8] = 3;
        counts[0] = 2;
        let nps = NetScore::from_counts(10, &counts);
        assert!((nps.score.unwrap() - 30.0).abs() < 1e-12);
        let mut buckets = [0; 31];
        buckets[30] = 1;
        buckets[27] = 1;
        buckets[26] = 1;
        buckets[21] = 1;
        buckets[20] = 1;
        let cos = Cos::from_buckets(&buckets).unwrap();
        assert_eq!((cos.strong, cos.medium, cos.weak), (40.0, 40.0, 20.0));
        assert_eq!(Cos::from_buckets(&[0; 31]), None);
    }
}

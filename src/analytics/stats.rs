//! The statistical formulas of METHOD.md §3–5, on plain numbers. Every
//! function returns `None` where the statistic is undefined, so that no NaN
//! or infinity can ever reach a report.

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// The z of a two-sided 95 % interval, as fixed by METHOD.md (not 1.96).
pub const Z95: f64 = 1.959964;

/// Gaps and tests use this significance level.
pub const ALPHA: f64 = 0.05;

/// Keeps a computed value only if it is a real number.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Wilson score interval for `successes / total`, in points (0–100).
pub fn wilson(successes: u64, total: u64) -> Option<(f64, f64)> {
    if total == 0 || successes > total {
        return None;
    }
    let n = total as f64;
    let p = successes as f64 / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some((100.0 * (centre - half), 100.0 * (centre + half)))
}

/// Two-sided p of the pooled two-proportion z-test. When the pooled share is
/// 0 or 1 both samples are identical, the z statistic is 0/0 and we report
/// p = 1 (no evidence of a difference) rather than leave the gap untested.
pub fn two_proportion_p(x1: u64, n1: u64, x2: u64, n2: u64) -> Option<f64> {
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se == 0.0 {
        return Some(1.0);
    }
    let z = (x1 as f64 / n1f - x2 as f64 / n2f) / se;
    let normal = Normal::new(0.0, 1.0).ok()?;
    finite(2.0 * normal.sf(z.abs()))
}

/// NPS in points with its normal-approximation 95 % interval.
pub fn net_promoter(promoters: u64, detractors: u64, total: u64) -> Option<(f64, f64, f64)> {
    if total == 0 || promoters + detractors > total {
        return None;
    }
    let n = total as f64;
    let (pp, pd) = (promoters as f64 / n, detractors as f64 / n);
    let diff = pp - pd;
    let var = (pp + pd - diff * diff).max(0.0) / n;
    let half = 100.0 * Z95 * var.sqrt();
    let score = 100.0 * diff;
    Some((score, score - half, score + half))
}

pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    finite(values.iter().sum::<f64>() / values.len() as f64)
}

/// Median; for an even count, the mean of the two middle values.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let len = sorted.len();
    match len {
        0 => None,
        _ if len % 2 == 1 => Some(sorted[len / 2]),
        _ => Some((sorted[len / 2 - 1] + sorted[len / 2]) / 2.0),
    }
}

/// Pearson r; `None` when either series is constant (r is 0/0) or the
/// series are shorter than two or of different lengths.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 || is_constant(xs) || is_constant(ys) {
        return None;
    }
    let (mx, my) = (mean(xs)?, mean(ys)?);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    // Rounding can push |r| a hair above 1, which would break atanh.
    finite(sxy / (sxx * syy).sqrt()).map(|r| r.clamp(-1.0, 1.0))
}

fn is_constant(values: &[f64]) -> bool {
    values.windows(2).all(|w| w[0] == w[1])
}

/// Values this close are the same value: team scores are means of shares
/// summed in different orders, so equal scores can differ in the last bits.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Ranks from 1, ties (within TIE_TOLERANCE of the first value of the run)
/// sharing the average of the ranks they span.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] - values[order[start]] <= TIE_TOLERANCE {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean:
        let rank = (start + 1 + end) as f64 / 2.0;
        for &index in &order[start..end] {
            ranks[index] = rank;
        }
        start = end;
    }
    ranks
}

pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    pearson(&average_ranks(xs), &average_ranks(ys))
}

/// Two-sided p of H0: ρ = 0 by t = r·sqrt((n−2)/(1−r²)) with n − 2 df.
/// For |r| = 1 the statistic is infinite and p is exactly 0.
pub fn correlation_p(r: f64, n: usize) -> Option<f64> {
    if n < 3 || !r.is_finite() {
        return None;
    }
    if r.abs() >= 1.0 {
        return Some(0.0);
    }
    let df = (n - 2) as f64;
    let t = r * (df / (1.0 - r * r)).sqrt();
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    finite(2.0 * dist.sf(t.abs()))
}

/// Fisher-z 95 % interval of r. For |r| = 1, atanh is infinite and the
/// interval collapses onto r itself (what tanh(±∞ ± c) gives).
pub fn fisher_ci(r: f64, n: usize) -> Option<(f64, f64)> {
    if n < 4 || !r.is_finite() {
        return None;
    }
    if r.abs() >= 1.0 {
        return Some((r, r));
    }
    let z = r.atanh();
    let se = 1.0 / ((n - 3) as f64).sqrt();
    Some(((z - Z95 * se).tanh(), (z + Z95 * se).tanh()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn wilson_matches_hand_computation() {
        // 8 of 10: centre (0.8 + 0.19208)/1.38415, half 1.959964*sqrt(0.016+0.0096)/1.38415.
        let (lo, hi) = wilson(8, 10).unwrap();
        let z2 = Z95 * Z95;
        let d = 1.0 + z2 / 10.0;
        let c = (0.8 + z2 / 20.0) / d;
        let h = Z95 * (0.016 + z2 / 400.0).sqrt() / d;
        close(lo, 100.0 * (c - h));
        close(hi, 100.0 * (c + h));
        assert!((lo - 49.016).abs() < 0.01 && (hi - 94.332).abs() < 0.01);
    }

    #[test]
    fn wilson_at_the_edges_stays_inside_0_100() {
        let (lo, hi) = wilson(0, 7).unwrap();
        close(lo, 0.0);
        close(hi, 100.0 * (Z95 * Z95 / 7.0) / (1.0 + Z95 * Z95 / 7.0));
        let (lo, hi) = wilson(7, 7).unwrap();
        close(hi, 100.0);
        assert!(lo > 0.0 && lo < 100.0);
        assert_eq!(wilson(0, 0), None);
        assert_eq!(wilson(3, 2), None);
    }

    #[test]
    fn two_proportion_test_by_hand() {
        // 30/50 vs 20/50: pooled 0.5, se = sqrt(0.25*0.04) = 0.1, z = 2.
        let p = two_proportion_p(30, 50, 20, 50).unwrap();
        close(p, 0.045500263896358);
        assert_eq!(two_proportion_p(0, 10, 0, 12), Some(1.0));
        assert_eq!(two_proportion_p(5, 5, 9, 9), Some(1.0));
        assert_eq!(two_proportion_p(1, 0, 1, 2), None);
    }

    #[test]
    fn nps_and_its_interval() {
        // 5 promoters, 2 detractors of 10: 30 points, var (0.7 - 0.09)/10.
        let (s, lo, hi) = net_promoter(5, 2, 10).unwrap();
        close(s, 30.0);
        close(hi - s, 100.0 * Z95 * (0.061f64).sqrt());
        close(s - lo, hi - s);
        let (s, lo, hi) = net_promoter(4, 0, 4).unwrap();
        close(s, 100.0);
        close(lo, 100.0);
        close(hi, 100.0);
        assert_eq!(net_promoter(0, 0, 0), None);
    }

    #[test]
    fn pearson_and_spearman_with_ties() {
        let xs = [1.0, 2.0, 3.0, 4.0, 5.0];
        let ys = [2.0, 4.0, 5.0, 4.0, 5.0];
        // sxy = 6, sxx = 10, syy = 6 → r = 6/sqrt(60).
        close(pearson(&xs, &ys).unwrap(), 6.0 / 60f64.sqrt());
        assert_eq!(average_ranks(&ys), vec![1.0, 2.5, 4.5, 2.5, 4.5]);
        let noisy = [0.1 + 0.2, 0.3, 0.2];
        assert_eq!(average_ranks(&noisy), vec![2.5, 2.5, 1.0]);
        // ranks y: 1,2.5,4.5,2.5,4.5 → sxy = 7, sxx = 10, syy = 9.
        close(spearman(&xs, &ys).unwrap(), 7.0 / 90f64.sqrt());
        close(pearson(&xs, &[5.0, 4.0, 3.0, 2.0, 1.0]).unwrap(), -1.0);
    }

    #[test]
    fn zero_variance_gives_no_correlation() {
        let xs = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(pearson(&xs, &[3.0; 5]), None);
        assert_eq!(spearman(&[7.0; 5], &xs), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
        assert_eq!(pearson(&xs, &xs[..4]), None);
    }

    #[test]
    fn correlation_p_and_fisher_interval() {
        // r = 0.5, n = 10: t = 0.5*sqrt(8/0.75) = 1.632993, df 8 → p ≈ 0.141.
        let p = correlation_p(0.5, 10).unwrap();
        assert!((p - 0.14117).abs() < 1e-4, "{p}");
        let (lo, hi) = fisher_ci(0.5, 10).unwrap();
        let se = 1.0 / 7f64.sqrt();
        close(lo, (0.5f64.atanh() - Z95 * se).tanh());
        close(hi, (0.5f64.atanh() + Z95 * se).tanh());
        assert_eq!(correlation_p(1.0, 6), Some(0.0));
        assert_eq!(fisher_ci(-1.0, 6), Some((-1.0, -1.0)));
        close(correlation_p(0.0, 8).unwrap(), 1.0);
    }

    #[test]
    fn medians_and_means() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
    }
}

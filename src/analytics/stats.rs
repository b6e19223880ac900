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

/// The medians of the x and of the y of `pairs` (a scatter's quadrant
/// lines); `None` without pairs.
pub fn medians(pairs: &[(f64, f64)]) -> Option<(f64, f64)> {
    let (xs, ys): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
    median(&xs).zip(median(&ys))
}

/// The mean of the absolute values (how far a row of gaps lies from zero,
/// whatever their signs); `None` without values.
pub fn mean_absolute(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let values: Vec<f64> = values.into_iter().map(f64::abs).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// `part` as a percentage of `whole` (a response rate: respondents over
/// headcount); `None` when `whole` is zero.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

/// Least-squares line y = slope·x + intercept over the finite pairs;
/// `None` for fewer than two pairs or when every x is the same.
pub fn least_squares(pairs: &[(f64, f64)]) -> Option<(f64, f64)> {
    let pairs: Vec<(f64, f64)> = pairs
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let mean_x = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pairs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = pairs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx <= f64::EPSILON * mean_x.abs().max(1.0).powi(2) * n {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    (slope.is_finite() && intercept.is_finite()).then_some((slope, intercept))
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

/// Benjamini–Hochberg adjusted p-values (q), in the order of `p_values`:
/// q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎/j on the p sorted ascending, capped at 1.
/// Equal p get equal q, q never decreases with p, a single test keeps its p.
/// The caller decides the family: every p given is one test.
pub fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut q = vec![0.0; m];
    let mut running = 1.0_f64;
    for (position, &index) in order.iter().enumerate().rev() {
        let adjusted = p_values[index] * m as f64 / (position + 1) as f64;
        running = running.min(adjusted);
        q[index] = running;
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn benjamini_hochberg_by_hand() {
        // m = 4, sorted 0.01, 0.02, 0.03, 0.5: 4p/i = 0.04, 0.04, 0.04, 0.5.
        let q = benjamini_hochberg(&[0.03, 0.5, 0.01, 0.02]);
        for (got, want) in q.iter().zip([0.04, 0.5, 0.04, 0.04]) {
            close(*got, want);
        }
        // Step-up: 0.04·3/3 = 0.04; 0.035·3/2 = 0.0525 falls to 0.04; 0.01·3/1 = 0.03.
        let q = benjamini_hochberg(&[0.01, 0.035, 0.04]);
        for (got, want) in q.iter().zip([0.03, 0.04, 0.04]) {
            close(*got, want);
        }
    }

    #[test]
    fn benjamini_hochberg_ties_one_test_and_p_one() {
        // Ties share one q: 0.02, 0.02 of 3 → min(3·0.02/2, 3·0.02/1, …) = 0.03.
        let q = benjamini_hochberg(&[0.02, 0.02, 0.9]);
        close(q[0], 0.03);
        close(q[1], 0.03);
        close(q[2], 0.9);
        assert_eq!(benjamini_hochberg(&[0.037]), vec![0.037]);
        assert_eq!(benjamini_hochberg(&[1.0, 1.0]), vec![1.0, 1.0]);
        // q never exceeds 1: 0.8·3/1 = 2.4 is capped by the larger p's q.
        let q = benjamini_hochberg(&[0.8, 0.9, 1.0]);
        assert!(q.iter().all(|&v| v <= 1.0), "{q:?}");
        close(q[0], 1.0);
        assert!(benjamini_hochberg(&[]).is_empty());
    }

    #[test]
    fn benjamini_hochberg_is_monotone_and_never_below_p() {
        let p = [0.001, 0.2, 0.04, 0.04, 0.6, 0.0001, 0.03, 1.0, 0.05, 0.011];
        let q = benjamini_hochberg(&p);
        for i in 0..p.len() {
            assert!(q[i] >= p[i] && q[i] <= 1.0);
            for j in 0..p.len() {
                if p[i] <= p[j] {
                    assert!(q[i] <= q[j], "p {} ≤ {} but q {} > {}", p[i], p[j], q[i], q[j]);
                }
            }
        }
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
    fn least_squares_by_hand() {
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        // y = 2x + 1 exactly.
        let (m, b) = least_squares(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]).unwrap();
        assert!(near(m, 2.0) && near(b, 1.0));
        // x̄ = 2, ȳ = 10/3, Sxx = 2, Sxy = 4/3 + 5/3 = 3: slope 1.5, intercept 1/3.
        let (m, b) = least_squares(&[(1.0, 2.0), (2.0, 3.0), (3.0, 5.0)]).unwrap();
        assert!(near(m, 1.5) && near(b, 1.0 / 3.0));
        // A horizontal trend.
        let (m, b) = least_squares(&[(10.0, 4.0), (20.0, 4.0)]).unwrap();
        assert!(near(m, 0.0) && near(b, 4.0));
        assert_eq!(least_squares(&[]), None);
        assert_eq!(least_squares(&[(1.0, 1.0)]), None);
        assert_eq!(least_squares(&[(5.0, 1.0), (5.0, 9.0), (5.0, 3.0)]), None);
        // Non-finite pairs are left out, not propagated.
        let (m, _) = least_squares(&[(0.0, 0.0), (f64::NAN, 1.0), (1.0, 1.0)]).unwrap();
        assert!(near(m, 1.0));
    }

    #[test]
    fn medians_of_pairs_mean_absolute_and_percent() {
        assert_eq!(
            medians(&[(1.0, 10.0), (3.0, 30.0), (2.0, 40.0), (9.0, 20.0)]),
            Some((2.5, 25.0))
        );
        assert_eq!(medians(&[]), None);
        assert_eq!(mean_absolute([-4.0, 2.0, 0.0]), Some(2.0));
        assert_eq!(mean_absolute([]), None);
        assert_eq!(percent(3, 4), Some(75.0));
        assert_eq!(percent(7, 0), None);
        assert_eq!(percent(0, 12), Some(0.0));
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

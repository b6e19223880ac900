//! The small inferential pieces behind the cross-wave figures: Student's t
//! quantiles, Welch's two-sample t interval, and ordinary least squares on
//! two z-scored predictors (the cross-lagged panel). Plain numbers in,
//! `None` wherever the statistic is undefined, never NaN.

use serde::{Deserialize, Serialize};
use statrs::distribution::{Continuous, ContinuousCDF, StudentsT};

use super::stats::{finite, mean};

/// Two-sided 95 %.
const UPPER: f64 = 0.975;

/// A real number above zero (false for NaN).
pub fn positive(x: f64) -> bool {
    x > 0.0
}

/// The `prob` quantile of Student's t with `df` degrees of freedom (df may
/// be fractional, as Welch's is). statrs inverts the regularised beta
/// function; two Newton steps on the CDF bring it to full precision.
pub fn t_quantile(df: f64, prob: f64) -> Option<f64> {
    if !positive(df) || !positive(prob) || prob >= 1.0 {
        return None;
    }
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    let mut t = dist.inverse_cdf(prob);
    for _ in 0..2 {
        let density = dist.pdf(t);
        if !positive(density) {
            break;
        }
        t -= (dist.cdf(t) - prob) / density;
    }
    finite(t)
}

/// Two-sided p of a t statistic with `df` degrees of freedom.
pub fn t_p(t: f64, df: f64) -> Option<f64> {
    if !positive(df) || !t.is_finite() {
        return None;
    }
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    finite(2.0 * dist.sf(t.abs()))
}

/// An estimate with its standard error, 95 % interval (Student's t) and
/// two-sided p.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub estimate: f64,
    pub se: f64,
    pub df: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    pub p: f64,
}

impl Estimate {
    pub fn new(estimate: f64, se: f64, df: f64) -> Option<Estimate> {
        if !positive(se) || !estimate.is_finite() || !se.is_finite() {
            return None;
        }
        let half = t_quantile(df, UPPER)? * se;
        Some(Estimate {
            estimate,
            se,
            df,
            ci_low: estimate - half,
            ci_high: estimate + half,
            p: t_p(estimate / se, df)?,
        })
    }

    /// The interval leaves out zero.
    pub fn significant(&self) -> bool {
        self.ci_low > 0.0 || self.ci_high < 0.0
    }
}

fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let ss: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    finite(ss / (values.len() - 1) as f64)
}

/// Welch's t for mean(a) − mean(b): unequal variances, Welch–Satterthwaite
/// degrees of freedom (what `scipy.stats.ttest_ind(equal_var=False)` gives).
/// Needs two values on each side and some spread.
pub fn welch(a: &[f64], b: &[f64]) -> Option<Estimate> {
    let (va, vb) = (sample_variance(a)?, sample_variance(b)?);
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let (sa, sb) = (va / na, vb / nb);
    let se2 = sa + sb;
    let df = se2 * se2 / (sa * sa / (na - 1.0) + sb * sb / (nb - 1.0));
    Estimate::new(mean(a)? - mean(b)?, se2.sqrt(), df)
}

/// z-scores with the sample standard deviation; `None` for a constant
/// series (or fewer than two values).
pub fn z_scores(values: &[f64]) -> Option<Vec<f64>> {
    let m = mean(values)?;
    let sd = sample_variance(values)?.sqrt();
    if !positive(sd) {
        return None;
    }
    Some(values.iter().map(|v| (v - m) / sd).collect())
}

/// One OLS equation y = a + b₁x₁ + b₂x₂ + e on the same design as its
/// sibling: coefficients, their sampling variances and the residuals.
pub struct Fit {
    pub b1: f64,
    pub b2: f64,
    pub residuals: Vec<f64>,
}

/// The shared design of the cross-lagged equations: (X'X)⁻¹ restricted to
/// the two slopes (the intercept is orthogonal to centred predictors).
pub struct Design<'a> {
    x1: &'a [f64],
    x2: &'a [f64],
    m1: f64,
    m2: f64,
    /// Entries of the inverse of the centred cross-product matrix.
    c11: f64,
    c22: f64,
    c12: f64,
}

impl<'a> Design<'a> {
    pub fn new(x1: &'a [f64], x2: &'a [f64]) -> Option<Design<'a>> {
        if x1.len() != x2.len() || x1.len() < 4 {
            return None;
        }
        let (m1, m2) = (mean(x1)?, mean(x2)?);
        let (mut s11, mut s22, mut s12) = (0.0, 0.0, 0.0);
        for (a, b) in x1.iter().zip(x2) {
            let (d1, d2) = (a - m1, b - m2);
            s11 += d1 * d1;
            s22 += d2 * d2;
            s12 += d1 * d2;
        }
        let det = s11 * s22 - s12 * s12;
        // Collinear predictors: the paths cannot be told apart.
        if !positive(det - 1e-12 * s11 * s22) {
            return None;
        }
        Some(Design {
            x1,
            x2,
            m1,
            m2,
            c11: s22 / det,
            c22: s11 / det,
            c12: -s12 / det,
        })
    }

    pub fn residual_df(&self) -> f64 {
        (self.x1.len() - 3) as f64
    }

    pub fn fit(&self, y: &[f64]) -> Option<Fit> {
        if y.len() != self.x1.len() {
            return None;
        }
        let my = mean(y)?;
        let (mut s1y, mut s2y) = (0.0, 0.0);
        for ((a, b), v) in self.x1.iter().zip(self.x2).zip(y) {
            s1y += (a - self.m1) * (v - my);
            s2y += (b - self.m2) * (v - my);
        }
        let b1 = self.c11 * s1y + self.c12 * s2y;
        let b2 = self.c12 * s1y + self.c22 * s2y;
        let intercept = my - b1 * self.m1 - b2 * self.m2;
        let residuals = self
            .x1
            .iter()
            .zip(self.x2)
            .zip(y)
            .map(|((a, b), v)| v - intercept - b1 * a - b2 * b)
            .collect();
        Some(Fit { b1, b2, residuals })
    }

    /// σ_ab = e_a·e_b / (n − 3): the residual (co)variance of two equations.
    fn sigma(&self, a: &Fit, b: &Fit) -> f64 {
        let dot: f64 = a.residuals.iter().zip(&b.residuals).map(|(x, y)| x * y).sum();
        dot / self.residual_df()
    }

    /// Slope 1 (or 2) of `fit` with its standard error.
    pub fn slope(&self, fit: &Fit, first: bool) -> Option<Estimate> {
        let (b, c) = if first { (fit.b1, self.c11) } else { (fit.b2, self.c22) };
        Estimate::new(b, (self.sigma(fit, fit) * c).sqrt(), self.residual_df())
    }

    /// Slope 1 of `a` minus slope 2 of `b`. Both equations share the design,
    /// so (seemingly-unrelated regressions with identical regressors) the
    /// slopes covary by σ_ab·(X'X)⁻¹₁₂.
    pub fn difference(&self, a: &Fit, b: &Fit) -> Option<Estimate> {
        let var = self.sigma(a, a) * self.c11 + self.sigma(b, b) * self.c22 - 2.0 * self.sigma(a, b) * self.c12;
        Estimate::new(a.b1 - b.b2, finite(var.max(0.0).sqrt())?, self.residual_df())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() < tol, "{a} != {b}");
    }

    #[test]
    fn t_quantiles_match_the_tables() {
        // Tables: t(0.975; 1) = 12.7062047, t(0.975; 10) = 2.22813885,
        // t(0.975; 30) = 2.04227246.
        close(t_quantile(1.0, 0.975).unwrap(), 12.706_204_736_174_7, 1e-9);
        close(t_quantile(10.0, 0.975).unwrap(), 2.228_138_851_986_273, 1e-12);
        close(t_quantile(30.0, 0.975).unwrap(), 2.042_272_456_301_238, 1e-12);
        assert_eq!(t_quantile(0.0, 0.975), None);
    }

    #[test]
    fn welch_by_hand() {
        // a: mean 2, var 1; b: mean 5, var 16/3; se² = 1/3 + 4/3 = 5/3.
        let e = welch(&[1.0, 2.0, 3.0], &[3.0, 3.0, 7.0, 7.0]).unwrap();
        close(e.estimate, -3.0, 1e-12);
        close(e.se, (5.0f64 / 3.0).sqrt(), 1e-12);
        // df = (5/3)² / ((1/3)²/2 + (4/3)²/3) = (25/9) / (35/54) = 30/7.
        close(e.df, 30.0 / 7.0, 1e-12);
        assert!(welch(&[1.0], &[1.0, 2.0]).is_none());
        assert!(welch(&[1.0, 1.0], &[2.0, 2.0]).is_none());
    }

    #[test]
    fn a_perfect_fit_recovers_the_slopes() {
        let x1 = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let x2 = [2.0, 1.0, 4.0, 3.0, 6.0, 5.0];
        let y: Vec<f64> = x1.iter().zip(&x2).map(|(a, b)| 1.0 + 2.0 * a - 0.5 * b).collect();
        let design = Design::new(&x1, &x2).unwrap();
        let fit = design.fit(&y).unwrap();
        close(fit.b1, 2.0, 1e-12);
        close(fit.b2, -0.5, 1e-12);
        // No residual: the standard error is 0, so no interval.
        assert!(design.slope(&fit, true).is_none());
        assert!(Design::new(&x1, &x1).is_none());
    }
}

//! Sector benchmarks (METHOD.md §7): the average of other organisations'
//! published headline figures. A benchmark is a derived statistic, so it is
//! shown only over enough organisations that no one of them can be read
//! out of it, figure by figure: an average over fewer than
//! [`MIN_BENCHMARK_ORGANISATIONS`] values is never produced, even when the
//! other figures of the same sector are.

use serde::{Deserialize, Serialize};

use super::stats::mean;

/// At least this many organisations, besides the viewer's own and those
/// the viewer created, must hold a published value for an average to show.
pub const MIN_BENCHMARK_ORGANISATIONS: usize = 5;

/// An organisation's published headline figures (its latest closed wave).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    pub csi: Option<f64>,
    pub eei: Option<f64>,
    pub nps: Option<f64>,
    pub enps: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Organisations that count (published figures, not the viewer's).
    pub organisations: usize,
    /// Whether any average is shown.
    pub shown: bool,
    pub csi: Option<f64>,
    pub eei: Option<f64>,
    pub nps: Option<f64>,
    pub enps: Option<f64>,
}

/// The benchmark over `peers`, which the caller has already limited to the
/// organisations that count.
pub fn benchmark(peers: &[Headline]) -> Benchmark {
    let average = |f: fn(&Headline) -> Option<f64>| {
        let values: Vec<f64> = peers.iter().filter_map(f).collect();
        if values.len() >= MIN_BENCHMARK_ORGANISATIONS {
            mean(&values)
        } else {
            None
        }
    };
    let csi = average(|h| h.csi);
    let eei = average(|h| h.eei);
    let nps = average(|h| h.nps);
    let enps = average(|h| h.enps);
    Benchmark {
        organisations: peers.len(),
        shown: [csi, eei, nps, enps].iter().any(Option::is_some),
        csi,
        eei,
        nps,
        enps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peer(csi: f64, nps: Option<f64>) -> Headline {
        Headline {
            csi: Some(csi),
            eei: Some(csi + 1.0),
            nps,
            enps: None,
        }
    }

    #[test]
    fn four_peers_show_nothing_and_five_show_the_mean() {
        let four: Vec<Headline> = (0..4).map(|i| peer(f64::from(i), Some(1.0))).collect();
        let b = benchmark(&four);
        assert!(!b.shown);
        assert_eq!((b.csi, b.eei, b.nps), (None, None, None));
        let five: Vec<Headline> = (0..5).map(|i| peer(f64::from(i) * 10.0, Some(1.0))).collect();
        let b = benchmark(&five);
        assert!(b.shown);
        assert_eq!(b.csi, Some(20.0));
        assert_eq!(b.eei, Some(21.0));
    }

    #[test]
    fn a_figure_held_by_fewer_than_five_peers_is_not_averaged() {
        // Five peers, but only one of them has an NPS: averaging it would
        // publish that organisation's NPS.
        let mut peers: Vec<Headline> = (0..5).map(|i| peer(f64::from(i), None)).collect();
        peers[0].nps = Some(42.0);
        let b = benchmark(&peers);
        assert!(b.shown);
        assert_eq!(b.nps, None);
        assert_eq!(b.enps, None);
    }
}

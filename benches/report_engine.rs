//! Criterion benchmark of the statistics engine: `build_report` (full
//! organisation report) on synthetic campaigns of 40 to 5,000 teams.
//!
//! Campaigns are built directly as the aggregate rows the database keeps
//! (answer histograms, respondent counts per scope, orientation buckets), so
//! a campaign of 10 M responses costs no more to set up than one of 1 M. The
//! engine's work should depend on teams × items (the number of rows), not on
//! the number of responses behind the counts: the 1 M and 10 M cases at
//! 1,000 teams have exactly the same rows, only larger counts.
//!
//! The campaigns come from `miroir::analytics::synthetic` (regions →
//! branches, six channels, executives, every 40th branch below k), the same
//! generator `miroir bench-seed` stores for load tests of the endpoint.
//!
//! Run: `cargo bench --bench report_engine` (add `-- --warm-up-time 1` on a
//! busy machine).
#![expect(clippy::expect_used, reason = "a benchmark on invalid input should stop loudly")]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use miroir::analytics::synthetic::{campaign, Shape};
use miroir::analytics::{build_report, CampaignData, CampaignMeta, ReportFilter, Settings};
use miroir::domain::instrument::item_codes;

struct Case {
    shape: Shape,
    /// Criterion measurement time for this case.
    measure_secs: u64,
}

/// 40, 1,000 and 5,000 teams, each with 10 k, 1 M and 10 M responses.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (regions, branches_per_region, measure_secs) in [(4, 9, 3), (40, 24, 10), (100, 49, 20)] {
        for responses in [10_000, 1_000_000, 10_000_000] {
            cases.push(Case {
                shape: Shape {
                    regions,
                    branches_per_region,
                    responses,
                },
                measure_secs,
            });
        }
    }
    cases
}

fn report_engine(c: &mut Criterion) {
    let items = item_codes();
    let settings = Settings::default();
    let meta = CampaignMeta {
        id: "bench".to_owned(),
        name: "Benchmark campaign".to_owned(),
        status: "closed".to_owned(),
    };
    let filter = ReportFilter::default();
    let mut group = c.benchmark_group("build_report");
    group.sample_size(10);
    for case in &cases() {
        group.measurement_time(Duration::from_secs(case.measure_secs));
        // Built on first use only, so a filtered run skips the others.
        let mut data: Option<CampaignData> = None;
        group.bench_function(BenchmarkId::from_parameter(case.shape.label()), |b| {
            let data = data.get_or_insert_with(|| {
                let data = campaign(&case.shape, &items);
                let counted = data.responses();
                assert_eq!(counted, case.shape.responses, "responses of {}", case.shape.label());
                build_report(&data, &settings, &meta, &filter).expect("synthetic campaign is valid");
                println!(
                    "\n{}: {} teams, {} responses; aggregate rows: {} histogram + {} respondent + {} orientation = {}",
                    case.shape.label(),
                    data.teams.len(),
                    counted,
                    data.histograms.len(),
                    data.respondents.len(),
                    data.orientation.len(),
                    data.histograms.len() + data.respondents.len() + data.orientation.len(),
                );
                data
            });
            b.iter(|| build_report(black_box(data), &settings, &meta, &filter));
        });
    }
    group.finish();
}

criterion_group!(benches, report_engine);
criterion_main!(benches);

//! Hostile inputs at 100 MB: long runs of digits, `@`, separators, digits alternating with
//! separators, full-width digits, near-miss IBAN lines (through `Masker::mask`), a very wide
//! and a very deep JSON record (the CLI's record masker) and a huge CSV field (the CLI's CSV
//! masker). First a linearity check: each input is masked once at 10 MB and once at 100 MB,
//! and the run fails if the larger took more than 15 times as long (linear: about 10);
//! then criterion measures throughput at 100 MB.
//!
//! Run: `cargo bench -p piimask-benches --bench hostile` (about 15 minutes: the slowest
//! inputs scan at a few MB/s).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group};
use piimask::{Masker, MatchCounts};
use piimask_benches::hostile::{Hostile, deep_json_record, huge_csv_field, wide_json_record};
use piimask_cli::input::Mode;
use piimask_cli::input::blocks::Block;
use piimask_cli::input::jsonl::RecordMasker;

const MB: usize = 1 << 20;

/// A named input and how to mask it once.
struct Case {
    name: String,
    build: Box<dyn Fn(usize) -> Vec<u8>>,
    run: fn(&Masker, &[u8]) -> usize,
}

fn mask_text(masker: &Masker, input: &[u8]) -> usize {
    masker.mask_bytes(input).len()
}

fn mask_record(masker: &Masker, input: &[u8]) -> usize {
    let mut out = Vec::with_capacity(input.len());
    RecordMasker::new(masker.clone(), Vec::new()).mask_record(input, &mut out, &mut MatchCounts::default());
    out.len()
}

fn mask_csv(masker: &Masker, input: &[u8]) -> usize {
    let block = Block { bytes: input.to_vec(), first_line: 1, ..Block::default() };
    piimask_cli::input::csv::process(masker, &block, Mode::Mask, false, b',', Vec::new()).out.len()
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Hostile::ALL
        .into_iter()
        .map(|hostile| Case {
            name: hostile.name().to_string(),
            build: Box::new(move |size| hostile.text(size).into_bytes()),
            run: mask_text,
        })
        .collect();
    cases.push(Case {
        name: "json-wide".into(),
        build: Box::new(|size| wide_json_record(size / 24).into_bytes()),
        run: mask_record,
    });
    cases.push(Case {
        name: "json-deep".into(),
        build: Box::new(|size| deep_json_record(size / 3).into_bytes()),
        run: mask_record,
    });
    cases.push(Case {
        name: "csv-huge-field".into(),
        build: Box::new(|size| huge_csv_field(size).into_bytes()),
        run: mask_csv,
    });
    cases
}

/// Masks each input at 10 MB and 100 MB; fails when time grows clearly faster than size.
fn linearity(masker: &Masker, cases: &[Case]) {
    println!("linearity: time to mask 10 MB and 100 MB (ratio ~10 is linear)");
    let mut worst = (0.0f64, String::new());
    for case in cases {
        let time = |size: usize| {
            let input = (case.build)(size);
            let started = Instant::now();
            black_box((case.run)(masker, &input));
            (started.elapsed().as_secs_f64(), input.len())
        };
        let (small, small_len) = time(10 * MB);
        let (large, large_len) = time(100 * MB);
        let ratio = large / small * (small_len as f64 / large_len as f64) * 10.0;
        println!(
            "  {:<20} {:>8.3} s {:>8.3} s  ratio {ratio:>5.1}  {:>7.1} MB/s at 100 MB",
            case.name,
            small,
            large,
            large_len as f64 / MB as f64 / large
        );
        if ratio > worst.0 {
            worst = (ratio, case.name.clone());
        }
    }
    assert!(worst.0 < 15.0, "{}: 10x the input took {:.1}x the time: not linear", worst.1, worst.0);
}

fn throughput(c: &mut Criterion) {
    let masker = Masker::default();
    let cases = cases();
    linearity(&masker, &cases);
    let mut group = c.benchmark_group("hostile-100MB");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for case in &cases {
        let input = (case.build)(100 * MB);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(&case.name, |b| b.iter(|| black_box((case.run)(&masker, &input))));
    }
    group.finish();
}

criterion_group!(benches, throughput);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}

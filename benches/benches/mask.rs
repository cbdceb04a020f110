//! First throughput and latency benchmarks: `mask` and `find_iter` over the sample
//! transcript's texts repeated to 50 MB, and per-call latency on 120-byte messages.
//!
//! Run: `cargo bench -p piimask-benches --bench mask`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use piimask::{Level, Masker};
use piimask_benches::{MESSAGE_CARD, MESSAGE_CLEAN, repeated_corpus};

const CORPUS_BYTES: usize = 50 << 20;

fn throughput(c: &mut Criterion) {
    let corpus = repeated_corpus(CORPUS_BYTES);
    let mut group = c.benchmark_group("sample-50MB");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for level in Level::available() {
        let masker = Masker::builder().level(level).build().unwrap();
        group.bench_function(format!("mask/{}", level.name()), |b| {
            b.iter(|| black_box(masker.mask(&corpus)).len())
        });
        group.bench_function(format!("find_iter/{}", level.name()), |b| {
            b.iter(|| black_box(masker.find_iter(&corpus).count()))
        });
    }
    group.finish();
}

fn latency(c: &mut Criterion) {
    let masker = Masker::default();
    let mut group = c.benchmark_group("message-120B");
    group.throughput(Throughput::Bytes(120));
    group
        .bench_function("mask/no-pii", |b| b.iter(|| black_box(masker.mask(black_box(MESSAGE_CLEAN))).len()));
    group.bench_function("mask/one-card", |b| {
        b.iter(|| black_box(masker.mask(black_box(MESSAGE_CARD))).len())
    });
    let mut out = String::with_capacity(256);
    group.bench_function("mask_into/one-card", |b| {
        b.iter(|| {
            masker.mask_into(black_box(MESSAGE_CARD), &mut out);
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, throughput, latency);
criterion_main!(benches);

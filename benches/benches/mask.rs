//! Throughput and latency of masking (issue "Throughput"):
//!
//! - `corpus-50MB/DENSITY/{mask,find_iter}/LEVEL`: the seeded chat corpora (realistic, clean,
//!   dense; see `piimask_benches::corpus`) with every stage-1 level this CPU has;
//! - `message-120B`: one chat message without PII and with one card (per-call latency);
//! - `batch`: the realistic corpus as messages, masked one by one on one thread and with
//!   rayon on every core;
//! - `stream`: the realistic corpus through the stream masker in 4 KiB, 64 KiB and 1 MiB
//!   chunks, next to whole-buffer `mask`.
//!
//! Run: `cargo bench -p piimask-benches --bench mask` (add a filter such as `realistic` to
//! run a part).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use piimask::{Level, Masker, StreamMasker};
use piimask_benches::corpus::{Density, corpus, messages};
use piimask_benches::{MESSAGE_CARD, MESSAGE_CLEAN};
use rayon::prelude::*;

const CORPUS_BYTES: usize = 50 << 20;

fn corpora(c: &mut Criterion) {
    for density in Density::ALL {
        let text = corpus(density, CORPUS_BYTES);
        let mut group = c.benchmark_group(format!("corpus-50MB/{}", density.name()));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10).measurement_time(Duration::from_secs(8));
        for level in Level::available() {
            let masker = Masker::builder().level(level).build().unwrap();
            group.bench_function(BenchmarkId::new("mask", level.name()), |b| {
                b.iter(|| black_box(masker.mask(&text)).len())
            });
            group.bench_function(BenchmarkId::new("find_iter", level.name()), |b| {
                b.iter(|| black_box(masker.find_iter(&text).count()))
            });
        }
        group.finish();
    }
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

fn batch(c: &mut Criterion) {
    let masker = Masker::default();
    let texts = messages(Density::Realistic, 16 << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("batch/realistic-16MB");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function("threads-1", |b| {
        b.iter(|| texts.iter().map(|t| masker.mask(t).len()).sum::<usize>())
    });
    let threads = rayon::current_num_threads();
    group.bench_function(format!("threads-{threads}"), |b| {
        b.iter(|| texts.par_iter().map(|t| masker.mask(t).len()).sum::<usize>())
    });
    group.finish();
}

fn stream(c: &mut Criterion) {
    let masker = Masker::default();
    let text = corpus(Density::Realistic, 16 << 20);
    let mut group = c.benchmark_group("stream/realistic-16MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function("whole-buffer", |b| b.iter(|| black_box(masker.mask(&text)).len()));
    for (name, size) in [("chunks-4KiB", 4 << 10), ("chunks-64KiB", 64 << 10), ("chunks-1MiB", 1 << 20)] {
        let mut out = Vec::with_capacity(text.len() + 1024);
        group.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                let mut stream = StreamMasker::new(&masker);
                for chunk in text.as_bytes().chunks(size) {
                    stream.feed(chunk, &mut out);
                }
                stream.finish(&mut out);
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, corpora, latency, batch, stream);
criterion_main!(benches);

//! The baseline of the Python bindings' `mask_batch` target: the core's `mask` applied
//! message by message, on one thread, to the sample transcript's texts repeated to about
//! 32 MB (the corpus of `bindings/python/bench/bench.py`).
//!
//! Run: `cargo bench -p piimask-benches --bench messages`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use piimask::Masker;
use piimask_benches::sample_texts;

const CORPUS_BYTES: usize = 32 << 20;

fn message_by_message(c: &mut Criterion) {
    let sample = sample_texts();
    let sample_bytes: usize = sample.iter().map(String::len).sum();
    // One string per message, as a Python list holds them.
    let texts: Vec<String> =
        sample.iter().cycle().take(sample.len() * (CORPUS_BYTES / sample_bytes + 1)).cloned().collect();
    let total: usize = texts.iter().map(String::len).sum();
    let masker = Masker::default();
    let mut group = c.benchmark_group("sample-messages-32MB");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("mask/each", |b| {
        b.iter(|| texts.iter().map(|text| black_box(masker.mask(text)).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, message_by_message);
criterion_main!(benches);

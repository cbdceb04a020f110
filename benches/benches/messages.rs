//! The baseline of the Python bindings' `mask_batch` target: the core's `mask` applied
//! message by message, on one thread, to the sample transcript's texts repeated to about
//! 32 MB, and to those of its texts with nothing to mask (the corpora of
//! `bindings/python/bench/bench.py`).
//!
//! Run: `cargo bench -p piimask-benches --bench messages`

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use piimask::Masker;
use piimask_benches::sample_texts;

const CORPUS_BYTES: usize = 32 << 20;

fn message_by_message(c: &mut Criterion) {
    let masker = Masker::default();
    let sample = sample_texts();
    let clean: Vec<String> =
        sample.iter().filter(|text| matches!(masker.mask(text), Cow::Borrowed(_))).cloned().collect();
    for (name, texts) in [("sample-messages-32MB", &sample), ("clean-messages-32MB", &clean)] {
        // One string per message, as a Python list holds them.
        let bytes: usize = texts.iter().map(String::len).sum();
        let corpus: Vec<String> =
            texts.iter().cycle().take(texts.len() * (CORPUS_BYTES / bytes + 1)).cloned().collect();
        let total: usize = corpus.iter().map(String::len).sum();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(total as u64));
        group.sample_size(10).measurement_time(Duration::from_secs(10));
        group.bench_function("mask/each", |b| {
            b.iter(|| corpus.iter().map(|text| black_box(masker.mask(text)).len()).sum::<usize>())
        });
        group.finish();
    }
}

criterion_group!(benches, message_by_message);
criterion_main!(benches);

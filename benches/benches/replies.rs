//! Quick-reply benchmarks: `#` search over a generated 5 000-block library (per query, and a
//! mix of typical queries), loading that library, and rendering a template with a context.
//!
//! Run: `cargo bench -p piimask-benches --bench replies`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use piimask::{Masker, RenderContext, Template, TextBlockLibrary, Values};
use piimask_benches::{SEARCH_QUERIES, generated_library};

const BLOCKS: usize = 5000;

fn search(c: &mut Criterion) {
    let text = generated_library(BLOCKS);
    let library = TextBlockLibrary::parse(&text).unwrap();
    let exact = format!("#{}", library.blocks()[BLOCKS / 2].shortcut());
    let mut queries: Vec<&str> = SEARCH_QUERIES.to_vec();
    queries.push(&exact);

    let mut group = c.benchmark_group("search-5000-blocks");
    for query in &queries {
        group.bench_function(format!("query/{query}"), |b| {
            b.iter(|| black_box(library.search(black_box(query), 10)).len())
        });
    }
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.bench_function("mix-of-16-queries", |b| {
        b.iter(|| queries.iter().map(|query| library.search(black_box(query), 10).len()).sum::<usize>())
    });
    group.finish();

    let mut group = c.benchmark_group("library-5000-blocks");
    group.sample_size(10);
    group.bench_function("parse-and-index", |b| {
        b.iter(|| TextBlockLibrary::parse(black_box(&text)).unwrap().len())
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let masker = Masker::default();
    let template = Template::parse("Bonjour <customer.name>, je suis <agent.name> (ID <agent.id>).").unwrap();
    let context = RenderContext {
        agent_name: Some("Chloé".into()),
        agent_id: Some("A-1042".into()),
        ..RenderContext::default()
    };
    let mut group = c.benchmark_group("render");
    for (name, customer) in [("clean", "Mme Dupont"), ("phone-as-name", "+447966197542")] {
        let values = Values::from([("customer.name", customer)]);
        group.bench_function(name, |b| {
            b.iter(|| template.render(black_box(&values), &context, &masker).unwrap().len())
        });
    }
    group.finish();
}

criterion_group!(benches, search, render);
criterion_main!(benches);

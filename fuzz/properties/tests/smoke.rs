//! The fuzz targets' smoke run inside the test command, and the replay of every minimised
//! crash in `fuzz/regressions/<target>/`: the same property functions the cargo-fuzz targets
//! call, over the seed corpus (from the conformance vectors) and a deterministic batch of
//! mutated seeds. `PIIMASK_FUZZ_SMOKE_CASES` sets the mutated inputs per target (default 100 000);
//! real coverage-guided fuzzing is `scripts/fuzz`.
//!
//! A failure prints the property, a ready-to-paste reproduction, and the path of the input
//! written under `target/fuzz-smoke-failures/` (minimise it and move it to
//! `fuzz/regressions/<target>/`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use piimask_fuzz_properties::Target;
use piimask_fuzz_properties::mutate::{Rng, mutate};
use piimask_fuzz_properties::seeds::{repo_root, seeds, vector_texts};

/// Runs one input; returns the failure report, if any.
fn run(target: Target, data: &[u8]) -> Option<String> {
    let input = target.decode(data);
    let verdict = catch_unwind(AssertUnwindSafe(|| input.check()));
    let failure = match verdict {
        Ok(Ok(())) => return None,
        Ok(Err(property)) => format!("property failed: {property}"),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            format!("panicked: {message}")
        }
    };
    let dir = repo_root().join("target/fuzz-smoke-failures").join(target.name());
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(format!("{:016x}", fnv(data)));
    let _ = std::fs::write(&file, data);
    Some(format!("{} {failure}\ninput saved to {}\nreproduction:\n{input:?}", target.name(), file.display()))
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

fn cases() -> usize {
    std::env::var("PIIMASK_FUZZ_SMOKE_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000)
}

/// Seeds, then mutated seeds; fails with the first few failures.
fn smoke(target: Target) {
    let started = Instant::now();
    let texts = vector_texts(&repo_root());
    let corpus = seeds(target, &texts);
    assert!(!corpus.is_empty(), "no seeds for {target:?}");
    let mut failures = Vec::new();
    for seed in &corpus {
        failures.extend(run(target, seed));
    }
    let mut rng = Rng::new(0x5eed ^ target as u64);
    let cases = cases();
    for _ in 0..cases {
        let seed = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, seed, &corpus, 4096);
        failures.extend(run(target, &input));
        if failures.len() >= 3 {
            break;
        }
    }
    println!(
        "fuzz smoke {}: {} seeds + {cases} mutated inputs in {:.1} s",
        target.name(),
        corpus.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn smoke_mask() {
    smoke(Target::Mask);
}

#[test]
fn smoke_stream() {
    smoke(Target::Stream);
}

#[test]
fn smoke_simd() {
    smoke(Target::Simd);
}

#[test]
fn smoke_jsonl() {
    smoke(Target::Jsonl);
}

#[test]
fn smoke_template() {
    smoke(Target::Template);
}

#[test]
fn smoke_capi() {
    smoke(Target::Capi);
}

#[test]
fn every_target_has_a_smoke_test_and_a_fuzz_target() {
    let this = std::fs::read_to_string(file!()).unwrap_or_else(|_| {
        std::fs::read_to_string(repo_root().join("fuzz/properties/tests/smoke.rs")).unwrap_or_default()
    });
    for target in Target::ALL {
        let name = target.name();
        assert!(this.contains(&format!("fn smoke_{name}()")), "no smoke test for {name}");
        let fuzz_target = repo_root().join(format!("fuzz/fuzz_targets/{name}.rs"));
        assert!(fuzz_target.exists(), "no fuzz target {}", fuzz_target.display());
    }
}

/// Every minimised crash in `fuzz/regressions/<target>/` replays without failing.
#[test]
fn regressions_replay() {
    let dir = repo_root().join("fuzz/regressions");
    let mut replayed = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for target_dir in entries.into_iter().filter(|p| p.is_dir()) {
        let name = target_dir.file_name().unwrap().to_string_lossy().into_owned();
        let target =
            Target::from_name(&name).unwrap_or_else(|| panic!("fuzz/regressions/{name}: no such target"));
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&target_dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            failures.extend(run(target, &data).map(|f| format!("{}: {f}", file.display())));
            replayed += 1;
        }
    }
    println!("replayed {replayed} regression inputs");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

//! Writes the seed corpora for libFuzzer: `fuzz/corpus/<target>/seed-<n>` for every target,
//! built from the conformance vectors and the sample transcript.
//!
//! Run: `cargo run -p piimask-fuzz-properties --bin write-seeds [DIR]` (default `fuzz/corpus`).

use piimask_fuzz_properties::Target;
use piimask_fuzz_properties::seeds::{repo_root, seeds, vector_texts};

fn main() -> std::io::Result<()> {
    let root = repo_root();
    let dir = std::env::args_os().nth(1).map_or_else(|| root.join("fuzz/corpus"), Into::into);
    let texts = vector_texts(&root);
    for target in Target::ALL {
        let target_dir = dir.join(target.name());
        std::fs::create_dir_all(&target_dir)?;
        let seeds = seeds(target, &texts);
        for (i, seed) in seeds.iter().enumerate() {
            std::fs::write(target_dir.join(format!("seed-{i:05}")), seed)?;
        }
        println!("{}: {} seeds in {}", target.name(), seeds.len(), target_dir.display());
    }
    Ok(())
}

//! Writes a benchmark corpus to a file, for tools outside Rust (the peer comparison).
//!
//! `cargo run --release -p piimask-benches --bin corpus -- DENSITY MEGABYTES [FILE]`
//! (DENSITY: realistic, clean or dense; FILE defaults to `target/corpus/DENSITY-NNm.txt`).

use std::process::ExitCode;

use piimask_benches::corpus::{Density, corpus};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(density), Some(megabytes)) =
        (args.first().and_then(|d| Density::from_name(d)), args.get(1).and_then(|m| m.parse::<usize>().ok()))
    else {
        eprintln!("usage: corpus realistic|clean|dense MEGABYTES [FILE]");
        return ExitCode::from(2);
    };
    let path = args.get(2).cloned().unwrap_or_else(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/corpus");
        root.join(format!("{}-{megabytes}m.txt", density.name())).display().to_string()
    });
    if let Some(dir) = std::path::Path::new(&path).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&path, corpus(density, megabytes << 20)) {
        Ok(()) => {
            println!("{path}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("corpus: {path}: {err}");
            ExitCode::FAILURE
        }
    }
}

//! Times one Rust engine masking a corpus file, for the peer comparison (`benches/peers/run`).
//!
//! `cargo run --release -p piimask-benches --bin peers -- ENGINE FILE [RUNS]`
//! (ENGINE: `piimask` for `Masker::mask`, `regex-baseline` for the frozen baseline).
//!
//! The whole file is read into memory first and masked as one `&str` on this thread: one
//! untimed warm-up run, then RUNS timed runs (default 5). Prints one JSON line: bytes, the
//! seconds of every run, the median and best MB/s (MB = 10^6 bytes), and how many lines the
//! masking changed (a sanity check that the engines do comparable work).

use std::borrow::Cow;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

/// One engine's masking function.
type MaskFn = dyn for<'a> Fn(&'a str) -> Cow<'a, str>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(engine), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: peers piimask|regex-baseline FILE [RUNS]");
        return ExitCode::from(2);
    };
    let runs = args.get(2).and_then(|r| r.parse::<usize>().ok()).unwrap_or(5).max(1);
    let masker = piimask::Masker::default();
    let mask: Box<MaskFn> = match engine.as_str() {
        "piimask" => Box::new(move |text| masker.mask(text)),
        "regex-baseline" => Box::new(piimask_benches::baseline::mask),
        _ => {
            eprintln!("peers: unknown engine {engine:?} (piimask, regex-baseline)");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("peers: {path}: {err}");
            return ExitCode::FAILURE;
        }
    };

    let masked = mask(black_box(&text));
    let lines_changed = text.lines().zip(masked.lines()).filter(|(a, b)| a != b).count();
    drop(masked);

    let mut seconds = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let masked = mask(black_box(&text));
        black_box(&masked);
        seconds.push(start.elapsed().as_secs_f64());
        drop(masked);
    }
    let mut sorted = seconds.clone();
    sorted.sort_by(f64::total_cmp);
    let median =
        if runs % 2 == 1 { sorted[runs / 2] } else { (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2.0 };
    let megabytes = text.len() as f64 / 1e6;
    let runs_text = seconds.iter().map(|s| format!("{s:.6}")).collect::<Vec<_>>().join(", ");
    println!(
        "{{\"engine\": \"{engine}\", \"bytes\": {}, \"lines\": {}, \"lines_changed\": {lines_changed}, \
         \"seconds\": [{runs_text}], \"median_mb_s\": {:.3}, \"best_mb_s\": {:.3}}}",
        text.len(),
        text.lines().count(),
        megabytes / median,
        megabytes / sorted[0],
    );
    ExitCode::SUCCESS
}

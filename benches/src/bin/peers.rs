//! Times one Rust engine masking a corpus file, for the peer comparison (`benches/peers/run`).
//!
//! `cargo run --release -p piimask-benches --bin peers -- ENGINE FILE [RUNS]`
//! (ENGINE: `piimask` for `Masker::mask`, `regex-baseline` for the frozen baseline).
//!
//! The whole file is read into memory first and masked as one `&str` on this thread: one
//! untimed warm-up call, then RUNS timed runs (default 5). A run repeats the call until it
//! has lasted at least [`MIN_RUN_SECONDS`] (a 2 MB file takes milliseconds, and this VM's
//! CPU clock advances in 4 ms ticks: one call per run read 0 or 4 ms of CPU). Prints one
//! JSON line: bytes, the wall-clock and CPU seconds per call of every run (CPU: this
//! thread's time on a core, from `/proc/thread-self/schedstat`, so that waiting for a core
//! on a busy shared machine does not count), the median and best MB/s of each (MB = 10^6
//! bytes), and how many lines the masking changed (a sanity check that the engines do
//! comparable work).

use std::borrow::Cow;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;

/// Shortest timed run, in seconds: long enough for the CPU clock's 4 ms ticks to be under 2%.
const MIN_RUN_SECONDS: f64 = 0.25;

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

    let warm_up = Instant::now();
    let masked = mask(black_box(&text));
    let call_seconds = warm_up.elapsed().as_secs_f64();
    let lines_changed = text.lines().zip(masked.lines()).filter(|(a, b)| a != b).count();
    drop(masked);

    let calls = (MIN_RUN_SECONDS / call_seconds.max(1e-6)).ceil().clamp(1.0, 1e6) as usize;
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (start, start_cpu) = (Instant::now(), cpu_seconds());
        for _ in 0..calls {
            let masked = mask(black_box(&text));
            black_box(&masked);
        }
        wall.push(start.elapsed().as_secs_f64() / calls as f64);
        cpu.push(cpu_seconds().zip(start_cpu).map(|(end, start)| (end - start) / calls as f64));
    }
    let megabytes = text.len() as f64 / 1e6;
    let mut record = json!({
        "engine": engine,
        "bytes": text.len(),
        "lines": text.lines().count(),
        "lines_changed": lines_changed,
        "unit": "whole file, one call",
        "calls_per_run": calls,
        "seconds": wall,
        "median_mb_s": megabytes / median(&wall),
        "best_mb_s": megabytes / best(&wall),
    });
    if let Some(cpu) = cpu.into_iter().collect::<Option<Vec<f64>>>() {
        record["cpu_median_mb_s"] = json!(megabytes / median(&cpu));
        record["cpu_best_mb_s"] = json!(megabytes / best(&cpu));
        record["cpu_seconds"] = json!(cpu);
    }
    println!("{record}");
    ExitCode::SUCCESS
}

/// This thread's time on a core so far, in seconds (Linux; `None` elsewhere).
fn cpu_seconds() -> Option<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: u64 = schedstat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds as f64 / 1e9)
}

fn median(seconds: &[f64]) -> f64 {
    let mut sorted = seconds.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 }
}

fn best(seconds: &[f64]) -> f64 {
    seconds.iter().copied().fold(f64::INFINITY, f64::min)
}

//! Masks one file once with the default masker, for instruction counts under callgrind
//! (steady where wall-clock time on a shared machine is not).
//!
//! ```text
//! cargo build --release -p piimask-benches --bin mask-once
//! head -c 3000000 target/corpus/realistic-50m.txt | sed '$d' > /tmp/realistic-3m.txt
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/mask-once /tmp/realistic-3m.txt
//! ```
//! Subtract the same run on an empty file (building the masker, about 200 M instructions:
//! most of it the key-word automaton).
//! The count includes reading the file and checking its UTF-8.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: mask-once FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("mask-once: cannot read {path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let masker = piimask::Masker::default();
    // Builds what the masker builds lazily, so that an empty file measures all of it.
    let _ = masker.mask("warm up 4111 1111 1111 1111");
    let mut out = String::with_capacity(text.len() + 1024);
    masker.mask_into(&text, &mut out);
    println!("{} bytes in, {} bytes out", text.len(), out.len());
    ExitCode::SUCCESS
}

//! Helpers the binary's end-to-end tests share: the built `piimask`, repository paths, and a
//! run with stdin fed from another thread (so a large input cannot deadlock on full pipes).
// Each test file uses its own subset of these.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `piimask` binary cargo built for these tests.
pub fn piimask() -> Command {
    Command::new(env!("CARGO_BIN_EXE_piimask"))
}

/// `path` inside the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// A fresh directory under the system's temporary directory, named after the test; it and
/// everything written in it are removed when the guard drops, whether the test passed or not.
pub fn scratch_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("piimask-{name}-")).tempdir().expect("a temporary directory")
}

/// Runs `piimask ARGS` with `stdin` as input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = piimask()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("piimask runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// The JSON values of JSON lines (what `piimask scan` prints).
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect()
}

//! Runs every conformance vector in `tests/vectors/*.toml` (format: tests/vectors/README.md)
//! through the Rust API, and fails listing every vector that does not hold.

use std::path::{Path, PathBuf};

use piimask::{ErrorCode, Kind, Masker, MaskerConfig};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    test: Vec<Vector>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    name: String,
    #[serde(default)]
    note: Option<String>,
    input: Option<String>,
    input_hex: Option<String>,
    config: Option<toml::Table>,
    output: Option<String>,
    output_hex: Option<String>,
    matches: Option<Vec<ExpectedMatch>>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedMatch {
    kind: Kind,
    start: usize,
    end: usize,
    text: String,
}

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).expect("hex"))
        .collect()
}

/// Runs one vector; returns a description of every way it fails.
fn run(vector: &Vector) -> Vec<String> {
    let mut problems = Vec::new();
    let config_text = vector.config.as_ref().map(|table| toml::to_string(table).unwrap()).unwrap_or_default();
    let built = MaskerConfig::from_toml(&config_text).and_then(Masker::new);
    let masker = match (&vector.error, built) {
        (Some(expected), Err(err)) => {
            if err.code().name() != expected {
                problems.push(format!("expected error {expected}, got {} ({err})", err.code().name()));
            }
            return problems;
        }
        (Some(expected), Ok(_)) => return vec![format!("expected error {expected}, but the masker built")],
        (None, Err(err)) => return vec![format!("config rejected: {err}")],
        (None, Ok(masker)) => masker,
    };
    let input: Vec<u8> = match (&vector.input, &vector.input_hex) {
        (Some(text), None) => text.clone().into_bytes(),
        (None, Some(text)) => hex(text),
        _ => return vec!["needs exactly one of input and input_hex".into()],
    };
    let output = masker.mask_bytes(&input);
    let expected_output = match (&vector.output, &vector.output_hex) {
        (Some(text), _) => Some(text.clone().into_bytes()),
        (None, Some(text)) => Some(hex(text)),
        (None, None) => None,
    };
    if let Some(expected) = expected_output
        && output.as_ref() != expected.as_slice()
    {
        problems.push(format!(
            "output\n      got: {:?}\n expected: {:?}",
            String::from_utf8_lossy(&output),
            String::from_utf8_lossy(&expected)
        ));
    }
    // The text API must agree with the byte API on text.
    if let Ok(text) = std::str::from_utf8(&input)
        && masker.mask(text).as_bytes() != output.as_ref()
    {
        problems.push("mask(&str) differs from mask_bytes".into());
    }
    if let Some(expected) = &vector.matches {
        let found: Vec<(Kind, usize, usize)> =
            masker.find_iter_bytes(&input).map(|m| (m.kind(), m.start(), m.end())).collect();
        let wanted: Vec<(Kind, usize, usize)> = expected.iter().map(|m| (m.kind, m.start, m.end)).collect();
        for m in expected {
            if input.get(m.start..m.end) != Some(m.text.as_bytes()) {
                problems
                    .push(format!("vector error: match text {:?} is not at {}..{}", m.text, m.start, m.end));
            }
        }
        if found != wanted {
            let show = |list: &[(Kind, usize, usize)]| {
                list.iter()
                    .map(|&(kind, start, end)| {
                        format!(
                            "{kind} {:?}",
                            String::from_utf8_lossy(input.get(start..end).unwrap_or_default())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            problems.push(format!("matches\n      got: [{}]\n expected: [{}]", show(&found), show(&wanted)));
        }
    }
    problems
}

#[test]
fn every_vector_holds() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vector_dir())
        .expect("tests/vectors exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files found");
    let mut names = std::collections::HashSet::new();
    let (mut total, mut failures) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        for vector in &file.test {
            total += 1;
            assert!(names.insert(vector.name.clone()), "duplicate vector name {}", vector.name);
            assert!(
                vector.output.is_some()
                    || vector.output_hex.is_some()
                    || vector.matches.is_some()
                    || vector.error.is_some(),
                "{}: checks nothing",
                vector.name
            );
            let problems = run(vector);
            if !problems.is_empty() {
                let note = vector.note.as_deref().unwrap_or("");
                failures.push(format!(
                    "{} ({}) — {note}\n  input: {:?}\n  {}",
                    vector.name,
                    path.file_name().unwrap().to_string_lossy(),
                    vector.input.as_deref().unwrap_or("<hex>"),
                    problems.join("\n  ")
                ));
            }
        }
    }
    println!("{total} conformance vectors in {} files, {} failed, 0 skipped", files.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} vectors failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn error_names_in_vectors_are_known_codes() {
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_name(code.name()), Some(code));
    }
}

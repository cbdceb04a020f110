//! Runs every conformance vector in `tests/vectors/**/*.toml` (format: tests/vectors/README.md)
//! through the Rust API, and fails listing every vector that does not hold. A vector is a
//! masking vector (`input`), a template vector (`template`), a library vector (`library`,
//! with `query` for a search) or a message vector (`message`); none is ever skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use piimask::{
    ErrorCode, Kind, LibraryError, Masker, MaskerConfig, Match, RenderContext, Span, Template, TemplateError,
    TextBlockLibrary, Values, check_message,
};
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
    // Template vectors.
    template: Option<String>,
    values: Option<BTreeMap<String, String>>,
    context: Option<toml::Table>,
    variables: Option<Vec<String>>,
    error_at: Option<Position>,
    missing: Option<Vec<String>>,
    reserved: Option<Vec<ExpectedReserved>>,
    // Library and search vectors.
    library: Option<String>,
    blocks: Option<usize>,
    library_problems: Option<Vec<ExpectedLibraryProblem>>,
    query: Option<String>,
    limit: Option<usize>,
    results: Option<Vec<ExpectedHit>>,
    // Message vectors.
    message: Option<String>,
    repeat: Option<usize>,
    append: Option<String>,
    chars: Option<usize>,
    problems: Option<Vec<ExpectedProblem>>,
    pii: Option<Vec<ExpectedPii>>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Position {
    byte: usize,
    char: usize,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ExpectedReserved {
    variable: String,
    byte: usize,
    char: usize,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ExpectedLibraryProblem {
    index: Option<usize>,
    field: Option<String>,
    line: Option<usize>,
    problem: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ExpectedHit {
    shortcut: String,
    rank: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ExpectedProblem {
    problem: String,
    byte: usize,
    char: usize,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ExpectedPii {
    kind: Kind,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: String,
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

/// Every `*.toml` file under `tests/vectors` (generated ones at the top, hand-written ones in
/// subfolders), in sorted order.
fn vector_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![vector_dir()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("tests/vectors exists") {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).expect("hex"))
        .collect()
}

fn repo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What a vector is about, from the field that holds its subject.
fn subject(vector: &Vector) -> Result<&'static str, String> {
    let subjects: Vec<&'static str> = [
        ("input", vector.input.is_some() || vector.input_hex.is_some()),
        ("template", vector.template.is_some()),
        ("library", vector.library.is_some()),
        ("message", vector.message.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, present)| present.then_some(name))
    .collect();
    match subjects.as_slice() {
        [one] => Ok(one),
        _ => {
            Err(format!("needs exactly one of input/input_hex, template, library, message; has {subjects:?}"))
        }
    }
}

/// Whether the vector checks anything.
fn checks_something(vector: &Vector) -> bool {
    [
        vector.output.is_some(),
        vector.output_hex.is_some(),
        vector.matches.is_some(),
        vector.error.is_some(),
        vector.variables.is_some(),
        vector.blocks.is_some(),
        vector.results.is_some(),
        vector.problems.is_some(),
        vector.pii.is_some(),
        vector.chars.is_some(),
    ]
    .contains(&true)
}

/// The masker of a vector (its `config`, or the default).
fn masker(vector: &Vector) -> Result<Masker, String> {
    let config_text = vector.config.as_ref().map(|table| toml::to_string(table).unwrap()).unwrap_or_default();
    MaskerConfig::from_toml(&config_text)
        .and_then(Masker::new)
        .map_err(|err| format!("config rejected: {err}"))
}

/// The fields a vector has that belong to no kind of vector with its subject.
fn foreign_fields(vector: &Vector, subject: &str) -> Vec<&'static str> {
    let present = [
        ("output", vector.output.is_some()),
        ("output_hex", vector.output_hex.is_some()),
        ("matches", vector.matches.is_some()),
        ("config", vector.config.is_some()),
        ("error", vector.error.is_some()),
        ("values", vector.values.is_some()),
        ("context", vector.context.is_some()),
        ("variables", vector.variables.is_some()),
        ("error_at", vector.error_at.is_some()),
        ("missing", vector.missing.is_some()),
        ("reserved", vector.reserved.is_some()),
        ("blocks", vector.blocks.is_some()),
        ("library_problems", vector.library_problems.is_some()),
        ("query", vector.query.is_some()),
        ("limit", vector.limit.is_some()),
        ("results", vector.results.is_some()),
        ("repeat", vector.repeat.is_some()),
        ("append", vector.append.is_some()),
        ("chars", vector.chars.is_some()),
        ("problems", vector.problems.is_some()),
        ("pii", vector.pii.is_some()),
    ];
    let allowed: &[&str] = match subject {
        "input" => &["output", "output_hex", "matches", "config", "error"],
        "template" => &[
            "config",
            "values",
            "context",
            "variables",
            "output",
            "error",
            "error_at",
            "missing",
            "reserved",
        ],
        "library" => &["blocks", "error", "library_problems", "query", "limit", "results"],
        _ => &["config", "repeat", "append", "chars", "problems", "pii"],
    };
    present
        .into_iter()
        .filter(|(field, there)| *there && !allowed.contains(field))
        .map(|(field, _)| field)
        .collect()
}

/// Runs one vector; returns a description of every way it fails.
fn run(vector: &Vector) -> Vec<String> {
    if let Ok(subject) = subject(vector) {
        let foreign = foreign_fields(vector, subject);
        if !foreign.is_empty() {
            return vec![format!("fields {foreign:?} do not apply to a {subject} vector")];
        }
    }
    match subject(vector) {
        Ok("template") => run_template(vector),
        Ok("library") => run_library(vector),
        Ok("message") => run_message(vector),
        Ok(_) => run_mask(vector),
        Err(problem) => vec![problem],
    }
}

/// Compares a value with its expectation, describing a difference.
fn expect<T: std::fmt::Debug + PartialEq>(
    what: &str,
    got: T,
    expected: Option<T>,
    problems: &mut Vec<String>,
) {
    if let Some(expected) = expected
        && got != expected
    {
        problems.push(format!("{what}\n      got: {got:?}\n expected: {expected:?}"));
    }
}

fn run_template(vector: &Vector) -> Vec<String> {
    let mut problems = Vec::new();
    let masker = match masker(vector) {
        Ok(masker) => masker,
        Err(problem) => return vec![problem],
    };
    let source = vector.template.as_deref().unwrap_or_default();
    let outcome = (|| -> Result<String, TemplateError> {
        let template = Template::parse(source)?;
        let variables: Vec<String> = template.variables().map(str::to_string).collect();
        expect("variables", variables, vector.variables.clone(), &mut problems);
        let context = match &vector.context {
            Some(table) => RenderContext::from_toml(&toml::to_string(table).unwrap())?,
            None => RenderContext::default(),
        };
        let values: Values = vector.values.clone().unwrap_or_default().into_iter().collect();
        template.render(&values, &context, &masker)
    })();
    match (outcome, &vector.error) {
        (Ok(output), None) => expect("output", output.as_str(), vector.output.as_deref(), &mut problems),
        (Ok(_), Some(expected)) => problems.push(format!("expected error {expected}, but it rendered")),
        (Err(err), None) => {
            if vector.output.is_some() {
                problems.push(format!("failed: {} ({err})", err.code().name()))
            }
        }
        (Err(err), Some(expected)) => {
            expect("error", err.code().name(), Some(expected.as_str()), &mut problems);
            let position = match err {
                TemplateError::DateFormat { byte, char } => Some(Position { byte, char }),
                _ => err.syntax_position().map(|(byte, char)| Position { byte, char }),
            };
            if vector.error_at.is_some() {
                expect("error_at", position, Some(vector.error_at), &mut problems);
            }
            if let Some(missing) = &vector.missing {
                let got = match &err {
                    TemplateError::MissingVariables { names } => names.clone(),
                    _ => Vec::new(),
                };
                expect("missing", got, Some(missing.clone()), &mut problems);
            }
            if let Some(reserved) = &vector.reserved {
                let got: Vec<ExpectedReserved> = match &err {
                    TemplateError::ReservedInValue { values } => values
                        .iter()
                        .map(|v| ExpectedReserved {
                            variable: v.variable.clone(),
                            byte: v.byte,
                            char: v.char,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                expect("reserved", got.as_slice(), Some(reserved.as_slice()), &mut problems);
            }
        }
    }
    problems
}

fn run_library(vector: &Vector) -> Vec<String> {
    let mut problems = Vec::new();
    let path = repo_dir().join(vector.library.as_deref().unwrap_or_default());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => return vec![format!("{}: {err}", path.display())],
    };
    match (TextBlockLibrary::parse(&text), &vector.error) {
        (Ok(library), None) => {
            expect("blocks", library.len(), vector.blocks, &mut problems);
            if let Some(expected) = &vector.results {
                let Some(query) = &vector.query else {
                    return vec!["results without a query".into()];
                };
                let got: Vec<ExpectedHit> = library
                    .search(query, vector.limit.unwrap_or(10))
                    .iter()
                    .map(|hit| ExpectedHit {
                        shortcut: hit.block.shortcut().into(),
                        rank: hit.rank.name().into(),
                    })
                    .collect();
                expect("results", got.as_slice(), Some(expected.as_slice()), &mut problems);
            }
        }
        (Ok(_), Some(expected)) => {
            problems.push(format!("expected error {expected}, but the library loaded"))
        }
        (Err(err), None) => problems.push(format!("library rejected: {err}")),
        (Err(err), Some(expected)) => {
            expect("error", err.code().name(), Some(expected.as_str()), &mut problems);
            if let Some(expected) = &vector.library_problems {
                let got: Vec<ExpectedLibraryProblem> = match &err {
                    LibraryError::Invalid { problems } => problems
                        .iter()
                        .map(|p| ExpectedLibraryProblem {
                            index: p.index,
                            field: p.field.clone(),
                            line: p.line,
                            problem: p.kind.code().into(),
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                expect("library_problems", got.as_slice(), Some(expected.as_slice()), &mut problems);
            }
        }
    }
    problems
}

fn run_message(vector: &Vector) -> Vec<String> {
    let mut problems = Vec::new();
    let masker = match masker(vector) {
        Ok(masker) => masker,
        Err(problem) => return vec![problem],
    };
    let mut message = vector.message.as_deref().unwrap_or_default().repeat(vector.repeat.unwrap_or(1));
    message.push_str(vector.append.as_deref().unwrap_or_default());
    let report = check_message(&message, &masker);
    expect("chars", report.chars, vector.chars, &mut problems);
    let got: Vec<ExpectedProblem> = report
        .problems
        .iter()
        .map(|p| ExpectedProblem { problem: p.code().into(), byte: p.byte(), char: p.char() })
        .collect();
    expect("problems", got.as_slice(), vector.problems.as_deref(), &mut problems);
    if let Some(expected) = &vector.pii {
        for pii in expected {
            if message.get(pii.start..pii.end) != Some(pii.text.as_str()) {
                problems.push(format!(
                    "vector error: pii text {:?} is not at {}..{}",
                    pii.text, pii.start, pii.end
                ));
            }
        }
    }
    let got: Vec<ExpectedPii> = report
        .pii
        .iter()
        .map(|p| ExpectedPii {
            kind: p.kind,
            start: p.span.start,
            end: p.span.end,
            char_start: p.char_start,
            char_end: p.char_end,
            text: message[p.span.range()].to_string(),
        })
        .collect();
    expect("pii", got.as_slice(), vector.pii.as_deref(), &mut problems);
    problems
}

/// Runs one masking vector.
fn run_mask(vector: &Vector) -> Vec<String> {
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
    // Masked text is a fixpoint: masking it again changes nothing.
    if masker.mask_bytes(&output).as_ref() != output.as_ref() {
        problems.push(format!("masking the output again changes it: {:?}", String::from_utf8_lossy(&output)));
    }
    // The text API must agree with the byte API on text.
    if let Ok(text) = std::str::from_utf8(&input)
        && masker.mask(text).as_bytes() != output.as_ref()
    {
        problems.push("mask(&str) differs from mask_bytes".into());
    }
    // The redactions (what `find` gives in every interface) rebuild the output; where one
    // round settles the masking, they are `find_iter`'s matches.
    let redactions = masker.redactions_bytes(&input);
    if rebuild(&input, redactions.iter().map(|r| (r.range(), r.masked().to_string()))) != output.as_ref() {
        problems.push("the redactions do not rebuild the output".into());
    }
    let first_round: Vec<Match> = masker.find_iter_bytes(&input).collect();
    let masked_alone = |found: &Match| {
        let value = std::str::from_utf8(&input[found.range()]).unwrap_or_default();
        masker.mask_match(value, &Match::new(found.kind(), Span::new(0, value.len())))
    };
    let settled: Vec<(Kind, usize, usize)> =
        redactions.iter().map(|m| (m.kind(), m.start(), m.end())).collect();
    if rebuild(&input, first_round.iter().map(|found| (found.range(), masked_alone(found))))
        == output.as_ref()
        && first_round.iter().map(|m| (m.kind(), m.start(), m.end())).ne(settled.iter().copied())
    {
        problems.push("find_iter differs from the redactions of a one-round masking".into());
    }
    if let Some(expected) = &vector.matches {
        let found = settled;
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

/// `input` with each range replaced by its text.
fn rebuild(input: &[u8], parts: impl Iterator<Item = (std::ops::Range<usize>, String)>) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut copied = 0;
    for (range, text) in parts {
        out.extend_from_slice(&input[copied..range.start]);
        out.extend_from_slice(text.as_bytes());
        copied = range.end;
    }
    out.extend_from_slice(&input[copied..]);
    out
}

#[test]
fn every_vector_holds() {
    let files = vector_files();
    assert!(!files.is_empty(), "no vector files found");
    let mut names = std::collections::HashSet::new();
    let (mut total, mut failures) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        for vector in &file.test {
            total += 1;
            assert!(names.insert(vector.name.clone()), "duplicate vector name {}", vector.name);
            assert!(checks_something(vector), "{}: checks nothing", vector.name);
            let problems = run(vector);
            if !problems.is_empty() {
                let note = vector.note.as_deref().unwrap_or("");
                failures.push(format!(
                    "{} ({}) — {note}\n  input: {:?}\n  {}",
                    vector.name,
                    path.strip_prefix(vector_dir()).unwrap_or(path).display(),
                    vector
                        .input
                        .as_deref()
                        .or(vector.template.as_deref())
                        .or(vector.query.as_deref())
                        .or(vector.library.as_deref())
                        .or(vector.message.as_deref())
                        .unwrap_or("<hex>"),
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

//! The `jsonl` target: the CLI's JSONL record masking on arbitrary lines.

use std::fmt;

use piimask::{Masker, MaskerConfig, MatchCounts};
use piimask_cli::input::Mode;
use piimask_cli::input::blocks::Block;
use piimask_cli::input::json::{Event, Lexer, decode_into};
use piimask_cli::input::jsonl::{FieldPath, Outcome, RecordMasker, process};
use serde_json::Value;

use crate::config::{CONFIG_BYTES, decode_config};
use crate::mask::{build, idempotent_config};
use crate::repro::{bytes_expr, config_expr, str_literal};
use crate::{FuzzInput, Verdict, arbitrary_via_decode, ensure};

/// The `--field` paths the fuzzer selects from.
pub const FIELD_PATHS: [&str; 8] =
    ["text", "phone", "a", "customer.phone", "messages[].text", "t", "n", "customerPhone"];

/// Input of the `jsonl` target.
///
/// Layout: [`CONFIG_BYTES`] of configuration; one byte selecting `--field` paths from
/// [`FIELD_PATHS`] (bit `i` = path `i`; none = every field); then the records, one per line.
#[derive(Clone, PartialEq, Eq)]
pub struct JsonlInput {
    /// The configuration (possibly invalid).
    pub config: MaskerConfig,
    /// The `--field` paths (empty: every key, string and number).
    pub fields: Vec<String>,
    /// The JSONL text.
    pub text: Vec<u8>,
}

impl JsonlInput {
    /// Decodes fuzzer bytes (see the type's layout).
    pub fn decode(data: &[u8]) -> JsonlInput {
        let config = decode_config(&data[..data.len().min(CONFIG_BYTES)]);
        let selector = data.get(CONFIG_BYTES).copied().unwrap_or(0);
        let fields = FIELD_PATHS
            .iter()
            .enumerate()
            .filter(|(i, _)| selector & (1 << i) != 0)
            .map(|(_, p)| p.to_string())
            .collect();
        JsonlInput { config, fields, text: data.get(CONFIG_BYTES + 1..).unwrap_or_default().to_vec() }
    }

    /// The records, split as the CLI splits them (`\n`, and a `\r` before it).
    fn records(&self) -> Vec<&[u8]> {
        let mut records = Vec::new();
        let mut at = 0;
        while at < self.text.len() {
            let next = memchr_newline(&self.text[at..]).map_or(self.text.len(), |i| at + i + 1);
            let mut end = next;
            if self.text[..end].ends_with(b"\n") {
                end -= 1;
                if end > at && self.text[end - 1] == b'\r' {
                    end -= 1;
                }
            }
            records.push(&self.text[at..end]);
            at = next;
        }
        records
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

impl fmt::Debug for JsonlInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields: Vec<String> =
            self.fields.iter().map(|field| format!("{}.into()", str_literal(field))).collect();
        writeln!(f, "use piimask_fuzz_properties::FuzzInput;")?;
        writeln!(f, "piimask_fuzz_properties::JsonlInput {{")?;
        writeln!(f, "    config: {},", config_expr(&self.config))?;
        writeln!(f, "    fields: vec![{}],", fields.join(", "))?;
        writeln!(f, "    text: {},", bytes_expr(&self.text))?;
        write!(f, "}}\n.assert();")
    }
}

impl FuzzInput for JsonlInput {
    fn check(&self) -> Verdict {
        let Some(masker) = build(&self.config, None)? else { return Ok(()) };
        let paths: Vec<FieldPath> =
            self.fields.iter().filter_map(|field| FieldPath::parse(field).ok()).collect();
        let mut records = RecordMasker::new(masker.clone(), paths.clone());
        let mut joined = Vec::new();
        for (index, mut record) in self.records().into_iter().enumerate() {
            // A byte-order mark before the first record is the file's, not the record's: the
            // CLI copies it and reads the record after it (found by the fuzzer).
            if index == 0
                && let Some(rest) = record.strip_prefix(b"\xEF\xBB\xBF")
            {
                joined.extend_from_slice(b"\xEF\xBB\xBF");
                record = rest;
            }
            let start = joined.len();
            let outcome = records.mask_record(record, &mut joined, &mut MatchCounts::default());
            let out = joined[start..].to_vec();
            check_record(&masker, &mut records, self.fields.is_empty(), record, outcome, &out)?;
            joined.push(b'\n');
        }
        // The CLI's block processing gives the same records, with the input's line ends: to
        // compare, each `\r\n` becomes `\n` and a last line without one gets a `\n`, as the
        // records joined above (split as the CLI splits them, so they lost that `\r`; any other
        // `\r` is content: `costs \r\r\n` is the record `costs \r`, and a last `…\r` the
        // record `…\r`; found by the fuzz smoke).
        let block = Block { bytes: self.text.clone(), first_line: 1, ..Block::default() };
        let processed = process(&mut RecordMasker::new(masker, paths), &block, Mode::Mask, false, Vec::new());
        let normalised = |bytes: &[u8]| -> Vec<u8> {
            let mut out = Vec::with_capacity(bytes.len() + 1);
            for (i, &b) in bytes.iter().enumerate() {
                if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                    out.push(b);
                }
            }
            // (Whether the input's last line has its line end, not the output's: a last line
            // redacted to nothing leaves the output ending with the line end before it; found
            // by the fuzz smoke.)
            if !self.text.ends_with(b"\n") {
                out.push(b'\n');
            }
            out
        };
        if !self.text.is_empty() {
            ensure!(normalised(&processed.out) == joined, "block processing differs from record masking");
        }
        Ok(())
    }
}

arbitrary_via_decode!(JsonlInput);

/// Checks one masked record.
fn check_record(
    masker: &Masker,
    records: &mut RecordMasker,
    every_field: bool,
    record: &[u8],
    outcome: Outcome,
    out: &[u8],
) -> Verdict {
    let shallow = record.iter().filter(|&&b| b == b'[' || b == b'{').count() < 100;
    let parsed: Option<Value> = serde_json::from_slice(record).ok();
    match outcome {
        Outcome::Malformed(error) => {
            ensure!(error.offset <= record.len(), "error offset {} past the record", error.offset);
            ensure!(
                !shallow || parsed.is_none(),
                "a record serde_json accepts was called malformed: {error:?}"
            );
            // Fail closed: read as text (escapes decoded), the output holds nothing to find.
            if idempotent_config(masker.config()) {
                let mut decoded = Vec::new();
                decode_into(out, &mut decoded);
                let left: Vec<_> = masker.find_iter_bytes(&decoded).collect();
                ensure!(left.is_empty(), "a malformed record's output still holds {left:?}");
            }
        }
        Outcome::Unchanged | Outcome::Masked => {
            // Blank lines pass through as they are.
            let blank = record.iter().all(u8::is_ascii_whitespace);
            ensure!(blank || lexes(record), "a record the lexer rejects was not called malformed");
            if outcome == Outcome::Unchanged {
                ensure!(out == record, "an unchanged record was rewritten");
            }
            if shallow && !blank {
                let Some(input) = parsed else {
                    return Err("a record serde_json rejects was masked as JSON".to_string());
                };
                let Ok(masked) = serde_json::from_slice::<Value>(out) else {
                    return Err(format!("masked output is not JSON: {:?}", String::from_utf8_lossy(out)));
                };
                ensure!(shape(&masked) == shape(&input), "masking changed the record's shape");
                if every_field && key_count(record) == count_keys(&input) {
                    check_fields(masker, &input, &masked)?;
                }
            }
        }
    }
    // A second pass changes nothing.
    if idempotent_config(masker.config()) {
        let mut again = Vec::new();
        let second = records.mask_record(out, &mut again, &mut MatchCounts::default());
        ensure!(again == out, "masking the masked record again changed it ({second:?})");
    }
    Ok(())
}

/// Each key is masked as the core masks it alone; each string as the core masks the line
/// `key words: value` (what the README promises).
fn check_fields(masker: &Masker, input: &Value, masked: &Value) -> Verdict {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    fields(input, None, &mut before);
    fields(masked, None, &mut after);
    ensure!(before.len() == after.len(), "masking changed the number of fields");
    for ((key, value), (_, out)) in before.iter().zip(&after) {
        let (Some(value), Some(out)) = (value, out) else { continue };
        let expected = match key {
            None => masker.mask(value).into_owned(),
            Some(key) => {
                let prefix = format!("{}: ", key_words(key));
                let line = masker.mask(&format!("{prefix}{value}")).into_owned();
                match line.strip_prefix(&prefix) {
                    Some(rest) => rest.to_string(),
                    // The key itself holds a value: the line reads differently; not checked.
                    None => continue,
                }
            }
        };
        ensure!(*out == expected, "field {key:?}: {value:?} masked to {out:?}, the core gives {expected:?}");
    }
    Ok(())
}

/// Whether the CLI's lexer accepts the record.
fn lexes(record: &[u8]) -> bool {
    if std::str::from_utf8(record).is_err() {
        return false;
    }
    let mut lexer = Lexer::new(record);
    loop {
        match lexer.next() {
            Ok(Some(_)) => {}
            Ok(None) => return true,
            Err(_) => return false,
        }
    }
}

/// The number of keys the lexer reads (more than the parsed value has when keys repeat).
fn key_count(record: &[u8]) -> usize {
    let mut lexer = Lexer::new(record);
    let mut keys = 0;
    while let Ok(Some(event)) = lexer.next() {
        keys += usize::from(matches!(event, Event::Key(_)));
    }
    keys
}

fn count_keys(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.iter().map(count_keys).sum(),
        Value::Object(map) => map.len() + map.values().map(count_keys).sum::<usize>(),
        _ => 0,
    }
}

/// Every key and string of a JSON value, in order, each with the key it is the value of
/// (`None` for keys themselves and top-level strings); numbers as `None` (their text is
/// not kept by the parser).
fn fields(value: &Value, key: Option<&str>, out: &mut Vec<(Option<String>, Option<String>)>) {
    match value {
        Value::String(s) => out.push((key.map(str::to_string), Some(s.clone()))),
        Value::Number(_) => out.push((key.map(str::to_string), None)),
        Value::Array(items) => items.iter().for_each(|v| fields(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push((None, Some(k.clone())));
            fields(v, Some(k), out);
        }),
        _ => {}
    }
}

/// A key as words, as the JSONL layer reads it: `customerPhone` → `customer Phone`.
fn key_words(key: &str) -> String {
    let mut words = String::new();
    let mut previous = ' ';
    for c in key.chars() {
        if matches!(c, '_' | '-' | '.') {
            words.push(' ');
        } else {
            if c.is_ascii_uppercase() && previous.is_ascii_lowercase() {
                words.push(' ');
            }
            words.push(c);
        }
        previous = c;
    }
    words
}

/// The value with strings and numbers replaced by a marker, for shape comparison.
fn shape(value: &Value) -> Value {
    match value {
        Value::String(_) | Value::Number(_) => Value::Null,
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        Value::Object(fields) => Value::Array(fields.values().map(shape).collect()),
        other => other.clone(),
    }
}

//! The JSONL layer against `serde_json` as an oracle, on generated records: the lexer
//! accepts exactly what `serde_json` accepts, and masking a valid record keeps it valid
//! JSON of the same shape, with no value the core finds in any string left readable.

use piimask::{Masker, MatchCounts};
use piimask_cli::input::json::Lexer;
use piimask_cli::input::jsonl::{Outcome, RecordMasker};
use proptest::prelude::*;
use serde_json::Value;

/// Text pieces chat strings are made of: values, context words, hard negatives.
const PIECES: &[&str] = &[
    "4111 1111 1111 1111",
    "4111111111111111",
    "+447966197542",
    "07966 197542",
    "(555) 234-5678",
    "melissa@gmail.com",
    "123-45-6789",
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
    "call me on",
    "my phone",
    "card number",
    "SSN",
    "order",
    "21/11/2026",
    "10:30",
    "49,99 €",
    "192.168.1.10",
    "é",
    "😀",
    "\"quoted\"",
    "back\\slash",
    "line\nbreak",
    "tab\t",
    "\u{1}",
];

fn chat_string() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), "[a-z ]{0,4}"), 0..5)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, s)| [p.to_string(), s]).collect())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        (0u64..10_000_000_000_000_000).prop_map(Value::from),
        chat_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(
                        &["phone", "text", "card", "a", "email", "customerPhone", "order_id", "ssn"][..]
                    ),
                    inner
                ),
                0..5
            )
            .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Serialises `value`, escaping characters of strings as `\uXXXX` where `escapes` says so
/// (cycled) and adding whitespace between tokens where `spaces` says so.
fn write(value: &Value, escapes: &[bool], spaces: &[bool], counter: &mut usize, out: &mut String) {
    fn flip(choices: &[bool], counter: &mut usize) -> bool {
        *counter += 1;
        !choices.is_empty() && choices[*counter % choices.len()]
    }
    let space = |out: &mut String, yes: bool| {
        if yes {
            out.push(' ');
        }
    };
    match value {
        Value::String(s) => {
            out.push('"');
            for c in s.chars() {
                let escape = flip(escapes, counter);
                match c {
                    '"' | '\\' => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if (c as u32) < 0x20 || (escape && (c as u32) < 0x10000) => {
                        out.push_str(&format!("\\u{:04x}", c as u32));
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                space(out, flip(spaces, counter));
                write(item, escapes, spaces, counter, out);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(&Value::String(key.clone()), escapes, spaces, counter, out);
                out.push(':');
                space(out, flip(spaces, counter));
                write(item, escapes, spaces, counter, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn lexes(input: &[u8]) -> bool {
    if std::str::from_utf8(input).is_err() {
        return false;
    }
    let mut lexer = Lexer::new(input);
    loop {
        match lexer.next() {
            Ok(Some(_)) => {}
            Ok(None) => return true,
            Err(_) => return false,
        }
    }
}

fn oracle_accepts(input: &[u8]) -> bool {
    serde_json::from_slice::<Value>(input).is_ok()
}

/// Every key, string and number of a JSON value, in order, as text, each with the key it
/// is the value of (`None` for keys themselves and for top-level values).
fn fields(value: &Value, key: Option<&str>, out: &mut Vec<(Option<String>, String)>) {
    match value {
        Value::String(s) => out.push((key.map(str::to_string), s.clone())),
        Value::Number(n) => out.push((key.map(str::to_string), n.to_string())),
        Value::Array(items) => items.iter().for_each(|v| fields(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push((None, k.clone()));
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

/// The value with masked strings and numbers replaced by a marker, for shape comparison.
fn shape(value: &Value) -> Value {
    match value {
        Value::String(_) | Value::Number(_) => Value::Null,
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        Value::Object(fields) => Value::Array(fields.values().map(shape).collect()),
        other => other.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_lexer_accepts_what_serde_json_accepts(
        value in json_value(),
        escapes in prop::collection::vec(any::<bool>(), 0..8),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..11), 0..3),
    ) {
        let mut record = String::new();
        write(&value, &escapes, &[true, false], &mut 0, &mut record);
        let mut bytes = record.into_bytes();
        prop_assert!(lexes(&bytes) && oracle_accepts(&bytes));
        for (at, edit) in edits {
            let at = at.index(bytes.len() + 1);
            match edit {
                0 if at < bytes.len() => { bytes.remove(at); }
                _ => bytes.insert(at, b"{}[],:\"\\ 0a"[edit % 11]),
            }
        }
        prop_assert_eq!(lexes(&bytes), oracle_accepts(&bytes), "{:?}", String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn masked_records_stay_valid_json_and_hide_every_value(
        value in json_value(),
        escapes in prop::collection::vec(any::<bool>(), 0..8),
        spaces in prop::collection::vec(any::<bool>(), 0..4),
    ) {
        let masker = Masker::default();
        let mut record = String::new();
        write(&value, &escapes, &spaces, &mut 0, &mut record);
        let mut out = Vec::new();
        let outcome = RecordMasker::new(masker.clone(), Vec::new()).mask_record(record.as_bytes(), &mut out, &mut MatchCounts::default());
        prop_assert!(!matches!(outcome, Outcome::Malformed(_)));
        let masked: Value = serde_json::from_slice(&out).expect("masked output is JSON");
        prop_assert_eq!(shape(&masked), shape(&value));
        if outcome == Outcome::Unchanged {
            prop_assert_eq!(&out, record.as_bytes());
        }
        // Each key is masked as the core masks it alone; each value as the core masks the
        // line `key words: value`.
        let (mut before, mut after) = (Vec::new(), Vec::new());
        fields(&value, None, &mut before);
        fields(&masked, None, &mut after);
        prop_assert_eq!(before.len(), after.len());
        for ((key, s), (_, o)) in before.iter().zip(&after) {
            let expected = match key {
                None => masker.mask(s).into_owned(),
                Some(key) => {
                    let prefix = format!("{}: ", key_words(key));
                    let line = masker.mask(&format!("{prefix}{s}")).into_owned();
                    match line.strip_prefix(&prefix) {
                        Some(rest) => rest.to_string(),
                        // The key itself holds a value: only check nothing leaks.
                        None => o.clone(),
                    }
                }
            };
            prop_assert_eq!(o, &expected, "key {:?}", key);
        }
    }
}

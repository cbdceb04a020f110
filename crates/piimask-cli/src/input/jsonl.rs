//! Masks one JSONL record in place: detection runs over the whole record with JSON escapes
//! decoded (so `\u0034…` digits and context words in keys count), and every detected value
//! inside a selected key, string or number is replaced in the raw bytes. Nothing else is
//! re-serialised, so unchanged bytes stay byte-identical. A number that holds a value
//! becomes a JSON string. A record that is not valid JSON is masked as text.

use piimask::{Masker, Match, Span};

use super::json::{Event, Lexer, Scalar, SyntaxError, decode_into, escape_into};

/// A field selector such as `customer.phone` or `messages[].text` (array levels are
/// transparent, so `messages.text` means the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath(Vec<String>);

impl FieldPath {
    /// Parses a dotted path; `[]` after a segment marks an array and is optional.
    pub fn parse(text: &str) -> Result<FieldPath, String> {
        let segments: Vec<String> =
            text.split('.').map(|segment| segment.trim_end_matches("[]").to_string()).collect();
        if segments.iter().any(String::is_empty) {
            return Err(format!("invalid field path {text:?}: empty segment"));
        }
        Ok(FieldPath(segments))
    }
}

/// What happened to one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written as it was read.
    Unchanged,
    /// Written with values masked.
    Masked,
    /// Not valid JSON: masked as text (every detected value masked in place).
    Malformed(SyntaxError),
}

/// A scalar token of the record and whether masking applies to it.
#[derive(Clone, Copy, Debug)]
struct Token {
    scalar: Scalar,
    number: bool,
    selected: bool,
}

/// Masks JSONL records; reuses its buffers from one record to the next.
#[derive(Debug)]
pub struct RecordMasker {
    masker: Masker,
    fields: Vec<FieldPath>,
    tokens: Vec<Token>,
    decoded: Vec<u8>,
    map: Vec<usize>,
    replacements: Vec<(usize, usize, String)>,
}

impl RecordMasker {
    /// A record masker; with no `fields`, every key, string and number is masked.
    pub fn new(masker: Masker, fields: Vec<FieldPath>) -> RecordMasker {
        RecordMasker {
            masker,
            fields,
            tokens: Vec::new(),
            decoded: Vec::new(),
            map: Vec::new(),
            replacements: Vec::new(),
        }
    }

    /// Masks one record (without its line terminator), appending the result to `out`.
    pub fn mask_record(&mut self, record: &[u8], out: &mut Vec<u8>) -> Outcome {
        if record.iter().all(u8::is_ascii_whitespace) {
            out.extend_from_slice(record);
            return Outcome::Unchanged;
        }
        let parsed = match std::str::from_utf8(record) {
            Ok(_) => self.tokenize(record),
            Err(err) => Err(SyntaxError { offset: err.valid_up_to(), what: "invalid UTF-8" }),
        };
        if let Err(err) = parsed {
            self.mask_as_text(record, out);
            return Outcome::Malformed(err);
        }
        self.find_replacements(record);
        if self.replacements.is_empty() {
            out.extend_from_slice(record);
            return Outcome::Unchanged;
        }
        self.write_tokens(record, out);
        Outcome::Masked
    }

    /// Lexes the record into `self.tokens`, deciding which tokens `--field` selects.
    fn tokenize(&mut self, record: &[u8]) -> Result<(), SyntaxError> {
        self.tokens.clear();
        let mut lexer = Lexer::new(record);
        let mut path = Path::new(&self.fields);
        while let Some(event) = lexer.next()? {
            match event {
                Event::BeginObject => path.enter(true),
                Event::BeginArray => path.enter(false),
                Event::EndObject | Event::EndArray => path.leave(),
                Event::Key(scalar) => {
                    let selected = path.inside_selection();
                    path.set_key(record, scalar);
                    self.tokens.push(Token { scalar, number: false, selected });
                }
                Event::String(scalar) | Event::Number(scalar) => {
                    let selected = path.value_selected();
                    let number = matches!(event, Event::Number(_));
                    self.tokens.push(Token { scalar, number, selected });
                }
                Event::Literal(_) => {}
            }
        }
        Ok(())
    }

    /// Runs detection over the decoded record and turns every match into replacements of
    /// raw byte ranges inside selected tokens.
    fn find_replacements(&mut self, record: &[u8]) {
        self.replacements.clear();
        let escaped = self.tokens.iter().any(|t| t.scalar.escaped);
        let text: &[u8] = if escaped {
            self.decode_record(record);
            &self.decoded
        } else {
            record
        };
        // Valid JSON is UTF-8 and its escapes decode to chars, so `text` is UTF-8.
        let Ok(text) = std::str::from_utf8(text) else { return };
        let to_raw = |offset: usize| if escaped { self.map[offset] } else { offset };
        for found in self.masker.find_iter(text) {
            let (raw_start, raw_end) = (to_raw(found.start()), to_raw(found.end()));
            let first = self.tokens.partition_point(|t| t.scalar.end <= raw_start);
            for token in self.tokens[first..].iter().take_while(|t| t.scalar.start < raw_end) {
                if !token.selected {
                    continue;
                }
                let (content_start, content_end) = content(token);
                if raw_start >= content_start && raw_end <= content_end {
                    let masked = self.masker.mask_match(text, &found);
                    self.replacements.push((raw_start, raw_end, masked));
                } else {
                    // A match reaching past one token (not possible in valid JSON): mask
                    // this token's part of it on its own.
                    let piece = (raw_start.max(content_start), raw_end.min(content_end));
                    let decoded =
                        (from_raw(&self.map, escaped, piece.0), from_raw(&self.map, escaped, piece.1));
                    let part = Match::new(found.kind(), Span::new(decoded.0, decoded.1));
                    self.replacements.push((piece.0, piece.1, self.masker.mask_match(text, &part)));
                }
            }
        }
    }

    /// Decodes the escapes of every escaped string into `self.decoded`, with `self.map`
    /// giving the raw offset of each decoded byte (plus one entry for the end).
    fn decode_record(&mut self, record: &[u8]) {
        self.decoded.clear();
        self.map.clear();
        let mut copied = 0;
        for token in self.tokens.iter().filter(|t| t.scalar.escaped) {
            for (offset, &b) in record.iter().enumerate().take(token.scalar.start).skip(copied) {
                self.decoded.push(b);
                self.map.push(offset);
            }
            decode_into(record, token.scalar.start, token.scalar.end, &mut self.decoded, &mut self.map);
            copied = token.scalar.end;
        }
        for (offset, &b) in record.iter().enumerate().skip(copied) {
            self.decoded.push(b);
            self.map.push(offset);
        }
        self.map.push(record.len());
    }

    /// Writes the record with the replacements applied; numbers that hold one become strings.
    fn write_tokens(&mut self, record: &[u8], out: &mut Vec<u8>) {
        self.replacements.sort_by_key(|r| r.0);
        let mut copied = 0;
        let mut replacements = self.replacements.iter().peekable();
        for token in &self.tokens {
            let (start, end) = (token.scalar.start, token.scalar.end);
            if replacements.peek().is_none_or(|r| r.0 >= end) {
                continue;
            }
            out.extend_from_slice(&record[copied..start]);
            if token.number {
                out.push(b'"');
            }
            let mut inner = start;
            while let Some((from, to, masked)) = replacements.next_if(|r| r.0 < end) {
                out.extend_from_slice(&record[inner..*from]);
                escape_into(masked, out);
                inner = *to;
            }
            out.extend_from_slice(&record[inner..end]);
            if token.number {
                out.push(b'"');
            }
            copied = end;
        }
        out.extend_from_slice(&record[copied..]);
    }

    /// Fail-closed path for a record that is not valid JSON: detection over the record with
    /// escapes decoded leniently, every value masked in place in the raw bytes.
    fn mask_as_text(&mut self, record: &[u8], out: &mut Vec<u8>) {
        self.decoded.clear();
        self.map.clear();
        decode_into(record, 0, record.len(), &mut self.decoded, &mut self.map);
        self.map.push(record.len());
        let mut copied = 0;
        for found in self.masker.find_iter_bytes(&self.decoded) {
            let (raw_start, raw_end) = (self.map[found.start()], self.map[found.end()]);
            if raw_start < copied {
                continue;
            }
            out.extend_from_slice(&record[copied..raw_start]);
            // A match only ever covers valid UTF-8; if that failed, the value is dropped.
            let value = std::str::from_utf8(&self.decoded[found.range()]).unwrap_or_default();
            let whole = Match::new(found.kind(), Span::new(0, value.len()));
            escape_into(&self.masker.mask_match(value, &whole), out);
            copied = raw_end;
        }
        out.extend_from_slice(&record[copied..]);
    }
}

/// The raw range of a token's content (inside the quotes of a string).
fn content(token: &Token) -> (usize, usize) {
    if token.number {
        (token.scalar.start, token.scalar.end)
    } else {
        (token.scalar.start + 1, token.scalar.end - 1)
    }
}

/// The decoded offset of a raw offset (the first decoded byte at or after it).
fn from_raw(map: &[usize], escaped: bool, raw: usize) -> usize {
    if escaped { map.partition_point(|&r| r < raw) } else { raw }
}

/// Tracks where the lexer is in the record, for `--field` selection.
struct Path<'f> {
    fields: &'f [FieldPath],
    /// Per open container: whether it is an object, how many key segments lead to it, and
    /// whether it lies inside a selected field.
    frames: Vec<(bool, usize, bool)>,
    /// The key segments from the root to the current position (decoded keys).
    keys: Vec<String>,
    /// The key just read in the innermost object, waiting for its value.
    pending_key: Option<String>,
}

impl<'f> Path<'f> {
    fn new(fields: &'f [FieldPath]) -> Path<'f> {
        Path { fields, frames: Vec::new(), keys: Vec::new(), pending_key: None }
    }

    fn tracking(&self) -> bool {
        !self.fields.is_empty()
    }

    /// Whether a key or value at the current position lies inside a selected field.
    fn inside_selection(&self) -> bool {
        !self.tracking() || self.frames.last().is_some_and(|frame| frame.2)
    }

    /// Whether a scalar value at the current position is selected.
    fn value_selected(&mut self) -> bool {
        if !self.tracking() {
            return true;
        }
        let selected = self.inside_selection() || self.matches_with_pending();
        self.pending_key = None;
        selected
    }

    fn matches_with_pending(&self) -> bool {
        let Some(key) = &self.pending_key else { return self.matches(&self.keys) };
        self.fields.iter().any(|field| {
            field.0.len() == self.keys.len() + 1
                && field.0[..self.keys.len()] == self.keys[..]
                && field.0[self.keys.len()] == *key
        })
    }

    fn matches(&self, keys: &[String]) -> bool {
        self.fields.iter().any(|field| field.0[..] == keys[..])
    }

    fn set_key(&mut self, record: &[u8], key: Scalar) {
        if !self.tracking() {
            return;
        }
        let raw = &record[key.start + 1..key.end - 1];
        let mut decoded = Vec::new();
        let mut map = Vec::new();
        decode_into(raw, 0, raw.len(), &mut decoded, &mut map);
        self.pending_key = Some(String::from_utf8_lossy(&decoded).into_owned());
    }

    fn enter(&mut self, object: bool) {
        if !self.tracking() {
            return;
        }
        let selected = self.inside_selection() || self.matches_with_pending();
        if let Some(key) = self.pending_key.take() {
            self.keys.push(key);
        }
        self.frames.push((object, self.keys.len(), selected));
    }

    fn leave(&mut self) {
        if !self.tracking() {
            return;
        }
        self.frames.pop();
        let depth = self.frames.last().map_or(0, |frame| frame.1);
        self.keys.truncate(depth);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(record: &str, fields: &[&str]) -> (String, Outcome) {
        let fields = fields.iter().map(|f| FieldPath::parse(f).unwrap()).collect();
        let mut masker = RecordMasker::new(Masker::default(), fields);
        let mut out = Vec::new();
        let outcome = masker.mask_record(record.as_bytes(), &mut out);
        (String::from_utf8(out).unwrap(), outcome)
    }

    #[test]
    fn masks_values_in_place() {
        let (out, outcome) = mask(r#"{"a": "call +447966197542",  "b":1}"#, &[]);
        assert_eq!(out, r#"{"a": "call *********7542",  "b":1}"#);
        assert_eq!(outcome, Outcome::Masked);
    }

    #[test]
    fn escaped_digits_are_detected_and_replaced_whole() {
        let record = r#"{"t":"card \u0034111 1111 1111 1111!"}"#;
        assert_eq!(mask(record, &[]).0, r#"{"t":"card ************1111!"}"#);
    }

    #[test]
    fn numbers_that_hold_a_value_become_strings() {
        assert_eq!(
            mask(r#"{"card":4111111111111111,"n":42}"#, &[]).0,
            r#"{"card":"************1111","n":42}"#
        );
        // A key naming the field is a context word on the same line.
        assert_eq!(mask(r#"{"phone":5551234567}"#, &[]).0, r#"{"phone":"******4567"}"#);
    }

    #[test]
    fn keys_are_masked_too() {
        assert_eq!(mask(r#"{"melissa@gmail.com":1}"#, &[]).0, r#"{"m******@gmail.com":1}"#);
    }

    #[test]
    fn fields_restrict_masking() {
        let record =
            r#"{"a":"melissa@gmail.com","m":[{"t":"melissa@gmail.com"}],"b":{"c":"melissa@gmail.com"}}"#;
        let (out, _) = mask(record, &["m[].t", "b"]);
        assert_eq!(
            out,
            r#"{"a":"melissa@gmail.com","m":[{"t":"m******@gmail.com"}],"b":{"c":"m******@gmail.com"}}"#
        );
        let (out, _) = mask(record, &["a"]);
        assert_eq!(
            out,
            r#"{"a":"m******@gmail.com","m":[{"t":"melissa@gmail.com"}],"b":{"c":"melissa@gmail.com"}}"#
        );
    }

    #[test]
    fn malformed_records_are_masked_as_text() {
        let (out, outcome) = mask(r#"{"t":"4111 1111 1111 1111", oops"#, &[]);
        assert_eq!(out, r#"{"t":"************1111", oops"#);
        assert!(matches!(outcome, Outcome::Malformed(SyntaxError { offset: 28, .. })), "{outcome:?}");
        let (out, _) = mask(r#"{"t":"\u0034111 1111 1111 1111"#, &[]);
        assert_eq!(out, r#"{"t":"************1111"#);
    }

    #[test]
    fn blank_records_pass() {
        assert_eq!(mask("  ", &[]), ("  ".to_string(), Outcome::Unchanged));
    }
}

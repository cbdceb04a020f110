//! Masks one JSONL record in place. Each field is read as one line of text, `key: value`
//! (the key split into words, `customerPhone` → `customer Phone`), so the key gives its
//! value context (`{"phone": 5551234567}` is a phone number) while other fields do not,
//! and escapes are decoded first (`\u0034…` digits count). Every value the core finds in
//! a selected key, string or number is replaced in the raw bytes; nothing else is
//! re-serialised, so unchanged bytes stay byte-identical. A number that holds a value
//! becomes a JSON string. A record that is not valid JSON is masked as text.
//!
//! Memory per record is bounded: the lines are built and searched in windows of
//! [`WINDOW`] bytes (no rule reaches across a line break), and values are spliced into the
//! output as they are found.

use piimask::{Kind, Masker, Match, MatchCounts};

use super::blocks::Block;
use super::json::{Event, Lexer, RawOffsets, Scalar, SyntaxError, decode_into, escape_into};
use super::{Finding, Mode, Processed, RecordError, UTF8_BOM, masked_value, one_round};

/// The lines of a record are searched once this many bytes of them are ready.
pub const WINDOW: usize = 64 * 1024;

/// A field selector such as `customer.phone` or `messages[].text` (array levels are
/// transparent, so `messages.text` means the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath {
    /// The keys from the root, array levels left out.
    segments: Vec<String>,
    /// The path as given (for messages).
    text: String,
}

impl FieldPath {
    /// Parses a dotted path; `[]` after a segment marks an array and is optional.
    pub fn parse(text: &str) -> Result<FieldPath, String> {
        let segments: Vec<String> =
            text.split('.').map(|segment| segment.trim_end_matches("[]").to_string()).collect();
        if segments.iter().any(String::is_empty) {
            return Err(format!("invalid field path {text:?}: empty segment"));
        }
        // Brackets only as a trailing `[]`: `a[`, `a[]]` or `a[0]` would select nothing.
        if segments.iter().any(|segment| segment.contains(['[', ']'])) {
            return Err(format!("invalid field path {text:?}: brackets other than a trailing `[]`"));
        }
        Ok(FieldPath { segments, text: text.to_string() })
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
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

/// One detected value (or the part of one inside a selected token): its raw byte range in
/// the record, its masked form, and the number token it sits in, if any.
#[derive(Debug)]
struct Value {
    start: usize,
    end: usize,
    kind: Kind,
    masked: String,
    number: Option<(usize, usize)>,
    /// Write `masked` as it is (only line breaks escaped), not as the inside of a string.
    verbatim: bool,
}

/// One line of the lines built for a record: `key words: ` (context, from `line_start`)
/// then the decoded content of the token to mask (`view_start..view_end`), whose content
/// is `raw` in the record.
#[derive(Clone, Copy, Debug)]
struct Segment {
    line_start: usize,
    view_start: usize,
    view_end: usize,
    raw: (usize, usize),
    escaped: bool,
    number: Option<(usize, usize)>,
}

/// Masks JSONL records; reuses its buffers from one record to the next.
#[derive(Debug)]
pub struct RecordMasker {
    masker: Masker,
    fields: Vec<FieldPath>,
    /// The lines being built (`key: value` per field).
    view: Vec<u8>,
    segments: Vec<Segment>,
    /// Scratch for decoding a key.
    key: Vec<u8>,
    /// Per `--field` path: whether it named a field in any record read so far.
    seen: Vec<bool>,
}

impl RecordMasker {
    /// A record masker; with no `fields`, every key, string and number is masked.
    pub fn new(masker: Masker, fields: Vec<FieldPath>) -> RecordMasker {
        let seen = vec![false; fields.len()];
        RecordMasker { masker, fields, view: Vec::new(), segments: Vec::new(), key: Vec::new(), seen }
    }

    /// Per `--field` path (in the order given): whether it named a field (a value, an
    /// object or an array) in any record this masker has read.
    pub fn fields_seen(&self) -> &[bool] {
        &self.seen
    }

    /// Masks one record (without its line terminator), appending the result to `out` and
    /// counting the values masked.
    pub fn mask_record(&mut self, record: &[u8], out: &mut Vec<u8>, counts: &mut MatchCounts) -> Outcome {
        let out_start = out.len();
        let mut found = MatchCounts::default();
        let mut splice = Splice::new(record);
        let parsed = self.values(record, &mut found, |value| splice.put(&value, out));
        if let Err(error) = parsed {
            // Not valid JSON: start over, masking the record as text.
            out.truncate(out_start);
            let mut splice = Splice::new(record);
            self.values_as_text(record, counts, |value| splice.put(&value, out));
            splice.finish(out);
            return Outcome::Malformed(error);
        }
        splice.finish(out);
        counts.merge(&found);
        if found.total() > 0 { Outcome::Masked } else { Outcome::Unchanged }
    }

    /// Finds the values of one record (without its line terminator): byte offsets in the
    /// raw record, and their masked form.
    pub fn scan_record(
        &mut self,
        record: &[u8],
        line: u64,
        findings: &mut Vec<Finding>,
        counts: &mut MatchCounts,
    ) -> Result<(), SyntaxError> {
        let before = findings.len();
        let mut found = MatchCounts::default();
        let finding = |value: Value| Finding {
            line,
            kind: value.kind,
            start: value.start,
            end: value.end,
            masked: value.masked,
        };
        let parsed = self.values(record, &mut found, |value| findings.push(finding(value)));
        if parsed.is_err() {
            findings.truncate(before);
            self.values_as_text(record, counts, |value| findings.push(finding(value)));
        } else {
            counts.merge(&found);
        }
        parsed
    }

    /// Lexes a record, building its lines and searching them window by window; calls `on`
    /// with every value in a selected token, in order. Fails at the first syntax error
    /// (values already reported must then be discarded).
    fn values(
        &mut self,
        record: &[u8],
        counts: &mut MatchCounts,
        mut on: impl FnMut(Value),
    ) -> Result<(), SyntaxError> {
        if record.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        if let Err(err) = std::str::from_utf8(record) {
            return Err(SyntaxError { offset: err.valid_up_to(), what: "invalid UTF-8" });
        }
        self.view.clear();
        self.segments.clear();
        let mut lexer = Lexer::new(record);
        let mut path = Path::new(&self.fields, &mut self.seen);
        while let Some(event) = lexer.next()? {
            match event {
                Event::BeginObject => path.enter(true),
                Event::BeginArray => path.enter(false),
                Event::EndObject | Event::EndArray => path.leave(),
                Event::Key(key) => {
                    if path.inside_selection() && self.masker.may_hold_value(&record[key.start..key.end]) {
                        // Keys are masked too, each on a line of its own.
                        let line_start = self.view.len();
                        push_token(&mut self.view, &mut self.segments, record, key, false, line_start);
                        self.view.push(b'\n');
                    }
                    path.set_key(record, key);
                }
                Event::String(scalar) | Event::Number(scalar) => {
                    let number = matches!(event, Event::Number(_));
                    let key = path.nearest_key();
                    // A token that cannot hold a value is left out of the lines.
                    if path.value_selected() && self.masker.may_hold_value(&record[scalar.start..scalar.end])
                    {
                        let line_start = self.view.len();
                        if let Some(key) = key {
                            self.key.clear();
                            decode_into(&record[key.start + 1..key.end - 1], &mut self.key);
                            push_words(&mut self.view, &self.key);
                            self.view.extend_from_slice(b": ");
                        }
                        push_token(&mut self.view, &mut self.segments, record, scalar, number, line_start);
                        self.view.push(b'\n');
                    }
                }
                Event::Literal(_) => {
                    path.value_selected();
                }
            }
            if self.view.len() >= WINDOW {
                search(&self.masker, &self.view, &self.segments, record, counts, &mut on);
                self.view.clear();
                self.segments.clear();
            }
        }
        search(&self.masker, &self.view, &self.segments, record, counts, &mut on);
        Ok(())
    }

    /// Fail-closed path for a record that is not valid JSON: detection over the whole
    /// record with escapes decoded leniently; every value is masked where it is.
    fn values_as_text(&mut self, record: &[u8], counts: &mut MatchCounts, mut on: impl FnMut(Value)) {
        self.view.clear();
        decode_into(record, &mut self.view);
        let mut offsets = RawOffsets::new(record);
        let mut values = Vec::new();
        let mut spliced = Vec::with_capacity(self.view.len());
        let mut copied = 0;
        for found in self.masker.find_iter_bytes(&self.view) {
            counts.add(found.kind());
            // A match only ever covers valid UTF-8; if that failed, the value is dropped.
            let masked = masked_value(&self.masker, found.kind(), &self.view[found.range()]);
            spliced.extend_from_slice(&self.view[copied..found.start()]);
            spliced.extend_from_slice(masked.as_bytes());
            copied = found.end();
            let (start, end) = (offsets.raw_offset(found.start()), offsets.raw_offset(found.end()));
            values.push(Value { start, end, kind: found.kind(), masked, number: None, verbatim: false });
        }
        let Some(first) = values.first() else { return };
        spliced.extend_from_slice(&self.view[copied..]);
        let masked_all = self.masker.mask_bytes(&self.view);
        if spliced[..] != masked_all[..] {
            // More than one round of masking: the whole record becomes its masked text. Text
            // it is: invalid UTF-8 is replaced first and the text masked (replacing it after
            // masking would move words and numbers apart or together, unsettling the masking).
            let text = String::from_utf8_lossy(&self.view);
            let masked = self.settled_under_decoding(self.masker.mask(&text).into_owned());
            let masked = match self.remasked_as_json(masked.as_bytes(), counts) {
                Some(again) => again,
                None => masked,
            };
            on(Value { start: 0, end: record.len(), kind: first.kind, masked, number: None, verbatim: true });
            return;
        }
        let kind = first.kind;
        let mut masked_text = Vec::with_capacity(record.len());
        let mut splice = Splice::new(record);
        values.iter().for_each(|value| splice.put(value, &mut masked_text));
        splice.finish(&mut masked_text);
        if let Some(masked) = self.remasked_as_json(&masked_text, counts) {
            on(Value { start: 0, end: record.len(), kind, masked, number: None, verbatim: true });
            return;
        }
        values.into_iter().for_each(on);
    }

    /// Text masked whole (decoded, then masked) is written as it is, so its own escapes
    /// may read as others (`\\4` as `\4`), and, read so, show a value the masked text did not
    /// (the context of a number changed): such text is decoded and masked again, until
    /// decoding changes nothing or shows nothing. Each round takes a layer of escapes off;
    /// after `MAX_ROUNDS`, every letter and digit left is masked (fail closed; found by the
    /// fuzzer, on a record with `\\\` before digits).
    fn settled_under_decoding(&self, mut masked: String) -> String {
        const MAX_ROUNDS: usize = 8;
        let mut decoded = Vec::new();
        for _ in 0..MAX_ROUNDS {
            decoded.clear();
            decode_into(masked.as_bytes(), &mut decoded);
            if decoded == masked.as_bytes() || self.masker.find_iter_bytes(&decoded).next().is_none() {
                return masked;
            }
            masked = self.masker.mask(&String::from_utf8_lossy(&decoded)).into_owned();
        }
        let mask_char = self.masker.config().mask_char;
        masked.chars().map(|c| if c.is_alphanumeric() { mask_char } else { c }).collect()
    }

    /// Masking a record as text may make it valid JSON (a value holding a control character
    /// or an invalid byte was masked or replaced away). Read as JSON, each field is read with
    /// its own key and can show a value the text did not: such a record is masked again as
    /// JSON, whole, so that masking it is settled (masking the output again changes nothing).
    /// `None` when the masked text is not JSON or shows nothing more.
    fn remasked_as_json(&mut self, masked_text: &[u8], counts: &mut MatchCounts) -> Option<String> {
        let (mut again, mut found) = (Vec::new(), MatchCounts::default());
        let mut resplice = Splice::new(masked_text);
        let parsed = self.values(masked_text, &mut found, |value| resplice.put(&value, &mut again));
        if parsed.is_err() || found.total() == 0 {
            return None;
        }
        resplice.finish(&mut again);
        counts.merge(&found);
        Some(String::from_utf8_lossy(&again).into_owned())
    }
}

/// Appends a token's decoded content to the lines (whose line began at `line_start`).
fn push_token(
    view: &mut Vec<u8>,
    segments: &mut Vec<Segment>,
    record: &[u8],
    token: Scalar,
    number: bool,
    line_start: usize,
) {
    let (start, end) = if number { (token.start, token.end) } else { (token.start + 1, token.end - 1) };
    let view_start = view.len();
    if token.escaped {
        decode_into(&record[start..end], view);
    } else {
        view.extend_from_slice(&record[start..end]);
    }
    segments.push(Segment {
        line_start,
        view_start,
        view_end: view.len(),
        raw: (start, end),
        escaped: token.escaped,
        number: number.then_some((token.start, token.end)),
    });
}

/// Appends a key as words: `customerPhone`, `customer_phone` → `customer Phone`,
/// `customer phone`, so key words inside it are whole words.
fn push_words(view: &mut Vec<u8>, key: &[u8]) {
    let mut previous = b' ';
    for &b in key {
        if matches!(b, b'_' | b'-' | b'.') {
            view.push(b' ');
        } else {
            if b.is_ascii_uppercase() && previous.is_ascii_lowercase() {
                view.push(b' ');
            }
            view.push(b);
        }
        previous = b;
    }
}

/// Searches the lines and reports the values of every token, in raw record offsets.
fn search(
    masker: &Masker,
    view: &[u8],
    segments: &[Segment],
    record: &[u8],
    counts: &mut MatchCounts,
    on: &mut impl FnMut(Value),
) {
    if view.is_empty() {
        return;
    }
    let mut line: Option<usize> = None;
    let mut matches: Vec<Match> = Vec::new();
    for found in masker.find_iter_bytes(view) {
        // The line holding the match: lines end where their segment ends.
        let index = segments.partition_point(|s| s.view_end <= found.start());
        if line.is_some_and(|l| l != index) {
            settle_line(masker, view, segments, line.unwrap_or_default(), &matches, record, counts, on);
            matches.clear();
        }
        line = Some(index);
        matches.push(found);
    }
    if let Some(index) = line {
        settle_line(masker, view, segments, index, &matches, record, counts, on);
    }
}

/// Reports the values of one line's token, given the line's matches. When masking the
/// whole line takes more than one round (a masked value made a new one readable, see
/// `Masker::mask`), the token's content is replaced whole by its fully masked form, so
/// the result is always what the core gives for the line.
#[allow(clippy::too_many_arguments)]
fn settle_line<'r>(
    masker: &Masker,
    view: &[u8],
    segments: &[Segment],
    index: usize,
    matches: &[Match],
    record: &'r [u8],
    counts: &mut MatchCounts,
    on: &mut impl FnMut(Value),
) {
    let Some(&segment) = segments.get(index) else { return };
    let in_token = |found: &&Match| found.end() > segment.view_start;
    let Some(first) = matches.iter().find(in_token) else { return };
    for found in matches.iter().filter(in_token) {
        counts.add(found.kind());
    }
    let line = &view[segment.line_start..segment.view_end];
    let masked_line = masker.mask_bytes(line);
    if !one_round(masker, line, segment.line_start, matches, &masked_line) {
        let prefix = &view[segment.line_start..segment.view_start];
        let masked = masked_line
            .strip_prefix(prefix)
            .and_then(|content| std::str::from_utf8(content).ok())
            .map_or_else(|| mask_whole(masker, &view[segment.view_start..segment.view_end]), str::to_string);
        let (start, end) = segment.raw;
        on(Value { start, end, kind: first.kind(), masked, number: segment.number, verbatim: false });
        return;
    }
    let mut offsets: Option<(usize, RawOffsets<'r>)> = None;
    for found in matches.iter().filter(in_token) {
        let (start, end) = (found.start(), found.end());
        let (from, to) = (start.max(segment.view_start), end.min(segment.view_end));
        let value_start = raw_offset(record, &segment, index, &mut offsets, from);
        let value_end = raw_offset(record, &segment, index, &mut offsets, to);
        let masked = if (from, to) == (start, end) {
            masked_value(masker, found.kind(), &view[start..end])
        } else {
            // A match reaching into the key words: the token's part is masked whole.
            mask_whole(masker, &view[from..to])
        };
        on(Value {
            start: value_start,
            end: value_end,
            kind: found.kind(),
            masked,
            number: segment.number,
            verbatim: false,
        });
    }
}

/// Every char of `text` as the mask character.
fn mask_whole(masker: &Masker, text: &[u8]) -> String {
    let mask_char = masker.config().mask_char;
    String::from_utf8_lossy(text).chars().map(|_| mask_char).collect()
}

/// The raw offset of lines offset `at` inside `segment` (the `index`th); `walk` keeps the
/// forward walk over the current escaped segment.
fn raw_offset<'r>(
    record: &'r [u8],
    segment: &Segment,
    index: usize,
    walk: &mut Option<(usize, RawOffsets<'r>)>,
    at: usize,
) -> usize {
    let (raw_start, raw_end) = segment.raw;
    if !segment.escaped {
        return raw_start + (at - segment.view_start);
    }
    if walk.as_ref().is_none_or(|(i, _)| *i != index) {
        *walk = Some((index, RawOffsets::new(&record[raw_start..raw_end])));
    }
    match walk {
        Some((_, offsets)) => raw_start + offsets.raw_offset(at - segment.view_start),
        None => raw_start,
    }
}

/// Writes a record with values spliced in; a number holding a value becomes a string.
struct Splice<'r> {
    record: &'r [u8],
    copied: usize,
    /// The end of the number token whose opening quote was written.
    open_number: Option<usize>,
}

impl<'r> Splice<'r> {
    fn new(record: &'r [u8]) -> Splice<'r> {
        Splice { record, copied: 0, open_number: None }
    }

    fn put(&mut self, value: &Value, out: &mut Vec<u8>) {
        self.close_number(value.start, out);
        if let Some((start, end)) = value.number
            && self.open_number.is_none()
        {
            out.extend_from_slice(&self.record[self.copied..start]);
            out.push(b'"');
            self.copied = start;
            self.open_number = Some(end);
        }
        out.extend_from_slice(&self.record[self.copied..value.start]);
        if value.verbatim {
            for &b in value.masked.as_bytes() {
                match b {
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(b),
                }
            }
        } else {
            escape_into(&value.masked, out);
        }
        self.copied = value.end;
    }

    /// Closes the open number's quote once writing has passed it.
    fn close_number(&mut self, at: usize, out: &mut Vec<u8>) {
        if let Some(end) = self.open_number
            && at >= end
        {
            out.extend_from_slice(&self.record[self.copied..end]);
            out.push(b'"');
            self.copied = end;
            self.open_number = None;
        }
    }

    fn finish(mut self, out: &mut Vec<u8>) {
        self.close_number(self.record.len(), out);
        out.extend_from_slice(&self.record[self.copied..]);
    }
}

/// Masks or scans one JSONL block (whole lines; `\n` or `\r\n` ends each record); masked
/// output goes into `out` (a cleared buffer, reused).
pub fn process(
    records: &mut RecordMasker,
    block: &Block,
    mode: Mode,
    strict: bool,
    out: Vec<u8>,
) -> Processed {
    let bytes = &block.bytes;
    let mut processed = Processed { out, ..Processed::default() };
    if mode == Mode::Mask {
        processed.out.reserve(bytes.len() + bytes.len() / 16);
    }
    let mut at = 0;
    let mut line = block.first_line;
    while at < bytes.len() {
        let next = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
        let mut end = next;
        if bytes[..end].ends_with(b"\n") {
            end -= 1;
            if end > at && bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        let mut record = &bytes[at..end];
        let out_before = processed.out.len();
        // A byte-order mark before the first record (RFC 8259 lets a parser ignore it) is
        // passed through; offsets stay those of the raw line.
        let bom = if line == 1 && at == 0 && record.starts_with(UTF8_BOM) { UTF8_BOM.len() } else { 0 };
        record = &record[bom..];
        let found_before = processed.findings.len();
        let parsed = match mode {
            Mode::Mask => {
                processed.out.extend_from_slice(&bytes[at..at + bom]);
                match records.mask_record(record, &mut processed.out, &mut processed.counts) {
                    Outcome::Malformed(error) => Err(error),
                    Outcome::Unchanged | Outcome::Masked => Ok(()),
                }
            }
            Mode::Scan => records.scan_record(record, line, &mut processed.findings, &mut processed.counts),
        };
        for finding in &mut processed.findings[found_before..] {
            finding.start += bom;
            finding.end += bom;
        }
        let parsed = parsed.map_err(|error| RecordError { offset: error.offset + bom, ..error });
        processed.records += 1;
        if let Err(error) = parsed {
            if strict {
                // Nothing of the broken record is kept, masked or not.
                processed.out.truncate(out_before);
                processed.stopped = Some((line, error));
                return processed;
            }
            processed.malformed.push((line, error));
        }
        if mode == Mode::Mask {
            processed.out.extend_from_slice(&bytes[end..next]);
        }
        at = next;
        line += 1;
    }
    processed.fields_seen = records.fields_seen().to_vec();
    processed
}

/// Tracks where the lexer is in the record: the key each value belongs to, and whether
/// `--field` selects it.
struct Path<'f> {
    fields: &'f [FieldPath],
    /// Per field path: whether it has named a field (set as keys are read).
    seen: &'f mut [bool],
    /// Per open container: the key that leads to it (its raw span), how many decoded key
    /// segments lead to it, and whether it lies inside a selected field.
    frames: Vec<(Option<Scalar>, usize, bool)>,
    /// The decoded key segments from the root (only with `--field`).
    keys: Vec<String>,
    /// The key just read in the innermost object, waiting for its value.
    pending_key: Option<Scalar>,
    pending_name: Option<String>,
}

impl<'f> Path<'f> {
    fn new(fields: &'f [FieldPath], seen: &'f mut [bool]) -> Path<'f> {
        Path { fields, seen, frames: Vec::new(), keys: Vec::new(), pending_key: None, pending_name: None }
    }

    fn tracking(&self) -> bool {
        !self.fields.is_empty()
    }

    /// The key of the value at the current position: the pending key in an object, the
    /// array's own key in an array.
    fn nearest_key(&self) -> Option<Scalar> {
        self.pending_key.or_else(|| self.frames.last().and_then(|frame| frame.0))
    }

    /// Whether a key or value at the current position lies inside a selected field.
    fn inside_selection(&self) -> bool {
        !self.tracking() || self.frames.last().is_some_and(|frame| frame.2)
    }

    /// Whether the scalar value at the current position is selected; consumes its key.
    fn value_selected(&mut self) -> bool {
        // Matched even inside a selection, so that `a.b` given with `a` counts as seen.
        let selected = !self.tracking() || self.matches_with_pending() || self.inside_selection();
        self.pending_key = None;
        self.pending_name = None;
        selected
    }

    /// Whether a field path names the value (or container) at the current position: the
    /// keys from the root, and the pending key in an object. Marks every such path seen.
    fn matches_with_pending(&mut self) -> bool {
        let (keys, pending) = (&self.keys, self.pending_name.as_deref());
        let names = |field: &FieldPath| match pending {
            None => field.segments[..] == keys[..],
            Some(key) => {
                let segments = &field.segments;
                segments.len() == keys.len() + 1
                    && segments[..keys.len()] == keys[..]
                    && segments[keys.len()] == key
            }
        };
        let mut any = false;
        for (field, seen) in self.fields.iter().zip(self.seen.iter_mut()) {
            if names(field) {
                *seen = true;
                any = true;
            }
        }
        any
    }

    fn set_key(&mut self, record: &[u8], key: Scalar) {
        self.pending_key = Some(key);
        if self.tracking() {
            let mut decoded = Vec::new();
            decode_into(&record[key.start + 1..key.end - 1], &mut decoded);
            self.pending_name = Some(String::from_utf8_lossy(&decoded).into_owned());
        }
    }

    fn enter(&mut self, _object: bool) {
        let selected = (self.tracking() && self.matches_with_pending()) || self.inside_selection();
        let key = self.nearest_key();
        if let Some(name) = self.pending_name.take() {
            self.keys.push(name);
        }
        self.pending_key = None;
        self.frames.push((key, self.keys.len(), selected));
    }

    fn leave(&mut self) {
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
        let outcome = masker.mask_record(record.as_bytes(), &mut out, &mut MatchCounts::default());
        (String::from_utf8(out).unwrap(), outcome)
    }

    #[test]
    fn a_field_path_is_seen_when_it_names_a_value_or_container_even_inside_another() {
        let fields = ["a", "a.b", "a.b.c", "list.x", "a.missing", "list"];
        let parsed = fields.iter().map(|f| FieldPath::parse(f).unwrap()).collect();
        let mut masker = RecordMasker::new(Masker::default(), parsed);
        let record = br#"{"a":{"b":{"c":[1,2]}},"list":[{"x":null},{"y":"z"}]}"#;
        masker.mask_record(record, &mut Vec::new(), &mut MatchCounts::default());
        assert_eq!(masker.fields_seen(), [true, true, true, true, false, true]);
    }

    #[test]
    fn field_paths_take_brackets_only_as_a_trailing_pair() {
        for good in ["a", "a.b", "messages[].text", "grid[][]"] {
            assert!(FieldPath::parse(good).is_ok(), "{good}");
        }
        for bad in ["a[", "a[]]", "a[0]", "a]", "a..b", ".a", "a[].", "[]"] {
            assert!(FieldPath::parse(bad).is_err(), "{bad}");
        }
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
    fn each_field_is_read_as_its_own_line_with_its_key() {
        // Another field's words give no context: `order` does not make the number an
        // order number; a key in camel case is read as words.
        assert_eq!(
            mask(r#"{"type":"order","customerPhone":"07966 197542"}"#, &[]).0,
            r#"{"type":"order","customerPhone":"*******7542"}"#
        );
        assert_eq!(mask(r#"["order","07966 197542"]"#, &[]).0, r#"["order","*******7542"]"#);
        // A value in an array takes the array's key.
        assert_eq!(mask(r#"{"phones":[5551234567]}"#, &[]).0, r#"{"phones":["******4567"]}"#);
    }

    #[test]
    fn values_that_masking_reveals_are_masked_too() {
        // Masking the card unglues the address from the digits: the core masks it in a
        // second round, and so does the record masker.
        let masker = Masker::default();
        let text = "melissa@gmail.com4111 1111 1111 1111";
        let expected = masker.mask(text).into_owned();
        assert!(expected.starts_with("m******@gmail.com"), "{expected}");
        assert_eq!(mask(&format!(r#"{{"t":"{text}"}}"#), &[]).0, format!(r#"{{"t":"{expected}"}}"#));
        // In a broken record as well.
        let (out, outcome) = mask(&format!(r#"{{"t":"{text}""#), &[]);
        assert!(matches!(outcome, Outcome::Malformed(_)));
        assert_eq!(out, format!(r#"{{"t":"{expected}""#));
    }

    #[test]
    fn blank_records_pass() {
        assert_eq!(mask("  ", &[]), ("  ".to_string(), Outcome::Unchanged));
    }
}

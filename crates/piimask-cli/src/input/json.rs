//! A small pull lexer and validator for one JSON value (one JSONL record) that reports the
//! byte span of every key, string, number and literal, so values can be masked in place
//! without re-serialising the record. No recursion: nesting depth costs only stack memory
//! of one byte per level.

/// One lexical event, with byte offsets into the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// `{`
    BeginObject,
    /// `}`
    EndObject,
    /// `[`
    BeginArray,
    /// `]`
    EndArray,
    /// An object key (span includes the quotes).
    Key(Scalar),
    /// A string value (span includes the quotes).
    String(Scalar),
    /// A number.
    Number(Scalar),
    /// `true`, `false` or `null`.
    Literal(Scalar),
}

/// Where a scalar token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scalar {
    pub start: usize,
    pub end: usize,
    /// Whether a string holds escapes (`\n`, `\u0034`, ...).
    pub escaped: bool,
}

pub use super::RecordError as SyntaxError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Value,
    FirstKeyOrEnd,
    Key,
    Colon,
    CommaOrEnd,
    FirstValueOrEnd,
    Done,
}

/// Lexes one JSON value, validating it completely (RFC 8259; the input must be UTF-8).
#[derive(Debug)]
pub struct Lexer<'a> {
    input: &'a [u8],
    pos: usize,
    state: State,
    /// Open containers: `b'{'` or `b'['`.
    stack: Vec<u8>,
}

impl<'a> Lexer<'a> {
    /// A lexer over one record (without its line terminator).
    pub fn new(input: &'a [u8]) -> Lexer<'a> {
        Lexer { input, pos: 0, state: State::Value, stack: Vec::new() }
    }

    /// The next event; `Ok(None)` at the end of a complete value.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Event>, SyntaxError> {
        self.skip_whitespace();
        let Some(&b) = self.input.get(self.pos) else {
            return if self.state == State::Done {
                Ok(None)
            } else {
                Err(self.error("unexpected end of record"))
            };
        };
        match self.state {
            State::Done => Err(self.error("trailing characters after the value")),
            State::Value => self.value(b).map(Some),
            State::FirstValueOrEnd => {
                if b == b']' {
                    self.close(b']').map(Some)
                } else {
                    self.value(b).map(Some)
                }
            }
            State::FirstKeyOrEnd | State::Key => {
                if b == b'}' && self.state == State::FirstKeyOrEnd {
                    return self.close(b'}').map(Some);
                }
                if b != b'"' {
                    return Err(self.error("expected an object key"));
                }
                let key = self.string()?;
                self.state = State::Colon;
                Ok(Some(Event::Key(key)))
            }
            State::Colon => {
                if b != b':' {
                    return Err(self.error("expected ':'"));
                }
                self.pos += 1;
                self.state = State::Value;
                self.next()
            }
            State::CommaOrEnd => match b {
                b',' => {
                    self.pos += 1;
                    self.state = if self.stack.last() == Some(&b'{') { State::Key } else { State::Value };
                    self.next()
                }
                b'}' | b']' => self.close(b).map(Some),
                _ => Err(self.error("expected ',' or the end of the container")),
            },
        }
    }

    fn value(&mut self, b: u8) -> Result<Event, SyntaxError> {
        let event = match b {
            b'{' => {
                self.pos += 1;
                self.stack.push(b'{');
                self.state = State::FirstKeyOrEnd;
                return Ok(Event::BeginObject);
            }
            b'[' => {
                self.pos += 1;
                self.stack.push(b'[');
                self.state = State::FirstValueOrEnd;
                return Ok(Event::BeginArray);
            }
            b'"' => Event::String(self.string()?),
            b'-' | b'0'..=b'9' => Event::Number(self.number()?),
            b't' | b'f' | b'n' => Event::Literal(self.literal()?),
            _ => return Err(self.error("expected a value")),
        };
        self.after_value();
        Ok(event)
    }

    fn close(&mut self, b: u8) -> Result<Event, SyntaxError> {
        let expected = if b == b'}' { b'{' } else { b'[' };
        if self.stack.last() != Some(&expected) {
            return Err(self.error("mismatched closing bracket"));
        }
        self.stack.pop();
        self.pos += 1;
        self.after_value();
        Ok(if b == b'}' { Event::EndObject } else { Event::EndArray })
    }

    fn after_value(&mut self) {
        self.state = if self.stack.is_empty() { State::Done } else { State::CommaOrEnd };
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.input.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError { offset: self.pos, what }
    }

    fn string(&mut self) -> Result<Scalar, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut escaped = false;
        loop {
            // Jump to the next quote or backslash; what lies between must hold no control
            // character (a check the compiler vectorises).
            let rest = &self.input[self.pos..];
            let stop = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
            if let Some(control) = rest[..stop].iter().position(|&b| b < 0x20) {
                self.pos += control;
                return Err(self.error("control character in string"));
            }
            self.pos += stop;
            let Some(&b) = self.input.get(self.pos) else {
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(Scalar { start, end: self.pos, escaped });
                }
                b'\\' => {
                    escaped = true;
                    match escape_at(self.input, self.pos) {
                        Some((_, len)) => self.pos += len,
                        None => return Err(self.error("invalid escape")),
                    }
                }
                0x00..=0x1F => return Err(self.error("control character in string")),
                _ => self.pos += 1,
            }
        }
    }

    fn number(&mut self) -> Result<Scalar, SyntaxError> {
        let start = self.pos;
        let digits = |lexer: &mut Lexer<'_>| {
            let from = lexer.pos;
            while lexer.input.get(lexer.pos).is_some_and(u8::is_ascii_digit) {
                lexer.pos += 1;
            }
            lexer.pos - from
        };
        if self.input.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.input.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error("invalid number")),
        }
        if self.input.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.input.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.input.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        // As serde_json does: a number too large for an f64 is out of range (`3e310728911537`).
        // (Only long numbers or exponents can be; the text is ASCII digits and signs.)
        let text = &self.input[start..self.pos];
        if (text.len() > 308 || text.iter().any(|&b| matches!(b, b'e' | b'E')))
            && std::str::from_utf8(text).ok().and_then(|t| t.parse::<f64>().ok()).is_none_or(f64::is_infinite)
        {
            return Err(self.error("number out of range"));
        }
        Ok(Scalar { start, end: self.pos, escaped: false })
    }

    fn literal(&mut self) -> Result<Scalar, SyntaxError> {
        let start = self.pos;
        for word in [&b"true"[..], b"false", b"null"] {
            if self.input[self.pos..].starts_with(word) {
                self.pos += word.len();
                return Ok(Scalar { start, end: self.pos, escaped: false });
            }
        }
        Err(self.error("invalid literal"))
    }
}

/// Decodes the escape starting at `at` (a backslash): the char it stands for and the
/// escape's length in bytes. Surrogate pairs (`\ud83d\ude00`) decode to one char; lone
/// surrogates and unknown escapes are `None`.
pub fn escape_at(input: &[u8], at: usize) -> Option<(char, usize)> {
    let c = match *input.get(at + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let high = hex4(input, at + 2)?;
            if (0xD800..0xDC00).contains(&high) {
                if input.get(at + 6..at + 8) != Some(b"\\u") {
                    return None;
                }
                let low = hex4(input, at + 8)?;
                if !(0xDC00..0xE000).contains(&low) {
                    return None;
                }
                let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
                return Some((c, 12));
            }
            return char::from_u32(high).map(|c| (c, 6));
        }
        _ => return None,
    };
    Some((c, 2))
}

fn hex4(input: &[u8], at: usize) -> Option<u32> {
    let digits = input.get(at..at + 4)?;
    digits.iter().try_fold(0u32, |acc, &b| Some(acc * 16 + (b as char).to_digit(16)?))
}

/// Appends `text` as the inside of a JSON string (quotes, backslashes and control
/// characters escaped).
pub fn escape_into(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c if (c as u32) < 0x20 => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// Appends `raw` to `decoded` with its escapes decoded (invalid escapes are copied as they
/// are). [`RawOffsets`] maps offsets in the result back to `raw`.
pub fn decode_into(raw: &[u8], decoded: &mut Vec<u8>) {
    let mut pos = 0;
    while let Some(backslash) = memchr::memchr(b'\\', &raw[pos..]) {
        decoded.extend_from_slice(&raw[pos..pos + backslash]);
        pos += backslash;
        match escape_at(raw, pos) {
            Some((c, len)) => {
                let mut buf = [0u8; 4];
                decoded.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                pos += len;
            }
            None => {
                decoded.push(b'\\');
                pos += 1;
            }
        }
    }
    decoded.extend_from_slice(&raw[pos..]);
}

/// Maps offsets in the decoded form of a raw record ([`decode_into`]) back to raw offsets,
/// walking forward: queries must not decrease. Memory is constant, and the whole walk over
/// a record is linear.
#[derive(Debug)]
pub struct RawOffsets<'a> {
    raw: &'a [u8],
    raw_pos: usize,
    decoded_pos: usize,
}

impl<'a> RawOffsets<'a> {
    /// A walk from the start of `raw`.
    pub fn new(raw: &'a [u8]) -> RawOffsets<'a> {
        RawOffsets { raw, raw_pos: 0, decoded_pos: 0 }
    }

    /// The raw offset of decoded offset `at` (an offset inside a char decoded from an
    /// escape maps to the escape's start).
    pub fn raw_offset(&mut self, at: usize) -> usize {
        while self.decoded_pos < at && self.raw_pos < self.raw.len() {
            let gap = at - self.decoded_pos;
            let plain =
                memchr::memchr(b'\\', &self.raw[self.raw_pos..]).unwrap_or(self.raw.len() - self.raw_pos);
            if plain >= gap {
                self.raw_pos += gap;
                self.decoded_pos = at;
                break;
            }
            self.raw_pos += plain;
            self.decoded_pos += plain;
            let (decoded_len, raw_len) = match escape_at(self.raw, self.raw_pos) {
                Some((c, len)) => (c.len_utf8(), len),
                None => (1, 1),
            };
            if self.decoded_pos + decoded_len > at {
                break;
            }
            self.decoded_pos += decoded_len;
            self.raw_pos += raw_len;
        }
        self.raw_pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(input: &str) -> Result<Vec<Event>, SyntaxError> {
        let mut lexer = Lexer::new(input.as_bytes());
        let mut out = Vec::new();
        while let Some(event) = lexer.next()? {
            out.push(event);
        }
        Ok(out)
    }

    #[test]
    fn lexes_nested_records_with_spans() {
        let input = r#"{"a":[1,-2.5e3,"x\n"],"b":{"c":null}}"#;
        let events = events(input).unwrap();
        assert_eq!(events.len(), 13);
        let Event::String(s) = events[5] else { panic!("{events:?}") };
        assert_eq!(&input[s.start..s.end], r#""x\n""#);
        assert!(s.escaped);
        let Event::Number(n) = events[4] else { panic!() };
        assert_eq!(&input[n.start..n.end], "-2.5e3");
    }

    #[test]
    fn rejects_invalid_records_with_offsets() {
        for (input, offset) in [
            ("{\"a\":1", 6),
            ("{\"a\" 1}", 5),
            ("[1,]", 3),
            ("01", 1),
            ("\"\\ud800\"", 1),
            ("\"a\u{1}\"", 2),
            ("{}}", 2),
            ("tru", 0),
            ("[1 2]", 3),
        ] {
            let err = events(input).unwrap_err();
            assert_eq!(err.offset, offset, "{input:?}: {err}");
        }
    }

    #[test]
    fn decodes_escapes_and_maps_offsets_back() {
        let raw = br#"a\u0034\ud83d\ude00\n\x"#;
        let mut decoded = Vec::new();
        decode_into(raw, &mut decoded);
        assert_eq!(std::str::from_utf8(&decoded).unwrap(), "a4😀\n\\x");
        let mut offsets = RawOffsets::new(raw);
        let raw_of: Vec<usize> = (0..=decoded.len()).map(|at| offsets.raw_offset(at)).collect();
        assert_eq!(raw_of, [0, 1, 7, 7, 7, 7, 19, 21, 22, 23]);
    }

    #[test]
    fn escapes_for_json() {
        let mut out = Vec::new();
        escape_into("a\"b\\c\u{1}", &mut out);
        assert_eq!(out, br#"a\"b\\c\u0001"#);
    }
}

//! The two-stage scanner. Stage 1 ([`Level`]) finds anchors: bytes that may start a digit,
//! and `@`. Stage 2 reads the chunk of digit groups (or the address) at each anchor and runs
//! the exact validators; the resolver merges what they find into non-overlapping matches.

pub(crate) mod chars;
pub(crate) mod chunk;
mod classify;
mod resolve;

pub use classify::Level;
pub(crate) use resolve::Resolver;

use crate::kind::{Kind, KindSet};
use crate::validate::context::{ContextProbe, KeyCursor, KeyWords};
use crate::validate::email::MaskedForm;
use crate::validate::{card, email, iban, phone, ssn};
use chars::{Class, classify};
use chunk::{Chunk, LOOKAHEAD};

/// A validated candidate before overlap resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Candidate {
    pub(crate) fn new(start: usize, end: usize, kind: Kind) -> Candidate {
        Candidate { start, end, kind }
    }
}

/// Everything the scanner needs from a built masker; immutable and shared.
#[derive(Debug, Clone)]
pub(crate) struct Detector {
    pub kinds: KindSet,
    pub level: Level,
    pub email_masked: MaskedForm,
    words: &'static KeyWords,
    /// Fewest digits any enabled digit kind can match (`usize::MAX` when none is enabled).
    min_digits: usize,
}

impl Detector {
    pub(crate) fn new(kinds: KindSet, level: Level, email_masked: MaskedForm) -> Detector {
        let min_digits = if kinds.contains(Kind::Phone) {
            7
        } else if kinds.contains(Kind::Ssn) {
            9
        } else if kinds.contains(Kind::Card) {
            12
        } else {
            usize::MAX
        };
        Detector { kinds, level, email_masked, words: KeyWords::shared(), min_digits }
    }
}

/// Fast path for the most common digits in chat (`21/11`, `10:30`, `49,99`): a chunk of
/// plain ASCII digits and single ASCII separators holding fewer digits than any kind needs,
/// with nothing before it that could make it part of an IBAN or a phone prefix. Returns the
/// chunk's end (exactly where the full reader would end it), or `None` when the full
/// reader must look (anything unusual, or enough digits).
#[inline]
fn short_plain_chunk(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
    let before = if anchor > 0 { hay[anchor - 1] } else { b' ' };
    if before.is_ascii_alphanumeric() || matches!(before, b'(' | b'+' | b'-' | b'/' | b'.') || before >= 0x80
    {
        return None;
    }
    if before == b' ' && anchor >= 2 && (hay[anchor - 2].is_ascii_uppercase() || hay[anchor - 2] >= 0x80) {
        return None;
    }
    let mut i = anchor;
    let mut digits = 0;
    loop {
        while i < hay.len() && hay[i].is_ascii_digit() {
            digits += 1;
            i += 1;
        }
        if digits >= min_digits {
            return None;
        }
        let Some(&b) = hay.get(i) else { return Some(i) };
        match b {
            b' ' | b'\t' | b'-' | b'.' | b'/' => match hay.get(i + 1) {
                Some(next) if next.is_ascii_digit() => i += 1,
                Some(b' ' | b'\t' | b'-' | b'/' | b'(') => return None,
                Some(next) if *next >= 0x80 => return None,
                _ => return Some(i),
            },
            b'(' | b')' => return None,
            _ if b >= 0x80 => return None,
            _ => return Some(i),
        }
    }
}

impl Detector {
    /// Whether `text` holds a phone or SSN key word (which can make a bare number a value).
    pub(crate) fn has_context_words(&self, text: &[u8]) -> bool {
        self.words.has_context_word(text)
    }
}

/// Walks a haystack anchor by anchor, pushing validated candidates.
#[derive(Debug)]
pub(crate) struct Scanner<'d, 'h> {
    detector: &'d Detector,
    hay: &'h [u8],
    /// Every anchor before this offset has been handled.
    pos: usize,
    /// The span of the last known non-IBAN (an IBAN shape whose check fails).
    veto: Option<(usize, usize)>,
    /// The key words found so far.
    keys: KeyCursor,
    /// The chunk reader, reused from one chunk to the next.
    chunk: Chunk<'h>,
}

impl<'d, 'h> Scanner<'d, 'h> {
    pub(crate) fn new(detector: &'d Detector, hay: &'h [u8]) -> Scanner<'d, 'h> {
        Scanner { detector, hay, pos: 0, veto: None, keys: KeyCursor::default(), chunk: Chunk::over(hay) }
    }

    /// Offset up to which the haystack has been scanned.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    pub(crate) fn haystack(&self) -> &'h [u8] {
        self.hay
    }

    /// Handles the next anchor, pushing any candidates into `out`. Returns `false` once the
    /// whole haystack has been scanned.
    pub(crate) fn step(&mut self, out: &mut Vec<Candidate>) -> bool {
        let hay = self.hay;
        let detector = self.detector;
        let anchor = detector.level.next_anchor(hay, self.pos);
        if anchor >= hay.len() {
            self.pos = hay.len();
            return false;
        }
        if hay[anchor] == b'@' {
            self.pos = anchor + 1;
            if detector.kinds.contains(Kind::Email)
                && let Some((start, end)) = email::find(hay, anchor, detector.email_masked)
            {
                out.push(Candidate::new(start, end, Kind::Email));
            }
            return true;
        }
        if let Some(end) = short_plain_chunk(hay, anchor, detector.min_digits) {
            self.pos = end;
            return true;
        }
        let (class, len) = classify(hay, anchor);
        if !matches!(class, Class::Digit(_)) {
            self.pos = anchor + 1;
            return true;
        }
        // An IBAN-shaped value is never read as other kinds: a valid IBAN is reported when
        // IBANs are enabled, and otherwise (or when its check fails) its span is vetoed.
        match iban::find(hay, anchor) {
            Some(iban::Found::Iban(start, end)) if detector.kinds.contains(Kind::Iban) => {
                out.push(Candidate::new(start, end, Kind::Iban));
            }
            Some(iban::Found::Iban(start, end) | iban::Found::NotIban(start, end)) => {
                self.veto = Some((start, end));
            }
            None => {}
        }
        self.pos = self.scan_chunk(anchor, out).max(anchor + len);
        true
    }

    /// Reads the chunk at `anchor` and validates every start group; returns the chunk end.
    fn scan_chunk(&mut self, anchor: usize, out: &mut Vec<Candidate>) -> usize {
        let detector = self.detector;
        let kinds = detector.kinds;
        let chunk = &mut self.chunk;
        chunk.begin(anchor);
        loop {
            chunk.fill();
            let loaded = chunk.groups().len();
            let ready = if chunk.complete { loaded } else { loaded - LOOKAHEAD };
            let worth = !(chunk.complete && chunk.total_digits < detector.min_digits);
            if worth {
                let mut context =
                    ContextProbe::new(self.hay, detector.words, &mut self.keys, (chunk.start, chunk.end()));
                // Digits from each start group to the end of the window: a start with too few
                // left for a kind is skipped for that kind (a 7-digit chunk holds no card).
                let mut remaining = chunk.groups().iter().map(|g| g.len).sum::<usize>();
                for s in 0..ready {
                    if kinds.contains(Kind::Card) && remaining >= 12 {
                        card::candidates(chunk, s, &mut context, self.veto, out);
                    }
                    if kinds.contains(Kind::Ssn) && remaining >= 9 {
                        ssn::candidates(chunk, s, &mut context, self.veto, out);
                    }
                    if kinds.contains(Kind::Phone) && remaining >= 7 {
                        phone::candidates(chunk, s, &mut context, self.veto, out);
                    }
                    remaining -= chunk.groups()[s].len;
                }
            }
            if chunk.complete {
                return chunk.end();
            }
            chunk.drop_front(ready);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whenever the fast path decides, it ends the chunk exactly where the full reader
        /// does, and the full reader finds too few digits for any kind there.
        #[test]
        fn fast_path_agrees_with_the_chunk_reader(text in "[ab +(@]?[0-9]{1,4}([ ./\t-][0-9]{1,3}){0,3}[ ,.:/x-]?[0-9a-z]?") {
            let hay = text.as_bytes();
            let Some(anchor) = hay.iter().position(u8::is_ascii_digit) else { return Ok(()) };
            if let Some(end) = short_plain_chunk(hay, anchor, 7) {
                let mut chunk = Chunk::new(hay, anchor);
                chunk.fill();
                prop_assert!(chunk.complete);
                prop_assert_eq!(chunk.end(), end, "{:?}", text);
                prop_assert!(chunk.total_digits < 7);
            }
        }
    }
}

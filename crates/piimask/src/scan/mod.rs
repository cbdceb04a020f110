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
use crate::validate::context::{ContextProbe, Hit, KeyWords};
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
    words: KeyWords,
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
        Detector { kinds, level, email_masked, words: KeyWords::new(), min_digits }
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
    /// Reused buffer for the key words near a chunk.
    hits: Vec<Hit>,
}

impl<'d, 'h> Scanner<'d, 'h> {
    pub(crate) fn new(detector: &'d Detector, hay: &'h [u8]) -> Scanner<'d, 'h> {
        Scanner { detector, hay, pos: 0, veto: None, hits: Vec::new() }
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
        let mut chunk = Chunk::new(self.hay, anchor);
        loop {
            chunk.fill();
            let loaded = chunk.groups().len();
            let ready = if chunk.complete { loaded } else { loaded - LOOKAHEAD };
            let worth = !(chunk.complete && chunk.total_digits < detector.min_digits);
            if worth {
                let mut context =
                    ContextProbe::new(self.hay, &detector.words, &mut self.hits, (chunk.start, chunk.end()));
                for s in 0..ready {
                    if kinds.contains(Kind::Card) {
                        card::candidates(&chunk, s, &mut context, self.veto, out);
                    }
                    if kinds.contains(Kind::Ssn) {
                        ssn::candidates(&chunk, s, &mut context, self.veto, out);
                    }
                    if kinds.contains(Kind::Phone) {
                        phone::candidates(&chunk, s, &mut context, self.veto, out);
                    }
                }
            }
            if chunk.complete {
                return chunk.end();
            }
            chunk.drop_front(ready);
        }
    }
}

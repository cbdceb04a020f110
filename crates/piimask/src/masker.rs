//! The [`Masker`]: an immutable, thread-safe, cheaply cloned engine built once from a
//! configuration, that finds sensitive values and writes masked text.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::sync::Arc;

use crate::config::{MaskerBuilder, MaskerConfig};
use crate::error::ConfigError;
use crate::kind::Kind;
use crate::mask::{MaskRule, Sink, render};
use crate::scan::chars::{Class, char_at, char_before, classify};
use crate::scan::{Candidate, Detector, Level, Resolver, Scanner};
use crate::span::Match;
use crate::validate::email::MaskedForm;

/// Finds and masks card numbers, IBANs, SSNs, emails and phone numbers.
///
/// A `Masker` is immutable, `Send + Sync` and cheap to clone (clones share one engine):
/// build it once and use it from any number of threads.
///
/// # Example
/// ```
/// use piimask::{Kind, Masker};
/// let masker = Masker::default();
/// assert_eq!(
///     masker.mask("Call me on +447966197542 or melissa@gmail.com"),
///     "Call me on *********7542 or m******@gmail.com"
/// );
/// let kinds: Vec<Kind> = masker.find_iter("IBAN DE89 3704 0044 0532 0130 00").map(|m| m.kind()).collect();
/// assert_eq!(kinds, [Kind::Iban]);
/// ```
#[derive(Clone, Debug)]
pub struct Masker {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: MaskerConfig,
    rules: [MaskRule; 5],
    detector: Detector,
}

impl Default for Masker {
    /// All five kinds with their default styles.
    fn default() -> Masker {
        let config = MaskerConfig::default();
        let rules =
            config.validate().unwrap_or_else(|err| unreachable!("the default configuration is valid: {err}"));
        Masker::from_parts(config, rules, Level::detect())
    }
}

impl Masker {
    /// A builder for a masker with non-default options.
    pub fn builder() -> MaskerBuilder {
        MaskerBuilder::new()
    }

    /// Validates `config` and builds a masker from it.
    ///
    /// # Example
    /// ```
    /// use piimask::{Masker, MaskerConfig};
    /// let masker = Masker::new(MaskerConfig::parse(r#"{"kinds": ["email"]}"#)?)?;
    /// assert_eq!(masker.mask("x@example.com 4111111111111111"), "*@example.com 4111111111111111");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn new(config: MaskerConfig) -> Result<Masker, ConfigError> {
        config.build()
    }

    pub(crate) fn from_parts(config: MaskerConfig, rules: [MaskRule; 5], level: Level) -> Masker {
        let email = rules[Kind::Email.index()];
        let masked_email =
            MaskedForm { mask_char: email.mask_char, kept: email.keep_head.saturating_add(email.keep_tail) };
        let detector = Detector::new(config.kinds, level, masked_email);
        Masker { inner: Arc::new(Inner { config, rules, detector }) }
    }

    /// The configuration this masker was built from.
    pub fn config(&self) -> &MaskerConfig {
        &self.inner.config
    }

    /// The stage-1 classifier level in use.
    pub fn level(&self) -> Level {
        self.inner.detector.level
    }

    /// Iterates over the sensitive values in `text`, left to right, never overlapping.
    /// Offsets are bytes; see [`offsets`](crate::offsets) for code points and UTF-16.
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, Masker};
    /// let text = "tel 06 12 34 56 78, card 4111-1111-1111-1111";
    /// let found: Vec<_> = Masker::default().find_iter(text).map(|m| (m.kind(), &text[m.range()])).collect();
    /// assert_eq!(found, [(Kind::Phone, "06 12 34 56 78"), (Kind::Card, "4111-1111-1111-1111")]);
    /// ```
    pub fn find_iter<'m, 'h>(&'m self, text: &'h str) -> FindIter<'m, 'h> {
        self.find_iter_bytes(text.as_bytes())
    }

    /// Like [`find_iter`](Masker::find_iter), over bytes that need not be UTF-8 (invalid
    /// sequences belong to no value).
    pub fn find_iter_bytes<'m, 'h>(&'m self, bytes: &'h [u8]) -> FindIter<'m, 'h> {
        FindIter {
            scanner: Scanner::new(&self.inner.detector, bytes),
            resolver: Resolver::default(),
            found: Vec::new(),
            done: false,
        }
    }

    /// Whether `text` holds any sensitive value.
    ///
    /// # Example
    /// ```
    /// let masker = piimask::Masker::default();
    /// assert!(masker.is_match("SSN 123-45-6789"));
    /// assert!(!masker.is_match("order 2026-11-21 at 10:30, 49,99 €"));
    /// ```
    pub fn is_match(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }

    /// Masks `text`; borrows it unchanged (no allocation) when there is nothing to mask.
    ///
    /// # Example
    /// ```
    /// use std::borrow::Cow;
    /// let masker = piimask::Masker::default();
    /// assert!(matches!(masker.mask("nothing here"), Cow::Borrowed(_)));
    /// assert_eq!(masker.mask("+ 1 (123) 456 7890"), "**********7890");
    /// ```
    pub fn mask<'h>(&self, text: &'h str) -> Cow<'h, str> {
        match self.mask_bytes(text.as_bytes()) {
            Cow::Borrowed(_) => Cow::Borrowed(text),
            Cow::Owned(bytes) => Cow::Owned(into_string(bytes)),
        }
    }

    /// Masks `text` into `out`, replacing its contents; reuse `out` across calls to mask
    /// without allocating once it has grown.
    ///
    /// # Example
    /// ```
    /// let masker = piimask::Masker::default();
    /// let mut out = String::new();
    /// for message in ["hi", "card 4111 1111 1111 1111"] {
    ///     masker.mask_into(message, &mut out);
    /// }
    /// assert_eq!(out, "card ************1111");
    /// ```
    pub fn mask_into(&self, text: &str, out: &mut String) {
        let mut buffer = std::mem::take(out).into_bytes();
        self.mask_bytes_into(text.as_bytes(), &mut buffer);
        *out = into_string(buffer);
    }

    /// Masks raw bytes: valid UTF-8 is masked as text, invalid sequences pass through
    /// untouched. Borrows the input when there is nothing to mask.
    ///
    /// # Example
    /// ```
    /// let masker = piimask::Masker::default();
    /// let out = masker.mask_bytes(b"\xff card 4111111111111111 \xfe");
    /// assert_eq!(&out[..], b"\xff card ************1111 \xfe");
    /// ```
    pub fn mask_bytes<'h>(&self, bytes: &'h [u8]) -> Cow<'h, [u8]> {
        let mut matches = self.find_iter_bytes(bytes);
        let Some(first) = matches.next() else {
            return Cow::Borrowed(bytes);
        };
        let mut out = Vec::with_capacity(bytes.len() + 8);
        let touching = self.write_masked(bytes, std::iter::once(first).chain(matches), &mut out);
        self.settle(&mut out, touching);
        Cow::Owned(out)
    }

    /// Masks raw bytes into `out`, replacing its contents.
    pub fn mask_bytes_into(&self, bytes: &[u8], out: &mut Vec<u8>) {
        out.clear();
        let touching = self.write_masked(bytes, self.find_iter_bytes(bytes), out);
        self.settle(out, touching);
    }

    /// The masked form of one match found in `text` (what [`mask`](Masker::mask) writes in
    /// its place).
    ///
    /// # Example
    /// ```
    /// let masker = piimask::Masker::default();
    /// let text = "call +447966197542";
    /// let found = masker.find_iter(text).next().unwrap();
    /// assert_eq!(masker.mask_match(text, &found), "*********7542");
    /// ```
    pub fn mask_match(&self, text: &str, found: &Match) -> String {
        let mut out = String::new();
        if let Some(value) = text.get(found.range()) {
            render(self.rule(found.kind()), found.kind(), value, &mut out);
        }
        out
    }

    fn rule(&self, kind: Kind) -> &MaskRule {
        &self.inner.rules[kind.index()]
    }

    /// Appends `hay` with `matches` masked to `out`; returns where (in `out`) the masked
    /// values that touch another number were written (see [`Masker::settle`]).
    fn write_masked(&self, hay: &[u8], matches: impl Iterator<Item = Match>, out: &mut Vec<u8>) -> Vec<(usize, usize)> {
        let mut copied = 0;
        let mut touching = Vec::new();
        for found in matches {
            out.extend_from_slice(&hay[copied..found.start()]);
            let rule = self.rule(found.kind());
            let written = out.len();
            match std::str::from_utf8(&hay[found.range()]) {
                Ok(value) => render(rule, found.kind(), value, out),
                // Matches only ever cover valid UTF-8; should that ever fail, mask every
                // byte rather than let anything through.
                Err(_) => (0..found.span().len()).for_each(|_| out.push_char(rule.mask_char)),
            }
            if touches_digits(hay, found.start(), found.end()) {
                touching.push((written, out.len()));
            }
            copied = found.end();
        }
        out.extend_from_slice(&hay[copied..]);
        touching
    }

    /// A masked value that touches another number changes that number's surroundings (its
    /// kept digits may join it, a label may unglue it from the value), which can make it a
    /// value of its own. So the lines holding such values are masked again, until nothing
    /// is left to find and masked text is a fixpoint. No value, chunk or context window
    /// crosses a line break, so each line can be re-masked on its own; each round masks at
    /// least one more digit, and the rounds are capped to keep the work linear.
    fn settle(&self, out: &mut Vec<u8>, mut touching: Vec<(usize, usize)>) {
        for _ in 0..SETTLE_ROUNDS {
            if touching.is_empty() {
                return;
            }
            let mut rebuilt = Vec::with_capacity(out.len());
            let mut next = Vec::new();
            let mut copied = 0;
            for (start, end) in touching {
                if end <= copied {
                    continue;
                }
                let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
                let line_start = out[..start].iter().rposition(is_break).map_or(0, |i| i + 1).max(copied);
                let line_end = out[end..].iter().position(is_break).map_or(out.len(), |i| end + i);
                rebuilt.extend_from_slice(&out[copied..line_start]);
                let line = &out[line_start..line_end];
                next.extend(self.write_masked(line, self.find_iter_bytes(line), &mut rebuilt));
                copied = line_end;
            }
            rebuilt.extend_from_slice(&out[copied..]);
            *out = rebuilt;
            touching = next;
        }
    }
}

/// Masked output of text input is UTF-8 by construction (gaps are whole characters of the
/// input, masks are characters); should that ever fail, invalid bytes become U+FFFD rather
/// than panic.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// How many extra rounds of masking a text may take (see `settle_str`).
const SETTLE_ROUNDS: usize = 8;

/// Whether the value at `start..end` touches something whose reading masking it could
/// change: any character right next to it other than whitespace and plain punctuation (a
/// letter, digit, mask character, `+`, `@`, ...), or up to three separator characters
/// (`0170 / 1234567`) and then a digit or parenthesis.
fn touches_digits(hay: &[u8], start: usize, end: usize) -> bool {
    let numeric = |class: Class| matches!(class, Class::Digit(_) | Class::Plus | Class::Open | Class::Close);
    let quiet = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?' | '.' | '"' | '\'' | '«' | '»');
    if char_at(hay, end).is_some_and(|(c, _)| !quiet(c) && !matches!(c, ')' | ']' | '}' | '-' | '/'))
        || char_before(hay, start).is_some_and(|(c, _)| !quiet(c) && !matches!(c, '(' | '[' | '{' | '-' | '/'))
    {
        return true;
    }
    // Forwards over separators to a digit.
    let mut at = end;
    for _ in 0..4 {
        if at >= hay.len() {
            break;
        }
        match classify(hay, at) {
            (class, _) if numeric(class) => return true,
            (Class::Sep(_), len) => at += len,
            _ => break,
        }
    }
    // Backwards likewise.
    let mut at = start;
    for _ in 0..4 {
        let Some((_, prev)) = char_before(hay, at) else { break };
        match classify(hay, prev).0 {
            class if numeric(class) => return true,
            Class::Sep(_) => at = prev,
            _ => break,
        }
    }
    false
}

/// An iterator over the matches in a text, left to right; see [`Masker::find_iter`].
#[derive(Debug)]
pub struct FindIter<'m, 'h> {
    scanner: Scanner<'m, 'h>,
    resolver: Resolver,
    found: Vec<Candidate>,
    done: bool,
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        loop {
            let hay = self.scanner.haystack();
            if self.done {
                return self.resolver.pop(hay, None);
            }
            if !self.resolver.is_empty()
                && let Some(found) = self.resolver.pop(hay, Some(self.scanner.position()))
            {
                return Some(found);
            }
            self.done = !self.scanner.step(&mut self.found);
            if !self.found.is_empty() {
                self.resolver.absorb(&mut self.found);
            }
        }
    }
}

impl FusedIterator for FindIter<'_, '_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masker_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Masker>();
        let masker = Masker::default();
        let clone = masker.clone();
        assert!(Arc::ptr_eq(&masker.inner, &clone.inner));
    }

    #[test]
    fn find_iter_is_fused() {
        let masker = Masker::default();
        let mut matches = masker.find_iter("4111 1111 1111 1111");
        assert!(matches.next().is_some());
        assert!(matches.next().is_none());
        assert!(matches.next().is_none());
    }
}

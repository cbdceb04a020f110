//! The [`Masker`]: an immutable, thread-safe, cheaply cloned engine built once from a
//! configuration, that finds sensitive values and writes masked text.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::sync::Arc;

use crate::config::{MaskerBuilder, MaskerConfig};
use crate::error::ConfigError;
use crate::kind::Kind;
use crate::mask::{MaskRule, Sink, render};
use crate::redaction::{self, Redaction};
use crate::scan::chars::{Class, char_at, char_before, classify};
use crate::scan::{Candidates, Detector, Level, Resolver, Scanner};
use crate::span::{Match, MatchCounts};
use crate::validate::email::{self, MaskedForm};

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
            MaskedForm { mask_char: email.mask_char, head: email.keep_head, tail: email.keep_tail };
        let mut detector = Detector::new(config.kinds, level, masked_email);
        detector.mask_chars = rules.map(|rule| rule.mask_char);
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
            found: Candidates::new(),
            done: false,
        }
    }

    /// The values masking replaces in `text`, left to right, each with its masked form:
    /// putting every [`masked`](Redaction::masked) form in place of its span gives exactly
    /// what [`mask`](Masker::mask) writes. Offsets are bytes.
    ///
    /// These are [`find_iter`](Masker::find_iter)'s matches, except on a line that masking
    /// takes more than one round to settle (a masked value made a new value readable): there
    /// everything the later rounds changed is one redaction. Use this rather than
    /// `find_iter` to mask, highlight or report values by their offsets; it costs about a
    /// `mask` more.
    ///
    /// # Example
    /// ```
    /// use piimask::Masker;
    /// let masker = Masker::default();
    /// let text = "card 4111 1111 1111 1111, mail melissa@gmail.com";
    /// let mut rebuilt = String::new();
    /// let mut copied = 0;
    /// for redaction in masker.redactions(text) {
    ///     rebuilt.push_str(&text[copied..redaction.start()]);
    ///     rebuilt.push_str(redaction.masked());
    ///     copied = redaction.end();
    /// }
    /// rebuilt.push_str(&text[copied..]);
    /// assert_eq!(rebuilt, masker.mask(text));
    /// assert_eq!(rebuilt, "card ************1111, mail m******@gmail.com");
    /// ```
    pub fn redactions(&self, text: &str) -> Vec<Redaction> {
        self.redactions_bytes(text.as_bytes())
    }

    /// Like [`redactions`](Masker::redactions), over bytes that need not be UTF-8 (as
    /// [`mask_bytes`](Masker::mask_bytes) masks them).
    pub fn redactions_bytes(&self, bytes: &[u8]) -> Vec<Redaction> {
        let matches: Vec<Match> = self.find_iter_bytes(bytes).collect();
        if matches.is_empty() {
            return Vec::new();
        }
        redaction::settle(self, bytes, &matches)
    }

    /// A cheap pre-check: whether `bytes` holds any byte a value can start at (a digit of
    /// any supported script, or `@`). When it returns `false`, no value is in `bytes` and
    /// masking leaves it unchanged, so callers can skip text without searching it.
    ///
    /// # Example
    /// ```
    /// let masker = piimask::Masker::default();
    /// assert!(!masker.may_hold_value(b"Thanks, have a nice day!"));
    /// assert!(masker.may_hold_value(b"order 42"));
    /// assert!(masker.may_hold_value("call ４４".as_bytes()));
    /// ```
    pub fn may_hold_value(&self, bytes: &[u8]) -> bool {
        self.inner.detector.level.next_anchor(bytes, 0) < bytes.len()
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
        let mut matches = self.find_iter(text);
        let Some(first) = matches.next() else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len() + 8);
        self.write_masked(text, std::iter::once(first).chain(&mut matches), &mut out, 0);
        Cow::Owned(out)
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
        out.clear();
        self.write_masked(text, self.find_iter(text), out, 0);
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
        self.write_masked(bytes, std::iter::once(first).chain(&mut matches), &mut out, 0);
        Cow::Owned(out)
    }

    /// Masks raw bytes into `out`, replacing its contents.
    pub fn mask_bytes_into(&self, bytes: &[u8], out: &mut Vec<u8>) {
        out.clear();
        self.write_masked(bytes, self.find_iter_bytes(bytes), out, 0);
    }

    /// Masks raw bytes into `out`, replacing its contents, and counts the values found
    /// into `counts`.
    pub fn mask_bytes_into_counting(&self, bytes: &[u8], out: &mut Vec<u8>, counts: &mut MatchCounts) {
        out.clear();
        self.write_masked(
            bytes,
            self.find_iter_bytes(bytes).inspect(|found| counts.add(found.kind())),
            out,
            0,
        );
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

    /// Appends `line` (text without line breaks) with its first-round `matches` masked to
    /// `out`, in as many rounds as it takes to settle.
    pub(crate) fn mask_line_into(
        &self,
        line: &[u8],
        matches: impl Iterator<Item = Match>,
        out: &mut Vec<u8>,
    ) {
        self.write_masked(line, matches, out, 0);
    }

    /// Appends `text` with `matches` masked to `out`, line by line.
    ///
    /// A masked value that touches another number changes that number's surroundings (its
    /// kept digits may join it, a label may unglue it), which can make it a value of its
    /// own; any masked value changes the words and digits a key word is read across. So a
    /// line holding such a value is masked again as soon as its output is complete (one
    /// with an untouching value only when a key word could now reach a number), until
    /// nothing is left to find and masked text is a fixpoint. No value,
    /// chunk or context window crosses a line break, so a line can be re-masked on its own;
    /// each round masks at least one more digit, and `round` caps them to keep the work
    /// linear (a line still unsettled after the last round has every digit masked).
    fn write_masked<T: Text + ?Sized>(
        &self,
        text: &T,
        matches: impl Iterator<Item = Match>,
        out: &mut T::Out,
        round: usize,
    ) {
        let hay = text.bytes();
        let mut line =
            LineState { out_start: T::out_len(out), touching: false, masked: false, hid_key_word: false };
        let mut copied = 0;
        for found in matches {
            self.copy_gap(text, copied, found.start(), out, &mut line, round);
            let rule = self.rule(found.kind());
            let written = T::out_len(out);
            match text.value(found.range()) {
                Some(value) => render(rule, found.kind(), value, out),
                // Matches only ever cover valid UTF-8; should that ever fail, mask every
                // byte rather than let anything through.
                None => (0..found.span().len()).for_each(|_| out.push_char(rule.mask_char)),
            }
            line.touching |= touches_digits(hay, found.start(), found.end())
                || (found.kind() == Kind::Email && keeps_anchors(&T::out_bytes(out)[written..]));
            // An email's masked local part may have held a key word that decided a number
            // (`0312345679 nolu sipariş~rad@example.org`: a label, read across the `~`);
            // the masked line no longer holds it.
            if found.kind() == Kind::Email && !line.touching && !line.hid_key_word {
                line.hid_key_word = self.inner.detector.key_word_in_local_part(&hay[found.range()]);
            }
            line.masked = true;
            copied = found.end();
        }
        self.copy_gap(text, copied, hay.len(), out, &mut line, round);
        self.finish_line::<T>(out, &line, round);
    }

    /// Copies `text[from..to]` (no match inside) to `out`, finishing every line it ends.
    fn copy_gap<T: Text + ?Sized>(
        &self,
        text: &T,
        from: usize,
        to: usize,
        out: &mut T::Out,
        line: &mut LineState,
        round: usize,
    ) {
        let gap = &text.bytes()[from..to];
        let Some(last_break) = memchr::memrchr2(b'\n', b'\r', gap) else {
            text.copy_to(from..to, out);
            return;
        };
        if line.touching || line.masked {
            let first_break = memchr::memchr2(b'\n', b'\r', gap).unwrap_or(last_break);
            text.copy_to(from..from + first_break, out);
            self.finish_line::<T>(out, line, round);
            text.copy_to(from + first_break..to, out);
        } else {
            text.copy_to(from..to, out);
        }
        *line = LineState {
            out_start: T::out_len(out) - (gap.len() - last_break - 1),
            touching: false,
            masked: false,
            hid_key_word: false,
        };
    }

    /// Masks the last line of `out` again when it holds a value touching another number,
    /// or when masking changed its length and it holds a phone or SSN key word (a shorter
    /// line brings key words nearer to numbers) or a masked email's local part held a key
    /// word (one that decided a number may be gone).
    fn finish_line<T: Text + ?Sized>(&self, out: &mut T::Out, line: &LineState, round: usize) {
        if !(line.touching || line.masked) {
            return;
        }
        if !line.touching {
            // A line with a masked value is masked again only if a key word could now reach
            // a number: masking changes the words and digits between them (an email's local
            // part, a number's digits), which key words are read across.
            let written = &T::out_bytes(out)[line.out_start..];
            let detector = &self.inner.detector;
            if !detector.may_hold_digit_value(written)
                || !(line.hid_key_word || detector.has_context_words(written))
            {
                return;
            }
        }
        let written = T::split_off(out, line.out_start);
        let written_text = T::as_text(&written);
        let mut matches = self.find_iter_bytes(written_text.bytes());
        match matches.next() {
            // Fail closed: a line still unsettled after the last round has every digit
            // masked, so that nothing is left to read (masking it again changes nothing).
            Some(_) if round == SETTLE_ROUNDS => self.mask_every_digit(written_text, out),
            Some(first) => {
                self.write_masked(written_text, std::iter::once(first).chain(&mut matches), out, round + 1)
            }
            None => written_text.copy_to(0..written_text.bytes().len(), out),
        }
    }

    /// Appends `text` to `out` with every digit (of any script) replaced by the mask
    /// character, and every letter of the text before an at sign (`@`, `＠`) up to the space
    /// before it: masking a domain's digits can end it early and leave an address to read
    /// (`john＠gmail.co2.0` becomes `john＠gmail.co*.*`; found by the fuzzer), and a local
    /// part with no letter or digit left reads as masked.
    #[cold]
    fn mask_every_digit<T: Text + ?Sized>(&self, text: &T, out: &mut T::Out) {
        let hay = text.bytes();
        let mask_char = self.inner.config.mask_char;
        // The stretches before the at signs, from the space before each.
        let mut local_parts: Vec<std::ops::Range<usize>> = memchr::memchr_iter(b'@', hay)
            .chain(memchr::memmem::find_iter(hay, "＠".as_bytes()))
            .map(|sign| {
                let mut start = sign;
                while let Some((c, before)) = char_before(hay, start)
                    && !c.is_whitespace()
                {
                    start = before;
                }
                start..sign
            })
            .collect();
        // (At signs in one stretch of text share its start: the longest stretch holds the rest.)
        local_parts.sort_by_key(|part| (part.start, std::cmp::Reverse(part.end)));
        local_parts.dedup_by_key(|part| part.start);
        let in_local_part = |at: usize| {
            let after = local_parts.partition_point(|part| part.start <= at);
            after > 0 && local_parts[after - 1].contains(&at)
        };
        let (mut copied, mut at) = (0, 0);
        while at < hay.len() {
            let (class, len) = classify(hay, at);
            // The length of the digit or letter masked here, if any. (`classify` gives a
            // letter outside ASCII one byte, as it does any character it has no class for:
            // the letter's own length is its character's.)
            let masked = match class {
                Class::Digit(_) => Some(len),
                _ if !local_parts.is_empty() && in_local_part(at) => {
                    char_at(hay, at).filter(|&(c, _)| c.is_alphanumeric()).map(|(_, len)| len)
                }
                _ => None,
            };
            if let Some(len) = masked {
                text.copy_to(copied..at, out);
                out.push_char(mask_char);
                copied = at + len;
                at += len;
                continue;
            }
            at += len.max(1);
        }
        text.copy_to(copied..hay.len(), out);
    }
}

/// Where the output of the line being written starts, whether it holds a masked value
/// that touches another number, whether it holds a masked value at all, and whether a
/// masked value held a key word.
#[derive(Clone, Copy, Debug)]
struct LineState {
    out_start: usize,
    touching: bool,
    masked: bool,
    hid_key_word: bool,
}

/// Text the masker writes out: `str` into a `String` (gaps copied as `&str`, so the output
/// needs no UTF-8 validation) and bytes into a `Vec<u8>`.
trait Text {
    type Out: Sink;
    fn bytes(&self) -> &[u8];
    /// Appends `self[range]` to `out`.
    fn copy_to(&self, range: std::ops::Range<usize>, out: &mut Self::Out);
    /// `self[range]` as text, when it is UTF-8.
    fn value(&self, range: std::ops::Range<usize>) -> Option<&str>;
    fn out_len(out: &Self::Out) -> usize;
    fn out_bytes(out: &Self::Out) -> &[u8];
    /// Removes and returns `out[at..]`.
    fn split_off(out: &mut Self::Out, at: usize) -> Self::Out;
    fn as_text(out: &Self::Out) -> &Self;
}

impl Text for str {
    type Out = String;
    fn bytes(&self) -> &[u8] {
        self.as_bytes()
    }
    fn copy_to(&self, range: std::ops::Range<usize>, out: &mut String) {
        // Every range the masker copies lies on character boundaries; were one not to,
        // nothing is copied rather than a panic (the fuzz targets, built with debug
        // assertions, stop on it).
        debug_assert!(self.get(range.clone()).is_some(), "copy of {range:?} off character boundaries");
        out.push_str(self.get(range).unwrap_or_default());
    }
    fn value(&self, range: std::ops::Range<usize>) -> Option<&str> {
        self.get(range)
    }
    fn out_len(out: &String) -> usize {
        out.len()
    }
    fn out_bytes(out: &String) -> &[u8] {
        out.as_bytes()
    }
    fn split_off(out: &mut String, at: usize) -> String {
        if out.is_char_boundary(at) { out.split_off(at) } else { String::new() }
    }
    fn as_text(out: &String) -> &str {
        out
    }
}

impl Text for [u8] {
    type Out = Vec<u8>;
    fn bytes(&self) -> &[u8] {
        self
    }
    fn copy_to(&self, range: std::ops::Range<usize>, out: &mut Vec<u8>) {
        out.extend_from_slice(&self[range]);
    }
    fn value(&self, range: std::ops::Range<usize>) -> Option<&str> {
        std::str::from_utf8(&self[range]).ok()
    }
    fn out_len(out: &Vec<u8>) -> usize {
        out.len()
    }
    fn out_bytes(out: &Vec<u8>) -> &[u8] {
        out
    }
    fn split_off(out: &mut Vec<u8>, at: usize) -> Vec<u8> {
        out.split_off(at)
    }
    fn as_text(out: &Vec<u8>) -> &[u8] {
        out
    }
}

/// How many extra rounds of masking a text may take (see `settle_str`).
pub(crate) const SETTLE_ROUNDS: usize = 8;

/// Whether a masked email keeps digits or an `@` of its local part (a kept head such as
/// `5055.0155` or `gam@isl.co` of `gam@isl.coorders@gmail.com`): masking the rest can leave
/// them a number or an address of their own, so the line is read again.
fn keeps_anchors(masked_email: &[u8]) -> bool {
    let local = email::last_at_sign(masked_email).map_or(masked_email, |at| &masked_email[..at]);
    local.iter().any(|&b| b == b'@' || b.is_ascii_digit() || crate::scan::chars::may_start_digit(b))
}

/// Whether the value at `start..end` touches something whose reading masking it could
/// change: any character right next to it other than whitespace and plain punctuation (a
/// letter, digit, mask character, `+`, `@`, ...), or up to three separator characters
/// (`0170 / 1234567`) and then a digit or parenthesis.
fn touches_digits(hay: &[u8], start: usize, end: usize) -> bool {
    let numeric = |class: Class| matches!(class, Class::Digit(_) | Class::Plus | Class::Open | Class::Close);
    let quiet = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?' | '.' | '"' | '\'' | '«' | '»')
    };
    // A bracket next to the value is quiet; a dash, slash or punctuation mark is quiet
    // unless glued to more (`….1111._0@aa.com`: what follows the dot may become a value).
    let glued_mark = |c: char| matches!(c, '-' | '/' | '.' | ',' | ';' | ':' | '\'');
    let quiet_after = |c: char, next: Option<char>| {
        (quiet(c) && !glued_mark(c))
            || matches!(c, ')' | ']' | '}')
            || (glued_mark(c) && next.is_none_or(|n| n.is_whitespace() || quiet(n) && !glued_mark(n)))
    };
    let quiet_before = |c: char, prev: Option<char>| {
        (quiet(c) && !glued_mark(c))
            || matches!(c, '(' | '[' | '{')
            || (glued_mark(c) && prev.is_none_or(|p| p.is_whitespace() || quiet(p) && !glued_mark(p)))
    };
    if let Some((c, len)) = char_at(hay, end)
        && !quiet_after(c, char_at(hay, end + len).map(|(n, _)| n))
    {
        return true;
    }
    if let Some((c, at)) = char_before(hay, start)
        && !quiet_before(c, char_before(hay, at).map(|(p, _)| p))
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
    found: Candidates,
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
    fn the_last_resort_masks_digits_and_each_letter_before_an_at_sign_whole() {
        // (Reached after the last settling round; called directly here.) A letter outside
        // ASCII before an at sign is one character masked, never a part of one.
        let masker = Masker::default();
        let mut out = String::new();
        masker.mask_every_digit("tel ٣2 zé零@x.io 7 ok", &mut out);
        assert_eq!(out, "tel ** ***@x.io * ok");
        let mut bytes = Vec::new();
        masker.mask_every_digit("tel ٣2 zé零@x.io 7 ok".as_bytes(), &mut bytes);
        assert_eq!(bytes, out.as_bytes());
    }

    /// Found by the fuzzer: an email's kept head was left a value of its own once the rest
    /// of the address was masked: digits that read as a phone, an `@` that reads as an
    /// address.
    #[test]
    fn an_email_kept_head_is_masked_again_when_it_reads_as_a_value() {
        let cases = [
            (
                r#"{"email":{"keep_head":9,"mask_char":"×"},"phone":{"keep_head":0,"keep_tail":3}}"#,
                "5055-0155-95-0199or=t@pboutique.fr",
                "5055-0155",
            ),
            (
                r#"{"email":{"style":"compact","keep_head":10,"keep_tail":3}}"#,
                "x gam@isl.coorders@gmail.com y",
                "gam@isl.co",
            ),
        ];
        for (config, text, kept_value) in cases {
            let masker =
                MaskerBuilder::from_config(MaskerConfig::from_json(config).unwrap()).build().unwrap();
            let masked = masker.mask(text);
            assert!(masker.find_iter(&masked).next().is_none(), "{masked:?}");
            assert!(!masked.contains(kept_value), "{masked:?}");
        }
    }

    #[test]
    fn a_label_in_a_masked_local_part_decides_nothing_once_masked() {
        // `sipariş` ("order") labels the number before it only while the address that holds
        // it (its `~` and `ş` beyond the plain local-part bytes) is still in clear: the line
        // is read again once masked, so that masking it again changes nothing.
        let masker = Masker::default();
        let text = "0312345679 nolu sipariş~rad@example.org";
        let masked = masker.mask(text);
        assert_eq!(masked, "******5679 nolu s**********@example.org");
        assert_eq!(masker.mask(&masked), masked);
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

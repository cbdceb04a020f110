//! Writes the masked form of one matched value.

use super::{MaskRule, Style};
use crate::kind::Kind;
use crate::scan::chars::{digit_value, is_space_char};
use crate::validate::{email, extension};

/// Where masked text is written: a `String` (text API) or a `Vec<u8>` (byte API).
pub(crate) trait Sink {
    fn push_str(&mut self, s: &str);
    fn push_char(&mut self, c: char);
}

impl Sink for String {
    #[inline]
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
    #[inline]
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

impl Sink for Vec<u8> {
    #[inline]
    fn push_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
    #[inline]
    fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// Whether `c` counts toward the kept head and tail of a value of `kind`: digits for
/// cards, SSNs and phones; letters and digits for IBANs; for an email's local part, every
/// character in the compact style and its letters and digits in the preserve style (the
/// characters each style masks).
fn is_unit(kind: Kind, style: Style, c: char) -> bool {
    match kind {
        // Any letter: a merged match may hold more than the IBAN's own ASCII letters.
        Kind::Iban => c.is_alphanumeric(),
        Kind::Email => style == Style::Compact || c.is_alphanumeric(),
        Kind::Card | Kind::Ssn | Kind::Phone => digit_value(c).is_some(),
    }
}

fn push_repeated(sink: &mut impl Sink, c: char, count: usize) {
    for _ in 0..count {
        sink.push_char(c);
    }
}

/// Writes `value` (the text of one match of `kind`) masked by `rule`.
pub(crate) fn render(rule: &MaskRule, kind: Kind, value: &str, sink: &mut impl Sink) {
    match rule.style {
        Style::Label => sink.push_str(kind.label()),
        Style::Redact => {}
        Style::Compact | Style::Preserve if kind == Kind::Email => {
            // The local part is masked; `@domain` is kept whole.
            let (local, sign, domain) = match email::last_at_sign(value.as_bytes()) {
                Some(at) => {
                    let sign_len = email::at_sign_len(value.as_bytes(), at).unwrap_or(1);
                    (&value[..at], &value[at..at + sign_len], &value[at + sign_len..])
                }
                None => (value, "", ""),
            };
            // A quoted local part keeps its quotes: `"j******"@example.com`.
            match local.strip_prefix('"').and_then(|local| local.strip_suffix('"')) {
                Some(inside) => {
                    sink.push_char('"');
                    mask_units(rule, kind, inside, sink);
                    sink.push_char('"');
                }
                None => mask_units(rule, kind, local, sink),
            }
            // (The sign whole: the digits of `%40` are no digits of the domain.)
            sink.push_str(sign);
            write_domain(rule, domain, sink);
        }
        Style::Compact | Style::Preserve => {
            // A phone number's extension (`837.824.1482 ext 63888`): the number keeps its own
            // head and tail; the extension keeps its marker and spacing, in either style, and
            // every digit of it is masked (`********1482 ext *****`).
            let number_end =
                if kind == Kind::Phone { extension::split_extension(value.as_bytes()) } else { None };
            let Some(number_end) = number_end else { return mask_units(rule, kind, value, sink) };
            let (number, extension) = value.split_at(number_end);
            mask_units(rule, kind, number, sink);
            for c in extension.chars() {
                sink.push_char(if digit_value(c).is_some() { rule.mask_char } else { c });
            }
        }
    }
}

/// The fewest digits any number kind can match; a domain holding that many could hide one.
const DOMAIN_DIGITS_LIMIT: usize = 7;

/// Writes an email's domain (after its at sign): kept whole, unless it holds enough digits
/// to hide a number (a phone or card written as a domain label), in which case its digits
/// are masked.
fn write_domain(rule: &MaskRule, domain: &str, sink: &mut impl Sink) {
    let digits = if domain.is_ascii() {
        domain.bytes().filter(u8::is_ascii_digit).count()
    } else {
        domain.chars().filter(|&c| digit_value(c).is_some()).count()
    };
    if digits < DOMAIN_DIGITS_LIMIT {
        sink.push_str(domain);
        return;
    }
    for c in domain.chars() {
        sink.push_char(if digit_value(c).is_some() { rule.mask_char } else { c });
    }
}

/// Masks every unit of `text` but the kept head and tail; when they would keep every unit,
/// nothing is kept.
fn mask_units(rule: &MaskRule, kind: Kind, text: &str, sink: &mut impl Sink) {
    // Most values and mask characters are ASCII: one byte per character, written out in a
    // few `push_str` calls (decoding and pushing char by char took most of a masked
    // message's rendering time).
    if text.is_ascii() && rule.mask_char.is_ascii() {
        mask_ascii_units(rule, kind, text.as_bytes(), sink);
    } else {
        mask_char_units(rule, kind, text, sink);
    }
}

/// What [`mask_char_units`] writes, for ASCII text and an ASCII mask character.
fn mask_ascii_units(rule: &MaskRule, kind: Kind, text: &[u8], sink: &mut impl Sink) {
    // The kind's ASCII units as a set (one bit per byte), so the loops below test a bit.
    const fn range(from: u8, to: u8) -> u128 {
        (u128::MAX >> (127 - to)) & (u128::MAX << from)
    }
    const DIGITS: u128 = range(b'0', b'9');
    const ALPHANUMERIC: u128 = DIGITS | range(b'A', b'Z') | range(b'a', b'z');
    let unit_set = match kind {
        Kind::Iban => ALPHANUMERIC,
        Kind::Email if rule.style == Style::Compact => !(1 << b' ' | 1 << b'\t'),
        Kind::Email => ALPHANUMERIC,
        Kind::Card | Kind::Ssn | Kind::Phone => DIGITS,
    };
    let is_kind_unit = |b: u8| unit_set >> (b & 0x7F) & 1 != 0;
    let units = text.iter().filter(|&&b| is_kind_unit(b)).count();
    let (head, tail) =
        if rule.keep_head + rule.keep_tail >= units { (0, 0) } else { (rule.keep_head, rule.keep_tail) };
    let mask = rule.mask_char as u8;
    let mut out = AsciiBuffer::new(sink);
    if rule.style == Style::Compact {
        let visible = text.iter().filter(|&&b| !matches!(b, b' ' | b'\t')).count();
        // The kept units are read from each end only as far as they reach (most often: none
        // at the head, the last four digits at the tail), the masked middle written at once.
        text.iter().copied().filter(|&b| is_kind_unit(b)).take(head).for_each(|b| out.push(b));
        out.push_repeated(mask, visible - head - tail);
        let tail_start = if tail == 0 {
            text.len()
        } else {
            text.iter().rposition(|&b| is_kind_unit(b)).map_or(text.len(), |last| {
                // The first of the last `tail` units: walk back over `tail - 1` more.
                let mut start = last;
                let mut left = tail - 1;
                while left > 0 && start > 0 {
                    start -= 1;
                    left -= usize::from(is_kind_unit(text[start]));
                }
                start
            })
        };
        text[tail_start..].iter().copied().filter(|&b| is_kind_unit(b)).for_each(|b| out.push(b));
        return;
    }
    let mut index = 0;
    for &b in text {
        if is_kind_unit(b) {
            let kept = index < head || index >= units - tail;
            out.push(if kept { b } else { mask });
            index += 1;
        } else {
            out.push(if is_masked_letter(kind, b as char) { mask } else { b });
        }
    }
}

/// Whether `c`, no unit of `kind`, is masked anyway in the preserve style: the letters of an
/// SSN (a Spanish DNI's check letter, a NIE's first letter), which are no separators.
fn is_masked_letter(kind: Kind, c: char) -> bool {
    kind == Kind::Ssn && c.is_alphabetic()
}

/// A small stack buffer of ASCII bytes, written to a sink in `str` pieces.
struct AsciiBuffer<'s, S: Sink> {
    sink: &'s mut S,
    bytes: [u8; 64],
    len: usize,
}

impl<'s, S: Sink> AsciiBuffer<'s, S> {
    fn new(sink: &'s mut S) -> Self {
        AsciiBuffer { sink, bytes: [0; 64], len: 0 }
    }

    /// Appends one ASCII byte.
    #[inline]
    fn push(&mut self, b: u8) {
        if self.len == self.bytes.len() {
            self.flush();
        }
        self.bytes[self.len] = b;
        self.len += 1;
    }

    /// Appends `count` copies of one ASCII byte.
    fn push_repeated(&mut self, b: u8, mut count: usize) {
        while count > 0 {
            if self.len == self.bytes.len() {
                self.flush();
            }
            let run = count.min(self.bytes.len() - self.len);
            self.bytes[self.len..self.len + run].fill(b);
            self.len += run;
            count -= run;
        }
    }

    fn flush(&mut self) {
        // Only ASCII bytes are pushed, so this is always valid UTF-8.
        if let Ok(text) = std::str::from_utf8(&self.bytes[..self.len]) {
            self.sink.push_str(text);
        }
        self.len = 0;
    }
}

impl<S: Sink> Drop for AsciiBuffer<'_, S> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Masks every unit of `text` but the kept head and tail, character by character (any
/// text, any mask character).
fn mask_char_units(rule: &MaskRule, kind: Kind, text: &str, sink: &mut impl Sink) {
    let is_kind_unit = |c: char| is_unit(kind, rule.style, c) && !is_space_char(c);
    let units = text.chars().filter(|&c| is_kind_unit(c)).count();
    let (head, tail) =
        if rule.keep_head + rule.keep_tail >= units { (0, 0) } else { (rule.keep_head, rule.keep_tail) };
    if rule.style == Style::Compact {
        // Whitespace dropped: kept head units, one mask character for every other
        // character, kept tail units.
        let visible = text.chars().filter(|&c| !is_space_char(c)).count();
        let mut units_seen = text.chars().filter(|&c| is_kind_unit(c));
        for c in units_seen.by_ref().take(head) {
            sink.push_char(c);
        }
        push_repeated(sink, rule.mask_char, visible - head - tail);
        for c in units_seen.skip(units - head - tail) {
            sink.push_char(c);
        }
        return;
    }
    // Preserve: every character in place, units outside head and tail masked.
    let mut index = 0;
    for c in text.chars() {
        if is_kind_unit(c) {
            let kept = index < head || index >= units - tail;
            sink.push_char(if kept { c } else { rule.mask_char });
            index += 1;
        } else {
            sink.push_char(if is_masked_letter(kind, c) { rule.mask_char } else { c });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(style: Style, keep_head: usize, keep_tail: usize) -> MaskRule {
        MaskRule { style, mask_char: '*', keep_head, keep_tail }
    }

    fn masked(rule: MaskRule, kind: Kind, value: &str) -> String {
        let mut out = String::new();
        render(&rule, kind, value, &mut out);
        out
    }

    #[test]
    fn design_examples() {
        let digits = rule(Style::Compact, 0, 4);
        assert_eq!(masked(digits, Kind::Phone, "+ 1 (123) 456 7890"), "**********7890");
        assert_eq!(masked(digits, Kind::Phone, "+447966197542"), "*********7542");
        assert_eq!(masked(digits, Kind::Card, "4111 1111 1111 1111"), "************1111");
        assert_eq!(masked(rule(Style::Compact, 1, 0), Kind::Email, "melissa@gmail.com"), "m******@gmail.com");
    }

    #[test]
    fn compact_keeps_tail_units_together() {
        let digits = rule(Style::Compact, 0, 4);
        assert_eq!(masked(digits, Kind::Phone, "06.12.34.56.78"), "**********5678");
        assert_eq!(masked(rule(Style::Compact, 2, 4), Kind::Phone, "+44 7966 197542"), "44*******7542");
        assert_eq!(masked(digits, Kind::Phone, "\u{FF10}\u{FF16} 12 34 56 78"), "******5678");
    }

    #[test]
    fn preserve_keeps_shape() {
        assert_eq!(
            masked(rule(Style::Preserve, 0, 4), Kind::Card, "4111-1111-1111-1111"),
            "****-****-****-1111"
        );
        assert_eq!(masked(rule(Style::Preserve, 1, 0), Kind::Email, "john.doe@x.com"), "j***.***@x.com");
        assert_eq!(
            masked(rule(Style::Preserve, 0, 4), Kind::Iban, "DE89 3704 0044 0532 0130 00"),
            "**** **** **** **** **30 00"
        );
        // An SSN's letters are no separators: a Spanish NIE's and DNI's are masked.
        assert_eq!(masked(rule(Style::Preserve, 0, 4), Kind::Ssn, "X-2482300-W"), "*-***2300-*");
        assert_eq!(masked(rule(Style::Preserve, 0, 4), Kind::Ssn, "54.362.315-k"), "**.**2.315-*");
        assert_eq!(masked(rule(Style::Compact, 0, 4), Kind::Ssn, "X 2482300 W"), "*****2300");
    }

    #[test]
    fn nothing_is_kept_when_head_and_tail_cover_everything() {
        assert_eq!(masked(rule(Style::Compact, 1, 0), Kind::Email, "a@b.com"), "*@b.com");
        let quoted = r#""john doe"@x.com"#;
        assert_eq!(masked(rule(Style::Compact, 1, 0), Kind::Email, quoted), r#""j******"@x.com"#);
        assert_eq!(masked(rule(Style::Preserve, 1, 0), Kind::Email, quoted), r#""j*** ***"@x.com"#);
        assert_eq!(masked(rule(Style::Compact, 6, 4), Kind::Ssn, "123-45-6789"), "***********");
    }

    #[test]
    fn domains_that_could_hide_a_number_lose_their_digits() {
        let email = rule(Style::Compact, 1, 0);
        assert_eq!(masked(email, Kind::Email, "john@163.com"), "j***@163.com");
        assert_eq!(masked(email, Kind::Email, "jo@0612345678.example.com"), "j*@**********.example.com");
    }

    proptest::proptest! {
        /// The ASCII fast path writes exactly what the character-by-character path writes.
        #[test]
        fn ascii_path_agrees_with_the_char_path(
            value in "[ -~]{0,150}",
            kind in proptest::sample::select(Kind::ALL.to_vec()),
            compact in proptest::bool::ANY,
            keep_head in 0usize..6,
            keep_tail in 0usize..6,
            mask_char in proptest::sample::select(vec!['*', '#', 'x', '-']),
        ) {
            let style = if compact { Style::Compact } else { Style::Preserve };
            let rule = MaskRule { style, mask_char, keep_head, keep_tail };
            let (mut fast, mut general) = (String::new(), String::new());
            mask_ascii_units(&rule, kind, value.as_bytes(), &mut fast);
            mask_char_units(&rule, kind, &value, &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn label_and_redact() {
        assert_eq!(masked(rule(Style::Label, 0, 0), Kind::Iban, "DE89"), "[IBAN]");
        assert_eq!(masked(rule(Style::Redact, 0, 0), Kind::Iban, "DE89"), "");
    }
}

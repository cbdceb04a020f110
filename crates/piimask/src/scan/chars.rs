//! Character classes met inside numbers (digits of several scripts, separators, `+`,
//! parentheses) decoded straight from UTF-8 bytes, plus lenient char decoding helpers.
//!
//! Everything here works on `&[u8]` so that the same code serves text and raw bytes:
//! an invalid UTF-8 byte simply belongs to no class.

/// The kind of separator joining two digit groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Space, tab, U+00A0, U+2007..U+200A, U+202F, U+3000, and the invisible U+200B
    /// (zero-width space), U+2060 (word joiner), U+FEFF (zero-width no-break space) and the
    /// direction marks U+200E, U+200F, U+061C.
    Space,
    /// `-`, U+2010..U+2015, U+2212, U+FE63, U+FF0D, the invisible U+00AD (soft hyphen), and
    /// U+30FC (the katakana prolonged sound mark, which Japanese input methods type for a
    /// hyphen between digits: `070ー8527ー6475`).
    Dash,
    /// `.`, U+FF0E.
    Dot,
    /// `/`, U+FF0F (phones only).
    Slash,
}

/// What one character inside or next to a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A decimal digit of any supported script, with its value.
    Digit(u8),
    /// A separator.
    Sep(Sep),
    /// `+` or U+FF0B.
    Plus,
    /// `(` or U+FF08.
    Open,
    /// `)` or U+FF09.
    Close,
    /// Anything else (including newlines and invalid bytes).
    Other,
}

/// Classifies the character starting at `i` (which must be `< hay.len()`), returning its
/// class and its length in bytes (1 for anything unrecognised).
#[inline]
pub(crate) fn classify(hay: &[u8], i: usize) -> (Class, usize) {
    let b = hay[i];
    if b < 0x80 {
        let class = match b {
            b'0'..=b'9' => Class::Digit(b - b'0'),
            b' ' | b'\t' => Class::Sep(Sep::Space),
            b'-' => Class::Sep(Sep::Dash),
            b'.' => Class::Sep(Sep::Dot),
            b'/' => Class::Sep(Sep::Slash),
            b'+' => Class::Plus,
            b'(' => Class::Open,
            b')' => Class::Close,
            _ => Class::Other,
        };
        return (class, 1);
    }
    classify_multibyte(hay, i)
}

#[cold]
fn classify_multibyte(hay: &[u8], i: usize) -> (Class, usize) {
    let b1 = hay.get(i + 1).copied().unwrap_or(0);
    let b2 = hay.get(i + 2).copied().unwrap_or(0);
    let class = match (hay[i], b1, b2) {
        (0xC2, 0xA0, _) => return (Class::Sep(Sep::Space), 2),
        // A soft hyphen is invisible: a number copied from a web page may hold one.
        (0xC2, 0xAD, _) => return (Class::Sep(Sep::Dash), 2),
        // The Arabic letter mark, a direction mark as invisible as the two above.
        (0xD8, 0x9C, _) => return (Class::Sep(Sep::Space), 2),
        (0xD9, 0xA0..=0xA9, _) => return (Class::Digit(b1 - 0xA0), 2),
        (0xDB, 0xB0..=0xB9, _) => return (Class::Digit(b1 - 0xB0), 2),
        // The digits of the Indic scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Odia,
        // Tamil, Telugu, Kannada, Malayalam) sit at the same offset of their blocks; Thai
        // and Lao at another.
        (0xE0, 0xA5 | 0xA7 | 0xA9 | 0xAB | 0xAD | 0xAF | 0xB1 | 0xB3 | 0xB5, 0xA6..=0xAF) => {
            Class::Digit(b2 - 0xA6)
        }
        (0xE0, 0xB9 | 0xBB, 0x90..=0x99) => Class::Digit(b2 - 0x90),
        // Figure, punctuation, thin, hair, zero-width and narrow no-break spaces; the word
        // joiner and the zero-width no-break space (BOM): invisible inside a number, they
        // must not hide it.
        // The left-to-right and right-to-left marks too, which Arabic and Hebrew text puts
        // around and inside numbers (`+55\u{200F}(21)\u{200F}99739-0198`).
        (0xE2, 0x80, 0x87..=0x8B | 0x8E | 0x8F | 0xAF) | (0xE2, 0x81, 0xA0) | (0xEF, 0xBB, 0xBF) => {
            Class::Sep(Sep::Space)
        }
        (0xE2, 0x80, 0x90..=0x95) | (0xE2, 0x88, 0x92) => Class::Sep(Sep::Dash),
        (0xE3, 0x80, 0x80) => Class::Sep(Sep::Space),
        (0xEF, 0xBC, 0x90..=0x99) => Class::Digit(b2 - 0x90),
        (0xEF, 0xBC, 0x8B) => Class::Plus,
        (0xEF, 0xBC, 0x88) => Class::Open,
        (0xEF, 0xBC, 0x89) => Class::Close,
        (0xEF, 0xBC, 0x8D) | (0xEF, 0xB9, 0xA3) | (0xE3, 0x83, 0xBC) => Class::Sep(Sep::Dash),
        (0xEF, 0xBC, 0x8E) => Class::Sep(Sep::Dot),
        (0xEF, 0xBC, 0x8F) => Class::Sep(Sep::Slash),
        _ => return (Class::Other, 1),
    };
    (class, 3)
}

/// Whether `b` can be the first byte of a digit (stage 1 uses the same set).
#[inline]
pub(crate) const fn may_start_digit(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, 0xD9 | 0xDB | 0xE0 | 0xEF)
}

/// The value of a digit character of any supported script.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u8> {
    let cp = c as u32;
    let zero = match cp {
        0x30..=0x39 => 0x30,
        0xFF10..=0xFF19 => 0xFF10,
        0x0660..=0x0669 => 0x0660,
        0x06F0..=0x06F9 => 0x06F0,
        0x0966..=0x096F => 0x0966,
        0x09E6..=0x09EF => 0x09E6,
        0x0A66..=0x0A6F => 0x0A66,
        0x0AE6..=0x0AEF => 0x0AE6,
        0x0B66..=0x0B6F => 0x0B66,
        0x0BE6..=0x0BEF => 0x0BE6,
        0x0C66..=0x0C6F => 0x0C66,
        0x0CE6..=0x0CEF => 0x0CE6,
        0x0D66..=0x0D6F => 0x0D66,
        0x0E50..=0x0E59 => 0x0E50,
        0x0ED0..=0x0ED9 => 0x0ED0,
        _ => return None,
    };
    Some((cp - zero) as u8)
}

/// Whether a character is one of the space separators (removed by the compact style).
#[inline]
pub(crate) fn is_space_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{061C}' | '\u{2007}'
            ..='\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202F}' | '\u{2060}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// Decodes the char starting at `i`, if the bytes there are valid UTF-8 (no overlong
/// forms, no surrogates, nothing past U+10FFFF: exactly what `std::str::from_utf8` accepts).
#[inline]
pub(crate) fn char_at(hay: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *hay.get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let cont = |k: usize| hay.get(i + k).filter(|&&c| c & 0xC0 == 0x80).map(|&c| u32::from(c & 0x3F));
    let (code, len, least) = match b {
        0xC2..=0xDF => ((u32::from(b & 0x1F) << 6) | cont(1)?, 2, 0x80),
        0xE0..=0xEF => ((u32::from(b & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?, 3, 0x800),
        0xF0..=0xF4 => {
            ((u32::from(b & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?, 4, 0x1_0000)
        }
        _ => return None,
    };
    // `from_u32` rejects surrogates and code points past U+10FFFF.
    if code < least {
        return None;
    }
    char::from_u32(code).map(|c| (c, len))
}

/// Decodes the char that ends right before `i`, returning it and its start offset.
#[inline]
pub(crate) fn char_before(hay: &[u8], i: usize) -> Option<(char, usize)> {
    if i == 0 {
        return None;
    }
    let b = hay[i - 1];
    if b < 0x80 {
        return Some((b as char, i - 1));
    }
    let mut start = i - 1;
    while start > 0 && i - start < 4 && hay[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    match char_at(hay, start) {
        Some((c, len)) if start + len == i => Some((c, start)),
        _ => None,
    }
}

/// Whether `c` is a letter for boundary purposes: alphabetic or a combining mark.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    common_letter(c).unwrap_or_else(|| c.is_alphabetic() || is_combining_mark(c))
}

/// Whether `c` is a letter, a combining mark or a digit of any script.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match common_letter(c) {
        Some(letter) => letter || c.is_ascii_digit(),
        None => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// [`is_letter`] without Unicode tables for the scripts chat is mostly written in (ASCII,
/// Latin-1, Latin Extended-A/B, Cyrillic); `None` for other characters. The Unicode
/// property lookups cost tens of nanoseconds per character outside ASCII.
#[inline]
fn common_letter(c: char) -> Option<bool> {
    match c as u32 {
        0..=0x7F => Some(c.is_ascii_alphabetic()),
        0xC0..=0x24F => Some(!matches!(c, '\u{D7}' | '\u{F7}')),
        // U+0482 is a symbol (҂); U+0483–U+0489 are combining marks.
        0x400..=0x52F => Some(c != '\u{482}'),
        _ => None,
    }
}

/// Whether `c` belongs to a script written without spaces between words (Han, kana,
/// Hangul, Thai, Lao, Khmer, Myanmar): text in these scripts runs straight into numbers
/// (`我的电话13812345678谢谢`), so their characters do not glue a number into a word.
pub(crate) fn is_spaceless_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF        // Thai, Lao
        | 0x1000..=0x109F      // Myanmar
        | 0x1100..=0x11FF      // Hangul Jamo
        | 0x1780..=0x17FF      // Khmer
        | 0x3005..=0x3007      // 々 〆 〇 (ideographic iteration and closing marks, zero)
        | 0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3100..=0x318F      // Bopomofo, Hangul compatibility Jamo
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xAC00..=0xD7AF      // Hangul syllables
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F      // half-width katakana
        | 0x20000..=0x3134F)
}

/// Whether `c` glues a number to a word when it touches it: a letter or digit of a script
/// written with spaces.
#[inline]
pub(crate) fn is_boundary_word_char(c: char) -> bool {
    // The common scripts (see `common_letter`) are all written with spaces.
    match common_letter(c) {
        Some(letter) => letter || c.is_ascii_digit(),
        None => is_word_char(c) && !is_spaceless_script(c),
    }
}

/// Whether `c` is a letter of a script written with spaces (see `is_boundary_word_char`).
#[inline]
pub(crate) fn is_boundary_letter(c: char) -> bool {
    match common_letter(c) {
        Some(letter) => letter,
        None => is_letter(c) && !is_spaceless_script(c),
    }
}

/// Whether the char before `i` glues to a number (see `is_boundary_word_char`).
#[inline]
pub(crate) fn word_char_before(hay: &[u8], i: usize) -> bool {
    match i.checked_sub(1).map(|at| hay[at]) {
        None => false,
        Some(b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_before(hay, i).is_some_and(|(c, _)| is_boundary_word_char(c)),
    }
}

/// Whether the word before `i` is only Hebrew prefix letters (one or two of `ו ה ב כ ל מ ש`:
/// "to", "at", "from", "and"...), written right before the number or joined to it by `-`
/// or a maqaf (`ל-050-044-2529`, `ב03-4628551`): Hebrew writes these prefixes onto the
/// word they govern, so they do not glue the number into a longer word.
pub(crate) fn hebrew_prefix_before(hay: &[u8], i: usize) -> bool {
    let is_prefix = |c: char| matches!(c, 'ו' | 'ה' | 'ב' | 'כ' | 'ל' | 'מ' | 'ש');
    let mut at = i;
    if let Some((c, before)) = char_before(hay, at)
        && matches!(c, '-' | '\u{05BE}')
    {
        at = before;
    }
    let mut letters = 0;
    while let Some((c, before)) = char_before(hay, at) {
        if !is_prefix(c) {
            break;
        }
        letters += 1;
        at = before;
    }
    (1..=2).contains(&letters) && !char_before(hay, at).is_some_and(|(c, _)| is_word_char(c))
}

/// Whether the char at `i` glues to a number (see `is_boundary_word_char`).
#[inline]
pub(crate) fn word_char_at(hay: &[u8], i: usize) -> bool {
    match hay.get(i) {
        None => false,
        Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_at(hay, i).is_some_and(|(c, _)| is_boundary_word_char(c)),
    }
}

/// Combining marks that `char::is_alphabetic` does not cover: the combining diacritical
/// blocks, Hebrew and Arabic points, and the viramas and nuktas of Indic scripts (which
/// occur inside IDN top-level domains such as `இந்தியா`).
pub(crate) fn is_combining_mark(c: char) -> bool {
    const RANGES: &[(u32, u32)] = &[
        (0x0300, 0x036F),
        (0x0483, 0x0489),
        (0x0591, 0x05C7),
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06ED),
        (0x0900, 0x0903),
        (0x093A, 0x094F),
        (0x0951, 0x0957),
        (0x0962, 0x0963),
        (0x0981, 0x0983),
        (0x09BC, 0x09D7),
        (0x09E2, 0x09E3),
        (0x0A01, 0x0A03),
        (0x0A3C, 0x0A51),
        (0x0A70, 0x0A71),
        (0x0A81, 0x0A83),
        (0x0ABC, 0x0ACD),
        (0x0B01, 0x0B03),
        (0x0B3C, 0x0B57),
        (0x0B82, 0x0B82),
        (0x0BBE, 0x0BCD),
        (0x0C00, 0x0C04),
        (0x0C3C, 0x0C56),
        (0x0C81, 0x0C83),
        (0x0CBC, 0x0CD6),
        (0x0D00, 0x0D03),
        (0x0D3B, 0x0D57),
        (0x0D81, 0x0D83),
        (0x0DCA, 0x0DDF),
        (0x0E31, 0x0E3A),
        (0x0E47, 0x0E4E),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1DFF),
        (0x20D0, 0x20FF),
        (0x302A, 0x302F),
        (0x3099, 0x309A),
        (0xFE20, 0xFE2F),
    ];
    let cp = c as u32;
    if cp < 0x0300 {
        return false;
    }
    RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_shortcuts_agree_with_the_definitions_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_boundary_letter(c), is_letter(c) && !is_spaceless_script(c), "{c:?}");
            assert_eq!(is_boundary_word_char(c), is_word_char(c) && !is_spaceless_script(c), "{c:?}");
        }
    }

    fn class_of(s: &str) -> (Class, usize) {
        classify(s.as_bytes(), 0)
    }

    #[test]
    fn digits_of_every_script_decode_to_their_value() {
        for (zero, name) in [
            ('0', "ascii"),
            ('\u{FF10}', "full-width"),
            ('\u{0660}', "arabic-indic"),
            ('\u{06F0}', "extended arabic-indic"),
            ('\u{0966}', "devanagari"),
            ('\u{09E6}', "bengali"),
            ('\u{0A66}', "gurmukhi"),
            ('\u{0AE6}', "gujarati"),
            ('\u{0B66}', "odia"),
            ('\u{0BE6}', "tamil"),
            ('\u{0C66}', "telugu"),
            ('\u{0CE6}', "kannada"),
            ('\u{0D66}', "malayalam"),
            ('\u{0E50}', "thai"),
            ('\u{0ED0}', "lao"),
        ] {
            for value in 0..10u8 {
                let c = char::from_u32(zero as u32 + u32::from(value)).unwrap();
                let s = c.to_string();
                assert_eq!(class_of(&s), (Class::Digit(value), s.len()), "{name} {value}");
                assert_eq!(digit_value(c), Some(value), "{name} {value}");
            }
        }
    }

    #[test]
    fn separators_are_classified() {
        let spaces =
            [" ", "\t", "\u{00A0}", "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{3000}"];
        // Invisible: zero-width space, word joiner, zero-width no-break space (BOM).
        let invisible = ["\u{200B}", "\u{2060}", "\u{FEFF}", "\u{200E}", "\u{200F}", "\u{061C}"];
        for s in spaces.into_iter().chain(invisible) {
            assert_eq!(class_of(s), (Class::Sep(Sep::Space), s.len()), "{s:?}");
            assert!(is_space_char(s.chars().next().unwrap()), "{s:?}");
        }
        for s in ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{00AD}"] {
            assert_eq!(class_of(s), (Class::Sep(Sep::Dash), s.len()), "{s:?}");
        }
        // Neither the zero-width (non-)joiners, which emoji and Persian words hold, nor other
        // format characters are separators.
        for s in ["\u{200C}", "\u{200D}", "\u{2061}", "\u{FEFE}", "\u{00AC}"] {
            assert_eq!(class_of(s).0, Class::Other, "{s:?}");
        }
        for s in ["\u{2212}", "\u{FE63}", "\u{FF0D}"] {
            assert_eq!(class_of(s).0, Class::Sep(Sep::Dash));
        }
        assert_eq!(class_of(".").0, Class::Sep(Sep::Dot));
        assert_eq!(class_of("/").0, Class::Sep(Sep::Slash));
        assert_eq!(class_of("+").0, Class::Plus);
        assert_eq!(class_of("\u{FF0B}").0, Class::Plus);
        assert_eq!(class_of("(").0, Class::Open);
        assert_eq!(class_of(")").0, Class::Close);
        assert_eq!(class_of("\n"), (Class::Other, 1));
        assert_eq!(class_of("é"), (Class::Other, 1));
        assert_eq!(classify(b"\xff", 0), (Class::Other, 1));
        assert_eq!(classify(b"\xe2\x80", 0), (Class::Other, 1));
    }

    #[test]
    fn every_digit_lead_byte_is_flagged_for_stage_one() {
        for zero in ['0', '\u{FF10}', '\u{0660}', '\u{06F0}', '\u{0966}', '\u{09E6}', '\u{0BE6}', '\u{0E50}']
        {
            let mut buf = [0u8; 4];
            let lead = zero.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_start_digit(lead), "{zero:?}");
        }
    }

    #[test]
    fn the_common_letter_shortcut_agrees_with_unicode() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic() || is_combining_mark(c), "{:X}", c as u32);
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_combining_mark(c), "{:X}", c as u32);
        }
    }

    #[test]
    fn char_at_decodes_exactly_what_from_utf8_accepts() {
        let reference = |bytes: &[u8]| {
            let len = match bytes[0] {
                0..=0x7F => 1,
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return None,
            };
            let s = std::str::from_utf8(bytes.get(..len)?).ok()?;
            s.chars().next().map(|c| (c, len))
        };
        // Every one-, two- and three-byte sequence, and four-byte ones with a sampled tail.
        for first in 0..=0xFFu8 {
            for second in 0..=0xFFu8 {
                let pair = [first, second];
                assert_eq!(char_at(&pair, 0), reference(&pair), "{pair:02X?}");
                assert_eq!(char_at(&pair[..1], 0), reference(&pair[..1]), "{first:02X}");
                for third in (0..=0xFFu8).filter(|_| first >= 0xE0) {
                    let triple = [first, second, third];
                    assert_eq!(char_at(&triple, 0), reference(&triple), "{triple:02X?}");
                    for fourth in
                        [0x00, 0x7F, 0x80, 0x9F, 0xA5, 0xBF, 0xC0, 0xFF].into_iter().filter(|_| first >= 0xF0)
                    {
                        let quad = [first, second, third, fourth];
                        assert_eq!(char_at(&quad, 0), reference(&quad), "{quad:02X?}");
                    }
                }
            }
        }
    }

    #[test]
    fn char_before_and_at_decode_leniently() {
        let s = "aé€𝟎".as_bytes();
        assert_eq!(char_at(s, 1), Some(('é', 2)));
        assert_eq!(char_before(s, 3), Some(('é', 1)));
        assert_eq!(char_before(s, 6), Some(('€', 3)));
        assert_eq!(char_before(s, s.len()), Some(('𝟎', 6)));
        assert_eq!(char_before(b"a\xff", 2), None);
        assert_eq!(char_at(b"\xff", 0), None);
        assert!(is_letter('இ'));
        assert!(is_letter('\u{0BCD}'), "tamil virama is a mark");
        assert!(!is_letter('1'));
        assert!(is_spaceless_script('电') && is_spaceless_script('の') && is_spaceless_script('다'));
        assert!(!is_boundary_word_char('谢') && is_boundary_word_char('é') && is_boundary_word_char('7'));
    }
}

//! An extension written after a phone number (`555-0187x204`, `0161 123 4567 ext. 123`,
//! `837.824.1482 x 63888`): it belongs to the number, so a phone match takes it in, and its
//! digits are all masked while the number keeps its own tail (`********1482 ext *****`).
//!
//! The marker is a word (`x`, `ext`, `extn`, `extension`; French `poste`, Portuguese `ramal`,
//! Spanish `anexo` and `interno`/`int`, Dutch `toestel`, German `durchwahl`; in any case, `.`
//! or `:` after it allowed), after the number or a comma and at most two
//! spaces; then at most two spaces and one to six ASCII digits that end the token (the end
//! of the text, a space, or closing punctuation). Six digits or fewer that end their token
//! form no value of any kind, so taking them into the phone match takes nothing from
//! another match.

use crate::scan::chars::char_at;

/// The markers, lower case.
const MARKERS: [&[u8]; 11] = [
    b"extension",
    b"durchwahl",
    b"toestel",
    b"interno",
    b"anexo",
    b"poste",
    b"ramal",
    b"extn",
    b"ext",
    b"int",
    b"x",
];

/// The most digits an extension has.
const MAX_DIGITS: usize = 6;

/// Where the extension written right after a phone number ending at `at` ends, if one is.
pub(crate) fn extension_end(hay: &[u8], at: usize) -> Option<usize> {
    let rest = hay.get(at..)?;
    let mut pos = usize::from(rest.first() == Some(&b','));
    pos += spaces(&rest[pos..]);
    // (Most phone matches end before a space and a word: rejected here, at its first letter.)
    if !rest
        .get(pos)
        .is_some_and(|b| matches!(b | 0x20, b'x' | b'e' | b'd' | b'p' | b'r' | b't' | b'i' | b'a'))
    {
        return None;
    }
    let marker =
        MARKERS.iter().find(|m| rest.get(pos..pos + m.len()).is_some_and(|w| w.eq_ignore_ascii_case(m)))?;
    pos += marker.len();
    // The marker is a whole word (`ext` but not `external`), optionally abbreviated.
    if rest.get(pos).is_some_and(|&b| matches!(b, b'.' | b':')) {
        pos += 1;
    }
    pos += spaces(&rest[pos..]);
    let digits = rest[pos..].iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=MAX_DIGITS).contains(&digits) {
        return None;
    }
    pos += digits;
    ends_token(&rest[pos..]).then_some(at + pos)
}

/// Where the number ends in a phone `value` that ends with an extension (see
/// [`extension_end`]), or `None` when it has none.
pub(crate) fn split_extension(value: &[u8]) -> Option<usize> {
    // The marker is the last run of ASCII letters; the number ends before the comma and
    // spaces in front of it.
    let last_letter = value.iter().rposition(u8::is_ascii_alphabetic)?;
    let marker = value[..last_letter].iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |at| at + 1);
    let number_end =
        value[..marker].iter().rposition(|b| !matches!(b, b' ' | b'\t' | b',')).map_or(0, |at| at + 1);
    (number_end > 0 && extension_end(value, number_end) == Some(value.len())).then_some(number_end)
}

/// How many spaces (at most two) start `text`.
fn spaces(text: &[u8]) -> usize {
    text.iter().take(2).take_while(|&&b| matches!(b, b' ' | b'\t')).count()
}

/// Whether the digits of an extension end their token at the start of `rest`: the text ends,
/// or a space or closing punctuation follows (a `.` or `:` only at the end of a sentence),
/// or a character outside ASCII that is no letter or digit.
fn ends_token(rest: &[u8]) -> bool {
    match rest {
        [] => true,
        [
            b' ' | b'\t' | b'\r' | b'\n' | b',' | b';' | b'!' | b'?' | b')' | b']' | b'}' | b'"' | b'\'',
            ..,
        ] => true,
        [b'.' | b':', after @ ..] => matches!(after, [] | [b' ' | b'\t' | b'\r' | b'\n', ..]),
        [b, ..] if *b >= 0x80 => char_at(rest, 0).is_some_and(|(c, _)| !c.is_alphanumeric()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(text: &str, number_end: usize) -> Option<&str> {
        extension_end(text.as_bytes(), number_end).map(|end| &text[number_end..end])
    }

    #[test]
    fn extensions_after_a_number() {
        assert_eq!(end("555-0187x204", 8), Some("x204"));
        assert_eq!(end("555-0187X204 thanks", 8), Some("X204"));
        assert_eq!(end("0161 123 4567 ext. 123.", 13), Some(" ext. 123"));
        assert_eq!(end("837.824.1482ext63888", 12), Some("ext63888"));
        assert_eq!(end("837.824.1482 x 63888", 12), Some(" x 63888"));
        assert_eq!(end("555 0187, Ext: 12)", 8), Some(", Ext: 12"));
        assert_eq!(end("514 555 0187 poste 2345。", 12), Some(" poste 2345"));
        assert_eq!(end("523-222-8888EXT623", 12), Some("EXT623"));
        assert_eq!(end("2 2345 6789 anexo 123", 11), Some(" anexo 123"));
        assert_eq!(end("011 4321-5678 int. 45", 13), Some(" int. 45"));
    }

    #[test]
    fn no_extension() {
        for (text, at) in [
            ("555-0187 external 12", 8),
            ("555-0187x1234567", 8),
            ("555-0187x12a", 8),
            ("555-0187 x 12-34", 8),
            ("555-0187 x 12.5", 8),
            ("555-0187 x12@mail.com", 8),
            ("555-0187 x", 8),
            ("555-0187   x 12", 8),
            ("555-0187 x 12号", 8),
            ("555-0187 box 12", 8),
            ("555-0187 into 12", 8),
            ("555-0187 and 12", 8),
        ] {
            assert_eq!(end(text, at), None, "{text:?}");
        }
    }

    #[test]
    fn the_number_is_split_from_its_extension() {
        fn split(value: &str) -> Option<(&str, &str)> {
            split_extension(value.as_bytes()).map(|at| value.split_at(at))
        }
        assert_eq!(split("837.824.1482 ext 63888"), Some(("837.824.1482", " ext 63888")));
        assert_eq!(split("(797)203-4036x470"), Some(("(797)203-4036", "x470")));
        assert_eq!(split("555 0187, Ext. 12"), Some(("555 0187", ", Ext. 12")));
        assert_eq!(split("+44 161 123 4567"), None);
        assert_eq!(split("%2B447966197542"), None);
        assert_eq!(split("x204"), None);
    }
}

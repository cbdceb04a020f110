//! The two-stage scanner. Stage 1 ([`Level`]) finds anchors: bytes that may start a digit,
//! and `@`. Stage 2 reads the chunk of digit groups (or the address) at each anchor and runs
//! the exact validators; the resolver merges what they find into non-overlapping matches.

pub(crate) mod chars;
pub(crate) mod chunk;
mod classify;
mod resolve;
#[cfg(target_arch = "x86_64")]
mod simd;

use classify::AnchorCursor;
pub use classify::Level;
pub(crate) use resolve::Resolver;

use crate::kind::{Kind, KindSet};
use crate::validate::context::{ContextProbe, KeyCursor, KeyWords};
use crate::validate::email::MaskedForm;
use crate::validate::{card, email, iban, national_id, phone, ssn};
use chars::{Class, Sep, char_before, classify};
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

/// The candidates of one scanner step, held inline while they are few (a chat message
/// holds one or two), so that masking a message with a value allocates nothing for them.
pub(crate) type Candidates = smallvec::SmallVec<[Candidate; 2]>;

/// Everything the scanner needs from a built masker; immutable and shared.
#[derive(Debug, Clone)]
pub(crate) struct Detector {
    pub kinds: KindSet,
    pub level: Level,
    pub email_masked: MaskedForm,
    words: &'static KeyWords,
    /// Fewest digits any enabled digit kind can match (`usize::MAX` when none is enabled).
    min_digits: usize,
    /// Every kind's mask character (see `ContextProbe::masked_by`).
    pub mask_chars: [char; 5],
}

impl Detector {
    pub(crate) fn new(kinds: KindSet, level: Level, email_masked: MaskedForm) -> Detector {
        let min_digits = if kinds.contains(Kind::Phone) {
            7
        } else if kinds.contains(Kind::Ssn) {
            // (A NIE has seven: `X2482300W`.)
            7
        } else if kinds.contains(Kind::Card) {
            12
        } else {
            usize::MAX
        };
        Detector { kinds, level, email_masked, words: KeyWords::shared(), min_digits, mask_chars: ['*'; 5] }
    }
}

/// Whether a chunk starting at `anchor` (an ASCII digit) starts plainly: nothing before it
/// could make it part of an IBAN, a phone prefix, a code or a percent-encoded at sign (a
/// letter, digit, `(`, `+`, `%`, a separator, a non-ASCII character, or an upper-case word
/// right before a space).
#[inline]
fn plain_start(hay: &[u8], anchor: usize) -> bool {
    let before = if anchor > 0 { hay[anchor - 1] } else { b' ' };
    if before.is_ascii_alphanumeric()
        || matches!(before, b'(' | b'+' | b'-' | b'/' | b'.' | b'%')
        || before >= 0x80
    {
        return false;
    }
    !(before == b' '
        && anchor >= 2
        && (hay[anchor - 2].is_ascii_uppercase()
            || (hay[anchor - 2] >= 0x80 && !lowercase_before(hay, anchor - 1))))
}

/// Whether the two digits at `anchor` (a chunk of their own) may be the check digits of an
/// IBAN whose country code is typed in lower case and apart, its BBAN starting with letters
/// (`gb 29 nwbk 6016 …`, `it 60 x 05428 …`): a country code with IBANs and a space before
/// them, a separator and a bank code of four letters or a check letter after them. (Narrow
/// on purpose: a day after a short word, `le 12 mai`, is common and must stay on the fast
/// path.)
fn lower_case_iban_head(hay: &[u8], anchor: usize) -> bool {
    let letter = |at: usize| hay.get(at).is_some_and(u8::is_ascii_alphabetic);
    let is_sep = |at: usize| matches!(hay.get(at), Some(b' ' | b'-' | b'.'));
    if !(anchor >= 3
        && letter(anchor - 2)
        && letter(anchor - 3)
        && !(anchor >= 4 && letter(anchor - 4))
        && hay.get(anchor + 1).is_some_and(u8::is_ascii_digit)
        && is_sep(anchor + 2))
    {
        return false;
    }
    let letters = (anchor + 3..anchor + 8).take_while(|&at| letter(at)).count();
    let after = anchor + 3 + letters;
    matches!(letters, 1 | 4)
        && (is_sep(after) || hay.get(after).is_some_and(u8::is_ascii_digit))
        && iban::has_formats([hay[anchor - 3].to_ascii_uppercase(), hay[anchor - 2].to_ascii_uppercase()])
}

/// Whether the short chunk from `anchor` to `end`, a letter after it, may be part of a
/// value typed in small letters that the full reader must see: an IBAN's check digits
/// (`lower_case_iban_head`) or a UK National Insurance number's digits
/// (`lower_case_nino_digits`).
fn lower_case_head(hay: &[u8], anchor: usize, end: usize) -> bool {
    match end - anchor {
        2 => lower_case_iban_head(hay, anchor),
        6 | 8 => lower_case_nino_digits(hay, anchor),
        _ => false,
    }
}

/// Whether a short chunk of six or eight bytes at `anchor` (`123456`, `12 34 56`) may hold
/// the digits of a UK National Insurance number typed in small letters, apart
/// (`jk 12 34 56 c`), which only an SSN word makes one (`ssn::nino_at` decides; a capital
/// before the space already keeps the chunk off the fast path).
#[inline(always)]
fn lower_case_nino_digits(hay: &[u8], anchor: usize) -> bool {
    anchor >= 3
        && hay[anchor - 1] == b' '
        && hay[anchor - 2].is_ascii_lowercase()
        && hay[anchor - 3].is_ascii_lowercase()
}

/// Whether the character ending at `at` is a lower-case Latin-1 or Cyrillic letter (`à`,
/// `є`): the word before a number in most French, Spanish and Ukrainian chat.
#[inline]
fn lowercase_before(hay: &[u8], at: usize) -> bool {
    char_before(hay, at).is_some_and(|(c, _)| matches!(c as u32, 0xDF..=0xF6 | 0xF8..=0xFF | 0x430..=0x45F))
}

/// Fast paths for the most common digits in chat, each for a chunk with nothing before it
/// that could make it part of an IBAN or a phone prefix: a chunk of plain ASCII digits and
/// single ASCII separators holding fewer digits than any kind needs (`21/11`, `10:30`,
/// `49,99`), else a date ([`date_chunk_end`]). Returns the chunk's end (exactly where the
/// full reader would end it), or `None` when the full reader must look (anything unusual,
/// or enough digits).
// Always inlined: the scanner's hot loop is its main caller.
#[inline(always)]
fn plain_fast_path(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
    if !plain_start(hay, anchor) {
        return None;
    }
    match short_chunk_end(hay, anchor, min_digits) {
        // (A letter after the chunk's next character first: most chunks end before `/`,
        // `:`, `,` or a digit. One test for both heads: a second arm here costs every
        // message about 80 instructions, benches/HISTORY.md.)
        Some(end)
            if hay.get(end + 1).is_some_and(u8::is_ascii_alphabetic) && lower_case_head(hay, anchor, end) =>
        {
            None
        }
        Some(end) => Some(end),
        None => date_chunk_end(hay, anchor),
    }
}

/// Whether the digits at `anchor` follow a Corsican département's letter after its `2`
/// (`2A`, `2B`, either case), glued or after one space, dash or dot: the rest of a NIR whose
/// first digits the fast paths passed over (`Scanner::read_corsican_nir`).
#[inline(always)]
fn after_corsican_letter(hay: &[u8], anchor: usize) -> bool {
    let letter = match anchor.checked_sub(1).map(|at| hay[at]) {
        Some(b' ' | b'-' | b'.') => anchor.checked_sub(2),
        _ => anchor.checked_sub(1),
    };
    letter.is_some_and(|at| at >= 1 && matches!(hay[at] | 0x20, b'a' | b'b') && hay[at - 1] == b'2')
}

/// The end of the chunk at `anchor` when it is plain ASCII digits and single ASCII
/// separators holding fewer than `min_digits` digits (exactly where the full reader ends
/// it); `None` otherwise. Such a chunk holds no card, SSN or phone number, whatever comes
/// before it.
// Always inlined: the scanner's hot loop is its main caller.
#[inline(always)]
fn short_chunk_end(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
    plain_chunk(hay, anchor, min_digits).map(|chunk| chunk.end)
}

/// A chunk of plain ASCII digits and single separators, as [`plain_chunk`] reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PlainChunk {
    /// Where the full reader ends the chunk.
    end: usize,
    /// Digits in the first group.
    first_digits: usize,
    /// Digits in all.
    digits: usize,
}

/// Reads the chunk at `anchor` when it is plain ASCII digits joined by single ASCII (or
/// non-ASCII space and dash) separators and holds fewer than `digit_limit` digits; `None`
/// when it holds more, or when anything else may join it (the full reader decides then).
#[inline(always)]
fn plain_chunk(hay: &[u8], anchor: usize, digit_limit: usize) -> Option<PlainChunk> {
    // Only for chunks starting with an ASCII digit (stage 1 also stops at the lead bytes of
    // non-ASCII digits, which Arabic and Indic letters share).
    if !hay.get(anchor).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut i = anchor;
    let mut digits = 0;
    let mut first_digits = None;
    loop {
        while i < hay.len() && hay[i].is_ascii_digit() {
            digits += 1;
            i += 1;
        }
        if digits >= digit_limit {
            return None;
        }
        let first_digits = *first_digits.get_or_insert(digits);
        let ends_here = |end: usize| PlainChunk { end, first_digits, digits };
        let Some(&b) = hay.get(i) else { return Some(ends_here(i)) };
        match b {
            b' ' | b'\t' | b'-' | b'.' | b'/' => match hay.get(i + 1) {
                Some(next) if next.is_ascii_digit() => i += 1,
                // Anything else after the separator: sentence punctuation, a word or a sign
                // (`10:55. `, `49,99 €`) ends the chunk; a group joined another way
                // (`5 - 6`, `5  6`, `(`) is left to the full reader.
                _ => return ends_chunk(hay, i).then(|| ends_here(i)),
            },
            b'(' | b')' => return None,
            _ if b >= 0x80 => match classify(hay, i) {
                // A dash or a space outside ASCII joins digits as the ASCII ones do (`3–5`).
                (Class::Sep(_), len) if hay.get(i + len).is_some_and(u8::is_ascii_digit) => i += len,
                // Full-width parentheses and plus, as the ASCII ones: `（765） 563-1083`.
                (Class::Open | Class::Close | Class::Plus, _) => return None,
                _ => return ends_chunk(hay, i).then(|| ends_here(i)),
            },
            _ => return Some(ends_here(i)),
        }
    }
}

/// Whether a chunk the readers pass over may be part of an SSN whose letters glue to its
/// digits (`Scanner::read_lettered_ssn`), by the letters around it: six digits after a
/// letter or a letter and a space (a UK National Insurance number); three or four after a
/// century sign and a digit (a Finnish henkilötunnus's individual number and maybe its
/// check, `060403A364L`: its first six digits were passed over as a short chunk); eight
/// after `2A`'s or
/// `2B`'s letter (the rest of a Corsican NIR); one or two digits after six letters, the
/// token 16 characters long (a codice fiscale's year). Asked of every such chunk (most are
/// parcel numbers, `1ZARERGF1JU1KSWSNL`), so it reads a few bytes only.
#[inline(always)]
fn may_be_lettered_ssn(hay: &[u8], anchor: usize, chunk: PlainChunk) -> bool {
    match chunk.digits {
        6 => {
            anchor >= 2
                && (hay[anchor - 1].is_ascii_alphabetic()
                    || (hay[anchor - 1] == b' ' && hay[anchor - 2].is_ascii_alphabetic()))
        }
        8 => after_corsican_letter(hay, anchor),
        9 => {
            anchor >= 1
                && hay[anchor - 1].is_ascii_alphabetic()
                && matches!(hay[anchor], b'1' | b'2' | b'8' | b'9')
        }
        3 | 4 => {
            anchor >= 7
                && matches!(hay[anchor - 1], b'+' | b'A'..=b'F' | b'U'..=b'Y' | b'a'..=b'f' | b'u'..=b'y')
                && hay[anchor - 2].is_ascii_digit()
        }
        1 | 2 => {
            anchor >= 6
                && hay[anchor - 1].is_ascii_alphabetic()
                && hay[anchor - 6].is_ascii_alphabetic()
                && (anchor == 6 || !hay[anchor - 7].is_ascii_alphanumeric())
                && !hay.get(anchor + 10).is_some_and(u8::is_ascii_alphanumeric)
        }
        _ => false,
    }
}

/// Whether a chunk glued to a word before it (`ORD-2025-903905`, `JD014600003826484021`)
/// holds no value: a phone or SSN may not start in a group touching a word, so only a card
/// may start in its first group, and none fits there (fewer than 12 digits in all, a first
/// group longer than any card, or a lone group that is no card number); the groups after
/// the first hold fewer than `min_digits`.
fn glued_without_value(
    hay: &[u8],
    anchor: usize,
    chunk: PlainChunk,
    min_digits: usize,
    words: &KeyWords,
) -> bool {
    let letter_at = |at: Option<usize>| at.and_then(|at| hay.get(at)).is_some_and(u8::is_ascii_alphabetic);
    let before = anchor.checked_sub(1);
    let letter_glued = letter_at(before) && !chunk::url_encoded_plus_before(hay, anchor);
    let hyphen_glued =
        !letter_glued && before.is_some_and(|at| hay[at] == b'-') && letter_at(anchor.checked_sub(2));
    let lone_group_no_card =
        || chunk.first_digits == chunk.digits && !is_card_digits(hay, anchor, chunk.digits);
    let card_fits = chunk.digits >= 12 && chunk.first_digits <= chunk::MAX_DIGITS && !lone_group_no_card();
    (letter_glued || hyphen_glued)
        && !card_fits
        && chunk.digits - chunk.first_digits < min_digits
        // (A phone or SSN word glued by its hyphen starts no code: `Mob-9876543210`.)
        && !value_word_glued(hay, if hyphen_glued { anchor - 1 } else { anchor }, words)
        // (Nor does a Spanish NIE's letter: `X2482300W`, `X-2482300-W`.)
        && !(chunk.digits == 7 && ssn::nie_letter_before(hay, anchor).is_some())
}

/// Whether the word glued to a number and ending at `end` (at the gluing hyphen, or at the
/// number itself) is a phone or SSN word, which starts no code: `Mob-9876543210`,
/// `SSN-536-22-1847`, `tel13520668194`. Typed straight onto the number, the word must have
/// three letters or more (`HP12345678` and `WA1234567` are codes).
pub(crate) fn value_word_glued(hay: &[u8], end: usize, words: &KeyWords) -> bool {
    let hyphen = hay.get(end).is_some_and(|&b| b == b'-');
    // (Typed on, most glued words are codes' letters: `1Z…`, `A1…`, turned away here.)
    let three_letters =
        || end >= 3 && hay[end - 3..end].iter().all(|b| b.is_ascii_alphabetic() || *b >= 0x80);
    (hyphen || three_letters())
        && words.value_word_before(hay, end).is_some_and(|start| hyphen || end - start >= 3)
}

/// Whether the 11 ASCII digits at `at` are a mobile number written without `+` (see
/// `phone::is_mobile_without_plus`).
fn is_mobile_without_plus_at(hay: &[u8], at: usize) -> bool {
    let Some(ascii) = hay.get(at..at + 11) else { return false };
    let digits: [u8; 11] = std::array::from_fn(|i| ascii[i].wrapping_sub(b'0'));
    phone::is_mobile_without_plus(&digits, None)
}

/// Whether the `len` ASCII digits at `at` are a card number (`false` past 19 digits).
fn is_card_digits(hay: &[u8], at: usize, len: usize) -> bool {
    let mut digits = [0u8; chunk::MAX_DIGITS];
    let (Some(digits), Some(ascii)) = (digits.get_mut(..len), hay.get(at..at + len)) else { return false };
    for (digit, &b) in digits.iter_mut().zip(ascii) {
        *digit = b.wrapping_sub(b'0');
    }
    card::is_card(digits)
}

/// Whether a chunk is a lone group of 16 to 19 digits that is no card number, or of more
/// digits (`1002938154981896`, a parcel number) that is no Polish account number (NRB),
/// starting plainly and not with `0`: no phone holds more than 15 digits without a `+`,
/// `00` or `011` prefix, and no SSN that many.
fn long_lone_group_without_value(hay: &[u8], anchor: usize, chunk: PlainChunk) -> bool {
    chunk.first_digits == chunk.digits
        && chunk.digits >= 16
        && hay.get(anchor) != Some(&b'0')
        && plain_start(hay, anchor)
        && (chunk.digits > chunk::MAX_DIGITS || !is_card_digits(hay, anchor, chunk.digits))
        && !(chunk.digits == 26 && is_nrb_digits(hay, anchor))
        && !(matches!(chunk.digits, 17 | 18) && is_chinese_id_digits(hay, anchor, chunk))
}

/// The values of the `N` ASCII digits at `at`, or `None` when the text ends first or one of
/// them is a digit of another script (`plain_chunk` counts those too; the full reading
/// decides them).
fn ascii_digit_values<const N: usize>(hay: &[u8], at: usize) -> Option<[u8; N]> {
    let bytes: [u8; N] = hay.get(at..at + N)?.try_into().ok()?;
    bytes.iter().all(u8::is_ascii_digit).then(|| bytes.map(|b| b - b'0'))
}

/// Whether the 17 or 18 digits at `at` (17: with an `X` glued on) may be a Chinese resident
/// identity number (see `ssn::chinese_id_candidate`), which only an SSN word makes one.
#[cold]
fn is_chinese_id_digits(hay: &[u8], at: usize, chunk: PlainChunk) -> bool {
    let Some(head) = ascii_digit_values::<17>(hay, at) else { return true };
    let check = match hay.get(at + 17) {
        Some(b'X' | b'x') if chunk.digits == 17 => 10,
        Some(&b) if chunk.digits == 18 && b.is_ascii_digit() => b - b'0',
        Some(_) if chunk.digits == 18 => return true,
        _ => return false,
    };
    let mut digits = [check; 18];
    digits[..17].copy_from_slice(&head);
    national_id::is_chinese_id(&digits)
}

/// Whether the 26 digits at `at` may be a Polish NRB (see `iban::national_candidates`).
#[cold]
fn is_nrb_digits(hay: &[u8], at: usize) -> bool {
    ascii_digit_values::<26>(hay, at).is_none_or(|digits| iban::is_nrb(&digits))
}

/// Fast path for dates and timestamps, which realistic chat holds every few lines
/// (`2025-11-21`, `21.11.2025`, `11/21/25`, and `2025-11-21 04:40:00` up to its hour, where
/// the `:` ends the chunk): a valid date of plain ASCII digits, starting plainly, whose
/// chunk ends right after it (or after a timestamp's hour). The full reader flags such
/// groups as a date, which no kind reads, so the chunk holds no value; returns its end.
fn short_date_chunk(hay: &[u8], anchor: usize) -> Option<usize> {
    if !plain_start(hay, anchor) {
        return None;
    }
    date_chunk_end(hay, anchor)
}

/// [`short_date_chunk`] for a chunk known to start plainly.
// Always inlined: the scanner's hot loop is its main caller.
#[inline(always)]
fn date_chunk_end(hay: &[u8], anchor: usize) -> Option<usize> {
    let run = |at: usize| hay[at.min(hay.len())..].iter().take(5).take_while(|b| b.is_ascii_digit()).count();
    let value =
        |at: usize, len: usize| hay[at..at + len].iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'));
    let a = run(anchor);
    let sep = *hay.get(anchor + a)?;
    if !matches!(sep, b'-' | b'.' | b'/') {
        return None;
    }
    let b_at = anchor + a + 1;
    let b = run(b_at);
    if hay.get(b_at + b) != Some(&sep) {
        return None;
    }
    let c_at = b_at + b + 1;
    let c = run(c_at);
    // The chunk reader's date rule (`chunk::is_date`).
    let date = match (a, b, c) {
        (1..=2, 1..=2, 2 | 4) => chunk::day_and_month(value(anchor, a), value(b_at, b)),
        (4, 1..=2, 1..=2) => chunk::day_and_month(value(c_at, c), value(b_at, b)),
        _ => false,
    };
    if !date {
        return None;
    }
    let end = c_at + c;
    // A date is a date only when its separator does not go on (`21.11.2025.5`).
    if hay.get(end) == Some(&sep) && hay.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // A timestamp's hour joins the chunk, and the `:` after it ends the chunk.
    if hay.get(end) == Some(&b' ') {
        let hour = run(end + 1);
        if (1..=2).contains(&hour) && hay.get(end + 1 + hour) == Some(&b':') {
            return Some(end + 1 + hour);
        }
    }
    ends_chunk(hay, end).then_some(end)
}

/// Fast path for the timestamp that starts every line of a chat export
/// (`2025-11-21 04:40:10`): a valid date and a time of plain ASCII digits, starting plainly.
/// The scanner would read it in three fast steps (the date with its hour, the minutes, the
/// seconds); this reads it in one and returns where the third step ends, or `None` when
/// anything differs from that shape (the steps then decide).
#[inline(always)]
fn timestamp_end(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
    // Rejects most anchors (a price, a time, a plain number) at the first byte compared;
    // the rest stays out of the scanner's hot loop.
    if hay.get(anchor + 4) != Some(&b'-') {
        return None;
    }
    timestamp_shape_end(hay, anchor, min_digits)
}

#[inline(never)]
fn timestamp_shape_end(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
    let stamp: &[u8; 19] = hay.get(anchor..anchor + 19)?.try_into().ok()?;
    if !has_timestamp_shape(stamp) {
        return None;
    }
    let two = |at: usize| u32::from(stamp[at] - b'0') * 10 + u32::from(stamp[at + 1] - b'0');
    let (month, day) = (two(5), two(8));
    if !chunk::day_and_month(day, month) || !plain_start(hay, anchor) {
        return None;
    }
    // The minutes end at the `:` after them; the seconds end wherever their chunk ends:
    // right after them when an ASCII byte follows that neither joins nor breaks a chunk
    // (`]` in a chat export), else as the chunk reader says.
    match hay.get(anchor + 19) {
        Some(b' ' | b'\t' | b'-' | b'.' | b'/' | b'(' | b')' | b'0'..=b'9' | 0x80..) => {
            seconds_chunk_end(hay, anchor + 17, min_digits)
        }
        _ => Some(anchor + 19),
    }
}

/// Where the chunk of a timestamp's seconds at `at` ends (out of line: rarely needed).
#[inline(never)]
fn seconds_chunk_end(hay: &[u8], at: usize, min_digits: usize) -> Option<usize> {
    short_chunk_end(hay, at, min_digits)
}

/// Whether `stamp` is `0000-00-00 00:00:00` with ASCII digits at the zeros.
///
/// Checked eight bytes at a time, in three overlapping words (bytes 0..8, 8..16, 11..19):
/// XOR with the shape's bytes leaves 0..=9 at a digit and 0 at a separator that fit;
/// adding 6 at digits and 15 at separators then carries into a byte's high half exactly
/// when it does not fit (no carry crosses bytes, as every byte is below 16 by then). Three
/// word tests instead of 19 byte steps: ~100 fewer instructions on every chat line.
#[inline]
fn has_timestamp_shape(stamp: &[u8; 19]) -> bool {
    const SHAPE: &[u8; 19] = b"0000-00-00 00:00:00";
    let fits = |at: usize| {
        let word = |bytes: &[u8; 19]| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(eight)
        };
        let shape = word(SHAPE);
        // 6 where the shape holds a digit, 15 where it holds a separator.
        let slack = shape.to_le_bytes().map(|s| if s == b'0' { 6 } else { 15 });
        let high = u64::from_le_bytes([0xF0; 8]);
        let off = word(stamp) ^ shape;
        off & high == 0 && off.wrapping_add(u64::from_le_bytes(slack)) & high == 0
    };
    fits(0) && fits(8) && fits(11)
}

/// Whether two capitals stand right before `anchor` (a country code glued to check digits).
#[inline(always)]
fn capitals_before(hay: &[u8], anchor: usize) -> bool {
    anchor >= 2 && hay[anchor - 1].is_ascii_uppercase() && hay[anchor - 2].is_ascii_uppercase()
}

/// Whether the full reader ends a chunk whose last group ends at `at` (see
/// `chunk::next_group`): nothing follows, or nothing that joins another group: a separator
/// (a space: one or two; a `-` or `/` with a space after it, or on both sides) followed by
/// anything but a digit or `(`, or anything else but a digit or `(`.
#[inline]
fn ends_chunk(hay: &[u8], at: usize) -> bool {
    // Plain ASCII (a letter, punctuation, or a separator followed by either), decided from
    // the bytes; anything else from the character classes.
    let Some(&b) = hay.get(at) else { return true };
    let next = hay.get(at + 1).copied();
    match (b, next) {
        (b'0'..=b'9' | b'(', _) => return false,
        (b'-' | b'.' | b'/', None) | (b' ' | b'\t', None) => return true,
        // A dash or slash with a space after it joins a group after the space.
        (b'-' | b'/', Some(b' ' | b'\t')) => match hay.get(at + 2) {
            None => return true,
            Some(&c) if c < 0x80 => return !(c.is_ascii_digit() || c == b'('),
            _ => {}
        },
        (b'-' | b'.' | b'/', Some(c)) if c < 0x80 => return !(c.is_ascii_digit() || c == b'('),
        (b' ' | b'\t', Some(c)) if c < 0x80 && !matches!(c, b' ' | b'\t' | b'-' | b'/') => {
            return !(c.is_ascii_digit() || c == b'(');
        }
        (0..=0x7F, _) if !matches!(b, b'-' | b'.' | b'/' | b' ' | b'\t') => return true,
        // A space before a non-ASCII character (`49,99 €`, `12 грн`): only a space, dash or
        // slash after it needs the longer look of the character classes.
        (b' ' | b'\t', Some(0x80..)) => match classify(hay, at + 1).0 {
            Class::Sep(Sep::Space | Sep::Dash | Sep::Slash) => {}
            class => return !matches!(class, Class::Digit(_) | Class::Open),
        },
        _ => {}
    }
    ends_chunk_by_class(hay, at)
}

/// [`ends_chunk`] from the character classes (any text). Out of line: inlined, its frame
/// made every call of `ends_chunk` save registers and reserve stack.
#[inline(never)]
fn ends_chunk_by_class(hay: &[u8], at: usize) -> bool {
    let class_at = |i: usize| (i < hay.len()).then(|| classify(hay, i));
    let starts_group = |i: usize| matches!(class_at(i), Some((Class::Digit(_) | Class::Open, _)));
    match class_at(at) {
        None => true,
        Some((Class::Digit(_) | Class::Open, _)) => false,
        Some((Class::Sep(Sep::Space), len)) => match class_at(at + len) {
            Some((Class::Sep(Sep::Space), second)) => !starts_group(at + len + second),
            Some((Class::Sep(Sep::Dash | Sep::Slash), middle)) => {
                let after = at + len + middle;
                !matches!(class_at(after), Some((Class::Sep(Sep::Space), third)) if starts_group(after + third))
            }
            _ => !starts_group(at + len),
        },
        Some((Class::Sep(Sep::Dash | Sep::Slash), len)) => match class_at(at + len) {
            Some((Class::Sep(Sep::Space), space)) => !starts_group(at + len + space),
            _ => !starts_group(at + len),
        },
        Some((Class::Sep(_), len)) => !starts_group(at + len),
        _ => true,
    }
}

impl Detector {
    /// Whether `text` holds a phone or SSN key word (which can make a bare number a value).
    pub(crate) fn has_context_words(&self, text: &[u8]) -> bool {
        self.words.has_context_word(text)
    }

    /// Whether a key word that may have decided a number stands in the local part of
    /// `email`, which masking erases (see `KeyWords::may_count_in_local_part`).
    pub(crate) fn key_word_in_local_part(&self, email: &[u8]) -> bool {
        self.words.may_count_in_local_part(email)
    }

    /// Whether `text` may hold a chunk with enough digits for an enabled digit kind: `false`
    /// only when every chunk is plain ASCII digits and separators with too few digits (a
    /// masked line whose only digits are kept tails, prices and times) or a date, which no
    /// context can turn into a value, and none may be part of an SSN whose letters glue to
    /// its digits.
    #[inline(never)]
    pub(crate) fn may_hold_digit_value(&self, text: &[u8]) -> bool {
        let mut at = 0;
        let mut chunk = None;
        let mut anchors = AnchorCursor::default();
        loop {
            at = anchors.next(self.level, text, at);
            if at >= text.len() {
                return false;
            }
            let (class, len) = classify(text, at);
            if !matches!(class, Class::Digit(_)) {
                at += len;
                continue;
            }
            if let Some(short) = plain_chunk(text, at, self.min_digits) {
                // (Unless its letters may make it an SSN: `AB 12 34 56 C`, `RCCMNL83S18D969H`.)
                if self.kinds.contains(Kind::Ssn) && may_be_lettered_ssn(text, at, short) {
                    return true;
                }
                at = short.end;
                continue;
            }
            if let Some(end) = short_date_chunk(text, at) {
                at = end;
                continue;
            }
            // What the scanner decides for a chunk too short for any kind (`49,99 €`).
            let chunk = chunk.get_or_insert_with(|| Chunk::over(text));
            chunk.begin(at);
            chunk.fill();
            if !chunk.complete || chunk.total_digits >= self.min_digits {
                return true;
            }
            at = chunk.end().max(at + len);
        }
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
    anchors: AnchorCursor,
}

impl<'d, 'h> Scanner<'d, 'h> {
    #[inline(always)]
    pub(crate) fn new(detector: &'d Detector, hay: &'h [u8]) -> Scanner<'d, 'h> {
        let mut chunk = Chunk::over(hay);
        chunk.mask_chars = detector.mask_chars;
        Scanner {
            detector,
            hay,
            pos: 0,
            veto: None,
            keys: KeyCursor::default(),
            chunk,
            anchors: AnchorCursor::default(),
        }
    }

    /// Offset up to which the haystack has been scanned.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    pub(crate) fn haystack(&self) -> &'h [u8] {
        self.hay
    }

    /// Handles anchors up to the next one that may hold a value (numbers the fast paths
    /// decide are passed over in one loop), pushing any candidates into `out`. Returns
    /// `false` once the whole haystack has been scanned.
    pub(crate) fn step(&mut self, out: &mut Candidates) -> bool {
        let hay = self.hay;
        let detector = self.detector;
        loop {
            let anchor = self.anchors.next(detector.level, hay, self.pos);
            if anchor >= hay.len() {
                self.pos = hay.len();
                return false;
            }
            if hay[anchor] != b'@'
                && let Some(end) = timestamp_end(hay, anchor, detector.min_digits)
                    .or_else(|| plain_fast_path(hay, anchor, detector.min_digits))
            {
                // Every fast path consumes at least the anchor's digit; `max` keeps the scan
                // moving whatever a future fast path returns.
                let mut end = end.max(anchor + 1);
                // The digits after a comma or colon that ends a short chunk (`49,99`,
                // `10:30`) are the next anchor: read them here, as the loop would.
                while matches!(hay.get(end), Some(b',' | b':'))
                    && hay.get(end + 1).is_some_and(u8::is_ascii_digit)
                    && let Some(next) = plain_fast_path(hay, end + 1, detector.min_digits)
                {
                    end = next;
                }
                self.pos = end;
                continue;
            }
            self.read_anchor(anchor, out);
            return true;
        }
    }

    /// Reads what the fast paths left to the full path at `anchor`: an email's `@`, or a
    /// chunk of digits (IBAN check, chunk reader, validators).
    #[inline(never)]
    fn read_anchor(&mut self, anchor: usize, out: &mut Candidates) {
        let hay = self.hay;
        let detector = self.detector;
        // A percent-encoded at sign is found from its `4` (`%` is no anchor, and no fast
        // path starts after it: see `plain_start`), unless read from there already.
        let anchor = match email::percent_at_from_digit(hay, anchor) {
            Some(at) if hay[anchor] == b'4' && at >= self.pos => at,
            _ => anchor,
        };
        if let Some(at_len) = email::at_sign_len(hay, anchor) {
            self.pos = anchor + at_len;
            if detector.kinds.contains(Kind::Email)
                && let Some((start, end)) = email::find(hay, anchor, detector.email_masked)
            {
                out.push(Candidate::new(start, end, Kind::Email));
            } else if hay[anchor] == b'%' {
                // No address: the digits of `%40` are read as a number's (`%404111…`), from
                // past the `%`, which `step` then no longer reads as an at sign.
                self.pos = anchor + 1;
            }
            return;
        }
        let (class, len) = classify(hay, anchor);
        if !matches!(class, Class::Digit(_)) {
            self.pos = anchor + 1;
            return;
        }
        // An IBAN-shaped value is never read as other kinds: a valid IBAN is reported when
        // IBANs are enabled, and its span is vetoed for the other kinds in any case (a
        // number starting in its last group is not merged into it: `… 0130 00 / 5425 …`).
        match iban::find(hay, anchor, &detector.mask_chars) {
            Some(iban::Found::Iban(start, end)) if detector.kinds.contains(Kind::Iban) => {
                out.push(Candidate::new(start, end, Kind::Iban));
                self.veto = Some((start, end));
                self.keys.exclude_labels_within((start, end));
            }
            // A run read from a letter pair inside the span already vetoed (`om96…` in
            // `ua18985858292om968934h81u88mw mich 003 53 6173`, where `mich` is no word for a
            // lower-case code) is no IBAN either, and must not veto what follows that span.
            Some(iban::Found::NotIban(start, _))
                if self.veto.is_some_and(|(from, to)| (from..to).contains(&start)) => {}
            Some(iban::Found::Iban(start, end) | iban::Found::NotIban(start, end)) => {
                // (Outside the registry, an account number written as an IBAN is one.)
                if detector.kinds.contains(Kind::Iban)
                    && capitals_before(hay, anchor)
                    && let Some((start, end)) = self.unregistered_iban(anchor)
                {
                    out.push(Candidate::new(start, end, Kind::Iban));
                }
                self.veto = Some((start, end));
                self.keys.exclude_labels_within((start, end));
            }
            None if detector.kinds.contains(Kind::Iban) && capitals_before(hay, anchor) => {
                if let Some((start, end)) = self.unregistered_iban(anchor) {
                    out.push(Candidate::new(start, end, Kind::Iban));
                    self.veto = Some((start, end));
                    self.keys.exclude_labels_within((start, end));
                }
            }
            None => {}
        }
        // Plain chunks the validators would find nothing in (the IBAN check above was their
        // only chance): too few digits for any kind, however glued (`A-19121`, `1Z9A8…`);
        // codes glued to a word; long parcel numbers; lone numbers a label decides.
        if let Some(chunk) = plain_chunk(hay, anchor, usize::MAX)
            && (chunk.digits < detector.min_digits
                || glued_without_value(hay, anchor, chunk, detector.min_digits, detector.words)
                || long_lone_group_without_value(hay, anchor, chunk)
                || self.labelled_lone_group(anchor, chunk))
        {
            // (Unless the chunk is part of an SSN whose letters glue to its digits.)
            if may_be_lettered_ssn(hay, anchor, chunk) && self.read_lettered_ssn(anchor, chunk.digits, out) {
                return;
            }
            self.pos = chunk.end.max(anchor + len);
            return;
        }
        if detector.kinds.contains(Kind::Ssn)
            && after_corsican_letter(hay, anchor)
            && self.read_corsican_nir(anchor, out)
        {
            return;
        }
        self.pos = self.scan_chunk::<true>(anchor, out).max(anchor + len);
    }

    /// An IBAN outside the registry's rules whose check digits start at `anchor`, printed or
    /// after the word `IBAN` (`iban::unregistered_at`); asked only when a code of two
    /// capitals is glued to the digits (`capitals_before`).
    #[inline(never)]
    fn unregistered_iban(&self, anchor: usize) -> Option<(usize, usize)> {
        let hay = self.hay;
        let (start, end, printed) = iban::unregistered_at(hay, anchor)?;
        (printed || iban::iban_word_before(hay, start)).then_some((start, end))
    }

    /// Reads the French NIR of someone born in Corsica whose digits after the département
    /// (`2A`, `2B`) start at `anchor` (see `after_corsican_letter`), from its first digit
    /// (`ssn::corsican_nir_at`: six characters before that letter written whole, nine
    /// printed). Printed, it is read anywhere; written whole, only with SSN context. Returns
    /// whether one was found (and pushed).
    #[cold]
    #[inline(never)]
    fn read_corsican_nir(&mut self, anchor: usize, out: &mut Candidates) -> bool {
        let hay = self.hay;
        let detector = self.detector;
        let letter = if hay[anchor - 1].is_ascii_alphabetic() { anchor - 1 } else { anchor - 2 };
        for start in [letter.checked_sub(6), letter.checked_sub(9)].into_iter().flatten() {
            if let Some((end, printed)) = ssn::corsican_nir_at(hay, start)
                && (printed
                    || ContextProbe::new(hay, detector.words, &mut self.keys, (start, end))
                        .masked_by(detector.mask_chars)
                        .ssn())
            {
                out.push(Candidate::new(start, end, Kind::Ssn));
                self.pos = end;
                return true;
            }
        }
        false
    }

    /// Reads an SSN whose letters glue to its digits, which the chunk readers pass over as
    /// too short or glued to a word (`may_be_lettered_ssn` says which chunks may be one): an
    /// Italian codice fiscale from its first digits, glued to its letters
    /// (`ssn::codice_fiscale_at`, anywhere); a UK National Insurance number around a chunk of
    /// six digits (`ssn::nino_at`: printed with letters HMRC may issue, anywhere; otherwise
    /// only with SSN context); a Finnish henkilötunnus whose century sign is a letter, from
    /// the digits after it (`ssn::hetu_at`, with SSN context); the rest of a Corsican NIR after
    /// its `2A` or `2B`
    /// (`read_corsican_nir`). Returns whether one was found (and pushed).
    #[cold]
    #[inline(never)]
    fn read_lettered_ssn(&mut self, anchor: usize, chunk_digits: usize, out: &mut Candidates) -> bool {
        let hay = self.hay;
        let detector = self.detector;
        if !detector.kinds.contains(Kind::Ssn) {
            return false;
        }
        // (A codice fiscale's first digits, the year's, are two, or one turned into a letter.)
        let letter_glued = chunk_digits <= 2 && anchor > 0 && hay[anchor - 1].is_ascii_alphabetic();
        let found = if letter_glued && let Some(span) = ssn::codice_fiscale_at(hay, anchor) {
            Some(span)
        } else if chunk_digits == 6
            && self.veto.is_none_or(|(_, veto_end)| veto_end <= anchor.saturating_sub(3))
            && let Some((start, end, anywhere)) = ssn::nino_at(hay, anchor)
            && (anywhere || self.ssn_word_may_name((start, end), &[]))
        {
            Some((start, end))
        } else if matches!(chunk_digits, 3 | 4)
            && let Some(start) = anchor.checked_sub(7)
            && let Some(end) = ssn::hetu_at(hay, start)
            && self.ssn_word_may_name((start, end), national_id::HETU_NAMES)
        {
            Some((start, end))
        } else if chunk_digits == 9
            && let Some(letter) = anchor.checked_sub(1)
            && let Some(end) = ssn::taiwan_id_at(hay, letter)
            && self.ssn_word_may_name((letter, end), national_id::TAIWAN_ID_NAMES)
        {
            Some((letter, end))
        } else if chunk_digits == 8 {
            return self.read_corsican_nir(anchor, out);
        } else {
            None
        };
        let Some((start, end)) = found else { return false };
        out.push(Candidate::new(start, end, Kind::Ssn));
        self.pos = end;
        true
    }

    /// Whether an SSN word names the lettered number at `span`, whose own names are `own`:
    /// one of them, or a word that names no other number (`national_id::may_name`; a UK
    /// National Insurance number has no name of its own there, `&[]`).
    fn ssn_word_may_name(&mut self, span: (usize, usize), own: &[&str]) -> bool {
        let detector = self.detector;
        ContextProbe::new(self.hay, detector.words, &mut self.keys, span)
            .masked_by(detector.mask_chars)
            .ssn_word()
            .is_some_and(|word| national_id::may_name(word, own))
    }

    /// Whether a chunk is a lone group of 7 to 11 digits that only a phone or SSN key word
    /// could make a value, and the nearest key word before it says it is something else
    /// (`pedido #115568416`, `Bestellung #76059294`): the question the validators would ask
    /// first, asked without reading the chunk for them. (Not eight digits and a letter: a
    /// Spanish DNI, see `ssn::spanish_id_candidate`.)
    ///
    /// Such a group (starting plainly, not with `0`, no `+` before it, not 11 digits read
    /// as an `8…` mobile, a mobile without its `+` or a NANP number after its trunk `1`,
    /// `12…` to `19…`) is no card (too few digits) and fits no prefixed, trunk or grouped
    /// phone reading: only the context rules of the phone and SSN validators could take
    /// it, and both answer no when the nearest deciding key word before it is a label or a
    /// code.
    fn labelled_lone_group(&mut self, anchor: usize, chunk: PlainChunk) -> bool {
        let hay = self.hay;
        let lone = chunk.first_digits == chunk.digits
            && (7..=11).contains(&chunk.digits)
            && !(chunk.digits == 11
                && (matches!(hay[anchor..], [b'8', ..] | [b'1', b'2'..=b'9', ..])
                    || is_mobile_without_plus_at(hay, anchor)))
            && hay[anchor] != b'0'
            && plain_start(hay, anchor)
            && !(anchor >= 2 && hay[anchor - 2] == b'+')
            // (Nor a Spanish DNI, which a label does not decide: `pedido 54362315K`.)
            && !(chunk.digits == 8 && ssn::check_letter_after(hay, chunk.end).is_some());
        lone && ContextProbe::new(hay, self.detector.words, &mut self.keys, (anchor, chunk.end))
            .masked_by(self.detector.mask_chars)
            .other_key_decides()
    }

    /// Reads the chunk at `anchor` and validates every start group; returns the chunk end.
    ///
    /// With `SKIP_COVERED`, once a candidate reaches the end of a complete chunk, the kinds
    /// after it at its start group and every later start group are not asked: anything they
    /// found would lie inside it, shorter or behind it in the tie order (card, SSN, phone),
    /// and so change neither the span nor the kind of the merged match (see `resolve`). A
    /// `+` before the chunk is the one way a phone could start before a card or SSN at the
    /// same group. (`false` is the plain reading, kept for the test that they agree.)
    fn scan_chunk<const SKIP_COVERED: bool>(&mut self, anchor: usize, out: &mut Candidates) -> usize {
        let detector = self.detector;
        let kinds = detector.kinds;
        let chunk = &mut self.chunk;
        chunk.begin(anchor);
        // A phone or SSN word glued to its number by a hyphen (`Mob-9876543210`) is not the
        // word part of a code: the number may start there.
        if let Some(end) = chunk.glued_word_end
            && value_word_glued(self.hay, end, detector.words)
        {
            chunk.word_before_first = false;
        }
        loop {
            chunk.fill();
            let loaded = chunk.groups().len();
            let ready = if chunk.complete { loaded } else { loaded - LOOKAHEAD };
            let worth = !(chunk.complete && chunk.total_digits < detector.min_digits);
            if worth {
                let mut context =
                    ContextProbe::new(self.hay, detector.words, &mut self.keys, (chunk.start, chunk.end()))
                        .masked_by(detector.mask_chars);
                let chunk_end = chunk.end();
                // Whether a candidate found since `from` covers whatever could still be
                // found starting at `earliest` or later.
                let covers_rest = |out: &[Candidate], from: usize, earliest: usize| {
                    SKIP_COVERED
                        && chunk.complete
                        && out[from..].iter().any(|c| c.start <= earliest && c.end >= chunk_end)
                };
                // Digits from each start group to the end of the window: a start with too few
                // left for a kind is skipped for that kind (a 7-digit chunk holds no card).
                let mut remaining = chunk.groups().iter().map(|g| g.len).sum::<usize>();
                for s in 0..ready {
                    let from = out.len();
                    let group_start = chunk.groups()[s].start;
                    // (National account numbers start with a group of 2, 8 or 26 digits.)
                    if kinds.contains(Kind::Iban)
                        && remaining >= 24
                        && matches!(chunk.groups()[s].len, 2 | 8 | 26)
                    {
                        iban::national_candidates(chunk, s, &mut context, self.veto, out);
                    }
                    if kinds.contains(Kind::Card) && remaining >= 12 {
                        card::candidates(chunk, s, &mut context, self.veto, out);
                    }
                    // (A Spanish DNI or NIE is a whole chunk of 7 or 8 digits and its letters.)
                    if kinds.contains(Kind::Ssn) && s == 0 && matches!(remaining, 7 | 8) {
                        ssn::spanish_id_candidate(chunk, self.veto, out);
                    }
                    // (A Chinese identity number's check `X` lies past the chunk: a card read
                    // from its 17 digits does not cover it.)
                    if kinds.contains(Kind::Ssn)
                        && remaining >= 9
                        && (!covers_rest(out, from, group_start) || chunk.groups()[s].len == 17)
                    {
                        ssn::candidates(chunk, s, &mut context, self.veto, out);
                    }
                    let phone_start = match chunk.plus {
                        Some(plus) if chunk.is_first(s) => plus,
                        _ => group_start,
                    };
                    if kinds.contains(Kind::Phone) && remaining >= 7 && !covers_rest(out, from, phone_start) {
                        phone::candidates(chunk, s, &mut context, self.veto, out);
                    }
                    if covers_rest(out, from, usize::MAX) {
                        break;
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

    /// The merged matches of the candidates found in the chunk at `anchor`, with or
    /// without skipping what a candidate reaching the chunk's end already covers.
    fn chunk_matches<const SKIP_COVERED: bool>(hay: &[u8], anchor: usize) -> Vec<(usize, usize, Kind)> {
        let detector = Detector::new(KindSet::ALL, Level::Scalar, MaskedForm::DEFAULT);
        let mut found = Candidates::new();
        Scanner::new(&detector, hay).scan_chunk::<SKIP_COVERED>(anchor, &mut found);
        let mut resolver = resolve::Resolver::default();
        resolver.absorb(&mut found);
        std::iter::from_fn(|| resolver.pop(hay, None)).map(|m| (m.start(), m.end(), m.kind())).collect()
    }

    proptest! {
        /// Skipping the start groups and kinds a candidate already covers changes no match:
        /// cards, SSNs and phones (with `+`, `(…)`, trunk prefixes) among other groups,
        /// after the key words that decide them.
        #[test]
        fn skipping_what_a_candidate_covers_changes_no_match(
            before in "(|[a-z]{1,3} |card |tel |SSN |order |\\+|\\+ |00|\\(|[0-9]{1,4}[ -])",
            value in prop_oneof![
                Just("4111 1111 1111 1111"), Just("4111111111111111"), Just("5500-0000-0000-0004"),
                Just("3782 822463 10005"), Just("536-22-1479"), Just("536 22 1479"), Just("536221479"),
                Just("44 7911 123456"), Just("(555) 123-4567"), Just("06 12 34 56 78"),
                Just("1 800 555 0199"), Just("8 912 345 67 89"), Just("0049 30 901820"),
                Just("4111 1111 1111 1111 0"), Just("49 4111 1111 1111 1111"),
            ],
            noise in "[0-9]{1,5}([ .-][0-9]{1,5}){0,5}",
            pick in 0..3u8,
            after in "(|[ -][0-9]{1,4}([ -][0-9]{1,4})?)( now|, thanks|)",
        ) {
            let middle = if pick == 0 { noise.as_str() } else { value };
            let text = format!("{before}{middle}{after}");
            let hay = text.as_bytes();
            let anchor = hay.iter().position(u8::is_ascii_digit).unwrap();
            prop_assert_eq!(chunk_matches::<true>(hay, anchor), chunk_matches::<false>(hay, anchor), "{:?}", text);
        }
    }

    /// The short-chunk fast path alone (the first of [`plain_fast_path`]).
    fn short_plain_chunk(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
        plain_start(hay, anchor).then(|| short_chunk_end(hay, anchor, min_digits)).flatten()
    }

    proptest! {
        /// Whenever the fast path decides, it ends the chunk exactly where the full reader
        /// does, and the full reader finds too few digits for any kind there.
        #[test]
        fn fast_path_agrees_with_the_chunk_reader(text in "([A-Z]{0,3}|[ab +(@#-]?)[0-9]{1,4}([ ./\t–\u{a0}\u{2009}-][0-9]{1,3}){0,3}[ ,.:/x)(\u{a0}-]?[ \n/-]?([0-9a-zA-Z€₴é–\u{a0}\u{2009}٤０( ][0-9 ]?)?") {
            let hay = text.as_bytes();
            let Some(anchor) = hay.iter().position(u8::is_ascii_digit) else { return Ok(()) };
            if let Some(end) = short_chunk_end(hay, anchor, 7) {
                let detector = Detector::new(KindSet::ALL, Level::Scalar, MaskedForm::DEFAULT);
                let mut found = Candidates::new();
                prop_assert_eq!(Scanner::new(&detector, hay).scan_chunk::<true>(anchor, &mut found), end, "{:?}", text);
                prop_assert!(found.is_empty());
            }
            if let Some(end) = short_plain_chunk(hay, anchor, 7) {
                let mut chunk = Chunk::new(hay, anchor);
                chunk.fill();
                prop_assert!(chunk.complete);
                prop_assert_eq!(chunk.end(), end, "{:?}", text);
                prop_assert!(chunk.total_digits < 7);
            }
        }

        /// Whenever the date fast path decides, the full path (IBAN check and chunk
        /// reader with every validator) ends the chunk at the same place and finds nothing.
        #[test]
        fn date_fast_path_agrees_with_the_full_path(
            before in "(|[a-zA-Z]{1,3}|[ (\\[+#:-]|[A-Z] |SSN |tel |card |IBAN DE89 |à |від |е |É |Ж |号 |№ |Ⅻ )",
            first in "[0-9]{1,4}",
            sep in "[-./]",
            second in "[0-9]{1,2}",
            third in "[0-9]{1,4}",
            after in "(|[ ,.;:!?\\]\n)-]|T[0-9]{2}|[ ./-][0-9]{1,4}|  [0-9]{2}| [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?|[ .,][a-z(+]|\u{a0}[0-9]{4}| - [0-9]{3}|[ ./-]( |\n|  |\u{a0})[0-9(]?| [-/./] ?[0-9(]|[ .-]\u{2009}[0-9])[a-z0-9 ]{0,3}",
        ) {
            let text = format!("{before}{first}{sep}{second}{sep}{third}{after}");
            let hay = text.as_bytes();
            let anchor = before.len();
            if let Some(end) = short_date_chunk(hay, anchor) {
                prop_assert!(iban::find(hay, anchor, &['*']).is_none(), "{:?}", text);
                for kinds in [KindSet::ALL, [Kind::Phone].into_iter().collect(), [Kind::Card].into_iter().collect()] {
                    let detector = Detector::new(kinds, Level::Scalar, MaskedForm::DEFAULT);
                    let mut scanner = Scanner::new(&detector, hay);
                    let mut found = Candidates::new();
                    let full_end = scanner.scan_chunk::<true>(anchor, &mut found);
                    prop_assert_eq!(full_end, end, "{:?}", text);
                    prop_assert!(found.is_empty(), "{:?}: {:?}", text, found);
                }
            }
        }
    }

    /// Where the scanner passes over a glued chunk holding no value (`None`: it reads it).
    fn glued_chunk_end(hay: &[u8], anchor: usize, min_digits: usize) -> Option<usize> {
        plain_chunk(hay, anchor, usize::MAX)
            .filter(|&chunk| glued_without_value(hay, anchor, chunk, min_digits, KeyWords::shared()))
            .map(|chunk| chunk.end)
    }

    /// Where the scanner passes over a long lone group holding no value.
    fn long_lone_group_end(hay: &[u8], anchor: usize) -> Option<usize> {
        plain_chunk(hay, anchor, usize::MAX)
            .filter(|&chunk| long_lone_group_without_value(hay, anchor, chunk))
            .map(|chunk| chunk.end)
    }

    proptest! {
        /// Whenever a chunk glued to a word is passed over, the full reader ends it at the
        /// same place and every validator finds nothing in it.
        #[test]
        fn glued_chunks_passed_over_hold_no_value(
            text in "[ A-Za-z]{0,2}[A-Za-z]-?[0-9]{1,21}([ ./–-][0-9]{1,6}){0,4}([ ,.;a-zA-Z(+)-][0-9a-z ]{0,2})?",
        ) {
            let hay = text.as_bytes();
            let Some(anchor) = hay.iter().position(u8::is_ascii_digit) else { return Ok(()) };
            let kind_sets: [KindSet; 4] = [
                KindSet::ALL,
                [Kind::Card].into_iter().collect(),
                [Kind::Ssn].into_iter().collect(),
                [Kind::Phone, Kind::Ssn].into_iter().collect(),
            ];
            for kinds in kind_sets {
                let detector = Detector::new(kinds, Level::Scalar, MaskedForm::DEFAULT);
                if let Some(end) = glued_chunk_end(hay, anchor, detector.min_digits) {
                    let mut found = Candidates::new();
                    prop_assert_eq!(Scanner::new(&detector, hay).scan_chunk::<true>(anchor, &mut found), end, "{:?}", text);
                    prop_assert!(found.is_empty(), "{:?}: {:?}", text, found);
                }
            }
        }
    }

    proptest! {
        /// Whenever a long lone group is passed over, the full reader ends it at the same
        /// place and every validator finds nothing in it.
        #[test]
        fn long_lone_groups_passed_over_hold_no_value(
            before in "(|[a-zA-Z]{1,3}|[ (\\[+#:-]|[A-Z] |tel |call |SSN |à |від |№ )",
            digits in "[0-9]{14,22}",
            after in "(|[ ,.;:a-z(+)-][0-9a-z ]{0,3}|[ ./-][0-9]{1,4})",
        ) {
            let text = format!("{before}{digits}{after}");
            let hay = text.as_bytes();
            let anchor = before.len();
            if let Some(end) = long_lone_group_end(hay, anchor) {
                let detector = Detector::new(KindSet::ALL, Level::Scalar, MaskedForm::DEFAULT);
                let mut found = Candidates::new();
                prop_assert_eq!(Scanner::new(&detector, hay).scan_chunk::<true>(anchor, &mut found), end, "{:?}", text);
                prop_assert!(found.is_empty(), "{:?}: {:?}", text, found);
            }
        }
    }

    #[test]
    fn long_lone_groups_that_are_no_card_are_passed_over() {
        let cases: [(&str, Option<usize>); 6] = [
            ("no 1002938154981896 x", Some(19)),
            ("no 4111111111111111 x", None),
            ("no 0044123456789012 x", None),
            ("no 100293815498189 x", None),
            ("no 1002938154981896 12 x", None),
            ("no 10029381549818961234567 x", Some(26)),
        ];
        for (text, expected) in cases {
            assert_eq!(long_lone_group_end(text.as_bytes(), 3), expected, "{text:?}");
        }
    }

    #[test]
    fn glued_codes_too_short_for_a_card_are_passed_over() {
        let cases: [(&str, Option<usize>); 9] = [
            ("ORD-2025-903905, x", Some(15)),
            ("JD014600003826484021 x", Some(20)),
            ("JD4111111111111111 x", None),
            ("JD4111111111111112 x", Some(18)),
            ("A-19121 x", Some(7)),
            ("ORD-2025-9039051 x", None),
            ("AB1234 5678 9012 x", None),
            ("x 2025-903905", None),
            ("4-2025-903905", None),
        ];
        for (text, expected) in cases {
            let anchor = text.bytes().position(|b| b.is_ascii_digit()).unwrap();
            let anchor = if text.starts_with('4') { 2 } else { anchor };
            assert_eq!(glued_chunk_end(text.as_bytes(), anchor, 7), expected, "{text:?}");
        }
    }

    /// A regression: the fast path once took an Arabic letter (whose lead byte stage 1
    /// reports, as Arabic-Indic digits share it) for a chunk ending where it began, and the
    /// scan stopped moving.
    #[test]
    fn the_fast_path_never_takes_a_letter_for_a_chunk() {
        for text in ["هو 12", "هو", "x ह 5", "ｱ 1", "٣", "१२३ ४५६"] {
            let hay = text.as_bytes();
            for anchor in 0..hay.len() {
                assert_eq!(
                    short_chunk_end(hay, anchor, 7).is_some(),
                    hay[anchor].is_ascii_digit(),
                    "{text:?} {anchor}"
                );
            }
            let detector = Detector::new(KindSet::ALL, Level::detect(), MaskedForm::DEFAULT);
            let mut scanner = Scanner::new(&detector, hay);
            let mut found = Candidates::new();
            let mut steps = 0;
            while scanner.step(&mut found) {
                steps += 1;
                assert!(steps <= hay.len(), "{text:?}: the scan does not move");
            }
        }
    }

    proptest! {
        /// The byte shortcuts of `ends_chunk` agree with the character classes.
        #[test]
        fn ends_chunk_shortcuts_agree_with_the_classes(
            text in "[0-9a-z (+)./\t-]{0,3}(\u{a0}|–|٣|０|é|\u{2009}|\n|,|（|／|€)?[0-9a-z (+)./\t-]{0,2}",
        ) {
            let hay = text.as_bytes();
            for at in 0..=hay.len() {
                prop_assert_eq!(ends_chunk(hay, at), ends_chunk_by_class(hay, at), "{:?} {}", text, at);
            }
        }

        /// The same, for a space before a non-ASCII character and what may follow it.
        #[test]
        fn ends_chunk_after_a_space_agrees_with_the_classes(
            text in "[0-9]( |\t)(（|／|€|–|\u{a0}|٣|０|é|\u{2009}|－|．)( |/|-|\u{a0}|．)?[0-9(（a]?",
        ) {
            let hay = text.as_bytes();
            prop_assert_eq!(ends_chunk(hay, 1), ends_chunk_by_class(hay, 1), "{:?}", text);
        }
    }

    #[test]
    fn lines_whose_numbers_are_all_short_hold_no_digit_value() {
        let all = Detector::new(KindSet::ALL, Level::detect(), MaskedForm::DEFAULT);
        let cards: KindSet = [Kind::Card].into_iter().collect();
        let cards = Detector::new(cards, Level::detect(), MaskedForm::DEFAULT);
        for (text, any_kind, cards_only) in [
            ("card ************1111 for", false, false),
            ("49,99 € on", false, false),
            ("on 2025-11-21 at", false, false),
            ("at 10:30, m", false, false),
            ("m******@gmail.com", false, false),
            ("card ************1111 for 49,99 € on 2025-11-21 at 10:30, m******@gmail.com", false, false),
            ("", false, false),
            ("call 612 345 678 now", true, false),
            ("ref 1234567890123", true, true),
            ("(555) 123-4567", true, false),
            ("٠٦١٢٣٤٥٦٧٨", true, false),
            ("٤١١١ ١١١١ ١١١١ ١١١١", true, true),
            ("NI number AB123456C", true, false),
            ("RCCMNL83S18D969H", true, false),
            ("2 53 07 2B 073 004 70", true, false),
        ] {
            assert_eq!(all.may_hold_digit_value(text.as_bytes()), any_kind, "{text:?}");
            assert_eq!(cards.may_hold_digit_value(text.as_bytes()), cards_only, "{text:?}");
        }
    }

    /// Whether the one-number-at-a-time fast paths of the scanner's step, started at
    /// `anchor`, decide every number before `end` and stop exactly there.
    fn fast_steps_reach(hay: &[u8], anchor: usize, min_digits: usize, end: usize) -> bool {
        let mut pos = anchor;
        loop {
            let at = Level::Scalar.next_anchor(hay, pos);
            if at >= end {
                return pos == end;
            }
            match short_plain_chunk(hay, at, min_digits).or_else(|| short_date_chunk(hay, at)) {
                Some(chunk_end) if hay[at] != b'@' => pos = chunk_end.max(at + 1),
                _ => return false,
            }
        }
    }

    proptest! {
        /// Whenever the timestamp fast path decides, the fast paths it stands for, number
        /// by number, decide the same numbers and end at the same place.
        #[test]
        fn timestamp_fast_path_agrees_with_the_number_steps(
            before in "(|\\[|x|[ (+#:/.-]|A |é |tel )",
            stamp in "[0-9]{4}-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]",
            broken in proptest::option::of((0usize..19, "[0-9 :./T-]")),
            after in "(|\\]|[ ,.:/x)(\u{a0}-]?[ \n/-]?([0-9a-z€( ][0-9 ]?)?)",
            min_digits in proptest::sample::select(vec![7usize, 9, 12, usize::MAX]),
        ) {
            let mut stamp = stamp.into_bytes();
            if let Some((at, byte)) = broken {
                stamp[at] = byte.as_bytes()[0];
            }
            let text = format!("{before}{}{after}", String::from_utf8_lossy(&stamp));
            let hay = text.as_bytes();
            let anchor = before.len();
            if let Some(end) = timestamp_end(hay, anchor, min_digits) {
                prop_assert!(fast_steps_reach(hay, anchor, min_digits, end), "{:?} {}", text, end);
            }
        }
    }

    #[test]
    fn the_timestamp_shape_is_checked_byte_for_byte() {
        const SHAPE: &[u8; 19] = b"0000-00-00 00:00:00";
        let valid = *b"2025-11-21 04:40:10";
        assert!(has_timestamp_shape(&valid));
        for at in 0..19 {
            for byte in 0..=255u8 {
                let mut stamp = valid;
                stamp[at] = byte;
                let fits = if SHAPE[at] == b'0' { byte.is_ascii_digit() } else { byte == SHAPE[at] };
                assert_eq!(has_timestamp_shape(&stamp), fits, "byte {byte:#04x} at {at}");
            }
        }
    }

    #[test]
    fn the_timestamp_fast_path_takes_chat_timestamps() {
        let cases: [(&str, Option<usize>); 16] = [
            ("[2025-11-21 04:40:10] agent", Some(20)),
            // What follows the seconds may join their chunk.
            ("2025-11-21 04:40:10.5", Some(21)),
            ("[2025-11-21 04:40:10 5] x", Some(22)),
            ("[2025-11-21 04:40:10-5] x", Some(22)),
            ("2025-11-21 04:40:10/5 x", Some(21)),
            ("2025-11-21 04:40:10\u{a0}5", Some(22)),
            ("2025-11-21 04:40:10 € x", Some(19)),
            ("2025-11-21 04:40:10(5)", None),
            ("2025-11-21 04:40:10) x", None),
            ("2025-11-21 04:40:10", Some(19)),
            ("at 2025-11-21 04:40:10, ok", Some(22)),
            ("[2025-13-41 04:40:10] x", None),
            ("[2025-11-21 04:40:1] x", None),
            ("[2025-11-21T04:40:10] x", None),
            ("x2025-11-21 04:40:10", None),
            ("[2025-11-21 04:40:10 123 4567] x", None),
        ];
        for (text, expected) in cases {
            let anchor = text.bytes().position(|b| b.is_ascii_digit()).unwrap();
            assert_eq!(timestamp_end(text.as_bytes(), anchor, 7), expected, "{text:?}");
        }
    }

    proptest! {
        /// Whenever a lone group is passed over because a label decides it, the full path
        /// (chunk reader and every validator) ends it at the same place and finds nothing.
        #[test]
        fn labelled_lone_groups_passed_over_hold_no_value(
            label in "(|Bestellung|order|my order|pedido|замовлення|ref|ticket|invoice|code postal|tracking|EAN)",
            between in "(| #| # | no\\. | n° | number | nr |: | from yesterday | and my | y )",
            context in "(|phone |SSN |call me |tel |Telefon |мій номер |my number |social )",
            plus in "(|\\+ |\\+|\\(|x)",
            digits in "[0-9]{6,13}",
            after in "(|[ ,.;:!?)\n-]|[ ,.][a-z]{1,4}|  [0-9]{2}| is my phone| - [0-9]{3}|@x\\.com)",
        ) {
            let text = format!("{context}{label}{between}{plus}{digits}{after}");
            let hay = text.as_bytes();
            let anchor = text.len() - digits.len() - after.len();
            let detector = Detector::new(KindSet::ALL, Level::Scalar, MaskedForm::DEFAULT);
            let Some(chunk) = plain_chunk(hay, anchor, usize::MAX) else { return Ok(()) };
            if Scanner::new(&detector, hay).labelled_lone_group(anchor, chunk) {
                let mut found = Candidates::new();
                prop_assert_eq!(Scanner::new(&detector, hay).scan_chunk::<true>(anchor, &mut found), chunk.end, "{:?}", text);
                prop_assert!(found.is_empty(), "{:?}: {:?}", text, found);
            }
        }
    }

    #[test]
    fn lone_groups_after_a_label_are_passed_over() {
        let cases = [
            ("Bestellung #76059294 vom", true),
            ("pedido #115568416, enviado", true),
            ("my order 612345678", true),
            ("my phone 612345678", false),
            ("order 0612345678", false),
            ("order + 612345678", false),
            ("order 89123456789", false),
            // 11 digits from `12` on read as a NANP number after its trunk `1`.
            ("Bestellung number 12002000000 is my phone", false),
            ("order 13912345678", false),
            ("order 123456789012", false),
            ("hello 612345678", false),
        ];
        let detector = Detector::new(KindSet::ALL, Level::Scalar, MaskedForm::DEFAULT);
        for (text, expected) in cases {
            let hay = text.as_bytes();
            let anchor = hay.iter().position(u8::is_ascii_digit).unwrap();
            let chunk = plain_chunk(hay, anchor, usize::MAX).unwrap();
            assert_eq!(Scanner::new(&detector, hay).labelled_lone_group(anchor, chunk), expected, "{text:?}");
        }
    }

    #[test]
    fn the_date_fast_path_takes_dates_and_timestamps() {
        let cases: [(&str, Option<usize>); 10] = [
            ("[2025-11-21 04:40:00] x", Some(14)),
            ("on 2025-11-21, ok", Some(13)),
            ("le 21.11.2025 à", Some(13)),
            ("11/21/25 at", Some(8)),
            ("2025-11-21T04:40", Some(10)),
            ("2025-13-45 x", None),
            ("21.11.2025.5", None),
            ("x2025-11-21", None),
            ("2025-11-21 0612345678", None),
            ("21.11.2025\u{a0}1", None),
        ];
        for (text, expected) in cases {
            let anchor = text.bytes().position(|b| b.is_ascii_digit()).unwrap();
            assert_eq!(short_date_chunk(text.as_bytes(), anchor), expected, "{text:?}");
        }
    }
}

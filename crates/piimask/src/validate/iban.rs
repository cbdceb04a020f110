//! IBANs: a registry country code, two check digits and a BBAN of that country's exact
//! length and structure, compact or grouped, any case; valid when mod-97 gives 1.
//!
//! Facts: SWIFT IBAN Registry release 100 (89 countries), partial members as listed by
//! schwifty and ibantools (with php-iban's variants accepted too), and the territories that
//! use their parent's format (REFERENCE §2).

use crate::kind::Kind;
use crate::scan::chars::{Class, Sep, char_at, char_before, classify, is_boundary_letter};
use crate::scan::chunk::{Chunk, Joint};
use crate::scan::{Candidate, Candidates};
use crate::validate::context::{CONTEXT_WINDOW, ContextProbe};
use crate::validate::email;
use crate::validate::numbers::vetoed;

/// `(country, length, BBAN structure)`. Structure: `n` digits, `a` letters, `c` either.
static COUNTRIES: &[(&str, u8, &str)] = &[
    ("AD", 24, "4n4n12c"),
    ("AE", 23, "3n16n"),
    ("AL", 28, "8n16c"),
    ("AT", 20, "5n11n"),
    ("AZ", 28, "4a20c"),
    ("BA", 20, "3n3n8n2n"),
    ("BE", 16, "3n7n2n"),
    ("BG", 22, "4a4n2n8c"),
    ("BH", 22, "4a14c"),
    ("BI", 27, "5n5n11n2n"),
    ("BR", 29, "8n5n10n1a1c"),
    ("BY", 28, "4c4n16c"),
    ("CH", 21, "5n12c"),
    ("CR", 22, "4n14n"),
    ("CY", 28, "3n5n16c"),
    ("CZ", 24, "4n16n"),
    ("DE", 22, "8n10n"),
    ("DJ", 27, "5n5n11n2n"),
    ("DK", 18, "4n9n1n"),
    ("DO", 28, "4c20n"),
    ("EE", 20, "2n14n"),
    ("EG", 29, "4n4n17n"),
    ("ES", 24, "4n4n1n1n10n"),
    ("FI", 18, "3n11n"),
    ("FK", 18, "2a12n"),
    ("FO", 18, "4n9n1n"),
    ("FR", 27, "5n5n11c2n"),
    ("GB", 22, "4a6n8n"),
    ("GE", 22, "2a16n"),
    ("GI", 23, "4a15c"),
    ("GL", 18, "4n9n1n"),
    ("GR", 27, "3n4n16c"),
    ("GT", 28, "4c20c"),
    ("HN", 28, "4a20n"),
    ("HR", 21, "7n10n"),
    ("HU", 28, "3n4n1n15n1n"),
    ("IE", 22, "4a6n8n"),
    ("IL", 23, "3n3n13n"),
    ("IQ", 23, "4a3n12n"),
    ("IS", 26, "4n2n6n10n"),
    ("IT", 27, "1a5n5n12c"),
    ("JO", 30, "4a4n18c"),
    ("KW", 30, "4a22c"),
    ("KZ", 20, "3n13c"),
    ("LB", 28, "4n20c"),
    ("LC", 32, "4a24c"),
    ("LI", 21, "5n12c"),
    ("LT", 20, "5n11n"),
    ("LU", 20, "3n13c"),
    ("LV", 21, "4a13c"),
    ("LY", 25, "3n3n15n"),
    ("MC", 27, "5n5n11c2n"),
    ("MD", 24, "2c18c"),
    ("ME", 22, "3n13n2n"),
    ("MK", 19, "3n10c2n"),
    ("MN", 20, "4n12n"),
    ("MR", 27, "5n5n11n2n"),
    ("MT", 31, "4a5n18c"),
    ("MU", 30, "4a2n2n12n3n3a"),
    ("NI", 28, "4a20n"),
    ("NL", 18, "4a10n"),
    ("NO", 15, "4n6n1n"),
    ("OM", 23, "3n16c"),
    ("PK", 24, "4a16c"),
    ("PL", 28, "8n16n"),
    ("PS", 29, "4a21c"),
    ("PT", 25, "4n4n11n2n"),
    ("QA", 29, "4a21c"),
    ("RO", 24, "4a16c"),
    ("RS", 22, "3n13n2n"),
    ("RU", 33, "9n5n15c"),
    ("SA", 24, "2n18c"),
    ("SC", 31, "4a2n2n16n3a"),
    ("SD", 18, "2n12n"),
    ("SE", 24, "3n16n1n"),
    ("SI", 19, "5n8n2n"),
    ("SK", 24, "4n6n10n"),
    ("SM", 27, "1a5n5n12c"),
    ("SO", 23, "4n3n12n"),
    ("ST", 25, "4n4n11n2n"),
    ("SV", 28, "4a20n"),
    ("TL", 23, "3n14n2n"),
    ("TN", 24, "2n3n13n2n"),
    ("TR", 26, "5n1n16c"),
    ("UA", 29, "6n19c"),
    ("VA", 22, "3n15n"),
    ("VG", 24, "4a16n"),
    ("XK", 20, "4n10n2n"),
    ("YE", 30, "4a4n18c"),
    // Partial members (not in the registry, used nationally). Where sources disagree the
    // structure admits every variant: `2c` covers both two letters and one letter + digit.
    ("AO", 25, "21n"),
    ("BF", 28, "2c22n"),
    ("BF", 27, "2c21n"),
    ("BJ", 28, "2c22n"),
    ("CF", 27, "23n"),
    ("CG", 27, "23n"),
    ("CI", 28, "2c22n"),
    ("CM", 27, "23n"),
    ("CV", 25, "21n"),
    ("DZ", 26, "22n"),
    ("DZ", 24, "20n"),
    ("GA", 27, "23n"),
    ("GQ", 27, "23n"),
    ("GW", 25, "2c19n"),
    ("IR", 26, "22n"),
    ("KM", 27, "23n"),
    ("MA", 28, "24n"),
    ("MG", 27, "23n"),
    ("ML", 28, "2c22n"),
    ("MZ", 25, "21n"),
    ("NE", 28, "2c22n"),
    ("SN", 28, "2c22n"),
    ("TD", 27, "23n"),
    ("TG", 28, "2c3n5n12n2n"),
];

/// Territories whose IBANs use their parent country's format.
static TERRITORIES: &[(&str, &str)] = &[
    ("AX", "FI"),
    ("GF", "FR"),
    ("GP", "FR"),
    ("MQ", "FR"),
    ("RE", "FR"),
    ("PF", "FR"),
    ("TF", "FR"),
    ("YT", "FR"),
    ("NC", "FR"),
    ("BL", "FR"),
    ("MF", "FR"),
    ("PM", "FR"),
    ("WF", "FR"),
    ("IM", "GB"),
    ("JE", "GB"),
    ("GG", "GB"),
];

/// The longest IBAN of any country.
const MAX_LEN: usize = 34;

/// The country codes that have a format (registry countries and territories), one bit per
/// second letter for each first letter: most letter pairs before a number in chat
/// (`1ZR9D4H…`, a parcel code) are none, and are turned away here without a table scan.
static CODES: [u32; 26] = {
    const fn mark(codes: &mut [u32; 26], code: &str) {
        let code = code.as_bytes();
        codes[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
    }
    let mut codes = [0u32; 26];
    let mut i = 0;
    while i < COUNTRIES.len() {
        mark(&mut codes, COUNTRIES[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < TERRITORIES.len() {
        mark(&mut codes, TERRITORIES[i].0);
        i += 1;
    }
    codes
};

/// Whether the upper-case letters `cc` are a country code with a format.
#[inline]
pub(crate) fn has_formats(cc: [u8; 2]) -> bool {
    let (first, second) = (cc[0].wrapping_sub(b'A'), cc[1].wrapping_sub(b'A'));
    first < 26 && second < 26 && CODES[usize::from(first)] >> second & 1 != 0
}

/// The formats `(length, structure)` a country code may have.
fn formats(cc: [u8; 2]) -> impl Iterator<Item = (usize, &'static str)> {
    let parent = TERRITORIES
        .iter()
        .find(|(code, _)| code.as_bytes() == cc)
        .map_or(cc, |(_, parent)| [parent.as_bytes()[0], parent.as_bytes()[1]]);
    COUNTRIES
        .iter()
        .filter(move |(code, _, _)| code.as_bytes() == parent)
        .map(|&(_, len, bban)| (usize::from(len), bban))
}

/// Whether the BBAN characters (upper-case ASCII) follow the structure.
fn bban_matches(bban: &[u8], structure: &str) -> bool {
    let mut pos = 0;
    let mut count = 0usize;
    for b in structure.bytes() {
        if b.is_ascii_digit() {
            count = count * 10 + usize::from(b - b'0');
            continue;
        }
        let Some(part) = bban.get(pos..pos + count) else { return false };
        let ok = match b {
            b'n' => part.iter().all(u8::is_ascii_digit),
            b'a' => part.iter().all(u8::is_ascii_uppercase),
            _ => part.iter().all(u8::is_ascii_alphanumeric),
        };
        if !ok {
            return false;
        }
        pos += count;
        count = 0;
    }
    pos == bban.len()
}

/// ISO 7064 MOD 97-10 over an IBAN in electronic format (upper-case ASCII): moves the
/// first four characters to the end, reads letters as 10..35, returns the remainder.
pub(crate) fn mod97(iban: &[u8]) -> u32 {
    let (head, tail) = iban.split_at(4.min(iban.len()));
    tail.iter().chain(head).fold(0u32, |acc, &b| {
        if b.is_ascii_digit() {
            (acc * 10 + u32::from(b - b'0')) % 97
        } else {
            (acc * 100 + u32::from(b - b'A') + 10) % 97
        }
    })
}

/// Account numbers in the national forms that two countries write every day instead of the
/// IBAN, read from a chunk's digit groups starting at group `s`:
/// - Poland's NRB is the IBAN without `PL` (REFERENCE §2: `PL` + 2 check digits + 24-digit
///   BBAN): 26 digits, `62 1750 0487 0000 0963 4192 7939` or run together, valid when the
///   IBAN check holds with `PL` put back. One random 26-digit number in 97 passes.
/// - Hungary's is its 24-digit BBAN in three groups of eight, joined by hyphens or spaces
///   (`11664622-15027394-64639270`): the shape alone decides (the giro check digits in it
///   are left unchecked, as generated test data does not hold them; nothing else in chat is
///   written so).
///
/// Neither may be a slice of a longer grouped number, nor follow a product or parcel code
/// word (`tracking …`); a label does not veto them, as it does not veto a card. (Out of
/// line: inlined, it made the scanner's loop 0.5% slower on dense text.)
#[inline(never)]
pub(crate) fn national_candidates(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    const NRB: [usize; 7] = [2, 4, 4, 4, 4, 4, 4];
    const HUNGARIAN: [usize; 3] = [8, 8, 8];
    let groups = &chunk.groups()[s..];
    let shaped = |shape: &[usize]| {
        groups.len() >= shape.len() && groups.iter().zip(shape).all(|(g, &len)| g.len == len && !g.paren)
    };
    let (e, nrb) = if shaped(&[26]) {
        (s, true)
    } else if shaped(&NRB) {
        (s + NRB.len() - 1, true)
    } else if shaped(&HUNGARIAN) && matches!(groups[1].joint, Joint::Sep(Sep::Dash | Sep::Space)) {
        (s + HUNGARIAN.len() - 1, false)
    } else {
        return;
    };
    let all = chunk.groups();
    let inner = if e > s { all[s + 1].joint } else { Joint::Sep(Sep::Space) };
    if all[s + 1..=e].iter().any(|g| g.joint != inner)
        || !chunk.starts_clean(s)
        || !chunk.ends_clean(e)
        || (!chunk.is_first(s) && all[s].joint.same_sep(inner))
        || chunk.continued_after(e, inner)
        || vetoed(chunk, s, e, veto)
    {
        return;
    }
    if nrb {
        let mut digits = [0u8; 26];
        let mut written = 0;
        for group in &all[s..=e] {
            written += group.decode(chunk.hay, &mut digits[written..]);
        }
        if written != 26 || !is_nrb(&digits) {
            return;
        }
    }
    if !context.product_code() {
        out.push(Candidate::new(all[s].start, all[e].end, Kind::Iban));
    }
}

/// Whether 26 digit values are a Polish NRB: the IBAN check holds with `PL` put back (see
/// [`national_candidates`]).
pub(crate) fn is_nrb(digits: &[u8; 26]) -> bool {
    // `PL` (25, 21) moved behind the BBAN with the check digits: BBAN, `2521`, check digits.
    digits[2..]
        .iter()
        .chain(&[2, 5, 2, 1])
        .chain(&digits[..2])
        .fold(0u32, |acc, &d| (acc * 10 + u32::from(d)) % 97)
        == 1
}

/// What was found at an IBAN-shaped position.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// A valid IBAN over this byte span.
    Iban(usize, usize),
    /// A value of exact IBAN shape whose check fails: a known non-IBAN over this span.
    NotIban(usize, usize),
}

/// Looks for an IBAN whose check digits start at `digit` (the first digit of a chunk).
/// `mask_chars` are the masker's mask characters, each standing for a character it masked,
/// so that a run reads alike before and after what follows it is masked: a last group that
/// runs into an address (see [`email::runs_into_at_sign`]), a word before a number.
pub(crate) fn find(hay: &[u8], digit: usize, mask_chars: &[char]) -> Option<Found> {
    // Quick exit: a country code ends in an ASCII letter right before the check digits, or
    // in a letter and one space (`SV 62`, `de 89`, or a Unicode space), or in an upper-case
    // letter and a dash or dot (`DE-89`, `AO.06`).
    match digit.checked_sub(1).map(|at| hay[at]) {
        Some(b) if b.is_ascii_alphabetic() || b >= 0x80 => {}
        Some(b' ' | b'\t') if two_letters_before(hay, digit - 1, false) => {}
        Some(b'-' | b'.') if two_letters_before(hay, digit - 1, true) => {}
        _ => return None,
    }
    // The check digits are two digits: a letter right after the first ends it here
    // (`1ZYRCFG0NASR0LJ0P0`: parcel codes put a digit between letters all the time).
    if hay[digit].is_ascii_digit() && hay.get(digit + 1).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let Code { start, end: code_end, cc, upper: upper_code, form } = country_code_before(hay, digit)?;
    if !has_formats(cc) {
        return printed_shape(hay, start, digit);
    }
    let mut formats = formats(cc).peekable();
    formats.peek()?;

    // Read up to MAX_LEN letters and digits, in groups joined by single space, dash or dot
    // separators, remembering where each character ends and whether it ends a group.
    let mut chars = [0u8; MAX_LEN + 1];
    let mut ends = [(0usize, false); MAX_LEN + 1];
    chars[..2].copy_from_slice(&cc);
    ends[1] = (code_end, false);
    let mut count = 2;
    let mut pos = digit;
    let mut after_separator = false;
    while count <= MAX_LEN && pos < hay.len() {
        let (class, mut len) = classify(hay, pos);
        let c = match class {
            Class::Digit(value) => b'0' + value,
            Class::Sep(sep @ (Sep::Space | Sep::Dash | Sep::Dot)) if count > 2 => {
                // A separator is allowed only between two characters (two spaces count as one).
                let mut next = pos + len;
                if sep == Sep::Space && next < hay.len() && classify(hay, next).0 == Class::Sep(Sep::Space) {
                    next += classify(hay, next).1;
                }
                let continues = next < hay.len()
                    && (matches!(classify(hay, next).0, Class::Digit(_)) || letter_at(hay, next).is_some());
                if !continues {
                    break;
                }
                ends[count - 1].1 = true;
                pos = next;
                after_separator = true;
                continue;
            }
            Class::Other => {
                let Some((letter, letter_len)) = letter_at(hay, pos) else { break };
                // (A word is told in ASCII: full-width letters are an IBAN's, as typed.)
                if after_separator
                    && letter_len == 1
                    && is_word(&hay[pos..], upper_code, count == 4, mask_chars)
                    && !email::runs_into_at_sign(hay, pos, mask_chars)
                {
                    break;
                }
                len = letter_len;
                letter
            }
            _ => break,
        };
        // The two check digits must be digits.
        if count < 4 && !c.is_ascii_digit() {
            return None;
        }
        chars[count] = c;
        after_separator = false;
        pos += len;
        ends[count] = (pos, false);
        count += 1;
    }
    // A last group running into an email's local part (`… M56I umelissa@gmail.com`,
    // `… m56i+7@b.co`) may end anywhere inside it: the address is masked, and once it is
    // (`u*******@`) the group ends there; reading it so from the start keeps masking
    // idempotent. The local part may run on past the longest IBAN (found by the fuzz smoke:
    // `… CDEF Gcdefghij…abcd@…`), and hold any local-part character (found by the fuzzer:
    // `… j96r m56i+7…@b.co`, whose masked form `… j96r m****…@b.co` passes the check).
    let into_email = email::runs_into_at_sign(hay, pos, mask_chars);
    if count <= MAX_LEN {
        // The run ended: its last character ends a group.
        ends[count - 1].1 = true;
        // A currency code in capitals glued to the last digit (`BE71096123456769EUR`, as
        // payment details are pasted) may follow the IBAN: it may end before it.
        if count >= 8
            && chars[count - 4].is_ascii_digit()
            && hay[ends[count - 4].0..ends[count - 1].0].iter().all(u8::is_ascii_uppercase)
            && is_currency_code(&chars[count - 3..count])
        {
            ends[count - 4].1 = true;
        }
    }
    if into_email {
        let ended = usize::from(count <= MAX_LEN);
        for end in ends[..count].iter_mut().rev().skip(ended).take_while(|end| !end.1) {
            end.1 = true;
        }
    }
    for (len, structure) in formats {
        if count < len || !ends[len - 1].1 {
            continue;
        }
        let iban = &chars[..len];
        if !bban_matches(&iban[4..], structure) {
            continue;
        }
        let end = ends[len - 1].0;
        let check = u32::from(iban[2] - b'0') * 10 + u32::from(iban[3] - b'0');
        let valid = (2..=98).contains(&check) && mod97(iban) == 1;
        // A word and a number that fail the check (`no 12…`, `de 89…`) are no known non-IBAN:
        // they veto nothing.
        return match (valid, form) {
            (true, _) => Some(Found::Iban(start, end)),
            (false, CodeForm::LowerSpaced) => None,
            (false, _) => Some(Found::NotIban(start, end)),
        };
    }
    printed_shape(hay, start, digit)
}

/// An IBAN outside the registry's rules: a country without IBANs, or a length the registry
/// does not give its country (`AR14JLGV31107463827114128985`, `CR04 4913 3708 0626 7118
/// 009`: the IBANs that test-data generators write for countries without them), that
/// passes the mod-97 check: an account number written as an IBAN. A code of two capitals
/// glued to the check digits whose first digit is at `digit` (not after a letter or digit),
/// check digits 02 to 98, then capitals and digits, run together or printed
/// ([`print_form_end`]: groups of four, the last one to four, joined by single spaces or
/// dashes), 12 to 34 characters in all, nothing glued after them. Returns its span and
/// whether it is printed: printed, it is read anywhere; run together, only after the word
/// `IBAN` ([`iban_word_before`]).
#[inline(never)]
pub(crate) fn unregistered_at(hay: &[u8], digit: usize) -> Option<(usize, usize, bool)> {
    let start = digit.checked_sub(2)?;
    let code = &hay[start..digit];
    // (Not glued to a letter or digit before it: `1ZN51NKEW…` is a parcel number.)
    if !code.iter().all(u8::is_ascii_uppercase)
        || start.checked_sub(1).is_some_and(|at| hay[at].is_ascii_alphanumeric())
    {
        return None;
    }
    // The check digits first: most codes glued to digits (`JD0146…`, parcel numbers) fail
    // here or on mod 97, after one tight read of the run.
    let check = match hay.get(digit..digit + 2)? {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => (a - b'0') * 10 + (b - b'0'),
        _ => return None,
    };
    if !(2..=98).contains(&check) {
        return None;
    }
    let run = hay[digit..].iter().take(MAX_LEN - 1).take_while(|&&b| is_upper_or_digit(b)).count();
    if run == 2 && matches!(hay.get(digit + 2), Some(b' ' | b'-')) {
        return printed_unregistered(hay, start, digit);
    }
    let end = digit + run;
    ((12..=MAX_LEN).contains(&(end - start))
        && !hay.get(end).is_some_and(u8::is_ascii_alphanumeric)
        && mod97(&hay[start..end]) == 1)
        .then_some((start, end, false))
}

/// An upper-case ASCII letter or an ASCII digit: a character of an IBAN as printed.
fn is_upper_or_digit(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

/// [`unregistered_at`] for a code and check digits followed by a separator: the print form
/// of [`print_form_end`], whose letters and digits pass mod 97.
#[cold]
fn printed_unregistered(hay: &[u8], start: usize, digit: usize) -> Option<(usize, usize, bool)> {
    let end = print_form_end(hay, start, digit, 12)?;
    let mut chars = [0u8; MAX_LEN];
    let mut count = 0;
    for &b in hay[start..end].iter().filter(|b| b.is_ascii_alphanumeric()) {
        chars[count] = b;
        count += 1;
    }
    (mod97(&chars[..count]) == 1).then_some((start, end, true))
}

/// Whether the word `IBAN` (either case) stands before `start` on its line, within the
/// context window: what makes an unregistered IBAN ([`unregistered_at`]) one. Not the
/// masker's own label `[IBAN]`, which says a value before was masked (masked text must read
/// as the text did: `NL85ABNA0000000000 FR38…` → `[IBAN] FR38…`; found by the property test).
#[cold]
#[inline(never)]
pub(crate) fn iban_word_before(hay: &[u8], start: usize) -> bool {
    let from = start.saturating_sub(CONTEXT_WINDOW);
    let before = &hay[from..start];
    let line = before.iter().rposition(|&b| matches!(b, b'\n' | b'\r')).map_or(0, |at| at + 1);
    let own_label = |at: usize| at > 0 && hay[at - 1] == b'[' && hay.get(at + 4) == Some(&b']');
    before[line..]
        .windows(4)
        .enumerate()
        .any(|(i, w)| w.eq_ignore_ascii_case(b"iban") && !own_label(from + line + i))
}

/// Whether two ASCII letters end right before the separator at `sep`, upper case (`SV 62`,
/// `DE-89`) or, unless `upper_only`, a word of their own (`de 89`). A quick test before the
/// full look of [`country_code_before`], which turns away the common cases at once: the end
/// of a word (`number 1465…`, `ORD-2025-…`), a single letter (`#A-54033`).
fn two_letters_before(hay: &[u8], sep: usize, upper_only: bool) -> bool {
    let byte = |back: usize| sep.checked_sub(back).and_then(|at| hay.get(at)).copied();
    let letter = |back: usize| byte(back).is_some_and(|b| b.is_ascii_alphabetic());
    let upper = |back: usize| byte(back).is_some_and(|b| b.is_ascii_uppercase());
    if upper(2) && upper(1) {
        // (Not the end of an upper-case word: `ORD-2025-…`.)
        return !upper(3);
    }
    !upper_only && letter(2) && letter(1) && !letter(3)
}

/// An IBAN's print form that fits no registry entry (a country without IBANs, a mistyped
/// length; [`print_form_end`], 15 characters or more: `IN51 4859 3780 7585 5522 37`, `CR04
/// 4913 3708 0626 7118 009`). It is an account number written as an IBAN, not a card or
/// phone number inside one: a known non-IBAN over its span (an IBAN when mod 97 holds:
/// [`unregistered_at`]).
fn printed_shape(hay: &[u8], start: usize, digit: usize) -> Option<Found> {
    print_form_end(hay, start, digit, 15).map(|end| Found::NotIban(start, end))
}

/// Where an IBAN's print form starting at `start` ends, whatever its country and length: an
/// upper-case code glued to two check digits at `digit`, then at least three groups of four
/// upper-case letters or digits joined by one kind of single separator (space or dash), the
/// last group one to four long, `min_chars` to 34 characters in all, nothing glued on and no
/// further group of its kind after it.
fn print_form_end(hay: &[u8], start: usize, digit: usize, min_chars: usize) -> Option<usize> {
    let head = hay.get(start..digit + 3)?;
    let [a, b, c, d, sep] = *head else { return None };
    let head_fits = a.is_ascii_uppercase()
        && b.is_ascii_uppercase()
        && c.is_ascii_digit()
        && d.is_ascii_digit()
        && matches!(sep, b' ' | b'-');
    if !head_fits {
        return None;
    }
    let (mut at, mut chars, mut groups) = (digit + 2, 4, 0);
    while hay.get(at) == Some(&sep) {
        let len = hay[at + 1..].iter().take(5).take_while(|&&b| is_upper_or_digit(b)).count();
        if !(1..=4).contains(&len) {
            break;
        }
        at += 1 + len;
        chars += len;
        groups += 1;
        if len < 4 {
            break;
        }
    }
    // The run ends there: no letter or digit glued on, no further group of its own kind.
    let glued = hay.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let goes_on = hay.get(at) == Some(&sep) && hay.get(at + 1).is_some_and(|&b| is_upper_or_digit(b));
    (groups >= 3 && (min_chars..=MAX_LEN).contains(&chars) && !glued && !goes_on).then_some(at)
}

/// Whether the letters at the start of `text`, after a separator inside an IBAN-shaped
/// run, are a word of the sentence rather than a group of the IBAN: five letters or more
/// (printed IBANs group by four) unless in capitals after a capital code and not followed
/// by another group, or lower-case letters after an upper-case country code (`GT51 3038
/// 3099 0282 17 super 947-76-5013`) unless digits follow them in the group or they start
/// the BBAN (a bank code or check letter typed in lower case: `GB29 nwbk 6016 …`, `IT 60 x
/// 05428 …`). The run ends before it, so that a failing check never vetoes the values
/// written after the word.
fn is_word(text: &[u8], upper_code: bool, bban_start: bool, mask_chars: &[char]) -> bool {
    let letters = text.iter().take_while(|b| b.is_ascii_alphabetic());
    let (mut len, mut lower) = (0, false);
    for b in letters {
        len += 1;
        lower |= b.is_ascii_lowercase();
    }
    // (Letters that run into an at sign are an email's local part, not a word of the
    // sentence: the caller asks.) Short letters glued to digits are a group typed in lower case (`MC11 … 1000 h79`).
    let glued_digit = text.get(len).is_some_and(u8::is_ascii_digit);
    // Five letters or more in capitals after a capital code are an alphanumeric BBAN part
    // when digits follow them in the group or no group of digits or capitals follows
    // (`MT84 MALT 01100 0012345 MTLCAST001S`, `AL49 2051 1014 2734 30 CLTJCLALLA`); a word
    // in capitals between numbers stays a word, so that a failing check vetoes nothing
    // after it (`GT51 3038 3099 0282 17 SUPER 947-76-5013`).
    // (A mask character stands for what it masked: `SUPER *******5013` once the SSN after
    // the word is masked, found by the fuzzer.)
    let group_follows = matches!(text.get(len), Some(b' ' | b'-' | b'.'))
        && char_at(text, len + 1)
            .is_some_and(|(c, _)| c.is_ascii_digit() || c.is_ascii_uppercase() || mask_chars.contains(&c));
    let bban_capitals = upper_code && !lower && (glued_digit || !group_follows);
    let long_word = len >= 5 && !bban_capitals;
    long_word || (upper_code && lower && !glued_digit && !bban_start)
}

/// How a country code stands before the check digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CodeForm {
    /// Glued to them (`DE89`, `de89`), or upper case and a space, dash or dot between
    /// (`SV 62`, `DE-89`, `AO.06`).
    Printed,
    /// A code in lower or mixed case and a space (`de 89`, `Ba 39`): also a word of the
    /// sentence before a number, so it counts only when the check passes.
    LowerSpaced,
}

/// A country code found before check digits.
struct Code {
    /// Where it starts and ends.
    start: usize,
    end: usize,
    /// Its letters, upper case.
    cc: [u8; 2],
    /// Whether it is written in capitals.
    upper: bool,
    form: CodeForm,
}

/// The two-letter country code right before the check digits at `digit`, and how it
/// stands there: `DE89…`, `de89…`, a code and one space, `SV 62…`, `de 89…`, or an
/// upper-case code and a dash or dot, `DE-89…`, `AO.0600…` (as people copy them); or in
/// full-width capitals, glued or after one space, as Japanese and Chinese input methods
/// type them (`ＤＥ８９　３７０４…`). The code must not follow a letter (it may follow a
/// digit: `…0316NL85ABNA…`; the checks are strong enough), except that an upper-case code
/// may follow a letter of another case or script, which starts a new word (`ibanDE89…`,
/// `رقمGB74 …`).
fn country_code_before(hay: &[u8], digit: usize) -> Option<Code> {
    let letters_at = |at: usize, upper_only: bool| {
        let ok = |b: u8| if upper_only { b.is_ascii_uppercase() } else { b.is_ascii_alphabetic() };
        let upper = hay.get(at..at + 2).is_some_and(|code| code.iter().all(u8::is_ascii_uppercase));
        at + 2 <= hay.len()
            && ok(hay[at])
            && ok(hay[at + 1])
            && !char_before(hay, at)
                .is_some_and(|(c, _)| is_boundary_letter(c) && (!upper || c.is_ascii_uppercase()))
    };
    let ascii = |start: usize, form: CodeForm| {
        let cc = [hay[start].to_ascii_uppercase(), hay[start + 1].to_ascii_uppercase()];
        let upper = hay[start].is_ascii_uppercase() && hay[start + 1].is_ascii_uppercase();
        Some(Code { start, end: start + 2, cc, upper, form })
    };
    if digit >= 2 && letters_at(digit - 2, false) {
        return ascii(digit - 2, CodeForm::Printed);
    }
    if let Some(code) = full_width_code_before(hay, digit) {
        return Some(code);
    }
    let (_, sep) = char_before(hay, digit)?;
    if classify(hay, sep).0 == Class::Sep(Sep::Space)
        && let Some(code) = full_width_code_before(hay, sep)
    {
        return Some(code);
    }
    let code = sep.checked_sub(2)?;
    match classify(hay, sep).0 {
        Class::Sep(Sep::Space) if letters_at(code, true) => ascii(code, CodeForm::Printed),
        // Not `no` (`ID no 570405 2687 920`): the label of many numbers, and Norway's IBAN so
        // short that one such number in 97 passes its check.
        Class::Sep(Sep::Space) if letters_at(code, false) && !hay[code..sep].eq_ignore_ascii_case(b"no") => {
            ascii(code, CodeForm::LowerSpaced)
        }
        Class::Sep(Sep::Dash | Sep::Dot) if hay[sep] < 0x80 && letters_at(code, true) => {
            ascii(code, CodeForm::Printed)
        }
        _ => None,
    }
}

/// Two full-width capitals ending at `end`, not after another letter: a country code.
fn full_width_code_before(hay: &[u8], end: usize) -> Option<Code> {
    let capital = |at: usize| match *hay.get(at..at + 3)? {
        [0xEF, 0xBC, b @ 0xA1..=0xBA] => Some(b - 0xA1 + b'A'),
        _ => None,
    };
    let start = end.checked_sub(6)?;
    let cc = [capital(start)?, capital(start + 3)?];
    let after_letter = char_before(hay, start).is_some_and(|(c, _)| c.is_alphabetic());
    (!after_letter).then_some(Code { start, end, cc, upper: true, form: CodeForm::Printed })
}

/// The letter at `at`, upper case, and its length in bytes: an ASCII letter, or a
/// full-width one (`Ｄ`, `ｄ`, U+FF21-U+FF3A and U+FF41-U+FF5A).
/// Whether three upper-case letters are the ISO 4217 code of a currency that IBAN countries
/// pay in (`EUR`, `GBP`, `PLN`, …).
fn is_currency_code(code: &[u8]) -> bool {
    const CODES: &[&[u8; 3]] = &[
        b"EUR", b"USD", b"GBP", b"CHF", b"PLN", b"CZK", b"HUF", b"SEK", b"NOK", b"DKK", b"RON", b"BGN",
        b"UAH", b"TRY", b"ISK", b"RSD", b"ILS", b"AED", b"SAR", b"QAR", b"BRL", b"GEL", b"MDL", b"ALL",
        b"MKD",
    ];
    CODES.iter().any(|c| c.as_slice() == code)
}

fn letter_at(hay: &[u8], at: usize) -> Option<(u8, usize)> {
    match *hay.get(at..)? {
        [b, ..] if b.is_ascii_alphabetic() => Some((b.to_ascii_uppercase(), 1)),
        [0xEF, 0xBC, b @ 0xA1..=0xBA, ..] => Some((b - 0xA1 + b'A', 3)),
        [0xEF, 0xBD, b @ 0x81..=0x9A, ..] => Some((b - 0x81 + b'A', 3)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_in(text: &str) -> Option<Found> {
        let digit = text.bytes().position(|b| b.is_ascii_digit())?;
        find(text.as_bytes(), digit, &['*'])
    }

    #[test]
    fn a_last_group_may_end_inside_an_email_local_part() {
        // Found by the fuzz smoke: masking the address (`u*******@`) ended the group at `u`
        // and revealed the IBAN on the second pass.
        let text = "ch64 5064 155q j96r m56i umelissa@gmail.com";
        assert_eq!(find_in(text), Some(Found::Iban(0, 26)));
        assert_eq!(find_in("ch64 5064 155q j96r m56i u*******@gmail.com"), Some(Found::Iban(0, 26)));
        assert_eq!(find_in("ch64 5064 155q j96r m56i umelissa merci"), None, "a word ends the run");
        // A local part running on past the longest IBAN (found by the fuzz smoke).
        let long_local =
            format!("QA58 DOHB 0000 1234 5678 90AB CDEF G{}@example.com", "cdefghijab".repeat(4));
        assert_eq!(find_in(&long_local), Some(Found::Iban(0, 36)));
        assert_eq!(find_in("QA58 DOHB 0000 1234 5678 90AB CDEF G****@example.com"), Some(Found::Iban(0, 36)));
    }

    #[test]
    fn unregistered_ibans_need_mod_97_and_a_print_form_or_the_word() {
        let at = |text: &str| {
            unregistered_at(text.as_bytes(), text.find(|c: char| c.is_ascii_digit()).unwrap_or(0))
        };
        // Faker's IBANs for countries without them (mod 97 holds), printed and run together.
        assert_eq!(at("CR04 4913 3708 0626 7118 009"), Some((0, 28, true)));
        assert_eq!(at("CR04-4913-3708-0626-7118-009"), Some((0, 28, true)), "dashes");
        assert_eq!(at("CR04 4913 3708 0626 7118 009 12"), None, "goes on after a short group");
        assert_eq!(at("AR14JLGV31107463827114128985"), Some((0, 28, false)));
        assert_eq!(at("AR15JLGV31107463827114128985"), None, "mod 97 fails");
        assert_eq!(at("AR14JLGV31107463827114128985X"), None, "glued on");
        assert_eq!(at("xAR14JLGV31107463827114128985"), None, "after a letter");
        assert_eq!(at("CR04 4913 37080 626 7118 009"), None, "a group of five after groups of four");
        assert!(iban_word_before(b"my IBAN is AR14", 11) && iban_word_before(b"Iban: AR14", 6));
        assert!(!iban_word_before(b"IBAN\nAR14", 5), "on another line");
        assert!(
            !iban_word_before(format!("IBAN {} AR14", "x".repeat(70)).as_bytes(), 76),
            "out of the window"
        );
    }

    #[test]
    fn a_word_in_capitals_reads_alike_before_and_after_the_number_after_it_is_masked() {
        // Found by the fuzzer: `SUPER` before a group of digits is a word that ends the run;
        // once the SSN after it was masked it read as the BBAN's last group.
        let read = |text: &str| find(text.as_bytes(), 2, &['*']);
        let written = read("GT51NL038T51NL0311 02825 SUPER 947-76-5013");
        assert_eq!(written, read("GT51NL038T51NL0311 02825 SUPER *******5013"));
        assert_eq!(written, None);
    }

    #[test]
    fn a_last_group_reads_alike_before_and_after_the_address_is_masked() {
        // Found by the fuzzer: a local part holding a `+` kept the group from ending at `m`,
        // but the masked address (`m*****@`) ended it there, and the 21 characters pass.
        let digit = 2;
        for (text, mask) in [
            ("ch61 65340R5q 1R5q j96r m56i+7@b.co", '*'),
            ("ch61 65340R5q 1R5q j96r m*****@b.co", '*'),
            ("ch61 65340R5q 1R5q j96r m\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}@b.co", '\u{2022}'),
        ] {
            assert_eq!(find(text.as_bytes(), digit, &[mask]), Some(Found::Iban(0, 25)), "{text}");
        }
        // The word before an address (`support@`) is read as its local part, in both forms, so
        // that the `00` inside `00an` ends a group in neither.
        for (text, mask) in [
            ("DE89 3704 0044 0532 0130 00an support@example.de", '*'),
            ("DE89 3704 0044 0532 0130 00an s******@example.de", '*'),
            ("DE89 3704 0044 0532 0130 00an s\u{2022}\u{2022}\u{2022}@example.de", '\u{2022}'),
        ] {
            assert_ne!(find(text.as_bytes(), digit, &[mask]), Some(Found::Iban(0, 27)), "{text}");
        }
    }

    #[test]
    fn the_code_bits_are_the_codes_with_formats() {
        for first in b'A'..=b'Z' {
            for second in b'A'..=b'Z' {
                let cc = [first, second];
                assert_eq!(has_formats(cc), formats(cc).next().is_some(), "{}", String::from_utf8_lossy(&cc));
            }
        }
        assert!(!has_formats([b'@', b'A']) && !has_formats([b'A', b'[']));
    }

    #[test]
    fn registry_examples_validate() {
        for iban in [
            "DE89370400440532013000",
            "GB29NWBK60161331926819",
            "FR1420041010050500013M02606",
            "NO9386011117947",
            "RU0304452522540817810538091310419",
            "MU17BOMM0101101030300200000MUR",
            "LC55HEMM000100010012001200023015",
        ] {
            assert_eq!(mod97(iban.as_bytes()), 1, "{iban}");
            assert_eq!(find_in(iban), Some(Found::Iban(0, iban.len())), "{iban}");
        }
    }

    #[test]
    fn grouped_lower_case_and_print_forms() {
        let text = "IBAN: de89 3704 0044 0532 0130 00, merci";
        assert_eq!(find_in(text), Some(Found::Iban(6, 33)));
        let text = "SV 62 CENR 00000000000000700025";
        assert_eq!(find_in(text), Some(Found::Iban(0, text.len())));
        let text = "BI42 10000 10001 00003320451 81";
        assert_eq!(find_in(text), Some(Found::Iban(0, text.len())));
        let text = "MC11 1273 9000 7000 1111 1000 h79";
        assert_eq!(find_in(text), Some(Found::Iban(0, text.len())), "a lower-case group glued to digits");
    }

    #[test]
    fn wrong_check_is_a_known_non_iban() {
        assert_eq!(find_in("DE89370400440532013001"), Some(Found::NotIban(0, 22)));
        assert_eq!(find_in("DE00370400440532013000").map(|f| matches!(f, Found::NotIban(..))), Some(true));
    }

    #[test]
    fn shape_must_be_exact() {
        assert_eq!(find_in("DE8937040044053201300"), None, "one digit short");
        assert_eq!(find_in("DE893704004405320130001"), None, "ends inside a group");
        assert_eq!(find_in("XDE89370400440532013000"), None, "code glued to an upper-case letter");
        assert_eq!(find_in("xde89370400440532013000"), None, "a lower-case code glued to a letter");
        assert_eq!(find_in("ibanDE89370400440532013000"), Some(Found::Iban(4, 26)), "a new word by its case");
        assert_eq!(
            find_in("رقمDE89370400440532013000"),
            Some(Found::Iban(6, 28)),
            "a new word by its script"
        );
        assert_eq!(find_in("at 0612345678"), None, "lower-case code with a space");
        assert_eq!(find_in("ZZ89370400440532013000"), None, "unknown country");
        assert_eq!(find_in("DE8X370400440532013000"), None, "a letter after the first check digit");
    }

    #[test]
    fn print_forms_outside_the_registry_are_known_non_ibans() {
        for text in [
            "IN51 4859 3780 7585 5522 37",
            "JP42 5494 3437 8357 0266 0398 95",
            "CR04 4913 3708 0626 7118 009",
            "CA29-5207-4094-1982-0926-0942",
            "ZZ78 5221 5356 3737 2480 54",
        ] {
            assert_eq!(find_in(text), Some(Found::NotIban(0, text.len())), "{text}");
        }
        assert_eq!(find_in("IN51 4859 3780 7585 5522 37; thanks"), Some(Found::NotIban(0, 27)));
        for text in [
            "IN51 4859 3780",                      // too few groups
            "in51 4859 3780 7585 5522 37",         // lower case
            "IN51 4859 3780 7585 5522 3777 88888", // a group too long
            "IN51 4859-3780-7585-5522-37",         // two kinds of separators
            "MC 5555 5555 5555 4444",              // not glued: a card after a brand
            "IN514859378075855522 37",             // compact
        ] {
            assert_eq!(find_in(text), None, "{text}");
        }
    }

    #[test]
    fn a_word_after_a_separator_ends_the_run() {
        // Read on into `great`, these would make a 28-character GT value whose check fails
        // and veto the SSN after it; the print form before the word is vetoed alone.
        assert_eq!(find_in("GT51 3038 3099 0282 17 great 947-76-5013"), Some(Found::NotIban(0, 22)));
        assert_eq!(find_in("GT51 3038 3099 0282 17 GREAT 947-76-5013"), None);
        // Upper-case groups of four letters and lower-case IBANs still read.
        let text = "GB29 NWBK 6016 1331 9268 19";
        assert_eq!(find_in(text), Some(Found::Iban(0, text.len())));
        let text = "gb29 nwbk 6016 1331 9268 19";
        assert_eq!(find_in(text), Some(Found::Iban(0, text.len())));
    }

    #[test]
    fn territories_use_their_parent_format() {
        let body = "20041010050500013M02606";
        // Recompute the check digits for GP with the FR format.
        let mut iban = format!("GP00{body}").into_bytes();
        let check = 98 - mod97(&iban);
        iban[2] = b'0' + (check / 10) as u8;
        iban[3] = b'0' + (check % 10) as u8;
        let text = String::from_utf8(iban).unwrap();
        assert_eq!(find_in(&text), Some(Found::Iban(0, 27)));
    }
}

//! US social security numbers and ITINs: `AAA-GG-SSSS` (space or dash separators; dots
//! only after an SSN context word), or nine bare digits next to an SSN context word; the
//! French social security number (NIR), which French customers call theirs; and the national
//! numbers that play the same part elsewhere (check rules in `national_id`): named ones
//! (BSN, SIN, РНОКПП, Steuer-IdNr), and the Spanish DNI and NIE, the Italian codice fiscale
//! and the UK National Insurance number, whose letters the scanner reads around the digits.
//!
//! Rules: SSA POMS RM 10201.035 (area not 000 or 666, group not 00, serial not 0000);
//! area 900-999 only as an ITIN, whose group is 50-65, 70-88, 90-92 or 94-99 (IRS); not
//! the numbers printed in advertising and pamphlets (REFERENCE §3: `078-05-1120`,
//! `219-09-9999`, `457-55-5462`, `987-65-4320` to `987-65-4329`), which are no one's.
//!
//! NIR (REFERENCE §7): 15 digits, the sex first (1 or 2; 3, 4, 7 or 8 for the numbers given
//! to people born abroad or not yet registered), the key last: 97 minus the first 13 digits
//! modulo 97. Read in its printed grouping (`2 95 10 99 126 111 93`, or 13 digits and the key
//! apart) anywhere, otherwise (one run of 15 digits, other groupings) only after an SSN word.
//! Corsican numbers, `2A`/`2B` in place of the département's digits (19/18 for the key),
//! likewise (`corsican_nir_at`).

use crate::kind::Kind;
use crate::scan::chars::{Sep, word_char_at, word_char_before};
use crate::scan::chunk::{Chunk, Group, Joint};
use crate::scan::{Candidate, Candidates};

use super::context::ContextProbe;
use super::national_id::{
    Check, HETU_NAMES, is_belgian_nn, is_chinese_id, is_chinese_province, is_codice_fiscale, is_cpf, is_cuit,
    is_danish_cpr, is_hetu, is_korean_rrn_checked, is_national_id, is_nino_prefix, is_spanish_id,
    is_swiss_ahv, is_taiwan_id, is_thai_pin, may_name, named_by,
};
use super::numbers::{vetoed, vetoed_before};

/// Whether nine digits are an issuable SSN or an ITIN.
pub(crate) fn is_ssn(d: &[u8]) -> bool {
    if d.len() != 9 {
        return false;
    }
    let number =
        |range: std::ops::Range<usize>| d[range].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    let (area, group, serial) = (number(0..3), number(3..5), number(5..9));
    if area == 0 || area == 666 || group == 0 || serial == 0 {
        return false;
    }
    if matches!(
        (area, group, serial),
        (78, 5, 1120) | (219, 9, 9999) | (457, 55, 5462) | (987, 65, 4320..=4329)
    ) {
        return false;
    }
    if area >= 900 {
        return matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99);
    }
    true
}

/// Whether 15 digits are a French NIR: a valid first digit and key.
pub(crate) fn is_nir(d: &[u8]) -> bool {
    if d.len() != 15 || !matches!(d[0], 1..=4 | 7 | 8) {
        return false;
    }
    let body = d[..13].iter().fold(0u64, |acc, &x| acc * 10 + u64::from(x));
    let key = u64::from(d[13]) * 10 + u64::from(d[14]);
    key == 97 - body % 97
}

/// The run of groups starting at group `s`: all joined by one kind of space, dash or dot (or
/// group `s` alone), none in parentheses, `min` to `max` digits (at most 15). Returns its
/// last group and its digit count; whether it stands apart is [`run_stands_apart`]'s question.
fn joined_run(chunk: &Chunk<'_>, s: usize, min: usize, max: usize) -> Option<(usize, usize)> {
    let groups = chunk.groups();
    let joint = groups.get(s + 1).map(|g| g.joint);
    if !matches!(joint, None | Some(Joint::Sep(Sep::Space | Sep::Dash | Sep::Dot))) {
        return None;
    }
    let mut count = 0;
    let mut end = s;
    for (e, group) in groups.iter().enumerate().skip(s) {
        if e > s && Some(group.joint) != joint {
            break;
        }
        if group.paren || count + group.len > max {
            return None;
        }
        count += group.len;
        end = e;
        if count == max {
            break;
        }
    }
    (count >= min).then_some((end, count))
}

/// Whether the run of groups `s..=end` (from [`joined_run`]) stands apart: the chunk does not
/// go on the same way after it or before it, and it is glued to no word or number.
fn run_stands_apart(chunk: &Chunk<'_>, s: usize, end: usize) -> bool {
    let joint = (end > s).then(|| chunk.groups()[end].joint);
    let next_joint = chunk.next_joint(end);
    let continued =
        joint.is_some_and(|joint| next_joint.same_sep(joint)) || (end == s && next_joint != Joint::Start);
    !continued
        && chunk.starts_clean(s)
        && chunk.ends_clean(end)
        && !chunk.continued_before(s, joint.unwrap_or(Joint::Start))
}

/// Writes the digit values of groups `s..=end` into `out`; returns how many.
fn decode_run(chunk: &Chunk<'_>, s: usize, end: usize, out: &mut [u8]) -> usize {
    let mut at = 0;
    for group in &chunk.groups()[s..=end] {
        at += group.decode(chunk.hay, &mut out[at..]);
    }
    at
}

/// The NIR's printed groupings: sex, year, month, département, commune, serial, key; or the
/// 13 digits and the key apart.
const NIR_GROUPINGS: [&[usize]; 2] = [&[1, 2, 2, 2, 3, 3, 2], &[13, 2]];

/// Pushes the NIR starting at group `s`, if there is one: groups joined by one kind of space,
/// dash or dot, 15 digits in all, the chunk not going on the same way after them.
fn nir_candidate(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let groups = chunk.groups();
    if !matches!(groups[s].head().first(), Some(1..=4 | 7 | 8)) {
        return;
    }
    // The groups' lengths first (most chunks of 15 digits or more are cards and longer
    // numbers, turned away here), the digits only for a run of exactly 15.
    let Some((end, _)) = joined_run(chunk, s, 15, 15) else { return };
    let mut digits = [0u8; 15];
    if !run_stands_apart(chunk, s, end) || decode_run(chunk, s, end, &mut digits) != 15 || !is_nir(&digits) {
        return;
    }
    let lengths = groups[s..=end].iter().map(|g| g.len);
    let printed = NIR_GROUPINGS.iter().any(|grouping| lengths.clone().eq(grouping.iter().copied()));
    // (Printed so, the number is one whatever a word before it says: `commande 2 95 10 …`.)
    if vetoed(chunk, s, end, veto) || !(printed || context.ssn()) {
        return;
    }
    out.push(Candidate::new(groups[s].start, groups[end].end, Kind::Ssn));
}

/// National numbers printed in a grouping no other number shares, as group lengths, the
/// joint before each group after the first, and the number's check: read with that check
/// without a word (as the NIR's printing is), unless a label in front says what else they
/// are. The Brazilian CPF (`390.533.447-05`, `390533447-05`), the Belgian national number
/// (`85.07.30-033.28`), the Swiss AHV number (`756.9217.0769.85`), the Thai personal
/// identification number (`1-2345-45678-78-1`), the Argentine CUIT/CUIL (`20-05536168-2`)
/// and the Korean resident registration number with its check (`850730-1234561`; its shape
/// alone only after an SSN word).
const OWN_PRINTINGS: [(&[usize], &[Sep], Check); 7] = [
    (&[3, 3, 3, 2], &[Sep::Dot, Sep::Dot, Sep::Dash], is_cpf),
    (&[9, 2], &[Sep::Dash], is_cpf),
    (&[2, 2, 2, 3, 2], &[Sep::Dot, Sep::Dot, Sep::Dash, Sep::Dot], is_belgian_nn),
    (&[3, 4, 4, 2], &[Sep::Dot, Sep::Dot, Sep::Dot], is_swiss_ahv),
    (&[1, 4, 5, 2, 1], &[Sep::Dash, Sep::Dash, Sep::Dash, Sep::Dash], is_thai_pin),
    (&[2, 8, 1], &[Sep::Dash, Sep::Dash], is_cuit),
    (&[6, 7], &[Sep::Dash], is_korean_rrn_checked),
];

/// National numbers with no published check, read in their own grouping (and shape) only,
/// after an SSN word that may name them (their own name, or one that names no other number:
/// `SSS`, `UMID`, `CPR-nummer`, `social security number`): the Philippine SSS number
/// (`02-1234567-8`) and UMID common reference number (`0230-5051818-9`), and the Danish CPR
/// number (`DDMMYY-NNNN`, a date).
const SHAPE_PRINTINGS: [(&[usize], &[Sep], Check); 3] = [
    (&[2, 7, 1], &[Sep::Dash, Sep::Dash], |_| true),
    (&[4, 7, 1], &[Sep::Dash, Sep::Dash], |_| true),
    (&[6, 4], &[Sep::Dash], is_danish_cpr),
];

/// Whether the groups `run` are printed as `lengths`, the joint before each group after the
/// first as `joints`, none in parentheses.
fn printed_as(run: &[Group], lengths: &[usize], joints: &[Sep]) -> bool {
    run.len() == lengths.len()
        && run.iter().zip(lengths).all(|(group, &len)| group.len == len && !group.paren)
        && run[1..].iter().zip(joints).all(|(group, &sep)| group.joint == Joint::Sep(sep))
}

/// A national number in its own printing (`OWN_PRINTINGS`) starting at group `s`, if one
/// is: its last group, its digit count and its check.
fn own_printed_run(chunk: &Chunk<'_>, s: usize) -> Option<(usize, usize, Check)> {
    let groups = chunk.groups();
    OWN_PRINTINGS.iter().find_map(|&(lengths, joints, check)| {
        let run = groups.get(s..s + lengths.len())?;
        printed_as(run, lengths, joints).then(|| (s + lengths.len() - 1, lengths.iter().sum(), check))
    })
}

/// Whether the whole chunk is printed as one of the national numbers of `OWN_PRINTINGS`
/// (`390.533.447-06`, the CPF's printing): a national number or, its check failing,
/// nothing, and no phone number in part of it.
pub(crate) fn printed_as_own_number(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    // (Every such printing joins its first two groups by a dot or a dash.)
    chunk.at_chunk_start
        && (2..=5).contains(&groups.len())
        && matches!(groups[1].joint, Joint::Sep(Sep::Dot | Sep::Dash))
        && own_printed_run(chunk, 0).is_some_and(|(end, _, _)| chunk.is_last(end))
}

/// Pushes the national number starting at group `s` that an SSN word names, if there is
/// one: a run of 9 to 13 digits (one group, or groups joined by one kind of space, dash or
/// dot: `123 456 782`, `1112.22.333`, `36 574 261 809`, or an own printing) that passes the
/// check of a national number of its length (`national_id`), after an SSN word and no label
/// nearer; or one in its own printing that passes its own check (`OWN_PRINTINGS`), with no
/// label nearer; or one with no check in its printing (`SHAPE_PRINTINGS`) after an SSN word
/// that may name it.
fn national_candidate(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let groups = chunk.groups();
    // (A run joined to the group before it the same way is the tail of a longer number, as
    // `run_stands_apart` would find after reading it; asked first, as most start groups are
    // inside a number.)
    if s > 0 && groups.get(s + 1).is_some_and(|next| next.joint == groups[s].joint) {
        return;
    }
    let Some((end, count, own_check)) = own_printed_run(chunk, s)
        .map(|(end, count, check)| (end, count, Some(check)))
        .or_else(|| joined_run(chunk, s, 9, 13).map(|(end, count)| (end, count, None)))
    else {
        return;
    };
    // Nine digits in 3-3-3 (a SIN, a BSN) or 4-2-3 (a BSN: `1112.22.333`) are read by the
    // national rules, and in one group when the US ones (`candidates`) turn them away
    // (`BSN 991161464`: no US area) and the first is no 0 (a SIN never starts so, a BSN
    // rarely and then mostly without it). (Not in the US 3-2-4 grouping: `SSN 000-12-3456`
    // is no one's, whatever the BSN's 11-proof says.)
    let one_group = s == end;
    if count == 9 {
        let lengths = groups[s..=end].iter().map(|g| g.len);
        if !one_group
            && ![[3, 3, 3], [4, 2, 3]].iter().any(|grouping| lengths.clone().eq(grouping.iter().copied()))
        {
            return;
        }
    }
    // The check first (it turns away nine numbers in ten), then the context. (A number with
    // no check passes in its printing only: `SHAPE_PRINTINGS`.)
    let mut digits = [0u8; 13];
    if decode_run(chunk, s, end, &mut digits) != count
        || (count == 9 && one_group && (is_ssn(&digits[..9]) || digits[0] == 0))
    {
        return;
    }
    let digits = &digits[..count];
    let run = &groups[s..=end];
    let shape_only = SHAPE_PRINTINGS
        .iter()
        .any(|&(lengths, joints, shape)| printed_as(run, lengths, joints) && shape(digits));
    if !(is_national_id(digits) || shape_only)
        || !run_stands_apart(chunk, s, end)
        || vetoed(chunk, s, end, veto)
    {
        return;
    }
    let printed = own_check.is_some_and(|check| check(digits));
    let named = |word: &[u8]| named_by(word, digits) || (shape_only && may_name(word, &[]));
    if !(printed || context.ssn_word().is_some_and(named)) || context.labelled() {
        return;
    }
    out.push(Candidate::new(groups[s].start, groups[end].end, Kind::Ssn));
}

/// Pushes the Chinese resident identity number at group `s`, if there is one: a whole chunk
/// of 18 digits, or of 17 and the check `X` glued on (`11010519491231002X`, either case),
/// standing apart; the date and check of `national_id::is_chinese_id`; after an SSN word
/// that names it (`身份证号`, or a generic one), or without one when its first two digits
/// are a province's; no label nearer.
fn chinese_id_candidate(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let group = &chunk.groups()[s];
    if !chunk.is_first(s) || !chunk.complete || chunk.groups().len() != 1 {
        return;
    }
    let hay = chunk.hay;
    let mut digits = [0u8; 18];
    let end = match group.decode(hay, &mut digits) {
        18 if chunk.ends_clean(s) => group.end,
        17 if matches!(hay.get(group.end), Some(b'X' | b'x')) && !word_char_at(hay, group.end + 1) => {
            digits[17] = 10;
            group.end + 1
        }
        _ => return,
    };
    if !is_chinese_id(&digits)
        || vetoed(chunk, s, s, veto)
        || !(is_chinese_province(&digits) || context.ssn_word().is_some_and(|word| named_by(word, &digits)))
        || context.labelled()
    {
        return;
    }
    out.push(Candidate::new(group.start, end, Kind::Ssn));
}

/// Pushes the Finnish henkilötunnus at group `s` (six digits) that an SSN word names, if
/// there is one: its century sign a dash, the group after it of three digits (the check a
/// letter glued on, `131052-308T`) or four (`210659-4471`).
#[cold]
#[inline(never)]
fn hetu_candidate(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let groups = chunk.groups();
    if groups.get(s + 1).is_some_and(|next| next.joint == Joint::Sep(Sep::Dash) && matches!(next.len, 3 | 4))
        && let Some(end) = hetu_at(chunk.hay, groups[s].start)
        && !vetoed(chunk, s, s + 1, veto)
        && context.ssn_word().is_some_and(|word| may_name(word, HETU_NAMES))
        && !context.labelled()
    {
        out.push(Candidate::new(groups[s].start, end, Kind::Ssn));
    }
}

/// The end of the Finnish personal identity code whose first digit is at `start`
/// (`national_id::is_hetu`: `131052-308T`, `060403A364L`), standing apart from any word, if
/// one is there. Only an SSN word makes it one (`hetu`, `henkilötunnus`, or a generic one).
pub(crate) fn hetu_at(hay: &[u8], start: usize) -> Option<usize> {
    let end = start + 11;
    (is_hetu(hay.get(start..end)?) && !word_char_before(hay, start) && !word_char_at(hay, end)).then_some(end)
}

/// The end of the Taiwanese national ID whose letter is at `letter` (`A123456789`, the
/// letter in either case; `national_id::is_taiwan_id`), standing apart from any word, if one
/// is there. Only an SSN word makes it one (`身分證字號`, or a generic one).
pub(crate) fn taiwan_id_at(hay: &[u8], letter: usize) -> Option<usize> {
    let end = letter + 10;
    let mut code: [u8; 10] = hay.get(letter..end)?.try_into().ok()?;
    code[0] = code[0].to_ascii_uppercase();
    (is_taiwan_id(&code) && !word_char_before(hay, letter) && !word_char_at(hay, end)).then_some(end)
}

/// Where the letter of a Spanish NIE (`X`, `Y` or `Z`) stands before the digits at
/// `digits`: glued to them or before a dash, in either case, or a capital before one space
/// (`X2482300W`, `x-2482300-w`, `X 2482300 W`; a small `y` there is as likely "and"); glued
/// to no word before it.
pub(crate) fn nie_letter_before(hay: &[u8], digits: usize) -> Option<usize> {
    let (letter, capital_only) = match digits.checked_sub(1).map(|at| hay[at]) {
        Some(b' ') => (digits.checked_sub(2)?, true),
        Some(b'-') => (digits.checked_sub(2)?, false),
        _ => (digits.checked_sub(1)?, false),
    };
    let prefix = if capital_only { hay[letter] } else { hay[letter].to_ascii_uppercase() };
    (matches!(prefix, b'X' | b'Y' | b'Z') && !word_char_before(hay, letter)).then_some(letter)
}

/// A French NIR of someone born in Corsica starting at `anchor`, if one does: the
/// département `2A` or `2B` in place of its sixth and seventh digits (either case; read as
/// 19 and 18 for the key, REFERENCE §7), in the NIR's printed groupings (`2 53 07 2B 073 004
/// 70`, or the 13 characters and the key apart) joined by one kind of space, dash or dot, or
/// written whole (`253072B07300470`); not continued on either side. Returns its end and
/// whether it is printed (read anywhere, as the NIR is; written whole, only after an SSN
/// word).
pub(crate) fn corsican_nir_at(hay: &[u8], anchor: usize) -> Option<(usize, bool)> {
    let is_sep = |b: &u8| matches!(b, b' ' | b'-' | b'.');
    let mut chars = [0u8; 15];
    let mut cuts = [0usize; 14];
    let (mut ncuts, mut sep, mut at) = (0, None, anchor);
    for (i, char) in chars.iter_mut().enumerate() {
        *char = *hay.get(at)?;
        at += 1;
        if i < 14 && hay.get(at).is_some_and(is_sep) && hay.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            if *sep.get_or_insert(hay[at]) != hay[at] {
                return None;
            }
            cuts[ncuts] = i;
            ncuts += 1;
            at += 1;
        }
    }
    let cuts = &cuts[..ncuts];
    let printed = cuts == [0, 2, 4, 6, 9, 12] || cuts == [12];
    let dept = match chars[6].to_ascii_uppercase() {
        b'A' => 9,
        b'B' => 8,
        _ => return None,
    };
    let mut digits = [0u8; 15];
    for (i, (&char, digit)) in chars.iter().zip(&mut digits).enumerate() {
        *digit = match i {
            5 if char == b'2' => 1,
            6 => dept,
            _ if char.is_ascii_digit() => char - b'0',
            _ => return None,
        };
    }
    let joined_before = anchor >= 2 && is_sep(&hay[anchor - 1]) && hay[anchor - 2].is_ascii_digit();
    let joined_after = hay.get(at).is_some_and(is_sep) && hay.get(at + 1).is_some_and(u8::is_ascii_digit);
    ((printed || cuts.is_empty())
        && !word_char_before(hay, anchor)
        && !word_char_at(hay, at)
        && !joined_before
        && !joined_after
        && is_nir(&digits))
    .then_some((at, printed))
}

/// The UK National Insurance number whose digits start at `anchor`, if one does: two
/// capitals, six digits (`123456` or `12 34 56`) and a capital suffix, the letters glued to
/// the digits or one space apart, standing apart from any word. Returns its span and
/// whether it may be read anywhere: printed as HMRC prints it (`AB 12 34 56 C`, or
/// `AB 123456 C`), with a prefix that may be issued (`national_id::is_nino_prefix`) and a
/// suffix `A` to `D`. Any other (written whole, `AB123456C`, as common a shape for a code;
/// a prefix or suffix never issued, as test data writes them: `ZZ 12 34 56 T`; or in small
/// letters, as chat types it: `ab123456c`) is read only after an SSN word.
pub(crate) fn nino_at(hay: &[u8], anchor: usize) -> Option<(usize, usize, bool)> {
    let space_before = hay.get(anchor.checked_sub(1)?) == Some(&b' ');
    let start = anchor.checked_sub(if space_before { 3 } else { 2 })?;
    let digits_end = if hay.get(anchor..anchor + 6).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
        anchor + 6
    } else if hay.get(anchor..anchor + 8).is_some_and(|d| {
        d.iter().enumerate().all(|(at, b)| if at % 3 == 2 { *b == b' ' } else { b.is_ascii_digit() })
    }) {
        anchor + 8
    } else {
        return None;
    };
    let space_after = hay.get(digits_end) == Some(&b' ');
    let suffix = digits_end + usize::from(space_after);
    let (first, second) = (hay[start], hay[start + 1]);
    // (Three capitals, or three small letters: chat often types it so; `Ab…` is no NINO.)
    let same_case: fn(&u8) -> bool =
        if first.is_ascii_lowercase() { u8::is_ascii_lowercase } else { u8::is_ascii_uppercase };
    let shaped = same_case(&first)
        && same_case(&second)
        && !word_char_before(hay, start)
        && hay.get(suffix).is_some_and(same_case)
        && !word_char_at(hay, suffix + 1);
    // (`shaped` has read the suffix; the text may end after the space before it.)
    let anywhere = shaped
        && space_before
        && space_after
        && is_nino_prefix(first, second)
        && hay.get(suffix).is_some_and(|b| (b'A'..=b'D').contains(b));
    shaped.then_some((start, suffix + 1, anywhere))
}

/// The Italian codice fiscale whose first digit stands at `anchor`, if one does: 16 ASCII
/// letters and digits (`RCCMNL83S18D969H`), six letters before that digit, passing its
/// check (`national_id::is_codice_fiscale`) and standing apart from any word. (Omocodia
/// turns digits into letters from the last one back: a code with all seven turned, no
/// digit left, is not read.) Read anywhere, whatever a label says: with its shape and
/// check letter it is as safe to read as a Spanish DNI.
pub(crate) fn codice_fiscale_at(hay: &[u8], anchor: usize) -> Option<(usize, usize)> {
    let start = anchor.checked_sub(6)?;
    let code = hay.get(start..start + 16)?;
    (code[..6].iter().all(u8::is_ascii_alphabetic)
        && code[6..].iter().all(u8::is_ascii_alphanumeric)
        && !word_char_before(hay, start)
        && !word_char_at(hay, start + 16)
        && is_codice_fiscale(code))
    .then_some((start, start + 16))
}

/// Where a Spanish DNI's or NIE's check letter stands after the digits ending at `end`: an
/// ASCII letter glued to them or after a dash, or a capital after one space (a small one
/// there is as likely a word: `12.345.678 y …`, `… a ti`); nothing glued after it.
pub(crate) fn check_letter_after(hay: &[u8], end: usize) -> Option<usize> {
    let (at, letter_ok): (usize, fn(&u8) -> bool) = match hay.get(end) {
        Some(b' ') => (end + 1, u8::is_ascii_uppercase),
        Some(b'-') => (end + 1, u8::is_ascii_alphabetic),
        _ => (end, u8::is_ascii_alphabetic),
    };
    (hay.get(at).is_some_and(letter_ok) && !word_char_at(hay, at + 1)).then_some(at)
}

/// Pushes the Spanish DNI or NIE the chunk holds, if it holds one: 8 digits (one group, or
/// 2-3-3 joined by dots: `54.362.315-K`) or an `X`, `Y` or `Z` and 7 digits (`X2482300W`,
/// `X-2482300-W`), then the check letter (`national_id::is_spanish_id`), each letter glued
/// or after one dash or space; the whole chunk, standing apart from any word. (The check
/// letter makes it safe to read without a word, and, as for the US 3-2-4 shape, whatever a
/// label in front calls it.)
pub(crate) fn spanish_id_candidate(chunk: &Chunk<'_>, veto: Option<(usize, usize)>, out: &mut Candidates) {
    let groups = chunk.groups();
    let hay = chunk.hay;
    if !chunk.is_first(0) || !chunk.complete || groups[0].paren {
        return;
    }
    let end = match groups.len() {
        1 if matches!(groups[0].len, 7 | 8) => 0,
        3 if groups[0].len == 2
            && groups[1..].iter().all(|g| g.len == 3 && g.joint == Joint::Sep(Sep::Dot) && !g.paren) =>
        {
            2
        }
        _ => return,
    };
    let (first, last) = (&groups[0], &groups[end]);
    let Some(letter_at) = check_letter_after(hay, last.end) else { return };
    let letter = hay[letter_at];
    let (start, prefix) = if first.len == 7 && end == 0 {
        let Some(at) = nie_letter_before(hay, first.start) else { return };
        (at, Some(hay[at]))
    } else {
        (first.start, None)
    };
    if word_char_before(hay, start) || (prefix.is_none() && chunk.word_before_first) {
        return;
    }
    let mut digits = [0u8; 8];
    let count = decode_run(chunk, 0, end, &mut digits);
    if !is_spanish_id(prefix, &digits[..count], letter) || vetoed_before(chunk, 0, end, veto) {
        return;
    }
    out.push(Candidate::new(start, letter_at + 1, Kind::Ssn));
}

fn is_ssn_separator(joint: Joint) -> bool {
    matches!(joint, Joint::Sep(Sep::Space | Sep::Dash) | Joint::Spaced(Sep::Dash))
}

/// Pushes the SSN starting at group `s`, if there is one.
pub(crate) fn candidates(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let groups = chunk.groups();
    let first = &groups[s];
    if first.paren || !chunk.starts_clean(s) {
        return;
    }
    if chunk.total_digits >= 15 {
        nir_candidate(chunk, s, context, veto, out);
    }
    national_candidate(chunk, s, context, veto, out);
    if matches!(first.len, 17 | 18) {
        chinese_id_candidate(chunk, s, context, veto, out);
    }
    if first.len == 6 {
        hetu_candidate(chunk, s, context, veto, out);
    }
    let end = if first.len == 3 && groups.len() > s + 2 {
        let (g2, g3) = (&groups[s + 1], &groups[s + 2]);
        // Dots join the groups only after an SSN word (`my ssn: 123.45.6789`): without
        // one, `123.45.6789` is as likely a version or a reference.
        let shaped = g2.len == 2
            && g3.len == 4
            && !g2.paren
            && !g3.paren
            && ((is_ssn_separator(g2.joint) && is_ssn_separator(g3.joint))
                || (g2.joint == Joint::Sep(Sep::Dot) && g3.joint == g2.joint && context.ssn()));
        // A group joined the same way before or after it makes it a slice of a longer
        // number: always when joined by a dash (`123-45-6789-12` is one token); by a space
        // (`234 56 7891 1980`: a year, a date), unless an SSN word says what it is.
        let before = first.joint.same_sep(g2.joint).then_some(g2.joint);
        let after = chunk.next_joint(s + 2).same_sep(g3.joint).then_some(g3.joint);
        let dashed = |joint: Option<Joint>| joint == Some(Joint::Sep(Sep::Dash));
        if !shaped || dashed(before) || dashed(after) || ((before, after) != (None, None) && !context.ssn()) {
            return;
        }
        s + 2
    } else if first.len == 9 {
        s
    } else {
        return;
    };
    // A dash glued to a word after the number makes it part of a longer token (`part number
    // 536-22-8417-B`), as one before it does (`B-536-22-8417`, see `Chunk::starts_clean`),
    // unless an SSN word says what it is (`my ssn 536-22-8417-thanks`).
    let after = groups[end].end;
    let dash_word_after = chunk.hay.get(after) == Some(&b'-') && word_char_at(chunk.hay, after + 1);
    if !chunk.ends_clean(end) || (dash_word_after && !context.ssn()) {
        return;
    }
    let mut digits = [0u8; 9];
    let mut count = 0;
    for group in &groups[s..=end] {
        group.decode(chunk.hay, &mut digits[count..count + group.len]);
        count += group.len;
    }
    if !is_ssn(&digits) || vetoed(chunk, s, end, veto) {
        return;
    }
    if end == s && (!context.ssn() || context.labelled()) {
        return;
    }
    out.push(Candidate::new(first.start, groups[end].end, Kind::Ssn));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u8> {
        s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
    }

    #[test]
    fn ssa_rules() {
        assert!(is_ssn(&d("123-45-6789")));
        for advertised in ["078-05-1120", "219-09-9999", "457-55-5462", "987-65-4320", "987-65-4329"] {
            assert!(!is_ssn(&d(advertised)), "{advertised}");
        }
        assert!(is_ssn(&d("078-05-1121")) && is_ssn(&d("987-65-4330")));
        assert!(!is_ssn(&d("000-12-3456")));
        assert!(!is_ssn(&d("666-12-3456")));
        assert!(!is_ssn(&d("123-00-4567")));
        assert!(!is_ssn(&d("123-45-0000")));
    }

    #[test]
    fn nino_forms() {
        let found =
            |text: &str| nino_at(text.as_bytes(), text.find(|c: char| c.is_ascii_digit()).unwrap_or(0));
        assert_eq!(found("AB 12 34 56 C"), Some((0, 13, true)), "as HMRC prints it");
        assert_eq!(found("AB 123456 C."), Some((0, 11, true)));
        assert_eq!(found("AB123456C"), Some((0, 9, false)), "written whole: after a word only");
        assert_eq!(found("ZZ 12 34 56 T"), Some((0, 13, false)), "never issued: after a word only");
        assert_eq!(found("QQ 12 34 56 C"), Some((0, 13, false)));
        assert_eq!(found("AB 12 34 56"), None, "no suffix");
        assert_eq!(found("AB 12 34 56 "), None, "the text ends after a space");
        assert_eq!(found("AB 123456 "), None);
        assert_eq!(found("AB 12 34 56 CD"), None, "glued to a word");
        assert_eq!(found("XAB123456C"), None);
        assert_eq!(found("ab 12 34 56 c"), Some((0, 13, false)), "small letters: after a word only");
        assert_eq!(found("jk123456c"), Some((0, 9, false)));
        assert_eq!(found("Ab 12 34 56 C"), None, "one case");
        assert_eq!(found("ab 12 34 56 C"), None);
        assert_eq!(found("AB 12 3456 C"), None);
    }

    #[test]
    fn corsican_nir() {
        let found = |text: &str| corsican_nir_at(text.as_bytes(), 0);
        // python-stdnum's example (REFERENCE §7), and the same printed.
        assert_eq!(found("253072B07300470"), Some((15, false)));
        assert_eq!(found("2 53 07 2B 073 004 70."), Some((21, true)));
        assert_eq!(found("253072b073004-70"), Some((16, true)), "the key apart, a small letter");
        assert_eq!(found("253072B07300471"), None, "wrong key");
        assert_eq!(found("253072A07300470"), None, "the key is 2B's");
        assert_eq!(found("2 53 07 2B 073 004-70"), None, "two kinds of separator");
        assert_eq!(found("2 53 07 2B 07 3004 70"), None, "no NIR grouping");
        assert_eq!(found("253072B07300470 12"), None, "continued");
        assert_eq!(found("253072B07300470x"), None, "glued to a word");
    }

    #[test]
    fn nir_key() {
        // REFERENCE §7's example, and the INSEE number of a man born in May 1985.
        assert!(is_nir(&d("2 95 10 99 126 111 93")));
        assert!(is_nir(&d("1 85 05 78 006 084 91")));
        assert!(!is_nir(&d("1 85 05 78 006 084 36")));
        assert!(!is_nir(&d("5 85 05 78 006 084 91")), "no such first digit");
        assert!(!is_nir(&d("1 85 05 78 006 084")), "no key");
    }

    #[test]
    fn itin_groups() {
        for group in ["50", "65", "70", "88", "90", "92", "94", "99"] {
            assert!(is_ssn(&d(&format!("912-{group}-3456"))), "{group}");
        }
        for group in ["01", "49", "66", "69", "89", "93"] {
            assert!(!is_ssn(&d(&format!("912-{group}-3456"))), "{group}");
        }
    }
}

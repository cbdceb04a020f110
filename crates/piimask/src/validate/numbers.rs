//! Numbers that are not phone numbers or SSNs even when shaped like one: dates, IPv4
//! addresses, prices and decimals, percentages, and the digits of a known non-IBAN.

use crate::scan::chars::{Class, Sep, char_at, char_before, classify, is_letter};
use crate::scan::chunk::{Chunk, FLAG_COMPACT_DATE, FLAG_DATE, FLAG_IPV4, Group, Joint};
use crate::validate::phone::phone_grouped;

/// Whether groups `s..=e` of the chunk may not be a PHONE or SSN: they hold a date or an
/// IPv4 address, or start with a `YYYYMMDD` group (`20240707-366927`, an order number
/// opening with its date; after other groups, eight such digits are only part of the
/// number: `+31 6 19820415`, `06-19110607`), or end with a year after a slash that joins
/// no other group (`63-422/2023`, a document number and its year).
pub(crate) fn vetoed(chunk: &Chunk<'_>, s: usize, e: usize, veto: Option<(usize, usize)>) -> bool {
    vetoed_unless(chunk, s, e, veto, 0)
}

/// [`vetoed`], with the group flags in `lifted` (`FLAG_IPV4`) not vetoing.
pub(crate) fn vetoed_unless(
    chunk: &Chunk<'_>,
    s: usize,
    e: usize,
    veto: Option<(usize, usize)>,
    lifted: u8,
) -> bool {
    let groups = &chunk.groups()[s..=e];
    if groups.iter().any(|g| g.flags & (FLAG_DATE | FLAG_IPV4) & !lifted != 0) {
        return true;
    }
    if groups[0].flags & FLAG_COMPACT_DATE != 0 || year_after_slash(groups) {
        return true;
    }
    let (start, end) = (groups[0].start, groups[groups.len() - 1].end);
    if let Some((veto_start, veto_end)) = veto
        && start < veto_end
        && veto_start < end
    {
        return true;
    }
    (chunk.is_first(s) && cached(&chunk.amount_before, || price_before(chunk.hay, chunk.start)))
        || (decimal_or_price_after(chunk, e) && !phone_before_currency(chunk, s, e))
        || is_isbn(chunk)
        || is_order_or_payment_reference(chunk)
        || is_upc_a(chunk)
        || is_mac_address(chunk)
        || one_digit_repeated(chunk, groups)
}

/// [`vetoed`]'s questions for a value that ends in a letter of its own (a Spanish DNI's
/// check letter, which is no unit after an amount: `87619287M`), with no shape of its
/// digits vetoing it (the letter checks them): whether groups `s..=e` overlap the vetoed
/// span, or follow an amount's sign or code (`€ 87619287M`).
pub(crate) fn vetoed_before(chunk: &Chunk<'_>, s: usize, e: usize, veto: Option<(usize, usize)>) -> bool {
    let (start, end) = (chunk.groups()[s].start, chunk.groups()[e].end);
    veto.is_some_and(|(veto_start, veto_end)| start < veto_end && veto_start < end)
        || (chunk.is_first(s) && cached(&chunk.amount_before, || price_before(chunk.hay, chunk.start)))
}

/// Whether the whole chunk is a UPC-A product code printed as on its barcode (`0 36000 29145
/// 2`: 1, 5, 5 and 1 digits joined by one kind of space or dash) passing its check digit.
/// (Read whole, its first 11 digits are a mobile number with its country code `7` or `1`
/// and no `+`.)
fn is_upc_a(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    if !chunk.at_chunk_start || !chunk.complete || groups.len() != 4 {
        return false;
    }
    let joint = groups[1].joint;
    let shaped = groups.iter().map(|g| g.len).eq([1, 5, 5, 1])
        && matches!(joint, Joint::Sep(Sep::Dash | Sep::Space))
        && groups[2..].iter().all(|g| g.joint == joint)
        && !groups.iter().any(|g| g.paren);
    if !shaped {
        return false;
    }
    let mut digits = [0u8; 12];
    let mut at = 0;
    for group in groups {
        at += group.decode(chunk.hay, &mut digits[at..]);
    }
    gtin_check_holds(&digits)
}

/// Whether GS1's check digit holds for a GTIN (EAN-13, UPC-A, …): weights 1 and 3 from the
/// last digit on, the sum a multiple of ten.
fn gtin_check_holds(digits: &[u8]) -> bool {
    let weighted =
        digits.iter().rev().enumerate().map(|(i, &d)| u32::from(d) * if i % 2 == 0 { 1 } else { 3 });
    weighted.sum::<u32>() % 10 == 0
}

/// Whether the whole chunk is a MAC address of decimal digits only: six pairs joined by
/// dashes (`45-99-27-86-49-69`), which no numbering plan writes.
fn is_mac_address(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    chunk.at_chunk_start
        && chunk.complete
        && chunk.plus.is_none()
        && groups.len() == 6
        && groups.iter().all(|g| g.len == 2 && !g.paren)
        && groups[1..].iter().all(|g| g.joint == Joint::Sep(Sep::Dash))
}

/// Whether groups `groups` hold seven digits or more, all one digit (`111 111 111`,
/// `000-000-0000`): a placeholder or the result of a sum, no one's number.
fn one_digit_repeated(chunk: &Chunk<'_>, groups: &[Group]) -> bool {
    let count: usize = groups.iter().map(|g| g.len).sum();
    if !(7..=16).contains(&count) {
        return false;
    }
    let Some(first) = groups[0].head().first().copied() else { return false };
    if !groups.iter().all(|g| g.head().iter().all(|&d| d == first)) {
        return false;
    }
    let mut digits = [0u8; 16];
    let mut at = 0;
    for group in groups {
        at += group.decode(chunk.hay, &mut digits[at..]);
    }
    digits[..at].iter().all(|&d| d == first)
}

/// Whether the whole chunk is a reference of a well-known shape: an Amazon order number
/// (`113-5980413-0833073`: 3, 7 and 7 digits joined by dashes) or a Belgian structured
/// payment reference (`+++017/1858/34651+++`, also between `***`: 3, 4 and 5 digits joined
/// by slashes).
pub(crate) fn is_order_or_payment_reference(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    if groups.len() != 3 || !chunk.complete || groups.iter().any(|g| g.paren) {
        return false;
    }
    let lens = [groups[0].len, groups[1].len, groups[2].len];
    let joined = |sep: Sep| groups[1].joint == Joint::Sep(sep) && groups[2].joint == Joint::Sep(sep);
    let before = &chunk.hay[..groups[0].start];
    (lens == [3, 7, 7] && joined(Sep::Dash) && chunk.plus.is_none())
        || (lens == [3, 4, 5] && joined(Sep::Slash) && (before.ends_with(b"+++") || before.ends_with(b"***")))
}

/// Whether the last of `groups` is a year (1950-2099) joined by a slash, and the groups
/// before it are joined another way (`63-422/2023`, `№ 38-122/2023`).
fn year_after_slash(groups: &[Group]) -> bool {
    let Some((last, before)) = groups.split_last() else { return false };
    last.joint == Joint::Sep(Sep::Slash)
        && last.len == 4
        && (1950..=2099).contains(&last.value())
        && before.len() >= 2
        && before[1..].iter().all(|g| g.joint != Joint::Sep(Sep::Slash))
}

/// Whether the chunk is one decimal number: two groups joined by a dot and nothing else
/// (`92253.41232`, `-8127.4467`), no `+` before it. A card, or a phone read from its shape
/// alone, across both groups would be read across the decimal point (a phone word makes it
/// a phone number: `tel 333.74068`).
pub(crate) fn is_decimal(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    chunk.at_chunk_start
        && chunk.complete
        && chunk.plus.is_none()
        && groups.len() == 2
        && groups[1].joint == Joint::Sep(Sep::Dot)
        && !groups[0].paren
        && !groups[1].paren
}

/// Whether the whole chunk is an ISBN written in its groups (`0-306-40615-2`,
/// `978-0-306-40615-7`, `0-8044-2957-X`): ten digits in four groups ending with the
/// one-digit check group (or three groups, then an `X`) passing the ISBN-10 check, or
/// thirteen in five groups starting 978 or 979, ending with the check digit, passing the
/// EAN-13 check; groups joined by one kind of dash or space. (The one-digit last group
/// keeps phone numbers written whole out: one in eleven passes the ISBN-10 check by chance.)
fn is_isbn(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    if !chunk.at_chunk_start || !chunk.complete || !(3..=5).contains(&groups.len()) {
        return false;
    }
    if groups.len() > 3 && groups[groups.len() - 1].len != 1 {
        return false;
    }
    let joint = groups[1].joint;
    if !matches!(joint, Joint::Sep(Sep::Dash | Sep::Space))
        || groups.iter().any(|g| g.paren)
        || groups[2..].iter().any(|g| !g.joint.same_sep(joint))
    {
        return false;
    }
    // The shape first, from the group lengths (and the `X` after three groups): most
    // chunks that get here are phone numbers, and leave before any digit is decoded.
    let count: usize = groups.iter().map(|g| g.len).sum();
    let end = groups[groups.len() - 1].end;
    let shape = match (groups.len(), count) {
        (3, 9) => {
            matches!(chunk.hay.get(end..end + 2), Some([b'-' | b' ', b'X' | b'x']))
                && !chunk.hay.get(end + 2).is_some_and(u8::is_ascii_alphanumeric)
        }
        (4, 10) | (5, 13) => true,
        _ => false,
    };
    if !shape {
        return false;
    }
    let mut digits = [0u8; 13];
    let mut at = 0;
    for group in groups {
        at += group.decode(chunk.hay, &mut digits[at..at + group.len]);
    }
    let isbn10 = |digits: &[u8], last: u32| {
        let weighted: u32 = digits.iter().zip((2..=10).rev()).map(|(&d, w)| u32::from(d) * w).sum();
        (weighted + last).is_multiple_of(11)
    };
    match count {
        9 => isbn10(&digits[..9], 10),
        10 => isbn10(&digits[..9], u32::from(digits[9])),
        _ if matches!(digits[..3], [9, 7, 8 | 9]) => gtin_check_holds(&digits),
        _ => false,
    }
}

/// `1 234 567`, `12.500.000`: one to three digits, then groups of exactly three joined by
/// spaces or dots, as amounts are written.
pub(crate) fn is_thousands(groups: &[Group]) -> bool {
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len)
        && groups[1..].iter().all(|g| g.len == 3 && matches!(g.joint, Joint::Sep(Sep::Space | Sep::Dot)))
}

/// Whether groups `s..=e`, the last of the chunk, are a phone number written before a
/// currency sign or code rather than an amount: not written as amounts are (one run of
/// digits, or thousands: [`is_thousands`]), and read after a `+`, grouped as only phone
/// numbers are (`call (201) 555-0123 $`), or ending with a group that goes on the way the
/// groups before it went (`06 12 34 56 78 €`; not `07911 123456 20 GBP`, a number and a
/// price). A unit, a count or a percent sign after the number still makes it a quantity.
#[cold]
fn phone_before_currency(chunk: &Chunk<'_>, s: usize, e: usize) -> bool {
    let groups = &chunk.groups()[s..=e];
    let goes_on = |pair: &[Group]| pair[1].len == pair[0].len && pair[1].joint == pair[0].joint;
    chunk.is_last(e)
        && groups.len() >= 2
        && !is_thousands(groups)
        && ((chunk.is_first(s) && chunk.plus.is_some())
            || phone_grouped(groups)
            || (groups.len() >= 3 && goes_on(&groups[groups.len() - 2..])))
        && currency_follows(chunk.hay, groups[groups.len() - 1].end, &chunk.mask_chars)
}

/// Whether a currency sign or code (not a unit) follows `at`, after at most one space, and
/// no digits follow it (see [`amount_follows`]).
fn currency_follows(hay: &[u8], at: usize, mask_chars: &[char]) -> bool {
    let mut at = at;
    if at < hay.len() && classify(hay, at).0 == Class::Sep(Sep::Space) {
        at += classify(hay, at).1;
    }
    let Some((c, len)) = char_at(hay, at) else { return false };
    if is_currency_sign(c) {
        return !digits_at(hay, at + len, mask_chars);
    }
    if let Some(end) = arabic_currency_at(hay, at) {
        return !digits_at(hay, end, mask_chars);
    }
    let mut end = at;
    while let Some((_, len)) = char_at(hay, end).filter(|&(c, _)| is_letter(c)) {
        if end - at > 32 {
            return false;
        }
        end += len;
    }
    end > at
        && is_currency_word(&hay[at..end])
        && !digits_at(hay, end + usize::from(hay.get(end) == Some(&b'.')), mask_chars)
}

/// Arabic currency abbreviations written after amounts, two letters joined by a dot: the
/// riyals of Saudi Arabia, Qatar, Oman and Yemen, the dinars of Kuwait, Bahrain and Algeria,
/// the UAE and Moroccan dirhams, the Egyptian and Lebanese pounds (`4547-9293 ر.س`).
const ARABIC_CURRENCIES: [&str; 11] =
    ["ر.س", "ر.ق", "ر.ع", "ر.ي", "د.ك", "د.ب", "د.ج", "د.إ", "د.م", "ج.م", "ل.ل"];

/// Where an Arabic currency abbreviation (see [`ARABIC_CURRENCIES`]) at `at` ends.
fn arabic_currency_at(hay: &[u8], at: usize) -> Option<usize> {
    if hay.get(at).is_none_or(|&b| b < 0x80) {
        return None;
    }
    let code = ARABIC_CURRENCIES.iter().find(|code| hay[at..].starts_with(code.as_bytes()))?;
    let end = at + code.len();
    (!char_at(hay, end).is_some_and(|(c, _)| is_letter(c))).then_some(end)
}

/// A per-chunk cached answer.
fn cached(cell: &std::cell::Cell<Option<bool>>, compute: impl FnOnce() -> bool) -> bool {
    cell.get().unwrap_or_else(|| {
        let value = compute();
        cell.set(Some(value));
        value
    })
}

/// A currency sign or code right before `at` (one space may come between), that is not the
/// end of an amount before it (`50 € 612 34 56 78`, `2 x 15 € +33 6 12 34 56 78`: the sign
/// belongs to the price, and a phone number follows).
fn price_before(hay: &[u8], at: usize) -> bool {
    let mut at = at;
    if let Some((_, prev)) = char_before(hay, at)
        && classify(hay, prev).0 == Class::Sep(Sep::Space)
    {
        at = prev;
    }
    let Some((mut c, mut prev)) = char_before(hay, at) else { return false };
    if is_currency_sign(c) {
        return !digit_before(hay, prev);
    }
    // An abbreviation's dot (`Rs. 500`); after an ISO code it ends a sentence (`… 19134,55
    // EUR. +33 1 12 92 88 63`).
    let mut dotted = false;
    if c == '.'
        && let Some(before) = char_before(hay, prev)
    {
        at = prev;
        (c, prev) = before;
        dotted = true;
    }
    // A currency word ending here: walk back over letters (at most a few).
    let mut word_start = at;
    let mut cursor = Some((c, prev));
    let mut letters = 0;
    while let Some((c, start)) = cursor {
        if !is_letter(c) || letters == 8 {
            break;
        }
        letters += 1;
        word_start = start;
        cursor = char_before(hay, start);
    }
    let word = &hay[word_start..at];
    letters > 0
        && !cursor.is_some_and(|(c, _)| is_letter(c))
        && is_currency_word(word)
        && !(dotted && is_currency_code(word))
        && !digit_before(hay, word_start)
}

/// Whether a digit ends right before `at` (one space may come between).
fn digit_before(hay: &[u8], at: usize) -> bool {
    let mut at = at;
    if let Some((_, prev)) = char_before(hay, at)
        && classify(hay, prev).0 == Class::Sep(Sep::Space)
    {
        at = prev;
    }
    char_before(hay, at).is_some_and(|(_, prev)| matches!(classify(hay, prev).0, Class::Digit(_)))
}

/// Whether group `e` is the last of the chunk and an amount of its own: a currency sign or
/// word, a percent sign or a unit right after it (`20 GBP`, `10€`, `5 kg`).
pub(crate) fn amount_after(chunk: &Chunk<'_>, e: usize) -> bool {
    chunk.is_last(e) && decimal_or_price_after(chunk, e)
}

/// A decimal part (`.50`, `,99`), a percent sign, or a currency right after group `e`.
fn decimal_or_price_after(chunk: &Chunk<'_>, e: usize) -> bool {
    let groups = chunk.groups();
    if let Some(next) = groups.get(e + 1) {
        // `612 345 678.50`: a short dot-joined last group is a decimal part.
        return next.joint == Joint::Sep(Sep::Dot)
            && next.len <= 2
            && !chunk.next_joint(e + 1).same_sep(next.joint)
            && chunk.is_last(e + 1);
    }
    chunk.is_last(e)
        && cached(&chunk.amount_after, || amount_follows(chunk.hay, groups[e].end, &chunk.mask_chars))
}

/// A decimal part, a percent sign, a currency or a unit right at `at` (after a number).
fn amount_follows(hay: &[u8], at: usize, mask_chars: &[char]) -> bool {
    let mut at = at;
    if hay.get(at) == Some(&b',') {
        // `1 234,56`: one or two digits after a comma, not starting another number
        // (`06 12 34 56 78,06 98 76 54 32` is a list).
        let digits = hay[at + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        let after = at + 1 + digits;
        let another_number = after < hay.len()
            && matches!(classify(hay, after).0, Class::Sep(_))
            && hay.get(after + classify(hay, after).1).is_some_and(u8::is_ascii_digit);
        if (1..=2).contains(&digits) && !another_number {
            return true;
        }
    }
    if at < hay.len() && classify(hay, at).0 == Class::Sep(Sep::Space) {
        at += classify(hay, at).1;
    }
    let Some((c, len)) = char_at(hay, at) else { return false };
    if c == '%' {
        return true;
    }
    if is_currency_sign(c) {
        // `… 123456 £20`: a sign followed by digits belongs to the amount after it.
        return !digits_at(hay, at + len, mask_chars);
    }
    if let Some(end) = arabic_currency_at(hay, at) {
        return !digits_at(hay, end, mask_chars);
    }
    // A word of Latin letters ends where another script's letters start: a Korean or
    // Japanese particle glued to it (`112.226.675 VND이 결제됐어요`).
    let latin = |c: char| matches!(c as u32, 0..=0x24F | 0x1E00..=0x1EFF);
    let latin_word = hay[at].is_ascii_alphabetic();
    let mut end = at;
    let mut letters = 0;
    while let Some((c, len)) = char_at(hay, end) {
        if !is_letter(c) || letters == 16 || (latin_word && !latin(c)) {
            break;
        }
        letters += 1;
        end += len;
    }
    let word_goes_on = char_at(hay, end).is_some_and(|(c, _)| is_letter(c) && (!latin_word || latin(c)));
    let word = &hay[at..end];
    // A currency word followed by digits belongs to the amount after it, as a sign does
    // (`+44 7426 389869 GBP 422.32`, `… 78 EUR 45,00`, `… 90 kr. 986,33`).
    let abbreviated = end + usize::from(hay.get(end) == Some(&b'.'));
    letters > 0
        && !word_goes_on
        && is_currency_or_unit(word)
        && !(is_currency_word(word) && digits_at(hay, abbreviated, mask_chars))
}

/// Whether a digit stands at `at`, after at most one space; or one of `mask_chars`, which
/// stands for a digit it masked (found by the fuzzer: `1310 $ 0 123 564 7310` masked to
/// `1310 $ *******7310` made `$` the price sign of `1310`, and the number before a phone);
/// or a `+` and a digit, the sign a phone's mask covers too (`12315 € +33 6020 6 78` and its
/// masked `12315 € ******0678` must read alike; found by the fuzzer).
fn digits_at(hay: &[u8], at: usize, mask_chars: &[char]) -> bool {
    let mut at = at;
    if at < hay.len() && classify(hay, at).0 == Class::Sep(Sep::Space) {
        at += classify(hay, at).1;
    }
    at < hay.len()
        && match classify(hay, at).0 {
            Class::Digit(_) => true,
            _ if hay[at] == b'+' => hay.get(at + 1).is_some_and(u8::is_ascii_digit),
            _ => char_at(hay, at).is_some_and(|(c, _)| mask_chars.contains(&c)),
        }
}

/// Units written after quantities: `1 234 567 KB`, `12 14 16 18 inch`, `299 792 458 m/s`.
fn is_unit(lower: &str) -> bool {
    matches!(
        lower,
        "kb" | "mb"
            | "gb"
            | "tb"
            | "kg"
            | "km"
            | "cm"
            | "mm"
            | "m"
            | "ml"
            | "pcs"
            | "inch"
            | "inches"
            | "mph"
            | "kmh"
            | "шт"
            | "кг"
            | "км"
            | "гб"
            | "мб"
            | "sqm"
            | "m2"
            | "kwh"
    ) || is_count_noun(lower)
}

/// What counts are counted in, in the supported languages: `123 456 789 views`, `512 345
/// 678 units`, `1 234 567 użytkowników` (a count grouped in threes is shaped like a PL,
/// PT or ES phone number).
fn is_count_noun(lower: &str) -> bool {
    matches!(
        lower,
        "users"
            | "views"
            | "units"
            | "people"
            | "visitors"
            | "followers"
            | "subscribers"
            | "downloads"
            | "items"
            | "likes"
            | "clicks"
            | "copies"
            | "residents"
            | "inhabitants"
            | "utilisateurs"
            | "vues"
            | "personnes"
            | "abonnés"
            | "habitants"
            | "exemplaires"
            | "usuarios"
            | "usuários"
            | "vistas"
            | "visitas"
            | "personas"
            | "pessoas"
            | "unidades"
            | "habitantes"
            | "seguidores"
            | "visualizaciones"
            | "visualizações"
            | "nutzer"
            | "aufrufe"
            | "einwohner"
            | "stück"
            | "personen"
            | "besucher"
            | "wyświetleń"
            | "osób"
            | "użytkowników"
            | "sztuk"
            | "mieszkańców"
            | "человек"
            | "пользователей"
            | "просмотров"
            | "жителей"
            | "штук"
            | "людей"
            | "користувачів"
            | "переглядів"
            | "мешканців"
            | "utenti"
            | "visualizzazioni"
            | "persone"
            | "abitanti"
            | "pezzi"
            // How often (`I rang 020 7946 0212 123 times`): a count, also after a phone
            // number of 13 or 14 digits with it.
            | "times"
            | "fois"
            | "veces"
            | "volte"
            | "vezes"
            | "razy"
            // Customers, clients and members (round-8 probe: `we have 289 454 670 customers`).
            | "customers"
            | "clients"
            | "members"
            | "employees"
            | "accounts"
            | "clientes"
            | "clienti"
            | "kunden"
            | "klanten"
            | "klientów"
            | "клиентов"
            | "клієнтів"
            | "müşteri"
            | "abonentów"
            | "mitglieder"
            | "membres"
            | "miembros"
    )
}

/// `word` in lower case, written into `buf` (no allocation); `None` when it does not fit
/// or is not UTF-8.
fn lowercase<'b>(word: &[u8], buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.is_ascii() {
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok();
    }
    let word = std::str::from_utf8(word).ok()?;
    let mut len = 0;
    for c in word.chars().flat_map(lower_chars) {
        let width = c.len_utf8();
        if len + width > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..len + width]);
        len += width;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// `c` in lower case: a table-free shortcut for Latin-1 and basic Cyrillic capitals (the
/// Unicode case tables cost tens of nanoseconds per character), `char::to_lowercase` for
/// the rest.
fn lower_chars(c: char) -> impl Iterator<Item = char> {
    let simple = match c as u32 {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => char::from_u32(c as u32 + 0x20),
        0x400..=0x40F => char::from_u32(c as u32 + 0x50),
        0..=0x7F | 0xDF..=0xFF | 0x430..=0x45F => Some(c),
        _ => None,
    };
    let (simple, general) = match simple {
        Some(lower) => (Some(lower), None),
        None => (None, Some(c.to_lowercase())),
    };
    simple.into_iter().chain(general.into_iter().flatten())
}

fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '¢'
            | '₴'
            | '₽'
            | '₹'
            | '₺'
            | '₩'
            | '₪'
            | '₦'
            | '₱'
            | '₫'
            | '฿'
            | '₸'
            | '₼'
            | '₾'
            | '₡'
            | '₲'
            | '₭'
            | '₮'
            | '₵'
            | '₿'
    )
}

/// ISO 4217 codes (upper case only: `try`, `ron`, `mad`, `ils` are words) and currency
/// words written next to amounts in the supported languages (any case).
fn is_currency_word(word: &[u8]) -> bool {
    let mut buf = [0u8; 32];
    is_currency_code(word) || lowercase(word, &mut buf).is_some_and(is_currency_name)
}

/// A currency word or a unit (`20 GBP`, `5 kg`), lower-cased once.
fn is_currency_or_unit(word: &[u8]) -> bool {
    let mut buf = [0u8; 32];
    is_currency_code(word)
        || lowercase(word, &mut buf).is_some_and(|lower| is_currency_name(lower) || is_unit(lower))
}

/// An upper-case ISO 4217 code.
fn is_currency_code(word: &[u8]) -> bool {
    matches!(
        word,
        b"USD"
            | b"EUR"
            | b"GBP"
            | b"UAH"
            | b"CHF"
            | b"PLN"
            | b"RUB"
            | b"JPY"
            | b"CNY"
            | b"CAD"
            | b"AUD"
            | b"MXN"
            | b"BRL"
            | b"INR"
            | b"TRY"
            | b"SEK"
            | b"NOK"
            | b"DKK"
            | b"CZK"
            | b"HUF"
            | b"RON"
            | b"BGN"
            | b"RSD"
            | b"ZAR"
            | b"KRW"
            | b"HKD"
            | b"SGD"
            | b"NZD"
            | b"ILS"
            | b"AED"
            | b"SAR"
            | b"EGP"
            | b"MAD"
            | b"NGN"
            | b"KZT"
            | b"BYN"
            | b"GEL"
            | b"AZN"
            | b"VND"
            | b"UZS"
            | b"THB"
            | b"IDR"
            | b"MYR"
            | b"PHP"
            | b"PKR"
            | b"BDT"
            | b"ARS"
            | b"CLP"
            | b"COP"
            | b"PEN"
            | b"TND"
            | b"DZD"
            | b"QAR"
            | b"KWD"
            | b"XOF"
            | b"XAF"
            | b"KES"
            | b"GHS"
            | b"TZS"
            | b"UGX"
            | b"ETB"
            | b"IRR"
            | b"JOD"
            | b"OMR"
            | b"BHD"
            | b"TWD"
            | b"LKR"
            | b"NPR"
            | b"VES"
            | b"UYU"
            | b"FCFA"
            | b"CFA"
            // The ringgit's own sign, written as a code (`RM 22781815`).
            | b"RM"
    )
}

/// A currency word, in lower case.
fn is_currency_name(lower: &str) -> bool {
    matches!(
        lower,
        "eur"
            | "usd"
            | "gbp"
            | "uah"
            | "chf"
            | "pln"
            | "rub"
            | "czk"
            | "sek"
            | "nok"
            | "dkk"
            | "huf"
            | "jpy"
            | "cny"
            | "inr"
            | "brl"
            | "euro"
            | "euros"
            | "dollar"
            | "dollars"
            | "dólares"
            | "dolares"
            | "pesos"
            | "zł"
            | "kč"
            | "kr"
            | "грн"
            | "гривень"
            | "гривні"
            | "гривня"
            | "гривен"
            | "руб"
            | "р"
            | "рублей"
            | "рублів"
            | "евро"
            | "євро"
            | "долларов"
            | "доларів"
            | "сум"
            | "тенге"
            | "лари"
            | "reais"
            | "рупий"
            // Round-8 probe: rupiah and rupee abbreviations, lira, forint (not `lei`: Italian
            // "Lei", you), and the
            // currency words written after amounts in Chinese, Japanese, Korean and Thai.
            | "rp"
            | "rs"
            | "tl"
            | "ft"
            | "元"
            | "块"
            | "円"
            | "圓"
            | "원"
            | "บาท"
            // Round-10 probe: the CFA franc (West and Central Africa) and other African and
            // Middle-Eastern currency words written after amounts.
            | "fcfa"
            | "cfa"
            | "naira"
            | "cedis"
            | "ksh"
            | "birr"
            | "rand"
            | "riyal"
            | "rial"
            | "dirham"
            | "dinar"
            | "ريال"
            | "درهم"
            | "جنيه"
            | "دينار"
            | "تومان"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_before_a_masked_number_belongs_to_it_as_before_masking() {
        // (`1310 $ 0 123 564 7310` masked: the phone after the sign, not `1310`, owns it.)
        for mask in ['*', '#', '\u{2022}'] {
            let masked = format!("1310 $ {}7310", mask.to_string().repeat(7));
            assert!(!amount_follows(masked.as_bytes(), 4, &[mask]), "{masked}");
            assert!(amount_follows(masked.as_bytes(), 4, &['x']), "{masked}: not the masker's");
        }
        assert!(!amount_follows(b"1310 $ 0 123 564 7310", 4, &['*']));
        assert!(amount_follows(b"1310 $ thanks", 4, &['*']));
    }

    #[test]
    fn currency_words() {
        assert!(is_currency_word(b"EUR"));
        assert!(is_currency_word(b"usd"));
        assert!(is_currency_word(b"TRY") && !is_currency_word(b"try") && !is_currency_word(b"Ron"));
        assert!(is_currency_word("грн".as_bytes()));
        assert!(is_currency_word("Гривень".as_bytes()));
        assert!(!is_currency_word(b"SSN"));
        assert!(!is_currency_word(b"tel"));
    }

    #[test]
    fn the_lower_case_shortcut_agrees_with_unicode() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert!(lower_chars(c).eq(c.to_lowercase()), "{:X}", c as u32);
        }
    }

    #[test]
    fn price_before_finds_signs_and_codes() {
        assert!(price_before("€ 123".as_bytes(), 4));
        assert!(price_before("USD 123".as_bytes(), 4));
        assert!(price_before("$123".as_bytes(), 1));
        assert!(!price_before("tel 123".as_bytes(), 4));
        assert!(!price_before("123".as_bytes(), 0));
        assert!(price_before("Rs. 123".as_bytes(), 4), "an abbreviation's dot");
        assert!(!price_before("19,55 EUR. +33".as_bytes(), 11), "a code's dot ends a sentence");
        assert!(!price_before("50 € 612".as_bytes(), 7), "the sign ends the amount before it");
        assert!(!price_before("15€ +33".as_bytes(), 6), "the sign ends the amount before it");
        assert!(!price_before("20 грн 612".as_bytes(), 11), "the code ends the amount before it");
        assert!(price_before("total € 612".as_bytes(), 10));
    }
}

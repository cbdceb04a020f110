//! Email addresses, found from their `@`: a local part of letters, digits and the usual
//! punctuation (Unicode letters allowed), or a quoted one (`"john doe"`), and a domain of at
//! least two labels whose last label is a real-looking TLD. Length limits: RFC 5321 §4.5.3.1
//! (local 64 octets, here 64 characters; label 63, domain 253, address 254 octets).

use crate::scan::chars::{
    char_at, char_before, hebrew_prefix_before, is_combining_mark, is_letter, is_spaceless_script,
};

const MAX_LOCAL: usize = 64;
/// How far back from an `@` the run of local-part characters is read: far enough for a
/// link's path and query before the address (`https://…/unsubscribe?email=john@…`), whose
/// value alone must then fit [`MAX_LOCAL`].
const MAX_RUN: usize = 2048;
const MAX_LABEL: usize = 63;
const MAX_DOMAIN: usize = 253;
const MAX_ADDRESS: usize = 254;

/// How to recognise an address that piimask has already masked.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MaskedForm {
    /// The EMAIL mask character.
    pub mask_char: char,
    /// Characters of the local part kept at its start.
    pub head: usize,
    /// Characters of the local part kept at its end.
    pub tail: usize,
}

impl MaskedForm {
    /// The default EMAIL masking: `*`, the first character kept.
    #[cfg(test)]
    pub(crate) const DEFAULT: MaskedForm = MaskedForm { mask_char: '*', head: 1, tail: 0 };
}

/// Whether `c` is the zero-width non-joiner or joiner (U+200C, U+200D), written inside
/// Persian, Urdu and Indic words (`علی‌پور`): part of the word, so of an address too.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric()
        || is_combining_mark(c)
        || is_joiner(c)
        || matches!(
            c,
            '.' | '_'
                | '%'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '\''
                | '!'
                | '#'
                | '$'
                | '&'
                | '*'
                | '^'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
        )
}

fn is_label_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || is_joiner(c) || c == '-'
}

/// The full-width commercial at (U+FF20), which Chinese and Japanese input methods type in
/// full-width mode: an address written with it is an address (`taro＠example.co.jp`).
const FULLWIDTH_AT: [u8; 3] = [0xEF, 0xBC, 0xA0];

/// The at sign of a link's query string, percent-encoded (`?email=john.smith%40gmail.com`):
/// an address written with it is an address.
const PERCENT_AT: &[u8; 3] = b"%40";

/// The length in bytes of the at sign starting at `at`: `@`, the full-width `＠`, or `%40`.
#[inline]
pub(crate) fn at_sign_len(hay: &[u8], at: usize) -> Option<usize> {
    match hay.get(at)? {
        b'@' => Some(1),
        0xEF if hay.get(at..at + 3) == Some(&FULLWIDTH_AT[..]) => Some(3),
        b'%' if hay.get(at..at + 3) == Some(&PERCENT_AT[..]) => Some(3),
        _ => None,
    }
}

/// Whether the text from `at` on runs into an at sign through characters a local part may
/// hold, or mask characters (`mask_chars`, the masker's, which stand for them once the
/// address is masked): whether what is read there is the rest of an address's local part, in
/// the text as written (`m56i+7@…`) and once masked (`m*****@…`, `m•••••@…`) alike.
pub(crate) fn runs_into_at_sign(hay: &[u8], mut at: usize, mask_chars: &[char]) -> bool {
    for _ in 0..=MAX_LOCAL {
        if at_sign_len(hay, at).is_some() {
            return true;
        }
        match char_at(hay, at) {
            Some((c, len)) if is_local_char(c) || mask_chars.contains(&c) => at += len,
            _ => return false,
        }
    }
    false
}

/// Where a percent-encoded at sign whose `4` is at `digit` starts (the scanner finds it
/// from that digit): `digit - 1` when `%40` stands there.
#[inline]
pub(crate) fn percent_at_from_digit(hay: &[u8], digit: usize) -> Option<usize> {
    let start = digit.checked_sub(1)?;
    (hay.get(start..start + 3) == Some(&PERCENT_AT[..])).then_some(start)
}

/// Whether an at sign (`@`, `＠` or `%40`) ends right before `end`.
pub(crate) fn at_sign_before(hay: &[u8], end: usize) -> bool {
    let before = &hay[..end];
    before.ends_with(b"@") || before.ends_with(&FULLWIDTH_AT) || before.ends_with(PERCENT_AT)
}

/// Where the last at sign (`@`, `＠` or `%40`) in `text` starts.
pub(crate) fn last_at_sign(text: &[u8]) -> Option<usize> {
    // One pass from the end: each form is found from its last byte.
    (0..text.len()).rev().find_map(|i| match text[i] {
        b'@' => Some(i),
        0xA0 | b'0' => {
            let start = i.checked_sub(2)?;
            matches!(&text[start..=i], w if w == FULLWIDTH_AT || w == PERCENT_AT).then_some(start)
        }
        _ => None,
    })
}

/// Whether `text` holds an at sign (`@`, `＠` or `%40`).
pub(crate) fn holds_at_sign(text: &[u8]) -> bool {
    text.contains(&b'@')
        || (text.contains(&b'%') || text.contains(&0xEF))
            && text.windows(3).any(|w| w == FULLWIDTH_AT || w == PERCENT_AT)
}

/// The email address around the at sign (`@`, the full-width `＠`, or `%40`) at `at`, as a
/// byte span.
pub(crate) fn find(hay: &[u8], at: usize, masked: MaskedForm) -> Option<(usize, usize)> {
    let at_len = at_sign_len(hay, at)?;
    if let Some(open) = quoted_local_start(hay, at, masked) {
        let end = domain_end(hay, at + at_len)?;
        return (end - open <= MAX_ADDRESS).then_some((open, end));
    }
    let run = local_run_start(hay, at, masked.mask_char)?;
    let run = link_value_start(hay, after_previous_domain(hay, run, at), at);
    if is_masked_local_part(&hay[run..at], masked) {
        return None;
    }
    let start = after_hebrew_prefix(hay, trim_local_start(hay, run, at)?, at);
    if start > run && is_masked_local_part(&hay[start..at], masked) {
        return None;
    }
    // RFC 5321 counts 64 octets; counting characters keeps a long name in Thai or
    // Devanagari (three bytes a letter) an address.
    if hay[start..at].iter().filter(|&&b| b & 0xC0 != 0x80).count() > MAX_LOCAL {
        return None;
    }
    let end = domain_end(hay, at + at_len)?;
    (end - start <= MAX_ADDRESS).then_some((start, end))
}

/// Where a quoted local part right before the at sign at `at` starts (its opening quote):
/// `"john doe"@example.com` (RFC 5322 §3.4.1, with RFC 6532's characters outside ASCII).
/// Inside the quotes: any character but a line break or other control character (a tab is
/// allowed), `"` and `\` only escaped by a backslash; at least one letter or digit; not a
/// masked local part; no at sign (RFC 5322 allows one, but in chat a quote before an at sign
/// closes a quoted part: in `"j******"@a.pl x 7"@b.pl` the first closing quote opens
/// nothing, whatever the mask made of the `7"` that stood before it). With its quotes, at
/// most [`MAX_LOCAL`] characters. The opening quote stands at the start or after a character
/// other than a letter, digit, `.` or `\` (`john."doe"@…`, an obsolete form, is not read),
/// or right after another address (`…@gmail.comd"hi"@…`).
/// `None` when no such local part ends there.
fn quoted_local_start(hay: &[u8], at: usize, masked: MaskedForm) -> Option<usize> {
    let close = at.checked_sub(1).filter(|&close| hay[close] == b'"' && !escaped(hay, close))?;
    let (mut pos, mut chars) = (close, 1);
    loop {
        let (c, prev) = char_before(hay, pos)?;
        chars += 1;
        if chars > MAX_LOCAL || (c.is_control() && c != '\t') {
            return None;
        }
        if c == '"' && !escaped(hay, prev) {
            let inside = &hay[pos..close];
            let opens = match char_before(hay, prev) {
                None => true,
                // (Glued to the end of another address, the quote opens a local part all the
                // same: `…@gmail.comd"hi"@exa.com`; masked, the first address's label or
                // nothing stands there, and the second must read as it did.)
                Some((c, _)) if c.is_alphanumeric() => ends_address(hay, prev),
                Some((c, _)) => !matches!(c, '.' | '\\'),
            };
            let holds_unit =
                std::str::from_utf8(inside).is_ok_and(|text| text.chars().any(char::is_alphanumeric));
            let holds_at_sign = (0..inside.len()).any(|i| at_sign_len(inside, i).is_some());
            return (opens && holds_unit && !holds_at_sign && !is_masked_local_part(inside, masked))
                .then_some(prev);
        }
        pos = prev;
    }
}

/// Whether the word ending at `end` (the run of non-space characters before it, at most
/// [`MAX_RUN`] bytes) holds an at sign: it ends an address's domain.
fn ends_address(hay: &[u8], end: usize) -> bool {
    let from = end.saturating_sub(MAX_RUN);
    let word_start = hay[from..end].iter().rposition(u8::is_ascii_whitespace).map_or(from, |i| from + i + 1);
    holds_at_sign(&hay[word_start..end])
}

/// Whether the character at `at` is escaped: an odd number of backslashes stands before it
/// (more than [`MAX_RUN`] count as escaping it, so that the count stays bounded).
fn escaped(hay: &[u8], at: usize) -> bool {
    let backslashes = hay[..at].iter().rev().take(MAX_RUN).take_while(|&&b| b == b'\\').count();
    backslashes % 2 == 1 || backslashes == MAX_RUN
}

/// Walks back over local-part characters (and the mask character, so that masked local
/// parts are seen whole), at most [`MAX_RUN`] characters: a link or a key may come before
/// the local part, which [`find`] then bounds to [`MAX_LOCAL`].
/// Text in a script written without spaces does not run into an address whose letters are
/// in another script (`邮箱是zhang.wei@qq.com`); punctuation belongs to no script
/// (`亮.梁@gmail.com`).
fn local_run_start(hay: &[u8], at: usize, mask_char: char) -> Option<usize> {
    let mut start = at;
    let mut other_script = false;
    let mut chars = 0;
    loop {
        // ASCII, most local parts, without decoding (what the general step below does).
        if let Some(&b) = start.checked_sub(1).and_then(|prev| hay.get(prev))
            && b.is_ascii()
        {
            if !is_local_char(char::from(b)) && char::from(b) != mask_char {
                break;
            }
            // A mask character stands for a letter of the address, which may have been in
            // another script than the text before it (`用户*@…` is `用户a@…` masked).
            other_script |= b.is_ascii_alphanumeric() || char::from(b) == mask_char;
            chars += 1;
            if chars > MAX_RUN {
                return None;
            }
            start -= 1;
            continue;
        }
        let Some((c, prev)) = char_before(hay, start) else { break };
        if !is_local_char(c) && c != mask_char {
            break;
        }
        if c == mask_char {
            other_script = true;
        } else if c.is_alphanumeric() {
            let spaceless = is_spaceless_script(c);
            if spaceless && other_script && !lone_letter_of_address(hay, prev) {
                break;
            }
            other_script |= !spaceless;
        }
        chars += 1;
        if chars > MAX_RUN {
            return None;
        }
        start = prev;
    }
    (start < at).then_some(start)
}

/// Whether the character of a spaceless script starting at `at`, right before letters of
/// another script in the local part, is one letter of the address rather than text running
/// into it: it stands alone, after an ASCII letter (`hans.m端ller@…`: the `ü` of `müller`
/// decoded in the wrong encoding) or at the start of a word (`葉jeff@…`: a surname). Text
/// running into an address puts two such characters or more there (`邮箱是zhang.wei@…`,
/// `gmail邮箱john@…`).
fn lone_letter_of_address(hay: &[u8], at: usize) -> bool {
    char_before(hay, at)
        .is_none_or(|(c, _)| c.is_ascii_alphabetic() || !(c.is_alphanumeric() || is_combining_mark(c)))
}

/// Where a domain label's garbled letters end: one or two characters of a spaceless script
/// from `from`, between letters of the label's own `script` (`m端ller`: the `ü` of `müller`
/// decoded in the wrong encoding), which stay in the label; `None` otherwise (text running
/// on after the address: `qq.com谢谢`).
fn garbled_letters_end(hay: &[u8], from: usize, script: u32) -> Option<usize> {
    let mut pos = from;
    for _ in 0..2 {
        match char_at(hay, pos) {
            Some((c, len)) if is_spaceless_script(c) => pos += len,
            _ => break,
        }
    }
    let (after, _) = char_at(hay, pos)?;
    (pos > from && label_script(after) == Some(script)).then_some(pos)
}

/// Where the local part starts when the run before the `@` starts right after another
/// address's `@`: after the first character no domain holds, which ends that address's
/// domain (`john@example.com/maria@example.org`, `a@x.io|b@y.io`).
fn after_previous_domain(hay: &[u8], run: usize, at: usize) -> usize {
    if !at_sign_before(hay, run) {
        return run;
    }
    let in_domain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-') || *b >= 0x80;
    hay[run..at].iter().position(|b| !in_domain(b)).map_or(run, |end| run + end + 1)
}

/// Where the local part starts when the run before the `@` is a link's (it starts with
/// the `//` after a scheme's `:`): after the first `=` that follows the last `?` or `&` (a
/// query value: `https://example.com/unsubscribe?email=john.doe@example.com`), else after the
/// last `/` (`https://x.io/u/joe@x.io`). Any other run is returned as it is, unless a
/// known address key starts it (see [`after_address_key`]): `/`, `=`, `?` and `&` are
/// local-part characters of their own (`ab/cd=ef?gh@example.com`), and without a scheme a
/// link cannot be told from such an address.
fn link_value_start(hay: &[u8], run: usize, at: usize) -> usize {
    let local = &hay[run..at];
    if !(local.starts_with(b"//") && hay[..run].ends_with(b":")) {
        return after_address_key(local).map_or(run, |value| run + value);
    }
    // The value of the last parameter starts after its key's `=`; it may hold `=` itself
    // (`?email=bounces+jan=example.com@mail.example.org`).
    if let Some(separator) = memchr::memrchr2(b'?', b'&', local)
        && let Some(equals) = memchr::memchr(b'=', &local[separator..])
    {
        return run + separator + equals + 1;
    }
    memchr::memrchr(b'/', local).map_or(run, |slash| run + slash + 1)
}

/// Keys whose value is an address, in query strings and logs without a scheme.
const ADDRESS_KEYS: [&[u8]; 13] = [
    b"email",
    b"e-mail",
    b"e_mail",
    b"mail",
    b"emailaddress",
    b"email_address",
    b"user",
    b"username",
    b"login",
    b"recipient",
    b"sender",
    b"correo",
    b"courriel",
];
/// Short address keys, taken only after `?`, `&` or `;`: at the start of a run, `cc=w2zw@y.de`
/// is as likely one address (the leak oracle writes such local parts).
const SHORT_ADDRESS_KEYS: [&[u8]; 4] = [b"to", b"from", b"cc", b"bcc"];

/// Where the value starts when the run before the `@` holds a known address key and `=`,
/// at its start or after `?`, `&` or `;` (`email=john@…`, `?to=john@…`,
/// `ts=1700000000&email=john@…`): the key is no part of the address. Other `=` stay in the
/// local part, where RFC 5322 allows them (`bounce-user=example.org@lists.example.com`,
/// `email=bounces+jan=example.com@…`).
fn after_address_key(local: &[u8]) -> Option<usize> {
    let is_separator = |b: &u8| matches!(b, b'?' | b'&' | b';');
    // The value after a known key that starts after `separator` (or at the start) and
    // ends at the `=` at `equals`.
    let value_after = |separator: Option<usize>, equals: usize| {
        let key = &local[separator.map_or(0, |at| at + 1)..equals];
        let known = |keys: &[&[u8]]| keys.iter().any(|known| key.eq_ignore_ascii_case(known));
        (equals + 1 < local.len()
            && (known(&ADDRESS_KEYS) || (separator.is_some() && known(&SHORT_ADDRESS_KEYS))))
        .then_some(equals + 1)
    };
    // The last parameter's key, whose value may hold `=` (`email=bounces+jan=example.com`);
    // else the key before the last `=`, whose value may hold a separator (`email=a&b`).
    let last_separator = local.iter().rposition(is_separator);
    let from = last_separator.map_or(0, |at| at + 1);
    let first_equals = memchr::memchr(b'=', &local[from..]).map(|equals| from + equals);
    first_equals.and_then(|equals| value_after(last_separator, equals)).or_else(|| {
        let equals = memchr::memrchr(b'=', local)?;
        value_after(local[..equals].iter().rposition(is_separator), equals)
    })
}

/// Where a local part in Latin letters starts after a Hebrew prefix written onto it (`ל-` "to",
/// `ב` "at": `ל-sofia@example.com`, see `chars::hebrew_prefix_before`); `start` otherwise.
/// Never at or past the at sign at `end` (the full-width `＠` is no ASCII character either:
/// `ע＠מ6` once read past it, out of the local part; found by the fuzzer).
fn after_hebrew_prefix(hay: &[u8], start: usize, end: usize) -> usize {
    let mut at = start;
    for _ in 0..4 {
        if at >= end {
            break;
        }
        match char_at(hay, at) {
            Some((c, len)) if !c.is_ascii() || c == '-' => at += len,
            Some((c, _)) if c.is_ascii_alphanumeric() && at > start && hebrew_prefix_before(hay, at) => {
                return at;
            }
            _ => break,
        }
    }
    start
}

/// Drops leading characters other than letters, digits and `_` from the local part.
fn trim_local_start(hay: &[u8], mut start: usize, at: usize) -> Option<usize> {
    while start < at {
        let (c, len) = char_at(hay, start)?;
        if c.is_alphanumeric() || c == '_' {
            return Some(start);
        }
        start += len;
    }
    None
}

/// A local part piimask produced: it holds the mask character and no more letters or
/// digits than the style keeps (`m******`), and no more after the last mask character than
/// the kept tail (not `*i`: markdown emphasis around a one-character address,
/// `*i@mail.ru*`); or it holds no letter or digit at all (`___`), so there is nothing in it
/// to hide, and style `preserve` (which masks only letters and digits) would otherwise leave
/// it to be found again. (Where the kept letters stand is not checked further: a value
/// masked in one piece with a card before it keeps its letters elsewhere.)
fn is_masked_local_part(local: &[u8], masked: MaskedForm) -> bool {
    let Ok(local) = std::str::from_utf8(local) else { return false };
    let units = |part: &str| part.chars().filter(|c| c.is_alphanumeric()).count();
    let Some(last) = local.rfind(masked.mask_char) else { return units(local) == 0 };
    units(local) <= masked.head.saturating_add(masked.tail) && units(&local[last..]) <= masked.tail
}

/// Reads the domain after the `@` and returns where the address ends.
fn domain_end(hay: &[u8], from: usize) -> Option<usize> {
    // Label spans; bounded because the domain is at most 253 bytes.
    let mut labels: [(usize, usize); 128] = [(0, 0); 128];
    let mut count = 0;
    let mut pos = from;
    loop {
        let label_start = pos;
        let mut script = None;
        // ASCII letters, digits and `-`, most labels, without decoding (what the general
        // step below does: ASCII letters are one script, digits and `-` none).
        while let Some(&b) = hay.get(pos)
            && (b.is_ascii_alphanumeric() || b == b'-')
            && pos + 1 - from <= MAX_DOMAIN + 1
        {
            if b.is_ascii_alphabetic() && *script.get_or_insert(0) != 0 {
                break;
            }
            pos += 1;
        }
        while let Some((c, len)) = char_at(hay, pos) {
            if !is_label_char(c) || pos + len - from > MAX_DOMAIN + 1 {
                break;
            }
            // A label stays in one script (registries allow no mixing): `qq.com谢谢` and
            // `mail.ruпожалуйста` end at the TLD.
            if let Some(this) = label_script(c)
                && *script.get_or_insert(this) != this
            {
                match script.and_then(|own| garbled_letters_end(hay, pos, own)) {
                    Some(end) => {
                        pos = end;
                        continue;
                    }
                    None => break,
                }
            }
            pos += len;
        }
        if pos == label_start || count == labels.len() {
            break;
        }
        labels[count] = (label_start, pos);
        count += 1;
        let next_is_label =
            hay.get(pos) == Some(&b'.') && char_at(hay, pos + 1).is_some_and(|(c, _)| is_label_char(c));
        if !next_is_label {
            break;
        }
        pos += 1;
    }
    // Trailing hyphens belong to the sentence, not the domain (`x.com-`).
    if count > 0 {
        let last = &mut labels[count - 1];
        while last.1 > last.0 && hay[last.1 - 1] == b'-' {
            last.1 -= 1;
        }
    }
    // `x.com-more`: the last label ends at a hyphen when only the part before it is a TLD.
    if count > 0 {
        let (start, end) = labels[count - 1];
        if !is_tld(&hay[start..end])
            && let Some(hyphen) = hay[start..end].iter().position(|&b| b == b'-')
            && is_tld(&hay[start..start + hyphen])
        {
            labels[count - 1].1 = start + hyphen;
        }
    }
    // A word in another alphabet right after the final dot of an address that already
    // ends in an ASCII TLD starts the next sentence (`olena@example.com.Дякую`). Without
    // such a TLD before it, it is read as the TLD (`shop.x.ලංකා`).
    if count >= 3 {
        let (last, before) = (labels[count - 1], labels[count - 2]);
        let before = &hay[before.0..before.1];
        if !hay[last.0..last.1].is_ascii() && before.is_ascii() && is_tld(before) {
            count -= 1;
        }
    }
    // Drop trailing labels until the last one is a TLD, or starts with one before a hyphen
    // (`hotmail.com-27.11.-28.11.2021`: a date range glued on by a dash).
    while count >= 2 && !is_tld(&hay[labels[count - 1].0..labels[count - 1].1]) {
        count -= 1;
        let (start, end) = labels[count - 1];
        if !is_tld(&hay[start..end])
            && let Some(hyphen) = hay[start..end].iter().position(|&b| b == b'-')
            && is_tld(&hay[start..start + hyphen])
        {
            labels[count - 1].1 = start + hyphen;
        }
    }
    if count < 2 {
        return None;
    }
    let labels = &labels[..count];
    let valid_labels = labels
        .iter()
        .all(|&(s, e)| e > s && a_label_len(&hay[s..e]) <= MAX_LABEL && hay[s] != b'-' && hay[e - 1] != b'-');
    let end = labels[count - 1].1;
    (valid_labels && end - from <= MAX_DOMAIN).then_some(end)
}

/// The length of a domain label in the form DNS counts it, its A-label: the label itself
/// when ASCII, else `xn--` and its Punycode (RFC 3492), whose length is computed here
/// without writing it. 32 Cyrillic letters are 64 UTF-8 bytes but a 40-byte A-label.
/// (IDNA's case folding before the encoding is not applied; it rarely changes the length.)
fn a_label_len(label: &[u8]) -> usize {
    if label.is_ascii() {
        return label.len();
    }
    let Ok(text) = std::str::from_utf8(label) else { return usize::MAX };
    // RFC 3492 §5's parameters.
    const BASE: u64 = 36;
    const T_MIN: u64 = 1;
    const T_MAX: u64 = 26;
    let adapt = |delta: u64, points: u64, first: bool| {
        let mut delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + 38)
    };
    let code_points = || text.chars().map(|c| u64::from(u32::from(c)));
    let basic = code_points().filter(|&c| c < 0x80).count() as u64;
    let total = code_points().count() as u64;
    let mut len = 4 + basic + u64::from(basic > 0);
    let (mut n, mut delta, mut bias, mut handled) = (0x80u64, 0u64, 72u64, basic);
    // Each round inserts the smallest code point not yet handled (a label holds at most
    // 253 bytes, so this stays small).
    while handled < total {
        let Some(next) = code_points().filter(|&c| c >= n).min() else { break };
        delta += (next - n) * (handled + 1);
        n = next;
        for c in code_points() {
            if c < n {
                delta += 1;
            }
            if c == n {
                // One variable-length integer: a digit per threshold passed, and the last.
                let (mut q, mut k) = (delta, BASE);
                loop {
                    let t = k.saturating_sub(bias).clamp(T_MIN, T_MAX);
                    if q < t {
                        break;
                    }
                    len += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                len += 1;
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    usize::try_from(len).unwrap_or(usize::MAX)
}

/// The script a domain label's character belongs to, coarsely: Latin, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic (with the Persian and Urdu letters of its second half: `ک`,
/// `ی` in `.ایران`), Georgian, Ethiopic, the scripts written without spaces (one group: a
/// Japanese label mixes kanji and kana), or else the 128-character block; `None` for what
/// any label may hold (digits, `-`, combining marks).
fn label_script(c: char) -> Option<u32> {
    if c.is_ascii_digit() || c == '-' || is_combining_mark(c) || is_joiner(c) {
        return None;
    }
    const SPACELESS: u32 = u32::MAX;
    Some(match c as u32 {
        _ if is_spaceless_script(c) => SPACELESS,
        0..=0x24F | 0x1E00..=0x1EFF => 0,
        0x370..=0x3FF | 0x1F00..=0x1FFF => 0x370,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 0x400,
        0x530..=0x58F | 0xFB13..=0xFB17 => 0x530,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => 0x590,
        0x600..=0x6FF | 0x750..=0x77F | 0x870..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 0x600,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => 0x10A0,
        0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => 0x1200,
        code => code >> 7 << 7,
    })
}

/// File name extensions that follow an `@` in image, document and archive names
/// (`icon@2x.png`, `backup@2024-03-12.tar.gz`); none is a top-level domain.
const FILE_EXTENSIONS: [&[u8]; 35] = [
    b"png", b"jpg", b"jpeg", b"gif", b"svg", b"webp", b"heic", b"bmp", b"tif", b"tiff", b"pdf", b"doc",
    b"docx", b"xls", b"xlsx", b"ppt", b"pptx", b"txt", b"csv", b"json", b"xml", b"html", b"htm", b"js",
    b"css", b"mp3", b"mp4", b"wav", b"gz", b"tgz", b"tar", b"rar", b"log", b"bak", b"tmp",
];

/// [`FILE_EXTENSIONS`] as [`extension_key`]s, compared as integers.
const EXTENSION_KEYS: [u32; FILE_EXTENSIONS.len()] = {
    let mut keys = [0; FILE_EXTENSIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        let ext = FILE_EXTENSIONS[i];
        let mut j = 0;
        while j < ext.len() {
            keys[i] |= (ext[j] as u32) << (8 * j);
            j += 1;
        }
        i += 1;
    }
    keys
};

/// A top-level domain: two or more letters (combining marks allowed), or punycode; not a
/// file name extension.
fn is_tld(label: &[u8]) -> bool {
    if label.len() > 4 && label[..4].eq_ignore_ascii_case(b"xn--") {
        return label[4..].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
    }
    if label.is_ascii() {
        // Most labels: ASCII letters, and no file extension. (Comparing the label with
        // every extension, as the text of any script is compared, cost about 500
        // instructions per address, a tenth of masking one.)
        return label.len() >= 2 && label.iter().all(u8::is_ascii_alphabetic) && !is_file_extension(label);
    }
    let Ok(label) = std::str::from_utf8(label) else { return false };
    label.chars().count() >= 2 && label.chars().all(is_letter)
}

/// The longest of [`FILE_EXTENSIONS`].
const MAX_EXTENSION: usize = 4;

/// Whether `label` is one of [`FILE_EXTENSIONS`], in any case.
fn is_file_extension(label: &[u8]) -> bool {
    extension_key(label).is_some_and(|key| EXTENSION_KEYS.contains(&key))
}

/// The bytes of a label of at most four ASCII bytes, lower-cased, little-endian in a `u32`
/// (zero where the label is shorter).
fn extension_key(label: &[u8]) -> Option<u32> {
    if label.len() > MAX_EXTENSION {
        return None;
    }
    Some(label.iter().rev().fold(0, |key, b| key << 8 | u32::from(b.to_ascii_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MASKED: MaskedForm = MaskedForm::DEFAULT;

    fn email_in(text: &str) -> Option<&str> {
        let at = text.find('@')?;
        find(text.as_bytes(), at, MASKED).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn a_label_lengths_are_the_punycode_lengths() {
        // Lengths of `xn--` + Python's `str.encode("punycode")` (RFC 3492).
        let cases = [
            ("example", 7),
            ("пример", 12),
            ("укр", 9),
            ("müller", 13),
            ("例子", 11),
            ("广告", 10),
            ("vermögensberatung", 24),
            ("ἀρχαῖα", 20),
            ("ab葉cd", 13),
        ];
        for (label, len) in cases {
            assert_eq!(a_label_len(label.as_bytes()), len, "{label}");
        }
        assert_eq!(a_label_len("ъ".repeat(32).as_bytes()), 38);
        assert_eq!(a_label_len("ъ".repeat(40).as_bytes()), 46);
        // 32 Cyrillic letters (64 UTF-8 bytes) make a valid label; a label whose A-label is
        // too long does not (30 scattered ideographs, 90 UTF-8 bytes, make a 94-byte A-label).
        let cyrillic = format!("a@{}.com", "ъ".repeat(40));
        assert_eq!(email_in(&cyrillic), Some(cyrillic.as_str()));
        let ideographs: String = (0..30).filter_map(|i| char::from_u32(0x4E00 + i * 397)).collect();
        assert_eq!(a_label_len(ideographs.as_bytes()), 94);
        assert_eq!(email_in(&format!("a@{ideographs}.com")), None);
    }

    #[test]
    fn file_extensions_are_lower_case_and_short() {
        assert!(
            FILE_EXTENSIONS.iter().all(|ext| ext.len() <= MAX_EXTENSION && ext.to_ascii_lowercase() == *ext)
        );
        assert!(
            FILE_EXTENSIONS
                .iter()
                .all(|ext| is_file_extension(ext) && is_file_extension(&ext.to_ascii_uppercase()))
        );
        assert!(!is_file_extension(b"com") && !is_file_extension(b"jsonl") && !is_file_extension(b""));
        assert!(!is_tld(b"PNG") && !is_tld(b"pdf") && is_tld(b"com") && is_tld(b"Jp") && !is_tld(b"c"));
    }

    #[test]
    fn finds_addresses() {
        assert_eq!(email_in("write to melissa@gmail.com."), Some("melissa@gmail.com"));
        assert_eq!(email_in("(john.doe+tag@mail.example.co.uk)"), Some("john.doe+tag@mail.example.co.uk"));
        assert_eq!(email_in("иван@пример.укр"), Some("иван@пример.укр"));
        assert_eq!(email_in("user@example.xn--p1ai!"), Some("user@example.xn--p1ai"));
        assert_eq!(email_in("user@example.இந்தியா"), Some("user@example.இந்தியா"));
        assert_eq!(email_in("mail:a@b.com-"), Some("a@b.com"));
        fn second(text: &str) -> Option<&str> {
            let at = text.rfind('@')?;
            find(text.as_bytes(), at, MASKED).map(|(s, e)| &text[s..e])
        }
        assert_eq!(second("john@example.com/maria@example.org"), Some("maria@example.org"));
        assert_eq!(second("a@x.io|b_c@y.io"), Some("b_c@y.io"));
        assert_eq!(email_in("aa@aa.com-NL85ABNA0000000000"), Some("aa@aa.com"));
        assert_eq!(email_in("'quoted@example.org'"), Some("quoted@example.org"));
        assert_eq!(email_in("邮箱是zhang.wei@qq.com谢谢"), Some("zhang.wei@qq.com"));
        assert_eq!(email_in("用户@例子.广告"), Some("用户@例子.广告"));
        assert_eq!(email_in("亮.梁@gmail.com"), Some("亮.梁@gmail.com"));
        assert_eq!(email_in("לכתוב לי ל-sofia-wang06@bezeqint.net"), Some("sofia-wang06@bezeqint.net"));
        assert_eq!(email_in("שלחו לbob@x.io"), Some("bob@x.io"), "a prefix written onto the address");
        assert_eq!(email_in("ל-S****@x.net"), None, "masked after a Hebrew prefix");
        assert_eq!(email_in("josé.андрій.n9@example.com"), Some("josé.андрій.n9@example.com"));
        assert_eq!(email_in("שלום-bob@x.io"), Some("שלום-bob@x.io"), "a Hebrew word, not a prefix");
        assert_eq!(email_in("taro@佐々木.jp"), Some("taro@佐々木.jp"));
        assert_eq!(
            email_in("https://shop.example.com/unsubscribe?email=john.doe@example.com&x=1"),
            Some("john.doe@example.com"),
            "a link's query value"
        );
        assert_eq!(email_in("https://t.co/track?id=7&to=ann@example.com"), Some("ann@example.com"));
        assert_eq!(email_in("t.co/track?id=7&to=ann@example.com"), Some("ann@example.com"), "an address key");
        assert_eq!(
            email_in("t.co/track?id=7&x=ann@example.com"),
            Some("t.co/track?id=7&x=ann@example.com"),
            "no scheme"
        );
        assert_eq!(email_in("user=john@x.com"), Some("john@x.com"), "a log's key");
        assert_eq!(email_in("ts=17&Email=k@x.com"), Some("k@x.com"));
        assert_eq!(email_in("a&to=@x.com"), Some("a&to=@x.com"), "no value after the key");
        assert_eq!(email_in("cc=w2zw@y.de"), Some("cc=w2zw@y.de"), "a short key only after ? & ;");
        assert_eq!(email_in("https://x.io/u/joe@x.io/orders"), Some("joe@x.io"));
        assert_eq!(email_in("ftp://admin@files.example.com"), Some("admin@files.example.com"));
        assert_eq!(email_in("https://x.io/@x.io"), None);
        assert_eq!(email_in("list=news@example.com"), Some("list=news@example.com"), "no query string");
        let thai = format!("{}@example.com", "ก".repeat(30));
        assert_eq!(email_in(&thai), Some(thai.as_str()), "30 Thai letters: 90 bytes, 30 characters");
    }

    #[test]
    fn a_hebrew_prefix_is_looked_for_before_the_at_sign_only() {
        // Found by the fuzzer: after a Hebrew letter, the look for a prefix went on past a
        // full-width at sign (no ASCII character) and out of the local part, and panicked.
        let in_text = |text: &str| {
            let at = text.find('＠').unwrap();
            find(text.as_bytes(), at, MASKED).map(|(s, e)| text[s..e].to_string())
        };
        assert_eq!(in_text("x ע＠מ6 ok"), None);
        assert_eq!(in_text("x ע＠מ6.com ok").as_deref(), Some("ע＠מ6.com"));
        assert_eq!(in_text("x ל-dana＠example.com").as_deref(), Some("dana＠example.com"));
    }

    #[test]
    fn finds_quoted_local_parts() {
        assert_eq!(email_in(r#"to "john doe"@example.com."#), Some(r#""john doe"@example.com"#));
        assert_eq!(email_in(r#"<"j.\"x\" doe"@example.com>"#), Some(r#""j.\"x\" doe"@example.com"#));
        assert_eq!(email_in(r#"mailto:"Анна К"@пример.рф"#), Some(r#""Анна К"@пример.рф"#));
        assert_eq!(email_in(r#""john doe"@localhost"#), None, "no TLD");
        assert_eq!(email_in(r#""  "@example.com"#), None, "nothing to hide");
        assert_eq!(email_in(r#""j******"@example.com"#), None, "already masked");
        assert_eq!(email_in(r#""x y@z"@example.com"#), None, "an at sign inside");
        assert_eq!(email_in(r#"a"john"@example.com"#), None, "a quote glued to a word");
        assert_eq!(email_in(r#"""john doe"@example.com""#), Some(r#""john doe"@example.com"#), "in quotes");
        assert_eq!(email_in(r#"john."doe"@example.com"#), None, "the obsolete mixed form");
        assert_eq!(email_in(r#"doe\"@example.com"#), None, "an escaped quote closes nothing");
        assert_eq!(email_in("\"john\ndoe\"@example.com"), None, "a line break");
        let long = format!(r#""{}"@example.com"#, "a".repeat(62));
        assert_eq!(email_in(&long), Some(long.as_str()), "64 characters with the quotes");
        assert_eq!(email_in(&format!(r#""{}"@example.com"#, "a".repeat(63))), None);
    }

    #[test]
    fn rejects_non_addresses() {
        assert_eq!(email_in("@handle"), None);
        assert_eq!(email_in("user@localhost"), None);
        assert_eq!(email_in("pkg@1.2.3"), None);
        assert_eq!(email_in("name@host.123"), None);
        assert_eq!(email_in("m******@gmail.com"), None, "already masked");
        assert_eq!(email_in("*@gmail.com"), None, "already masked, one-character local part");
        let long = format!("{}@example.com", "a".repeat(65));
        assert_eq!(email_in(&long), None);
        assert_eq!(email_in("a@-bad.com"), None);
        assert_eq!(email_in("see icon@2x.png"), None);
    }

    #[test]
    fn backs_off_to_the_last_tld() {
        assert_eq!(email_in("john@example.com.2024"), Some("john@example.com"));
        assert_eq!(email_in("olena@example.com.Дякую"), Some("olena@example.com"));
        assert_eq!(email_in("ivan@mail.ruпожалуйста"), Some("ivan@mail.ru"));
        assert_eq!(email_in("ahmed@gmail.comشكرا"), Some("ahmed@gmail.com"));
        assert_eq!(email_in("nikos@otenet.grελάτε"), Some("nikos@otenet.gr"));
        assert_eq!(email_in("ana@shop.x.ලංකා"), Some("ana@shop.x.ලංකා"), "an IDN TLD after a label");
        assert_eq!(email_in("jürgen@bücher.de"), Some("jürgen@bücher.de"));
        assert_eq!(email_in("olena@пошта.укр.Дякую"), Some("olena@пошта.укр.Дякую"), "one script");
        assert_eq!(email_in("a@example.рф"), Some("a@example.рф"), "two labels stay two");
    }
}

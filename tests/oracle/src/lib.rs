//! The leak oracle's generator: values drawn from `shared/REFERENCE.md` §1-5 (every card
//! brand × length, every IBAN country and territory, SSNs and ITINs, every written phone
//! form, email addresses) with the separators and digit scripts of §6, embedded in random
//! multilingual chat context. It computes Luhn and mod-97 itself and knows nothing of the
//! core, so a wrong rule in the core cannot vouch for its own test data.
//!
//! Each [`Case`] records, per planted value, which characters are secret: with style
//! `preserve` (one output character per input character), every secret character must come
//! out as the mask character, and nothing else in the value may change except into it.
//! [`check`] verifies exactly that.

mod tables;

use std::fmt::Write as _;
use std::ops::Range;

use tables::{ATEXT, DASHES, DIGIT_ZEROS, DOTS, IBAN_PRINT_FORMS, SLASHES, SPACES, TLDS};
pub use tables::{BRANDS, IBAN_COUNTRIES, IBAN_TERRITORIES, PHONE_FORMS};

/// The kind of a planted value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Card,
    Iban,
    Ssn,
    Email,
    Phone,
}

/// A value planted in a case's text.
#[derive(Clone, Debug)]
pub struct Planted {
    /// What it is.
    pub kind: Kind,
    /// A description: brand and length, country, form, separator (for failure reports).
    pub what: String,
    /// Its span in the text, in characters (code points).
    pub chars: Range<usize>,
    /// The characters (indices in the text) that must not survive masking: its units
    /// (digits; IBAN letters too; an email's local-part letters and digits) other than the
    /// kept ones (the last 4 units; an email's first local character).
    pub secret: Vec<usize>,
}

/// A generated chat message with its planted values.
#[derive(Clone, Debug, Default)]
pub struct Case {
    /// The message.
    pub text: String,
    /// The values in it, left to right.
    pub planted: Vec<Planted>,
}

/// A xorshift generator: deterministic, seeded.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A random element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A random string of a list.
    pub fn pick_str<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Checks the masked form of a case: same number of characters (style `preserve`), every
/// secret character masked, and nothing in a value changed except into the mask character.
pub fn check(case: &Case, masked: &str, mask_char: char) -> Result<(), String> {
    let input: Vec<char> = case.text.chars().collect();
    let output: Vec<char> = masked.chars().collect();
    if input.len() != output.len() {
        return Err(format!(
            "preserve changed the length from {} to {} characters\n  input:  {:?}\n  output: {masked:?}",
            input.len(),
            output.len(),
            case.text
        ));
    }
    for value in &case.planted {
        let leaked: Vec<usize> = value.secret.iter().copied().filter(|&i| output[i] != mask_char).collect();
        let changed = value.chars.clone().any(|i| output[i] != input[i] && output[i] != mask_char);
        if !leaked.is_empty() || changed {
            let original: String = input[value.chars.clone()].iter().collect();
            let out: String = output[value.chars.clone()].iter().collect();
            let what = if changed { "corrupted" } else { "LEAKED" };
            return Err(format!(
                "{what} {:?} ({}): {original:?} came out as {out:?} ({} secret characters readable)\n  input:  {:?}\n  output: {masked:?}",
                value.kind,
                value.what,
                leaked.len(),
                case.text
            ));
        }
    }
    Ok(())
}

/// Generates one case: 1 to 3 values of random kinds (weighted towards the kinds with the
/// most forms) in multilingual context.
pub fn generate(rng: &mut Rng) -> Case {
    let mut builder = Builder::default();
    let count = rng.range(1, 3);
    let language = rng.below(LANGUAGES.len());
    builder.words(rng, language);
    for i in 0..count {
        if i > 0 && rng.chance(15) {
            builder.push("\n");
        }
        builder.words(rng, language);
        match rng.below(10) {
            0..=2 => {
                let (value, what) = card(rng);
                builder.value(rng, Kind::Card, &value, what, "");
            }
            3 | 4 => {
                let (value, what) = iban(rng);
                builder.value(rng, Kind::Iban, &value, what, "");
            }
            5 => {
                let (value, what, context) = ssn(rng);
                builder.value(rng, Kind::Ssn, &value, what, context);
            }
            6 => {
                let (value, what) = email(rng);
                builder.value(rng, Kind::Email, &value, what, "");
            }
            _ => {
                let (value, what) = phone(rng);
                let context = if rng.chance(50) { *rng.pick(PHONE_WORDS) } else { "" };
                builder.value(rng, Kind::Phone, &value, what, context);
            }
        }
    }
    builder.words(rng, language);
    builder.case
}

/// Assembles a case.
#[derive(Default)]
struct Builder {
    case: Case,
    chars: usize,
}

impl Builder {
    fn push(&mut self, text: &str) {
        self.case.text.push_str(text);
        self.chars += text.chars().count();
    }

    /// A few words of `language`, maybe with a harmless number (a time, a date, a price) a
    /// word away from any value.
    fn words(&mut self, rng: &mut Rng, language: usize) {
        let (words, spaced) = LANGUAGES[language];
        if !self.case.text.is_empty() && !self.case.text.ends_with('\n') {
            self.push(" ");
        }
        let count = rng.range(1, 5);
        for i in 0..count {
            if i > 0 && spaced {
                self.push(" ");
            }
            if i > 0 && i + 1 < count && rng.chance(10) {
                self.push(rng.pick_str(NOISE));
                self.push(if spaced { " " } else { "，" });
            }
            self.push(rng.pick_str(words));
        }
        self.push(" ");
    }

    /// Plants a value, after an optional context word, in optional quotes or punctuation.
    fn value(&mut self, rng: &mut Rng, kind: Kind, value: &str, what: String, context: &str) {
        if !context.is_empty() {
            self.push(context);
            self.push(rng.pick_str(&[" ", ": ", " "]));
        }
        let (open, close) = *rng.pick(&[
            ("", ""),
            ("", ""),
            ("", "."),
            ("", ","),
            ("\"", "\""),
            ("«", "»"),
            ("", "!"),
            ("", "?"),
            ("", ";"),
        ]);
        self.push(open);
        let start = self.chars;
        let secret = secret_units(kind, value).into_iter().map(|i| start + i).collect();
        self.push(value);
        self.case.planted.push(Planted { kind, what, chars: start..self.chars, secret });
        self.push(close);
    }
}

/// The secret characters of a value (indices within it).
fn secret_units(kind: Kind, value: &str) -> Vec<usize> {
    let chars: Vec<char> = value.chars().collect();
    match kind {
        Kind::Email => {
            let at = chars.iter().rposition(|&c| c == '@').unwrap_or(0);
            let first = chars[..at].iter().position(|c| c.is_alphanumeric() || *c == '_').unwrap_or(at);
            (first + 1..at).filter(|&i| chars[i].is_alphanumeric()).collect()
        }
        _ => {
            let units: Vec<usize> = (0..chars.len())
                .filter(
                    |&i| if kind == Kind::Iban { chars[i].is_alphanumeric() } else { chars[i].is_numeric() },
                )
                .collect();
            units[..units.len().saturating_sub(4)].to_vec()
        }
    }
}

/// Words of several languages, none of them a label, code, currency or unit word (those
/// change what a number is, by design).
const LANGUAGES: &[(&[&str], bool)] = &[
    (
        &[
            "hello", "thanks", "please", "my", "is", "here", "can", "you", "check", "again", "later",
            "today", "sure", "great", "write", "me", "it", "we", "will", "help",
        ],
        true,
    ),
    (
        &[
            "bonjour", "merci", "voici", "mon", "est", "pour", "vous", "pouvez", "me", "joindre", "écrivez",
            "moi", "c'est", "bien", "demain", "oui",
        ],
        true,
    ),
    (
        &["hola", "gracias", "mi", "es", "para", "puede", "escríbeme", "bueno", "mañana", "claro", "aquí"],
        true,
    ),
    (
        &[
            "hallo",
            "danke",
            "meine",
            "ist",
            "für",
            "Sie",
            "können",
            "mich",
            "erreichen",
            "schreiben",
            "gerne",
            "morgen",
        ],
        true,
    ),
    (&["привіт", "дякую", "мій", "це", "для", "ви", "можете", "написати", "будь", "ласка", "завтра"], true),
    (&["привет", "спасибо", "мой", "это", "вы", "можете", "пожалуйста", "хорошо"], true),
    (&["你好", "谢谢", "我的", "是", "请", "明天"], false),
    (&["こんにちは", "ありがとう", "私の", "です", "お願いします"], false),
    (&["مرحبا", "شكرا", "هو", "من", "فضلك"], true),
    (&["नमस्ते", "धन्यवाद", "मेरा", "है", "कृपया"], true),
    (&["ok", "😀", "👍", "🙏", "…"], true),
];

/// Harmless numbers of chat (they stay readable; placed a word away from any value).
const NOISE: &[&str] = &["10:30", "21.11.2026", "2026-11-21", "49,99 €", "12", "v2.14.3", "3/4", "24h"];

/// Phone key words (RULES.md "Key words", phone category).
const PHONE_WORDS: &[&str] =
    &["tel", "phone", "call", "whatsapp", "téléphone", "teléfono", "Telefon", "телефон", "电话"];

/// SSN key words.
const SSN_WORDS: &[&str] = &["SSN", "social security number", "ITIN", "tax id"];

fn digit_char(digit: u32, zero: u32) -> char {
    char::from_u32(zero + digit).unwrap_or('0')
}

/// A digit script for a number: mostly ASCII.
fn script(rng: &mut Rng) -> u32 {
    if rng.chance(80) { 0x30 } else { *rng.pick(DIGIT_ZEROS) }
}

fn luhn_check_digit(body: &[u32]) -> u32 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A card number of a random brand and length (REFERENCE §1), Luhn-completed, written
/// contiguous, in groups of four, or in the brand's display blocks, with one separator.
pub fn card(rng: &mut Rng) -> (String, String) {
    let brand = rng.pick(BRANDS);
    let length = *rng.pick(brand.lengths);
    let (lo, hi) = *rng.pick(brand.iins);
    let (lo_n, hi_n): (u64, u64) = (lo.parse().unwrap_or(0), hi.parse().unwrap_or(0));
    let iin = lo_n + (rng.next_u64() % (hi_n - lo_n + 1));
    let mut digits: Vec<u32> =
        format!("{iin:0width$}", width = lo.len()).chars().filter_map(|c| c.to_digit(10)).collect();
    while digits.len() < length - 1 {
        digits.push(rng.below(10) as u32);
    }
    digits.push(luhn_check_digit(&digits));
    let zero = script(rng);
    let text: Vec<char> = digits.iter().map(|&d| digit_char(d, zero)).collect();
    let blocks: Vec<usize> = match rng.below(4) {
        0 => vec![length],
        1 => {
            brand.blocks.iter().find(|(l, _)| *l == length).map_or_else(|| fours(length), |(_, b)| b.to_vec())
        }
        _ => fours(length),
    };
    let separator = separator(rng, &[SPACES, DASHES, DOTS]);
    let written = join_blocks(&text, &blocks, &separator);
    let what = format!("{} {length}, blocks {blocks:?}, separator {}", brand.name, describe(&separator));
    (written, what)
}

fn fours(length: usize) -> Vec<usize> {
    let mut blocks = vec![4; length / 4];
    if !length.is_multiple_of(4) {
        blocks.push(length % 4);
    }
    blocks
}

/// One joint for a whole number: a separator of one of `classes` (mostly the ASCII one),
/// sometimes doubled spaces or a dash with spaces around it (RULES.md joints).
fn separator(rng: &mut Rng, classes: &[&[char]]) -> String {
    let class = rng.pick(classes);
    let c = if rng.chance(70) { class[0] } else { *rng.pick(class) };
    match rng.below(20) {
        0 if c == ' ' => "  ".to_string(),
        1 if c == '-' => " - ".to_string(),
        _ => c.to_string(),
    }
}

fn describe(separator: &str) -> String {
    separator.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>().join("+")
}

fn join_blocks(text: &[char], blocks: &[usize], separator: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (i, &size) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.extend(&text[at..(at + size).min(text.len())]);
        at += size;
    }
    out
}

fn mod97(text: &str) -> u32 {
    text.chars().fold(0, |acc, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value < 10 { (acc * 10 + value) % 97 } else { (acc * 100 + value) % 97 }
    })
}

/// An IBAN of a random registry country, partial member or territory (REFERENCE §2): a BBAN
/// following the country's structure, check digits computed here, written electronic (any
/// case), in groups of four with a space, dash or dot, or in the registry's own print form.
pub fn iban(rng: &mut Rng) -> (String, String) {
    let (country, length, structure) = if rng.chance(10) {
        let (territory, parent) = *rng.pick(IBAN_TERRITORIES);
        let (_, length, structure) =
            *IBAN_COUNTRIES.iter().find(|(c, _, _)| *c == parent).unwrap_or(&IBAN_COUNTRIES[0]);
        (territory, length, structure)
    } else {
        *rng.pick(IBAN_COUNTRIES)
    };
    let mut bban = String::new();
    let mut count = 0;
    for c in structure.chars() {
        if let Some(d) = c.to_digit(10) {
            count = count * 10 + d as usize;
            continue;
        }
        for _ in 0..count {
            let letter = char::from(b'A' + rng.below(26) as u8);
            let digit = char::from(b'0' + rng.below(10) as u8);
            bban.push(match c {
                'n' => digit,
                'a' => letter,
                _ if rng.chance(50) => letter,
                _ => digit,
            });
        }
        count = 0;
    }
    let check = 98 - mod97(&format!("{bban}{country}00"));
    let iban = format!("{country}{check:02}{bban}");
    debug_assert_eq!(iban.len(), length);
    let chars: Vec<char> = iban.chars().collect();
    let (written, form) = match rng.below(6) {
        0 => (iban.clone(), "electronic".to_string()),
        1 => (iban.to_lowercase(), "electronic, lower case".to_string()),
        2 => {
            if let Some((_, blocks)) = IBAN_PRINT_FORMS.iter().find(|(c, _)| *c == country) {
                (join_blocks(&chars, blocks, " "), format!("registry print form {blocks:?}"))
            } else {
                (join_blocks(&chars, &fours(length), " "), "print".to_string())
            }
        }
        3 => {
            // RULES.md: single separators (or two spaces) between an IBAN's groups.
            let separator = separator(rng, &[SPACES, DASHES, DOTS]).replace(" - ", "-");
            (
                join_blocks(&chars, &fours(length), &separator),
                format!("groups of 4, separator {}", describe(&separator)),
            )
        }
        _ => (join_blocks(&chars, &fours(length), " "), "print".to_string()),
    };
    (written, format!("IBAN {country} {length}, {form}"))
}

/// An SSN or ITIN (REFERENCE §3): area 001-899 but 666, or 900-999 with an ITIN group;
/// group 01-99; serial 0001-9999; written `AAA-GG-SSSS`, `AAA GG SSSS` (any dash or space of
/// §6) or as nine bare digits after an SSN key word.
pub fn ssn(rng: &mut Rng) -> (String, String, &'static str) {
    if rng.chance(30) {
        return national_id(rng);
    }
    let itin = rng.chance(15);
    let (area, group) = if itin {
        let groups: Vec<usize> = (50..=65).chain(70..=88).chain(90..=92).chain(94..=99).collect();
        (rng.range(900, 999), *rng.pick(&groups))
    } else {
        let mut area = rng.range(1, 899);
        if area == 666 {
            area = 667;
        }
        (area, rng.range(1, 99))
    };
    let serial = rng.range(1, 9999);
    let zero = script(rng);
    let digits: Vec<char> = format!("{area:03}{group:02}{serial:04}")
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| digit_char(d, zero))
        .collect();
    let name = if itin { "ITIN" } else { "SSN" };
    match rng.below(5) {
        0 => (digits.iter().collect(), format!("{name} bare, after a key word"), *rng.pick(SSN_WORDS)),
        1 | 2 => {
            let separator = separator(rng, &[SPACES]);
            (
                join_blocks(&digits, &[3, 2, 4], &separator),
                format!("{name} 3-2-4, separator {}", describe(&separator)),
                "",
            )
        }
        _ => {
            let separator = separator(rng, &[DASHES]);
            (
                join_blocks(&digits, &[3, 2, 4], &separator),
                format!("{name} 3-2-4, separator {}", describe(&separator)),
                "",
            )
        }
    }
}

/// A national number reported as SSN (RULES.md, REFERENCE §7): a Spanish DNI (8 digits) or
/// NIE (`X`, `Y` or `Z` and 7 digits) and its check letter, with no word; or a Dutch BSN
/// (11-proof, grouped 3-3-3) or a Ukrainian РНОКПП (10 digits, weighted check) after its
/// own word; a UK National Insurance number, printed spaced with no word or written whole
/// after its own; or an Italian codice fiscale (check letter), with no word.
fn national_id(rng: &mut Rng) -> (String, String, &'static str) {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let digit_string =
        |digits: &[usize]| digits.iter().map(|d| char::from(b'0' + *d as u8)).collect::<String>();
    match rng.below(6) {
        0 => {
            let number = rng.below(100_000_000);
            let letter = char::from(LETTERS[number % 23]);
            let d = format!("{number:08}");
            let (value, form) = match rng.below(4) {
                0 => (format!("{d}{letter}"), "glued"),
                1 => (format!("{d}-{letter}"), "dash"),
                2 => (format!("{d} {letter}"), "space"),
                _ => (format!("{}.{}.{}-{letter}", &d[..2], &d[2..5], &d[5..]), "dotted"),
            };
            (value, format!("DNI, {form}"), "")
        }
        1 => {
            let lead = rng.below(3);
            let number = rng.below(10_000_000);
            let letter = char::from(LETTERS[(lead * 10_000_000 + number) % 23]);
            let prefix = ['X', 'Y', 'Z'][lead];
            if rng.chance(50) {
                (format!("{prefix}{number:07}{letter}"), "NIE, glued".to_string(), "")
            } else {
                (format!("{prefix}-{number:07}-{letter}"), "NIE, dashes".to_string(), "")
            }
        }
        2 => loop {
            let mut d: Vec<usize> =
                (0..8).map(|i| if i == 0 { rng.range(1, 9) } else { rng.below(10) }).collect();
            let check = d.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum::<usize>() % 11;
            if check < 10 {
                d.push(check);
                let s = digit_string(&d);
                break (format!("{} {} {}", &s[..3], &s[3..6], &s[6..]), "BSN 3-3-3".to_string(), "BSN");
            }
        },
        3 => {
            let mut d: Vec<usize> =
                (0..9).map(|i| if i == 0 { rng.range(1, 9) } else { rng.below(10) }).collect();
            let weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
            let sum: i64 = d.iter().zip(weights).map(|(&d, w)| d as i64 * w).sum();
            d.push(sum.rem_euclid(11) as usize % 10);
            (digit_string(&d), "РНОКПП".to_string(), "ІПН")
        }
        4 => {
            const ODD: [usize; 26] = [
                1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
            ];
            let letter = |rng: &mut Rng| char::from(b'A' + rng.below(26) as u8);
            let mut body: String = (0..6).map(|_| letter(rng)).collect();
            let woman = rng.chance(50);
            body.push_str(&format!("{:02}", rng.below(100)));
            body.push(char::from(*rng.pick(b"ABCDEHLMPRST")));
            body.push_str(&format!("{:02}", rng.range(1, 28) + if woman { 40 } else { 0 }));
            body.push(letter(rng));
            body.push_str(&format!("{:03}", rng.range(1, 999)));
            let rank = |c: u8| if c.is_ascii_digit() { usize::from(c - b'0') } else { usize::from(c - b'A') };
            let sum: usize = body
                .bytes()
                .enumerate()
                .map(|(at, c)| if at % 2 == 0 { ODD[rank(c)] } else { rank(c) })
                .sum();
            body.push(char::from(b'A' + (sum % 26) as u8));
            (body, "codice fiscale".to_string(), "")
        }
        _ => {
            // Prefix letters HMRC issues (NIM39110): no D, F, I, Q, U or V, no O second, none
            // of the pairs never issued.
            const FIRST: &[u8] = b"ABCEGHJKLMNOPRSTWXYZ";
            const SECOND: &[u8] = b"ABCEGHJKLMNPRSTWXYZ";
            let prefix = loop {
                let pair = [*rng.pick(FIRST), *rng.pick(SECOND)];
                if !matches!(&pair, b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ") {
                    break String::from_utf8_lossy(&pair).into_owned();
                }
            };
            let d = digit_string(&(0..6).map(|_| rng.below(10)).collect::<Vec<_>>());
            let suffix = *rng.pick(&['A', 'B', 'C', 'D']);
            if rng.chance(50) {
                let spaced = format!("{prefix} {} {} {} {suffix}", &d[..2], &d[2..4], &d[4..]);
                (spaced, "NINO, spaced".to_string(), "")
            } else {
                (format!("{prefix}{d}{suffix}"), "NINO, whole".to_string(), "NI number")
            }
        }
    }
}

/// An email address (REFERENCE §5): a dot-atom local part of ASCII or Unicode letters,
/// digits and `atext` (now and then quoted, with spaces), up to 64 octets; a domain of LDH labels (or U-labels) and a TLD of
/// the public suffix list, up to 254 octets in all.
pub fn email(rng: &mut Rng) -> (String, String) {
    const LATIN: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    const UNICODE: &[&str] = &["josé", "müller", "олена", "андрій", "zhang", "élodie", "søren"];
    let mut local = String::new();
    let atoms = rng.range(1, 3);
    for i in 0..atoms {
        if i > 0 {
            local.push('.');
        }
        if rng.chance(15) {
            local.push_str(rng.pick_str(UNICODE));
            continue;
        }
        let len = rng.range(1, 10);
        for j in 0..len {
            let special = j > 0 && rng.chance(8);
            if special {
                local.push(*rng.pick(ATEXT));
            } else {
                local.push(char::from(LATIN.as_bytes()[rng.below(LATIN.len())]));
            }
        }
    }
    while local.len() > 64 {
        local.pop();
    }
    // Now and then a quoted local part, which may hold spaces (`"john doe"@…`).
    if rng.chance(5) {
        while local.len() > 62 {
            local.pop();
        }
        local = format!("\"{}\"", local.replace('.', " "));
    }
    let mut domain = String::new();
    for _ in 0..rng.range(1, 2) {
        let len = rng.range(1, 12);
        let label: String = (0..len)
            .map(|j| {
                if j > 0 && j + 1 < len && rng.chance(10) {
                    '-'
                } else {
                    char::from(b'a' + rng.below(26) as u8)
                }
            })
            .collect();
        domain.push_str(&label);
        domain.push('.');
    }
    domain.push_str(rng.pick_str(TLDS));
    let value = format!("{local}@{domain}");
    (value, format!("email, local part {} octets", local.len()))
}

/// A phone number in one of REFERENCE §4's written forms, with its digits in one script and
/// its separators replaced by others of the same class (§6).
pub fn phone(rng: &mut Rng) -> (String, String) {
    let (market, form) = *rng.pick(PHONE_FORMS);
    let zero = script(rng);
    let space = separator(rng, &[SPACES]);
    let dash = if rng.chance(70) { '-' } else { *rng.pick(DASHES) };
    let dot = *rng.pick(DOTS);
    let slash = *rng.pick(SLASHES);
    let fullwidth = zero == 0xFF10;
    let mut out = String::new();
    for c in form.chars() {
        match c {
            '#' => out.push(digit_char(rng.below(10) as u32, zero)),
            'N' => out.push(digit_char(rng.range(2, 9) as u32, zero)),
            '0'..='9' => out.push(digit_char(c.to_digit(10).unwrap_or(0), zero)),
            ' ' => out.push_str(&space),
            '-' => out.push(dash),
            '.' => out.push(dot),
            '/' => out.push(slash),
            '+' if fullwidth && rng.chance(50) => out.push('\u{FF0B}'),
            _ => out.push(c),
        }
    }
    let mut what =
        format!("phone {market} {form:?}, space {}, dash {}", describe(&space), describe(&dash.to_string()));
    if zero != 0x30 {
        let _ = write!(what, ", digits from U+{zero:04X}");
    }
    (out, what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_computes_reference_check_digits() {
        // REFERENCE §1 test PANs and §2 registry examples.
        let digits = |s: &str| s.chars().filter_map(|c| c.to_digit(10)).collect::<Vec<_>>();
        for pan in ["4111111111111111", "378282246310005", "6205500000000000004", "2200000000000004"] {
            let d = digits(pan);
            assert_eq!(luhn_check_digit(&d[..d.len() - 1]), d[d.len() - 1], "{pan}");
        }
        for iban in ["DE89370400440532013000", "GB29NWBK60161331926819", "BR1800360305000010009795493C1"] {
            let check: u32 = iban[2..4].parse().unwrap();
            assert_eq!(98 - mod97(&format!("{}{}00", &iban[4..], &iban[..2])), check, "{iban}");
        }
    }

    #[test]
    fn every_registry_length_matches_its_structure() {
        for (country, length, structure) in IBAN_COUNTRIES {
            let mut total = 4;
            let mut count = 0;
            for c in structure.chars() {
                match c.to_digit(10) {
                    Some(d) => count = count * 10 + d as usize,
                    None => {
                        total += count;
                        count = 0;
                    }
                }
            }
            assert_eq!(total, *length, "{country}");
        }
    }

    #[test]
    fn cases_mark_their_values_secret_parts() {
        let mut rng = Rng::new(7);
        for _ in 0..2000 {
            let case = generate(&mut rng);
            let chars: Vec<char> = case.text.chars().collect();
            for value in &case.planted {
                assert!(value.chars.end <= chars.len());
                assert!(value.secret.iter().all(|i| value.chars.contains(i) && chars[*i].is_alphanumeric()));
            }
            assert!(
                check(&case, &case.text, '*').is_err() || case.planted.iter().all(|v| v.secret.is_empty())
            );
        }
    }
}

//! Property tests: masking is idempotent, masked output holds nothing detectable, no mask
//! keeps more than its head and tail, the text and byte APIs agree, matches are ordered and
//! on char boundaries, redactions rebuild the masked output, and nothing panics on arbitrary
//! strings or bytes.
//!
//! The generator builds its own valid values (its own Luhn and mod-97), so the core's
//! validators never vouch for their own test data.

use piimask::{Kind, Masker, MaskerConfig, StreamMasker, Style};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

fn luhn_complete(body: &[u8]) -> Vec<u8> {
    let mut digits = body.to_vec();
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    digits.push(((10 - sum % 10) % 10) as u8);
    digits
}

fn iban_complete(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let remainder = rearranged.chars().fold(0u32, |acc, c| {
        let value = c.to_digit(36).unwrap();
        if value < 10 { (acc * 10 + value) % 97 } else { (acc * 100 + value) % 97 }
    });
    format!("{country}{:02}{bban}", 98 - remainder)
}

fn digits_text(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Groups a digit string with a separator, in groups of `size`.
fn grouped(digits: &str, size: usize, sep: &str) -> String {
    digits.as_bytes().chunks(size).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(sep)
}

prop_compose! {
    fn card()(prefix in prop::sample::select(vec!["4", "51", "55", "2221", "34", "37", "6011", "35", "62", "2200"]),
              body in prop::collection::vec(0u8..10, 20),
              form in 0..4usize,
              sep in prop::sample::select(vec![" ", "-", "\u{00A0}", "\u{2013}"])) -> String {
        let len = if prefix == "34" || prefix == "37" { 15 } else { 16 };
        let mut digits: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
        digits.extend_from_slice(&body[..len - 1 - digits.len()]);
        let number = digits_text(&luhn_complete(&digits));
        match form {
            0 => number,
            1 => grouped(&number, 4, sep),
            2 => grouped(&number, 4, " "),
            _ => number.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap()).collect(),
        }
    }
}

prop_compose! {
    fn phone()(form in 0..10usize, d in prop::collection::vec(0u8..10, 12)) -> String {
        let s = digits_text(&d);
        match form {
            0 => format!("+44 7{} {}", &s[..3], &s[3..9]),
            1 => format!("06 {} {} {} {}", &s[..2], &s[2..4], &s[4..6], &s[6..8]),
            2 => format!("+33 6 {} {} {} {}", &s[..2], &s[2..4], &s[4..6], &s[6..8]),
            3 => format!("(555) {}-{}", &s[..3], &s[3..7]),
            4 => format!("+1 201-{}-{}", &s[..3], &s[3..7]),
            5 => format!("050 {} {} {}", &s[..3], &s[3..5], &s[5..7]),
            6 => format!("+49 (0)30 {}", &s[..7]),
            7 => format!("0151 {}", &s[..8]),
            8 => format!("612 {} {}", &s[..3], &s[3..6]),
            _ => format!("+380 50 {} {}", &s[..3], &s[3..7]),
        }
    }
}

prop_compose! {
    fn email()(local in "[a-z][a-z0-9._+-]{0,12}[a-z0-9]", domain in "[a-z]{2,10}", tld in prop::sample::select(vec!["com", "fr", "de", "co.uk", "укр", "xn--p1ai"])) -> String {
        format!("{local}@{domain}.{tld}")
    }
}

prop_compose! {
    fn iban()(body in prop::collection::vec(0u8..10, 20), country in 0..4usize, form in 0..3usize) -> String {
        let digits = digits_text(&body);
        let iban = match country {
            0 => iban_complete("DE", &digits[..18]),
            1 => iban_complete("FR", &format!("{}A{}", &digits[..10], &digits[10..22.min(digits.len())]).chars().take(23).collect::<String>()),
            2 => iban_complete("NL", &format!("ABNA{}", &digits[..10])),
            _ => iban_complete("PL", &format!("{}{}", digits, &digits[..4])),
        };
        match form {
            0 => iban,
            1 => grouped(&iban, 4, " "),
            _ => iban.to_lowercase(),
        }
    }
}

prop_compose! {
    fn ssn()(area in 1u32..900, group in 1u32..100, serial in 1u32..10000, sep in prop::sample::select(vec!["-", " "])) -> String {
        let area = if area == 666 { 665 } else { area };
        format!("{area:03}{sep}{group:02}{sep}{serial:04}")
    }
}

fn filler() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        " ",
        " ",
        ", ",
        ". ",
        "\n",
        " tel ",
        " call me ",
        " SSN ",
        " IBAN: ",
        " card ",
        " order 12345 ",
        " le 21.11.2026 à 10:30 ",
        " 49,99 € ",
        " номер ",
        " телефон ",
        " téléphone ",
        " móvil ",
        " Handy ",
        " 😀 ",
        " ok ",
        "(",
        ")",
        " - ",
        " 2026-11-21 ",
        " v2.14.3 ",
        " 192.168.1.10 ",
        " x",
        "é",
        "\u{00A0}",
        " 12 ",
        " 7 ",
        "/",
        "-",
        " 06 ",
        "@",
        "+",
    ])
    .prop_map(str::to_string)
}

fn chat_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => filler(),
        1 => card(),
        1 => phone(),
        1 => email(),
        1 => iban(),
        1 => ssn(),
        1 => "[a-zA-Zéü ]{1,8}",
        1 => "[0-9]{1,12}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// 2000 cases per property in the test command; `PROPTEST_CASES` raises it for soak runs.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

fn masker_for(style: Style, head: u32, tail: u32, mask_char: char) -> Masker {
    let mut config = MaskerConfig { mask_char, ..MaskerConfig::default() };
    for kind in Kind::ALL {
        let options = config.options_mut(kind);
        options.style = style;
        if style.keeps_characters() {
            let cap = if kind == Kind::Email { 3 } else { 4 };
            options.keep_head = Some(head.min(cap));
            options.keep_tail = Some(tail.min(4));
        }
    }
    Masker::new(config).unwrap()
}

fn styles() -> impl Strategy<Value = (Style, u32, u32, char)> {
    (
        prop::sample::select(vec![Style::Compact, Style::Preserve, Style::Label]),
        0u32..5,
        0u32..5,
        prop::sample::select(vec!['*', '#', '•', 'x', '×']),
    )
        .prop_filter("mask characters must be valid", |(_, _, _, c)| !c.is_alphanumeric())
}

fn is_unit(kind: Kind, c: char) -> bool {
    match kind {
        Kind::Iban => c.is_alphanumeric(),
        _ => c.is_numeric(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_stage_1_level_gives_the_scalar_output(text in chat_text(), noise in prop::collection::vec(any::<u8>(), 0..64)) {
        // Chat text, and the same with random bytes spliced in (invalid UTF-8 included).
        let mut bytes = text.clone().into_bytes();
        let at = bytes.len() / 2;
        bytes.splice(at..at, noise);
        let scalar = Masker::builder().level(piimask::Level::Scalar).build().unwrap();
        for level in piimask::Level::available() {
            let masker = Masker::builder().level(level).build().unwrap();
            prop_assert_eq!(masker.mask(&text), scalar.mask(&text), "{:?}", level);
            prop_assert_eq!(masker.mask_bytes(&bytes), scalar.mask_bytes(&bytes), "{:?}", level);
            let spans = |m: &Masker| m.find_iter(&text).map(|f| (f.kind(), f.range())).collect::<Vec<_>>();
            prop_assert_eq!(spans(&masker), spans(&scalar), "{:?}", level);
        }
    }

    #[test]
    fn masking_is_idempotent_and_leaves_nothing_to_find(text in chat_text(), (style, head, tail, c) in styles()) {
        let masker = masker_for(style, head, tail, c);
        let once = masker.mask(&text).into_owned();
        let found: Vec<_> = masker.find_iter(&once).map(|m| (m.kind(), once[m.range()].to_string())).collect();
        prop_assert!(found.is_empty(), "masked output {once:?} still holds {found:?}");
        prop_assert_eq!(masker.mask(&once), once.as_str());
    }

    #[test]
    fn no_mask_keeps_more_than_its_head_and_tail(text in chat_text(), (style, head, tail, c) in styles()) {
        let masker = masker_for(style, head, tail, c);
        for found in masker.find_iter(&text) {
            let masked = masker.mask_match(&text, &found);
            let kind = found.kind();
            let options = masker.config().options(kind);
            let allowed = (options.keep_head.unwrap_or(0) + options.keep_tail.unwrap_or(0)) as usize;
            let kept = if style == Style::Label {
                0
            } else if kind == Kind::Email {
                let local = masked.rsplit_once('@').map_or(masked.as_str(), |(local, _)| local);
                local.chars().filter(|ch| ch.is_alphanumeric()).count()
            } else {
                masked.chars().filter(|&ch| is_unit(kind, ch)).count()
            };
            let allowed = if kind == Kind::Email { allowed.max(1) } else { allowed };
            prop_assert!(kept <= allowed, "{kind} {:?} -> {masked:?} keeps {kept} > {allowed}", &text[found.range()]);
        }
    }

    #[test]
    fn apis_agree_and_matches_are_well_formed(text in chat_text()) {
        let masker = Masker::default();
        let masked = masker.mask(&text);
        let masked_bytes = masker.mask_bytes(text.as_bytes());
        prop_assert_eq!(masked_bytes.as_ref(), masked.as_bytes());
        let mut reused = String::from("previous contents");
        masker.mask_into(&text, &mut reused);
        prop_assert_eq!(&reused, &masked);
        let mut last_end = 0;
        for found in masker.find_iter(&text) {
            prop_assert!(found.start() >= last_end && found.start() < found.end() && found.end() <= text.len());
            prop_assert!(text.is_char_boundary(found.start()) && text.is_char_boundary(found.end()));
            last_end = found.end();
        }
    }

    #[test]
    fn redactions_rebuild_the_masked_output(
        text in prop_oneof![chat_text(), "[0-9 .()+/@a-z\u{00A0}\u{2013}\u{FF10}-\u{FF19}\n-]{0,200}"],
        (style, head, tail, c) in styles(),
    ) {
        let masker = masker_for(style, head, tail, c);
        let redactions = masker.redactions(&text);
        prop_assert_eq!(rebuild(&text, &redactions), masker.mask(&text));
        let mut last_end = 0;
        for redaction in &redactions {
            prop_assert!(redaction.start() >= last_end && redaction.start() < redaction.end());
            prop_assert!(text.is_char_boundary(redaction.start()) && text.is_char_boundary(redaction.end()));
            last_end = redaction.end();
        }
        let bytes = masker.redactions_bytes(text.as_bytes());
        prop_assert_eq!(bytes, redactions);
    }

    #[test]
    fn never_panics_on_arbitrary_strings(text in ".{0,300}") {
        let masker = Masker::default();
        let _ = masker.mask(&text);
        let _ = masker.find_iter(&text).count();
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let masker = Masker::default();
        let masked = masker.mask_bytes(&bytes);
        // Bytes outside matches pass through: with no match, the output is the input.
        if masker.find_iter_bytes(&bytes).next().is_none() {
            prop_assert_eq!(masked.as_ref(), bytes.as_slice());
        }
    }

    #[test]
    fn never_panics_on_digit_heavy_text(text in "[0-9 .()+/@a-z\u{00A0}\u{2013}\u{FF10}-\u{FF19}-]{0,200}") {
        let masker = Masker::default();
        let once = masker.mask(&text).into_owned();
        prop_assert!(masker.find_iter(&once).next().is_none(), "{text:?} -> {once:?}");
    }
}

/// `text` with each redaction's masked form in place of its span.
fn rebuild(text: &str, redactions: &[piimask::Redaction]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for redaction in redactions {
        out.push_str(&text[copied..redaction.start()]);
        out.push_str(redaction.masked());
        copied = redaction.end();
    }
    out.push_str(&text[copied..]);
    out
}

/// Masks `input` through a stream masker fed in pieces of the given sizes (cycled).
fn streamed(masker: &Masker, input: &[u8], sizes: &[usize]) -> Vec<u8> {
    let mut stream = StreamMasker::new(masker);
    let mut out = Vec::new();
    let (mut at, mut i) = (0, 0);
    while at < input.len() {
        let end = (at + sizes[i % sizes.len()].max(1)).min(input.len());
        stream.feed(&input[at..end], &mut out);
        at = end;
        i += 1;
    }
    stream.finish(&mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn streaming_equals_whole_buffer_masking_for_any_chunking(
        lines in prop::collection::vec(chat_text(), 1..6),
        sizes in prop::collection::vec(1usize..40, 1..8),
        (style, head, tail, c) in styles(),
    ) {
        let masker = masker_for(style, head, tail, c);
        let input = lines.join("\n");
        let whole = masker.mask_bytes(input.as_bytes()).into_owned();
        prop_assert_eq!(streamed(&masker, input.as_bytes(), &sizes), whole);
    }

    #[test]
    fn streaming_long_lines_equals_whole_buffer_masking(
        pieces in prop::collection::vec(chat_text(), 1..20),
        sizes in prop::collection::vec(1000usize..70_000, 1..4),
    ) {
        // Lines past the cut threshold: the stream masker cuts them at quiet stretches.
        let masker = Masker::default();
        let filler = "lorem ipsum dolor sit amet ".repeat(400);
        let input: String = pieces.iter().flat_map(|p| [p.as_str(), filler.as_str()]).collect::<String>().replace('\n', " ");
        let whole = masker.mask_bytes(input.as_bytes()).into_owned();
        prop_assert_eq!(streamed(&masker, input.as_bytes(), &sizes), whole);
    }
}

#[test]
fn generated_values_are_found() {
    // The generator's own values are detected (a sanity check of the generator itself).
    let masker = Masker::default();
    let card = digits_text(&luhn_complete(&[4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
    assert_eq!(card, "4111111111111111");
    assert!(masker.is_match(&card));
    let iban = iban_complete("DE", "370400440532013000");
    assert_eq!(iban, "DE89370400440532013000");
}

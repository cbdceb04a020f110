//! Property tests of quick replies: rendering never lets a PII value from a variable through,
//! and never changes anything else; parsing, search and message checks never panic on any
//! input; search agrees with a naive reading of its documented rules.
//!
//! The generator builds its own valid values (its own Luhn and mod-97), so the core's
//! validators never vouch for their own test data.

use piimask::offsets::char_offset;
use piimask::{
    Kind, Masker, MaskerConfig, MessageProblem, RenderContext, SearchRank, Style, Template, TemplateError,
    TextBlockLibrary, Values, check_message,
};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

/// 1000 cases per property in the test command; `PROPTEST_CASES` raises it for soak runs.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
}

fn digits_text(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

fn luhn_complete(body: &[u8]) -> String {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    let mut digits = body.to_vec();
    digits.push(((10 - sum % 10) % 10) as u8);
    digits_text(&digits)
}

fn iban_complete(country: &str, bban: &str) -> String {
    let remainder = format!("{bban}{country}00").chars().fold(0u32, |acc, c| {
        let value = c.to_digit(36).unwrap();
        if value < 10 { (acc * 10 + value) % 97 } else { (acc * 100 + value) % 97 }
    });
    format!("{country}{:02}{bban}", 98 - remainder)
}

fn grouped(text: &str, size: usize) -> String {
    text.as_bytes().chunks(size).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
}

/// A PII value, in one of its written forms.
fn pii() -> impl Strategy<Value = String> {
    let card = (
        prop::sample::select(vec!["4", "51", "55", "2221", "6011"]),
        prop::collection::vec(0u8..10, 16),
        any::<bool>(),
    )
        .prop_map(|(prefix, body, spaced)| {
            let mut digits: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
            digits.extend_from_slice(&body[..15 - digits.len()]);
            let number = luhn_complete(&digits);
            if spaced { grouped(&number, 4) } else { number }
        });
    let phone = (0..5usize, prop::collection::vec(0u8..10, 10)).prop_map(|(form, d)| {
        let s = digits_text(&d);
        match form {
            0 => format!("+44 7{} {}", &s[..3], &s[3..9]),
            1 => format!("+447{}", &s[..9]),
            2 => format!("06 {} {} {} {}", &s[..2], &s[2..4], &s[4..6], &s[6..8]),
            3 => format!("+33 6 {} {} {} {}", &s[..2], &s[2..4], &s[4..6], &s[6..8]),
            _ => format!("+1 201-{}-{}", &s[..3], &s[3..7]),
        }
    });
    let email =
        ("[a-z][a-z0-9._]{1,10}[a-z0-9]", "[a-z]{3,10}", prop::sample::select(vec!["com", "fr", "de"]))
            .prop_map(|(local, domain, tld)| format!("{local}@{domain}.{tld}"));
    let iban = (prop::collection::vec(0u8..10, 18), any::<bool>()).prop_map(|(body, spaced)| {
        let iban = iban_complete("DE", &digits_text(&body));
        if spaced { grouped(&iban, 4) } else { iban }
    });
    let ssn = (1u32..900, 1u32..100, 1u32..10000).prop_map(|(area, group, serial)| {
        let area = if area == 666 { 665 } else { area };
        format!("{area:03}-{group:02}-{serial:04}")
    });
    prop_oneof![card, phone, email, iban, ssn]
}

/// Text with no digits, no key words and no `<` or `>`: it holds no PII and cannot change
/// what a number next to it is (only a glued letter can).
fn neutral() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        " ",
        ", ",
        ". ",
        "!",
        "\n",
        "\r\n",
        "Hello",
        "Hi ",
        "Bonjour ",
        "merci",
        " danke ",
        "gracias ",
        "дякую",
        " é ",
        "😀",
        ": ",
        "ok",
        " und ",
        " y ",
    ])
    .prop_map(str::to_string)
}

/// A value: neutral text and PII values. Inside one value, PII values are set off by `; `, so
/// that the masker reads each on its own (two cards joined by spaces are one long number,
/// which is no card: that is the masker's rule, not rendering's); values in different
/// variables may touch in any way.
fn value_with_pii() -> impl Strategy<Value = (String, Vec<String>)> {
    prop::collection::vec((neutral(), prop::option::of(pii())), 1..4).prop_map(|pieces| {
        let mut value = String::new();
        let mut found = Vec::new();
        for (text, pii) in pieces {
            value.push_str(&text);
            if let Some(pii) = pii {
                if !value.is_empty() {
                    value.push_str("; ");
                }
                value.push_str(&pii);
                value.push_str(" ;");
                found.push(pii);
            }
        }
        (value, found)
    })
}

/// A template of neutral text and parameters (some repeated), with a value for each variable.
fn template_and_values() -> impl Strategy<Value = (String, Vec<(String, String)>, Vec<String>)> {
    let names = prop::sample::select(vec!["customer.name", "agent.name", "a", "b", "order.id", "x.y.z"]);
    (prop::collection::vec((neutral(), names), 1..6), neutral(), prop::collection::vec(value_with_pii(), 6))
        .prop_map(|(parts, tail, values)| {
            let mut template = String::new();
            let mut used = Vec::new();
            for (text, name) in parts {
                template.push_str(&text);
                template.push('<');
                template.push_str(name);
                template.push('>');
                if !used.contains(&name) {
                    used.push(name);
                }
            }
            template.push_str(&tail);
            let mut pairs = Vec::new();
            let mut pii = Vec::new();
            for (name, (value, found)) in used.into_iter().zip(values) {
                pairs.push((name.to_string(), value));
                pii.extend(found);
            }
            (template, pairs, pii)
        })
}

fn maskers() -> Vec<Masker> {
    let mut preserve = MaskerConfig::default();
    let mut label = MaskerConfig::default();
    for kind in Kind::ALL {
        preserve.options_mut(kind).style = Style::Preserve;
        label.options_mut(kind).style = Style::Label;
    }
    vec![Masker::default(), preserve.build().unwrap(), label.build().unwrap()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn rendering_never_leaves_a_pii_value_unmasked((source, pairs, pii) in template_and_values(), masker in 0..3usize) {
        let masker = &maskers()[masker];
        let template = Template::parse(&source).unwrap();
        let values: Values = pairs.iter().cloned().collect();
        let output = template.render(&values, &RenderContext::default(), masker).unwrap();
        for value in &pii {
            prop_assert!(!output.contains(value.as_str()), "{value:?} survived in {output:?}");
        }
        let left: Vec<String> = masker.find_iter(&output).map(|m| output[m.range()].to_string()).collect();
        prop_assert!(left.is_empty(), "{left:?} is still detectable in {output:?}");
        prop_assert!(!output.contains(['<', '>']));
    }

    #[test]
    fn rendering_without_pii_is_plain_substitution(
        parts in prop::collection::vec((neutral(), neutral()), 0..6),
        tail in neutral(),
    ) {
        let mut source = String::new();
        let mut expected = String::new();
        let mut values = Values::new();
        for (index, (text, value)) in parts.iter().enumerate() {
            source.push_str(&format!("{text}<v{index}>"));
            expected.push_str(text);
            expected.push_str(value);
            values.insert(format!("v{index}"), value.clone());
        }
        source.push_str(&tail);
        expected.push_str(&tail);
        let template = Template::parse(&source).unwrap();
        prop_assert_eq!(template.render(&values, &RenderContext::default(), &Masker::default()).unwrap(), expected);
    }

    #[test]
    fn rendering_any_values_never_panics(
        source in "([a-z ,.\n0-9+@-]{0,8}<[abc]>){0,5}[a-z ,.0-9]{0,8}",
        a in any::<String>(), b in "[0-9 +.()-]{0,30}", c in any::<String>(),
    ) {
        let template = Template::parse(&source).unwrap();
        let values = Values::from([("a", a.as_str()), ("b", b.as_str()), ("c", c.as_str())]);
        match template.render(&values, &RenderContext::default(), &Masker::default()) {
            Ok(output) => prop_assert!(!output.contains(['<', '>'])),
            Err(TemplateError::ReservedInValue { values }) => prop_assert!(!values.is_empty()),
            Err(err) => prop_assert!(false, "unexpected error {err}"),
        }
    }

    #[test]
    fn parse_never_panics_and_positions_are_consistent(source in any::<String>()) {
        check_parse(&source)?;
    }

    #[test]
    fn parse_never_panics_on_template_like_text(source in "([<>.a-zA-Z_0-9é \n\r]|<[a-z.]{0,6}>){0,24}") {
        check_parse(&source)?;
    }

    #[test]
    fn search_never_panics(query in any::<String>(), limit in 0..60usize) {
        let library = sample_library();
        let hits = library.search(&query, limit);
        prop_assert!(hits.len() <= limit);
    }

    #[test]
    fn search_agrees_with_its_rules(
        blocks in prop::collection::vec(block(), 1..40),
        query in query(),
        limit in 0..50usize,
    ) {
        let json = serde_json::json!({ "block": blocks.iter().enumerate().map(|(index, (shortcut, title, tags))| {
            serde_json::json!({ "shortcut": format!("{shortcut}-{index}"), "title": title, "body": "x", "tags": tags })
        }).collect::<Vec<_>>() });
        let library = TextBlockLibrary::from_json(&json.to_string()).unwrap();
        let got: Vec<(usize, SearchRank)> = library.search(&query, limit).iter().map(|hit| (hit.index, hit.rank)).collect();
        prop_assert_eq!(got, naive_search(&library, &query, limit));
    }

    #[test]
    fn message_checks_report_every_problem_at_its_place(
        text in prop_oneof![any::<String>(), "[a<>é😀\n ]{990,1010}"],
    ) {
        let report = check_message(&text, &Masker::default());
        let chars = text.chars().count();
        prop_assert_eq!(report.chars, chars);
        let reserved = text.chars().filter(|c| matches!(c, '<' | '>')).count();
        prop_assert_eq!(report.problems.len(), reserved + usize::from(chars > 1000));
        for problem in &report.problems {
            prop_assert_eq!(char_offset(&text, problem.byte()), Some(problem.char()));
            if let MessageProblem::ReservedCharacter { character, byte, .. } = problem {
                prop_assert_eq!(text[*byte..].chars().next(), Some(*character));
            }
        }
        for pii in &report.pii {
            prop_assert_eq!(char_offset(&text, pii.span.start), Some(pii.char_start));
            prop_assert_eq!(char_offset(&text, pii.span.end), Some(pii.char_end));
        }
        prop_assert_eq!(report.is_sendable(), reserved == 0 && chars <= 1000);
    }
}

fn check_parse(source: &str) -> Result<(), TestCaseError> {
    match Template::parse(source) {
        Ok(template) => {
            prop_assert_eq!(template.source(), source);
            for name in template.variables() {
                prop_assert!(piimask::is_variable_name(name));
                let parameter = format!("<{name}>");
                prop_assert!(source.contains(&parameter));
            }
        }
        Err(err) => {
            let (byte, char) = err.syntax_position().expect("parse errors are syntax errors");
            prop_assert_eq!(char_offset(source, byte), Some(char));
            prop_assert!(byte < source.len());
        }
    }
    Ok(())
}

fn sample_library() -> TextBlockLibrary {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/replies.toml");
    TextBlockLibrary::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const WORDS: [&str; 12] =
    ["re", "refund", "reply", "order", "ord", "card", "car", "a", "ab", "delay", "de", "x1"];

/// A block of ASCII words, so the naive oracle needs no Unicode folding: shortcut stem, title
/// and tags.
fn block() -> impl Strategy<Value = (String, String, Vec<String>)> {
    let word = prop::sample::select(WORDS.to_vec());
    let title = prop::collection::vec((word.clone(), any::<bool>()), 1..4).prop_map(|words| {
        words
            .iter()
            .map(|(w, upper)| if *upper { w.to_uppercase() } else { w.to_string() })
            .collect::<Vec<_>>()
            .join(" ")
    });
    (word.clone(), title, prop::collection::vec(word.prop_map(str::to_string), 0..3))
        .prop_map(|(stem, title, tags)| (stem.to_string(), title, tags))
}

fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS.to_vec())
        .prop_flat_map(|w| (0..=w.len()).prop_map(move |n| w[..n].to_string()));
    (prop::collection::vec(word, 0..3), any::<bool>(), any::<bool>(), prop::option::of(0..40usize)).prop_map(
        |(words, hash, upper, suffix)| {
            let mut query = words.join(" ");
            if let Some(index) = suffix {
                query.push_str(&format!("-{index}"));
            }
            if upper {
                query = query.to_uppercase();
            }
            if hash { format!("#{query}") } else { query }
        },
    )
}

/// The documented ranking, computed block by block.
fn naive_search(library: &TextBlockLibrary, query: &str, limit: usize) -> Vec<(usize, SearchRank)> {
    let split = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let trimmed = query.trim();
    let whole = trimmed.strip_prefix('#').unwrap_or(trimmed).trim().to_lowercase();
    if whole.is_empty() {
        return (0..library.len().min(limit)).map(|index| (index, SearchRank::All)).collect();
    }
    let query_words = split(&whole);
    let mut ranked: Vec<(SearchRank, usize)> = Vec::new();
    for (index, block) in library.blocks().iter().enumerate() {
        let shortcut = block.shortcut().to_lowercase();
        let title_words = split(block.title());
        let mut words = split(&shortcut);
        words.extend(title_words.iter().cloned());
        for tag in block.tags() {
            words.extend(split(tag));
        }
        let title_prefix =
            !query_words.is_empty() && title_words.join(" ").starts_with(&query_words.join(" "));
        let word_prefix = (!query_words.is_empty()
            && query_words.iter().all(|q| words.iter().any(|w| w.starts_with(q.as_str()))))
            || shortcut.starts_with(&whole);
        let rank = if shortcut == whole {
            SearchRank::ExactShortcut
        } else if title_prefix {
            SearchRank::TitlePrefix
        } else if word_prefix {
            SearchRank::WordPrefix
        } else {
            continue;
        };
        ranked.push((rank, index));
    }
    ranked.sort();
    ranked.into_iter().take(limit).map(|(rank, index)| (index, rank)).collect()
}

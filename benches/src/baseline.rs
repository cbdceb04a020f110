//! The `regex`-crate baseline of the peer comparison: the five kinds as "what a user would
//! write" — one alternation with ASCII classes, its own straightforward validators, and the
//! same tail-preserving `compact` masking.
//!
//! FROZEN (issue 3, item 3): this is the fair baseline piimask is measured against. It
//! must NOT be optimised, tuned to the corpus, or changed to make piimask look better or
//! worse; fix only outright bugs, and say so in the commit. It shares no code with the
//! core (DESIGN §1: baselines compute checksums on their own).
//!
//! What it does, as a developer would write it in an afternoon:
//! - one `Regex` with one named group per kind, tried left to right (`email`, `iban`,
//!   `ssn`, `card`, `phone`); ASCII classes and ASCII word boundaries `(?-u:\b)` only;
//! - `replace_all` with a closure that validates the match (Luhn and 12–19 digits for
//!   cards, length 15–34 and mod-97 for IBANs, area/group/serial rules for SSNs, length
//!   limits for emails, 8–15 digits for phones) and leaves it as it is when it fails;
//! - masking: whitespace removed, every character but the kept tail becomes `*` (the last
//!   4 digits for cards, SSNs and phones, the last 4 letters and digits for IBANs; the
//!   first character of the local part and the whole `@domain` for emails).
//!
//! It knows nothing of Unicode separators, full-width digits, lower-case IBANs, bare SSNs
//! with a context word, or national phone numbers without a trunk prefix: that is the
//! point of a baseline.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// The one pattern: an alternation of the five kinds, ASCII only.
pub const PATTERN: &str = concat!(
    // EMAIL: the usual "letters, digits and ._%+- @ labels . tld" pattern.
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
    // IBAN: country, check digits, then groups of 4 (spaces optional) and a short last group.
    r"|(?P<iban>(?-u:\b)[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?-u:\b))",
    // SSN: AAA-GG-SSSS (dashes or spaces).
    r"|(?P<ssn>(?-u:\b)[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}(?-u:\b))",
    // CARD: 12 to 19 digits, single spaces or dashes between any of them.
    r"|(?P<card>(?-u:\b)[0-9](?:[ -]?[0-9]){11,18}(?-u:\b))",
    // PHONE: international (+ or 00), national with a trunk 0, or NANP (NXX) NXX-XXXX.
    r"|(?P<phone>(?:\+ ?|(?-u:\b)00)[0-9](?:[ .()/-]{0,2}[0-9]){7,14}(?-u:\b)",
    r"|(?-u:\b)0[0-9](?:[ .()/-]?[0-9]){7,10}(?-u:\b)",
    r"|(?:\([2-9][0-9]{2}\)|(?-u:\b)[2-9][0-9]{2})[ .-]?[0-9]{3}[ .-][0-9]{4}(?-u:\b))",
);

static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(PATTERN).expect("the baseline pattern compiles"));

/// Masks the five kinds in `text`; borrows it when nothing was masked.
///
/// # Example
/// ```
/// assert_eq!(piimask_benches::baseline::mask("card 4111 1111 1111 1111"), "card ************1111");
/// ```
pub fn mask(text: &str) -> Cow<'_, str> {
    RE.replace_all(text, |caps: &Captures<'_>| {
        let whole = &caps[0];
        let keep = if caps.name("email").is_some() {
            valid_email(whole)
        } else if caps.name("iban").is_some() {
            valid_iban(whole)
        } else if caps.name("ssn").is_some() {
            valid_ssn(whole)
        } else if caps.name("card").is_some() {
            luhn(whole)
        } else {
            valid_phone(whole)
        };
        if !keep {
            return whole.to_string();
        }
        if caps.name("email").is_some() {
            mask_email(whole)
        } else {
            mask_tail(whole, caps.name("iban").is_some())
        }
    })
}

fn digits(text: &str) -> Vec<u32> {
    text.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Luhn over 12 to 19 digits.
fn luhn(text: &str) -> bool {
    let digits = digits(text);
    if !(12..=19).contains(&digits.len()) {
        return false;
    }
    let mut sum = 0;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut d = *d;
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// IBAN: 15 to 34 characters, mod-97 of the rearranged number is 1.
fn valid_iban(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    let mut remainder = 0u32;
    for c in rearranged.chars() {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        remainder = if value < 10 { (remainder * 10 + value) % 97 } else { (remainder * 100 + value) % 97 };
    }
    remainder == 1
}

/// SSN: area not 000, 666 or 900–999; group not 00; serial not 0000.
fn valid_ssn(text: &str) -> bool {
    let d: String = text.chars().filter(char::is_ascii_digit).collect();
    let (area, group, serial) = (&d[0..3], &d[3..5], &d[5..9]);
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

/// Email: RFC 5321 length limits.
fn valid_email(text: &str) -> bool {
    let (local, _) = text.split_once('@').unwrap_or((text, ""));
    local.len() <= 64 && text.len() <= 254
}

/// Phone: 8 to 15 digits in all.
fn valid_phone(text: &str) -> bool {
    (8..=15).contains(&digits(text).len())
}

/// Whitespace removed; the last 4 digits (letters and digits for an IBAN) are kept and
/// every other character becomes `*`.
fn mask_tail(text: &str, iban: bool) -> String {
    let length = text.chars().filter(|c| !c.is_whitespace()).count();
    let kept = |c: &char| if iban { c.is_ascii_alphanumeric() } else { c.is_ascii_digit() };
    let mut tail: Vec<char> = text.chars().rev().filter(kept).take(4).collect();
    tail.reverse();
    let mut out = "*".repeat(length.saturating_sub(tail.len()));
    out.extend(tail);
    out
}

/// The first character of the local part and the whole `@domain` are kept (a one-character
/// local part is masked entirely).
fn mask_email(text: &str) -> String {
    let (local, domain) = text.split_once('@').unwrap_or((text, ""));
    let count = local.chars().count();
    let mut out = String::with_capacity(text.len());
    if count == 1 {
        out.push('*');
    } else {
        out.extend(local.chars().take(1));
        out.push_str(&"*".repeat(count - 1));
    }
    out.push('@');
    out.push_str(domain);
    out
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masks_the_readme_examples() {
        assert_eq!(
            mask("Call me on +447966197542 or melissa@gmail.com"),
            "Call me on *********7542 or m******@gmail.com"
        );
        assert_eq!(
            mask("card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00"),
            "card ************1111, IBAN ******************3000"
        );
        assert_eq!(mask("+ 1 (123) 456 7890"), "**********7890");
        assert_eq!(mask("+447966197542"), "*********7542");
        assert_eq!(mask("melissa@gmail.com"), "m******@gmail.com");
        assert_eq!(mask("4111 1111 1111 1111"), "************1111");
        assert_eq!(mask("SSN 123-45-6789"), "SSN *******6789");
        assert_eq!(mask("call 06 12 34 56 78"), "call ******5678");
        assert_eq!(mask("x@example.org"), "*@example.org");
        assert_eq!(mask("+33 6 12 34 5-678"), "*********5678");
    }

    /// The Python `re` baseline (benches/peers/re_baseline.py) is the same baseline: both
    /// mask a dense corpus (every message holds values) to the same bytes.
    #[test]
    fn the_python_re_baseline_agrees() {
        use std::io::Write;
        use std::process::{Command, Stdio};

        let corpus = crate::corpus::corpus(crate::corpus::Density::Dense, 256 << 10);
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/peers/re_baseline.py");
        let child = Command::new("python3")
            .args([script, "--stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn();
        let Ok(mut child) = child else {
            eprintln!("python3 is not available: the Python re baseline is not compared");
            return;
        };
        let mut stdin = child.stdin.take().expect("piped stdin");
        let writer = std::thread::spawn(move || stdin.write_all(corpus.as_bytes()).map(|()| corpus));
        let output = child.wait_with_output().expect("python3 runs");
        let corpus = writer.join().expect("writer thread").expect("corpus written");
        assert!(output.status.success(), "re_baseline.py failed");
        let python = String::from_utf8(output.stdout).expect("UTF-8 output");
        let rust = mask(&corpus);
        assert!(rust != corpus, "the dense corpus holds values");
        for (line, (r, p)) in rust.lines().zip(python.lines()).enumerate() {
            assert_eq!(r, p, "line {}", line + 1);
        }
        assert_eq!(rust.len(), python.len());
    }

    #[test]
    fn leaves_what_does_not_validate() {
        assert!(matches!(mask("nothing here"), std::borrow::Cow::Borrowed(_)));
        for text in [
            "nothing here",
            "order 2025-11-21 at 10:30, 49,99 €",
            "card 4111 1111 1111 1112",
            "IBAN DE89 3704 0044 0532 0130 01",
            "SSN 666-45-6789",
            "tracking 1234 5678 9012 3456",
        ] {
            assert_eq!(mask(text), text);
        }
    }
}

//! The check rules of the national numbers that play the social security number's part in
//! other markets, reported as SSN when an SSN word names them (see `ssn::national_candidate`):
//! the Dutch BSN, the Canadian SIN, the Ukrainian РНОКПП (ІПН) and the German Steuer-IdNr;
//! the Spanish DNI and NIE and the Italian codice fiscale, whose check letter makes them safe
//! to read without a word; and the prefix rules of the UK National Insurance number. Each is
//! a pure function of the digit values (and letters).
//!
//! Sources: REFERENCE §7 (python-stdnum `nl/bsn.py`, `ca/sin.py`, `ua/rntrc.py`,
//! `de/idnr.py`, `iso7064/mod_11_10.py`, `es/dni.py`, `es/nie.py`, `it/codicefiscale.py`;
//! HMRC NIM39110). The rules here agree with python-stdnum 2.2 on 300 000 random numbers of
//! each length (and of the codice fiscale's shape).

use super::card::luhn_valid;

/// The weighted sum `Σ weight·digit`, each weight paired with the digit at its position.
fn weighted(d: &[u8], weights: &[i32]) -> i32 {
    weights.iter().zip(d).map(|(&w, &x)| w * i32::from(x)).sum()
}

/// Dutch burgerservicenummer: 9 digits passing the "11-proof", 9·d1 + 8·d2 + … + 2·d8 −
/// d9 ≡ 0 (mod 11); not all zeros.
pub(crate) fn is_bsn(d: &[u8]) -> bool {
    d.len() == 9
        && d.iter().any(|&x| x != 0)
        && weighted(d, &[9, 8, 7, 6, 5, 4, 3, 2, -1]).rem_euclid(11) == 0
}

/// Canadian social insurance number: 9 digits passing the Luhn check, not starting with 0
/// (never issued) or 8 (no province).
pub(crate) fn is_sin(d: &[u8]) -> bool {
    d.len() == 9 && !matches!(d[0], 0 | 8) && luhn_valid(d)
}

/// Ukrainian РНОКПП (the taxpayer's registration number, called ІПН): 10 digits, the last
/// = (Σ of the weights −1, 5, 7, 9, 4, 6, 10, 5, 7 times digits 1–9, mod 11) mod 10.
pub(crate) fn is_rnokpp(d: &[u8]) -> bool {
    d.len() == 10 && weighted(d, &[-1, 5, 7, 9, 4, 6, 10, 5, 7]).rem_euclid(11) % 10 == i32::from(d[9])
}

/// German Steuer-Identifikationsnummer: 11 digits, the first not 0; among digits 1–10 one
/// digit appears two or three times and every other at most once; ISO 7064 MOD 11,10.
pub(crate) fn is_steuer_idnr(d: &[u8]) -> bool {
    if d.len() != 11 || d[0] == 0 || d.iter().any(|&x| x > 9) {
        return false;
    }
    let mut counts = [0u8; 10];
    for &x in &d[..10] {
        counts[usize::from(x)] += 1;
    }
    let repeated = counts.iter().filter(|&&c| c >= 2).count();
    if repeated != 1 || counts.iter().any(|&c| c > 3) {
        return false;
    }
    // MOD 11,10: the running value ends at 1 over all 11 digits.
    let check = d.iter().fold(5u32, |acc, &x| {
        let doubled = (if acc == 0 { 10 } else { acc } * 2) % 11;
        (doubled + u32::from(x)) % 10
    });
    check == 1
}

/// The Spanish DNI's check letters, indexed by the number modulo 23.
const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spanish DNI (8 digits) or NIE (`X`, `Y` or `Z`, read as 0, 1 or 2, and 7 digits): the
/// check letter (either case) is `DNI_LETTERS[number mod 23]`.
pub(crate) fn is_spanish_id(prefix: Option<u8>, d: &[u8], letter: u8) -> bool {
    let lead = match prefix.map(|p| p.to_ascii_uppercase()) {
        None if d.len() == 8 => 0,
        Some(b'X') if d.len() == 7 => 0,
        Some(b'Y') if d.len() == 7 => 1,
        Some(b'Z') if d.len() == 7 => 2,
        _ => return false,
    };
    let number = d.iter().fold(lead, |acc, &x| acc * 10 + u32::from(x));
    DNI_LETTERS[(number % 23) as usize] == letter.to_ascii_uppercase()
}

/// Whether two capitals may open a UK National Insurance number (HMRC NIM39110, REFERENCE
/// §7): neither is D, F, I, Q, U or V, the second is no O, and the pair is none of BG, GB,
/// KN, NK, NT, TN, ZZ (never issued).
pub(crate) fn is_nino_prefix(first: u8, second: u8) -> bool {
    const NEVER: &[u8] = b"DFIQUV";
    first.is_ascii_uppercase()
        && second.is_ascii_uppercase()
        && !NEVER.contains(&first)
        && !NEVER.contains(&second)
        && second != b'O'
        && !matches!(&[first, second], b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ")
}

/// Whether 16 ASCII letters and digits (either case) are an Italian codice fiscale of a
/// person: six letters (surname, name), the year's two digits, a month letter
/// (`ABCDEHLMPRST`), the day's two digits (plus 40 for women), the birthplace's letter and
/// three digits, and the check letter, each digit possibly replaced by `LMNPQRSTUV`
/// (omocodia); the day a real one of its month (the year read between 1920 and 2019, as
/// python-stdnum reads it); the check letter the sum of the odd-position and even-position
/// values of the first 15 characters, modulo 26.
pub(crate) fn is_codice_fiscale(code: &[u8]) -> bool {
    const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
    const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
    // The value of `0`..`9` and `A`..`Z` in an odd position (the first, third, ...): digits
    // count as the letter of the same rank.
    const ODD: [u32; 26] =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let Ok(code) = <[u8; 16]>::try_from(code) else { return false };
    let code = code.map(|b| b.to_ascii_uppercase());
    let digit = |b: u8| match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        _ => OMOCODIA.iter().position(|&o| o == b).map(|at| at as u32),
    };
    let letters_ok = [0, 1, 2, 3, 4, 5, 11, 15].iter().all(|&at| code[at].is_ascii_uppercase());
    let digits = [6, 7, 9, 10, 12, 13, 14].map(|at| digit(code[at]));
    let Some(month) = MONTHS.iter().position(|&m| m == code[8]) else { return false };
    if !letters_ok || digits.contains(&None) {
        return false;
    }
    let value = |at: usize| digits[at].unwrap_or(0);
    let (year, day) = (value(0) * 10 + value(1), (value(2) * 10 + value(3)) % 40);
    let month_days = match month {
        1 if year % 4 == 0 => 29,
        1 => 28,
        3 | 5 | 8 | 10 => 30,
        _ => 31,
    };
    if !(1..=month_days).contains(&day) {
        return false;
    }
    let rank = |b: u8| if b.is_ascii_digit() { u32::from(b - b'0') } else { u32::from(b - b'A') };
    let sum: u32 = code[..15]
        .iter()
        .enumerate()
        .map(|(at, &b)| if at % 2 == 0 { ODD[rank(b) as usize] } else { rank(b) })
        .sum();
    u32::from(code[15] - b'A') == sum % 26
}

/// Whether a run of 9 to 11 digits is one of the national numbers above.
pub(crate) fn is_national_id(d: &[u8]) -> bool {
    match d.len() {
        9 => is_bsn(d) || is_sin(d),
        10 => is_rnokpp(d),
        11 => is_steuer_idnr(d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u8> {
        s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
    }

    /// REFERENCE §7's examples (checked there with python-stdnum), and each with one digit
    /// changed.
    #[test]
    fn reference_examples() {
        assert!(is_bsn(&d("111222333")) && !is_bsn(&d("111222334")));
        assert!(is_bsn(&d("1112.22.333")));
        assert!(!is_bsn(&d("000000000")), "all zeros");
        assert!(is_sin(&d("123-456-782")) && !is_sin(&d("123-456-783")));
        assert!(!is_sin(&d("046 454 286")), "Luhn-valid, but no SIN starts with 0");
        assert!(is_rnokpp(&d("1759013776")) && !is_rnokpp(&d("1759013775")));
        assert!(is_steuer_idnr(&d("36 574 261 809")) && !is_steuer_idnr(&d("36 574 261 808")));
    }

    #[test]
    fn spanish_check_letters() {
        assert!(is_spanish_id(None, &d("54362315"), b'K') && is_spanish_id(None, &d("54362315"), b'k'));
        assert!(!is_spanish_id(None, &d("54362315"), b'T'));
        assert!(
            is_spanish_id(Some(b'X'), &d("2482300"), b'W') && is_spanish_id(Some(b'x'), &d("2482300"), b'W')
        );
        assert!(!is_spanish_id(Some(b'Y'), &d("2482300"), b'W'), "Y reads as 1");
        assert!(!is_spanish_id(Some(b'A'), &d("2482300"), b'W'), "no such prefix");
        assert!(!is_spanish_id(None, &d("2482300"), b'W'), "a DNI has 8 digits");
        assert!(!is_spanish_id(Some(b'X'), &d("54362315"), b'K'), "a NIE has 7");
    }

    #[test]
    fn codice_fiscale() {
        // python-stdnum's examples (REFERENCE §7), and the same with omocodia.
        assert!(is_codice_fiscale(b"RCCMNL83S18D969H"));
        assert!(is_codice_fiscale(b"CNTCHR83T41D969D"), "a woman: day plus 40");
        assert!(is_codice_fiscale(b"rccmnl83s18d969h"), "either case");
        assert!(is_codice_fiscale(b"RCCMNL83S18D96VW"), "omocodia: the last digit as V");
        assert!(!is_codice_fiscale(b"RCCMNL83S18D969A"), "wrong check letter");
        assert!(!is_codice_fiscale(b"RCCMNL83F18D969H"), "F is no month");
        assert!(!is_codice_fiscale(b"RCCMNL83B30D969H"), "no 30 February");
        assert!(!is_codice_fiscale(b"RCCMNL83S18D969"), "15 characters");
    }

    #[test]
    fn nino_prefixes() {
        assert!(is_nino_prefix(b'A', b'B') && is_nino_prefix(b'O', b'A'));
        assert!(!is_nino_prefix(b'Q', b'Q'), "HMRC's own example is never issued");
        assert!(!is_nino_prefix(b'A', b'O') && !is_nino_prefix(b'D', b'A') && !is_nino_prefix(b'A', b'V'));
        for never in [b"BG", b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ"] {
            assert!(!is_nino_prefix(never[0], never[1]));
        }
        assert!(!is_nino_prefix(b'a', b'b'), "capitals only");
    }

    #[test]
    fn steuer_idnr_digit_rule() {
        // Ten distinct digits and the check digit that fits them: the check passes, but no
        // digit repeats.
        let with_check = |body: &str| {
            (0..10)
                .map(|last| [d(body), vec![last]].concat())
                .find(|v| is_mod_11_10(v))
                .expect("a check digit fits")
        };
        assert!(!is_steuer_idnr(&with_check("1234567890")), "no digit repeats");
        assert!(is_steuer_idnr(&with_check("1234567891")), "one digit twice");
        assert!(is_steuer_idnr(&with_check("1234567811")), "one digit three times");
        assert!(!is_steuer_idnr(&with_check("1234561111")), "one digit four times");
        assert!(!is_steuer_idnr(&with_check("1234556611")), "two digits repeat");
        assert!(!is_steuer_idnr(&with_check("0234567891")), "first digit 0");
    }

    fn is_mod_11_10(d: &[u8]) -> bool {
        d.iter().fold(5u32, |acc, &x| ((if acc == 0 { 10 } else { acc } * 2) % 11 + u32::from(x)) % 10) == 1
    }

    #[test]
    fn lengths_pick_the_rule() {
        assert!(is_national_id(&d("111222333")));
        assert!(is_national_id(&d("1759013776")));
        assert!(is_national_id(&d("36574261809")));
        assert!(!is_national_id(&d("500100732259")), "a Russian personal INN is not read");
        assert!(!is_national_id(&d("12345678")));
        assert!(!is_national_id(&d("1234567890123")));
    }
}

//! The check rules of the national numbers that play the social security number's part in
//! other markets, reported as SSN when an SSN word names them (see `ssn::national_candidate`):
//! the Dutch BSN, the Canadian SIN, the Ukrainian РНОКПП (ІПН), the German Steuer-IdNr, and
//! (by length) the Austrian SVNR, the Swedish personnummer, the Brazilian CPF, the Polish
//! PESEL, the Turkish kimlik numarası, the Norwegian fødselsnummer, the Belgian national
//! number, the Argentine CUIT/CUIL, the Estonian isikukood, the Greek AMKA and Mexican IMSS
//! number (Luhn), the Russian personal ИНН, the Swiss AHV number, the Romanian CNP, the Thai
//! PIN, the Korean RRN, the Chinese resident identity number, the Finnish henkilötunnus,
//! the Taiwanese national ID and the Latvian personas kods; the Danish CPR number's date
//! (no check); the Spanish DNI and NIE and the Italian codice fiscale, whose
//! check letter makes them safe to read without a word; and the prefix rules of the UK
//! National Insurance number. Each is a pure function of the digit values (and letters).
//!
//! Sources: REFERENCE §7 (python-stdnum `nl/bsn.py`, `ca/sin.py`, `ua/rntrc.py`,
//! `de/idnr.py`, `iso7064/mod_11_10.py`, `es/dni.py`, `es/nie.py`, `it/codicefiscale.py`;
//! HMRC NIM39110) and, beyond REFERENCE, python-stdnum 2.2's `at/vnr.py`,
//! `se/personnummer.py`, `br/cpf.py`, `pl/pesel.py`, `tr/tckimlik.py`,
//! `no/fodselsnummer.py`, `be/nn.py`, `ar/cuit.py`, `ee/ik.py`, `hr/oib.py`, `gr/amka.py`, `ru/inn.py`,
//! `ch/ssn.py`, `ro/cnp.py`, `th/pin.py`, `kr/rrn.py`, `cn/ric.py`, `fi/hetu.py`, `lv/pvn.py`,
//! `dk/cpr.py` (and the IMSS number's Luhn check, as
//! Faker writes it). The rules here agree with python-stdnum 2.2 on 300 000 random numbers
//! of each length (and of the codice fiscale's shape), but for the dates inside the newer
//! ones, read more loosely here (29 February in any year; Swedish coordination numbers, the
//! day plus 60; Belgian BIS numbers and either century; no Romanian county codes), and the
//! CUIT types 50, 51 and 55, left out here.

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
    is_mod_11_10(d)
}

/// ISO 7064 MOD 11,10 over all the digits (the last the check): the running value ends at 1.
fn is_mod_11_10(d: &[u8]) -> bool {
    let check = d.iter().fold(5u32, |acc, &x| {
        let doubled = (if acc == 0 { 10 } else { acc } * 2) % 11;
        (doubled + u32::from(x)) % 10
    });
    check == 1
}

/// Croatian OIB (osobni identifikacijski broj): 11 digits, ISO 7064 MOD 11,10.
pub(crate) fn is_oib(d: &[u8]) -> bool {
    d.len() == 11 && is_mod_11_10(d)
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

/// The number the two digits at `at` write (`d[at]` the tens).
fn two_digits(d: &[u8], at: usize) -> u8 {
    d[at] * 10 + d[at + 1]
}

/// Whether `month` is 1 to 12 and `day` a day that month may have (29 February always: the
/// century is not known).
fn is_month_day(month: u8, day: u8) -> bool {
    const DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&month) && (1..=DAYS[usize::from(month - 1)]).contains(&day)
}

/// Austrian Sozialversicherungsnummer: 10 digits, the first not 0, the fourth the check:
/// Σ of the weights 3, 7, 9, 0, 5, 8, 4, 2, 1, 6 times the digits, mod 11 (10: never
/// issued).
pub(crate) fn is_austrian_svnr(d: &[u8]) -> bool {
    d.len() == 10 && d[0] != 0 && weighted(d, &[3, 7, 9, 0, 5, 8, 4, 2, 1, 6]) % 11 == i32::from(d[3])
}

/// Swedish personnummer (or samordningsnummer, the day plus 60) without its century:
/// `YYMMDD` and four digits, Luhn over all ten.
pub(crate) fn is_swedish_personnummer(d: &[u8]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let day = two_digits(d, 4);
    is_month_day(two_digits(d, 2), if day > 60 { day - 60 } else { day }) && luhn_valid(d)
}

/// Brazilian CPF: 11 digits, not all the same, the last two check digits, each (11 − Σ of
/// the weights 10, 9, … 2, then 11, 10, … 2, times the digits before it) mod 11 mod 10.
pub(crate) fn is_cpf(d: &[u8]) -> bool {
    if d.len() != 11 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let first = (11 - weighted(d, &[10, 9, 8, 7, 6, 5, 4, 3, 2])).rem_euclid(11) % 10;
    let second = (11 - weighted(d, &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2])).rem_euclid(11) % 10;
    first == i32::from(d[9]) && second == i32::from(d[10])
}

/// Polish PESEL: 11 digits, `YYMMDD` (the month plus 20, 40, 60 or 80 for the 2000s, 2100s,
/// 2200s and 1800s), the last = (10 − Σ of the weights 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 times
/// the digits) mod 10.
pub(crate) fn is_pesel(d: &[u8]) -> bool {
    d.len() == 11
        && is_month_day(two_digits(d, 2) % 20, two_digits(d, 4))
        && (10 - weighted(d, &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10) % 10 == i32::from(d[10])
}

/// Turkish T.C. kimlik numarası: 11 digits, the first not 0; the tenth = (7 × the sum of
/// the odd-position digits 1–9 − the sum of the even-position ones) mod 10, the eleventh =
/// the sum of the first ten mod 10.
pub(crate) fn is_tc_kimlik(d: &[u8]) -> bool {
    d.len() == 11
        && d[0] != 0
        && weighted(d, &[7, -1, 7, -1, 7, -1, 7, -1, 7]).rem_euclid(10) == i32::from(d[9])
        && weighted(d, &[1; 10]) % 10 == i32::from(d[10])
}

/// Norwegian fødselsnummer (or D-number, the day plus 40; H-number, the month plus 40):
/// 11 digits, `DDMMYY`, three digits, then two check digits, each 11 − Σ of the weights
/// (3, 7, 6, 1, 8, 9, 4, 5, 2, then 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) times the digits before
/// it, mod 11 (10: never issued).
pub(crate) fn is_fodselsnummer(d: &[u8]) -> bool {
    if d.len() != 11 {
        return false;
    }
    let (day, month) = (two_digits(d, 0), two_digits(d, 2));
    let first = (11 - weighted(d, &[3, 7, 6, 1, 8, 9, 4, 5, 2])).rem_euclid(11);
    let second = (11 - weighted(d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2])).rem_euclid(11);
    is_month_day(
        if month > 40 { month - 40 } else { month },
        if (41..80).contains(&day) { day - 40 } else { day },
    ) && first == i32::from(d[9])
        && second == i32::from(d[10])
}

/// Belgian rijksregisternummer / numéro de registre national: 11 digits, `YYMMDD` (month 0
/// when the date is not known; plus 20 or 40 for a BIS number), the last two = 97 − (the
/// first nine mod 97), or for someone born in 2000 or later the same with a 2 in front.
pub(crate) fn is_belgian_nn(d: &[u8]) -> bool {
    if d.len() != 11 || two_digits(d, 2) % 20 > 12 {
        return false;
    }
    let first_nine = d[..9].iter().fold(0u64, |acc, &x| acc * 10 + u64::from(x));
    let check = u64::from(two_digits(d, 9));
    97 - first_nine % 97 == check || 97 - (2_000_000_000 + first_nine) % 97 == check
}

/// Argentine CUIT / CUIL: 11 digits, a type (20, 23, 24, 27 for people; 30, 33, 34 for
/// companies), the DNI's eight, and the check: Σ of the weights 5, 4, 3, 2, 7, 6, 5, 4, 3,
/// 2 times the digits, mod 11, read as 0 → 0, 1 → 9, s → 11 − s.
pub(crate) fn is_cuit(d: &[u8]) -> bool {
    if d.len() != 11 || !matches!(two_digits(d, 0), 20 | 23 | 24 | 27 | 30 | 33 | 34) {
        return false;
    }
    let check = match weighted(d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11 {
        0 => 0,
        1 => 9,
        s => 11 - s,
    };
    check == i32::from(d[10])
}

/// Estonian isikukood: 11 digits, a century-and-sex digit 1 to 8, `YYMMDD`, three digits
/// and the check: Σ of the weights 1 … 9, 1 times the digits mod 11; if that is 10, the
/// weights 3 … 9, 1, 2, 3 instead; 10 again reads as 0.
pub(crate) fn is_isikukood(d: &[u8]) -> bool {
    if d.len() != 11 || !(1..=8).contains(&d[0]) || !is_month_day(two_digits(d, 3), two_digits(d, 5)) {
        return false;
    }
    let mut check = weighted(d, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
    if check == 10 {
        check = weighted(d, &[3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11 % 10;
    }
    check == i32::from(d[10])
}

/// Russian personal ИНН (a person's taxpayer number): 12 digits, the last two check digits,
/// each Σ of the weights (7, 2, 4, 10, 3, 5, 9, 4, 6, 8, then 3, 7, 2, 4, 10, 3, 5, 9, 4,
/// 6, 8) times the digits before it, mod 11 mod 10.
pub(crate) fn is_russian_personal_inn(d: &[u8]) -> bool {
    d.len() == 12
        && weighted(d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10 == i32::from(d[10])
        && weighted(d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10 == i32::from(d[11])
}

/// Swiss AHV / AVS number (the social security number since 2008): 13 digits, `756` (the
/// country) first, an EAN-13 check digit last: (10 − Σ of the weights 1, 3, 1, 3, … times
/// the first twelve, mod 10) mod 10.
pub(crate) fn is_swiss_ahv(d: &[u8]) -> bool {
    d.len() == 13
        && d.starts_with(&[7, 5, 6])
        && (10 - weighted(d, &[1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]) % 10) % 10 == i32::from(d[12])
}

/// Romanian CNP: 13 digits, a century-and-sex digit 1 to 9, `YYMMDD`, the county's two
/// digits, three, and the check: Σ of the weights 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9 times
/// the digits mod 11 (10 reads as 1).
pub(crate) fn is_romanian_cnp(d: &[u8]) -> bool {
    if d.len() != 13 || d[0] == 0 || !is_month_day(two_digits(d, 3), two_digits(d, 5)) {
        return false;
    }
    let check = weighted(d, &[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
    (if check == 10 { 1 } else { check }) == i32::from(d[12])
}

/// Thai personal identification number: 13 digits, the first 1 to 8, the last = (11 − Σ
/// of the weights 13, 12, … 2 times the first twelve, mod 11) mod 10.
pub(crate) fn is_thai_pin(d: &[u8]) -> bool {
    d.len() == 13
        && (1..=8).contains(&d[0])
        && (11 - weighted(d, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 10 == i32::from(d[12])
}

/// South Korean resident registration number: 13 digits, `YYMMDD`, a century-and-sex
/// digit, then with a birthplace 00 to 96 and the check ((11 − Σ of the weights 2 … 9, 2 …
/// 5 times the first twelve, mod 11) mod 10), or in its shape alone
/// ([`is_korean_rrn_shape`]: numbers issued since October 2020 have neither).
pub(crate) fn is_korean_rrn(d: &[u8]) -> bool {
    is_korean_rrn_checked(d) || is_korean_rrn_shape(d)
}

/// A South Korean resident registration number with its birthplace and check (python-stdnum's
/// rule).
pub(crate) fn is_korean_rrn_checked(d: &[u8]) -> bool {
    d.len() == 13
        && is_month_day(two_digits(d, 2), two_digits(d, 4))
        && two_digits(d, 7) <= 96
        && (11 - weighted(d, &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11) % 10 == i32::from(d[12])
}

/// A South Korean resident registration number's shape: 13 digits, `YYMMDD` and a
/// century-and-sex digit 1 to 8 (9 and 0: the 1800s).
fn is_korean_rrn_shape(d: &[u8]) -> bool {
    d.len() == 13 && is_month_day(two_digits(d, 2), two_digits(d, 4)) && (1..=8).contains(&d[6])
}

/// Whether a run of 9 to 13 digits (or a Chinese identity number's 18 characters) is one of
/// the national numbers above, or a Greek AMKA or Mexican IMSS number (11 digits, Luhn):
/// what a generic SSN word names, and so every number [`named_by`] may accept (the check to
/// ask before the context).
pub(crate) fn is_national_id(d: &[u8]) -> bool {
    match d.len() {
        9 => is_bsn(d) || is_sin(d),
        10 => is_rnokpp(d) || is_austrian_svnr(d) || is_swedish_personnummer(d) || is_hetu_digits(d),
        11 => {
            is_steuer_idnr(d)
                || is_cpf(d)
                || is_pesel(d)
                || is_tc_kimlik(d)
                || is_fodselsnummer(d)
                || is_belgian_nn(d)
                || is_cuit(d)
                || is_isikukood(d)
                || is_oib(d)
                || is_luhn_11(d)
                || is_latvian_personal_code(d)
        }
        12 => is_russian_personal_inn(d),
        13 => is_swiss_ahv(d) || is_romanian_cnp(d) || is_thai_pin(d) || is_korean_rrn(d),
        18 => is_chinese_id(d),
        _ => false,
    }
}

/// Latvian personas kods, the code given until 2017 (python-stdnum `lv/pvn.py`, whose
/// check "has not been confirmed by an independent source"): 11 digits, `DDMMYY`, the
/// century (0 for the 1800s, 1 for the 1900s, 2 for the 2000s), three digits and the check,
/// (1 + Σ of the weights 10, 5, 8, 4, 2, 1, 6, 3, 7, 9 times the first ten) mod 11 mod 10.
/// (The codes given since July 2017, `32` and nine digits, carry no date and no check that
/// python-stdnum knows: not read.)
pub(crate) fn is_latvian_personal_code(d: &[u8]) -> bool {
    d.len() == 11
        && d[6] <= 2
        && is_month_day(two_digits(d, 2), two_digits(d, 0))
        && (1 + weighted(d, &[10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11 % 10 == i32::from(d[10])
}

/// Danish CPR number (personnummer): 10 digits, `DDMMYY` and four (python-stdnum
/// `dk/cpr.py`; its mod-11 check was given up in 2007, so the date alone). Read only after
/// its own name: no check tells it from any number that starts with a date.
pub(crate) fn is_danish_cpr(d: &[u8]) -> bool {
    d.len() == 10 && is_month_day(two_digits(d, 2), two_digits(d, 0))
}

/// What `personnummer` names: the Swedish number, the Danish CPR number (officially its
/// personnummer too) or the Norwegian fødselsnummer (whose last five digits Norwegians call
/// the personnummer, and the whole number often so).
fn is_personnummer(d: &[u8]) -> bool {
    is_swedish_personnummer(d) || is_danish_cpr(d) || is_fodselsnummer(d)
}

/// A national number's check, of its digit values.
pub(crate) type Check = fn(&[u8]) -> bool;

/// The check of the number each national number's own name names, by the name's first
/// letters (small; `words.rs` lists the names): after its own name a number must be that
/// one (`Steuer-ID 26083291258` fails the Steuer-IdNr's check: no number, whatever other
/// check of 11 digits it passes).
pub(crate) const NAMES: &[(&str, Check)] = &[
    ("bsn", is_bsn),
    ("burgerservicenummer", is_bsn),
    ("sofi", is_bsn),
    ("sin", is_sin),
    ("assurance sociale", is_sin),
    ("рнокпп", is_rnokpp),
    ("іпн", is_rnokpp),
    ("ипн", is_rnokpp),
    ("ідентифікаційн", is_rnokpp),
    ("идентификационн", is_rnokpp),
    ("податковий", is_rnokpp),
    ("налоговый", is_rnokpp),
    ("код платника", is_rnokpp),
    ("steuer", is_steuer_idnr),
    ("identifikationsnummer", is_steuer_idnr),
    ("idnr", is_steuer_idnr),
    ("svnr", is_austrian_svnr),
    ("sv-n", is_austrian_svnr),
    ("versicherungsnummer", is_austrian_svnr),
    ("personn", is_personnummer),
    ("cpr", is_danish_cpr),
    ("personas kod", is_latvian_personal_code),
    ("cpf", is_cpf),
    ("pesel", is_pesel),
    ("kimlik", is_tc_kimlik),
    ("fødselsnummer", is_fodselsnummer),
    ("fodselsnummer", is_fodselsnummer),
    ("rijksregisternummer", is_belgian_nn),
    ("numéro national", is_belgian_nn),
    ("registre national", is_belgian_nn),
    ("cuil", is_cuit),
    ("cuit", is_cuit),
    ("isikukood", is_isikukood),
    ("amka", is_luhn_11),
    ("αμκα", is_luhn_11),
    ("nss", is_luhn_11),
    ("imss", is_luhn_11),
    ("ahv", is_swiss_ahv),
    ("avs", is_swiss_ahv),
    ("cnp", is_romanian_cnp),
    ("cod numeric", is_romanian_cnp),
    ("codul numeric", is_romanian_cnp),
    ("เลขประจำตัวประชาชน", is_thai_pin),
    ("เลขบัตรประชาชน", is_thai_pin),
    ("oib", is_oib),
    ("주민", is_korean_rrn),
    ("身份证", is_chinese_id),
    ("henkilötunnu", is_hetu_digits),
    ("hetu", is_hetu_digits),
    ("sotu", is_hetu_digits),
    ("sosiaaliturvatunnus", is_hetu_digits),
    ("personbeteckning", is_hetu_digits),
];

/// Chinese resident identity card number (GB 11643-1999): 18 characters, the region's six
/// digits (the first 1 to 8), the birth date `YYYYMMDD` (1900 to 2099), three digits and
/// the check, `X` for 10 (read here as the value 10): ISO 7064 MOD 11-2, Σ 2^(17 − i) ×
/// the i-th character ≡ 1 (mod 11).
pub(crate) fn is_chinese_id(d: &[u8]) -> bool {
    if d.len() != 18 || !(1..=8).contains(&d[0]) || d[..17].iter().any(|&x| x > 9) || d[17] > 10 {
        return false;
    }
    let year = u16::from(two_digits(d, 6)) * 100 + u16::from(two_digits(d, 8));
    if !(1900..=2099).contains(&year) || !is_month_day(two_digits(d, 10), two_digits(d, 12)) {
        return false;
    }
    let sum = d.iter().fold(0u32, |acc, &x| (acc * 2 + u32::from(x)) % 11);
    // (Horner's rule: the first character's weight is 2^17, the check's 1.)
    sum == 1
}

/// Whether a Chinese resident identity number's first two digits are a province's (GB/T
/// 2260: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65; 71 Taiwan, 81 Hong Kong, 82 Macau, and
/// 83 for the residence permits of Taiwan residents): asked of one read without a word.
pub(crate) fn is_chinese_province(d: &[u8]) -> bool {
    d.len() >= 2
        && matches!(
            two_digits(d, 0),
            11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81..=83
        )
}

/// The Finnish personal identity code's check characters, indexed by `DDMMYYZZZ` mod 31.
const HETU_CHECKS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Finnish henkilötunnus (personal identity code): `DDMMYY`, the century sign (`+` for the
/// 1800s; `-`, `U` to `Y` for the 1900s; `A` to `F` for the 2000s; either case), the
/// individual number 002 to 899, and the check character `HETU_CHECKS[DDMMYYZZZ mod 31]`
/// (either case): `131052-308T`. `code` is its 11 bytes.
pub(crate) fn is_hetu(code: &[u8]) -> bool {
    let Ok(code) = <[u8; 11]>::try_from(code) else { return false };
    let code = code.map(|b| b.to_ascii_uppercase());
    let digit_at = [0, 1, 2, 3, 4, 5, 7, 8, 9];
    if !digit_at.iter().all(|&at| code[at].is_ascii_digit())
        || !matches!(code[6], b'-' | b'+' | b'A'..=b'F' | b'U'..=b'Y')
    {
        return false;
    }
    let value = |at: usize| u32::from(code[at] - b'0');
    let number = digit_at.iter().fold(0u32, |acc, &at| acc * 10 + value(at));
    let individual = value(7) * 100 + value(8) * 10 + value(9);
    is_month_day((value(2) * 10 + value(3)) as u8, (value(0) * 10 + value(1)) as u8)
        && (2..=899).contains(&individual)
        && HETU_CHECKS[(number % 31) as usize] == code[10]
}

/// A Finnish personal identity code of the 1900s whose check is a digit, as its ten digits
/// (`210659-4471` read as a run joined by its dash).
fn is_hetu_digits(d: &[u8]) -> bool {
    let Ok(d) = <[u8; 10]>::try_from(d) else { return false };
    let mut code = [b'-'; 11];
    for (at, &x) in [0, 1, 2, 3, 4, 5, 7, 8, 9, 10].iter().zip(&d) {
        code[*at] = b'0' + x;
    }
    d.iter().all(|&x| x <= 9) && is_hetu(&code)
}

/// The Finnish personal identity code's own names (by first letters, as in `NAMES`).
pub(crate) const HETU_NAMES: &[&str] =
    &["henkilötunnu", "hetu", "sotu", "sosiaaliturvatunnus", "personbeteckning"];

/// The Taiwanese national ID's own names: 身分證 (字號), and the mainland's spelling 身份證.
pub(crate) const TAIWAN_ID_NAMES: &[&str] = &["身分證", "身份證"];

/// Whether the SSN word `word` (as the text writes it) may name a number whose own names are
/// `own`: one of them, or a word that names no other number ([`named_by`]).
pub(crate) fn may_name(word: &[u8], own: &[&str]) -> bool {
    let word = String::from_utf8_lossy(word).to_lowercase();
    own.iter().any(|name| word.starts_with(name)) || !NAMES.iter().any(|(name, _)| word.starts_with(name))
}

/// The two-digit values of a Taiwanese ID's first letter, `A` to `Z` (the letters added
/// later, I, O, W to Z, come after the first ones' values).
const TAIWAN_LETTERS: [u8; 26] =
    [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];

/// Taiwanese national identification number: a capital (the place of first registration),
/// `1` or `2` (sex; `8` or `9` for residents' certificates since 2021), seven digits and the
/// check: the letter's value's tens × 1 + its units × 9 + the nine digits × 8, 7, … 1, 1
/// ≡ 0 (mod 10). `code` is its 10 bytes: `A123456789`.
pub(crate) fn is_taiwan_id(code: &[u8]) -> bool {
    let Ok(code) = <[u8; 10]>::try_from(code) else { return false };
    if !code[0].is_ascii_uppercase() || !matches!(code[1], b'1' | b'2' | b'8' | b'9') {
        return false;
    }
    if !code[1..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let letter = u32::from(TAIWAN_LETTERS[usize::from(code[0] - b'A')]);
    let digits: u32 =
        code[1..].iter().zip([8, 7, 6, 5, 4, 3, 2, 1, 1]).map(|(&b, w)| u32::from(b - b'0') * w).sum();
    (letter / 10 + letter % 10 * 9 + digits).is_multiple_of(10)
}

/// Greek AMKA, Mexican IMSS number: 11 digits, Luhn.
fn is_luhn_11(d: &[u8]) -> bool {
    d.len() == 11 && luhn_valid(d)
}

/// Whether the SSN word `word` (as the text writes it) may name the national number `d`: a
/// number's own name only that number (`CPF` a CPF), any other SSN word (`SSN`, `social
/// security number`, `numéro de sécurité sociale`) any of them ([`is_national_id`]).
pub(crate) fn named_by(word: &[u8], d: &[u8]) -> bool {
    // (Asked only of a number that passed some check after an SSN word: rare enough to
    // lower-case the word into a string.)
    let word = String::from_utf8_lossy(word).to_lowercase();
    match NAMES.iter().find(|(name, _)| word.starts_with(name)) {
        Some((_, check)) => check(d),
        None => is_national_id(d),
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

    /// python-stdnum's own examples of the numbers read since ruleset 2026.11.39, and each
    /// with its check (or date) broken.
    #[test]
    fn more_national_numbers() {
        assert!(is_austrian_svnr(&d("1237 010180")) && !is_austrian_svnr(&d("2237 010180")));
        assert!(is_swedish_personnummer(&d("880320-0016")) && !is_swedish_personnummer(&d("880320-0018")));
        assert!(is_cpf(&d("390.533.447-05")) && !is_cpf(&d("231.002.999-00")));
        assert!(!is_cpf(&d("111.111.111-11")), "one digit repeated");
        assert!(is_pesel(&d("44051401359")) && !is_pesel(&d("44051401358")));
        assert!(!is_pesel(&d("02381307589")), "no 13th month of 2002 (38 = 18 + 20)");
        assert!(is_tc_kimlik(&d("17291716060")) && !is_tc_kimlik(&d("17291716050")));
        assert!(is_fodselsnummer(&d("151086 95088")) && !is_fodselsnummer(&d("15108695077")));
        assert!(is_belgian_nn(&d("85 07 30 033 28")) && is_belgian_nn(&d("17 07 30 033 84")), "1985; 2017");
        assert!(!is_belgian_nn(&d("12345678901")));
        assert!(is_cuit(&d("20-05536168-2")) && !is_cuit(&d("20267565392")));
        assert!(is_isikukood(&d("36805280109")) && !is_isikukood(&d("36805280108")));
        assert!(is_russian_personal_inn(&d("123456789047")) && !is_russian_personal_inn(&d("123456789037")));
        assert!(is_swiss_ahv(&d("756.9217.0769.85")) && !is_swiss_ahv(&d("756.9217.0769.84")));
        assert!(!is_swiss_ahv(&d("123.4567.8910.19")), "not 756");
        assert!(is_romanian_cnp(&d("1630615123457")) && !is_romanian_cnp(&d("0800101221142")));
        assert!(!is_romanian_cnp(&d("1632215123457")), "no 22nd month");
        assert!(is_thai_pin(&d("3100600445635")) && is_thai_pin(&d("1-2345-45678-78-1")));
        assert!(!is_thai_pin(&d("1-2345-45678-78-9")));
        assert!(is_korean_rrn_checked(&d("971013-9019902")) && !is_korean_rrn_checked(&d("971013-9019903")));
        assert!(is_korean_rrn(&d("971013-9019902")), "the 1800s' digit 9: with its check only");
        assert!(
            named_by("주민등록번호".as_bytes(), &d("900101-1234567"))
                && named_by(b"SSN", &d("900101-1234567")),
            "after its name: no check since 2020"
        );
        assert!(!is_korean_rrn_checked(&d("900101-1234567")) && !is_korean_rrn(&d("901301-1234567")));
        assert!(is_taiwan_id(b"A123456789") && !is_taiwan_id(b"A123456788") && !is_taiwan_id(b"A323456789"));
        assert!(is_taiwan_id(b"A185789172"), "Faker's zh_TW");
        assert!(is_oib(&d("33392005961")) && !is_oib(&d("33392005962")));
        assert!(is_national_id(&d("01013099997")), "a Greek AMKA: Luhn");
        assert!(is_hetu(b"131052-308T") && is_hetu(b"131052-308t") && !is_hetu(b"131052-308U"));
        assert!(!is_hetu(b"310252-308Y"), "no 31 February");
        assert!(is_hetu(b"010594Y202E") && !is_hetu(b"010594G202E"), "the 1900s' new signs; G is none");
        assert!(!is_hetu(b"010594Y9021"), "900 to 999: temporary numbers (the check fits)");
        assert!(is_hetu_digits(&d("210659-4471")) && named_by(b"HETU", &d("210659-4471")));
        assert!(may_name("Henkilötunnus".as_bytes(), HETU_NAMES) && may_name(b"SSN", HETU_NAMES));
        assert!(!may_name(b"CPF", HETU_NAMES) && may_name("身分證字號".as_bytes(), TAIWAN_ID_NAMES));
        let chinese = |s: &str| s.bytes().map(|b| if b == b'X' { 10 } else { b - b'0' }).collect::<Vec<_>>();
        assert!(
            is_chinese_id(&chinese("11010519491231002X")) && is_chinese_id(&chinese("360426199101010071"))
        );
        assert!(
            !is_chinese_id(&chinese("110105194912310021")) && !is_chinese_id(&chinese("110105194913310024"))
        );
        assert!(!is_national_id(&d("01013099999")));
    }

    /// Each check answers (no for the wrong length) on runs of any length, and `named_by`
    /// after any name.
    #[test]
    fn checks_take_any_length() {
        for len in 0..=14 {
            for digit in [0, 1, 9] {
                let run = vec![digit; len];
                let _ = is_national_id(&run);
                for (name, check) in NAMES {
                    assert!(!check(&run) || (9..=13).contains(&len), "{name}: {len} digits");
                    let _ = named_by(name.as_bytes(), &run);
                }
            }
        }
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
        assert!(is_national_id(&d("500100732259")), "a Russian personal INN");
        assert!(!is_national_id(&d("500100732258")));
        assert!(!is_national_id(&d("12345678")));
        assert!(!is_national_id(&d("1234567890128")), "13 digits of no kind");
        assert!(!is_national_id(&d("12345678901234")));
    }
}

//! Phone numbers in the forms people write them: international (`+`, `00`, `011`), national
//! with a trunk prefix, national grouped like a phone number, or any digit run near a
//! context word. Shape decides, not assignment: numbering plans only help tell phones from
//! dates, prices and IDs (see `numbers`), never let a plausible phone through.
//!
//! Country codes and national number lengths: ITU-T E.164 and libphonenumber metadata
//! (REFERENCE §4), widened where markets use variable lengths.

use arrayvec::ArrayVec;

use crate::kind::Kind;
use crate::scan::chars::{Sep, char_at};
use crate::scan::chunk::{Chunk, FLAG_IPV4, Group, Joint, MAX_DIGITS, is_hour_of_time, is_thousands_head};
use crate::scan::{Candidate, Candidates};

use super::context::{ContextProbe, NumberWord};
use super::numbers::{amount_after, is_decimal, is_thousands, vetoed_unless};
use super::ssn;

/// `(country calling code, shortest, longest national significant number)`.
static COUNTRY_CODES: &[(u16, u8, u8)] = &[
    (1, 10, 10),
    (7, 10, 10),
    (20, 8, 10),
    (211, 9, 9),
    (212, 9, 9),
    (213, 8, 9),
    (216, 8, 8),
    (218, 8, 9),
    (220, 7, 7),
    (221, 9, 9),
    (222, 8, 8),
    (223, 8, 8),
    (224, 8, 9),
    (225, 8, 10),
    (226, 8, 8),
    (227, 8, 8),
    (228, 8, 8),
    (229, 8, 10),
    (230, 7, 8),
    (231, 7, 9),
    (232, 8, 8),
    (233, 9, 9),
    (234, 7, 10),
    (235, 8, 8),
    (236, 8, 8),
    (237, 8, 9),
    (238, 7, 7),
    (239, 7, 7),
    (240, 9, 9),
    (241, 7, 8),
    (242, 9, 9),
    (243, 7, 9),
    (244, 9, 9),
    (245, 7, 9),
    (246, 7, 7),
    (247, 5, 6),
    (248, 7, 7),
    (249, 9, 9),
    (250, 9, 9),
    (251, 9, 9),
    (252, 7, 9),
    (253, 8, 8),
    (254, 9, 10),
    (255, 9, 9),
    (256, 9, 9),
    (257, 8, 8),
    (258, 8, 9),
    (260, 9, 9),
    (261, 9, 9),
    (262, 9, 9),
    (263, 9, 10),
    (264, 8, 9),
    (265, 7, 9),
    (266, 8, 8),
    (267, 7, 8),
    (268, 8, 8),
    (269, 7, 7),
    (27, 9, 9),
    (290, 4, 5),
    (291, 7, 7),
    (297, 7, 7),
    (298, 6, 6),
    (299, 6, 6),
    (30, 10, 10),
    (31, 9, 11),
    (32, 8, 9),
    (33, 9, 9),
    (34, 9, 9),
    (350, 8, 8),
    (351, 9, 9),
    (352, 6, 11),
    (353, 7, 9),
    (354, 7, 9),
    (355, 8, 9),
    (356, 8, 8),
    (357, 8, 8),
    (358, 6, 12),
    (359, 7, 9),
    (36, 8, 9),
    (370, 8, 8),
    (371, 8, 8),
    (372, 7, 8),
    (373, 8, 8),
    (374, 8, 8),
    (375, 9, 10),
    (376, 6, 9),
    (377, 8, 9),
    (378, 6, 10),
    (380, 9, 9),
    (381, 7, 10),
    (382, 8, 8),
    (383, 8, 9),
    (385, 8, 9),
    (386, 8, 8),
    (387, 8, 9),
    (389, 8, 8),
    (39, 6, 11),
    (40, 9, 9),
    (41, 9, 9),
    (420, 9, 9),
    (421, 9, 9),
    (423, 7, 9),
    (43, 7, 13),
    (44, 7, 10),
    (45, 8, 8),
    (46, 7, 10),
    (47, 8, 8),
    (48, 9, 9),
    (49, 6, 15),
    (500, 5, 5),
    (501, 7, 7),
    (502, 8, 8),
    (503, 8, 8),
    (504, 8, 8),
    (505, 8, 8),
    (506, 8, 8),
    (507, 7, 8),
    (508, 6, 6),
    (509, 8, 8),
    (51, 8, 9),
    (52, 10, 11),
    (53, 6, 8),
    (54, 10, 11),
    (55, 10, 11),
    (56, 9, 9),
    (57, 10, 10),
    (58, 10, 10),
    (590, 9, 9),
    (591, 8, 8),
    (592, 7, 7),
    (593, 8, 9),
    (594, 9, 9),
    (595, 9, 9),
    (596, 9, 9),
    (597, 6, 7),
    (598, 8, 8),
    (599, 7, 8),
    (60, 8, 10),
    (61, 9, 9),
    (62, 8, 12),
    (63, 8, 10),
    (64, 8, 10),
    (65, 8, 8),
    (66, 8, 9),
    (670, 7, 8),
    (672, 6, 6),
    (673, 7, 7),
    (674, 7, 7),
    (675, 7, 8),
    (676, 5, 7),
    (677, 5, 7),
    (678, 5, 7),
    (679, 7, 7),
    (680, 7, 7),
    (681, 6, 6),
    (682, 5, 5),
    (683, 4, 7),
    (685, 5, 7),
    (686, 5, 8),
    (687, 6, 6),
    (688, 5, 7),
    (689, 6, 8),
    (690, 4, 7),
    (691, 7, 7),
    (692, 7, 7),
    (800, 8, 8),
    (808, 8, 8),
    (81, 9, 10),
    (82, 8, 10),
    (84, 9, 10),
    (850, 8, 10),
    (852, 8, 8),
    (853, 8, 8),
    (855, 8, 9),
    (856, 8, 10),
    (86, 9, 11),
    (870, 9, 9),
    (878, 12, 12),
    (880, 8, 10),
    (881, 9, 9),
    (882, 8, 12),
    (883, 8, 12),
    (886, 8, 9),
    (888, 11, 11),
    (90, 10, 10),
    (91, 10, 10),
    (92, 9, 10),
    (93, 9, 9),
    (94, 9, 9),
    (95, 7, 10),
    (960, 7, 7),
    (961, 7, 8),
    (962, 8, 9),
    (963, 8, 9),
    (964, 8, 10),
    (965, 8, 8),
    (966, 9, 9),
    (967, 7, 9),
    (968, 8, 8),
    (970, 8, 9),
    (971, 8, 9),
    (972, 8, 9),
    (973, 8, 8),
    (974, 8, 8),
    (975, 7, 8),
    (976, 8, 8),
    (977, 8, 10),
    (979, 9, 9),
    (98, 10, 10),
    (992, 9, 9),
    (993, 8, 8),
    (994, 9, 9),
    (995, 9, 9),
    (996, 9, 9),
    (998, 9, 9),
];

/// National significant number lengths that a country's other number types have beyond the
/// range of [`COUNTRY_CODES`] (freephone, premium rate, shared cost, UAN, voicemail, pager:
/// `0061 1800 123 456`, `0031 800 1234`, `00353 1850 123 456`), by country code. They count
/// for a `00` number only when its first group is `00` and the country code, and the rest
/// is one run (one separator throughout) that nothing continues: not `0090 12/26 123` (a
/// card's last group, an expiry date and a security code), nor digits in one piece
/// (`0043787819`, a tracking number; `009144783572`, a UPC).
/// Source: libphonenumber metadata (phonenumbers 9.0.43), the general description's possible
/// lengths of every region of each code; NANP's seven-digit local-only numbers left out.
static OTHER_TYPE_LENGTHS: &[(u16, &[u8])] = &[
    (7, &[14]),
    (27, &[5, 6, 7, 8, 10]),
    (30, &[11, 12]),
    (31, &[5, 6, 7, 8]),
    (39, &[12]),
    (40, &[6]),
    (41, &[12]),
    (43, &[4, 5, 6]),
    (46, &[6, 12]),
    (47, &[5]),
    (48, &[6, 7, 8, 10]),
    (49, &[4, 5]),
    (53, &[10]),
    (55, &[8, 9]),
    (56, &[10, 11]),
    (57, &[8, 11]),
    (61, &[5, 6, 7, 8, 10, 12]),
    (62, &[7, 13, 14, 15, 16, 17]),
    (63, &[6, 11, 12, 13]),
    (64, &[5, 6, 7]),
    (65, &[10, 11]),
    (66, &[10, 13]),
    (81, &[8, 11, 12, 13, 14, 15, 16, 17]),
    (82, &[5, 6, 11, 12, 13, 14]),
    (84, &[7, 8]),
    (86, &[7, 8, 12]),
    (90, &[7, 12, 13]),
    (91, &[8, 9, 11, 12, 13]),
    (92, &[8, 11, 12]),
    (95, &[6]),
    (98, &[4, 5, 6, 7]),
    (220, &[9]),
    (230, &[10]),
    (233, &[8]),
    (234, &[11, 12, 13, 14]),
    (243, &[10]),
    (250, &[8]),
    (252, &[6]),
    (254, &[7, 8]),
    (263, &[7]),
    (267, &[10]),
    (268, &[9]),
    (352, &[4, 5]),
    (353, &[10]),
    (355, &[6, 7]),
    (358, &[5]),
    (359, &[6, 12]),
    (372, &[10]),
    (375, &[6, 7, 8, 11]),
    (380, &[10]),
    (381, &[6, 11, 12]),
    (382, &[9]),
    (383, &[10, 11, 12]),
    (385, &[7]),
    (386, &[5, 6, 7]),
    (420, &[10, 11, 12]),
    (421, &[6, 7]),
    (501, &[11]),
    (502, &[11]),
    (503, &[7, 11]),
    (504, &[11]),
    (506, &[10]),
    (507, &[10, 11]),
    (508, &[9]),
    (591, &[9]),
    (593, &[10, 11]),
    (595, &[6, 7, 8, 10, 11]),
    (598, &[4, 5, 6, 7, 9, 10, 11, 12, 13]),
    (679, &[11]),
    (681, &[9]),
    (685, &[10]),
    (689, &[9]),
    (852, &[5, 6, 7, 9, 11]),
    (853, &[7]),
    (855, &[10]),
    (870, &[12]),
    (880, &[6, 7]),
    (881, &[10]),
    (882, &[7]),
    (886, &[7, 10, 11]),
    (960, &[10]),
    (965, &[7]),
    (966, &[10]),
    (968, &[7, 9]),
    (970, &[10]),
    (971, &[5, 6, 7, 10, 11, 12]),
    (972, &[7, 10, 11, 12]),
    (974, &[7, 9, 11]),
    (976, &[9, 10]),
    (977, &[11]),
    (996, &[10]),
];

/// Whether a national significant number of `nsn_len` digits after the country code
/// `code` (the first `code_len` of `digits`) is one of its other number types' lengths (see
/// [`OTHER_TYPE_LENGTHS`]).
fn other_type_length(digits: &[u8], code_len: usize, nsn_len: usize) -> bool {
    let code = digits[..code_len].iter().fold(0u16, |code, &d| code * 10 + u16::from(d));
    OTHER_TYPE_LENGTHS
        .iter()
        .find(|entry| entry.0 == code)
        .is_some_and(|(_, lengths)| lengths.iter().any(|&len| usize::from(len) == nsn_len))
}

/// The country code at the start of `digits`: `(code length, national lengths)`.
/// Country codes form a prefix-free set, so at most one length matches.
pub(crate) fn country_code(digits: &[u8]) -> Option<(usize, std::ops::RangeInclusive<usize>)> {
    if digits.first() == Some(&0) {
        return None;
    }
    let mut code = 0u16;
    for (i, &d) in digits.iter().take(3).enumerate() {
        code = code * 10 + u16::from(d);
        if let Some(&(_, min, max)) = COUNTRY_CODES.iter().find(|entry| entry.0 == code) {
            return Some((i + 1, usize::from(min)..=usize::from(max)));
        }
    }
    None
}

/// Mobile numbers as WhatsApp exports and `wa.me` links write them, with the country code
/// but without `+` or `00` (`254722323051`, `91-75384-10171`): `(country code, national
/// mobile prefixes, national significant number lengths)`. Only markets whose mobiles have
/// prefixes of their own, and whose numbers so written have 11 to 13 digits. A random
/// number reads as one in 0.7% of cases at 13 digits, 2.2% at 12 and 4.5% at 11 (where
/// rule 3b's Chinese mobiles already take 7%); at 10 digits the national forms would
/// collide. A `?` in a prefix stands for any digit but `0` (Brazil's area codes). Source:
/// libphonenumber metadata, mobile patterns.
static MOBILE_WITHOUT_PLUS: &[(u16, &[&str], (u8, u8))] = &[
    (7, &["9", "70", "77"], (10, 10)),
    (20, &["10", "11", "12", "15"], (10, 10)),
    (27, &["6", "7", "81", "82", "83", "84"], (9, 9)),
    (30, &["69"], (10, 10)),
    (31, &["6"], (9, 9)),
    (32, &["46", "47", "48", "49"], (9, 9)),
    (33, &["6", "7"], (9, 9)),
    (34, &["6", "7"], (9, 9)),
    (36, &["20", "30", "31", "50", "70"], (9, 9)),
    (39, &["3"], (9, 10)),
    (40, &["7"], (9, 9)),
    (41, &["75", "76", "77", "78", "79"], (9, 9)),
    (43, &["6"], (10, 11)),
    (44, &["71", "72", "73", "74", "75", "77", "78", "79"], (10, 10)),
    (46, &["70", "72", "73", "76", "79"], (9, 9)),
    (48, &["45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"], (9, 9)),
    (49, &["15", "16", "17"], (10, 11)),
    (51, &["9"], (9, 9)),
    (52, &["1", "33", "55", "81"], (10, 11)),
    (54, &["9"], (11, 11)),
    (55, &["??9"], (11, 11)),
    (56, &["9"], (9, 9)),
    (57, &["3"], (10, 10)),
    (58, &["4"], (10, 10)),
    (60, &["1"], (9, 10)),
    (61, &["4"], (9, 9)),
    (62, &["8"], (9, 12)),
    (63, &["9"], (10, 10)),
    (66, &["6", "8", "9"], (9, 9)),
    (81, &["70", "80", "90"], (10, 10)),
    (82, &["10"], (10, 10)),
    (84, &["3", "5", "7", "8", "9"], (9, 9)),
    (86, &["13", "14", "15", "16", "17", "18", "19"], (11, 11)),
    (90, &["5"], (10, 10)),
    (91, &["6", "7", "8", "9"], (10, 10)),
    (92, &["3"], (10, 10)),
    (94, &["7"], (9, 9)),
    (98, &["9"], (10, 10)),
    (212, &["6", "7"], (9, 9)),
    (213, &["5", "6", "7"], (9, 9)),
    (216, &["2", "4", "5", "9"], (8, 8)),
    (221, &["70", "75", "76", "77", "78"], (9, 9)),
    (225, &["01", "05", "07"], (10, 10)),
    (233, &["2", "5"], (9, 9)),
    (234, &["70", "80", "81", "90", "91"], (10, 10)),
    (237, &["6"], (9, 9)),
    (251, &["7", "9"], (9, 9)),
    (254, &["7", "10", "11"], (9, 9)),
    (255, &["6", "7"], (9, 9)),
    (256, &["7"], (9, 9)),
    (260, &["7", "9"], (9, 9)),
    (263, &["71", "73", "77", "78"], (9, 9)),
    (351, &["91", "92", "93", "96"], (9, 9)),
    (353, &["83", "85", "86", "87", "89"], (9, 9)),
    (359, &["87", "88", "89"], (9, 9)),
    (
        380,
        &["39", "50", "63", "66", "67", "68", "73", "91", "92", "93", "94", "95", "96", "97", "98", "99"],
        (9, 9),
    ),
    (420, &["6", "7"], (9, 9)),
    (421, &["9"], (9, 9)),
    (593, &["9"], (9, 9)),
    (852, &["5", "6", "7", "9"], (8, 8)),
    (853, &["6"], (8, 8)),
    (880, &["13", "14", "15", "16", "17", "18", "19"], (10, 10)),
    (886, &["9"], (9, 9)),
    (962, &["77", "78", "79"], (9, 9)),
    (964, &["7"], (10, 10)),
    (965, &["5", "6", "9"], (8, 8)),
    (966, &["5"], (9, 9)),
    (968, &["7", "9"], (8, 8)),
    (971, &["50", "52", "54", "55", "56", "58"], (9, 9)),
    (972, &["5"], (9, 9)),
    (973, &["3"], (8, 8)),
    (974, &["3", "5", "6", "7"], (8, 8)),
    (977, &["97", "98"], (10, 10)),
];

/// Whether `digits` (11 to 13) are a mobile number written with its country code but
/// without `+` or `00` (see [`MOBILE_WITHOUT_PLUS`]); with `code_len`, the country code
/// must be exactly that long (a first group written apart: `91-75384-10171`).
pub(crate) fn is_mobile_without_plus(digits: &[u8], code_len: Option<usize>) -> bool {
    if !(11..=13).contains(&digits.len()) || digits[0] == 0 {
        return false;
    }
    // Country codes are prefix-free: at most one of the first one, two or three digits is
    // a code of the table (sorted by code).
    let mut code = 0u16;
    for (len, &digit) in digits.iter().take(3).enumerate() {
        code = code * 10 + u16::from(digit);
        let Ok(at) = MOBILE_WITHOUT_PLUS.binary_search_by_key(&code, |entry| entry.0) else { continue };
        let (_, prefixes, (shortest, longest)) = MOBILE_WITHOUT_PLUS[at];
        let national = &digits[len + 1..];
        return code_len.is_none_or(|code_len| code_len == len + 1)
            && (usize::from(shortest)..=usize::from(longest)).contains(&national.len())
            && prefixes.iter().any(|prefix| starts_with_pattern(national, prefix));
    }
    false
}

/// The markets whose languages write a number word (lower case; `nummer` also stands for
/// `Nummer` alone, not in a compound), by calling code: where a number written without a
/// label after that word (`numer 573856491`) reads as a mobile number of one of them, it
/// is one. Only markets of [`MOBILE_WITHOUT_PLUS`] count (China's mobiles are read by rule
/// 3b). Where `true`, the language puts whose number it is in front of the word (`loyalty
/// number`, `खाता नंबर`), so only an article, a possessive, "new" or "is" may stand there
/// (see [`is_determiner`]). Turkish `numarası` and Hungarian `száma` say "its number": a
/// word in front says whose, so they are left out.
static NUMBER_WORD_MARKETS: &[(&str, bool, &[u16])] = &[
    // English where people write a mobile number without its trunk prefix (India, Pakistan,
    // Bangladesh, the Philippines, Malaysia, Nigeria, East and Southern Africa) and where a
    // few do (UK, Ireland, Australia). Not Ghana: its mobiles start 2 and 5, as everything
    // does.
    ("number", true, &[91, 92, 880, 63, 60, 234, 254, 256, 255, 260, 263, 27, 44, 353, 61]),
    // (Not Algeria: its mobiles start 5, 6 or 7, as most nine-digit numbers do.)
    ("numéro", false, &[33, 32, 41, 212, 221, 225, 237]),
    ("número", false, &[34, 351, 55, 52, 54, 56, 57, 51, 58, 593]),
    // Italian, Tagalog, and Spanish, Portuguese and French typed without accents.
    ("numero", false, &[39, 63, 34, 351, 55, 52, 54, 56, 57, 51, 58, 593, 33, 32, 41]),
    ("nummer", false, &[49, 43, 41, 31, 32, 46]),
    ("numret", false, &[46]),
    ("numer", false, &[48]),
    ("номер", false, &[7, 380, 359]),
    ("नंबर", true, &[91]),
    ("নম্বর", true, &[880, 91]),
    ("নাম্বার", true, &[880, 91]),
    ("نمبر", true, &[92]),
    ("شماره", false, &[98]),
    ("رقم", false, &[966, 971, 20, 212, 213, 216, 962, 964, 965, 968, 973, 974]),
    ("الرقم", false, &[966, 971, 20, 212, 213, 216, 962, 964, 965, 968, 973, 974]),
    ("번호", true, &[82]),
    ("số", false, &[84]),
    ("nomor", false, &[62]),
    ("numara", false, &[90]),
    ("szám", false, &[36]),
    ("namba", false, &[254, 255, 256]),
    ("číslo", false, &[420, 421]),
    ("cislo", false, &[420, 421]),
    ("čísla", false, &[420, 421]),
    ("număr", false, &[40]),
    ("numărul", false, &[40]),
    ("numarul", false, &[40]),
    ("מספר", false, &[972]),
    ("nombor", false, &[60]),
    ("αριθμός", false, &[30]),
];

/// Whether `word` may stand right before a number word that puts whose number it is in
/// front (see [`NUMBER_WORD_MARKETS`]) and leave it a phone number's: an article, a
/// possessive, "new" or "is", in any case (`the number …`, `मेरा नंबर …`).
fn is_determiner(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "the",
        "a",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
        "this",
        "that",
        "new",
        "same",
        "is",
        "मेरा",
        "मेरी",
        "मेरे",
        "आपका",
        "आपकी",
        "नया",
        "यह",
        "ये",
        "আমার",
        "আপনার",
        "নতুন",
        "এই",
        "میرا",
        "آپ",
        "نیا",
        "یہ",
        "제",
        "내",
        "새",
    ];
    WORDS.iter().any(|w| w.len() == word.len() && word.chars().flat_map(char::to_lowercase).eq(w.chars()))
}

/// Whether `digits` (9 to 11) are a mobile number's national significant number, written
/// without country code or trunk prefix, in a market whose language writes the number word
/// (see [`NUMBER_WORD_MARKETS`]): Poland after `numer` (`573856491`), Czechia after
/// `číslo` (`736273386`), India after `नंबर` (`7807631634`), Brazil after `número`
/// (`85992694728`).
pub(crate) fn is_national_mobile_after(word: NumberWord<'_>, digits: &[u8]) -> bool {
    if !(9..=11).contains(&digits.len()) || digits[0] == 0 {
        return false;
    }
    let spelled = |w: &str| word.text.chars().flat_map(char::to_lowercase).eq(w.chars());
    let Some(&(_, qualified_in_front, markets)) = NUMBER_WORD_MARKETS.iter().find(|(w, ..)| spelled(w))
    else {
        return false;
    };
    if qualified_in_front && word.before.is_some_and(|before| !is_determiner(before)) {
        return false;
    }
    MOBILE_WITHOUT_PLUS.iter().any(|&(code, prefixes, (shortest, longest))| {
        markets.contains(&code)
            && (usize::from(shortest)..=usize::from(longest)).contains(&digits.len())
            && prefixes.iter().any(|prefix| starts_with_pattern(digits, prefix))
    })
}

/// Whether `digits` start with `prefix`, where `?` stands for any digit but `0`.
fn starts_with_pattern(digits: &[u8], prefix: &str) -> bool {
    prefix.len() <= digits.len()
        && prefix.bytes().zip(digits).all(|(p, &d)| if p == b'?' { d != 0 } else { d == p - b'0' })
}

/// Group-length shapes of national numbers written without a prefix, with the digits the
/// number may start with (empty: any): NANP/IT `555 123 4567`, RU `495 123 45 67`, IT
/// `333 1234567`, CN `138 1234 5678`, MX/AR `55 1234 5678`, BR `11 98765 4321`, ES/PT/PL
/// `612 345 678`, ES `612 34 56 78`, ES/PL `91 123 45 67`, PT `21 234 5678`, SG/HK/DK/NO
/// `9123 4567` (not two years: `2019 2020`), IN `98765 43210`, DK/NO `20 12 34 56`, NO
/// `412 34 567` and freephone `800 62 061`, CH/LI/UA local `706 69 07`, GR `6984 011 070`
/// and `6977 505647`, CL `9 1234 5678`, CI (since 2021) `27 22 12 39 05`, AU/IE/EC
/// `1800 468 606` and `1300 410 645`, IN/SG `1800 471 5720`. A leading entry of two digits
/// is a two-digit prefix (`69`: GR mobiles).
static SHAPES: &[(&[usize], &[u8])] = &[
    (&[3, 3, 4], &[]),
    (&[3, 3, 2, 2], &[]),
    (&[3, 7], &[]),
    (&[3, 4, 4], &[]),
    (&[2, 4, 4], &[]),
    (&[2, 5, 4], &[]),
    (&[3, 3, 3], &[]),
    (&[3, 2, 2, 2], &[]),
    (&[2, 3, 2, 2], &[]),
    (&[2, 3, 4], &[]),
    (&[4, 4], &[2, 3, 4, 5, 6, 7, 8, 9]),
    (&[5, 5], &[6, 7, 8, 9]),
    // (Denmark and Norway: eight digits in pairs; a leading `1` is a service range there,
    // but shape decides: `16 99 74 67`.)
    (&[2, 2, 2, 2], &[1, 2, 3, 4, 5, 6, 7, 8, 9]),
    (&[2, 2, 2, 2, 2], &[2]),
    (&[3, 2, 3], &[4, 9, 80]),
    (&[3, 2, 2], &[2, 3, 4, 5, 6, 7, 8, 9]),
    (&[4, 3, 3], &[2, 3, 4, 5, 6, 7, 8, 9]),
    (&[4, 3, 3], &[13, 18]),
    (&[4, 3, 4], &[18]),
    (&[1, 4, 4], &[2, 9]),
    (&[4, 6], &[69]),
];

/// Whether the digits `lead` start with `prefix`: one digit (below 10) or two.
fn starts_with_prefix(lead: &[u8], prefix: u8) -> bool {
    match lead {
        [first, ..] if prefix < 10 => *first == prefix,
        [first, second, ..] => first * 10 + second == prefix,
        _ => false,
    }
}

/// The end of the chunk, when the groups after the reading that ends at `fit` go on the
/// same way to it and the whole is still `shaped` like a phone number: they would be left
/// visible after the masked part. Not an amount or a time of day after `fit` (a count
/// before a word is read with it: `+502 19 123 456 789 merci`).
fn run_on_end(
    chunk: &Chunk<'_>,
    ends: &[(usize, Digits)],
    fit: usize,
    shaped: impl Fn(&Digits) -> bool,
) -> Option<usize> {
    let groups = chunk.groups();
    let &(last, d) = ends.last()?;
    let next = groups.get(fit + 1)?;
    let goes_on = chunk.continued_after(fit, groups[fit].joint)
        && !amount_after(chunk, fit + 1)
        && !(chunk.is_last(fit + 1)
            && (is_hour_of_time(chunk.hay, next) || is_thousands_head(chunk.hay, next)));
    (last > fit && chunk.is_last(last) && shaped(&d) && goes_on).then_some(last)
}

/// Whether a slash glued after letters stands right before `start`: the chunk is a segment
/// of a path or identifier (`FV/0795/08/2024`, `GST/24-25/78099`), unless it follows
/// `wa.me/`, where WhatsApp links write a phone number.
fn in_path_after_letters(hay: &[u8], start: usize) -> bool {
    start >= 2
        && hay[start - 1] == b'/'
        && hay[start - 2].is_ascii_alphabetic()
        && !hay[start.saturating_sub(6)..start].eq_ignore_ascii_case(b"wa.me/")
}

/// Whether the chunk's groups are shaped like a card number: 13 to 19 digits in groups of
/// four digits or more, none in parentheses.
fn card_shaped(groups: &[Group]) -> bool {
    groups.len() >= 2
        && groups.iter().all(|g| g.len >= 4 && !g.paren)
        && (13..=19).contains(&groups.iter().map(|g| g.len).sum::<usize>())
}

/// Whether two four-digit groups are years (`2019 2020`, `1999-2004`), not a phone number.
fn two_years(first: &Group, second: &Group) -> bool {
    let year = |g: &Group| g.len == 4 && matches!(g.value() / 100, 19 | 20);
    year(first) && year(second)
}

/// Whether four or more short groups count up or down in small equal steps, as a list of
/// sizes or quantities does (`38 40 42 44`, `10 15 20 25`), not a phone number.
fn small_steps(groups: &[Group]) -> bool {
    if groups.len() < 4 || groups.iter().any(|g| g.len > 2) {
        return false;
    }
    let value = |g: &Group| i64::from(g.value());
    let step = value(&groups[1]) - value(&groups[0]);
    (1..=5).contains(&step.abs()) && groups.windows(2).all(|pair| value(&pair[1]) - value(&pair[0]) == step)
}

/// A Brazilian mobile with its `9` apart (`(11) 9 8765-4321`, `11 9 8765 4321`): an area
/// code of two digits not starting with `0` (parentheses allowed), `9`, then 4 and 4
/// digits, any separators; returns the last group when not continued.
fn brazil_mobile(chunk: &Chunk<'_>, s: usize) -> Option<usize> {
    let groups = chunk.groups();
    let [area, nine, a, b] = groups.get(s..s + 4)? else { return None };
    let lengths = [area.len, nine.len, a.len, b.len] == [2, 1, 4, 4];
    let joined = [nine, a, b]
        .iter()
        .all(|g| matches!(g.joint, Joint::Sep(_) | Joint::Spaced(_) | Joint::Adjacent) && !g.paren);
    let fits = lengths && joined && area.head()[0] != 0 && nine.head() == [9];
    (fits && !continues(chunk, s + 3, b.joint)).then_some(s + 3)
}

/// Shapes after a NANP trunk `1` and a Russian-style trunk `8`.
static TRUNK_1_SHAPES: &[&[usize]] = &[&[3, 3, 4], &[3, 7], &[10]];
/// Freephone shapes after `1-800` outside NANP: MY `1-800-46-2787`, IL `1-800-21-72-13`,
/// PH `1-800-10-820-1241` (the `800` is the first group of each).
static TRUNK_1_800_SHAPES: &[&[usize]] = &[&[3, 2, 4], &[3, 2, 2, 2], &[3, 2, 3, 4]];
static TRUNK_8_SHAPES: &[&[usize]] = &[&[3, 3, 2, 2], &[3, 3, 4], &[3, 7]];

/// How many digits groups `s..=e` hold: without `(0)` trunk groups after the first (the
/// digits themselves are in `values[..len]`), and in all.
#[derive(Clone, Copy)]
struct Digits {
    len: usize,
    total: usize,
}

fn is_zero_trunk(group: &Group) -> bool {
    group.paren && group.len == 1 && group.head()[0] == 0
}

/// Pushes every phone number starting at group `s`.
pub(crate) fn candidates(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let groups = chunk.groups();
    let first = &groups[s];
    // The digits after the point of a decimal number (`lat -77.034040723966`) are no phone
    // number (a phone word may make the whole of it one: `tel 333.74068`).
    if first.len > MAX_DIGITS || (s == 1 && is_decimal(chunk)) {
        return;
    }
    // A chunk printed exactly as a national number of `OWN_PRINTINGS` is that number or
    // nothing (`390.533.447-06`, a CPF whose check fails, holds no phone number).
    if ssn::printed_as_own_number(chunk) {
        return;
    }
    // Per end group: how many digits so far (all, and without `(0)` groups). A phone has at
    // most MAX_DIGITS digits.
    let mut values = [0u8; MAX_DIGITS];
    let mut ends: ArrayVec<(usize, Digits), MAX_DIGITS> = ArrayVec::new();
    let mut digits = Digits { len: 0, total: 0 };
    for (e, group) in groups.iter().enumerate().skip(s) {
        if digits.total + group.len > MAX_DIGITS || ends.is_full() {
            break;
        }
        digits.total += group.len;
        if e == s || !is_zero_trunk(group) {
            group.decode(chunk.hay, &mut values[digits.len..digits.len + group.len]);
            digits.len += group.len;
        }
        ends.push((e, digits));
    }
    let ends = &ends[..];
    // Cheap structural checks first; key-word lookups only for what survives them.
    // A reading never ends with the hour of a time of day (`030 1234567 08:00`), nor with
    // the day of a day and month (`06 12 34 56 78 21/09`), nor with the first digits of an
    // amount (`0081312536173 1,479円`).
    let allowed_unless = |e: usize, lifted: u8| {
        chunk.ends_clean(e)
            && !vetoed_unless(chunk, s, e, veto, lifted)
            && !(e > s && chunk.is_last(e) && is_hour_of_time(chunk.hay, &groups[e]))
            && !(e > s && chunk.is_last(e) && is_thousands_head(chunk.hay, &groups[e]))
            && !(e > s && chunk.starts_short_number(e))
            // Nor with a last group of one or two digits after a spaced dash or slash, a
            // count or a list item (`+39 312 345 3800 - 8`).
            && !(e > s && chunk.is_last(e) && groups[e].len <= 2 && matches!(groups[e].joint, Joint::Spaced(_)))
    };
    let allowed = |e: usize| allowed_unless(e, 0);
    // Read from their shape alone, two groups of a decimal number are no phone number. (A
    // first group of two digits or more that starts with a trunk `0` is no integer part:
    // `06.12345678`; unless a dot comes before it too, in a dotted code: `UP1A.054636.403`.)
    let trunk_first = matches!(first.head(), [0, d, ..] if *d != 0)
        && !(chunk.start > 0 && chunk.hay[chunk.start - 1] == b'.');
    let across_point = |e: usize| e == s + 1 && chunk.is_first(s) && is_decimal(chunk) && !trunk_first;
    let emit = |start: usize, e: usize, out: &mut Candidates| {
        if allowed(e) && !across_point(e) {
            out.push(Candidate::new(start, groups[e].end, Kind::Phone));
        }
    };
    let before = out.len();

    // 1. International with `+`: shape decides; the country's lengths pick the ending.
    if let (true, Some(plus)) = (chunk.is_first(s), chunk.plus) {
        let shaped = |d: &Digits| (8..=15).contains(&d.len);
        let fits = |d: &Digits| {
            country_code(&values[..d.len])
                .is_some_and(|(code_len, lengths)| lengths.contains(&(d.len - code_len)))
        };
        let longest_fit =
            ends.iter().filter(|(e, d)| shaped(d) && fits(d) && chunk.ends_clean(*e)).map(|&(e, _)| e).max();
        let any_fits = longest_fit.is_some();
        // Fail closed: groups that go on the same way after the longest fitting reading, to
        // the chunk's end, are read with it while the whole is still shaped like a phone
        // number (`+381 60 123 456 7890`, `+44 20 7946 0958 12`); they would be left visible
        // after the masked part. Not an amount or a time of day (a count before a word is
        // masked with it: `+502 19 123 456 789 merci`).
        let run_on = longest_fit.and_then(|fit| run_on_end(chunk, ends, fit, |d| shaped(d)));
        for (e, d) in ends {
            if shaped(d) && (!any_fits || fits(d) || run_on == Some(*e)) {
                emit(plus, *e, out);
            }
        }
    }
    // The rest of a UPS tracking number whose shipper code is letters (`1Z RMT TPK 75 9401
    // 9597`) holds no phone number, nor do the digits of a UPU tracking number.
    if chunk.is_first(s) && (after_ups_shipper(chunk.hay, chunk.start) || is_s10_tracking(chunk)) {
        return;
    }
    // A `+` says the number is international: when rule 1 reads none (`+357 96 12`: too
    // few digits), no national reading of its digits stands in for it.
    if !chunk.starts_clean(s) || (chunk.is_first(s) && chunk.plus.is_some()) {
        return;
    }
    let lead = first.head();

    // A label in front of the chunk names its first number, not one joined to it by a spaced
    // dash or slash (`номер счёта 63954072 — 8 (908) 540-90-06`: two numbers), nor one after
    // a group of six digits or more (`ISBN 9788431417956 070-115 51 21`). A phone word
    // after the number outweighs it: the number shaped like a phone is one (`about my order
    // (201) 555-0123, call me`, `ご注文の件で 090-1234-5678 までお電話ください`).
    // Nor one grouped as only phone numbers are (`order (201) 555-0123`, `ref 06 12 34 56 78`:
    // shape decides).
    let label_before_applies = chunk.named_from_front(s);
    // A number shaped like a card right after a card word is a card or nothing (`tarjeta
    // 4289 9978 05760` fails the Luhn check): no national reading of its groups. Nor is a
    // number that is a segment of a path or identifier after letters and a slash
    // (`invoice FV/0795/08/2024`, `…/hc/articles/628833648367`), except a WhatsApp link's.
    let path_segment = chunk.is_first(s) && in_path_after_letters(chunk.hay, chunk.start);
    // A `#` glued in front labels the number as a word such as `order` does (`#66848552803`,
    // `#917696454803`; shape still decides: `#(201) 555-0123`), unless a phone word stands
    // close before it (`WhatsApp #447966197542`).
    let hash_glued = chunk.number_sign_before(s);
    let labelled = |e: usize, context: &mut ContextProbe<'_>| {
        let by_label = if label_before_applies && !phone_grouped(&groups[s..=e]) {
            context.labelled_either_side()
        } else {
            context.labelled_after()
        };
        by_label
            || (card_shaped(groups) && context.card_word_in_front())
            || path_segment
            || (hash_glued && !phone_grouped(&groups[s..=e]) && !context.phone_word_close())
    };

    // 2. International with `00`, `011` (NANP) or `0011` (Australia): a known country code
    // and its lengths, not labelled (`barcode 0031038902561`, `order 0044…`).
    let prefixes: &[usize] = match lead {
        [0, 0, 1, 1, ..] => &[2, 4],
        [0, 0, ..] => &[2],
        [0, 1, 1, ..] => &[3],
        _ => &[],
    };
    // Not a slice of a longer grouped number (`1014-0063-9208-7028`).
    let run_joint = groups.get(s + 1).map_or(first.joint, |next| next.joint);
    if !prefixes.is_empty() && !first.paren && !chunk.continued_before(s, run_joint) {
        let shaped =
            |d: &Digits| prefixes.iter().any(|&prefix| (8..=15).contains(&d.len.saturating_sub(prefix)));
        let fits = |e: usize, d: &Digits| {
            prefixes.iter().any(|&prefix| {
                let national = &values[prefix..d.len.max(prefix)];
                (8..=15).contains(&national.len())
                    && country_code(national).is_some_and(|(code_len, lengths)| {
                        let nsn_len = national.len() - code_len;
                        lengths.contains(&nsn_len)
                            || (e > s
                                && first.len == prefix + code_len
                                && other_type_length(national, code_len, nsn_len)
                                && is_number_run(chunk, s, e, true))
                    })
            })
        };
        let fitting: ArrayVec<usize, MAX_DIGITS> =
            ends.iter().filter(|(e, d)| fits(*e, d)).map(|&(e, _)| e).collect();
        // (Only a label before it: a `+` or `00` number stays a phone whatever follows.)
        // (NANP's `011`, rarely written, starts many IMEIs: after a code word, `IMEI 01176071
        // 059061 9`, it is vetoed however it is grouped.)
        let nanp_exit = prefixes == [3];
        if let Some(&longest) = fitting.last()
            && !(label_before_applies
                && ((longest == s && context.labelled_in_front()) || (nanp_exit && context.product_code())))
        {
            for &e in &fitting {
                emit(first.start, e, out);
            }
            // Fail closed, as for `+`: groups that go on the same way to the chunk's end
            // are read with the longest reading (`00353 1800 123 456 7`).
            if let Some(last) = run_on_end(chunk, ends, longest, shaped) {
                emit(first.start, last, out);
            }
        }
    }

    // National readings: a label right in front (`order`, `Kundennummer`, `n° de commande`)
    // says the number is an identifier.
    let national = out.len();
    // An SSN's shape after an SSN word is an SSN or nothing (`SSN 058-00-3514` fails the
    // SSN rules: group 00), not a national phone number.
    let not_ssn_after_ssn_word =
        |e: usize, context: &mut ContextProbe<'_>| !ssn_shaped(&groups[s..=e]) || !context.ssn();
    let emit_national = |e: usize, out: &mut Candidates, context: &mut ContextProbe<'_>| {
        if allowed(e)
            && !across_point(e)
            && !inside_thousands(chunk, s, e)
            && !labelled(e, context)
            && not_ssn_after_ssn_word(e, context)
        {
            out.push(Candidate::new(first.start, groups[e].end, Kind::Phone));
        }
    };

    // 3. National with trunk prefix 0: contiguous, or a first group of 2-5 digits and
    // 9-12 in all, one kind of separator after the first; the trunk may stand alone
    // (`0 800 300 545`).
    let lone_trunk =
        lead == [0] && groups.get(s + 1).is_some_and(|g| g.head().first().is_some_and(|&d| d != 0));
    if lone_trunk && !first.paren && !chunk.continued_before(s, groups[s + 1].joint) {
        // (Thirteen or fourteen digits for Brazil's long-distance form, a carrier code and an area code
        // of two digits each after the trunk: `0 15 11 90003-0913`.)
        let carrier = groups.get(s + 1..s + 3).is_some_and(|two| two.iter().all(|g| g.len == 2));
        for (e, d) in ends.iter().skip(2) {
            let (digits, run) = match d.total {
                9..=12 => (true, s + 1),
                // (The subscriber number may be joined its own way: `90003-0913`.)
                13 | 14 => (carrier && *e >= s + 4, s + 3),
                _ => (false, s + 1),
            };
            if digits && is_number_run(chunk, run, *e, false) {
                emit_national(*e, out, context);
            }
        }
    }
    // (Not inside a version or build number: `firmware 7.07.257.4021`.)
    if lead.len() >= 2 && lead[0] == 0 && lead[1] != 0 && !(s > 0 && is_version(groups)) {
        if !first.paren && (9..=12).contains(&first.len) {
            emit_national(s, out, context);
        }
        if (2..=6).contains(&first.len)
            && groups.len() > s + 1
            && !chunk.continued_before(s, groups[s + 1].joint)
        {
            // An Argentine mobile holds `15` after the area code: `011 15 4123-4567`.
            let mobile_15 = groups[s + 1].len == 2 && groups[s + 1].value() == 15;
            // A Hungarian number writes its area code after the trunk `06` and, often, a
            // slash after it or parentheses around it: `06-1/234-5678`, `06-20/268-1327`,
            // `06 30/123-4567`, `06 (1) 234-5678`.
            let hungarian_area = lead == [0, 6] && groups[s + 1].len <= 2;
            for (e, d) in ends.iter().skip(1) {
                let digits = match d.total {
                    9..=12 => true,
                    8 => e - s >= 3,
                    13 | 14 => mobile_15 || long_trunk_number(chunk, s, *e),
                    _ => false,
                };
                // (Its `15`, or the Hungarian area code, may be joined one way and the rest
                // another: `15 4123-4567`, `20/268-1327`; a Hungarian number has 10 or 11
                // digits with its trunk, and `06/07-09/07` is a range of dates.)
                let hungarian = hungarian_area && (10..=11).contains(&d.total);
                let run = if (mobile_15 || hungarian) && *e >= s + 2 { s + 1 } else { s };
                if digits && is_number_run(chunk, run, *e, true) {
                    emit_national(*e, out, context);
                }
            }
        }
    }

    // 3a. The trunk `0` in parentheses right before the area code, the rest grouped one
    // way: `(0)6 12345678`, `(0)20 7946 0958` (the international form without its `+44`).
    if is_zero_trunk(first)
        && groups.get(s + 1).is_some_and(|area| area.joint == Joint::Adjacent && !area.paren)
        && !chunk.continued_before(s, Joint::Adjacent)
    {
        for (e, d) in ends.iter().skip(2) {
            if (10..=12).contains(&d.total) && is_number_run(chunk, s + 1, *e, true) {
                emit_national(*e, out, context);
            }
        }
    }

    // 3b. A Japanese number with its exchange in parentheses, no spaces: `090(1234)5678`,
    // `03(3581)3111` (trunk and area code, exchange, line: 10 or 11 digits).
    if let [area, exchange, line, ..] = &groups[s..]
        && lead.first() == Some(&0)
        && !area.paren
        && (2..=5).contains(&area.len)
        && exchange.paren
        && exchange.joint == Joint::Adjacent
        && line.joint == Joint::Adjacent
        && line.len == 4
        && (10..=11).contains(&(area.len + exchange.len + line.len))
        && !chunk.continued_before(s, exchange.joint)
        && !continues(chunk, s + 2, line.joint)
    {
        emit_national(s + 2, out, context);
    }

    // 3c. A Chinese mobile written as one run of 11 digits: `13812345678`.
    if !first.paren && first.len == 11 && matches!(lead, [1, 3..=9, ..]) {
        emit_national(s, out, context);
    }

    // 3d. A mobile number with its country code but without `+` or `00`, as WhatsApp
    // writes it: one run (`254722323051`), or the country code apart and the rest joined
    // one way (`91-75384-10171`, `86 139 2354 6323`).
    let after_plus = chunk.is_first(s) && chunk.plus.is_some();
    // (The first group is the country code, or the whole number.)
    let code_or_whole = (1..=3).contains(&first.len) || (11..=13).contains(&first.len);
    if !first.paren && !after_plus && code_or_whole && ends.iter().any(|(_, d)| (11..=13).contains(&d.total))
    {
        for e in mobiles_without_plus(chunk, s, ends, &values) {
            emit_national(e, out, context);
        }
    }

    // 4. Trunk 1 (NANP) and trunk 8 (RU, KZ, BY); contiguous `89XXXXXXXXX` (RU/KZ mobile) and
    // `870`-`877…` (KZ mobile).
    if first.len == 1 && !first.paren && matches!(lead[0], 1 | 8) {
        let shapes = if lead[0] == 1 { TRUNK_1_SHAPES } else { TRUNK_8_SHAPES };
        let freephone = lead[0] == 1 && groups.get(s + 1).is_some_and(|g| g.len == 3 && g.value() == 800);
        let freephone_shapes = if freephone { TRUNK_1_800_SHAPES } else { &[] };
        for shape in shapes.iter().chain(freephone_shapes) {
            if let Some(e) = shaped_run(chunk, s + 1, shape, true) {
                emit_national(e, out, context);
            }
        }
        // A city code of four or five digits in parentheses after the trunk `8`, ten digits
        // with it, the rest grouped any one way (`8 (71234) 2 22 70`, `8 (4012) 12-34-56`).
        if lead[0] == 8 && groups.get(s + 1).is_some_and(|g| g.paren && (4..=5).contains(&g.len)) {
            for (e, d) in ends.iter().skip(2) {
                if d.total == 11 && is_number_run(chunk, s + 1, *e, true) {
                    emit_national(*e, out, context);
                }
            }
        }
    }
    if !first.paren && first.len == 11 && matches!(lead, [8, 9, ..] | [8, 7, 0..=7, ..]) {
        emit_national(s, out, context);
    }
    // NANP written whole after its trunk: `12125551234` (`1` + area code + exchange, both
    // starting 2-9).
    if !first.paren && first.len == 11 && matches!(lead, [1, 2..=9, ..]) {
        let mut digits = [0u8; 5];
        if first.decode(chunk.hay, &mut digits) == 5 && digits[4] >= 2 {
            emit_national(s, out, context);
        }
    }

    // 5. National without prefix, grouped like a phone number.
    if let Some(e) = brazil_mobile(chunk, s)
        && !chunk.continued_before(s, groups[s + 1].joint)
    {
        emit_national(e, out, context);
    }
    // (A one-digit area code only as Santiago's: `(2) 2324 3818`, nine digits.)
    if first.paren && (1..=5).contains(&first.len) {
        for (e, d) in ends.iter().skip(1) {
            let digits =
                if first.len == 1 { d.total == 9 && lead[0] >= 2 } else { (8..=12).contains(&d.total) };
            if digits && is_number_run(chunk, s, *e, true) {
                emit_national(*e, out, context);
            }
        }
    } else if !first.paren {
        for &(shape, leading) in SHAPES {
            if shape[0] == first.len
                && (leading.is_empty() || leading.iter().any(|&prefix| starts_with_prefix(lead, prefix)))
                && let Some(e) = shaped_run(chunk, s, shape, false)
                && !chunk.continued_before(s, groups[s + 1].joint)
                && !(shape.len() == 2 && two_years(first, &groups[e]))
                && !small_steps(&groups[s..=e])
                && !day_and_month_after_first(&groups[s..=e])
                && !is_version(groups)
                && !is_draw(groups)
            {
                emit_national(e, out, context);
            }
        }
    }

    // 6. Any 7-15 digits near a phone context word: a whole run of groups (or a lone group),
    // not a piece of a longer grouped number, not a thousands-grouped amount unless the
    // phone word stands close before it (`call me on 71 127 287`). A first group in
    // parentheses only as a trunk-0 area code (`Tel. (06586) 90736 625`).
    if out.len() == before && out.len() == national && (!first.paren || lead.first() == Some(&0)) {
        for (e, d) in ends {
            let whole_run = if *e == s {
                !chunk.continued_before(s, first.joint)
                    && !continues(chunk, s, chunk.next_joint(s))
                    && !is_unix_time(first)
            } else {
                // An area code may stand apart from a local number of six digits or more
                // joined another way (`Tel: 3541 52-3456`, Argentina); or, with its trunk
                // `0`, end at a dash or slash before a local number of five digits or more
                // grouped by spaces (`Tel: 046-124 67`, `08-123 456 78`, Sweden).
                let area_apart = *e >= s + 2
                    && (2..=5).contains(&first.len)
                    && ((d.total - first.len >= 6
                        && groups[s + 1].joint == Joint::Sep(Sep::Space)
                        && groups[*e].joint != Joint::Sep(Sep::Space))
                        || (lead[0] == 0
                            && d.total - first.len >= 5
                            && matches!(groups[s + 1].joint, Joint::Sep(Sep::Dash | Sep::Slash))
                            && groups[*e].joint == Joint::Sep(Sep::Space)));
                !chunk.continued_before(s, groups[s + 1].joint)
                    && is_number_run(chunk, s, *e, first.paren || area_apart)
            };
            // `123-45-6789` is an SSN shape: the SSN rules decide it, not phone context; a
            // `#` glued in front makes an order or ticket number (`checking on #6048322`).
            if (7..=15).contains(&d.total)
                && whole_run
                && (!hash_glued || context.phone_word_adjacent())
                && !ssn_shaped(&groups[s..=*e])
                && !inside_thousands(chunk, s, *e)
                && (allowed(*e) || (address_of_pairs(&groups[s..=*e]) && allowed_unless(*e, FLAG_IPV4)))
                && (context.phone()
                    // (A number word alone names a mobile number: `numer 573856491`.)
                    || ((9..=11).contains(&d.len)
                        && context
                            .number_word_alone()
                            .is_some_and(|word| is_national_mobile_after(word, &values[..d.len]))))
                && !(*e == s + 1 && two_years(&groups[s], &groups[*e]))
                && !is_draw(groups)
                && !(across_point(*e) && minus_before(chunk))
                && (!(is_thousands(&groups[s..=*e])
                    || across_point(*e)
                    || is_version(groups)
                    || has_long_fraction(groups)
                    || !allowed(*e))
                    || context.phone_word_close())
                && !labelled(*e, context)
            {
                out.push(Candidate::new(first.start, groups[*e].end, Kind::Phone));
            }
        }
    }
}

/// Whether dot-joined groups read as an IPv4 address are written as eight- and nine-digit
/// numbers are in the markets that dot them (Denmark, Monaco, West Africa): four groups of
/// two digits, or one of them of three (`70.12.34.56`, `30.101.23.45`). Such a number is a
/// phone only when a phone word stands close before it (rule 6): `tel. 32.12.34.56`, but
/// `ip 32.12.34.56`.
fn address_of_pairs(groups: &[Group]) -> bool {
    groups.len() == 4
        && groups.iter().all(|g| matches!(g.len, 2 | 3))
        && groups.iter().filter(|g| g.len == 3).count() <= 1
}

/// The end groups of the readings of rule 3d from group `s` (see [`is_mobile_without_plus`]);
/// `values` holds the digits of `ends`. Out of line: few chunks get this far.
#[inline(never)]
fn mobiles_without_plus(
    chunk: &Chunk<'_>,
    s: usize,
    ends: &[(usize, Digits)],
    values: &[u8],
) -> ArrayVec<usize, 3> {
    let groups = chunk.groups();
    let first = &groups[s];
    let mut found = ArrayVec::new();
    let not_continued = || !chunk.continued_before(s, groups.get(s + 1).map_or(first.joint, |g| g.joint));
    for (e, d) in ends.iter().filter(|(_, d)| (11..=13).contains(&d.total) && d.len == d.total) {
        let code_len = (*e > s).then_some(first.len);
        let whole = || {
            if *e == s {
                !continues(chunk, s, chunk.next_joint(s))
            } else {
                is_number_run(chunk, s, *e, true)
            }
        };
        // (No group in parentheses: a number written without its `+` has no area code
        // set off, and `40.7 (57838772)` is a version and its build.)
        if is_mobile_without_plus(&values[..d.len], code_len)
            && !groups[s..=*e].iter().any(|g| g.paren)
            && whole()
            && not_continued()
            && !found.is_full()
        {
            found.push(*e);
        }
    }
    found
}

/// Whether groups `s..=e` (13 or 14 digits, a trunk `0` first) are the rest of the chunk
/// from a group that starts a run, joined by plain separators: an Austrian number, up to 13
/// digits after the trunk (`05255 07845 322`, `02195/70829522`, also after another number
/// and a slash: `+498358205476/(0448) 495898868`), or a long German one (REFERENCE §4:
/// 5-15). Not a slice of more digits (an IMEI `01-752999-692267-9`, the end of
/// `527-32-0860/761 18 4381`, whose `0860` ends a run joined by dashes), nor numbers apart
/// (`0569 / 690096745`).
fn long_trunk_number(chunk: &Chunk<'_>, s: usize, e: usize) -> bool {
    let groups = chunk.groups();
    // (A first group of the window that is not the chunk's has no group before it here: the
    // run it is in is unknown, so it starts none.)
    let starts_run = chunk.is_first(s)
        || (s > 0
            && !groups[s].joint.same_sep(groups[s - 1].joint)
            && !groups[s + 1].joint.same_sep(groups[s].joint));
    starts_run && chunk.is_last(e) && groups[s + 1..=e].iter().all(|g| !matches!(g.joint, Joint::Spaced(_)))
}

/// Whether `groups` are an SSN's three groups of 3, 2 and 4 digits.
fn ssn_shaped(groups: &[Group]) -> bool {
    matches!(groups, [a, b, c] if [a.len, b.len, c.len] == [3, 2, 4])
}

/// Whether groups `s..=e` (at least two) read as one number: every joint after the first
/// (after the second with `first_free`) is the same kind of separator, the last group has
/// two digits or more, and the next group does not continue it.
fn is_number_run(chunk: &Chunk<'_>, s: usize, e: usize, first_free: bool) -> bool {
    let groups = chunk.groups();
    let from = if first_free { s + 2 } else { s + 1 };
    let inner = groups[e].joint;
    if groups[e].len < 2 || (from <= e && !matches!(inner, Joint::Sep(_) | Joint::Spaced(_))) {
        return false;
    }
    if groups.get(from..=e).is_some_and(|run| run.iter().any(|g| !g.joint.same_sep(inner))) {
        return false;
    }
    !continues(chunk, e, inner)
}

/// Whether the group after `e` continues the number (see `Chunk::continued_after`), unless
/// it is an amount of its own (`07911 123456 20 GBP`; never a group too long for a value),
/// the hour of a time of day that ends the chunk (`07911 123456 10:30`), or a count of
/// at most three digits that ends the chunk before a word (`020 7946 0212 123 times`).
fn continues(chunk: &Chunk<'_>, e: usize, joint: Joint) -> bool {
    chunk.continued_after(e, joint)
        && chunk.groups().get(e + 1).is_some_and(|next| {
            next.len > MAX_DIGITS
                // (After a spaced dash or slash, a group joined tighter makes one number with
                // group `e`, an amount too: `— 581.012,31 €`.)
                || joint.binds_looser_than(next.joint)
                || !(amount_after(chunk, e + 1)
                    || (chunk.is_last(e + 1)
                        && (is_hour_of_time(chunk.hay, next)
                            || (next.len <= 3 && word_after(chunk.hay, next.end)))))
        })
}

/// Whether a space and a letter follow `at` (`… 123 times`).
fn word_after(hay: &[u8], at: usize) -> bool {
    hay.get(at) == Some(&b' ') && char_at(hay, at + 1).is_some_and(|(c, _)| c.is_alphabetic())
}

/// Unix times in milliseconds (13 digits from 2001 on, starting with 1). Ten-digit seconds
/// are left alone: they collide with German mobiles written without the trunk
/// (`Handy 1701234567`).
fn is_unix_time(group: &Group) -> bool {
    group.len == 13 && group.head()[0] == 1 && !group.paren
}

/// A number and a day and month written after it (`рейс PS 509 17.09`, a flight on 17
/// September): three groups, the last two two-digit ones joined by a dot as the first two
/// are not.
fn day_and_month_after_first(groups: &[Group]) -> bool {
    matches!(groups, [_, day, month]
        if day.len == 2
            && month.len == 2
            && month.joint == Joint::Sep(Sep::Dot)
            && day.joint != Joint::Sep(Sep::Dot)
            && crate::scan::chunk::day_and_month(day.value(), month.value()))
}

/// Whether groups joined by dots read as a version or build number (`10.0.23245.5364`,
/// `28.5.67665`, `12.19.58369`, `2.62.741.1624`, `13.38.156.7953`): three groups or more,
/// one of them of a single digit, or the last of five digits or more; or four groups or
/// more, none shorter than the one before it and the first not starting with the trunk `0`
/// (major, minor, build, revision). Dotted phone numbers group their digits in twos to
/// fours, the first group as long as the rest or longer, or after a trunk (`06.12.34.56.78`,
/// `336.742.4765`, `612.34.56.78`, `91.123.45.67`).
fn is_version(groups: &[Group]) -> bool {
    let Some((first, rest)) = groups.split_first() else { return false };
    groups.len() >= 3
        && !first.paren
        && rest.iter().all(|g| g.joint == Joint::Sep(Sep::Dot) && !g.paren)
        && (groups.iter().any(|g| g.len == 1)
            || rest.last().is_some_and(|g| g.len >= 5)
            || (groups.len() >= 4
                && first.head().first() != Some(&0)
                && groups.windows(2).all(|pair| pair[0].len <= pair[1].len)))
}

/// Whether the text before `at` is a UPS tracking number's start: `1Z`, then its shipper
/// code of six upper-case letters or digits in one or more groups, each joined by one space
/// (`1Z RMT TPK `, `1Z RMTTPK `, `1Z 2FN P1M `).
fn after_ups_shipper(hay: &[u8], at: usize) -> bool {
    let Some(before) = at.checked_sub(1).and_then(|end| hay.get(end.saturating_sub(16)..end)) else {
        return false;
    };
    if hay[at - 1] != b' ' {
        return false;
    }
    // Only this line's text (found by the fuzz smoke: a line before, `…\r\n1Z RMT TPK 75
    // 9401 9597`, made the window's first token `\r\n1Z` when masking the whole text, but
    // not when the stream masked the line apart).
    let before = before.rsplit(|&b| matches!(b, b'\n' | b'\r')).next().unwrap_or_default();
    let mut letters = 0;
    for token in before.rsplit(|&b| b == b' ') {
        if token.eq_ignore_ascii_case(b"1Z") {
            return letters == 6;
        }
        if token.is_empty() || !token.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            return false;
        }
        letters += token.len();
    }
    false
}

/// Whether the chunk is the nine digits of a UPU S10 tracking number (the form of most
/// national posts: `RB 143 948 599 BR`, `LB 14394859 9 CN`) between its two-letter service
/// code and its two-letter country code, a space at most between, the ninth digit the check
/// digit of the first eight (weights 8 6 4 2 3 5 9 7, 11 minus the sum modulo 11; 10 is
/// written 0, 11 is written 5).
fn is_s10_tracking(chunk: &Chunk<'_>) -> bool {
    let groups = chunk.groups();
    if !chunk.complete || chunk.total_digits != 9 || chunk.plus.is_some() || groups.iter().any(|g| g.paren) {
        return false;
    }
    let hay = chunk.hay;
    let code = |at: usize| hay.get(at..at + 2).is_some_and(|pair| pair.iter().all(u8::is_ascii_uppercase));
    let word_char = |at: Option<usize>| at.and_then(|at| hay.get(at)).is_some_and(u8::is_ascii_alphanumeric);
    let start = groups[0].start;
    let before = if start > 0 && hay[start - 1] == b' ' { start - 1 } else { start };
    let end = groups[groups.len() - 1].end;
    let after = if hay.get(end) == Some(&b' ') { end + 1 } else { end };
    let coded = before >= 2
        && code(before - 2)
        && !word_char(before.checked_sub(3))
        && code(after)
        && !word_char(Some(after + 2));
    if !coded {
        return false;
    }
    let mut digits = [0u8; 9];
    let mut count = 0;
    for group in groups {
        count += group.decode(hay, &mut digits[count.min(9)..]);
    }
    let sum: u32 = digits[..8].iter().zip([8, 6, 4, 2, 3, 5, 9, 7]).map(|(&d, w)| u32::from(d) * w).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        check => check,
    };
    count == 9 && u32::from(digits[8]) == check
}

/// Whether a minus sign stands right before the chunk (`-41.51209`): a `-` after a space,
/// punctuation or the start of the text.
fn minus_before(chunk: &Chunk<'_>) -> bool {
    let hay = chunk.hay;
    let at = chunk.start;
    at > 0 && hay[at - 1] == b'-' && (at < 2 || !hay[at - 2].is_ascii_alphanumeric())
}

/// Whether the groups are a lottery draw or a list of small numbers: six or more groups of
/// one or two digits, rising (`5-8-15-23-32-48`, `04 09 19 23 44 48`). No phone number is
/// written in six groups that short.
fn is_draw(groups: &[Group]) -> bool {
    groups.len() >= 6
        && groups.iter().all(|g| g.len <= 2 && !g.paren)
        && groups.windows(2).all(|pair| pair[0].value() < pair[1].value())
}

/// Whether groups are written as only phone numbers are, which a label in front does not
/// make an identifier and a currency after does not make an amount: an area code in
/// parentheses (`(201) 555-0123`), five groups of one or two digits (`06 12 34 56 78`), the
/// North American 3-3-4 (`333 123 4567`, the area code starting with 2-9), after an optional trunk `1`
/// (`1-800-555-0199`), or the Russian 3-3-2-2 after its trunk `8` (`8 912 345 67 89`).
/// (An `00` prefix apart, `0044 7966 197542`, is read by rule 2, which asks only whether
/// the number is one group.) Not four pairs (`qty 10 20 30 40`), the Spanish 3-2-2-2 or the
/// 3-3-2-2 without a trunk, which article and tax numbers share (`Art.-Nr. 123 45 67 89`,
/// `NIP 123-456-32-18`).
pub(crate) fn phone_grouped(groups: &[Group]) -> bool {
    let lengths = |from: usize| groups[from..].iter().map(|g| g.len);
    // (NANP's area code starts with 2-9: `SKU 100-200-3000` is no phone number.)
    let nanp = |from: usize| groups[from].head().first().is_some_and(|&d| d >= 2);
    groups.len() >= 2
        && (groups.iter().any(|g| g.paren)
            || (groups.len() >= 5 && groups.iter().all(|g| g.len <= 2))
            || (lengths(0).eq([3, 3, 4]) && nanp(0))
            || (lengths(0).eq([1, 3, 3, 4]) && nanp(1))
            || lengths(0).eq([1, 3, 3, 2, 2]))
}

/// Whether a group of five digits or more follows a short one after a dot: the fraction of
/// a coordinate or measurement (`-41.51209 -147.04116`, `52.894055,120.355313`).
fn has_long_fraction(groups: &[Group]) -> bool {
    groups
        .windows(2)
        .any(|pair| pair[1].joint == Joint::Sep(Sep::Dot) && pair[0].len <= 3 && pair[1].len >= 5)
}

/// Whether groups `s..=e` are the end of an amount written in thousands that starts before
/// them (`1.500.000.000`, `1 000 000 000`): the groups before `s` joined the same way as
/// the groups of `s..=e`, and all of them together, read as one amount (see
/// [`is_thousands`]).
fn inside_thousands(chunk: &Chunk<'_>, s: usize, e: usize) -> bool {
    let groups = chunk.groups();
    if s == 0 || e == s {
        return false;
    }
    let joint = groups[s + 1].joint;
    let mut first = s;
    while first > 0 && groups[first].joint.same_sep(joint) {
        first -= 1;
    }
    first < s && is_thousands(&groups[first..=e])
}

/// Whether the groups from `from` have exactly the lengths of `shape`, read as one number
/// (see `is_number_run`; the joint after the first group may differ from the others:
/// `916 123-45-67`, `11 98765-4321`), and are not continued. Returns the last group. With
/// `after_trunk`, the first group may be in parentheses. A shape may be one group (`1 2125551234`).
fn shaped_run(chunk: &Chunk<'_>, from: usize, shape: &[usize], after_trunk: bool) -> Option<usize> {
    let groups = chunk.groups();
    let run = groups.get(from..from + shape.len())?;
    if !run.iter().zip(shape).all(|(g, &len)| g.len == len)
        || run.iter().enumerate().any(|(i, g)| g.paren && !(after_trunk && i == 0))
        || run
            .get(1)
            .is_some_and(|second| !matches!(second.joint, Joint::Sep(_) | Joint::Spaced(_) | Joint::Adjacent))
    {
        return None;
    }
    let last = from + shape.len() - 1;
    is_number_run(chunk, from, last, true).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_prefix_free_and_parse() {
        for &(code, min, max) in COUNTRY_CODES {
            assert!(min <= max, "{code}");
            let text = code.to_string();
            for other in COUNTRY_CODES {
                let other_text = other.0.to_string();
                if other.0 != code {
                    assert!(!other_text.starts_with(&text), "{code} is a prefix of {}", other.0);
                }
            }
        }
        assert_eq!(country_code(&[4, 4, 7, 9]), Some((2, 7..=10)));
        assert_eq!(country_code(&[3, 8, 0, 5]), Some((3, 9..=9)));
        assert_eq!(country_code(&[1, 2, 0]), Some((1, 10..=10)));
        assert_eq!(country_code(&[2, 8, 9]), None);
        assert_eq!(country_code(&[0, 1, 2]), None, "no code starts with 0");
    }

    #[test]
    fn mobile_table_is_sorted_and_agrees_with_the_country_lengths() {
        assert!(
            MOBILE_WITHOUT_PLUS.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "sorted by code, once each"
        );
        for &(code, prefixes, (shortest, longest)) in MOBILE_WITHOUT_PLUS {
            let &(_, min, max) = COUNTRY_CODES.iter().find(|entry| entry.0 == code).expect("a known code");
            assert!(
                min <= shortest && shortest <= longest && longest <= max,
                "{code}: lengths within the country's"
            );
            assert!(
                !prefixes.is_empty()
                    && prefixes.iter().all(|p| p.bytes().all(|b| b == b'?' || b.is_ascii_digit()))
            );
        }
        let digits = |text: &str| text.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        assert!(is_mobile_without_plus(&digits("447911123456"), None));
        assert!(is_mobile_without_plus(&digits("447911123456"), Some(2)));
        assert!(!is_mobile_without_plus(&digits("447911123456"), Some(3)), "the code written apart is 44");
        assert!(!is_mobile_without_plus(&digits("442079460958"), None), "a London landline");
        assert!(is_mobile_without_plus(&digits("5511987654321"), None));
        assert!(!is_mobile_without_plus(&digits("5501987654321"), None), "no area code starts with 0");
        assert!(!is_mobile_without_plus(&digits("12025550123"), None), "NANP is left out");
    }

    #[test]
    fn number_word_markets_have_mobile_prefixes_and_decide_by_language() {
        for &(word, _, markets) in NUMBER_WORD_MARKETS {
            assert_eq!(word, word.to_lowercase(), "{word}: lower case");
            for code in markets {
                assert!(
                    MOBILE_WITHOUT_PLUS.iter().any(|entry| entry.0 == *code),
                    "{word}: {code} has no mobile prefixes"
                );
            }
        }
        let digits = |text: &str| text.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        let word = |text, before| NumberWord { text, before };
        assert!(is_national_mobile_after(word("Numer", None), &digits("573856491")), "Poland 57");
        assert!(!is_national_mobile_after(word("numer", None), &digits("493856491")), "no Polish mobile");
        assert!(is_national_mobile_after(word("NÚMERO", None), &digits("85992694728")), "Brazil");
        assert!(
            !is_national_mobile_after(word("numéro", None), &digits("536221847")),
            "French 5 is no mobile"
        );
        assert!(is_national_mobile_after(word("number", Some("The")), &digits("9876543210")), "India");
        assert!(
            !is_national_mobile_after(word("number", Some("loyalty")), &digits("9876543210")),
            "whose number"
        );
        assert!(
            is_national_mobile_after(word("номер", Some("новый")), &digits("501234567")),
            "owner after it"
        );
        assert!(!is_national_mobile_after(word("nr", None), &digits("573856491")), "an abbreviation");
        assert!(!is_national_mobile_after(word("numer", None), &digits("5738564910123")), "too long");
    }
}

//! Payment card numbers: 12-19 digits in consecutive groups joined by space, dash or dot
//! (one kind of separator, or several in a card's own grouping: `5371 1023-4169 6395`),
//! valid when the Luhn check passes and a brand issues cards of that IIN and length.
//!
//! IIN ranges and lengths: REFERENCE §1 (Wikipedia "Payment card number", braintree
//! credit-card-type, cleave.js), taking the union where sources disagree (fail closed).

use crate::kind::Kind;
use crate::scan::chars::{Sep, char_before, is_letter};
use crate::scan::chunk::{Chunk, Group, Joint, MAX_DIGITS};
use crate::scan::{Candidate, Candidates};
use crate::validate::context::ContextProbe;
use crate::validate::numbers::{self, is_decimal};

/// Lengths as a bit set: bit `n` set = `n` digits allowed.
const fn lengths(list: &[u32]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < list.len() {
        mask |= 1 << list[i];
        i += 1;
    }
    mask
}

const L12_19: u32 = lengths(&[12, 13, 14, 15, 16, 17, 18, 19]);
const L14_19: u32 = lengths(&[14, 15, 16, 17, 18, 19]);
const L16_19: u32 = lengths(&[16, 17, 18, 19]);
const L16: u32 = lengths(&[16]);
const L15: u32 = lengths(&[15]);

/// Digits of the prefix every IIN range is compared on (the longest range has 8).
const PREFIX_DIGITS: u32 = 8;

/// One IIN range: the first `digits` digits of the number lie in `low..=high`.
#[derive(Debug)]
struct Iin {
    brand: &'static str,
    // The range as written: the property test checks `padded` against it.
    #[cfg_attr(not(test), allow(dead_code))]
    low: u32,
    #[cfg_attr(not(test), allow(dead_code))]
    high: u32,
    #[cfg_attr(not(test), allow(dead_code))]
    digits: u8,
    lengths: u32,
    /// `low..=high` padded to [`PREFIX_DIGITS`] digits (`51..=55` is `51000000..=55999999`),
    /// so that every range is tested on the same 8-digit prefix, computed once per number.
    padded: (u32, u32),
}

const fn iin(brand: &'static str, low: u32, high: u32, lengths: u32) -> Iin {
    let mut digits = 1;
    let mut x = low / 10;
    while x > 0 {
        digits += 1;
        x /= 10;
    }
    let scale = 10u32.pow(PREFIX_DIGITS - digits);
    Iin { brand, low, high, digits: digits as u8, lengths, padded: (low * scale, (high + 1) * scale - 1) }
}

static IINS: &[Iin] = &IIN_TABLE;

const IIN_TABLE: [Iin; 58] = [
    iin("Visa", 4, 4, lengths(&[13, 16, 18, 19])),
    iin("Mastercard", 51, 55, L16),
    iin("Mastercard", 2221, 2720, L16),
    iin("American Express", 34, 34, L15),
    iin("American Express", 37, 37, L15),
    iin("Discover", 6011, 6011, L16_19),
    iin("Discover", 644, 649, L16_19),
    iin("Discover", 65, 65, L16_19),
    iin("Discover", 622126, 622925, L16_19),
    iin("JCB", 3528, 3589, L16_19),
    iin("JCB", 1800, 1800, lengths(&[15, 16])),
    iin("JCB", 2131, 2131, lengths(&[15, 16])),
    // JCB read as its whole `35` at 16 digits, as common card patterns (regular-expressions.info,
    // cleave.js) and test-data generators (Faker) read and write it: 3500-3527 and 3590-3599
    // hold no JCB card, but a Luhn-valid 16-digit number there is masked (fail closed).
    iin("JCB", 35, 35, L16),
    iin("Diners Club", 30, 30, L14_19),
    iin("Diners Club", 36, 36, L14_19),
    iin("Diners Club", 38, 39, L14_19),
    iin("UnionPay", 62, 62, L14_19),
    iin("UnionPay", 81, 81, L16_19),
    iin("Maestro", 5018, 5018, L12_19),
    iin("Maestro", 5020, 5020, L12_19),
    iin("Maestro", 5038, 5038, L12_19),
    iin("Maestro", 5893, 5893, L12_19),
    iin("Maestro", 6304, 6304, L12_19),
    iin("Maestro", 6759, 6759, L12_19),
    iin("Maestro", 6761, 6763, L12_19),
    iin("Maestro UK", 676770, 676770, L12_19),
    iin("Maestro UK", 676774, 676774, L12_19),
    // braintree's broad Maestro ranges, only at the common lengths; 56-59 (older Wikipedia
    // revisions too) and 6390 (older Wikipedia, Faker) at 12 digits as well. Not at 13-15:
    // a South African ID number (13 digits, a birth date first, a Luhn check digit last)
    // would read as a card (`570405 2687 920`).
    iin("Maestro", 50, 50, L16_19),
    iin("Maestro", 56, 59, lengths(&[12, 16, 17, 18, 19])),
    iin("Maestro", 6390, 6390, lengths(&[12])),
    iin("Maestro", 6, 6, L16_19),
    iin("Maestro", 493698, 493698, L16_19),
    iin("Mir", 2200, 2204, L16_19),
    iin("RuPay", 60, 60, L16),
    iin("RuPay", 65, 65, L16),
    iin("RuPay", 81, 82, L16),
    iin("RuPay", 508, 508, L16),
    iin("RuPay", 353, 353, L16),
    iin("RuPay", 356, 356, L16),
    iin("Troy", 9792, 9792, L16),
    iin("Verve", 506099, 506198, lengths(&[16, 18, 19])),
    iin("Verve", 507865, 507964, lengths(&[16, 18, 19])),
    iin("Verve", 650002, 650027, lengths(&[16, 18, 19])),
    iin("UATP", 1, 1, L15),
    iin("Dankort", 5019, 5019, L16),
    iin("Borica", 2205, 2205, L16),
    iin("UkrCard", 60400100, 60420099, L16_19),
    iin("LankaPay", 357111, 357111, L16),
    iin("UzCard", 8600, 8600, L16),
    iin("UzCard", 5614, 5614, L16),
    iin("Humo", 9860, 9860, L16),
    iin("InterPayment", 636, 636, L16_19),
    iin("InstaPayment", 637, 639, L16),
    iin("NPS Pridnestrovie", 6054740, 6054744, L16),
    iin("Hipercard", 384100, 384100, lengths(&[16, 19])),
    iin("Hipercard", 384140, 384140, lengths(&[16, 19])),
    iin("Hipercard", 384160, 384160, lengths(&[16, 19])),
    // Not in REFERENCE: Vietnam's domestic scheme (the bank BINs 9704xx), cards of 16 and 19
    // digits.
    iin("Napas", 9704, 9704, lengths(&[16, 19])),
];

/// Per two-digit prefix (`00`-`99`): the lengths of every IIN range that holds numbers
/// starting so. Most digit runs that reach the card check (parcel numbers, order numbers
/// passing Luhn by chance) have no brand, and are turned away here by one lookup instead
/// of a walk through every range.
static LENGTHS_BY_PREFIX: [u32; 100] = {
    let mut table = [0u32; 100];
    let scale = 10u32.pow(PREFIX_DIGITS - 2);
    let mut prefix = 0;
    while prefix < 100 {
        let (low, high) = (prefix as u32 * scale, (prefix as u32 + 1) * scale - 1);
        let mut i = 0;
        while i < IIN_TABLE.len() {
            let range = IIN_TABLE[i].padded;
            if range.0 <= high && low <= range.1 {
                table[prefix] |= IIN_TABLE[i].lengths;
            }
            i += 1;
        }
        prefix += 1;
    }
    table
};

/// The Luhn check over digit values (rightmost digit is the check digit).
///
/// A hand-written loop over already-decoded digits: the `luhn` crate takes a `&str` and
/// would need the digits re-encoded (and separators stripped) into a new string first.
/// Doubled digits come from a table (indexed by the digit's low four bits, so any byte is a
/// valid index).
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    const DOUBLED: [u8; 16] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9, 0, 0, 0, 0, 0, 0];
    let mut sum = 0u32;
    let mut pairs = digits.rchunks_exact(2);
    for pair in &mut pairs {
        sum += u32::from(pair[1]) + u32::from(DOUBLED[usize::from(pair[0] & 15)]);
    }
    sum += pairs.remainder().iter().map(|&d| u32::from(d)).sum::<u32>();
    sum.is_multiple_of(10)
}

/// The brand of a card number of this IIN and length, if any brand issues it.
pub(crate) fn brand(digits: &[u8]) -> Option<&'static str> {
    let len = digits.len();
    let [first, second, ..] = *digits else { return None };
    let lengths = LENGTHS_BY_PREFIX.get(usize::from(first) * 10 + usize::from(second)).copied().unwrap_or(0);
    if len >= 32 || lengths & (1 << len) == 0 {
        return None;
    }
    let prefix = (0..PREFIX_DIGITS as usize)
        .fold(0u32, |acc, i| acc * 10 + u32::from(digits.get(i).copied().unwrap_or(0)));
    IINS.iter()
        .find(|iin| iin.lengths & (1 << len) != 0 && (iin.padded.0..=iin.padded.1).contains(&prefix))
        .map(|iin| iin.brand)
}

/// Whether digits form a valid card number.
pub(crate) fn is_card(digits: &[u8]) -> bool {
    // The brand first: its prefix table turns most numbers away in one lookup.
    (12..=19).contains(&digits.len()) && brand(digits).is_some() && luhn_valid(digits)
}

/// Pushes every card starting at group `s` of the chunk that does not overlap `veto` (the
/// digits of a known non-IBAN) and is not labelled as a product or parcel code.
pub(crate) fn candidates(
    chunk: &Chunk<'_>,
    s: usize,
    context: &mut ContextProbe<'_>,
    veto: Option<(usize, usize)>,
    out: &mut Candidates,
) {
    let groups = chunk.groups();
    // The digits after the point of a decimal number (`0.4405622415499098`) are no card;
    // nor any digits of an Amazon order number (`303-1525809-7385174`, whose 17 digits, or
    // the 14 of its last two groups, pass the Luhn check one time in ten).
    if (s == 1 && is_decimal(chunk)) || (groups.len() == 3 && numbers::is_order_or_payment_reference(chunk)) {
        return;
    }
    // No card starts with a group of two or three digits inside a run of groups joined one
    // way (`ICCID 89 39 48 0829 0948 0268 5`: the middle of a SIM card's number).
    if s > 0
        && (2..4).contains(&groups[s].len)
        && groups.get(s + 1).is_some_and(|next| next.joint.same_sep(groups[s].joint))
    {
        return;
    }
    // A word in front of the chunk names its first number, not a card after it (`tracking
    // 597133730061 - 4233-3700-0901-7011`: a parcel, then a card).
    let label_applies = chunk.named_from_front(s);
    let mut digits = [0u8; MAX_DIGITS];
    let mut count = 0;
    // Whether the groups so far are joined by more than one kind of separator.
    let mut mixed = false;
    // Slashes join a card's groups only when they join them all (`6228/1922/9483/7404`),
    // and only its own grouping, which no date or fraction has.
    let slashed = groups.get(s + 1).is_some_and(|next| next.joint == Joint::Sep(Sep::Slash));
    for (e, group) in groups.iter().enumerate().skip(s) {
        let joined = e == s
            || matches!(
                group.joint,
                Joint::Sep(Sep::Space | Sep::Dash | Sep::Dot) | Joint::Spaced(Sep::Dash)
            )
            || (slashed && group.joint == Joint::Sep(Sep::Slash));
        if group.paren || !joined || count + group.len > MAX_DIGITS {
            return;
        }
        mixed |= e > s + 1 && !group.joint.same_sep(groups[s + 1].joint);
        if slashed && mixed {
            return;
        }
        group.decode(chunk.hay, &mut digits[count..count + group.len]);
        count += group.len;
        let start = groups[s].start;
        let clear = veto.is_none_or(|(veto_start, veto_end)| group.end <= veto_start || veto_end <= start);
        if count >= 12
            // (A slash after a card written in one group joins none of its groups: `4111…1111/12/27`.)
            && (!(mixed || (slashed && e > s)) || in_card_groups(&groups[s..=e]))
            && clear
            && !(e == s + 1 && chunk.is_first(s) && is_decimal(chunk))
            // After a `+`, a phone number's sign, only the whole chunk may be a card (`+34 612
            // 34 43 06 2024-10-27…`: a phone, then a date).
            && !(chunk.is_first(s) && chunk.plus.is_some() && !chunk.is_last(e))
            && is_card(&digits[..count])
            && !is_slice_of_longer_number(chunk, s, e)
            && !(label_applies && short_group_after(chunk, s, e) && context.labelled())
            && !(label_applies && context.product_code())
            // Twelve or thirteen digits (old Visa and Maestro lengths) right after a label, or
            // a `#` glued in front, are the identifier named (`order 4571190589024`,
            // `#585915013775`: one random number in a hundred passes), unless a card word
            // stands in front (`card #585915013775`).
            && !(count <= 13
                && label_applies
                && (context.labelled() || (chunk.number_sign_before(s) && !context.card_word_in_front())))
        {
            out.push(Candidate::new(start, group.end, Kind::Card));
        }
    }
}

/// Whether groups are a card's own grouping: fours, the last of three or four digits (or
/// seven: `4-4-4-7`), or Amex's and Diners' `4-6-5` and `4-6-4`. A card typed with two kinds
/// of separator (`5371 1023-4169 6395`) is still a card when grouped so; other groupings
/// joined by mixed separators are other numbers side by side (two SSNs `445-11-7833
/// 820-20-3868`, coordinates `35.681236 139.767125`).
fn in_card_groups(groups: &[Group]) -> bool {
    let lengths = || groups.iter().map(|g| g.len);
    let Some((last, fours)) = groups.split_last() else { return false };
    let in_fours = fours.iter().all(|g| g.len == 4)
        && (matches!(last.len, 3 | 4) || (last.len == 7 && fours.len() == 3));
    in_fours || lengths().eq([4, 6, 5]) || lengths().eq([4, 6, 4])
}

/// Whether a card written in groups of four or more is followed by a shorter group joined
/// the same way that ends the chunk (`5345 5978 9724 0451 39`): a security code typed after
/// a card, or the end of a longer number, which a label right in front of it says (`order
/// number …`, `Buchungsnummer …`). Not an expiry date's month (`… 2971 12/26`): the chunk
/// goes on after it.
fn short_group_after(chunk: &Chunk<'_>, s: usize, e: usize) -> bool {
    let groups = chunk.groups();
    e > s
        && chunk.is_last(e + 1)
        && groups[s..=e].iter().all(|g| g.len >= 4)
        && groups
            .get(e + 1)
            .is_some_and(|next| next.len <= 3 && !next.paren && next.joint.same_sep(groups[s + 1].joint))
}

/// Whether a card written in groups of four (`4994 4835 4598 6745`) is only a slice of a
/// longer number written the same way, such as a 20-22 digit parcel tracking number: a
/// four-digit group joined the same way comes right before or right after it. Card data
/// next to a card makes no such number: one four-digit group after it that reads as an
/// expiry date (`… 1111 1227`: month and year; or a year, `… 1111 2027`), or whole cards
/// in a row, each valid
/// (`4111 1111 1111 1111 5555 5555 5555 4444`).
fn is_slice_of_longer_number(chunk: &Chunk<'_>, s: usize, e: usize) -> bool {
    let groups = chunk.groups();
    if e == s || groups[s..e].iter().any(|g| g.len != 4) {
        return false;
    }
    let joint = groups[s + 1].joint;
    // Group `i` has four digits and is joined to the group before it as the card's are.
    let four_joined = |i: usize| groups.get(i).is_some_and(|g| g.len == 4 && g.joint.same_sep(joint));
    let mut first = chunk.fours_before(s, joint);
    // A four-digit group joined to the group before it another way ends a number written
    // another way (`4012-8888-8888-1881 4012 8888 8888 1881`: two cards), not this one.
    if first > 0 && first < s && !groups[first].joint.same_sep(joint) {
        first += 1;
    }
    // Nor is a first group glued to letters before it (`order no.260407DPFB5340 5401 9858
    // 5654 1467`): the end of a code, not the start of a number in fours.
    if first < s
        && chunk.is_first(first)
        && char_before(chunk.hay, chunk.start).is_some_and(|(c, _)| is_letter(c))
    {
        first += 1;
    }
    // A last group shorter than four (`4111 1111 1111 1101 111`) ends a number written in
    // fours: the group after it starts another one.
    let mut last = e;
    while groups[e].len == 4 && four_joined(last + 1) {
        last += 1;
    }
    if (first, last) == (s, e) {
        return false;
    }
    let expiry = groups[last].value();
    let expiry_after = first == s
        && last == e + 1
        && ((1..=12).contains(&(expiry / 100)) || (2000..=2099).contains(&expiry));
    // Another card right before or after it, grouped its own way, is no longer number
    // either (`3605 095717 5907 3588 5454 1728 3049`: a Diners card, then a JCB card).
    let cards_beside =
        (first == s || card_ends_at(chunk, s - 1)) && (last == e || card_starts_at(chunk, e + 1));
    !(expiry_after || cards_beside || cards_in_a_row(chunk, (first, last), (s, e)))
}

/// Whether the digits of groups `from..=to` are a valid card.
fn is_card_between(chunk: &Chunk<'_>, from: usize, to: usize) -> bool {
    let mut digits = [0u8; MAX_DIGITS];
    let mut count = 0;
    for group in &chunk.groups()[from..=to] {
        if count + group.len > MAX_DIGITS {
            return false;
        }
        count += group.decode(chunk.hay, &mut digits[count..count + group.len]);
    }
    is_card(&digits[..count])
}

/// Whether a valid card ends at group `e` (starting at some group before it).
fn card_ends_at(chunk: &Chunk<'_>, e: usize) -> bool {
    let groups = chunk.groups();
    let mut digits = 0;
    (0..=e).rev().any(|from| {
        digits += groups[from].len;
        (12..=MAX_DIGITS).contains(&digits) && is_card_between(chunk, from, e)
    })
}

/// Whether a valid card starts at group `s` (ending at some group after it).
fn card_starts_at(chunk: &Chunk<'_>, s: usize) -> bool {
    let groups = chunk.groups();
    let mut digits = 0;
    (s..groups.len()).any(|to| {
        digits += groups[to].len;
        (12..=MAX_DIGITS).contains(&digits) && is_card_between(chunk, s, to)
    })
}

/// Whether groups `first..=last` are whole cards in a row, each as many four-digit groups
/// as the card at `s..=e` (at most four cards).
fn cards_in_a_row(chunk: &Chunk<'_>, (first, last): (usize, usize), (s, e): (usize, usize)) -> bool {
    let groups = chunk.groups();
    let per_card = e - s + 1;
    let count = last - first + 1;
    if groups[e].len != 4 || count % per_card != 0 || (s - first) % per_card != 0 || count > 4 * per_card {
        return false;
    }
    (first..=last).step_by(per_card).all(|card| {
        let mut digits = [0u8; 16];
        for (i, group) in groups[card..card + per_card].iter().enumerate() {
            group.decode(chunk.hay, &mut digits[4 * i..4 * i + 4]);
        }
        is_card(&digits[..4 * per_card])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
    }

    #[test]
    fn luhn_accepts_reference_test_pans() {
        for pan in [
            "4111 1111 1111 1111",
            "3782 822463 10005",
            "4222 2222 22222",
            "6011 0009 9013 9424",
            "3056 930902 5904",
            "2223 0031 2200 3222",
            "6205 5000 0000 0000 004",
            "2200 0000 0000 0004",
            "6759 6498 2643 8453",
        ] {
            assert!(luhn_valid(&digits(pan)), "{pan}");
            assert!(is_card(&digits(pan)), "{pan}");
        }
        assert!(!luhn_valid(&digits("4111 1111 1111 1112")));
    }

    #[test]
    fn brands_need_their_own_lengths() {
        // Amex is 15 digits only; a Luhn-valid 16-digit number starting 37 is no card.
        let amex16 = digits("3700 0000 0000 0007");
        assert!(luhn_valid(&amex16));
        assert_eq!(brand(&amex16), None);
        assert_eq!(brand(&digits("378282246310005")), Some("American Express"));
        // Mastercard 2-series bounds.
        assert_eq!(brand(&digits("2221000000000009")), Some("Mastercard"));
        assert_eq!(brand(&digits("2720990000000007")), Some("Mastercard"));
        assert_eq!(brand(&digits("2721000000000004")), None);
        // UATP: 15 digits starting with 1; 16 digits starting with 1 is nothing.
        assert_eq!(brand(&digits("100000000000009")), Some("UATP"));
        assert_eq!(brand(&digits("1000000000000008")), None);
        assert!(luhn_valid(&digits("7000000000000005")));
        assert_eq!(brand(&digits("7000000000000005")), None);
    }

    proptest::proptest! {
        /// The Luhn table and the padded IIN ranges give what the plain rules give: doubling
        /// every second digit from the right, and each range's bounds compared with a prefix
        /// of as many digits as they are written with.
        #[test]
        fn luhn_and_brand_agree_with_the_plain_rules(
            digits in proptest::collection::vec(0u8..10, 12..=19),
            lead in proptest::sample::select(vec![
                "", "4", "51", "2221", "2720", "2721", "34", "37", "6011", "644", "622126", "622925",
                "3528", "1800", "30", "36", "62", "81", "5018", "676770", "6", "2200", "508",
                "9792", "506099", "60400100", "60420099", "6054744", "384140", "1", "8600", "9704",
            ]),
        ) {
            let mut digits = digits;
            for (d, c) in digits.iter_mut().zip(lead.bytes()) {
                *d = c - b'0';
            }
            let plain_luhn = digits.iter().rev().enumerate().map(|(i, &d)| {
                let d = u32::from(d);
                if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
            }).sum::<u32>() % 10 == 0;
            proptest::prop_assert_eq!(luhn_valid(&digits), plain_luhn);
            let len = digits.len();
            let plain_brand = IINS.iter().find(|iin| {
                let prefix = digits[..usize::from(iin.digits)].iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d));
                iin.lengths & (1 << len) != 0 && (iin.low..=iin.high).contains(&prefix)
            }).map(|iin| iin.brand);
            proptest::prop_assert_eq!(brand(&digits), plain_brand);
        }
    }
}

//! Hostile inputs, generated deterministically at any size: the test suite runs them at
//! 8 MB (`benches/tests/hostile.rs`, `crates/piimask-cli/tests/hostile.rs`), the `hostile`
//! bench at 10 and 100 MB to check that time grows linearly with size.

/// A text input of the hostile suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hostile {
    /// One line of ASCII digits.
    Digits,
    /// One line of `@`.
    Ats,
    /// Every separator the scanner reads, repeated (no digit).
    Separators,
    /// `1 1 1 1 …`: a digit and a space, alternating.
    DigitSpace,
    /// `1-2.3/4 5\u{A0}6…`: digits alternating with every kind of separator.
    DigitSeparators,
    /// Full-width digits (U+FF10-U+FF19), one line.
    FullWidthDigits,
    /// Full-width digits alternating with narrow no-break spaces.
    FullWidthGrouped,
    /// `+` and `(` before digit runs: `+(1 +(2 …`.
    PlusParens,
    /// Lines of IBANs that just miss (wrong check digits, wrong length, unknown country).
    NearMissIbans,
    /// Email-like junk: `a@b@c.d@…` and local parts that never end.
    AtWords,
}

impl Hostile {
    /// Every text input.
    pub const ALL: [Hostile; 10] = [
        Hostile::Digits,
        Hostile::Ats,
        Hostile::Separators,
        Hostile::DigitSpace,
        Hostile::DigitSeparators,
        Hostile::FullWidthDigits,
        Hostile::FullWidthGrouped,
        Hostile::PlusParens,
        Hostile::NearMissIbans,
        Hostile::AtWords,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Hostile::Digits => "digits",
            Hostile::Ats => "at-signs",
            Hostile::Separators => "separators",
            Hostile::DigitSpace => "digit-space",
            Hostile::DigitSeparators => "digit-separators",
            Hostile::FullWidthDigits => "full-width-digits",
            Hostile::FullWidthGrouped => "full-width-grouped",
            Hostile::PlusParens => "plus-parens",
            Hostile::NearMissIbans => "near-miss-ibans",
            Hostile::AtWords => "at-words",
        }
    }

    /// The input, at least `size` bytes (a whole number of its repeating unit).
    pub fn text(self, size: usize) -> String {
        let unit: &str = match self {
            Hostile::Digits => "7",
            Hostile::Ats => "@",
            Hostile::Separators => {
                " -./\u{00A0}\u{2007}\u{2009}\u{202F}\u{3000}\u{2010}\u{2013}\u{2212}\u{FF0D}\u{FF0E}\t"
            }
            Hostile::DigitSpace => "1 ",
            Hostile::DigitSeparators => "1-2.3/4 5\u{00A0}6\u{2013}7\u{202F}8  9 - 0",
            Hostile::FullWidthDigits => "\u{FF17}",
            Hostile::FullWidthGrouped => "\u{FF14}\u{FF11}\u{FF11}\u{FF11}\u{202F}",
            Hostile::PlusParens => "+(1 +(2 (0)3 ",
            Hostile::NearMissIbans => NEAR_MISS_IBANS,
            Hostile::AtWords => "a@b@c.d@e-f.gh@",
        };
        let mut text = String::with_capacity(size + unit.len());
        while text.len() < size {
            text.push_str(unit);
        }
        text
    }
}

/// IBANs that are not: one check digit off, a character short, an unknown country, a
/// letter where the registry wants a digit; printed and electronic.
pub const NEAR_MISS_IBANS: &str = "IBAN DE89 3704 0044 0532 0130 01\n\
    IBAN DE89370400440532013001\n\
    IBAN DE89 3704 0044 0532 0130 0\n\
    IBAN XX89 3704 0044 0532 0130 00\n\
    IBAN GB29 NWBK 6016 1331 9268 1X\n\
    iban fr14 2004 1010 0505 0001 3m02 607\n\
    IBAN NL91ABNA041716430\n\
    IBAN AA00 0000 0000 0000 0000 00 0000\n";

/// A wide JSON record: `{"k0":"v0 …","k1":…}` with `fields` fields, a card number in the last.
pub fn wide_json_record(fields: usize) -> String {
    let mut record = String::with_capacity(fields * 24);
    record.push('{');
    for i in 0..fields {
        record.push_str(&format!("\"k{i}\":\"v {} 12:30\",", i % 1000));
    }
    record.push_str("\"card\":\"4111 1111 1111 1111\"}");
    record
}

/// A JSON record nested `depth` levels deep, objects and arrays alternating, with a phone
/// number at the bottom.
pub fn deep_json_record(depth: usize) -> String {
    let mut record = String::with_capacity(depth * 8);
    for i in 0..depth {
        record.push_str(if i % 2 == 0 { "{\"a\":" } else { "[" });
    }
    record.push_str("\"tel +447966197542\"");
    for i in (0..depth).rev() {
        record.push(if i % 2 == 0 { '}' } else { ']' });
    }
    record
}

/// A CSV document with a header and one record whose quoted field is about `size` bytes:
/// text with line breaks, doubled quotes and digits, then a card number.
pub fn huge_csv_field(size: usize) -> String {
    let unit = "ligne \"\"citée\"\" 10:30\n";
    let mut field = String::with_capacity(size + 64);
    while field.len() < size {
        field.push_str(unit);
    }
    format!("id,note\n1,\"{field}card 4111 1111 1111 1111\"\n")
}

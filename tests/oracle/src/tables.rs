//! The facts the generator draws from, copied from `shared/REFERENCE.md` (§1 cards, §2 IBAN
//! registry, §3 SSN, §4 written phone forms, §5 email, §6 separators and digits), not from the
//! core. Where REFERENCE gives a fact the project's contract (DESIGN §2, RULES.md) leaves out,
//! the table says so and leaves it out.

/// A card brand: IIN ranges (inclusive, same number of digits on both ends) and lengths.
#[derive(Debug)]
pub struct Brand {
    pub name: &'static str,
    pub iins: &'static [(&'static str, &'static str)],
    pub lengths: &'static [usize],
    /// Display blocks for some lengths (REFERENCE "Display blocks"), else groups of 4.
    pub blocks: &'static [(usize, &'static [usize])],
}

const FOURS: &[(usize, &[usize])] = &[(19, &[4, 4, 4, 7])];

/// REFERENCE §1, Wikipedia columns (IIN prefixes and lengths). "Others" without a stated
/// length take 16 (the length RULES.md gives them).
pub const BRANDS: &[Brand] = &[
    Brand { name: "Visa", iins: &[("4", "4")], lengths: &[13, 16, 19], blocks: FOURS },
    Brand {
        name: "Visa Electron",
        iins: &[
            ("4026", "4026"),
            ("417500", "417500"),
            ("4508", "4508"),
            ("4844", "4844"),
            ("4913", "4913"),
            ("4917", "4917"),
        ],
        lengths: &[16],
        blocks: FOURS,
    },
    Brand { name: "Mastercard", iins: &[("51", "55"), ("2221", "2720")], lengths: &[16], blocks: FOURS },
    Brand { name: "Amex", iins: &[("34", "34"), ("37", "37")], lengths: &[15], blocks: &[(15, &[4, 6, 5])] },
    Brand {
        name: "Discover",
        iins: &[("6011", "6011"), ("644", "649"), ("65", "65"), ("622126", "622925")],
        lengths: &[16, 17, 18, 19],
        blocks: FOURS,
    },
    Brand { name: "JCB", iins: &[("3528", "3589")], lengths: &[16, 17, 18, 19], blocks: FOURS },
    Brand {
        name: "Diners",
        iins: &[("30", "30"), ("36", "36"), ("38", "39")],
        lengths: &[14, 15, 16, 17, 18, 19],
        blocks: &[(14, &[4, 6, 4]), (19, &[4, 4, 4, 7])],
    },
    Brand { name: "UnionPay", iins: &[("62", "62")], lengths: &[16, 17, 18, 19], blocks: FOURS },
    Brand {
        name: "Maestro",
        iins: &[
            ("5018", "5018"),
            ("5020", "5020"),
            ("5038", "5038"),
            ("5893", "5893"),
            ("6304", "6304"),
            ("6759", "6759"),
            ("6761", "6763"),
        ],
        lengths: &[12, 13, 14, 15, 16, 17, 18, 19],
        blocks: FOURS,
    },
    Brand {
        name: "Maestro UK",
        iins: &[("6759", "6759"), ("676770", "676770"), ("676774", "676774")],
        lengths: &[12, 13, 14, 15, 16, 17, 18, 19],
        blocks: FOURS,
    },
    Brand { name: "Mir", iins: &[("2200", "2204")], lengths: &[16, 17, 18, 19], blocks: FOURS },
    Brand {
        name: "RuPay",
        iins: &[("60", "60"), ("65", "65"), ("81", "82"), ("508", "508"), ("353", "353"), ("356", "356")],
        lengths: &[16],
        blocks: FOURS,
    },
    Brand { name: "Troy", iins: &[("979200", "979289"), ("65", "65")], lengths: &[16], blocks: FOURS },
    Brand {
        name: "Verve",
        iins: &[("506099", "506198"), ("507865", "507964"), ("650002", "650027")],
        lengths: &[16, 18, 19],
        blocks: FOURS,
    },
    Brand { name: "UATP", iins: &[("1", "1")], lengths: &[15], blocks: &[(15, &[4, 5, 6])] },
    Brand { name: "Dankort", iins: &[("5019", "5019")], lengths: &[16], blocks: FOURS },
    Brand { name: "Borica", iins: &[("2205", "2205")], lengths: &[16], blocks: FOURS },
    Brand { name: "UkrCard", iins: &[("60400100", "60420099")], lengths: &[16, 17, 18, 19], blocks: FOURS },
    Brand { name: "LankaPay", iins: &[("357111", "357111")], lengths: &[16], blocks: FOURS },
    Brand { name: "UzCard", iins: &[("8600", "8600"), ("5614", "5614")], lengths: &[16], blocks: FOURS },
    Brand { name: "Humo", iins: &[("9860", "9860")], lengths: &[16], blocks: FOURS },
    Brand { name: "InterPayment", iins: &[("636", "636")], lengths: &[16, 17, 18, 19], blocks: FOURS },
    Brand { name: "InstaPayment", iins: &[("637", "639")], lengths: &[16], blocks: FOURS },
    Brand { name: "NPS Pridnestrovie", iins: &[("6054740", "6054744")], lengths: &[16], blocks: FOURS },
    Brand { name: "Napas", iins: &[("9704", "9704")], lengths: &[16, 19], blocks: FOURS },
];

/// REFERENCE §2: every SWIFT registry entry (country, total length, BBAN structure), then
/// the partial members (schwifty/ibantools column).
pub const IBAN_COUNTRIES: &[(&str, usize, &str)] = &[
    ("AD", 24, "4n4n12c"),
    ("AE", 23, "3n16n"),
    ("AL", 28, "8n16c"),
    ("AT", 20, "5n11n"),
    ("AZ", 28, "4a20c"),
    ("BA", 20, "3n3n8n2n"),
    ("BE", 16, "3n7n2n"),
    ("BG", 22, "4a4n2n8c"),
    ("BH", 22, "4a14c"),
    ("BI", 27, "5n5n11n2n"),
    ("BR", 29, "8n5n10n1a1c"),
    ("BY", 28, "4c4n16c"),
    ("CH", 21, "5n12c"),
    ("CR", 22, "4n14n"),
    ("CY", 28, "3n5n16c"),
    ("CZ", 24, "4n16n"),
    ("DE", 22, "8n10n"),
    ("DJ", 27, "5n5n11n2n"),
    ("DK", 18, "4n9n1n"),
    ("DO", 28, "4c20n"),
    ("EE", 20, "2n14n"),
    ("EG", 29, "4n4n17n"),
    ("ES", 24, "4n4n1n1n10n"),
    ("FI", 18, "3n11n"),
    ("FK", 18, "2a12n"),
    ("FO", 18, "4n9n1n"),
    ("FR", 27, "5n5n11c2n"),
    ("GB", 22, "4a6n8n"),
    ("GE", 22, "2a16n"),
    ("GI", 23, "4a15c"),
    ("GL", 18, "4n9n1n"),
    ("GR", 27, "3n4n16c"),
    ("GT", 28, "4c20c"),
    ("HN", 28, "4a20n"),
    ("HR", 21, "7n10n"),
    ("HU", 28, "3n4n1n15n1n"),
    ("IE", 22, "4a6n8n"),
    ("IL", 23, "3n3n13n"),
    ("IQ", 23, "4a3n12n"),
    ("IS", 26, "4n2n6n10n"),
    ("IT", 27, "1a5n5n12c"),
    ("JO", 30, "4a4n18c"),
    ("KW", 30, "4a22c"),
    ("KZ", 20, "3n13c"),
    ("LB", 28, "4n20c"),
    ("LC", 32, "4a24c"),
    ("LI", 21, "5n12c"),
    ("LT", 20, "5n11n"),
    ("LU", 20, "3n13c"),
    ("LV", 21, "4a13c"),
    ("LY", 25, "3n3n15n"),
    ("MC", 27, "5n5n11c2n"),
    ("MD", 24, "2c18c"),
    ("ME", 22, "3n13n2n"),
    ("MK", 19, "3n10c2n"),
    ("MN", 20, "4n12n"),
    ("MR", 27, "5n5n11n2n"),
    ("MT", 31, "4a5n18c"),
    ("MU", 30, "4a2n2n12n3n3a"),
    ("NI", 28, "4a20n"),
    ("NL", 18, "4a10n"),
    ("NO", 15, "4n6n1n"),
    ("OM", 23, "3n16c"),
    ("PK", 24, "4a16c"),
    ("PL", 28, "8n16n"),
    ("PS", 29, "4a21c"),
    ("PT", 25, "4n4n11n2n"),
    ("QA", 29, "4a21c"),
    ("RO", 24, "4a16c"),
    ("RS", 22, "3n13n2n"),
    ("RU", 33, "9n5n15c"),
    ("SA", 24, "2n18c"),
    ("SC", 31, "4a2n2n16n3a"),
    ("SD", 18, "2n12n"),
    ("SE", 24, "3n16n1n"),
    ("SI", 19, "5n8n2n"),
    ("SK", 24, "4n6n10n"),
    ("SM", 27, "1a5n5n12c"),
    ("SO", 23, "4n3n12n"),
    ("ST", 25, "4n4n11n2n"),
    ("SV", 28, "4a20n"),
    ("TL", 23, "3n14n2n"),
    ("TN", 24, "2n3n13n2n"),
    ("TR", 26, "5n1n16c"),
    ("UA", 29, "6n19c"),
    ("VA", 22, "3n15n"),
    ("VG", 24, "4a16n"),
    ("XK", 20, "4n10n2n"),
    ("YE", 30, "4a4n18c"),
    // Partial members (not in the SWIFT registry).
    ("AO", 25, "21n"),
    ("BF", 28, "2c22n"),
    ("BJ", 28, "2c22n"),
    ("CF", 27, "23n"),
    ("CG", 27, "23n"),
    ("CI", 28, "2a22n"),
    ("CM", 27, "23n"),
    ("CV", 25, "21n"),
    ("DZ", 26, "22n"),
    ("GA", 27, "23n"),
    ("GQ", 27, "23n"),
    ("GW", 25, "2c19n"),
    ("IR", 26, "22n"),
    ("KM", 27, "23n"),
    ("MA", 28, "24n"),
    ("MG", 27, "23n"),
    ("ML", 28, "2c22n"),
    ("MZ", 25, "21n"),
    ("NE", 28, "2a22n"),
    ("SN", 28, "2a22n"),
    ("TD", 27, "23n"),
    ("TG", 28, "2a3n5n12n2n"),
];

/// REFERENCE §2: territories inside a registry entry use the parent's structure.
pub const IBAN_TERRITORIES: &[(&str, &str)] = &[
    ("AX", "FI"),
    ("GF", "FR"),
    ("GP", "FR"),
    ("MQ", "FR"),
    ("RE", "FR"),
    ("PF", "FR"),
    ("TF", "FR"),
    ("YT", "FR"),
    ("NC", "FR"),
    ("BL", "FR"),
    ("MF", "FR"),
    ("PM", "FR"),
    ("WF", "FR"),
    ("IM", "GB"),
    ("JE", "GB"),
    ("GG", "GB"),
];

/// REFERENCE §2: the registry's print forms that are not groups of four (group sizes of
/// the whole IBAN; SV writes its country code apart).
pub const IBAN_PRINT_FORMS: &[(&str, &[usize])] =
    &[("BI", &[4, 5, 5, 11, 2]), ("LY", &[4, 3, 3, 15]), ("SV", &[2, 2, 4, 20]), ("VA", &[4, 3, 4, 4, 4, 3])];

/// REFERENCE §4 "Written forms" (and the per-market table), every row: `#` a random digit,
/// `N` a digit 2-9; a space, `-`, `.` and `/` stand for the number's own separator of that
/// class (§6), chosen per number. Digits are written in one script per number.
pub const PHONE_FORMS: &[(&str, &str)] = &[
    ("NANP", "(N##) N##-####"),
    ("NANP", "+1 N##-N##-####"),
    ("NANP", "N##.N##.####"),
    ("NANP", "1-800-N##-####"),
    ("NANP", "1 (N##) N##-####"),
    ("NANP", "+1 (N##) N##-####"),
    ("NANP", "011 44 20 #### ####"),
    ("UK", "07### ######"),
    ("UK", "020 #### ####"),
    ("UK", "0121 ### ####"),
    ("UK", "+44 7### ######"),
    ("UK", "+44 20 #### ####"),
    ("UK", "+44 (0)20 #### ####"),
    ("France", "06 ## ## ## ##"),
    ("France", "01 ## ## ## ##"),
    ("France", "+33 6 ## ## ## ##"),
    ("France", "06.##.##.##.##"),
    ("France", "+33 (0)6 ## ## ## ##"),
    ("Spain", "6## ## ## ##"),
    ("Spain", "+34 6## ## ## ##"),
    ("Spain", "6## ### ###"),
    ("Ukraine", "050 ### ####"),
    ("Ukraine", "044 ### ####"),
    ("Ukraine", "+380 50 ### ####"),
    ("Ukraine", "050 ### ## ##"),
    ("Ukraine", "(050) ###-##-##"),
    ("Ukraine", "+38 050 ### ## ##"),
    ("Germany", "030 #######"),
    ("Germany", "0170 #######"),
    ("Germany", "01512 #######"),
    ("Germany", "+49 30 #######"),
    ("Germany", "089 #######"),
    ("Germany", "+49 89 #######"),
    ("Germany", "(0511) # ## ## ##"),
    ("Germany", "0511/#######"),
    ("Germany", "+49 (0)30 #######"),
    ("Italy", "06 #### ####"),
    ("Italy", "02 #### ####"),
    ("Italy", "3## ### ####"),
    ("Italy", "+39 06 #### ####"),
    ("Italy", "333 ### ####"),
    ("Netherlands", "06 ########"),
    ("Netherlands", "020 ### ####"),
    ("Netherlands", "+31 6 ########"),
    ("Netherlands", "+31 20 ### ####"),
    ("Netherlands", "06-########"),
    ("E.164", "+44##########"),
    ("E.164", "+33#########"),
    ("intl 00", "00 44 20 #### ####"),
    ("intl 00", "0033 6 ## ## ## ##"),
    ("intl 00", "00 49 30 #######"),
];

/// REFERENCE §6 separators the contract reads inside numbers (DESIGN §2, RULES.md
/// "Characters"), the invisible ones included (U+200B, U+2060, U+FEFF, U+00AD: a number
/// copied from a web page may hold them). REFERENCE also lists U+2019 (Swiss grouping) and
/// U+066B/U+066C: the contract does not read those as separators, so they are not drawn here.
pub const SPACES: &[char] = &[
    ' ', '\t', '\u{00A0}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{200B}', '\u{202F}',
    '\u{2060}', '\u{3000}', '\u{FEFF}',
];
pub const DASHES: &[char] = &[
    '-', '\u{00AD}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
    '\u{FE63}', '\u{FF0D}', '\u{30FC}',
];
pub const DOTS: &[char] = &['.', '\u{FF0E}'];
pub const SLASHES: &[char] = &['/', '\u{FF0F}'];

/// REFERENCE §6 digit scripts the contract reads (the mathematical digits U+1D7CE.. are left
/// out by RULES.md): the code point of each script's zero.
pub const DIGIT_ZEROS: &[u32] = &[
    0x30, 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0E50, 0x0ED0,
];

/// REFERENCE §5 `atext` (unquoted local part) besides letters and digits.
pub const ATEXT: &[char] =
    &['!', '#', '$', '%', '&', '\'', '*', '+', '-', '/', '=', '?', '^', '_', '`', '{', '|', '}', '~'];

/// REFERENCE §5 top-level domains: ASCII, the longest, IDN U-labels (some with combining
/// marks) and A-labels.
pub const TLDS: &[&str] = &[
    "com",
    "org",
    "net",
    "fr",
    "de",
    "es",
    "it",
    "nl",
    "ua",
    "uk",
    "travelersinsurance",
    "укр",
    "рф",
    "xn--p1ai",
    "xn--j1amh",
    "xn--vermgensberatung-pwb",
    "vermögensberatung",
    "भारत",
    "कॉम",
    "இந்தியா",
    "ලංකා",
    "グーグル",
];

//! A small deterministic mutator for the smoke run inside the test command: seeds mutated
//! with byte edits, splices and tokens the scanner cares about. Not a coverage-guided fuzzer
//! (that is `scripts/fuzz`); it exercises the properties on many near-valid inputs cheaply.

/// Tokens that move the scanner: digits of several scripts, separators, signs, JSON and
/// template syntax, line breaks, invalid UTF-8.
const TOKENS: &[&[u8]] = &[
    b"4111 1111 1111 1111",
    b"4111111111111111",
    b"+44 7966 197542",
    b"06 12 34 56 78",
    b"123-45-6789",
    b"DE89 3704 0044 0532 0130 00",
    b"melissa@gmail.com",
    b"@",
    b"+",
    b"(0)",
    b"00",
    b" ",
    b"  ",
    b"-",
    b".",
    b"/",
    b"\n",
    b"\r\n",
    b"\t",
    "\u{00A0}".as_bytes(),
    "\u{202F}".as_bytes(),
    "\u{2013}".as_bytes(),
    "\u{FF14}\u{FF11}".as_bytes(),
    "\u{0664}".as_bytes(),
    "\u{0967}".as_bytes(),
    b"\xff",
    b"\xe2\x80",
    b"\"",
    b"\\u0034",
    b"\\",
    b"{\"t\":\"",
    b"\"}",
    b"[",
    b"]",
    b"<",
    b">",
    b"<customer.name>",
    b"tel ",
    b"SSN ",
    b"order ",
    b"IBAN ",
    b"*",
    b"[CARD]",
];

/// A xorshift generator: deterministic, seeded.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 { 0 } else { (self.next_u64() % bound as u64) as usize }
    }
}

/// Mutates `input` with 1 to 4 edits, splicing from `corpus`; keeps the result under
/// `max_len` bytes.
pub fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>], max_len: usize) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(9) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next_u64() as u8;
            }
            2 => out.insert(at, rng.next_u64() as u8),
            3 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            4 | 5 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            6 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(32)).min(out.len());
                let piece = out[start..end].to_vec();
                out.splice(at..at, piece);
            }
            7 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                let start = rng.below(other.len() + 1);
                let end = (start + rng.below(64)).min(other.len());
                out.splice(at..at, other[start..end].iter().copied());
            }
            _ => {
                // A random configuration byte (the first bytes of every layout).
                if let Some(b) = out.get_mut(rng.below(14)) {
                    *b = rng.next_u64() as u8;
                }
            }
        }
    }
    out.truncate(max_len);
    out
}

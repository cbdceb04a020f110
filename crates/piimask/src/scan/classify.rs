//! Stage 1 of the scanner: find the anchor bytes where stage 2 must look (a byte that may
//! start a digit of any supported script, or `@`). One interface, several instruction-set
//! levels chosen at run time; the portable scalar level is the fallback and the test oracle.

use super::chars::may_start_digit;

/// An implementation level of the stage-1 classifier.
///
/// Every level reports exactly the same anchors; they differ only in speed. The level is
/// normally chosen once, at run time, by [`Level::detect`].
///
/// # Example
/// ```
/// use piimask::Level;
/// assert!(Level::available().contains(&Level::Scalar));
/// assert!(Level::available().contains(&Level::detect()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// Portable code, one byte (or one 8-byte word) at a time.
    Scalar,
    /// x86-64 SSE2, 16 bytes at a time (every x86-64 CPU has it).
    Sse2,
    /// x86-64 AVX2, 32 bytes at a time.
    Avx2,
}

impl Level {
    /// The fastest level this CPU supports.
    pub fn detect() -> Level {
        Level::available().pop().unwrap_or(Level::Scalar)
    }

    /// Every level this CPU supports, scalar first, fastest last.
    pub fn available() -> Vec<Level> {
        [Level::Scalar, Level::Sse2, Level::Avx2].into_iter().filter(|level| level.is_supported()).collect()
    }

    /// Whether this CPU can run this level.
    pub fn is_supported(self) -> bool {
        match self {
            Level::Scalar => true,
            Level::Sse2 => cfg!(target_arch = "x86_64"),
            #[cfg(target_arch = "x86_64")]
            Level::Avx2 => std::arch::is_x86_feature_detected!("avx2"),
            #[cfg(not(target_arch = "x86_64"))]
            Level::Avx2 => false,
        }
    }

    /// A short lower-case name (`"scalar"`, `"sse2"`, `"avx2"`).
    pub fn name(self) -> &'static str {
        match self {
            Level::Scalar => "scalar",
            Level::Sse2 => "sse2",
            Level::Avx2 => "avx2",
        }
    }

    /// Returns the offset of the first anchor at or after `from`, or `haystack.len()`.
    ///
    /// A masker only ever holds a level its CPU supports (see `MaskerBuilder::level`).
    #[inline]
    pub(crate) fn next_anchor(self, haystack: &[u8], from: usize) -> usize {
        match self {
            Level::Scalar => next_anchor_scalar(haystack, from),
            #[cfg(target_arch = "x86_64")]
            Level::Sse2 => super::simd::next_anchor_sse2(haystack, from),
            #[cfg(target_arch = "x86_64")]
            Level::Avx2 => super::simd::next_anchor_avx2(haystack, from),
            #[cfg(not(target_arch = "x86_64"))]
            Level::Sse2 | Level::Avx2 => next_anchor_scalar(haystack, from),
        }
    }
}

/// Whether a byte is an anchor: the first byte of a possible digit, or `@`.
pub(super) const fn is_anchor(b: u8) -> bool {
    may_start_digit(b) || b == b'@'
}

static ANCHOR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_anchor(b as u8);
        b += 1;
    }
    table
};

/// The scalar classifier (also the SIMD levels' tail): a table lookup per byte, with a word-at-a-time skip over runs of
/// bytes that cannot be anchors (ASCII letters, punctuation and spaces other than `@`).
pub(super) fn next_anchor_scalar(haystack: &[u8], from: usize) -> usize {
    let mut i = from;
    let len = haystack.len();
    // Eight bytes at a time: a word is skipped when none of its bytes is an ASCII digit,
    // `@` or a byte >= 0x80 (every non-ASCII anchor is >= 0x80).
    while i + 8 <= len {
        let word = u64::from_le_bytes(haystack[i..i + 8].try_into().unwrap_or([0; 8]));
        if !word_may_hold_anchor(word) {
            i += 8;
            continue;
        }
        for (offset, &b) in haystack[i..i + 8].iter().enumerate() {
            if ANCHOR[b as usize] {
                return i + offset;
            }
        }
        i += 8;
    }
    while i < len {
        if ANCHOR[haystack[i] as usize] {
            return i;
        }
        i += 1;
    }
    len
}

/// SWAR test: true when some byte of `word` is `0x30..=0x39`, `0x40` or `>= 0x80`.
#[inline]
fn word_may_hold_anchor(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if word & HIGH != 0 {
        return true;
    }
    // All bytes are < 0x80 here, so per-byte additions below never carry across bytes.
    // A byte b is in 0x30..=0x40 iff (b + 0x50) has its high bit set and (b + 0x3F) has not.
    let ge_30 = word.wrapping_add(ONES * 0x50) & HIGH;
    let ge_41 = word.wrapping_add(ONES * 0x3F) & HIGH;
    ge_30 & !ge_41 != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(level: Level, hay: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = level.next_anchor(hay, 0);
        while i < hay.len() {
            out.push(i);
            i = level.next_anchor(hay, i + 1);
        }
        out
    }

    fn reference(hay: &[u8]) -> Vec<usize> {
        (0..hay.len()).filter(|&i| is_anchor(hay[i])).collect()
    }

    #[test]
    fn swar_test_agrees_with_the_byte_table_for_every_byte() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[pos] = b;
                let word = u64::from_le_bytes(bytes);
                let expected = bytes.iter().any(|&x| x >= 0x80 || (0x30..=0x40).contains(&x));
                assert_eq!(word_may_hold_anchor(word), expected, "byte {b:#x} at {pos}");
            }
        }
    }

    proptest::proptest! {
        /// Every level finds exactly the anchors of the byte table, from every start, on
        /// random bytes biased towards anchors and near-anchors (`/`, `:`, `?`, `A`, 0xD8).
        #[test]
        fn every_level_finds_exactly_the_scalar_anchors(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::prelude::any::<u8>(),
                proptest::sample::select(vec![b'0', b'9', b'/', b':', b'?', b'@', b'A', b' ', 0xD8, 0xD9, 0xDB, 0xDF, 0xE0, 0xEF, 0xF0]),
            ], 0..200),
            froms in proptest::collection::vec(0usize..200, 1..8),
        ) {
            for level in Level::available() {
                proptest::prop_assert_eq!(anchors(level, &bytes), reference(&bytes), "{:?}", level);
                for &from in &froms {
                    let from = from.min(bytes.len());
                    proptest::prop_assert_eq!(level.next_anchor(&bytes, from), next_anchor_scalar(&bytes, from));
                }
            }
        }
    }

    #[test]
    fn every_level_handles_anchors_at_every_position_of_a_vector() {
        for len in 0..100 {
            for at in 0..len {
                for anchor in [b'0', b'9', b'@', 0xD9, 0xDB, 0xE0, 0xEF] {
                    let mut hay = vec![b'x'; len];
                    hay[at] = anchor;
                    for level in Level::available() {
                        assert_eq!(level.next_anchor(&hay, 0), at, "{level:?} len {len} at {at}");
                        assert_eq!(level.next_anchor(&hay, at + 1), len, "{level:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn scalar_finds_every_anchor() {
        let text = "Hello, call +44 7911 123456 or mail a@b.com — ＋４４ at 10:30, 😀 ٣ z".as_bytes();
        for level in Level::available() {
            assert_eq!(anchors(level, text), reference(text), "{level:?}");
        }
        assert_eq!(Level::Scalar.next_anchor(b"", 0), 0);
        assert_eq!(Level::Scalar.next_anchor(b"abc", 3), 3);
    }
}

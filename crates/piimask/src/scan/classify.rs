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
        if self == Level::Scalar {
            return next_anchor_scalar(haystack, from);
        }
        match self.next_anchor_block(haystack, from) {
            (_, 0) => haystack.len(),
            (start, mask) => start + mask.trailing_zeros() as usize,
        }
    }

    /// The first 64-byte block at or after `from` holding an anchor, as its start and the
    /// mask of its anchors (bit `i` for byte `start + i`; no bit past the haystack's end);
    /// `(haystack.len(), 0)` when no anchor is left. No anchor lies between `from` and the
    /// block's start. (Where a block starts differs between levels; its anchors do not.)
    #[inline]
    pub(crate) fn next_anchor_block(self, haystack: &[u8], from: usize) -> (usize, u64) {
        match self {
            Level::Scalar => next_anchor_block_scalar(haystack, from),
            #[cfg(target_arch = "x86_64")]
            Level::Sse2 => super::simd::next_anchor_block_sse2(haystack, from),
            #[cfg(target_arch = "x86_64")]
            Level::Avx2 => super::simd::next_anchor_block_avx2(haystack, from),
            #[cfg(not(target_arch = "x86_64"))]
            Level::Sse2 | Level::Avx2 => next_anchor_block_scalar(haystack, from),
        }
    }
}

/// [`Level::next_anchor_block`] from the scalar search.
pub(super) fn next_anchor_block_scalar(haystack: &[u8], from: usize) -> (usize, u64) {
    let start = next_anchor_scalar(haystack, from);
    let block = &haystack[start.min(haystack.len())..];
    let mask = block
        .iter()
        .take(64)
        .enumerate()
        .fold(0u64, |mask, (i, &b)| mask | u64::from(ANCHOR[b as usize]) << i);
    (start, mask)
}

/// A cursor over the anchors of one haystack, one 64-byte block mask at a time: the next
/// anchor after a chunk is mostly a bit of the mask already read.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct AnchorCursor {
    start: usize,
    /// 64 once a block is read (0 before: no offset is inside it).
    width: usize,
    mask: u64,
}

impl AnchorCursor {
    /// The first anchor at or after `from` (`haystack.len()` when none), as
    /// [`Level::next_anchor`] would return it.
    #[inline(always)]
    pub(crate) fn next(&mut self, level: Level, haystack: &[u8], from: usize) -> usize {
        let offset = from.wrapping_sub(self.start);
        let mut from = from;
        if offset < self.width {
            let rest = self.mask & (u64::MAX << offset);
            if rest != 0 {
                return self.start + rest.trailing_zeros() as usize;
            }
            from = self.start + 64;
            if from >= haystack.len() {
                return haystack.len();
            }
        }
        let (start, mask) = level.next_anchor_block(haystack, from);
        self.start = start;
        self.width = 64;
        self.mask = mask;
        if mask == 0 { haystack.len() } else { start + mask.trailing_zeros() as usize }
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

    /// Checks `Level::next_anchor_block`'s contract for one call.
    fn check_block(
        level: Level,
        hay: &[u8],
        from: usize,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let (start, mask) = level.next_anchor_block(hay, from);
        let from = from.min(hay.len());
        proptest::prop_assert!(start >= from && start <= hay.len(), "{:?} start {}", level, start);
        proptest::prop_assert!(
            !hay[from..start].iter().any(|&b| is_anchor(b)),
            "{:?}: anchor skipped",
            level
        );
        let expected = hay[start..]
            .iter()
            .take(64)
            .enumerate()
            .fold(0u64, |m, (i, &b)| m | u64::from(is_anchor(b)) << i);
        proptest::prop_assert_eq!(mask, expected, "{:?} from {} start {}", level, from, start);
        proptest::prop_assert_eq!(mask == 0, start == hay.len(), "{:?}", level);
        Ok(())
    }

    proptest::proptest! {
        /// Every level's block search skips no anchor and masks exactly the anchors of its
        /// block, on haystacks of a few blocks (whole blocks, a shifted tail, a short one).
        #[test]
        fn every_level_masks_exactly_the_anchors_of_a_block(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                8 => proptest::sample::select(vec![b'a', b' ', b'/', b':', b'?', b'A', 0xD8, 0xDF, 0xF0]),
                1 => proptest::sample::select(vec![b'0', b'9', b'@', 0xD9, 0xDB, 0xE0, 0xEF]),
            ], 0..300),
            froms in proptest::collection::vec(0usize..300, 1..8),
        ) {
            for level in Level::available() {
                for &from in &froms {
                    check_block(level, &bytes, from)?;
                }
            }
        }

        /// The cursor answers every question as the plain search does, whether the
        /// questions go forwards (as the scanner asks them) or jump back.
        #[test]
        fn the_cursor_finds_what_the_search_finds(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                6 => proptest::sample::select(vec![b'a', b' ', b'-', 0xC3]),
                1 => proptest::sample::select(vec![b'0', b'7', b'@', 0xEF]),
            ], 0..400),
            mut froms in proptest::collection::vec(0usize..420, 1..40),
            forwards in proptest::prelude::any::<bool>(),
        ) {
            if forwards {
                froms.sort_unstable();
            }
            for level in Level::available() {
                let mut cursor = AnchorCursor::default();
                for &from in &froms {
                    proptest::prop_assert_eq!(
                        cursor.next(level, &bytes, from), next_anchor_scalar(&bytes, from), "{:?} from {}", level, from
                    );
                }
            }
        }
    }

    #[test]
    fn every_level_handles_anchors_at_every_position_of_a_vector() {
        for len in 0..200 {
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

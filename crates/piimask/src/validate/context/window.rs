//! Character windows on a line: the offset a number of characters before or after a
//! point, never past a line break, eight bytes at a step where the text allows.

/// The offset `chars` characters before `at`, or the start of its line if nearer.
pub(super) fn back_chars(hay: &[u8], at: usize, chars: usize) -> usize {
    let mut start = at;
    let mut counted = 0;
    // Eight bytes at a time while they hold no line break and fewer characters than are
    // still wanted (the byte loop below finds the exact place).
    while start >= 8 {
        let word = word_at(hay, start - 8);
        let lead_bytes = 8 - continuation_bytes(word);
        if holds_line_break(word) || counted + lead_bytes >= chars {
            break;
        }
        counted += lead_bytes;
        start -= 8;
    }
    while start > 0 && counted < chars {
        let b = hay[start - 1];
        if b == b'\n' || b == b'\r' {
            break;
        }
        start -= 1;
        if b & 0xC0 != 0x80 {
            counted += 1;
        }
    }
    // Never inside a character (a lone continuation byte run is stepped over).
    while start < at && hay[start] & 0xC0 == 0x80 {
        start += 1;
    }
    start
}

/// The offset `chars` characters after `at`, or the end of its line if nearer.
pub(super) fn forward_chars(hay: &[u8], at: usize, chars: usize) -> usize {
    let mut end = at;
    let mut counted = 0;
    // Eight bytes at a time while they hold no line break and no more characters than may
    // still be passed.
    while end + 8 <= hay.len() {
        let word = word_at(hay, end);
        let lead_bytes = 8 - continuation_bytes(word);
        if holds_line_break(word) || counted + lead_bytes > chars {
            break;
        }
        counted += lead_bytes;
        end += 8;
    }
    while end < hay.len() {
        let b = hay[end];
        if b == b'\n' || b == b'\r' {
            break;
        }
        if b & 0xC0 != 0x80 {
            if counted == chars {
                break;
            }
            counted += 1;
        }
        end += 1;
    }
    end
}

/// The eight bytes at `at` (which must leave eight bytes in `hay`) as a little-endian word.
#[inline]
fn word_at(hay: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hay[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// How many bytes of `word` are UTF-8 continuation bytes (`10xxxxxx`).
#[inline]
fn continuation_bytes(word: u64) -> usize {
    // Bit 7 set and bit 6 clear: `word << 1` moves each byte's bit 6 to its bit 7.
    (word & !(word << 1) & 0x8080_8080_8080_8080).count_ones() as usize
}

/// Whether some byte of `word` is `\n` or `\r`.
#[inline]
fn holds_line_break(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    has_zero(word ^ (ONES * u64::from(b'\n'))) || has_zero(word ^ (ONES * u64::from(b'\r')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-stepping windows, without the ASCII fast paths (the oracle).
    fn back_slow(hay: &[u8], at: usize, chars: usize) -> usize {
        let mut start = at;
        let mut counted = 0;
        while start > 0 && counted < chars && !matches!(hay[start - 1], b'\n' | b'\r') {
            start -= 1;
            if hay[start] & 0xC0 != 0x80 {
                counted += 1;
            }
        }
        while start < at && hay[start] & 0xC0 == 0x80 {
            start += 1;
        }
        start
    }

    fn forward_slow(hay: &[u8], at: usize, chars: usize) -> usize {
        let (mut end, mut counted) = (at, 0);
        while end < hay.len() && !matches!(hay[end], b'\n' | b'\r') {
            if hay[end] & 0xC0 != 0x80 {
                if counted == chars {
                    break;
                }
                counted += 1;
            }
            end += 1;
        }
        end
    }

    proptest! {
        #[test]
        fn windows_match_character_stepping(
            bytes in prop::collection::vec(prop::sample::select(vec![b'a', b' ', b'\n', 0xC3, 0xA9, 0x80, 0xE2, b'7']), 0..300),
            at in 0usize..300,
            chars in 1usize..80,
        ) {
            let at = at.min(bytes.len());
            prop_assert_eq!(back_chars(&bytes, at, chars), back_slow(&bytes, at, chars));
            prop_assert_eq!(forward_chars(&bytes, at, chars), forward_slow(&bytes, at, chars));
        }
    }
}

//! Plain text: read in large blocks cut at line breaks (no value ever spans a line break),
//! each block masked as bytes, so invalid UTF-8 passes through and memory stays bounded
//! by the block size plus the longest line.

use std::io::{self, BufRead, Write};

use piimask::Masker;

/// Size of the blocks read at a time.
pub const BLOCK: usize = 256 * 1024;

/// Counts from masking one input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStats {
    /// Bytes read.
    pub bytes: u64,
}

/// Masks everything `reader` yields into `writer`.
pub fn mask_stream(
    masker: &Masker,
    reader: &mut impl BufRead,
    writer: &mut impl Write,
) -> io::Result<TextStats> {
    let mut stats = TextStats::default();
    let mut pending: Vec<u8> = Vec::with_capacity(BLOCK);
    let mut masked: Vec<u8> = Vec::with_capacity(BLOCK);
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        let taken = available.len();
        pending.extend_from_slice(available);
        reader.consume(taken);
        stats.bytes += taken as u64;
        if pending.len() < BLOCK {
            continue;
        }
        // Mask up to the last line break; keep the rest for the next block.
        if let Some(cut) = memchr::memrchr(b'\n', &pending) {
            masker.mask_bytes_into(&pending[..=cut], &mut masked);
            writer.write_all(&masked)?;
            pending.drain(..=cut);
        }
    }
    masker.mask_bytes_into(&pending, &mut masked);
    writer.write_all(&masked)?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_across_block_boundaries_line_by_line() {
        let line = "call +447966197542 now\n";
        let text = line.repeat(BLOCK / line.len() * 3);
        let mut out = Vec::new();
        let stats = mask_stream(&Masker::default(), &mut text.as_bytes(), &mut out).unwrap();
        assert_eq!(stats.bytes, text.len() as u64);
        assert_eq!(out, "call *********7542 now\n".repeat(BLOCK / line.len() * 3).as_bytes());
    }

    #[test]
    fn a_single_huge_line_is_masked_whole() {
        let text = format!("{}4111 1111 1111 1111", "x".repeat(BLOCK * 2));
        let mut out = Vec::new();
        mask_stream(&Masker::default(), &mut text.as_bytes(), &mut out).unwrap();
        assert!(out.ends_with(b"x************1111"));
    }
}

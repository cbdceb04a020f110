//! The `stream` target: arbitrary chunking of arbitrary bytes gives the whole-buffer output.

use std::fmt;
use std::io::{Read, Write};

use piimask::stream::{Piece, Splitter};
use piimask::{MaskWriter, MaskerConfig, StreamMasker, mask_reader};

use crate::config::{CONFIG_BYTES, decode_config};
use crate::mask::build;
use crate::repro::{bytes_expr, config_expr};
use crate::{FuzzInput, Verdict, arbitrary_via_decode, ensure};

/// Input of the `stream` target.
///
/// Layout: [`CONFIG_BYTES`] of configuration; one byte `n` (`n % 8 + 1` chunk sizes follow);
/// the sizes, two bytes each (little-endian, `% 4096 + 1`); two bytes of the splitter's
/// `min_piece` (`% 4096`); then the text.
#[derive(Clone, PartialEq, Eq)]
pub struct StreamInput {
    /// The configuration (possibly invalid).
    pub config: MaskerConfig,
    /// Chunk sizes, cycled over the text (each at least 1).
    pub chunks: Vec<usize>,
    /// The `min_piece` of a [`Splitter`] also checked.
    pub min_piece: usize,
    /// The text.
    pub text: Vec<u8>,
}

impl StreamInput {
    /// Decodes fuzzer bytes (see the type's layout).
    pub fn decode(data: &[u8]) -> StreamInput {
        let config = decode_config(&data[..data.len().min(CONFIG_BYTES)]);
        let mut rest = data.get(CONFIG_BYTES..).unwrap_or_default();
        let mut take = |n: usize| {
            let (head, tail) = rest.split_at(n.min(rest.len()));
            rest = tail;
            head
        };
        let count = take(1).first().map_or(1, |n| usize::from(n % 8) + 1);
        let word = |bytes: &[u8]| {
            usize::from(u16::from_le_bytes([
                bytes.first().copied().unwrap_or(0),
                bytes.get(1).copied().unwrap_or(0),
            ]))
        };
        let chunks: Vec<usize> = (0..count).map(|_| word(take(2)) % 4096 + 1).collect();
        let min_piece = word(take(2)) % 4096;
        StreamInput { config, chunks, min_piece, text: rest.to_vec() }
    }

    /// The text's pieces under this chunking.
    fn pieces(&self) -> Vec<&[u8]> {
        let mut pieces = Vec::new();
        let (mut at, mut i) = (0, 0);
        while at < self.text.len() {
            let end = (at + self.chunks[i % self.chunks.len()]).min(self.text.len());
            pieces.push(&self.text[at..end]);
            at = end;
            i += 1;
        }
        pieces
    }
}

impl fmt::Debug for StreamInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "use piimask_fuzz_properties::FuzzInput;")?;
        writeln!(f, "piimask_fuzz_properties::StreamInput {{")?;
        writeln!(f, "    config: {},", config_expr(&self.config))?;
        writeln!(f, "    chunks: vec!{:?},", self.chunks)?;
        writeln!(f, "    min_piece: {},", self.min_piece)?;
        writeln!(f, "    text: {},", bytes_expr(&self.text))?;
        write!(f, "}}\n.assert();")
    }
}

impl FuzzInput for StreamInput {
    fn check(&self) -> Verdict {
        let Some(masker) = build(&self.config, None)? else { return Ok(()) };
        let whole = masker.mask_bytes(&self.text).into_owned();
        let pieces = self.pieces();

        let mut stream = StreamMasker::new(&masker);
        let mut out = Vec::new();
        for piece in &pieces {
            stream.feed(piece, &mut out);
        }
        stream.finish(&mut out);
        ensure!(out == whole, "StreamMasker with chunks {:?} differs from mask_bytes", self.chunks);
        ensure!(stream.held() == 0, "the stream masker holds bytes after finish");

        let mut writer = MaskWriter::new(Vec::new(), &masker);
        for piece in &pieces {
            writer.write_all(piece).map_err(|err| format!("MaskWriter failed: {err}"))?;
        }
        let written = writer.finish().map_err(|err| format!("MaskWriter failed: {err}"))?;
        ensure!(written == whole, "MaskWriter differs from mask_bytes");

        let mut splitter = Splitter::new(self.min_piece);
        let (mut joined, mut released) = (Vec::new(), Vec::new());
        let mut emit = |piece: Piece| {
            released.extend_from_slice(&piece.bytes);
            piece.mask_into(&masker, &mut joined);
        };
        for piece in &pieces {
            splitter.feed(piece, &mut emit);
        }
        splitter.finish(&mut emit);
        ensure!(released == self.text, "the splitter's pieces do not add up to the input");
        ensure!(
            joined == whole,
            "Splitter(min_piece {}) pieces masked apart differ from mask_bytes",
            self.min_piece
        );

        let mut masked = Vec::new();
        let reader = Chunked { pieces: pieces.clone(), next: 0 };
        let stats =
            mask_reader(&masker, reader, &mut masked).map_err(|err| format!("mask_reader failed: {err}"))?;
        ensure!(masked == whole, "mask_reader differs from mask_bytes");
        ensure!(stats.bytes_in == self.text.len() as u64, "mask_reader counted {} bytes in", stats.bytes_in);
        Ok(())
    }
}

arbitrary_via_decode!(StreamInput);

/// A reader that returns the given pieces, one per `read` (short reads, as sockets do).
struct Chunked<'a> {
    pieces: Vec<&'a [u8]>,
    next: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let Some(piece) = self.pieces.get_mut(self.next) else { return Ok(0) };
        let n = piece.len().min(buf.len());
        buf[..n].copy_from_slice(&piece[..n]);
        *piece = &piece[n..];
        if piece.is_empty() {
            self.next += 1;
        }
        Ok(n)
    }
}

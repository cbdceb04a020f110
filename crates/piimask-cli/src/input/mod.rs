//! Inputs: opening files (with transparent `.gz`/`.zst` decompression), splitting them into
//! blocks at record boundaries, and masking each format's blocks (text, JSONL, CSV).

pub mod blocks;
pub mod csv;
pub mod json;
pub mod jsonl;
pub mod text;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use piimask::{Kind, MatchCounts};

/// The UTF-8 encoding of U+FEFF, which some tools (Excel, Notepad) write at the start of a
/// UTF-8 file: JSONL and CSV pass it through and read what follows.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a record does not parse as its format says, and where (never the record text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// Byte offset of the problem in the record.
    pub offset: usize,
    /// What is wrong.
    pub what: &'static str,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.offset)
    }
}

/// One value found by `piimask scan` (its masked form only, never its text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line number (of the record's first line).
    pub line: u64,
    /// What was found.
    pub kind: Kind,
    /// Byte offsets in the line (in the raw record for JSONL and CSV).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The masked form of the value.
    pub masked: String,
}

/// What masking or scanning one block produced.
#[derive(Clone, Debug, Default)]
pub struct Processed {
    /// Masked output (empty when scanning).
    pub out: Vec<u8>,
    /// Values found, per kind.
    pub counts: MatchCounts,
    /// Records (lines, CSV records) in the block.
    pub records: u64,
    /// Records that did not parse and were masked as text: (line, problem).
    pub malformed: Vec<(u64, RecordError)>,
    /// With `--strict`: the record that stopped the run (the output holds what came before).
    pub stopped: Option<(u64, RecordError)>,
    /// Values found (scan only).
    pub findings: Vec<Finding>,
    /// JSONL with `--field`: per path, whether it has named a field so far (in this block
    /// or an earlier one the same worker read).
    pub fields_seen: Vec<bool>,
}

/// Whether a block is masked or scanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write masked output.
    Mask,
    /// Report findings.
    Scan,
}

/// Opens an input (standard input when `path` is `None`), decompressing `.gz` and `.zst`
/// files; `read` counts the raw bytes read (for progress).
pub fn open(path: Option<&Path>, read: Arc<AtomicU64>) -> io::Result<Box<dyn Read + Send>> {
    let Some(path) = path else {
        return Ok(Box::new(Counting { inner: io::stdin(), read }));
    };
    let file = Counting { inner: File::open(path)?, read };
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    Ok(match extension.as_str() {
        "gz" => Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file))),
        "zst" | "zstd" => Box::new(zstd::stream::read::Decoder::new(file)?),
        _ => Box::new(file),
    })
}

/// Reads the first bytes of an input into `buffer`: at least four, unless the input is
/// shorter (a pipe may deliver one byte at a time), and no more than one read returns
/// beyond that, so a line-by-line stream is not held up. Returns how many were read.
pub fn read_head(reader: &mut dyn Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < 4.min(buffer.len()) {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

/// Refuses an input that is not in an encoding piimask reads (UTF-8, or bytes that are
/// mostly ASCII): UTF-16 or UTF-32, told by a byte-order mark or by every other byte being
/// NUL in its first bytes. Read as bytes, its digits would be kept apart by NULs and no
/// value would be found: masking it would pass it through whole, so it is an error.
pub fn check_encoding(head: &[u8]) -> io::Result<()> {
    let refuse = |how: &str| {
        Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the input is UTF-16 or UTF-32 ({how}); piimask reads UTF-8: convert it first, \
                 for example with `iconv -f UTF-16 -t UTF-8`"
            ),
        ))
    };
    if head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || head.starts_with(&[0, 0, 0xFE, 0xFF])
    {
        return refuse("it starts with a byte-order mark");
    }
    let sample = &head[..head.len().min(4096)];
    if sample.len() >= 8 {
        let nul_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
        let half = sample.len() / 4;
        if nul_at(0) > half || nul_at(1) > half {
            return refuse("every other byte of its start is NUL");
        }
    }
    Ok(())
}

/// A reader that counts the bytes it reads.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.read.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

/// The masked form of a value found in `bytes` at `start..end` (empty if not UTF-8, which
/// a match never is).
pub fn masked_value(masker: &piimask::Masker, kind: Kind, bytes: &[u8]) -> String {
    let Ok(value) = std::str::from_utf8(bytes) else { return String::new() };
    masker.mask_match(value, &piimask::Match::new(kind, piimask::Span::new(0, value.len())))
}

/// Whether `masked` (the core's masking of `line`, which starts at `line_start` in the
/// text `matches` were found in) is `line` with just its first-round `matches` replaced:
/// masking took one round (see `Masker::mask`: a masked value can make a new one readable,
/// and the line is then masked again).
pub fn one_round(
    masker: &piimask::Masker,
    line: &[u8],
    line_start: usize,
    matches: &[piimask::Match],
    masked: &[u8],
) -> bool {
    let (mut copied, mut at) = (0, 0);
    for found in matches {
        let (start, end) = (found.start() - line_start, found.end() - line_start);
        let gap = &line[copied..start];
        let value = masked_value(masker, found.kind(), &line[start..end]);
        if masked.get(at..at + gap.len()) != Some(gap) {
            return false;
        }
        at += gap.len();
        if masked.get(at..at + value.len()) != Some(value.as_bytes()) {
            return false;
        }
        at += value.len();
        copied = end;
    }
    masked.get(at..) == Some(&line[copied..])
}

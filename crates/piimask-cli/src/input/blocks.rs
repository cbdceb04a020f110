//! Splits an input into blocks of about 256 KiB at record boundaries, so that blocks can be
//! masked in parallel and written in order with the same result as one pass: text at line
//! breaks and quiet points (the core's `Splitter`), JSONL at line breaks, CSV after whole
//! records (quoted fields may hold line breaks), with the CSV header as its own block.

use std::sync::Arc;

use piimask::stream::{Piece, Splitter};

/// The size blocks are cut at (a block ends at the first record boundary after it).
pub const BLOCK_SIZE: usize = 256 * 1024;

/// A CSV record is held whole up to this size (a quoted field may hold many lines); past it
/// with no record boundary (a record this long, or an unbalanced quote) the text read is
/// cut at its last line break anyway, and the parser reports the broken record. This bounds
/// memory on a quote left open near the start of a large export.
pub const CSV_MAX_RECORD: usize = 64 * 1024 * 1024;

/// A part of an input that masks on its own.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// 1-based number of the block's first line.
    pub first_line: u64,
    /// Line breaks (`\n`) in the block.
    pub line_breaks: u64,
    /// Text only: digits near a forced cut at the block's start/end are masked outright.
    pub fail_closed: (bool, bool),
    /// CSV only: this block is the header.
    pub header: bool,
    /// CSV only: which columns to mask (`None`: all).
    pub columns: Option<Arc<Vec<bool>>>,
}

/// Cuts an input into blocks.
pub trait BlockSplitter: Send {
    /// Feeds the next chunk of input; emits every complete block.
    fn feed(&mut self, chunk: &[u8], emit: &mut dyn FnMut(Block)) -> Result<(), String>;
    /// Emits what is left.
    fn finish(&mut self, emit: &mut dyn FnMut(Block)) -> Result<(), String>;
}

/// Counts lines so that each block knows its first line number.
#[derive(Debug, Default)]
struct LineCounter {
    lines_before: u64,
}

impl LineCounter {
    fn block(&mut self, bytes: Vec<u8>) -> Block {
        let first_line = self.lines_before + 1;
        let line_breaks = memchr::memchr_iter(b'\n', &bytes).count() as u64;
        self.lines_before += line_breaks;
        Block { bytes, first_line, line_breaks, ..Block::default() }
    }
}

/// Text: the core's splitter, which cuts only where masking both sides separately is exact.
#[derive(Debug)]
pub struct TextBlocks {
    splitter: Splitter,
    lines: LineCounter,
}

impl TextBlocks {
    /// A text block splitter.
    pub fn new() -> TextBlocks {
        TextBlocks { splitter: Splitter::new(BLOCK_SIZE), lines: LineCounter::default() }
    }

    fn emit_piece(lines: &mut LineCounter, piece: Piece, emit: &mut dyn FnMut(Block)) {
        let mut block = lines.block(piece.bytes);
        block.fail_closed = piece.fail_closed;
        emit(block);
    }
}

impl Default for TextBlocks {
    fn default() -> TextBlocks {
        TextBlocks::new()
    }
}

impl BlockSplitter for TextBlocks {
    fn feed(&mut self, chunk: &[u8], emit: &mut dyn FnMut(Block)) -> Result<(), String> {
        let lines = &mut self.lines;
        self.splitter.feed(chunk, |piece| TextBlocks::emit_piece(lines, piece, emit));
        Ok(())
    }

    fn finish(&mut self, emit: &mut dyn FnMut(Block)) -> Result<(), String> {
        let lines = &mut self.lines;
        self.splitter.finish(|piece| TextBlocks::emit_piece(lines, piece, emit));
        Ok(())
    }
}

/// JSONL: blocks of whole lines.
#[derive(Debug, Default)]
pub struct LineBlocks {
    pending: Vec<u8>,
    lines: LineCounter,
}

impl BlockSplitter for LineBlocks {
    fn feed(&mut self, chunk: &[u8], emit: &mut dyn FnMut(Block)) -> Result<(), String> {
        let before = self.pending.len();
        self.pending.extend_from_slice(chunk);
        if self.pending.len() >= BLOCK_SIZE
            && let Some(last) = memchr::memrchr(b'\n', &self.pending[before.saturating_sub(1)..])
        {
            let cut = before.saturating_sub(1) + last + 1;
            let rest = self.pending.split_off(cut);
            let bytes = std::mem::replace(&mut self.pending, rest);
            emit(self.lines.block(bytes));
        }
        Ok(())
    }

    fn finish(&mut self, emit: &mut dyn FnMut(Block)) -> Result<(), String> {
        if !self.pending.is_empty() {
            let bytes = std::mem::take(&mut self.pending);
            emit(self.lines.block(bytes));
        }
        Ok(())
    }
}

/// CSV: blocks of whole records; the first record (the header) is a block of its own and
/// decides which columns are masked.
#[derive(Debug)]
pub struct CsvBlocks {
    pending: Vec<u8>,
    lines: LineCounter,
    delimiter: u8,
    /// Columns to mask by name (empty: all).
    wanted: Vec<String>,
    /// The column selection, once the header has been read.
    columns: Option<Option<Arc<Vec<bool>>>>,
    /// Whether the scan so far ended inside a quoted field, and where it stopped.
    in_quotes: bool,
    scanned: usize,
    /// The last record boundary found in `pending`.
    boundary: usize,
}

impl CsvBlocks {
    /// A CSV block splitter for `delimiter`, masking the `wanted` columns (all when empty).
    pub fn new(delimiter: u8, wanted: Vec<String>) -> CsvBlocks {
        CsvBlocks {
            pending: Vec::new(),
            lines: LineCounter::default(),
            delimiter,
            wanted,
            columns: None,
            in_quotes: false,
            scanned: 0,
            boundary: 0,
        }
    }

    /// Advances the quote-aware scan over new bytes, remembering the last record boundary
    /// (a line break outside quotes).
    fn scan(&mut self) {
        for (i, &b) in self.pending.iter().enumerate().skip(self.scanned) {
            match b {
                b'"' => self.in_quotes = !self.in_quotes,
                b'\n' if !self.in_quotes => self.boundary = i + 1,
                _ => {}
            }
        }
        self.scanned = self.pending.len();
    }

    fn cut(&mut self, at: usize, emit: &mut dyn FnMut(Block)) {
        let rest = self.pending.split_off(at);
        let bytes = std::mem::replace(&mut self.pending, rest);
        self.scanned = self.scanned.saturating_sub(at);
        self.boundary = 0;
        let mut block = self.lines.block(bytes);
        block.columns = self.columns.clone().flatten();
        emit(block);
    }

    /// Emits the header once its record is complete, and decides the columns.
    fn header(&mut self, emit: &mut dyn FnMut(Block), at_end: bool) -> Result<bool, String> {
        let first_break = memchr::memchr_iter(b'\n', &self.pending).find(|&i| self.first_record_end(i));
        let end = match first_break {
            Some(i) => i + 1,
            None if at_end => self.pending.len(),
            None => return Ok(false),
        };
        let names = super::csv::header_names(&self.pending[..end], self.delimiter);
        let selection = if self.wanted.is_empty() {
            None
        } else {
            if let Some(missing) = self.wanted.iter().find(|w| !names.contains(w)) {
                return Err(format!("no column named {missing:?} in the header"));
            }
            Some(Arc::new(names.iter().map(|n| self.wanted.contains(n)).collect()))
        };
        self.columns = Some(selection);
        let rest = self.pending.split_off(end);
        let bytes = std::mem::replace(&mut self.pending, rest);
        let mut block = self.lines.block(bytes);
        block.header = true;
        emit(block);
        self.scanned = 0;
        self.boundary = 0;
        self.in_quotes = false;
        Ok(true)
    }

    /// Whether the line break at `i` ends the first record (is outside quotes).
    fn first_record_end(&self, i: usize) -> bool {
        self.pending[..i].iter().filter(|&&b| b == b'"').count() % 2 == 0
    }
}

impl BlockSplitter for CsvBlocks {
    fn feed(&mut self, chunk: &[u8], emit: &mut dyn FnMut(Block)) -> Result<(), String> {
        self.pending.extend_from_slice(chunk);
        if self.columns.is_none() && !self.header(emit, false)? {
            return Ok(());
        }
        if self.pending.len() < BLOCK_SIZE {
            return Ok(());
        }
        self.scan();
        if self.boundary > 0 {
            let at = self.boundary;
            self.cut(at, emit);
        } else if self.pending.len() > CSV_MAX_RECORD
            && let Some(last) = memchr::memrchr(b'\n', &self.pending)
        {
            // An unbalanced quote: cut anyway; the parser reports the broken record.
            self.in_quotes = false;
            self.cut(last + 1, emit);
        }
        Ok(())
    }

    fn finish(&mut self, emit: &mut dyn FnMut(Block)) -> Result<(), String> {
        if self.columns.is_none() && !self.pending.is_empty() && !self.header(emit, true)? {
            return Ok(());
        }
        if !self.pending.is_empty() {
            let at = self.pending.len();
            self.cut(at, emit);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(splitter: &mut dyn BlockSplitter, input: &[u8], chunk: usize) -> Vec<Block> {
        let mut out = Vec::new();
        for piece in input.chunks(chunk.max(1)) {
            splitter.feed(piece, &mut |b| out.push(b)).unwrap();
        }
        splitter.finish(&mut |b| out.push(b)).unwrap();
        out
    }

    #[test]
    fn jsonl_blocks_hold_whole_lines_and_know_their_first_line() {
        let line = b"{\"a\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n";
        let input: Vec<u8> = line.repeat(10_000);
        let out = blocks(&mut LineBlocks::default(), &input, 10_000);
        assert!(out.len() > 1);
        assert!(out.iter().all(|b| b.bytes.ends_with(b"\n")));
        assert_eq!(out.iter().map(|b| b.bytes.len()).sum::<usize>(), input.len());
        let lines_before: u64 = out[0].bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        assert_eq!(out[1].first_line, lines_before + 1);
    }

    #[test]
    fn csv_blocks_keep_quoted_line_breaks_inside_records() {
        let mut input = b"name,note\n".to_vec();
        for i in 0..20_000 {
            input.extend_from_slice(format!("n{i},\"line one\nline two, {i}\"\n").as_bytes());
        }
        let out = blocks(&mut CsvBlocks::new(b',', vec!["note".into()]), &input, 7_777);
        assert!(out[0].header);
        assert_eq!(out[0].bytes, b"name,note\n");
        assert_eq!(out.iter().map(|b| b.bytes.len()).sum::<usize>(), input.len());
        for block in &out[1..] {
            assert!(block.bytes.starts_with(b"n"), "a block starts at a record");
            assert_eq!(block.columns.as_deref(), Some(&vec![false, true]));
        }
    }

    #[test]
    fn csv_unknown_columns_are_reported() {
        let mut splitter = CsvBlocks::new(b',', vec!["phone".into()]);
        let err = splitter.feed(b"name,note\nx,y\n", &mut |_| {}).unwrap_err();
        assert!(err.contains("phone"));
    }
}

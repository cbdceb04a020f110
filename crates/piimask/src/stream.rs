//! The stream masker: input in chunks of any size, output identical to masking the whole
//! input at once, memory bounded by a window instead of the input size; plus `io` adapters.
//!
//! Exactness rests on one property of the rules: no value, digit chunk, context window or
//! fixpoint round ever crosses a line break, and none reaches across a *quiet* stretch (no
//! digit and no `@` anywhere near). So the masker releases every complete line at once, and
//! inside a very long line it cuts only in the middle of a quiet stretch. Only a line longer
//! than [`MAX_HOLD`] without any quiet stretch is cut where it must be; there, to fail
//! closed, every digit and every address near the cut is masked outright.

use std::io::{self, Read, Write};

use crate::masker::Masker;
use crate::scan::chars::{Class, char_before, classify};
use crate::span::MatchCounts;
use crate::validate::email;

/// Bytes held back before the masker looks for a quiet place to cut a long line.
pub const CUT_THRESHOLD: usize = 64 * 1024;

/// The most bytes ever held back: a line this long with no quiet stretch is cut anyway.
pub const MAX_HOLD: usize = 1024 * 1024;

/// How far a rule can see from a number (context window and the words after it) and how
/// far from an `@` an address can reach: a cut this far from any digit, and farther from
/// any `@`, changes no reading.
const DIGIT_REACH: usize = 100;
const AT_REACH_BEFORE: usize = 260;

/// Splits a byte stream into pieces that mask independently: masking each piece on its own
/// and joining the results gives exactly what masking the whole stream gives (except after
/// a forced cut, see [`Piece::fail_closed`]).
///
/// Pieces end after a line break, or at a quiet point inside a long line; a piece is
/// released once at least `min_piece` bytes are ready (0: at every line break).
///
/// # Example
/// ```
/// use piimask::{Masker, stream::Splitter};
/// let masker = Masker::default();
/// let mut splitter = Splitter::new(0);
/// let mut out = Vec::new();
/// for chunk in [&b"call +4479"[..], b"66197542\nok"] {
///     splitter.feed(chunk, |piece| piece.mask_into(&masker, &mut out));
/// }
/// splitter.finish(|piece| piece.mask_into(&masker, &mut out));
/// assert_eq!(out, b"call *********7542\nok");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Splitter {
    /// Input not released yet.
    pending: Vec<u8>,
    /// Release only pieces of at least this many bytes (unless finishing).
    min_piece: usize,
    /// Where the last search for a quiet cut stopped, to keep long lines linear.
    searched: usize,
    /// After a forced cut: the next piece starts with what the cut may have split.
    fail_closed_next: bool,
}

/// A piece of a stream that masks independently of the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Whether the piece touches a forced cut (a line longer than [`MAX_HOLD`] with no
    /// quiet point), at its start or end: digits and `@` near that edge are masked
    /// outright when the piece is masked, so a value the cut split is never let through.
    pub fail_closed: (bool, bool),
}

impl Piece {
    /// Masks the piece with `masker`, appending to `out`.
    pub fn mask_into(&self, masker: &Masker, out: &mut Vec<u8>) {
        self.mask_into_counting(masker, out, &mut MatchCounts::default());
    }

    /// Masks the piece with `masker`, appending to `out` and counting the values found.
    pub fn mask_into_counting(&self, masker: &Masker, out: &mut Vec<u8>, counts: &mut MatchCounts) {
        mask_piece_into(masker, &self.bytes, self.fail_closed, out, counts);
    }
}

/// Masks the bytes of a [`Piece`] (given apart, so callers that keep pieces in their own
/// buffers need not copy them), appending to `out` and counting the values found.
pub fn mask_piece_into(
    masker: &Masker,
    bytes: &[u8],
    fail_closed: (bool, bool),
    out: &mut Vec<u8>,
    counts: &mut MatchCounts,
) {
    let start = out.len();
    if out.is_empty() {
        masker.mask_bytes_into_counting(bytes, out, counts);
    } else {
        let mut masked = Vec::new();
        masker.mask_bytes_into_counting(bytes, &mut masked, counts);
        out.extend_from_slice(&masked);
    }
    let mask_char = masker.config().mask_char;
    let piece = &mut out[start..];
    if fail_closed.0 {
        let end = piece.len().min(FAIL_CLOSED_SPAN);
        mask_digits(piece, 0, end, mask_char);
    }
    if fail_closed.1 {
        let from = piece.len().saturating_sub(FAIL_CLOSED_SPAN);
        mask_digits(piece, from, piece.len(), mask_char);
    }
}

impl Splitter {
    /// A splitter releasing pieces of at least `min_piece` bytes.
    pub fn new(min_piece: usize) -> Splitter {
        Splitter { min_piece, ..Splitter::default() }
    }

    /// Feeds the next chunk; calls `emit` with every piece that is ready.
    pub fn feed(&mut self, chunk: &[u8], mut emit: impl FnMut(Piece)) {
        self.pending.extend_from_slice(chunk);
        if self.pending.len() < self.min_piece.max(1) {
            return;
        }
        let fresh = self.pending.len() - chunk.len();
        if let Some(last) = memchr::memrchr2(b'\n', b'\r', &self.pending[fresh..]) {
            self.release(fresh + last + 1, (false, false), &mut emit);
        }
        while self.pending.len() > CUT_THRESHOLD.max(self.min_piece) {
            if let Some(cut) = quiet_cut(&self.pending, self.searched) {
                self.release(cut, (false, false), &mut emit);
                continue;
            }
            // A quiet run may straddle where this search stopped: resume a bit before.
            self.searched = self.pending.len().saturating_sub(3 * DIGIT_REACH);
            if self.pending.len() < MAX_HOLD {
                return;
            }
            let cut = forced_cut(&self.pending, MAX_HOLD / 2);
            self.release(cut, (false, true), &mut emit);
            self.fail_closed_next = true;
        }
    }

    /// Releases everything still held back.
    pub fn finish(&mut self, mut emit: impl FnMut(Piece)) {
        let len = self.pending.len();
        if len > 0 {
            self.release(len, (false, false), &mut emit);
        }
        self.searched = 0;
    }

    /// How many bytes are held back right now.
    pub fn held(&self) -> usize {
        self.pending.len()
    }

    fn release(&mut self, end: usize, (_, fail_closed_end): (bool, bool), emit: &mut impl FnMut(Piece)) {
        // When pieces are large (a batch splitter's), what stays held goes into a buffer as
        // large as the one released (at most twice the most ever held back, whatever one
        // chunk fed), so that the next chunks fill it without growing it step by step (each
        // step a copy). A stream masker's pieces end at every line break and hold little
        // back: exactly that is kept.
        let held = self.pending.len() - end;
        let capacity = if self.min_piece > 0 {
            self.pending.capacity().min(2 * MAX_HOLD.max(self.min_piece)).max(held)
        } else {
            held
        };
        let mut rest = Vec::with_capacity(capacity);
        rest.extend_from_slice(&self.pending[end..]);
        self.pending.truncate(end);
        let bytes = std::mem::replace(&mut self.pending, rest);
        let fail_closed_start = std::mem::take(&mut self.fail_closed_next);
        self.searched = 0;
        emit(Piece { bytes, fail_closed: (fail_closed_start, fail_closed_end) });
    }
}

/// Masks a stream of bytes chunk by chunk, releasing output at every line break.
///
/// # Example
/// ```
/// use piimask::{Masker, StreamMasker};
/// let masker = Masker::default();
/// let mut stream = StreamMasker::new(&masker);
/// let mut out = Vec::new();
/// for piece in ["card 4111 11", "11 1111 1111\nmail mel", "issa@gmail.com"] {
///     stream.feed(piece.as_bytes(), &mut out);
/// }
/// stream.finish(&mut out);
/// assert_eq!(out, masker.mask("card 4111 1111 1111 1111\nmail melissa@gmail.com").as_bytes());
/// ```
#[derive(Debug, Clone)]
pub struct StreamMasker {
    masker: Masker,
    splitter: Splitter,
}

impl StreamMasker {
    /// A stream masker that masks with `masker`.
    pub fn new(masker: &Masker) -> StreamMasker {
        StreamMasker { masker: masker.clone(), splitter: Splitter::new(0) }
    }

    /// Feeds the next chunk; appends to `out` the masked output that is final so far.
    pub fn feed(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let masker = &self.masker;
        self.splitter.feed(chunk, |piece| piece.mask_into(masker, out));
    }

    /// Masks and appends to `out` everything still held back; the stream masker is then
    /// empty and can be reused.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        let masker = &self.masker;
        self.splitter.finish(|piece| piece.mask_into(masker, out));
    }

    /// How many bytes are held back right now.
    pub fn held(&self) -> usize {
        self.splitter.held()
    }
}

/// Whether a byte may belong to a digit (of any script) or is an `@`.
fn is_anchor(b: u8) -> bool {
    b.is_ascii_digit() || b == b'@' || matches!(b, 0xD9 | 0xDB | 0xE0 | 0xEF)
}

/// The last offset in `hay` (after `from`) with no anchor within `DIGIT_REACH` on either
/// side and no `@` within `AT_REACH_BEFORE` before it, at an ASCII space or letter (never
/// inside a character), leaving at least `DIGIT_REACH` bytes after it.
fn quiet_cut(hay: &[u8], from: usize) -> Option<usize> {
    if hay.len() < 2 * DIGIT_REACH {
        return None;
    }
    let limit = hay.len() - DIGIT_REACH;
    // Scan backwards for a run of 2 * DIGIT_REACH anchor-free bytes.
    let mut quiet = 0;
    let mut at = limit + DIGIT_REACH;
    while at > from {
        at -= 1;
        if is_anchor(hay[at]) {
            quiet = 0;
            continue;
        }
        quiet += 1;
        if quiet < 2 * DIGIT_REACH {
            continue;
        }
        let cut = at + DIGIT_REACH;
        let safe_char = hay[cut].is_ascii();
        let no_at_before = !email::holds_at_sign(&hay[cut.saturating_sub(AT_REACH_BEFORE)..cut]);
        if safe_char && no_at_before && cut <= limit {
            return Some(cut);
        }
    }
    None
}

/// Where to cut a line that has no quiet stretch: near `target`, preferably at whitespace,
/// never inside a UTF-8 character.
fn forced_cut(hay: &[u8], target: usize) -> usize {
    let window = &hay[target.saturating_sub(4096)..target];
    let space = window.iter().rposition(|b| b.is_ascii_whitespace()).map(|i| target - window.len() + i + 1);
    let mut cut = space.unwrap_or(target);
    while cut > 0 && hay[cut] & 0xC0 == 0x80 {
        cut -= 1;
    }
    cut.max(1)
}

/// How much output on each side of a forced cut loses its digits.
const FAIL_CLOSED_SPAN: usize = 3 * DIGIT_REACH;

/// How far past that span a digit chunk it runs into is followed, to be masked whole.
const CHUNK_REACH: usize = 4096;

/// Fail closed at a forced cut: every digit (of any script) and at sign (`@`, `＠`) in
/// `out[from..to]` becomes the mask character, and so does every digit of a digit chunk
/// (digits, separators, `+`, parentheses and mask characters joined up) that runs over
/// either end of that span and ends within [`CHUNK_REACH`] of it, so that no short rest of
/// it is left to read as a value of its own. (A rest longer than that is too long to be
/// one, and a line of a million digits keeps all but the digits near its cuts.) Each byte
/// of a masked character becomes one mask character (an ASCII one; `*` when the configured
/// one is not ASCII), so `out` keeps its length and stays UTF-8.
fn mask_digits(out: &mut [u8], from: usize, to: usize, mask_char: char) {
    let replacement = if mask_char.is_ascii() { mask_char as u8 } else { b'*' };
    let in_chunk =
        |at: usize| out[at] == replacement || out[at] == b'*' || !matches!(classify(out, at).0, Class::Other);
    // Widen the span to character boundaries, then over the chunks it cuts.
    let mut from = from.min(out.len());
    while from > 0 && from < out.len() && out[from] & 0xC0 == 0x80 {
        from -= 1;
    }
    let mut chunk_start = from;
    while let Some((_, previous)) = char_before(out, chunk_start)
        && from - previous <= CHUNK_REACH
        && in_chunk(previous)
    {
        chunk_start = previous;
    }
    // (An invalid sequence before the chunk, where `char_before` gives `None`, ends it.)
    if char_before(out, chunk_start).is_none_or(|(_, previous)| !in_chunk(previous)) {
        from = chunk_start;
    }
    let mut to = to.min(out.len());
    while to < out.len() && out[to] & 0xC0 == 0x80 {
        to += 1;
    }
    let mut chunk_end = to;
    while chunk_end < out.len() && chunk_end - to <= CHUNK_REACH && in_chunk(chunk_end) {
        chunk_end += classify(out, chunk_end).1;
    }
    if chunk_end >= out.len() || !in_chunk(chunk_end) {
        to = chunk_end;
    }
    let mut i = from;
    while i < to.min(out.len()) {
        let width = match email::at_sign_len(out, i) {
            Some(len) => len,
            None => match classify(out, i) {
                (Class::Digit(_), len) => len,
                (_, len) => {
                    i += len;
                    continue;
                }
            },
        };
        let end = (i + width).min(out.len());
        out[i..end].fill(replacement);
        i = end;
    }
}

/// An [`io::Write`] adapter that masks everything written through it.
///
/// Output is written as soon as it is final; [`MaskWriter::finish`] masks and writes the
/// held-back end and returns the inner writer. Dropping the writer finishes it too (errors
/// are then ignored, as with `BufWriter`); call `finish` to see them.
///
/// # Example
/// ```
/// use std::io::Write;
/// use piimask::{MaskWriter, Masker};
/// let mut writer = MaskWriter::new(Vec::new(), &Masker::default());
/// writer.write_all(b"call +4479661")?;
/// writer.write_all(b"97542 now\n")?;
/// let out = writer.finish()?;
/// assert_eq!(out, b"call *********7542 now\n");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct MaskWriter<W: Write> {
    inner: Option<W>,
    stream: StreamMasker,
    out: Vec<u8>,
}

impl<W: Write> MaskWriter<W> {
    /// A writer that masks into `inner`.
    pub fn new(inner: W, masker: &Masker) -> MaskWriter<W> {
        MaskWriter { inner: Some(inner), stream: StreamMasker::new(masker), out: Vec::new() }
    }

    /// Masks and writes what is held back, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.finish_stream()?;
        self.inner.take().ok_or_else(|| io::Error::other("writer already finished"))
    }

    fn finish_stream(&mut self) -> io::Result<()> {
        self.out.clear();
        self.stream.finish(&mut self.out);
        let inner = self.inner.as_mut().ok_or_else(|| io::Error::other("writer already finished"))?;
        inner.write_all(&self.out)?;
        self.out.clear();
        inner.flush()
    }
}

impl<W: Write> Write for MaskWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.clear();
        self.stream.feed(buf, &mut self.out);
        let inner = self.inner.as_mut().ok_or_else(|| io::Error::other("writer already finished"))?;
        inner.write_all(&self.out)?;
        self.out.clear();
        Ok(buf.len())
    }

    /// Flushes what is final; the held-back end of the last line stays held (it may still
    /// be part of a value).
    fn flush(&mut self) -> io::Result<()> {
        self.inner.as_mut().map_or(Ok(()), Write::flush)
    }
}

impl<W: Write> Drop for MaskWriter<W> {
    fn drop(&mut self) {
        if self.inner.is_some() {
            let _ = self.finish_stream();
        }
    }
}

/// Counts from [`mask_reader`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamStats {
    /// Bytes read.
    pub bytes_in: u64,
    /// Bytes written.
    pub bytes_out: u64,
}

/// Masks everything `reader` yields into `writer`, in bounded memory.
///
/// # Example
/// ```
/// let masker = piimask::Masker::default();
/// let mut out = Vec::new();
/// let stats = piimask::mask_reader(&masker, &b"SSN 123-45-6789\n"[..], &mut out)?;
/// assert_eq!(out, b"SSN *******6789\n");
/// assert_eq!(stats.bytes_in, 16);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn mask_reader(
    masker: &Masker,
    mut reader: impl Read,
    mut writer: impl Write,
) -> io::Result<StreamStats> {
    let mut stream = StreamMasker::new(masker);
    let mut buffer = vec![0u8; 64 * 1024];
    let mut out = Vec::new();
    let mut stats = StreamStats::default();
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        stats.bytes_in += read as u64;
        out.clear();
        stream.feed(&buffer[..read], &mut out);
        writer.write_all(&out)?;
        stats.bytes_out += out.len() as u64;
    }
    out.clear();
    stream.finish(&mut out);
    writer.write_all(&out)?;
    stats.bytes_out += out.len() as u64;
    writer.flush()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streamed(masker: &Masker, input: &[u8], sizes: &[usize]) -> Vec<u8> {
        let mut stream = StreamMasker::new(masker);
        let mut out = Vec::new();
        let mut at = 0;
        let mut i = 0;
        while at < input.len() {
            let size = sizes[i % sizes.len()].max(1);
            let end = (at + size).min(input.len());
            stream.feed(&input[at..end], &mut out);
            at = end;
            i += 1;
        }
        stream.finish(&mut out);
        out
    }

    #[test]
    fn long_lines_are_cut_quietly_and_exactly() {
        let masker = Masker::default();
        let mut line = String::new();
        for i in 0..20_000 {
            line.push_str(&format!("word{} ", "x".repeat(i % 7)));
            if i % 997 == 0 {
                line.push_str("call +447966197542 please ");
            }
        }
        let whole = masker.mask_bytes(line.as_bytes()).into_owned();
        for sizes in [&[1usize][..], &[7, 13], &[4096], &[100_000]] {
            assert_eq!(streamed(&masker, line.as_bytes(), sizes), whole, "{sizes:?}");
        }
        let mut stream = StreamMasker::new(&masker);
        let mut out = Vec::new();
        stream.feed(line.as_bytes(), &mut out);
        assert!(stream.held() <= CUT_THRESHOLD + 2 * DIGIT_REACH, "held {}", stream.held());
    }

    #[test]
    fn a_long_line_without_quiet_stretches_stays_bounded_and_fails_closed() {
        let masker = Masker::default();
        let line = "1 ".repeat(MAX_HOLD * 2);
        let mut stream = StreamMasker::new(&masker);
        let mut out = Vec::new();
        for chunk in line.as_bytes().chunks(8192) {
            stream.feed(chunk, &mut out);
            assert!(stream.held() <= MAX_HOLD + 8192);
        }
        stream.finish(&mut out);
        assert!(out.len() >= line.len() - 10);
    }

    /// Found by a user review: cards of full-width digits glued by commas, in a line over
    /// `MAX_HOLD` with no quiet stretch. The forced cuts split a card, and only ASCII digits
    /// were masked around them: the two halves went out readable.
    #[test]
    fn digits_of_any_script_are_masked_around_a_forced_cut() {
        let masker = Masker::default();
        for (card, glue) in
            [("４１１１１１１１１１１１１１１１", ","), ("٤١١١١١١١١١١١١١١١", "،"), ("４１１１", "\u{202F}")]
        {
            let line = format!("{card}{glue}").repeat(3 * MAX_HOLD / (card.len() + glue.len()));
            let mut stream = StreamMasker::new(&masker);
            let mut out = Vec::new();
            for chunk in line.as_bytes().chunks(64 << 10) {
                stream.feed(chunk, &mut out);
            }
            stream.finish(&mut out);
            let out = String::from_utf8(out).expect("the output stays UTF-8");
            let left: Vec<_> = masker.find_iter(&out).take(3).map(|m| out[m.range()].to_string()).collect();
            assert!(left.is_empty(), "{card}: the streamed output still holds {left:?}");
        }
    }
}

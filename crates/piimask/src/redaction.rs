//! Redactions: the values as masking replaces them, each with its masked form, such that
//! putting every masked form in place of its span rebuilds [`Masker::mask`]'s output.
//!
//! Usually the redactions are [`Masker::find_iter`]'s matches. They differ on a line that
//! takes more than one round of masking to settle: a masked value can make a new value
//! readable (`call me on 662-2113281-049552`: once `662-2113281` is masked, the kept digits
//! of its mask and `-049552` read as a phone of their own), and the line is masked again.
//! There the rounds are replayed with each piece of the line's output mapped back to the
//! input range it came from: a value found in a later round takes in the masked values it
//! touches, and each masked piece left at the end is one redaction.

use crate::kind::Kind;
use crate::masker::{Masker, SETTLE_ROUNDS};
use crate::span::{Match, Span};

/// One value as masking replaces it: what it is, where it is, and what it becomes.
///
/// [`Masker::redactions`] returns them; putting each one's [`masked`](Redaction::masked)
/// form in place of its span gives exactly what [`Masker::mask`] writes.
///
/// # Example
/// ```
/// use piimask::{Kind, Masker};
/// let text = "call +447966197542";
/// let redactions = Masker::default().redactions(text);
/// assert_eq!(redactions[0].kind(), Kind::Phone);
/// assert_eq!(&text[redactions[0].range()], "+447966197542");
/// assert_eq!(redactions[0].masked(), "*********7542");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Redaction {
    kind: Kind,
    span: Span,
    masked: String,
}

impl Redaction {
    /// What was found (for a value that took several rounds, the first one found there).
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// Where it is in the input, in bytes.
    pub const fn span(&self) -> Span {
        self.span
    }

    /// Offset of the first byte.
    pub const fn start(&self) -> usize {
        self.span.start
    }

    /// Offset after the last byte.
    pub const fn end(&self) -> usize {
        self.span.end
    }

    /// The span as a range, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.span.range()
    }

    /// What masking writes in its place.
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// The masked form, owned.
    pub fn into_masked(self) -> String {
        self.masked
    }
}

/// The redactions of `bytes`, given `matches`, the masker's first-round matches of it (what
/// [`Masker::find_iter_bytes`] yields).
pub(crate) fn settle(masker: &Masker, bytes: &[u8], matches: &[Match]) -> Vec<Redaction> {
    let mut redactions = Vec::with_capacity(matches.len());
    let mut rest = matches;
    while let Some(first) = rest.first() {
        // No value, chunk or context window crosses a line break (`\n` or `\r`), so each
        // line settles on its own.
        let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[..first.start()]).map_or(0, |at| at + 1);
        let line_end = memchr::memchr2(b'\n', b'\r', &bytes[first.start()..])
            .map_or(bytes.len(), |at| first.start() + at);
        let on_line = rest.iter().take_while(|found| found.start() < line_end).count();
        let (line_matches, after) = rest.split_at(on_line);
        rest = after;
        let line = &bytes[line_start..line_end];
        let line_matches: Vec<Match> = line_matches
            .iter()
            .map(|found| {
                Match::new(found.kind(), Span::new(found.start() - line_start, found.end() - line_start))
            })
            .collect();
        for (kind, span, masked) in settle_line(masker, line, line_matches) {
            let span = Span::new(line_start + span.start, line_start + span.end);
            redactions.push(Redaction { kind, span, masked });
        }
    }
    redactions
}

/// A piece of a line's text after some rounds of masking: `output` (a range of that text)
/// stands for `input` (a range of the line); `masked` is the kind of the value it masks, or
/// `None` for text copied as it is (then both ranges are the same bytes).
#[derive(Clone, Debug)]
struct Piece {
    output: std::ops::Range<usize>,
    input: std::ops::Range<usize>,
    masked: Option<Kind>,
}

/// The redactions of one line (kind, span in the line, masked form), given its first-round
/// `matches`.
fn settle_line(masker: &Masker, line: &[u8], matches: Vec<Match>) -> Vec<(Kind, Span, String)> {
    let mut masked = Vec::with_capacity(line.len());
    masker.mask_line_into(line, matches.iter().copied(), &mut masked);
    // The usual case: one round, each value masked on its own where it stands.
    let mut one_round = Vec::with_capacity(matches.len());
    let mut copied = 0;
    let mut rebuilt = 0;
    for found in &matches {
        let value = masked_form(masker, found.kind(), &line[found.range()]);
        let gap = &line[copied..found.start()];
        let rest = &masked[rebuilt..];
        if !(rest.starts_with(gap) && rest[gap.len()..].starts_with(value.as_bytes())) {
            break;
        }
        rebuilt += gap.len() + value.len();
        copied = found.end();
        one_round.push((found.kind(), found.span(), value));
    }
    if one_round.len() == matches.len() && masked[rebuilt..] == line[copied..] {
        return one_round;
    }
    // More rounds: replay them, keeping track of where each piece of the output comes from.
    let mut text = line.to_vec();
    let mut pieces = vec![Piece { output: 0..line.len(), input: 0..line.len(), masked: None }];
    let mut found = matches;
    for _ in 0..=SETTLE_ROUNDS {
        if found.is_empty() {
            break;
        }
        (text, pieces) = mask_round(masker, &text, &pieces, &found);
        found = masker.find_iter_bytes(&text).collect();
    }
    if found.is_empty() && text == masked {
        return pieces
            .into_iter()
            .filter_map(|piece| {
                let kind = piece.masked?;
                let masked = String::from_utf8_lossy(&text[piece.output]).into_owned();
                Some((kind, Span::new(piece.input.start, piece.input.end), masked))
            })
            .collect();
    }
    // The replay ends elsewhere only for a line still unsettled after the last round, every
    // digit of which masking then masked: what changed between two invalid UTF-8 sequences
    // (which masking leaves in place) is one redaction.
    let kind = one_round.first().map_or(Kind::Phone, |(kind, _, _)| *kind);
    let (line_parts, masked_parts) = (valid_parts(line), valid_parts(&masked));
    if line_parts.len() != masked_parts.len() {
        // (Unreachable: fail closed, the whole line is one redaction.)
        return vec![(kind, Span::new(0, line.len()), String::from_utf8_lossy(&masked).into_owned())];
    }
    line_parts
        .into_iter()
        .zip(masked_parts)
        .filter(|(from, to)| line[from.clone()] != masked[to.clone()])
        .map(|(from, to)| {
            (kind, Span::new(from.start, from.end), String::from_utf8_lossy(&masked[to]).into_owned())
        })
        .collect()
}

/// The ranges of `bytes` between its invalid UTF-8 sequences.
fn valid_parts(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut at = 0;
    bytes
        .utf8_chunks()
        .map(|chunk| {
            let valid = at..at + chunk.valid().len();
            at = valid.end + chunk.invalid().len();
            valid
        })
        .collect()
}

/// One round of masking over `text` (whose `pieces` map it to the line): each match in
/// `found` is masked, taking in whole every masked piece it touches (matches that share
/// one become one piece). Returns the new text and its pieces.
fn mask_round(masker: &Masker, text: &[u8], pieces: &[Piece], found: &[Match]) -> (Vec<u8>, Vec<Piece>) {
    // The piece holding byte `at` of `text`.
    let piece_at = |at: usize| &pieces[pieces.partition_point(|piece| piece.output.end <= at)];
    // A match widened to the whole masked pieces at its ends.
    let widened = |found: &Match| {
        let (first, last) = (piece_at(found.start()), piece_at(found.end() - 1));
        let start = if first.masked.is_some() { first.output.start } else { found.start() };
        let end = if last.masked.is_some() { last.output.end } else { found.end() };
        (start, end)
    };
    // Where byte `at` of `text` starts (or, for an end, `end_at` ends) in the line.
    let line_start = |at: usize| {
        let piece = piece_at(at);
        if piece.masked.is_some() { piece.input.start } else { piece.input.start + (at - piece.output.start) }
    };
    let line_end = |at: usize| {
        let piece = piece_at(at - 1);
        if piece.masked.is_some() { piece.input.end } else { piece.input.start + (at - piece.output.start) }
    };
    let mut out = Vec::with_capacity(text.len());
    let mut out_pieces = Vec::with_capacity(pieces.len() + found.len());
    let mut copied = 0;
    let mut index = 0;
    while index < found.len() {
        // A group: this match and the next ones that share a masked piece with it.
        let (start, mut end) = widened(&found[index]);
        let mut last = index;
        while let Some(next) = found.get(last + 1) {
            let (next_start, next_end) = widened(next);
            if next_start >= end {
                break;
            }
            end = next_end;
            last += 1;
        }
        copy_pieces(text, pieces, copied..start, &mut out, &mut out_pieces);
        let output_start = out.len();
        let mut at = start;
        for found in &found[index..=last] {
            out.extend_from_slice(&text[at..found.start()]);
            out.extend_from_slice(masked_form(masker, found.kind(), &text[found.range()]).as_bytes());
            at = found.end();
        }
        out.extend_from_slice(&text[at..end]);
        out_pieces.push(Piece {
            output: output_start..out.len(),
            input: line_start(start)..line_end(end),
            masked: Some(found[index].kind()),
        });
        copied = end;
        index = last + 1;
    }
    copy_pieces(text, pieces, copied..text.len(), &mut out, &mut out_pieces);
    (out, out_pieces)
}

/// Copies `text[range]` to `out` as it is, with the parts of `pieces` it spans (cut to it),
/// and the empty pieces (values the `redact` style removed) at its ends.
fn copy_pieces(
    text: &[u8],
    pieces: &[Piece],
    range: std::ops::Range<usize>,
    out: &mut Vec<u8>,
    out_pieces: &mut Vec<Piece>,
) {
    let first = pieces.partition_point(|piece| piece.output.end < range.start);
    for piece in pieces[first..].iter().take_while(|piece| piece.output.start <= range.end) {
        let inside = if piece.output.is_empty() {
            range.start <= piece.output.start
        } else {
            piece.output.start < range.end && piece.output.end > range.start
        };
        if !inside {
            continue;
        }
        let (from, to) = (piece.output.start.max(range.start), piece.output.end.min(range.end));
        let input = match piece.masked {
            // A masked piece is never cut: matches are widened to whole masked pieces.
            Some(_) => piece.input.clone(),
            None => {
                piece.input.start + (from - piece.output.start)..piece.input.start + (to - piece.output.start)
            }
        };
        out_pieces.push(Piece { output: out.len()..out.len() + (to - from), input, masked: piece.masked });
        out.extend_from_slice(&text[from..to]);
    }
}

/// The masked form of one value (empty if it is not UTF-8, which a match never is).
fn masked_form(masker: &Masker, kind: Kind, value: &[u8]) -> String {
    let Ok(value) = std::str::from_utf8(value) else { return String::new() };
    masker.mask_match(value, &Match::new(kind, Span::new(0, value.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Puts each redaction's masked form in place of its span.
    fn splice(text: &str, redactions: &[Redaction]) -> String {
        let mut out = String::new();
        let mut copied = 0;
        for redaction in redactions {
            out.push_str(&text[copied..redaction.start()]);
            out.push_str(redaction.masked());
            copied = redaction.end();
        }
        out.push_str(&text[copied..]);
        out
    }

    #[test]
    fn one_round_redactions_are_the_matches() {
        let masker = Masker::default();
        let text = "card 4111 1111 1111 1111\nmail melissa@gmail.com, call +447966197542";
        let redactions = masker.redactions(text);
        let matches: Vec<Match> = masker.find_iter(text).collect();
        assert_eq!(redactions.len(), matches.len());
        for (redaction, found) in redactions.iter().zip(&matches) {
            assert_eq!((redaction.kind(), redaction.span()), (found.kind(), found.span()));
            assert_eq!(redaction.masked(), masker.mask_match(text, found));
        }
        assert_eq!(splice(text, &redactions), masker.mask(text));
    }

    #[test]
    fn a_line_that_takes_more_rounds_is_one_redaction_between_settled_ends() {
        let masker = Masker::default();
        let line = "mail a@b.com, call me on 662-2113281-049552 or at +447966197542 thanks";
        let text = format!("first line 4111 1111 1111 1111\r\n{line}\nlast");
        let first_round: Vec<Match> = masker.find_iter(&text).collect();
        let masked = masker.mask(&text);
        let redactions = masker.redactions(&text);
        assert_eq!(splice(&text, &redactions), masked);
        // The masking took more than one round: the first round alone does not rebuild it.
        let one_round: Vec<Redaction> = first_round
            .iter()
            .map(|found| Redaction {
                kind: found.kind(),
                span: found.span(),
                masked: masker.mask_match(&text, found),
            })
            .collect();
        assert_ne!(splice(&text, &one_round), masked);
        let values: Vec<&str> = redactions.iter().map(|r| &text[r.range()]).collect();
        assert_eq!(values, ["4111 1111 1111 1111", "a@b.com", "662-2113281-049552", "+447966197542"]);
        assert!(masker.find_iter(&masked).next().is_none());
    }

    #[test]
    fn redactions_over_bytes_skip_invalid_sequences() {
        let masker = Masker::default();
        let bytes = b"\xff card 4111111111111111 \xfe";
        let redactions = masker.redactions_bytes(bytes);
        assert_eq!(redactions.len(), 1);
        assert_eq!(&bytes[redactions[0].range()], b"4111111111111111");
        assert_eq!(redactions[0].masked(), "************1111");
    }
}

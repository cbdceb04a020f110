//! Plain text blocks: masked as bytes (invalid UTF-8 passes through), or scanned into
//! findings with line numbers and offsets within each line.

use piimask::Masker;
use piimask::stream::mask_piece_into;

use super::blocks::Block;
use super::{Finding, Mode, Processed};

/// Masks or scans one text block; masked output goes into `out` (a cleared buffer, reused).
pub fn process(masker: &Masker, block: &Block, mode: Mode, out: Vec<u8>) -> Processed {
    let mut processed = Processed { out, records: block.line_breaks, ..Processed::default() };
    match mode {
        Mode::Mask => {
            processed.out.reserve(block.bytes.len() + block.bytes.len() / 16);
            // The core applies the fail-closed treatment of forced cuts.
            mask_piece_into(
                masker,
                &block.bytes,
                block.fail_closed,
                &mut processed.out,
                &mut processed.counts,
            );
        }
        Mode::Scan => scan(masker, block, &mut processed),
    }
    processed
}

/// Finds the values of a text block as masking replaces them (see `Masker::redactions`),
/// with their line numbers and offsets in their lines.
fn scan(masker: &Masker, block: &Block, processed: &mut Processed) {
    let bytes = &block.bytes[..];
    let (mut line, mut line_start, mut counted_to) = (block.first_line, 0, 0);
    for redaction in masker.redactions_bytes(bytes) {
        for newline in memchr::memchr_iter(b'\n', &bytes[counted_to..redaction.start()]) {
            line += 1;
            line_start = counted_to + newline + 1;
        }
        counted_to = redaction.start();
        processed.counts.add(redaction.kind());
        processed.findings.push(Finding {
            line,
            kind: redaction.kind(),
            start: redaction.start() - line_start,
            end: redaction.end() - line_start,
            masked: redaction.into_masked(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanning_reports_lines_and_offsets_in_the_line() {
        let block = Block {
            bytes: b"hi\ncall +447966197542\nx a@b.com".to_vec(),
            first_line: 10,
            line_breaks: 2,
            ..Block::default()
        };
        let processed = process(&Masker::default(), &block, Mode::Scan, Vec::new());
        let found: Vec<_> =
            processed.findings.iter().map(|f| (f.line, f.start, f.end, f.masked.as_str())).collect();
        assert_eq!(found, [(11, 5, 18, "*********7542"), (12, 2, 9, "*@b.com")]);
    }

    #[test]
    fn masking_counts_values() {
        let block =
            Block { bytes: b"a@b.com c@d.org\n".to_vec(), first_line: 1, line_breaks: 1, ..Block::default() };
        let processed = process(&Masker::default(), &block, Mode::Mask, Vec::new());
        assert_eq!(processed.out, b"*@b.com *@d.org\n");
        assert_eq!(processed.counts.total(), 2);
        assert_eq!(processed.records, 1);
    }
}

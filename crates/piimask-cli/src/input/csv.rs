//! CSV (RFC 4180): records are scanned into raw field spans, so that fields are masked in
//! place and everything else (delimiters, quoting, line ends, untouched fields) stays
//! byte-identical. A masked field keeps its quotes, and gains them when its new content
//! needs them. A record that does not parse is masked as text and reported.
//!
//! The `csv` crate reads records but does not expose raw field spans; the scanner here is
//! small and is checked against it in the tests.

use piimask::Masker;

use super::blocks::Block;
use super::{Finding, Mode, Processed, RecordError, UTF8_BOM};

/// One field's raw bytes: `start..end` in the block, quotes included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawField {
    start: usize,
    end: usize,
    quoted: bool,
}

/// Scans the record starting at `start`: pushes its fields and returns where the next
/// record starts (after the line end).
fn scan_record(
    bytes: &[u8],
    start: usize,
    delimiter: u8,
    fields: &mut Vec<RawField>,
) -> Result<usize, RecordError> {
    fields.clear();
    let mut pos = start;
    loop {
        let field_start = pos;
        if bytes.get(pos) == Some(&b'"') {
            pos += 1;
            loop {
                let Some(quote) = memchr::memchr(b'"', &bytes[pos..]) else {
                    return Err(RecordError {
                        offset: field_start - start,
                        what: "unterminated quoted field",
                    });
                };
                pos += quote + 1;
                if bytes.get(pos) == Some(&b'"') {
                    pos += 1;
                } else {
                    break;
                }
            }
            fields.push(RawField { start: field_start, end: pos, quoted: true });
        } else {
            let end =
                memchr::memchr3(delimiter, b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            fields.push(RawField { start: field_start, end, quoted: false });
            pos = end;
        }
        match bytes.get(pos) {
            Some(&b) if b == delimiter => pos += 1,
            Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => return Ok(pos + 2),
            Some(b'\n' | b'\r') => return Ok(pos + 1),
            None => return Ok(pos),
            Some(_) => return Err(RecordError { offset: pos - start, what: "text after a closing quote" }),
        }
    }
}

/// The content of a field (quotes removed, `""` unescaped).
fn content(bytes: &[u8], field: RawField) -> std::borrow::Cow<'_, [u8]> {
    let raw = &bytes[field.start..field.end];
    if !field.quoted {
        return std::borrow::Cow::Borrowed(raw);
    }
    let inner = &raw[1..raw.len() - 1];
    if memchr::memchr(b'"', inner).is_none() {
        return std::borrow::Cow::Borrowed(inner);
    }
    let mut unescaped = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        unescaped.push(inner[i]);
        i += if inner[i] == b'"' { 2 } else { 1 };
    }
    std::borrow::Cow::Owned(unescaped)
}

/// The raw offset (in the block) of content offset `at` of a quoted field (escaped quotes
/// are two bytes in the raw field).
fn raw_offset(bytes: &[u8], field: RawField, at: usize) -> usize {
    if !field.quoted {
        return field.start + at;
    }
    let inner = &bytes[field.start + 1..field.end - 1];
    let (mut raw, mut content) = (0, 0);
    while content < at && raw < inner.len() {
        raw += if inner[raw] == b'"' { 2 } else { 1 };
        content += 1;
    }
    field.start + 1 + raw
}

/// The header's column names (for `--column`).
pub fn header_names(bytes: &[u8], delimiter: u8) -> Vec<String> {
    // A byte-order mark before the header (Excel writes one) is not part of the first name.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let mut fields = Vec::new();
    if scan_record(bytes, 0, delimiter, &mut fields).is_err() {
        return Vec::new();
    }
    fields.iter().map(|&f| String::from_utf8_lossy(&content(bytes, f)).trim().to_string()).collect()
}

/// Masks or scans one CSV block; masked output goes into `out` (a cleared buffer, reused).
pub fn process(
    masker: &Masker,
    block: &Block,
    mode: Mode,
    strict: bool,
    delimiter: u8,
    out: Vec<u8>,
) -> Processed {
    let bytes = &block.bytes;
    let mut processed = Processed { out, ..Processed::default() };
    // The header is masked too, every field of it (fail closed: an export without a header
    // line has a record there); column names hold no values, so they come out unchanged.
    let columns = if block.header { None } else { block.columns.as_ref() };
    processed.out.reserve(bytes.len());
    let mut fields = Vec::new();
    let mut masked = Vec::new();
    let mut at = 0;
    let mut line = block.first_line;
    while at < bytes.len() {
        let record_line = line;
        match scan_record(bytes, at, delimiter, &mut fields) {
            Ok(next) => {
                processed.records += u64::from(!block.header);
                for (index, &field) in fields.iter().enumerate() {
                    let copy_from = if index == 0 { at } else { fields[index - 1].end };
                    if mode == Mode::Mask {
                        processed.out.extend_from_slice(&bytes[copy_from..field.start]);
                    }
                    let selected = columns.is_none_or(|c| c.get(index).copied().unwrap_or(false));
                    if !selected {
                        if mode == Mode::Mask {
                            processed.out.extend_from_slice(&bytes[field.start..field.end]);
                        }
                        continue;
                    }
                    let value = content(bytes, field);
                    match mode {
                        Mode::Mask => {
                            masker.mask_bytes_into_counting(&value, &mut masked, &mut processed.counts);
                            write_field(bytes, field, &value, &masked, delimiter, &mut processed.out);
                        }
                        Mode::Scan => {
                            for found in masker.redactions_bytes(&value) {
                                processed.counts.add(found.kind());
                                processed.findings.push(Finding {
                                    line: record_line,
                                    kind: found.kind(),
                                    start: raw_offset(bytes, field, found.start()) - at,
                                    end: raw_offset(bytes, field, found.end()) - at,
                                    masked: found.into_masked(),
                                });
                            }
                        }
                    }
                }
                if mode == Mode::Mask {
                    let last_end = fields.last().map_or(at, |f| f.end);
                    processed.out.extend_from_slice(&bytes[last_end..next]);
                }
                line += memchr::memchr_iter(b'\n', &bytes[at..next]).count() as u64;
                at = next;
            }
            Err(error) => {
                if strict {
                    processed.stopped = Some((record_line, error));
                    return processed;
                }
                // Fail closed: the rest of the line is masked as text.
                let next = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
                processed.malformed.push((record_line, error));
                processed.records += 1;
                mask_text(masker, &bytes[at..next], mode, record_line, &mut processed);
                line += 1;
                at = next;
            }
        }
    }
    processed
}

/// Writes a field whose content was masked: unchanged fields byte for byte, changed ones
/// quoted when they were or when their new content needs it.
fn write_field(bytes: &[u8], field: RawField, value: &[u8], masked: &[u8], delimiter: u8, out: &mut Vec<u8>) {
    if masked == value {
        out.extend_from_slice(&bytes[field.start..field.end]);
        return;
    }
    let needs_quotes = masked.iter().any(|&b| b == delimiter || matches!(b, b'"' | b'\n' | b'\r'));
    if !(field.quoted || needs_quotes) {
        out.extend_from_slice(masked);
        return;
    }
    out.push(b'"');
    for &b in masked {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// A record that does not parse: masked (or scanned) as plain text.
fn mask_text(masker: &Masker, raw: &[u8], mode: Mode, line: u64, processed: &mut Processed) {
    match mode {
        Mode::Mask => {
            let mut masked = Vec::new();
            masker.mask_bytes_into_counting(raw, &mut masked, &mut processed.counts);
            processed.out.extend_from_slice(&masked);
        }
        Mode::Scan => {
            for found in masker.redactions_bytes(raw) {
                processed.counts.add(found.kind());
                let (start, end, kind) = (found.start(), found.end(), found.kind());
                processed.findings.push(Finding { line, kind, start, end, masked: found.into_masked() });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(input: &str, columns: Option<Vec<bool>>) -> (String, Processed) {
        let block = Block {
            bytes: input.as_bytes().to_vec(),
            first_line: 2,
            columns: columns.map(std::sync::Arc::new),
            ..Block::default()
        };
        let processed = process(&Masker::default(), &block, Mode::Mask, false, b',', Vec::new());
        (String::from_utf8(processed.out.clone()).unwrap(), processed)
    }

    #[test]
    fn fields_are_masked_in_place_and_quoting_is_kept() {
        let input = "a,\"call +447966197542\",\"x\"\"y\"\r\n4111111111111111,plain,\"multi\nline a@b.com\"\n";
        let (out, processed) = mask(input, None);
        assert_eq!(
            out,
            "a,\"call *********7542\",\"x\"\"y\"\r\n************1111,plain,\"multi\nline *@b.com\"\n"
        );
        assert_eq!(processed.records, 2);
        assert_eq!(processed.counts.total(), 3);
    }

    #[test]
    fn columns_restrict_masking() {
        let (out, _) = mask("a@b.com,a@b.com\n", Some(vec![false, true]));
        assert_eq!(out, "a@b.com,*@b.com\n");
    }

    #[test]
    fn the_header_is_masked_whole_whatever_the_columns() {
        // An export without a header line has its first record where the header is read.
        let block = Block {
            bytes: b"4111111111111111,a@b.com\n".to_vec(),
            first_line: 1,
            header: true,
            columns: Some(std::sync::Arc::new(vec![false, false])),
            ..Block::default()
        };
        let processed = process(&Masker::default(), &block, Mode::Mask, false, b',', Vec::new());
        assert_eq!(processed.out, b"************1111,*@b.com\n");
        assert_eq!(processed.records, 0, "the header is no record");
        let names = Block { bytes: b"card,\"phone number\"\n".to_vec(), header: true, ..Block::default() };
        let processed = process(&Masker::default(), &names, Mode::Mask, false, b',', Vec::new());
        assert_eq!(processed.out, b"card,\"phone number\"\n", "column names come out unchanged");
    }

    #[test]
    fn a_masked_field_gains_quotes_when_it_needs_them() {
        let config = piimask::MaskerConfig::parse("mask_char = \",\"").unwrap();
        let block = Block { bytes: b"x 4111111111111111\n".to_vec(), first_line: 1, ..Block::default() };
        let processed = process(&Masker::new(config).unwrap(), &block, Mode::Mask, false, b',', Vec::new());
        assert_eq!(processed.out, b"\"x ,,,,,,,,,,,,1111\"\n");
    }

    #[test]
    fn broken_records_are_masked_as_text_and_reported() {
        let (out, processed) = mask("\"a\"b,4111111111111111\nok,1\n", None);
        assert_eq!(out, "\"a\"b,************1111\nok,1\n");
        assert_eq!(processed.malformed, [(2, RecordError { offset: 3, what: "text after a closing quote" })]);
    }

    #[test]
    fn scanning_reports_raw_offsets_in_the_record() {
        let block = Block { bytes: b"x,\"q\"\"q a@b.com\"\n".to_vec(), first_line: 5, ..Block::default() };
        let processed = process(&Masker::default(), &block, Mode::Scan, false, b',', Vec::new());
        let f = &processed.findings[0];
        assert_eq!((f.line, &block.bytes[f.start..f.end]), (5, &b"a@b.com"[..]));
    }

    #[test]
    fn the_scanner_agrees_with_the_csv_crate() {
        let input = "h1,h2,h3\r\na,\"b,c\",\"d\"\"e\"\n\"multi\nline\",,last\n,\"\",x\n";
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(input.as_bytes());
        let expected: Vec<Vec<String>> =
            reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
        let bytes = input.as_bytes();
        let (mut at, mut fields, mut got) = (0, Vec::new(), Vec::new());
        while at < bytes.len() {
            at = scan_record(bytes, at, b',', &mut fields).unwrap();
            got.push(
                fields
                    .iter()
                    .map(|&f| String::from_utf8(content(bytes, f).into_owned()).unwrap())
                    .collect::<Vec<_>>(),
            );
        }
        assert_eq!(got, expected);
    }
}

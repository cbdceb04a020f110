//! End-to-end tests of batch redaction with the built binary, on generated files: JSONL
//! fields and escapes, CSV quoting, line ends, empty and unterminated files, `--jobs`
//! invariance, compressed inputs and outputs, directories, `--stats` and `piimask scan`.
//! Expected outputs come from the core library (`Masker::mask`) or from independent parsers
//! (`serde_json`, the `csv` crate), never from the code under test.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use piimask::Masker;

mod common;
use common::{json_lines, piimask, repo, run, scratch_dir};

/// Runs `piimask ARGS` on files; asserts success.
fn run_ok(args: &[&str]) -> Output {
    let out = piimask().args(args).output().unwrap();
    assert!(out.status.success(), "piimask {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn sample() -> String {
    std::fs::read_to_string(repo("tests/data/transcript.jsonl")).unwrap()
}

/// The sample export repeated `copies` times, each copy with its session ids changed, so
/// that blocks differ.
fn big_export(copies: usize) -> String {
    let sample = sample();
    (0..copies).map(|i| sample.replace("\"session_id\":\"", &format!("\"session_id\":\"c{i}_"))).collect()
}

/// Every chat text of the sample (the `text` fields).
fn sample_texts() -> Vec<String> {
    sample()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record["text"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn jsonl_fields_reach_into_nested_objects_and_arrays() {
    let record = concat!(
        r#"{"id":"s1","customer":{"email":"melissa@gmail.com","note":"call +447966197542"},"#,
        r#""messages":[{"from":"c","text":"card 4111 1111 1111 1111"},{"from":"a","text":"SSN 123-45-6789?"}],"#,
        r#""tags":["melissa@gmail.com"]}"#,
        "\n"
    );
    let out = run(
        &["mask", "-f", "jsonl", "--field", "messages[].text", "--field", "customer.email"],
        record.as_bytes(),
    );
    assert!(out.status.success());
    let expected = concat!(
        r#"{"id":"s1","customer":{"email":"m******@gmail.com","note":"call +447966197542"},"#,
        r#""messages":[{"from":"c","text":"card ************1111"},{"from":"a","text":"SSN *******6789?"}],"#,
        r#""tags":["melissa@gmail.com"]}"#,
        "\n"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn jsonl_escapes_hiding_digits_are_decoded_before_detection() {
    let record =
        br#"{"t":"card \u0034\u0031\u0031\u0031 1111 1111 1111 \u00e9 mail melissa\u0040gmail.com"}"#;
    let out = run(&["mask", "-f", "jsonl"], record);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        r#"{"t":"card ************1111 \u00e9 mail m******@gmail.com"}"#
    );
    // The masked record is still valid JSON.
    let out = run(&["mask", "-f", "jsonl"], record);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["t"], "card ************1111 é mail m******@gmail.com");
}

/// The masked sample export: every string value is exactly `Masker::mask` of the input
/// value, and the only other changes are numbers under a phone key, which the key's
/// context makes phone numbers (JSONL detection sees the whole record).
#[test]
fn jsonl_values_equal_masking_each_value_with_the_core() {
    let input = sample();
    let out = run(&["mask", "-f", "jsonl"], input.as_bytes());
    assert!(out.status.success());
    let masker = Masker::default();
    let output = String::from_utf8(out.stdout).unwrap();
    let (mut strings, mut phone_numbers) = (0, 0);
    for (before, after) in input.lines().zip(output.lines()) {
        let (before, after): (serde_json::Value, serde_json::Value) =
            (serde_json::from_str(before).unwrap(), serde_json::from_str(after).unwrap());
        compare(&masker, None, &before, &after, &mut strings, &mut phone_numbers);
    }
    assert!(strings > 2000 && phone_numbers >= 4, "{strings} strings, {phone_numbers} phone numbers");
}

fn compare(
    masker: &Masker,
    key: Option<&str>,
    before: &serde_json::Value,
    after: &serde_json::Value,
    strings: &mut usize,
    phone_numbers: &mut usize,
) {
    use serde_json::Value;
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            let masked_keys: Vec<String> = a.keys().map(|k| masker.mask(k).into_owned()).collect();
            assert_eq!(masked_keys, b.keys().cloned().collect::<Vec<_>>());
            for ((k, x), y) in a.iter().zip(b.values()) {
                compare(masker, Some(k), x, y, strings, phone_numbers);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(b) {
                compare(masker, key, x, y, strings, phone_numbers);
            }
        }
        (Value::String(a), Value::String(b)) => {
            *strings += 1;
            assert_eq!(masker.mask(a), b.as_str());
        }
        (Value::Number(a), Value::String(b)) => {
            // A number holding a value becomes a string: the core masks it alone, or its
            // key says it is a phone number.
            let digits = a.to_string();
            if masker.mask(&digits) == digits {
                assert_eq!(key, Some("phone"), "only values and phone numbers become strings");
                assert!(b.ends_with(&digits[digits.len() - 4..]) && b.starts_with('*'), "{b}");
            } else {
                assert_eq!(masker.mask(&digits), b.as_str());
            }
            *phone_numbers += usize::from(key == Some("phone"));
        }
        (a, b) => assert_eq!(a, b),
    }
}

/// CSV with the cases RFC 4180 allows: quoted fields with delimiters, quotes and line
/// breaks, CRLF line ends, empty fields.
fn csv_input(delimiter: u8) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(["id", "from", "text", "note"]).unwrap();
    for (i, text) in sample_texts().iter().enumerate() {
        let note = match i % 4 {
            0 => String::new(),
            1 => format!("line one\nline two, call +4479661975{:02}", i % 100),
            2 => "she said \"melissa@gmail.com\"".to_string(),
            _ => format!("ref {i};{i}"),
        };
        writer.write_record([i.to_string().as_str(), "customer", text, &note]).unwrap();
    }
    writer.into_inner().unwrap()
}

fn csv_records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_fields_are_masked_one_by_one_and_quoting_is_kept() {
    let masker = Masker::default();
    for delimiter in [b',', b';', b'\t'] {
        let input = csv_input(delimiter);
        let delimiter_arg =
            if delimiter == b'\t' { "\\t".to_string() } else { char::from(delimiter).to_string() };
        let out = run(&["mask", "-f", "csv", "--delimiter", &delimiter_arg], &input);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty());
        let (before, after) = (csv_records(&input, delimiter), csv_records(&out.stdout, delimiter));
        assert_eq!(before.len(), after.len());
        assert_eq!(before[0], after[0], "the header is kept");
        let mut changed = 0;
        for (a, b) in before.iter().zip(&after).skip(1) {
            let expected: Vec<String> = a.iter().map(|f| masker.mask(f).into_owned()).collect();
            assert_eq!(&expected, b);
            changed += usize::from(a != b);
        }
        assert!(changed > 100, "{changed} records changed");
        // Records without values are byte-identical, line ends included.
        assert!(out.stdout.starts_with(b"id"));
        assert_eq!(
            out.stdout.windows(2).filter(|w| w == b"\r\n").count(),
            input.windows(2).filter(|w| w == b"\r\n").count()
        );
    }
}

#[test]
fn csv_columns_restrict_masking() {
    let input = csv_input(b',');
    let out = run(&["mask", "-f", "csv", "--column", "note"], &input);
    assert!(out.status.success());
    let (before, after) = (csv_records(&input, b','), csv_records(&out.stdout, b','));
    let masker = Masker::default();
    for (a, b) in before.iter().zip(&after).skip(1) {
        assert_eq!(a[..3], b[..3], "other columns are untouched");
        assert_eq!(masker.mask(&a[3]), b[3].as_str());
    }
    let out = run(&["mask", "-f", "csv", "--column", "phone"], &input);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "piimask: <stdin>: no column named \"phone\" in the header\n"
    );
}

#[test]
fn malformed_csv_records_are_masked_as_text_or_stop_the_run() {
    let input = b"a,b\n1,\"ok 4111111111111111\"\n2,\"bad\"x 4111 1111 1111 1111\n3,fine\n";
    let out = run(&["mask", "-f", "csv"], input);
    assert!(out.status.success());
    assert_eq!(out.stdout, b"a,b\n1,\"ok ************1111\"\n2,\"bad\"x ************1111\n3,fine\n");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("piimask: <stdin>:3: not valid CSV (text after a closing quote at byte 7)"),
        "{stderr}"
    );
    assert!(!stderr.contains("1111") && !stderr.contains("bad"), "no record text in messages");

    let out = run(&["mask", "-f", "csv", "--strict"], input);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, b"a,b\n1,\"ok ************1111\"\n", "nothing of the broken record is written");

    // An unterminated quote: the rest of the file is one broken record, masked as text.
    let out = run(&["mask", "-f", "csv"], b"a,b\n1,\"open 4111111111111111\n2,x\n");
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("4111111111111111"));
}

#[test]
fn unterminated_last_lines_and_empty_files() {
    let cases: [(&str, &[u8], &[u8]); 6] = [
        ("text", b"call +447966197542", b"call *********7542"),
        (
            "jsonl",
            b"{\"t\":\"call +447966197542\"}\r\n{\"t\":\"melissa@gmail.com\"}",
            b"{\"t\":\"call *********7542\"}\r\n{\"t\":\"m******@gmail.com\"}",
        ),
        ("csv", b"h\r\n\"+447966197542\"", b"h\r\n\"*********7542\""),
        ("text", b"", b""),
        ("jsonl", b"", b""),
        ("csv", b"", b""),
    ];
    for (format, input, expected) in cases {
        let out = run(&["mask", "-f", format], input);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(expected), "{format}");
    }
    // A CSV file holding only a header.
    assert_eq!(run(&["mask", "-f", "csv"], b"a,b\n").stdout, b"a,b\n");
}

#[test]
fn output_is_identical_for_every_jobs_value() {
    let scratch = scratch_dir("batch-jobs");
    let dir = scratch.path();
    let export = dir.join("export.jsonl");
    std::fs::write(&export, big_export(40)).unwrap();
    let csv = dir.join("export.csv");
    std::fs::write(&csv, csv_input(b',').repeat(30)).unwrap();
    for (format, file) in [("jsonl", &export), ("text", &export), ("csv", &csv)] {
        let outputs: Vec<Vec<u8>> = ["1", "2", "3", "8"]
            .iter()
            .map(|jobs| run_ok(&["mask", "-f", format, "--jobs", jobs, path(file)]).stdout)
            .collect();
        assert!(outputs[0].len() > 1_000_000, "{format}: {} bytes", outputs[0].len());
        for other in &outputs[1..] {
            assert!(outputs[0] == *other, "{format}: output differs between --jobs values");
        }
        if format == "text" {
            // Text output is the core's whole-buffer masking.
            let input = std::fs::read(file).unwrap();
            assert!(
                outputs[0] == Masker::default().mask_bytes(&input).as_ref(),
                "text differs from the core"
            );
        }
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    out
}

#[test]
fn compressed_inputs_and_outputs() {
    let scratch = scratch_dir("batch-compressed");
    let dir = scratch.path();
    let plain = big_export(3);
    let expected = run(&["mask", "-f", "jsonl"], plain.as_bytes()).stdout;
    std::fs::write(dir.join("in.jsonl.gz"), gzip(plain.as_bytes())).unwrap();
    std::fs::write(dir.join("in.jsonl.zst"), zstd::encode_all(plain.as_bytes(), 3).unwrap()).unwrap();
    for input in ["in.jsonl.gz", "in.jsonl.zst"] {
        let out = run_ok(&["mask", "-f", "jsonl", path(&dir.join(input))]);
        assert!(out.stdout == expected, "{input} is decompressed");
    }
    let gz_out = dir.join("out.jsonl.gz");
    let zst_out = dir.join("out.jsonl.zst");
    run_ok(&["mask", "-f", "jsonl", "-o", path(&gz_out), path(&dir.join("in.jsonl.zst"))]);
    run_ok(&["mask", "-f", "jsonl", "-o", path(&zst_out), path(&dir.join("in.jsonl.gz"))]);
    assert!(gunzip(&std::fs::read(&gz_out).unwrap()) == expected);
    assert!(zstd::decode_all(&std::fs::read(&zst_out).unwrap()[..]).unwrap() == expected);

    // A corrupt compressed input is an input error, and leaves no output file.
    std::fs::write(dir.join("bad.jsonl.gz"), b"\x1f\x8b\x08\x00garbage").unwrap();
    let bad_out = dir.join("bad-out.jsonl");
    let out =
        piimask().args(["mask", "-o", path(&bad_out), path(&dir.join("bad.jsonl.gz"))]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("piimask: "));
    assert!(!bad_out.exists());
}

#[test]
fn directories_are_read_recursively_and_written_at_the_same_relative_paths() {
    let scratch = scratch_dir("batch-dirs");
    let dir = scratch.path();
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("2025/03")).unwrap();
    std::fs::write(input.join("a.txt"), "call +447966197542\n").unwrap();
    std::fs::write(input.join("2025/03/b.txt"), "mail melissa@gmail.com\n").unwrap();
    std::fs::write(input.join("2025/03/c.txt.gz"), gzip(b"card 4111 1111 1111 1111\n")).unwrap();
    let output = dir.join("out");
    run_ok(&["mask", "-o", path(&output), path(&input)]);
    assert_eq!(std::fs::read_to_string(output.join("a.txt")).unwrap(), "call *********7542\n");
    assert_eq!(std::fs::read_to_string(output.join("2025/03/b.txt")).unwrap(), "mail m******@gmail.com\n");
    assert_eq!(gunzip(&std::fs::read(output.join("2025/03/c.txt.gz")).unwrap()), b"card ************1111\n");
    let written = walk(&output);
    assert_eq!(written.len(), 3, "no temporary files are left: {written:?}");

    // Several files into one directory.
    let flat = dir.join("flat");
    run_ok(&["mask", "-o", path(&flat), path(&input.join("a.txt")), path(&input.join("2025/03/b.txt"))]);
    assert_eq!(std::fs::read_to_string(flat.join("b.txt")).unwrap(), "mail m******@gmail.com\n");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn stats_summarise_the_run_without_any_text() {
    let scratch = scratch_dir("batch-stats");
    let dir = scratch.path();
    let stats = dir.join("stats.json");
    let input = big_export(2);
    let out = run(&["mask", "-f", "jsonl", "--stats", path(&stats)], input.as_bytes());
    assert!(out.status.success());
    let summary: serde_json::Value = serde_json::from_slice(&std::fs::read(&stats).unwrap()).unwrap();
    assert_eq!(summary["piimask_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(summary["ruleset_version"], piimask::RULESET_VERSION);
    assert_eq!(summary["records"], input.lines().count() as u64);
    assert_eq!(summary["bytes_in"], input.len() as u64);
    assert_eq!(summary["bytes_out"], out.stdout.len() as u64);
    assert_eq!(summary["malformed_records"], 0);
    assert!(summary["elapsed_seconds"].is_number() && summary["megabytes_per_second"].is_number());
    let per_kind: u64 = ["card", "iban", "ssn", "email", "phone"]
        .iter()
        .map(|k| summary["matches"][k].as_u64().unwrap())
        .sum();
    assert_eq!(per_kind, summary["matches_total"].as_u64().unwrap());

    // The same count as `piimask scan` finds.
    let scan = run(&["scan", "-f", "jsonl"], input.as_bytes());
    assert_eq!(scan.stdout.iter().filter(|&&b| b == b'\n').count() as u64, per_kind);

    // On standard error, `-`.
    let out = run(&["mask", "--stats", "-"], b"melissa@gmail.com\n");
    let summary: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(summary["matches"]["email"], 1);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("melissa"));
}

#[test]
fn scan_reports_findings_without_values_and_gates_on_them() {
    let input = sample();
    let out = run(&["scan", "-f", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "something was found");
    let lines: Vec<&str> = input.lines().collect();
    let findings = json_lines(&out.stdout);
    assert!(findings.len() >= 80);
    for finding in &findings {
        let keys: Vec<&str> = finding.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["file", "line", "kind", "start", "end", "masked"]);
        let line = lines[finding["line"].as_u64().unwrap() as usize - 1];
        let (start, end) =
            (finding["start"].as_u64().unwrap() as usize, finding["end"].as_u64().unwrap() as usize);
        // Offsets are in the raw record: decode escapes to get the value.
        let raw = &line[start..end];
        let value: String = serde_json::from_str(&format!("\"{raw}\"")).unwrap();
        assert!(
            !out.stdout.windows(value.len()).any(|w| w == value.as_bytes()),
            "a value is in the findings"
        );
        // The masked form is the core's, or (for a number that only its key makes a
        // value) the value with everything but its tail masked.
        let masked = finding["masked"].as_str().unwrap();
        let alone = Masker::default().mask(&value);
        if alone != value {
            assert_eq!(masked, alone);
        } else {
            assert_eq!((masked.len(), &masked[masked.len() - 4..]), (value.len(), &value[value.len() - 4..]));
            assert!(masked.starts_with("****"));
        }
    }

    // Scanning the masked export finds nothing: a CI gate over exports.
    let masked = run(&["mask", "-f", "jsonl"], input.as_bytes()).stdout;
    let out = run(&["scan", "-f", "jsonl"], &masked);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty());
    let masked = run(&["mask"], input.as_bytes()).stdout;
    assert_eq!(run(&["scan"], &masked).status.code(), Some(0));

    // Any error is status 2, even when something was found before it.
    let scratch = scratch_dir("batch-scan");
    let dir = scratch.path();
    std::fs::write(dir.join("a.txt"), "call +447966197542\n").unwrap();
    let out = piimask().args(["scan", path(&dir.join("a.txt")), "/no/such/file"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(piimask().args(["scan", "--bogus"]).output().unwrap().status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_a_parallel_jsonl_run_successfully() {
    let export = big_export(30);
    let mut child = piimask()
        .args(["mask", "-f", "jsonl", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(export.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"{");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
}

#[test]
fn usage_errors() {
    for args in [
        &["mask", "--jobs", "0"][..],
        &["mask", "-f", "text", "--strict"],
        &["mask", "-f", "text", "--column", "a"],
        &["mask", "-f", "csv", "--delimiter", "ab"],
        &["mask", "-f", "jsonl", "--field", "a..b"],
    ] {
        let out = piimask().args(args).stdin(Stdio::null()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("piimask: "), "{args:?}");
    }
}

#[test]
fn devices_and_pipes_are_written_directly() {
    // `-o /dev/null` or a FIFO must not be replaced by a rename.
    let scratch = scratch_dir("batch-fifo");
    let dir = scratch.path();
    let fifo = dir.join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = run(&["mask", "-o", path(&fifo)], b"mail melissa@gmail.com\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(reader.join().unwrap(), b"mail m******@gmail.com\n");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1, "no temporary file");
}

//! Hostile record inputs through the `piimask` binary, about 8 MB each: very wide JSON
//! objects and arrays, deeply nested JSON of alternating objects and arrays, huge CSV fields
//! (quoted with line breaks and doubled quotes, and unquoted digits). The 100 MB versions
//! are in the `hostile` bench; a 100 000-level array, an 8 MB line and 8 million digits are
//! in `cli.rs`.

use piimask_benches::hostile::{deep_json_record, huge_csv_field, wide_json_record};

mod common;
use common::run;

#[test]
fn hostile_json_object_of_350_000_fields() {
    let record = wide_json_record(350_000);
    assert!(record.len() > 7 << 20);
    let out = run(&["mask", "-q", "-f", "jsonl", "--strict"], record.as_bytes());
    let expected = record.replace("4111 1111 1111 1111", "************1111");
    assert!(out.stdout == expected.as_bytes(), "only the card changes");
}

#[test]
fn hostile_json_array_of_a_million_numbers_and_strings() {
    let mut record = String::from("[");
    for i in 0..700_000 {
        record.push_str(if i % 2 == 0 { "1234," } else { "\"21.11.2026\"," });
    }
    record.push_str("\"+447966197542\"]");
    assert!(record.len() > 6 << 20);
    let out = run(&["mask", "-q", "-f", "jsonl", "--strict"], record.as_bytes());
    assert!(out.stdout == record.replace("+447966197542", "*********7542").as_bytes());
}

#[test]
fn hostile_json_nested_a_million_levels_of_objects_and_arrays() {
    let record = deep_json_record(1_000_000);
    let out = run(&["mask", "-q", "-f", "jsonl", "--strict"], record.as_bytes());
    assert!(out.stdout == record.replace("+447966197542", "*********7542").as_bytes());
    // Cut short: not JSON, so it is masked as text and reported (without its content).
    let phone_end = record.find("7542").unwrap() + 20;
    let broken = &record[..phone_end];
    let out = run(&["mask", "-f", "jsonl"], broken.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).contains("*********7542"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not valid JSON") && !stderr.contains("7966"), "{stderr}");
}

/// A valid record over 8 MiB (the cap on a record was 8 MiB: a user review found a 9.5 MB
/// quoted field reported as broken and its quotes changed).
#[test]
fn hostile_csv_field_of_12_mb_with_line_breaks_and_quotes() {
    let document = huge_csv_field(12 << 20);
    for args in [&["mask", "-q", "-f", "csv"][..], &["mask", "-q", "-f", "csv", "--column", "note"]] {
        let out = run(args, document.as_bytes());
        assert!(out.stdout == document.replace("4111 1111 1111 1111", "************1111").as_bytes());
    }
}

/// A quote left open near the start of a large export: the splitter holds at most
/// `CSV_MAX_RECORD` (64 MiB), then cuts at a line break; the broken record is reported and
/// masked as text, and the records after the cut are read as records again.
#[test]
fn hostile_csv_quote_left_open_is_cut_reported_and_masked() {
    let filler = "x".repeat(99) + "\n";
    let document = format!(
        "id,note\n1,\"call +447966197542\n{}\n2,melissa@gmail.com\n",
        filler.repeat((66 << 20) / filler.len())
    );
    let out = run(&["mask", "-q", "-f", "csv"], document.as_bytes());
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("call *********7542") && stdout.ends_with("2,m******@gmail.com\n"));
    assert!(!stdout.contains("7966197542") && !stdout.contains("melissa@"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2: not valid CSV") && !stderr.contains("7966"), "{stderr}");
}

#[test]
fn hostile_unquoted_csv_field_of_8_million_digits() {
    let document = format!("id,n\n1,{}\n2,+447966197542\n", "7".repeat(8_000_000));
    let out = run(&["mask", "-q", "-f", "csv"], document.as_bytes());
    assert!(out.stdout == document.replace("+447966197542", "*********7542").as_bytes());
}

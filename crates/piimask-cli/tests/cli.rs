//! End-to-end tests of the `piimask` binary: the acceptance examples, the sample transcript,
//! bad inputs, exit statuses, atomic output files and broken pipes.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use regex_automata::meta::Regex;

mod common;
use common::{json_lines, piimask, repo, run, scratch_dir};

#[test]
fn masks_the_acceptance_example() {
    let out = run(&["mask"], b"Call me on +447966197542 or melissa@gmail.com\n");
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Call me on *********7542 or m******@gmail.com\n");
}

/// Splits a JSON record into tokens with an independent tokenizer (a regex per token
/// class), so the byte-identity check does not rely on the lexer under test.
fn json_tokens(line: &str) -> Vec<(&'static str, &str)> {
    let classes: [(&str, &str); 5] = [
        ("string", r#""(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*""#),
        ("number", r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"),
        ("literal", r"true|false|null"),
        ("punct", r"[{}\[\]:,]"),
        ("space", r"[ \t\r\n]+"),
    ];
    let regexes: Vec<(&str, Regex)> = classes
        .iter()
        .map(|(name, pattern)| (*name, Regex::new(&format!("^(?:{pattern})")).unwrap()))
        .collect();
    let mut tokens = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let (name, len) = regexes
            .iter()
            .find_map(|(name, regex)| regex.find(rest).map(|m| (*name, m.end())))
            .unwrap_or_else(|| panic!("not JSON at {:?}", &rest[..rest.len().min(20)]));
        tokens.push((name, &rest[..len]));
        rest = &rest[len..];
    }
    tokens
}

fn decoded_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => out.push_str(s),
        serde_json::Value::Number(n) => out.push_str(&n.to_string()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| decoded_strings(v, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push_str(k);
            out.push(' ');
            decoded_strings(v, out);
        }),
        _ => {}
    }
    out.push(' ');
}

#[test]
fn jsonl_sample_is_masked_in_place_and_nothing_leaks() {
    let input = std::fs::read_to_string(repo("tests/data/transcript.jsonl")).unwrap();
    let out = piimask()
        .args(["mask", "--format", "jsonl"])
        .arg(repo("tests/data/transcript.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let output = String::from_utf8(out.stdout).unwrap();
    let (in_lines, out_lines): (Vec<&str>, Vec<&str>) = (input.lines().collect(), output.lines().collect());
    assert_eq!(in_lines.len(), out_lines.len(), "one output line per input line");

    let mut changed_values = 0;
    for (number, (before, after)) in in_lines.iter().zip(&out_lines).enumerate() {
        let (a, b) = (json_tokens(before), json_tokens(after));
        assert_eq!(a.len(), b.len(), "line {}: token count", number + 1);
        for ((kind_a, text_a), (kind_b, text_b)) in a.iter().zip(&b) {
            if text_a == text_b {
                continue;
            }
            // Only keys, strings and numbers may change, and they become strings.
            assert!(matches!(*kind_a, "string" | "number"), "line {}: {kind_a} changed", number + 1);
            assert_eq!(*kind_b, "string", "line {}", number + 1);
            changed_values += 1;
        }
    }
    assert!(changed_values >= 80, "only {changed_values} values changed");

    // No inserted PII value survives in the decoded output.
    let pii: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(repo("tests/data/transcript_pii.json")).unwrap())
            .unwrap();
    assert!(pii.len() >= 80);
    for item in &pii {
        let line = item["line"].as_u64().unwrap() as usize;
        let value = item["value"].as_str().unwrap();
        let record: serde_json::Value = serde_json::from_str(out_lines[line - 1]).unwrap();
        let mut text = String::new();
        decoded_strings(&record, &mut text);
        assert!(!text.contains(value), "line {line}: {} survived", item["kind"]);
    }
}

#[test]
fn jsonl_fields_restrict_masking() {
    let record = br#"{"a":"melissa@gmail.com","b":{"c":"+447966197542"}}"#;
    let out = run(&["mask", "-f", "jsonl", "--field", "b.c"], record);
    assert_eq!(out.stdout, br#"{"a":"melissa@gmail.com","b":{"c":"*********7542"}}"#);
}

/// A `--field` path that names nothing (a typo, the wrong export) masks nothing there: the
/// run says so, for `mask` and `scan`, and is silent about the paths that did name a field.
#[test]
fn a_field_path_that_names_nothing_is_warned_of() {
    let records = b"{\"b\":{\"c\":\"+447966197542\"},\"list\":[{\"d\":1}]}\n{\"e\":2}\n";
    for command in ["mask", "scan"] {
        let args = [command, "-f", "jsonl", "--field", "b.c", "--field", "b.cc", "--field", "list[].d"];
        let out = run(&args, records);
        assert_eq!(out.status.code(), Some(if command == "mask" { 0 } else { 1 }), "{command}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr, "piimask: warning: --field b.cc named no field in any record\n", "{command}");
    }
    // Without records there is nothing to name a field in.
    let out = run(&["mask", "-f", "jsonl", "--field", "nothing"], b"");
    assert!(out.status.success() && out.stderr.is_empty());
}

/// A `--stats` file that cannot be written fails the run before anything is masked, not
/// after a long run whose output was already written.
#[test]
fn an_unwritable_stats_file_fails_before_the_run() {
    let scratch = scratch_dir("cli-stats-early");
    let dir = scratch.path();
    let output = dir.join("out.txt");
    for stats in [dir.join("no-such-dir").join("stats.json"), dir.to_path_buf()] {
        let out = piimask()
            .args(["mask", "-o"])
            .arg(&output)
            .arg("--stats")
            .arg(&stats)
            .arg(repo("tests/data/transcript.jsonl"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stats.display());
        assert!(!output.exists(), "no output is written");
        assert!(String::from_utf8_lossy(&out.stderr).contains(&stats.display().to_string()));
    }
    // A writable one is checked without being left behind when the run then fails.
    let stats = dir.join("stats.json");
    let out = piimask().args(["mask", "--stats"]).arg(&stats).arg(dir.join("missing.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stats.exists());
}

/// Splicing `scan`'s findings (their `masked` form at their offsets) into the input gives
/// `mask`'s output, also on lines that masking takes more than one round to settle (a
/// masked value makes a new one readable; probes 14 and 15 found `scan` reporting only the
/// first round there, so a consumer masking by its offsets left digits visible).
#[test]
fn scan_findings_rebuild_the_masked_output() {
    let lines = [
        "call me on 662-2113281-049552",
        "a@b.com call me on 662-2113281-049552 or c@d.org",
        "문의드립니다. 연락처: 010 6284 1233 / 할인 7 %, app 1.16.5 (9667182) / routing 146213858",
        "hi 4111 1111 1111 1111 ok, +447966197542",
        "nothing here",
    ];
    let input = lines.join("\n") + "\n";
    let masked = run(&["mask"], input.as_bytes());
    let masked = String::from_utf8(masked.stdout).unwrap();
    let masked: Vec<&str> = masked.lines().collect();
    let findings = run(&["scan"], input.as_bytes());
    assert_eq!(findings.status.code(), Some(1));
    let findings = json_lines(&findings.stdout);
    for (i, line) in lines.iter().enumerate() {
        let mut rebuilt = String::new();
        let mut copied = 0;
        for finding in findings.iter().filter(|f| f["line"] == i + 1) {
            let (start, end) =
                (finding["start"].as_u64().unwrap() as usize, finding["end"].as_u64().unwrap() as usize);
            rebuilt.push_str(&line[copied..start]);
            rebuilt.push_str(finding["masked"].as_str().unwrap());
            copied = end;
        }
        rebuilt.push_str(&line[copied..]);
        assert_eq!(rebuilt, masked[i], "line {}", i + 1);
    }
    // The settled number is one finding over all of it, its kept digits included.
    let first = &findings[0];
    assert_eq!((first["start"].as_u64(), first["end"].as_u64()), (Some(11), Some(29)));
    assert_eq!(first["kind"], "phone");
    // Values that stand apart from it are still reported alone.
    let second_line: Vec<&str> =
        findings.iter().filter(|f| f["line"] == 2).map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(second_line, ["email", "phone", "email"]);

    // The same in a CSV field (offsets in the raw record) and in a record that is no CSV.
    let csv = "id,text\n1,call me on 662-2113281-049552\n2,\"x\"y 662-2113281-049552 call me\n";
    let masked = String::from_utf8(run(&["mask", "-f", "csv"], csv.as_bytes()).stdout).unwrap();
    let findings = json_lines(&run(&["scan", "-f", "csv"], csv.as_bytes()).stdout);
    assert_eq!(findings.len(), 2, "{findings:?}");
    for (finding, (line, masked_line)) in findings.iter().zip(csv.lines().zip(masked.lines()).skip(1)) {
        let (start, end) =
            (finding["start"].as_u64().unwrap() as usize, finding["end"].as_u64().unwrap() as usize);
        let rebuilt = format!("{}{}{}", &line[..start], finding["masked"].as_str().unwrap(), &line[end..]);
        assert_eq!(rebuilt, masked_line);
    }
}

#[test]
fn empty_input_gives_empty_output() {
    for format in ["text", "jsonl"] {
        let out = run(&["mask", "-f", format], b"");
        assert!(out.status.success());
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn binary_and_invalid_utf8_pass_through_with_values_masked() {
    let mut input: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    input.extend_from_slice(b"\xff\xfe card 4111 1111 1111 1111 \xc3\x28\n");
    let out = run(&["mask"], &input);
    assert!(out.status.success());
    let expected_tail = b"\xff\xfe card ************1111 \xc3\x28\n";
    assert!(out.stdout.ends_with(expected_tail));
    assert_eq!(out.stdout.len(), input.len() - 19 + 16);

    // In JSONL, a record that is not UTF-8 is malformed: masked as text and reported.
    let out = run(&["mask", "-f", "jsonl"], b"{\"t\":\"\xff 4111111111111111\"}\n");
    assert!(out.status.success());
    assert_eq!(out.stdout, b"{\"t\":\"\xff ************1111\"}\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:1: not valid JSON (invalid UTF-8 at byte 6)"), "{stderr}");
}

/// Found by a user review: a UTF-16 export (Windows "Unicode" text) read as bytes holds no
/// value (NULs keep its digits apart), so it passed through whole, and `scan` passed it.
/// It is refused before anything is written, whatever the format.
#[test]
fn utf16_input_is_refused_not_passed_through() {
    let text = "card 4111 1111 1111 1111 mail melissa@gmail.com\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let le_bom = [&[0xFF, 0xFE][..], &le].concat();
    let be_bom = [&[0xFE, 0xFF][..], &be].concat();
    for (name, input) in [("LE with BOM", le_bom), ("BE with BOM", be_bom), ("LE", le), ("BE", be)] {
        for format in ["text", "jsonl", "csv"] {
            let out = run(&["mask", "-f", format], &input);
            assert_eq!(out.status.code(), Some(1), "{name} {format}");
            assert!(out.stdout.is_empty(), "{name} {format}: nothing is written");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("the input is UTF-16 or UTF-32"), "{name} {format}: {stderr}");
        }
        let out = run(&["scan"], &input);
        assert_eq!(out.status.code(), Some(2), "{name}: scan fails on it");
    }
    // UTF-8 with a byte-order mark is read as UTF-8.
    let out = run(&["mask"], "\u{FEFF}call +447966197542\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(out.stdout, "\u{FEFF}call *********7542\n".as_bytes());
}

/// Found by a user review: a UTF-8 byte-order mark (Excel, Notepad) made the first JSONL
/// record "not valid JSON" and hid the first CSV column from `--column`.
#[test]
fn a_utf8_byte_order_mark_passes_through_jsonl_and_csv() {
    let out = run(&["mask", "-f", "jsonl", "--strict"], b"\xEF\xBB\xBF{\"t\":\"call +447966197542\"}\n{}\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, b"\xEF\xBB\xBF{\"t\":\"call *********7542\"}\n{}\n");
    let out = run(&["scan", "-f", "jsonl"], b"\xEF\xBB\xBF{\"t\":\"call +447966197542\"}\n");
    let finding = String::from_utf8_lossy(&out.stdout);
    assert!(finding.contains("\"start\":14,\"end\":27"), "offsets in the raw line: {finding}");
    let out = run(&["mask", "-f", "csv", "--column", "id"], b"\xEF\xBB\xBFid,note\n4111111111111111,x\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, b"\xEF\xBB\xBFid,note\n************1111,x\n");
}

#[test]
fn an_8_mb_single_line_is_masked() {
    let mut line = "a".repeat(8 << 20);
    line.push_str(" +447966197542");
    let out = run(&["mask"], line.as_bytes());
    assert!(out.status.success());
    assert!(out.stdout.ends_with(b"a *********7542"));
    assert_eq!(out.stdout.len(), line.len());
}

#[test]
fn a_line_of_8_million_digits_is_not_a_value() {
    let digits = "7".repeat(8_000_000);
    let out = run(&["mask"], digits.as_bytes());
    assert!(out.status.success());
    // Text mode streams the line: it is cut every half megabyte, and digits within a few
    // hundred bytes of each cut are masked (fail closed); the rest passes unchanged.
    assert_eq!(out.stdout.len(), digits.len());
    let masked = out.stdout.iter().filter(|&&b| b == b'*').count();
    assert!(masked > 0 && masked < digits.len() / 100, "{masked} digits masked");
    assert!(out.stdout.iter().all(|&b| b == b'7' || b == b'*'));
    let record = format!("{{\"n\":{digits}}}");
    let out = run(&["mask", "-f", "jsonl"], record.as_bytes());
    assert!(out.status.success());
    assert_eq!(out.stdout, record.as_bytes());
}

#[test]
fn json_nested_100_000_levels_deep() {
    let depth = 100_000;
    let record = format!("{}\"melissa@gmail.com\"{}", "[".repeat(depth), "]".repeat(depth));
    let out = run(&["mask", "-f", "jsonl", "--strict"], record.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = format!("{}\"m******@gmail.com\"{}", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    let unbalanced = format!("{}\"melissa@gmail.com\"", "{\"a\":".repeat(depth));
    let out = run(&["mask", "-f", "jsonl"], unbalanced.as_bytes());
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().ends_with("\"m******@gmail.com\""));
}

#[test]
fn malformed_jsonl_is_masked_reported_and_strict_stops() {
    let input = b"{\"ok\":1}\n{\"t\":\"SSN 123-45-6789\" broken\n{\"ok\":2}\n";
    let out = run(&["mask", "-f", "jsonl"], input);
    assert!(out.status.success());
    assert_eq!(out.stdout, b"{\"ok\":1}\n{\"t\":\"SSN *******6789\" broken\n{\"ok\":2}\n");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("piimask: <stdin>:2: not valid JSON"), "{stderr}");
    assert!(stderr.contains("1 of 3 records"), "{stderr}");
    assert!(!stderr.contains("123-45") && !stderr.contains("broken"), "no record text: {stderr}");

    let out = run(&["mask", "-f", "jsonl", "--strict"], input);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("piimask: <stdin>:2: not valid JSON"), "{stderr}");
    assert!(!stderr.contains("123-45"), "{stderr}");
}

#[test]
fn exit_statuses() {
    let out = piimask().args(["mask", "/no/such/file"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("piimask: /no/such/file: "));
    assert_eq!(piimask().args(["mask", "--bogus"]).output().unwrap().status.code(), Some(2));
    assert_eq!(piimask().args(["mask", "--kinds", "card,cheese"]).output().unwrap().status.code(), Some(2));
    assert_eq!(piimask().args(["mask", "--style", "card=fancy"]).output().unwrap().status.code(), Some(2));
    assert_eq!(piimask().args(["mask", "--mask-char", "x"]).output().unwrap().status.code(), Some(2));
    assert_eq!(piimask().args(["mask", "--field", "a"]).output().unwrap().status.code(), Some(2));
    // A CSV-only option outside CSV would be silently ignored.
    assert_eq!(piimask().args(["mask", "--delimiter", ";"]).output().unwrap().status.code(), Some(2));
    assert_eq!(
        piimask().args(["scan", "-f", "jsonl", "--delimiter", ";"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(piimask().arg("--version").output().unwrap().status.code(), Some(0));
}

/// `--style` overrides the configuration file's style, and with it the file's head and
/// tail counts when the new style keeps no characters (they would be an error otherwise).
#[test]
fn a_style_option_overrides_the_files_keep_counts() {
    let scratch = scratch_dir("cli-style-over-config");
    let dir = scratch.path();
    let config = dir.join("keep.toml");
    std::fs::write(&config, "[card]\nstyle = \"preserve\"\nkeep_head = 6\n").unwrap();
    let config = config.to_str().unwrap();
    let card = b"4111 1111 1111 1111\n";
    let out = run(&["mask", "-c", config], card);
    assert_eq!(out.stdout, b"4111 11** **** 1111\n");
    let out = run(&["mask", "-c", config, "--style", "card=label"], card);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, b"[CARD]\n");
    let out = run(&["mask", "-c", config, "--style", "card=compact"], card);
    assert_eq!(out.stdout, b"411111******1111\n", "a style that keeps characters keeps the file's counts");
}

#[test]
fn options_reach_the_core() {
    let out = run(
        &["mask", "--kinds", "card", "--style", "card=preserve", "--mask-char", "#"],
        b"4111-1111-1111-1111 +447966197542",
    );
    assert_eq!(out.stdout, b"####-####-####-1111 +447966197542");
    let scratch = scratch_dir("cli-config");
    let dir = scratch.path();
    let config = dir.join("piimask.toml");
    std::fs::write(&config, "kinds = [\"email\"]\n[email]\nstyle = \"label\"\n").unwrap();
    let out = {
        let mut child = piimask()
            .args(["mask", "-c"])
            .arg(&config)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"melissa@gmail.com 4111111111111111").unwrap();
        child.wait_with_output().unwrap()
    };
    assert_eq!(out.stdout, b"[EMAIL] 4111111111111111");
    std::fs::write(&config, "[card]\nkeep_head = 7\n").unwrap();
    let out = piimask().args(["mask", "-c"]).arg(&config).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("piimask.toml: card keep_head = 7 is over the limit of 6"), "{stderr}");
}

#[test]
fn output_files_appear_only_on_success() {
    let scratch = scratch_dir("cli-output");
    let dir = scratch.path();
    let good = dir.join("good.txt");
    let out = piimask().args(["mask", "-o"]).arg(&good).stdin(Stdio::null()).output().unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read(&good).unwrap(), b"");

    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"t\":\"4111 1111 1111 1111\"}\nnot json 4111 1111 1111 1111\n").unwrap();
    let bad = dir.join("bad.jsonl");
    let out =
        piimask().args(["mask", "-f", "jsonl", "--strict", "-o"]).arg(&bad).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!bad.exists(), "a failed run leaves no output file");
    let leftovers: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no temporary file is left behind: {leftovers:?}");

    let out = piimask().args(["mask", "-o"]).arg(&input).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "refuses to overwrite its own input");
}

/// Found by a user review: Ctrl-C (or `SIGTERM`, `SIGHUP`) in the middle of a run left the
/// hidden temporary file behind. It is removed, nothing reaches the destination, and the
/// status is the shell's 128 + the signal's number.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_file_behind() {
    for (signal, status) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        let scratch = scratch_dir(&format!("cli-interrupt-{signal}"));
        let dir = scratch.path();
        let mut child = piimask()
            .args(["mask", "-o"])
            .arg(dir.join("out.txt"))
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Some input, and the pipe kept open: the run is under way when the signal comes.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all("card 4111 1111 1111 1111\n".repeat(100_000).as_bytes()).unwrap();
        let temporary = dir.join(format!(".out.txt.piimask-{}.tmp", child.id()));
        let mut waited = 0;
        while !temporary.exists() && waited < 2_000 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            waited += 1;
        }
        assert!(temporary.exists(), "{signal}: the run writes through a temporary file");
        let killed = Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status();
        assert!(killed.unwrap().success());
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(out.status.code(), Some(status), "{signal}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"), "{signal}");
        let left: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(left.is_empty(), "{signal}: {left:?} left behind");
    }
}

/// Found by a user review: `-o DIR` with two inputs of one relative path wrote the second
/// over the first, and the run succeeded.
#[test]
fn two_inputs_of_one_relative_path_are_refused() {
    let scratch = scratch_dir("cli-collide");
    let dir = scratch.path();
    for sub in ["x", "y"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("a.txt"), "card 4111111111111111\n").unwrap();
    }
    for args in [["x/a.txt", "y/a.txt"], ["x", "y"], ["x", "y/a.txt"]] {
        let out = piimask().current_dir(dir).args(["mask", "-o", "out"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("two inputs would be written there"), "{stderr}");
        assert!(!dir.join("out").join("a.txt").exists(), "{args:?}: nothing is written");
    }
    let out = piimask().current_dir(dir).args(["mask", "-o", "out/", "x"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read(dir.join("out").join("a.txt")).unwrap(), b"card ************1111\n");
}

#[test]
fn a_closed_pipe_ends_the_run_successfully() {
    let line = "call +447966197542 now\n".repeat(500_000);
    let mut child = piimask()
        .arg("mask")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(line.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 23];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"call *********7542 now\n");
    drop(stdout);
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert!(status.success(), "{status:?}");
}

/// The README's `--stats` example holds this build's counts for the sample export (all but
/// the timings); a user review found it two rulesets stale.
#[test]
fn readme_stats_example_holds() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let section = readme.split("`--stats` writes counts and rates").nth(1).expect("the stats section");
    let block = section.split("```json\n").nth(1).and_then(|rest| rest.split("```").next()).unwrap();
    let mut documented: serde_json::Value = serde_json::from_str(block).expect("the example is JSON");
    let out = piimask()
        .args(["mask", "-q", "-f", "jsonl", "--stats", "-"])
        .arg(repo("tests/data/transcript.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut measured: serde_json::Value = serde_json::from_slice(&out.stderr).expect("the stats are JSON");
    for stats in [&mut documented, &mut measured] {
        let fields = stats.as_object_mut().unwrap();
        for timing in ["elapsed_seconds", "megabytes_per_second"] {
            assert!(fields.remove(timing).is_some_and(|v| v.is_number()), "{timing}");
        }
    }
    assert_eq!(documented, measured, "README.md's --stats example is out of date");
}

/// Every `console` example of the README: lines starting with `$ ` are run by bash (with
/// this build's `piimask` first on the PATH, from the repository root), and the lines after
/// them are the exact expected output.
#[test]
fn readme_console_examples_hold() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_piimask")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut examples = 0;
    let mut in_console = false;
    let mut current: Option<(String, String)> = None;
    let check = |command: &str, expected: &str| {
        let out = Command::new("bash")
            .args(["-c", command])
            .current_dir(repo(""))
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "README example: {command}");
    };
    for line in readme.lines() {
        if line.starts_with("```") {
            if let Some((command, expected)) = current.take() {
                check(&command, &expected);
                examples += 1;
            }
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            if let Some((previous, expected)) = current.take() {
                check(&previous, &expected);
                examples += 1;
            }
            current = Some((command.to_string(), String::new()));
        } else if let Some((_, expected)) = current.as_mut() {
            expected.push_str(line);
            expected.push('\n');
        }
    }
    assert!(examples >= 4, "found only {examples} README examples");
}

//! End-to-end tests of `piimask replies check|search|render`: output, exit statuses (0 ok,
//! 1 library or rendering problem, 2 usage), and errors that never show a variable's value.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;
use common::{repo, scratch_dir};

/// Runs `piimask ARGS` from the repository root.
fn piimask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(args)
        .current_dir(repo(""))
        .output()
        .expect("piimask runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Writes `contents` to a file `name` in a fresh scratch directory; the directory goes when
/// the returned guard drops.
fn temp_file(name: &str, contents: &str) -> (tempfile::TempDir, PathBuf) {
    let scratch = scratch_dir("replies");
    let path = scratch.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (scratch, path)
}

const LIBRARY: &str = "tests/data/replies.toml";

#[test]
fn check_accepts_the_sample_library() {
    let out = piimask(&["replies", "check", LIBRARY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "tests/data/replies.toml: 50 text blocks, no problems\n");
}

#[test]
fn check_lists_every_problem_with_its_line_and_exits_1() {
    let out = piimask(&["replies", "check", "tests/data/replies_invalid.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let errors = stderr(&out);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 15, "{errors}");
    assert_eq!(
        lines[0],
        "piimask: tests/data/replies_invalid.toml:3: blocks_version: is not a known field (expected block)"
    );
    assert_eq!(lines[1], "piimask: tests/data/replies_invalid.toml:11: block[1] shortcut: is missing");
    assert!(lines[3].starts_with("piimask: tests/data/replies_invalid.toml:13: block[1] body: unclosed parameter: `<` at byte 8 (character 8)"));
    assert_eq!(
        lines[10],
        "piimask: tests/data/replies_invalid.toml:24: block[3] shortcut: is the same as the shortcut of block[0] (case and accents ignored)"
    );
    assert_eq!(lines[14], "piimask: tests/data/replies_invalid.toml: 14 problems");
    // Problems name blocks and fields, never the library's text.
    for text in ["Bonjour", "comment", "deux mots", "Refund", "english", "delivery"] {
        assert!(!errors.contains(text), "{text} shown in: {errors}");
    }

    let out = piimask(&["replies", "check", "tests/data/replies_invalid.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "replies_invalid.json:6: block[3] body: is 1001 characters long, over the limit of 1000"
        )
    );
    assert!(stderr(&out).ends_with("replies_invalid.json: 5 problems\n"));
}

#[test]
fn check_reports_syntax_errors_and_unreadable_files() {
    let out = piimask(&["replies", "check", "tests/data/replies_syntax_error.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "piimask: tests/data/replies_syntax_error.json: invalid JSON text-block library at line 3, column 0: EOF while parsing a list\n"
    );
    let out = piimask(&["replies", "check", "/no/such/library.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("piimask: /no/such/library.toml: "));
}

#[test]
fn search_finds_blocks_ignoring_case_and_accents() {
    let search = |query: &str, extra: &[&str]| {
        let mut args = vec!["replies", "search", LIBRARY, query];
        args.extend_from_slice(extra);
        let out = piimask(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(search("#reponse", &[]), "#attente [fr] Réponse d'attente\n");
    assert_eq!(search("#привіт", &[]), "#pryvit [uk] Привіт і знайомство\n");
    assert_eq!(search("#HOLD", &[]), "#hold [en] Please hold\n");
    assert_eq!(
        search("#re", &["-n", "2"]),
        "#refund [en] Refund in progress\n#attente [fr] Réponse d'attente\n"
    );
    assert_eq!(search("#re", &["--limit", "20"]).lines().count(), 11);
    assert_eq!(search("#", &[]).lines().count(), 10, "the default limit is 10");
    assert_eq!(search("#zzz", &[]), "");
}

#[test]
fn render_fills_and_masks_the_issue_example() {
    let out = piimask(&[
        "replies",
        "render",
        LIBRARY,
        "bonjour",
        "--var",
        "customer.name=+447966197542",
        "--var",
        "agent.name=Chloé",
        "--var",
        "agent.id=A-1042",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Bonjour *********7542, je suis Chloé (ID A-1042).\n");
    assert!(out.stderr.is_empty());
}

#[test]
fn render_reads_a_context_and_keeps_line_breaks() {
    let (_scratch, context) = temp_file(
        "context.json",
        r#"{"agent_name": "Chloé", "agent_id": "0612345678", "customer_name": "melissa@gmail.com",
            "date": "2026-11-21", "date_format": "%d/%m/%Y", "unmasked_variables": ["agent.id"]}"#,
    );
    let context = context.to_str().unwrap();
    let out = piimask(&[
        "replies",
        "render",
        LIBRARY,
        "#remboursement",
        "--context",
        context,
        "--var",
        "refund.amount=49,99 €",
        "--var",
        "order.id=A-20417",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Bonne nouvelle, m******@gmail.com : le remboursement de 49,99 € pour la commande A-20417 a été effectué le 21/11/2026.\n\
         Il apparaîtra sur votre relevé sous 5 à 10 jours ouvrés.\n"
    );
    // The agent ID is opted out: left as it is; explicit values override the context.
    let out =
        piimask(&["replies", "render", LIBRARY, "hello", "--context", context, "--var", "customer.name=Ana"]);
    assert_eq!(
        stdout(&out),
        "Hello Ana, my name is Chloé (agent ID 0612345678). How can I help you today?\n"
    );
}

#[test]
fn render_without_a_context_date_uses_today() {
    let out = piimask(&["replies", "render", LIBRARY, "llamada", "--var", "callback.time=10:30"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let today = piimask::DateTime::now_utc().format(&piimask::DateFormat::default());
    assert!(
        stdout(&out).starts_with(&format!("He programado una llamada para el {today} a las 10:30.")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn render_errors_name_variables_never_values() {
    // Missing variables: all named, exit 1; the values given are not shown.
    let out = piimask(&["replies", "render", LIBRARY, "refund", "--var", "customer.name=+447966197542"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "piimask: tests/data/replies.toml: #refund: cannot render: missing variables: refund.amount, order.id\n"
    );
    // A value holding `<` or `>`.
    let out = piimask(&[
        "replies",
        "render",
        LIBRARY,
        "hello",
        "--var",
        "customer.name=<script>4111111111111111",
        "--var",
        "agent.name=A",
        "--var",
        "agent.id=1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let errors = stderr(&out);
    assert!(errors.contains("#hello: cannot render: a value holds `<` or `>`, reserved for template parameters: customer.name (at character 0)"), "{errors}");
    assert!(!errors.contains("script") && !errors.contains("4111"), "{errors}");
    // Usage errors: exit 2, and the raw argument (a value) is not echoed.
    for args in [
        vec!["--var", "4111111111111111"],
        vec!["--var", "bad name=4111111111111111"],
        vec!["--var", "a=1", "--var", "a=4111111111111111"],
    ] {
        let mut all = vec!["replies", "render", LIBRARY, "hello"];
        all.extend(args);
        let out = piimask(&all);
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        assert!(!stderr(&out).contains("4111"), "{}", stderr(&out));
    }
    // An invalid context: exit 2, the field is named, the value is not shown.
    let (_scratch, context) = temp_file("bad-context.json", r#"{"customer_name": 447966197542}"#);
    let out = piimask(&["replies", "render", LIBRARY, "hello", "--context", context.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("invalid context field `customer_name`: must be a string\n"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("7542"));
}

#[test]
fn render_usage_errors() {
    let out = piimask(&["replies", "render", LIBRARY, "#nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "piimask: tests/data/replies.toml: no text block has the shortcut \"#nope\"\n");
    assert_eq!(piimask(&["replies"]).status.code(), Some(2));
    assert_eq!(piimask(&["replies", "search", LIBRARY]).status.code(), Some(2));
    assert_eq!(piimask(&["replies", "render", LIBRARY, "hello", "--bogus"]).status.code(), Some(2));
    let out = piimask(&["replies", "render", LIBRARY, "hello", "--config", "/no/such/config.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn render_warns_about_unknown_variables_and_follows_the_config() {
    let (_scratch, config) = temp_file("label.toml", "[phone]\nstyle = \"label\"\n");
    let out = piimask(&[
        "replies",
        "render",
        LIBRARY,
        "HOLA",
        "--config",
        config.to_str().unwrap(),
        "--var",
        "customer.name=+34 612 34 56 78",
        "--var",
        "agent.name=Lucía",
        "--var",
        "agent.id=A-7",
        "--var",
        "order.id=7",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Hola, [PHONE]. Soy Lucía (ID A-7). ¿En qué puedo ayudarle hoy?\n");
    assert_eq!(stderr(&out), "piimask: warning: --var order.id: #hola has no such variable\n");
}

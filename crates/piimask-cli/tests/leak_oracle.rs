//! The leak oracle: values drawn from REFERENCE §1-5 by an independent generator
//! (`tests/oracle`), embedded in multilingual chat, masked with style `preserve` through every
//! interface there is — `Masker::mask`, `StreamMasker` fed in random chunks, the `piimask`
//! binary (all cases batched into one process) and the C ABI's `piimask_mask` (a batch per
//! call, through `bindings/c` compiled as the rlib `piimask_capi`) — and checked by span:
//! every digit (and IBAN letter, and email local-part letter) other than the kept ones must
//! come out as the mask character.
//!
//! 200 000 cases here; `PIIMASK_ORACLE_CASES` sets the count (`scripts/leak-oracle` runs
//! 10 000 000) and `PIIMASK_ORACLE_SEED` the seed.

use std::io::Write;
use std::process::{Command, Stdio};
use std::ptr::null_mut;
use std::time::Instant;

use piimask::{Kind, Masker, MaskerConfig, StreamMasker, Style};
use piimask_capi::config::{piimask_config_free, piimask_config_parse};
use piimask_capi::masker::{piimask_mask, piimask_masker, piimask_masker_free, piimask_masker_new};
use piimask_capi::status::{PIIMASK_BUFFER_TOO_SMALL, PIIMASK_OK};
use piimask_leak_oracle::{
    BRANDS, Case, IBAN_COUNTRIES, IBAN_TERRITORIES, PHONE_FORMS, Rng, check, generate,
};

const MASK_CHAR: char = '*';

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn preserve_masker() -> Masker {
    let mut config = MaskerConfig { mask_char: MASK_CHAR, ..MaskerConfig::default() };
    for kind in Kind::ALL {
        config.options_mut(kind).style = Style::Preserve;
    }
    Masker::new(config).unwrap()
}

/// A masker made through the C ABI from the TOML form of `config` (`piimask_config_parse`,
/// `piimask_masker_new`), masking as a C program does with `piimask_mask`.
struct CMasker(*mut piimask_masker);

impl CMasker {
    fn new(config: &MaskerConfig) -> CMasker {
        let toml = config.to_toml();
        let (mut c_config, mut masker) = (null_mut(), null_mut());
        // SAFETY: the text is readable for its length; valid out-parameters; the
        // configuration is freed once, after use.
        unsafe {
            let parsed = piimask_config_parse(toml.as_ptr().cast(), toml.len(), &mut c_config, null_mut());
            assert_eq!(parsed, PIIMASK_OK, "piimask_config_parse");
            let made = piimask_masker_new(c_config, &mut masker, null_mut());
            piimask_config_free(c_config);
            assert_eq!(made, PIIMASK_OK, "piimask_masker_new");
        }
        CMasker(masker)
    }

    /// Masks `text` into `buffer`, grown as the header says (call again with
    /// `*output_len + 1` bytes).
    fn mask(&self, text: &str, buffer: &mut Vec<u8>) -> String {
        let mut len = 0;
        loop {
            // SAFETY: a live masker, `text` readable for its length, `buffer` writable for its
            // length, `len` writable.
            let status = unsafe {
                piimask_mask(
                    self.0,
                    text.as_ptr().cast(),
                    text.len(),
                    buffer.as_mut_ptr().cast(),
                    buffer.len(),
                    &mut len,
                    null_mut(),
                )
            };
            match status {
                PIIMASK_OK => return String::from_utf8(buffer[..len].to_vec()).expect("UTF-8 in, UTF-8 out"),
                PIIMASK_BUFFER_TOO_SMALL => buffer.resize(len + 1, 0),
                other => panic!("piimask_mask returned {other}"),
            }
        }
    }
}

impl Drop for CMasker {
    fn drop(&mut self) {
        // SAFETY: made by `piimask_masker_new`, freed once.
        unsafe { piimask_masker_free(self.0) }
    }
}

/// Failures, counted by interface and value form, with one example of each.
#[derive(Default)]
struct Failures {
    count: usize,
    by_form: std::collections::BTreeMap<String, (usize, String)>,
}

impl Failures {
    fn record(&mut self, interface: &str, failure: String) {
        self.count += 1;
        // The form is the value's description up to its first comma: "(phone UK \"...\"".
        let form =
            failure.split_once(" (").map_or("", |(_, rest)| rest).split([',', ')']).next().unwrap_or("");
        let entry = self.by_form.entry(format!("[{interface}] {form}")).or_insert((0, failure));
        entry.0 += 1;
    }

    fn report(&self) -> String {
        let mut report = String::new();
        for (form, (count, example)) in &self.by_form {
            report.push_str(&format!("{count} × {form}, e.g.:\n{example}\n\n"));
        }
        report
    }
}

/// A batch of cases joined into one text, one case per line group.
struct Batch {
    cases: Vec<Case>,
    text: String,
}

impl Batch {
    fn new(cases: Vec<Case>) -> Batch {
        let text = cases.iter().map(|case| case.text.as_str()).collect::<Vec<_>>().join("\n");
        Batch { cases, text }
    }

    /// Splits the masked batch back into cases (masking keeps line breaks) and checks each.
    fn check(&self, interface: &str, masked: &str, failures: &mut Failures) {
        let mut lines = masked.split('\n');
        for case in &self.cases {
            let count = case.text.split('\n').count();
            let part: Vec<&str> = lines.by_ref().take(count).collect();
            if part.len() < count {
                failures.record(interface, "the output has fewer lines than the input".into());
                return;
            }
            if let Err(failure) = check(case, &part.join("\n"), MASK_CHAR) {
                failures.record(interface, failure);
            }
        }
    }
}

#[test]
fn leak_oracle_no_reference_value_leaks_through_any_interface() {
    let total = env_number("PIIMASK_ORACLE_CASES", 200_000);
    let seed = env_number("PIIMASK_ORACLE_SEED", 0x1eaf_0c1e);
    let started = Instant::now();
    let masker = preserve_masker();
    let c_masker = CMasker::new(masker.config());
    let mut c_buffer = Vec::new();
    let mut rng = Rng::new(seed);
    let mut failures = Failures::default();
    let (mut values, mut generated) = (0usize, 0u64);
    let mut drawn = std::collections::BTreeSet::new();

    // The CLI reads one big input in one process, fed while earlier batches are checked.
    let mut cli = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(["mask", "-q"])
        .args(Kind::ALL.iter().flat_map(|kind| ["--style".to_string(), format!("{}=preserve", kind.name())]))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut cli_in = cli.stdin.take().unwrap();
    let mut cli_batches = Vec::new();

    while generated < total {
        let size = (total - generated).min(2000);
        let cases: Vec<Case> = (0..size).map(|_| generate(&mut rng)).collect();
        generated += size;
        values += cases.iter().map(|case| case.planted.len()).sum::<usize>();
        for value in cases.iter().flat_map(|case| &case.planted) {
            drawn.insert(value.what.split(',').next().unwrap_or_default().to_string());
        }
        let batch = Batch::new(cases);

        // 1. Masker::mask, case by case.
        for case in &batch.cases {
            if let Err(failure) = check(case, &masker.mask(&case.text), MASK_CHAR) {
                failures.record("Masker::mask", failure);
            }
        }

        // 2. StreamMasker over the whole batch, in random chunks of 1 to 300 bytes.
        let mut stream = StreamMasker::new(&masker);
        let mut out = Vec::new();
        let bytes = batch.text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = (at + rng.range(1, 300)).min(bytes.len());
            stream.feed(&bytes[at..end], &mut out);
            at = end;
        }
        stream.finish(&mut out);
        batch.check("StreamMasker", &String::from_utf8_lossy(&out), &mut failures);

        // 3. The C ABI: the whole batch in one `piimask_mask` call.
        batch.check("C ABI piimask_mask", &c_masker.mask(&batch.text, &mut c_buffer), &mut failures);

        // 4. The CLI: the batch goes to the one process (its output is checked at the end).
        cli_in.write_all(batch.text.as_bytes()).unwrap();
        cli_in.write_all(b"\n").unwrap();
        cli_batches.push(batch);
        if cli_batches.len() * 2000 >= 50_000 {
            // Bound the memory held for the CLI check: check what it has written so far
            // by restarting the process for the next batches.
            drop(cli_in);
            let output = cli.wait_with_output().unwrap();
            check_cli(&cli_batches, &output, &mut failures);
            cli_batches.clear();
            cli = Command::new(env!("CARGO_BIN_EXE_piimask"))
                .args(["mask", "-q"])
                .args(
                    Kind::ALL
                        .iter()
                        .flat_map(|kind| ["--style".to_string(), format!("{}=preserve", kind.name())]),
                )
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            cli_in = cli.stdin.take().unwrap();
        }
    }
    drop(cli_in);
    let output = cli.wait_with_output().unwrap();
    check_cli(&cli_batches, &output, &mut failures);

    // Every brand × length, every IBAN country and territory, every written phone form.
    if total >= 100_000 {
        let mut expected: Vec<String> = Vec::new();
        for brand in BRANDS {
            expected.extend(brand.lengths.iter().map(|length| format!("{} {length}", brand.name)));
        }
        expected.extend(IBAN_COUNTRIES.iter().map(|(country, length, _)| format!("IBAN {country} {length}")));
        for (territory, parent) in IBAN_TERRITORIES {
            let length = IBAN_COUNTRIES.iter().find(|(c, _, _)| c == parent).map_or(0, |(_, l, _)| *l);
            expected.push(format!("IBAN {territory} {length}"));
        }
        expected.extend(PHONE_FORMS.iter().map(|(market, form)| format!("phone {market} {form:?}")));
        let missing: Vec<&String> = expected.iter().filter(|e| !drawn.contains(*e)).collect();
        assert!(missing.is_empty(), "never drawn: {missing:?}");
    }
    println!(
        "leak oracle: {generated} cases, {values} values, 4 interfaces, {:.1} s, {} failures",
        started.elapsed().as_secs_f64(),
        failures.count
    );
    assert!(failures.count == 0, "{} leaks or corruptions:\n{}", failures.count, failures.report());
}

fn check_cli(batches: &[Batch], output: &std::process::Output, failures: &mut Failures) {
    assert!(output.status.success(), "piimask failed: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout.clone()).expect("UTF-8 in, UTF-8 out");
    let mut rest = stdout.as_str();
    for batch in batches {
        let lines = batch.text.split('\n').count();
        let mut end = 0;
        for _ in 0..lines {
            end += rest[end..].find('\n').map_or(rest.len() - end, |i| i + 1);
        }
        let part = rest[..end].strip_suffix('\n').unwrap_or(&rest[..end]);
        batch.check("piimask CLI", part, failures);
        rest = &rest[end..];
    }
}

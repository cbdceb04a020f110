//! The committed header, `include/piimask.h`, is exactly what cbindgen generates from
//! `src/` with `cbindgen.toml`: this test regenerates it and fails on any difference
//! (`PIIMASK_UPDATE_HEADER=1` rewrites it instead). It also checks what the header
//! promises: version macros equal to Cargo.toml, every status code of the core's table,
//! and a doc comment on every declaration.

use std::path::{Path, PathBuf};

use piimask_core::ErrorCode;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn header_path() -> PathBuf {
    crate_dir().join("include/piimask.h")
}

/// The source files holding exports, in the order the header presents them.
const SOURCES: [&str; 9] = [
    "version.rs",
    "status.rs",
    "strings.rs",
    "error.rs",
    "config.rs",
    "masker.rs",
    "template.rs",
    "library.rs",
    "message.rs",
];

fn generate() -> String {
    let config =
        cbindgen::Config::from_file(crate_dir().join("cbindgen.toml")).expect("cbindgen.toml parses");
    let mut builder = cbindgen::Builder::new().with_config(config);
    for source in SOURCES {
        builder = builder.with_src(crate_dir().join("src").join(source));
    }
    let bindings = builder.generate().expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

fn committed() -> String {
    std::fs::read_to_string(header_path()).unwrap_or_default()
}

#[test]
fn header_is_up_to_date() {
    let generated = generate();
    if std::env::var_os("PIIMASK_UPDATE_HEADER").is_some_and(|value| value == "1") {
        std::fs::write(header_path(), &generated).expect("include/piimask.h is writable");
        return;
    }
    let committed = committed();
    if committed != generated {
        let first = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "include/piimask.h is out of date (first difference at line {}): run\n    \
             PIIMASK_UPDATE_HEADER=1 cargo test -p piimask-c --test header\nand commit it",
            first + 1
        );
    }
}

/// The value of `#define NAME value` in the header.
fn define<'h>(header: &'h str, name: &str) -> Option<&'h str> {
    header.lines().find_map(|line| {
        let rest = line.strip_prefix("#define ")?;
        let (key, value) = rest.split_once(' ')?;
        (key == name).then_some(value.trim())
    })
}

#[test]
fn version_macros_match_cargo_toml() {
    let header = committed();
    assert_eq!(
        define(&header, "PIIMASK_VERSION"),
        Some(format!("\"{}\"", env!("CARGO_PKG_VERSION")).as_str())
    );
    assert_eq!(define(&header, "PIIMASK_VERSION_MAJOR"), Some(env!("CARGO_PKG_VERSION_MAJOR")));
    assert_eq!(define(&header, "PIIMASK_VERSION_MINOR"), Some(env!("CARGO_PKG_VERSION_MINOR")));
    assert_eq!(define(&header, "PIIMASK_VERSION_PATCH"), Some(env!("CARGO_PKG_VERSION_PATCH")));
}

#[test]
fn every_status_code_of_the_core_is_defined() {
    let header = committed();
    for code in ErrorCode::ALL {
        let name = format!("PIIMASK_{}", code.name());
        assert_eq!(define(&header, &name), Some((code as u32).to_string().as_str()), "{name}");
    }
}

/// Every function, macro, type and field is preceded by a doc comment (cbindgen copies the
/// Rust doc comments, and `#![deny(missing_docs)]` requires them; this checks the result).
#[test]
fn every_declaration_is_documented() {
    let header = committed();
    let lines: Vec<&str> = header.lines().collect();
    let mut undocumented = Vec::new();
    let mut in_body = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('*') || trimmed.starts_with("/*") || trimmed == "#define PIIMASK_H" {
            continue;
        }
        let declares = trimmed.starts_with("#define PIIMASK_")
            || trimmed.starts_with("typedef ")
            || (trimmed.starts_with("piimask_status piimask_")
                || trimmed.starts_with("void piimask_")
                || trimmed.starts_with("const char *piimask_"))
            || (in_body && trimmed.ends_with(';') && !trimmed.starts_with('}'));
        if trimmed.starts_with("typedef struct") && trimmed.ends_with('{') {
            in_body = true;
        } else if trimmed.starts_with('}') {
            in_body = false;
        }
        if declares && !lines[..i].last().is_some_and(|above| above.trim_end().ends_with("*/")) {
            undocumented.push(format!("{}: {trimmed}", i + 1));
        }
    }
    assert!(undocumented.is_empty(), "undocumented declarations:\n{}", undocumented.join("\n"));
}

/// The README's C example is `examples/quickstart.c`, verbatim (the C tests run the file).
#[test]
fn readme_example_is_quickstart_c() {
    let readme = std::fs::read_to_string(crate_dir().join("../../README.md")).expect("README.md");
    let example = std::fs::read_to_string(crate_dir().join("examples/quickstart.c")).expect("quickstart.c");
    let marker = "<!-- bindings/c/examples/quickstart.c -->";
    let after = readme.split_once(marker).map(|(_, after)| after).expect("the README marks the C example");
    let block = after
        .split_once("```c\n")
        .and_then(|(_, code)| code.split_once("```"))
        .map(|(code, _)| code)
        .expect("a ```c block follows the marker");
    assert_eq!(block, example, "README's C example differs from bindings/c/examples/quickstart.c");
}

#[test]
fn sources_list_is_complete() {
    let mut on_disk: Vec<String> = std::fs::read_dir(crate_dir().join("src"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".rs") && name != "boundary.rs" && name != "lib.rs")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = SOURCES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "add new source files to SOURCES (lib.rs and boundary.rs export nothing)");
    assert!(Path::new(&header_path()).exists());
}

/// Every export runs inside the panic boundary (`boundary::run` or `boundary::guard`), so no
/// panic can unwind into C.
#[test]
fn every_export_runs_inside_the_boundary() {
    let mut exports = 0;
    for source in SOURCES {
        let text = std::fs::read_to_string(crate_dir().join("src").join(source)).unwrap();
        for (start, _) in text.match_indices("extern \"C\" fn ") {
            let body = &text[start..];
            let end = body.find("\n}\n").expect("a function ends with `}` on its own line");
            let body = &body[..end];
            let name = body["extern \"C\" fn ".len()..].split('(').next().unwrap_or_default();
            assert!(
                body.contains("boundary::run(") || body.contains("boundary::guard("),
                "{source}: {name} does not run inside the panic boundary"
            );
            exports += 1;
        }
    }
    assert!(exports > 30, "found only {exports} exports");
}

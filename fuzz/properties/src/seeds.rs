//! Seed corpora, built from the conformance vectors (`tests/vectors/**/*.toml`) and the
//! sample transcript export (`tests/data/transcript.jsonl`), encoded in each target's byte
//! layout. `cargo run -p piimask-fuzz-properties --bin write-seeds` writes them to
//! `fuzz/corpus/<target>/` for libFuzzer; the smoke test builds them in memory.

use std::path::{Path, PathBuf};

use piimask::{Kind, MaskerConfig, Style, Template};

use crate::Target;
use crate::config::{CONFIG_BYTES, MASK_CHARS, config_bytes, decode_config};

/// The repository root (this crate lives in `fuzz/properties`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What the conformance vectors hold that seeds are made of.
#[derive(Debug, Default)]
pub struct VectorTexts {
    /// Masking inputs (bytes), with their configuration prefix.
    pub inputs: Vec<(Vec<u8>, [u8; CONFIG_BYTES])>,
    /// Templates with their values in order of variables.
    pub templates: Vec<(String, Vec<String>)>,
    /// JSONL records.
    pub records: Vec<String>,
}

/// Reads every vector file and the sample transcript.
pub fn vector_texts(root: &Path) -> VectorTexts {
    let mut texts = VectorTexts::default();
    let mut files = Vec::new();
    collect_toml(&root.join("tests/vectors"), &mut files);
    files.sort();
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else { continue };
        let Ok(document) = source.parse::<toml::Table>() else { continue };
        let Some(tests) = document.get("test").and_then(toml::Value::as_array) else { continue };
        for test in tests.iter().filter_map(toml::Value::as_table) {
            let prefix = test
                .get("config")
                .map(|config| config.to_string())
                .and_then(|config| MaskerConfig::from_toml(&config).ok())
                .map_or(Some([0; CONFIG_BYTES]), |config| encode_config(&config));
            let Some(prefix) = prefix else { continue };
            if let Some(input) = test.get("input").and_then(toml::Value::as_str) {
                texts.inputs.push((input.as_bytes().to_vec(), prefix));
            }
            if let Some(hex) = test.get("input_hex").and_then(toml::Value::as_str) {
                texts.inputs.push((unhex(hex), prefix));
            }
            if let Some(message) = test.get("message").and_then(toml::Value::as_str) {
                texts.inputs.push((message.as_bytes().to_vec(), prefix));
            }
            if let Some(source) = test.get("template").and_then(toml::Value::as_str) {
                let given = test.get("values").and_then(toml::Value::as_table);
                let values = Template::parse(source)
                    .map(|template| {
                        template
                            .variables()
                            .map(|name| {
                                given
                                    .and_then(|v| v.get(name))
                                    .and_then(toml::Value::as_str)
                                    .unwrap_or("")
                                    .to_string()
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                texts.templates.push((source.to_string(), values));
            }
        }
    }
    if let Ok(transcript) = std::fs::read_to_string(root.join("tests/data/transcript.jsonl")) {
        texts.records.extend(transcript.lines().map(str::to_string));
    }
    texts
}

fn collect_toml(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_toml(&path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
}

fn unhex(hex: &str) -> Vec<u8> {
    let digits: Vec<u8> = hex.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| {
            let value = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            value(pair[0]) << 4 | value(pair[1])
        })
        .collect()
}

/// The configuration prefix for `config`, when the layout can express it.
pub fn encode_config(config: &MaskerConfig) -> Option<[u8; CONFIG_BYTES]> {
    let mut bytes = [0; CONFIG_BYTES];
    let char_index = |c: char| MASK_CHARS.iter().position(|m| *m == c).map(|i| i as u8);
    for (bit, kind) in Kind::ALL.into_iter().enumerate() {
        if !config.kinds.contains(kind) {
            bytes[0] |= 1 << bit;
        }
        let options = config.options(kind);
        let mut flags = Style::ALL.iter().position(|s| *s == options.style)? as u8;
        let mut keep = 0;
        if let Some(head) = options.keep_head {
            flags |= 4;
            keep |= u8::try_from(head).ok().filter(|h| *h < 16)?;
        }
        if let Some(tail) = options.keep_tail {
            flags |= 8;
            keep |= u8::try_from(tail).ok().filter(|t| *t < 16)? << 4;
        }
        if let Some(c) = options.mask_char {
            flags |= 16 | char_index(c).filter(|i| *i < 8)? << 5;
        }
        bytes[2 + 2 * bit] = flags;
        bytes[3 + 2 * bit] = keep;
    }
    bytes[1] = char_index(config.mask_char)?;
    Some(bytes)
}

/// The seed inputs of `target`, in its byte layout.
pub fn seeds(target: Target, texts: &VectorTexts) -> Vec<Vec<u8>> {
    let with = |prefix: &[u8], middle: &[u8], text: &[u8]| -> Vec<u8> { [prefix, middle, text].concat() };
    let mut seeds = Vec::new();
    match target {
        Target::Mask | Target::Simd => {
            for (i, (text, prefix)) in texts.inputs.iter().enumerate() {
                seeds.push(with(prefix, &[], text));
                // Every fourth input also in preserve and label styles.
                if i % 4 == 0 && prefix == &[0; CONFIG_BYTES] {
                    seeds.push(with(&config_bytes(Style::Preserve), &[], text));
                    seeds.push(with(&config_bytes(Style::Label), &[], text));
                }
            }
        }
        Target::Stream => {
            // Several inputs joined into multi-line texts, cut in chunks of 1 to 64 bytes.
            for (i, group) in texts.inputs.chunks(3).enumerate() {
                let text: Vec<u8> =
                    group.iter().flat_map(|(t, _)| t.iter().copied().chain([b'\n'])).collect();
                let size = (i % 64) as u16;
                let middle =
                    [[0u8].as_slice(), &size.to_le_bytes(), &((i * 37 % 300) as u16).to_le_bytes()].concat();
                seeds.push(with(&group[0].1, &middle, &text));
            }
        }
        Target::Jsonl => {
            for record in &texts.records {
                seeds.push(with(&[0; CONFIG_BYTES], &[0], record.as_bytes()));
            }
            for group in texts.inputs.chunks(4) {
                let mut lines = String::new();
                for (text, _) in group {
                    let text = String::from_utf8_lossy(text);
                    let record =
                        serde_json::json!({ "id": lines.len(), "text": text, "customer": { "phone": text } });
                    lines.push_str(&record.to_string());
                    lines.push('\n');
                }
                seeds.push(with(&[0; CONFIG_BYTES], &[0], lines.as_bytes()));
            }
        }
        Target::Template => {
            for (source, values) in &texts.templates {
                let mut parts = vec![source.as_str()];
                parts.extend(values.iter().map(String::as_str));
                seeds.push(with(&[0; CONFIG_BYTES], &[0x1F], parts.join("\0").as_bytes()));
            }
        }
        Target::Capi => {
            // Each input in one of the configuration's forms, with valid arguments and exact
            // buffers or one trait of the boundary in turn (`nulls`, `sizes`, `tiny`, `skip`).
            const VARIANTS: [[u8; 4]; 14] = [
                [0, 0, 0, 0],
                [0, 0x01, 0, 0],           // capacity 0: asks for the length
                [0, 0x04 | 0x20, 0, 0],    // one byte short, one match short
                [0x80, 0x07, 0, 0],        // in place, room to spare
                [0x80, 0x00, 0, 0],        // in place, exact
                [0x01, 0, 0, 0],           // NULL text
                [0x02, 0, 0, 0],           // NULL output buffer and matches
                [0x04, 0, 0, 0],           // NULL output_len, count, report...
                [0x08, 0, 0, 0],           // NULL error
                [0x10, 0, 0, 0],           // NULL masker
                [0x20, 0xC0, 0x10, 0],     // NULL constructor out-parameters; optional NULLs
                [0x40, 0, 0, 0],           // length over PTRDIFF_MAX
                [0, 0x03 | 0x18, 0x05, 0], // tiny buffers
                [0, 0x06, 0x60, 0],        // buffer sized by the input; cut sources
            ];
            for (i, (text, prefix)) in texts.inputs.iter().enumerate() {
                let source = [(i % 3) as u8];
                seeds.push(with(&[source.as_slice(), prefix].concat(), &VARIANTS[i % VARIANTS.len()], text));
            }
            for (i, (source, _)) in texts.templates.iter().enumerate() {
                // Only the template calls (and the look-ups), with values from a rotating start.
                let flags = [0, (i % 2) as u8 * 0x80, (i % 8) as u8, 0x3F];
                seeds.push(with(&[0; 1 + CONFIG_BYTES], &flags, source.as_bytes()));
            }
            let mut prefixes: Vec<_> = texts.inputs.iter().map(|(_, prefix)| *prefix).collect();
            prefixes.sort();
            prefixes.dedup();
            for prefix in prefixes {
                // The configuration as the text (source 3), in both forms.
                let config = decode_config(&prefix);
                for text in [config.to_toml(), config.to_json()] {
                    seeds.push(with(
                        &[3; 1],
                        &[[0; CONFIG_BYTES].as_slice(), &[0, 0, 0, 0x7F]].concat(),
                        text.as_bytes(),
                    ));
                }
            }
        }
    }
    seeds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::decode_config;

    #[test]
    fn configurations_encode_and_decode_back() {
        for text in
            ["", "mask_char = \"#\"\n[card]\nstyle = \"preserve\"\nkeep_head = 6", "kinds = [\"email\"]"]
        {
            let config = MaskerConfig::parse(text).unwrap();
            assert_eq!(decode_config(&encode_config(&config).unwrap()), config, "{text}");
        }
    }

    #[test]
    fn every_target_has_seeds_from_the_vectors() {
        let texts = vector_texts(&repo_root());
        for target in Target::ALL {
            assert!(seeds(target, &texts).len() > 20, "{target:?}");
        }
    }
}

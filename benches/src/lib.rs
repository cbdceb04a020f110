//! Corpora for the benchmarks, built outside the timed code.

use std::path::Path;

/// The chat texts of the sample transcript export (every `text` field), one per line.
pub fn sample_texts() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/transcript.jsonl");
    let export = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    export
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

/// The sample texts repeated (newline-separated) until the corpus is at least `size` bytes.
pub fn repeated_corpus(size: usize) -> String {
    let texts = sample_texts();
    let mut corpus = String::with_capacity(size + 4096);
    while corpus.len() < size {
        for text in &texts {
            corpus.push_str(text);
            corpus.push('\n');
        }
    }
    corpus
}

/// A 120-byte chat message with no sensitive value (but a date, a time and a price).
pub const MESSAGE_CLEAN: &str = "Hi! My order from 21/11 still hasn't arrived, it was 49,99 € and tracking says 10:30 yesterday. Can you help me asap?!";

/// A 120-byte chat message with one card number.
pub const MESSAGE_CARD: &str = "Hello, please charge my card 4111 1111 1111 1111 for the order from yesterday, the total was 49,99 € thanks a lot :-)!";

#[cfg(test)]
mod tests {
    #[test]
    fn messages_are_120_bytes() {
        assert_eq!(super::MESSAGE_CLEAN.len(), 120);
        assert_eq!(super::MESSAGE_CARD.len(), 120);
    }
}

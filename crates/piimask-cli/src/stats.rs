//! The `--stats` summary of a run: counts and timings as JSON, never any input text.

use std::time::Duration;

use piimask::{Kind, MatchCounts};
use serde_json::{Map, Value, json};

/// Totals of a run (or of one input).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Inputs read in full.
    pub files: u64,
    /// Records read: lines (text, JSONL) or CSV records (the header excluded).
    pub records: u64,
    /// Bytes read, after decompression.
    pub bytes_in: u64,
    /// Bytes written, before compression (0 when scanning).
    pub bytes_out: u64,
    /// Values found, per kind.
    pub matches: MatchCounts,
    /// Records that did not parse and were masked (or scanned) as text.
    pub malformed: u64,
}

impl Totals {
    /// Adds another input's totals.
    pub fn add(&mut self, other: &Totals) {
        self.files += other.files;
        self.records += other.records;
        self.bytes_in += other.bytes_in;
        self.bytes_out += other.bytes_out;
        self.matches.merge(&other.matches);
        self.malformed += other.malformed;
    }

    /// The JSON summary, with the run's wall-clock time.
    pub fn to_json(&self, elapsed: Duration) -> Value {
        let seconds = elapsed.as_secs_f64();
        let mut matches = Map::new();
        for kind in Kind::ALL {
            matches.insert(kind.name().to_string(), json!(self.matches.get(kind)));
        }
        let megabytes_per_second =
            if seconds > 0.0 { (self.bytes_in as f64 / 1e6 / seconds * 10.0).round() / 10.0 } else { 0.0 };
        json!({
            "piimask_version": env!("CARGO_PKG_VERSION"),
            "ruleset_version": piimask::RULESET_VERSION,
            "files": self.files,
            "records": self.records,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "matches": matches,
            "matches_total": self.matches.total(),
            "malformed_records": self.malformed,
            "elapsed_seconds": (seconds * 1000.0).round() / 1000.0,
            "megabytes_per_second": megabytes_per_second,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_holds_counts_per_kind_and_a_rate() {
        let mut totals =
            Totals { files: 1, records: 3, bytes_in: 2_000_000, bytes_out: 1_999_000, ..Totals::default() };
        totals.matches.add(Kind::Card);
        totals.matches.add(Kind::Card);
        totals.matches.add(Kind::Email);
        let json = totals.to_json(Duration::from_secs(2));
        assert_eq!(json["matches"]["card"], 2);
        assert_eq!(json["matches"]["email"], 1);
        assert_eq!(json["matches"]["phone"], 0);
        assert_eq!(json["matches_total"], 3);
        assert_eq!(json["megabytes_per_second"], 1.0);
        assert_eq!(json["ruleset_version"], piimask::RULESET_VERSION);
    }
}

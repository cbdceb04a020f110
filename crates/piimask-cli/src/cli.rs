//! The raw command-line arguments, as clap parses them (no validation beyond syntax; see
//! `plan` for that).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Mask card numbers, IBANs, SSNs, emails and phone numbers in chat transcript exports.
#[derive(Debug, Parser)]
#[command(name = "piimask", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Mask sensitive values in text or JSONL (reads standard input when no file is given).
    Mask(MaskArgs),
}

/// The input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Any text, masked line by line; invalid UTF-8 passes through.
    Text,
    /// One JSON record per line; keys, strings and numbers are masked in place.
    Jsonl,
}

/// Arguments of `piimask mask`.
#[derive(Debug, Args)]
pub struct MaskArgs {
    /// Input files (`-` is standard input).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write to FILE instead of standard output (via a temporary file renamed on success).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Input format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// JSONL: mask only this field (dotted path, e.g. `customer.phone`, `messages[].text`);
    /// repeatable. Default: every key, string and number.
    #[arg(long = "field", value_name = "PATH")]
    pub fields: Vec<String>,
    /// Masker configuration file (TOML or JSON; see the README).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Kinds to detect, comma-separated: card,iban,ssn,email,phone (default: all).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub kinds: Option<Vec<String>>,
    /// Style of one kind, e.g. `card=preserve` (compact, preserve, label, redact); repeatable.
    #[arg(long = "style", value_name = "KIND=STYLE")]
    pub styles: Vec<String>,
    /// Mask character of every kind (default `*`).
    #[arg(long, value_name = "CHAR")]
    pub mask_char: Option<char>,
    /// JSONL: stop with status 1 at the first record that is not valid JSON (by default it
    /// is masked as text and reported).
    #[arg(long)]
    pub strict: bool,
}

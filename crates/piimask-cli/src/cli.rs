//! The raw command-line arguments, as clap parses them (no validation beyond syntax; see
//! `plan` for that).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Mask card numbers, IBANs, SSNs, emails and phone numbers in chat transcript exports, and
/// check, search and render quick-reply text blocks.
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
    /// Mask sensitive values in text, JSONL or CSV (standard input when no file is given).
    Mask(MaskArgs),
    /// Report sensitive values as JSONL findings, never their text. Exit status: 0 nothing
    /// found, 1 something found, 2 any error.
    Scan(ScanArgs),
    /// Quick replies: check a text-block library, search it, render a block.
    #[command(subcommand)]
    Replies(RepliesCommand),
}

/// The `piimask replies` subcommands.
#[derive(Debug, Subcommand)]
pub enum RepliesCommand {
    /// Check a text-block library (TOML or JSON): list every problem; exit 1 if there is any.
    Check(CheckArgs),
    /// Search a library as an agent does by typing `#query` in the chat input.
    Search(SearchArgs),
    /// Render one block: fill its variables and mask every sensitive value they bring in.
    Render(RenderArgs),
}

/// Arguments of `piimask replies check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The text-block library (TOML or JSON).
    #[arg(value_name = "LIBRARY")]
    pub library: PathBuf,
}

/// Arguments of `piimask replies search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The text-block library (TOML or JSON).
    #[arg(value_name = "LIBRARY")]
    pub library: PathBuf,
    /// What the agent types: `#` and a prefix of a shortcut, title word or tag (`#` alone
    /// lists the library).
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Show at most N hits.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
}

/// Arguments of `piimask replies render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The text-block library (TOML or JSON).
    #[arg(value_name = "LIBRARY")]
    pub library: PathBuf,
    /// The block's shortcut (with or without `#`).
    #[arg(value_name = "SHORTCUT")]
    pub shortcut: String,
    /// The value of one variable, e.g. `order.id=A-20417`; repeatable. Overrides the context.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    /// A context file (TOML or JSON): agent_name, agent_id, customer_name, queue_name, date,
    /// date_format, unmasked_variables. Without a date, today's (UTC) is used.
    #[arg(long, value_name = "FILE")]
    pub context: Option<PathBuf>,
    /// Masker configuration file (TOML or JSON; see the README).
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Any text, masked line by line; invalid UTF-8 passes through.
    Text,
    /// One JSON record per line; keys, strings and numbers are masked in place.
    Jsonl,
    /// RFC 4180 CSV with a header line; fields are masked in place (the header too: a file
    /// without one has a record there).
    Csv,
}

/// Where the input is and how to read it.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files or directories (read recursively); `-` is standard input. `.gz` and
    /// `.zst` files are decompressed.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Input format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// JSONL: mask only this field (dotted path, e.g. `customer.phone`, `messages[].text`);
    /// repeatable. Default: every key, string and number.
    #[arg(long = "field", value_name = "PATH")]
    pub fields: Vec<String>,
    /// CSV: mask only this column (by header name); repeatable. Default: every column.
    #[arg(long = "column", value_name = "NAME")]
    pub columns: Vec<String>,
    /// CSV: the field delimiter (one ASCII character; `\t` for tab) [default: ,]
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// JSONL, CSV: stop with status 1 at the first record that does not parse (by default
    /// it is masked as text and reported).
    #[arg(long)]
    pub strict: bool,
    /// Worker threads (default: every core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// How to mask (the core's configuration options).
#[derive(Debug, Args)]
pub struct MaskerArgs {
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
}

/// Arguments of `piimask mask`.
#[derive(Debug, Args)]
pub struct MaskArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub input: InputArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub masker: MaskerArgs,
    /// Write to FILE instead of standard output, or, with several inputs or a directory,
    /// into DIR at each input's relative path. `.gz` and `.zst` outputs are compressed.
    /// Files are written to a temporary file and renamed only when the run succeeds.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Write a JSON summary (counts, never any text) to FILE, or `-` for standard error.
    #[arg(long, value_name = "FILE|-")]
    pub stats: Option<PathBuf>,
}

/// Arguments of `piimask scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub input: InputArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub masker: MaskerArgs,
}

//! Errors of the command line, printed as `piimask: FILE:LINE: what` and never with record
//! text; each maps to an exit status (1 input error, 2 usage error).

use std::fmt;
use std::io;

use piimask::{ConfigError, LibraryError, TemplateError};

use crate::input::RecordError;

/// A failed run.
#[derive(Debug)]
pub enum CliError {
    /// The command line is wrong.
    Usage(String),
    /// The configuration (file or options) is invalid.
    Config {
        /// The configuration file, when it came from one.
        file: Option<String>,
        /// What is wrong.
        error: ConfigError,
    },
    /// An input could not be read.
    Input {
        /// The input's name.
        file: String,
        /// The I/O error.
        error: io::Error,
    },
    /// A JSONL or CSV record does not parse and `--strict` was given.
    Record {
        /// The input's name.
        file: String,
        /// 1-based line number (of the record's first line).
        line: u64,
        /// The format the record failed (`JSON`, `CSV`).
        format: &'static str,
        /// What is wrong, with its byte offset in the record.
        error: RecordError,
    },
    /// A text-block library could not be read or is invalid (every problem is listed).
    Library {
        /// The library's name.
        file: String,
        /// What is wrong.
        error: LibraryError,
    },
    /// A library could not be read.
    LibraryUnreadable {
        /// The library's name.
        file: String,
        /// The I/O error.
        error: io::Error,
    },
    /// A rendering context file is invalid.
    Context {
        /// The context file's name.
        file: String,
        /// What is wrong (names fields, never values).
        error: TemplateError,
    },
    /// A block could not be rendered (missing variables, reserved characters in values).
    Render {
        /// The library's name.
        file: String,
        /// The block's shortcut.
        shortcut: String,
        /// What is wrong (names variables, never values).
        error: TemplateError,
    },
    /// The output could not be written.
    Output {
        /// The output's name.
        file: String,
        /// The I/O error.
        error: io::Error,
    },
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::Config { .. } | CliError::Context { .. } => 2,
            CliError::Input { .. }
            | CliError::Record { .. }
            | CliError::Output { .. }
            | CliError::Library { .. }
            | CliError::LibraryUnreadable { .. }
            | CliError::Render { .. } => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "piimask: {message}"),
            CliError::Config { file: Some(file), error } => write!(f, "piimask: {file}: {error}"),
            CliError::Config { file: None, error } => write!(f, "piimask: {error}"),
            CliError::Input { file, error } => write!(f, "piimask: {file}: {error}"),
            CliError::Record { file, line, format, error } => {
                write!(f, "piimask: {file}:{line}: not valid {format} ({error}); stopping (--strict)")
            }
            CliError::Output { file, error } => write!(f, "piimask: {file}: cannot write: {error}"),
            CliError::LibraryUnreadable { file, error } => write!(f, "piimask: {file}: {error}"),
            CliError::Library { file, error: LibraryError::Invalid { problems } } => {
                for problem in problems {
                    match problem.line {
                        Some(line) => writeln!(f, "piimask: {file}:{line}: {problem}")?,
                        None => writeln!(f, "piimask: {file}: {problem}")?,
                    }
                }
                let count = problems.len();
                write!(f, "piimask: {file}: {count} problem{}", if count == 1 { "" } else { "s" })
            }
            CliError::Library { file, error } => write!(f, "piimask: {file}: {error}"),
            CliError::Context { file, error } => write!(f, "piimask: {file}: {error}"),
            CliError::Render { file, shortcut, error } => {
                write!(f, "piimask: {file}: #{shortcut}: cannot render: {error}")
            }
        }
    }
}

impl std::error::Error for CliError {}

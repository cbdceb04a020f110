//! Error types, one enum per concern, and the one stable numeric [`ErrorCode`] table
//! shared by the C ABI (status codes) and Python (exception classes).
//!
//! No error ever carries the input text it is about: variants hold offsets, kinds and
//! option names only, so an error message can be logged safely.

use thiserror::Error;

use crate::kind::Kind;

/// Stable numeric error codes. `0` is success. Codes are never renumbered; new ones are
/// only ever added.
///
/// # Example
/// ```
/// use piimask::{ErrorCode, Masker};
/// let err = Masker::builder().keep_head(piimask::Kind::Card, 7).build().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::ConfigKeepLimit);
/// assert_eq!(err.code() as u32, 13);
/// assert_eq!(ErrorCode::from_u32(13), Some(ErrorCode::ConfigKeepLimit));
/// assert_eq!(ErrorCode::ConfigKeepLimit.name(), "CONFIG_KEEP_LIMIT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum ErrorCode {
    /// Success.
    Ok = 0,
    /// A bug in piimask (for example a panic caught at an API boundary).
    Internal = 1,
    /// A required pointer or argument was missing (C ABI).
    NullArgument = 2,
    /// The caller's output buffer is too small (C ABI); the required size is reported.
    BufferTooSmall = 3,
    /// The input is not valid UTF-8 where text is required; the byte offset is reported.
    InvalidUtf8 = 4,
    /// The configuration text does not parse, has an unknown field, kind or style.
    ConfigSyntax = 10,
    /// The configuration enables no kind at all.
    ConfigNoKinds = 11,
    /// A mask character is a letter, digit, whitespace, control character, `<`, `>` or `@`.
    ConfigMaskChar = 12,
    /// A kept head or tail exceeds its cap (PCI DSS: first 6 and last 4 digits of a card).
    ConfigKeepLimit = 13,
    /// A kept head or tail is set for a style that keeps nothing (`label`, `redact`).
    ConfigKeepUnused = 14,
}

impl ErrorCode {
    /// Every code, in numeric order.
    pub const ALL: [ErrorCode; 10] = [
        ErrorCode::Ok,
        ErrorCode::Internal,
        ErrorCode::NullArgument,
        ErrorCode::BufferTooSmall,
        ErrorCode::InvalidUtf8,
        ErrorCode::ConfigSyntax,
        ErrorCode::ConfigNoKinds,
        ErrorCode::ConfigMaskChar,
        ErrorCode::ConfigKeepLimit,
        ErrorCode::ConfigKeepUnused,
    ];

    /// The code for a number, if it is one.
    pub fn from_u32(value: u32) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|code| *code as u32 == value)
    }

    /// The stable upper-case name (`"CONFIG_KEEP_LIMIT"`), as used in the vectors and the
    /// C header.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorCode::Ok => "OK",
            ErrorCode::Internal => "INTERNAL",
            ErrorCode::NullArgument => "NULL_ARGUMENT",
            ErrorCode::BufferTooSmall => "BUFFER_TOO_SMALL",
            ErrorCode::InvalidUtf8 => "INVALID_UTF8",
            ErrorCode::ConfigSyntax => "CONFIG_SYNTAX",
            ErrorCode::ConfigNoKinds => "CONFIG_NO_KINDS",
            ErrorCode::ConfigMaskChar => "CONFIG_MASK_CHAR",
            ErrorCode::ConfigKeepLimit => "CONFIG_KEEP_LIMIT",
            ErrorCode::ConfigKeepUnused => "CONFIG_KEEP_UNUSED",
        }
    }

    /// The code for a stable name, if it is one.
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|code| code.name() == name)
    }
}

/// Which end of a value a kept-characters option is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepEnd {
    /// `keep_head`.
    Head,
    /// `keep_tail`.
    Tail,
}

impl std::fmt::Display for KeepEnd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KeepEnd::Head => "keep_head",
            KeepEnd::Tail => "keep_tail",
        })
    }
}

/// Why a configuration was rejected. Raised by [`MaskerBuilder::build`](crate::MaskerBuilder::build)
/// and the configuration parsers, never later.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The TOML or JSON text does not parse or does not have the documented form.
    #[error("invalid {format} configuration at line {line}, column {column}: {message}")]
    Syntax {
        /// `"TOML"` or `"JSON"`.
        format: &'static str,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What the parser found wrong (about the configuration, never about masked input).
        message: String,
    },
    /// A kind name that is not one of `card`, `iban`, `ssn`, `email`, `phone`.
    #[error("unknown kind {name:?}: expected one of card, iban, ssn, email, phone")]
    UnknownKind {
        /// The name given.
        name: String,
    },
    /// A style name that is not one of `compact`, `preserve`, `label`, `redact`.
    #[error("unknown style {name:?}: expected one of compact, preserve, label, redact")]
    UnknownStyle {
        /// The name given.
        name: String,
    },
    /// No kind is enabled, so nothing would ever be masked.
    #[error("no kinds enabled: a masker must detect at least one kind")]
    NoKinds,
    /// The mask character is not allowed.
    #[error("mask character U+{code_point:04X}{} is not allowed: {reason}", kind.map(|k| format!(" for {k}")).unwrap_or_default())]
    MaskChar {
        /// The kind whose mask character it is, or `None` for the default.
        kind: Option<Kind>,
        /// The rejected character's code point.
        code_point: u32,
        /// Why it is rejected.
        reason: &'static str,
    },
    /// A kept head or tail is larger than allowed for its kind.
    #[error("{kind} {end} = {requested} is over the limit of {max}{}", if *kind == Kind::Card { " (PCI DSS: at most the first 6 and last 4 digits)" } else { "" })]
    KeepLimit {
        /// The kind.
        kind: Kind,
        /// Head or tail.
        end: KeepEnd,
        /// The value asked for.
        requested: u32,
        /// The largest allowed value.
        max: u32,
    },
    /// A kept head or tail was set for a style that writes no characters of the value.
    #[error("{kind} {end} has no effect with style {style}: remove it or choose compact or preserve")]
    KeepUnused {
        /// The kind.
        kind: Kind,
        /// Head or tail.
        end: KeepEnd,
        /// The style's name.
        style: &'static str,
    },
}

impl ConfigError {
    /// The stable numeric code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            ConfigError::Syntax { .. }
            | ConfigError::UnknownKind { .. }
            | ConfigError::UnknownStyle { .. } => ErrorCode::ConfigSyntax,
            ConfigError::NoKinds => ErrorCode::ConfigNoKinds,
            ConfigError::MaskChar { .. } => ErrorCode::ConfigMaskChar,
            ConfigError::KeepLimit { .. } => ErrorCode::ConfigKeepLimit,
            ConfigError::KeepUnused { .. } => ErrorCode::ConfigKeepUnused,
        }
    }
}

/// Why an input was rejected.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum InputError {
    /// The input is not valid UTF-8 where text is required.
    #[error("input is not valid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

impl InputError {
    /// The stable numeric code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            InputError::InvalidUtf8 { .. } => ErrorCode::InvalidUtf8,
        }
    }

    /// Checks that `bytes` are UTF-8, reporting the offset of the first invalid byte.
    ///
    /// # Example
    /// ```
    /// use piimask::InputError;
    /// assert!(InputError::check_utf8(b"ok").is_ok());
    /// assert_eq!(
    ///     InputError::check_utf8(b"ab\xffcd").unwrap_err(),
    ///     InputError::InvalidUtf8 { offset: 2 }
    /// );
    /// ```
    pub fn check_utf8(bytes: &[u8]) -> Result<&str, InputError> {
        std::str::from_utf8(bytes).map_err(|err| InputError::InvalidUtf8 { offset: err.valid_up_to() })
    }
}

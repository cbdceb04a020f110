//! Error types, one enum per concern, and the one stable numeric [`ErrorCode`] table
//! shared by the C ABI (status codes) and Python (exception classes).
//!
//! No error ever carries the input text it is about: variants hold offsets, kinds and
//! option names only, so an error message can be logged safely.

use std::borrow::Cow;
use std::sync::LazyLock;

use thiserror::Error;

use crate::kind::Kind;
use crate::masker::Masker;

/// How error messages show a name taken from the input (a template variable, a context
/// field): as written, except that any value in it is masked by the default masker. Names
/// are not sensitive, but a pasted or fuzzed one may hold a card number, and messages are
/// logged.
///
/// # Example
/// ```
/// assert_eq!(piimask::error::shown_name("customer.name"), "customer.name");
/// assert_eq!(piimask::error::shown_name("cus4111111111111111tomer"), "cus************1111tomer");
/// ```
pub fn shown_name(name: &str) -> Cow<'_, str> {
    static MASKER: LazyLock<Masker> = LazyLock::new(Masker::default);
    MASKER.mask(name)
}

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
    /// A template has a stray or unclosed `<`/`>`, or an empty or invalid parameter name.
    TemplateSyntax = 20,
    /// Rendering a template needs variables that were given no value (all are named).
    TemplateMissingVariables = 21,
    /// A text-block library has invalid entries (every one is listed).
    LibraryInvalid = 22,
    /// A text-block library is not valid TOML or JSON.
    LibrarySyntax = 23,
    /// A value to substitute into a template holds `<` or `>` (reserved for parameters).
    TemplateReservedInValue = 24,
    /// A rendering context is invalid: syntax, an unknown field, a date or date format.
    TemplateContext = 25,
}

impl ErrorCode {
    /// Every code, in numeric order.
    pub const ALL: [ErrorCode; 16] = [
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
        ErrorCode::TemplateSyntax,
        ErrorCode::TemplateMissingVariables,
        ErrorCode::LibraryInvalid,
        ErrorCode::LibrarySyntax,
        ErrorCode::TemplateReservedInValue,
        ErrorCode::TemplateContext,
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
            ErrorCode::TemplateSyntax => "TEMPLATE_SYNTAX",
            ErrorCode::TemplateMissingVariables => "TEMPLATE_MISSING_VARIABLES",
            ErrorCode::LibraryInvalid => "LIBRARY_INVALID",
            ErrorCode::LibrarySyntax => "LIBRARY_SYNTAX",
            ErrorCode::TemplateReservedInValue => "TEMPLATE_RESERVED_IN_VALUE",
            ErrorCode::TemplateContext => "TEMPLATE_CONTEXT",
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
    #[error("unknown kind {:?}: expected one of card, iban, ssn, email, phone", shown_name(name))]
    UnknownKind {
        /// The name given.
        name: String,
    },
    /// A style name that is not one of `compact`, `preserve`, `label`, `redact`.
    #[error("unknown style {:?}: expected one of compact, preserve, label, redact", shown_name(name))]
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

/// Why a template could not be parsed or rendered, or a rendering context was rejected.
///
/// Positions are byte offsets and character (Unicode scalar value) offsets, into the
/// template for syntax errors, into the value for reserved characters and into the date
/// format for date format errors. Variants name variables and fields, never a value.
///
/// # Example
/// ```
/// use piimask::{ErrorCode, Template, TemplateError};
/// let err = Template::parse("Hé <customer.name, bye").unwrap_err();
/// assert_eq!(err, TemplateError::UnclosedParameter { byte: 4, char: 3 });
/// assert_eq!(err.code(), ErrorCode::TemplateSyntax);
/// assert_eq!(
///     err.to_string(),
///     "unclosed parameter: `<` at byte 4 (character 3) has no `>` before the end of its line"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// A `<` with no `>` before the end of its line (or before another `<`).
    #[error(
        "unclosed parameter: `<` at byte {byte} (character {char}) has no `>` before the end of its line"
    )]
    UnclosedParameter {
        /// Byte offset of the `<`.
        byte: usize,
        /// Character offset of the `<`.
        char: usize,
    },
    /// A `>` that closes no parameter.
    #[error("stray `>` at byte {byte} (character {char}): `<` and `>` are reserved for parameters")]
    StrayClose {
        /// Byte offset of the `>`.
        byte: usize,
        /// Character offset of the `>`.
        char: usize,
    },
    /// `<>`: a parameter without a name.
    #[error("empty parameter name `<>` at byte {byte} (character {char})")]
    EmptyName {
        /// Byte offset of the `<`.
        byte: usize,
        /// Character offset of the `<`.
        char: usize,
    },
    /// A parameter name that is not a (dotted) identifier.
    #[error(
        "invalid parameter name: the character at byte {byte} (character {char}) is not allowed there \
         (names are ASCII identifiers, dotted like agent.name)"
    )]
    InvalidName {
        /// Byte offset of the first character that makes the name invalid.
        byte: usize,
        /// Character offset of that character.
        char: usize,
    },
    /// Variables that have neither a value nor an automatic value from the context.
    #[error(
        "missing {}: {}",
        if names.len() == 1 { "variable" } else { "variables" },
        names.iter().map(|name| shown_name(name)).collect::<Vec<_>>().join(", ")
    )]
    MissingVariables {
        /// Every missing variable, in the order of [`Template::variables`](crate::Template::variables).
        names: Vec<String>,
    },
    /// Values that hold `<` or `>`, which are reserved for template parameters.
    #[error(
        "{} `<` or `>`, reserved for template parameters: {}",
        if values.len() == 1 { "a value holds" } else { "values hold" },
        values.iter().map(|v| format!("{} (at character {})", shown_name(&v.variable), v.char)).collect::<Vec<_>>().join(", ")
    )]
    ReservedInValue {
        /// Each offending variable, with the position of the first `<` or `>` in its value.
        values: Vec<ValuePosition>,
    },
    /// A date format with a `%` that starts no supported directive.
    #[error(
        "invalid date format: `%` at byte {byte} (character {char}) starts no supported directive \
         (%Y %m %d %H %M %%)"
    )]
    DateFormat {
        /// Byte offset of the `%` in the format.
        byte: usize,
        /// Character offset of the `%` in the format.
        char: usize,
    },
    /// A date or time that does not exist.
    #[error("invalid date: {reason}")]
    Date {
        /// What is wrong (never the date itself).
        reason: &'static str,
    },
    /// A context document that is not valid TOML or JSON.
    #[error("invalid {format} context at line {line}, column {column}: {message}")]
    ContextSyntax {
        /// `"TOML"` or `"JSON"`.
        format: &'static str,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What the parser found wrong (about the syntax, never a value).
        message: String,
    },
    /// A context field that is unknown or has the wrong type or form.
    #[error("invalid context field `{}`: {reason}", shown_name(field))]
    ContextField {
        /// The field's name.
        field: String,
        /// What is wrong (never the value).
        reason: &'static str,
    },
}

impl TemplateError {
    /// The stable numeric code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            TemplateError::UnclosedParameter { .. }
            | TemplateError::StrayClose { .. }
            | TemplateError::EmptyName { .. }
            | TemplateError::InvalidName { .. } => ErrorCode::TemplateSyntax,
            TemplateError::MissingVariables { .. } => ErrorCode::TemplateMissingVariables,
            TemplateError::ReservedInValue { .. } => ErrorCode::TemplateReservedInValue,
            TemplateError::DateFormat { .. }
            | TemplateError::Date { .. }
            | TemplateError::ContextSyntax { .. }
            | TemplateError::ContextField { .. } => ErrorCode::TemplateContext,
        }
    }

    /// The byte and character offsets of a syntax error in the template, if this is one.
    ///
    /// # Example
    /// ```
    /// let err = piimask::Template::parse("a > b").unwrap_err();
    /// assert_eq!(err.syntax_position(), Some((2, 2)));
    /// ```
    pub fn syntax_position(&self) -> Option<(usize, usize)> {
        match *self {
            TemplateError::UnclosedParameter { byte, char }
            | TemplateError::StrayClose { byte, char }
            | TemplateError::EmptyName { byte, char }
            | TemplateError::InvalidName { byte, char } => Some((byte, char)),
            _ => None,
        }
    }
}

/// Where a reserved character is in the value of a variable (see
/// [`TemplateError::ReservedInValue`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValuePosition {
    /// The variable's name.
    pub variable: String,
    /// Byte offset of the first `<` or `>` in the value.
    pub byte: usize,
    /// Character offset of the first `<` or `>` in the value.
    pub char: usize,
}

/// Why a text-block library was rejected.
///
/// # Example
/// ```
/// use piimask::{ErrorCode, LibraryError, TextBlockLibrary};
/// let err = TextBlockLibrary::from_json(r#"{"block": [{"shortcut": "hi", "title": ""}]}"#).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::LibraryInvalid);
/// let LibraryError::Invalid { problems } = &err else { unreachable!() };
/// let found: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
/// assert_eq!(found, ["block[0] title: is empty", "block[0] body: is missing"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LibraryError {
    /// The text is not valid TOML or JSON.
    #[error("invalid {format} text-block library at line {line}, column {column}: {message}")]
    Syntax {
        /// `"TOML"` or `"JSON"`.
        format: &'static str,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What the parser found wrong (about the syntax, never the library's text).
        message: String,
    },
    /// The document parses but some entries are invalid: every problem is listed.
    #[error(
        "invalid text-block library: {}",
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")
    )]
    Invalid {
        /// Every problem, in document order (block by block, field by field).
        problems: Vec<LibraryProblem>,
    },
}

impl LibraryError {
    /// The stable numeric code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            LibraryError::Syntax { .. } => ErrorCode::LibrarySyntax,
            LibraryError::Invalid { .. } => ErrorCode::LibraryInvalid,
        }
    }
}

/// One problem in a text-block library: which block and field, where in the file, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryProblem {
    /// The block's 0-based index in the `block` array; `None` for a problem of the
    /// document itself.
    pub index: Option<usize>,
    /// The field (`shortcut`, `title`, `body`, `tags[2]`, `language`, or an unknown key).
    pub field: Option<String>,
    /// The 1-based line in the library file, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: LibraryProblemKind,
}

impl std::fmt::Display for LibraryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.index, &self.field) {
            (Some(index), Some(field)) => write!(f, "block[{index}] {field}: ")?,
            (Some(index), None) => write!(f, "block[{index}]: ")?,
            (None, Some(field)) => write!(f, "{field}: ")?,
            (None, None) => f.write_str("library: ")?,
        }
        write!(f, "{}", self.kind)
    }
}

/// What is wrong with an entry of a text-block library. [`code`](LibraryProblemKind::code)
/// gives a stable name for each (used by the conformance vectors and bindings).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LibraryProblemKind {
    /// The library has no text blocks at all.
    #[error("has no text blocks (expected a `block` array of tables)")]
    NoBlocks,
    /// A block, or the document, is not a table (JSON object).
    #[error("is not a table")]
    NotATable,
    /// A required field is absent.
    #[error("is missing")]
    MissingField,
    /// A field has the wrong type.
    #[error("must be {expected}")]
    WrongType {
        /// The expected type.
        expected: &'static str,
    },
    /// A key that is not a field of a block (or of the document).
    #[error("is not a known field (expected {expected})")]
    UnknownField {
        /// The fields that are allowed there.
        expected: &'static str,
    },
    /// A field that must hold text is empty or blank.
    #[error("is empty")]
    Empty,
    /// A field is longer than allowed.
    #[error("is {chars} characters long, over the limit of {max}")]
    TooLong {
        /// Its length in characters (for a body: of its own text, without parameters).
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A shortcut holds a character that is not allowed.
    #[error(
        "the character at byte {byte} (character {char}) is not allowed \
         (letters, digits, `-`, `_` and `.`, starting with a letter or digit)"
    )]
    InvalidShortcut {
        /// Byte offset of the character in the shortcut.
        byte: usize,
        /// Character offset of the character in the shortcut.
        char: usize,
    },
    /// Two blocks have the same shortcut, ignoring case and accents.
    #[error("is the same as the shortcut of block[{first_index}] (case and accents ignored)")]
    DuplicateShortcut {
        /// The index of the first block with that shortcut.
        first_index: usize,
    },
    /// A title holds a line break.
    #[error("holds a line break")]
    Multiline,
    /// A body is not a valid template.
    #[error("{0}")]
    Template(TemplateError),
    /// A tag holds whitespace or `#`.
    #[error("holds whitespace or `#` (a tag is one word)")]
    InvalidTag,
    /// A language that is not a language tag.
    #[error("is not a language tag like en, fr or pt-BR")]
    InvalidLanguage,
}

impl LibraryProblemKind {
    /// The stable snake-case name of this kind of problem (`"duplicate_shortcut"`).
    ///
    /// # Example
    /// ```
    /// assert_eq!(piimask::LibraryProblemKind::MissingField.code(), "missing_field");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            LibraryProblemKind::NoBlocks => "no_blocks",
            LibraryProblemKind::NotATable => "not_a_table",
            LibraryProblemKind::MissingField => "missing_field",
            LibraryProblemKind::WrongType { .. } => "wrong_type",
            LibraryProblemKind::UnknownField { .. } => "unknown_field",
            LibraryProblemKind::Empty => "empty",
            LibraryProblemKind::TooLong { .. } => "too_long",
            LibraryProblemKind::InvalidShortcut { .. } => "invalid_shortcut",
            LibraryProblemKind::DuplicateShortcut { .. } => "duplicate_shortcut",
            LibraryProblemKind::Multiline => "multiline",
            LibraryProblemKind::Template(_) => "template_syntax",
            LibraryProblemKind::InvalidTag => "invalid_tag",
            LibraryProblemKind::InvalidLanguage => "invalid_language",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_the_input_are_shown_with_their_values_masked() {
        let missing = TemplateError::MissingVariables { names: vec!["cus4111111111111111tomer.name".into()] };
        let field =
            TemplateError::ContextField { field: "kind 4111 1111 1111 1111".into(), reason: "unknown field" };
        let reserved = TemplateError::ReservedInValue {
            values: vec![ValuePosition { variable: "a4111111111111111".into(), byte: 0, char: 0 }],
        };
        for err in [missing, field, reserved] {
            let message = err.to_string();
            assert!(
                !message.contains("4111111111111111") && !message.contains("4111 1111 1111"),
                "{message}"
            );
            assert!(message.contains("1111"), "the kept tail: {message}");
        }
        let plain = TemplateError::MissingVariables { names: vec!["customer.name".into(), "b".into()] };
        assert_eq!(plain.to_string(), "missing variables: customer.name, b");
    }

    #[test]
    fn codes_are_never_renumbered() {
        let table: Vec<(u32, &str)> = ErrorCode::ALL.iter().map(|code| (*code as u32, code.name())).collect();
        assert_eq!(
            table,
            [
                (0, "OK"),
                (1, "INTERNAL"),
                (2, "NULL_ARGUMENT"),
                (3, "BUFFER_TOO_SMALL"),
                (4, "INVALID_UTF8"),
                (10, "CONFIG_SYNTAX"),
                (11, "CONFIG_NO_KINDS"),
                (12, "CONFIG_MASK_CHAR"),
                (13, "CONFIG_KEEP_LIMIT"),
                (14, "CONFIG_KEEP_UNUSED"),
                (20, "TEMPLATE_SYNTAX"),
                (21, "TEMPLATE_MISSING_VARIABLES"),
                (22, "LIBRARY_INVALID"),
                (23, "LIBRARY_SYNTAX"),
                (24, "TEMPLATE_RESERVED_IN_VALUE"),
                (25, "TEMPLATE_CONTEXT"),
            ]
        );
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_u32(code as u32), Some(code));
            assert_eq!(ErrorCode::from_name(code.name()), Some(code));
        }
    }
}

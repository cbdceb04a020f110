//! Errors: the core's errors (and the boundary's own: NULL arguments, small buffers, invalid
//! UTF-8, panics) turned into a `piimask_error` the caller reads and frees. Messages and
//! details come from the core's errors, which never hold input text.

use std::ffi::{CString, c_char};

use piimask_core::{ConfigError, ErrorCode, InputError, LibraryError, TemplateError};

use crate::boundary;
use crate::status::{PIIMASK_NONE, piimask_status};
use crate::strings::c_string;

/// Why a call failed, as the exports produce it; becomes a status code, and a
/// [`piimask_error`] when the caller asked for one.
#[derive(Debug)]
pub enum Failure {
    /// A required pointer is NULL.
    NullArgument {
        /// The parameter's name in the header.
        argument: &'static str,
    },
    /// A length cannot describe memory (over `PTRDIFF_MAX`); reported with the same
    /// status as a NULL pointer, since both are a caller's mistake about its arguments.
    LengthTooLarge {
        /// The pointer parameter the length belongs to.
        argument: &'static str,
    },
    /// The caller's buffer is too small.
    BufferTooSmall {
        /// What the buffer holds (`"bytes"`, `"matches"`).
        unit: &'static str,
        /// Its capacity, in `unit`s.
        capacity: usize,
        /// The capacity needed.
        required: usize,
    },
    /// Text that must be UTF-8 is not.
    InvalidUtf8 {
        /// The parameter's name in the header.
        argument: &'static str,
        /// Offset of the first invalid byte.
        byte: usize,
        /// Characters before it.
        character: usize,
    },
    /// A configuration error from the core.
    Config(ConfigError),
    /// A template or context error from the core.
    Template(TemplateError),
    /// A text-block library error from the core.
    Library(LibraryError),
    /// A panic was caught at the boundary.
    Internal,
}

impl From<ConfigError> for Failure {
    fn from(err: ConfigError) -> Failure {
        Failure::Config(err)
    }
}

impl From<TemplateError> for Failure {
    fn from(err: TemplateError) -> Failure {
        Failure::Template(err)
    }
}

impl From<LibraryError> for Failure {
    fn from(err: LibraryError) -> Failure {
        Failure::Library(err)
    }
}

impl Failure {
    /// Text `bytes` passed as `argument` failed UTF-8 validation with `err`.
    pub(crate) fn utf8(argument: &'static str, bytes: &[u8], err: InputError) -> Failure {
        let InputError::InvalidUtf8 { offset } = err else { return Failure::Internal };
        let valid = std::str::from_utf8(&bytes[..offset.min(bytes.len())]).unwrap_or_default();
        Failure::InvalidUtf8 { argument, byte: offset, character: valid.chars().count() }
    }

    /// The core's code for this failure.
    pub(crate) fn code(&self) -> ErrorCode {
        match self {
            Failure::NullArgument { .. } | Failure::LengthTooLarge { .. } => ErrorCode::NullArgument,
            Failure::BufferTooSmall { .. } => ErrorCode::BufferTooSmall,
            Failure::InvalidUtf8 { .. } => ErrorCode::InvalidUtf8,
            Failure::Config(err) => err.code(),
            Failure::Template(err) => err.code(),
            Failure::Library(err) => err.code(),
            Failure::Internal => ErrorCode::Internal,
        }
    }

    /// The error object the caller receives.
    pub(crate) fn into_error(self) -> *mut piimask_error {
        let mut built = ErrorBox::new(self.code());
        let message = match self {
            Failure::NullArgument { argument } => format!("argument `{argument}` is NULL"),
            Failure::LengthTooLarge { argument } => {
                format!("the length of argument `{argument}` is over PTRDIFF_MAX")
            }
            Failure::BufferTooSmall { unit, capacity, required } => {
                format!("the output buffer holds {capacity} {unit} but {required} are needed")
            }
            Failure::InvalidUtf8 { argument, byte, character } => {
                built.public.byte = byte;
                built.public.character = character;
                let err = InputError::InvalidUtf8 { offset: byte };
                if argument == "input" { err.to_string() } else { format!("`{argument}`: {err}") }
            }
            Failure::Config(err) => {
                if let ConfigError::Syntax { line, column, .. } = err {
                    (built.public.line, built.public.column) = (line, column);
                }
                err.to_string()
            }
            Failure::Template(err) => {
                built.template_details(&err);
                err.to_string()
            }
            Failure::Library(err) => {
                built.library_details(&err);
                err.to_string()
            }
            Failure::Internal => {
                "internal error: a panic was caught at the C boundary (a bug in piimask; please report it)"
                    .to_string()
            }
        };
        built.set_message(&message);
        built.finish()
    }
}

/// An error, returned through the `piimask_error **error` parameter of a failed call.
/// Read its fields; free it with `piimask_error_free()`. Every string and array it points
/// to belongs to it and stays valid until it is freed. No field ever holds input text.
#[repr(C)]
#[derive(Debug)]
pub struct piimask_error {
    /// The status the call returned (never `PIIMASK_OK`).
    pub code: piimask_status,
    /// What went wrong, in English, NUL-terminated; safe to log (no input text).
    pub message: *const c_char,
    /// Where, as a byte offset: the first invalid byte (`PIIMASK_INVALID_UTF8`), the
    /// character at fault in a template (`PIIMASK_TEMPLATE_SYNTAX`) or date format
    /// (`PIIMASK_TEMPLATE_CONTEXT`); `PIIMASK_NONE` otherwise.
    pub byte: usize,
    /// The same place as a character (Unicode scalar value) offset; `PIIMASK_NONE` when
    /// `byte` is.
    pub character: usize,
    /// The 1-based line of a syntax error in a configuration, context or library text;
    /// 0 when unknown or not applicable.
    pub line: usize,
    /// The 1-based column that goes with `line`; 0 when unknown.
    pub column: usize,
    /// The details: one per missing variable (`PIIMASK_TEMPLATE_MISSING_VARIABLES`), per
    /// value holding `<` or `>` (`PIIMASK_TEMPLATE_RESERVED_IN_VALUE`), or per problem of a
    /// library (`PIIMASK_LIBRARY_INVALID`); `NULL` when there are none.
    pub details: *const piimask_error_detail,
    /// How many details `details` points to.
    pub detail_count: usize,
}

/// One detail of an error. Fields that do not apply are `NULL`, `PIIMASK_NONE` or 0.
#[repr(C)]
#[derive(Debug)]
pub struct piimask_error_detail {
    /// The variable (missing, or whose value holds `<` or `>`); `NULL` otherwise.
    pub variable: *const c_char,
    /// The 0-based index of the library block at fault; `PIIMASK_NONE` for the library
    /// document itself or when not a library problem.
    pub block: usize,
    /// The library field at fault (`"shortcut"`, `"tags[2]"`, an unknown key); `NULL` for a
    /// whole block or when not a library problem.
    pub field: *const c_char,
    /// The 1-based line in the library text; 0 when unknown.
    pub line: usize,
    /// The stable name of a library problem (`"missing_field"`, `"duplicate_shortcut"`,
    /// `"template_syntax"`, ...); `NULL` otherwise.
    pub problem: *const c_char,
    /// A byte offset: of the first `<` or `>` in the variable's value, or of the fault in a
    /// block body's template; `PIIMASK_NONE` otherwise.
    pub byte: usize,
    /// The same offset in characters; `PIIMASK_NONE` when `byte` is.
    pub character: usize,
    /// This detail in English, NUL-terminated; never `NULL`.
    pub message: *const c_char,
}

/// A [`piimask_error`] with the strings and details it points to. `repr(C)` with the
/// public part first, so a pointer to one is a pointer to the other.
#[repr(C)]
struct ErrorBox {
    public: piimask_error,
    strings: Vec<CString>,
    details: Vec<piimask_error_detail>,
}

impl ErrorBox {
    fn new(code: ErrorCode) -> ErrorBox {
        ErrorBox {
            public: piimask_error {
                code: code as u32,
                message: std::ptr::null(),
                byte: PIIMASK_NONE,
                character: PIIMASK_NONE,
                line: 0,
                column: 0,
                details: std::ptr::null(),
                detail_count: 0,
            },
            strings: Vec::new(),
            details: Vec::new(),
        }
    }

    /// Keeps a C copy of `text`, returning a pointer valid as long as the error.
    fn keep(&mut self, text: &str) -> *const c_char {
        let copy = c_string(text);
        let ptr = copy.as_ptr();
        self.strings.push(copy);
        ptr
    }

    fn set_message(&mut self, message: &str) {
        self.public.message = self.keep(message);
    }

    fn detail(&mut self, message: &str) -> &mut piimask_error_detail {
        let message = self.keep(message);
        self.details.push(piimask_error_detail {
            variable: std::ptr::null(),
            block: PIIMASK_NONE,
            field: std::ptr::null(),
            line: 0,
            problem: std::ptr::null(),
            byte: PIIMASK_NONE,
            character: PIIMASK_NONE,
            message,
        });
        self.details.last_mut().unwrap_or_else(|| unreachable!("just pushed"))
    }

    fn template_details(&mut self, err: &TemplateError) {
        if let Some((byte, character)) = err.syntax_position() {
            (self.public.byte, self.public.character) = (byte, character);
        }
        match err {
            TemplateError::DateFormat { byte, char } => {
                (self.public.byte, self.public.character) = (*byte, *char);
            }
            TemplateError::ContextSyntax { line, column, .. } => {
                (self.public.line, self.public.column) = (*line, *column);
            }
            TemplateError::MissingVariables { names } => {
                for name in names {
                    let variable = self.keep(name);
                    let shown = piimask_core::error::shown_name(name);
                    self.detail(&format!("missing variable: {shown}")).variable = variable;
                }
            }
            TemplateError::ReservedInValue { values } => {
                for value in values {
                    let variable = self.keep(&value.variable);
                    let detail = self.detail(&format!(
                        "the value of {} holds `<` or `>` at character {}",
                        piimask_core::error::shown_name(&value.variable),
                        value.char
                    ));
                    detail.variable = variable;
                    (detail.byte, detail.character) = (value.byte, value.char);
                }
            }
            _ => {}
        }
    }

    fn library_details(&mut self, err: &LibraryError) {
        match err {
            LibraryError::Syntax { line, column, .. } => {
                (self.public.line, self.public.column) = (*line, *column);
            }
            LibraryError::Invalid { problems } => {
                for problem in problems {
                    let field = problem.field.as_deref().map_or(std::ptr::null(), |field| self.keep(field));
                    let name = self.keep(problem.kind.code());
                    let detail = self.detail(&problem.to_string());
                    detail.block = problem.index.unwrap_or(PIIMASK_NONE);
                    detail.field = field;
                    detail.line = problem.line.unwrap_or(0);
                    detail.problem = name;
                    if let piimask_core::LibraryProblemKind::Template(template) = &problem.kind
                        && let Some((byte, character)) = template.syntax_position()
                    {
                        (detail.byte, detail.character) = (byte, character);
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> *mut piimask_error {
        if !self.details.is_empty() {
            self.public.details = self.details.as_ptr();
            self.public.detail_count = self.details.len();
        }
        Box::into_raw(Box::new(self)).cast()
    }
}

/// Frees an error returned through a `piimask_error **error` parameter. `NULL` is ignored.
///
/// # Safety
/// `error` must be `NULL` or an error from this library, not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_error_free(error: *mut piimask_error) {
    boundary::guard((), || {
        if !error.is_null() {
            // SAFETY: every `piimask_error` is the first field of an `ErrorBox` made by
            // `finish` with `Box::into_raw`.
            drop(unsafe { Box::from_raw(error.cast::<ErrorBox>()) });
        }
    })
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use super::*;

    fn text(ptr: *const c_char) -> String {
        // SAFETY: error strings are NUL-terminated and live as long as the error.
        unsafe { CStr::from_ptr(ptr) }.to_str().unwrap().to_string()
    }

    #[test]
    fn missing_variables_become_details() {
        let err =
            Failure::Template(TemplateError::MissingVariables { names: vec!["a".into(), "b.c".into()] })
                .into_error();
        // SAFETY: just made, freed below.
        let public = unsafe { &*err };
        assert_eq!(public.code, ErrorCode::TemplateMissingVariables as u32);
        assert_eq!(text(public.message), "missing variables: a, b.c");
        assert_eq!(public.detail_count, 2);
        // SAFETY: `details` holds `detail_count` entries.
        let details = unsafe { std::slice::from_raw_parts(public.details, public.detail_count) };
        assert_eq!(text(details[1].variable), "b.c");
        assert_eq!(details[1].block, PIIMASK_NONE);
        // SAFETY: from into_error, freed once.
        unsafe { piimask_error_free(err) };
    }

    #[test]
    fn invalid_utf8_reports_byte_and_character() {
        let bytes = "é\u{ff}".as_bytes();
        let mut bad = bytes.to_vec();
        bad[2] = 0xff;
        let err = InputError::check_utf8(&bad).unwrap_err();
        let err = Failure::utf8("input", &bad, err).into_error();
        // SAFETY: just made, freed below.
        let public = unsafe { &*err };
        assert_eq!((public.byte, public.character), (2, 1));
        assert_eq!(text(public.message), "input is not valid UTF-8 at byte 2");
        // SAFETY: from into_error, freed once.
        unsafe { piimask_error_free(err) };
    }
}

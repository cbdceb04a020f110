//! The `piimask.Error` exception hierarchy, the `ErrorCode` enum built from the core's table,
//! and the one exhaustive match that maps each core error code to its exception class.

use piimask::{
    ConfigError as CoreConfigError, ErrorCode, LibraryError as CoreLibraryError,
    TemplateError as CoreTemplateError,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

use crate::replies::PyLibraryProblem;

pyo3::create_exception!(
    piimask,
    Error,
    PyValueError,
    "Base class of every piimask error; `.code` is an ErrorCode, `.offset` a position or None."
);
pyo3::create_exception!(piimask, ConfigError, Error, "A masker configuration was rejected.");
pyo3::create_exception!(piimask, ConfigSyntaxError, ConfigError, "CONFIG_SYNTAX");
pyo3::create_exception!(piimask, NoKindsError, ConfigError, "CONFIG_NO_KINDS");
pyo3::create_exception!(piimask, MaskCharError, ConfigError, "CONFIG_MASK_CHAR");
pyo3::create_exception!(piimask, KeepLimitError, ConfigError, "CONFIG_KEEP_LIMIT");
pyo3::create_exception!(piimask, KeepUnusedError, ConfigError, "CONFIG_KEEP_UNUSED");
pyo3::create_exception!(piimask, TemplateError, Error, "A template could not be parsed or rendered.");
pyo3::create_exception!(piimask, TemplateSyntaxError, TemplateError, "TEMPLATE_SYNTAX");
pyo3::create_exception!(piimask, MissingVariablesError, TemplateError, "TEMPLATE_MISSING_VARIABLES");
pyo3::create_exception!(piimask, ReservedInValueError, TemplateError, "TEMPLATE_RESERVED_IN_VALUE");
pyo3::create_exception!(piimask, TemplateContextError, TemplateError, "TEMPLATE_CONTEXT");
pyo3::create_exception!(piimask, LibraryError, Error, "A text-block library was rejected.");
pyo3::create_exception!(piimask, LibrarySyntaxError, LibraryError, "LIBRARY_SYNTAX");
pyo3::create_exception!(piimask, LibraryInvalidError, LibraryError, "LIBRARY_INVALID");
pyo3::create_exception!(piimask, InputError, Error, "An input was rejected.");
pyo3::create_exception!(piimask, InvalidUtf8Error, InputError, "INVALID_UTF8");
pyo3::create_exception!(piimask, InternalError, Error, "INTERNAL: a bug in piimask.");

/// The exception class of each code. Exhaustive on purpose: a code added to the core does
/// not compile here until it has a class.
fn exception_type(py: Python<'_>, code: ErrorCode) -> Bound<'_, PyType> {
    match code {
        ErrorCode::Ok | ErrorCode::Internal | ErrorCode::NullArgument | ErrorCode::BufferTooSmall => {
            py.get_type::<InternalError>()
        }
        ErrorCode::InvalidUtf8 => py.get_type::<InvalidUtf8Error>(),
        ErrorCode::ConfigSyntax => py.get_type::<ConfigSyntaxError>(),
        ErrorCode::ConfigNoKinds => py.get_type::<NoKindsError>(),
        ErrorCode::ConfigMaskChar => py.get_type::<MaskCharError>(),
        ErrorCode::ConfigKeepLimit => py.get_type::<KeepLimitError>(),
        ErrorCode::ConfigKeepUnused => py.get_type::<KeepUnusedError>(),
        ErrorCode::TemplateSyntax => py.get_type::<TemplateSyntaxError>(),
        ErrorCode::TemplateMissingVariables => py.get_type::<MissingVariablesError>(),
        ErrorCode::TemplateReservedInValue => py.get_type::<ReservedInValueError>(),
        ErrorCode::TemplateContext => py.get_type::<TemplateContextError>(),
        ErrorCode::LibraryInvalid => py.get_type::<LibraryInvalidError>(),
        ErrorCode::LibrarySyntax => py.get_type::<LibrarySyntaxError>(),
    }
}

/// Adds every exception class to the module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("ErrorCode", error_code_enum(py)?)?;
    for class in [
        py.get_type::<Error>(),
        py.get_type::<ConfigError>(),
        py.get_type::<ConfigSyntaxError>(),
        py.get_type::<NoKindsError>(),
        py.get_type::<MaskCharError>(),
        py.get_type::<KeepLimitError>(),
        py.get_type::<KeepUnusedError>(),
        py.get_type::<TemplateError>(),
        py.get_type::<TemplateSyntaxError>(),
        py.get_type::<MissingVariablesError>(),
        py.get_type::<ReservedInValueError>(),
        py.get_type::<TemplateContextError>(),
        py.get_type::<LibraryError>(),
        py.get_type::<LibrarySyntaxError>(),
        py.get_type::<LibraryInvalidError>(),
        py.get_type::<InputError>(),
        py.get_type::<InvalidUtf8Error>(),
        py.get_type::<InternalError>(),
    ] {
        module.add(class.name()?, class)?;
    }
    // Class-level defaults, so that `.code`, `.offset`, `.line` and `.column` exist even on an
    // error raised by hand (`raise piimask.Error("...")`).
    let base = py.get_type::<Error>();
    base.setattr("code", error_code(py, ErrorCode::Internal)?)?;
    for name in ["offset", "line", "column"] {
        base.setattr(name, py.None())?;
    }
    py.get_type::<InvalidUtf8Error>().setattr("index", py.None())?;

    Ok(())
}

/// `piimask.ErrorCode`: an `IntEnum` built from the core's code table, so its members and
/// numbers can never drift from the core's.
fn error_code_enum(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static ENUM: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let built = ENUM.get_or_try_init(py, || {
        let members: Vec<(&str, u32)> =
            ErrorCode::ALL.iter().map(|code| (code.name(), *code as u32)).collect();
        let options = PyDict::new(py);
        options.set_item("module", "piimask")?;
        options.set_item("qualname", "ErrorCode")?;
        let enum_type =
            py.import("enum")?.getattr("IntEnum")?.call(("ErrorCode", members), Some(&options))?;
        enum_type.setattr(
            "__doc__",
            "The stable numeric error codes of piimask (0 = OK), from the core's table.",
        )?;
        Ok::<_, PyErr>(enum_type.unbind())
    })?;
    Ok(built.bind(py))
}

/// The `ErrorCode` member of a code.
fn error_code(py: Python<'_>, code: ErrorCode) -> PyResult<Bound<'_, PyAny>> {
    error_code_enum(py)?.call1((code as u32,))
}

/// What an error carries besides its code and message: positions and details, never input text.
#[derive(Default)]
pub struct Details<'py> {
    /// A code-point offset (a Python `str` index) into the text the error is about.
    pub offset: Option<usize>,
    /// A 1-based line and column in a configuration, context or library document.
    pub line_column: Option<(usize, usize)>,
    /// Extra attributes (`names`, `values`, `problems`).
    pub extra: Vec<(&'static str, Bound<'py, PyAny>)>,
}

/// An exception of the class of `code`, with `message`, `.code` and the details.
pub fn error(py: Python<'_>, code: ErrorCode, message: String, details: Details<'_>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let instance = exception_type(py, code).call1((message.as_str(),))?;
        instance.setattr("code", error_code(py, code)?)?;
        instance.setattr("offset", details.offset)?;
        let (line, column) = details.line_column.unzip();
        instance.setattr("line", line)?;
        instance.setattr("column", column)?;
        for (name, value) in details.extra {
            instance.setattr(name, value)?;
        }
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|err| err)
}

/// A rejected configuration.
pub fn config_error(py: Python<'_>, err: &CoreConfigError) -> PyErr {
    let line_column = match *err {
        CoreConfigError::Syntax { line, column, .. } if line > 0 => Some((line, column)),
        _ => None,
    };
    error(py, err.code(), err.to_string(), Details { line_column, ..Details::default() })
}

/// A template that does not parse or render, or a rejected rendering context. Offsets are in
/// code points: into the template for syntax errors, into the date format for date format errors.
pub fn template_error(py: Python<'_>, err: &CoreTemplateError) -> PyErr {
    let mut details = Details::default();
    let built = (|| -> PyResult<()> {
        match err {
            CoreTemplateError::MissingVariables { names } => {
                details.extra.push(("names", PyList::new(py, names)?.into_any()));
            }
            CoreTemplateError::ReservedInValue { values } => {
                let pairs = values.iter().map(|value| (value.variable.as_str(), value.char));
                details.extra.push(("values", PyList::new(py, pairs)?.into_any()));
            }
            CoreTemplateError::DateFormat { char, .. } => details.offset = Some(*char),
            CoreTemplateError::ContextSyntax { line, column, .. } if *line > 0 => {
                details.line_column = Some((*line, *column));
            }
            _ => details.offset = err.syntax_position().map(|(_, char)| char),
        }
        Ok(())
    })();
    if let Err(failed) = built {
        return failed;
    }
    error(py, err.code(), err.to_string(), details)
}

/// A rejected text-block library; `LibraryInvalidError.problems` lists every problem.
pub fn library_error(py: Python<'_>, err: &CoreLibraryError) -> PyErr {
    let mut details = Details::default();
    match err {
        CoreLibraryError::Syntax { line, column, .. } if *line > 0 => {
            details.line_column = Some((*line, *column))
        }
        CoreLibraryError::Invalid { problems } => {
            let problems = problems.iter().map(PyLibraryProblem::from_core);
            match PyList::new(py, problems) {
                Ok(list) => details.extra.push(("problems", list.into_any())),
                Err(failed) => return failed,
            }
        }
        _ => {}
    }
    error(py, err.code(), err.to_string(), details)
}

/// A `str` that is not valid Unicode text (it holds a lone surrogate, which UTF-8 cannot
/// encode). `offset` is the surrogate's index; `item` the index in a batch.
pub fn surrogate_error(py: Python<'_>, offset: Option<usize>, item: Option<usize>) -> PyErr {
    let place = match offset {
        Some(offset) => format!(" at index {offset}"),
        None => String::new(),
    };
    let message = match item {
        Some(item) => format!("item {item} is not valid Unicode text: a lone surrogate{place}"),
        None => format!("text is not valid Unicode: a lone surrogate{place}"),
    };
    let mut details = Details { offset, ..Details::default() };
    if let Some(item) = item {
        details.extra.push((
            "index",
            item.into_pyobject(py).map(|i| i.into_any()).unwrap_or_else(|_| py.None().into_bound(py)),
        ));
    }
    error(py, ErrorCode::InvalidUtf8, message, details)
}

/// A panic inside the core (a bug): raised as `InternalError`, never as a `BaseException`.
pub fn internal_error(py: Python<'_>) -> PyErr {
    error(
        py,
        ErrorCode::Internal,
        "internal error in piimask (a bug: please report it)".to_string(),
        Details::default(),
    )
}

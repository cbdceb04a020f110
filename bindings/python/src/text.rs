//! Python `str` to Rust `&str` without copying, and guarded calls into the core: the two
//! things every entry point of the binding does.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{internal_error, surrogate_error};

/// Inputs at least this long are masked with the GIL released; for shorter ones, releasing
/// and taking back the GIL costs more than it lets other threads do.
pub const DETACH_BYTES: usize = 8 * 1024;

/// The UTF-8 form of a Python `str`. On CPython >= 3.10 (the limited API's
/// `PyUnicode_AsUTF8AndSize`) an ASCII string is read in place, and any other string is
/// encoded once and the result cached in the string object. A string holding a lone
/// surrogate cannot be UTF-8: it raises `InvalidUtf8Error` with the surrogate's index
/// (`item` is the index of the string in a batch).
pub fn utf8<'a>(text: &'a Bound<'_, PyString>, item: Option<usize>) -> PyResult<&'a str> {
    text.to_str().map_err(|err| {
        let py = text.py();
        let offset = if err.is_instance_of::<PyUnicodeEncodeError>(py) {
            err.value(py).getattr("start").and_then(|start| start.extract::<usize>()).ok()
        } else {
            None
        };
        surrogate_error(py, offset, item)
    })
}

/// Runs `work` on the core, with the GIL released when `detach` is set, turning a panic (a
/// bug in piimask: the core never panics by contract) into `piimask.InternalError` rather
/// than pyo3's `PanicException`, a `BaseException` that `except Exception` would not catch.
pub fn run<T: Send>(py: Python<'_>, detach: bool, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    let caught = if detach {
        py.detach(|| catch_unwind(AssertUnwindSafe(work)).ok())
    } else {
        catch_unwind(AssertUnwindSafe(work)).ok()
    };
    caught.ok_or_else(|| internal_error(py))
}

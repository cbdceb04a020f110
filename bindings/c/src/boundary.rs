//! The panic boundary every export runs in ([`run`] for functions returning a status,
//! [`guard`] for the others), and the argument checks the exports share.
//!
//! A panic never unwinds into C: it is caught and becomes `PIIMASK_INTERNAL`. The panic
//! message itself is never printed (Rust's would quote the text being sliced, which may be
//! a customer's message): a panic hook, installed on first use, prints only where the panic
//! happened. It does so only for panics inside the boundary and hands every other panic to
//! the hook it replaced, so that Rust code sharing the process (the fuzz target and the
//! tests calling this crate as the rlib `piimask_capi`) keeps its messages.

use std::cell::Cell;
use std::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use piimask_core::InputError;

use crate::error::{Failure, piimask_error};
use crate::status::{PIIMASK_BUFFER_TOO_SMALL, PIIMASK_OK, piimask_status};

thread_local! {
    /// How many boundaries this thread is inside (exports do not nest today; a count is as
    /// cheap as a flag and stays right if they ever do).
    static INSIDE: Cell<u32> = const { Cell::new(0) };
}

/// Installs the hook that keeps the messages of panics inside the boundary (which may quote
/// input text) off standard error; other panics go to the hook it replaces.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) == 0 {
                return previous(info);
            }
            let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            eprintln!(
                "piimask: internal error{place}: a panic was caught at the C boundary \
                 (message withheld: it may quote input text)"
            );
        }));
    });
}

/// Runs `body` inside the boundary: a panic becomes `Err(())`.
fn catch<T>(body: impl FnOnce() -> T) -> Result<T, ()> {
    install_panic_hook();
    INSIDE.with(|inside| inside.set(inside.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(body));
    INSIDE.with(|inside| inside.set(inside.get() - 1));
    result.map_err(drop)
}

/// Runs the body of an export that returns a status: `Ok` gives `PIIMASK_OK`, a failure its
/// code, a panic `PIIMASK_INTERNAL`. When `error` is not NULL, `*error` becomes NULL on
/// success and a new error on failure.
///
/// # Safety
/// `error` must be NULL or valid for writing one pointer.
pub unsafe fn run(
    error: *mut *mut piimask_error,
    body: impl FnOnce() -> Result<(), Failure>,
) -> piimask_status {
    let failure = match catch(body) {
        Ok(Ok(())) => {
            if !error.is_null() {
                // SAFETY: the caller guarantees `error` is writable when not NULL.
                unsafe { error.write(std::ptr::null_mut()) };
            }
            return PIIMASK_OK;
        }
        Ok(Err(failure)) => failure,
        Err(()) => Failure::Internal,
    };
    let code = failure.code() as piimask_status;
    if !error.is_null() {
        let made = catch(|| failure.into_error()).unwrap_or(std::ptr::null_mut());
        // SAFETY: as above.
        unsafe { error.write(made) };
    }
    code
}

/// Runs the body of an export that returns a value rather than a status; a panic gives
/// `fallback`.
pub fn guard<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch(body).unwrap_or(fallback)
}

/// A handle argument that must not be NULL.
///
/// # Safety
/// `ptr` must be NULL or point to a live `T` for `'a`.
pub unsafe fn handle<'a, T>(ptr: *const T, argument: &'static str) -> Result<&'a T, Failure> {
    // SAFETY: the caller guarantees a non-NULL `ptr` is valid.
    unsafe { ptr.as_ref() }.ok_or(Failure::NullArgument { argument })
}

/// An out-parameter that must not be NULL.
pub fn out<T>(ptr: *mut T, argument: &'static str) -> Result<*mut T, Failure> {
    if ptr.is_null() { Err(Failure::NullArgument { argument }) } else { Ok(ptr) }
}

/// Bytes passed as `(ptr, len)`: `(NULL, 0)` is empty, `(NULL, n > 0)` is an error.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` readable bytes that stay unchanged for `'a`.
pub unsafe fn bytes<'a>(ptr: *const c_char, len: usize, argument: &'static str) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(Failure::NullArgument { argument }) };
    }
    if len > isize::MAX as usize {
        return Err(Failure::LengthTooLarge { argument });
    }
    // SAFETY: the caller guarantees `len` readable bytes at `ptr`; `len` fits an isize.
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// UTF-8 text passed as `(ptr, len)`.
///
/// # Safety
/// As for [`bytes`].
pub unsafe fn text<'a>(ptr: *const c_char, len: usize, argument: &'static str) -> Result<&'a str, Failure> {
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { bytes(ptr, len, argument) }?;
    if bytes.is_ascii() {
        // ASCII is UTF-8; this check is vectorised and several times cheaper than a full
        // UTF-8 validation, which matters at the 120-byte scale of a chat message.
        // SAFETY: every ASCII byte sequence is valid UTF-8.
        return Ok(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    InputError::check_utf8(bytes).map_err(|err| Failure::utf8(argument, bytes, err))
}

/// Where output text goes: a caller buffer of `capacity` bytes at `output` (may be NULL
/// when `capacity` is 0), and where its length is reported.
#[derive(Debug)]
pub struct OutputBuffer {
    output: *mut c_char,
    capacity: usize,
    output_len: *mut usize,
}

impl OutputBuffer {
    /// Checks the output arguments (before any work is done).
    pub fn new(
        output: *mut c_char,
        capacity: usize,
        output_len: *mut usize,
    ) -> Result<OutputBuffer, Failure> {
        out(output_len, "output_len")?;
        if output.is_null() && capacity > 0 {
            return Err(Failure::NullArgument { argument: "output" });
        }
        Ok(OutputBuffer { output, capacity, output_len })
    }

    /// Whether the buffer overlaps `input` (masking in place).
    pub fn overlaps(&self, input: &[u8]) -> bool {
        let (start, end) = (self.output as usize, self.output as usize + self.capacity);
        let (in_start, in_end) = (input.as_ptr() as usize, input.as_ptr() as usize + input.len());
        !input.is_empty() && self.capacity > 0 && start < in_end && in_start < end
    }

    /// Writes `text` and a NUL, or reports the length when they do not fit (then writes
    /// only a NUL at the start, when there is room for one, so a caller that ignores the
    /// status sends nothing).
    ///
    /// # Safety
    /// `output` must be valid for writing `capacity` bytes and `output_len` for one `size_t`;
    /// `text` must not overlap `output`.
    pub unsafe fn write(&self, text: &[u8]) -> Result<(), Failure> {
        // SAFETY: checked non-NULL in `new`; writable by the caller's guarantee.
        unsafe { self.output_len.write(text.len()) };
        if text.len() >= self.capacity {
            if self.capacity > 0 {
                // SAFETY: at least one writable byte.
                unsafe { self.output.write(0) };
            }
            return Err(Failure::BufferTooSmall {
                unit: "bytes",
                capacity: self.capacity,
                required: text.len() + 1,
            });
        }
        // SAFETY: `text.len() + 1 <= capacity` writable bytes; no overlap by the caller's
        // guarantee.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), self.output.cast::<u8>(), text.len());
            self.output.add(text.len()).write(0);
        }
        Ok(())
    }
}

/// After a call that writes to a caller buffer returned `status`: on any failure but
/// `PIIMASK_BUFFER_TOO_SMALL` (which reports the size needed), reports an empty output
/// through whichever of `output` and `output_len` can take it: `*output_len = 0`, and a NUL
/// at the start of `output` when it has room for one. Whatever failed first (a NULL masker,
/// a NULL `output_len`, invalid UTF-8, a panic), a caller that ignores the status then reads
/// the empty string, never stale text such as the unmasked input when masking in place.
///
/// # Safety
/// `output` must be NULL or valid for writing `capacity` bytes; `output_len` NULL or
/// writable.
pub unsafe fn clear_after_failure(
    status: piimask_status,
    output: *mut c_char,
    capacity: usize,
    output_len: *mut usize,
) {
    if status == PIIMASK_OK || status == PIIMASK_BUFFER_TOO_SMALL {
        return;
    }
    if !output_len.is_null() {
        // SAFETY: writable by the caller's guarantee.
        unsafe { output_len.write(0) };
    }
    if !output.is_null() && capacity > 0 {
        // SAFETY: at least one writable byte.
        unsafe { output.write(0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::{PIIMASK_INTERNAL, PIIMASK_NULL_ARGUMENT};

    #[test]
    fn a_panic_becomes_internal_with_an_error() {
        let mut error: *mut piimask_error = std::ptr::null_mut();
        // SAFETY: `error` is a valid out-pointer.
        let status = unsafe {
            run(&mut error, || {
                let secret = String::from("4111 1111 1111 1111");
                let _ = &secret[100..];
                Ok(())
            })
        };
        assert_eq!(status, PIIMASK_INTERNAL);
        assert!(!error.is_null());
        // SAFETY: just returned.
        let message = unsafe { std::ffi::CStr::from_ptr((*error).message) }.to_str().unwrap();
        assert!(!message.contains("4111"), "{message}");
        // SAFETY: freed once.
        unsafe { crate::error::piimask_error_free(error) };
        assert_eq!(guard(7, || panic!("boom")), 7);
    }

    #[test]
    fn success_clears_the_error_and_null_error_is_fine() {
        let mut error: *mut piimask_error = std::ptr::dangling_mut();
        // SAFETY: `error` is a valid out-pointer.
        assert_eq!(unsafe { run(&mut error, || Ok(())) }, PIIMASK_OK);
        assert!(error.is_null());
        // SAFETY: NULL error.
        let status = unsafe { run(std::ptr::null_mut(), || Err(Failure::NullArgument { argument: "x" })) };
        assert_eq!(status, PIIMASK_NULL_ARGUMENT);
    }
}

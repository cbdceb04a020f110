//! `piimask_masker` and the per-message calls: `piimask_mask` (into a caller buffer),
//! `piimask_mask_alloc` (into a library-allocated string), their `_bytes` variants for input
//! that need not be UTF-8, and `piimask_find` (what was found, where, in three units).

use std::borrow::Cow;
use std::ffi::c_char;

use piimask_core::offsets::OffsetConverter;
use piimask_core::{Masker, Match};

use crate::boundary::{self, OutputBuffer};
use crate::config::piimask_config;
use crate::error::{Failure, piimask_error};
use crate::status::{PIIMASK_NONE, piimask_kind, piimask_status};
use crate::strings::alloc_string;

/// A masker (opaque): finds and masks card numbers, IBANs, SSNs, emails and phone numbers.
///
/// Thread safety: a masker is immutable. Any number of threads may call `piimask_mask`,
/// `piimask_find`, ... with the same masker at the same time, without locking. Build one
/// at start-up and share it; free it with `piimask_masker_free()` once no thread uses it.
#[derive(Debug)]
pub struct piimask_masker {
    pub(crate) masker: Masker,
}

// C threads share maskers, configurations and contexts without locks: what they wrap must
// stay `Send + Sync` (a compile error here if the core ever changes that).
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<piimask_masker>();
    shared::<piimask_config>();
    shared::<crate::template::piimask_context>();
    shared::<crate::template::piimask_values>();
};

/// One value found by `piimask_find()` or `piimask_message_check()`: its kind and where it
/// is, as half-open ranges in three units. Bytes index the UTF-8 input (C, Go, Rust);
/// characters are Unicode scalar values (Python `str` indices); UTF-16 code units index
/// JavaScript, Java and .NET strings.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct piimask_match {
    /// What was found: a `PIIMASK_KIND_*` constant.
    pub kind: piimask_kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Character offset of the first character.
    pub char_start: usize,
    /// Character offset after the last character.
    pub char_end: usize,
    /// UTF-16 offset of the first code unit.
    pub utf16_start: usize,
    /// UTF-16 offset after the last code unit.
    pub utf16_end: usize,
}

impl piimask_match {
    /// The C form of `found`, converting offsets with `offsets` (ascending calls are one
    /// pass over the text).
    pub(crate) fn new(found: &Match, offsets: &mut OffsetConverter<'_>) -> piimask_match {
        let mut convert = |byte: usize, utf16: bool| {
            let converted = if utf16 { offsets.to_utf16(byte) } else { offsets.to_char(byte) };
            converted.unwrap_or(PIIMASK_NONE)
        };
        piimask_match {
            kind: crate::status::kind_number(found.kind()),
            start: found.start(),
            end: found.end(),
            char_start: convert(found.start(), false),
            utf16_start: convert(found.start(), true),
            char_end: convert(found.end(), false),
            utf16_end: convert(found.end(), true),
        }
    }
}

/// Builds a masker from a configuration, validating every option (the only place options
/// are validated). The configuration is only read: free it whenever convenient.
///
/// Fails with `PIIMASK_CONFIG_NO_KINDS`, `PIIMASK_CONFIG_MASK_CHAR`,
/// `PIIMASK_CONFIG_KEEP_LIMIT`, `PIIMASK_CONFIG_KEEP_UNUSED` or `PIIMASK_NULL_ARGUMENT`; on
/// failure `*masker` is set to NULL.
///
/// # Safety
/// `config` must be NULL or a live configuration; `masker` and `error` must be NULL or
/// valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_masker_new(
    config: *const piimask_config,
    masker: *mut *mut piimask_masker,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let masker = boundary::out(masker, "masker")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { masker.write(std::ptr::null_mut()) };
        // SAFETY: the caller guarantees a live configuration.
        let config = unsafe { boundary::handle(config, "config") }?;
        let built = Masker::new(config.config.clone())?;
        // SAFETY: as above.
        unsafe { masker.write(Box::into_raw(Box::new(piimask_masker { masker: built }))) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees a masker. `NULL` is ignored.
///
/// # Safety
/// `masker` must be NULL or a masker from this library, not freed yet, that no other thread
/// is using or will use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_masker_free(masker: *mut piimask_masker) {
    boundary::guard((), || {
        if !masker.is_null() {
            // SAFETY: made by `Box::into_raw` in `piimask_masker_new`.
            drop(unsafe { Box::from_raw(masker) });
        }
    })
}

/// Writes `masked` (the masking of `input`) to `buffer`; when the buffer overlaps the input
/// (masking in place), the masked text is copied out of the input first.
///
/// # Safety
/// As for [`OutputBuffer::write`], except that `input` may overlap the buffer.
unsafe fn write_masked(buffer: &OutputBuffer, input: &[u8], masked: Cow<'_, [u8]>) -> Result<(), Failure> {
    if buffer.overlaps(input) {
        let owned = masked.into_owned();
        // SAFETY: `owned` is a fresh allocation, so it does not overlap the buffer.
        unsafe { buffer.write(&owned) }
    } else {
        // SAFETY: forwarded; `masked` is `input` or a fresh allocation, neither overlapping.
        unsafe { buffer.write(&masked) }
    }
}

/// Masks one message of UTF-8 text into the caller's buffer.
///
/// On success, writes the masked text and a terminating NUL to `output` and its length (not
/// counting the NUL) to `*output_len`. When `output_capacity` is too small for the text and
/// its NUL, returns `PIIMASK_BUFFER_TOO_SMALL` with `*output_len` set to the masked length:
/// call again with at least `*output_len + 1` bytes (like `snprintf`). `output` may be NULL
/// when `output_capacity` is 0, to ask for the length. `output` may overlap the input
/// (masking in place in a buffer with room to spare).
///
/// Input that is not UTF-8 gives `PIIMASK_INVALID_UTF8` (`error->byte` is the offset of the
/// first invalid byte); use `piimask_mask_bytes()` to pass such bytes through. An empty
/// input gives an empty output. On any failure other than `PIIMASK_BUFFER_TOO_SMALL`,
/// `*output_len` is 0 and `output` holds the empty string (when it has room for a NUL).
///
/// # Safety
/// Pointers may be NULL where this says so; a NULL where a value is required is not
/// undefined behaviour but `PIIMASK_NULL_ARGUMENT`. A non-NULL `masker` must be a live
/// masker; a non-NULL `input` must point to `input_len` readable bytes (NULL is allowed only
/// with `input_len` 0); a non-NULL `output` must point to `output_capacity` writable bytes
/// (NULL is allowed only with `output_capacity` 0); `output_len` is required and must point
/// to a writable `size_t`; a non-NULL `error` must be valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_mask(
    masker: *const piimask_masker,
    input: *const c_char,
    input_len: usize,
    output: *mut c_char,
    output_capacity: usize,
    output_len: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // SAFETY: the caller's guarantees, checked for NULL here.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        let buffer = OutputBuffer::new(output, output_capacity, output_len)?;
        // SAFETY: the caller guarantees `input_len` readable bytes.
        let text = unsafe { boundary::text(input, input_len, "input") }?;
        let masked = match masker.masker.mask(text) {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        };
        // SAFETY: the caller guarantees the buffer; overlap is handled.
        unsafe { write_masked(&buffer, text.as_bytes(), masked) }
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    let status = unsafe { boundary::run(error, body) };
    // SAFETY: the caller guarantees the buffer and `output_len` (each NULL or writable).
    unsafe { boundary::clear_after_failure(status, output, output_capacity, output_len) };
    status
}

/// Like `piimask_mask()`, for bytes that need not be UTF-8: valid UTF-8 is masked as text,
/// invalid sequences pass through untouched (never `PIIMASK_INVALID_UTF8`). On UTF-8 input
/// the output is exactly `piimask_mask()`'s; hosts whose text is UTF-8 by construction (Java,
/// JavaScript, .NET, Go strings) can call this to skip the validation (about 15 ns on a
/// 120-byte message).
///
/// # Safety
/// As for `piimask_mask()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_mask_bytes(
    masker: *const piimask_masker,
    input: *const c_char,
    input_len: usize,
    output: *mut c_char,
    output_capacity: usize,
    output_len: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // SAFETY: the caller's guarantees, checked for NULL here.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        let buffer = OutputBuffer::new(output, output_capacity, output_len)?;
        // SAFETY: the caller guarantees `input_len` readable bytes.
        let bytes = unsafe { boundary::bytes(input, input_len, "input") }?;
        // SAFETY: the caller guarantees the buffer; overlap is handled.
        unsafe { write_masked(&buffer, bytes, masker.masker.mask_bytes(bytes)) }
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    let status = unsafe { boundary::run(error, body) };
    // SAFETY: the caller guarantees the buffer and `output_len` (each NULL or writable).
    unsafe { boundary::clear_after_failure(status, output, output_capacity, output_len) };
    status
}

/// Sets up the out-parameters of an `_alloc` call.
///
/// # Safety
/// `output` must be writable (checked non-NULL here); `output_len` NULL or writable.
pub(crate) unsafe fn alloc_out(
    output: *mut *mut c_char,
    output_len: *mut usize,
) -> Result<*mut *mut c_char, Failure> {
    let output = boundary::out(output, "output")?;
    // SAFETY: checked non-NULL; writable by the caller's guarantee.
    unsafe { output.write(std::ptr::null_mut()) };
    if !output_len.is_null() {
        // SAFETY: writable by the caller's guarantee.
        unsafe { output_len.write(0) };
    }
    Ok(output)
}

/// Hands `text` to the caller as a new string.
///
/// # Safety
/// As for [`alloc_out`], after it succeeded.
pub(crate) unsafe fn give_string(text: &[u8], output: *mut *mut c_char, output_len: *mut usize) {
    // SAFETY: the caller's guarantees.
    unsafe {
        output.write(alloc_string(text));
        if !output_len.is_null() {
            output_len.write(text.len());
        }
    }
}

/// Masks one message of UTF-8 text into a new, NUL-terminated string that the caller frees
/// with `piimask_string_free()`. `output_len` may be NULL; when not, it receives the
/// length (not counting the NUL). On failure `*output` is NULL.
///
/// Fails like `piimask_mask()`, except that there is no buffer to be too small.
///
/// # Safety
/// `masker` must be NULL or a live masker; `input` NULL (with `input_len` 0) or
/// `input_len` readable bytes; `output`, `output_len` and `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_mask_alloc(
    masker: *const piimask_masker,
    input: *const c_char,
    input_len: usize,
    output: *mut *mut c_char,
    output_len: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // Out-parameters first, so that `*output` is NULL after any failure.
        // SAFETY: the caller's guarantees.
        let output = unsafe { alloc_out(output, output_len) }?;
        // SAFETY: the caller's guarantees, checked for NULL here.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        // SAFETY: the caller guarantees `input_len` readable bytes.
        let text = unsafe { boundary::text(input, input_len, "input") }?;
        // SAFETY: `alloc_out` checked the out-parameters.
        unsafe { give_string(masker.masker.mask(text).as_bytes(), output, output_len) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Like `piimask_mask_alloc()`, for bytes that need not be UTF-8: invalid sequences pass
/// through untouched.
///
/// # Safety
/// As for `piimask_mask_alloc()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_mask_bytes_alloc(
    masker: *const piimask_masker,
    input: *const c_char,
    input_len: usize,
    output: *mut *mut c_char,
    output_len: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // Out-parameters first, so that `*output` is NULL after any failure.
        // SAFETY: the caller's guarantees.
        let output = unsafe { alloc_out(output, output_len) }?;
        // SAFETY: the caller's guarantees, checked for NULL here.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        // SAFETY: the caller guarantees `input_len` readable bytes.
        let bytes = unsafe { boundary::bytes(input, input_len, "input") }?;
        // SAFETY: `alloc_out` checked the out-parameters.
        unsafe { give_string(&masker.masker.mask_bytes(bytes), output, output_len) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Finds the sensitive values in one message of UTF-8 text, left to right, never
/// overlapping, as masking replaces them: masking exactly these spans gives what
/// `piimask_mask` writes, also on a line that masking takes more than one round to settle
/// (a masked value made a new one readable; that line's later rounds are one match).
///
/// Writes up to `matches_capacity` matches to `matches` and the number found to `*count`.
/// When more are found than fit, the first `matches_capacity` are written and
/// `PIIMASK_BUFFER_TOO_SMALL` is returned with `*count` the number found. `matches` may be
/// NULL when `matches_capacity` is 0, to count. Input that is not UTF-8 gives
/// `PIIMASK_INVALID_UTF8`, with `*count` 0.
///
/// # Safety
/// `masker` must be NULL or a live masker; `input` NULL (with `input_len` 0) or
/// `input_len` readable bytes; `matches` NULL or `matches_capacity` writable entries;
/// `count` and `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_find(
    masker: *const piimask_masker,
    input: *const c_char,
    input_len: usize,
    matches: *mut piimask_match,
    matches_capacity: usize,
    count: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // The out-parameter first, so that `*count` is 0 after any failure.
        let count = boundary::out(count, "count")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { count.write(0) };
        // SAFETY: the caller's guarantees, checked for NULL here.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        if matches.is_null() && matches_capacity > 0 {
            return Err(Failure::NullArgument { argument: "matches" });
        }
        // SAFETY: the caller guarantees `input_len` readable bytes.
        let text = unsafe { boundary::text(input, input_len, "input") }?;
        let mut offsets = OffsetConverter::new(text);
        let mut found = 0;
        for each in masker.masker.redactions(text) {
            if found < matches_capacity {
                // SAFETY: `found < matches_capacity` writable entries.
                unsafe {
                    matches
                        .add(found)
                        .write(piimask_match::new(&Match::new(each.kind(), each.span()), &mut offsets))
                };
            }
            found += 1;
        }
        // SAFETY: as above.
        unsafe { count.write(found) };
        if found > matches_capacity {
            return Err(Failure::BufferTooSmall {
                unit: "matches",
                capacity: matches_capacity,
                required: found,
            });
        }
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

#[cfg(test)]
mod tests {
    use std::hint::black_box;
    use std::time::Instant;

    use piimask_benches::{MESSAGE_CARD, MESSAGE_CLEAN};

    use super::*;

    /// Not a test but a measurement: the boundary's overhead in one process, `piimask_mask`
    /// (as C calls it) against `Masker::mask` on the Rust benchmark's 120-byte messages, in
    /// alternating batches, the fastest batch of each (the least disturbed by other work).
    /// `scripts/bench-c` runs it:
    /// `cargo test --release -p piimask-c --lib -- --ignored --nocapture boundary_overhead`
    /// The fastest of 21 batches of `calls` runs of `body`, in nanoseconds per run.
    fn fastest(calls: u32, mut body: impl FnMut()) -> f64 {
        let mut best = f64::MAX;
        for _ in 0..21 {
            let start = Instant::now();
            for _ in 0..calls {
                body();
            }
            best = best.min(start.elapsed().as_nanos() as f64 / f64::from(calls));
        }
        best
    }

    /// Not a test but a measurement: the boundary's overhead in one process, `piimask_mask`
    /// (as C calls it) against `Masker::mask` on the Rust benchmark's 120-byte messages, the
    /// fastest of many batches of each (the least disturbed by other work), with the parts
    /// of the difference. `scripts/bench-c` runs it:
    /// `cargo test --release -p piimask-c --lib -- --ignored --nocapture boundary_overhead`
    #[test]
    #[ignore = "a measurement; run by scripts/bench-c"]
    fn boundary_overhead() {
        const CALLS: u32 = 100_000;
        let wrapped = piimask_masker { masker: Masker::default() };
        let mut output = [0 as c_char; 512];
        let mut c_call = |input: &str, bytes: bool| {
            let mut written = 0;
            let call = if bytes { piimask_mask_bytes } else { piimask_mask };
            // SAFETY: valid pointers and lengths, as a C caller passes them.
            let status = unsafe {
                call(
                    &wrapped,
                    input.as_ptr().cast(),
                    input.len(),
                    output.as_mut_ptr(),
                    output.len(),
                    &mut written,
                    std::ptr::null_mut(),
                )
            };
            black_box((status, written));
        };
        for (name, message) in [("no-pii", MESSAGE_CLEAN), ("one-card", MESSAGE_CARD), ("empty", "")] {
            let rust = fastest(CALLS, || drop(black_box(wrapped.masker.mask(black_box(message)))));
            let rust_bytes =
                fastest(CALLS, || drop(black_box(wrapped.masker.mask_bytes(black_box(message.as_bytes())))));
            let c = fastest(CALLS, || c_call(black_box(message), false));
            let c_bytes = fastest(CALLS, || c_call(black_box(message), true));
            let utf8 = fastest(CALLS, || {
                black_box(std::str::from_utf8(black_box(message.as_bytes())).is_ok());
            });
            println!(
                "{name}: Masker::mask {rust:.1} ns, piimask_mask {c:.1} ns, overhead {:.1} ns \
                 (Masker::mask_bytes {rust_bytes:.1}, piimask_mask_bytes {c_bytes:.1}, from_utf8 {utf8:.1})",
                c - rust
            );
        }
    }
}

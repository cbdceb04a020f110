//! Strings that cross the boundary: library-allocated output strings (freed by
//! `piimask_string_free`), `piimask_str` views of text the library owns, and NUL-terminated
//! copies and compile-time tables of names.

use std::ffi::{CString, c_char, c_void};

use crate::boundary;

/// A view of text owned by the library: `len` bytes at `ptr`, followed by a NUL byte (so
/// `ptr` is also a C string, cut short only if the text itself holds a NUL). Valid for as
/// long as the object it came from.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct piimask_str {
    /// The first byte. An empty text points at a NUL byte; `ptr` is NULL only for an absent
    /// optional field (a text block without a language).
    pub ptr: *const c_char,
    /// The length in bytes, not counting the terminating NUL.
    pub len: usize,
}

impl piimask_str {
    /// A view of `text`, which must end with a NUL byte not counted in the view.
    pub(crate) fn of(text: &[u8]) -> piimask_str {
        debug_assert_eq!(text.last(), Some(&0));
        piimask_str { ptr: text.as_ptr().cast(), len: text.len().saturating_sub(1) }
    }
}

unsafe extern "C" {
    fn malloc(size: usize) -> *mut c_void;
    fn free(ptr: *mut c_void);
}

/// Copies `bytes` into a new C string (a NUL is appended) allocated with the C allocator,
/// for the caller to release with `piimask_string_free`.
pub(crate) fn alloc_string(bytes: &[u8]) -> *mut c_char {
    let size = bytes.len().checked_add(1).unwrap_or_else(|| alloc_failed(usize::MAX));
    // SAFETY: malloc is the C allocator; any size is a valid request.
    let ptr = unsafe { malloc(size) }.cast::<u8>();
    if ptr.is_null() {
        alloc_failed(size);
    }
    // SAFETY: `ptr` holds `size` = `bytes.len() + 1` writable bytes, and a fresh allocation
    // cannot overlap `bytes`.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len());
        ptr.add(bytes.len()).write(0);
    }
    ptr.cast()
}

/// Out of memory: abort, as every other allocation failure in Rust does.
fn alloc_failed(size: usize) -> ! {
    let layout = std::alloc::Layout::from_size_align(size.min(isize::MAX as usize), 1)
        .unwrap_or(std::alloc::Layout::new::<u8>());
    std::alloc::handle_alloc_error(layout)
}

/// Frees a string this library returned: the output of `piimask_mask_alloc`,
/// `piimask_mask_bytes_alloc` or `piimask_template_render`. `NULL` is ignored.
///
/// # Safety
/// `string` must be `NULL` or a string returned by this library and not freed yet. Do not
/// pass it to `free()` yourself, nor any other pointer to this function.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_string_free(string: *mut c_char) {
    boundary::guard((), || {
        if !string.is_null() {
            // SAFETY: the caller passes a pointer from `alloc_string`, i.e. from malloc.
            unsafe { free(string.cast()) }
        }
    })
}

/// A NUL-terminated copy of `text` for C. A NUL inside the text (possible in a
/// configuration or library string) becomes `\0` written out, so nothing is cut short.
pub(crate) fn c_string(text: &str) -> CString {
    CString::new(text).unwrap_or_else(|_| {
        let escaped = text.replace('\0', "\\0");
        CString::new(escaped).unwrap_or_default()
    })
}

/// `text` followed by a NUL byte (for a [`piimask_str`] view: interior NULs are kept).
pub(crate) fn with_nul(text: &str) -> Box<[u8]> {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.extend_from_slice(text.as_bytes());
    bytes.push(0);
    bytes.into_boxed_slice()
}

/// The longest name in a compile-time name table, plus its NUL.
pub(crate) const NAME_SIZE: usize = 32;

/// `text` as a NUL-terminated byte array of size `N` (zero-padded), at compile time: name
/// tables come straight from the core's `const fn` names, so they cannot drift.
pub(crate) const fn nul_terminated<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    assert!(bytes.len() < N, "name too long for its table");
    let mut out = [0u8; N];
    let mut i = 0;
    while i < bytes.len() {
        assert!(bytes[i] != 0, "a name holds a NUL byte");
        out[i] = bytes[i];
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use super::*;

    #[test]
    fn allocated_strings_are_nul_terminated_copies() {
        for text in [&b""[..], b"abc", b"a\0b"] {
            let ptr = alloc_string(text);
            // SAFETY: `ptr` holds `text.len() + 1` bytes.
            let copy = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), text.len() + 1) };
            assert_eq!(&copy[..text.len()], text);
            assert_eq!(copy[text.len()], 0);
            // SAFETY: from alloc_string, freed once.
            unsafe { piimask_string_free(ptr) };
        }
        // SAFETY: NULL is allowed.
        unsafe { piimask_string_free(std::ptr::null_mut()) };
    }

    #[test]
    fn c_strings_never_cut_short() {
        assert_eq!(c_string("a\0b").as_bytes(), b"a\\0b");
        assert_eq!(c_string("plain").as_bytes(), b"plain");
        let table: [u8; 8] = nul_terminated("card");
        assert_eq!(CStr::from_bytes_until_nul(&table).unwrap().to_str(), Ok("card"));
        let view = with_nul("a\0b");
        assert_eq!(piimask_str::of(&view).len, 3);
    }
}

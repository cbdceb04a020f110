//! # piimask C ABI
//!
//! The C interface of piimask, built as `libpiimask.so` and `libpiimask.a`, declared in the
//! committed, cbindgen-generated `include/piimask.h`. It only translates: C pointers and
//! lengths into Rust strings, core errors into status codes, Rust values into C structs.
//! Every rule (what is detected, how it is masked, what a template may hold) lives in the
//! core crate.
//!
//! ## Conventions (the same for every function)
//! - Names are `piimask_<object>_<verb>`; objects are opaque handles (`piimask_masker`,
//!   `piimask_config`, `piimask_template`, ...) made by a `_new`/`_parse`/`_default`
//!   function and released by their `_free` function (`NULL` is accepted and ignored).
//! - A function that can fail returns a [`piimask_status`] (`PIIMASK_OK` = 0, else a code
//!   of the core's stable `ErrorCode` table) and takes `piimask_error **error` last: when
//!   `error` is not `NULL`, `*error` is set to `NULL` on success and to a new
//!   [`piimask_error`] on failure, which the caller frees with [`piimask_error_free`].
//!   Error messages never contain input text. Functions that cannot fail (`_free`,
//!   [`piimask_version`], the name look-ups) return their result directly.
//! - Text comes in as `(const char *, size_t)`; `(NULL, 0)` is the empty text. Text that
//!   must be UTF-8 and is not gives `PIIMASK_INVALID_UTF8` with the byte offset.
//! - No panic ever crosses the boundary: every export runs inside [`boundary::run`], which
//!   turns a panic into `PIIMASK_INTERNAL` without printing input text.
//!
//! ## Layout
//! | module | what it exports |
//! |---|---|
//! | [`version`] | version macros, `piimask_version`, `piimask_ruleset_version` |
//! | [`status`] | status codes, kinds, ranks, `piimask_status_name`, `piimask_kind_name` |
//! | [`error`] | `piimask_error`, its details, `piimask_error_free` |
//! | [`config`] | `piimask_config_*` |
//! | [`masker`] | `piimask_masker_*`, `piimask_mask*`, `piimask_find` |
//! | [`template`] | `piimask_template_*`, `piimask_values_*`, `piimask_context_*` |
//! | [`library`] | `piimask_library_*` (text blocks and `#` search) |
//! | [`message`] | `piimask_message_check` and its report |
//! | [`strings`] | library-allocated strings and `piimask_string_free`, `piimask_str` |
//! | [`boundary`] | the panic boundary and argument checks every export goes through |

#![deny(missing_docs)]
// C names (`piimask_masker`, `piimask_status`) are what the header shows, so the Rust
// items carry them too.
#![allow(non_camel_case_types)]

pub mod boundary;
pub mod config;
pub mod error;
pub mod library;
pub mod masker;
pub mod message;
pub mod status;
pub mod strings;
pub mod template;
pub mod version;

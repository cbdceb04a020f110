//! `piimask_config`: a masker configuration, from the defaults or from the one TOML/JSON form
//! the core parses (the same as the CLI's `--config` file). Options are validated once, by
//! `piimask_masker_new`.

use std::ffi::c_char;

use piimask_core::MaskerConfig;

use crate::boundary;
use crate::error::piimask_error;
use crate::status::piimask_status;

/// A masker configuration (opaque). Immutable once made: it may be read by any number of
/// threads at once. Free it with `piimask_config_free()` (a masker made from it does not
/// need it any more).
#[derive(Debug)]
pub struct piimask_config {
    pub(crate) config: MaskerConfig,
}

/// Makes the default configuration: all five kinds, style `compact`, mask character `*`.
///
/// # Safety
/// `config` must be NULL or valid for writing a pointer; `error` likewise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_config_default(
    config: *mut *mut piimask_config,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let config = boundary::out(config, "config")?;
        let made = Box::new(piimask_config { config: MaskerConfig::default() });
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { config.write(Box::into_raw(made)) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Parses a configuration in its TOML or JSON form (JSON when the first non-blank
/// character is `{`); every field is optional and unknown fields are errors:
///
/// ```toml
/// kinds = ["card", "iban", "ssn", "email", "phone"]
/// mask_char = "*"
/// [card]                 # also [iban], [ssn], [email], [phone]
/// style = "preserve"     # compact | preserve | label | redact
/// keep_head = 6          # card: at most 6 (PCI DSS)
/// keep_tail = 4          # card: at most 4
/// ```
///
/// Fails with `PIIMASK_CONFIG_SYNTAX` (`line` and `column` set in the error) or
/// `PIIMASK_INVALID_UTF8`; on failure `*config` is set to NULL. Limits such as the PCI DSS
/// cap are checked by `piimask_masker_new()`.
///
/// # Safety
/// `text` must be NULL (with `text_len` 0) or point to `text_len` readable bytes; `config`
/// and `error` must be NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_config_parse(
    text: *const c_char,
    text_len: usize,
    config: *mut *mut piimask_config,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let config = boundary::out(config, "config")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { config.write(std::ptr::null_mut()) };
        // SAFETY: the caller guarantees `text_len` readable bytes.
        let text = unsafe { boundary::text(text, text_len, "text") }?;
        let made = Box::new(piimask_config { config: MaskerConfig::parse(text)? });
        // SAFETY: as above.
        unsafe { config.write(Box::into_raw(made)) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees a configuration. `NULL` is ignored.
///
/// # Safety
/// `config` must be NULL or a configuration from this library, not freed yet and no longer
/// in use by another thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_config_free(config: *mut piimask_config) {
    boundary::guard((), || {
        if !config.is_null() {
            // SAFETY: made by `Box::into_raw` in this module.
            drop(unsafe { Box::from_raw(config) });
        }
    })
}

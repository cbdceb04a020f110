//! Versions: the `PIIMASK_VERSION*` macros of the header (checked against Cargo.toml by the
//! tests), the version of the library actually linked, and the version of the rules.

use std::ffi::c_char;

use crate::{boundary, strings};

/// The major version of this library.
pub const PIIMASK_VERSION_MAJOR: u32 = 0;
/// The minor version of this library.
pub const PIIMASK_VERSION_MINOR: u32 = 1;
/// The patch version of this library.
pub const PIIMASK_VERSION_PATCH: u32 = 0;

/// The version of the library actually linked, `"MAJOR.MINOR.PATCH"`: compare it with
/// the `PIIMASK_VERSION` macro to detect a header/library mismatch. A static string: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn piimask_version() -> *const c_char {
    boundary::guard(std::ptr::null(), || concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast())
}

/// The version of the detection rules (for example `"2026.11.1"`); it changes whenever what
/// is detected changes, so masked exports can record which rules produced them. A static
/// string: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn piimask_ruleset_version() -> *const c_char {
    static RULESET: [u8; piimask_core::RULESET_VERSION.len() + 1] =
        strings::nul_terminated(piimask_core::RULESET_VERSION);
    boundary::guard(std::ptr::null(), || RULESET.as_ptr().cast())
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use super::*;

    #[test]
    fn version_constants_match_cargo_toml() {
        assert_eq!(PIIMASK_VERSION_MAJOR.to_string(), env!("CARGO_PKG_VERSION_MAJOR"));
        assert_eq!(PIIMASK_VERSION_MINOR.to_string(), env!("CARGO_PKG_VERSION_MINOR"));
        assert_eq!(PIIMASK_VERSION_PATCH.to_string(), env!("CARGO_PKG_VERSION_PATCH"));
        // SAFETY: a static NUL-terminated string.
        let linked = unsafe { CStr::from_ptr(piimask_version()) };
        assert_eq!(linked.to_str(), Ok(env!("CARGO_PKG_VERSION")));
        // SAFETY: as above.
        let rules = unsafe { CStr::from_ptr(piimask_ruleset_version()) };
        assert_eq!(rules.to_str(), Ok(piimask_core::RULESET_VERSION));
    }
}

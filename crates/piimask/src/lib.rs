//! # piimask
//!
//! Fast, fail-closed detection and masking of payment card numbers, IBANs, US social
//! security numbers, email addresses and phone numbers in chat text.
//!
//! ```
//! let masker = piimask::Masker::default();
//! assert_eq!(
//!     masker.mask("Call me on +447966197542 or melissa@gmail.com"),
//!     "Call me on *********7542 or m******@gmail.com"
//! );
//! assert_eq!(masker.mask("4111 1111 1111 1111"), "************1111");
//! ```
//!
//! ## What is detected
//! | kind | validated by |
//! |---|---|
//! | [`Kind::Card`] | Luhn, and a brand that issues that IIN at that length |
//! | [`Kind::Iban`] | registry country, exact length, BBAN structure, mod-97 |
//! | [`Kind::Ssn`] | SSA area/group/serial rules; ITIN ranges |
//! | [`Kind::Email`] | RFC 5321 lengths, a letters-only or punycode TLD |
//! | [`Kind::Phone`] | international and national written forms; never a date, time, price, IP |
//!
//! The complete rules are in the [`rules`] module.
//!
//! ## Guarantees
//! - **Fail closed**: overlapping findings merge, so nothing validated is left half masked;
//!   errors never carry input text.
//! - **Linear time**, no backtracking, on any input; no panics.
//! - **Idempotent**: masking masked text changes nothing and finds nothing.
//! - **No allocation** when there is nothing to mask ([`Masker::mask`] borrows).
//! - [`Masker`] is immutable, `Send + Sync` and cheap to clone.
//!
//! ## Configuration
//! [`MaskerConfig`] is a plain serde value with one TOML/JSON form (see [`config`]), the
//! same for the CLI, the C ABI and Python. [`MaskerBuilder::build`] validates it once.

#![warn(missing_docs)]

pub mod config;
pub mod error;
mod kind;
mod mask;
mod masker;
pub mod offsets;
mod scan;
mod span;
mod stream;
mod validate;

#[doc = include_str!("../RULES.md")]
pub mod rules {}

/// The README's Rust examples, run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub use config::{KindOptions, MaskerBuilder, MaskerConfig};
pub use error::{ConfigError, ErrorCode, InputError, KeepEnd};
pub use kind::{Kind, KindSet};
pub use mask::Style;
pub use masker::{FindIter, Masker};
pub use scan::Level;
pub use span::{Match, MatchCounts, Span};
pub use stream::{
    CUT_THRESHOLD, MAX_HOLD, MaskWriter, Piece, Splitter, StreamMasker, StreamStats, mask_piece_into,
    mask_reader,
};

/// The version of the detection rules; it changes whenever what is detected changes, so
/// that masked exports can record which rules produced them.
pub const RULESET_VERSION: &str = "2026.11.1";

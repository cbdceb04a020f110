//! # piimask
//!
//! Fast, fail-closed detection and masking of payment card numbers, IBANs, US social
//! security numbers, email addresses and phone numbers in chat text; quick-reply templates
//! and text blocks that never let a substituted value leak; agent message checks.
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
//! ## Streams and large inputs
//! Text that arrives in chunks (a socket, a file read piece by piece) is masked exactly as
//! if it were one buffer, with bounded memory:
//! - [`StreamMasker`]: feed chunks of any size, get masked output as soon as it is final;
//! - [`MaskWriter`]: an [`std::io::Write`] adapter that masks what passes through it;
//! - [`mask_reader`]: a reader to a writer, with counts ([`StreamStats`]).
//!
//! To mask one large input on many threads, [`stream::Splitter`] cuts it into pieces that
//! mask independently (this is how the `piimask` command line uses every core).
//!
//! ```
//! let masker = piimask::Masker::default();
//! let mut stream = piimask::StreamMasker::new(&masker);
//! let mut out = Vec::new();
//! for chunk in ["call +4479661", "97542 or mel", "issa@gmail.com\n"] {
//!     stream.feed(chunk.as_bytes(), &mut out);
//! }
//! stream.finish(&mut out);
//! assert_eq!(out, b"call *********7542 or m******@gmail.com\n");
//! ```
//!
//! ## Quick replies and agent messages
//! - [`Template`]: text with `<name>` parameters, rendered with [`Values`] and a
//!   [`RenderContext`]; every sensitive value a substitution brings in is masked
//!   ([`template`] has the rules).
//! - [`TextBlockLibrary`]: quick replies loaded from TOML or JSON, validated entry by entry,
//!   searched by `#query` ignoring case and accents ([`text_blocks`]).
//! - [`check_message`]: an agent's message before sending: length, `<` and `>`, and the PII it
//!   holds ([`message_check`]).
//!
//! ```
//! use piimask::{Masker, RenderContext, TextBlockLibrary, Values, check_message};
//! let library = TextBlockLibrary::from_toml(r#"
//!     [[block]]
//!     shortcut = "bonjour"
//!     title = "Réponse d'accueil"
//!     body = "Bonjour <customer.name>, je suis <agent.name>."
//! "#)?;
//! let block = library.search("#reponse", 5)[0].block;
//! let context = RenderContext { agent_name: Some("Chloé".into()), ..RenderContext::default() };
//! let values = Values::from([("customer.name", "melissa@gmail.com")]);
//! let masker = Masker::default();
//! let reply = block.body().render(&values, &context, &masker)?;
//! assert_eq!(reply, "Bonjour m******@gmail.com, je suis Chloé.");
//! assert!(check_message(&reply, &masker).is_sendable());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Configuration
//! [`MaskerConfig`] is a plain serde value with one TOML/JSON form (see [`config`]), the
//! same for the CLI, the C ABI and Python. [`MaskerBuilder::build`] validates it once.

#![warn(missing_docs)]

pub mod config;
mod date;
pub mod error;
mod kind;
mod mask;
mod masker;
pub mod message_check;
pub mod offsets;
mod redaction;
mod scan;
mod span;
pub mod stream;
pub mod template;
pub mod text_blocks;
mod validate;

#[doc = include_str!("../RULES.md")]
pub mod rules {}

/// The README's Rust examples, run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub use config::{KindOptions, MaskerBuilder, MaskerConfig};
pub use date::{DateFormat, DateTime};
pub use error::{
    ConfigError, ErrorCode, InputError, KeepEnd, LibraryError, LibraryProblem, LibraryProblemKind,
    TemplateError, ValuePosition,
};
pub use kind::{Kind, KindSet};
pub use mask::Style;
pub use masker::{FindIter, Masker};
pub use message_check::{MAX_MESSAGE_CHARS, MessageProblem, MessageReport, PiiFinding, check_message};
pub use redaction::Redaction;
pub use scan::Level;
pub use span::{Match, MatchCounts, Span};
pub use stream::{MaskWriter, StreamMasker, StreamStats, mask_reader};
pub use template::{RenderContext, Template, Values, is_variable_name};
pub use text_blocks::{SearchHit, SearchRank, TextBlock, TextBlockLibrary};

/// The version of the detection rules; it changes whenever what is detected changes, so
/// that masked exports can record which rules produced them.
pub const RULESET_VERSION: &str = "2026.11.53";

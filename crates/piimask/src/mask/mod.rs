//! How a detected value is written out: the four styles, and the resolved per-kind rule
//! (style, mask character, kept head and tail) that a built masker applies.

mod render;
mod style;

pub(crate) use render::{Sink, render};
pub use style::Style;

/// A validated, resolved masking rule for one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MaskRule {
    pub style: Style,
    pub mask_char: char,
    /// Units kept at the start (digits; letters and digits for IBAN; local-part characters
    /// for EMAIL).
    pub keep_head: usize,
    /// Units kept at the end.
    pub keep_tail: usize,
}

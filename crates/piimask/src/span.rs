//! Spans (half-open byte ranges) and matches (a kind and a span).

use crate::kind::Kind;

/// A half-open range of byte offsets into the scanned input.
///
/// # Example
/// ```
/// use piimask::Span;
/// let span = Span::new(4, 8);
/// assert_eq!(span.len(), 4);
/// assert_eq!(&"the 4111 end"[span.range()], "4111");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset after the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<Span> for std::ops::Range<usize> {
    fn from(span: Span) -> std::ops::Range<usize> {
        span.range()
    }
}

/// One detected value: its kind and where it is.
///
/// # Example
/// ```
/// use piimask::{Kind, Masker};
/// let text = "mail melissa@gmail.com";
/// let found = Masker::default().find_iter(text).next().unwrap();
/// assert_eq!(found.kind(), Kind::Email);
/// assert_eq!(&text[found.range()], "melissa@gmail.com");
/// assert_eq!((found.start(), found.end()), (5, 22));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Match {
    kind: Kind,
    span: Span,
}

impl Match {
    /// A match of `kind` over `span`.
    pub const fn new(kind: Kind, span: Span) -> Match {
        Match { kind, span }
    }

    /// What was found.
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// Where it is, in bytes.
    pub const fn span(&self) -> Span {
        self.span
    }

    /// Offset of the first byte.
    pub const fn start(&self) -> usize {
        self.span.start
    }

    /// Offset after the last byte.
    pub const fn end(&self) -> usize {
        self.span.end
    }

    /// The span as a range, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.span.range()
    }
}

/// How many values of each kind were found.
///
/// # Example
/// ```
/// use piimask::{Kind, MatchCounts, Masker};
/// let mut counts = MatchCounts::default();
/// let mut out = Vec::new();
/// Masker::default().mask_bytes_into_counting(b"a@b.com, c@d.org, SSN 123-45-6789", &mut out, &mut counts);
/// assert_eq!((counts.get(Kind::Email), counts.get(Kind::Ssn), counts.total()), (2, 1, 3));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatchCounts([u64; 5]);

impl MatchCounts {
    /// Counts one value of `kind`.
    pub fn add(&mut self, kind: Kind) {
        self.0[kind as usize] += 1;
    }

    /// How many values of `kind` were counted.
    pub fn get(&self, kind: Kind) -> u64 {
        self.0[kind as usize]
    }

    /// How many values were counted in all.
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }

    /// Adds another set of counts to this one.
    pub fn merge(&mut self, other: &MatchCounts) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }

    /// Every kind with its count.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, u64)> + '_ {
        Kind::ALL.into_iter().map(|kind| (kind, self.get(kind)))
    }
}

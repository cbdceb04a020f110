//! Checks an agent's free-text message before it is sent: at most 1000 characters, no `<` or
//! `>` (reserved for template parameters), and which sensitive values it holds, with positions.

use std::fmt;

use crate::kind::Kind;
use crate::masker::Masker;
use crate::offsets::OffsetConverter;
use crate::span::Span;

/// The longest message an agent may send, in characters (Unicode scalar values).
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// One reason a message cannot be sent as it is. Positions are byte and character offsets
/// into the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessageProblem {
    /// The message is longer than [`MAX_MESSAGE_CHARS`]; the position is that of the first
    /// character over the limit.
    TooLong {
        /// The message's length in characters.
        chars: usize,
        /// The limit.
        max: usize,
        /// Byte offset of the first character over the limit.
        byte: usize,
        /// Character offset of the first character over the limit (the limit itself).
        char: usize,
    },
    /// A `<` or `>`, reserved for template parameters.
    ReservedCharacter {
        /// `'<'` or `'>'`.
        character: char,
        /// Byte offset of the character.
        byte: usize,
        /// Character offset of the character.
        char: usize,
    },
}

impl MessageProblem {
    /// The stable snake-case name of this kind of problem: `"too_long"` or
    /// `"reserved_character"`.
    pub const fn code(&self) -> &'static str {
        match self {
            MessageProblem::TooLong { .. } => "too_long",
            MessageProblem::ReservedCharacter { .. } => "reserved_character",
        }
    }

    /// Byte offset of the problem.
    pub const fn byte(&self) -> usize {
        match *self {
            MessageProblem::TooLong { byte, .. } | MessageProblem::ReservedCharacter { byte, .. } => byte,
        }
    }

    /// Character offset of the problem.
    pub const fn char(&self) -> usize {
        match *self {
            MessageProblem::TooLong { char, .. } | MessageProblem::ReservedCharacter { char, .. } => char,
        }
    }
}

impl fmt::Display for MessageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            MessageProblem::TooLong { chars, max, char, .. } => {
                write!(
                    f,
                    "the message is {chars} characters long, over the limit of {max} (from character {char})"
                )
            }
            MessageProblem::ReservedCharacter { character, char, .. } => {
                write!(f, "`{character}` at character {char} is reserved for template parameters")
            }
        }
    }
}

/// A sensitive value found in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PiiFinding {
    /// What it is.
    pub kind: Kind,
    /// Where it is, in bytes.
    pub span: Span,
    /// Character offset of its first character.
    pub char_start: usize,
    /// Character offset after its last character.
    pub char_end: usize,
}

/// What [`check_message`] found: the problems that keep the message from being sent, and the
/// sensitive values it holds (which a server may warn about or mask before sending).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageReport {
    /// The message's length in characters.
    pub chars: usize,
    /// Every problem, in order of position.
    pub problems: Vec<MessageProblem>,
    /// Every sensitive value, left to right, as masking replaces it (see
    /// [`Masker::redactions`]): masking these spans gives what [`Masker::mask`] writes.
    pub pii: Vec<PiiFinding>,
}

impl MessageReport {
    /// Whether the message can be sent as it is (no problem; PII is reported, not a problem).
    pub fn is_sendable(&self) -> bool {
        self.problems.is_empty()
    }

    /// Whether the message holds any sensitive value.
    pub fn has_pii(&self) -> bool {
        !self.pii.is_empty()
    }
}

/// Checks an agent's message: its length (at most [`MAX_MESSAGE_CHARS`] characters; line
/// breaks allowed and counted), every `<` and `>`, and the sensitive values `masker` finds.
/// Runs in one pass over the text (plus the masker's scan) and never fails.
///
/// # Example
/// ```
/// use piimask::{Kind, Masker, MessageProblem, check_message};
/// let masker = Masker::default();
/// let report = check_message("Écrivez à <melissa@gmail.com>", &masker);
/// assert_eq!(report.problems, [
///     MessageProblem::ReservedCharacter { character: '<', byte: 12, char: 10 },
///     MessageProblem::ReservedCharacter { character: '>', byte: 30, char: 28 },
/// ]);
/// assert_eq!(report.pii.len(), 1);
/// assert_eq!(report.pii[0].kind, Kind::Email);
/// assert_eq!((report.pii[0].char_start, report.pii[0].char_end), (11, 28));
/// assert!(!report.is_sendable());
///
/// let report = check_message(&"é".repeat(1001), &masker);
/// assert_eq!(report.problems, [MessageProblem::TooLong { chars: 1001, max: 1000, byte: 2000, char: 1000 }]);
/// assert!(check_message("Merci, bonne journée !\nÀ bientôt", &masker).is_sendable());
/// ```
pub fn check_message(text: &str, masker: &Masker) -> MessageReport {
    let mut problems = Vec::new();
    let mut chars = 0;
    for (byte, c) in text.char_indices() {
        if chars == MAX_MESSAGE_CHARS {
            problems.push(MessageProblem::TooLong { chars: 0, max: MAX_MESSAGE_CHARS, byte, char: chars });
        }
        if c == '<' || c == '>' {
            problems.push(MessageProblem::ReservedCharacter { character: c, byte, char: chars });
        }
        chars += 1;
    }
    for problem in &mut problems {
        if let MessageProblem::TooLong { chars: total, .. } = problem {
            *total = chars;
        }
    }
    let mut offsets = OffsetConverter::new(text);
    let pii = masker
        .redactions(text)
        .into_iter()
        .map(|found| PiiFinding {
            kind: found.kind(),
            span: found.span(),
            char_start: offsets.to_char(found.start()).unwrap_or_default(),
            char_end: offsets.to_char(found.end()).unwrap_or_default(),
        })
        .collect();
    MessageReport { chars, problems, pii }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_limit_is_fine() {
        let masker = Masker::default();
        assert!(check_message(&"a".repeat(MAX_MESSAGE_CHARS), &masker).is_sendable());
        assert!(check_message("", &masker).is_sendable());
        let report = check_message(&format!("{}<", "a".repeat(MAX_MESSAGE_CHARS)), &masker);
        assert_eq!(
            report.problems,
            [
                MessageProblem::TooLong { chars: 1001, max: 1000, byte: 1000, char: 1000 },
                MessageProblem::ReservedCharacter { character: '<', byte: 1000, char: 1000 },
            ]
        );
    }

    #[test]
    fn problems_display_without_text() {
        let problem = MessageProblem::ReservedCharacter { character: '>', byte: 3, char: 2 };
        assert_eq!(problem.to_string(), "`>` at character 2 is reserved for template parameters");
        assert_eq!(problem.code(), "reserved_character");
    }
}

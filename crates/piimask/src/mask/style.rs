//! The mask styles and their stable names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ConfigError;

/// How a detected value is replaced.
///
/// # Example
/// ```
/// use piimask::{Kind, Masker, Style};
/// let text = "card 4111 1111 1111 1111";
/// let mask = |style| Masker::builder().style(Kind::Card, style).build().unwrap().mask(text).into_owned();
/// assert_eq!(mask(Style::Compact), "card ************1111");
/// assert_eq!(mask(Style::Preserve), "card **** **** **** 1111");
/// assert_eq!(mask(Style::Label), "card [CARD]");
/// assert_eq!(mask(Style::Redact), "card ");
/// assert_eq!("preserve".parse::<Style>().unwrap(), Style::Preserve);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// Whitespace removed (with the invisible characters read as spaces inside a number:
    /// U+200B, U+200E, U+200F, U+2060, U+FEFF, U+061C), every other character masked except
    /// the kept head and tail (`************1111`). A phone number's extension keeps its
    /// marker and spacing, its digits masked (`********1482 ext *****`). The default.
    #[default]
    Compact,
    /// Length and separators kept, only letters and digits masked (`**** **** **** 1111`); a
    /// phone number's extension has all its digits masked (`***-***-1482 ext *****`).
    Preserve,
    /// A label naming the kind (`[CARD]`).
    Label,
    /// Removed entirely.
    Redact,
}

impl Style {
    /// Every style.
    pub const ALL: [Style; 4] = [Style::Compact, Style::Preserve, Style::Label, Style::Redact];

    /// The lower-case name used in configurations (`"compact"`).
    pub const fn name(self) -> &'static str {
        match self {
            Style::Compact => "compact",
            Style::Preserve => "preserve",
            Style::Label => "label",
            Style::Redact => "redact",
        }
    }

    /// Whether the style writes some characters of the value (so head and tail apply).
    pub const fn keeps_characters(self) -> bool {
        matches!(self, Style::Compact | Style::Preserve)
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Style {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Style, ConfigError> {
        Style::ALL
            .into_iter()
            .find(|style| style.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ConfigError::UnknownStyle { name: s.to_string() })
    }
}

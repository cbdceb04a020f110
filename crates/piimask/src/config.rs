//! The masker configuration: a plain serde value with one TOML/JSON form shared by every
//! front end, its builder, and all option validation (done once, in [`MaskerBuilder::build`]).
//!
//! # The configuration form
//! ```toml
//! kinds = ["card", "iban", "ssn", "email", "phone"]   # default: all five
//! mask_char = "*"                                      # default mask character
//!
//! [card]                   # also [iban], [ssn], [email], [phone]; every field optional
//! style = "compact"        # compact | preserve | label | redact
//! mask_char = "#"          # this kind's mask character (default: the top-level one)
//! keep_head = 0            # units kept at the start (card: at most 6, PCI DSS)
//! keep_tail = 4            # units kept at the end (card: at most 4, PCI DSS)
//! ```
//! The same in JSON: `{"kinds": ["card"], "card": {"style": "preserve", "keep_head": 6}}`.
//! Unknown fields are errors. A mask character may not be a letter, a digit, whitespace, a
//! control character, `<`, `>`, `@`, or anything the scanner reads inside a number (the
//! separators `-` `.` `/` and their Unicode forms, `+`, parentheses): masked text must
//! hold nothing to find.
//!
//! Units are digits for card, SSN and phone; letters and digits for IBAN; characters of the
//! local part for email. Defaults: email keeps its first character (head 1, tail 0, the
//! `@domain` is always kept); the other kinds keep their last 4 units.

use serde::{Deserialize, Serialize};

use crate::error::{ConfigError, KeepEnd};
use crate::kind::{Kind, KindSet};
use crate::mask::{MaskRule, Style};
use crate::masker::Masker;
use crate::scan::Level;
use crate::scan::chars::{Class, classify};

/// Options for one kind. `None` fields take the kind's default.
///
/// # Example
/// ```
/// use piimask::{KindOptions, Style};
/// let options = KindOptions { style: Style::Preserve, keep_head: Some(6), ..KindOptions::default() };
/// assert_eq!(options.keep_tail, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KindOptions {
    /// How values of this kind are replaced.
    pub style: Style,
    /// This kind's mask character; `None` uses [`MaskerConfig::mask_char`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mask_char: Option<char>,
    /// Units kept at the start; `None` uses the kind's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_head: Option<u32>,
    /// Units kept at the end; `None` uses the kind's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_tail: Option<u32>,
}

/// Everything a [`Masker`] can be configured with, in the documented TOML/JSON form.
///
/// # Example
/// ```
/// use piimask::{Kind, MaskerConfig, Style};
/// let config = MaskerConfig::parse(r#"
///     kinds = ["card", "email"]
///     [card]
///     style = "preserve"
/// "#).unwrap();
/// assert_eq!(config.options(Kind::Card).style, Style::Preserve);
/// let masker = config.build().unwrap();
/// assert_eq!(masker.mask("4111 1111 1111 1111 / +447966197542"), "**** **** **** 1111 / +447966197542");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MaskerConfig {
    /// The kinds to detect.
    pub kinds: KindSet,
    /// The mask character of every kind that does not set its own.
    pub mask_char: char,
    /// Options for card numbers.
    pub card: KindOptions,
    /// Options for IBANs.
    pub iban: KindOptions,
    /// Options for SSNs.
    pub ssn: KindOptions,
    /// Options for email addresses.
    pub email: KindOptions,
    /// Options for phone numbers.
    pub phone: KindOptions,
}

impl Default for MaskerConfig {
    fn default() -> MaskerConfig {
        MaskerConfig {
            kinds: KindSet::ALL,
            mask_char: '*',
            card: KindOptions::default(),
            iban: KindOptions::default(),
            ssn: KindOptions::default(),
            email: KindOptions::default(),
            phone: KindOptions::default(),
        }
    }
}

/// The largest kept head and tail per kind. Cards: PCI DSS allows at most the first 6 and
/// last 4 digits. SSNs and phones use the same cap, which also guarantees that what a
/// mask keeps can never be detected again. IBANs may keep the country, check digits and
/// bank code (8) and the last 4.
const fn keep_limits(kind: Kind) -> (u32, u32) {
    match kind {
        Kind::Card | Kind::Ssn | Kind::Phone => (6, 4),
        Kind::Iban => (8, 4),
        Kind::Email => (u32::MAX, u32::MAX),
    }
}

/// Default kept head and tail per kind.
const fn keep_defaults(kind: Kind) -> (u32, u32) {
    match kind {
        Kind::Email => (1, 0),
        _ => (0, 4),
    }
}

impl MaskerConfig {
    /// Parses the TOML or JSON form (JSON when the first non-blank character is `{`).
    pub fn parse(text: &str) -> Result<MaskerConfig, ConfigError> {
        if text.trim_start().starts_with('{') {
            MaskerConfig::from_json(text)
        } else {
            MaskerConfig::from_toml(text)
        }
    }

    /// Parses the TOML form.
    ///
    /// # Example
    /// ```
    /// let config = piimask::MaskerConfig::from_toml("mask_char = \"#\"")?;
    /// assert_eq!(config.mask_char, '#');
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<MaskerConfig, ConfigError> {
        toml::from_str(text).map_err(|err| {
            let (line, column) = err.span().map(|span| line_column(text, span.start)).unwrap_or((0, 0));
            ConfigError::Syntax {
                format: "TOML",
                line,
                column,
                message: without_values(err.message().trim()),
            }
        })
    }

    /// Parses the JSON form.
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, MaskerConfig, Style};
    /// let config = MaskerConfig::from_json(r#"{"phone": {"style": "redact"}}"#)?;
    /// assert_eq!(config.options(Kind::Phone).style, Style::Redact);
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<MaskerConfig, ConfigError> {
        serde_json::from_str(text).map_err(|err| {
            let full = err.to_string();
            let message = without_values(full.rfind(" at line ").map_or(full.as_str(), |cut| &full[..cut]));
            ConfigError::Syntax { format: "JSON", line: err.line(), column: err.column(), message }
        })
    }

    /// The TOML form of this configuration (parses back to the same configuration).
    ///
    /// # Example
    /// ```
    /// use piimask::MaskerConfig;
    /// let config = MaskerConfig::default();
    /// assert_eq!(MaskerConfig::from_toml(&config.to_toml())?, config);
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_else(|err| unreachable!("a configuration always serialises: {err}"))
    }

    /// The JSON form of this configuration (parses back to the same configuration).
    ///
    /// # Example
    /// ```
    /// use piimask::MaskerConfig;
    /// let config = MaskerConfig::default();
    /// assert_eq!(MaskerConfig::from_json(&config.to_json())?, config);
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|err| unreachable!("a configuration always serialises: {err}"))
    }

    /// The options of one kind.
    pub fn options(&self, kind: Kind) -> &KindOptions {
        match kind {
            Kind::Card => &self.card,
            Kind::Iban => &self.iban,
            Kind::Ssn => &self.ssn,
            Kind::Email => &self.email,
            Kind::Phone => &self.phone,
        }
    }

    /// The options of one kind, to change them.
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, MaskerConfig, Style};
    /// let mut config = MaskerConfig::default();
    /// config.options_mut(Kind::Card).style = Style::Label;
    /// assert_eq!(config.build()?.mask("4111111111111111"), "[CARD]");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn options_mut(&mut self, kind: Kind) -> &mut KindOptions {
        match kind {
            Kind::Card => &mut self.card,
            Kind::Iban => &mut self.iban,
            Kind::Ssn => &mut self.ssn,
            Kind::Email => &mut self.email,
            Kind::Phone => &mut self.phone,
        }
    }

    /// Checks every option without building a masker (the same checks as
    /// [`build`](MaskerConfig::build)).
    ///
    /// # Example
    /// ```
    /// let config = piimask::MaskerConfig::parse("[card]\nkeep_tail = 5").unwrap();
    /// assert_eq!(config.check().unwrap_err().code(), piimask::ErrorCode::ConfigKeepLimit);
    /// ```
    pub fn check(&self) -> Result<(), ConfigError> {
        self.validate().map(|_| ())
    }

    /// Validates the configuration and builds a masker from it.
    pub fn build(self) -> Result<Masker, ConfigError> {
        MaskerBuilder::from_config(self).build()
    }

    /// Checks every option; returns the resolved rule of each kind (by `Kind::index`).
    pub(crate) fn validate(&self) -> Result<[MaskRule; 5], ConfigError> {
        if self.kinds.is_empty() {
            return Err(ConfigError::NoKinds);
        }
        check_mask_char(None, self.mask_char)?;
        let mut rules = [MaskRule { style: Style::Compact, mask_char: '*', keep_head: 0, keep_tail: 0 }; 5];
        for kind in Kind::ALL {
            let options = self.options(kind);
            let mask_char = options.mask_char.unwrap_or(self.mask_char);
            check_mask_char(Some(kind), mask_char)?;
            let (max_head, max_tail) = keep_limits(kind);
            let (default_head, default_tail) = keep_defaults(kind);
            for (end, value, max) in
                [(KeepEnd::Head, options.keep_head, max_head), (KeepEnd::Tail, options.keep_tail, max_tail)]
            {
                if let Some(requested) = value {
                    if !options.style.keeps_characters() {
                        return Err(ConfigError::KeepUnused { kind, end, style: options.style.name() });
                    }
                    if requested > max {
                        return Err(ConfigError::KeepLimit { kind, end, requested, max });
                    }
                }
            }
            let to_usize = |value: u32| usize::try_from(value).unwrap_or(usize::MAX);
            rules[kind.index()] = MaskRule {
                style: options.style,
                mask_char,
                keep_head: to_usize(options.keep_head.unwrap_or(default_head)),
                keep_tail: to_usize(options.keep_tail.unwrap_or(default_tail)),
            };
        }
        Ok(rules)
    }
}

/// 1-based line and column of a byte offset.
/// A parser's message with any value it quotes masked (`invalid value: string
/// "************1111", expected a character`): a configuration is written by an operator,
/// but a value pasted into the wrong field may be anything, and error messages get logged.
fn without_values(message: &str) -> String {
    crate::error::shown_name(message).into_owned()
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn check_mask_char(kind: Option<Kind>, c: char) -> Result<(), ConfigError> {
    let reason = if c.is_alphanumeric() {
        "letters and digits would look like data"
    } else if c.is_whitespace() {
        "whitespace is removed by the compact style"
    } else if c.is_control() {
        "control characters are invisible"
    } else if c == '<' || c == '>' {
        "< and > are reserved for template parameters"
    } else if c == '@' || c == '＠' {
        "@ would make masked values look like email addresses"
    } else if reads_inside_numbers(c) {
        "separators, signs and parentheses join the kept digits into new numbers"
    } else {
        return Ok(());
    };
    Err(ConfigError::MaskChar { kind, code_point: c as u32, reason })
}

/// Whether the scanner reads `c` inside a number (a separator, `+`, a parenthesis): masked
/// with it, `+3958.61726` would hold a new number, and masked text would not be a fixpoint.
fn reads_inside_numbers(c: char) -> bool {
    let mut buf = [0u8; 4];
    let encoded = c.encode_utf8(&mut buf).as_bytes();
    !matches!(classify(encoded, 0).0, Class::Other | Class::Digit(_))
}

/// Builds a [`Masker`]: set options, then [`build`](MaskerBuilder::build) validates them all.
///
/// # Example
/// ```
/// use piimask::{Kind, Masker, Style};
/// let masker = Masker::builder()
///     .kinds([Kind::Card, Kind::Email])
///     .style(Kind::Card, Style::Preserve)
///     .build()?;
/// assert_eq!(masker.mask("4111-1111-1111-1111"), "****-****-****-1111");
/// # Ok::<(), piimask::ConfigError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct MaskerBuilder {
    config: MaskerConfig,
    level: Option<Level>,
}

impl MaskerBuilder {
    /// A builder with the default configuration.
    pub fn new() -> MaskerBuilder {
        MaskerBuilder::default()
    }

    /// A builder starting from `config`.
    pub fn from_config(config: MaskerConfig) -> MaskerBuilder {
        MaskerBuilder { config, level: None }
    }

    /// Detects only these kinds.
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, Masker};
    /// let masker = Masker::builder().kinds([Kind::Email]).build()?;
    /// assert_eq!(masker.mask("a@b.com 4111111111111111"), "*@b.com 4111111111111111");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> MaskerBuilder {
        self.config.kinds = kinds.into_iter().collect();
        self
    }

    /// Sets how values of `kind` are replaced.
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, Masker, Style};
    /// let masker = Masker::builder().style(Kind::Phone, Style::Label).build()?;
    /// assert_eq!(masker.mask("call +447966197542"), "call [PHONE]");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn style(mut self, kind: Kind, style: Style) -> MaskerBuilder {
        self.config.options_mut(kind).style = style;
        self
    }

    /// Sets the mask character of every kind that does not set its own.
    ///
    /// # Example
    /// ```
    /// let masker = piimask::Masker::builder().mask_char('#').build()?;
    /// assert_eq!(masker.mask("+447966197542"), "#########7542");
    /// assert!(piimask::Masker::builder().mask_char('x').build().is_err(), "letters are refused");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn mask_char(mut self, c: char) -> MaskerBuilder {
        self.config.mask_char = c;
        self
    }

    /// Sets the mask character of one kind.
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, Masker};
    /// let masker = Masker::builder().kind_mask_char(Kind::Email, '•').build()?;
    /// assert_eq!(masker.mask("melissa@gmail.com +447966197542"), "m••••••@gmail.com *********7542");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn kind_mask_char(mut self, kind: Kind, c: char) -> MaskerBuilder {
        self.config.options_mut(kind).mask_char = Some(c);
        self
    }

    /// Keeps the first `units` units of values of `kind` (cards: at most 6, PCI DSS).
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, Masker};
    /// let masker = Masker::builder().keep_head(Kind::Card, 6).build()?;
    /// assert_eq!(masker.mask("4111 1111 1111 1111"), "411111******1111");
    /// assert!(Masker::builder().keep_head(Kind::Card, 7).build().is_err());
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn keep_head(mut self, kind: Kind, units: u32) -> MaskerBuilder {
        self.config.options_mut(kind).keep_head = Some(units);
        self
    }

    /// Keeps the last `units` units of values of `kind` (cards, SSNs, phones, IBANs: at most 4).
    ///
    /// # Example
    /// ```
    /// use piimask::{Kind, Masker};
    /// let masker = Masker::builder().keep_tail(Kind::Ssn, 0).build()?;
    /// assert_eq!(masker.mask("SSN 123-45-6789"), "SSN ***********");
    /// # Ok::<(), piimask::ConfigError>(())
    /// ```
    pub fn keep_tail(mut self, kind: Kind, units: u32) -> MaskerBuilder {
        self.config.options_mut(kind).keep_tail = Some(units);
        self
    }

    /// Forces a stage-1 classifier level instead of the fastest one the CPU has (for tests
    /// and benchmarks; every level gives the same results). A level the CPU lacks is
    /// replaced by the fastest one it has.
    pub fn level(mut self, level: Level) -> MaskerBuilder {
        self.level = Some(level);
        self
    }

    /// The configuration as set so far.
    pub fn config(&self) -> &MaskerConfig {
        &self.config
    }

    /// Validates every option and builds the masker. This is the only place options are
    /// checked.
    pub fn build(self) -> Result<Masker, ConfigError> {
        let rules = self.config.validate()?;
        Ok(Masker::from_parts(
            self.config,
            rules,
            self.level.filter(|level| level.is_supported()).unwrap_or_else(Level::detect),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn defaults_round_trip_through_toml_and_json() {
        let config = MaskerConfig::default();
        assert_eq!(MaskerConfig::parse(&config.to_toml()).unwrap(), config);
        assert_eq!(MaskerConfig::parse(&config.to_json()).unwrap(), config);
        assert_eq!(MaskerConfig::parse("").unwrap(), config);
        assert_eq!(MaskerConfig::parse("{}").unwrap(), config);
    }

    #[test]
    fn syntax_errors_have_positions_and_codes() {
        let err = MaskerConfig::parse("kinds = [\"card\"]\nfoo = 1\n").unwrap_err();
        assert_eq!(err.code(), ErrorCode::ConfigSyntax);
        assert!(matches!(err, ConfigError::Syntax { line: 2, .. }), "{err:?}");
        let err = MaskerConfig::parse(r#"{"kinds": ["cardd"]}"#).unwrap_err();
        assert_eq!(err.code(), ErrorCode::ConfigSyntax);
        assert!(err.to_string().contains("line 1"), "{err}");
        let err = MaskerConfig::parse("[card]\nstyle = \"fancy\"").unwrap_err();
        assert_eq!(err.code(), ErrorCode::ConfigSyntax);
        assert!(err.to_string().contains("fancy"), "a name is shown: {err}");
    }

    #[test]
    fn error_messages_never_repeat_values() {
        let secret = "4111111111111111";
        for text in [
            format!("mask_char = \"{secret}\""),
            format!("{{\"mask_char\": \"{secret}\"}}"),
            format!("[card]\nstyle = \"{secret}\""),
            format!("{{\"card\": {{\"style\": \"{secret}\"}}}}"),
            format!("kinds = [\"{secret}\"]"),
            format!("{{\"kinds\": [\"{secret}\"]}}"),
            format!("{{\"{secret}\": 1}}"),
            format!("[phone]\nkeep_tail = \"{secret}\""),
            format!("{{\"phone\": {{\"keep_tail\": {secret}}}}}"),
        ] {
            let err = MaskerConfig::parse(&text).unwrap_err();
            assert!(!err.to_string().contains(secret), "{text}: {err}");
        }
    }

    #[test]
    fn validation_errors() {
        let build = |text: &str| MaskerConfig::parse(text).unwrap().build().map(|_| ()).unwrap_err().code();
        assert_eq!(build("kinds = []"), ErrorCode::ConfigNoKinds);
        assert_eq!(build("mask_char = \"x\""), ErrorCode::ConfigMaskChar);
        assert_eq!(build("[email]\nmask_char = \"@\""), ErrorCode::ConfigMaskChar);
        // Found by fuzzing: `+3958061726` masked with `.` and 5 kept head digits read as a
        // new number, `+39580.1726`.
        for c in ["-", ".", "/", "+", "(", ")", "\u{2013}", "\u{FF0E}", "\u{FF0B}"] {
            assert_eq!(build(&format!("[phone]\nmask_char = \"{c}\"")), ErrorCode::ConfigMaskChar, "{c}");
        }
        assert_eq!(build("[card]\nkeep_head = 7"), ErrorCode::ConfigKeepLimit);
        assert_eq!(build("[card]\nkeep_tail = 5"), ErrorCode::ConfigKeepLimit);
        assert_eq!(build("[iban]\nkeep_head = 9"), ErrorCode::ConfigKeepLimit);
        assert_eq!(build("[phone]\nstyle = \"label\"\nkeep_tail = 2"), ErrorCode::ConfigKeepUnused);
        assert!(MaskerConfig::parse("[card]\nkeep_head = 6\nkeep_tail = 4").unwrap().build().is_ok());
    }

    #[test]
    fn error_messages_name_the_option() {
        let err = MaskerConfig::parse("[card]\nkeep_head = 7").unwrap().build().map(|_| ()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "card keep_head = 7 is over the limit of 6 (PCI DSS: at most the first 6 and last 4 digits)"
        );
    }
}

//! Quick-reply templates: text with `<name>` parameters, parsed once and rendered with values
//! and a context of automatic variables, with every sensitive value a substitution brings in masked.
//!
//! # Syntax
//! `<` and `>` are reserved for parameters (the agent desktop cannot send them), so there is
//! no escape: a template never holds a literal `<` or `>`. A parameter is `<name>`, where a
//! name is an ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`) or several joined by dots
//! (`<agent.name>`); names are case-sensitive. A `<` must be closed on its own line. Line
//! breaks (`\n`, `\r\n`) are text like any other and are kept.
//!
//! # Rendering
//! Each variable takes its explicit value from [`Values`], else its automatic value from the
//! [`RenderContext`] (`agent.name`, `agent.id`, `customer.name`, `queue.name`, `date`); a
//! template with any variable left without a value does not render, and the error names
//! every missing variable. A value holding `<` or `>` is refused (the error names the
//! variable): substitution is never parsed again, and rendered text never contains `<` or `>`.
//!
//! # Masking
//! Rendered text is masked where values went in, failing closed:
//! - the [`Masker`] scans the whole rendered text, so the template's context words count
//!   (`SSN: <ssn>`) and a number split across two variables is one number; every match that
//!   overlaps a substituted value is masked whole, in the masker's style;
//! - each value is also scanned on its own, so text around it (`Order <x>`, or a letter
//!   glued to it) can never make a value that is sensitive by itself pass unmasked;
//! - matches lying wholly in the template's own text (a support hotline) are left alone;
//! - a variable listed in [`RenderContext::unmasked_variables`] (a value safe by
//!   construction, like an agent ID) is not scanned on its own, and a match lying wholly
//!   inside its value is left; a match reaching beyond it is still masked whole;
//! - as in [`Masker::mask`], the text is scanned again after masking until nothing that
//!   touches a substituted or masked span is left.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use crate::date::{DateFormat, DateTime};
use crate::error::{TemplateError, ValuePosition};
use crate::kind::Kind;
use crate::masker::Masker;
use crate::span::{Match, Span};

/// A parsed quick-reply template: literal text and `<name>` parameters.
///
/// Parse once ([`Template::parse`]), render many times ([`Template::render`]).
///
/// # Example
/// ```
/// use piimask::{Masker, RenderContext, Template, Values};
/// let template = Template::parse("Bonjour <customer.name>, je suis <agent.name> (ID <agent.id>).")?;
/// assert_eq!(template.variables().collect::<Vec<_>>(), ["customer.name", "agent.name", "agent.id"]);
///
/// let context = RenderContext {
///     agent_name: Some("Chloé".into()),
///     agent_id: Some("A-1042".into()),
///     customer_name: Some("+447966197542".into()), // a phone number given as a name
///     ..RenderContext::default()
/// };
/// let masker = Masker::default();
/// assert_eq!(
///     template.render(&Values::new(), &context, &masker)?,
///     "Bonjour *********7542, je suis Chloé (ID A-1042)."
/// );
/// // Explicit values override the context.
/// let values = Values::from([("customer.name", "Mme Dupont")]);
/// assert_eq!(
///     template.render(&values, &context, &masker)?,
///     "Bonjour Mme Dupont, je suis Chloé (ID A-1042)."
/// );
/// # Ok::<(), piimask::TemplateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
    variables: Vec<String>,
}

/// A piece of a template: literal text (a byte range of the source) or a parameter (an
/// index into the variables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Text { start: usize, end: usize },
    Parameter { variable: usize },
}

impl Template {
    /// Parses a template. Errors give the byte and character offset of the fault: a `>`
    /// that closes nothing, a `<` not closed on its line, `<>`, or a name that is not a
    /// (dotted) identifier.
    ///
    /// # Example
    /// ```
    /// use piimask::{Template, TemplateError};
    /// assert!(Template::parse("Hi <customer.name>,\nthanks!").is_ok());
    /// assert_eq!(Template::parse("a > b").unwrap_err(), TemplateError::StrayClose { byte: 2, char: 2 });
    /// assert_eq!(Template::parse("é <>").unwrap_err(), TemplateError::EmptyName { byte: 3, char: 2 });
    /// assert_eq!(Template::parse("<agent name>").unwrap_err(), TemplateError::InvalidName { byte: 6, char: 6 });
    /// assert_eq!(Template::parse("<a\n>").unwrap_err(), TemplateError::UnclosedParameter { byte: 0, char: 0 });
    /// ```
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        let bytes = source.as_bytes();
        let mut parts = Vec::new();
        let mut variables: Vec<String> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut text_start = 0;
        let mut at = 0;
        while let Some(found) = memchr::memchr2(b'<', b'>', &bytes[at..]) {
            let open = at + found;
            if bytes[open] == b'>' {
                return Err(TemplateError::StrayClose { byte: open, char: char_count(source, open) });
            }
            let name_start = open + 1;
            let close = bytes[name_start..]
                .iter()
                .position(|&b| matches!(b, b'<' | b'>' | b'\n' | b'\r'))
                .map(|offset| name_start + offset)
                .filter(|&close| bytes[close] == b'>')
                .ok_or_else(|| TemplateError::UnclosedParameter {
                    byte: open,
                    char: char_count(source, open),
                })?;
            let name = &source[name_start..close];
            if name.is_empty() {
                return Err(TemplateError::EmptyName { byte: open, char: char_count(source, open) });
            }
            if let Err(bad) = check_name(name) {
                let byte = name_start + bad;
                return Err(TemplateError::InvalidName { byte, char: char_count(source, byte) });
            }
            if text_start < open {
                parts.push(Part::Text { start: text_start, end: open });
            }
            let variable = *index.entry(name).or_insert_with(|| {
                variables.push(name.to_string());
                variables.len() - 1
            });
            parts.push(Part::Parameter { variable });
            at = close + 1;
            text_start = at;
        }
        if text_start < bytes.len() {
            parts.push(Part::Text { start: text_start, end: bytes.len() });
        }
        Ok(Template { source: source.to_string(), parts, variables })
    }

    /// The template as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The names of the template's variables, in order of first use, each once.
    ///
    /// # Example
    /// ```
    /// let template = piimask::Template::parse("<b> <a> <b>.<c.d>")?;
    /// assert_eq!(template.variables().collect::<Vec<_>>(), ["b", "a", "c.d"]);
    /// # Ok::<(), piimask::TemplateError>(())
    /// ```
    pub fn variables(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.variables.iter().map(String::as_str)
    }

    /// The length in characters of the template's own text (without its parameters): the
    /// least a rendered message can be.
    ///
    /// # Example
    /// ```
    /// assert_eq!(piimask::Template::parse("Hé <customer.name>!")?.text_chars(), 4);
    /// # Ok::<(), piimask::TemplateError>(())
    /// ```
    pub fn text_chars(&self) -> usize {
        self.parts
            .iter()
            .map(|part| match *part {
                Part::Text { start, end } => self.source[start..end].chars().count(),
                Part::Parameter { .. } => 0,
            })
            .sum()
    }

    /// Renders the template: fills each variable with its value from `values`, else from
    /// `context`, then masks every sensitive value the substitutions brought in (see the
    /// [module documentation](self) for the exact rules).
    ///
    /// Fails, naming variables but never showing a value, when any variable has no value
    /// ([`TemplateError::MissingVariables`], all of them listed) or a value holds `<` or `>`
    /// ([`TemplateError::ReservedInValue`]).
    ///
    /// # Example
    /// ```
    /// use piimask::{Masker, RenderContext, Template, TemplateError, Values};
    /// let masker = Masker::default();
    /// let context = RenderContext::default();
    ///
    /// // The template's context word makes nine digits an SSN; a number split across two
    /// // variables is one number; the template's own hotline stays.
    /// let template = Template::parse("SSN <ssn>, tel <a> <b>. Hotline: +44 20 7946 0018")?;
    /// let values = Values::from([("ssn", "123456789"), ("a", "+44 7966"), ("b", "197542")]);
    /// assert_eq!(
    ///     template.render(&values, &context, &masker)?,
    ///     "SSN *****6789, tel *********7542. Hotline: +44 20 7946 0018"
    /// );
    ///
    /// let err = template.render(&Values::from([("a", "x")]), &context, &masker).unwrap_err();
    /// assert_eq!(err, TemplateError::MissingVariables { names: vec!["ssn".into(), "b".into()] });
    /// # Ok::<(), piimask::TemplateError>(())
    /// ```
    pub fn render(
        &self,
        values: &Values,
        context: &RenderContext,
        masker: &Masker,
    ) -> Result<String, TemplateError> {
        let mut resolved: Vec<Cow<'_, str>> = Vec::with_capacity(self.variables.len());
        let mut missing = Vec::new();
        for name in &self.variables {
            match values.get(name).map(Cow::Borrowed).or_else(|| context.automatic_value(name)) {
                Some(value) => resolved.push(value),
                None => {
                    missing.push(name.clone());
                    resolved.push(Cow::Borrowed(""));
                }
            }
        }
        if !missing.is_empty() {
            return Err(TemplateError::MissingVariables { names: missing });
        }
        let reserved: Vec<ValuePosition> = self
            .variables
            .iter()
            .zip(&resolved)
            .filter_map(|(name, value)| {
                memchr::memchr2(b'<', b'>', value.as_bytes()).map(|byte| ValuePosition {
                    variable: name.clone(),
                    byte,
                    char: char_count(value, byte),
                })
            })
            .collect();
        if !reserved.is_empty() {
            return Err(TemplateError::ReservedInValue { values: reserved });
        }

        let unmasked: Vec<bool> =
            self.variables.iter().map(|name| context.unmasked_variables.contains(name)).collect();
        // Matches in each value on its own (relative to the value), for variables not
        // opted out; computed once per variable.
        let mut alone: Vec<Option<Vec<Match>>> = vec![None; self.variables.len()];
        let mut text = String::with_capacity(
            self.source.len() + resolved.iter().map(|value| value.len()).sum::<usize>(),
        );
        let mut regions = Vec::new();
        let mut value_matches = Vec::new();
        for part in &self.parts {
            match *part {
                Part::Text { start, end } => text.push_str(&self.source[start..end]),
                Part::Parameter { variable } => {
                    let value = &resolved[variable];
                    let start = text.len();
                    text.push_str(value);
                    if value.is_empty() {
                        continue;
                    }
                    regions.push(Region { start, end: text.len(), unmasked: unmasked[variable] });
                    if !unmasked[variable] {
                        let found = alone[variable].get_or_insert_with(|| masker.find_iter(value).collect());
                        value_matches.extend(
                            found
                                .iter()
                                .map(|m| Match::new(m.kind(), Span::new(start + m.start(), start + m.end()))),
                        );
                    }
                }
            }
        }
        Ok(mask_substituted(masker, text, regions, value_matches))
    }
}

impl fmt::Display for Template {
    /// Writes the template as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl FromStr for Template {
    type Err = TemplateError;

    fn from_str(source: &str) -> Result<Template, TemplateError> {
        Template::parse(source)
    }
}

/// Checks a parameter name; on failure, the byte offset (in the name) of the first
/// character that makes it invalid.
fn check_name(name: &str) -> Result<(), usize> {
    let mut segment_start = true;
    for (offset, &byte) in name.as_bytes().iter().enumerate() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => segment_start = false,
            b'0'..=b'9' | b'.' if !segment_start => segment_start = byte == b'.',
            // The first non-ASCII byte of a name starts its character.
            _ => return Err(offset),
        }
    }
    if segment_start {
        // Ends with a dot: the dot is at fault.
        return Err(name.len().saturating_sub(1));
    }
    Ok(())
}

/// Whether `name` is a valid variable name (an ASCII identifier, or several joined by dots).
///
/// # Example
/// ```
/// assert!(piimask::is_variable_name("agent.name"));
/// assert!(!piimask::is_variable_name("agent..name"));
/// assert!(!piimask::is_variable_name("prénom"));
/// ```
pub fn is_variable_name(name: &str) -> bool {
    !name.is_empty() && check_name(name).is_ok()
}

/// The number of characters before byte offset `byte` (which is on a char boundary).
pub(crate) fn char_count(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.chars().count())
}

/// Explicit values of template variables, by name. They override the automatic values of a
/// [`RenderContext`]. `Debug` shows the names only, never the values.
///
/// # Example
/// ```
/// use piimask::Values;
/// let mut values = Values::from([("customer.name", "Ana")]);
/// values.insert("order.id", "A-77");
/// assert_eq!(values.get("order.id"), Some("A-77"));
/// assert_eq!(format!("{values:?}"), r#"Values { names: ["customer.name", "order.id"] }"#);
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Values {
    values: BTreeMap<String, String>,
}

impl Values {
    /// No values.
    pub fn new() -> Values {
        Values::default()
    }

    /// Sets the value of `name` (replacing any previous one).
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.values.insert(name.into(), value.into());
    }

    /// The value of `name`, if it has one.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// Whether `name` has a value.
    pub fn contains(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    /// The names that have values, in sorted order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.values.keys().map(String::as_str)
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl fmt::Debug for Values {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Values").field("names", &self.values.keys().collect::<Vec<_>>()).finish()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Values {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Values {
        Values { values: pairs.into_iter().map(|(name, value)| (name.into(), value.into())).collect() }
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> From<[(K, V); N]> for Values {
    fn from(pairs: [(K, V); N]) -> Values {
        pairs.into_iter().collect()
    }
}

/// What the agent desktop knows about the conversation: the automatic variables, and which
/// variables are safe by construction. `Debug` shows which fields are set, never their values.
///
/// | variable | field |
/// |---|---|
/// | `agent.name` | [`agent_name`](RenderContext::agent_name) |
/// | `agent.id` | [`agent_id`](RenderContext::agent_id) |
/// | `customer.name` | [`customer_name`](RenderContext::customer_name) |
/// | `queue.name` | [`queue_name`](RenderContext::queue_name) |
/// | `date` | [`date`](RenderContext::date) written in [`date_format`](RenderContext::date_format) |
///
/// The same fields, in the TOML or JSON form that every front end reads
/// ([`RenderContext::parse`]):
/// ```json
/// {"agent_name": "Chloé", "agent_id": "A-1042", "customer_name": "Ana", "queue_name": "Billing",
///  "date": "2026-11-21T09:05", "date_format": "%d/%m/%Y", "unmasked_variables": ["agent.id"]}
/// ```
///
/// # Example
/// ```
/// use piimask::{DateTime, Masker, RenderContext, Template, Values};
/// let context = RenderContext::parse(r#"{"queue_name": "Billing", "date": "2026-11-21", "date_format": "%d/%m/%Y"}"#)?;
/// let template = Template::parse("<queue.name>, <date>")?;
/// assert_eq!(template.render(&Values::new(), &context, &Masker::default())?, "Billing, 21/11/2026");
/// assert_eq!(context.date, Some(DateTime::new(2026, 11, 21)?));
/// # Ok::<(), piimask::TemplateError>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct RenderContext {
    /// The agent's display name (`agent.name`).
    pub agent_name: Option<String>,
    /// The agent's ID (`agent.id`).
    pub agent_id: Option<String>,
    /// The customer's name as the channel gives it (`customer.name`); it may really be a
    /// phone number or an email address, and is masked like any value.
    pub customer_name: Option<String>,
    /// The name of the queue the conversation came through (`queue.name`).
    pub queue_name: Option<String>,
    /// The current date (`date`); see [`DateTime::now_utc`].
    pub date: Option<DateTime>,
    /// How `date` is written (default `%Y-%m-%d`).
    pub date_format: DateFormat,
    /// Variables whose values are safe by construction (an agent ID from the directory):
    /// they are not scanned on their own, and a match lying wholly inside one is left
    /// unmasked. A match that reaches beyond the value is still masked whole.
    pub unmasked_variables: BTreeSet<String>,
}

impl RenderContext {
    /// The names of the variables a context can fill.
    pub const AUTOMATIC_VARIABLES: [&'static str; 5] =
        ["agent.name", "agent.id", "customer.name", "queue.name", "date"];

    /// The automatic value of variable `name`, if this context has one.
    ///
    /// # Example
    /// ```
    /// use piimask::{DateTime, RenderContext};
    /// let context = RenderContext { date: Some(DateTime::new(2026, 1, 2)?), ..RenderContext::default() };
    /// assert_eq!(context.automatic_value("date").as_deref(), Some("2026-01-02"));
    /// assert_eq!(context.automatic_value("agent.name"), None);
    /// # Ok::<(), piimask::TemplateError>(())
    /// ```
    pub fn automatic_value(&self, name: &str) -> Option<Cow<'_, str>> {
        fn text(field: &Option<String>) -> Option<Cow<'_, str>> {
            field.as_deref().map(Cow::Borrowed)
        }
        match name {
            "agent.name" => text(&self.agent_name),
            "agent.id" => text(&self.agent_id),
            "customer.name" => text(&self.customer_name),
            "queue.name" => text(&self.queue_name),
            "date" => self.date.map(|date| Cow::Owned(date.format(&self.date_format))),
            _ => None,
        }
    }

    /// Parses the TOML or JSON form (JSON when the first non-blank character is `{`).
    /// Every field is optional; unknown fields are errors; `date` is `YYYY-MM-DD` or
    /// `YYYY-MM-DDTHH:MM` (in TOML, a date literal works too). Errors name the field,
    /// never its value.
    ///
    /// # Example
    /// ```
    /// use piimask::{RenderContext, TemplateError};
    /// let context = RenderContext::parse("agent_id = \"A-1042\"\nunmasked_variables = [\"agent.id\"]")?;
    /// assert!(context.unmasked_variables.contains("agent.id"));
    /// assert_eq!(
    ///     RenderContext::parse(r#"{"customer_name": 447966197542}"#).unwrap_err().to_string(),
    ///     "invalid context field `customer_name`: must be a string"
    /// );
    /// # Ok::<(), TemplateError>(())
    /// ```
    pub fn parse(text: &str) -> Result<RenderContext, TemplateError> {
        if text.trim_start().starts_with('{') {
            RenderContext::from_json(text)
        } else {
            RenderContext::from_toml(text)
        }
    }

    /// Parses the JSON form.
    pub fn from_json(text: &str) -> Result<RenderContext, TemplateError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|err| TemplateError::ContextSyntax {
                format: "JSON",
                line: err.line(),
                column: err.column(),
                message: json_error_message(&err),
            })?;
        let serde_json::Value::Object(map) = value else {
            return Err(TemplateError::ContextSyntax {
                format: "JSON",
                line: 1,
                column: 1,
                message: "expected an object".into(),
            });
        };
        RenderContext::from_fields(map.into_iter().map(|(key, value)| (key, ContextValue::from_json(value))))
    }

    /// Parses the TOML form.
    pub fn from_toml(text: &str) -> Result<RenderContext, TemplateError> {
        let table: toml::Table = toml::from_str(text).map_err(|err| {
            let (line, column) = err.span().map_or((0, 0), |span| line_column(text, span.start));
            TemplateError::ContextSyntax {
                format: "TOML",
                line,
                column,
                message: err.message().trim().to_string(),
            }
        })?;
        RenderContext::from_fields(
            table.into_iter().map(|(key, value)| (key, ContextValue::from_toml(value))),
        )
    }

    fn from_fields(
        fields: impl Iterator<Item = (String, ContextValue)>,
    ) -> Result<RenderContext, TemplateError> {
        let mut context = RenderContext::default();
        for (field, value) in fields {
            let wrong = |reason: &'static str| TemplateError::ContextField { field: field.clone(), reason };
            let text = |value: ContextValue| match value {
                ContextValue::Null => Ok(None),
                ContextValue::Text(text) => Ok(Some(text)),
                _ => Err(wrong("must be a string")),
            };
            match field.as_str() {
                "agent_name" => context.agent_name = text(value)?,
                "agent_id" => context.agent_id = text(value)?,
                "customer_name" => context.customer_name = text(value)?,
                "queue_name" => context.queue_name = text(value)?,
                "date" => {
                    context.date = match text(value)? {
                        Some(date) => Some(date.parse().map_err(|_| {
                            wrong("must be a date: YYYY-MM-DD or YYYY-MM-DDTHH:MM, and exist")
                        })?),
                        None => None,
                    }
                }
                "date_format" => {
                    if let Some(format) = text(value)? {
                        context.date_format = DateFormat::new(&format)?;
                    }
                }
                "unmasked_variables" => {
                    let ContextValue::List(names) = value else {
                        return Err(wrong("must be an array of variable names"));
                    };
                    for name in names {
                        match name {
                            ContextValue::Text(name) if is_variable_name(&name) => {
                                context.unmasked_variables.insert(name);
                            }
                            _ => return Err(wrong("must be an array of variable names")),
                        }
                    }
                }
                _ => return Err(TemplateError::ContextField { field, reason: UNKNOWN_CONTEXT_FIELD }),
            }
        }
        Ok(context)
    }
}

/// The reason given for an unknown context field.
const UNKNOWN_CONTEXT_FIELD: &str = "unknown field \
     (expected agent_name, agent_id, customer_name, queue_name, date, date_format, unmasked_variables)";

impl fmt::Debug for RenderContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = |field: &Option<String>| if field.is_some() { "set" } else { "unset" };
        f.debug_struct("RenderContext")
            .field("agent_name", &set(&self.agent_name))
            .field("agent_id", &set(&self.agent_id))
            .field("customer_name", &set(&self.customer_name))
            .field("queue_name", &set(&self.queue_name))
            .field("date", &self.date)
            .field("date_format", &self.date_format.as_str())
            .field("unmasked_variables", &self.unmasked_variables)
            .finish()
    }
}

/// A context field's value, from TOML or JSON.
enum ContextValue {
    Null,
    Text(String),
    List(Vec<ContextValue>),
    Other,
}

impl ContextValue {
    fn from_json(value: serde_json::Value) -> ContextValue {
        match value {
            serde_json::Value::Null => ContextValue::Null,
            serde_json::Value::String(text) => ContextValue::Text(text),
            serde_json::Value::Array(items) => {
                ContextValue::List(items.into_iter().map(ContextValue::from_json).collect())
            }
            _ => ContextValue::Other,
        }
    }

    fn from_toml(value: toml::Value) -> ContextValue {
        match value {
            toml::Value::String(text) => ContextValue::Text(text),
            toml::Value::Datetime(date) => ContextValue::Text(date.to_string()),
            toml::Value::Array(items) => {
                ContextValue::List(items.into_iter().map(ContextValue::from_toml).collect())
            }
            _ => ContextValue::Other,
        }
    }
}

/// A serde_json error's message without its " at line L column C" suffix.
pub(crate) fn json_error_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    (line, column)
}

/// A span of rendered text that came from a value (or from masking one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Region {
    start: usize,
    end: usize,
    /// From a variable opted out of masking: a match lying wholly inside it is left.
    unmasked: bool,
}

/// How many times rendered text is scanned again after masking (as in `Masker::mask`).
const SETTLE_ROUNDS: usize = 8;

/// Masks, in `text`, every match that must be masked: matches over the whole text that
/// overlap a region (unless wholly inside an unmasked one), and `value_matches` (found in
/// values on their own); overlapping ones are merged. Repeats over its own output until
/// nothing touching a region is found.
fn mask_substituted(
    masker: &Masker,
    mut text: String,
    mut regions: Vec<Region>,
    value_matches: Vec<Match>,
) -> String {
    let mut extra = value_matches;
    for _ in 0..=SETTLE_ROUNDS {
        let found: Vec<Match> = masker.find_iter(&text).filter(|found| must_mask(found, &regions)).collect();
        let to_mask = merge(&text, found, std::mem::take(&mut extra));
        if to_mask.is_empty() {
            break;
        }
        (text, regions) = apply_masks(masker, &text, &regions, &to_mask);
    }
    text
}

/// Whether a match over the rendered text touches a substituted value and is not wholly
/// inside an opted-out one. `regions` are sorted and disjoint.
fn must_mask(found: &Match, regions: &[Region]) -> bool {
    let first = regions.partition_point(|region| region.end <= found.start());
    // The first region ending after the match's start overlaps it if it starts before its end.
    regions.get(first).filter(|region| region.start < found.end()).is_some_and(|region| {
        !(region.unmasked && region.start <= found.start() && found.end() <= region.end)
    })
}

/// Merges two sorted lists of non-overlapping matches into one, overlapping matches becoming
/// their union, of the kind of the longest (in characters; ties: EMAIL, IBAN, CARD, SSN, PHONE),
/// except that a digit kind never gives its kind to a union holding an EMAIL or IBAN, whose
/// masks hide letters (as in RULES.md).
fn merge(text: &str, first: Vec<Match>, second: Vec<Match>) -> Vec<Match> {
    if second.is_empty() {
        return first;
    }
    let mut all = first;
    all.extend(second);
    all.sort_by_key(|found| (found.start(), found.end()));
    // Higher is preferred: letter kinds first, then length, then the tie order.
    let preference = |found: &Match| {
        let chars = text.get(found.range()).map_or(0, |value| value.chars().count());
        (matches!(found.kind(), Kind::Email | Kind::Iban), chars, std::cmp::Reverse(found.kind().tie_rank()))
    };
    let mut merged: Vec<(Match, Kind, _)> = Vec::with_capacity(all.len());
    for found in all {
        let this = preference(&found);
        match merged.last_mut() {
            Some((last, best_kind, best)) if found.start() < last.end() => {
                if this > *best {
                    (*best_kind, *best) = (found.kind(), this);
                }
                *last = Match::new(*best_kind, Span::new(last.start(), last.end().max(found.end())));
            }
            _ => merged.push((found, found.kind(), this)),
        }
    }
    merged.into_iter().map(|(found, _, _)| found).collect()
}

/// Writes `text` with `to_mask` masked; returns it with the regions moved to their new
/// places: parts of old regions that were copied, and every masked value.
fn apply_masks(masker: &Masker, text: &str, regions: &[Region], to_mask: &[Match]) -> (String, Vec<Region>) {
    let mut out = String::with_capacity(text.len());
    let mut moved = Vec::with_capacity(regions.len() + to_mask.len());
    let mut next_region = 0;
    let mut copy = |out: &mut String, moved: &mut Vec<Region>, from: usize, to: usize| {
        let shift_start = out.len();
        out.push_str(&text[from..to]);
        while next_region < regions.len() && regions[next_region].end <= from {
            next_region += 1;
        }
        for region in regions[next_region..].iter().take_while(|region| region.start < to) {
            let (start, end) = (region.start.max(from), region.end.min(to));
            if start < end {
                moved.push(Region {
                    start: shift_start + (start - from),
                    end: shift_start + (end - from),
                    unmasked: region.unmasked,
                });
            }
        }
    };
    let mut copied = 0;
    for found in to_mask {
        copy(&mut out, &mut moved, copied, found.start());
        let start = out.len();
        out.push_str(&masker.mask_match(text, found));
        if out.len() > start {
            moved.push(Region { start, end: out.len(), unmasked: false });
        }
        copied = found.end();
    }
    copy(&mut out, &mut moved, copied, text.len());
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, values: &[(&str, &str)]) -> String {
        Template::parse(template)
            .unwrap()
            .render(&values.iter().copied().collect(), &RenderContext::default(), &Masker::default())
            .unwrap()
    }

    #[test]
    fn names_are_dotted_ascii_identifiers() {
        for good in ["a", "_", "agent.name", "a1.b_2.C", "x.y.z"] {
            assert!(is_variable_name(good), "{good}");
        }
        for (bad, at) in
            [("1a", 0), (".a", 0), ("a.", 1), ("a..b", 2), ("a.1", 2), ("a-b", 1), ("a é", 1), ("é", 0)]
        {
            assert_eq!(check_name(bad), Err(at), "{bad}");
        }
    }

    #[test]
    fn parts_cover_the_source() {
        let template = Template::parse("<a>b<c>\r\n<a>").unwrap();
        assert_eq!(
            template.parts,
            [
                Part::Parameter { variable: 0 },
                Part::Text { start: 3, end: 4 },
                Part::Parameter { variable: 1 },
                Part::Text { start: 7, end: 9 },
                Part::Parameter { variable: 0 },
            ]
        );
        assert_eq!(Template::parse("").unwrap().parts, []);
    }

    #[test]
    fn syntax_errors_point_at_the_fault() {
        let at = |source: &str| Template::parse(source).unwrap_err().syntax_position().unwrap();
        assert_eq!(at("ab <c"), (3, 3));
        assert_eq!(at("ab <c <d>"), (3, 3));
        assert_eq!(at("<a>>"), (3, 3));
        assert_eq!(at("ü <a.>"), (5, 4));
        assert_eq!(at("<a\r>"), (0, 0));
    }

    #[test]
    fn matches_in_template_text_are_left() {
        assert_eq!(render("call +447966197542, <x>", &[("x", "ok")]), "call +447966197542, ok");
    }

    #[test]
    fn values_are_masked_whatever_surrounds_them() {
        // A label in the template would make a national number an order number.
        assert_eq!(render("Order <x>", &[("x", "06 12 34 56 78")]), "Order ******5678");
        // A letter glued to a `+` number makes it no phone in the whole text.
        assert_eq!(render("Hello<x>", &[("x", "+447966197542")]), "Hello*********7542");
    }

    #[test]
    fn a_match_reaching_into_template_text_is_masked_whole() {
        assert_eq!(render("+44 <x>", &[("x", "7966 197542")]), "*********7542");
    }

    #[test]
    fn opted_out_values_are_left_only_when_the_match_is_inside() {
        let template = Template::parse("ID <agent.id>").unwrap();
        let context = RenderContext {
            agent_id: Some("4111 1111 1111 1111".into()),
            unmasked_variables: BTreeSet::from(["agent.id".to_string()]),
            ..RenderContext::default()
        };
        let masker = Masker::default();
        assert_eq!(template.render(&Values::new(), &context, &masker).unwrap(), "ID 4111 1111 1111 1111");
        let template = Template::parse("+44 <agent.id>").unwrap();
        let context = RenderContext { agent_id: Some("7966 197542".into()), ..context };
        assert_eq!(template.render(&Values::new(), &context, &masker).unwrap(), "*********7542");
    }

    #[test]
    fn reserved_characters_in_values_are_refused_by_name() {
        let template = Template::parse("<a> <b> <c>").unwrap();
        let values = Values::from([("a", "x<y"), ("b", "fine"), ("c", "é>")]);
        let err = template.render(&values, &RenderContext::default(), &Masker::default()).unwrap_err();
        assert_eq!(
            err,
            TemplateError::ReservedInValue {
                values: vec![
                    ValuePosition { variable: "a".into(), byte: 1, char: 1 },
                    ValuePosition { variable: "c".into(), byte: 2, char: 1 },
                ]
            }
        );
        assert_eq!(
            err.to_string(),
            "values hold `<` or `>`, reserved for template parameters: a (at character 1), c (at character 1)"
        );
    }

    #[test]
    fn merged_matches_take_the_longest_kind_but_letters_win() {
        let text = "aaaa@b.com 4111111111111111";
        let email = Match::new(Kind::Email, Span::new(0, 10));
        let long_phone = Match::new(Kind::Phone, Span::new(5, 27));
        let card = Match::new(Kind::Card, Span::new(11, 27));
        let short_phone = Match::new(Kind::Phone, Span::new(20, 27));
        assert_eq!(merge(text, vec![email], vec![long_phone]), [Match::new(Kind::Email, Span::new(0, 27))]);
        assert_eq!(merge(text, vec![card], vec![short_phone]), [Match::new(Kind::Card, Span::new(11, 27))]);
        assert_eq!(merge(text, vec![short_phone], vec![card]), [Match::new(Kind::Card, Span::new(11, 27))]);
        assert_eq!(merge(text, vec![email, short_phone], vec![]), [email, short_phone]);
    }

    #[test]
    fn line_breaks_are_kept() {
        assert_eq!(render("Hi <a>,\r\n\nbye\n", &[("a", "Ana\nMaria")]), "Hi Ana\nMaria,\r\n\nbye\n");
    }

    #[test]
    fn redacted_values_leave_no_region() {
        let masker = Masker::builder().style(Kind::Phone, crate::Style::Redact).build().unwrap();
        let template = Template::parse("a <x> b").unwrap();
        let values = Values::from([("x", "+447966197542")]);
        assert_eq!(template.render(&values, &RenderContext::default(), &masker).unwrap(), "a  b");
    }

    #[test]
    fn context_debug_hides_values() {
        let context =
            RenderContext { customer_name: Some("+447966197542".into()), ..RenderContext::default() };
        let shown = format!("{context:?}");
        assert!(!shown.contains("7542") && shown.contains("customer_name: \"set\""), "{shown}");
    }

    #[test]
    fn context_errors_name_fields_only() {
        let err = RenderContext::parse(r#"{"customer_nam": "+447966197542"}"#).unwrap_err();
        assert!(matches!(&err, TemplateError::ContextField { field, .. } if field == "customer_nam"));
        assert!(!err.to_string().contains("7542"));
        let err = RenderContext::parse("date = \"21/11/2026\"").unwrap_err();
        assert!(!err.to_string().contains("2026"), "{err}");
        assert_eq!(err.code(), crate::ErrorCode::TemplateContext);
        let err = RenderContext::parse("date = 2026-11-21T09:05:00\ndate_format = \"%x\"").unwrap_err();
        assert_eq!(err, TemplateError::DateFormat { byte: 0, char: 0 });
        let context = RenderContext::parse("date = 2026-11-21T09:05:00").unwrap();
        assert_eq!(context.date.unwrap().to_string(), "2026-11-21T09:05");
        assert!(RenderContext::parse("{").is_err());
        assert!(RenderContext::parse("[1]").is_err());
        assert!(RenderContext::parse(r#"{"unmasked_variables": ["a b"]}"#).is_err());
        assert_eq!(RenderContext::parse(r#"{"agent_name": null}"#).unwrap(), RenderContext::default());
    }
}

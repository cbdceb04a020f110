//! The `template` target: quick-reply template parsing and rendering.

use std::collections::BTreeSet;
use std::fmt;

use piimask::{
    DateTime, ErrorCode, MaskerConfig, RenderContext, Template, TemplateError, Values, is_variable_name,
};

use crate::config::{CONFIG_BYTES, decode_config};
use crate::mask::{build, idempotent_config};
use crate::repro::{config_expr, str_literal};
use crate::{FuzzInput, Verdict, arbitrary_via_decode, ensure};

/// Input of the `template` target.
///
/// Layout: [`CONFIG_BYTES`] of configuration; one byte of context flags (bit 0 agent name,
/// 1 agent ID, 2 customer name, 3 queue name, 4 date, 5 the first variable opted out of
/// masking, 6 a date format); then NUL-separated parts (lossy UTF-8): the template source,
/// then the values of its variables in order of first use.
#[derive(Clone, PartialEq, Eq)]
pub struct TemplateInput {
    /// The masker configuration (possibly invalid).
    pub config: MaskerConfig,
    /// The context flags (see the layout).
    pub context: u8,
    /// The template source.
    pub source: String,
    /// Values, given to the template's variables in order of first use.
    pub values: Vec<String>,
}

impl TemplateInput {
    /// Decodes fuzzer bytes (see the type's layout).
    pub fn decode(data: &[u8]) -> TemplateInput {
        let config = decode_config(&data[..data.len().min(CONFIG_BYTES)]);
        let context = data.get(CONFIG_BYTES).copied().unwrap_or(0);
        let rest = data.get(CONFIG_BYTES + 1..).unwrap_or_default();
        let mut parts = rest.split(|&b| b == 0).map(|part| String::from_utf8_lossy(part).into_owned());
        let source = parts.next().unwrap_or_default();
        TemplateInput { config, context, source, values: parts.collect() }
    }

    /// The rendering context the flags select.
    fn render_context(&self, template: &Template) -> RenderContext {
        let flag = |bit: u8| self.context & (1 << bit) != 0;
        let text = |bit: u8, value: &str| flag(bit).then(|| value.to_string());
        let mut context = RenderContext {
            agent_name: text(0, "Chloé"),
            agent_id: text(1, "A-1042"),
            customer_name: text(2, "+447966197542"),
            queue_name: text(3, "Billing 2"),
            date: if flag(4) { DateTime::new(2026, 11, 21).ok() } else { None },
            ..RenderContext::default()
        };
        if flag(5) {
            context.unmasked_variables =
                template.variables().take(1).map(str::to_string).collect::<BTreeSet<_>>();
        }
        if flag(6)
            && let Ok(with_format) = RenderContext::parse(r#"{"date_format": "%d/%m/%Y %H:%M %%"}"#)
        {
            context.date_format = with_format.date_format;
        }
        context
    }
}

impl fmt::Debug for TemplateInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values: Vec<String> =
            self.values.iter().map(|value| format!("{}.into()", str_literal(value))).collect();
        writeln!(f, "use piimask_fuzz_properties::FuzzInput;")?;
        writeln!(f, "piimask_fuzz_properties::TemplateInput {{")?;
        writeln!(f, "    config: {},", config_expr(&self.config))?;
        writeln!(f, "    context: {:#04x},", self.context)?;
        writeln!(f, "    source: {}.into(),", str_literal(&self.source))?;
        writeln!(f, "    values: vec![{}],", values.join(", "))?;
        write!(f, "}}\n.assert();")
    }
}

impl FuzzInput for TemplateInput {
    fn check(&self) -> Verdict {
        let source = &self.source;
        let template = match Template::parse(source) {
            Ok(template) => template,
            Err(err) => {
                ensure!(err.code() == ErrorCode::TemplateSyntax, "parse failed with {:?}", err.code());
                let Some((byte, char)) = err.syntax_position() else {
                    return Err(format!("a syntax error without a position: {err:?}"));
                };
                ensure!(
                    source.is_char_boundary(byte) && byte <= source.len(),
                    "error byte {byte} is not in the source"
                );
                ensure!(source[..byte].chars().count() == char, "error at byte {byte} says char {char}");
                return Ok(());
            }
        };
        ensure!(template.source() == source, "source() differs from the parsed text");
        let variables: Vec<&str> = template.variables().collect();
        ensure!(
            variables.iter().all(|name| is_variable_name(name)),
            "invalid variable name in {variables:?}"
        );
        ensure!(
            variables.iter().collect::<BTreeSet<_>>().len() == variables.len(),
            "repeated variables: {variables:?}"
        );
        let Some(masker) = build(&self.config, None)? else { return Ok(()) };
        let values: Values =
            variables.iter().zip(&self.values).map(|(name, value)| (*name, value.as_str())).collect();
        let context = self.render_context(&template);
        match template.render(&values, &context, &masker) {
            Ok(rendered) => {
                ensure!(!rendered.contains(['<', '>']), "rendered text holds < or >: {rendered:?}");
                ensure!(
                    variables
                        .iter()
                        .all(|name| values.contains(name) || context.automatic_value(name).is_some()),
                    "rendered with a variable missing"
                );
                // With no digit or `@` in the template's own text, everything found comes from a
                // value: it must all have been masked.
                let own_text = own_text(source);
                if idempotent_config(masker.config())
                    && context.unmasked_variables.is_empty()
                    && !masker.may_hold_value(own_text.as_bytes())
                {
                    let left: Vec<_> = masker.find_iter(&rendered).collect();
                    ensure!(left.is_empty(), "rendered text {rendered:?} still holds {left:?}");
                }
            }
            Err(TemplateError::MissingVariables { names }) => {
                let expected: Vec<&str> = variables
                    .iter()
                    .copied()
                    .filter(|name| !values.contains(name) && context.automatic_value(name).is_none())
                    .collect();
                ensure!(names == expected, "missing {names:?}, expected {expected:?}");
            }
            Err(TemplateError::ReservedInValue { .. }) => {
                ensure!(
                    self.values.iter().any(|value| value.contains(['<', '>'])),
                    "reserved character reported, none given"
                );
            }
            Err(err) => return Err(format!("render failed with {err:?}")),
        }
        Ok(())
    }
}

arbitrary_via_decode!(TemplateInput);

/// The template's own text: the source without its `<name>` parameters.
fn own_text(source: &str) -> String {
    let mut text = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    text
}

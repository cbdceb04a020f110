//! The `mask` and `simd` targets: arbitrary bytes masked with an arbitrary configuration.

use std::fmt;

use piimask::{Kind, Level, Masker, MaskerBuilder, MaskerConfig, Match, Span, Style};

use crate::config::{CONFIG_BYTES, decode_config};
use crate::repro::{bytes_expr, config_expr};
use crate::{FuzzInput, Verdict, arbitrary_via_decode, ensure};

/// Input of the `mask` target: a configuration prefix, then the text (any bytes).
#[derive(Clone, PartialEq, Eq)]
pub struct MaskInput {
    /// The configuration (possibly invalid).
    pub config: MaskerConfig,
    /// The text to mask.
    pub text: Vec<u8>,
}

impl MaskInput {
    /// Decodes fuzzer bytes: [`CONFIG_BYTES`] of configuration, then the text.
    pub fn decode(data: &[u8]) -> MaskInput {
        let split = data.len().min(CONFIG_BYTES);
        MaskInput { config: decode_config(&data[..split]), text: data[split..].to_vec() }
    }
}

impl fmt::Debug for MaskInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "use piimask_fuzz_properties::FuzzInput;")?;
        writeln!(f, "piimask_fuzz_properties::MaskInput {{")?;
        writeln!(f, "    config: {},", config_expr(&self.config))?;
        writeln!(f, "    text: {},", bytes_expr(&self.text))?;
        write!(f, "}}\n.assert();")
    }
}

impl FuzzInput for MaskInput {
    fn check(&self) -> Verdict {
        let Some(masker) = build(&self.config, None)? else { return Ok(()) };
        check_masking(&masker, &self.text)
    }
}

arbitrary_via_decode!(MaskInput);

/// Input of the `simd` target: the same layout as [`MaskInput`].
#[derive(Clone, PartialEq, Eq)]
pub struct SimdInput {
    /// The configuration (possibly invalid).
    pub config: MaskerConfig,
    /// The text to scan.
    pub text: Vec<u8>,
}

impl SimdInput {
    /// Decodes fuzzer bytes exactly like [`MaskInput::decode`].
    pub fn decode(data: &[u8]) -> SimdInput {
        let MaskInput { config, text } = MaskInput::decode(data);
        SimdInput { config, text }
    }
}

impl fmt::Debug for SimdInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "use piimask_fuzz_properties::FuzzInput;")?;
        writeln!(f, "piimask_fuzz_properties::SimdInput {{")?;
        writeln!(f, "    config: {},", config_expr(&self.config))?;
        writeln!(f, "    text: {},", bytes_expr(&self.text))?;
        write!(f, "}}\n.assert();")
    }
}

impl FuzzInput for SimdInput {
    /// Every level the CPU has (whatever [`Level::available`] lists, so a new SIMD level is
    /// covered as soon as it exists) finds and masks exactly what the scalar level does.
    fn check(&self) -> Verdict {
        let Some(scalar) = build(&self.config, Some(Level::Scalar))? else { return Ok(()) };
        let expected: Vec<Match> = scalar.find_iter_bytes(&self.text).collect();
        let expected_masked = scalar.mask_bytes(&self.text);
        for level in Level::available() {
            let Some(masker) = build(&self.config, Some(level))? else { return Ok(()) };
            ensure!(masker.level() == level, "asked for level {level:?}, got {:?}", masker.level());
            let found: Vec<Match> = masker.find_iter_bytes(&self.text).collect();
            ensure!(found == expected, "level {} finds {found:?}, scalar finds {expected:?}", level.name());
            let masked = masker.mask_bytes(&self.text);
            ensure!(masked == expected_masked, "level {} masks differently from scalar", level.name());
            ensure!(
                masker.may_hold_value(&self.text) || found.is_empty(),
                "level {}: may_hold_value is false but values were found",
                level.name()
            );
        }
        Ok(())
    }
}

arbitrary_via_decode!(SimdInput);

/// Builds the masker, or checks that an invalid configuration is refused consistently
/// (`Ok(None)`: nothing more to check).
pub(crate) fn build(config: &MaskerConfig, level: Option<Level>) -> Result<Option<Masker>, String> {
    let mut builder = MaskerBuilder::from_config(config.clone());
    if let Some(level) = level {
        builder = builder.level(level);
    }
    match builder.build() {
        Ok(masker) => {
            ensure!(config.check().is_ok(), "check() refuses a configuration build() accepts");
            Ok(Some(masker))
        }
        Err(err) => {
            ensure!(config.check().is_err(), "check() accepts a configuration build() refuses: {err}");
            ensure!(err.code() as u32 != 0, "a refused configuration has error code 0");
            Ok(None)
        }
    }
}

/// Whether masked output must be a fixpoint: masking is idempotent for the styles that
/// leave a trace in place (compact, preserve, label). `redact` removes values, which can
/// join what stood around them into a new value, so it is not checked.
pub(crate) fn idempotent_config(config: &MaskerConfig) -> bool {
    config.kinds.iter().all(|kind| config.options(kind).style != Style::Redact)
}

/// The properties of the `mask` target, on one masker and one text.
pub(crate) fn check_masking(masker: &Masker, text: &[u8]) -> Verdict {
    let matches: Vec<Match> = masker.find_iter_bytes(text).collect();
    let mut last_end = 0;
    for found in &matches {
        ensure!(
            found.start() >= last_end && found.start() < found.end() && found.end() <= text.len(),
            "matches out of order, empty or out of bounds: {matches:?}"
        );
        ensure!(std::str::from_utf8(&text[found.range()]).is_ok(), "match {found:?} is not UTF-8");
        ensure!(masker.config().kinds.contains(found.kind()), "match {found:?} of a disabled kind");
        last_end = found.end();
    }
    let masked = masker.mask_bytes(text);
    if matches.is_empty() {
        ensure!(masked.as_ref() == text, "nothing found but the text changed");
    } else {
        ensure!(
            masked.as_ref() != text || all_masks_equal_values(masker, text, &matches),
            "values found but the text is unchanged"
        );
    }
    let mut reused = vec![1, 2, 3];
    masker.mask_bytes_into(text, &mut reused);
    ensure!(reused == masked.as_ref(), "mask_bytes_into differs from mask_bytes");
    if let Ok(text) = std::str::from_utf8(text) {
        ensure!(masker.mask(text).as_bytes() == masked.as_ref(), "mask differs from mask_bytes");
        let as_text: Vec<Match> = masker.find_iter(text).collect();
        ensure!(as_text == matches, "find_iter differs from find_iter_bytes");
        let mut out = String::from("previous");
        masker.mask_into(text, &mut out);
        ensure!(out.as_bytes() == masked.as_ref(), "mask_into differs from mask");
    }
    let mut rebuilt = Vec::with_capacity(masked.len());
    let mut copied = 0;
    for redaction in masker.redactions_bytes(text) {
        ensure!(redaction.start() >= copied && redaction.end() <= text.len(), "redactions out of order");
        rebuilt.extend_from_slice(&text[copied..redaction.start()]);
        rebuilt.extend_from_slice(redaction.masked().as_bytes());
        copied = redaction.end();
    }
    rebuilt.extend_from_slice(&text[copied..]);
    ensure!(rebuilt == masked.as_ref(), "the redactions do not rebuild the masked output");
    for found in &matches {
        check_kept(masker, text, found)?;
    }
    if idempotent_config(masker.config()) {
        let left: Vec<Match> = masker.find_iter_bytes(&masked).collect();
        ensure!(left.is_empty(), "masked output {:?} still holds {left:?}", String::from_utf8_lossy(&masked));
        let again = masker.mask_bytes(&masked);
        ensure!(again == masked, "masking is not idempotent");
    }
    Ok(())
}

/// Whether every match masks to its own text (possible only in corner cases such as a
/// value whose every unit is kept); then an unchanged output is right.
fn all_masks_equal_values(masker: &Masker, text: &[u8], matches: &[Match]) -> bool {
    matches.iter().all(|found| {
        let value = std::str::from_utf8(&text[found.range()]).unwrap_or_default();
        masker.mask_match(value, &Match::new(found.kind(), Span::new(0, value.len()))) == value
    })
}

/// Whether `c` counts as a unit of `kind` (what head and tail count).
fn is_unit(kind: Kind, c: char) -> bool {
    match kind {
        Kind::Card | Kind::Ssn | Kind::Phone => c.is_numeric(),
        Kind::Iban | Kind::Email => c.is_alphanumeric(),
    }
}

/// Whether `c` is whitespace, or one of the invisible characters RULES.md reads as a space
/// separator (U+200B, U+200E, U+200F, U+2060, U+FEFF, U+061C): what the compact style
/// removes.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{061C}')
}

/// The units a mask with this head and tail keeps, in order.
fn kept_units(units: &[char], head: usize, tail: usize) -> Vec<char> {
    if head.saturating_add(tail) >= units.len() {
        return Vec::new();
    }
    units[..head].iter().chain(&units[units.len() - tail..]).copied().collect()
}

/// No mask keeps more than its head and tail, and what it keeps is the value's own head and
/// tail, in place.
fn check_kept(masker: &Masker, text: &[u8], found: &Match) -> Verdict {
    let kind = found.kind();
    let Ok(value) = std::str::from_utf8(&text[found.range()]) else { return Ok(()) };
    let masked = masker.mask_match(value, &Match::new(kind, Span::new(0, value.len())));
    let config = masker.config();
    let options = config.options(kind);
    let mask_char = options.mask_char.unwrap_or(config.mask_char);
    let (default_head, default_tail) = if kind == Kind::Email { (1, 0) } else { (0, 4) };
    let head = options.keep_head.unwrap_or(default_head) as usize;
    let tail = options.keep_tail.unwrap_or(default_tail) as usize;
    let context =
        || format!("{kind} {value:?} -> {masked:?} (style {}, head {head}, tail {tail})", options.style);
    match options.style {
        Style::Label => ensure!(masked == kind.label(), "{}", context()),
        Style::Redact => ensure!(masked.is_empty(), "{}", context()),
        Style::Compact | Style::Preserve if kind == Kind::Email => {
            let (Some((local, domain)), Some((masked_local, masked_domain))) =
                (split_at_last_at_sign(value), split_at_last_at_sign(&masked))
            else {
                return Err(format!("an email without an at sign: {}", context()));
            };
            // A quoted local part keeps its quotes; what they hold is masked as a local part.
            let unquote = unquoted_local_part;
            let (local, masked_local) = match unquote(local) {
                Some(inside) => {
                    let Some(masked_inside) = unquote(masked_local) else {
                        return Err(format!("a quoted local part lost its quotes: {}", context()));
                    };
                    (inside, masked_inside)
                }
                None => (local, masked_local),
            };
            // Compact removes whitespace first (a merged match may hold some).
            let units: Vec<char> = if options.style == Style::Compact {
                local.chars().filter(|&c| !is_space(c)).collect()
            } else {
                local.chars().filter(|c| is_unit(kind, *c)).collect()
            };
            // A kept character equal to the mask character (`_` kept, `_` masking) cannot be
            // told from a masked one: compare what differs from the mask character.
            let expected: Vec<char> =
                kept_units(&units, head, tail).into_iter().filter(|c| *c != mask_char).collect();
            let kept: Vec<char> = masked_local.chars().filter(|c| *c != mask_char).collect();
            if options.style == Style::Compact {
                ensure!(kept == expected, "kept {kept:?}, allowed {expected:?}: {}", context());
            } else {
                let kept_units: Vec<char> = kept.iter().copied().filter(|c| is_unit(kind, *c)).collect();
                let expected: Vec<char> = expected.into_iter().filter(|c| is_unit(kind, *c)).collect();
                ensure!(kept_units == expected, "kept {kept_units:?}, allowed {expected:?}: {}", context());
            }
            let domain_digits = domain.chars().filter(|c| c.is_numeric()).count();
            if domain_digits >= 7 {
                ensure!(
                    !masked_domain.chars().any(char::is_numeric),
                    "a domain hiding a number kept its digits: {}",
                    context()
                );
            } else {
                ensure!(masked_domain == domain, "the domain changed: {}", context());
            }
        }
        Style::Compact | Style::Preserve => {
            // A phone's extension: the number keeps its head and tail; the extension is
            // written with its digits masked, in place, after it.
            let (number, extension) = match kind {
                Kind::Phone => phone_extension(value).unwrap_or((value, "")),
                _ => (value, ""),
            };
            let masked_extension: String =
                extension.chars().map(|c| if c.is_numeric() { mask_char } else { c }).collect();
            ensure!(
                masked.ends_with(&masked_extension),
                "the extension is not masked in place: {}",
                context()
            );
            let masked_number = &masked[..masked.len() - masked_extension.len()];
            let units: Vec<char> = number.chars().filter(|c| is_unit(kind, *c)).collect();
            let expected = kept_units(&units, head, tail);
            let kept: Vec<char> = masked.chars().filter(|c| is_unit(kind, *c)).collect();
            ensure!(kept == expected, "kept {kept:?}, allowed {expected:?}: {}", context());
            if options.style == Style::Preserve {
                ensure!(
                    masked.chars().count() == value.chars().count(),
                    "preserve changed the length: {}",
                    context()
                );
                for (v, m) in value.chars().zip(masked.chars()) {
                    ensure!(
                        m == v
                            || (m == mask_char
                                && (is_unit(kind, v) || (kind == Kind::Ssn && v.is_alphabetic()))),
                        "preserve changed {v:?} to {m:?}: {}",
                        context()
                    );
                }
            } else {
                ensure!(
                    !masked_number.chars().any(char::is_whitespace) || mask_char.is_whitespace(),
                    "compact kept whitespace: {}",
                    context()
                );
            }
        }
    }
    Ok(())
}

/// A phone value split into its number and the extension written after it (RULES.md: a
/// marker word after the number or a comma and at most two spaces, `.` or `:` after it, at
/// most two spaces, one to six ASCII digits), read from the end.
fn phone_extension(value: &str) -> Option<(&str, &str)> {
    const MARKERS: [&str; 11] = [
        "extension",
        "durchwahl",
        "toestel",
        "interno",
        "anexo",
        "poste",
        "ramal",
        "extn",
        "ext",
        "int",
        "x",
    ];
    fn spaces_before(text: &str) -> Option<&str> {
        let trimmed = text.trim_end_matches([' ', '\t']);
        (text.len() - trimmed.len() <= 2).then_some(trimmed)
    }
    let digits = value.trim_end_matches(|c: char| c.is_ascii_digit());
    if !(1..=6).contains(&(value.len() - digits.len())) {
        return None;
    }
    let rest = spaces_before(digits)?;
    let rest = rest.strip_suffix(['.', ':']).unwrap_or(rest);
    let marker = MARKERS.iter().find(|m| {
        rest.len() >= m.len()
            && rest.is_char_boundary(rest.len() - m.len())
            && rest[rest.len() - m.len()..].eq_ignore_ascii_case(m)
    })?;
    let rest = &rest[..rest.len() - marker.len()];
    let rest = spaces_before(rest)?;
    let number = rest.strip_suffix(',').unwrap_or(rest);
    let last = number.chars().next_back()?;
    (!last.is_ascii_alphabetic() && !last.is_whitespace() && last != ',')
        .then(|| value.split_at(number.len()))
}

/// What a quoted local part's quotes hold (`"john doe"` → `john doe`).
fn unquoted_local_part(local: &str) -> Option<&str> {
    local.strip_prefix('"').and_then(|local| local.strip_suffix('"'))
}

/// An address split around its last at sign: `@`, the full-width `＠`, or `%40` (percent-encoded
/// in a link).
fn split_at_last_at_sign(address: &str) -> Option<(&str, &str)> {
    let (at, len) = [("@", 1), ("＠", 3), ("%40", 3)]
        .into_iter()
        .filter_map(|(sign, len)| address.rfind(sign).map(|at| (at, len)))
        .max()?;
    Some((&address[..at], &address[at + len..]))
}

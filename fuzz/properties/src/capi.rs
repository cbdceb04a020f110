//! The `capi` target: the C ABI's exports (`bindings/c`, compiled as the rlib `piimask_capi`)
//! called from Rust as a C caller would, with NULL pointers, arbitrary lengths and small buffers.

use std::ffi::{CStr, c_char};
use std::fmt;
use std::ptr::{null, null_mut};
use std::sync::OnceLock;

use piimask::{
    ErrorCode, Kind, Masker, MaskerBuilder, MaskerConfig, Match, RenderContext, Template, TemplateError,
    Values, check_message,
};
use piimask_capi::config::{
    piimask_config, piimask_config_default, piimask_config_free, piimask_config_parse,
};
use piimask_capi::error::{piimask_error, piimask_error_free};
use piimask_capi::masker::{
    piimask_find, piimask_mask, piimask_mask_alloc, piimask_mask_bytes, piimask_mask_bytes_alloc,
    piimask_masker, piimask_masker_free, piimask_masker_new, piimask_match,
};
use piimask_capi::message::{piimask_message_check, piimask_message_report, piimask_message_report_free};
use piimask_capi::status::{
    PIIMASK_BUFFER_TOO_SMALL, PIIMASK_INTERNAL, PIIMASK_INVALID_UTF8, PIIMASK_KIND_CARD, PIIMASK_KIND_EMAIL,
    PIIMASK_KIND_IBAN, PIIMASK_KIND_PHONE, PIIMASK_KIND_SSN, PIIMASK_NULL_ARGUMENT, PIIMASK_OK, piimask_kind,
    piimask_kind_name, piimask_problem_name, piimask_rank_name, piimask_status, piimask_status_name,
};
use piimask_capi::strings::piimask_string_free;
use piimask_capi::template::{
    piimask_context, piimask_context_free, piimask_context_parse, piimask_template, piimask_template_free,
    piimask_template_parse, piimask_template_render, piimask_template_variables, piimask_values,
    piimask_values_free, piimask_values_new, piimask_values_set,
};
use piimask_capi::version::{piimask_ruleset_version, piimask_version};

use crate::config::{CONFIG_BYTES, decode_config};
use crate::repro::{bytes_expr, config_expr};
use crate::{FuzzInput, Verdict, arbitrary_via_decode, ensure};

/// How many bytes come before the text in a `capi` input.
pub const CAPI_PREFIX_BYTES: usize = 1 + CONFIG_BYTES + 4;

// `nulls` bits: which pointers are NULL (or which arguments are otherwise bad).
/// The text pointer is NULL (with the text's length, so an error unless the text is empty).
const NULL_INPUT: u8 = 1;
/// The output buffer (`piimask_mask*`), the matches array (`piimask_find`) and the rendered
/// string's out-parameter (`piimask_template_render`) are NULL.
const NULL_OUTPUT: u8 = 2;
/// The required out-parameter of each call is NULL: `output_len`, `*output`, `count`,
/// `report`, `template_out`.
const NULL_OUT_PARAM: u8 = 4;
/// The `piimask_error **error` out-parameter is NULL.
const NULL_ERROR: u8 = 8;
/// The masker is NULL.
const NULL_MASKER: u8 = 16;
/// The out-parameters of the constructors are NULL, once each, before the real calls.
const NULL_CREATED: u8 = 32;
/// The text's length is over `PTRDIFF_MAX` (a pointer/length pair that cannot be memory).
const HUGE_LENGTH: u8 = 64;
/// `piimask_mask*` mask in place: the input is the start of the output buffer.
const IN_PLACE: u8 = 128;

// `sizes` bits.
/// Bits 0-2: the output buffer's capacity (see [`CapiInput::capacity`]).
const OUTPUT_CAPACITY: u8 = 0b0000_0111;
/// Bits 3-5: the matches array's capacity (see [`CapiInput::matches_capacity`]).
const MATCHES_CAPACITY: u8 = 0b0011_1000;
/// The `_alloc` calls and the renderer get a NULL `output_len` (allowed: it is optional).
const NULL_ALLOC_LEN: u8 = 64;
/// The renderer gets a NULL context (allowed).
const NULL_CONTEXT: u8 = 128;

// `tiny` bits.
/// Bits 0-3: a small number (capacities, the first value given to a template).
const SMALL: u8 = 0x0F;
/// The renderer gets NULL values (allowed).
const NULL_VALUES: u8 = 16;
/// The configuration (source 3) or template source ends early: the text is cut at the byte
/// the bits 5-7 say (a cut inside a character gives invalid UTF-8).
const CUT_TEXT: u8 = 0b1110_0000;

// `skip` bits: a set bit skips that entry point.
const SKIP_MASK: u8 = 1;
const SKIP_MASK_BYTES: u8 = 2;
const SKIP_MASK_ALLOC: u8 = 4;
const SKIP_MASK_BYTES_ALLOC: u8 = 8;
const SKIP_FIND: u8 = 16;
const SKIP_MESSAGE_CHECK: u8 = 32;
const SKIP_TEMPLATE: u8 = 64;
const SKIP_LOOK_UPS: u8 = 128;

/// What the bytes after each buffer's capacity hold, to see writes past it.
const CANARY: u8 = 0xA5;
/// How many canary bytes follow each buffer.
const CANARY_BYTES: usize = 16;
/// What an out-parameter holds before a call, to see whether the call wrote it.
const UNWRITTEN: usize = usize::MAX - 7;

/// The rendering context given to templates (unless [`NULL_CONTEXT`]): every automatic
/// variable, the customer's name being a phone number.
const CONTEXT: &str = r#"{"agent_name": "Chloé", "agent_id": "A-1042", "customer_name": "+447966197542",
    "queue_name": "Billing 2", "date": "2026-11-21T09:05", "date_format": "%d/%m/%Y %H:%M"}"#;

/// Values given to a template's variables, in turn from the one `tiny` picks (`None`: the
/// variable gets no value, so rendering reports it missing unless the context has it).
const VALUES: [Option<&[u8]>; 8] = [
    Some(b"+44 7966 197542"),
    Some(b"4111 1111 1111 1111"),
    None,
    Some(b""),
    Some(b"a <b> c"),
    Some(b"melissa@gmail.com"),
    Some(b"\xff\xfe not UTF-8"),
    Some("Chloé".as_bytes()),
];

/// Input of the `capi` target.
///
/// Layout: one byte `source` (bits 0-1, where the configuration comes from: 0
/// `piimask_config_default` when the decoded configuration is the default, else its TOML
/// form; 1 its TOML form, 2 its JSON form, both through `piimask_config_parse`; 3 the text
/// itself through `piimask_config_parse` and `piimask_context_parse`, checked against
/// `MaskerConfig::parse` and `RenderContext::parse`, then the default configuration); [`CONFIG_BYTES`] of configuration; one byte each of `nulls` (NULL
/// pointers, a length over `PTRDIFF_MAX`, masking in place), `sizes` (buffer capacities,
/// optional NULLs), `tiny` (a small number, NULL values, a cut) and `skip` (entry points
/// not called); then the text, any bytes. All zero: every entry point with valid arguments
/// and exact buffers, on the default configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct CapiInput {
    /// Where the configuration comes from (see the layout).
    pub source: u8,
    /// The configuration (possibly invalid).
    pub config: MaskerConfig,
    /// NULL pointers and bad lengths (bit flags, see the constants in `capi.rs`).
    pub nulls: u8,
    /// Buffer capacities and optional NULLs.
    pub sizes: u8,
    /// A small number, NULL values, a cut.
    pub tiny: u8,
    /// Entry points not called.
    pub skip: u8,
    /// The text: the message to mask, the template source, the configuration text.
    pub text: Vec<u8>,
}

impl CapiInput {
    /// Decodes fuzzer bytes (see the type's layout).
    pub fn decode(data: &[u8]) -> CapiInput {
        let byte = |i: usize| data.get(i).copied().unwrap_or(0);
        let config = data.get(1..data.len().min(1 + CONFIG_BYTES)).unwrap_or_default();
        CapiInput {
            source: byte(0),
            config: decode_config(config),
            nulls: byte(1 + CONFIG_BYTES),
            sizes: byte(2 + CONFIG_BYTES),
            tiny: byte(3 + CONFIG_BYTES),
            skip: byte(4 + CONFIG_BYTES),
            text: data.get(CAPI_PREFIX_BYTES..).unwrap_or_default().to_vec(),
        }
    }

    fn null(&self, flag: u8) -> bool {
        self.nulls & flag != 0
    }

    fn small(&self) -> usize {
        usize::from(self.tiny & SMALL)
    }

    /// The output buffer's capacity for an output of `needed` bytes (with its NUL) from an
    /// input of `input_len` bytes: 0, 1, small, exact, one short, a little more, what a
    /// caller sizing by the input would give, or plenty.
    fn capacity(&self, needed: usize, input_len: usize) -> usize {
        match self.sizes & OUTPUT_CAPACITY {
            0 => needed,
            1 => 0,
            2 => 1,
            3 => self.small(),
            4 => needed.saturating_sub(1),
            5 => needed + self.small(),
            6 => input_len + 1,
            _ => 2 * needed.max(input_len) + 64,
        }
    }

    /// The matches array's capacity when `found` values are found.
    fn matches_capacity(&self, found: usize) -> usize {
        match (self.sizes & MATCHES_CAPACITY) >> 3 {
            0 => found,
            1 => 0,
            2 => 1,
            3 => self.small(),
            4 => found.saturating_sub(1),
            5 => found + self.small(),
            6 => found / 2,
            _ => 64,
        }
    }

    /// The text as a pointer/length pair after the NULL and length flags, and the bytes a
    /// call may read (`None`: the pair is refused with `PIIMASK_NULL_ARGUMENT`).
    fn input_args<'t>(&self, text: &'t [u8]) -> (*const c_char, usize, Option<&'t [u8]>) {
        let pointer = if self.null(NULL_INPUT) { null() } else { text.as_ptr().cast() };
        let len = if self.null(HUGE_LENGTH) { isize::MAX as usize + 1 + text.len() } else { text.len() };
        let readable = if self.null(HUGE_LENGTH) || (self.null(NULL_INPUT) && !text.is_empty()) {
            None
        } else if self.null(NULL_INPUT) {
            Some(&text[..0])
        } else {
            Some(text)
        };
        (pointer, len, readable)
    }

    /// The text cut where the [`CUT_TEXT`] bits say (all of it when they are 0).
    fn cut_text(&self) -> &[u8] {
        let cut = usize::from((self.tiny & CUT_TEXT) >> 5);
        if cut == 0 { &self.text } else { &self.text[..self.text.len() * cut / 8] }
    }
}

impl fmt::Debug for CapiInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "use piimask_fuzz_properties::FuzzInput;")?;
        writeln!(f, "piimask_fuzz_properties::CapiInput {{")?;
        writeln!(f, "    source: {:#04x},", self.source)?;
        writeln!(f, "    config: {},", config_expr(&self.config))?;
        writeln!(f, "    nulls: {:#04x},", self.nulls)?;
        writeln!(f, "    sizes: {:#04x},", self.sizes)?;
        writeln!(f, "    tiny: {:#04x},", self.tiny)?;
        writeln!(f, "    skip: {:#04x},", self.skip)?;
        writeln!(f, "    text: {},", bytes_expr(&self.text))?;
        write!(f, "}}\n.assert();")
    }
}

impl FuzzInput for CapiInput {
    /// No call returns `PIIMASK_INTERNAL` (a panic caught at the boundary); every status is
    /// the one the header documents for the arguments given; outputs equal the core's;
    /// nothing is written past a buffer's capacity; out-parameters are set as documented on
    /// failure; errors carry the code returned and hold no text of the input; everything the ABI
    /// hands out is freed.
    fn check(&self) -> Verdict {
        let (core, masker) = self.masker()?;
        let masker_arg: *const piimask_masker =
            if self.null(NULL_MASKER) || core.is_none() { null() } else { masker.ptr };
        let core = if masker_arg.is_null() { None } else { core.as_ref() };
        if self.skip & SKIP_MASK == 0 {
            self.check_mask(core, masker_arg, false)?;
        }
        if self.skip & SKIP_MASK_BYTES == 0 {
            self.check_mask(core, masker_arg, true)?;
        }
        if self.skip & SKIP_MASK_ALLOC == 0 {
            self.check_mask_alloc(core, masker_arg, false)?;
        }
        if self.skip & SKIP_MASK_BYTES_ALLOC == 0 {
            self.check_mask_alloc(core, masker_arg, true)?;
        }
        if self.skip & SKIP_FIND == 0 {
            self.check_find(core, masker_arg)?;
        }
        if self.skip & SKIP_MESSAGE_CHECK == 0 {
            self.check_message_check(core, masker_arg)?;
        }
        if self.skip & SKIP_TEMPLATE == 0 {
            self.check_template(core, masker_arg)?;
        }
        if self.skip & SKIP_LOOK_UPS == 0 {
            self.check_look_ups()?;
        }
        Ok(())
    }
}

arbitrary_via_decode!(CapiInput);

/// A handle the C ABI gave out, freed by its `_free` function when dropped, so that a
/// failed check leaks nothing either.
struct Owned<T> {
    ptr: *mut T,
    free: unsafe extern "C" fn(*mut T),
}

impl<T> Owned<T> {
    fn new(ptr: *mut T, free: unsafe extern "C" fn(*mut T)) -> Owned<T> {
        Owned { ptr, free }
    }
}

impl<T> Drop for Owned<T> {
    fn drop(&mut self) {
        // SAFETY: `ptr` is NULL or a live handle of this type, freed only here.
        unsafe { (self.free)(self.ptr) }
    }
}

/// Takes a handle a call wrote to an out-parameter (NULL or not), or fails if it wrote none.
fn take<T>(ptr: *mut T, free: unsafe extern "C" fn(*mut T), what: &str) -> Result<Owned<T>, String> {
    ensure!(ptr != unwritten(), "{what} was not set");
    Ok(Owned::new(ptr, free))
}

/// A pointer an out-parameter holds before a call: not NULL, never dereferenced.
fn unwritten<T>() -> *mut T {
    std::ptr::dangling_mut()
}

/// What a failed call reported through its error out-parameter.
#[derive(Debug)]
struct Reported {
    message: Vec<u8>,
    byte: usize,
    character: usize,
    line: usize,
    column: usize,
    /// Each detail: its variable, byte, character.
    details: Vec<(Option<String>, usize, usize)>,
}

/// A C string as bytes (empty for NULL).
///
/// # Safety
/// `ptr` must be NULL or a live NUL-terminated string.
unsafe fn c_bytes(ptr: *const c_char) -> Vec<u8> {
    if ptr.is_null() {
        return Vec::new();
    }
    // SAFETY: the caller's guarantee.
    unsafe { CStr::from_ptr(ptr) }.to_bytes().to_vec()
}

/// A string an `_alloc` call or the renderer gave: its `written` bytes and the NUL after them
/// when the length was asked for (`written_arg` not NULL), else up to its first NUL.
///
/// # Safety
/// `ptr` must be a live NUL-terminated string; when `written_arg` is not NULL, `written`
/// bytes and a NUL.
unsafe fn allocated(ptr: *const c_char, written_arg: *const usize, written: usize) -> Vec<u8> {
    if written_arg.is_null() {
        // SAFETY: the caller's guarantee.
        unsafe { c_bytes(ptr) }
    } else {
        // SAFETY: the caller's guarantee.
        unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), written + 1) }.to_vec()
    }
}

/// What [`allocated`] must read for the output `text`: the text and its NUL, or (without
/// a length) the text up to its first NUL.
fn expected_c_string(text: &[u8], written_arg: *const usize) -> Vec<u8> {
    if written_arg.is_null() {
        text.split(|b| *b == 0).next().unwrap_or_default().to_vec()
    } else {
        [text, &[0]].concat()
    }
}

/// Whether `message` holds text of `input`: a value the core finds in it (8 bytes or more),
/// or, when it has a byte outside ASCII, the whole input (8 bytes or more).
///
/// Not the whole of any input: the messages are made of fixed ASCII text, numbers and names,
/// so an ASCII input can equal a piece of one by chance, and libFuzzer soon writes exactly
/// that (it learns the bytes compared here). What must never appear is what the input carries:
/// its sensitive values, or its text when no message could spell it by itself.
fn holds(message: &[u8], input: &[u8]) -> bool {
    static FINDER: OnceLock<Masker> = OnceLock::new();
    let contains = |part: &[u8]| part.len() >= 8 && message.windows(part.len()).any(|window| window == part);
    if !input.is_ascii() && contains(input) {
        return true;
    }
    FINDER.get_or_init(Masker::default).find_iter_bytes(input).any(|found| contains(&input[found.range()]))
}

/// The name of a status, for failure messages.
fn status_name(status: piimask_status) -> String {
    ErrorCode::from_u32(status)
        .map_or_else(|| format!("unknown status {status}"), |code| code.name().to_string())
}

/// The C number of a kind.
fn kind_number(kind: Kind) -> piimask_kind {
    match kind {
        Kind::Card => PIIMASK_KIND_CARD,
        Kind::Iban => PIIMASK_KIND_IBAN,
        Kind::Ssn => PIIMASK_KIND_SSN,
        Kind::Email => PIIMASK_KIND_EMAIL,
        Kind::Phone => PIIMASK_KIND_PHONE,
    }
}

/// The C form of `found` values in `text`, offsets converted by counting (not with the core's
/// converter).
fn c_matches(text: &str, found: impl Iterator<Item = Match>) -> Vec<piimask_match> {
    let (mut byte, mut chars, mut utf16) = (0, 0, 0);
    let mut at = |target: usize| {
        for c in text[byte..target].chars() {
            chars += 1;
            utf16 += c.len_utf16();
        }
        byte = target;
        (chars, utf16)
    };
    found
        .map(|each| {
            let (char_start, utf16_start) = at(each.start());
            let (char_end, utf16_end) = at(each.end());
            piimask_match {
                kind: kind_number(each.kind()),
                start: each.start(),
                end: each.end(),
                char_start,
                char_end,
                utf16_start,
                utf16_end,
            }
        })
        .collect()
}

impl CapiInput {
    /// Calls `body` with the error out-parameter (NULL when the input says so) and checks what
    /// every call must do: return `expected` (never `PIIMASK_INTERNAL`); set the error to NULL
    /// on success, and on failure to an error with the code returned whose messages do not
    /// hold `input`. Returns what the error reported.
    fn call(
        &self,
        name: &str,
        input: &[u8],
        expected: piimask_status,
        body: impl FnOnce(*mut *mut piimask_error) -> piimask_status,
    ) -> Result<Option<Reported>, String> {
        let mut error: *mut piimask_error = unwritten();
        let error_arg = if self.null(NULL_ERROR) { null_mut() } else { &raw mut error };
        let status = body(error_arg);
        // Taken first, so that it is freed whatever fails below.
        let error =
            (!error_arg.is_null() && error != unwritten()).then(|| Owned::new(error, piimask_error_free));
        ensure!(status != PIIMASK_INTERNAL, "{name} returned PIIMASK_INTERNAL (a panic at the boundary)");
        ensure!(
            status == expected,
            "{name} returned {}, the header says {}",
            status_name(status),
            status_name(expected)
        );
        if error_arg.is_null() {
            return Ok(None);
        }
        let Some(error) = error else { return Err(format!("{name} did not set *error")) };
        if status == PIIMASK_OK {
            ensure!(error.ptr.is_null(), "{name} succeeded but did not set *error to NULL");
            return Ok(None);
        }
        ensure!(!error.ptr.is_null(), "{name} failed but set *error to NULL");
        // SAFETY: a live error, read before it is freed.
        let reported = unsafe {
            let public = &*error.ptr;
            ensure!(public.code == status, "{name}: error code {} for status {status}", public.code);
            let mut messages = vec![c_bytes(public.message)];
            let mut details = Vec::new();
            if public.detail_count > 0 {
                for detail in std::slice::from_raw_parts(public.details, public.detail_count) {
                    messages.push(c_bytes(detail.message));
                    let variable = (!detail.variable.is_null())
                        .then(|| String::from_utf8_lossy(&c_bytes(detail.variable)).into_owned());
                    details.push((variable, detail.byte, detail.character));
                }
            }
            for message in &messages {
                ensure!(
                    !holds(message, input),
                    "{name}: the error message {:?} holds text of the input",
                    String::from_utf8_lossy(message)
                );
            }
            Reported {
                message: messages.swap_remove(0),
                byte: public.byte,
                character: public.character,
                line: public.line,
                column: public.column,
                details,
            }
        };
        ensure!(!reported.message.is_empty(), "{name}: an empty error message");
        Ok(Some(reported))
    }

    /// The masker the calls use, made through the C ABI (its configuration from where the
    /// input says), with the core's masker for the same configuration (`None` when the
    /// configuration is refused).
    fn masker(&self) -> Result<(Option<Masker>, Owned<piimask_masker>), String> {
        let mut config: *mut piimask_config = unwritten();
        let mut wanted = self.config.clone();
        let text = match self.source & 3 {
            0 if self.config == MaskerConfig::default() => None,
            0 | 1 => Some(self.config.to_toml()),
            2 => Some(self.config.to_json()),
            _ => {
                self.check_config_text()?;
                wanted = MaskerConfig::default();
                None
            }
        };
        if self.null(NULL_CREATED) {
            // SAFETY: NULL out-parameters are allowed (and refused); the error slot is valid.
            self.call("piimask_config_default", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_config_default(null_mut(), error)
            })?;
            let source = text.as_deref().unwrap_or_default();
            // SAFETY: as above; the text is readable for its length.
            self.call("piimask_config_parse", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_config_parse(source.as_ptr().cast(), source.len(), null_mut(), error)
            })?;
            let mut masker: *mut piimask_masker = unwritten();
            // SAFETY: a NULL configuration is allowed (and refused).
            self.call("piimask_masker_new", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_masker_new(null(), &raw mut masker, error)
            })?;
            ensure!(
                masker.is_null(),
                "piimask_masker_new with a NULL configuration did not set *masker to NULL"
            );
        }
        match &text {
            // SAFETY: a valid out-parameter.
            None => self.call("piimask_config_default", &[], PIIMASK_OK, |error| unsafe {
                piimask_config_default(&raw mut config, error)
            })?,
            // SAFETY: the text is readable for its length.
            Some(text) => self.call("piimask_config_parse", &[], PIIMASK_OK, |error| unsafe {
                piimask_config_parse(text.as_ptr().cast(), text.len(), &raw mut config, error)
            })?,
        };
        let config = take(config, piimask_config_free, "*config")?;
        ensure!(!config.ptr.is_null(), "no configuration was made");
        let core = MaskerBuilder::from_config(wanted).build();
        let expected = core.as_ref().map_or_else(|err| err.code() as u32, |_| PIIMASK_OK);
        if self.null(NULL_CREATED) {
            // SAFETY: a live configuration; a NULL out-parameter is allowed (and refused).
            self.call("piimask_masker_new", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_masker_new(config.ptr, null_mut(), error)
            })?;
        }
        let mut masker: *mut piimask_masker = unwritten();
        // SAFETY: a live configuration and a valid out-parameter.
        self.call("piimask_masker_new", &[], expected, |error| unsafe {
            piimask_masker_new(config.ptr, &raw mut masker, error)
        })?;
        let masker = take(masker, piimask_masker_free, "piimask_masker_new's *masker")?;
        ensure!(
            masker.ptr.is_null() == core.is_err(),
            "piimask_masker_new gave {:?} for a configuration the core {}",
            masker.ptr,
            if core.is_ok() { "accepts" } else { "refuses" }
        );
        Ok((core.ok(), masker))
    }

    /// `source` 3: the text through `piimask_config_parse` parses (or fails, with the same
    /// code, line and column) as `MaskerConfig::parse` says, and a masker from it is refused
    /// exactly when the core refuses it; the text through `piimask_context_parse` likewise.
    ///
    /// A configuration's errors may quote it (an unknown field, a mask character that is not
    /// one character: they are about the configuration, never about masked text), so they are
    /// not checked for its text; a context's are (it holds customer names).
    fn check_config_text(&self) -> Verdict {
        let text = self.cut_text();
        let (pointer, len, readable) = self.input_args(text);
        self.check_context_text(pointer, len, readable)?;
        let parsed = readable.map(|bytes| std::str::from_utf8(bytes).map(MaskerConfig::parse));
        let expected = match &parsed {
            None => PIIMASK_NULL_ARGUMENT,
            Some(Err(_)) => PIIMASK_INVALID_UTF8,
            Some(Ok(Err(err))) => err.code() as u32,
            Some(Ok(Ok(_))) => PIIMASK_OK,
        };
        let mut config: *mut piimask_config = unwritten();
        // SAFETY: the pair is readable, NULL or refused for its length; a valid out-parameter.
        let reported = self.call("piimask_config_parse", &[], expected, |error| unsafe {
            piimask_config_parse(pointer, len, &raw mut config, error)
        })?;
        let config = take(config, piimask_config_free, "piimask_config_parse's *config")?;
        ensure!(
            config.ptr.is_null() == (expected != PIIMASK_OK),
            "piimask_config_parse returned {} and *config {:?}",
            status_name(expected),
            config.ptr
        );
        if let (Some(reported), Some(Ok(Err(piimask::ConfigError::Syntax { line, column, .. })))) =
            (&reported, &parsed)
        {
            ensure!(
                (reported.line, reported.column) == (*line, *column),
                "config syntax error at {}:{}, the core says {line}:{column}",
                reported.line,
                reported.column
            );
        }
        if let (Some(reported), Some(Err(err)), PIIMASK_INVALID_UTF8) = (&reported, &parsed, expected) {
            self.check_utf8_position("piimask_config_parse", text, err.valid_up_to(), reported)?;
        }
        if let Some(Ok(Ok(parsed))) = parsed {
            let expected = MaskerBuilder::from_config(parsed).build().map_or_else(|e| e.code() as u32, |_| 0);
            let mut masker: *mut piimask_masker = unwritten();
            // SAFETY: a live configuration and a valid out-parameter.
            self.call("piimask_masker_new", text, expected, |error| unsafe {
                piimask_masker_new(config.ptr, &raw mut masker, error)
            })?;
            let masker = take(masker, piimask_masker_free, "piimask_masker_new's *masker")?;
            ensure!(
                masker.ptr.is_null() == (expected != PIIMASK_OK),
                "piimask_masker_new: *masker {:?}",
                masker.ptr
            );
        }
        Ok(())
    }

    /// The text (as the pointer/length pair given) through `piimask_context_parse`: the status
    /// and syntax position `RenderContext::parse` gives, `*context` NULL on failure.
    fn check_context_text(&self, pointer: *const c_char, len: usize, readable: Option<&[u8]>) -> Verdict {
        let name = "piimask_context_parse";
        let text = readable.unwrap_or_default();
        let parsed = readable.map(|bytes| std::str::from_utf8(bytes).map(RenderContext::parse));
        let expected = match &parsed {
            None => PIIMASK_NULL_ARGUMENT,
            Some(Err(_)) => PIIMASK_INVALID_UTF8,
            Some(Ok(Err(err))) => err.code() as u32,
            Some(Ok(Ok(_))) => PIIMASK_OK,
        };
        let mut context: *mut piimask_context = unwritten();
        // SAFETY: the pair is readable, NULL or refused for its length; a valid out-parameter.
        let reported = self.call(name, text, expected, |error| unsafe {
            piimask_context_parse(pointer, len, &raw mut context, error)
        })?;
        let context = take(context, piimask_context_free, "piimask_context_parse's *context")?;
        ensure!(
            context.ptr.is_null() == (expected != PIIMASK_OK),
            "{name} returned {} and *context {:?}",
            status_name(expected),
            context.ptr
        );
        match (&reported, &parsed) {
            (Some(reported), Some(Err(err))) => {
                self.check_utf8_position(name, text, err.valid_up_to(), reported)?
            }
            (Some(reported), Some(Ok(Err(TemplateError::ContextSyntax { line, column, .. })))) => ensure!(
                (reported.line, reported.column) == (*line, *column),
                "context syntax error at {}:{}, the core says {line}:{column}",
                reported.line,
                reported.column
            ),
            (Some(reported), Some(Ok(Err(TemplateError::DateFormat { byte, char })))) => ensure!(
                (reported.byte, reported.character) == (*byte, *char),
                "date format error at byte {} (character {}), the core says {byte} ({char})",
                reported.byte,
                reported.character
            ),
            _ => {}
        }
        Ok(())
    }

    /// An `INVALID_UTF8` error's byte and character offsets.
    fn check_utf8_position(
        &self,
        name: &str,
        text: &[u8],
        valid_up_to: usize,
        reported: &Reported,
    ) -> Verdict {
        let characters = std::str::from_utf8(&text[..valid_up_to]).map_or(0, |valid| valid.chars().count());
        ensure!(
            (reported.byte, reported.character) == (valid_up_to, characters),
            "{name}: invalid UTF-8 reported at byte {} (character {}), it is at byte {valid_up_to} (character {characters})",
            reported.byte,
            reported.character
        );
        Ok(())
    }

    /// `piimask_mask` (`bytes` false) or `piimask_mask_bytes` into a caller buffer.
    fn check_mask(&self, core: Option<&Masker>, masker: *const piimask_masker, bytes: bool) -> Verdict {
        let name = if bytes { "piimask_mask_bytes" } else { "piimask_mask" };
        let text = self.text.as_slice();
        let (mut pointer, len, readable) = self.input_args(text);
        let utf8 = readable.map(std::str::from_utf8);
        // The masked text when the call can succeed.
        let masked: Option<Vec<u8>> = match (core, readable, &utf8) {
            (Some(core), Some(readable), _) if bytes => Some(core.mask_bytes(readable).into_owned()),
            (Some(core), _, Some(Ok(valid))) => Some(core.mask(valid).as_bytes().to_vec()),
            _ => None,
        };
        let needed = masked.as_ref().map_or(text.len(), Vec::len) + 1;
        let capacity = self.capacity(needed, text.len());
        let null_output = self.null(NULL_OUTPUT);
        let null_len = self.null(NULL_OUT_PARAM);
        let in_place = self.null(IN_PLACE) && !null_output && readable.is_some() && !self.null(NULL_INPUT);
        let size = if in_place { capacity.max(text.len()) } else { capacity };
        let mut buffer = vec![CANARY; size + CANARY_BYTES];
        if in_place {
            buffer[..text.len()].copy_from_slice(text);
        }
        let before = buffer.clone();
        let base = buffer.as_mut_ptr();
        if in_place {
            pointer = base.cast_const().cast();
        }
        let output = if null_output { null_mut() } else { base.cast::<c_char>() };
        let mut written = UNWRITTEN;
        let written_arg = if null_len { null_mut() } else { &raw mut written };
        let expected = if masker.is_null() || null_len || (null_output && capacity > 0) || readable.is_none()
        {
            PIIMASK_NULL_ARGUMENT
        } else if masked.is_none() {
            PIIMASK_INVALID_UTF8
        } else if needed > capacity {
            PIIMASK_BUFFER_TOO_SMALL
        } else {
            PIIMASK_OK
        };
        let call = if bytes { piimask_mask_bytes } else { piimask_mask };
        // SAFETY: the input pair is readable, NULL or refused for its length (in place it lies
        // in the buffer); `output` is NULL or has `capacity` writable bytes; `written_arg` is
        // NULL or writable.
        let reported = self.call(name, text, expected, |error| unsafe {
            call(masker, pointer, len, output, capacity, written_arg, error)
        })?;
        let limit = if null_output { 0 } else { capacity };
        ensure!(buffer[limit..] == before[limit..], "{name} wrote past the capacity of {capacity} bytes");
        let masked_len = masked.as_ref().map_or(0, Vec::len);
        match expected {
            PIIMASK_OK => {
                let masked = masked.unwrap_or_default();
                ensure!(written == masked.len(), "{name}: *output_len {written}, masked {}", masked.len());
                ensure!(
                    buffer[..masked.len()] == masked[..] && buffer[masked.len()] == 0,
                    "{name} wrote {:?}, the core masks to {:?}",
                    String::from_utf8_lossy(&buffer[..capacity.min(buffer.len())]),
                    String::from_utf8_lossy(&masked)
                );
            }
            PIIMASK_BUFFER_TOO_SMALL => {
                ensure!(
                    written == masked_len,
                    "{name}: buffer too small, *output_len {written}, needed {masked_len}"
                );
                ensure!(capacity == 0 || buffer[0] == 0, "{name}: buffer too small, but output is not empty");
            }
            _ => {
                ensure!(null_len || written == 0, "{name} failed but *output_len is {written}, not 0");
                ensure!(
                    null_output || capacity == 0 || buffer[0] == 0,
                    "{name} failed but output does not hold the empty string"
                );
            }
        }
        if let (Some(reported), Some(Err(err)), PIIMASK_INVALID_UTF8) = (&reported, &utf8, expected) {
            self.check_utf8_position(name, text, err.valid_up_to(), reported)?;
        }
        Ok(())
    }

    /// `piimask_mask_alloc` (`bytes` false) or `piimask_mask_bytes_alloc`.
    fn check_mask_alloc(&self, core: Option<&Masker>, masker: *const piimask_masker, bytes: bool) -> Verdict {
        let name = if bytes { "piimask_mask_bytes_alloc" } else { "piimask_mask_alloc" };
        let text = self.text.as_slice();
        let (pointer, len, readable) = self.input_args(text);
        let utf8 = readable.map(std::str::from_utf8);
        let masked: Option<Vec<u8>> = match (core, readable, &utf8) {
            (Some(core), Some(readable), _) if bytes => Some(core.mask_bytes(readable).into_owned()),
            (Some(core), _, Some(Ok(valid))) => Some(core.mask(valid).as_bytes().to_vec()),
            _ => None,
        };
        let null_output = self.null(NULL_OUT_PARAM);
        let mut output: *mut c_char = unwritten();
        let output_arg = if null_output { null_mut() } else { &raw mut output };
        let mut written = UNWRITTEN;
        let written_arg = if self.sizes & NULL_ALLOC_LEN != 0 { null_mut() } else { &raw mut written };
        let expected = if masker.is_null() || null_output || readable.is_none() {
            PIIMASK_NULL_ARGUMENT
        } else if masked.is_none() {
            PIIMASK_INVALID_UTF8
        } else {
            PIIMASK_OK
        };
        let call = if bytes { piimask_mask_bytes_alloc } else { piimask_mask_alloc };
        // SAFETY: the input pair is readable, NULL or refused; out-parameters NULL or writable.
        let reported = self.call(name, text, expected, |error| unsafe {
            call(masker, pointer, len, output_arg, written_arg, error)
        })?;
        if null_output {
            return Ok(());
        }
        let output = take(output, piimask_string_free, &format!("{name}'s *output"))?;
        if expected != PIIMASK_OK {
            ensure!(output.ptr.is_null(), "{name} failed but *output is not NULL");
            if let (Some(reported), Some(Err(err)), PIIMASK_INVALID_UTF8) = (&reported, &utf8, expected) {
                self.check_utf8_position(name, text, err.valid_up_to(), reported)?;
            }
            return Ok(());
        }
        let masked = masked.unwrap_or_default();
        ensure!(!output.ptr.is_null(), "{name} succeeded with *output NULL");
        ensure!(
            written_arg.is_null() || written == masked.len(),
            "{name}: *output_len {written}, masked {}",
            masked.len()
        );
        // SAFETY: a live string of `written` bytes (when reported) and a NUL.
        let got = unsafe { allocated(output.ptr, written_arg, written) };
        ensure!(
            got == expected_c_string(&masked, written_arg),
            "{name} gave {:?}, the core masks to {:?}",
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&masked)
        );
        Ok(())
    }

    /// `piimask_find`: the core's redactions, with character and UTF-16 offsets.
    fn check_find(&self, core: Option<&Masker>, masker: *const piimask_masker) -> Verdict {
        let name = "piimask_find";
        let text = self.text.as_slice();
        let (pointer, len, readable) = self.input_args(text);
        let utf8 = readable.map(std::str::from_utf8);
        let found: Option<Vec<piimask_match>> = match (core, &utf8) {
            (Some(core), Some(Ok(valid))) => Some(c_matches(
                valid,
                core.redactions(valid).iter().map(|found| Match::new(found.kind(), found.span())),
            )),
            _ => None,
        };
        let count = found.as_ref().map_or(0, Vec::len);
        let capacity = self.matches_capacity(count);
        let unset = piimask_match {
            kind: u32::MAX,
            start: UNWRITTEN,
            end: UNWRITTEN,
            char_start: UNWRITTEN,
            char_end: UNWRITTEN,
            utf16_start: UNWRITTEN,
            utf16_end: UNWRITTEN,
        };
        let mut matches = vec![unset; capacity + 2];
        let null_matches = self.null(NULL_OUTPUT);
        let matches_arg = if null_matches { null_mut() } else { matches.as_mut_ptr() };
        let null_count = self.null(NULL_OUT_PARAM);
        let mut counted = UNWRITTEN;
        let count_arg = if null_count { null_mut() } else { &raw mut counted };
        let expected =
            if masker.is_null() || null_count || (null_matches && capacity > 0) || readable.is_none() {
                PIIMASK_NULL_ARGUMENT
            } else if found.is_none() {
                PIIMASK_INVALID_UTF8
            } else if count > capacity {
                PIIMASK_BUFFER_TOO_SMALL
            } else {
                PIIMASK_OK
            };
        // SAFETY: the input pair is readable, NULL or refused; `matches_arg` NULL or
        // `capacity` writable entries; `count_arg` NULL or writable.
        let reported = self.call(name, text, expected, |error| unsafe {
            piimask_find(masker, pointer, len, matches_arg, capacity, count_arg, error)
        })?;
        let written = match expected {
            PIIMASK_OK | PIIMASK_BUFFER_TOO_SMALL => {
                ensure!(counted == count, "{name}: *count {counted}, the core finds {count}");
                count.min(capacity)
            }
            _ => 0,
        };
        if expected == PIIMASK_INVALID_UTF8 {
            ensure!(counted == 0, "{name}: invalid UTF-8 but *count is {counted}, not 0");
        }
        let found = found.unwrap_or_default();
        ensure!(
            matches[..written] == found[..written],
            "{name} gave {:?}, the core finds {:?}",
            &matches[..written],
            &found[..written]
        );
        ensure!(
            matches[written..].iter().all(|entry| *entry == unset),
            "{name} wrote past the {written} matches it reported (capacity {capacity})"
        );
        if let (Some(reported), Some(Err(err)), PIIMASK_INVALID_UTF8) = (&reported, &utf8, expected) {
            self.check_utf8_position(name, text, err.valid_up_to(), reported)?;
        }
        Ok(())
    }

    /// `piimask_message_check`: the core's report.
    fn check_message_check(&self, core: Option<&Masker>, masker: *const piimask_masker) -> Verdict {
        let name = "piimask_message_check";
        let text = self.text.as_slice();
        let (pointer, len, readable) = self.input_args(text);
        let utf8 = readable.map(std::str::from_utf8);
        let null_report = self.null(NULL_OUT_PARAM);
        let mut report: *mut piimask_message_report = unwritten();
        let report_arg = if null_report { null_mut() } else { &raw mut report };
        let expected = if masker.is_null() || null_report || readable.is_none() {
            PIIMASK_NULL_ARGUMENT
        } else if !matches!(utf8, Some(Ok(_))) {
            PIIMASK_INVALID_UTF8
        } else {
            PIIMASK_OK
        };
        // SAFETY: the input pair is readable, NULL or refused; `report_arg` NULL or writable.
        let reported = self.call(name, text, expected, |error| unsafe {
            piimask_message_check(masker, pointer, len, report_arg, error)
        })?;
        if let (Some(reported), Some(Err(err)), PIIMASK_INVALID_UTF8) = (&reported, &utf8, expected) {
            self.check_utf8_position(name, text, err.valid_up_to(), reported)?;
        }
        if null_report {
            return Ok(());
        }
        let report = take(report, piimask_message_report_free, "piimask_message_check's *report")?;
        let (Some(core), Some(Ok(valid))) = (core, utf8) else {
            ensure!(report.ptr.is_null(), "{name} failed but *report is not NULL");
            return Ok(());
        };
        ensure!(!report.ptr.is_null(), "{name} succeeded with *report NULL");
        let want = check_message(valid, core);
        // SAFETY: a live report; its arrays hold their counts of entries.
        let (public, problems, pii) = unsafe {
            let public = &*report.ptr;
            let problems = if public.problem_count == 0 {
                &[][..]
            } else {
                std::slice::from_raw_parts(public.problems, public.problem_count)
            };
            let pii = if public.pii_count == 0 {
                &[][..]
            } else {
                std::slice::from_raw_parts(public.pii, public.pii_count)
            };
            (public, problems, pii)
        };
        ensure!(
            public.chars == want.chars,
            "{name}: {} characters, the core counts {}",
            public.chars,
            want.chars
        );
        ensure!(public.sendable == want.is_sendable(), "{name}: sendable {}", public.sendable);
        ensure!(
            public.problems.is_null() == problems.is_empty() && public.pii.is_null() == pii.is_empty(),
            "{name}: an empty array that is not NULL, or the reverse"
        );
        ensure!(
            problems.len() == want.problems.len(),
            "{name}: {} problems, the core finds {:?}",
            problems.len(),
            want.problems
        );
        for (got, want) in problems.iter().zip(&want.problems) {
            // SAFETY: the report's strings live as long as it.
            let message = unsafe { c_bytes(got.message) };
            ensure!(
                (got.byte, got.character) == (want.byte(), want.char())
                    && message == want.to_string().as_bytes()
                    && problem_name_is(got.problem, want.code()),
                "{name}: problem at byte {} (character {}), the core says {want:?}",
                got.byte,
                got.character
            );
            ensure!(!holds(&message, text), "{name}: a problem message holds text of the input");
        }
        let expected_pii =
            c_matches(valid, want.pii.iter().map(|finding| Match::new(finding.kind, finding.span)));
        ensure!(pii == expected_pii, "{name}: PII {pii:?}, the core finds {expected_pii:?}");
        Ok(())
    }

    /// `piimask_template_parse`, `_variables`, `piimask_values_*`, `piimask_context_parse`
    /// and `piimask_template_render`, on the text as a template source.
    fn check_template(&self, core: Option<&Masker>, masker: *const piimask_masker) -> Verdict {
        let source = self.cut_text();
        let (pointer, len, readable) = self.input_args(source);
        let utf8 = readable.map(std::str::from_utf8);
        let parsed = match &utf8 {
            Some(Ok(valid)) => Some(Template::parse(valid)),
            _ => None,
        };
        let null_out = self.null(NULL_OUT_PARAM);
        let expected = match (&utf8, &parsed) {
            _ if null_out || readable.is_none() => PIIMASK_NULL_ARGUMENT,
            (_, Some(Err(err))) => err.code() as u32,
            (_, Some(Ok(_))) => PIIMASK_OK,
            _ => PIIMASK_INVALID_UTF8,
        };
        let mut template: *mut piimask_template = unwritten();
        let template_arg = if null_out { null_mut() } else { &raw mut template };
        // SAFETY: the source pair is readable, NULL or refused; `template_arg` NULL or writable.
        let reported = self.call("piimask_template_parse", source, expected, |error| unsafe {
            piimask_template_parse(pointer, len, template_arg, error)
        })?;
        if null_out {
            return Ok(());
        }
        let template = take(template, piimask_template_free, "piimask_template_parse's *template_out")?;
        if let Some(reported) = &reported {
            match (&utf8, &parsed) {
                (Some(Err(err)), _) => {
                    self.check_utf8_position("piimask_template_parse", source, err.valid_up_to(), reported)?;
                }
                (_, Some(Err(err))) => {
                    let (byte, character) = err.syntax_position().unwrap_or((usize::MAX, usize::MAX));
                    ensure!(
                        (reported.byte, reported.character) == (byte, character),
                        "template error at byte {} (character {}), the core says {err:?}",
                        reported.byte,
                        reported.character
                    );
                }
                _ => {}
            }
        }
        let Some(Ok(parsed)) = parsed else {
            ensure!(template.ptr.is_null(), "piimask_template_parse failed but *template_out is not NULL");
            return Ok(());
        };
        ensure!(!template.ptr.is_null(), "piimask_template_parse succeeded with *template_out NULL");

        let mut names: *const *const c_char = unwritten();
        let mut count = UNWRITTEN;
        // SAFETY: a live template and valid out-parameters.
        self.call("piimask_template_variables", source, PIIMASK_OK, |error| unsafe {
            piimask_template_variables(template.ptr, &raw mut names, &raw mut count, error)
        })?;
        let variables: Vec<&str> = parsed.variables().collect();
        ensure!(count == variables.len(), "{count} variables, the core finds {variables:?}");
        // SAFETY: `count` names owned by the template.
        let names: Vec<Vec<u8>> = if count == 0 {
            Vec::new()
        } else {
            unsafe { std::slice::from_raw_parts(names, count) }
                .iter()
                .map(|name| unsafe { c_bytes(*name) })
                .collect()
        };
        ensure!(
            names.iter().zip(&variables).all(|(got, want)| got == want.as_bytes()),
            "variables {names:?}, the core finds {variables:?}"
        );

        let (values, core_values) = self.values(&variables)?;
        let (context, core_context) = self.context()?;
        let null_output = self.null(NULL_OUTPUT);
        let mut output: *mut c_char = unwritten();
        let output_arg = if null_output { null_mut() } else { &raw mut output };
        let mut written = UNWRITTEN;
        let written_arg = if self.sizes & NULL_ALLOC_LEN != 0 { null_mut() } else { &raw mut written };
        let rendered = core.map(|core| parsed.render(&core_values, &core_context, core));
        let expected = match &rendered {
            _ if null_output => PIIMASK_NULL_ARGUMENT,
            None => PIIMASK_NULL_ARGUMENT,
            Some(Ok(_)) => PIIMASK_OK,
            Some(Err(err)) => err.code() as u32,
        };
        // SAFETY: live template, values, context (or NULL) and masker (or NULL); out-parameters
        // NULL or writable.
        let reported = self.call("piimask_template_render", source, expected, |error| unsafe {
            piimask_template_render(
                template.ptr,
                values.ptr,
                context.ptr,
                masker,
                output_arg,
                written_arg,
                error,
            )
        })?;
        if null_output {
            return Ok(());
        }
        let output = take(output, piimask_string_free, "piimask_template_render's *output")?;
        match rendered {
            Some(Ok(rendered)) => {
                ensure!(!output.ptr.is_null(), "piimask_template_render succeeded with *output NULL");
                ensure!(
                    written_arg.is_null() || written == rendered.len(),
                    "piimask_template_render: *output_len {written}, rendered {}",
                    rendered.len()
                );
                // SAFETY: a live string of `written` bytes (when reported) and a NUL.
                let got = unsafe { allocated(output.ptr, written_arg, written) };
                ensure!(
                    got == expected_c_string(rendered.as_bytes(), written_arg),
                    "rendered {:?} ({written} bytes), the core renders {rendered:?}",
                    String::from_utf8_lossy(&got)
                );
            }
            Some(Err(err)) => {
                ensure!(output.ptr.is_null(), "piimask_template_render failed but *output is not NULL");
                let want: Vec<(Option<String>, usize, usize)> = match err {
                    TemplateError::MissingVariables { names } => {
                        names.into_iter().map(|name| (Some(name), usize::MAX, usize::MAX)).collect()
                    }
                    TemplateError::ReservedInValue { values } => values
                        .into_iter()
                        .map(|value| (Some(value.variable), value.byte, value.char))
                        .collect(),
                    _ => Vec::new(),
                };
                if let Some(reported) = reported {
                    ensure!(
                        reported.details == want,
                        "render error details {:?}, the core says {want:?}",
                        reported.details
                    );
                }
            }
            None => ensure!(output.ptr.is_null(), "piimask_template_render failed but *output is not NULL"),
        }
        Ok(())
    }

    /// The values given to a template (NULL when the input says so), through
    /// `piimask_values_new` and `piimask_values_set`, with the core's.
    fn values(&self, variables: &[&str]) -> Result<(Owned<piimask_values>, Values), String> {
        let mut core = Values::new();
        if self.null(NULL_CREATED) {
            // SAFETY: a NULL out-parameter is allowed (and refused).
            self.call("piimask_values_new", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_values_new(null_mut(), error)
            })?;
            // SAFETY: NULL values are allowed (and refused); the name is readable.
            self.call("piimask_values_set", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_values_set(null_mut(), c"a".as_ptr(), 1, null(), 0, error)
            })?;
        }
        if self.tiny & NULL_VALUES != 0 {
            return Ok((Owned::new(null_mut(), piimask_values_free), core));
        }
        let mut values: *mut piimask_values = unwritten();
        // SAFETY: a valid out-parameter.
        self.call("piimask_values_new", &[], PIIMASK_OK, |error| unsafe {
            piimask_values_new(&raw mut values, error)
        })?;
        let values = take(values, piimask_values_free, "piimask_values_new's *values")?;
        for (i, name) in variables.iter().enumerate() {
            let Some(value) = VALUES[(self.small() + i) % VALUES.len()] else { continue };
            let valid = std::str::from_utf8(value);
            let expected = if valid.is_ok() { PIIMASK_OK } else { PIIMASK_INVALID_UTF8 };
            // SAFETY: live values; name and value readable for their lengths.
            self.call("piimask_values_set", value, expected, |error| unsafe {
                piimask_values_set(
                    values.ptr,
                    name.as_ptr().cast(),
                    name.len(),
                    value.as_ptr().cast(),
                    value.len(),
                    error,
                )
            })?;
            if let Ok(value) = valid {
                core.insert(*name, value);
            }
        }
        Ok((values, core))
    }

    /// The rendering context (NULL when the input says so) through `piimask_context_parse`,
    /// with the core's.
    fn context(&self) -> Result<(Owned<piimask_context>, RenderContext), String> {
        if self.null(NULL_CREATED) {
            // SAFETY: a NULL out-parameter is allowed (and refused).
            self.call("piimask_context_parse", &[], PIIMASK_NULL_ARGUMENT, |error| unsafe {
                piimask_context_parse(null(), 0, null_mut(), error)
            })?;
        }
        if self.sizes & NULL_CONTEXT != 0 {
            return Ok((Owned::new(null_mut(), piimask_context_free), RenderContext::default()));
        }
        let core = RenderContext::parse(CONTEXT).map_err(|err| format!("the fixed context: {err}"))?;
        let mut context: *mut piimask_context = unwritten();
        // SAFETY: the text is readable; a valid out-parameter.
        self.call("piimask_context_parse", &[], PIIMASK_OK, |error| unsafe {
            piimask_context_parse(CONTEXT.as_ptr().cast(), CONTEXT.len(), &raw mut context, error)
        })?;
        Ok((take(context, piimask_context_free, "piimask_context_parse's *context")?, core))
    }

    /// The look-ups on numbers taken from the text: a name exactly for the numbers that are
    /// statuses, kinds, ranks or problems; the versions.
    fn check_look_ups(&self) -> Verdict {
        // SAFETY: NULL or static NUL-terminated strings.
        let name = |ptr: *const c_char| (!ptr.is_null()).then(|| unsafe { c_bytes(ptr) });
        ensure!(
            name(piimask_version()).as_deref() == Some(env!("CARGO_PKG_VERSION").as_bytes()),
            "piimask_version differs from the crate version"
        );
        ensure!(name(piimask_ruleset_version()).is_some_and(|v| !v.is_empty()), "no ruleset version");
        let numbers =
            self.text.iter().take(8).map(|b| u32::from(*b)).chain(
                self.text.chunks_exact(4).take(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            );
        for number in numbers {
            let want = ErrorCode::from_u32(number).map(|code| code.name().as_bytes().to_vec());
            ensure!(name(piimask_status_name(number)) == want, "piimask_status_name({number})");
            let want = Kind::ALL
                .iter()
                .find(|kind| kind_number(**kind) == number)
                .map(|k| k.name().as_bytes().to_vec());
            ensure!(name(piimask_kind_name(number)) == want, "piimask_kind_name({number})");
            ensure!(name(piimask_rank_name(number)).is_some() == (number < 4), "piimask_rank_name({number})");
            ensure!(
                name(piimask_problem_name(number)).is_some() == (number < 2),
                "piimask_problem_name({number})"
            );
        }
        Ok(())
    }
}

/// Whether `piimask_problem_name(problem)` is `code`.
fn problem_name_is(problem: u32, code: &str) -> bool {
    let ptr = piimask_problem_name(problem);
    // SAFETY: NULL or a static NUL-terminated string.
    !ptr.is_null() && unsafe { c_bytes(ptr) } == code.as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reads_the_layout() {
        let data = [[2].as_slice(), &[0; CONFIG_BYTES], &[0x11, 0x22, 0x33, 0x44], b"text"].concat();
        let input = CapiInput::decode(&data);
        assert_eq!(
            (input.source, input.nulls, input.sizes, input.tiny, input.skip),
            (2, 0x11, 0x22, 0x33, 0x44)
        );
        assert_eq!(input.config, MaskerConfig::default());
        assert_eq!(input.text, b"text");
        assert_eq!(CapiInput::decode(&[]), CapiInput::decode(&[0; CAPI_PREFIX_BYTES]));
    }

    /// Every combination of NULL flags, with buffers from empty to plenty, on text with
    /// values, invalid UTF-8, nothing, and a template.
    #[test]
    fn every_null_flag_on_a_few_texts() {
        let texts: [&[u8]; 4] = [
            b"card 4111 1111 1111 1111, tel +44 7966 197542",
            b"\xff 4111111111111111",
            b"",
            b"Hi <customer.name>",
        ];
        for text in texts {
            for nulls in 0..=255u8 {
                for sizes in [0, 1, 2, 4, 7, 0x28, 0xC6] {
                    let input = CapiInput {
                        source: nulls % 4,
                        config: MaskerConfig::default(),
                        nulls,
                        sizes,
                        tiny: 0,
                        skip: 0,
                        text: text.to_vec(),
                    };
                    if let Err(failure) = input.check() {
                        panic!("{failure}\n{input:?}");
                    }
                }
            }
        }
    }
}

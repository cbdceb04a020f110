//! Quick-reply templates: `piimask_template` (text with `<name>` parameters), the values and
//! the rendering context that fill them, and `piimask_template_render`, which masks every
//! sensitive value a substitution brings in (the rules are the core's).

use std::ffi::{CString, c_char};

use piimask_core::{RenderContext, Template, Values};

use crate::boundary;
use crate::error::piimask_error;
use crate::masker::{alloc_out, give_string, piimask_masker};
use crate::status::piimask_status;
use crate::strings::c_string;

/// A parsed template (opaque): text with `<name>` parameters (`<customer.name>`). Immutable:
/// any number of threads may render it at once. Free it with `piimask_template_free()`
/// (a template that belongs to a library is freed with the library).
#[derive(Debug)]
pub struct piimask_template {
    template: Template,
    /// The variable names as C strings, in order of first use.
    names: Box<[CString]>,
    /// Pointers to `names`, the array `piimask_template_variables` hands out.
    name_pointers: Box<[*const c_char]>,
}

impl piimask_template {
    /// Wraps a parsed template with the C view of its variables.
    pub(crate) fn new(template: Template) -> piimask_template {
        let names: Box<[CString]> = template.variables().map(c_string).collect();
        let name_pointers = names.iter().map(|name| name.as_ptr()).collect();
        piimask_template { template, names, name_pointers }
    }
}

/// Values for a template's variables (opaque), by name. Not synchronised: fill it from one
/// thread; once filled, any number of threads may render with it at once. Free it with
/// `piimask_values_free()`.
#[derive(Debug, Default)]
pub struct piimask_values {
    values: Values,
}

/// A rendering context (opaque): the automatic variables (`agent.name`, `agent.id`,
/// `customer.name`, `queue.name`, `date`) and the variables safe by construction. Immutable:
/// any number of threads may use it at once. Free it with `piimask_context_free()`.
#[derive(Debug, Default)]
pub struct piimask_context {
    context: RenderContext,
}

/// Parses a template. A parameter is `<name>`, the name an ASCII identifier or several joined
/// by dots; `<` and `>` appear nowhere else. Fails with `PIIMASK_TEMPLATE_SYNTAX` (the
/// error's `byte` and `character` locate the fault) or `PIIMASK_INVALID_UTF8`; on failure
/// `*template_out` is NULL.
///
/// # Safety
/// `source` must be NULL (with `source_len` 0) or `source_len` readable bytes;
/// `template_out` and `error` NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_template_parse(
    source: *const c_char,
    source_len: usize,
    template_out: *mut *mut piimask_template,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let out = boundary::out(template_out, "template_out")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { out.write(std::ptr::null_mut()) };
        // SAFETY: the caller guarantees `source_len` readable bytes.
        let source = unsafe { boundary::text(source, source_len, "source") }?;
        let made = piimask_template::new(Template::parse(source)?);
        // SAFETY: as above.
        unsafe { out.write(Box::into_raw(Box::new(made))) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees a template made by `piimask_template_parse()`. `NULL` is ignored. Never pass the
/// body of a library's text block.
///
/// # Safety
/// `template` must be NULL or a template from `piimask_template_parse()`, not freed yet and
/// no longer in use by another thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_template_free(template: *mut piimask_template) {
    boundary::guard((), || {
        if !template.is_null() {
            // SAFETY: made by `Box::into_raw` in `piimask_template_parse`.
            drop(unsafe { Box::from_raw(template) });
        }
    })
}

/// The template's variables, each once, in order of first use: sets `*names` to an array of
/// `*count` NUL-terminated names owned by the template (valid until it is freed).
///
/// # Safety
/// `template` must be NULL or a live template; `names`, `count` and `error` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_template_variables(
    template: *const piimask_template,
    names: *mut *const *const c_char,
    count: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // SAFETY: the caller's guarantees, checked for NULL here.
        let template = unsafe { boundary::handle(template, "template") }?;
        let names = boundary::out(names, "names")?;
        let count = boundary::out(count, "count")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe {
            names.write(template.name_pointers.as_ptr());
            count.write(template.names.len());
        }
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Makes an empty set of values.
///
/// # Safety
/// `values` and `error` must be NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_values_new(
    values: *mut *mut piimask_values,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let values = boundary::out(values, "values")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { values.write(Box::into_raw(Box::default())) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Sets the value of variable `name` (replacing any earlier one). Values override the
/// context's automatic values; a value holding `<` or `>` makes rendering fail. Both must
/// be UTF-8 (`PIIMASK_INVALID_UTF8` otherwise).
///
/// # Safety
/// `values` must be NULL or live values not used by another thread during the call; `name`
/// and `value` NULL (with length 0) or readable for their lengths; `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_values_set(
    values: *mut piimask_values,
    name: *const c_char,
    name_len: usize,
    value: *const c_char,
    value_len: usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // SAFETY: the caller guarantees exclusive use of live values during the call.
        let values =
            unsafe { values.as_mut() }.ok_or(crate::error::Failure::NullArgument { argument: "values" })?;
        // SAFETY: the caller guarantees the lengths.
        let name = unsafe { boundary::text(name, name_len, "name") }?;
        // SAFETY: as above.
        let value = unsafe { boundary::text(value, value_len, "value") }?;
        values.values.insert(name, value);
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees values. `NULL` is ignored.
///
/// # Safety
/// `values` must be NULL or values from this library, not freed yet and not in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_values_free(values: *mut piimask_values) {
    boundary::guard((), || {
        if !values.is_null() {
            // SAFETY: made by `Box::into_raw` in `piimask_values_new`.
            drop(unsafe { Box::from_raw(values) });
        }
    })
}

/// Parses a rendering context in its TOML or JSON form (JSON when the first non-blank
/// character is `{`); every field is optional, unknown fields are errors, and an empty
/// text is the empty context:
///
/// ```json
/// {"agent_name": "Chloé", "agent_id": "A-1042", "customer_name": "Ana", "queue_name": "Billing",
///  "date": "2026-11-21T09:05", "date_format": "%d/%m/%Y", "unmasked_variables": ["agent.id"]}
/// ```
///
/// Fails with `PIIMASK_TEMPLATE_CONTEXT` (naming the field, never its value) or
/// `PIIMASK_INVALID_UTF8`; on failure `*context` is NULL. Per-message values such as a
/// customer's name can also be passed as `piimask_values` (they override the context).
///
/// # Safety
/// `text` must be NULL (with `text_len` 0) or `text_len` readable bytes; `context` and
/// `error` NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_context_parse(
    text: *const c_char,
    text_len: usize,
    context: *mut *mut piimask_context,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let context = boundary::out(context, "context")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { context.write(std::ptr::null_mut()) };
        // SAFETY: the caller guarantees `text_len` readable bytes.
        let text = unsafe { boundary::text(text, text_len, "text") }?;
        let made = piimask_context { context: RenderContext::parse(text)? };
        // SAFETY: as above.
        unsafe { context.write(Box::into_raw(Box::new(made))) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees a context. `NULL` is ignored.
///
/// # Safety
/// `context` must be NULL or a context from this library, not freed yet and not in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_context_free(context: *mut piimask_context) {
    boundary::guard((), || {
        if !context.is_null() {
            // SAFETY: made by `Box::into_raw` in `piimask_context_parse`.
            drop(unsafe { Box::from_raw(context) });
        }
    })
}

/// Renders a template: each variable takes its value from `values`, else from `context`;
/// then every sensitive value a substitution brought in is masked with `masker` (matches
/// lying wholly in the template's own text are left). `values` and `context` may be NULL
/// (none). The result is a new NUL-terminated string for `piimask_string_free()`;
/// `output_len` may be NULL.
///
/// Fails with `PIIMASK_TEMPLATE_MISSING_VARIABLES` (each missing variable is an error
/// detail) or `PIIMASK_TEMPLATE_RESERVED_IN_VALUE` (each value holding `<` or `>` is a
/// detail); on failure `*output` is NULL.
///
/// # Safety
/// `template` and `masker` must be NULL or live; `values` and `context` NULL or live;
/// `output`, `output_len` and `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_template_render(
    template: *const piimask_template,
    values: *const piimask_values,
    context: *const piimask_context,
    masker: *const piimask_masker,
    output: *mut *mut c_char,
    output_len: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // Out-parameters first, so that `*output` is NULL after any failure.
        // SAFETY: the caller guarantees writable out-parameters.
        let output = unsafe { alloc_out(output, output_len) }?;
        // SAFETY: the caller's guarantees, checked for NULL here.
        let template = unsafe { boundary::handle(template, "template") }?;
        // SAFETY: as above.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        let no_values = Values::new();
        let no_context = RenderContext::default();
        // SAFETY: the caller guarantees NULL or live values and context.
        let values = unsafe { values.as_ref() }.map_or(&no_values, |values| &values.values);
        // SAFETY: as above.
        let context = unsafe { context.as_ref() }.map_or(&no_context, |context| &context.context);
        let rendered = template.template.render(values, context, &masker.masker)?;
        // SAFETY: `output` checked; `output_len` NULL or writable.
        unsafe { give_string(rendered.as_bytes(), output, output_len) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

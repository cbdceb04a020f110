//! Agent message checks: `piimask_message_check` runs the core's check (length, `<` and
//! `>`, the PII the message holds) and returns a report the caller reads and frees.

use std::ffi::{CString, c_char};

use piimask_core::offsets::OffsetConverter;
use piimask_core::{Match, MessageProblem, check_message};

use crate::boundary;
use crate::error::piimask_error;
use crate::masker::{piimask_masker, piimask_match};
use crate::status::{piimask_problem, piimask_status, problem_number};
use crate::strings::c_string;

/// What `piimask_message_check()` found. Read its fields; free it with
/// `piimask_message_report_free()`. The arrays belong to the report.
#[repr(C)]
#[derive(Debug)]
pub struct piimask_message_report {
    /// The message's length in characters (Unicode scalar values; line breaks count).
    pub chars: usize,
    /// Whether the message can be sent as it is (no problem; PII is reported, not a
    /// problem).
    pub sendable: bool,
    /// Every problem, in order of position; NULL when there is none.
    pub problems: *const piimask_message_problem,
    /// How many problems there are.
    pub problem_count: usize,
    /// Every sensitive value in the message, left to right; NULL when there is none.
    pub pii: *const piimask_match,
    /// How many sensitive values there are.
    pub pii_count: usize,
}

/// One reason a message cannot be sent as it is.
#[repr(C)]
#[derive(Debug)]
pub struct piimask_message_problem {
    /// What is wrong: a `PIIMASK_PROBLEM_*` constant.
    pub problem: piimask_problem,
    /// For `PIIMASK_PROBLEM_RESERVED_CHARACTER`, the character (`'<'` or `'>'`); else 0.
    pub code_point: u32,
    /// Byte offset of the problem: the `<` or `>`, or the first character over the limit.
    pub byte: usize,
    /// The same offset in characters.
    pub character: usize,
    /// The problem in English, NUL-terminated (never the message text).
    pub message: *const c_char,
}

/// A report with the arrays and strings it points to; the public part first, so a pointer
/// to one is a pointer to the other.
#[repr(C)]
struct ReportBox {
    public: piimask_message_report,
    problems: Vec<piimask_message_problem>,
    pii: Vec<piimask_match>,
    messages: Vec<CString>,
}

/// Checks an agent's free-text message before it is sent: at most
/// `PIIMASK_MAX_MESSAGE_CHARS` characters, no `<` or `>` (reserved for template parameters),
/// and the sensitive values `masker` finds (with byte, character and UTF-16 offsets). Sets
/// `*report` to a new report for `piimask_message_report_free()`. Fails only on NULL
/// arguments or text that is not UTF-8; on failure `*report` is NULL.
///
/// # Safety
/// `masker` must be NULL or a live masker; `text` NULL (with `text_len` 0) or `text_len`
/// readable bytes; `report` and `error` NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_message_check(
    masker: *const piimask_masker,
    text: *const c_char,
    text_len: usize,
    report: *mut *mut piimask_message_report,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // The out-parameter first, so that `*report` is NULL after any failure.
        let report = boundary::out(report, "report")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { report.write(std::ptr::null_mut()) };
        // SAFETY: the caller's guarantees, checked for NULL here.
        let masker = unsafe { boundary::handle(masker, "masker") }?;
        // SAFETY: the caller guarantees `text_len` readable bytes.
        let text = unsafe { boundary::text(text, text_len, "text") }?;
        let checked = check_message(text, &masker.masker);
        let mut offsets = OffsetConverter::new(text);
        let pii: Vec<piimask_match> = checked
            .pii
            .iter()
            .map(|finding| piimask_match::new(&Match::new(finding.kind, finding.span), &mut offsets))
            .collect();
        let messages: Vec<CString> = checked.problems.iter().map(|p| c_string(&p.to_string())).collect();
        let problems: Vec<piimask_message_problem> = checked
            .problems
            .iter()
            .zip(&messages)
            .map(|(problem, message)| piimask_message_problem {
                problem: problem_number(problem),
                code_point: match problem {
                    MessageProblem::ReservedCharacter { character, .. } => u32::from(*character),
                    _ => 0,
                },
                byte: problem.byte(),
                character: problem.char(),
                message: message.as_ptr(),
            })
            .collect();
        let made = Box::new(ReportBox {
            public: piimask_message_report {
                chars: checked.chars,
                sendable: checked.is_sendable(),
                problems: if problems.is_empty() { std::ptr::null() } else { problems.as_ptr() },
                problem_count: problems.len(),
                pii: if pii.is_empty() { std::ptr::null() } else { pii.as_ptr() },
                pii_count: pii.len(),
            },
            problems,
            pii,
            messages,
        });
        // SAFETY: as above.
        unsafe { report.write(Box::into_raw(made).cast()) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees a report. `NULL` is ignored.
///
/// # Safety
/// `report` must be NULL or a report from `piimask_message_check()`, not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_message_report_free(report: *mut piimask_message_report) {
    boundary::guard((), || {
        if !report.is_null() {
            // SAFETY: every report is the first field of a `ReportBox` made by
            // `piimask_message_check` with `Box::into_raw`.
            drop(unsafe { Box::from_raw(report.cast::<ReportBox>()) });
        }
    })
}

//! Status codes (the core's stable `ErrorCode` table as C constants), kinds, search ranks and
//! message problem kinds, with their stable names taken from the core at compile time.

use std::ffi::c_char;

use piimask_core::{ErrorCode, Kind, MessageProblem, SearchRank};

use crate::boundary;
use crate::strings::{NAME_SIZE, nul_terminated};

/// What a function returned: `PIIMASK_OK` (0) or one of the `PIIMASK_*` error codes below,
/// the core's stable `ErrorCode` table (codes are never renumbered; new ones may be added,
/// so treat an unknown code as an error). `piimask_status_name()` gives its stable name.
pub type piimask_status = u32;

/// Success.
pub const PIIMASK_OK: piimask_status = 0;
/// A bug in piimask, such as a panic caught at the boundary (please report it).
pub const PIIMASK_INTERNAL: piimask_status = 1;
/// A required pointer is `NULL` (or a `(pointer, length)` pair cannot describe memory: a
/// length over `PTRDIFF_MAX`). The error message names the argument.
pub const PIIMASK_NULL_ARGUMENT: piimask_status = 2;
/// The caller's buffer is too small; the size needed is reported through the length
/// out-parameter.
pub const PIIMASK_BUFFER_TOO_SMALL: piimask_status = 3;
/// Text that must be UTF-8 is not; `piimask_error.byte` is the offset of the first
/// invalid byte.
pub const PIIMASK_INVALID_UTF8: piimask_status = 4;
/// The configuration text does not parse, or has an unknown field, kind or style.
pub const PIIMASK_CONFIG_SYNTAX: piimask_status = 10;
/// The configuration enables no kind at all.
pub const PIIMASK_CONFIG_NO_KINDS: piimask_status = 11;
/// A mask character is a letter, digit, whitespace, control character, `<`, `>` or `@`.
pub const PIIMASK_CONFIG_MASK_CHAR: piimask_status = 12;
/// A kept head or tail exceeds its cap (PCI DSS: first 6 and last 4 digits of a card).
pub const PIIMASK_CONFIG_KEEP_LIMIT: piimask_status = 13;
/// A kept head or tail is set for a style that keeps nothing (`label`, `redact`).
pub const PIIMASK_CONFIG_KEEP_UNUSED: piimask_status = 14;
/// A template has a stray or unclosed `<`/`>`, or an empty or invalid parameter name.
pub const PIIMASK_TEMPLATE_SYNTAX: piimask_status = 20;
/// Rendering needs variables that have no value (each is an error detail).
pub const PIIMASK_TEMPLATE_MISSING_VARIABLES: piimask_status = 21;
/// A text-block library has invalid entries (each problem is an error detail).
pub const PIIMASK_LIBRARY_INVALID: piimask_status = 22;
/// A text-block library is not valid TOML or JSON.
pub const PIIMASK_LIBRARY_SYNTAX: piimask_status = 23;
/// A value to substitute holds `<` or `>` (each such variable is an error detail).
pub const PIIMASK_TEMPLATE_RESERVED_IN_VALUE: piimask_status = 24;
/// A rendering context is invalid: syntax, an unknown field, a date or a date format.
pub const PIIMASK_TEMPLATE_CONTEXT: piimask_status = 25;

/// A kind of sensitive value: one of the `PIIMASK_KIND_*` constants.
pub type piimask_kind = u32;

/// A payment card number.
pub const PIIMASK_KIND_CARD: piimask_kind = 0;
/// An IBAN.
pub const PIIMASK_KIND_IBAN: piimask_kind = 1;
/// A US social security number (or ITIN), a French NIR, a Spanish DNI or NIE, an Italian
/// codice fiscale, a UK National Insurance number, or a BSN, SIN, РНОКПП or Steuer-IdNr
/// named as such.
pub const PIIMASK_KIND_SSN: piimask_kind = 2;
/// An email address.
pub const PIIMASK_KIND_EMAIL: piimask_kind = 3;
/// A phone number.
pub const PIIMASK_KIND_PHONE: piimask_kind = 4;

/// Why a text block is a search hit, best first: one of the `PIIMASK_RANK_*` constants.
pub type piimask_rank = u32;

/// The query is the block's shortcut.
pub const PIIMASK_RANK_EXACT_SHORTCUT: piimask_rank = 0;
/// The block's title starts with the query.
pub const PIIMASK_RANK_TITLE_PREFIX: piimask_rank = 1;
/// Each query word starts a word of the shortcut, title or tags.
pub const PIIMASK_RANK_WORD_PREFIX: piimask_rank = 2;
/// The query is empty (`#` alone): every block, in library order.
pub const PIIMASK_RANK_ALL: piimask_rank = 3;

/// Why an agent's message cannot be sent as it is: one of the `PIIMASK_PROBLEM_*`
/// constants.
pub type piimask_problem = u32;

/// The message is longer than `PIIMASK_MAX_MESSAGE_CHARS` characters.
pub const PIIMASK_PROBLEM_TOO_LONG: piimask_problem = 0;
/// The message holds `<` or `>`, reserved for template parameters.
pub const PIIMASK_PROBLEM_RESERVED_CHARACTER: piimask_problem = 1;
/// A problem this version of the header does not know (see its message).
pub const PIIMASK_PROBLEM_OTHER: piimask_problem = 255;

/// The longest message an agent may send, in characters (Unicode scalar values).
pub const PIIMASK_MAX_MESSAGE_CHARS: usize = 1000;

/// "No such offset, index or line" in a `size_t` field. The header defines it as
/// `SIZE_MAX` (cbindgen cannot write `usize::MAX` portably).
///
/// cbindgen:ignore
pub const PIIMASK_NONE: usize = usize::MAX;

/// The stable names of the status codes, in the order of `ErrorCode::ALL`.
static STATUS_NAMES: [[u8; NAME_SIZE]; ErrorCode::ALL.len()] = {
    let mut table = [[0; NAME_SIZE]; ErrorCode::ALL.len()];
    let mut i = 0;
    while i < table.len() {
        table[i] = nul_terminated(ErrorCode::ALL[i].name());
        i += 1;
    }
    table
};

/// The names of the kinds, in the order of `Kind::ALL` (= their numbers).
static KIND_NAMES: [[u8; NAME_SIZE]; Kind::ALL.len()] = {
    let mut table = [[0; NAME_SIZE]; Kind::ALL.len()];
    let mut i = 0;
    while i < table.len() {
        table[i] = nul_terminated(Kind::ALL[i].name());
        i += 1;
    }
    table
};

/// Every search rank, in the order of their numbers.
const RANKS: [SearchRank; 4] =
    [SearchRank::ExactShortcut, SearchRank::TitlePrefix, SearchRank::WordPrefix, SearchRank::All];

/// The names of the search ranks, by number.
static RANK_NAMES: [[u8; NAME_SIZE]; RANKS.len()] = {
    let mut table = [[0; NAME_SIZE]; RANKS.len()];
    let mut i = 0;
    while i < table.len() {
        table[i] = nul_terminated(RANKS[i].name());
        i += 1;
    }
    table
};

/// The names of the message problems, by number.
static PROBLEM_NAMES: [[u8; NAME_SIZE]; 2] = [
    nul_terminated(MessageProblem::TooLong { chars: 0, max: 0, byte: 0, char: 0 }.code()),
    nul_terminated(MessageProblem::ReservedCharacter { character: '<', byte: 0, char: 0 }.code()),
];

/// The C number of a kind.
pub(crate) fn kind_number(kind: Kind) -> piimask_kind {
    match kind {
        Kind::Card => PIIMASK_KIND_CARD,
        Kind::Iban => PIIMASK_KIND_IBAN,
        Kind::Ssn => PIIMASK_KIND_SSN,
        Kind::Email => PIIMASK_KIND_EMAIL,
        Kind::Phone => PIIMASK_KIND_PHONE,
    }
}

/// The C number of a search rank.
pub(crate) fn rank_number(rank: SearchRank) -> piimask_rank {
    match rank {
        SearchRank::ExactShortcut => PIIMASK_RANK_EXACT_SHORTCUT,
        SearchRank::TitlePrefix => PIIMASK_RANK_TITLE_PREFIX,
        SearchRank::WordPrefix => PIIMASK_RANK_WORD_PREFIX,
        SearchRank::All => PIIMASK_RANK_ALL,
    }
}

/// The C number of a message problem.
pub(crate) fn problem_number(problem: &MessageProblem) -> piimask_problem {
    match problem {
        MessageProblem::TooLong { .. } => PIIMASK_PROBLEM_TOO_LONG,
        MessageProblem::ReservedCharacter { .. } => PIIMASK_PROBLEM_RESERVED_CHARACTER,
        _ => PIIMASK_PROBLEM_OTHER,
    }
}

/// A name from a table, or `NULL` past its end.
fn name_at<const N: usize>(table: &'static [[u8; NAME_SIZE]; N], index: usize) -> *const c_char {
    table.get(index).map_or(std::ptr::null(), |name| name.as_ptr().cast())
}

/// The stable upper-case name of a status (`"CONFIG_KEEP_LIMIT"` for
/// `PIIMASK_CONFIG_KEEP_LIMIT`, `"OK"` for `PIIMASK_OK`), or `NULL` for a number that is not
/// a status. A static string: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn piimask_status_name(status: piimask_status) -> *const c_char {
    boundary::guard(std::ptr::null(), || {
        let index = ErrorCode::ALL.iter().position(|code| *code as u32 == status);
        index.map_or(std::ptr::null(), |index| name_at(&STATUS_NAMES, index))
    })
}

/// The stable lower-case name of a kind (`"card"`, `"iban"`, `"ssn"`, `"email"`, `"phone"`),
/// as used in configurations, or `NULL` for a number that is not a kind. A static string.
#[unsafe(no_mangle)]
pub extern "C" fn piimask_kind_name(kind: piimask_kind) -> *const c_char {
    boundary::guard(std::ptr::null(), || name_at(&KIND_NAMES, kind as usize))
}

/// The stable name of a search rank (`"exact_shortcut"`, `"title_prefix"`, `"word_prefix"`,
/// `"all"`), or `NULL` for a number that is not a rank. A static string.
#[unsafe(no_mangle)]
pub extern "C" fn piimask_rank_name(rank: piimask_rank) -> *const c_char {
    boundary::guard(std::ptr::null(), || name_at(&RANK_NAMES, rank as usize))
}

/// The stable name of a message problem (`"too_long"`, `"reserved_character"`), or `NULL`
/// for a number that is not one. A static string.
#[unsafe(no_mangle)]
pub extern "C" fn piimask_problem_name(problem: piimask_problem) -> *const c_char {
    boundary::guard(std::ptr::null(), || name_at(&PROBLEM_NAMES, problem as usize))
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use piimask_core::MAX_MESSAGE_CHARS;

    use super::*;

    fn name(ptr: *const c_char) -> Option<&'static str> {
        // SAFETY: the look-ups return NULL or a static C string.
        (!ptr.is_null()).then(|| unsafe { CStr::from_ptr(ptr) }.to_str().unwrap())
    }

    /// The hand-written constants (what the header shows) against the core's table, in
    /// both directions, so that a new core code cannot be forgotten here.
    #[test]
    fn status_constants_are_the_core_table() {
        let constants = [
            PIIMASK_OK,
            PIIMASK_INTERNAL,
            PIIMASK_NULL_ARGUMENT,
            PIIMASK_BUFFER_TOO_SMALL,
            PIIMASK_INVALID_UTF8,
            PIIMASK_CONFIG_SYNTAX,
            PIIMASK_CONFIG_NO_KINDS,
            PIIMASK_CONFIG_MASK_CHAR,
            PIIMASK_CONFIG_KEEP_LIMIT,
            PIIMASK_CONFIG_KEEP_UNUSED,
            PIIMASK_TEMPLATE_SYNTAX,
            PIIMASK_TEMPLATE_MISSING_VARIABLES,
            PIIMASK_LIBRARY_INVALID,
            PIIMASK_LIBRARY_SYNTAX,
            PIIMASK_TEMPLATE_RESERVED_IN_VALUE,
            PIIMASK_TEMPLATE_CONTEXT,
        ];
        let core: Vec<u32> = ErrorCode::ALL.iter().map(|code| *code as u32).collect();
        assert_eq!(constants.as_slice(), core.as_slice());
        for code in ErrorCode::ALL {
            assert_eq!(name(piimask_status_name(code as u32)), Some(code.name()));
        }
        assert_eq!(name(piimask_status_name(5)), None);
        assert_eq!(name(piimask_status_name(u32::MAX)), None);
    }

    #[test]
    fn kinds_ranks_and_problems_match_the_core() {
        for kind in Kind::ALL {
            assert_eq!(name(piimask_kind_name(kind_number(kind))), Some(kind.name()));
        }
        assert_eq!(name(piimask_kind_name(5)), None);
        for rank in RANKS {
            assert_eq!(name(piimask_rank_name(rank_number(rank))), Some(rank.name()));
        }
        assert_eq!(name(piimask_rank_name(4)), None);
        let problems = [
            MessageProblem::TooLong { chars: 1001, max: 1000, byte: 1000, char: 1000 },
            MessageProblem::ReservedCharacter { character: '<', byte: 0, char: 0 },
        ];
        for problem in problems {
            assert_eq!(name(piimask_problem_name(problem_number(&problem))), Some(problem.code()));
        }
        assert_eq!(name(piimask_problem_name(PIIMASK_PROBLEM_OTHER)), None);
        assert_eq!(PIIMASK_MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS);
    }
}

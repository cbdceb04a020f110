//! Text-block libraries: `piimask_library` (quick replies loaded from TOML or JSON and
//! validated by the core), its blocks as C structs, and the `#` search.

use std::ffi::c_char;

use piimask_core::TextBlockLibrary;

use crate::boundary;
use crate::error::{Failure, piimask_error};
use crate::status::{piimask_rank, piimask_status, rank_number};
use crate::strings::{piimask_str, with_nul};
use crate::template::piimask_template;

/// A validated library of text blocks with its search index (opaque). Immutable: any number
/// of threads may search it and render its blocks at once. Free it with
/// `piimask_library_free()`.
#[derive(Debug)]
pub struct piimask_library {
    library: TextBlockLibrary,
    // What the block views point to, kept alive with them (never read directly): every
    // string, NUL-terminated, the tag arrays and the block bodies as templates.
    _texts: Vec<Box<[u8]>>,
    _tags: Vec<Box<[piimask_str]>>,
    _bodies: Box<[piimask_template]>,
    /// The C view of the blocks.
    blocks: Box<[piimask_text_block]>,
}

/// One text block of a library. Every pointer is owned by the library and valid until it
/// is freed.
#[repr(C)]
#[derive(Debug)]
pub struct piimask_text_block {
    /// The shortcut, as written (without `#`).
    pub shortcut: piimask_str,
    /// The title (one line).
    pub title: piimask_str,
    /// The language tag (`"en"`, `"pt-BR"`); `ptr` is NULL when the block has none.
    pub language: piimask_str,
    /// The tags, `tag_count` of them.
    pub tags: *const piimask_str,
    /// How many tags there are.
    pub tag_count: usize,
    /// The body, a parsed template to pass to `piimask_template_render()` (never to
    /// `piimask_template_free()`).
    pub body: *const piimask_template,
}

/// One result of `piimask_library_search()`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct piimask_search_hit {
    /// The block's index in the array `piimask_library_blocks()` gives.
    pub block: usize,
    /// Why it matched: a `PIIMASK_RANK_*` constant.
    pub rank: piimask_rank,
}

impl piimask_library {
    fn new(library: TextBlockLibrary) -> piimask_library {
        let bodies: Box<[piimask_template]> =
            library.blocks().iter().map(|block| piimask_template::new(block.body().clone())).collect();
        let mut texts = Vec::new();
        let mut tags = Vec::new();
        let mut view = |text: &str| {
            texts.push(with_nul(text));
            texts.last().map_or(piimask_str { ptr: std::ptr::null(), len: 0 }, |text| piimask_str::of(text))
        };
        let mut blocks = Vec::with_capacity(library.len());
        for (block, body) in library.blocks().iter().zip(bodies.iter()) {
            let tag_views: Box<[piimask_str]> = block.tags().iter().map(|tag| view(tag)).collect();
            blocks.push(piimask_text_block {
                shortcut: view(block.shortcut()),
                title: view(block.title()),
                language: block.language().map_or(piimask_str { ptr: std::ptr::null(), len: 0 }, &mut view),
                tags: tag_views.as_ptr(),
                tag_count: tag_views.len(),
                body,
            });
            tags.push(tag_views);
        }
        piimask_library {
            library,
            _texts: texts,
            _tags: tags,
            _bodies: bodies,
            blocks: blocks.into_boxed_slice(),
        }
    }
}

/// Parses and validates a text-block library in its TOML form (`[[block]]` tables) or JSON
/// form (`{"block": [...]}`, when the first non-blank character is `{`). Each block has a
/// `shortcut`, a `title`, a `body` (a template) and optional `tags` and `language`.
///
/// Fails with `PIIMASK_LIBRARY_SYNTAX` (`line` and `column` set), `PIIMASK_LIBRARY_INVALID`
/// (every problem of every block is an error detail, with its block, field, line and stable
/// problem name) or `PIIMASK_INVALID_UTF8`; on failure `*library` is NULL.
///
/// # Safety
/// `text` must be NULL (with `text_len` 0) or `text_len` readable bytes; `library` and
/// `error` NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_library_parse(
    text: *const c_char,
    text_len: usize,
    library: *mut *mut piimask_library,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        let library = boundary::out(library, "library")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { library.write(std::ptr::null_mut()) };
        // SAFETY: the caller guarantees `text_len` readable bytes.
        let text = unsafe { boundary::text(text, text_len, "text") }?;
        let made = piimask_library::new(TextBlockLibrary::parse(text)?);
        // SAFETY: as above.
        unsafe { library.write(Box::into_raw(Box::new(made))) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Frees a library and everything it owns (its blocks and their bodies). `NULL` is ignored.
///
/// # Safety
/// `library` must be NULL or a library from this library, not freed yet and not in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_library_free(library: *mut piimask_library) {
    boundary::guard((), || {
        if !library.is_null() {
            // SAFETY: made by `Box::into_raw` in `piimask_library_parse`.
            drop(unsafe { Box::from_raw(library) });
        }
    })
}

/// The library's blocks, in library order: sets `*blocks` to an array of `*count` blocks
/// owned by the library (valid until it is freed).
///
/// # Safety
/// `library` must be NULL or a live library; `blocks`, `count` and `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_library_blocks(
    library: *const piimask_library,
    blocks: *mut *const piimask_text_block,
    count: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // SAFETY: the caller's guarantees, checked for NULL here.
        let library = unsafe { boundary::handle(library, "library") }?;
        let blocks = boundary::out(blocks, "blocks")?;
        let count = boundary::out(count, "count")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe {
            blocks.write(library.blocks.as_ptr());
            count.write(library.blocks.len());
        }
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

/// Searches the library as an agent types: `query` is `#` and a few letters (the `#` is
/// optional); each query word must start a word of a block's shortcut, title or tags, case
/// and accents ignored. Writes the best `hits_capacity` hits at most to `hits` (the exact
/// shortcut first, then titles starting with the query, then the rest, each in library
/// order) and their number to `*count`. An empty query (`#` alone) lists the library.
///
/// # Safety
/// `library` must be NULL or a live library; `query` NULL (with `query_len` 0) or
/// `query_len` readable bytes; `hits` NULL or `hits_capacity` writable entries; `count` and
/// `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn piimask_library_search(
    library: *const piimask_library,
    query: *const c_char,
    query_len: usize,
    hits: *mut piimask_search_hit,
    hits_capacity: usize,
    count: *mut usize,
    error: *mut *mut piimask_error,
) -> piimask_status {
    let body = || {
        // The out-parameter first, so that `*count` is 0 after any failure.
        let count = boundary::out(count, "count")?;
        // SAFETY: checked non-NULL; writable by the caller's guarantee.
        unsafe { count.write(0) };
        // SAFETY: the caller's guarantees, checked for NULL here.
        let library = unsafe { boundary::handle(library, "library") }?;
        if hits.is_null() && hits_capacity > 0 {
            return Err(Failure::NullArgument { argument: "hits" });
        }
        // SAFETY: the caller guarantees `query_len` readable bytes.
        let query = unsafe { boundary::text(query, query_len, "query") }?;
        let found = library.library.search(query, hits_capacity);
        for (i, hit) in found.iter().take(hits_capacity).enumerate() {
            // SAFETY: `i < hits_capacity` writable entries.
            unsafe {
                hits.add(i).write(piimask_search_hit { block: hit.index, rank: rank_number(hit.rank) })
            };
        }
        // SAFETY: as above.
        unsafe { count.write(found.len().min(hits_capacity)) };
        Ok(())
    };
    // SAFETY: `error` is NULL or valid for writing a pointer, as the caller guarantees.
    unsafe { boundary::run(error, body) }
}

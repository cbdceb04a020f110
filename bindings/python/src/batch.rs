//! `Masker.mask_batch`: texts converted (zero-copy where CPython allows) and masked on a
//! thread pool with the GIL released, then turned back into `str` objects, reusing the input
//! object for every text with nothing to mask.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use piimask::Masker;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString, PyTuple};

use crate::errors::internal_error;
use crate::text::{run, utf8};

/// The most texts and bytes one pool task masks (256 chat messages are about 20 KiB). A
/// batch of one chunk is masked on the calling thread: waking the pool would cost more.
const CHUNK_TEXTS: usize = 256;
const CHUNK_BYTES: usize = 64 * 1024;

/// One input of a batch: text to mask, or a missing value passed through.
enum Item<'a> {
    Text(&'a str),
    Missing,
}

fn mask_item<'a>(masker: &Masker, item: &Item<'a>) -> Option<Cow<'a, str>> {
    match item {
        Item::Text(text) => Some(masker.mask(text)),
        Item::Missing => None,
    }
}

/// Masks every text of `texts` (a list, tuple or any iterable of `str`, `None` or float NaN).
///
/// Large batches are pipelined: this thread converts the texts chunk by chunk (it needs the
/// GIL for that, and on CPython's limited API a `str` that is not ASCII is encoded to UTF-8
/// here, once) and hands each chunk to the pool as soon as it is converted, so encoding
/// overlaps masking; then it waits for the pool with the GIL released, and builds the result.
pub fn mask_batch<'py>(masker: &Masker, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let objects: Vec<Bound<'py, PyAny>> = if let Ok(list) = texts.cast::<PyList>() {
        list.iter().collect()
    } else if let Ok(tuple) = texts.cast::<PyTuple>() {
        tuple.iter().collect()
    } else if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("mask_batch takes a list of str, not a str (use mask)"));
    } else {
        texts.try_iter()?.collect::<PyResult<_>>()?
    };
    let mut next = 0;
    let first = next_chunk(&objects, &mut next)?;
    let pool = if next == objects.len() { None } else { pool() };
    let masked: Vec<Option<Cow<'_, str>>> = match pool {
        None => {
            // One chunk (or no pool): mask on this thread.
            let mut items = first;
            while next < objects.len() {
                items.extend(next_chunk(&objects, &mut next)?);
            }
            run(py, !items.is_empty(), || items.iter().map(|item| mask_item(masker, item)).collect())?
        }
        Some(pool) => {
            let mut chunks: Vec<Option<Vec<Option<Cow<'_, str>>>>> = Vec::new();
            let (sender, receiver) = mpsc::channel();
            pool.in_place_scope(|scope| {
                let mut items = first;
                loop {
                    let index = chunks.len();
                    chunks.push(None);
                    let sender = sender.clone();
                    scope.spawn(move |_| {
                        let masked = catch_unwind(AssertUnwindSafe(|| {
                            items.iter().map(|item| mask_item(masker, item)).collect::<Vec<_>>()
                        }));
                        // The receiver is gone only when converting a later chunk failed.
                        let _ = sender.send((index, masked.ok()));
                    });
                    if next == objects.len() {
                        break;
                    }
                    // On an error, the scope still waits for the chunks already handed out.
                    items = next_chunk(&objects, &mut next)?;
                }
                let spawned = chunks.len();
                let chunks = &mut chunks;
                py.detach(move || {
                    for (index, masked) in receiver.iter().take(spawned) {
                        chunks[index] = masked;
                    }
                });
                Ok::<_, PyErr>(())
            })?;
            let mut masked = Vec::with_capacity(objects.len());
            for chunk in chunks {
                masked.extend(chunk.ok_or_else(|| internal_error(py))?);
            }
            masked
        }
    };
    let results = objects.iter().zip(masked).map(|(object, masked)| match masked {
        Some(Cow::Owned(text)) => PyString::new(py, &text).into_any(),
        Some(Cow::Borrowed(_)) | None => object.clone(),
    });
    PyList::new(py, results)
}

/// Converts the next chunk of `objects`, from index `*next` (advanced past it): up to
/// `CHUNK_TEXTS` texts or `CHUNK_BYTES` bytes. Each item is the UTF-8 text of a `str`, or
/// `Missing` for `None` and float NaN; any other type is an error.
fn next_chunk<'a>(objects: &'a [Bound<'_, PyAny>], next: &mut usize) -> PyResult<Vec<Item<'a>>> {
    let mut items = Vec::with_capacity(CHUNK_TEXTS.min(objects.len() - *next));
    let mut bytes = 0;
    while *next < objects.len() && items.len() < CHUNK_TEXTS && bytes < CHUNK_BYTES {
        let index = *next;
        let object = &objects[index];
        items.push(if let Ok(text) = object.cast::<PyString>() {
            let text = utf8(text, Some(index))?;
            bytes += text.len();
            Item::Text(text)
        } else if object.is_none() || object.cast::<PyFloat>().is_ok_and(|number| number.value().is_nan()) {
            Item::Missing
        } else {
            let type_name = object.get_type().name().map(|name| name.to_string()).unwrap_or_default();
            return Err(PyTypeError::new_err(format!(
                "mask_batch: item {index} is of type {type_name}, not str or None"
            )));
        });
        *next += 1;
    }
    Ok(items)
}

/// The thread pool of this process: one thread per core (or `RAYON_NUM_THREADS`).
///
/// A pool belongs to the process that made it: after a `fork` (a `multiprocessing` pool on
/// Linux, a Spark Python worker) the child has the pool's memory but none of its threads, and
/// would wait on them forever. So the pool is keyed by process ID, and a forked child builds
/// its own (the parent's is leaked in the child: dropping it would signal threads that do not
/// exist there). `None` when no thread could be started: the batch is then masked on the
/// calling thread.
fn pool() -> Option<Arc<rayon::ThreadPool>> {
    static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = slot.as_ref()
        && *owner == pid
    {
        return Some(Arc::clone(pool));
    }
    if let Some(inherited) = slot.take() {
        std::mem::forget(inherited);
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new().thread_name(|index| format!("piimask-{index}")).build().ok()?,
    );
    *slot = Some((pid, Arc::clone(&pool)));
    Some(pool)
}

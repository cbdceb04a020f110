//! `Masker.mask_batch`: texts converted (zero-copy where CPython allows) and masked on a
//! thread pool with the GIL released, then turned back into `str` objects, reusing the input
//! object for every text with nothing to mask.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use piimask::Masker;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString};

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

/// The masked text of an item, or `None` when it is unchanged (or missing).
fn mask_item(masker: &Masker, item: &Item<'_>) -> Option<String> {
    match item {
        Item::Text(text) => match masker.mask(text) {
            Cow::Owned(masked) => Some(masked),
            Cow::Borrowed(_) => None,
        },
        Item::Missing => None,
    }
}

/// Masks every text of `texts` (a list, tuple or any iterable of `str`, `None`, float NaN or `pandas.NA`).
///
/// Large batches are pipelined: this thread converts the texts chunk by chunk (it needs the
/// GIL for that, and on CPython's limited API a `str` that is not ASCII is encoded to UTF-8
/// here, once) and hands each chunk to the pool as soon as it is converted, so encoding
/// overlaps masking; then it waits for the pool with the GIL released, and builds the result.
/// Each object is touched once on the way in (while it is in cache) and not at all on the
/// way out when its text is unchanged: the result list takes over the reference.
pub fn mask_batch<'py>(masker: &Masker, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("mask_batch takes a list of str, not a str (use mask)"));
    }
    let list = match texts.cast::<PyList>() {
        Ok(list) => list.clone(),
        // A tuple, a pandas Series, a generator, ...: list(texts).
        Err(_) => py.get_type::<PyList>().call1((texts,))?.cast_into::<PyList>()?,
    };
    // A strong reference to every object for the whole call (another thread may change the
    // list while the GIL is released), in slots that never move, so texts can borrow them.
    let mut objects: Vec<Option<Bound<'py, PyAny>>> = Vec::new();
    objects.resize_with(list.len(), || None);
    let mut converter = Converter { list: &list, slots: objects.iter_mut().enumerate() };
    let first = converter.next_chunk()?;
    let pool = if converter.is_done() { None } else { pool() };
    let masked: Vec<Option<String>> = match pool {
        None => {
            // One chunk (or no pool): mask on this thread.
            let mut items = first;
            while !converter.is_done() {
                items.extend(converter.next_chunk()?);
            }
            run(py, !items.is_empty(), || items.iter().map(|item| mask_item(masker, item)).collect())?
        }
        Some(pool) => {
            let mut chunks: Vec<Option<Vec<Option<String>>>> = Vec::new();
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
                    if converter.is_done() {
                        break;
                    }
                    // On an error, the scope still waits for the chunks already handed out.
                    items = converter.next_chunk()?;
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
    let results = objects
        .into_iter()
        .zip(masked)
        .map(|(object, masked)| match (object, masked) {
            (_, Some(masked)) => Ok(PyString::new(py, &masked).into_any()),
            (Some(object), None) => Ok(object),
            (None, None) => Err(internal_error(py)),
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, results)
}

/// Takes the objects of a list into their slots, converting them chunk by chunk.
struct Converter<'a, 'py> {
    list: &'a Bound<'py, PyList>,
    slots: std::iter::Enumerate<std::slice::IterMut<'a, Option<Bound<'py, PyAny>>>>,
}

impl<'a> Converter<'a, '_> {
    fn is_done(&self) -> bool {
        self.slots.len() == 0
    }

    /// The next chunk: up to `CHUNK_TEXTS` texts or `CHUNK_BYTES` bytes. Each item is the
    /// UTF-8 text of a `str`, or `Missing` for `None`, float NaN and `pandas.NA`; any other
    /// type is an error.
    fn next_chunk(&mut self) -> PyResult<Vec<Item<'a>>> {
        let mut items = Vec::with_capacity(CHUNK_TEXTS.min(self.slots.len()));
        let mut bytes = 0;
        while items.len() < CHUNK_TEXTS && bytes < CHUNK_BYTES {
            let Some((index, slot)) = self.slots.next() else { break };
            let object: &'a Bound<'_, PyAny> = slot.insert(self.list.get_item(index)?);
            items.push(if let Ok(text) = object.cast::<PyString>() {
                let text = utf8(text, Some(index))?;
                bytes += text.len();
                Item::Text(text)
            } else if object.is_none()
                || object.cast::<PyFloat>().is_ok_and(|number| number.value().is_nan())
                || is_pandas_na(object)
            {
                Item::Missing
            } else {
                let type_name = object.get_type().name().map(|name| name.to_string()).unwrap_or_default();
                return Err(PyTypeError::new_err(format!(
                    "mask_batch: item {index} is of type {type_name}, not str or None"
                )));
            });
        }
        Ok(items)
    }
}

/// Whether `object` is `pandas.NA`, the missing value of pandas' `string` dtype (told by its
/// type, so pandas need not be imported).
fn is_pandas_na(object: &Bound<'_, PyAny>) -> bool {
    let kind = object.get_type();
    kind.name().is_ok_and(|name| name == "NAType")
        && kind.module().is_ok_and(|module| module.to_string().starts_with("pandas"))
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

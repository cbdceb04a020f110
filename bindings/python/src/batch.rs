//! `Masker.mask_batch`: every text converted first (zero-copy where CPython allows), then
//! masked on a thread pool with the GIL released, then turned back into `str` objects,
//! reusing the input object for every text with nothing to mask.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, PoisonError};

use piimask::Masker;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::text::{run, utf8};

/// Below this many bytes in all, a batch is masked on the calling thread: waking the pool
/// costs more than it saves.
const SERIAL_BYTES: usize = 32 * 1024;

/// The fewest texts one pool task masks (chat messages are short).
const MIN_TEXTS_PER_TASK: usize = 64;

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
    let mut items = Vec::with_capacity(objects.len());
    let mut total_bytes = 0;
    for (index, object) in objects.iter().enumerate() {
        items.push(if let Ok(text) = object.cast::<PyString>() {
            let text = utf8(text, Some(index))?;
            total_bytes += text.len();
            Item::Text(text)
        } else if object.is_none() || object.cast::<PyFloat>().is_ok_and(|number| number.value().is_nan()) {
            Item::Missing
        } else {
            let type_name = object.get_type().name().map(|name| name.to_string()).unwrap_or_default();
            return Err(PyTypeError::new_err(format!(
                "mask_batch: item {index} is of type {type_name}, not str or None"
            )));
        });
    }
    let pool = if total_bytes < SERIAL_BYTES { None } else { pool() };
    let masked: Vec<Option<Cow<'_, str>>> = match pool {
        None => run(py, total_bytes > 0, || items.iter().map(|item| mask_item(masker, item)).collect())?,
        Some(pool) => run(py, true, || {
            pool.install(|| {
                items
                    .par_iter()
                    .with_min_len(MIN_TEXTS_PER_TASK)
                    .map(|item| mask_item(masker, item))
                    .collect()
            })
        })?,
    };
    let results = objects.iter().zip(masked).map(|(object, masked)| match masked {
        Some(Cow::Owned(text)) => PyString::new(py, &text).into_any(),
        Some(Cow::Borrowed(_)) | None => object.clone(),
    });
    PyList::new(py, results)
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

//! `piimask.Masker`, `piimask.Match` and `piimask.mask`: options to a core configuration,
//! Python strings to the core's masking and back, byte offsets to `str` indices.

use std::borrow::Cow;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use piimask::offsets::OffsetConverter;
use piimask::{Kind, Masker, MaskerConfig, Style};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::batch;
use crate::errors::config_error;
use crate::text::{DETACH_BYTES, run, utf8};

/// One sensitive value found in a text.
#[pyclass(frozen, eq, hash, module = "piimask", name = "Match")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyMatch {
    /// The kind: `"card"`, `"iban"`, `"ssn"`, `"email"` or `"phone"`.
    #[pyo3(get)]
    pub kind: String,
    /// Index of the value's first character in the `str`.
    #[pyo3(get)]
    pub start: usize,
    /// Index after the value's last character.
    #[pyo3(get)]
    pub end: usize,
    /// What masking writes in the value's place.
    #[pyo3(get)]
    pub masked: String,
}

#[pymethods]
impl PyMatch {
    #[new]
    fn new(kind: String, start: usize, end: usize, masked: String) -> PyMatch {
        PyMatch { kind, start, end, masked }
    }

    pub fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Match(kind={}, start={}, end={}, masked={})",
            repr(py, &self.kind)?,
            self.start,
            self.end,
            repr(py, &self.masked)?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let this = slf.get();
        let args = (this.kind.as_str(), this.start, this.end, this.masked.as_str());
        (slf.get_type(), args).into_pyobject(slf.py())
    }
}

/// Python's `repr` of a string.
pub fn repr(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_str()?.to_string())
}

/// The redactions of `masker` in `text`, with code-point offsets and masked forms.
pub fn find_matches(masker: &Masker, text: &str) -> Vec<PyMatch> {
    let mut offsets = OffsetConverter::new(text);
    masker
        .redactions(text)
        .into_iter()
        .map(|found| PyMatch {
            kind: found.kind().name().to_string(),
            start: offsets.to_char(found.start()).unwrap_or_default(),
            end: offsets.to_char(found.end()).unwrap_or_default(),
            masked: found.into_masked(),
        })
        .collect()
}

/// Finds and masks card numbers, IBANs, SSNs, emails and phone numbers. Immutable and
/// thread-safe; pickles as its configuration.
#[pyclass(frozen, module = "piimask", name = "Masker")]
#[derive(Clone, Debug)]
pub struct PyMasker {
    pub masker: Masker,
}

/// The keyword options shared by `Masker(...)` and `mask(...)`.
pub struct Options<'a, 'py> {
    pub config: Option<&'a Bound<'py, PyAny>>,
    pub kinds: Option<&'a Bound<'py, PyAny>>,
    pub styles: Option<&'a Bound<'py, PyAny>>,
    pub mask_char: Option<char>,
    pub keep_head: Option<&'a Bound<'py, PyAny>>,
    pub keep_tail: Option<&'a Bound<'py, PyAny>>,
}

impl Options<'_, '_> {
    fn is_default(&self) -> bool {
        self.config.is_none()
            && self.kinds.is_none()
            && self.styles.is_none()
            && self.mask_char.is_none()
            && self.keep_head.is_none()
            && self.keep_tail.is_none()
    }

    /// The configuration: `config` (TOML or JSON text, or a dict in the same form), then the
    /// keyword options on top. Names are parsed and options validated by the core.
    fn to_config(&self, py: Python<'_>) -> PyResult<MaskerConfig> {
        let mut config = match self.config {
            None => MaskerConfig::default(),
            Some(value) => {
                let text = if let Ok(text) = value.cast::<PyString>() {
                    text.to_str()?.to_string()
                } else if let Ok(mapping) = value.cast::<PyDict>() {
                    py.import("json")?.getattr("dumps")?.call1((mapping,))?.extract::<String>()?
                } else {
                    return Err(PyTypeError::new_err(
                        "config must be a str (TOML or JSON) or a dict in the same form",
                    ));
                };
                MaskerConfig::parse(&text).map_err(|err| config_error(py, &err))?
            }
        };
        if let Some(kinds) = self.kinds {
            let names: Vec<String> = if let Ok(one) = kinds.cast::<PyString>() {
                vec![one.to_str()?.to_string()]
            } else {
                kinds.try_iter()?.map(|name| name?.extract::<String>()).collect::<PyResult<_>>()?
            };
            config.kinds = names
                .iter()
                .map(|name| name.parse::<Kind>())
                .collect::<Result<_, _>>()
                .map_err(|err| config_error(py, &err))?;
        }
        if let Some(styles) = self.styles {
            if let Ok(one) = styles.cast::<PyString>() {
                let style = parse_style(py, one.to_str()?)?;
                for kind in Kind::ALL {
                    config.options_mut(kind).style = style;
                }
            } else {
                for (kind, style) in per_kind::<String>(py, styles, "styles")? {
                    config.options_mut(kind).style = parse_style(py, &style)?;
                }
            }
        }
        if let Some(c) = self.mask_char {
            config.mask_char = c;
        }
        if let Some(keep_head) = self.keep_head {
            for (kind, units) in per_kind::<u32>(py, keep_head, "keep_head")? {
                config.options_mut(kind).keep_head = Some(units);
            }
        }
        if let Some(keep_tail) = self.keep_tail {
            for (kind, units) in per_kind::<u32>(py, keep_tail, "keep_tail")? {
                config.options_mut(kind).keep_tail = Some(units);
            }
        }
        Ok(config)
    }

    /// The masker these options describe (a shared default one when there are none).
    pub fn masker(&self, py: Python<'_>) -> PyResult<Masker> {
        if self.is_default() {
            return Ok(default_masker().clone());
        }
        self.to_config(py)?.build().map_err(|err| config_error(py, &err))
    }
}

fn parse_style(py: Python<'_>, name: &str) -> PyResult<Style> {
    name.parse::<Style>().map_err(|err| config_error(py, &err))
}

/// A `{kind name: value}` dict as pairs, kinds parsed by the core.
fn per_kind<'py, T: for<'a> FromPyObject<'a, 'py>>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    option: &str,
) -> PyResult<Vec<(Kind, T)>> {
    let Ok(mapping) = value.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!("{option} must be a dict from kind names to values")));
    };
    let mut pairs = Vec::with_capacity(mapping.len());
    for (name, value) in mapping.iter() {
        let kind = name.extract::<String>()?.parse::<Kind>().map_err(|err| config_error(py, &err))?;
        let value = value.extract::<T>().map_err(Into::into)?;
        pairs.push((kind, value));
    }
    Ok(pairs)
}

/// The masker of `piimask.mask(text)` without options (and of every function whose masker
/// is optional): built once, shared.
pub fn default_masker() -> &'static Masker {
    static DEFAULT: OnceLock<Masker> = OnceLock::new();
    DEFAULT.get_or_init(Masker::default)
}

/// Masks a `str`, returning the very same object when there is nothing to mask.
pub fn mask_str<'py>(masker: &Masker, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    let py = text.py();
    let utf8 = utf8(text, None)?;
    match run(py, utf8.len() >= DETACH_BYTES, || masker.mask(utf8))? {
        Cow::Borrowed(_) => Ok(text.clone()),
        Cow::Owned(masked) => Ok(PyString::new(py, &masked)),
    }
}

#[pymethods]
impl PyMasker {
    #[new]
    #[pyo3(signature = (config = None, *, kinds = None, styles = None, mask_char = None, keep_head = None, keep_tail = None))]
    fn new<'py>(
        py: Python<'py>,
        config: Option<&Bound<'py, PyAny>>,
        kinds: Option<&Bound<'py, PyAny>>,
        styles: Option<&Bound<'py, PyAny>>,
        mask_char: Option<char>,
        keep_head: Option<&Bound<'py, PyAny>>,
        keep_tail: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<PyMasker> {
        let options = Options { config, kinds, styles, mask_char, keep_head, keep_tail };
        Ok(PyMasker { masker: options.masker(py)? })
    }

    /// Masks every sensitive value in `text`.
    fn mask<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        mask_str(&self.masker, text)
    }

    /// Masks raw bytes: valid UTF-8 is masked as text, invalid sequences pass through.
    fn mask_bytes<'py>(&self, data: &Bound<'py, PyBytes>) -> PyResult<Bound<'py, PyBytes>> {
        let py = data.py();
        let bytes = data.as_bytes();
        match run(py, bytes.len() >= DETACH_BYTES, || self.masker.mask_bytes(bytes))? {
            Cow::Borrowed(_) => Ok(data.clone()),
            Cow::Owned(masked) => Ok(PyBytes::new(py, &masked)),
        }
    }

    /// The sensitive values in `text`, left to right, with `str` indices, as masking
    /// replaces them: putting each `masked` in place of its span gives `mask(text)`.
    fn find(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<PyMatch>> {
        let utf8 = utf8(text, None)?;
        run(py, utf8.len() >= DETACH_BYTES, || find_matches(&self.masker, utf8))
    }

    /// Whether `text` holds any sensitive value.
    fn is_match(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<bool> {
        let utf8 = utf8(text, None)?;
        run(py, utf8.len() >= DETACH_BYTES, || self.masker.is_match(utf8))
    }

    /// Masks many texts on every core with the GIL released; `None` (and float NaN and
    /// `pandas.NA`, as pandas writes missing values) pass through.
    fn mask_batch<'py>(&self, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        batch::mask_batch(&self.masker, texts)
    }

    /// The configuration, as a dict in the documented JSON form.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.getattr("loads")?.call1((self.masker.config().to_json(),))
    }

    /// The configuration in the documented TOML form.
    fn to_toml(&self) -> String {
        self.masker.config().to_toml()
    }

    /// The configuration in the documented JSON form.
    fn to_json(&self) -> String {
        self.masker.config().to_json()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        (slf.get_type(), (slf.get().masker.config().to_json(),)).into_pyobject(slf.py())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Masker({})", self.config(py)?.repr()?))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyMasker>().is_ok_and(|other| other.get().masker.config() == self.masker.config())
    }

    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.masker.config().to_json().hash(&mut hasher);
        hasher.finish()
    }
}

/// `piimask.mask(text, **options)`: masks one text with a masker of these options (the
/// shared default one when there are none).
#[pyfunction]
#[pyo3(signature = (text, /, config = None, *, kinds = None, styles = None, mask_char = None, keep_head = None, keep_tail = None))]
#[allow(clippy::too_many_arguments)]
pub fn mask<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    config: Option<&Bound<'py, PyAny>>,
    kinds: Option<&Bound<'py, PyAny>>,
    styles: Option<&Bound<'py, PyAny>>,
    mask_char: Option<char>,
    keep_head: Option<&Bound<'py, PyAny>>,
    keep_tail: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyString>> {
    let options = Options { config, kinds, styles, mask_char, keep_head, keep_tail };
    if options.is_default() {
        return mask_str(default_masker(), text);
    }
    mask_str(&options.masker(py)?, text)
}

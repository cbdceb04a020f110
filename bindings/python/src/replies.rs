//! Quick replies for Python: `Template`, `RenderContext`, `TextBlockLibrary` (with its
//! blocks and search hits) and `check_message`, each a thin wrapper over the core's.

use std::sync::Arc;

use piimask::{
    LibraryProblem, Masker, Match, MessageProblem, MessageReport, RenderContext, Template, TextBlockLibrary,
    Values, check_message as core_check_message,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::errors::{library_error, template_error};
use crate::masker::{PyMasker, PyMatch, default_masker, repr};
use crate::text::{DETACH_BYTES, run, utf8};

/// A parsed quick-reply template: text with `<name>` parameters.
#[pyclass(frozen, module = "piimask", name = "Template")]
#[derive(Clone, Debug)]
pub struct PyTemplate {
    template: Template,
}

#[pymethods]
impl PyTemplate {
    #[new]
    fn new(py: Python<'_>, source: &str) -> PyResult<PyTemplate> {
        Template::parse(source)
            .map(|template| PyTemplate { template })
            .map_err(|err| template_error(py, &err))
    }

    /// The template as written.
    #[getter]
    fn source(&self) -> &str {
        self.template.source()
    }

    /// The variable names, in order of first use, each once.
    #[getter]
    fn variables(&self) -> Vec<&str> {
        self.template.variables().collect()
    }

    /// The length in characters of the template's own text (without its parameters).
    #[getter]
    fn text_chars(&self) -> usize {
        self.template.text_chars()
    }

    /// Renders the template, masking every sensitive value a substitution brings in.
    #[pyo3(signature = (values = None, *, context = None, masker = None))]
    fn render(
        &self,
        py: Python<'_>,
        values: Option<&Bound<'_, PyDict>>,
        context: Option<&Bound<'_, PyRenderContext>>,
        masker: Option<&Bound<'_, PyMasker>>,
    ) -> PyResult<String> {
        let mut explicit = Values::new();
        if let Some(values) = values {
            for (name, value) in values.iter() {
                let name = name.extract::<String>()?;
                let Ok(value) = value.cast::<PyString>() else {
                    return Err(PyTypeError::new_err(format!(
                        "the value of variable {name:?} must be a str"
                    )));
                };
                explicit.insert(name, value.to_str()?);
            }
        }
        let default_context = RenderContext::default();
        let context = context.map_or(&default_context, |context| &context.get().context);
        let masker: &Masker = match masker {
            Some(masker) => &masker.get().masker,
            None => default_masker(),
        };
        run(py, false, || self.template.render(&explicit, context, masker))?
            .map_err(|err| template_error(py, &err))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Template({})", repr(py, self.template.source())?))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyTemplate>().is_ok_and(|other| other.get().template == self.template)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.template.source().hash(&mut hasher);
        hasher.finish()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        (slf.get_type(), (slf.get().template.source(),)).into_pyobject(slf.py())
    }
}

/// What the agent desktop knows about a conversation: the automatic variables (`agent.name`,
/// `agent.id`, `customer.name`, `queue.name`, `date`) and the variables safe by construction.
#[pyclass(frozen, module = "piimask", name = "RenderContext")]
#[derive(Clone, Debug)]
pub struct PyRenderContext {
    context: RenderContext,
    /// Its JSON form (for pickling and equality).
    json: String,
}

#[pymethods]
impl PyRenderContext {
    #[new]
    #[pyo3(signature = (*, agent_name = None, agent_id = None, customer_name = None, queue_name = None, date = None, date_format = None, unmasked_variables = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        agent_name: Option<String>,
        agent_id: Option<String>,
        customer_name: Option<String>,
        queue_name: Option<String>,
        date: Option<&Bound<'_, PyAny>>,
        date_format: Option<String>,
        unmasked_variables: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRenderContext> {
        let mut fields = serde_json::Map::new();
        let mut text = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                fields.insert(name.to_string(), serde_json::Value::String(value));
            }
        };
        text("agent_name", agent_name);
        text("agent_id", agent_id);
        text("customer_name", customer_name);
        text("queue_name", queue_name);
        text("date", date.map(date_text).transpose()?);
        text("date_format", date_format);
        if let Some(names) = unmasked_variables {
            if names.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(
                    "unmasked_variables must be a collection of names, not a str",
                ));
            }
            let names: Vec<serde_json::Value> = names
                .try_iter()?
                .map(|name| name?.extract::<String>().map(serde_json::Value::String))
                .collect::<PyResult<_>>()?;
            fields.insert("unmasked_variables".to_string(), serde_json::Value::Array(names));
        }
        PyRenderContext::from_text(py, &serde_json::Value::Object(fields).to_string())
    }

    /// Reads the documented TOML or JSON form of a context.
    #[staticmethod]
    fn parse(py: Python<'_>, text: &str) -> PyResult<PyRenderContext> {
        PyRenderContext::from_text(py, text)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let context = &self.context;
        let set: Vec<&str> = [
            ("agent_name", context.agent_name.is_some()),
            ("agent_id", context.agent_id.is_some()),
            ("customer_name", context.customer_name.is_some()),
            ("queue_name", context.queue_name.is_some()),
            ("date", context.date.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, is_set)| is_set.then_some(name))
        .collect();
        // Which fields are set, never their values (a customer name may be a phone number).
        Ok(format!(
            "RenderContext(<set: {}>, date_format={}, unmasked_variables={:?})",
            set.join(", "),
            repr(py, context.date_format.as_str())?,
            context.unmasked_variables
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyRenderContext>().is_ok_and(|other| other.get().context == self.context)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let parse = slf.get_type().getattr("parse")?;
        (parse, (slf.get().json.as_str(),)).into_pyobject(slf.py())
    }
}

impl PyRenderContext {
    fn from_text(py: Python<'_>, text: &str) -> PyResult<PyRenderContext> {
        let context = RenderContext::parse(text).map_err(|err| template_error(py, &err))?;
        let json = context_json(&context);
        Ok(PyRenderContext { context, json })
    }
}

/// The JSON form of a context.
fn context_json(context: &RenderContext) -> String {
    let mut fields = serde_json::Map::new();
    for (name, value) in [
        ("agent_name", &context.agent_name),
        ("agent_id", &context.agent_id),
        ("customer_name", &context.customer_name),
        ("queue_name", &context.queue_name),
    ] {
        if let Some(value) = value {
            fields.insert(name.to_string(), serde_json::Value::String(value.clone()));
        }
    }
    if let Some(date) = context.date {
        fields.insert("date".into(), serde_json::Value::String(date.to_string()));
    }
    fields.insert("date_format".into(), serde_json::Value::String(context.date_format.as_str().to_string()));
    fields.insert(
        "unmasked_variables".into(),
        serde_json::Value::Array(
            context.unmasked_variables.iter().map(|name| serde_json::Value::String(name.clone())).collect(),
        ),
    );
    serde_json::Value::Object(fields).to_string()
}

/// A `date` option as the context form writes it: a `str` as it is; a `datetime.datetime` as
/// `YYYY-MM-DDTHH:MM`; a `datetime.date` as `YYYY-MM-DD`. The core checks that it exists.
fn date_text(date: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = date.cast::<PyString>() {
        return Ok(text.to_str()?.to_string());
    }
    let part = |name: &str| -> PyResult<i64> { date.getattr(name)?.extract::<i64>() };
    let (Ok(year), Ok(month), Ok(day)) = (part("year"), part("month"), part("day")) else {
        return Err(PyTypeError::new_err("date must be a str, a datetime.date or a datetime.datetime"));
    };
    match (part("hour"), part("minute")) {
        (Ok(hour), Ok(minute)) => Ok(format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}")),
        _ => Ok(format!("{year:04}-{month:02}-{day:02}")),
    }
}

/// A validated library of text blocks, searched by `#query`.
#[pyclass(frozen, module = "piimask", name = "TextBlockLibrary")]
#[derive(Clone, Debug)]
pub struct PyTextBlockLibrary {
    library: Arc<TextBlockLibrary>,
    source: String,
}

#[pymethods]
impl PyTextBlockLibrary {
    #[new]
    fn new(py: Python<'_>, text: &str) -> PyResult<PyTextBlockLibrary> {
        let library = TextBlockLibrary::parse(text).map_err(|err| library_error(py, &err))?;
        Ok(PyTextBlockLibrary { library: Arc::new(library), source: text.to_string() })
    }

    fn __len__(&self) -> usize {
        self.library.len()
    }

    /// The blocks, in library order.
    #[getter]
    fn blocks(&self) -> Vec<PyTextBlock> {
        (0..self.library.len()).map(|index| self.block(index)).collect()
    }

    /// The block with this shortcut (a leading `#`, case and accents ignored), or None.
    fn get(&self, shortcut: &str) -> Option<PyTextBlock> {
        let found = self.library.get(shortcut)?;
        let index = self.library.blocks().iter().position(|block| std::ptr::eq(block, found))?;
        Some(self.block(index))
    }

    /// The blocks matching `query`, best first, at most `limit` of them.
    #[pyo3(signature = (query, limit = 10))]
    fn search(&self, py: Python<'_>, query: &str, limit: usize) -> PyResult<Vec<PySearchHit>> {
        let hits = run(py, false, || {
            self.library
                .search(query, limit)
                .iter()
                .map(|hit| (hit.index, hit.rank.name()))
                .collect::<Vec<_>>()
        })?;
        Ok(hits.into_iter().map(|(index, rank)| PySearchHit { block: self.block(index), rank }).collect())
    }

    fn __repr__(&self) -> String {
        format!("TextBlockLibrary(<{} blocks>)", self.library.len())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        (slf.get_type(), (slf.get().source.as_str(),)).into_pyobject(slf.py())
    }
}

impl PyTextBlockLibrary {
    fn block(&self, index: usize) -> PyTextBlock {
        PyTextBlock { library: Arc::clone(&self.library), index }
    }
}

/// One quick reply of a library.
#[pyclass(frozen, module = "piimask", name = "TextBlock")]
#[derive(Clone, Debug)]
pub struct PyTextBlock {
    library: Arc<TextBlockLibrary>,
    index: usize,
}

impl PyTextBlock {
    fn get(&self) -> &piimask::TextBlock {
        &self.library.blocks()[self.index]
    }
}

#[pymethods]
impl PyTextBlock {
    /// The block's index in its library.
    #[getter]
    fn index(&self) -> usize {
        self.index
    }

    /// The shortcut, as written (without `#`).
    #[getter]
    fn shortcut(&self) -> &str {
        self.get().shortcut()
    }

    /// The title.
    #[getter]
    fn title(&self) -> &str {
        self.get().title()
    }

    /// The body, a parsed template.
    #[getter]
    fn body(&self) -> PyTemplate {
        PyTemplate { template: self.get().body().clone() }
    }

    /// The tags.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.get().tags().to_vec()
    }

    /// The language tag, or None.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.get().language()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "TextBlock(shortcut={}, title={})",
            repr(py, self.get().shortcut())?,
            repr(py, self.get().title())?
        ))
    }
}

/// One search result: the block and why it matched.
#[pyclass(frozen, module = "piimask", name = "SearchHit")]
#[derive(Clone, Debug)]
pub struct PySearchHit {
    block: PyTextBlock,
    rank: &'static str,
}

#[pymethods]
impl PySearchHit {
    /// The block.
    #[getter]
    fn block(&self) -> PyTextBlock {
        self.block.clone()
    }

    /// Why it matched: `"exact_shortcut"`, `"title_prefix"`, `"word_prefix"` or `"all"`.
    #[getter]
    fn rank(&self) -> &'static str {
        self.rank
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SearchHit(shortcut={}, rank={})",
            repr(py, self.block.get().shortcut())?,
            repr(py, self.rank)?
        ))
    }
}

/// One problem of a rejected text-block library.
#[pyclass(frozen, eq, module = "piimask", name = "LibraryProblem")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyLibraryProblem {
    /// The block's index, or None for a problem of the document itself.
    #[pyo3(get)]
    index: Option<usize>,
    /// The field (`shortcut`, `tags[2]`, an unknown key), or None for a whole block.
    #[pyo3(get)]
    field: Option<String>,
    /// The 1-based line in the library text, when known.
    #[pyo3(get)]
    line: Option<usize>,
    /// The stable name of the problem (`"missing_field"`, `"duplicate_shortcut"`, ...).
    #[pyo3(get)]
    problem: &'static str,
    /// What is wrong, in words.
    #[pyo3(get)]
    message: String,
}

impl PyLibraryProblem {
    pub fn from_core(problem: &LibraryProblem) -> PyLibraryProblem {
        PyLibraryProblem {
            index: problem.index,
            field: problem.field.clone(),
            line: problem.line,
            problem: problem.kind.code(),
            message: problem.to_string(),
        }
    }
}

#[pymethods]
impl PyLibraryProblem {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let field = match &self.field {
            Some(field) => repr(py, field)?,
            None => "None".to_string(),
        };
        let number =
            |value: Option<usize>| value.map_or_else(|| "None".to_string(), |value| value.to_string());
        Ok(format!(
            "LibraryProblem(index={}, field={field}, line={}, problem={})",
            number(self.index),
            number(self.line),
            repr(py, self.problem)?
        ))
    }
}

/// One reason an agent's message cannot be sent as it is.
#[pyclass(frozen, eq, module = "piimask", name = "MessageProblem")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyMessageProblem {
    /// `"too_long"` or `"reserved_character"`.
    #[pyo3(get)]
    problem: &'static str,
    /// Index of the character at fault in the `str` (for `too_long`, the first one over the limit).
    #[pyo3(get)]
    offset: usize,
    /// What is wrong, in words.
    #[pyo3(get)]
    message: String,
}

#[pymethods]
impl PyMessageProblem {
    pub fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("MessageProblem(problem={}, offset={})", repr(py, self.problem)?, self.offset))
    }
}

/// What `check_message` found.
#[pyclass(frozen, module = "piimask", name = "MessageReport")]
#[derive(Clone, Debug)]
pub struct PyMessageReport {
    /// The message's length in characters.
    #[pyo3(get)]
    chars: usize,
    /// Every problem, in order of position.
    #[pyo3(get)]
    problems: Vec<PyMessageProblem>,
    /// Every sensitive value, left to right.
    #[pyo3(get)]
    pii: Vec<PyMatch>,
}

#[pymethods]
impl PyMessageReport {
    /// Whether the message can be sent as it is (PII is reported, not a problem).
    #[getter]
    fn is_sendable(&self) -> bool {
        self.problems.is_empty()
    }

    /// Whether the message holds any sensitive value.
    #[getter]
    fn has_pii(&self) -> bool {
        !self.pii.is_empty()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let problems: Vec<String> =
            self.problems.iter().map(|problem| problem.__repr__(py)).collect::<PyResult<_>>()?;
        let pii: Vec<String> = self.pii.iter().map(|found| found.__repr__(py)).collect::<PyResult<_>>()?;
        Ok(format!(
            "MessageReport(chars={}, problems=[{}], pii=[{}])",
            self.chars,
            problems.join(", "),
            pii.join(", ")
        ))
    }
}

/// Checks an agent's message before it is sent: length, `<` and `>`, and the PII it holds.
#[pyfunction]
#[pyo3(signature = (text, /, masker = None))]
pub fn check_message(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    masker: Option<&Bound<'_, PyMasker>>,
) -> PyResult<PyMessageReport> {
    let utf8 = utf8(text, None)?;
    let masker: &Masker = match masker {
        Some(masker) => &masker.get().masker,
        None => default_masker(),
    };
    let report: MessageReport = run(py, utf8.len() >= DETACH_BYTES, || core_check_message(utf8, masker))?;
    let pii = report
        .pii
        .iter()
        .map(|found| PyMatch {
            kind: found.kind.name().to_string(),
            start: found.char_start,
            end: found.char_end,
            masked: masker.mask_match(utf8, &Match::new(found.kind, found.span)),
        })
        .collect();
    let problems = report
        .problems
        .iter()
        .map(|problem: &MessageProblem| PyMessageProblem {
            problem: problem.code(),
            offset: problem.char(),
            message: problem.to_string(),
        })
        .collect();
    Ok(PyMessageReport { chars: report.chars, problems, pii })
}

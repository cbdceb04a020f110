//! The native module `piimask._piimask`: thin pyo3 wrappers over the piimask core. Every rule
//! lives in the core; this crate only converts arguments, results and errors (see
//! `python/piimask/_piimask.pyi` for the documented Python API).

mod batch;
mod errors;
mod masker;
mod replies;
mod text;

use pyo3::prelude::*;
use pyo3::types::PyTuple;

#[pymodule]
fn _piimask(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("RULESET_VERSION", piimask::RULESET_VERSION)?;
    module.add("MAX_MESSAGE_CHARS", piimask::MAX_MESSAGE_CHARS)?;
    let py = module.py();
    module.add("KINDS", PyTuple::new(py, piimask::Kind::ALL.map(piimask::Kind::name))?)?;
    module.add("STYLES", PyTuple::new(py, piimask::Style::ALL.map(piimask::Style::name))?)?;
    errors::register(module)?;
    module.add_class::<masker::PyMasker>()?;
    module.add_class::<masker::PyMatch>()?;
    module.add_function(wrap_pyfunction!(masker::mask, module)?)?;
    module.add_class::<replies::PyTemplate>()?;
    module.add_class::<replies::PyRenderContext>()?;
    module.add_class::<replies::PyTextBlockLibrary>()?;
    module.add_class::<replies::PyTextBlock>()?;
    module.add_class::<replies::PySearchHit>()?;
    module.add_class::<replies::PyLibraryProblem>()?;
    module.add_class::<replies::PyMessageProblem>()?;
    module.add_class::<replies::PyMessageReport>()?;
    module.add_function(wrap_pyfunction!(replies::check_message, module)?)?;
    Ok(())
}

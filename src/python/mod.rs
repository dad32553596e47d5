//! The Python face: `tidings._native`. All pyo3 code lives here, behind the `python` feature.
//!
//! Inputs are copied into owned Rust values, the work runs with the GIL released and panics
//! caught ([`run_detached`]), and results are converted to code-point offsets once.

mod columns;
mod inputs;
mod model;
mod objects;
mod tables;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use chrono::NaiveDate;
use pyo3::exceptions::{PyKeyboardInterrupt, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::error::{catch_panic, Error};
use crate::pipeline::{BatchItem, Cancel, Pipeline};
use crate::threads;
use inputs::{coerce_date, coerce_text, type_name};
use objects::{DocData, EntityRow, QuoteRow, SectionRow, SentenceRow, TimexRow};

/// Maps each core error to its class in `tidings.exceptions`.
impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        let class = match &e {
            Error::InvalidInput(_) => "InvalidInputError",
            Error::Model(_) => "ModelError",
            Error::Io(_) => "TidingsIOError",
            Error::TooLarge(_) => "DocumentTooLargeError",
            Error::Internal(_) => "InternalError",
            Error::Interrupted => return PyKeyboardInterrupt::new_err(()),
        };
        let msg = e.to_string();
        Python::attach(|py| {
            match py
                .import("tidings.exceptions")
                .and_then(|m| m.getattr(class))
            {
                Ok(cls) => PyErr::from_type(cls.cast_into().expect("exception class"), msg),
                Err(_) => PyValueError::new_err(msg),
            }
        })
    }
}

/// Runs `f` without the GIL, turning a panic into `InternalError` instead of letting it reach Python.
fn run_detached<T: Send, F: FnOnce() -> Result<T, Error> + Send>(
    py: Python<'_>,
    f: F,
) -> PyResult<T> {
    py.detach(move || catch_panic("", f)).map_err(PyErr::from)
}

/// Work smaller than this many bytes of text runs on the calling thread: it ends before a
/// Ctrl-C would be noticed anyway, and a thread would cost more than the work.
const WATCH_BYTES: usize = 64 * 1024;

/// How often a long call looks for a pending Ctrl-C.
const SIGNAL_TICK: Duration = Duration::from_millis(50);

/// Like [`run_detached`], but interruptible: unless `small`, `f` runs on a worker thread while
/// this thread (GIL released) wakes every [`SIGNAL_TICK`] to run Python's signal handlers. When
/// one raises (Ctrl-C gives `KeyboardInterrupt`), that exception is raised at once and the cancel
/// flag handed to `f` is set; the worker, which owns everything it uses, stops at its next check
/// (between documents, layers and pieces of a long document) and its result is dropped.
fn run_interruptible<T, F>(py: Python<'_>, small: bool, f: F) -> PyResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Cancel) -> Result<T, Error> + Send + 'static,
{
    use std::sync::mpsc::{sync_channel, RecvTimeoutError};
    let cancel = Cancel::default();
    if small {
        return run_detached(py, || f(&cancel));
    }
    let (tx, rx) = sync_channel(1);
    let worker_cancel = cancel.clone();
    std::thread::Builder::new()
        .name("tidings-call".into())
        .spawn(move || {
            let _ = tx.send(catch_panic("", || f(&worker_cancel)));
        })
        .map_err(|e| Error::Internal(format!("cannot start a worker thread: {e}")))?;
    let outcome: Result<Result<T, Error>, PyErr> = py.detach(move || loop {
        match rx.recv_timeout(SIGNAL_TICK) {
            Ok(r) => return Ok(r),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = Python::attach(|py| py.check_signals()) {
                    cancel.cancel();
                    return Err(e);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                let e = Error::Internal("the worker thread ended without a result".into());
                return Ok(Err(e));
            }
        }
    });
    outcome?.map_err(PyErr::from)
}

/// Shows the warning of a thread count that was cut down.
fn warn_threads(py: Python<'_>, t: &threads::Threads) -> PyResult<()> {
    if let Some(w) = &t.warning {
        let cat = py.get_type::<PyUserWarning>();
        PyErr::warn(
            py,
            &cat,
            &std::ffi::CString::new(w.as_str()).unwrap_or_default(),
            2,
        )?;
    }
    Ok(())
}

fn default_pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::default)
}

/// The pipeline for a `model` argument: None for the built-in model, a `Model`, or a path.
fn pipeline_for(model: Option<&Bound<'_, PyAny>>) -> PyResult<Pipeline> {
    let Some(m) = model.filter(|m| !m.is_none()) else {
        return Ok(default_pipeline().clone());
    };
    if let Ok(m) = m.cast::<model::Model>() {
        return Ok(Pipeline::with_entities(m.get().inner.clone()));
    }
    if let Ok(path) = m.extract::<std::path::PathBuf>() {
        let loaded = model::load_model(m.py(), path)?;
        return Ok(Pipeline::with_entities(loaded.inner));
    }
    Err(PyTypeError::new_err(format!(
        "[E001] model must be a tidings.Model, a path to a model file, or None, not {}",
        type_name(m)
    )))
}

/// The analysis of one text: its sentences, entities, dates, quotes and (for a compilation) sections.
#[pyclass(frozen, module = "tidings", name = "Document")]
pub struct Document {
    pub(crate) data: Arc<DocData>,
}

fn list_of<'py, T>(py: Python<'py>, rows: &[T]) -> PyResult<Bound<'py, PyList>>
where
    T: pyo3::PyClass + Clone + Into<pyo3::PyClassInitializer<T>>,
{
    let objs = rows
        .iter()
        .map(|r| Py::new(py, r.clone()))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objs)
}

#[pymethods]
impl Document {
    /// The text that was analysed.
    #[getter]
    fn text(&self) -> &str {
        &self.data.text
    }
    /// The document (reference) date: given by the caller, or inferred from the text, or None.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.data.date
    }
    /// "given", "inferred" or None.
    #[getter]
    fn date_source(&self) -> Option<&'static str> {
        self.data.date_source
    }
    /// The error message if analysing this document failed (in a batch), else None.
    #[getter]
    fn error(&self) -> Option<String> {
        self.data.error.clone()
    }
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<SentenceRow>(py, &self.data.sentences)
    }
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<EntityRow>(py, &self.data.entities)
    }
    #[getter]
    fn dates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<TimexRow>(py, &self.data.dates)
    }
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<QuoteRow>(py, &self.data.quotes)
    }
    /// The dated pieces of a compilation (several dated reports in one text), each with the date
    /// its relative expressions count from; empty for a single piece.
    #[getter]
    fn sections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<SectionRow>(py, &self.data.sections)
    }
    /// Everything as plain Python data (dates as ISO strings), ready for `json.dumps`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        objects::to_py_dict(py, &*self.data)
    }
    /// Everything as one line of JSON.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&*self.data).map_err(|e| Error::Internal(e.to_string()).into())
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().data == self.data)
    }
    fn __len__(&self) -> usize {
        self.data.text.chars().count()
    }
    fn __repr__(&self) -> String {
        let d = &self.data;
        let mut head: String = d.text.chars().take(50).collect();
        if head.len() < d.text.len() {
            head.push('…');
        }
        format!(
            "Document({head:?}, date={}, sentences={}, entities={}, dates={}, quotes={}{})",
            d.date.map_or("None".into(), |x| x.to_string()),
            d.sentences.len(),
            d.entities.len(),
            d.dates.len(),
            d.quotes.len(),
            d.error
                .as_ref()
                .map(|e| format!(", error={e:?}"))
                .unwrap_or_default()
        )
    }
    /// The article view of `tidings.display`: entities, dates and quotes with their labels,
    /// values and speakers (for Jupyter).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        view_html(slf, "render_html")
    }
}

/// Analyse one text. `date` (ISO string, datetime.date or None) anchors relative dates.
/// A text longer than `max_chars` characters raises `DocumentTooLargeError`; Ctrl-C raises
/// `KeyboardInterrupt` within a fraction of a second.
#[pyfunction]
#[pyo3(signature = (text, date=None, model=None, max_chars=None))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    model: Option<&Bound<'_, PyAny>>,
    max_chars: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    let max_chars = inputs::max_chars_arg(max_chars)?;
    let text = coerce_text(text, "text", max_chars)?;
    let date = coerce_date(date, "date")?;
    let pipeline = pipeline_for(model)?.with_max_chars(max_chars);
    let small = text.len() < WATCH_BYTES;
    let data = run_interruptible(py, small, move |cancel| {
        let doc = pipeline.analyze_cancellable(text, date, cancel)?;
        Ok(to_python(doc))
    })?;
    Ok(Document {
        data: Arc::new(data),
    })
}

/// A core document as Python sees it. The tokens are dropped first: Python never sees them, and
/// on a long document they are the largest part of it (about 5 bytes a character).
fn to_python(mut doc: crate::types::Document) -> DocData {
    doc.tokens = Vec::new();
    DocData::from_core(doc)
}

/// The error recorded on document `i` of a batch for an input that raised `e`.
fn recorded_error(py: Python<'_>, e: &PyErr, i: usize) -> String {
    let msg = e.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    let msg = msg
        .trim_start_matches("[E001] ")
        .trim_start_matches("[E004] ");
    format!("document {i}: {msg}")
}

/// Analyse many texts in parallel (GIL released); one Document per text, in order.
/// A text or date that is not usable gives a Document with `error` set (errors="record")
/// or raises (errors="raise"). Ctrl-C raises `KeyboardInterrupt` within a fraction of a second.
#[pyfunction]
#[pyo3(signature = (texts, dates=None, n_threads=None, errors="record", model=None, max_chars=None))]
fn analyze_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    dates: Option<&Bound<'_, PyAny>>,
    n_threads: Option<&Bound<'_, PyAny>>,
    errors: &str,
    model: Option<&Bound<'_, PyAny>>,
    max_chars: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Document>> {
    let raise = match errors {
        "record" => false,
        "raise" => true,
        other => {
            return Err(Error::InvalidInput(format!(
                "errors must be \"record\" or \"raise\", not {other:?}"
            ))
            .into())
        }
    };
    let pipeline = pipeline_for(model)?;
    let max_chars = inputs::max_chars_arg(max_chars)?;
    if texts.cast::<PyString>().is_ok()
        || matches!(type_name(texts).as_str(), "bytes" | "bytearray")
    {
        return Err(PyTypeError::new_err(
            "[E001] texts must be a list (or other iterable) of str, not a single str; use analyze(text) for one text",
        ));
    }
    let threads = threads::resolve(inputs::n_threads_arg(n_threads)?)?;
    warn_threads(py, &threads)?;
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "[E001] texts must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    // Each item: its text, or what was wrong with it (whether it is too large, the messages, and
    // the text when the text itself was fine).
    let mut items: Vec<Result<String, Failed>> = Vec::new();
    for obj in iter {
        let obj = obj?;
        match coerce_text(&obj, "text", max_chars) {
            Ok(s) => items.push(Ok(s)),
            Err(e) if raise => return Err(e),
            Err(e) => {
                let msg = recorded_error(py, &e, items.len());
                let too_large = is_too_large(py, &e);
                items.push(Err(Failed {
                    too_large,
                    msgs: vec![msg],
                    text: String::new(),
                }));
            }
        }
    }
    let n = items.len();
    let mut date_list: Vec<Option<NaiveDate>> = vec![None; n];
    if let Some(ds) = inputs::dates_arg(dates, n)? {
        for (i, d) in ds.iter().enumerate() {
            match coerce_date(Some(d), "date") {
                Ok(x) => date_list[i] = x,
                Err(e) if raise => return Err(e),
                Err(e) => {
                    let msg = recorded_error(py, &e, i);
                    match &mut items[i] {
                        // Both the text and the date are bad: the error names both.
                        Err(f) => f.msgs.push(msg.replacen(&format!("document {i}: "), "", 1)),
                        Ok(text) => {
                            let text = std::mem::take(text);
                            items[i] = Err(Failed {
                                too_large: false,
                                msgs: vec![msg],
                                text,
                            });
                        }
                    }
                }
            }
        }
    }
    let total: usize = items
        .iter()
        .map(|t| t.as_ref().map_or(0, |s| s.len()))
        .sum();
    let pipeline = pipeline.with_max_chars(max_chars);
    let items: Vec<BatchItem> = items
        .into_iter()
        .zip(date_list)
        .map(|(item, date)| match item {
            Ok(text) => BatchItem::Text(text, date),
            Err(f) => f.into_item(),
        })
        .collect();
    let datas = run_interruptible(py, total < WATCH_BYTES, move |cancel| {
        pipeline.analyze_batch(&items, threads.n, cancel, to_python)
    })?;
    Ok(datas
        .into_iter()
        .map(|d| Document { data: Arc::new(d) })
        .collect())
}

/// A batch item whose text or date was not usable.
struct Failed {
    too_large: bool,
    msgs: Vec<String>,
    text: String,
}

impl Failed {
    fn into_item(self) -> BatchItem {
        let msg = self.msgs.join("; ");
        let error = if self.too_large {
            Error::TooLarge(msg)
        } else {
            Error::InvalidInput(msg)
        };
        BatchItem::Failed {
            text: self.text,
            error,
        }
    }
}

/// True when `e` is a `DocumentTooLargeError`.
fn is_too_large(py: Python<'_>, e: &PyErr) -> bool {
    py.import("tidings.exceptions")
        .and_then(|m| m.getattr("DocumentTooLargeError"))
        .is_ok_and(|cls| e.value(py).is_instance(&cls).unwrap_or(false))
}

/// For benchmarks: analyse `texts` with only the named layers ("entities", "dates", "quotes";
/// an empty list runs the text layer alone) and return the seconds taken, results discarded.
#[pyfunction]
#[pyo3(signature = (texts, layers, n_threads=None))]
fn _time_layers(
    py: Python<'_>,
    texts: Vec<String>,
    layers: Vec<String>,
    n_threads: Option<usize>,
) -> PyResult<f64> {
    let all = default_pipeline().extractors();
    let mut chosen = Vec::new();
    for l in &layers {
        match all.iter().find(|e| e.name() == l.as_str()) {
            Some(e) => chosen.push(e.clone()),
            None => return Err(Error::InvalidInput(format!("unknown layer {l:?}")).into()),
        }
    }
    let p = Pipeline::new(chosen);
    let threads = threads::resolve(n_threads.map(|n| n as u128))?;
    run_detached(py, move || {
        let t = std::time::Instant::now();
        let never = Cancel::default();
        let docs = p.analyze_many_with(&texts, &[], threads.n, &never, |d| d.tokens.len())?;
        std::hint::black_box(docs);
        Ok(t.elapsed().as_secs_f64())
    })
}

/// For benchmarks: analyse `texts` serially with the built-in pipeline and return the seconds
/// spent in each stage, `[("text", s), ("entities", s), ("dates", s), ("quotes", s)]`.
#[pyfunction]
fn _stage_times(py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<(String, f64)>> {
    let p = default_pipeline();
    run_detached(py, move || {
        let mut times = vec![std::time::Duration::ZERO; p.extractors().len() + 1];
        for t in &texts {
            std::hint::black_box(p.analyze_timed(t, None, &mut times));
        }
        let names = std::iter::once("text").chain(p.extractors().iter().map(|e| e.name()));
        Ok(names
            .zip(times)
            .map(|(n, d)| (n.to_string(), d.as_secs_f64()))
            .collect())
    })
}

/// A document date written as text, by the rule `analyze(text, date=...)` follows (ISO
/// `YYYY-MM-DD`, an optional time part ignored); `InvalidInputError` otherwise.
#[pyfunction]
fn parse_date(s: &str) -> PyResult<NaiveDate> {
    Ok(crate::pipeline::parse_iso_date(s)?)
}

/// The thread count analyze_many uses when n_threads is None.
#[pyfunction]
fn default_threads() -> PyResult<usize> {
    Ok(crate::pipeline::resolve_threads(None)?)
}

#[pymodule(gil_used = false)]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::pipeline::mark_process();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Document>()?;
    m.add_class::<SentenceRow>()?;
    m.add_class::<EntityRow>()?;
    m.add_class::<TimexRow>()?;
    m.add_class::<QuoteRow>()?;
    m.add_class::<SectionRow>()?;
    m.add_class::<tables::Table>()?;
    m.add_class::<model::Model>()?;
    m.add_function(wrap_pyfunction!(model::builtin_model, m)?)?;
    m.add_function(wrap_pyfunction!(model::load_model, m)?)?;
    m.add_function(wrap_pyfunction!(model::train_entities, m)?)?;
    m.add_function(wrap_pyfunction!(model::_tagger_words, m)?)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    m.add_function(wrap_pyfunction!(_stage_times, m)?)?;
    m.add_function(wrap_pyfunction!(_time_layers, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table, m)?)?;
    m.add_function(wrap_pyfunction!(tables::_schema, m)?)?;
    let layers: Vec<&str> = tables::LAYERS.iter().map(|l| l.0).collect();
    m.add("LAYERS", pyo3::types::PyTuple::new(m.py(), layers)?)?;
    Ok(())
}

/// HTML drawn by the Python view module (`tidings.view`), which owns how results look.
fn view_html<T: pyo3::PyClass>(obj: &Bound<'_, T>, function: &str) -> PyResult<String> {
    obj.py()
        .import("tidings.view")?
        .getattr(function)?
        .call1((obj,))?
        .extract()
}

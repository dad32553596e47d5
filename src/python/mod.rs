//! The Python face: `tidings._native`. All pyo3 code lives here, behind the `python` feature.
//!
//! Inputs are copied into owned Rust values, the work runs with the GIL released and panics
//! caught ([`run_detached`]), and results are converted to code-point offsets once.

mod model;
mod objects;
mod tables;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyList, PyString};

use crate::error::Error;
use crate::pipeline::Pipeline;
use objects::{DocData, EntityRow, QuoteRow, SentenceRow, TimexRow};

/// Maps each core error to its class in `tidings.exceptions`.
impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        let class = match &e {
            Error::InvalidInput(_) => "InvalidInputError",
            Error::Model(_) => "ModelError",
            Error::Io(_) => "TidingsIOError",
            Error::Internal(_) => "InternalError",
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
    py.detach(move || match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(Error::Internal(msg))
        }
    })
    .map_err(PyErr::from)
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

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// `text` must be a `str`; bytes get a hint to decode.
fn coerce_text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let s = obj.cast::<PyString>().map_err(|_| {
        let t = type_name(obj);
        let hint = if t == "bytes" || t == "bytearray" {
            " (decode it first, e.g. data.decode(\"utf-8\"))"
        } else {
            ""
        };
        PyTypeError::new_err(format!("[E001] {what} must be str, not {t}{hint}"))
    })?;
    s.to_cow().map(|c| c.into_owned()).map_err(|_| {
        Error::InvalidInput(format!(
            "{what} contains lone surrogate characters and is not valid Unicode; clean it first, e.g. \
             text.encode(\"utf-8\", \"replace\").decode(\"utf-8\")"
        ))
        .into()
    })
}

/// Parses an ISO date: `YYYY-MM-DD`, optionally followed by a time (`T12:00:00`, ` 12:00`).
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, Error> {
    let t = s.trim();
    let head = t.get(..10).unwrap_or(t);
    let rest = t.get(10..).unwrap_or("");
    let tail_ok = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    match NaiveDate::parse_from_str(head, "%Y-%m-%d") {
        Ok(d) if tail_ok && head.len() == 10 => Ok(d),
        _ => Err(Error::InvalidInput(format!(
            "date {s:?} is not an ISO date; use \"YYYY-MM-DD\" (e.g. \"2016-09-20\"), a datetime.date, or None"
        ))),
    }
}

/// `date` may be None, an ISO string, a `datetime.date` or a `datetime.datetime`.
fn coerce_date(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(parse_iso_date(&s.to_cow()?)?));
    }
    if obj.cast::<PyDate>().is_ok() {
        // datetime.datetime is a subclass of datetime.date: pyo3 takes its calendar date.
        return obj.extract::<NaiveDate>().map(Some);
    }
    Err(PyTypeError::new_err(format!(
        "[E001] date must be an ISO string (\"YYYY-MM-DD\"), datetime.date, datetime.datetime or None, not {}",
        type_name(obj)
    )))
}

fn is_date_like(obj: &Bound<'_, PyAny>) -> bool {
    obj.cast::<PyString>().is_ok() || obj.cast::<PyDate>().is_ok()
}

/// The analysis of one text: its sentences, entities, dates and quotes.
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
        self.data.error.as_ref().map(|e| e.to_string())
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
                .map(|e| format!(", error={:?}", e.to_string()))
                .unwrap_or_default()
        )
    }
    /// Highlighted entities and dates, quotes underlined (for Jupyter).
    fn _repr_html_(&self) -> String {
        tables::render_html(&self.data)
    }
}

/// Analyse one text. `date` (ISO string, datetime.date or None) anchors relative dates.
#[pyfunction]
#[pyo3(signature = (text, date=None, model=None))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    model: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    let text = coerce_text(text, "text")?;
    let date = coerce_date(date)?;
    let pipeline = pipeline_for(model)?;
    let data = run_detached(py, move || {
        Ok(DocData::from_core(pipeline.analyze(&text, date)))
    })?;
    Ok(Document {
        data: Arc::new(data),
    })
}

/// The error recorded on document `i` of a batch for an input that raised `e`.
fn recorded_error(py: Python<'_>, e: &PyErr, i: usize) -> Error {
    let msg = e.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    Error::InvalidInput(format!(
        "document {i}: {}",
        msg.trim_start_matches("[E001] ")
    ))
}

/// Analyse many texts in parallel (GIL released); one Document per text, in order.
/// A text or date that is not usable gives a Document with `error` set (errors="record")
/// or raises (errors="raise").
#[pyfunction]
#[pyo3(signature = (texts, dates=None, n_threads=None, errors="record", model=None))]
fn analyze_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    dates: Option<&Bound<'_, PyAny>>,
    n_threads: Option<&Bound<'_, PyAny>>,
    errors: &str,
    model: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Document>> {
    let pipeline = pipeline_for(model)?;
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
    if texts.cast::<PyString>().is_ok()
        || matches!(type_name(texts).as_str(), "bytes" | "bytearray")
    {
        return Err(PyTypeError::new_err(
            "[E001] texts must be a list (or other iterable) of str, not a single str; use analyze(text) for one text",
        ));
    }
    let n_threads = match n_threads {
        None => None,
        Some(o) if o.is_none() => None,
        Some(o) => match o.extract::<i64>() {
            Ok(n) if n >= 1 && o.cast::<pyo3::types::PyBool>().is_err() => Some(n as usize),
            Ok(n) => {
                return Err(
                    Error::InvalidInput(format!("n_threads must be >= 1 or None, not {n}")).into(),
                )
            }
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "[E001] n_threads must be int or None, not {}",
                    type_name(o)
                )))
            }
        },
    };
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "[E001] texts must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    let mut items: Vec<Result<String, (String, Error)>> = Vec::new();
    for obj in iter {
        let obj = obj?;
        match coerce_text(&obj, "text") {
            Ok(s) => items.push(Ok(s)),
            Err(e) if raise => return Err(e),
            Err(e) => {
                let err = recorded_error(py, &e, items.len());
                items.push(Err((String::new(), err)));
            }
        }
    }
    let n = items.len();
    // One date for all, or one per text.
    let mut date_list: Vec<Option<NaiveDate>> = vec![None; n];
    if let Some(d) = dates.filter(|d| !d.is_none()) {
        if is_date_like(d) {
            let one = coerce_date(Some(d))?;
            date_list = vec![one; n];
        } else {
            let ds: Vec<Bound<'_, PyAny>> = d
                .try_iter()
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "[E001] dates must be None, one date, or an iterable of dates, not {}",
                        type_name(d)
                    ))
                })?
                .collect::<PyResult<_>>()?;
            if ds.len() != n {
                return Err(Error::InvalidInput(format!(
                    "got {n} texts but {} dates; pass one date per text, one date for all, or None",
                    ds.len()
                ))
                .into());
            }
            for (i, d) in ds.iter().enumerate() {
                match coerce_date(Some(d)) {
                    Ok(x) => date_list[i] = x,
                    Err(e) if raise => return Err(e),
                    Err(e) => {
                        let err = recorded_error(py, &e, i);
                        let text = std::mem::replace(&mut items[i], Ok(String::new()));
                        items[i] = Err((text.unwrap_or_else(|(t, _)| t), err));
                    }
                }
            }
        }
    }
    let datas = run_detached(py, move || {
        let ok_idx: Vec<usize> = (0..n).filter(|&i| items[i].is_ok()).collect();
        let ok_texts: Vec<&str> = ok_idx
            .iter()
            .map(|&i| items[i].as_ref().unwrap().as_str())
            .collect();
        let ok_dates: Vec<Option<NaiveDate>> = ok_idx.iter().map(|&i| date_list[i]).collect();
        let mut done = pipeline
            .analyze_many_with(&ok_texts, &ok_dates, n_threads, DocData::from_core)?
            .into_iter();
        let mut out = Vec::with_capacity(n);
        for item in &items {
            match item {
                Ok(_) => out.push(done.next().expect("one result per text")),
                Err((t, e)) => out.push(DocData::failed(t.clone(), e.clone())),
            }
        }
        Ok(out)
    })?;
    Ok(datas
        .into_iter()
        .map(|d| Document { data: Arc::new(d) })
        .collect())
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
    run_detached(py, move || {
        let t = std::time::Instant::now();
        let docs = p.analyze_many_with(&texts, &[], n_threads, |d| d.tokens.len())?;
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
    m.add_class::<tables::Table>()?;
    m.add_class::<model::Model>()?;
    m.add_function(wrap_pyfunction!(model::builtin_model, m)?)?;
    m.add_function(wrap_pyfunction!(model::load_model, m)?)?;
    m.add_function(wrap_pyfunction!(model::train_entities, m)?)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(_stage_times, m)?)?;
    m.add_function(wrap_pyfunction!(_time_layers, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table, m)?)?;
    Ok(())
}

//! Entity models from Python: the built-in one, loading and saving files, training new ones.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;

use super::run_detached;
use crate::entities::{self, TrainConfig};
use crate::error::Error;

/// An entity tagger model. `tidings.load_model(path)` reads one; `Model.save(path)` writes it.
#[pyclass(frozen, module = "tidings", name = "Model")]
pub struct Model {
    pub(crate) inner: Arc<entities::Model>,
    source: String,
}

#[pymethods]
impl Model {
    /// Where the model came from: "built-in", a file path, or "trained".
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }
    /// How the model was trained (settings, data, scores), as a dict.
    #[getter]
    fn description<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.inner.description();
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(v) => super::objects::json_to_py(py, &v),
            Err(_) => Ok(text.into_pyobject(py)?.into_any()),
        }
    }
    /// Number of features with weights.
    #[getter]
    fn n_features(&self) -> usize {
        self.inner.n_features()
    }
    /// Writes the model to a file that `tidings.load_model` reads back.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let m = self.inner.clone();
        run_detached(py, move || m.save(&path))
    }
    fn __repr__(&self) -> String {
        format!(
            "Model(source={:?}, features={})",
            self.source,
            self.inner.n_features()
        )
    }
}

/// The entity model built into the package.
#[pyfunction]
pub fn builtin_model() -> Model {
    Model {
        inner: entities::Model::builtin(),
        source: "built-in".into(),
    }
}

/// Reads an entity model file. A damaged or foreign file raises `ModelError`.
#[pyfunction]
pub fn load_model(py: Python<'_>, path: PathBuf) -> PyResult<Model> {
    let source = path.display().to_string();
    let inner = run_detached(py, move || entities::Model::load(&path))?;
    Ok(Model {
        inner: Arc::new(inner),
        source,
    })
}

/// Trains an entity model from CoNLL-format files (token first, NER tag last; IOB1 or IOB2;
/// `-DOCSTART-` between documents). Returns the model and the training report (a JSON string).
#[pyfunction]
#[pyo3(signature = (train, dev=None, resources=None, epochs=None, seed=None, verbose=false, bags=None, prune=None, min_count=None))]
#[allow(clippy::too_many_arguments)]
pub fn train_entities(
    py: Python<'_>,
    train: PathBuf,
    dev: Option<PathBuf>,
    resources: Option<PathBuf>,
    epochs: Option<usize>,
    seed: Option<u64>,
    verbose: bool,
    bags: Option<usize>,
    prune: Option<f32>,
    min_count: Option<u32>,
) -> PyResult<(Model, String)> {
    let mut config = TrainConfig {
        verbose,
        ..TrainConfig::default()
    };
    if let Some(e) = epochs {
        if e == 0 {
            return Err(Error::InvalidInput("epochs must be at least 1".into()).into());
        }
        config.epochs = e;
    }
    if let Some(s) = seed {
        config.seed = s;
    }
    if let Some(b) = bags {
        if b == 0 {
            return Err(Error::InvalidInput("bags must be at least 1".into()).into());
        }
        config.bags = b;
    }
    if let Some(p) = prune {
        if !(p >= 0.0 && p.is_finite()) {
            return Err(Error::InvalidInput("prune must be a finite number >= 0".into()).into());
        }
        config.prune = p;
    }
    if let Some(m) = min_count {
        config.min_count = m;
    }
    let (model, report) = run_detached(py, move || {
        entities::train(&train, dev.as_deref(), resources.as_deref(), &config)
    })?;
    let report = serde_json::to_string(&report).map_err(|e| Error::Internal(e.to_string()))?;
    Ok((
        Model {
            inner: Arc::new(model),
            source: "trained".into(),
        },
        report,
    ))
}

/// For training on news text (`tidings.train_news`): what the entity tagger is shown of `text`,
/// as `(words, sentences)`: each word as `(start, end)` in Python string indices, and each
/// sentence as a range of word indices `(first, end)`.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn _tagger_words(
    py: Python<'_>,
    text: String,
) -> PyResult<(Vec<(usize, usize)>, Vec<(usize, usize)>)> {
    run_detached(py, move || {
        let doc = crate::pipeline::Pipeline::new(Vec::new()).analyze(&text, None);
        if let Some(e) = doc.error {
            return Err(e);
        }
        let (spans, sents) = entities::tagger_view(&doc);
        let at = crate::text::CharOffsets::new(&doc.text);
        let words = spans
            .iter()
            .map(|s| (at.get(s.start), at.get(s.end)))
            .collect();
        Ok((words, sents.iter().map(|s| (s.start, s.end)).collect()))
    })
}

//! Documents and batches: the text layer, then each extractor in turn, in parallel over documents.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::types::Document;
use crate::{entities, quotes, temporal, text};

/// One layer of analysis. Extractors run in order on a document whose text layer (tokens,
/// sentences, paragraphs) is ready; a later extractor may read what earlier ones found
/// (quotes read entities to name speakers).
pub trait Extractor: Send + Sync {
    /// A short name for reports and benchmarks ("entities", "dates", "quotes").
    fn name(&self) -> &'static str;
    /// Adds this layer's findings to the document.
    fn extract(&self, doc: &mut Document) -> Result<()>;
}

/// The text layer alone: a document with tokens, paragraphs and sentences.
pub fn prepare(text: &str, date: Option<NaiveDate>) -> Document {
    let tokens = text::tokenize(text);
    let paragraphs = text::paragraphs(text);
    let sentences = text::sentences(text, &tokens, &paragraphs);
    Document {
        text: text.to_owned(),
        date,
        date_source: date.map(|_| crate::types::DateSource::Given),
        tokens,
        sentences,
        paragraphs,
        ..Document::default()
    }
}

/// An ordered list of extractors.
#[derive(Clone)]
pub struct Pipeline {
    extractors: Vec<Arc<dyn Extractor>>,
}

impl Default for Pipeline {
    /// Entities (built-in model), dates, quotes.
    fn default() -> Self {
        Pipeline::with_entities(entities::Model::builtin())
    }
}

impl Pipeline {
    pub fn new(extractors: Vec<Arc<dyn Extractor>>) -> Self {
        Pipeline { extractors }
    }

    /// Entities with the given model, then dates and quotes.
    pub fn with_entities(model: Arc<entities::Model>) -> Self {
        Pipeline::new(vec![
            Arc::new(entities::EntityExtractor::new(model)),
            Arc::new(temporal::TemporalExtractor::default()),
            Arc::new(quotes::QuoteExtractor::default()),
        ])
    }

    pub fn extractors(&self) -> &[Arc<dyn Extractor>] {
        &self.extractors
    }

    /// Analyses one text. Never panics: a failing extractor leaves its error on the document
    /// and the layers found before it.
    pub fn analyze(&self, text: &str, date: Option<NaiveDate>) -> Document {
        self.run(text, date, None)
    }

    /// Like [`Pipeline::analyze`], also adding the time spent in each stage to `times`:
    /// index 0 is the text layer, then one entry per extractor, in order.
    pub fn analyze_timed(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        times: &mut [Duration],
    ) -> Document {
        self.run(text, date, Some(times))
    }

    fn run(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        mut times: Option<&mut [Duration]>,
    ) -> Document {
        let start = Instant::now();
        let mut doc = match catch_unwind(|| prepare(text, date)) {
            Ok(doc) => doc,
            Err(p) => {
                return Document {
                    text: text.to_owned(),
                    date,
                    error: Some(Error::Internal(format!(
                        "text layer: {}",
                        panic_message(&p)
                    ))),
                    ..Document::default()
                }
            }
        };
        let mut lap = |k: usize, since: Instant| {
            if let Some(t) = times.as_deref_mut().and_then(|t| t.get_mut(k)) {
                *t += since.elapsed();
            }
        };
        lap(0, start);
        for (k, ex) in self.extractors.iter().enumerate() {
            let start = Instant::now();
            let r = catch_unwind(AssertUnwindSafe(|| ex.extract(&mut doc)));
            lap(k + 1, start);
            let err = match r {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(e),
                Err(p) => Some(Error::Internal(format!(
                    "{}: {}",
                    ex.name(),
                    panic_message(&p)
                ))),
            };
            if let Some(e) = err {
                doc.error = Some(e);
                break;
            }
        }
        doc
    }

    /// Analyses many texts in parallel; the output has one document per input, in input order,
    /// identical to what [`Pipeline::analyze`] gives for each.
    pub fn analyze_many<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        dates: &[Option<NaiveDate>],
        n_threads: Option<usize>,
    ) -> Result<Vec<Document>> {
        self.analyze_many_with(texts, dates, n_threads, |d| d)
    }

    /// Like [`Pipeline::analyze_many`], but maps each document through `f` on the worker thread
    /// (the Python bindings convert offsets there, in parallel).
    pub fn analyze_many_with<S, T, F>(
        &self,
        texts: &[S],
        dates: &[Option<NaiveDate>],
        n_threads: Option<usize>,
        f: F,
    ) -> Result<Vec<T>>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(Document) -> T + Sync,
    {
        if !dates.is_empty() && dates.len() != texts.len() {
            return Err(Error::InvalidInput(format!(
                "got {} texts but {} dates; pass one date per text, or none",
                texts.len(),
                dates.len()
            )));
        }
        let date = |i: usize| dates.get(i).copied().flatten();
        let threads = resolve_threads(n_threads)?;
        let one = |(i, t): (usize, &S)| f(self.analyze(t.as_ref(), date(i)));
        if threads <= 1 || texts.len() <= 1 || forked() {
            return Ok(texts.iter().enumerate().map(one).collect());
        }
        let pool = thread_pool(threads)?;
        Ok(pool.install(|| {
            use rayon::prelude::*;
            texts.par_iter().enumerate().map(one).collect()
        }))
    }
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_owned()
    }
}

/// The thread count: the argument, else `TIDINGS_NUM_THREADS`, else all cores.
pub fn resolve_threads(n_threads: Option<usize>) -> Result<usize> {
    if let Some(n) = n_threads {
        if n == 0 {
            return Err(Error::InvalidInput(
                "n_threads must be at least 1 (or None for all cores)".into(),
            ));
        }
        return Ok(n);
    }
    if let Ok(v) = std::env::var("TIDINGS_NUM_THREADS") {
        return match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(Error::InvalidInput(format!(
                "TIDINGS_NUM_THREADS={v:?} is not a positive integer; unset it or set it to e.g. 4"
            ))),
        };
    }
    Ok(std::thread::available_parallelism().map_or(1, |n| n.get()))
}

static MAIN_PID: OnceLock<u32> = OnceLock::new();

/// Records the current process as the one that owns thread pools (called when the module loads).
pub fn mark_process() {
    MAIN_PID.get_or_init(std::process::id);
}

/// True in a child created by `fork` after the pools were made: threads do not survive a fork,
/// so such a child works serially.
pub fn forked() -> bool {
    MAIN_PID.get().is_some_and(|&pid| pid != std::process::id())
}

fn thread_pool(n: usize) -> Result<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    mark_process();
    let pools = POOLS.get_or_init(Default::default);
    let mut pools = pools.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("tidings-{i}"))
        .build()
        .map_err(|e| Error::Internal(format!("cannot start {n} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(n, pool.clone());
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Panics;
    impl Extractor for Panics {
        fn name(&self) -> &'static str {
            "panics"
        }
        fn extract(&self, doc: &mut Document) -> Result<()> {
            if doc.text.contains("boom") {
                panic!("exploded");
            }
            Ok(())
        }
    }

    #[test]
    fn a_panicking_extractor_is_recorded_not_propagated() {
        let p = Pipeline::new(vec![Arc::new(Panics)]);
        let docs = p
            .analyze_many(&["fine", "boom", "fine too"], &[], Some(2))
            .unwrap();
        assert_eq!(docs.len(), 3);
        assert!(docs[0].error.is_none());
        let e = docs[1].error.as_ref().unwrap();
        assert!(matches!(e, Error::Internal(m) if m.contains("exploded")));
        assert_eq!(docs[2].text, "fine too");
    }

    #[test]
    fn parallel_equals_serial() {
        let texts: Vec<String> = (0..40)
            .map(|i| format!("Mr. Smith said “hi {i}.” He left. Then {i} more."))
            .collect();
        let p = Pipeline::default();
        let a = p.analyze_many(&texts, &[], Some(1)).unwrap();
        let b = p.analyze_many(&texts, &[], Some(2)).unwrap();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }

    #[test]
    fn mismatched_dates_are_rejected() {
        let p = Pipeline::default();
        assert!(p.analyze_many(&["a", "b"], &[None], None).is_err());
        assert!(p.analyze_many(&["a"], &[], Some(0)).is_err());
    }
}

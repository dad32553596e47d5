//! Documents and batches: the text layer, then each extractor in turn, in parallel over documents.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::error::{catch_panic, Error, Result};
pub use crate::layer::{prepare, Extractor};
use crate::types::Document;
use crate::{chunk, entities, quotes, temporal, threads};

/// An ordered list of extractors.
#[derive(Clone)]
pub struct Pipeline {
    extractors: Vec<Arc<dyn Extractor>>,
    /// The document size limit in characters; None reads `TIDINGS_MAX_CHARS` on each call.
    max_chars: Option<usize>,
}

impl Default for Pipeline {
    /// Entities (built-in model), dates, quotes.
    fn default() -> Self {
        Pipeline::with_entities(entities::Model::builtin())
    }
}

impl Pipeline {
    pub fn new(extractors: Vec<Arc<dyn Extractor>>) -> Self {
        Pipeline {
            extractors,
            max_chars: None,
        }
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
    /// and the layers found before it. A text longer than [`chunk::CHUNK_BYTES`] is analysed in
    /// pieces cut at paragraph breaks (see [`chunk::cut`]), so memory stays bounded per piece.
    /// A text over the size limit ([`max_chars`]) gives a document with no text and that error.
    pub fn analyze(&self, text: &str, date: Option<NaiveDate>) -> Document {
        match self.analyze_cancellable(text, date, &Cancel::default()) {
            Ok(doc) => doc,
            Err(e) => Document {
                error: Some(e),
                ..Document::default()
            },
        }
    }

    /// Like [`Pipeline::analyze`], but stops early with [`Error::Interrupted`] once `cancel` is
    /// set: it is checked between the layers and between the pieces of a long text. An owned
    /// `String` becomes the text of a long document without a copy.
    pub fn analyze_cancellable<S: AsRef<str> + Into<String>>(
        &self,
        text: S,
        date: Option<NaiveDate>,
        cancel: &Cancel,
    ) -> Result<Document> {
        if let Err(e) = check_size(text.as_ref(), self.max_chars()?) {
            return Ok(Document {
                date,
                error: Some(e),
                ..Document::default()
            });
        }
        self.analyze_in_pieces(text, date, chunk::CHUNK_BYTES, cancel, None)
    }

    /// Like [`Pipeline::analyze`], also adding the time spent in each stage to `times`:
    /// index 0 is the text layer, then one entry per extractor, in order.
    pub fn analyze_timed(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        times: &mut [Duration],
    ) -> Document {
        let never = Cancel::default();
        self.analyze_in_pieces(text, date, chunk::CHUNK_BYTES, &never, Some(times))
            .unwrap_or_else(|e| Document {
                error: Some(e),
                ..Document::default()
            })
    }

    /// Analyses `text` as pieces of at most `piece_bytes` bytes, joined into one document (one
    /// piece, the common case, is the plain analysis). Pieces after the first get the date given,
    /// or else the one the first piece read from the text. An owned `String` becomes the
    /// document's text without a copy.
    pub fn analyze_in_pieces<S: AsRef<str> + Into<String>>(
        &self,
        text: S,
        date: Option<NaiveDate>,
        piece_bytes: usize,
        cancel: &Cancel,
        mut times: Option<&mut [Duration]>,
    ) -> Result<Document> {
        let whole = text.as_ref();
        let ranges = chunk::cut(whole, piece_bytes);
        if ranges.len() == 1 {
            return self.run(whole, date, times, cancel);
        }
        let mut joined = chunk::Joiner::default();
        let mut rest_date = date;
        for (k, r) in ranges.into_iter().enumerate() {
            let mut piece = self.run(&whole[r.clone()], rest_date, times.as_deref_mut(), cancel)?;
            if k == 0 {
                rest_date = piece.date;
            }
            piece.text = String::new();
            joined.push(r.start, piece);
        }
        Ok(joined.finish(text.into()))
    }

    fn run(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        mut times: Option<&mut [Duration]>,
        cancel: &Cancel,
    ) -> Result<Document> {
        cancel.check()?;
        let start = Instant::now();
        let mut doc = match catch_panic("text layer", || Ok(prepare(text, date))) {
            Ok(doc) => doc,
            Err(e) => {
                return Ok(Document {
                    text: text.to_owned(),
                    date,
                    error: Some(e),
                    ..Document::default()
                })
            }
        };
        let mut lap = |k: usize, since: Instant| {
            if let Some(t) = times.as_deref_mut().and_then(|t| t.get_mut(k)) {
                *t += since.elapsed();
            }
        };
        lap(0, start);
        for (k, ex) in self.extractors.iter().enumerate() {
            cancel.check()?;
            let start = Instant::now();
            let err = catch_panic(ex.name(), || ex.extract(&mut doc)).err();
            lap(k + 1, start);
            if let Some(e) = err {
                doc.error = Some(e);
                break;
            }
        }
        Ok(doc)
    }

    /// Analyses many texts in parallel; the output has one document per input, in input order,
    /// identical to what [`Pipeline::analyze`] gives for each.
    pub fn analyze_many<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        dates: &[Option<NaiveDate>],
        n_threads: Option<usize>,
    ) -> Result<Vec<Document>> {
        let n_threads = n_threads.map(|n| n as u128);
        let threads = threads::resolve(n_threads)?;
        self.analyze_many_with(texts, dates, threads.n, &Cancel::default(), |d| d)
    }

    /// Like [`Pipeline::analyze_many`] on `n_threads` threads (already resolved, see
    /// [`threads::resolve`]), mapping each document through `f` on the worker thread (the Python
    /// bindings convert offsets there, in parallel). Stops with [`Error::Interrupted`] once
    /// `cancel` is set: it is checked between documents, layers and pieces of long documents.
    pub fn analyze_many_with<S, T, F>(
        &self,
        texts: &[S],
        dates: &[Option<NaiveDate>],
        n_threads: usize,
        cancel: &Cancel,
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
        let max_chars = self.max_chars()?;
        let date = |i: usize| dates.get(i).copied().flatten();
        let one = |(i, t): (usize, &S)| -> Result<T> {
            let (t, d) = (t.as_ref(), date(i));
            let doc = match check_size(t, max_chars) {
                Ok(()) => self.analyze_in_pieces(t, d, chunk::CHUNK_BYTES, cancel, None)?,
                Err(e) => Document {
                    date: d,
                    error: Some(e),
                    ..Document::default()
                },
            };
            Ok(f(doc))
        };
        if n_threads <= 1 || texts.len() <= 1 || forked() {
            return texts.iter().enumerate().map(one).collect();
        }
        mark_process();
        let pool = threads::pool(n_threads)?;
        pool.install(|| {
            use rayon::prelude::*;
            texts.par_iter().enumerate().map(one).collect()
        })
    }

    /// Analyses a batch in which some inputs were already found unusable (a text that is not a
    /// string, a date that is not a date): every item gives one document, in order; a failed
    /// item's document keeps its text and carries its error, the others are analysed as by
    /// [`Pipeline::analyze_many_with`]. This is the batch contract: a batch never dies for one
    /// bad document.
    pub fn analyze_batch<T, F>(
        &self,
        items: &[BatchItem],
        n_threads: usize,
        cancel: &Cancel,
        f: F,
    ) -> Result<Vec<T>>
    where
        T: Send,
        F: Fn(Document) -> T + Sync,
    {
        let (texts, dates): (Vec<&str>, Vec<Option<NaiveDate>>) = items
            .iter()
            .filter_map(|it| match it {
                BatchItem::Text(t, d) => Some((t.as_str(), *d)),
                BatchItem::Failed { .. } => None,
            })
            .unzip();
        let mut done = self
            .analyze_many_with(&texts, &dates, n_threads, cancel, &f)?
            .into_iter();
        let out = items.iter().map(|it| match it {
            BatchItem::Text(..) => done.next(),
            BatchItem::Failed { text, error } => Some(f(Document {
                text: text.clone(),
                error: Some(error.clone()),
                ..Document::default()
            })),
        });
        out.collect::<Option<Vec<T>>>()
            .ok_or_else(|| Error::Internal("a batch lost a document".into()))
    }

    /// The document size limit of this pipeline: set by [`Pipeline::with_max_chars`], else
    /// [`max_chars`]`(None)`.
    pub fn max_chars(&self) -> Result<usize> {
        match self.max_chars {
            Some(n) => Ok(n),
            None => max_chars(None),
        }
    }

    /// The same pipeline with another document size limit, in characters.
    pub fn with_max_chars(mut self, n: usize) -> Self {
        self.max_chars = Some(n);
        self
    }
}

/// One input of [`Pipeline::analyze_batch`].
#[derive(Debug, Clone)]
pub enum BatchItem {
    /// A text to analyse, with its document date.
    Text(String, Option<NaiveDate>),
    /// An input found unusable; its document keeps `text` (empty when it was not a text) and
    /// carries `error`.
    Failed { text: String, error: Error },
}

/// Parses a document date given as text: ISO `YYYY-MM-DD`, optionally followed by a time
/// (`T12:00:00`, ` 12:00`), which is ignored.
pub fn parse_iso_date(s: &str) -> Result<NaiveDate> {
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

/// The default largest document, in characters (code points).
pub const DEFAULT_MAX_CHARS: usize = 100_000_000;

/// The document size limit in characters: the argument, else `TIDINGS_MAX_CHARS`, else
/// [`DEFAULT_MAX_CHARS`].
pub fn max_chars(arg: Option<usize>) -> Result<usize> {
    if let Some(n) = arg {
        return Ok(n);
    }
    match std::env::var("TIDINGS_MAX_CHARS") {
        Ok(v) => v.trim().replace('_', "").parse::<usize>().map_err(|_| {
            Error::InvalidInput(format!(
                "TIDINGS_MAX_CHARS={v:?} is not a whole number of characters; unset it or set it to e.g. 100000000"
            ))
        }),
        Err(_) => Ok(DEFAULT_MAX_CHARS),
    }
}

/// [`Error::TooLarge`] when `text` has more than `max` characters.
pub fn check_size(text: &str, max: usize) -> Result<()> {
    // Bytes bound characters from above, so most texts are let through without counting.
    if text.len() <= max {
        return Ok(());
    }
    let n = text.chars().count();
    if n <= max {
        return Ok(());
    }
    Err(too_large(n, max))
}

/// The error for a document of `n` characters over the limit `max`.
pub fn too_large(n: usize, max: usize) -> Error {
    Error::TooLarge(format!(
        "the document has {n} characters, more than the limit of {max}; split it, or raise the \
         limit with max_chars= or the TIDINGS_MAX_CHARS environment variable"
    ))
}

/// A flag that asks running work to stop (set when the user presses Ctrl-C). Clones share it.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    /// [`Error::Interrupted`] once cancelled.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Interrupted)
        } else {
            Ok(())
        }
    }
}

/// The thread count: the argument, else `TIDINGS_NUM_THREADS`, else all cores; capped at the
/// cores (see [`threads::resolve`]).
pub fn resolve_threads(n_threads: Option<usize>) -> Result<usize> {
    Ok(threads::resolve(n_threads.map(|n| n as u128))?.n)
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

    #[test]
    fn a_batch_keeps_failed_items_in_place() {
        let p = Pipeline::new(vec![]);
        let items = vec![
            BatchItem::Text("One.".into(), None),
            BatchItem::Failed {
                text: "kept".into(),
                error: Error::InvalidInput("bad date".into()),
            },
            BatchItem::Text("Two.".into(), NaiveDate::from_ymd_opt(2016, 9, 20)),
        ];
        for n in [1, 2] {
            let docs = p
                .analyze_batch(&items, n, &Cancel::default(), |d| d)
                .unwrap();
            let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
            assert_eq!(texts, ["One.", "kept", "Two."]);
            assert_eq!(docs[1].error, Some(Error::InvalidInput("bad date".into())));
            assert!(docs[0].error.is_none() && docs[2].error.is_none());
            assert_eq!(docs[2].date, NaiveDate::from_ymd_opt(2016, 9, 20));
        }
    }

    #[test]
    fn a_cancelled_batch_stops_with_interrupted() {
        let cancel = Cancel::default();
        cancel.cancel();
        let p = Pipeline::default();
        let r = p.analyze_many_with(&["a", "b", "c"], &[], 2, &cancel, |d| d);
        assert_eq!(r.unwrap_err(), Error::Interrupted);
    }

    #[test]
    fn iso_dates_parse_with_or_without_a_time() {
        let d = NaiveDate::from_ymd_opt(2016, 9, 20);
        for s in ["2016-09-20", " 2016-09-20T23:59:00", "2016-09-20 12:00"] {
            assert_eq!(parse_iso_date(s).ok(), d, "{s}");
        }
        for s in ["20160920", "2016-13-01", "2016-09-20x", "", "yesterday"] {
            assert!(parse_iso_date(s).is_err(), "{s}");
        }
    }
}

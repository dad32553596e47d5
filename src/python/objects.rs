//! The Python result classes, each declared once with [`declare_rows!`] (class, getters, table
//! columns, stub types), and the conversion of a core [`Document`] (byte offsets) into them with
//! Python code-point offsets, once, on the worker threads, without the GIL. It must never decide
//! anything the core decides: it only converts.

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use serde::Serialize;

use super::columns::{declare_rows, Vocab};
use crate::error::Error;
use crate::text::CharOffsets;
use crate::types::{DateSource, Document, Quote, Span};

/// Entity labels (CoNLL-2003).
pub static LABELS: Vocab = Vocab {
    values: &["PER", "ORG", "LOC", "MISC"],
    closed: true,
};
/// TIMEX3 types.
pub static TIMEX_TYPES: Vocab = Vocab {
    values: &["DATE", "TIME", "DURATION", "SET"],
    closed: true,
};
/// TIMEX3 `mod` values; the tagger may write others, which a table keeps.
pub static TIMEX_MODS: Vocab = Vocab {
    values: &[
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "START",
        "MID",
        "END",
        "APPROX",
    ],
    closed: false,
};
pub static QUOTE_KINDS: Vocab = Vocab {
    values: &["direct", "partial"],
    closed: true,
};
/// Where the document date came from.
pub static DATE_SOURCES: Vocab = Vocab {
    values: &["given", "inferred"],
    closed: true,
};

/// Where a quote's date comes from.
pub static QUOTE_DATE_SOURCES: Vocab = Vocab {
    values: &["said", "section", "story", "document"],
    closed: true,
};
/// Where a section's date comes from.
pub static SECTION_DATE_SOURCES: Vocab = Vocab {
    values: &["stated", "document"],
    closed: true,
};

declare_rows! {
    #[pyclass(frozen, get_all, module = "tidings", name = "Sentence")]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct SentenceRow {
        pub start: usize,
        pub end: usize,
        pub text: String,
        pub paragraph: usize,
    }

    #[pyclass(frozen, get_all, module = "tidings", name = "Entity")]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct EntityRow {
        pub start: usize,
        pub end: usize,
        pub text: String,
        pub label: &'static str = LABELS,
        pub group: usize,
        pub canonical: String,
        pub sentence: Option<usize>,
    }

    #[pyclass(frozen, get_all, module = "tidings", name = "Timex")]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct TimexRow {
        pub start: usize,
        pub end: usize,
        pub text: String,
        pub r#type: &'static str = TIMEX_TYPES,
        pub value: String,
        pub r#mod: Option<String> = TIMEX_MODS,
        pub interval_start: Option<NaiveDateTime>,
        pub interval_end: Option<NaiveDateTime>,
        pub sentence: Option<usize>,
    }

    #[pyclass(frozen, get_all, module = "tidings", name = "Quote")]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct QuoteRow {
        pub start: usize,
        pub end: usize,
        pub text: String,
        pub kind: &'static str = QUOTE_KINDS,
        pub speaker: Option<String>,
        pub speaker_start: Option<usize>,
        pub speaker_end: Option<usize>,
        pub speaker_text: Option<String>,
        pub cue: Option<String>,
        pub cue_start: Option<usize>,
        pub cue_end: Option<usize>,
        pub group: usize,
        pub sentence: Option<usize>,
        /// When it was said, if known to the day. Its table writes it (and the three after it)
        /// as `quote_date`..., since `date` is the document's in every layer.
        pub date["quote_date"]: Option<NaiveDate>,
        /// When it was said as an interval of days, both inclusive.
        pub date_start["quote_date_start"]: Option<NaiveDate>,
        pub date_end["quote_date_end"]: Option<NaiveDate>,
        pub date_source["quote_date_source"]: Option<&'static str> = QUOTE_DATE_SOURCES,
    }

    /// One dated piece of a compilation. Its date and date source are written `section_date` and
    /// `section_date_source` in its table, where `date` is the document's.
    #[pyclass(frozen, get_all, module = "tidings", name = "Section")]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct SectionRow {
        pub start: usize,
        pub end: usize,
        pub text: String,
        /// The date its relative expressions count from.
        pub date["section_date"]: Option<NaiveDate>,
        pub date_source["section_date_source"]: &'static str = SECTION_DATE_SOURCES,
    }

    /// A row of the documents table: the document's fields, its layers as counts.
    pub struct DocumentRow<'a> {
        pub date_source: Option<&'a str> = DATE_SOURCES,
        pub chars: usize,
        pub sentences: usize,
        pub entities: usize,
        pub dates: usize,
        pub quotes: usize,
        pub sections: usize,
        pub error: Option<&'a str>,
        pub text: &'a str,
    }
}

impl<'a> DocumentRow<'a> {
    pub fn of(d: &'a DocData) -> Self {
        DocumentRow {
            date_source: d.date_source,
            chars: d.text.chars().count(),
            sentences: d.sentences.len(),
            entities: d.entities.len(),
            dates: d.dates.len(),
            quotes: d.quotes.len(),
            sections: d.sections.len(),
            error: d.error.as_deref(),
            text: &d.text,
        }
    }
}

/// A document as Python sees it: code-point offsets, owned strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocData {
    pub text: String,
    pub date: Option<NaiveDate>,
    pub date_source: Option<&'static str>,
    /// The message of the error analysing it met, if any.
    pub error: Option<String>,
    pub sentences: Vec<SentenceRow>,
    pub entities: Vec<EntityRow>,
    pub dates: Vec<TimexRow>,
    pub quotes: Vec<QuoteRow>,
    pub sections: Vec<SectionRow>,
}

impl DocData {
    pub fn from_core(doc: Document) -> Self {
        let mut cv = Convert {
            doc: &doc,
            offsets: CharOffsets::new(&doc.text),
            bad: Vec::new(),
        };
        let sentences = cv.rows(
            &doc.sentences,
            |s| [Some((s.span, "sentence"))],
            |cv, s| SentenceRow {
                start: cv.at(s.span.start),
                end: cv.at(s.span.end),
                text: cv.text(s.span),
                paragraph: s.paragraph,
            },
        );
        let entities = cv.rows(
            &doc.entities,
            |e| [Some((e.span, "entity"))],
            |cv, e| EntityRow {
                start: cv.at(e.span.start),
                end: cv.at(e.span.end),
                text: cv.text(e.span),
                label: e.label.as_str(),
                group: e.group,
                canonical: e.canonical.clone(),
                sentence: doc.sentence_at(e.span.start),
            },
        );
        let dates = cv.rows(
            &doc.dates,
            |t| [Some((t.span, "date"))],
            |cv, t| TimexRow {
                start: cv.at(t.span.start),
                end: cv.at(t.span.end),
                text: cv.text(t.span),
                r#type: t.ttype.as_str(),
                value: t.value.clone(),
                r#mod: t.modifier.clone(),
                interval_start: t.interval.map(|i| i.0),
                interval_end: t.interval.map(|i| i.1),
                sentence: doc.sentence_at(t.span.start),
            },
        );
        let quote_spans = |q: &Quote| {
            [
                Some((q.span, "quote")),
                q.speaker_span.map(|s| (s, "speaker")),
                q.cue_span.map(|s| (s, "cue")),
            ]
        };
        let quotes = cv.rows(&doc.quotes, quote_spans, |cv, q| QuoteRow {
            start: cv.at(q.span.start),
            end: cv.at(q.span.end),
            text: cv.text(q.span),
            kind: q.kind.as_str(),
            speaker: q.speaker.clone(),
            speaker_start: q.speaker_span.map(|s| cv.at(s.start)),
            speaker_end: q.speaker_span.map(|s| cv.at(s.end)),
            speaker_text: q.speaker_span.map(|s| cv.text(s)),
            cue: q.cue.clone(),
            cue_start: q.cue_span.map(|s| cv.at(s.start)),
            cue_end: q.cue_span.map(|s| cv.at(s.end)),
            group: q.group,
            sentence: doc.sentence_at(q.span.start),
            date: q.date,
            date_start: q.date_start,
            date_end: q.date_end,
            date_source: q.date_source.map(|s| s.as_str()),
        });
        let sections = cv.rows(
            &doc.sections,
            |s| [Some((s.span, "section"))],
            |cv, s| SectionRow {
                start: cv.at(s.span.start),
                end: cv.at(s.span.end),
                text: cv.text(s.span),
                date: s.date,
                date_source: s.date_source.as_str(),
            },
        );
        let error = match (&doc.error, cv.bad.is_empty()) {
            (Some(e), _) => Some(e.to_string()),
            (None, true) => None,
            (None, false) => {
                Some(Error::Internal(format!("dropped invalid {}", cv.bad.join(", "))).to_string())
            }
        };
        DocData {
            date: doc.date,
            date_source: doc.date_source.map(|s| match s {
                DateSource::Given => "given",
                DateSource::Inferred => "inferred",
            }),
            error,
            sentences,
            entities,
            dates,
            quotes,
            sections,
            text: doc.text,
        }
    }
}

/// The conversion of one core document: byte offsets to code points, and the spans it dropped.
struct Convert<'a> {
    doc: &'a Document,
    offsets: CharOffsets<'a>,
    bad: Vec<String>,
}

impl Convert<'_> {
    fn at(&self, byte: usize) -> usize {
        self.offsets.get(byte)
    }
    fn text(&self, span: Span) -> String {
        self.doc.text[span.start..span.end].to_owned()
    }
    /// The rows made by `row` of the `items` whose `spans` are all valid. An extractor bug must
    /// not become a panic here: an item with a span off the text or off a char boundary is
    /// dropped and its span reported on the document.
    fn rows<T, R, const N: usize>(
        &mut self,
        items: &[T],
        spans: impl Fn(&T) -> [Option<(Span, &'static str)>; N],
        row: impl Fn(&Self, &T) -> R,
    ) -> Vec<R> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let mut good = true;
            for (span, what) in spans(item).into_iter().flatten() {
                good = good && self.valid(span, what);
            }
            if good {
                out.push(row(self, item));
            }
        }
        out
    }
    fn valid(&mut self, span: Span, what: &str) -> bool {
        let text = self.doc.text.as_str();
        let good = span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if !good {
            self.bad
                .push(format!("{what} span {}..{}", span.start, span.end));
        }
        good
    }
}

/// serde value -> Python object (dicts, lists, str, int, float, bool, None).
pub fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::types::{PyDict, PyList};
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(a) => {
            let items = a
                .iter()
                .map(|x| json_to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

pub fn to_py_dict<'py, T: Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(v)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    json_to_py(py, &value)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    format!("{s:?}")
}

/// The Python methods of a row class. Its repr is `Name("text", <what describes>, start:end)`.
macro_rules! row_methods {
    ($t:ty, $name:literal, |$s:ident| $describe:expr) => {
        #[pymethods]
        impl $t {
            fn __repr__(&self) -> String {
                let $s = self;
                let parts: Vec<String> = $describe;
                let mut out = format!("{}({}", $name, short(&self.text));
                for p in parts {
                    out.push_str(", ");
                    out.push_str(&p);
                }
                format!("{out}, {}:{})", self.start, self.end)
            }
            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().is_ok_and(|o| *o.get() == *self)
            }
            fn __hash__(&self) -> u64 {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (self.start, self.end, &self.text).hash(&mut h);
                h.finish()
            }
            /// The mention as a plain dict (JSON types; dates as ISO strings).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py_dict(py, self)
            }
        }
    };
}

row_methods!(SentenceRow, "Sentence", |_s| Vec::new());
row_methods!(EntityRow, "Entity", |s| vec![s.label.to_string()]);
row_methods!(TimexRow, "Timex", |s| {
    let mut parts = vec![s.r#type.to_string(), format!("value={:?}", s.value)];
    parts.extend(s.r#mod.as_ref().map(|m| format!("mod={m:?}")));
    parts
});
row_methods!(QuoteRow, "Quote", |s| vec![
    s.kind.to_string(),
    format!(
        "speaker={}",
        s.speaker
            .as_ref()
            .map_or("None".into(), |x| format!("{x:?}"))
    )
]);
row_methods!(SectionRow, "Section", |s| vec![format!(
    "date={}",
    s.date.map_or("None".to_string(), |d| d.to_string())
)]);

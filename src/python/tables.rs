//! Columnar results: one Arrow table per layer for a batch of documents, exported through the
//! Arrow C stream protocol (`__arrow_c_stream__`) so pyarrow, polars and duckdb read it without
//! copying; and the HTML rendering of a document for Jupyter.

use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Int64Builder, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int64Type, TimestampMicrosecondType};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::{NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use pyo3_arrow::ffi::{to_schema_pycapsule, to_stream_pycapsule, ArrayIterator};

use super::objects::DocData;
use super::Document;
use crate::error::Error;

/// The layers a table can be made of.
pub const LAYERS: [&str; 5] = ["documents", "sentences", "entities", "dates", "quotes"];

enum Col {
    Int(Int64Builder),
    Str(StringBuilder),
    Date(Date32Builder),
    Time(TimestampMicrosecondBuilder),
}

/// A table under construction: named columns, appended to row by row.
struct Builder {
    names: Vec<&'static str>,
    cols: Vec<Col>,
}

impl Builder {
    fn new(spec: &[(&'static str, char)]) -> Self {
        Builder {
            names: spec.iter().map(|s| s.0).collect(),
            cols: spec
                .iter()
                .map(|(_, t)| match t {
                    'i' => Col::Int(Int64Builder::new()),
                    's' => Col::Str(StringBuilder::new()),
                    'd' => Col::Date(Date32Builder::new()),
                    _ => Col::Time(TimestampMicrosecondBuilder::new()),
                })
                .collect(),
        }
    }
    fn int(&mut self, k: usize, v: Option<usize>) {
        if let Col::Int(b) = &mut self.cols[k] {
            b.append_option(v.map(|x| x as i64));
        }
    }
    fn str(&mut self, k: usize, v: Option<&str>) {
        if let Col::Str(b) = &mut self.cols[k] {
            b.append_option(v);
        }
    }
    fn date(&mut self, k: usize, v: Option<NaiveDate>) {
        if let Col::Date(b) = &mut self.cols[k] {
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            b.append_option(v.map(|d| (d - epoch).num_days() as i32));
        }
    }
    fn time(&mut self, k: usize, v: Option<NaiveDateTime>) {
        if let Col::Time(b) = &mut self.cols[k] {
            b.append_option(v.map(|t| t.and_utc().timestamp_micros()));
        }
    }
    fn finish(self) -> Result<RecordBatch, Error> {
        let mut fields = Vec::new();
        let mut arrays: Vec<ArrayRef> = Vec::new();
        for (name, col) in self.names.into_iter().zip(self.cols) {
            let a: ArrayRef = match col {
                Col::Int(mut b) => Arc::new(b.finish()),
                Col::Str(mut b) => Arc::new(b.finish()),
                Col::Date(mut b) => Arc::new(b.finish()),
                Col::Time(mut b) => Arc::new(b.finish()),
            };
            fields.push(Field::new(name, a.data_type().clone(), true));
            arrays.push(a);
        }
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
            .map_err(|e| Error::Internal(e.to_string()))
    }
}

fn build(docs: &[(usize, String, Arc<DocData>)], layer: &str) -> Result<RecordBatch, Error> {
    let mut b;
    match layer {
        "documents" => {
            b = Builder::new(&[
                ("doc", 'i'),
                ("id", 's'),
                ("date", 'd'),
                ("date_source", 's'),
                ("chars", 'i'),
                ("sentences", 'i'),
                ("entities", 'i'),
                ("dates", 'i'),
                ("quotes", 'i'),
                ("error", 's'),
                ("text", 's'),
            ]);
            for (i, id, d) in docs {
                b.int(0, Some(*i));
                b.str(1, Some(id));
                b.date(2, d.date);
                b.str(3, d.date_source);
                b.int(4, Some(d.text.chars().count()));
                b.int(5, Some(d.sentences.len()));
                b.int(6, Some(d.entities.len()));
                b.int(7, Some(d.dates.len()));
                b.int(8, Some(d.quotes.len()));
                b.str(9, d.error.as_ref().map(|e| e.to_string()).as_deref());
                b.str(10, Some(&d.text));
            }
        }
        "sentences" => {
            b = Builder::new(&[
                ("doc", 'i'),
                ("id", 's'),
                ("sentence", 'i'),
                ("paragraph", 'i'),
                ("start", 'i'),
                ("end", 'i'),
                ("text", 's'),
            ]);
            for (i, id, d) in docs {
                for (k, s) in d.sentences.iter().enumerate() {
                    b.int(0, Some(*i));
                    b.str(1, Some(id));
                    b.int(2, Some(k));
                    b.int(3, Some(s.paragraph));
                    b.int(4, Some(s.start));
                    b.int(5, Some(s.end));
                    b.str(6, Some(&s.text));
                }
            }
        }
        "entities" => {
            b = Builder::new(&[
                ("doc", 'i'),
                ("id", 's'),
                ("start", 'i'),
                ("end", 'i'),
                ("text", 's'),
                ("label", 's'),
                ("group", 'i'),
                ("canonical", 's'),
                ("sentence", 'i'),
            ]);
            for (i, id, d) in docs {
                for e in &d.entities {
                    b.int(0, Some(*i));
                    b.str(1, Some(id));
                    b.int(2, Some(e.start));
                    b.int(3, Some(e.end));
                    b.str(4, Some(&e.text));
                    b.str(5, Some(e.label));
                    b.int(6, Some(e.group));
                    b.str(7, Some(&e.canonical));
                    b.int(8, e.sentence);
                }
            }
        }
        "dates" => {
            b = Builder::new(&[
                ("doc", 'i'),
                ("id", 's'),
                ("start", 'i'),
                ("end", 'i'),
                ("text", 's'),
                ("type", 's'),
                ("value", 's'),
                ("mod", 's'),
                ("interval_start", 't'),
                ("interval_end", 't'),
                ("sentence", 'i'),
            ]);
            for (i, id, d) in docs {
                for t in &d.dates {
                    b.int(0, Some(*i));
                    b.str(1, Some(id));
                    b.int(2, Some(t.start));
                    b.int(3, Some(t.end));
                    b.str(4, Some(&t.text));
                    b.str(5, Some(t.ttype));
                    b.str(6, Some(&t.value));
                    b.str(7, t.modifier.as_deref());
                    b.time(8, t.interval_start);
                    b.time(9, t.interval_end);
                    b.int(10, t.sentence);
                }
            }
        }
        "quotes" => {
            b = Builder::new(&[
                ("doc", 'i'),
                ("id", 's'),
                ("date", 'd'),
                ("start", 'i'),
                ("end", 'i'),
                ("text", 's'),
                ("kind", 's'),
                ("speaker", 's'),
                ("speaker_start", 'i'),
                ("speaker_end", 'i'),
                ("speaker_text", 's'),
                ("cue", 's'),
                ("group", 'i'),
                ("sentence", 'i'),
            ]);
            for (i, id, d) in docs {
                for q in &d.quotes {
                    b.int(0, Some(*i));
                    b.str(1, Some(id));
                    b.date(2, d.date);
                    b.int(3, Some(q.start));
                    b.int(4, Some(q.end));
                    b.str(5, Some(&q.text));
                    b.str(6, Some(q.kind));
                    b.str(7, q.speaker.as_deref());
                    b.int(8, q.speaker_start);
                    b.int(9, q.speaker_end);
                    b.str(10, q.speaker_text.as_deref());
                    b.str(11, q.cue.as_deref());
                    b.int(12, Some(q.group));
                    b.int(13, q.sentence);
                }
            }
        }
        other => {
            return Err(Error::InvalidInput(format!(
                "unknown layer {other:?}; choose one of {}",
                LAYERS.join(", ")
            )))
        }
    }
    b.finish()
}

/// One layer of a batch as an Arrow table (one row per mention, or per document).
/// Readable without copying by anything that speaks the Arrow PyCapsule protocol:
/// `pyarrow.table(t)`, `polars.DataFrame(t)`, `duckdb.sql("select * from t")`.
#[pyclass(frozen, module = "tidings", name = "Table")]
pub struct Table {
    batch: RecordBatch,
    layer: &'static str,
}

impl Table {
    fn schema(&self) -> SchemaRef {
        self.batch.schema()
    }
}

#[pymethods]
impl Table {
    /// The layer: documents, sentences, entities, dates or quotes.
    #[getter]
    fn layer(&self) -> &'static str {
        self.layer
    }
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }
    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }
    /// An HTML table of the first rows (for Jupyter), drawn by `tidings.view`.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        super::view_html(slf, "table_html")
    }
    fn __repr__(&self) -> String {
        format!(
            "Table({}, rows={}, columns=[{}])",
            self.layer,
            self.batch.num_rows(),
            self.column_names().join(", ")
        )
    }
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = self.schema();
        let arr: ArrayRef = Arc::new(StructArray::from(self.batch.clone()));
        let field = Arc::new(Field::new_struct("", schema.fields().clone(), false));
        let reader = Box::new(ArrayIterator::new(std::iter::once(Ok(arr)), field));
        Ok(to_stream_pycapsule(py, reader, requested_schema)?)
    }
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, self.schema().as_ref())?)
    }
    /// The columns as a dict of Python lists (dates as datetime.date, times as datetime.datetime).
    fn to_pydict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (f, a) in self.schema().fields().iter().zip(self.batch.columns()) {
            let list = match f.data_type() {
                DataType::Int64 => {
                    let a = a.as_primitive::<Int64Type>();
                    PyList::new(py, (0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i))))?
                }
                DataType::Utf8 => {
                    let a = a.as_string::<i32>();
                    PyList::new(py, (0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i))))?
                }
                DataType::Date32 => {
                    let a = a.as_primitive::<Date32Type>();
                    PyList::new(
                        py,
                        (0..a.len()).map(|i| {
                            if a.is_valid(i) {
                                a.value_as_date(i)
                            } else {
                                None
                            }
                        }),
                    )?
                }
                DataType::Timestamp(TimeUnit::Microsecond, _) => {
                    let a = a.as_primitive::<TimestampMicrosecondType>();
                    PyList::new(
                        py,
                        (0..a.len()).map(|i| {
                            if a.is_valid(i) {
                                a.value_as_datetime(i)
                            } else {
                                None
                            }
                        }),
                    )?
                }
                other => {
                    return Err(Error::Internal(format!("unexpected column type {other}")).into())
                }
            };
            out.set_item(f.name(), list)?;
        }
        Ok(out)
    }
    /// A pandas DataFrame (needs pandas).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("tidings.frames")?
            .getattr("_table_to_pandas")?
            .call1((slf,))
    }
    /// A pyarrow Table (needs pyarrow); zero-copy.
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("pyarrow")?.getattr("table")?.call1((slf,))
    }
}

/// Build one layer's table for a batch of Documents. `ids` names the documents (default "0", "1", ...).
#[pyfunction]
#[pyo3(signature = (docs, layer="entities", ids=None))]
pub fn table(
    py: Python<'_>,
    docs: Vec<Bound<'_, Document>>,
    layer: &str,
    ids: Option<Vec<String>>,
) -> PyResult<Table> {
    let layer = LAYERS
        .iter()
        .copied()
        .find(|l| *l == layer)
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "unknown layer {layer:?}; choose one of {}",
                LAYERS.join(", ")
            ))
        })?;
    if let Some(ids) = &ids {
        if ids.len() != docs.len() {
            return Err(Error::InvalidInput(format!(
                "got {} documents but {} ids",
                docs.len(),
                ids.len()
            ))
            .into());
        }
    }
    let rows: Vec<(usize, String, Arc<DocData>)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                i,
                ids.as_ref().map_or_else(|| i.to_string(), |v| v[i].clone()),
                d.get().data.clone(),
            )
        })
        .collect();
    let batch = super::run_detached(py, move || build(&rows, layer))?;
    Ok(Table { batch, layer })
}

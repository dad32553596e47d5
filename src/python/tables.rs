//! Columnar results: one Arrow table per layer for a batch of documents, exported through the
//! Arrow C stream protocol (`__arrow_c_stream__`) so pyarrow, polars and duckdb read it without
//! copying. The list of layers lives here; a layer's columns come from its row declaration, so
//! this module must never name or place a column of a row by hand.

use std::borrow::Borrow;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type, Int64Type, TimestampMicrosecondType};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, SchemaRef, TimeUnit};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use pyo3_arrow::ffi::{to_schema_pycapsule, to_stream_pycapsule, ArrayIterator};

use chrono::NaiveDate;

use super::columns::{declare_rows, Column, Kind, Row, TableBuilder};
use super::objects::{
    DocData, DocumentRow, EntityRow, QuoteRow, SectionRow, SentenceRow, TimexRow,
};
use super::Document;
use crate::error::Error;

/// A document of a batch: its position, its id and its analysis.
type Keyed = (usize, String, Arc<DocData>);

/// How a layer's table is made from a batch.
type Build = fn(&[Keyed]) -> Result<TableBuilder, Error>;

/// The layers a table can be made of, in the order `frames()` gives them, each with how its
/// table is made. Python reads the names as `tidings._native.LAYERS`.
#[rustfmt::skip]
pub const LAYERS: [(&str, Build); 6] = [
    ("documents", |docs| layer::<DocumentRow, _>(docs, None, |d| [DocumentRow::of(d)])),
    ("sentences", |docs| layer::<SentenceRow, _>(docs, Some("sentence"), |d| &d.sentences)),
    ("entities", |docs| layer::<EntityRow, _>(docs, None, |d| &d.entities)),
    ("dates", |docs| layer::<TimexRow, _>(docs, None, |d| &d.dates)),
    ("quotes", |docs| layer::<QuoteRow, _>(docs, None, |d| &d.quotes)),
    ("sections", |docs| layer::<SectionRow, _>(docs, None, |d| &d.sections)),
];

/// The layer named `name`, or an error that lists them.
pub fn find_layer(name: &str) -> Result<&'static (&'static str, Build), Error> {
    LAYERS.iter().find(|l| l.0 == name).ok_or_else(|| {
        let names: Vec<&str> = LAYERS.iter().map(|l| l.0).collect();
        Error::InvalidInput(format!(
            "unknown layer {name:?}; choose one of {}",
            names.join(", ")
        ))
    })
}

declare_rows! {
    /// The columns that name the document of a row in every layer: its position in the batch,
    /// its id and its date.
    struct Keys<'a> {
        doc: usize,
        id: &'a str,
        date: Option<NaiveDate>,
    }
}

/// The key columns, then, where `position` names it, the row's position in its document.
/// They are no attribute of the row's Python class.
fn key_columns(position: Option<&'static str>) -> Vec<Column> {
    let keys = Keys::columns().into_iter().map(|c| Column {
        attribute: None,
        python: String::new(),
        ..c
    });
    let position = position.map(|name| Column::key(name, Kind::Int, false));
    keys.chain(position).collect()
}

/// The table of one layer: per document, the rows `rows` gives, each after its keys.
fn layer<'a, R, I>(
    docs: &'a [Keyed],
    position: Option<&'static str>,
    rows: impl Fn(&'a DocData) -> I,
) -> Result<TableBuilder, Error>
where
    R: Row + 'a,
    I: IntoIterator,
    I::Item: Borrow<R>,
{
    let mut columns = key_columns(position);
    columns.extend(R::columns());
    let mut t = TableBuilder::new(columns);
    for (i, id, d) in docs {
        let keys = Keys {
            doc: *i,
            id,
            date: d.date,
        };
        for (k, r) in rows(d).into_iter().enumerate() {
            let mut cols = t.row();
            keys.put(&mut cols);
            if position.is_some() {
                // Only then is there a column for it: the next one otherwise is the row's first field.
                if let Some(c) = cols.next() {
                    c.int(Some(k as i64));
                }
            }
            r.borrow().put(&mut cols);
        }
    }
    Ok(t)
}

/// The columns of one layer as `_native._schema` describes them: name, kind ("int", "str",
/// "date", "time", "category"), nullable, the categories of a label column, the attribute of
/// the Python class it comes from and its type in the stub.
type ColumnInfo = (
    &'static str,
    &'static str,
    bool,
    Option<Vec<&'static str>>,
    Option<&'static str>,
    String,
);

#[pyfunction]
pub fn _schema(layer: &str) -> PyResult<Vec<ColumnInfo>> {
    let t = (find_layer(layer)?.1)(&[])?;
    Ok(t.columns()
        .iter()
        .map(|c| {
            let categories = match c.kind {
                Kind::Category(v) => Some(v.values.to_vec()),
                _ => None,
            };
            (
                c.name,
                c.kind.name(),
                c.nullable,
                categories,
                c.attribute,
                c.python.clone(),
            )
        })
        .collect())
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
    /// The layer: one of `tidings.LAYERS` (documents, sentences, entities, dates, quotes, sections).
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
            let a = a.as_ref();
            let list = match f.data_type() {
                DataType::Int64 => {
                    let v = a.as_primitive::<Int64Type>();
                    py_list(py, a, |i| Some(v.value(i)))?
                }
                DataType::Utf8 => {
                    let v = a.as_string::<i32>();
                    py_list(py, a, |i| Some(v.value(i)))?
                }
                DataType::Dictionary(_, _) => {
                    let v = a.as_dictionary::<Int32Type>();
                    let values = v.values().as_string::<i32>();
                    py_list(py, a, |i| v.key(i).map(|k| values.value(k)))?
                }
                DataType::Date32 => {
                    let v = a.as_primitive::<Date32Type>();
                    py_list(py, a, |i| v.value_as_date(i))?
                }
                DataType::Timestamp(TimeUnit::Microsecond, _) => {
                    let v = a.as_primitive::<TimestampMicrosecondType>();
                    py_list(py, a, |i| v.value_as_datetime(i))?
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

/// The values of column `a` as a Python list, None where null.
fn py_list<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    a: &dyn Array,
    value: impl Fn(usize) -> Option<T>,
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(
        py,
        (0..a.len()).map(|i| if a.is_valid(i) { value(i) } else { None }),
    )
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
    let (name, build) = *find_layer(layer)?;
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
    let batch = super::run_detached(py, move || build(&rows)?.finish())?;
    Ok(Table { batch, layer: name })
}

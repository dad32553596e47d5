//! One declaration per result row: [`declare_rows!`] turns a struct into the Python class (with
//! `#[pyclass(get_all)]`), its Arrow columns (named after the fields) and its stub entries.
//! This module must never know a particular layer: the rows are declared in `objects.rs` and
//! the layers listed in `tables.rs`.

use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Int64Builder, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray};
use arrow_schema::{Field, Schema};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::error::Error;

/// The values a label column can hold. `closed` ones are the whole vocabulary (the stub says
/// `Literal[...]`); open ones list the usual values, and a table adds any other it meets.
pub struct Vocab {
    pub values: &'static [&'static str],
    pub closed: bool,
}

/// How a column is stored in Arrow.
#[derive(Clone, Copy)]
pub enum Kind {
    Int,
    Str,
    Date,
    Time,
    /// Dictionary-encoded text over a fixed vocabulary (a pandas categorical).
    Category(&'static Vocab),
}

impl Kind {
    /// The name `_native._schema` gives the kind.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Str => "str",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Category(_) => "category",
        }
    }
}

/// One column of a layer's table: the attribute of the Python class it comes from (None for the
/// columns every layer has), how it is stored, and its type in the stub.
pub struct Column {
    pub name: &'static str,
    pub attribute: Option<&'static str>,
    pub kind: Kind,
    pub nullable: bool,
    pub python: String,
}

impl Column {
    /// The column of field `attribute` of Rust type `T`, written as `name` (the field's name
    /// unless the declaration renames it), as labels of `vocab` if given.
    pub fn of<T: Cell + ?Sized>(
        attribute: &'static str,
        name: Option<&'static str>,
        vocab: Option<&'static Vocab>,
    ) -> Column {
        let attribute = attribute.trim_start_matches("r#");
        let mut python = T::PYTHON.to_string();
        if let Some(v) = vocab.filter(|v| v.closed) {
            let quoted: Vec<String> = v.values.iter().map(|x| format!("{x:?}")).collect();
            python = python.replacen("str", &format!("Literal[{}]", quoted.join(", ")), 1);
        }
        Column {
            name: name.unwrap_or(attribute),
            attribute: Some(attribute),
            kind: vocab.map_or(T::KIND, Kind::Category),
            nullable: T::NULLABLE,
            python,
        }
    }

    /// A column that is not an attribute of the row (the document keys).
    pub fn key(name: &'static str, kind: Kind, nullable: bool) -> Column {
        Column {
            name,
            attribute: None,
            kind,
            nullable,
            python: String::new(),
        }
    }
}

/// A Rust field type that can be a column: how it is stored, whether it can be missing, its
/// Python type, and how one value is appended.
pub trait Cell {
    const KIND: Kind;
    const NULLABLE: bool;
    const PYTHON: &'static str;
    fn put(&self, col: &mut ColumnBuilder);
}

macro_rules! cell {
    ($t:ty, $kind:ident, $py:literal, |$v:ident, $c:ident| $put:expr) => {
        impl Cell for $t {
            const KIND: Kind = Kind::$kind;
            const NULLABLE: bool = false;
            const PYTHON: &'static str = $py;
            fn put(&self, $c: &mut ColumnBuilder) {
                let $v = Some(self);
                $put
            }
        }
        impl Cell for Option<$t> {
            const KIND: Kind = Kind::$kind;
            const NULLABLE: bool = true;
            const PYTHON: &'static str = concat!($py, " | None");
            fn put(&self, $c: &mut ColumnBuilder) {
                let $v = self.as_ref();
                $put
            }
        }
    };
}

cell!(usize, Int, "int", |v, c| c.int(v.map(|x| *x as i64)));
cell!(String, Str, "str", |v, c| c.str(v.map(|x| x.as_str())));
cell!(&str, Str, "str", |v, c| c.str(v.copied()));
cell!(NaiveDate, Date, "datetime.date", |v, c| c.date(v.copied()));
cell!(NaiveDateTime, Time, "datetime.datetime", |v, c| c
    .time(v.copied()));

/// A row of a layer: its columns, and how it appends itself to them (both generated from one
/// declaration by [`declare_rows!`], so they cannot disagree).
pub trait Row {
    fn columns() -> Vec<Column>;
    /// Appends each field to the next column of `cols`, in the order of [`Row::columns`].
    fn put<'c>(&self, cols: &mut impl Iterator<Item = &'c mut ColumnBuilder>);
}

/// Declares row structs: each field is an attribute of the Python class (when the struct is a
/// `#[pyclass(get_all)]`) and a column of its layer's table. `field["name"]: T` writes the column
/// under another name; `field: T = VOCAB` stores it as labels of a vocabulary.
macro_rules! declare_rows {
    ($(
        $(#[$meta:meta])*
        $vis:vis struct $name:ident $(<$lt:lifetime>)? {
            $(
                $(#[$fmeta:meta])*
                $fvis:vis $field:ident $([$col:literal])? : $ty:ty $(= $vocab:expr)?
            ),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        $vis struct $name $(<$lt>)? {
            $( $(#[$fmeta])* $fvis $field: $ty, )*
        }

        impl $(<$lt>)? $crate::python::columns::Row for $name $(<$lt>)? {
            fn columns() -> Vec<$crate::python::columns::Column> {
                vec![$(
                    $crate::python::columns::Column::of::<$ty>(
                        stringify!($field),
                        None $(.or(Some($col)))?,
                        None $(.or(Some(&$vocab)))?,
                    ),
                )*]
            }
            fn put<'c>(
                &self,
                cols: &mut impl Iterator<Item = &'c mut $crate::python::columns::ColumnBuilder>,
            ) {
                $(
                    if let Some(c) = cols.next() {
                        $crate::python::columns::Cell::put(&self.$field, c);
                    }
                )*
            }
        }
    )*};
}
pub(crate) use declare_rows;

/// One column being filled. A value of the wrong kind is not appended, so the column comes out
/// short and [`TableBuilder::finish`] reports it instead of panicking.
pub enum ColumnBuilder {
    Int(Int64Builder),
    Str(StringBuilder),
    Date(Date32Builder),
    Time(TimestampMicrosecondBuilder),
    Category(Labels),
}

impl ColumnBuilder {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Int => ColumnBuilder::Int(Int64Builder::new()),
            Kind::Str => ColumnBuilder::Str(StringBuilder::new()),
            Kind::Date => ColumnBuilder::Date(Date32Builder::new()),
            Kind::Time => ColumnBuilder::Time(TimestampMicrosecondBuilder::new()),
            Kind::Category(v) => ColumnBuilder::Category(Labels::new(v)),
        }
    }
    pub fn int(&mut self, v: Option<i64>) {
        if let ColumnBuilder::Int(b) = self {
            b.append_option(v);
        }
    }
    pub fn str(&mut self, v: Option<&str>) {
        match self {
            ColumnBuilder::Str(b) => b.append_option(v),
            ColumnBuilder::Category(b) => b.push(v),
            _ => {}
        }
    }
    pub fn date(&mut self, v: Option<NaiveDate>) {
        if let ColumnBuilder::Date(b) = self {
            b.append_option(v.map(|d| d.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE));
        }
    }
    pub fn time(&mut self, v: Option<NaiveDateTime>) {
        if let ColumnBuilder::Time(b) = self {
            b.append_option(v.map(|t| t.and_utc().timestamp_micros()));
        }
    }
    fn finish(self) -> Result<ArrayRef, Error> {
        Ok(match self {
            ColumnBuilder::Int(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Str(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Date(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Time(mut b) => Arc::new(b.finish()),
            ColumnBuilder::Category(b) => Arc::new(b.finish()?),
        })
    }
}

/// `NaiveDate::num_days_from_ce` of 1970-01-01, the day Arrow's date32 counts from.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// A label column being filled: codes into the vocabulary, which grows by any other value met.
pub struct Labels {
    codes: Vec<Option<i32>>,
    dictionary: Vec<String>,
    known: usize,
}

impl Labels {
    fn new(vocab: &Vocab) -> Self {
        Labels {
            codes: Vec::new(),
            dictionary: vocab.values.iter().map(|v| v.to_string()).collect(),
            known: vocab.values.len(),
        }
    }
    fn push(&mut self, v: Option<&str>) {
        let code = v.map(|v| match self.dictionary.iter().position(|d| d == v) {
            Some(i) => i as i32,
            None => {
                self.dictionary.push(v.to_string());
                self.dictionary.len() as i32 - 1
            }
        });
        self.codes.push(code);
    }
    /// The dictionary array: the vocabulary in its order, then any other value met, sorted (so
    /// a label column has the same categories in every batch that holds only known labels).
    fn finish(mut self) -> Result<DictionaryArray<Int32Type>, Error> {
        let mut extra: Vec<usize> = (self.known..self.dictionary.len()).collect();
        extra.sort_by(|a, b| self.dictionary[*a].cmp(&self.dictionary[*b]));
        let mut moved: Vec<i32> = (0..self.dictionary.len() as i32).collect();
        for (k, old) in extra.iter().enumerate() {
            moved[*old] = (self.known + k) as i32;
        }
        let sorted: Vec<String> = extra.iter().map(|i| self.dictionary[*i].clone()).collect();
        self.dictionary.truncate(self.known);
        self.dictionary.extend(sorted);
        let keys: Int32Array = self
            .codes
            .iter()
            .map(|c| c.and_then(|c| moved.get(c as usize).copied()))
            .collect();
        DictionaryArray::try_new(keys, Arc::new(StringArray::from(self.dictionary)))
            .map_err(|e| Error::Internal(e.to_string()))
    }
}

/// A table under construction: the columns of one layer, filled row by row.
pub struct TableBuilder {
    columns: Vec<Column>,
    cols: Vec<ColumnBuilder>,
}

impl TableBuilder {
    pub fn new(columns: Vec<Column>) -> Self {
        let cols = columns.iter().map(|c| ColumnBuilder::new(c.kind)).collect();
        TableBuilder { columns, cols }
    }
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }
    /// The columns to fill, in order, for one row.
    pub fn row(&mut self) -> impl Iterator<Item = &mut ColumnBuilder> {
        self.cols.iter_mut()
    }
    pub fn finish(self) -> Result<RecordBatch, Error> {
        let mut fields = Vec::with_capacity(self.columns.len());
        let mut arrays = Vec::with_capacity(self.columns.len());
        for (c, b) in self.columns.iter().zip(self.cols) {
            let a = b.finish()?;
            fields.push(Field::new(c.name, a.data_type().clone(), c.nullable));
            arrays.push(a);
        }
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
            .map_err(|e| Error::Internal(e.to_string()))
    }
}

//! Python arguments to owned Rust values: texts, dates, thread counts and size limits. It must
//! never copy a text before its size is checked, and every error it raises names the argument.

use chrono::NaiveDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyFloat, PyInt, PyString};

use crate::error::Error;
use crate::pipeline::{self, parse_iso_date};

pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn is_bytes(obj: &Bound<'_, PyAny>) -> bool {
    matches!(
        type_name(obj).as_str(),
        "bytes" | "bytearray" | "memoryview"
    )
}

/// `text` must be a `str` of at most `max_chars` characters (checked before it is copied);
/// bytes get a hint to decode.
pub fn coerce_text(obj: &Bound<'_, PyAny>, what: &str, max_chars: usize) -> PyResult<String> {
    let s = obj.cast::<PyString>().map_err(|_| {
        let t = type_name(obj);
        let hint = if is_bytes(obj) {
            " (decode it first, e.g. data.decode(\"utf-8\"))"
        } else {
            ""
        };
        PyTypeError::new_err(format!("[E001] {what} must be str, not {t}{hint}"))
    })?;
    let n = s.len()?;
    if n > max_chars {
        return Err(pipeline::too_large(n, max_chars).into());
    }
    s.to_cow().map(|c| c.into_owned()).map_err(|_| {
        Error::InvalidInput(format!(
            "{what} contains lone surrogate characters and is not valid Unicode; clean it first, e.g. \
             text.encode(\"utf-8\", \"replace\").decode(\"utf-8\")"
        ))
        .into()
    })
}

/// True for the values that mean "no date": None, `pandas.NaT`, `numpy.datetime64("NaT")` and
/// float NaN (all of which, but None, are not equal to themselves).
pub fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() {
        return true;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    let nat_like = obj.cast::<PyDate>().is_ok() || is_datetime64(obj);
    nat_like && obj.ne(obj).unwrap_or(false)
}

fn is_datetime64(obj: &Bound<'_, PyAny>) -> bool {
    type_name(obj) == "datetime64"
}

/// `date` may be None (or NaT, NaN), an ISO string, a `datetime.date`, a `datetime.datetime`
/// (so a `pandas.Timestamp`) or a `numpy.datetime64`. `what` names the argument in errors.
pub fn coerce_date(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<NaiveDate>> {
    let Some(obj) = obj else { return Ok(None) };
    if is_missing(obj) {
        return Ok(None);
    }
    let named = |e: Error| -> PyErr {
        match e {
            Error::InvalidInput(m) => Error::InvalidInput(format!("{what}: {m}")).into(),
            e => e.into(),
        }
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow().map_err(|_| {
            named(Error::InvalidInput(
                "the string contains lone surrogate characters, so it is not a date; use \"YYYY-MM-DD\"".into(),
            ))
        })?;
        return Ok(Some(parse_iso_date(&s)?));
    }
    if obj.cast::<PyDate>().is_ok() {
        // datetime.datetime (and pandas.Timestamp) are date subclasses: take the calendar date.
        return obj.extract::<NaiveDate>().map(Some).map_err(|e| {
            named(Error::InvalidInput(format!(
                "cannot read {}: {e}",
                type_name(obj)
            )))
        });
    }
    if is_datetime64(obj) {
        // str() of a datetime64 is ISO ("2016-09-20", "2016-09-20T12:00:00.000000000").
        let s = obj.str()?.to_cow()?.into_owned();
        return Ok(Some(parse_iso_date(&s)?));
    }
    Err(PyTypeError::new_err(format!(
        "[E001] {what} must be an ISO string (\"YYYY-MM-DD\"), datetime.date, datetime.datetime, \
         pandas.Timestamp, numpy.datetime64 or None, not {}",
        type_name(obj)
    )))
}

/// True for a value that is one date for a whole batch rather than a sequence of dates.
pub fn is_one_date(obj: &Bound<'_, PyAny>) -> bool {
    is_missing(obj)
        || obj.cast::<PyString>().is_ok()
        || obj.cast::<PyDate>().is_ok()
        || is_datetime64(obj)
}

/// The `dates` argument of a batch, as one entry per text: None, one date for all, or an
/// iterable of dates. Bytes are refused (they would iterate as numbers). Each entry is kept as a
/// Python object here; it is converted by [`coerce_date`] so that a bad one can be recorded on
/// its document.
pub fn dates_arg<'py>(
    dates: Option<&Bound<'py, PyAny>>,
    n: usize,
) -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
    let Some(d) = dates.filter(|d| !d.is_none()) else {
        return Ok(None);
    };
    if is_one_date(d) {
        return Ok(Some(vec![d.clone(); n]));
    }
    let not_dates = || {
        PyTypeError::new_err(format!(
            "[E001] dates must be None, one date, or an iterable of dates (one per text), not {}",
            type_name(d)
        ))
    };
    if is_bytes(d) || d.cast::<PyInt>().is_ok() || d.cast::<PyFloat>().is_ok() {
        return Err(not_dates());
    }
    let ds: Vec<Bound<'py, PyAny>> = d
        .try_iter()
        .map_err(|_| not_dates())?
        .collect::<PyResult<_>>()?;
    if ds.len() != n {
        return Err(Error::InvalidInput(format!(
            "got {n} texts but {} dates; pass one date per text, one date for all, or None",
            ds.len()
        ))
        .into());
    }
    Ok(Some(ds))
}

/// An optional int argument of at least `min`: None, or the int (any size). `kind` and `floor_hint`
/// finish the error messages ("an int (at least 1)", " (or None for all cores)").
fn int_at_least<'py>(
    obj: Option<&Bound<'py, PyAny>>,
    name: &str,
    min: i64,
    kind: &str,
    floor_hint: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if o.cast::<PyBool>().is_ok() || o.cast::<PyInt>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "[E001] {name} must be {kind} or None, not {}",
            type_name(o)
        )));
    }
    if o.lt(min)? {
        return Err(Error::InvalidInput(format!(
            "{name} must be at least {min}{floor_hint}, not {}",
            o.str()?
        ))
        .into());
    }
    Ok(Some(o.clone()))
}

/// The `n_threads` argument: None, or an int of at least 1 (any size: above the cores it is cut
/// down, with a warning, by [`crate::threads::resolve`]).
pub fn n_threads_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<u128>> {
    let n = int_at_least(
        obj,
        "n_threads",
        1,
        "an int (at least 1)",
        " (or None for all cores)",
    )?;
    // An int too big even for u128 is far more threads than any machine has anyway.
    Ok(n.map(|o| o.extract::<u128>().unwrap_or(u128::MAX)))
}

/// The `max_chars` argument: None (then `TIDINGS_MAX_CHARS`, else the default) or an int >= 0.
pub fn max_chars_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let arg = int_at_least(obj, "max_chars", 0, "an int", "")?
        .map(|o| o.extract::<usize>().unwrap_or(usize::MAX));
    Ok(pipeline::max_chars(arg)?)
}

"""A DataFrame in, layers out: ``tidings.analyze_frame(df)`` and the ``df.tidings`` accessor.

Dates are converted here, in Python, to what ``analyze_many`` takes (``datetime.date``, an ISO string or
None); the Rust side never sees a pandas or numpy value. Never reorders or drops an input row.
"""

from __future__ import annotations

import datetime
import math
from typing import TYPE_CHECKING, Any, Literal

from ._native import analyze_many
from .corpus import Corpus
from .exceptions import InvalidInputError
from .frames import LAYERS, _pandas, frames

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def to_date(v: Any) -> datetime.date | str | None:
    """One date-like value as ``analyze_many`` takes it: None for every kind of missing value
    (None, NaN, ``pd.NaT``, ``pd.NA``, ``np.datetime64("NaT")``, an empty string); ``datetime.date``
    for pandas Timestamps, datetimes (their own calendar date, time zone kept), dates and numpy
    datetime64; strings stripped and passed on (ISO ``YYYY-MM-DD``, a time part is ignored). Anything
    else is passed on unchanged, so ``analyze_many`` records a clear error on that row.
    """
    if v is None:
        return None
    if isinstance(v, str):
        v = v.strip()
        return v or None
    if isinstance(v, float) and math.isnan(v):
        return None
    pd = _pandas()
    if v is pd.NaT or v is pd.NA:
        return None
    if isinstance(v, datetime.datetime):  # pandas Timestamp is one too
        return v.date()
    if isinstance(v, datetime.date):
        return v
    import numpy

    if isinstance(v, numpy.datetime64):
        if numpy.isnat(v):
            return None
        return v.astype("datetime64[D]").item()
    if isinstance(v, numpy.floating) and numpy.isnan(v):
        return None
    return v


def _column(df: pd.DataFrame, name: Any, what: str) -> pd.Series:
    if name not in df.columns:
        cols = ", ".join(map(repr, list(df.columns)[:20]))
        raise InvalidInputError(f"[E001] {what} column {name!r} is not in the DataFrame; its columns are {cols}")
    return df[name]


def analyze_frame(df: pd.DataFrame | pd.Series, text: Any = "text", date: Any = None, id: Any = None,
                  default_date: Any = None, n_threads: int | None = None,
                  errors: Literal["record", "raise"] = "record",
                  model: Any = None) -> Corpus:
    """Analyses one text per row of ``df`` and returns the layers as DataFrames (a :class:`tidings.Corpus`:
    ``result["entities"]``, ``result.quotes``, ..., with the corpus views).

    - ``text``: the column of texts (or pass a Series of texts as ``df``). A missing text gives its row
      an ``error`` and empty layers.
    - ``date``: the column of document dates (its name, a Series aligned on the index, or a list with one
      date per row), or None. Any pandas, numpy or ``datetime`` date type is taken; NaT, NaN, None and
      empty strings are missing dates (``default_date`` fills them, if given).
    - ``id``: a column that names the rows. Every layer's index is ``df``'s index (one row per mention),
      so ``df.merge(result.entities, left_index=True, right_index=True)`` joins back; with ``id`` every
      layer also has that column, for ``df.merge(result.entities, on=id)``. The ``id`` column of each
      layer holds ``str()`` of the id (default: of the index label) unless the id column is itself named
      ``id``, whose values are kept as they are; ``doc`` is the row position.
    - ``n_threads``, ``errors``, ``model``: as for :func:`tidings.analyze_many`.
    """
    pd = _pandas()
    register_accessor()
    if isinstance(df, pd.Series):
        df = df.to_frame(name=df.name if df.name is not None else "text")
        if text not in df.columns:
            text = df.columns[0]
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"[E001] analyze_frame takes a pandas DataFrame or Series, not {type(df).__name__}")
    texts = _column(df, text, "text")
    if date is None:
        dates: list[Any] = [None] * len(df)
    elif isinstance(date, pd.Series):  # aligned on the index, as pandas does
        dates = [to_date(v) for v in date.reindex(df.index).tolist()]
    elif isinstance(date, (list, tuple)) or hasattr(date, "__array__"):
        if len(date) != len(df):
            raise InvalidInputError(f"[E001] got {len(df)} rows but {len(date)} dates")
        dates = [to_date(v) for v in (date.tolist() if hasattr(date, "tolist") else date)]
    else:
        col = _column(df, date, "date")
        if pd.api.types.is_datetime64_any_dtype(col.dtype):
            dates = [None if v is pd.NaT else v.date() for v in col]
        else:
            dates = [to_date(v) for v in col.tolist()]
    if default_date is not None:
        fill = to_date(default_date)
        dates = [fill if d is None else d for d in dates]
    values = [v if isinstance(v, str) or not pd.api.types.is_scalar(v) or not pd.isna(v) else None
              for v in texts.tolist()]
    # a missing text (None) is recorded by analyze_many as that row's error
    docs = analyze_many(values, dates, n_threads=n_threads, errors=errors, model=model)  # type: ignore[arg-type]
    labels = _column(df, id, "id").tolist() if id is not None else df.index.tolist()
    layers = frames(docs, ids=[str(x) for x in labels])
    out: dict[str, Any] = {}
    for layer in LAYERS:
        f = layers[layer]
        pos = f["doc"].to_numpy()
        f.index = df.index.take(pos)
        if id is not None and id != "id":
            f.insert(2, id, df[id].take(pos).to_numpy())
        elif id == "id":
            f["id"] = df["id"].take(pos).to_numpy()
        out[layer] = f
    return Corpus.from_layers(out, docs)


class TidingsAccessor:
    """``df.tidings.analyze(text="text", date=None, id=None, ...)``: :func:`analyze_frame` on ``df``."""

    def __init__(self, obj: Any):
        self._obj = obj

    def analyze(self, text: Any = "text", date: Any = None, id: Any = None, **kwargs: Any) -> Corpus:
        return analyze_frame(self._obj, text=text, date=date, id=id, **kwargs)


def register_accessor() -> None:
    """Registers ``df.tidings`` (done by ``import tidings`` when pandas is already imported, and by
    ``analyze_frame``). Safe to call again."""
    import warnings

    pd = _pandas()
    if "tidings" in getattr(pd.DataFrame, "_accessors", set()):
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.api.extensions.register_dataframe_accessor("tidings")(TidingsAccessor)
        pd.api.extensions.register_series_accessor("tidings")(TidingsAccessor)

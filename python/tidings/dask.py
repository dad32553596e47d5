"""The same analysis on a Dask cluster: a Dask DataFrame of texts in, Dask DataFrames of layers out.

>>> import dask.dataframe as dd, pandas as pd
>>> import tidings.dask
>>> news = dd.from_pandas(pd.DataFrame({"text": ["“We won,” she said on Monday."] * 4}), npartitions=2)
>>> layers = tidings.dask.frames(news)
>>> sorted(layers)
['dates', 'documents', 'entities', 'quotes', 'sections', 'sentences']
>>> len(layers["quotes"].compute())
4

Each partition is analysed where it lives, by :func:`tidings.analyze_many`, and turned into one
pandas DataFrame per layer by :func:`tidings.table`, exactly as :func:`tidings.frames` does for a
local batch; the layers of one partition come from one task, so computing several layers together
(``dask.compute(*layers.values())``) analyses every text once. The result equals
``tidings.frames(tidings.analyze_many(texts), ids)`` row for row:

- ``doc`` is the row's position in the whole input (partitions are counted in order), so it is
  unique across partitions;
- ``id`` is the id column's value as a string, or ``str(doc)`` without one;
- the index of every layer is the index label of the input row the mention comes from, and the
  divisions of the input are kept, so a layer lines up with the input frame.

Column dtypes are declared up front (``meta``), derived from the Arrow schema of the layer
tables, and every partition is cast to them, so a partition with no dates (or all-missing values in
a column) has the same dtypes as any other. Dask is an optional dependency:
``pip install "tidings[dask]"``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import _native
from .frames import _NULLABLE_INT, LAYERS, _pandas, _table_to_pandas

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["frames", "meta", "LAYERS"]


def _dask():
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('tidings.dask needs Dask: pip install "tidings[dask]"') from e
    return dask, dd


@functools.cache
def _dtypes(layer: str) -> dict[str, Any]:
    """Column dtypes of a layer: the ones :func:`tidings.frames` gives a column with values in it."""
    pd = _pandas()
    import pyarrow as pa  # a dependency of dask[dataframe]

    string = pd.Series(["x"]).dtype  # object on pandas 2, str on pandas 3
    day = pd.to_datetime(pd.Series([_dt.date(2000, 1, 1)])).dtype
    instant = pd.to_datetime(pd.Series([_dt.datetime(2000, 1, 1)])).dtype
    out: dict[str, Any] = {}
    for field in pa.table(_native.table([], layer)).schema:
        t = field.type
        if pa.types.is_integer(t):
            out[field.name] = "Int64" if field.name in _NULLABLE_INT else "int64"
        elif pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_dictionary(t):
            out[field.name] = string
        elif pa.types.is_date(t):
            out[field.name] = day
        elif pa.types.is_timestamp(t):
            out[field.name] = instant
        else:  # pragma: no cover - a new column type in the Rust tables
            raise TypeError(f"tidings.dask has no pandas dtype for column {field.name!r} of type {t}")
    return out


def meta(layer: str, index: pd.Index | None = None) -> pd.DataFrame:
    """The empty DataFrame that describes one layer's columns and dtypes (Dask's ``meta``)."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; choose one of {', '.join(LAYERS)}")
    pd = _pandas()
    cols = {name: pd.Series(dtype=dtype) for name, dtype in _dtypes(layer).items()}
    return pd.DataFrame(cols, index=index[:0] if index is not None else None)


@functools.cache
def _load_model(path: str) -> _native.Model:
    """A model file, read once per worker process (the built-in model is cached by the Rust side)."""
    return _native.load_model(path)


def _missing(v: Any) -> bool:
    """None, NaN, NaT or pd.NA: how pandas spells a missing cell."""
    pd = _pandas()
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def _date(v: Any) -> Any:
    if _missing(v):
        return None
    if isinstance(v, _pandas().Timestamp):
        return v.date()
    return v


def _renumber(error: Any, local: int, offset: int) -> Any:
    """A recorded error names the document by its position in the batch: make that the whole input's."""
    prefix = f"[E001] document {local}: "
    if isinstance(error, str) and error.startswith(prefix):
        return f"[E001] document {local + offset}: " + error[len(prefix):]
    return error


def _analyze_partition(part: pd.DataFrame, offset: int, text: str, date: str | None, id: str | None,
                       layers: Sequence[str], n_threads: int | None, model: str | None) -> dict[str, pd.DataFrame]:
    """All asked-for layers of one partition; ``offset`` is the number of rows in earlier partitions."""
    import numpy as np

    texts = [None if _missing(t) else t for t in part[text].tolist()]  # a missing text is recorded as failed
    dates = None if date is None else [_date(v) for v in part[date].tolist()]
    docs = _native.analyze_many(texts, dates, n_threads=n_threads,
                                model=None if model is None else _load_model(model))
    n = len(docs)
    ids = [str(v) for v in part[id].tolist()] if id is not None else [str(offset + i) for i in range(n)]
    out = {}
    for layer in layers:
        df = _table_to_pandas(_native.table(docs, layer, ids))
        local = df["doc"].to_numpy(dtype=np.int64)
        df["doc"] = local + offset
        df.index = part.index.take(local)
        if layer == "documents" and offset:
            df["error"] = [_renumber(e, d, offset) for e, d in zip(df["error"].tolist(), local.tolist(), strict=True)]
        out[layer] = df.astype(_dtypes(layer))
    return out


def frames(df: dd.DataFrame, text: str = "text", date: str | None = None, id: str | None = None, *,
           layers: Sequence[str] = LAYERS, n_threads: int | None = 1,
           model: str | os.PathLike[str] | None = None) -> dict[str, dd.DataFrame]:
    """Layers of a Dask DataFrame of texts, as lazy Dask DataFrames: ``{"documents", "sentences", ...}``.

    ``text`` names the column of texts; ``date`` an optional column of publication dates (ISO
    strings, dates or timestamps; missing values mean "no date"); ``id`` an optional column of
    document ids (written as strings). ``n_threads`` is the threads each partition's analysis uses
    (default 1, since Dask already runs one task per worker thread). ``model`` is None for the
    built-in model or the path of a model file that every worker can read; each worker process
    loads it once. A document that cannot be analysed has its ``error`` set in ``documents``;
    the other documents are unaffected.
    """
    dask, dd = _dask()
    layers = list(layers)
    for layer in layers:
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}; choose one of {', '.join(LAYERS)}")
    if not layers:
        raise ValueError("layers is empty; ask for at least one of " + ", ".join(LAYERS))
    for what, col in (("text", text), ("date", date), ("id", id)):
        if col is not None and col not in df.columns:
            raise ValueError(f"{what} column {col!r} is not in the DataFrame (its columns: {list(df.columns)})")
    if model is not None and not isinstance(model, (str, os.PathLike)):
        raise TypeError("model must be None (the built-in model) or the path of a model file that every "
                        f"worker can read, not {type(model).__name__}; save a Model with model.save(path)")
    model_path = None if model is None else os.fspath(model)
    if n_threads is not None and (not isinstance(n_threads, int) or n_threads < 1):
        raise ValueError(f"n_threads must be a positive integer or None, not {n_threads!r}")

    delayed = dask.delayed
    cols = [c for c in (text, date, id) if c is not None]
    parts = df[list(dict.fromkeys(cols))].to_delayed()
    offsets: list[Any] = [0]
    for p in parts[:-1]:
        offsets.append(delayed(operator.add, pure=True)(offsets[-1], delayed(len, pure=True)(p)))
    analysed = [delayed(_analyze_partition, pure=True)(p, o, text, date, id, tuple(layers), n_threads, model_path)
                for p, o in zip(parts, offsets, strict=True)]
    index = df._meta.index
    return {layer: dd.from_delayed([delayed(operator.getitem, pure=True)(a, layer) for a in analysed],
                                   meta=meta(layer, index), divisions=df.divisions)
            for layer in layers}

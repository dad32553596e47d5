"""pandas views of a batch: one DataFrame per layer with one schema, whatever the path.

Every layer is built in Rust as an Arrow table (:func:`tidings.table`). This module turns it into a
DataFrame with the dtypes that follow from the tables' Arrow schema (``tidings._native._schema``):
dictionary (label) columns become categoricals over their fixed vocabulary, ``date32`` and
timestamps ``datetime64``, integers ``int64`` (nullable ``Int64`` when the column can be missing in
any layer, so one column has one dtype everywhere), text pandas' nullable ``string``. So
``frames()``, ``Table.to_pandas()``, Parquet read back with ``pandas.read_parquet`` and Dask agree.
pandas is imported only when a DataFrame is asked for; pyarrow is used when installed (the fast path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._native import LAYERS, Document, Table, _schema, table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

_PANDAS_KIND = {"int": "int64", "date": "datetime64[us]", "time": "datetime64[us]", "category": "category"}


def _declared() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The pandas dtype kind of every column of every layer, and the vocabularies of the label columns."""
    schema: dict[str, str] = {}
    categories: dict[str, tuple[str, ...]] = {}
    for layer in LAYERS:
        for name, kind, nullable, cats, _attribute, _python in _schema(layer):
            if kind == "str":
                continue
            dtype = "Int64" if kind == "int" and (nullable or schema.get(name) == "Int64") else _PANDAS_KIND[kind]
            schema[name] = dtype
            if cats is not None:
                categories[name] = tuple(cats)
    return schema, categories


#: The pandas dtype of every column tidings writes (a column not named here is text), and the closed
#: vocabularies, so that a label column has the same dtype in every batch.
SCHEMA, CATEGORIES = _declared()
_NULLABLE_INT = tuple(c for c, k in SCHEMA.items() if k == "Int64")


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('DataFrames need pandas: pip install "tidings[pandas,arrow]"') from e
    return pandas


def _pyarrow():
    try:
        import pyarrow
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return pyarrow


def dtype_of(column: str) -> Any:
    """The pandas dtype tidings gives ``column`` (a ``CategoricalDtype`` with fixed categories for labels)."""
    pd = _pandas()
    kind = SCHEMA.get(column)
    if kind == "category":
        return pd.CategoricalDtype(list(CATEGORIES[column]))
    if kind is None:  # text: pandas' nullable string, in pandas' default storage (what Parquet reads back as)
        return pd.StringDtype()
    return pd.api.types.pandas_dtype(kind)


def apply_schema(df: pd.DataFrame) -> pd.DataFrame:
    """Casts every known column of ``df`` to its tidings dtype, in place, and returns ``df``.

    A label outside the fixed vocabulary is kept: its column then gets the extra category.
    """
    pd = _pandas()
    for col in df.columns:
        want = dtype_of(col)
        have = df[col].dtype
        if have == want:
            continue
        if isinstance(want, pd.CategoricalDtype):
            extra = sorted({str(v) for v in df[col].dropna().unique()} - set(want.categories))
            if extra:
                want = pd.CategoricalDtype([*want.categories, *extra])
            df[col] = df[col].astype(want)
        elif SCHEMA.get(col) is None:
            if pd.api.types.is_object_dtype(have) or pd.api.types.is_string_dtype(have):
                df[col] = df[col].astype(want)
        else:
            df[col] = df[col].astype(want)
    return df


def _table_to_pandas(t: Table) -> pd.DataFrame:
    """``Table.to_pandas()``: the layer with the tidings schema, read from Arrow when pyarrow is there."""
    pd = _pandas()
    pa = _pyarrow()
    if pa is None:  # the slow path: Python lists (object columns when there are none: pandas guesses float)
        df = pd.DataFrame({c: pd.Series(v, dtype=None if v else object) for c, v in t.to_pydict().items()})
    else:
        at = pa.table(t)
        df = at.to_pandas(date_as_object=False,
                          types_mapper={pa.int64(): pd.Int64Dtype(), pa.string(): dtype_of("text")}.get)
    return apply_schema(df)


def to_arrow(t: Table | pd.DataFrame) -> pa.Table:
    """A pyarrow Table with the tidings schema and pandas metadata: what ``write_parquet`` writes.

    ``pandas.read_parquet`` (and Dask, and ``.to_pandas()``) of it gives the same dtypes as ``frames()``.
    """
    pa = _pyarrow()
    if pa is None:  # pragma: no cover - depends on the environment
        raise ImportError('Arrow output needs pyarrow: pip install "tidings[pandas,arrow]"')
    df = t if not isinstance(t, Table) else t.to_pandas()
    return pa.Table.from_pandas(df, preserve_index=False)


def write_parquet(t: Table | pd.DataFrame, path: Any) -> None:
    """Writes one layer to Parquet so that ``pandas.read_parquet(path)`` has the dtypes of ``frames()``."""
    import pyarrow.parquet as pq

    pq.write_table(to_arrow(t), path)


def frames(docs: Sequence[Document], ids: Sequence[str] | None = None) -> dict[str, pd.DataFrame]:
    """All layers of a batch as DataFrames, one per name in :data:`LAYERS` (``documents``, ``sentences``, ...).

    Every frame has ``doc`` (position in ``docs``) and ``id`` (``ids[doc]``, default ``str(doc)``),
    and the dtypes of :data:`SCHEMA`.
    """
    docs = list(docs)
    ids = None if ids is None else [str(i) for i in ids]
    return {layer: table(docs, layer, ids).to_pandas() for layer in LAYERS}


def entity_table(docs: Sequence[Document], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Entities of a corpus: canonical name, label, mention count and document count, most mentioned first."""
    from .corpus import top_entities

    return top_entities(table(list(docs), "entities", _ids(ids)).to_pandas())


def quote_table(docs: Sequence[Document], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Quotes of a corpus by speaker: count, documents, the first and last day said (each quote's own date,
    else its document's) and where those dates come from."""
    from .corpus import quotes_by_speaker

    return quotes_by_speaker(table(list(docs), "quotes", _ids(ids)).to_pandas())


def _ids(ids: Sequence[Any] | None) -> list[str] | None:
    return None if ids is None else [str(i) for i in ids]

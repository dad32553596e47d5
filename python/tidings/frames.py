"""pandas views of a batch: one DataFrame per layer with one schema, whatever the path.

Every layer is built in Rust as an Arrow table (:func:`tidings.table`). This module turns it into a
DataFrame with the dtypes declared once in :data:`SCHEMA` (categoricals for labels, types and kinds,
``datetime64`` for dates and times, nullable ``Int64`` for optional offsets, the nullable ``string``
dtype for text), so ``frames()``,
``Table.to_pandas()``, Parquet read back with ``pandas.read_parquet`` and Dask agree. pandas is
imported only when a DataFrame is asked for; pyarrow is used when installed (the fast path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._native import Document, Table, table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

LAYERS = ("documents", "sentences", "entities", "dates", "quotes")

#: Closed vocabularies, so that a label column has the same dtype in every batch.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "label": ("PER", "ORG", "LOC", "MISC"),
    "type": ("DATE", "TIME", "DURATION", "SET"),
    "kind": ("direct", "partial"),
    "date_source": ("given", "inferred"),
    "mod": ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
            "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"),
}
_DATES = ("date", "interval_start", "interval_end")
_NULLABLE_INT = ("sentence", "speaker_start", "speaker_end")
_INT = ("doc", "start", "end", "group", "paragraph", "chars", "sentences", "entities", "dates", "quotes")

#: The pandas dtype of every column tidings writes (a column not named here is text).
SCHEMA: dict[str, str] = {
    **{c: "category" for c in CATEGORIES},
    **{c: "datetime64[us]" for c in _DATES},
    **{c: "Int64" for c in _NULLABLE_INT},
    **{c: "int64" for c in _INT},
}


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


def _categories_in_arrow(at: pa.Table) -> pa.Table:
    """Dictionary-encodes the label columns against their fixed vocabulary (pandas reads them as categoricals
    without a pass over Python strings)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for i, name in enumerate(at.column_names):
        if name not in CATEGORIES or not pa.types.is_string(at.schema.field(i).type):
            continue
        col = at.column(i).combine_chunks()
        cats = list(CATEGORIES[name])
        extra = sorted(set(pc.unique(col).drop_null().to_pylist()) - set(cats))
        dictionary = pa.array(cats + extra, pa.string())
        codes = pc.index_in(col, value_set=dictionary)
        at = at.set_column(i, name, pa.DictionaryArray.from_arrays(codes, dictionary))
    return at


def _table_to_pandas(t: Table) -> pd.DataFrame:
    """``Table.to_pandas()``: the layer with the tidings schema, read from Arrow when pyarrow is there."""
    pd = _pandas()
    pa = _pyarrow()
    if pa is None:  # the slow path: Python lists
        df = pd.DataFrame(t.to_pydict(), columns=t.column_names)
    else:
        at = _categories_in_arrow(pa.table(t))
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
    """All layers of a batch as DataFrames: ``{"documents", "sentences", "entities", "dates", "quotes"}``.

    Every frame has ``doc`` (position in ``docs``) and ``id`` (``ids[doc]``, default ``str(doc)``),
    and the dtypes of :data:`SCHEMA`.
    """
    docs = list(docs)
    ids = None if ids is None else [str(i) for i in ids]
    return {layer: table(docs, layer, ids).to_pandas() for layer in LAYERS}  # type: ignore[arg-type]


def entity_table(docs: Sequence[Document], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Entities of a corpus: canonical name, label, mention count and document count, most mentioned first."""
    from .corpus import top_entities

    return top_entities(table(list(docs), "entities", _ids(ids)).to_pandas())


def quote_table(docs: Sequence[Document], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Quotes of a corpus by speaker: count, documents, first and last document date."""
    from .corpus import quotes_by_speaker

    return quotes_by_speaker(table(list(docs), "quotes", _ids(ids)).to_pandas())


def _ids(ids: Sequence[Any] | None) -> list[str] | None:
    return None if ids is None else [str(i) for i in ids]

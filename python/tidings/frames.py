"""pandas views of a batch: one DataFrame per layer, and corpus-level summary tables.

Everything here goes through :func:`tidings.table`, which builds Arrow tables in Rust; pandas is
imported only when a DataFrame is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._native import Document, Table, table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

LAYERS = ("documents", "sentences", "entities", "dates", "quotes")
_DATE_COLUMNS = ("date", "interval_start", "interval_end")
_NULLABLE_INT = ("sentence", "speaker_start", "speaker_end")
_INT = ("doc", "start", "end", "group", "paragraph", "chars", "sentences", "entities", "dates", "quotes")


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("DataFrames need pandas: pip install pandas") from e
    return pandas


def _table_to_pandas(t: Table) -> pd.DataFrame:
    """A DataFrame with stable dtypes whether or not pyarrow is installed:
    integers as int64 (nullable ones as Int64), dates and times as datetime64."""
    pd = _pandas()
    df = pd.DataFrame(t.to_pydict(), columns=t.column_names)
    for col in df.columns:
        if col in _DATE_COLUMNS:
            df[col] = pd.to_datetime(df[col])
        elif col in _NULLABLE_INT:
            df[col] = df[col].astype("Int64")
        elif col in _INT:
            df[col] = df[col].astype("int64")
    return df


def frames(docs: Sequence[Document], ids: Sequence[str] | None = None) -> dict[str, pd.DataFrame]:
    """All layers of a batch as DataFrames: ``{"documents", "sentences", "entities", "dates", "quotes"}``.

    Every frame has ``doc`` (position in ``docs``) and ``id`` (``ids[doc]``, default ``str(doc)``).
    """
    docs = list(docs)
    ids = None if ids is None else [str(i) for i in ids]
    return {layer: table(docs, layer, ids).to_pandas() for layer in LAYERS}


def entity_table(docs: Sequence[Document], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Entities of a corpus: canonical name, label, mention count and document count, most mentioned first."""
    pd = _pandas()
    df = table(list(docs), "entities", None if ids is None else [str(i) for i in ids]).to_pandas()
    if df.empty:
        return pd.DataFrame({"canonical": pd.Series(dtype=object), "label": pd.Series(dtype=object),
                             "mentions": pd.Series(dtype="int64"), "documents": pd.Series(dtype="int64")})
    out = (df.groupby(["canonical", "label"], sort=False)
             .agg(mentions=("doc", "size"), documents=("doc", "nunique"))
             .reset_index()
             .sort_values(["mentions", "documents", "canonical"], ascending=[False, False, True],
                          kind="stable")
             .reset_index(drop=True))
    return out


def quote_table(docs: Sequence[Document], ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Quotes of a corpus by speaker: count, documents, first and last document date."""
    pd = _pandas()
    df = table(list(docs), "quotes", None if ids is None else [str(i) for i in ids]).to_pandas()
    cols = {"speaker": pd.Series(dtype=object), "quotes": pd.Series(dtype="int64"),
            "documents": pd.Series(dtype="int64"), "first_date": pd.Series(dtype="datetime64[ns]"),
            "last_date": pd.Series(dtype="datetime64[ns]")}
    df = df[df["speaker"].notna()] if not df.empty else df
    if df.empty:
        return pd.DataFrame(cols)
    out = (df.groupby("speaker", sort=False)
             .agg(quotes=("doc", "size"), documents=("doc", "nunique"), first_date=("date", "min"),
                  last_date=("date", "max"))
             .reset_index()
             .sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")
             .reset_index(drop=True))
    return out

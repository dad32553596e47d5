"""Per-layer tables: pandas frames with one row per mention, Arrow export without copies."""

import datetime

import pandas as pd
import pyarrow as pa
import pytest
import tidings
from tidings.exceptions import InvalidInputError


@pytest.fixture(scope="module")
def docs(seed_texts):
    return tidings.analyze_many(seed_texts, dates=["2017-11-13", None, "2017-11-14", "2018-07-13"])


def test_frames_have_one_row_per_mention_and_document(docs, seed_ids):
    f = tidings.frames(docs, ids=seed_ids)
    assert set(f) == {"documents", "sentences", "entities", "dates", "quotes", "sections"}
    d = f["documents"]
    assert list(d["id"]) == seed_ids and list(d["doc"]) == [0, 1, 2, 3]
    assert d["date"].iloc[0] == pd.Timestamp("2017-11-13") and pd.isna(d["date"].iloc[1])
    for layer in ("sentences", "entities", "dates", "quotes"):
        assert len(f[layer]) == sum(len(getattr(x, layer)) for x in docs)
        assert list(d[layer]) == [len(getattr(x, layer)) for x in docs]
    s = f["sentences"]
    first = docs[0].sentences[0]
    assert (s.iloc[0]["start"], s.iloc[0]["end"], s.iloc[0]["text"]) == (first.start, first.end, first.text)
    assert s["doc"].dtype == "int64" and s["start"].dtype == "int64"


def test_layer_columns(docs):
    cols = {layer: tidings.table(docs, layer).column_names
            for layer in ("documents", "sentences", "entities", "dates", "quotes")}
    assert cols["entities"][:7] == ["doc", "id", "date", "start", "end", "text", "label"]
    for layer in cols:  # every layer names the document of a row the same way
        assert cols[layer][:3] == ["doc", "id", "date"], layer
    assert {"type", "value", "mod", "interval_start", "interval_end", "sentence"} <= set(cols["dates"])
    assert {"kind", "speaker", "speaker_start", "speaker_end", "cue", "group", "date"} <= set(cols["quotes"])


def test_empty_layers_keep_their_dtypes():
    t = tidings.table([tidings.analyze("")], "dates")
    df = t.to_pandas()
    assert len(df) == 0
    assert str(df["interval_start"].dtype).startswith("datetime64")


def test_arrow_stream_is_read_by_pyarrow(docs, seed_ids):
    t = tidings.table(docs, "documents", ids=seed_ids)
    at = pa.table(t)  # through __arrow_c_stream__
    assert at.num_rows == 4
    assert at.schema.field("date").type == pa.date32()
    assert at.column("id").to_pylist() == seed_ids
    assert at.column("date").to_pylist()[0] == datetime.date(2017, 11, 13)
    rb = pa.RecordBatchReader.from_stream(tidings.table(docs, "sentences"))
    assert sum(b.num_rows for b in rb) == sum(len(d.sentences) for d in docs)
    assert t.to_arrow().equals(at)


def test_table_rejects_unknown_layers_and_mismatched_ids(docs):
    with pytest.raises(InvalidInputError, match="unknown layer"):
        tidings.table(docs, "people")
    with pytest.raises(InvalidInputError, match="ids"):
        tidings.table(docs, "entities", ids=["only-one"])


def test_corpus_tables_have_their_columns_even_when_empty():
    docs = tidings.analyze_many(["Nothing to see.", ""])
    e = tidings.entity_table(docs)
    q = tidings.quote_table(docs)
    assert list(e.columns) == ["canonical", "label", "mentions", "documents"]
    assert list(q.columns) == ["speaker", "quotes", "documents", "first_date", "last_date", "first_date_source",
                               "last_date_source"]

"""When a quote was said: Quote.date, date_start, date_end, date_source, and their columns in the quotes table.

The core fills these from the quote's sentence, its section, the story or the document date; these tests
check that whatever it fills reaches Python, the tables and the outputs unchanged.
"""

import datetime
import json

import pandas as pd
import pytest
import tidings

TEXTS = [
    "“We won,” Jane Roe said on Monday. “It was close,” she added.",
    "DIGEST\n\nMarch 1, 2016\n\n“We will look into it,” the senator said today. [Reuters]\n\n"
    "March 8, 2016\n\n“I resign,” the governor said yesterday. [AP]",
    "No quotes here.",
]
SOURCES = {"said", "section", "story", "document"}


@pytest.fixture(scope="module")
def docs():
    return tidings.analyze_many(TEXTS, dates=["2016-11-09", None, "2016-01-01"])


def test_every_quote_has_its_date_fields(docs):
    quotes = [q for d in docs for q in d.quotes]
    assert len(quotes) >= 4
    for q in quotes:
        for name in ("date", "date_start", "date_end"):
            v = getattr(q, name)
            assert v is None or isinstance(v, datetime.date), name
        assert q.date_source is None or q.date_source in SOURCES
        if q.date is not None:
            assert q.date_start <= q.date <= q.date_end and q.date_source is not None
        d = q.to_dict()
        assert d["date"] == (None if q.date is None else q.date.isoformat())
        assert d["date_source"] == q.date_source


def test_the_quotes_table_carries_them_beside_the_document_date(docs):
    t = tidings.table(docs, "quotes", ids=["a", "b", "c"])
    cols = t.to_pydict()
    quotes = [(i, q) for i, d in enumerate(docs) for q in d.quotes]
    assert cols["quote_date"] == [q.date for _, q in quotes]
    assert cols["quote_date_start"] == [q.date_start for _, q in quotes]
    assert cols["quote_date_end"] == [q.date_end for _, q in quotes]
    assert cols["quote_date_source"] == [q.date_source for _, q in quotes]
    assert cols["date"] == [docs[i].date for i, _ in quotes]  # the document's date, as before
    assert cols["cue_start"] == [q.cue_start for _, q in quotes]


def test_quote_date_columns_have_the_frames_dtypes(docs):
    q = tidings.frames(docs)["quotes"]
    for col in ("quote_date", "quote_date_start", "quote_date_end"):
        assert pd.api.types.is_datetime64_dtype(q[col].dtype), col
    assert list(q["quote_date_source"].cat.categories) == ["said", "section", "story", "document"]
    assert q["cue_start"].dtype == pd.Int64Dtype()


def test_the_jsonl_output_has_them(docs, tmp_path):
    from tidings.outputs import JsonlOutput

    class Item:
        def __init__(self, id):
            self.id = id

    out = JsonlOutput(tmp_path / "q.jsonl", [tmp_path / "q.jsonl"])
    out.write([Item(x) for x in "abc"], docs, [d.error for d in docs], 0)
    out.commit()
    recs = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    for rec, doc in zip(recs, docs, strict=True):
        assert [(q["date"], q["date_source"]) for q in rec["quotes"]] == [
            (None if q.date is None else q.date.isoformat(), q.date_source) for q in doc.quotes]

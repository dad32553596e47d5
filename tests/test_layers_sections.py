"""Sections of a compilation (several dated reports in one text) as Python users see them."""

import datetime
import importlib
import json
import subprocess
import sys

import pandas as pd
import pytest
import tidings
from conftest import ROOT

# Non-ASCII text before and inside the sections, so offsets must be Python string indices.
DIGEST = ("MORNING DIGEST — Übersicht\n\nMarch 1, 2016\n\nThe senator spoke today in Zürich. [Reuters]\n\n"
          "March 8, 2016\n\nThe governor resigned yesterday. [AP]")


@pytest.fixture(scope="module")
def digest():
    return tidings.analyze(DIGEST, date="2016-11-09")


def test_a_compilation_has_sections_with_their_stated_dates(digest):
    stated = [(s.date, s.date_source) for s in digest.sections if s.date_source == "stated"]
    assert stated == [(datetime.date(2016, 3, 1), "stated"), (datetime.date(2016, 3, 8), "stated")]
    for s in digest.sections:
        assert isinstance(s, tidings.Section)
        assert DIGEST[s.start:s.end] == s.text
        assert s.date_source in ("stated", "document")
    senator = next(s for s in digest.sections if "senator" in s.text)
    assert "governor" not in senator.text
    assert [s.start for s in digest.sections] == sorted(s.start for s in digest.sections)


def test_a_single_piece_has_no_sections(monkeypatch):
    doc = tidings.analyze("The senator spoke today. The governor resigned yesterday.", date="2016-03-01")
    assert doc.sections == []
    t = tidings.table([doc], "sections")
    assert t.num_rows == 0
    # the empty layer has the same dtypes through Arrow and through Python lists
    arrow = t.to_pandas()
    monkeypatch.setattr(importlib.import_module("tidings.frames"), "_pyarrow", lambda: None)
    pd.testing.assert_frame_equal(t.to_pandas(), arrow)


def test_sections_are_in_to_dict_json_and_repr(digest):
    d = digest.to_dict()
    assert [s["date"] for s in d["sections"]] == [None if s.date is None else s.date.isoformat()
                                                  for s in digest.sections]
    assert json.loads(digest.to_json())["sections"] == d["sections"]
    k, first = next((k, s) for k, s in enumerate(digest.sections) if s.date_source == "stated")
    assert first.to_dict() == {"start": first.start, "end": first.end, "text": first.text,
                               "date": first.date.isoformat(), "date_source": first.date_source}
    assert repr(first).startswith('Section("March 1, 2016') and "date=2016-03-01" in repr(first)
    assert first == tidings.analyze(DIGEST, date="2016-11-09").sections[k]


def test_the_sections_table_holds_each_section_with_its_document(digest):
    other = tidings.analyze("Nothing dated here.")
    f = tidings.frames([other, digest], ids=["x", "digest"])
    s = f["sections"]
    assert list(s["id"]) == ["digest"] * len(digest.sections) and set(s["doc"]) == {1}
    assert (s["date"] == pd.Timestamp("2016-11-09")).all()  # the document's date
    assert list(s["start"]) == [x.start for x in digest.sections]
    assert list(s["text"]) == [x.text for x in digest.sections]
    got = [None if pd.isna(x) else x.date() for x in s["section_date"]]
    assert got == [x.date for x in digest.sections]
    assert list(s["section_date_source"].cat.categories) == ["stated", "document"]
    assert list(s["section_date_source"].astype(str)) == [x.date_source for x in digest.sections]
    assert list(f["documents"]["sections"]) == [0, len(digest.sections)]


def test_the_command_line_writes_sections(tmp_path):
    src = tmp_path / "digest.txt"
    src.write_text(DIGEST, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "tidings", str(src), "-o", str(tmp_path / "x.parquet"),
                        "--date", "2016-11-09"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    side = pd.read_parquet(tmp_path / "x.sections.parquet")
    assert sorted(d.date() for d in side["section_date"].dropna()) >= [datetime.date(2016, 3, 1),
                                                                       datetime.date(2016, 3, 8)]
    assert isinstance(side["section_date_source"].dtype, pd.CategoricalDtype)
    r = subprocess.run([sys.executable, "-m", "tidings", str(src), "-o", str(tmp_path / "x.jsonl")],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rec = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
    assert {s["date"] for s in rec["sections"]} >= {"2016-03-01", "2016-03-08"}

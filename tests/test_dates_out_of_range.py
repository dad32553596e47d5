"""Dates outside years 1-9999 never make a getter, a table or the CLI raise (issue 9, failure 2)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import tidings

FAR = [
    "Augustus ruled in the first century.",
    "Nothing happened in the 0th century.",
    "It was 10000 years ago.",
    "The treaty lasts for 99999999999 years.",
    "Tomorrow the calendar ends.",
]


@pytest.mark.parametrize("text", FAR)
def test_getters_and_dicts_hold_every_produced_date(text):
    for date in (None, "0001-01-01", "9999-12-31"):
        doc = tidings.analyze(text, date=date)
        for t in doc.dates:
            start, end = t.interval_start, t.interval_end
            if start is not None:
                assert 1 <= start.year <= 9999 and start <= end
            assert t.value and "4294967295" not in t.value
        doc.to_dict()
        doc.to_json()


def test_the_first_century_keeps_its_value_and_a_representable_interval():
    (t,) = tidings.analyze("Augustus ruled in the first century.").dates
    assert t.value == "00"
    assert t.interval_start.year == 1 and t.interval_end.year == 100


def test_tables_and_the_cli_take_far_dates(tmp_path):
    pytest.importorskip("pandas")
    docs = tidings.analyze_many(FAR, dates="9999-12-31")
    frames = tidings.frames(docs)
    assert len(frames["documents"]) == len(FAR)
    tidings.table(docs, "dates").to_pandas()
    src = tmp_path / "far.txt"
    src.write_text(" ".join(FAR), encoding="utf-8")
    out = tmp_path / "far.csv"
    run = subprocess.run([sys.executable, "-m", "tidings", str(src), "-o", str(out), "--date", "9999-12-31"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.exists()
    report = subprocess.run([sys.executable, "-m", "tidings", str(src)], capture_output=True, text=True)
    assert report.returncode == 0, report.stderr

"""The news development set loads, fits its texts, and is as large as issue 11 asks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from newsdev import load as newsdev  # noqa: E402

pytestmark = pytest.mark.skipif(not newsdev.available(), reason="../shared/data/polnear is not here")

TIMEX3 = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|(?:\d{1,4}|X{2,4})(?:-(?:\d\d|XX|W\d\d|WXX|Q\d|QX|H\d|SP|SU|FA|WI))?(?:-(?:\d\d|XX|WE|WD|\d))?"
    r"(?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT))?"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|L|Q|H))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
    r"|XXXX-XX-XXT(?:\d\d(?::\d\d)?|MO|AF|EV|NI)"
    r"|(?:\d{4}|XXXX)-WXX-(?:WE|WD|\d))$"
)


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return newsdev.load(None)


def test_every_article_is_annotated_and_fits_its_text(docs):
    assert len(docs) == len(newsdev.articles())  # load() checked every sha256 and span surface
    parts = {p: [d for d in docs if d["part"] == p] for p in newsdev.PARTS}
    assert len(parts["check"]) >= 8 and len(parts["tune"]) >= 22


def test_the_set_is_as_large_as_asked(docs):
    assert len(docs) >= 30
    assert sum(len(d["text"].split()) for d in docs) >= 20_000
    assert sum(len(d["entities"]) for d in docs) >= 1_500
    assert sum(len(d["timex"]) for d in docs) >= 300
    assert sum(d["kind"] == "retrospective" for d in docs) >= 5


def test_labels_types_and_values_are_well_formed(docs):
    for d in docs:
        prev_end = -1
        for s, e, label in d["entities"]:
            assert label in {"PER", "ORG", "LOC", "MISC"}
            assert s >= prev_end, f"{d['id']}: entities overlap at {s}"
            prev_end = e
        for t in d["timex"]:
            assert t["type"] in {"DATE", "TIME", "DURATION", "SET"}
            assert TIMEX3.match(t["value"]), f"{d['id']}: {t['value']!r} is not a TIMEX3 value"


def test_a_changed_text_is_refused(docs, monkeypatch):
    real = newsdev._texts

    def edited(shared, wanted):
        out = real(shared, wanted)
        for rec in out.values():
            rec["text"] = rec["text"].replace("e", "E", 1)
        return out

    monkeypatch.setattr(newsdev, "_texts", edited)
    with pytest.raises(newsdev.NewsDevError, match="sha256"):
        newsdev.load("check")

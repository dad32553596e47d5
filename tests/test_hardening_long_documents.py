"""Long documents (issue 9, failure 4): a size limit that fails fast with DocumentTooLargeError, and
documents over a megabyte analysed in pieces whose results join into one consistent document."""

import os
import subprocess
import sys

import pytest
import tidings
from tidings.exceptions import DocumentTooLargeError, InvalidInputError

CHILD = r"""
import resource, sys
import tidings
from tidings.exceptions import DocumentTooLargeError
text = "x" * 100_000_001  # one more than the default limit
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    tidings.analyze(text)
    print("analysed")
except DocumentTooLargeError as e:
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print("too large", grown // 1024, e)
"""


def test_the_default_limit_raises_before_copying_the_text():
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_MAX_CHARS"}
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True,
                         timeout=120).stdout
    assert out.startswith("too large"), out
    grown_mb = int(out.split()[2])
    assert grown_mb < 50, f"peak memory grew {grown_mb} MB while refusing the text"
    assert "100000001 characters" in out and "100000000" in out and "max_chars" in out


def test_max_chars_argument_and_env_var(monkeypatch):
    with pytest.raises(DocumentTooLargeError, match=r"\[E004\].*11 characters.*limit of 10"):
        tidings.analyze("Hello world", max_chars=10)
    assert tidings.analyze("Hello world", max_chars=11).error is None
    monkeypatch.setenv("TIDINGS_MAX_CHARS", "5")
    with pytest.raises(DocumentTooLargeError):
        tidings.analyze("Hello world")
    # characters, not bytes: five characters of two bytes each fit
    assert tidings.analyze("ééééé").error is None
    assert tidings.analyze("Hello world", max_chars=100).error is None  # the argument wins
    monkeypatch.setenv("TIDINGS_MAX_CHARS", "lots")
    with pytest.raises(InvalidInputError, match="TIDINGS_MAX_CHARS"):
        tidings.analyze("Hello")


def test_a_too_large_document_in_a_batch_is_recorded_or_raised():
    docs = tidings.analyze_many(["Short.", "Far too long for the limit."], max_chars=10)
    assert docs[0].error is None and docs[0].text == "Short."
    assert "[E004]" in docs[1].error and "document 1" in docs[1].error
    with pytest.raises(DocumentTooLargeError):
        tidings.analyze_many(["Short.", "Far too long for the limit."], max_chars=10, errors="raise")
    # a DocumentTooLargeError is an InvalidInputError and a ValueError
    with pytest.raises(ValueError):
        tidings.analyze("Far too long for the limit.", max_chars=10)


@pytest.fixture(scope="module")
def long_doc(seed_texts):
    unit = "\n\n".join(s.strip() for s in seed_texts) + "\n\n"
    text = unit * (2_600_000 // len(unit.encode()) + 1)  # three pieces of at most 1 MB
    return unit, text, tidings.analyze(text, date="2017-11-14")


def _check_spans(text, rows, name):
    last = -1
    for r in rows:
        assert text[r.start:r.end] == r.text, f"{name} {r.start}:{r.end}"
        assert r.start >= last or name == "entity", f"{name}s out of order at {r.start}"
        last = r.start


def test_a_long_document_joins_its_pieces_with_whole_text_offsets(long_doc):
    unit, text, doc = long_doc
    assert doc.error is None and doc.text == text
    sentences, entities = doc.sentences, doc.entities
    for name, rows in [("sentence", sentences), ("entity", entities), ("date", doc.dates),
                       ("quote", doc.quotes)]:
        assert rows, name
        _check_spans(text, rows, name)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    assert sentences[-1].end > len(text) - len(unit)  # the last piece is there
    for q in doc.quotes:
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_a_long_document_has_about_the_findings_of_its_parts(long_doc, seed_texts):
    unit, text, doc = long_doc
    one = tidings.analyze(unit, date="2017-11-14")
    reps = text.count(unit)
    for layer in ("sentences", "entities", "dates", "quotes"):
        got, per_unit = len(getattr(doc, layer)), len(getattr(one, layer))
        assert abs(got - reps * per_unit) <= 0.05 * reps * per_unit + 5, (layer, got, reps * per_unit)


def test_groups_stay_unique_across_pieces(long_doc):
    unit, text, doc = long_doc
    canonical = {}
    for e in doc.entities:
        assert canonical.setdefault(e.group, e.canonical) == e.canonical
    # the same name in two pieces is two groups (pieces are separate analyses), never one
    # group id reused for two names
    first_piece_end = doc.entities[0].start + 1_000_000
    groups_before = {e.group for e in doc.entities if e.end <= first_piece_end}
    groups_after = {e.group for e in doc.entities if e.start >= first_piece_end + 1_000_000}
    assert groups_before and groups_after and not groups_before & groups_after
    quote_starts = {}
    for q in doc.quotes:
        quote_starts.setdefault(q.group, []).append(q.start)
    assert all(max(s) - min(s) < 1_000_000 for s in quote_starts.values())


def test_a_long_document_is_the_same_alone_and_in_a_batch(long_doc):
    unit, text, doc = long_doc
    [again] = tidings.analyze_many([text], dates=["2017-11-14"])
    assert again.to_json() == doc.to_json()


def test_the_date_read_from_the_top_anchors_the_later_pieces():
    filler = "The committee met again and nothing was decided.\n" * 50_000  # 2.5 MB, no dates
    text = "Posted November 13, 2017\n\n" + filler + "He left yesterday.\n"
    doc = tidings.analyze(text)
    assert doc.date_source == "inferred" and str(doc.date) == "2017-11-13"
    [late] = [d for d in doc.dates if d.text == "yesterday"]
    assert late.start > 2_000_000 and late.value == "2017-11-12"

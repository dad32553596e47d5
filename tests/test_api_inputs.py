"""Bad input gets a clear exception; the empty string gives an empty Document."""

import datetime

import pytest
import tidings
from tidings.exceptions import InvalidInputError, TidingsError


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_analyze_rejects_non_str_text(bad):
    with pytest.raises(TypeError, match=r"\[E001\] text must be str"):
        tidings.analyze(bad)


def test_bytes_error_says_how_to_fix():
    with pytest.raises(TypeError, match="decode"):
        tidings.analyze(b"abc")


@pytest.mark.parametrize("bad", ["yesterday", "2016-13-01", "20160920", "2016-02-30", ""])
def test_bad_date_string_raises_invalid_input(bad):
    with pytest.raises(InvalidInputError, match=r"\[E001\].*ISO date"):
        tidings.analyze("text", date=bad)
    # our errors are also the standard Python ones
    with pytest.raises(ValueError):
        tidings.analyze("text", date=bad)
    with pytest.raises(TidingsError):
        tidings.analyze("text", date=bad)


def test_wrong_date_type_raises_type_error():
    with pytest.raises(TypeError, match="date must be"):
        tidings.analyze("text", date=20160920)


@pytest.mark.parametrize(
    "given, expected",
    [
        ("2016-09-20", datetime.date(2016, 9, 20)),
        ("2016-09-20T23:59:00", datetime.date(2016, 9, 20)),
        (datetime.date(2017, 11, 13), datetime.date(2017, 11, 13)),
        (datetime.datetime(2017, 11, 13, 8, 30), datetime.date(2017, 11, 13)),
        (None, None),
    ],
)
def test_date_accepts_iso_strings_dates_and_datetimes(given, expected):
    doc = tidings.analyze("Nothing happened.", date=given)
    assert doc.date == expected
    assert doc.date_source == (None if expected is None else "given")


def test_empty_string_gives_empty_document():
    doc = tidings.analyze("")
    assert doc.text == ""
    assert doc.sentences == [] and doc.entities == [] and doc.dates == [] and doc.quotes == []
    assert doc.error is None
    assert len(doc) == 0


def test_lone_surrogates_are_invalid_input():
    with pytest.raises(InvalidInputError, match="surrogate"):
        tidings.analyze("bad \ud800 text")


def test_analyze_many_rejects_a_single_string():
    with pytest.raises(TypeError, match="not a single str"):
        tidings.analyze_many("one text")


def test_analyze_many_rejects_non_iterables_and_bad_options():
    with pytest.raises(TypeError):
        tidings.analyze_many(42)
    with pytest.raises(InvalidInputError, match="n_threads"):
        tidings.analyze_many(["a"], n_threads=0)
    with pytest.raises(TypeError, match="n_threads"):
        tidings.analyze_many(["a"], n_threads="2")
    with pytest.raises(InvalidInputError, match="errors"):
        tidings.analyze_many(["a"], errors="ignore")
    with pytest.raises(InvalidInputError, match="2 texts but 1 dates"):
        tidings.analyze_many(["a", "b"], dates=["2016-01-01"])


def test_a_bad_document_in_a_batch_is_recorded_and_no_document_is_lost():
    texts = ["First one.", None, "Third one.", b"fourth", "Fifth."]
    docs = tidings.analyze_many(texts)
    assert len(docs) == 5
    assert [d.error is None for d in docs] == [True, False, True, False, True]
    assert "document 1" in docs[1].error and "NoneType" in docs[1].error
    assert "decode" in docs[3].error
    assert docs[2].text == "Third one." and docs[2].sentences[0].text == "Third one."


def test_a_bad_date_in_a_batch_is_recorded_on_its_document():
    docs = tidings.analyze_many(["A.", "B.", "C."], dates=["2016-01-01", "not a date", None])
    assert docs[0].error is None and docs[0].date == datetime.date(2016, 1, 1)
    assert docs[1].error and "ISO date" in docs[1].error and docs[1].text == "B."
    assert docs[2].error is None and docs[2].date is None


def test_errors_raise_stops_at_the_first_bad_document():
    with pytest.raises(TypeError):
        tidings.analyze_many(["ok", 3], errors="raise")
    with pytest.raises(InvalidInputError):
        tidings.analyze_many(["ok"], dates=["13/13/2013"], errors="raise")


def test_one_date_applies_to_every_text():
    docs = tidings.analyze_many(["A.", "B."], dates="2016-11-08")
    assert [d.date for d in docs] == [datetime.date(2016, 11, 8)] * 2


def test_analyze_many_accepts_any_iterable():
    docs = tidings.analyze_many(t for t in ["One.", "Two."])
    assert [d.text for d in docs] == ["One.", "Two."]
    assert tidings.analyze_many([]) == []


def test_bad_thread_env_var_is_reported(monkeypatch):
    monkeypatch.setenv("TIDINGS_NUM_THREADS", "many")
    with pytest.raises(InvalidInputError, match="TIDINGS_NUM_THREADS"):
        tidings.analyze_many(["a", "b"])
    monkeypatch.setenv("TIDINGS_NUM_THREADS", "1")
    assert tidings.default_threads() == 1

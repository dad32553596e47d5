"""tidings.analyze_stream: a lazy generator over any iterable, in input order, in bounded memory."""

import datetime
import itertools

import pytest
import tidings
from tidings.exceptions import InvalidInputError

TEXTS = [
    "Angela Merkel met Emmanuel Macron in Paris on Monday.",
    "“We will win,” said the coach on Friday.",
    "No names here at all.",
    "The Bank of England raised rates last week.",
    "",
    "Barack Obama spoke in Chicago yesterday. He said he was proud.",
]


def test_same_documents_as_analyze_many_in_input_order():
    expected = tidings.analyze_many(TEXTS, "2016-11-09")
    got = list(tidings.analyze_stream(iter(TEXTS), dates="2016-11-09", batch_size=4, progress=False))
    assert got == expected
    assert [d.text for d in got] == TEXTS


@pytest.mark.parametrize("batch_size", [1, 2, 5, 1000])
def test_batch_size_does_not_change_results(batch_size):
    texts = TEXTS * 3
    got = list(tidings.analyze_stream(texts, batch_size=batch_size, progress=False))
    assert got == tidings.analyze_many(texts)


def test_an_infinite_generator_with_islice():
    def forever():
        for n in itertools.count():
            yield f"Report {n}: Angela Merkel visited Berlin on {1 + n % 28} May 2016."

    stream = tidings.analyze_stream(forever(), batch_size=8, progress=False)
    docs = list(itertools.islice(stream, 20))
    assert [d.text.split(":")[0] for d in docs] == [f"Report {n}" for n in range(20)]
    assert all(any(e.text == "Angela Merkel" for e in d.entities) for d in docs)
    stream.close()


def test_input_is_consumed_one_batch_at_a_time():
    consumed = []

    def corpus(n):
        for i in range(n):
            consumed.append(i)
            yield f"Sentence number {i} about London."

    stream = tidings.analyze_stream(corpus(10_000), batch_size=50, progress=False)
    assert consumed == []  # nothing is read before the first document is asked for
    first = next(stream)
    assert first.text == "Sentence number 0 about London."
    assert len(consumed) == 50  # one batch, not the corpus
    rest = list(itertools.islice(stream, 60))
    assert len(consumed) == 100 and rest[-1].text == "Sentence number 60 about London."


def test_long_texts_end_a_batch_early(monkeypatch):
    monkeypatch.setattr(tidings.stream, "MAX_BATCH_CHARS", 1000)
    calls = []
    real = tidings.stream.analyze_many

    def spy(texts, *a, **kw):
        calls.append(len(texts))
        return real(texts, *a, **kw)

    monkeypatch.setattr(tidings.stream, "analyze_many", spy)
    texts = ["x " * 200] * 10  # 400 characters each
    list(tidings.analyze_stream(texts, batch_size=100, progress=False))
    assert calls[0] == 0  # the argument check
    assert calls[1:] == [2, 2, 2, 2, 2]


def test_pairs_and_dicts_carry_their_own_date_and_id():
    items = [
        ("He left yesterday.", "2016-09-20"),
        {"text": "She arrives tomorrow.", "date": datetime.date(2017, 1, 1), "id": "b"},
        {"text": "Gold files use dct: today.", "dct": "2015-01-02", "id": 7},
        "Plain text, the shared date applies today.",
    ]
    out = list(tidings.analyze_stream(items, dates="2000-06-15", with_ids=True, progress=False))
    assert [i for i, _ in out] == ["0", "b", "7", "3"]
    assert [d.date for _, d in out] == [datetime.date(2016, 9, 20), datetime.date(2017, 1, 1),
                                        datetime.date(2015, 1, 2), datetime.date(2000, 6, 15)]
    assert out[0][1].dates[0].value == "2016-09-19"


def test_dates_as_an_iterable_one_per_text():
    dates = (d for d in ["2016-01-01", None, "2016-01-03"])
    docs = list(tidings.analyze_stream(TEXTS[:3], dates=dates, batch_size=2, progress=False))
    assert [d.date for d in docs] == [datetime.date(2016, 1, 1), None, datetime.date(2016, 1, 3)]


@pytest.mark.parametrize("n_dates", [2, 4])
def test_dates_of_another_length_raise(n_dates):
    with pytest.raises(InvalidInputError, match="dates"):
        list(tidings.analyze_stream(TEXTS[:3], dates=["2016-01-01"] * n_dates, progress=False))


def test_bad_items_are_recorded_not_raised():
    docs = list(tidings.analyze_stream(["Fine.", 42, {"no": "text"}, ("Dated.", "not a date"), "Also fine."],
                                       batch_size=2, progress=False))
    assert len(docs) == 5
    assert [d.error is None for d in docs] == [True, False, False, False, True]
    assert "str" in docs[1].error and "ISO date" in docs[3].error


def test_argument_errors_are_raised_at_the_call():
    with pytest.raises(TypeError, match="single str"):
        tidings.analyze_stream("one text", progress=False)
    with pytest.raises(TypeError, match="iterable"):
        tidings.analyze_stream(42, progress=False)
    with pytest.raises(InvalidInputError, match="batch_size"):
        tidings.analyze_stream(TEXTS, batch_size=0, progress=False)
    with pytest.raises(TypeError, match="batch_size"):
        tidings.analyze_stream(TEXTS, batch_size=2.5, progress=False)
    with pytest.raises(InvalidInputError, match="n_threads"):
        tidings.analyze_stream(TEXTS, n_threads=0, progress=False)
    with pytest.raises(TypeError, match="dates"):
        tidings.analyze_stream(TEXTS, dates=3.5, progress=False)


def test_threads_do_not_change_results():
    texts = TEXTS * 4
    one = list(tidings.analyze_stream(texts, batch_size=5, n_threads=1, progress=False))
    two = list(tidings.analyze_stream(texts, batch_size=5, n_threads=2, progress=False))
    assert one == two == tidings.analyze_many(texts)


def test_model_path_is_loaded_once(tmp_path, monkeypatch):
    path = tmp_path / "m.bin"
    tidings.builtin_model().save(path)
    loads = []
    real = tidings.stream.load_model
    monkeypatch.setattr(tidings.stream, "load_model", lambda p: loads.append(p) or real(p))
    docs = list(tidings.analyze_stream(TEXTS, batch_size=2, model=str(path), progress=False))
    assert loads == [str(path)]
    assert docs == tidings.analyze_many(TEXTS)

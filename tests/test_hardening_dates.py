"""Date inputs as pandas and numpy hand them over: missing values are missing, wrong ones say which
argument is wrong (issue 9, failure 7)."""

import datetime
import math

import pytest
import tidings
from tidings.exceptions import InvalidInputError

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

TEXT = "He arrived yesterday."


@pytest.mark.parametrize("missing", [pd.NaT, float("nan"), math.nan, np.datetime64("NaT"), None],
                         ids=["pd.NaT", "nan", "math.nan", "np.NaT", "None"])
def test_missing_dates_are_no_date(missing):
    doc = tidings.analyze(TEXT, date=missing)
    assert doc.date is None and doc.date_source is None
    assert doc.dates[0].value != "0000-12-31"  # NaT was read as 0001-01-01 before
    docs = tidings.analyze_many([TEXT, TEXT], dates=[missing, "2016-09-20"])
    assert docs[0].date is None and docs[0].error is None
    assert docs[1].dates[0].value == "2016-09-19"


@pytest.mark.parametrize("given", [pd.Timestamp("2016-09-20 23:30"), np.datetime64("2016-09-20"),
                                   np.datetime64("2016-09-20T23:30:00.000000000")],
                         ids=["Timestamp", "datetime64[D]", "datetime64[ns]"])
def test_pandas_and_numpy_dates_are_accepted(given):
    doc = tidings.analyze(TEXT, date=given)
    assert doc.date == datetime.date(2016, 9, 20)
    assert doc.dates[0].value == "2016-09-19"


def test_a_pandas_series_of_dates_with_nat():
    dates = pd.Series([pd.Timestamp("2016-09-20"), pd.NaT])
    docs = tidings.analyze_many([TEXT, TEXT], dates=dates)
    assert [d.date for d in docs] == [datetime.date(2016, 9, 20), None]
    assert all(d.error is None for d in docs)


def test_a_date_with_lone_surrogates_is_invalid_input():
    with pytest.raises(InvalidInputError, match="date"):
        tidings.analyze(TEXT, date="\ud800")
    docs = tidings.analyze_many([TEXT], dates=["\ud800"])
    assert "date" in docs[0].error


@pytest.mark.parametrize("bad", [b"2016-01-01", bytearray(b"2016-01-01"), 20160101, 3.5])
def test_dates_that_are_not_dates_are_a_type_error_naming_dates(bad):
    texts = [TEXT] * len(b"2016-01-01")  # bytes used to be read as 10 dates
    with pytest.raises(TypeError, match="dates must be"):
        tidings.analyze_many(texts, dates=bad)


def test_when_text_and_date_are_both_bad_the_error_names_both():
    docs = tidings.analyze_many([42, TEXT], dates=["not a date", None])
    err = docs[0].error
    assert "text must be str" in err and "not a date" in err, err
    assert docs[1].error is None


def test_type_errors_name_the_argument():
    with pytest.raises(TypeError, match="date must be"):
        tidings.analyze(TEXT, date=[2016])
    with pytest.raises(TypeError, match="text must be"):
        tidings.analyze_many([TEXT, 5], errors="raise")
    with pytest.raises(TypeError, match="n_threads"):
        tidings.analyze_many([TEXT], n_threads=2.0)
    with pytest.raises(TypeError, match="max_chars"):
        tidings.analyze(TEXT, max_chars="10")
    with pytest.raises(TypeError, match="errors"):
        tidings.analyze_many([TEXT], errors=1)

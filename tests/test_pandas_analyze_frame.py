"""analyze_frame: a DataFrame in, layers out that join back to the input rows, whatever the date type."""

import datetime

import numpy as np
import pandas as pd
import pytest
import tidings
from tidings.exceptions import InvalidInputError

TEXT = "“We will win,” John Smith said yesterday in Paris. Mary Jones of Acme Corp. met him on Friday."
DAY = datetime.date(2017, 11, 13)


def rows(frame, label):
    return frame.loc[[label]] if label in frame.index else frame.iloc[0:0]


@pytest.fixture(scope="module")
def mixed():
    """One row per kind of date value, under an index that is not 0..n-1."""
    dates = [pd.NaT, np.nan, None, "2017-11-13", DAY, np.datetime64("2017-11-13"),
             pd.Timestamp("2017-11-13 23:30"), datetime.datetime(2017, 11, 13, 8, 0), np.datetime64("NaT"), ""]
    expected = [None, None, None, DAY, DAY, DAY, DAY, DAY, None, None]
    df = pd.DataFrame({"text": [f"{TEXT} Row {i}." for i in range(len(dates))],
                       "date": np.array(dates, dtype=object)},
                      index=pd.Index([f"r{i}" for i in range(len(dates))], name="row"))
    return df, expected


def test_every_kind_of_date_gives_the_layers_of_analyze_with_that_date(mixed):
    df, expected = mixed
    res = tidings.analyze_frame(df, text="text", date="date")
    assert list(res) == ["documents", "sentences", "entities", "dates", "quotes", "sections"]
    for label, text, want in zip(df.index, df["text"], expected, strict=True):
        ref = tidings.analyze(text, date=want)
        assert ref.error is None
        d = res.documents.loc[label]
        assert (None if pd.isna(d["date"]) else d["date"].date()) == want
        assert pd.isna(d["error"])
        got = rows(res.dates, label)
        assert list(got["value"]) == [t.value for t in ref.dates]
        assert list(got["text"]) == [t.text for t in ref.dates]
        ents = rows(res.entities, label)
        assert [(e.start, e.end, e.label) for e in ref.entities] == list(
            zip(ents["start"], ents["end"], ents["label"].astype(str), strict=True))
        quotes = rows(res.quotes, label)
        assert [q.speaker for q in ref.quotes] == list(quotes["speaker"])


def test_a_missing_date_is_never_year_zero(mixed):
    df, expected = mixed
    res = tidings.analyze_frame(df, date="date")
    missing = [lbl for lbl, want in zip(df.index, expected, strict=True) if want is None]
    values = res.dates.loc[missing, "value"]
    assert not values.str.startswith("0000").any() and not values.str.startswith("0001").any()
    assert res.documents.loc[missing, "date"].isna().all()
    yesterday = res.dates[res.dates["text"] == "yesterday"]
    assert set(yesterday.loc[[lbl for lbl, w in zip(df.index, expected, strict=True) if w]]["value"]) == {
        "2017-11-12"}


def test_entities_join_back_to_their_rows_by_index(mixed):
    df, _ = mixed
    res = tidings.analyze_frame(df, date="date")
    assert res.entities.index.name == "row"
    joined = df.merge(res.entities, left_index=True, right_index=True, suffixes=("", "_entity"))
    assert len(joined) == len(res.entities) > 0
    for r in joined.itertuples():
        assert r.text[r.start:r.end] == r.text_entity
    assert set(res.documents.index) == set(df.index)
    assert list(res.documents.index) == list(df.index)


def test_a_datetime64_column_with_nat_and_a_default_date():
    df = pd.DataFrame({"body": ["It rained yesterday.", "It snowed yesterday."],
                       "when": pd.to_datetime(["2020-03-02", None])}, index=[7, 3])
    res = tidings.analyze_frame(df, text="body", date="when")
    assert res.dates.loc[7, "value"] == "2020-03-01"
    assert res.dates.loc[3, "value"] != "2020-03-01" and not res.dates.loc[3, "value"].startswith("0")
    assert pd.isna(res.documents.loc[3, "date"])
    filled = tidings.analyze_frame(df, text="body", date="when", default_date="2021-01-10")
    assert list(filled.dates["value"]) == ["2020-03-01", "2021-01-09"]


def test_time_zones_keep_their_own_calendar_day():
    df = pd.DataFrame({"text": ["It rained yesterday."],
                       "date": [pd.Timestamp("2020-03-02 23:30", tz="America/New_York")]})
    res = tidings.analyze_frame(df, date="date")
    assert res.dates["value"].tolist() == ["2020-03-01"]


def test_an_id_column_merges_back_and_bad_rows_are_recorded_not_raised():
    df = pd.DataFrame({"url": [101, 102, 103], "text": ["Paris is big. It rained yesterday.", None, "Rome."],
                       "date": ["2019-05-05", "2019-05-05", "not a date"]})
    res = tidings.analyze_frame(df, date="date", id="url")
    docs = res.documents
    assert list(docs["url"]) == [101, 102, 103] and list(docs["id"]) == ["101", "102", "103"]
    assert pd.isna(docs["error"].iloc[0])
    assert docs["error"].iloc[1].startswith("[E001]") and docs["error"].iloc[2].startswith("[E001]")
    merged = df.merge(res.entities, on="url", suffixes=("", "_entity"))
    assert set(merged["text_entity"]) >= {"Paris"}
    assert (merged["url"] == 101).sum() == (res.entities["url"] == 101).sum()


def test_accessor_series_and_pipe_give_the_same_layers():
    df = pd.DataFrame({"text": ["Angela Merkel met Emmanuel Macron in Berlin on Monday."], "date": ["2018-04-20"]})
    a = tidings.analyze_frame(df, date="date")
    b = df.tidings.analyze(date="date")
    c = df.pipe(tidings.analyze_frame, date="date")
    d = tidings.analyze_frame(df["text"])
    for layer in ("entities", "dates", "quotes"):
        pd.testing.assert_frame_equal(a[layer], b[layer])
        pd.testing.assert_frame_equal(a[layer], c[layer])
    # the same entities; only the document date the rows carry differs (d has none)
    pd.testing.assert_frame_equal(a.entities.drop(columns="date"), d.entities.drop(columns="date"))
    assert d.entities["date"].isna().all() and (a.entities["date"] == pd.Timestamp("2018-04-20")).all()


def test_unknown_columns_and_wrong_types_are_clear_errors():
    df = pd.DataFrame({"text": ["x"]})
    with pytest.raises(InvalidInputError, match="column 'body'"):
        tidings.analyze_frame(df, text="body")
    with pytest.raises(InvalidInputError, match="date column 'when'"):
        tidings.analyze_frame(df, date="when")
    with pytest.raises(TypeError, match="DataFrame"):
        tidings.analyze_frame(["x"])
    with pytest.raises(InvalidInputError, match="1 rows but 2 dates"):
        tidings.analyze_frame(df, date=["2020-01-01", None])


def test_a_date_series_aligns_on_the_index():
    df = pd.DataFrame({"text": ["It rained yesterday.", "It snowed yesterday."]}, index=[5, 9])
    dates = pd.Series([pd.Timestamp("2020-03-02"), pd.Timestamp("2021-06-10")], index=[9, 5])
    res = tidings.analyze_frame(df, date=dates)
    assert res.dates.loc[5, "value"] == "2021-06-09" and res.dates.loc[9, "value"] == "2020-03-01"


def test_an_empty_frame_gives_empty_layers_with_their_columns():
    res = tidings.analyze_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert len(res.documents) == 0 and "label" in res.entities.columns


def test_an_id_column_named_id_keeps_its_values():
    df = pd.DataFrame({"id": [7, 8], "text": ["Paris is nice.", "Rome is too."]})
    res = tidings.analyze_frame(df, id="id")
    merged = df.merge(res.entities, on="id", suffixes=("", "_entity"))
    assert list(zip(merged["id"], merged["text_entity"], strict=True)) == [
        (7, e.text) for e in tidings.analyze("Paris is nice.").entities] + [
        (8, e.text) for e in tidings.analyze("Rome is too.").entities]

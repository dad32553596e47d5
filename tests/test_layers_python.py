"""The date and quote layers as Python users see them: values, intervals, kinds, speakers, tables."""

import datetime

import pandas as pd
import tidings

STORY = (
    "Just before midnight on September 20, 2016, the group wrote to the campaign. "
    "The next morning, about 12 hours later, Jane Roe replied. “Thanks,” she wrote. "
    "“We will look into it.”\n\n"
    "On October 12 the group wrote again. Roe called the request a “nut job” idea."
)


def test_dates_have_values_types_mods_and_intervals():
    doc = tidings.analyze(STORY, date="2017-11-13")
    by_text = {t.text: t for t in doc.dates}
    assert by_text["September 20, 2016"].value == "2016-09-20"
    assert by_text["September 20, 2016"].type == "DATE"
    assert by_text["September 20, 2016"].interval_start == datetime.datetime(2016, 9, 20)
    assert by_text["September 20, 2016"].interval_end == datetime.datetime(2016, 9, 21)
    morning = by_text["The next morning"]
    assert (morning.type, morning.value) == ("TIME", "2016-09-21TMO")
    hours = by_text["12 hours"]
    assert (hours.type, hours.value, hours.mod) == ("DURATION", "PT12H", "APPROX")
    assert hours.interval_start is None
    # narrative year: a 2017 article recounting 2016 events
    assert by_text["October 12"].value == "2016-10-12"


def test_without_a_document_date_relative_dates_stay_partial():
    doc = tidings.analyze("On October 12 the group wrote again. Nobody replied.")
    assert doc.date is None
    assert [t.value for t in doc.dates] == ["XXXX-10-12"]


def test_document_date_can_be_inferred_from_the_text():
    doc = tidings.analyze("The article was posted November 13, 2017:\n\nLast year the group wrote.")
    assert doc.date == datetime.date(2017, 11, 13) and doc.date_source == "inferred"
    assert "2016" in [t.value for t in doc.dates]


def test_dates_frame_has_parsed_intervals():
    docs = tidings.analyze_many([STORY, "No dates here at all."], dates="2017-11-13")
    df = tidings.frames(docs)["dates"]
    assert set(df["doc"]) == {0}
    assert str(df["interval_start"].dtype).startswith("datetime64")
    row = df[df["text"] == "September 20, 2016"].iloc[0]
    assert row["interval_start"] == pd.Timestamp("2016-09-20") and row["value"] == "2016-09-20"


def test_quotes_have_kinds_speakers_and_groups():
    doc = tidings.analyze(STORY, date="2017-11-13")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["Thanks,", "We will look into it."]
    assert direct[0].speaker_text == "she" and direct[0].cue == "wrote"
    assert direct[1].group == direct[0].group  # the second quote continues the first
    assert direct[1].speaker == direct[0].speaker
    partial = [q for q in doc.quotes if q.kind == "partial"]
    assert [q.text for q in partial] == ["nut job"]
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert doc.text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_scare_quotes_are_not_quotes():
    doc = tidings.analyze("The so-called “dossier” was published by the site on Monday.")
    assert doc.quotes == []


def test_quote_table_counts_quotes_by_speaker():
    texts = ["“We won,” Jane Roe said.", "“We lost,” John Doe said. “It hurts,” Doe added.",
             "“Again,” Jane Roe said."]
    docs = tidings.analyze_many(texts, dates=["2016-11-01", "2016-11-02", "2016-11-09"])
    q = tidings.quote_table(docs)
    row = q[q["speaker"] == "Jane Roe"].iloc[0]
    assert (row["quotes"], row["documents"]) == (2, 2)
    assert row["first_date"] == pd.Timestamp("2016-11-01") and row["last_date"] == pd.Timestamp("2016-11-09")

"""The corpus views date a quote by when it was said, not by its document's date.

Texts written for these tests: a quote "said Thursday" in an article of Monday 2016-11-14 (so said on
Thursday 2016-11-10), and a compilation of three dated reports filed in a document dated 2016-11-20,
whose quotes were said on the day of their report (or the day before it).
"""

import datetime
import subprocess
import sys

import pandas as pd
import pytest
import tidings
from conftest import ROOT
from tidings.__main__ import parse_date
from tidings.corpus import said_dates

ARTICLE = "“We will appeal,” Jane Roe said Thursday. The ruling came on Monday in Boston."
DIGEST = ("EVENING DIGEST\n\nMarch 1, 2016\n\n“We will look into it,” Jane Roe said today. [Reuters]\n\n"
          "March 8, 2016\n\n“I resign,” the governor said yesterday. [AP]\n\n"
          "April 2, 2016\n\nThe mayor opened a bridge today. [AP]")
DAY = pd.Timestamp


@pytest.fixture(scope="module")
def corpus():
    return tidings.Corpus(tidings.analyze_many([ARTICLE, DIGEST], dates=["2016-11-14", "2016-11-20"]),
                          ids=["article", "digest"])


def test_said_thursday_is_the_thursday_before_the_article(corpus):
    (q,) = corpus.docs[0].quotes
    assert (q.date, q.date_source) == (datetime.date(2016, 11, 10), "said")
    row = corpus.said().set_index("text").loc["We will appeal,"]
    assert row["date"] == DAY("2016-11-14")  # the document's date stays beside it
    assert (row["quote_date"], row["quote_date_source"]) == (DAY("2016-11-10"), "said")


def test_said_orders_quotes_by_when_they_were_said(corpus):
    s = corpus.said()
    assert s["text"].tolist() == ["We will look into it,", "I resign,", "We will appeal,"]
    assert s["quote_date"].tolist() == [DAY("2016-03-01"), DAY("2016-03-07"), DAY("2016-11-10")]
    # by document date the article (2016-11-14) would come before the digest (2016-11-20); each quote keeps
    # its document date beside when it was said
    assert s["date"].tolist() == [DAY("2016-11-20"), DAY("2016-11-20"), DAY("2016-11-14")]
    assert list(s.columns[:6]) == ["id", "date", "quote_date", "quote_date_start", "quote_date_end",
                                   "quote_date_source"]


def test_quote_table_gives_first_and_last_day_said_with_their_sources(corpus):
    t = tidings.quote_table(corpus.docs, ids=["article", "digest"])
    assert list(t.columns) == ["speaker", "quotes", "documents", "first_date", "last_date", "first_date_source",
                               "last_date_source"]
    roe = t.set_index("speaker").loc["Jane Roe"]
    assert (roe["quotes"], roe["documents"]) == (2, 2)
    # said on 2016-03-01 (the first report's "today") and 2016-11-10 ("Thursday"), though both documents
    # are dated November
    assert (roe["first_date"], roe["last_date"]) == (DAY("2016-03-01"), DAY("2016-11-10"))
    assert (roe["first_date_source"], roe["last_date_source"]) == ("said", "said")
    pd.testing.assert_frame_equal(corpus.quotes_by_speaker(), t)


def test_a_quote_without_a_date_of_its_own_falls_back_to_its_document_date(corpus):
    q = corpus.quotes.copy()
    lost = q["text"] == "I resign,"
    for col in ("quote_date", "quote_date_start", "quote_date_end"):
        q.loc[lost, col] = pd.NaT
    q.loc[lost, "quote_date_source"] = None
    when = said_dates(q)
    assert when.loc[lost.to_numpy()].iloc[0].tolist() == [DAY("2016-11-20")] * 3 + ["document"]
    kept = ~lost.to_numpy()
    pd.testing.assert_frame_equal(when[kept], corpus.quotes[kept][list(when.columns)])
    # and no date at all when the document has none either
    q.loc[lost, "date"] = pd.NaT
    assert said_dates(q)[lost.to_numpy()].isna().all(axis=None)


def test_the_timeline_places_quotes_on_the_days_they_were_said(corpus):
    tl = corpus.timeline()
    quotes = tl[tl["kind"] == "quote"].set_index("text")
    assert quotes.loc["I resign,", "interval_start"] == DAY("2016-03-07")
    assert quotes.loc["I resign,", "interval_end"] == DAY("2016-03-08")
    assert quotes.loc["I resign,", "value"] == "2016-03-07"
    assert quotes.loc["We will appeal,", "value"] == "2016-11-10"
    assert set(quotes["quote_date_source"]) == {"said"}
    assert tl.loc[tl["kind"] == "date", "quote_date_source"].isna().all()
    # the governor's quote sits between the two reports' datelines, not with the digest's document date
    order = tl["text"].tolist()
    assert order.index("March 1, 2016") < order.index("I resign,") < order.index("March 8, 2016")


def test_a_quote_known_only_to_a_span_of_days_spans_them_on_the_timeline():
    doc = tidings.analyze("“No comment,” Mayor John Smith said last week.", date="2016-04-02")
    (q,) = doc.quotes
    assert q.date is None and (q.date_start, q.date_end) == (datetime.date(2016, 3, 21), datetime.date(2016, 3, 27))
    tl = tidings.Corpus([doc]).timeline()
    row = tl[tl["kind"] == "quote"].iloc[0]
    assert (row["interval_start"], row["interval_end"]) == (DAY("2016-03-21"), DAY("2016-03-28"))
    assert row["value"] == "2016-03-21/2016-03-27"
    t = tidings.quote_table([doc])
    assert (t.loc[0, "first_date"], t.loc[0, "last_date"]) == (DAY("2016-03-21"), DAY("2016-03-27"))


def test_corpus_sections_is_the_sections_layer(corpus):
    s = corpus.sections
    assert s is corpus["sections"] and "sections" in dict(corpus)
    stated = s[s["section_date_source"] == "stated"]
    assert stated["section_date"].tolist() == [DAY("2016-03-01"), DAY("2016-03-08"), DAY("2016-04-02")]
    assert set(stated["id"]) == {"digest"}
    for r in stated.itertuples():
        assert DIGEST[r.start:r.end] == r.text
    assert tidings.Corpus.from_layers(dict(corpus)).sections is s
    with pytest.raises(ValueError, match="sections"):
        tidings.Corpus.from_layers({k: v for k, v in corpus.items() if k != "sections"})


def test_the_article_view_lists_the_sections_of_a_compilation(corpus):
    assert "sections" not in tidings.view.render_html(corpus.docs[0])
    digest = tidings.view.render_html(corpus.docs[1])
    dates = ", ".join(s.date.isoformat() for s in corpus.docs[1].sections)
    assert "2016-03-01, 2016-03-08, 2016-04-02" in dates and f"sections ({dates})" in digest


@pytest.mark.parametrize("s", ["2016-09-20", " 2016-09-20 ", "2016-09-20T12:00", "2016-09-20 08:00", "2016-02-29",
                               "bad", "", "2016-13-01", "2015-02-29", "2016-9-20", "20160920", "2016-W38-2",
                               "2016-09-20x", "2016/09/20", "１２３４-09-20", "2016-09-2０", "next week"])
def test_the_cli_date_parse_accepts_and_refuses_what_analyze_does(s):
    try:
        want = tidings.analyze("x", date=s).date
    except tidings.exceptions.InvalidInputError as e:
        with pytest.raises(tidings.exceptions.InvalidInputError) as got:
            parse_date(s)
        assert str(got.value) == str(e)
    else:
        assert parse_date(s) == want


def test_the_cli_reports_sections_and_refuses_a_bad_date(tmp_path):
    (tmp_path / "digest.txt").write_text(DIGEST, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "tidings", str(tmp_path), "--date", "2016-11-09", "-q"], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    per_layer = next(line for line in r.stdout.splitlines() if line.startswith("Per layer:"))
    assert per_layer.endswith(f"{len(tidings.analyze(DIGEST, date='2016-11-09').sections)} sections")
    assert "Jane Roe: “We will look into it,” (2016-03-01, said)" in r.stdout
    bad = subprocess.run([sys.executable, "-m", "tidings", str(tmp_path), "--date", "2016-02-30"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and 'date "2016-02-30" is not an ISO date' in bad.stderr
    assert "sections" in subprocess.run([sys.executable, "-m", "tidings", "--help"], cwd=ROOT, capture_output=True,
                                        text=True, timeout=300).stdout


def test_the_views_work_on_a_batch_from_a_dataframe_whose_index_repeats_per_row(corpus):
    df = pd.DataFrame({"text": [ARTICLE, DIGEST], "date": ["2016-11-14", "2016-11-20"]}, index=["a", "b"])
    result = tidings.analyze_frame(df, date="date")
    assert list(result.quotes.index) == ["a", "b", "b"]  # two quotes of row "b" share its label
    s = result.said()
    assert list(s.index) == ["b", "b", "a"]
    assert s["quote_date"].tolist() == corpus.said()["quote_date"].tolist()
    tl = result.timeline()
    assert tl.loc[tl["kind"] == "quote", "interval_start"].tolist() == [DAY("2016-03-01"), DAY("2016-03-07"),
                                                                        DAY("2016-11-10")]
    assert result.quotes_by_speaker().set_index("speaker").loc["Jane Roe", "first_date"] == DAY("2016-03-01")

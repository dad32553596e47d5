"""Corpus views: top entities, quotes by speaker, the timeline, co-occurrence and who talks about whom."""

import itertools
from collections import Counter

import pandas as pd
import pytest
import tidings


@pytest.fixture(scope="module")
def docs(seed_texts):
    return tidings.analyze_many(seed_texts, dates=["2017-11-13", None, "2017-11-14", "2018-07-13"])


@pytest.fixture(scope="module")
def corpus(docs, seed_ids):
    return tidings.Corpus(docs, ids=seed_ids)


def test_top_entities_count_mentions_by_canonical_name(docs, corpus):
    top = corpus.top_entities(None)
    want = Counter((e.canonical, e.label) for d in docs for e in d.entities)
    got = {(r.canonical, str(r.label)): r.mentions for r in top.itertuples()}
    assert got == dict(want)
    assert list(top["mentions"]) == sorted(top["mentions"], reverse=True)
    assert corpus.top_entities(5).equals(top.head(5))
    assert set(corpus.top_entities(None, label="PER")["label"].astype(str)) == {"PER"}
    pd.testing.assert_frame_equal(tidings.entity_table(docs), top)


def test_quotes_by_speaker_and_who_said_what(docs, corpus):
    by = corpus.quotes_by_speaker()
    want = Counter(q.speaker for d in docs for q in d.quotes if q.speaker)
    assert dict(zip(by["speaker"], by["quotes"], strict=True)) == dict(want)
    said = corpus.said()
    assert len(said) == sum(len(d.quotes) for d in docs)
    dated = said["quote_date_start"].dropna()  # in the order said (the document date where a quote has none)
    assert dated.is_monotonic_increasing


def test_timeline_has_every_resolved_date_and_dated_quote_in_order(docs, corpus, seed_ids):
    tl = corpus.timeline()
    n_dates = sum(t.interval_start is not None for d in docs for t in d.dates)
    n_quotes = sum(q.date_start is not None or d.date is not None for d in docs for q in d.quotes)
    assert (tl["kind"] == "date").sum() == n_dates and (tl["kind"] == "quote").sum() == n_quotes
    assert tl["interval_start"].is_monotonic_increasing
    assert (tl["interval_end"] >= tl["interval_start"]).all()
    for r in tl.sample(n=min(40, len(tl)), random_state=0).itertuples():
        doc = docs[r.doc]
        assert r.id == seed_ids[r.doc]
        if pd.isna(r.sentence):
            assert r.entities == []
            continue
        names = list(dict.fromkeys(e.canonical for e in doc.entities if e.sentence == r.sentence))
        assert r.entities == names
        assert r.sentence_text == doc.sentences[r.sentence].text
        assert r.text in r.sentence_text or r.kind == "quote"


def test_cooccurrence_counts_sentences_naming_both(docs, corpus):
    co = corpus.cooccurrence()
    want: Counter = Counter()
    for d in docs:
        by_sentence: dict = {}
        for e in d.entities:
            if e.sentence is not None:
                by_sentence.setdefault(e.sentence, set()).add((e.canonical, e.label))
        for names in by_sentence.values():
            for a, b in itertools.combinations(sorted(names), 2):
                want[(a, b)] += 1
    got = {((r.source, str(r.source_label)), (r.target, str(r.target_label))): r.sentences for r in co.itertuples()}
    assert got == dict(want)


def test_speaker_network_lists_entities_named_inside_quotes():
    doc = tidings.analyze("“Paris is lovely and Angela Merkel agrees,” said John Smith. "
                          "“I admire Merkel,” Smith added.", date="2020-01-01")
    speakers = {q.speaker for q in doc.quotes}
    net = tidings.Corpus([doc]).speaker_network()
    want = Counter((q.speaker, e.canonical) for q in doc.quotes if q.speaker for e in doc.entities
                   if q.start <= e.start and e.end <= q.end and e.canonical != q.speaker)
    assert dict(zip(zip(net["speaker"], net["mentioned"], strict=True), net["mentions"], strict=True)) == dict(want)
    assert want, f"expected quotes naming entities, got speakers {speakers}"


def test_graphs_have_the_edges_of_the_frames(corpus):
    pytest.importorskip("networkx")
    g = corpus.graph("cooccurrence")
    co = corpus.cooccurrence()
    weights: Counter = Counter()
    for r in co.itertuples():
        if r.source != r.target:
            weights[frozenset((r.source, r.target))] += r.sentences
    assert {frozenset(e): w for *e, w in g.edges(data="weight")} == dict(weights)
    s = corpus.graph("speakers")
    net = corpus.speaker_network()
    assert s.is_directed() and s.number_of_edges() == len(net)
    with pytest.raises(ValueError, match="kind"):
        corpus.graph("friends")


def test_plots_draw_on_an_axis(corpus):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = corpus.plot_timeline(max_rows=10)
    assert len(ax.get_yticklabels()) == 10
    ax = corpus.plot_mentions(5)
    assert len(ax.patches) == 5
    if pytest.importorskip("networkx"):
        ax = corpus.plot_network("speakers")
        assert ax.collections
    plt.close("all")


def test_empty_corpus_views_keep_their_columns():
    c = tidings.Corpus([tidings.analyze("Nothing here.")])
    assert list(c.cooccurrence().columns) == ["source", "source_label", "target", "target_label", "sentences",
                                              "documents"]
    assert list(c.speaker_network().columns) == ["speaker", "mentioned", "label", "mentions", "quotes", "documents"]
    assert len(c.timeline()) == 0 and "entities" in c.timeline().columns
    assert list(tidings.quote_table([]).columns) == ["speaker", "quotes", "documents", "first_date", "last_date",
                                                     "first_date_source", "last_date_source"]

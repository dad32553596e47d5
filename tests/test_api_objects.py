"""The result objects: readable repr, HTML for notebooks, dicts and JSON."""

import json

import tidings


def test_document_repr_is_readable():
    doc = tidings.analyze("Mr. Smith went to Washington. He left.", date="2016-09-20")
    r = repr(doc)
    assert r.startswith("Document(") and "Mr. Smith" in r and "date=2016-09-20" in r and "sentences=2" in r
    assert repr(doc.sentences[0]) == "Sentence(\"Mr. Smith went to Washington.\", 0:29)"


def test_html_repr_escapes_text():
    doc = tidings.analyze("<script>alert('x')</script> & more.")
    html = doc._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html


def test_to_dict_round_trips_through_json():
    doc = tidings.analyze("One. Two “three.”", date="2016-01-02")
    d = doc.to_dict()
    assert d["date"] == "2016-01-02" and d["text"] == doc.text
    assert [s["text"] for s in d["sentences"]] == [s.text for s in doc.sentences]
    assert json.loads(doc.to_json()) == d
    assert doc.sentences[0].to_dict() == {"start": 0, "end": 4, "text": "One.", "paragraph": 0}


def test_sentences_know_their_paragraph():
    doc = tidings.analyze("First para. Still first.\n\nSecond para.")
    assert [(s.text, s.paragraph) for s in doc.sentences] == [
        ("First para.", 0), ("Still first.", 0), ("Second para.", 1)]


def test_equality_is_by_value():
    a = tidings.analyze("Same text.")
    b = tidings.analyze("Same text.")
    assert a == b and a.sentences == b.sentences
    assert a != tidings.analyze("Other text.")


def test_html_highlights_entities_dates_and_quotes():
    doc = tidings.analyze("“We won,” Jane Roe said in London on Monday.", date="2016-11-09")
    html = doc._repr_html_()
    assert doc.entities and doc.dates and doc.quotes
    assert html.count("<mark") == len(doc.entities) + len(doc.dates)
    for e in doc.entities:
        assert f"{e.text}<span" in html and f">{e.label}</span></mark>" in html
    assert 'title="direct quote — Jane Roe"' in html

"""The article view: everything escaped, spans well nested, speakers visible, long texts folded."""

import re
from html.parser import HTMLParser

import pytest
import tidings
from tidings.view import _render, _Span, render_html, table_html

VOID = {"br", "meta", "hr", "img"}


class Tree(HTMLParser):
    """Checks that tags nest and collects the visible text, the text inside chips and inside each class."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text: list[str] = []  # article text (outside chips, legend, meta, style, summary)
        self.chips: list[str] = []
        self.by_class: dict[str, list[str]] = {}
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in VOID:
            return
        cls = dict(attrs).get("class") or ""
        self.stack.append((tag, cls))
        if any(c in cls.split() for c in ("tdg-quote", "tdg-speaker", "tdg-cue", "tdg-ent", "tdg-date")):
            self.by_class.setdefault(cls, []).append("")

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        top, _ = self.stack.pop()
        assert top == tag, f"</{tag}> closes <{top}>"

    def handle_data(self, data):
        classes = [c for _, c in self.stack]
        tags = [t for t, _ in self.stack]
        if "style" in tags:
            return
        if "summary" in tags or any(c in ("tdg-legend", "tdg-meta") for c in classes):
            return
        if "tdg-chip" in classes:
            self.chips.append(data)
            return
        self.text.append(data)


def parse(html):
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.stack, f"unclosed: {t.stack}"
    return t


def test_script_and_ampersand_render_as_text():
    text = "Tom & Jerry met <script>alert(1)</script> in Paris on Monday. “We <b>won</b> & left,” said Tom Smith."
    doc = tidings.analyze(text, date="2020-01-01")
    html = render_html(doc)
    assert "<script" not in html.lower() and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "Tom &amp; Jerry" in html
    assert "".join(parse(html).text) == text


def test_text_is_kept_whole_and_tags_nest_on_every_seed(seed_texts):
    for doc in tidings.analyze_many(seed_texts, dates="2017-11-14"):
        t = parse(render_html(doc, limit=None))
        assert "".join(t.text) == doc.text
        assert "details" not in t.tags


def test_each_quote_shows_its_speaker_and_marks_the_mention_and_the_cue(seed_texts):
    doc = tidings.analyze(seed_texts[0], date="2017-11-13")
    attributed = [q for q in doc.quotes if q.speaker]
    assert attributed
    t = parse(render_html(doc, limit=None))
    for q in attributed:
        assert f"Q{q.group + 1} · {q.speaker}" in t.chips
    chips = " ".join(t.chips)
    for q in attributed:
        if q.speaker_start is not None:
            assert re.search(rf"speaker [Q0-9, ]*Q{q.group + 1}\b", chips)
        if q.cue_start is not None:
            assert re.search(rf"cue [Q0-9, ]*Q{q.group + 1}\b", chips)
    for d in doc.dates:
        assert f"{d.type} {d.value}" + (f" {d.mod}" if d.mod else "") in t.chips
    labels = [c for c in t.chips if c in ("PER", "ORG", "LOC", "MISC")]
    assert len(labels) == len(doc.entities)


def test_the_legend_names_only_the_layers_shown():
    doc = tidings.analyze("Paris, Monday.", date="2020-01-06")
    only_dates = render_html(doc, layers=["dates"])
    assert render_html(doc, layers="dates") == only_dates
    assert "prefers-color-scheme:dark" in only_dates and "var(--tdg-DATE)" in only_dates
    assert 'class="tdg-legend"' in only_dates and "DATE / TIME value" in only_dates
    assert ">PER<" not in only_dates and "tdg-ent" not in only_dates
    with pytest.raises(ValueError, match="unknown layer"):
        render_html(doc, layers=["people"])


def test_a_long_article_is_folded_at_a_sentence_end_with_a_way_to_see_all(seed_texts):
    doc = tidings.analyze(seed_texts[0], date="2017-11-13")
    assert len(doc.text) > 6000
    html = render_html(doc, limit=2000)
    t = parse(html)
    assert "details" in t.tags and "summary" in t.tags
    assert "".join(t.text) == doc.text
    before = html[:html.index("<details>")]
    shown = "".join(parse(before + "</div></div>").text)
    assert 2000 <= len(shown) < len(doc.text)
    assert any(s.end == len(shown) for s in doc.sentences)


def test_crossing_spans_are_split_and_nested_and_chips_shown_once():
    text = "0123456789abcdefghij"
    spans = [_Span(0, 10, 2, '<mark class="a">', "</mark>", chip_after='<span class="tdg-chip">A</span>'),
             _Span(5, 15, 4, '<mark class="b">', "</mark>", chip_after='<span class="tdg-chip">B</span>'),
             _Span(5, 8, 1, '<span class="c">', "</span>", chip_before='<span class="tdg-chip">C</span>')]
    out = _render(text, spans, 0, len(text))
    t = parse(out)
    assert "".join(t.text) == text
    assert t.chips == ["C", "A", "B"]
    # the part of b inside a, and the part after it
    assert out.count('<mark class="b">') == 2


def test_a_date_inside_an_organisation_nests_inside_it():
    text = "The 2016 Trump campaign met."
    spans = [_Span(4, 23, 2, '<mark class="org">', "</mark>"), _Span(4, 8, 4, '<mark class="date">', "</mark>")]
    out = _render(text, spans, 0, len(text))
    assert out == 'The <mark class="org"><mark class="date">2016</mark> Trump campaign</mark> met.'


def test_tables_and_corpus_summaries_render_as_escaped_html_tables():
    docs = tidings.analyze_many(["“Fine & <dandy>,” said John Smith in Paris.", "Berlin."])
    html = table_html(tidings.table(docs, "quotes"))
    t = parse(html)
    assert "table" in t.tags and "&lt;dandy&gt;" in html and "<dandy>" not in html
    c = tidings.Corpus(docs)
    page = c._repr_html_()
    parse(page)
    assert "most mentioned entities" in page and "Paris" in page
    assert tidings.display(tidings.table(docs, "entities"))._repr_html_().count("<tr>") == 1 + len(c.entities)
    with pytest.raises(TypeError, match="Document, Table or Corpus"):
        tidings.display("text")


def test_a_failed_document_shows_its_error_escaped():
    doc = tidings.analyze_many(["fine", "x"], dates=[None, "<b>not a date</b>"])[1]
    assert doc.error
    html = render_html(doc)
    assert "<b>" not in html and "error: " in html and "&lt;b&gt;" in html


def test_a_corpus_shows_a_document_by_position_or_index_label():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["Paris.", "Rome."]}, index=["p", "r"])
    res = tidings.analyze_frame(df)
    assert "Rome" in res.display("r").html and res.display(1).html == res.display("r").html

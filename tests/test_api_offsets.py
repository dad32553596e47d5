"""Offsets are Python string indices: text[x.start:x.end] == x.text for every span of every layer."""

import tidings

UNICODE_TEXTS = [
    "Emoji 👍🏽 and families 👨‍👩‍👧 met Mr. Putin 🇷🇺 in Moscow. “Great,” he said 😀.",
    "習近平 met Donald Trump in 北京 on November 9, 2017. He said: “很好.”",
    "Cafe\u0301 owner Zoe\u0308 Smith said “ok” on Monday.\n\nJose\u0301 Ramírez agreed.",
    "\u200b\ufeffZero-width  spaces\u00a0and\ttabs. Ñandú said “sí”.",
]


def check_offsets(doc):
    text = doc.text
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
    for t in doc.dates:
        assert text[t.start:t.end] == t.text
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_offsets_hold_on_seeds(seed_texts):
    for doc in tidings.analyze_many(seed_texts):
        assert doc.sentences, "every seed article has sentences"
        check_offsets(doc)


def test_offsets_hold_with_emoji_cjk_and_combining_characters():
    for text in UNICODE_TEXTS:
        doc = tidings.analyze(text)
        assert doc.text == text
        assert len(doc.sentences) >= 1
        check_offsets(doc)
        # sentences cover every non-space character of the text
        covered = set()
        for s in doc.sentences:
            covered.update(range(s.start, s.end))
        for i, ch in enumerate(text):
            if not ch.isspace() and ch not in "\u200b\ufeff":
                assert i in covered, (text, i, ch)


def test_sentence_offsets_are_code_points_not_bytes():
    text = "😀😀😀 One. Two."
    doc = tidings.analyze(text)
    assert [s.text for s in doc.sentences] == ["😀😀😀 One.", "Two."]
    assert doc.sentences[1].start == text.index("Two")

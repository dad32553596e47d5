"""Entity models from Python: the built-in model, save/load, damaged files, training, groups."""

from pathlib import Path

import pytest
import tidings
from tidings.exceptions import ModelError, TidingsIOError

TEXT = (
    "Donald Trump Jr. met Julian Assange in London on Monday, the Democratic National Committee (DNC) said. "
    "Trump Jr. later denied it. Assange declined to comment, and the DNC did not respond.\n\n"
    "Don Jr. flew back to New York."
)

# Two sentences of made-up names in CoNLL-2003 form (IOB2), for training a model in seconds.
TINY_CONLL = Path(__file__).parent / "cases" / "tiny_train.conll"


def test_builtin_model_finds_entities_with_valid_labels():
    doc = tidings.analyze(TEXT)
    assert doc.entities, "the built-in model finds entities"
    for e in doc.entities:
        assert e.label in {"PER", "ORG", "LOC", "MISC"}
        assert doc.text[e.start:e.end] == e.text
    found = {(e.text, e.label) for e in doc.entities}
    assert ("Julian Assange", "PER") in found
    assert ("London", "LOC") in found


def test_entity_groups_link_mentions_of_one_entity():
    doc = tidings.analyze(TEXT)
    by_text = {e.text: e for e in doc.entities}
    for short in ("Trump Jr.", "Don Jr."):
        assert by_text[short].group == by_text["Donald Trump Jr."].group
        assert by_text[short].canonical == "Donald Trump Jr."
    assert by_text["Assange"].group == by_text["Julian Assange"].group
    assert by_text["Assange"].canonical == "Julian Assange"
    assert by_text["DNC"].group == by_text["Democratic National Committee"].group
    assert by_text["DNC"].canonical == "Democratic National Committee"
    assert by_text["London"].group != by_text["New York"].group


def test_entity_table_counts_mentions_and_documents():
    docs = tidings.analyze_many([TEXT, "Julian Assange spoke from London."])
    t = tidings.entity_table(docs)
    row = t[t["canonical"] == "Julian Assange"].iloc[0]
    assert row["label"] == "PER" and row["mentions"] == 3 and row["documents"] == 2


def test_model_round_trips_through_save_and_load(tmp_path):
    path = tmp_path / "model.bin"
    tidings.builtin_model().save(path)
    m = tidings.load_model(path)
    assert m.n_features == tidings.builtin_model().n_features
    assert tidings.analyze(TEXT, model=m) == tidings.analyze(TEXT)
    assert tidings.analyze(TEXT, model=str(path)) == tidings.analyze(TEXT)
    assert tidings.analyze_many([TEXT], model=m)[0] == tidings.analyze(TEXT)


def test_damaged_or_foreign_model_files_raise_model_error(tmp_path):
    good = tmp_path / "good.bin"
    tidings.builtin_model().save(good)
    data = good.read_bytes()
    cases = {
        "truncated.bin": data[: len(data) // 2],
        "flipped.bin": data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:],
        "foreign.bin": b"PK\x03\x04 this is a zip file, not a model",
        "empty.bin": b"",
    }
    for name, content in cases.items():
        p = tmp_path / name
        p.write_bytes(content)
        with pytest.raises(ModelError, match=r"\[E002\]"):
            tidings.load_model(p)


def test_a_missing_model_file_raises_io_error(tmp_path):
    with pytest.raises(TidingsIOError, match="cannot read"):
        tidings.load_model(tmp_path / "nope.bin")
    with pytest.raises(OSError):
        tidings.load_model(tmp_path / "nope.bin")


def test_model_argument_must_be_a_model_or_path():
    with pytest.raises(TypeError, match="model must be"):
        tidings.analyze("text", model=42)


def test_training_on_a_tiny_file_tags_its_own_sentences(tmp_path):
    model, report = tidings.train_entities(TINY_CONLL, epochs=8, seed=1)
    assert '"train_tokens"' in report
    doc = tidings.analyze("Zorblat visited Quuxville with Frobco .", model=model)
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Zorblat", "PER"), ("Quuxville", "LOC"), ("Frobco", "ORG")]
    # deterministic for a seed
    again, _ = tidings.train_entities(TINY_CONLL, epochs=8, seed=1)
    p1, p2 = tmp_path / "a.bin", tmp_path / "b.bin"
    model.save(p1)
    again.save(p2)
    assert p1.read_bytes() == p2.read_bytes()


def test_training_cli_writes_a_loadable_model(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "m.bin"
    r = subprocess.run([sys.executable, "-m", "tidings.train", "--train", str(TINY_CONLL), "--dev", "none",
                        "--no-resources", "--epochs", "5", "-o", str(out), "-q"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    m = tidings.load_model(out)
    assert m.n_features > 0


def test_bad_training_input_is_reported(tmp_path):
    with pytest.raises(TidingsIOError):
        tidings.train_entities(tmp_path / "missing.conll")
    empty = tmp_path / "empty.conll"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValueError):
        tidings.train_entities(empty)

"""Hand-annotated news as entity training data: gold files joined with their texts, written as CoNLL.

Reads a folder of gold files in the news sets' format (``<id>.json`` with ``sha256``, ``dct`` and
``entities`` as ``[start, end, label, surface]``; see bench/newsdev/NOTES.md), finds each text by id
in PolNeAR's JSONL files, checks the text's sha256 and every span's surface, and writes CoNLL lines
(token, IOB2 tag; ``-DOCSTART-`` between documents, blank lines between sentences) that
``tidings.train_entities`` reads beside CoNLL-2003. Never writes the texts anywhere but the
temporary training file.

Words and sentences are the ones the entity tagger is shown at run time (tidings' own tokenizer and
sentence splitter, through ``tidings._native._tagger_words``), so training sees what tagging sees.
An entity whose edge falls inside a word ("@" handles, "anti-" prefixes) or that crosses a
sentence end is left out with its whole sentence: tagging its words O would teach the tagger that
"Ohio-based" or "@nytimes" are not names, which CoNLL-2003 and the handle and prefix rules after
the tagger say they are.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from ._native import _tagger_words

LABELS = ("PER", "ORG", "LOC", "MISC")


class NewsTrainError(ValueError):
    """A gold file that does not fit its text."""


def words(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The words the entity tagger is shown, as character spans into text, and the sentences as
    ranges of word indices (first, end)."""
    return _tagger_words(text)


def tokens(text: str) -> list[tuple[int, int]]:
    """Character spans of the words the entity tagger is shown."""
    return words(text)[0]


def read_texts(paths: Iterable[str | Path], wanted: set[str]) -> dict[str, str]:
    """id -> text for the wanted ids, from JSONL files with ``id`` and ``text``."""
    out: dict[str, str] = {}
    for p in paths:
        p = Path(p)
        if not p.is_file():
            continue
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("id") in wanted:
                    out[rec["id"]] = rec["text"]
    return out


def load(gold_dir: str | Path, texts: Iterable[str | Path], exclude: set[str] | None = None) -> list[dict]:
    """The gold documents of a folder, sorted by id: {id, text, entities: [[start, end, label]]}.

    Documents in ``exclude`` and documents whose text none of the ``texts`` files holds are left
    out; a text or span that does not fit its gold file raises NewsTrainError.
    """
    files = sorted(Path(gold_dir).glob("*.json"))
    golds = {}
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        gid = g.get("id") or f.stem
        if exclude and gid in exclude:
            continue
        golds[gid] = g
    found = read_texts(texts, set(golds))
    docs = []
    for gid, g in sorted(golds.items()):
        if gid not in found:
            continue
        text = found[gid]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != g["sha256"]:
            raise NewsTrainError(f"{gid}: the text's sha256 is {digest}, the annotation was made on {g['sha256']}")
        ents = []
        for s, e, label, surface in g["entities"]:
            if text[s:e] != surface:
                raise NewsTrainError(f"{gid}: entity {label} at {s}:{e} reads {text[s:e]!r}, annotated {surface!r}")
            if label not in LABELS:
                raise NewsTrainError(f"{gid}: unknown label {label!r} at {s}:{e}")
            ents.append([s, e, label])
        docs.append({"id": gid, "text": text, "entities": ents})
    return docs


def to_conll(doc: dict) -> tuple[list[str], int]:
    """CoNLL lines of one document (starting with -DOCSTART-) and the number of entities left out:
    those with an edge inside a word or across a sentence end, and the others in their sentences."""
    text = doc["text"]
    toks, sents = words(text)
    starts = {s: i for i, (s, _) in enumerate(toks)}
    ends = {e: i for i, (_, e) in enumerate(toks)}
    sent_of = [0] * len(toks)
    for n, (a, b) in enumerate(sents):
        sent_of[a:b] = [n] * (b - a)
    tags = ["O"] * len(toks)
    bad: set[int] = set()  # words whose sentence is left out
    for s, e, label in sorted(doc["entities"]):
        i, j = starts.get(s), ends.get(e)
        if (i is None or j is None or j < i or sent_of[i] != sent_of[j]
                or any(t != "O" for t in tags[i : j + 1])):
            bad.update(k for k, (ts, te) in enumerate(toks) if ts < e and s < te)
            continue
        tags[i] = f"B-{label}"
        for k in range(i + 1, j + 1):
            tags[k] = f"I-{label}"
    lines = ["-DOCSTART- O", ""]
    for a, b in sents:
        if any(k in bad for k in range(a, b)):
            continue
        sent = []
        for k in range(a, b):
            ts, te = toks[k]
            word = "".join(text[ts:te].split())
            if word:
                sent.append(f"{word} {tags[k]}")
        if sent:
            lines.extend(sent)
            lines.append("")
    written = sum(" B-" in line for line in lines)
    return lines, len(doc["entities"]) - written


def write_conll(docs: list[dict], out, copies: int = 1, folds: int = 5) -> dict:
    """Writes every document ``copies`` times (oversampling) to an open text file; returns counts.

    The trainer splits its documents into ``folds`` folds by position (document i in fold i mod
    folds) for its jackknifed entity lexicon and first-pass labels; a copy in another fold would let
    a document see its own entities there. So documents go out in groups of ``folds``, each group
    repeated: every copy of a document keeps its position mod ``folds``. The last, incomplete group
    is written once."""
    stats = {"documents": len(docs), "entities": 0, "left_out": 0, "copies": copies}
    converted = []
    for doc in docs:
        lines, dropped = to_conll(doc)
        stats["entities"] += len(doc["entities"]) - dropped
        stats["left_out"] += dropped
        converted.append("\n".join(lines) + "\n")
    for g in range(0, len(converted), folds):
        group = converted[g : g + folds]
        for _ in range(copies if len(group) == folds else 1):
            out.write("".join(group))
    return stats

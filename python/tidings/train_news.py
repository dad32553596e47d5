"""Hand-annotated news as entity training data: gold files joined with their texts, written as CoNLL.

Reads a folder of gold files in the news sets' format (``<id>.json`` with ``sha256``, ``dct`` and
``entities`` as ``[start, end, label, surface]``; see bench/newsdev/NOTES.md), finds each text by id
in PolNeAR's JSONL files, checks the text's sha256 and every span's surface, and writes CoNLL lines
(token, IOB2 tag; ``-DOCSTART-`` between documents, blank lines between sentences) that
``tidings.train_entities`` reads beside CoNLL-2003. Never writes the texts anywhere but the
temporary training file.

Sentences come from tidings itself (``Document.sentences``); tokens from a regular expression close to
the Rust tokenizer (possessive clitics split off, letter-dot abbreviations kept, hyphenated words
whole). An entity whose edge falls inside such a token ("@" handles, "anti-" prefixes) is left out
with its whole sentence: tagging its tokens O would teach the tagger that "Ohio-based" or "@nytimes"
are not names, which CoNLL-2003 and the handle and prefix rules after the tagger say they are.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

# the abbreviations src/text.rs keeps with their period ("Sen.", "Jr.", "Conn.", initials)
ABBREVIATIONS = (
    "Mr Mrs Ms Messrs Dr Sen Sens Rep Reps Gov Govs Gen Lt Col Maj Sgt Capt Cmdr Adm Prof Rev Pres Supt "
    "Insp Hon Amb Atty St Mt Ft Sr Jr Sra Mme Mlle Msgr Fr Cpl Pvt Brig Gens "
    "Inc Corp Co Ltd Bros Cos Dept Univ Assn Ave Blvd Rd Hwy Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov "
    "Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun vs etc approx est cf Ala Ariz Ark Calif Colo Conn Del "
    "Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt "
    "Wash Wis Wyo Ph Esq ca al"
).split()
TOKEN = re.compile(
    r"https?://\S+|www\.\S+"
    r"|[@#]\w+"
    r"|\b(?:" + "|".join(ABBREVIATIONS) + r"|[A-Z])\.(?!\w)"
    r"|(?:[^\W\d_]\.){2,}"  # U.S. D.C. D.N.C.
    r"|\w+(?:[-'’&]\w+)*(?=['’‘][sS]\b)"  # Trump’s -> Trump + ’s
    r"|['’‘][sS]\b"
    r"|\w+(?=n['’]t\b)|n['’]t\b"  # don’t -> do + n’t
    r"|\w+(?:[-'’&]\w+|[.,:/]\d+)*"
    r"|\.\.\.|--|\S"
)
LABELS = ("PER", "ORG", "LOC", "MISC")


class NewsTrainError(ValueError):
    """A gold file that does not fit its text."""


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the tokens of text[start:end] (offsets into text)."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    import tidings

    doc = tidings.analyze(text)
    return [(s.start, s.end) for s in doc.sentences]


def to_conll(doc: dict, sentences: list[tuple[int, int]] | None = None) -> tuple[list[str], int]:
    """CoNLL lines of one document (starting with -DOCSTART-) and the number of entities left out:
    those with an edge inside a token, and the others in their sentences."""
    text = doc["text"]
    sents = sentence_spans(text) if sentences is None else sentences
    toks = [t for s, e in sents for t in tokens(text, s, e)]
    starts = {s: i for i, (s, _) in enumerate(toks)}
    ends = {e: i for i, (_, e) in enumerate(toks)}
    tags = ["O"] * len(toks)
    bad: list[int] = []
    for s, e, label in sorted(doc["entities"]):
        i, j = starts.get(s), ends.get(e)
        if i is None or j is None or j < i or any(t != "O" for t in tags[i : j + 1]):
            bad.append(s)
            continue
        tags[i] = f"B-{label}"
        for k in range(i + 1, j + 1):
            tags[k] = f"I-{label}"
    lines = ["-DOCSTART- O", ""]
    k = 0
    for s, e in sents:
        sent = []
        while k < len(toks) and toks[k][0] < e:
            ts, te = toks[k]
            word = "".join(text[ts:te].split())
            if word:
                sent.append(f"{word} {tags[k]}")
            k += 1
        if sent and not any(s <= b < e for b in bad):
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

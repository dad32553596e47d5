"""Names of 2016 news learned by self-training: a first model tags unlabeled news, and the names it
labels the same way across the corpus become known entities for the model trained after it.

``python -m tidings.train`` runs this between two trainings (``--self-train``): the first model
(trained on the same data) tags PolNeAR's training texts, leaving out every article of the news
development set and of the news training set (``articles.tsv`` of bench/newsdev and
bench/newstrain); a name becomes a known entity (a ``K`` line of the resource file, beside the
hand-made lists) when

- it is seen at least ``min_count`` times in at least ``min_docs`` documents,
- one label has at least ``agree`` of its mentions, and no document gives it two labels
  (document-consistent),
- it is not already a known entity of the lists, and it does not start with a lowercase letter.

Everything is computed at training time from the texts; nothing is stored. The result is
deterministic for a given model and texts.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")


def read_texts(paths: Iterable[str | Path], exclude: set[str]) -> list[tuple[str, str]]:
    """(id, text) of every document of the JSONL files whose id is not excluded, in file order."""
    out = []
    for p in paths:
        with Path(p).open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("id") not in exclude:
                    out.append((rec.get("id", ""), rec["text"]))
    return out


def names(mentions: Iterable[tuple[str, str, str]], *, min_count: int = 3, min_docs: int = 2,
          agree: float = 0.9) -> list[tuple[str, str]]:
    """(label, name) of the names labelled consistently in ``mentions`` ((document id, name, label)),
    sorted."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc, name, label in mentions:
        name = " ".join(name.split())
        if not name or not name[0].isupper() or label not in LABELS:
            continue
        labels[name][label] += 1
        docs[name][doc].add(label)
    out = []
    for name, counts in labels.items():
        label, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        total = sum(counts.values())
        in_docs = docs[name]
        if (total >= min_count and len(in_docs) >= min_docs and n >= agree * total
                and all(len(ls) == 1 for ls in in_docs.values())):
            out.append((label, name))
    return sorted(out)


def tag(model, texts: list[tuple[str, str]]) -> list[list[tuple[int, int, str, str]]]:
    """The mentions (start, end, label, text) the model finds in each text."""
    import tidings

    docs = tidings.analyze_many([t for _, t in texts], model=model, errors="raise")
    return [[(e.start, e.end, e.label, e.text) for e in d.entities] for d in docs]


def silver_names(tagged: list[list[tuple[int, int, str, str]]], texts: list[tuple[str, str]], known: set[str],
                 **kw) -> list[tuple[str, str]]:
    """The names labelled consistently in the tagged texts (see ``names``) that are not in ``known``
    (names already listed, any label)."""
    mentions = ((doc_id, m[3], m[2]) for (doc_id, _), ms in zip(texts, tagged, strict=True) for m in ms)
    return [(label, name) for label, name in names(mentions, **kw) if name not in known]


def silver_conll(tagged: list[list[tuple[int, int, str, str]]], texts: list[tuple[str, str]],
                 consistent: set[tuple[str, str]], caps: dict[str, float], out, max_words: int) -> dict:
    """Writes the sentences of the tagged texts whose every mention is a consistent (label, name)
    and whose capitalised words away from the sentence start are inside mentions or words news
    writes in lowercase (capitalised at most 20% of the time: ``caps``), as CoNLL documents, until
    max_words words are written. Returns counts."""
    from . import train_news

    stats = {"documents": 0, "sentences": 0, "words": 0, "entities": 0}
    for (_, text), ms in zip(texts, tagged, strict=True):
        if stats["words"] >= max_words:
            break
        words, sents = train_news.words(text)
        starts = {s: i for i, (s, _) in enumerate(words)}
        ends = {e: i for i, (_, e) in enumerate(words)}
        tags = ["O"] * len(words)
        bad = set()
        for s, e, label, name in ms:
            i, j = starts.get(s), ends.get(e)
            if i is None or j is None or (label, " ".join(name.split())) not in consistent:
                bad.update(k for k, (ws, we) in enumerate(words) if ws < e and s < we)
                continue
            tags[i] = f"B-{label}"
            for k in range(i + 1, j + 1):
                tags[k] = f"I-{label}"
        lines = []
        for a, b in sents:
            if b - a < 5 or any(k in bad for k in range(a, b)):
                continue
            toks = [text[ws:we] for ws, we in words[a:b]]
            if any(t[:1].isupper() and t != "I" and tags[a + k] == "O" and caps.get(t.lower(), 1.0) > 0.2
                   for k, t in enumerate(toks) if k > 0):
                continue
            if "\n" in text[words[a][0]:words[b - 1][1]]:  # a headline or list run into the next line
                continue
            lines.extend(f"{''.join(t.split())} {tags[a + k]}" for k, t in enumerate(toks) if t.split())
            lines.append("")
            stats["sentences"] += 1
            stats["words"] += b - a
            stats["entities"] += sum(tags[k].startswith("B-") for k in range(a, b))
        if lines:
            out.write("-DOCSTART- O\n\n" + "\n".join(lines) + "\n")
            stats["documents"] += 1
    return stats


def capitalisation(resources: str) -> dict[str, float]:
    """Share of capitalised mid-sentence uses of each lowercase word (C lines of a resource file)."""
    out = {}
    with open(resources, encoding="utf-8") as f:
        for line in f:
            if line.startswith("C\t"):
                _, w, a, b = line.rstrip("\n").split("\t")
                out[w] = int(a) / int(b)
    return out


def extend_resources(resources: str, extra: list[tuple[str, str]], out_path: str) -> None:
    """Copies a resource file to out_path with the extra known entities (label, name) appended."""
    with open(resources, encoding="utf-8") as src, open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for line in src:
            out.write(line)
        for label, name in extra:
            if "\t" not in name and "\n" not in name:
                out.write(f"K\t{label}\t{name}\n")


def known_names(resources: str) -> set[str]:
    """The names of the known entities (K lines) of a resource file."""
    with open(resources, encoding="utf-8") as f:
        return {line.rstrip("\n").split("\t")[2] for line in f if line.startswith("K\t")}

"""The news training set's hand annotations joined with PolNeAR's texts (see NOTES.md).

    from newstrain.load import load        # with bench/ on sys.path
    docs = load(with_timex=True)           # the articles whose temporal expressions are annotated

Each document comes back in the scorer's gold format, like ``newsdev.load``: ``id``, ``text``, ``dct``,
``entities`` ([start, end, label]) and ``timex``. Every text's sha256 and every span's surface string are
checked. The entities are training data (``python -m tidings.train``); the timexes are a second set to
score dates on (``bench/accuracy.py --only newstrain``), partly studied by the dates work (see NOTES.md).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from newsdev.load import NewsDevError, _check, _texts, available

HERE = Path(__file__).resolve().parent

__all__ = ["NewsDevError", "available", "load"]


def load(with_timex: bool = False, shared: Path | None = None) -> list[dict]:
    """The annotated articles in articles.tsv order; only those with timexes when ``with_timex``."""
    with (HERE / "articles.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if (HERE / "gold" / f"{r['id']}.json").exists()]
    texts = _texts(shared, {r["id"] for r in rows})
    docs = []
    for r in rows:
        gold = json.loads((HERE / "gold" / f"{r['id']}.json").read_text(encoding="utf-8"))
        if with_timex and not gold["timex"]:
            continue
        src = texts[r["id"]]
        _check(r["id"], src["text"], gold)
        docs.append({
            "id": r["id"],
            "text": src["text"],
            "dct": src["dct"],
            "entities": [[s, e, label] for s, e, label, _ in gold["entities"]],
            "timex": [{k: t[k] for k in ("start", "end", "type", "value", "mod") if t.get(k) not in (None, "")}
                      for t in gold["timex"]],
        })
    return docs

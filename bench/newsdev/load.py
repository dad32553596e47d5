"""The news development set: hand annotations in this folder joined with PolNeAR's texts.

    from newsdev.load import load          # with bench/ on sys.path
    docs = load(part="tune")               # or "check" (frozen) or None for both

Each document comes back in the scorer's gold format (``../shared/data/README.md``): ``id``, ``text``,
``dct``, ``entities`` ([start, end, label]), ``timex`` ({start, end, type, value[, mod]}) and ``quotes``
(PolNeAR's own direct-quote annotation). Loading checks every text's sha256 and every annotated span's
surface string, so an annotation that no longer fits its text fails loudly instead of scoring wrong.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent.parent / "shared"
PARTS = ("tune", "check")


class NewsDevError(ValueError):
    """An annotation that does not fit its text."""


def articles() -> list[dict[str, str]]:
    """The rows of articles.tsv: id, part, kind, split, dct, words, sha256."""
    with (HERE / "articles.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def polnear_dir(shared: Path | None = None) -> Path:
    return Path(shared or DEFAULT_SHARED) / "data" / "polnear"


def available(shared: Path | None = None) -> bool:
    return all((polnear_dir(shared) / f"{s}.jsonl").exists() for s in ("train", "dev"))


def _texts(shared: Path | None, wanted: set[str]) -> dict[str, dict]:
    out = {}
    for split in ("train", "dev"):
        with (polnear_dir(shared) / f"{split}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    out[rec["id"]] = rec
    return out


def _check(doc_id: str, text: str, gold: dict) -> None:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != gold["sha256"]:
        raise NewsDevError(f"{doc_id}: the text's sha256 is {digest}, the annotation was made on {gold['sha256']}")
    for s, e, label, surface in gold["entities"]:
        if text[s:e] != surface:
            raise NewsDevError(f"{doc_id}: entity {label} at {s}:{e} reads {text[s:e]!r}, annotated {surface!r}")
    for t in gold["timex"]:
        if text[t["start"] : t["end"]] != t["text"]:
            raise NewsDevError(f"{doc_id}: timex at {t['start']}:{t['end']} reads "
                               f"{text[t['start']:t['end']]!r}, annotated {t['text']!r}")


def load(part: str | None = "tune", shared: Path | None = None) -> list[dict]:
    """The annotated documents of one part ("tune", "check") or of both (None), in articles.tsv order.

    Raises FileNotFoundError when PolNeAR is not in ``shared`` and NewsDevError on any mismatch.
    Articles whose annotation file does not exist yet are left out.
    """
    if part not in (None, *PARTS):
        raise ValueError(f"part must be one of {PARTS} or None, not {part!r}")
    if not available(shared):
        raise FileNotFoundError(f"no PolNeAR texts in {polnear_dir(shared)}")
    rows = [r for r in articles() if part is None or r["part"] == part]
    rows = [r for r in rows if (HERE / "gold" / f"{r['id']}.json").exists()]
    texts = _texts(shared, {r["id"] for r in rows})
    docs = []
    for r in rows:
        gold = json.loads((HERE / "gold" / f"{r['id']}.json").read_text(encoding="utf-8"))
        src = texts[r["id"]]
        _check(r["id"], src["text"], gold)
        if gold["sha256"] != r["sha256"]:
            raise NewsDevError(f"{r['id']}: articles.tsv and the annotation disagree on the sha256")
        timex = []
        for t in gold["timex"]:
            rec = {k: t[k] for k in ("start", "end", "type", "value")}
            if t.get("mod"):
                rec["mod"] = t["mod"]
            timex.append(rec)
        docs.append({
            "id": r["id"],
            "text": src["text"],
            "dct": src["dct"],
            "part": r["part"],
            "kind": r["kind"],
            "entities": [[s, e, label] for s, e, label, _ in gold["entities"]],
            "timex": timex,
            "quotes": src.get("quotes", []),
        })
    return docs

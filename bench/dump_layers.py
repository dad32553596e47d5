"""Write every layer's output on the development sets and the seeds as JSONL, for before/after checks.

    python bench/dump_layers.py OUT_DIR [--shared ../shared]

One file per corpus (conll2003-dev, tempeval3-train, polnear-dev, seeds), one line per document:
``Document.to_dict()`` plus every Arrow table row of that document, so a restructuring that must not
change behaviour is checked with ``cmp`` (or ``diff -r``) on two such folders.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import tidings

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "conll2003-dev": "data/conll2003/dev.jsonl",
    "tempeval3-train": "data/tempeval3/train.jsonl",
    "polnear-dev": "data/polnear/dev.jsonl",
}
LAYERS = tidings.LAYERS  # every layer the library has (sections included), in its order


def _rows(docs: list, ids: list[str]) -> dict[str, dict[str, list[dict]]]:
    """Every table row, grouped by layer and then by document id."""
    import pyarrow as pa

    out: dict[str, dict[str, list[dict]]] = {}
    for layer in LAYERS:
        by_id: dict[str, list[dict]] = {}
        for row in pa.table(tidings.table(docs, layer, ids=ids)).to_pylist():
            by_id.setdefault(str(row["id"]), []).append(row)
        out[layer] = by_id
    return out


def dump(texts: list[str], dates: list[str | None], ids: list[str], path: Path) -> None:
    docs = tidings.analyze_many(texts, dates)
    tables = _rows(docs, ids)
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, doc in zip(ids, docs, strict=True):
            rec = {"id": doc_id, "doc": doc.to_dict()}
            rec["tables"] = {layer: tables[layer].get(doc_id, []) for layer in LAYERS}
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    for name, rel in CORPORA.items():
        src = a.shared / rel
        if not src.exists():
            print(f"skipped {name}: no {src}", file=sys.stderr)
            continue
        gold = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
        dump([g["text"] for g in gold], [g.get("dct") for g in gold], [g["id"] for g in gold], a.out / f"{name}.jsonl")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    dump([p.read_text(encoding="utf-8") for p in seeds], [None] * len(seeds), [p.stem for p in seeds],
         a.out / "seeds.jsonl")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

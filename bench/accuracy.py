"""Accuracy on the development sets, scored by the project's judge (../shared/eval/score.py).

    python bench/accuracy.py [--shared ../shared] [--only entities,dates,quotes] [--keep DIR]

For each layer it runs tidings on the gold texts (with the gold document dates), writes the
predictions in the scorer's JSONL format, and prints score.py's table:

- entities: CoNLL-2003 dev (exact span and label, micro F1)
- dates:    TempEval-3 training set (TBAQ-cleaned), used as a dev set: no model is fitted to it
- quotes:   PolNeAR dev, direct quotes only (PolNeAR annotates direct quotations)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import tidings

ROOT = Path(__file__).resolve().parent.parent

SETS = {
    "entities": "data/conll2003/dev.jsonl",
    "dates": "data/tempeval3/train.jsonl",
    "quotes": "data/polnear/dev.jsonl",
}


def predict(gold_path: Path, layer: str) -> list[dict]:
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    docs = tidings.analyze_many([g["text"] for g in gold], [g.get("dct") for g in gold], errors="raise")
    out = []
    for g, d in zip(gold, docs, strict=True):
        rec: dict = {"id": g["id"]}
        if layer == "entities":
            rec["entities"] = [[e.start, e.end, e.label] for e in d.entities]
        elif layer == "dates":
            rec["timex"] = [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in d.dates
            ]
        else:
            rec["quotes"] = [
                {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker_text or q.speaker,
                 "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "cue": q.cue}
                for q in d.quotes if q.kind == "direct"
            ]
        out.append(rec)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", default="entities,dates,quotes")
    ap.add_argument("--keep", help="keep the prediction files in this folder")
    ap.add_argument("--per-label", action="store_true")
    a = ap.parse_args()
    shared = Path(a.shared)
    scorer = shared / "eval" / "score.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}: pass --shared", file=sys.stderr)
        return 2
    outdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tidings-acc-"))
    outdir.mkdir(parents=True, exist_ok=True)
    for layer in a.only.split(","):
        gold = shared / SETS[layer]
        pred = outdir / f"{layer}.pred.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for rec in predict(gold, layer):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"== {layer}: {gold}")
        cmd = [sys.executable, str(scorer), str(gold), str(pred)] + (["--per-label"] if a.per_label else [])
        print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

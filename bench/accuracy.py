"""Accuracy on the development sets, scored by the project's judge (../shared/eval/score.py).

    python bench/accuracy.py [--shared ../shared] [--only entities,dates,quotes,news,newstrain] [--per-label]
                             [--errors] [--news-check] [--keep DIR] [--model FILE]

For each set it runs tidings on the gold texts (with the gold document dates), writes the predictions
in the scorer's JSONL format and prints score.py's table:

- entities: CoNLL-2003 dev (exact span and label, micro F1)
- dates:    TempEval-3 training set (TBAQ-cleaned), used as a dev set: no model is fitted to it
- quotes:   PolNeAR dev, direct quotes only (PolNeAR annotates direct quotations)
- news:     the news development set (bench/newsdev: 2016 political news annotated here for entities
            and dates; quotes are PolNeAR's own), every layer; its tuning part by default, and its
            frozen check part only with --news-check (scored when an issue is closed, never tuned on)
- newstrain: dates of the news training set's first 42 articles (bench/newstrain), a second set of
            modern news to score dates on (the entity model trains on its entities, so only dates)

--model FILE scores an entity model file (``python -m tidings.train -o FILE``) instead of the
built-in one.

--errors adds, per layer, the error classes (label, span, missed, spurious; for dates span, type,
value) with the most frequent kinds and examples (bench/errors.py).
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
sys.path.insert(0, str(ROOT / "bench"))

from errors import entity_errors, timex_errors  # noqa: E402
from newsdev import load as newsdev  # noqa: E402
from newstrain import load as newstrain  # noqa: E402

CLASSIC = {
    "entities": ("CoNLL-2003 dev", "data/conll2003/dev.jsonl"),
    "dates": ("TempEval-3 train", "data/tempeval3/train.jsonl"),
    "quotes": ("PolNeAR dev", "data/polnear/dev.jsonl"),
}


def load_gold(shared: Path, layer: str) -> list[dict]:
    """The gold documents of one classic set (the layer's name, as in CLASSIC)."""
    with (shared / CLASSIC[layer][1]).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(gold: list[dict], layers: list[str], model: tidings.Model | None = None) -> list[dict]:
    docs = tidings.analyze_many([g["text"] for g in gold], [g.get("dct") for g in gold], model=model,
                                errors="raise")
    out = []
    for g, d in zip(gold, docs, strict=True):
        rec: dict = {"id": g["id"]}
        if "entities" in layers:
            rec["entities"] = [[e.start, e.end, e.label] for e in d.entities]
        if "dates" in layers:
            rec["timex"] = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in d.dates]
        if "quotes" in layers:
            rec["quotes"] = [
                {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker_text or q.speaker,
                 "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "cue": q.cue}
                for q in d.quotes if q.kind == "direct"
            ]
        out.append(rec)
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in rows:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def score(name: str, gold: list[dict], layers: list[str], a: argparse.Namespace, outdir: Path) -> None:
    slug = name.lower().replace(" ", "-").replace(",", "")
    gold_path, pred_path = outdir / f"{slug}.gold.jsonl", outdir / f"{slug}.pred.jsonl"
    keep = {"entities": "entities", "dates": "timex", "quotes": "quotes"}
    write_jsonl(gold_path, [{"id": g["id"], "text": g["text"], "dct": g.get("dct"),
                             **{keep[lay]: g[keep[lay]] for lay in layers if keep[lay] in g}} for g in gold])
    pred = predict(gold, layers, a.loaded)
    write_jsonl(pred_path, pred)
    cmd = [sys.executable, str(a.shared / "eval" / "score.py"), str(gold_path), str(pred_path)]
    print(f"== {name}: {', '.join(layers)} ({len(gold)} documents)")
    print(subprocess.run(cmd + (["--per-label"] if a.per_label else []), capture_output=True, text=True,
                         check=True).stdout)
    if a.errors:
        by_id = {p["id"]: p for p in pred}
        if "entities" in layers:
            print("entity errors:\n" + entity_errors(gold, {i: p["entities"] for i, p in by_id.items()}).table())
        if "dates" in layers:
            print("date errors:\n" + timex_errors(gold, {i: p["timex"] for i, p in by_id.items()}).table())
        print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--only", default="entities,dates,quotes,news",
                    help="comma-separated: entities, dates, quotes (the classic sets), news, newstrain (dates only)")
    ap.add_argument("--keep", help="keep the gold and prediction files in this folder")
    ap.add_argument("--per-label", action="store_true")
    ap.add_argument("--errors", action="store_true", help="error classes with examples")
    ap.add_argument("--model", help="an entity model file to score instead of the built-in model")
    ap.add_argument("--news-check", action="store_true", help="also score the frozen check part of the news set")
    a = ap.parse_args()
    a.loaded = tidings.load_model(a.model) if a.model else None
    if not (a.shared / "eval" / "score.py").exists():
        print(f"no scorer at {a.shared}/eval/score.py: pass --shared", file=sys.stderr)
        return 2
    outdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tidings-acc-"))
    outdir.mkdir(parents=True, exist_ok=True)
    only = a.only.split(",")
    for layer, (name, _) in CLASSIC.items():
        if layer in only:
            score(name, load_gold(a.shared, layer), [layer], a, outdir)
    if "news" in only:
        for part in ("tune", "check") if a.news_check else ("tune",):
            gold = newsdev.load(part, a.shared)
            score(f"News dev, {part} part", gold, ["entities", "dates", "quotes"], a, outdir)
    if "newstrain" in only:
        score("News train, dates", newstrain.load(with_timex=True, shared=a.shared), ["dates"], a, outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())

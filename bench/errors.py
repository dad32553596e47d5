"""Error classes of entity and date predictions against gold, for bench/accuracy.py --errors.

Entities: every gold and predicted mention falls in one class: ``correct`` (same span and label),
``label`` (same span, other label), ``span`` (overlapping spans with other boundaries), ``missed`` (gold
that no prediction overlaps), ``spurious`` (a prediction that overlaps no gold). Dates, after one-to-one
overlap matching: ``correct``, ``span`` (other boundaries), ``type``, ``value``, ``missed``, ``spurious``
(a date may be in several of span/type/value). Each class keeps a few examples.
"""

from __future__ import annotations

from collections import Counter, defaultdict


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matching by overlap, largest overlaps first: gold index -> pred index."""
    pairs = sorted(((_overlap(g, p), -gi, -pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if _overlap(g, p) > 0), reverse=True)
    used_g, used_p, out = set(), set(), {}
    for _, ngi, npi in pairs:
        gi, pi = -ngi, -npi
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


class Errors:
    """Counts by (class, detail) with up to `keep` examples each."""

    def __init__(self, keep: int = 4) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self.examples: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.keep = keep

    def add(self, cls: str, detail: str, example: str) -> None:
        key = (cls, detail)
        self.counts[key] += 1
        if len(self.examples[key]) < self.keep:
            self.examples[key].append(example)

    def by_class(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for (cls, _), n in self.counts.items():
            out[cls] += n
        return out

    def table(self, top: int = 10) -> str:
        lines = ["  by class: " + ", ".join(f"{c} {n}" for c, n in sorted(self.by_class().items()))]
        wrong = [(k, n) for k, n in self.counts.items() if k[0] != "correct"]
        wrong.sort(key=lambda kn: (-kn[1], kn[0]))
        for (cls, detail), n in wrong[:top]:
            ex = "; ".join(self.examples[(cls, detail)])
            lines.append(f"  {n:5d}  {cls:<9} {detail:<22} e.g. {ex}")
        return "\n".join(lines)


def _show(text: str, s: int, e: int) -> str:
    return repr(text[s:e])


def entity_errors(gold_docs: list[dict], pred: dict[str, list]) -> Errors:
    err = Errors()
    for g in gold_docs:
        text = g["text"]
        gold = [(int(s), int(e), lab) for s, e, lab in g["entities"]]
        prd = [(int(s), int(e), lab) for s, e, lab in pred.get(g["id"], [])]
        m = _match([(s, e) for s, e, _ in gold], [(s, e) for s, e, _ in prd])
        for gi, (s, e, lab) in enumerate(gold):
            if gi not in m:
                err.add("missed", lab, _show(text, s, e))
                continue
            ps, pe, plab = prd[m[gi]]
            if (ps, pe) == (s, e):
                if plab == lab:
                    err.add("correct", lab, _show(text, s, e))
                else:
                    err.add("label", f"{lab}->{plab}", _show(text, s, e))
            else:
                err.add("span", f"{lab}->{plab}", f"{_show(text, s, e)} as {_show(text, ps, pe)}")
        hit = set(m.values())
        for pi, (s, e, lab) in enumerate(prd):
            if pi not in hit and not any(_overlap((s, e), (gs, ge)) for gs, ge, _ in gold):
                err.add("spurious", lab, _show(text, s, e))
    return err


def timex_errors(gold_docs: list[dict], pred: dict[str, list]) -> Errors:
    err = Errors()
    for g in gold_docs:
        text = g["text"]
        gold = g["timex"]
        prd = pred.get(g["id"], [])
        m = _match([(t["start"], t["end"]) for t in gold], [(t["start"], t["end"]) for t in prd])
        for gi, t in enumerate(gold):
            if gi not in m:
                err.add("missed", t["type"], f"{_show(text, t['start'], t['end'])} {t['value']}")
                continue
            p = prd[m[gi]]
            ok = True
            if (p["start"], p["end"]) != (t["start"], t["end"]):
                ok = False
                err.add("span", t["type"], f"{_show(text, t['start'], t['end'])} as "
                        f"{_show(text, p['start'], p['end'])}")
            if p["type"] != t["type"]:
                ok = False
                err.add("type", f"{t['type']}->{p['type']}", _show(text, t["start"], t["end"]))
            if str(p.get("value")).upper() != str(t["value"]).upper():
                ok = False
                err.add("value", t["type"], f"{_show(text, t['start'], t['end'])} {t['value']} as {p.get('value')}")
            if ok:
                err.add("correct", t["type"], _show(text, t["start"], t["end"]))
        hit = set(m.values())
        for pi, p in enumerate(prd):
            if pi not in hit:
                err.add("spurious", p["type"], f"{_show(text, p['start'], p['end'])} {p.get('value')}")
    return err


def _context(text: str, s: int, e: int, width: int = 70) -> str:
    a, b = max(0, s - width), min(len(text), e + width)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " | ")


def list_timex_errors(gold_docs: list[dict], pred: dict[str, list], kinds: set[str]) -> list[str]:
    """Every date error of the given kinds (value, span, type, missed, spurious), one line each with its
    document, document date and context, in reading order."""
    out = []
    for g in gold_docs:
        text, gold, prd = g["text"], g["timex"], pred.get(g["id"], [])
        m = _match([(t["start"], t["end"]) for t in gold], [(t["start"], t["end"]) for t in prd])
        head = f"{g['id']} (dct {g.get('dct')})"
        for gi, t in enumerate(gold):
            if gi not in m:
                if "missed" in kinds:
                    out.append(f"{head} missed {t['type']} {t['value']}: {_context(text, t['start'], t['end'])}")
                continue
            p = prd[m[gi]]
            what = []
            if (p["start"], p["end"]) != (t["start"], t["end"]) and "span" in kinds:
                what.append(f"span as {text[p['start']:p['end']]!r}")
            if p["type"] != t["type"] and "type" in kinds:
                what.append(f"type {t['type']} as {p['type']}")
            if str(p.get("value")).upper() != str(t["value"]).upper() and "value" in kinds:
                what.append(f"value {t['value']} as {p.get('value')}")
            if what:
                out.append(f"{head} {'; '.join(what)}: {_context(text, t['start'], t['end'])}")
        hit = set(m.values())
        for pi, p in enumerate(prd):
            if pi not in hit and "spurious" in kinds:
                out.append(f"{head} spurious {p['type']} {p.get('value')}: {_context(text, p['start'], p['end'])}")
    return out


def main() -> int:
    """List the date errors of one development set, each with its context."""
    import argparse
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    from accuracy import load_gold, predict  # noqa: PLC0415
    from newsdev import load as newsdev  # noqa: PLC0415
    from newstrain import load as newstrain  # noqa: PLC0415

    ap = argparse.ArgumentParser(description="List every date error of a development set with its context:\n"
                                 "    python bench/errors.py --set tune --kinds value,missed\n"
                                 "Sets: tune (the news dev set's tune part), newstrain (the news training set's "
                                 "timexes), tempeval (TempEval-3 train). The news set's check part is never listed.",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("tune", "newstrain", "tempeval"), default="tune")
    ap.add_argument("--kinds", default="value,span,type,missed,spurious",
                    help="comma-separated error kinds: value, span, type, missed, spurious")
    ap.add_argument("--shared", type=Path, default=here.parent.parent / "shared")
    ap.add_argument("--score", action="store_true", help="print only the scores (strict and value F1, 4 digits)")
    ap.add_argument("--min-words", type=int, default=0, help="only documents of at least this many words")
    ap.add_argument("--max-words", type=int, default=10**9, help="only documents of at most this many words")
    a = ap.parse_args()
    if a.set == "tune":
        gold = newsdev.load("tune", a.shared)
    elif a.set == "newstrain":
        gold = newstrain.load(with_timex=True, shared=a.shared)
    else:
        gold = load_gold(a.shared, "dates")
    gold = [g for g in gold if a.min_words <= len(g["text"].split()) <= a.max_words]
    pred = {p["id"]: p["timex"] for p in predict(gold, ["dates"])}
    if a.score:
        sys.path.insert(0, str(a.shared / "eval"))
        import metrics  # noqa: PLC0415

        res = metrics.timex_scores({g["id"]: g for g in gold}, {i: {"id": i, "timex": t} for i, t in pred.items()})
        st, v = res["strict"], res["value"]
        print(f"{a.set}: {len(gold)} docs, strict F1 {st['f1']:.4f} (tp {st['tp']}, pred {st['pred']}, gold "
              f"{st['gold']}), value F1 {v['f1']:.4f} (correct {v['tp']})")
        return 0
    lines = list_timex_errors(gold, pred, set(a.kinds.split(",")))
    print("\n".join(lines))
    print(f"{len(lines)} errors", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

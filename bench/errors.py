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

"""Hand annotation of the news development set: inline markup in, offsets out.

    python bench/newsdev/markup.py text ID > work/ID.txt        # the article text, to mark up by hand
    python bench/newsdev/markup.py build ID work/ID.txt         # check and write gold/ID.json
    python bench/newsdev/markup.py render ID > work/ID.txt      # gold/ID.json back to markup
    python bench/newsdev/markup.py uncovered ID                 # the second pass: tokens no span covers
    ... --gold bench/newstrain/gold                             # any command, for another set's gold folder

Markup, typed into a copy of the text (the copy stays outside the repo; only offsets are committed):
- an entity:  [[Donald Trump|PER]]  (PER, ORG, LOC, MISC)
- a timex:    {{last week|DATE|2016-W29}}  or with a modifier  {{late September|DATE|2016-09|END}}
  (types DATE, TIME, DURATION, SET; the value as TIMEX3 writes it)
- they nest either way: {{[[Election Day|MISC]]|DATE|2016-11-08}}.
`build` strips the markup, checks that what remains is the article byte for byte (sha256), and writes the
offsets (Python string indices) with each span's surface string, so the loader can check them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared"
ENTITY_LABELS = {"PER", "ORG", "LOC", "MISC"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
TIMEX_MODS = {"", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
              "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}
OPEN = {"[[": "]]", "{{": "}}"}


def article(doc_id: str, shared: Path = SHARED) -> dict:
    for split in ("train", "dev"):
        for line in (shared / "data" / "polnear" / f"{split}.jsonl").open(encoding="utf-8"):
            if line.startswith('{"id": "' + doc_id + '"'):
                return json.loads(line)
    raise SystemExit(f"no article {doc_id} in {shared}/data/polnear")


def parse(marked: str) -> tuple[str, list[list], list[dict]]:
    """Strip the markup; return (text, entities, timexes) with offsets into the stripped text."""
    out: list[str] = []
    stack: list[list] = []  # [opener, start offset, attributes or None]
    ents: list[list] = []
    timex: list[dict] = []
    i = 0
    while i < len(marked):
        two = marked[i:i + 2]
        if two in OPEN and marked[i + 2:i + 3] == two[0]:
            # "[[[": a literal bracket of the text right before a span opens ("[[[Dena Grayson|PER]]’s]")
            out.append(marked[i])
            i += 1
        elif two in OPEN:
            stack.append([two, len(out), None])
            i += 2
        elif stack and marked[i] == "|" and stack[-1][2] is None:
            closer = OPEN[stack[-1][0]]
            j = marked.find(closer, i)
            if j < 0:
                raise ValueError(f"span opened at {stack[-1][1]} never closes")
            stack[-1][2] = marked[i + 1:j].split("|")
            i = j
        elif stack and two == OPEN[stack[-1][0]]:
            opener, start, attrs = stack.pop()
            body = "".join(out[start:])
            if attrs is None:
                raise ValueError(f"span {body!r} at {start} has no label")
            if opener == "[[":
                if len(attrs) != 1 or attrs[0] not in ENTITY_LABELS:
                    raise ValueError(f"bad entity label {attrs!r} for {body!r} at {start}")
                ents.append([start, len(out), attrs[0], body])
            else:
                if len(attrs) not in (2, 3) or attrs[0] not in TIMEX_TYPES or not attrs[1]:
                    raise ValueError(f"bad timex attributes {attrs!r} for {body!r} at {start}")
                mod = attrs[2] if len(attrs) == 3 else ""
                if mod not in TIMEX_MODS:
                    raise ValueError(f"bad timex mod {mod!r} for {body!r} at {start}")
                rec = {"start": start, "end": len(out), "type": attrs[0], "value": attrs[1], "text": body}
                if mod:
                    rec["mod"] = mod
                timex.append(rec)
            i += 2
        else:
            out.append(marked[i])
            i += 1
    if stack:
        raise ValueError(f"unclosed span opened at {stack[-1][1]}")
    ents.sort()
    timex.sort(key=lambda t: (t["start"], t["end"]))
    return "".join(out), ents, timex


def render(text: str, ents: list[list], timex: list[dict]) -> str:
    """Markup from offsets (the inverse of parse, for corrections)."""
    # (sort key, piece): outer spans open first and close last; a timex wraps an entity of the same span
    opens: dict[int, list[tuple[tuple[int, int], str]]] = {}
    closes: dict[int, list[tuple[tuple[int, int], str]]] = {}
    for s, e, lab, *_ in ents:
        opens.setdefault(s, []).append(((-e, 1), "[["))
        closes.setdefault(e, []).append(((-s, 0), f"|{lab}]]"))
    for t in timex:
        attrs = "|".join([t["type"], t["value"]] + ([t["mod"]] if t.get("mod") else []))
        opens.setdefault(t["start"], []).append(((-t["end"], 0), "{{"))
        closes.setdefault(t["end"], []).append(((-t["start"], 1), f"|{attrs}}}}}"))
    out = []
    for i in range(len(text) + 1):
        out.extend(piece for _, piece in sorted(closes.get(i, [])))
        out.extend(piece for _, piece in sorted(opens.get(i, [])))
        if i < len(text):
            out.append(text[i])
    return "".join(out)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(doc_id: str, marked_path: Path, gold_dir: Path = HERE / "gold") -> Path:
    art = article(doc_id)
    text, ents, timex = parse(marked_path.read_text(encoding="utf-8"))
    if text != art["text"]:
        for k, (a, b) in enumerate(zip(text, art["text"], strict=False)):
            if a != b:
                raise SystemExit(f"markup changed the text at {k}: {text[k-30:k+30]!r} vs {art['text'][k-30:k+30]!r}")
        raise SystemExit(f"markup changed the text's length: {len(text)} vs {len(art['text'])}")
    for s, _e, _lab, surface in ents:
        if surface != surface.strip() or not surface:
            raise SystemExit(f"entity {surface!r} at {s} has outer spaces")
    for t in timex:
        if t["text"] != t["text"].strip() or not t["text"]:
            raise SystemExit(f"timex {t['text']!r} at {t['start']} has outer spaces")
    prev = (-1, -1)
    for s, e, *_ in ents:
        if s < prev[1]:
            raise SystemExit(f"entities overlap at {s}")
        prev = (s, e)
    gold = {"id": doc_id, "sha256": sha(text), "dct": art["dct"], "entities": ents, "timex": timex}
    out = gold_dir / f"{doc_id}.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return out


WORD = re.compile(r"\w[\w’'.&-]*", re.UNICODE)
DATE_WORDS = re.compile(
    r"^(?:\d{1,4}(?:s|th|st|nd|rd)?|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|today|yesterday|tomorrow|tonight|now|currently|recently|week|weeks|month|months|"
    r"year|years|day|days|hour|hours|minute|minutes|decade|decades|century|morning|afternoon|evening|night|"
    r"weekend|spring|summer|fall|autumn|winter|annual|annually|daily|weekly|monthly|quarter|season|"
    r"a\.m|p\.m|am|pm|ago|later|earlier|former|once|currently|nowadays|lately|soon|past)$",
    re.IGNORECASE,
)


def uncovered(doc_id: str, gold_dir: Path = HERE / "gold") -> list[tuple[int, str, str]]:
    """Capitalised and date-like tokens that no span covers: the second pass decides each by hand."""
    gold = json.loads((gold_dir / f"{doc_id}.json").read_text(encoding="utf-8"))
    text = article(doc_id)["text"]
    covered = [False] * len(text)
    for s, e, *_ in gold["entities"]:
        covered[s:e] = [True] * (e - s)
    tcovered = [False] * len(text)
    for t in gold["timex"]:
        tcovered[t["start"]:t["end"]] = [True] * (t["end"] - t["start"])
    out = []
    for m in WORD.finditer(text):
        w = m.group().rstrip(".’'")
        if not w:
            continue
        if w[0].isupper() and not any(covered[m.start():m.end()]):
            out.append((m.start(), "cap", w))
        if DATE_WORDS.match(w) and not any(tcovered[m.start():m.end()]):
            out.append((m.start(), "date", w))
    return out


def main(argv: list[str]) -> int:
    gold_dir = HERE / "gold"
    if "--gold" in argv:
        k = argv.index("--gold")
        gold_dir = Path(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, doc_id = argv[0], argv[1]
    if cmd == "text":
        sys.stdout.write(article(doc_id)["text"])
    elif cmd == "build":
        print(build(doc_id, Path(argv[2]), gold_dir))
    elif cmd == "render":
        gold = json.loads((gold_dir / f"{doc_id}.json").read_text(encoding="utf-8"))
        sys.stdout.write(render(article(doc_id)["text"], gold["entities"], gold["timex"]))
    elif cmd == "uncovered":
        text = article(doc_id)["text"]
        for start, kind, w in uncovered(doc_id, gold_dir):
            line_ctx = text[max(0, start - 40):start + 40].replace("\n", " ")
            print(f"{start}\t{kind}\t{w}\t{line_ctx}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

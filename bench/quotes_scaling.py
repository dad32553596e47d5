"""How the quote stage scales with the length of ONE document (issue 9: it used to be cubic).

    python bench/quotes_scaling.py [--mb 1,2,4,8] [--quotes 1250,2500,5000,10000] [--repeat 1]

Two families of single documents, each run through the whole default pipeline (entities on, so
pronouns are resolved through the entity layer), printing the time spent in the quote stage:

1. ``'Smith met Jones in Paris. “We won,” he said. ' * n``: n quotations, each attributed to a
   pronoun that names an entity, all in one paragraph.
2. The seed news texts joined and repeated to about 1, 2, 4, 8 MB.

For each size it prints the quote-stage seconds, the time per quotation or per MB, and the ratio
to the previous size: with a linear stage that ratio stays near the size ratio (2 when the size
doubles). Nothing is asserted: a measurement, noisy on a shared machine; the best of --repeat runs
is printed.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from tidings import _native

ROOT = Path(__file__).resolve().parent.parent
PRONOUN_QUOTE = "Smith met Jones in Paris. \u201cWe won,\u201d he said. "


def quote_seconds(text: str, repeat: int) -> float:
    """The quote stage's time on one document (best of `repeat`)."""
    return min(dict(_native._stage_times([text]))["quotes"] for _ in range(repeat))


def table(title: str, unit: str, rows: list[tuple[str, float, float]]) -> None:
    """Print (label, size, seconds) rows with the per-unit time and the ratio to the row before."""
    print(f"\n{title}")
    print(f"{'size':>14}{'quotes s':>12}{'ms/' + unit:>12}{'x prev':>9}")
    prev = None
    for label, size, s in rows:
        ratio = f"{s / prev:>9.2f}" if prev else f"{'':>9}"
        print(f"{label:>14}{s:>12.3f}{1000 * s / size:>12.4f}{ratio}")
        prev = s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", default="1,2,4,8", help="seed news sizes in MB, comma-separated")
    ap.add_argument("--quotes", default="1250,2500,5000,10000", help="pronoun-quote counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    rows = []
    for n in (int(x) for x in a.quotes.split(",") if x):
        text = PRONOUN_QUOTE * n
        rows.append((f"{n} quotes", n, quote_seconds(text, a.repeat)))
    table(f"pronoun-attributed quotations in one paragraph ({len(PRONOUN_QUOTE.encode())} bytes each)",
          "quote", rows)

    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    rows = []
    for mb in (float(x) for x in a.mb.split(",") if x):
        reps = max(1, round(mb * 1e6 / len(seeds.encode())))
        text = "\n\n".join([seeds] * reps)
        size = len(text.encode()) / 1e6
        rows.append((f"{size:.2f} MB", size, quote_seconds(text, a.repeat)))
    table("seed news repeated into one document", "MB", rows)


if __name__ == "__main__":
    main()

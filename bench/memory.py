"""Peak memory and time of ``tidings.analyze`` on one long news document, per size.

    python bench/memory.py [--mb 10,20,50] [--keep-quotes] [--threads 1]

The document is the seed corpus repeated to the size asked (paragraphs in order, so the text
reads like one very long article). Quotation marks are stripped unless --keep-quotes, so that the
numbers measure the rest of the pipeline while quote attribution is being made linear. Each size
runs in a fresh process (so peak RSS is that size's alone, Python and the model included), pinned
to the thread count asked. Prints wall and CPU seconds of the call (CPU time is what to compare on
a shared machine), peak RSS, the RSS above an empty run, and that extra memory per character of
input; the last column is the CPU time ratio to the previous size.
Nothing is asserted: it is a measurement.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTES = re.compile("[\"“”‘’«»„]")

CHILD = r"""
import resource, sys, time
import tidings
text = open(sys.argv[1], encoding="utf-8").read() if sys.argv[1] else ""
tidings.analyze("warm up the model")
t, c = time.perf_counter(), time.process_time()
doc = tidings.analyze(text)
n = (len(doc.sentences), len(doc.entities), len(doc.dates), len(doc.quotes))
dt, dc = time.perf_counter() - t, time.process_time() - c
print(dt, dc, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(text), *n)
"""


def build(mb: float, keep_quotes: bool) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not keep_quotes:
        seeds = [QUOTES.sub("", s) for s in seeds]
    unit = "\n\n".join(s.strip() for s in seeds) + "\n\n"
    reps = max(1, round(mb * 1e6 / len(unit.encode())))
    return unit * reps


def run(path: str, threads: int) -> list[float]:
    env = dict(os.environ, TIDINGS_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, "-c", CHILD, path], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return [float(x) for x in out]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", default="10,20,50")
    ap.add_argument("--keep-quotes", action="store_true")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    base = run("", a.threads)
    base_kb = base[2]
    print(f"empty run: peak RSS {base_kb / 1024:.0f} MB (Python, tidings and the model)")
    print(f"{'MB':>6}{'chars':>12}{'wall s':>9}{'CPU s':>8}{'MB/CPU s':>10}{'peak RSS MB':>13}"
          f"{'extra MB':>10}{'bytes/char':>12}{'x CPU':>7}")
    prev = None
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"tidings-memory-{os.getpid()}.txt"
    try:
        for mb in (float(x) for x in a.mb.split(",")):
            tmp.write_text(build(mb, a.keep_quotes), encoding="utf-8")
            size = tmp.stat().st_size
            dt, dc, kb, chars, *_ = run(str(tmp), a.threads)
            extra = (kb - base_kb) * 1024
            ratio = f"{dc / prev:.2f}" if prev else ""
            print(f"{size / 1e6:>6.1f}{int(chars):>12,}{dt:>9.2f}{dc:>8.2f}{size / 1e6 / dc:>10.2f}"
                  f"{kb / 1024:>13.0f}{extra / 2**20:>10.0f}{extra / chars:>12.1f}{ratio:>7}")
            prev = dc
    finally:
        tmp.unlink(missing_ok=True)
    print(f"\nmax RSS of this script itself: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

"""Throughput of tidings on the seed corpus repeated to about 10 MB, per stage and end to end.

    python bench/speed.py [--mb 10] [--threads 1,2] [--repeat 3]

1. Per stage, serially: the time spent in the text layer and in each extractor, measured
   inside the same runs (so the shares are not skewed by load that changes between runs), as
   MB/s of that stage alone and as its share of the whole pipeline.
2. The entity layer (with the text layer it needs) with 1 and with all threads.
3. End to end through the Python API (``analyze_many``, including building the result
   objects) with 1 and with all threads.

Each number is the best of --repeat runs. Nothing here is asserted: it is a measurement, and on
a machine shared with other work the numbers drop.
"""

import argparse
import os
import re
import time
from pathlib import Path

import tidings
from tidings import _native

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--threads", default=f"1,{os.cpu_count() or 1}")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = sum(len(s.encode()) for s in seeds)
    reps = max(1, round(a.mb * 1e6 / size))
    texts = seeds * reps
    mb = size * reps / 1e6
    tokens = sum(len(re.findall(r"\w+|[^\w\s]", s)) for s in seeds) * reps  # words and punctuation
    print(f"tidings {tidings.__version__}: {len(texts)} documents, {mb:.1f} MB, ~{tokens / 1e6:.2f}M tokens; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")

    runs = [dict(_native._stage_times(texts)) for _ in range(a.repeat)]
    stages = list(runs[0])
    best = {s: min(r[s] for r in runs) for s in stages}
    total = sum(best.values())
    print(f"{'stage (1 thread)':<20}{'seconds':>10}{'MB/s':>10}{'Mtok/s':>10}{'share':>9}")
    for s in stages:
        print(f"{s:<20}{best[s]:>10.3f}{mb / best[s]:>10.1f}{tokens / best[s] / 1e6:>10.2f}{best[s] / total:>9.1%}")
    print(f"{'whole pipeline':<20}{total:>10.3f}{mb / total:>10.1f}{tokens / total / 1e6:>10.2f}{1:>9.0%}")
    if "quotes" in best:
        q = best["quotes"]
        print(f"\nThe quote stage adds {q / (total - q):.1%} to the rest of the pipeline.")

    threads = sorted({int(x) for x in a.threads.split(",")})
    print(f"\n{'text + entities only':<28}{'seconds':>10}{'MB/s':>10}{'Mtok/s':>10}")
    for t in threads:
        s = min(_native._time_layers(texts, ["entities"], t) for _ in range(a.repeat))
        label = f"{t} thread" + ("s" if t > 1 else "")
        print(f"{label:<28}{s:>10.3f}{mb / s:>10.1f}{tokens / s / 1e6:>10.2f}")

    print(f"\n{'analyze_many (Python API)':<28}{'seconds':>10}{'MB/s':>10}{'Mtok/s':>10}")
    for t in threads:
        def run(t=t):
            start = time.perf_counter()
            tidings.analyze_many(texts, n_threads=t)
            return time.perf_counter() - start
        s = min(run() for _ in range(a.repeat))
        label = f"{t} thread" + ("s" if t > 1 else "")
        print(f"{label:<28}{s:>10.3f}{mb / s:>10.1f}{tokens / s / 1e6:>10.2f}")


if __name__ == "__main__":
    main()

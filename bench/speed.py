"""Throughput of tidings on the seed corpus repeated to about 10 MB, per layer and end to end.

    python bench/speed.py [--mb 10] [--threads 1,2]

Prints MB/s and tokens/s for the text layer alone, each layer added on top of it, and the
whole pipeline through the Python API (analyze_many, including building the result objects).
Each number is the best of --repeat runs. Nothing here is asserted: it is a measurement.
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
    words = sum(len(re.findall(r"\w+|[^\w\s]", s)) for s in seeds) * reps
    threads = sorted({int(x) for x in a.threads.split(",")})
    print(f"tidings {tidings.__version__}: {len(texts)} documents, {mb:.1f} MB, ~{words / 1e6:.2f}M tokens; "
          f"{os.cpu_count()} cores\n")
    stages = [("text layer", []), ("+ entities", ["entities"]), ("+ dates", ["dates"]),
              ("+ quotes", ["entities", "quotes"]), ("all layers (Rust)", ["entities", "dates", "quotes"])]
    header = f"{'stage':<22}" + "".join(f"{f'{t} thread' + ('s' if t > 1 else ''):>28}" for t in threads)
    print(header)
    print("-" * len(header))

    def best(f):
        return min(f() for _ in range(a.repeat))

    for name, layers in stages:
        row = f"{name:<22}"
        for t in threads:
            s = best(lambda layers=layers, t=t: _native._time_layers(texts, layers, t))
            row += f"{mb / s:>12.1f} MB/s {words / s / 1e6:>7.2f} Mtok/s"
        print(row)
    row = f"{'analyze_many (Python)':<22}"
    for t in threads:
        def run(t=t):
            start = time.perf_counter()
            tidings.analyze_many(texts, n_threads=t)
            return time.perf_counter() - start
        s = best(run)
        row += f"{mb / s:>12.1f} MB/s {words / s / 1e6:>7.2f} Mtok/s"
    print(row)
    print("\nA layer's own cost is its row's time minus the text layer's "
          "(quotes are timed with entities, which they read).")


if __name__ == "__main__":
    main()

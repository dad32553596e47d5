"""Time turning a batch into DataFrames: the Arrow path (pyarrow) against the Python-list path.

    python bench/frames_speed.py [MB]      # the seeds repeated to about MB megabytes (default 2)

Prints, per layer, rows and the best of 3 for ``Table.to_pandas()`` through Arrow and through Python lists
(the path taken without pyarrow), checks both give the same frame, and, for reference, a bare
``pyarrow.table(t).to_pandas()`` (no schema: object dates, float offsets, string labels).
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import tidings

ROOT = Path(__file__).resolve().parent.parent
frames_module = importlib.import_module("tidings.frames")


def best(f, n=3):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = sum(len(t.encode()) for t in texts)
    batch = texts * max(1, round(mb * 1e6 / size))
    docs = tidings.analyze_many(batch)
    print(f"{len(docs)} documents, {sum(len(t.encode()) for t in batch) / 1e6:.1f} MB")
    print(f"{'layer':<10} {'rows':>9} {'arrow s':>9} {'lists s':>9} {'speed-up':>9} {'bare pyarrow s':>15}")
    total_a = total_l = total_b = 0.0
    for layer in frames_module.LAYERS:
        t = tidings.table(docs, layer)
        ta, fa = best(t.to_pandas)
        real = frames_module._pyarrow
        frames_module._pyarrow = lambda: None
        try:
            tl, fl = best(t.to_pandas)
        finally:
            frames_module._pyarrow = real
        pd.testing.assert_frame_equal(fa, fl)
        tb, _ = best(lambda: pa.table(t).to_pandas())  # noqa: B023 - called at once
        total_a += ta
        total_l += tl
        total_b += tb
        print(f"{layer:<10} {len(t):>9,} {ta:>9.3f} {tl:>9.3f} {tl / ta:>8.1f}x {tb:>15.3f}")
    print(f"{'all':<10} {'':>9} {total_a:>9.3f} {total_l:>9.3f} {total_l / total_a:>8.1f}x {total_b:>15.3f}")


if __name__ == "__main__":
    main()

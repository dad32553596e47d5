"""Command line: ``python -m tidings [INPUT ...] [-o OUT] [--date DATE]``.

With no INPUT it analyses ``seeds/`` in the current folder and prints a report. INPUT may be
folders of ``.txt`` files, ``.txt`` files, or JSONL files with ``id``, ``text`` and an optional
``date`` (``dct`` is accepted too) per line.
``-o`` writes the results: ``.jsonl`` (one document per line), ``.csv`` or ``.parquet`` (the
documents table in OUT, and each layer beside it as ``OUT-STEM.<layer>.<ext>``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from . import __version__, analyze, analyze_many, table
from .exceptions import InvalidInputError, TidingsError
from .frames import LAYERS

Record = tuple[str, str, str | None]  # id, text, date


def _find_seeds() -> Path | None:
    here = Path.cwd() / "seeds"
    return here if here.is_dir() else None


def read_inputs(paths: list[str]) -> list[Record]:
    """Reads folders of .txt files, .txt files and .jsonl files, in the order given."""
    records: list[Record] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix == ".txt" and f.is_file())
            if not files:
                raise InvalidInputError(f"[E001] folder {p} has no .txt files")
            for f in files:
                records.append((f.stem, f.read_text(encoding="utf-8"), None))
        elif p.suffix in (".jsonl", ".ndjson") and p.is_file():
            with p.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                        text = obj["text"]
                    except (ValueError, KeyError, TypeError) as e:
                        raise InvalidInputError(
                            f"[E001] {p}:{n}: expected a JSON object with 'text' ({e})"
                        ) from e
                    date = obj.get("date", obj.get("dct"))
                    records.append((str(obj.get("id", f"{p.stem}:{n}")), text, date))
        elif p.is_file():
            records.append((p.stem, p.read_text(encoding="utf-8"), None))
        else:
            raise InvalidInputError(f"[E001] input {p} does not exist")
    return records


def _report(ids: list[str], docs, out=sys.stdout) -> None:
    w = out.write
    n = len(docs)
    chars = sum(len(d.text) for d in docs)
    w(f"tidings {__version__}: {n} document{'' if n == 1 else 's'}, {chars:,} characters\n\n")
    # each attribute access builds a fresh list of result objects: take every layer once
    layers = {k: [getattr(d, k) for d in docs] for k in ("sentences", "entities", "dates", "quotes")}
    w("Per layer: " + ", ".join(f"{sum(map(len, v)):,} {k}" for k, v in layers.items()) + "\n")
    failed = [(i, d.error) for i, d in zip(ids, docs, strict=True) if d.error]
    for i, e in failed:
        w(f"  ! {i}: {e}\n")

    w("\nDocuments\n")
    for i, d, sents in zip(ids, docs, layers["sentences"], strict=True):
        date = f"{d.date} ({d.date_source})" if d.date else "no date"
        w(f"  {i:<28} {len(d.text):>7,} chars  {len(sents):>4} sentences  {date}\n")

    w("\nMost mentioned entities\n")
    ents = Counter((e.canonical or e.text, e.label) for es in layers["entities"] for e in es)
    if not ents:
        w("  (none found)\n")
    for (name, label), n in ents.most_common(15):
        w(f"  {n:>4}  {name} [{label}]\n")

    w("\nQuotes by speaker\n")
    quotes = [q for qs in layers["quotes"] for q in qs]
    by_speaker: Counter = Counter(q.speaker or "(unattributed)" for q in quotes)
    first_quote = {}
    for q in quotes:
        first_quote.setdefault(q.speaker or "(unattributed)", q)
    if not by_speaker:
        w("  (none found)\n")
    for name, n in by_speaker.most_common(15):
        example = first_quote[name]
        snippet = example.text if len(example.text) <= 70 else example.text[:69] + "…"
        w(f"  {n:>4}  {name}: “{snippet}”\n")

    w("\nTimeline\n")
    dated = [
        (t.interval_start, i, t)
        for i, ts in zip(ids, layers["dates"], strict=True)
        for t in ts
        if t.interval_start is not None
    ]
    if not dated:
        w("  (no dated expressions found)\n")
    for _start, i, t in sorted(dated, key=lambda x: (x[0], x[1]))[:40]:
        w(f"  {t.value:<22} {t.text!r:<34} {i}\n")


def _write(out: Path, ids: list[str], docs) -> list[Path]:
    ext = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if ext in (".jsonl", ".ndjson"):
        with out.open("w", encoding="utf-8") as fh:
            for i, d in zip(ids, docs, strict=True):
                rec = d.to_dict()
                fh.write(json.dumps({"id": i, **rec}, ensure_ascii=False) + "\n")
        return [out]
    if ext not in (".csv", ".parquet"):
        raise InvalidInputError(f"[E001] cannot write {out}: use a .jsonl, .csv or .parquet file name")
    written = []
    for layer in LAYERS:
        target = out if layer == "documents" else out.with_name(f"{out.stem}.{layer}{out.suffix}")
        t = table(docs, layer, ids)
        if ext == ".parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError as e:
                raise TidingsError("writing Parquet needs pyarrow: pip install pyarrow") from e
            pq.write_table(t.to_arrow(), target)
        else:
            t.to_pandas().to_csv(target, index=False)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*",
                    help="folders of .txt files, .txt files or .jsonl files (default: seeds/)")
    ap.add_argument("-o", "--output", help="write results to a .jsonl, .csv or .parquet file")
    ap.add_argument("--date", help="document date (YYYY-MM-DD) for documents that have none")
    ap.add_argument("-j", "--threads", type=int, default=None, help="worker threads (default: all cores)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no report when writing a file")
    ap.add_argument("--version", action="version", version=f"tidings {__version__}")
    a = ap.parse_args(argv)
    try:
        if a.date is not None:
            analyze("", date=a.date)  # the same date rules as the API; raises InvalidInputError
        inputs = a.inputs
        if not inputs:
            seeds = _find_seeds()
            if seeds is None:
                ap.error("no inputs given and no seeds/ folder here; pass folders, .txt or .jsonl files")
            inputs = [str(seeds)]
        records = read_inputs(inputs)
        ids = [r[0] for r in records]
        dates = [r[2] if r[2] is not None else a.date for r in records]
        docs = analyze_many([r[1] for r in records], dates, n_threads=a.threads)
        if a.output:
            written = _write(Path(a.output), ids, docs)
            if not a.quiet:
                print("wrote " + ", ".join(map(str, written)), file=sys.stderr)
        if not a.output or not a.quiet:
            if not a.output:
                _report(ids, docs)
        return 1 if any(d.error for d in docs) and len(docs) == 1 else 0
    except TidingsError as e:
        print(f"tidings: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m tidings [INPUT ...] [-o OUT] [--date DATE]``.

With no INPUT it analyses ``seeds/`` in the current folder and prints a report. INPUT may be
folders of ``.txt`` files, ``.txt`` files, JSONL files with ``id``, ``text`` and an optional
``date`` (``dct`` is accepted too) per line, or ``-`` for JSONL on standard input.
``-o`` writes the results: ``.jsonl`` (one document per line), ``.csv`` or ``.parquet`` (the
documents table in OUT, and each layer beside it as ``OUT-STEM.<layer>.<ext>``: sentences,
entities, dates, quotes (with when each was said: quote_date, quote_date_source) and sections (the
dated pieces of a compilation)). Inputs are read and outputs written one batch at a time, so memory
does not grow with the corpus.

An input that cannot be read (not UTF-8, binary, a malformed JSONL line) becomes a document with
its ``error`` set, naming the file and line; the rest is analysed and written. The exit code is 1
when any document failed (0 with ``--allow-failures``), 2 when the run could not be done.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import __version__
from ._native import parse_date
from .exceptions import InvalidInputError, TidingsError
from .outputs import open_output
from .progress import Progress, default_on
from .stream import DEFAULT_BATCH_SIZE, Item, analyze_batches

_SHOW_FAILURES = 20


def _find_seeds() -> Path | None:
    here = Path.cwd() / "seeds"
    return here if here.is_dir() else None


def _txt_files(folder: Path) -> list[Path]:
    return sorted(f for f in folder.iterdir() if f.suffix == ".txt" and f.is_file())


def check_inputs(paths: list[str]) -> int | None:
    """Raises for an input that does not exist (before anything runs); returns the total size in
    bytes, or None when standard input is read."""
    total: int | None = 0
    if paths.count("-") > 1:
        raise InvalidInputError("[E001] standard input (-) can be read only once")
    for s in paths:
        if s == "-":
            total = None
            continue
        p = Path(s)
        if p.is_dir():
            files = _txt_files(p)
            if not files:
                raise InvalidInputError(f"[E001] folder {p} has no .txt files")
            size = sum(f.stat().st_size for f in files)
        elif p.is_file():
            size = p.stat().st_size
        else:
            raise InvalidInputError(f"[E001] input {p} does not exist")
        total = None if total is None else total + size
    return total


def _decode_error(e: UnicodeDecodeError, unit: str = "file") -> str:
    return f"not UTF-8 text (byte 0x{e.object[e.start]:02x} at byte {e.start} of the {unit})"


def _read_text_file(f: Path) -> Item:
    try:
        data = f.read_bytes()
    except OSError as e:
        return Item(f.stem, "", None, 0, str(f), f"[E003] {f}: cannot read ({e.strerror or e})")
    where = str(f)
    nul = data.find(b"\0")
    if nul >= 0:
        return Item(f.stem, "", None, len(data), where, f"[E001] {f}: binary file, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return Item(f.stem, "", None, len(data), where, f"[E001] {f}: {_decode_error(e)}")
    return Item(f.stem, text, None, len(data), where)


def _read_jsonl(fh, name: str, stem: str) -> Iterator[Item]:
    """One Item per non-blank line of a binary file object, read lazily."""
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        where, fallback_id = f"{name}:{n}", f"{stem}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield Item(fallback_id, "", None, len(raw), where, f"[E001] {where}: {_decode_error(e, 'line')}")
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield Item(fallback_id, "", None, len(raw), where, f"[E001] {where}: not valid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            yield Item(fallback_id, "", None, len(raw), where,
                       f"[E001] {where}: expected a JSON object with 'text', not {type(obj).__name__}")
            continue
        ident = str(obj.get("id", fallback_id)).encode("utf-8", "backslashreplace").decode("utf-8")
        if "text" not in obj:
            yield Item(ident, "", None, len(raw), where, f"[E001] {where}: expected a JSON object with 'text'")
            continue
        yield Item(ident, obj["text"], obj.get("date", obj.get("dct")), len(raw), where)


def read_inputs(paths: list[str]) -> Iterator[Item]:
    """Reads folders of .txt files, .txt files, .jsonl files and - (JSONL on stdin), lazily, in order."""
    for s in paths:
        if s == "-":
            yield from _read_jsonl(sys.stdin.buffer, "<stdin>", "stdin")
            continue
        p = Path(s)
        if p.is_dir():
            for f in _txt_files(p):
                yield _read_text_file(f)
        elif p.suffix in (".jsonl", ".ndjson"):
            try:
                fh = p.open("rb")
            except OSError as e:
                yield Item(p.stem, "", None, 0, str(p), f"[E003] {p}: cannot read ({e.strerror or e})")
                continue
            with fh:
                yield from _read_jsonl(fh, str(p), p.stem)
        else:
            yield _read_text_file(p)


_DOC_INDEX = re.compile(r"^(\[E\d+\] )?document \d+: ")


def errors_of(items: list[Item], docs) -> list[str | None]:
    """Each document's error, naming the file (and line) it came from."""
    out: list[str | None] = []
    for it, d in zip(items, docs, strict=True):
        if it.error is not None:
            out.append(it.error)
        elif d.error:
            msg = d.error
            if it.where:  # "document 3" is the position in its batch: name the input instead
                m = _DOC_INDEX.match(msg)
                code = (m.group(1) or "") if m else ""
                msg = f"{code}{it.where}: {msg[m.end():] if m else msg}"
            out.append(msg)
        else:
            out.append(None)
    return out


def _report(ids: list[str], docs, errors: list[str | None] | None = None, out=sys.stdout) -> None:
    w = out.write
    n = len(docs)
    errors = [d.error for d in docs] if errors is None else errors
    chars = sum(len(d.text) for d in docs)
    w(f"tidings {__version__}: {n} document{'' if n == 1 else 's'}, {chars:,} characters\n\n")
    # each attribute access builds a fresh list of result objects: take every layer once
    layers = {k: [getattr(d, k) for d in docs] for k in ("sentences", "entities", "dates", "quotes", "sections")}
    w("Per layer: " + ", ".join(f"{sum(map(len, v)):,} {k}" for k, v in layers.items()) + "\n")
    for i, e in zip(ids, errors, strict=True):
        if e:
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
    first_quote: dict[str, Any] = {}
    for q in quotes:
        first_quote.setdefault(q.speaker or "(unattributed)", q)
    if not by_speaker:
        w("  (none found)\n")
    for name, n in by_speaker.most_common(15):
        example = first_quote[name]
        snippet = example.text if len(example.text) <= 70 else example.text[:69] + "…"
        when = f" ({example.date.isoformat()}, {example.date_source})" if example.date is not None else ""
        w(f"  {n:>4}  {name}: “{snippet}”{when}\n")

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


def _with_default_date(items: Iterator[Item], date: str | None) -> Iterator[Item]:
    for it in items:
        if it.date is None:
            it.date = date
        yield it


def _summary(docs: int, failed: int, nbytes: int, seconds: float) -> str:
    mb = nbytes / 1e6
    rate = mb / max(seconds, 1e-9)
    return (f"tidings: {docs:,} document{'' if docs == 1 else 's'}, {failed:,} failed, {seconds:.1f} s, "
            f"{mb:,.{1 if mb >= 10 else 2}f} MB at {rate:.2f} MB/s ({docs / max(seconds, 1e-9):,.0f} documents/s)")


def run(a: argparse.Namespace, inputs: list[str]) -> int:
    total = check_inputs(inputs)
    output = open_output(Path(a.output)) if a.output else None  # an unwritable -o fails here, before any work
    shown = not a.quiet and default_on(sys.stderr)
    bar = Progress(total_bytes=total) if shown else None
    started = time.monotonic()
    n_docs = n_failed = n_bytes = 0
    failures: list[str] = []
    ids: list[str] = []
    all_docs: list = []
    all_errors: list[str | None] = []
    try:
        items = _with_default_date(read_inputs(inputs), a.date)
        for batch, docs in analyze_batches(items, a.batch_size, a.threads, progress=bar):
            errors = errors_of(batch, docs)
            if output is not None:
                output.write(batch, docs, errors, n_docs)
            else:  # the report needs the whole corpus
                ids += [it.id for it in batch]
                all_docs += docs
                all_errors += errors
            n_docs += len(batch)
            n_bytes += sum(it.nbytes for it in batch)
            for it, e in zip(batch, errors, strict=True):
                if e:
                    n_failed += 1
                    if len(failures) < _SHOW_FAILURES:
                        failures.append(f"  ! {it.id}: {e}")
        if output is not None:
            written = output.commit()
    except BaseException:
        if output is not None:
            output.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    seconds = time.monotonic() - started
    if output is None:
        _report(ids, all_docs, all_errors)
        sys.stdout.flush()
    if not a.quiet:
        print(_summary(n_docs, n_failed, n_bytes, seconds), file=sys.stderr)
    if failures:
        print(f"tidings: {n_failed:,} of {n_docs:,} documents failed:", file=sys.stderr)
        print("\n".join(failures), file=sys.stderr)
        if n_failed > len(failures):
            where = f" of {a.output}" if a.output else ""
            print(f"  ... and {n_failed - len(failures):,} more (see the error column{where})", file=sys.stderr)
    if output is not None and not a.quiet:
        print("wrote " + ", ".join(map(str, written)), file=sys.stderr)
    return 1 if n_failed and not a.allow_failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*",
                    help="folders of .txt files, .txt files, .jsonl files, or - for JSONL on stdin (default: seeds/)")
    ap.add_argument("-o", "--output",
                    help="write results to a .jsonl, .csv or .parquet file (.csv and .parquet: one file per layer, "
                         "sections included)")
    ap.add_argument("--date", help="document date (YYYY-MM-DD) for documents that have none")
    ap.add_argument("-j", "--threads", type=int, default=None, help="worker threads (default: all cores)")
    ap.add_argument("-b", "--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                    help=f"documents analysed and written at a time (default: {DEFAULT_BATCH_SIZE})")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="no progress bar, summary line or list of written files (failures are still listed)")
    ap.add_argument("--allow-failures", action="store_true",
                    help="exit 0 even when some documents failed (they are still listed and written)")
    ap.add_argument("--version", action="version", version=f"tidings {__version__}")
    a = ap.parse_args(argv)
    if a.batch_size < 1:
        ap.error("--batch-size must be at least 1")
    try:
        if a.date is not None:
            parse_date(a.date)  # a bad --date fails before any input is read
        inputs = a.inputs
        if not inputs:
            seeds = _find_seeds()
            if seeds is None:
                ap.error("no inputs given and no seeds/ folder here; pass folders, .txt or .jsonl files")
            inputs = [str(seeds)]
        return run(a, inputs)
    except TidingsError as e:
        print(f"tidings: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tidings: interrupted; no output written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:  # pragma: no cover - e.g. a folder that became unreadable during the run
        print(f"tidings: [E003] {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

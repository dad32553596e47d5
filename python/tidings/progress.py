"""Progress of a long run on stderr: documents, MB, MB/s and ETA.

A tqdm bar (``tqdm.auto``, so it also draws in Jupyter) when tqdm is installed, else a plain line
every few seconds. It only reports: it never reads the input or changes what a run produces.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

_MB = 1_000_000
INTERVAL = 5.0  # seconds between plain progress lines


def in_notebook() -> bool:
    """True inside a Jupyter (IPython kernel) session."""
    ip = sys.modules.get("IPython")
    if ip is None:
        return False
    try:
        shell = ip.get_ipython()
    except Exception:  # pragma: no cover - IPython half imported
        return False
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


def default_on(stream: TextIO | None = None) -> bool:
    """Progress is shown by default only where someone is watching: a terminal or a notebook."""
    stream = sys.stderr if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty or in_notebook()


def fmt_duration(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Progress:
    """Counts documents and bytes; ``total_bytes`` (or ``total_docs``) gives an ETA when known."""

    def __init__(self, total_bytes: int | None = None, total_docs: int | None = None,
                 stream: TextIO | None = None, interval: float | None = None, use_tqdm: bool = True,
                 desc: str = "tidings"):
        self.stream = sys.stderr if stream is None else stream
        self.docs = self.failed = self.bytes = 0
        self.total_bytes, self.total_docs = total_bytes, total_docs
        self.interval = INTERVAL if interval is None else interval
        self.desc = desc
        self.started = self._last = time.monotonic()
        self._printed = False
        self._bar: Any = None
        if use_tqdm:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                self._by_bytes = total_bytes is not None or total_docs is None
                if self._by_bytes:
                    fmt = "{l_bar}{bar}| {n_fmt}B/{total_fmt}B [{elapsed}<{remaining}, {rate_fmt}{postfix}]"
                    self._bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000,
                                     desc=desc, file=self.stream, dynamic_ncols=True, mininterval=0.5,
                                     bar_format=fmt if total_bytes is not None else None)
                else:
                    self._bar = tqdm(total=total_docs, unit="docs", desc=desc, file=self.stream,
                                     dynamic_ncols=True, mininterval=0.5)

    def update(self, docs: int, nbytes: int, failed: int = 0) -> None:
        self.docs += docs
        self.bytes += nbytes
        self.failed += failed
        if self._bar is not None:
            post = {"docs": f"{self.docs:,}"} if self._by_bytes else {"MB": f"{self.bytes / _MB:.1f}"}
            if self.failed:
                post["failed"] = f"{self.failed:,}"
            self._bar.set_postfix(post, refresh=False)
            self._bar.update(nbytes if self._by_bytes else docs)
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._line(now)

    def _line(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.bytes / elapsed
        line = f"{self.desc}: {self.docs:,} documents, {self.bytes / _MB:,.1f} MB, {rate / _MB:.2f} MB/s"
        if self.failed:
            line += f", {self.failed:,} failed"
        eta = None
        if self.total_bytes and rate > 0:
            eta = max(self.total_bytes - self.bytes, 0) / rate
        elif self.total_docs and self.docs:
            eta = max(self.total_docs - self.docs, 0) * elapsed / self.docs
        if eta is not None:
            line += f", ETA {fmt_duration(eta)}"
        self.stream.write(line + "\n")
        self.stream.flush()
        self._printed = True

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif self._printed:  # a long run ends with its final counts
            self._line(time.monotonic())
            self._printed = False

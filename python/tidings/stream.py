"""Streaming analysis: any iterable of texts in, Documents out in input order, in bounded memory.

Input is read one batch at a time and each batch goes through :func:`tidings.analyze_many`, so at
most one batch of texts and results is held at once. It must never read ahead more than a batch,
nor change what ``analyze_many`` gives for the same texts.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass
from typing import Any

from ._native import Document, Model, analyze_many, load_model
from .exceptions import InvalidInputError
from .progress import Progress, default_on

DEFAULT_BATCH_SIZE = 1000
# A batch also ends once it holds this many characters, so that long documents do not make a batch
# of ``batch_size`` of them too large for memory. Measured through the CLI to Parquet (250 MB of
# PolNeAR articles, 2 threads): a peak of 416 MB at 2 million characters a batch, 450 MB at 3
# million and 465-479 MB at 4 million (the Parquet path holds each layer of a batch as Arrow and as
# pandas at once), while the run took 5-8% longer than at 4 million.
MAX_BATCH_CHARS = 2_000_000


@dataclass
class Item:
    """One input document. ``error`` set means it could not be read; it still gets a Document (empty
    text) so that every input appears in the output, and its error replaces the Document's."""

    id: str
    text: Any
    date: Any = None
    nbytes: int = 0
    where: str | None = None
    error: str | None = None


def _is_one_date(d: Any) -> bool:
    return d is None or isinstance(d, (str, datetime.date))


def _text_bytes(text: Any) -> int:
    if not isinstance(text, str):
        return 0
    return len(text.encode("utf-8", "surrogatepass"))


def _split(obj: Any) -> tuple[Any, Any, Any]:
    """(text, date, id) of one input: a str, a (text, date) pair, or a dict with text/date/id keys."""
    if isinstance(obj, dict):
        date = obj.get("date")
        if date is None:
            date = obj.get("dct")
        return obj.get("text"), date, obj.get("id")
    if isinstance(obj, (tuple, list)) and len(obj) == 2:
        return obj[0], obj[1], None
    return obj, None, None


def items_from(texts: Iterable[Any], dates: Any = None) -> Iterator[Item]:
    """Lazily turns the inputs of :func:`analyze_stream` into Items; a date given with a text wins
    over ``dates``."""
    one_date = _is_one_date(dates)
    date_iter = None if one_date else iter(dates)
    for n, obj in enumerate(texts):
        text, date, ident = _split(obj)
        if date_iter is not None:
            try:
                shared = next(date_iter)
            except StopIteration:
                raise InvalidInputError(
                    f"[E001] dates ran out at text {n}; pass one date per text, one date for all, or None"
                ) from None
        else:
            shared = dates
        if date is None:
            date = shared
        yield Item(str(n) if ident is None else str(ident), text, date, _text_bytes(text))
    if date_iter is not None:
        for _ in date_iter:
            raise InvalidInputError(
                "[E001] more dates than texts; pass one date per text, one date for all, or None")


def batched(items: Iterable[Item], batch_size: int, max_chars: int | None = None) -> Iterator[list[Item]]:
    """Lists of at most ``batch_size`` items and (unless a single item is larger) ``max_chars`` characters."""
    max_chars = MAX_BATCH_CHARS if max_chars is None else max_chars
    batch: list[Item] = []
    chars = 0
    for it in items:
        n = len(it.text) if isinstance(it.text, str) else 0
        if batch and chars + n > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(it)
        chars += n
        if len(batch) >= batch_size:  # out at once: never wait for the next input to end a batch
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _model_once(model: Any) -> Any:
    """A path is loaded once here, not once per batch."""
    if model is None or isinstance(model, Model):
        return model
    if isinstance(model, (str, os.PathLike)):
        return load_model(model)
    return model  # analyze_many raises the TypeError


def check_batch_size(batch_size: Any) -> int:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        raise TypeError(f"[E001] batch_size must be int, not {type(batch_size).__name__}")
    if batch_size < 1:
        raise InvalidInputError(f"[E001] batch_size must be >= 1, not {batch_size}")
    return batch_size


def analyze_batches(items: Iterable[Item], batch_size: int = DEFAULT_BATCH_SIZE, n_threads: int | None = None,
                    model: Any = None, progress: Progress | None = None) -> Iterator[tuple[list[Item], list[Document]]]:
    """Yields ``(items, documents)`` one batch at a time. Items with ``error`` set get an empty
    Document (the caller reports their error)."""
    for batch in batched(items, batch_size):
        texts = ["" if it.error is not None else it.text for it in batch]
        dates = [None if it.error is not None else it.date for it in batch]
        docs = analyze_many(texts, dates, n_threads=n_threads, model=model)
        if progress is not None:
            failed = sum(1 for it, d in zip(batch, docs, strict=True) if it.error is not None or d.error)
            progress.update(len(batch), sum(it.nbytes for it in batch), failed)
        yield batch, docs


def analyze_stream(texts: Iterable[Any], dates: Any = None, batch_size: int = DEFAULT_BATCH_SIZE,
                   n_threads: int | None = None, progress: bool | None = None, model: Any = None,
                   with_ids: bool = False) -> Iterator[Any]:
    """Analyse any iterable of texts lazily; yields one Document per input, in input order.

    ``texts`` holds str, ``(text, date)`` pairs, or dicts with ``text`` and optional ``date`` and
    ``id`` keys; it may be a generator of any length. ``dates`` is None, one date for all, or an
    iterable with one date per text (a date given with the text wins). Texts are analysed
    ``batch_size`` at a time with :func:`tidings.analyze_many` (parallel, ``n_threads``), so memory
    holds one batch, not the corpus. Unusable inputs give Documents with ``error`` set, as in
    ``analyze_many``. ``progress`` shows documents, MB, MB/s and ETA on stderr (tqdm when
    installed); the default is on only when stderr is a terminal or in a notebook.
    ``with_ids=True`` yields ``(id, Document)`` pairs, the id from the dict or the input position.
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError("[E001] texts must be an iterable of str, not a single str; use analyze(text) for one text")
    if not isinstance(texts, Iterable):
        raise TypeError(f"[E001] texts must be an iterable of str, not {type(texts).__name__}")
    if not _is_one_date(dates) and not isinstance(dates, Iterable):
        raise TypeError(f"[E001] dates must be None, one date, or an iterable of dates, not {type(dates).__name__}")
    batch_size = check_batch_size(batch_size)
    model = _model_once(model)
    analyze_many([], n_threads=n_threads, model=model)  # argument errors now, not at the first next()
    show = default_on() if progress is None else bool(progress)
    total = len(texts) if show and isinstance(texts, Sized) else None
    return _generate(texts, dates, batch_size, n_threads, model, show, total, with_ids)


def _generate(texts, dates, batch_size, n_threads, model, show, total, with_ids):
    bar = Progress(total_docs=total) if show else None
    try:
        for batch, docs in analyze_batches(items_from(texts, dates), batch_size, n_threads, model, bar):
            if with_ids:
                yield from zip([it.id for it in batch], docs, strict=True)
            else:
                yield from docs
    finally:
        if bar is not None:
            bar.close()

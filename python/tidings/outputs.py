"""Output files of the command line, written one batch at a time and replaced atomically.

Each output goes to a temporary file in the target's folder and is moved over the target with
``os.replace`` only when the whole run is done, so a target is never left half written. This
module must never hold more than the batch it is given.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ._native import _schema, table
from .exceptions import InvalidInputError, TidingsError, TidingsIOError
from .frames import LAYERS, to_arrow

#: The columns holding a time of day (not a bare date), written in one format in every batch.
_CSV_TIMES = tuple(dict.fromkeys(c for layer in LAYERS for c, kind, *_ in _schema(layer) if kind == "time"))


def _need(module: str, what: str, extra: str) -> Any:
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as e:
        raise TidingsError(f"[E001] {what} needs {module.split('.')[0]}: pip install \"tidings[{extra}]\"") from e


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _Target:
    """One output file: a temporary file beside ``path`` until :meth:`commit`."""

    def __init__(self, path: Path, mode: int):
        self.path = path
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.fchmod(fd, mode)
        except OSError as e:
            raise TidingsIOError(f"[E003] cannot write {path}: {e.strerror or e}") from e
        os.close(fd)
        self.tmp = Path(tmp)

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.tmp.unlink()
        except OSError:
            pass


class Output:
    """Writes batches of ``(items, docs, errors)``; ``commit`` moves every file into place."""

    def __init__(self, out: Path, names: list[Path]):
        self.out = out
        if out.is_dir():
            raise TidingsIOError(f"[E003] cannot write {out}: it is a folder")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError as e:
            raise TidingsIOError(f"[E003] cannot write {out}: {e.filename} is a file, not a folder") from e
        except OSError as e:
            raise TidingsIOError(f"[E003] cannot write {out}: {e.strerror or e}") from e
        mode = 0o666 & ~_umask()
        self.targets: list[_Target] = []
        try:
            for p in names:
                self.targets.append(_Target(p, mode))
            self.open()
        except BaseException:
            self.abort()
            raise

    def open(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _write(self, items, docs, errors, offset: int) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def write(self, items, docs, errors, offset: int) -> None:
        """``offset`` is the number of documents written before this batch (the ``doc`` column)."""
        try:
            self._write(items, docs, errors, offset)
        except OSError as e:
            raise TidingsIOError(f"[E003] cannot write {self.out}: {e.strerror or e}") from e

    def commit(self) -> list[Path]:
        try:
            self.close()
            for t in self.targets:
                t.commit()
        except OSError as e:
            self.abort()
            raise TidingsIOError(f"[E003] cannot write {self.out}: {e.strerror or e}") from e
        return [t.path for t in self.targets]

    def abort(self) -> None:
        try:
            self.close()
        except Exception:
            pass
        for t in self.targets:
            t.abort()


class JsonlOutput(Output):
    def open(self) -> None:
        self.fh = self.targets[0].tmp.open("w", encoding="utf-8")

    def _write(self, items, docs, errors, offset: int) -> None:
        lines = []
        for it, d, e in zip(items, docs, errors, strict=True):
            rec = {"id": it.id, **d.to_dict()}
            rec["error"] = e
            lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
        self.fh.write("".join(lines))
        self.fh.flush()

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.close()


def _layer_path(out: Path, layer: str) -> Path:
    return out if layer == "documents" else out.with_name(f"{out.stem}.{layer}{out.suffix}")


class ParquetOutput(Output):
    """One Parquet file per layer, a row group per batch, in the schema of ``frames()`` (so that
    ``pandas.read_parquet`` gives the same dtypes as every other path)."""

    def open(self) -> None:
        self.pa = _need("pyarrow", "writing Parquet", "arrow")
        self.pd = _need("pandas", "writing Parquet", "pandas,arrow")
        pq = _need("pyarrow.parquet", "writing Parquet", "arrow")
        self.writers = {}
        self.schemas = {}
        for layer, t in zip(LAYERS, self.targets, strict=True):
            self.schemas[layer] = to_arrow(table([], layer)).schema
            self.writers[layer] = pq.ParquetWriter(t.tmp, self.schemas[layer])

    def _write(self, items, docs, errors, offset: int) -> None:
        ids = [it.id for it in items]
        for layer, w in self.writers.items():
            df = table(docs, layer, ids).to_pandas()
            df["doc"] += offset
            if layer == "documents":
                df["error"] = self.pd.array(errors, dtype=df["error"].dtype)
            if len(df):
                t = self.pa.Table.from_pandas(df, schema=self.schemas[layer], preserve_index=False)
                w.write_table(t, row_group_size=t.num_rows)  # one row group per batch

    def close(self) -> None:
        for w in getattr(self, "writers", {}).values():
            if w.is_open:
                w.close()


class CsvOutput(Output):
    def open(self) -> None:
        _need("pandas", "writing CSV", "pandas")
        self.files = {}
        for layer, t in zip(LAYERS, self.targets, strict=True):
            fh = t.tmp.open("w", encoding="utf-8", newline="")
            self.files[layer] = fh
            self._frame(table([], layer)).to_csv(fh, index=False)  # the header, even for no documents

    @staticmethod
    def _frame(t):
        df = t.to_pandas()
        for col in _CSV_TIMES:  # one format in every batch, whatever times a batch happens to hold
            if col in df.columns:
                df[col] = df[col].dt.strftime("%Y-%m-%d %H:%M:%S")
        return df

    def _write(self, items, docs, errors, offset: int) -> None:
        ids = [it.id for it in items]
        for layer, fh in self.files.items():
            df = self._frame(table(docs, layer, ids))
            df["doc"] += offset
            if layer == "documents":
                df["error"] = errors
            df.to_csv(fh, index=False, header=False)

    def close(self) -> None:
        for fh in getattr(self, "files", {}).values():
            if not fh.closed:
                fh.close()


def open_output(out: Path) -> Output:
    """The writer for ``out`` by its extension; its files are created now, so an unwritable target
    fails before any work is done."""
    ext = out.suffix.lower()
    if ext in (".jsonl", ".ndjson"):
        return JsonlOutput(out, [out])
    if ext == ".parquet":
        _need("pyarrow.parquet", "writing Parquet", "arrow")
        return ParquetOutput(out, [_layer_path(out, layer) for layer in LAYERS])
    if ext == ".csv":
        _need("pandas", "writing CSV", "pandas")
        return CsvOutput(out, [_layer_path(out, layer) for layer in LAYERS])
    raise InvalidInputError(f"[E001] cannot write {out}: use a .jsonl, .csv or .parquet file name")

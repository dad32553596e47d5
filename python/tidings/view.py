"""The article view: a Document as HTML with its entities, dates and quotes marked; Tables as HTML tables.

Never emits a piece of the text, a label or a value without HTML-escaping it, and never emits script.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._native import Document, Table

DEFAULT_LAYERS = ("entities", "dates", "quotes")
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")

# Colours are CSS variables so a dark theme only swaps the palette; text keeps the notebook's colour and
# highlights are translucent, so either palette stays readable on either background.
_CSS = """<style>
.tdg{--tdg-PER:#7048e8;--tdg-ORG:#1098ad;--tdg-LOC:#e67700;--tdg-MISC:#868e96;--tdg-DATE:#2b8a3e;
--tdg-QUOTE:#c2255c;--tdg-SPEAKER:#c2255c;--tdg-CUE:#5c7cfa;--tdg-chip-fg:#fff;--tdg-muted:rgba(127,127,127,.9);
font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;color:inherit}
@media (prefers-color-scheme:dark){.tdg{--tdg-PER:#b197fc;--tdg-ORG:#66d9e8;--tdg-LOC:#ffc078;--tdg-MISC:#ced4da;
--tdg-DATE:#8ce99a;--tdg-QUOTE:#faa2c1;--tdg-SPEAKER:#faa2c1;--tdg-CUE:#91a7ff;--tdg-chip-fg:#111}}
[data-jp-theme-light="false"] .tdg,.vscode-dark .tdg,[data-theme="dark"] .tdg,.tdg.tdg-dark{--tdg-PER:#b197fc;
--tdg-ORG:#66d9e8;--tdg-LOC:#ffc078;--tdg-MISC:#ced4da;--tdg-DATE:#8ce99a;--tdg-QUOTE:#faa2c1;--tdg-SPEAKER:#faa2c1;
--tdg-CUE:#91a7ff;--tdg-chip-fg:#111}
.tdg-text{line-height:2.3;white-space:pre-wrap;max-width:60em}
.tdg mark{color:inherit;background:color-mix(in srgb,var(--c) 16%,transparent);border-bottom:2px solid var(--c);
padding:0.1em 0.2em;border-radius:0.25em}
.tdg-chip{display:inline-block;font-size:0.68em;font-weight:600;line-height:1.5;padding:0 0.45em;margin:0 0.25em;
border-radius:0.8em;background:var(--c);color:var(--tdg-chip-fg);vertical-align:0.15em;white-space:nowrap;
font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.tdg-quote{background:color-mix(in srgb,var(--tdg-QUOTE) 7%,transparent);border-bottom:2px dashed var(--tdg-QUOTE);
--c:var(--tdg-QUOTE)}
.tdg-speaker{outline:2px solid var(--tdg-SPEAKER);outline-offset:1px;border-radius:0.25em;--c:var(--tdg-SPEAKER)}
.tdg-cue{border-bottom:2px dotted var(--tdg-CUE);--c:var(--tdg-CUE);font-style:italic}
.tdg-legend,.tdg-meta{margin:0.2em 0 0.6em 0;color:var(--tdg-muted);font-size:0.9em}
.tdg-legend .tdg-chip{margin-left:0}
.tdg details{margin-top:0.8em}
.tdg summary{cursor:pointer;color:var(--tdg-muted)}
.tdg table{border-collapse:collapse;font-size:0.9em;margin:0.4em 0}
.tdg th,.tdg td{border-bottom:1px solid rgba(127,127,127,.3);padding:0.2em 0.6em;text-align:left;vertical-align:top;
white-space:nowrap}
.tdg td.tdg-long{white-space:normal;min-width:18em}
.tdg caption{text-align:left;color:var(--tdg-muted);padding-bottom:0.3em}
.tdg-cols{display:flex;flex-wrap:wrap;gap:2em}
</style>"""


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _chip(text: str, colour: str) -> str:
    return f'<span class="tdg-chip" style="--c:var(--tdg-{colour})">{_e(text)}</span>'


@dataclass
class _Span:
    start: int
    end: int
    rank: int  # equal ranges: the lower rank is the outer element
    tag: str  # opening tag
    close: str  # closing tag
    chip_before: str = ""  # shown at the start of the first piece
    chip_after: str = ""  # shown at the end of the last piece
    labels: list[str] = field(default_factory=list)


def _spans(doc: Document, layers: Sequence[str]) -> list[_Span]:
    spans: list[_Span] = []
    if "quotes" in layers:
        roles: dict[tuple[int, int, str], _Span] = {}
        for q in doc.quotes:
            n = f"Q{q.group + 1}"
            who = q.speaker or "no speaker"
            title = f"{q.kind} quote" + (f" — {q.speaker}" if q.speaker else "")
            spans.append(_Span(q.start, q.end, 0, f'<span class="tdg-quote" title="{_e(title)}">', "</span>",
                               chip_before=_chip(f"{n} · {who}", "QUOTE")))
            for s, e, role in ((q.speaker_start, q.speaker_end, "speaker"), (q.cue_start, q.cue_end, "cue")):
                if s is None or e is None:
                    continue
                span = roles.get((s, e, role))
                if span is None:
                    span = roles[(s, e, role)] = _Span(s, e, 1 if role == "speaker" else 3,
                                                       f'<span class="tdg-{role}">', "</span>")
                    spans.append(span)
                if n not in span.labels:
                    span.labels.append(n)
        for (_, _, role), span in roles.items():
            span.chip_after = _chip(f"{role} {', '.join(span.labels)}", role.upper())
    if "entities" in layers:
        for ent in doc.entities:
            label = ent.label if ent.label in ENTITY_LABELS else "MISC"
            title = f' title="{_e(ent.canonical)}"' if ent.canonical and ent.canonical != ent.text else ""
            spans.append(_Span(ent.start, ent.end, 2, f'<mark class="tdg-ent" style="--c:var(--tdg-{label})"{title}>',
                               "</mark>", chip_after=_chip(ent.label, label)))
    if "dates" in layers:
        for t in doc.dates:
            value = f"{t.type} {t.value}" + (f" {t.mod}" if t.mod else "")
            spans.append(_Span(t.start, t.end, 4, '<mark class="tdg-date" style="--c:var(--tdg-DATE)">', "</mark>",
                               chip_after=_chip(value, "DATE")))
    return [s for s in spans if s.start < s.end]


def _render(text: str, spans: list[_Span], lo: int, hi: int) -> str:
    """text[lo:hi] with the spans inside it as well-nested elements: a span that crosses another is
    closed and reopened around it, its chips shown once."""
    parts = [(max(s.start, lo), min(s.end, hi), s) for s in spans if s.start < hi and s.end > lo]
    parts.sort(key=lambda p: (p[0], -p[1], p[2].rank))
    starts: dict[int, list[tuple[int, int, _Span]]] = {}
    for p in parts:
        starts.setdefault(p[0], []).append(p)
    cuts = sorted({lo, hi, *(p[0] for p in parts), *(p[1] for p in parts)})
    out: list[str] = []
    active: list[tuple[int, int, _Span]] = []
    prev = lo
    for pos in cuts:
        if pos > prev:
            out.append(_e(text[prev:pos]))
            prev = pos
        ending = [k for k, p in enumerate(active) if p[1] == pos]
        if ending:
            k = min(ending)
            reopen = [p for p in active[k:] if p[1] != pos]
            for p in reversed(active[k:]):
                if p[1] == pos and p[1] == p[2].end:
                    out.append(p[2].chip_after)
                out.append(p[2].close)
            del active[k:]
            for p in reopen:
                out.append(p[2].tag)
                active.append(p)
        for p in starts.get(pos, []):
            out.append(p[2].tag)
            if p[0] == p[2].start:
                out.append(p[2].chip_before)
            active.append(p)
    return "".join(out)


def _fold_at(doc: Document, spans: list[_Span], limit: int) -> int | None:
    """Where to fold a long text: the first sentence end after ``limit`` characters outside every span."""
    n = len(doc.text)
    if limit is None or n <= limit:
        return None
    ends = sorted({s.end for s in doc.sentences if s.end >= limit} | {n})
    for pos in ends:
        if pos >= n:
            return None
        if not any(s.start < pos < s.end for s in spans):
            return pos
    return None


@dataclass
class HTML:
    """Rendered HTML: shown by Jupyter (``_repr_html_``), its source in ``.html``."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<tidings HTML, {len(self.html):,} characters>"

    def save(self, path: Any) -> None:
        """A standalone HTML page."""
        page = f'<!doctype html><html><head><meta charset="utf-8"></head><body>{self.html}</body></html>'
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page)


def _legend(layers: Sequence[str]) -> str:
    chips = []
    if "entities" in layers:
        chips += [_chip(x, x) for x in ENTITY_LABELS]
    if "dates" in layers:
        chips.append(_chip("DATE / TIME value", "DATE"))
    if "quotes" in layers:
        chips += [_chip("Q · speaker: quotation", "QUOTE"), _chip("speaker mention", "SPEAKER"), _chip("cue", "CUE")]
    return '<div class="tdg-legend">' + " ".join(chips) + "</div>"


def render_html(doc: Document, layers: Iterable[str] = DEFAULT_LAYERS, limit: int | None = 3000) -> str:
    """The article view of ``doc`` as an HTML string (what ``Document._repr_html_`` shows).

    ``layers``: any of ``"entities"``, ``"dates"``, ``"quotes"``. Texts longer than ``limit``
    characters are folded after the first sentence end past it, the rest behind "show all".
    """
    layers = (layers,) if isinstance(layers, str) else tuple(layers)
    unknown = [x for x in layers if x not in DEFAULT_LAYERS]
    if unknown:
        from .exceptions import InvalidInputError

        raise InvalidInputError(f"[E001] unknown layer {unknown[0]!r}; choose from {', '.join(DEFAULT_LAYERS)}")
    text = doc.text
    spans = _spans(doc, layers)
    meta = []
    if doc.date is not None:
        meta.append(f"document date {_e(doc.date.isoformat())} ({_e(doc.date_source)})")
    else:
        meta.append("no document date")
    for layer in layers:
        meta.append(f"{len(getattr(doc, layer))} {layer}")
    sections = doc.sections
    if sections:  # a compilation: each piece's date is what its relative dates count from
        meta.append(f"{len(sections)} sections (" + ", ".join(
            "no date" if s.date is None else s.date.isoformat() for s in sections) + ")")
    if doc.error:
        meta.append(f"error: {_e(doc.error)}")
    cut = _fold_at(doc, spans, limit) if limit is not None else None
    body = _render(text, spans, 0, cut if cut is not None else len(text))
    if cut is not None:
        rest = _render(text, spans, cut, len(text))
        body += (f"<details><summary>show all ({len(text) - cut:,} more characters)</summary>{rest}</details>")
    return (f'{_CSS}<div class="tdg tidings">{_legend(layers)}<div class="tdg-meta">{" · ".join(meta)}</div>'
            f'<div class="tdg-text">{body}</div></div>')


def _cell(v: Any) -> str:
    if v is None:
        return ""
    try:
        import pandas as pd

        if not isinstance(v, (list, tuple)) and pd.isna(v):
            return ""
    except (ImportError, TypeError, ValueError):
        pass
    if isinstance(v, (list, tuple)):
        return _e(", ".join(map(str, v)))
    if isinstance(v, datetime.datetime) and v.time() == datetime.time(0) and v.tzinfo is None:
        return _e(v.date().isoformat())  # a pandas Timestamp of a day
    return _e(v)


_LONG = ' class="tdg-long"'


def _table(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str, more: int = 0) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td{_LONG if isinstance(v, str) and len(v) > 30 else ''}>{_cell(v)}</td>"
                                    for v in r) + "</tr>" for r in rows)
    foot = f'<tr><td colspan="{len(columns)}">… {more:,} more rows</td></tr>' if more > 0 else ""
    return f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}{foot}</tbody></table>"


def table_html(t: Table, max_rows: int = 20) -> str:
    """A ``Table`` as an HTML table: its first ``max_rows`` rows (long text cut to 120 characters)."""
    try:
        import pyarrow as pa

        cols = pa.table(t).slice(0, max_rows).to_pydict()
    except ImportError:  # the slow path
        cols = {k: v[:max_rows] for k, v in t.to_pydict().items()}
    names = t.column_names
    n = min(max_rows, t.num_rows)
    rows = [[_clip(cols[c][i]) for c in names] for i in range(n)]
    caption = f"tidings.Table: {t.layer}, {t.num_rows:,} rows × {len(names)} columns"
    return f'{_CSS}<div class="tdg tidings">{_table(names, rows, caption, t.num_rows - n)}</div>'


def _clip(v: Any, n: int = 120) -> Any:
    return v[: n - 1] + "…" if isinstance(v, str) and len(v) > n else v


def frame_html(df: Any, caption: str, max_rows: int = 10) -> str:
    """A DataFrame as a small escaped HTML table with a caption."""
    n = min(max_rows, len(df))
    rows = [[_clip(v) for v in r] for r in df.head(n).itertuples(index=False)]
    return _table([str(c) for c in df.columns], rows, caption, len(df) - n)


def corpus_html(c: Any, max_rows: int = 10) -> str:
    """The summary of a :class:`tidings.Corpus`: sizes, top entities, quotes by speaker, who talks about whom."""
    sizes = " · ".join(f"{len(v):,} {k}" for k, v in c.items())
    parts = [frame_html(c.top_entities(None), "most mentioned entities", max_rows),
             frame_html(c.quotes_by_speaker(), "quotes by speaker", max_rows),
             frame_html(c.speaker_network(), "who talks about whom (speaker → named in their quotes)", max_rows)]
    return (f'{_CSS}<div class="tdg tidings"><div class="tdg-meta">tidings.Corpus: {_e(sizes)}</div>'
            f'<div class="tdg-cols">{"".join(parts)}</div></div>')


def display(obj: Any, layers: Iterable[str] = DEFAULT_LAYERS, limit: int | None = 3000) -> HTML:
    """The view of a Document (entities, dates and quotes marked, long texts folded after ``limit``
    characters), a Table or a Corpus, as an object Jupyter shows as HTML."""
    if isinstance(obj, Document):
        return HTML(render_html(obj, layers, limit))
    if isinstance(obj, Table):
        return HTML(table_html(obj))
    if hasattr(obj, "top_entities") and hasattr(obj, "speaker_network"):
        return HTML(corpus_html(obj))
    raise TypeError(f"display() takes a Document, Table or Corpus, not {type(obj).__name__}")

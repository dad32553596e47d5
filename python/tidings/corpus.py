"""Corpus views of a batch: who is mentioned, who said what when, who talks with and about whom.

Every view is a pandas function of the layer DataFrames (from :func:`tidings.frames` or
:func:`tidings.analyze_frame`), so it works on any batch whatever its index; :class:`Corpus` bundles
the layers with the views, networkx graphs (when installed) and matplotlib plots (when installed).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .frames import LAYERS, _pandas, dtype_of, frames

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._native import Document


def _empty(columns: dict[str, Any]) -> pd.DataFrame:
    pd = _pandas()
    return pd.DataFrame({k: pd.Series(dtype=v) for k, v in columns.items()})


def _str_dtype() -> Any:
    return dtype_of("text")


def top_entities(entities: pd.DataFrame, n: int | None = None, label: str | None = None) -> pd.DataFrame:
    """Entities by canonical name and label: ``mentions`` and ``documents``, most mentioned first."""
    if label is not None:
        entities = entities[entities["label"] == label]
    if entities.empty:
        return _empty({"canonical": _str_dtype(), "label": dtype_of("label"), "mentions": "int64",
                       "documents": "int64"})
    out = (entities.groupby(["canonical", "label"], sort=False, observed=True)
           .agg(mentions=("doc", "size"), documents=("doc", "nunique"))
           .reset_index()
           .sort_values(["mentions", "documents", "canonical"], ascending=[False, False, True], kind="stable")
           .reset_index(drop=True))
    return out if n is None else out.head(n)


_SAID = ("quote_date", "quote_date_start", "quote_date_end", "quote_date_source")


def _with_said_dates(quotes: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``quotes[columns]`` with the four columns of :func:`said_dates` in place of the layer's own (set
    by position: a batch from ``analyze_frame`` repeats index labels)."""
    when = said_dates(quotes)
    out = quotes[[c for c in columns if c not in _SAID]].copy()
    for c in _SAID:
        out[c] = when[c].array
    return out


def said_dates(quotes: pd.DataFrame) -> pd.DataFrame:
    """When each quote was said, as the corpus views use it: ``quote_date``, ``quote_date_start``,
    ``quote_date_end`` and ``quote_date_source`` of the quotes layer, and where a quote has no date of
    its own (no ``quote_date_start``) its document's ``date`` with the source ``"document"``. Same index
    as ``quotes``."""
    own = quotes["quote_date_start"].notna()
    doc_date = quotes["date"].where(~own)
    source = quotes["quote_date_source"].copy()
    source[~own & quotes["date"].notna()] = "document"
    return _pandas().DataFrame({  # arrays: the index may repeat labels, so nothing is aligned on it
        "quote_date": quotes["quote_date"].where(own, doc_date).array,
        "quote_date_start": quotes["quote_date_start"].where(own, doc_date).array,
        "quote_date_end": quotes["quote_date_end"].where(own, doc_date).array,
        "quote_date_source": source.array,
    }, index=quotes.index)


def quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """Attributed quotes by speaker: ``quotes``, ``documents``, ``first_date`` and ``last_date`` (the first
    and last day they were said: each quote's own date, its document's date where it has none; see
    :func:`said_dates`) and ``first_date_source``, ``last_date_source`` (where those two dates come from:
    ``said``, ``section``, ``story`` or ``document``)."""
    quotes = quotes[quotes["speaker"].notna()] if not quotes.empty else quotes
    if quotes.empty:
        return _empty({"speaker": _str_dtype(), "quotes": "int64", "documents": "int64",
                       "first_date": dtype_of("date"), "last_date": dtype_of("date"),
                       "first_date_source": dtype_of("quote_date_source"),
                       "last_date_source": dtype_of("quote_date_source")})
    q = _with_said_dates(quotes, ["speaker", "doc", "start"])
    out = (q.groupby("speaker", sort=False, observed=True)
           .agg(quotes=("doc", "size"), documents=("doc", "nunique"), first_date=("quote_date_start", "min"),
                last_date=("quote_date_end", "max"))
           .reset_index())
    # the source of the quote that gives each speaker's first (last) date; ties go to the earlier in the text
    first = (q[q["quote_date_start"].notna()].sort_values(["quote_date_start", "doc", "start"], kind="stable")
             .groupby("speaker", sort=False, observed=True)["quote_date_source"].first())
    last = (q[q["quote_date_end"].notna()].sort_values(["quote_date_end", "doc", "start"], kind="stable")
            .groupby("speaker", sort=False, observed=True)["quote_date_source"].last())
    src = dtype_of("quote_date_source")
    out["first_date_source"] = out["speaker"].map(first).astype(src)
    out["last_date_source"] = out["speaker"].map(last).astype(src)
    return (out.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")
            .reset_index(drop=True))


def said(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who said what when: one row per quote (``id``, ``date`` (the document's), ``quote_date``,
    ``quote_date_start``, ``quote_date_end``, ``quote_date_source`` (when it was said, as
    :func:`said_dates` gives it), ``speaker``, ``speaker_text``, ``cue``, ``kind``, ``text``), in the
    order they were said (then document and offset); the index is the quote rows' index."""
    cols = ["id", "date", "quote_date", "quote_date_start", "quote_date_end", "quote_date_source", "speaker",
            "speaker_text", "cue", "kind", "text"]
    q = _with_said_dates(quotes, [*cols, "doc", "start"])
    return q.sort_values(["quote_date_start", "quote_date_end", "doc", "start"], kind="stable")[cols]


def _sentence_entities(entities: pd.DataFrame) -> dict[tuple[int, int], list[str]]:
    e = entities[entities["sentence"].notna()]
    out: dict[tuple[int, int], list[str]] = {}
    for doc, sent, name in zip(e["doc"].tolist(), e["sentence"].tolist(), e["canonical"].tolist(), strict=True):
        names = out.setdefault((doc, sent), [])
        if name not in names:
            names.append(name)
    return out


def timeline(dates: pd.DataFrame, quotes: pd.DataFrame, entities: pd.DataFrame,
             sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The order of events: one row per resolved date mention and per dated quote, earliest first.

    Columns: ``kind`` (``date`` or ``quote``), ``id``, ``doc``, ``sentence``, ``interval_start``,
    ``interval_end`` (the interval a date denotes; for a quote, the days it was said, from
    :func:`said_dates`: its own date, else its document's), ``value`` (TIMEX3 value; for a quote the day
    it was said, ``YYYY-MM-DD``, or ``YYYY-MM-DD/YYYY-MM-DD`` when only the span of days is known),
    ``text`` (the date expression or the quotation), ``speaker`` and ``quote_date_source`` (quotes:
    ``said``, ``section``, ``story`` or ``document``), ``entities`` (canonical names of the entities in
    that sentence) and, when ``sentences`` is given, ``sentence_text``. The index is the index of the
    source rows.
    """
    pd = _pandas()
    d = dates[dates["interval_start"].notna()]
    rows_d = pd.DataFrame({
        "kind": "date", "id": d["id"], "doc": d["doc"], "sentence": d["sentence"],
        "interval_start": d["interval_start"], "interval_end": d["interval_end"],
        "value": d["value"].astype(object), "text": d["text"], "speaker": None, "quote_date_source": None,
        "start": d["start"],
    }, index=d.index)
    when = said_dates(quotes)
    dated = (when["quote_date_start"].notna() & when["quote_date_end"].notna()).to_numpy(dtype=bool)
    when, q = when[dated], quotes[dated]
    day = when["quote_date"].dt.strftime("%Y-%m-%d")
    span = when["quote_date_start"].dt.strftime("%Y-%m-%d") + "/" + when["quote_date_end"].dt.strftime("%Y-%m-%d")
    rows_q = pd.DataFrame({
        "kind": "quote", "id": q["id"], "doc": q["doc"], "sentence": q["sentence"],
        "interval_start": when["quote_date_start"].array,
        "interval_end": (when["quote_date_end"] + pd.Timedelta(days=1)).array,
        "value": day.where(when["quote_date"].notna(), span).astype(object).array, "text": q["text"],
        "speaker": q["speaker"].astype(object), "quote_date_source": when["quote_date_source"].astype(object).array,
        "start": q["start"],
    }, index=q.index)
    parts = [p for p in (rows_d, rows_q) if not p.empty]
    if not parts:
        out = rows_d.iloc[0:0].copy()
    else:
        out = pd.concat(parts) if len(parts) > 1 else parts[0].copy()
    out = out.sort_values(["interval_start", "interval_end", "doc", "start"], kind="stable")
    names = _sentence_entities(entities)
    out["entities"] = [
        list(names.get((doc, sent), [])) if not pd.isna(sent) else []
        for doc, sent in zip(out["doc"].tolist(), out["sentence"].tolist(), strict=True)
    ]
    if sentences is not None:
        st = dict(zip(zip(sentences["doc"].tolist(), sentences["sentence"].tolist(), strict=True),
                      sentences["text"].tolist(), strict=True))
        out["sentence_text"] = [st.get((doc, sent)) if not pd.isna(sent) else None
                                for doc, sent in zip(out["doc"].tolist(), out["sentence"].tolist(), strict=True)]
    out["kind"] = out["kind"].astype(pd.CategoricalDtype(["date", "quote"]))
    for c in ("value", "text", "speaker"):
        out[c] = out[c].astype(_str_dtype())
    out["quote_date_source"] = out["quote_date_source"].astype(dtype_of("quote_date_source"))
    out["sentence"] = out["sentence"].astype("Int64")
    out["doc"] = out["doc"].astype("int64")
    for c in ("interval_start", "interval_end"):
        out[c] = out[c].astype(dtype_of(c))
    return out.drop(columns="start")


def cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Who appears with whom: pairs of entities (canonical name and label) named in the same sentence.

    Columns ``source``, ``source_label``, ``target``, ``target_label``, ``sentences`` (how many sentences
    name both) and ``documents``; a pair is listed once, its two names in alphabetical order.
    """
    cols = {"source": _str_dtype(), "source_label": dtype_of("label"), "target": _str_dtype(),
            "target_label": dtype_of("label"), "sentences": "int64", "documents": "int64"}
    e = entities[entities["sentence"].notna()]
    if e.empty:
        return _empty(cols)
    e = e[["doc", "sentence", "canonical", "label"]].drop_duplicates()
    pairs = e.merge(e, on=["doc", "sentence"], suffixes=("_a", "_b"))
    ca, cb = pairs["canonical_a"].astype(str), pairs["canonical_b"].astype(str)
    la, lb = pairs["label_a"].astype(str), pairs["label_b"].astype(str)
    pairs = pairs[((ca < cb) | ((ca == cb) & (la < lb))).to_numpy(dtype=bool)]
    if pairs.empty:
        return _empty(cols)
    out = (pairs.groupby(["canonical_a", "label_a", "canonical_b", "label_b"], sort=False, observed=True)
           .agg(sentences=("doc", "size"), documents=("doc", "nunique"))
           .reset_index()
           .rename(columns={"canonical_a": "source", "label_a": "source_label", "canonical_b": "target",
                            "label_b": "target_label"})
           .sort_values(["sentences", "documents", "source", "target"], ascending=[False, False, True, True],
                        kind="stable")
           .reset_index(drop=True))
    return out


def speaker_network(quotes: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Who talks about whom: each speaker and the entities named inside their quotations.

    Columns ``speaker``, ``mentioned`` (canonical name), ``label``, ``mentions``, ``quotes`` (quotations,
    pieces of one quotation counted once) and ``documents``. A speaker naming themselves is left out.
    """
    cols = {"speaker": _str_dtype(), "mentioned": _str_dtype(), "label": dtype_of("label"),
            "mentions": "int64", "quotes": "int64", "documents": "int64"}
    q = quotes[quotes["speaker"].notna()][["doc", "group", "start", "end", "speaker"]]
    if q.empty or entities.empty:
        return _empty(cols)
    e = entities[["doc", "start", "end", "canonical", "label"]]
    m = q.merge(e, on="doc", suffixes=("_q", "_e"))
    m = m[(m["start_e"] >= m["start_q"]) & (m["end_e"] <= m["end_q"])
          & (m["canonical"].astype(str) != m["speaker"].astype(str))]
    if m.empty:
        return _empty(cols)
    m = m.assign(quote=m["doc"].astype(str) + ":" + m["group"].astype(str))
    return (m.groupby(["speaker", "canonical", "label"], sort=False, observed=True)
            .agg(mentions=("doc", "size"), quotes=("quote", "nunique"), documents=("doc", "nunique"))
            .reset_index()
            .rename(columns={"canonical": "mentioned"})
            .sort_values(["mentions", "quotes", "speaker", "mentioned"], ascending=[False, False, True, True],
                         kind="stable")
            .reset_index(drop=True))


def _networkx():
    try:
        import networkx
    except ImportError as e:
        raise ImportError('graphs need networkx: pip install "tidings[graph]"') from e
    return networkx


def cooccurrence_graph(edges: pd.DataFrame) -> Any:
    """An undirected networkx graph of :func:`cooccurrence` with one node per name: edges carry ``weight``
    (sentences naming both; summed when a name has several labels), nodes their commonest ``label``."""
    nx = _networkx()
    g = nx.Graph()
    labels: dict[str, dict[str, int]] = {}
    for r in edges.itertuples(index=False):
        for name, label in ((r.source, r.source_label), (r.target, r.target_label)):
            counts = labels.setdefault(name, {})
            counts[str(label)] = counts.get(str(label), 0) + int(r.sentences)
        if r.source == r.target:
            continue
        if g.has_edge(r.source, r.target):
            g[r.source][r.target]["weight"] += int(r.sentences)
        else:
            g.add_edge(r.source, r.target, weight=int(r.sentences))
    for name, counts in labels.items():
        g.add_node(name, label=max(sorted(counts), key=counts.__getitem__))
    return g


def speaker_graph(edges: pd.DataFrame) -> Any:
    """A directed networkx graph of :func:`speaker_network`: speaker → mentioned, ``weight`` = mentions."""
    nx = _networkx()
    g = nx.DiGraph()
    for r in edges.itertuples(index=False):
        g.add_node(r.speaker, speaker=True)
        if r.mentioned not in g:
            g.add_node(r.mentioned, speaker=False)
        g.nodes[r.mentioned]["label"] = str(r.label)
        g.add_edge(r.speaker, r.mentioned, weight=int(r.mentions), quotes=int(r.quotes),
                   documents=int(r.documents))
    return g


def _layer(name: str) -> property:
    """A read-only attribute of :class:`Corpus`: the layer DataFrame `name`."""
    return property(lambda self: self._layers[name], doc=f"The {name} layer DataFrame.")


class Corpus(Mapping):
    """A batch as layer DataFrames, with the corpus views. ``corpus["entities"]`` or ``corpus.entities``.

    ``tidings.Corpus(docs, ids=None)`` from Documents; :func:`tidings.analyze_frame` makes one from a
    DataFrame. It is a mapping from layer name to DataFrame, so ``dict(corpus)`` gives the layers.
    """

    def __init__(self, docs: Sequence[Document], ids: Sequence[Any] | None = None):
        docs = list(docs)
        self._layers = frames(docs, ids)
        self.docs: list[Document] | None = docs

    @classmethod
    def from_layers(cls, layers: Mapping[str, pd.DataFrame], docs: Sequence[Document] | None = None) -> Corpus:
        """A Corpus of layer DataFrames already made (every layer of :data:`tidings.LAYERS`, as from
        :func:`tidings.frames`)."""
        missing = [k for k in LAYERS if k not in layers]
        if missing:
            raise ValueError(f"layers missing: {', '.join(missing)}")
        self = cls.__new__(cls)
        self._layers = {k: layers[k] for k in LAYERS}
        self.docs = list(docs) if docs is not None else None
        return self

    def __getitem__(self, layer: str) -> pd.DataFrame:
        return self._layers[layer]

    def __iter__(self) -> Iterator[str]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    documents = _layer("documents")
    sentences = _layer("sentences")
    entities = _layer("entities")
    dates = _layer("dates")
    quotes = _layer("quotes")
    sections = _layer("sections")

    def top_entities(self, n: int | None = 20, label: str | None = None) -> pd.DataFrame:
        return top_entities(self.entities, n, label)

    def quotes_by_speaker(self) -> pd.DataFrame:
        return quotes_by_speaker(self.quotes)

    def said(self) -> pd.DataFrame:
        return said(self.quotes)

    def timeline(self) -> pd.DataFrame:
        return timeline(self.dates, self.quotes, self.entities, self.sentences)

    def cooccurrence(self) -> pd.DataFrame:
        return cooccurrence(self.entities)

    def speaker_network(self) -> pd.DataFrame:
        return speaker_network(self.quotes, self.entities)

    def graph(self, kind: str = "cooccurrence") -> Any:
        """A networkx graph: ``"cooccurrence"`` (undirected) or ``"speakers"`` (who talks about whom)."""
        if kind == "cooccurrence":
            return cooccurrence_graph(self.cooccurrence())
        if kind == "speakers":
            return speaker_graph(self.speaker_network())
        raise ValueError(f'kind must be "cooccurrence" or "speakers", not {kind!r}')

    def display(self, doc: Any = 0, **kwargs: Any) -> Any:
        """The article view of a document: ``doc`` is its position in the batch (an int) or, for a Corpus
        from ``analyze_frame``, its index label; see :func:`tidings.display`."""
        from .view import display

        if self.docs is None:
            raise ValueError("this Corpus was made without its Documents")
        if not isinstance(doc, int):
            doc = int(self.documents["doc"].loc[[doc]].iloc[0])
        return display(self.docs[doc], **kwargs)

    def plot_timeline(self, **kwargs: Any) -> Any:
        from .plot import plot_timeline

        return plot_timeline(self.timeline(), **kwargs)

    def plot_mentions(self, n: int = 15, **kwargs: Any) -> Any:
        from .plot import plot_mentions

        return plot_mentions(top_entities(self.entities, n), **kwargs)

    def plot_network(self, kind: str = "speakers", **kwargs: Any) -> Any:
        from .plot import plot_network

        return plot_network(self.graph(kind), **kwargs)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self._layers.items())
        return f"Corpus({sizes})"

    def _repr_html_(self) -> str:
        from .view import corpus_html

        return corpus_html(self)


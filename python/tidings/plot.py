"""matplotlib pictures of the corpus views: the timeline, mention counts and the networks.

Each helper takes a view (a DataFrame or a networkx graph) and an optional ``ax``, draws, and returns the ax;
it never computes a view itself.
"""

from __future__ import annotations

from typing import Any


def _plt():
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError('plots need matplotlib: pip install "tidings[plot]"') from e
    return plt


_COLOURS = {"PER": "#7048e8", "ORG": "#1098ad", "LOC": "#e67700", "MISC": "#868e96", "date": "#2b8a3e",
            "quote": "#c2255c"}


def plot_timeline(timeline: Any, ax: Any = None, max_rows: int = 40, label_width: int = 48) -> Any:
    """The timeline (from ``Corpus.timeline()``) as horizontal bars: one row per date mention or quote,
    from its interval's start to its end (for a quote, the days it was said), earliest at the top; dates
    green, quotes red."""
    plt = _plt()
    tl = timeline.head(max_rows)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 0.3 * max(len(tl), 3) + 1))
    for y, r in enumerate(tl.itertuples(index=False)):
        colour = _COLOURS["quote" if r.kind == "quote" else "date"]
        width = r.interval_end - r.interval_start
        ax.barh(y, width, left=r.interval_start, height=0.6, color=colour, alpha=0.45)
        ax.plot([r.interval_start], [y], marker="|", color=colour, markersize=10)
    labels = []
    for r in tl.itertuples(index=False):
        who = f"{r.speaker}: " if r.kind == "quote" and isinstance(r.speaker, str) else ""
        text = f"{who}{r.text}".replace("\n", " ")
        labels.append(text if len(text) <= label_width else text[: label_width - 1] + "…")
    ax.set_yticks(range(len(tl)), labels=labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("date")
    ax.set_title("Timeline: dates mentioned (green) and quotes on the days said (red)")
    ax.figure.autofmt_xdate()
    return ax


def plot_mentions(top: Any, ax: Any = None) -> Any:
    """Mention counts (from ``Corpus.top_entities()``) as horizontal bars coloured by label."""
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.3 * max(len(top), 3) + 1))
    names = [f"{c} ({lbl})" for c, lbl in zip(top["canonical"].astype(str), top["label"].astype(str), strict=True)]
    ax.barh(names, top["mentions"], color=[_COLOURS.get(str(x), "#888") for x in top["label"]])
    ax.invert_yaxis()
    ax.set_xlabel("mentions")
    ax.set_title("Most mentioned entities")
    return ax


def plot_network(graph: Any, ax: Any = None, top: int | None = 40, seed: int = 1) -> Any:
    """A networkx graph from ``Corpus.graph()``: its ``top`` heaviest edges (all with None), edge width by
    weight, nodes coloured by label (speakers red), drawn with a seeded spring layout so the picture is the
    same each time."""
    plt = _plt()
    import networkx as nx

    if top is not None and graph.number_of_edges() > top:
        edges = sorted(graph.edges(data="weight"), key=lambda e: (-(e[2] or 1), str(e[0]), str(e[1])))[:top]
        graph = graph.edge_subgraph([(a, b) for a, b, _ in edges])
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 7))
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title("(no edges)")
        return ax
    pos = nx.spring_layout(graph, seed=seed, weight="weight")
    colours = [_COLOURS["quote"] if d.get("speaker") else _COLOURS.get(d.get("label", ""), "#888")
               for _, d in graph.nodes(data=True)]
    widths = [0.5 + 0.5 * d.get("weight", 1) for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, alpha=0.5, arrows=graph.is_directed())
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, node_size=120)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=8)
    kind = "who talks about whom (speakers red)" if graph.is_directed() else "named in the same sentence"
    ax.set_title(f"{kind}: the {graph.number_of_edges()} heaviest links")
    ax.set_axis_off()
    return ax

"""tidings: who (named entities), when (dates and times) and who said what (quotations) in news.

>>> import tidings
>>> doc = tidings.analyze("“We won,” she said on Monday.", date="2016-11-09")
>>> [s.text for s in doc.sentences]
['“We won,” she said on Monday.']

Offsets are Python string indices: ``doc.text[x.start:x.end] == x.text`` for every mention.
"""

from . import exceptions
from ._native import (
    Document,
    Entity,
    Model,
    Quote,
    Sentence,
    Table,
    Timex,
    __version__,
    analyze,
    analyze_many,
    builtin_model,
    default_threads,
    load_model,
    table,
    train_entities,
)
from .frames import entity_table, frames, quote_table
from .stream import analyze_stream

__all__ = [
    "Document",
    "Entity",
    "Model",
    "Quote",
    "Sentence",
    "Table",
    "Timex",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_stream",
    "builtin_model",
    "default_threads",
    "entity_table",
    "exceptions",
    "frames",
    "load_model",
    "quote_table",
    "table",
    "train_entities",
]

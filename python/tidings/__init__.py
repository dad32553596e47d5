"""tidings: who (named entities), when (dates and times) and who said what (quotations) in news.

>>> import tidings
>>> doc = tidings.analyze("“We won,” she said on Monday.", date="2016-11-09")
>>> [s.text for s in doc.sentences]
['“We won,” she said on Monday.']

Offsets are Python string indices: ``doc.text[x.start:x.end] == x.text`` for every mention.
"""

import sys as _sys

from . import exceptions
from ._native import (
    LAYERS,
    Document,
    Entity,
    Model,
    Quote,
    Section,
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
from .corpus import Corpus
from .dataframe import analyze_frame
from .frames import entity_table, frames, quote_table, write_parquet
from .stream import analyze_stream
from .view import display

if "pandas" in _sys.modules:  # df.tidings.analyze(...); analyze_frame registers it otherwise
    from .dataframe import register_accessor as _register_accessor

    _register_accessor()

__all__ = [
    "LAYERS",
    "Corpus",
    "Document",
    "Entity",
    "Model",
    "Quote",
    "Section",
    "Sentence",
    "Table",
    "Timex",
    "__version__",
    "analyze",
    "analyze_frame",
    "analyze_many",
    "analyze_stream",
    "builtin_model",
    "default_threads",
    "display",
    "entity_table",
    "exceptions",
    "frames",
    "load_model",
    "quote_table",
    "table",
    "train_entities",
    "write_parquet",
]

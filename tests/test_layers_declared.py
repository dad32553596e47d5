"""Each result row is declared once in Rust: its Python class, its table's columns and its stub agree."""

import ast
import importlib
from pathlib import Path

import pytest
import tidings
from tidings import _native

STUB = Path(tidings.__file__).with_name("_native.pyi")
CLASS = {"documents": "Document", "sentences": "Sentence", "entities": "Entity", "dates": "Timex", "quotes": "Quote",
         "sections": "Section"}
KEYS = ("doc", "id", "date")
#: A compilation of two dated reports, with a quote in each.
COMPILATION = ("MORNING DIGEST\n\nMarch 1, 2016\n\n“We won,” Jane Roe said in Paris on Monday. [Reuters]\n\n"
               "March 8, 2016\n\nThe governor resigned yesterday, John Doe said. [AP]")
#: Columns a table has that its object does not: the sentence's position, the document's length.
EXTRA = {"sentences": {"sentence"}, "documents": {"chars"}}
#: A field named like a key column is written under its object's name (``date`` is the document's).
RENAMED = {"sections": {"date": "section_date", "date_source": "section_date_source"},
           "quotes": {x: f"quote_{x}" for x in ("date", "date_start", "date_end", "date_source")}}


def _properties(cls):
    """The data attributes (getters) of a class of the extension module, in no particular order."""
    return {n for n, v in vars(cls).items() if type(v).__name__ == "getset_descriptor" and not n.startswith("_")}


def _stub_properties():
    """``{class: {property: annotation}}`` as written in ``_native.pyi``, with those of its stub base classes."""
    out: dict[str, dict[str, str]] = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            props = {}
            for base in node.bases:
                props.update(out.get(ast.unparse(base), {}))
            props.update({f.name: ast.unparse(f.returns) for f in node.body
                          if isinstance(f, ast.FunctionDef) and any(
                              isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)})
            out[node.name] = props
    return out


def test_the_layer_list_comes_from_rust_and_every_python_path_uses_it():
    assert _native.LAYERS == tuple(CLASS)
    assert tidings.LAYERS is _native.LAYERS
    for module in ("tidings.frames", "tidings.outputs", "tidings.dask", "tidings.corpus", "tidings.dataframe"):
        assert importlib.import_module(module).LAYERS is _native.LAYERS, module
    assert tuple(tidings.frames([tidings.analyze("Paris.")])) == _native.LAYERS


@pytest.mark.parametrize("layer", list(CLASS))
def test_a_table_has_the_keys_and_every_field_of_its_object(layer):
    cls = getattr(tidings, CLASS[layer])
    columns = tidings.table([], layer).column_names
    assert columns[: len(KEYS)] == list(KEYS)
    assert len(set(columns)) == len(columns)
    renamed = RENAMED.get(layer, {})
    fields = {renamed.get(p, p) for p in _properties(cls)}
    assert set(columns) == set(KEYS) | fields | EXTRA.get(layer, set())


@pytest.mark.parametrize("layer", [x for x in CLASS if x != "documents"])
def test_the_stub_declares_what_rust_declares(layer):
    declared = {attr: python for _c, _k, _n, _cats, attr, python in _native._schema(layer) if attr}
    written = _stub_properties()[CLASS[layer]]
    expected = "\n".join(f"    @property\n    def {a}(self) -> {p}: ..." for a, p in declared.items())
    normal = {a: ast.unparse(ast.parse(p, mode="eval")) for a, p in declared.items()}
    assert written == normal, f"_native.pyi, class {CLASS[layer]} should read:\n{expected}"
    assert set(declared) == _properties(getattr(tidings, CLASS[layer]))


def test_the_schema_describes_the_arrow_table():
    pa = pytest.importorskip("pyarrow")
    kinds = {"int": pa.int64(), "str": pa.string(), "date": pa.date32(), "time": pa.timestamp("us"),
             "category": pa.dictionary(pa.int32(), pa.string())}
    for layer in _native.LAYERS:
        schema = pa.table(tidings.table([], layer)).schema
        described = [(c, kinds[k], n) for c, k, n, _cats, _a, _p in _native._schema(layer)]
        assert [(f.name, f.type, f.nullable) for f in schema] == described, layer


def test_label_columns_are_categoricals_over_the_declared_vocabulary():
    f = tidings.frames([tidings.analyze("“We won,” Jane Roe said in Paris on Monday.", date="2016-11-09")])
    for layer in _native.LAYERS:
        for column, kind, _n, cats, _a, _p in _native._schema(layer):
            if kind == "category":
                assert list(f[layer][column].cat.categories) == cats, (layer, column)


def test_every_row_names_its_document_by_position_id_and_date():
    docs = tidings.analyze_many([COMPILATION, "Obama met Merkel in Berlin."], dates=["2016-11-09", None])
    for layer in _native.LAYERS:
        cols = tidings.table(docs, layer, ids=["a", "b"]).to_pydict()
        assert cols["doc"], layer
        for doc, id_, date in zip(cols["doc"], cols["id"], cols["date"], strict=True):
            assert (id_, date) == (["a", "b"][doc], docs[doc].date), layer


def test_a_column_name_means_one_kind_of_value_in_every_layer():
    # frames gives a column one dtype by its name, so two layers must not store one name two ways
    kinds: dict[str, set] = {}
    for layer in _native.LAYERS:
        for column, kind, _n, cats, _a, _p in _native._schema(layer):
            kinds.setdefault(column, set()).add((kind, None if cats is None else tuple(cats)))
    assert {c: k for c, k in kinds.items() if len(k) > 1} == {}

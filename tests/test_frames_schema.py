"""One schema everywhere: frames(), Table.to_pandas(), Parquet read back and the no-pyarrow path agree."""

import importlib

import pandas as pd
import pytest
import tidings

tf = importlib.import_module("tidings.frames")

LAYERS = tidings.LAYERS


def test_the_layer_list_is_the_library_s_with_sections():
    assert LAYERS[:5] == ("documents", "sentences", "entities", "dates", "quotes") and "sections" in LAYERS


# A compilation of dated reports, so the sections layer and the quote dates have rows to check.
DIGEST = ("EVENING DIGEST\n\nMarch 1, 2016\n\n“We will look into it,” the senator said today. [Reuters]\n\n"
          "March 8, 2016\n\n“I resign,” the governor said yesterday. [AP]")


@pytest.fixture(scope="module")
def docs(seed_texts):
    return tidings.analyze_many([*seed_texts, DIGEST], dates=["2017-11-13", None, "2017-11-14", "2018-07-13", None])


@pytest.fixture(scope="module")
def ids(seed_ids):
    return [*seed_ids, "digest"]


def test_every_layer_has_rows_to_compare(docs):
    f = tidings.frames(docs)
    assert {layer: len(f[layer]) > 0 for layer in LAYERS} == dict.fromkeys(LAYERS, True)


def _dtypes(df):
    return {c: df[c].dtype for c in df.columns}


@pytest.mark.parametrize("layer", LAYERS)
def test_frames_to_pandas_and_parquet_have_identical_dtypes(docs, ids, layer, tmp_path):
    via_frames = tidings.frames(docs, ids=ids)[layer]
    t = tidings.table(docs, layer, ids=ids)
    via_table = t.to_pandas()
    tidings.write_parquet(t, tmp_path / "a.parquet")
    via_parquet = pd.read_parquet(tmp_path / "a.parquet")
    via_frames.to_parquet(tmp_path / "b.parquet", index=False)
    via_df_parquet = pd.read_parquet(tmp_path / "b.parquet")
    for other in (via_table, via_parquet, via_df_parquet):
        assert _dtypes(other) == _dtypes(via_frames)
        pd.testing.assert_frame_equal(other, via_frames)


@pytest.mark.parametrize("layer", LAYERS)
def test_dask_reads_the_same_dtypes(docs, layer, tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    t = tidings.table(docs, layer)
    tidings.write_parquet(t, tmp_path / "x.parquet")
    ref = t.to_pandas()

    def kinds(df):  # Dask stores text in Arrow whatever pandas' default string storage is (pandas 2: python)
        return {c: "string" if isinstance(d, pd.StringDtype) else d for c, d in _dtypes(df).items()}

    assert kinds(dd.read_parquet(tmp_path / "x.parquet").compute()) == kinds(ref)
    assert kinds(dd.from_pandas(ref, npartitions=2).compute()) == kinds(ref)


def test_the_python_list_path_gives_the_same_frame_as_the_arrow_path(docs, ids, monkeypatch):
    arrow = {layer: tidings.table(docs, layer, ids=ids).to_pandas() for layer in LAYERS}
    monkeypatch.setattr(tf, "_pyarrow", lambda: None)
    for layer in LAYERS:
        slow = tidings.table(docs, layer, ids=ids).to_pandas()
        pd.testing.assert_frame_equal(slow, arrow[layer])


def test_labels_are_categoricals_dates_datetimes_and_optional_offsets_nullable(docs):
    f = tidings.frames(docs)
    assert isinstance(f["entities"]["label"].dtype, pd.CategoricalDtype)
    assert list(f["entities"]["label"].cat.categories) == ["PER", "ORG", "LOC", "MISC"]
    assert isinstance(f["dates"]["type"].dtype, pd.CategoricalDtype)
    assert isinstance(f["quotes"]["kind"].dtype, pd.CategoricalDtype)
    assert isinstance(f["documents"]["date_source"].dtype, pd.CategoricalDtype)
    assert list(f["quotes"]["quote_date_source"].cat.categories) == ["said", "section", "story", "document"]
    assert list(f["sections"]["section_date_source"].cat.categories) == ["stated", "document"]
    for layer, col in (("documents", "date"), ("quotes", "date"), ("dates", "interval_start"),
                       ("dates", "interval_end"), ("quotes", "quote_date"), ("quotes", "quote_date_start"),
                       ("quotes", "quote_date_end"), ("sections", "date"), ("sections", "section_date")):
        assert pd.api.types.is_datetime64_dtype(f[layer][col].dtype), (layer, col)
    for layer, col in (("quotes", "speaker_start"), ("quotes", "speaker_end"), ("entities", "sentence")):
        assert f[layer][col].dtype == pd.Int64Dtype(), (layer, col)
    assert f["entities"]["start"].dtype == "int64"
    assert f["entities"]["canonical"].dtype == pd.StringDtype()
    # categories are fixed, so two batches concatenate without turning labels into objects
    one = tidings.frames([tidings.analyze("Paris.")])["entities"]
    both = pd.concat([f["entities"], one])
    assert isinstance(both["label"].dtype, pd.CategoricalDtype)


def test_values_survive_the_schema(docs):
    f = tidings.frames(docs)
    ents = f["entities"]
    ref = [(e.start, e.end, e.label, e.sentence) for d in docs for e in d.entities]
    got = list(zip(ents["start"], ents["end"], ents["label"].astype(str), ents["sentence"], strict=True))
    assert got == ref
    d = f["dates"]
    ref_iv = [t.interval_start for doc in docs for t in doc.dates]
    got_iv = [None if pd.isna(x) else x.to_pydatetime() for x in d["interval_start"]]
    assert got_iv == ref_iv


def test_an_unknown_label_keeps_its_value():
    df = pd.DataFrame({"label": ["PER", "EVENT"]})
    tf.apply_schema(df)
    assert list(df["label"]) == ["PER", "EVENT"]

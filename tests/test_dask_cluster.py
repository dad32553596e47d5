"""tidings.dask on a real Dask cluster gives what analyze_many gives on the same texts."""

import datetime as dt

import pytest
import tidings

pd = pytest.importorskip("pandas")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import tidings.dask as tdask  # noqa: E402


def corpus(seed_texts, seed_ids):
    """Seeds (twice, with different ids and dates), a short text, an empty one and a missing one."""
    texts = seed_texts + ["Obama met Merkel in Berlin on Tuesday.", ""] + seed_texts + [None]
    dates = (["2016-11-09", None, dt.date(2015, 3, 1), pd.Timestamp("2014-07-04 10:00")]
             + ["2012-05-01", None] + [None] * len(seed_texts) + ["2020-01-01"])
    ids = [f"a-{s}" for s in seed_ids] + ["short", "empty"] + [f"b-{s}" for s in seed_ids] + ["missing"]
    return texts, dates, ids


def test_dask_cluster_matches_analyze_many(seed_texts, seed_ids, tmp_path):
    texts, dates, ids = corpus(seed_texts, seed_ids)
    pdf = pd.DataFrame({"body": texts, "published": dates, "key": ids},
                       index=pd.RangeIndex(100, 100 + len(texts), name="row"))
    expected = tidings.frames(tidings.analyze_many(texts, dates), ids)

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        ddf = dd.from_pandas(pdf, npartitions=3)
        layers = tdask.frames(ddf, text="body", date="published", id="key")
        assert sorted(layers) == sorted(tidings.frames([]))
        got = dict(zip(layers, client.compute(list(layers.values()), sync=True), strict=True))
        # A model given as a file is read by each worker process.
        model = tmp_path / "model.bin"
        tidings.builtin_model().save(model)
        from_file = tdask.frames(ddf, "body", "published", "key", layers=["entities"], model=model)["entities"]
        from_file = from_file.compute()
        # The cluster still has its two worker processes (none died on the way).
        assert len(client.scheduler_info()["workers"]) == 2

    assert len(expected["entities"]) > 100 and len(expected["quotes"]) > 20 and len(expected["dates"]) > 20
    for layer, frame in got.items():
        declared = layers[layer]._meta
        assert list(frame.columns) == list(declared.columns)
        assert dict(frame.dtypes) == dict(declared.dtypes), layer
        # The index is the input row each mention comes from.
        assert list(frame.index) == [100 + d for d in frame["doc"]], layer
        want = expected[layer].astype(dict(frame.dtypes))
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), want, check_dtype=True)

    pd.testing.assert_frame_equal(from_file, got["entities"])

    docs = got["documents"]
    assert list(docs["id"]) == ids and list(docs["doc"]) == list(range(len(texts)))
    assert docs["error"].notna().tolist() == [t is None for t in texts]
    assert docs["date"].iloc[3] == pd.Timestamp("2014-07-04")


def test_dask_ids_unique_across_partitions_without_id_column(seed_texts):
    # An index that restarts in every partition, as dd.read_csv makes: doc and id still count the whole input.
    parts = [pd.DataFrame({"text": seed_texts[:2]}), pd.DataFrame({"text": seed_texts[2:]})]
    ddf = dd.from_delayed([dask.delayed(p) for p in parts], meta=parts[0].iloc[:0])
    layers = tdask.frames(ddf, layers=["documents", "entities"])
    docs, ents = dask.compute(layers["documents"], layers["entities"], scheduler="sync")
    assert list(docs["doc"]) == [0, 1, 2, 3] and list(docs["id"]) == ["0", "1", "2", "3"]
    assert list(docs.index) == [0, 1, 0, 1]
    expected = tidings.frames(tidings.analyze_many(seed_texts))["entities"]
    pd.testing.assert_frame_equal(ents.reset_index(drop=True), expected.astype(dict(ents.dtypes)))


def test_dask_partition_without_mentions_has_declared_dtypes():
    pdf = pd.DataFrame({"text": ["", "plain words here", "Smith visited Paris on 3 May 2015.", "“Yes,” he said."]})
    ddf = dd.from_pandas(pdf, npartitions=2)
    layers = tdask.frames(ddf)
    for layer, lazy in layers.items():
        for i in range(lazy.npartitions):
            part = lazy.get_partition(i).compute(scheduler="sync")
            assert dict(part.dtypes) == dict(lazy._meta.dtypes), (layer, i)
    dates = layers["dates"].compute(scheduler="sync")
    assert dates["text"].tolist() == ["3 May 2015"] and dates["doc"].tolist() == [2]


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"text": "body"}, ValueError, "text column 'body'"),
    ({"id": "nope"}, ValueError, "id column 'nope'"),
    ({"layers": ["people"]}, ValueError, "unknown layer 'people'"),
    ({"layers": []}, ValueError, "layers is empty"),
    ({"model": 3}, TypeError, "path of a model file"),
    ({"n_threads": 0}, ValueError, "n_threads"),
])
def test_dask_bad_arguments_are_reported(kwargs, error, message):
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(error, match=message):
        tdask.frames(ddf, **kwargs)

"""python -m tidings reads and writes one batch at a time: outputs do not depend on the batch size,
Parquet gets one row group per batch, standard input is read as JSONL, and a run ends with a summary."""

import json
import subprocess
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import ROOT

LINES = [
    {"id": f"n{i}", "text": f"Angela Merkel met Emmanuel Macron in Paris on Monday, story {i}. “We agree,” she said.",
     "date": f"2016-11-{1 + i % 28:02d}"}
    for i in range(11)
]


def run(*args, input=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "tidings", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, input=input)


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in LINES), encoding="utf-8")
    return src


def test_parquet_has_one_row_group_per_batch_and_one_row_per_line(tmp_path, corpus):
    out = tmp_path / "x.parquet"
    r = run(corpus, "seeds", "-o", out, "-b", "4")
    assert r.returncode == 0, r.stderr
    docs = pd.read_parquet(out)
    assert len(docs) == 15
    assert list(docs["doc"]) == list(range(15))  # positions run on across batches
    assert docs["id"].is_unique and list(docs["id"][:11]) == [x["id"] for x in LINES]
    assert pq.ParquetFile(out).metadata.num_row_groups == 4  # 4 + 4 + 4 + 3
    ents = pd.read_parquet(tmp_path / "x.entities.parquet")
    assert pq.ParquetFile(tmp_path / "x.entities.parquet").metadata.num_row_groups == 4
    assert set(ents["doc"]) == set(range(15))
    # each layer row points at its document through doc and id alike
    assert (docs.set_index("doc").loc[ents["doc"], "id"].to_numpy() == ents["id"].to_numpy()).all()


@pytest.mark.parametrize("ext", ["parquet", "csv", "jsonl"])
def test_output_does_not_depend_on_the_batch_size(tmp_path, corpus, ext):
    outs = {}
    for b in (1, 3, 1000):
        out = tmp_path / f"b{b}" / f"x.{ext}"
        r = run(corpus, "seeds", "-o", out, "-b", b, "--date", "2017-11-14")
        assert r.returncode == 0, r.stderr
        outs[b] = out
    names = ["x", "x.sentences", "x.entities", "x.dates", "x.quotes"] if ext != "jsonl" else ["x"]
    for name in names:
        files = [outs[b].with_name(f"{name}.{ext}") for b in outs]
        if ext == "parquet":
            first = pd.read_parquet(files[0])
            assert len(first) > 0
            for f in files[1:]:
                pd.testing.assert_frame_equal(first, pd.read_parquet(f))
        else:
            first = files[0].read_bytes()
            assert len(first) > 0
            assert all(f.read_bytes() == first for f in files[1:])


def test_standard_input_is_read_as_jsonl(tmp_path):
    data = "".join(json.dumps(x) + "\n" for x in LINES[:3]) + "\n" + json.dumps({"text": "No id here."}) + "\n"
    out = tmp_path / "x.jsonl"
    r = run("-", "-o", out, "-b", "2", input=data)
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in recs] == ["n0", "n1", "n2", "stdin:5"]
    assert recs[0]["entities"] and recs[0]["quotes"]


def test_standard_input_only_once():
    r = run("-", "-", input="")
    assert r.returncode == 2 and "only once" in r.stderr


def test_a_run_ends_with_a_one_line_summary(tmp_path, corpus):
    out = tmp_path / "x.parquet"
    r = run(corpus, "-o", out)
    assert r.returncode == 0, r.stderr
    summary = [ln for ln in r.stderr.splitlines() if ln.startswith("tidings: ")]
    assert len(summary) == 1
    assert "11 documents, 0 failed" in summary[0] and " s, " in summary[0] and "MB/s" in summary[0]
    assert "documents/s" in summary[0]
    assert r.stderr.splitlines()[-1].startswith(f"wrote {out}")


def test_quiet_prints_nothing_on_success(tmp_path, corpus):
    r = run(corpus, "-o", tmp_path / "x.parquet", "--quiet")
    assert r.returncode == 0
    assert r.stderr == "" and r.stdout == ""


def test_report_on_stdout_is_unchanged_by_batching():
    a = run("seeds", "-b", "1")
    b = run("seeds")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and "4 documents" in a.stdout


def test_bad_batch_size_is_a_usage_error():
    r = run("seeds", "-b", "0")
    assert r.returncode == 2 and "--batch-size" in r.stderr


def test_parquet_from_the_cli_reads_back_with_the_dtypes_of_frames(tmp_path):
    # Every layer gets rows (the digest has sections): Parquet keeps no categories for a layer without rows.
    digest = "DIGEST\n\nMarch 1, 2016\n\nThe senator spoke. [AP]\n\nMarch 8, 2016\n\nThe governor resigned. [AP]"
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps({"id": "x", "text": "Donald Trump said “We won” on Monday in Ohio.", "date": "2016-11-09"}) + "\n"
        + json.dumps({"id": "y", "text": "No news."}) + "\n" + json.dumps({"id": "z", "text": digest}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.parquet"
    cmd = [sys.executable, "-m", "tidings", str(src), "-o", str(out), "-q"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    import tidings

    docs = tidings.analyze_many(["Donald Trump said “We won” on Monday in Ohio.", "No news.", digest],
                                ["2016-11-09", None, None])
    want = tidings.frames(docs, ids=["x", "y", "z"])
    assert all(len(f) for f in want.values())
    for layer, frame in want.items():
        path = out if layer == "documents" else out.with_name(f"out.{layer}.parquet")
        got = pd.read_parquet(path)
        assert dict(got.dtypes) == dict(frame.dtypes), layer
        assert len(got) == len(frame), layer

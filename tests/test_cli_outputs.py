"""python -m tidings: the report on seeds/, and JSONL / CSV / Parquet outputs."""

import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "tidings", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_no_arguments_prints_a_report_for_seeds(seed_ids):
    r = run()
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "4 documents" in out
    for section in ("Per layer:", "Most mentioned entities", "Quotes by speaker", "Timeline"):
        assert section in out
    for i in seed_ids:
        assert i in out


def test_no_arguments_and_no_seeds_folder_says_what_to_do(tmp_path):
    r = run(cwd=tmp_path)
    assert r.returncode == 2
    assert "no seeds/ folder" in r.stderr
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("One article. Two sentences.", encoding="utf-8")
    r = run(cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 document," in r.stdout and "2 sentences" in r.stdout


def test_parquet_has_one_documents_row_per_input_file(tmp_path, seed_ids, seed_texts):
    out = tmp_path / "x.parquet"
    r = run("seeds", "-o", str(out), "--date", "2017-11-14")
    assert r.returncode == 0, r.stderr
    df = pd.read_parquet(out)
    assert len(df) == 4
    assert sorted(df["id"]) == sorted(seed_ids)
    assert list(df["text"]) == seed_texts
    assert (pd.to_datetime(df["date"]) == pd.Timestamp("2017-11-14")).all()
    assert (df["sentences"] > 10).all()
    for layer in ("sentences", "entities", "dates", "quotes"):
        side = pd.read_parquet(tmp_path / f"x.{layer}.parquet")
        assert set(side["id"]) <= set(seed_ids)
        assert len(side) == df[layer].sum()


def test_jsonl_in_and_out(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Mr. Smith left. He came back.", "date": "2016-09-20"},
        {"id": "b", "text": "No date here."},
        {"id": "c", "text": "Gold files use dct.", "dct": "2015-01-02"},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run(str(src), "-o", str(out), "--date", "2001-01-01")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in recs] == ["a", "b", "c"]
    assert [x["date"] for x in recs] == ["2016-09-20", "2001-01-01", "2015-01-02"]
    assert [s["text"] for s in recs[0]["sentences"]] == ["Mr. Smith left.", "He came back."]
    for key in ("entities", "dates", "quotes"):
        assert isinstance(recs[0][key], list)


def test_csv_output(tmp_path):
    out = tmp_path / "docs.csv"
    r = run("seeds", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert len(pd.read_csv(out)) == 4
    assert (tmp_path / "docs.entities.csv").exists()


@pytest.mark.parametrize("args, message", [
    (["no/such/folder"], "does not exist"),
    (["seeds", "-o", "x.xlsx"], "use a .jsonl, .csv or .parquet"),
    (["seeds", "--date", "next week"], "ISO date"),
])
def test_bad_arguments_exit_2_with_a_message(tmp_path, args, message):
    r = run(*[a if a != "x.xlsx" else str(tmp_path / a) for a in args])
    assert r.returncode == 2
    assert message in r.stderr

"""python -m tidings never loses a run: bad inputs become documents with an error, the rest is written,
failures are named on stderr and in the exit code, and outputs are replaced atomically."""

import json
import os
import resource
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import ROOT

GOOD = "Angela Merkel spoke in Berlin on Monday. “We will manage,” she said."


def run(*args, cwd=ROOT, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "tidings", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=env, **kw)


def jsonl(path, lines):
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("name, data, message", [
    ("latin1.txt", "café in Zürich".encode("latin-1"), "not UTF-8"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
])
def test_an_unreadable_txt_file_is_a_failed_row_and_the_rest_is_written(tmp_path, name, data, message):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / name).write_bytes(data)
    (corpus / "z_good.txt").write_text("Paris is in France.", encoding="utf-8")
    out = tmp_path / "out.parquet"
    r = run(corpus, "-o", out)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    df = pd.read_parquet(out)
    assert list(df["id"]) == ["a_good", name[:-4], "z_good"]
    bad = df.set_index("id").loc[name[:-4]]
    assert message in bad["error"] and name in bad["error"]
    assert df["error"].isna().sum() == 2
    assert (df.set_index("id").loc[["a_good", "z_good"], "sentences"] >= 1).all()
    assert name in r.stderr and "1 of 3 documents failed" in r.stderr
    assert len(pd.read_parquet(tmp_path / "out.entities.parquet")) >= 3


def test_bad_bytes_and_malformed_lines_in_jsonl_name_file_and_line(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": "a", "text": GOOD}).encode(),
        b'{"id": "b", "text": "bad \xff byte"}',
        b'{"id": "c", "text": ',
        b"",
        b'["not", "an", "object"]',
        json.dumps({"id": "f", "text": "Berlin is a city.", "date": "not a date"}).encode(),
        json.dumps({"id": "g", "text": "Rome is a city."}).encode(),
    ])
    out = tmp_path / "out.jsonl"
    r = run(src, "-o", out)
    assert r.returncode == 1, r.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in recs] == ["a", "in:2", "in:3", "in:5", "f", "g"]
    errors = {x["id"]: x["error"] for x in recs}
    assert errors["a"] is None and errors["g"] is None
    assert f"{src}:2: not UTF-8" in errors["in:2"]
    assert f"{src}:3: not valid JSON" in errors["in:3"]
    assert f"{src}:5: expected a JSON object" in errors["in:5"]
    assert f"{src}:6: date" in errors["f"]
    assert recs[0]["entities"] and recs[-1]["sentences"]
    for where in ("in.jsonl:2", "in.jsonl:3", "in.jsonl:5", "in.jsonl:6"):
        assert where in r.stderr
    assert "4 of 6 documents failed" in r.stderr


def test_allow_failures_exits_0_and_still_lists_them(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [b'{"text": "Fine."}', b"{oops"])
    out = tmp_path / "out.csv"
    r = run(src, "-o", out, "--allow-failures")
    assert r.returncode == 0, r.stderr
    assert "in.jsonl:2" in r.stderr
    df = pd.read_csv(out)
    assert len(df) == 2 and df["error"].notna().sum() == 1


def test_report_mode_also_exits_1_when_a_document_failed(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [b'{"text": "Fine."}', b"{oops"])
    r = run(src)
    assert r.returncode == 1
    assert "2 documents" in r.stdout and "in.jsonl:2" in r.stdout


@pytest.mark.parametrize("target", ["afile.txt/out.parquet", "afile.txt/out.jsonl", "afolder"])
def test_unwritable_output_is_one_line_not_a_traceback(tmp_path, target):
    (tmp_path / "afile.txt").write_text("x", encoding="utf-8")
    (tmp_path / "afolder.jsonl").mkdir()
    target = tmp_path / (target if target != "afolder" else "afolder.jsonl")
    r = run("seeds", "-o", target)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1 and "cannot write" in r.stderr and str(target) in r.stderr


def _limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_a_write_that_fails_midway_keeps_the_old_output_and_leaves_no_temp_files(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": str(i), "text": GOOD * 5}).encode() for i in range(200)])
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    r = run(src, "-o", out, "-b", "10", preexec_fn=_limit_file_size)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "cannot write" in r.stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(tmp_path) == []


def test_outputs_are_replaced_whole_and_no_temp_files_remain(tmp_path):
    out = tmp_path / "x.parquet"
    for layer in ("", ".entities"):
        (tmp_path / f"x{layer}.parquet").write_text("old", encoding="utf-8")
    r = run("seeds", "-o", out)
    assert r.returncode == 0, r.stderr
    assert len(pd.read_parquet(out)) == 4 and len(pd.read_parquet(tmp_path / "x.entities.parquet")) > 10
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == 0o666 & ~umask


def test_interrupted_run_writes_nothing_and_keeps_the_old_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "tidings", "-", "-o", str(out), "-b", "1", "-q"], cwd=ROOT,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for i in range(3):
            p.stdin.write(json.dumps({"id": str(i), "text": GOOD}).encode() + b"\n")
        p.stdin.flush()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the stream is written as it is read, before input ends
            tmp = [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
            if tmp and tmp[0].read_text(encoding="utf-8").count("\n") == 3:
                break
            time.sleep(0.05)
        else:
            pytest.fail("nothing written while standard input stays open")
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
    finally:
        p.kill()
    assert p.returncode == 130, err
    assert b"interrupted" in err and b"Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(tmp_path) == []


def _hide(tmp_path, module):
    stub = tmp_path / "hide"
    stub.mkdir(exist_ok=True)
    (stub / f"{module}.py").write_text(f"raise ImportError('No module named {module}')\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(stub), os.environ.get("PYTHONPATH")]))}


@pytest.mark.parametrize("ext, module, extra", [(".csv", "pandas", "pandas"), (".parquet", "pyarrow", "arrow")])
def test_missing_optional_dependency_names_the_extra(tmp_path, ext, module, extra):
    out = tmp_path / f"x{ext}"
    r = run("seeds", "-o", out, env=_hide(tmp_path, module))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert f'pip install "tidings[{extra}]"' in r.stderr
    assert not out.exists() and leftovers(tmp_path) == []


def test_jsonl_output_needs_neither_pandas_nor_pyarrow(tmp_path):
    env = _hide(tmp_path, "pandas")
    (tmp_path / "hide" / "pyarrow.py").write_text("raise ImportError('no pyarrow')\n", encoding="utf-8")
    r = run("seeds", "-o", tmp_path / "x.jsonl", env=env)
    assert r.returncode == 0, r.stderr
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 4

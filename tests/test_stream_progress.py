"""Progress of analyze_stream on stderr: a tqdm bar when tqdm is installed, plain lines otherwise,
off by default when nobody watches (stderr not a terminal, not a notebook)."""

import io
import sys
import types

import pytest
import tidings
from tidings import progress

TEXTS = ["Angela Merkel spoke in Berlin on Monday."] * 30


def test_off_by_default_when_stderr_is_not_a_terminal(capsys):
    docs = list(tidings.analyze_stream(TEXTS, batch_size=7))
    assert len(docs) == 30
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_progress_false_prints_nothing_even_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(progress, "default_on", lambda stream=None: True)
    monkeypatch.setattr(tidings.stream, "default_on", lambda stream=None: True)
    list(tidings.analyze_stream(TEXTS, batch_size=7, progress=False))
    assert capsys.readouterr().err == ""


def test_on_by_default_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert progress.default_on(Tty()) is True
    assert progress.default_on(io.StringIO()) is False


def test_on_by_default_in_a_notebook(monkeypatch):
    class Shell:
        config = {"IPKernelApp": {"connection_file": "kernel.json"}}

    fake = types.ModuleType("IPython")
    fake.get_ipython = lambda: Shell()
    monkeypatch.setitem(sys.modules, "IPython", fake)
    assert progress.default_on(io.StringIO()) is True
    fake.get_ipython = lambda: None  # plain python with IPython imported
    assert progress.default_on(io.StringIO()) is False


def test_tqdm_bar_counts_documents_and_megabytes(capsys):
    pytest.importorskip("tqdm")
    list(tidings.analyze_stream(TEXTS, batch_size=7, progress=True))
    err = capsys.readouterr().err
    assert "30/30" in err  # documents, with a total because the input has a length
    assert "docs" in err and "MB=0.0" in err


def test_tqdm_bar_counts_bytes_when_their_total_is_known():
    pytest.importorskip("tqdm")
    out = io.StringIO()
    bar = progress.Progress(total_bytes=3_000_000, stream=out)
    bar.update(10, 1_500_000)
    bar.update(10, 1_500_000, failed=2)
    bar.close()
    text = out.getvalue()
    assert "3.00MB/3.00MB" in text and "B/s" in text and "docs=20" in text and "failed=2" in text


def test_plain_lines_without_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    out = io.StringIO()
    bar = progress.Progress(total_bytes=4_000_000, stream=out, interval=0)
    bar.update(100, 1_000_000)
    bar.update(100, 1_000_000, failed=1)
    bar.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 3  # one per update (interval 0) and the final counts
    assert lines[0].startswith("tidings: 100 documents, 1.0 MB, ") and "MB/s" in lines[0] and "ETA" in lines[0]
    assert "200 documents, 2.0 MB" in lines[1] and "1 failed" in lines[1]


def test_plain_lines_are_periodic_not_per_batch(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    out = io.StringIO()
    bar = progress.Progress(stream=out, interval=3600)
    for _ in range(50):
        bar.update(10, 1000)
    bar.close()
    assert out.getvalue() == ""  # a short run prints nothing; the caller prints its own summary


def test_analyze_stream_falls_back_to_plain_lines(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    list(tidings.analyze_stream(TEXTS, batch_size=10, progress=True))
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].startswith("tidings: 30 documents") and "ETA 0:00" in lines[-1]


def test_duration_format():
    assert progress.fmt_duration(59.6) == "1:00"
    assert progress.fmt_duration(3 * 3600 + 61) == "3:01:01"

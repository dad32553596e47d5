"""The README's Python examples run as written."""

import re

from conftest import ROOT


def test_readme_python_blocks_execute(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "README has Python examples"
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```(?:sh|bash)\n(.*?)```", readme, flags=re.S).group(1)
    lines = [ln for ln in first_block.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 2
    assert "python -m tidings" in lines[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci, ".ci/run runs the README's test command"


def test_type_stubs_match_the_module():
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("mypy") is None:
        import pytest
        pytest.skip("mypy not installed")
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "tidings._native", "--ignore-missing-stub"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr

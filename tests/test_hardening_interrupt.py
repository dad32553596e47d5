"""Ctrl-C stops a long analysis: KeyboardInterrupt within a second or so, not after the work ends.

Each case runs in a child process that starts an analysis taking tens of seconds, gets SIGINT once
it is inside native code, and must exit with KeyboardInterrupt soon after. The bound is generous
(a loaded machine is slow to schedule the child); before the fix, the children ran to the end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import re, sys
from pathlib import Path
import tidings
seeds = [re.sub("[\"“”‘’]", "", p.read_text(encoding="utf-8")) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
unit = "\n\n".join(seeds) + "\n\n"
kind = sys.argv[2]
if kind == "one":
    work = lambda: tidings.analyze(unit * (40_000_000 // len(unit)))
else:
    work = lambda: tidings.analyze_many(seeds * 600, n_threads=1)
tidings.analyze("warm up")
print("started", flush=True)
try:
    work()
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(3)
print("finished", flush=True)
"""

BOUND = 5.0  # seconds from SIGINT to exit; without the fix these children run 20 s or more


@pytest.mark.parametrize("kind", ["one", "many"])
def test_ctrl_c_interrupts_a_long_call(kind):
    env = dict(os.environ, TIDINGS_NUM_THREADS="1")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT / "seeds"), kind], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "started"
        time.sleep(1.0)  # well inside the native call
        assert child.poll() is None, "the analysis ended before it could be interrupted"
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        try:
            out, err = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            out, err = "", "still running 60 s after SIGINT"
        waited = time.monotonic() - sent
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert "interrupted" in out, err
    assert child.returncode == 3
    assert waited < BOUND, f"exited {waited:.1f} s after SIGINT"

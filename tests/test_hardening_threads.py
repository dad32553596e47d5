"""Thread counts are capped and pools are shared (issue 9, failure 5): a huge n_threads warns and
uses the cores instead of trying to start 65,535 threads, and many distinct counts do not leave
a pool each behind."""

import os
import subprocess
import sys

import pytest
import tidings

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


HUGE = r"""
import sys, warnings
import tidings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    docs = tidings.analyze_many(["Paris.", "Rome."], n_threads=int(sys.argv[1]))
print([d.entities[0].text for d in docs])
print([str(w.message) for w in caught if w.category is UserWarning])
"""


@pytest.mark.parametrize("n", [10**9, 10**20])
def test_a_huge_thread_count_warns_and_uses_the_cores(n):
    # In a child with a time limit: before the fix, 10**9 tried to start 65,535 threads and
    # never returned, and 10**20 was "must be int or None, not int".
    try:
        out = subprocess.run([sys.executable, "-c", HUGE, str(n)], capture_output=True, text=True,
                             timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"analyze_many(n_threads={n}) did not return within 60 s")
    assert out.returncode == 0, out.stderr
    found, warned = out.stdout.splitlines()
    assert found == "['Paris', 'Rome']"
    assert f"n_threads={n} is more than the {CORES} cores" in warned


def test_a_huge_env_thread_count_warns_and_uses_the_cores():
    env = dict(os.environ, TIDINGS_NUM_THREADS="1000000")
    code = HUGE.replace("n_threads=int(sys.argv[1])", "n_threads=None")
    code += "print(tidings.default_threads())\n"
    try:
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("TIDINGS_NUM_THREADS=1000000: analyze_many did not return within 60 s")
    assert out.returncode == 0, out.stderr
    found, warned, default = out.stdout.splitlines()
    assert found == "['Paris', 'Rome']"
    assert "TIDINGS_NUM_THREADS=1000000 is more than" in warned
    assert int(default) == CORES


CHILD = r"""
import os, time, warnings
import tidings
warnings.simplefilter("ignore")
for n in range(1, 61):
    tidings.analyze_many(["Paris.", "Rome.", "Berlin."], n_threads=n)
# A pool dropped from the cache stops its threads in the background: give them a moment.
for _ in range(50):
    live = len(os.listdir("/proc/self/task"))
    if live < 1 + 4 * 60 + 10:
        break
    time.sleep(0.1)
print(live)
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
@pytest.mark.parametrize("force", ["0", "1"])
def test_sixty_distinct_thread_counts_keep_few_threads(force):
    env = dict(os.environ, TIDINGS_FORCE_THREADS=force)
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True,
                         timeout=300, check=True).stdout
    # Before: one pool per count, 1 + 2 + ... + 60 = 1,830 threads. Now a few pools, at most
    # the four most recent sizes (57..60 when forced).
    assert int(out) < 1 + 4 * 60 + 10, out


def test_forcing_more_threads_than_cores_is_allowed(monkeypatch):
    monkeypatch.setenv("TIDINGS_FORCE_THREADS", "1")
    n = CORES + 2
    docs = tidings.analyze_many(["Paris."] * 8, n_threads=n)  # no warning: the user asked
    assert len(docs) == 8

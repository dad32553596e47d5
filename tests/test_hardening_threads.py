"""Thread counts are capped and pools are shared (issue 9, failure 5): a huge n_threads warns and
uses the cores instead of trying to start 65,535 threads, and many distinct counts do not leave
a pool each behind."""

import os
import subprocess
import sys

import pytest
import tidings

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


@pytest.mark.parametrize("n", [10**9, 10**20])
def test_a_huge_thread_count_warns_and_uses_the_cores(n):
    with pytest.warns(UserWarning, match=rf"n_threads={n} is more than the {CORES} cores"):
        docs = tidings.analyze_many(["Paris.", "Rome."], n_threads=n)
    assert [d.entities[0].text for d in docs] == ["Paris", "Rome"]


def test_a_huge_env_thread_count_warns_and_uses_the_cores(monkeypatch):
    monkeypatch.setenv("TIDINGS_NUM_THREADS", "1000000")
    with pytest.warns(UserWarning, match="TIDINGS_NUM_THREADS=1000000"):
        docs = tidings.analyze_many(["Paris.", "Rome."])
    assert len(docs) == 2
    assert tidings.default_threads() == CORES


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

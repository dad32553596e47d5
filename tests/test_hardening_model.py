"""Loading a model checks the file type, the header and the declared sizes before reading the rest
(issue 9, failure 8): a device, a FIFO or a header that claims more than the file holds fails
fast with ModelError instead of reading forever, blocking or allocating."""

import os
import resource
import struct
import subprocess
import sys

import pytest
import tidings
from tidings.exceptions import ModelError

CHILD = r"""
import sys, time
import tidings
t = time.monotonic()
try:
    tidings.load_model(sys.argv[1])
    print("loaded")
except Exception as e:
    print(type(e).__name__, time.monotonic() - t)
"""


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def load_in_child(path) -> str:
    """Loads in a child process (memory capped), so that a hang or a runaway read fails the test,
    not the suite or the machine."""
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                             timeout=20, preexec_fn=_limit_memory).stdout
    except subprocess.TimeoutExpired:
        return "still running after 20 s"
    return out.strip()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_a_model_error_not_an_endless_read():
    assert load_in_child("/dev/zero").startswith("ModelError")
    with pytest.raises(ModelError, match="not a regular file"):
        tidings.load_model("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_a_model_error_not_a_block(tmp_path):
    fifo = tmp_path / "model.fifo"
    os.mkfifo(fifo)
    assert load_in_child(fifo).startswith("ModelError")


def test_a_directory_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="directory"):
        tidings.load_model(tmp_path)


def test_a_header_declaring_a_huge_payload_fails_before_reading(tmp_path):
    good = tmp_path / "good.bin"
    tidings.builtin_model().save(good)
    data = good.read_bytes()
    magic_version = data[:16]
    for declared in (2**63, 2**40, len(data)):  # far too big, big, a little off
        p = tmp_path / f"claims-{declared}.bin"
        p.write_bytes(magic_version + struct.pack("<Q", declared) + data[24:])
        with pytest.raises(ModelError, match="header says"):
            tidings.load_model(p)


def test_a_good_model_still_loads(tmp_path):
    p = tmp_path / "m.bin"
    tidings.builtin_model().save(p)
    m = tidings.load_model(p)
    assert m.n_features == tidings.builtin_model().n_features

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seed_texts():
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 4, "seeds/ must hold the four seed articles"
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.fixture(scope="session")
def seed_ids():
    return [f.stem for f in sorted(SEEDS.glob("*.txt"))]

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture
def store(tmp_path):
    from marsad.store import open_store

    s = open_store(tmp_path / "t.db")
    yield s
    s.close()

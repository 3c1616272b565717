from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def gaz_path(tmp_path_factory):
    """The gazetteer `make setup` builds; without one, a temporary one built once (~30 s)."""
    from marsad.places import build_gazetteer, default_gazetteer_path

    path = default_gazetteer_path()
    if not path.exists():
        path = Path(tmp_path_factory.mktemp("gaz")) / "gazetteer.sqlite"
        build_gazetteer(path, progress=False)
    return path


@pytest.fixture
def store(tmp_path):
    from marsad.store import open_store

    s = open_store(tmp_path / "t.db")
    yield s
    s.close()

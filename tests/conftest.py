from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from . import pgserver

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def coder():
    """The shipped event coder, loaded once."""
    from marsad.events.code import EventCoder

    return EventCoder.load()


def code(coder, text: str, *, title: str = "Report", published: str | None = "2019-03-09"):
    """Code one English article; its events that happened, and the article."""
    from marsad.records import Article, content_id

    a = Article(article_id=content_id(text), doc_id="d", origin="test", title=title, published=published,
                outlet=None, language="en", text=text)
    events, _ = coder.code([a])
    return [e for e in events if e.modality == "occurred"], a


def name_spans(text: str, names: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of `names` in `text`, each the first occurrence after the previous one's start."""
    spans, at = [], 0
    for n in names:
        i = text.index(n, at)
        spans.append((i, i + len(n)))
        at = i + 1
    return spans


@pytest.fixture(scope="session")
def gaz_path(tmp_path_factory):
    """The gazetteer `make setup` builds; without one, a temporary one built once (~30 s)."""
    from marsad.places import build_gazetteer, default_gazetteer_path

    path = default_gazetteer_path()
    if not path.exists():
        path = Path(tmp_path_factory.mktemp("gaz")) / "gazetteer.sqlite"
        build_gazetteer(path, progress=False)
    return path


# The store contract suite: a test taking `new_db`, `module_db` or `store` runs once per backend.
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_base() -> Iterator[str]:
    """A PostgreSQL server for the session: MARSAD_TEST_PG, else one started here (`pgserver`).
    Without the PostgreSQL programs the PostgreSQL half is skipped, except in CI, where it fails."""
    given = os.environ.get("MARSAD_TEST_PG")
    if given:
        yield given
        return
    try:
        server = pgserver.Server()
    except (pgserver.Unavailable, subprocess.CalledProcessError, OSError) as e:
        detail = getattr(e, "stderr", "") or e
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL for the store tests: {detail}")
        pytest.skip(f"no PostgreSQL server here: {detail}")
    yield server.base
    server.stop()


def _factory(request: pytest.FixtureRequest, folder: Path, backend: str,
             made: list[tuple[str, str]]) -> Callable[[str], str]:
    def make(name: str = "t.db") -> str:
        """A new, empty database: an SQLite file in `folder`, or a fresh PostgreSQL schema."""
        if backend == "sqlite":
            return str(folder / name)
        base = request.getfixturevalue("pg_base")
        url, schema = pgserver.schema_url(base)
        made.append((base, schema))
        return url

    return make


@pytest.fixture(params=BACKENDS)
def new_db(request, tmp_path) -> Iterator[Callable[[str], str]]:
    """Makes new databases of this test's backend (see BACKENDS)."""
    made: list[tuple[str, str]] = []
    yield _factory(request, tmp_path, request.param, made)
    for base, schema in made:
        pgserver.drop_schema(base, schema)


@pytest.fixture
def pg_db(request, tmp_path) -> Iterator[Callable[[str], str]]:
    """Makes new PostgreSQL databases (schemas), for the tests of PostgreSQL alone."""
    made: list[tuple[str, str]] = []
    yield _factory(request, tmp_path, "postgresql", made)
    for base, schema in made:
        pgserver.drop_schema(base, schema)


@pytest.fixture(scope="module", params=BACKENDS)
def module_db(request, tmp_path_factory) -> Iterator[Callable[[str], str]]:
    """`new_db` for a module's shared database."""
    made: list[tuple[str, str]] = []
    yield _factory(request, tmp_path_factory.mktemp("db"), request.param, made)
    for base, schema in made:
        pgserver.drop_schema(base, schema)


@pytest.fixture
def store(new_db):
    from marsad.store import open_store

    s = open_store(new_db("t.db"))
    yield s
    s.close()


def assert_shipped_model_is_trained(script: str) -> None:
    """Run `eval/<script> --check`: the shipped model must be what training on the tune parts
    makes now. Skipped without ../shared/data beside the checkout or without scikit-learn."""
    import sys

    if not (ROOT.parent / "shared" / "data").is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    pytest.importorskip("sklearn")
    done = subprocess.run([sys.executable, f"eval/{script}", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

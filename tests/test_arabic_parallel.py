"""The same story told in English and in Arabic codes to the same events.

`tests/data/parallel/NN.en.txt` and `NN.ar.txt` were written for marsad: one story each, told
once in each language's own news style (not translated word for word). Both go through
`marsad ingest`'s path; their events must agree on type, sub-type, date, province, place,
first actor and fatalities.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad.pipeline import ingest_paths
from marsad.store import open_store

PAIRS = Path(__file__).parent / "data" / "parallel"
NUMBERS = sorted({p.name.split(".")[0] for p in PAIRS.glob("*.ar.txt")})
FIELDS = ("event_type", "sub_event_type", "event_date", "admin1", "location", "actor1", "fatalities")


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    """Every telling ingested once, each language into its own database (in one, the two
    tellings would be linked as reports of one event): (pair, language) → its events'
    FIELDS, sorted."""
    from marsad.events.code import EventCoder

    coder = EventCoder.load()
    out: dict[tuple[str, str], list[tuple]] = {}
    for language in ("en", "ar"):
        folder = tmp_path_factory.mktemp(language)
        for p in PAIRS.glob(f"*.{language}.txt"):
            shutil.copy(p, folder / p.name)
        with open_store(folder / "p.db") as store:
            ingest_paths([str(folder)], store, coder=coder, progress=False)
            origin = {a["article_id"]: Path(a["origin"]).name.split(".")[0] for a in store.articles()}
            for e in store.events():
                for article_id in e["article_ids"]:
                    out.setdefault((origin[article_id], language), []).append(tuple(e.get(k) for k in FIELDS))
    return {k: sorted(v, key=repr) for k, v in out.items()}


def test_there_are_at_least_ten_pairs():
    assert len(NUMBERS) >= 10
    assert all((PAIRS / f"{n}.en.txt").exists() for n in NUMBERS)


# Pairs whose two tellings do not code alike yet, and why (issue 14 is open). strict: a pair
# that comes to agree fails here until it is taken off this list.
DISAGREE = {
    "01": "Arabic: the IRGC is not the strike's actor (a passive sentence); the place is Albu Kamal, not the province",
    "02": "Arabic: جبل الزاوية is not in the gazetteer; the toll is not read",
    "04": "the clash is read as the government retaking ground in Arabic; English adds a change to group/activity",
    "07": "Arabic: the air strike is missed",
    "08": "the actors and the toll differ; English adds a change to group/activity",
    "09": "tolls differ (3 / 4): whether the bomber is counted",
    "11": "Arabic: the strike is placed at Israel with no actor; English places it in Mount Lebanon",
    "13": "English puts Tal Milh at At Tall (Rif Dimashq); the clash and its toll differ",
}


@pytest.mark.parametrize("pair", [pytest.param(n, marks=pytest.mark.xfail(reason=DISAGREE[n], strict=True))
                                  if n in DISAGREE else n for n in NUMBERS])
def test_both_tellings_code_to_the_same_events(coded, pair):
    english, arabic = coded.get((pair, "en"), []), coded.get((pair, "ar"), [])
    assert english, f"pair {pair}: no event coded from the English telling"
    assert arabic == english

"""Databases for the web tests: a small synthetic one (exact counts, fast) and the demo corpus."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

from marsad.records import Article, Event, Evidence, RawDocument, content_id
from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[1]
# TestClient's base URL: the server answers loopback names (TestClient's own "testserver" gets 421).
LOCAL = "http://127.0.0.1"
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Protests", "Peaceful protest"), ("Violence against civilians", "Attack")]
PLACES = [("Syria", "Deir ez-Zor", "Abu Kamal", 34.45, 40.92, 1), ("Syria", "Aleppo", "Aleppo", 36.2, 37.16, 1),
          ("Iraq", "Anbar", "Anbar", 33.0, 42.0, 3), ("Palestinian Territory", "Gaza Strip", "Khan Yunis",
                                                         31.34, 34.30, 2)]
ACTORS = ["Islamic State", "Syrian Arab Army", "Civilians (Syria)", "IRGC"]
SOURCES = ["Syrian Observatory for Human Rights", "Reuters", "Local sources"]
OUTLETS = ["Gulf & Levant Wire", "Jazira Bulletin", None]
HOSTILE = 'The <script>alert("x")</script> <img src=x onerror=alert(1)> report said.'


def event_n(i: int, article_id: str, text: str, sentence: str) -> Event:
    etype, sub = TYPES[i % 4]
    country, admin1, loc, lat, lon, prec = PLACES[i % 4]
    start = text.index(sentence)
    return Event(
        event_id=content_id("synthetic", i), event_type=etype, sub_event_type=sub,
        event_date=f"2024-0{1 + i % 3}-{1 + i % 28:02d}" if i % 10 else None, time_precision=1,
        actor1=ACTORS[i % 4], assoc_actor_1=(), inter1="Rebel group", actor2=ACTORS[(i + 1) % 4],
        assoc_actor_2=(), inter2=None, country=country, admin1=admin1, admin2=None, location=loc,
        latitude=None if i % 7 == 6 else lat, longitude=None if i % 7 == 6 else lon, geo_precision=prec,
        geonameid=None, fatalities=i % 5 if i % 3 else None, sources=(SOURCES[i % 3],), article_ids=(article_id,),
        evidence=(Evidence(article_id, start, start + len(sentence), sentence),),
        modality="occurred" if i % 6 else "feared")


def synthetic_db(path: Path, n: int = 40) -> Path:
    """`n` events, one article each; article 0 holds hostile HTML."""
    with open_store(path) as store:
        for i in range(n):
            sentence = f"Fighters clashed near marker{i} on the road, sources said."
            text = (HOSTILE + " " if i == 0 else "Intro line. ") + sentence + (" Airstrike." if i % 4 == 1 else "")
            doc = RawDocument(content_id("doc", i), f"synthetic/{i}.txt", "txt", text)
            art = Article(content_id("art", i), doc.doc_id, doc.origin, f"Report {i}", "2024-03-01",
                          OUTLETS[i % 3], "en", text)
            store.add_document(doc, [art], [event_n(i, art.article_id, text, sentence)], [])
    return path


@functools.cache
def _demo() -> Path:
    from marsad.cli import _coder
    from marsad.pipeline import ingest_paths

    folder = Path(tempfile.mkdtemp(prefix="marsad-demo-"))
    with open_store(folder / "demo.db") as store:
        ingest_paths([str(ROOT / "demo" / "corpus")], store, coder=_coder(True), progress=False)  # type: ignore[arg-type]
    return folder / "demo.db"


def demo_db(target: Path) -> Path:
    """A copy of the demo corpus ingested (built once per test session)."""
    shutil.copy(_demo(), target)
    return target

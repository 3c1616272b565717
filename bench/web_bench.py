"""The workbench under load: p50/p95 latency of the API on a generated database of 100,000
events, and the page's load time in headless Chromium. Prints; never asserts.

    python bench/web_bench.py [--events 100000] [--requests 60] [--db bench/out/web.db | postgresql://…]
                              [--no-browser]

1. Generates the database through the store's connection (synthetic events, no NLP, rows batched
   in multi-row INSERTs), unless it exists (for PostgreSQL: unless it holds events), and prints the
   generator's rate (events/s) and the bytes per event (the SQLite file; pg_database_size).
2. Times the endpoints in-process (ASGI, no network): a filtered page of events, the timeline,
   facets, map points, text search; first with the result cache off (every request computed
   from the database: the cold path), then on (repeated filters are served from the cache).
   Map points are asked as the page asks (its zoom and view): above 20,000 events the server
   sends cells, whose number follows the view. Targets (issue 12, at 1,000,000 events): p95
   ≤ 200 ms for a filtered page and the timeline, ≤ 300 ms for facets and a text search page,
   ≤ 500 ms for facets under a text search, ≤ 1 s for map points.
3. Starts uvicorn on a loopback port and times the page in Chromium until map, facets,
   timeline and list are drawn.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import sqlite3
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from marsad import link, vocab
from marsad.records import content_id
from marsad.store import evidence, open_store
from marsad.store.pg_url import is_postgres, shown_url

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = {"Syria": ["Aleppo", "Idlib", "Deir ez-Zor", "Homs", "Daraa", "Raqqa"],
             "Iraq": ["Anbar", "Baghdad", "Nineveh", "Kirkuk"], "Yemen": ["Sanaa", "Marib", "Taiz", "Hodeidah"],
             "Lebanon": ["South Governorate", "Beqaa"], "Palestinian Territory": ["Gaza Strip", "West Bank"]}
ACTORS = [f"Armed group {i}" for i in range(300)] + ["Islamic State", "Military Forces of Syria", "Hezbollah"]
SOURCES = ["Syrian Observatory for Human Rights", "Reuters", "Local sources", "Health ministry", "AFP"]
OUTLETS = ["Gulf & Levant Wire", "Jazira Bulletin", "Enab Baladi", "North Press", None]


_TAG_COLUMNS = ("event_type", "sub_event_type", "event_date", "country", "admin1", "latitude", "longitude",
                "geo_precision", "fatalities", "modality", "status")


def _event_rows(i: int, rnd: random.Random, subs: list[str], places: list[tuple[str, str, str, float, float]],
                n_articles: int, outlet_of: list[str | None], texts: list[str]) -> tuple[tuple[Any, ...], ...]:
    """One synthetic event: its row in `events` (the record as JSON, its evidence the second
    sentence of its article, stored as the store stores it: `evidence.pack`), `event_articles`,
    `event_index` and its actors, sources and tags, as `overlay.reindex` would write them (no
    linking: every generated event is its own)."""
    sub = rnd.choice(subs)
    country, admin1, loc, lat, lon = rnd.choice(places)
    date = _DAYS[rnd.randrange(0, 3 * 365)]
    j = rnd.randrange(n_articles)
    article_id = content_id("bench-art", j)
    actor1, actor2 = rnd.choice(ACTORS), rnd.choice(ACTORS)
    source = rnd.choice(SOURCES)
    data: dict[str, Any] = {
        "event_id": content_id("bench", i), "event_type": vocab.event_type_of(sub), "sub_event_type": sub,
        "event_date": date, "time_precision": 1, "actor1": actor1, "assoc_actor_1": [],
        "inter1": "Rebel group", "actor2": actor2, "assoc_actor_2": [], "inter2": None,
        "country": country, "admin1": admin1, "admin2": None, "location": loc, "latitude": lat,
        "longitude": lon, "geo_precision": rnd.choice((1, 1, 2, 3)), "geonameid": None,
        "fatalities": rnd.choice((None, 0, 1, 2, 3, 5, 10, 25)), "sources": [source],
        "article_ids": [article_id], "evidence": [], "modality": rnd.choice(("occurred",) * 9 + ("feared",)),
        "notes": "", "outlets": []}  # outlets: the facets read them from the articles table
    start = texts[j].index(". ") + 2
    end = texts[j].index(". ", start) + 1
    data["evidence"] = [{"article_id": article_id, "start": start, "end": end, "text": texts[j][start:end]}]
    data["notes"] = texts[j][start:end]
    data["corroboration"] = link.corroboration(data)
    stored = evidence.pack(data, {article_id: texts[j]})
    eid = data["event_id"]
    index = (eid, data["event_type"], sub, date, country, admin1, loc, lat, lon, data["geo_precision"],
             data["fatalities"], data["modality"], "unreviewed", 0)
    tag_cols = (data["event_type"], sub, date, country, admin1, lat, lon, data["geo_precision"], data["fatalities"],
                data["modality"], "unreviewed")
    actors = sorted({actor1, actor2})
    tags = [("actor", a, eid, *tag_cols) for a in actors] + [("source", source, eid, *tag_cols)]
    if outlet_of[j] is not None:
        tags.append(("outlet", outlet_of[j], eid, *tag_cols))
    return ((eid, data["event_type"], sub, date, country, admin1, json.dumps(stored, ensure_ascii=False)),
            (eid, article_id), index, tuple((eid, a) for a in actors), ((eid, source),), tuple(tags))


_DAYS = [time.strftime("%Y-%m-%d", time.gmtime(1577836800 + day * 86400)) for day in range(3 * 365)]
_INSERTS = (
    "INSERT INTO events (event_id, event_type, sub_event_type, event_date, country, admin1, data)"
    " VALUES (?,?,?,?,?,?,?)",
    "INSERT INTO event_articles (event_id, article_id) VALUES (?,?)",
    "INSERT INTO event_index (event_id, event_type, sub_event_type, event_date, country, admin1, location,"
    " latitude, longitude, geo_precision, fatalities, modality, status, corrected)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO event_actors (event_id, actor) VALUES (?,?)",
    "INSERT INTO event_sources (event_id, source) VALUES (?,?)",
    f"INSERT INTO event_tags (facet, value, event_id, {', '.join(_TAG_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
)


def _insert(db: Any, sql: str, rows: list[tuple[Any, ...]], per: int = 500) -> None:
    """`rows` by INSERT statements of `per` rows each (multi-row VALUES): PostgreSQL runs a
    statement's triggers (data_version) once per statement, and a round trip per row is slow."""
    head, values = sql.split(" VALUES ")
    for start in range(0, len(rows), per):
        chunk = rows[start:start + per]
        db.execute(f"{head} VALUES {','.join([values] * len(chunk))}", [x for row in chunk for x in row])


def generate(db_url: str, n: int, seed: int = 7, batch: int = 20_000) -> int:
    """`n` synthetic events (and one article per five events) written through the store's
    connection: rows batched in multi-row INSERTs, one transaction per batch. Returns the count."""
    rnd = random.Random(seed)
    subs = list(vocab.sub_event_types())
    places = [(c, a, f"{a} town {k}", 30 + rnd.random() * 7, 35 + rnd.random() * 9)
              for c, admins in COUNTRIES.items() for a in admins for k in range(40)]
    with open_store(db_url) as store:
        db = store.db
        if isinstance(db, sqlite3.Connection):
            db.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache while the indexes fill
        n_articles = max(1, n // 5)
        outlet_of = [rnd.choice(OUTLETS) for _ in range(n_articles)]
        texts: list[str] = []
        for start in range(0, n_articles, batch):
            docs, arts = [], []
            for j in range(start, min(n_articles, start + batch)):
                doc_id = content_id("bench-doc", j)
                docs.append((doc_id, f"bench/{j}.txt", "txt", "utf-8", "2024-01-01T00:00:00"))
                text = (f"Report {j}. Fighters attacked positions near {rnd.choice(places)[2]}, killing several,"
                        f" {rnd.choice(SOURCES)} said. Shelling continued overnight.")
                texts.append(text)
                arts.append((content_id("bench-art", j), doc_id, 0, f"bench/{j}.txt", f"Report {j}", "2024-01-01",
                             outlet_of[j], "en", text, "[]"))
            db.execute("BEGIN")
            _insert(db, "INSERT INTO documents (doc_id, origin, kind, encoding, ingested_at) VALUES (?,?,?,?,?)",
                    docs)
            _insert(db, "INSERT INTO articles (article_id, doc_id, position, origin, title, published, outlet,"
                    " language, text, captions) VALUES (?,?,?,?,?,?,?,?,?,?)", arts)
            db.execute("COMMIT")
        for start in range(0, n, batch):
            tables: list[list[tuple[Any, ...]]] = [[] for _ in _INSERTS]
            for i in range(start, min(n, start + batch)):
                event, ea, index, actors, sources, tags = _event_rows(i, rnd, subs, places, n_articles, outlet_of,
                                                                      texts)
                tables[0].append(event)
                tables[1].append(ea)
                tables[2].append(index)
                tables[3].extend(actors)
                tables[4].extend(sources)
                tables[5].extend(tags)
            db.execute("BEGIN")
            for sql, rows in zip(_INSERTS, tables, strict=True):
                _insert(db, sql, rows)
            db.execute("COMMIT")
        db.execute("ANALYZE")
        return int(db.execute("SELECT count(*) FROM event_index").fetchone()[0])


def db_bytes(db_url: str) -> int:
    """The database's size on disk: the SQLite file (and its WAL), or PostgreSQL's pg_database_size."""
    if is_postgres(db_url):
        with open_store(db_url) as store:
            return int(store.db.execute("SELECT pg_database_size(current_database())").fetchone()[0])
    path = Path(db_url)
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def exists(db_url: str) -> bool:
    if is_postgres(db_url):
        try:
            with open_store(db_url) as store:
                return int(store.db.execute("SELECT count(*) FROM event_index").fetchone()[0]) > 0
        except Exception:
            return False
    return Path(db_url).exists()


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))] * 1000


def time_api(db: str, requests: int, *, cache: bool) -> None:
    from fastapi.testclient import TestClient

    from marsad.web import create_app

    client = TestClient(create_app(db, cache=cache), base_url="http://127.0.0.1")  # a name the server answers
    rnd = random.Random(1)
    types = list(vocab.event_types())

    def filtered(page: bool = False) -> dict[str, object]:
        """A filter as the page sets one; `page`: with the list's page and order (the API
        refuses parameters an endpoint does not take)."""
        country = rnd.choice(list(COUNTRIES))
        start = rnd.randrange(0, 700)
        return {"event_type": rnd.choice(types), "country": country, "modality": "occurred",
                "date_from": time.strftime("%Y-%m-%d", time.gmtime(1577836800 + start * 86400)),
                "date_to": time.strftime("%Y-%m-%d", time.gmtime(1577836800 + (start + 180) * 86400)),
                **({"limit": 100, "sort": "-date"} if page else {})}

    cases = {
        "events, filtered page of 100": lambda: ("/api/events", filtered(page=True)),
        "events, unfiltered page of 100": lambda: ("/api/events", {"limit": 100, "sort": "-date",
                                                                     "offset": rnd.randrange(0, 5000)}),
        "events, text search page": lambda: ("/api/events", {"q": "shelling", "limit": 100}),
        "facets, text search (all articles)": lambda: ("/api/facets", {"q": "shelling"}),
        "timeline, all events (day)": lambda: ("/api/timeline", {"interval": "day"}),
        "timeline, all events (week)": lambda: ("/api/timeline", {"interval": "week"}),
        "timeline, all events (month)": lambda: ("/api/timeline", {"interval": "month"}),
        "timeline, all events (year)": lambda: ("/api/timeline", {"interval": "year"}),
        "timeline, filtered (week)": lambda: ("/api/timeline", {**filtered(), "interval": "week"}),
        "facets, filtered": lambda: ("/api/facets", filtered()),
        "facets, all events": lambda: ("/api/facets", {}),
        # As the page asks (its zoom and view): cells counted by the server above 20,000 events.
        "map points, all events (zoom 6)": lambda: ("/api/map/points", {"modality": "occurred", "zoom": 6,
                                                                        "view": "32,28,48,39"}),
        "map points, all events (zoom 9)": lambda: ("/api/map/points", {"modality": "occurred", "zoom": 9,
                                                                        "view": "36,32,38,34"}),
        "map points, every point": lambda: ("/api/map/points", {"modality": "occurred"}),
    }
    print(f"{'endpoint (cache ' + ('on)' if cache else 'off: every request computed)'):34} {'p50 ms':>8}"
          f" {'p95 ms':>8}")
    for name, make in cases.items():
        samples = []
        count = requests if "all" not in name or "timeline" in name else max(10, requests // 3)
        for _ in range(count):
            path, params = make()
            t = time.perf_counter()
            r = client.get(path, params=params)  # type: ignore[arg-type]
            samples.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text
        p50, p95 = percentiles(samples)
        print(f"{name:34} {p50:8.1f} {p95:8.1f}  ({count} requests, {len(r.content) / 1000:.0f} kB)")


def time_page(db: str, runs: int = 3) -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from marsad.cli_serve import uvicorn_options
    from marsad.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, **uvicorn_options()))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            for run in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 850})
                t = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-ready]", timeout=120000)
                loaded = time.perf_counter() - t
                shown = page.evaluate("document.body.dataset.mapEvents")  # before zooming into a corner
                t = time.perf_counter()
                page.mouse.move(600, 300)
                for _ in range(3):  # zoom in and out: clusters are recomputed on every move
                    page.mouse.wheel(0, -300)
                    page.wait_for_timeout(300)
                print(f"page load in Chromium, run {run + 1}: {loaded * 1000:.0f} ms until map, timeline, facets and"
                      f" list are drawn ({shown} events on the map)")
                if run == 0:
                    (ROOT / "artifacts").mkdir(exist_ok=True)
                    page.screenshot(path=str(ROOT / "artifacts" / "bench-100k.png"))
                page.close()
            browser.close()
    finally:
        server.should_exit = True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=60)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "web.db"),
                    help="an SQLite file or postgresql://… (an existing, empty database)")
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args()
    if not exists(a.db):
        if not is_postgres(a.db):
            Path(a.db).parent.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        n = generate(a.db, a.events)
        took = time.perf_counter() - t
        size = db_bytes(a.db)
        print(f"generated {n} events in {took:.1f} s ({n / took:,.0f} events/s): {shown_url(a.db)},"
              f" {size / 1e6:,.0f} MB, {size / n:,.0f} bytes/event")
    else:
        with open_store(a.db) as store:
            n = int(store.db.execute("SELECT count(*) FROM event_index").fetchone()[0])
        size = db_bytes(a.db)
        print(f"{shown_url(a.db)}: {n} events, {size / 1e6:,.0f} MB, {size / n:,.0f} bytes/event")
    time_api(a.db, a.requests, cache=False)
    time_api(a.db, a.requests, cache=True)
    if not a.no_browser and Path("/usr/bin/chromium").exists():
        time_page(a.db)


if __name__ == "__main__":
    main()

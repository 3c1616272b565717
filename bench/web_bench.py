"""The workbench under load: p50/p95 latency of the API on a generated database of 100,000
events, and the page's load time in headless Chromium. Prints; never asserts.

    python bench/web_bench.py [--events 100000] [--requests 60] [--db bench/out/web.db] [--no-browser]

1. Generates the database through the store (synthetic events, no NLP), unless it exists.
2. Times the endpoints in-process (ASGI, no network): a filtered page of events, the timeline,
   facets, map points, text search; first with the result cache off (every request computed
   from the database: the cold path), then on (repeated filters are served from the cache).
   Targets: p95 < 200 ms for a filtered page, < 100 ms for the timeline, < 300 ms for facets,
   map points and text search.
3. Starts uvicorn on a loopback port and times the page in Chromium until map, facets,
   timeline and list are drawn.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import threading
import time
from pathlib import Path

from marsad import vocab
from marsad.records import content_id
from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = {"Syria": ["Aleppo", "Idlib", "Deir ez-Zor", "Homs", "Daraa", "Raqqa"],
             "Iraq": ["Anbar", "Baghdad", "Nineveh", "Kirkuk"], "Yemen": ["Sanaa", "Marib", "Taiz", "Hodeidah"],
             "Lebanon": ["South Governorate", "Beqaa"], "Palestinian Territory": ["Gaza Strip", "West Bank"]}
ACTORS = [f"Armed group {i}" for i in range(300)] + ["Islamic State", "Military Forces of Syria", "Hezbollah"]
SOURCES = ["Syrian Observatory for Human Rights", "Reuters", "Local sources", "Health ministry", "AFP"]
OUTLETS = ["Gulf & Levant Wire", "Jazira Bulletin", "Enab Baladi", "North Press", None]


def generate(path: Path, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    subs = vocab.sub_event_types()
    places = [(c, a, f"{a} town {k}", 30 + rnd.random() * 7, 35 + rnd.random() * 9)
              for c, admins in COUNTRIES.items() for a in admins for k in range(40)]
    with open_store(path) as store:
        db = store.db
        db.execute("BEGIN")
        n_articles = max(1, n // 5)
        for j in range(n_articles):
            doc_id = content_id("bench-doc", j)
            db.execute("INSERT INTO documents (doc_id, origin, kind, encoding, ingested_at) VALUES (?,?,?,?,?)",
                       (doc_id, f"bench/{j}.txt", "txt", "utf-8", "2024-01-01T00:00:00"))
            text = (f"Report {j}. Fighters attacked positions near {rnd.choice(places)[2]}, killing several,"
                    f" {rnd.choice(SOURCES)} said. Shelling continued overnight.")
            db.execute("INSERT INTO articles (article_id, doc_id, position, origin, title, published, outlet,"
                       " language, text, captions) VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (content_id("bench-art", j), doc_id, 0, f"bench/{j}.txt", f"Report {j}", "2024-01-01",
                        rnd.choice(OUTLETS), "en", text, "[]"))
        for i in range(n):
            sub = rnd.choice(subs)
            country, admin1, loc, lat, lon = rnd.choice(places)
            day = rnd.randrange(0, 3 * 365)
            date = time.strftime("%Y-%m-%d", time.gmtime(1577836800 + day * 86400))
            article_id = content_id("bench-art", rnd.randrange(n_articles))
            store._put_event({
                "event_id": content_id("bench", i), "event_type": vocab.event_type_of(sub), "sub_event_type": sub,
                "event_date": date, "time_precision": 1, "actor1": rnd.choice(ACTORS), "assoc_actor_1": [],
                "inter1": "Rebel group", "actor2": rnd.choice(ACTORS), "assoc_actor_2": [], "inter2": None,
                "country": country, "admin1": admin1, "admin2": None, "location": loc, "latitude": lat,
                "longitude": lon, "geo_precision": rnd.choice((1, 1, 2, 3)), "geonameid": None,
                "fatalities": rnd.choice((None, 0, 1, 2, 3, 5, 10, 25)), "sources": [rnd.choice(SOURCES)],
                "article_ids": [article_id], "evidence": [], "modality": rnd.choice(("occurred",) * 9 + ("feared",)),
                "notes": ""}, {})  # outlets: the facets read them from the articles table
        db.execute("COMMIT")
        db.execute("ANALYZE")


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))] * 1000


def time_api(db: Path, requests: int, *, cache: bool) -> None:
    from fastapi.testclient import TestClient

    from marsad.web import create_app

    client = TestClient(create_app(db, cache=cache), base_url="http://127.0.0.1")  # a name the server answers
    rnd = random.Random(1)
    types = list(vocab.event_types())

    def filtered() -> dict[str, object]:
        country = rnd.choice(list(COUNTRIES))
        start = rnd.randrange(0, 700)
        return {"event_type": rnd.choice(types), "country": country, "modality": "occurred",
                "date_from": time.strftime("%Y-%m-%d", time.gmtime(1577836800 + start * 86400)),
                "date_to": time.strftime("%Y-%m-%d", time.gmtime(1577836800 + (start + 180) * 86400)),
                "limit": 100, "sort": "-date"}

    cases = {
        "events, filtered page of 100": lambda: ("/api/events", filtered()),
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
        "map points, all events": lambda: ("/api/map/points", {"modality": "occurred"}),
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


def time_page(db: Path, runs: int = 3) -> None:
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
                t = time.perf_counter()
                page.mouse.move(600, 300)
                for _ in range(3):  # zoom in and out: clusters are recomputed on every move
                    page.mouse.wheel(0, -300)
                    page.wait_for_timeout(300)
                print(f"page load in Chromium, run {run + 1}: {loaded * 1000:.0f} ms until map, timeline, facets and"
                      f" list are drawn ({page.evaluate('document.body.dataset.mapEvents')} events on the map)")
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
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "web.db")
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args()
    if not a.db.exists():
        a.db.parent.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        generate(a.db, a.events)
        print(f"generated {a.events} events in {time.perf_counter() - t:.1f} s: {a.db}")
    time_api(a.db, a.requests, cache=False)
    time_api(a.db, a.requests, cache=True)
    if not a.no_browser and Path("/usr/bin/chromium").exists():
        time_page(a.db)


if __name__ == "__main__":
    main()

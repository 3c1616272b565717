"""The Claims tab under load: p50/p95 latency of the claims endpoints the page calls, on a
generated database of 100,000 claims. Prints; never asserts. Target: p95 < 200 ms.

    python bench/claims_bench.py [--claims 100000] [--requests 40] [--db bench/out/claims.db]

The database is generated through the store (synthetic claims, no NLP), unless it exists;
requests run in-process (ASGI, no network) with the result cache off: the cold path.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from web_bench import percentiles

from marsad.records import Article, Claim, Evidence, RawDocument, content_id
from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PLACES = [("Daraa", 32.6, 36.1), ("Deir ez-Zor", 35.3, 40.1), ("Aleppo", 36.2, 37.2), ("Homs", 34.7, 36.7),
          ("Idlib", 35.9, 36.6), ("Hama", 35.1, 36.7), ("Raqqa", 35.9, 39.0), ("Quneitra", 33.1, 35.8)]
SUBJECTS = ["Militia (Pro-Iran)", "Hezbollah", "SDF: Syrian Democratic Forces", "Islamic State (Syria)", None]
SOURCES = [f"Monitor {i}" for i in range(12)]
CLASSES = ["positions", "fighters", "deaths", "vehicles", "displaced"]
PER_ARTICLE = 10


def generate(path: Path, n: int, seed: int = 3) -> None:
    rnd = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_store(path) as store:
        for d in range(n // PER_ARTICLE):
            text = f"Report {d}. " + " ".join(f"Sentence {i} counts {i + 5} posts." for i in range(PER_ARTICLE))
            doc = RawDocument(content_id("claims-bench", d), f"bench/{d}.txt", "txt", text)
            published = f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}"
            art = Article(content_id("claims-bench-article", d), doc.doc_id, doc.origin, f"Count {d}", published,
                          "Wire", "en", text)
            claims = []
            for i in range(PER_ARTICLE):
                place, lat, lon = rnd.choice(PLACES)
                claims.append(Claim(content_id(art.article_id, i), art.article_id, rnd.randint(1, 100), "posts",
                                    rnd.choice(SUBJECTS), place, place, rnd.choice(SOURCES),
                                    (Evidence(art.article_id, 0, 10, text[:10]),), rnd.choice(CLASSES), published,
                                    3, "Syria", lat, lon, None))
            store.add_document(doc, [art], [], claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "claims.db")
    args = ap.parse_args()
    if not args.db.exists():
        t0 = time.perf_counter()
        generate(args.db, args.claims)
        print(f"generated {args.claims:,} claims in {time.perf_counter() - t0:.0f} s: {args.db}")
    from fastapi.testclient import TestClient

    from marsad.web import create_app

    client = TestClient(create_app(args.db, cache=False), base_url="http://127.0.0.1")
    first = client.get("/api/claims").json()["claims"][0]["claim_id"]
    print(f"Claims tab, {args.requests} requests each, cache off (target p95 < 200 ms):")
    for path, params in (("/api/claims/groups", {}), ("/api/claims/groups", {"unit_class": "positions"}),
                         ("/api/claims/choropleth", {"unit_class": "positions"}),
                         ("/api/claims", {"place": "Daraa", "unit_class": "positions"}),
                         (f"/api/claims/{first}", {})):
        samples = []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            r = client.get(path, params=params)
            samples.append(time.perf_counter() - t0)
            if r.status_code != 200:
                raise SystemExit(f"{path}: HTTP {r.status_code}: {r.text[:200]}")
        p50, p95 = percentiles(samples)
        shown = path if not params else f"{path}?{'&'.join(f'{k}={v}' for k, v in params.items())}"
        print(f"  {shown:<58} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()

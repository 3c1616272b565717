"""Geoparsing speed: toponyms resolved per second and documents geoparsed per second.

    python bench/geo_bench.py [--docs 200] [--data ../shared/data/geo]

A sample of TR-News and GeoWebNews articles (alternating, the first --docs of them):
1. resolution only — `place_spans` over the gold toponym spans, what `marsad geoparse`
   does for documents that carry "spans" (resolution, then the places the text locates); the resolver's caches are
   cleared first, so the figure includes the gazetteer look-ups a fresh process pays;
2. end to end — `geoparse_documents` on the texts alone: spaCy (marsad's pipeline) finds
   the toponyms, the resolver places them.
One process (spaCy's NER uses the machine's cores as it sees fit); prints, never asserts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "eval")]

from geo import DEFAULT_DATA, load_geowebnews, load_trnews  # noqa: E402

from marsad.nlp import load_pipeline  # noqa: E402
from marsad.places import Gazetteer, PlaceResolver  # noqa: E402
from marsad.places.geoparse import geoparse_documents, place_spans  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gazetteer", type=Path, default=None)
    args = ap.parse_args(argv)

    tr = load_trnews(args.data / "TR-News.xml")
    gw = load_geowebnews(args.data / "GeoWebNews.xml")
    mixed = [d for pair in zip(tr, gw, strict=False) for d in pair]
    docs = [d for d in mixed if d.text.strip()][: args.docs]
    chars = sum(len(d.text) for d in docs)

    resolver = PlaceResolver(Gazetteer.open(args.gazetteer))
    t0 = time.perf_counter()
    n_top = 0
    for d in docs:
        n_top += len(place_spans(d.text, [(g.start, g.end) for g in d.gold], resolver)[0])
    t_res = time.perf_counter() - t0

    nlp = load_pipeline(resolver.gaz)
    nlp("warm up")
    records = [{"id": i, "text": d.text} for i, d in enumerate(docs)]
    t0 = time.perf_counter()
    found = sum(len(r["toponyms"]) for r in geoparse_documents(records, resolver=resolver, nlp=nlp))
    t_e2e = time.perf_counter() - t0

    print(f"sample: {len(docs)} articles, {chars / 1000:.0f} k characters (TR-News + GeoWebNews)")
    print(f"resolution (gold spans): {n_top} toponyms in {t_res:.2f} s = {n_top / t_res:,.0f} toponyms/s")
    print(
        f"end to end (detect + resolve): {len(docs)} documents, {found} toponyms in {t_e2e:.2f} s = "
        f"{len(docs) / t_e2e:.1f} documents/s, {chars / t_e2e / 1000:.0f} k characters/s"
    )


if __name__ == "__main__":
    main()

"""The writer's ceiling: documents stored per second, coding excluded, on SQLite and PostgreSQL.

    python bench/store_bench.py [--docs 400]

With `--workers N` and `--cluster`, one process stores what every worker codes, so its rate
bounds the whole ingest: this prints how many coding cores one writer keeps up with.
Documents are generated from the demo corpus (bench.make_corpus), coded once, then stored
into a new SQLite file and a new PostgreSQL database (a server started for the bench, as
the tests start one). Prints; never asserts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from marsad.ingest import read_paths
from marsad.pipeline import Refused, code_batch, load_event_coder
from marsad.records import RawDocument
from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))


def store_rate(db: str, coded: list) -> float:
    with open_store(db) as store:
        start = time.perf_counter()
        for doc, articles, events, claims in coded:
            store.add_document(doc, articles, events, claims)
        return len(coded) / (time.perf_counter() - start)


def main() -> None:
    import pgserver

    from bench import make_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.docs)
        docs = [d for d in read_paths([str(corpus)]) if isinstance(d, RawDocument)]
        coder = load_event_coder()
        start = time.perf_counter()
        coded = [out for i in range(0, len(docs), 16) for out in code_batch(docs[i:i + 16], coder)
                 if not isinstance(out, Refused)]
        coding = len(coded) / (time.perf_counter() - start)
        events = sum(len(c[2]) for c in coded)
        print(f"coded {len(coded)} documents ({events} events) at {coding:.1f} documents/s (one process)")
        lite = store_rate(f"{tmp}/store.db", coded)
        print(f"store, SQLite:     {lite:.0f} documents/s = one writer for {lite / coding:.0f} coding cores")
        try:
            server = pgserver.Server(durable=True)
        except (pgserver.Unavailable, subprocess.CalledProcessError) as e:
            print(f"store, PostgreSQL: skipped ({e})")
            return
        try:
            url, _ = pgserver.schema_url(server.base)
            pg = store_rate(url, coded)
            print(f"store, PostgreSQL: {pg:.0f} documents/s = one writer for {pg / coding:.0f} coding cores"
                  " (a server on this machine, every commit flushed to disk)")
        finally:
            server.stop()


if __name__ == "__main__":
    main()

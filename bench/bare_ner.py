"""The bare spaCy NER pass over the article texts of a marsad database: the speed yardstick.

Same model, same batching, nothing of marsad's: `nlp.pipe` over every article text.
"""

from __future__ import annotations

import sqlite3
import sys
import time

from marsad.nlp import load_base_pipeline


def main() -> None:
    texts = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT text FROM articles")]
    nlp = load_base_pipeline()
    start = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    t = time.perf_counter() - start
    print(f"bare spaCy NER: {len(texts)} articles in {t:.1f} s = {len(texts) / t:.1f} articles/s ({ents} entities)")


if __name__ == "__main__":
    main()

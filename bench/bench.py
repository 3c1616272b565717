"""marsad's benchmark: prints throughput and peak memory; never asserts (see README, "Speed").

    python bench/bench.py [--docs 1000] [--skip-events]

1. Builds a corpus of --docs documents from the demo corpus (each copy made unique, so
   nothing is skipped as a duplicate) in a temporary folder.
2. Ingest without event coding (`--no-events`): articles/s and peak RSS, in a child process.
3. Ingest with event coding: the same, end to end.
4. The bare spaCy NER pass over the same article texts, for comparison.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"


def make_corpus(folder: Path, n: int) -> int:
    sources = sorted(p for p in DEMO.rglob("*") if p.is_file())
    written = 0
    i = 0
    while written < n:
        for src in sources:
            if written >= n:
                break
            tag = f"Archive reference {i}-{src.stem}."
            data = src.read_bytes()
            if src.suffix == ".jsonl":
                rows = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
                for r in rows:
                    r["text"] += f"\n\n{tag}"
                    r.pop("url", None)
                out = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
                written += len(rows)
            elif src.suffix in (".html", ".htm"):
                out = data.replace(b"</body>", f"<p>{tag}</p></body>".encode())
                written += 1
            else:
                out = data + f"\n\n{tag}\n".encode()
                written += 1
            (folder / f"{i:05d}_{src.name}").write_bytes(out)
            i += 1
    return written


def run_child(args: list[str]) -> tuple[float, float, str]:
    """Run a command; (seconds, peak RSS of the child in MB, stdout)."""
    start = time.perf_counter()
    p = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 3):
        sys.exit(f"failed: {' '.join(args)}\n{p.stderr[-2000:]}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, rss, p.stdout


def stat(out: str, key: str) -> int:
    for line in out.splitlines():
        if line.startswith(key):
            return int(line.split(":")[1])
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--skip-events", action="store_true", help="only the article ingest")
    args = ap.parse_args()
    marsad = str(Path(sys.executable).parent / "marsad")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n = make_corpus(corpus, args.docs)
        print(f"corpus: {n} documents generated from {DEMO.relative_to(ROOT)}")
        t, rss, out = run_child([marsad, "ingest", str(corpus), "--db", f"{tmp}/a.db", "--no-events",
                                 "--no-progress"])
        arts = stat(out, "articles stored")
        print(f"ingest, articles only:  {arts} articles in {t:.1f} s = {arts / t:.1f} articles/s; "
              f"peak RSS {rss:.0f} MB")
        if args.skip_events:
            return
        t2, rss2, out2 = run_child([marsad, "ingest", str(corpus), "--db", f"{tmp}/e.db", "--no-progress"])
        arts2 = stat(out2, "articles stored")
        print(f"ingest, events coded:   {arts2} articles in {t2:.1f} s = {arts2 / t2:.1f} articles/s; "
              f"{stat(out2, 'events coded')} events, {stat(out2, 'claims found')} claims; "
              f"peak RSS (max of runs so far) {rss2:.0f} MB")
        ner = subprocess.run([sys.executable, str(Path(__file__).with_name("bare_ner.py")), f"{tmp}/a.db"],
                             capture_output=True, text=True)
        print(ner.stdout.strip() or ner.stderr[-1000:])
        if ner.returncode == 0 and ner.stdout.strip():
            rate = float(ner.stdout.split("=")[1].split()[0])
            print(f"end-to-end ingest is {100 * (arts2 / t2) / rate:.0f}% of the bare spaCy NER throughput")


if __name__ == "__main__":
    main()

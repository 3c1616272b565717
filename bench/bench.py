"""marsad's benchmark: prints throughput and peak memory; never asserts (see README, "Speed").

    python bench/bench.py [--docs 1000] [--skip-events]

1. Builds a corpus of --docs documents from the demo corpus (each copy made unique, so
   nothing is skipped as a duplicate) in a temporary folder.
2. Ingest without event coding (`--no-events`): articles/s and peak RSS, in a child process.
3. Ingest with event coding: the same, end to end, in one process (`--workers 1`); the
   database's bytes per event, and those of the event records alone.
4. The same with `--workers 2`: articles/s, the speed-up, peak RSS of the main process and
   of each worker (the process tree polled every 0.2 s), and whether the events are the same;
   then on a 2-worker Dask LocalCluster into a PostgreSQL server started for the bench
   (tests/pgserver.py), the same figures.
5. The bare spaCy NER pass over the same article texts, for comparison (it times no model
   load); step 3's figure beside it, end to end and after the start (less the time of a
   one-document ingest); articles per day, measured, and extrapolated to 8 and 32 cores.
6. Arabic reports made the same way from `demo/arabic/`, coded with `--workers 1`: articles/s
   beside English.
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


def make_corpus(folder: Path, n: int, source: Path = DEMO) -> int:
    """`n` documents made from the demo reports in `source`, each copy made unique by a tag."""
    sources = sorted(p for p in source.rglob("*") if p.suffix in (".txt", ".html", ".htm", ".jsonl")
                     and _utf8(p))
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


def _utf8(path: Path) -> bool:
    """Copies get a tag appended in UTF-8: a file in another encoding is left out."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def run_child(args: list[str]) -> tuple[float, float, str]:
    """Run a command; (seconds, peak RSS of the child in MB, stdout)."""
    start = time.perf_counter()
    p = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 3):
        sys.exit(f"failed: {' '.join(args)}\n{p.stderr[-2000:]}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, rss, p.stdout


def run_tree(args: list[str]) -> tuple[float, float, float, str]:
    """Run a command that starts worker processes; (seconds, peak RSS in MB of the command's
    own process, the highest peak RSS of any process under it, stdout)."""
    import psutil

    peak: dict[int, int] = {}
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        p = subprocess.Popen(args, stdout=out, stderr=err, text=True)
        main = psutil.Process(p.pid)
        while p.poll() is None:
            try:
                tree = [main, *main.children(recursive=True)]
            except psutil.Error:
                tree = []
            for proc in tree:
                try:
                    peak[proc.pid] = max(peak.get(proc.pid, 0), proc.memory_info().rss)
                except psutil.Error:  # it ended meanwhile
                    pass
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if p.returncode not in (0, 3):
        sys.exit(f"failed: {' '.join(args)}\n{stderr[-2000:]}")
    own = peak.pop(p.pid, 0) / 2**20
    return elapsed, own, max(peak.values(), default=0) / 2**20, stdout


def exported(marsad: str, db: str) -> str:
    return subprocess.run([marsad, "export", "--db", db, "--what", "events", "--modality", "all"],
                          capture_output=True, text=True).stdout


def storage(db: str) -> str:
    """Bytes per event: the whole SQLite file, and the event records (JSON) alone."""
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    events, record = con.execute("SELECT count(*), sum(length(CAST(data AS BLOB))) FROM events").fetchone()
    con.close()
    return (f"database {Path(db).stat().st_size / max(events, 1):,.0f} bytes per event, of which the event"
            f" record {record / max(events, 1):,.0f}")


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
                                 "--no-progress", "--workers", "1"])
        arts = stat(out, "articles stored")
        print(f"ingest, articles only:  {arts} articles in {t:.1f} s = {arts / t:.1f} articles/s; "
              f"peak RSS {rss:.0f} MB")
        if args.skip_events:
            return
        t2, rss2, out2 = run_child([marsad, "ingest", str(corpus), "--db", f"{tmp}/e.db", "--no-progress",
                                    "--workers", "1"])
        arts2 = stat(out2, "articles stored")
        print(f"ingest, events coded:   {arts2} articles in {t2:.1f} s = {arts2 / t2:.1f} articles/s; "
              f"{stat(out2, 'events coded')} events, {stat(out2, 'claims found')} claims; "
              f"peak RSS (max of runs so far) {rss2:.0f} MB")
        print(f"storage: {storage(f'{tmp}/e.db')}")
        t3, own, worker, out3 = run_tree([marsad, "ingest", str(corpus), "--db", f"{tmp}/w.db", "--no-progress",
                                          "--workers", "2"])
        arts3 = stat(out3, "articles stored")
        same = exported(marsad, f"{tmp}/e.db") == exported(marsad, f"{tmp}/w.db")
        print(f"ingest, 2 workers:      {arts3} articles in {t3:.1f} s = {arts3 / t3:.1f} articles/s = "
              f"{(arts3 / t3) / (arts2 / t2):.2f}x --workers 1; peak RSS main process {own:.0f} MB, "
              f"worker {worker:.0f} MB (each); events {'the same as' if same else 'DIFFERENT from'} --workers 1")
        cluster_rate = on_cluster(marsad, corpus, exported(marsad, f"{tmp}/e.db"), arts2 / t2)
        ner = subprocess.run([sys.executable, str(Path(__file__).with_name("bare_ner.py")), f"{tmp}/a.db"],
                             capture_output=True, text=True)
        print(ner.stdout.strip() or ner.stderr[-1000:])
        if ner.returncode == 0 and ner.stdout.strip():
            rate = float(ner.stdout.split("=")[1].split()[0])
            print(f"end-to-end ingest is {100 * (arts2 / t2) / rate:.0f}% of the bare spaCy NER throughput"
                  f" (--workers 1); per core with --workers 2: {100 * (arts3 / t3) / 2 / rate:.0f}%")
            start = start_cost(marsad, Path(tmp))
            print(f"  after the start (a one-document ingest takes {start:.1f} s; the bare NER timing counts no "
                  f"model load either): {arts2 / (t2 - start):.1f} articles/s = "
                  f"{100 * (arts2 / (t2 - start)) / rate:.0f}% of the bare NER pass (--workers 1)")
        sizing(arts2 / t2, arts3 / t3, cluster_rate)
        arabic(marsad, Path(tmp), min(args.docs, 300), arts2 / t2)


def start_cost(marsad: str, tmp: Path) -> float:
    """Seconds of a `--workers 1` ingest of a one-sentence English document: the process's
    start (imports, models, lexicons) and one short document, the least of three runs."""
    from startup_bench import ENGLISH  # this folder's: the start-up benchmark's document

    one = tmp / "one"
    one.mkdir()
    (one / "one.txt").write_text(ENGLISH, encoding="utf-8")
    times = []
    for i in range(3):
        times.append(run_child([marsad, "ingest", str(one), "--db", f"{tmp}/one{i}.db", "--no-progress",
                                "--workers", "1"])[0])
    return min(times)


def arabic(marsad: str, tmp: Path, n: int, english: float) -> None:
    """Arabic reports (no language model: sentences and places by rule) beside English."""
    corpus = tmp / "arabic"
    corpus.mkdir()
    made = make_corpus(corpus, n, ROOT / "demo" / "arabic")
    t, rss, out = run_child([marsad, "ingest", str(corpus), "--db", f"{tmp}/ar.db", "--no-progress",
                             "--workers", "1"])
    arts = stat(out, "articles stored")
    print(f"Arabic, events coded:   {arts} articles ({made} documents from demo/arabic) in {t:.1f} s ="
          f" {arts / t:.1f} articles/s ({english:.1f} for English); {stat(out, 'events coded')} events;"
          f" peak RSS (max of runs so far) {rss:.0f} MB")


def on_cluster(marsad: str, corpus: Path, reference: str, one: float) -> float | None:
    """A 2-worker Dask LocalCluster coding into a PostgreSQL server started for the bench."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pgserver  # the tests' throwaway server: initdb + pg_ctl on a temporary directory

    try:
        server = pgserver.Server()
    except (pgserver.Unavailable, subprocess.CalledProcessError) as e:
        print(f"ingest, Dask LocalCluster(2) into PostgreSQL: skipped ({e})")
        return None
    try:
        url, _ = pgserver.schema_url(server.base)
        t, own, worker, out = run_tree([marsad, "ingest", str(corpus), "--db", url, "--no-progress",
                                        "--cluster", "local:2"])
        arts = stat(out, "articles stored")
        same = exported(marsad, url) == reference
        print(f"ingest, Dask LocalCluster(2) into PostgreSQL: {arts} articles in {t:.1f} s = {arts / t:.1f}"
              f" articles/s = {(arts / t) / one:.2f}x --workers 1; peak RSS client {own:.0f} MB, worker"
              f" {worker:.0f} MB (each); events {'the same as' if same else 'DIFFERENT from'} --workers 1 on SQLite")
        return arts / t
    finally:
        server.stop()


def sizing(one: float, two: float, cluster: float | None) -> None:
    """Articles per day: measured here, and for more cores at the per-core rate of 2 workers
    (an extrapolation: it assumes the writer keeps up, see README "Speed")."""
    day = 86_400
    print(f"projected articles/day on this machine: {one * day:,.0f} (--workers 1), {two * day:,.0f} (--workers 2)"
          + (f", {cluster * day:,.0f} (LocalCluster(2) into PostgreSQL)" if cluster else ""))
    per_core = two / 2
    print("coding capacity at the 2-worker rate per core (the one writer caps it: bench/store_bench.py): " + ", ".join(
        f"{cores} cores {per_core * cores * day:,.0f}/day" for cores in (1, 2, 8, 32)))


if __name__ == "__main__":
    main()

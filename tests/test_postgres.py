"""PostgreSQL as a store, end to end through the command line: the same database as SQLite
gives, writers at once that lose and duplicate nothing, and a killed ingest that a re-run
completes. (The store, API and watch tests run on both backends through `new_db`.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from marsad.store import open_store

from .conftest import DEMO

MARSAD = [sys.executable, "-m", "marsad"]
TOWNS = [("Saraqib", "Idlib"), ("Ariha", "Idlib"), ("Atarib", "Aleppo"), ("Tafas", "Daraa"),
         ("Mayadin", "Deir ez-Zor"), ("Manbij", "Aleppo"), ("Jisr al-Shughur", "Idlib"), ("Nawa", "Daraa")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday"]


def two_reports(folder: Path) -> list[Path]:
    """16 reports: each of 8 shellings told by two outlets in their own words (so 8 events
    that merge across articles), published the day after."""
    folder.mkdir()
    paths = []
    for i, (town, province) in enumerate(TOWNS):
        day = f"2024-03-{5 + i:02d}"
        killed = ["two", "three", "four", "five", "six", "seven", "eight", "nine"][i]
        texts = [
            (f"Shelling kills {killed} in {town}", "Levant Daily",
             f"Government shelling killed {killed} civilians in the town of {town} in {province} province on"
             f" {DAYS[i]}, the Syrian Observatory for Human Rights said. Rescue teams searched the rubble."),
            (f"{town}: {killed} civilians dead after shelling", "Northern Wire",
             f"Government forces shelled {town} in {province} on {DAYS[i]}, killing {killed} civilians,"
             " according to the Syrian Observatory for Human Rights."),
        ]
        for n, (title, outlet, text) in enumerate(texts):
            published = (f"2024-03-{6 + i:02d}")
            record = {"title": title, "text": text, "published": published, "outlet": outlet,
                      "url": f"https://{outlet.split()[0].lower()}.example.org/{day}/{n}"}
            path = folder / f"{n}_{i:02d}.json"
            path.write_text(json.dumps(record), encoding="utf-8")
            paths.append(path)
    return sorted(paths)


def clash_reports(folder: Path, n: int) -> Path:
    """`n` one-paragraph reports of clashes, each its own event."""
    folder.mkdir()
    for i in range(n):
        town, province = TOWNS[i % 8]
        (folder / f"r{i:03d}.txt").write_text(
            f"Clashes near {town}\n\nFighters clashed with government forces near {town} in {province} province on"
            f" {DAYS[i % 7]}, killing {i % 5 + 1} fighters, local sources said. Report number {i}.\n")
    return folder


def ingest(db: str, *paths: Path | str, cluster: str | None = None, **popen: object) -> subprocess.Popen[str]:
    how = ["--cluster", cluster] if cluster else ["--workers", "1"]
    return subprocess.Popen([*MARSAD, "ingest", *map(str, paths), "--db", db, "--no-progress", *how],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)  # type: ignore[call-overload]


def finished(p: subprocess.Popen[str]) -> str:
    out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err
    return out


def export(db: str, what: str, fmt: str = "jsonl") -> str:
    p = subprocess.run([*MARSAD, "export", "--db", db, "--what", what, "--format", fmt, "--modality", "all"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return p.stdout


def canonical_events(db: str) -> list[tuple]:
    """Events as what they are, not as when they were stored: their reports, evidence,
    figures, type and place (the id and the tie-breaks of a merge depend on which report
    was stored first, as with one writer fed the files in another order)."""
    out = []
    for line in export(db, "events").splitlines():
        e = json.loads(line)
        out.append((tuple(sorted(e["article_ids"])), tuple(sorted(ev["text"] for ev in e["evidence"])),
                    e["fatalities"], e["event_type"], e["admin1"]))
    return sorted(out, key=repr)


def test_postgresql_holds_what_sqlite_holds_record_for_record(tmp_path, pg_db):
    pg = pg_db("demo")
    lite = str(tmp_path / "demo.db")
    for db in (lite, pg):
        finished(ingest(db, DEMO))
    for what, fmt in (("events", "jsonl"), ("events", "acled"), ("events", "geojson"), ("claims", "jsonl"),
                      ("articles", "jsonl")):
        assert export(pg, what, fmt) == export(lite, what, fmt), (what, fmt)
    with open_store(pg, readonly=True) as s:
        assert s.counts()["events"] > 50 and s.counts()["claims"] > 10


def test_four_writers_at_once_store_what_one_writer_stores(tmp_path, pg_db):
    """Each file is in two writers' halves; SQLite's case of writers at once is test_hostile's."""
    paths = two_reports(tmp_path / "c")
    one, many = pg_db("one"), pg_db("many")
    finished(ingest(one, *paths))
    n = len(paths)
    halves = [[paths[(k * n // 4 + j) % n] for j in range(n // 2)] for k in range(4)]  # each file in two halves
    for out in map(finished, [ingest(many, *half) for half in halves]):
        assert "rejected:           0" in out
    for what in ("articles", "claims"):
        key = "article_id" if what == "articles" else "claim_id"
        rows = [sorted(map(json.loads, export(db, what).splitlines()), key=lambda r: r[key]) for db in (one, many)]
        assert rows[0] == rows[1], what
    assert len(json.loads("[" + ",".join(export(many, "articles").splitlines()) + "]")) == len(paths)
    events = canonical_events(one)
    assert canonical_events(many) == events
    assert sum(len(e[0]) == 2 for e in events) >= 6  # the two outlets' reports merged: not a vacuous comparison
    with open_store(many, readonly=True) as s:
        assert s.counts()["documents"] == n  # every file stored once, though two writers read it


def test_a_killed_ingest_into_postgresql_is_completed_by_the_same_command(tmp_path, pg_db):
    """kill -9 mid-run loses nothing, and the re-run stores what one uninterrupted run would."""
    folder = clash_reports(tmp_path / "c", 48)
    whole, killed = pg_db("whole"), pg_db("killed")
    finished(ingest(whole, folder))
    p = ingest(killed, folder, start_new_session=True)
    deadline = time.time() + 120
    with open_store(killed) as s:
        while s.counts()["documents"] < 8 and time.time() < deadline and p.poll() is None:
            time.sleep(0.05)
        os.killpg(p.pid, signal.SIGKILL)  # mid-run: between or inside a document's transaction
        p.wait()
        assert 0 < s.counts()["documents"] < 48
    out = finished(ingest(killed, folder))
    assert "duplicates skipped:" in out
    for what in ("events", "claims", "articles"):
        assert export(killed, what) == export(whole, what), what

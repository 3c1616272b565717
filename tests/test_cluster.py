"""`marsad ingest --cluster`: a Dask LocalCluster of 2 worker processes codes into PostgreSQL
what one process stores in SQLite, and a run whose worker, then client and scheduler, are
killed with SIGKILL is completed by the same command."""

from __future__ import annotations

import os
import signal
import time

import psutil

from marsad.store import open_store

from .conftest import DEMO
from .test_postgres import clash_reports, export, finished, ingest


def test_a_local_cluster_codes_into_postgresql_what_one_process_stores_in_sqlite(tmp_path, pg_db):
    lite, pg = str(tmp_path / "one.db"), pg_db("cluster")
    finished(ingest(lite, DEMO))
    out = finished(ingest(pg, DEMO, cluster="local:2"))
    assert "rejected:           0" in out
    for what, fmt in (("events", "jsonl"), ("events", "acled"), ("claims", "jsonl"), ("articles", "jsonl")):
        assert export(pg, what, fmt) == export(lite, what, fmt), (what, fmt)
    with open_store(pg, readonly=True) as s:
        assert s.counts()["events"] > 50


def _workers(client_pid: int) -> list[psutil.Process]:
    """The LocalCluster's worker processes: the client's children its nannies spawned."""
    return [p for p in psutil.Process(client_pid).children(recursive=True)
            if "spawn_main" in " ".join(p.cmdline()) and "resource_tracker" not in " ".join(p.cmdline())]


def test_killed_worker_then_killed_client_and_scheduler_lose_nothing(tmp_path, pg_db):
    folder = clash_reports(tmp_path / "c", 96)
    reference, db = str(tmp_path / "ref.db"), pg_db("killed")
    finished(ingest(reference, folder))
    p = ingest(db, folder, cluster="local:2", start_new_session=True)
    with open_store(db) as s:
        def wait_for(n: int) -> int:
            deadline = time.time() + 300
            while (stored := s.counts()["documents"]) < n and time.time() < deadline and p.poll() is None:
                time.sleep(0.1)
            return stored

        assert wait_for(16) < 96, "the run ended before a worker could be killed"
        workers = _workers(p.pid)
        assert workers, "no worker process found"
        workers[0].send_signal(signal.SIGKILL)  # Dask runs its batches again on a worker that lives
        stored = wait_for(min(s.counts()["documents"] + 16, 96))
        os.killpg(p.pid, signal.SIGKILL)  # the client, and the scheduler it runs (local:N)
        p.wait()
    out = finished(ingest(db, folder, cluster="local:2"))  # the same command completes the batch
    skipped = int(out.split("duplicates skipped:")[1].split()[0])
    assert skipped >= stored and f"articles stored:    {96 - skipped}" in out  # nothing coded twice
    for what in ("events", "claims"):
        assert export(db, what) == export(reference, what), what
    with open_store(db, readonly=True) as s:
        assert s.counts()["documents"] == 96

"""Storage: idempotent, versioned, one transaction per document, survives interruption."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from marsad.pipeline import ingest_paths
from marsad.store import open_store

BODY = ("Gunmen attacked a checkpoint near the town of {town} on Monday, killing two soldiers, local "
        "sources said. The attackers fled towards the desert after the assault, the sources added.")


def write_corpus(folder, n):
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"r{i:04d}.txt").write_text(f"Attack near town {i}\n\n" + BODY.format(town=f"Town{i}"))


def test_migrations_are_recorded_and_pragmas_set(tmp_path):
    s = open_store(tmp_path / "m.db")
    names = [r[0] for r in s.db.execute("SELECT name FROM migrations ORDER BY version")]
    assert names[:2] == ["m001_documents_and_articles", "m002_events_and_claims"]
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()
    again = open_store(tmp_path / "m.db")  # reopening applies nothing twice
    assert again.db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(names)


def test_reingest_adds_nothing_and_changed_file_is_a_new_version(tmp_path, store):
    write_corpus(tmp_path / "c", 3)
    first = ingest_paths([str(tmp_path / "c")], store, progress=False)
    second = ingest_paths([str(tmp_path / "c")], store, progress=False)
    assert (first.articles, second.articles, second.duplicates) == (3, 0, 3)
    (tmp_path / "c" / "r0001.txt").write_text("Attack near town 1\n\n" + BODY.format(town="Another town"))
    third = ingest_paths([str(tmp_path / "c")], store, progress=False)
    assert third.articles == 1 and third.duplicates == 2
    texts = [a["text"] for a in store.articles()]
    assert len(texts) == 3 and any("Another town" in t for t in texts)
    assert store.counts()["documents"] == 4  # the old version is kept, marked superseded


def test_interrupt_keeps_the_database_consistent_and_rerun_completes(tmp_path, store, monkeypatch):
    write_corpus(tmp_path / "c", 5)
    real = store.add_document
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "add_document", flaky)
    s = ingest_paths([str(tmp_path / "c")], store, progress=False)
    assert s.interrupted and store.counts()["articles"] == 2
    monkeypatch.setattr(store, "add_document", real)
    s = ingest_paths([str(tmp_path / "c")], store, progress=False)
    assert (s.articles, s.duplicates) == (3, 2) and store.counts()["articles"] == 5


def test_kill_9_mid_ingest_then_rerun_gives_the_same_database(tmp_path):
    write_corpus(tmp_path / "c", 400)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "marsad", "ingest", str(tmp_path / "c"), "--db", str(db), "--no-events"]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:  # kill once some documents are in
        time.sleep(0.05)
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if n >= 20:
                break
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 400
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 400
    assert con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM articles a WHERE a.doc_id = d.doc_id)").fetchone()[0] == 0


def test_a_database_from_the_empty_migration_slots_gets_their_tables(tmp_path):
    """One commit reserved m009 and m010 as empty migrations: a database made then recorded
    them as applied with nothing in them. Opening it with this marsad repairs it (m011)."""
    import sqlite3

    from marsad.store import migrations, open_store

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
               " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    for version, (name, fn) in enumerate(migrations.MIGRATIONS[:10], 1):
        db.execute("BEGIN")
        if name not in ("m009_watches_and_alerts", "m010_claims_ledger"):
            fn(db)
        db.execute("INSERT INTO migrations (version, name) VALUES (?, ?)", (version, name))
        db.execute("COMMIT")
    db.close()
    with open_store(path) as store:
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"watches", "alerts", "claim_index"} <= tables
        assert store.counts()["claims"] == 0


def test_a_database_another_marsad_is_creating_is_no_foreign_database(tmp_path):
    # Another process has committed the bare `migrations` table and holds the write lock for
    # the first migration: this one waits for it and finds a marsad database, not "other tables".
    path = tmp_path / "t.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    store = open_store(path)
    store.close()
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM migrations").fetchone()[0] > 0
    # A foreign table beside it is still refused.
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        con.execute("CREATE TABLE invoices (id INTEGER)")
    try:
        open_store(other)
    except Exception as e:  # noqa: BLE001 - the store's own error type is what a user sees
        assert "holds other tables" in str(e)
    else:
        raise AssertionError("a foreign database was opened")

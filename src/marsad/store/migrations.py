"""Registered schema migrations, applied in order, each in a transaction, recorded in the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: `executescript` would commit the open transaction first."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def migration(fn: Migration) -> Migration:
    """Register a migration; its position in this file is its version."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_documents_and_articles(db: sqlite3.Connection) -> None:
    _script(db, """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            kind TEXT NOT NULL,
            encoding TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            superseded INTEGER NOT NULL DEFAULT 0  -- 1 once a changed version of the origin arrives
        );
        CREATE INDEX documents_origin ON documents(origin);
        CREATE TABLE articles (
            article_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            origin TEXT NOT NULL,
            title TEXT,
            published TEXT,
            outlet TEXT,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            captions TEXT NOT NULL,  -- JSON list
            url TEXT
        );
        CREATE INDEX articles_doc ON articles(doc_id, position);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            document TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """)


@migration
def m002_events_and_claims(db: sqlite3.Connection) -> None:
    _script(db, """
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            event_type TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            event_date TEXT,
            country TEXT,
            admin1 TEXT,
            data TEXT NOT NULL  -- the whole event record as JSON
        );
        CREATE INDEX events_date ON events(event_date);
        CREATE INDEX events_type ON events(event_type, sub_event_type);
        CREATE INDEX events_place ON events(country, admin1);
        CREATE TABLE event_articles (
            event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, article_id)
        );
        CREATE INDEX event_articles_article ON event_articles(article_id);
        CREATE TABLE claims (
            claim_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
            data TEXT NOT NULL
        );
        CREATE INDEX claims_article ON claims(article_id);
    """)


def apply(db: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
               " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    done = {row[0] for row in db.execute("SELECT version FROM migrations")}
    applied = []
    for version, (name, fn) in enumerate(MIGRATIONS, 1):
        if version in done:
            continue
        db.execute("BEGIN")
        try:
            fn(db)
            db.execute("INSERT INTO migrations (version, name) VALUES (?, ?)", (version, name))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


@migration
def m003_corrections(db: sqlite3.Connection) -> None:
    """Analysts' corrections and review decisions: an append-only log that ingest never touches.

    `field` is an event field (or "status" for a review decision: confirmed / rejected /
    unreviewed); `value` is JSON. The latest row per (event, field) wins when events are read.
    """
    _script(db, """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX corrections_event ON corrections(event_id, field, id)
    """)


@migration
def m004_event_index(db: sqlite3.Connection) -> None:
    """Each event's current values (machine coding with corrections applied), one indexed
    column per filter, plus its actors and sources, so the API filters with plain indexes."""
    _script(db, """
        CREATE TABLE event_index (
            event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
            event_type TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            event_date TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude REAL,
            longitude REAL,
            geo_precision INTEGER,
            fatalities INTEGER,
            modality TEXT,
            status TEXT NOT NULL DEFAULT 'unreviewed',
            corrected INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX event_index_date ON event_index(event_date, event_id);
        CREATE INDEX event_index_type ON event_index(event_type, sub_event_type, event_date);
        CREATE INDEX event_index_place ON event_index(country, admin1, event_date);
        CREATE INDEX event_index_geo ON event_index(latitude, longitude);
        CREATE INDEX event_index_fatalities ON event_index(fatalities);
        CREATE INDEX event_index_modality ON event_index(modality, event_date);
        CREATE INDEX event_index_status ON event_index(status);
        CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            actor TEXT NOT NULL,
            PRIMARY KEY (event_id, actor)
        ) WITHOUT ROWID;
        CREATE INDEX event_actors_actor ON event_actors(actor, event_id);
        CREATE TABLE event_sources (
            event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            PRIMARY KEY (event_id, source)
        ) WITHOUT ROWID;
        CREATE INDEX event_sources_source ON event_sources(source, event_id)
    """)
    from .overlay import reindex  # the index rows are computed by the same code that keeps them current

    for (event_id,) in db.execute("SELECT event_id FROM events").fetchall():
        reindex(db, event_id)


@migration
def m005_article_search(db: sqlite3.Connection) -> None:
    """Full-text search over article titles and texts (SQLite FTS5), kept in sync by triggers."""
    # One statement per call: the trigger bodies hold semicolons that `_script` would split on.
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',"
               " tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
               " INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);"
               " END")
    db.execute("CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
               " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
               " VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); END")
    db.execute("INSERT INTO articles_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles")


@migration
def m006_timeline_index(db: sqlite3.Connection) -> None:
    """A covering index for the timeline histogram: counting by date and type reads no table rows."""
    db.execute("CREATE INDEX event_index_timeline ON event_index(event_date, event_type, status, modality)")

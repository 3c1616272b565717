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

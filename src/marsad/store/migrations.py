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


def pending(db: sqlite3.Connection) -> list[str]:
    """The names of the migrations a database has not had yet."""
    done = {row[0] for row in db.execute("SELECT version FROM migrations")}
    return [name for version, (name, _) in enumerate(MIGRATIONS, 1) if version not in done]


def apply(db: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
               " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    done = {row[0] for row in db.execute("SELECT version FROM migrations")}
    applied = []
    for version, (name, fn) in enumerate(MIGRATIONS, 1):
        if version in done:
            continue
        # Two processes may open a new database at once: the write lock is taken first, and
        # the one that waited for it finds the migration done.
        db.execute("BEGIN IMMEDIATE")
        if db.execute("SELECT 1 FROM migrations WHERE version = ?", (version,)).fetchone():
            db.execute("COMMIT")
            continue
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


# Columns of `event_index` copied onto every row of `event_tags`, so that a facet over actors,
# sources or outlets filters and counts without joining 100,000 text keys back to the index.
TAG_COLUMNS = ("event_type", "sub_event_type", "event_date", "country", "admin1", "latitude", "longitude",
               "geo_precision", "fatalities", "modality", "status")
# Every write that can change what the API reads bumps `data_version` (caches key on it); a
# trigger per table catches every writer: ingest, corrections, the CLI beside a running server.
_VERSIONED = {"events": ("INSERT", "UPDATE", "DELETE"), "event_index": ("INSERT", "UPDATE", "DELETE"),
              "event_articles": ("INSERT", "DELETE"), "corrections": ("INSERT", "UPDATE", "DELETE"),
              "articles": ("INSERT", "UPDATE", "DELETE"), "documents": ("INSERT", "UPDATE", "DELETE")}
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


@migration
def m007_workbench_speed(db: sqlite3.Connection) -> None:
    """What makes the workbench fast at 100,000 events, and what it says about changes:

    - `event_index_facets`: one covering index over every filter column, so facet counts for
      all index columns come from one index scan, and map points never read table rows;
    - `event_articles_article_event`: article → events without reading table rows (text search);
    - `event_tags`: (facet, value, event) for actors, sources and outlets, with the event's
      filter columns copied in (kept current by `overlay.reindex`);
    - `data_version`: a counter that every write bumps (triggers), which result caches key on;
    - `event_changes`: when each event was created, last updated, last corrected (triggers),
      for the `/api/changes` feed.
    """
    cols = ", ".join(TAG_COLUMNS)
    _script(db, f"""
        CREATE INDEX event_index_facets ON event_index(event_type, sub_event_type, country, admin1, modality,
            geo_precision, status, event_date, fatalities, latitude, longitude, event_id);
        CREATE INDEX event_articles_article_event ON event_articles(article_id, event_id);
        CREATE TABLE event_tags (
            facet TEXT NOT NULL,  -- actor, source or outlet
            value TEXT NOT NULL,
            event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, event_date TEXT, country TEXT, admin1 TEXT,
            latitude REAL, longitude REAL, geo_precision INTEGER, fatalities INTEGER, modality TEXT,
            status TEXT NOT NULL,
            PRIMARY KEY (facet, value, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_tags_event ON event_tags(event_id);
        INSERT INTO event_tags (facet, value, event_id, {cols})
            SELECT t.facet, t.value, i.event_id, {", ".join(f"i.{c}" for c in TAG_COLUMNS)}
            FROM (SELECT 'actor' AS facet, actor AS value, event_id FROM event_actors
                  UNION SELECT 'source', source, event_id FROM event_sources
                  UNION SELECT 'outlet', a.outlet, ea.event_id FROM event_articles ea
                        JOIN articles a ON a.article_id = ea.article_id WHERE a.outlet IS NOT NULL) t
            JOIN event_index i ON i.event_id = t.event_id;
        CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO data_version (id, version) VALUES (1, 1);
        CREATE TABLE event_changes (
            event_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,  -- UTC, 2024-05-01T12:00:00.123Z
            updated_at TEXT NOT NULL,  -- the latest of: created, machine coding changed, corrected
            corrected_at TEXT
        );
        CREATE INDEX event_changes_updated ON event_changes(updated_at, event_id);
        INSERT INTO event_changes (event_id, created_at, updated_at, corrected_at)
            SELECT e.event_id, coalesce(min(d.ingested_at), {_NOW}), coalesce(max(d.ingested_at), {_NOW}),
                   (SELECT max(c.created_at) FROM corrections c WHERE c.event_id = e.event_id)
            FROM events e LEFT JOIN event_articles ea ON ea.event_id = e.event_id
            LEFT JOIN articles a ON a.article_id = ea.article_id LEFT JOIN documents d ON d.doc_id = a.doc_id
            GROUP BY e.event_id
    """)
    # Times stored before this migration came from Python (with or without an offset): one format.
    db.execute("UPDATE event_changes SET created_at = substr(created_at, 1, 19) || '.000Z',"
               " updated_at = substr(max(updated_at, coalesce(corrected_at, '')), 1, 19) || '.000Z',"
               " corrected_at = substr(corrected_at, 1, 19) || '.000Z'")
    for table, ops in _VERSIONED.items():
        for op in ops:
            db.execute(f"CREATE TRIGGER {table}_{op.lower()}_version AFTER {op} ON {table} BEGIN"
                       " UPDATE data_version SET version = version + 1 WHERE id = 1; END")
    db.execute(f"CREATE TRIGGER events_insert_change AFTER INSERT ON events BEGIN"
               f" INSERT INTO event_changes (event_id, created_at, updated_at) VALUES (new.event_id, {_NOW}, {_NOW})"
               f" ON CONFLICT(event_id) DO UPDATE SET updated_at = excluded.updated_at; END")
    db.execute(f"CREATE TRIGGER events_update_change AFTER UPDATE OF data ON events"
               f" WHEN old.data IS NOT new.data BEGIN"
               f" UPDATE event_changes SET updated_at = {_NOW} WHERE event_id = new.event_id; END")
    db.execute(f"CREATE TRIGGER corrections_insert_change AFTER INSERT ON corrections BEGIN"
               f" UPDATE event_changes SET updated_at = {_NOW}, corrected_at = {_NOW}"
               f" WHERE event_id = new.event_id; END")


@migration
def m008_rejections_once(db: sqlite3.Connection) -> None:
    """A rejection is recorded once per document version (`version`: its content id where it
    was read), not again on every re-run of the same folder."""
    _script(db, """
        ALTER TABLE rejections ADD COLUMN version TEXT NOT NULL DEFAULT '';
        DELETE FROM rejections WHERE id NOT IN
            (SELECT min(id) FROM rejections GROUP BY document, stage, reason, version);
        CREATE UNIQUE INDEX rejections_once ON rejections(document, stage, version, reason)
    """)


@migration
def m009_watches_and_alerts(db: sqlite3.Connection) -> None:
    """Watches (saved filters with a rule) and the alerts they raised (see `marsad.watches`).

    Each watch keeps its own watermark (`checked_at`: an `event_changes` time, `checked_doc`: a
    `documents` rowid): an evaluation looks only at what was stored after it, so a re-run, two
    ingests at once or an ingest killed before it evaluated never alert twice or miss anything.
    `alert_events` names what raised an alert (kind `event` or `claim`), with the watch copied in,
    so "has this watch alerted on this item already" is one index probe.
    """
    _script(db, """
        CREATE TABLE watches (
            watch_id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,  -- a UUID: the feed's id, the same in every copy of the database
            name TEXT NOT NULL UNIQUE,
            rule TEXT NOT NULL,
            threshold REAL,
            days INTEGER,
            filter TEXT NOT NULL,  -- JSON: EventFilter fields (marsad.store.query)
            created_at TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            checked_doc INTEGER NOT NULL
        );
        CREATE TABLE alerts (
            alert_id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            watch_id INTEGER NOT NULL REFERENCES watches(watch_id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,  -- UTC, 2024-05-01T12:00:00.123Z (as event_changes)
            rule TEXT NOT NULL,
            message TEXT NOT NULL,
            data TEXT NOT NULL  -- JSON: the figures behind the message
        );
        CREATE INDEX alerts_created ON alerts(created_at, alert_id);
        CREATE INDEX alerts_watch ON alerts(watch_id, created_at);
        CREATE TABLE alert_events (
            alert_id INTEGER NOT NULL REFERENCES alerts(alert_id) ON DELETE CASCADE,
            watch_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            PRIMARY KEY (alert_id, kind, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX alert_events_item ON alert_events(watch_id, kind, item_id)
    """)


@migration
def m010_claims_ledger(db: sqlite3.Connection) -> None:
    """Claims as first-class records: an index of their date, place, subject, unit and source.

    `claim_index` holds one row per claim with one column per filter (`store.claims` writes
    it as claims are stored) and `current`: 0 once the claim's document is superseded by a
    changed version (a trigger follows `documents.superseded`), so reads join nothing. Claims
    stored before it are upgraded (unit class, the article's date) and indexed here.
    """
    _script(db, """
        CREATE TABLE claim_index (
            claim_id TEXT PRIMARY KEY REFERENCES claims(claim_id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            date TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude REAL,
            longitude REAL,
            subject TEXT,
            unit_class TEXT NOT NULL,
            unit TEXT NOT NULL,
            quantity REAL NOT NULL,
            source TEXT,
            current INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX claim_index_article ON claim_index(article_id);
        CREATE INDEX claim_index_date ON claim_index(current, date);
        CREATE INDEX claim_index_place ON claim_index(current, country, admin1, location, date);
        CREATE INDEX claim_index_count ON claim_index(current, unit_class, subject, country, admin1, location, date,
                                                      source, unit, quantity, latitude, longitude);
        CREATE INDEX claim_index_subject ON claim_index(current, subject, date);
        CREATE INDEX claim_index_source ON claim_index(current, source, date)
    """)
    db.execute("CREATE TRIGGER claim_index_current AFTER UPDATE OF superseded ON documents"
               " WHEN new.superseded IS NOT old.superseded BEGIN"
               " UPDATE claim_index SET current = (new.superseded = 0)"
               " WHERE article_id IN (SELECT article_id FROM articles WHERE doc_id = new.doc_id); END")
    from .claims import index_all  # the rows are computed by the same code that keeps them current

    index_all(db)


@migration
def m011_fill_empty_slots(db: sqlite3.Connection) -> None:
    """A database made by the commit that reserved m009 and m010 as empty slots recorded them
    as applied with nothing in them: give it their tables now."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "watches" not in tables:
        m009_watches_and_alerts(db)
    if "claim_index" not in tables:
        m010_claims_ledger(db)


# Counts kept up to date at ingest (triggers): (table, key columns, the table counted, columns
# summed beside the count). The workbench reads them instead of scanning a million index rows
# when the filter names only key columns: every column facet under column filters
# (`facet_counts`), and under a date range (`month_counts`: the whole months in it; the days at
# its ends come from event_index_dated), actors, sources and outlets under the commonest filters
# (`tag_counts`), the timeline under them (`day_counts`), and the map's cells (`place_counts`:
# events share the coordinates of their town, so there are far fewer places than events).
_FACET_KEYS = ("event_type", "sub_event_type", "country", "admin1", "modality", "geo_precision", "status")
COUNTS: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("facet_counts", _FACET_KEYS, "event_index", ()),
    ("month_counts", ("month", *_FACET_KEYS), "event_index", ()),
    ("day_counts", ("event_date", "event_type", "country", "modality", "status"), "event_index", ()),
    ("tag_counts", ("facet", "value", "event_type", "country", "modality", "status"), "event_tags", ()),
    ("place_counts", ("latitude", "longitude", "event_type", "country", "admin1", "modality", "geo_precision",
                      "status"), "event_index", ("fatalities",)),
)
COUNT_TYPES = {"geo_precision": "INTEGER", "latitude": "REAL", "longitude": "REAL", "event_type": "TEXT NOT NULL",
               "sub_event_type": "TEXT NOT NULL", "status": "TEXT NOT NULL", "facet": "TEXT NOT NULL",
               "value": "TEXT NOT NULL"}
# A key that is no column of the table counted: its value (SQL both databases read) for a row.
# `month`: YYYY-MM of a YYYY-MM-DD date; NULL for any other text (counted day by day instead).
COUNT_KEYS = {"month": "CASE WHEN length({row}.event_date) = 10 THEN substr({row}.event_date, 1, 7) END"}


def count_key(key: str, row: str) -> str:
    """The value of count key `key` for the row `row` (new, old, a table's name)."""
    return COUNT_KEYS.get(key, "{row}." + key).format(row=row)


def _bump(table: str, keys: tuple[str, ...], sums: tuple[str, ...], row: str, sign: int) -> list[str]:
    """Statements (for a trigger body) adding `row`'s event (`new`, sign 1) to the counts of its
    key, or taking it (`old`, sign -1) out: the row of equal keys (`IS`: NULL equals NULL) is
    updated, or made when there is none."""
    same = " AND ".join(f"{k} IS {count_key(k, row)}" for k in keys)
    cols = ", ".join((*keys, *sums))
    added = [f"{sign} * coalesce({row}.{c}, 0)" for c in sums]
    more = "".join(f", {c} = {c} + {a}" for c, a in zip(sums, added, strict=True))
    values = ", ".join([count_key(k, row) for k in keys] + added)
    return [f"UPDATE {table} SET n = n + ({sign}){more} WHERE {same}",
            f"INSERT INTO {table} ({cols}, n) SELECT {values}, {sign} WHERE NOT EXISTS (SELECT 1 FROM {table}"
            f" WHERE {same})"]


@migration
def m012_workbench_counts(db: sqlite3.Connection) -> None:
    """Pre-aggregated counts for the workbench at a million events (`COUNTS`), kept current by
    triggers on `event_index` and `event_tags`; a covering index for facets over a date range;
    indexes another covers dropped, and one index for linking reports where three were.

    `overlay.reindex` rewrites an index row with INSERT OR REPLACE, whose implicit delete fires
    no trigger in SQLite: a BEFORE INSERT trigger takes the row being replaced out of the counts.
    A count whose events are all gone stays as a row of 0 (readers skip it).
    """
    for table, keys, source, sums in COUNTS:
        cols = ", ".join([f"{k} {COUNT_TYPES.get(k, 'TEXT')}" for k in keys] + [f"{c} INTEGER NOT NULL" for c in sums])
        db.execute(f"CREATE TABLE {table} ({cols}, n INTEGER NOT NULL)")
        # The counts in the index too: a read of the counts never visits the table.
        db.execute(f"CREATE INDEX {table}_key ON {table}({', '.join((*keys, *sums))}, n)")
        summed = "".join(f", coalesce(sum({c}), 0)" for c in sums)
        values = ", ".join(count_key(k, source) for k in keys)
        db.execute(f"INSERT INTO {table} ({', '.join((*keys, *sums))}, n) SELECT {values}{summed}, count(*)"
                   f" FROM {source} GROUP BY {values}")
        if source == "event_index":  # written with INSERT OR REPLACE (event_tags: DELETE, then INSERT)
            same = " AND ".join(f"c.{k} IS {count_key(k, 'o')}" for k in keys)
            less = "".join(f", {c} = {c} - coalesce((SELECT {c} FROM {source} WHERE event_id = new.event_id), 0)"
                           for c in sums)
            db.execute(f"CREATE TRIGGER {table}_replace BEFORE INSERT ON {source} BEGIN"
                       f" UPDATE {table} SET n = n - 1{less} WHERE rowid = (SELECT c.rowid FROM {source} o"
                       f" JOIN {table} c ON {same} WHERE o.event_id = new.event_id); END")
        db.execute(f"CREATE TRIGGER {table}_insert AFTER INSERT ON {source} BEGIN"
                   f" {'; '.join(_bump(table, keys, sums, 'new', 1))}; END")
        db.execute(f"CREATE TRIGGER {table}_delete AFTER DELETE ON {source} BEGIN"
                   f" {'; '.join(_bump(table, keys, sums, 'old', -1))}; END")
        db.execute(f"CREATE TRIGGER {table}_update AFTER UPDATE ON {source} BEGIN"
                   f" {'; '.join([*_bump(table, keys, sums, 'old', -1), *_bump(table, keys, sums, 'new', 1)])}; END")
    # Facets under a date range: every facet column beside the date (and the id, to join the
    # events' tags), so the range is read from the index alone (event_index_facets leads with the
    # type and would be read whole).
    db.execute("CREATE INDEX event_index_dated ON event_index(event_date, event_type, sub_event_type, country,"
               " admin1, modality, geo_precision, status, event_id)")
    # Fewer bytes per event, no plan the worse (EXPLAIN QUERY PLAN of the store's queries): indexes
    # another one covers, and the three that `_same_event` chose from made one that serves both
    # its queries (type, country, date, province: equal, or the date in a range).
    db.execute("DROP INDEX event_index_timeline")  # its columns lead event_index_dated
    db.execute("DROP INDEX event_index_type")  # its columns lead event_index_facets
    db.execute("DROP INDEX event_articles_article")  # a prefix of event_articles_article_event
    db.execute("CREATE INDEX events_link ON events(event_type, country, event_date, admin1)")
    for name in ("events_date", "events_type", "events_place"):
        db.execute(f"DROP INDEX {name}")


@migration
def m013_filtered_facets_index(db: sqlite3.Connection) -> None:
    """PostgreSQL gains an index of the tag rows for the page's commonest filter (type, country,
    modality, a date range; `pg_migrations`). SQLite needs none: it counts those tags through the
    covering index its query names (INDEXED BY event_index_dated)."""

"""The schema migrations of `migrations`, written for PostgreSQL, under the same names.

Each SQLite migration has its PostgreSQL twin here, applied in the same order and recorded
in the same `migrations` table, so both backends say which schema version they hold. The
differences are PostgreSQL's own means to the same end:

- SQLite's implicit rowid is an explicit `rowid bigserial` where marsad reads it (insertion order);
- FTS5 is a generated `tsvector` column with a GIN index, and `marsad_fts` turns marsad's
  quoted-words query (`query.fts_query`) into a `tsquery`;
- the triggers are PL/pgSQL functions; `data_version` is bumped once per statement, and the
  pre-aggregated counts (m012) once per statement and key, from its transition tables;
- every text column collates as "C" (by code point, as SQLite's BINARY), whatever the
  database's locale, so lists sort the same on both backends.

PostgreSQL support began with m011, so every PostgreSQL database is created by running all of
these on an empty schema: the data back-fills of the SQLite migrations have nothing to fill.
A new migration adds its SQLite function to `migrations` and its twin here, with the same name.
"""

from __future__ import annotations

from typing import Any

from .migrations import COUNTS, MIGRATIONS, count_key
from .pg_sql import NOW_PG

NOW = NOW_PG
# Longest text indexed for search: a tsvector holds at most 1 MB, and a news article is far shorter.
SEARCH_CHARS = 250_000

PG_MIGRATIONS: dict[str, list[str]] = {
    "m001_documents_and_articles": [
        """CREATE TABLE documents (
            rowid BIGSERIAL UNIQUE,
            doc_id TEXT COLLATE "C" PRIMARY KEY,
            origin TEXT COLLATE "C" NOT NULL,
            kind TEXT COLLATE "C" NOT NULL,
            encoding TEXT COLLATE "C" NOT NULL,
            ingested_at TEXT COLLATE "C" NOT NULL,
            superseded INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX documents_origin ON documents(origin)",
        """CREATE TABLE articles (
            rowid BIGSERIAL UNIQUE,
            article_id TEXT COLLATE "C" PRIMARY KEY,
            doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            origin TEXT COLLATE "C" NOT NULL,
            title TEXT COLLATE "C",
            published TEXT COLLATE "C",
            outlet TEXT COLLATE "C",
            language TEXT COLLATE "C" NOT NULL,
            text TEXT COLLATE "C" NOT NULL,
            captions TEXT COLLATE "C" NOT NULL,
            url TEXT COLLATE "C")""",
        "CREATE INDEX articles_doc ON articles(doc_id, position)",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE TABLE rejections (
            id BIGSERIAL PRIMARY KEY,
            document TEXT COLLATE "C" NOT NULL,
            stage TEXT COLLATE "C" NOT NULL,
            reason TEXT COLLATE "C" NOT NULL,
            at TEXT COLLATE "C" NOT NULL)""",
    ],
    "m002_events_and_claims": [
        """CREATE TABLE events (
            rowid BIGSERIAL UNIQUE,
            event_id TEXT COLLATE "C" PRIMARY KEY,
            event_type TEXT COLLATE "C" NOT NULL,
            sub_event_type TEXT COLLATE "C" NOT NULL,
            event_date TEXT COLLATE "C",
            country TEXT COLLATE "C",
            admin1 TEXT COLLATE "C",
            data TEXT COLLATE "C" NOT NULL)""",
        "CREATE INDEX events_date ON events(event_date)",
        "CREATE INDEX events_type ON events(event_type, sub_event_type)",
        "CREATE INDEX events_place ON events(country, admin1)",
        """CREATE TABLE event_articles (
            event_id TEXT COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, article_id))""",
        "CREATE INDEX event_articles_article ON event_articles(article_id)",
        """CREATE TABLE claims (
            rowid BIGSERIAL UNIQUE,
            claim_id TEXT COLLATE "C" PRIMARY KEY,
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
            data TEXT COLLATE "C" NOT NULL)""",
        "CREATE INDEX claims_article ON claims(article_id)",
    ],
    "m003_corrections": [
        """CREATE TABLE corrections (
            id BIGSERIAL PRIMARY KEY,
            event_id TEXT COLLATE "C" NOT NULL,
            field TEXT COLLATE "C" NOT NULL,
            value TEXT COLLATE "C" NOT NULL,
            author TEXT COLLATE "C" NOT NULL,
            created_at TEXT COLLATE "C" NOT NULL,
            note TEXT COLLATE "C")""",
        "CREATE INDEX corrections_event ON corrections(event_id, field, id)",
    ],
    "m004_event_index": [
        """CREATE TABLE event_index (
            event_id TEXT COLLATE "C" PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
            event_type TEXT COLLATE "C" NOT NULL,
            sub_event_type TEXT COLLATE "C" NOT NULL,
            event_date TEXT COLLATE "C",
            country TEXT COLLATE "C",
            admin1 TEXT COLLATE "C",
            location TEXT COLLATE "C",
            latitude DOUBLE PRECISION,
            longitude DOUBLE PRECISION,
            geo_precision INTEGER,
            fatalities BIGINT,
            modality TEXT COLLATE "C",
            status TEXT COLLATE "C" NOT NULL DEFAULT 'unreviewed',
            corrected INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX event_index_date ON event_index(event_date, event_id)",
        "CREATE INDEX event_index_type ON event_index(event_type, sub_event_type, event_date)",
        "CREATE INDEX event_index_place ON event_index(country, admin1, event_date)",
        "CREATE INDEX event_index_geo ON event_index(latitude, longitude)",
        "CREATE INDEX event_index_fatalities ON event_index(fatalities)",
        "CREATE INDEX event_index_modality ON event_index(modality, event_date)",
        "CREATE INDEX event_index_status ON event_index(status)",
        """CREATE TABLE event_actors (
            event_id TEXT COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            actor TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (event_id, actor))""",
        "CREATE INDEX event_actors_actor ON event_actors(actor, event_id)",
        """CREATE TABLE event_sources (
            event_id TEXT COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            source TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (event_id, source))""",
        "CREATE INDEX event_sources_source ON event_sources(source, event_id)",
    ],
    "m005_article_search": [
        f"""ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS
            (to_tsvector('simple', left(coalesce(title, '') || ' ' || text, {SEARCH_CHARS}))) STORED""",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
        # marsad's FTS5 query is quoted words joined by AND (query.fts_query): all words required.
        """CREATE FUNCTION marsad_fts(q TEXT) RETURNS tsquery LANGUAGE sql IMMUTABLE AS
            $$ SELECT plainto_tsquery('simple', replace(replace(q, '"', ' '), ' AND ', ' ')) $$""",
    ],
    "m006_timeline_index": [
        "CREATE INDEX event_index_timeline ON event_index(event_date, event_type, status, modality)",
    ],
    "m007_workbench_speed": [
        """CREATE INDEX event_index_facets ON event_index(event_type, sub_event_type, country, admin1, modality,
            geo_precision, status, event_date, fatalities, latitude, longitude, event_id)""",
        "CREATE INDEX event_articles_article_event ON event_articles(article_id, event_id)",
        """CREATE TABLE event_tags (
            facet TEXT COLLATE "C" NOT NULL,
            value TEXT COLLATE "C" NOT NULL,
            event_id TEXT COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
            event_type TEXT COLLATE "C" NOT NULL, sub_event_type TEXT COLLATE "C" NOT NULL,
            event_date TEXT COLLATE "C", country TEXT COLLATE "C", admin1 TEXT COLLATE "C",
            latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision INTEGER, fatalities BIGINT,
            modality TEXT COLLATE "C", status TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (facet, value, event_id))""",
        "CREATE INDEX event_tags_event ON event_tags(event_id)",
        "CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)",
        "INSERT INTO data_version (id, version) VALUES (1, 1)",
        """CREATE TABLE event_changes (
            event_id TEXT COLLATE "C" PRIMARY KEY,
            created_at TEXT COLLATE "C" NOT NULL,
            updated_at TEXT COLLATE "C" NOT NULL,
            corrected_at TEXT COLLATE "C")""",
        "CREATE INDEX event_changes_updated ON event_changes(updated_at, event_id)",
        """CREATE FUNCTION marsad_bump_version() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$""",
        *[f"""CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE ON {table}
              FOR EACH STATEMENT EXECUTE FUNCTION marsad_bump_version()"""
          for table in ("events", "event_index", "event_articles", "corrections", "articles", "documents")],
        f"""CREATE FUNCTION marsad_event_created() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN
                INSERT INTO event_changes (event_id, created_at, updated_at) VALUES (NEW.event_id, {NOW}, {NOW})
                ON CONFLICT (event_id) DO UPDATE SET updated_at = EXCLUDED.updated_at;
                RETURN NULL;
            END $$""",
        """CREATE TRIGGER events_insert_change AFTER INSERT ON events FOR EACH ROW
            EXECUTE FUNCTION marsad_event_created()""",
        f"""CREATE FUNCTION marsad_event_updated() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN
                UPDATE event_changes SET updated_at = {NOW} WHERE event_id = NEW.event_id;
                RETURN NULL;
            END $$""",
        """CREATE TRIGGER events_update_change AFTER UPDATE OF data ON events FOR EACH ROW
            WHEN (OLD.data IS DISTINCT FROM NEW.data) EXECUTE FUNCTION marsad_event_updated()""",
        f"""CREATE FUNCTION marsad_event_corrected() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN
                UPDATE event_changes SET updated_at = {NOW}, corrected_at = {NOW} WHERE event_id = NEW.event_id;
                RETURN NULL;
            END $$""",
        """CREATE TRIGGER corrections_insert_change AFTER INSERT ON corrections FOR EACH ROW
            EXECUTE FUNCTION marsad_event_corrected()""",
    ],
    "m008_rejections_once": [
        """ALTER TABLE rejections ADD COLUMN version TEXT COLLATE "C" NOT NULL DEFAULT ''""",
        "CREATE UNIQUE INDEX rejections_once ON rejections(document, stage, version, reason)",
    ],
    "m009_watches_and_alerts": [
        """CREATE TABLE watches (
            watch_id BIGSERIAL PRIMARY KEY,
            uid TEXT COLLATE "C" NOT NULL UNIQUE,
            name TEXT COLLATE "C" NOT NULL UNIQUE,
            rule TEXT COLLATE "C" NOT NULL,
            threshold DOUBLE PRECISION,
            days INTEGER,
            filter TEXT COLLATE "C" NOT NULL,
            created_at TEXT COLLATE "C" NOT NULL,
            checked_at TEXT COLLATE "C" NOT NULL,
            checked_doc BIGINT NOT NULL)""",
        """CREATE TABLE alerts (
            alert_id BIGSERIAL PRIMARY KEY,
            uid TEXT COLLATE "C" NOT NULL UNIQUE,
            watch_id BIGINT NOT NULL REFERENCES watches(watch_id) ON DELETE CASCADE,
            created_at TEXT COLLATE "C" NOT NULL,
            rule TEXT COLLATE "C" NOT NULL,
            message TEXT COLLATE "C" NOT NULL,
            data TEXT COLLATE "C" NOT NULL)""",
        "CREATE INDEX alerts_created ON alerts(created_at, alert_id)",
        "CREATE INDEX alerts_watch ON alerts(watch_id, created_at)",
        """CREATE TABLE alert_events (
            alert_id BIGINT NOT NULL REFERENCES alerts(alert_id) ON DELETE CASCADE,
            watch_id BIGINT NOT NULL,
            kind TEXT COLLATE "C" NOT NULL,
            item_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (alert_id, kind, item_id))""",
        "CREATE INDEX alert_events_item ON alert_events(watch_id, kind, item_id)",
    ],
    "m010_claims_ledger": [
        """CREATE TABLE claim_index (
            rowid BIGSERIAL UNIQUE,
            claim_id TEXT COLLATE "C" PRIMARY KEY REFERENCES claims(claim_id) ON DELETE CASCADE,
            article_id TEXT COLLATE "C" NOT NULL,
            date TEXT COLLATE "C",
            country TEXT COLLATE "C",
            admin1 TEXT COLLATE "C",
            location TEXT COLLATE "C",
            latitude DOUBLE PRECISION,
            longitude DOUBLE PRECISION,
            subject TEXT COLLATE "C",
            unit_class TEXT COLLATE "C" NOT NULL,
            unit TEXT COLLATE "C" NOT NULL,
            quantity DOUBLE PRECISION NOT NULL,
            source TEXT COLLATE "C",
            current INTEGER NOT NULL DEFAULT 1)""",
        "CREATE INDEX claim_index_article ON claim_index(article_id)",
        "CREATE INDEX claim_index_date ON claim_index(current, date)",
        "CREATE INDEX claim_index_place ON claim_index(current, country, admin1, location, date)",
        """CREATE INDEX claim_index_count ON claim_index(current, unit_class, subject, country, admin1, location, date,
            source, unit, quantity, latitude, longitude)""",
        "CREATE INDEX claim_index_subject ON claim_index(current, subject, date)",
        "CREATE INDEX claim_index_source ON claim_index(current, source, date)",
        """CREATE FUNCTION marsad_claims_current() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN
                UPDATE claim_index SET current = CASE WHEN NEW.superseded = 0 THEN 1 ELSE 0 END
                WHERE article_id IN (SELECT article_id FROM articles WHERE doc_id = NEW.doc_id);
                RETURN NULL;
            END $$""",
        """CREATE TRIGGER claim_index_current AFTER UPDATE OF superseded ON documents FOR EACH ROW
            WHEN (NEW.superseded IS DISTINCT FROM OLD.superseded) EXECUTE FUNCTION marsad_claims_current()""",
    ],
    "m011_fill_empty_slots": [],  # a repair of SQLite databases only
}


def _counts() -> list[str]:
    """m012's counts: a key unique with NULLS NOT DISTINCT, and statement-level triggers that
    read the rows a statement inserted, updated or deleted (transition tables): one upsert per
    key and statement, not per row (an INSERT OR REPLACE of `event_index` is an INSERT … ON
    CONFLICT DO UPDATE here, which fires the insert and the update trigger for their rows)."""
    out = []
    text = 'TEXT COLLATE "C"'
    types = {"geo_precision": "INTEGER", "latitude": "DOUBLE PRECISION", "longitude": "DOUBLE PRECISION",
             **{k: f"{text} NOT NULL" for k in ("event_type", "sub_event_type", "status", "facet", "value")}}
    for table, keys, source, sums in COUNTS:
        cols = ", ".join(keys)
        columns = ", ".join([f"{k} {types.get(k, text)}" for k in keys] + [f"{c} BIGINT NOT NULL" for c in sums])
        out.append(f"CREATE TABLE {table} ({columns}, n BIGINT NOT NULL, UNIQUE NULLS NOT DISTINCT ({cols}))")
        summed = "".join(f", coalesce(sum({c}), 0)" for c in sums)
        values = ", ".join(count_key(k, source) for k in keys)
        out.append(f"INSERT INTO {table} ({', '.join((*keys, *sums))}, n) SELECT {values}{summed}, count(*)"
                   f" FROM {source} GROUP BY {values}")

        def rows(rel: str, sign: int, keys: tuple[str, ...] = keys, sums: tuple[str, ...] = sums) -> str:
            values = [f"{count_key(k, 'r')} AS {k}" for k in keys] + [f"{sign} * coalesce(r.{c}, 0) AS {c}"
                                                                      for c in sums]
            return f"SELECT {', '.join(values)}, {sign} AS n FROM {rel} r"

        new_rows, old_rows = (" NEW TABLE AS new_rows", "new_rows", 1), (" OLD TABLE AS old_rows", "old_rows", -1)
        for op, rels in (("insert", (new_rows,)), ("delete", (old_rows,)), ("update", (old_rows, new_rows))):
            changes = " UNION ALL ".join(rows(rel, sign) for _, rel, sign in rels)
            out.append(f"""CREATE FUNCTION marsad_{table}_{op}() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN
                    INSERT INTO {table} ({', '.join((*keys, *sums))}, n)
                        SELECT {cols}{''.join(f', sum({c})' for c in sums)}, sum(n) FROM ({changes}) c GROUP BY {cols}
                        ON CONFLICT ({cols}) DO UPDATE SET n = {table}.n + EXCLUDED.n
                        {''.join(f', {c} = {table}.{c} + EXCLUDED.{c}' for c in sums)};
                    RETURN NULL;
                END $$""")
            out.append(f"""CREATE TRIGGER {table}_{op} AFTER {op.upper()} ON {source}
                REFERENCING{''.join(r for r, _, _ in rels)} FOR EACH STATEMENT
                EXECUTE FUNCTION marsad_{table}_{op}()""")
    return out


PG_MIGRATIONS["m012_workbench_counts"] = [
    *_counts(),
    """CREATE INDEX event_index_dated ON event_index(event_date, event_type, sub_event_type, country, admin1,
        modality, geo_precision, status, event_id)""",
    # Dates sort NULL first going up, as SQLite's do (pg_sql): an index in that order serves the
    # event list's date sort (ascending, and descending backwards) instead of sorting every event.
    "DROP INDEX event_index_date",
    "CREATE INDEX event_index_date ON event_index(event_date NULLS FIRST, event_id NULLS FIRST)",
    "DROP INDEX event_index_timeline",
    "DROP INDEX event_index_type",
    "DROP INDEX event_articles_article",
    "CREATE INDEX events_link ON events(event_type, country, event_date, admin1)",
    "DROP INDEX events_date",
    "DROP INDEX events_type",
    "DROP INDEX events_place",
]

# The page's commonest filter — event type, country, modality and a date range — as one range of one
# index over the tag rows, which carry those columns: the actor, source and outlet counts under it are
# read from the index alone (`facets._tag_counts`). At a million events, 500 ms → 20 ms for Syria:
# the planner had hashed all 3.8 million tag rows against the events the filter keeps.
PG_MIGRATIONS["m013_filtered_facets_index"] = [
    "CREATE INDEX event_tags_filtered ON event_tags(event_type, country, modality, event_date, facet, value, status)",
]

assert [name for name, _ in MIGRATIONS] == list(PG_MIGRATIONS), "every migration needs its PostgreSQL twin"

MIGRATION_LOCK = 0x6D61_7273  # "mars": the advisory lock two processes creating one database take


def apply(conn: Any) -> list[str]:
    """Apply every migration not yet recorded (raw psycopg connection, autocommit); the names applied."""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     f" applied_at TEXT NOT NULL DEFAULT {NOW})")
        done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
        for version, name in enumerate(PG_MIGRATIONS, 1):
            if version in done:
                continue
            for statement in PG_MIGRATIONS[name]:
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (version, name) VALUES (%s, %s)", (version, name))
            applied.append(name)
    return applied


def pending(conn: Any) -> list[str]:
    done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
    return [name for version, name in enumerate(PG_MIGRATIONS, 1) if version not in done]

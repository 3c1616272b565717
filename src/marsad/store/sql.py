"""The store's SQL, shared by both backends: SQLite (`sqlite`) and PostgreSQL (`postgres`).

`SQLStore` holds every read and write the pipeline, the CLI and the API make. Its subclasses
only open the connection (`db`): an `sqlite3.Connection`, or a `pg_sql.PgConnection` that
reads the same SQL. Writing a document is one transaction; `_begin_write` starts it with
the database's write lock, so that linking a report to a stored event (`link`) never races
another writer: two processes that ingest at once link as one would, one after the other.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator, Sequence
from typing import Any

from .. import link
from ..records import Article, Claim, Event, RawDocument, as_dict
from . import claims as claim_store
from . import evidence, overlay
from .base import StoredDocument, stream

ARTICLE_FIELDS = ("article_id", "origin", "title", "published", "outlet", "language", "text")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLStore:
    """The `Store` interface over an open connection (`db`); subclasses open it."""

    db: Any
    path: str
    _texts: dict[str, str]  # while a document is written: article id → text (see `add_document`)

    def _begin_write(self) -> None:
        """Open a document's write transaction, holding the database's write lock (BEGIN IMMEDIATE)."""
        self.db.execute("BEGIN IMMEDIATE")

    # writing -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: RawDocument, articles: Sequence[Article], events: Sequence[Event],
                     claims: Sequence[Claim]) -> StoredDocument:
        if self.has_document(doc.doc_id):
            return StoredDocument(doc.doc_id, False, 0, 0, 0)
        db = self.db
        self._begin_write()
        try:
            # Another ingest may have stored it since the check above; with the write lock
            # held, this answer is final.
            if self.has_document(doc.doc_id):
                db.execute("ROLLBACK")
                return StoredDocument(doc.doc_id, False, 0, 0, 0)
            # Article texts the document's events are packed against (`evidence`), and those of
            # the stored events it merges with, each read once (ids are of content: never stale).
            self._texts = {a.article_id: a.text for a in articles}
            if doc.origin != "<stdin>":
                old = [r[0] for r in db.execute("SELECT doc_id FROM documents WHERE origin = ? AND doc_id != ?"
                                                " AND superseded = 0", (doc.origin, doc.doc_id))]
                if old:
                    db.execute(f"UPDATE documents SET superseded = 1 WHERE doc_id IN ({_marks(old)})", old)
                    self._retire(old)
            db.execute("INSERT INTO documents (doc_id, origin, kind, encoding, ingested_at) VALUES (?,?,?,?,?)",
                       (doc.doc_id, doc.origin, doc.kind, doc.encoding, _now()))
            for position, a in enumerate(articles):
                db.execute(
                    "INSERT OR IGNORE INTO articles (article_id, doc_id, position, origin, title, published,"
                    " outlet, language, text, captions, url) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (a.article_id, doc.doc_id, position, a.origin, a.title, a.published, a.outlet,
                     a.language, a.text, json.dumps(list(a.captions), ensure_ascii=False), a.url))
            outlet_of = {a.article_id: a.outlet for a in articles if a.outlet}
            for e in events:
                self._put_event(as_dict(e), outlet_of)
            for c in claims:
                claim_store.put(db, as_dict(c))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            self._texts = {}
        return StoredDocument(doc.doc_id, True, len(articles), len(events), len(claims))

    def _put_event(self, data: dict[str, Any], outlet_of: dict[str, str]) -> None:
        """Store an event of the document being added (`outlet_of`: its articles' outlets)."""
        known = [outlet_of[a] for a in data.get("article_ids") or () if a in outlet_of]
        data = {**data, "outlets": list(dict.fromkeys([*(data.get("outlets") or ()), *known]))}
        row = self.db.execute("SELECT data FROM events WHERE event_id = ?", (data["event_id"],)).fetchone()
        fresh = False  # a new row in `events`: nothing indexed under its id yet
        if row is not None:
            data = link.merge(self._unpacked(json.loads(row["data"])), data)
        else:
            same = self._same_event(data)
            if same is None:
                data = {**data, "corroboration": link.corroboration(data)}
                fresh = True
            else:
                data = link.merge(same, data) if same.get("article_ids") else link.revive(same, data)
        self.db.execute(
            "INSERT INTO events (event_id, event_type, sub_event_type, event_date, country, admin1, data)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(event_id) DO UPDATE SET data = excluded.data",
            (data["event_id"], data["event_type"], data["sub_event_type"], data.get("event_date"),
             data.get("country"), data.get("admin1"), self._packed(data)))
        self.db.executemany("INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?,?)",
                            [(data["event_id"], article_id) for article_id in data.get("article_ids") or []])
        # The machine fields changed; corrections stay on top.
        overlay.reindex(self.db, data["event_id"], data=data, fresh=fresh)

    def _unpacked(self, data: dict[str, Any]) -> dict[str, Any]:
        """A stored event (parsed) as coded, its evidence texts read from the articles (`evidence`)."""
        return evidence.unpack(data, evidence.fetch_texts(self.db, evidence.needed(data), into=self._texts))

    def _packed(self, data: dict[str, Any]) -> str:
        """An event as stored: JSON with the evidence texts its articles hold left out."""
        texts = evidence.fetch_texts(self.db, {ev["article_id"] for ev in data.get("evidence") or ()},
                                     into=self._texts)
        return json.dumps(evidence.pack(data, texts), ensure_ascii=False)

    def _retire(self, doc_ids: list[str]) -> None:
        """Take the reports of superseded documents out of their events (`link.without`):
        exports, the API and the page show the current version only; the old articles and
        their documents stay in the database as history."""
        gone = [r[0] for r in self.db.execute(f"SELECT article_id FROM articles WHERE doc_id IN ({_marks(doc_ids)})",
                                              doc_ids)]
        if not gone:
            return
        touched = [r[0] for r in self.db.execute(
            f"SELECT DISTINCT event_id FROM event_articles WHERE article_id IN ({_marks(gone)})", gone)]
        retired = set(gone)
        for event_id in touched:
            data = self._unpacked(json.loads(self.db.execute("SELECT data FROM events WHERE event_id = ?",
                                                             (event_id,)).fetchone()[0]))
            left = [a for a in data.get("article_ids") or [] if a not in retired]
            outlets = [r[0] for r in self.db.execute(
                f"SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND article_id IN ({_marks(left)})",
                left)] if left else []
            data = link.without(data, retired, outlets)
            self.db.execute("UPDATE events SET data = ? WHERE event_id = ?", (self._packed(data), event_id))
            overlay.reindex(self.db, event_id)

    def _same_event(self, data: dict[str, Any]) -> dict[str, Any] | None:
        """A stored event another article reported that `data` is a report of (see `link`)."""
        # A copy is at the same place: the province narrows the candidates (events_link index).
        copies = self.db.execute(
            "SELECT data FROM events WHERE country IS ? AND admin1 IS ? AND event_type = ? AND event_date IS ?"
            " ORDER BY rowid", (data.get("country"), data.get("admin1"), data["event_type"], data.get("event_date")))
        for r in copies:
            # Evidence texts are read back only for a stored event that may be a copy.
            old = json.loads(r["data"])
            if link.may_be_same_report(old, data):
                old = self._unpacked(old)
                if link.same_report(old, data):
                    return old
        if not data.get("event_date") or data.get("time_precision") != 1 or not data.get("country"):
            return None
        day = dt.date.fromisoformat(data["event_date"])
        rows = self.db.execute(
            "SELECT data FROM events WHERE event_type = ? AND country = ? AND event_date BETWEEN ? AND ?"
            " ORDER BY rowid",
            (data["event_type"], data["country"], (day - dt.timedelta(days=1)).isoformat(),
             (day + dt.timedelta(days=1)).isoformat()))
        for r in rows:
            old = json.loads(r["data"])
            if link.same_event(old, data):
                return self._unpacked(old)
        return None

    def add_rejection(self, document: str, stage: str, reason: str, version: str = "") -> None:
        self.db.execute("INSERT OR IGNORE INTO rejections (document, stage, reason, version, at) VALUES (?,?,?,?,?)",
                        (document, stage, reason, version, _now()))

    # reading -------------------------------------------------------------------------
    def articles(self) -> Iterator[dict[str, Any]]:
        """Current articles (of documents not superseded by a changed version), in ingest order."""
        rows = stream(self.db, "SELECT a.* FROM articles a JOIN documents d ON d.doc_id = a.doc_id"
                             " WHERE d.superseded = 0 ORDER BY d.rowid, a.position")
        for r in rows:
            out = {k: r[k] for k in ARTICLE_FIELDS}
            out["url"] = r["url"]
            out["captions"] = json.loads(r["captions"])
            yield out

    def events(self, *, modality: str | None = "occurred") -> Iterator[dict[str, Any]]:
        """Events in date order, with analysts' corrections applied and rejected events left out;
        by default only those that occurred (not threats, plans, fears or denials — those are
        kept, and `modality=None` returns every one)."""
        fixes: dict[str, list[Any]] = {}
        for c in self.db.execute("SELECT event_id, field, value, author, created_at, note FROM corrections"
                                 " ORDER BY id"):
            fixes.setdefault(c["event_id"], []).append(c)
        sql = ("SELECT e.event_id, e.data FROM event_index i JOIN events e ON e.event_id = i.event_id"
               " WHERE i.status != 'rejected'")
        params: tuple[str, ...] = ()
        if modality is not None:
            sql += " AND i.modality = ?"
            params = (modality,)
        rows = iter(stream(self.db, sql + " ORDER BY i.event_date, i.event_id", params))
        while batch := list(itertools.islice(rows, 1000)):
            stored = evidence.load_all(self.db, [json.loads(r["data"]) for r in batch])
            for r, data in zip(batch, stored, strict=True):
                yield overlay.apply(data, fixes.get(r["event_id"], ()))

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with corrections applied (rejected ones too: `review.status` says so), or None."""
        return overlay.corrected_event(self.db, event_id)

    def correct(self, event_id: str, changes: dict[str, Any], *, author: str,
                note: str | None = None, new_actor: bool = False) -> dict[str, Any]:
        """Record an analyst's corrections (and/or `status`: confirmed, rejected, unreviewed),
        checked and made coherent as `marsad.review` says; re-ingesting never overwrites them.
        Returns the corrected event."""
        return overlay.correct(self.db, event_id, changes, author=author, note=note, new_actor=new_actor)

    def revert(self, event_id: str, correction_id: int, *, author: str, note: str | None = None) -> dict[str, Any]:
        """Undo the edit that correction `correction_id` belongs to, as a new correction."""
        return overlay.revert(self.db, event_id, correction_id, author=author, note=note)

    def corrections(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """The correction log, oldest first (of one event, or of all)."""
        sql = "SELECT id, event_id, field, value, author, created_at, note FROM corrections"
        rows = (self.db.execute(sql + " WHERE event_id = ? ORDER BY id", (event_id,)) if event_id
                else self.db.execute(sql + " ORDER BY id"))
        return [{**dict(r), "value": json.loads(r["value"])} for r in rows]

    def claims(self) -> Iterator[dict[str, Any]]:
        """Claims of current articles (not of documents superseded by a changed version), by date."""
        return claim_store.iter_claims(self.db)

    def rejections(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT document, stage, reason, at FROM rejections")]

    def counts(self) -> dict[str, int]:
        q = {
            "documents": "SELECT count(*) FROM documents",
            "articles": "SELECT count(*) FROM articles a JOIN documents d USING (doc_id) WHERE d.superseded = 0",
            "events": "SELECT count(*) FROM event_index",  # not those every report of was superseded
            "rejections": "SELECT count(*) FROM rejections",
        }
        out = {k: self.db.execute(sql).fetchone()[0] for k, sql in q.items()}
        return {**out, "claims": claim_store.count(self.db, claim_store.ClaimFilter())}  # current ones

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()




def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))

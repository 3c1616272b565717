"""Analysts' corrections laid over the machine coding of events.

The `events` table holds what the pipeline coded (re-ingesting re-merges it); the
`corrections` table holds what people decided (ingest never writes it). Whenever an event is
read, the latest correction of each field wins and the record says so in `review`. The
`event_index` table keeps the corrected values in indexed columns for the API's filters.

An edit is checked and made coherent by `marsad.review` (a place moves every place field, an
actor its `inter`, …) and stored as one row per field it sets, with one author, time and note.
Undo (`revert`) is an edit too: it stores the values from before the edit it reverts, and a
field that had no correction before gets `MACHINE`, which hands it back to the machine coding.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from .. import review, vocab
from ..errors import InvalidInput
from . import evidence

# Fields an analyst may correct, and the type each must have (None is always allowed except for types).
EDITABLE = review.FIELDS
STATUSES = ("unreviewed", "confirmed", "rejected")
REQUIRED = review.REQUIRED
# A correction's value that ends the field's correction: the machine coding holds again.
MACHINE = {"restore": "machine"}


def now() -> str:
    # Microseconds: the rows of one edit share a time, and two edits never do (`revert` tells them apart).
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def latest(rows: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """The latest correction per field, from rows in insertion order (none where the latest
    restored the machine value)."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        value = json.loads(r["value"])
        if value == MACHINE:
            out.pop(r["field"], None)
            continue
        out[r["field"]] = {"field": r["field"], "value": value, "author": r["author"],
                           "created_at": r["created_at"], "note": r["note"]}
    return out


def apply(machine: dict[str, Any], rows: Iterable[Any]) -> dict[str, Any]:
    """The event as analysts left it: corrected fields replaced, the machine values kept in `review`;
    a corrected fatality count heads the per-source figures (`review.fatality_reports`)."""
    current = latest(rows)
    if not current:
        return machine
    out = dict(machine)
    status = current.pop("status", None)
    fields = []
    for name, c in current.items():
        fields.append({**c, "machine_value": machine.get(name)})
        out[name] = c["value"]
    if "fatalities" in current:
        out["fatality_reports"] = review.fatality_reports(machine.get("fatality_reports"), current["fatalities"])
    out["review"] = {"status": status["value"] if status else "unreviewed",
                     "reviewed_by": status["author"] if status else None,
                     "reviewed_at": status["created_at"] if status else None,
                     "corrections": fields}
    return out


def rows_for(db: sqlite3.Connection, event_id: str) -> list[sqlite3.Row]:
    return db.execute("SELECT field, value, author, created_at, note FROM corrections WHERE event_id = ?"
                      " ORDER BY id", (event_id,)).fetchall()


def corrected_event(db: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT data FROM events WHERE event_id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    return apply(evidence.load_all(db, [json.loads(row[0])])[0], rows_for(db, event_id))


def reindex(db: sqlite3.Connection, event_id: str, *, data: dict[str, Any] | None = None,
            fresh: bool = False) -> None:
    """Recompute one event's row in `event_index` (and its actors and sources) from data + corrections.
    The writer passes the `data` it just stored, and says when the event is `fresh` (its row is
    new: no index row can exist yet), which spares a document's writes a few round trips each."""
    e = corrected_event(db, event_id) if data is None else apply(data, rows_for(db, event_id))
    if e is None:
        return
    if not e.get("article_ids"):  # every report of it was superseded (`link.without`): in no list
        for table in ("event_index", "event_actors", "event_sources", "event_tags"):
            db.execute(f"DELETE FROM {table} WHERE event_id = ?", (event_id,))
        return
    status = (e.get("review") or {}).get("status", "unreviewed")
    corrected = 1 if (e.get("review") or {}).get("corrections") else 0
    db.execute(
        "INSERT OR REPLACE INTO event_index (event_id, event_type, sub_event_type, event_date, country, admin1,"
        " location, latitude, longitude, geo_precision, fatalities, modality, status, corrected)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (event_id, e["event_type"], e["sub_event_type"], e.get("event_date"), e.get("country"), e.get("admin1"),
         e.get("location"), e.get("latitude"), e.get("longitude"), e.get("geo_precision"), e.get("fatalities"),
         e.get("modality"), status, corrected))
    if not fresh:
        db.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
    actors = {a for a in (e.get("actor1"), e.get("actor2"), *(e.get("assoc_actor_1") or []),
                          *(e.get("assoc_actor_2") or [])) if isinstance(a, str) and a}
    db.executemany("INSERT INTO event_actors (event_id, actor) VALUES (?, ?)", [(event_id, a) for a in actors])
    if not fresh:
        db.execute("DELETE FROM event_sources WHERE event_id = ?", (event_id,))
    sources = {s for s in e.get("sources") or [] if isinstance(s, str) and s}
    db.executemany("INSERT INTO event_sources (event_id, source) VALUES (?, ?)", [(event_id, s) for s in sources])
    _retag(db, event_id, actors, sources, fresh=fresh)


_TAG_SELECT = ("SELECT ?, ?, event_id, event_type, sub_event_type, event_date, country, admin1, latitude, longitude,"
               " geo_precision, fatalities, modality, status FROM event_index WHERE event_id = ?")


def _retag(db: sqlite3.Connection, event_id: str, actors: set[str], sources: set[str], *,
           fresh: bool = False) -> None:
    """The event's rows in `event_tags` (its actors, sources and outlets, each with the event's
    filter columns), which facet counts read instead of joining back to `event_index`."""
    try:
        if not fresh:
            db.execute("DELETE FROM event_tags WHERE event_id = ?", (event_id,))
    except sqlite3.OperationalError:  # migration m004 reindexes before m007 creates the table (and fills it)
        return
    outlets = {r[0] for r in db.execute("SELECT a.outlet FROM event_articles ea JOIN articles a"
                                        " ON a.article_id = ea.article_id WHERE ea.event_id = ?"
                                        " AND a.outlet IS NOT NULL", (event_id,))}
    tags = [("actor", a) for a in actors] + [("source", s) for s in sources] + [("outlet", o) for o in outlets]
    db.executemany(f"INSERT INTO event_tags {_TAG_SELECT}", [(facet, value, event_id) for facet, value in tags])


def check(field: str, value: Any) -> None:
    """Raise InvalidInput unless `value` is acceptable for `field`."""
    if field == "status":
        if value not in STATUSES:
            raise InvalidInput(field, f"status must be one of {', '.join(STATUSES)}", stage="review")
        return
    review.check(field, value)
    if value is None:
        return
    if field == "event_type" and value not in vocab.event_types():
        raise InvalidInput(field, "not an ACLED event type", stage="review")
    if field == "sub_event_type" and value not in vocab.sub_event_types():
        raise InvalidInput(field, "not an ACLED sub-event type", stage="review")


def published(db: sqlite3.Connection, article_ids: Iterable[str]) -> list[str]:
    """The publication dates of these articles (those that have one)."""
    ids = list(dict.fromkeys(article_ids))
    out: list[str] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out += [r[0] for r in db.execute(f"SELECT published FROM articles WHERE article_id IN"
                                         f" ({','.join('?' * len(chunk))}) AND published IS NOT NULL", chunk)]
    return out


def correct(db: sqlite3.Connection, event_id: str, changes: Mapping[str, Any], *, author: str,
            note: str | None = None, new_actor: bool = False) -> dict[str, Any]:
    """Record an analyst's edit (field → value; "status" for a review decision) in one transaction,
    made coherent by `marsad.review` (`new_actor`: a name the actor knowledge base lacks is meant);
    returns the corrected event. Raises KeyError for an unknown event, InvalidInput for a bad value."""
    if not changes:
        raise InvalidInput("changes", "nothing to change", stage="review")
    for field, value in changes.items():
        check(field, value)
    db.execute("BEGIN IMMEDIATE")
    try:
        before = corrected_event(db, event_id)
        if before is None:
            raise KeyError(event_id)
        fields = {k: v for k, v in changes.items() if k != "status"}
        stored = review.resolve(before, fields, new_actor=new_actor,
                                published=published(db, before.get("article_ids") or ())) if fields else {}
        if "status" in changes:
            stored["status"] = changes["status"]
        if not stored:
            raise InvalidInput(next(iter(changes)), "the event already has it: nothing to change", stage="review")
        after = {**before, **{k: v for k, v in stored.items() if k != "status"}}
        if after["sub_event_type"] not in vocab.sub_event_types(after["event_type"]):
            raise InvalidInput("sub_event_type", f"{after['sub_event_type']!r} is not a sub-event type of"
                               f" {after['event_type']!r}", stage="review")
        _store(db, event_id, stored, author=author, note=note)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return _read_back(db, event_id)


def revert(db: sqlite3.Connection, event_id: str, correction_id: int, *, author: str,
           note: str | None = None) -> dict[str, Any]:
    """Undo one edit — the one the correction `correction_id` of the event belongs to — with a
    new edit that gives each field it set the value it had just before it (`MACHINE` where that
    was the machine coding), whatever later edits set. Both stay in the log. Raises KeyError when
    the event has no such correction, InvalidInput when the result would not be coherent (a
    sub-event type under another event type)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        rows = db.execute("SELECT id, field, value, author, created_at, note FROM corrections WHERE event_id = ?"
                          " ORDER BY id", (event_id,)).fetchall()
        at = next((i for i, r in enumerate(rows) if r["id"] == correction_id), None)
        if at is None:
            raise KeyError(correction_id)
        first, last = at, at
        same = (rows[at]["created_at"], rows[at]["author"], rows[at]["note"])
        while first > 0 and (rows[first - 1]["created_at"], rows[first - 1]["author"], rows[first - 1]["note"]) == same:
            first -= 1
        while last + 1 < len(rows) and (rows[last + 1]["created_at"], rows[last + 1]["author"],
                                        rows[last + 1]["note"]) == same:
            last += 1
        restore: dict[str, Any] = {}
        for r in rows[first:last + 1]:
            earlier = [x for x in rows[:first] if x["field"] == r["field"]]
            restore[r["field"]] = json.loads(earlier[-1]["value"]) if earlier else MACHINE
        why = f"revert of correction {correction_id}" + (f": {note}" if note else "")
        _store(db, event_id, restore, author=author, note=why)
        after = corrected_event(db, event_id)
        if after is None:
            raise KeyError(event_id)
        if after["sub_event_type"] not in vocab.sub_event_types(after["event_type"]):
            raise InvalidInput("correction_id", f"undoing it would leave sub_event_type {after['sub_event_type']!r}"
                               f" under event_type {after['event_type']!r}: undo the later change of"
                               " event_type first, or correct the type", stage="review")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return _read_back(db, event_id)


def _read_back(db: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    """The event an edit just committed, corrected."""
    result = corrected_event(db, event_id)
    assert result is not None
    return result


def _store(db: sqlite3.Connection, event_id: str, fields: Mapping[str, Any], *, author: str,
           note: str | None) -> None:
    """One edit: a row per field, one author, time and note; then the event's index rows."""
    at = now()
    db.executemany("INSERT INTO corrections (event_id, field, value, author, created_at, note)"
                   " VALUES (?,?,?,?,?,?)",
                   [(event_id, f, json.dumps(v, ensure_ascii=False), author, at, note) for f, v in fields.items()])
    reindex(db, event_id)

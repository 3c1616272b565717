"""Watches and alerts in SQLite (tables from migration m009); the rules are in `marsad.watches`.

A watch's filter is stored as JSON holding the `EventFilter` fields it sets, so a watch selects
exactly what `/api/events` selects with the same parameters, through the same query code.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..errors import MarsadError
from .query import NO_LIMIT, EventFilter

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"  # the clock and format of event_changes (m007)


class WatchError(MarsadError):
    """A watch cannot be made, found or evaluated as asked (the message says what to do)."""


@dataclass(frozen=True)
class Watch:
    watch_id: int
    uid: str
    name: str
    rule: str
    threshold: float | None
    days: int | None
    filter: EventFilter
    created_at: str
    checked_at: str  # what was stored after this (event_changes time) ...
    checked_doc: int  # ... and after this documents rowid is what the next evaluation looks at

    def as_dict(self) -> dict[str, Any]:
        return {"watch_id": self.watch_id, "name": self.name, "rule": self.rule, "threshold": self.threshold,
                "days": self.days, "filter": filter_to_json(self.filter), "created_at": self.created_at,
                "id": f"urn:uuid:{self.uid}"}


def filter_to_json(f: EventFilter) -> dict[str, Any]:
    """The fields the filter sets (lists for tuples); defaults are left out."""
    out: dict[str, Any] = {}
    for field in fields(f):
        value = getattr(f, field.name)
        if value != field.default:
            out[field.name] = list(value) if isinstance(value, tuple) else value
    return out


def filter_from_json(data: dict[str, Any]) -> EventFilter:
    """The inverse of `filter_to_json`; a field EventFilter does not have is a WatchError."""
    names = {f.name for f in fields(EventFilter)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise WatchError(f"unknown filter field {unknown[0]!r}; use one of {', '.join(sorted(names))}")
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return EventFilter(**values)


def to_stamp(value: str) -> str:
    """An ISO date or time (UTC when it has no offset) → the stored form, 2024-05-01T12:00:00.000Z.
    Stamps compare as text, so every field is zero-padded (isoformat pads the year, strftime does not)."""
    try:
        t = dt.datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        raise WatchError(f"not an ISO date or time (2024-05-01 or 2024-05-01T12:00:00Z): {value!r}") from None
    if t.tzinfo is not None:
        try:
            t = t.astimezone(dt.UTC).replace(tzinfo=None)
        except OverflowError:  # before the first or after the last instant Python has
            t = dt.datetime.min if t.year == 1 else dt.datetime.max
    return t.isoformat(timespec="milliseconds") + "Z"


def now(db: sqlite3.Connection) -> str:
    return str(db.execute(f"SELECT {NOW}").fetchone()[0])


def past(db: sqlite3.Connection, at: str) -> None:
    """Wait, holding the write lock, until the database's clock has left the millisecond `at`:
    an event stored after the lock goes then bears a later time, and one stored before it a time
    no later than `at`, so "created after the watermark" is exact (`>`), never a coin toss
    inside one millisecond (a batch's last event and the look that followed it once shared one,
    and the next look counted that event again)."""
    while now(db) <= at:
        time.sleep(0.0002)


def _watch(r: sqlite3.Row | tuple[Any, ...]) -> Watch:
    return Watch(r[0], r[1], r[2], r[3], r[4], r[5], filter_from_json(json.loads(r[6])), r[7], r[8], r[9])


_COLUMNS = "watch_id, uid, name, rule, threshold, days, filter, created_at, checked_at, checked_doc"


def add_watch(db: sqlite3.Connection, name: str, rule: str, f: EventFilter, *, threshold: float | None = None,
              days: int | None = None) -> Watch:
    """Store a watch. It starts from now: what is already in the database raises no alert."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("SELECT 1 FROM watches WHERE name = ?", (name,)).fetchone():
            raise WatchError(f"a watch named {name!r} exists; remove it first or choose another name")
        last_doc = db.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
        cur = db.execute(
            f"INSERT INTO watches (uid, name, rule, threshold, days, filter, created_at, checked_at, checked_doc)"
            f" VALUES (?, ?, ?, ?, ?, ?, {NOW}, {NOW}, ?)",
            (str(uuid.uuid4()), name, rule, threshold, days, json.dumps(filter_to_json(f), ensure_ascii=False),
             last_doc))
        past(db, str(db.execute("SELECT checked_at FROM watches WHERE watch_id = ?", (cur.lastrowid,)).fetchone()[0]))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    watch = get_watch(db, str(cur.lastrowid))
    assert watch is not None
    return watch


def watches(db: sqlite3.Connection) -> list[Watch]:
    return [_watch(r) for r in db.execute(f"SELECT {_COLUMNS} FROM watches ORDER BY watch_id")]


def get_watch(db: sqlite3.Connection, key: str) -> Watch | None:
    """A watch by id (digits) or by name."""
    sql = f"SELECT {_COLUMNS} FROM watches WHERE " + ("watch_id = ?" if key.isdigit() else "name = ?")
    row = db.execute(sql, (int(key) if key.isdigit() else key,)).fetchone()
    return _watch(row) if row else None


def remove_watch(db: sqlite3.Connection, key: str) -> Watch | None:
    """Remove a watch (by id or name) and its alerts; None when there is no such watch."""
    watch = get_watch(db, key)
    if watch is not None:
        db.execute("BEGIN IMMEDIATE")
        try:
            for table in ("alert_events", "alerts", "watches"):
                db.execute(f"DELETE FROM {table} WHERE watch_id = ?", (watch.watch_id,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return watch


def checked(db: sqlite3.Connection, watch_id: int, at: str, doc: int) -> None:
    """Move a watch's watermark (inside the evaluation's transaction)."""
    db.execute("UPDATE watches SET checked_at = ?, checked_doc = ? WHERE watch_id = ?", (at, doc, watch_id))


def already(db: sqlite3.Connection, watch_id: int, kind: str, ids: list[str]) -> set[str]:
    """Those of `ids` this watch has alerted on before."""
    return {r[0] for r in db.execute(
        "SELECT item_id FROM alert_events WHERE watch_id = ? AND kind = ? AND item_id IN (SELECT value FROM"
        " json_each(?))", (watch_id, kind, json.dumps(ids)))}


def add_alert(db: sqlite3.Connection, watch: Watch, message: str, data: dict[str, Any], *,
              events: Sequence[str] = (), claims: Sequence[str] = ()) -> dict[str, Any]:
    """Record an alert and what raised it (inside the evaluation's transaction); returns it as `alerts` does."""
    cur = db.execute(f"INSERT INTO alerts (uid, watch_id, created_at, rule, message, data) VALUES (?, ?, {NOW},"
                     " ?, ?, ?)", (str(uuid.uuid4()), watch.watch_id, watch.rule, message,
                                   json.dumps(data, ensure_ascii=False)))
    db.executemany("INSERT OR IGNORE INTO alert_events (alert_id, watch_id, kind, item_id) VALUES (?, ?, ?, ?)",
                   [(cur.lastrowid, watch.watch_id, kind, item) for kind, items in (("event", events),
                                                                                   ("claim", claims))
                    for item in items])
    return alerts(db, alert_id=cur.lastrowid)[0]


def alerts(db: sqlite3.Connection, *, since: str | None = None, watch_id: int | None = None,
           alert_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Alerts, oldest first (the latest `limit` when given), each with the ids that raised it."""
    clauses, params = ["1 = 1"], []
    for value, sql in ((since, "a.created_at > ?"), (watch_id, "a.watch_id = ?"), (alert_id, "a.alert_id = ?")):
        if value is not None:
            clauses.append(sql)
            params.append(value)
    rows = db.execute(
        "SELECT * FROM (SELECT a.alert_id, a.uid, a.watch_id, w.name, a.created_at, a.rule, a.message, a.data,"
        " (SELECT json_group_array(item_id) FROM alert_events x WHERE x.alert_id = a.alert_id AND x.kind = 'event'),"
        " (SELECT json_group_array(item_id) FROM alert_events x WHERE x.alert_id = a.alert_id AND x.kind = 'claim')"
        f" FROM alerts a JOIN watches w ON w.watch_id = a.watch_id WHERE {' AND '.join(clauses)}"
        " ORDER BY a.created_at DESC, a.alert_id DESC LIMIT ?) recent ORDER BY created_at, alert_id",
        [*params, NO_LIMIT if limit is None else limit]).fetchall()
    return [{"alert_id": r[0], "id": f"urn:uuid:{r[1]}", "watch_id": r[2], "watch": r[3], "created_at": r[4],
             "rule": r[5], "message": r[6], "details": json.loads(r[7]), "events": json.loads(r[8]),
             "claims": json.loads(r[9])} for r in rows]


def alert_counts(db: sqlite3.Connection) -> dict[int, tuple[int, str | None]]:
    """Per watch: how many alerts, and when the latest was raised."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT watch_id, count(*), max(created_at) FROM alerts GROUP BY watch_id")}

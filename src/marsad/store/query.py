"""Reading events the way the analyst's workbench asks: filtered, sorted, paged, counted.

Every filter is a column of `event_index` (corrected values) or a join on its side tables;
SQL text comes only from the constants here, every value the user gives is a parameter.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from . import overlay


@dataclass(frozen=True)
class EventFilter:
    """What the analyst selected. Empty tuples and None mean "any"; within a field values are OR-ed,
    across fields AND-ed. `review` empty means every event except rejected ones."""

    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    geo_precision: tuple[int, ...] = ()
    review: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north

    def without(self, name: str) -> EventFilter:
        """The same filter with one field cleared (a facet counts as if its own selection were off)."""
        cleared: dict[str, Any] = {name: next(f.default for f in fields(self) if f.name == name)}
        return replace(self, **cleared)


_COLUMNS = {"event_type": "i.event_type", "sub_event_type": "i.sub_event_type", "country": "i.country",
            "admin1": "i.admin1", "modality": "i.modality", "geo_precision": "i.geo_precision"}
SORTS = {"date": "i.event_date {d}, i.event_id {d}", "fatalities": "i.fatalities {d}, i.event_id {d}",
         "country": "i.country {d}, i.admin1 {d}, i.event_id {d}", "event_type": "i.event_type {d}, i.event_id {d}",
         "id": "i.event_id {d}"}


def fts_query(text: str) -> str | None:
    """User words → an FTS5 query that cannot be a syntax error: every word a quoted term, all required."""
    words = re.findall(r"\w+", text)
    return " AND ".join(f'"{w}"' for w in words[:20]) or None


def _in(column: str, values: tuple[Any, ...]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over `event_index i`) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    for name, column in _COLUMNS.items():
        values = getattr(f, name)
        if values:
            clauses.append(_in(column, values))
            params.extend(values)
    if f.review:
        clauses.append(_in("i.status", f.review))
        params.extend(f.review)
    else:
        clauses.append("i.status != 'rejected'")
    if f.actor:
        clauses.append(f"i.event_id IN (SELECT event_id FROM event_actors WHERE {_in('actor', f.actor)})")
        params.extend(f.actor)
    if f.source:
        clauses.append(f"i.event_id IN (SELECT event_id FROM event_sources WHERE {_in('source', f.source)})")
        params.extend(f.source)
    if f.outlet:
        clauses.append("i.event_id IN (SELECT ea.event_id FROM event_articles ea JOIN articles a"
                       f" ON a.article_id = ea.article_id WHERE {_in('a.outlet', f.outlet)})")
        params.extend(f.outlet)
    for value, sql in ((f.date_from, "i.event_date >= ?"), (f.date_to, "i.event_date <= ?"),
                       (f.fatalities_min, "i.fatalities >= ?"), (f.fatalities_max, "i.fatalities <= ?")):
        if value is not None:
            clauses.append(sql)
            params.append(value)
    if f.bbox is not None:
        west, south, east, north = f.bbox
        clauses.append("i.latitude BETWEEN ? AND ? AND i.longitude BETWEEN ? AND ?")
        params.extend((south, north, west, east))
    match = fts_query(f.q) if f.q else None
    if f.q is not None and match is None:
        clauses.append("0")  # a search with no words matches nothing
    elif match:
        clauses.append("i.event_id IN (SELECT ea.event_id FROM articles_fts JOIN articles a"
                       " ON a.rowid = articles_fts.rowid JOIN event_articles ea ON ea.article_id = a.article_id"
                       " WHERE articles_fts MATCH ?)")
        params.append(match)
    return " AND ".join(clauses), params


def count(db: sqlite3.Connection, f: EventFilter) -> int:
    sql, params = where(f)
    return int(db.execute(f"SELECT count(*) FROM event_index i WHERE {sql}", params).fetchone()[0])


def order_by(sort: str) -> str:
    """`date`, `-date`, `fatalities`, … → an ORDER BY clause; KeyError for an unknown key."""
    key, direction = (sort[1:], "DESC") if sort.startswith("-") else (sort, "ASC")
    return SORTS[key].format(d=direction)


def _corrections_of(db: sqlite3.Connection, ids: list[str]) -> dict[str, list[sqlite3.Row]]:
    out: dict[str, list[sqlite3.Row]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in db.execute(f"SELECT event_id, field, value, author, created_at, note FROM corrections"
                            f" WHERE {_in('event_id', tuple(chunk))} ORDER BY id", chunk):
            out.setdefault(r["event_id"], []).append(r)
    return out


def iter_events(db: sqlite3.Connection, f: EventFilter, *, sort: str = "date", limit: int | None = None,
                offset: int = 0, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Corrected events matching `f`, in `sort` order; every one unless `limit` is given."""
    sql, params = where(f)
    query = (f"SELECT e.event_id, e.data FROM event_index i JOIN events e ON e.event_id = i.event_id"
             f" WHERE {sql} ORDER BY {order_by(sort)} LIMIT ? OFFSET ?")
    cursor = db.execute(query, [*params, -1 if limit is None else limit, offset])
    while rows := cursor.fetchmany(batch):
        fixes = _corrections_of(db, [r[0] for r in rows])
        for r in rows:
            yield overlay.apply(json.loads(r[1]), fixes.get(r[0], ()))


def points(db: sqlite3.Connection, f: EventFilter) -> list[list[Any]]:
    """Every matching event with coordinates, compactly: [id, lat, lon, type, fatalities, precision]."""
    sql, params = where(f)
    return [list(r) for r in db.execute(
        "SELECT i.event_id, i.latitude, i.longitude, i.event_type, i.fatalities, i.geo_precision"
        f" FROM event_index i WHERE {sql} AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL", params)]


BUCKETS = {"day": "i.event_date", "week": "date(i.event_date, '-6 days', 'weekday 1')",
           "month": "substr(i.event_date, 1, 7) || '-01'", "year": "substr(i.event_date, 1, 4) || '-01-01'"}


def timeline(db: sqlite3.Connection, f: EventFilter, interval: str) -> dict[str, Any]:
    """Events per day/week/month/year, stacked by event type. The date range is not applied
    (the timeline is where it is chosen); every other filter is."""
    g = replace(f, date_from=None, date_to=None)
    sql, params = where(g)
    bucket = BUCKETS[interval]
    buckets: dict[str, dict[str, int]] = {}
    for start, etype, n in db.execute(
            f"SELECT {bucket} AS b, i.event_type, count(*) FROM event_index i WHERE {sql}"
            " AND i.event_date IS NOT NULL GROUP BY b, i.event_type ORDER BY b", params):
        buckets.setdefault(start, {})[etype] = n
    undated = db.execute(f"SELECT count(*) FROM event_index i WHERE {sql} AND i.event_date IS NULL",
                         params).fetchone()[0]
    return {"interval": interval, "undated": undated,
            "buckets": [{"start": k, "counts": v, "total": sum(v.values())} for k, v in buckets.items()]}

"""Reading events the way the analyst's workbench asks: filtered, sorted, paged, counted.

Every filter is a column of `event_index` (corrected values) or a join on its side tables;
SQL text comes only from the constants here, every value the user gives is a parameter.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from ..events import modality as event_modality
from . import evidence, overlay
from .base import stream


@dataclass(frozen=True)
class EventFilter:
    """What the analyst selected. Empty tuples and None mean "any"; within a field values are OR-ed,
    across fields AND-ed. `review` empty means every event except rejected ones."""

    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
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
    undated: bool = False  # only events with no event_date (date_from and date_to are then ignored)

    def without(self, name: str) -> EventFilter:
        """The same filter with one field cleared (a facet counts as if its own selection were off)."""
        cleared: dict[str, Any] = {name: next(f.default for f in fields(self) if f.name == name)}
        return replace(self, **cleared)


MODALITIES = event_modality.MODALITIES
# What API, CLI and page show when no modality is chosen: what happened, not threats, plans,
# fears, hopes, denials or possibilities (those are chosen by name, or all at once with "all").
DEFAULT_MODALITY = event_modality.OCCURRED
ALL_MODALITIES = "all"


def modality_filter(chosen: Sequence[str] | None) -> tuple[str, ...]:
    """Modalities as the API, CLI and page take them → `EventFilter.modality`: none chosen is
    the default (occurred); "all" among them is every modality (no condition)."""
    if not chosen:
        return (DEFAULT_MODALITY,)
    if ALL_MODALITIES in chosen:
        return ()
    return tuple(dict.fromkeys(chosen))


_COLUMNS = {"event_type": "i.event_type", "sub_event_type": "i.sub_event_type", "country": "i.country",
            "admin1": "i.admin1", "location": "i.location", "modality": "i.modality",
            "geo_precision": "i.geo_precision"}
SORTS = {"date": "i.event_date {d}, i.event_id {d}", "fatalities": "i.fatalities {d}, i.event_id {d}",
         "country": "i.country {d}, i.admin1 {d}, i.event_id {d}", "event_type": "i.event_type {d}, i.event_id {d}",
         "id": "i.event_id {d}"}


def fts_query(text: str) -> str | None:
    """User words → an FTS5 query that cannot be a syntax error: every word a quoted term, all required."""
    words = re.findall(r"\w+", text)
    return " AND ".join(f'"{w}"' for w in words[:20]) or None


def _in(column: str, values: tuple[Any, ...]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def where(f: EventFilter, *, search: str = "probe") -> tuple[str, list[Any]]:
    """The WHERE clause (over `event_index i`) and its parameters. `search` says how a text
    search (`f.q`) is tested (`search_mode` chooses): "probe" each row in the set of matching
    events, "lookup" the matching events one by one (few match), or "exclude" the events no
    matching article reports (most match: that set is the small one)."""
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
    if f.undated:
        clauses.append("i.event_date IS NULL")
    dates = () if f.undated else ((f.date_from, "i.event_date >= ?"), (f.date_to, "i.event_date <= ?"))
    for value, sql in (*dates, (f.fatalities_min, "i.fatalities >= ?"), (f.fatalities_max, "i.fatalities <= ?")):
        if value is not None:
            clauses.append(sql)
            params.append(value)
    if f.bbox is not None:
        west, south, east, north = f.bbox
        clauses.append("i.latitude BETWEEN ? AND ? AND i.longitude BETWEEN ? AND ?")
        params.extend((south, north, west, east))
    match = fts_query(f.q) if f.q else None
    if f.q is not None and match is None:
        clauses.append("1 = 0")  # a search with no words matches nothing
    elif match and search == "exclude":
        clauses.append(f"+i.event_id NOT IN ({UNMATCHED})")
        params.extend((match, match))
    elif match:
        # The FTS match yields article rowids only; the events come from one index probe each. The
        # unary + keeps SQLite from looking every matching id up in `event_index` one by one (slow
        # when a common word matches every article): it tests membership in the list instead.
        clauses.append(f"{'' if search == 'lookup' else '+'}i.event_id IN (SELECT ea.event_id FROM event_articles ea"
                       " WHERE ea.article_id IN (SELECT a.article_id FROM articles a WHERE a.rowid IN"
                       " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))")
        params.append(match)
    return " AND ".join(clauses), params


# Events none of whose articles match a search (every indexed event has a row in
# `event_articles`: `_put_event` writes one per article and an event with none leaves the index).
UNMATCHED = ("SELECT ea.event_id FROM event_articles ea WHERE ea.article_id IN (SELECT a.article_id FROM articles a"
             " WHERE a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
             " AND NOT EXISTS (SELECT 1 FROM event_articles eb JOIN articles b ON b.article_id = eb.article_id"
             " WHERE eb.event_id = ea.event_id"
             " AND b.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))")
# Filter fields that pre-aggregated counts (migration m012) can answer, per table.
FACET_COUNTED = frozenset(("event_type", "sub_event_type", "country", "admin1", "modality", "geo_precision", "review"))
DAY_COUNTED = frozenset(("event_type", "country", "modality", "review"))
TAG_COUNTED = frozenset(("event_type", "country", "modality", "review"))
DATED = FACET_COUNTED | {"date_from", "date_to"}  # the filters event_index_dated covers (m012)
DAY_DATED = DAY_COUNTED | {"date_from", "date_to"}  # the filters day_counts answers (m012)
PLACE_COUNTED = frozenset(("event_type", "country", "admin1", "modality", "geo_precision", "review", "bbox"))
_modes: dict[tuple[int, str], tuple[int, int]] = {}


def counted(f: EventFilter, allowed: frozenset[str]) -> bool:
    """Whether `f` filters on no field but `allowed` (so a table of counts keyed on them answers it)."""
    return all(fl.name in allowed or getattr(f, fl.name) == fl.default for fl in fields(f))


def search_share(db: sqlite3.Connection, f: EventFilter) -> float:
    """About what share of the articles `f.q` matches (0 without a search)."""
    match = fts_query(f.q) if f.q else None
    if not match:
        return 0.0
    key = (data_version(db), match)
    known = _modes.get(key)  # the plan only decides speed, never the answer: a stale entry is harmless
    if known is None:
        if len(_modes) > 256:
            _modes.clear()
        hits = db.execute("SELECT count(*) FROM articles a WHERE a.rowid IN"
                          " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", (match,)).fetchone()[0]
        known = _modes[key] = (int(hits), int(db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]))
    return known[0] / max(1, known[1])


def search_mode(db: sqlite3.Connection, f: EventFilter) -> str:
    """How `where` should test a search when counting: most articles match → exclude the
    events of the others; else look the matching events up."""
    return "exclude" if search_share(db, f) >= 0.5 else "lookup"


def count(db: sqlite3.Connection, f: EventFilter) -> int:
    if f.q and search_mode(db, f) == "exclude":
        # Everything but the few events no matching article reports: the count without the
        # search (pre-aggregated when it can be) less theirs.
        g = replace(f, q=None)
        sql, params = where(g)
        unmatched = db.execute(f"SELECT count(*) FROM event_index i WHERE {sql} AND i.event_id IN ({UNMATCHED})",
                               [*params, *(fts_query(f.q),) * 2]).fetchone()[0]
        return count(db, g) - int(unmatched)
    if counted(f, FACET_COUNTED):
        sql, params = where(f)
        return int(db.execute(f"SELECT coalesce(sum(i.n), 0) FROM facet_counts i WHERE {sql}", params).fetchone()[0])
    if counted(f, DAY_DATED):
        # The page's commonest filter (type, country, modality, a date range): the counts per day
        # kept at ingest (m012), a row per day and key, not every event of the range.
        sql, params = where(f)
        return int(db.execute(f"SELECT coalesce(sum(i.n), 0) FROM day_counts i WHERE {sql}", params).fetchone()[0])
    sql, params = where(f, search=search_mode(db, f))
    # Column filters and a date range: the range of the covering index, no table row read.
    hint = " INDEXED BY event_index_dated" if (f.date_from or f.date_to) and counted(f, DATED) else ""
    return int(db.execute(f"SELECT count(*) FROM event_index i{hint} WHERE {sql}", params).fetchone()[0])


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
    share = search_share(db, f)  # in sort order, testing each row, unless few events match
    sql, params = where(f, search="exclude" if share >= 0.5 else "probe" if share >= 0.05 else "lookup")
    query = (f"SELECT e.event_id, e.data FROM event_index i JOIN events e ON e.event_id = i.event_id"
             f" WHERE {sql} ORDER BY {order_by(sort)} LIMIT ? OFFSET ?")
    args = [*params, NO_LIMIT if limit is None else limit, offset]
    # Every row (an export) comes a batch at a time on PostgreSQL too (`stream`); a page is small.
    found = iter(stream(db, query, args) if limit is None else db.execute(query, args))
    while rows := list(itertools.islice(found, batch)):
        fixes = _corrections_of(db, [r[0] for r in rows])
        stored = evidence.load_all(db, [json.loads(r[1]) for r in rows])
        for r, data in zip(rows, stored, strict=True):
            yield overlay.apply(data, fixes.get(r[0], ()))


NO_LIMIT = 2**62  # "every row" as a LIMIT both databases read (SQLite's -1 is an error in PostgreSQL)
POINT_FIELDS = ("event_id", "latitude", "longitude", "event_type", "fatalities", "geo_precision")


def points_json(db: sqlite3.Connection, f: EventFilter) -> tuple[int, str, list[str]]:
    """Every matching event with coordinates as JSON columns, built by SQLite from the covering
    index alone (no Python object per point): (how many, '{"event_id":[…],…}', type names).
    `event_type` holds positions in the type names; coordinates are rounded to 5 decimals (~1 m)."""
    sql, params = where(f)
    types = [r[0] for r in db.execute("SELECT DISTINCT event_type FROM event_index ORDER BY event_type")]
    code = "CASE i.event_type " + " ".join("WHEN ? THEN ?" for _ in types) + " END" if types else "NULL"
    codes = [x for n, t in enumerate(types) for x in (t, n)]
    row = db.execute(
        f"SELECT count(*), json_group_array(i.event_id), json_group_array(round(i.latitude, 5)),"
        f" json_group_array(round(i.longitude, 5)), json_group_array({code}), json_group_array(i.fatalities),"
        f" json_group_array(i.geo_precision) FROM event_index i INDEXED BY event_index_facets WHERE {sql}"
        " AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL", [*codes, *params]).fetchone()
    columns = ",".join(f'"{name}":{col}' for name, col in zip(POINT_FIELDS, row[1:], strict=True))
    return int(row[0]), "{" + columns + "}", types


CELL_PX = 40  # the side of a map cluster cell, in screen pixels (256-pixel tiles)


def cell_degrees(zoom: int) -> float:
    """The side of a cluster cell in degrees at a map zoom level."""
    return 360 / 2 ** zoom / 256 * CELL_PX


def point_cells(db: sqlite3.Connection, f: EventFilter, zoom: int,
                view: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
    """The matching events with coordinates (in `view`: west, south, east, north) in a grid of
    cells `cell_degrees(zoom)` wide, counted in SQL: per cell the count, the mean position, the
    commonest event type (a position in `event_types`), the summed fatalities, the event's id
    where the cell holds one event, and the best geo precision. As columns, like `points_json`."""
    placed = counted(f, PLACE_COUNTED)
    sql, params = where(f) if placed else where(f, search=search_mode(db, f))
    if view is not None:
        sql += " AND i.latitude BETWEEN ? AND ? AND i.longitude BETWEEN ? AND ?"
        params = [*params, view[1], view[3], view[0], view[2]]
    size = cell_degrees(zoom)
    if getattr(db, "dialect", "sqlite") == "postgresql":  # PgConnection.dialect, without importing psycopg
        cell = "floor((i.latitude + 90) / ?)::bigint, floor((i.longitude + 180) / ?)::bigint"
    else:  # non-negative: CAST truncates, which is floor
        cell = "CAST((i.latitude + 90) / ? AS INTEGER), CAST((i.longitude + 180) / ? AS INTEGER)"
    located = "i.latitude IS NOT NULL AND i.longitude IS NOT NULL"
    if placed:  # pre-aggregated per place (m012): as many rows as places, not events
        rows = db.execute(
            f"SELECT {cell}, i.event_type, sum(i.n), sum(i.latitude * i.n), sum(i.longitude * i.n),"
            f" sum(i.fatalities), NULL, min(i.geo_precision) FROM place_counts i WHERE i.n > 0 AND {sql}"
            f" AND {located} GROUP BY 1, 2, 3", [size, size, *params])
    else:
        rows = db.execute(
            f"SELECT {cell}, i.event_type, count(*), sum(i.latitude), sum(i.longitude), sum(i.fatalities),"
            f" min(i.event_id), min(i.geo_precision) FROM event_index i INDEXED BY event_index_facets WHERE {sql}"
            f" AND {located} GROUP BY 1, 2, 3", [size, size, *params])
    cells: dict[tuple[int, int], list[Any]] = {}
    for y, x, etype, n, lat, lon, fat, eid, precision in rows:
        c = cells.setdefault((y, x), [0, 0.0, 0.0, 0, None, {}, None])
        c[0] += n
        c[1] += lat
        c[2] += lon
        c[3] += fat or 0
        c[4] = eid
        c[5][etype] = n
        c[6] = precision if c[6] is None or precision is not None and precision < c[6] else c[6]
    if placed:  # a cell of one event: its id, found by its place (event_index_geo)
        sql, params = where(f)
        for c in [c for c in cells.values() if c[0] == 1][:2000]:
            c[4] = db.execute(f"SELECT i.event_id FROM event_index i WHERE {sql} AND i.latitude = ?"
                              " AND i.longitude = ?", [*params, c[1], c[2]]).fetchone()[0]
    types = sorted({t for c in cells.values() for t in c[5]})
    code = {t: k for k, t in enumerate(types)}
    ordered = sorted(cells.items())
    return {"count": sum(c[0] for _, c in ordered), "event_types": types, "cell_degrees": size, "columns": {
        "count": [c[0] for _, c in ordered],
        "latitude": [round(c[1] / c[0], 5) for _, c in ordered],
        "longitude": [round(c[2] / c[0], 5) for _, c in ordered],
        "event_type": [code[min(c[5], key=lambda t: (-c[5][t], t))] for _, c in ordered],
        "fatalities": [c[3] for _, c in ordered],
        "event_id": [c[4] if c[0] == 1 else None for _, c in ordered],
        "geo_precision": [c[6] for _, c in ordered]}}


def data_version(db: sqlite3.Connection) -> int:
    """A number that every write to events, corrections or articles increases (triggers, m007):
    results cached under one version are never served under another."""
    return int(db.execute("SELECT version FROM data_version WHERE id = 1").fetchone()[0])


def _week(day: str) -> str | None:
    """The Monday on or before `day` (None for a date SQLite's date() would not read either)."""
    try:
        d = dt.date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (d - dt.timedelta(days=d.weekday())).isoformat()


BUCKETS: dict[str, Callable[[str], str | None]] = {
    "day": lambda d: d, "week": _week, "month": lambda d: d[:7] + "-01", "year": lambda d: d[:4] + "-01-01"}


def timeline(db: sqlite3.Connection, f: EventFilter, interval: str) -> dict[str, Any]:
    """Events per day/week/month/year, stacked by event type. The date range is not applied
    (the timeline is where it is chosen); every other filter is. SQL counts per day (a covering
    index, no per-row date arithmetic); days are folded into weeks, months or years here."""
    g = replace(f, date_from=None, date_to=None)
    if counted(g, DAY_COUNTED):  # pre-aggregated per day (m012): a few thousand rows, not every event
        sql, params = where(g)
        rows = db.execute(f"SELECT i.event_date, i.event_type, sum(i.n) FROM day_counts i WHERE {sql}"
                          " GROUP BY i.event_date, i.event_type HAVING sum(i.n) > 0 ORDER BY i.event_date", params)
    else:
        sql, params = where(g, search=search_mode(db, g))
        rows = db.execute(f"SELECT i.event_date, i.event_type, count(*) FROM event_index i WHERE {sql}"
                          " GROUP BY i.event_date, i.event_type ORDER BY i.event_date", params)
    bucket = BUCKETS[interval]
    buckets: dict[str | None, dict[str, int]] = {}
    undated = 0
    for day, etype, n in rows:
        if day is None:
            undated += n
            continue
        counts = buckets.setdefault(bucket(day), {})
        counts[etype] = counts.get(etype, 0) + n
    return {"interval": interval, "undated": undated,
            "buckets": [{"start": k, "counts": v, "total": sum(v.values())} for k, v in buckets.items()]}


CHANGES = ("new", "re-coded", "corrected", "confirmed", "rejected")


def changes(db: sqlite3.Connection, since: str, *, after: str | None = None, limit: int = 100,
            f: EventFilter | None = None, kinds: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Events changed after `since` (UTC, as stored: 2024-05-01T12:00:00.000Z), oldest change
    first, each with its current (corrected) record and the kind of its latest change (`CHANGES`):
    new since then, re-coded by a later ingest, or corrected, confirmed or rejected by an analyst.
    `f` filters like the event list (every review status unless it names some: a rejection is a
    change worth hearing of); `kinds` keeps those kinds. `after` ("updated_at event_id", from the
    previous page's last change) continues a feed without skipping ties."""
    cols = "c.event_id, c.created_at, c.updated_at, c.corrected_at, e.data"
    base = (f"SELECT {cols} FROM event_changes c JOIN events e ON e.event_id = c.event_id"
            " JOIN event_index i ON i.event_id = c.event_id WHERE c.updated_at > ?")
    params: list[Any] = [since]
    if f is not None:
        sql, more = where(f if f.review else replace(f, review=overlay.STATUSES))
        base += f" AND {sql}"
        params += more
    if after:
        at, _, eid = after.partition(" ")
        base += " AND (c.updated_at > ? OR (c.updated_at = ? AND c.event_id > ?))"
        params += [at, at, eid]
    out: list[dict[str, Any]] = []
    # Kinds are known only row by row (from the correction log): read on until a page is full.
    for start in range(0, 10**9, limit):
        rows = db.execute(base + " ORDER BY c.updated_at, c.event_id LIMIT ? OFFSET ?",
                          [*params, limit, start]).fetchall()
        fixes = _corrections_of(db, [r[0] for r in rows])
        stored = evidence.load_all(db, [json.loads(r[4]) for r in rows])
        for (event_id, created, updated, corrected, _), data in zip(rows, stored, strict=True):
            kind = _change_kind(since, created, updated, corrected, fixes.get(event_id, []))
            if kinds and kind not in kinds:
                continue
            out.append({"event_id": event_id, "change": kind, "created_at": created, "updated_at": updated,
                        "corrected_at": corrected,
                        "event": overlay.apply(data, fixes.get(event_id, ()))})
            if len(out) == limit:
                return out
        if len(rows) < limit:
            return out
    return out


def _change_kind(since: str, created: str, updated: str, corrected: str | None, fixes: list[sqlite3.Row]) -> str:
    if created > since:
        return "new"
    if not corrected or corrected < updated:
        return "re-coded"
    last = fixes[-1] if fixes else None  # the latest entry of the correction log
    if last is not None and last["field"] == "status":
        status = json.loads(last["value"])
        return "confirmed" if status == "confirmed" else "rejected" if status == "rejected" else "corrected"
    return "corrected"

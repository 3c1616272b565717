"""Counts beside the event list: facets, actors, places, an event's neighbours, articles (claims: `claims`)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import replace
from typing import Any

from .query import (
    DATED,
    FACET_COUNTED,
    TAG_COUNTED,
    UNMATCHED,
    EventFilter,
    count,
    counted,
    fts_query,
    search_mode,
    where,
)

# Facets over columns of `event_index`: (facet name, the filter field it narrows, the column).
_COLUMN_FACETS = (("event_type", "event_type", "event_type"), ("sub_event_type", "sub_event_type", "sub_event_type"),
                  ("country", "country", "country"), ("admin1", "admin1", "admin1"),
                  ("modality", "modality", "modality"), ("geo_precision", "geo_precision", "geo_precision"),
                  ("review", "review", "status"))
# Facets over `event_tags` (an event may have several values: count events, not rows).
_TAG_FACETS = ("actor", "source", "outlet")
FACETS = tuple(name for name, _, _ in _COLUMN_FACETS) + _TAG_FACETS
_COLUMN_FIELDS = {field for _, field, _ in _COLUMN_FACETS}
_ALL_STATUSES = ("unreviewed", "confirmed", "rejected")


def _top(counts: dict[Any, int], size: int) -> list[dict[str, Any]]:
    """Largest counts first, then by value (None first, as SQL sorts NULL), `size` of them."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is not None, kv[0] if kv[0] is not None else ""))
    return [{"value": v, "count": n} for v, n in ranked[:size]]


def _keeps(combo: dict[str, Any], f: EventFilter, skip: str) -> bool:
    """Whether a combination of column values passes the column filters of `f`, except `skip`'s."""
    for _, field, column in _COLUMN_FACETS:
        if field == skip:
            continue
        chosen = getattr(f, field)
        if field == "review":
            if chosen and combo[column] not in chosen:
                return False
            if not chosen and combo[column] == "rejected":
                return False
        elif chosen and combo[column] not in chosen:
            return False
    return True


def _column_combos(db: sqlite3.Connection, g: EventFilter, q: str | None = None) -> Counter[tuple[Any, ...]]:
    """How many events under `g` have each combination of the column facets' values; with `q`,
    only those of the events no article matching `q` reports (`query.UNMATCHED`)."""
    cols = ", ".join(f"i.{column}" for _, _, column in _COLUMN_FACETS)
    months = _whole_months(g) if q is None and counted(g, DATED) else None
    if q is None and counted(g, FACET_COUNTED):  # pre-aggregated (m012): no event row read
        sql, params = where(g)
        rows = db.execute(f"SELECT {cols}, sum(i.n) FROM facet_counts i WHERE {sql} GROUP BY {cols}"
                          " HAVING sum(i.n) > 0", params)
    elif months is not None:
        # A date range: its whole months pre-aggregated (m012), its ends (and any date that is no
        # YYYY-MM-DD, which has no month) from the range of the covering index.
        first, end = months
        sql, params = where(replace(g, date_from=None, date_to=None))
        bounds = [(" AND i.month >= ?", first[:7]) if first else None, (" AND i.month < ?", end[:7]) if end else None]
        within = "".join(b[0] for b in bounds if b)
        counts = Counter({tuple(r[:-1]): int(r[-1]) for r in db.execute(
            f"SELECT {cols}, sum(i.n) FROM month_counts i WHERE i.month IS NOT NULL{within} AND {sql}"
            f" GROUP BY {cols} HAVING sum(i.n) > 0", [*(b[1] for b in bounds if b), *params])})
        sql, params = where(g)
        ends = [c for c, v in (("i.event_date < ?", first), ("i.event_date >= ?", end)) if v]
        rows = db.execute(f"SELECT {cols}, count(*) FROM event_index i INDEXED BY event_index_dated WHERE {sql}"
                          f" AND ({' OR '.join([*ends, 'length(i.event_date) != 10'])}) GROUP BY {cols}",
                          [*params, *(v for v in (first, end) if v)])
        counts.update({tuple(r[:-1]): int(r[-1]) for r in rows})
        return counts
    else:
        mode = search_mode(db, g)
        sql, params = where(g, search=mode)
        if q is not None:  # few events: looked up by id
            sql += f" AND i.event_id IN ({UNMATCHED})"
            params = [*params, *(fts_query(q),) * 2]
            hint = ""
        elif g.q and mode == "lookup":
            hint = ""
        elif (g.date_from or g.date_to) and counted(g, DATED):  # a date range of the covering index
            hint = " INDEXED BY event_index_dated"
        else:  # the whole covering index is read
            hint = " INDEXED BY event_index_facets"
        rows = db.execute(f"SELECT {cols}, count(*) FROM event_index i{hint} WHERE {sql} GROUP BY {cols}", params)
    return Counter({tuple(r[:-1]): int(r[-1]) for r in rows})


def _whole_months(g: EventFilter) -> tuple[str | None, str | None] | None:
    """The whole months in `g`'s date range as (first day of the first, first day after the
    last), None on a side the range leaves open; None when it holds no whole month."""
    try:
        start = dt.date.fromisoformat(g.date_from) if g.date_from else None
        last = dt.date.fromisoformat(g.date_to) if g.date_to else None
    except ValueError:
        return None
    first = None if start is None else start if start.day == 1 else _next_month(start)
    end = None if last is None else _next_month(last) if (last + dt.timedelta(days=1)).day == 1 \
        else last.replace(day=1)
    if first is not None and end is not None and first >= end:
        return None
    return (first.isoformat() if first else None), (end.isoformat() if end else None)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _without_search(db: sqlite3.Connection, f: EventFilter) -> str | None:
    """`f.q` when most articles match it: then counts are those without the search less those of
    the few events no matching article reports (see `query.count`)."""
    return f.q if f.q and search_mode(db, f) == "exclude" else None


def _column_facets(db: sqlite3.Connection, f: EventFilter, size: int) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """Every column facet, and the total, from one count per combination of column values under
    the filter's other parts (pre-aggregated when those are column filters too); each facet then
    sums the combinations that pass every column filter but its own."""
    cleared: dict[str, Any] = {field: () for field in _COLUMN_FIELDS}
    rest = replace(f, **{**cleared, "review": _ALL_STATUSES})
    q = _without_search(db, rest)
    if q is not None:
        base = replace(rest, q=None)
        counts = _column_combos(db, base)
        counts.subtract(_column_combos(db, base, q))
    else:
        counts = _column_combos(db, rest)
    cols = [column for _, _, column in _COLUMN_FACETS]
    combos = [(dict(zip(cols, key, strict=True)), n) for key, n in counts.items() if n]
    total = sum(n for combo, n in combos if _keeps(combo, f, ""))
    out: dict[str, list[dict[str, Any]]] = {}
    for name, field, column in _COLUMN_FACETS:
        by_value: dict[Any, int] = {}
        for combo, n in combos:
            if _keeps(combo, f, field):
                by_value[combo[column]] = by_value.get(combo[column], 0) + n
        out[name] = _top(by_value, size)
    return total, out


TAG_DATED = TAG_COUNTED | {"date_from", "date_to"}  # the filters PostgreSQL's event_tags_filtered covers


def _tag_counts(db: sqlite3.Connection, g: EventFilter, names: list[str], matching: int | None,
                q: str | None = None) -> Counter[tuple[str, Any]]:
    """(facet, value) → events under `g`, for the tag facets `names`; with `q`, only those of
    the events no article matching `q` reports. `matching`: how many events `g` matches, if known."""
    facet_in = f"i.facet IN ({','.join('?' * len(names))})"
    if q is None and counted(g, TAG_COUNTED):  # pre-aggregated (m012)
        sql, params = where(g)
        rows = db.execute(f"SELECT i.facet, i.value, sum(i.n) FROM tag_counts i WHERE {facet_in} AND {sql}"
                          " GROUP BY i.facet, i.value HAVING sum(i.n) > 0", [*names, *params])
        return Counter({(facet, value): int(n) for facet, value, n in rows})
    # PostgreSQL reads the tag rows of type, country, modality and a date range from one index
    # (m013), in a few milliseconds however many events match; joining them to the events is
    # what its planner gets wrong (a hash of every tag row).
    on_pg = q is None and getattr(db, "dialect", "sqlite") == "postgresql" and counted(g, TAG_DATED)
    if q is None and matching is None and not on_pg:
        matching = count(db, g)
    if not on_pg and (q is not None or matching is not None and matching * 4 < _events(db)):
        # Few events: each one's tags, by event id (event_tags_event), rather than every tag row.
        sql, params = where(g, search=search_mode(db, g))
        if q is not None:
            sql += f" AND i.event_id IN ({UNMATCHED})"
            params = [*params, *(fts_query(q),) * 2]
        # Column filters and a date range: the events from the range of the covering index.
        hint = " INDEXED BY event_index_dated" if q is None and (g.date_from or g.date_to) and counted(g, DATED) \
            else ""
        rows = db.execute(f"SELECT t.facet, t.value, count(*) FROM event_index i{hint} CROSS JOIN event_tags t"
                          f" ON t.event_id = i.event_id WHERE {facet_in.replace('i.', 't.')} AND {sql}"
                          " GROUP BY t.facet, t.value", [*names, *params])
        return Counter({(facet, value): int(n) for facet, value, n in rows})
    # Most events: every tag row of the facets, filtered by the event's columns copied onto it.
    # `event_tags` copies the facet columns but not `location`: a place is chosen by event id.
    sql, params = where(replace(g, location=()), search=search_mode(db, g))
    if g.location:
        marks = ",".join("?" * len(g.location))
        sql += f" AND i.event_id IN (SELECT event_id FROM event_index WHERE location IN ({marks}))"
        params = [*params, *g.location]
    rows = db.execute(f"SELECT i.facet, i.value, count(*) FROM event_tags i WHERE {facet_in} AND {sql}"
                      " GROUP BY i.facet, i.value", [*names, *params])
    return Counter({(facet, value): int(n) for facet, value, n in rows})


def _events(db: sqlite3.Connection) -> int:
    """How many events are indexed (all statuses), from the pre-aggregated counts."""
    return int(db.execute("SELECT coalesce(sum(n), 0) FROM facet_counts").fetchone()[0])


def _tag_facets(db: sqlite3.Connection, f: EventFilter, size: int, total: int) -> dict[str, list[dict[str, Any]]]:
    """Actor, source and outlet counts from `event_tags`, which carries the filter columns itself;
    facets whose filters come out the same (none of the three selected) share one query.
    `total`: how many events `f` matches."""
    out: dict[str, list[dict[str, Any]]] = {}
    todo: dict[EventFilter, list[str]] = {}
    for name in _TAG_FACETS:
        todo.setdefault(f.without(name), []).append(name)
    for g, names in todo.items():
        q = _without_search(db, g)
        if q is not None:
            base = replace(g, q=None)
            counts = _tag_counts(db, base, names, None)
            counts.subtract(_tag_counts(db, base, names, None, q))
        else:
            counts = _tag_counts(db, g, names, total if g == f else None)
        by_facet: dict[str, dict[Any, int]] = {name: {} for name in names}
        for (facet, value), n in counts.items():
            if n:
                by_facet[facet][value] = n
        for name in names:
            out[name] = _top(by_facet[name], size)
    return out


def facets_and_total(db: sqlite3.Connection, f: EventFilter, *,
                     size: int = 50) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """For each facet, its values and how many events each would give, as if that facet's own
    selection were off (so selected values can be combined with others); and how many events
    match `f` itself. Review counts rejected events too, so they can be chosen."""
    total, out = _column_facets(db, f, size)
    out.update(_tag_facets(db, f, size, total))
    return total, {name: out[name] for name in FACETS}


def facets(db: sqlite3.Connection, f: EventFilter, *, size: int = 50) -> dict[str, list[dict[str, Any]]]:
    """The facet counts of `facets_and_total`."""
    return facets_and_total(db, f, size=size)[1]


def actors(db: sqlite3.Connection, f: EventFilter, *, limit: int, offset: int) -> list[dict[str, Any]]:
    sql, params = where(f)
    rows = db.execute("SELECT a.actor, count(*) FROM event_actors a JOIN event_index i ON i.event_id = a.event_id"
                      f" WHERE {sql} GROUP BY a.actor ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", [*params, limit, offset])
    return [{"actor": a, "events": n} for a, n in rows]


def places(db: sqlite3.Connection, f: EventFilter, *, limit: int, offset: int) -> list[dict[str, Any]]:
    sql, params = where(f)
    rows = db.execute(
        "SELECT i.country, i.admin1, i.location, min(i.geo_precision), avg(i.latitude), avg(i.longitude), count(*)"
        f" FROM event_index i WHERE {sql} GROUP BY i.country, i.admin1, i.location ORDER BY 7 DESC, 1, 2, 3"
        " LIMIT ? OFFSET ?", [*params, limit, offset])
    return [{"country": c, "admin1": a, "location": loc, "geo_precision": p, "latitude": lat, "longitude": lon,
             "events": n} for c, a, loc, p, lat, lon, n in rows]


def neighbours(db: sqlite3.Connection, event: dict[str, Any], *, n: int = 3) -> dict[str, list[dict[str, Any]]]:
    """Events just before and after this one in the same country, and the nearest on the map.
    Before and after hold dated events only (an undated event is neither), none for an undated one."""
    cols = "SELECT event_id, event_type, sub_event_type, event_date, location, fatalities FROM event_index"
    eid, date, country = event["event_id"], event.get("event_date"), event.get("country")
    same = "status != 'rejected' AND country IS ? AND event_date IS NOT NULL"
    out: dict[str, list[dict[str, Any]]] = {"before": [], "after": [], "nearby": []}
    if date:
        before = db.execute(f"{cols} WHERE {same} AND (event_date < ? OR (event_date = ? AND event_id < ?))"
                            " ORDER BY event_date DESC, event_id DESC LIMIT ?", (country, date, date, eid, n))
        after = db.execute(f"{cols} WHERE {same} AND (event_date > ? OR (event_date = ? AND event_id > ?))"
                           " ORDER BY event_date, event_id LIMIT ?", (country, date, date, eid, n))
        out["before"], out["after"] = [dict(r) for r in before], [dict(r) for r in after]
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is not None and lon is not None:
        rows = db.execute(f"{cols.replace(' FROM', ', latitude, longitude FROM')} WHERE status != 'rejected'"
                          " AND event_id != ? AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
                          " ORDER BY (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) LIMIT ?",
                          (eid, lat - 1, lat + 1, lon - 1, lon + 1, lat, lat, lon, lon, n + 2))
        out["nearby"] = [dict(r) for r in rows]
    return out


_ARTICLE = "a.article_id, a.origin, a.title, a.published, a.outlet, a.language, a.url"


def articles(db: sqlite3.Connection, *, q: str | None, outlet: str | None, limit: int,
             offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Current articles (newest first), optionally matching words `q` and from `outlet`."""
    clauses: list[str] = ["d.superseded = 0"]
    params: list[Any] = []
    if q is not None:
        match = fts_query(q)
        clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)" if match else "1 = 0")
        params.extend([match] if match else [])
    if outlet is not None:
        clauses.append("a.outlet = ?")
        params.append(outlet)
    sql = " AND ".join(clauses)
    base = f"FROM articles a JOIN documents d ON d.doc_id = a.doc_id WHERE {sql}"
    total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    rows = db.execute(f"SELECT {_ARTICLE}, (SELECT count(*) FROM event_articles ea WHERE ea.article_id ="
                      f" a.article_id) AS events {base} ORDER BY a.published DESC, a.article_id LIMIT ? OFFSET ?",
                      [*params, limit, offset])
    return total, [dict(r) for r in rows]


def article(db: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = db.execute(f"SELECT {_ARTICLE}, a.text, a.captions FROM articles a WHERE a.article_id = ?",
                     (article_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["captions"] = json.loads(out["captions"])
    out["event_ids"] = [r[0] for r in db.execute(
        "SELECT ea.event_id FROM event_articles ea JOIN event_index i ON i.event_id = ea.event_id"
        " WHERE ea.article_id = ? ORDER BY i.event_date, ea.event_id", (article_id,))]
    return out


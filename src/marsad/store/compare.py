"""What changed between two periods, and the trend of each actor and province.

An analyst asks "what changed this week, and where": `compare` counts the events of the
current filter in two periods by type, actor, province and place, with the differences,
and names the places that are new or went quiet. `trends` gives each actor's or
province's counts per month (or week) for the facets' sparklines.

Periods are of event dates, not of ingest times: "the last 7 days" ends at the latest
event date the filter matches (a database of last year's news compares last year's last
weeks), unless the caller gives the end.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from .query import EventFilter, where

# How each breakdown is grouped: the columns that name a row, and the table that holds them.
_DIMENSIONS = {
    "event_type": ("i.event_type", ""),
    "actor": ("a.actor", " JOIN event_actors a ON a.event_id = i.event_id"),
    "admin1": ("i.country, i.admin1", ""),
    "location": ("i.country, i.admin1, i.location", ""),
}
_KEYS = {"event_type": ("event_type",), "actor": ("actor",), "admin1": ("country", "admin1"),
         "location": ("country", "admin1", "location")}


@dataclass(frozen=True)
class Period:
    start: str  # YYYY-MM-DD, inclusive
    end: str

    @property
    def days(self) -> int:
        return (dt.date.fromisoformat(self.end) - dt.date.fromisoformat(self.start)).days + 1


def latest_date(db: sqlite3.Connection, f: EventFilter) -> str | None:
    sql, params = where(replace(f, date_from=None, date_to=None))
    row = db.execute(f"SELECT max(i.event_date) FROM event_index i WHERE {sql}", params).fetchone()
    return row[0] if row else None


def last_days(db: sqlite3.Connection, f: EventFilter, days: int, end: str | None = None) -> tuple[Period, Period]:
    """"The last `days` days vs the `days` before": (before, last), ending at `end` or at the
    latest event date the filter matches (today when it matches none)."""
    stop = dt.date.fromisoformat(end or latest_date(db, f) or dt.date.today().isoformat())
    last = Period((stop - dt.timedelta(days=days - 1)).isoformat(), stop.isoformat())
    before_end = stop - dt.timedelta(days=days)
    return Period((before_end - dt.timedelta(days=days - 1)).isoformat(), before_end.isoformat()), last


def _counts(db: sqlite3.Connection, f: EventFilter, p: Period, dimension: str) -> dict[tuple[Any, ...], int]:
    columns, join = _DIMENSIONS[dimension]
    sql, params = where(replace(f, date_from=p.start, date_to=p.end))
    rows = db.execute(f"SELECT {columns}, count(DISTINCT i.event_id) FROM event_index i{join} WHERE {sql}"
                      f" GROUP BY {columns}", params)
    return {tuple(r[:-1]): r[-1] for r in rows}


def compare(db: sqlite3.Connection, f: EventFilter, a: Period, b: Period, *, limit: int = 50) -> dict[str, Any]:
    """Counts of the filter's events in period `a` and period `b`, by type, actor, province
    and place, biggest change first; places with events in `b` and none in `a` (new) and
    the reverse (quiet). Each row carries the filter values that select its events."""
    out: dict[str, Any] = {"a": vars(a), "b": vars(b)}
    totals = {}
    for name, p in (("a", a), ("b", b)):
        sql, params = where(replace(f, date_from=p.start, date_to=p.end))
        totals[name] = db.execute(f"SELECT count(*) FROM event_index i WHERE {sql}", params).fetchone()[0]
    out["total"] = {"a": totals["a"], "b": totals["b"], "change": totals["b"] - totals["a"]}
    for dimension, keys in _KEYS.items():
        ca, cb = _counts(db, f, a, dimension), _counts(db, f, b, dimension)
        rows = [{**dict(zip(keys, key, strict=True)), "a": ca.get(key, 0), "b": cb.get(key, 0),
                 "change": cb.get(key, 0) - ca.get(key, 0)} for key in set(ca) | set(cb)]
        rows.sort(key=lambda r: (-abs(r["change"]), -r["b"], [str(r[k]) for k in keys]))
        out[dimension] = rows[:limit]
        if dimension == "location":
            out["new_places"] = [r for r in rows if r["a"] == 0 and r["location"]][:limit]
            out["quiet_places"] = [r for r in rows if r["b"] == 0 and r["location"]][:limit]
    return out


def trends(db: sqlite3.Connection, f: EventFilter, dimension: str, *, buckets: int = 12,
           interval: str = "month", limit: int = 30) -> dict[str, Any]:
    """Per actor (or province) among the `limit` with most events: counts per `interval`
    ("month" or "week") over the last `buckets` of them, ending at the latest event date."""
    end = latest_date(db, f)
    if end is None:
        return {"interval": interval, "starts": [], "series": []}
    starts = _bucket_starts(dt.date.fromisoformat(end), interval, buckets)
    columns, join = _DIMENSIONS[dimension]
    sql, params = where(replace(f, date_from=starts[0].isoformat(), date_to=end))
    rows = db.execute(f"SELECT {columns}, i.event_date, count(DISTINCT i.event_id) FROM event_index i{join}"
                      f" WHERE {sql} AND i.event_date IS NOT NULL GROUP BY {columns}, i.event_date", params)
    series: dict[tuple[Any, ...], list[int]] = {}
    for r in rows:
        day = dt.date.fromisoformat(r[-2])
        index = max(k for k, s in enumerate(starts) if s <= day)
        series.setdefault(tuple(r[:-2]), [0] * len(starts))[index] += r[-1]
    keys = _KEYS[dimension]
    top = sorted(series.items(), key=lambda kv: (-sum(kv[1]), [str(x) for x in kv[0]]))[:limit]
    return {"interval": interval, "starts": [s.isoformat() for s in starts],
            "series": [{**dict(zip(keys, key, strict=True)), "counts": counts} for key, counts in top]}


def _bucket_starts(end: dt.date, interval: str, buckets: int) -> list[dt.date]:
    if interval == "week":
        monday = end - dt.timedelta(days=end.weekday())
        return [monday - dt.timedelta(weeks=k) for k in range(buckets - 1, -1, -1)]
    starts = []
    year, month = end.year, end.month
    for _ in range(buckets):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]

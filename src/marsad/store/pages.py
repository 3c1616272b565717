"""An actor's page and a place's page: everything the database knows of one of them.

An actor page answers "where has this actor been, and what did it do lately": its events
over time, the places it was reported at, the latest events and the claims counting it.
A place page answers the same of a province or a town: its events over time, the actors
reported there, the latest events and the claims about it. Both are built from the same
filter as the event list, so every number clicks through to its events.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from . import claims as ledger
from . import query
from .claims import ClaimFilter
from .compare import trends
from .query import EventFilter

LATEST = 10


def _summary(db: sqlite3.Connection, f: EventFilter) -> dict[str, Any]:
    sql, params = query.where(f)
    total, first, last, dead = db.execute(
        f"SELECT count(*), min(i.event_date), max(i.event_date), sum(i.fatalities) FROM event_index i WHERE {sql}",
        params).fetchone()
    return {"events": total, "first_date": first, "last_date": last, "fatalities": dead or 0}


def _latest(db: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    return list(query.iter_events(db, f, sort="-date", limit=LATEST))


def _claims(db: sqlite3.Connection, f: ClaimFilter) -> list[dict[str, Any]]:
    """The latest claims of current documents matching `f` (the claims ledger's own query)."""
    return ledger.page(db, f, sort="-date", limit=LATEST)[1]


def actor_page(db: sqlite3.Connection, name: str, known: dict[str, Any] | None, f: EventFilter) -> dict[str, Any]:
    """`known`: what the knowledge base says of the actor (inter, aliases, groups), if anything."""
    g = replace(f, actor=(name,))
    sql, params = query.where(g)
    rows = db.execute(f"SELECT i.country, i.admin1, i.location, count(*), max(i.event_date) FROM event_index i"
                      f" WHERE {sql} AND i.location IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 4 DESC, 5 DESC LIMIT 50",
                      params)
    return {
        "name": name, "known": known, **_summary(db, g),
        "timeline": trends(db, g, "event_type", buckets=12),
        "places": [{"country": r[0], "admin1": r[1], "location": r[2], "events": r[3], "last_date": r[4]}
                   for r in rows],
        "latest": _latest(db, g),
        "claims": _claims(db, ClaimFilter(subject=(name,))),
    }


def place_page(db: sqlite3.Connection, country: str, admin1: str | None, location: str | None,
               f: EventFilter) -> dict[str, Any]:
    """A country, a province (`admin1`) or a place within one (`location`)."""
    g = replace(f, country=(country,), admin1=(admin1,) if admin1 else (), location=(location,) if location else ())
    sql, params = query.where(g)
    actors = db.execute(f"SELECT a.actor, count(*), max(i.event_date) FROM event_actors a JOIN event_index i"
                        f" ON i.event_id = a.event_id WHERE {sql} GROUP BY 1 ORDER BY 2 DESC, 3 DESC LIMIT 50",
                        params)
    summary = _summary(db, g)
    here = ClaimFilter(country=(country,), admin1=(admin1,) if admin1 else (), location=(location,) if location else ())
    return {
        "country": country, "admin1": admin1, "location": location, "found": summary["events"] > 0, **summary,
        "timeline": trends(db, g, "event_type", buckets=12),
        "actors": [{"actor": r[0], "events": r[1], "last_date": r[2]} for r in actors],
        "latest": _latest(db, g),
        "claims": _claims(db, here),
    }

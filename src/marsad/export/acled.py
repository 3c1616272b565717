"""ACLED's CSV layout: ACLED's column names in ACLED's order, filled from marsad events."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from .csv import cell

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp"]

# ACLED's disorder types group its event types (Riots are split: violent demonstrations are
# demonstrations, mob violence is political violence).
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Strategic developments": "Strategic developments"}


def disorder_type(event: dict[str, Any]) -> str:
    if event.get("event_type") == "Riots":
        return "Demonstrations" if event.get("sub_event_type") == "Violent demonstration" else "Political violence"
    return _DISORDER.get(str(event.get("event_type")), "")


def row(e: dict[str, Any]) -> dict[str, Any]:
    date = e.get("event_date") or ""
    civilians = "Civilian targeting" if "Civilians" in str(e.get("actor2") or "") else ""
    return {
        "event_id_cnty": e.get("event_id"), "event_date": date, "year": date[:4],
        "time_precision": e.get("time_precision"), "disorder_type": disorder_type(e),
        "event_type": e.get("event_type"), "sub_event_type": e.get("sub_event_type"),
        "actor1": e.get("actor1"), "assoc_actor_1": e.get("assoc_actor_1"), "inter1": e.get("inter1"),
        "actor2": e.get("actor2"), "assoc_actor_2": e.get("assoc_actor_2"), "inter2": e.get("inter2"),
        "interaction": "; ".join(x for x in (e.get("inter1"), e.get("inter2")) if x),
        "civilian_targeting": civilians, "iso": e.get("country_code"), "region": e.get("region"),
        "country": e.get("country"), "admin1": e.get("admin1"), "admin2": e.get("admin2"), "admin3": None,
        "location": e.get("location"), "latitude": e.get("latitude"), "longitude": e.get("longitude"),
        "geo_precision": e.get("geo_precision"), "source": e.get("sources"), "source_scale": None,
        "notes": e.get("notes"), "fatalities": e.get("fatalities"), "tags": e.get("modality"),
        "timestamp": None,
    }


def write(records: Iterable[dict[str, Any]], out: TextIO, what: str) -> int:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    n = 0
    for e in records:
        r = row(e)
        w.writerow([cell(r[c]) for c in COLUMNS])
        n += 1
    return n

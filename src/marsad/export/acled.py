"""ACLED's CSV layout: ACLED's columns in ACLED's order, filled as ACLED's codebook defines them.

- `iso`, `region`: from the event's country (data/acled_countries.yaml).
- `inter1`, `inter2`: ACLED's actor-type names ("State forces"), as marsad codes them.
- `interaction`: the two types joined by "-" in ACLED's order ("State forces-Civilians"),
  or "<type> only" for an event with one actor; empty where an actor's type is unknown.
- `source_scale`: from the event's sources (data/source_scales.yaml); empty when none of
  them has a known scale.
- `tags`: empty. ACLED puts structured extras there (the crowd size of a protest); marsad
  codes none of them yet.
- `notes`: the event's notes, plus why a field ACLED always fills is empty (no date) and,
  for an event that did not occur, its modality (see `export.notes`).

Nothing else is added: the file has ACLED's 31 columns exactly, so it stacks with ACLED's own.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from ..shipped import load_yaml
from .csv import cell
from .notes import export_notes
from .written import Written

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp"]

# ACLED's disorder types group its sub-event types: riots split (violent demonstrations are
# demonstrations, mob violence is political violence), and excessive force against
# protesters is both.
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Strategic developments": "Strategic developments"}
_DISORDER_BY_SUB = {"Violent demonstration": "Demonstrations", "Mob violence": "Political violence",
                    "Excessive force against protesters": "Political violence; Demonstrations"}

# The order of actor types in `interaction`: by ACLED's inter code, except that civilians come
# last ("External/Other forces-Civilians").
_INTERACTION_ORDER = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
                      "Protesters", "External/Other forces", "Civilians"]


def _data(name: str) -> Any:
    return load_yaml(name)


@functools.cache
def _countries() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    data = _data("acled_countries.yaml")
    return data["countries"], data.get("aliases") or {}


def country_facts(country: str | None) -> dict[str, Any]:
    """ISO numeric code and ACLED region of a country name: {"iso": 760, "region": "Middle East"}."""
    if not country:
        return {}
    countries, aliases = _countries()
    name = country.strip()
    return countries.get(name) or countries.get(aliases.get(name, ""), {})


def disorder_type(event: dict[str, Any]) -> str:
    sub = str(event.get("sub_event_type"))
    if sub in _DISORDER_BY_SUB:
        return _DISORDER_BY_SUB[sub]
    return _DISORDER.get(str(event.get("event_type")), "")


def interaction(inter1: str | None, inter2: str | None, *, actor2: str | None = None) -> str:
    """ACLED's interaction: "State forces-Civilians", "Rebel group only"; "" when a type is unknown."""
    if inter1 not in _INTERACTION_ORDER:
        return ""
    if inter2 is None and not actor2:
        return f"{inter1} only"
    if inter2 not in _INTERACTION_ORDER:
        return ""  # a second actor of unknown type: any pair would be a guess
    a, b = sorted((inter1, inter2), key=_INTERACTION_ORDER.index)
    return f"{a}-{b}"


@functools.cache
def _scales() -> tuple[list[str], dict[str, str]]:
    """ACLED's order of scales, and the scale of every source that has one."""
    from ..sources import SourceKB

    data = _data("source_scales.yaml")
    by_type = data.get("by_type") or {}
    by_source = {name: by_type[s.type] for name, s in SourceKB.load().sources.items() if s.type in by_type}
    by_source.update(data.get("by_source") or {})
    return list(data["order"]), by_source


def scale_of(source: str) -> str | None:
    """ACLED's scale of one source (a name or alias of data/sources.yaml), or None when unknown."""
    from ..sources import canonical

    by_source = _scales()[1]
    return by_source.get(source) or by_source.get(canonical(source) or "")


def source_scale(sources: Sequence[str] | None) -> str:
    """ACLED's source_scale for an event's sources: "National", "Subnational-International", or ""."""
    order = _scales()[0]
    found = {s for s in (scale_of(x) for x in sources or ()) if s}
    ranked = sorted(found, key=order.index)
    if len(ranked) > 2:
        ranked = [ranked[0], ranked[-1]]
    return "-".join(ranked)


def row(e: dict[str, Any]) -> dict[str, Any]:
    date = e.get("event_date") or ""
    civilians = "Civilian targeting" if "Civilians" in str(e.get("actor2") or "") else ""
    facts = country_facts(e.get("country"))
    return {
        "event_id_cnty": e.get("event_id"), "event_date": date, "year": date[:4],
        "time_precision": e.get("time_precision"), "disorder_type": disorder_type(e),
        "event_type": e.get("event_type"), "sub_event_type": e.get("sub_event_type"),
        "actor1": e.get("actor1"), "assoc_actor_1": e.get("assoc_actor_1"), "inter1": e.get("inter1"),
        "actor2": e.get("actor2"), "assoc_actor_2": e.get("assoc_actor_2"), "inter2": e.get("inter2"),
        "interaction": interaction(e.get("inter1"), e.get("inter2"), actor2=e.get("actor2")),
        "civilian_targeting": civilians, "iso": facts.get("iso"), "region": facts.get("region"),
        "country": e.get("country"), "admin1": e.get("admin1"), "admin2": e.get("admin2"), "admin3": None,
        "location": e.get("location"), "latitude": e.get("latitude"), "longitude": e.get("longitude"),
        "geo_precision": e.get("geo_precision"), "source": e.get("sources"),
        "source_scale": source_scale(e.get("sources")),
        "notes": export_notes(e, modality=True), "fatalities": e.get("fatalities"), "tags": None,
        "timestamp": None,
    }


def write(records: Iterable[dict[str, Any]], out: TextIO, what: str) -> Written:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    n = 0
    for e in records:
        r = row(e)
        w.writerow([cell(r[c]) for c in COLUMNS])
        n += 1
    return Written(n)

"""Stage 9, link: reports of one event in several articles become one event.

Within an article, `events.assemble` has already made one event per real-world event.
Across articles, a newly coded event joins a stored one when they are the same event told
by two reports (`same_event`):

- the same event type (a strike one outlet calls an air strike and another shelling is
  still one event), and the same modality;
- both dated to the day, at most a day apart (reports date an overnight strike to either
  day). Undated, week- or month-precise events never merge across articles: two vague
  reports of "strikes on Aleppo" may be any two events;
- places: the same place, one holding the other (a town and its province), or points
  within `NEAR_KM`; an event placed in no more than a country joins only another such;
- no two different named attackers;
- not two events of one article (the article's own assembly kept them apart).

A copy of a stored report — the same sentence about an event of the same type, date and
place, as when a wire story is republished or a page re-scraped after an update — joins it
whatever its date precision (`same_report`).

The stored event keeps its id (ids stay stable as reports arrive) and takes every
article, source, figure and evidence span; the lowest figure stands (ACLED's conservative
rule); a more precise place or date replaces a vaguer one. `corroboration` counts the
distinct articles, outlets and attributed sources behind the event.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

NEAR_KM = 5.0  # two reports' points this close are one place (a village and the town beside it)
PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "geonameid")


def _union(a: list[Any], b: list[Any]) -> list[Any]:
    out = list(a)
    for x in b:
        if x not in out:
            out.append(x)
    return out


def named(actor: Any) -> bool:
    """A named actor, not an unidentified one."""
    return bool(actor) and not str(actor).startswith("Unidentified")


def level(e: Mapping[str, Any]) -> int:
    """0 country, 1 province, 2 district, 3 a named place."""
    name = (e.get("location") or "").lower()
    if not name or name == (e.get("country") or "").lower():
        return 0
    if e.get("geo_precision") == 1:
        return 3  # a town, even one named like its province (Aleppo in Aleppo)
    if name == (e.get("admin1") or "").lower():
        return 1
    if name == (e.get("admin2") or "").lower():
        return 2
    return 3


def _km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    p1, p2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dp, dl = p2 - p1, math.radians(b["longitude"] - a["longitude"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_place(a: Mapping[str, Any], b: Mapping[str, Any], *, near_km: float = NEAR_KM) -> bool:
    """The same place, one holding the other (a town and its province or country), or two
    points within `near_km`."""
    if not a.get("country") or a.get("country") != b.get("country"):
        return False
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return True
    if (a.get("location") or "").lower() == (b.get("location") or "").lower():
        return True
    low = min(level(a), level(b))
    if low == 0:
        return True
    if low == 1:
        return a.get("admin1") == b.get("admin1")
    if low == 2:
        return a.get("admin1") == b.get("admin1") and a.get("admin2") == b.get("admin2")
    d = _km(a, b)
    return d is not None and d <= near_km


def _compatible(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Same type and modality, no two different named attackers, not one article's two events."""
    if old.get("event_type") != new.get("event_type") or old.get("modality") != new.get("modality"):
        return False
    if named(old.get("actor1")) and named(new.get("actor1")) and old["actor1"] != new["actor1"]:
        return False
    return not set(old.get("article_ids") or ()) & set(new.get("article_ids") or ())


def same_event(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether two articles' events are one event (see the module docstring)."""
    if not _compatible(old, new):
        return False
    if old.get("time_precision") != 1 or new.get("time_precision") != 1:
        return False
    if not old.get("event_date") or not new.get("event_date"):
        return False
    gap = abs((dt.date.fromisoformat(old["event_date"]) - dt.date.fromisoformat(new["event_date"])).days)
    # A report that places its event in no more than a country says nothing of where: it is
    # not the report of an event another article places (a Homs bombing told as "in Syria"
    # is no barrel-bomb raid on Aleppo the day before).
    if (level(old) == 0) != (level(new) == 0):
        return False
    return gap <= 1 and same_place(old, new)


def may_be_same_report(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """`same_report` short of comparing the evidence: what a store checks before it reads
    a stored event's evidence texts back."""
    return _compatible(old, new) and old.get("event_date") == new.get("event_date")


def same_report(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether an event is told again in the very words of a stored one (a wire story
    republished, a page re-scraped after an update): same type, modality and date (both
    may be unknown), a compatible place, and a sentence of evidence in common. Such copies
    are one event even when undated: they are one report, not two."""
    if not may_be_same_report(old, new):
        return False
    said = {ev["text"] for ev in old.get("evidence") or ()}
    if not any(ev["text"] in said for ev in new.get("evidence") or ()):
        return False
    return same_place(old, new) or not old.get("country") and not new.get("country")


def corroboration(data: dict[str, Any]) -> dict[str, int]:
    """How many distinct articles, outlets and attributed sources report the event."""
    return {"articles": len(set(data.get("article_ids") or ())),
            "outlets": len({o.lower() for o in data.get("outlets") or () if o}),
            "sources": len(set(data.get("sources") or ()))}


# Sub-types that are, by ACLED's definitions, acts without violence against people: their
# fatalities are 0, not unknown, unless a report gives a figure (`events.assemble`). (Not a
# protest with intervention: the deaths a next sentence tells may make it excessive force.)
NO_VIOLENCE = frozenset({"Peaceful protest", "Agreement", "Arrests", "Change to group/activity",
                         "Headquarters or base established", "Non-violent transfer of territory"})
# ... and the acts that by their kind kill no one, though they are violent or armed: a bomb
# defused or a drone shot down, a kidnapping. Their dead, if any, are told ("the hostage was
# found dead") and counted.
NOT_LETHAL = NO_VIOLENCE | {"Disrupted weapons use", "Abduction/forced disappearance"}


def merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Two codings of one event → one, under the old event's id: articles, evidence, sources
    and figures united; the lowest reported fatality figure kept (ACLED's conservative
    rule); the more precise place kept (the first report's date stands: merged reports are
    at most a day apart)."""
    out = dict(old)
    for key in ("article_ids", "evidence", "sources", "assoc_actor_1", "assoc_actor_2", "main_for", "outlets"):
        out[key] = _union(old.get(key) or [], new.get(key) or [])
    reported = _union(old.get("fatality_reports") or [], new.get("fatality_reports") or [])
    out["fatality_reports"] = reported
    figures = [r["fatalities"] for r in reported]
    # With no report of a figure, each side's is 0 (no one killed, by the act's kind or its
    # telling) or null (unknown): no one was killed only when both say so. A peaceful
    # report's 0 is no toll of the violent event it joins, and "abducted several farmers"
    # beside "later killed some of the hostages" is unknown.
    sides = (old.get("fatalities"), new.get("fatalities"))
    if not reported and sides == (0, 0):
        figures = [0]
    out["fatalities"] = min(figures) if figures else None
    if new.get("geo_precision") and (not old.get("geo_precision") or new["geo_precision"] < old["geo_precision"]
                                     or level(new) > level(old)):
        out.update({k: new.get(k) for k in PLACE_FIELDS})
    for key, value in new.items():
        # (the figure is settled above: a peaceful report's 0 does not fill a violent event's null)
        if out.get(key) is None and value is not None and key != "fatalities":
            out[key] = value
    out["corroboration"] = corroboration(out)
    return out


def without(data: dict[str, Any], articles: set[str], outlets: list[str]) -> dict[str, Any]:
    """The event with the reports of `articles` taken out: their document was replaced by a
    changed version, which is coded afresh. `outlets`: those of the articles that remain.
    An event no current article reports keeps its evidence as history, with no article: it
    is out of every list until a new report of it revives it (`revive`)."""
    out = dict(data)
    out["article_ids"] = [a for a in data.get("article_ids") or [] if a not in articles]
    out["main_for"] = [a for a in data.get("main_for") or [] if a not in articles]
    if out["article_ids"]:
        out["evidence"] = [ev for ev in data.get("evidence") or [] if ev.get("article_id") not in articles]
        reports = [r for r in data.get("fatality_reports") or [] if r.get("article_id") not in articles]
        if data.get("fatality_reports"):
            out["fatalities"] = min(r["fatalities"] for r in reports) if reports else None
        out["fatality_reports"] = reports
        out["outlets"] = outlets
    out["corroboration"] = corroboration(out)
    return out


def revive(retired: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A new report of an event no current article reports (see `without`): the new coding,
    under the old id, so that analysts' corrections and links to the id still hold."""
    return {**new, "event_id": retired["event_id"], "corroboration": corroboration(new)}

"""Review that keeps records coherent: an analyst's edit in, every field it moves out.

`resolve(before, changes, ...)` checks one edit of one event and returns every field to store;
it raises `InvalidInput` naming the field that is wrong. The store (`store.overlay.correct`)
and so the API and the library run the same checks:

1. place  — `place: {"geonameid": N}` (a place of the gazetteer) sets country, admin1, admin2,
   location, geonameid, point and geo_precision together; `place: {"geonameid": N, "location":
   "Umm Rummana"}` names a place the gazetteer lacks, coded to N's point (precision 2 or 3, as
   the pipeline codes a village to its container). A bare `admin1` re-resolves to that
   province (its name, point and id, precision 3); a bare `country` to the country. A bare
   location, point, admin2 or geonameid is refused: it would leave the rest behind.
2. actors — names from the actor knowledge base (an alias becomes the canonical name, a
   per-country name takes the event's country), `inter1`/`inter2` following; a name the
   knowledge base lacks only when the edit says `new_actor`, and then `inter` may be given.
3. date   — a real day, not in the future, not after the latest publication of the event's
   articles (a report comes after the event).
4. the rest — fatalities, precisions, modality (`events.modality.MODALITIES`), sources
   (canonical where the source knowledge base knows them), notes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import InvalidInput
from .vocab import inter_categories

if TYPE_CHECKING:  # imported where used: a store that only reads events needs none of them
    from .actors import ActorKB
    from .places import Candidate, Gazetteer

# What an edit may name, and the type each value must have (None is "unknown", allowed unless REQUIRED).
FIELDS: dict[str, tuple[type, ...]] = {
    "event_type": (str,), "sub_event_type": (str,), "event_date": (str,), "time_precision": (int,),
    "actor1": (str,), "actor2": (str,), "assoc_actor_1": (list,), "assoc_actor_2": (list,),
    "inter1": (str,), "inter2": (str,), "place": (dict,), "country": (str,), "admin1": (str,),
    "geo_precision": (int,), "fatalities": (int,), "modality": (str,), "sources": (list,), "notes": (str,),
}
REQUIRED = ("event_type", "sub_event_type")
# The fields a place sets together; the first four cannot be edited alone.
PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "geonameid")
WHOLE_PLACE = ("admin2", "location", "latitude", "longitude", "geonameid")
ACTOR_SLOTS = (("actor1", "inter1"), ("actor2", "inter2"))
ASSOC = ("assoc_actor_1", "assoc_actor_2")
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR"})
_MAX_FATALITIES = 10_000_000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLACE_HINT = ('the place is edited as a whole: send "place": {"geonameid": N} (a place of'
               ' GET /api/gazetteer/search), or "admin1"/"country" to code the event to that area')


def resolve(before: Mapping[str, Any], changes: Mapping[str, Any], *, new_actor: bool = False,
            published: Iterable[str | None] = (), today: dt.date | None = None,
            gazetteer: Callable[[], Gazetteer] | None = None, kb: ActorKB | None = None) -> dict[str, Any]:
    """Every field an edit of the event `before` (as corrected so far) sets, for the store.

    `published`: the publication dates of the event's articles. `gazetteer`: opens the
    gazetteer (only when the place changes). Raises InvalidInput naming the field."""
    from . import sources as source_kb
    from .actors import ActorKB

    for field, value in changes.items():
        check(field, value)
    out: dict[str, Any] = {k: v for k, v in changes.items() if k in ("event_type", "sub_event_type", "time_precision",
                                                                      "fatalities", "modality", "notes")}
    out.update(_place(before, changes, gazetteer or _open_gazetteer))
    country = out["country"] if "country" in out else before.get("country")
    out.update(_actors(before, changes, country=country, new_actor=new_actor, kb=kb or ActorKB.load()))
    if "event_date" in changes:
        out["event_date"] = changes["event_date"]
        if changes["event_date"] is not None:
            check_date(changes["event_date"], published, today=today)
    if changes.get("sources") is not None:
        out["sources"] = list(dict.fromkeys(source_kb.canonical(s.strip()) or s.strip() for s in changes["sources"]))
    elif "sources" in changes:
        out["sources"] = []
    return out


def check(field: str, value: Any) -> None:
    """Raise InvalidInput unless `value` has the type and range `field` takes."""
    if field in WHOLE_PLACE:
        raise InvalidInput(field, _PLACE_HINT, stage="review")
    if field not in FIELDS:
        raise InvalidInput(field, f"not an editable field; use one of {', '.join(FIELDS)}", stage="review")
    if value is None:
        if field in REQUIRED:
            raise InvalidInput(field, "cannot be empty", stage="review")
        return
    kinds = FIELDS[field]
    if not _of_type(value, kinds):
        raise InvalidInput(field, f"must be {' or '.join(k.__name__ for k in kinds)}", stage="review")
    if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidInput(field, "must be a list of names", stage="review")
    if field in ("time_precision", "geo_precision") and not 1 <= value <= 3:
        raise InvalidInput(field, "must be 1, 2 or 3", stage="review")
    if field == "fatalities" and not 0 <= value <= _MAX_FATALITIES:
        raise InvalidInput(field, f"must be a count from 0 to {_MAX_FATALITIES:,}", stage="review")
    if field == "modality" and value not in _modalities():
        raise InvalidInput(field, f"must be one of {', '.join(_modalities())}", stage="review")
    if field in ("inter1", "inter2") and value not in inter_categories().values():
        raise InvalidInput(field, f"must be an ACLED actor category: {', '.join(inter_categories().values())}",
                           stage="review")
    if field == "event_date":
        try:
            dt.date.fromisoformat(value if _DAY.fullmatch(value) else "")
        except ValueError:
            raise InvalidInput(field, f"not a date (YYYY-MM-DD): {value!r}", stage="review") from None
    if field == "place":
        _check_place(value)


def _of_type(value: Any, kinds: tuple[type, ...]) -> bool:
    return not isinstance(value, bool) and isinstance(value, kinds)  # True is no count


def _modalities() -> tuple[str, ...]:
    from .events.modality import MODALITIES

    return MODALITIES


def _check_place(value: dict[str, Any]) -> None:
    unknown = sorted(set(value) - {"geonameid", "location"})
    if unknown:
        raise InvalidInput(f"place.{unknown[0]}", "not a part of a place; give geonameid (and location)",
                           stage="review")
    gid = value.get("geonameid")
    if isinstance(gid, bool) or not isinstance(gid, int) or not 0 < abs(gid) < 2**53:
        raise InvalidInput("place.geonameid", "must be the id of a place of the gazetteer", stage="review")
    location = value.get("location")
    if location is not None and (not isinstance(location, str) or not location.strip()):
        raise InvalidInput("place.location", "must be a place name", stage="review")


# --- dates --------------------------------------------------------------------------------


def check_date(value: str, published: Iterable[str | None], *, today: dt.date | None = None) -> None:
    """An event date is no later than the latest publication of its articles, nor in the future."""
    day = dt.date.fromisoformat(value)
    dates = []
    for p in published:
        try:
            dates.append(dt.date.fromisoformat(str(p)[:10]))
        except ValueError:
            continue
    if dates and day > max(dates):
        raise InvalidInput("event_date", f"{value} is after the latest publication date of the event's articles"
                           f" ({max(dates).isoformat()}); an event is reported after it happens", stage="review")
    # Today where the calendar is furthest ahead (UTC+14): no analyst anywhere is refused their today.
    now = today or (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date()
    if day > now:
        raise InvalidInput("event_date", f"{value} is in the future (today is {now.isoformat()})", stage="review")


# --- place --------------------------------------------------------------------------------


def _open_gazetteer() -> Gazetteer:
    from .places import Gazetteer

    return Gazetteer.open()


def _place(before: Mapping[str, Any], changes: Mapping[str, Any], opener: Callable[[], Gazetteer]) -> dict[str, Any]:
    """The place fields an edit sets (none when it leaves the place alone)."""
    if "place" in changes and ("country" in changes or "admin1" in changes):
        raise InvalidInput("place", "give either place or country/admin1, not both", stage="review")
    if "place" in changes:
        place = changes["place"]
        if place is None:
            return dict.fromkeys(PLACE_FIELDS)
        gaz = opener()
        try:
            c = gaz.get(place["geonameid"])
        finally:
            gaz.close()
        if c is None:
            raise InvalidInput("place.geonameid", f"no place {place['geonameid']} in the gazetteer", stage="review")
        out = place_fields(c, location=place.get("location"))
    elif "country" in changes or "admin1" in changes:
        out = _area(before, changes, opener)
    else:
        out = {}
    if "geo_precision" in changes:  # how near the place: "near Mayadin" is precision 2
        out["geo_precision"] = changes["geo_precision"]
    return out


def place_fields(c: Candidate, *, location: str | None = None) -> dict[str, Any]:
    """The fields of an event at gazetteer place `c`, coded as the pipeline codes a resolved
    place (or, with `location`, a place the gazetteer lacks at `c`'s point)."""
    from .places import PlaceResolver
    from .places.context import Cues

    precision = PlaceResolver.precision(c, Cues())
    out = {"country": c.country, "admin1": c.name if c.feature_code == "ADM1" else c.admin1,
           "admin2": c.name if c.feature_code == "ADM2" else c.admin2, "location": c.name,
           "latitude": c.latitude, "longitude": c.longitude, "geo_precision": precision, "geonameid": c.public_id}
    if location and location.strip():
        out.update(location=location.strip(), geonameid=None, geo_precision=max(2, precision))
    return out


def _area(before: Mapping[str, Any], changes: Mapping[str, Any], opener: Callable[[], Gazetteer]) -> dict[str, Any]:
    """A bare country and/or admin1: the event re-coded to that area (or nothing, when it is
    already there)."""
    country = changes["country"] if "country" in changes else before.get("country")
    admin1 = changes.get("admin1")
    if country is None:
        if admin1 is not None:
            raise InvalidInput("admin1", "the event has no country: set country too, or send a place",
                               stage="review")
        return dict.fromkeys(PLACE_FIELDS)
    same_country = country == before.get("country")
    if same_country and "admin1" not in changes:
        return {}  # the country it already has: the place stays as it is
    gaz = opener()
    try:
        cc = _country_code(gaz, country, given="country" in changes)
        if admin1 is None:
            c = gaz.country(cc)
        else:
            code = _admin1_code(gaz, cc, admin1)
            located = before.get("location") not in (None, country)
            if same_country and located and gaz.admin1_names[(cc, code)] == before.get("admin1"):
                return {}  # a place in the province it already is in: it stays as it is
            c = gaz.admin1(cc, code)
    finally:
        gaz.close()
    if c is None:
        raise InvalidInput("admin1" if admin1 else "country", "the gazetteer has no point for it; send a place",
                           stage="review")
    return place_fields(c)


def _country_code(gaz: Gazetteer, name: str, *, given: bool) -> str:
    from .places.names import plain_name

    key = plain_name(name)
    for cc, (country, _) in gaz.countries.items():
        if plain_name(country) == key:
            return cc
    for c in gaz.candidates(name):
        if c.feature_code in _COUNTRY_CODES and c.country_code and c.match > 0:
            return c.country_code
    if given:
        raise InvalidInput("country", f"{name!r} is not a country in the gazetteer", stage="review")
    raise InvalidInput("country", f"the event's country {name!r} is not in the gazetteer: set country too,"
                       " or send a place", stage="review")


def _admin1_code(gaz: Gazetteer, cc: str, name: str) -> str:
    from .places.names import plain_name

    key = plain_name(name)
    areas = {code: n for (c, code), n in gaz.admin1_names.items() if c == cc}
    for code, n in areas.items():
        if plain_name(n) == key:
            return code
    for c in gaz.candidates(name):  # other names of it: "As-Suwayda", "Sweida"
        if c.feature_code == "ADM1" and c.country_code == cc and c.admin1_code in areas:
            return c.admin1_code
    country = gaz.countries[cc][0]
    raise InvalidInput("admin1", f"no admin1 {name!r} in {country} in the gazetteer; its admin1 areas are"
                       f" {', '.join(sorted(areas.values()))}", stage="review")


# --- actors -------------------------------------------------------------------------------


def _actors(before: Mapping[str, Any], changes: Mapping[str, Any], *, country: str | None, new_actor: bool,
            kb: ActorKB) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for actor_field, inter_field in ACTOR_SLOTS:
        if actor_field in changes:
            name = changes[actor_field]
            if name is None:
                out[actor_field] = out[inter_field] = None
                continue
            canonical, inter = actor(name, field=actor_field, country=country, new_actor=new_actor, kb=kb)
            if inter_field in changes and inter is not None and changes[inter_field] != inter:
                raise InvalidInput(inter_field, f"follows {actor_field}: {canonical!r} is {inter!r} in the actor"
                                   " knowledge base", stage="review")
            out[actor_field] = canonical
            out[inter_field] = inter if inter is not None else changes.get(inter_field)
        elif inter_field in changes:
            current = before.get(actor_field)
            known = kb.inter(current) if current else None
            if known is not None:
                raise InvalidInput(inter_field, f"follows {actor_field}: {current!r} is {known!r} in the actor"
                                   f" knowledge base; change {actor_field} instead", stage="review")
            out[inter_field] = changes[inter_field]
    for field in ASSOC:
        if field in changes:
            names = changes[field] or []
            out[field] = list(dict.fromkeys(
                actor(n, field=field, country=country, new_actor=new_actor, kb=kb)[0] for n in names))
    return out


def actor(name: str, *, field: str, country: str | None, new_actor: bool, kb: ActorKB) -> tuple[str, str | None]:
    """(canonical name, ACLED inter category) of a name an analyst typed; a name the
    knowledge base lacks is kept as typed, with no category, when `new_actor`."""
    from .actors import PLACEHOLDER

    name = " ".join(name.split())
    canonical = kb.canonical(name) if name else None
    if canonical is None:
        if new_actor and name:
            return name, None
        hint = suggest(name, kb)
        raise InvalidInput(field, f"{name!r} is not in the actor knowledge base"
                           + (f"; did you mean {hint!r}?" if hint else "")
                           + ' (search it: GET /api/kb/actors?q=…); a new actor needs "new_actor": true',
                           stage="review")
    if PLACEHOLDER in canonical:
        if not country:
            raise InvalidInput(field, f"{canonical!r} takes the event's country, and the event has none: set the"
                               " place first", stage="review")
        canonical = kb.fill(canonical, country)
    return canonical, kb.inter(canonical)


def suggest(name: str, kb: ActorKB) -> str | None:
    """The known actor a mistyped name most likely means ("IRGC typo" → the IRGC), or None."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):  # a known name with words after it
        found = kb.canonical(" ".join(words[:n]))
        if found:
            return found
    forms: dict[str, str] = {}
    for folded, _form, canonical in kb.spellings:
        forms.setdefault(folded, canonical)
    close = difflib.get_close_matches(name.casefold(), list(forms), n=1, cutoff=0.75)
    return forms[close[0]] if close else None


def fatality_reports(machine: list[dict[str, Any]] | None, fix: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The per-source figures of an event whose fatalities an analyst corrected: the analyst's
    figure first (no source, no article; who, when and why), then what each source said, each
    marked `superseded` when its figure is not the analyst's."""
    figure = fix["value"]
    analyst = {"fatalities": figure, "source": None, "article_id": None, "corrected_by": fix["author"],
               "corrected_at": fix["created_at"], "note": fix.get("note")}
    return [analyst, *({**r, "superseded": r.get("fatalities") != figure} for r in machine or [])]

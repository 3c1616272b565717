"""/api/ lookups for type-ahead and map context: places in marsad's gazetteer by name, the
place names a map shows at a zoom, actors of the knowledge base by name; and the resolution
of the names given to `actor=` (an alias → its canonical actor, a near miss → a suggestion)."""

from __future__ import annotations

import difflib
import functools
import math
import re
import sqlite3
import threading
from array import array
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request

from ..actors import PLACEHOLDER, ActorKB, expand
from ..errors import SetupError
from ..places import Candidate, Gazetteer, default_gazetteer_path, name_key, plain_name
from ..places.context import Cues
from ..places.resolve import PlaceResolver
from ..store import SQLStore, query
from .cache import ResultCache
from .deps import store
from .errors import RESPONSES, ApiError, ErrorBody

router = APIRouter(prefix="/api", tags=["lookup"], responses=RESPONSES)
Store = Annotated[SQLStore, Depends(store)]
T = TypeVar("T")
NO_GAZETTEER: dict[int | str, dict[str, Any]] = {503: {"model": ErrorBody, "description": "No gazetteer installed"}}
MAX_LABELS = 60
LABEL_BOX = (80, 20)  # screen pixels (256-pixel tiles) a label keeps to itself: no other place's point in it
LABEL_FLOOR = 1000  # no label for a place smaller than this, at any zoom


# --- the gazetteer, opened once per process -----------------------------------------------------
class _Places:
    """The gazetteer with a lock (its SQLite connection serves one request at a time) and, built
    on first use, every populated place of `LABEL_FLOOR` people or more, most populous first, as
    compact columns (a few MB, not a Python object per place)."""

    def __init__(self, path: str) -> None:
        self.gaz = Gazetteer.open(path)  # raises SetupError when there is none
        # Name prefixes and populations: queries the Gazetteer class has no method for.
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.lock = threading.Lock()
        self._labels: tuple[array[int], array[float], array[float], array[int]] | None = None
        self.codes = {name.casefold(): cc for cc, (name, _gid) in self.gaz.countries.items() if name}

    def labels(self) -> tuple[array[int], array[float], array[float], array[int]]:
        if self._labels is None:
            cols: tuple[array[int], array[float], array[float], array[int]] = (
                array("q"), array("d"), array("d"), array("q"))
            with self.lock:
                rows = self.db.execute(
                    "SELECT geonameid, latitude, longitude, population FROM places WHERE feature_class = 'P'"
                    " AND population >= ? AND latitude IS NOT NULL AND longitude IS NOT NULL"
                    " ORDER BY population DESC, geonameid", (LABEL_FLOOR,))
                for gid, lat, lon, pop in rows:
                    cols[0].append(gid)
                    cols[1].append(lat)
                    cols[2].append(lon)
                    cols[3].append(pop)
            self._labels = cols
        return self._labels


@functools.cache
def _open(path: str) -> _Places:
    return _Places(path)


def places() -> _Places:
    try:
        return _open(str(default_gazetteer_path()))
    except SetupError as e:
        raise ApiError(503, str(e), code="no_gazetteer") from None


def place_json(c: Candidate) -> dict[str, Any]:
    """A gazetteer place as a correction takes it (`place.geonameid`) and an event holds it."""
    return {"geonameid": c.geonameid, "name": c.name, "country": c.country,
            "admin1": c.name if c.feature_code == "ADM1" else c.admin1,
            "admin2": c.name if c.feature_code == "ADM2" else c.admin2,
            "latitude": c.latitude, "longitude": c.longitude, "population": c.population,
            "feature_code": c.feature_code, "geo_precision": PlaceResolver.precision(c, Cues())}


_TOP = "\U0010ffff"  # sorts after every character: [p, p + _TOP) holds every text starting with p


@router.get("/gazetteer/search", summary="Places in marsad's gazetteer whose name or other name starts with `q`",
            responses=NO_GAZETTEER,
            description="Best first: the name exactly (case and accents aside), then names starting with `q`"
                        " (any of a place's names, Arabic transliterations folded together), the most populous"
                        " first. Each place has what a correction sets with it (`geonameid`: negative for"
                        " marsad's own places) and `matched`, the name that matched; `geo_precision` is ACLED's"
                        " for an event at the place itself (1 a town, 2 a district, 3 a province or region).")
def gazetteer_search(q: Annotated[str, Query(min_length=1, max_length=200)],
                     country: Annotated[str | None, Query(min_length=1, max_length=200,
                                                          description="only places in this country")] = None,
                     limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    p = places()
    plain, key = plain_name(q), name_key(q)  # "whole name first" from 3 letters: "a" is some place's whole name
    if not plain:
        return {"places": []}
    where = "(n.plain >= ? AND n.plain < ?" + (" OR n.key >= ? AND n.key < ?)" if key else ")")
    params: list[Any] = [plain, plain + _TOP, *((key, key + _TOP) if key else ())]
    if country is not None:
        cc = p.codes.get(country.strip().casefold())
        if cc is None:
            raise ApiError(422, f"country: no country {country!r} in the gazetteer", code="invalid_query")
        where += " AND p.country_code = ?"
        params.append(cc)
    with p.lock:
        rows = p.db.execute(
            f"SELECT n.geonameid, n.name FROM names n JOIN places p USING (geonameid) WHERE {where}"
            " ORDER BY n.plain = ? DESC, n.plain >= ? AND n.plain < ? DESC, p.population DESC, n.kind = 'main' DESC"
            " LIMIT ?", [*params, plain if len(plain) > 2 else None, plain, plain + _TOP, limit * 20]).fetchall()
        seen: dict[int, str] = {}
        for gid, name in rows:
            seen.setdefault(gid, name)
            if len(seen) == limit:
                break
        found = [(p.gaz.get(gid), name) for gid, name in seen.items()]
    return {"places": [{**place_json(c), "matched": name} for c, name in found if c is not None]}


def min_population(zoom: int) -> int:
    """The smallest place labelled at a zoom: a million at the world's scale, a thousand close up."""
    return max(LABEL_FLOOR, int(2_000_000 / 2 ** max(0, zoom - 2)))


@router.get("/gazetteer/labels", summary="Place names for a map view: the most populous places in the box",
            responses=NO_GAZETTEER,
            description="The most populous places first, each keeping a box of about 80 by 20 screen pixels"
                        " around it free of the others, up to 60; the smallest place shown shrinks with the zoom"
                        " (a million people at zoom 3, a thousand from zoom 13). The box may cross the"
                        " antimeridian (west > east).")
def gazetteer_labels(west: Annotated[float, Query(ge=-180, le=180)], south: Annotated[float, Query(ge=-90, le=90)],
                     east: Annotated[float, Query(ge=-180, le=180)], north: Annotated[float, Query(ge=-90, le=90)],
                     zoom: Annotated[int, Query(ge=0, le=22)]) -> dict[str, Any]:
    if south > north:
        raise ApiError(400, f"south ({south}) is north of north ({north})", code="invalid_query")
    p = places()
    ids, lats, lons, pops = p.labels()
    smallest, most = min_population(zoom), min(MAX_LABELS, 12 * (zoom + 1))
    px = 256 * 2 ** zoom / 360  # screen pixels per degree of longitude (and of latitude, times 1/cos)
    chosen: list[int] = []
    for k in range(len(ids)):
        if pops[k] < smallest:
            break  # most populous first: the rest are smaller still
        lat, lon = lats[k], lons[k]
        if not south <= lat <= north or not (west <= lon <= east if west <= east else lon >= west or lon <= east):
            continue
        stretch = px / max(0.05, math.cos(math.radians(lat)))  # Web Mercator: latitude drawn taller
        if any(abs(lons[j] - lon) * px < LABEL_BOX[0] and abs(lats[j] - lat) * stretch < LABEL_BOX[1]
               for j in chosen):
            continue  # a bigger place's label is in the way
        chosen.append(k)
        if len(chosen) == most:
            break
    with p.lock:
        names = {gid: p.gaz.get(gid) for gid in (ids[k] for k in chosen)}
    return {"zoom": zoom, "min_population": smallest, "labels": [
        {"geonameid": ids[k], "name": c.name, "latitude": lats[k], "longitude": lons[k], "population": pops[k]}
        for k in chosen if (c := names[ids[k]]) is not None]}


# --- the actor knowledge base ------------------------------------------------------------------
@functools.cache
def _kb_forms() -> tuple[tuple[str, str, str], ...]:
    """(casefolded form, form, canonical) for every canonical name and spelling of an alias."""
    kb = ActorKB.load()
    out = {(folded, form): canonical for folded, form, canonical in kb.spellings}
    for spec in kb.generated:  # "Iranian forces", "Turkish troops", …
        for form in expand(spec.alias):
            out.setdefault((form.casefold(), form), spec.key)
    return tuple((folded, form, canonical) for (folded, form), canonical in out.items())


def _rank(folded: str, q: str) -> int | None:
    if folded == q:
        return 0
    if folded.startswith(q):
        return 1
    if re.search(r"(?<!\w)" + re.escape(q), folded):
        return 2
    return 3 if q in folded else None


@router.get("/kb/actors", summary="Actors of the knowledge base whose name or alias contains `q`",
            description="For type-ahead: the canonical name (`actor`, as events and exports write it), ACLED's"
                        " `inter` category, and the name or alias that `matched`. Best first: the whole name,"
                        " then names starting with `q`, then a word starting with it, then anywhere in it."
                        " A per-country actor (\"Civilians ({country})\") is filled with `country` when it is"
                        " given; without it the placeholder stays.")
def kb_actors(q: Annotated[str, Query(min_length=1, max_length=200)],
              country: Annotated[str | None, Query(min_length=1, max_length=200,
                                                   description="fills per-country actors")] = None,
              limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    kb, want = ActorKB.load(), q.strip().casefold()
    if not want:
        return {"actors": []}
    best: dict[str, tuple[int, int, str]] = {}
    for folded, form, canonical in _kb_forms():
        rank = _rank(folded, want)
        if rank is not None and (canonical not in best or (rank, len(form)) < best[canonical][:2]):
            best[canonical] = (rank, len(form), form)
    ordered = sorted(best.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[0]))[:limit]
    out = []
    for canonical, (*_, form) in ordered:
        name = kb.fill(canonical, country) if country and PLACEHOLDER in canonical else canonical
        out.append({"actor": name, "inter": kb.inter(canonical), "matched": form})
    return {"actors": out}


# --- actor= in the event filters ---------------------------------------------------------------
def _cached(request: Request, s: SQLStore, key: Any, compute: Callable[[], T]) -> T:
    cache: ResultCache = request.app.state.cache
    return cache.get(key, query.data_version(s.db), compute)


def stored_actors(request: Request, s: SQLStore) -> frozenset[str]:
    """Every actor name some event holds (the actor facet's counts: far fewer rows than events)."""
    return _cached(request, s, ("actor-names",), lambda: frozenset(
        r[0] for r in s.db.execute("SELECT DISTINCT value FROM tag_counts WHERE facet = 'actor' AND n > 0")))


def _casefold_canonical(name: str) -> str | None:
    """The one actor a name names, case aside ("irgc" → the IRGC); None if none or several."""
    folded = name.strip().casefold()
    found = {canonical for f, _form, canonical in _kb_forms() if f == folded}
    return found.pop() if len(found) == 1 else None


def _suggestions(name: str, stored: frozenset[str]) -> list[str]:
    """Known names close to `name` (a misspelling, another case, a word too many)."""
    folded = name.strip().casefold()
    forms: dict[str, str] = {f: form for f, form, _c in _kb_forms() if PLACEHOLDER not in form}
    forms.update({a.casefold(): a for a in stored})
    close = difflib.get_close_matches(folded, list(forms), n=3, cutoff=0.75)
    if not close and len(folded) >= 4:  # "IRGC typo": a known name and more
        close = sorted((f for f in forms if len(f) >= 3 and (folded.startswith(f + " ") or f.startswith(folded))),
                       key=len, reverse=True)[:3]
    return [forms[c] for c in close]


def resolve_actors(request: Request, s: SQLStore,
                   names: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, list[str]]]:
    """The names given to `actor=` → the names to filter on, and what each alias was resolved to.

    A canonical name, or a name some event holds, is kept. An alias of the knowledge base
    becomes its canonical actor (a per-country one, "Islamic State", every country's that
    events hold), with the name as given kept too where events hold it as written. A name
    neither known nor held but close to one is a 400 with the suggestions; any other name is
    kept (and matches nothing)."""
    if not names:
        return (), {}
    kb, stored = ActorKB.load(), stored_actors(request, s)
    out: list[str] = []
    resolved: dict[str, list[str]] = {}
    for name in names:
        canonical = kb.canonical(name) or _casefold_canonical(name)
        if canonical is None or canonical == name and PLACEHOLDER not in name:
            if canonical is None and name not in stored and (close := _suggestions(name, stored)):
                raise ApiError(400, f"actor: no actor {name!r}; did you mean {' or '.join(map(repr, close))}?",
                               code="unknown_actor",
                               details=[{"field": "query.actor", "message": "unknown actor", "value": name,
                                         "suggestions": close}])
            out.append(name)
            continue
        if PLACEHOLDER in canonical:
            pattern = re.compile(re.escape(canonical).replace(re.escape(PLACEHOLDER), ".+") + r"\Z")
            targets = sorted(a for a in stored if pattern.match(a))
        else:
            targets = [canonical]
        if name in stored and name not in targets:
            targets.append(name)
        targets = targets or [canonical]  # held by no event: matches nothing, and says which actor it meant
        if targets != [name]:
            resolved[name] = targets
        out.extend(targets)
    return tuple(dict.fromkeys(out)), resolved

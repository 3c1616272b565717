"""Airports and air bases from the `airportsdata` package (MIT), for the gazetteer.

News names airports the way travellers and soldiers do — "Heathrow", "Pearson
International Airport", "the Shayrat air base", "Damascus airport" — while GeoNames (as
packaged) has none of them. Kept: every airport with an IATA code, every military field
(its name says "Air Base", "Airfield", "Army Air Field" …) and every field in the conflict
region (`detect.REGION_COUNTRIES`, with Afghanistan, Ukraine and Sudan); thousands of
private strips elsewhere would only add namesakes. airportsdata has no GeoNames ids: each
airport gets a stable synthetic negative id from its ICAO code and is exported with
geonameid null.

Names recorded for an airport, so that a toponym matches its usual forms:
- its full name ("Toronto Pearson International Airport");
- its core (the full name without the city it serves and without generic words) with
  the usual suffixes: "Pearson International Airport", "Pearson Airport";
- the core alone when it is one word that names no place of that country and no
  country or province ("Heathrow", "Schiphol"; not "Arkansas", nor "Shayrat" where a
  village Shayrat is known);
- "<city> airport" when the city has one airport with an IATA code ("Damascus airport").
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .detect import REGION_COUNTRIES
from .names import ascii_fold, plain_name

# Every field is kept in the region the place ruler covers, and in other wars' countries.
_ALL_FIELDS_IN = frozenset(REGION_COUNTRIES) | {"AF", "UA", "SD"}
_MILITARY = re.compile(r"\b(?:air ?base|air force base|air station|airfield|army air field|military|naval air)\b", re.I)
_GENERIC = re.compile(
    r"\b(?:international|intl|regional|municipal|national|domestic|airport|aeroporto|aeropuerto|"
    r"aéroport|airfield|air ?base|air force base|air station|army air field|aerodrome|airstrip|field)\b",
    re.I,
)
# Words that name no airport on their own ("Nantucket Memorial Airport" is not "Memorial").
_NOT_ALONE = frozenset(
    "memorial metropolitan county city central executive intercontinental general downtown army naval "
    "air north south east west new old lake river valley mountain international regional municipal".split()
)
# Synthetic ids: below every id place_aliases.yaml hands out, one per ICAO code.
_ID_BASE = 2_000_000


@dataclass
class Airport:
    icao: str
    name: str
    city: str
    subdivision: str
    country_code: str
    latitude: float
    longitude: float
    feature_code: str  # AIRP: an airport with an IATA code; AIRB: a military field; AIRF: any other
    names: set[str] = field(default_factory=set)

    @property
    def geonameid(self) -> int:
        """A stable negative id from the ICAO code (base 36)."""
        return -(_ID_BASE + int(re.sub(r"[^0-9A-Z]", "0", self.icao.upper())[:5], 36))


def _csv_path() -> Path:
    return Path(str(resources.files("airportsdata").joinpath("airports.csv")))


def _core(name: str, city: str, big_towns: set[str]) -> str:
    """"Toronto Pearson International Airport" → "Pearson"; "Ottawa / Macdonald-Cartier
    International Airport" → "Macdonald-Cartier"; "Aleppo International Airport" → ""."""
    core = " ".join(_GENERIC.sub(" ", name).split())
    parts = [p.strip() for p in re.split(r"\s+/\s+", core) if p.strip()]
    # The served city opens many names, joined by a space, a hyphen or a slash.
    drop = {plain_name(city)} | big_towns
    kept = []
    for part in parts:
        first, _, rest = part.partition("-") if "-" in part.split(" ")[0] else part.partition(" ")
        if plain_name(part) in drop:
            continue
        kept.append(rest.strip() if rest and plain_name(first) in drop else part)
    return " ".join(kept).strip(" -/")


def read_airports(
    town_names: dict[str, set[str]], big_towns: dict[str, set[str]], path: Path | None = None
) -> Iterator[Airport]:
    """The airports kept (see the module docstring). Per country code, `town_names` holds
    the plain names of its places (a core that names one is not added alone) and
    `big_towns` those of its cities, which open airport names ("Toronto Pearson")."""
    with (path or _csv_path()).open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with_iata = Counter((r["country"], plain_name(r["city"])) for r in rows if r["iata"] and r["city"])
    for r in rows:
        military = bool(_MILITARY.search(r["name"]))
        if not (r["iata"] or military or r["country"] in _ALL_FIELDS_IN):
            continue
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            continue
        cc = r["country"]
        fcode = "AIRB" if military else "AIRP" if r["iata"] else "AIRF"
        a = Airport(r["icao"], r["name"], r["city"], r["subd"], cc, lat, lon, fcode)
        a.names.add(r["name"])
        towns = town_names.get(cc, set())
        core = _core(r["name"], r["city"], big_towns.get(cc, set()))
        if core:
            suffixes = ["Air Base", "Airbase", "Airfield"] if military else ["Airport"]
            if "international" in r["name"].lower():
                suffixes.append("International Airport")
            a.names.update(f"{core} {s}" for s in suffixes)
            alone = " " not in core and len(core) >= 4 and core.lower() not in _NOT_ALONE
            if alone and plain_name(core) not in towns and (r["iata"] or military):
                a.names.add(core)
        if r["iata"] and r["city"] and with_iata[(cc, plain_name(r["city"]))] == 1:
            a.names.update(f"{r['city']} {s}" for s in ("Airport", "International Airport"))
        a.names.update(ascii_fold(n) for n in list(a.names))
        yield a

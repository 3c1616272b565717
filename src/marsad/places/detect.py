"""Find toponyms in a spaCy Doc.

1. spaCy's GPE, LOC and FAC entities.
2. An EntityRuler (`ruler_patterns`, added before `ner` by `add_place_ruler`) labels the
   Middle-East places spaCy's small model misses or mislabels (Al-Bukamal as ORG, Palmyra
   as PERSON): names of towns ≥ 5,000 people and all admin areas in the region's
   countries, plus marsad's own aliases.
3. ORG/PERSON/NORP entities whose whole text is a gazetteer name of an important place
   (a country, admin1 area, capital, or a town with ≥ 100,000 people) are taken as
   toponyms too ("Aleppo" tagged PERSON).
4. Demonyms ("Syrian", "Iraqis") — spaCy's NORP — are returned only with
   `demonyms=True`, labelled "DEMONYM": geoparsing corpora count them as toponyms
   (GeoWebNews types Demonym and modifiers; TR-News codes "Turkish" as Turkey), but an
   event is never located at "Syrian".
5. Names that a place word introduces or follows ("the village of Kansafra", "Ayash
   warehouses", "Al-Joura neighbourhood"): villages and facilities too small for the
   gazetteer are still toponyms — kept unresolved, rather than lost (`cue_toponyms`).
Returned spans are (start_char, end_char, label).
"""

from __future__ import annotations

import re
from typing import Any

from .gazetteer import Gazetteer

REGION_COUNTRIES = ["SY", "IQ", "LB", "YE", "IL", "PS", "JO", "TR", "IR", "SA", "EG", "LY"]
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_STOP = {
    "The",
    "This",
    "That",
    "Police",
    "President",
    "Army",
    "State",
    "Center",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "University",
    "Hospital",
    "Airport",
    "Mosque",
    "Church",
    "Union",
    "Street",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Islam",
    "Allah",
    "God",
    "Hamas",
    "Hezbollah",
    "Muslim",
    "Arab",
    "Kurdish",
    "Shia",
    "Sunni",
}


def ruler_patterns(
    gazetteer: Gazetteer, *, countries: list[str] | None = None, min_population: int = 5000
) -> list[dict[str, Any]]:
    """EntityRuler patterns (label GPE, or FAC for marsad's facilities) for place names of
    the region; phrase patterns, so they cost little at run time."""
    names = set(gazetteer.names_in_countries(countries or REGION_COUNTRIES, min_population=min_population))
    names.update(gazetteer.alias_names())
    out = []
    for n in sorted(names):
        if not n.isascii() or len(n) < 4 or n in _STOP or not n[0].isupper() or n.isupper():
            continue
        out.append({"label": "GPE", "pattern": n})
    return out


def add_place_ruler(nlp: Any, gazetteer: Gazetteer, **kwargs: Any) -> Any:
    """Add an EntityRuler with `ruler_patterns` before spaCy's `ner` (idempotent)."""
    if "marsad_places" in nlp.pipe_names:
        return nlp.get_pipe("marsad_places")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="marsad_places",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(gazetteer, **kwargs))
    return ruler


def _important(gazetteer: Gazetteer, text: str) -> bool:
    for c in gazetteer.candidates(text):
        if c.match > 0 and (
            c.feature_code in ("PCLI", "ADM1", "PPLC", "CONT") or c.geonameid < 0 or c.population >= 100_000
        ):
            return True
    return False


def find_toponyms(
    doc: Any, *, gazetteer: Gazetteer | None = None, demonyms: bool = False
) -> list[tuple[int, int, str]]:
    """Toponym spans of a spaCy Doc: (start_char, end_char, label)."""
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        label = ent.label_
        start, end, text = ent.start_char, ent.end_char, ent.text
        if ent[0].lower_ == "the":
            start = ent[1].idx if len(ent) > 1 else start
            text = doc.text[start:end]
        if text.endswith(("'s", "’s")):
            end -= 2
            text = text[:-2]
        if label in _PLACE_LABELS:
            if demonyms or gazetteer is None or not gazetteer.is_demonym(text):
                out.append((start, end, label))
            else:
                continue
        elif gazetteer is not None and label == "NORP":
            if demonyms and gazetteer.is_demonym(text):
                out.append((start, end, "DEMONYM"))
        elif gazetteer is not None and label in ("ORG", "PERSON") and _important(gazetteer, text):
            out.append((start, end, "GPE"))
    taken = [(a, b) for a, b, _ in out]
    for a, b in cue_toponyms(doc.text):
        if not any(x < b and a < y for x, y in taken):
            if gazetteer is None or not gazetteer.is_demonym(doc.text[a:b]):
                out.append((a, b, "CUE"))
    return sorted(out)


_PLACE_WORD = (r"(?:village|town|city|hamlet|neighbo(?:u)?rhood|district|suburb|camp|area|province|governorate|"
               r"outskirts|countryside|municipality|locality|settlement|sub-district|region)")
_FACILITY = (r"(?:neighbo(?:u)?rhood|village|camp|district|warehouses?|depots?|checkpoint|crossing|air ?base|"
             r"military base|base|airport|prison|refinery|oil ?field|gas ?field|dam|roundabout|square|"
             r"quarter|suburb|town|sub-district)")
_NAME = (r"(?:(?:[Aa]l|[Ee]l|[Aa][dsrtnz]|[Aa]sh|[Ee][sz])-)?[A-Z][\w'’]+"
         r"(?:[ -](?:(?:al|el|ad|as|ash|az|ar|at|an|ez|es|bin|ibn)-?)?[A-Z][\w'’]+){0,3}")
_INTRODUCED = re.compile(rf"\b{_PLACE_WORD}s? of (?:the )?(?P<name>{_NAME})")
_FOLLOWED = re.compile(rf"(?<![\w-])(?P<name>{_NAME}) (?i:{_FACILITY}|governorate|province)\b")
_NOT_NAMES = {"The", "A", "An", "This", "That", "These", "Those", "Their", "Its", "His", "Her", "Our", "Government",
              "Military", "Army", "Security", "Police", "Iranian", "Israeli", "Russian", "Turkish", "American",
              "Syrian", "Iraqi", "Lebanese", "Kurdish", "Arab", "Coalition", "US", "U.S.", "UN", "New", "Old",
              "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
              "Regime", "Border", "Refugee", "Displacement", "Camp", "City", "Town", "Village", "In", "On", "At"}


def cue_toponyms(text: str) -> list[tuple[int, int]]:
    """Spans of names that a place word introduces or follows (see the module docstring)."""
    out = []
    for pattern in (_INTRODUCED, _FOLLOWED):
        for m in pattern.finditer(text):
            name, start = m.group("name"), m.start("name")
            # "The Deir Ezzor Governorate": leading capitalised words that are no names go.
            while name.split(" ", 1)[0] in _NOT_NAMES and " " in name:
                head = name.split(" ", 1)[0]
                name, start = name[len(head) + 1:], start + len(head) + 1
            if name.split()[0].split("-")[0] in _NOT_NAMES or name in _STOP:
                continue
            out.append((start, start + len(name)))
    return out

"""Toponyms found by the words around them rather than by NER: a place word introduces or
follows a name ("the village of Ayash", "Al-Joura neighbourhood"), a bearing places one
("20 km north of Al-Sukhnah"), a capitalised dateline
opens a story ("BEIRUT (AP) —"), an airfield is named ("Damascus airport", "the Shayrat air
base").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .gazetteer import Candidate, Gazetteer

# Capitalised words that are no place names.
STOP = {
    "First",
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

_PLACE_WORD = (r"(?:village|town|city|hamlet|neighbo(?:u)?rhood|district|suburb|camp|area|province|governorate|"
               r"outskirts|countryside|municipality|locality|settlement|sub-district|region)")
_FACILITY = (r"(?:neighbo(?:u)?rhood|village|camp|district|warehouses?|depots?|checkpoint|crossing|air ?base|"
             r"military base|base|airport|prison|refinery|oil ?field|gas ?field|dam|roundabout|square|"
             r"quarter|suburb|town|sub-district)")
_NAME = (r"(?:(?:[Aa]l|[Ee]l|[Aa][dsrtnz]|[Aa]sh|[Ee][sz])-)?[A-Z][\w'’]+"
         r"(?:[ -](?:(?:al|el|ad|as|ash|az|ar|at|an|ez|es|bin|ibn)-?)?[A-Z][\w'’]+){0,3}")
_PLURAL = (r"(?:villages|towns|cities|hamlets|neighbo(?:u)?rhoods|districts|suburbs|camps|areas|provinces|"
           r"governorates|municipalities|localities|settlements|sub-districts|regions|hills|hilltops)")
_INTRODUCED = re.compile(rf"\b(?:(?P<plural>{_PLURAL})|{_PLACE_WORD}) of (?:the )?(?P<name>{_NAME})")
# "the villages of Kafr Nabudah, Kernaz and Tal Maleh", "six villages and hills including A, B
# and C": a plural place word introduces every member of the list after it. Only right after
# it: in "villages overnight, wounding civilians including Fatima Hassan" the list is people.
_INCLUDING = re.compile(rf"\b{_PLURAL}(?:\s+and\s+{_PLURAL})?,?\s+(?:including|among them|namely|such as)\s+"
                        rf"(?:the )?(?P<name>{_NAME})")
_NEXT_IN_LIST = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the )?(?P<name>{_NAME})")
_FOLLOWED = re.compile(rf"(?<![\w-])(?P<name>{_NAME}) (?i:{_FACILITY}|governorate|province)\b")
# "20 km north of Al-Sukhnah": only a place lies a distance north of something, whatever NER
# calls the name (it took "Al-Sukhnah" for a person). Not a group's or a person's thing:
# "20 km east of Boko Haram's former base".
_BEARING = re.compile(rf"\b(?i:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+"
                      rf"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?(?P<name>{_NAME})")
NOT_NAMES = {"The", "A", "An", "This", "That", "These", "Those", "Their", "Its", "His", "Her", "Our", "Government",
              "Military", "Army", "Security", "Police", "Iranian", "Israeli", "Russian", "Turkish", "American",
              "Syrian", "Iraqi", "Lebanese", "Kurdish", "Arab", "Coalition", "US", "U.S.", "UN", "New", "Old",
              "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
              "Regime", "Border", "Refugee", "Displacement", "Camp", "City", "Town", "Village", "In", "On", "At",
              # a faith or a people the town is "mainly" of ("the mainly Christian town of Bartella")
              "Christian", "Muslim", "Sunni", "Shia", "Shiite", "Alawite", "Druze", "Yazidi", "Assyrian",
              "Armenian", "Catholic", "Coptic", "Orthodox", "Jewish", "Hindu", "Buddhist", "Tuareg", "Fulani",
              "Pashtun", "Hazara", "Tamil", "Rohingya", "Ismaili", "Chaldean"}


def _without_leading_non_names(name: str, start: int) -> tuple[str, int]:
    """"The Deir Ezzor Governorate" → ("Deir Ezzor …", its offset): leading capitalised words
    that are no names go, while a word remains."""
    while name.split(" ", 1)[0] in NOT_NAMES and " " in name:
        head = name.split(" ", 1)[0]
        name, start = name[len(head) + 1 :], start + len(head) + 1
    return name, start


# "BEIRUT (AP) —", "MEXICO CITY, May 3 -": a dateline in capitals, which NER misses.
_DATELINE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=\s*(?:,|\(|—|–|-|:))")


def datelines(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of capitalised datelines that name a known place."""
    out = []
    for m in _DATELINE.finditer(text):
        name = m.group("name").rstrip(".")
        if len(name) < 3 or name in ("AP", "AFP", "UPDATE", "WATCH", "PHOTO", "VIDEO", "BREAKING"):
            continue
        cands = gazetteer.candidates(name.title())
        if any(c.match > 0 and (c.population >= 1000 or c.feature_class != "P") for c in cands):
            out.append((m.start("name"), m.start("name") + len(name)))
    return out


_AIRFIELD = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}) (?i:(?:international |military )?airport|air ?base|airfield)\b"
)
_AIRFIELD_CODES = ("AIRP", "AIRB", "AIRF")


def airfields(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of "<name> airport / air base / airfield" that the gazetteer knows as an airfield."""
    out = []
    for m in _AIRFIELD.finditer(text):
        name, start = _without_leading_non_names(m.group("name"), m.start("name"))
        whole = text[start : m.end()]
        if any(c.match > 0 and c.feature_code in _AIRFIELD_CODES for c in gazetteer.candidates(whole)):
            out.append((start, m.end()))
    return out


# "the Timbuktu region", "Kherson Oblast": a name its area's word follows. Unlike "province",
# "region" follows peoples and adjectives too ("the Catalan region", "the Druze region"), and
# "state" follows "Islamic": only a name the gazetteer knows as an area or a city counts.
_REGION = re.compile(rf"(?<![\w-])(?P<name>{_NAME}) (?i:region|oblast|prefecture)\b")
_REGION_CITY_POPULATION = 50_000


def regions(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of the names in "<name> region / oblast / prefecture" that name a first-level area
    (by any of its names) or a city (by its own)."""
    out = []
    for m in _REGION.finditer(text):
        name, start = _without_leading_non_names(m.group("name"), m.start("name"))
        if any(c.feature_code == "ADM1" and c.match > 0
               or c.feature_class == "P" and c.match == 2 and c.population >= _REGION_CITY_POPULATION
               for c in gazetteer.candidates(name)):
            out.append((start, start + len(name)))
    return out


# "Johar Town", "Garden City": a capitalised "Town" or "City" in running text is part of the
# name (not in a Title Case headline, where the next word is capitalised too: "… Kafr Nabl
# Town In Idlib").
_PART_OF_THE_NAME = re.compile(r" (?:Town|City)\b(?! [A-Z])")


def cue_toponyms(text: str) -> list[tuple[int, int]]:
    """Spans of names that a place word introduces or follows (see the module docstring)."""
    out = []
    for pattern in (_INTRODUCED, _FOLLOWED, _INCLUDING, _BEARING):
        for m in pattern.finditer(text):
            if pattern is _BEARING and m.group("name").endswith(("'s", "’s")):
                continue
            found = [(m.group("name"), m.start("name"))]
            if pattern is _INCLUDING or pattern is _INTRODUCED and m.group("plural"):
                end, commas = m.end("name"), False
                while (more := _NEXT_IN_LIST.match(text, end)) is not None:
                    sep = text[end:more.start("name")]
                    if "," in sep and "and" in sep and not commas:
                        break  # "the villages of A and B, and Moscow said …": a new clause
                    commas = commas or "," in sep
                    found.append((more.group("name"), more.start("name")))
                    end = more.end("name")
                    if "and" in sep:
                        break  # "A, B and C" ends at C
            for raw, at in found:
                name, start = _without_leading_non_names(raw, at)
                if name.split()[0].split("-")[0] in NOT_NAMES or name in STOP:
                    break  # the list has ended ("the towns of A and The Hague …" is rare; "… and The army" is not)
                end = start + len(name)
                if pattern is _FOLLOWED and _PART_OF_THE_NAME.match(text, end):
                    end = m.end()  # "Johar Town" in Lahore is no "Johar" elsewhere
                out.append((start, end))
    return sorted(set(out))


# "the Syrian capital", "Syria's capital" (scraped: "Syrias capital"), "the capital of Syria",
# and "the capital" after a place of one country (or in a story set in one): news names a
# country's capital by its country more often than by its name. Not when a name follows ("the Syrian capital Damascus",
# "the capital, Kabul": the name is the place) nor with "of" after it ("the Syrian capital of
# the group's caliphate", "the capital of the province", "the capital of Syria's Idlib
# province"), nor in apposition ("Kabul, the Afghan capital": the name before is the place),
# nor capital in another sense ("capital punishment").
_OF_COUNTRY = r"(?P<country>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
_CAPITAL = re.compile(rf"\b(?:[Tt]he (?P<demonym>[A-Z][a-z]+) capital|{_OF_COUNTRY}['’]?s capital|"
                      rf"[Tt]he capital of {_OF_COUNTRY.replace('country', 'country_of')}|"
                      r"(?P<bare>[Tt]he (?:country['’]s |nation['’]s )?capital))\b")
_NOT_THE_CITY = re.compile(r"['’]s?\s+(?:[A-Z][\w'’-]+\s+){1,3}"
                           r"(?i:province|governorate|state|region|district|county)\b|"
                           r"['’]?s?\s+(?:of\b|punishment|gains?\b|markets?\b|flight|expenditure|investment|spending|"
                           r"budget|costs?\b|offen[cs]es?|crimes?\b|cases?\b|letters?\b|city(?:,\s*|\s+)[A-Z])|"
                           r",?\s+(?!(?:" + "|".join(sorted(STOP)) + r")\b)[A-Z]")


# A story that names a province's or a state's capital may mean it by "the capital" alone.
_OTHER_CAPITAL = re.compile(r"\b(?:state|provincial|regional|district|county|province['’]?s?|governorate['’]?s?)\s+"
                            r"capital\b|\bcapital\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,3}"
                            r"(?i:province|state|region|governorate|district|county)\b")
# "moved its embassy to the Israeli capital", "recognised it as the capital": a status, not where
# anything happened.
_AS_A_STATUS = re.compile(r"\b(?:mov(?:e|es|ed|ing)|relocat\w+|recogni[sz]\w+|declar\w+|proclaim\w+)\s+"
                          r"(?:[\w'’-]+\s+){0,4}?(?:to|as)\s+(?:its\s+|their\s+)?$", re.I)
_NEAREST = 300  # characters back to the place that says which country "the capital" is


def capital_references(text: str, gazetteer: Gazetteer, home: str | None,
                       placed: Sequence[tuple[int, str]] = ()) -> list[tuple[int, int, Candidate]]:
    """Spans that name a country's capital by its country, with the capital: "the Syrian
    capital" → Damascus. "The capital" alone names the capital of the country of the place
    named last before it (`placed`: each place's offset and country code, in text order), or
    else `home`, the country the story is set in (None: left alone); never in a story that
    names a province's or a state's capital."""
    out = []
    bare_ok = _OTHER_CAPITAL.search(text) is None
    # A capital named by its country is a place of that country too: "the handover of villages
    # to Azerbaijan, in the largest protest in the Armenian capital … walked to the capital" is
    # Yerevan (a country named after it still wins: "in the Qatari capital … In Israel, …
    # rallied in the capital" is Jerusalem).
    placed = list(placed)
    for m in _CAPITAL.finditer(text):
        if _NOT_THE_CITY.match(text, m.end()) or re.search(r",\s*$", text[max(0, m.start() - 3):m.start()]) \
                or _AS_A_STATUS.search(text, max(0, m.start() - 60), m.start()):
            continue
        if m.group("bare"):
            if not bare_ok:
                continue
            before = sorted((at, cc) for at, cc in placed if m.start() - _NEAREST <= at < m.start())
            cc = before[-1][1] if before else home
        elif m.group("demonym"):
            country = gazetteer.demonym(m.group("demonym"))
            cc = country.country_code if country is not None and country.feature_code == "PCLI" else None
        else:
            name = m.group("country") or m.group("country_of")
            cc = next((c.country_code for c in gazetteer.candidates(name)
                       if c.feature_code == "PCLI" and c.match == 2), None)
        capital = gazetteer.capital(cc) if cc else None
        if capital is not None:
            start = m.start("demonym") if m.group("demonym") else m.start()
            out.append((start, m.end(), capital))
            if not m.group("bare") and capital.country_code:
                placed.append((m.start(), capital.country_code))
    return out

"""Unresolved places that the text itself locates: "Ayash warehouses in western Deir ez-Zor
countryside" — Ayash is not in the gazetteer, but the article says which governorate it is
in. Such a place keeps its own name, takes the country and admin areas of its container,
and is coded the ACLED way: to the container's point with geo_precision 2 (near a town) or
3 (only the region is known). Later mentions of the same name reuse it, and so do later
mentions read as the same place abroad that the text put in its container.

Failing a container, a town or village of a story told in one province is coded to that
province under its own name (`locate_in_frame`), unless the text puts it elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..arabic.text import fold, strip_marks
from ..records import Place
from .context import LIST_GAP, arabic_container_gap
from .frame import Frame, find_dateline
from .names import is_site
from .resolve import km

_GAP = re.compile(
    r"^(?:\s+(?:warehouses?|depots?|neighbo(?:u)?rhood|camp|village|town|area|district|checkpoint|base|"
    r"crossing|farms?|fields?|sub-district))?"
    r"\s*,?\s+(?:in|of|near|outside|on the outskirts of|east of|west of|north of|south of|close to)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|centre|center|heart)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:(?:north|south|east|west)(?:ern|-eastern|-western)?|central)\s+)?"
    r"(?:(?:outskirts|countryside|suburbs|desert|province|governorate)\s+of\s+)?$",
    re.I,
)
# The words that name a part of a town.
_PART_WORD = r"(?:neighbo(?:u)?rhood|district|quarter|suburb)"
# "the Sulaymaniyah neighbourhood of the Syrian city of Aleppo": a part of a city the text
# names. Only such a gap moves a place the gazetteer read elsewhere for good (every later
# mention of that reading follows it); "refugees from Aleppo in the Turkish town of Kilis"
# does not move Aleppo.
_PART_OF = re.compile(
    rf"^\s+{_PART_WORD}\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|centre|center|heart|middle)(?:ern)?\s+(?:part\s+)?of\s+(?:the\s+)?)?"
    r"(?:[A-Z][\w'’-]+\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)
# "حي الروضة شمالي مدينة تعز": a quarter, by the Arabic word for one before (or opening) its
# name; with its town after it, it is that town's part as "the X neighbourhood of Y" is.
_AR_QUARTER_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?حي\s+$")


# What turns the next place into another one than the quarter's town: people going to it
# ("نزح سكان حي الوعر إلى إدلب"), coming from it, a list ("حي جوبر ومدينة دوما"), a new sentence.
_AWAY_AR = re.compile(r"(?<!\w)[وف]?(?:الي|نحو|باتجاه|صوب|من|عن|حتي|و)(?!\w)"
                      r"|(?:^|\s)و(?=ال|مدين|بلد|قري|حي\s|مخيم|منطق)|[.؛!؟:]")


def _towards_its_town(gap: str) -> bool:
    """Whether the words after a quarter lead to its town ("حي الزهراء بمدينة حمص", "حي الرومانية
    في الجهة الغربية لمدينة الرقة") and not away from it."""
    return len(gap) <= 80 and not _AWAY_AR.search(fold(gap))


def _named_as_quarter(text: str, start: int, end: int) -> bool:
    return bool(_AR_QUARTER_BEFORE.search(strip_marks(text[max(0, start - 8):start]))) \
        or strip_marks(text[start:end]).startswith("حي ")


_TOWN_CODES = ("PPL",)
# Capitals and seats, towns other places are parts of, by how high a seat each is: the
# capital 4, a province's seat 3, a district's 2, a lower seat 1.
_SEAT_RANK = {"PPLC": 4, "PPLA": 3, "PPLG": 3, "PPLA2": 2, "PPLA3": 1}
_SEATS = tuple(_SEAT_RANK)


_COUNTRYS_OWN = re.compile(r"^['’]s\s+(?:(?:north|south|east|west)(?:ern|-eastern|-western)?\s+|central\s+)?$", re.I)


def follows_container(gap: str) -> bool:
    """Whether the text between two toponyms makes the second the container of the first
    (in Arabic too: "قرية X في ريف Y", "X قرب Y")."""
    return len(gap) <= 60 and bool(_GAP.match(gap)) or arabic_container_gap(gap, near=True)


# "near Zirgan (Abu Rasin)", "in Resulayn (Ras al-Ain)": another name of the same town, in
# brackets right after it.
_OPEN_BRACKET = re.compile(r"\s*\(\s*$")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def same_as_bracketed(text: str, spans: Sequence[tuple[int, int]], places: Sequence[Place]) -> list[Place]:
    """`places` with a town read as the town its bracketed other name resolves to, when the
    two readings disagree (another country, or more than 50 km apart) or the first is
    unresolved: the bracket names the same place ("Zirgan (Abu Rasin)" is no Zirgan of
    Bashkortostan). Not a country or a province in brackets ("Tripoli (Libya)"): that is a
    container, left to `inherit_containers`."""
    out = list(places)
    for i in range(len(spans) - 1):
        (_s, end), (b_start, b_end) = spans[i], spans[i + 1]
        other, place = places[i + 1], places[i]
        if not (_OPEN_BRACKET.fullmatch(text[end:b_start]) and _CLOSE_BRACKET.match(text, b_end)):
            continue
        if other.latitude is None or other.longitude is None or not (other.feature_code or "").startswith(_TOWN_CODES):
            continue
        if place.latitude is not None and place.longitude is not None \
                and place.country_code == other.country_code \
                and km((place.latitude, place.longitude), (other.latitude, other.longitude)) <= 50:
            continue
        out[i] = other
    return out


def inherit_containers(text: str, spans: Sequence[tuple[int, int]], places: Sequence[Place]) -> list[Place]:
    """`places` with each unresolved one located by the container the text names after it.

    A place located by another takes that one's point and its score: the score says how
    likely the point is right, and the container's reading is what decides it."""
    out = list(places)
    learned: dict[str, Place] = {}
    misread: dict[int, Place] = {}  # a reading the text put elsewhere, wherever it recurs
    for i, (place, (_start, end)) in enumerate(zip(places, spans, strict=True)):
        for j in range(i + 1, min(i + 3, len(places))):
            container = places[j]
            gap = text[end:spans[j][0]]
            # "Sinuni in Iraq's northern Sinjar district": the country's own place holds it.
            if j + 1 < len(places) and container.feature_code == "PCLI" and places[j + 1].latitude is not None \
                    and places[j + 1].country_code == container.country_code \
                    and _COUNTRYS_OWN.match(text[spans[j][1]:spans[j + 1][0]]):
                container = places[j + 1]
            part_of = bool(_PART_OF.match(gap)) or (_named_as_quarter(text, _start, end) and _towards_its_town(gap))
            if container.latitude is None or not (follows_container(gap) or part_of):
                continue
            # "the al-Zahraa neighbourhood in Homs city" read as the Aleppo neighbourhood of that
            # name: a part of a town lies in the town's province.
            # (Not "the Damascus suburb of Jaramana": a capital is no part of its suburb.)
            # A seat of a lower rank than the container's may be the part ("the al-Rawdah
            # neighbourhood in the north of Taiz city" is no district seat in Shabwah).
            elsewhere = part_of and container.admin1 is not None and place.admin1 != container.admin1 \
                and ((place.feature_code or "") not in _SEATS
                     or _SEAT_RANK[place.feature_code or ""] < _SEAT_RANK.get(container.feature_code or "", 0)) \
                or _far_from_its_neighbour(place, container, gap)
            if place.latitude is not None and place.country_code == container.country_code and not elsewhere:
                break  # resolved, and inside the container the text names: nothing to do
            # Unresolved, or resolved to a same-named place outside the container the text
            # names ("Ayash … in western Deir ez-Zor" is not Ayaş, Turkey).
            out[i] = _located_at(text[_start:end], container)
            learned[place.name.lower()] = out[i]
            if place.geonameid is not None and part_of:
                misread[place.geonameid] = out[i]
            break
    _possessed_parts(text, spans, places, out, learned, misread)
    # "Alma al-Shaab, Dhayra and Yarine, in the Tyre district": the list shares its container.
    for i in range(len(out) - 2, -1, -1):
        nxt = out[i + 1]
        if out[i].latitude is None and nxt.geonameid is None and nxt.latitude is not None \
                and LIST_GAP.match(text[spans[i][1]:spans[i + 1][0]]):
            out[i] = replace(nxt, name=out[i].name)
            learned[out[i].name.lower()] = out[i]
    _near_listed_villages(text, spans, out, learned)
    _sites_in_towns(text, spans, out, learned)
    for i, place in enumerate(out):
        known = learned.get(place.name.lower())
        if known is not None and place.latitude is None:
            out[i] = known
        elif place.geonameid in misread:
            # "the Sulaymaniyah neighbourhood of Aleppo" … "shelled Sulaymaniyah": the same
            # name, read again as the Iraqi city, is the neighbourhood the text located.
            out[i] = replace(misread[place.geonameid], name=text[spans[i][0]:spans[i][1]])
    return out


# "Kherson's Dniprovskyi district", "Raqqa's al-Rumaila neighbourhood": a town's part named
# after the town in the possessive (see `_POSSESSIVE_GAP`).
_PART_WORD_AFTER = re.compile(rf"\s+{_PART_WORD}s?\b", re.I)


def _possessed_parts(text: str, spans: Sequence[tuple[int, int]], places: Sequence[Place], out: list[Place],
                     learned: dict[str, Place], misread: dict[int, Place]) -> None:
    """A part of a town named in the possessive lies in that town's province: one the gazetteer
    read in another ("Kherson's Dniprovskyi district" is not Kyiv's raion of that name) is
    coded in the town under its own name, as `_PART_OF` does for "the X district of Y"."""
    for i in range(1, len(places)):
        town, place = places[i - 1], out[i]
        if not _is_town_or_area(town) or place.latitude is None or town.admin1 is None \
                or (place.country_code == town.country_code and place.admin1 == town.admin1) \
                or not _POSSESSIVE_GAP.match(text[spans[i - 1][1]:spans[i][0]]) \
                or not _PART_WORD_AFTER.match(text, spans[i][1]):
            continue
        out[i] = _located_at(text[spans[i][0]:spans[i][1]], town)
        learned[place.name.lower()] = out[i]
        if place.geonameid is not None:
            misread[place.geonameid] = out[i]


# A village, not a city: the places a front line's list of villages names.
_VILLAGE_CODES = ("PPL", "PPLX", "PPLL", "PPLF", "PPLQ")


def _near_listed_villages(text: str, spans: Sequence[tuple[int, int]], out: list[Place],
                          learned: dict[str, Place]) -> None:
    """"Kafr Nabudah, Kernaz and Tal Maleh": villages listed together lie together, so an
    unlocated one is coded near a located one (ACLED's geo_precision 2) when the list's
    located members are all villages of one governorate of the story's main country. A list
    with a city in it or spanning governorates ("Aleppo, Homs and Kernaz") locates nothing,
    nor does a village read abroad ("Jibin" as a namesake in China)."""
    counted = Counter(p.country_code for p in out if p.country_code)
    home = counted.most_common(1)[0][0] if counted else None
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and LIST_GAP.match(text[spans[j][1]:spans[j + 1][0]]):
            j += 1
        group = range(i, j + 1)
        located = [out[k] for k in group if out[k].latitude is not None]
        lost = [k for k in group if out[k].latitude is None and not out[k].country]
        if located and lost and len({p.admin1 for p in located}) == 1 and located[0].admin1 \
                and located[0].country_code == home \
                and all(p.feature_code in _VILLAGE_CODES for p in located):
            near = located[0]
            for k in lost:
                out[k] = _located_at(text[spans[k][0]:spans[k][1]], near)
                learned[out[k].name.lower()] = out[k]
        i = j + 1


# "Paris' iconic Champs-Elysees", "Cairo's Abbasiya neighbourhood": a town's own part (an
# Arabic article may open its name: "Homs's al-|Zahraa").
_POSSESSIVE_GAP = re.compile(r"^['’]s?(?:\s+[a-z][\w-]*){0,2}\s+(?:[ae][lnrsdtz]-)?$")
# "the city's Abbassiya district", "in the capital's Mezzeh quarter": a part of the town the
# story has just named (or of the last capital it named).
_ANAPHORIC_POSSESSIVE = re.compile(r"\b[Tt]he\s+(city|town|village|capital)['’]s(?:\s+[a-z][\w-]*){0,2}\s+$")
# "Percy French Hotel, Ballyjamesduff", "the Russian Embassy in Damascus": a site, then its town.
_TOWN_AFTER_GAP = re.compile(r"^\s*(?:,|,?\s+in)\s*$")


def _is_town(place: Place) -> bool:
    return place.latitude is not None and (place.feature_code or "").startswith(_TOWN_CODES)


def _sites_in_towns(text: str, spans: Sequence[tuple[int, int]], out: list[Place],
                    learned: dict[str, Place]) -> None:
    """Unlocated places that the text puts in a town, coded to the town's point with
    geo_precision 2 (ACLED's "part of a town"):
    - a town's own part, named in the possessive before it ("Cairo's Abbasiya district");
    - a street, road, building (`is_site`) or Arabic quarter ("حي الخالدية") with its town
      after it ("Ramor Theatre, Virginia", "the Russian Embassy in Damascus"), or else in
      the story's town: the one town that holds at least two of the story's mentions of
      towns and more than half of them. A story told in one town names its streets,
      buildings and quarters without the town each time; a story that moves between towns
      leaves its sites unlocated, and so does a story of no town.
    A site placed only in a whole country by its name ("Stade de France") is unlocated too:
    a town of that country the text puts it in is nearer the truth."""
    story_town: Place | None = None
    story_town_read = False
    for i, place in enumerate(out):
        if place.latitude is not None and place.admin1 and _misread_part(text, spans, out, i):
            continue
        country_only = place.feature_code == "PCLI"
        if not country_only and (place.latitude is not None or place.country):
            continue
        name = text[spans[i][0]:spans[i][1]]
        # A country's own mention ("France") is no site: only a site's name placed in a country.
        key = name.lower() if country_only else place.name.lower()
        if country_only and not is_site(name):
            continue
        if key in learned:
            if country_only:  # (an unlocated name's later mentions follow in `inherit_containers`)
                out[i] = learned[key]
            continue
        town: Place | None = None
        if not country_only and i > 0 and _is_town_or_area(out[i - 1]) \
                and _POSSESSIVE_GAP.match(text[spans[i - 1][1]:spans[i][0]]):
            town = out[i - 1]  # "Cairo's Ezbet Qornfali district", "Giza's Haram district"
        elif not country_only and (m := _ANAPHORIC_POSSESSIVE.search(text, max(0, spans[i][0] - 60), spans[i][0])):
            town = _last_town_before(out, spans, i, capital=m.group(1) == "capital")
        elif is_site(name) or _named_as_quarter(text, *spans[i]):
            # (an Arabic quarter, "حي الخالدية", is a part of the story's town as a street is)
            after = out[i + 1] if i + 1 < len(out) else None
            if after is not None and _is_town(after) and _TOWN_AFTER_GAP.match(text[spans[i][1]:spans[i + 1][0]]):
                town = after
            else:
                if not story_town_read:
                    story_town, story_town_read = _story_town(out), True
                town = story_town
        if town is None or country_only and town.country_code != place.country_code:
            continue
        out[i] = _located_at(name, town)
        learned[key] = out[i]


# "the al-Zahraa neighbourhood of the city": a part of the town the story has just named.
_PART_OF_THE_TOWN = re.compile(r"\s+(?:neighbo(?:u)?rhood|district|quarter)\s+of\s+the\s+(city|town|capital)\b",
                               re.I)


def _misread_part(text: str, spans: Sequence[tuple[int, int]], out: list[Place], i: int) -> bool:
    """A part of the town the story has just named ("the al-Zahraa neighbourhood of the city",
    "the city's al-Zahraa district"), read as a namesake in another province: located in that
    town instead (and True)."""
    after = _PART_OF_THE_TOWN.match(text, spans[i][1])
    before = _ANAPHORIC_POSSESSIVE.search(text, max(0, spans[i][0] - 60), spans[i][0])
    which = after or before
    if which is None:
        return _misread_abroad(text, spans, out, i)
    town = _last_town_before(out, spans, i, capital=which.group(1) == "capital")
    # Not when the story names the reading's province too ("eastern Aleppo … the Sheikh
    # Maqsoud district of the city"): the reading is then the story's own.
    if town is None or town.admin1 == out[i].admin1 \
            or any(p.admin1 == out[i].admin1 for j, p in enumerate(out) if j != i and p.latitude is not None):
        return False
    out[i] = _located_at(text[spans[i][0]:spans[i][1]], town)
    return True


# "the Abbasiya neighbourhood": a part named as one, with no town after it.
_A_NAMED_PART = re.compile(r"\s+(?:neighbo(?:u)?rhood|district|quarter)\b(?!\s+(?:of|in)\b)", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _misread_abroad(text: str, spans: Sequence[tuple[int, int]], out: list[Place], i: int) -> bool:
    """"In Omdurman, forces fired on youths in the Abbasiya neighbourhood": a part of the town
    its sentence names before it, read as a whole town in another country (an old name of
    Yehud, in Israel), is located in that town instead (and True)."""
    if not (_A_NAMED_PART.match(text, spans[i][1]) and _THE_BEFORE.search(text[max(0, spans[i][0] - 8):spans[i][0]])):
        return False
    # the town of its own sentence ("KHARTOUM — In Omdurman, … in the Abbasiya neighbourhood")
    opened = max(text.rfind(". ", 0, spans[i][0]), text.rfind("\n", 0, spans[i][0]))
    towns = [p for p, (a, _b) in zip(out[:i], spans[:i], strict=True) if a > opened and _is_town(p)]
    town = towns[-1] if towns else None
    # (only a whole town read for a quarter: "the Mezzeh district" read as Damascus's own
    # Mezzeh is right, whatever town the sentence opens with)
    if town is None or not out[i].country_code or town.country_code == out[i].country_code \
            or (out[i].feature_code or "") == "PPLX":
        return False
    out[i] = _located_at(text[spans[i][0]:spans[i][1]], town)
    return True


# "the town of Safsafah near Al Tabqah": the place lies by the one named after it. Only "near"
# and "close to": "Tikrit, north of Baghdad" and "Ras al-Ain, outside Hasakah" name towns a
# hundred kilometres apart.
_BESIDE = re.compile(r"^\s+(?:near|close\s+to)\s", re.I)
NEIGHBOUR_KM = 60.0  # farther than this from the town the text puts it near: a namesake


def _far_from_its_neighbour(place: Place, container: Place, gap: str) -> bool:
    """Whether a place the text puts near a town was read as a namesake far from it ("Safsafah
    near Al Tabqah" read as the Safsafah on the coast)."""
    if not _BESIDE.search(gap) or not (container.feature_code or "").startswith("PPL") \
            or (place.feature_code or "") in _SEATS:
        return False
    if place.latitude is None or place.longitude is None or container.latitude is None or container.longitude is None:
        return False
    return km((place.latitude, place.longitude), (container.latitude, container.longitude)) > NEIGHBOUR_KM


def _located_at(name: str, where: Place) -> Place:
    """A place the text puts in `where`, by its own name: in a town, the town's point, "part of
    a town" (ACLED's geo_precision 2); in a province or district, its point, "only the region"
    (3). It takes `where`'s score too: the score is about the point."""
    town = _is_town(where)
    return Place(name=name, country=where.country, country_code=where.country_code, admin1=where.admin1,
                 admin2=where.admin2 if town else None, latitude=where.latitude, longitude=where.longitude,
                 geo_precision=2 if town else 3, score=where.score)


def _is_town_or_area(place: Place) -> bool:
    """A town, or a province or district: what a possessive can hold a named part in."""
    return _is_town(place) or place.latitude is not None and place.feature_code in ("ADM1", "ADM2")


# How far back "the city's" looks for its town: the sentence before, about.
_ANTECEDENT_WINDOW = 250


def _last_town_before(out: Sequence[Place], spans: Sequence[tuple[int, int]], i: int,
                      capital: bool) -> Place | None:
    """The town the story named last before `out[i]` ("the city's"; a capital for "the
    capital's"), when it is the only such town named shortly before: after "missiles struck
    Kharkiv and then Kyiv", "the city's Saltivskyi district" could be either."""
    start = spans[i][0] - _ANTECEDENT_WINDOW
    towns = [p for p, (a, _b) in zip(out[:i], spans[:i], strict=True)
             if a >= start and _is_town(p) and (not capital or p.feature_code == "PPLC")]
    if len({p.geonameid for p in towns}) == 1:
        return towns[-1]
    return None


def _story_town(out: Sequence[Place]) -> Place | None:
    """The town that holds at least two of the story's mentions of towns and more than half."""
    towns = Counter(p.geonameid for p in out if _is_town(p) and p.geonameid is not None)
    if not towns:
        return None
    (top, n), total = towns.most_common(1)[0], sum(towns.values())
    return next(p for p in out if p.geonameid == top) if n >= 2 and n * 2 > total else None


# "the nearby town of Kashkiyeh", "Zee Pin Gyi village": a settlement the text names as one
# (not "the camp of Fano commanders", "the city of London's"), and the members of a list a
# plural introduces ("the villages of A, B and C").
_SETTLEMENT_BEFORE = re.compile(r"\b(?:(?:town|village|hamlet|settlement)|(?P<plural>towns|villages|hamlets))\s+of\s+"
                                r"(?:the\s+)?$", re.I)
_SETTLEMENT_AFTER = re.compile(r"\s+(?:village|hamlet)\b", re.I)
# ... in Arabic: "قرية X", "وبلدة X", "مزرعة X", "قرى X" (with a clitic or the article).
_AR_SETTLEMENT_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?(?:قري[ةه]|بلد[ةه]|مزرع[ةه]|(?P<plural>قرى|بلدات))\s+$")
# A name the text places by another: "X, Va., across the state line", "X, some 30 km from
# Damaturu", "X, 10 km east of Kupiansk".
_PLACED_BY_WHAT_FOLLOWS = re.compile(r"\s*,\s*(?:[A-Z]|(?:some|about|around|nearly|roughly)?\s*\d)|"
                                     r"[^.;]{0,40}?\b(?:km|kilometres?|kilometers?|miles)\b")
# A capital that stands for who rules from it, not for a place things happen: "gunmen linked
# to the government in Damascus", "forces loyal to Tripoli", "the regime in Kabul".
# ("The authorities in Kupiansk said …" is a town's own officials: not for its rulers.)
_FOR_ITS_RULERS = re.compile(r"\b(?:(?:government|regime|rulers|leadership|junta)\s+(?:in|of)|"
                             r"(?:linked|loyal|allied|close|answerable)\s+to|backed\s+by)"
                             r"\s+(?:the\s+)?$", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?")
_WELL_KNOWN_POPULATION = 50_000
# The story must be told in its frame: this many distinct names located there (a dateline and
# its city named again are one), and most of its located mentions.
_FRAME_NAMES = 2


def _frame_area(frame: Frame, places: Sequence[Place], gazetteer: Any) -> Place | None:
    """The frame's admin1 as a place: as the story names it, else as the gazetteer knows it."""
    if not frame.admin1_code or not frame.country_code:
        return None
    for p in places:
        if p.feature_code == "ADM1" and p.latitude is not None and p.country_code == frame.country_code \
                and p.admin1 == frame.admin1:
            return p
    c = gazetteer.admin1(frame.country_code, frame.admin1_code)
    if c is None or c.latitude is None:
        return None
    return Place(name=c.name, geonameid=c.public_id, latitude=c.latitude, longitude=c.longitude, country=c.country,
                 country_code=c.country_code, admin1=c.name, feature_code=c.feature_code, geo_precision=3)


def locate_in_frame(text: str, spans: Sequence[tuple[int, int]], places: Sequence[Place],
                    frame: Frame | None, sentences: Sequence[tuple[int, int]], gazetteer: Any) -> list[Place]:
    """`places` with each unlocated settlement of a story told in one province coded to that
    province ("the nearby town of Kashkiyeh" in a Deir ez-Zor story): ACLED's geo_precision 3,
    only the region known, as an analyst codes a village the gazetteer lacks. The story is told
    there when at least two distinct names of it, and most of its located mentions, lie in the
    frame's admin1 (`frame.py`). A name placed nowhere else by the text, and named as a town or
    village: not a person or a body. Not when its sentence, or the one before it in its
    paragraph, names a place outside the frame (`_placed_elsewhere`)."""
    if frame is None or not frame.admin1:
        return list(places)
    # (Not the dateline's town, nor a capital named for its government: neither is a place of
    # the story's own.)
    line = find_dateline(text)
    located = [p for p, (a, _b) in zip(places, spans, strict=True)
               if p.latitude is not None and p.feature_code not in ("PCLI", "CONT")
               and not (line is not None and a == line[0]) and not _FOR_ITS_RULERS.search(text, max(0, a - 40), a)]
    inside = [p for p in located if p.country_code == frame.country_code and p.admin1 == frame.admin1]
    if len({p.name for p in inside}) < _FRAME_NAMES or 2 * len(inside) <= len(located):
        return list(places)
    out = list(places)
    area: Place | None = None
    plural = False  # whether the name before is an unlocated member of a list a plural introduced
    for i, (place, (start, end)) in enumerate(zip(places, spans, strict=True)):
        unlocated = place.latitude is None and place.country_code in (None, frame.country_code)
        before = _SETTLEMENT_BEFORE.search(text, max(0, start - 40), start) \
            or _AR_SETTLEMENT_BEFORE.search(text, max(0, start - 12), start)
        in_list = plural and i > 0 and LIST_GAP.match(text[spans[i - 1][1]:start]) is not None
        named = bool(before or _SETTLEMENT_AFTER.match(text, end) or in_list)
        plural = unlocated and (bool(before and before.group("plural")) or in_list)
        if unlocated and named and not _PLACED_BY_WHAT_FOLLOWS.match(text, end) \
                and not _placed_elsewhere(text, spans, places, i, frame, sentences, gazetteer):
            area = area or _frame_area(frame, places, gazetteer)
            if area is None:
                break
            out[i] = _located_at(text[start:end], area)
    return out


def _placed_elsewhere(text: str, spans: Sequence[tuple[int, int]], places: Sequence[Place], i: int,
                      frame: Frame, sentences: Sequence[tuple[int, int]], gazetteer: Any) -> bool:
    """Whether the text puts `places[i]` outside the frame's province: its sentence names a
    located place elsewhere ("In El Gezira state, fighters stormed the village of Tabat", "the
    village of X in northwest Syria" under a Beirut dateline), or a province or city of the
    frame's country that was not read as a place ("Kharkiv regional governor Oleh Syniehubov
    said a drone hit the village of X"); or the sentence before it in its paragraph names a
    place in another province of the frame's country ("Violence also hit Yobe State. Gunmen
    raided the village of X"). The frame's own country, named alone, places nothing elsewhere;
    nor does a foreign country in the sentence before (often who acted: "backed by the United
    States")."""
    at = spans[i][0]
    k = next((j for j, (a, b) in enumerate(sentences) if a <= at < b), None)
    if k is None:
        return False
    lo, hi = sentences[k]
    before = sentences[k - 1][0] if k > 0 and "\n" not in text[sentences[k - 1][1]:lo] else lo
    for (a, _), p in zip(spans, places, strict=True):
        if not before <= a < hi or p.latitude is None or _FOR_ITS_RULERS.search(text, max(0, a - 40), a):
            continue
        if p.country_code != frame.country_code:
            if a >= lo:
                return True
        elif p.feature_code not in ("PCLI", "CONT") and p.admin1 != frame.admin1:
            return True
    for m in _CAPITALISED.finditer(text, lo, hi):
        if _FOR_ITS_RULERS.search(text, max(0, m.start() - 40), m.start()):
            continue
        for c in gazetteer.candidates(m.group()):
            if c.match == 2 and c.country_code == frame.country_code and c.admin1_code != frame.admin1_code \
                    and (c.feature_code == "ADM1" or c.feature_class == "P" and c.population >= _WELL_KNOWN_POPULATION):
                return True
    return False

"""What the words around a toponym say about it: cues read from the text.

"Homs province", "the countryside of Homs" → an administrative area is meant;
"near Palmyra", "10 km east of Raqqa", "the outskirts of X" → the event is near the town
(ACLED geo_precision 2); "eastern Syria" → part of a region; "Tripoli, Libya" → the
place after the comma contains the one before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic.text import ARABIC_LETTER, strip_marks

_DIR = (
    r"(?:north|south|east|west|central|northern|southern|eastern|western|north-?east(?:ern)?|"
    r"north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)"
)
_ADMIN_AFTER = re.compile(
    r"^\s*(?:['’]s\s+(?:(?:north|south|east|west)(?:ern)?\s+)?)?(province|governorate|governate|countryside|district|county|region|oblast|wilayat|"
    r"muhafazat|prefecture|state\b(?!\s+(?:media|department|television|tv|news|agency|run|owned|forces|"
    r"of)))",
    re.IGNORECASE,
)
_ADMIN_BEFORE = re.compile(
    r"\b(province|governorate|countryside|district|county|region|countrysides|desert|suburbs|outskirts|"
    r"vicinity|environs|periphery|outskirt|(?<!head\sof\s)(?<!secretary\sof\s)state)\s+of\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?"
    r"(?:[ae][lnrsdtz]-)?$",  # "the province of al-|Bayda": an Arabic name's article may open it
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|close\s+to|around|outside(?:\s+of)?|just\s+outside|on\s+the\s+edge\s+of|"
    r"in\s+the\s+area\s+of|west\s+of|east\s+of|north\s+of|south\s+of|"
    + _DIR
    + r"\s+of|(?:km|kilometers|kilometres|miles|mi)\s+(?:\(\d+\s*\w+\)\s+)?(?:to\s+the\s+)?"
    + _DIR
    + r"?\s*(?:of|from)|(?:outskirts|vicinity|environs|countryside|suburbs|periphery|surroundings)\s+of)\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|village\s+of\s+)?)$",
    re.IGNORECASE,
)
_PART_BEFORE = re.compile(r"\b(?:in\s+|across\s+)?(?:the\s+)?(?:far\s+)?" + _DIR + r"\s+$", re.IGNORECASE)
# Words that make a name a polity, not a town: "New York Gov. Cuomo", "the Quebec government",
# "Governor of Kentucky" — an admin area (or country) over the town of the same name.
_POLITY_AFTER = re.compile(
    r"^\s*(?:['’]s\s+)?(?:gov\.|governor|government|premier|legislature|lawmakers|legislators|parliament|"
    r"state\s+(?:senate|house|assembly|government|legislature|police|capitol)|health\s+minister|"
    r"attorney\s+general|secretary\s+of\s+state|provincial|statewide|province-wide)(?:\b|(?<=\.))",
    re.IGNORECASE,
)
_POLITY_BEFORE = re.compile(
    r"\b(?:(?i:governor|government|premier|legislature|gov\.)\s+of\s+(?:the\s+)?|"
    # "western states such as California or Washington": each name of the list
    r"(?i:states|provinces)\s+(?i:such\s+as|like|including)\s+"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|,?\s+(?:and|or))\s+)*)$",
)
# "the Atlantic", "the eastern Pacific", "the Gulf": towns rarely take the article; seas,
# regions and ranges do.
_THE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?:(?:[a-z]+ern|tropical|north|south|east|west|central|upper|lower|greater|wider|whole|entire|"
    r"far|deep|mid|occupied|divided)[\s-]+)*$"
)
# "Marion, the county seat", "Marion, the seat of Grant County", "the county seat of Marion".
_SEAT_AFTER = re.compile(r"^\s*,\s*(?:the\s+|a\s+)?(?:county\s+seat|seat\s+of\b)", re.IGNORECASE)
_SEAT_BEFORE = re.compile(r"\bcounty\s+seat(?:\s+of)?\s+$", re.IGNORECASE)
# "the villages of Maan, Tayyeba and Karah", "Ayash village": each item a settlement. Not
# "Torkula village of Guma", where the place after "of" holds the village.
_SETTLEMENT_BEFORE = re.compile(
    r"(?:(?:^|[^\w\s]|\b[a-z][\w'’-]*|\b(?:The|A|Two|Three|Several))\s*)"
    r"(?P<word>(?i:villages?|towns?|hamlets?))\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|,?\s+(?:and|or))\s+)*$")
_SETTLEMENT_AFTER = re.compile(r"^\s+(?i:village|hamlet)\b")
# "the commune of Maluku", "Bambeto neighbourhood": a unit smaller than a province, which no
# first-level area of another country is (not "the forests of Ituri": a province has them).
_LOCAL_BEFORE = re.compile(r"\b(?i:communes?|neighbou?rhoods?|quarters?)\s+of\s+(?:the\s+)?$")
_LOCAL_AFTER = re.compile(r"^\s+(?i:commune|neighbou?rhood|quarter)\b")
# "Luuk town", "Patikul town": a town by its name (not "a Benue town", a town of Benue).
_TOWN_AFTER = re.compile(r"^\s+(?i:town)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+$")
_CONTAINER_AFTER = re.compile(r"^\s*,\s*(?:in\s+)?(?:the\s+)?")
# The words between two items of a list of places — "Abu Kamal, Mayadin and Palmyra",
# "Homs governorate and Hama", "Daraa as well as the towns of Nawa and Jasim",
# "Tripoli/Benghazi" — one definition for the resolver, container inheritance and events.
LIST_GAP = re.compile(
    r"^(?:(?=.*(?:,|\band\b|\bor\b|&|/))"
    r"(?:\s+(?:governorate|province|district|city|town|village|camp|area|countryside|region|neighbo(?:u)?rhood))?"
    r"\s*[,/]?\s*(?:and|or|as\s+well\s+as|&)?\s*(?:the\s+)?"
    r"(?:(?:towns?|villages?|cit(?:y|ies)|camps?|areas?|neighbo(?:u)?rhoods?)\s+of\s+)?"
    # Arabic: "الميادين والبوكمال", "حلب، إدلب وحماة", "قرية X وبلدة Y" — the conjunction
    # is glued to the next name, outside its span
    r"|(?=.*(?:[،,/]|(?:^|\s)و|(?:أو|او)\s))\s*[،,/]?\s*(?:(?:أو|او)\s+)?و?"
    r"(?:(?:قرية|قريه|بلدة|بلده|مدينة|مدينه|حي|مخيم|منطقة|منطقه|ناحية|ناحيه)\s+)?)$",
    re.I,
)


@dataclass(frozen=True)
class Cues:
    """admin: an administrative area is named ("Homs province", "countryside of Homs").
    near: the text places something near, around or at a distance from the place.
    part: a directional part of the place ("eastern Syria", "northern Aleppo").
    countryside: "countryside of X" / "X countryside" — part of X's governorate.
    polity: a government word goes with the name ("the Quebec government", "New York Gov.").
    article: "the" comes before the name ("the Atlantic", "the eastern Mediterranean").
    seat: the text calls the place a county seat ("Marion, the county seat", "the county seat
    of Marion"): a town that is the seat of its county.
    settlement: the text calls the place a village or town ("the villages of Maan and
    Karah", "Ayash village"): a settlement, never an administrative area of that name.
    village: "the village of X" (one village): never a city of a hundred thousand ("the
    village of Arak" near Palmyra is not Iran's Arak).
    quarter: "حي X", "شارع X", "ساحة X", "دوار X": a part of a town, Arabic only.
    local: the text calls the place a commune, neighbourhood or quarter ("the commune of
    Maluku"), or a settlement: smaller than a province.
    """

    admin: bool = False
    near: bool = False
    part: bool = False
    countryside: bool = False
    district: bool = False
    polity: bool = False
    article: bool = False
    seat: bool = False
    settlement: bool = False
    village: bool = False
    quarter: bool = False
    local: bool = False


def read_cues(text: str, start: int, end: int) -> Cues:
    if _ARABIC.search(text, start, end):
        return _arabic_cues(text, start, end)
    before = text[max(0, start - 80) : start]
    after = text[end : end + 40]
    m_after = _ADMIN_AFTER.match(after)
    m_before = _ADMIN_BEFORE.search(before)
    words = {m.group(1).lower() for m in (m_after, m_before) if m}
    settled_before = _SETTLEMENT_BEFORE.search(before)
    settled = bool(settled_before or _SETTLEMENT_AFTER.match(after)
                   or _TOWN_AFTER.match(after) and not _ARTICLE_BEFORE.search(before)) and not m_after \
        and not _POSSESSIVE_AFTER.match(after)
    admin_words = {
        "province",
        "governorate",
        "governate",
        "countryside",
        "countrysides",
        "district",
        "county",
        "region",
        "oblast",
        "wilayat",
        "muhafazat",
        "prefecture",
        "state",
    }
    return Cues(
        admin=bool(words & admin_words),
        near=bool(_NEAR_BEFORE.search(before))
        or bool(words & {"outskirts", "vicinity", "suburbs", "environs"}),
        part=bool(_PART_BEFORE.search(before)),
        countryside=bool(words & {"countryside", "countrysides"}),
        district=bool(words & {"district", "county"}),
        polity=bool(_POLITY_AFTER.match(after) or _POLITY_BEFORE.search(before)),
        article=bool(_THE_BEFORE.search(before)),
        seat=bool(_SEAT_AFTER.match(after) or _SEAT_BEFORE.search(before)),
        # "villages of Helmand province", "towns of Aleppo's countryside": the places in an area.
        settlement=settled,
        # ("the villages of Maiduguri" are those of the city; "Nairobi village" may be the capital)
        village=settled and settled_before is not None
        and settled_before.group("word").lower() in ("village", "hamlet"),
        local=settled or bool(_LOCAL_BEFORE.search(before) or _LOCAL_AFTER.match(after)),
    )


def container_span(text: str, end: int, spans: list[tuple[int, int]]) -> int | None:
    """Index of the span right after ", " following `end` ("Tripoli, Libya"), if any."""
    m = _CONTAINER_AFTER.match(text[end : end + 12])
    if not m:
        return None
    nxt = end + m.end()
    for i, (s, _e) in enumerate(spans):
        if s == nxt:
            return i
    return None


_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


def possessor_span(text: str, start: int, spans: list[tuple[int, int]]) -> int | None:
    """Index of the span owning this one: "Cairo's Abbasiya district" → "Cairo"."""
    m = _POSSESSIVE_BEFORE.search(text[max(0, start - 4) : start])
    if not m:
        return None
    own_end = start - (len(text[max(0, start - 4) : start]) - m.start())
    for i, (s, e) in enumerate(spans):
        if e == own_end or (e == own_end + 2 and s < own_end):
            return i
    return None


# --- Arabic --------------------------------------------------------------------------
# The same cues and container phrases in Arabic, read on folded text (`arabic.text`):
# "بريف دير الزور الشرقي", "محافظة حلب", "قرب مدينة تدمر", "قرية X في ريف Y". A proclitic
# glued to the name ("بدير الزور") lies outside the span, so it ends the text before it.
_ARABIC = re.compile(f"[{ARABIC_LETTER}]")
_AR_GLUED = re.compile(f"[{ARABIC_LETTER}]+$")
_AR_CLITIC = r"(?:[وف]?[بلك]?(?:ال)?)"
_AR_DIRECTION = r"(?:(?:شمال|جنوب)(?:\s*(?:ال)?(?:شرق|غرب))?|شرق|غرب)ي?"
_AR_ADMIN_BEFORE = re.compile(rf"(?:^|\s){_AR_CLITIC}(ريف|محافظه|ولايه|قضاء|قضا)\s+$")
_AR_ADMIN_OPENS = re.compile(rf"{_AR_CLITIC}(ريف|محافظه|ولايه|قضاء|قضا)\s+(?=\S)")
_AR_NEAR_BEFORE = re.compile(
    rf"(?:^|\s)[وف]?(?:ب|في\s+|من\s+|الي\s+)?(?:ال)?"
    rf"(?:قرب(?:\s+من)?|مقربه\s+من|محيط|اطراف|ضواحي|باديه|(?:كم|كيلومتر\S*)\s+من|{_AR_DIRECTION})"
    r"(?:\s+(?:مدينه|بلده|قريه))?\s+$"
)
_AR_PART_AFTER = re.compile(rf"^\s+(?:ال{_AR_DIRECTION}ه?|الاوسط|الوسطي)(?![{ARABIC_LETTER}])")
_AR_POLITY_BEFORE = re.compile(r"(?:^|\s)[وف]?[بل]?(?:محافظ|حاكم|حكومه)\s+$")
_AR_DISTRICT = {"قضاء", "قضا"}


def _arabic_cues(text: str, start: int, end: int) -> Cues:
    """`Cues` of an Arabic mention: "ريف X" and "محافظة X" name the governorate (before the
    span or opening it: "بريف دمشق"), "قرب X", "شرق X", "أطراف X", "بادية X" put the event
    near X, "X الشرقي" is a part of X."""
    before = _AR_GLUED.sub("", strip_marks(text[max(0, start - 60) : start]))
    after = strip_marks(text[end : end + 30])
    admin = _AR_ADMIN_BEFORE.search(before) or _AR_ADMIN_OPENS.match(strip_marks(text[start:end]))
    word = admin.group(1) if admin else ""
    return Cues(
        admin=admin is not None,
        near=_AR_NEAR_BEFORE.search(before) is not None,
        part=_AR_PART_AFTER.match(after) is not None,
        countryside=word == "ريف",
        district=word in _AR_DISTRICT,
        polity=_AR_POLITY_BEFORE.search(before) is not None,
        village=_AR_VILLAGE_BEFORE.search(before) is not None or _AR_VILLAGE_OPENS.match(strip_marks(text[start:end]))
        is not None,
        quarter=_AR_QUARTER_WORD.search(before) is not None or _AR_QUARTER_OPENS.match(strip_marks(text[start:end]))
        is not None,
    )


# "قرية X", "وقرية X", "مزرعة X": the word for a village or a farm before the name, or opening it.
_AR_VILLAGE_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?(?:قري[ةه]|مزرع[ةه])\s*$")
_AR_VILLAGE_OPENS = re.compile(r"[وفبل]?(?:ال)?(?:قري[ةه]|مزرع[ةه])\s")
# "حي X", "شارع X", "ساحة X", "دوار X": the word for a part of a town before the name, or opening it.
_AR_QUARTER_WORD = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?(?:حي|احياء|شارع|ساح[ةه]|دوار)\s*$")
_AR_QUARTER_OPENS = re.compile(r"[وفبل]?(?:ال)?(?:حي|شارع|ساح[ةه]|دوار)\s")


# Words between a place and the one the text puts it in, each with an optional ب / ل
# glued to it: "X في ريف Y", "X بريف Y", "X، ضمن محافظة Y", "X التابعة لمحافظة Y",
# "حي X في مدينة Y", "X بـ Y" (the ب glued to Y).
_AR_LINK = {"الواقعه", "الواقع", "التابعه", "التابع", "واقعه", "تابعه", "من"}
# (with the first-level and district words of the Arabic press beyond Syria: Somalia's and
# Kurdistan's إقليم, Yemen's مديرية, Sudan's محلية, the Maghreb's مقاطعة)
_AR_AREA = {"ريف", "محافظه", "مدينه", "منطقه", "ناحيه", "بلده", "قريه", "باديه", "قضاء", "قضا", "ولايه",
            "اطراف", "ضواحي", "حي", "مركز", "اقليم", "مديريه", "محليه", "مقاطعه"}
_AR_NEAR = {"قرب", "بالقرب", "القرب", "محيط", "مقربه", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي",
            "جنوبي", "اطراف", "ضواحي", "باديه", "علي", "بعد", "كم"}


def without_arabic_place_word(name: str) -> str | None:
    """ "ريف حلب" → "حلب", "بمدينة الميادين" → "الميادين": the name after the place word
    (with its proclitics) that opens an Arabic toponym; None when none opens it."""
    first, _, rest = strip_marks(name).strip().partition(" ")
    core = re.sub(r"^[وف]?[بل]?", "", first)
    if rest and (first in _AR_AREA | {"مخيم"} or core in _AR_AREA | {"مخيم"}):
        return rest.strip()
    return None


def arabic_container_gap(gap: str, *, near: bool = False) -> bool:
    """Whether the Arabic words between two toponyms put the first in the second ("X في
    ريف Y", "X بمحافظة Y", "X في Y"; with `near`, also "X قرب Y", "X شرق Y"). A lone
    comma or "و" is a list, not a container."""
    if len(gap) > 120:
        return False  # even with every letter marked, too long to read as "in" (and cheap to refuse)
    g = strip_marks(gap)
    if len(g) > 40 or not g.strip() or re.search(r"[A-Za-z.؛;:!؟?()]", g):
        return False
    toks = g.replace("،", " ").replace(",", " ").split()
    said = False  # a word that says "in" (or, with `near`, "near")
    for k, tok in enumerate(toks):
        if k == len(toks) - 1 and not g[-1].isspace():
            # a proclitic glued to the container's name: "X بدير الزور", "التابعة للرقة"
            return tok in ("ب", "ل", "لل", "بال")
        core = tok[1:] if tok[:1] in "بل" and tok[1:] in _AR_AREA | _AR_NEAR else tok
        if tok in ("في", "ضمن", "داخل") or core in _AR_AREA or near and core in _AR_NEAR:
            said = True
        elif not (tok in _AR_LINK or near and tok.isdigit()):
            return False
    return said

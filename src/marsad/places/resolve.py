"""Choose, for each toponym of a document, the place it means — or say it is unknown.

1. candidates: every gazetteer place with the name (plain-name or transliteration-key
   match); demonyms ("Syrian", "Iowans") map to their place; a name that is none itself
   falls back on a place inside it ("Dubai World Cup" → Dubai).
2. prior (`prior.py`): how likely a bare mention means this candidate — countries, capitals, admin1
   areas and big towns first; exact names over key-only matches.
3. context, in two passes over the spans in text order: the confidently resolved
   toponyms, the demonyms and the country names written anywhere in the text give the
   document's countries, admin1 areas and points (a toponym never counts as evidence for
   its own reading); every toponym is then re-scored with them, with the words around it
   ("Homs province", "near Palmyra", "the Quebec government", "the Atlantic"), with the
   place that holds it ("Tripoli, Libya", "Al-Joura neighbourhood of Deir ez-Zor",
   "Cairo's Abbasiya" — a comma between two peers is a list, not a container) and with
   its peers in a list ("Alberta, Saskatchewan and Newfoundland"); a town that other
   names of the story can lie beside gains (London with St. Thomas is in Ontario, Edmonton
   with Enfield in north London), before any context is known.
4. decision: a calibrated score in [0, 1]; under the threshold, or a small place abroad
   while the document is clearly about another country, the toponym stays unresolved
   (`Place(name=text)`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..records import Place
from .context import (
    LIST_GAP,
    Cues,
    arabic_container_gap,
    container_span,
    possessor_span,
    read_cues,
    without_arabic_place_word,
)
from .frame import DATELINE_VOTES, OUTLET_VOTES, Frame, FrameVotes, filed_abroad, find_dateline, place_votes
from .gazetteer import Candidate, Gazetteer
from .names import (
    has_admin_word,
    is_arabic_name,
    is_national_site,
    is_site,
    is_street_word,
    name_key,
    plain_name,
    strip_admin_words,
)
from .prior import DEFAULT_THRESHOLD, MATCH_WEIGHT, calibrate, prior, uncalibrate

_IMPORTANT_CODES = frozenset({"PCLI", "CONT", "ADM1", "PPLC", "RGN", "OCN", "SEA", "GULF"})
_REGION_CODES = frozenset(
    {"PCLI", "CONT", "ADM1", "RGN", "OCN", "SEA", "GULF", "STRT", "PEN", "DSRT", "MTS", "STM", "PLAT", "AREA"}
)
# Countries whose place names reach English news transliterated from another script, so
# that one place has many spellings ("Deir ez-Zor", "Dayr az Zawr"): only there may a
# spelling-key match alone name a town. Elsewhere a name has one spelling, and a key match
# is another name ("Rayle" is not Riley, Kansas).
_TRANSLITERATED = frozenset(
    "SY IQ LB JO PS IL YE SA AE OM QA BH KW EG LY TN DZ MA SD SS MR SO DJ ER ET IR AF PK IN BD NP LK BT MV MM "
    "TH LA KH CN TW HK MO JP KR KP MN RU BY UA BG RS MK ME BA GR CY GE AM AZ KZ KG TJ TM UZ".split()
)
# A country with this share of a document's place evidence is a real part of its story.
_STORY_SHARE = 0.25
_CAPS_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|and)\s+)*[A-Z][\w'’.-]*)*")
# Words between a place and the one that holds it: "Al-Joura neighbourhood of Deir ez-Zor",
# "Mayadin, in the eastern countryside of Deir ez-Zor", "Qatraneh in the Karak district".
_CONTAINS_GAP = re.compile(
    r"^(?:\s+(?:warehouses?|depots?|neighbo(?:u)?rhoods?|camps?|village|town|city|area|district|checkpoint|"
    r"base|crossing|farms?|fields?|sub-district|suburbs?|quarter)\s*,?\s+(?:in|of|inside|within)|\s*,\s+(?:in|inside|within)"
    # "Lahore, the capital of Punjab province": a capital lies in what it is the capital of.
    r"|\s*,\s+(?:the|its)\s+(?:provincial\s+|state\s+|regional\s+|district\s+)?capital\s+of"
    # "al-Zahir in the central province of al-Bayda": the area's word says what holds it.
    r"|\s+(?:in|inside|within)(?=\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
    r"(?:province|governorate|state|region)\s+of\b))"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-eastern|-western)?\s+|central\s+)?"
    r"(?:(?:outskirts|countryside|suburbs)\s+of\s+)?"
    r"(?:the\s+)?(?:(?:city|town|province|governorate|district|state|region)\s+of\s+)?(?:[ae][lnrsdtz]-)?$",
    re.IGNORECASE,
)
# A name after the Arabic article ("al-Marj", "el-Arish") is read among the places of the lands
# that write their names in Arabic or keep Arabic names, when it names one there (El-Wak in
# Kenya and El Paso keep their own).
_ARABIC_ARTICLE = re.compile(r"\b(?:[Aa]l|[Ee]l|[Aa][nrstdz]|[Aa]sh)-$")
_ARABIC_ARTICLE_OPENS = re.compile(r"(?:[Aa]l|[Ee]l|[Aa][nrstdz]|[Aa]sh)-\w")
ARABIC_NAMING = frozenset("""SY IQ LB JO PS IL EG LY TN DZ MA EH SA YE OM AE QA BH KW SD SS MR SO DJ KM TD ER TR IR
KE NE ML AF PK""".split())
# "In Bolivia, officials in Santa Cruz …": a sentence that opens on a country tells what
# follows inside it (`_scope`; a state or province that opens one weighs nothing here).
_SCOPE_OPENS = re.compile(r"(?:(?:^|[.!?]['’\"”]?\s+|\n)\s*"
                          r"(?:(?:But|And|Meanwhile|Elsewhere|Further south|Further north),?\s+)?In"
                          r"|[,;]\s+(?:and|but|while)\s+in)\s+(?:the\s+)?$")
_SENTENCE_END = re.compile(r"[.!?](?:['’\"”])?\s+(?=[A-Z\"“])|\n")


# What a sentence's opening country adds to a reading of a later name inside it, and takes
# from one outside it: enough to choose Costa Rica's San José over California's; a country's
# own reading neither gains nor loses.
_SCOPE_BONUS = 0.6
# A name said or sent somewhere ("said strikes on Aleppo", "aid to Palestine", "goods from
# China") is not where the sentence's people are.
_SCOPE_ELSEWHERE = re.compile(r"\b(?:to|from|towards|into|on|against|with|over|about|said|says|say)\s+(?:the\s+)?$",
                              re.I)


def _scope(text: str, bounds: list[tuple[int, int]], i: int) -> int | None:
    """The index of the place a sentence opens on ("In Bolivia, …"), for a place the sentence
    names later where its people are ("officials in Santa Cruz")."""
    s = bounds[i][0]
    if _SCOPE_ELSEWHERE.search(text, max(0, s - 30), s):
        return None
    for j in range(i - 1, -1, -1):
        a, b = bounds[j]
        if s - b > 200 or _SENTENCE_END.search(text, b, s):
            return None
        if _SCOPE_OPENS.search(text[max(0, a - 40):a]):
            return j
    return None


def _country_of(result: Sequence[tuple[Candidate | None, float]], j: int | None) -> Candidate | None:
    """The reading of span j when it is a country."""
    if j is None:
        return None
    c = result[j][0]
    return c if c is not None and c.feature_code == "PCLI" else None


# "London, about 190 kilometres west of Toronto", "a village 20 miles north of Mosul".
_DISTANCE_OF = re.compile(
    r"\s*,?\s+(?:some |about |around |roughly |nearly |almost |more than |less than |over |under )?"
    r"(\d[\d,]*)\s*(km|kilometres|kilometers|miles)\s+(?:\(\d[\d,]*\s*(?:km|miles)\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:city|town|capital|village)\s+of\s+)?$", re.I)


def _at_distance(c: Candidate | None, point: tuple[float, float], d: float) -> bool:
    """Whether a reading lies half to one and a half times `d` km (and 50 km) from `point`."""
    return c is not None and c.latitude is not None and c.longitude is not None \
        and 0.5 * d - 50 <= km((c.latitude, c.longitude), point) <= 1.5 * d + 50


def _at_distances(text: str, bounds: list[tuple[int, int]], cands: list[list[Candidate]],
                  result: list[tuple[Candidate | None, float]]) -> list[tuple[Candidate | None, float]]:
    """A place the text puts some distance from another lies about that far from it: of its
    readings, the likeliest one within half to one and a half times the distance (and 50 km)
    of the other's reading, when the reading chosen is not."""
    out = list(result)
    for i in range(len(bounds) - 1):
        j = i + 1
        m = _DISTANCE_OF.match(text[bounds[i][1]:bounds[j][0]])
        other = result[j][0]
        if m is None or other is None or other.latitude is None or other.longitude is None:
            continue
        d = float(m.group(1).replace(",", "")) * (1.609 if m.group(2).lower() == "miles" else 1.0)
        if _at_distance(out[i][0], (other.latitude, other.longitude), d):
            continue
        near = [c for c in cands[i] if c.match > 0 and c.feature_class == "P"
                and _at_distance(c, (other.latitude, other.longitude), d)]
        if near:
            out[i] = (max(near, key=prior), max(out[i][1], 0.6))
    return out


_TEXT_CONTAINER = re.compile(r"\s*,\s*(?:in\s+)?(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})")
_TOKEN = re.compile(r"[\w'’.-]+")
# A town this big is known abroad: a story about another country may still mention it
# (Liverpool in an Egyptian story); a smaller namesake abroad (Ayaş for Ayash) is not.
_FAMOUS_POPULATION = 100_000
_WORLD_CITY_POPULATION = 500_000
_FAMOUS_NAMES = 15
# Words that make no place of their own in a longer name ("Dubai World Cup").
_EMBED_STOP = frozenset(
    "world cup university college school hospital general office center centre international national "
    "federal state city county airport station church cathedral park street road mall club hotel "
    "museum academy institute tower bridge river lake bay gulf sea dam mount new old great royal saint st the "
    "of and north south east west northern southern eastern western central upper lower".split()
)
# Words that end the name of a settlement or a feature ("Tennessee Colony", "Meadow Grove",
# "Elkhorn River", "Marigny Canal"): such a name is a place of its own.
_SETTLEMENT_WORDS = frozenset(
    "colony grove groves river creek springs spring heights hills hill valley lake lakes beach falls "
    "junction village township mills mill ridge crossing point harbor harbour bay island islands mountain "
    "county parish landing bluff bend ferry gardens woods forest glen canyon shores estates acres plains "
    "prairie meadows fields rapids corner corners cove wells gap summit plantation settlement canal".split()
)
_WATER_END = re.compile(r"\s(?:River|Creek|Lake|Bay|Reservoir|Dam|Canal|Brook)$", re.IGNORECASE)
# Words that open a place's own name: a fort, a mountain ("Mount Washington" is not in the
# capital). A lake is left out: it is often named after the town on its shore ("Lake Manassas").
_OWN_PLACE_HEADS = frozenset({"fort", "mount", "mt", "mt."})
# Words that open Arabic and Hebrew place names ("Tal Maleh" hill of Maleh, "Kafr Nabudah",
# "Deir Hafer", "Kiryat Shmona"): a name they open holds no place but one it opens with
# ("Deir ez-Zor Airport"); "Tal Maleh" is not a "Tal" in India nor a "Maleh" elsewhere.
_NAME_HEADS = frozenset(
    "tal tall tel tell kafr kfar kafar deir dayr dair ain ayn ein beit bayt bait jabal jebel jabel khirbet khirbat "
    "umm ras wadi qasr maarat maaret marat hayy kiryat givat nahal".split()
)
# "Plymouth Co.", "PLYMOUTH CO", "Co. Durham": the county abbreviated (US and British Isles).
_COUNTY_BEFORE = re.compile(r"^(?:Co|CO)\.\s*(?=[A-Z])")
_COUNTY_AFTER = re.compile(r"(?<=\w)\s+(?:Co|CO)\.?$")
_TOWNSHIP = re.compile(r"\s+(?:Township|Twp\.?|TOWNSHIP)$")
_CITY_WORD = re.compile(r"\bcity\b", re.IGNORECASE)
_SUBDISTRICT = re.compile(r"\b(?:sub-?district|nahiyah?|township|twp\.?)(?:\b|$)|ناحي[ةه]", re.IGNORECASE)
_DISTRICT_WORD = re.compile(r"^(?:county|co\.)\s|\b(?:county|district|co\.?)$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
# Words news uses for a part of the world or a people's lands ("Western countries", "the
# West", "the Arab world"). Provinces and towns bear them too (Uganda's Western region,
# Cameroon's West, Arab in Alabama), but the word names one only in a story about its country.
_WORLD_PART_WORDS = frozenset({"west", "east", "north", "south", "western", "eastern", "northern",
                               "southern", "central", "arab"})
_TRAIL = re.compile(r"(?:['’]s|['’])$")

Span = tuple[int, int] | tuple[int, int, str]
# Same-name towns with no country written in the story (London, Ontario or England;
# Edmonton, Alberta or north London): the reading that other names of the story can lie
# beside wins. A neighbour is a reading of another name within _NEAR_KM, or an area that
# holds this one; each of up to two such names adds _NEAR_BONUS.
_NEAR_KM = 100.0
_NEAR_BONUS = 0.15
# A namesake this many times bigger makes nearness no evidence for a town.
_DOMINANCE = 100
# Only towns known beyond their county take part: among small places, some namesake of
# one name lies near some namesake of another by chance (there are 40 Washingtons).
_NEAR_MIN_POPULATION = 10_000
# A village as the gazetteer knows one: a few thousand people at most.
_VILLAGE_POPULATION = 5_000
# ... and a village that far from every other place of the story is no neighbour of its frame.
_LONELY_KM = 250.0
# Bonus by where a reading lies against the story's frame (`Frame.tier`): elsewhere, in the
# frame's country, in its admin1 (or the frame country itself), in its admin2. Inside the
# admin1 it outweighs the prior of a world-famous namesake (Paris, Tennessee over Paris,
# France); words of the text ("Paris, France", "Tripoli, Libya") still outweigh it. The
# rest of the frame's country gains nothing: the document's countries already count
# (`DocContext`), and Paris, Texas is no likelier than Paris, France in a New Jersey story.
_FRAME_BONUS = (0.0, 0.0, 0.55, 0.7)


@dataclass
class DocContext:
    """What a document is about, as weights: countries, admin1 areas, resolved points."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[float, float]] = field(default_factory=list)
    # Countries named by what is unambiguous on its own (pass 1, demonyms, the caller's
    # hint): the evidence for "the document is about country X".
    anchors: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    own_anchor: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))

    # What each name itself contributed: a toponym is no evidence for its own reading
    # ("Tripoli" resolved to Libya's capital must not vote for Libya when re-scored).
    own_countries: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    own_admin1: dict[str, dict[tuple[str, str], float]] = field(default_factory=lambda: defaultdict(dict))
    point_names: list[str] = field(default_factory=list)
    # The story's frame (`frame.py`): its admin1 and admin2, read without each name's own votes.
    frame_votes: FrameVotes | None = None

    def frame(self, name: str = "") -> Frame | None:
        return self.frame_votes.frame(without=name) if self.frame_votes is not None else None

    def country_share(self, cc: str | None, name: str = "") -> float:
        if not cc:
            return 0.0
        own = self.own_countries.get(name, {})
        total = sum(self.countries.values()) - sum(own.values())
        mine = self.countries.get(cc, 0.0) - own.get(cc, 0.0)
        return max(0.0, mine) / total if total > 1e-9 else 0.0

    def admin1_share(self, cc: str | None, a1: str | None, name: str = "") -> float:
        if not (cc and a1):
            return 0.0
        own = self.own_admin1.get(name, {})
        total = sum(self.admin1.values()) - sum(own.values())
        mine = self.admin1.get((cc, a1), 0.0) - own.get((cc, a1), 0.0)
        return max(0.0, mine) / total if total > 1e-9 else 0.0

    def other_points(self, name: str) -> list[tuple[float, float]]:
        return [p for p, n in zip(self.points, self.point_names, strict=True) if n != name]

    def main_country(self) -> tuple[str | None, float, float]:
        """(country code, its share, its weight) of the dominant anchor country, if any."""
        if not self.anchors:
            return None, 0.0, 0.0
        cc, w = max(self.anchors.items(), key=lambda kv: kv[1])
        return cc, w / sum(self.anchors.values()), w


_RANK = {"CONT": 0, "PCLI": 1, "RGN": 1, "ADM1": 2, "ADM2": 3}
_PROVINCE_WORD = re.compile(r"\bprovinces?\b", re.I)


def _rank(c: Candidate) -> int:
    """How big an area a place is: continent 0, country 1, admin1 2, admin2 3, anything else 4."""
    return _RANK.get(c.feature_code, 4)


@dataclass(frozen=True)
class Container:
    """The place the text puts a toponym in: `index` of its span; `explicit` when words say so
    ("Mayadin, in the countryside of Deir ez-Zor", "Al-Joura neighbourhood of Deir ez-Zor",
    "Cairo's Abbasiya") rather than a bare comma ("Tripoli, Libya" — but also lists:
    "Russia, Turkey and Iran")."""

    index: int | None
    explicit: bool
    candidate: Candidate | None = None  # a container written in the text but not a toponym span


def contains(container: Candidate, c: Candidate, explicit: bool) -> bool | None:
    """Whether `container` can hold `c` (None: the pair says nothing, as in a list of peers)."""
    if _rank(container) >= _rank(c) and not (
        explicit and _rank(c) == 4 and not c.is_area and container.population >= c.population
    ):
        return None  # peers; or "the Cincinnati suburb of West Chester", where the smaller is held
    if not container.country_code:  # a continent or region: no test
        return None
    if c.country_code != container.country_code:
        return False
    if container.feature_code != "PCLI" and container.admin1_code and c.admin1_code:
        return c.admin1_code == container.admin1_code
    return True


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (latitude, longitude) points."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _neighbours(
    names: Sequence[str], cands: Sequence[Sequence[Candidate]], settled: Mapping[str, Candidate] | None = None
) -> list[dict[int, int]]:
    """For each span, its candidates' counts of other names (distinct, in the same
    document) with a reading beside them: a town within `_NEAR_KM`, or an admin1/admin2
    area that holds them. Countries and continents say nothing here (context does that);
    towns under `_NEAR_MIN_POPULATION` neither get nor give support. A name `settled` on
    one reading lends support through that reading only: Ottawa read as Canada's capital
    does not put Geneva in Illinois beside Ottawa, Illinois."""
    by_name: dict[str, list[Candidate]] = {}
    for n, cs in zip(names, cands, strict=True):
        if settled and n in settled:
            c0 = settled[n]
            by_name[n] = [c0] if c0.match > 0 and c0.feature_code not in ("PCLI", "CONT", "RGN", "OCN", "SEA") else []
        elif n not in by_name:
            by_name[n] = [
                c
                for c in cs
                if c.match > 0
                and c.feature_code not in ("PCLI", "CONT", "RGN", "OCN", "SEA")
                and (c.population >= _NEAR_MIN_POPULATION or c.feature_code in ("ADM1", "ADM2") or c.curated)
            ]
    counts: dict[str, dict[int, int]] = {}
    for n, cs in by_name.items():
        out: dict[int, int] = {}
        for c in cs:
            k = sum(
                any(_beside(c, c2) for c2 in cs2) for n2, cs2 in by_name.items() if n2 != n and cs2
            )
            if k:
                out[c.geonameid] = k
        counts[n] = out
    return [counts[n] for n in names]


def _namesake_outside(best: Candidate, cands: Sequence[Candidate], frame: Frame, lonely: Callable[[], bool],
                      village_named: bool = False) -> bool:
    """Whether `best` is a small namesake outside the story's frame with none inside it: one
    among several (a Taiz story's "الروضة" neighbourhood is not the Rawdah village of Shabwah),
    or the one village known of that name, in another province of the frame's own country and
    near none of the story's other places (`lonely`: a Sagaing story's "Nyaung Kone village" is
    not a village by Yangon, but a Luhansk story's Torske, by Kreminna, is the Donetsk one). The
    gazetteer holds few villages, and the story's is one it lacks. Which place the story means
    is unknown, so the name stays unresolved rather than confidently wrong. A name the text
    calls a village (`village_named`: "the village of X", "قرية X") is no town of another
    province either, even a district's seat (a Quneitra story's "قرية القحطانية" is not the
    Hasakah town)."""
    if not frame.admin1_code or frame.tier(best) >= 2 or best.feature_class != "P" or best.curated:
        return False
    if best.population >= _NEAR_MIN_POPULATION or best.feature_code in ("PPLC", "PPLA"):
        return False
    if any(frame.tier(c) >= 2 for c in cands):
        return False
    towns = [c for c in cands if c.feature_class == "P" and c.match > 0]
    # (a town listed without population is an admin seat, not a village: Ras al-Ain)
    village = not best.seat and 0 < best.population < _VILLAGE_POPULATION \
        or village_named and best.population < _NEAR_MIN_POPULATION
    return len(towns) >= 2 or (village and best.country_code == frame.country_code and lonely())


def _state_of_country(outer: Sequence[Candidate], inner: Sequence[Candidate]) -> bool:
    """Whether a name after a comma is a province of the country of a reading of the name
    before it ("Holliday, Missouri" with only a Texas Holliday known): a container that
    holds none of its readings, not a list ("Copenhagen, Hamburg")."""
    countries = {c.country_code for c in inner if c.country_code}
    return any(o.feature_code == "ADM1" and o.match > 0 and o.country_code in countries for o in outer)


def _beside(c: Candidate, other: Candidate) -> bool:
    if c.geonameid == other.geonameid or c.country_code != other.country_code or not c.country_code:
        return False
    if other.feature_code == "ADM1":
        return c.feature_code != "ADM1" and c.admin1_code == other.admin1_code
    if other.feature_code == "ADM2":
        return c.feature_code not in ("ADM1", "ADM2") and (c.admin1_code, c.admin2_code) == (
            other.admin1_code,
            other.admin2_code,
        )
    if c.feature_code in ("ADM1", "ADM2"):
        return False  # a point beside an area: counted from the point's side
    if None in (c.latitude, c.longitude, other.latitude, other.longitude):
        return False
    return km((c.latitude, c.longitude), (other.latitude, other.longitude)) < _NEAR_KM  # type: ignore[arg-type]


def _one_sense_held(
    names: Sequence[str], containers: Sequence[Container | None], result: list[tuple[Candidate | None, float]],
    frame: Frame | None, peers: Sequence[Sequence[int]],
) -> list[tuple[Candidate | None, float]]:
    """One sense per story for a local name the text placed: once "LEBANON, Pa." or "Mexico,
    Missouri" says which town of the story's own state the name is, its other mentions with
    no container of their own are that town too ("guys would hear I was from Lebanon"), and
    so is the name inside a longer one ("Mexico High School"). A namesake placed outside the
    frame is the exception the writer marked ("a quartet from Newport, Rhode Island" in a
    Welsh paper): the name's other mentions stay as they are. A mention that is itself
    another's container keeps its reading ("Lima, Peru" in a story from Peru, Indiana), and
    so does one listed with a country ("served in Jordan and Iraq" in a story from Jordan,
    Minnesota): the list says which it is."""
    if frame is None:
        return result
    held: dict[str, tuple[Candidate, float]] = {}
    for n, cont, (best, conf) in zip(names, containers, result, strict=True):
        # (a town found by its consonants only inside the province written after it is held
        # wherever the frame is: nothing else would read its other mentions)
        if cont is not None and best is not None and best.feature_class == "P" \
                and (frame.tier(best) >= 2 or best.skeleton) \
                and cont.index is not None and _rank_of(result[cont.index][0]) in (2, 3):
            held.setdefault(n.lower(), (best, conf))
    if not held:
        return result
    is_container = {c.index for c in containers if c is not None and c.index is not None}
    out = list(result)
    for i, (n, cont, (best, _conf)) in enumerate(zip(names, containers, result, strict=True)):
        if cont is not None or i in is_container or any(
                (p := result[j][0]) is not None and p.feature_code == "PCLI" for j in peers[i]):
            continue
        same = held.get(n.lower())
        if same is None and best is not None and best.match < 2 and is_site(n):
            # "Mexico High School": the place inside a building's name is the held one.
            same = next((h for k, h in held.items() if f" {k} " in f" {n.lower()} " and
                         plain_name(best.name) == plain_name(h[0].name)), None)
        if same is not None:
            out[i] = same
    return out


def _rank_of(c: Candidate | None) -> int | None:
    return None if c is None else _rank(c)


def clean_name(text: str) -> str:
    """The name in a toponym span: "the Golan's" → "Golan"."""
    s = text.strip().strip('.,;:!?"“”()[]')
    s = _TRAIL.sub("", s)
    s = _LEAD.sub("", s)
    return " ".join(s.split())


class PlaceResolver:
    """Resolves toponyms against a `Gazetteer`; `threshold` is the least (calibrated)
    score to accept. Internally the resolver works with raw confidences; `to_place`
    maps them through `calibrate`."""

    def __init__(self, gazetteer: Gazetteer, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.gaz = gazetteer
        self.threshold = threshold
        self._raw_threshold = uncalibrate(threshold)
        words = sorted(self.gaz.demonym_words(), key=len, reverse=True)
        self._demonym_re = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None
        self._country_names: dict[str, str] = {}
        for n, cc in self.gaz.country_names():
            if n[:1].isupper() and n.isascii() and (len(n) >= 4 or n.isupper() and len(n) >= 2 and "." not in n):
                # A name that is also a big place or an admin area elsewhere ("Georgia") is no evidence.
                if not any(
                    c.match > 0 and c.feature_code != "PCLI" and (c.feature_code == "ADM1" or c.population >= 100_000)
                    for c in self.gaz.candidates(n)
                ):
                    self._country_names[plain_name(n)] = cc

    def countries_in_text(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """(start, end, country code) of country names written in `text` outside the `skip`
        spans: the article's countries even where nobody marked them as toponyms."""
        out = []
        for m in _CAPS_RUN.finditer(text):
            toks = [(t.start() + m.start(), t.end() + m.start()) for t in _TOKEN.finditer(m.group(0))]
            i = 0
            while i < len(toks):
                for j in range(min(len(toks), i + 5), i, -1):
                    s, e = toks[i][0], toks[j - 1][1]
                    cc = self._country_names.get(plain_name(text[s:e]))
                    if cc and text[s].isupper() and not any(a < e and s < b for a, b in skip):
                        out.append((s, e, cc))
                        i = j - 1
                        break
                i += 1
        return out

    # -- candidates ---------------------------------------------------------------

    def candidates(self, name: str, cues: Cues | None = None) -> list[Candidate]:
        """Candidates for a cleaned name; "Homs province" also looks up "Homs"; "Plymouth
        Co." and "Co. Durham" are counties; "Hanover Township" is read as the town of the
        name (the gazetteer holds no townships)."""
        name = _COUNTY_AFTER.sub(" County", _COUNTY_BEFORE.sub("County ", name))
        town = _TOWNSHIP.sub("", name)
        if town != name:
            return [Candidate(**{**c.__dict__, "match": 1}) for c in self.gaz.candidates(town)
                    if c.match == 2 and c.feature_class == "P" and c.feature_code != "PPLC"]
        cands = {c.geonameid: c for c in self.gaz.candidates(name)}
        if _WATER_END.search(name):
            # A river's or a lake's name is no town's, though GeoNames keeps old names of towns
            # that were ("Platte River" for Platteville): only a town of that very name stays.
            cands = {k: c for k, c in cands.items() if c.match == 2 or c.feature_class != "P"}
        if has_admin_word(name):
            stripped = strip_admin_words(name)
            # "Kansas City" and "Suffolk County" are places of their own when the gazetteer knows
            # them by the whole name: "Kansas" is looked up only when it does not.
            if stripped and stripped != name and not any(c.match > 0 for c in cands.values()):
                for c in self.gaz.candidates(stripped):
                    cands.setdefault(c.geonameid, c)
            elif stripped and _CITY_WORD.search(name) and not any(c.match == 2 for c in cands.values()):
                # "Springfield City" (Council) is another name of Springfield, Massachusetts only: the
                # towns called Springfield compete too, and the story's frame picks among them.
                for c in self.gaz.candidates(stripped):
                    if c.match == 2 and c.feature_class == "P":
                        cands.setdefault(c.geonameid, Candidate(**{**c.__dict__, "match": 1}))
        dem = self.gaz.demonym(name)
        if dem is not None:
            cands[dem.geonameid] = Candidate(**{**dem.__dict__, "match": 2})
        if not cands:
            # "ريف حلب", "بمدينة الميادين": the place word (its cue read by `read_cues`) goes
            inner = without_arabic_place_word(name)
            if inner:
                return self.gaz.candidates(inner) or list(self.gaz.transliterated(inner))
            if is_arabic_name(name):
                return list(self.gaz.transliterated(name))
            return self._embedded(name)
        return list(cands.values())

    def _embedded(self, name: str) -> list[Candidate]:
        """A place named inside a longer name that is none itself: "Dubai World Cup" → Dubai,
        "Russian Higher School of Economics" → Russia, "Robinson College Cambridge" →
        Cambridge. The longest such part wins; it matches as an alternate name at best (the
        whole is not the place). A street holds none: streets are named after anything
        ("Collins Avenue" is not in Collinsville)."""
        toks = name.split()
        if len(toks) < 2 or is_street_word(toks[-1]):
            return []
        if toks[-1].lower() in _SETTLEMENT_WORDS or toks[0].lower() in _OWN_PLACE_HEADS:
            # "Tennessee Colony", "Meadow Grove", "Fort Moore", "Mount Hermon": a place of its
            # own that the gazetteer lacks, not the place inside its name; it stays unresolved.
            return []
        # "Thomas Memorial Hospital", "Linden Court", "Christopher Inn": a building is named
        # after a person or a word far more often than after a small town of that name; only a
        # city, a province or a country inside its name locates it ("Aleppo University Hospital").
        site = is_site(name)
        for k in range(len(toks) - 1, 0, -1):
            found: list[Candidate] = []
            for i in range(len(toks) - k + 1):
                part = toks[i : i + k]
                # "New York Auto Show" holds New York; a lone "New" or "North" holds nothing.
                lead = part[0].lower() in _EMBED_STOP
                if not part[0][:1].isupper() or (lead and k == 1) or part[-1].lower() in _EMBED_STOP:
                    continue
                if toks[0].lower() in _NAME_HEADS and (i > 0 or k == 1):
                    continue  # "Tal Maleh": no "Tal" nor "Maleh" of elsewhere; "Deir ez-Zor Airport" holds Deir ez-Zor
                sub = " ".join(part)
                found += [
                    c
                    for c in self.gaz.candidates(sub)
                    # The part names the place itself, not a word of a longer name ("Grove"
                    # does not make Grove City); another of its names counts only for a
                    # country or a province ("US", "UK"): a town's other names are too many
                    # and too loose ("Thomas" for Beulah).
                    if c.match == 2
                    or c.match == 1 and not lead and c.feature_code in ("PCLI", "ADM1", "CONT")
                    and f" {plain_name(sub)} " not in f" {plain_name(c.name)} "
                    and (c.population >= 1000 or c.feature_class != "P" or c.curated)
                    if not site or c.feature_class != "P" or c.curated or c.population >= _FAMOUS_POPULATION
                ]
                # A people's name in a building's says whose it is or its style, not where it
                # stands ("the Russian Embassy", "the French Quarter", "the Armenian Church").
                dem = self.gaz.demonym(sub) if not site or is_national_site(name) else None
                if dem is not None:
                    found.append(Candidate(**{**dem.__dict__, "match": 2}))
            if found:
                return [Candidate(**{**c.__dict__, "match": 1}) for c in found]
        return []

    # -- scoring ------------------------------------------------------------------

    def _score(
        self,
        c: Candidate,
        name: str,
        cues: Cues,
        ctx: DocContext,
        container: Candidate | None,
        is_demonym: bool,
        explicit: bool = False,
        support: frozenset[int] = frozenset(),
        peers: Sequence[Candidate] = (),
        near: Mapping[int, int] | None = None,
        dominated: bool = False,
    ) -> float:
        base = 0.6 * prior(c) * MATCH_WEIGHT[c.match]
        # Context multiplies: it lifts a plausible candidate in the document's country or
        # province, but cannot make a hamlet beat the country of the same name.
        ctx_factor = 0.6 * ctx.country_share(c.country_code, name) + 0.5 * ctx.admin1_share(
            c.country_code, c.admin1_code, name
        )
        # Nearness to the story's other places tells namesakes of a like size apart; it does
        # not turn "California" into a village of 11,000 beside Washington.
        points = ctx.other_points(name) if ctx.points and not dominated else []
        if points and c.latitude is not None and c.longitude is not None and not c.is_area:
            d = min(km((c.latitude, c.longitude), p) for p in points)
            ctx_factor += 0.3 if d < 50 else 0.2 if d < 150 else 0.08 if d < 400 else 0.0
        s = base * (1.0 + ctx_factor)
        if near and not dominated:
            # Other names of the document that may lie beside this reading (London with
            # St. Thomas and Middlesex in Ontario; Edmonton with Enfield and Tottenham).
            s += _NEAR_BONUS * min(near.get(c.geonameid, 0), 2)
        if is_demonym:
            s += 0.6 if c.feature_code in ("PCLI", "CONT") or c.curated else -0.3
        named_district = bool(_DISTRICT_WORD.search(name))
        district = cues.district or named_district
        admin_named = cues.admin or has_admin_word(name) or named_district
        if admin_named:
            if c.feature_code == "ADM1" and not district:
                s += 0.5
            elif c.feature_code == "ADM2" and (district or c.match > 0 and _PROVINCE_WORD.search(name)):
                # (Burkina Faso's and Congo's provinces are GeoNames' second level: "the Seno
                # province" is Seno, not Turkey's Sinop by a looser spelling)
                s += 0.5
            elif c.feature_class == "P":
                s -= 0.1
        if district and c.feature_code in ("ADM1", "PCLI") and not named_district:
            # "the Dara district of the province" in an Afghan story is no Daraa governorate of
            # Syria: a district abroad is no first-level area of another country.
            frame = ctx.frame(name)
            if frame is not None and frame.country_code and frame.tier(c) == 0:
                s -= 0.5
        for p in peers:
            # "Alberta, Saskatchewan and Newfoundland": the items of a list are alike.
            s += 0.15 * (_rank(p) == _rank(c)) + 0.15 * (c.feature_code != "PCLI" and p.country_code == c.country_code)
        if support:
            # "Atlanta, Georgia": the state that holds Atlanta, not the country.
            s += 0.4 if c.geonameid in support else -0.5
        if cues.seat:
            # "Washington, the county seat": a town that seats a county, not the capital.
            s += 0.6 if c.feature_code in ("PPLA2", "PPLA") else -0.3 if c.feature_code in ("PPLC", "PCLI") else 0.0
        if cues.article and (c.feature_class in ("H", "L", "T") or c.feature_code in ("RGN", "CONT")):
            s += 0.3
        if cues.settlement and c.feature_class != "P" and not c.curated:
            # "the village of Maan" in a Syrian story is not Jordan's Ma'an governorate; the
            # story's own context may still hold a strong area reading up.
            s -= 0.4
        if cues.village and c.feature_class == "P" and c.population >= 100_000:
            # "the village of Arak" (near Palmyra) is no city of half a million in Iran.
            s -= 0.6
        if cues.polity and not admin_named:
            s += 0.35 if c.feature_code in ("ADM1", "PCLI") else -0.1 if c.feature_class == "P" else 0.0
        if container is not None:
            inside = contains(container, c, explicit)
            if inside is not None:
                s += 0.5 if inside else -0.6
        return s

    def _choose(
        self,
        name: str,
        cands: list[Candidate],
        cues: Cues,
        ctx: DocContext,
        container: Candidate | None,
        explicit: bool = False,
        support: frozenset[int] = frozenset(),
        peers: Sequence[Candidate] = (),
        near: Mapping[int, int] | None = None,
        scope: Candidate | None = None,
    ) -> tuple[Candidate | None, float]:
        if not cands:
            return None, 0.0
        if container is not None and _rank(container) in (2, 3):
            # "LEBANON, Pa.", "Mexico, Missouri": the state or county written after the name
            # holds it; no reading outside it stands, however much the story says of the
            # country of that name (Kuwait and Palmyra in a Pennsylvania Guard story).
            inside = [c for c in cands if contains(container, c, explicit)]
            cands = inside or cands
        is_dem = self.gaz.is_demonym(name)
        # A transliteration-key match alone is weak evidence: keep it only for important
        # places or inside a country the document is about — a real part of it, not one
        # passing mention ("Al Quriyah" in a Syria story is not Korla because a link to a
        # story about China sits below it).
        # A match of consonants only (an Arabic name GeoNames writes in Latin letters) stands
        # only inside the story's own province: "المشيرفة" near Kafranbel is no Musayfirah of
        # Daraa, and a quarter ("حي المنصور بمدينة الرقة") is no town of its consonants. The
        # province the text writes after the name is as good as the story's ("بلدة X في إقليم
        # هيران" in a story of Mogadishu).
        frame = ctx.frame(name)

        def kept(c: Candidate) -> bool:
            if c.skeleton:
                held = container is not None and _rank(container) in (2, 3) and contains(container, c, explicit)
                return (held or frame is not None and frame.tier(c) >= 2) and not cues.quarter
            return c.match > 0 or c.feature_code in _IMPORTANT_CODES or c.curated \
                or ctx.country_share(c.country_code, name) >= _STORY_SHARE and c.country_code in _TRANSLITERATED

        cands = [c for c in cands if kept(c)]
        if not cands:
            return None, 0.0
        # A town known by this very name outranks another town that merely lists it among its
        # other names in the same country: "Milan" in the US is one of the Milans, not
        # Syracuse; "Madrid" is Madrid, Iowa, not Waupun. A short form of the town's own name
        # still serves ("Newcastle" for Newcastle upon Tyne), and so does an other name abroad
        # ("Mysore" is Mysuru).
        own_towns = {c.country_code for c in cands if c.match == 2 and c.feature_class == "P"}
        short = f" {plain_name(name)} "
        cands = [c for c in cands if not (c.match == 1 and c.feature_class == "P" and c.country_code in own_towns
                                          and not c.curated and short not in f" {plain_name(c.name)} ")] or cands
        # ... and anywhere, a great place known by this very name (a country, a first-level area,
        # a city of 100,000) outranks a town a tenth its size that lists the name among its
        # other names: "drove to Quebec" in a Tulsa story is the Canadian province, not New
        # Britain, Connecticut, once called Quebec.
        great = max((c.population for c in cands if c.match == 2 and (
            c.feature_code in ("PCLI", "ADM1") or c.feature_class == "P" and c.population >= 100_000)), default=0)
        if great:
            cands = [c for c in cands if not (c.match == 1 and c.feature_class == "P" and not c.curated
                                              and c.population * 10 < great)] or cands
        # A world region known by this very name outranks a country that lists it among its
        # other names: "Central Africa" is the region, not the Central African Republic.
        if any(c.match == 2 and c.feature_code == "RGN" for c in cands):
            cands = [c for c in cands if not (c.match == 1 and c.feature_code == "PCLI")]
        # Provinces of the places that bear the name as written: a key-only reading in one of
        # them is the same name transliterated another way ("Jisr al-Shughur" district and
        # "Jisr ash Shughur" town), not another word ("Columbia" ~ Colombia).
        exact_areas = {(c.country_code, c.admin1_code) for c in cands if c.match > 0}
        seats = {(c.country_code, c.admin1_code, c.admin2_code) for c in cands if c.feature_class == "P" and c.match}
        biggest = max((c.population for c in cands if c.match > 0), default=0)
        metropolises = {(c.country_code, c.admin1_code) for c in cands if c.feature_class == "P" and c.match
                        and c.population >= 1_000_000}

        frame = ctx.frame(name)
        # The nation's capital keeps its name in every frame (a Georgia story's Washington),
        # and a country its own (Mexico, Lebanon): no town of the frame takes them.
        capital = frame is not None and not cues.seat and any(
            c.feature_code == "PPLC" and c.country_code == frame.country_code and c.match == 2 for c in cands
        )
        country_name = frame is not None and any(c.feature_code == "PCLI" and c.match == 2 for c in cands)
        # A state of the frame's own country that shares its name with a country abroad is the
        # state, wherever in the country the story is set ("vendors drive up from Georgia" in a
        # South Carolina story), unless the story names anything else in that country. (A story
        # of the country that names nothing in it — "exports from Georgia to China" in a Napa
        # paper — is read as the state: a known limit, rarer in local news than the state.)
        home_state = frame is not None and frame.country_code is not None and any(
            c.feature_code == "ADM1" and c.match == 2 and c.country_code == frame.country_code for c in cands
        ) and any(c.feature_code == "PCLI" and c.match == 2 and c.country_code != frame.country_code
                  for c in cands) and not any(c.feature_code == "PCLI" and c.country_code != frame.country_code
                                              and ctx.country_share(c.country_code, name) > 0 for c in cands)

        # Only a sentence's country that holds a reading of the name weighs ("In Bolivia, …
        # Santa Cruz"); one that holds none leaves the name to the rest of the story.
        scoped = scope is not None and any(c.country_code == scope.country_code and c.feature_code != "PCLI"
                                           for c in cands)

        def score(c: Candidate) -> float:
            dominated = c.feature_class == "P" and c.population * _DOMINANCE < biggest
            s = self._score(c, name, cues, ctx, container, is_dem, explicit, support, peers, near, dominated)
            if scoped and c.feature_code != "PCLI":
                s += _SCOPE_BONUS if c.country_code == scope.country_code else -_SCOPE_BONUS  # type: ignore[union-attr]
            # (a country's name is no town of the frame — but a bare dateline read as the town
            # of the story's country, "LEBANON —" over Nashville, is that town wherever it is named)
            dateline_town = ctx.frame_votes is not None and c.geonameid == ctx.frame_votes.dateline_town
            if frame is not None and not capital and (c.match == 2 or not c.is_area) \
                    and not (country_name and c.feature_class == "P" and not dateline_town):
                # A local story's ambiguous names are read inside its frame first: Columbus in
                # a Georgia story, Paris in a Tennessee one, the Deir ez-Zor namesake of a
                # village. An area must bear the name itself ("Texas" is not Texas County).
                s += _FRAME_BONUS[frame.tier(c)]
                if home_state and c.feature_code == "ADM1" and frame.tier(c) == 1:
                    s += _FRAME_BONUS[2]
            if exact_areas and c.match == 0 and (c.country_code, c.admin1_code) not in exact_areas:
                s *= 0.6  # a place that only shares the spelling key ("Columbia" ~ Colombia)
            if c.feature_code == "ADM1" and (c.country_code, c.admin1_code) in metropolises:
                s *= 0.9  # "New York" is the city that bears the state's name, over the state
            if c.feature_code == "ADM2" and (c.country_code, c.admin1_code, c.admin2_code) in seats:
                s *= 0.85  # a bare "Birmingham" or "Cavan" is the town, not the district named after it
            return s

        scored = sorted(((score(c), c) for c in cands), key=lambda sc: (sc[0], sc[1].population), reverse=True)
        best_s, best = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        # Calibrated confidence: absolute support, plus a margin term.
        margin = best_s - second
        conf = 1.0 / (1.0 + math.exp(-6.0 * (best_s - 0.35))) * (0.75 + 0.25 * min(1.0, margin / 0.2 + 0.2))
        if not (near and near.get(best.geonameid)) \
                and self._foreign_and_obscure(best, name, ctx, container, explicit, cues.settlement, cues.local):
            return None, min(conf, 0.1)
        if frame is not None and container is None and not support:
            def lonely() -> bool:
                """No other place the story names lies within a province's reach of it (measured
                only for a village that may be a namesake: every name is resolved here)."""
                return best.latitude is None or best.longitude is None or not any(
                    km(pt, (best.latitude, best.longitude)) < _LONELY_KM
                    for pt, n in zip(ctx.points, ctx.point_names, strict=True) if n != name)
            if _namesake_outside(best, cands, frame, lonely, cues.village):
                return None, min(conf, 0.1)
        if name.lower() in _WORLD_PART_WORDS and not self._world_part_at_home(best, name, ctx, container):
            return None, min(conf, 0.1)
        return best, round(max(0.0, min(1.0, conf)), 3)

    @staticmethod
    def _world_part_at_home(c: Candidate, name: str, ctx: DocContext, container: Candidate | None) -> bool:
        """Whether "Western", "the West" or "Arab" names this place: a town only in a story
        set in its province or with it written after ("Arab, Alabama"), a province only in a
        story about its country."""
        if container is not None and contains(container, c, True):
            return True
        if c.feature_class == "P":
            frame = ctx.frame(name)
            return frame is not None and frame.tier(c) >= 2
        return ctx.country_share(c.country_code, name) >= _STORY_SHARE

    def _foreign_and_obscure(
        self, c: Candidate, name: str, ctx: DocContext, container: Candidate | None, explicit: bool = False,
        settled: bool = False, local: bool = False,
    ) -> bool:
        """A small place abroad while the document is clearly about one other country
        (mentions of this same name do not count as evidence for its own country). `settled`:
        the text calls it a village or town ("Kuchi village"), and a city abroad that lists the
        name among its other names (Kuqa, "Kuchi"; not a spelling of its own: "the town of Kiryat
        Shmona") is then no more famous than a hamlet. `local`: the text calls it a unit smaller
        than a province ("the commune of Maluku"), which a first-level area abroad, however
        large, is not."""
        frame = ctx.frame(name)
        if frame is not None and frame.tier(c) >= 2:
            return False  # inside the story's frame: local, not foreign
        main, share, weight = ctx.main_country()
        inside = contains(container, c, explicit) if container is not None else None
        if container is not None and inside is not None:
            # "Ayash, in Deir ez-Zor": a candidate outside its named container is wrong;
            # "Holliday, Missouri" is no Holliday of Texas: the Missouri one is not known.
            if not inside and _rank(container) in (2, 3):
                return True
            return bool(container.country_code) and c.country_code != container.country_code
        if main is None or c.country_code == main:
            return False
        # A spelling-key match ("Al-Joura" ~ "Jura") is never famous enough to travel abroad.
        area_called_local = local and c.feature_code in ("ADM1", "ADM2", "RGN") and not c.curated
        if c.match > 0 and c.feature_code in _IMPORTANT_CODES and not area_called_local or c.curated:
            return False
        own = ctx.own_anchor.get((name, c.country_code or ""), 0.0)
        total = sum(ctx.anchors.values()) - own
        if total <= 0:
            return False
        # The name's kin are no evidence for its country either ("Orlando" beside "Orlando East").
        words = set(name.lower().split())
        kin = sum(v for (n, cc), v in ctx.own_anchor.items()
                  if cc == c.country_code and n != name and (set(n.lower().split()) <= words
                                                             or words <= set(n.lower().split())))
        theirs = ctx.anchors.get(c.country_code or "", 0.0) - own - kin
        # A city of 100,000 travels abroad, but not into a story that never names its country
        # ("KANI:" in a bulletin from Sagaing is not Kani, Japan); a city of half a million does
        # (El Paso in a story of Ciudad Juárez).
        other_name = settled and c.match < 2 and name_key(name) != name_key(c.name)
        if c.match > 0 and c.population >= (_FAMOUS_POPULATION if theirs > 0 else _WORLD_CITY_POPULATION) \
                and not other_name and not area_called_local:
            return False
        # Its own country must be a real part of the story (a quarter of it, or named twice
        # and more), not one passing mention ("the earthquake in Turkey and Syria" does not
        # put Ayash in Turkey).
        if theirs / total >= _STORY_SHARE or theirs >= 2.0:
            return False
        if not (weight >= 1.5 and weight >= 3 * theirs):
            return False
        # Known in many languages (Venice, Cannes, Sirte — not Ayaş, with 4 names): a story
        # elsewhere may still mention it. Asked last: counting names is a query.
        return area_called_local or other_name or not (c.match > 0 and c.population >= 10_000
                                  and self.gaz.name_count(c.geonameid) >= _FAMOUS_NAMES)

    # -- public API ---------------------------------------------------------------

    def review_candidates(self, text: str, limit: int = 5) -> list[dict[str, object]]:
        """The gazetteer's readings of an unresolved toponym, best known first, for a
        reviewer to pick from: its own and alternate names before spelling-key matches."""
        cands = sorted(self.candidates(clean_name(text)), key=lambda c: (c.match, prior(c)), reverse=True)
        return [
            {
                "geonameid": c.public_id,
                "name": c.name,
                "country_code": c.country_code,
                "admin1": c.admin1 if c.feature_code != "ADM1" else c.name,
                "feature_code": c.feature_code,
                "latitude": c.latitude,
                "longitude": c.longitude,
            }
            for c in cands[:limit]
        ]

    def to_place(self, text: str, c: Candidate | None, raw: float, cues: Cues) -> Place:
        score = round(calibrate(raw), 3)
        if c is None or raw < self._raw_threshold:
            return Place(name=clean_name(text) or text, score=score)
        return Place(
            name=c.name,
            geonameid=c.public_id,
            latitude=c.latitude,
            longitude=c.longitude,
            country=c.country,
            country_code=c.country_code,
            admin1=c.admin1 if c.feature_code != "ADM1" else c.name,
            admin2=c.admin2 if c.feature_code != "ADM2" else c.name,
            feature_code=c.feature_code,
            # "the Hajin sub-district", "ناحية هجين", "Hanover Township": the area around the
            # town it is named after, so the town's point stands near the event (ACLED's 2).
            geo_precision=2 if c.feature_class == "P" and _SUBDISTRICT.search(text) else self.precision(c, cues),
            score=score,
        )

    @staticmethod
    def precision(c: Candidate, cues: Cues) -> int:
        """ACLED geo_precision for a chosen place and the cues around its mention."""
        if c.feature_code == "ADM2":
            return 2
        if c.feature_code in _REGION_CODES or c.feature_class in ("A", "L", "H", "T") and not c.curated:
            return 2 if cues.countryside or (cues.near and c.feature_code not in ("PCLI", "CONT")) else 3
        return 2 if cues.near else 1

    def resolve(
        self,
        name: str,
        *,
        country_hint: str | Iterable[str] | None = None,
        admin1_hint: tuple[str, str] | None = None,
        text: str | None = None,
        start: int | None = None,
    ) -> Place:
        """Resolve one name; optional hints stand in for the document's context.

        `text`/`start`: the document and the name's offset in it, to read cues such as
        "near" or "province" around it.
        """
        ctx = DocContext()
        for cc in [country_hint] if isinstance(country_hint, str) else (country_hint or ()):
            ctx.countries[cc] += 2.0
            ctx.anchors[cc] += 2.0
        if admin1_hint:
            ctx.admin1[admin1_hint] += 1.0
        cues = read_cues(text, start, start + len(name)) if text is not None and start is not None else Cues()
        cleaned = clean_name(name)
        best, score = self._choose(cleaned, self.candidates(cleaned, cues), cues, ctx, None)
        return self.to_place(name, best, score, cues)

    def resolve_all(
        self, text: str, spans: Sequence[Span], *, country_hint: str | None = None, outlet: str | None = None
    ) -> list[Place]:
        """One `Place` per span (start, end[, label]) of `text`, in the order given."""
        return self.resolve_document(text, spans, country_hint=country_hint, outlet=outlet)[0]

    def resolve_document(
        self, text: str, spans: Sequence[Span], *, country_hint: str | None = None, outlet: str | None = None
    ) -> tuple[list[Place], Frame | None]:
        """`resolve_all`, and the story's frame (`frame.py`). `outlet`: the outlet's own
        city, when the caller knows it ("Savannah, Georgia")."""
        given = [(int(s[0]), int(s[1])) for s in spans]
        order = sorted(range(len(given)), key=lambda k: given[k])
        if order != list(range(len(given))):
            # Neighbours ("Atlanta, Georgia", lists) are read in text order.
            placed, frame = self.resolve_document(
                text, [given[k] for k in order], country_hint=country_hint, outlet=outlet
            )
            out: list[Place | None] = [None] * len(given)
            for k, p in zip(order, placed, strict=True):
                out[k] = p
            return [p for p in out if p is not None], frame
        bounds = given
        names = [clean_name(text[s:e]) for s, e in bounds]
        cues = [read_cues(text, s, e) for s, e in bounds]
        cands = [self.candidates(n, c) for n, c in zip(names, cues, strict=True)]
        for k, (s, e) in enumerate(bounds):
            if _ARABIC_ARTICLE.search(text, max(0, s - 4), s) or _ARABIC_ARTICLE_OPENS.match(text, s, e):
                cands[k] = [c for c in cands[k] if c.country_code in ARABIC_NAMING] or cands[k]
        containers = [self._container(text, bounds, i) for i in range(len(bounds))]
        scopes = [_scope(text, bounds, i) for i in range(len(bounds))]
        peers: list[list[int]] = [[] for _ in bounds]
        for i in range(len(bounds) - 1):
            if LIST_GAP.match(text[bounds[i][1] : bounds[i + 1][0]]):
                peers[i].append(i + 1)
                peers[i + 1].append(i)
        # "Atlanta, Georgia": of the container's readings, those that hold a reading of the
        # name before the comma are supported (Georgia the state, not the country).
        support: list[set[int]] = [set() for _ in bounds]
        for i, cont in enumerate(containers):
            if cont is None:
                continue
            inner = [c for c in cands[i] if c.match > 0]
            outer = cands[cont.index] if cont.index is not None else [cont.candidate] if cont.candidate else []
            held = {c2.geonameid for c2 in outer if any(contains(c2, c1, cont.explicit) for c1 in inner)}
            if not held and not cont.explicit and not _state_of_country(outer, inner):
                containers[i] = None  # a list ("Copenhagen, Hamburg"), not a place and its container
            elif cont.index is not None:
                # A bare comma speaks for a country or province ("Atlanta, Georgia"), not a district.
                support[cont.index].update(
                    g for g in held if cont.explicit or _rank(next(c for c in outer if c.geonameid == g)) <= 2
                )

        near = _neighbours(names, cands)

        # Pass 1: context from what is unambiguous on its own.
        ctx = DocContext()
        if country_hint:
            ctx.countries[country_hint] += 2.0
            ctx.anchors[country_hint] += 2.0
        if self._demonym_re is not None:
            for m in self._demonym_re.finditer(text):
                d = self.gaz.demonym(m.group(1))
                if d is not None and d.country_code:
                    ctx.countries[d.country_code] += 0.5
                    ctx.anchors[d.country_code] += 0.5
        for _s, _e, cc in self.countries_in_text(text, bounds):
            ctx.countries[cc] += 0.5
            ctx.anchors[cc] += 0.5
        empty = DocContext()
        first: list[tuple[Candidate | None, float]] = []
        for n, cu, cs, sup in zip(names, cues, cands, support, strict=True):
            best, conf = self._choose(n, cs, cu, empty, None, support=frozenset(sup), near=near[len(first)])
            first.append((best, conf))
            if best is not None and conf >= 0.6:
                self._add(ctx, best, 1.0, n)
                if best.country_code:
                    w = 1.0 if best.feature_code in _IMPORTANT_CODES or best.population >= 100_000 else 0.5
                    ctx.anchors[best.country_code] += w
                    ctx.own_anchor[(n, best.country_code)] += w

        ctx.frame_votes = self._frame_votes(text, names, cands, first, outlet)
        settled = {n: b for n, (b, conf) in zip(names, first, strict=True) if b is not None and conf >= 0.8}
        near = _neighbours(names, cands, settled)

        # Pass 2 and 3: re-score everything with the document's context; the second
        # round also counts what the first one settled.
        result: list[tuple[Candidate | None, float]] = first
        for _round in range(2):
            resolved: list[tuple[Candidate | None, float]] = []
            for i, (n, cu, cs) in enumerate(zip(names, cues, cands, strict=True)):
                cont = containers[i]
                container = (
                    None if cont is None else result[cont.index][0] if cont.index is not None else cont.candidate
                )
                peer_places = [
                    b for j in peers[i] for b, conf in [result[j]] if b is not None and conf >= self._raw_threshold
                ]
                resolved.append(
                    self._choose(
                        n, cs, cu, ctx, container, cont is not None and cont.explicit, frozenset(support[i]),
                        peer_places, near[i], _country_of(result, scopes[i]),
                    )
                )
            result = resolved
            ctx2 = DocContext()
            if country_hint:
                ctx2.countries[country_hint] += 2.0
            for n, (best, conf) in zip(names, result, strict=True):
                if best is not None and conf >= self._raw_threshold:
                    self._add(ctx2, best, conf, n)
            ctx = self._merge(ctx, ctx2)
        result = _one_sense_held(names, containers, result, ctx.frame(), peers)
        result = _at_distances(text, bounds, cands, result)
        places = [
            self.to_place(text[s:e], b, sc, cu)
            for (s, e), (b, sc), cu in zip(bounds, result, cues, strict=True)
        ]
        return places, ctx.frame()

    def _frame_votes(
        self,
        text: str,
        names: Sequence[str],
        cands: Sequence[Sequence[Candidate]],
        first: Sequence[tuple[Candidate | None, float]],
        outlet: str | None,
    ) -> FrameVotes:
        """The votes for the story's frame: its dateline, its outlet, its names (`frame.py`)."""
        votes = FrameVotes()
        line = find_dateline(text)
        dateline_city = clean_name(line[2]) if line is not None else ""
        place_votes(names, cands, first, votes, skip=dateline_city)
        dateline = self._place_of(line[2], line[3]) if line is not None else None
        if dateline is None:
            dateline_city = ""
        # A bare dateline with namesakes is the one in the country the story's own names lead
        # ("TRIPOLI —" over Saida, Halba and Beirut is Lebanon's Tripoli); read so, it speaks
        # for those names, not for its own.
        local = self._namesake_in_lead(dateline_city, dateline, votes) \
            if line is not None and dateline is not None and not line[3] else None
        by_context = local is not None
        dateline = local or dateline
        if local is not None:
            votes.dateline_town = local.geonameid
        if line is not None and dateline is not None:
            _s, _e, city, qual = line
            said = f"dateline {city}{', ' + qual if qual else ''}"
            if filed_abroad(votes, dateline):
                votes.notes.append(f"{said} (another country than the story's places: not counted)")
            else:
                # "PARIS, Tenn.": the state speaks, so the vote is no name's own; a bare
                # "ATLANTA" speaks only through the city's fame, so it is Atlanta's own.
                votes.add(dateline, DATELINE_VOTES, "" if qual or by_context else dateline_city)
                if qual and dateline.country_code and dateline.admin1_code:
                    votes.stated = (dateline.country_code, dateline.admin1_code)
                votes.notes.append(said)
        if outlet:
            city, _, qual = outlet.partition(",")
            where = self._place_of(city.strip(), qual.strip() or None)
            if where is not None:
                votes.add(where, OUTLET_VOTES)
                if where.country_code and where.admin1_code:
                    votes.stated = (where.country_code, where.admin1_code)
                votes.notes.append(f"outlet {outlet}")
        return votes

    def _namesake_in_lead(self, name: str, famous: Candidate, votes: FrameVotes) -> Candidate | None:
        """The namesake of a bare dateline's best-known reading in the country the story's other
        names lead (two namesakes' worth is enough: each such name casts 1/4), if it is of
        comparable size (or the famous one is a country) and the story names nothing in the
        famous one's country: "LONDON —"
        over Ottawa and Toronto stays London, and so does "HYDERABAD —" over Lahore and
        Secunderabad."""
        lead = votes.leading_country(least=0.5)
        if lead is None or famous.country_code == lead or votes.by_country().get(famous.country_code or ""):
            return None
        local = [c for c in self.candidates(name) if c.match > 0 and c.country_code == lead and c.feature_class == "P"]
        # A dateline names a town, never a country: "PALESTINE —" over a story of Texas towns is
        # Palestine, Texas, however small beside the country of the name.
        if not local or famous.feature_class == "P" and max(c.population for c in local) * 10 < famous.population:
            return None
        # (the one in the province the story's names lead: "LEBANON —" over Nashville and Wilson
        # County is Lebanon, Tennessee, not the bigger Lebanon of Pennsylvania)
        return max(local, key=lambda c: (votes.grounded.get((c.country_code or "", c.admin1_code or ""), 0.0),
                                         prior(c)))

    def _place_of(self, city: str, qualifier: str | None) -> Candidate | None:
        """The place a dateline or an outlet names: "SAVANNAH, Ga." → Savannah, Georgia; a
        bare "ATLANTA" → the best known Atlanta; a qualifier alone when the city is unknown."""
        name = clean_name(city)
        cands = [c for c in self.candidates(name) if c.match > 0]
        if qualifier:
            outer = [c for c in self.gaz.candidates(clean_name(qualifier))
                     if c.match > 0 and c.feature_code in ("PCLI", "ADM1", "ADM2")]
            held = [c for c in cands if any(contains(o, c, True) for o in outer)]
            if held:
                return max(held, key=prior)
            return max(outer, key=prior) if outer else None
        return max(cands, key=prior) if cands else None

    def _container(self, text: str, bounds: list[tuple[int, int]], i: int) -> Container | None:
        """What the text says holds span i: a comma ("Tripoli, Libya"), words ("Al-Joura
        neighbourhood of Deir ez-Zor", "Mayadin, in the countryside of Deir ez-Zor") or a
        possessive ("Cairo's Abbasiya"). A comma may also separate a list ("Copenhagen,
        Hamburg"): `resolve_all` keeps a comma container only when some reading of it can
        hold some reading of the name."""
        s, e = bounds[i]
        j = possessor_span(text, s, bounds)
        if j is not None:
            return Container(j, True)
        for j in range(i + 1, min(i + 3, len(bounds))):
            gap = text[e : bounds[j][0]]
            if bounds[j][0] >= e and (_CONTAINS_GAP.match(gap) or arabic_container_gap(gap)) \
                    and not self.gaz.is_demonym(text[slice(*bounds[j])]):
                return Container(j, True)
        j = container_span(text, e, bounds)
        if j is not None:
            return Container(j, False)
        m = _TEXT_CONTAINER.match(text, e)
        if m:
            # "Churchill, Man.", "Tripoli, Lebanon" where only the first is a toponym span.
            name = m.group(1) if m.group(1).endswith(".") else clean_name(m.group(1))
            found = [c for c in self.gaz.candidates(name) if c.match > 0 and c.feature_code in ("PCLI", "ADM1")]
            if found:
                return Container(None, False, max(found, key=prior))
        return None

    @staticmethod
    def _add(ctx: DocContext, c: Candidate, w: float, name: str = "") -> None:
        if c.country_code:
            ctx.countries[c.country_code] += w
            own = ctx.own_countries[name]
            own[c.country_code] = own.get(c.country_code, 0.0) + w
        if c.country_code and c.admin1_code and c.feature_code != "PCLI":
            ctx.admin1[(c.country_code, c.admin1_code)] += w
            own1 = ctx.own_admin1[name]
            own1[(c.country_code, c.admin1_code)] = own1.get((c.country_code, c.admin1_code), 0.0) + w
        if c.latitude is not None and c.longitude is not None and not c.is_area:
            ctx.points.append((c.latitude, c.longitude))
            ctx.point_names.append(name)

    @staticmethod
    def _merge(a: DocContext, b: DocContext) -> DocContext:
        out = DocContext()
        for src, k in ((a, 0.5), (b, 1.0)):
            for cc, w in src.countries.items():
                out.countries[cc] += k * w
            for key, w in src.admin1.items():
                out.admin1[key] += k * w
            for n, ws in src.own_countries.items():
                for cc, w in ws.items():
                    out.own_countries[n][cc] = out.own_countries[n].get(cc, 0.0) + k * w
            for n, ws1 in src.own_admin1.items():
                for key, w in ws1.items():
                    out.own_admin1[n][key] = out.own_admin1[n].get(key, 0.0) + k * w
        seen: set[tuple[tuple[float, float], str]] = set()
        for p, n in zip(a.points + b.points, a.point_names + b.point_names, strict=True):
            if (p, n) not in seen:
                seen.add((p, n))
                out.points.append(p)
                out.point_names.append(n)
        out.anchors = a.anchors
        out.own_anchor = a.own_anchor
        out.frame_votes = a.frame_votes
        return out


"""The story's frame: the country, admin1 and admin2 a local story is set in.

A local story is set in one region, so its ambiguous names are read inside that region
first: Columbus in a Georgia story is Columbus, Georgia; Paris in a story from Henry County,
Tennessee is Paris, Tennessee; in a Deir ez-Zor story an ambiguous village name is the Deir
ez-Zor one. The evidence, as votes for an admin1 (and its country, and an admin2):

- the dateline ("SAVANNAH, Ga. —", "ATLANTA (AP) —", "Deir ez-Zor, Syria —"): 1.5 votes, none
  when the story's own names lead another country and name none of the dateline's (a bureau
  abroad: `filed_abroad`);
- the outlet's own city, when the caller knows it: 2 votes;
- every name of the story that means places of one admin1 only ("Macon" has namesakes, but
  "Muscogee County" and "Tennessee" have none): 1 vote; a name with namesakes elsewhere,
  read with confidence on its own, is a weaker hint (1/4 vote).

A place votes once however it is spelt ("Tennessee", "Tenn."). An admin1 frames the story
with more than half the votes, or short of that with a clear lead: the admin1 the dateline or
the outlet states, ahead of every other, or two votes and twice any other's. A state's name
whose namesakes are small towns ("Maine", "Texas") votes in full but frames nothing alone.

A name is never evidence for its own reading: `FrameVotes.frame(without=name)` leaves its
own votes out, as `DocContext` does for the document's countries. The dateline is where the
story was filed, not always where it happened (a Reuters story on Idlib filed from Beirut):
it weighs less than two places, so the story's own places outvote it (and the dateline's
city, named again as a toponym, does not vote a second time).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..arabic.text import ARABIC_LETTER
from .gazetteer import Candidate

# A dateline opens the text or one of its first lines: a city in capitals ("SAVANNAH"),
# or in title case when a state, country or agency follows ("Paris, Tenn.", "Idlib (AFP)"),
# then a dash. "CITY, Ga., May 3 (AP) —", "CITY, May 3 —" and, in the style of Spanish and
# French agencies, "Bogotá, 22 Apr (EFE).-" carry a date as well; a title-case city with a date
# is one too ("Mogadishu, 17 March 2020 –", as statements and bulletins open), and two cities
# may share one ("Port Sudan/Omdurman, 10 October 2023 —").
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<city>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]*){0,3}|"
    r"[A-Z][a-zà-ÿ'’.-]+(?:[ -][A-Z][a-zà-ÿ'’.-]+){0,3}(?:/[A-Z][a-zà-ÿ'’.-]+(?:[ -][A-Z][a-zà-ÿ'’.-]+){0,2})?)"
    r"(?:,[ \t]*(?P<qual>(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d)"
    r"[A-Z][A-Za-z.]*\.?(?:[ \t][A-Z][A-Za-z.]*){0,2}))?"
    r"(?:,[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]+\d{4})?)?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z .&-]{2,30})\))?[ \t]*\.?(?:—|–|--|-)[ \t]"
)
_DATELINE_REACH = 400  # characters from the start where a dateline may stand
# An Arabic dateline: a line that opens with a place (one to three words), a dash, then a date or
# a weekday ("تعز – الأحد 5 نوفمبر 2023", "قامشلو – 09-10-2023"). The date is what makes it one.
_AR = f"[{ARABIC_LETTER}]"
_AR_DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*(?P<city>{_AR}+(?:[ \t]{_AR}+){{0,2}})[ \t]*(?:—|–|-)[ \t]*"
    rf"(?=[\d٠-٩]|(?:ال)?(?:احد|أحد|اثنين|إثنين|ثلاثاء|اربعاء|أربعاء|خميس|جمعة|سبت)\b)"
)

DATELINE_VOTES = 1.5
OUTLET_VOTES = 2.0
UNAMBIGUOUS_VOTES = 1.0
HINT_VOTES = 0.25
# An admin1 becomes the frame with this many votes and more than this share of them (or a
# clear lead: `FrameVotes._decide`): one unambiguous place can frame a story, but not half of a
# story spread over the world.
_MIN_VOTES = 1.0
_MIN_SHARE = 0.5
# Without a leading admin1, a country is the frame with as many votes and this share.
_COUNTRY_SHARE = 0.6

# A name votes only when read with this confidence on its own (first pass, no context): a
# hamlet's lone reading is too often a street or a business named like it.
_MIN_CONF = 0.6
_NOT_REGIONAL = frozenset({"PCLI", "CONT", "RGN", "OCN", "SEA", "GULF"})

Key1 = tuple[str, str]  # (country code, admin1 code)
Key2 = tuple[str, str, str]  # (country code, admin1 code, admin2 code)


@dataclass(frozen=True)
class Frame:
    """Where a story is set: codes for matching, names for people."""

    country_code: str | None = None
    admin1_code: str | None = None
    admin2_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    evidence: tuple[str, ...] = ()

    def tier(self, c: Candidate) -> int:
        """3 inside the frame's admin2, 2 inside its admin1 (or the admin1 itself), 1 inside
        its country, 0 elsewhere. The frame's own country counts as local (2): "Mexico" in
        a Mexican story, "Georgia" in a Tbilisi one."""
        if not self.country_code or c.country_code != self.country_code:
            return 0
        if c.feature_code == "PCLI":
            return 2
        if self.admin1_code and c.admin1_code == self.admin1_code:
            if self.admin2_code and c.admin2_code == self.admin2_code and c.feature_code != "ADM1":
                return 3
            return 2
        return 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "country_code": self.country_code,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "evidence": list(self.evidence),
        }


@dataclass
class FrameVotes:
    """Votes for admin1 areas and admin2 areas, and which name cast each."""

    admin1: dict[Key1, float] = field(default_factory=lambda: defaultdict(float))
    admin2: dict[Key2, float] = field(default_factory=lambda: defaultdict(float))
    own1: dict[str, dict[Key1, float]] = field(default_factory=lambda: defaultdict(dict))
    own2: dict[str, dict[Key2, float]] = field(default_factory=lambda: defaultdict(dict))
    labels: dict[Key1 | Key2, str | None] = field(default_factory=dict)  # area -> its name
    country_names: dict[str, str | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The admin1 a dateline or the outlet states outright ("ATHENS, Ala. —"): where a local
    # paper files from is where its story is set, so that admin1 frames the story when it
    # leads every other one, even short of half the votes (a Madison, Fla. story that names
    # Valdosta, Georgia and a Wisconsin namesake).
    stated: Key1 | None = None
    # Votes that may frame a story: all but those of a state's name read as the state over
    # its small namesakes. A story that names such a state and nothing in it ("Texas beat
    # the Blue Jays") is not set there.
    grounded: dict[Key1, float] = field(default_factory=lambda: defaultdict(float))
    # The town a bare dateline named like a country was read as ("LEBANON —" over Nashville:
    # Lebanon, Tennessee), whose name the story's toponyms then read the same way.
    dateline_town: int | None = None
    _cache: dict[str, Frame | None] = field(default_factory=dict)

    def add(self, c: Candidate, w: float, name: str = "", *, grounded: bool = True) -> None:
        """Add `w` votes for where `c` lies, cast by `name` (none: a dateline's state or the
        outlet). `grounded`: the vote may frame the story on its own (not a state's name
        that has namesakes, `place_votes`)."""
        if not (c.country_code and c.admin1_code) or c.feature_code in _NOT_REGIONAL:
            return
        name = name.casefold()
        k1 = (c.country_code, c.admin1_code)
        self.admin1[k1] += w
        if grounded:
            self.grounded[k1] += w
        self.country_names.setdefault(c.country_code, c.country)
        self.labels.setdefault(k1, c.name if c.feature_code == "ADM1" else c.admin1)
        if name:
            self.own1[name][k1] = self.own1[name].get(k1, 0.0) + w
        if c.admin2_code and c.feature_code != "ADM1":
            k2 = (c.country_code, c.admin1_code, c.admin2_code)
            self.admin2[k2] += w
            self.labels.setdefault(k2, c.name if c.feature_code == "ADM2" else c.admin2)
            if name:
                self.own2[name][k2] = self.own2[name].get(k2, 0.0) + w

    def by_country(self, grounded: bool = False) -> dict[str, float]:
        """The votes cast so far, summed per country (`grounded`: only those that may frame)."""
        out: dict[str, float] = defaultdict(float)
        for (cc, _a1), w in (self.grounded if grounded else self.admin1).items():
            out[cc] += w
        return out

    def leading_country(self, least: float = _MIN_VOTES) -> str | None:
        """The country the votes cast so far lead alone, with at least `least` votes."""
        ranked = sorted(self.by_country(grounded=True).items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < least or len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return None
        return ranked[0][0]

    def frame(self, without: str = "") -> Frame | None:
        """The frame from every vote but those `without` cast; None when no admin1 leads."""
        without = without.casefold()
        if without not in self._cache:
            self._cache[without] = self._decide(without)
        return self._cache[without]

    def _decide(self, without: str) -> Frame | None:
        own1 = self.own1.get(without, {})
        votes = {k: w - own1.get(k, 0.0) for k, w in self.admin1.items()}
        total = sum(max(0.0, w) for w in votes.values())
        if total <= 0:
            return None
        key, best = max(votes.items(), key=lambda kv: kv[1])
        # Inside a country that holds most of the votes, a province leads by its share of that
        # country's votes: a stray name read abroad ("Coast", a Tanzanian region, in an Oregon
        # story) does not dilute it.
        in_country = sum(max(0.0, w) for (cc, _a1), w in votes.items() if cc == key[0])
        share_of = in_country if in_country / total >= _COUNTRY_SHARE else total
        # Short of half the votes, a province still leads when the dateline or the outlet states
        # it and no other has as many, or when it has two votes and twice any other's: a local
        # story names its neighbours and a far city or two, each once.
        runner_up = max((w for k, w in votes.items() if k != key), default=0.0)
        leads = key == self.stated and best > runner_up or best >= 2 * max(runner_up, _MIN_VOTES)
        if best < _MIN_VOTES or best / share_of <= _MIN_SHARE and not leads or not self.grounded.get(key):
            # No province leads; a country may ("Tbilisi", "Batumi" and "Kutaisi").
            by_country: dict[str, float] = defaultdict(float)
            for (cc, a1), w in votes.items():
                # (a state's name alone frames no country either: "a tourist from Texas was
                # stabbed in Paris")
                by_country[cc] += max(0.0, min(w, self.grounded.get((cc, a1), 0.0)))
            cc, w = max(by_country.items(), key=lambda kv: kv[1])
            if w < _MIN_VOTES or w / total < _COUNTRY_SHARE:
                return None
            note = f"{w:g} of {total:g} votes for {self.country_names.get(cc) or cc}"
            return Frame(cc, None, None, self.country_names.get(cc), None, None, (*self.notes, note))
        own2 = self.own2.get(without, {})
        inside = {k: w - own2.get(k, 0.0) for k, w in self.admin2.items() if k[:2] == key}
        a2: str | None = None
        if inside:
            k2, w2 = max(inside.items(), key=lambda kv: kv[1])
            if w2 >= _MIN_VOTES and w2 / max(best, 1e-9) > _MIN_SHARE:
                a2 = k2[2]
        admin1 = self.labels.get(key)
        admin2 = self.labels.get((key[0], key[1], a2)) if a2 else None
        note = f"{best:g} of {total:g} votes for {admin1 or key[1]}"
        return Frame(key[0], key[1], a2, self.country_names.get(key[0]), admin1, admin2, (*self.notes, note))


def find_dateline(text: str) -> tuple[int, int, str, str | None] | None:
    """(start, end, city, qualifier) of the dateline near the start of `text`, if any. A
    title-case city needs a qualifier or an agency after it: "Police said — …" is no dateline;
    an Arabic one needs the date after its dash ("تعز – الأحد 5 نوفمبر 2023")."""
    m = _DATELINE.search(text[:_DATELINE_REACH])
    if not m:
        a = _AR_DATELINE.search(text[:_DATELINE_REACH])
        return (a.start("city"), a.end("city"), a.group("city"), None) if a else None
    city, qual = m.group("city"), m.group("qual")
    if not (city.isupper() or qual or m.group("agency") or m.group("date")):
        return None
    return m.start("city"), m.end("city"), city, qual


def dateline_end(text: str) -> int:
    """Where the story proper begins after a dateline that opens `text` (0 when none): the
    date a dateline carries is the day the story was filed, not the day of its act."""
    m = _DATELINE.match(text)
    if not m or not (m.group("city").isupper() or m.group("qual") or m.group("agency") or m.group("date")):
        return 0
    return m.end()


def place_votes(
    names: Sequence[str],
    cands: Sequence[Sequence[Candidate]],
    first: Sequence[tuple[Candidate | None, float]],
    votes: FrameVotes,
    skip: str = "",
) -> None:
    """Add the votes of the story's names (each distinct name once): a name whose readings
    all lie in one admin1 votes for it; a name read with confidence though it has
    namesakes elsewhere gives a hint."""
    seen: set[str] = {skip.casefold()}
    # A place votes once however it is spelt: "Tennessee" and "Tenn." are one vote, as
    # "Tennessee" named twice is.
    cast: dict[int, float] = {}
    for n, cs, (best, conf) in zip(names, cands, first, strict=True):
        if n.casefold() in seen:
            continue
        seen.add(n.casefold())
        if best is None or conf < _MIN_CONF or best.feature_code in _NOT_REGIONAL:
            continue
        areas = {(c.country_code, c.admin1_code) for c in cs if _counts(c)}
        big = {(c.country_code, c.admin1_code) for c in cs if _counts(c) and not _dwarfed(c, best)}
        w = UNAMBIGUOUS_VOTES if len(big) <= 1 else HINT_VOTES
        if w > cast.get(best.geonameid, 0.0):
            # A state's name that has small namesakes ("Texas", "Maine") votes in full, but it
            # frames a story only beside a place inside it: sport and politics name states
            # ("Texas beat the Blue Jays") far more than towns named after them.
            votes.add(best, w - cast.get(best.geonameid, 0.0), n, grounded=not len(big) <= 1 < len(areas))
            cast[best.geonameid] = w


def filed_abroad(votes: FrameVotes, dateline: Candidate) -> bool:
    """Whether a dateline is a bureau abroad: the story's own names lead another country with
    at least one full vote and cast none for the dateline's country ("BEIRUT (Reuters) —" over
    a story of Idlib and Aleppo, "NAIROBI —" over one of Somali towns). The reporter filed
    there; the story is not set there, and its vote would outweigh a province's own names."""
    by_country = votes.by_country()
    if not by_country:
        return False
    cc, w = max(by_country.items(), key=lambda kv: kv[1])
    return cc != dateline.country_code and w >= _MIN_VOTES and by_country.get(dateline.country_code or "", 0.0) <= 0


def _dwarfed(c: Candidate, best: Candidate) -> bool:
    """Whether `c` is a town or county named after the state or province `best` and under a
    hundredth of its size: Maine, Wisconsin (2,000 people) beside Maine (1.1 million), Ohio
    County beside Ohio, or a tenth of it when the name is only one of its alternate names. News
    that names the small one says so ("Maine, Wis."); the state's name alone is the state's.
    A country or a city of weight beside it (Georgia, Victoria, Washington) keeps the name
    ambiguous."""
    if best.feature_code != "ADM1" or c.geonameid == best.geonameid or c.feature_code in ("ADM1", "PCLI"):
        return False
    # A town that bears the name only as an alternate one is a namesake ten times as small.
    return c.population * (100 if c.match == 2 else 10) < best.population


def _counts(c: Candidate) -> bool:
    """Whether a reading makes a name ambiguous: an exact or alternate name of a town of
    some size, an area, or a curated place (not a hamlet that shares a spelling key)."""
    return c.match > 0 and (c.population >= 1000 or c.is_area or c.curated or c.feature_class != "P")

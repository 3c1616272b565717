"""Incidents an article names with their place ("Tuesday's strike on the village of Kafr
Zita"), in sentences that may tell no news of their own: what places an event its own
sentences put only in a country, by a word for a place ("a rebel-held Syrian village"; see
`assemble`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import dates
from ..records import Place
from .places import specificity
from .sentences import Sentence

# "Rebels vowed revenge for Tuesday's strike on the town of Khan Sheikhun", "mourners buried
# the dead of the attack in Hadar town": an incident named with the place it happened and
# the word for that place (town, village …), in a sentence that may tell no news of its own.
# Two words at most between the preposition and that word, none a preposition.
_PLACE_WORD = r"(?P<word>town|village|city|camp|district|neighbou?rhood|suburb)"
_INCIDENT = (r"\b(?P<noun>(?:air\s*)?strikes?|airstrikes?|attacks?|raids?|bombings?|shelling|bombardment|blasts?|"
             r"explosions?|massacres?|assaults?|ambush(?:es)?|protests?|demonstrations?|rall(?:y|ies)|marches|"
             r"sit-ins?)\s+(?:on|in|at|near|against|targeting)\s+(?:the\s+)?"
             r"(?:(?!(?:in|of|at|on|near|by|from|to)\s)[\w'’-]+\s+){0,2}?")
_INCIDENT_AT = re.compile(_INCIDENT + _PLACE_WORD + r"\s+of\s+$", re.I)  # "… on the town of |X"
_INCIDENT_BEFORE = re.compile(_INCIDENT + "$", re.I)  # "… in |X town"
_WORD_AFTER = re.compile(r"\s+" + _PLACE_WORD + r"\b", re.I)
_PROTEST_NOUN = re.compile(r"protest|demonstration|rall|march|sit-in", re.I)
# "a suspected gas attack on a rebel-held Syrian town": the place told by its word alone.
UNNAMED_PLACE = re.compile(r"\b(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?" + _PLACE_WORD + r"\b(?!\s+(?:of|called|named)\s)",
                           re.I)


@dataclass(frozen=True)
class Reference:
    """An incident an article names with its place (`_INCIDENT_AT`): a protest or an act of
    violence, the place, the word the sentence calls the place by, the date its sentence
    states (None when it states none), and where that sentence starts in the article."""

    protest: bool
    place: Place
    word: str
    date: dates.ReportedDate | None
    sentence_start: int


def incident_references(sents: list[Sentence], published: dt.date | None) -> list[Reference]:
    """Each incident the article names at a place with its word (see `Reference`)."""
    out = []
    for sent in sents:
        for loc in sent.places:
            before = sent.text[max(0, loc.start - sent.start - 90):loc.start - sent.start]
            m = _INCIDENT_AT.search(before)
            word = _WORD_AFTER.match(sent.text, loc.end - sent.start)
            if m is None and word is not None:
                m = _INCIDENT_BEFORE.search(before)
            if m is None or not loc.place.country or specificity(loc.place) <= 0:
                continue
            out.append(Reference(bool(_PROTEST_NOUN.match(m["noun"])), loc.place,
                                 (m.groupdict().get("word") or (word["word"] if word else "")).lower(),
                                 dates.resolve(sent.text, published), sent.start))
    return out


def headline_places(title: str | None, sents: list[Sentence]) -> list[Place]:
    """The places finer than a country that the headline names and the story's sentences name
    too ("Drone attack kills officer in Cauca" … "the Cauca police commander"): a name read
    in the story, whole and with its capitals, found again in the headline. Each once."""
    if not title:
        return []
    out: dict[object, Place] = {}
    for sent in sents:
        for loc in sent.places:
            name = sent.text[loc.start - sent.start:loc.end - sent.start]
            if not loc.place.country or specificity(loc.place) <= 0 or len(name) < 3:
                continue
            if name in title and re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", title):
                out.setdefault(loc.place.geonameid or (loc.place.name, loc.place.admin1), loc.place)
    return list(out.values())

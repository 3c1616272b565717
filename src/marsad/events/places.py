"""Where an event happened: the places of its sentence, one event per place, as ACLED codes.

From the toponyms of the sentence, drop those that are not where something happened:
- metonymy and modifiers: "the government in Damascus", "Damascus has accepted",
  "Britain-based", "Iran-backed";
- containers: "Mayadin in Deir ez-Zor governorate" is one place, Mayadin; a country is
  dropped when a finer place is named.
A sentence with no place takes those of the nearest earlier sentence of its paragraph,
then the article's main country (country known, no point: never a country centroid).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..places.contain import follows_container
from ..records import Place

if TYPE_CHECKING:
    from .code import Sentence

_METONYM_BEFORE = re.compile(r"(?:\b(?:government|regime|authorities|officials|leadership|ministry|request|"
                             r"embassy|ambassador|envoy|delegation)\s+(?:in|of|by|from)|\bloyal to|\bbacked by|"
                             r"\ballied (?:with|to)|\baligned with|\bfunded by|\bsupported by|\bproxies of)"
                             r"\s+(?:the\s+)?$", re.I)
# "Iran's flags", "Syria's war" — but "Aleppo's eastern countryside" is a place. A country as
# the subject of an act ("Jordan carried out airstrikes") is the actor, not the place.
_METONYM_AFTER = re.compile(r"^(?:['’]s\s+(?!(?:\w+\s+)?(?:countryside|outskirts|suburbs?|districts?|"
                            r"neighbo(?:u)?rhoods?|province|old city|streets?|cent(?:re|er)|villages?|"
                            r"camps?|border|city|port|airport))|"
                            r"\s+(?:has|have|had|said|says|accepted|denied|announced|warned|demanded|agreed|"
                            r"rejected|called|urged|vowed|insisted|claimed|accused|blamed|condemned|pledged|"
                            r"carried|launched|struck|strikes|shelled|bombed|conducted|targeted|attacked|fired|"
                            r"sent|deployed|retaliated|responded|intercepted|downed|hit)\b|"
                            r"-(?:based|backed|linked|led|aligned|affiliated|allied|sponsored|funded|made)\b)", re.I)
_ROUTE_START = re.compile(r"(?:\bbetween|\bfrom|\blinking|\bthe)\s+$", re.I)
_ROUTE_END = re.compile(r"^(?:\s+(?:and|to)\s+|-|–)$")
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR"}


@dataclass(frozen=True)
class Located:
    """A toponym of the article (span in the article text) and the place it resolved to."""

    start: int
    end: int
    place: Place
    note: str = ""


def _is_country(p: Place) -> bool:
    return (p.feature_code or "") in _COUNTRY_CODES


def _where_things_happen(sent: Sentence) -> list[Located]:
    """The sentence's places minus metonymy, modifiers and containers."""
    out: list[Located] = []
    offset = sent.start
    for loc in sent.places:
        before = sent.text[: loc.start - offset]
        after = sent.text[loc.end - offset:]
        if _METONYM_BEFORE.search(before[-60:]) or _METONYM_AFTER.match(after[:40]):
            continue
        if out:
            gap = sent.text[out[-1].end - offset: loc.start - offset]
            if follows_container(gap) and out[-1].place.name != loc.place.name:
                continue  # "Mayadin in Deir ez-Zor governorate": Deir ez-Zor only says where Mayadin is
            if _ROUTE_END.match(gap) and _ROUTE_START.search(sent.text[: out[-1].start - offset]):
                continue  # "the road between Daraa and Tafas", "the Daraa-Tafas road": one place, near the first
        out.append(loc)
    # A name nobody can locate (no country, no point) only adds noise beside one that can be.
    if any(loc.place.country for loc in out):
        out = [loc for loc in out if loc.place.country]
    if any(not _is_country(loc.place) for loc in out):
        out = [loc for loc in out if not _is_country(loc.place)]
    # One event per place: the same place named twice is one place.
    seen: set[object] = set()
    unique = []
    for loc in out:
        key = loc.place.geonameid or loc.place.name.lower()
        if key not in seen:
            seen.add(key)
            unique.append(loc)
    return unique


def event_places(sent: Sentence, before: list[Sentence], country: Place | None) -> list[Located]:
    here = _where_things_happen(sent)
    # Foreign countries alone ("United States and British aircraft struck …") name who acted,
    # not where: the story's place is then the one the article was already at.
    abroad = bool(here) and country is not None and all(
        _is_country(loc.place) and loc.place.country != country.country for loc in here)
    if here and not abroad:
        return here
    # The story goes on where it was: the nearest earlier sentence of this paragraph or the
    # one before it that names a place.
    for prev in reversed(before):
        if prev.paragraph < sent.paragraph - 1:
            break
        there = _where_things_happen(prev)
        if there:
            return [Located(loc.start, loc.end, loc.place, "place from an earlier sentence") for loc in there]
    if here:
        return here
    if country is not None:
        return [Located(sent.start, sent.start, Place(name=country.name, country=country.country,
                                                     country_code=country.country_code),
                        "place not stated; country of the article")]
    return [Located(sent.start, sent.start, Place(name=""), "place not stated")]

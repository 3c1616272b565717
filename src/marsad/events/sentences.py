"""Stage 3 for one article: its sentences, each with the places found in it.

`Sentence` and `Located` are the records the later stages (mentions, places, claims) read.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..actors import ActorKB
from ..places import Gazetteer, PlaceResolver, find_toponyms
from ..places.contain import inherit_containers, locate_in_frame, same_as_bracketed
from ..places.context import Cues
from ..places.cues import capital_references
from ..records import Article, Place
from ..sources import SourceKB

# "the South", "the north": directions, not places, when they stand alone.
_COMPASS = {"north", "south", "east", "west", "the north", "the south", "the east", "the west", "northeast",
            "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
            "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
            "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western"}


# "killed 30 fighters in al-Hassakeh", "strikes on rebel-held Atareb": a name right after a
# locative word or a verb of attack.
_AFTER_CUE = re.compile(
    r"\b(?:in|near|outside|at|on|targeting|targeted|struck|hit|shelled|bombed|pounded|stormed|captured|seized|"
    r"besieged|rebel-held|government-held|regime-held|opposition-held|(?:town|city|village|district|"
    r"neighbou?rhood) of)\s+(?P<name>(?:[Aa][lnrsdtz]-|[Ee]l-)?[A-Z][a-z]{2,}(?:[- ](?:al-)?[A-Z][a-z]{2,})?)")


_PLACE_BEFORE = re.compile(r"\b(?:in|near|around|outside|at|across|into|from|targeting|targeted|struck|hit|shelled|"
                           r"bombed|pounded|stormed|captured|seized|besieged|(?:town|city|village|district|"
                           r"neighbou?rhood|province|countryside|outskirts) of)\s+(?:the\s+)?$")


def main_country(places: Iterable[Place]) -> Place | None:
    """The country most of the places are in, as a country-level place."""
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
            first.setdefault(p.country, p)
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    return Place(name=best, country=best, country_code=first[best].country_code)


def _recurring(text: str, spans: list[tuple[int, int, str]], resolved: list[Place]) -> list[tuple[int, int, str]]:
    """The other occurrences of a name the story already placed ("near the town of
    al-Sukhnah" … "warplanes pounded hideouts around al-Sukhnah"): written the same way, a
    name the language model missed the second time is still that place."""
    names = {text[s[0]:s[1]] for s, p in zip(spans, resolved, strict=True) if p.country and p.geonameid}
    out = []
    for name in names:
        if len(name) < 4 or not name[:1].isupper() and name[:3].lower() not in ("al-", "el-", "as-", "ad-", "ar-"):
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            # where a place stands: after "in", "near", "around", "struck" …
            if _PLACE_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                    and not any(s[0] < m.end() and m.start() < s[1] for s in spans):
                out.append((m.start(), m.end(), "GPE"))
    return sorted(set(out))


def _missed_in_home(text: str, spans: list[tuple[int, int, str]], resolved: list[Place],
                    gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Names the language model missed or took for an organisation that stand where a place
    stands (`_AFTER_CUE`) and that the gazetteer knows as a town of 1,000 or more, a
    province or district, or a seat, in the country most of the story's places are in."""
    country = main_country(resolved)
    if country is None or not country.country_code:
        return []
    home = country.country_code
    out = []
    for m in _AFTER_CUE.finditer(text):
        a, b = m.span("name")
        if any(s[0] < b and a < s[1] for s in spans) or text[a:b].lower() in _COMPASS:
            continue
        if any(c.country_code == home and (c.population >= 1000 or c.feature_code in ("ADM1", "ADM2") or c.seat)
               for c in gazetteer.candidates(text[a:b])):
            out.append((a, b, "GPE"))
    return out


def _story_country(places: Iterable[Place]) -> str | None:
    """The country that holds most of the story's places, at least two and more than half."""
    counts = Counter(p.country_code for p in places if p.country_code)
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n >= 2 and 2 * n > total else None


def _with_capitals(text: str, spans: list[tuple[int, int, str]], resolved: list[Place], gazetteer: Gazetteer,
                   resolver: PlaceResolver) -> tuple[list[tuple[int, int, str]], list[Place]]:
    """The spans and places, with the capitals the text names by their country ("the Syrian
    capital", "the capital" after a place of a country or in a story set in one country:
    `capital_references`), in text order."""
    placed = [(s[0], p.country_code) for s, p in zip(spans, resolved, strict=True) if p.country_code]
    refs = capital_references(text, gazetteer, _story_country(resolved), placed)
    # "Mali's capital", "the capital of Guinea-Bissau": the country named inside the reference
    # names whose capital it is; the place is the capital.
    inside = {i for i, (sp, p) in enumerate(zip(spans, resolved, strict=True)) if p.feature_code == "PCLI"
              and any(a <= sp[0] and sp[1] <= b for a, b, _ in refs)}
    kept = [(sp, p) for i, (sp, p) in enumerate(zip(spans, resolved, strict=True)) if i not in inside]
    found = [(a, b, c) for a, b, c in refs if not any(sp[0] < b and a < sp[1] for sp, _ in kept)]
    if not found:
        return spans, resolved
    pairs = [*kept, *(((a, b, "GPE"), resolver.to_place(text[a:b], c, 1.0, Cues())) for a, b, c in found)]
    pairs.sort(key=lambda sp: sp[0])
    return [s for s, _ in pairs], [p for _, p in pairs]


@dataclass(frozen=True)
class Located:
    """A toponym of the article (span in the article text) and the place it resolved to.
    `note` says how an event got a place its sentence does not name ("" when it does)."""

    start: int
    end: int
    place: Place
    note: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with what the stages found in it."""

    start: int
    end: int
    text: str
    paragraph: int
    places: tuple[Located, ...]


def _names(text: str, actors: ActorKB, sources: SourceKB) -> list[tuple[int, int]]:
    """Spans of actor and source names: never places, whatever spaCy says ("Hamas", "SANA")."""
    named = [(m.start, m.end) for m in actors.find(text)]
    return named + [(m.start(), m.end()) for m, _ in sources.matcher.finditer(text)]


def _not_a_place(text: str, span: tuple[int, int, str], named: list[tuple[int, int]]) -> bool:
    """Inside an actor's or source's name, or a name with a number after it: an outlet
    ("Suwayda 24", "دير الزور 24")."""
    return any(a <= span[0] and span[1] <= b for a, b in named) or \
        re.match(r"\s+\d+\b", text[span[1]:span[1] + 8]) is not None


def arabic_sentences(article: Article, *, gazetteer: Gazetteer, resolver: PlaceResolver,
                     actors: ActorKB, sources: SourceKB) -> list[Sentence]:
    """An Arabic article's sentences with their resolved places. No language model reads
    Arabic here: sentences split on Arabic punctuation and paragraphs, and toponyms are the
    gazetteer's Arabic names, their clitics peeled off (`marsad.arabic`)."""
    from ..arabic.places import find_toponyms as arabic_toponyms
    from ..arabic.text import sentences as arabic_split

    text = article.text
    named = _names(text, actors, sources)
    spans = [s for s in arabic_toponyms(text, gazetteer) if not _not_a_place(text, s, named)]
    home = sources.home_of(article.outlet)  # a local outlet's city frames its stories
    resolved = inherit_containers(text, [(s[0], s[1]) for s in spans], resolver.resolve_all(text, spans, outlet=home))
    located = [Located(s[0], s[1], p) for s, p in zip(spans, resolved, strict=True)]
    return [Sentence(start, end, text[start:end], para, tuple(loc for loc in located if start <= loc.start < end))
            for start, end, para in arabic_split(text)]


# Where a paragraph ends: every "\n\n", overlapping ones too ("\n\n\n" holds two).
_BLANK_LINE = re.compile(r"(?=\n\n)")


def sentences(article: Article, doc: Any, *, gazetteer: Gazetteer, resolver: PlaceResolver,
              actors: ActorKB, sources: SourceKB) -> list[Sentence]:
    """The article's sentences (never crossing a paragraph) with their resolved places."""
    text = article.text
    named = _names(text, actors, sources)
    spans = [s for s in find_toponyms(doc, gazetteer=gazetteer)
             if text[s[0]:s[1]].lower().strip() not in _COMPASS and not _not_a_place(text, s, named)]
    home = sources.home_of(article.outlet)  # a local outlet's city frames its stories
    resolved, frame = resolver.resolve_document(text, spans, outlet=home)
    extra = [s for s in [*_missed_in_home(text, spans, resolved, gazetteer), *_recurring(text, spans, resolved)]
             if not _not_a_place(text, s, named)]
    if extra:
        spans = sorted([*spans, *extra])
        resolved, frame = resolver.resolve_document(text, spans, outlet=home)
    spans, resolved = _with_capitals(text, spans, resolved, gazetteer, resolver)
    bounds = [(s[0], s[1]) for s in spans]
    resolved = inherit_containers(text, bounds, same_as_bracketed(text, bounds, resolved))
    # (the model's sentences read once: each reading of `doc.sents` walks every token)
    sent_spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
    resolved = locate_in_frame(text, bounds, resolved, frame, sent_spans, gazetteer)
    located = [Located(s[0], s[1], p) for s, p in zip(spans, resolved, strict=True)]
    paragraph_starts = [0] + [m.start() + 2 for m in _BLANK_LINE.finditer(text)]
    out = []
    for start, end in sent_spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        para = bisect.bisect_right(paragraph_starts, start) - 1
        here = tuple(loc for loc in located if start <= loc.start < end)
        out.append(Sentence(start, end, text[start:end], para, here))
    return out

"""Stages 3–8 for a batch of articles: annotate, places, actors, dates, events, claims.

For each article:

1. annotate — spaCy with marsad's ruler (`nlp`), sentences that never cross paragraphs;
2. places   — toponyms found and resolved against the article's own context (`places`);
3. sources  — attributions per sentence; a sentence without one inherits the last source
              the article named (reporters paraphrase the source they just cited);
4. per sentence — event type (`classify`), modality, background check and date (`dates`),
   actors (`actors`), fatalities, then one event per place (`place_rows`);
5. claims   — numeric claims (`claims`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language

from .. import claims as claim_stage
from .. import dates
from ..actors import ActorKB
from ..nlp import load_pipeline
from ..places import Gazetteer, PlaceResolver, find_toponyms
from ..places.contain import inherit_containers
from ..records import Article, Claim, Event, Evidence, FatalityReport, Place, content_id
from ..sources import SourceKB, unknown_attributions
from . import actors as actor_roles
from .classify import MILITARY_MEANS, classify
from .fatalities import fatalities
from .modality import modality
from .places import Located, event_places

_STRATEGIC = "Strategic developments"  # ACLED's event type, in data/acled.yaml

# "the South", "the north": directions, not places, when they stand alone.
_COMPASS = {"north", "south", "east", "west", "the north", "the south", "the east", "the west", "northeast",
            "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"}


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with what the stages found in it."""

    start: int
    end: int
    text: str
    paragraph: int
    places: tuple[Located, ...]


class EventCoder:
    """Articles → events and claims. Holds the loaded models; build once with `load`."""

    def __init__(self, *, nlp: Language, gazetteer: Gazetteer, actors: ActorKB, sources: SourceKB) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.resolver = PlaceResolver(gazetteer)
        self.actors = actors
        self.sources = sources

    @classmethod
    def load(cls) -> EventCoder:
        gaz = Gazetteer.open()
        return cls(nlp=load_pipeline(gaz), gazetteer=gaz, actors=ActorKB.load(), sources=SourceKB.load())

    def code(self, articles: Sequence[Article]) -> tuple[list[Event], list[Claim]]:
        events: list[Event] = []
        claims: list[Claim] = []
        # The lexicons and the language model are English: other articles are stored and
        # marked with their language, not coded (Arabic is a later capability).
        english = [a for a in articles if a.language == "en"]
        for article, doc in zip(english, self.nlp.pipe([a.text for a in english], batch_size=16), strict=True):
            sentences = self._sentences(article, doc)
            e, c = self._code_article(article, sentences)
            events.extend(e)
            claims.extend(c)
        return events, claims

    # -- stages ---------------------------------------------------------------------------------
    def _sentences(self, article: Article, doc: object) -> list[Sentence]:
        text = article.text
        # Names of actors and sources are not places, whatever spaCy says ("Hamas", "SANA").
        named = [(m.start, m.end) for m in self.actors.find(text)]
        named += [(m.start(), m.end()) for m, _ in self.sources.matcher.finditer(text)]
        # A place name with a number after it is an outlet ("Suwayda 24", "Deir Ezzor 24").
        spans = [s for s in find_toponyms(doc, gazetteer=self.gazetteer)
                 if text[s[0]:s[1]].lower().strip() not in _COMPASS
                 and not any(a <= s[0] and s[1] <= b for a, b in named)
                 and not re.match(r"\s+\d+\b", text[s[1]:s[1] + 8])]
        resolved = inherit_containers(text, [(s[0], s[1]) for s in spans], self.resolver.resolve_all(text, spans))
        located = [Located(s[0], s[1], p) for s, p in zip(spans, resolved, strict=True)]
        paragraph_starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
        out = []
        for sent in doc.sents:  # type: ignore[attr-defined]
            start, end = sent.start_char, sent.end_char
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

    def _code_article(self, article: Article, sentences: list[Sentence]) -> tuple[list[Event], list[Claim]]:
        published = dt.date.fromisoformat(article.published) if article.published else None
        named = self.sources.named_in(article.text)
        all_places = [loc for s in sentences for loc in s.places]
        country = _main_country(all_places)
        last_sources: tuple[str, ...] = ()
        story_date: tuple[str, int] | None = None  # the day the story is at so far
        events: dict[str, Event] = {}
        claims: list[Claim] = []
        paragraphs: dict[int, str] = {}
        for sent in sentences:
            paragraphs[sent.paragraph] = f"{paragraphs.get(sent.paragraph, '')} {sent.text}".strip()

        @functools.cache
        def reads_as_event(paragraph: int) -> bool:
            """Whether a paragraph, read whole, survives the non-event vetoes (once each)."""
            return classify(paragraphs[paragraph]) is not None
        for i, sent in enumerate(sentences):
            found = tuple(dict.fromkeys(a.canonical for a in self.sources.find_attributions(
                sent.text, article_sources=named))) or tuple(unknown_attributions(sent.text))
            sources = found or last_sources
            if found:
                last_sources = found
            found_claims = claim_stage.find(article, sent.start, sent.text, sent.places, self.actors,
                                            sources[0] if sources else None)
            for c in found_claims:
                # "The Deir Ezzor Governorate has 13 Iranian posts": the count goes on about
                # the subject of the claims before it.
                if c.subject is None and claims and claims[-1].subject:
                    c = replace(c, subject=claims[-1].subject)
                claims.append(c)
            coded = self._code_sentence(article, sent, sentences[:i], published, country, sources, story_date,
                                        reads_as_event)
            for e in coded:
                events[e.event_id] = _merge(events.get(e.event_id), e)
            if coded and coded[0].event_date and coded[0].time_precision == 1:
                story_date = (coded[0].event_date, 1)
        return list(events.values()), claims

    def _code_sentence(self, article: Article, sent: Sentence, before: list[Sentence],
                       published: dt.date | None, country: Place | None,
                       sources: tuple[str, ...], story_date: tuple[str, int] | None,
                       reads_as_event: Callable[[int], bool]) -> list[Event]:
        cls = classify(sent.text)
        if cls is None:
            return []
        # The paragraph must read as an event too: "explosions tore through an industrial
        # area" is an accident when the next sentence says the plant stored chemicals.
        # Air strikes and shelling that start fires are still air strikes and shelling.
        if cls.sub_event_type not in MILITARY_MEANS and not reads_as_event(sent.paragraph):
            return []
        mode = modality(sent.text, cls.trigger_start, cls.trigger_end)
        reported = dates.resolve(sent.text, published)
        if reported is None:
            # The nearest earlier sentence of the same paragraph that states a date.
            for prev in reversed(before):
                if prev.paragraph != sent.paragraph:
                    break
                reported = dates.resolve(prev.text, published)
                if reported is not None:
                    break
        if dates.is_background(sent.text, published, reported):
            return []
        if reported is not None:
            event_date, precision = reported.date.isoformat(), reported.precision
        elif story_date is not None:
            # Undated here, but the story already said which day it is telling.
            event_date, precision = story_date
        elif published is not None:
            # Undated in the text: reported as news, so within the week before publication.
            event_date, precision = published.isoformat(), 2
        else:
            event_date, precision = None, None
        places = event_places(sent, before, country)
        roles = actor_roles.assign(sent.text, cls, self.actors, country=(places[0].place.country if places
                                                                         else country.country if country else None),
                                   date=event_date)
        killed = fatalities(sent.text)
        evidence = (Evidence(article.article_id, sent.start, sent.end, sent.text),)
        out = []
        for loc in places:
            p = loc.place
            toll = killed if loc is places[0] else _split(killed)
            reports = (FatalityReport(toll, sources[0] if sources else None, article.article_id),) \
                if toll is not None else ()
            # ACLED's unit: one event type, one place, one day, one attacker. Two named sides
            # at one place on one day are two events (an exchange of fire); an attacker the
            # report does not name stays out of the id, so such reports merge with each other.
            side = roles.actor1 if roles.actor1 and not roles.actor1.startswith("Unidentified") else None
            # Strategic developments are unlike one another (arrests, looting, an agreement): the
            # sub-type is the kind; a battle told as a clash and as a capture is one event.
            kind = cls.sub_event_type if cls.event_type == _STRATEGIC else cls.event_type
            event_id = content_id(kind, event_date, p.geonameid or p.name or p.country, side)
            out.append(Event(
                event_id=event_id, event_type=cls.event_type, sub_event_type=cls.sub_event_type,
                event_date=event_date, time_precision=precision,
                actor1=roles.actor1, assoc_actor_1=roles.assoc1, inter1=roles.inter1,
                actor2=roles.actor2, assoc_actor_2=roles.assoc2, inter2=roles.inter2,
                country=p.country, admin1=p.admin1, admin2=p.admin2, location=p.name if p.name else None,
                latitude=p.latitude, longitude=p.longitude, geo_precision=p.geo_precision,
                geonameid=p.geonameid, fatalities=toll, fatality_reports=reports,
                sources=sources, article_ids=(article.article_id,), evidence=evidence, modality=mode,
                # ACLED's notes summarise the event: here, the sentence it was coded from,
                # and how the place was chosen when the sentence does not name one.
                notes=sent.text[:300] + (f" [{loc.note}]" if loc.note else ""),
            ))
        return out


def _split(killed: int | None) -> int | None:
    """Fatalities for the second and later places of a sentence that names several: the
    sentence's toll goes to its first place, so the total is never counted twice."""
    return 0 if killed == 0 else None


def _main_country(located: list[Located]) -> Place | None:
    """The country most places of the article are in, as a country-level place."""
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for loc in located:
        c = loc.place.country
        if c:
            counts[c] = counts.get(c, 0) + 1
            first.setdefault(c, loc.place)
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    p = first[best]
    return Place(name=best, country=best, country_code=p.country_code)


def _merge(old: Event | None, new: Event) -> Event:
    """The same event told twice in one article: one event, both sentences as evidence;
    the first figure given stands (a later sentence of the same report adds detail, not a toll)."""
    if old is None:
        return new
    filled = {k: getattr(new, k) for k in ("actor1", "inter1", "actor2", "inter2") if getattr(old, k) is None}
    if old.actor1 and old.actor1.startswith("Unidentified") and new.actor1 \
            and not new.actor1.startswith("Unidentified"):
        filled.update(actor1=new.actor1, inter1=new.inter1)  # a named actor beats an unnamed one
    # Figures per source: a source's first figure stands (its later sentences add detail);
    # different sources' figures are all kept, and the event takes the lowest.
    reports = {r.source: r for r in reversed(new.fatality_reports + old.fatality_reports)}
    kept = tuple(sorted(reports.values(), key=lambda r: (r.source or "", r.fatalities)))
    return replace(
        old,
        evidence=tuple(dict.fromkeys(old.evidence + new.evidence)),
        sources=tuple(dict.fromkeys(old.sources + new.sources)),
        fatalities=min(r.fatalities for r in kept) if kept else None,
        fatality_reports=kept,
        **filled,
    )

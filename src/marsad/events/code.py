"""Stages 3–8 for a batch of articles: annotate, places, actors, dates, events, claims.

For each article:

1. annotate  — spaCy with marsad's ruler (`nlp`); sentences that never cross paragraphs,
               each with its toponyms found and resolved in the article's context
               (`sentences`);
2. sources   — attributions per sentence; a sentence without one inherits the last source
               the article named (reporters paraphrase the source they just cited);
3. claims    — numeric claims per sentence (`claims`);
4. mentions  — per sentence: event type (`classify`), modality, background check and date
               (`dates`), places, actors, fatalities (`mentions`);
5. assemble  — the article's mentions → its events, one per real-world event, the main
               one marked (`assemble`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .. import claims as claim_stage
from .. import dates
from ..actors import ActorKB
from ..arabic.text import is_arabic
from ..nlp import LONG, WINDOW, load_pipeline, windows
from ..places import Gazetteer, PlaceResolver
from ..records import Article, Claim, Event, Evidence, Place, content_id
from ..sources import SourceKB, unknown_attributions
from .assemble import VIOLENT, assemble
from .classify import classify, new_article, story_names, story_topics
from .gate import story_gate
from .live import day_heading, entry_day, live_page, opens_an_entry, page_day
from .mentions import ArticleContext, Mention, another_incident, carry_actor, follow_up, sentence_mentions
from .places import dateline_places, specificity
from .references import headline_places, incident_references
from .sentences import Sentence, arabic_sentences, main_country, sentences

# What a census counts: "125 locations", "37 posts", "13 military sites".
_PLACES_COUNTED = re.compile(r"(?:\w+\s+)*(?:locations|posts|sites|positions|bases|points|headquarters|centers|"
                             r"centres|checkpoints|outposts|facilities|depots|warehouses|camps)$", re.I)
# Where forces are, told as a state with no day of its own ("most Iranian fighters … are
# deployed in southern Damascus, the southern countryside of Aleppo …"): a census in words,
# as a count of their posts is, never an event. "Troops were deployed to X on Monday" is one.
_STATIONED = re.compile(r"\b(?:is|are)\s+(?:(?:still|now|mainly|mostly|also|currently|largely|widely)\s+)?"
                        r"(?:deployed|stationed|based|positioned|present|distributed|spread|concentrated|"
                        r"entrenched)\s+(?:in|across|throughout|over|at|along|on)\b", re.I)


# An event the story dates this many days or more before its news (its first event, else its
# publication), told after that news, is background it recalls ("the offensive began on
# September 22"): it was news when it happened. The story's first event may be old: a report
# on a mass grave, whose later sentences go on about that old event.
RECALLED_DAYS = 15

# What an English story must name somewhere (a cue of the event lexicon) for a sub-type whose
# words are also those of crime reports to be coded from it. A story that never names armed
# conflict, a protest, a riot or a mob tells its killings and fights as crime ("stabbed at a
# party", "the murders of five family members"), and an arrest there is policing ("arrested
# on insider-trading charges") unless the one arrested is political (an activist, a
# journalist, an opponent). ACLED codes neither. A weapons haul or a rape has words of its own.
# A deployment, a withdrawal or flags taken down need armed men or their means somewhere in
# the story ("salt trucks were deployed" is none; "militias ... the symbols of Iran are being
# removed" one sentence later is one).
STORY_NEEDS = {"Attack": "story_context", "Armed clash": "story_context", "Arrests": "arrest_story",
               "Change to group/activity": "armed_presence"}
# The Attack and Armed clash gate only closes on a story told as crime (suspects, detectives,
# a court): a one-line report of a killing ("six people were killed in an attack on a village")
# is not held to it.
CRIME_SHAPED = ("Attack", "Armed clash")

# A story is about political violence when its headline or its opening sentences tell an event
# or name armed conflict: news puts its subject first. In a story about something else (a
# doctor's profile, a tax rally, a baseball game, a fentanyl crisis) the violence it names
# further down is a comparison, a memory or a figure of speech ("a Gavrilo Princip
# assassination for the world"), not news an analyst codes. Protests and riots are coded
# wherever a story tells them (a rally in a story on a carbon tax is one), and so is an act
# whose sentence names its own day.
LEDE_SENTENCES = 3
ANYWHERE = ("Protests", "Riots")

# A story whose opening is about another walk of life (a match, a market, a trial, a storm,
# a film, a drill, an animal, a disease, a homecoming or a festival; see
# `classify.story_topics`) tells its violent words as figures of speech, memories or
# subjects: "Chelsea had attacked relentlessly", "the killer disease", "missiles rolled
# through the square". Only its protests and riots are coded. Never when the opening names
# someone armed or political violence ("gunmen stormed the stadium"). The topics that are war words' own subject or
# figure hold whatever war words the opening uses; the others hold only in a story that
# names no armed conflict ("a storm killed three" yes; "the storm hit a displaced camp
# shelled last week" no).
TOPICS_WITH_WAR_WORDS = frozenset({"SPORT", "RHETORIC", "BUSINESS", "HEALTH", "FICTION", "DRILL", "ANIMAL",
                                   "COURT", "HOMECOMING"})
# Topics whose subject is past violence (a trial, a film): an act the story tells on a day of
# its own ("on Tuesday a car bomb exploded outside the court") or as a separate incident
# ("Separately, rebels clashed with troops around Debre Markos") is news.
TOPICS_OF_PAST_VIOLENCE = frozenset({"COURT", "FICTION"})
TOPICS = TOPICS_WITH_WAR_WORDS | {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ROAD_ACCIDENT", "INDUSTRIAL_FIRE", "CYBER",
                                   "CELEBRATION"}

ACCIDENTS = frozenset({"MAN_MADE_DISASTER", "ROAD_ACCIDENT", "INDUSTRIAL_FIRE"})
_BLASTS = re.compile(r"\b(?:explosions?|blasts?|explod\w*|blew\s+up)\b", re.I)
_ARMED_CUES = ("military_context", "armed_actor", "non_state_actor", "political_violence", "remote_weapon")

BATCH_CHARS = 200_000
CODED_LANGUAGES = ("en", "ar")


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
        # English and Arabic are coded; other articles are stored and marked with their
        # language, not coded. English goes through the language model; Arabic has none
        # here (`arabic_sentences`); every later stage reads both.
        units: list[tuple[Article, int]] = []  # an article, or a window of a long one at its offset
        for a in articles:
            if a.language not in CODED_LANGUAGES:
                continue
            if len(a.text) <= LONG:
                units.append((a, 0))
                continue
            offset = 0
            for piece in windows(a.text, WINDOW):
                units.append((replace(a, text=piece), offset))
                offset += len(piece)
        docs = self._annotate([u.text for u, _ in units if u.language == "en"])
        stories: dict[str, Story] = {}  # read from an article's first window, for all of them
        for unit, offset in units:
            new_article()
            if unit.language == "en":
                sents = sentences(unit, next(docs), gazetteer=self.gazetteer, resolver=self.resolver,
                                  actors=self.actors, sources=self.sources)
            else:
                sents = arabic_sentences(unit, gazetteer=self.gazetteer, resolver=self.resolver,
                                         actors=self.actors, sources=self.sources)
            if unit.article_id not in stories:
                stories[unit.article_id] = _story(unit, sents)
            e, c = self._code_article(unit, sents, stories[unit.article_id])
            if offset:
                e, c = _shift(e, offset), [_shift_claim(x, offset) for x in c]
            events.extend(e)
            claims.extend(c)
        return events, claims

    def _annotate(self, texts: list[str]) -> Iterator[Doc]:
        """The language model over texts in batches of up to 16 texts and `BATCH_CHARS`
        characters: its memory grows with the characters of a batch."""
        batch: list[str] = []
        for text in texts:
            if batch and (len(batch) == 16 or sum(map(len, batch)) + len(text) > BATCH_CHARS):
                yield from self.nlp.pipe(batch, batch_size=len(batch))
                batch = []
            batch.append(text)
        if batch:
            yield from self.nlp.pipe(batch, batch_size=len(batch))

    def _code_article(self, article: Article, sents: list[Sentence], story: Story) -> tuple[list[Event], list[Claim]]:
        named = self.sources.named_in(article.text)

        @functools.cache
        def reads_as_event(index: int) -> bool:
            """Whether a sentence read with its neighbours in its paragraph survives the
            non-event vetoes. Neighbours, not the whole paragraph: a scraped body can be
            one paragraph from headline to tags, and a plane crash told in its fifth
            sentence does not make its first an accident."""
            here = sents[index]
            # A neighbour that tells another incident ("Meanwhile, a roadside bomb killed three
            # soldiers …" after a court's verdict) is no context of this one.
            near = [s.text for j, s in enumerate(sents[max(0, index - 1):index + 2], start=max(0, index - 1))
                    if s.paragraph == here.paragraph
                    and not (j == index - 1 and _tells_another(here.text))
                    and not (j == index + 1 and _tells_another(s.text))]
            return classify(" ".join(near)) is not None

        ctx = ArticleContext(
            article=article,
            published=dt.date.fromisoformat(article.published) if article.published else None,
            country=_article_country(sents),
            actors=self.actors,
            reads_as_event=reads_as_event,
            air_story=story.air,
        )
        last_sources: tuple[str, ...] = ()
        story_date: tuple[str, int] | None = None  # the day the story is at so far
        live = live_page(article.text)
        heading_day: dt.date | None = None  # a live page's heading of the day
        here = ctx  # the context a sentence is read in: on a live page, its heading's day
        mentions: list[Mention] = []
        claims: list[Claim] = []
        count_date: tuple[int, int, tuple[str, int] | None] = (-2, -1, None)  # sentence, paragraph, date
        for i, sent in enumerate(sents):
            found = tuple(dict.fromkeys(a.canonical for a in self.sources.find_attributions(
                sent.text, article_sources=named))) or tuple(unknown_attributions(sent.text))
            sources = found or last_sources
            if found:
                last_sources = found
            # "… counted in May 2023. The Deir Ezzor Governorate has 13 posts": a count that goes
            # on from the sentence just before, in its paragraph, keeps the date stated there.
            carried = count_date[2] if count_date[:2] == (i - 1, sent.paragraph) else None
            found_claims = claim_stage.find(article, sent.start, sent.text, sent.places, self.actors,
                                            sources[0] if sources else None, published=ctx.published,
                                            carried=carried)
            if found_claims:
                stated = claim_stage.own_date(sent.text, ctx.published)
                count_date = (i, sent.paragraph, (stated.date.isoformat(), stated.precision) if stated else carried)
            for c in found_claims:
                # "The Deir Ezzor Governorate has 13 Iranian posts": the count goes on about
                # the subject of the claims before it — a census goes on counting one kind of
                # thing; "crews recovered 31 bodies" after a count of fighters is not theirs.
                if c.subject is None and claims and claims[-1].subject and claims[-1].unit_class == c.unit_class:
                    c = replace(c, subject=claims[-1].subject)
                claims.append(c)
            # An Arabic count of places is told by its unit class (the noun's forms are many).
            census = any(_PLACES_COUNTED.match(c.unit) or (c.unit_class == "positions" and is_arabic(c.unit))
                         for c in found_claims) or bool(
                _STATIONED.search(sent.text) and not dates.names_a_day(sent.text)
                and claim_stage.own_date(sent.text, ctx.published) is None)
            if live:
                # An entry of a live page is of the page's day unless it says otherwise (`live.py`).
                heading = day_heading(sent.text, ctx.published) or entry_day(sent.text, heading_day or ctx.published)
                if heading is not None:
                    # (… and its "this morning", "today" are of that day: "MONDAY 1 JANUARY … 10:20
                    # The governor says a drone hit a bus stop this morning" on a page published on
                    # 31 December)
                    heading_day, here = heading, replace(ctx, published=heading)
                if heading is not None or opens_an_entry(sent.text):
                    story_date = page_day(heading_day, ctx.published)
            told = sentence_mentions(here, i, sent, sents[:i], sources, story_date, counts=census)
            if not told and mentions and mentions[-1].sentence >= i - 2:
                told = follow_up(here, i, sent, sents[:i], sources, mentions[-1])
            if mentions and (_recalled(told, _news_day(mentions, ctx.published)) or _recalled_vaguely(told, mentions)):
                told = []
            mentions.extend(carry_actor(told, mentions))
            if told and told[0].event.event_date and told[0].event.time_precision == 1:
                story_date = (told[0].event.event_date, 1)
            elif not told and _ROUND_UP_HEAD.search(sent.text) and not _NO_INCIDENTS.search(sent.text):
                # "A summary of incidents reported in Sagaing on Wednesday, January 17": the day
                # of the undated items that follow, when it is of the week the story was filed.
                day = dates.resolve(sent.text, ctx.published)
                if day is not None and day.precision == dates.DAY and (
                        ctx.published is None or 0 <= (ctx.published - day.date).days <= 7):
                    story_date = (day.date.isoformat(), dates.DAY)
        headline = classify(article.title) if article.title else None
        if article.language == "en":
            mentions = _without_responses(_kept_by_story(article, mentions))
            if not story.news:
                # The learned gate (`gate.py`) reads the story as another kind of news: only
                # its protests and riots are coded, as in a story about another walk of life —
                # and an act of war told with its day, its dead and armed men who did it
                # ("Insurgents attacked a village near Mecula on Monday, killing two people" in a
                # story of an elephant census), which no figure of speech is.
                mentions = [m for m in mentions if m.event.event_type in ANYWHERE or _told_as_war(m)]
            if story.topic is not None:
                dated = story.topic in TOPICS_OF_PAST_VIOLENCE
                mentions = [m for m in mentions if _anywhere(m, story.topic)
                            or dated and (m.day_named or m.another == "separate")]
            elif not story.violent:
                # Unless the sentence dates its act itself ("on Tuesday", "overnight"): news
                # told under a page's chrome or a feature's opening.
                mentions = [m for m in mentions if m.event.event_type in ANYWHERE or m.day_named]
        return assemble(mentions, article=article, headline=headline,
                        references=incident_references(sents, ctx.published),
                        headline_places=headline_places(article.title, sents)), claims



# The opening of a round-up: "Here is a summary of conflict incidents reported in … on …",
# "The following attacks were recorded on 14 June".
_ROUND_UP_HEAD = re.compile(r"\b(?:incidents|events|developments|attacks|violations|clashes)\b[^.;]{0,60}?"
                            r"\b(?:were |was )?(?:reported|recorded|documented|registered|monitored|took place)\b",
                            re.I)
_NO_INCIDENTS = re.compile(r"\b(?:no|without(?: any)?)\s+(?:\w+\s+)?(?:incidents|events|developments|attacks|"
                           r"violations|clashes)\b|\banniversar", re.I)
_MEANWHILE = re.compile(r"\s*(?:meanwhile|in other news)\b", re.I)
# ... unless it goes on with what was told ("On Tuesday, another explosion at the depot …").
_GOES_ON = re.compile(r"\b(?:another|again|the same|also|further)\b", re.I)
_OPENS_WITH_ITS_DAY = re.compile(r"\W*(?:(?:late|early)\s+)?on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                                 rf"Saturday|Sunday)\b|\d{{1,2}}\s+{dates.MONTH_NAME}(?!\w)|{dates.MONTH_NAME}\s+\d{{1,2}}\b)",
                                 re.I)


def _article_country(sents: list[Sentence]) -> Place | None:
    """The country most of the story's places are in, the wire's dateline left out when the
    story names other places: "BEIRUT (Reuters) - Syrian forces shelled a district of Homs"
    is a story of Syria filed from Beirut."""
    dateline = {id(loc) for loc in dateline_places(sents[0])} if sents else set()
    places = [loc.place for s in sents for loc in s.places if id(loc) not in dateline]
    # When what is left names no more than countries ("GOMA, Congo (AP) — rebels clashed with
    # the army"), the dateline's own town says which country it is.
    if any(specificity(p) > 0 for p in places):
        return main_country(places)
    return main_country(loc.place for s in sents for loc in s.places)


def _tells_another(text: str) -> bool:
    """Whether a sentence opens another incident or another item of news ("Separately, …",
    "Meanwhile, …", or its own day: "On Monday traders … held a protest rally" after a claim
    of Friday's attack)."""
    return another_incident(text) == "separate" or _MEANWHILE.match(text) is not None \
        or _OPENS_WITH_ITS_DAY.match(text) is not None and not _GOES_ON.search(text)


def _anywhere(mention: Mention, topic: str) -> bool:
    """Whether a story on `topic` still codes this mention: a protest or a riot — but in a
    story of a parade, a festival or a military show, a march only where its sentence says the
    crowd protests ("20,000 are expected to line the route for the march" is the parade,
    "marching contingents of the army" the show), and so in a review of a play or a film ("the
    company marches through a patriotic medley") and in commentary ("the fall of Qusayr has been
    celebrated in Damascus")."""
    if mention.event.event_type not in ANYWHERE:
        return False
    return topic not in ("CELEBRATION", "DRILL", "FICTION", "COMMENTARY") or mention.event.event_type != "Protests" \
        or any(story_names(ev.text, "protest_claim") for ev in mention.event.evidence)


def _kept_by_story(article: Article, mentions: list[Mention]) -> list[Mention]:
    """The mentions whose sub-type the story supports (`STORY_NEEDS`). Each cue is searched
    in the story once, and only when a mention asks for it."""
    story = f"{article.title or ''}\n{article.text}"

    @functools.cache
    def names(cue: str) -> bool:
        return story_names(story, cue)

    def kept(m: Mention) -> bool:
        need = STORY_NEEDS.get(m.event.sub_event_type)
        if need is None:
            return True
        if m.event.sub_event_type in CRIME_SHAPED and not names("crime_story"):
            return True
        return names(need)

    return [m for m in mentions if kept(m)]


# "Reinforcements have been sent from Mianwali city, police say": troops sent to where an act
# of violence the story tells was, its response — news of that act, not a move of its own.
_REINFORCEMENTS = re.compile(r"\breinforc\w*", re.I)


def _without_responses(mentions: list[Mention]) -> list[Mention]:
    """The mentions less reinforcements sent within a day of a violent act the story tells, in
    its province (reinforcements moved into another province are news of their own)."""
    acts = {(dt.date.fromisoformat(m.event.event_date), m.event.admin1) for m in mentions
            if m.event.event_type in VIOLENT and m.event.event_date}

    def response(m: Mention) -> bool:
        if m.event.sub_event_type != "Change to group/activity" or not m.event.event_date \
                or not any(_REINFORCEMENTS.search(ev.text) for ev in m.event.evidence):
            return False
        day = dt.date.fromisoformat(m.event.event_date)
        return any(abs((day - d).days) <= 1 and (admin1 == m.event.admin1 or not m.place_stated) for d, admin1 in acts)

    return [m for m in mentions if not response(m)]


# "Opinion: The West is losing …", "EDITORIAL | …", "Book review: …": commentary argues about
# events and a review judges a work; neither reports them. (A news analysis often opens with
# the news: "Analysis: Israeli strike on Rafah kills 20 as talks stall".)
_COMMENTARY = re.compile(r"\s*(?:(?:opinion|comment|commentary|editorial|op-ed|column|letters?|review|"
                         r"(?:book|film|movie|game|theatre|theater|album|tv|television|concert|exhibition)\s+review)"
                         r"\s*[:|–—-]\s|review\s*[:|–—-]\s*['‘\"“])", re.I)


@dataclass(frozen=True)
class Story:
    """What an English article's opening says of the whole story (see `LEDE_SENTENCES`).
    violent: it tells an event or names armed conflict or organised violence.
    air: it tells an air or drone strike."""

    violent: bool = True
    air: bool = False
    topic: str | None = None  # the other walk of life it is about (`TOPICS`, or commentary), if any
    news: bool = True  # the story gate (`gate.story_gate`) lets it through as news of violence or unrest


# A line of a page's chrome, not a sentence of the story: "By Jane Doe", "Updated 10:42
# GMT", "Photo: Reuters", "Share", "Advertisement" — too short to tell anything.
_MIN_WORDS = 8


def _story(article: Article, sents: list[Sentence]) -> Story:
    """The headline and the first `LEDE_SENTENCES` sentences of eight words or more."""
    if article.language != "en":
        return Story()
    lede = islice((s.text for s in sents if len(s.text.split()) >= _MIN_WORDS), LEDE_SENTENCES)
    opening = [t for t in (article.title, *lede) if t]
    told = [c for c in map(classify, opening) if c is not None]
    text = "\n".join(opening)
    war = story_names(text, "conflict_context")
    # An explosion or a blast is what an accident has too: "an explosion in a supermarket …
    # may have been caused by a gas leak" names no war until something else does.
    war_beside_accident = story_names(_BLASTS.sub(" ", text), "conflict_context")
    def war_for(t: str) -> bool:
        if t in ACCIDENTS:
            return war_beside_accident
        if t == "CELEBRATION":
            # A race "battled through driving rain", a festival's "clash of cultures": only
            # someone armed, a weapon or political violence makes its story one of war.
            return any(story_names(text, cue) for cue in _ARMED_CUES)
        return war

    topic = next((t for t in story_topics(text) if t in TOPICS_WITH_WAR_WORDS
                  or t in TOPICS and not war_for(t)), None)
    if topic is None and _COMMENTARY.match(article.title or ""):
        topic = "COMMENTARY"
    return Story(violent=bool(told) or war or story_names(text, "organised_violence"),
                 air=any(c.sub_event_type == "Air/drone strike" for c in told), topic=topic,
                 news=story_gate().passes(article.title, article.text))


def _told_as_war(m: Mention) -> bool:
    """Whether a mention tells an act of war in full: violent, its own day named, its dead
    counted and armed men named as its doers."""
    text = m.event.evidence[0].text if m.event.evidence else ""
    return m.event.event_type in VIOLENT and m.day_named and bool(m.event.fatalities) \
        and story_names(text, "non_state_actor")


def _news_day(mentions: list[Mention], published: dt.date | None) -> dt.date | None:
    """The day of the story's news: its first event's when that names a day, else the
    publication's."""
    first = mentions[0].event
    return dt.date.fromisoformat(first.event_date) if first.event_date and first.time_precision == 1 else published


_LAST_MONTH = re.compile(r"\blast month\b", re.I)


def _recalled(told: list[Mention], news_day: dt.date | None) -> bool:
    """Whether a sentence's mentions all tell an event dated (by the sentence or the one
    before it) `RECALLED_DAYS` or more before the story's news, or only to a month before
    the news's month ("Last month, an attack on an army post killed three soldiers")."""
    def earlier(e: Event) -> bool:
        if not e.event_date or news_day is None:
            return False
        # "On March 2, militants fired mortars at the same base": an earlier act a sentence
        # opens by dating to its calendar day is told as an event of its own (months back it
        # is history: `dates.is_background`).
        if e.time_precision == dates.DAY and any(dates.opens_with_a_calendar_day(ev.text) for ev in e.evidence):
            return False
        day = dt.date.fromisoformat(e.event_date)
        if e.time_precision == dates.MONTH and (day.year, day.month) < (news_day.year, news_day.month) \
                and any(_LAST_MONTH.search(ev.text) for ev in e.evidence):
            return True
        return (news_day - dates.latest_day(day, e.time_precision)).days >= RECALLED_DAYS

    return news_day is not None and bool(told) and all(earlier(m.event) for m in told)


# An act the story recalls from "last week" or "a few days ago", with no day of its own, beside
# news it dates to a day: background it was news in then ("Last week, fighters raided villages
# west of the city"; "واعتقل فرع الأمن العسكري قبل أيام شابين").
_VAGUELY_EARLIER = re.compile(r"\b(?<!since\s)(?:last\s+week|(?:a\s+few\s+|several\s+)?days\s+ago)\b|"
                              r"(?<![\w\u0600-\u06ff])قبل\s+(?:بضعة\s+|عدة\s+)?[أا]يام(?![\w\u0600-\u06ff])|"
                              r"(?<![\w\u0600-\u06ff])(?:ال)?[أا]سبوع\s+الماضي", re.I)


def _recalled_vaguely(told: list[Mention], before: list[Mention]) -> bool:
    """Whether a sentence's mentions all tell an act it dates only vaguely back ("last week",
    "days ago", "قبل أيام"), when the story has told an act dated to a day."""
    return bool(told) and any(m.day_named and m.event.time_precision == dates.DAY for m in before) and all(
        not m.day_named and _VAGUELY_EARLIER.search(m.event.evidence[0].text) for m in told)


def _moved(spans: tuple[Evidence, ...], offset: int) -> tuple[Evidence, ...]:
    return tuple(replace(v, start=v.start + offset, end=v.end + offset) for v in spans)


def _shift(events: list[Event], offset: int) -> list[Event]:
    """Events of a window `offset` characters into its article, with spans into the article.
    The article's main event is its first window's (the lede is there). An event's id is
    kept: the same event told again in a later window is stored as one."""
    return [replace(e, evidence=_moved(e.evidence, offset), main_for=()) for e in events]


def _shift_claim(c: Claim, offset: int) -> Claim:
    return replace(c, evidence=_moved(c.evidence, offset), claim_id=content_id(c.claim_id, offset))

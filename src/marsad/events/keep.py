"""Is an event beside the article's main one an event of its own? The learned event keeper.

A story tells its main event, then goes on: the same act again in other words, its toll
told as a fight, a recalled act of last month, a tally, a second real incident. The rules
of `assemble` join what they can recognise; what is left beside the main event is a mix of
real second incidents and retellings that no rule caught. An analyst tells them apart from
how the story tells them: a second incident has its own place and day, is marked as another
("separately", "in another attack"), has its own toll and its own sentence; a retelling
shares the main event's place, day or kind, comes as one sentence deep in the story, and
names nothing of its own.

The keeper is a logistic regression over such signs (`features`), trained by
`eval/train_keep.py` on the **tune** parts of marsad's development sets only (the stories
written for marsad, the own event gold, the Arabic reports): an event beside the main one
that matches an analyst's event is kept, one that matches none is not. It is shipped as
`data/event_keeper.json`. It never judges the main event, nor an article's only event, nor
the events of a text too short to be a story (`judged`), nor one place of a list
(`_one_of_a_list`): the story gate and the rules judge those. A long article coded in
windows (`nlp.windows`) is judged window by window, each against its own first event.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

from ..link import level
from ..records import Article, Event
from .gate import MIN_WORDS, LinearModel, first_words, sigmoid
from .mentions import Mention

# How a sentence tells its act, in words any news story uses: a retelling or a look back
# ("has carried out", "had shelled", "since March", "earlier this month") against news of
# the day ("on Tuesday", "yesterday").
_SIGNS = {
    "present_perfect": re.compile(r"\b(?:has|have)\s+(?:also\s+|been\s+|now\s+)*\w+(?:ed|en|ught|ook|ew|ung)\b", re.I),
    "past_perfect": re.compile(r"\bhad\s+(?:also\s+|been\s+)*\w+(?:ed|en|ught|ook|ew|ung)\b", re.I),
    "quoted": re.compile(r"[\"“”]"),
    "said": re.compile(r"\b(?:said|says|told|reported|according\s+to|claimed)\b|قال|أفاد|بحسب|وفق", re.I),
    "since": re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+recent|over\s+the\s+past|in\s+the\s+past|"
                        r"this\s+(?:year|month)|last\s+(?:year|month))\b|منذ|خلال", re.I),
    "earlier": re.compile(r"\b(?:earlier|previously|before\s+that|last\s+week|days\s+ago|weeks\s+ago)\b", re.I),
    "number": re.compile(r"\d|[٠-٩]"),
}


def _bucket(n: int, edges: Sequence[int]) -> str:
    """The first edge `n` is at most, as a label ("<=2"); past the last, ">last"."""
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _days(a: str | None, b: str | None) -> int | None:
    """Days from day `a` to day `b`, positive when `b` is later; None when either is unknown."""
    if not a or not b:
        return None
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def features(event: Event, mentions: Sequence[Mention], main: Event, main_mentions: Sequence[Mention],
             others: Sequence[Sequence[Mention]], article: Article, n_events: int) -> set[str]:
    """The signs, present or not, of one event beside the main one. `others`: the mentions
    of the article's other events (the main one's included)."""
    first = min(mentions, key=lambda m: m.sentence)
    f = {f"type={event.event_type}", f"sub={event.sub_event_type}", f"modality={event.modality}",
         f"level={level(vars(event))}", f"time_precision={event.time_precision}",
         f"mentions{_bucket(len(mentions), (1, 2))}", f"events{_bucket(n_events, (2, 3, 5))}",
         f"first_sentence{_bucket(first.sentence, (2, 5, 10, 20))}"}
    if article.language == "ar":
        f.add("arabic")
    # Against the main event: the same kind, place or day is a retelling's mark.
    if event.event_type == main.event_type:
        f.add("main_type")
    if event.sub_event_type == main.sub_event_type:
        f.add("main_sub_type")
    if event.geonameid is not None and event.geonameid == main.geonameid:
        f.add("main_place")
    elif event.admin1 and event.admin1 == main.admin1:
        f.add("main_admin1")
    elif event.admin1 and main.admin1:
        f.add("other_admin1")
    gap = _days(main.event_date, event.event_date)
    f.add("no_date" if gap is None else "main_day" if gap == 0 else "day_apart" if abs(gap) == 1
          else "week" if abs(gap) <= 7 else "long_before" if gap < 0 else "long_after")
    published = article.published[:10] if article.published else None
    before = _days(event.event_date, published)
    if before is not None:
        f.add(f"before_publication{_bucket(before, (0, 1, 3, 7, 30))}")
    if first.sentence < min(m.sentence for m in main_mentions):
        f.add("before_main")
    # What its sentences say of themselves.
    for flag in ("place_stated", "date_stated", "day_named", "follow_up", "refers_back", "points_to_place",
                 "listed", "spoken", "vague_toll"):
        if any(getattr(m, flag) for m in mentions):
            f.add(flag)
    if all(m.consequence for m in mentions):
        f.add("toll_only")
    for m in mentions:
        if m.another:
            f.add(f"another={m.another}")
    text = first.event.evidence[0].text if first.event.evidence else ""
    f.update(f"text_{name}" for name, sign in _SIGNS.items() if sign.search(text))
    gap_to_main = min(abs(m.sentence - x.sentence) for m in mentions for x in main_mentions)
    f.add(f"sentences_from_main{_bucket(gap_to_main, (0, 1, 3))}")
    own = {m.sentence for m in mentions}
    if any(m.sentence in own for group in others for m in group):
        f.add("shares_a_sentence")
    if event.fatalities:
        f.add("fatalities")
    if event.actor1:
        f.add("actor1")
        if event.actor1 == main.actor1:
            f.add("main_actor1")
    if event.actor2:
        f.add("actor2")
    return f


@dataclass(frozen=True)
class EventKeeper(LinearModel):
    def probability(self, signs: set[str]) -> float:
        """How likely an analyst codes the event, 0..1: each sign present counts 1."""
        return sigmoid(self.bias + sum(self.weights.get(s, 0.0) for s in signs))

    def keeps(self, signs: set[str]) -> bool:
        return self.probability(signs) >= self.threshold


def judged(article: Article) -> bool:
    """Whether the keeper judges the article's events: a story, not a brief. It was trained on
    stories; a text under the story gate's `MIN_WORDS` (a wire brief, a snippet, a round-up's
    two items) is not one, and its events stand as the rules code them."""
    return len(first_words(article.title, article.text, MIN_WORDS)) >= MIN_WORDS


@functools.cache
def event_keeper() -> EventKeeper | None:
    """The shipped keeper (`data/event_keeper.json`), loaded once; None before one is trained."""
    path = resources.files("marsad").joinpath("data/event_keeper.json")
    if not path.is_file():
        return None
    return EventKeeper.from_json(json.loads(path.read_text(encoding="utf-8")))


def judged_events(events: Sequence[Event], mentions: Sequence[Sequence[Mention]], main: Event | None,
                  article: Article) -> Iterator[tuple[int, set[str]]]:
    """Each event the keeper judges, by its index, with its signs: every event beside the
    main one of a story (`judged`), but one of a list (`_one_of_a_list`). `mentions[i]` are
    the mentions of `events[i]`."""
    at = next((i for i, e in enumerate(events) if e is main), None)
    if at is None or len(events) < 2 or not judged(article):
        return
    for i, e in enumerate(events):
        if i != at and not _one_of_a_list(i, events, mentions):
            others = [ms for j, ms in enumerate(mentions) if j != i]
            yield i, features(e, mentions[i], events[at], mentions[at], others, article, len(events))


def _one_of_a_list(i: int, events: Sequence[Event], mentions: Sequence[Sequence[Mention]]) -> bool:
    """The event is one place of several where one sentence tells one kind of act: a member
    of a list its sentence names (`Mention.listed`: "the villages of A, B and C"), or an
    event that shares a sentence with another of its sub-type in another province ("removed
    from the cities of Abu Kamal and Mayadin in Deir ez-Zor governorate and Palmyra in
    Homs", a list the list finder does not see whole). ACLED codes an event per place, the
    rules split such a list on purpose, and the keeper, trained on coders who did not always
    split one, does not undo it. Two places of one province in one sentence may be one place
    told twice ("in the desert east of Palmyra … in the Homs Badia"): the keeper judges those."""
    if any(m.listed for m in mentions[i]):
        return True
    e = events[i]
    own = {m.sentence for m in mentions[i]}
    return any(j != i and other.sub_event_type == e.sub_event_type and e.admin1 and other.admin1
               and other.admin1 != e.admin1 and any(m.sentence in own for m in mentions[j])
               for j, other in enumerate(events))


_TO_COME = frozenset({"planned", "threatened", "feared", "hoped"})  # (a denial is a report of an act: kept)


def secondary(events: Sequence[Event], mentions: Sequence[Sequence[Mention]], main: Event | None,
              article: Article) -> list[Event]:
    """The article's events the keeper keeps: all but those it judges (`judged_events`) and
    puts under its threshold, or that are only to come (a vow, a plan, a fear told beside the
    story's news is its aside, whatever the model makes of it: the analysts' events it learns
    from are acts, so it has few rows of acts to come to learn them from)."""
    keeper = event_keeper()
    if keeper is None:
        return list(events)
    dropped = {i for i, signs in judged_events(events, mentions, main, article)
               if events[i].modality in _TO_COME or not keeper.keeps(signs)}
    return [e for i, e in enumerate(events) if i not in dropped]

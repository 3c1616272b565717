"""Which ACLED sub-event type a sentence reports, if any — a rule and lexicon classifier.

`classify(sentence)` returns a `Classification` (ACLED event type, sub-event type, a score
and the trigger's character span) or None when the sentence reports no ACLED event. It is
plain regular expressions over `data/event_lexicon.yaml`, no spaCy, so it runs at
thousands of sentences per second. The lexicon's header documents its pattern syntax.

How a sentence is scored:

1. Every sub-type's trigger patterns are matched; a sub-type scores its best match
   (matches after the first sentence of a multi-sentence text count 0.85), plus 0.25 for
   each further pattern that matched (at most three), plus its `boost` entries whose cue occurs.
   A sub-type with `requires` (the protest family) is only scored when a protest word
   occurs; with `weak: {words: ..., requires: [...]}`, a trigger that is one of those
   words counts only when one of those cues occurs.
2. Territory: the two "regains / overtakes territory" sub-types share capture verbs, and
   a capture counts for the sub-type of its *agent*: the passive "by X" after the verb, or
   else the nearest actor before it in the same sentence (state forces → Government
   regains territory; rebels, militias … → Non-state actor overtakes territory), or else
   the opposite of a "from X" after it. A capture whose object is weapons or people is no
   territory change; an unknown agent costs one point.
3. Non-events (crime, natural and man-made disasters, diplomacy, attribution) are scored
   the same way. When the best of them scores strictly above the best event sub-type the
   sentence is no event (None) — for protests and riots only when it scores 2 above: a
   demonstration about a flood, a fraud or sanctions is still a demonstration.
   Attribution ("claimed responsibility for …", "denied involvement in …") only counts when
   it comes before the event trigger: the event is then the object of a claim, not a
   report.
4. Background: a trigger framed as an earlier or alleged event ("in retaliation for a gas
   attack", "accused of", "the scene of", a year: "the 2017 chemical attack") loses 1.5, and
   so does an act planned or charged ("arrested on suspicion of planning a bomb attack"); a
   weapon's name bought, sold or made loses 4 ("supplying drones to Moscow": trade, not use);
   a capture in an infinitive or attempt ("an attack to capture", "tried to seize") is no
   capture.
5. No trigger, or a best score below `MIN_SCORE` → None. Ties go to the earlier trigger.

`score` is the winning raw weight divided by 6 and capped at 1: an ordering of confidence,
not a probability.

Arabic: a sentence in Arabic script is scored the same way with `data/event_lexicon_ar.yaml`
(its header says how its patterns differ: proclitics, suffixes, folded letters). It is matched
on `arabic_view(sentence)` — folded (أ إ آ → ا, ة → ه, ى → ي, Eastern digits → 0-9) and without
diacritics or tatweel — and the trigger's span is mapped back to the original sentence. The
agent of a capture is also looked for right after the verb (Arabic puts the subject after
it: "سيطرت قوات النظام على ..."), "على يد" is the passive "by", and a trigger framed as an
earlier event ("ردا على", "ذكرى", "منذ عام 2017", "كانت ... قد", a past year after it)
loses `BACKGROUND_PENALTY_AR`: more than in English, where `dates.is_background` drops
history by its year later.
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..arabic.text import ARABIC_LETTER, CLITIC, CLITIC_UNMARKED, DIACRITIC, fold, is_arabic
from ..shipped import load_yaml

MIN_SCORE = 2.0
LATER_SENTENCE_FACTOR = 0.85
EXTRA_MATCH_BONUS = 0.25
MAX_EXTRA_MATCHES = 3
UNKNOWN_AGENT_PENALTY = 1.0
BACKGROUND_PENALTY = 1.5
# An Arabic trigger in a background frame is the earlier event the sentence recalls, and
# the frame is where Arabic history is told apart ("منذ عام 2017"), so it must outweigh a
# strong trigger (5.5 - 3.5 = 2 is the weakest event).
BACKGROUND_PENALTY_AR = 3.5
PROTEST_NON_EVENT_MARGIN = 2.0
PROTEST_TYPES = ("Protests", "Riots")

# A trigger in these frames names an earlier or alleged event that the sentence refers to,
# not the one it reports: "in retaliation for a gas attack", "the 2017 chemical attack".
_BACKGROUND = re.compile(
    r"(?:\b(?:in (?:retaliation|response|revenge) (?:for|to)|to avenge|accused of|blamed for|"
    r"(?:the )?scene of|anniversary of|(?:19|20)\d\d(?:'s)?)\s+"
    # (not across a clause: "accused the army of war crimes after troops shelled Baba Amr")
    r"(?:(?!(?:after|when|as|while|since|because|before)\s)[^\s.;!?]+\s+){0,5}?)$",
    re.I,
)
# "arrested on suspicion of planning a bomb attack", "a cell plotting suicide bombings", "charged
# with planting a bomb": an act planned or charged, not told. Only its noun, a few words on
# ("planning their escape detonated a car bomb", "suspected of links to ISWAP attacked a base"
# tell what was done), and not across a clause ("charged with assault last year, opened fire",
# "plotting revenge when he shot dead", "town planning officials said shelling destroyed").
# Words that open another clause or verb phrase: where a frame's object has ended.
_CLAUSE_OPENS = r"was|were|is|are|when|where|while|as|after|before|who|which|that|then"
_PLOTTED = re.compile(r"\b(?:planning|plotting|conspiring to (?:carry out|stage|commit)|suspicion of|suspected of|"
                      rf"charged with|convicted of)\s+(?:(?!(?:said|says|told|reported|{_CLAUSE_OPENS})\s)"
                      r"[^\s.,;!?]+\s+){0,4}?$", re.I)
# "after two months of offensive in northern Hama", "years of shelling have emptied the
# town": a period's worth of acts summed up, not one act. Weeks or longer: "two days of
# clashes killed 40" is news.
_PERIOD_OF = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|few|a few)\s+)?"
                        r"(?:weeks|months|years|decades|month|year|decade)\s+of\s+(?:[\w-]+\s+){0,2}?$", re.I)
# "a series of drone strikes on militia positions this summer", "a wave of bombings in recent
# months": acts summed up over a period the sentence names ("a series of blasts rocked the
# town" is one incident's).
_SERIES_OF = re.compile(r"\b(?:series|string|spate|wave|spree)\s+of\s+(?:[\w-]+\s+){0,2}?$", re.I)
_A_PERIOD = re.compile(r"\b(?:this|last|past)\s+(?:summer|spring|autumn|fall|winter|year)|"
                       r"\bin\s+recent\s+(?:weeks|months|years)|\bover\s+the\s+(?:past|last)\s+(?:(?:few|several|\w+)\s+)?(?:weeks|months|years)|"
                       r"\bsince\s+(?:19|20)\d\d", re.I)
# "this is the third attack on police in Mianwali district this year", "the fifth such raid in a
# month": an act told as one of a count over a period — a recap or a tally, not news of its own.
# (Not "rebels launched a second offensive on the town in three days": news.)
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_ORDINAL_OF = re.compile(r"\b(?:is|was|are|were|marks|marked|became|been|be)\s+(?:the|its|their)\s+" + _ORDINAL +
                         r"\s+(?:(?:such|major|deadly|[\w-]+)\s+)?$", re.I)
# ... or told after its noun: "the attack was the third on its candidates in Kampala since …"
_ORDINAL_AFTER = re.compile(r"\s+(?:was|is|marks|marked|became)\s+the\s+" + _ORDINAL + r"\b", re.I)
_COUNTED_OVER = re.compile(r"\b(?:this|last|past)\s+(?:week|month|summer|spring|autumn|fall|winter|year)\b|\bsince\b|"
                           r"\bin\s+(?:(?:a|one|two|three|four|five|six|\d+)\s+)?(?:days|weeks|months|years|week|month|year)\b|"
                           r"\bin\s+recent\s+(?:days|weeks|months)\b", re.I)
# "twenty rounds of fighting between 2008 and 2014", "clashes from 2012 to 2016": acts summed
# up over years, not one act — when the span is in the act's own clause, with no day of its
# own (see `_Scorer._over_years`).
_OVER_YEARS = re.compile(r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until|till|through)\s+(?:19|20)\d\d\b", re.I)
# "… five years after it was seized by IS": an act months or years before the news, told in the
# passive after "after", is history even when the sentence tells no other act.
_CLAUSE_MARK = re.compile(r"[,;:]|\b(?:which|where|that|who|when)\b")  # a span in another clause
_YEARS_AFTER = re.compile(r"\b(?:months?|years?|decades?)\s+(?:after|since)\s+(?:(?:it|they|the\s+[\w-]+|[\w-]+)\s+)?"
                          r"(?:was|were|had\s+been|being)\s+$", re.I)
_PAST_ACT = re.compile(r"[a-z]+ed\b", re.I)
# "entities involved in supplying drones to Moscow", "sold tanks to the army": a weapon
# bought, sold or made is trade, not its use. No event, whatever the weapon's word weighs;
# the trade's object ends at a preposition or a new clause ("bought from Russia and deployed
# them", "queuing to buy bread were killed when a missile hit").
_ARMS_TRADE = re.compile(
    r"\b(?:suppl(?:ied|ying)|deliver(?:s|ed|ing)?|sell(?:s|ing)?|sold|shipp(?:ed|ing)|"
    r"transfer(?:s|red|ring)?|export(?:s|ed|ing)?|import(?:ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
    r"acquir(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing|ers?)|produc(?:es|ed|ing|ers?)|stockpil(?:e|es|ed|ing))"
    rf"\s+(?:of\s+)?(?:(?!(?:from|to|by|with|into|in|on|at|{_CLAUSE_OPENS}|been|had|has|have|killed)\s)"
    r"[^\s.,;!?]+\s+){0,5}?$", re.I)
# ... and only a weapon's own name is traded: "bought time and shelled" tells the shelling.
_WEAPON_NOUN = re.compile(r"(?:[\w-]+\s+){0,2}?(?:drones?|missiles?|rockets?|shells?|bombs?|weapons?|arms|ammunition|"
                          r"munitions|mines?|grenades?|artillery|explosives?|jets?|aircraft|helicopters?|warplanes?|"
                          r"tanks?|rifles?|guns?|launchers?|howitzers?)", re.I)
ARMS_TRADE_PENALTY = 4.0
# Aircraft that "had taken off" from somewhere, and the act words that would say what they
# then did (see `_Scorer.background`).
_TOOK_OFF = re.compile(r"\s+(?:had\s+|have\s+|has\s+)?(?:taken|took|take|takes|taking)\s+off\b", re.I)
_STRUCK_AFTER = re.compile(r"\b(?:struck|strikes?|striking|hit|hitting|bombed|bombing|targeted|targeting|pounded|"
                           r"fired|attacked|raided|shelled|killed|killing)\b", re.I)
# What a period's acts summed up, the fire that supports another act and aircraft that only
# took off lose (see `_Scorer.background`): enough that a strong word ("air strikes", 5) falls
# under `MIN_SCORE`.
SUPPORT_PENALTY = 3.5
# The fire that supports it (only its means, not the act's own verb: "forces backed by air
# strikes retook the village" still retook it).
_SUPPORT_MEANS = re.compile(r"(?:[\w-]+\s+)?(?:air\s*strikes?|airstrikes?|air\s+(?:support|cover|power|raids?)|"
                            r"(?:artillery|mortar|rocket|tank)\s+fire|shelling|artillery|bombardments?|barrages?|"
                            r"drones?|jets|warplanes|helicopters|gunships)", re.I)
# "The blast happened four days after a deadly attack on a convoy", "… came two days after two
# bombs killed six police officers": an incident dated by its distance from the news is the
# earlier one the sentence measures from. It loses more than a framed one: the news of such a
# sentence is usually told by a weaker word ("the blast happened"). When the sentence tells
# nothing else, the recalled incident is its news after all (see `_classify`).
_RECALLED = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|since|before)\s+(?:[^\s.,;!?]+\s+){0,7}?$",
                       re.I)
RECALLED_PENALTY = 2.5
# "The statement comes days after an air strike on a bus …", "the attack came a week after
# …": the news dated by an earlier incident, which the sentence only names — even when it
# tells nothing else (unlike `_RECALLED`).
_ANCHORED_AFTER = re.compile(r"\b(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+|less\s+than\s+|more\s+than\s+|"
                             r"about\s+|nearly\s+|almost\s+)?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"\d+|several|a\s+few|few)\s+)?(?:hours?|days?|weeks?|months?|years?)\s+(?:after|since)\s+"
                             r"(?:[^\s.,;!?]+\s+){0,7}?$", re.I)
# "The attack came a day after hoodlums set ablaze …": the news named by its own noun as the
# subject of "came … after" is the story's act told before; the sentence tells the other one,
# by doers and a verb (not "after Monday's strike", "after a truce": names of what was before).
# (The act may be named with its place: "The attack on Gamboula comes two weeks after …".)
_ITS_PLACE = r"(?:\s+(?:on|in|at|near)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"
_COMES_AFTER = re.compile(_ITS_PLACE + r"\s+(?:came|comes|coming)\s+(?:just\s+|only\s+|barely\s+)?"
                          r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few)\s+)?(?:hours?|days?|weeks?|months?)\s+"
                          r"(?:after|since)\s+(?:(?!(?:the|a|an|this|that|its|their|his|her)\b|\w+['’]s\b)|"
                          # ("… comes two weeks after a MINUSCA vehicle struck an explosive device")
                          r"(?=(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}(?:struck|hit|killed|attacked|exploded|"
                          r"stormed|ambushed|shelled|bombed|opened|set|seized|abducted|kidnapped|raided|fired|detonated|"
                          r"blew|overran|torched|burned)\b))", re.I)
# The story's act named by its noun, as the subject of such a "comes … after" (`_Scorer.background`).
_TOLD_ACT_COMES = re.compile(r"(?:^|[.;:]\s+|,\s+)\W*(?:the|this|that|today['’]s|[A-Z]\w+day['’]s)\s+(?:\w+\s+)?"
                             r"(?:attack|assault|raid|bombing|blast|strike|ambush|massacre|killing|shelling)s?"
                             + _ITS_PLACE + r"\s*$", re.I)
# ... not an act in someone's words: 'comes weeks after "the army attacked the camp"'
_QUOTED_AFTER = re.compile(r"(?:after|since)\s+[\"“‘']")
_MONTH_DAY = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                        r"\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December)\b")
_NAMED_BY_YEAR = re.compile(r"\b(?:the|its|their|his|her|a|an)\s+(?:19|20)\d\d\s+(?:(?:chemical|suicide|car|deadly|"
                            r"bloody|twin|air|drone|gas|sarin|chlorine|bomb|mortar|rocket|missile|mass|school)\s+)?$",
                            re.I)
ANCHOR_PENALTY = 4.0
# "… was beaten by thugs on Monday, prompting journalists to march in protest": a protest the
# act set off, told after it, is not what the sentence reports (the force a protest set off
# is: "prompting police to fire live rounds that killed two").
_SET_OFF_WORD = re.compile(r"\b(?:prompting|sparking|provoking)\b", re.I)
_SET_OFF = re.compile(_SET_OFF_WORD.pattern + r"\s+(?:[^\s,.;!?]+\s+){0,8}?(?:to\s+)?$", re.I)
_SET_OFF_KINDS = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence"})
_DESCRIBING = re.compile(r",\s+(?:who|which|whose)\s+(?:[^\s,.;!?]+\s+){0,6}?$", re.I)
_BACKERS = re.compile(r"\b(?:(?:backed|supported|aided|helped|assisted|joined|accompanied)\s+by|alongside|along with|"
                      r"with the (?:help|support|backing) of|with support from)\s+(?:[^\s,.;!?]+\s+){0,4}?$", re.I)
# "Syrian troops and allied fighters regained the town", "Iraqi troops and Shi'ite paramilitary
# fighters retook the village": allied fighters named second are not the doer either (allied
# troops named second leave the capture the state's, as before).
_ALLIED_SECOND = re.compile(r"\band\s+(?:their\s+|its\s+)?(?:[\w'’-]+\s+)?(?:allied|pro-government|loyalist|supporting|"
                            r"auxiliary|paramilitary)"
                            r"\s+(?:[^\s,.;!?]+\s+){0,3}?$", re.I)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|overnight)\b")


def _names_a_day(text: str, pos: int = 0) -> bool:
    """Whether `text` from `pos` on names a weekday ("on Monday", "yesterday") or a month's day."""
    return bool(_WEEKDAY.search(text, pos) or _MONTH_DAY.search(text, pos))


_TOLL_WORD = re.compile(r"kill|wound|injur|dead|died|death", re.I)
_CLAUSE_CLOSES = re.compile(r"[^,.;!?]{0,60},\s+\w+(?:\s+\w+)?\s+\w")
# "… hit a district of Manbij, the local council said, a city which the factions captured in
# December.": a describing clause that ends the sentence with its own earlier month or year.
_DATED_TAIL = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:in|since|last|earlier this|late last|early last)\s+"
                         r"(?:(?:early|late|mid)[\s-]+)?(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|(?:19|20)\d\d|year|month)(?:\s+\d{4})?\s*[.!?]?\s*$")
# Scare quotes: a word or two of violence set in quotes is a figure of speech the writer
# marks as such ("activists 'lay siege' to Westminster", "an eviction 'battle'", "unions warn
# of a jobs 'bloodbath'"). Not a quoted sentence: the quote holds at most three words. Not
# a party's word for an act it claims ("the army said it had 'liberated' the village"): a
# verb in the past tense in the quotes keeps the act.
_QUOTE_OPENS = re.compile(r"(?<![\w'’])['‘\"“](?:[\w-]+\s){0,2}$")
_QUOTE_CLOSES = re.compile(r"(?:\s[\w-]+){0,2}[,.!?]?['’\"”](?!\w)")


def _scare_quoted(text: str, start: int, end: int) -> bool:
    opens = _QUOTE_OPENS.search(text, max(0, start - 30), start)
    closes = _QUOTE_CLOSES.match(text, end)
    if opens is None or closes is None:
        return False
    quoted = text[opens.start():closes.end()].split()
    # (nor a claim a headline quotes: "jihadists 'kill 15' in Djibo")
    return len(quoted) <= 3 and not any(re.search(r"\w\wed\W*$|\d", w) for w in quoted)


# The words of a banner, a placard or a chant: "carrying banners reading 'Our future is under
# attack'", "chanting 'Stop the war'".
_SLOGAN = re.compile(r"\b(?:read|reads|reading|chant\w*|shout\w*|slogans?|emblazoned\s+with|bearing|inscribed)"
                     r"\s*:?\s*(?:['‘\"“][^'’\"”]{0,80}['’\"”],?\s+(?:and\s+|or\s+)?)*['‘\"“][^'’\"”]{0,80}$", re.I)
# "which fell to regime forces": whoever a place fell to, named after the verb.
_FELL = re.compile(r"fell|falls|falling", re.I)
_OF_THE = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?")
# A verb that goes on from an earlier clause: ", capturing …", "… and took control of …".
_GOES_ON = re.compile(r"(?:,|\band)\s*$")
# Where a new clause, with a subject of its own, begins: ", but", ", and", "; ", "while".
_CLAUSE_BREAK = re.compile(r",\s*(?:but|and|while|as|then|before|after)\s|\bbut\s|;\s|\bwhile\s", re.I)
# An infinitive or attempt is no event: "an attack to capture the positions", "tried to seize",
# "an offensive aimed at the recapture of the town" (what it did instead — "shelling the
# town" — is then the act). What someone "managed to" or "was able to" take, they took.
_NOT_DONE = re.compile(r"\b(?:(?<!\bmanaged\s)(?<!\bable\s)to|attempts? to|attempted to|tried to|trying to|bid to|"
                       r"failed to|aimed\s+at(?:\s+the)?|aiming\s+(?:at|to)(?:\s+the)?)\s+$", re.I)

STATE = "state"
NON_STATE = "non_state"
_OTHER_KIND: dict[str | None, str] = {STATE: NON_STATE, NON_STATE: STATE}


@dataclass(frozen=True)
class Classification:
    """An ACLED event type found in a sentence.

    event_type, sub_event_type: ACLED's names, e.g. "Explosions/Remote violence",
        "Air/drone strike".
    score: confidence in [0, 1] (raw lexicon weight / 6, capped): for ranking, not a
        probability.
    trigger_start, trigger_end: character offsets of the trigger in the sentence;
        `sentence[trigger_start:trigger_end] == trigger`.
    """

    event_type: str
    sub_event_type: str
    score: float
    trigger_start: int
    trigger_end: int
    trigger: str


@dataclass(frozen=True)
class _Pattern:
    """One top-level alternative of a trigger list.

    source: its regex, compiled at its first use (`regex`).
    anchors: lower-case strings of which every match contains at least one; the regex only
    runs when one occurs in the lower-cased text (most do not: that is the speed). None
    when the alternative has no literal to anchor on (it always runs).
    pid: the pattern's index in the lexicon, for the anchor index.
    """

    source: str
    weight: float
    anchors: frozenset[str] | None
    pid: int

    # Compiled when a text first holds one of its anchors, not when the lexicon loads:
    # compiling all ~1,700 patterns of the two lexicons was most of a process's start, and
    # a run that never meets a pattern's anchors never pays for it. Once compiled, it is an
    # attribute of the instance like any other (no cost per use).
    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)


class _LazyPatterns(Mapping[str, re.Pattern[str]]):
    """Named regexes (the lexicon's cues), each compiled at its first look-up: a text asks
    for a few of them, and only those cost a compile."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self._sources = dict(sources)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        found = self._compiled.get(name)
        if found is None:
            found = self._compiled[name] = re.compile(self._sources[name], re.IGNORECASE)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@dataclass(frozen=True)
class _SubType:
    name: str
    event_type: str
    patterns: tuple[_Pattern, ...]
    boosts: tuple[tuple[str, float], ...]
    requires: tuple[str, ...]
    agent: str | None
    # Triggers whose words are `weak_words` count only when the sentence names one of
    # `weak_requires` ("arrived", "training" say nothing of armed men by themselves).
    weak_requires: tuple[str, ...] = ()
    weak_words: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _NonEvent:
    name: str
    patterns: tuple[_Pattern, ...]
    before_trigger_only: bool
    unless: tuple[str, ...] = ()  # cues whose presence makes the family no evidence
    # `scope: topic`: read only as what a story's opening is about (`story_topics`), never
    # as a veto of one sentence ("Belarus began military drills as Russia launched a
    # missile attack on Kyiv" is the attack).
    topic_only: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicon: sub-types, non-event families and named cues."""

    subtypes: tuple[_SubType, ...]
    non_events: tuple[_NonEvent, ...]
    cues: Mapping[str, re.Pattern[str]]
    place_after: re.Pattern[str]
    non_place_after: re.Pattern[str]
    # anchor look-up: first three letters -> ((anchor, pattern ids), ...)
    anchor_buckets: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]] = field(default_factory=dict)
    always_run: tuple[int, ...] = ()
    patterns_by_id: tuple[_Pattern, ...] = ()
    owner_by_id: tuple[str, ...] = ()  # pattern id -> the sub-type or non-event it belongs to
    arabic: bool = False  # `language: ar`: patterns match `arabic_view` text (see the Arabic YAML)
    # A place noun or a non-place anywhere (the subject of a passive capture).
    place_word: re.Pattern[str] | None = None
    non_place_word: re.Pattern[str] | None = None
    # cue name -> the first three letters of each of its anchors (cues that have anchors)
    cue_grams: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def subtype_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.subtypes)

    @functools.cached_property
    def non_event_names(self) -> frozenset[str]:
        return frozenset(ne.name for ne in self.non_events)


# --- pattern syntax ---------------------------------------------------------------------

_TOKEN = re.compile(r"\{gap(\d+)\}|\{(\w+)\}|\[\[|\]\]|([A-Za-z]+|\])~|_| ")
# Regular inflections after "stem~": plural/3rd person, past, gerund, agent noun, with an
# optional doubled consonant (kidnap~ -> kidnapped) and -ion (liberat~ -> liberation).
_INFLECT = r"(?:s|es|e|y|d|ied|ies|ions?|[bdgklmnprtz]?(?:ed|ing|ers?))?"
# A skipped word: no sentence punctuation and no comma (a clause break), except inside
# numbers ("1,200").
_GAP = r"(?:(?:[^\s.,;!?]|(?<=\d)[.,](?=\d))+\s+){{0,{n}}}?"
_SPACE = r"[\s\-]+"
_JOIN = r"[\s\-]*"


def _to_regex(source: str, cue_sources: Mapping[str, str], depth: int = 0, *, arabic: bool = False) -> str:
    """Translate the lexicon's pattern syntax (see the YAML header) to a Python regex; with
    `arabic`, the Arabic lexicon's syntax (see its header) to a regex over `arabic_view` text."""
    if depth > 4:
        raise ValueError("event lexicon: cues nest too deeply")
    source = _fold_source(source) if arabic else re.sub(r"\n\s*", "", source.strip())

    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return _gap(int(m.group(1)), arabic=arabic)
        if m.group(2):
            name = m.group(2)
            if name not in cue_sources:
                raise ValueError(f"event lexicon: unknown cue {{{name}}}")
            return "(?:" + _to_regex(cue_sources[name], cue_sources, depth + 1, arabic=arabic) + ")"
        tok = m.group(0)
        if tok == "[[":
            return "(?P<t>"
        if tok == "]]":
            return ")"
        if arabic:
            if tok == "~":
                return _SUFFIX_AR
            return r"\s*" if tok == "_" else r"\s+" + CLITIC_UNMARKED
        if m.group(3):
            return m.group(3) + _INFLECT
        return _SPACE if tok == " " else _JOIN

    return (_TOKEN_AR if arabic else _TOKEN).sub(one, source)


def _gap(n: int, *, arabic: bool = False) -> str:
    """Up to `n` skipped words (`{gapN}`); in Arabic the next word may carry proclitics."""
    return _GAP_AR.format(n=n) + CLITIC_UNMARKED if arabic else _GAP.format(n=n)


def _source(source: str, cue_sources: Mapping[str, str]) -> str:
    """The regex of a trigger, cue or weak-words pattern (compiled with re.IGNORECASE)."""
    return r"(?<!\w)(?:" + _to_regex(source, cue_sources) + r")(?!\w)"


# --- Arabic -----------------------------------------------------------------------------

_MARK = re.compile(f"[{DIACRITIC}]")
_ANY_ARABIC = re.compile(f"[{ARABIC_LETTER}]")


@dataclass(frozen=True)
class ArabicView:
    """An Arabic text as the lexicons see it, and the way back to the original's offsets.

    text: `fold(original)` without diacritics and tatweel.
    offsets: offsets[i] is where text[i] is in the original; one more entry, the
        original's length, closes the last span.
    """

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's span of text[start:end], with the marks on its letters (a
        tanwin after its last letter included)."""
        return self.offsets[start], max(self.offsets[start], self.offsets[end])

    def index(self, original: int) -> int:
        """Where an offset of the original falls in `text` (a mark: the next letter)."""
        return bisect.bisect_left(self.offsets, original, 0, len(self.text))


def arabic_view(text: str) -> ArabicView:
    """`text` folded and without diacritics or tatweel, with the map back (`ArabicView`)."""
    folded = fold(text)
    keep = [i for i, ch in enumerate(folded) if not _MARK.match(ch)]
    return ArabicView("".join(folded[i] for i in keep), (*keep, len(text)))


def is_arabic_text(text: str) -> bool:
    """Arabic script (`arabic.text.is_arabic`), with a quick exit for text without a
    single Arabic letter: every English sentence asks."""
    return _ANY_ARABIC.search(text) is not None and is_arabic(text)


# Suffixes that "stem~" adds in the Arabic lexicon: a plural, dual, feminine or verb
# ending, then an attached pronoun (سيطرتها، غاراتها، قصفوها، هجوما).
_SUFFIX_AR = r"(?:ات|ان|ين|ون|وا|و|تا|تان|تين|ت|ي|يه|ا)?(?:ه|ها|هم|هما|هن|نا|كم|ي|ا)?"
_GAP_AR = r"(?:(?:[^\s.,;!?،؛؟]|(?<=\d)[.,](?=\d))+\s+){{0,{n}}}?"
_TOKEN_AR = re.compile(r"\{gap(\d+)\}|\{(\w+)\}|\[\[|\]\]|~|_| ")


def _fold_source(source: str) -> str:
    """A pattern as written (أ، ة، ى، diacritics) in the form `arabic_view` gives the text."""
    return _MARK.sub("", fold(re.sub(r"\n\s*", "", source.strip())))


def _source_ar(source: str, cue_sources: Mapping[str, str]) -> str:
    """`_source` for the Arabic lexicon. Proclitics before the first word stay outside the
    trigger span (group `t`)."""
    body = _to_regex(source, cue_sources, arabic=True)
    core = body if "(?P<t>" in body else "(?P<t>" + body + ")"
    return r"(?<!\w)" + CLITIC_UNMARKED + "(?:" + core + r")(?!\w)"


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, char, group depth after it) for the pattern's structural characters —
    "(", ")" and "|" that are neither escaped nor inside a character class."""
    depth, cls, esc = 0, False, False
    for j in range(start, len(source)):
        ch = source[j]
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield j, ch, depth


def _split_top(source: str) -> list[str]:
    """Split a pattern on its top-level "|" (not inside groups, classes or escapes)."""
    cuts = [j for j, ch, depth in _structure(source) if ch == "|" and depth == 0]
    bounds = zip([-1, *cuts], [*cuts, len(source)], strict=True)
    return [p for p in (source[a + 1 : b] for a, b in bounds) if p]


def _group_end(source: str, i: int) -> int:
    """Index just past the group that opens at source[i] == "("."""
    for j, ch, depth in _structure(source, i):
        if ch == ")" and depth == 0:
            return j + 1
    return len(source)


def _anchors(alt: str, cue_sources: Mapping[str, str], depth: int = 0) -> frozenset[str] | None:
    """Literal strings one of which every match of `alt` (lexicon syntax) must contain."""
    if depth > 6:
        return None
    i, n = 0, len(alt)
    while i < n:
        ch = alt[i]
        if ch.isalpha() or ch == "'":
            j = i
            while j < n and (alt[j].isalpha() or alt[j] == "'"):
                j += 1
            run = alt[i:j]
            if j < n and alt[j] in "?*":
                run = run[:-1]  # the last letter is optional
            if len(run) >= 3:
                return frozenset({run.lower()})
            i = j
            continue
        if ch == "{":
            close = alt.index("}", i)
            name = alt[i + 1 : close]
            i = close + 1
            if name.startswith("gap") or (i < n and alt[i] in "?*"):
                continue
            sub = _alternatives_anchors(cue_sources.get(name, ""), cue_sources, depth + 1)
            if sub is not None:
                return sub
            continue
        if ch == "(":
            end = _group_end(alt, i)
            inner = alt[i + 1 : end - 1]
            optional = end < n and alt[end] in "?*"
            if inner.startswith(("?<", "?=", "?!")) or optional:
                i = end
                continue
            for prefix in ("?:", "?-i:", "?i:", "?P<t>"):
                if inner.startswith(prefix):
                    inner = inner[len(prefix) :]
                    break
            sub = _alternatives_anchors(inner, cue_sources, depth + 1)
            if sub is not None:
                return sub
            i = end
            continue
        if alt.startswith("[[", i):  # a trigger group: "(?:to|will) [[shell]]" holds "shell"
            end = alt.index("]]", i) + 2
            optional = end < n and alt[end] in "?*"
            if not optional:
                sub = _alternatives_anchors(alt[i + 2 : end - 2], cue_sources, depth + 1)
                if sub is not None:
                    return sub
            i = end
            continue
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = alt.index("]", i + 1) + 1
            continue
        i += 1
    return None


def _alternatives_anchors(source: str, cue_sources: Mapping[str, str], depth: int) -> frozenset[str] | None:
    out: set[str] = set()
    for alt in _split_top(re.sub(r"\n\s*", "", source.strip())):
        a = _anchors(alt, cue_sources, depth)
        if a is None:
            return None
        out |= a
    return frozenset(out) or None  # no alternatives (an unknown cue): nothing to anchor on


_Translator = Callable[[str, Mapping[str, str]], str]


def _patterns(
    triggers: Mapping[Any, str], cue_sources: Mapping[str, str], counter: list[int],
    source_: _Translator = _source,
) -> tuple[_Pattern, ...]:
    out = []
    for weight, source in triggers.items():
        text = re.sub(r"\n\s*", "", str(source).strip())
        if source_ is _source_ar:
            text = _fold_source(text)
        for alt in _split_top(text):
            anchors = _anchors(alt, cue_sources)
            out.append(_Pattern(source_(alt, cue_sources), float(weight), anchors, counter[0]))
            counter[0] += 1
    return tuple(sorted(out, key=lambda p: -p.weight))


def load_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """Compile a lexicon from its parsed YAML (see `data/event_lexicon.yaml`; with
    `language: ar`, `data/event_lexicon_ar.yaml`)."""
    arabic = data.get("language") == "ar"
    fold_ = _fold_source if arabic else str
    source_: _Translator = _source_ar if arabic else _source
    cue_sources: dict[str, str] = {str(k): fold_(str(v)) for k, v in data.get("cues", {}).items()}
    context_sources = {str(k): fold_(str(v)) for k, v in data.get("context", {}).items()}
    all_cues = {**cue_sources, **context_sources}
    counter = [0]
    subtypes = []
    for event_type, members in data["subtypes"].items():
        for name, spec in members.items():
            boosts = tuple((str(b["if"]), float(b["add"])) for b in spec.get("boost", []) or [])
            for cue, _ in boosts:
                if cue not in all_cues:
                    raise ValueError(f"event lexicon: {name}: unknown boost cue {cue!r}")
            subtypes.append(
                _SubType(
                    name=str(name),
                    event_type=str(event_type),
                    patterns=_patterns(spec["triggers"], cue_sources, counter, source_),
                    boosts=boosts,
                    requires=tuple(str(r) for r in spec.get("requires", []) or []),
                    agent=spec.get("agent_of_capture"),
                    weak_requires=tuple(str(r) for r in (spec.get("weak") or {}).get("requires", [])),
                    weak_words=(re.compile(source_(str(spec["weak"]["words"]), all_cues), re.IGNORECASE)
                                if spec.get("weak") else None),
                )
            )
    non_events = tuple(
        _NonEvent(
            name=str(name),
            patterns=_patterns(spec["triggers"], cue_sources, counter, source_),
            before_trigger_only=spec.get("scope") == "before_trigger",
            unless=tuple(str(u) for u in spec.get("unless", []) or []),
            topic_only=spec.get("scope") == "topic",
        )
        for name, spec in data.get("non_events", {}).items()
    )
    cues = _LazyPatterns({name: source_(src, all_cues) for name, src in all_cues.items()})
    # A cue whose every match holds one of its anchors cannot match a text without one of
    # their first three letters: `_Scorer.has` then answers without running it.
    cue_anchors = {name: _alternatives_anchors(src, all_cues, 0) for name, src in all_cues.items()}
    cue_grams = {name: frozenset(a[:3] for a in anchors) for name, anchors in cue_anchors.items() if anchors}
    place = _to_regex(cue_sources["place_object"], cue_sources, arabic=arabic)
    if arabic:
        non_place = _to_regex(cue_sources["non_place_object"], cue_sources, arabic=True)
    else:
        non_place = (
            _to_regex(cue_sources["weapon_object"], cue_sources)
            + r"|alive|prisoners?|hostages?|fighters|militants|soldiers|members|suspects?|people|"
            r"men|women|children|civilians|vehicles?|tanks?|equipment|boats?|ships?|drugs?"
        )
    # Arabic has no case; its view text is folded already.
    flags = 0 if arabic else re.IGNORECASE
    gap = _gap(4, arabic=arabic)
    place_after = re.compile(r"\s+" + gap + "(?:" + place + r")(?!\w)", flags)
    non_place_after = re.compile(r"\s+" + gap + "(?:" + non_place + r")(?!\w)", flags)
    every = [p for st in subtypes for p in st.patterns] + [p for ne in non_events for p in ne.patterns]
    owners = [(st.name, p.pid) for st in subtypes for p in st.patterns]
    owners += [(ne.name, p.pid) for ne in non_events for p in ne.patterns]
    index: dict[str, list[int]] = {}
    for p in every:
        for a in p.anchors or ():
            index.setdefault(a, []).append(p.pid)
    buckets: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for a, ids in sorted(index.items()):
        buckets.setdefault(a[:3], []).append((a, tuple(ids)))
    return Lexicon(
        tuple(subtypes),
        non_events,
        cues,
        place_after,
        non_place_after,
        {k: tuple(v) for k, v in buckets.items()},
        tuple(p.pid for p in every if p.anchors is None),
        tuple(sorted(every, key=lambda p: p.pid)),
        tuple(owner for owner, _ in sorted(owners, key=lambda o: o[1])),
        arabic,
        re.compile(r"(?<!\w)(?:" + _to_regex(cue_sources.get("place_noun", cue_sources["place_object"]), cue_sources,
                                             arabic=arabic) + r")(?!\w)", flags),
        re.compile(r"(?<!\w)(?:" + non_place + r")(?!\w)", flags),
        cue_grams,
    )


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in `marsad/data/event_lexicon.yaml`, loaded once (its patterns
    compile at their first use)."""
    return load_lexicon(load_yaml("event_lexicon.yaml"))


@functools.lru_cache(maxsize=1)
def default_lexicon_ar() -> Lexicon:
    """The Arabic lexicon shipped in `marsad/data/event_lexicon_ar.yaml`, loaded once."""
    return load_lexicon(load_yaml("event_lexicon_ar.yaml"))


# --- scoring ----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“'(]?[A-Z0-9])")


def _first_sentence_end(text: str, ends: re.Pattern[str] = _SENTENCE_END) -> int:
    """End of the first sentence, skipping a short dateline ("Deir Ezzur. ...")."""
    for m in ends.finditer(text):
        if m.start() >= 40:
            return m.end()
    return len(text)


def _clause_start(text: str, pos: int) -> int:
    """Start of the sentence that `pos` is in (for looking back at an agent)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    return start


# A capitalised word right before a trigger (not the first word of its sentence), and a
# lower-case content word, which a Title Case headline does not have.
_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“]\s)(?<!^)\b[A-Z][a-z]+\s$")
_PROSE_WORD = re.compile(r"\b(?!(?:with|from|into|over|than|that|this|after|amid|among|near|within|without|outside|"
                         r"inside|against|during|across|around|toward|towards|through|behind|beyond|under|between|"
                         r"despite|about|before|since|until|upon|says?|said)\b)[a-z]{4,}\b")
_DEMONYM = re.compile(r"(?:\w{3,}i|ian|ean|ese|ish)$")
_ACTOR_WORD = re.compile(r"coalition|forces?|army|military|police|militias?|rebels?|regime|government", re.I)
# Nothing the capture takes after it: the sentence ends, or a phrase of agent, time or place.
_NO_OBJECT = re.compile(r"\s*(?:[.,;:!?)\"'”’]|$|\s*(?:by|on|in|at|from|after|during|overnight|early|late|last|"
                        r"this|yesterday|today|earlier)\b)", re.I)
# Capitalised words that open a sentence and are no place: "He was captured", "Two were seized".
_NOT_A_PLACE_SUBJECT = re.compile(r"(?:He|She|They|It|We|I|You|His|Her|Their|Its|The|A|An|This|That|These|Those|"
                                  r"One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Many|Some|Several|Dozens|"
                                  r"Hundreds|Most|All|Both|Each)\b")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$")
_FOUGHT_AFTER = re.compile(r"\b(?:after|following|amid)\s+(?:[^\s.,;!?]+\s+){0,4}?(?:fighting|clashes|battles?|"
                           r"combat)\s+(?:with|against)\s+(?:the\s+)?", re.I)
_FROM_AFTER = re.compile(r"\s+(?:[^\s.;!?]+\s+){0,6}?from\s+(?:the\s+)?(?:[^\s.;!?]+\s+){0,2}?")


class _Scorer:
    """One text, its cue look-ups cached."""

    def __init__(self, text: str, lex: Lexicon, *, recalled: bool = True, topic: bool = False) -> None:
        self.text = text
        self.lex = lex
        self.recalled = recalled  # whether a recalled incident (`_RECALLED`) loses weight
        # Read as what a story is about: a name is its subject as much as its word ("the
        # Boston Marathon" is a race). In one sentence a name is only a name ("hitmen of the
        # Sinaloa Cartel killed six" is no drug deal).
        self.topic = topic
        self.lower = text.lower()
        self.first_end = self._first_end()
        self._cue: dict[str, bool] = {}
        # Each owner's matches (which do not depend on `recalled`) and its weighted hits:
        # scoring a text asks for an owner's hits more than once (`story_topics`), and
        # `relaxed` scores the same matches again.
        self._matches: dict[str, list[tuple[_Pattern, int, int]]] = {}
        self._hits: dict[str, list[tuple[float, int, int, int]]] = {}
        # Which patterns can match at all: anchors found via the text's letter trigrams.
        lower = self.lower
        active = set(lex.always_run)
        buckets = lex.anchor_buckets
        self.grams = {lower[i : i + 3] for i in range(len(lower) - 2)}
        for gram in self.grams:
            for anchor, ids in buckets.get(gram, ()):
                if anchor in lower:
                    active.update(ids)
        by_owner: dict[str, list[_Pattern]] = {}
        for pid in sorted(active):
            by_owner.setdefault(lex.owner_by_id[pid], []).append(lex.patterns_by_id[pid])
        self.by_owner = by_owner

    def _first_end(self) -> int:
        return _first_sentence_end(self.text)

    def background(self, start: int, end: int) -> float:
        """What a trigger framed as an earlier or alleged event loses."""
        # (unless the earlier act names its own day: "… came hours after gunmen killed 12
        # worshippers in Kano on Friday", "… after Monday's strike on Kafr Nabl" tell that act)
        anchored = _ANCHORED_AFTER.search(self.text, max(0, start - 80), start)
        # (… unless what "comes" after it is the story's act named by its noun: "The attack on
        # Gamboula comes two weeks after a MINUSCA vehicle struck an explosive device" tells the
        # blast, on a day of its own; see `_COMES_AFTER`)
        told_comes = anchored is not None and _TOLD_ACT_COMES.search(self.text, 0, anchored.start()) is not None \
            and not _QUOTED_AFTER.search(anchored.group())
        if anchored and not _names_a_day(self.text, anchored.start()) and not told_comes \
                or _COMES_AFTER.match(self.text, end):
            return ANCHOR_PENALTY
        # "the 2018 abduction of …", "its 2013 chemical attack": an act known by its year.
        if _NAMED_BY_YEAR.search(self.text, max(0, start - 40), start):
            return ANCHOR_PENALTY
        # (not when the sentence counts the act's dead: "three years after the coup soldiers
        # opened fire on protesters, killing four" tells today's shooting)
        if _YEARS_AFTER.search(self.text, max(0, start - 60), start) and not _TOLL_WORD.search(self.text, end):
            return ANCHOR_PENALTY
        if self.recalled and not told_comes and _RECALLED.search(self.text, max(0, start - 60), start):
            return RECALLED_PENALTY
        if _ARMS_TRADE.search(self.text, max(0, start - 60), start) and _WEAPON_NOUN.fullmatch(self.text, start, end):
            return ARMS_TRADE_PENALTY
        if _BACKGROUND.search(self.text, max(0, start - 80), start):
            return BACKGROUND_PENALTY
        if _PERIOD_OF.search(self.text, max(0, start - 50), start) or self._over_years(start, end):
            return SUPPORT_PENALTY
        if (_SERIES_OF.search(self.text, max(0, start - 40), start) and _A_PERIOD.search(self.text, end, end + 80)
                or (_ORDINAL_OF.search(self.text, max(0, start - 40), start) or _ORDINAL_AFTER.match(self.text, end))
                and _COUNTED_OVER.search(self.text, end, end + 80)) \
                and not _TOLL_WORD.search(self.text) and not _names_a_day(self.text):
            return SUPPORT_PENALTY
        # "troops, backed by Russian air strikes, took the town", "a force … backed by coalition
        # air strikes": the support of another act or of a force, not an act of its own.
        if _SUPPORT_MEANS.fullmatch(self.text, start, end) and _BACKERS.search(self.text, max(0, start - 60), start):
            return SUPPORT_PENALTY
        # "the jets had taken off from the Shayrat air base": where aircraft came from, not an act
        # (unless the sentence goes on to what they did: "took off from Hmeimim and struck …").
        if _TOOK_OFF.match(self.text, end) and not _STRUCK_AFTER.search(self.text, end):
            return SUPPORT_PENALTY
        if _PLOTTED.search(self.text, max(0, start - 80), start) and not _PAST_ACT.match(self.text, start):
            return BACKGROUND_PENALTY
        # "Rebels, who captured the town last month, shelled Jurin": a clause that describes
        # its subject, closed by a comma before the sentence goes on, tells no news of its own
        # — but its toll is its subject's ("the strike, which killed 12 people, hit a market").
        described = _DESCRIBING.search(self.text, max(0, start - 60), start)
        closes = _CLAUSE_CLOSES.match(self.text, end) or _DATED_TAIL.match(self.text, end)
        # ... nor one that names its own day ("fled Ariha, which jets bombed on Tuesday, …").
        if described and closes and not _TOLL_WORD.search(self.text, start, end) \
                and not _WEEKDAY.search(self.text, described.start(), closes.end()):
            return BACKGROUND_PENALTY
        return 0.0

    def _over_years(self, start: int, end: int) -> bool:
        """Whether the trigger's clause spans years (`_OVER_YEARS`) and names no day."""
        for m in _OVER_YEARS.finditer(self.text):
            a, b = (end, m.start()) if m.start() >= end else (m.end(), start)
            clause = self.text[min(a, b):max(a, b)]
            if not _CLAUSE_MARK.search(clause) and not _names_a_day(clause):
                return True
        return False

    def not_done(self, start: int) -> bool:
        """An infinitive or attempt before a capture verb: no capture."""
        return _NOT_DONE.search(self.text, max(0, start - 20), start) is not None

    def has(self, cue: str) -> bool:
        found = self._cue.get(cue)
        if found is None:
            grams = self.lex.cue_grams.get(cue)
            found = self._cue[cue] = (grams is None or not self.grams.isdisjoint(grams)) \
                and self.lex.cues[cue].search(self.text) is not None
        return found

    def has_before_set_off(self, cue: str) -> bool:
        """`has`, read only before what the sentence says the act set off ("prompting", "sparking")."""
        if not self.has(cue):
            return False
        off = _SET_OFF_WORD.search(self.text)
        return off is None or self.lex.cues[cue].search(self.text, 0, off.start()) is not None

    def relaxed(self) -> _Scorer:
        """The same text with recalled incidents at full weight (see `_classify`), sharing
        the matches and cues already found: only the weights change."""
        other = copy.copy(self)
        other.recalled = False
        other._hits = {}
        return other

    def hits(self, owner: str) -> list[tuple[float, int, int, int]]:
        """(weight, start, end, pattern id) of every match of a sub-type's (or non-event's)
        patterns whose anchors occur in the text. The list is the scorer's: do not change it."""
        found = self._hits.get(owner)
        if found is None:
            set_off = owner in _SET_OFF_KINDS
            found = self._hits[owner] = [
                (p.weight * (1.0 if start < self.first_end else LATER_SENTENCE_FACTOR) - self.background(start, end)
                 - (BACKGROUND_PENALTY if set_off and _SET_OFF.search(self.text, max(0, start - 70), start) else 0.0),
                 start, end, p.pid)
                for p, start, end in self.matches(owner)]
        return found

    def matches(self, owner: str) -> list[tuple[_Pattern, int, int]]:
        """(pattern, start, end) of an owner's matches, less those inside a name, a scare
        quote or a slogan."""
        found = self._matches.get(owner)
        if found is not None:
            return found
        found = self._matches[owner] = []
        named_subject = self.topic and owner in self.lex.non_event_names
        for p in self.by_owner.get(owner, ()):
            for m in p.regex.finditer(self.text):
                start, end = m.span("t") if "t" in p.regex.groupindex and m.group("t") else m.span()
                if not named_subject and (self.in_name(start, end) or self.in_slogan(start, end)):
                    continue
                found.append((p, start, end))
        return found

    def in_slogan(self, start: int, end: int) -> bool:
        """A figure of speech in scare quotes, or the words of a banner or a chant."""
        return _scare_quoted(self.text, start, end) or _SLOGAN.search(self.text, max(0, start - 120), start) is not None

    def in_name(self, start: int, end: int) -> bool:
        """A capitalised trigger word that ends a name in running prose is part of the name:
        "Linda Battle of Toco", "the Highway Patrol reported", "Border Patrol agents". Not in
        a Title Case headline ("Heavy Fighting Rages in Aleppo"), where every word is capitalised."""
        text = self.text
        if not text[start].isupper() or (end < len(text) and text[end].isalnum()):
            return False
        before = _NAME_BEFORE.search(text, max(0, start - 40), start)
        if before is None or text[end : end + 2].lstrip(" ")[:1].isupper():
            return False
        # "Israeli Airstrikes hit", "Army Troops": a nationality or an armed actor before it
        # makes it the event word of a headline-like phrase, not a name.
        word = before.group().strip()
        first = text[start:end].split(None, 1)[0]
        # ... and so does one that opens the trigger ("An Israeli strike hit a school").
        if " " in text[start:end] and _DEMONYM.search(first) or _DEMONYM.search(word) \
                or _ACTOR_WORD.fullmatch(word) or self.lex.cues["state_actor"].fullmatch(word) \
                or self.lex.cues["non_state_actor"].fullmatch(word):
            return False
        lo = max(0, text.rfind(". ", 0, start) + 1)
        hi = text.find(". ", end)
        return _PROSE_WORD.search(text, lo, hi if hi >= 0 else len(text)) is not None

    # Territory: who took it, and did they take a place?
    def agent(self, start: int, end: int) -> str | None:
        text, cues = self.text, self.lex.cues
        after = text[end : end + 60]
        by = re.match(r"\s+by\s+(?:[^\s.;!?]+\s+){0,3}?", after)
        passive = _PASSIVE_AUX.search(text[max(0, start - 25) : start])
        if by and passive:
            who = self.kind_at(after[by.end() :])
            if who is not None:
                return who
        # "… eastern Aleppo, which fell to regime forces": a place falls to whoever is named after.
        if _FELL.match(text, start, end):
            who = self.kind_at(_OF_THE.sub("", after))
            if who is not None:
                return who
        lo = max(_clause_start(text, start), start - 120)
        window = text[lo:start]
        # "Rebels attacked army positions, capturing two checkpoints", "troops pounded jihadist
        # hideouts and took control of the village": a verb that goes on from an earlier one
        # shares its subject, the first actor of the sentence, not the last one named (the
        # earlier verb's object).
        goes_on = _GOES_ON.search(window)
        if goes_on is not None and (window.rstrip().endswith(",") and re.match(r"\w+ing\b", text[start:end]) is None):
            goes_on = None
        if goes_on is not None:
            # The subject of the clause it goes on from: after the last break before it ("…
            # attacked Mahas, but Somali troops repelled them and recaptured …": the troops).
            breaks = list(_CLAUSE_BREAK.finditer(window, 0, goes_on.start()))
            if breaks:
                lo += breaks[-1].end()
                window = text[lo:start]
        best: tuple[int, int, str] | None = None
        for kind, cue in ((STATE, "state_actor"), (NON_STATE, "non_state_actor")):
            for m in cues[cue].finditer(window):
                # "Somali troops backed by clan militias recaptured …": the backers are not the doer.
                if _BACKERS.search(window, 0, m.start()) \
                        or kind == NON_STATE and _ALLIED_SECOND.search(window, 0, m.start()):
                    continue
                # The last actor named before the verb; of two ending there, the longer name
                # ("the Arakan Army" is a group's, not "army").
                key = (-m.start(), m.end()) if goes_on is not None else (m.end(), -m.start())
                if best is None or key > best[:2]:
                    best = (*key, kind)
        if best is not None:
            return best[2]
        frm = _FROM_AFTER.match(text[end : end + 90])
        if frm:
            # taken "from X": the other kind took it
            return _OTHER_KIND.get(self.kind_at(text[end + frm.end() : end + 90]))
        # "they captured Sake after two days of fighting with the army": whoever they fought
        # is the other kind.
        fought = _FOUGHT_AFTER.search(text, end, end + 120)
        if fought:
            return _OTHER_KIND.get(self.kind_at(text[fought.end() : fought.end() + 60]))
        return None

    def kind_at(self, rest: str) -> str | None:
        """The kind of the actor `rest` starts with (state first), or None."""
        if self.lex.cues["state_actor"].match(rest):
            return STATE
        if self.lex.cues["non_state_actor"].match(rest):
            return NON_STATE
        return None

    def takes_place(self, start: int, end: int) -> bool:
        trigger = self.text[start:end].lower()
        if "control" in trigger or trigger.startswith(("fell", "falls", "overr")) \
                or re.match(r"(?:have|has|had) ", trigger):  # "have taken the Hanano district": its object a place
            return True
        if self.text[end:end + 1] in ("'", "’", '"', "”"):
            end += 1  # a party's word in quotes: "it had 'liberated' the village"
        place = self.lex.place_after.match(self.text, end)
        other = self.lex.non_place_after.match(self.text, end)
        if place is None:
            return self._place_undergoes(start, end)
        return other is None or place.end() <= other.end()

    def _place_undergoes(self, start: int, end: int) -> bool:
        """A passive capture with no object after it ("six villages ... were taken by the
        army", "Kafr Nabudah had been recaptured."): a place when the subject's last noun of
        either kind is a place noun, or a name for a verb that only takes places back ("A
        Russian pilot was captured", "Five soldiers were seized" are no territory)."""
        text = self.text
        if not _PASSIVE_AUX.search(text[max(0, start - 25):start]) or not _NO_OBJECT.match(text, end):
            return False
        subject = text[max(_clause_start(text, start), start - 120):start]
        lex = self.lex
        if lex.place_word is None or lex.non_place_word is None:
            return False
        places = [m.end() for m in lex.place_word.finditer(subject)]
        if text[start:end].lower().startswith(("recaptur", "retak", "retook", "liberat", "overr")):
            places += [m.end() for m in _CAPITALISED.finditer(subject)
                       if m.start() > 0 or not _NOT_A_PLACE_SUBJECT.match(subject)]
        others = [m.end() for m in lex.non_place_word.finditer(subject)]
        return bool(places) and (not others or max(places) > max(others))


_SENTENCE_END_AR = re.compile(r"[.!?؟؛][\"'”’»)]*\s+")
_WORDS_AR = r"(?:[^\s.;!?،؛؟]+\s+)"
# A day the clause of an act gives: "في 17 كانون الأول", "يوم الخميس" (`arabic_view` text).
_ITS_DAY_AR = re.compile(r"(?<!\w)(?:في|يوم)\s+(?:\d{1,2}\s+\S+|(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه))"
                         r"(?!\w)")
# Frames that make a trigger an earlier event (`arabic_view` text, which ends just before
# the trigger's word): "ردا على" in retaliation for, "انتقاما ل", "ذكرى" anniversary,
# "اتهم" accused, "منذ عام" since the year, "في عام 2017", the past perfect "كانت ... قد",
# "سبق أن" previously, "بعد أسابيع من" weeks after, an act right after "منذ" (since).
_BACKGROUND_AR = re.compile(
    r"(?<!\w)" + CLITIC + r"(?:ردا\s+علي|ردا|انتقاما|ثارا|ذكري|اتهم\w*|[يت]تهم\w*|متهم\w*|اتهام\w*|"
    r"منذ\s+(?:عام|العام|سنه|سنوات|اعوام|اشهر|شهور|اسابيع|ايام|مطلع|بدايه|اندلاع)|(?:عام|عامي|العام|سنه)\s+(?:19|20)\d\d|"
    # ("الأعنف منذ سيطرة التنظيم على المحافظة": the act right after "منذ", since which)
    r"منذ(?=\s+$)|"
    # ("ويعد هذا الهجوم الأعنف في بلعد منذ أشهر", "ويعد تفجير اليوم الأعنف": a recap of the act
    # told, which the story has coded where it told it)
    r"(?:يعد|تعد|يعتبر|تعتبر)(?:\s+(?:هذا|هذه|ذلك|تلك))?(?=\s+$)|"
    r"كان(?:ت|وا)?\s+" + _WORDS_AR + r"{0,3}?قد|سبق\s+(?:ان|و|ل))\s+" + _WORDS_AR + r"{0,5}?$"
)
# "بعد أسابيع من سيطرة المعارضة على …": the act a sentence is dated by, days or more before, a
# verbal noun right after "من" (not "بعد أسابيع من التحضير شنت القوات هجوماً": the act after it).
# So is the act a noun of acts names there, with its doer: "بعد أسابيع من استعادة الجيش السيطرة".
_WEEKS_AFTER_AR = re.compile(r"(?<!\w)[وف]?بعد\s+(?:ايام|اسابيع|اشهر|شهور|سنوات|اعوام|اسبوع|شهر|عام|سنه)\s+"
                             r"(?:من|علي)\s+(?:(?:استعاده|سيطره|تحرير|دخول|انسحاب|سقوط|اقتحام|هجوم|قصف|مقتل|"
                             r"اغتيال|اختطاف|تفجير)\s+(?:[^\s.،؛؟]+\s+){0,3})?$")
# ... and a past year right after it: "مجزرة الكيماوي عام 2013".
_YEAR_AFTER_AR = re.compile(r"[^\s.،؛؟]*\s+" + _WORDS_AR
                            + r"{0,3}?(?:في\s+|بين\s+)?(?:عام|عامي|العام|سنه)\s+(?:19|20)\d\d")
# The past perfect with a day of this week tells the story's own news: "وكانت قوات النظام قد
# قصفت الحي مساء الأحد" (had shelled the district on Sunday evening), before the truce it reports.
_PERFECT_AR = re.compile(r"(?<!\w)[وف]?كان(?:ت|وا)?\s+" + _WORDS_AR + r"{0,3}?قد\s+" + _WORDS_AR + r"{0,5}?$")
# (a weekday alone, or with its time or "يوم" before it; "الاثنين" only so: alone it is also
# "the two")
_THIS_WEEK_AR = re.compile(r"[^.,،؛؟]{0,40}?(?<!\w)(?:(?:(?:مساء|صباح|ليل|ليله|فجر|ظهر|عصر)\s+)?(?:امس|اليوم)|"
                           r"(?:مساء|صباح|ليل|ليله|فجر|ظهر|عصر|يوم)\s+ال(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)|"
                           r"ال(?:احد|ثلاثاء|اربعاء|خميس|جمعه|سبت))"
                           r"(?!\w)(?!\s+(?:الماضي|قبل))")
# ... and so does one with a weekday last week, wherever the clause names it ("وكانت قوات
# الاحتلال قد هدمت، يوم الاثنين الماضي، منشأة"): a recalled act with a day of its own.
_LAST_WEEKDAY_AR = re.compile(r"(?<!\w)(?:(?:مساء|صباح|ليل|ليله|فجر|ظهر|عصر|يوم)\s+)?ال(?:احد|اثنين|ثلاثاء|اربعاء|"
                              r"خميس|جمعه|سبت)\s+الماضي(?!\w)")
# An attempt or purpose is no capture: "في محاولة للتقدم", "بهدف السيطرة", "فشلت في".
_NOT_DONE_AR = re.compile(
    r"(?<!\w)[وف]?(?:محاوله|محاولات|حاول\w*|[يت]حاول\w*|بهدف|سعيا|[يت]سع(?:ي|ون|ي)|[يت]هدف|اجل|بغيه|"
    r"فشل\w*|تمهيدا)\s+" + _WORDS_AR + r"?$"
)
# A banner or a chant and the words it says, up to the trigger: "لافتات تندد بتهديدات … ب".
_SLOGAN_AR = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:لافت\w*|يافط\w*|شعار\w*|هتاف\w*)\s+(?:[يت]?(?:ندد|طالب|رفض|دعو|حمل|قول|"
                        r"ؤكد)\w*|كتب\w*|مكتوب\w*)\s+(?:[^\s.،؛؟!]+\s+){0,8}?[\"'«“]?$")
# Words of time between a verb and its subject ("سيطرت، اليوم الخميس، قوات …"), folded.
_TIME_WORD_AR = re.compile(r"(?:ال)?(?:يوم|اليوم|امس|مساء|صباح|فجر|ظهر|عصر|ليل|ليله|الاحد|الاثنين|الثلاثاء|الاربعاء|"
                           r"الخميس|الجمعه|السبت)")
# Where a VSO subject ends: the first preposition or clause mark after the verb.
_SUBJECT_END_AR = re.compile(r"(?<!\w)(?:علي|في|من|الي|عن|نحو|باتجاه|داخل|ضد|مع|بعد|منذ)(?!\w)|[.,،؛؟!:]")
_PASSIVE_BY_AR = re.compile(r"\s+" + _WORDS_AR + r"{0,4}?(?:علي\s+(?:ايدي|يد)|من\s+قبل)\s+")
_OBJECT_AR = re.compile(r"\s+" + _WORDS_AR + r"{0,5}?علي\s+")
_FROM_AFTER_AR = re.compile(r"\s+" + _WORDS_AR + r"{0,6}?من\s+")


def word_start(text: str, pos: int) -> int:
    """Start of the word `pos` is in, its proclitics included ("للمظاهرات" → its ل)."""
    while pos > 0 and text[pos - 1].isalnum():
        pos -= 1
    return pos


class _ArabicScorer(_Scorer):
    """The scorer over `arabic_view` text: Arabic sentence ends, background frames, attempts,
    and a capture's agent also after its verb."""

    def _first_end(self) -> int:
        return _first_sentence_end(self.text, _SENTENCE_END_AR)

    def _word_start(self, pos: int) -> int:
        return word_start(self.text, pos)

    def background(self, start: int, end: int) -> float:
        w = self._word_start(start)
        if _YEAR_AFTER_AR.match(self.text, end):
            return BACKGROUND_PENALTY_AR
        if _WEEKS_AFTER_AR.search(self.text, max(0, w - 60), w):
            return ANCHOR_PENALTY  # as "two weeks after …" in English
        frame = _BACKGROUND_AR.search(self.text, max(0, w - 80), w)
        if frame is not None and frame.group().lstrip("وف").startswith(("منذ", "يعد", "تعد", "يعتبر", "تعتبر")) \
                and _ITS_DAY_AR.search(self.text, end, end + 80):
            # "… منذ انفجار سيارة مفخخة في سوق المدينة في 17 كانون الأول", "ويعد هذا القصف الأعنف …
            # إذ قتل فيه 12 مدنيا يوم الاثنين": dated, told
            return 0.0
        if frame is None or _PERFECT_AR.match(self.text, frame.start(), w) and (
                _THIS_WEEK_AR.match(self.text, end)
                or _LAST_WEEKDAY_AR.search(re.split(r"[.؟!؛]", self.text[frame.start():end + 40])[0]) is not None):
            return 0.0
        return BACKGROUND_PENALTY_AR

    def in_slogan(self, start: int, end: int) -> bool:
        """The words of a banner or a chant: "رفعوا لافتات تندد بتهديدات … باقتحام المحافظة"
        (banners denouncing threats to storm the province) tell no storming."""
        w = self._word_start(start)
        banner = _SLOGAN_AR.search(self.text, max(0, w - 100), w)
        # (not when someone armed acts after the chant: "هتافات تطالب برحيل المحافظ فأطلقت
        # الشرطة الرصاص")
        return banner is not None and self._actor_at(self.text[banner.start():w], first=True) is None

    def not_done(self, start: int) -> bool:
        w = self._word_start(start)
        # "للسيطرة"، "لاستعادة": the preposition ل on the verbal noun says "in order to".
        if self.text[w:start].lstrip("وف").startswith("ل"):
            return True
        return _NOT_DONE_AR.search(self.text, max(0, w - 40), w) is not None

    def _actor_at(self, text: str, first: bool) -> str | None:
        """The actor kind in `text`: the first one (a subject after its verb) or the last
        (the nearest before it). The longer name wins at one place ("الجيش الوطني" is
        not "الجيش")."""
        best: tuple[int, int, str] | None = None
        for kind, cue in ((STATE, "state_actor"), (NON_STATE, "non_state_actor")):
            for m in self.lex.cues[cue].finditer(text):
                key = (-m.start(), m.end()) if first else (m.end(), -m.start())
                if best is None or key > best[:2]:
                    best = (*key, kind)
        return best[2] if best else None

    def _actor_starts(self, text: str) -> bool:
        """Whether an actor's name opens `text`."""
        return any(self.lex.cues[cue].match(text) for cue in ("state_actor", "non_state_actor"))

    def agent(self, start: int, end: int) -> str | None:
        text = self.text
        after = text[end : end + 80]
        by = _PASSIVE_BY_AR.match(after)
        if by:
            who = self.kind_at(after[by.end() :])
            if who is not None:
                return who
        stop = _SUBJECT_END_AR.search(after)
        subject = after[: stop.start() if stop else len(after)]
        if len(subject.split()) <= 5:
            who = self._actor_at(subject, first=True)
            if who is not None:
                return who
        else:
            # A longer subject names its doer first and goes on describing it ("سيطرت ميليشيا
            # أسد الطائفية مدعومة بالطيران الروسي، …"), after the time at most; a name further
            # on is the object ("واستعاد مساء أمس الخميس مواقع الفصائل").
            words = subject.split()
            while words and _TIME_WORD_AR.fullmatch(words[0]):
                words.pop(0)
            head = " ".join(words[:5])
            who = self._actor_at(head, first=True)
            if who is not None and self._actor_starts(head):
                return who
        lo = start - 120
        for m in _SENTENCE_END_AR.finditer(text, 0, start):
            lo = max(lo, m.end())
        who = self._actor_at(text[max(0, lo) : self._word_start(start)], first=False)
        if who is not None:
            return who
        frm = _FROM_AFTER_AR.match(text, end)
        if frm:
            return _OTHER_KIND.get(self.kind_at(text[frm.end() : end + 90]))
        return None

    def takes_place(self, start: int, end: int) -> bool:
        """A capture of a place, unless weapons or people come first in its object (after
        "على" when the verb takes it: "استولت الفصائل على دبابتين" is no territory)."""
        obj = _OBJECT_AR.match(self.text, end)
        at = obj.end() - 1 if obj else end  # the space before the object
        other = self.lex.non_place_after.match(self.text, at)
        if other is None:
            return True
        place = self.lex.place_after.match(self.text, at)
        return place is not None and place.end() <= other.end()


def _subtype_score(sc: _Scorer, st: _SubType) -> tuple[float, int, int] | None:
    if st.requires and not any(sc.has(r) for r in st.requires):
        return None
    hits = sc.hits(st.name)
    if st.weak_words is not None and not any(sc.has(r) for r in st.weak_requires):
        weak = st.weak_words
        hits = [h for h in hits if not weak.fullmatch(sc.text, h[1], h[2])]
    if st.agent is not None:
        kept = []
        for w, s, e, pid in hits:
            if not sc.takes_place(s, e) or sc.not_done(s):
                continue
            who = sc.agent(s, e)
            if who is None:
                kept.append((w - UNKNOWN_AGENT_PENALTY, s, e, pid))
            elif who == st.agent:
                kept.append((w, s, e, pid))
        hits = kept
    if not hits:
        return None
    best_w, best_s, best_e, _ = max(hits, key=lambda h: (h[0], -h[1]))
    # Further evidence counts per distinct pattern: "protest" said three times is one cue.
    distinct = {pid for *_, pid in hits}
    score = best_w + EXTRA_MATCH_BONUS * min(MAX_EXTRA_MATCHES, len(distinct) - 1)
    # A cue that only what the act set off names ("… sparking protests") does not lower it.
    score += sum(add for cue, add in st.boosts if (sc.has(cue) if add > 0 else sc.has_before_set_off(cue)))
    return score, best_s, best_e


def _score_all(text: str, lex: Lexicon, *, recalled: bool = True,
               topic: bool = False) -> tuple[list[tuple[float, int, int, _SubType]], _Scorer]:
    sc = _ArabicScorer(text, lex) if lex.arabic else _Scorer(text, lex, recalled=recalled, topic=topic)
    return _scored(sc), sc


def _scored(sc: _Scorer) -> list[tuple[float, int, int, _SubType]]:
    """Every sub-type's score on the scorer's text, best first."""
    scored = []
    for st in sc.lex.subtypes:
        if st.name not in sc.by_owner:
            continue  # none of its patterns can match (no anchor in the text): no score
        r = _subtype_score(sc, st)
        if r is not None:
            scored.append((r[0], r[1], r[2], st))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored


MILITARY_MEANS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
                            "Suicide bomb"})


def _family_score(sc: _Scorer, ne: _NonEvent, trigger_start: int) -> float | None:
    """A non-event family's score on the scorer's text, or None when one of its `unless` cues
    is there or it has no hit. A family scoped `before_trigger` counts only its hits before
    the trigger, or at the trigger itself ("مناورات" is a drill, not a deployment)."""
    if any(sc.has(u) for u in ne.unless):
        return None
    hits = [h for h in sc.hits(ne.name) if not ne.before_trigger_only or h[1] <= trigger_start]
    if not hits:
        return None
    distinct = {h[3] for h in hits}
    return max(h[0] for h in hits) + EXTRA_MATCH_BONUS * min(MAX_EXTRA_MATCHES, len(distinct) - 1)


def _non_event_score(sc: _Scorer, trigger_start: int) -> tuple[float, str | None]:
    best, which = 0.0, None
    for ne in sc.lex.non_events:
        score = None if ne.topic_only else _family_score(sc, ne, trigger_start)
        if score is not None and score > best:
            best, which = score, ne.name
    return best, which


# A story's opening must name its other subject by a defining word ("penalty", "earthquake",
# "anniversary", "drill"), not by a word of everyday talk ("match", "coach", "urged").
TOPIC_SCORE = 6.0


def story_topics(text: str) -> list[str]:
    """The non-event families an English text is about, best first: each outweighs every
    event reading of it ("Arsenal storm back to sink Chelsea in London derby … equaliser in
    the 52nd minute" is SPORT). Read over a story's opening (see `events.code`), where news
    names its subject."""
    sc = _Scorer(text, default_lexicon(), recalled=False, topic=True)
    # A family's score over all its hits bounds its score before the trigger, and no family
    # under `TOPIC_SCORE` can be the subject: most openings are done here, before the event
    # sub-types, the costly part, are scored.
    if all((s := _family_score(sc, ne, len(text))) is None or s < TOPIC_SCORE for ne in sc.lex.non_events):
        return []
    scored = _scored(sc)
    best = max(TOPIC_SCORE, scored[0][0] if scored else 0.0)
    # Before the first event word the opening names ("Explosion at military parade in Aden").
    trigger = min((h[1] for st in sc.lex.subtypes for h in sc.hits(st.name)), default=len(text))
    found = []
    for ne in sc.lex.non_events:
        # "Car bomb hits memorial ceremony": a family that frames what follows it is the
        # subject only when it comes before the event's word.
        score = _family_score(sc, ne, trigger)
        if score is not None and score >= best:
            found.append((score, ne.name))
    return [name for _, name in sorted(found, key=lambda f: -f[0])]


def story_names(text: str, cue: str) -> bool:
    """Whether an English text names, anywhere, what the lexicon's context cue `cue` lists
    ("story_context": armed conflict, a protest, a riot or a mob)."""
    return default_lexicon().cues[cue].search(text) is not None


def classify(sentence: str, *, lexicon: Lexicon | None = None) -> Classification | None:
    """The ACLED event type and sub-type a sentence reports, or None when it reports none.

    Rule and lexicon based (see the module docstring); `lexicon` defaults to the shipped
    `data/event_lexicon.yaml`, or `data/event_lexicon_ar.yaml` for a sentence in Arabic
    script (the trigger's offsets are then still offsets in `sentence`). Modality
    ("occurred", "planned", ...) is not judged here: see `marsad.events.modality`.
    """
    if lexicon is None:
        if is_arabic_text(sentence):
            return _classify_shipped_ar(sentence)
        return _classify_shipped(sentence)
    return _classify(sentence, lexicon)


@functools.lru_cache(maxsize=1024)
def _classify_shipped(sentence: str) -> Classification | None:
    """`classify` with the shipped lexicon, the texts of the article being coded remembered:
    coding an article asks again about texts it classified (the story's lede is read before
    its sentences are; a one-sentence paragraph read "with its neighbours" is that sentence;
    `follow_up` re-reads a sentence). `new_article` forgets them, as articles seldom repeat
    each other's sentences (a cache across articles would flatter a benchmark made of copies)."""
    return _classify(sentence, default_lexicon())


@functools.lru_cache(maxsize=1024)
def _classify_shipped_ar(sentence: str) -> Classification | None:
    return _classify(sentence, default_lexicon_ar())


def new_article() -> None:
    """Forget the texts `classify` remembered for the article coded before."""
    _classify_shipped.cache_clear()
    _classify_shipped_ar.cache_clear()


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# The protest words sport has senses of its own for (a team's rally, the chasing group of a
# race, a final won by beating the other side); a march, a sit-in or strikers are protests.
_SPORT_SENSE = re.compile(r"rall(?:y|ies|ied|ying)|chas(?:e|ed|ing)|beat(?:s|ing|en)?", re.I)
# "…, while in a separate statement it said it had repelled an attack on its base in Djibo":
# another act, told in a clause of its own with its own place.
_ANOTHER_CLAUSE = re.compile(r"\b(?:while|whereas|separately|separate|elsewhere|meanwhile)\b", re.I)


_SUPPORTING_FIRE = ("Shelling/artillery/missile attack", "Air/drone strike")
_AMID = re.compile(r"(?:\bamid|\bunder\s+cover\s+of|(?<![\u0600-\u06ff])[و]?(?:وسط|في\s+ظل|تحت\s+غطاء))\s+"
                   r"(?:[^\s.,;،؛]+\s+){0,3}$", re.I)


def _disputed(sentence: str, capture_end: int, lex: Lexicon) -> bool:
    """Whether the other side denies the capture told up to `capture_end`: a denial after it,
    in no clause of another act's, naming no place of its own."""
    denial = lex.cues["capture_disputed"].search(sentence, capture_end)
    if denial is None or _ANOTHER_CLAUSE.search(sentence, capture_end, denial.start()):
        return False
    own = re.split(r"[,;]", sentence[denial.start():], maxsplit=1)[0]  # the denial's own clause
    return re.search(r"\b(?:in|at|near|on)\s+(?:the\s+)?[A-Z]", own) is None


def _classify(sentence: str, lex: Lexicon) -> Classification | None:
    if not sentence or not sentence.strip():
        return None
    view = arabic_view(sentence) if lex.arabic else None
    scored, sc = _score_all(view.text if view else sentence, lex)
    if not lex.arabic and (not scored or scored[0][0] < MIN_SCORE
                           or _RECALLED.search(sentence, max(0, scored[0][1] - 60), scored[0][1])):
        # A recalled incident is the sentence's news when it tells no other: "rescuers
        # pulled more bodies from the rubble, two days after a missile struck the building".
        sc = sc.relaxed()
        scored = _scored(sc)
    if not scored:
        return None
    score, start, end, st = scored[0]
    if score < MIN_SCORE:
        return None
    if st.name in _SUPPORTING_FIRE and _AMID.search(sc.text, max(0, start - 40), start):
        # "Fierce clashes continued on the front … amid intense ground shelling", "تتواصل
        # الاشتباكات … وسط قصف بري مكثف": the fire that goes with a battle is the battle's.
        # (the battle told first, as the sentence's news: not "nine civilians were killed amid
        # air strikes on the town, as rebels fought troops to the south")
        clash = next((x for x in scored[1:] if x[3].name == "Armed clash" and x[0] >= MIN_SCORE and x[1] < start),
                     None)
        if clash is not None:
            score, start, end, st = clash
    non_score, non_name = _non_event_score(sc, start)
    # A demonstration about a disaster, a crime or sanctions is still a demonstration. Beside
    # words of sport, one the sentence says protests: a "rally" in the seventh inning, the
    # chasing group of a bike race or a final won by "beating" the other side are sport's.
    sport_words = non_name == "SPORT" and "protest_claim" in lex.cues and not sc.has("protest_claim") \
        and _SPORT_SENSE.fullmatch(sentence[start:end]) is not None
    margin = PROTEST_NON_EVENT_MARGIN if st.event_type in PROTEST_TYPES and not sport_words else 0.0
    # Gangs and diplomats do not fly air strikes or fire artillery: an air strike on drug
    # smugglers is still an air strike.
    # Nor does a flood shell an army post: armed men named beside a disaster's words still
    # shell ("rebels shelled an army post, as floods forced villagers from their homes").
    military = st.name in MILITARY_MEANS and (
        non_name in ("ORG_CRIME", "DIPLO")
        or non_name == "NATURAL_DISASTER" and score >= 4.5 and (sc.has("non_state_actor") or sc.has("armed_actor")))
    if non_score > score + margin and not military:
        return None
    if view is not None:
        start, end = view.span(start, end)
    event_type, sub_event_type = st.event_type, st.name
    if sub_event_type in _TERRITORY and "capture_disputed" in lex.cues and _disputed(sentence, end, lex):
        # A capture the other side denies is a fight whose outcome is disputed: a battle.
        sub_event_type = "Armed clash"
    return Classification(
        event_type=event_type,
        sub_event_type=sub_event_type,
        score=round(min(1.0, score / 6.0), 3),
        trigger_start=start,
        trigger_end=end,
        trigger=sentence[start:end],
    )


def explain(sentence: str, *, lexicon: Lexicon | None = None) -> dict[str, Any]:
    """Every sub-type's score and the best non-event score, for debugging the lexicon."""
    if lexicon is None:
        lexicon = default_lexicon_ar() if is_arabic_text(sentence) else default_lexicon()
    lex = lexicon
    view = arabic_view(sentence) if lex.arabic else None
    text = view.text if view else sentence
    scored, sc = _score_all(text, lex)
    start = scored[0][1] if scored else len(text)
    non_score, non_name = _non_event_score(sc, start)
    return {
        "subtypes": [(st.name, round(s, 2), text[a:b]) for s, a, b, st in scored],
        "non_event": (non_name, round(non_score, 2)),
    }

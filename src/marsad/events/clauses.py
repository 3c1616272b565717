"""Two acts of different kinds told in one sentence.

"Rebels shelled the villages of Foua and Kfraya and detonated a car bomb near the front",
"Jets pounded Saraqeb, while rebels shelled Hama's outskirts": one sentence, two events.
Read whole, the sentence takes the type of its strongest word, and every place it names
gets that type. Cut at the clause boundary, each act keeps its own type and its own places.

Only acts whose kinds never describe one another are cut apart (an air strike, shelling, a
bombing, a suicide attack, a chemical attack, a clash), and only when each clause names a
place of its own; when only the first clause names places, they are the first act's and
the sentence is coded as that act. "Killed" or "wounded" in the second clause is the first
act's toll, "the explosion" or "the raids" is the first act named again, "while troops were
returning" is its time: the sentence stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .classify import Classification, classify
from .sentences import Sentence

# The kinds of act that, told in two clauses, are two events.
_ACTS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                   "Suicide bomb", "Chemical weapon", "Armed clash"})

# Where a second clause with a verb of its own starts: ", while rebels shelled …",
# "; jets struck …", "… and detonating a car bomb", ", and troops clashed …".
_BOUNDARY = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|\s+and\s+(?=\w+ing\b)|,\s+and\s+(?!\w+ing\b)", re.I)
# A second clause that is no second act: the first one named again ("…, and the explosion
# killed four policemen"), or the time of the first ("while troops were returning from …").
_SAME_ACT = re.compile(r"(?:the|this|that|its)\s+(?:\w+\s+)?(?:explosion|blast|attack|strikes?|raids?|bombing|bomb|"
                       r"shelling|assault|ambush|fighting|clashes)\b", re.I)
_DURING = re.compile(r"(?:\w+\s+){0,3}?(?:was|were|is|are|had\s+been)\s+\w+ing\b", re.I)
# Where people or weapons came from is no place of an act ("reinforcements arrived from
# Ouallam", "drones launched from Oleshky").
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# An act's word that only counts its dead: "killed four policemen", "soldiers were killed".
_TOLL = re.compile(r"kill|dead|died|wound|injur|casualt", re.I)


@dataclass(frozen=True)
class Clause:
    """A part of a sentence told as a sentence of its own, and its act."""

    sentence: Sentence  # the clause, with the sentence's places that fall inside it
    act: Classification
    offset: int  # where the clause starts in the whole sentence's text


def _clause(sent: Sentence, a: int, b: int) -> Sentence:
    start = sent.start + a
    end = sent.start + b
    return Sentence(start=start, end=end, text=sent.text[a:b], paragraph=sent.paragraph,
                    places=tuple(loc for loc in sent.places if start <= loc.start and loc.end <= end))


def _an_act(cls: Classification, text: str) -> bool:
    return cls.sub_event_type in _ACTS and not _TOLL.search(text, cls.trigger_start, cls.trigger_end)


def _acts(sent: Sentence) -> tuple[Clause, Clause, set[str], set[str]] | None:
    """The sentence's first cut into two acts of different kinds, with the places each
    clause names (see the module docstring); else None."""
    text = sent.text
    for cut in _BOUNDARY.finditer(text):
        left, right = text[: cut.start()], text[cut.end():]
        if _SAME_ACT.match(right) or _DURING.match(right):
            continue
        first = classify(left)
        if first is None or not _an_act(first, left):
            continue
        second = classify(right)
        if second is None or not _an_act(second, right) or second.sub_event_type == first.sub_event_type:
            continue
        a, b = _clause(sent, 0, cut.start()), _clause(sent, cut.end(), len(text))
        here, there = ({loc.place.name for loc in c.places if loc.place.country and not _FROM.search(
            text, max(0, loc.start - sent.start - 12), loc.start - sent.start)} for c in (a, b))
        return Clause(a, first, 0), Clause(b, second, cut.end()), here, there
    return None


def two_acts(sent: Sentence) -> tuple[Clause, Clause] | None:
    """The sentence cut into its two acts, when it tells two of different kinds in two
    clauses, each at places of its own (see the module docstring); else None."""
    acts = _acts(sent)
    if acts is None:
        return None
    first, second, here, there = acts
    # Two acts at one place may be one attack told by its means ("militants ambushed a
    # convoy, and a roadside bomb destroyed one of its vehicles"): only acts the sentence
    # puts at places of their own are cut apart.
    if not here or not there or here & there:
        return None
    return first, second


def placed_act(sent: Sentence, whole: Classification) -> Classification:
    """The act whose clause names the sentence's places, when the sentence, read `whole` as
    an act, tells two acts of different kinds and only the first clause names any: "rebels
    shelled the villages of Foua and Kfraya and detonated a car bomb in a frontline area"
    puts shelling at Foua and Kfraya, not the car bomb its strongest word would. `whole`
    otherwise."""
    acts = _acts(sent) if whole.sub_event_type in _ACTS else None
    if acts is None:
        return whole
    first, second, here, there = acts
    # Not when the second act is a suicide bombing or counts dead: then it is the news, and
    # the sentence stays its strongest word ("gunmen attacked a checkpoint in Kabul, and a
    # suicide bomber then blew himself up, killing 12").
    side_act = second.act.sub_event_type != "Suicide bomb" and not _TOLL.search(second.sentence.text)
    return first.act if here and not there and side_act else whole

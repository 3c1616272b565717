"""Two acts of different kinds told in one sentence.

"Rebels shelled the villages of Foua and Kfraya and detonated a car bomb near the front",
"Jets pounded Saraqeb, while rebels shelled Hama's outskirts": one sentence, two events.
Read whole, the sentence takes the type of its strongest word, and every place it names
gets that type. Cut at the clause boundary, each act keeps its own type and its own places.

Only acts whose kinds never describe one another are cut apart: an air strike, shelling, a
bombing, a suicide attack, a chemical attack, a clash. "Killed", "attacked" or "wounded"
in the second clause is the first act's toll, and the sentence stays whole.
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


def two_acts(sent: Sentence) -> tuple[Clause, Clause] | None:
    """The sentence cut into its two acts, when it tells two of different kinds in two
    clauses (see the module docstring); else None."""
    text = sent.text
    for cut in _BOUNDARY.finditer(text):
        left, right = text[: cut.start()], text[cut.end():]
        first = classify(left)
        if first is None or first.sub_event_type not in _ACTS:
            continue
        second = classify(right)
        if second is None or second.sub_event_type not in _ACTS \
                or second.sub_event_type == first.sub_event_type:
            continue
        return (Clause(_clause(sent, 0, cut.start()), first, 0),
                Clause(_clause(sent, cut.end(), len(text)), second, cut.end()))
    return None

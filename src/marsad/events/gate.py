"""Is a story news of political violence or unrest? The learned story gate.

Rules read off the stories one has seen do not reach the next kind of story: every batch of
general news written for marsad (a derby, a wildfire crews "battle", a chess "attack", a price
war's "salvo", a market "bloodbath") brought figures of speech no word list had. The gate
reads a story's headline and opening words as a whole, as an editor sorting the wire does,
and says whether the story is of the kind that reports armed conflict, political violence,
protests or riots. A story it turns away keeps only its protests and riots (see
`events.code`); a story it lets through is coded as before.

The model is a logistic regression over the opening's words and word pairs, trained by
`eval/train_gate.py` on the **tune** parts of marsad's development sets only (real Syrian-war
articles, real general news from TR-News and GeoWebNews, the CASE snippets, the stories
written for marsad) and shipped as `data/story_gate.json`. Its figures are the check parts'
(README, "Quality"). A text shorter than `MIN_WORDS` — a snippet, a one-sentence report —
is not a story and always passes: the gate judges stories, not sentences.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Self

OPENING_WORDS = 80  # the headline and the body's first words: where news names its subject
MIN_WORDS = 120  # shorter texts (a brief, a snippet, a paragraph cut out of an article) are not judged
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def opening(title: str | None, text: str) -> str:
    """The words the gate reads: the headline, then the body, `OPENING_WORDS` in all."""
    return " ".join(first_words(title, text, OPENING_WORDS))


def first_words(title: str | None, text: str, n: int) -> list[str]:
    """The first `n` words of headline and body (fewer when there are fewer), without
    splitting the rest of a long article."""
    return f"{title or ''}\n{text}".split(maxsplit=n)[:n]


# Words that carry grammar, not a subject. Alone they tell a source's house style, which the
# model learned instead ("has" and "to" weighed against a car bomb's story, because the general
# news it was trained on uses them more): the gate reads them only in a pair ("killed_in").
_FUNCTION_WORDS = frozenset("""a an the and or but nor so yet if then than that this these those there
here is are was were be been being am has have had having do does did doing will would shall should
can could may might must to of in on at by for with from into onto upon about as over under after
before since until while during through it its he him his she her they them their we us our you
your i me my who whom whose which what when where why how not no also just only very more most some
any all each both either neither such own same other up out off again further once""".split())


def features(text: str) -> set[str]:
    """Lower-cased words but function words (`_FUNCTION_WORDS`), and adjacent word pairs
    ("killed_in"), present or not."""
    words = _WORD.findall(text.lower())
    return {w for w in words if w not in _FUNCTION_WORDS} | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression as `eval/train_*.py` ship it: a weight per feature, a bias and
    the decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_json(cls, data: dict) -> Self:
        return cls(weights=dict(zip(data["vocabulary"], data["weights"], strict=True)), bias=data["bias"],
                   threshold=data["threshold"])


@dataclass(frozen=True)
class StoryGate(LinearModel):

    def probability(self, title: str | None, text: str) -> float:
        """How likely the story is news of political violence or unrest, 0..1. Each feature
        present counts 1, the vector scaled to unit length, as in training."""
        present = [self.weights[f] for f in features(opening(title, text)) if f in self.weights]
        return sigmoid(self.bias + (sum(present) / math.sqrt(len(present)) if present else 0.0))

    def passes(self, title: str | None, text: str) -> bool:
        """Whether the story is coded whole: a text too short to judge, or one the model
        puts at or above its threshold."""
        if len(first_words(title, text, MIN_WORDS)) < MIN_WORDS:
            return True
        return self.probability(title, text) >= self.threshold


@functools.cache
def story_gate() -> StoryGate:
    """The shipped gate (`data/story_gate.json`), loaded once."""
    raw = resources.files("marsad").joinpath("data/story_gate.json").read_text(encoding="utf-8")
    return StoryGate.from_json(json.loads(raw))

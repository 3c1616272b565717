"""Did the event a trigger names happen? Modality from cues near, and governing, the trigger.

`modality(sentence, trigger_start, trigger_end)` returns one of:

- "occurred"   — the default: a report of something that happened, including background
                 ("the heaviest raids targeted the town four days ago");
- "planned"    — plans to, will, is set to, preparing to, intends to, scheduled, next week;
- "threatened" — threatened to, vowed to, warned it would;
- "feared"     — amid fears of, fearing, in fear of, to avoid, to prevent, in anticipation
                 of, the threat of. Choice made here: an event someone acts *to avoid*
                 ("moved out to avoid frequent attacks") is "feared": it is anticipated
                 harm, not a report of an attack, and not merely "possible";
- "hoped"      — hopes, hoped, hoping;
- "denied"     — denied, refuted, did not, never, no … were (a negated trigger);
- "possible"   — may have, might, could, possibly, unconfirmed, unverified, whether, if.

A cue counts only inside the trigger's sentence, before the trigger (or, for a few denial
forms, right after it: "the strike was denied"), within a distance set per cue (a few words
for "will", more for "amid fears of"). When several cues qualify the one nearest the
trigger wins: it is the one that governs it ("amid fears of new raids, the army will
deploy" → "deploy" is planned, "raids" is feared).
"""

from __future__ import annotations

import re

OCCURRED = "occurred"
PLANNED = "planned"
THREATENED = "threatened"
FEARED = "feared"
HOPED = "hoped"
DENIED = "denied"
POSSIBLE = "possible"
MODALITIES = (OCCURRED, PLANNED, THREATENED, FEARED, HOPED, DENIED, POSSIBLE)

# (modality, cue regex, how many words may separate the cue's end from the trigger)
_LEFT_CUES: tuple[tuple[str, str, int], ...] = (
    (FEARED, r"amid (?:growing |mounting |renewed )?fears? (?:of|that|over)", 8),
    (FEARED, r"(?:for |in )?fears? (?:of|that|over)|fearing|feared|in fear of(?: being)?|"
     r"afraid (?:of|that)", 6),
    (FEARED, r"(?:concerns?|worried|worries|anxiety) (?:about|over|of|that)|braced? for|bracing for", 6),
    (FEARED, r"(?:in order )?to (?:avoid|prevent|forestall|deter|guard against|"
     r"protect (?:\w+ )?(?:from|against))", 4),
    (FEARED, r"in anticipation of|anticipat(?:e|es|ed|ing)|"
     r"(?:the )?(?:threat|risk|danger|spectre|prospect) of", 5),
    (FEARED, r"warn(?:s|ed|ing)? of(?: possible| imminent| an?)?", 5),
    (THREATENED, r"threat(?:en|ens|ened|ening) to|vow(?:s|ed|ing)? to|pledg(?:e|es|ed|ing) to|"
     r"swore to|swears to", 6),
    (THREATENED, r"warn(?:s|ed|ing)? (?:that )?(?:it|they|he|she|we|the \w+) (?:would|will|could)", 6),
    (THREATENED, r"ultimatum|or face", 8),
    (HOPED, r"hop(?:e|es|ed|ing) (?:to|that|for)|hop(?:e|es|ed|ing)|wish(?:es|ed)? to|"
     r"aspir(?:e|es|ed|ing) to", 6),
    (PLANNED, r"plan(?:s|ned|ning)? to|(?:is|are|was|were) set to|prepar(?:e|es|ed|ing) (?:to|for)|"
     r"intend(?:s|ed|ing)? to", 6),
    (PLANNED, r"(?:is|are|was|were) (?:due|scheduled|expected|going|about) to|(?:is|are|was|were) to|"
     r"plotting to|in preparation (?:for|of)|scheduled|upcoming|planned|(?:called|calls|calling) for", 5),
    (PLANNED, r"will|shall|would|'ll|(?:is|are|was|were) going to", 3),
    (POSSIBLE, r"may(?: have)?|might(?: have)?|could(?: have)?|possibl[ey]|unconfirmed|unverified|"
     r"(?:unclear|not clear|not known) (?:whether|if)|whether|if|in case of|rumou?r(?:s|ed)? (?:of|that)", 4),
    (DENIED, r"den(?:y|ies|ied|ying)(?: that| reports? (?:of|that)| any)?|refut(?:e|es|ed|ing)|"
     r"(?:rejected|dismissed) (?:reports?|claims?) (?:of|that)", 10),
    # "Nobody was arrested", "none of the members of the forces have withdrawn".
    (DENIED, r"nobody|no one|none of|not one of|neither", 10),
    (DENIED, r"did not|didn't|does not|doesn't|do not|don't|never|(?:was|were|is|are|has|have|had) not|"
     r"wasn't|weren't|hasn't|haven't|hadn't|no(?: reports? of(?: any)?)?|not a single|nor|without", 2),
)

_RIGHT_CUES: tuple[tuple[str, str, int], ...] = (
    (DENIED, r"(?:was|were|has been|have been|had been) (?:denied|refuted)|"
     r"(?:did not|never) (?:take place|happen|occur)|(?:were|was) (?:false|fabricated|untrue)", 3),
    (PLANNED, r"(?:is|are|was|were) (?:planned|scheduled|due|expected) (?:for|to|on|next)|"
     r"next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow", 4),
    (POSSIBLE, r"may have (?:taken place|happened|occurred)|"
     r"(?:is|are|was|were) (?:unconfirmed|unverified)", 3),
)

_COMPILED_LEFT = tuple((m, re.compile(r"(?<!\w)(?:" + rx + r")(?!\w)", re.I), n) for m, rx, n in _LEFT_CUES)
_COMPILED_RIGHT = tuple((m, re.compile(r"(?<!\w)(?:" + rx + r")(?!\w)", re.I), n) for m, rx, n in _RIGHT_CUES)
_BOUNDARY = re.compile(r"[.!?;](?:\s|$)|\s[-–—]\s|:\s")
_WORD = re.compile(r"[\w'’-]+")
# Words that end a cue's scope: a new clause with its own subject and verb.
_CLAUSE_BREAK = re.compile(
    r"(?<!\w)(?:but|while|whereas|although|though|after|before|since|because|when)(?!\w)", re.I
)


def _words_between(text: str) -> int:
    return len(_WORD.findall(text))


def modality(sentence: str, trigger_start: int, trigger_end: int) -> str:
    """The modality of the event named by `sentence[trigger_start:trigger_end]`.

    One of MODALITIES; "occurred" unless a cue in the trigger's clause says otherwise
    (see the module docstring for the cues and the choices made).
    """
    if not 0 <= trigger_start <= trigger_end <= len(sentence):
        raise ValueError(f"trigger span {trigger_start}:{trigger_end} outside the sentence")
    # The trigger's own sentence: from the last boundary before it to the next after it.
    left_start = 0
    for m in _BOUNDARY.finditer(sentence, 0, trigger_start):
        left_start = m.end()
    nxt = _BOUNDARY.search(sentence, trigger_end)
    right_end = nxt.start() if nxt else len(sentence)
    left = sentence[left_start:trigger_start]
    right = sentence[trigger_end:right_end]

    best: tuple[int, str] | None = None  # (distance in words, modality)
    for mod, rx, max_words in _COMPILED_LEFT:
        for m in rx.finditer(left):
            between = left[m.end() :]
            if _CLAUSE_BREAK.search(between):
                continue
            dist = _words_between(between)
            if dist <= max_words and (best is None or dist < best[0]):
                best = (dist, mod)
    for mod, rx, max_words in _COMPILED_RIGHT:
        for m in rx.finditer(right):
            dist = _words_between(right[: m.start()])
            if dist <= max_words and (best is None or dist < best[0]):
                best = (dist, mod)
    return best[1] if best else OCCURRED

"""Stage 8, claims: numeric claims — a quantity of something counted, where, who says so.

"the Iranian Revolutionary Guard is deployed in 125 locations throughout Syria" →
quantity 125, unit "locations", subject the IRGC, place Syria, source the Jusoor Center.

A claim is a number followed (within a few adjectives) by a plural count noun. Years,
dates, times, ages, money and percentages are not claims; nor are compounds like
"22-nation" or "13-year-long". The place is the nearest toponym before the number in the
sentence ("Daraa …, which includes 37 military posts"), else the nearest one after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actors import ActorKB
from .records import Article, Claim, Evidence, content_id

if TYPE_CHECKING:
    from .events.sentences import Located

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
# A count noun: plural (ends in s) or a collective; up to three modifiers between.
_CLAIM = re.compile(
    rf"(?<![\w$€£.,-]){_NUMBER}(?![\w%-])(?:\s+(?:more|other|additional|new|more than))?"
    r"(?P<mods>(?:\s+(?!of\b|in\b|and\b|to\b|on\b|at\b|for\b)[A-Za-z][\w'’-]*){0,3}?)"
    r"\s+(?P<unit>[a-z][a-z-]*(?:s|people|personnel|staff|police|militia|cattle))\b",
    re.I,
)
_NOT_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "percent", "dollars", "pounds",
              "euros", "liras", "riyals", "dinars", "times", "ones", "was", "is", "has", "its", "this", "his",
              "as", "us", "yes", "miles", "kilometers", "kilometres", "meters", "metres", "decades", "centuries"}
_UNIT_TAIL = re.compile(r"^(?:\s+(?:and|&)\s+(?P<more>[a-z]+s))?", re.I)


def _value(token: str) -> float | None:
    t = token.lower().replace(",", "")
    if t in _WORDS:
        return float(_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


def find(article: Article, offset: int, sentence: str, places: Sequence[Located], kb: ActorKB,
         source: str | None) -> list[Claim]:
    """The numeric claims of one sentence (`offset`: where it starts in the article text)."""
    out = []
    actors = kb.find(sentence)
    for m in _CLAIM.finditer(sentence):
        unit = m.group("unit").lower()
        value = _value(m.group("num"))
        if value is None or unit in _NOT_UNITS or not unit.endswith(("s", "people", "personnel", "staff")):
            continue
        if 1900 <= value <= 2100 and "," not in m.group("num"):
            continue  # a year
        mods = m.group("mods").strip()
        if re.search(r"\b(?:killed|dead|died|wounded|injured)\b", mods, re.I) or re.search(
                r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?)\s+(?:at least\s+|some\s+)?$",
                sentence[: m.start()], re.I):
            continue  # a casualty figure: the event's fatalities, not a claim
        full_unit = f"{mods} {unit}".strip()
        start, end = offset + m.start(), offset + m.end()
        place = _nearest_place(places, start, end, offset, offset + len(sentence))
        subject = next((a.canonical for a in actors if "{" not in a.canonical), None)
        out.append(Claim(
            claim_id=content_id(article.article_id, start, end),
            article_id=article.article_id,
            quantity=int(value) if value.is_integer() else value,
            unit=full_unit,
            subject=subject,
            place=place.place.name if place else None,
            admin1=place.place.admin1 if place else None,
            source=source,
            evidence=(Evidence(article.article_id, offset, offset + len(sentence), sentence),),
        ))
    return out


def _nearest_place(places: Sequence[Located], start: int, end: int, lo: int, hi: int) -> Located | None:
    before = [p for p in places if lo <= p.end <= start and start - p.end <= 80]
    if before:
        return max(before, key=lambda p: p.end)
    after = [p for p in places if end <= p.start < hi and p.start - end <= 40]
    return min(after, key=lambda p: p.start) if after else None

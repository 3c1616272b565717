"""Stage 6, dates: date expressions in a sentence, resolved against the publication date.

Returns a `ReportedDate` (a date plus ACLED's time_precision: 1 day, 2 week, 3 month).
Rules, in the order they are tried:

- an explicit day: "on May 7", "7 May 2023", "on 14 February 2024" (no year: the most
  recent such day not after publication);
- a weekday: "on Monday", "Sunday night" → the latest such day on or before publication
  (news reports the past; wires name the publication day itself by its weekday too);
- "today", "yesterday", "last night", "the day before";
- "last week", "this week", "earlier this week" → precision 2;
- "earlier this month", "this month", "last month", "in March" → precision 3.

Without a publication date only explicit dates with a year resolve; nothing is ever
resolved against today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .pubdate import MONTHS, WEEKDAYS

_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_EXPLICIT = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}"),
)
_WEEKDAY = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_RELATIVE_DAY = re.compile(r"\b(?P<rel>today|yesterday|last night|the day before|overnight|this morning|"
                           r"tonight|earlier today)\b", re.I)
_WEEK = re.compile(r"\b(?P<rel>last week|this week|earlier this week|past week|the previous week)\b", re.I)
_MONTH_REL = re.compile(r"\b(?P<rel>earlier this month|this month|last month|early this month|the past month)\b",
                        re.I)
_IN_MONTH = re.compile(rf"\bin (?:early |late |mid-)?{_MONTH}(?!\s+\d{{1,2}}\b)(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b")
_YEAR_ONLY = re.compile(rf"\b(?:in|since|during|by|of)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+)?"
                        r"(?P<year>(?:19|20)\d{2})\b", re.I)

DAY, WEEK, MONTH = 1, 2, 3


@dataclass(frozen=True)
class ReportedDate:
    date: dt.date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month
    start: int  # the expression's span in the sentence
    end: int


def _latest_on_or_before(month: int, day: int, ref: dt.date) -> dt.date | None:
    for year in (ref.year, ref.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= ref:
            return d
    return None


def resolve(sentence: str, published: dt.date | None) -> ReportedDate | None:
    """The first date the sentence states about its event, or None."""
    for pat in _EXPLICIT:
        m = pat.search(sentence)
        if m:
            month = MONTHS[m.group("month").lower().rstrip(".")]
            day = int(m.group("day"))
            if m.group("year"):
                try:
                    return ReportedDate(dt.date(int(m.group("year")), month, day), DAY, m.start(), m.end())
                except ValueError:
                    continue
            if published is not None:
                d = _latest_on_or_before(month, day, published)
                if d is not None:
                    return ReportedDate(d, DAY, m.start(), m.end())
    if published is None:
        return None
    m = _RELATIVE_DAY.search(sentence)
    if m:
        rel = m.group("rel").lower()
        back = 1 if rel in ("yesterday", "last night", "the day before") else 0
        return ReportedDate(published - dt.timedelta(days=back), DAY, m.start(), m.end())
    m = _WEEKDAY.search(sentence)
    if m:
        wd = WEEKDAYS[m.group("wd").lower()]
        # The publication's own weekday is that day: wires write "on Saturday" for today.
        back = (published.weekday() - wd) % 7
        return ReportedDate(published - dt.timedelta(days=back), DAY, m.start(), m.end())
    m = _WEEK.search(sentence)
    if m:
        monday = published - dt.timedelta(days=published.weekday())
        start = monday if "this" in m.group("rel").lower() else monday - dt.timedelta(days=7)
        return ReportedDate(start, WEEK, m.start(), m.end())
    m = _MONTH_REL.search(sentence)
    if m:
        first = published.replace(day=1)
        if "last" in m.group("rel").lower():
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return ReportedDate(first, MONTH, m.start(), m.end())
    m = _IN_MONTH.search(sentence)
    if m:
        month = MONTHS[m.group("month").lower().rstrip(".")]
        year = int(m.group("year")) if m.group("year") else (
            published.year if month <= published.month else published.year - 1)
        return ReportedDate(dt.date(year, month, 1), MONTH, m.start(), m.end())
    return None


# A span of time summed up: "over the past month", "in recent days", "over the last 15 days",
# "since then", "so far this year", "fighting has intensified".
_SUMMARY = re.compile(
    r"\b(?:in|over|during|throughout|within) (?:the )?(?:recent|past|last|previous) (?:few |several |couple of |"
    r"two |three |four |\d+ )?(?:weeks|months|years|decades)\b|"
    r"\b(?:in|over|during|throughout) (?:the )?(?:recent|past|last|previous) \d{2,} days\b|"
    r"\bin recent (?:days|weeks|months|years)\b|\bsince the (?:start|beginning|outbreak)\b|\bsince then\b|"
    r"\bso far (?:this|in) (?:year|month)\b|\bsince (?:the|its|their) (?:\w+ )?"
    r"(?:conflict|war|uprising|revolution|crisis|protests?|campaign|intervention|offensive) "
    r"(?:began|started|erupted|broke out)\b|"
    # history told as such: "captured the town last year", "previously", "years ago"
    r"\b(?:last|previous) year\b|\b(?:a|one|two|three|several|\d+) years? ago\b|\bearlier this year\b|"
    r"\bpreviously\b|\bin the past\b", re.I)
# A trend or a habit ("fighting has intensified", "have regularly launched rockets", "have
# been battling"), unless the sentence names the day it tells.
_TREND = re.compile(r"\b(?:has|have) (?:intensified|escalated|stepped up)\b|"
                    r"\b(?:has|have) been (?:battling|fighting|shelling|bombing|besieging|targeting|attacking|"
                    r"clashing|pounding)\b|\b(?:regularly|routinely|frequently|repeatedly|constantly)\b", re.I)


_CURRENT = re.compile(r"\b(?:on |last |this |early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)s?\b|\b(?:today|yesterday|last night|overnight|this morning|tonight)\b", re.I)


def names_a_day(sentence: str) -> bool:
    """Whether a sentence names the day of what it tells ("on Thursday", "yesterday"), even
    when there is no publication date to resolve it against."""
    return bool(_CURRENT.search(sentence))


def is_background(sentence: str, published: dt.date | None, reported: ReportedDate | None) -> bool:
    """History or summary, not news: a year long past ("in 2017", "since 2011"), a date
    months old, or a span of time summed up ("in recent weeks", "over the past year")."""
    if _SUMMARY.search(sentence) or _TREND.search(sentence) and not _CURRENT.search(sentence):
        return True
    if published is not None and reported is not None and (published - reported.date).days > 45:
        return True
    # A sentence that dates its own event as current ("on Thursday", "yesterday") is news,
    # whatever history its clauses recall ("… since it first intervened in 2016").
    if _CURRENT.search(sentence):
        return False
    for m in _YEAR_ONLY.finditer(sentence):
        year = int(m.group("year"))
        if published is None or year < published.year - (0 if published.month > 2 else 1):
            return True
    return False

"""Live pages: the day their entries are told on.

A live page is a run of entries, each opened by its time ("14:20 The SBU says …"), often
under headings of the day ("MONDAY 1 JANUARY"). An entry that states no day of its own is
of the page's day — the day heading above it, else the day of publication — not of the
entry before it, which may have looked back ("the damage from Friday's attack"). An entry
stamped with a weekday ("00:50 (Tuesday)") moves the page's day to it: the next day at most,
or one of the six before.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .. import dates
from ..pubdate import MONTHS, WEEKDAYS

# An entry opens with its time: "14:20 The governor says …", "10.05 Good morning" (not
# "10:30 am", a time told inside a sentence).
_ENTRY_TIME = re.compile(r"\W{0,3}\d{1,2}[:.]\d\d\b(?!\s*(?:am|pm|a\.m\.|p\.m\.)\b)", re.I)
_ENTRY_AT_LINE = re.compile("(?m)^" + _ENTRY_TIME.pattern, re.I)
_LIVE_ENTRIES = 3
# A heading of the day and nothing else: "MONDAY 1 JANUARY", "Sunday, 31 December 2023",
# "Tuesday, March 5".
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_HEADING = re.compile(
    r"\W*(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\W*", re.I)
_HEADING_REACH = 7  # days from publication a page's day heading may lie
# An entry may say its day by its weekday: "00:50 (Tuesday) Police say …" past midnight on a
# page of Monday is the next day; "23:40 (Monday)" on a page published on Tuesday, the day
# before. Never further ahead than the next day: a page does not run a week on.
_ENTRY_WEEKDAY = re.compile(_ENTRY_TIME.pattern + r"\s*\(\s*(?P<wd>" + "|".join(calendar.day_name) + r")\s*\)", re.I)


def live_page(text: str) -> bool:
    """Whether the text is a live page: three lines or more open with an entry's time."""
    return len(_ENTRY_AT_LINE.findall(text)) >= _LIVE_ENTRIES


def opens_an_entry(sentence: str) -> bool:
    return _ENTRY_TIME.match(sentence) is not None


def day_heading(sentence: str, published: dt.date | None) -> dt.date | None:
    """The day a heading of the day names, the one nearest publication (a page opened on 31
    December runs into "MONDAY 1 JANUARY" of the next year); None for any other sentence."""
    m = _DAY_HEADING.fullmatch(sentence.strip())
    if m is None or published is None:
        return None
    month = MONTHS[(m["m1"] or m["m2"]).lower()]
    day = int(m["d1"] or m["d2"])
    years = [int(m["year"])] if m["year"] else [published.year - 1, published.year, published.year + 1]
    readings = []
    for year in years:
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    near = [d for d in readings if abs((d - published).days) <= _HEADING_REACH]
    return min(near, key=lambda d: abs((d - published).days)) if near else None


def entry_day(sentence: str, day: dt.date | None) -> dt.date | None:
    """The day an entry stamped with its weekday is of ("00:50 (Tuesday)"): the page's day so
    far, the day after it, or one of the six before it; None for an entry with no weekday."""
    m = _ENTRY_WEEKDAY.match(sentence)
    if m is None or day is None:
        return None
    ahead = (WEEKDAYS[m["wd"].lower()] - day.weekday()) % 7
    return day + dt.timedelta(days=ahead if ahead <= 1 else ahead - 7)


def page_day(day: dt.date | None, published: dt.date | None) -> tuple[str, int] | None:
    """The day an undated entry is told on: its heading's, else the day of publication."""
    when = day or published
    return (when.isoformat(), dates.DAY) if when is not None else None

"""Publication dates from datelines and metadata, with day/month ambiguity settled by evidence.

A dateline is a line that is mostly a date ("Tuesday, 05/09/2023", "Posted on March 4, 2024
by Staff", "Date of publication: 2024-02-11"). Numeric dates are read as:

- ``dd.mm.yyyy`` and ``dd-mm-yyyy``: day first (the convention of the sites that use them),
  unless the evidence says otherwise;
- ``mm/dd/yyyy``-or-``dd/mm/yyyy``: genuinely ambiguous when both parts are ≤ 12, so the
  evidence decides — a weekday on the line that fits one reading only, then the dates the
  article itself mentions (news talks about days near its publication, and "ahead of the
  summit on May 19" bounds it from above). If nothing decides, the date is None.

Dates inside photo captions are never candidates: the caller passes body lines only.

Arabic date lines are read too ("نُشر في 12 آذار 2024"، "الثلاثاء، 12 آذار/مارس 2024 -
10:30"، "تاريخ النشر: ١٢/٠٣/٢٠٢٤"), in either calendar's month names (`MONTHS_AR`), Eastern
digits folded to Western ones; Arabic numeric dates are day first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .arabic.text import ARABIC_LETTER, ARABIC_WORD, MARK, fold, is_arabic, strip_marks

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS = [
    re.compile(rf"\b{_YEAR}(?P<isep>[-/])(?P<m>\d{{1,2}})(?P=isep)(?P<d>\d{{1,2}})(?!\d)"),  # ISO, 2024/03/06
    re.compile(rf"\b(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}\b"),  # numeric
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 6 March 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # March 6, 2024
    # 2024 Mar 6, as some sites stamp a page: only at the start of the line or after a
    # dateline word ("In 2016 March 10 people died" is no date)
    re.compile(rf"(?:^|\b(?:published|posted|updated|date)\s*:?\s+){_YEAR},?\s+{_MONTH}\s+{_DAY}\b(?![:.]\d)", re.I),
]
_WEEKDAY_RE = re.compile(rf"\b{_WEEKDAY}\b", re.I)
# Words a dateline may carry besides the date itself.
_DATELINE_WORDS = re.compile(
    r"\b(?:published|posted|updated|last updated|date of publication|date|on|at|by|in|am|pm|gmt|utc|"
    r"local time|time|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|[\d:.,/|()+-]",
    re.I,
)

# Month-and-day mentions in the body, for evidence: "on May 19", "February 6".
_MENTIONS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", re.I),
)
_FUTURE_CUE = re.compile(r"\b(?:will|ahead of|next|upcoming|scheduled|due to|set to|planned for)\b", re.I)


@dataclass(frozen=True)
class Dateline:
    """A date found on a line: the readings still possible, and where it was."""

    candidates: tuple[dt.date, ...]
    weekday: int | None
    day_first_prior: bool | None  # True: the separator's convention says day first
    line: str


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_dateline(line: str, *, strict: bool = True) -> Dateline | None:
    """The date on `line`, if the line is a dateline (strict) or merely contains one."""
    s = line.strip()
    if _ARABIC_LINE.search(s) and (is_arabic(s) or not re.search("[A-Za-z]", s)):
        return _parse_arabic(s, strict=strict)
    for pat in _PATTERNS:
        m = pat.search(s)
        if not m:
            continue
        if strict:
            # A dateline is mostly its date: what is left after the date, a byline after it
            # ("Posted on March 4, 2024 by Staff Writer") and dateline words must be tiny.
            rest = s[: m.start()] + " " + re.sub(r"^\s*[|,–-]?\s*by\b.{0,60}$", "", s[m.end():], flags=re.I)
            if len(re.sub(r"\s+", "", _DATELINE_WORDS.sub(" ", rest))) > 12:
                continue
        g = m.groupdict()
        year = int(g["year"])
        prior: bool | None = None
        if g.get("m"):
            cands = [_safe_date(year, int(g["m"]), int(g["d"]))]
        elif g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            day_first = _safe_date(year, b, a)
            month_first = _safe_date(year, a, b)
            cands = [day_first, month_first] if a != b else [day_first]
            prior = True if g["sep"] in ".-" else None
        else:
            cands = [_safe_date(year, MONTHS[g["month"].lower().rstrip(".")], int(g["day"]))]
        found = tuple(c for c in cands if c is not None)
        if not found:
            continue
        wd = _WEEKDAY_RE.search(s)
        weekday = WEEKDAYS.get(wd.group("weekday").lower()[:3]) if wd else None
        return Dateline(found, weekday, prior, s)
    return None


def _mentions(body: Iterable[str]) -> list[tuple[int, int, int | None, bool]]:
    """(month, day, year or None, future) for each month-and-day the body mentions."""
    out = []
    for para in body:
        for sent in re.split(r"(?<=[.!?])\s+", para):
            future = bool(_FUTURE_CUE.search(sent))
            for m in (m for pat in _MENTIONS for m in pat.finditer(sent)):
                month = MONTHS.get(m.group("month").lower().rstrip("."))
                day = int(m.group("day"))
                if month and 1 <= day <= 31:
                    year = int(m.group("year")) if m.group("year") else None
                    out.append((month, day, year, future))
    return out


def _distance(cand: dt.date, mentions: list[tuple[int, int, int | None, bool]]) -> float:
    """How badly a candidate fits the mentioned dates (days, smaller is better)."""
    total = 0.0
    for month, day, year, future in mentions:
        best = None
        for y in ([year] if year else [cand.year - 1, cand.year, cand.year + 1]):
            d = _safe_date(y, month, day)
            if d is None:
                continue
            gap = (d - cand).days
            cost = abs(gap) + (400 if future and gap < 0 else 0)
            best = cost if best is None else min(best, cost)
        total += min(best if best is not None else 366, 366)
    return total / max(len(mentions), 1)


def decide(dateline: Dateline, body: Iterable[str]) -> dt.date | None:
    """Settle an ambiguous dateline with the evidence; None when nothing decides."""
    cands = list(dateline.candidates)
    if len(cands) == 1:
        return cands[0]
    if dateline.weekday is not None:
        fitting = [c for c in cands if c.weekday() == dateline.weekday]
        if len(fitting) == 1:
            return fitting[0]
        cands = fitting or cands
    mentions = _mentions(body)
    if mentions:
        scored = sorted((_distance(c, mentions), i, c) for i, c in enumerate(cands))
        # Only a clear margin decides: a few days' difference is noise.
        if len(scored) == 1 or scored[1][0] - scored[0][0] >= 14:
            return scored[0][2]
    if dateline.day_first_prior:
        return cands[0]
    return None


def from_metadata(value: str | None, body: Iterable[str] = ()) -> dt.date | None:
    """A metadata date (ISO date or datetime, or any format a dateline may use; an
    ambiguous one is settled by the `body` as for datelines)."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = parse_dateline(value, strict=False)
    if found is None:
        return None
    return decide(found, body)


def find_published(header: list[str], body: list[str]) -> tuple[dt.date | None, str | None]:
    """The publication date from the article's header/footer lines, and the line it came from."""
    for line in header:
        found = parse_dateline(line)
        if found is not None:
            if found.day_first_prior is None and any(ARABIC_WORD.search(b) for b in body[:3]):
                # "3/7/2014" above an Arabic story: Arabic numeric dates are day first.
                found = Dateline(found.candidates, found.weekday, True, found.line)
            return decide(found, body), line
    return None, None


# A dateline glued to the first words of a scraped body: "Wed 05 Apr 2017 Syria attack …",
# "AFP Friday 3 Mar 2015 At least 12 …", "Date of publication 9 June 2016 Warplanes …",
# "Last updated at Apr 152017 …" (day and year run together), "Posted on April 4 2017 by …",
# "16.04.2017Get short URL …" (the date run into the next word).
_LEAD_WORDS = re.compile(
    r"(?:(?:posted|published|updated|last updated|date of publication|date)(?:\s+(?:on|at))?\s*:?\s+)?"
    r"(?:(?-i:[A-Z]{2,5})\s+)?"  # an agency's short name: AFP, AP, SANA
    rf"(?:{_WEEKDAY},?\s+)?", re.I)
_GLUED_YEAR = re.compile(rf"\b{_MONTH}\s*(?P<day>\d{{1,2}})(?P<year>(?:19|20)\d{{2}})\b", re.I)
# "09.03.2018Share this story …": a numeric date run into the page's next word.
_GLUED_NUMERIC = re.compile(rf"(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}(?=[A-Z][a-z])")
# A time after the date: "at 0914", "20:02", "10.14 am GMT" — never a bare number ("120 civilians").
_TIME_AFTER = re.compile(r"(?:,?\s+(?:at\s+\d{3,4}|(?:at\s+)?\d{1,2}[:.]\d{2})(?:\s*[ap]\.?m\.?)?"
                         r"(?:\s*(?:GMT|UTC)(?:[+-]\d+)?)?)?"
                         r"\s*[|,:–-]?\s*", re.I)


def leading_dateline(text: str) -> tuple[Dateline, int] | None:
    """A dateline at the very start of `text` and where the words after it begin, or None.
    Only what precedes the story counts: a date in the first sentence's words is not one."""
    if _ARABIC_LINE.match(text.lstrip()[:1]):
        return _leading_arabic(text)
    lead = _LEAD_WORDS.match(text)
    at = lead.end() if lead else 0
    window = text[at: at + 40]
    for pat in (*_PATTERNS, _GLUED_YEAR, _GLUED_NUMERIC):
        m = pat.match(window)
        if m is None:
            continue
        if pat is _GLUED_YEAR:
            day = _safe_date(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
            found = Dateline((day,), None, None, m.group(0)) if day else None
        else:
            found = parse_dateline(m.group(0), strict=False)
        if found is None:
            continue
        wd = _WEEKDAY_RE.search(text[:at])
        tail = _TIME_AFTER.match(text, at + m.end())
        end = tail.end() if tail else at + m.end()
        if wd is not None:
            found = Dateline(found.candidates, WEEKDAYS.get(wd.group("weekday").lower()[:3]),
                             found.day_first_prior, found.line)
        return found, end
    return None


# A wire dateline inside the opening words, after a summary the site printed first:
# "… the latest in a spate of blasts AFP Tuesday 6 Aug 2013 A bomb killed …".
_AGENCY_BEFORE_DAY = re.compile(
    rf"\b(?:AFP|Reuters|AP|SANA|Xinhua|Anadolu(?: Agency)?|DPA|dpa|UPI|TASS|Sputnik|IRNA|KUNA)\s+(?={_WEEKDAY}\b)")


def agency_dateline(text: str, *, within: int = 600) -> tuple[Dateline, int, int] | None:
    """An agency's name, a weekday and a date in the first `within` characters, and where
    that dateline starts and ends; or None."""
    for m in _AGENCY_BEFORE_DAY.finditer(text[:within]):
        found = leading_dateline(text[m.end():])
        if found is not None and found[0].weekday is not None:
            return found[0], m.start(), m.end() + found[1]
    return None


# A page's time stamp glued into the opening words, after a photo credit or a section name:
# "… Middle East 17:30 28.04.2017 Get short URL …", "… 28.04.2017 (updated 14:05) …" (scrapes
# drop the colon: "1730 28.04.2017"). A time must sit beside the date, and the stamp must not
# follow a lower-case word: "Kiev, 12.05.2014 1400 people fled" and "on 28.04.2017 150 soldiers"
# are a reporter's prose.
_TIME = r"(?:[01]?\d|2[0-3])[:.]?[0-5]\d(?:\s*(?:GMT|UTC))?"
_COLON_TIME = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:GMT|UTC))?"
_DOTTED = r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}"
_STAMP = re.compile(rf"(?<![\d.:])(?:{_TIME}\s+(?P<after>{_DOTTED})|"
                    rf"(?P<before>{_DOTTED})\s*(?:\(\s*updated\s+{_TIME}|{_COLON_TIME}))(?![\d.:])", re.I)
_PROSE_BEFORE = re.compile(r"\b[a-z][\w'’-]*[\s,]*$")


def stamp_dateline(text: str, *, within: int = 300) -> tuple[Dateline, int, int] | None:
    """A time and a dotted date together in the first `within` characters, and where that
    stamp starts and ends; or None."""
    m = _STAMP.search(text[:within])
    if m is None or _PROSE_BEFORE.search(text, 0, m.start()):
        return None
    found = parse_dateline(m.group("after") or m.group("before"), strict=False)
    return (found, m.start(), m.end()) if found is not None else None


# --- Arabic ----------------------------------------------------------------------------------
# Written folded (`arabic.text.fold`: ا for أ إ آ, ه for ة, ي for ى and ئ); the line is folded
# before matching, which keeps its offsets and turns Eastern digits into Western ones.
_L = f"[{ARABIC_LETTER}]"
_ARABIC_LINE = re.compile(f"[{ARABIC_LETTER}\u0660-\u0669\u06f0-\u06f9]")
MONTHS_AR = {strip_marks(name): number for number, names in enumerate([
    ("يناير", "كانون الثاني", "جانفي"), ("فبراير", "شباط", "فيفري"), ("مارس", "آذار"),
    ("أبريل", "إبريل", "نيسان", "أفريل"), ("مايو", "أيار", "ماي"), ("يونيو", "يونيه", "حزيران", "جوان"),
    ("يوليو", "يوليه", "تموز", "جويلية"), ("أغسطس", "آب", "أوت"), ("سبتمبر", "أيلول"),
    ("أكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الأول"),
], start=1) for name in names}
WEEKDAYS_AR = {strip_marks(k): v for k, v in {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2,
                                             "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}.items()}
MONTH_NAME_AR = "(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+")
                                 for m in sorted(MONTHS_AR, key=len, reverse=True)) + ")"
# "آذار", "آذار/مارس", "مارس (آذار)": the first name is the month.
_MONTH_AR = (rf"(?<!{_L})[وبل]?(?P<month>{MONTH_NAME_AR})(?!{_L})"
             rf"(?:\s*(?:/|-|\()\s*{MONTH_NAME_AR}\s*\)?(?!{_L}))?")
_PATTERNS_AR = [
    _PATTERNS[0],  # ISO
    _PATTERNS[1],  # numeric: day first in Arabic
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:من\s+)?{_MONTH_AR}\s*[،,]?\s*(?:من\s+)?(?:عام\s+|العام\s+)?"
               rf"{_YEAR}(?!\d)"),
]
_HIJRI = (r"(?:محرم|صفر|ربيع\s+(?:الاول|الثاني|الاخر)|جمادي\s+(?:الاولي|الاخره|الثانيه)|رجب|شعبان|رمضان|شوال|"
          r"ذو\s+القعده|ذو\s+الحجه)")
_DATELINE_WORDS_AR = re.compile(
    rf"(?<!{_L})(?:نشر|تم\s+النشر|النشر|تاريخ|بتاريخ|اخر\s+تحديث|تحديث|محدث|تم\s+التحديث|في|يوم|الساعه|الموافق|"
    rf"صباحا|مساء|ص|م|هـ|ه|هجري|ميلادي|بتوقيت|غرينتش|دمشق|مكه|القدس|بيروت|بغداد|المكرمه|{_HIJRI}|"
    + "|".join(WEEKDAYS_AR) + rf")(?!{_L})|[\d:.,،/|()+\-–—ـ]")
_BYLINE_AR = re.compile(rf"^\s*[|،,–-]?\s*(?:بقلم|كتب|كتبه|اعداد|بواسطه)(?!{_L}).{{0,60}}$")
_WEEKDAY_AR = re.compile(rf"(?<!{_L})[وفب]?(?P<wd>" + "|".join(WEEKDAYS_AR) + rf")(?!{_L})")


# The Hijri date Gulf and Iraqi papers print beside the Gregorian one ("السبت 28 شعبان 1437
# هـ - 04 يونيو 2016 مـ"), read on folded text; and an outlet in brackets after the date
# ("الفاشر ١٠ يونيو ٢٠٢٤ (سودان تربيون)"): dateline words, not a story's.
_HIJRI_DATE_AR = re.compile(
    r"(?:(?:" + "|".join(WEEKDAYS_AR) + r")\s*[،,]?\s*)?\d{1,2}\s+(?:محرم|صفر|ربيع\s+(?:الاول|الاخر|الثاني)|"
    r"جمادي\s+(?:الاولي|الاول|الاخره|الاخر|الثانيه|الثاني)|رجب|شعبان|رمضان|شوال|ذو\s+القعده|ذو\s+الحجه)\s+"
    r"\d{4}\s*ه?\s*[-–—|،,]?")
_IN_BRACKETS = re.compile(r"\([^()\d]{1,30}\)")


_SEPARATOR_AR = re.compile(r"[|–—/():،-]")
_BEFORE_DATE_AR = re.compile(r"(?:[|–—/():،,-]|(?<![\u0621-\u064a])(?:" + "|".join(WEEKDAYS_AR) + r"))\s*[،,]?\s*$")


def _a_dateline_line(line: str, folded: str, at: int) -> bool:
    """A line of its own, short as datelines are, with a separator in it and the date right
    after one or after a weekday: it may hold an outlet's or a city's longer name."""
    return len(line.strip()) <= 70 and _SEPARATOR_AR.search(folded[:at]) is not None \
        and _BEFORE_DATE_AR.search(folded[:at]) is not None


def _parse_arabic(s: str, *, strict: bool) -> Dateline | None:
    """`parse_dateline` for a line in Arabic (or of Eastern digits)."""
    # ("28 / 3 / 2016": a numeric date spaced out)
    folded = re.sub(r"(?<=\d)\s+([/.-])\s+(?=\d)", r"\1", fold(s))
    for pat in _PATTERNS_AR:
        m = pat.search(folded)
        if not m:
            continue
        if strict:
            before = _HIJRI_DATE_AR.sub(" ", folded[: m.start()])
            # "المرصد السوري لحقوق الإنسان – الأربعاء 2 …", "إدلب – 18 نيسان": an outlet's or a
            # place's name, a dash, then the date is a dateline whatever the name's length; so
            # is a place, a dash and an outlet before it ("درعا – تلفزيون سوريا | 14-03-2023"),
            # and the day's name after the outlet ("حمص – سانا، الأحد 3/7/2016").
            named = re.match(r"^[^\d\n]{1,45}\s[–—-]\s*(?:[^\s\d|،,]+(?:\s+[^\s\d|،,]+){0,2}\s*)?[|،,]?\s*"
                             r"(?:" + _WEEKDAY_AR.pattern + r"\s*[،,]?\s*)?$", before)
            after = _IN_BRACKETS.sub(" ", _HIJRI_DATE_AR.sub(" ", _BYLINE_AR.sub("", folded[m.end():])))
            rest = ("" if named else before) + " " + after
            # (a line of its own, short as datelines are, holds an outlet's or a city's longer
            # name: "المرصد السوري لحقوق الإنسان | السبت 10 أيار/مايو 2025", "الفاشر، الثلاثاء ١٢
            # أغسطس ٢٠٢٥ – سودان تربيون")
            if len(re.sub(r"\s+", "", _DATELINE_WORDS_AR.sub(" ", strip_marks(rest)))) > (
                    24 if _a_dateline_line(s, folded, m.start()) else 12):
                continue
        g = m.groupdict()
        year = int(g["year"])
        if g.get("month"):
            cands = [_safe_date(year, MONTHS_AR[re.sub(r"\s+", " ", strip_marks(g["month"]))], int(g["day"]))]
        elif g.get("a"):
            cands = [_safe_date(year, int(g["b"]), int(g["a"])), _safe_date(year, int(g["a"]), int(g["b"]))]
            if g["a"] == g["b"]:
                cands = cands[:1]
        else:
            cands = [_safe_date(year, int(g["m"]), int(g["d"]))]
        found = tuple(c for c in cands if c is not None)
        if not found:
            continue
        wd = _WEEKDAY_AR.search(folded)
        weekday = WEEKDAYS_AR[wd.group("wd")] if wd else None
        return Dateline(found, weekday, True if g.get("a") else None, s)
    return None


# "نُشر في 12 آذار 2024 …", "الثلاثاء 12 آذار 2024 - 10:30 قصفت …": a dateline glued to the story.
_LEAD_WORDS_AR = re.compile(
    r"\s*(?:(?:تم\s+)?(?:نشر|النشر|تاريخ\s+النشر|اخر\s+تحديث|تحديث)(?:\s+(?:في|بتاريخ|يوم))?\s*:?\s*)?"
    r"(?:[وفب]?(?:يوم\s+)?(?:" + "|".join(WEEKDAYS_AR) + r")\s*[،,]?\s*)?")
_TIME_AFTER_AR = re.compile(rf"(?:\s*[-–|،,]?\s*(?:الساعه\s*)?\d{{1,2}}[:.]\d{{2}}(?:\s*(?:ص|م|صباحا|مساء)(?!{_L}))?"
                            rf"(?:\s*(?:بتوقيت\s+\S+|غرينتش|GMT))?)?\s*[|،,:–-]?\s*")


_CITY_BEFORE_DATE_AR = re.compile(rf"{_L}+(?:\s+{_L}+){{0,2}}\s*[-–—]?\s*(?=[\d٠-٩])")


def _leading_arabic(text: str) -> tuple[Dateline, int] | None:
    """`leading_dateline` for an Arabic text: read without diacritics ("نُشر"), offsets mapped
    back to `text`."""
    folded = fold(text[:200])
    bare, kept = _unmarked(folded)
    lead = _LEAD_WORDS_AR.match(bare)
    at = lead.end() if lead else 0
    # A wire's dateline glued to its first words: "غزة 9-12-2024 وفا- استشهد …" (the city, then
    # the date): the date is read after the city, and nothing is cut (the city is the story's).
    city = _CITY_BEFORE_DATE_AR.match(bare, at)
    starts = (at, city.end()) if city else (at,)
    for pat, at in ((p, a) for a in starts for p in _PATTERNS_AR):
        m = pat.match(bare, at)
        if m is None or m.end() - at > 40:
            continue
        found = _parse_arabic(bare[at:m.end()], strict=False)
        if found is None:
            continue
        wd = _WEEKDAY_AR.search(bare[:at])
        if wd is not None:
            found = Dateline(found.candidates, WEEKDAYS_AR[wd.group("wd")], found.day_first_prior, found.line)
        if city is not None and at == city.end():
            return found, 0
        tail = _TIME_AFTER_AR.match(bare, m.end())
        end = tail.end() if tail else m.end()
        return found, kept[end] if end < len(kept) else len(text[:200])
    return None


def _unmarked(folded: str) -> tuple[str, list[int]]:
    """A folded Arabic text without its diacritics and tatweel, and where each of its
    characters stands in `folded` (to map offsets back)."""
    kept = [i for i, c in enumerate(folded) if not MARK.match(c)]
    return "".join(folded[i] for i in kept), kept


_PROSE_AR = re.compile(r"(?<![\u0621-\u064a])(?:في|منذ|بعد|قبل|يوم|ان|الذي|التي|قال|قالت|وقع|وقعت|علي|الي|من)"
                       r"(?![\u0621-\u064a])")


def arabic_date_after(text: str, at: int, *, within: int = 60) -> tuple[Dateline, int] | None:
    """A full date (day, month, year) starting within `within` characters after `at` in an
    Arabic text, read as a scraped page's dateline, and where it ends (with the time beside
    it: "السومرية نيوز/ نينوى 15-10-2017 | 14:20"); or None."""
    folded = fold(text[at:at + within + 40])
    bare, kept = _unmarked(folded)
    best = None
    for pat in _PATTERNS_AR:
        m = pat.search(bare)
        if m is not None and kept[m.start()] <= within and (best is None or m.start() < best.start()):
            best = m
    # (only an outlet's or a city's name between: "قالت لجان المقاومة إن الهجوم الذي وقع في 3 مارس"
    # and "ترتفع منذ 7 أكتوبر 2023" are the story's sentences)
    if best is None or len(bare[:best.start()].split()) > 4 or _PROSE_AR.search(bare[:best.start()]):
        return None
    found = _parse_arabic(bare[best.start():best.end()], strict=False)
    if found is None:
        return None
    tail = _TIME_AFTER_AR.match(bare, best.end())
    end = tail.end() if tail else best.end()
    return found, at + (kept[end] if end < len(kept) else len(folded))

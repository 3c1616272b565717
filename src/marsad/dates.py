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

Arabic sentences (`_resolve_ar`) follow the same rules and precisions: "12 آذار 2024",
"12 آذار/مارس", "12 مارس"، "12/3/2024" (day first), "الـ12 من الشهر الجاري", Eastern digits;
"(يوم) الاثنين"، "فجر الأحد"، "الاثنين الماضي"; "اليوم"، "فجر اليوم"، "أمس"، "مساء أمس"،
"أول أمس"; "الأسبوع الماضي/الجاري" (precision 2); "الشهر الماضي/الجاري"، "في آذار"،
"آذار 2024" (precision 3). Months in both calendars: يناير … ديسمبر and كانون الثاني …
كانون الأول (and the Maghreb's جانفي، فيفري …).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .arabic.text import ARABIC_LETTER, fold, is_arabic, strip_marks
from .pubdate import MONTH_NAME_AR, MONTHS, MONTHS_AR, WEEKDAYS, WEEKDAYS_AR

_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_WEEKDAY_WORD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EXPLICIT = (
    # "on the night of Saturday 14 to Sunday 15 May": a night is dated by its first day.
    re.compile(rf"\bnight\s+of\s+(?:{_WEEKDAY_WORD}\s+)?{_DAY}\s*(?:to|and|-|–|/)\s*(?:{_WEEKDAY_WORD}\s+)?"
               rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_YEAR}"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}"),
)
# The news agencies whose name closes a wire dateline.
WIRE_AGENCIES = ("Reuters", "Thomson Reuters Foundation", "AFP", "AP", "dpa", "DPA", "Xinhua", "UPI", "IANS", "PTI",
                 "ANI", "Bernama", "EFE", "ANSA", "Kyodo", "Yonhap", "TASS", "Tass", "RIA Novosti", "Sputnik", "IRNA",
                 "SANA", "KUNA", "WAM", "SPA", "MENA", "QNA", "APP", "NNA", "AA", "Anadolu", "VOA", "BNA", "Petra",
                 "Saba", "INA", "AKI", "Interfax", "Ukrinform", "CNA", "PAP", "Prensa Latina", "Lusa", "NAN", "KNA")
# A wire dateline at a text's start, an outlet and date glued before it as scrapers leave
# them: "Reuters Sep 9 2022 DAKAR Sept 9 (Reuters) -", "BEIRUT, March 3 (AFP) —".
_WIRE_DATELINE = re.compile(
    r"^.{0,40}?\b[A-Z]{3,}(?:[ -][A-Z]{2,})*,?\s+" + _MONTH.replace("(?P<month>", "(?:") +
    r"\s+\d{1,2}(?:,?\s+(?:19|20)\d{2})?\s*\((?:" + "|".join(WIRE_AGENCIES) + r")\)\s*[-–—:]?", re.S)
_WEEKDAY = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_LAST_BEFORE = re.compile(r"\b[Ll]ast\s+$")
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:last\s+)?$")
_NIGHT_NAMED = re.compile(rf"\s+(?:on\s+|from\s+)?{_WEEKDAY_WORD}\b")
_RELATIVE_DAY = re.compile(r"\b(?P<rel>today|yesterday|last night|the day before|overnight|this morning|"
                           r"this afternoon|this evening|tonight|earlier today)\b", re.I)
# "five days", "a week", "2 weeks": a count of days or weeks (see `counted`). A vague count
# ("a few days") is none.
COUNTED_DAYS = r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)"
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
# "five days ago", "two weeks ago": counted back from the day of publication.
_AGO = re.compile(COUNTED_DAYS + r"\s+ago\b", re.I)


def counted(m: re.Match[str]) -> tuple[int, bool]:
    """The number a `COUNTED_DAYS` match counts, and whether it counts weeks."""
    n = m["n"]
    return (int(n) if n.isdigit() else _COUNT_WORDS[n.lower()]), m["unit"].lower().startswith("week")


_WEEK = re.compile(r"\b(?P<rel>last week|this week|earlier this week|past week|the previous week|"
                   r"(?:during|over|in) the week)(?![\w-])(?!\s+(?:before|after|of|to|ending|that|since|when)\b)",
                   re.I)
_MONTH_REL = re.compile(r"\b(?P<rel>earlier this month|this month|last month|early this month|the past month)\b",
                        re.I)
# ("Last August, …": the latest August before this month; only opening the sentence or a
# clause, not "the deadliest since last March" nor "militants, who last January overran …".)
_IN_MONTH = re.compile(rf"(?:\b[Ii]n (?:early |late |mid-)?|(?:^\W*|(?<=[,;—–]\s))(?P<last>[Ll]ast) ){_MONTH}"
                       rf"(?!\s+\d{{1,2}}\b)"
                       rf"(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b")
# "In Mar Mikhael, near the port, …", "In Mar Elias camp": a sentence's capital "In" before a
# month's short form opens a place's name (Mar, Jan, Dec …), not a month.
_A_NAME_LIKE_A_MONTH = re.compile(r"In (?:early |late |mid-)?(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?!\.)")
_MONTH_NAME = _MONTH.replace("?P<month>", "?:")  # the same, without the group
MONTH_NAME = _MONTH_NAME  # (for the modules that read a calendar day too)
# A day named by its calendar date: "on March 2", "on 15 August", "في 3 آذار".
_CALENDAR_DAY = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?![\w-])|"
                           rf"{_MONTH_NAME}\s+\d{{1,2}}\b(?!\d))", re.I)
_CALENDAR_DAY_AR = re.compile(r"(?<!\w)[\d\u0660-\u0669]{1,2}\s+(?:/\s*)?" + MONTH_NAME_AR + r"(?!\w)")

# What else a calendar day may date at a sentence's opening: a statement, a truce, a report
# ("In a statement on March 2", "After the March 2 truce", "أعلن في 3 آذار"); an act's noun
# after it dates the act ("The March 2 attack").
_SAID_BEFORE = re.compile(r"\b(?:statement|said|says|announced|told|report(?:ed)?|briefing|after|before|since)\b",
                          re.I)
_AN_ACT_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:attack|bombing|strike|air\s?strike|ambush|raid|assault|blast|"
                          r"explosion|shelling|massacre|killing|clashes)\b", re.I)
_SAID_AR = re.compile(r"(?:اعلن|قال|اكد|ذكر|افاد|صرح|اتفاق|تسويه|هدنه)")


def opens_with_a_calendar_day(sentence: str) -> bool:
    """Whether a sentence opens by dating what it tells to a day and month ("On March 2, …",
    "Earlier this month, on 3 November, …", "The March 2 attack …", "وفي 3 آذار …"): in its
    first words, not in a clause that dates something else ("the town Kurdish forces recaptured
    on January 26", "In a statement on March 2, the army said …", "After the March 2 truce
    collapsed, …", "وكان النظام قد أعلن في 3 آذار …")."""
    if _HAS_ARABIC.search(sentence):
        words = fold(strip_marks(sentence)).split()
        # (the pluperfect of a recalled act puts its subject first: "وكانت قوة أمنية قد تعرضت في
        # 21 آذار …")
        head = " ".join(words[:10 if words and re.fullmatch(r"و?كان(?:ت)?", words[0]) else 7])
        m = _CALENDAR_DAY_AR.search(head)
        return m is not None and not _SAID_AR.search(head, 0, m.start())
    m = _CALENDAR_DAY.search(sentence)
    if m is None or len(sentence[:m.start()].split()) > 5:
        return False
    before = sentence[:m.start()]
    return bool(re.search(r"\bon\s+$", before, re.I) and not _SAID_BEFORE.search(before)
                or re.fullmatch(r"\W*the\s+", before, re.I) and _AN_ACT_NOUN.match(sentence, m.end()))

# "in the 2019 election period", "during the 2014 war": a year that names a time long past.
_THE_YEAR = re.compile(r"^\W*(?:in|during)\s+the\s+(?P<year>(?:19|20)\d{2})\s+(?=[a-z])", re.I)
# (... and a span of years that fighting filled: "rounds of fighting between 2008 and 2014",
# not a career's span nor a count: "served from 2015 to 2019", "between 1900 and 2000 people")
_YEAR_ONLY = re.compile(rf"\b(?:(?:in|since|during|by|of)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+)?|"
                        rf"(?:between|and|from|until|till)\s+{_MONTH_NAME}\s+|"
                        r"(?:fighting|clashes|battles|violence|attacks|bombings|war|conflict|insurgency|rounds)\s+"
                        r"(?:between|from)\s+(?=(?:19|20)\d{2}\s*(?:and|to|until|till|-|–)\s*(?:19|20)?\d{2}\b"
                        r"(?!\s+(?:people|persons|men|women|protesters|demonstrators|fighters|troops|soldiers))))"
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


_NOT_ITS_DATE = re.compile(r"\b(?:since|until|till|ahead of|scheduled for|set for|due on|planned for|slated for)\s+"
                           r"(?:early\s+|late\s+|mid-?)?$", re.I)
# The ends of a span ("a summary of operations between November 28 and December 4"): not the
# day of an act inside it, when the sentence names that day ("on Saturday"); else the span's
# start is the nearest the sentence comes to one.
_SPAN_START = re.compile(r"\b(?:between|from)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_SPAN_WORD = re.compile(r"\b(?:between|from)\b", re.I)  # what `_SPAN_START` and `_SPAN_END` both need
_SPAN_END = re.compile(r"\b(?:between|from)\s+(?:\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+)(?:,?\s+\d{4})?\s+"
                       r"(?:and|to|through|until)\s+$", re.I)


# "The toll from Wednesday's bombing rose to 14 on Thursday": the day the count reached a
# figure, not the day of the act it counts.
_TOLL_REACHED = re.compile(r"\b(?:(?:rose|risen|rises|climbed|climbs|increased|jumped)\s+to)\s+"
                           r"(?:at\s+least\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                           r"twelve|\w+teen|twenty|thirty|forty|fifty|dozens|scores|hundreds)"
                           r"(?:\s+(?:people|dead|deaths))?\s+(?:on\s+|by\s+|as\s+of\s+)?$", re.I)


def resolve(sentence: str, published: dt.date | None) -> ReportedDate | None:
    """The first date the sentence states about its event, or None."""
    if _HAS_ARABIC.search(sentence) and is_arabic(sentence):
        return _resolve_ar(sentence, published)
    # The count's day left out ("… rose to 14 on Thursday") and a span's ends: the act's own
    # day, if the sentence tells one, is another. If it tells none, the count's day is the
    # latest the act can be, and a span's start the day it began.
    masked = sentence
    # "DAKAR, Sept 9 (Reuters) - Militants ambushed … on Wednesday": the wire's dateline gives
    # the day the story was filed, not the act's (blanked, so offsets stay); the story's
    # "today" and "on Wednesday" count from that day.
    wire = _WIRE_DATELINE.match(sentence)
    if wire is not None:
        masked = " " * wire.end() + sentence[wire.end():]
        filed = _resolve(sentence[:wire.end()], published, spans=False)
        if filed is not None and (published is None or filed.date <= published):
            published = filed.date
    # A scraped page's outlet and date glued to the lede ("Zaman al-Wasl 17/08/2021 IdlibThree
    # children were killed …" in a feed of the 18th) is the day the page was filed: its act's
    # day when the sentence tells no other. (Its weekdays still count from the publication: a
    # scraper's stamp may be mistyped.)
    stamp = None
    lede = _lede_start(sentence)
    if lede:
        stamp = _resolve(sentence[:lede], published, spans=False)
        if stamp is not None and published is not None and stamp.date > published:
            stamp = None
    for when in [*_WEEKDAY.finditer(sentence), *_RELATIVE_DAY.finditer(sentence)]:
        if _TOLL_REACHED.search(sentence, max(0, when.start() - 60), when.start()):
            masked = masked[:when.start()] + " " * (when.end() - when.start()) + masked[when.end():]
    found = _resolve(masked, published, spans=True)
    # (Read again only when something was left out: most sentences name no date at all.)
    if found is None and (masked != sentence or _SPAN_WORD.search(sentence)):
        found = _resolve(sentence, published, spans=False)
    return found if found is not None else stamp


def a_toll_s_day(sentence: str, reported: ReportedDate) -> bool:
    """Whether the date `resolve` found is the day a count reached its figure ("the toll rose
    to 14 on Thursday"): the act it counts was that day or before."""
    return _TOLL_REACHED.search(sentence, max(0, reported.start - 60), reported.start) is not None


# A scraped page's outlet and date glued before the lede ("Myanmar Now 27 March 2024 A junta
# jet bombed … on Monday"): the day it was published, not the day of the act.
_GLUED_DATELINE = re.compile(r"\s*(?:(?!(?:On|In|At|By|From|Since|Until|Before|After|Between|Of|Last|This|Next|"
                             r"Early|Late|Every|Each)\s)"
                             r"(?:[A-Z]|(?:al|el)-[A-Z])[\w'’.&-]*\s+(?:(?:of|de|du|the|al|el)\s+)?){1,5}$")
# (… or glued to the date itself, as a scraper leaves it: "Eye Radio Aweil 12 March 2019Armed
# cattle raiders …", "Radio Okapi Bandundu 16/04/2024Kwilu: seven killed …")
_LEDE_AFTER = re.compile(r"\s+[A-Z\d]|(?<=\d)[A-Z][a-z]")


def _lede_start(sentence: str) -> int:
    """Where the lede starts after a glued outlet and date ("Club of Mozambique 20 March 2025
    Insurgents killed …", "AFP Friday 3 Mar 2015 At least 12 …"); 0 when there is none."""
    for pat in (*_EXPLICIT, _NUMERIC):  # ("Zaman al-Wasl 17/08/2021 IdlibThree children …")
        x = pat.search(sentence, 0, 60)
        if x and _GLUED_DATELINE.match(sentence[:x.start()]) and _LEDE_AFTER.match(sentence, x.end()):
            return x.end()
    return 0


# "On 26/09/2023 at about 0130hrs": a date in figures, as police and army communiqués write it.
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>(?:19|20)\d{2})(?![\d/-]|\.\d)")
# A date in figures that is not the act's: a birth, a document's number or version.
_NOT_THE_ACT_S = re.compile(r"\b(?:born|aged|version|v\.|no\.|number|bulletin|dated|ref\.?|issued)\s+(?:on\s+)?$", re.I)


def _numeric_date(sentence: str, published: dt.date | None) -> ReportedDate | None:
    """A date written in figures: day first where the month cannot come first (26/09/2023),
    else the reading that falls on or before publication, the nearest one if both do (most
    of the world writes the day first; US news writes 9/26/2023). Ambiguous without a
    publication date: none."""
    for x in _NUMERIC.finditer(sentence):
        glued = x.start() < 60 and _GLUED_DATELINE.match(sentence[:x.start()]) and _LEDE_AFTER.match(sentence, x.end())
        if glued or _NOT_ITS_DATE.search(sentence, max(0, x.start() - 14), x.start()) \
                or _NOT_THE_ACT_S.search(sentence, max(0, x.start() - 14), x.start()):
            continue
        a, b, year = int(x.group("a")), int(x.group("b")), int(x.group("year"))
        readings = []
        for month, day in ((b, a), (a, b)):
            try:
                readings.append(dt.date(year, month, day))
            except ValueError:
                continue
        readings = list(dict.fromkeys(readings))
        if len(readings) > 1:
            past = [d for d in readings if published is not None and d <= published]
            readings = [max(past)] if past else []
        if readings:
            return ReportedDate(readings[0], DAY, x.start(), x.end())
    return None


# "on the 4th", "On the 5th of this month", "the 28th of last month": a day of the month the
# story was written in (or of the month before), as statements and local outlets write it. Not
# "the 5th battalion", "the 14th century", "on the 4th and 5th floors": the ordinal stands after
# "on" or before "of this (last) month", no other ordinal follows it, and nothing but a stop or
# a clause follows a bare "on the 4th".
_ORDINAL_DAY = re.compile(r"\b(?:on\s+the\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?P<w1>this|last)\s+month)?"
                          r"(?!\s*(?:,|and|or|to|-|–)\s*\d)(?=\s*(?:[,.;:]|$|\s+of\s+(?:this|last)\s+month|"
                          r"\s+(?:when|after|as|at|in|near|while|killing|wounding)\b))|"
                          r"the\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<w2>this|last)\s+month)", re.I)


def _month_start(published: dt.date, previous: bool) -> dt.date:
    """The first day of the month of publication, or of the month before it."""
    first = published.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1) if previous else first


def _ordinal_day(sentence: str, published: dt.date, lede: int) -> ReportedDate | None:
    m = _ORDINAL_DAY.search(sentence, lede)
    if m is None:
        return None
    day = int(m["d1"] or m["d2"])
    which = (m["w1"] or m["w2"] or "").lower()
    first = _month_start(published, which == "last" or not which and day > published.day)
    try:
        return ReportedDate(first.replace(day=day), DAY, m.start(), m.end())
    except ValueError:
        return None


def _resolve(sentence: str, published: dt.date | None, *, spans: bool) -> ReportedDate | None:
    """`resolve` of an English sentence; `spans`: skip the ends of a span of dates."""
    lede = _lede_start(sentence)
    for pat in _EXPLICIT:
        for x in pat.finditer(sentence):
            # "the heaviest raids since January 5", "ahead of talks on May 19": a date the
            # event is measured from or against, not its own.
            if x.start() < lede or _NOT_ITS_DATE.search(sentence, max(0, x.start() - 14), x.start()) or spans and (
                    _SPAN_START.search(sentence, max(0, x.start() - 14), x.start())
                    or _SPAN_END.search(sentence, max(0, x.start() - 40), x.start())):
                continue
            month = MONTHS[x.group("month").lower().rstrip(".")]
            day = int(x.group("day"))
            year = int(x.group("year")) if x.group("year") else None
            # "the night of 30 to 1 May": the night began in the month before
            if "day2" in pat.groupindex and day > int(x.group("day2")):
                month, year = (month - 1, year) if month > 1 else (12, year and year - 1)
            if year:
                try:
                    return ReportedDate(dt.date(year, month, day), DAY, x.start(), x.end())
                except ValueError:
                    continue
            if published is not None:
                d = _latest_on_or_before(month, day, published)
                if d is not None:
                    return ReportedDate(d, DAY, x.start(), x.end())
    numeric = _numeric_date(sentence, published)
    if numeric is not None:
        return numeric
    if published is None:
        return None
    m = _RELATIVE_DAY.search(sentence, lede)
    # "The day before, on Monday, …": the day before the last act told, which the weekday names.
    if m and m.group("rel").lower() == "the day before" and _WEEKDAY.search(sentence):
        m = None
    # "overnight Saturday to Sunday", "overnight on Friday": the weekday names the night.
    if m and m.group("rel").lower() == "overnight" and _NIGHT_NAMED.match(sentence, m.end()):
        m = None
    if m:
        rel = m.group("rel").lower()
        back = 1 if rel in ("yesterday", "last night", "the day before") else 0
        return ReportedDate(published - dt.timedelta(days=back), DAY, m.start(), m.end())
    # (not the start of a span: "the deadliest attack since last Friday, gunmen killed three
    # people … on Friday")
    m = next((w for w in _WEEKDAY.finditer(sentence, lede)
              if not _SINCE_BEFORE.search(sentence, max(0, w.start() - 12), w.start())), None)
    if m:
        wd = WEEKDAYS[m.group("wd").lower()]
        # The publication's own weekday is that day: wires write "on Saturday" for today; but
        # "last Saturday" said on a Saturday is a week ago.
        back = (published.weekday() - wd) % 7
        if back == 0 and _LAST_BEFORE.search(sentence, max(0, m.start() - 6), m.start()):
            back = 7
        return ReportedDate(published - dt.timedelta(days=back), DAY, m.start(), m.end())
    # (a weekday or "yesterday" the sentence names comes first: "on Tuesday on the 4th floor")
    ordinal = _ordinal_day(sentence, published, lede)
    if ordinal is not None:
        return ordinal
    # (after the days the sentence names: "arrested on Monday the men who planted the bomb two
    # weeks ago" is Monday's news)
    m = _AGO.search(sentence, lede)
    if m:
        n, weeks = counted(m)
        if not weeks:
            return ReportedDate(published - dt.timedelta(days=n), DAY, m.start(), m.end())
        then = published - dt.timedelta(days=7 * n)
        return ReportedDate(then - dt.timedelta(days=then.weekday()), WEEK, m.start(), m.end())
    m = _WEEK.search(sentence, lede)
    if m:
        monday = published - dt.timedelta(days=published.weekday())
        rel = m.group("rel").lower()
        start = monday if "this" in rel or rel.endswith("the week") else monday - dt.timedelta(days=7)
        return ReportedDate(start, WEEK, m.start(), m.end())
    m = _MONTH_REL.search(sentence, lede)
    if m:
        return ReportedDate(_month_start(published, "last" in m.group("rel").lower()), MONTH, m.start(), m.end())
    m = next((x for x in _IN_MONTH.finditer(sentence, lede) if not _A_NAME_LIKE_A_MONTH.match(x.group())), None)
    if m:
        month = MONTHS[m.group("month").lower().rstrip(".")]
        latest = month < published.month if m.group("last") else month <= published.month
        year = int(m.group("year")) if m.group("year") else (published.year if latest else published.year - 1)
        return ReportedDate(dt.date(year, month, 1), MONTH, m.start(), m.end())
    return None


# A span of time summed up: "over the past month", "in recent days", "over the last 15 days",
# "since then", "so far this year", "fighting has intensified".
_SUMMARY = re.compile(
    r"\b(?:in|over|during|throughout|within) (?:the )?(?:recent|past|last|previous) (?:few |several |couple of |"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) )?(?:weeks|months|years|decades)\b|"
    r"\b(?:in|over|during|throughout) (?:the )?(?:recent|past|last|previous) \d{2,} days\b|"
    r"\bin recent (?:days|weeks|months|years)\b|\bsince the (?:start|beginning|outbreak)\b|\bsince then\b|"
    r"\bso far (?:this|in) (?:year|month)\b|\bsince (?:the|its|their) (?:\w+ )?"
    r"(?:conflict|war|uprising|revolution|crisis|protests?|campaign|intervention|offensive) "
    r"(?:began|started|erupted|broke out)\b", re.I)
# ... and in the singular, in a sentence that names no day of its own: "thousands have been
# killed in the region in the last decade" ("On Tuesday gunmen killed five in Bokkos,
# bringing to 60 the number killed there over the past month" is Tuesday's news).
_SUMMARY_SINGULAR = re.compile(r"\b(?:in|over|during|throughout|within) (?:the )?(?:past|last|previous) "
                               r"(?:week|month|year|decade)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have)\b", re.I)


def _summed_in_the_singular(text: str) -> bool:
    """A span in the singular sums up only a perfect's act ("have been killed … in the last
    decade"; not "supporters detained over the past year", "for the first time in the last
    decade") and not one measured against others."""
    m = _SUMMARY_SINGULAR.search(text)
    return m is not None and _PERFECT.search(text, 0, m.start()) is not None \
        and not _MEASURED_AGAINST.search(text, max(0, m.start() - 50), m.start())


# "A car bomb killed 20 in Azaz, the deadliest attack in recent weeks", "the third mass
# kidnapping on the route in recent months": the span measures the act against others, it
# sums nothing up (not "most attacks in recent weeks have been …").
_MEASURED_AGAINST = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:deadliest|bloodiest|worst|largest|biggest|heaviest|fiercest|"
                               r"most\s+\w+|first|second|third|fourth|fifth|latest|only)\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:attacks?|strikes?|air\s?strikes?|bombings?|blasts?|explosions?|raids?|kidnappings?|"
                               r"abductions?|clash(?:es)?|shelling|massacres?|incidents?|assaults?|ambush(?:es)?|"
                               r"protests?|demonstrations?|killings?|shootings?)\b[^.;]{0,40}$", re.I)
# "In previous summers, power cuts have sparked protests": seasons gone by, unless the sentence
# names its own day ("missiles struck on Friday, repeating a tactic of previous winters").
_SEASONS = re.compile(r"\b(?:in|over|during) (?:the )?(?:recent|past|last|previous|earlier) (?:few |several )?"
                      r"(?:summers|winters|springs|autumns|seasons)\b", re.I)
# History told as such: "captured the town last year", "previously", "years ago" — unless it
# is told of someone's kin in a "whose" clause of a sentence that names its own current day
# ("a commander whose son was killed last year"; not "militants who stormed a village last
# year killed 40", a report's day beside an old act).
_HISTORY = re.compile(r"\b(?:last|previous) year\b|\b(?:a|one|two|three|several|\d+) years? ago\b|"
                      # an anniversary: "thirty years ago on Sunday, police stormed the prison"
                      r"\b[\w-]+\s+years?\s+ago\s+(?:on|this|today|yesterday)\b|"
                      r"\bearlier this year\b|\bpreviously\b|"
                      # (not "in the past two years" nor "in the past month": spans, `_SUMMARY` and
                      # `_SUMMARY_SINGULAR`)
                      r"\bin the past\b(?!\s+(?:(?:few|several|couple\s+of|two|three|four|five|six|seven|eight|nine|"
                      r"ten|eleven|twelve)\s+(?:weeks|months|years|decades)|months|years|decades|month|year|decade)\b)",
                      re.I)
# (or "where"/"which", of a place: "killed five civilians in Seytenga, a town where dozens were
# massacred last year", in a sentence that names its own day; not "who": "a report released on
# Monday said militants who stormed a village last year killed 40" tells last year's act)
_IN_A_RELATIVE = re.compile(r"\b(?:whose|where|which)\s[^,;]{0,60}$", re.I)
_RELATIVE = re.compile(r"\b(?:which|that|where|whose)\s[^,;.]{0,60}$", re.I)
# ... not the "that" of what someone said ("officials said on Monday that …")
_SAID_THAT = re.compile(r"\b(?:said|says|say|told|tells|announced|reported|added|stated|warned|claimed|confirmed)\b"
                        r"[^,;.]{0,30}\bthat\s[^,;.]{0,60}$", re.I)
# A toll or a count summed up is a summary whatever clause holds it ("said on Monday that air
# strikes have killed 200 people in recent weeks").
_TOLL_OR_COUNT = re.compile(r"\b(?:killed|dead|died|deaths?|toll|wounded|injured|arrested|detained|displaced)\b", re.I)
# "The deadliest attack since March, when militants killed 18 soldiers": the month an earlier
# incident is named by.
_SINCE_WHEN = re.compile(rf"\bsince (?:early |late |mid-?)?{_MONTH}(?:\s+\d{{4}})?,?\s+when\b", re.I)
# ... unless the sentence tells its own act before it ("A car bomb killed 20 at a market, the
# deadliest since October, when …").
_ACT_BEFORE = re.compile(r"\b(?:killed|killing|kills|attacked|struck|exploded|bombed|shelled|stormed|ambushed|"
                         r"captured|seized|hit|wounded|clashed|fired|launched|detonated)\b", re.I)
# A trend or a habit ("fighting has intensified", "have regularly launched rockets", "have
# been battling"), unless the sentence names the day it tells.
# "has been shelling", "have also been expanding their control", "thousands have been leaving
# for the north", "the SDF is now fighting to recapture Tabqa": the progressive of an act of
# war tells an activity that goes on over a period, not one event (unless the sentence names
# its day). "The toll has been rising" and "forces are fighting militants in Qayyara" are news.
# (Movements that go on are `_MOVING`, below.)
_TREND = re.compile(r"\b(?:has|have) (?:intensified|escalated|stepped up)\b|"
                    r"\b(?:has|have) (?:(?:also|long|now|repeatedly|increasingly|reportedly)\s+)?been "
                    r"(?:battling|fighting|shelling|bombing|bombarding|besieging|targeting|attacking|clashing|"
                    r"pounding|striking|raiding|firing|hitting|launching|expanding|advancing|pushing|ambushing|"
                    r"abducting|arresting|detaining|storming|carrying out)\b|"
                    r"\b(?:is|are) (?:(?:now|still|also)\s+)?(?:fighting|battling) (?:to|for)\b|"
                    r"\b(?:regularly|routinely|frequently|repeatedly|constantly)\b", re.I)
# "the group continues to carry out bombings across the country": a habit told in the present
# (not "continued to shell the town", a day's news; nor with an act of its own after it: "Israel
# continues to wage war on Gaza, where air strikes killed 40 people in Rafah")
_HABIT = re.compile(r"\b(?:continues|continue) to (?:carry out|conduct|stage|mount|commit|wage)\b"
                    r"(?![^.;]*(?:\bwhere\b|:|\b(?:killed|killing|dead|died|executed|wounded|injured|arrested|"
                    r"detained)\b))", re.I)
# "the rise in air strikes showed …": a count of acts rising or falling — unless the sentence
# tells an act's toll beside it ("amid a rise in attacks, gunmen killed two aid workers").
_RISE_IN_ACTS = re.compile(r"\b(?:rise|increase|surge|spike|uptick|jump|drop|decline|fall|decrease)\s+in\s+"
                           r"(?:the\s+(?:number|frequency|pace)\s+of\s+)?(?:[\w-]+\s+)?(?:air\s?strikes|strikes|"
                           r"attacks|bombings|raids|shelling|killings|kidnappings|abductions|clashes|violence|"
                           r"assassinations|arrests|protests)\b", re.I)
# "strikes since January have hit several areas", "has been hit by rockets more than 40 times
# this year", "civilians continue to face relentless bombardment", "the fighting has
# continued", "kidnappings have plagued the district for more than a decade": a span or a
# count of repeats summed up, or what goes on — unless in a clause
# of its own ("the town, which rebels have held since March, …", "… as clashes have
# continued") or beside a toll the sentence tells ("…, killing four").
_SPAN_SUMMED = re.compile(
    r"\b(?:has|have)\b[^.;]{0,80}\bsince (?:early |late |mid-?)?" + _MONTH_NAME + r"\b(?!,?\s+when\b)|"
    r"\bsince (?:early |late |mid-?)?" + _MONTH_NAME + r"\b(?!,?\s+when\b)[^.;]{0,60}\b(?:has|have)\b|"
    r"\b(?:has|have)\b(?:(?!\b(?:which|who|where|that|whose)\b)[^.;,]){0,80}\bfor "
    r"(?:(?:more than|over|nearly|almost|about|some|well over|the past|the last)\s+)?"
    r"(?:a decade|decades|a generation|generations|years|months|weeks|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+|many|several) (?:years|decades|months|weeks))\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of) times\s+(?:this|last|"
    r"in the (?:past|last)|since|over|so far|a (?:day|week|month)|per)\b|"
    r"\bcontinu(?:e|es|ed|ing) to (?:face|endure|suffer|live under|come under)\b|"
    r"\b(?:fighting|clashes|violence|bombardment|shelling|strikes) (?:has|have) continued\b", re.I)
_OWN_CLAUSE = re.compile(r"(?:\b(?:which|where|who|that|as|while|whom)\b|,)[^,;]{0,60}$", re.I)
# A toll beside a span makes the sentence an act ("strikes since January have hit the town,
# killing a child"). Not `nonevents._TOLD_TOLL` (a habit's): there "killing a handful each
# time" stays a habit, and "leaving"/"arresting" count only with a number.
_TOLD_TOLL = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+"
                        r"(?:at least\s+|more than\s+|about\s+|some\s+|nearly\s+|over\s+)?"
                        r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|a\s+\w+|an\s+\w+|"
                        r"him|her|them)", re.I)


def _span_summed(text: str) -> bool:
    return any(not _OWN_CLAUSE.search(text, 0, m.start()) for m in _SPAN_SUMMED.finditer(text)) \
        and not _TOLD_TOLL.search(text)
# "Rebels have been gradually pushed out of the villages": change told over a period — unless
# the sentence dates it or tells what it did ("steadily advanced and captured the village on
# 28 April", "…, killing 15").
_GRADUAL = re.compile(r"\b(?:gradually|steadily|progressively)\b", re.I)


# A rise in violence told over a period: "the regime is escalating attacks on Alwaer", "forces
# stepped up military operations in Ghouta". Not with a date of any kind, nor with what it
# did ("Israel intensified its strikes on Rafah, killing at least 31").
_ESCALATION = re.compile(r"\b(?:is|are) (?:escalating|intensifying|stepping up)\b|"
                         r"\b(?:stepped up|escalated|intensified) (?:(?:its|their|the)\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:operations|attacks|strikes|air\s?strikes|raids|bombardment|bombing|shelling|offensive|"
                         r"campaign)\b", re.I)
_TOLL_AFTER = re.compile(r"(?:,|\band)\s+(?:killing|wounding|injuring|leaving)\s+(?:at\s+least\s+|more\s+than\s+|"
                         r"some\s+|about\s+|nearly\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
                         r"scores|hundreds)", re.I)


# Movements that go on ("thousands have been leaving for the north") tell a period too, when
# they are what the sentence says, not a relative clause about its people or place ("a market
# in Azaz, where displaced families have been arriving").
_MOVING = re.compile(r"\b(?:has|have) (?:(?:also|long|now|reportedly)\s+)?been (?:leaving|fleeing|evacuating|"
                     r"departing|arriving|returning|deploying|withdrawing|massing|sending|pouring)\b", re.I)
RELATIVE = re.compile(r"\b(?:who|which|that|where|whose|whom|as|bringing|raising|taking)\b[^,;]*$", re.I)


def _moving(text: str) -> bool:
    return any(not RELATIVE.search(text, 0, m.start()) for m in _MOVING.finditer(text))


_CURRENT = re.compile(r"\b(?:on |last |this |early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)s?\b|\b(?:today|yesterday|last night|overnight|this morning|this afternoon|"
                      r"this evening|tonight)\b", re.I)


def names_a_day(sentence: str) -> bool:
    """Whether a sentence names the day of what it tells ("on Thursday", "yesterday"), even
    when there is no publication date to resolve it against."""
    if _HAS_ARABIC.search(sentence) and is_arabic(sentence):
        return bool(_CURRENT_AR.search(fold(sentence)))
    return bool(_CURRENT.search(sentence))


def latest_day(day: dt.date, precision: int | None) -> dt.date:
    """The last day a date of this precision can mean: "last month" said on 17 August
    (1 July, precision 3) may be 31 July."""
    if precision == MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == WEEK:
        return day + dt.timedelta(days=6)
    return day


def _summed_in_a_relative(text: str, at: int, *, arabic: bool) -> bool:
    """Whether the summary at `at` sits in a relative clause ("the square, which has seen
    protests since …") — not the "that" of what someone said, and no toll or count."""
    if arabic:
        return _RELATIVE_AR.search(text, 0, at) is not None and not _TOLL_OR_COUNT_AR.search(text)
    return _RELATIVE.search(text, 0, at) is not None and not _SAID_THAT.search(text, 0, at) \
        and not _TOLL_OR_COUNT.search(text)


def is_background(sentence: str, published: dt.date | None, reported: ReportedDate | None) -> bool:
    """History or summary, not news: a year long past ("in 2017", "since 2011"), a date
    months old, or a span of time summed up ("in recent weeks", "over the past year")."""
    arabic = bool(_HAS_ARABIC.search(sentence)) and is_arabic(sentence)
    text = strip_marks(sentence) if arabic else sentence
    summary, trend, current, year_only = (_SUMMARY_AR, _TREND_AR, _CURRENT_AR, _YEAR_ONLY_AR) if arabic else (
        _SUMMARY, _TREND, _CURRENT, _YEAR_ONLY)
    # A span summed up in a relative clause describes a place or a practice, not the act of a
    # sentence that names its own day: "thousands rallied on Friday in the square, which has
    # seen protests since the start of the uprising" is Friday's news.
    summed = summary.search(text)
    if summed and not (current.search(text) and _summed_in_a_relative(text, summed.start(), arabic=arabic)) \
            and (arabic or not _MEASURED_AGAINST.search(text, max(0, summed.start() - 50), summed.start())):
        return True
    if not current.search(text) and (
            _MONTH_GONE_AR.search(text) or _days_summed_ar(text, published) if arabic
            else _summed_in_the_singular(text)):
        return True
    if (trend.search(text) or not arabic and (_moving(text) or _SEASONS.search(text) or _HABIT.search(text))) \
            and not current.search(text):
        return True
    if not arabic and _RISE_IN_ACTS.search(text) and not current.search(text) and not _TOLL_OR_COUNT.search(text):
        return True
    if not arabic and any(not (_IN_A_RELATIVE.search(text, 0, m.start()) and current.search(text))
                          for m in _HISTORY.finditer(text)):
        return True
    if not arabic and _span_summed(text) and not current.search(text):
        return True
    if not arabic and _GRADUAL.search(text) and not current.search(text) and resolve(text, published) is None \
            and not _TOLL_AFTER.search(text):
        return True
    if not arabic and _ESCALATION.search(text) and not current.search(text):
        # News when it names its day, or, undated, says what it did ("…, killing 31").
        day = resolve(text, published)
        if not (day is not None and day.precision == DAY or day is None and _TOLL_AFTER.search(text)):
            return True
    if published is not None and reported is not None \
            and (published - latest_day(reported.date, reported.precision)).days > 45:
        return True
    # A sentence that dates its own event as current ("on Thursday", "yesterday") is news,
    # whatever history its clauses recall ("… since it first intervened in 2016").
    if current.search(text):
        return False
    since = None if arabic else _SINCE_WHEN.search(text)
    if since and not _ACT_BEFORE.search(text, 0, since.start()):
        return True
    for m in [*year_only.finditer(text), *(() if arabic else _THE_YEAR.finditer(text))]:
        if arabic and m.group("season") and re.search(r"(?:التي|الذي)\s", text[max(0, m.start() - 80):m.start()]):
            continue  # "بلدة المزيريب، التي استعادها الجيش في صيف 2018": the place's past
        first_since = None if arabic else _FIRST_SINCE.search(text, max(0, m.start() - 120), m.start())
        if first_since and not _OWN_ACT_SINCE.search(text, first_since.start("since"), m.start()):
            continue  # "the first district to fall to them since rebels seized it in 2012": news, measured by the past
        year = int(m.group("year"))
        if published is None or year < published.year - (0 if published.month > 2 else 1):
            return True
    return False


# A superlative measured from a past year makes the act news: "the first to fall to them since
# rebels seized it in 2012", "the deadliest attack since 2014".
_FIRST_SINCE = re.compile(r"\b(?:first|worst|deadliest|biggest|largest|heaviest|fiercest|bloodiest|most\s+\w+)\b"
                          r"[^.;]{0,80}?\b(?P<since>since)\b[^.;]*$", re.I)
# ... but a since-clause that tells an act of its own, with its place or its toll ("the worst
# massacre since militants killed 160 villagers in Solhan in 2021"), recalls that act: history.
_OWN_ACT_SINCE = re.compile(r"\d|\b(?:in|at|near|of|on)\s+[A-Z]")


# --- Arabic ----------------------------------------------------------------------------------
# Patterns are written folded (`arabic.text.fold`: ا for أ إ آ, ه for ة, ي for ى and ئ) and
# run on the sentence folded, which keeps its offsets.
_HAS_ARABIC = re.compile(f"[{ARABIC_LETTER}]")
_L = f"[{ARABIC_LETTER}]"
# "آذار", "آذار/مارس", "مارس (آذار)", "آذار - مارس": the first name is the month.
_MONTH_AR = (rf"(?<!{_L})[وبل]?(?P<month>{MONTH_NAME_AR})(?!{_L})"
             rf"(?:\s*(?:/|-|\()\s*{MONTH_NAME_AR}\s*\)?(?!{_L}))?")
_YEAR_AR = r"(?:\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>(?:19|20)\d{2})(?!\d)(?:\s*م(?!" + _L + r"))?)"
# "في الثالث من الشهر الجاري": the day of the month as an ordinal word (folded).
_UNITS_AR = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
ORDINAL_DAYS_AR = {
    **{w: i for i, w in enumerate(_UNITS_AR, 1)}, "العاشر": 10, "العشرين": 20, "الثلاثين": 30,
    **{f"{'الحادي' if i == 1 else w} عشر": 10 + i for i, w in enumerate(_UNITS_AR, 1)},
    **{f"{'الحادي' if i == 1 else w} والعشرين": 20 + i for i, w in enumerate(_UNITS_AR, 1)},
    "الحادي والثلاثين": 31,
}
_ORDINAL_AR = rf"(?<!{_L})(?P<ord>" + "|".join(sorted(ORDINAL_DAYS_AR, key=len, reverse=True)) + ")"
_EXPLICIT_AR = (
    re.compile(rf"(?<![\d/.-])(?:الـ?\s*)?(?P<day>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{_MONTH_AR}{_YEAR_AR}?"),
    re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d{2})(?!\d|[/.-]\d)"),
    re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<day>\d{1,2})(?!\d|[/.-]\d)"),
    # "في الثاني من تموز الجاري": an ordinal day of a named month (after the digits).
    re.compile(rf"{_ORDINAL_AR}\s+(?:من\s+)?(?:شهر\s+)?{_MONTH_AR}{_YEAR_AR}?"),
)
_DAY_OF_MONTH_AR = re.compile(rf"(?:(?<![\d/.-])(?:الـ?\s*)?(?P<day>\d{{1,2}})|{_ORDINAL_AR})\s+(?:من\s+)?(?:ال)?شهر\s+"
                              rf"(?P<which>الجاري|الحالي|الماضي|المنصرم|الفايت|السابق)(?!{_L})")
_BEFORE_YESTERDAY_AR = re.compile(rf"(?<!{_L})[وف]?(?:اول\s+(?:من\s+)?امس|امس\s+الاول)(?!{_L})")
_YESTERDAY_AR = re.compile(rf"(?<!{_L})[وفب]?(?:ال)?(?:امس|البارحه)(?!{_L})|(?<!{_L})[وفب]?الليله\s+الماضيه(?!{_L})")
_TODAY_AR = re.compile(rf"(?<!{_L})(?<!حتي\s)(?<!الي\s)[وفل]?(?:اليوم|الليله)(?!{_L})(?!\s+(?:التالي|الاول|الثاني|"
                       rf"الثالث|السابق|الذي|نفسه|ذاته|نفسها|ذاتها|الوطني|العالمي|الماضيه|الاخير)(?!{_L}))")
_WEEKDAY_AR = re.compile(rf"(?<!{_L})[وفب]?(?P<wd>" + "|".join(WEEKDAYS_AR) + rf")(?!{_L})"
                         rf"(?P<last>\s+(?:الماضي|الفايت|المنصرم|السابق)(?!{_L}))?")
_WEEK_AR = re.compile(rf"(?<!{_L})(?:(?P<last>ال)?اسبوع\s+(?:الماضي|الفايت|المنصرم|السابق)|"
                      rf"هذا\s+الاسبوع|الاسبوع\s+(?:الجاري|الحالي)|(?:مطلع|بدايه)\s+الاسبوع)(?!{_L})")
_MONTH_REL_AR = re.compile(rf"(?<!{_L})(?:(?P<last>ال)?شهر\s+(?:الماضي|الفايت|المنصرم|السابق)|"
                           rf"هذا\s+الشهر|الشهر\s+(?:الجاري|الحالي))(?!{_L})")
_IN_MONTH_AR = (
    re.compile(rf"(?<!{_L})(?:(?:[وف]?(?:في|خلال|مطلع|اوايل|اواخر|منتصف|بدايه|نهايه|اواسط)\s+)(?:(?:ال)?شهر\s+)?|"
               rf"(?:ال)?شهر\s+){_MONTH_AR}{_YEAR_AR}?"),
    re.compile(rf"{_MONTH_AR}(?:{_YEAR_AR}|\s+(?:الماضي|المنصرم|الفايت)(?!{_L}))"),
)


# A reporting verb and what may stand between it and the day it names ("أفاد مصدر أمني في
# محافظة ديالى، اليوم الثلاثاء،").
_SAID_DAY_AR = re.compile(rf"(?<!{_L})[وف]?(?:افاد|افادت|قال|قالت|اعلن|اعلنت|ذكر|ذكرت|اكد|اكدت)(?!{_L})"
                          rf"[^.،,]{{0,60}}?[،,]?\s*(?:{_TODAY_AR.pattern}|{_YESTERDAY_AR.pattern})"
                          rf"(?:\s+(?:{'|'.join(WEEKDAYS_AR)})(?!{_L}))?")


_MEASURED_FROM_DAY_AR = re.compile(rf"(?<!{_L})(?:منذ|بعد|قبل|حتي)(?!{_L})(?:\s+\S+){{0,3}}\s*$")


def _said_day_end(text: str) -> int:
    """Where the day a reporting verb names ends, when the sentence tells another day after
    it (its act's); 0 otherwise."""
    m = _SAID_DAY_AR.search(text)
    if m is None:
        return 0
    rest = text[m.end():]
    # (not a day the sentence measures from: "الهجوم الثاني منذ يوم الجمعة", "بعد هجوم مماثل يوم الأربعاء")
    for pat in (_WEEKDAY_AR, _YESTERDAY_AR, _BEFORE_YESTERDAY_AR):
        for other in pat.finditer(rest):
            if not _MEASURED_FROM_DAY_AR.search(rest, max(0, other.start() - 30), other.start()):
                return m.end()
    return 0


def _resolve_ar(sentence: str, published: dt.date | None) -> ReportedDate | None:
    """`resolve` for an Arabic sentence (see the module docstring)."""
    found = _resolve_ar_first(sentence, published)
    if found is None or published is None:
        return found
    # "… منذ صباح اليوم الخميس، على الرغم من وقف إطلاق النار الذي دخل حيز التنفيذ في الثاني عشر من
    # الشهر الجاري": a date of these weeks in a relative clause about something else, after the
    # sentence's own day, is that thing's. (A date of years past there is what the sentence
    # remembers: "يستعيد الأهالي اليوم ذكرى المجزرة التي ارتكبت في 25 أيار 2012".)
    if not 0 <= (published - found.date).days <= 31:
        return found
    text = fold(sentence)
    rel = _RELATIVE_PRONOUN_AR.search(text, 0, found.start)
    # (a truce, a deal, a decision, a statement or a meeting: not a body found today "الذي
    # اختطفه مسلحون في الخامس من الشهر", a toll that rose today "المجزرة التي ارتكبت في …")
    if rel is None or not (_NO_ACT_BEFORE_AR.search(text, max(0, rel.start() - 40), rel.start())
                           or _SPEECH_AFTER_AR.match(text, rel.end())):
        return found
    own = _resolve_ar_first(sentence[:rel.start()], published)
    # (not the day a reporting verb names: "أعلنت مصادر، اليوم الثلاثاء، ارتفاع حصيلة الهجوم الذي
    # شنه … مساء أمس" — there the clause's day is the act's)
    return own if own is not None and own.precision == DAY and own.start >= _said_day_end(text) else found


# (searched, not matched: "اتفاق" finds "الاتفاق" too)
_NO_ACT_BEFORE_AR = re.compile(r"(?:هدنه|النار|اتفاق|قرار|بيان|اجتماع|مؤتمر|مقابله|تصريحات|مواقف|انتخابات|قانون|مهله|"
                               r"حظر|تسويه|مبادره|جلسه|زياره)(?:\s+\S+){0,3}\s*[،,]?\s*$")
# ... or what a speaker said ("وفق نادي الأسير، الذي قال إن …")
_SPEECH_AFTER_AR = re.compile(r"\s+(?:قال|قالت|افاد|افادت|اوضح|اوضحت|اكد|اكدت|ذكر|ذكرت|اشار|اشارت|اعلن|اعلنت)"
                              r"(?![\u0621-\u064a])")
_RELATIVE_PRONOUN_AR = re.compile(r"(?<![\u0600-\u06ff])[و]?(?:الذي|التي|اللذين|اللتين|الذين|اللواتي)"
                                  r"(?![\u0600-\u06ff])")


def _resolve_ar_first(sentence: str, published: dt.date | None) -> ReportedDate | None:
    """The date an Arabic sentence states, by the order of the kinds of date below."""
    text = fold(sentence)
    for pat in _EXPLICIT_AR:
        for e in pat.finditer(text):
            g = e.groupdict()
            month = int(g["m"]) if g.get("m") else MONTHS_AR[_month_key(g["month"])]
            day = int(g["day"]) if g.get("day") else ORDINAL_DAYS_AR[g["ord"]]
            if g.get("year"):
                try:
                    return ReportedDate(dt.date(int(g["year"]), month, day), DAY, e.start(), e.end())
                except ValueError:
                    continue
            if published is not None:
                d = _latest_on_or_before(month, day, published)
                if d is not None:
                    return ReportedDate(d, DAY, e.start(), e.end())
    if published is None:
        return None
    m = _DAY_OF_MONTH_AR.search(text)
    if m:
        first = _month_start(published, m.group("which") not in ("الجاري", "الحالي"))
        try:
            day = int(m.group("day")) if m.group("day") else ORDINAL_DAYS_AR[m.group("ord")]
            return ReportedDate(first.replace(day=day), DAY, m.start(), m.end())
        except ValueError:
            pass
    # "أفاد مصدر أمني، اليوم الثلاثاء، بمقتل مزارعين بهجوم ليل الاثنين": the day after a
    # reporting verb is the day it was said; the act's own day, told later, is the act's.
    said_until = _said_day_end(text)
    for pat, back in ((_BEFORE_YESTERDAY_AR, 2), (_YESTERDAY_AR, 1), (_TODAY_AR, 0)):
        m = pat.search(text, said_until)
        if m:
            return ReportedDate(published - dt.timedelta(days=back), DAY, m.start(), m.end())
    m = _WEEKDAY_AR.search(text, said_until)
    if m:
        wd = WEEKDAYS_AR[m.group("wd")]
        back = (published.weekday() - wd) % 7
        if m.group("last") and back == 0:
            back = 7  # "الاثنين الماضي" said on a Monday is a week ago
        return ReportedDate(published - dt.timedelta(days=back), DAY, m.start(), m.end())
    m = _WEEK_AR.search(text)
    if m:
        monday = published - dt.timedelta(days=published.weekday())
        start = monday - dt.timedelta(days=7) if m.group("last") else monday
        return ReportedDate(start, WEEK, m.start(), m.end())
    m = _MONTH_REL_AR.search(text)
    if m:
        return ReportedDate(_month_start(published, bool(m.group("last"))), MONTH, m.start(), m.end())
    return month_and_year_ar(sentence, published)


def month_and_year_ar(sentence: str, published: dt.date | None) -> ReportedDate | None:
    """A month an Arabic sentence names without a day ("في آذار", "آذار/مارس 2024", "أيار
    الماضي"), precision 3: with its year even without a publication date, else the latest
    such month not after publication."""
    text = fold(sentence)
    found = [m for m in (pat.search(text) for pat in _IN_MONTH_AR) if m is not None]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    g = {k: v for k, v in m.groupdict().items() if v}
    month = MONTHS_AR[_month_key(g["month"])]
    if g.get("year"):
        year = int(g["year"])
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    return ReportedDate(dt.date(year, month, 1), MONTH, m.start(), m.end())


def _month_key(written: str) -> str:
    return re.sub(r"\s+", " ", strip_marks(written))


# Background in Arabic (the sentence folded and without diacritics).
# Month names as `fold` writes them ("تشرين الاول").
_MONTH_FOLDED_AR = "(?:" + "|".join(re.escape(fold(m)).replace(r"\ ", r"\s+")
                                    for m in sorted(MONTHS_AR, key=len, reverse=True)) + ")"
# "خلال تشرين الأول الماضي وثّق التجمع 31 عملية": a month gone by, summed up, in a sentence
# that names no day of its own ("قتل مسلحون ثلاثة جنود يوم الاثنين … في أعنف هجوم خلال آذار
# الماضي" is Monday's news).
_MONTH_GONE_AR = re.compile(
    rf"(?<!{_L})[وف]?(?:خلال|طوال)\s+(?:شهر\s+)?{_MONTH_FOLDED_AR}\s+(?:ال)?(?:ماضي|منصرم|فايت)(?!{_L})")
_SUMMARY_AR = re.compile(
    rf"(?<!{_L})(?:خلال|في|طوال|علي\s+مدي|علي\s+مدار)\s+(?:ال)?(?:اسابيع|اشهر|شهور|اعوام|سنوات|عقود|"
    rf"(?:\d+|عده|بضعه)\s+(?:ايام|اسابيع|اشهر|سنوات))\s+(?:ال)?(?:ماضيه|اخيره|سابقه|منصرمه|فايته)(?!{_L})|"
    rf"(?<!{_L})(?:خلال|في)\s+(?:الفتره|الاونه|المرحله)\s+(?:الماضيه|الاخيره|السابقه)(?!{_L})|"
    rf"(?<!{_L})[وف]?منذ\s+(?:بدايه|مطلع|اندلاع|انطلاق|بدء)(?!{_L})|(?<!{_L})منذ\s+ذلك\s+(?:الحين|الوقت)(?!{_L})|"
    rf"(?<!{_L})(?:ال)?(?:عام|سنه)\s+(?:الماضي|الماضيه|المنصرم|المنصرمه|الفايت|السابق)(?!{_L})|"
    rf"(?<!{_L})(?:منذ|قبل)\s+(?:\d+|عده|بضع|بضعه|سنوات|اعوام)\s*(?:سنوات|اعوام|عاما|سنه|عام)?(?!{_L})|"
    rf"(?<!{_L})[وف]?سابقا(?!{_L})|(?<!{_L})في\s+الماضي(?!{_L})|(?<!{_L})منذ\s+مطلع\s+العام(?!{_L})|"
    rf"(?<!{_L})(?:حتي|الي)\s+(?:اليوم|الان)(?!{_L})|"
    # "خلال العام الجاري": over the year so far.
    rf"(?<!{_L})(?:خلال|طوال|منذ\s+(?:بدايه|مطلع))\s+(?:ال)?(?:عام|سنه|شهر)\s+(?:ال)?(?:جاري|حالي)(?!{_L})")
_TREND_AR = re.compile(
    rf"(?<!{_L})(?:بشكل|بصوره)\s+(?:متكرر|مستمر|دوري|يومي|شبه\s+يومي|متزايد)(?!{_L})|(?<!{_L})باستمرار(?!{_L})|"
    rf"(?<!{_L})(?:تصاعدت|تصاعد|تزايدت|تزايد|تكررت|تتكرر|يتكرر)(?!{_L})|"
    # "اشتباكات متكررة": clashes that recur.
    rf"(?<!{_L})(?:ال)?متكرر[هة]?(?!{_L})")
_CURRENT_AR = re.compile("|".join(f"(?:{p.pattern})" for p in (_TODAY_AR, _YESTERDAY_AR, _WEEKDAY_AR)).replace(
    "(?P<wd>", "(?:").replace("(?P<last>", "(?:"))
_RELATIVE_AR = re.compile(rf"(?<!{_L})(?:التي|الذي|الذين|اللتي|اللواتي|حيث)\s[^,;.،؛]{{0,60}}$")
_TOLL_OR_COUNT_AR = re.compile(rf"(?<!{_L})[وب]?(?:مقتل|قتل\w*|قتلي|ضحايا|حصيله|عدد|اعتقال|جرحي|اصابه|نزوح)(?!{_L})")
# "خلال الأيام الماضية" (over the past days): a summary, unless the sentence names its own day.
_DAYS_SUMMED_AR = re.compile(rf"(?<!{_L})(?:خلال|في|طوال)\s+(?:ال)?ايام\s+"
                             rf"(?:ال)?(?:ماضيه|اخيره|سابقه|منصرمه|قليله\s+الماضيه)(?!{_L})")
# (also the dual: "بين عامي 2019 و2020", "between the years 2019 and 2020")
def _days_summed_ar(text: str, published: dt.date | None) -> bool:
    """"خلال الأيام الماضية" in the sentence's first clause, the sentence dating nothing to the
    day ("في تصعيد هو الأعنف خلال الأيام الماضية" measures the day's act against them)."""
    m = _DAYS_SUMMED_AR.search(text.split("،")[0])
    if m is None or _MEASURED_AR.search(text, max(0, m.start() - 30), m.start()):
        return False
    day = resolve(text, published)
    return day is None or day.precision != DAY


_MEASURED_AR = re.compile(r"(?:الاعنف|الاكبر|الاشد|الاول|الثاني|الثالث|الرابع|نوعه|نوعها)\s+$")
_YEAR_ONLY_AR = re.compile(rf"(?<!{_L})(?:في|منذ|خلال|عام|العام|عامي|سنه|بحلول|(?P<season>صيف|شتاء|ربيع|خريف))\s+"
                           r"(?:(?:عام|العام|عامي|سنه)\s+)?"
                           r"(?P<year>(?:19|20)\d{2})(?!\d)")

"""Stage 7a: a sentence → event mentions — what this one sentence says happened.

A mention is one sentence's account of an event at one place: type and sub-type,
modality, date, place, actors, fatalities, sources and its evidence span. Mentions are not
yet events: the headline, the lede and the body tell one event several times, and
`assemble` makes them one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import dates
from ..actors import ActorKB
from ..arabic.text import ARABIC_LETTER, fold, is_arabic, pattern
from ..places.frame import dateline_end
from ..records import Article, Event, Evidence, FatalityReport, Place
from . import actors as actor_roles
from .classify import MILITARY_MEANS, Classification, classify
from .clauses import placed_act, two_acts
from .fatalities import PERPETRATOR, TO_DEATH_VERBS, VAGUE, fatalities, fatality_mentions
from .modality import modality
from .nonevents import in_linked_headline, not_an_event, quotation_at
from .places import AGENCY_DASH, PARAGRAPH_OPENER, enumerated, event_places, recalled_frames
from .sentences import Sentence

# A trigger that only tells the toll: "the bombing killed 41", "dozens were wounded". Such a
# sentence reports the consequence of an event the article names elsewhere. ("Gunmen shot dead
# a former commander" tells how: the shooting is the act.)
_CASUALTY_TRIGGER = re.compile(r"\b(?:kill|dead(?<!shot dead)|death|die|dying|wound|injur|casualt|toll|lives|life|"
                               r"bodies|massacre|slain|martyr)", re.I)
def _any_of(word: str) -> str:
    """`arabic.text.pattern` without its named group, so that several join into one regex."""
    return pattern(word).replace("(?P<w>", "(?:")


# The same in Arabic, on folded text (`arabic.text.fold`): قتل، مقتل، قتلى، جرحى، إصابة،
# مصرع، ضحايا، جثث، حصيلة، وفاة، استشهاد.
_CASUALTY_TRIGGER_AR = re.compile("|".join(_any_of(w) for w in (
    "قتل", "قتلت", "قتلوا", "مقتل", "قتلى", "قتيل", "قتيلا", "جرحى", "جريح", "اصابه", "اصابات", "مصرع", "مصرعهم",
    "ضحايا", "جثث", "جثه", "حصيله", "وفاه", "استشهاد", "شهداء")))


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", re.I)


def _a_speakers_words(sent: Sentence, cls: Classification) -> bool:
    """Words of violence in a speaker's quoted words, in a sentence that names no place and
    no day ("They killed him for nothing," his brother said; "They're carpet-bombing us.";
    "This is a battle we must win"): the report tells its acts in its own words, and quotes
    add what people say of them. Not quoted words the sentence places or dates ("Six people
    were killed in the bombing" in the village of Hassajik early on Tuesday, the ministry
    said)."""
    span = None if is_arabic(sent.text) else quotation_at(sent.text, cls.trigger_start)
    if span is None:
        return False
    # A witness's account that names the doers or counts the dead is a report ("Boko Haram
    # fighters came on motorbikes and killed 12 people," said …).
    quoted = sent.text[span[0]:span[1]]
    if _NAMED_OR_COUNTED.search(quoted):
        return False
    return not sent.places and not dates.names_a_day(sent.text)


_NAMED_OR_COUNTED = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                               r"scores|hundreds)\b|(?<![.!?\"“]\s)(?<!^)(?<![\"“])\b(?!I\b)[A-Z][a-z]+")


_WHEN = re.compile(r"\bwhen\b", re.I)


# "A mob beat a man to death", "attackers hacked two farmers to death": the act itself, told
# with its victim, not only a toll ("was beaten to death" is one).
_ACT_TO_DEATH = re.compile(rf"\b(?:{TO_DEATH_VERBS})\s+(?!to\b)(?:[\w'’-]+\s+){{1,4}}?to\s+death\b", re.I)


def _tells_a_toll(trigger: str) -> bool:
    if _ACT_TO_DEATH.search(trigger):
        return False
    if is_arabic(trigger):
        return _CASUALTY_TRIGGER_AR.search(fold(trigger)) is not None
    return _CASUALTY_TRIGGER.search(trigger) is not None


# A sentence that says it tells another incident: "Separately, …", "In another attack, …",
# "… elsewhere in the province". News marks a second incident this way; such a sentence starts
# an event of its own even at the same place and on the same day.
_SEPARATE = re.compile(r"\b(?:separately|elsewhere|in (?:a |an )?(?:separate|other|another|second|further)"
                       r" (?:incident|attack|strike|raid|assault|bombing|clash|shelling|operation)s?)\b", re.I)
# One told as coming after it ("later") adds an act of another type ("Police reservists
# pursued the raiders and exchanged fire with them later the same day" after a raid on
# herders, "The next morning, troops stormed …"); of the same type at the same place and day
# it is the same event for ACLED ("another explosion a few minutes later" of a suicide bombing).
_LATER = re.compile(r"\b(?:later\s+(?:on\s+)?(?:the\s+same|that)\s+(?:day|night|evening|morning|afternoon)"
                    r"|(?:hours|minutes)\s+later|the\s+(?:next|following)\s+(?:day|morning|night|evening))\b", re.I)
# "Shelling and drone attacks killed four civilians in other parts of the region": a count of
# incidents the story does not tell one by one, at no place of their own. Not an event, and
# not the toll of the incident told next.
_OTHER_PARTS = re.compile(r"\bin\s+(?:(?:several|various|two|three|four|five|six)\s+)?other\s+(?:parts|areas|districts|"
                          r"towns|villages|cities|regions|provinces|neighbou?rhoods|communities|places)\b", re.I)
# ... unless the sentence tells its own act as one of them: "killed 12 villagers in one of
# several raids on communities in other parts of the state", "an attack like those in …".
_ONE_OF_THEM = re.compile(r"\bone of\b|\blike (?:those|the ones|others)\b|\bsimilar\b", re.I)
# The same marks in Arabic, on folded text: "وفي هجوم آخر"، "في سياق منفصل"، "بشكل منفصل"،
# "في حادثة أخرى"، and "كما قصفت …" (one more act, as "also" + a past verb).
_SEPARATE_AR = re.compile("|".join(_any_of(w) for w in (
    "في هجوم اخر", "في سياق منفصل", "بشكل منفصل", "في حادثه اخري", "في حادث اخر", "في حادثه منفصله",
    "في غاره اخري", "في قصف اخر", "من جهه اخري")))
# "كما قال / أفاد / أشار …" is "as … said": a source, not another act.
_ALSO_AR = re.compile(r"(?:^|[\s،,.؛])و?كما\s+(?!(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اشار|اشارت|اكد|اكدت|اضاف|اضافت|"
                      r"اعلن|اعلنت|يقول|تقول)(?![" + ARABIC_LETTER + r"]))[" + ARABIC_LETTER + r"]+")
# "Tanks also shelled …": one more thing the story's actors did, which is the same event
# only if it is the same kind of act (the strike "also destroyed a house"). Only "also" with
# a verb in the simple past: "has also been rocked by blasts" tells a period, not an act.
_ALSO = re.compile(r"\balso\s+(?:\w+ed|struck|hit|shot|fought|threw|blew|stormed|overran|took|seized|set)\b",
                   re.I)


def another_incident(text: str) -> str | None:
    """"separate" when the sentence says it tells another incident, "also" when it adds one
    more act to the story, "later" when it tells what came after, else None (see
    `assemble._Group.fits`)."""
    if is_arabic(text):
        folded = fold(text)
        return "separate" if _SEPARATE_AR.search(folded) else "also" if _ALSO_AR.search(folded) else None
    return "separate" if _SEPARATE.search(text) else "also" if _ALSO.search(text) else \
        "later" if _LATER.search(text) else None


# "the attack", "Saturday's blast", "the Tel Abyad bombing": an incident named with a definite
# word is one the reader already knows of. News names a new incident with "a" ("a car bomb
# killed …") and goes on about it with "the". Not "the second attack", "the previous strike"
# nor "the last raid", which tell another one; and only nouns of one incident, not "the
# offensive" or "the fighting", which name a period.
# A word between "the" and the noun, but not one that tells another incident.
_NOT_ANOTHER = (r"(?:(?!(?:second|third|fourth|other|another|previous|earlier|last|prior|similar|next|new)\b)"
                r"[\w'’-]+\s+)")
_DEFINITE = re.compile(r"(?:\b(?:the|this|that|these|those|its|their)|\w['’]s)\s+" + _NOT_ANOTHER + r"{0,2}$", re.I)
_INCIDENT = re.compile(r"(?:attacks?|bombings?|blasts?|explosions?|(?:air\s?)?strikes?|airstrikes?|raids?|"
                       r"ambush|massacre|assault|shelling|stabbing|shooting|assassination|kidnapping|abduction)", re.I)
_OPENS_WITH_INCIDENT = re.compile(r"^\W*(?:the|this|that|these|those)\s+" + _NOT_ANOTHER + r"{0,2}?"
                                  + _INCIDENT.pattern + r"\b", re.I)


# "Daesh said three of its fighters carried out an attack on the police station", "the group
# claimed responsibility for the bombing": a group's claim of an act told as a whole (a noun:
# "an attack", "the operation") names the act the story tells in its own words, of whatever
# kind ("an attack" for what the story calls suicide bombings). A claim told by a verb with
# its own target ("its fighters attacked an African Union base") may be another act.
_CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:responsibility|credit)\s+for\b|"
                    r"\b(?:said|says|claimed|announced|boasted)\s+(?:that\s+)?(?:(?:its|their)\s+(?:[\w-]+\s+)?|"
                    r"(?:\w+\s+of\s+)(?:its|their|the)\s+(?:[\w-]+\s+)?)(?:fighters|militants|members|men|"
                    r"(?:suicide\s+)?bombers?|operatives|attackers|commandos|soldiers)\s+(?:had\s+)?"
                    r"(?:carried\s+out|launched|conducted|staged|executed|mounted)\s+(?:an?|the)\s+"
                    r"(?:[\w-]+\s+)?(?:attack|operation|assault|raid)\b", re.I)


def refers_back(text: str, cls: Classification) -> bool:
    """Whether a sentence names its event as one already told: its trigger is an incident
    noun after a definite word ("the attack was launched from a bridge"), or it opens with
    one ("The bombing caused heavy damage to shops"), or a group claims it (`_CLAIM`)."""
    if is_arabic(text):
        return False
    return bool(_OPENS_WITH_INCIDENT.match(text) or _INCIDENT.fullmatch(cls.trigger)
                and _DEFINITE.search(text[max(0, cls.trigger_start - 60):cls.trigger_start])
                or _CLAIM.search(text, 0, cls.trigger_end + 40))


# "The army said on Tuesday that …", "In a statement on Tuesday, the group said …", "…, the
# monitor said on Tuesday": the day a speaker spoke. The act is that day's news or the day
# before's: the day dates the event until a sentence of the same event states the act's own
# day, on the speaker's day or the day before (see `assemble`). "Clashes were reported on
# Monday" dates the clashes.
_SPEECH_VERB = (r"(?:said|says|announced|(?<!was\s)(?<!were\s)(?<!been\s)reported|stated|claimed|confirmed|added|"
                r"told\s+(?:[\w-]+\s+){1,3}?)")
_SPOKEN_ON = re.compile(r"\b" + _SPEECH_VERB + r"\s*(?:on\s+|late\s+|early\s+)?$", re.I)
_STATEMENT_ON = re.compile(r"\b(?:statement|communiqu[eé]|announcement|press conference|briefing)\b[^,;:.]{0,80}$",
                           re.I)
_SPEAKER_AFTER = re.compile(r",?\s*[^,;:.]{0,60}?\b" + _SPEECH_VERB + r"\b", re.I)


def speech_day(text: str, reported: dates.ReportedDate, trigger_start: int) -> bool:
    """Whether the date the sentence states is the day its speaker spoke, not the act's."""
    before = text[max(0, reported.start - 100):reported.start]
    if _SPOKEN_ON.search(before):
        return True
    # "In a statement on Tuesday the group said two of its fighters …": the date, then the
    # speaker, then the act.
    return reported.end <= trigger_start and bool(_STATEMENT_ON.search(before)) \
        and bool(_SPEAKER_AFTER.match(text, reported.end, trigger_start))


# "Families on Wednesday buried three soldiers killed this week by a roadside bomb", "the
# government on Tuesday declared three days of mourning after a drone strike …": the day of
# a burial or of mourning, told before the act it mourns, is days after that act.
MOURNED = re.compile(r"\b(?:buried|bury|burying|mourned|mourning|laid\s+to\s+rest|held\s+(?:a\s+|the\s+)?funerals?|"
                      r"funerals?\s+(?:were|was)\s+held|funeral\s+prayers)\b|"
                      # "شيّع أهالي الرقة، اليوم الأربعاء، ثلاثة أشخاص قتلوا …": a burial in Arabic
                      # (not شيعي, شيعة: Shia)
                      r"(?<![\u0600-\u06ff])[وف]?(?:ي?شي\u0651?ع(?:ت|وا|ون|ان)?(?![\u0600-\u06ff])|"
                      r"(?:تشييع|جناز|دفن)[\u0600-\u06ff]*)", re.I)


def mourning_day(text: str, reported: dates.ReportedDate, trigger_start: int) -> bool:
    """Whether the date the sentence states, before its act, is the day of a burial or of
    mourning (`MOURNED`) told in the same clause."""
    if reported.end > trigger_start:
        return False
    # (the clause may be long: "Funeral prayers of two more soldiers who succumbed to their
    # injuries were offered at the FC headquarters in Turbat on Tuesday, raising the toll of
    # Friday's attack")
    word = MOURNED.search(text, max(0, reported.start - 160), trigger_start)
    if word is None:
        return False
    a, b = min(word.start(), reported.start), max(word.end(), reported.end)
    return not re.search(r"[.;:]", text[a:b])


# "The day after the attack", "the next day", "two days later": a day counted from the last
# one the story told.
_DAYS_LATER = re.compile(r"\b(?:the\s+day\s+after\s+(?:the|that|this|its)\b|"
                         r"the\s+(?:next|following)\s+(?:day|morning)\b|"
                         r"(?:(?P<n>an?|one|two|three|four|five|six|\d)\s+(?P<unit>days?))\s+later\b)", re.I)


_DAY_BEFORE = re.compile(r"the\s+day\s+before", re.I)


def _paragraph_date(sent: Sentence, before: list[Sentence], published: dt.date | None) -> dates.ReportedDate | None:
    """The date the nearest earlier sentence of the same paragraph states (two at most: a
    scraped body can be one paragraph from headline to tags)."""
    for prev in reversed(before[-2:]):
        if prev.paragraph != sent.paragraph:
            return None
        found = dates.resolve(prev.text, published)
        if found is not None:
            return found
    return None


# "A girl died on Wednesday of wounds she suffered when a sniper shot her on Sunday", "توفي
# ضابط صباح اليوم متأثراً بإصابته برصاص مسلحين استهدفوه مساء الخميس": the day of a death from
# wounds is not the day of the act that caused them.
_DIED_OF_WOUNDS = re.compile(r"\b(?:died|dies|succumbed)\b[^.;]{0,80}?\b(?:of|from|to)\s+(?:(?:his|her|their|its)\s+)?"
                             r"(?:\w+\s+)?(?:wounds|injuries)\b|"
                             r"(?<![\u0600-\u06ff])[وف]?(?:توفي|توفيت|فارق|فارقت|استشهد|استشهدت|مات|ماتت)(?![\u0600-\u06ff])"
                             r"[^.؛]{0,80}?متأثر\S*\s+ب(?:جراح|[إا]صاب)", re.I)


# ... whose cause the sentence may leave for another act: "… after air strikes hit a house in
# Rafah, where strikes on Tuesday had killed 12", "… مخيم جنين، الذي شهد اقتحاما مماثلا يوم
# الاثنين الماضي".
_OTHER_ACT_AFTER = re.compile(r"\b(?:where|which|had|similar|another|earlier|previous)\b|الذي|التي|مماثل|سابق")


def wounds_death_day(text: str, reported: dates.ReportedDate) -> bool:
    """Whether the date the sentence states is the day someone died of wounds (`_DIED_OF_WOUNDS`):
    the date inside that phrase or just after it, and no other act told after it
    (`_OTHER_ACT_AFTER`), whose day a later date would be."""
    return not _OTHER_ACT_AFTER.search(text, reported.end) and any(
        m.start() < reported.start < m.end() + 30
        for m in _DIED_OF_WOUNDS.finditer(text, max(0, reported.start - 160), reported.end + 160))


def act_date(text: str, published: dt.date | None, trigger_start: int) -> tuple[dates.ReportedDate | None, bool]:
    """The date the sentence states for its act, and whether it is only the day its speaker
    spoke, a day of mourning (`mourning_day`) or the day someone died of wounds: "the
    governor said on Tuesday that shelling on Sunday killed two" dates the shelling to Sunday.
    A dateline's date ("BAMAKO, Feb 27 (AFP) - …") is the day the story was filed: the act's
    is the one the story states, if any."""
    reported = _after_dateline(text, published)
    if reported is not None and dates.a_toll_s_day(text, reported):
        return reported, True  # like a speaker's day: the act was that day or before
    if reported is None or not (speech_day(text, reported, trigger_start)
                                or mourning_day(text, reported, trigger_start)
                                or wounds_death_day(text, reported)):
        return reported, False
    later = dates.resolve(text[reported.end:], published)
    # ("اليوم الأربعاء", "today, Wednesday": one day named twice is no later date)
    end = reported.end
    while later is not None and later.date == reported.date and not text[end:end + later.start].strip(" ,،"):
        end += later.end
        later = dates.resolve(text[end:], published)
    later = replace(later, start=later.start + end - reported.end, end=later.end + end - reported.end) \
        if later is not None else None
    # Not a day ahead of the speech nor one a measure names ("a curfew until Friday").
    if later is not None and later.date <= reported.date \
            and not _MEASURED.search(text, max(0, reported.end + later.start - 12), reported.end + later.start) \
            and not _NOT_AN_ACT.match(text, reported.end + later.end):
        return replace(later, start=later.start + reported.end, end=later.end + reported.end), False
    return reported, True


_AGENCY_DASH = re.compile(AGENCY_DASH)


def _after_dateline(text: str, published: dt.date | None) -> dates.ReportedDate | None:
    """The first date `text` states; when that is a dateline's, the date the story then states
    ("GOMA, Feb 27 (Reuters) - … on Sunday", "… last month"), unless it is to come ("ahead of
    elections scheduled for April 20")."""
    first = dates.resolve(text, published)
    skip = dateline_end(text)
    # (a date an agency and a dash follow is a dateline's wherever it stands: "… two gendarmes
    # killed AIB Dori Monday 11 March 2024 (AIB)-Gunmen attacked …", a scraped first line)
    glued = _AGENCY_DASH.match(text, first.end) if first is not None and not skip else None
    if glued is not None:
        skip = glued.end()
    if first is None or not skip or first.start >= skip or first.precision != dates.DAY:
        return first
    later = dates.resolve(text[skip:], published)
    # (not a date of what the act came after: "Kaya, 14 June – Gunmen killed 11 civilians in
    # Dablo, a week after the 11 June massacre in Seytenga")
    if later is not None and later.date <= first.date \
            and not _CAME_AFTER.search(text, skip, skip + later.start):
        return replace(later, start=later.start + skip, end=later.end + skip)
    return first


_CAME_AFTER = re.compile(r"\b(?:hours?|days?|weeks?|months?)\s+(?:after|since)\b|\b(?:since|following)\b", re.I)


# "Zelensky visited Kharkiv on Tuesday, two days after a Russian strike killed seven": an act
# told by its distance from the sentence's day happened that many days before it.
_FRAME_BEFORE = re.compile(dates.COUNTED_DAYS + r"\s+(?:after|since)\s+(?:[^\s.,;!?]+\s+){0,7}?$", re.I)
_CLAUSE_END_OR_TEXT = re.compile(r"[,;:.]\s|$")
# "…, about 35 km from Maiduguri, on Thursday": an aside of place (not "…, killing 12 people,
# rescuers pulled two more bodies on Friday", the sentence's own clause).
_PLACE_ASIDE = re.compile(r"\s*(?:(?:on|early|late)?\s*$|about|some|around|roughly|nearly|near|in|at|outside|inside|"
                          r"close|north|south|east|west|the\s+(?:capital|main|provincial|regional|district|largest|"
                          r"second)|\d)", re.I)
_ANOTHER_CLAUSE = re.compile(r"[;:]|\.\s|\b(?:and|but|while|whereas|as|when|before|then|which|who|said|says|told)\b",
                             re.I)


def _measured_back(text: str, reported: dates.ReportedDate | None, trigger_start: int,
                   spoken: bool = False) -> dates.ReportedDate | None:
    """The date of an act told inside "N days after …": the sentence's day less N days (a
    week's precision for weeks). A date inside that clause is the act's own, also after
    asides of place ("two days after a bomber blew herself up at a mosque in Konduga, about
    35 km from Maiduguri, on Thursday"), but not a speaker's day nor one of another clause."""
    frame = _FRAME_BEFORE.search(text, max(0, trigger_start - 90), trigger_start)
    if frame is None or reported is None or reported.precision != 1:
        return reported
    clause_end = _CLAUSE_END_OR_TEXT.search(text, trigger_start)
    if frame.start() <= reported.start < (clause_end.start() if clause_end else len(text)):
        return reported
    if reported.start > trigger_start and not spoken \
            and not _ANOTHER_CLAUSE.search(text, trigger_start, reported.start) \
            and all(_PLACE_ASIDE.match(part) for part in text[trigger_start:reported.start].split(",")[1:]):
        return reported
    n, weeks = dates.counted(frame)
    return replace(reported, date=reported.date - dt.timedelta(days=7 * n if weeks else n),
                   precision=2 if weeks else 1)


_MEASURED = re.compile(r"\b(?:until|till|by|next|ahead of)\s+(?:\w+\s+)?$", re.I)
_NOT_AN_ACT = re.compile(r"['’]s\s+(?:\w+\s+)?(?:vote|election|polls?|talks|deadline|summit|meeting|visit|match|"
                         r"game)\b", re.I)


# "in the town", "near the camp", "on the outskirts of the city": the sentence places its event
# at the place the story has named, by a word that points back to it.
_THE_PLACE = re.compile(r"\b(?:in|at|near|inside|outside|into|around|on|across|of)\s+(?:the|that)\s+(?:same\s+)?"
                        r"(?:town|village|city|camp|district|neighbo(?:u)?rhood|outskirts|suburb|market|hospital|"
                        r"school|mosque|base|airport|checkpoint|crossing|prison|port|valley)\b|"
                        # Arabic: "في البلدة"، "في المدينة نفسها"، "داخل المخيم"؛ the scene ("موقع
                        # الحادث"، "مكان الهجوم") and "the same X" as a subject ("وكانت الناحية
                        # ذاتها قد شهدت …")
                        r"(?:في|داخل|قرب|عند)\s+(?:ال)(?:بلد[ةه]|مدين[ةه]|قري[ةه]|مخيم|حي|سوق|مستشفى|حاجز)|"
                        # (a roundabout of the story's town: "أعدم شاباً في دوار النعيم")
                        r"(?:في|عند|قرب)\s+دوار\s|"
                        r"(?:موقع|مكان)\s+(?:الحادث|الهجوم|الانفجار|التفجير|الاستهداف)|"
                        r"(?:ال)(?:بلد[ةه]|مدين[ةه]|قري[ةه]|ناحي[ةه]|منطق[ةه]|مخيم|حي)\s+(?:ذاتها|ذاته|نفسها|نفسه)",
                        re.I)
_RELATIVE = re.compile(r"\b(?:who|which|that|whom)\s+$", re.I)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+|already\s+|previously\s+)?(?:\w+(?:ed|en|ung|ought|ook|ew|ade)|come|"
                           r"become|begun|run|done|held|left|met|hit|struck|fought|won|lost|sent|put|set|shot|"
                           r"led|fled|spent|built|laid|kept|cut)\b", re.I)


# Speech told in the past shifts what it reports into the past perfect ("the army said the
# villages had been recaptured", "the villages had been recaptured, the army said"): that is
# the news as the speaker told it, not background. A span of time ("for weeks", "since May",
# "before") or a repeat ("again", "twice") keeps it background.
_SPEECH_BEFORE = re.compile(r"\b(?:said|announced|reported|stated|confirmed|added|claimed|told\s+(?:\w+\s+){1,3}?)"
                            r"(?:\s+(?:on|late|early)\s+\w+)?\s+(?:that\s+)?(?![^,;:]*\b(?:said|says)\b)[^;:]{0,140}$",
                            re.I)
_SPEECH_AFTER = re.compile(r"^[^;:]{0,140},\s+(?:[\w'’-]+\s+){1,6}?(?:said|announced|reported|stated|confirmed|"
                           r"added|claimed)\b", re.I)
_COURT_SPEAKER = re.compile(r"\b(?:prosecutors?|the\s+prosecution|the\s+indictment|the\s+charge\s+sheet|"
                            r"the\s+judges?|the\s+(?:court|tribunal)|the\s+verdict)\s+(?:\w+\s+){0,2}?"
                            r"(?:said|says|told|alleged|argued|found|heard|ruled)\b", re.I)
_SPAN_OR_REPEAT = re.compile(r"\b(?:for|since|until|before|earlier|previously|already|again|twice|once|times|"
                             r"months?|years?|weeks?|during|(?:19|20)\d\d|January|February|March|April|May|June|July|"
                             r"August|September|October|November|December)\b", re.I)
# Before the perfect: history ("Before the ceasefire, …", "during the 2016
# offensive"), or a speaker's belief or charge rather than a report ("Russia said it believes
# gas had leaked").
_BACKGROUND_LEFT = re.compile(r"\b(?:before|during|earlier|previously|already|(?:19|20)\d\d|believ\w*|thinks?|"
                              r"thought|suspect\w*|alleg\w*|accus\w*|claim\w*)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:]|\band\s+(?:was|were|is|are|has|have|had|then)\b|\b(?:but|before|after|when|while)\b",
                         re.I)


def _news_in_the_perfect(text: str, perfect: re.Match[str], published: dt.date | None) -> bool:
    """Whether a past perfect near the event's word still tells the news: its clause dates it
    to a day ("the town had been retaken on Sunday"), or a speaker's words, told in the past,
    put it there (see `_SPEECH_BEFORE`)."""
    rest = text[perfect.end():]
    end = _CLAUSE_END.search(rest)
    clause = rest[:end.start()] if end else rest
    left = text[max(0, perfect.start() - 80):perfect.start()]
    if _SPAN_OR_REPEAT.search(perfect.group()) or _SPAN_OR_REPEAT.search(clause) or _BACKGROUND_LEFT.search(left):
        return False
    own = dates.resolve(perfect.group() + clause, published)
    if own is not None and own.precision == 1:
        return True
    # What prosecutors or a court say a defendant had done is the case, told at a trial.
    if _COURT_SPEAKER.search(text, 0, perfect.start()):
        return False
    return bool(_SPEECH_BEFORE.search(text[:perfect.start()]) or _SPEECH_AFTER.match(rest))


@dataclass(frozen=True)
class Mention:
    """One sentence's account of an event at one place.

    event: the event as this sentence alone tells it (`event_id` is set by `assemble`).
    place: the place the event was put at (its fields are copied into `event`).
    sentence, paragraph: where the sentence is in the article.
    consequence: the sentence tells only deaths or injuries, not what caused them.
    place_stated: the sentence names the place itself (not carried from another sentence).
    date_stated: the sentence states its date itself (not carried over from the sentences
        before it or the story, nor assumed from the publication date).
    vague_toll: the sentence's toll is only words like "dozens" or "several" (ACLED's
        conventional values), or only the attackers' own deaths ("a suicide bomber blew
        himself up at the roundabout"), which a toll stated for the same event replaces.
    """

    event: Event
    place: Place
    sentence: int
    paragraph: int
    consequence: bool
    place_stated: bool
    date_stated: bool
    vague_toll: bool = False
    day_named: bool = False  # the sentence names the day itself (resolved or not)
    follow_up: bool = False  # a sentence that only goes on about the event before it
    another: str | None = None  # the sentence marks another incident (`another_incident`)
    refers_back: bool = False  # it names its event as one already told (`refers_back`)
    # It names a place the gazetteer cannot locate, or points back to one ("in the town"),
    # which the event takes from the sentences before it.
    points_to_place: bool = False
    listed: bool = False  # its place is a member of a list its sentence names (`places.enumerated`)
    spoken: bool = False  # its only date is the day its speaker spoke (`speech_day`)
    # Its place is the one its paragraph opened with ("In Surabaya, the mood was tenser."),
    # told as plainly as a place the sentence names.
    paragraph_place: bool = False


@dataclass(frozen=True)
class ArticleContext:
    """What every sentence of one article is read against."""

    article: Article
    published: dt.date | None
    country: Place | None  # the country most of the article's places are in
    actors: ActorKB
    reads_as_event: Callable[[int], bool]  # whether a sentence, read in context, survives the vetoes
    air_story: bool = False  # the headline or opening sentences tell an air or drone strike


def sentence_mentions(ctx: ArticleContext, index: int, sent: Sentence, before: list[Sentence],
                      sources: tuple[str, ...], story_date: tuple[str, int] | None, *,
                      counts: bool = False) -> list[Mention]:
    """The mentions of one sentence: none, or one per place where its event happened.
    `counts`: the sentence counts places (a census: "posts in 125 locations", see `claims`)."""
    cls = _classify_outside_names(sent.text, ctx.actors)
    if cls is None and ctx.air_story:
        cls = _bare_strikes(sent.text)
    if cls is None:
        return []
    parts = two_acts(sent)
    if parts is not None:
        # Two acts of different kinds in two clauses: each its own event at its own places.
        return [m for part in parts
                for m in _mentions(ctx, index, part.sentence, before, sources, story_date,
                                   _in_air_story(ctx, part.act, part.sentence.text), counts=counts,
                                   whole=sent, offset=part.offset)]
    cls = placed_act(sent, cls)
    return _mentions(ctx, index, sent, before, sources, story_date, _in_air_story(ctx, cls, sent.text),
                     counts=counts)


# "Strikes are also being reported near Amuda", "New strikes hit Saraqib at dawn": in a story
# of air strikes, bare "strikes" that hit or are reported are more of them (not a labour
# strike: "on strike", "strike action", "teachers' strikes").
_BARE_STRIKES = re.compile(r"(?<!\bon\s)(?<!\bhunger\s)(?<!\bgeneral\s)(?<!\bunion\s)(?<!\bworkers'\s)"
                           r"(?<!\bnationwide\s)(?<!\brolling\s)(?<!\blabour\s)(?<!\blabor\s)(?<!\bnational\s)"
                           r"\b(?P<t>[Ss]trikes|(?:[Aa]|[Tt]he|[Aa]nother|[Aa] new|[Aa] fresh) strike)\b"
                           r"(?!\s+(?:action|by)\b)"
                           r"(?=(?:\s+\w+){0,4}?\s+(?:hit|hits|struck|killed|kill|targeted|destroyed|damaged|"
                           r"landed|(?:are|were|was|is)\s+(?:also\s+)?(?:being\s+)?reported))")


def _bare_strikes(text: str) -> Classification | None:
    """Air strikes named by "strikes" alone, in a story of air strikes (see `_BARE_STRIKES`)."""
    m = _BARE_STRIKES.search(text)
    if m is None:
        return None
    return Classification("Explosions/Remote violence", "Air/drone strike", 0.5, m.start("t"), m.end("t"),
                          m.group("t"))


def _in_air_story(ctx: ArticleContext, cls: Classification, text: str) -> Classification:
    """"bombing that destroyed two homes", "the deaths occurred during overnight raids" in a
    story of air strikes are the aircraft's."""
    if ctx.air_story and _aerial(cls, text):
        return replace(cls, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    return cls


_WEAK_SCORE = 0.6  # `Classification.score` of a trigger word that alone names no means ("killed")
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# A bombing named by no means of its own (not a car bomb, an IED, a mine, a suicide bomber).
_EXPLOSIVE = "Remote explosive/landmine/IED"
_BARE_BOMBING = re.compile(r"bomb(?:ed|ing|ings)|bombs(?:\s+(?:\w+\s+){0,2}?(?:killed|killing|kills|wounded|wounding|"
                           r"injured|injuring))?|bombard\w*", re.I)
# ... and one the sentence puts on the ground: planted, claimed, gone off.
_ON_THE_GROUND = re.compile(r"\b(?:planted|hidden|parked|went off|gone off|detonat\w*|claim\w*|roadside|suicide|"
                            r"IEDs?|explosive devices?|car|motorcycle|militants|gunmen|rebels|insurgents)\b", re.I)


# Raids made on foot: by men on the ground named before them ("Israeli forces carried out
# raids", "insurgents raided two villages"), or told as made on foot ("raids on homes", "a
# raid and arrest operation", "raids across the border"). Not men named after them: "raids
# killed 35 militants" are the aircraft's.
_GROUND_DOER = re.compile(r"\b(?:troops|soldiers|police|policemen|commandos|forces|insurgents|gunmen|bandits|"
                          r"militants|fighters|rebels|jihadists|militias?|militiamen|groups|units)\b[^,;.]{0,50}$",
                          re.I)
_GROUND_RAID = re.compile(r"\b(?:ground|house|houses|homes|door|doors|arrest\w*|detain\w*|stormed|storming|"
                          r"checkpoints?|cross-border|across the border|sabotage)\b", re.I)


def _aerial(cls: Classification, text: str) -> bool:
    """Whether a sentence of an air-strike story tells the aircraft's act by a word that
    alone does not say so: a bare "bombing" not on the ground, or "raids" not on foot."""
    trigger = cls.trigger or ""
    if cls.sub_event_type == _EXPLOSIVE and _BARE_BOMBING.fullmatch(trigger):
        return not _ON_THE_GROUND.search(text)
    if cls.sub_event_type == "Armed clash" and re.fullmatch(r"raids?", trigger, re.I):
        return not _GROUND_RAID.search(text) and not _GROUND_DOER.search(text, 0, cls.trigger_start)
    # "Nine more were killed when strikes targeted boats", "strikes hit a market, killing six": a
    # killing told by a weak word, or an attack whose doers are bare strikes that hit.
    if cls.sub_event_type in ("Attack", "Armed clash"):
        bare = _BARE_STRIKES.search(text)
        return bare is not None and (cls.score < _WEAK_SCORE or bare.start() < cls.trigger_start) \
            and not _GROUND_DOER.search(text, 0, cls.trigger_start)
    return False


def _classify_outside_names(text: str, actors: ActorKB) -> Classification | None:
    """The sentence's event type, where a capture is not read from a group's name: the
    "liberation" of هيئة تحرير الشام or of a "National Liberation Front" names a group, not a
    capture. (Only captures: "Air Force" or "artillery" in a name is the means, too.)"""
    cls = classify(text)
    while cls is not None and cls.sub_event_type in _TERRITORY:
        inside = next((m for m in actors.find(text) if m.start <= cls.trigger_start and cls.trigger_end <= m.end
                       and len(m.text.split()) > 1), None)
        if inside is None:
            return cls
        text = text[:inside.start] + " " * (inside.end - inside.start) + text[inside.end:]
        cls = classify(text)
    return cls


# "The strikes hit the town of Douma", "The blast struck near the market": a sentence that
# goes on about the event just told, by a noun that alone names no event type.
_ANAPHORA = re.compile(r"^(?:the|this|that|these|those|both|all)\s+(?:\w+\s+){0,2}?(?:air\s?strikes?|strikes?|"
                       r"raids?|attacks?|blasts?|explosions?|bombings?|bombs?|shelling|shells|clashes|fighting|"
                       r"assault|offensive|ambush|massacre)\b", re.I)


def follow_up(ctx: ArticleContext, index: int, sent: Sentence, before: list[Sentence],
              sources: tuple[str, ...], last: Mention) -> list[Mention]:
    """A sentence that tells more of the event of `last` ("The strikes hit the market of
    Atarib") without a word of its own that types it: a mention of that event's kind, so
    its place and date join the event. Never an event of its own (see `assemble`)."""
    if not _ANAPHORA.match(sent.text) or classify(sent.text) is not None:
        return []
    e = last.event
    kind = Classification(e.event_type, e.sub_event_type, 0.0, 0, 0, "")
    told = _mentions(ctx, index, sent, before, sources, None, kind, counts=False)
    return [replace(m, event=replace(m.event, modality=e.modality), consequence=True, follow_up=True)
            for m in told if m.place_stated]


def _mentions(ctx: ArticleContext, index: int, sent: Sentence, before: list[Sentence], sources: tuple[str, ...],
              story_date: tuple[str, int] | None, cls: Classification, *, counts: bool,
              whole: Sentence | None = None, offset: int = 0) -> list[Mention]:
    """`sent` may be a clause of the sentence `whole`, starting at `offset` in it: the date is
    then read from the whole sentence ("On Tuesday jets struck X, while rebels shelled Y")."""
    # A census ("the IRGC is deployed in 125 locations … Daraa, 37 posts") is claims, never
    # events: a deployment counted is a state of affairs, not something that happened.
    # Setting up new bases is an event, counted or not ("set up two new bases").
    if counts and cls.event_type == "Strategic developments" \
            and cls.sub_event_type != "Headquarters or base established":
        return []
    # The sentence read with its neighbours must read as an event too: "explosions tore
    # through an industrial area" is an accident when the next sentence says the plant
    # stored chemicals.
    # Air strikes and shelling that start fires are still air strikes and shelling.
    if cls.sub_event_type not in MILITARY_MEANS and not ctx.reads_as_event(index):
        return []
    if not_an_event(sent.text, cls.event_type, cls.trigger_start, cls.sub_event_type) \
            or index > 0 and in_linked_headline(sent.text, cls.trigger_start) or _a_speakers_words(sent, cls):
        return []
    mode = modality(sent.text, cls.trigger_start, cls.trigger_end) if cls.trigger else "occurred"
    published = ctx.published
    dated, at = (whole.text, offset + cls.trigger_start) if whole is not None else (sent.text, cls.trigger_start)
    reported, spoken = act_date(dated, published, at)
    reported = _measured_back(dated, reported, at, spoken)
    own_date = reported is not None and not spoken
    base = _paragraph_date(sent, before, published) if reported is None else None
    if reported is not None and _DAY_BEFORE.fullmatch(dated, reported.start, reported.end):
        # "On Tuesday, hundreds rallied … The day before, security forces detained four
        # organisers": the day before the day the paragraph told, not before the story's.
        told = _paragraph_date(sent, before, published)
        if told is not None and told.precision == dates.DAY:
            reported = dates.ReportedDate(told.date - dt.timedelta(days=1), dates.DAY, reported.start, reported.end)
    later = _DAYS_LATER.search(dated) if reported is None else None
    # The day the story told last (its paragraph's, else the story's), when that is a day.
    day = base.date if base is not None and base.precision == dates.DAY else \
        dt.date.fromisoformat(story_date[0]) if story_date is not None and story_date[1] == dates.DAY else None
    if later is not None:
        # "The day after the attack, soldiers killed 20 villagers": days counted from that day.
        n = 1 if later["n"] is None else dates.counted(later)[0]
        # (never after the story: a base that was the day someone spoke is no act's)
        if day is not None and (published is None or day + dt.timedelta(days=n) <= published):
            reported = dates.ReportedDate(day + dt.timedelta(days=n), dates.DAY, later.start(), later.end())
            own_date = True
    elif reported is None and (frame := _FRAME_BEFORE.search(dated, max(0, at - 90), at)) is not None:
        # "The attack on Gamboula comes two weeks after a MINUSCA vehicle struck an explosive
        # device": the act told inside "N weeks after …", undated, is that long before the day
        # the story told last (a week's precision for weeks).
        if day is not None:
            n, weeks = dates.counted(frame)
            reported = dates.ReportedDate(day - dt.timedelta(days=7 * n if weeks else n),
                                          dates.WEEK if weeks else dates.DAY, frame.start(), frame.end())
    if reported is None:
        reported = base
    if dates.is_background(dated, published, reported):
        return []
    # The past perfect tells what came before the news ("Moscow had announced on Tuesday
    # that …", "the town had been shelled for weeks"): background to the story.
    # So is a trigger the past perfect follows: "the truce had come into force".
    # Not in a relative clause: "civilians who had fled the city were hit by shelling".
    right_after = sent.text[cls.trigger_end:cls.trigger_end + 1].isspace()
    perfect = _PAST_PERFECT.search(sent.text, max(0, cls.trigger_start - 40), cls.trigger_end + 1) or \
        (_PAST_PERFECT.match(sent.text, cls.trigger_end + 1) if right_after else None)
    if perfect and not _RELATIVE.search(sent.text, max(0, perfect.start() - 12), perfect.start()) \
            and not _news_in_the_perfect(sent.text, perfect, published):
        return []
    if reported is not None:
        event_date, precision = reported.date.isoformat(), reported.precision
    elif story_date is not None:
        # Undated here, but the story already said which day it is telling.
        event_date, precision = story_date
    elif published is not None:
        # Undated in the text: reported as news, so within the week before publication.
        event_date, precision = published.isoformat(), 2
    else:
        event_date, precision = None, None
    places = event_places(sent, before, ctx.country, cls.trigger_start)
    other_parts = _OTHER_PARTS.search(sent.text)
    if other_parts and not _ONE_OF_THEM.search(sent.text, 0, other_parts.start()) \
            and not any(not loc.note for loc in places):
        return []
    country = places[0].place.country if places else ctx.country.country if ctx.country else None
    roles = actor_roles.assign(sent.text, cls, ctx.actors, country=country, date=event_date)
    # A toll told inside "hours after Israeli strikes killed 20 in Rafah" is that incident's,
    # not the act's the sentence tells outside it.
    toll_text = sent.text
    for a, b in recalled_frames(sent.text):
        if not a <= cls.trigger_start < b:
            toll_text = toll_text[:a] + " " * (b - a) + toll_text[b:]
    killed = fatalities(toll_text)
    vague = killed is not None and all(
        any(w in m.text.lower() for w in VAGUE) and not re.search(r"\d", m.text) or m.kind == PERPETRATOR
        for m in fatality_mentions(sent.text))
    article = ctx.article
    evidence = (Evidence(article.article_id, sent.start, sent.end, sent.text),)
    # "Fifteen militants were shot dead in the fighting" is a toll; "gunmen shot dead a former
    # commander" tells its own act.
    shot_dead_toll = cls.trigger.lower() == "shot dead" and _PASSIVE_BEFORE.search(sent.text[:cls.trigger_start])
    # (A trigger that reaches the act is no toll alone: "killed on Sunday when troops repelled …".)
    consequence = bool(_tells_a_toll(cls.trigger) and not _WHEN.search(cls.trigger) or shot_dead_toll) \
        and cls.sub_event_type not in MILITARY_MEANS
    # What the sentence says of itself, the same for each of its places.
    another, told_before = another_incident(sent.text), refers_back(sent.text, cls)
    points_back = bool(_THE_PLACE.search(sent.text)) or any(
        loc.place.country is None and loc.place.name for loc in sent.places)
    out = []
    members = enumerated(sent, places)
    for i, loc in enumerate(places):
        p = loc.place
        # The sentence's toll goes to its first place, so a total is never counted twice.
        toll = killed if loc is places[0] else (0 if killed == 0 else None)
        reports = (FatalityReport(toll, sources[0] if sources else None, article.article_id),) \
            if toll is not None else ()
        event = Event(
            event_id="", event_type=cls.event_type, sub_event_type=cls.sub_event_type,
            event_date=event_date, time_precision=precision,
            actor1=roles.actor1, assoc_actor_1=roles.assoc1, inter1=roles.inter1,
            actor2=roles.actor2, assoc_actor_2=roles.assoc2, inter2=roles.inter2,
            country=p.country, admin1=p.admin1, admin2=p.admin2, location=p.name if p.name else None,
            latitude=p.latitude, longitude=p.longitude, geo_precision=p.geo_precision,
            geonameid=p.geonameid, fatalities=toll, fatality_reports=reports,
            sources=sources, article_ids=(article.article_id,), evidence=evidence, modality=mode,
            # ACLED's notes summarise the event: here, the sentence it was coded from,
            # and how the place was chosen when the sentence does not name one.
            notes=sent.text[:300] + (f" [{loc.note}]" if loc.note else ""),
            outlets=(article.outlet,) if article.outlet else (),
        )
        out.append(Mention(event, p, index, sent.paragraph, consequence,
                           place_stated=not loc.note,
                           date_stated=own_date, vague_toll=vague, spoken=spoken,
                           day_named=(own_date and precision == 1) or dates.names_a_day(sent.text),
                           another=another, refers_back=told_before, points_to_place=points_back,
                           listed=i in members, paragraph_place=loc.note == PARAGRAPH_OPENER))
    return out


def carry_actor(told: list[Mention], earlier: list[Mention]) -> list[Mention]:
    """A development told without its doer ("the flags are being removed from Palmyra") is
    done by whoever the article last said does it ("pro-Iran militias have started removing
    the flags"): the latest earlier mention of the same sub-event type lends its actors.
    Only strategic developments: a violent event without a named attacker is ACLED's
    "unidentified" actor, never a guess."""
    out = []
    for m in told:
        e = m.event
        if e.event_type == "Strategic developments" and e.actor1 is None:
            donor = next((d.event for d in reversed(earlier)
                          if d.event.sub_event_type == e.sub_event_type and d.event.actor1), None)
            if donor is not None:
                m = replace(m, event=replace(e, actor1=donor.actor1, assoc_actor_1=donor.assoc_actor_1,
                                             inter1=donor.inter1))
        out.append(m)
    return out

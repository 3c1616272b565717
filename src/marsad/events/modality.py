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

Arabic sentences take the same rules with Arabic cues (`_LEFT_CUES_AR`), matched on the
sentence folded and without diacritics (`classify.arabic_view`), proclitics allowed:
مخاوف من / يخشى / تحسبا / لمنع → feared; هدد / تهدد / توعد → threatened; تعتزم / تخطط /
تستعد / دعت إلى / المقرر, and the future prefix س on the trigger or the word before it
("ستشن هجوما"), or سوف → planned; يأمل / على أمل → hoped; نفى / نفت / كذّب (far), لم / لن /
لا / عدم (right before) → denied; قد before a verb in the present ("قد تشن", never "لقد" nor
قد before a past verb: "قد قصفت" is emphasis), ربما / يرجح / من المحتمل → possible. A
cue's scope ends at a new clause: بينما / فيما / لكن / بعد ... or a comma before و / ف ("نفى
الجيش الاتهامات، وقصفت مدفعيته البلدة": the shelling occurred).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..arabic.text import CLITIC, fold
from .classify import arabic_view, is_arabic_text

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
    # "a deal is being negotiated for a truce in Waer", "talks aimed at reaching a ceasefire":
    # the deal is still to be made. So is what an act aims at: "the operation was aimed at the
    # recapture of Moadamiyeh", "an offensive aiming to retake the town".
    (PLANNED, r"(?:being|still being|to be) (?:negotiated|discussed|drafted|worked out|brokered)(?: (?:for|on))?|"
     r"aimed at (?:reaching|securing|agreeing|brokering)", 3),
    # (right after the cue only: "shells aimed at army positions hit a school" did hit it)
    (PLANNED, r"aim(?:s|ed|ing)? (?:at|to)(?: (?:the|a|an))?", 0),
    (PLANNED, r"plan(?:s|ned|ning)? to|(?:is|are|was|were) set to|prepar(?:e|es|ed|ing) (?:to|for)|"
     r"intend(?:s|ed|ing)? to", 6),
    # "the campaign plans a final offensive in Maricopa": a plan's object is to come (not
    # "planned", which can tell what was then done: "the cell that planned the attack").
    # (a verb only: "plans a", "is planning a"; not the noun "the peace plan", nor a
    # participle that names someone by what he planned: "a man planning an attack was shot")
    # ("had been planning attacks on checkpoints": a bare plural too)
    (PLANNED, r"(?:plans|(?:is|are|was|were|been)\s+planning)(?:\s+(?:a|an|the|its|their|his|her|another|new|fresh|"
     r"further))?", 1),
    # "expected more than 50,000 people at the rally": a crowd foreseen
    (PLANNED, r"(?<!as )(?<!than )expect(?:s|ed|ing)?(?: (?:some|about|around|up to|more than|at least|over|nearly|"
     r"\d[\d,]*|thousands|hundreds|tens of thousands|people|supporters|protesters|crowds?|of))+ (?:at|to)", 3),
    (PLANNED, r"(?:is|are|was|were) (?:due|scheduled|expected|going|about) to|(?:is|are|was|were) to|"
     r"plotting to|in preparation (?:for|of)|scheduled|upcoming|"
     # (not a plan carried out: "the men who planned and carried out the bombing")
     r"planned(?! and (?:then )?(?:carried out|executed|staged|mounted|conducted|launched|led))|"
     r"(?:called|calls|calling) for", 5),
    # "Opposition leaders have called a rally in Caracas on Saturday": a protest called is to come.
    # (right before the act's word: "called a nationwide strike"; not "called an emergency
    # meeting after the shelling")
    # (the perfect or the present only: "called a strike on Monday and stayed off the job" was
    # done, and "what they called a protest", "the so-called national march" name one)
    (PLANNED, r"(?:(?:have|has)\s+(?:\w+\s+)?called|(?:is|are)\s+calling|calls)\s+(?:a|an|another|new|fresh|nationwide|"
     r"national)", 1),
    (PLANNED, r"will|shall|would|'ll|(?:is|are|was|were) going to", 3),
    # The future verb governs its whole object ("will conduct amphibious assaults, river
    # crossings and air strikes"): the cue runs on over it, up to a word that opens another
    # clause ("will launch operations in Borno, where militants killed 11 soldiers" tells a killing).
    (PLANNED, r"(?:will|shall|'ll)\s+(?:\w+\s+)?(?:conduct|carry out|launch|stage|hold|mount|begin|start|"
     r"undertake|resume|step up|intensify|continue)(?:\s+(?!(?:where|as|when|while|which|who|whose|because|after|"
     r"before|since|until|then|but)\b)[^\s.;:,]+,?){0,10}", 1),
    # An order is for an act to come: "ordered security chiefs on Tuesday to eliminate bandits".
    (PLANNED, r"(?:ordered|orders|instructed|directed|commanded)\s+(?:[\w'’-]+\s+){0,5}?to", 2),
    # A day to come, told with the future, before the act: "will walk off the job next
    # Wednesday and march" (not "with elections due next Sunday, gunmen shot dead …").
    (PLANNED, r"(?:will|shall|'ll)\s+(?:[\w'’-]+\s+){0,6}?(?:(?<!the )next (?:week|month|weekend|monday|tuesday|"
     r"wednesday|thursday|friday|saturday|sunday)|tomorrow|later this (?:week|month))", 3),
    # "it was unclear whether he was an accomplice or a hostage": the whole question is open.
    (POSSIBLE, r"(?:unclear|not clear|not known|uncertain) (?:whether|if)", 8),
    # "If Riyadh answers it with more arrests, al-Mahra could become the next front": an act in
    # the clause a sentence opens with "if" is a condition, however far from the "if".
    (POSSIBLE, r"\A\W*(?:but\s+|and\s+|even\s+)?if(?=[^,;:]*\Z)", 40),
    # (lower case, or before "have"/"be": "On May 17, fighters burned the market" names the month)
    (POSSIBLE, r"(?:(?-i:may)|(?-i:May)(?= (?:have|be)\b))(?! \d)(?: have)?|might(?: have)?|could(?: have)?|"
     r"possibl[ey]|"
     r"(?:maybe|perhaps)(?!\s+(?:\d|(?:as many|as much|more than|some|about|over|up to|around|nearly)\b))|unconfirmed|"
     r"unverified|"
     r"whether|if(?!\s+anything\b)|in case of|rumou?r(?:s|ed)? (?:of|that)", 4),
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
    # ("a rally planned there on Saturday"; not one that "went ahead as planned", nor "a protest
    # planned for Friday went ahead", nor "dispersed a march planned in the centre")
    (PLANNED, r"(?<!as )(?:(?:(?:is|are|was|were) )?(?:planned|scheduled) (?:for|there|on|next)|"
     r"(?:is|are|was|were) (?:planned|scheduled) (?:in|at))"
     r"(?![^.;]*\b(?:went ahead|took place|was held|were held|went off|got under way|drew)\b)|"
     r"(?:is|are|was|were) (?:due|expected) (?:for|to|on|next)|"
     r"(?:is|are) being (?:planned|organi[sz]ed|prepared)|"
     r"next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|"
     r"(?:will|would|shall) (?:still )?(?:go ahead|take place|be held|proceed|begin|start|resume)", 4),
    # Forces to be sent: "troop reinforcements would be sent to the region", "more police will
    # be deployed".
    (PLANNED, r"(?:will|would|shall|are to|is to) (?:soon |also |then |now )?be (?:sent|deployed|dispatched|"
     r"moved|rushed|redeployed|stationed|posted|flown|brought)(?! to (?:book|justice|trial|court|account))", 2),
    # A deal still being made: "a truce for the town of Zabadani is being negotiated".
    # Within the trigger's own phrase: not "signed a truce, whose monitoring mechanism is still
    # being worked out".
    (PLANNED, r"^(?:(?!,|\bwhose\b|\bwhich\b|\bthat\b)[^.;])*?\b(?:is|are|was|were) (?:still )?(?:being|under) "
     r"(?:negotiat(?:ed|ion)|discuss(?:ed|ion)|drafted|worked out)", 0),
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
    (see the module docstring for the cues and the choices made). Arabic sentences too.
    """
    if not 0 <= trigger_start <= trigger_end <= len(sentence):
        raise ValueError(f"trigger span {trigger_start}:{trigger_end} outside the sentence")
    if is_arabic_text(sentence):
        return _modality_ar(sentence, trigger_start, trigger_end)
    left_start, right_end = _clause(sentence, trigger_start, trigger_end, _BOUNDARY)
    left = sentence[left_start:trigger_start]
    right = sentence[trigger_end:right_end]
    found = [
        *_cues_before(left, _COMPILED_LEFT, words=_words_between,
                      broken=lambda i: _CLAUSE_BREAK.search(left[i:]) is not None),
        *_cues_after(right, _COMPILED_RIGHT, words=_words_between),
    ]
    # "Students have announced a large gathering in Nis on Saturday", "are preparing a march
    # to Belgrade": a protest announced or prepared is to come (not "announced the arrest").
    # (Not one a verb of its clause then tells of: "organisers announced the rally was over",
    # "announced the protests in Karachi and Lahore drew thousands".)
    if _A_GATHERING.fullmatch(sentence, trigger_start, trigger_end) and _ANNOUNCED.search(left) \
            and not _TOLD_OF.match(sentence, trigger_end):
        found.append((0, PLANNED))
    return _nearest(found)


_A_GATHERING = re.compile(r"(?:gathering|march|rally|protest|demonstration|strike|sit-in|vigil|walkout|boycott)"
                          r"(?:e?s)?", re.I)
_TOLD_OF = re.compile(r"(?:\s+(?!that\b|which\b|who\b|will\b|would\b)[\w'’-]+(?:,)?){0,6}?\s+"
                      r"(?:had|has|have|was|were|is|are|ended|passed|went|turned|drew|attracted|took\s+place)\b",
                      re.I)
# ("has announced further marches in Graz and Linz"; not "announced protests … drew thousands",
# which reports them)
_ANNOUNCED = re.compile(r"\b(?:announc|prepar)(?:e|es|ed|ing)\s+"
                        r"(?:a|an|the|their|its|another|new|more|further|fresh)\s+"
                        r"(?:[\w-]+\s+){0,2}?$", re.I)


_Cues = tuple[tuple[str, re.Pattern[str], int], ...]


def _clause(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    """The trigger's own sentence: from the last boundary before it to the next after it."""
    left_start = 0
    for m in boundary.finditer(text, 0, start):
        left_start = m.end()
    nxt = boundary.search(text, end)
    return left_start, nxt.start() if nxt else len(text)


def _cues_before(left: str, cues: _Cues, *, words: Callable[[str], int],
                 broken: Callable[[int], bool]) -> Iterator[tuple[int, str]]:
    """(distance in words, modality) of each cue in `left` that reaches the trigger at its
    end, unless a clause break (`broken`, given where the cue ends) comes between."""
    for mod, rx, max_words in cues:
        for m in rx.finditer(left):
            if broken(m.end()):
                continue
            dist = words(left[m.end() :])
            if dist <= max_words:
                yield dist, mod


def _cues_after(right: str, cues: _Cues, *, words: Callable[[str], int]) -> Iterator[tuple[int, str]]:
    """(distance in words, modality) of each cue in `right` that reaches back to the trigger."""
    for mod, rx, max_words in cues:
        for m in rx.finditer(right):
            dist = words(right[: m.start()])
            if dist <= max_words:
                yield dist, mod


def _nearest(found: list[tuple[int, str]]) -> str:
    """The modality of the nearest cue (the first found of the nearest), else "occurred"."""
    return min(found, key=lambda f: f[0])[1] if found else OCCURRED


# --- Arabic -----------------------------------------------------------------------------

# (modality, cue regex over `arabic_view` text, most words between the cue and the trigger)
_LEFT_CUES_AR: tuple[tuple[str, str, int], ...] = (
    (FEARED, r"(?:مخاوف|تخوف\w*|خشيه|خوف|خوفا|قلق)\s+(?:من|ان|ازاء|حيال)", 8),
    (FEARED, r"[يت]?خشي|[يت]خشون|خشيت|خشوا|خشيه|خوفا|تخوفا", 6),
    (FEARED, r"تحسبا|تفاديا|تجنبا|منعا|لتجنب|لمنع|لتفادي|للحيلوله\s+دون|للوقايه\s+من|خشيه", 4),
    # (the one who warns may come between: "حذر النائب من إشكال مسلح")
    (FEARED, r"(?:حذر|حذرت|حذروا|[يت]حذر\w*|تحذير\w*)\s+(?:[^\s.،؛؟]+\s+){0,3}?(?:من|الي)|خطر|شبح", 5),
    (THREATENED, r"هدد\w*|[يت]هدد\w*|تهديد\w*|توعد\w*|[يت]توعد\w*|لوح\w*\s+ب|[يت]لوح\w*\s+ب", 6),
    (HOPED, r"[يتن]امل(?:ون|ين|ان)?|امل(?:ت|وا)|(?:علي|في)\s+امل|[يت]تمني\w*|تمني\w*|[يت]طمح\w*", 6),
    # "بتحسين الأوضاع ووقف حملات الاعتقال": an end to an act asked for, not the act.
    (HOPED, r"وقف|ايقاف|انهاء|الكف\s+عن", 1),
    # "يطالب المرصد السلطات بالكف عن استخدام الرصاص الحي في مواجهة المتظاهرين": a demand to stop
    (HOPED, r"[بل]?الكف\s+عن", 6),
    (PLANNED, r"[يتن]?عتزم\w*|اعتزم\w*|اعتزام|عازم\w*|[يتن]خطط\w*|خطط\w*\s+ل|خطه\s+ل|مخطط\w*\s+ل|"
     r"[يتن]نوي|ينوون|تنوي|نيه|[يتن]ستعد\w*|استعد\w*|استعداد\w*|[يت]تاهب\w*|تحضير\w*\s+ل|[يت]حضر\w*\s+ل|"
     r"[يت]جهز\w*\s+ل|تجهيز\w*\s+ل|مزمع\w*|(?:من\s+)?المقرر|(?:من\s+)?المتوقع|[يت]توقع\s+ان|مرتقب\w*", 6),
    (PLANNED, r"(?:دعا|دعت|دعوا|[يت]دعو|[يت]دعون|دعو(?:ه|ات))(?:\s+الي)?", 5),
    # A demand or an appeal is for what is to come: "يجدد مطالبته الجهات المعنية بتكثيف عمليات
    # إزالة الألغام" (the verb and its noun, never "طالب", a student).
    (PLANNED, r"طالبت|طالبوا|[يت]طالب(?:ون|ان)?|مطالب(?:ه|ته|تها|تهم)|ناشد\w*|[يت]ناشد\w*|مناشد\w*", 10),
    (PLANNED, r"سوف", 3),
    # "أعلنت لجان المقاومة تنظيم وقفات رمزية": a protest announced is to come (right before it)
    # (not a claim or a success: "أعلن الحراك مسؤوليته عن تنظيم الوقفة", "أنها نجحت في تنظيم")
    (PLANNED, r"(?:اعلن|اعلنت|اعلنوا|[يت]علن(?:ون)?|اعلان)\s+(?:(?!مسؤولي|نجح|نجاح|انه|انها|انهم)[^\s.،؛]+\s+){0,8}?"
     r"(?:عن\s+)?(?:تنظيم|اقامه|تسيير)", 1),
    (POSSIBLE, r"ربما|رجح\w*|[يت]رجح\w*|(?:من\s+)?المرجح|[يت]حتمل|(?:من\s+)?المحتمل|احتمال\w*|محتمل\w*|"
     r"غير\s+مؤكد\w*|لم\s+[يت]تسن\w*\s+(?:ال)?(?:تاكد|تحقق)", 5),
    (DENIED, r"نفي|نفت|نفوا|نفيا|[يت]نفي|[يت]نفون|كذب\w*|[يت]كذب\w*|"
     r"رفض\w*\s+(?:ال)?(?:انباء|تقارير|اتهامات|مزاعم|ادعاءات)", 10),
    (DENIED, r"(?:لم|لا)\s+(?:[يت]شهد|[يت]سجل|[يت]رد|[يت]قع|[يت]حدث|يوجد|توجد)|لا\s+صحه\s+ل?|ما\s+من|لا\s+اساس", 4),
    (DENIED, r"لم(?!\s+[يت](?:توقف|نقطع|هدا|كن))|لن|ليس|ليست|عدم|لا(?!\s+(?:[يت]زال|زال|زالت))", 2),
)
_RIGHT_CUES_AR: tuple[tuple[str, str, int], ...] = (
    (DENIED, r"(?:لم|لن)\s+(?:[يت]حدث|[يت]قع)|عار\w*\s+عن\s+الصحه|غير\s+صحيح\w*|لا\s+اساس\s+لها|مفبرك\w*", 4),
    (PLANNED, r"مرتقب\w*|مزمع\w*|مقرر\w*|مخطط\s+ل\w*|غدا|(?:ال)?(?:اسبوع|شهر|عام|ايام)\s+(?:ال)?مقبل\w*|"
     r"(?:ال)?(?:اسبوع|شهر|عام)\s+(?:ال)?قادم", 4),
    (POSSIBLE, r"محتمل\w*|غير\s+مؤكد\w*|لم\s+[يت]تسن\w*\s+(?:ال)?(?:تاكد|تحقق)", 3),
    # "صفقة تبادل تشمل 120 أسيراً من الطرفين يُتوقع تنفيذها الأسبوع المقبل": expected to be
    # carried out, further on than the plan's short cues reach.
    (PLANNED, r"(?:يتوقع|من\s+المتوقع|يرتقب|من\s+المرتقب|ينتظر)\s+(?:ان\s+)?"
     r"(?:تنفيذ|اتمام|اجراء|تبدا|يبدا|تتم|يتم|تجري|يجري)\w*", 8),
)
# HOPED's أمل takes و / ف only: with ك it is كامل ("all of"), with ب بأمل is rare.
# The cues are written in ordinary spelling (مؤكد) and folded like the text (موكد).
_COMPILED_LEFT_AR = tuple(
    (m, re.compile(r"(?<!\w)" + ("[وف]?" if m == HOPED else CLITIC) + r"(?:" + fold(rx) + r")(?!\w)"), n)
    for m, rx, n in _LEFT_CUES_AR
)
_COMPILED_RIGHT_AR = tuple((m, re.compile(r"(?<!\w)" + CLITIC + r"(?:" + fold(rx) + r")(?!\w)"), n)
                           for m, rx, n in _RIGHT_CUES_AR)
_BOUNDARY_AR = re.compile(r"[.!?؟؛;](?:\s|$)|\s[-–—]\s|:\s")
# A comma ends a clause too, unless it opens an aside closed by another ("نفى الجيش، في
# بيان، قصف المدينة").
_CLAUSE_BREAK_AR = re.compile(
    r"(?<!\w)[وف]?(?:لكن|بينما|فيما|في\s+حين|رغم|بعد|قبل|عقب|اثر|عندما|حين|لان|حيث|اذ|كما)(?!\w)|[،,]"
)
_ASIDE_AR = re.compile(r"[،,][^،,.؛]{1,30}[،,]")
# قد before a verb in the present is "may"; before a past verb ("قد قصفت"), after ل (لقد)
# and in قد تم it is emphasis.
_QAD = re.compile(r"(?<!\w)[وف]?قد\s+(?P<verb>[يتن]\w+)")
# The future prefix س on a verb in the present: ستشن، سيقصف، سنرد. Words that begin the same
# way without being one: سيطر، سيارة، سنة، ستة، سيد ...
_FUTURE = re.compile(r"^[وف]?س(?!يطر|يار|ير|يد|ياس|يف|يل|يول|ينا|ني|نه|نو|نين|نج|ته|تين|تون|تار)[يتن]\w{2,}")


def _modality_ar(sentence: str, trigger_start: int, trigger_end: int) -> str:
    view = arabic_view(sentence)
    text = view.text
    start, end = view.index(trigger_start), view.index(trigger_end)
    word = start
    while word > 0 and text[word - 1].isalnum():
        word -= 1  # the trigger's word, its proclitics included
    word_end = end
    while word_end < len(text) and text[word_end].isalnum():
        word_end += 1
    left_start, right_end = _clause(text, start, end, _BOUNDARY_AR)
    left = text[left_start:word]
    right = text[word_end:right_end]
    before = left.split()

    def broken(cue_end: int) -> bool:
        # the trigger's own proclitics count for the clause: "، وقصفت" starts a new one
        return _CLAUSE_BREAK_AR.search(_ASIDE_AR.sub(" ", text[left_start + cue_end : start])) is not None

    found = list(_cues_before(left, _COMPILED_LEFT_AR, words=_count_words, broken=broken))
    for m in _QAD.finditer(left + text[word:word_end]):
        verb = m.group("verb")
        if verb != "تم" and not verb.endswith("ت") and len(left[m.end("verb") :].split()) <= 1:
            found.append((len(left[m.end("verb") :].split()), POSSIBLE))
    # A verb in the future governs its object after its subject: "ستشن القوات التركية هجوما".
    if _FUTURE.match(text[word:word_end]):
        found.append((0, PLANNED))
    for dist, w in enumerate(reversed(before[-4:])):
        if _FUTURE.match(w) and not _CLAUSE_BREAK_AR.search(" ".join(before[len(before) - dist :])):
            found.append((dist, PLANNED))
            break
    found += _cues_after(right, _COMPILED_RIGHT_AR, words=_count_words)
    scheduled = _scheduled_ar(left, right)
    if scheduled is not None:
        found.append((scheduled, PLANNED))
    return _nearest(found)


# "ومن المقرر أن تبدأ اللجنة الدولية للصليب الأحمر، غداً الجمعة، تنفيذ صفقة تبادل": what is
# scheduled is planned, however long its doer's name (12 words), and so is what is for
# tomorrow (4 words) — but not an act a relative clause or a past day tells inside the plan
# ("من المقرر أن يصل الوفد إلى المدينة التي قصفتها الطائرات أمس").
_SCHEDULED_AR = ((re.compile(r"(?:من\s+)?المقرر\s+ان(?!\w)"), 12), (re.compile(r"(?<!\w)غدا(?!\w)"), 4))
_PAST_INSIDE_AR = re.compile(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|امس|الماضي|الماضيه|البارحه)(?!\w)")


def _scheduled_ar(left: str, right: str) -> int | None:
    """Words from a cue of a schedule to the trigger, when one governs it (see above). A past
    day after the trigger's own clause is another act's ("…، بعد أن توصلت الأطراف إلى الاتفاق
    الشهر الماضي")."""
    cut = _CLAUSE_BREAK_AR.search(right)
    if _PAST_INSIDE_AR.search(right[:cut.start()] if cut else right):
        return None
    best = None
    for cue, reach in _SCHEDULED_AR:
        for m in cue.finditer(left):
            gap = left[m.end():]
            n = _count_words(gap)
            if n <= reach and not _PAST_INSIDE_AR.search(gap) and (best is None or n < best):
                best = n
    return best


def _count_words(text: str) -> int:
    """Words of Arabic text, as the cues' reaches count them: runs without spaces."""
    return len(text.split())

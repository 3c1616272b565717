"""Who did it to whom: actor1 / actor2 and associated actors of one event sentence.

- Violent events: actors before the trigger act ("Israeli jets struck …"), actors after it
  are acted on; a passive "… by X" makes X the actor. A country named as the subject of
  the trigger ("Jordan carried out airstrikes") is its state forces. Victims described as
  civilians are `Civilians (<country>)`; in English, civilians are never the doer, wherever
  named (they go to the side acted on, after the actors named there). With
  no named attacker: ACLED's unidentified actors (`Unidentified Military Forces` for air
  strikes).
- Protests and riots: `Protesters (<country>)` / `Rioters (<country>)` unless named.
- Strategic developments: the first named actor, the others associated.

Arabic sentences (`_assign_ar`), the same contract: the verb usually comes first, so the
actor named right after an active trigger is its doer ("قصفت قوات النظام بلدة …"), one
named before it too ("قوات النظام قصفت …"), and the others are acted on ("… سيارة لقسد").
After a passive or intransitive trigger ("قُتل عنصران من قسد", "استشهد مدنيان") the actors
named are the victims. "على يد X", "من قبل X", "بنيران X", "بقصف لـX" name the doer
anywhere. A demonym on the trigger ("غارة إسرائيلية", "قصف تركي") or a state as the
subject ("شنت إسرائيل غارات") is that state's forces. No doer named: ACLED's unidentified
actor, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors import ActorKB, ActorMention
from ..arabic.text import ARABIC_LETTER, fold, is_arabic, strip_marks
from .classify import Classification

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_CIVILIANS = re.compile(r"\b(?:civilians?|children|child|women|residents?|villagers?|shepherds?|farmers?|"
                        r"passers-by|worshippers|family|families|girl|boy|students?|journalists?|"
                        r"displaced|refugees?|people)\b", re.I)
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z]+\s+)?$")
_COORDINATED = re.compile(r"\b(?P<demonyms>[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)*\s+and\s+[A-Z][a-z]+)\s+"
                          r"(?:warplanes|jets|aircraft|planes|drones|forces|troops|artillery|tanks|helicopters)\b")
_PASSIVE_BY = re.compile(r"\b(?:by|from)\s*$", re.I)
_STATES = ("Israel", "Jordan", "Turkey", "Russia", "Iran", "Iraq", "Syria", "Lebanon", "Egypt", "Saudi Arabia",
           "the United States", "the US", "the U.S.", "Britain", "the United Kingdom", "France", "Yemen",
           "the United Arab Emirates", "the UAE", "Qatar", "Pakistan", "Afghanistan", "Azerbaijan", "Armenia")
_STATE_SUBJECT = re.compile(r"\b(" + "|".join(re.escape(s) for s in _STATES) + r")\s+(?:has\s+|have\s+|had\s+)?"
                            r"(?:\w+\s+){0,4}$")
# "airstrikes launched by Russia", "shelling by Turkey": a state after the trigger's "by" is
# the doer, as a state before it is ("Russia launched airstrikes").
# (Not where armed groups speak for the country's name: "a drone launched by Yemen" is the
# Houthis', "rockets fired by Lebanon" Hezbollah's.)
_STATE_BY = re.compile(r"(?:\s+(?:launched|carried\s+out|conducted|fired|flown|mounted|staged|waged))?\s+by\s+("
                       + "|".join(re.escape(s) for s in _STATES if s not in ("Yemen", "Lebanon", "Syria", "Iraq",
                                                                             "Afghanistan"))
                       + r")(?![\w'’-])")
_STATE_NAMES = {"the US": "United States", "the U.S.": "United States", "the United States": "United States",
                "the United Kingdom": "United Kingdom", "Britain": "United Kingdom",
                "the United Arab Emirates": "United Arab Emirates", "the UAE": "United Arab Emirates"}


@dataclass(frozen=True)
class Roles:
    actor1: str | None = None
    assoc1: tuple[str, ...] = ()
    inter1: str | None = None
    actor2: str | None = None
    assoc2: tuple[str, ...] = ()
    inter2: str | None = None


def _names(mentions: list[ActorMention], country: str | None) -> list[str]:
    out: list[str] = []
    for m in mentions:
        name = m.canonical
        if m.needs_country:
            if not country:
                continue
            name = name.replace("{country}", country)
        if name not in out:
            out.append(name)
    return out


# "Tehran-linked militias such as Liwa Zainebiyoun and Liwa Fatemiyoun": the names that
# follow a description say which groups it means.
_EXAMPLES = re.compile(r"\s*,?\s*(?:such\s+as|including|like|namely|notably|among\s+them|"
                       r"مثل|ومنها|منها|من\s+بينها|ك)\s*(?:the\s+)?\Z", re.I)


def _narrowed(sentence: str, mentions: list[ActorMention], kb: ActorKB) -> list[ActorMention]:
    """Mentions without a description that the groups named right after it specify."""
    def description(name: str) -> bool:
        known = kb.actors.get(name)
        return bool(known and known.descriptive)

    out = []
    for m, nxt in zip(mentions, [*mentions[1:], None], strict=False):  # the last has no next
        if nxt is not None and description(m.canonical) and not description(nxt.canonical) \
                and _EXAMPLES.match(sentence[m.end:nxt.start]):
            continue
        out.append(m)
    return out


def assign(sentence: str, cls: Classification, kb: ActorKB, *, country: str | None,
           date: str | None) -> Roles:
    if _ANY_ARABIC.search(sentence) and is_arabic(sentence):
        return _assign_ar(sentence, cls, kb, country=country, date=date)
    mentions = _narrowed(sentence, kb.find(sentence, country=country), kb)
    named = lambda ms: [kb.for_date(n, date) for n in _names(ms, country)]  # noqa: E731
    if cls.event_type in VIOLENT:
        # "Jordanian warplanes struck": the actor may share words with the trigger.
        before = [m for m in mentions if m.start < cls.trigger_start]
        after = [m for m in mentions if m.start >= cls.trigger_start]
        by = [m for m in after if _PASSIVE_BY.search(sentence[cls.trigger_end:m.start][-8:])]
        agents = _coordinated_states(sentence[: cls.trigger_end], kb, date) + named(by) or named(before)
        agents = list(dict.fromkeys(agents))
        targets = named(before) if by else named([m for m in after if m not in by])
        # Civilians are the victims of political violence, never its doers (ACLED: people who
        # take up violence are rioters or an armed group): "coalition planes targeted wells
        # where civilians were gathered, killing 18" names them before the toll.
        victims = [a for a in agents if kb.inter(a) == "Civilians"]
        agents = [a for a in agents if a not in victims]
        targets = [t for t in targets if t not in victims] + victims
        if not agents:
            subject = _STATE_BY.match(sentence, cls.trigger_end, cls.trigger_end + 60) \
                or _STATE_SUBJECT.search(sentence[: cls.trigger_start])
            if subject:
                state = subject.group(1)
                agents = [kb.state_forces(_STATE_NAMES.get(state, state), on=date)]
        if not agents:
            # "an Israeli air strike", "Turkish shelling": a demonym on the trigger names the
            # state whose forces acted.
            adjective = _DEMONYM_BEFORE.search(sentence[: cls.trigger_start])
            forces = kb.find(f"{adjective.group(1)} forces") if adjective else []
            if len(forces) == 1 and forces[0].inter == "State forces":
                # "Government artillery": whose government only the event's country says.
                if not forces[0].needs_country:
                    agents = [kb.for_date(forces[0].canonical, date)]
                elif country:
                    agents = [kb.state_forces(country, on=date)]
        agents = agents or _unidentified(cls, kb, country)
        targets = [t for t in targets if t not in agents]
        if not targets and country and _CIVILIANS.search(sentence[cls.trigger_start:]):
            targets = [kb.civilians(country)]
        return _roles(kb, agents, targets)
    return _unarmed_roles(cls, kb, named(mentions), country)


def _unarmed_roles(cls: Classification, kb: ActorKB, names: list[str], country: str | None) -> Roles:
    """Roles in a non-violent event: the protesters or rioters of the country against the
    actors named, else the actors named (either language)."""
    if cls.event_type == "Protests" and country:
        return _roles(kb, [kb.protesters(country)], names)
    if cls.event_type == "Riots" and country:
        return _roles(kb, [kb.rioters(country)], names)
    return _roles(kb, names, [])


def _unidentified(cls: Classification, kb: ActorKB, country: str | None) -> list[str]:
    """The agent of a violent event that names none: unidentified military forces for an
    air strike, else the country's unidentified armed group (none without a country)."""
    if cls.sub_event_type == "Air/drone strike":
        return ["Unidentified Military Forces"]
    return [kb.unidentified(country)] if country else []


def _coordinated_states(text: str, kb: ActorKB, date: str | None) -> list[str]:
    """"Russian and Syrian warplanes": the knowledge base knows "Syrian warplanes"; the
    demonyms coordinated with it name more state forces."""
    out: list[str] = []
    for m in _COORDINATED.finditer(text):
        for word in re.findall(r"[A-Z][a-z]+", m.group("demonyms")):
            forces = kb.find(f"{word} forces")
            if len(forces) == 1 and forces[0].inter == "State forces":
                out.append(kb.for_date(forces[0].canonical, date))
    return out


def _roles(kb: ActorKB, side1: list[str], side2: list[str]) -> Roles:
    side2 = [n for n in side2 if n not in side1]
    a1 = side1[0] if side1 else None
    a2 = side2[0] if side2 else None
    return Roles(a1, tuple(side1[1:]), kb.inter(a1) if a1 else None,
                 a2, tuple(side2[1:]), kb.inter(a2) if a2 else None)


# --- Arabic ---------------------------------------------------------------------------------
# Patterns read the sentence folded and without diacritics (`strip_marks`); they only ever
# test short slices, so their offsets do not matter.
_L = f"[{ARABIC_LETTER}]"
_ANY_ARABIC = re.compile(_L)
# "على يد X", "من قبل X", "بنيران X", "برصاص قناص من X", "بقصف لـX", "جراء غارة لـX": the doer.
_BY_AR = re.compile(
    rf"(?<!{_L})(?:علي\s+يد|علي\s+ايدي|من\s+قبل|بنيران|بنار|برصاص|بقذايف|بقذيفه|بصاروخ|بصواريخ|بقصف|بغاره|بغارات|"
    rf"بضربه|بضربات|بهجوم|بكمين|جراء\s+\S+|اثر\s+\S+|نتيجه\s+\S+|بعبوه)"
    rf"(?:\s+(?!من(?!{_L})|علي(?!{_L}))\S+)?\s*(?:(?<!{_L})من\s*|(?<!{_L})ل)?\Z")
# A passive or intransitive trigger: a damma on its first letter ("قُتل"), a verb that only
# tells what befell someone ("استشهد", "لقي مصرعه", "أصيب"), or a count of people right after it.
_PASSIVE_VERB_AR = re.compile(
    rf"^[وف]?(?:استشهد|لقي|لقيت|لقوا|قضي|قضت|اصيب|اصيبت|اصيبوا|جرح|تعرض|تعرضت|تعرضوا|سقط|سقطت|مات|ماتت|"
    rf"توفي|توفيت|نجا|نجت|فقد|فقدت)(?!{_L})")
_VICTIM_AR = re.compile(
    rf"^\s*(?:\d+|اثنان|اثنين|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره|عدد|عشرات|ميات|"
    rf"عنصر\S*|عناصر|مقاتل\S*|جندي\S*|جنود|ضابط\S*|ضباط|مدني\S*|شخص\S*|اشخاص|طفل\S*|اطفال|"
    rf"امراه|امراتان|نساء|شاب\S*|رجل\S*|مواطن\S*|سايق|راع\S*|قيادي\S*|مسلح\S*)(?!{_L})")
_CIVILIANS_AR = re.compile(
    rf"(?<!{_L})[وفبل]?(?:ال)?(?:مدني(?:ين|ون|ان|ا|ه)?|اطفال|طفل(?:ه|ين|ان)?|نساء|امراه|سكان|اهالي|مواطن(?:ين|ون|ا)?|"
    rf"عائل(?:ه|ات)|اسر(?:ه|ات)?|رعاه|راع|راعي|مزارع(?:ين|ون)?|صياد(?:ين)?|طالب|طلاب|صحفي(?:ين|ون)?|نازح(?:ين|ون)?|"
    rf"مدنيي)(?!{_L})")
# "شنت إسرائيل غارات", "قصفت تركيا …": a state as the subject of the trigger.
_STATES_AR = {"اسرائيل": "Israel", "تركيا": "Turkey", "روسيا": "Russia", "ايران": "Iran",
              "الولايات المتحده": "United States", "الولايات المتحده الامريكيه": "United States",
              "امريكا": "United States", "الاردن": "Jordan", "العراق": "Iraq", "سوريا": "Syria", "لبنان": "Lebanon",
              "مصر": "Egypt", "السعوديه": "Saudi Arabia", "اليمن": "Yemen", "بريطانيا": "United Kingdom",
              "فرنسا": "France", "الامارات": "United Arab Emirates", "قطر": "Qatar", "باكستان": "Pakistan"}
_STATES_AR = {strip_marks(k): v for k, v in _STATES_AR.items()}
_STATE_AR = re.compile(rf"(?<!{_L})[وف]?(?P<state>" + "|".join(sorted(_STATES_AR, key=len, reverse=True))
                       + rf")(?!{_L})")
_WORD_AR = re.compile(rf"{_L}+")


def _bare(text: str) -> str:
    return strip_marks(text)


def _passive_ar(sentence: str, cls: Classification) -> bool:
    """The trigger tells what befell its subject: "قُتل عنصران", "استشهد مدني", "أصيب …"."""
    trigger = fold(sentence[cls.trigger_start:cls.trigger_end])
    if re.match(rf"[وف]?{_L}\u064f", trigger):  # a damma on the first letter: فُعِل
        return True
    if _PASSIVE_VERB_AR.match(_bare(trigger)):
        return True
    # Unvocalised "قتل" is "killed" and "was killed": a count or people right after it (no
    # doer between) reads as the passive.
    return bool(_VICTIM_AR.match(_bare(sentence[cls.trigger_end:cls.trigger_end + 30])))


def _assign_ar(sentence: str, cls: Classification, kb: ActorKB, *, country: str | None,
               date: str | None) -> Roles:
    mentions = _narrowed(sentence, kb.find(sentence, country=country), kb)
    named = lambda ms: [kb.for_date(n, date) for n in _names(ms, country)]  # noqa: E731
    if cls.event_type not in VIOLENT:
        return _unarmed_roles(cls, kb, named(mentions), country)
    by = [m for m in mentions if _BY_AR.search(_bare(sentence[max(0, m.start - 40):m.start]))]
    rest = [m for m in mentions if m not in by]
    agents = named(by)
    objects = rest
    if not agents and not _passive_ar(sentence, cls):
        subject = _subject_ar(sentence, cls, rest)
        agents = named(subject)
        objects = [m for m in rest if m not in subject]
        if not agents:
            agents = _state_subject_ar(sentence, cls, kb, date)
    if not agents:
        agents = _demonym_on_trigger(sentence, cls, kb, date)
    agents = agents or _unidentified(cls, kb, country)
    agents = list(dict.fromkeys(agents))
    targets = [t for t in named(objects) if t not in agents]
    # Victims are named before a noun trigger as often as after it ("قتل ثلاثة أطفال في غارة").
    if not targets and country and _CIVILIANS_AR.search(_bare(sentence)):
        targets = [kb.civilians(country)]
    return _roles(kb, agents, targets)


_OBJECT_WORDS = {"علي", "في", "الي", "ضد", "من", "عن", "مع", "بين", "داخل", "قرب", "نحو"}


def _subject_ar(sentence: str, cls: Classification, mentions: list[ActorMention]) -> list[ActorMention]:
    """The doer of an active trigger: the actor just before it ("قوات النظام قصفت …", no comma
    and at most three words between), else the actor right after it ("قصفت قوات النظام …")."""
    before = [m for m in mentions if m.end <= cls.trigger_start]
    if before:
        between = _bare(sentence[before[-1].end:cls.trigger_start])
        if len(_WORD_AR.findall(between)) <= 3 and not re.search(r"[،,؛:.]", between):
            return [before[-1]]
    after = [m for m in mentions if m.start >= cls.trigger_end]
    if after and _right_after(sentence, cls.trigger_end, after[0].start):
        return [after[0]]
    return []


def _right_after(sentence: str, trigger_end: int, start: int) -> bool:
    """An actor named right after the trigger, as its subject: at most two words between
    ("قصفت صباح اليوم قوات النظام"), no preposition that makes it an object ("على قسد"), and
    no clitic preposition on the name itself ("لقسد", "بقسد")."""
    between = _bare(sentence[trigger_end:start])
    words = _WORD_AR.findall(between)
    if any(w in _OBJECT_WORDS for w in words) or re.search(r"[لب]\Z", between):
        return False
    return len(words) <= 2


def _state_subject_ar(sentence: str, cls: Classification, kb: ActorKB, date: str | None) -> list[str]:
    """"شنت إسرائيل غارات" / "إسرائيل تقصف": a state named as the subject of the trigger."""
    after = _bare(sentence[cls.trigger_end:cls.trigger_end + 40])
    m = _STATE_AR.match(after.lstrip())
    if m is None:
        head = _bare(sentence[max(0, cls.trigger_start - 30):cls.trigger_start]).rstrip()
        m = next((x for x in _STATE_AR.finditer(head) if x.end() == len(head)), None)
    return [kb.state_forces(_STATES_AR[m.group("state")], on=date)] if m else []


def _demonym_on_trigger(sentence: str, cls: Classification, kb: ActorKB, date: str | None) -> list[str]:
    """"غارة إسرائيلية", "قصف مدفعي تركي": a demonym after the trigger names the state whose
    forces acted (the adjective follows its noun in Arabic)."""
    words = _WORD_AR.findall(_bare(sentence[cls.trigger_end:cls.trigger_end + 30]))
    for word in words[:2]:
        actor = kb.adjectives_ar.get(word)
        if actor:
            return [kb.for_date(actor, date)]
    return []

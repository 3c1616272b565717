"""How many people a sentence says were killed — conservative, ACLED-style.

`fatality_mentions(sentence)` lists every death count the sentence states, with its span;
`fatalities(sentence)` reduces them to one number, or None when the sentence says nothing
about deaths.

Rules (ACLED codes reported fatalities, uses the most conservative figure, and counts
everyone killed, perpetrators included; injuries are never counted):

- "killed three", "three were killed", "3 dead", "3 deaths", "left 3 people dead",
  "claimed the lives of 3" → 3. "a smuggler was killed", "killing a smuggler" → 1.
- Coordinated counts add up: "killed two civilians and a child" → 3; "including …" is a
  subset and is not added; counting stops at the next verb ("killed 3 fighters and
  wounded 5" → 3).
- Qualifiers keep the stated figure: "at least 27", "more than 27", "over 27", "some 27",
  "nearly 27", "about 27", "up to 27" → 27.
- Ranges take the lower bound: "between 5 and 8", "5-8", "five to eight", "5 or 6" → 5.
- Vague quantities, per ACLED's fatality notes ("tens" 10, "dozens" 12, "hundreds" 100)
  and marsad's choices for the rest (kept in `VAGUE`): a dozen 12, two dozen 24,
  half a dozen 6, scores 20 (one score), thousands 1000, several / many / multiple /
  a number of 10 (our reading of ACLED's practice for vague plurals), a few 3,
  a couple 2, both 2.
- Zero: "no casualties", "no one was killed", "nobody was hurt", "no deaths",
  "no reports of casualties" → 0 (when nothing in the sentence states a positive count);
  "he gave no casualty toll" is no figure at all (None).
- Perpetrators: a suicide bomber who "blew himself up" adds 1; "two suicide bombers blew
  themselves up" adds 2 (2 when their number is not given).
- A death toll ("the death toll rose to 66") is a running total: it is used only when the
  sentence has no count of its own.
- Numbers that count something else (12 cars, 125 locations, 2011, 3 days) never count:
  a number counts only in a death construction, and not with a non-person noun.

`fatalities()` = the sum of the sentence's own counts (killed + perpetrators); else the
death toll; else 0 when a zero statement is present; else None.

Arabic sentences follow the same rules with Arabic constructions (see `_arabic_mentions`):
"مقتل 5 عناصر", "قُتل ثلاثة", "قتلت قوات النظام خمسة مدنيين", "5 قتلى", "لقي 3 أشخاص
مصرعهم", "ارتفعت حصيلة القتلى إلى 25" (a total); Eastern digits; the number words one to
twenty in either gender (ثلاثة / ثلاث، أحد عشر); the dual (قتيلان، مقتل شخصين → 2) and a
singular person (مقتل عنصر → 1); qualifiers keep the figure ("ما لا يقل عن 7", "نحو 10",
"أكثر من 40"), ranges their lower bound; vague words at the values the English rules use:
العشرات ("dozens") 12, عشرات ("tens") 10, مئات 100, آلاف 1000, عدة / عدد من 10, بضعة 3;
"لم تسجل إصابات", "دون وقوع إصابات" → 0; "فجّر نفسه" adds the bomber.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic.text import fold, to_int
from .classify import arabic_view, is_arabic_text

KILLED = "killed"
PERPETRATOR = "perpetrator"
TOTAL = "total"
ZERO = "zero"


@dataclass(frozen=True)
class FatalityMention:
    """One stated death count: `sentence[start:end] == text`.

    kind: "killed" (a count of people killed), "perpetrator" (attackers who killed
        themselves), "total" (a running death toll) or "zero" (no one was killed).
    """

    value: int
    start: int
    end: int
    text: str
    kind: str = KILLED


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
VAGUE = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000,
    "several": 10, "many": 10, "multiple": 10, "numerous": 10, "a number": 10,
    "a few": 3, "a couple": 2, "a dozen": 12, "half a dozen": 6, "a half-dozen": 6,
    "a half dozen": 6, "both": 2, "a score": 20,
}  # fmt: skip

_PERSON_SINGULAR = (
    "man|woman|child|boy|girl|baby|infant|toddler|teenager|teen|youth|person|civilian|soldier|"
    "policeman|policewoman|police officer|officer|officers|fighter|militant|rebel|insurgent|jihadist|"
    "terrorist|smuggler|farmer|herder|shepherd|student|journalist|reporter|teacher|doctor|nurse|driver|"
    "worker|guard|commander|leader|official|member|resident|villager|protester|protestor|demonstrator|"
    "bomber|attacker|gunman|assailant|suspect|trader|passenger|son|daughter|brother|sister|father|"
    "mother|wife|husband|chief|imam|priest|pastor|pilot|gendarme|serviceman|trooper|sergeant|major|"
    "captain|colonel|general|lieutenant|private|militiaman|contractor|employee|volunteer|paramedic|"
    "activist|politician|lawmaker|judge|mayor|governor|minister|elder|cleric|worshipper|pilgrim|"
    "tourist|refugee|migrant|prisoner|detainee|inmate|hostage|victim|vendor|motorist|cyclist|"
    "security guard|bodyguard|cadet|recruit|peacekeeper|marine|sailor|ranger|medic|aid worker|"
    "humanitarian|national|citizen|local|individual|kid|pedestrian|spokesman|spokesperson|agent|combatant|"
    "jihadi|extremist|separatist|guerrilla|bandit|poacher|ranger|miner|fisherman|mourner|hunter|"
    "shopkeeper|merchant|labourer|laborer|businessman|businesswoman|mechanic|butcher|tailor|porter"
)
# Nouns that mark a number as counting something other than people.
_NON_PERSON = re.compile(
    r"^(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|"
    r"times|percent|per|%|cars?|vehicles?|trucks?|buses|houses?|homes?|buildings?|locations?|sites?|"
    r"villages?|towns?|districts?|provinces?|countries|states|rockets?|missiles?|shells?|bombs?|grenades?|"
    r"rounds|bullets|weapons?|guns?|rifles?|tons?|tonnes?|kg|kilograms?|dollars?|\$|usd|euros?|acres?|"
    r"hectares?|shops?|stores?|churches|mosques|schools?|camps?|bases?|posts?|points?|attacks?|incidents?|"
    r"explosions?|blasts?|strikes?|raids?|sorties?|targets?|positions?|cases?|sides|a\.m\.|p\.m\.|am|pm|o'clock)$",
    re.I,
)

_NUM_WORD = "|".join([*_UNITS, *_TENS, *_SCALES])
_NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|"
    r"(?:" + _NUM_WORD + r")(?:[\s-]+(?:and[\s-]+)?(?:" + _NUM_WORD + r"))*"
)
_QUALIFIER = (
    r"(?:at least|at most|no fewer than|no less than|not less than|more than|over|some|about|around|"
    r"approximately|nearly|almost|roughly|up to|as many as|an estimated|a total of|a further|another|"
    r"an additional|close to|upwards of|only|just)\s+"
)
_VAGUE_RX = r"half a dozen|a half[\s-]dozen|a couple|a dozen|a score|a few|a number|" + "|".join(
    v for v in VAGUE if " " not in v
)
_QUANT = re.compile(
    r"(?:between\s+(?P<b1>" + _NUMBER + r")\s+and\s+(?P<b2>" + _NUMBER + r"))|"
    r"(?:" + _QUALIFIER + r")?(?:(?P<n1>" + _NUMBER + r")(?:\s*(?:-|–|to|or)\s*(?P<n2>" + _NUMBER + r"))?"
    r"(?:\s+dozen(?!s))?|(?P<vague>" + _VAGUE_RX + r"))(?:\s+of)?",
    re.I,
)
_ARTICLE = re.compile(r"(?:a|an|one|the|his|her|their|its|another)\s+", re.I)
_PERSON_SG_RX = re.compile(r"(?:" + _PERSON_SINGULAR + r")(?!\w)", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,]*")

_NP_STOP = {
    "and", "or", "but", "including", "while", "who", "which", "that", "as", "after", "when", "were",
    "was", "are", "is", "have", "has", "had", "been", "being", "in", "on", "at", "by", "with", "from",
    "during", "near", "into", "to", "for", "also", "said", "says", "reportedly", "wounded",
    "injured", "hurt", "wounding", "injuring", "killed", "killing", "dead", "died", "among", "than", "ago",
    "outside", "inside", "across", "around", "along", "under", "over", "through", "against", "between",
    "behind", "beyond", "toward", "towards", "upon", "onto", "off", "via", "amid", "despite", "without",
    "within", "throughout", "following", "before", "until", "today", "yesterday", "overnight",
    "they", "he", "she", "it", "we", "you", "i", "them", "him", "her", "whom", "whose", "where", "since",
}  # fmt: skip
_DEATH_AFTER = re.compile(
    r"\s*,?\s*(?:(?:were|was|are|is|have|has|had|been|being|reportedly|also|all|later|allegedly|"
    r"confirmed|reported|found|now|believed|thought|feared|said|known|to have been|to be|got|"
    r"subsequently)\s+)*"
    r"(?:killed|dead|died|die|dying|slain|perished|murdered|massacred|executed|beheaded|shot dead|"
    # "martyred": killed, in the words of state media and of the dead's own side
    r"martyred|gunned down|lost (?:their|his|her) li(?:ves|fe)|succumbed|deaths|fatalities|bodies|lifeless|"
    r"(?:beaten|stabbed|hacked|stoned|clubbed|burned|burnt|kicked|tortured|crushed) to death)(?!\w)",
    re.I,
)
_DEATH_VERB = re.compile(
    r"(?<!\w)(?:killed|killing|kills|kill|massacred|massacring|executed|executing|slaughtered|martyring|martyred|"
    r"slaughtering|slew|slaying|shot dead|gunned down|beheaded|"
    r"claimed (?:the )?li(?:ves|fe) of|claiming (?:the )?li(?:ves|fe) of|"
    r"claimed|claiming|took the lives of|taking the lives of|left|leaving)(?!\w)\s+",
    re.I,
)
# "A mob beat a man to death", "attackers hacked two farmers to death": the victims named
# between the act and "to death" (`mentions` reads the same verbs as an act, not a toll).
TO_DEATH_VERBS = "beat|beats|stabbed|stabs|hacked|hacks|stoned|stones|clubbed|clubs|burned|burnt|burns|kicked|kicks"
_TO_DEATH_VERB = re.compile(rf"(?<!\w)(?:{TO_DEATH_VERBS})(?!\w)\s+", re.I)
_TO_DEATH = re.compile(r"\s+to\s+death(?!\w)", re.I)
_NOT_FACTUAL_BEFORE = re.compile(
    r"(?:\bto|\bwould|\bwill|\bcould|\bmay|\bmight|\bcan|\bthreat(?:en(?:ed|s)?)? to|\bfailed to|"
    r"\btried to|\battempt(?:ed|ing)? to|\bplot(?:ted)? to)\s+$",
    re.I,
)
# "… killing five, in a conflict that has killed more than 300,000 people since 2011", "the
# war in Syria, which has left 500,000 dead": a war's toll, told in a relative clause beside an
# act, is no figure of the act; nor is a run of acts' ("the latest in a cycle of revenge raids
# that has killed hundreds"). Only the war or the run as the clause's subject: "the strikes, the
# deadliest of the war, have killed 20" and "a bombing at a rally against the war has killed
# 12" count; so does fighting's toll ("the fighting has killed 40 since Monday").
_WAR_TOLL_BEFORE = re.compile(
    r"(?:\b(?:wars?|conflicts?|uprising|crisis|insurgency|campaign|revolt|revolution)|"
    r"\b(?:latest|part|one|another)\s+(?:in|of)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+)?"
    r"(?:cycle|wave|spate|series|string|run|surge)\s+of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*,?\s+(?:that|which)\s+(?:has|have|had)\s+"
    r"(?:(?:so\s+far|already|now|reportedly)\s+)?(?:killed|left|claimed(?:\s+the\s+lives\s+of)?)\s+"
    r"(?:(?:more\s+than|over|at\s+least|some|about|nearly|almost|an\s+estimated|around|close\s+to)\s+)?$", re.I)


def _war_toll_at(text: str, pos: int) -> bool:
    """Whether the count at `pos` is a war's toll told in a relative clause (`_WAR_TOLL_BEFORE`),
    or a toll of a time gone by told of a place (`_PAST_RELATIVE`)."""
    if _WAR_TOLL_BEFORE.search(text, max(0, pos - 120), pos) is not None:
        return True
    clause = _PAST_RELATIVE.search(text, max(0, pos - 80), pos)
    if clause is None:
        return False
    end = re.search(r"[,;.]", text[pos:])
    return _GONE_BY.search(text, clause.start(), pos + end.start() if end else len(text)) is not None


# "… killed five civilians in Seytenga, a town where dozens of people were massacred in June
# last year": the toll of another day, told of the place.
_PAST_RELATIVE = re.compile(r"\b(?:where|in\s+which|when)\s+[^,;.]*$", re.I)
_GONE_BY = re.compile(r"\b(?:last|previous)\s+year\b|\byears?\s+ago\b|\bin\s+(?:19|20)\d{2}\b", re.I)


# "the death toll rose to 66", "the toll from the strike has increased to 31", "the number of
# dead climbed to 12". The words between may name the event the toll counts ("the death toll
# from a car bombing at a checkpoint in the town of Azaz rose to 40"), within one clause.
_GROWS = (r"(?:rose|risen|rises|climbed|increased|jumped|reached|hit|passed|exceeded|crossed|crosses|"
          r"stands at|stood at|is|was)(?:\s+to)?")
_TOLL = re.compile(
    # "of", "at" and "to" give the figure only right after "toll" ("the death toll of 12",
    # "brought the death toll to 31"): "a village of 300 people", "a blast at 7 am" and
    # "housing up to 100 families" on the way to the verb are no toll; after other words,
    # only a verb reaches the figure
    r"(?<!\w)(?:(?:death|casualty)[\s-]+toll\s+(?:of|at|to|"
    rf"(?:[\w'’-]+\s+){{0,14}}?{_GROWS})|"
    # a bare "toll" or "number of dead" counts the dead only when it grows ("a toll of 5 dollars")
    r"(?:the\s+toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|victims))\s+(?:[\w'’-]+\s+){0,14}?"
    r"(?:rose|risen|rises|climbed|increased|jumped|reached|hit)(?:\s+to)?|"
    # "a local elder put the number of fighters killed on both sides at 14": the dead, not the
    # wounded, the homes or a part of the dead ("the number of children among the dead")
    r"put(?:s|ting)?\s+(?:the|its|their)\s+(?:overall\s+)?(?:death\s+toll|toll|number\s+of\s+(?:(?:dead|deaths|"
    r"fatalities|victims|people\s+killed|those\s+killed)(?:\s+on\s+both\s+sides)?|[\w'’-]+\s+killed\s+on\s+both\s+sides))"
    r"\s+at)"
    r"\s+(?P<q>" + _QUALIFIER.rstrip(r"\s+") + r"\s+)?"
    r"(?P<n>" + _NUMBER + r")",
    re.I,
)
_ZERO = re.compile(
    r"(?<!\w)(?:no(?:[\s-]+one|body)\s+(?:\w+\s+){0,2}?(?:was|were|has been|had been|is|got)\s+(?:\w+\s+)?"
    r"(?:killed|hurt|injured|wounded|harmed)|no\s+one\s+died|"
    r"(?:there\s+(?:were|was|have been|had been)\s+)?no\s+(?:immediate\s+)?(?:reports?\s+of\s+(?:any\s+)?)?"
    r"(?:casualt(?:y|ies)|deaths?|fatalit(?:y|ies)|loss of (?:life|lives)|injur(?:y|ies)|one (?:was )?hurt)|"
    r"without\s+(?:causing\s+)?(?:any\s+)?(?:casualt(?:y|ies)|deaths|injuries|loss of life)|"
    r"caus(?:ed|ing)\s+no\s+(?:casualt(?:y|ies)|deaths|injuries))(?!\w)",
    re.I,
)
_NO_FIGURE_GIVEN = re.compile(r"(?:gave|give|gives|giving|provided|provide|released|offered|published|"
                              r"disclosed|issued)\s+$", re.I)
_A_FIGURE_WORD = re.compile(r"\s+(?:toll|figures?|count|numbers?|details|estimates?)\b", re.I)
_SELF = re.compile(
    r"(?<!\w)(?:blew|blow|blows|blown|blowing)\s+(?P<who>himself|herself|themselves)\s+up|"
    r"(?:killing|killed|kill)\s+(?P<who2>himself|herself|themselves)|"
    r"detonat\w*\s+(?P<who3>his|her|their)\s+(?:explosive\s+|suicide\s+)?(?:vests?|belts?)",
    re.I,
)


_BOMBER_COUNT = re.compile(
    r"(" + _NUMBER + r")\s+(?:\w+\s+){0,2}?(?:suicide\s+)?(?:bombers|attackers|militants)", re.I
)


def _word_number(text: str) -> int | None:
    """'twenty-seven' -> 27, 'one hundred and twenty' -> 120, '1,200' -> 1200."""
    t = text.lower().replace(",", "")
    if t.replace(".", "", 1).isdigit():
        return int(float(t))
    total = current = 0
    seen = False
    for w in re.split(r"[\s-]+", t):
        if w == "and" or not w:
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class _Quantity:
    value: int
    start: int
    end: int  # end of the whole noun phrase (number + nouns)
    head: str  # the phrase's last word, for the non-person check


def _quantity_at(text: str, pos: int) -> _Quantity | None:
    """A counted noun phrase starting at `pos`: '3', 'at least 27 soldiers', 'a smuggler'."""
    m = _QUANT.match(text, pos)
    value: int | None = None
    end = pos
    if m and m.group(0).strip():
        if m.group("b1"):
            value = _word_number(m.group("b1"))
        elif m.group("n1"):
            value = _word_number(m.group("n1"))
            if value is not None and re.search(r"\s+dozen$", m.group(0).rstrip(), re.I):
                value *= 12
            lower = _word_number(m.group("n2")) if m.group("n2") else None
            if value is not None and lower is not None and lower < value:
                value = lower  # "8 to 5" read as a range: still the lower bound
        elif m.group("vague"):
            value = VAGUE.get(re.sub(r"\s+", " ", m.group("vague").lower()))
        end = m.end()
        if value is not None and m.group("n1") and re.fullmatch(r"(?:19|20)\d\d", m.group("n1")):
            # A year unless a person noun follows ("2011 people" is rare but possible).
            after = text[end : end + 30]
            if not re.match(r"\s+(?:\w+\s+)?(?:people|persons|civilians|soldiers)", after, re.I):
                return None
    else:
        a = _ARTICLE.match(text, pos)
        if not a:
            return None
        # "a (young) smuggler", "the soldier": one person, when a singular person noun heads it
        rest = a.end()
        following = list(_WORD.finditer(text, rest, min(len(text), rest + 50)))[:3]
        for w in following:
            if _PERSON_SG_RX.fullmatch(w.group(0)) or _PERSON_SG_RX.match(text, w.start()):
                pm = _PERSON_SG_RX.match(text, w.start())
                if pm is None:
                    break
                nxt = text[pm.end() : pm.end() + 2]
                if nxt[:1].isalpha():
                    break
                return _Quantity(1, pos, pm.end(), pm.group(0))
            if w.group(0).lower() in _NP_STOP:
                break
        return None
    if value is None:
        return None
    # Extend over the counted noun phrase: up to five words, stopping at verbs/connectives.
    head = ""
    np_end = end
    words: list[str] = []
    ends: list[int] = []
    for w in _WORD.finditer(text, end):
        gap = text[np_end : w.start()]
        # (A scare quote around the noun is still the noun: '12 "terrorists"'.)
        if gap.strip().strip("\"“”‘") not in ("", "-", "'s", "’s"):
            break
        if w.start() - np_end > 3:
            break
        word = w.group(0).rstrip(".,")
        if word.lower() in _NP_STOP or _word_number(word) is not None:
            break
        head = word
        words.append(word)
        np_end = w.start() + len(word)
        ends.append(np_end)
        if len(text[end:np_end].split()) >= 5:
            break
    if any(_NON_PERSON.match(w) for w in words):
        return None
    if words and text[np_end:np_end + 1] in ("\"", "”", "’") and text[end:np_end].lstrip()[:1] in ("\"", "“", "‘"):
        np_end += 1  # the scare quote's close is the phrase's end
    if head.lower() == "of" and len(words) >= 2 and words[-2].lower() in ("members", "relatives"):
        # "12 members of one family": the phrase stopped at the number after "of"
        head, np_end = words[-2], ends[-2]
    if head.lower() in ("the", "those", "these", "of"):  # "12 of the dead were civilians"
        return None
    return _Quantity(value, pos if not m else m.start(), np_end, head)


_CHAIN_SEP = re.compile(r"[\"”’]?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+|\s+plus\s+)", re.I)


# "killing eight civilians, a police officer said", "killing 35 people, the local resistance
# committee said": after a comma, "a"/"the" someone who goes on to say something is the
# source ("two police officers according to a source" are dead).
_SAYS_AFTER = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+){0,4}?\s+(?:said|says|told|reported|added|according)\b", re.I)


_PUT_BEFORE = re.compile(r"\bput(?:s|ting)?\s+(?:the|its|their)\s[^.;]*\bat\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# A group of people named with no count between two counts ("11 soldiers and allied
# militiamen and 17 insurgents"): never what the act did to things ("freed inmates",
# "burned houses") nor animals.
_PEOPLE = re.compile(r"\b(?:militiam[ae]n|fighters|soldiers|troops|civilians|members|policem[ae]n|officers|guards|"
                     r"gunm[ae]n|militants|rebels|insurgents|jihadists|children|women|men|people|residents|"
                     r"villagers|workers|relatives|bodyguards|volunteers|personnel|forces|allies|militias|"
                     r"tribesm[ae]n|recruits|auxiliaries|passengers|pilgrims|worshippers|students)\b", re.I)
_ACT_VERB = re.compile(r"kidnapped|abducted|captured|arrested|detained|freed|released|rescued|seized|took|taken|"
                       r"displaced|evacuated|expelled|burned|burnt|torched|looted|\w+ing", re.I)
_UNCOUNTED = re.compile(r"(?P<np>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+and\s+")


def _chain(text: str, pos: int) -> list[_Quantity]:
    """'two civilians and a child' -> [2, 1]; stops at 'including', verbs, non-counts."""
    out: list[_Quantity] = []
    q = _quantity_at(text, pos)
    while q is not None:
        out.append(q)
        sep = _CHAIN_SEP.match(text, q.end)
        if not sep:
            break
        q = _quantity_at(text, sep.end())
        if q is None and "and" in sep.group(0):
            # "11 soldiers and pro-government militiamen and 17 insurgents": a group named with
            # no count of its own is counted in the figure before it.
            skip = _UNCOUNTED.match(text, sep.end())
            if skip is not None and _PEOPLE.search(skip.group("np")) and not any(
                    w.lower() in _NP_STOP or _ACT_VERB.fullmatch(w) for w in skip.group("np").split()):
                q = _quantity_at(text, skip.end())
        if q is not None and "and" not in sep.group(0) and _ARTICLE.match(text, q.start) \
                and _SAYS_AFTER.match(text, q.start):
            break
    # "four people, a woman and three children": the parts after the comma spell out the
    # whole, which is counted once.
    if len(out) > 2 and out[0].head.lower() in ("people", "persons", "victims") \
            and text[out[0].end:out[1].start].strip() == "," and \
            sum(q.value for q in out[1:]) == out[0].value:
        return out[:1]
    return out


# "… 25 were wounded", "… 58 others injured" — not "killed 12 wounded 30", whose "wounded" is
# a verb with a count of its own, nor "killed a man wounded in clashes", a participle.
_WOUNDED_AFTER = re.compile(
    r"\s+(?:(?:others?|more)\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?|(?:(?:people|persons)\s+)?"
    r"(?:were|was|are|have\s+been|had\s+been)\s+)(?:wounded|injured|hurt)\b|"
    # "killed eight people and 20 injured", "killed three children, two women injured": a bare
    # participle at the clause's end — not "wounded nearly 40" (a verb with its own count) nor
    # "patients wounded in earlier fighting" (who the dead were)
    r"\s+(?:(?:people|persons)\s+)?(?:wounded|injured|hurt)\b"
    r"(?!\s+(?:in|by|during|at|on|when|while|after|from|near|as|since|earlier|last|previously)\b)"
    r"(?!\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|over\s+|nearly\s+|almost\s+|around\s+|up\s+to\s+)?"
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds))", re.I)


# "two bombers killed 10", "twelve Taliban fighters have killed three soldiers": active voice.
_ACTIVE_KILLED = re.compile(r"(?:(?:have|has|had|also|reportedly|allegedly)\s+)*killed", re.I)
_JOINED_WOUNDED = re.compile(r"\s+(?:(?:people|persons)\s+)?(?:wounded|injured|hurt)\b"
                             r"(?!\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|over\s+|nearly\s+)?\d)"
                             r"(?!\s+(?:in|during|by)\s+(?:an?\s+|the\s+)?(?:earlier|previous|prior|last)\b)", re.I)
_OTHERS_WOUNDED = re.compile(r"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:wounded|injured|hurt)\b", re.I)


def _wounded_after(text: str, chain: list[_Quantity]) -> bool:
    """Whether the counted words are the subject of a wounded clause ("… 25 were wounded",
    "… 58 others injured"). A lone "a man" is never a count of the wounded ("killed a man
    wounded in clashes")."""
    last = chain[-1]
    if last.head.lower() in ("others", "other", "more"):
        return _OTHERS_WOUNDED.match(text, last.end) is not None
    if len(chain) == 1 and re.match(r"(?:an?|one)\b", text[last.start:last.end], re.I):
        return False
    # "killed eight people and 20 injured at a market": a count joined to the dead's is the
    # wounded's whatever follows its participle.
    return _WOUNDED_AFTER.match(text, last.end) is not None \
        or len(chain) > 1 and _JOINED_WOUNDED.match(text, last.end) is not None


def _wounded_count_at(text: str, at: int) -> bool:
    """Whether the count at `at` is of the wounded ("8 persons killed 58 others injured")."""
    chain = _chain(text, at)
    return bool(chain) and _wounded_after(text, chain)


def fatality_mentions(sentence: str) -> list[FatalityMention]:
    """Every death count the sentence states, in order (see the module docstring)."""
    if is_arabic_text(sentence):
        return _arabic_mentions(sentence)
    text = sentence
    found: dict[tuple[int, int], FatalityMention] = {}

    def add(value: int, start: int, end: int, kind: str) -> None:
        for (s, e), old in list(found.items()):
            if s < end and start < e:  # overlapping: keep the longer reading
                if e - s >= end - start:
                    return
                del found[(s, e)]
                del old
        found[(start, end)] = FatalityMention(value, start, end, text[start:end], kind)

    # "killed three", "killing 2 civilians and a child", "left 5 people dead"
    for v in _DEATH_VERB.finditer(text):
        if _NOT_FACTUAL_BEFORE.search(text[max(0, v.start() - 25) : v.start()]) or _war_toll_at(text, v.end()):
            continue
        verb = v.group(0).strip().lower()
        chain = _chain(text, v.end())
        if not chain or _counts_groups(text, chain[-1]):
            continue
        # "At least 14 people were killed 25 were wounded", "8 persons killed 58 others
        # injured": in a scrape that lost its commas, the number after the verb is the
        # subject of the next clause, a count of the wounded.
        if _wounded_after(text, chain):
            chain = chain[:-1]
            if not chain:
                continue
        if verb in ("left", "leaving"):
            if not re.match(r"\s+dead(?!\w)", text[chain[-1].end : chain[-1].end + 8], re.I):
                continue
        elif verb in ("claimed", "claiming") and not (
            chain[-1].head.lower() in ("lives", "life")
            or re.match(r"\s+li(?:ves|fe)(?!\w)", text[chain[-1].end : chain[-1].end + 8], re.I)
        ):
            continue
        for q in chain:
            add(q.value, q.start, q.end, KILLED)
    for v in _TO_DEATH_VERB.finditer(text):
        if _NOT_FACTUAL_BEFORE.search(text[max(0, v.start() - 25) : v.start()]):
            continue
        chain = _chain(text, v.end())
        if chain and _TO_DEATH.match(text, chain[-1].end):
            for q in chain:
                add(q.value, q.start, q.end, KILLED)

    # "three were killed", "3 dead", "a smuggler was killed",
    # "dozens of soldiers and a general have been killed"
    parts: list[tuple[int, int]] = []  # "including a woman and two children": inside a whole counted
    for start in _candidate_starts(text):
        if any(a <= start < b for a, b in parts):
            continue
        chain = _chain(text, start)
        if not chain or _counts_groups(text, chain[-1]) or _PART_BEFORE.search(text, max(0, start - 16), start) \
                or _war_toll_at(text, start):
            continue
        # "six civilians from one family were killed", "6 civilians including a woman and two
        # children were killed": the count is the whole, not the part named after it.
        whose = _OF_ONE_FAMILY.match(text, chain[-1].end) or _INCLUDING.match(text, chain[-1].end)
        # "33 members of the Islamic State in Iraq and the Levant were killed": the rest of
        # the name whose members they are.
        if whose is None and chain[-1].head.lstrip("\"“'")[:1].isupper():
            whose = _NAME_REST.match(text, chain[-1].end)
        after = _DEATH_AFTER.match(text, whose.end() if whose else chain[-1].end)
        if whose and after:
            parts.append(whose.span())
        if not after:
            continue
        word = after.group(0).split()[-1].lower()
        if word == "bodies":
            continue
        object_at = after.end() + len(text[after.end() :]) - len(text[after.end() :].lstrip())
        if word == "killed" and _ACTIVE_KILLED.fullmatch(after.group(0).strip()) and _quantity_at(text, object_at) \
                and not _wounded_count_at(text, object_at):
            continue  # active voice: "two bombers killed 10 people" counts the 10, not the 2
        for q in chain:
            add(q.value, q.start, q.end, KILLED)

    for m in _TOLL.finditer(text):
        value = _word_number(m.group("n"))
        if value is not None:
            add(value, m.start("n"), m.end("n"), TOTAL)

    for m in _SELF.finditer(text):
        who = (m.group("who") or m.group("who2") or m.group("who3") or "").lower()
        count = 1
        if who in ("themselves", "their"):
            count = 2
            before = text[max(0, m.start() - 80) : m.start()]
            nm = list(_BOMBER_COUNT.finditer(before))
            if nm:
                n = _word_number(nm[-1].group(1))
                if n:
                    count = n
        add(count, m.start(), m.end(), PERPETRATOR)

    for m in _ZERO.finditer(text):
        # "he gave no casualty toll", "without giving a death toll": the figure is unknown.
        if _NO_FIGURE_GIVEN.search(text, max(0, m.start() - 30), m.start()) or _A_FIGURE_WORD.match(text, m.end()):
            continue
        add(0, m.start(), m.end(), ZERO)

    return sorted(found.values(), key=lambda f: f.start)


_NAME_REST = re.compile(r"(?:\s+[\"“”']?(?:in|of|and|the|al|for|organi[sz]ations?|groups?|factions?|militias?|"
                        r"movements?|brigades?|(?-i:[A-Z])[\w'’-]*)[\"”']?)+?(?=\s+(?:were|was|have|had|died)\b)", re.I)
_INCLUDING = re.compile(r"\s*,?\s+(?:including|among them)\s+[^,.;:]{1,60}?,?"
                        r"(?=\s+(?:were|was|have|had|died|perished)\b)", re.I)
_PART_BEFORE = re.compile(r"\b(?:including|among them|among whom)\s+$", re.I)
_OF_ONE_FAMILY = re.compile(r"\s+(?:from|of|belonging to)\s+(?:one|a|an|the same|a single)\s+(?:[\w-]+\s+)?"
                            r"(?:family|household|clan|tribe)|"
                            # "37 fighters from both sides were killed": the sides are not a count
                            r"\s+(?:from|on|of)\s+(?:both|either|all|each|the two|the opposing)\s+"
                            r"(?:sides?|parties|camps)",
                            re.I)


def _collective(head: str) -> bool:
    """"Six civilians from one family were killed", "killing an entire family": a family
    counts as one noun, not one person."""
    return head.lower() in ("family", "families", "household", "households", "clan", "clans", "tribe", "tribes")


# "executed six families of rebel fighters": families counted, whoever they are of; "killed 12
# members of one family": people counted, whichever family they are of.
_GROUPS_COUNTED = re.compile(r"\S+\s+(?:[\w-]+\s+)?(?:famil(?:y|ies)|households?|clans?|tribes?)\b", re.I)
_PEOPLE_OF = re.compile(r"\b(?:members|people|persons|relatives|civilians|children|women|men)\s+(?:of|from)\b", re.I)


def _counts_groups(text: str, q: _Quantity) -> bool:
    """Whether a counted phrase counts groups of people, not people."""
    phrase = text[q.start:q.end]
    if _GROUPS_COUNTED.match(phrase):
        return True
    return _collective(q.head) and not _PEOPLE_OF.search(phrase)


def _candidate_starts(text: str) -> list[int]:
    """Positions where a counted noun phrase may start (word starts)."""
    return [m.start() for m in re.finditer(r"(?<![\w-])[\w]", text)]


# A toll that opens a new sentence whose full stop a scraper lost: a capitalised quantifier
# in the middle of a sentence ("… on Bagata At least seven people were killed").
_LEDE_RESTARTS = re.compile(r"(?<=[\w'’] )(?-i:At least|At most|Some|About|Nearly|Almost|More than|Up to|Over) ")


def fatalities(sentence: str) -> int | None:
    """The conservative number of people the sentence says were killed, or None.

    Sum of its own counts (killed + perpetrators), or a stated death toll below it; else a
    stated death toll; else 0 when it says no one was killed; else None (it says nothing
    about deaths).
    """
    mentions = fatality_mentions(sentence)
    # A headline a scraper glued to its lede tells the lede's toll again: "Kwilu seven killed
    # in militia attack on Bagata At least seven people were killed on Sunday …" is seven.
    mentions = [m for i, m in enumerate(mentions)
                if not (m.kind == KILLED and _LEDE_RESTARTS.match(sentence, m.start)
                        and any(o.kind == KILLED and o.value == m.value for o in mentions[:i]))]
    own = [m.value for m in mentions if m.kind in (KILLED, PERPETRATOR)]
    totals = [m.value for m in mentions if m.kind == TOTAL]
    if own:
        # Two sources' figures in one sentence ("the agency said 30 militants were killed,
        # while an elder put the toll at 14"): the lowest, ACLED's rule. Only a figure another
        # source "put" the dead at: other tolls are running totals or another event's.
        second = [m.value for m in mentions if m.kind == TOTAL
                  and _PUT_BEFORE.search(sentence, max(0, m.start - 120), m.start)]
        return min([sum(own), *second])
    if totals:
        return min(totals)
    if any(m.kind == ZERO for m in mentions):
        return 0
    return None


# --- Arabic -----------------------------------------------------------------------------
# Every pattern below reads `arabic_view` text: folded (أ → ا, ة → ه, ى → ي, Eastern digits →
# 0-9) and without diacritics; spans are mapped back to the sentence.

# Vague words with their conventional values (see the module docstring), folded like the
# text they are looked up in.
VAGUE_AR = {fold(k): v for k, v in {
    "العشرات": 12, "عشرات": 10, "المئات": 100, "مئات": 100, "الآلاف": 1000, "آلاف": 1000,
    "عدة": 10, "عدد من": 10, "بضعة": 3, "بضع": 3,
}.items()}  # fmt: skip
# `mentions` tells a vague toll by these words in the sentence as written.
VAGUE = {**VAGUE, **{"عشرات": 10, "مئات": 100, "آلاف": 1000, "عدة": 10, "عدد من": 10, "بضعة": 3}}

_W = r"(?:[^\s.,;!?،؛؟]+)"


def _rx(source: str) -> re.Pattern[str]:
    """A regex over `arabic_view` text, its words written in ordinary spelling (قائد, not
    قايد): folded like the text."""
    return re.compile(fold(source))


_QUAL_AR = _rx(
    r"(?:ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|ما\s+يزيد\s+(?:عن|علي)|اكثر\s+من|ازيد\s+من|ما\s+يقارب|يقارب|نحو|"
    r"حوالي|قرابه|زهاء|ما\s+يصل\s+الي|اقل\s+من)\s+"
)
_DIGITS_AR = _rx(r"\d{1,3}(?:[,٬]\d{3})+(?!\d)|\d+(?![\d.])")
_VAGUE_AR_RX = _rx(r"(?:العشرات|عشرات|المئات|مئات|الآلاف|آلاف|عدة|عدد\s+من|بضعة|بضع)(?!\w)")
# A singular person (مقتل عنصر، قتل شاب) is one; a dual of a noun whose plural is not the
# same word (شخصين، عنصرين، طفلين; not مدنيين, which is also "civilians") two.
_PERSON_SG_AR = _rx(
    r"(?:ال)?(?:عنصر|شخص|مدني|طفل|طفله|امراه|رجل|شاب|شابه|فتاه|فتي|جندي|ضابط|مقاتل|قيادي|قائد|مسلح|عسكري|"
    r"صحفي|ناشط|مواطن|مزارع|راعي|سائق|طبيب|ممرض|ممرضه|معلم|معلمه|طالب|طالبه|عامل|مسعف|متظاهر|شرطي|حارس|"
    r"مختار|امام|سيده|مسن|مسنه|رضيع|رضيعه|قاصر|شقيق|ابن|ابنه|زوج|زوجه|والد|والده|انتحاري|مهرب|لاجي|نازح|"
    r"اسير|معتقل|رهينه|صياد|تاجر|موظف|منتسب|مجند|متطوع|شخصا|عنصرا|شابا|رجلا|طفلا|جنديا|مدنيا)(?!\w)"
)
_DUAL_AR = _rx(
    r"(?:ال)?(?:شخص|عنصر|طفل|طفلت|جندي|رجل|امرات|شاب|شابت|قتيل|ضابط|شقيق|شقيقت|ولد|فتات|قائد|طبيب|طالب|"
    r"شرطي|حارس|راعي|ابن|اسير|شهيد)(?:ين|ان)(?!\w)"
)
_NON_PERSON_AR = _rx(
    r"(?:ال)?(?:ساع\w*|ايام|يوم\w*|اسابيع|اسبوع\w*|اشهر|شهر\w*|سنوات|سنه|اعوام|عام\w*|دقائق|دقيق\w*|كيلو\w*|"
    r"كم|متر\w*|امتار|غار\w*|صاروخ\w*|صواريخ|قذائف|قذيف\w*|مرات|مره|سيار\w*|منازل|منزل\w*|مواقع|موقع\w*|قري|"
    r"قريه|بلدات|بلده|نقاط|نقطه|دولار\w*|ليره|ليرات|طن|اطنان|بالمئه|بالمائه|مباني|مبني|هجمات|هجوم\w*|"
    r"براميل|عبوات|الغام|طائر\w*|دبابات|اليات|مرتبه|درج\w*)(?!\w)|%"
)
_WOUND_AR = _rx(r"[وف]?(?:ال)?(?:جرحي|جريح\w*|مصاب\w*|اصاب\w*|اصيب\w*|جرح\w*)(?!\w)")
_WOUNDED_AR = _rx(r"(?:ال)?(?:جرحي|جريح\w*|مصاب\w*|مصابين)")  # "5 جرحى" counts the wounded
# Heads a count follows: a verbal noun (مقتل، استشهاد، مصرع، وفاة، إعدام: the count right
# after it) or a verb (قتل، قتلت، يقتل: its subject may come first, "قتلت قوات النظام خمسة").
_NOUN_HEAD_AR = _rx(r"(?<!\w)[وف]?[بل]?(?:مقتل|استشهاد|مصرع|وفاه|اعدام|سقوط)(?!\w)")
_VERB_HEAD_AR = _rx(
    r"(?<!\w)[وف]?(?:قتل|قتلت|قتلوا|قتلا|[يت]قتل|[يت]قتلون|اعدم|اعدمت|اعدموا|[يت]عدم|استشهد|قضي|قضت|قضوا)(?!\w)"
)
_DEAD_NOUN_AR = _rx(r"\s+(?:" + _W + r"\s+)?(?:ال)?(?:قتلي|قتيل|قتيلا|شهداء|شهيد|شهيدا|موتي)(?!\w)")
_DIED_AFTER_AR = _rx(
    r"\s+(?:" + _W + r"\s+){0,2}?[وف]?(?:لقوا|لقي|لقيا|لقيت|قتلوا|قتلا|قتلن|قضوا|قضيا|فارقوا|فارقا|توفوا|توفيا|"
    r"استشهدوا|استشهدا)(?!\w)"
)
_MET_DEATH_AR = _rx(r"(?<!\w)[وف]?(?:لقي|لقيت|لقوا|لقيا|[يت]لقي|[يت]لقون)\s+")
_DEATH_OBJECT_AR = _rx(r"\s+(?:" + _W + r"\s+){0,3}?(?:مصرع|حتف)\w*")
_DUAL_DEAD_AR = _rx(r"(?<!\w)[وف]?(?:ال)?(?:قتيلان|قتيلين|شهيدان|شهيدين)(?!\w)")
_ONE_DEAD_AR = _rx(r"(?<!\w)[وف]?سقوط\s+(?P<one>قتيل|شهيد)(?!\w)")
_TOLL_AR = _rx(
    r"(?<!\w)[وف]?(?:ارتفع\w*|[يت]رتفع\w*|بلغ\w*|[يت]بلغ\w*|وصل\w*|[يت]صل)\s+(?:" + _W + r"\s+){0,2}?"
    r"(?:حصيله|عدد)\s+(?:ال)?(?:قتلي|ضحايا|وفيات|شهداء|موتي)(?:\s+(?!الي(?!\w))" + _W + r"){0,5}?\s+(?:الي\s+)?"
)
_ZERO_AR = _rx(
    r"(?<!\w)[وف]?(?:(?:لم|لا)\s+(?:[يت]سجل|[يت]سفر\s+عن|[يت]قع|[يت]رد|[يت]فد|تشهد|يشهد)\s+(?:" + _W + r"\s+){0,3}?"
    r"(?:ال)?(?:اصابات|اصابه|ضحايا|خسائر\s+بشريه|خسائر\s+في\s+الارواح|قتلي|وفيات)|"
    r"(?:دون|بدون|من\s+دون|من\s+غير)\s+(?:ان\s+[يت]سفر\s+عن\s+)?(?:(?:وقوع|تسجيل|سقوط)\s+)?(?:اي\s+)?"
    r"(?:اصابات|اصابه|ضحايا|خسائر\s+بشريه|خسائر\s+في\s+الارواح)|لم\s+[يت]صب\s+احد|لم\s+[يت]قتل\s+احد|"
    r"لا\s+(?:اصابات|ضحايا|خسائر\s+بشريه)|اقتصرت\s+(?:ال)?اضرار\s+علي\s+(?:ال)?ماديات)(?!\w)"
)
_SELF_AR = _rx(
    r"(?<!\w)[وف]?(?:فجر|فجرت|فجرا|فجروا|[يت]فجر|[يت]فجرون)\s+(?:" + _W + r"\s+){0,2}?"
    r"(?P<who>نفسه|نفسها|نفسيهما|انفسهما|انفسهم)(?!\w)"
)
_BOMBERS_AR = _rx(r"(?:" + _DIGITS_AR.pattern + r"|\w+(?:\s+عشر\w*)?)\s+(?:ال)?انتحاري(?:ين|ون)(?!\w)")
_NEXT_WORD = _rx(r"\s*(" + _W + r")")
# Words that end a counted noun phrase: "مقتل ثلاثة منهم", "5 في القصف".
_STOP_AR = frozenset(fold(w) for w in (
    "في", "على", "من", "إلى", "عن", "جراء", "إثر", "بعد", "قبل", "خلال", "اليوم", "أمس", "بينهم", "منهم",
    "آخرين", "وإصابة", "وجرح", "إضافة",
))  # fmt: skip


@dataclass(frozen=True)
class _QuantityAr:
    value: int
    start: int
    end: int


def _ar_number(text: str, pos: int) -> tuple[int, int] | None:
    """A count at `pos`: digits, or a number word of one or two words (ثلاثة، أحد عشر)."""
    m = _DIGITS_AR.match(text, pos)
    if m:
        return int(re.sub(r"[,٬]", "", m.group(0))), m.end()
    words = list(re.finditer(r"[^\s.,;!?،؛؟]+", text[pos : pos + 40]))
    if not words or words[0].start() != 0:
        return None
    if len(words) > 1 and text[pos + words[0].end() : pos + words[1].start()].strip() == "":
        two = to_int(text[pos : pos + words[1].end()])
        if two is not None:
            return two, pos + words[1].end()
    one = to_int(words[0].group(0))
    return (one, pos + words[0].end()) if one is not None else None


def _ar_quantity(text: str, pos: int, *, persons: bool) -> _QuantityAr | None:
    """A counted noun phrase at `pos`: a number with its qualifier and range, a vague
    word, or (with `persons`) a dual or a singular person noun. None when the noun after
    the number counts something else ("3 أيام", "2017")."""
    q = _QUAL_AR.match(text, pos)
    p = q.end() if q else pos
    value: int | None = None
    end = p
    between = re.match(r"بين\s+", text[p:])
    num = _ar_number(text, p + between.end()) if between else _ar_number(text, p)
    if num is not None:
        value, end = num
        rng = re.match(r"\s*(?:-|–|الي|او|و)\s*" if between else r"\s*(?:-|–|الي|او)\s*", text[end:])
        second = _ar_number(text, end + rng.end()) if rng else None
        if second is not None:
            value, end = min(value, second[0]), second[1]
        if re.fullmatch(r"(?:19|20)\d\d", text[p:end]):
            return None  # a year
    elif (v := _VAGUE_AR_RX.match(text, p)) is not None:
        value, end = VAGUE_AR[re.sub(r"\s+", " ", v.group(0))], v.end()
    elif persons and (d := _DUAL_AR.match(text, p)) is not None:
        return _QuantityAr(2, pos, d.end())
    elif persons and (one := _PERSON_SG_AR.match(text, p)) is not None:
        return _QuantityAr(1, pos, one.end())
    else:
        return None
    nxt = _NEXT_WORD.match(text, end)
    if nxt:
        if _NON_PERSON_AR.match(nxt.group(1)) or _WOUNDED_AR.fullmatch(nxt.group(1)):
            return None
        if nxt.group(1) not in _STOP_AR and not _DEAD_NOUN_AR.match(text, end):
            end = nxt.end()
    return _QuantityAr(value, pos, end)


def _ar_chain(text: str, pos: int, *, persons: bool) -> list[_QuantityAr]:
    """'ثلاثة مدنيين وطفلين' -> [3, 2]; a count of the wounded after و stops it."""
    out: list[_QuantityAr] = []
    q = _ar_quantity(text, pos, persons=persons)
    while q is not None:
        out.append(q)
        sep = re.match(r"\s+و\s*", text[q.end :])
        if not sep:
            break
        q = _ar_quantity(text, q.end + sep.end(), persons=True)
    return out


def _arabic_mentions(sentence: str) -> list[FatalityMention]:
    view = arabic_view(sentence)
    text = view.text
    found: dict[tuple[int, int], FatalityMention] = {}

    def add(value: int, start: int, end: int, kind: str) -> None:
        start, end = view.span(start, end)
        for s, e in list(found):
            if s < end and start < e:  # overlapping: keep the longer reading
                if e - s >= end - start:
                    return
                del found[(s, e)]
        found[(start, end)] = FatalityMention(value, start, end, sentence[start:end], kind)

    # "مقتل 5 عناصر", "مقتل شخصين", "أسفر عن مقتل عنصر"
    for h in _NOUN_HEAD_AR.finditer(text):
        sp = re.match(r"\s+", text[h.end() :])
        if sp:
            persons = not h.group(0).endswith("سقوط")  # "سقوط" needs its قتلى: "سقوط 5 قتلى"
            for q in _ar_chain(text, h.end() + sp.end(), persons=persons):
                if persons or _DEAD_NOUN_AR.match(text, _ar_number_end(text, q)):
                    add(q.value, q.start, q.end, KILLED)
    # "قُتل ثلاثة", "قتلت قوات النظام خمسة مدنيين": the subject of an active verb may come
    # first (three words at most, no wounding verb among them).
    for h in _VERB_HEAD_AR.finditer(text):
        pos = h.end()
        for _ in range(4):
            sp = re.match(r"\s+", text[pos:])
            if not sp:
                break
            pos += sp.end()
            chain = _ar_chain(text, pos, persons=True)
            if chain:
                for q in chain:
                    add(q.value, q.start, q.end, KILLED)
                break
            w = _NEXT_WORD.match(text, pos)
            if w is None or _WOUND_AR.fullmatch(w.group(1)):
                break
            pos = w.end()
    # "5 قتلى", "عشرات القتلى", "ثلاثة مدنيين لقوا مصرعهم"
    for m in re.finditer(r"(?<![\w-])\w", text):
        count = _ar_quantity(text, m.start(), persons=False)
        if count is None:
            continue
        dead = _DEAD_NOUN_AR.match(text, _ar_number_end(text, count))
        if dead:
            add(count.value, count.start, max(count.end, dead.end()), KILLED)
        elif _DIED_AFTER_AR.match(text, count.end):
            add(count.value, count.start, count.end, KILLED)
    # "لقي 3 أشخاص مصرعهم", "لقي شاب حتفه"
    for h in _MET_DEATH_AR.finditer(text):
        chain = _ar_chain(text, h.end(), persons=True)
        if chain and _DEATH_OBJECT_AR.match(text, chain[-1].end):
            for q in chain:
                add(q.value, q.start, q.end, KILLED)
    for m in _DUAL_DEAD_AR.finditer(text):
        add(2, m.start(), m.end(), KILLED)
    for m in _ONE_DEAD_AR.finditer(text):
        add(1, m.start("one"), m.end("one"), KILLED)
    for m in _TOLL_AR.finditer(text):
        num = _ar_number(text, m.end())
        if num is not None:
            add(num[0], m.end(), num[1], TOTAL)
    for m in _SELF_AR.finditer(text):
        selves = 1 if m.group("who") in ("نفسه", "نفسها") else 2
        if m.group("who") == "انفسهم":
            bombers = list(_BOMBERS_AR.finditer(text, max(0, m.start() - 80), m.end()))
            if bombers:
                selves = to_int(bombers[-1].group(0).rsplit(None, 1)[0]) or 2
        add(selves, m.start(), m.end(), PERPETRATOR)
    for m in _ZERO_AR.finditer(text):
        add(0, m.start(), m.end(), ZERO)
    return sorted(found.values(), key=lambda f: f.start)


def _ar_number_end(text: str, q: _QuantityAr) -> int:
    """Where the count itself ends (before its noun): "5 قتلى" has no noun of its own."""
    qual = _QUAL_AR.match(text, q.start)
    p = qual.end() if qual else q.start
    num = _ar_number(text, p)
    if num is not None:
        return num[1]
    v = _VAGUE_AR_RX.match(text, p)
    return v.end() if v else q.end

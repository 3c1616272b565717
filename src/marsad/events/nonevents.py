"""Only events are events: sentences that name violence but report no event.

A sentence may use every word of an attack and still report none. These are rules of news
writing in general, applied before a sentence yields mentions:

- appeals, calls and condemnations before the event's words ("the UN called for urgent
  access", "condemned the strike") — what someone said about events, not an event
  (protests excepted: protesters call for things);
- legal characterisations ("amounted to war crimes", "termed the assaults war crimes");
- a monitor's methodology ("identifies the aircraft by their flight patterns");
- tag and metadata lines ("Tags Syria Raqqa airstrikes …");
- fighting named as a thing that paused or caused something ("the freeze on fighting",
  "harvests failed due to fighting"), or as what describes a group ("one of the groups
  fighting in Aleppo");
- photo captions glued into a scraped body ("A man runs near an ambulance after an airstrike
  … Syria August 6 2016 (TRT World and Agencies)"), and sentences a photo credit opens
  ("AP Photo Leaders Flee Raqqa …", a teaser for another story).

Summaries of a period ("fighting has intensified over the past month") are background:
see `dates.is_background`.

Arabic sentences: appeals and condemnations (دعا، طالبت، ناشد، أدان، استنكر، ندّد، شجب، حثّ)
before the event's words in the same clause, legal characterisations ("ترقى إلى جرائم حرب")
and tag lines ("الوسوم: ..."). An Arabic trigger framed as an earlier event (ردا على،
ذكرى، منذ عام 2017، اتهم ... بـ) is already no event for `classify`.
"""

from __future__ import annotations

import re

from ..arabic.text import fold
from ..dates import RELATIVE, names_a_day
from ..segment.clean import cut_glued_captions
from ..segment.lines import HEADLINE_WORDS, is_caption, opens_with_credit
from .classify import arabic_view, is_arabic_text, word_start

_APPEAL = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:on|for|upon)|appeal(?:s|ed|ing)?\s+(?:to|for)|urg(?:e|es|ed|ing)\b|"
    r"condemn\w*|denounc\w*|deplor\w*|demand(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:independent\s+)?"
    r"(?:investigation|inquiry|probe|halt|end|stop))", re.I)
_LEGAL = re.compile(
    r"\b(?:amount(?:s|ed|ing)?\s+to|constitut(?:e|es|ed|ing)|tantamount\s+to|(?:could|may|might)\s+be)\s+"
    r"(?:an?\s+)?(?:war\s+crimes?|crimes?\s+against\s+humanity|genocide|ethnic\s+cleansing)", re.I)
# "The West has accused Russia of war crimes over its bombing of Aleppo": a charge, over the
# acts it names. Not an act told in a clause of its own: "… accused the army of war crimes
# after troops shelled Baba Amr on Tuesday" tells the shelling.
_ACCUSED = re.compile(
    r"\baccus(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){1,4}?of\s+(?:committing\s+|potential\s+|possible\s+)?"
    r"(?:an?\s+)?(?:war\s+crimes?|crimes?\s+against\s+humanity|genocide|ethnic\s+cleansing)", re.I)
_CHARGE_ENDS = re.compile(r"[,;:]|\b(?:after|when|as|while|since|because|before|and\s+then)\b", re.I)
# "The US and France termed the assaults 'war crimes'", "Amnesty described the strikes as a
# crime against humanity": a naming of acts told elsewhere. Only when the act's word is the
# naming verb's object: "Jets killed 40 in what the UN termed a war crime" tells the strike.
_NAMING = re.compile(r"(?<![-\w])(?:termed|call(?:s|ed)|describ(?:es|ed)|brand(?:s|ed)|labell?(?:s|ed)|"
                     r"characteri[sz](?:es|ed)|classif(?:ies|ied))\s+(?:\S+\s+){0,4}?$", re.I)
# The charge after "as", or after the act's words with no preposition right before it: "a
# protest against genocide" names what the protest was about; "called the attack on the
# hospital a war crime" names the attack.
_CHARGE = re.compile(r"\S*\s+(?:(?:\S+\s+){0,6}?as\s+|(?:\S+\s+){0,6}?"
                     r"(?<!\bagainst\s)(?<!\bon\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bover\s)(?<!\babout\s)"
                     r"(?<!\baccused\s)(?<!\bwith\s))"
                     r"[\"“'‘]?(?:an?\s+)?(?:war\s+crimes?|crimes?\s+against\s+humanity|genocide|ethnic\s+cleansing|"
                     r"terrorism|acts?\s+of\s+terror(?:ism)?)\b", re.I)
_METHOD = re.compile(
    r"\b(?:identif(?:y|ies|ied)|distinguish(?:es)?|determin(?:e|es)|tells?\s+apart)\b[^.;]{0,80}?"
    r"\b(?:aircraft|warplanes?|planes|jets|helicopters)\b[^.;]{0,40}?\bby\b|\bmethodolog", re.I)
# "Source AA Related News Death toll rises to 70 as …": a page's list of links to other stories.
_RELATED = re.compile(r"\b(?:Related|More)\s+(?:News|Articles|Stories|Posts|Coverage|Reading)\b|\bRead\s+[Mm]ore\b")
# A linked story's headline runs a dozen words at most (`segment.lines.HEADLINE_WORDS`): a
# scraped body glues the story's next sentence after it ("Read more: Families of hostages say
# regime used them as bargaining chip Unknown gunmen abducted a young man …"), whose act is
# the story's own.


# A page's tag line glued after the body's last sentence: "… if Turkish soldiers are harmed
# Tags: Latakia, Kabani, Russian airstrikes".
_TAGS_GLUED = re.compile(r"\b(?:Tags|Keywords|Topics)\s*:")


def _words_after_a_teaser(sentence: str, pos: int) -> int | None:
    """How many words lie between the last "Read more:" (or "Related news") before `pos` and
    `pos`; None when there is none."""
    teasers = list(_RELATED.finditer(sentence, 0, pos))
    return len(sentence[teasers[-1].end():pos].split()) if teasers else None


def in_a_teaser_headline(sentence: str, pos: int) -> bool:
    """Whether `pos` lies in the dozen words after a "Read more:" glued into a sentence."""
    words = _words_after_a_teaser(sentence, pos)
    return words is not None and words < HEADLINE_WORDS


def _in_a_teaser(sentence: str, trigger_start: int) -> bool:
    if _TAGS_GLUED.search(sentence, 0, trigger_start):
        return True
    words = _words_after_a_teaser(sentence, trigger_start)
    return words is not None and words <= HEADLINE_WORDS
# "… from Daesh REUTERS Social Media Website Blast Occurs Near Bus Convoy Evacuating Syrians
# From Besieged Towns to Aleppo Over 20 Dead MOSCOW (Sputnik) …", "Sputnik Hikmet Durgun
# US-Led Coalition Confirms Syrias Raqqa Completely Liberated From Daesh": a linked story's
# headline, in Title Case after a credit (an agency, a photographer's outlet, "Related"),
# glued into a scraped body. Six Title Case words or more around the act's word (function
# words and numbers may sit between them), the act's word not the sentence's first nor in
# capitals: an organisation's name before a verb ("Clashes near Deir Ezzor Military Airport
# killed five"), an acronym ("the Kenya Defence Forces (KDF) camp") and text in capitals are
# prose.
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’./-]*|(?:of|in|to|from|and|the|a|an|at|on|for|as|by|with|after|over|near|into|"
                         r"amid|against)(?![\w'’-])")
_MIXED_CASE = re.compile(r"[A-Z](?=[\w'’.-]*[a-z])[\w'’.-]*")
_CREDIT = re.compile(r"(?:[A-Z]{3,}|AP|AA|Sputnik|Reuters|Xinhua|Photo|Photos|Related|Video|Watch|Getty|Anadolu)"
                     r"(?:/\S*)?")


def in_linked_headline(sentence: str, trigger_start: int) -> bool:
    """Whether the act's word sits in a run of Title Case words that a credit opens (see
    `_TITLE_WORD`): the headline of another story, glued into this one's body. Asked of
    sentences after an article's first: its own headline may open the body."""
    spans = list(re.finditer(r"\S+", sentence))
    words = [w.group().strip("\"'“”‘’(),:;") for w in spans]
    at = next((i for i, w in enumerate(spans) if w.start() <= trigger_start < w.end()), None)
    if not at or not _MIXED_CASE.fullmatch(words[at]):
        return False

    def titled(i: int) -> bool:
        return _TITLE_WORD.fullmatch(words[i]) is not None

    lo = hi = at
    while lo > 0 and titled(lo - 1):
        lo -= 1
    while hi + 1 < len(words) and titled(hi + 1):
        hi += 1
    credited = any(_CREDIT.fullmatch(w) for w in words[lo:at])
    return credited and sum(1 for w in words[lo:hi + 1] if _MIXED_CASE.fullmatch(w)) >= 6


_TAGS = re.compile(r"^\s*(?:tags?|keywords|topics|related\s+topics|filed\s+under)\b\s*:?\s", re.I)
_PROTESTS = {"Protests", "Riots"}
# "the freeze on fighting", "a lull in the violence", "production fell due to fighting": the
# fighting named as a thing that paused, ended or caused something, not as an incident.
_FIGHTING = re.compile(r"(?:fighting|violence|war|conflict|hostilities|clashes|bombardment|bloodshed)\b", re.I)
_STIRRED = re.compile(r"\w+\s+(?:(?:in|across|around)\s+\w+\s+)?(?:has|have|had)?\s*(?:raised|sparked|prompted|fuelled|"
                      r"fueled|triggered|stoked|deepened|heightened)\s+(?:\w+\s+)?(?:concerns?|fears?|alarm|outrage|"
                      r"condemnation|worries|anxiety|calls)\b", re.I)
# "The fighting has also cut roads linking the region to Bamako", "the clashes have forced
# thousands to flee": what fighting has done, told as its consequence, not one of its days.
_CONSEQUENCE = re.compile(r"\w+\s+(?:(?:in|across|around|near|for)\s+(?:the\s+)?[\w-]+\s+)?(?:has|have)\s+"
                          r"(?:also\s+|already\s+|now\s+)?(?:cut|cut\s+off|disrupted|displaced|forced|driven|closed|"
                          r"halted|hampered|severed|blocked|uprooted|paralysed|paralyzed|crippled|emptied|"
                          r"devastated|destroyed\s+(?:crops|harvests|livelihoods))\b", re.I)
_HURT = re.compile(r"\b(?:killed|wounded|injured|died|dead|hurt|casualties)\b", re.I)
# ... in the passive or told of what did it: "the fighting around Gao has killed more than
# 300 people and displaced 40,000 since April".
_TOLL_SINCE = re.compile(
    r"\b(?:has|have) (?:been )?(?P<verb>killed|displaced|wounded|injured|detained|arrested|kidnapped|abducted) "
    r"(?:[\w,-]+ ){0,12}?(?:since (?:(?:early|late|mid)[ -])?(?:(?:19|20)\d\d|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b|(?:so far )?this year\b)", re.I)
# ... not an act ranked among the year's ("in the deadliest attack this year", "the third such
# kidnapping this year")
_RANKED_IN_THE_YEAR = re.compile(r"\b(?:deadliest|worst|biggest|largest|bloodiest|latest|first|second|third|fourth|"
                                 r"fifth|such)\b", re.I)
# "Murzuq has been torn since August by fighting between …", "the coastal provinces have been
# shaken this year by a wave of violence": a place's months or year summed up.
_PERIOD_SHAKEN = re.compile(
    r"\b(?:has|have|had) been (?:\w+ly )?(?:torn|rocked|gripped|shaken|plagued|wracked|racked|engulfed|ravaged|roiled|"
    r"convulsed|beset|marred|blighted) (?:[\w,'’-]+ ){0,6}?(?:since\b|this year\b|for (?:weeks|months|years)\b|"
    r"in recent (?:weeks|months|years)\b|by (?:a |an )?(?:\w+ )?(?:wave|spate|string|series|surge|cycle|spiral) of\b)",
    re.I)
_FIGHTING_WORD = re.compile(r"(?:fighting|battling)\b", re.I)
# ... a count the sentence takes from one told before ("of them") or sums over time (not "In
# Khartoum alone, security forces shot dead nine protesters", after a sentence naming the day)
_A_SHARE = re.compile(r"\bof (?:them|those|these|whom)\b|\b(?:has|have) (?:been )?\w+ed\b|\bthis year\b|\bsince\b",
                      re.I)
_PLACE_ALONE = re.compile(r"\b[Ii]n\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:(?:district|province|county|region|state|"
                          r"governorate|city|area|valley)\s+)?alone\b")
# "the bus was carrying opposition fighters battling forces loyal to Assad": the group is the
# object of the sentence's own verb, and the fighting says who they are.
_OBJECT_GROUP = re.compile(r"\b(?:was|were|is|are|has|have|had)\s+(?:\w+\s+){0,2}?(?:\w+ing|\w+ed)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?(?:fighters|rebels|militants|insurgents|militiamen|troops|forces|groups?|factions?)\s+$",
                           re.I)
# Nouns of a campaign, a run of acts over time.
_CAMPAIGN = r"offensive|campaign|war|conflict|siege|onslaught|insurgency"
# The campaign noun is the subject ("the offensive … has killed"): after a determiner, with no
# noun after it ("war planes", "war-torn", "special operations forces"), and no incident
# named between it and the verb ("the war in Gaza …, an Israeli strike … has killed 20").
_CAMPAIGN_TOLL = re.compile(r"(?:\b(?:the|its|their|this|that|a|an)|\w['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
                            rf"(?:{_CAMPAIGN}|intervention)(?![\w-])(?!\s+(?!on\b|against\b|in\b|of\b|"
                            r"which\b|that\b|has\b|have\b)[a-z])"
                            r"(?:(?!\b(?:strikes?|airstrikes?|attacks?|raids?|shelling|bombings?|blasts?|explosions?)\b)"
                            r"[^.;]){0,120}?\b(?:has|have)\s+(?:(?:already|so far|now|also)\s+)?"
                            r"(?:killed|destroyed|left|claimed|displaced|wounded|levelled|leveled)\b", re.I)
_KILLED_IN_THE_CAMPAIGN = re.compile(
    r"\b(?:hundreds|thousands|tens\s+of\s+thousands|\d{1,3}(?:,\d{3})+|\d{4,})\s+(?:of\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:have|has|had|were|was)\s+(?:(?:reportedly|also|since)\s+)?(?:been\s+)?)?"
    r"(?:killed|died|dead|wounded|injured)\s+(?:in|during|throughout|over\s+the\s+course\s+of)\s+"
    rf"(?:the|its|their|this|that)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_CAMPAIGN}|uprising)(?![\w-])", re.I)
_ACT_CLAUSE_AFTER = re.compile(r"\b(?:after|when|as|while)\s", re.I)
_A_GROUP = re.compile(
    r"\b(?:one|some|many|most|several|all|two|three|each|any|none|among)\s+(?:of\s+)?the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:groups?|factions?|rebels?|militias?|militants|militiamen|fighters|insurgents|jihadists|"
    r"mercenaries|brigades?|organi[sz]ations?|parties|allies|forces|troops|units)\s+$", re.I)
# "the last big stronghold of the rebels fighting President Bashar al-Assad", "support for
# militias fighting the government": a group a preposition names, and its fighting who it is.
_GROUP_OF = re.compile(r"\b(?:of|for|with|to|against|among|from)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
                       r"(?:rebels|fighters|militants|insurgents|militias?|militiamen|jihadists|groups?|factions?|"
                       r"forces|troops)\s+$", re.I)
# "the government refers to rebels fighting to topple Assad as terrorists": what they fight for.
_FIGHTING_TO = re.compile(r"fighting\s+to\s+(?:topple|overthrow|oust|bring\s+down|remove|unseat|end|defend|"
                          r"establish|create)\b", re.I)
# "a meeting aimed at curbing deadly violence in Syria": what a meeting or a plan is for — the
# violence in general, not fighting a sentence tells ("troops were deployed to contain clashes
# that killed six", "elders intervened to stop the fighting on Wednesday").
_CURBED = re.compile(r"\b(?:curb(?:s|ed|ing)?|curtail(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|end(?:s|ed|ing)?|"
                     r"de-?escalat(?:e|es|ed|ing)|prevent(?:s|ed|ing)?)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_ABSTRACT_VIOLENCE = re.compile(r"(?:violence|bloodshed)\b", re.I)
# "a meeting … this Saturday aimed at curbing deadly violence", "efforts to end the fighting",
# "urged Russia to stop the war": what a plan, an effort or a call is to end, named in general,
# whatever day the plan names. Not fighting the sentence tells ("efforts to end the clashes,
# which killed nine on Monday"; "troops were sent in to end the clashes in the town").
_AIMED_TO_END = re.compile(
    r"\b(?:aimed at|aim(?:s|ed|ing)? (?:at|to)|in a bid to|efforts? to|bid to|push(?:es|ed)? to|designed to|"
    r"meant to|intended to|seek(?:s|ing)? to|sought to|ways? to|calls? to|called to|urg(?:e|es|ed|ing) \w+ to) "
    r"(?:curb|curbing|end|ending|stop|stopping|halt|halting|reduce|reducing|de-?escalate|contain|containing)\s+"
    r"(?:(?:the|all|further|ongoing|deadly|renewed|continued|continuing|such|escalating|rising|sectarian|armed|"
    r"political)\s+)*$", re.I)
# "… in a bid to halt the fighting that erupted there on Tuesday between Peshmerga and
# Turkmen militiamen": the fighting told, after its word.
_TOLD_AFTER = re.compile(r"\w+,?\s+(?:(?:that|which)\s+(?:has\s+|have\s+|had\s+)?(?:\w+\s+)?(?:erupted|broke\s+out|"
                         r"raged|began|started|flared|resumed|displaced|forced|left)|(?:[\w'’-]+\s+){0,3}?between\s)",
                         re.I)
_VIOLENCE_IN_GENERAL = re.compile(r"(?:violence|fighting|bloodshed|hostilities|war|conflict|unrest)\b", re.I)
_PAUSE_OR_CAUSE = re.compile(
    r"\b(?:(?:freeze|halt|end|pause|lull|break|reduction|cessation|respite|stop|decline|drop)\s+(?:on|to|in|of)|"
    r"due\s+to|because\s+of|caused\s+by|displaced\s+by|affected\s+by|result\s+of|fleeing|fled|escaping)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)

# "Moscow said its jets had stopped bombing Aleppo", "Turkey suspended its air strikes": the
# act named as one that ended or paused, which is no strike or battle.
# Only a told stop ("stopped", "has halted"): "calls to stop the bombing", "a pledge to halt
# operations" and a "bus stop bombing" tell the act itself.
_STOP = (r"(?<!\bto\s)\b(?:stop(?:s|ped)|halt(?:s|ed)|ceas(?:es|ed)|suspend(?:s|ed)|paus(?:es|ed)|ended|"
         r"call(?:s|ed) off|refrain(?:s|ed) from)\s+(?:(?:its|their|the|all|his|her|our)\s+)?(?:[\w-]+\s+)?")
_STOPPED = re.compile(_STOP + "$", re.I)  # right before the act's word
_STOPPED_ACT = re.compile(_STOP + r"(?:bombing|bombardment|air ?strikes|strikes|raids|shelling|fighting|hostilities|"
                          r"military operations|operations|offensive)\b", re.I)
_ACTS = {"Explosions/Remote violence", "Battles"}
# "limiting their capacity to launch coordinated attacks": what they could do. Not a verb told
# after it ("rebels with the ability to fire rockets shelled Aleppo").
# "half of the pre-war population has been displaced", "6.2 million people have fled": the
# war's displacement summed up, not people fleeing one act.
_DISPLACEMENT_SUMMED = re.compile(r"\b(?:millions?|(?:half|a\s+third|a\s+quarter|two-thirds|third|quarter)\s+of\s+"
                                  r"(?:the\s+|its\s+)?(?:\w+['’]s\s+)?(?:pre-?war\s+)?population)\b", re.I)
# "the army would continue fighting the terrorists until …", "will keep striking": a vow, not
# an act.
_VOWED = re.compile(r"\b(?:will|would|shall|'ll)\s+(?:continue|keep(?:\s+on)?|go\s+on)\s+(?:to\s+)?$", re.I)
# "there was no evidence that any attack had taken place", "no sign of an air strike": an act
# denied, not told.
_NO_EVIDENCE = re.compile(r"\bno\s+(?:evidence|proof|sign|signs|indication|trace|record)\s+(?:that\s+|of\s+)?"
                          r"(?:any\s+|an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
# ... an occurrence denied: the act's word, then "had taken place", "happened", "occurred".
_OCCURRED = re.compile(r"\S+(?:\s+\S+){0,3}?\s+(?:had\s+|has\s+|ever\s+)*(?:taken\s+place|took\s+place|happened|"
                       r"occurred|been\s+carried\s+out|was\s+carried\s+out)\b", re.I)
# "respected the right to peaceful protest": a right names no act ("the rights of protesters shot
# dead" are those of people an act was done to).
_A_RIGHT = re.compile(r"\brights?\s+to\s+(?:[\w-]+\s+){0,2}?$", re.I)
_CAPABILITY = re.compile(r"\b(?:capacity|ability|capability|capabilities|capable)\s+(?:to|of)\s+[\w-]+\s+"
                         r"(?:[\w-]+\s+){0,2}$", re.I)


# "gunfire, which usually happens to clear the road", "rebels often fire rockets at the city":
# what happens as a rule, told by an adverb before the act's word or about its happening. Not
# one about another word: "jets struck the market, which is usually crowded".
_HABITUAL = (r"\b(?:usually|typically|normally|generally|commonly|often|sometimes|habitually|customarily|"
             r"frequently|regularly|periodically|from\s+time\s+to\s+time|every\s+now\s+and\s+then|"
             r"tend(?:s)?\s+to|used\s+to)\b")
_HABIT = re.compile(_HABITUAL, re.I)
# ... or after it, of the act itself: "gunfire, which usually happens when …".
_HABIT_AFTER = re.compile(_HABITUAL + r"\s+(?:happen|occur|take\s+place|takes\s+place|break\s+out|erupt)", re.I)
# ... or between the doers a trigger opens with and their act: "Militants periodically attack
# convoys on the highway".
_HABIT_INSIDE = re.compile(r"(?!(?:a|an|the|his|her|their|its|this|that)\s)(?:[\w'’-]+\s+){1,2}" + _HABITUAL
                           + r"\s+(?![a-z]+(?:ed|en)\s)[a-z]+", re.I)
_DETERMINER = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that)\s+$", re.I)
# ... or as what has grown common: "Abductions for ransom have become common on the roads",
# "kidnappings are rampant in the state". Said of the act's own noun, a few words on, in the
# same clause (not "gunmen abducted five traders in an area where kidnappings are common").
_GROWN_COMMON = re.compile(
    r"(?:(?!(?:where|which|when|who|that|while|after|as)\s)[^\s,;:.]+\s+){1,6}?"
    r"(?:(?:has|have|had)\s+(?:long\s+|now\s+|also\s+)?become\s+|(?:is|are)\s+(?:now\s+|still\s+)?)"
    r"(?:(?:more|increasingly|very|so|all\s+too|fairly|quite|depressingly)\s+)?"
    r"(?:common(?:place)?|routine|frequent|rampant|widespread|rife|endemic|"
    r"an?\s+(?:daily|regular|common|weekly|frequent|everyday)\s+(?:occurrence|feature|sight|event|threat))\b", re.I)
# ... unless the sentence tells an act beside it ("Gunmen killed four people in Kidal, where
# attacks on civilians are frequent", "Shelling is routine in Kherson, and a strike killed three").
_ACT_VERBS = (r"killed|attacked|struck|stormed|abducted|kidnapped|shelled|bombed|exploded|fired|seized|captured|"
              r"clashed|arrested|detained|shot|hit|raided|wounded|injured")
_ACT_TOLD = re.compile(rf"\b(?:{_ACT_VERBS}|killing|marched|protested|rallied)\b", re.I)
# Not a habit of those who did the act, told in a clause of their own ("Israeli forces, which
# often raid the camp, killed three"), nor one beside a clause that tells the act ("… at
# night; the latest raid killed 14").
_WHO_CLAUSE = re.compile(r"(?:,|\b(?:who|which|that))\s+(?:\w+\s+){0,2}$", re.I)
_NEXT_CLAUSE = re.compile(r"[;:–—]|,\s+but\b|\bbut\b")


def _habit(sentence: str, trigger_start: int) -> bool:
    """Whether the sentence tells its act as a habit (`_HABIT`, `_HABIT_AFTER`)."""
    if _HABIT_AFTER.search(sentence, trigger_start, trigger_start + 60) or _HABIT_INSIDE.match(sentence, trigger_start):
        return True
    common = _GROWN_COMMON.match(sentence, trigger_start)
    if common and not _ACT_TOLD.search(sentence[:common.start()] + " " + sentence[common.end():]):
        return True
    habit = _HABIT.search(sentence, max(0, trigger_start - 25), trigger_start)
    # ("a regularly scheduled convoy", "the frequently shelled town": a word about a thing)
    if habit is not None and _DETERMINER.search(sentence, max(0, habit.start() - 8), habit.start()):
        return False
    return habit is not None and not re.search(r"[,;]", sentence[habit.end():trigger_start]) \
        and not _WHO_CLAUSE.search(sentence, max(0, habit.start() - 30), habit.start()) \
        and not _NEXT_CLAUSE.search(sentence, trigger_start)


# "the launch of a book about sexual abuse", "a documentary on the siege of Aleppo": what a
# work is about. (Not "a report": "reports of shelling in Douma" tell shelling.)
_TOPIC = re.compile(r"\b(?:book|film|movie|documentary|novel|play|memoir|study|exhibition|podcast|song|lecture|"
                    r"seminar|workshop|conference|course|awareness campaign)s?\b(?:\s+[\w'’,-]+){0,4}?\s+"
                    r"(?:about|on|into|examining|exploring)\s+(?:[\w-]+\s+){0,3}$", re.I)
# Words of a noun phrase, up to eight, with no verb of the sentence among them ("… a documentary
# that explores life in Gaza were killed when …": the object ends before "were").
_OBJECT_WORDS = r"(?:(?!(?:was|were|is|are|has|have|had|been|as|while)\s)[^\s,.;!?]+\s+){0,8}?"
# "A new film recounts the 1999 siege of the town, when rebels shelled its streets": the act a
# work tells, in its object or a "when" clause that goes on from it. Not "a journalist
# filming a documentary that chronicles life on the front line was killed when a drone
# struck his car": the work's object ends at "line".
_TOLD_IN_A_WORK = re.compile(
    r"\b(?:book|novel|memoir|film|movie|documentary|series|exhibition|musical|play|podcast|game|show|pageant|"
    r"re-?enactment)s?\s+"
    r"(?:[^\s,.;!?]+\s+){0,4}?(?:revisits?|depicts?|portrays?|recounts?|chronicles?|tells\s+(?:the\s+story\s+of|of|how)|"
    r"is\s+set\s+(?:in|during)|explores?|dramati[sz]es?|re-?creat(?:es|ing)|recreate|depicting|portraying|recounting|"
    r"re-?enact(?:s|ing)|lets\s+players)\s+" + _OBJECT_WORDS +
    r"(?:[^\s,.;!?]+,\s+(?:when|in\s+which|where)\s+(?:[^\s,.;!?]+\s+){0,8}?)?$", re.I)
# "Azerbaijan prevents demining", "troops prevented an attack": an act that did not happen.
# "Spain marked the 20th anniversary of the Madrid train bombings, when militants detonated
# bombs on four trains", "ten years since the market bombing": the act inside what is
# remembered (its noun phrase, or a "when" clause that goes on from it). Not "On the second
# anniversary of the invasion, Russian missiles slammed into Kharkiv": another clause. So is
# "… read aloud on Wednesday, 20 years to the minute after a car bomb tore through the
# street": a day years to the day after an act remembers it (not "three years after the
# coup soldiers opened fire", another clause).
_WORDS_SAID_AT = re.compile(r"\b(?:statements?|remarks?|comments?|speech(?:es)?|words|slogans?|address)\s+"
                            r"(?:[\w\"“”-]+\s+){0,5}?(?:made|delivered|given|uttered|chanted)\s+(?:at|during)\s+"
                            r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?$", re.I)
_REMEMBERED = re.compile(r"\b(?:anniversar(?:y|ies)\s+of|years\s+since|(?:in\s+)?(?:memory|remembrance)\s+of|"
                         r"reminders?\s+of|"
                         r"(?:years|decades|a\s+decade)\s+to\s+the\s+(?:day|minute|hour)\s+after|"
                         r"commemoration\s+of)\s+" + _OBJECT_WORDS +
                         r"(?:[^\s,.;!?]+,?\s+(?:when|in\s+which)\s+(?:[^\s,.;!?]+\s+){0,8}?)?$", re.I)
# "Michael Gallagher, whose son Aidan was killed, told the gathering …", "a farmer whose
# brother died in the raid": a speaker introduced by a relative they lost. The loss names who
# speaks; the act is told in a sentence of its own, if the story tells it. (A loss the
# clause itself dates, "whose brother was killed by a sniper on Monday", may be the news.)
_KIN_LOST = re.compile(r"\bwhose\s+(?:(?:only|eldest|youngest|older|younger|two|three|late|\w+-year-old)\s+)?"
                       r"(?:sons?|daughters?|father|mother|parents|brothers?|sisters?|husband|wife|children|child|"
                       r"family|relatives?|uncle|aunt|cousins?|nephews?|nieces?|grandsons?|granddaughters?|"
                       r"grandchildren|fianc[ée]e?|friends?|colleagues?)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2}"
                       r"(?:\s*,\s*(?:[\w'’-]+\s+){1,8}?[\w'’-]+,)?\s+"
                       r"(?:and\s+\w+\s+)?(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?$", re.I)
# "Negotiations on a truce and the release of hostages were in their final stage": what talks
# are about has not happened.
_TALKED_OF = re.compile(r"\b(?:negotiations?|negotiating|talks)\s+(?:on|over|about|for|towards?)\s+"
                        r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                        r"(?:(?!(?:as|while|when|after|even)\s)[^\s,;.!?]+\s+){0,6}?$", re.I)
# "a resolution demanding cooperation with an investigation into the attack", "UN investigators
# are looking into the alleged chemical attack": an act told elsewhere, under inquiry.
_INQUIRY = re.compile(r"\b(?:investigations?|inquiry|inquiries|probes?|investigating|probing|looking|look|looks|"
                      r"inquest)\s+(?:into|of|to\s+(?:determine|establish|find\s+out|see|learn)\s+"
                      r"(?:whether|if|how|why|who))\s+(?:(?!(?:and|but|then|while|as)\s)[\w'’-]+\s+){0,8}?$", re.I)
# "They were evacuated under an unprecedented deal", "buses left under a truce brokered by
# Russia": the agreement is what the act was done under, not news of its own.
_UNDER_A_DEAL = re.compile(r"\bunder\s+(?:a|an|the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,3}?$", re.I)
_DEAL_REACHED = re.compile(r"\S+\s+(?:\w+\s+){0,2}?(?:reached|signed|struck|agreed|brokered|concluded)\b", re.I)
_PREVENTED = re.compile(r"\bprevent(?:s|ed|ing)?\s+(?:(?:an?|the|any|further)\s+)?(?:[\w-]+\s+)?$", re.I)


# "Staff had closed the branch shortly before the protest began", "shops reopened after the
# fighting ended": the story's own act named as a point in time, not a new one.
_AS_A_TIME = re.compile(r"\b(?:before|after|until|till|since|once)\s+the\s+(?:[\w-]+\s+)?$", re.I)
_TOLL_TOLD = re.compile(r"\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring)\b", re.I)
_TIME_VERB = re.compile(r"\w*\s+(?:had\s+|has\s+)?(?:began|begun|started|ended|finished|broke\s+out|erupted|"
                        r"subsided|stopped|was\s+over|were\s+over)\b", re.I)
# "The town was the main centre of street protests against Assad's rule", "the square has been
# the scene of frequent protests": what a place is known for, not what happened there. (An
# apposition leaves the sentence's act: "thousands gathered in the square, the focal point
# of protests, to demand …".)
_DESCRIBED = re.compile(r"\b(?:is|was|has been|had been|became|remains|remained)\s+(?:the|a|an)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:centre|center|hub|cradle|birthplace|hotbed|symbol|bastion|heart|"
                        r"epicentre|epicenter|focal point|scene|site)\s+of\s+(?:(?:the|many|several|frequent|"
                        r"repeated|mass|huge|street|anti-government|early)\s+)*(?:[\w-]+\s+){0,2}?$", re.I)
# ... what a place has become over time: "has become one of the hotbeds of jihadist violence"
# (not "has become the centre of fighting since Tuesday, with nine killed": news, by its day
# or its toll).
_BECOME_DESCRIBED = re.compile(r"\b(?:has|have)\s+become\s+(?:one\s+of\s+the|the|a|an)\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:centre|center|hub|hotbed|bastion|heart|epicentre|epicenter|focal point|scene)s?"
                               r"\s+of\s+(?:[\w-]+\s+){0,3}?$", re.I)
_A_TOLL = re.compile(r"\b(?:kill\w*|dead|died|deaths?|wounded|injured)\b", re.I)

# "Zamfara is one of the states worst hit by banditry, with armed groups killing and kidnapping
# residents": what a place has suffered over the years — in the present, as one of many, with
# no count — unless the sentence names a day ("Khan Younis was among the areas hardest hit by
# strikes that killed 40" is news).
_WORST_HIT = re.compile(r"\b(?:is|are|remains?|has\s+been|have\s+been)\s+(?:among|one\s+of)\s+the\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:states|regions|provinces|areas|districts|countries|parts|places|towns|"
                        r"cities|counties|communities)\s+(?:[\w-]+\s+){0,4}?(?:worst|most|hardest)[\s-]+(?:hit|affected)\b",
                        re.I)
# ... nor beside a clause of its own that tells an act ("Borno is among the states worst affected,
# and militants attacked a base in Monguno"; not "with armed groups killing and kidnapping").
_ACT_IN_A_CLAUSE = re.compile(rf"(?:[,;]\s*and|;|\band)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{_ACT_VERBS})\b", re.I)
_COUNTED = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\b", re.I)


# "Salah al-Din is located west of the Old City, in a district held by rebels until it was
# retaken": a description of a place; its event words are its history. Not in a relative
# clause: "the village, which is located near the border, was shelled on Monday".
_LOCATED = re.compile(r"\b(?:is|are)\s+(?:located|situated)\b|"
                      r"\blies\s+(?:about|some|roughly|around|just|along|on|near|close\s+to|between|astride|\d)", re.I)
# "... lies 20 km from the front and was hit by two missiles": a second predicate is news.
_NEXT_PREDICATE = re.compile(r"\band\s+(?:was|were|is|are|has|have|had)\b|[;:–—]|\s-\s")
_RELATIVE_BEFORE = re.compile(r"(?:\b(?:which|that|who|where)|,)\s+(?:\w+\s+){0,2}$", re.I)


# "Activists said the rebels should launch a counter-attack", "the army must retake the
# town": an act someone says ought to happen has not happened. Not "must have" nor "should
# have" ("the blast must have killed dozens", "police should not have fired on the crowd"):
# those tell an act that did.
_OUGHT = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to)\s+"
                    r"(?:(?!(?:have|after|before|when|while|as|because|since|but|and|or|if|until|for|of|from|who|"
                    r"which|that|said|says|escape|flee|avoid|answer|stop|end|halt|investigate|punish\w*|condemn\w*)"
                    r"\s)[\w'’-]+\s+){0,3}$", re.I)
# "Hypothermia is a killer", "malaria remains the biggest killer": what something is.
_IS_A_KILLER = re.compile(r"\b(?:is|are|was|were|remains?|remained|becomes?|became)\s+(?:a|an|the)?\s*"
                          r"(?:[\w-]+\s+){0,2}$", re.I)
# "The Nusra Front is one of the main rebel groups taking part in an offensive on Aleppo":
# what a group is, told by what it does. Not an act in a clause of its own ("is one of the
# deadliest groups in Africa and on Monday its fighters killed 20 soldiers") nor one the
# group is behind ("was among the groups behind the attack on a base on Sunday"). Not a
# relative clause ("Jaish al-Islam, which is one of the largest groups fighting near
# Damascus, shelled Harasta on Tuesday"): the act after it is the sentence's own.
_ONE_OF_THE_GROUPS = re.compile(
    r"(?<!\bwhich\s)(?<!\bwho\s)(?<!\bthat\s)\b(?:is|are|was|were|remains?|remained)\s+(?:one|among)\s+(?:of\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}(?:groups?|factions?|militias?|brigades?|organi[sz]ations?|forces|rebels|"
    r"militants|insurgents|fighters|parties|members|units|outfits)\b"
    r"(?:(?!\s(?:and|but|behind|responsible|blamed|claimed)\b|\scarried\s+out\b)[^,;:])*$", re.I)
# ... unless the act is a relative clause's own verb: "is among the factions that attacked
# the town of Tal Rifaat on Sunday" tells the attack.
_RELATIVE_ACT = re.compile(r"\b(?:that|which|who)\s+(?:[\w-]+\s+)?$", re.I)

# What a group does, told in the present of a relative clause: "a refuge for IS fighters who
# attack villages and security forces", "a gang that kidnaps travellers on the highway".
_WHO_DO = re.compile(r"\b(?:who|that|which)\s+(?:often\s+|regularly\s+|routinely\s+|frequently\s+|also\s+|still\s+|"
                     r"continue\s+to\s+|repeatedly\s+)?(?:attack|raid|shell|target|kill|kidnap|abduct|ambush|loot|bomb|"
                     r"storm|burn|terrori[sz]e|fight|clash|extort|rob|rape)(?:e?s)?\b", re.I)

# A monitor's count of acts: "recorded 34 assassinations and attempts in the governorate during
# October", "documented more than 200 air strikes last month" (the count, not one of them).
_RECORDED_COUNT = re.compile(r"\b(?:recorded|documented|counted|registered|logged|tallied|verified)\s+(?:at\s+least\s+|"
                             r"more\s+than\s+|over\s+|nearly\s+|almost\s+|some\s+|about\s+|around\s+|a\s+total\s+of\s+)?"
                             r"(?:\d[\d,]*|dozens|scores|hundreds)\s+(?:[\w-]+\s+){0,2}$", re.I)

# What analysts and experts make of the war: "analysts say both sides prefer a war of attrition
# by shelling and drones" (a view of acts, not one of them) — unless they tell a toll, as experts
# reporting an act do ("military experts said a missile struck a shopping centre, killing 18").
_TOLL_IN_VIEW = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\s+"
                           r"(?:[\w-]+\s+)?"
                           r"(?:people|civilians|soldiers|fighters|protesters|men|women|children|dead|killed)\b|"
                           r"\b(?:killing|killed|wounding|wounded)\s+(?:at\s+least\s+)?\d", re.I)
# "Witnesses said that clashes …", "gangs that kidnap travellers … killed 20": no habit.
_SAID_THAT = re.compile(r"\b(?:said|says|say|told|reported|added|noted|stated|claimed|warned|confirmed)\s+that\b", re.I)
_MAIN_ACT_AFTER = re.compile(r"(?<!\bhave\s)(?<!\bhas\s)(?<!\balso\s)"
                             r"\b(?:killed|killing|ambushed|attacked|struck|shot|wounded|abducted|kidnapped|stormed|"
                             r"raided|burned|torched|looted|left\s+\w+\s+dead|seized|captured)\b", re.I)
_ANALYSTS_VIEW = re.compile(r"\b(?:analysts?|experts?|commentators?)\s+(?:[\w'’-]+\s+){0,3}?"
                            r"(?:say|said|says|believe[sd]?|argue[sd]?|see|sees|note[sd]?|warn(?:s|ed)?|point(?:s|ed)? "
                            r"out|suggest(?:s|ed)?|think|thinks)\s+(?:that\s+)?(?:[^.;]*)$", re.I)

# "forces … are still battling the last militants holed up in the city, months after launching
# an offensive to retake it": a campaign still going, told by how long it has lasted, no day's act
# (a protest still going is coded for every day it is reported).
_STILL_AT_IT = re.compile(r"\b(?:is|are)\s+still\s+(?:\w+\s+)?\w+ing\b", re.I)
_PERIOD_AFTER = re.compile(r"\b(?:days|weeks|months|years|a\s+(?:week|month|year))\s+(?:after|since)\b", re.I)

# "EU leaders condemned what they called Russia's deliberate attacks on Ukraine's civilian
# infrastructure": acts condemned as a whole, with no day of their own, are told elsewhere.
_CONDEMNED = re.compile(r"\b(?:condemn\w*|denounc\w*|deplor\w*)\s+(?:what\s+\w+\s+called\s+)?(?:the\s+)?"
                        r"(?:[\w'’-]+\s+){0,4}?$", re.I)

# "Fighters clash with the army near the town every night", "jets pound the valley day after
# day": a habit told by how often it comes. Only in the act's own clause: "jets struck the
# market, where people gather every day" tells the strike.
_EVERY = re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:day|night|morning|evening|afternoon|week|weekend|month|"
                    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|"
                    r"\b(?:nightly|day\s+after\s+day|night\s+after\s+night|almost\s+daily|on\s+a\s+daily\s+basis)\b",
                    re.I)
_ANOTHER_CLAUSE = re.compile(r"\b(?:where|which|who|whom|that|when|while|but|as|after|before)\b|[;:–—]", re.I)


def _every(sentence: str, trigger_start: int) -> bool:
    """Whether the act is told as one that comes every day, night or week (`_EVERY`), the
    sentence naming no day of its own."""
    for m in _EVERY.finditer(sentence):
        between = sentence[m.end():trigger_start] if m.end() <= trigger_start else sentence[trigger_start:m.start()]
        if _ANOTHER_CLAUSE.search(between) or m.start() > trigger_start and "," in between:
            continue
        rest = sentence[:m.start()] + sentence[m.end():]
        if not names_a_day(rest) and not _DATED.search(rest) and not _TOLD_TOLL.search(rest):
            return True
    return False


# A date or a toll of its own makes a sentence news whatever habit it names: "On 26 April, as
# on every Friday, thousands marched", "… the protest held every Friday, killing two".
_DATED = re.compile(r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                    r"\blast\s+(?:week|month|night)\b", re.I)
# (Not `dates._TOLD_TOLL`, a span's: a habit's toll must be a number.)
_TOLD_TOLL = re.compile(r"\b(?:killing|killed|wounding|wounded|injuring|arresting|arrested|detaining|leaving)\s+"
                        r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?(?:\d|one|two|three|four|five|"
                        r"six|seven|eight|nine|ten|dozens|scores|hundreds)", re.I)


# "The Syrian war has taken on a sectarian character", "the conflict, now in its eighth year,
# has displaced half the population", "the uprising began with peaceful protests": the war as
# a whole is what the sentence tells of, not one of its days. Unless it names an act or a day
# of its own ("the conflict flared on Tuesday when jets bombed the town").
_WAR_SUBJECT = re.compile(
    r"^(?:(?:but|and|yet|meanwhile|now|since\s+then)\s*,?\s+)?(?:the|this|that|syria['’]s|\w+['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:war|conflict|uprising|revolution|crisis|insurgency)"
    r"(?:\s+(?:in|of|on|against|between|with)\s+(?:[\w'’-]+\s+){0,4}?)?(?:\s*,[^,]{1,80},)?\s+"
    r"(?:(?:has|have|had|is|was|has\s+now|has\s+also)\s+)?(?:taken|become|became|begun|began|started|erupted|entered|"
    r"turned|continues|continued|remains|remained|dragged|drags|grinds|ground|raged|rages|spilled|spread|killed|"
    r"displaced|left|claimed|forced|drove|driven|devastated|destroyed|ravaged|cost|transformed|drawn|drew|"
    r"evolved|become|been)\b", re.I)
# "About 100,000 people were killed in Bosnia's war", "… have died in the conflict since
# 2011": the toll of a war, not of one of its days — the war named and done with (not
# "killed in the war-torn province", "in the conflict between herders and farmers in
# Agatu after gunmen attacked", "in the revolution anniversary marches").
_KILLED_IN_THE_WAR = re.compile(
    r"\b(?:killed|died|perished|lost\s+their\s+lives)\s+(?:in|during|since)\s+(?:the\s+|this\s+|that\s+|"
    r"[\w'’-]+['’]s\s+)?(?:[\w-]+\s+){0,3}?(?:war|conflict|insurgency|uprising|revolution)"
    r"(?=\s*(?:[,.;:)]|$|\s(?:since|so\s+far|that|which|in\s+\d{4}|between\s+\d{4})\b))", re.I)
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:fiercest|bloodiest|heaviest|deadliest|worst|biggest|largest|longest)\s+"
                                 r"(?:[\w-]+\s+)?$", re.I)
_OF_THE_WAR = re.compile(r"[\w-]+\s+of\s+the\s+(?:[\w-]+\s+)?(?:war|conflict)\b", re.I)
_INCIDENT_WORD = re.compile(
    r"\b(?:(?:air\s?)?strikes?|struck|airstrikes?|attack(?:s|ed)?|shell(?:s|ed|ing)?|bomb(?:s|ed|ing|ings)?|raids?|"
    r"raided|clash(?:es|ed)?|explosions?|exploded|blasts?|ambush(?:ed)?|stormed|captured|seized|detonated|fired|"
    r"shot|arrested|detained|killing|killed|fought|overran|overrun|mortars?|rockets?|missiles?|gunmen|"
    r"massacred?|when|where|as)\b", re.I)


def _asked_after(sentence: str, trigger_start: int) -> bool:
    """Whether the sentence's closing question is quoted or set off after its act ("Gunmen
    stormed a police station, and residents asked: 'Where is the army?'")."""
    opening = max(sentence.rfind(c) for c in (":", "\"", "“", "«", "‘"))
    return opening > trigger_start


def quotation_at(sentence: str, pos: int) -> tuple[int, int] | None:
    """The span of the double-quoted words that hold `pos`, or None: "\"They killed him for
    nothing,\" his brother said", and a quote that began in the sentence before ("They're
    carpet-bombing us.\" ends a speaker's words)."""
    inside, opened = False, 0
    for i, ch in enumerate(sentence[:pos]):
        if ch == "“" or ch == '"' and not inside:
            inside, opened = True, i
        elif ch == "”" or ch == '"':
            inside = False
    after = re.search(r"[\"“”]", sentence[pos:])
    end = pos + after.start() + 1 if after else len(sentence)
    if inside:
        return opened, end
    # No quote before: inside one only if the next quote mark closes it ('us."', 'nothing,"').
    if after and '"' not in sentence[:pos] and "“" not in sentence[:pos] and (
            after.group() == "”" or after.group() == '"' and pos + after.start() > 0
            and not sentence[pos + after.start() - 1].isspace()):
        return 0, end
    return None


_NEITHER_WHERE_NOR_WHEN = re.compile(r"\bwithout\s+(?:saying|specifying|giving|providing|disclosing|revealing|"
                                     r"stating|naming)\s+(?:any\s+)?(?:details?\s+(?:of|about|on)\s+)?"
                                     r"(?:when\s+or\s+where|where\s+or\s+when)\b", re.I)
_TALLY_OVER_PLACES = re.compile(r"\b(?:a total of|in all|altogether|in total)\s+(?:\w+\s+){0,4}?"
                                r"(?:in|across)\s+(?:the\s+)?(?:provinces?\s+of\s+|governorates?\s+of\s+)?"
                                r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+[A-Z][\w'’-]+"
                                r"(?:\s+[A-Z][\w'’-]+)?(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*,?\s+and\s+[A-Z]")


# "attended the funeral of a conscript who was killed during a raid": a funeral, and the death
# it is for, told in its own place (the mourners' village is not where he fell). Not a crowd
# that protests at it, nor an act done to the mourners ("police fired on the funeral"), nor a
# death the clause dates ("the funeral of a student who was killed on Monday").
_FUNERAL_OF = re.compile(r"\b(?:funerals?|burials?|laid\s+to\s+rest)\b[^.;]{0,60}?"
                         r"(?P<dead>\b(?:of|for)\b[^.;,]{0,60}?"
                         r"\b(?:who\s+(?:was|were|had\s+been)|killed|slain|died)\b[^.;,]{0,60})$", re.I)
# "photos of the protests were found on their phones": a picture of an act told as a thing
# someone has, shares or finds (the act's word right after it; a sentence naming no day).
# ... whatever day it was shared on: "Videos of the assault circulated on social media on Monday".
_SHARED = re.compile(r"\b(?:circulat\w+|surfac\w+|went\s+viral|(?:was|were|been|being)\s+(?:widely\s+)?"
                     r"(?:shared|posted|published|broadcast|aired|uploaded))\b", re.I)
_IMAGE_OF = re.compile(r"\b(?:photos?|photographs?|pictures?|images?|videos?|footage|clips?|recordings?)\s+of\s+"
                       r"(?:the\s+|a\s+|an\s+|earlier\s+|past\s+|previous\s+){0,2}$", re.I)


def not_an_event(sentence: str, event_type: str, trigger_start: int, sub_event_type: str | None = None) -> str | None:
    """Why a sentence the classifier typed `event_type` (its trigger at `trigger_start`;
    `sub_event_type` when known) reports no event, or None. Arabic sentences too."""
    # "Will the army storm the town?", "هل ستقصف الطائرات البلدة؟": a question asks, it does
    # not report. ('"Why did they bomb us?" she said.' ends as a report of speech.)
    if sentence.rstrip().rstrip("\"'”’»)").endswith(("?", "؟")) and not _asked_after(sentence, trigger_start):
        return "a question, not a report"
    if is_arabic_text(sentence):
        return _not_an_event_ar(sentence, event_type, trigger_start)
    if sub_event_type == "Arrests" and _released(sentence):
        return "a release, not an arrest"
    if _TAGS.match(sentence) or _in_a_teaser(sentence, trigger_start):
        return "tag or metadata line"
    if is_caption(sentence) or opens_with_credit(sentence) or cut_glued_captions(sentence)[1]:
        return "photo caption"
    if _LEGAL.search(sentence):
        return "legal characterisation"
    accused = _ACCUSED.search(sentence, 0, trigger_start + 80)
    if accused and (accused.start() <= trigger_start < accused.end() or accused.end() <= trigger_start
                    and not _CHARGE_ENDS.search(sentence, accused.end(), trigger_start)):
        return "legal characterisation"
    if event_type not in _PROTESTS and _NAMING.search(sentence, max(0, trigger_start - 60), trigger_start) \
            and _CHARGE.match(sentence, trigger_start):
        return "legal characterisation"
    funeral = _FUNERAL_OF.search(sentence, max(0, trigger_start - 200), trigger_start)
    if event_type not in _PROTESTS and funeral and not names_a_day(sentence[funeral.start("dead"):]):
        return "a funeral, the death told before"
    if _IMAGE_OF.search(sentence, max(0, trigger_start - 40), trigger_start) \
            and (not names_a_day(sentence) or _SHARED.search(sentence, trigger_start) and not _HURT.search(sentence)):
        return "an image of an act, not the act"
    if _METHOD.search(sentence):
        return "methodology"
    if _BECOME_DESCRIBED.search(sentence, max(0, trigger_start - 90), trigger_start) \
            and not names_a_day(sentence) and not _A_TOLL.search(sentence):
        return "a description of a place"
    if _DESCRIBED.search(sentence, max(0, trigger_start - 90), trigger_start) \
            or (worst := _WORST_HIT.search(sentence, 0, trigger_start)) is not None and not names_a_day(sentence) \
            and not _COUNTED.search(sentence) and not _ACT_IN_A_CLAUSE.search(sentence, worst.end()):
        return "a description of a place"
    if _AS_A_TIME.search(sentence, max(0, trigger_start - 40), trigger_start) \
            and _TIME_VERB.match(sentence, trigger_start) and not _TOLL_TOLD.search(sentence):
        return "the story's act as a point in time"
    located = _LOCATED.search(sentence, 0, trigger_start)
    if located and not _RELATIVE_BEFORE.search(sentence[max(0, located.start() - 40):located.start()]) \
            and not _NEXT_PREDICATE.search(sentence, located.end(), trigger_start):
        return "a description of a place"
    if event_type in _ACTS:
        # The act's word itself ("stopped bombing"), or the act its word's actor stopped
        # ("its jets had stopped bombing Aleppo").
        stopped = _STOPPED_ACT.search(sentence, trigger_start, trigger_start + 80)
        if _STOPPED.search(sentence[max(0, trigger_start - 40):trigger_start]) or stopped and not re.search(
                r"[,;:]|\b(?:and|after|before|while|but|when|as|since|until|despite)\b",
                sentence[trigger_start:stopped.start()]):
            return "an act told as stopping"
    if _habit(sentence, trigger_start) and not names_a_day(sentence) or _every(sentence, trigger_start):
        return "a habit, not an act"
    who_do = _WHO_DO.search(sentence, max(0, trigger_start - 40), trigger_start + 40)
    if who_do and not (sentence[who_do.start():who_do.start() + 4].lower() == "that"
                       and _SAID_THAT.search(sentence, max(0, who_do.start() - 20), who_do.start() + 5)) \
            and not _MAIN_ACT_AFTER.search(sentence, who_do.end()) and not names_a_day(sentence):
        return "a habit, not an act"
    if event_type not in _PROTESTS and _STILL_AT_IT.search(sentence, max(0, trigger_start - 30), trigger_start + 12) \
            and _PERIOD_AFTER.search(sentence, trigger_start) and not names_a_day(sentence) \
            and not _TOLD_TOLL.search(sentence):
        return "a campaign still going, not an act"
    if _RECORDED_COUNT.search(sentence, max(0, trigger_start - 80), trigger_start) \
            and re.match(r"[A-Za-z-]+s\b", sentence[trigger_start:]) and not names_a_day(sentence):
        return "a tally, not an act"
    if _ANALYSTS_VIEW.search(sentence, max(0, trigger_start - 150), trigger_start) and not names_a_day(sentence) \
            and not _TOLL_IN_VIEW.search(sentence):
        return "an analyst's view, not an act"
    # "Hypothermia is a killer", "malaria remains the biggest killer": what something is.
    if _IS_A_KILLER.search(sentence, max(0, trigger_start - 40), trigger_start) \
            and re.match(r"killers?\b", sentence[trigger_start:], re.I):
        return "a description, not an act"
    if _ONE_OF_THE_GROUPS.search(sentence, max(0, trigger_start - 120), trigger_start) \
            and not _RELATIVE_ACT.search(sentence, max(0, trigger_start - 30), trigger_start):
        return "a description of a group, not an act"
    if event_type not in _PROTESTS and _CONDEMNED.search(sentence, max(0, trigger_start - 80), trigger_start) \
            and not names_a_day(sentence):
        return "acts condemned, told elsewhere"
    if _OUGHT.search(sentence, max(0, trigger_start - 70), trigger_start):
        return "an act someone says ought to happen"
    if _WAR_SUBJECT.match(sentence) and not _INCIDENT_WORD.search(sentence) and not names_a_day(sentence):
        return "the war summed up, not one of its days"
    if _KILLED_IN_THE_WAR.search(sentence, trigger_start, trigger_start + 80) and not names_a_day(sentence):
        return "the war summed up, not one of its days"
    # "… the ridge, where some of the fiercest battles of the war were fought": the war's history.
    if _SUPERLATIVE_BEFORE.search(sentence, max(0, trigger_start - 40), trigger_start) \
            and _OF_THE_WAR.match(sentence, trigger_start) and not names_a_day(sentence):
        return "the war's history, not one of its days"
    if _TOPIC.search(sentence, max(0, trigger_start - 80), trigger_start) \
            or _TOLD_IN_A_WORK.search(sentence, max(0, trigger_start - 200), trigger_start):
        return "the topic of a work, not an act"
    if _REMEMBERED.search(sentence, max(0, trigger_start - 200), trigger_start):
        return "remembered, not happening"
    # "wanted over statements made at a rally last week": the rally is where words were said,
    # named as a charge's setting, not an event the story tells.
    if event_type in _PROTESTS and _WORDS_SAID_AT.search(sentence, max(0, trigger_start - 80), trigger_start):
        return "where words were said, not an event"
    if _KIN_LOST.search(sentence, max(0, trigger_start - 80), trigger_start) \
            and not names_a_day(re.split(r"[,;:]", sentence[trigger_start:], maxsplit=1)[0]):
        return "a loss that names who speaks, not an act"
    if event_type not in _PROTESTS and _TALKED_OF.search(sentence, max(0, trigger_start - 80), trigger_start):
        return "the subject of talks, not an act"
    if event_type not in _PROTESTS and _PREVENTED.search(sentence, max(0, trigger_start - 30), trigger_start):
        return "an act prevented"
    # "under a deal reached on Wednesday" is news of the deal; "evacuated under a deal reached
    # between the government and rebels", with no day, is the deal the act was done under.
    if sub_event_type == "Agreement" and _UNDER_A_DEAL.search(sentence, max(0, trigger_start - 50), trigger_start) \
            and not (_DEAL_REACHED.match(sentence, trigger_start)
                     and names_a_day(sentence[trigger_start:trigger_start + 60])):
        return "an agreement acts were done under, not a new one"
    if _INQUIRY.search(sentence, max(0, trigger_start - 100), trigger_start):
        return "an act under inquiry, told elsewhere"
    if sub_event_type == "Other" and _DISPLACEMENT_SUMMED.search(sentence, 0, trigger_start) \
            and not names_a_day(sentence):
        return "displacement summed up, not an act"
    if _A_RIGHT.search(sentence, max(0, trigger_start - 40), trigger_start):
        return "a right, not an act"
    if _NO_EVIDENCE.search(sentence, max(0, trigger_start - 60), trigger_start) \
            and _OCCURRED.match(sentence, trigger_start) and not names_a_day(sentence):
        return "an act denied, not told"
    if _VOWED.search(sentence, max(0, trigger_start - 30), trigger_start):
        return "a vow, not an act"
    if _CAPABILITY.search(sentence[max(0, trigger_start - 70):trigger_start]) \
            and not re.match(r"\w+ed\b", sentence[trigger_start:]):
        return "a capability, not an act"
    if _ABSTRACT_VIOLENCE.match(sentence, trigger_start) \
            and _CURBED.search(sentence[max(0, trigger_start - 40):trigger_start]) \
            and not _HURT.search(sentence) and not names_a_day(sentence):
        return "violence named as what a plan is to curb"
    if _VIOLENCE_IN_GENERAL.match(sentence, trigger_start) \
            and _AIMED_TO_END.search(sentence[max(0, trigger_start - 80):trigger_start]) \
            and not _HURT.search(sentence, trigger_start) and not _TOLD_AFTER.match(sentence, trigger_start):
        return "violence named as what a plan or a call is to end"
    # "The increased fighting has raised concerns for 1.5 million civilians": what the
    # fighting caused, in a sentence that tells no act of its own (not "… have sparked fears
    # of a wider war, as forces loyal to Haftar battled government troops").
    stirred = _STIRRED.match(sentence, trigger_start) if _FIGHTING.match(sentence, trigger_start) else None
    if stirred and not _HURT.search(sentence) \
            and not re.search(r"\b(?:as|while|when|after|and)\b", sentence[stirred.end():]):
        return "fighting named as a cause"
    if _FIGHTING.match(sentence, trigger_start) and _CONSEQUENCE.match(sentence, trigger_start) \
            and not _HURT.search(sentence) and not names_a_day(sentence):
        return "fighting named by what it has done"
    # "Eight people were wounded due to clashes" is a toll of the clashes, not a cause.
    if _FIGHTING.match(sentence, trigger_start) \
            and _PAUSE_OR_CAUSE.search(sentence[max(0, trigger_start - 40):trigger_start]) \
            and not _HURT.search(sentence, 0, trigger_start):
        return "fighting named as a pause or a cause"
    # "The monitor said on Monday that 350,000 people have been killed since 2011": the toll
    # the sentence tells is a war's, summed up since a date. Not "… on Monday, where 1,300
    # have been killed since April" nor "bringing to 300 the number killed since October",
    # whose event is told before.
    for m in _TOLL_SINCE.finditer(sentence):
        if m.start() - 40 <= trigger_start <= m.start("verb") and not RELATIVE.search(sentence, 0, m.start()) \
                and not _RANKED_IN_THE_YEAR.search(m.group()):
            return "a toll summed up since a date"
    # (the trigger inside the summary itself, not an act told after it: "The city, which has been
    # rocked by a wave of bombings, was hit again when a car bomb exploded")
    shaken = _PERIOD_SHAKEN.search(sentence)
    if shaken and shaken.start() <= trigger_start <= shaken.end() + 90 \
            and not re.search(r"[,;]", sentence[shaken.end():trigger_start]) and not names_a_day(sentence):
        return "a place's months summed up"
    # "The government offensive on eastern Aleppo, which has destroyed hospitals and killed
    # hundreds": what a campaign has done so far, summed up, not one of its days.
    for m in _CAMPAIGN_TOLL.finditer(sentence):
        if m.start() <= trigger_start <= m.end() + 40 and not names_a_day(sentence):
            return "a campaign's toll summed up"
    # ... told in the passive, a count of hundreds or thousands: "hundreds of rebels had been
    # killed in the ferocious offensive" (not "nine people were killed in the army offensive on
    # the village of Kuti").
    # Not when the sentence goes on to tell the act ("seven farmers were killed in the conflict
    # between herders and farmers after gunmen attacked their village").
    for m in _KILLED_IN_THE_CAMPAIGN.finditer(sentence):
        if m.start() <= trigger_start <= m.end() and not names_a_day(sentence) \
                and not _ACT_CLAUSE_AFTER.search(sentence, m.end()):
            return "a campaign's toll summed up"
    # "More than 40 militants have been killed in the valley since January. Eleven of them
    # were killed in Shopian district alone": a place's share of a period's count, no one act
    # (not "In Kabul alone, three bombs exploded on Tuesday", which tells its day).
    if _PLACE_ALONE.search(sentence) and _HURT.search(sentence) and _A_SHARE.search(sentence) \
            and not names_a_day(sentence):
        return "a place's share of a tally"
    # "… freed five hostages, without saying when or where the operation took place": the
    # source gave neither a place nor a day, and the sentence says so.
    if _NEITHER_WHERE_NOR_WHEN.search(sentence) and not names_a_day(sentence):
        return "neither place nor day given"
    # "Security forces had arrested a total of 11 suspects in Anbar, Nineveh and Baghdad": a
    # count summed over several places, none of them one event's (not "a total of 40 people
    # were detained in a raid on Douma", one place). Arrests and seizures only: a raid that
    # killed a total of 17 in three villages is one raid.
    tally = _TALLY_OVER_PLACES.search(sentence) if event_type == "Strategic developments" else None
    if tally and tally.start() - 60 <= trigger_start <= tally.end() and not names_a_day(sentence):
        return "a count summed over several places"
    # "… is one of the main groups fighting in Aleppo", "among the factions fighting the
    # army", "the stronghold of the rebels fighting Assad": the fighting says who a group is,
    # not what happened. "Forces fighting IS in Raqqa came under fire" and "rebels fighting
    # the army killed five soldiers" are news.
    if _FIGHTING_WORD.match(sentence, trigger_start) and not _HURT.search(sentence) \
            and (_A_GROUP.search(sentence[max(0, trigger_start - 70):trigger_start])
                 or _GROUP_OF.search(sentence[max(0, trigger_start - 70):trigger_start])
                 or _FIGHTING_TO.match(sentence, trigger_start)
                 or _OBJECT_GROUP.search(sentence[max(0, trigger_start - 120):trigger_start])):
        return "a group described by the war it fights"
    # "The UN condemned the strike that killed 12": the call is the news. "Two militants blew
    # themselves up after police called on them to surrender": the event is.
    # "After the army called on rebels to surrender, warplanes bombed Douma": another clause.
    appeal = _APPEAL.search(sentence)
    if event_type not in _PROTESTS and appeal and appeal.start() < trigger_start \
            and not re.search(r"[,;:]", sentence[appeal.end():trigger_start]):
        return "appeal or condemnation"
    return None


# "Jailed journalist X released from prison", "freed after two weeks in detention": the
# arrest is the past the release ends. Not when the sentence tells an arrest too: "X, released
# from prison last year, was arrested again on Monday", "police detained him on Monday and
# released him after a night in detention".
_RELEASE = re.compile(r"\b(?:released|freed|set free|let go|walked free|walks free)\b(?:\s+\S+){0,3}?\s+"
                      r"(?:from|after|following)\s+(?:(?:his|her|their|the|a|an|\w+)\s+){0,3}?"
                      r"(?:prison|jail|custody|detention|captivity|arrest|imprisonment|incarceration)\b", re.I)
_ARRESTED = re.compile(r"\b(?:re-?arrested|arrested|detained|apprehended|rounded up|taken into custody)\b",
                             re.I)


def _released(sentence: str) -> bool:
    release = _RELEASE.search(sentence)
    if release is None or _ARRESTED.search(sentence, release.end()):
        return False
    # An arrest told before the release is news too, unless it is the past the release ends:
    # in a clause of its own ("who was arrested in 2021") or dated long before ("detained
    # since 2019").
    return all(_WHO_CLAUSE.search(sentence, max(0, a.start() - 25), a.start())
               or re.match(r"\s+(?:since|in\s+(?:19|20)\d\d|(?:\w+\s+)?(?:years?|months?)\s+ago)", sentence[a.end():])
               for a in _ARRESTED.finditer(sentence, 0, release.start()))


def _rx(source: str) -> re.Pattern[str]:
    """A regex over `arabic_view` text, written in ordinary spelling (جرائم): folded too."""
    return re.compile(fold(source))


# Arabic, over `arabic_view` text (folded like it: ى → ي, ة → ه, أ → ا, ئ → ي).
_APPEAL_AR = _rx(
    r"(?<!\w)[وف]?(?:دعا|دعت|دعوا|[يت]دعو|[يت]دعون|طالبت|طالبوا|[يت]طالب\w*|مطالبين|مطالبا|ناشد\w*|[يت]ناشد\w*|ادان\w*|[يت]دين|"
    r"[يت]دينون|ادانه|استنكر\w*|[يت]ستنكر\w*|استنكار|ندد\w*|[يت]ندد\w*|تنديد|شجب\w*|[يت]شجب\w*|حث\w*|[يت]حث)(?!\w)"
)
_LEGAL_AR = _rx(
    r"(?<!\w)(?:[يت]رقي|[يت]رتقي|[يت]صل|[يت]عد|[يت]شكل|[يت]عتبر|بمثابه)\s+(?:الي\s+)?(?:مستوي\s+)?"
    r"(?:جرائم\s+حرب|جريمه\s+حرب|جرائم\s+ضد\s+الانسانيه|جريمه\s+ضد\s+الانسانيه|اباده\s+جماعيه|تطهير\s+عرقي)"
)
_TAGS_AR = _rx(
    r"^\s*(?:ال)?(?:وسوم|كلمات\s+مفتاحيه|الكلمات\s+المفتاحيه|تصنيفات|(?:مواضيع|اخبار|مقالات)\s+ذات\s+صله|"
    r"اقرا\s+(?:ايضا|المزيد))\s*:?\s"
)


# "وتشهد المدينة بين الحين والآخر تفجيرات بعبوات ناسفة": what happens from time to time, told
# before the act's word in its own clause, in a sentence that names no day of its own.
_HABIT_AR = _rx(r"(?:بين\s+(?:ال)?حين\s+و(?:ال)?اخر|من\s+حين\s+(?:ل|الي\s+)(?:ال)?اخر|"
                r"من\s+وقت\s+(?:ل|الي\s+)(?:ال)?اخر|"
                r"بين\s+(?:ال)?فين[هة]\s+و(?:ال)?اخري|بشكل\s+(?:شبه\s+)?(?:يومي|متكرر|دوري|شبه\s+يومي)|"
                r"(?:عاد[هة]|غالبا|كثيرا)\s+ما)")
# ... "شيع الأهالي جثمان مجند استشهد خلال مداهمة"; and "صور للمظاهرات", a picture of an act.
_FUNERAL_OF_AR = _rx(r"(?<!\w)[وف]?(?:شيع(?:ت|وا)?|[يت]شيع(?:ون|ان)?|تشييع|جناز[هة]|جنازات|دفن|ووري)(?!\w)"
                     r"[^.؟!؛]{0,150}?"
                     r"(?P<dead>(?:جثمان|جثامين)\s+(?:[^\s.،؛؟]+\s+){0,8}?(?:قتل|قتلوا|استشهد\w*|قضي|قضوا|لقي|لقوا|"
                     r"توفي|سقط\w*)\s+(?:[^\s.،؛؟]+\s+){0,6}?)$")
# "ويرى محللون عسكريون أن الطرفين يفضلان حرب الاستنزاف عبر القصف المدفعي", "ويقول الخبير الأمني
# … إن التنظيم فقد القدرة على …": a view of the war, not an act of it.
_ANALYSTS_VIEW_AR = _rx(r"(?<!\w)[وف]?(?:يرى|يرون|[يت]عتبر\w*|اعتبر\w*|يقول|يقولون|قال|[يت]شير\w*|اشار\w*|"
                        r"[يت]رجح\w*)\s+"
                        r"(?:[^\s.،؛]+\s+){0,1}?(?:ال)?(?:محلل\w*|خبير\w*|خبراء|مختص\w*|باحث\w*)(?!\w)[^.؛؟]*$")
# "ويأتي ذلك بعد أيام من تراجع حدة المواجهات": the act after "it comes days after" is the earlier
# one the news is measured from (not "بعد ساعات من الاشتباكات سيطرت القوات على البلدة").
_MEASURED_FROM_AR = _rx(r"(?<!\w)[وف]?(?:[يت]اتي|جاء|جاءت)\s+(?:ذلك\s+|هذا\s+|هذه\s+\S+\s+|\S+\s+)?"
                        r"بعد\s+(?:ايام|اسابيع|اشهر|شهور|ساعات|يومين|اسبوعين|شهرين|(?:[0-9]+|عده|بضعه)\s+"
                        r"(?:ايام|اسابيع|اشهر|ساعات))\s+(?:قليله\s+)?(?:فقط\s+)?(?:علي\s+)?من\s+(?:[^\s.،؛؟]+\s+){0,4}$")
# "… بعد أكثر من شهر على إعلان تحرير مدينة الموصل", "بعد عامين على سيطرة التنظيم": the time
# since an earlier act, which the sentence measures from.
_TIME_SINCE_AR = _rx(r"(?<!\w)بعد\s+(?:اكثر\s+من\s+|نحو\s+|قرابه\s+|حوالي\s+)?(?:شهر|اسبوع|عام|سنه|ايام|اسابيع|اشهر|"
                     r"شهور|اعوام|سنوات|شهرين|عامين|اسبوعين|يومين|سنتين|(?:[0-9]+|عده|بضعه)\s+(?:ايام|اسابيع|اشهر|"
                     r"شهور|اعوام|سنوات))\s+(?:علي|من)\s+(?:(?:اعلان|بدء|انطلاق)\s+)?(?:ال)?$")
# "أعلن انطلاق عمليات استعادة القضاء": an operation launched to take a place, not yet taken.
_TAKING_WORD_AR = _rx(r"(?:ل|ال|لل)?(?:استعاده|تحرير|السيطره|سيطره|اقتحام|دخول|تطهير)(?!\w)")
_LAUNCHED_FOR_AR = _rx(r"(?<!\w)[وب]?(?:انطلاق|بدء|اطلاق)\s+(?:ال)?(?:عمليه|عمليات|معركه|حمله)\s+"
                       r"(?:(?:ال)?عسكري\w*\s+)?(?:ل)?$")
# "وتتصاعد هجمات التنظيم في المناطق الفاصلة": acts on the rise, not one of them.
_RISING_AR = _rx(r"(?<!\w)[وف]?(?:[يت]تصاعد|تصاعدت|تصاعد|[يت]تزايد|تزايدت|تزايد|ازدياد|تنامي)\s+(?:وتيره\s+|حده\s+)?"
                 r"(?:ال)?$")
_IMAGE_OF_AR = _rx(r"(?<!\w)(?<!في\s)(?<!مدينه\s)(?<!قضاء\s)[وب]?(?:ال)?(?:صور|صورا|صوره|فيديو|فيديوهات|مقاطع|مقطع|"
                   r"تسجيلات|تسجيل)\s+(?:مصور\w*\s+)?(?P<of>من\s+)?$")
_INQUIRY_AR = re.compile(r"(?:تقصي|(?:ل|وال|ال)?تحقيق\s+في)\s+(?:\S+\s+){0,3}(?:[وفبل]?ال)?$")


def _not_an_event_ar(sentence: str, event_type: str, trigger_start: int) -> str | None:
    view = arabic_view(sentence)
    text = view.text
    start = view.index(trigger_start)
    if _TAGS_AR.match(text):
        return "tag or metadata line"
    if _LEGAL_AR.search(text):
        return "legal characterisation"
    word = word_start(text, start)
    funeral = _FUNERAL_OF_AR.search(text, max(0, start - 250), word)
    if event_type not in _PROTESTS and funeral and not names_a_day(text[funeral.start("dead"):]):
        return "a funeral, the death told before"
    if _MEASURED_FROM_AR.search(text, max(0, start - 60), word) \
            or _TIME_SINCE_AR.search(text, max(0, start - 50), word):
        return "an earlier act the news is measured from"
    if _LAUNCHED_FOR_AR.search(text, max(0, start - 40), word) and _TAKING_WORD_AR.match(text, word):
        return "an operation launched, its aim not yet done"
    if _RISING_AR.search(text, max(0, start - 30), word) and not names_a_day(sentence) \
            and not re.search(r"(?<!\w)(?:مقتل|قتل|اسفر\w*|ادي\s+الي|قتيل|قتلي|شهيد\w*)(?!\w)", text):
        return "a trend, not an act"
    image = _IMAGE_OF_AR.search(text, max(0, start - 30), word)
    # (the picture "of" the act: "صور للمظاهرات", "مقاطع من الاشتباكات")
    if image and (image.group("of") or text[word] == "ل") and not names_a_day(sentence):
        return "an image of an act, not the act"
    # "معلنة تشكيل لجنة لتقصي أسباب الاشتباكات": an inquiry into acts told elsewhere.
    if _INQUIRY_AR.search(text, max(0, start - 40), start):
        return "an act under inquiry, told elsewhere"
    habit = _HABIT_AR.search(text, max(0, start - 40), start)
    if habit and not re.search(r"[,;:،؛]", text[habit.end():start]) and not names_a_day(sentence) \
            and not re.search(r"اسفر|ادي\s+الي|مقتل", text[start:]):
        return "a habit, not an act"
    if _ANALYSTS_VIEW_AR.search(text, max(0, start - 150), word) and not names_a_day(sentence) \
            and not re.search(r"(?:قتل|مقتل|استشهد|اصاب|اصابه)\w*\s+(?:\S+\s+){0,2}?\d|\d+\s+(?:قتيل|شهيد|مدني)", text):
        return "an analyst's view, not an act"
    # "أدانت الأمم المتحدة القصف": the condemnation is the news; "دعا الجيش المسلحين إلى
    # الاستسلام، ثم قصفت طائراته البلدة": another clause.
    appeal = _APPEAL_AR.search(text, 0, start)
    if event_type not in _PROTESTS and appeal and not re.search(r"[,;:،؛]", text[appeal.end() : start]):
        return "appeal or condemnation"
    return None

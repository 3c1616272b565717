"""Where an event happened: the places of its sentence, one event per place, as ACLED codes.

From the toponyms of the sentence, drop those that are not where something happened:
- metonymy and modifiers: "the government in Damascus", "Damascus has accepted",
  "Britain-based", "Iran-backed";
- where a witness was: "blasts could be heard from Kilis";
- containers: "Mayadin in Deir ez-Zor governorate" is one place, Mayadin; a country is
  dropped when a finer place is named.
Where the sentence puts the doers of an act done where they stand ("police in Mombasa fired
tear gas") is its place when it names no other. A sentence with no place takes those of the
nearest earlier sentence of its paragraph (or the one before), then the first place of the
story, then the province of an office that speaks in it ("the Idlib Health Directorate
said"), then the town of the story's dateline in the article's country (not its capital's),
then the article's main country (country known, no point: never a country centroid). Where a
person is from ("a man from Derry") gives way to the act's own place in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..arabic.text import fold, is_arabic, strip_marks
from ..places.contain import follows_container
from ..places.context import LIST_GAP
from ..records import Place
from .nonevents import in_a_teaser_headline
from .sentences import Located, Sentence

_METONYM_BEFORE = re.compile(r"(?:\b(?:government|regime|authorities|officials|leadership|ministry|request|"
                             r"embassy|ambassador|envoy|delegation)\s+(?:in|of|by|from)|\bloyal to|\bbacked by|"
                             r"\ballied (?:with|to)|\baligned with|\bfunded by|\bsupported by|\bproxies of|"
                             # a title or a church's name: "the Emir of Qatar", "Pope Tawadros of the Coptic
                             # Orthodox Church of Alexandria"
                             # (not "the palace of the Emir of Kano", which is in Kano)
                             r"(?<!\bof\sthe\s)\b(?:pope|patriarch|archbishop|bishop|king|queen|sultan|emir|prince|"
                             r"princess|duke)\s+of|"
                             r"\b(?:orthodox|catholic|coptic|anglican|apostolic|evangelical)\s+church\s+of|"
                             # a boundary: "on the Syrian side of the border with Iraq"
                             r"\bborders?(?:\s+(?:crossing|post|gate|point)s?)?\s+with|"
                             # an outlet's name: "Lebanese TV channel Al-Mayadin reported"
                             r"\b(?:channel|broadcaster|newspaper|daily|news agency|network|website|radio station)|"
                             # where people fled from: "evacuees from the towns of Foua and Kefraya",
                             # "buses carrying residents from the besieged towns of …"
                             # (the places people were carried from may be described: "besieged"; a
                             # verb's may not: "civilians evacuated from the besieged city of X said
                             # shelling killed dozens there" tells of X)
                             r"(?:\b(?:convoys?|buses|evacuees|refugees|displaced)(?:\s+\w+){0,2}?\s+from"
                             r"(?:\s+the\s+(?:[\w-]+\s+){0,4}?(?:towns?|villages?|city|cities)\s+of)?|"
                             r"(?:\b(?:fled|fleeing|evacuated|escaped|escaping|expelled|displaced|transferred|relocated|bus(?:s)?ed))\s+from"
                             r"(?:\s+the\s+(?:towns?|villages?|city|cities)\s+of)?)(?:\s+\w+\s+and)?)"
                             r"\s+(?:the\s+)?(?:[ae][lnrsdtz]-)?$", re.I)  # "channel Al-|Mayadin"
# "Iran's flags", "Syria's war" — but "Aleppo's eastern countryside", "Raqqa's al-Rumaila
# neighbourhood" and "Brisbane's CBD" are places. A country as the subject of an act ("Jordan
# carried out airstrikes") is the actor, not the place.
_METONYM_AFTER = re.compile(r"^(?:['’]s\s+(?!(?:[\w'’-]+\s+){0,2}?(?:countryside|outskirts|suburbs?|districts?|"
                            r"neighbo(?:u)?rhoods?|province|old city|streets?|cent(?:re|er)|city cent(?:re|er)|"
                            r"(?-i:CBD)|downtown|waterfront|harbou?r|villages?|"
                            r"camps?|border|city|port|airport|"
                            # "Gao's main market", "Turbat's main bazaar", "Kabul's Dasht-e-Barchi
                            # area": a part of the town, where things happen
                            r"markets?|bazaars?|souqs?|souks?|squares?|hospitals?|mosques?|"
                            r"roundabouts?|bus\s+station|areas?|quarters?|slums?|"
                            r"entrances?|industrial\s+(?:zone|area|city)))|"
                            # "United States and British aircraft": a country naming the forces
                            r"(?:\s+and\s+[A-Z]\w+)?\s+(?:\w+\s+)?(?:aircraft|warplanes|jets|planes|forces|troops|"
                            r"army|navy|air force|drones?|military|warships?|destroyers?|helicopters?|soldiers)\b|"
                            r"-(?:based|backed|linked|led|aligned|affiliated|allied|sponsored|funded|made)\b|"
                            # "Damascus's ally Russia", and scrapes that lost the apostrophe
                            r"(?:['’]?s)?\s+(?:main\s+|key\s+|close\s+|staunch\s+)?(?:ally|allies|backers?|patrons?)\b|"
                            # "Damascus media outlets said", "the Idlib Media Center": whose media
                            # (not "Hama State media", a scrape's attribution glued to a name)
                            # (only when they speak: "a Kabul TV presenter was shot", "shelling hit
                            # the Homs Media Center" are in those towns)
                            r"\s+(?:media|television|tv|radio|newspapers?|press|news\s+agency)(?:\s+outlets?)?"
                            r"(?=\s+(?:\w+\s+){0,1}(?:said|says|reported|reports|quoted|cited|stated|announced)\b)|"
                            # "the Geneva talks", "the Astana process": a meeting, not a place
                            r"\s+(?:peace\s+)?(?:talks|negotiations|conference|process|convention|accords?|summit|"
                            r"format|declaration|communiqu[eé])\b)",
                            re.I)
# "… at a market in Maaret al-Numan Tags Syria Khan Sheikhun Idlib airstrike …": a page's tag
# list glued into a sentence names no place of its act.
_TAG_RUN = re.compile(r"\bTags:?\s+(?:[\w'’-]+\s+){0,15}$")
# "A source at the Hasaka police told SANA", "an officer of the Aleppo police said": whose
# police a speaker belongs to, not where the act was. (Not "Aleppo police arrested five", nor
# "in the Homs police station".)
_POLICE_OF_BEFORE = re.compile(r"\b(?:at|from|of|for|with|within)\s+the\s+$", re.I)
_POLICE_OF_AFTER = re.compile(r"^\s+police\b(?!\s+(?:station|post|headquarters|checkpoint|building|academy|compound|"
                              r"barracks|office))", re.I)
# A place as the subject of a verb ("Moscow has accepted", "Jordan carried out airstrikes"), but
# not one a preposition governs: in "an attack in the city of Homs has claimed 18 lives" the
# attack is the subject. A place a passive acts upon ("Kafr Nabudah had been recaptured") is
# where it happened.
_SUBJECT_OF = re.compile(r"^\s+(?:(?:has|have|had)(?!\s+been\s+(?:hit|struck|shelled|bombed|bombarded|attacked|"
                         r"targeted|raided|stormed|besieged|surrounded|encircled|captured|recaptured|taken|retaken|"
                         r"overrun|seized|liberated|freed|cleared|evacuated|destroyed|damaged|rocked|shaken|lost|won)\b)|"
                         r"said|says|accepted|denied|confirmed|announced|warned|demanded|agreed|"
                         r"rejected|called|urged|vowed|insisted|claimed|accused|blamed|condemned|pledged|"
                         r"carried|launched|struck|strikes|shelled|bombed|conducted|targeted|attacked|fired|"
                         r"sent|deployed|retaliated|responded|intercepted|downed|hit)\b", re.I)
# "Police in Kabul fired …", "rebels in Idlib have shelled …": a place that says where the
# doers of an act are (not a speaker's: "officials in Washington said").
_DOERS_IN = re.compile(r"\b(?:police|policemen|officers|troops|soldiers|forces|army|rebels|militants|fighters|"
                       r"insurgents|gunmen|militiamen|militias?|jihadists|guards|protesters|demonstrators|rioters|"
                       r"residents|terrorists|terrorist\s+(?:organi[sz]ations|groups)|factions)\s+"
                       r"(?:(?:based|stationed|deployed|positioned|entrenched|holed\s+up)\s+)?(?:in|inside|at)\s+(?:the\s+)?$",
                       re.I)
# ... in Arabic, on folded text: "المجموعات الإرهابية المنتشرة في ريف إدلب" (deployed, stationed,
# entrenched in).
_DOERS_IN_AR = re.compile(r"(?:المنتشر|المتمركز|المتواجد|المتحصن|المتموضع)(?:ه|ين|ون)?\s+(?:في|ب)\s*(?:ريف\s+)?$")
# ... only when the sentence then names where the fire landed ("… بالقذائف على قرية قسطل معاف";
# folded, "على" is "علي"):
# "قصفت القوات تجمعات المدنيين المتواجدين في كفرنبل" names those hit, where they were.
_TARGET_AFTER_AR = re.compile(r"(?:علي|باتجاه|نحو)\s+(?:\S+\s+){0,3}?"
                              r"(?:قريه|بلده|مدينه|حي|قري|بلدات|مدن|احياء)(?:\s|$)")
# Only an act done where they stand: fire sent elsewhere ("militants in Gaza fired rockets
# into Israel", "forces in Hmeimim launched air strikes") lands where it struck.
# ("Police in Ocana said they arrested four men": the speakers tell their own act)
_ACTS_AFTER = re.compile(r"^\s+(?:(?:said|say|says)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:they|it)\s+"
                         # (what they say they did where they stand: not "the army in Goma said it
                         # had attacked rebel positions", which are elsewhere)
                         r"(?:(?:has|have|had)\s+)?(?:arrested|detained|dispersed|fired\s+(?:tear\s*gas|rubber\s+bullets|"
                         r"warning\s+shots|into\s+the\s+air))|"
                         r"(?:(?:has|have|had)\s+)?(?:fired\s+(?:on|at|upon|into\s+the\s+air|tear\s*gas|"
                         r"rubber\s+bullets|live\s+(?:rounds|ammunition|bullets)|warning\s+shots)|opened\s+fire|"
                         r"shot|attacked|raided|stormed|beat|clashed|detained|arrested|dispersed|charged))\b", re.I)
# ("terrorists positioned in Idleb southern countryside attacked with a drone …" too)
_FIRES_AFTER = re.compile(r"^(?:\s+(?:north|south|east|west)(?:ern)?|\s+(?:countryside|province|governorate|areas?))*"
                          r"\s+(?:(?:has|have|had)\s+)?(?:shelled|launched|fired|struck|bombed|pounded|targeted|"
                          r"attacked\s+with\s+(?:an?\s+)?(?:\w+\s+)?(?:drones?|rockets?|missiles?|shells?|mortars?))\b",
                          re.I)
# "the strikes on rebel-held Atareb had been carried out by …", "the shelling of Douma has
# killed 40", "a drone attack on Kharkiv hit a petrol station": the place an incident noun's
# preposition governs is not the subject of the verb after it. Only an incident's: "rebels in
# Idlib have shelled Jurin" names where the doers are, and "officials in Washington said" the
# speakers.
# The incident's place may sit in a second phrase ("the toll from the air strike on a market in
# Douma has climbed to 23").
_PREPOSITION = r"(?:in|on|at|near|outside|inside|across|around|within|into|against|of)\s+"
_PREPOSITION_BEFORE = re.compile(r"\b(?:(?:air\s*)?strikes?|airstrikes?|raids?|attacks?|assaults?|offensive|shelling|"
                                 r"bombing|bombardment|fighting|clashes|battle|blasts?|explosions?)\s+"
                                 rf"(?:{_PREPOSITION}(?:[\w'’-]+\s+){{1,4}}?)?{_PREPOSITION}"
                                 r"(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
# "activists in Homs said", "a doctor in Idlib told AFP": those who tell, where they are.
_TELLERS_IN = re.compile(r"\b(?:activists?|witness(?:es)?|medics?|doctors?|rescuers|monitors|journalists?|residents?)"
                         r"\s+(?:in|at)\s+(?:the\s+)?$", re.I)
# "explosions could be heard from the border town of Kilis": where a witness was, not where
# the event happened.
# "their position in al-Hadar village, which borders the occupied Golan Heights": a place a
# relative clause names to say where another lies.
_DESCRIBES_WHERE = re.compile(r"\b(?:which|that)\s+(?:borders?|overlooks?|adjoins?|neighbou?rs?|"
                              r"lies\s+(?:near|along|on|close\s+to|between)|"
                              r"is\s+(?:near|close\s+to|next\s+to|adjacent\s+to))\s+(?:the\s+)?"
                              r"(?:[\w'’-]+\s+){0,3}$", re.I)
# "a source in Hasaka as saying", "officials in Damascus said": where a speaker is (when the
# sentence names another place, that one is the event's).
_SPEAKER_IN = re.compile(r"\b(?:(?:source|sources|official|officials|spokes(?:man|woman|person)|correspondent|reporter|"
                         r"governor|ministry)\s+(?:in|at|from)|"
                         # "Fabius told reporters during a visit to the West Bank city of Ramallah" —
                         # the speaker's visit, not one an attack hit ("mortars hit the compound
                         # during a visit to Lashkar Gah by the president")
                         r"\b(?:said|says|told|tells|stated|declared|announced)\s+(?:[\w'’-]+\s+){0,3}?"
                         r"(?:during|on)\s+(?:a|an|his|her|their)\s+(?:\w+\s+)?(?:visit|trip|tour)\s+to)"
                         r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:city|town|capital)\s+of\s+)?$", re.I)
# "a demonstration against the World Economic Forum, which opens in Davos on Monday": where
# a meeting, a contest or a trial is held, named to say what it is, not where the act was
# (when the sentence names another place).
_VENUE_OF = re.compile(r"\b(?:forum|summit|conference|talks|meeting|congress|session|assembly|games|olympics|"
                       r"championships?|tournament|festival|fair|exhibition|trial|hearing)\W{0,2},?\s+(?:which|that)\s+"
                       r"(?:(?:is|was|will\s+be)\s+(?:being\s+)?held|opens|opened|begins|began|starts|started|"
                       r"takes\s+place|took\s+place|meets|met|convenes|convened|runs|ran)\s+"
                       r"(?:[\w'’-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
# "the army said in a statement from Bucaramanga that drones hit a base in Tibu": where the
# statement came from.
_STATEMENT_FROM = re.compile(r"\bstatement\s+(?:(?:issued|released|sent|published)\s+)?(?:in|from)\s+(?:the\s+)?"
                             r"(?:(?:city|town|capital)\s+of\s+)?$", re.I)
_VANTAGE = re.compile(r"\b(?:heard|seen|visible|audible|watched|observed|filmed|photographed)\s+"
                      r"(?:from|as far as)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
# Where a speaker sits: "the coalition, which is based in Istanbul, said", "a commander said by
# telephone from Erbil", "reached by phone from Beirut".
_SPEAKER_BASE = re.compile(r"\b(?:based\s+in|(?:said|says|told\s+\w+|spoke|speaking|reached)\s+(?:[\w'’-]+\s+){0,2}?"
                           r"by\s+(?:tele|satellite\s+|mobile\s+)?phone\s+from)\s+(?:the\s+)?$", re.I)
# "…, a UN spokeswoman said in Geneva.": where the speaker spoke, at the clause's end — not the
# act's place when the sentence names another ("…, the mayor told reporters in Ayacucho" alone
# may be the act's town)
_SPOKE_IN = re.compile(r",\s+(?:[\w'’-]+\s+){1,6}?(?:said|says|told\s+reporters|told\s+journalists)\s+in\s+"
                       r"(?:the\s+)?$", re.I)
# "airstrikes launched by Russia on eastern Syria", "shelling by Turkey": a country after "by"
# is who acted, not where.
_DOER_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
# "the Baghdad Hotel in central Damascus", "the Aleppo Hotel in the rebel-held town of Azaz":
# a building's words, then where it stands.
_NAMES_A_BUILDING = re.compile(r"\s+(?:[A-Z][\w'’-]+\s+)?(?i:hotel|hospital|mosque|church|cathedral|school|university|"
                               r"college|stadium|mall|cinema|theat(?:re|er)|restaurant|caf[eé]|club|bank|square|gate|"
                               r"street|avenue)s?\s+(?i:in|at|near|on|off)\s+(?i:the\s+)?"
                               r"(?:(?:[\w'’-]+\s+){0,3}?(?i:city|town|village|district|neighbou?rhood|capital|suburb|"
                               r"area)\s+of\s+(?:[A-Z][\w'’-]*\s+in\s+)?|(?:[a-z][\w-]*\s+){0,3})$")


def _put_elsewhere(sent: Sentence, loc: Located, out: list[Located]) -> bool:
    """Whether a town that names a building or a square is followed by the place the sentence
    puts the building in: a town or a part of one, not a province or a country that holds it
    ("a Quetta hospital in Balochistan province" is in Quetta)."""
    offset = sent.start
    for other in out:
        if other.start > loc.end and specificity(other.place) >= 4 \
                and _NAMES_A_BUILDING.match(sent.text, loc.end - offset, other.start - offset):
            return True
    return False


_RECALLED_AFTER = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|since)\b", re.I)


_TRUCE = re.compile(r"\b(?:cease-?fires?|truces?|deals?|agreements?|accords?)\b", re.I)
_TALKS = re.compile(r"\b(?:talks|negotiations|summit|meeting|conference)\b", re.I)
# A comma after a name that goes on naming where ("in Kuriga, Kaduna state", "on Hroza, a
# village near Kupiansk", "in Mugunga, near Goma"), or to the verb after such a name ("…,
# killed 12"), nor does one between the names of a list ("a visit to Iraq, including stops in
# Baghdad, Najaf and Erbil"); a
# comma before anything else ends it ("after a similar attack, in the town of Djibo" does).
_WHERE_GOES_ON = re.compile(r",\s+(?:near\b|in\s+the\b|including\b|(?:killed|killing|wounded|wounding|hit|struck)\b|"
                            r"(?:a|the)\s+(?:[\w-]+\s+)?(?:village|town|city|district|"
                            r"suburb|capital|region|province)\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:state|province|"
                            r"region|governorate|district|county|oblast)\b|[A-Z][\w'’-]+(?:[,.;]|$)|"
                            # a list's next names: "visited Basra, Najaf and Kirkuk"
                            r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:and|or)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                            r"(?:[,.;]|$))")


_CLAUSE_STOP = re.compile(r"[,;:.](?:\s|$)")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*$")


def recalled_frames(text: str) -> list[tuple[int, int]]:
    """The spans of "N days/weeks after|since …" clauses: from the time words to the clause's
    end (the next comma, semicolon or full stop that does not go on naming a place)."""
    out = []
    for m in _RECALLED_AFTER.finditer(text):
        end = len(text)
        for stop in _CLAUSE_STOP.finditer(text, m.end()):
            at = stop.start()
            if text[at] == "," and _WHERE_GOES_ON.match(text, at) and _NAME_BEFORE.search(text, 0, at):
                continue
            end = at
            break
        out.append((m.start(), end))
    return out


# "…, as rebels pushed towards Raqqa": "as", then a subject that is not the act's own people
# (a pronoun, "the victims") nor a fixed phrase ("as well as", "as part of", "as many as"),
# then its verb.
_AS_ANOTHER = re.compile(r",?\s\bas\s+(?!(?:they|he|she|it|we|you|I|his|her|their|its|the\s+(?:victims?|people|"
                         r"residents|worshippers|crowds?|children|families|passengers|buses|convoy)|well|part|many|much|"
                         r"few|little|far|soon|long|a\s+result|of|if|though|such|usual|expected|planned|reported|"
                         r"ordered|promised|agreed|announced|needed|well\s+as)\b)(?:[\w'’-]+\s+){1,7}?"
                         # verbs of a campaign going on, not of a scene ("as worshippers were leaving the
                         # mosque in Mubi", "as a patrol was passing near Tal Afar" are where it happened)
                         r"(?:advanced|pushed|continued|clashed|battled|fought|closed|tightened|pressed|moved|"
                         r"stepped|launched|began|resumed|prepared|sought|tried|struggled|"
                         r"(?P<raged>raged|intensified|escalated|spread|flared))\b", re.I)
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|inside|into|on|onto|from|to|towards?|across|around|of|off|"
                       r"between|and|over|along|within|by)\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.I)
# "the truce for eastern Aleppo", "bombing northern Idlib": a part of a place, named by where
# it lies in it, is somewhere things happen, whatever word comes before.
_PART_OF = re.compile(r"\b(?:eastern|western|northern|southern|central|north-?eastern|north-?western|south-?eastern|"
                      r"south-?western)\s+$", re.I)
# ... but not a part a title names: "Moscow's envoy for eastern Ukraine".
_TITLE_FOR = re.compile(r"\b(?:envoy|ambassador|minister|representative|coordinator|commissioner|officials?|"
                        r"affairs|adviser|advisor|secretary|director|chief|head)\s+(?:for|to|on|of)\s+(?:the\s+)?$",
                        re.I)


def _a_part_named(before: str) -> bool:
    """Whether the words before a place name a part of it ("for eastern Aleppo")."""
    part = _PART_OF.search(before[-25:])
    return part is not None and not _TITLE_FOR.search(before[: len(before) - len(part.group())][-40:])
# "in the western Syrian city of Homs": a preposition and a place word govern the name. ("The
# province of Kilis has faced …" has the province as its subject; "officials in Washington
# said" is still a speaker's place.)
# "the aircraft that struck Kafr Zita had taken off from …": a name right after an act's verb
# is what it hit, whatever verb follows the name.
_OBJECT_OF = re.compile(r"\b(?:struck|hit|shelled|bombed|bombarded|pounded|attacked|targeted|raided|stormed|"
                        r"captured|seized|overran|besieged)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$", re.I)
_GOVERNED = re.compile(r"\b(?:in|near|at|outside|inside|on|from|across|around|within)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,3}?(?:city|town|village|province|area|district|region|governorate)\s+of\s+$",
                       re.I)
# "the road between X and Y", "a car bomb exploded between the towns of X and Y": one place.
_ROUTE_START = re.compile(r"(?:\bbetween\s+(?:(?:the\s+)?(?:towns?|villages?|cit(?:y|ies))\s+of\s+)?|"
                          r"(?:\bfrom|\blinking|\bthe)\s+)$", re.I)
_ROUTE_END = re.compile(r"^(?:\s+(?:and|to)\s+|-|–)$")
# Words that make one place locate another ("east of", "in", "near", "province of").
_LINK = re.compile(r"\b(?:in|of|near|outside|close to|east|west|north|south|countryside|province|governorate|"
                   r"district|outskirts|area|region|border|desert|facing|overlooking)\b", re.I)
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:the\s+)?")
# What ends a chain: a new sentence or clause ("… in Hama, while jets struck Idlib"), and a
# second clause with a subject and verb of its own ("four were killed in the province of Hama
# and two children died in air raids in southern Idlib": Idlib holds the second act, not Hama).
_BREAK = re.compile(r"[;.]|\b(?:while|after|before|but|when|where|which|who|said|and then|as)\b|"
                    r"\band\s+(?:[\w'’-]+\s+){0,4}?(?:were|was|are|is|had|have|has|died|\w+ed)\b"
                    # ... that tells an act of its own ("and a third died of his wounds in the city
                    # of Daraa" is the first act's toll, where he died)
                    r"(?=.*\b(?:raids?|strikes?|shell\w*|attacks?|bomb\w*|clash\w*|fighting|ambush\w*|"
                    r"explosions?|blasts?|gunfire|fire|rockets?|missiles?|drones?)\b)", re.I)
_FACILITY_CODES = {"AIRB", "AIRP", "AIRF", "CMP", "CMPRF", "INSM", "MILB", "PSTB", "BDGQ", "MKT", "PRN", "OILF",
                   "GASF", "DAM", "BLDG", "CH", "MSQE", "HSP", "SCH", "STDM", "PRT", "CTRR", "RDJCT", "FRM", "WHRF"}
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR"}


def _is_country(p: Place) -> bool:
    return (p.feature_code or "") in _COUNTRY_CODES


def specificity(p: Place) -> int:
    """How precisely a place pins an event: a town or facility beats a district, a district a
    province, a province a region, a region a country."""
    code = p.feature_code or ""
    if p.geonameid is None and p.latitude is None:
        return -1 if not p.country else 4  # unresolved; located by its container: a village
    if p.geonameid is None and p.geo_precision and p.geo_precision > 1:
        return 4  # unresolved, coded to its container
    if code.startswith("PPL") or code in _FACILITY_CODES:
        return 5
    return {"ADM3": 4, "ADM4": 4, "ADM2": 3, "ADM1": 2}.get(code, 0 if _is_country(p) else 1)


def _chains(sent: Sentence, places: list[Located]) -> list[list[Located]]:
    """Places of one sentence grouped into chains: "the desert east of Palmyra, in Homs
    province" is one chain (one event), "Abu Kamal, Mayadin and Palmyra" three."""
    chains: list[list[Located]] = []
    for loc in places:
        if chains:
            prev = chains[-1][-1]
            gap = sent.text[prev.end - sent.start: loc.start - sent.start]
            route = _ROUTE_END.match(gap) and _ROUTE_START.search(sent.text[: prev.start - sent.start])
            # "Mogadishu's Hodan district", "Kabul's Dasht-e-Barchi area": a part of the town
            # before it, one place.
            if _POSSESSIVE_GAP.fullmatch(gap):
                chains[-1].append(loc)
                continue
            # An enumeration ("A, B and the town of C") gives each member an event of its own.
            if route or (not LIST_GAP.match(gap) and (follows_container(gap) or _LINK.search(gap)
                                                   and len(gap) <= 50 and not _BREAK.search(gap))):
                chains[-1].append(loc)
                continue
        chains.append([loc])
    return chains


_JOURNEY_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)
_JOURNEY_TO = re.compile(r"^\s+(?:to|towards?|for)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)


# "… ran over a landmine near Kawuri": a town that words of place put the act at.
_AT_PLACE = re.compile(r"\b(?:near|in|at|outside|close to|on the outskirts of|just outside)\s+(?:the\s+)?"
                       r"(?:(?:town|village|city|hamlet)\s+of\s+)?$", re.I)


def _where_it_fell(sent: Sentence, chain: list[Located]) -> bool:
    """Whether a chain (no journey's) is a town or village the sentence puts something at
    ("near Kawuri"), not a country, a province or a speaker's place."""
    head = chain[0]
    return specificity(head.place) >= 4 \
        and bool(_AT_PLACE.search(sent.text[max(0, head.start - sent.start - 30):head.start - sent.start]))


def _a_journey(sent: Sentence, chain: list[Located]) -> bool:
    """Whether a chain is the two ends of a journey: "from X to Y"."""
    if len(chain) < 2:
        return False
    a, b = chain[0], chain[1]
    return bool(_JOURNEY_FROM.search(sent.text[max(0, a.start - sent.start - 30):a.start - sent.start])
                and _JOURNEY_TO.match(sent.text[a.end - sent.start:b.start - sent.start]))


def _head(chain: list[Located]) -> Located:
    """The place a chain is about: its first place ("Umm Rummana, in the countryside of
    As-Suwayda"), unless that is only a region another place of the chain pins down
    ("the desert east of Palmyra")."""
    first = chain[0]
    if specificity(first.place) >= 3:
        return first
    return max(chain, key=lambda loc: specificity(loc.place))


# The ends of a road named by them ("the Damascus–Suwayda highway", "طريق حلب – اللاذقية الدولي"):
# the road is where things happen, near whichever other place the sentence names.
# (the other end may hold an article: "the Palmyra–Deir ez-Zor highway")
_ROAD_AFTER = re.compile(r"^\s*(?:[–—-]\s*[A-Z][\w'’-]*(?:\s(?:[a-z]{1,3}-)?[A-Z][\w'’-]*)?\s+)?(?:road|highway|"
                         r"motorway|expressway)\b")
_ROAD_AR = re.compile(r"(?:طريق|اوتوستراد|اوتستراد)(?:\s+(?:الدولي|الرئيسي|السريع|العام|الواصل|الرابط|بين|الذي|"
                      r"يربط))*\s+(?:[^\s،,.؛]+\s+){0,2}?(?:[–—-]\s*|و|بين\s+)?$")
_NOT_A_ROAD_END = re.compile(r"(?:قرب|بالقرب|في|عند|بلده|مدينه|قريه|near|\bin\b|\bat\b|outside)", re.I)


# "the road between Latakia city and Qardaha", "the highway linking the towns of X and Y":
# both ends (a comma or a full stop ends the road's name).
_ROAD_BETWEEN = re.compile(r"\b(?:road|highway|motorway|expressway)\s+(?:that\s+)?(?:between|links?|linking|connects?|"
                           r"connecting|joins?|joining|(?:runs?|running)\s+between)\s+[^,.;:()]{0,60}$", re.I)
# "الطريق الواصل بين مدينة X وبلدة Y": every place after "between" is an end.
_ROAD_BETWEEN_AR = re.compile(r"(?:طريق|اوتوستراد|اوتستراد)\s+(?:\S+\s+){0,2}?(?:الواصل|الرابط|يربط)\s+بين\s+"
                              r"[^،,.؛]{0,40}$")


# Where people live, named beside where they did something: "Yazidis, many of them living in
# camps in Duhok province, gathered in Sinjar". (Alone, it is where it happened: "shelling
# killed five people living in the old city".)
_RESIDENCE = re.compile(r"\b(?:living|lives|live|lived|residing|reside|sheltering|sheltered|housed|staying)\s+"
                        r"(?:in|at)\b[^,.;:()]{0,60}$", re.I)


def _road_end(before: str, after: str) -> bool:
    """Whether a place is an end of a road the sentence names by its ends."""
    if is_arabic(before[-60:] + after[:10]):
        if _ROAD_BETWEEN_AR.search(fold(before[-80:])):
            return True
        m = _ROAD_AR.search(fold(before[-50:]))
        return m is not None and not _NOT_A_ROAD_END.search(m.group())
    if _ROAD_AFTER.match(after[:50]) or _ROAD_BETWEEN.search(before[-90:]):
        return True
    return bool(re.search(r"[A-Z][\w'’-]*\s*[–—-]\s*$", before[-30:])) and bool(
        re.match(r"^\s+(?:road|highway|motorway|expressway)\b", after[:20]))


# "a source at Hasaka Police Command told SANA": the office that speaks, named after its
# province — no place of the act when the story names one ("… a suicide bomber blew himself
# up in central Qamishli"), the only hint of it when not ("the Idlib Health Directorate said 12
# people were killed in air strikes": see `event_places`).
# (… that speaks: a verb of saying right after, one word between at most)
_SPEAKS_AFTER = r"(?=\s+(?:\w+\s+){0,1}(?:told|said|says|reported|reports|stated|announced)\b)"
_OFFICE_AFTER = re.compile(r"\s+(?:police|health|security|military|civil\s+defen[cs]e)\s+(?:command|directorate|"
                           r"department|headquarters|authorit(?:y|ies)|office)" + _SPEAKS_AFTER, re.I)


# "the office of the Beni territory administrator said", "the Lamu county commissioner told
# reporters": a place that names whose official speaks — left when the sentence names another
# (alone it may be where the act was: "ten were killed, the Beni territory administrator said").
_OFFICIAL_OF_AFTER = re.compile(r"\s+(?:territory|district|county|provincial|province|regional|state|municipal|"
                                r"local|town|city)\s+(?:administrator|commissioner|governor|mayor|council|chief|"
                                r"officials?|spokes(?:man|woman|person))" + _SPEAKS_AFTER, re.I)


def _an_office(sent: Sentence, loc: Located) -> bool:
    """Whether the place names an office that speaks ("Hasaka Police Command told SANA")."""
    return _OFFICE_AFTER.match(sent.text, loc.end - sent.start, loc.end - sent.start + 70) is not None


# What follows a dateline's place: a date, an agency in brackets (after the country in
# brackets, "Juba (South Sudan) (AFP) -"), and a dash ("Port Sudan (AFP) -", "Goma, March 3
# (Reuters) —", "دمشق (أ ف ب) -").
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
                             r"(?:,?\s+\d{4})?\s*)?(?:(?:\((?:[A-Z]|[\u0621-\u064a])[\w. ]*\)\s*){1,2}|"
                             r",\s*(?-i:SANA|ANHA|NNA|IRNA|WAFA|KUNA|QNA|MENA)\s*)?"
                             r"\.?(?:--|[-–—])\s")

# ... and one a scraped page leaves inside its first line, after the headline and the
# outlet: "… two gendarmes killed AIB Banfora Monday 16 May 2022 (AIB)-Unidentified armed men
# attacked …". A date, an agency in brackets and a dash after a place make it one wherever it
# stands (`mentions._after_dateline` reads its date as the filing day).
AGENCY_DASH = r"\s*\([A-Z][\w. ]*\)\s*(?:--|[-–—])"
_GLUED_DATELINE_AFTER = re.compile(r",?\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                                   r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?),?\s+\d{4}"
                                   + AGENCY_DASH)


# "… about 100 km south-west of", "30 kilometres (19 miles) from", "40 km north of the": the
# words that make the place after them a reference point.
_MEASURED_FROM = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\([^)]{1,25}\)\s+)?"
                            r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
                            r"(?:of|from)\s+(?:the\s+)?(?:(?:town|city|village|provincial|regional)\s+(?:of\s+)?)?"
                            r"(?:[ae][lnrsdtz]-)?$", re.I)


_FIRED_FROM = re.compile(r"(?:\b(?:fired|launched|lobbed|coming|came|flying|flew|(?:took|taken|taking|takes)\s+off)"
                         r"\s+(?:\S+\s+){0,3}?from|"
                         r"\bfrom\s+the\s+direction\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# ... in Arabic (folded): "الطائرة أقلعت من قاعدة حميميم"، "صواريخ أطلقت من جنوب لبنان" (not
# "انطلقت": a march sets off from where it is a march too).
_FIRED_FROM_AR = re.compile(r"(?<!\w)[وف]?(?:اقلع|اطلق)\w*\s+(?:[^\s.،؛؟]+\s+){0,3}?من\s+"
                            r"(?:(?:جهه|اتجاه|ناحيه)\s+)?(?:(?:قاعده|مطار|مدينه|بلده|منطقه|مناطق)\s+)?(?:[^\s.،؛؟]+\s+){0,1}$")


# "… في العاصمة المؤقتة عدن، التي نقل إليها الجرحى": the town the wounded were taken to
# (folded text, right after the place).
_WOUNDED_TAKEN_TO_AR = re.compile(r"^\s*،?\s*(?:التي|الذي)\s+(?:نقل|نقلوا|تم\s+نقل|وصل|وصلوا|اسعف)\w*\s+"
                                  r"(?:اليها|اليه)")


# "… wounded seven people who were taken to the Bab al-Hawa hospital", "rushed to hospital in
# Sarmada", "airlifted to Quetta": where the wounded or the dead were taken, not where the act was.
_TAKEN_TO = re.compile(r"\b(?:taken|rushed|brought|transferred|evacuated|airlifted|flown|admitted|moved|carried|"
                       r"shifted)\s+(?:(?:later|then|immediately|quickly)\s+)?"
                       # ("evacuated by helicopter to Cucuta")
                       r"(?:by\s+(?:an?\s+)?(?:military\s+)?(?:helicopter|ambulance|air|road|boat|plane|aircraft)s?\s+)?"
                       r"(?:to|into)\s+(?:an?\s+|the\s+)?"
                       r"(?P<hospital>(?:[\w'’-]+\s+){0,2}?(?:hospitals?|clinics?|medical\s+(?:centre|center|facility)|"
                       r"morgue)\s+(?:in|at)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?)?$", re.I)
# ... a town alone only when the wounded or the dead are who went there ("reinforcements were
# rushed to Menaka", "troops moved into Kidal" go where the act is).
_THE_HURT = re.compile(r"\b(?:wounded|injured|casualties|bodies|dead|victims|survivors|patients)\b", re.I)


# "… after a wounded child died at Bab al-Hawa hospital", "a fourth died of his wounds on Tuesday in
# a hospital in al-Hasaka": where one of the hurt died later, not where the act was.
_DIED_AT = re.compile(r"\b(?:died|dies|succumbed)\b[^.;]{0,60}?\b(?:at|in)\s+(?:the\s+|an?\s+)?"
                      r"(?P<hospital>(?:[\w'’-]+\s+){0,2}?(?:hospitals?|clinics?|medical\s+(?:centre|center|facility))\s+"
                      r"(?:in|at)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?)?"
                      # ("in al-Hasakah": the place's name may leave its article out)
                      r"(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?$", re.I)
_A_HOSPITAL_AFTER = re.compile(r"\s*(?:(?:general|teaching|military|field|national|university)\s+)?"
                               r"(?:hospital|clinic|medical\s+(?:centre|center))\b", re.I)


# ... told as a death from wounds, after the act ("died of his wounds", "a wounded child died",
# "later died", "succumbed"); a hospital the act itself hit ("died in Kafr Nabl hospital when
# an air strike hit its emergency ward") is the act's place, and so is a hospital town a
# sentence names alone ("died on Saturday at a hospital in Jenin"): see `_where_things_happen`.
_DIED_OF_WOUNDS = re.compile(r"\b(?:wounded|injured)\s+(?:\w+\s+){0,2}(?:died|dies|succumbed)|"
                             r"\bdied\s+(?:later\s+)?of\s+(?:his|her|their|its)?\s*(?:wounds|injuries)|"
                             r"\blater\s+died|\bsuccumbed", re.I)


def _died_in_hospital(before: str, after: str) -> str | None:
    """"of wounds" where a sentence tells one of the hurt died in a hospital of the place
    later, "hospital" where it only tells someone died in one there, else None."""
    m = _DIED_AT.search(before[-90:])
    if m is None or m.group("hospital") is None and _A_HOSPITAL_AFTER.match(after) is None:
        return None
    return "of wounds" if _DIED_OF_WOUNDS.search(before[-140:]) else "hospital"


# What may stand between a place and the places that describe it: ", the capital of",
# " in neighbouring", ", in".
_DESCRIBING_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:the|a)\s+)?(?:(?:(?:provincial|regional|state|district)\s+)?"
                             r"(?:capital|seat|main\s+(?:city|town))\s+of\s+|in\s+|of\s+)(?:the\s+)?"
                             r"(?:neighbou?ring\s+)?$", re.I)


# "… were taken to Jalalabad, where the attack happened", "flown to Kidal, where militants later
# shelled the camp": the town the wounded reached is where an act was, too.
_WHERE_IT_HAPPENED = re.compile(r"[^.;]{0,60}?,\s+where\b", re.I)


# "… arrested 30 young men and took them to the Military Intelligence branch in Suwayda": where
# the held were taken, not where they were held (when the sentence names where they were).
_HELD_TAKEN_TO = re.compile(r"\b(?:took|taken|transferred|moved|led|driven|flown|handed\s+over)\s+"
                            r"(?:(?:them|him|her|the\s+(?:men|detainees|suspects|prisoners))\s+)?(?:away\s+)?to\s+"
                            r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:branch|prison|jail|detention\s+(?:centre|center|"
                            r"facility)|headquarters|police\s+station|intelligence\s+(?:office|centre|center))\s+"
                            r"(?:in|at)\s+(?:the\s+)?$", re.I)


def _taken_to(before: str) -> bool:
    m = _TAKEN_TO.search(before[-80:])
    return m is not None and (m.group("hospital") is not None or _THE_HURT.search(before[-120:]) is not None)


def _wounded_taken_to_ar(after: str) -> bool:
    return is_arabic(after) and _WOUNDED_TAKEN_TO_AR.match(fold(strip_marks(after))) is not None


# "ويأتي تفجير اعزاز بعد أيام من انفجار دراجة مفخخة في جرابلس، يوم الأحد": the place of the act
# the news is (told before), not of the earlier act the sentence dates (folded text, marks
# stripped).
_COMES_BEFORE_AR = re.compile(r"^\W*[وف]?(?:[يت]اتي|جاء|جاءت)\s+(?:\S+\s+){0,3}$")
_AFTER_WORD_AR = re.compile(r"^[^.،؛؟]{0,30}?(?<!\w)بعد(?!\w)")


def _comes_after_ar(before: str, after: str) -> bool:
    return is_arabic(before) and _COMES_BEFORE_AR.match(strip_marks(before)) is not None \
        and _AFTER_WORD_AR.match(strip_marks(after)) is not None


# "… بعد وفاة رجل وطفلة متأثرين بجراحهما في مشفى الحسكة الوطني", "نقل الجرحى إلى مستشفى سلقين":
# the town in the name of the hospital where the hurt died or were taken (folded text, up to
# the place).
_HURT_AT_HOSPITAL_AR = re.compile(r"(?:متاثر\w*\s+بجراح\w*|توفي\w*|وفاه|نقل\w*|اسعاف\w*|اسعف\w*|اسعفوا|جثث|"
                                  r"جثمان\w*|الجرحي|المصابين)[^.،؛؟!]{0,40}?(?<!\w)(?:في|الي|بين)?\s*"
                                  r"(?:ال)?(?:مشفي|مستشفي|مشافي|مستشفيات)\s+(?:\S+\s+)?$")


def _hurt_at_hospital_ar(before: str) -> bool:
    return is_arabic(before) and _HURT_AT_HOSPITAL_AR.search(strip_marks(before[-90:])) is not None


# "… في مدينة جرمانا ذات الغالبية الدرزية جنوب شرق دمشق": a town the place lies in a direction
# from (not "في شرق دمشق", in its east: a preposition before the direction makes it a part).
_DIRECTION_FROM_AR = re.compile(r"(?<![\u0621-\u064a])(?<!في\s)(?<!الي\s)(?<!ب)(?:شمال|جنوب|شرق|غرب)[يا]?"
                                r"(?:\s+(?:شرق|غرب)[يا]?)?\s+(?:مدينه\s+|بلده\s+|قريه\s+)?$")


# "شيعت قرى في محافظات المنوفية والشرقية، الخميس، جثامين 4 جنود قتلوا …": the mourners' towns,
# named before the bodies they buried, are where the funeral was, not where the dead fell.
_FUNERAL_OPENS_AR = re.compile(r"^\W*(?:و)?(?:شيع|شيعت|شيعوا|يشيع|تشيع|يشيعون)(?![\u0621-\u064a])")
_BODIES_AR = re.compile(r"(?<![\u0621-\u064a])(?:ال)?(?:جثمان|جثامين|جثث|جثه)")


def _mourners_place_ar(before: str, after: str) -> bool:
    return is_arabic(before + after) and _FUNERAL_OPENS_AR.match(fold(strip_marks(before))) is not None \
        and _BODIES_AR.search(fold(strip_marks(after))) is not None \
        and _BODIES_AR.search(fold(strip_marks(before))) is None


def _direction_from_ar(before: str) -> bool:
    return is_arabic(before) and _DIRECTION_FROM_AR.search(fold(strip_marks(before))) is not None


def _fired_from(before: str) -> bool:
    """Whether the words before a place say that fire or aircraft came from it."""
    return bool(_FIRED_FROM.search(before) or is_arabic(before) and _FIRED_FROM_AR.search(fold(before)))


_COLON_DATELINE = re.compile(r"\s*[:.]\s+(?=[A-Z])")


# The places a crowd stands by, not where it stands: "marched in solidarity with Daraa and
# Baniyas", "مظاهرة ... تضامناً مع درعا وبانياس", "لافتات تضامن مع دير الزور وحماة" (never past
# a place the crowd is in: "تضامنا مع درعا في حي الصليبة باللاذقية" is in Latakia).
_SOLIDARITY = re.compile(r"\b(?:solidarity|sympathy)\s+with\s+(?:(?:the\s+)?(?:people|residents|protesters|victims|"
                         r"martyrs|families)\s+(?:of|in)\s+)?(?:(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                         r"(?:,\s+|\s+and\s+))*(?:the\s+)?(?:[ae][lnrsdtz]-)?$")
_SOLIDARITY_AR = re.compile(r"(?<!\w)(?:تضامن\w*|نصر[ةه])\s+(?:مع\s+)?"
                            r"(?:(?!(?:في|وسط|امام|قرب|داخل)\s)(?!ب(?:مدين|بلد|قري|حي|محافظ|منطق|ريف|ساح|شارع))"
                            r"[^\s.،؛:]+\s+){0,3}?و?$")


def _in_solidarity_with(before: str) -> bool:
    if is_arabic(before):
        return bool(_SOLIDARITY_AR.search(fold(strip_marks(before[-80:]))))
    return bool(_SOLIDARITY.search(before[-120:]))


def _beside_a_place_of_its_own(sent: Sentence, places: list[Located], drop: set[int]) -> list[Located]:
    """`places` but those in `drop`, when another names where the act was: a place the
    gazetteer knows, no country, no province that holds a dropped place, and not what
    describes one (", the capital of Borno state", ", Switzerland")."""
    dropped = [loc for loc in places if id(loc) in drop]
    if not dropped:
        return places

    def describes(loc: Located) -> bool:
        return any(d.end <= loc.start and (_DESCRIBING_GAP.match(sent.text, d.end - sent.start, loc.start - sent.start)
                                           or _COMMA_GAP.fullmatch(sent.text, d.end - sent.start,
                                                                   loc.start - sent.start))
                   for d in dropped)

    def holds(loc: Located) -> bool:
        return (loc.place.feature_code or "").startswith(("ADM", "RGN", "AREA")) and any(
            specificity(loc.place) < specificity(d.place) and loc.place.country_code == d.place.country_code
            and (loc.place.admin1 is None or loc.place.admin1 == d.place.admin1) for d in dropped)

    # (nor where people came from: "activists from Lyon marched against the summit, which opens
    # in Biarritz")
    own = [loc for loc in places if id(loc) not in drop and loc.place.country and not _is_country(loc.place)
           and not holds(loc) and not describes(loc) and not _origin(sent, loc)]
    return [loc for loc in places if id(loc) not in drop] if own else places


_COMMA_GAP = re.compile(r"\s*,\s*")


def _unless_all(places: list[Located], drop: set[int]) -> list[Located]:
    """`places` but those whose `id` is in `drop`, unless that would leave none."""
    return [loc for loc in places if id(loc) not in drop] if drop and len(drop) < len(places) else places


def _where_things_happen(sent: Sentence, home: Place | None = None, trigger_at: int | None = None) -> list[Located]:
    """The sentence's places minus metonymy, modifiers and datelines; of each chain of places
    that locate one another, the most precise. `home`: the article's main country.
    `trigger_at`: where the event's word starts in the sentence, when known."""
    out: list[Located] = []
    dateline: list[Located] = []
    doers_at: list[Located] = []  # "police in Kabul fired …": where the doers are
    speakers: list[Located] = []  # "activists in Homs said": where those who tell it are
    remote = False  # ... of fire they sent from there ("rebels in Idlib shelled …")
    # where a funeral was (`_mourners_place_ar`) or a speaker spoke (`_SPOKE_IN`): left when the
    # sentence names another place
    left_if_others: set[int] = set()
    left_unless_alone: set[int] = set()  # ... only beside a place of the act's own
    offset = sent.start
    taken_to_end = None  # where the last place the wounded were taken to ends
    for loc in sent.places:
        before = sent.text[: loc.start - offset]
        after = sent.text[loc.end - offset:]
        if taken_to_end is not None and _DESCRIBING_GAP.match(sent.text, taken_to_end, loc.start - offset):
            # "evacuated to Cucuta, the capital of Norte de Santander": that town's description,
            # left beside a place of the act's own
            taken_to_end = loc.end - offset
            left_unless_alone.add(id(loc))
        subject = _SUBJECT_OF.match(after[:40]) and not _GOVERNED.search(before[-40:]) \
            and not _PREPOSITION_BEFORE.search(before[-50:]) and not _OBJECT_OF.search(before[-40:])
        if subject and (_SPEAKER_IN.search(before[-70:]) or _TELLERS_IN.search(before[-50:])):
            speakers.append(loc)  # "activists in Homs said": people in Homs, not Homs's government
        died_here = _died_in_hospital(before, after[:40])
        if died_here == "hospital" or _hurt_at_hospital_ar(before):
            left_unless_alone.add(id(loc))  # a hospital town, unless the sentence names no other place
        elif (_wounded_taken_to_ar(after[:60]) or _taken_to(before) or died_here) \
                and not _WHERE_IT_HAPPENED.match(after):
            taken_to_end = loc.end - offset
            continue  # "عدن، التي نقل إليها الجرحى", "taken to the Bab al-Hawa hospital": where the wounded went
        if _mourners_place_ar(before, after) or _SPOKE_IN.search(before[-80:]) or _comes_after_ar(before, after) \
                or _HELD_TAKEN_TO.search(before[-120:]):
            left_if_others.add(id(loc))
        if _OFFICIAL_OF_AFTER.match(after[:70]):
            left_unless_alone.add(id(loc))
        doers = _DOERS_IN.search(before[-50:]) is not None
        acts_here = doers and _ACTS_AFTER.match(after[:40]) is not None
        fires = doers and _FIRES_AFTER.match(after[:80]) is not None
        if subject and (acts_here or fires):
            doers_at.append(loc)
            remote = remote or not acts_here
        elif fires or _DOERS_IN_AR.search(fold(before[-40:])) and _TARGET_AFTER_AR.search(fold(after[:150])):
            # "terrorists positioned in Idleb southern countryside attacked with a drone …",
            # "المجموعات الإرهابية المنتشرة في ريف إدلب … بالقذائف على قرية …": where the fire
            # came from, told with the doers, whatever words of region follow the name
            doers_at.append(loc)
            remote = True
            continue
        if _METONYM_BEFORE.search(before[-80:]) or _METONYM_AFTER.match(after[:40]) or subject \
                or _in_solidarity_with(before) \
                or _VANTAGE.search(before[-70:]) or _TAG_RUN.search(before[-150:]) \
                or _SPEAKER_BASE.search(before[-60:]) \
                or _POLICE_OF_BEFORE.search(before[-12:]) and _POLICE_OF_AFTER.match(after[:30]):
            continue
        if _an_office(sent, loc) or _is_country(loc.place) and _DOER_BY.search(before[-12:]):
            continue
        name = sent.text[loc.start - offset: loc.end - offset]
        if not before.strip() and name.isupper() and len(name) > 3:
            # "ISLAMABAD: Police arrested …", "KAMPALA. Police …": the paper's dateline, the
            # act's place when the sentence names no other (as for a dashed dateline, below).
            if _COLON_DATELINE.match(after):
                dateline.append(loc)
            continue  # "BEIRUT Syrian government air strikes …": the wire's dateline, not the event's place
        if not before.strip() and _DATELINE_AFTER.match(after) or _GLUED_DATELINE_AFTER.match(after):
            # "Port Sudan (AFP) - Shelling … in the Darfur region": the reporter's town, when the
            # sentence places the act elsewhere; "Mosul, March 5 (Reuters) - A car bomb exploded
            # near a crowded market" is in Mosul.
            dateline.append(loc)
            continue
        # Abroad, a place names where things happen only when the sentence puts something
        # there ("in Moscow", "near Kilis"); "Moscow has accepted", "Riyad Alhassan said",
        # "the Geneva talks" name a government, a person or a meeting.
        if home is not None and loc.place.country and loc.place.country != home.country \
                and not _LOCATIVE.search(before[-30:]) and not _a_part_named(before):
            continue
        out.append(loc)
    # With no other place, or only the province that holds it, the dateline's town is where it
    # happened ("Mosul, March 5 (Reuters) - A car bomb exploded near a market"). A province, a
    # region or a country it is not in ("Nairobi (AP) - A roadside bomb killed four soldiers in
    # the Lower Shabelle region", "Bamako … in central Mali") is the act's place, not the town.
    # Only in the story's own country: "BEIRUT (Reuters) - Air strikes killed 12 people" in a
    # story of Syria is the bureau's town, not the strikes'.
    placed = [loc for loc in out if loc.place.country]
    if dateline and (home is None or dateline[0].place.country_code == home.country_code) \
            and all(specificity(loc.place) == 2 and loc.place.admin1 == dateline[0].place.admin1
                    and loc.place.country_code == dateline[0].place.country_code for loc in placed):
        out = dateline + [loc for loc in out if not loc.place.country]
    else:
        on_dateline = dateline_places(sent)
        town = dateline[0] if dateline else next(iter(on_dateline), None)
        if town is not None and (home is None or town.place.country_code == home.country_code):
            # "GOMA, Congo (AP) —": the dateline's country places nothing; with no other place the
            # sentence may point back at the dateline's town ("a village outside the town").
            of_dateline = {id(loc) for loc in on_dateline}
            out = [loc for loc in out if id(loc) not in of_dateline]
            # (not when it names another town, whoever is there: "outside the town, police in
            # Mandera said" is Mandera's)
            if not any(loc.start != town.start and id(loc) not in of_dateline for loc in sent.places):
                out = _back_at_the_dateline(sent.text, town) or out
    # (unless it is the only place named: "شيع آلاف في مخيم جنين جثامين ثلاثة شهداء ارتقوا خلال
    # اقتحام المخيم" was in the camp, "…, a spokesman said in Jalalabad, where the attack took
    # place" in Jalalabad)
    out = _unless_all(out, left_if_others)
    out = _beside_a_place_of_its_own(sent, out, left_unless_alone)
    # A linked story's headline glued into a scraped sentence ("Read more: Families of Suwayda
    # hostages say … Unknown gunmen abducted a young man from the town of Shahba") names its own
    # story's places, not this act's.
    out = _unless_all(out, {id(loc) for loc in out if in_a_teaser_headline(sent.text, loc.start - offset)})
    # Where fire came from is not where it hit, when the sentence names where it hit ("missiles
    # fired from the direction of the occupied Golan, targeting points near al-Kiswah",
    # "rockets launched from southern Lebanon struck Kiryat Shmona").
    out = _unless_all(out, {id(loc) for loc in out
                            if _fired_from(sent.text[max(0, loc.start - offset - 80): loc.start - offset])})
    # The ends of a named road place nothing when the sentence names another place.
    ends = {id(loc) for loc in out if _road_end(sent.text[: loc.start - offset], sent.text[loc.end - offset:])}
    if ends and len(ends) < len(out):
        out = [loc for loc in out if id(loc) not in ends]
    elif ends:
        # Only a road's ends: the road where it leaves its first town — the first the gazetteer
        # knows ("the road between the village of X, which it lacks, and the city of Daraa").
        known = [loc for loc in out if loc.place.country]
        out = [next((loc for loc in known if home is None or loc.place.country_code == home.country_code),
                    known[0] if known else out[0])]
    # A town a distance is measured from is not where it happened when the sentence locates
    # another place ("in Kunturwarey, a town in the Lower Shabelle region about 100 km
    # south-west of the capital"); beside a village the gazetteer lacks it is the best there
    # is ("the village of Tarkint, about 125 km north of Gao").
    refs = {id(loc) for loc in out
            if _MEASURED_FROM.search(sent.text, max(0, loc.start - offset - 70), loc.start - offset)
            or _direction_from_ar(sent.text[max(0, loc.start - offset - 40):loc.start - offset])}
    # (only a place named before the distance is the one it describes: "15 km north of Homs on
    # the highway to Hama" and "… south of Kaduna, the presidency in Abuja said" stay near Homs
    # and Kaduna)
    named = [loc.start for loc in out if id(loc) not in refs and loc.place.country and not _is_country(loc.place)]
    out = [loc for loc in out if not (id(loc) in refs and named and min(named) < loc.start)]
    # Only the doers' homes, named before the event's word; the victims' ("killed 20 people
    # sheltering in a school in Jabalia") are where it happened.
    out = _unless_all(out, {id(loc) for loc in out if trigger_at is not None and loc.start - offset < trigger_at
                            and _RESIDENCE.search(sent.text[max(0, loc.start - offset - 80): loc.start - offset])})
    # An incident the sentence measures its act from ("Sunday's explosion came two days after
    # two bombs killed six officers in Giza") is elsewhere: the places of that clause are not
    # the act's, and an act told inside it ("Zelensky visited Kharkiv, two days after a strike
    # killed seven in Izium") is where the clause puts it. Only a truce's clause lends its
    # places when the rest name no place finer than a country ("clashes resumed two weeks after
    # a truce took effect in Tripoli"); a visit's, a protest's or talks' never do.
    frames = recalled_frames(sent.text) if trigger_at is not None else []
    if trigger_at is not None:
        inside = next(((a, b) for a, b in frames if a <= trigger_at < b), None)
        if inside is not None:
            kept = [loc for loc in out if inside[0] <= loc.start - offset < inside[1]]
        else:
            kept = [loc for loc in out if not any(a <= loc.start - offset < b for a, b in frames)]
        if any(not _is_country(loc.place) for loc in kept) or inside is None and not any(
                _TRUCE.search(sent.text, a, b) and not _TALKS.search(sent.text, a, b) for a, b in frames):
            out = kept
    # "A car bomb killed 43 on Saturday as US-backed fighters advanced on Raqqa": a clause
    # opened by "as" and a subject of its own, after the event's word, tells another act
    # (the wire's background), and its places are that act's. ("killed 41 fighters as they
    # queued at the crossing" goes on about the same people: its places stay.)
    aside = _AS_ANOTHER.search(sent.text, trigger_at) if trigger_at is not None else None
    if aside is not None:
        in_aside = {id(loc) for loc in out if loc.start - offset >= aside.start()}
        # Fighting that rages or flares around the act may be the act's own place ("three
        # soldiers were killed as fighting intensified around Bakhmut"): it stays when the
        # sentence names no other. A campaign's move is elsewhere ("as government forces
        # advanced on Deir ez-Zor"), whatever else is named.
        out = _unless_all(out, in_aside) if aside.group("raged") \
            else [x for x in out if id(x) not in in_aside]
    # A name nobody can locate (no country, no point: "the Gulf", "Western") places no event;
    # the story's place does better — unless the sentence says who told it and where they are:
    # "shelled the Baba Amr district …, activists in Homs said" is a part of the speakers' town
    # the gazetteer does not know.
    unknown = any(not loc.place.country for loc in out)
    out = [loc for loc in out if loc.place.country]
    if not out and unknown and speakers:
        out = speakers[:1]
    # "killed 14 people fleeing across the Euphrates on rafts near Mayadeen": a river or a
    # lake is where the people were; ACLED codes the town the sentence names by it.
    # A river or a lake alone spans provinces: it places nothing ("units advancing along the
    # Tigris seized the village of al-Buseif", a village the gazetteer lacks), and the story's
    # place does better. (A sea alone stays: "a ship was struck in the Red Sea".)
    if any(not _water(loc.place) for loc in out):
        out = [loc for loc in out if not _water(loc.place)]
    else:
        out = [loc for loc in out if not _inland_water(loc.place)]
    # Where a speaker is, and a place named to say where another lies, place nothing when the
    # sentence names another place.
    asides = {id(loc) for loc in out
              if _SPEAKER_IN.search(sent.text[max(0, loc.start - offset - 70):loc.start - offset])
              or _DESCRIBES_WHERE.search(sent.text[max(0, loc.start - offset - 60):loc.start - offset])}
    if asides and len(asides) < len(out):
        out = [loc for loc in out if id(loc) not in asides]
    # A statement's town and a meeting's venue are left only beside a place of the act's own
    # ("… said in a statement issued in Quetta, Pakistan, that a bomb exploded in the city" is
    # Quetta's).
    out = _beside_a_place_of_its_own(sent, out, {
        id(loc) for loc in out
        if _STATEMENT_FROM.search(sent.text[max(0, loc.start - offset - 60):loc.start - offset])
        or _VENUE_OF.search(sent.text[max(0, loc.start - offset - 80):loc.start - offset])})
    # "the Baghdad Hotel in central Damascus", "Shahba hotel in al-Meridian": a building or a
    # square named after a town is where the words after it put it (in, at or near another
    # town or a part of one); alone ("the Kabul Hotel", "an Aden mosque … in southern Yemen")
    # the town is where it is.
    named_for = {id(loc) for loc in out if _put_elsewhere(sent, loc, out)}
    if named_for:
        out = [loc for loc in out if id(loc) not in named_for]
    # Where the people are from is not where it happened, beside the act's own place; alone,
    # it is the best hint of where ("Separately, a boy from Beit Lahia was shot dead by troops").
    # Before the chains: "شاباً من أبناء بلدة نوى في مدينة إزرع" is a man of Nawa, in Izra.
    out = _unless_all(out, {id(loc) for loc in out if _origin(sent, loc)})
    chains = _chains(sent, out)
    # "a bus carrying passengers from Maiduguri to Damboa ran over a mine near Kawuri": a
    # journey's ends are not where the act fell, when the sentence names that place too.
    split = [part for c in chains for part in ([c[:2], c[2:]] if len(c) > 2 and _a_journey(sent, c) else [c])]
    journey = [_a_journey(sent, c) for c in split]
    if any(journey):
        rest = [c for c, j in zip(split, journey, strict=True) if not j]
        if any(_where_it_fell(sent, c) for c in rest):
            chains = rest
    heads = [_head(chain) for chain in chains]
    out = list(heads)
    # "Massacre in Idlib … targeted the town of Khan Sheikhoun in Idlib": a place the sentence
    # names as holding another (in the same province: a misread name is no container) is that
    # container wherever else it names it, not a place of its own (a headline glued to its
    # lede names the province first).
    held_in = {_key(b.place) for chain, head in zip(chains, heads, strict=True)
               for a, b in zip(chain, chain[1:], strict=False)
               if b is not head and b.place.admin1 and b.place.admin1 == head.place.admin1
               and _HOLDING_GAP.search(sent.text[a.end - offset:b.start - offset])
               and not _BESIDE_GAP.search(sent.text[a.end - offset:b.start - offset])}
    if any(_key(loc.place) not in held_in for loc in out):
        out = [loc for loc in out if _key(loc.place) not in held_in]
    if any(not _is_country(loc.place) for loc in out):
        out = [loc for loc in out if not _is_country(loc.place)]
    # "Police in Kabul fired rubber bullets to disperse protesters": where the doers are is
    # where they acted, when the sentence names no other place for it (with one, "rebels in
    # Idlib shelled Jurin", it is Jurin).
    # Not beside a country the act went into, nor from a clause that tells another act.
    doers_at = [loc for loc in doers_at if loc.place.country and not _is_country(loc.place)
                and all(other.place.country_code == loc.place.country_code for other in out)
                and not any(a <= loc.start - offset < b for a, b in frames)
                and (aside is None or loc.start - offset < aside.start())]
    # Fire sent from there places its act there only when the sentence names no place at all
    # ("rebels in Idlib shelled government positions"; not "… into Israel").
    if remote and out:
        doers_at = []
    if not any(not _is_country(loc.place) for loc in out):
        out = doers_at or out
    # One event per place: the same place named twice is one place.
    seen: set[object] = set()
    unique = []
    for loc in out:
        key = _key(loc.place)
        if key not in seen:
            seen.add(key)
            unique.append(loc)
    return unique


# "Khan Sheikhoun in Idlib" names Idlib as holding the town; "Kafr Nabl near Maarat al-Numan"
# names a neighbour.
_HOLDING_GAP = re.compile(r"\b(?:in|of)\b|,", re.I)
_BESIDE_GAP = re.compile(r"\b(?:near|outside|close|east|west|north|south|between|and|from|to)\b", re.I)


def _water(p: Place) -> bool:
    """A river, a stream, a lake or a sea (GeoNames class H)."""
    return (p.feature_code or "").startswith(("STM", "LK", "SEA", "BAY", "GULF", "CHN", "RSV"))


def _inland_water(p: Place) -> bool:
    """A river, a stream, a canal, a lake or a reservoir."""
    return (p.feature_code or "").startswith(("STM", "LK", "CHN", "RSV"))


def _key(p: Place) -> object:
    return p.geonameid or p.name.lower()


def _holds(a: Place, b: Place) -> bool:
    """Whether one of two places is a province or country holding the other ("Sacramento,
    California")."""
    outer, inner = (a, b) if specificity(a) <= specificity(b) else (b, a)
    if specificity(outer) > 3 or outer.country_code != inner.country_code:
        return False
    return _is_country(outer) or (outer.admin1 is not None and outer.admin1 == inner.admin1)


# "the neighbourhoods of al-Hamadaniyeh and al-Midan in Aleppo city": parts of one city are
# one ACLED location, the city.
_PARTS_BEFORE = re.compile(r"\b(?:neighbo(?:u)?rhoods|districts|quarters|suburbs)\s+of\s+(?:the\s+)?$", re.I)
_PARTS_AFTER = re.compile(r"^\s+(?:neighbo(?:u)?rhoods|districts|quarters)\b", re.I)


# "a car bomb exploded between the towns of Azaz and Marea": one incident between two places.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_CITY_CODES = ("PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC")


def _one_location(sent: Sentence, run: list[Located]) -> bool:
    """Whether a run of listed places is one ACLED location: parts of one city, or the two
    ends of a "between"."""
    first, last = run[0].start - sent.start, run[-1].end - sent.start
    return any(loc.place.feature_code == "PPLX" for loc in run) \
        or bool(_PARTS_BEFORE.search(sent.text[max(0, first - 40):first])
                or _BETWEEN_BEFORE.search(sent.text[max(0, first - 40):first])
                or _PARTS_AFTER.match(sent.text[last:last + 20]))


def _listed_pair(sent: Sentence, a: Located, b: Located) -> bool:
    if a.note or b.note or not (sent.start <= a.end <= b.start <= sent.end):
        return False
    gap = sent.text[a.end - sent.start:b.start - sent.start]
    # "Barzeh, Damascus": a city after a comma holds what it follows.
    if gap.strip() == "," and b.place.feature_code in _CITY_CODES:
        return False
    return bool(LIST_GAP.match(gap)) and not _holds(a.place, b.place)


def enumerated(sent: Sentence, places: list[Located]) -> set[int]:
    """The indexes of `places` (the sentence's own, in order) that are members of a list it
    names ("the villages of Kafr Nabudah and Kernaz", "A, B and C"): each is an event of its
    own, never one with its neighbour however near."""
    out: set[int] = set()
    i = 0
    while i < len(places):
        j = i
        while j + 1 < len(places) and _listed_pair(sent, places[j], places[j + 1]):
            j += 1
        if j > i and not _one_location(sent, places[i:j + 1]):
            out |= set(range(i, j + 1))
        i = j + 1
    return out


# Where a person is from: "said Jenny Carr, a retired teacher from Toowong who was among those
# arrested", "a 19-year-old man from Bolton was detained".
_ORIGIN = re.compile(r"\b(?i:(?:(?:teacher|student|resident|native|boy|girl|farmer|worker|activist|nurse|doctor|"
                     r"pensioner|protester|demonstrator|supporter|pilgrim|delegate|fan)s?|man|woman|men|women|people|"
                     r"father|mother|grandmother|grandfather|\d+-year-old)"
                     # ("a man in his forties from Salkhad", "a man aged 52 from Izra")
                     r"(?:\s+(?:in\s+(?:his|her|their)\s+(?:early\s+|late\s+|mid-?)?\w+ies|aged\s+\d+))?\s+from)\s+"
                     # ("activists from Lyon and Marseille": both)
                     r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:,\s+|\s+and\s+))?$")


# The same in Arabic, where the list of home towns runs on with و: "بمشاركة وفود قدمت من شهبا
# والقريا وصلخد" (delegations that came from …), "شاباً من أبناء بلدة المزرعة" (a young man of
# the people of al-Mazraa), "ينحدر من" (who hails from). The list ends at a preposition or a
# place word of its own: "شاباً من أبناء بلدة نوى في مدينة إزرع" was in Izra.
_ORIGIN_AR = re.compile(r"(?:(?:قدمت|قدموا|قادمين|قادمون|قادمة|وافدين|وافدون|جاؤوا|جاءت|"
                        r"ينحدر|ينحدرون|المنحدر|المنحدرين)\s+من|من\s+(?:ابناء|أبناء))\s+(?:(?:بلدة|مدينة|قرية|بلدات|قرى|مدن)\s+)?"
                        r"(?:(?!(?:في|قرب|على|عند|داخل|وسط|بين|الى|إلى|من|نحو|بعد|قبل|مدينة|بلدة|قرية|حي|منطقة)\s)"
                        r"[^\s،,.؛:]+\s+){0,7}و?$")


def _origin(sent: Sentence, loc: Located) -> bool:
    at = loc.start - sent.start
    return (_ORIGIN.search(sent.text, max(0, at - 40), at) is not None
            or _ORIGIN_AR.search(sent.text, max(0, at - 90), at) is not None
            and _THE_TOWN_AR.search(sent.text, loc.end - sent.start) is None)


# "قتل 4 من أبناء بلدة الجيزة في قصف طال البلدة": the home town the sentence then puts the act in,
# as "the town", is where it happened (not "بحسب ناشطين من البلدة").
_THE_TOWN_AR = re.compile(r"(?<![\u0621-\u064a])(?:في|على|علي|طال|طالت|استهدف|استهدفت)\s+"
                          r"(?:[وفب]?ال)(?:بلد[ةه]|مدين[ةه]|قري[ةه])"
                          r"(?![\u0621-\u064a])")


_REGION_NAMED = re.compile(r"\bin\s+(?:the\s+)?(?:country's\s+)?(?:far\s+)?(?:north|south|east|west|centre|center|"
                           r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\b(?!\s+(?:of\s+the\s+(?:city|town|"
                           r"capital)|suburbs?|districts?|neighbo(?:u)?rhoods?|outskirts|quarters?)\b)", re.I)


# "outside the city", "15 km east of the town", "on the town's outskirts": the town named before.
_THE_TOWN_AGAIN = re.compile(r"\b(?:outside|near|of|from|around)\s+the\s+(?:city|town)\b(?!['’]|\s+of\b)|"
                             r"\bthe\s+(?:city|town)['’]s\s+(?:\w+\s+)?(?:outskirts|edge|suburbs?|districts?|"
                             r"neighbo(?:u)?rhoods?|quarters?)\b", re.I)
# "in the north of the province", "elsewhere in the province", "across the state": its province
# (not "the state's police", "the governor of the province": who speaks).
_THE_PROVINCE_AGAIN = re.compile(r"\b(?:(?:north|south|east|west|centre|center|heart|rest|parts?)"
                                 r"(?:ern|-?east|-?west)?\s+of|(?:elsewhere\s+)?in|across)\s+the\s+"
                                 r"(?:province|governorate|state)\b(?!['’]|\s+(?:of|capital|government|house|"
                                 r"assembly|police|command|media|television|radio|agency|council|governor)\b)", re.I)


def _back_at_the_dateline(text: str, town: Located) -> list[Located]:
    """The dateline's town or its province, for a sentence that names no other place and points
    back at it: "a village outside the town" is near the town (ACLED's geo_precision 2), "a
    village in the north of the province" is in its province (3), a capital's too: the
    sentence says so."""
    p = town.place
    if _THE_TOWN_AGAIN.search(text):
        return [Located(town.start, town.end, replace(p, geo_precision=2), "near the dateline's town")]
    if _THE_PROVINCE_AGAIN.search(text) and p.admin1:
        return [Located(town.start, town.end, Place(name=p.admin1, country=p.country, country_code=p.country_code,
                                                    admin1=p.admin1, admin2=None, geo_precision=3),
                        "in the dateline's province")]
    return []


def dateline_town(sent: Sentence) -> Located | None:
    """The town of a dateline that opens the sentence ("MOSUL, March 5 (Reuters) -",
    "KADUGLI, Sudan —", "BOGOTA, Colombia (AP) —")."""
    return next(iter(dateline_places(sent)), None)


def dateline_places(sent: Sentence) -> list[Located]:
    """The places of a dateline that opens the sentence: its town, and the country or state
    written after it ("GOMA, Congo (AP) —": Goma, and "Congo", which is no place of the story)."""
    for loc in sent.places[:1]:
        after = sent.text[loc.end - sent.start:]
        if sent.text[: loc.start - sent.start].strip() or _is_country(loc.place) or not loc.place.country:
            return []
        if _DATELINE_AFTER.match(after):
            return [loc]
        region = _REGION_AFTER.match(after)
        if region and _DATELINE_AFTER.match(after, region.end()):
            return [loc, *[p for p in sent.places[1:] if p.start - sent.start < loc.end - sent.start + region.end()]]
    return []


# "KADUGLI, Sudan —", "BOGOTA, Colombia (AP) —": the country or state a dateline writes after
# its town (for `dateline_town` only: a title-case "Kadugli, Sudan —" is otherwise read as a place).
_REGION_AFTER = re.compile(r",\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\.?")


# "In Atbara, …", "16:45 In Chattogram, …", "وفي عطبرة، …": a sentence that opens with its town.
OPENS_WITH_ITS_TOWN = re.compile(r"^\W*(?:\d{1,2}[:.]\d\d\s+)?(?:(?:Meanwhile,?\s+)?[Ii]n|At)\s+(?:the\s+)?"
                                 r"(?:[A-Z][\w'’-]+\s+){0,3}?[A-Z][\w'’-]+"
                                 # ("In Harare and Bulawayo, the protesters marched …" goes on
                                 # about the crowd told before)
                                 r"(?:\s+and\s+(?:[A-Z][\w'’-]+\s+){0,3}?[A-Z][\w'’-]+\s*,(?!\s*the\s+(?:protesters|"
                                 r"demonstrators|marchers|crowds?|rall(?:y|ies)|marche?s?)\b)|\s*,)|"
                                 r"^\W*و?في\s+(?:مدين[ةه]\s+|بلد[ةه]\s+|قري[ةه]\s+)?[^\s،,]+(?:\s+[^\s،,]+)?\s*[،,]")
# How `event_places` noted a place carried from a sentence of the same paragraph that opened
# with it: "In Surabaya, the mood was tenser. Police fired tear gas at protesters …". Not one
# that opens on speakers, talks or a statement ("In Geneva, the UN rights office spoke to
# reporters.", "In Cairo, mediators met Hamas officials.", "وفي جوبا، قال مسؤولون …"): the
# acts they tell of are elsewhere.
PARAGRAPH_OPENER = "place its paragraph opened with"
_SPEAKERS_SCENE = re.compile(r"\b(?:said|says|say|spoke|speaks|told|tells|accused|accuses|condemned|condemns|"
                             r"denounced|announced|urged|called\s+(?:on|for)|met|meets|meeting|talks|"
                             r"negotiations|summit|briefing|briefed|statement|press\s+conference|news\s+conference|"
                             r"described|describes|reporters|journalists)\b|"
                             r"(?:قال|قالت|يقول|أفاد|افاد|أعلن|اعلن|صرح|أكد|اكد|اتهم|التقى|اجتماع|محادثات|"
                             r"مفاوضات|بيان|مؤتمر)", re.I)


def event_places(sent: Sentence, before: list[Sentence], country: Place | None,
                 trigger_at: int | None = None) -> list[Located]:
    here = _where_things_happen(sent, country, trigger_at)
    # Foreign countries alone ("United States and British aircraft struck …") name who acted,
    # not where: the story's place is then the one the article was already at.
    abroad = bool(here) and country is not None and all(
        _is_country(loc.place) and loc.place.country != country.country for loc in here)
    if here and not abroad:
        return here
    # The story goes on where it was: the nearest earlier sentence of this paragraph or the
    # one before it that names a place.
    for prev in reversed(before):
        if prev.paragraph < sent.paragraph - 1:
            break
        # (not a foreign country named in passing: "… the Centre-East region, which borders Togo
        # and Ghana. On March 12, gunmen killed four civilians in Lalgaye" is no act in Ghana)
        there = [loc for loc in _where_things_happen(prev, country)
                 if not (country is not None and _is_country(loc.place) and loc.place.country != country.country)]
        if there:
            opener = OPENS_WITH_ITS_TOWN.match(prev.text) if prev.paragraph == sent.paragraph else None
            note = PARAGRAPH_OPENER if opener and there[0].start - prev.start < opener.end() \
                and not _SPEAKERS_SCENE.search(prev.text) else "place from an earlier sentence"
            return [Located(loc.start, loc.end, loc.place, note) for loc in there]
    # Failing that, where the story is: the first place of the article's opening paragraphs
    # ("Israeli forces raided the Jenin camp …" … "bulldozers tore up roads in the camp").
    # Only in the article's own country: a "WASHINGTON (Reuters) -" dateline is no place
    # of an event in Syria.
    # Of those, the dateline's town when the opening names it again: the correspondent's town
    # is the story's ("KADUGLI, Sudan — Before the war, lorries from El Obeid arrived in
    # Kadugli every morning …").
    story_town = dateline_town(before[0]) if before else None
    for prev in before:
        there = [loc for loc in _where_things_happen(prev, country)
                 if country is None or loc.place.country_code == country.country_code]
        if there and story_town is not None \
                and (country is None or story_town.place.country_code == country.country_code) \
                and any(_key(loc.place) == _key(story_town.place) and loc.start != story_town.start
                        for loc in prev.places):
            return [Located(story_town.start, story_town.end, story_town.place, "place of the story")]
        if there:
            return [Located(loc.start, loc.end, loc.place, "place of the story") for loc in there]
    if here:
        return here
    offices = [loc for loc in sent.places if _an_office(sent, loc)]
    if offices:
        return offices[:1]
    # "SAO PAULO (Reuters) - Thousands of nurses marched …" and nothing else placed: in the
    # story's own country, the dateline's town is the best place there is.
    # Not a capital's ("NAIROBI (Reuters) - Gunmen killed five police officers", where the
    # agencies' bureaus are and the whole country's news is filed), nor beside a part of the
    # country the sentence names ("in the northeast").
    for first in [*before, sent][:2]:
        town = dateline_town(first)
        if town is not None and (country is None or town.place.country_code == country.country_code) \
                and town.place.feature_code != "PPLC" and not _REGION_NAMED.search(sent.text):
            return [Located(town.start, town.end, town.place, "place of the dateline")]
    if country is not None:
        return [Located(sent.start, sent.start, Place(name=country.name, country=country.country,
                                                     country_code=country.country_code),
                        "place not stated; country of the article")]
    return [Located(sent.start, sent.start, Place(name=""), "place not stated")]

"""Stage 7b: an article's mentions → its events — one real-world event, one record.

A headline, its lede and a later paragraph tell one event three times; "the bombing killed
41" tells the toll of an event named elsewhere. Mentions are taken in the article's order;
each joins the event it fits best, or starts a new one. A mention fits an event when all
of these hold:

- kinds: the same sub-type; or the same type; or a strike and the attack on civilians it
  was (reports name one event by its means or its victims); or any political violence
  and a sentence that tells only its toll ("the bombing killed 41"). A battle and an
  execution of captives, or a strike and a ground assault, stay two events. Strategic
  developments join only their own sub-type (an arrest is not a withdrawal). The same
  modality.
- places: one of them has no stated place; or the same place; or one holds the other (a
  town and its province or country); or two points within `NEAR_KM`.
- dates: equal days when both state a day; within a week when either only carries the
  story's date; within the precision of a week or month date.
- actors: no two different named attackers (an exchange of fire is two events).
- the sentence does not say it tells another incident ("Separately, …", "in another
  attack"), nor add an act of another kind ("tanks also shelled …");
- the event holds no mention of another member of a list of places its sentence names
  ("the villages of A and B" are two events, however near).

The event takes the most precise stated place and date, the means over the outcome for its
type ("an air strike" over "were killed"), the lowest figure across sources (each source's
first figure stands: its later sentences add detail; a number beats "dozens"), every
source, and the evidence of every mention. Events at different places or on different days
stay apart (ACLED's one event per place and day). A country-level event with no day of its
own, beside events placed more precisely, is dropped as an aside; so is any event beside the
main one none of whose sentences names a place (a name the gazetteer lacks and "in the town"
count).

The article's main event (`main_for` holds the article's id) is the lede's: see `_main`.
What is left beside it, the learned event keeper judges (`keep`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import dates
from ..actors import ActorKB
from ..arabic.text import is_arabic, strip_marks
from ..link import NOT_LETHAL, level, named, same_place
from ..places.names import plain_name
from ..records import Article, Event, FatalityReport, Place, content_id
from . import keep
from .classify import PROTEST_TYPES, Classification
from .mentions import MOURNED, Mention
from .places import OPENS_WITH_ITS_TOWN, specificity
from .references import UNNAMED_PLACE, Reference

NEAR_KM = 10.0  # two points this close are one place (a village and the town beside it)
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_MEANS = "Explosions/Remote violence"
_STRIKE_ON_CIVILIANS = {_MEANS, "Violence against civilians"}
_STRATEGIC = "Strategic developments"
# A suicide bombing is often told first as "a car bomb" or "an explosion"; a chemical attack
# beside air strikes is usually an event of its own, and joins them only by its toll.
_TELLING_MEANS = {"Suicide bomb"}
# A sentence of the event that speaks of deaths without a figure ("an operation in which an
# unknown number of people died"): its toll is unknown, whatever its kind.
_DEATH_WORD = re.compile(r"\b(?:kill\w*|died|dies|dead|deaths?|toll|martyr\w*|bod(?:y|ies)|lost their lives)\b", re.I)
# People hurt by the act itself: "wounding five", "two soldiers were injured".
_HURT_BY_IT = re.compile(r"\b(?:wound(?:ed|ing)|injur(?:ed|ing)|hurt(?:ing)?)\s+(?:at\s+least\s+|about\s+|some\s+)?"
                         r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|his|her|their|several|dozens|"
                         r"scores|many|more\s+than|over)\b|"
                         r"\b(?:were|was|been|are|is|got)\s+(?:\w+\s+)?(?:wounded|injured|hurt)\b", re.I)
_CASUALTIES = re.compile(r"\b(?:casualt\w*|fatal\w*)\b", re.I)
# The hurt who died after: "two of the wounded later died", "succumbed to his injuries".
_DIED_LATER = re.compile(r"\b(?:later\s+died|died\s+(?:later|of\s+(?:his|her|their)\s+(?:wounds|injuries)|"
                         r"in\s+hospital|on\s+the\s+way)|succumb\w*|of\s+(?:the|them)\s+(?:wounded\s+|injured\s+)?(?:\w+\s+)?died|"
                         r"toll\s+(?:rose|climbed|has\s+risen|increased))\b", re.I)
_DISTINCT_MEANS = {"Air/drone strike", "Shelling/artillery/missile attack"}
# Means that kill from afar: an attack by men on the ground is none of them (`kinds_fit`).
_REMOTE_MEANS = _DISTINCT_MEANS | {"Remote explosive/landmine/IED", "Grenade"}
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?[\"“‘']?(?:\w+\s+)?\w+(?:ed|en|ught|ook|ew|ung)\b", re.I)


_PROTESTERS = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers)\b", re.I)
_EXCESSIVE = "Excessive force against protesters"
_PROTEST_FORCE = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}
# ... or for what protesters are arrested for: "for breaching the conditions and obstructing
# the highway", "on public order charges".
_AT_A_PROTEST = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|activists|(?:during|at|after)\s+"
                           r"(?:the|a|an)\s+(?:\w+\s+)?(?:protest|rally|march|demonstration|sit-in|vigil)|"
                           r"obstruct\w*\s+(?:the\s+)?(?:highway|road|traffic|police)|"
                           r"breach\w*\s+(?:of\s+)?(?:the\s+)?(?:conditions|order|peace)|"
                           r"public\s+order|unlawful\s+assembly|illegal\s+gathering)\b", re.I)
# ... or only counts the people the police held that day, naming none and suspecting none of
# anything ("Police said 37 people were arrested in the capital", "… and that 14 people had
# been arrested"): beside a protest or a riot of that place and day, its arrests.
_COUNTED_ARRESTS = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\s+"
                              r"(?:more\s+)?(?:of\s+)?(?:(?:young|other|the)\s+)?(?:people|persons|others|men|women|youths|"
                              r"students|protesters|demonstrators|marchers)?\s*(?:were|had\s+been|have\s+been)\s+"
                              r"(?:detained|arrested|held|taken\s+into\s+custody)\b|\bamong\s+those\s+(?:arrested|detained)\b",
                              re.I)
_SUSPECTED = re.compile(r"\b(?:suspect\w*|in\s+connection\s+with|accused|charged|raids?|raided|wanted|homes?|house|"
                        r"separate\w*|operations?|crackdown|sweeps?|search\w*)\b",
                        re.I)
# A fight told as a part of an attack already told: "the attack was repulsed", "fought the attackers".
# (Not "the army said the assailants were repelled" after a clash told on its own terms.)
_THE_ATTACK = re.compile(r"\bthe\s+(?:attack|assault)\b|"
                         r"\b(?:fought|fighting|engaged|repelled|repulsed)\s+the\s+(?:attackers|assailants)\b", re.I)
# ... with nothing after the count but where, when and who said so, or the hurt beside it
# ("… 34 people were detained and that five officers were injured by stones"): not arrests
# for a reason of their own ("for violating the ban on kite flying", "during an anti-drug
# operation", "for the murder", "as security forces searched neighbourhoods").
_COUNT_ENDS = re.compile(r"(?:\s+(?:in|at|on|near|across|around|outside|inside)\s+(?:(?!\b(?:for|during|as|after|over|"
                         r"because|while|when|following|amid|since|with|in\s+connection)\b)[^,.;])*)?"
                         r"(?:\s*,?\s*(?:and\s+(?:that\s+)?[^,.;]*?\b(?:injured|wounded|hurt)\b[^,.;]*?|"
                         r"(?:police|officials?|authorities|the\s+[\w\s]+?)\s+(?:said|say|says|added)[^,.;]*?))*\s*[.;]?[\"”’]?\s*$",
                         re.I)


def _only_counted(text: str) -> bool:
    """Whether a sentence tells arrests only by their count (`_COUNTED_ARRESTS`, `_COUNT_ENDS`)."""
    m = _COUNTED_ARRESTS.search(text)
    return m is not None and not _SUSPECTED.search(text) and _COUNT_ENDS.match(text, m.end()) is not None


# An attack made by men on the ground: gunmen, shots, knives, executions.
_ON_FOOT = re.compile(r"\b(?:gunm[ae]n|shot dead|shot and killed|gunned down|stabbed|executed|beheaded|hacked|"
                      r"firing squad)\b", re.I)
# ... told in Arabic (matched on folded text): executed, an execution, shot ("رمياً بالرصاص"),
# slaughtered, stabbed, assassinated, gunmen.
_ON_FOOT_AR = re.compile(r"(?:اعدم|اعدام|رميا بالرصاص|ذبحا|ذبح|طعنا|طعن|اغتال|اغتيال|مسلحون|مسلحين)")


def _on_foot(text: str) -> bool:
    return bool(_ON_FOOT.search(text) or is_arabic(text) and _ON_FOOT_AR.search(strip_marks(text)))


def kinds_fit(a: Event, b: Event, *, toll_only: bool = False) -> bool:
    """Whether two kinds of event can be one event. `toll_only`: one side tells only deaths,
    which any violent event may have caused."""
    if a.modality != b.modality:
        return False
    if a.sub_event_type == b.sub_event_type:
        return True
    # Arrests made at a protest or a riot are the police's intervention in it (ACLED: a protest
    # with intervention; a riot stays a riot), not an event of their own — when the arrest's
    # sentence says so ("police arrested 14 of the protesters", "detained at the rally") or
    # only counts the held (`_COUNTED_ARRESTS`); other arrests that day are not.
    if "Arrests" in (a.sub_event_type, b.sub_event_type) and {"Protests", "Riots"} & {a.event_type, b.event_type}:
        arrest = a if a.sub_event_type == "Arrests" else b
        return any(_AT_A_PROTEST.search(ev.text) or _only_counted(ev.text) for ev in arrest.evidence)
    if a.event_type in VIOLENT and b.event_type in VIOLENT:
        # A suicide bombing and the gunfight its attackers fought on at its place that day are
        # one complex attack, which ACLED codes as the suicide bombing: the fight is told as the
        # attack's ("… blew himself up at the gate. Police say the attack has been repulsed after
        # a gunfight"). A clash told on its own terms nearby is another event.
        if {a.sub_event_type, b.sub_event_type} == {"Suicide bomb", "Armed clash"} and any(
                _THE_ATTACK.search(ev.text) for ev in (a if a.sub_event_type == "Armed clash" else b).evidence):
            return True
        # A strike and the attack on civilians it was are one event; a battle and an
        # execution of captives, or a strike and a ground assault, are two; so are a suicide
        # bombing and an air strike or a shelling, two means no report confuses.
        if not toll_only and {a.sub_event_type, b.sub_event_type} & _TELLING_MEANS \
                and {a.sub_event_type, b.sub_event_type} & _DISTINCT_MEANS:
            return False
        # "Gunmen shot dead a former commander" is no air strike, shelling or bomb on civilians.
        if not toll_only and {a.sub_event_type, b.sub_event_type} & _REMOTE_MEANS \
                and any(e.sub_event_type == "Attack" and _on_foot(" ".join(ev.text for ev in e.evidence))
                        for e in (a, b)):
            return False
        # (An abduction or a rape is no strike on civilians: only an attack is.)
        return toll_only or a.event_type == b.event_type or {a.event_type, b.event_type} == _STRIKE_ON_CIVILIANS \
            and "Attack" in (a.sub_event_type, b.sub_event_type)
    return a.event_type == b.event_type and a.event_type != _STRATEGIC


def places_fit(a: Event, b: Event) -> bool:
    """Whether two events can be at one place: an unknown place, the same, one inside the
    other, or near (`link.same_place`, with this module's distance) — but never two places
    in two provinces (Damascus and Irbin, its suburb across the governorate line, are two
    ACLED locations however near)."""
    if not a.country or not b.country:
        return True
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    return same_place(vars(a), vars(b), near_km=NEAR_KM) or _region_of(a, b) or _region_of(b, a)


def _region_of(region: Event, place: Event) -> bool:
    """A region the gazetteer lacks that names the other's province: "the Darfur region" holds
    El Fasher, in North Darfur."""
    return region.geonameid is None and bool(region.location) \
        and region.country == place.country and bool(place.admin1) \
        and re.search(rf"\b{re.escape(region.location or '')}\b", place.admin1 or "", re.I) is not None


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def dates_fit(a: Event, b: Event, *, both_stated: bool) -> bool:
    if not a.event_date or not b.event_date:
        return True
    gap = _days(a.event_date, b.event_date)
    if not both_stated:
        return gap <= 7
    precision = max(a.time_precision or 1, b.time_precision or 1)
    return gap <= {1: 0, 2: 7}.get(precision, 31)


def actors_fit(a: Event, b: Event) -> bool:
    """No two different named doers. A description ("Militia (Pro-Iran)") names no one: it
    fits the group a later sentence names ("militias such as Liwa Zainebiyoun")."""
    return not (_a_name(a.actor1) and _a_name(b.actor1) and a.actor1 != b.actor1)


def _a_name(actor: str | None) -> bool:
    known = ActorKB.load().actors.get(actor or "")
    return named(actor) and not (known is not None and known.descriptive)


class _Group:
    """The mentions of one event so far."""

    def __init__(self, first: Mention) -> None:
        self.mentions = [first]
        self.event = first.event

    @property
    def place_stated(self) -> bool:
        return any(m.place_stated for m in self.mentions)

    @property
    def names_a_place(self) -> bool:
        """One of its sentences names where: a place, one the gazetteer lacks, or "the town";
        or tells its own day in a paragraph that opened with the place ("In Surabaya, the
        mood was tenser. Police fired tear gas on Tuesday afternoon …"; not "Fourteen people
        were arrested.", a detail of what the paragraph told)."""
        return any(m.place_stated or m.points_to_place or _paragraph_placed(m) and m.day_named for m in self.mentions)

    @property
    def date_stated(self) -> bool:
        return any(m.date_stated for m in self.mentions)

    @property
    def day_named(self) -> bool:
        return any(m.day_named for m in self.mentions)

    def fits(self, m: Mention) -> bool:
        e = self.event
        # (A place its paragraph opened with is told as plainly as its own: "In Surabaya, the
        # mood was tenser. Police fired tear gas …" is no tear gas at the Jakarta rally.)
        places = places_fit(e, m.event) or not ((m.place_stated or _paragraph_placed(m)) and self.place_stated)
        # "The attack was launched from a bridge" goes on about a violent event already told,
        # whichever kind of violence this sentence's words name.
        toll_only = m.consequence or m.refers_back or all(x.consequence for x in self.mentions)
        # "Separately, …" is another incident; "tanks also shelled …" is one unless it is the
        # same kind of act. A sentence that tells only a toll still counts the event's dead.
        # (Its own sentence's other places are no other incident: "Elsewhere in Rif Dimashq,
        # security forces arrested nine men in Douma" is one arrest, at Douma.)
        if m.another == "separate" and (not m.consequence or m.place_stated) \
                and any(x.sentence != m.sentence for x in self.mentions):
            return False  # "Elsewhere, rebels attacked a checkpoint in Homs, killing six"
        if m.another == "also" and not (m.consequence or m.refers_back) and e.sub_event_type != m.event.sub_event_type:
            return False
        if m.another == "later" and not (m.consequence or m.refers_back) and e.event_type != m.event.event_type:
            return False
        # "Jets also struck the town of Morek, further north": the same kind of act at a town of
        # its own, named apart from the towns the event was told at, is another event however
        # near (not a quarter of the event's city, nor a town it was told at before).
        if m.another == "also" and not (m.consequence or m.refers_back) and m.place_stated and _a_town(m.place) \
                and any(x.place_stated for x in self.mentions) \
                and all(_a_town(x.place) and x.place.geonameid != m.place.geonameid
                        and not _told_in(m.place.name, x.event.evidence[0].text)
                        for x in self.mentions if x.place_stated):
            return False
        # "warplanes struck the Jobar neighbourhood" and "mortar shells fell on Bab Touma": an
        # air strike and a shelling, each at a place its own sentence names, are two events
        # however near the two places lie.
        if {e.sub_event_type, m.event.sub_event_type} == _DISTINCT_MEANS and m.place_stated and self.place_stated \
                and not (m.consequence or m.refers_back) and m.place.name \
                and all(x.place.name != m.place.name for x in self.mentions if x.place_stated):
            return False
        # "In Atbara, the people came out in a march": a protest the sentence opens with its own
        # town is that town's crowd, not the one the story has told without a town.
        if m.event.event_type in PROTEST_TYPES and m.place_stated and not self.place_stated \
                and OPENS_WITH_ITS_TOWN.match(m.event.evidence[0].text):
            return False
        # "the villages of Kafr Nabudah and Kernaz": the places a sentence lists are events
        # of their own, however near each other (ACLED's one event per place and day).
        if m.listed and any(x.sentence == m.sentence and x.listed and x.place != m.place for x in self.mentions):
            return False
        # "Several protesters suffered breathing difficulties": the toll of a protest the
        # police broke up, never of a bombing the story told before it.
        kinds = kinds_fit(e, m.event, toll_only=toll_only)
        if m.consequence and _PROTESTERS.search(m.event.evidence[0].text):
            kinds = e.event_type in PROTEST_TYPES and e.modality == m.event.modality
        return (kinds and places and actors_fit(e, m.event)
                and dates_fit(e, m.event, both_stated=m.date_stated and self.date_stated)
                and self._spoken_days_fit(m))

    def _spoken_days_fit(self, m: Mention) -> bool:
        """A day a speaker spoke ("the governor said on Tuesday") dates an act of that day or
        the day before: it fits a stated day only then, and another speaker's day only
        within a day."""
        e = self.event
        # A sentence that goes on about an act already told ("The strikes hit homes in
        # Nuseirat on Sunday", "the shelling had also wounded 20") or tells only its toll
        # joins it as before; so does one that states the day of a toll a speaker told.
        if m.consequence or m.refers_back \
                or not m.spoken and all(x.consequence or x.refers_back for x in self.mentions):
            return True
        spoken_only = not self.date_stated and any(x.spoken for x in self.mentions)
        if not (m.spoken or spoken_only) or not e.event_date or not m.event.event_date:
            return True
        gap = (dt.date.fromisoformat(m.event.event_date) - dt.date.fromisoformat(e.event_date)).days
        if gap and e.event_type != m.event.event_type:
            return False  # another kind of act told on another day: another act
        if m.spoken and self.date_stated:
            # The speaker spoke on the act's day or the day after; of an act told in the past
            # perfect ("said Wednesday that forces had repelled attacks in Demoso"), any day of
            # the week before.
            reach = 7 if _PAST_PERFECT.search(m.event.evidence[0].text) else 1
            return 0 <= gap <= reach
        if spoken_only and m.date_stated:
            # (A day of burial or mourning comes days after the act: "buried on Wednesday three
            # soldiers killed this week" and "the bomb struck on Monday evening" are one act.)
            mourned = any(x.spoken and MOURNED.search(x.event.evidence[0].text) for x in self.mentions)
            return (-7 if mourned else -1) <= gap <= 0
        return abs(gap) <= 1 if m.spoken and spoken_only else True

    def affinity(self, m: Mention) -> tuple[int, int]:
        """How well a fitting mention fits: same sub-type and same place count most; ties go
        to the latest event (the story goes on about what it just told)."""
        e = self.event
        same_place = (e.geonameid is not None and e.geonameid == m.event.geonameid) or \
            (e.location or "").lower() == (m.event.location or "").lower()
        return 2 * (e.sub_event_type == m.event.sub_event_type) + 2 * same_place + (
            e.event_date == m.event.event_date), self.mentions[-1].sentence

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.event = combine(self.mentions)


def _paragraph_placed(m: Mention) -> bool:
    """Its place is the one its paragraph opened with, and it tells no more of the story's
    act ("Soldiers on Monday also beat and detained dozens" goes on about it)."""
    return m.paragraph_place and m.another != "also"


def combine(mentions: Sequence[Mention]) -> Event:
    """One event from the mentions that tell it (see the module docstring)."""
    causes = [m for m in mentions if not m.consequence] or list(mentions)
    means = [m for m in causes if m.event.event_type == _MEANS]
    # "A car bomb attack in Qamishli … a suicide bomber driving the car blew himself up": ACLED
    # codes a suicide bombing as such, whatever else a sentence calls it.
    kind = next((m for m in means if m.event.sub_event_type in _TELLING_MEANS), means[0] if means else causes[0]).event
    # A protest is coded by the most severe response it met (ACLED): "marched through Kampala"
    # and "police arrested 40 of the marchers" are one protest with intervention, and lethal
    # force makes it excessive force whichever sentence tells it.
    # (A toll sentence counts here when it tells protesters killed by force: "gunmen firing
    # from rooftops killed 45 protesters" is the force, not only its toll.)
    protests = [m.event for m in causes if m.event.event_type == "Protests"] + [
        m.event for m in mentions if m.consequence and m.event.sub_event_type == _EXCESSIVE
        and (m.event.fatalities or 0) > 0]
    if protests and (kind.event_type == "Protests" or kind.sub_event_type == "Arrests"):
        kind = max(protests, key=lambda e: _PROTEST_FORCE.get(e.sub_event_type, 0))
        if kind.sub_event_type == "Peaceful protest" and any(m.event.sub_event_type == "Arrests" for m in mentions):
            kind = replace(kind, sub_event_type="Protest with intervention")
    elif kind.sub_event_type == "Arrests":
        kind = next((m.event for m in causes if m.event.event_type == "Riots"), kind)
    where = _finest(mentions)
    dated = [m for m in mentions if m.event.event_date]
    when = max(dated, key=lambda m: (m.date_stated, -(m.event.time_precision or 9), -m.sentence)) if dated else None
    # A group's name beats a description of it, which beats an unidentified actor.
    actor = next((m.event for m in mentions if _a_name(m.event.actor1)),
                 next((m.event for m in mentions if named(m.event.actor1)),
                      next((m.event for m in mentions if m.event.actor1), kind)))
    target = next((m.event for m in mentions if m.event.actor2), actor)
    # Figures per source: a source's first figure stands; the event takes the lowest.
    reports: dict[str | None, FatalityReport] = {}
    # "Dozens were killed" … "the bombing killed 41": a stated number replaces a vague word.
    stated = [m for m in mentions if m.event.fatality_reports and not m.vague_toll]
    for m in stated or mentions:
        for r in m.event.fatality_reports:
            reports.setdefault(r.source, r)
    kept = tuple(sorted(reports.values(), key=lambda r: (r.source or "", r.fatalities)))
    w = where.event
    return replace(
        kind,
        event_date=when.event.event_date if when else None,
        time_precision=when.event.time_precision if when else None,
        actor1=actor.actor1, inter1=actor.inter1, assoc_actor_1=actor.assoc_actor_1,
        actor2=target.actor2, inter2=target.inter2, assoc_actor_2=target.assoc_actor_2,
        country=w.country, admin1=w.admin1, admin2=w.admin2, location=w.location, latitude=w.latitude,
        longitude=w.longitude, geo_precision=w.geo_precision, geonameid=w.geonameid,
        fatalities=min(r.fatalities for r in kept) if kept else None,
        fatality_reports=kept,
        sources=tuple(dict.fromkeys(s for m in mentions for s in m.event.sources)),
        evidence=tuple(dict.fromkeys(ev for m in mentions for ev in m.event.evidence)),
        notes=w.notes if where.place_stated else kind.notes,
    )


_PART_WORDS = r"(?:district|neighbou?rhood|quarter|suburb|area)s?"


def _told_as_a_part(name: str, text: str) -> bool:
    """Whether the text names `name` as a part of a town: "the Midan district (of Damascus)",
    "the district of Midan"."""
    n = re.escape(name)
    return re.search(rf"\b{_PART_WORDS}\s+of\s+(?:the\s+)?{n}\b|\b{n}\s+{_PART_WORDS}\b", text, re.I) is not None


def _finest(mentions: Sequence[Mention]) -> Mention:
    """The mention that places the event most precisely: stated over carried, then the most
    specific place. A part of a town the gazetteer lacks, told as one and located at that
    town ("a police station in the Midan district of Damascus"), is finer than the town
    another sentence names ("a Damascus police station")."""
    where = max(mentions, key=lambda m: (m.place_stated, specificity(m.place), -m.sentence))
    p = where.place
    if where.place_stated and p.geonameid is not None and specificity(p) == 5 and p.latitude is not None:
        for m in mentions:
            q = m.place
            if m.place_stated and q.geonameid is None and q.name and q.latitude is not None \
                    and q.longitude is not None and p.longitude is not None and q.admin1 == p.admin1 \
                    and abs(q.latitude - p.latitude) < 0.01 and abs(q.longitude - p.longitude) < 0.01 \
                    and any(_told_as_a_part(q.name, ev.text) for ev in m.event.evidence):
                return m
    return where


def _none_killed(e: Event, article: Article) -> Event:
    """An act that by its kind kills no one (`link.NOT_LETHAL`: a peaceful protest, an
    arrest, a bomb defused, a kidnapping), or one whose sentences count only the hurt
    ("wounding five civilians"), killed no one: 0, as ACLED codes it, unless a report gives
    a figure or one of its sentences speaks of deaths. Any other act whose sentences say
    nothing of casualties stays null: unknown."""
    if e.fatalities is not None or e.fatality_reports or any(_DEATH_WORD.search(ev.text) for ev in e.evidence):
        return e
    if e.sub_event_type in NOT_LETHAL:
        return replace(e, fatalities=0)
    # Hurt by the act itself ("wounding five", "two soldiers were injured"), not hurt before
    # ("treating people wounded in earlier strikes"), with no casualties (which count the dead
    # too) and none of the hurt dying in the words after ("Two of the wounded later died").
    told = [ev for ev in e.evidence if ev.article_id == article.article_id]
    if any(_HURT_BY_IT.search(ev.text) for ev in told) and not any(_CASUALTIES.search(ev.text) for ev in told) \
            and not any(_DIED_LATER.search(article.text, ev.end, ev.end + 300) for ev in told):
        return replace(e, fatalities=0)
    return e


def assemble(mentions: Sequence[Mention], *, article: Article, headline: Classification | None,
             references: Sequence[Reference] = (), headline_places: Sequence[Place] = ()) -> list[Event]:
    """An article's mentions, in its order, → its events, the main one marked. `references`:
    the incidents the article names with their places (`references.incident_references`);
    `headline_places`: the places the headline names that the story names too."""
    groups: list[_Group] = []
    for m in mentions:
        fitting = [g for g in groups if g.fits(m)]
        if fitting:
            max(fitting, key=lambda g: g.affinity(m)).add(m)
        elif not m.follow_up and not (m.refers_back and groups and not (m.place_stated and _level(m.event) > 0)):
            # "The strikes hit …" tells more of an event, never one of its own; so does "the
            # attack was launched at dawn" once the article has told an event. "The attack in
            # Qamishli …" names a place of its own, and may be one the article had not told
            # ("the attack was part of an offensive across Syria" names only a country).
            groups.append(_Group(m))
    # An event the article places in no more than a country and dates to no day of its own,
    # beside events it places precisely, is a summary or an aside ("Iran is seeking to
    # consolidate its presence in Syria"), not an event an analyst could code. "On Monday,
    # Jordan carried out air strikes on southern Syria" is an event; so is a report that
    # is all the article has.
    if any(_level(g.event) > 0 for g in groups):
        groups = [g for g in groups if _level(g.event) > 0 or g.day_named]
    # A place the article names for an incident that is already one of its events is that
    # event's, not another's.
    placed = {(g.event.event_type in PROTEST_TYPES, g.event.geonameid) for g in groups if g.event.geonameid}
    unused = [r for r in references if (r.protest, r.place.geonameid) not in placed]
    for g in groups:
        g.event = _placed_by_reference(g.event, unused, date_stated=g.date_stated)
    _place_by_headline(groups, headline, headline_places)
    events = _distinct_ids([_identify(_none_killed(g.event, article), article) for g in groups], article)
    main = _main(events, headline)
    # Beside the story's main event, an event none of whose sentences names a place is an
    # aside ("the offensive has drawn condemnation", "the group also has fighters there"):
    # ACLED codes an event where the report puts it, and such a sentence puts it nowhere.
    # The sentences that go on about an event already placed have joined it above.
    told = list(zip(events, groups, strict=True))
    if main is not None:
        told = [(e, g) for e, g in told if e is main or g.names_a_place]
    # What is left beside the main event, the learned keeper judges (`keep`).
    events = keep.secondary([e for e, _ in told], [g.mentions for _, g in told], main, article)
    return [replace(e, main_for=(article.article_id,)) if e is main else e for e in events]


def _placed_by_reference(e: Event, references: Sequence[Reference], *, date_stated: bool) -> Event:
    """An event the article's sentences place only in a country, by a word for a place it does
    not name ("a suspected gas attack on a rebel-held Syrian town"), at the one place the
    article names for an incident by that word ("rebels vowed revenge for Tuesday's strike on
    the town of Khan Sheikhun"), in that country, on a date that fits. When the event has no
    day of its own (undated, or only the day a toll was told), it takes the reference's day.
    Two such places, or none: the country stays."""
    if _level(e) > 0 or not e.country or e.event_type not in VIOLENT | set(PROTEST_TYPES):
        return e
    words = {_word(m["word"]) for ev in e.evidence for m in UNNAMED_PLACE.finditer(ev.text)}
    own_day = e.event_date if date_stated and e.time_precision == 1 else None
    # Not a sentence of the event's own: "The raid came three days after Monday's strike on
    # the village of Kafr Nabl" names another incident.
    own = {ev.start for ev in e.evidence}
    fits = [r for r in references if r.protest == (e.event_type in PROTEST_TYPES) and r.place.country == e.country
            and _word(r.word) in words and _date_fits(r.date, e.event_date, own_day) and r.sentence_start not in own]
    if len({r.place.geonameid or r.place.name for r in fits}) != 1:
        return e
    p = fits[0].place
    days = {r.date.date for r in fits if r.date is not None and r.date.precision == dates.DAY}
    if own_day is None and len(days) == 1:
        e = replace(e, event_date=min(days).isoformat(), time_precision=1)
    return _placed_at(e, p)


def _placed_at(e: Event, p: Place) -> Event:
    """The event moved to place `p`."""
    return replace(e, country=p.country, admin1=p.admin1, admin2=p.admin2, location=p.name,
                   latitude=p.latitude, longitude=p.longitude, geo_precision=p.geo_precision,
                   geonameid=p.geonameid)


def _place_by_headline(groups: list[_Group], headline: Classification | None, places: Sequence[Place]) -> None:
    """The story's first event, when its sentences place it only in a country, is at the one
    place of that country the headline names, if the headline tells an act of the same kind
    ("Drone attack on police station kills officer in Cauca" over "An explosive-laden drone
    dropped a charge on a police station in a southwestern Colombian village"): a headline
    says where its story's news happened. Two such places, or none: the country stays."""
    first = next((g for g in groups if g.event.modality == "occurred"), None)
    if first is None or headline is None or _level(first.event) > 0 or not first.event.country \
            or headline.event_type != first.event.event_type:
        return
    fits = [p for p in places if p.country == first.event.country]
    if len(fits) != 1:
        return
    first.event = _placed_at(first.event, fits[0])


def _word(word: str) -> str:
    return word.lower().replace("neighborhood", "neighbourhood")


def _date_fits(said: dates.ReportedDate | None, event_date: str | None, own_day: str | None) -> bool:
    """Whether a reference's date can be the event's: the event's own day; else a day no later
    than the event's date (a toll told days after), within a week; else a week or a month
    that holds the event's date."""
    if said is None or event_date is None:
        return True
    day = dt.date.fromisoformat(event_date)
    if said.precision == dates.DAY:
        return said.date.isoformat() == own_day if own_day else 0 <= (day - said.date).days <= 7
    return said.date <= day <= dates.latest_day(said.date, said.precision)


def _identify(e: Event, article: Article) -> Event:
    """A stable id from the event's defining parts and the article that first reports it:
    two undated events of one type at one place in two articles are never one by id (the
    link stage decides which reports of two articles are one event)."""
    side = e.actor1 if named(e.actor1) else None
    kind = e.sub_event_type if e.event_type == _STRATEGIC else e.event_type
    return replace(e, event_id=content_id(article.article_id, kind, e.event_date, e.modality,
                                          e.geonameid or e.location or e.country, side))


def _distinct_ids(events: list[Event], article: Article) -> list[Event]:
    """Two events of one article that `_identify` gives one id (two kinds of one type at one
    place on one day: an air strike and the rebels' shelling) get their sub-types in their
    ids, else the store would take the second for the first. Every other id stays as it was."""
    seen: dict[str, int] = {}
    for e in events:
        seen[e.event_id] = seen.get(e.event_id, 0) + 1
    out: list[Event] = []
    used: set[str] = set()
    for e in events:
        if seen[e.event_id] > 1:
            new = content_id(e.event_id, e.sub_event_type)
            while new in used:
                new = content_id(new, len(used))
            e = replace(e, event_id=new)
        used.add(e.event_id)
        out.append(e)
    return out


def _level(e: Event) -> int:
    return level(vars(e))


def _told_in(name: str, text: str) -> bool:
    """Whether a sentence names the place (a quarter its city stood for: "in Baghdad's Sadr City")."""
    return plain_name(name) in plain_name(text)


def _a_town(p: Place) -> bool:
    """A town or village the gazetteer knows, not a quarter of one (PPLX) nor an area."""
    return p.geonameid is not None and (p.feature_code or "").startswith("PPL") and p.feature_code != "PPLX"


def _main(events: list[Event], headline: Classification | None) -> Event | None:
    """The event the lede reports: the first that occurred — unless the headline names an
    event of another family and one of the next events is of it. An event the article
    places in a province or finer is preferred to one it places only in a country (the
    lede's "in northern Syria" is usually told with its town further down)."""
    occurred = sorted((e for e in events if e.modality == "occurred"),
                      key=lambda e: e.evidence[0].start if e.evidence else 0)
    if not occurred:
        return None
    pool = [e for e in occurred if _level(e) > 0][:3] or occurred[:3]
    if headline is not None and headline.sub_event_type != "Other":
        for e in pool:
            if e.event_type == headline.event_type or (e.event_type in VIOLENT and headline.event_type in VIOLENT):
                return e
    return pool[0]

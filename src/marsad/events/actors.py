"""Who did it to whom: actor1 / actor2 and associated actors of one event sentence.

- Violent events: actors before the trigger act ("Israeli jets struck …"), actors after it
  are acted on; a passive "… by X" makes X the actor. A country named as the subject of
  the trigger ("Jordan carried out airstrikes") is its state forces. Victims described as
  civilians are `Civilians (<country>)`. With no named attacker: ACLED's unidentified
  actors (`Unidentified Military Forces` for air strikes).
- Protests and riots: `Protesters (<country>)` / `Rioters (<country>)` unless named.
- Strategic developments: the first named actor, the others associated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors import ActorKB, ActorMention
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
_EXAMPLES = re.compile(r"\s*,?\s*(?:such\s+as|including|like|namely|notably|among\s+them)\s+(?:the\s+)?\Z", re.I)


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
        if not agents:
            subject = _STATE_SUBJECT.search(sentence[: cls.trigger_start])
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
        if not agents and cls.sub_event_type == "Air/drone strike":
            agents = ["Unidentified Military Forces"]
        elif not agents and country:
            agents = [kb.unidentified(country)]
        targets = [t for t in targets if t not in agents]
        if not targets and country and _CIVILIANS.search(sentence[cls.trigger_start:]):
            targets = [kb.civilians(country)]
        return _roles(kb, agents, targets)
    names = named(mentions)
    if cls.event_type == "Protests" and country:
        return _roles(kb, [kb.protesters(country)], names)
    if cls.event_type == "Riots" and country:
        return _roles(kb, [kb.rioters(country)], names)
    return _roles(kb, names, [])


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

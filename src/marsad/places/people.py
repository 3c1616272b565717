"""Entities spaCy marks that are people or organisations rather than places, and demonyms
it labels otherwise: the judgements `detect.find_toponyms` asks of an entity.

"Nick Burton … Burton, 39" and "said Taylor" are people though Burton upon Trent and
Taylor, Michigan exist; "President Buhari" and "Sergeant Glen Horan" too; "British
Airways (BA)" is an airline; "Azerbaijani soldiers" (spaCy: PERSON) and "the English city
of Salisbury" (LANGUAGE) are demonyms.
"""

from __future__ import annotations

import re
from typing import Any

from .gazetteer import Gazetteer

_SPEECH = frozenset({"said", "says", "told", "added", "explained", "wrote", "recalled", "asked"})


def people_in(doc: Any) -> set[str]:
    """Words of the multi-word PERSON names of a Doc: "Nick Burton" makes a later "Burton"
    the man, not Burton upon Trent."""
    return {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


_TITLES = frozenset(
    "president premier minister chancellor king queen prince princess sheikh emir mr mr. mrs mrs. ms ms. dr dr. "
    "sen. senator rep. gov. governor mayor cllr councillor sgt sergeant gen. general col. colonel capt. captain "
    "lt. lieutenant judge justice pope imam rabbi father bishop".split()
)


_NOT_AFTER_DEMONYM = frozenset(
    "language languages speakers speaking translation translations version subtitles lessons teacher teachers "
    "course courses literature".split()
)


def demonym_use(ent: Any, text: str, gazetteer: Gazetteer) -> bool:
    """Whether the entity is a demonym used of people or things of a place: any NORP
    demonym; a PERSON one ("Azerbaijani soldiers"); a LANGUAGE one before a noun that is
    no language word ("the English city of Salisbury", not "English lessons", "in English")."""
    if not (gazetteer.is_demonym(text) or gazetteer.demonym(text) is not None):
        return False
    if ent.label_ != "LANGUAGE":
        return ent.label_ == "NORP" or len(ent) == 1
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return (
        nxt is not None
        and nxt.is_alpha
        and nxt.is_lower
        and nxt.lower_ not in _NOT_AFTER_DEMONYM
        and before not in ("in", "into", "from", "speak", "speaks", "spoke", "learn")
    )


def demonym_parts(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Offsets of the demonyms in a hyphenated NORP ("anti-Russian", "Russian-European")."""
    out = []
    for m in re.finditer(r"[A-Z][\w'’]+", text):
        if gazetteer.is_demonym(m.group()) or gazetteer.demonym(m.group()) is not None:
            out.append(m.span())
    return out


# Who a named person is, written before the name: "activist Omar Abu Laila".
_ROLES = frozenset(
    "activist activists spokesman spokeswoman spokesperson commander journalist reporter correspondent "
    "photographer doctor lawyer researcher analyst witness resident official".split()
)
# Words inside an Arabic personal name: "Omar Ibn al-Khattab", "Hamza bin Laden", "Ahmed Abu Laila".
_NAME_LINKS = frozenset("ibn bin bint abu abdul abdel abd".split())


def name_of_person(ent: Any) -> bool:
    """A one-word entity that is part of a person's name: right after a PERSON entity
    ("Sergeant Glen Horan"), a title ("President Buhari") or a role ("activist Omar"); or
    before a word that links the parts of an Arabic name ("Omar Ibn al-Khattab Mosque" is
    named after a man). (Not before a person: "Calgary MLA Sandra Jansen", "WASHINGTON
    Barack Obama pardoned".)"""
    if len(ent) != 1:
        return False
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    then = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _NAME_LINKS and then is not None \
            and (then.text[:1].isupper() or re.match(r"[ae][lnrsdtz](?:-|$)", then.lower_)) \
            and (nxt.text[:1].isupper() or nxt.lower_ in ("ibn", "bin", "bint")):
        return True
    if ent.start == 0:
        return False
    before = doc[ent.start - 1]
    return before.ent_type_ == "PERSON" and before.is_alpha and before.text[:1].isupper() \
        or before.lower_ in _TITLES or before.lower_ in _ROLES


def acronym_of_previous(ent: Any) -> bool:
    """"British Airways (BA)": an all-capitals entity in brackets that spells the initials
    of the capitalised words before the bracket."""
    doc, text = ent.doc, ent.text
    if not (text.isupper() and 2 <= len(text) <= 6) or ent.start < 2 or doc[ent.start - 1].text != "(":
        return False
    words = [t.text for t in doc[max(0, ent.start - 1 - len(text) - 2) : ent.start - 1] if t.text[:1].isupper()]
    return "".join(w[0] for w in words[-len(text):]) == text


def a_person(ent: Any, text: str, people: set[str]) -> bool:
    """Whether a PERSON entity that is also a big place's name is a person here: one of the
    article's people ("Burton, 39"), or the speaker of a quote ("said Taylor", "Paterson told")."""
    if text in people:
        return True
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before in _SPEECH or after in _SPEECH


# The head words of armed groups' and bodies' names.
_ORGANISATION_HEADS = frozenset(
    "brigade brigades battalion battalions martyrs front army forces movement party council committee corps "
    "regiment division militia militias group guards guard union federation league".split()
)


# The last word of an entity that is itself an organisation's name ("the UN Support Mission",
# spaCy: FAC). Not "Union", "Front" or "League": the Soviet Union, the Eastern Front.
_OWN_HEADS = (_ORGANISATION_HEADS - {"union", "front", "league"}) | {"mission", "ministry", "commission", "agency"}


def names_an_organisation(ent: Any) -> bool:
    """A place entity that opens an organisation's name: "Al-Aqsa Martyrs' Brigades",
    "Hama Military Council", "Sinjar Resistance Units" — the capitalised words after it end
    in an organisation's head word; or one that is a whole organisation's name ("the UN
    Support Mission")."""
    if len(ent) > 1 and ent[-1].lower_ in _OWN_HEADS and ent[-1].text[:1].isupper():
        return True
    doc = ent.doc
    k = ent.end
    last = None
    while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].text in ("'", "’", "'s", "’s")):
        if doc[k].text[:1].isupper():
            last = doc[k]
        k += 1
    return last is not None and last.lower_ in _ORGANISATION_HEADS

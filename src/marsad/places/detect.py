"""Find toponyms in a spaCy Doc.

1. spaCy's GPE, LOC and FAC entities.
2. An EntityRuler (`ruler_patterns`, added before `ner` by `add_place_ruler`) labels the
   Middle-East places spaCy's small model misses or mislabels (Al-Bukamal as ORG, Palmyra
   as PERSON): names of towns ≥ 5,000 people and all admin areas in the region's
   countries, plus marsad's own aliases.
3. ORG/PERSON/NORP entities whose whole text is a gazetteer name of an important place
   (a country, admin1 area, capital, or a town with ≥ 100,000 people) are taken as
   toponyms too ("Aleppo" tagged PERSON) — unless `people.py` says the entity is a
   person or an acronym here ("Nick Burton … Burton, 39", "President Buhari", "British
   Airways (BA)").
4. Demonyms ("Syrian", "Iraqis") — spaCy's NORP — are returned only with
   `demonyms=True`, labelled "DEMONYM": geoparsing corpora count them as toponyms
   (GeoWebNews types Demonym and modifiers; TR-News codes "Turkish" as Turkey), but an
   event is never located at "Syrian".
5. Names that a place word introduces or follows ("the village of Kansafra", "Ayash
   warehouses", "Al-Joura neighbourhood"): villages and facilities too small for the
   gazetteer are still toponyms — kept unresolved, rather than lost (`cue_toponyms`); and a
   name before "region", "oblast" or "prefecture" that the gazetteer knows as a province or
   a city ("the Timbuktu region"; not "the Catalan region": `regions`).
6. Countries, admin1 areas and capitals that NER left outside every entity, and towns
   after "in", "near", "from" … ("flights to Muscat"); capitalised datelines ("BEIRUT
   (AP) —").
7. With `embedded=True`, well-known places inside other names ("Syrian" in "Syrian
   Observatory for Human Rights"); with `drop_unknown=True`, GPEs the gazetteer does not
   know and the text does not locate are left out (`marsad geoparse` uses both).
8. One sense per story: a known town found as a place after "in", "near" … is a place
   wherever else the story names it (`_named_again`).
The word cues of 5 and 6 (datelines, airfields) live in `cues.py`.
Returned spans are (start_char, end_char, label).
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from .contain import follows_container
from .cues import NOT_NAMES, STOP, airfields, cue_toponyms, datelines, regions
from .gazetteer import Gazetteer
from .names import ascii_fold, has_admin_word, strip_admin_words
from .people import (
    a_person,
    acronym_of_previous,
    demonym_parts,
    demonym_use,
    name_of_person,
    names_an_organisation,
    people_in,
)

REGION_COUNTRIES = ["SY", "IQ", "LB", "YE", "IL", "PS", "JO", "TR", "IR", "SA", "EG", "LY"]
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Latin-script words with no capital letter: no English name of a place.
_NO_CAPITAL = re.compile(r"[a-z0-9\s'’.-]*[a-z][a-z0-9\s'’.-]*")
_LANDMARK_CODES = ("BLDG", "PAL", "SQR", "ST", "MSQE")


def ruler_patterns(
    gazetteer: Gazetteer, *, countries: list[str] | None = None, min_population: int = 5000
) -> list[dict[str, Any]]:
    """EntityRuler patterns (label GPE, or FAC for marsad's facilities) for place names of
    the region; phrase patterns, so they cost little at run time."""
    names = set(gazetteer.names_in_countries(countries or REGION_COUNTRIES, min_population=min_population))
    # Landmarks stand for their occupants far more often than for a place ("the White House
    # said", "the Kremlin denied"): resolvable when NER marks them, never forced by the ruler.
    names.update(gazetteer.alias_names(exclude_codes=_LANDMARK_CODES))
    # How news spells GeoNames' own places of the region ("Maarat al-Numan" for Ma‘arrat an
    # Nu‘mān, whose GeoNames population of 0 keeps it off the list above, and which NER often
    # takes for a person).
    names.update(gazetteer.news_spellings(countries or REGION_COUNTRIES))
    # A village of the war's own countries, of any size, whose name opens with a word for a
    # place — a caravanserai, a hill, a village, a spring, a bridge ("Khan Arnabah", "Tell
    # Tamer", "Jisr ash Shughur") — in its plain spelling too (GeoNames writes "Khān Arnabah"):
    # NER misses most of them. (Not one-word names, nor names of men and groups, "Safwan",
    # "Said Sadiq", "Al Hirak": their plain spellings are people's names far more often.)
    folded_in = [c for c in countries or REGION_COUNTRIES if c in FOLDED_COUNTRIES]
    for n in gazetteer.names_in_countries(folded_in):
        plain = n if n.isascii() else ascii_fold(n)
        words = plain.replace("-", " ").split()
        if len(words) > 1 and words[0].lower() in _PLACE_HEADS:
            names.add(plain)
    out = []
    for n in sorted(names):
        if not n.isascii() or len(n) < 4 or n in STOP or not n[0].isupper() or n.isupper():
            continue
        out.append({"label": "GPE", "pattern": n})
    return out


def add_place_ruler(nlp: Any, gazetteer: Gazetteer, **kwargs: Any) -> Any:
    """Add an EntityRuler with `ruler_patterns` before spaCy's `ner` (idempotent)."""
    if "marsad_places" in nlp.pipe_names:
        return nlp.get_pipe("marsad_places")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="marsad_places",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
    )
    with nlp.select_pipes(enable=[]), _names_tokenized_fast(nlp):
        ruler.add_patterns(ruler_patterns(gazetteer, **kwargs))
    return ruler


# The war's own countries, whose villages named with a place word are matched at any size
# (`ruler_patterns`), and those words.
FOLDED_COUNTRIES = frozenset({"SY", "IQ", "YE", "LB", "PS", "LY"})
_PLACE_HEADS = frozenset(
    "khan tal tall tel tell kafr kfar kafar deir dayr dair ain ayn ein beit bayt bait jabal jebel jabel "
    "khirbet khirbat umm ras wadi qasr maarat maaret marat maarrat jisr bir qalat nahr".split()
)


# A name of plain ASCII words between single spaces ("Deir Hafer", "Kafr Nabl"): 87% of the
# region's names.
_PLAIN_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@contextlib.contextmanager
def _names_tokenized_fast(nlp: Any) -> Iterator[None]:
    """While the ruler turns its ~15,000 names into phrase docs: a plain name is cut at its
    spaces into a doc of a scratch vocabulary; any other goes through spaCy's tokenizer.

    spaCy's English tokenizer cuts a run of ASCII letters only where a special case says
    (its prefixes, suffixes and infixes all need a character other than a letter, and its
    special cases with a space in them are the bare whitespace ones), so a plain name gives
    the same tokens; `tests/test_startup.py` checks that for every name. The ruler matches
    names by ORTH, the hash of a token's text, the same in any vocabulary: the scratch one
    spares the model's vocabulary ~12,000 entries, each built with its lexical attributes,
    which were half of this ruler's start-up, and the tokenizer's work, the other half."""
    from spacy.tokens import Doc  # here: the rest of this module needs no spaCy
    from spacy.vocab import Vocab

    tokenizer = nlp.tokenizer
    special = getattr(tokenizer, "rules", None) or {}
    scratch = Vocab()

    def tokenize(text: str) -> Any:
        words = text.split(" ")
        if _PLAIN_NAME.fullmatch(text) and not any(w in special for w in words):
            return Doc(scratch, words=words, spaces=[True] * (len(words) - 1) + [False])
        return tokenizer(text)

    nlp.tokenizer = tokenize
    try:
        yield
    finally:
        nlp.tokenizer = tokenizer


def _located_by_text(text: str, end: int) -> bool:
    """Whether the words after a name place it in another ("Ayash, in the countryside of
    Deir ez-Zor"): a village the gazetteer lacks is still a toponym there."""
    m = re.search(r"[A-Z]", text[end : end + 70])
    return m is not None and follows_container(text[end : end + m.start()])


def _known_somehow(gazetteer: Gazetteer, text: str) -> bool:
    """Whether the gazetteer knows the name, its admin-word-free form ("Sichuan province"),
    one of its words ("Mississippi State", "Torkula village") or a demonym in it."""
    if gazetteer.candidates(text) or gazetteer.demonym(text) is not None:
        return True
    if has_admin_word(text) and gazetteer.candidates(strip_admin_words(text)):
        return True
    words = [w for w in re.findall(r"[A-Z][\w'’-]+", text) if w not in _GENERIC and len(w) > 2]
    return len(words) > 1 and any(gazetteer.candidates(w) for w in words)


def _a_known_place(gazetteer: Gazetteer, text: str, *, by_key: bool = False) -> bool:
    """A town of 1,000 or more, an admin area or a curated place by this very name (`by_key`:
    or by its transliteration key, as "Busra al-Sham" is Buşrá ash Shām)."""
    return any(
        (c.match > 0 or by_key) and (c.population >= 1000 or c.feature_class == "A" or c.curated or c.seat)
        for c in gazetteer.candidates(text.title() if text.isupper() else text)
    )


def _widened(ent: Any, start: int, end: int, gazetteer: Gazetteer, full: str) -> tuple[int, int]:
    """An entity NER cut short ("Hong [Kong]", "[Kuala] Lumpur", "[Tal] Abyad"): widened by the
    capitalised word before or after it when together they name an important place and it
    alone does not, or when together they name a known place (`_a_known_place`): the longer
    name is the one the writer wrote ("Tal Abyad", a Syrian town, not a village "Tal").
    `full` is the document's text, passed in: Doc.text rebuilds it from every token."""
    doc = ent.doc
    alone_important = _important(gazetteer, full[start:end])
    if ent.start > 0:
        prev = doc[ent.start - 1]
        # Not a word that opens a sentence ("In Salah" is no place "In Salah").
        if prev.is_alpha and prev.text[:1].isupper() and not prev.is_stop and prev.text not in NOT_NAMES \
                and (not alone_important and _important(gazetteer, full[prev.idx:end])
                     or _a_known_place(gazetteer, full[prev.idx:end])):
            return prev.idx, end
    if ent.end < len(doc):
        nxt = doc[ent.end]
        stop = nxt.idx + len(nxt.text)
        if nxt.is_alpha and nxt.text[:1].isupper() and nxt.text not in NOT_NAMES \
                and (not alone_important and _important(gazetteer, full[start:stop])
                     or _a_known_place(gazetteer, full[start:stop])):
            return start, stop
    return start, end


# An area's own name ends the entity: "… Local Government Area", "… Province" (not "… Provincial
# Council", "… State Government": bodies).
_ADMIN_TAIL = re.compile(r"\s(?:Local\s+Government\s+Areas?|LGAs?|Province|Governorate|District|County|Municipality)$")


# "Kherson's Dniprovskyi district", "Aleppo's Salaheddine": a town, then a part of it.
_POSSESSED = re.compile(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_PART_AFTER = re.compile(r"\s+(?:neighbo(?:u)?rhoods?|district|quarter|suburb|area|municipality|raion)\b", re.I)


def _town_and_its_part(full: str, start: int, end: int, label: str,
                       gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """A name spaCy read as one entity over a possessive, "Kherson's Dniprovskyi", as the town
    and the part of it named after it: the town when the gazetteer knows it as a prominent
    place, the part when it is a place name already (GPE, LOC, FAC), a part word follows it
    ("… district") or the gazetteer knows it ("St. George's Cathedral": no town of note)."""
    m = _POSSESSED.fullmatch(full, start, end)
    if m is None or not _important(gazetteer, m.group(1)):
        return []
    parts = [(m.start(1), m.end(1), "GPE")]
    if label in _PLACE_LABELS or _PART_AFTER.match(full, end) or _a_known_place(gazetteer, m.group(2)):
        parts.append((m.start(2), m.end(2), label if label in _PLACE_LABELS else "GPE"))
    return parts


def _an_area(gazetteer: Gazetteer, name: str) -> bool:
    """Whether the gazetteer knows `name` as an administrative area or a town."""
    return any(c.match > 0 and c.feature_class in ("A", "P") for c in gazetteer.candidates(name))


def _important(gazetteer: Gazetteer, text: str) -> bool:
    if len(text) < 3 and not text.isupper() or text in _GENERIC:
        return False  # "Li" is a surname; "US" and "UK" are places
    for c in gazetteer.candidates(text):
        if c.match > 0 and (
            c.feature_code in ("PCLI", "ADM1", "PPLC", "CONT") or c.curated or c.population >= 100_000
        ):
            return True
    return False


# (not "from" or "to": "mercenaries from Wagner", "a transfer to Union")
_IN_OR_NEAR = frozenset({"in", "near", "outside", "around"})


def _a_town_after_a_locative(ent: Any, text: str, gazetteer: Gazetteer) -> bool:
    """A one-word entity after "in", "near", "outside" … that is a town of 20,000 or more the
    gazetteer knows by that very name: "their post in Djibo" (spaCy: ORG). Not an acronym, nor
    a group named like a small town ("a mutiny in Wagner")."""
    if len(ent) != 1 or text.isupper() or text in _GENERIC or ent.start == 0 \
            or ent.doc[ent.start - 1].lower_ not in _IN_OR_NEAR:
        return False
    return any(c.match == 2 and c.feature_class == "P" and c.population >= 20_000 for c in gazetteer.candidates(text))


# A name a rocket or its launcher is known by ("Grad rockets", "Katyusha rockets", "Tochka
# missiles") — not "the Homs rocket attack", where the town names the attack's place.
_WEAPON_AFTER = re.compile(r"[\s-]+(?:rockets?|missiles?|(?:multiple[\s-]+)?rocket[\s-]+launchers?|launchers?|MLRS|"
                           r"howitzers?)\b(?![\s-]+(?:attacks?|strikes?|fire|barrages?|salvos?)\b)", re.I)


def find_toponyms(
    doc: Any,
    *,
    gazetteer: Gazetteer | None = None,
    demonyms: bool = False,
    embedded: bool = False,
    drop_unknown: bool = False,
) -> list[tuple[int, int, str]]:
    """Toponym spans of a spaCy Doc: (start_char, end_char, label).

    drop_unknown: leave out GPE entities the gazetteer knows nothing of, unless the text
    locates them ("Ayash, in the countryside of Deir ez-Zor"): most are names spaCy
    mislabels ("Dubreuil", "UConn"). Event coding keeps them (an unresolved village is
    still the place of an event); `marsad geoparse` drops them.

    embedded: also places named inside other names ("Syrian" in "Syrian Observatory for
    Human Rights", "Dubai" in "Dubai World Cup"), labelled "EMBEDDED" — geoparsing corpora
    count them; an event is never located by them.
    """
    full = doc.text  # Doc.text is rebuilt from the tokens at every access
    out: list[tuple[int, int, str]] = []
    people = people_in(doc)
    for ent in doc.ents:
        label = ent.label_
        start, end, text = ent.start_char, ent.end_char, ent.text
        if ent[0].lower_ == "the":
            start = ent[1].idx if len(ent) > 1 else start
            text = full[start:end]
        if text.endswith(("'s", "’s")):
            end -= 2
            text = text[:-2]
        if gazetteer is not None and (parts := _town_and_its_part(full, start, end, label, gazetteer)):
            out.extend(parts)  # "Kherson's Dniprovskyi" (spaCy: one ORG) is a town and its district
            continue
        if _NO_CAPITAL.fullmatch(text):
            continue  # "a hijacked van" (spaCy: PERSON) is no Van: a Latin name has a capital
        if label != "NORP" and _WEAPON_AFTER.match(full, end):
            continue  # "Grad rockets fell on houses": a weapon's name, not Grad in Slovenia
        if label in _PLACE_LABELS and gazetteer is not None:
            start, end = _widened(ent, start, end, gazetteer, full)
            text = full[start:end]
        if label in _PLACE_LABELS:
            if name_of_person(ent) and not (
                gazetteer is not None
                and any(c.match > 0 and c.feature_code in ("PCLI", "CONT") for c in gazetteer.candidates(text))
            ):
                continue  # "Sergeant Glen Horan", "President Buhari": a person
            if names_an_organisation(ent):
                # "Al-Aqsa Martyrs' Brigades", "Hama Military Council": never where an event is.
                if embedded:
                    out.append((start, end, "EMBEDDED"))
                continue
            if (
                drop_unknown
                and gazetteer is not None
                and label == "GPE"
                and not _known_somehow(gazetteer, text)
                and not _located_by_text(full, end)
            ):
                continue  # a GPE the gazetteer knows nothing of is mostly a name ("Dubreuil", "UConn")
            if demonyms or gazetteer is None or not gazetteer.is_demonym(text):
                out.append((start, end, label))
            else:
                continue
        elif gazetteer is not None and label in ("NORP", "PERSON", "LANGUAGE") and demonym_use(ent, text, gazetteer):
            if demonyms:  # "Kurdish fighters", "Azerbaijani soldiers" (spaCy: PERSON), "the English city"
                out.append((start, end, "DEMONYM"))
        elif gazetteer is not None and label == "NORP" and "-" in text:
            if demonyms:  # "anti-Russian", "Russian-European"
                out.extend((start + a, start + b, "DEMONYM") for a, b in demonym_parts(text, gazetteer))
        elif gazetteer is not None and label == "ORG" and _ADMIN_TAIL.search(text) \
                and _an_area(gazetteer, strip_admin_words(text)):
            out.append((start, end, "GPE"))  # "Konduga Local Government Area", "Kandahar Province" (spaCy: ORG)
        elif (
            gazetteer is not None
            and label in ("ORG", "PERSON", "NORP")
            and not acronym_of_previous(ent)
            and not (label == "PERSON" and a_person(ent, text, people))
            and (_important(gazetteer, text)  # "Tunis" tagged NORP, "Palmyra" tagged PERSON
                 or _a_town_after_a_locative(ent, text, gazetteer)  # "in Djibo" tagged ORG
                 or _an_arabic_seat(gazetteer, text))  # "al-Ghaydah" tagged PERSON
        ):
            out.append((start, end, "GPE"))
        elif gazetteer is not None and embedded and label in _EMBEDDING_LABELS:
            out.extend((a, b, "EMBEDDED") for a, b in _embedded_places(gazetteer, full, start, end, demonyms))
    if gazetteer is not None:
        found = [(a, b) for a, b, _ in out]
        out.extend((a, b, "GPE") for a, b in _missed_places(doc, gazetteer, demonyms)
                   if not any(x < b and a < y for x, y in found))
        taken = [(a, b) for a, b, _ in out]
        out.extend(
            (a, b, "DATELINE") for a, b in datelines(full, gazetteer) if not any(x < b and a < y for x, y in taken)
        )
        # "Damascus airport", "the Shayrat air base": the airfield, not the town it is named after.
        for a, b in airfields(full, gazetteer):
            out = [x for x in out if not (x[0] < b and a < x[1])] + [(a, b, "FAC")]
        taken = [(a, b) for a, b, _ in out]
        out.extend((a, b, "CUE") for a, b in regions(full, gazetteer) if not any(x < b and a < y for x, y in taken))
    taken = [(a, b) for a, b, _ in out]
    for a, b in cue_toponyms(full):
        if not any(x < b and a < y for x, y in taken):
            if gazetteer is None or not gazetteer.is_demonym(full[a:b]):
                out.append((a, b, "CUE"))
    if gazetteer is not None:
        out.extend(_listed_after_locative(doc, full, out, gazetteer, people))
        out.extend(_named_again(doc, full, out, gazetteer, people, embedded))
    out = [_with_its_head(full, x, out) for x in out]
    if gazetteer is not None:
        out = _joined_by_particle(full, out, gazetteer)
        out = [_with_its_compass(full, x, out, gazetteer) for x in out]
    out = _with_its_tail(full, out)
    return sorted(x for x in out if not _a_dedication(full, x[0], x[1], gazetteer) and not _a_street(full, x[0], x[1])
                  and not _A_BROADCASTER.search(full, max(0, x[0] - 8), x[0])
                  # "SNA positions", "the SNA said": the Somali National Army, not Sanaa
                  and not (gazetteer is not None and _an_organisations_initials(full, x[0], x[1], gazetteer)))


# "Mocímboa da Praia", "Ciudad del Este", "Vitória da Conquista": one name whose lower-case
# particle NER reads as a gap between two ("Mocímboa" and Cape Verde's capital "Praia").
_PARTICLE_TAIL = re.compile(r"\s+(?:da|de|do|dos|das|del|della|di|du|des|de\s+la|de\s+las|de\s+los)\s+"
                            r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")


# An Arabic article and the word it joins after a name: "Jisr al-Shughour", "Tal al-Abyad".
_ARTICLE_NAME_TAIL = re.compile(r"\s+(?:al|el|an|ar|as|ash|at|ad|az|ed|en|er|es|et|ez)-[A-Z][\w'’]+")


def _joined_by_particle(full: str, spans: list[tuple[int, int, str]],
                        gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Each toponym widened over a particle and the name after it when the gazetteer knows the
    whole ("Mocímboa da Praia"); the toponyms inside the widened span are dropped. Over an
    Arabic article ("Jisr" + "al-Shughour") the whole may be known by its spelling key, as
    transliterations of one Arabic name vary (a town of 1,000 or more, an area or a curated
    place: `_a_known_place`)."""
    for a, b, label in sorted(spans):
        if (a, b, label) not in spans:
            continue
        arabic = _ARTICLE_NAME_TAIL.match(full, b)
        if arabic is not None and _a_known_place(gazetteer, full[a:arabic.end()], by_key=True):
            end = arabic.end()
            spans = [x for x in spans if not (x[0] < end and a < x[1])] + [(a, end, label)]
            continue
        tail = _PARTICLE_TAIL.match(full, b)
        if tail is None:
            continue
        # The longest known name: "Ciudad del Este Paraguay" is "Ciudad del Este".
        for end in sorted({tail.end(), b + len(tail.group().rsplit(" ", 1)[0])}, reverse=True):
            name = full[a:end]
            if end > b and any(c.match == 2 for c in gazetteer.candidates(name)):
                spans = [x for x in spans if not (x[0] < end and a < x[1])] + [(a, end, label)]
                break
    return spans


# An Arabic name's article after a capitalised word: "Jamiyat al-Zahra", "Bab al-Hawa". The
# two words are one name, not the town "al-Zahra" that the tail alone may name elsewhere.
_ARTICLE_TAIL = re.compile(r"(?:al|el|an|ar|as|ash|at|ad|az|ed|en|er|es|et|ez)-[A-Za-z]")
_HEAD_BEFORE = re.compile(r"(?<![.!?:;\"“”]\s)(?<![.!?:;\"“”])\b([A-Z][a-z][\w'’]*)\s$")


def _with_its_head(full: str, span: tuple[int, int, str], spans: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The toponym widened to the capitalised word its Arabic article follows, when that word
    is no other toponym and no word that opens or frames a name."""
    a, b, label = span
    if not _ARTICLE_TAIL.match(full, a):
        return span
    head = _HEAD_BEFORE.search(full, max(0, a - 30), a)
    if head is None or head.start() == 0 or head.group(1).lower() in STOP or head.group(1) in NOT_NAMES \
            or any(x < a and head.start() < y for x, y, _label in spans if (x, y) != (a, b)):
        return span
    return head.start(), b, label


# "the capital of East Java": a compass word that is part of the name the gazetteer knows
# (the model finds "Java", an island, where the province was named).
_COMPASS_BEFORE = re.compile(r"\b(?:East|West|North|South|Central|Northern|Southern|Eastern|Western|Upper|Lower)\s$")


def _with_its_compass(full: str, span: tuple[int, int, str], spans: list[tuple[int, int, str]],
                      gazetteer: Gazetteer) -> tuple[int, int, str]:
    """The toponym widened over the compass word before it when the two are one gazetteer name."""
    a, b, label = span
    m = _COMPASS_BEFORE.search(full, max(0, a - 12), a)
    if m is None or any(x < a and m.start() < y for x, y, _label in spans if (x, y) != (a, b)):
        return span
    named = gazetteer.candidates(full[m.start():b])
    # (an area's name: "South Lebanon" is no town in Ohio, "West Jordan" none in Utah)
    if any(c.match >= 1 and (c.feature_class == "A" or c.curated) for c in named):
        return m.start(), b, label
    return span


# The words that open an Arabic place name and are never one alone: "Tal Dahab", "Kafr
# Nabudah", "Deir Hafer", "Ain Issa". Read alone, "Tal" is At Tall near Damascus.
_NAME_HEADS = frozenset("""Tal Tall Tell Kafr Kfar Deir Dayr Ain Ayn Beit Bayt Bir Jabal Jebel Khirbet Khirbat
Umm Ras Wadi Jisr Maarat Qasr Hosh Marj Nahr Tel Madinat Madinet Medinat""".split())
# (the word may come with its article: "Madinat al-Baath", "Tell al-Shaar")
_NEXT_NAME_WORD = re.compile(r" ((?:(?:al|el|an|ar|as|ash|at|ad|az|ed|en|er|es|et|ez)-)?[A-Z][a-z][\w'’]*"
                             r"(?:-[A-Za-z][\w'’]*)*)")
_NOT_A_TAIL = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December""".split())


def _with_its_tail(full: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A toponym that is only the first word of an Arabic place name widened over the
    capitalised word that completes it; a toponym found in that word is dropped."""
    for a, b, label in sorted(spans):
        if full[a:b] not in _NAME_HEADS or (a, b, label) not in spans:
            continue
        nxt = _NEXT_NAME_WORD.match(full, b)
        if nxt is None or nxt.group(1).lower() in STOP or nxt.group(1) in NOT_NAMES or nxt.group(1) in _NOT_A_TAIL:
            continue
        end = nxt.end()
        spans = [x for x in spans if not (x[0] < end and a < x[1])] + [(a, end, label)]
    return spans


# "at the corner of Adelaide and Albert streets", "between Hay and Murray streets": names of
# streets, not the towns they are named after.
_STREETS_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w'’-]*)?\s+(?i:streets|roads|avenues)\b")
_STREETS_BEFORE = re.compile(r"\b(?:corner|intersection|junction)\s+of\s+$", re.I)


# Initials in capitals that name no country or province, used as an organisation's: "SNA
# positions", "the SNA said" (GeoNames lists "SNA" among Sanaa's names, as an airport code).
_INITIALS = re.compile(r"[A-Z]{2,4}")
_ACTOR_AFTER = re.compile(r"\s+(?:positions?|forces|troops|soldiers|fighters|militi(?:a|as|amen)|commanders?|"
                          r"spokes(?:man|woman|person)|units?|bases?|officers?|officials?|members|leaders?|"
                          r"said|says|claimed|denied|announced)\b")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _an_organisations_initials(full: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    if not _INITIALS.fullmatch(full[start:end]):
        return False
    if not (_ACTOR_AFTER.match(full, end) or _THE_BEFORE.search(full, max(0, start - 5), start)):
        return False
    # (only a town's or a spot's alias: "the EU", a region, stays a toponym)
    found = gazetteer.candidates(full[start:end])
    return bool(found) and all(c.feature_class in ("P", "S") for c in found)


# A broadcaster named for where it is or whom it serves: "Radio Shabelle", "Tele Sahel",
# "Radio Okapi" — the station, not a place an event happened.
_A_BROADCASTER = re.compile(r"\b(?:Radio|Tele|Télé|TV)\s+$")


def _a_street(text: str, start: int, end: int) -> bool:
    return _STREETS_AFTER.match(text, end) is not None or (
        _STREETS_BEFORE.search(text, max(0, start - 30), start) is not None
        and re.match(r"\s+and\s+[A-Z][\w'’-]*\s+(?:streets|roads|avenues|st\.?|rd\.?)\b", text[end:], re.I)
        is not None)


# "the Saint Peter and Saint Paul Coptic Orthodox Church", "St. George's Cathedral", "the church
# of St. Peter and St. Paul": a saint a building is named for, not the parish of Antigua or
# the town of that name. A big city named for a saint (St. Louis, Santa Cruz, St. Petersburg)
# is a place even before a cathedral's name, unless paired with another saint.
_SAINT_WORD = r"(?:Saint|St\.?|Sainte|San|Santa|Mar)"
_SAINT = re.compile(rf"{_SAINT_WORD}\s")
_BUILDING = (r"(?i:church|cathedral|basilica|chapel|monastery|abbey|convent|parish|school|college|hospital|"
             r"clinic|mosque)")
_DEDICATED = re.compile(
    rf"(?:\s+(?:and|&)\s+{_SAINT_WORD}\s+[A-Z][\w'’-]*)?"
    rf"(?:['’]s\s+{_BUILDING}|(?:\s+[A-Z][\w'’-]*){{0,3}}\s+(?=[A-Z]){_BUILDING})\b")
_DEDICATED_BEFORE = re.compile(
    rf"\b{_BUILDING}\s+of\s+(?:the\s+)?(?:{_SAINT_WORD}\s+[A-Z][\w'’-]*\s+(?:and|&)\s+)?$")
_PAIRED = re.compile(r"(?:^\s+(?:and|&)\s+(?:Saint|St\.?)\s)|(?:(?:Saint|St\.?)\s+[A-Z][\w'’-]*\s+(?:and|&)\s+$)")


def _a_dedication(text: str, start: int, end: int, gazetteer: Gazetteer | None) -> bool:
    if not _SAINT.match(text, start):
        return False
    if not (_DEDICATED.match(text, end) or _DEDICATED_BEFORE.search(text, max(0, start - 60), start)):
        return False
    paired = _PAIRED.match(text[end:end + 12]) or _PAIRED.search(text[max(0, start - 30):start])
    return bool(paired) or gazetteer is None or not _important(gazetteer, text[start:end])


def _named_again(
    doc: Any,
    full: str,
    found: list[tuple[int, int, str]],
    gazetteer: Gazetteer,
    people: set[str],
    embedded: bool,
) -> list[tuple[int, int, str]]:
    """One sense per story: a name found as a place is a place wherever else it stands —
    where spaCy called it a person ("gas station in Riverdale") or left it out — and a
    place embedded in an organisation's name ("Beverly Hills Police Department"). Only a
    name the gazetteer knows as a town or area and no person of the story bears ("Noma"
    tagged a place once is still the woman of the story); never inside a longer person's
    name ("George Washington")."""
    names = {
        full[a:b]
        for a, b, label in found
        if label in ("GPE", "LOC", "FAC", "DATELINE")
        and b - a >= 4
        and (label == "DATELINE" or _LOCATIVE_BEFORE.search(full, max(0, a - 12), a))
        and full[a:b] not in people
        and full[a:b] not in _GENERIC
        and _a_known_place(gazetteer, full[a:b])
    }
    if not names:
        return []
    taken = [(a, b) for a, b, _ in found]
    ent_at: dict[int, Any] = {}
    for ent in doc.ents:
        for i in range(ent.start_char, ent.end_char):
            ent_at[i] = ent
    out: list[tuple[int, int, str]] = []
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    for m in pattern.finditer(full):
        a, b = m.span()
        if any(x < b and a < y for x, y in taken):
            continue
        ent = ent_at.get(a)
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and names_an_organisation(span):
            if embedded:  # "the Tulkarm Brigade" after "near Tulkarm"
                out.append((a, b, "EMBEDDED"))
        elif ent is None or ent.label_ in _PLACE_LABELS or (ent.label_ == "PERSON" and len(ent) == 1):
            out.append((a, b, "GPE"))
        elif embedded and ent.label_ in _EMBEDDING_LABELS:
            out.append((a, b, "EMBEDDED"))
        taken.append((a, b))
    return out


# Not PERSON: "George Washington" and "Vladimir" name no place.
_EMBEDDING_LABELS = {"ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
# Words that are also names of places somewhere but, inside an organisation's name, are
# plain words ("Federal Reserve", "Commonwealth Bank", "Centre for …").
_GENERIC = frozenset(
    "Centre Center Federal Commonwealth Act No Do Free King Union National General Central Surprise Orange "
    "Store Victory Unity Liberty Independence Progress Hope Grace Justice Republic Capital Royal Imperial "
    "Global International United Metro Regional City Town Village County State Mission Providence Concord "
    "Paradise Eden Golden Silver Diamond Crystal Summit Harmony Phoenix Bank Trust Enterprise Reading Bath "
    "Lakes".split()
)
_WORD = re.compile(r"[A-Z][\w'’.-]*[\w.]|[A-Z]")


# A place word's evidence: "in Riverdale", "near the Samos hotspot", "from Cirencester".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|from|outside|at|to|into|across|around|toward|towards|of|via|through)\s+(?:the\s+)?$", re.I
)
_LOCATIVE = frozenset({"in", "near", "from", "outside", "at", "to", "into", "across", "around", "toward", "towards"})


def _missed_places(doc: Any, gazetteer: Gazetteer, demonyms: bool) -> list[tuple[int, int]]:
    """Countries, first-level areas, capitals (and demonyms) that NER left outside every
    entity: "… across Mississippi", "flights to Muscat"."""
    out: list[tuple[int, int]] = []
    toks = list(doc)
    full = doc.text  # Doc.text is rebuilt from the tokens at every access
    i = 0
    while i < len(toks):
        t = toks[i]
        arabic = _arabic_article_name(toks, i, gazetteer, full)
        if arabic is not None:
            out.append(arabic)
            i += 3
            continue
        if t.ent_iob_ != "O" or not t.text[:1].isupper() or t.is_sent_start and t.text in NOT_NAMES:
            i += 1
            continue
        for k in range(min(3, len(toks) - i), 0, -1):
            span = toks[i : i + k]
            if any(x.ent_iob_ != "O" or not x.text[:1].isupper() for x in span):
                continue
            a, b = span[0].idx, span[-1].idx + len(span[-1].text)
            name = full[a:b]
            if name in STOP or name in _GENERIC or len(name) < 3:
                continue
            hit = demonyms and gazetteer.is_demonym(name)
            # After "in", "near", "from" …, a town's own name is enough: "shops in Riverdale".
            locative = i > 0 and toks[i - 1].lower_ in _LOCATIVE
            hit = hit or any(
                c.match == 2
                and (
                    c.feature_code in ("PCLI", "ADM1", "PPLC", "CONT")
                    or locative and (c.feature_class == "P" and c.population >= 1000 or c.feature_code == "ADM2")
                )
                for c in gazetteer.candidates(name)
            )
            if hit:
                out.append((a, b))
                i += k - 1
                break
        i += 1
    return out


# "the provincial capital, al-Ghaydah", "Al-Mahra, the desert province on Yemen's border": a
# name with the Arabic article, however the writer spells the rest, that is a province, a
# district or a provincial capital of the war's own countries (GeoNames: Al Ghaydah, Al
# Mahrah). NER misses most when the article is in lower case. Not a town of any rank: the
# article opens the names of groups and men as often ("al-Qaeda", "al-Assad").
_ARABIC_ARTICLE = frozenset({"al", "el", "Al", "El"})
_SEAT_CODES = frozenset({"ADM1", "ADM2", "PPLA", "PPLA2", "PPLC"})


def _an_arabic_seat(gazetteer: Gazetteer, text: str) -> bool:
    """A province written however the writer spells it, or a district or seat written as
    GeoNames writes it or one of its other names (al-Mayadeen, the channel, is no Mayadin
    District)."""
    head, dash, rest = text.partition("-")
    if not dash or head not in _ARABIC_ARTICLE or not rest[:1].isupper() or " " in rest or rest in _NOT_SEATS:
        return False
    return any(c.country_code in FOLDED_COUNTRIES and c.feature_code in _SEAT_CODES
               and (c.match > 0 or c.feature_code == "ADM1") for c in gazetteer.candidates(text))


# Names after the article that are outlets, bodies, men and words far more often than a district
# of the same name ("al-Manar" TV and Al Manar district of Yemen, "al-Hussein", "al-Quds").
_NOT_SEATS = frozenset("""Manar Hussein Husayn Quds Jazeera Jazira Mayadeen Arabiya Thawra Wahda Tahrir Sadr
Watan Akhbar Hayat Nour Ahram Sharq Furat Aqsa Nusra Mahdi Qaeda Shabaab Assad""".split())


def _arabic_article_name(toks: list[Any], i: int, gazetteer: Gazetteer, full: str) -> tuple[int, int] | None:
    """The span of such a name at token i that NER left outside every entity."""
    if toks[i].text not in _ARABIC_ARTICLE or i + 2 >= len(toks) or toks[i + 1].text != "-" \
            or toks[i].whitespace_ or toks[i + 1].whitespace_ or any(x.ent_iob_ != "O" for x in toks[i:i + 3]):
        return None
    a, b = toks[i].idx, toks[i + 2].idx + len(toks[i + 2].text)
    return (a, b) if _an_arabic_seat(gazetteer, full[a:b]) else None


# "from Keizer and Silverton", "in Tuscumbia, Sheffield and Muscle Shoals", "between Madrid
# and Woodward", "In Bajaur, gunmen …": names listed after a locative word. spaCy's small
# model tags the first as a person and drops the rest of a list of small towns.
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_LOCATIVE_LIST = re.compile(
    rf"\b(?:[Ii]n|[Nn]ear|[Ff]rom|to|[Oo]utside|toward|towards|[Bb]etween|[Aa]round|via)\s+(?P<list>{_NAME}(?:\s*,\s*{_NAME})*"
    rf"(?:,?\s+(?:and|or)\s+{_NAME})?)")
_LIST_ITEM = re.compile(_NAME)
_ROUND_UP = re.compile(r"In\s")


def _listed_after_locative(
    doc: Any, full: str, found: list[tuple[int, int, str]], gazetteer: Gazetteer, people: set[str]
) -> list[tuple[int, int, str]]:
    """Towns named after "in", "from", "between" … and the towns listed with them: each a
    town of 1,000 people or more (or a district) by its own name, that no multi-word person
    of the story bears and spaCy did not take into a longer name."""
    taken = [(a, b) for a, b, _ in found]
    out: list[tuple[int, int, str]] = []
    listed = [(m, list(_LIST_ITEM.finditer(full, m.start("list"), m.end("list"))))
              for m in _LOCATIVE_LIST.finditer(full)]
    # A name spaCy calls a person outside every such list is the story's person ("a source
    # close to McGregor" in a story about Conor McGregor).
    in_lists = Counter(item.group(0) for _, items in listed for item in items)
    as_person = Counter(ent.text for ent in doc.ents if ent.label_ == "PERSON")
    for m, items in listed:
        # A list spaCy read as organisations is one unless a member of it is a place or a
        # person to spaCy: "drive to Waterford or Cahir" (Cahir a person), but not "critics
        # from Harvard and Yale" nor "a move to Chelsea or Arsenal".
        spans = [doc.char_span(*item.span(), alignment_mode="expand") for item in items]
        labels = [set() if span is None else {ent.label_ for ent in span.ents} for span in spans]
        # "In Bajaur, gunmen shot dead …": a round-up's opening names where, whatever spaCy calls it.
        opener = _ROUND_UP.match(full, m.start()) is not None and len(items) == 1 \
            and re.match(r"^\s*,", full[m.end("list"):]) is not None \
            and not full[:m.start()].rstrip(" ").endswith(tuple("abcdefghijklmnopqrstuvwxyz,;"))
        if any("ORG" in lab for lab in labels) and not opener and not any(
                lab & {"PERSON", *_PLACE_LABELS} or any(x < item.end() and item.start() < y for x, y in taken)
                for lab, item in zip(labels, items, strict=True)):
            continue
        org_listed = len(items) > 1
        to = m.group(0).split(None, 1)[0].lower() == "to"
        for k, (item, span) in enumerate(zip(items, spans, strict=True)):
            a, b = item.span()
            name = item.group(0)
            if any(x < b and a < y for x, y in taken) or name in STOP or name in NOT_NAMES \
                    or name in _GENERIC or len(name) < 4 or name.isupper() or any(w in people for w in name.split()) \
                    or as_person[name] > in_lists[name]:
                continue
            if span is None or not opener and any(not _alone_or_outside(ent, a, b, listed=org_listed)
                                                  for ent in span.ents):
                continue
            # "spoke to Murray": right after "to", a name spaCy calls a person is one.
            if k == 0 and to and any(ent.label_ == "PERSON" for ent in span.ents):
                continue
            if any(c.match == 2 and (c.feature_class == "P" and c.population >= 1000 or c.feature_code == "ADM2")
                   for c in gazetteer.candidates(name)):
                out.append((a, b, "GPE"))
                taken.append((a, b))
    return out


def _alone_or_outside(ent: Any, start: int, end: int, listed: bool) -> bool:
    """An entity over a listed name leaves it a town only when spaCy took the name alone, as
    a place or a one-word person ("from Murray"), not into a longer name ("Murray State");
    in a list of two or more, as a one-word organisation too ("drive to Waterford or Cahir"):
    one "from Ford" is a carmaker."""
    alone = ent.start_char >= start and ent.end_char <= end
    return alone and (ent.label_ in _PLACE_LABELS or ent.label_ == "PERSON" or listed and ent.label_ == "ORG")


_SHORT = frozenset({"US", "UK", "EU"})  # the two-letter names news uses inside other names


def _embedded_places(gazetteer: Gazetteer, text: str, start: int, end: int, demonyms: bool) -> list[tuple[int, int]]:
    """Spans of well-known places (or demonyms) inside the entity text[start:end]."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for k in range(min(3, len(words) - i), 0, -1):
            a, b = words[i][0], words[i + k - 1][1]
            if a == start and b == end:
                continue  # the whole entity was judged above
            sub = text[a:b].rstrip(".")
            if sub in STOP or sub in _GENERIC or sub in ("The", "A", "An") or len(sub) < 3 and sub not in _SHORT:
                continue
            if (demonyms and gazetteer.is_demonym(sub)) or _important(gazetteer, sub):
                out.append((a, a + len(sub)))
                i += k - 1
                break
        i += 1
    return out

"""Actors: names in text -> canonical ACLED actors (stage 5, "resolve actors").

`ActorKB` reads `data/actors.yaml` (canonical names, aliases, ACLED category, affiliation,
country) and finds every alias in a text with one regular expression, compiled once:

    kb = ActorKB.load()
    kb.find("Iran-backed militias and the IRGC moved ...")
    # -> [ActorMention(0, 20, 'Iran-backed militias', 'Militia (Pro-Iran)', ...), ...]

Matching rules (the same for sources, see `AliasMatcher`): the longest alias wins at a
position; an alias matches whole words only; capitalised acronyms (IRGC, SDF, IS, US) match
only in capitals, other words in any case; an alias that is also an English word ("IS") is
not matched inside text written in capitals.

Arabic aliases (written in Arabic script) are found in `arabic.text.fold`ed text with a
proclitic cluster allowed before them (وقوات النظام، للحرس الثوري، بحزب الله): the
mention's span is the name without the clitic (after ل the article's alef drops, so
"للحرس الثوري" gives "لحرس الثوري"). An Arabic name that is not written with the article
(حماس، قسد) is not matched with one ("الحماس" is "the enthusiasm").

Actors ACLED names per country ("Civilians (Syria)", "Unidentified Armed Group (Syria)")
carry a "{country}" placeholder.  The country comes from the caller (the event's place):
`find(text, country="Syria")` fills it, and without one the placeholder stays, so nothing
downstream can mistake an unknown country for a known one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .arabic.text import ARABIC_LETTER, CLITIC, DIACRITIC, fold, strip_marks
from .shipped import load_yaml

PLACEHOLDER = "{country}"
_STATE_FORCES_PATTERN = "Military Forces of {country}"


# --- alias matching (shared with marsad.sources) ------------------------------------------


@dataclass(frozen=True)
class AliasSpec:
    """One alias as written in a data file, with its matching options.

    alias: the name; "[a|b]" is an alternation. key: what a match resolves to.
    exact: match the whole alias only with this capitalisation.
    word: also an English word: not matched in text written in capitals.
    not_followed_by: case-sensitive regular expression that vetoes the match when it follows.
    """

    alias: str
    key: str
    exact: bool = False
    word: bool = False
    not_followed_by: str | None = None

    @classmethod
    def parse(cls, entry: str | dict[str, Any], key: str) -> AliasSpec:
        if isinstance(entry, str):
            return cls(entry, key)
        return cls(
            str(entry["alias"]),
            key,
            exact=entry.get("case") == "exact",
            word=bool(entry.get("word", False)),
            not_followed_by=entry.get("not_followed_by"),
        )


_ALTERNATION = re.compile(r"\[([^\[\]]*)\]")
_PIECES = re.compile(r"(?P<sep>[\s\-]+)|(?P<apos>['’‘])|(?P<word>[^\s\-'’‘]+)")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")
_SEP = r"[\s\-‐‑–]*"
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")
_WORD_START = re.compile(r"(?<!\w)\w")


def expand(alias: str) -> list[str]:
    """Every spelling an alias stands for: 'Revolutionary Guard[|s]' -> both forms."""
    m = _ALTERNATION.search(alias)
    if not m:
        return [alias]
    head, tail = alias[: m.start()], alias[m.end() :]
    return [head + option + rest for option in m.group(1).split("|") for rest in expand(tail)]


def _literal(text: str, exact: bool) -> str:
    out = []
    for m in _PIECES.finditer(text):
        if m.group("sep"):
            out.append(_SEP)
        elif m.group("apos"):
            out.append("['’‘]?")
        else:
            word = m.group("word")
            esc = re.escape(word)
            out.append(f"(?-i:{esc})" if exact or _ACRONYM.fullmatch(word) else esc)
    return "".join(out)


def alias_regex(spec: AliasSpec) -> str:
    """The regular expression (for a case-insensitive pattern) of one alias."""
    parts, pos = [], 0
    for m in _ALTERNATION.finditer(spec.alias):
        parts.append(_literal(spec.alias[pos : m.start()], spec.exact))
        options = sorted(m.group(1).split("|"), key=len, reverse=True)
        parts.append("(?:" + "|".join(_literal(o, spec.exact) for o in options) + ")")
        pos = m.end()
    parts.append(_literal(spec.alias[pos:], spec.exact))
    veto = f"(?!(?-i:{spec.not_followed_by}))" if spec.not_followed_by else ""
    return "".join(parts) + r"(?!\w)" + veto


class AliasMatcher:
    """Finds many aliases in text with compiled regular expressions, built once.

    Branches are ordered longest alias first, so at any position the longest alias wins
    ("Kataib Hezbollah" before "Hezbollah"); matches never overlap.  There is one pattern
    per first letter, tried only where a word starts with that letter: ten times faster
    than one pattern of every alias tried at every position.
    """

    def __init__(self, specs: Iterable[AliasSpec]) -> None:
        self.specs = sorted(specs, key=lambda s: max(len(x) for x in expand(s.alias)), reverse=True)
        by_letter: dict[str, list[str]] = {}
        arabic: list[tuple[str, int]] = []
        for i, spec in enumerate(self.specs):
            if is_arabic_alias(spec.alias):
                arabic.extend((form, i) for form in expand(spec.alias))
                continue
            branch = f"(?P<a{i}>{alias_regex(spec)})"
            firsts = {form[:1].lower() for form in expand(spec.alias)}
            if not all(c.isalnum() for c in firsts):
                raise ValueError(f"an alias must start with a letter or digit: {spec.alias!r}")
            for c in firsts:
                by_letter.setdefault(c, []).append(branch)
        self.patterns = _PerLetter(
            {c: r"(?<!\w)(?:" + "|".join(branches) + ")" for c, branches in by_letter.items()}, re.IGNORECASE
        )
        self.arabic = _ArabicAliases(arabic, self.specs)
        # The last texts' matches: an article's whole text is read twice in a row (for the
        # names that are no places, then for the sources it names). Few: an article is
        # seldom the same as one read long before.
        self._found = functools.lru_cache(maxsize=4)(self._find_all)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str] | ArabicMatch, AliasSpec]]:
        return iter(self._found(text))

    def _find_all(self, text: str) -> tuple[tuple[re.Match[str] | ArabicMatch, AliasSpec], ...]:
        found: list[tuple[re.Match[str] | ArabicMatch, AliasSpec]] = list(self._scan(text))
        if self.arabic and _HAS_ARABIC.search(text):
            found.extend(self.arabic.scan(text))
            found.sort(key=lambda x: x[0].start())
        return tuple(found)

    def _scan(self, text: str) -> Iterator[tuple[re.Match[str], AliasSpec]]:
        end = 0
        for w in _WORD_START.finditer(text):
            if w.start() < end:
                continue
            pattern = self.patterns[w.group().lower()]
            m = pattern.match(text, w.start()) if pattern else None
            if m is None:
                continue
            assert m.lastgroup is not None
            spec = self.specs[int(m.lastgroup[1:])]
            if spec.word and _in_capitals(text, m):
                continue
            # The tail of a hyphenated name is not a name of its own ("Al-Amal" is a
            # neighbourhood, not the Amal Movement).
            if w.start() >= 2 and text[w.start() - 1] == "-" and text[w.start() - 2].isalpha() \
                    and text[max(0, w.start() - 4):w.start() - 1].lower().endswith(("al", "el")):
                continue
            end = m.end()
            yield m, spec


class _PerLetter(dict[str, "re.Pattern[str] | None"]):
    """First letter -> the pattern of every alias that starts with it, each compiled at the
    first look-up of its letter (`patterns[letter]`; None for a letter no alias starts with).

    Compiling all of them took a third of a second of every process's start; a text needs
    a letter's pattern only where one of its words starts with that letter. A compiled
    pattern is kept in the dict itself, so a later look-up is a plain dict look-up."""

    def __init__(self, sources: dict[str, str], flags: int = 0) -> None:
        super().__init__()
        self._sources = sources
        self._flags = flags

    def __missing__(self, letter: str) -> re.Pattern[str] | None:
        source = self._sources.get(letter)
        found = self[letter] = re.compile(source, self._flags) if source is not None else None
        return found

    def __bool__(self) -> bool:
        return bool(self._sources)


_HAS_ARABIC = re.compile(f"[{ARABIC_LETTER}]")
_ARABIC_WORD_START = re.compile(f"(?<![{ARABIC_LETTER}])[{ARABIC_LETTER}]")
_CLITIC = re.compile(CLITIC)
_ARTICLE_CLITIC = re.compile(r"(?:ال|لل)\Z")
_MARKS = frozenset(c for c in map(chr, range(0x0600, 0x0700)) if re.match(f"[{DIACRITIC}]", c))
_SPACE = r"[\s\u200c-]*"  # between the words of a name, as `arabic.text.pattern` allows


def is_arabic_alias(alias: str) -> bool:
    """An alias written in Arabic script (matched by `_ArabicAliases`, never by spaCy)."""
    return bool(_HAS_ARABIC.match(alias.lstrip("[")))


@dataclass(frozen=True)
class ArabicMatch:
    """An Arabic alias found in a text: the span of the name without its proclitics. The
    methods are those of `re.Match` that callers of `AliasMatcher.finditer` use."""

    span_start: int
    span_end: int
    text: str

    def start(self) -> int:
        return self.span_start

    def end(self) -> int:
        return self.span_end

    def group(self) -> str:
        return self.text


class _ArabicAliases:
    """Arabic aliases, found in text folded and stripped of diacritics and tatweel (offsets
    mapped back). At each word start every way of reading its first letters as proclitics
    is tried, the shortest first (a name that starts with و or ل is read whole before its
    first letter is taken for a clitic); after the clitics, one pattern per first letter
    holds every alias starting with it, longest first, so "كتائب حزب الله" wins over
    "حزب الله" where both start."""

    def __init__(self, forms: list[tuple[str, int]], specs: list[AliasSpec]) -> None:
        self.specs = specs
        forms = sorted(forms, key=lambda f: len(strip_marks(f[0])), reverse=True)
        self.keys: list[int] = []
        self.articled: list[bool] = []  # the alias is written with the article (الحرس)
        by_letter: dict[str, list[str]] = {}
        for k, (form, i) in enumerate(forms):
            folded = strip_marks(form).strip()
            self.keys.append(i)
            self.articled.append(folded.startswith("ال"))
            body = _SPACE.join(map(re.escape, folded.split()))
            if folded.startswith("ال"):
                # After ل the article loses its alef: "للحرس" is ل + "لحرس".
                body = f"{body}|{body[1:]}"
            for first in {folded[0], "ل"} if folded.startswith("ال") else {folded[0]}:
                by_letter.setdefault(first, []).append(f"(?P<a{k}>{body})")
        self.patterns = _PerLetter({c: "(?:" + "|".join(b) + f")(?![{ARABIC_LETTER}])" for c, b in by_letter.items()})

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def scan(self, text: str) -> Iterator[tuple[ArabicMatch, AliasSpec]]:
        folded = fold(text)
        kept = [i for i, c in enumerate(folded) if c not in _MARKS]
        bare = "".join(folded[i] for i in kept)
        end = 0
        for w in _ARABIC_WORD_START.finditer(bare):
            if w.start() < end:
                continue
            found = self._at(bare, w.start())
            if found is None:
                continue
            start, end, spec = found
            a, b = kept[start], kept[end - 1] + 1
            while b < len(text) and folded[b] in _MARKS:
                b += 1  # the last letter's diacritics are the name's
            yield ArabicMatch(a, b, text[a:b]), spec

    def _at(self, bare: str, at: int) -> tuple[int, int, AliasSpec] | None:
        for cut in _clitic_cuts(bare, at):
            pattern = self.patterns[bare[cut]]
            m = pattern.match(bare, cut) if pattern else None
            if m is None:
                continue
            assert m.lastgroup is not None
            k = int(m.lastgroup[1:])
            spec = self.specs[self.keys[k]]
            if not self.articled[k] and _ARTICLE_CLITIC.search(bare, at, cut):
                continue  # "الحماس" is not Hamas
            if spec.not_followed_by and re.match(spec.not_followed_by, bare[m.end():]):
                continue
            return cut, m.end(), spec
        return None


def _clitic_cuts(bare: str, at: int) -> list[int]:
    """Where the word at `at` may start after proclitics, the shortest clitic first."""
    cuts = [at]
    for cut in range(at + 1, min(at + 5, len(bare))):
        if _HAS_ARABIC.match(bare, cut) and _CLITIC.fullmatch(bare, at, cut):
            cuts.append(cut)
    return cuts


def _in_capitals(text: str, m: re.Match[str]) -> bool:
    """The match is in capitals and so is a neighbouring word: a headline, not a name."""
    if not m.group().isupper():
        return False
    before = _CAPS_WORD.findall(text[max(0, m.start() - 40) : m.start()])
    after = _CAPS_WORD.findall(text[m.end() : m.end() + 40])
    neighbours = before[-1:] + after[:1]
    return any(w.isupper() for w in neighbours)


# --- actors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    """An actor of the knowledge base (one entry of actors.yaml; see its header)."""

    name: str
    inter: str
    country: str | None = None
    affiliation: str | None = None
    family: str | None = None
    period: tuple[str, str] | None = None
    state_forces_of: str | None = None
    descriptive: bool = False
    aliases: tuple[AliasSpec, ...] = ()

    @property
    def per_country(self) -> bool:
        return PLACEHOLDER in self.name


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a text: `text == source[start:end]`.

    canonical: ACLED's name; still holds "{country}" for a per-country actor found without a
        country (`needs_country`).
    inter: ACLED actor category ("State forces", …). affiliation: parent or patron, or None.
    country: the actor's country (for a per-country actor, the country given), or None.
    """

    start: int
    end: int
    text: str
    canonical: str
    inter: str
    affiliation: str | None
    country: str | None

    @property
    def needs_country(self) -> bool:
        return PLACEHOLDER in self.canonical


class ActorKB:
    """Canonical actors and their aliases; see the module docstring."""

    def __init__(self, actors: Iterable[KnownActor], *, generated: Iterable[AliasSpec] = (),
                 groups: dict[str, tuple[str, ...]] | None = None,
                 adjectives_ar: dict[str, str] | None = None) -> None:
        self.actors: dict[str, KnownActor] = {}
        for a in actors:
            if a.name in self.actors:
                raise ValueError(f"actor listed twice: {a.name!r}")
            self.actors[a.name] = a
        # Actor groups ("Iran-aligned"): an analyst's alignment of canonical actors.
        self.groups: dict[str, tuple[str, ...]] = dict(groups or {})
        for group, members in self.groups.items():
            unknown = [m for m in members if m not in self.actors]
            if unknown:
                raise ValueError(f"group {group!r} lists actors the knowledge base lacks: {unknown}")
        self.generated = tuple(generated)
        # Arabic demonyms as adjectives (folded, no marks: "تركيه", "التركي") -> the state's
        # forces: "غارة إسرائيلية", "قصف تركي" (see `events.actors`).
        self.adjectives_ar: dict[str, str] = dict(adjectives_ar or {})
        specs = [s for a in self.actors.values() for s in a.aliases] + list(self.generated)
        check_unambiguous(specs)
        self.matcher = AliasMatcher(specs)
        self._per_country = [
            (re.compile(re.escape(a.name).replace(re.escape(PLACEHOLDER), r"(.+)") + r"\Z"), a)
            for a in self.actors.values()
            if a.per_country
        ]

    @functools.cached_property
    def spellings(self) -> tuple[tuple[str, str, str], ...]:
        """(casefolded form, form, canonical name) of every canonical name and every spelling of
        an alias, in the knowledge base's order, each form once: what look-ups by a typed name
        (type-ahead, suggestions for a misspelling) search."""
        out: dict[tuple[str, str], str] = {}
        for a in self.actors.values():
            out.setdefault((a.name.casefold(), a.name), a.name)
            for spec in a.aliases:
                for form in expand(spec.alias):
                    out.setdefault((form.casefold(), form), a.name)
        return tuple((folded, form, canonical) for (folded, form), canonical in out.items())

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorKB:
        """The knowledge base in `path`, or marsad's own (loaded once, then shared)."""
        if path is None:
            return _default_kb()
        return cls.from_data(yaml.safe_load(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ActorKB:
        nouns = list(data.get("force_nouns") or [])
        nouns_ar = data.get("force_nouns_ar") or {}
        actors, generated = [], []
        adjectives: dict[str, str] = {}
        for entry in data["actors"]:
            name = str(entry["name"])
            period = entry.get("period")
            actors.append(
                KnownActor(
                    name=name,
                    inter=str(entry["inter"]),
                    country=entry.get("country"),
                    affiliation=entry.get("affiliation"),
                    family=entry.get("family"),
                    period=(str(period[0] or ""), str(period[1] or "")) if period else None,
                    state_forces_of=entry.get("state_forces_of"),
                    descriptive=bool(entry.get("descriptive", False)),
                    aliases=tuple(AliasSpec.parse(x, name) for x in entry.get("aliases") or ()),
                )
            )
            demonyms = entry.get("demonyms") or []
            if demonyms and nouns:
                forms = [form for n in nouns for form in expand(n)]
                alias = "[" + "|".join(demonyms) + "] [" + "|".join(forms) + "]"
                generated.append(AliasSpec(alias, name))
            for demonym in entry.get("demonyms_ar") or []:
                specs, forms = _arabic_force_aliases(str(demonym), nouns_ar, name)
                generated.extend(specs)
                adjectives.update(dict.fromkeys(forms, name))
        groups = {str(g): tuple(str(m) for m in (spec or {}).get("members") or ())
                  for g, spec in (data.get("groups") or {}).items()}
        return cls(actors, generated=generated, groups=groups, adjectives_ar=adjectives)

    def groups_of(self, canonical: str) -> list[str]:
        """The groups an actor belongs to."""
        return [g for g, members in self.groups.items() if canonical in members]

    # -- finding ------------------------------------------------------------------------
    def find(self, text: str, *, country: str | None = None) -> list[ActorMention]:
        """Every actor named in `text`, in order; `country` fills per-country names."""
        out = []
        for m, spec in self.matcher.finditer(text):
            actor = self.actors[spec.key]
            canonical = self.fill(actor.name, country) if country and actor.per_country else actor.name
            home = country if actor.per_country else actor.country
            out.append(
                ActorMention(m.start(), m.end(), m.group(), canonical, actor.inter, actor.affiliation, home)
            )
        return out

    # -- looking up -----------------------------------------------------------------------
    def canonical(self, name: str) -> str | None:
        """The canonical name of a canonical name, a filled per-country name or an alias
        (a leading "the" is allowed: "the Revolutionary Guards")."""
        name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
        if name in self.actors:
            return name
        if self._per_country_actor(name):
            return name
        found = self.find(name)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
            return found[0].canonical
        return None

    def actor(self, canonical: str) -> KnownActor | None:
        """The knowledge-base entry of a canonical (or filled per-country) name."""
        return self.actors.get(canonical) or self._per_country_actor(canonical)

    def inter(self, canonical: str) -> str | None:
        """ACLED actor category of a canonical name; state forces of any country included."""
        known = self.actor(canonical)
        if known:
            return known.inter
        if canonical.startswith(("Military Forces of ", "Police Forces of ")):
            return "State forces"
        return None

    def affiliation(self, canonical: str) -> str | None:
        known = self.actor(canonical)
        return known.affiliation if known else None

    def _per_country_actor(self, name: str) -> KnownActor | None:
        for pattern, actor in self._per_country:
            if pattern.match(name):
                return actor
        return None

    # -- per-country and per-period names ---------------------------------------------------
    def fill(self, canonical: str, country: str) -> str:
        """A per-country name for `country`; other names unchanged."""
        if canonical == _STATE_FORCES_PATTERN:
            return self.state_forces(country)
        return canonical.replace(PLACEHOLDER, country)

    def state_forces(self, country: str, *, on: str | dt.date | None = None) -> str:
        """ACLED's name for a country's military, for the government in power `on` a date
        (the knowledge base's default without one; "Military Forces of X" if unknown)."""
        for a in self.actors.values():
            if a.state_forces_of == country:
                return self.for_date(a.name, on) if on else a.name
        return f"Military Forces of {country}"

    def civilians(self, country: str) -> str:
        return self.fill("Civilians ({country})", country)

    def protesters(self, country: str) -> str:
        return self.fill("Protesters ({country})", country)

    def rioters(self, country: str) -> str:
        return self.fill("Rioters ({country})", country)

    def unidentified(self, country: str) -> str:
        return self.fill("Unidentified Armed Group ({country})", country)

    def for_date(self, canonical: str, date: str | dt.date | None) -> str:
        """The member of `canonical`'s family whose period holds `date`: ACLED renames
        state forces with the government ("Military Forces of Syria (2000-2024)" -> "(2024-)")."""
        known = self.actors.get(canonical)
        if date is None or known is None or known.family is None:
            return canonical
        day = date.isoformat() if isinstance(date, dt.date) else str(date)[:10]
        for a in self.actors.values():
            if a.family == known.family and a.period:
                start, end = a.period
                if start <= day and (not end or day < end):
                    return a.name
        return canonical


def _arabic_force_aliases(demonym: str, nouns: dict[str, list[str]], key: str) -> tuple[list[AliasSpec], list[str]]:
    """"<noun> <adjective>" aliases of a state's forces in Arabic (`force_nouns_ar`), and
    the adjective's forms (folded, marks stripped) for `ActorKB.adjectives_ar`."""
    specs, forms = [], []
    for gender, suffix in (("masculine", ""), ("feminine", "ة")):
        listed = [str(n) for n in nouns.get(gender) or []]
        adjective = demonym + suffix
        for definite in (True, False):
            # A noun phrase is definite when its last word has the article ("سلاح الجو").
            group = [n for n in listed if n.split()[-1].startswith("ال") == definite]
            written = ("ال" if definite else "") + adjective
            forms.append(strip_marks(written))
            if group:
                specs.append(AliasSpec("[" + "|".join(group) + "] " + written, key))
    return specs, forms


@functools.cache
def _default_kb() -> ActorKB:
    return ActorKB.from_data(load_yaml("actors.yaml"))


def normalise_alias(alias: str) -> str:
    """An alias reduced to what tells it apart: lower case, no spaces, hyphens, apostrophes,
    dots; Arabic folded and without diacritics (`arabic.text.strip_marks`)."""
    return re.sub(r"[\s\-'’‘.]", "", strip_marks(alias)).lower()


def check_unambiguous(specs: Iterable[AliasSpec]) -> None:
    """Two actors (or sources) must not claim the same alias: that merge is the editor's."""
    seen: dict[str, str] = {}
    for s in specs:
        for form in expand(s.alias):
            key = normalise_alias(form) if not s.exact else form
            if seen.setdefault(key, s.key) != s.key:
                raise ValueError(f"alias {form!r} names both {seen[key]!r} and {s.key!r}")


# --- spaCy --------------------------------------------------------------------------------


def ruler_patterns(kb: ActorKB | None = None, *, label: str = "ORG") -> list[dict[str, Any]]:
    """Token patterns for a spaCy EntityRuler, one per spelling of every named actor, so
    spaCy keeps "Liwa Fatemiyoun" or "Kataib Hezbollah" whole and labels them `label`;
    each pattern's "id" is the canonical name (spaCy's `ent.ent_id_`).

    Descriptions ("Iran-backed militias", "gunmen", "Israeli jets") get no pattern.
    """
    import spacy  # here, not at import time: the rest of this module needs no spaCy

    kb = kb or ActorKB.load()
    tokenizer = spacy.blank("en").tokenizer
    out: list[dict[str, Any]] = []
    for actor in kb.actors.values():
        if actor.descriptive or actor.per_country:
            continue
        for spec in actor.aliases:
            if is_arabic_alias(spec.alias):
                continue  # Arabic articles get no spaCy pass
            for form in expand(spec.alias):
                tokens = []
                for tok in tokenizer(form):
                    exact = spec.exact or _ACRONYM.fullmatch(tok.text)
                    tokens.append({"ORTH": tok.text} if exact else {"LOWER": tok.lower_})
                out.append({"label": label, "pattern": tokens, "id": actor.name})
    return out

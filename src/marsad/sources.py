"""Sources: who a sentence attributes its claim to ("according to SOHR", "local sources said").

`SourceKB` reads `data/sources.yaml` and finds source names with the same matcher and rules
as actors (`marsad.actors.AliasMatcher`).  A name counts as an attribution only in a
reporting frame:

- after a lead: "according to X", "per X", "citing X", "as reported by X", "a report by X",
  "said X", "X told AFP" (AFP: the outlet the statement was given to);
- as the subject of a reporting verb: "X said", "X reported Monday that", "X, a Britain-based
  monitor, said", "the observatory said in another report", "X's director said";
- in a list in either place: "according to local sources and SOHR",
  "local activists, SOHR and the Jusoor Center reported", "local and intelligence sources said";
- "sources in <place> said" is "Local sources".

"X told Reuters": both X (where X is a known source) and Reuters are coded.  ACLED's
`source` field lists every outlet and origin an event rests on, so the origin and the
outlet that carried it are both kept.

Descriptions ("the observatory", "the war monitor") name a source only when the article
names it too: pass `article_sources=kb.named_in(article_text)`.  A description shared by
several sources ("the rights group") resolves only when exactly one of them is named.

Arabic sentences have frames of their own, the verb usually first: "وفقاً لـ X", "بحسب X",
"أفاد X بأن", "قال المرصد", "ذكرت X", "نقلت X عن Y" (both X and Y), "X قالت" ; "مصادر في
<place>" is "Local sources". Names resolve to the same canonical sources as in English
("مصادر محلية" → "Local sources", "ناشطون" → "Activists").

Spans are offsets into the sentence given; add the sentence's offset for article spans.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from marsad.actors import AliasMatcher, AliasSpec, check_unambiguous, normalise_alias
from marsad.arabic.text import ARABIC_LETTER, fold, strip_marks
from marsad.shipped import load_yaml

LOCAL_SOURCES = "Local sources"
_WINDOW = 200  # characters a reporting frame may span on either side of a name
_REF = "ref:"  # key prefix of descriptions in the matcher


@dataclass(frozen=True)
class KnownSource:
    """A source of the knowledge base (one entry of sources.yaml; see its header)."""

    name: str
    type: str
    aliases: tuple[AliasSpec, ...] = ()
    references: tuple[str, ...] = ()
    home: str | None = None  # a local outlet's own city ("Deir ez-Zor, Syria"): evidence for a story's frame


@dataclass(frozen=True)
class Attribution:
    """A source a sentence attributes its claim to: `text == sentence[start:end]`."""

    start: int
    end: int
    text: str
    canonical: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    key: str  # a canonical name, or _REF + a normalised description


_VERB = (
    r"(?:said|says|say|saying|reported|reports|report|claimed|claims|claim|noted|notes|added|adds|"
    r"told|tells|tell|stated|states|documented|documents|revealed|reveals|confirmed|confirms|"
    r"announced|announces|mentioned|mentions|indicated|indicates|estimated|estimates|counted|"
    r"recorded|records|warned|warns|explained|explains|pointed\s+out|wrote|writes|tweeted|posted|"
    r"observed|verified|published|released|alleged|alleges|identified|accused|blamed|quoted|cited)"
)
_REPORT_NOUN = r"(?:report|reports|statement|tally|toll|data|figures|count|statistics|documentation|estimate)"
_LEAD = (
    r"(?:according\s+to|per|citing|quoting|told|"
    r"(?:as\s+)?(?:cited|quoted|reported|documented|published|released|confirmed|recorded|announced|"
    r"verified|compiled|counted|issued|provided|gathered|obtained)\s+by|"
    rf"{_REPORT_NOUN}\s+(?:by|from|of)|"
    r"said|says|reported|added|noted|claimed|stated|wrote|confirmed|announced|explained|warned)"
)
# What may stand between a lead and the name, or between names in a list ("§" masks a name).
_GLUE = (
    r"(?:\s|,|§|\(|\)|\band\b|\bas\s+well\s+as\b|\bthe\b|\ban?\b|\bits\b|\btheir\b|\bboth\b|"
    rf"\blatest\b|\bnew\b|\brecent\b|\bupdated\b|\bother\b|\b{_REPORT_NOUN}\s+(?:by|from|of)\b)*"
)
_PRE = re.compile(rf"(?<!\w){_LEAD}\b{_GLUE}\Z", re.IGNORECASE)
_APPOSITIVE = r",\s*(?:a|an|the|which|who|in|based|located|near|headed|led|run|one)\b[^,;:!?\"“”]{0,100},"
_ADVERBS = (
    r"(?:(?:also|later|earlier|previously|has|have|had|separately|further|then|itself|meanwhile|"
    r"however|too|last\s+\w+|on\s+\w+day|in\s+a\s+statement|\w+ly)\s+)*"
)
_POST = re.compile(
    rf"(?:\s|,|§|\band\b|\bas\s+well\s+as\b|\bthe\b|\([^()]{{0,60}}\)|{_APPOSITIVE})*"
    rf"\s*(?:['’]s(?:\s+[\w§-]+){{1,4}}(?:{_APPOSITIVE})?\s+)?{_ADVERBS}{_VERB}\b",
    re.IGNORECASE,
)
# "sources in the cities of A and B" up to the comma or verb that ends the phrase.
_SOURCES_IN = re.compile(
    rf"(?<!\w)sources\s+(?:in|inside|from|within|on\s+the\s+ground\s+in)\s+[^,;:.!?\"“”]+?(?=\s*(?:,|\b{_VERB}\b|$))",
    re.IGNORECASE,
)


# --- Arabic frames: read on the sentence folded and without diacritics (`strip_marks`), so
# "وفقاً" is "وفقا" and "أفادت" is "افادت"; "§" masks the names.
_VERB_AR = (
    r"(?:قال|قالت|قالوا|يقول|تقول|افاد|افادت|افادوا|يفيد|تفيد|ذكر|ذكرت|ذكروا|يذكر|تذكر|اكد|اكدت|اكدوا|"
    r"اعلن|اعلنت|اشار|اشارت|اشاروا|اوضح|اوضحت|كشف|كشفت|وثق|وثقت|رصد|رصدت|نشر|نشرت|اضاف|اضافت|"
    r"صرح|صرحت|نقل|نقلت|اورد|اوردت|بث|بثت|تحدث|تحدثت|زعم|زعمت|ادعي|ادعت|نفي|نفت|اعتبر|اعتبرت|"
    r"ابلغ|ابلغت|اخبر|اخبرت|حذر|حذرت|سجل|سجلت|احصي|احصت)"
)
# What a lead is: a preposition of attribution, a reporting verb (its subject follows: VSO),
# "نقلت X عن" (the origin follows عن), or a report's noun ("في تقرير لـ").
_LEAD_AR = (
    r"(?:وفق|وفقا|طبقا|استنادا|نقلا\s+عن|حسبما|بحسب|حسب|"
    rf"{_VERB_AR}(?:\s+\S+){{0,6}}?\s+عن|{_VERB_AR}|"
    r"(?:تقرير|تقريرا|بيان|بيانا|احصاييه|احصاء|دراسه|معلومات|بيانات|توثيق|حصيله)(?:\s+\S+)?)"
)
# Between a lead and the name, or between names: spaces, commas, the clitic of the name
# (لـ، ل، و), "ما" + a verb ("بحسب ما أفاد"), the kind of outlet ("مراسل", "وكالة"), the
# day ("اليوم الاثنين"), the masked names of a list.
_GLUE_AR = (
    r"(?:\s|،|,|§|\(|\)|«|»|\"|:|"
    rf"(?<!\S)ل?ما\s+{_VERB_AR}(?:ه|ها|هم)?(?!\S)|"
    r"(?<!\S)(?:مراسل|مراسله|موقع|وكاله|قناه|صحيفه|شبكه|مدير|مصادر|تقرير|بيان|اليوم|امس|ايضا|مساء|صباح|"
    r"الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|به|بها)(?!\S)|"
    r"(?<!\S)[وفبل]ـ*(?=\s*(?:§|$)))*"
)
_PRE_AR = re.compile(rf"(?<![{ARABIC_LETTER}])[وف]?{_LEAD_AR}(?![{ARABIC_LETTER}])(?:ـ*){_GLUE_AR}\Z")
# After the name: its verb (SVO: "المرصد السوري قال"), past an aside between commas.
_POST_AR = re.compile(
    r"(?:\s|،|,|§|\([^()]{0,60}\)|(?<!\S)و(?=§))*"
    r"(?:[،,][^،,.؛:]{0,100}[،,])?\s*(?:قد\s+|ايضا\s+|بدوره\s+|بدورها\s+)?"
    rf"[وف]?{_VERB_AR}(?![{ARABIC_LETTER}])"
)
# "مصادر في دير الزور"، "مصادر من داخل المدينة": up to the comma, the verb or the clause.
_SOURCES_IN_AR = re.compile(
    rf"(?<![{ARABIC_LETTER}])(?:مصادر|مصدر)\s+(?:محليه\s+|ميدانيه\s+|اهليه\s+)?(?:في|من|داخل|من\s+داخل)\s+"
    rf"[^،,;:.!?؟\"«»]+?(?=\s*(?:[،,]|(?<!\S)[وف]?{_VERB_AR}(?![{ARABIC_LETTER}])|(?<!\S)(?:ان|بان)(?!\S)|$))"
)
_HAS_ARABIC = re.compile(f"[{ARABIC_LETTER}]")


def _bare(text: str) -> str:
    return strip_marks(text)


class SourceKB:
    """Canonical sources, their aliases and descriptions; see the module docstring."""

    def __init__(self, sources: Iterable[KnownSource]) -> None:
        self.sources: dict[str, KnownSource] = {}
        for s in sources:
            if s.name in self.sources:
                raise ValueError(f"source listed twice: {s.name!r}")
            self.sources[s.name] = s
        self.references: dict[str, list[str]] = {}
        specs = [a for s in self.sources.values() for a in s.aliases]
        for s in self.sources.values():
            for ref in s.references:
                key = _REF + normalise_alias(ref)
                if key not in self.references:
                    specs.append(AliasSpec(ref, key))
                self.references.setdefault(key, []).append(s.name)
        check_unambiguous(specs)
        self.matcher = AliasMatcher(specs)
        # "local and intelligence sources": the words that make "<word> sources" a name.
        self._adjectives: dict[str, str] = {}
        for s in self.sources.values():
            for a in s.aliases:
                words = a.alias.lower().split()
                if len(words) == 2 and words[1] == "sources":
                    self._adjectives[words[0]] = s.name
        adj = "|".join(sorted(map(re.escape, self._adjectives), key=len, reverse=True))
        self._coordinated = re.compile(
            rf"(?<!\w)((?:{adj})(?:\s*,\s*(?:{adj}))*,?\s+(?:and|or)\s+(?:{adj}))\s+sources\b", re.IGNORECASE
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> SourceKB:
        """The knowledge base in `path`, or marsad's own (loaded once, then shared)."""
        if path is None:
            return _default_kb()
        return cls.from_data(yaml.safe_load(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SourceKB:
        return cls(
            KnownSource(
                name=str(e["name"]),
                type=str(e["type"]),
                aliases=tuple(AliasSpec.parse(a, str(e["name"])) for a in e.get("aliases") or ()),
                references=tuple(str(r) for r in e.get("references") or ()),
                home=str(e["home"]) if e.get("home") else None,
            )
            for e in data["sources"]
        )

    def home_of(self, outlet: str | None) -> str | None:
        """The home city of a local outlet, by its name or an alias ("Deir Ezzor 24",
        "دير الزور 24"): the place its stories are set in first (`places.frame`)."""
        if not outlet:
            return None
        name = self.canonical(outlet)
        return self.sources[name].home if name else None

    # -- names --------------------------------------------------------------------------
    def canonical(self, name: str) -> str | None:
        """The canonical name of a canonical name or an alias (not of a description)."""
        name = name.strip()
        if name in self.sources:
            return name
        found = [m for m in self._mentions(name) if not m.key.startswith(_REF)]
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
            return found[0].key
        return None

    def by_alias(self, name: str) -> str | None:
        """The canonical name of a name that is one of the aliases, whole (not a description).
        Unlike `canonical`, a canonical name known only by its Arabic aliases ("Suwayda 24")
        is not one: in English text it is still a name the knowledge base does not find."""
        name = name.strip()
        found = [m for m in self._mentions(name) if not m.key.startswith(_REF)]
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
            return found[0].key
        return None

    def type_of(self, canonical: str) -> str | None:
        known = self.sources.get(canonical)
        return known.type if known else None

    def named_in(self, text: str) -> set[str]:
        """Canonical names of the sources a text names outright (not by description)."""
        return {m.key for m in self._mentions(text) if not m.key.startswith(_REF)}

    # -- attributions ------------------------------------------------------------------------
    def find_attributions(self, sentence: str, *, article_sources: Collection[str] = ()) -> list[Attribution]:
        """The sources `sentence` attributes its claim to, in order (see the module docstring).

        article_sources: canonical names the article names anywhere (`named_in`), which
            descriptions like "the observatory" may refer back to.
        """
        mentions = self._mentions(sentence)
        masked = list(sentence)
        for m in mentions:
            masked[m.start : m.end] = "§" * (m.end - m.start)
        mask = "".join(masked)
        arabic = bool(_HAS_ARABIC.search(sentence))
        out = []
        for m in mentions:
            # A frame is short: looking further only costs time on run-on text.
            if arabic:
                framed = bool(_PRE_AR.search(_bare(mask[max(0, m.start - _WINDOW):m.start]))
                              or _POST_AR.match(_bare(mask[m.end:m.end + _WINDOW])))
            else:
                framed = bool(_PRE.search(mask, max(0, m.start - _WINDOW), m.start)
                              or _POST.match(mask, m.end, m.end + _WINDOW))
            if not framed:
                continue
            canonical = self._resolve(m.key, article_sources)
            if canonical:
                out.append(Attribution(m.start, m.end, sentence[m.start : m.end], canonical))
        return out

    def _resolve(self, key: str, article_sources: Collection[str]) -> str | None:
        if not key.startswith(_REF):
            return key
        candidates = [s for s in self.references[key] if s in article_sources]
        return candidates[0] if len(candidates) == 1 else None

    def _mentions(self, text: str) -> list[_Mention]:
        """Source names and descriptions in text, without overlaps, in order."""
        special = [_Mention(m.start(), m.end(), LOCAL_SOURCES) for m in _SOURCES_IN.finditer(text)]
        if _HAS_ARABIC.search(text):
            # fold keeps offsets; a name with diacritics inside is found by its aliases.
            special += [_Mention(m.start(), m.end(), LOCAL_SOURCES) for m in _SOURCES_IN_AR.finditer(fold(text))]
        for m in self._coordinated.finditer(text):
            for word in re.findall(r"\w+", m.group(1).lower()):
                if word in self._adjectives:
                    special.append(_Mention(m.start(), m.end(), self._adjectives[word]))
        taken = [(s.start, s.end) for s in special]
        plain = [
            _Mention(m.start(), m.end(), spec.key)
            for m, spec in self.matcher.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in taken)
        ]
        return sorted(special + plain, key=lambda x: (x.start, x.end))


@functools.cache
def _default_kb() -> SourceKB:
    return SourceKB.from_data(load_yaml("sources.yaml"))


def find_attributions(sentence: str, *, article_sources: Collection[str] = ()) -> list[Attribution]:
    """`SourceKB.find_attributions` with marsad's own knowledge base."""
    return _default_kb().find_attributions(sentence, article_sources=article_sources)


def canonical(name: str) -> str | None:
    """`SourceKB.canonical` with marsad's own knowledge base."""
    return _default_kb().canonical(name)


# "according to the local network Suwayda 24": a named source marsad does not know yet is
# still a source; it is kept as the text names it.
_UNKNOWN = re.compile(
    r"\b[Aa]ccording to (?:the |a |an )?(?:[a-z][\w-]* ){0,3}?"
    r"(?P<name>(?:[A-Z][\w'’.-]*|\d+)(?: (?:[A-Z][\w'’.-]*|\d+|of|for|on|and|al-\w+))*)"
)


# "بحسب شبكة الخابور المحلية فإن …": an outlet or body named after a lead, from the noun that
# says what it is, for up to four more words (folded text: offsets are the sentence's).
_ORG_AR = (r"(?:شبكه|موقع|وكاله|مركز|صحيفه|جريده|قناه|منظمه|مرصد|تجمع|مجموعه|حمله|منصه|اذاعه|تلفزيون|هيئه|"
           r"لجنه|رابطه|موسسه|وحده|فريق|مكتب|اتحاد|جمعيه|مجلس)")
_STOP_AR = r"(?:ان|بان|فان|لان|الذي|التي|حيث|بعد|قبل|عن|علي|الي|في|من|خلال|مع|منذ|ما|قد|كما|لكن)"
_UNKNOWN_AR = re.compile(
    rf"(?<![{ARABIC_LETTER}])[وف]?(?:بحسب|حسب|حسبما\s+\S+|وفق|وفقا\s*لـ?|طبقا\s*لـ?|نقلا\s+عن)\s*"
    rf"(?P<name>[لـ]*{_ORG_AR}[\u064b-\u0652]*(?:\s+(?!{_STOP_AR}(?![{ARABIC_LETTER}]))[^\s،,.؛:!?؟\"«»()]+){{0,4}})"
)


def unknown_attributions(sentence: str) -> list[str]:
    """Names after "according to" (Arabic: "بحسب", "وفقاً لـ" … an outlet or a body) that the
    knowledge base does not know."""
    kb = _default_kb()
    out = []
    for m in _UNKNOWN.finditer(sentence):
        name = re.sub(r"(?: (?:of|for|on|and))+$", "", m.group("name")).strip(" .")
        if len(name) >= 3 and kb.by_alias(name) is None and name not in out:
            out.append(name)
    if _HAS_ARABIC.search(sentence):
        for m in _UNKNOWN_AR.finditer(fold(sentence)):
            name = sentence[m.start("name"):m.end("name")].lstrip("لـ")
            if kb.by_alias(name) is None and not kb.named_in(name) and name not in out:
                out.append(name)
    return out


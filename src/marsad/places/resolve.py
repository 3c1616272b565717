"""Choose, for each toponym of a document, the place it means — or say it is unknown.

1. candidates: every gazetteer place with the name (plain-name or transliteration-key
   match); demonyms ("Syrian") map to their country.
2. prior: how likely a bare mention means this candidate — countries, capitals, admin1
   areas and big towns first; exact names over key-only matches.
3. context, in two passes: the confidently resolved toponyms give the document's
   countries and admin1 areas (plus any demonyms in the text and the caller's hint);
   every toponym is then re-scored with them, with the words around it ("Homs province",
   "near Palmyra") and with an explicit container ("Tripoli, Libya").
4. decision: a calibrated score in [0, 1]; under the threshold, or a small place abroad
   while the document is clearly about another country, the toponym stays unresolved
   (`Place(name=text)`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..records import Place
from .context import Cues, container_span, possessor_span, read_cues
from .gazetteer import Candidate, Gazetteer
from .names import has_admin_word, strip_admin_words

_IMPORTANT_CODES = frozenset({"PCLI", "CONT", "ADM1", "PPLC", "RGN", "OCN", "SEA", "GULF"})
_REGION_CODES = frozenset(
    {"PCLI", "CONT", "ADM1", "RGN", "OCN", "SEA", "GULF", "STRT", "PEN", "DSRT", "MTS", "STM", "PLAT", "AREA"}
)
_DISTRICT_WORD = re.compile(r"\b(?:county|district|co\.?)$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’])$")

Span = tuple[int, int] | tuple[int, int, str]


@dataclass
class DocContext:
    """What a document is about, as weights: countries, admin1 areas, resolved points."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[float, float]] = field(default_factory=list)
    # Countries named by what is unambiguous on its own (pass 1, demonyms, the caller's
    # hint): the evidence for "the document is about country X".
    anchors: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    own_anchor: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))

    def country_share(self, cc: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(cc, 0.0) / total if cc and total else 0.0

    def admin1_share(self, cc: str | None, a1: str | None) -> float:
        total = sum(self.admin1.values())
        return self.admin1.get((cc, a1), 0.0) / total if cc and a1 and total else 0.0

    def main_country(self) -> tuple[str | None, float, float]:
        """(country code, its share, its weight) of the dominant anchor country, if any."""
        if not self.anchors:
            return None, 0.0, 0.0
        cc, w = max(self.anchors.items(), key=lambda kv: kv[1])
        return cc, w / sum(self.anchors.values()), w


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def clean_name(text: str) -> str:
    """The name in a toponym span: "the Golan's" → "Golan"."""
    s = text.strip().strip('.,;:!?"“”()[]')
    s = _TRAIL.sub("", s)
    s = _LEAD.sub("", s)
    return " ".join(s.split())


def prior(c: Candidate) -> float:
    """How likely a bare mention of the name means `c`, in [0, ~1.2]."""
    pop = math.log10(max(c.population, 0) + 1) / 7.0
    code = c.feature_code
    if code == "PCLI":
        return 2.0
    if code == "CONT":
        return 1.6
    if c.geonameid < 0:
        return 0.85  # curated in place_aliases.yaml
    if code == "ADM1":
        return 0.72 + 0.1 * min(pop, 1.0)
    if code == "ADM2":
        return 0.2 + 0.2 * min(pop, 1.0)
    base = 0.2 + 0.7 * min(pop, 1.0)
    return base + {"PPLC": 0.25, "PPLA": 0.1, "PPLA2": 0.04}.get(code, 0.0)


_MATCH = {2: 1.0, 1: 0.85, 0: 0.6}


class PlaceResolver:
    """Resolves toponyms against a `Gazetteer`; `threshold` is the least score to accept."""

    def __init__(self, gazetteer: Gazetteer, *, threshold: float = 0.3) -> None:
        self.gaz = gazetteer
        self.threshold = threshold
        words = sorted(self.gaz.demonym_words(), key=len, reverse=True)
        self._demonym_re = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None

    # -- candidates ---------------------------------------------------------------

    def candidates(self, name: str, cues: Cues | None = None) -> list[Candidate]:
        """Candidates for a cleaned name; "Homs province" also looks up "Homs"."""
        cands = {c.geonameid: c for c in self.gaz.candidates(name)}
        if has_admin_word(name):
            stripped = strip_admin_words(name)
            if stripped and stripped != name:
                full_hit = any(c.match > 0 for c in cands.values())
                for c in self.gaz.candidates(stripped):
                    # "Suffolk County" is the county when the gazetteer knows it by that name.
                    cands.setdefault(c.geonameid, Candidate(**{**c.__dict__, "match": 0}) if full_hit else c)
        dem = self.gaz.demonym(name)
        if dem is not None:
            cands[dem.geonameid] = Candidate(**{**dem.__dict__, "match": 2})
        return list(cands.values())

    # -- scoring ------------------------------------------------------------------

    def _score(
        self,
        c: Candidate,
        name: str,
        cues: Cues,
        ctx: DocContext,
        container: Candidate | None,
        is_demonym: bool,
    ) -> float:
        base = 0.6 * prior(c) * _MATCH[c.match]
        # Context multiplies: it lifts a plausible candidate in the document's country or
        # province, but cannot make a hamlet beat the country of the same name.
        ctx_factor = 0.6 * ctx.country_share(c.country_code) + 0.5 * ctx.admin1_share(
            c.country_code, c.admin1_code
        )
        if ctx.points and c.latitude is not None and c.longitude is not None and not c.is_area:
            d = min(_km((c.latitude, c.longitude), p) for p in ctx.points)
            ctx_factor += 0.3 if d < 50 else 0.2 if d < 150 else 0.08 if d < 400 else 0.0
        s = base * (1.0 + ctx_factor)
        if is_demonym:
            s += 0.6 if c.feature_code in ("PCLI", "CONT") or c.geonameid < 0 else -0.3
        district = cues.district or bool(_DISTRICT_WORD.search(name))
        admin_named = cues.admin or has_admin_word(name)
        if admin_named:
            if c.feature_code == "ADM1" and not district:
                s += 0.5
            elif c.feature_code == "ADM2" and district:
                s += 0.5
            elif c.feature_class == "P":
                s -= 0.1
        if container is not None:
            inside = c.country_code == container.country_code and (
                container.feature_code != "ADM1" or c.admin1_code == container.admin1_code
            )
            s += 0.5 if inside else -0.6
        return s

    def _choose(
        self, name: str, cands: list[Candidate], cues: Cues, ctx: DocContext, container: Candidate | None
    ) -> tuple[Candidate | None, float]:
        if not cands:
            return None, 0.0
        is_dem = self.gaz.is_demonym(name)
        # A transliteration-key match alone is weak evidence: keep it only for important
        # places or inside a country the document is about.
        cands = [
            c
            for c in cands
            if c.match > 0
            or c.feature_code in _IMPORTANT_CODES
            or c.geonameid < 0
            or ctx.country_share(c.country_code) > 0.0
        ]
        if not cands:
            return None, 0.0
        scored = sorted(
            ((self._score(c, name, cues, ctx, container, is_dem), c) for c in cands),
            key=lambda sc: (sc[0], sc[1].population),
            reverse=True,
        )
        best_s, best = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        # Calibrated confidence: absolute support, plus a margin term.
        margin = best_s - second
        conf = 1.0 / (1.0 + math.exp(-6.0 * (best_s - 0.35))) * (0.75 + 0.25 * min(1.0, margin / 0.2 + 0.2))
        if self._foreign_and_obscure(best, name, ctx, container):
            return None, min(conf, 0.1)
        return best, round(max(0.0, min(1.0, conf)), 3)

    @staticmethod
    def _foreign_and_obscure(c: Candidate, name: str, ctx: DocContext, container: Candidate | None) -> bool:
        """A small place abroad while the document is clearly about one other country
        (mentions of this same name do not count as evidence for its own country)."""
        main, share, weight = ctx.main_country()
        if container is not None:
            # "Ayash, in Deir ez-Zor": a candidate outside its named container is wrong.
            return bool(container.country_code) and c.country_code != container.country_code
        if main is None or c.country_code == main:
            return False
        # A spelling-key match ("Al-Joura" ~ "Jura") is never famous enough to travel abroad.
        famous = c.match > 0 and (c.feature_code in _IMPORTANT_CODES or c.population >= 1_000_000)
        if famous or c.geonameid < 0:
            return False
        own = ctx.own_anchor.get((name, c.country_code or ""), 0.0)
        total = sum(ctx.anchors.values()) - own
        if total <= 0:
            return False
        # Its own country must be a real part of the story, not one passing mention
        # ("the earthquake in Turkey and Syria" does not put Ayash in Turkey).
        theirs = ctx.anchors.get(c.country_code or "", 0.0) - own
        if theirs / total >= 0.25:
            return False
        return weight >= 1.5 and weight >= 3 * theirs

    # -- public API ---------------------------------------------------------------

    def to_place(self, text: str, c: Candidate | None, score: float, cues: Cues) -> Place:
        if c is None or score < self.threshold:
            return Place(name=clean_name(text) or text, score=round(score, 3))
        return Place(
            name=c.name,
            geonameid=c.public_id,
            latitude=c.latitude,
            longitude=c.longitude,
            country=c.country,
            country_code=c.country_code,
            admin1=c.admin1 if c.feature_code != "ADM1" else c.name,
            admin2=c.admin2 if c.feature_code != "ADM2" else c.name,
            feature_code=c.feature_code,
            geo_precision=self.precision(c, cues),
            score=score,
        )

    @staticmethod
    def precision(c: Candidate, cues: Cues) -> int:
        """ACLED geo_precision for a chosen place and the cues around its mention."""
        if c.feature_code == "ADM2":
            return 2
        if c.feature_code in _REGION_CODES or c.feature_class in ("A", "L", "H", "T") and c.geonameid > 0:
            return 2 if cues.countryside or (cues.near and c.feature_code not in ("PCLI", "CONT")) else 3
        return 2 if cues.near else 1

    def resolve(
        self,
        name: str,
        *,
        country_hint: str | Iterable[str] | None = None,
        admin1_hint: tuple[str, str] | None = None,
        text: str | None = None,
        start: int | None = None,
    ) -> Place:
        """Resolve one name; optional hints stand in for the document's context.

        `text`/`start`: the document and the name's offset in it, to read cues such as
        "near" or "province" around it.
        """
        ctx = DocContext()
        for cc in [country_hint] if isinstance(country_hint, str) else (country_hint or ()):
            ctx.countries[cc] += 2.0
            ctx.anchors[cc] += 2.0
        if admin1_hint:
            ctx.admin1[admin1_hint] += 1.0
        cues = read_cues(text, start, start + len(name)) if text is not None and start is not None else Cues()
        cleaned = clean_name(name)
        best, score = self._choose(cleaned, self.candidates(cleaned, cues), cues, ctx, None)
        return self.to_place(name, best, score, cues)

    def resolve_all(
        self, text: str, spans: Sequence[Span], *, country_hint: str | None = None
    ) -> list[Place]:
        """One `Place` per span (start, end[, label]) of `text`, in the order given."""
        bounds = [(int(s[0]), int(s[1])) for s in spans]
        names = [clean_name(text[s:e]) for s, e in bounds]
        cues = [read_cues(text, s, e) for s, e in bounds]
        cands = [self.candidates(n, c) for n, c in zip(names, cues, strict=True)]
        containers = [
            container_span(text, e, bounds)
            if container_span(text, e, bounds) is not None
            else possessor_span(text, s, bounds)
            for s, e in bounds
        ]

        # Pass 1: context from what is unambiguous on its own.
        ctx = DocContext()
        if country_hint:
            ctx.countries[country_hint] += 2.0
            ctx.anchors[country_hint] += 2.0
        if self._demonym_re is not None:
            for m in self._demonym_re.finditer(text):
                d = self.gaz.demonym(m.group(1))
                if d is not None and d.country_code:
                    ctx.countries[d.country_code] += 0.5
                    ctx.anchors[d.country_code] += 0.5
        empty = DocContext()
        first: list[tuple[Candidate | None, float]] = []
        for n, cu, cs in zip(names, cues, cands, strict=True):
            best, conf = self._choose(n, cs, cu, empty, None)
            first.append((best, conf))
            if best is not None and conf >= 0.6:
                self._add(ctx, best, 1.0)
                if best.country_code:
                    w = 1.0 if best.feature_code in _IMPORTANT_CODES or best.population >= 100_000 else 0.5
                    ctx.anchors[best.country_code] += w
                    ctx.own_anchor[(n, best.country_code)] += w

        # Pass 2 and 3: re-score everything with the document's context; the second
        # round also counts what the first one settled.
        result: list[tuple[Candidate | None, float]] = first
        for _round in range(2):
            resolved: list[tuple[Candidate | None, float]] = []
            for i, (n, cu, cs) in enumerate(zip(names, cues, cands, strict=True)):
                cont_i = containers[i]
                container = result[cont_i][0] if cont_i is not None else None
                resolved.append(self._choose(n, cs, cu, ctx, container))
            result = resolved
            ctx2 = DocContext()
            if country_hint:
                ctx2.countries[country_hint] += 2.0
            for best, conf in result:
                if best is not None and conf >= self.threshold:
                    self._add(ctx2, best, conf)
            ctx = self._merge(ctx, ctx2)
        return [
            self.to_place(text[s:e], b, sc, cu)
            for (s, e), (b, sc), cu in zip(bounds, result, cues, strict=True)
        ]

    @staticmethod
    def _add(ctx: DocContext, c: Candidate, w: float) -> None:
        if c.country_code:
            ctx.countries[c.country_code] += w
        if c.country_code and c.admin1_code and c.feature_code != "PCLI":
            ctx.admin1[(c.country_code, c.admin1_code)] += w
        if c.latitude is not None and c.longitude is not None and not c.is_area:
            ctx.points.append((c.latitude, c.longitude))

    @staticmethod
    def _merge(a: DocContext, b: DocContext) -> DocContext:
        out = DocContext()
        for cc, w in a.countries.items():
            out.countries[cc] += 0.5 * w
        for cc, w in b.countries.items():
            out.countries[cc] += w
        for k, w in a.admin1.items():
            out.admin1[k] += 0.5 * w
        for k, w in b.admin1.items():
            out.admin1[k] += w
        out.points = list(dict.fromkeys(a.points + b.points))
        out.anchors = a.anchors
        out.own_anchor = a.own_anchor
        return out

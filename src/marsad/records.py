"""The records that flow between pipeline stages, one frozen dataclass each.

Field names and meanings of `Article`, `Event` and `Claim` are the contract in DESIGN.md:
exports write them as they are (see `as_dict`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from the defining parts of a record (sha1, hex, truncated)."""
    h = hashlib.sha1()
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class RawDocument:
    """One input document before cleaning.

    doc_id: sha1 of the content (and of the JSON record's fields for .json/.jsonl input),
        so re-ingesting the same bytes is a no-op.
    origin: the path or URL it came from; "<stdin>" for standard input; a record of a JSON
        feed is its url, else "path#<its id field>", else "path#<content id>". A new
        document with the origin of a stored one is a changed version that supersedes it.
    kind: "txt", "html" or "json" — how `segment` should read `text`.
    text: the decoded content (HTML stays HTML).
    title, url, published, outlet: metadata given with the document (JSON fields), or None.
    encoding: the character encoding the bytes were decoded with.
    """

    doc_id: str
    origin: str
    kind: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Article:
    """A clean news article: one of possibly several in a document.

    article_id: sha1 of the document id, the article's position in it and its clean text.
    published: publication date as YYYY-MM-DD, or None when the text and metadata don't fix it.
    language: ISO 639-1 code ("en", "ar", …) or "und".
    text: the clean body: no repeated title, no captions or credits, no site chrome.
    captions: photo captions found and set aside (never part of `text`).
    """

    article_id: str
    doc_id: str
    origin: str
    title: str | None
    published: str | None
    outlet: str | None
    language: str
    text: str
    captions: tuple[str, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A character span of an article's clean text: `text == article.text[start:end]`."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Place:
    """A resolved (or knowingly unresolved) location.

    geonameid/latitude/longitude are None when the name could not be resolved with
    confidence: `name` then keeps the text as written.
    geo_precision: ACLED's code — 1 the named town, 2 near a town / part of a region,
        3 only a region (coded to its capital or centroid).
    feature_code: GeoNames feature code (PPL, PPLA, ADM1, PCLI, …) or None.
    score: the resolver's confidence in [0, 1].
    """

    name: str
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None
    geo_precision: int | None = None
    score: float = 0.0


@dataclass(frozen=True)
class FatalityReport:
    """One figure for one event: who gives it (a canonical source, or None when the report
    names none) and in which article. Conflicting figures are all kept; the event's
    `fatalities` is the lowest (ACLED's conservative rule)."""

    fatalities: int
    source: str | None
    article_id: str


@dataclass(frozen=True)
class Event:
    """One coded event, in ACLED's field semantics (see DESIGN.md, "event")."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    time_precision: int | None
    actor1: str | None
    assoc_actor_1: tuple[str, ...]
    inter1: str | None
    actor2: str | None
    assoc_actor_2: tuple[str, ...]
    inter2: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geonameid: int | None
    fatalities: int | None
    sources: tuple[str, ...]
    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    modality: str = "occurred"
    notes: str = ""
    fatality_reports: tuple[FatalityReport, ...] = ()
    # The articles this event is the main event of (the one their headline and lede report),
    # and the outlets of the articles that report it.
    main_for: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A numeric claim: `quantity` `unit` of `subject`, at `place`, on `date`, per `source`.

    unit: what is counted, as written ("military posts"); unit_class: the unit in a small
        vocabulary (`claims.UNIT_CLASSES`: positions, fighters, vehicles, deaths, …, other).
    subject: the canonical actor the count is about, or None.
    place: the toponym the claim is nearest to, as resolved (its name; the text when
        unresolved), with its country, admin1, point and GeoNames id (None when unknown).
    date, date_precision: the claim's own date when its sentence states one (ACLED's
        time_precision: 1 day, 2 week, 3 month); else the article's publication date with
        precision 2 (what a report counts holds around the time it was published); None
        when neither is known.
    source: the canonical source the sentence attributes the count to, or None.
    """

    claim_id: str
    article_id: str
    quantity: float
    unit: str
    subject: str | None
    place: str | None
    admin1: str | None
    source: str | None
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    unit_class: str = "other"
    date: str | None = None
    date_precision: int | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None


def as_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data: tuples become lists, nested records dicts."""
    out = dataclasses.asdict(record)

    def plain(v: Any) -> Any:
        if isinstance(v, tuple | list):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        return v

    return {k: plain(v) for k, v in out.items()}

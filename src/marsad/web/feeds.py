"""A watch's alerts as feeds any reader can follow: Atom 1.0 (RFC 4287) and JSON Feed 1.1."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlencode

from .. import __version__
from ..store.watches import Watch, filter_to_json

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"
# XML 1.0 has no place for control characters or lone surrogates, which article text can carry.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def page_url(base: str, watch: Watch) -> str:
    """The workbench showing the watch's filter (the page reads its filter from the query string)."""
    query = urlencode(filter_to_json(watch.filter), doseq=True)
    return base + ("?" + query if query else "?all")


def _title(a: dict[str, Any]) -> str:
    message = str(a["message"])
    return f"{a['watch']}: " + (message if len(message) <= 120 else message[:119] + "…")


def _text(a: dict[str, Any]) -> str:
    lines = [str(a["message"])]
    if a["events"]:
        lines.append("Events: " + ", ".join(a["events"]))
    if a["claims"]:
        lines.append("Claims: " + ", ".join(a["claims"]))
    return "\n".join(lines)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    e = ET.SubElement(parent, tag, attrs)
    if text is not None:
        e.text = _NOT_XML.sub("\ufffd", text)
    return e


def atom(watch: Watch, alerts: list[dict[str, Any]], *, base: str, subtitle: str) -> bytes:
    """The feed, newest alert first; `base` is the server's root URL ending in '/'."""
    page = page_url(base, watch)
    feed = ET.Element("feed", xmlns=ATOM)  # plain names under one default namespace
    _el(feed, "id", f"urn:uuid:{watch.uid}")
    _el(feed, "title", f"marsad watch: {watch.name}")
    _el(feed, "subtitle", subtitle)
    _el(feed, "updated", max([watch.created_at, *(a["created_at"] for a in alerts)]))
    _el(_el(feed, "author"), "name", "marsad")
    _el(feed, "generator", "marsad", version=__version__)
    _el(feed, "link", rel="self", type="application/atom+xml", href=f"{base}api/watches/{watch.watch_id}/feed")
    _el(feed, "link", rel="alternate", type="text/html", href=page)
    for a in reversed(alerts):
        entry = _el(feed, "entry")
        _el(entry, "id", a["id"])
        _el(entry, "title", _title(a))
        _el(entry, "updated", a["created_at"])
        _el(entry, "published", a["created_at"])
        _el(entry, "category", term=a["rule"])
        _el(entry, "link", rel="alternate", type="text/html", href=page)
        for event_id in a["events"][:20]:  # each event's record, evidence and articles
            _el(entry, "link", rel="related", type="application/json", href=f"{base}api/events/{event_id}")
        _el(entry, "content", _text(a), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def json_feed(watch: Watch, alerts: list[dict[str, Any]], *, base: str, subtitle: str) -> dict[str, Any]:
    """The same feed as JSON Feed 1.1; marsad's own fields go under `_marsad`, as the spec asks."""
    page = page_url(base, watch)
    return {
        "version": JSON_FEED, "title": f"marsad watch: {watch.name}", "description": subtitle,
        "home_page_url": page, "feed_url": f"{base}api/watches/{watch.watch_id}/feed.json",
        "authors": [{"name": "marsad"}],
        "items": [{"id": a["id"], "url": page, "title": _title(a), "content_text": _text(a),
                   "date_published": a["created_at"], "tags": [a["rule"]],
                   "_marsad": {k: a[k] for k in ("alert_id", "watch_id", "rule", "details", "events", "claims")}}
                  for a in reversed(alerts)],
    }

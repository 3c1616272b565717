"""HTML pages → main text and metadata, with trafilatura (text) and htmldate (date)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import htmldate
import trafilatura
from lxml import html as lxml_html

from ..errors import InvalidInput


@dataclass(frozen=True)
class Page:
    text: str  # paragraphs separated by blank lines
    title: str | None
    published: str | None  # from the page's metadata only, never guessed from its text
    outlet: str | None
    captions: tuple[str, ...]


def read_html(html: str, origin: str) -> Page:
    try:
        tree = lxml_html.fromstring(html)
    except Exception as e:  # lxml raises several types for broken markup
        raise InvalidInput(origin, f"malformed HTML: {e}") from e
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False)
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        # Pages too small for trafilatura's heuristics: fall back to the visible paragraphs.
        text = "\n".join(p.text_content() for p in tree.iter("p", "h1", "h2"))
    if not text.strip():
        raise InvalidInput(origin, "HTML page has no readable text")
    captions = tuple(re.sub(r"\s+", " ", c.text_content()).strip() for c in tree.iter("figcaption"))
    try:
        published = htmldate.find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort; a page without a date is normal
        published = None
    paras = "\n\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
    return Page(
        text=paras,
        title=(getattr(doc, "title", None) or None),
        published=published,
        outlet=(getattr(doc, "sitename", None) or None),
        captions=tuple(c for c in captions if c),
    )

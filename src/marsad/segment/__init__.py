"""Stage 2, clean and segment: a raw document → one or more clean articles.

1. HTML pages: main text and metadata via trafilatura/htmldate (`html`).
2. Split glued articles (`clean.split_glued`).
3. Per article: title, body, captions, chrome, bylines (`clean.clean_part`).
4. Publication date: metadata first, else the dateline, ambiguity settled by the body (`pubdate`).
5. Outlet and language.
"""

from __future__ import annotations

from urllib.parse import urlparse

from .. import pubdate
from ..errors import InvalidInput
from ..records import Article, RawDocument, content_id
from . import clean, language


def segment(doc: RawDocument) -> list[Article]:
    """A raw document → its clean articles. Raises InvalidInput when nothing readable remains."""
    text, title, published, outlet = doc.text, doc.title, doc.published, doc.outlet
    captions: tuple[str, ...] = ()
    if doc.kind == "html":
        # Here, not at the top: trafilatura and htmldate take a quarter of a second to import,
        # which a run of plain-text documents (and every command that segments nothing) need not pay.
        from . import html

        page = html.read_html(doc.text, doc.origin)
        text, captions = page.text, page.captions
        title = title or page.title
        published = published or page.published
        outlet = outlet or page.outlet
    parts = clean.split_glued(text) if title is None else [clean.blocks(text)]
    articles = []
    for index, part in enumerate(parts):
        cleaned = clean.clean_part(part, title=title if len(parts) == 1 else None)
        paragraphs = list(cleaned.body)
        lead = None
        if paragraphs:
            first, lead = clean.strip_lead(paragraphs[0], cleaned.title)
            paragraphs[0] = first.strip()
            wire = None if lead is not None else \
                pubdate.agency_dateline(paragraphs[0]) or pubdate.stamp_dateline(paragraphs[0])
            if wire is not None:
                # "<the site's summary> AFP Tuesday 6 Aug 2013 <the wire story>", "<a photo
                # credit> 17:30 28.04.2017 <the story>": the dateline ends one paragraph and
                # starts the next.
                lead, at, end = wire
                paragraphs[0:1] = [paragraphs[0][:at].strip(), paragraphs[0][end:].strip()]
        elif cleaned.title:
            # A headline-only wire item, or a one-sentence report taken for a title: the
            # line is all the report there is, so it is the text too.
            paragraphs = [cleaned.title]
        glued: list[str] = []
        for k, para in enumerate(paragraphs):
            paragraphs[k], cut = clean.cut_glued_captions(clean.cut_tag_runs(para))
            glued.extend(cut)
        body = "\n\n".join(p for p in paragraphs if p)
        if not body.strip():
            continue
        date = pubdate.from_metadata(published, paragraphs) if published else None
        if date is None and not published:
            date, _line = pubdate.find_published(cleaned.meta_lines, paragraphs)
            if date is None and lead is not None:
                date = pubdate.decide(lead, paragraphs)
        articles.append(Article(
            article_id=content_id(doc.doc_id, index, body),
            doc_id=doc.doc_id,
            origin=doc.origin,
            title=cleaned.title,
            published=date.isoformat() if date else None,
            outlet=outlet or cleaned.outlet or _domain(doc.url),
            language=language.detect(body),
            text=body,
            captions=tuple(dict.fromkeys((*captions, *cleaned.captions, *glued))),
            url=doc.url,
        ))
    if not articles:
        raise InvalidInput(doc.origin, "no article text found (only titles, captions or site chrome)",
                           stage="segment")
    return articles


def _domain(url: str | None) -> str | None:
    """The site a URL belongs to, as the outlet of last resort."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None

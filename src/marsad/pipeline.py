"""The pipeline, stage by stage — this module reads like the table of contents.

1. ingest   — files, folders, stdin → raw documents (`ingest`)
2. segment  — raw document → clean articles (`segment`)
3–8. code   — articles → events and claims: annotate, places, actors, dates, events,
              claims (`events.code.EventCoder`, optional: without it only articles are stored)
9. link     — same event from several reports → one event (`link`, inside the store)
10. store   — one transaction per document (`store`)
11. watch   — saved watches look at what was stored; what fires is an alert (`watches`)

Library calls raise; `ingest_paths`, the batch runner, records a rejection for a bad
document (which document, which stage, why) and goes on with the next. An unexpected
error in one document's processing — a bug marsad has not met yet — is that document's
rejection too, never the end of the batch. Only the store failing (a full disk, a locked
or broken database) ends it, since nothing more could be stored.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tqdm import tqdm

from .errors import InvalidInput, MarsadError, StoreError
from .ingest import read_paths
from .records import Article, Claim, Event, RawDocument
from .segment import segment
from .store.base import Store
from .watches import run as run_watches

BATCH = 16  # documents coded together: the language model is fastest on batches


class Coder(Protocol):
    """Stages 3–8: articles in, events and claims out (see `events.code`)."""

    def code(self, articles: Sequence[Article]) -> tuple[list[Event], list[Claim]]: ...


@dataclass(frozen=True)
class Rejection:
    document: str
    stage: str
    reason: str


@dataclass
class Summary:
    """What a batch did, for the CLI to print."""

    documents: int = 0
    articles: int = 0
    events: int = 0
    claims: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    interrupted: bool = False
    events_total: int | None = None  # events in the store after the batch
    alerts: list[dict[str, Any]] = field(default_factory=list)  # raised by the watches (marsad.watches)


def process(doc: RawDocument, coder: Coder | None) -> tuple[list[Article], list[Event], list[Claim]]:
    """One raw document through every stage before storage."""
    articles = segment(doc)
    if coder is None:
        return articles, [], []
    events, claims = coder.code(articles)
    return articles, events, claims


Coded = tuple[RawDocument, list[Article], list[Event], list[Claim]]


def _code(ready: list[tuple[RawDocument, list[Article]]], coder: Coder | None,
          reject: Callable[[str, str, str, str], None]) -> list[Coded]:
    """Code a batch of documents' articles in one pass of the language model (it is fastest
    on batches); if that fails, document by document, so one bad document is rejected alone."""
    if coder is None:
        return [(doc, arts, [], []) for doc, arts in ready]
    try:
        events, claims = coder.code([a for _, arts in ready for a in arts])
    except Exception:  # which document failed is found below, one by one
        out: list[Coded] = []
        for doc, arts in ready:
            try:
                ev, cl = coder.code(arts)
            except Exception as e:  # this document's rejection, not the batch's end
                reject(doc.origin, "code", _reason(e), doc.doc_id)
                continue
            out.append((doc, arts, ev, cl))
        return out
    owner = {a.article_id: doc.doc_id for doc, arts in ready for a in arts}
    return [(doc, arts, [e for e in events if owner.get(e.article_ids[0]) == doc.doc_id],
             [c for c in claims if owner.get(c.article_id) == doc.doc_id]) for doc, arts in ready]


def _reason(e: Exception) -> str:
    """A rejection's reason: marsad's own message, or what an unexpected error was."""
    if isinstance(e, MarsadError):
        return str(e)
    return f"unexpected error ({type(e).__name__}: {e}); please report it with this document"


def _batches(items: Iterable[RawDocument | InvalidInput], size: int) -> Iterator[list[RawDocument | InvalidInput]]:
    batch: list[RawDocument | InvalidInput] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(paths: Iterable[str], store: Store, *, coder: Coder | None = None,
                 progress: bool | None = None, stdin: object = None) -> Summary:
    """Read, process and store every document under `paths`; bad documents are reported, not fatal."""
    summary = Summary()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit="doc", disable=not show, file=sys.stderr, desc="ingest")

    def reject(document: str, stage: str, reason: str, version: str = "") -> None:
        # A name or reason may carry what no UTF-8 text can (a lone surrogate from JSON).
        document, reason = (x.encode("utf-8", "backslashreplace").decode("utf-8") for x in (document, reason))
        summary.rejected.append(Rejection(document, stage, reason))
        store.add_rejection(document, stage, reason, version)

    try:
        for batch in _batches(read_paths(paths, stdin=stdin), BATCH):
            ready: list[tuple[RawDocument, list[Article]]] = []
            for item in batch:
                bar.update(1)
                summary.documents += 1
                if isinstance(item, InvalidInput):
                    reject(item.document, item.stage, item.reason, item.version)
                elif store.has_document(item.doc_id):
                    summary.duplicates += 1
                else:
                    try:
                        ready.append((item, segment(item)))
                    except InvalidInput as e:
                        reject(item.origin, e.stage, e.reason, item.doc_id)
                    except Exception as e:  # this document's rejection, not the batch's end
                        reject(item.origin, "segment", _reason(e), item.doc_id)
            for doc, articles, events, claims in _code(ready, coder, reject):
                try:
                    stored = store.add_document(doc, articles, events, claims)
                except (StoreError, sqlite3.Error):
                    raise
                except Exception as e:  # the document rolled back alone
                    reject(doc.origin, "store", _reason(e), doc.doc_id)
                    continue
                if not stored.new:
                    summary.duplicates += 1  # stored meanwhile: earlier in this batch, or by another ingest
                summary.articles += stored.articles
                summary.events += stored.events
                summary.claims += stored.claims
    except KeyboardInterrupt:
        # The document being stored rolled back with its transaction; a re-run completes the batch.
        summary.interrupted = True
    except sqlite3.Error as e:
        raise StoreError(f"the database failed ({e}); what was stored before is complete,"
                         " run the same command again once it is fixed") from e
    finally:
        bar.close()
    summary.events_total = store.counts()["events"]
    summary.alerts = run_watches(store)  # the watches look at what was stored since they last looked
    return summary

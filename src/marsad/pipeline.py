"""The pipeline, stage by stage — this module reads like the table of contents.

1. ingest   — files, folders, stdin → raw documents (`ingest`)
2. segment  — raw document → clean articles (`segment`)
3–8. code   — articles → events and claims: annotate, places, actors, dates, events,
              claims (`events.code.EventCoder`, optional: without it only articles are stored)
9. link     — same event from several reports → one event (`link`, inside the store)
10. store   — one transaction per document (`store`)
11. watch   — saved watches look at what was stored; what fires is an alert (`watches`)

Stages 2–8 of a batch of documents are one pure function (`code_batch`), which the batch
runner runs in this process or in worker processes (`parallel`, `--workers N`); storing
is always this process's, in input order.

Library calls raise; `ingest_paths`, the batch runner, records a rejection for a bad
document (which document, which stage, why) and goes on with the next. An unexpected
error in one document's processing — a bug marsad has not met yet — is that document's
rejection too, never the end of the batch. Only the store failing (a full disk, a locked
or broken database) ends it, since nothing more could be stored.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tqdm import tqdm

from .errors import InvalidInput, MarsadError, StoreError
from .ingest import read_paths
from .records import Article, Claim, Event, RawDocument
from .segment import language, segment
from .store.base import Store, database_errors
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


@dataclass(frozen=True)
class Refused:
    """A document refused before storage — which, at which stage, why, and which version
    of it (its content id) — as `code_batch` returns it, to be recorded by the writer."""

    document: str
    stage: str
    reason: str
    version: str = ""


def code_batch(docs: Sequence[RawDocument], coder: Coder | None) -> list[Coded | Refused]:
    """Stages 2–8 for a batch of documents: segment each, then code all their articles in
    one pass. Pure: nothing is stored, a document that fails is `Refused` and the others go
    on, and the result is plain picklable records. The single-process ingest and the worker
    processes of `marsad.parallel` both run this, so they code alike."""
    out: list[Coded | Refused] = []
    ready: list[tuple[RawDocument, list[Article]]] = []
    for doc in docs:
        try:
            ready.append((doc, segment(doc)))
        except InvalidInput as e:
            out.append(Refused(doc.origin, e.stage, e.reason, doc.doc_id))
        except Exception as e:  # this document's rejection, not the batch's end
            out.append(Refused(doc.origin, "segment", _reason(e), doc.doc_id))
    return out + _code(ready, coder)


def _code(ready: list[tuple[RawDocument, list[Article]]], coder: Coder | None) -> list[Coded | Refused]:
    """Code a batch of documents' articles in one pass of the language model (it is fastest
    on batches); if that fails, document by document, so one bad document is rejected alone."""
    if coder is None:
        return [(doc, arts, [], []) for doc, arts in ready]
    try:
        events, claims = coder.code([a for _, arts in ready for a in arts])
    except Exception:  # which document failed is found below, one by one
        out: list[Coded | Refused] = []
        for doc, arts in ready:
            try:
                ev, cl = coder.code(arts)
            except Exception as e:  # this document's rejection, not the batch's end
                out.append(Refused(doc.origin, "code", _reason(e), doc.doc_id))
                continue
            out.append((doc, arts, ev, cl))
        return out
    owner = {a.article_id: doc.doc_id for doc, arts in ready for a in arts}
    return [(doc, arts, [e for e in events if owner.get(e.article_ids[0]) == doc.doc_id],
             [c for c in claims if owner.get(c.article_id) == doc.doc_id]) for doc, arts in ready]


def load_event_coder() -> Coder | None:
    """Stages 3–8 loaded (`EventCoder.load()`), or None where event coding is not installed
    in this build. A top-level function, so a worker process can be told to call it."""
    try:
        from .events.code import EventCoder
    except ImportError:
        return None
    # The documents this coder will code are segmented first, which identifies their
    # language: that model loads in the background while the coder's models load here.
    language.preload()
    return EventCoder.load()


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
                 progress: bool | None = None, stdin: object = None, workers: int = 1,
                 load_coder: Callable[[], Coder | None] | None = None, cluster: Any = None) -> Summary:
    """Read, process and store every document under `paths`; bad documents are reported, not fatal.

    `coder` codes events (None and no `load_coder`: articles only). `workers` > 1 codes
    batches in that many processes (`marsad.parallel`) while this one alone writes, in input
    order, so the database is the same as with one; each worker builds its own coder with
    `load_coder`, a picklable function (default: the coder's class's `load`, as
    `EventCoder.load`). Given `load_coder` and no `coder`, this process builds one only when
    it codes a batch itself. Given a Dask `cluster` (a `distributed.Client`, see
    `marsad.cluster`), its workers code every batch, each with a coder from `load_coder`."""
    from .parallel import coded_in_order  # it imports this module

    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    if load_coder is None and coder is not None and workers > 1:
        load_coder = getattr(type(coder), "load", None)
        if load_coder is None:
            raise ValueError("workers > 1 needs load_coder: a function a worker process calls to build its coder")
    summary = Summary()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit="doc", disable=not show, file=sys.stderr, desc="ingest")
    # Content ids sent to be coded in this run and not stored (yet, or ever: rejected). A
    # copy of one later in the input is a duplicate whether or not its batch is back from
    # coding, so one process or several count and code the same documents.
    pending: set[str] = set()

    def reject(document: str, stage: str, reason: str, version: str = "") -> None:
        # A name or reason may carry what no UTF-8 text can (a lone surrogate from JSON).
        document, reason = (x.encode("utf-8", "backslashreplace").decode("utf-8") for x in (document, reason))
        summary.rejected.append(Rejection(document, stage, reason))
        store.add_rejection(document, stage, reason, version)

    def to_code(batch: list[RawDocument | InvalidInput]) -> list[RawDocument]:
        """The batch's documents to code: read, and neither stored nor sent already."""
        docs = []
        for item in batch:
            if isinstance(item, RawDocument) and item.doc_id not in pending and not store.has_document(item.doc_id):
                pending.add(item.doc_id)
                docs.append(item)
        return docs

    try:
        with contextlib.closing(coded_in_order(_batches(read_paths(paths, stdin=stdin), BATCH), to_code,
                                               workers=workers, coder=coder, load_coder=load_coder,
                                               cluster=cluster)) as results:
            for batch, docs, outcomes in results:
                sent = {id(d) for d in docs}
                for item in batch:
                    summary.documents += 1
                    if isinstance(item, InvalidInput):
                        reject(item.document, item.stage, item.reason, item.version)
                    elif id(item) not in sent:
                        summary.duplicates += 1
                for out in outcomes:
                    if isinstance(out, Refused):
                        reject(out.document, out.stage, out.reason, out.version)
                        continue
                    doc, articles, events, claims = out
                    try:
                        stored = store.add_document(doc, articles, events, claims)
                    except StoreError:
                        raise
                    except database_errors():  # the database itself failed: nothing more can be stored
                        raise
                    except Exception as e:  # the document rolled back alone
                        reject(doc.origin, "store", _reason(e), doc.doc_id)
                        continue
                    pending.discard(doc.doc_id)  # the store knows it now
                    if not stored.new:
                        summary.duplicates += 1  # stored meanwhile, by another ingest
                    summary.articles += stored.articles
                    summary.events += stored.events
                    summary.claims += stored.claims
                bar.update(len(batch))
    except KeyboardInterrupt:
        # The document being stored rolled back with its transaction; a re-run completes the batch.
        summary.interrupted = True
    except database_errors() as e:
        raise StoreError(f"the database failed ({e}); what was stored before is complete,"
                         " run the same command again once it is fixed") from e
    finally:
        bar.close()
    summary.events_total = store.counts()["events"]
    summary.alerts = run_watches(store)  # the watches look at what was stored since they last looked
    return summary

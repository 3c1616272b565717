"""What the pipeline needs from a database, so another backend (PostgreSQL) can stand in."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..records import Article, Claim, Event, RawDocument


def database_errors() -> tuple[type[Exception], ...]:
    """What a failing database raises, whichever backend: the batch runner stops on these (a
    full disk, a lost server), rather than rejecting one document after another.

    psycopg's errors only once psycopg is imported (by a PostgreSQL store): none can be
    raised before, and importing it took a tenth of a second of every command's start."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error, psycopg.Error) if psycopg is not None else (sqlite3.Error,)


def stream(db: Any, sql: str, params: Sequence[Any] = ()) -> Iterable[Any]:
    """The rows of a query that may return every row of a table (an export), a batch at a time:
    SQLite steps through them anyway; PostgreSQL would otherwise send them all at once."""
    return db.stream(sql, params) if hasattr(db, "stream") else db.execute(sql, params)


@dataclass(frozen=True)
class StoredDocument:
    """What `add_document` did: stored, or skipped because the content was already there."""

    doc_id: str
    new: bool
    articles: int
    events: int
    claims: int


class Store(Protocol):
    def has_document(self, doc_id: str) -> bool: ...

    def add_document(self, doc: RawDocument, articles: Sequence[Article], events: Sequence[Event],
                     claims: Sequence[Claim]) -> StoredDocument:
        """Store a document and everything derived from it in one transaction."""
        ...

    def add_rejection(self, document: str, stage: str, reason: str, version: str = "") -> None:
        """Record why a document was refused, once per version of it (re-runs add nothing)."""
        ...

    def articles(self) -> Iterator[dict[str, Any]]: ...

    def events(self, *, modality: str | None = "occurred") -> Iterator[dict[str, Any]]: ...

    def claims(self) -> Iterator[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...

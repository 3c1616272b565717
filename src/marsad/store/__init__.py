"""Stage 10, store: the `Store` interface the pipeline writes to, and its SQLite implementation."""

from __future__ import annotations

from .base import Store, StoredDocument
from .sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "Store", "StoredDocument", "open_store"]

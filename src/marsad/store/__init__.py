"""Stage 10, store: the `Store` interface the pipeline writes to, over SQLite (the embedded
default) or PostgreSQL (`open_store("postgresql://…")`)."""

from __future__ import annotations

from .base import Store, StoredDocument
from .sql import SQLStore
from .sqlite import SQLiteStore, open_store

__all__ = ["SQLStore", "SQLiteStore", "Store", "StoredDocument", "open_store"]

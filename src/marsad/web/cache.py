"""Results of the expensive reads (facets, timeline, map points, counts), kept per data version.

A key holds the database's `data_version` (bumped by triggers on every write: ingest,
corrections, reviews, even from another process), so a result is served only while the data it
was computed from is still the data. The version is read before the result is computed: a
result can only be newer than its key, never older.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class ResultCache:
    """A small thread-safe LRU of computed results; `enabled=False` computes every time."""

    def __init__(self, size: int = 256, *, enabled: bool = True) -> None:
        self.size = size
        self.enabled = enabled
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self._version = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: int, compute: Callable[[], T]) -> T:
        full = (version, key)
        if version > self._version:  # results of older data are never served again: drop them
            with self._lock:
                self._version = version
                for k in [k for k in self._items if k[0] < version]:
                    del self._items[k]
        if self.enabled:
            with self._lock:
                if full in self._items:
                    self._items.move_to_end(full)
                    self.hits += 1
                    return self._items[full]
        value = compute()  # outside the lock: two requests may compute the same thing once each
        with self._lock:
            self.misses += 1
            if self.enabled:
                self._items[full] = value
                self._items.move_to_end(full)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

"""Language of an article (ISO 639-1), so non-English articles are stored and marked.

py3langid loads its model (an LZMA-compressed array file) at its first use: about half a
second to a second, most of it decompressing, which runs outside the GIL. `preload` starts
that load in a background thread, so that a process that is about to load its other models
(`EventCoder.load`) gets this one in the meantime; `detect` waits for it if it is not done.
The model and its answers are py3langid's own either way.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

_lock = threading.Lock()
_classify: Callable[[str], tuple[Any, float]] | None = None


def _load() -> Callable[[str], tuple[Any, float]]:
    global _classify
    with _lock:
        if _classify is None:
            import py3langid  # here: it imports numpy, which most commands never need

            py3langid.classify("")  # loads the model
            _classify = py3langid.classify
    return _classify


def preload() -> None:
    """Load the language model in a background thread (see the module docstring)."""
    if _classify is None and not _lock.locked():
        threading.Thread(target=_load, name="marsad-language-model", daemon=True).start()


def _after_fork_in_child() -> None:
    # A child forked while the thread loaded would inherit a lock no thread will release: it
    # gets a fresh one, and loads the model itself if the parent had not finished.
    global _lock
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def detect(text: str) -> str:
    sample = text[:2000]
    if len(sample.strip()) < 20:
        return "und"
    lang, _score = (_classify or _load())(sample)
    return str(lang)

"""JSON Lines: one record per line, every field of the contract as it is."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from .written import Written


def write(records: Iterable[dict[str, Any]], out: TextIO, what: str) -> Written:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return Written(n)

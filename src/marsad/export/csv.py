"""CSV with the contract's field names; lists of names joined with "; ", nested records as JSON.
An event with no date says so in its notes (`export.notes`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from .columns import BY_KIND
from .notes import export_notes
from .written import Written


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat_claim(c: dict[str, Any]) -> dict[str, Any]:
    """A claim with its evidence as plain columns: the sentence and its span in the article."""
    ev = (c.get("evidence") or [{}])[0]
    return {**c, "evidence": ev.get("text"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end")}


def write(records: Iterable[dict[str, Any]], out: TextIO, what: str) -> Written:
    columns = BY_KIND[what]
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    n = 0
    for r in records:
        if what == "claims":
            r = flat_claim(r)
        elif what == "events":
            r = {**r, "notes": export_notes(r)}
        w.writerow([cell(r.get(c)) for c in columns])
        n += 1
    return Written(n)

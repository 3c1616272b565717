"""Stage 9, link: reports of the same event become one event, every report kept as evidence.

Event ids come from the defining parts of an event (type, date, place, main actor), so the
same event coded from two articles gets the same id; `merge` then unites their evidence.
"""

from __future__ import annotations

from typing import Any


def _union(a: list[Any], b: list[Any]) -> list[Any]:
    out = list(a)
    for x in b:
        if x not in out:
            out.append(x)
    return out


def merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Two codings of one event → one: evidence, articles and sources united; the lowest
    reported fatality figure kept (ACLED's conservative rule), every figure noted."""
    out = dict(old)
    for key in ("article_ids", "evidence", "sources", "assoc_actor_1", "assoc_actor_2"):
        out[key] = _union(old.get(key) or [], new.get(key) or [])
    reported = _union(old.get("fatality_reports") or [], new.get("fatality_reports") or [])
    out["fatality_reports"] = reported
    figures = [r["fatalities"] for r in reported]
    figures += [f for f in (old.get("fatalities"), new.get("fatalities")) if f is not None and not reported]
    out["fatalities"] = min(figures) if figures else None
    for key, value in new.items():
        if out.get(key) is None and value is not None:
            out[key] = value
    return out

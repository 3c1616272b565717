"""What the CSV formats add to an event's notes, so that a row says why it looks incomplete."""

from __future__ import annotations

from typing import Any

UNDATED = "[no event date: the reports give none marsad could place on a day, week or month]"


def modality_note(modality: str) -> str:
    return f"[modality: reported as {modality}, not as having occurred]"


def export_notes(event: dict[str, Any], *, modality: bool = False) -> str:
    """The event's notes, with a remark for an event with no date and, where `modality` (a
    format with no modality column), for an event that did not occur."""
    parts = [str(event.get("notes") or "").strip()]
    if not event.get("event_date"):
        parts.append(UNDATED)
    kind = event.get("modality")
    if modality and kind and kind != "occurred":
        parts.append(modality_note(str(kind)))
    return " ".join(p for p in parts if p)

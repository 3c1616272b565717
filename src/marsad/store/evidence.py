"""Evidence stored once, in the article it comes from.

An event's evidence is a list of spans (`article_id`, `start`, `end`, `text`), and its ACLED
`notes` is, as coded, the text of its first span. The `articles` table already holds every
article's text, so storing those sentences again in each event's JSON doubled what an
event costs on disk (real news: ~600 of ~1,300 bytes). So a stored event keeps only the
offsets of each span whose text is exactly the article's slice, and a marker instead of
`notes` when the notes are the first span's text; reading puts both back (`unpack`), in
their places (exports write the keys in the record's order).

A span whose text is not the slice (an article stored before this existed, a hand-made
record) keeps its text: packing only drops what can be rebuilt exactly, so every reader
gets the record that was coded, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Stored as `notes` when the notes are the first span's text (real notes are a string or null).
NOTES_MARK = {"from_evidence": 0}


def pack(data: dict[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """The record as stored: span texts that `texts` (article id → text) rebuilds are dropped."""
    evidence = data.get("evidence") or []
    packed = []
    for ev in evidence:
        text = texts.get(ev.get("article_id") or "")
        if "text" in ev and text is not None and text[ev["start"]:ev["end"]] == ev["text"]:
            ev = {k: v for k, v in ev.items() if k != "text"}
        packed.append(ev)
    out = {**data, "evidence": packed} if evidence else dict(data)
    first = evidence[0].get("text") if evidence else None
    if first is not None and data.get("notes") == first and "text" not in packed[0]:
        out["notes"] = NOTES_MARK
    return out


def needed(data: Mapping[str, Any]) -> set[str]:
    """The articles whose text a stored record needs to be read back."""
    return {ev["article_id"] for ev in data.get("evidence") or () if "text" not in ev}


def unpack(data: dict[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """The record as coded, from the stored one (see `pack`)."""
    if not needed(data) and data.get("notes") != NOTES_MARK:
        return data
    out = dict(data)
    out["evidence"] = [ev if "text" in ev else {**ev, "text": _slice(texts, ev)} for ev in data.get("evidence") or ()]
    if out.get("notes") == NOTES_MARK:
        out["notes"] = out["evidence"][0]["text"]
    return out


def _slice(texts: Mapping[str, str], ev: Mapping[str, Any]) -> str | None:
    text = texts.get(ev["article_id"])  # articles are never deleted; None only if one were
    return None if text is None else text[ev["start"]:ev["end"]]


def fetch_texts(db: Any, article_ids: Iterable[str], into: dict[str, str] | None = None) -> dict[str, str]:
    """Article id → text for `article_ids` (those not already in `into`), read in chunks."""
    texts = {} if into is None else into
    ids = sorted(set(article_ids) - texts.keys())
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        texts.update((r[0], r[1]) for r in db.execute(
            f"SELECT article_id, text FROM articles WHERE article_id IN ({marks})", chunk))
    return texts


def load_all(db: Any, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored records (parsed JSON) as coded, with one read of the articles they need."""
    wanted = set().union(*(needed(r) for r in records)) if records else set()
    texts = fetch_texts(db, wanted) if wanted else {}
    return [unpack(r, texts) for r in records]

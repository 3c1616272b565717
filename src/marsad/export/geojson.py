"""GeoJSON: a FeatureCollection of the events (or claims) that have coordinates, streamed
feature by feature."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def feature(e: dict[str, Any], key: str = "event_id") -> dict[str, Any] | None:
    lat, lon = e.get("latitude"), e.get("longitude")
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in e.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": e.get(key),
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def write(records: Iterable[dict[str, Any]], out: TextIO, what: str) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    key = "claim_id" if what == "claims" else "event_id"
    for e in records:
        f = feature(e, key)
        if f is None:
            continue
        out.write(("," if n else "") + "\n" + json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n

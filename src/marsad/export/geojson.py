"""GeoJSON: a FeatureCollection of the events (or claims) that have coordinates, streamed
feature by feature.

The records left out for want of coordinates are counted in a foreign member after the
features (RFC 7946, section 6.1): `"marsad": {"left_out_without_coordinates": N}`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from .written import Written


def feature(e: dict[str, Any], key: str = "event_id") -> dict[str, Any] | None:
    lat, lon = e.get("latitude"), e.get("longitude")
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in e.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": e.get(key),
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def write(records: Iterable[dict[str, Any]], out: TextIO, what: str) -> Written:
    out.write('{"type": "FeatureCollection", "features": [')
    n = left_out = 0
    key = "claim_id" if what == "claims" else "event_id"
    for e in records:
        f = feature(e, key)
        if f is None:
            left_out += 1
            continue
        out.write(("," if n else "") + "\n" + json.dumps(f, ensure_ascii=False))
        n += 1
    out.write(f'\n], "marsad": {json.dumps({"left_out_without_coordinates": left_out})}}}\n')
    return Written(n, left_out)

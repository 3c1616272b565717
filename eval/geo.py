"""Score marsad's place stage on TR-News and GeoWebNews (data/geo/).

Resolution (gold toponym spans given):
  exact  — share of gold toponyms with a GeoNames id whose resolved id equals it;
  161km  — share of gold toponyms with coordinates resolved within 161 km of them (a
           resolved id equal to the gold id counts as 0 km: our centroids of countries and
           admin areas are computed, not GeoNames' own points); unresolved counts as wrong.
  GeoWebNews toponyms marked nonLocational, or with neither id nor coordinates, are skipped.
Detection (text in): precision/recall/F1 of predicted toponym spans against gold spans.
  A prediction matches a gold span when the two overlap by at least one character; each
  gold span is matched at most once. GeoWebNews gold spans are the toponym types (Literal,
  Mixed, Metonymic, Coercion, *_Modifier, Embedded_*, Demonym), nonLocational excluded.
Coverage: share of gold GeoNames ids present in the gazetteer at all.

Calibration (`--calibration`): for the resolved toponyms with a gold GeoNames id, binned
  by score — count, mean score and exact-id accuracy; a calibrated score has the two close.

    python eval/geo.py [--data DIR] [--limit N] [--errors N] [--calibration] [--floors FILE]
Floors: eval/floors.json by default, keys "geo.<set>.<metric>" (metric: exact, km161, f1);
exit status 1 when a score is below its floor. `--no-floors` only prints.
"""

from __future__ import annotations

import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.places import Gazetteer, PlaceResolver  # noqa: E402
from marsad.places.geoparse import detect_spans  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "geo"  # CI has ../shared beside the clone
DEFAULT_FLOORS = ROOT / "eval" / "floors.json"
TOPONYM_TYPES = {
    "Literal",
    "Mixed",
    "Metonymic",
    "Coercion",
    "Literal_Modifier",
    "Non_Literal_Modifier",
    "Embedded_Literal",
    "Embedded_Non_Lit",
    "Demonym",
}


@dataclass
class Gold:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    fcode: str | None = None


@dataclass
class Doc:
    text: str
    gold: list[Gold] = field(default_factory=list)
    detect_gold: list[tuple[int, int]] = field(default_factory=list)


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Some offsets are shifted by a character or two: find the phrase nearby."""
    if not phrase or text[start:end] == phrase:
        return start, end
    lo = max(0, start - 80)
    hits = [lo + i for i in range(len(text[lo : end + 80])) if text.startswith(phrase, lo + i)]
    if hits:
        s = min(hits, key=lambda h: abs(h - start))
        return s, s + len(phrase)
    return start, end


def load_trnews(path: Path) -> list[Doc]:
    docs = []
    for a in ET.parse(path).getroot().iter("article"):
        d = Doc(a.findtext("text") or "")
        for t in a.iter("toponym"):
            g = t.find("gaztag")
            gid = int(g.get("geonameid")) if g is not None and g.get("geonameid") else None
            phrase = t.findtext("phrase") or ""
            start, end = _align(d.text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), phrase)
            item = Gold(
                start,
                end,
                phrase,
                gid,
                _f(g.findtext("lat")) if g is not None else None,
                _f(g.findtext("lon")) if g is not None else None,
                g.findtext("fcode") if g is not None else None,
            )
            d.detect_gold.append((item.start, item.end))
            if gid is not None or item.lat is not None:
                d.gold.append(item)
        docs.append(d)
    return docs


def load_geowebnews(path: Path) -> list[Doc]:
    docs = []
    for a in ET.parse(path).getroot().iter("article"):
        d = Doc(a.findtext("text") or "")
        for t in a.iter("toponym"):
            if t.findtext("nonLocational") == "Yes":
                continue
            typ = t.findtext("type")
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            # A few offsets are shifted (characters the text lost): find the name nearby.
            start, end = _align(d.text, start, end, t.findtext("extractedName") or "")
            if typ in TOPONYM_TYPES:
                d.detect_gold.append((start, end))
            gid_s = t.findtext("geonamesID")
            lat, lon = _f(t.findtext("latitude")), _f(t.findtext("longitude"))
            if typ in TOPONYM_TYPES and (gid_s or lat is not None):
                d.gold.append(
                    Gold(
                        start, end, t.findtext("extractedName") or "", int(gid_s) if gid_s else None, lat, lon
                    )
                )
        docs.append(d)
    return docs


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


CALIBRATION_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


def score_resolution(
    docs: list[Doc],
    resolver: PlaceResolver,
    gaz: Gazetteer,
    errors: list | None = None,
    scored: list[tuple[float, bool]] | None = None,
) -> dict:
    n_id = ok_id = n_km = ok_km = n_in = n_top = 0
    t0 = time.perf_counter()
    for d in docs:
        if not d.gold:
            continue
        places = resolver.resolve_all(d.text, [(g.start, g.end) for g in d.gold])
        n_top += len(places)
        for g, p in zip(d.gold, places, strict=True):
            if g.geonameid is not None:
                n_id += 1
                n_in += gaz.get(g.geonameid) is not None
                ok_id += p.geonameid == g.geonameid
                if scored is not None and p.geonameid is not None:
                    scored.append((p.score, p.geonameid == g.geonameid))
            if g.lat is not None and g.lon is not None:
                n_km += 1
                hit = (g.geonameid is not None and p.geonameid == g.geonameid) or (
                    p.latitude is not None
                    and p.longitude is not None
                    and km((g.lat, g.lon), (p.latitude, p.longitude)) <= 161
                )
                ok_km += hit
                if errors is not None and not hit:
                    errors.append((g, p, d.text[max(0, g.start - 60) : g.end + 40].replace("\n", " ")))
    dt = time.perf_counter() - t0
    return {
        "exact": ok_id / max(n_id, 1),
        "km161": ok_km / max(n_km, 1),
        "coverage": n_in / max(n_id, 1),
        "n_id": n_id,
        "n_km": n_km,
        "toponyms_per_s": n_top / dt if dt else 0.0,
    }


def reliability(scored: list[tuple[float, bool]], bins: tuple[float, ...] = CALIBRATION_BINS) -> list[list[str]]:
    """Rows (bin, count, mean score, accuracy) of resolved toponyms binned by score."""
    rows = []
    for k, (lo, hi) in enumerate(zip(bins, bins[1:], strict=False)):
        last = k == len(bins) - 2
        b = [(s, ok) for s, ok in scored if lo <= s < hi or last and s == hi]
        if b:
            mean = sum(s for s, _ in b) / len(b)
            acc = sum(ok for _, ok in b) / len(b)
            rows.append([f"{lo:.2f}-{hi:.2f}", str(len(b)), f"{mean:.3f}", f"{acc:.3f}"])
    return rows


def score_detection(docs: list[Doc], nlp, gaz: Gazetteer, *, demonyms: bool) -> dict:  # type: ignore[no-untyped-def]
    tp = fp = fn = 0
    t0 = time.perf_counter()
    for d in docs:
        pred = [(s, e) for s, e in detect_spans(nlp(d.text), gazetteer=gaz, demonyms=demonyms)]
        used: set[int] = set()
        for s, e in pred:
            hit = next(
                (i for i, (gs, ge) in enumerate(d.detect_gold) if i not in used and s < ge and gs < e), None
            )
            if hit is None:
                fp += 1
            else:
                used.add(hit)
                tp += 1
        fn += len(d.detect_gold) - len(used)
    dt = time.perf_counter() - t0
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(p + r, 1e-9), "docs_per_s": len(docs) / dt}


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True)
@click.option("--gazetteer", "gaz_path", type=click.Path(path_type=Path), default=None)
@click.option("--limit", type=int, default=None, help="Only the first N articles of each set.")
@click.option("--no-detect", is_flag=True, help="Skip detection (needs spaCy).")
@click.option(
    "--errors", "show_errors", type=int, default=0, help="Print this many resolution errors per set."
)
@click.option(
    "--floors",
    type=click.Path(path_type=Path),
    default=DEFAULT_FLOORS,
    show_default=True,
    help='JSON {"geo.trnews.exact": 0.8, "geo.geowebnews.f1": 0.8, …}; keys of other scripts are ignored.',
)
@click.option("--calibration", is_flag=True, help="Print the reliability table (score bins) per set.")
@click.option("--no-floors", is_flag=True, help="Print the scores without checking floors.")
def main(
    data: Path,
    gaz_path: Path | None,
    limit: int | None,
    no_detect: bool,
    show_errors: int,
    floors: Path,
    calibration: bool,
    no_floors: bool,
) -> None:
    """Print the place-stage scores; exit 1 when one is under its floor."""
    gaz = Gazetteer.open(gaz_path)
    resolver = PlaceResolver(gaz)
    floor: dict[str, float] = {}
    if not no_floors and floors.exists():
        floor = {k: float(v) for k, v in json.loads(floors.read_text()).items() if k.startswith("geo.")}
    sets = {
        "trnews": load_trnews(data / "TR-News.xml"),
        "geowebnews": load_geowebnews(data / "GeoWebNews.xml"),
    }
    nlp = None
    if not no_detect:
        from marsad.nlp import load_pipeline

        nlp = load_pipeline(gaz)  # the pipeline `marsad geoparse` and event coding use
    rows = []
    got: dict[str, float] = {}
    for name, docs in sets.items():
        docs = docs[:limit] if limit else docs
        errs: list = []
        scored: list[tuple[float, bool]] = []
        r = score_resolution(docs, resolver, gaz, errs if show_errors else None, scored if calibration else None)
        if calibration:
            print(f"reliability [{name}] (resolved toponyms with a gold id)")
            table = [["score", "count", "mean", "accuracy"], *reliability(scored)]
            cw = [max(len(x) for x in col) for col in zip(*table, strict=True)]
            for line in table:
                print("  " + "  ".join(x.ljust(w) for x, w in zip(line, cw, strict=True)))
        got[f"geo.{name}.exact"], got[f"geo.{name}.km161"] = r["exact"], r["km161"]
        row = [
            name,
            f"{r['exact']:.1%} ({r['n_id']})",
            f"{r['km161']:.1%} ({r['n_km']})",
            f"{r['coverage']:.1%}",
            f"{r['toponyms_per_s']:.0f}",
        ]
        if nlp is not None:
            det = score_detection(docs, nlp, gaz, demonyms=True)
            got[f"geo.{name}.f1"] = det["f1"]
            row += [
                f"{det['precision']:.3f}",
                f"{det['recall']:.3f}",
                f"{det['f1']:.3f}",
                f"{det['docs_per_s']:.1f}",
            ]
        rows.append(row)
        for g, p, ctx in errs[:show_errors]:
            print(
                f"  [{name}] {g.phrase!r} gold={g.geonameid} {g.fcode or ''} got={p.geonameid} {p.name!r} "
                f"{p.country_code} {p.feature_code} {p.score} | …{ctx}…"
            )
    head = ["set", "exact id", "≤161 km", "ids in gaz", "topo/s"]
    if nlp is not None:
        head += ["det P", "det R", "det F1", "docs/s"]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    for line in [head, *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)))
    failed = [f"{k}: {got[k]:.3f} < {v}" for k, v in floor.items() if k in got and got[k] < v]
    for f in failed:
        print(f"BELOW FLOOR {f}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

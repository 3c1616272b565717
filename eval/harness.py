"""What every event eval shares: the fixed tune/check split, and the path a user runs.

The split is fixed once, here: a document whose key (e.g. "fakes:1914947530",
"case:12") has an even sha1 is in the *tune* part, odd in the *check* part. Rules are
written while reading the tune part's errors only; scores are reported and gated on the
check part (`../shared/data/README.md`, "Honest figures").

`run_marsad` scores what a user gets: the documents are written as a JSON Lines file,
`marsad ingest` reads it into a fresh database, `marsad export` writes the events and
articles back out, and the eval reads those exports.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # CI has ../shared beside the clone
MARSAD = Path(sys.executable).parent / "marsad"
PARTS = ("tune", "check")


def part(key: str) -> str:
    """The fixed split: 'tune' or 'check'."""
    return "tune" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


@dataclass
class Output:
    """What `marsad export` gave for a batch: events per input key, and the articles."""

    events: dict[str, list[dict[str, Any]]]  # key -> events that cite one of its articles
    articles: dict[str, list[dict[str, Any]]]  # key -> its articles
    rejected: set[str]  # keys of documents ingest refused


def write_documents(docs: list[dict[str, Any]], path: Path) -> Path:
    """`docs` as the JSON Lines file `marsad ingest` reads. The key travels as the record's
    URL, so it comes back as the article's origin."""
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            rec = {"url": d["key"], "text": d["text"]}
            rec.update({k: d[k] for k in ("title", "published") if d.get(k)})
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def model_json(about: str, trained_on: dict[str, int], threshold: float, vocabulary: list[str], model: Any) -> str:
    """A fitted scikit-learn logistic regression as marsad ships it (`events.gate.LinearModel`)."""
    return json.dumps({
        "about": about,
        "trained_on": trained_on,
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 6),
        "vocabulary": vocabulary,
        "weights": [round(float(w), 6) for w in model.coef_[0]],
    }, ensure_ascii=False, separators=(",", ":")) + "\n"


def trainer_main(argv: list[str] | None, doc: str, *, train: Any, cross_validate: Any, out: Path, what: str) -> int:
    """The command line of `eval/train_*.py`: write the model `train()` makes to `out`;
    `--check` only says whether the shipped file is what training makes (exit 1 when not);
    `--cv` runs `cross_validate()` and writes nothing."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare with the shipped file")
    ap.add_argument("--cv", action="store_true", help="cross-validate on the tune part; write nothing")
    args = ap.parse_args(argv)
    if args.cv:
        cross_validate()
        return 0
    made = train()
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == made
        print(f"the shipped {what} is " + ("what training makes" if same else "not what training makes: retrain"))
        return 0 if same else 1
    out.write_text(made, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {len(json.loads(made)['vocabulary'])} features")
    return 0


def run_marsad(docs: list[dict[str, Any]]) -> Output:
    """Ingest `docs` (each {"key", "text"[, "title", "published"]}) with `marsad ingest`,
    export events and articles with `marsad export`, and group them by document key."""
    with tempfile.TemporaryDirectory(prefix="marsad-eval-") as tmp:
        src = write_documents(docs, Path(tmp) / "docs.jsonl")
        db = Path(tmp) / "eval.db"
        done = subprocess.run([str(MARSAD), "ingest", str(src), "--db", str(db)], capture_output=True, text=True)
        if done.returncode not in (0, 3):
            raise SystemExit(f"marsad ingest failed ({done.returncode}):\n{done.stderr}")
        articles = _export(db, "articles")
        events = _export(db, "events")
    by_article = {a["article_id"]: a["origin"] for a in articles}
    out = Output({}, {}, set())
    for a in articles:
        out.articles.setdefault(a["origin"], []).append(a)
    out.rejected = {d["key"] for d in docs if d["key"] not in out.articles}
    for e in events:
        for key in dict.fromkeys(by_article[a] for a in e["article_ids"] if a in by_article):
            out.events.setdefault(key, []).append(e)
    return out


def _export(db: Path, what: str) -> list[dict[str, Any]]:
    done = subprocess.run([str(MARSAD), "export", "--db", str(db), "--what", what, "--format", "jsonl"],
                          capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def main_event(events: list[dict[str, Any]], article_ids: set[str]) -> dict[str, Any] | None:
    """The event marsad marks as the article's main one (else its first, by evidence)."""
    for e in events:
        if set(e.get("main_for") or ()) & article_ids:
            return e

    def first(e: dict[str, Any]) -> int:
        return min((ev["start"] for ev in e["evidence"] if ev["article_id"] in article_ids), default=10**9)
    return min(events, key=first) if events else None


# Governorate / province names as gold sets and GeoNames spell them, folded to one key.
# Rif Dimashq counts as Damascus (as in FA-KES).
_ALIASES = {
    "dimashq": "damascus", "rifdimashq": "damascus", "damascuscountryside": "damascus", "rifdamascus": "damascus",
    "ruraldamascus": "damascus",
    "alhasakah": "hasakah", "hasakeh": "hasakah", "hassakeh": "hasakah", "hasaka": "hasakah",
    "lattakia": "latakia", "deirezzor": "deirezzor", "deirezzour": "deirezzor", "dayrazzawr": "deirezzor",
    "assuwayda": "suwayda", "sweida": "suwayda", "arraqqah": "raqqa", "idleb": "idlib", "dara": "daraa",
    "tartous": "tartus", "hamah": "hama", "alqunaytirah": "quneitra",
}


# First-level areas by the English or newer name a coder may use and GeoNames lacks: the
# Bangsamoro region succeeded the ARMM in 2019 on the same ground, and holds Lanao del Sur,
# a province a coder may name instead; Derna is GeoNames' Darnah, Jifara its Al Jafarah.
_OTHER_NAMES = {"timbuktu": "Tombouctou", "federalcapitalterritory": "Abuja Federal Capital Territory",
                "bangsamoroautonomousinmuslimmindanao": "Autonomous Region in Muslim Mindanao",
                "bangsamoro": "Autonomous Region in Muslim Mindanao",
                "lanaodelsur": "Autonomous Region in Muslim Mindanao", "derna": "Darnah",
                "aljifarah": "Al Jafarah", "jifara": "Al Jafarah"}


@functools.cache
def region_key(name: str | None) -> str | None:
    """'Deir ez-Zor', 'deir ezzor', 'Dayr az Zawr Governorate' → one key; an English name
    and GeoNames' own ('Bavaria', 'Bayern') → the first-level area's GeoNames id."""
    if not name:
        return None
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(?:governorate|province|muhafazat|oblast|state|region)\b", "", s)
    s = re.sub(r"[^a-z]", "", s)
    if s in _ALIASES or s in _ALIASES.values():
        return _ALIASES.get(s, s)
    name = _OTHER_NAMES.get(s, name)
    gaz = _gazetteer()
    areas = [c for c in gaz.candidates(name) if c.feature_code == "ADM1"]
    if areas:
        return f"adm1:{max(areas, key=lambda c: c.match).geonameid}"
    # "Belgorod Oblast", "Benghazi", "Kampala": the area named after its seat or chief city,
    # which GeoNames calls otherwise ("Belgorodskaya oblast", "Banghazi", "Central Region").
    bare = re.sub(r"\s+(?:governorate|province|oblast|state|region)$", "", name.strip(), flags=re.I)
    seats = [c for c in gaz.candidates(bare) if c.match == 2 and c.feature_class == "P"
             and (c.feature_code in ("PPLA", "PPLC") or c.population >= 100_000)]
    area = gaz.admin1(seats[0].country_code, seats[0].admin1_code) if seats else None
    return f"adm1:{area.geonameid}" if area is not None else s


@functools.cache
def _gazetteer() -> Any:
    sys.path.insert(0, str(ROOT / "src"))
    from marsad.places import Gazetteer

    return Gazetteer.open()


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def event_args(doc: str | None, argv: list[str] | None) -> argparse.Namespace:
    """The options of an event-gold script: --part, --errors (the tune part's mistakes:
    the only ones to read) and --no-floors."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    ap.add_argument("--part", choices=[*PARTS, "all"], default="check")
    ap.add_argument("--errors", action="store_true", help="list the tune part's misses and false events")
    ap.add_argument("--no-floors", action="store_true")
    args = ap.parse_args(argv)
    if args.errors:
        args.part = "tune"
    return args


def read_floors() -> dict[str, float]:
    path = ROOT / "eval" / "floors.json"
    return json.loads(path.read_text()) if path.exists() else {}


def gate(scores: dict[str, float], floors: dict[str, float]) -> bool:
    """Print a FAIL line for every score under its floor; True when all pass."""
    ok = True
    for key, value in scores.items():
        if key in floors and value < floors[key]:
            print(f"FAIL: {key} {value:.3f} < {floors[key]}", file=sys.stderr)
            ok = False
    return ok

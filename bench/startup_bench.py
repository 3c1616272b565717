"""What a marsad process pays before it codes its first document: `marsad ingest` of one
one-sentence document (English, then Arabic), in fresh processes, each loader timed.

    python bench/startup_bench.py [--runs 3] [--src DIR]

`--src` times another checkout's code (its `src` folder), e.g. the code before a change.
Each figure is the least of `--runs` runs (the machine's other work only adds). A loader's
time includes the loaders it calls (the actor ruler loads the actor knowledge base). The
language model loads in a background thread while the coder loads; its line is what the
first language check still waited. Prints its figures; never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Written for this benchmark.
ENGLISH = "Government artillery shelled the village of Kafr Nabl in Idlib on Monday, killing three civilians.\n"
ARABIC = "قصفت قوات النظام بالمدفعية قرية كفرنبل في ريف إدلب الجنوبي يوم الاثنين، ما أدى إلى مقتل ثلاثة مدنيين.\n"

LINES = [
    ("import", "import marsad.cli (every command)"),
    ("import_coder", "import the coder's modules (spaCy, events)"),
    ("model", "spaCy model"),
    ("actor_ruler", "actor ruler patterns (with the actor knowledge base)"),
    ("place_ruler", "place ruler (gazetteer names, phrase docs)"),
    ("pipeline", "  = the whole annotation pipeline"),
    ("sources", "source knowledge base"),
    ("language", "language model (first language check)"),
    ("lexicon", "English event lexicon"),
    ("lexicon_ar", "Arabic event lexicon"),
    ("code", "coding the first document (patterns compiled as met)"),
    ("ingest", "the ingest command, in-process"),
    ("total", "in-process total"),
]


def probe(path: str) -> None:
    """In this process: one instrumented `marsad ingest`; prints the loaders' times as JSON."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    import marsad.cli

    times["import"] = time.perf_counter() - t0
    t = time.perf_counter()
    import marsad.events.code as code

    times["import_coder"] = time.perf_counter() - t
    import marsad.actors as actors
    import marsad.events.classify as classify
    import marsad.nlp as nlp
    import marsad.places as places
    import marsad.places.detect as detect
    import marsad.segment.language as language
    import marsad.sources as sources

    def wrap(owner: object, name: str, key: str, first_only: bool = False) -> None:
        f = getattr(owner, name)

        def timed(*a: object, **k: object) -> object:
            start = time.perf_counter()
            try:
                return f(*a, **k)
            finally:
                if not (first_only and key in times):
                    times[key] = times.get(key, 0.0) + time.perf_counter() - start

        setattr(owner, name, timed)

    wrap(nlp, "_load_model", "model")
    wrap(actors, "ruler_patterns", "actor_ruler")
    wrap(detect, "add_place_ruler", "place_ruler")
    places.add_place_ruler = detect.add_place_ruler  # type: ignore[assignment]
    wrap(nlp, "load_pipeline", "pipeline")
    code.load_pipeline = nlp.load_pipeline  # type: ignore[assignment]
    wrap(sources, "_default_kb", "sources")
    wrap(language, "detect", "language", first_only=True)
    wrap(classify, "default_lexicon", "lexicon", first_only=True)
    wrap(classify, "default_lexicon_ar", "lexicon_ar", first_only=True)
    wrap(code.EventCoder, "code", "code", first_only=True)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        marsad.cli.cli(["ingest", path, "--db", os.path.join(tmp, "s.db"), "--workers", "1", "--no-progress"],
                       standalone_mode=False)
        times["ingest"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - t0
    print(json.dumps(times))


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", default=str(ROOT / "src"), help="the marsad source folder to time")
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    a = parser.parse_args()
    if a.probe:
        probe(a.probe)
        return
    env = {**os.environ, "PYTHONPATH": a.src}
    with tempfile.TemporaryDirectory() as tmp:
        docs = {}
        for lang, text in (("en", ENGLISH), ("ar", ARABIC)):
            folder = Path(tmp) / lang
            folder.mkdir()
            (folder / "one.txt").write_text(text, encoding="utf-8")
            docs[lang] = str(folder / "one.txt")
        best: dict[str, dict[str, float]] = {"en": {}, "ar": {}}
        walls: dict[str, list[float]] = {"en": [], "ar": [], "export": []}
        for run in range(a.runs):
            for lang, path in docs.items():
                found = json.loads(subprocess.run([sys.executable, __file__, "--probe", path], env=env, check=True,
                                                  capture_output=True, text=True).stdout.splitlines()[-1])
                for k, v in found.items():
                    best[lang][k] = min(v, best[lang].get(k, v))
                db = str(Path(tmp) / f"{lang}{run}.db")
                walls[lang].append(wall(["-m", "marsad", "ingest", path, "--db", db, "--workers", "1", "--no-progress"],
                                        env))
            walls["export"].append(wall(["-m", "marsad", "export", "--db", str(Path(tmp) / "en0.db")], env))
    print(f"marsad startup, code from {a.src}, least of {a.runs} runs (s)")
    print(f"{'':56s} {'English':>8s} {'Arabic':>8s}")
    for key, label in LINES:
        en, ar = best["en"].get(key), best["ar"].get(key)
        print(f"{label:56s} {'' if en is None else f'{en:8.2f}':>8s} {'' if ar is None else f'{ar:8.2f}':>8s}")
    print(f"{'wall: marsad ingest one.txt --workers 1':56s} {min(walls['en']):8.2f} {min(walls['ar']):8.2f}")
    print(f"{'wall: marsad export (no coding)':56s} {min(walls['export']):8.2f}")


if __name__ == "__main__":
    main()

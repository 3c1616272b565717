"""Where ingest time goes: marsad's stages, each with its share of the time; never asserts.

    python bench/profile_ingest.py CORPUS [--top 25] [--plain]
    python bench/profile_ingest.py --pyspy-raw STACKS.txt

1. Loads the event coder (the language model, gazetteer, actor and source lists), timed
   on its own: the bare NER yardstick (bench/bare_ner.py) does not count loading either.
2. Ingests every document under CORPUS into a temporary SQLite database, in this process,
   under cProfile (--plain: without the profiler, for a true articles/s figure).
3. Prints each stage's share of the profiled time and its top functions.

A function's own time counts for the stage of its nearest marsad caller, found through
cProfile's caller graph (time spent in `re`, `sqlite3` or spaCy is the marsad stage that
called it). Stages follow the module paths: see `STAGES`. cProfile slows Python code more
than compiled code, and spaCy's token accessors most of all (a loop over a Doc's tokens
measured 0.5 s under cProfile takes 0.04 s), so the shares are rough; `--pyspy-raw` reads
a sampled profile instead, which has no such bias:

    py-spy record --full-filenames -r 200 -f raw -o stacks.txt -- python -m marsad ingest CORPUS --db x.db
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

OUTSIDE = "outside marsad (no marsad caller)"
SPACY = "spaCy pipeline (nlp.pipe, incl. marsad rulers)"

# Module path under src/marsad (a folder ends with "/") → stage; the first match wins.
STAGES: list[tuple[str, str]] = [
    ("nlp.py", SPACY),
    ("ingest.py", "read files (ingest)"),
    ("segment/", "segment"),
    ("events/sentences.py", "places/geoparse"),  # toponyms and their resolution per article
    ("events/places.py", "places/geoparse"),
    ("places/", "places/geoparse"),
    ("events/actors.py", "actors"),
    ("actors.py", "actors"),
    ("dates.py", "dates"),
    ("pubdate.py", "dates"),
    ("sources.py", "sources (attribution)"),
    ("claims.py", "claims"),
    ("events/", "events (classify, mentions, assemble)"),
    ("store/", "store (+ link)"),
    ("link.py", "store (+ link)"),
    ("watches.py", "watches"),
    ("pipeline.py", "pipeline glue"),
    ("parallel.py", "pipeline glue"),
]
STARTUP = "startup (imports, loading models and lexicons)"
# One-time work, wherever it happens (some of it lazily, at the first document): marsad's
# loaders by (module path, function name), and other packages' by function name.
LOADERS = {("events/code.py", "load"), ("nlp.py", "load_pipeline"), ("nlp.py", "load_base_pipeline"),
           ("nlp.py", "_load_model"), ("events/classify.py", "default_lexicon"), ("actors.py", "_default_kb"),
           ("sources.py", "_default_kb"), ("places/gazetteer.py", "open"), ("parallel.py", "_coder"),
           # compiled at their first use, the language model loaded in a background thread
           ("events/classify.py", "regex"), ("segment/language.py", "_load")}
FOREIGN_LOADERS = {"_load_identifier"}  # py3langid's model, read at the first language check
# Helpers every stage calls (records, ids, vocabularies): their time is their caller's stage.
TRANSPARENT = ("records.py", "vocab.py", "errors.py")
# marsad functions whose callees are the language model, wherever they live.
ANNOTATE = {("events/code.py", "_annotate")}


def stage_of(path: str, name: str) -> str | None:
    """The stage of a function of marsad, by its module path; None for other code."""
    name = name.rsplit(".", 1)[-1]  # py-spy names methods Class.method; cProfile, method
    if name == "<module>" or name in FOREIGN_LOADERS:
        return STARTUP  # an import, or a package loading its model
    # By the path under the package folder, wherever it is (src/, or a copy of an older
    # version put first on PYTHONPATH to profile it).
    _, sep, rel = Path(path).as_posix().rpartition("/marsad/")
    if not sep:
        return None
    if (rel, name) in LOADERS:
        return STARTUP
    if (rel, name) in ANNOTATE:
        return SPACY
    if rel in TRANSPARENT:
        return None
    for prefix, stage in STAGES:
        if rel == prefix or (prefix.endswith("/") and rel.startswith(prefix)):
            return stage
    return "other marsad"


def attribute(stats: dict) -> tuple[dict[str, float], dict[str, list[tuple[float, str]]]]:
    """Seconds of own time per stage, and per stage its functions (seconds, name)."""
    memo: dict[tuple, dict[str, float]] = {}
    busy: set[tuple] = set()

    def share(func: tuple) -> dict[str, float]:
        """The stages `func`'s inclusive time is spent for, as fractions."""
        own = stage_of(func[0], func[2])
        if own:
            return {own: 1.0}
        if func in memo:
            return memo[func]
        if func in busy:  # recursion: the outer call decides
            return {}
        busy.add(func)
        mix: dict[str, float] = defaultdict(float)
        callers = stats[func][4] if func in stats else {}
        for caller, edge in callers.items():
            for stage, frac in share(caller).items():
                mix[stage] += frac * (edge[3] or 1e-9)
        busy.discard(func)
        # Normalised over the callers that lead to a stage (a recursive call site leads
        # back to this very function and decides nothing).
        total = sum(mix.values())
        if not total and callers:  # every call site is a recursion still being decided
            return {}
        memo[func] = {k: v / total for k, v in mix.items()} if total else {OUTSIDE: 1.0}
        return memo[func]

    seconds: dict[str, float] = defaultdict(float)
    funcs: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for func, (_cc, _nc, tt, _ct, callers) in stats.items():
        own = stage_of(func[0], func[2])
        parts: dict[str, float] = defaultdict(float)
        if own:
            parts[own] = tt
        else:
            # Own time split over the callers by how much of it each call site caused; what
            # no call site claims (a call from compiled code), as the function's calls go.
            for caller, edge in callers.items():
                for stage, frac in share(caller).items():
                    parts[stage] += frac * edge[2]
            rest = tt - sum(parts.values())
            if rest > 0:
                for stage, frac in share(func).items():
                    parts[stage] += frac * rest
        label = f"{Path(func[0]).name}:{func[1]}({func[2]})"
        for stage, s in parts.items():
            seconds[stage] += s
            funcs[stage].append((s, label))
    return seconds, funcs


def print_stages(seconds: dict[str, float], funcs: dict[str, list[tuple[float, str]]] | None,
                 wall: float | None, top: int, unit: str = "seconds") -> None:
    total = sum(seconds.values()) or 1.0
    print(f"\n{'stage':<48} {unit:>8} {'share':>7}")
    for stage, s in sorted(seconds.items(), key=lambda kv: -kv[1]):
        if s:
            print(f"{stage:<48} {s:8.2f} {s / total:7.1%}" if unit == "seconds" else
                  f"{stage:<48} {s:8.0f} {s / total:7.1%}")
    print(f"{'total profiled':<48} {total:8.2f}" + (f"   (wall {wall:.2f} s under the profiler)" if wall else ""))
    if funcs:
        for stage, _ in sorted(seconds.items(), key=lambda kv: -kv[1])[:5]:
            print(f"\n{stage} — its functions by own time:")
            for t, label in sorted(funcs[stage], reverse=True)[:top]:
                print(f"  {t:7.2f} s  {label}")


def pyspy_raw(path: Path) -> None:
    """Stages of a py-spy raw (collapsed) stack file, recorded with --full-filenames."""
    seconds: dict[str, float] = defaultdict(float)
    startup = others = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        n = int(count)
        if not any(f.startswith("ingest_paths ") for f in frames):
            if any("marsad" in f for f in frames):
                startup += n  # the main thread before or after the batch: imports, model load, watches
            else:
                others += n  # other threads (the BLAS pool waiting) and the interpreter's own
            continue
        frames = frames[next(i for i, f in enumerate(frames) if f.startswith("ingest_paths ")):]
        stage = "pipeline glue"
        for f in reversed(frames):  # innermost first: the nearest marsad frame decides
            name, _, where = f.rpartition(" (")
            got = stage_of(where.rsplit(":", 1)[0], name)
            if got:
                stage = got
                break
        if any(stage_of(f.rpartition(" (")[2].rsplit(":", 1)[0], f.rpartition(" (")[0]) == STARTUP
               for f in frames):
            stage = STARTUP  # loading, even when a stage's function asked for it
        seconds[stage] += n
    print(f"samples outside the batch: main thread {startup}, other threads {others} (not counted)")
    print_stages(seconds, None, None, 8, unit="samples")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help="a folder (or file) of documents to ingest")
    ap.add_argument("--top", type=int, default=25, help="functions listed by own and cumulative time")
    ap.add_argument("--plain", action="store_true", help="no profiler: time the ingest only")
    ap.add_argument("--cold", action="store_true", help="no warm-up document: the first one's loading is profiled")
    ap.add_argument("--save", help="write the cProfile data here (for snakeviz, pstats)")
    ap.add_argument("--pyspy-raw", type=Path, help="summarise a py-spy raw stack file instead")
    ap.add_argument("--load", help="summarise cProfile data written by --save instead")
    args = ap.parse_args()
    if args.pyspy_raw:
        pyspy_raw(args.pyspy_raw)
        return
    if args.load:
        saved = pstats.Stats(args.load)
        print_stages(*attribute(saved.stats), None, 8)  # type: ignore[attr-defined]
        return
    if not args.corpus:
        ap.error("give a corpus folder, or --pyspy-raw")

    from marsad.events.code import EventCoder
    from marsad.pipeline import ingest_paths
    from marsad.store import open_store

    t0 = time.perf_counter()
    coder = EventCoder.load()
    loaded = time.perf_counter() - t0
    # What loads at the first document (the language identifier, the event lexicon) loads
    # here, on first files coded into a database of their own: the profile is of steady work.
    files = sorted(p for p in Path(args.corpus).rglob("*") if p.is_file()) if Path(args.corpus).is_dir() else []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "warm.db") as warm:
        for first in files[:10] if not args.cold else []:
            if ingest_paths([str(first)], warm, coder=coder, progress=False).events:
                break  # an English article that coded an event: every stage has run once
    print(f"load (model, gazetteer, actors, sources): {loaded:.2f} s; with first documents to warm up: "
          f"{time.perf_counter() - t0:.2f} s")
    profiler = cProfile.Profile()
    cpu = time.process_time()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "profile.db") as store:
        t0 = time.perf_counter()
        if args.plain:
            summary = ingest_paths([args.corpus], store, coder=coder, progress=False)
        else:
            summary = profiler.runcall(ingest_paths, [args.corpus], store, coder=coder, progress=False)
        wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu
    print(f"ingest: {summary.documents} documents, {summary.articles} articles, {summary.events} events, "
          f"{summary.claims} claims in {wall:.2f} s = {summary.articles / wall:.1f} articles/s; "
          f"CPU {cpu:.2f} s = {summary.articles / cpu:.1f} articles per CPU-second"
          + ("" if args.plain else " (under cProfile)"))
    if args.plain:
        return
    if args.save:
        profiler.dump_stats(args.save)
    stats = pstats.Stats(profiler)
    seconds, funcs = attribute(stats.stats)  # type: ignore[attr-defined]
    print_stages(seconds, funcs, wall, 8)
    for key in ("tottime", "cumulative"):
        print(f"\ntop {args.top} functions by {key}:")
        sys.stdout.flush()
        stats.sort_stats(key).print_stats(args.top)


if __name__ == "__main__":
    main()

"""Speed of the text stages that run once per sentence: the event classifier, the actor
knowledge base and the source attributions — including the long, unpunctuated texts that
would expose a regular expression that backtracks.

    python bench/stage_bench.py [--seconds 1.0]

Prints its figures; never asserts (tests check what these stages find, not how fast).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.actors import ActorKB  # noqa: E402
from marsad.events.classify import classify  # noqa: E402
from marsad.sources import SourceKB  # noqa: E402

# Written for this benchmark: a mix of event sentences and sentences that code nothing.
SENTENCES = [
    "Warplanes struck a market in the town on Tuesday, killing 12 civilians, activists said.",
    "Gunmen on motorbikes shot dead a local council member outside his home.",
    "Hundreds of people marched through the capital demanding the release of detainees.",
    "Police fired tear gas to disperse protesters who threw stones at the governor's office.",
    "An improvised explosive device hit a military convoy on the road to the border crossing.",
    "The ministry said talks on the grain corridor would resume next month.",
    "Rebel fighters seized two villages after heavy clashes with government troops.",
    "Artillery shells landed near the hospital, wounding three nurses.",
    "The central bank kept interest rates unchanged for the third month in a row.",
    "Army engineers defused a car bomb found near the main mosque.",
]


def rate(fn: Callable[[], int], seconds: float) -> tuple[float, float]:
    """(items per second, seconds per call) of `fn`, which returns how many items it did."""
    fn()  # warm caches and compiled patterns
    n = calls = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        n += fn()
        calls += 1
    dt = time.perf_counter() - t0
    return n / dt, dt / calls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=1.0, help="time spent on each figure")
    args = ap.parse_args()
    actors, sources = ActorKB.load(), SourceKB.load()
    long_actor_text = "Iran-backed militias and the IRGC moved, said residents of the town. " * 300
    unpunctuated = ("SOHR and the observatory and activists , , " * 200) + "no verb here"
    sohr = {"Syrian Observatory for Human Rights"}

    def each(fn: Callable[[str], object]) -> Callable[[], int]:
        return lambda: len([fn(s) for s in SENTENCES])

    per_s, _ = rate(each(classify), args.seconds)
    print(f"event classifier        {per_s:10,.0f} sentences/s   (target ≥ 2,000)")
    per_s, _ = rate(each(actors.find), args.seconds)
    print(f"actor mentions          {per_s:10,.0f} sentences/s")
    per_s, _ = rate(each(sources.find_attributions), args.seconds)
    print(f"source attributions     {per_s:10,.0f} sentences/s")
    _, call = rate(lambda: len(actors.find(long_actor_text)), args.seconds)
    print(f"actors, 21 kB text      {call * 1000:10,.1f} ms        (600 mentions)")
    _, call = rate(lambda: len(sources.find_attributions(unpunctuated, article_sources=sohr)) + 1, args.seconds)
    print(f"sources, 9 kB no verb   {call * 1000:10,.1f} ms        (a backtracking pattern would take seconds)")


if __name__ == "__main__":
    main()

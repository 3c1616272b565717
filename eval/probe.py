"""Score `marsad ingest` → `marsad export` on the probe stories written for marsad
(eval/probe/): war reports hand-coded into events, and general news, most of which reports
no event an analyst codes.

    python eval/probe.py [--part tune|check|all] [--errors] [--no-floors]

The stories were written by helpers who read none of marsad's code or data, in the styles
of wires, state media and local papers, to be hard the way news is (see
eval/probe/README.md). They are not real news: the figures say how marsad codes text it was
not tuned on, beside the real-news gold (eval/gold.py), not instead of it. The split is the
fixed sha1 rule of `harness.part` on "probe:<id>"; only the tune part's errors are read.

Scored as eval/gold.py scores: an event matches a gold event of the same type (or sub-type)
in the same first-level area with dates within a day; each gold event matches at most one.
"""

from __future__ import annotations

import json
from typing import Any

from gold import score
from harness import ROOT, event_args, gate, part, read_floors, run_marsad

PROBE = ROOT / "eval" / "probe"


def load(part_name: str) -> list[dict[str, Any]]:
    """Every probe story of this part, with its kind ("conflict" or "general")."""
    stories = []
    for path in sorted(PROBE.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                s = json.loads(line)
                s["doc"] = f"probe:{s['id']}"
                s["kind"] = path.stem
                if part_name == "all" or part(s["doc"]) == part_name:
                    stories.append(s)
    return stories


def main(argv: list[str] | None = None) -> int:
    args = event_args(__doc__, argv)
    stories = load(args.part)
    out = run_marsad([{"key": s["doc"], "text": s["text"], "title": s.get("title"), "published": s.get("published")}
                      for s in stories])
    print(f"probe stories, {args.part} part: {len(stories)} ({len(out.rejected)} rejected)")
    scores: dict[str, float] = {}
    for kind in ("conflict", "general"):
        some = [s for s in stories if s["kind"] == kind]
        sc = score(some, out, args.errors)
        none = [s for s in some if not s["events"]]
        in_none = sum(len(out.events.get(s["doc"], [])) for s in none)
        print(f"  {kind} news: {len(some)} stories, {sc.n_gold} gold events, {sc.n_pred} coded "
              f"({sc.n_pred / sc.n_gold if sc.n_gold else 0:.2f} per gold event)")
        sp, _, sf = sc.print("    ")
        print(f"    fatalities right among matched events with a gold figure: {sc.fat_ok}/{sc.fat_n}")
        print(f"    stories with no gold event: {len(none)}, {in_none} events coded "
              f"({100 * in_none / len(none) if none else 0:.0f} per 100)")
        scores[f"probe.{kind}.subtype_f1"] = sf
        scores[f"probe.{kind}.precision"] = sp
        if kind == "conflict" and sc.fat_n:
            scores["probe.conflict.fatalities"] = sc.fat_ok / sc.fat_n
        if none:
            scores[f"probe.{kind}.empty_per_100"] = 100 * in_none / len(none)
    if args.part != "check" or args.no_floors:
        return 0
    floors = read_floors()
    ok = gate({k: v for k, v in scores.items() if not k.endswith("_per_100")}, floors)
    for key, value in scores.items():
        ceiling = floors.get(key + "_max")
        if key.endswith("_per_100") and ceiling is not None and value > ceiling:
            print(f"FAIL: {key} {value:.1f} > {ceiling}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Score marsad on Arabic reports: the independent Arabic gold set (eval/arabic/).

    python eval/arabic.py [--part check|tune|all] [--errors] [--no-floors]

The reports in `eval/arabic/texts/` were written for marsad and hand-coded into
`eval/arabic/gold.jsonl` apart from marsad's Arabic lexicons (see eval/arabic/README.md),
in the format of the English gold set (`eval/gold.py`): per report, the events an analyst
codes and the toponyms the text names.

1. Events: every report goes through `marsad ingest` → `marsad export`; a predicted event
   matches a gold event as in `eval/gold.py` (same sub-type, admin1, dates within a day).
   Printed: sub-type precision, recall, F1, events per gold event.
2. Places: the gold toponyms' spans go to `marsad geoparse` (spans given: resolution only);
   a toponym is right when its admin1 (or, for a country, its country) is the gold one.

The split is the harness's fixed rule on the `doc` key. Floors on the check part:
"arabic.subtype_f1", "arabic.precision", "arabic.places".
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

from gold import pair, print_errors
from harness import MARSAD, ROOT, event_args, gate, part, prf, read_floors, region_key, run_marsad

HERE = ROOT / "eval" / "arabic"


def load(which: str) -> list[dict[str, Any]]:
    gold = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    gold = [g for g in gold if which == "all" or part(g["doc"]) == which]
    for g in gold:
        g["text"] = (HERE / "texts" / f"{g['doc'].split(':', 1)[1]}.txt").read_text(encoding="utf-8")
    return gold


def _document(g: dict[str, Any]) -> dict[str, Any]:
    """The report as ingest reads it: the whole text, as the English gold set's are given;
    marsad finds the title and the publication date in it."""
    return {"key": g["doc"], "text": g["text"]}


def events(gold: list[dict[str, Any]], errors: bool) -> dict[str, float]:
    out = run_marsad([_document(g) for g in gold])
    n_gold = sum(len(g["events"]) for g in gold)
    n_pred = sum(len(out.events.get(g["doc"], [])) for g in gold)
    tp = 0
    for g in gold:
        preds = out.events.get(g["doc"], [])
        subs = pair(preds, g["events"], "sub_event_type")
        tp += len(subs)
        if errors:
            print_errors(g, preds, subs)
    p, r, f = prf(tp, n_pred, n_gold)
    print(f"  sub-event type: P {p:.3f} R {r:.3f} F1 {f:.3f}  ({n_pred} coded, {n_gold} gold)")
    print(f"  events per gold event: {n_pred / n_gold if n_gold else 0:.2f}")
    return {"arabic.subtype_f1": f, "arabic.precision": p}


def places(gold: list[dict[str, Any]], errors: bool) -> dict[str, float]:
    lines: list[str] = []
    want: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for g in gold:
        text, spans, at, mine = g["text"], [], 0, []
        for t in g.get("toponyms") or []:
            start = text.find(t["text"], at)
            start = text.find(t["text"]) if start < 0 else start
            if start < 0:
                continue
            spans.append([start, start + len(t["text"])])
            mine.append((start, t))
            at = start + len(t["text"])
        want[g["doc"]] = mine
        lines.append(json.dumps({"id": g["doc"], "text": text, "spans": spans}, ensure_ascii=False))
    done = subprocess.run([str(MARSAD), "geoparse", "-"], input="\n".join(lines) + "\n", capture_output=True,
                          text=True)
    got = {d["id"]: d.get("toponyms") or [] for d in map(json.loads, filter(str.strip, done.stdout.splitlines()))}
    right = total = 0
    for doc, tops in want.items():
        # Each gold span's answer is the toponym geoparse returns at its start (none: unresolved).
        at_start = {r["start"]: r for r in got.get(doc, [])}
        for start, t in tops:
            r = at_start.get(start, {})
            total += 1
            # A province or town: its admin1; a country named alone: its name.
            key = "admin1" if t.get("admin1") else "name"
            ok = region_key(t.get(key)) is not None and region_key(t.get(key)) == region_key(r.get(key))
            right += ok
            if errors and not ok:
                print(f"  PLACE {doc} {t['text']} → {r.get('name')} ({r.get('admin1')});"
                      f" gold {t.get('name')} ({t.get('admin1')}, {t.get('country')})")
    share = right / total if total else 0.0
    print(f"  gold toponyms with the right province (or country): {right}/{total} = {share:.3f}")
    return {"arabic.places": share}


def main(argv: list[str] | None = None) -> int:
    args = event_args(__doc__, argv)
    if not (HERE / "gold.jsonl").exists():
        print("no Arabic gold set (eval/arabic/gold.jsonl)")
        return 1
    gold = load(args.part)
    print(f"Arabic gold, {args.part} part: {len(gold)} reports")
    scores = {**events(gold, args.errors), **places(gold, args.errors)}
    if args.part != "check" or args.no_floors:
        return 0
    return 0 if gate(scores, read_floors()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

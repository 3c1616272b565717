"""Score marsad's sentence-level event classifier on the CASE 2021 task 2 dev snippets.

    python eval/events.py [--data PATH] [--min-f1 X] [--min-acc Y] [--errors] [--plover]
    python eval/events.py --snippets [--pipeline] [--part tune|check|all] [--errors]

`--snippets` scores the 360 snippets written for marsad in the CASE format instead
(`eval/snippets/`, never tuned on before they were scored): split on "snip:<id>", gated on
the `snippets.*` floors.

How the five non-ACLED classes (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO,
ATTRIB) are folded in: their gold label becomes one class, NO_EVENT. A prediction of None
is NO_EVENT; a prediction of "Other" on a NO_EVENT snippet also counts as NO_EVENT (the
task says marsad should code no event or `Other` for them).

- accuracy: over all snippets, 26 classes (the 25 ACLED sub-types + NO_EVENT).
- weighted F1: per-class F1 over the 25 ACLED classes only, weighted by gold support,
  computed over *all* snippets — an ACLED prediction on a NO_EVENT snippet is a false
  positive for that class, a None on an ACLED snippet a false negative. This is the
  figure comparable with CASE 2021 task 2 (best system 83.9, trained on ACLED data).
- macro F1 over the same 25 classes, and NO_EVENT's own P/R/F1, are printed beside.

The snippets are split once by a fixed rule (`harness.part`: even sha1 of "case:<id>" is
the tune part). Scores are printed for `--part` (check by default); floors gate the check
part only. `--errors` lists the tune part's mistakes only.

`--pipeline` also scores what a user gets: every snippet of the part through
`marsad ingest` → `marsad export` (one JSON Lines record each), the snippet's main event
(else its first) taken as the prediction, places and modality included; and it counts
the snippets ingest rejected (of all 509: each is a real report and must be read).

Floors: `eval/floors.json` ("events.f1", "events.acc", "events.pipeline_f1",
"events.pipeline_acc", "events.accepted") or `--min-f1` / `--min-acc`; the script exits 1
when a check-part score falls below its floor (CI gate).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from harness import PARTS, main_event, part, run_marsad  # noqa: E402

from marsad.events.classify import classify  # noqa: E402
from marsad.vocab import case_code_to_sub_type, case_codes  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "events"  # CI has ../shared beside the clone
DEFAULT_DATA = SHARED / "case2021_task2_dev.tsv"
DEFAULT_PLOVER = SHARED / "PLOVER_GSR_CAMEO.json"
SNIPPETS = ROOT / "eval" / "snippets" / "snippets.tsv"  # written for marsad, never tuned on before it was scored
FLOORS = ROOT / "eval" / "floors.json"

# CASE 2021 task 2 codes -> ACLED sub-event types, from marsad's vocabulary (data/acled.yaml).
CASE_TO_ACLED = {code: sub for code in case_codes() if (sub := case_code_to_sub_type(code)) is not None}
NON_ACLED = {code for code in case_codes() if case_code_to_sub_type(code) is None}
NO_EVENT = "NO_EVENT"


def read_case(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        code = r["SubType"].strip()
        gold = NO_EVENT if code in NON_ACLED else CASE_TO_ACLED[code]
        out.append((r["id"], r["EventSnippet"], gold))
    return out


def fold(prediction: str | None, gold: str) -> str:
    if prediction is None or (prediction == "Other" and gold == NO_EVENT):
        return NO_EVENT
    return prediction


def prf(gold: list[str], pred: list[str], label: str) -> tuple[float, float, float, int]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
    n_pred = sum(1 for p in pred if p == label)
    n_gold = sum(1 for g in gold if g == label)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_gold


def plover_check(path: Path) -> None:
    """How often PLOVER's violent / protest gold sentences get *some* ACLED event (cheap)."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    expect_event = {"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "SEIZE"}
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in records:
        cat = str(r.get("event", ""))
        got = classify(r["text"])
        total[cat] += 1
        if got is not None:
            hit[cat] += 1
    print("\nPLOVER gold sentences with an ACLED event found, by PLOVER category:")
    for cat in sorted(total):
        flag = "  (event expected)" if cat in expect_event else ""
        print(f"  {cat:<12} {hit[cat]:>3}/{total[cat]:<3}{flag}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-f1", type=float, default=None, help="fail below this weighted F1 (0-1)")
    ap.add_argument("--min-acc", type=float, default=None, help="fail below this accuracy (0-1)")
    ap.add_argument("--errors", action="store_true", help="list every misclassified snippet of the tune part")
    ap.add_argument("--part", choices=[*PARTS, "all"], default="check", help="which part to score")
    ap.add_argument("--plover", action="store_true", help="also run the PLOVER sanity check")
    ap.add_argument("--top", type=int, default=15, help="how many confusions to list")
    ap.add_argument("--pipeline", action="store_true", help="also score the whole event coder")
    ap.add_argument("--floors", type=Path, default=FLOORS, help="JSON file of minimum scores")
    ap.add_argument("--snippets", action="store_true",
                    help="score the snippets written for marsad (eval/snippets/) instead of the CASE dev set")
    args = ap.parse_args(argv)
    # Each set has its own split key ("case:<id>", "snip:<id>") and its own floors.
    set_key = "snip" if args.snippets else "case"
    if args.snippets:
        args.data = SNIPPETS
    floor_set = "snippets" if args.snippets else "events"
    floors = json.loads(args.floors.read_text()) if args.floors and args.floors.exists() else {}
    floors = {key.replace(f"{floor_set}.", "events.", 1): value for key, value in floors.items()
              if key.startswith(f"{floor_set}.")}
    if args.min_f1 is None:
        args.min_f1 = floors.get("events.f1")
    if args.min_acc is None:
        args.min_acc = floors.get("events.acc")

    every = read_case(args.data)
    if args.errors:
        args.part = "tune"  # errors are read on the tune part only
    rows = [r for r in every if args.part == "all" or part(f"{set_key}:{r[0]}") == args.part]
    classify("warm-up: the lexicon compiles once")
    # CPU time, not wall time: the figure should not depend on what else the machine runs.
    t0 = time.process_time()
    raw = [classify(text) for _, text, _ in rows]
    elapsed = time.process_time() - t0
    sentences = [s for _, text, _ in rows for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s.strip()]
    t0 = time.process_time()
    for s in sentences:
        classify(s)
    sentence_rate = len(sentences) / (time.process_time() - t0)
    gold = [g for _, _, g in rows]
    pred = [fold(c.sub_event_type if c else None, g) for c, g in zip(raw, gold, strict=True)]

    acled_labels = list(CASE_TO_ACLED.values())
    accuracy = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(rows)
    table = {lab: prf(gold, pred, lab) for lab in [*acled_labels, NO_EVENT]}
    support = sum(table[lab][3] for lab in acled_labels)
    weighted = sum(table[lab][2] * table[lab][3] for lab in acled_labels) / support
    macro = sum(table[lab][2] for lab in acled_labels) / len(acled_labels)

    print(f"{args.part} part: {len(rows)} snippets ({support} ACLED, {len(rows) - support} non-ACLED -> {NO_EVENT})")
    print(f"accuracy (26 classes):            {accuracy:.3f}")
    print(f"weighted F1 (25 ACLED classes):   {weighted:.3f}")
    print(f"macro F1 (25 ACLED classes):      {macro:.3f}")
    ne_p, ne_r, ne_f, ne_n = table[NO_EVENT]
    print(f"{NO_EVENT}: P {ne_p:.3f} R {ne_r:.3f} F1 {ne_f:.3f} (n={ne_n})")
    print(
        f"speed (CPU time, one core): {len(rows) / elapsed:,.0f} snippets/s; "
        f"{sentence_rate:,.0f} sentences/s over the {len(sentences)} sentences in them"
    )

    print(f"\n{'class':<38} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for lab in [*acled_labels, NO_EVENT]:
        pr, rc, f1, n = table[lab]
        print(f"{lab:<38} {pr:>6.2f} {rc:>6.2f} {f1:>6.2f} {n:>4}")

    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print(f"\ntop confusions (gold -> predicted), {sum(confusions.values())} errors:")
    for (g_lab, p_lab), k in confusions.most_common(args.top):
        print(f"  {k:>3}  {g_lab} -> {p_lab}")

    if args.errors:
        print("\nerrors:")
        for (sid, text, g_lab), c, p_lab in zip(rows, raw, pred, strict=True):
            if g_lab != p_lab:
                trig = f" [{c.trigger}]" if c else ""
                print(f"  {sid}: {g_lab} -> {p_lab}{trig}: {text[:200]}")

    if args.plover and DEFAULT_PLOVER.exists():
        plover_check(DEFAULT_PLOVER)

    failed = False
    gated = args.part == "check"
    if args.pipeline:
        p_weighted, p_accuracy, accepted = pipeline_scores(every, rows, set_key)
        print(f"\nthrough marsad ingest -> export ({args.part} part): weighted F1 {p_weighted:.3f}, "
              f"accuracy {p_accuracy:.3f}")
        print(f"snippets accepted by ingest (all {len(every)}): {accepted:.3f}")
        for key, value in (("events.pipeline_f1", p_weighted), ("events.pipeline_acc", p_accuracy),
                           ("events.accepted", accepted)):
            if gated and key in floors and value < floors[key]:
                print(f"FAIL: {key} {value:.3f} < {floors[key]}", file=sys.stderr)
                failed = True
    if gated and args.min_f1 is not None and weighted < args.min_f1:
        print(f"FAIL: weighted F1 {weighted:.3f} < {args.min_f1}", file=sys.stderr)
        failed = True
    if gated and args.min_acc is not None and accuracy < args.min_acc:
        print(f"FAIL: accuracy {accuracy:.3f} < {args.min_acc}", file=sys.stderr)
        failed = True
    return 1 if failed else 0


def pipeline_scores(every: list[tuple[str, str, str]], rows: list[tuple[str, str, str]],
                    set_key: str = "case") -> tuple[float, float, float]:
    """Weighted F1 and accuracy of what `marsad ingest` → `export` codes for `rows`, folded as for
    the classifier; and the share of all snippets (`every`) that ingest accepts. `set_key` names
    the set in each document's key ("case:<id>")."""
    out = run_marsad([{"key": f"{set_key}:{sid}", "text": text} for sid, text, _ in every])
    gold, pred = [], []
    for sid, _, g in rows:
        doc = f"{set_key}:{sid}"
        ids = {a["article_id"] for a in out.articles.get(doc, [])}
        ev = main_event(out.events.get(doc, []), ids)
        gold.append(g)
        pred.append(fold(ev["sub_event_type"] if ev else None, g))
    labels = list(CASE_TO_ACLED.values())
    table = {lab: prf(gold, pred, lab) for lab in labels}
    support = sum(table[lab][3] for lab in labels)
    weighted = sum(table[lab][2] * table[lab][3] for lab in labels) / support
    accuracy = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(rows)
    return weighted, accuracy, 1 - len(out.rejected) / len(every)


if __name__ == "__main__":
    raise SystemExit(main())

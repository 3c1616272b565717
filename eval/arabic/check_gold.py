"""Self-check of the Arabic gold set: every evidence and toponym span is exact text of its
report, the ACLED types are consistent, dates are valid; prints counts and the tune/check split.

    python eval/arabic/check_gold.py
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from harness import part  # noqa: E402  (the fixed split: sha1 of the key, even -> tune)

TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Suicide bomb",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Chemical weapon",
    },
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Agreement",
        "Other",
    },
}


def main() -> int:
    errors: list[str] = []
    docs = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    subs: collections.Counter[str] = collections.Counter()
    parts: collections.Counter[str] = collections.Counter()
    part_events: collections.Counter[str] = collections.Counter()
    n_top = 0
    for d in docs:
        key = d["doc"]
        text = (HERE / "texts" / f"{key.split(':', 1)[1]}.txt").read_text(encoding="utf-8")
        if text.split("\n", 1)[0] != d["title"]:
            errors.append(f"{key}: title is not the file's first line")
        published = dt.date.fromisoformat(d["published"])
        if d["events"] and sum(e["main"] for e in d["events"]) != 1:  # a report with no event has none
            errors.append(f"{key}: needs exactly one main event")
        for e in d["events"]:
            if e["sub_event_type"] not in TYPES.get(e["event_type"], ()):
                errors.append(f"{key}: {e['event_type']} / {e['sub_event_type']}")
            if e["evidence"] not in text:
                errors.append(f"{key}: evidence not in text: {e['evidence'][:60]}")
            if e["time_precision"] not in (1, 2, 3):
                errors.append(f"{key}: time_precision {e['time_precision']}")
            if dt.date.fromisoformat(e["event_date"]) > published:
                errors.append(f"{key}: event after publication")
            if e["fatalities"] is not None and not isinstance(e["fatalities"], int):
                errors.append(f"{key}: fatalities {e['fatalities']!r}")
            subs[e["sub_event_type"]] += 1
        for t in d["toponyms"]:
            if t["text"] not in text:
                errors.append(f"{key}: toponym not in text: {t['text']}")
        n_top += len(d["toponyms"])
        parts[part(key)] += 1
        part_events[part(key)] += len(d["events"])
    for msg in errors:
        print("ERROR", msg)
    print(f"{len(docs)} reports, {sum(subs.values())} events, {n_top} toponyms")
    for s, n in subs.most_common():
        print(f"  {n:3d}  {s}")
    print("split: " + ", ".join(f"{p} {parts[p]} reports / {part_events[p]} events" for p in ("tune", "check")))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())

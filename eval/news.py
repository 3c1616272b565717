"""Score the main event of real Syrian-war articles (FA-KES dev half, ../shared/data/news).

    python eval/news.py [--part check|tune|all] [--errors N] [--no-floors]

Each article goes through `marsad ingest` → `marsad export` as a JSON Lines record
(title and scraped body; no publication date given: marsad must read the dateline). The
article's main event is the one marsad marks (`main_for`), else its first. Scored:
- governorate: the main event's admin1 equals the data set's governorate of the main event
  (Rif Dimashq counts as Damascus, as in FA-KES);
- date: the main event's date equals the data set's date exactly; and within a day. The
  data set's date is the publication date in most articles (73% of the tune part), while
  marsad codes the day the event happened ("killed on Tuesday … a monitor said on
  Wednesday"), so the exact figure is a floor on agreement, not on correctness;
- no event: share of articles with no event at all;
- baseline: the first Syrian governorate the text names, for comparison.
Floors: eval/floors.json keys "news.governorate" and "news.date", on the check part.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from typing import Any

from harness import PARTS, SHARED, gate, main_event, part, read_floors, region_key, run_marsad

DATA = SHARED / "data" / "news" / "fakes_dev.csv"
# Governorate names as news spells them, for the "first governorate named" baseline.
_GOVERNORATES = {
    "aleppo": "aleppo", "idlib": "idlib", "idleb": "idlib", "raqqa": "raqqa", "deir ez": "deirezzor",
    "deir al-zor": "deirezzor", "deir el-zour": "deirezzor", "deir ezzor": "deirezzor", "deir al zor": "deirezzor",
    "hasakah": "hasakah", "hasakeh": "hasakah", "hassakeh": "hasakah", "homs": "homs", "hama": "hama",
    "latakia": "latakia", "lattakia": "latakia", "daraa": "daraa", "deraa": "daraa", "quneitra": "quneitra",
    "damascus": "damascus", "ghouta": "damascus", "suwayda": "suwayda", "sweida": "suwayda", "tartus": "tartus",
}
_GOV_RE = re.compile("|".join(sorted(map(re.escape, _GOVERNORATES), key=len, reverse=True)), re.I)


def load() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        m, d, y = (int(x) for x in r["date"].split("/"))
        out.append({"key": f"fakes:{r['unit_id']}", "title": r["article_title"], "text": r["article_content"],
                    "gold_region": region_key(r["location"]), "gold_date": dt.date(y, m, d).isoformat()})
    return out


def first_named(text: str) -> str | None:
    m = _GOV_RE.search(text)
    return region_key(_GOVERNORATES[m.group(0).lower()]) if m else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=[*PARTS, "all"], default="check")
    ap.add_argument("--errors", type=int, default=0, help="list this many wrong articles (tune part only)")
    ap.add_argument("--no-floors", action="store_true")
    args = ap.parse_args(argv)
    rows = [r for r in load() if args.part == "all" or part(r["key"]) == args.part]
    out = run_marsad(rows)
    region_ok = date_ok = near_ok = none = baseline_ok = 0
    pub_ok = gold_after_pub = 0
    wrong = []
    for r in rows:
        arts = out.articles.get(r["key"], [])
        ev = main_event(out.events.get(r["key"], []), {a["article_id"] for a in arts})
        got_region = region_key(ev.get("admin1")) if ev else None
        got_date = ev.get("event_date") if ev else None
        region_ok += got_region == r["gold_region"]
        date_ok += got_date == r["gold_date"]
        near_ok += bool(got_date) and abs((dt.date.fromisoformat(got_date)
                                           - dt.date.fromisoformat(r["gold_date"])).days) <= 1
        none += ev is None
        baseline_ok += first_named(f"{r['title']} {r['text']}") == r["gold_region"]
        # The publication date marsad read is a baseline for the date; a gold date after it
        # cannot be the date of an event the article reports (the label is noisy there).
        pub = arts[0]["published"] if arts else None
        pub_ok += pub == r["gold_date"]
        gold_after_pub += bool(pub) and r["gold_date"] > pub
        if got_region != r["gold_region"] or got_date != r["gold_date"]:
            wrong.append((r, ev, arts))
    n = len(rows) or 1
    scores = {"news.governorate": region_ok / n, "news.date": date_ok / n}
    print(f"FA-KES dev, {args.part} part: {n} articles through marsad ingest -> export")
    print(f"  main event's governorate:   {scores['news.governorate']:.3f}")
    print(f"  main event's date exact:    {scores['news.date']:.3f}")
    print(f"  ... within a day:           {near_ok / n:.3f}")
    print(f"  articles with no event:     {none / n:.3f}")
    print(f"  rejected by ingest:         {len(out.rejected)}")
    print(f"  baseline, first governorate named: {baseline_ok / n:.3f}")
    print(f"  baseline, the publication date:    {pub_ok / n:.3f}")
    print(f"  gold date after publication:       {gold_after_pub / n:.3f}")
    if args.errors and args.part == "tune":
        for r, ev, arts in wrong[: args.errors]:
            pub = arts[0]["published"] if arts else None
            got = f"{ev['admin1']} {ev['event_date']} {ev['sub_event_type']} @ {ev['location']}" if ev else "no event"
            print(f"\n{r['key']} gold {r['gold_region']} {r['gold_date']} | got {got} | published {pub}")
            print(f"  {r['title'][:120]}\n  {r['text'][:300]}")
            if ev:
                print(f"  evidence: {ev['evidence'][0]['text'][:200]}")
    if args.part != "check" or args.no_floors:
        return 0
    return 0 if gate(scores, read_floors()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

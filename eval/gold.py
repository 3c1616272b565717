"""Score marsad's events against marsad's own event-level gold set (eval/gold_events.jsonl).

    python eval/gold.py [--part check|tune|all] [--errors] [--no-floors]

The gold set: real articles (FA-KES dev rows chosen by a fixed rule, the two seeds, and
conflict stories from TR-News and GeoWebNews), each hand-coded by ACLED's codebook into the
events an analyst records from it (`gold_events.jsonl`: one line per article with its
events: type, sub-type, date, admin1, location, fatalities, main). Each article goes
through `marsad ingest` → `marsad export`; its predicted events are those that cite it.

A predicted event matches a gold event of the same article (one-to-one, greedily, gold
events in order; among several that fit, the one at the most alike location name) when:
- the type (for the type scores) or the sub-type (for the sub-type scores) is equal;
- the admin1 is equal (names folded by `harness.region_key`; a gold admin1 of null
  matches any admin1 in the gold country);
- the dates are within a day (a week or a month when either side has that precision;
  a gold date of null matches any).
Printed: precision, recall and F1 of types and sub-types, predicted events per gold event,
fatalities right among matched events, and how many events the part's other TR-News and
GeoWebNews articles (general news nobody coded) yield. Floors on the check part: "gold.subtype_f1",
"gold.precision", the range "gold.per_gold_min" .. "gold.per_gold_max", and the ceiling
"gold.general_news_per_100_max" on events per 100 general news articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from harness import ROOT, SHARED, Output, event_args, gate, part, prf, read_floors, region_key, run_marsad

GOLD = ROOT / "eval" / "gold_events.jsonl"


def _texts(keys: set[str]) -> dict[str, dict[str, str]]:
    """The text each gold article key names, read from ../shared."""
    out: dict[str, dict[str, str]] = {}
    with (SHARED / "data" / "news" / "fakes_dev.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if f"fakes:{r['unit_id']}" in keys:
                out[f"fakes:{r['unit_id']}"] = {"title": r["article_title"], "text": r["article_content"]}
    for name, file in (("trnews", "TR-News.xml"), ("geowebnews", "GeoWebNews.xml")):
        for i, a in enumerate(ET.parse(SHARED / "data" / "geo" / file).getroot().iter("article")):
            if f"{name}:{i}" in keys:
                out[f"{name}:{i}"] = _article(a)
    for path in (SHARED / "seeds").glob("*.txt"):
        if f"seed:{path.name}" in keys:
            out[f"seed:{path.name}"] = {"text": path.read_text(encoding="utf-8")}
    return out


def _article(a: ET.Element) -> dict[str, str]:
    """A TR-News or GeoWebNews article as a user ingests it: its text, its headline, and the
    date stamp of its page where the set kept one. TR-News calls that stamp `dltime`, but it
    is the page's own dateline as scraped ("Wed Nov 23, 2016 | 4:58pm EST", "17 December
    2016"), which a user's scraper or feed hands over as the publication date, and which
    the gold set's coders read; GeoWebNews keeps none."""
    title = (a.findtext("title") or "").strip()
    stamp = (a.findtext("dltime") or "").strip()
    return {"text": a.findtext("text") or "", **({"title": title} if title else {}),
            **({"published": stamp} if stamp else {})}


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def matches(pred: dict[str, Any], gold: dict[str, Any], field: str) -> bool:
    if pred.get(field) != gold.get(field):
        return False
    if gold.get("admin1"):
        if region_key(pred.get("admin1")) != region_key(gold["admin1"]):
            return False
    elif gold.get("country") and pred.get("country") != gold["country"]:
        return False
    if gold.get("event_date"):
        gap = _days(pred.get("event_date"), gold["event_date"])
        precision = max(pred.get("time_precision") or 1, gold.get("time_precision") or 1)
        if gap is None or gap > {1: 1, 2: 7}.get(precision, 31):
            return False
    return True


def country_level_match(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """A coded event and an analyst's of the same sub-type and country, a day apart at most
    (for an event placed no finer than its country: `train_keep.rows`)."""
    if pred.get("sub_event_type") != gold.get("sub_event_type") or pred.get("country") != gold.get("country"):
        return False
    gap = _days(pred.get("event_date"), gold.get("event_date"))
    return gap is not None and gap <= 1


def _folded(name: str | None) -> str:
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def _same_name(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """How alike the two events' location names are, 0..1 ("Kupyansk" and "Kupiansk" 0.88)."""
    a, b = _folded(pred.get("location")), _folded(gold.get("location"))
    return difflib.SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def pair(preds: list[dict[str, Any]], golds: list[dict[str, Any]], field: str) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, gold events in order; among the coded events a gold event
    matches, the one at the most alike location (so that in a round-up of towns of one
    province each town's toll is compared with its own), else the first."""
    free = list(preds)
    out = []
    for g in golds:
        fits = [p for p in free if matches(p, g, field)]
        if fits:
            alike = [_same_name(p, g) for p in fits]
            best = fits[max(range(len(fits)), key=lambda i: alike[i] if alike[i] >= 0.75 else 0.0)]
            out.append((best, g))
            free.remove(best)
    return out


def print_errors(g: dict[str, Any], preds: list[dict[str, Any]], subs: list[tuple[dict, dict]]) -> None:
    """A gold article's missed gold events and its coded events that match none."""
    matched = {id(p) for p, _ in subs}
    hit = {id(ge) for _, ge in subs}
    missed = [ge for ge in g["events"] if id(ge) not in hit]
    extra = [p for p in preds if id(p) not in matched]
    if missed or extra:
        print(f"\n== {g['doc']} {g.get('title', '')[:80]} (published {g.get('published')})")
    for ge in missed:
        print(f"  MISSED {ge['sub_event_type']} {ge.get('admin1')} {ge.get('location')} "
              f"{ge.get('event_date')} f={ge.get('fatalities')} | {ge.get('evidence', '')[:120]}")
    for p in extra:
        print(f"  EXTRA  {p['sub_event_type']} {p.get('admin1')} {p.get('location')} "
              f"{p.get('event_date')} f={p.get('fatalities')} | {p['evidence'][0]['text'][:120]}")


@dataclass
class Score:
    """Counts over a set of hand-coded articles: gold and coded events, matches by type and
    by sub-type, right fatality figures among sub-type matches with a gold figure."""

    n_gold: int = 0
    n_pred: int = 0
    tp_type: int = 0
    tp_sub: int = 0
    fat_ok: int = 0
    fat_n: int = 0

    def print(self, indent: str = "  ") -> tuple[float, float, float]:
        """Print the figures; return sub-type precision, recall and F1."""
        tp, tr, tf = prf(self.tp_type, self.n_pred, self.n_gold)
        sp, sr, sf = prf(self.tp_sub, self.n_pred, self.n_gold)
        print(f"{indent}event type:     P {tp:.3f} R {tr:.3f} F1 {tf:.3f}")
        print(f"{indent}sub-event type: P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
        return sp, sr, sf


def score(golds: list[dict[str, Any]], out: Output, errors: bool = False) -> Score:
    """Match each article's coded events to its gold events (see the module docstring)."""
    sc = Score()
    for g in golds:
        preds = out.events.get(g["doc"], [])
        sc.n_gold += len(g["events"])
        sc.n_pred += len(preds)
        sc.tp_type += len(pair(preds, g["events"], "event_type"))
        subs = pair(preds, g["events"], "sub_event_type")
        sc.tp_sub += len(subs)
        for p, ge in subs:
            if ge.get("fatalities") is not None:
                sc.fat_n += 1
                sc.fat_ok += p.get("fatalities") == ge["fatalities"]
        if errors:
            print_errors(g, preds, subs)
    return sc


def general_news(part_name: str, skip: set[str]) -> float:
    """Print how many events marsad codes from the TR-News and GeoWebNews articles of this
    part that the gold set does not hold: general news (local crime, politics, sport,
    business, obituaries, some conflict), coded by nobody. Not a precision — some of these
    stories do report an event — but an upper bound on what general news adds to a database,
    which the gold set's 22 stories measure too coarsely. Counted only, never listed."""
    docs = []
    for name, file in (("trnews", "TR-News.xml"), ("geowebnews", "GeoWebNews.xml")):
        for i, a in enumerate(ET.parse(SHARED / "data" / "geo" / file).getroot().iter("article")):
            key = f"{name}:{i}"
            if key not in skip and (part_name == "all" or part(key) == part_name):
                docs.append({"key": key, **_article(a)})
    out = run_marsad(docs)
    n = sum(len(out.events.get(d["key"], [])) for d in docs)
    with_any = sum(1 for d in docs if out.events.get(d["key"]))
    print(f"  general news outside the gold set (TR-News and GeoWebNews, {part_name} part): {len(docs)} articles, "
          f"{n} events coded ({100 * n / len(docs) if docs else 0:.0f} per 100 articles; {with_any} articles with any)")
    return 100 * n / len(docs) if docs else 0.0


def load() -> list[dict[str, Any]]:
    """Every coded article of the gold set, in file order, each once: a data set row can
    appear twice (FA-KES has a repeated unit_id), and its first coding stands."""
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list({g["doc"]: g for g in reversed(gold)}.values())[::-1]


def main(argv: list[str] | None = None) -> int:
    args = event_args(__doc__, argv)
    gold = all_gold = load()
    gold = [g for g in gold if args.part == "all" or part(g["doc"]) == args.part]
    texts = _texts({g["doc"] for g in gold})
    out = run_marsad([{"key": g["doc"], **texts[g["doc"]]} for g in gold])
    sc = score(gold, out, args.errors)
    print(f"own event gold, {args.part} part: {len(gold)} articles, {sc.n_gold} gold events, {sc.n_pred} coded")
    sp, _, sf = sc.print()
    per_gold = sc.n_pred / sc.n_gold if sc.n_gold else 0.0
    print(f"  events per gold event: {per_gold:.2f}")
    # Where the events come from: the Syrian-war articles, and the wider news (TR-News and
    # GeoWebNews stories of crime, policing and terror, many with no event an analyst codes).
    for label, keys in (("FA-KES and seeds", ("fakes", "seed")), ("TR-News and GeoWebNews", ("trnews", "geowebnews"))):
        some = [g for g in gold if g["doc"].split(":")[0] in keys]
        k_gold = sum(len(g["events"]) for g in some)
        k_pred = sum(len(out.events.get(g["doc"], [])) for g in some)
        empty = sum(len(out.events.get(g["doc"], [])) for g in some if not g["events"])
        print(f"    {label}: {len(some)} articles, {k_gold} gold events, {k_pred} coded "
              f"({k_pred / k_gold if k_gold else 0:.2f} per gold event; {empty} in articles with none)")
    print(f"  fatalities right among matched events with a gold figure: "
          f"{sc.fat_ok}/{sc.fat_n}" + (f" ({sc.fat_ok / sc.fat_n:.2f})" if sc.fat_n else ""))
    per_100 = general_news(args.part, {g["doc"] for g in all_gold})
    if args.part != "check" or args.no_floors:
        return 0
    floors = read_floors()
    ok = gate({"gold.subtype_f1": sf, "gold.precision": sp, "gold.per_gold_min": per_gold}, floors)
    if "gold.per_gold_max" in floors and per_gold > floors["gold.per_gold_max"]:
        print(f"FAIL: gold.per_gold {per_gold:.2f} > {floors['gold.per_gold_max']}")
        ok = False
    # A ceiling: events coded per 100 general news articles nobody coded.
    if "gold.general_news_per_100_max" in floors and per_100 > floors["gold.general_news_per_100_max"]:
        print(f"FAIL: gold.general_news_per_100 {per_100:.1f} > {floors['gold.general_news_per_100_max']}")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

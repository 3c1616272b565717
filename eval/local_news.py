"""Score `marsad geoparse` on local news written for marsad (eval/local_news/): a probe, not a
held-out set.

    python eval/local_news.py [--detect] [--outlet] [--errors] [--unseen]

155 invented stories in the style of small local papers (four batches, see its README: US,
UK, Canadian, Australian, Irish, Indian, New Zealand, South African), 3,125 place mentions
annotated by hand with what a careful
reader resolves them to: kind (country, state, county, town, part of a town, water,
region, other), country, state or province, and the town. Written by a helper in one
session, without reading marsad's code or data, to be hard the way local news is: towns
named like famous places abroad (Paris, Tennessee; Lebanon, Pennsylvania; Peru, Indiana),
namesakes across states, county names, datelines with state abbreviations, twin towns.

Its errors were read while writing rules (issue 15), so it is a tuning set: its figures say
what changed, not what unseen news will get. Nothing is gated on it.

A mention counts right when the country matches, and for a state, county, town or part in
the US, Canada, Australia or India the state or province too, and for a town its name
(Ireland's, India's and Lebanon's towns are often stored under another spelling, so there
the province decides). Regions and "other" places are not scored. Gold spans are given to
the resolver unless --detect: then the toponyms marsad finds are matched to the gold
mentions by overlap, and a gold mention with none is "missed".
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marsad.places import Gazetteer, PlaceResolver  # noqa: E402
from marsad.places.geoparse import geoparse_document  # noqa: E402

STORIES = Path(__file__).with_name("local_news") / "stories.jsonl"
# A second set, written later by another helper and never read: its errors are never listed.
UNSEEN = Path(__file__).with_name("local_news") / "unseen.jsonl"
SCORED_KINDS = ("country", "state", "county", "town", "part", "water")
WITH_PROVINCE = ("US", "CA", "AU", "IN")
OTHER_SPELLINGS = ("IE", "IN", "LB")


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    for word in ("county ", "co. ", "city of ", "saint ", "st. ", "st "):
        s = s.replace(word, "")
    return s.replace("-", " ").strip()


def _spans(story: dict[str, Any]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """Each gold mention's span (its n-th occurrence), in text order, overlaps dropped."""
    text, out = story["text"], []
    for place in story["places"]:
        at = -1
        for _ in range(place["occurrence"]):
            at = text.find(place["text"], at + 1)
        if at >= 0:
            out.append(((at, at + len(place["text"])), place))
    out.sort(key=lambda sp: sp[0])
    kept: list[tuple[tuple[int, int], dict[str, Any]]] = []
    for span, place in out:
        if not kept or span[0] >= kept[-1][0][1]:
            kept.append((span, place))
    return kept


def verdict(rec: dict[str, Any] | None, gold: dict[str, Any]) -> str:
    if rec is None:
        return "missed"
    if rec["latitude"] is None:
        return "unresolved"
    ok = rec["country_code"] == gold["country"]
    if ok and gold["kind"] != "country" and gold.get("admin1") and gold["country"] in WITH_PROVINCE:
        ok = _norm(rec["admin1"]) == _norm(gold["admin1"]) or _norm(rec["name"]) == _norm(gold["admin1"])
    if ok and gold["kind"] == "town" and gold["country"] not in OTHER_SPELLINGS:
        got, want = _norm(rec["name"]), _norm(gold["town"])
        ok = got == want or want in got or got in want
    return "right" if ok else "wrong"


@click.command()
@click.option("--detect", is_flag=True, help="Find the toponyms too (end to end), instead of giving the gold spans.")
@click.option("--outlet", is_flag=True, help="Tell the resolver each story's outlet city.")
@click.option("--errors", is_flag=True, help="List every mention that is not right (the tuning set only).")
@click.option("--unseen", is_flag=True, help="Score the unseen set (eval/local_news/unseen.jsonl) instead.")
def main(detect: bool, outlet: bool, errors: bool, unseen: bool) -> None:
    if unseen and errors:
        raise click.UsageError("the unseen set's errors are never listed: it is kept for checking only")
    resolver = PlaceResolver(Gazetteer.open())
    nlp = None
    if detect:
        from marsad.nlp import load_pipeline

        nlp = load_pipeline(resolver.gaz)
    tally: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    for line in (UNSEEN if unseen else STORIES).read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        text, gold = story["text"], _spans(story)
        home = f'{story["outlet_city"]}, {story["outlet_admin1"]}' if outlet else None
        if detect:
            found = geoparse_document(text, resolver=resolver, nlp=nlp, outlet=home)["toponyms"]
            pairs = [(next((r for r in found if r["start"] < e and s < r["end"]), None), g) for (s, e), g in gold]
        else:
            recs = geoparse_document(text, resolver=resolver, spans=[sp for sp, _ in gold], outlet=home)["toponyms"]
            pairs = list(zip(recs, [g for _, g in gold], strict=True))
        for rec, g in pairs:
            if g["kind"] not in SCORED_KINDS:
                continue
            v = verdict(rec, g)
            tally[v] += 1
            by_kind[(g["kind"], v)] += 1
            if errors and v != "right":
                got = "-" if rec is None else f'{rec["name"]!r} {rec["country_code"]}/{rec["admin1"]}'
                print(f'{story["id"]} {v:10s} {g["kind"]:7s} {g["text"]!r} '
                      f'gold={g["country"]}/{g.get("admin1")}/{g.get("town")} got={got}')
    n = sum(tally.values())
    mode = ("detected" if detect else "gold spans") + (", outlet given" if outlet else "")
    verdicts = ("right", "wrong", "unresolved", "missed")
    which = "unseen set" if unseen else "probe"
    print(f"local news {which} ({mode}): {n} mentions: " + ", ".join(f"{v} {tally[v] / n:.1%}" for v in verdicts))
    for kind in SCORED_KINDS:
        print(f"  {kind:8s} " + " ".join(f"{v} {by_kind[(kind, v)]}" for v in verdicts))


if __name__ == "__main__":
    main()

"""Watches: saved filters with a rule, evaluated at the end of every ingest; what fires is an alert.

Rules (each looks only at what was stored since the watch last looked, so a re-run of the same
folder, which stores nothing, raises nothing):

- `new`: events matching the filter that this ingest created;
- `count`: more than `threshold` matching events in the `days` (7) days to the reference date,
  raised when this ingest's events take the count over the threshold;
- `surge`: ACLED's Subnational Surge Tracker test — the latest week holds at least `threshold`
  (100) per cent more events than the average week of the `days` (28: four weeks) before it, where
  that average is at least one event a week — raised when this ingest's events make the week a surge;
- `new-place`: an event of the filter's actor at a place (location, admin1, country) where no
  event stored before showed that actor;
- `new-claim`: numeric claims of the articles this ingest stored, matched on country, admin1 and
  location (the claim's place, admin1, country), actor (its subject), source and words.

The reference date is the latest event date in the database (not after tomorrow, so one date
misread into the future cannot move every window): windows follow the news, not the clock, so a
backlog of old reports ingested today does not count as this week's activity.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
import shlex
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from . import vocab
from .store import query
from .store import watches as store
from .store.base import database_errors
from .store.query import EventFilter
from .store.watches import Watch, WatchError

__all__ = ["RULES", "Watch", "WatchError", "add", "describe_filter", "describe_rule", "evaluate", "notify", "run"]

log = logging.getLogger("marsad.watches")

COUNT_DAYS = 7
SURGE_PERCENT = 100.0  # ACLED's surge tracker: an increase of 100% or more over the baseline week ...
SURGE_DAYS = 28  # ... the average week of the past month (four weeks) ...
SURGE_MIN_BASELINE = 1.0  # ... counted only where that average is at least one event a week
CLAIM_FIELDS = {"country", "admin1", "location", "actor", "source", "q"}  # what a claim has to match on
NOTIFY_TIMEOUT = 30.0


@dataclass
class Found:
    """What a rule found: the alert's message, its figures, and the ids that raised it."""

    message: str
    details: dict[str, Any]
    events: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)


# creating ----------------------------------------------------------------------------------------
def add(db: sqlite3.Connection, name: str, rule: str, f: EventFilter, *, threshold: float | None = None,
        days: int | None = None) -> Watch:
    """Check and store a watch; WatchError says what is wrong in one line."""
    name = name.strip()
    if not name or len(name) > 100 or re.search(r"[\x00-\x1f\x7f]", name):
        raise WatchError("a watch name is 1 to 100 printable characters")
    if name.isdigit():
        raise WatchError(f"a watch name must not be only digits ({name!r} would read as a watch id)")
    try:  # JSON bodies can carry lone surrogates, which no database text can hold
        (name + json.dumps(store.filter_to_json(f), ensure_ascii=False)).encode("utf-8")
    except UnicodeEncodeError:
        raise WatchError("the name or the filter holds characters that are not text (lone surrogates)") from None
    if threshold is not None and not math.isfinite(threshold):
        raise WatchError("the threshold must be a number")
    if rule not in RULES:
        raise WatchError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    for value in f.event_type:
        if value not in vocab.event_types():
            raise WatchError(f"unknown event type {value!r}; use one of {', '.join(vocab.event_types())}")
    for value in f.sub_event_type:
        if value not in vocab.sub_event_types():
            raise WatchError(f"unknown sub-event type {value!r} (ACLED's names, e.g. 'Air/drone strike')")
    for day in (f.date_from, f.date_to):
        if day is not None:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
                    raise ValueError(day)
                dt.date.fromisoformat(day)
            except ValueError:
                raise WatchError(f"not a date (YYYY-MM-DD): {day!r}") from None
    if days is not None and not 1 <= days <= 3660:
        raise WatchError("days must be 1 to 3660")
    if rule == "count":
        if threshold is None or threshold < 0 or threshold != int(threshold):
            raise WatchError("a count watch needs --threshold N: it alerts when more than N events fall in the window")
        days = days or COUNT_DAYS
    elif rule == "surge":
        if threshold is not None and threshold <= 0:
            raise WatchError("a surge threshold is a percentage increase over the baseline, above 0 (default 100)")
        threshold, days = threshold or SURGE_PERCENT, days or SURGE_DAYS
        if days < 7:
            raise WatchError("a surge baseline is whole weeks: --days 7 or more (default 28)")
    elif threshold is not None or days is not None:
        raise WatchError(f"--threshold and --days apply to count and surge watches, not to {rule}")
    if rule == "new-place" and not f.actor:
        raise WatchError("a new-place watch needs an actor (--actor NAME): it alerts on a place new for that actor")
    if rule == "new-claim":
        other = sorted(name for name in _set_fields(f) if name not in CLAIM_FIELDS | {"modality"})
        if other:
            raise WatchError(f"claims have no {other[0]}; a new-claim watch filters on "
                             f"{', '.join(sorted(CLAIM_FIELDS))}")
        f = replace(f, modality=())
    elif not f.modality:
        f = replace(f, modality=("occurred",))  # as exports: what happened, not threats or fears
    return store.add_watch(db, name, rule, f, threshold=threshold, days=days)


def _set_fields(f: EventFilter) -> list[str]:
    return [x.name for x in fields(f) if getattr(f, x.name) != x.default]


def describe_rule(w: Watch) -> str:
    """What the watch alerts on, in words."""
    if w.rule == "count":
        return f"more than {w.threshold:g} events in {w.days} days"
    if w.rule == "surge":
        return f"surge: +{w.threshold:g}% over the average week of the {(w.days or 28) // 7} weeks before"
    if w.rule == "new-place":
        return "new places for " + " or ".join(w.filter.actor)
    return "new claims" if w.rule == "new-claim" else "new events"


def describe_filter(f: EventFilter) -> str:
    parts = [f"{k}={'|'.join(map(str, v)) if isinstance(v, list) else v}"
             for k, v in store.filter_to_json(f).items()]
    return " ".join(parts) or "every event"


# evaluating --------------------------------------------------------------------------------------
def run(target: object) -> list[dict[str, Any]]:
    """The pipeline's hook: evaluate the watches of a store (SQLite or PostgreSQL). Never fails an
    ingest: a database error is one warning, and the next ingest evaluates what this one stored."""
    db = getattr(target, "db", None)
    if db is None:
        return []  # a store without SQL (a test double): no watches
    try:
        return evaluate(db)
    except database_errors() as e:
        log.warning("watches not evaluated (%s); the next ingest will look at what this one stored", e)
        return []


def evaluate(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Evaluate every watch over what was stored since it last looked; record and return the alerts.

    Holds the write lock throughout, so two ingests finishing together cannot both raise the
    same alert, and no write can land between reading what is new and moving the watermarks."""
    if not db.execute("SELECT 1 FROM watches LIMIT 1").fetchone():
        return []
    out: list[dict[str, Any]] = []
    db.execute("BEGIN IMMEDIATE")
    try:
        at, ws = store.now(db), store.watches(db)
        last_doc = int(db.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0])
        oldest = min(w.checked_at for w in ws)
        # Created since the oldest watermark: created_at <= updated_at, so the updated_at index finds them.
        created = db.execute("SELECT event_id, created_at FROM event_changes WHERE updated_at >= ?"
                             " AND created_at >= ?", (oldest, oldest)).fetchall()
        ref = reference_date(db)
        for w in ws:
            ids = [e for e, c in created if c > w.checked_at]
            try:
                found = RULES[w.rule](db, w, ids, ref)
            except Exception as e:  # one broken watch (a hand-edited filter) must not stop the others
                log.warning("watch %s (%s) not evaluated: %s", w.watch_id, w.name, e)
                continue
            if found:
                out.append(store.add_alert(db, w, found.message, found.details, events=found.events,
                                           claims=found.claims))
            store.checked(db, w.watch_id, at, last_doc)
        store.past(db, at)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return out


def reference_date(db: sqlite3.Connection) -> dt.date | None:
    """Where the count and surge windows end: the latest event date stored, not after tomorrow."""
    limit = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    row = db.execute("SELECT max(event_date) FROM event_index WHERE event_date <= ?", (limit,)).fetchone()
    try:
        return dt.date.fromisoformat(row[0]) if row and row[0] else None
    except ValueError:
        return None


def _matching(db: sqlite3.Connection, f: EventFilter, ids: list[str]) -> list[tuple[str, str | None]]:
    """Those of `ids` the filter selects, with their dates. CROSS JOIN keeps SQLite probing the
    index by id for these few events instead of scanning all that the filter would select."""
    if not ids:
        return []
    sql, params = query.where(f)
    return [(r[0], r[1]) for r in db.execute(
        f"SELECT i.event_id, i.event_date FROM json_each(?) t CROSS JOIN event_index i ON i.event_id = t.value"
        f" WHERE {sql} ORDER BY i.event_date, i.event_id", [json.dumps(ids), *params])]


def _fresh(db: sqlite3.Connection, w: Watch, kind: str, ids: list[str]) -> list[str]:
    seen = store.already(db, w.watch_id, kind, ids) if ids else set()
    return [i for i in ids if i not in seen]


def _window(f: EventFilter, start: dt.date, end: dt.date) -> EventFilter:
    """The filter limited to a window of dates (and to its own date range, where it has one)."""
    lo, hi = start.isoformat(), end.isoformat()
    return replace(f, date_from=max(lo, f.date_from or lo), date_to=min(hi, f.date_to or hi))


def _describe(db: sqlite3.Connection, ids: list[str], most: int = 3) -> str:
    rows = db.execute("SELECT i.sub_event_type, i.location, i.admin1, i.country, i.event_date FROM json_each(?) t"
                      " CROSS JOIN event_index i ON i.event_id = t.value", (json.dumps(ids[:most]),)).fetchall()
    parts = []
    for sub, location, admin1, country, day in rows:
        where = ", ".join(dict.fromkeys(x for x in (location, admin1, country) if x)) or "place unknown"
        parts.append(f"{sub} in {where} on {day or 'an unknown date'}")
    more = f"; and {len(ids) - most} more" if len(ids) > most else ""
    return "; ".join(parts) + more


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def rule_new(db: sqlite3.Connection, w: Watch, ids: list[str], ref: dt.date | None) -> Found | None:
    hits = _fresh(db, w, "event", [e for e, _ in _matching(db, w.filter, ids)])
    if not hits:
        return None
    return Found(f"{_plural(len(hits), 'new event')}: {_describe(db, hits)}", {"new": len(hits)}, events=hits)


def rule_count(db: sqlite3.Connection, w: Watch, ids: list[str], ref: dt.date | None) -> Found | None:
    days, limit = int(w.days or COUNT_DAYS), int(w.threshold or 0)
    if ref is None:
        return None
    f = _window(w.filter, ref - dt.timedelta(days=days - 1), ref)
    new = _fresh(db, w, "event", [e for e, _ in _matching(db, f, ids)])
    if not new:
        return None
    after = query.count(db, f)
    before = after - len(new)
    if not before <= limit < after:  # over the threshold now, and not without this ingest's events
        return None
    return Found(f"{_plural(after, 'event')} in the {days} days to {ref} (more than {limit}); {len(new)} new:"
                 f" {_describe(db, new)}", {"count": after, "before": before, "threshold": limit, "days": days,
                                            "window": [f.date_from, f.date_to]}, events=new)


def weekly_counts(db: sqlite3.Connection, f: EventFilter, ref: dt.date, weeks: int) -> list[int]:
    """Matching events per 7-day week ending on `ref`: [the latest week, the week before, …]."""
    g = _window(f, ref - dt.timedelta(days=7 * (weeks + 1) - 1), ref)
    sql, params = query.where(g)
    counts = [0] * (weeks + 1)
    # The dates are counted here: GROUP BY in SQL tempts SQLite into an index in date order that
    # reads every event of the window from the table (10 ms at 100,000 events), not the filter's own.
    for (day,) in db.execute(f"SELECT i.event_date FROM event_index i WHERE {sql}", params):
        counts[(ref - dt.date.fromisoformat(day)).days // 7] += 1
    return counts


def is_surge(counts: list[int], percent: float) -> bool:
    """ACLED's test: the latest week at least `percent` % above the average of the weeks before,
    where that average is at least one event a week (a single event in a quiet place is no surge)."""
    base = sum(counts[1:]) / max(1, len(counts) - 1)
    return base >= SURGE_MIN_BASELINE and counts[0] >= base * (1 + percent / 100)


def rule_surge(db: sqlite3.Connection, w: Watch, ids: list[str], ref: dt.date | None) -> Found | None:
    weeks, percent = max(1, int(w.days or SURGE_DAYS) // 7), float(w.threshold or SURGE_PERCENT)
    if ref is None:
        return None
    new = _matching(db, _window(w.filter, ref - dt.timedelta(days=7 * weeks + 6), ref), ids)
    fresh = set(_fresh(db, w, "event", [e for e, _ in new]))
    new = [(e, d) for e, d in new if e in fresh]
    if not any(d and (ref - dt.date.fromisoformat(d)).days < 7 for _, d in new):
        return None  # only this ingest's events in the latest week can make it a surge
    after = weekly_counts(db, w.filter, ref, weeks)
    before = list(after)
    for _, d in new:
        if d:
            before[(ref - dt.date.fromisoformat(d)).days // 7] -= 1
    if not is_surge(after, percent) or is_surge(before, percent):
        return None
    base = sum(after[1:]) / weeks
    rise = round(100 * (after[0] - base) / base)
    return Found(f"surge: {_plural(after[0], 'event')} in the week to {ref}, {rise:+d}% over the weekly average of"
                 f" {base:.1f} in the {weeks} weeks before (threshold +{percent:g}%)",
                 {"week": after[0], "baseline": round(base, 3), "weeks": after[1:], "increase_percent": rise,
                  "threshold_percent": percent, "week_end": ref.isoformat()},
                 events=[e for e, d in new if d and (ref - dt.date.fromisoformat(d)).days < 7])


def rule_new_place(db: sqlite3.Connection, w: Watch, ids: list[str], ref: dt.date | None) -> Found | None:
    hits = _fresh(db, w, "event", [e for e, _ in _matching(db, w.filter, ids)])
    if not hits:
        return None
    rows = db.execute(
        "SELECT i.event_id, a.actor, i.country, i.admin1, i.location FROM json_each(?) t CROSS JOIN event_index i"
        " ON i.event_id = t.value JOIN event_actors a ON a.event_id = i.event_id WHERE i.location IS NOT NULL"
        " AND NOT (i.location = i.country AND coalesce(i.geo_precision, 3) = 3)"  # a country is no place
        " AND a.actor IN (SELECT value FROM json_each(?))", (json.dumps(hits), json.dumps(list(w.filter.actor))))
    places: dict[tuple[str, str | None, str | None, str], list[str]] = {}
    for event_id, actor, country, admin1, location in rows:
        places.setdefault((actor, country, admin1, location), []).append(event_id)
    new = {}
    for (actor, country, admin1, location), events in places.items():
        # Seen before: an event of this actor at this place stored before the watch last looked.
        seen = db.execute(
            "SELECT 1 FROM event_actors a CROSS JOIN event_index i ON i.event_id = a.event_id JOIN event_changes c"
            " ON c.event_id = a.event_id WHERE a.actor = ? AND i.location = ? AND i.admin1 IS ? AND i.country IS ?"
            " AND i.status != 'rejected' AND c.created_at <= ? LIMIT 1",
            (actor, location, admin1, country, w.checked_at)).fetchone()
        if not seen:
            new[(actor, country, admin1, location)] = events
    if not new:
        return None
    names = [f"{actor} at {', '.join(x for x in (location, admin1, country) if x)}"
             for actor, country, admin1, location in new]
    events = list(dict.fromkeys(e for ids_ in new.values() for e in ids_))
    return Found(f"new place: {'; '.join(names)}",
                 {"places": [{"actor": a, "country": c, "admin1": a1, "location": loc, "events": ev}
                             for (a, c, a1, loc), ev in new.items()]}, events=events)


def claim_matches(f: EventFilter, claim: dict[str, Any]) -> bool:
    """A claim against the filter fields that apply to claims, ignoring case."""
    def norm(values: Any) -> set[str]:
        return {str(v).casefold() for v in values if v}

    checks = ((f.country, ("country", "place", "admin1")), (f.admin1, ("admin1", "place")),
              (f.location, ("place",)), (f.actor, ("subject",)), (f.source, ("source",)))
    for wanted, keys in checks:
        if wanted and not norm(wanted) & norm(claim.get(k) for k in keys):
            return False
    if f.q:
        text = " ".join([*(str(e.get("text", "")) for e in claim.get("evidence") or [] if isinstance(e, dict)),
                         *(str(claim.get(k) or "") for k in ("unit", "subject", "place", "admin1", "source"))])
        words = set(re.findall(r"\w+", text.casefold()))
        if not set(re.findall(r"\w+", f.q.casefold())) <= words:
            return False
    return True


def _quantity(claim: dict[str, Any]) -> str:
    q = claim.get("quantity")
    number = f"{int(q):,}" if isinstance(q, float | int) and q == int(q) else str(q)
    extra = ", ".join(str(claim[k]) for k in ("subject", "place", "source") if claim.get(k))
    return f"{number} {claim.get('unit') or ''}".strip() + (f" ({extra})" if extra else "")


def rule_new_claim(db: sqlite3.Connection, w: Watch, ids: list[str], ref: dt.date | None) -> Found | None:
    # The claims of documents stored after the watermark (a documents rowid range), current versions only.
    rows = db.execute("SELECT c.claim_id, c.data FROM documents d JOIN articles a ON a.doc_id = d.doc_id"
                      " JOIN claims c ON c.article_id = a.article_id WHERE d.rowid > ? AND d.superseded = 0"
                      " ORDER BY d.rowid, a.position, c.rowid", (w.checked_doc,)).fetchall()
    claims = {cid: json.loads(data) for cid, data in rows}
    hits = _fresh(db, w, "claim", [cid for cid, c in claims.items() if claim_matches(w.filter, c)])
    if not hits:
        return None
    shown = "; ".join(_quantity(claims[c]) for c in hits[:3]) + (f"; and {len(hits) - 3} more" if len(hits) > 3
                                                                  else "")
    return Found(f"{_plural(len(hits), 'new claim')}: {shown}", {"new": len(hits)}, claims=hits)


Rule = Callable[[sqlite3.Connection, Watch, list[str], dt.date | None], Found | None]
RULES: dict[str, Rule] = {"new": rule_new, "count": rule_count, "surge": rule_surge, "new-place": rule_new_place,
                          "new-claim": rule_new_claim}


# telling -----------------------------------------------------------------------------------------
def notify(command: str, alerts: list[dict[str, Any]], *, timeout: float = NOTIFY_TIMEOUT) -> list[str]:
    """Run the user's command once per alert, with the alert as JSON on stdin (no shell: the
    command line is split like a shell would, and nothing in it is interpreted). Returns one
    line per failure; a failure never stops the others."""
    try:
        argv = shlex.split(command)
    except ValueError as e:
        return [f"--notify-command {command!r} cannot be read ({e}); quote it as a shell would"]
    if not argv:
        return ["--notify-command is empty"]
    failures = []
    for a in alerts:
        what = f"alert {a.get('alert_id')} ({a.get('watch')})"
        try:
            r = subprocess.run(argv, input=json.dumps(a, ensure_ascii=False) + "\n", capture_output=True,
                               text=True, encoding="utf-8", errors="replace", timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            failures.append(f"notify command timed out after {timeout:g} s on {what}")
            continue
        except OSError as e:  # not found, not executable: the same for every alert
            failures.append(f"notify command {argv[0]!r} could not run: {e.strerror or e}")
            break
        if r.returncode != 0:
            last = (r.stderr.strip().splitlines() or [""])[-1][:200]
            failures.append(f"notify command exited with status {r.returncode} on {what}" + (f": {last}"
                                                                                           if last else ""))
    return failures

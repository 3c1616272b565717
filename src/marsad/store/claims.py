"""The claims ledger in SQLite: claims stored and indexed, filtered, grouped by what they
count, mapped by admin1, and compared with the counts that restate them.

Each claim is a row of `claims` (the whole record as JSON) and one of `claim_index` (one
indexed column per filter, migration m010). Only claims of current documents are read
(`documents.superseded = 0`): a changed version's claims replace the old version's.

A claim **restates** another when both count the same thing at the same place — the same
subject, unit class (and, for "other", the same unit as written) and country, admin1 and
location — and they differ in source or date: "Daraa: 37 posts, Jusoor, May 2023 · 29,
another monitor, Jan 2023". Copies of one report (same source, same date) do not restate
each other, and a claim with no place restates nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..claims import unit_class
from .base import stream

INDEX_COLUMNS = ("claim_id", "article_id", "date", "country", "admin1", "location", "latitude", "longitude",
                 "subject", "unit_class", "unit", "quantity", "source")
# The claims of current documents (`c` is claim_index; `current` follows `documents.superseded`
# by a trigger, migration m010, so no read joins the documents).
_CURRENT = " FROM claim_index c WHERE c.current = 1"
_WITH_DATA = " FROM claim_index c JOIN claims cl ON cl.claim_id = c.claim_id WHERE c.current = 1"
# `o` counts the same thing at the same place as `c`, from another source or on another date.
_SAME_COUNT = ("o.current = 1 AND o.unit_class = c.unit_class AND o.subject IS c.subject AND o.country IS c.country"
               " AND o.admin1 IS c.admin1 AND o.location = c.location AND o.rowid != c.rowid"
               " AND (c.unit_class != 'other' OR lower(o.unit) = lower(c.unit))"
               " AND (o.source IS NOT c.source OR o.date IS NOT c.date)")
RESTATEMENTS = f"(SELECT count(*) FROM claim_index o WHERE {_SAME_COUNT})"
SORTS = {"date": "c.date {d}, c.rowid {d}", "quantity": "c.quantity {d}, c.claim_id {d}",
         "place": "c.country {d}, c.admin1 {d}, c.location {d}, c.claim_id {d}",
         "subject": "c.subject {d}, c.claim_id {d}", "source": "c.source {d}, c.claim_id {d}",
         "unit_class": "c.unit_class {d}, c.claim_id {d}", "id": "c.claim_id {d}"}
GROUP_SORTS = {"count": "n {d}, latest_key DESC", "date": "latest_key {d}, n DESC",
               "place": "country {d}, admin1 {d}, location {d}, subject {d}, unit_class {d}",
               "subject": "subject {d}, n DESC, unit_class, country, admin1, location",
               "quantity": "high {d}, n DESC, unit_class, country, admin1, location"}
_GROUP = ("subject", "unit_class", "country", "admin1", "location")
# The latest claim of a group: the greatest of date (undated ones oldest), then of the order
# claims were stored in (the row id, which every index holds: the scan reads no table row).
_LATEST = "max(printf('%s %012d', coalesce(c.date, ''), c.rowid))"


# -- writing --------------------------------------------------------------------------------
def upgrade(data: dict[str, Any], published: str | None) -> dict[str, Any]:
    """A claim stored before the ledger, with the ledger's fields: its unit's class, the
    article's publication date (precision 2), and an unknown point."""
    out = dict(data)
    out.setdefault("unit_class", unit_class(str(out.get("unit") or "")))
    if "date" not in out:
        out["date"], out["date_precision"] = (published, 2) if published else (None, None)
    for key in ("country", "latitude", "longitude", "geonameid"):
        out.setdefault(key, None)
    return out


def _index_row(data: dict[str, Any]) -> tuple[Any, ...]:
    row = {**data, "location": data.get("place")}
    return tuple(row.get(k) for k in INDEX_COLUMNS)


def put(db: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Store one claim (a `Claim` as a dict) and index it, inside the caller's transaction
    (after its article: the index row is current while the article's document is)."""
    db.execute("INSERT OR IGNORE INTO claims (claim_id, article_id, data) VALUES (?,?,?)",
               (data["claim_id"], data["article_id"], json.dumps(data, ensure_ascii=False)))
    db.execute(f"INSERT OR IGNORE INTO claim_index ({', '.join(INDEX_COLUMNS)}, current)"
               f" VALUES ({','.join('?' * len(INDEX_COLUMNS))}, {_IS_CURRENT})",
               (*_index_row(data), data["article_id"]))


_IS_CURRENT = ("coalesce((SELECT CASE WHEN d.superseded = 0 THEN 1 ELSE 0 END"
               " FROM articles a JOIN documents d ON d.doc_id = a.doc_id"
               " WHERE a.article_id = ?), 1)")


def index_all(db: sqlite3.Connection) -> None:
    """Index every stored claim (the migration that made claims first-class), upgrading the
    records of claims stored before it (`upgrade`)."""
    rows = db.execute("SELECT c.claim_id, c.data, a.published FROM claims c"
                      " LEFT JOIN articles a ON a.article_id = c.article_id ORDER BY c.rowid").fetchall()
    for claim_id, text, published in rows:
        data = upgrade(json.loads(text), published)
        db.execute("UPDATE claims SET data = ? WHERE claim_id = ?", (json.dumps(data, ensure_ascii=False), claim_id))
        db.execute(f"INSERT OR REPLACE INTO claim_index ({', '.join(INDEX_COLUMNS)}, current)"
                   f" VALUES ({','.join('?' * len(INDEX_COLUMNS))}, {_IS_CURRENT})",
                   (*_index_row(data), data["article_id"]))


# -- reading --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClaimFilter:
    """What the analyst selected. Empty tuples and None mean "any"; within a field values are
    OR-ed, across fields AND-ed. `place` matches a claim's location, admin1 or country;
    `subject` is the canonical actor; `q` words that the evidence sentence contains."""

    date_from: str | None = None
    date_to: str | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    unit_class: tuple[str, ...] = ()
    q: str | None = None
    quantity_min: float | None = None
    quantity_max: float | None = None
    article_id: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()  # the outlet of the claim's article
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north


def _in(column: str, values: tuple[Any, ...]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def where(f: ClaimFilter) -> tuple[str, list[Any]]:
    """Extra conditions (over `claim_index c`) and their parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    for name in ("country", "admin1", "location", "subject", "source", "unit_class", "article_id"):
        values = getattr(f, name)
        if values:
            clauses.append(_in(f"c.{name}", values))
            params.extend(values)
    if f.outlet:
        clauses.append(f"c.article_id IN (SELECT article_id FROM articles WHERE {_in('outlet', f.outlet)})")
        params.extend(f.outlet)
    if f.bbox is not None:
        west, south, east, north = f.bbox
        clauses.append("c.latitude BETWEEN ? AND ? AND c.longitude BETWEEN ? AND ?")
        params.extend((south, north, west, east))
    if f.place:
        marks = ",".join("?" * len(f.place))
        clauses.append(f"(lower(c.location) IN ({marks}) OR lower(c.admin1) IN ({marks})"
                       f" OR lower(c.country) IN ({marks}))")  # any case: "aleppo" finds Aleppo
        lowered = [p.lower() for p in f.place]
        params.extend([*lowered, *lowered, *lowered])
    for value, sql in ((f.date_from, "c.date >= ?"), (f.date_to, "c.date <= ?"),
                       (f.quantity_min, "c.quantity >= ?"), (f.quantity_max, "c.quantity <= ?")):
        if value is not None:
            clauses.append(sql)
            params.append(value)
    if f.q is not None:
        words = re.findall(r"\w+", f.q)[:20]
        if words:
            like = " AND ".join("json_extract(data, '$.evidence[0].text') LIKE ? ESCAPE '\\'" for _ in words)
            clauses.append(f"c.claim_id IN (SELECT claim_id FROM claims WHERE {like})")
            params.extend("%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                          for w in words)
        else:
            clauses.append("1 = 0")  # a search with no words matches nothing
    return "".join(f" AND {c}" for c in clauses), params


def order_by(sort: str, sorts: dict[str, str] = SORTS) -> str:
    """`date`, `-date`, `quantity`, … → an ORDER BY clause; KeyError for an unknown key."""
    key, direction = (sort[1:], "DESC") if sort.startswith("-") else (sort, "ASC")
    return sorts[key].format(d=direction)


def count(db: sqlite3.Connection, f: ClaimFilter) -> int:
    sql, params = where(f)
    return int(db.execute(f"SELECT count(*){_CURRENT}{sql}", params).fetchone()[0])


def page(db: sqlite3.Connection, f: ClaimFilter, *, sort: str = "-date", limit: int = 100,
         offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """How many claims match, and one page of them, each with `restatements` (how many
    claims restate it: counted for the page's rows only)."""
    sql, params = where(f)
    rows = db.execute(f"SELECT cl.data, {RESTATEMENTS} FROM (SELECT c.rowid AS rowid, c.*{_CURRENT}{sql}"
                      f" ORDER BY {order_by(sort)}"
                      f" LIMIT ? OFFSET ?) c JOIN claims cl ON cl.claim_id = c.claim_id ORDER BY {order_by(sort)}",
                      [*params, limit, offset])
    return count(db, f), [{**json.loads(data), "restatements": n} for data, n in rows]


def iter_claims(db: sqlite3.Connection, f: ClaimFilter | None = None, *, sort: str = "date",
                ) -> Iterator[dict[str, Any]]:
    """Every matching claim of current documents (every one without a filter), in `sort` order."""
    sql, params = where(f or ClaimFilter())
    for (data,) in stream(db, f"SELECT cl.data{_WITH_DATA}{sql} ORDER BY {order_by(sort)}", params):
        yield json.loads(data)


def _when(date: str | None, precision: int | None) -> str:
    """A claim's date as a reader says it: a day, "week of" a day, a month."""
    if not date:
        return "undated"
    if precision == 3:
        return dt.date.fromisoformat(date).strftime("%b %Y")
    return f"week of {date}" if precision == 2 else date


def _difference(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """How `b` differs from `a`: its quantity minus `a`'s, and the days from `a`'s date to `b`'s."""
    days = None
    if a.get("date") and b.get("date"):
        days = (dt.date.fromisoformat(b["date"]) - dt.date.fromisoformat(a["date"])).days
    return {"quantity": _number(b["quantity"] - a["quantity"]), "days": days,
            "same_source": a.get("source") == b.get("source")}


def claim(db: sqlite3.Connection, claim_id: str) -> dict[str, Any] | None:
    """One current claim with `restated_by`: the claims that restate it (latest first), each
    with its `difference` from this one, and a one-line `summary` of them all."""
    row = db.execute(f"SELECT cl.data{_WITH_DATA} AND c.claim_id = ?", (claim_id,)).fetchone()
    if row is None:
        return None
    this = json.loads(row[0])
    others = [json.loads(r[0]) for r in db.execute(
        f"SELECT ocl.data FROM claim_index c JOIN claim_index o ON {_SAME_COUNT}"
        " JOIN claims ocl ON ocl.claim_id = o.claim_id WHERE c.claim_id = ?"
        " ORDER BY coalesce(o.date, '') DESC, o.claim_id", (claim_id,))]
    restated = [{"claim_id": o["claim_id"], "article_id": o["article_id"], "quantity": o["quantity"],
                 "unit": o["unit"], "source": o.get("source"), "date": o.get("date"),
                 "date_precision": o.get("date_precision"),
                 "evidence": (o.get("evidence") or [{}])[0].get("text"), "difference": _difference(this, o)}
                for o in others]
    head = f"{this.get('place') or 'somewhere'}: {_num(this['quantity'])} {this['unit']}, " \
           f"{this.get('source') or 'no source'}, {_when(this.get('date'), this.get('date_precision'))}"
    summary = " · ".join([head, *(f"{_num(o['quantity'])}, {o['source'] or 'no source'}, "
                                  f"{_when(o['date'], o['date_precision'])}" for o in restated)])
    return {**this, "restatements": len(restated), "restated_by": restated, "summary": summary}


def _num(x: float) -> str:
    return str(_number(x))


def _number(x: Any) -> Any:
    """A figure as a claim states it: 37, not 37.0 (the index stores REAL)."""
    return int(x) if isinstance(x, float) and x.is_integer() else x


def _latest_of(db: sqlite3.Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
    """The claims whose `_LATEST` keys are given, by key."""
    rowids = [int(k.rpartition(" ")[2]) for k in keys]
    by_rowid: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        for r in db.execute(f"SELECT rowid, claim_id, quantity, unit, date, source, location, subject, unit_class"
                            f" FROM claim_index WHERE {_in('rowid', tuple(chunk))}", chunk):
            by_rowid[r[0]] = {"claim_id": r[1], "quantity": _number(r[2]), "unit": r[3], "date": r[4],
                              "source": r[5], "place": r[6], "subject": r[7], "unit_class": r[8]}
    return {k: by_rowid[rowid] for k, rowid in zip(keys, rowids, strict=True)}


def groups(db: sqlite3.Connection, f: ClaimFilter, *, sort: str = "-count", limit: int = 100,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Matching claims grouped by what they count — subject, unit class and place — for a
    table: how many claims, their sources, the date range, the lowest and highest figure,
    and the latest claim (by date; undated ones count as oldest)."""
    sql, params = where(f)
    keys = ", ".join(f"c.{k}" for k in _GROUP)
    base = (f"SELECT {keys}, count(*) AS n, min(c.date), max(c.date), min(c.quantity), max(c.quantity) AS high,"
            f" {_LATEST} AS latest_key, json_group_array(DISTINCT c.source){_CURRENT}{sql} GROUP BY {keys}")
    # One pass: the total number of groups rides on every row of the page.
    rows = db.execute(f"SELECT *, count(*) OVER () FROM ({base}) g ORDER BY {order_by(sort, GROUP_SORTS)}"
                      " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    total = rows[0][12] if rows else (count(db, f) and db.execute(f"SELECT count(*) FROM ({base}) g", params)
                                      .fetchone()[0])
    latest = _latest_of(db, [r[10] for r in rows])
    out = []
    for r in rows:
        key = dict(zip(_GROUP, r[:5], strict=True))
        last = latest[r[10]]
        out.append({**key, "claims": r[5], "first_date": r[6], "last_date": r[7], "min": _number(r[8]),
                    "max": _number(r[9]), "sources": sorted(s for s in json.loads(r[11]) if s is not None),
                    "latest": {k: last[k] for k in ("claim_id", "quantity", "unit", "date", "source")}})
    return int(total), out


def choropleth(db: sqlite3.Connection, f: ClaimFilter) -> list[dict[str, Any]]:
    """Per admin1 (claims placed no finer than a country are left out): the latest claim
    there (by date; undated ones count as oldest), `sum` — the latest figure of each place,
    subject and unit class in it added up, so a count restated over time is not counted
    twice — how many claims, the unit classes, and the mean point of the claims (a fallback
    for the area's own centroid, which the API adds from the gazetteer)."""
    sql, params = where(f)
    places = db.execute(
        f"SELECT c.country, c.admin1, count(*), sum(c.latitude), sum(c.longitude), count(c.latitude), {_LATEST}"
        f"{_CURRENT}{sql} AND c.admin1 IS NOT NULL GROUP BY c.country, c.admin1, c.location, c.subject, c.unit_class",
        params).fetchall()
    latest = _latest_of(db, [r[6] for r in places])
    areas: dict[tuple[str, str], dict[str, Any]] = {}
    for country, admin1, n, lat, lon, located, key in places:
        a = areas.setdefault((country, admin1), {"country": country, "admin1": admin1, "claims": 0, "key": "",
                                                  "sum": 0, "unit_classes": set(), "lat": 0.0, "lon": 0.0, "at": 0})
        last = latest[key]
        a["claims"] += n
        a["sum"] += last["quantity"]
        a["unit_classes"].add(last["unit_class"])
        a["lat"], a["lon"], a["at"] = a["lat"] + (lat or 0), a["lon"] + (lon or 0), a["at"] + located
        if key > a["key"]:
            a["key"], a["latest"] = key, last
    return [{"country": a["country"], "admin1": a["admin1"], "claims": a["claims"], "latest": a["latest"],
             "sum": _number(a["sum"]), "unit_classes": sorted(a["unit_classes"]),
             "latitude": a["lat"] / a["at"] if a["at"] else None, "longitude": a["lon"] / a["at"] if a["at"] else None}
            for _, a in sorted(areas.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or ""))]

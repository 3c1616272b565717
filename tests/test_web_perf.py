"""The fast paths of the workbench give the same answers as the plain SQL they replace, and a
cached result is never served after the data changed (a correction, a review, an ingest)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from marsad.records import Article, RawDocument, content_id
from marsad.store import facets as facet_queries
from marsad.store import open_store, overlay, query
from marsad.store.query import EventFilter, where
from marsad.web import create_app

from .webdata import LOCAL, event_n, synthetic_db

N = 40

# The per-facet SQL that facets_and_total replaced: one GROUP BY per facet, joins for the side tables.
REFERENCE = {
    "event_type": "SELECT i.event_type, count(*) FROM event_index i",
    "sub_event_type": "SELECT i.sub_event_type, count(*) FROM event_index i",
    "country": "SELECT i.country, count(*) FROM event_index i",
    "admin1": "SELECT i.admin1, count(*) FROM event_index i",
    "modality": "SELECT i.modality, count(*) FROM event_index i",
    "geo_precision": "SELECT i.geo_precision, count(*) FROM event_index i",
    "review": "SELECT i.status, count(*) FROM event_index i",
    "actor": "SELECT a.actor, count(*) FROM event_actors a JOIN event_index i ON i.event_id = a.event_id",
    "source": "SELECT s.source, count(*) FROM event_sources s JOIN event_index i ON i.event_id = s.event_id",
    "outlet": "SELECT ar.outlet, count(DISTINCT ea.event_id) FROM event_articles ea JOIN articles ar"
              " ON ar.article_id = ea.article_id JOIN event_index i ON i.event_id = ea.event_id",
}
WEEK = "date(i.event_date, '-6 days', 'weekday 1')"
BUCKETS = {"day": "i.event_date", "week": WEEK, "month": "substr(i.event_date, 1, 7) || '-01'",
           "year": "substr(i.event_date, 1, 4) || '-01-01'"}


def reference_facets(db, f, size=50):
    out = {}
    for name, select in REFERENCE.items():
        g = f.without(name)
        if name == "review":
            g = replace(g, review=("unreviewed", "confirmed", "rejected"))
        sql, params = where(g)
        rows = db.execute(f"{select} WHERE {sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", [*params, size])
        out[name] = [{"value": v, "count": n} for v, n in rows if not (name == "outlet" and v is None)]
    return out


def reference_timeline(db, f, interval):
    sql, params = where(replace(f, date_from=None, date_to=None))
    rows = db.execute(f"SELECT {BUCKETS[interval]} AS b, i.event_type, count(*) FROM event_index i WHERE {sql}"
                      " AND i.event_date IS NOT NULL GROUP BY b, i.event_type ORDER BY b", params)
    buckets: dict[str, dict[str, int]] = {}
    for b, t, n in rows:
        buckets.setdefault(b, {})[t] = n
    return [{"start": k, "counts": v, "total": sum(v.values())} for k, v in buckets.items()]


FILTERS = [
    EventFilter(), EventFilter(modality=("occurred",)), EventFilter(event_type=("Battles", "Protests")),
    EventFilter(country=("Syria",), modality=("occurred",)), EventFilter(actor=("IRGC",)),
    EventFilter(actor=("IRGC",), source=("Reuters",), event_type=("Battles",)),
    EventFilter(outlet=("Jazira Bulletin",), geo_precision=(1, 3)), EventFilter(review=("rejected",)),
    EventFilter(review=("confirmed", "unreviewed"), admin1=("Anbar", "Aleppo")),
    EventFilter(date_from="2024-02-01", date_to="2024-02-29", fatalities_min=1),
    EventFilter(q="airstrike", sub_event_type=("Air/drone strike",)), EventFilter(bbox=(40, 30, 45, 35)),
    EventFilter(q="no-such-word"), EventFilter(country=("Nowhere",)),
    # Searches most articles match (counted as all events less those no matching article reports):
    EventFilter(q="fighters"), EventFilter(q="intro", country=("Syria",), modality=("occurred",)),
    EventFilter(q="road", date_from="2024-02-01", actor=("IRGC",)), EventFilter(q="intro", review=("rejected",)),
    # Date ranges: whole months pre-aggregated, the days at the ends from the index.
    EventFilter(date_from="2024-01-15", date_to="2024-03-10", country=("Syria",)), EventFilter(date_from="2024-02-01"),
    EventFilter(date_to="2024-02-29", modality=("occurred",)),
    EventFilter(date_from="2024-02-03", date_to="2024-02-20"),
    # The page's commonest filter: on PostgreSQL its tags come from one index (m013).
    EventFilter(event_type=("Battles",), country=("Syria",), modality=("occurred",), date_from="2024-01-20",
                date_to="2024-03-01"),
    EventFilter(event_type=("Battles", "Protests"), review=("confirmed", "unreviewed"), date_to="2024-02-29"),
]


@pytest.fixture
def db(tmp_path):
    return _reviewed(synthetic_db(tmp_path / "perf.db", N))


@pytest.fixture
def any_db(new_db):
    """The same database on SQLite and on PostgreSQL."""
    return _reviewed(synthetic_db(new_db("perf.db"), N))


def _reviewed(path):
    with open_store(path) as s:  # some reviews and corrections, so status and corrected values count too
        s.correct(event_n(3, "a", "x s", "s").event_id, {"status": "rejected"}, author="t")
        s.correct(event_n(5, "a", "x s", "s").event_id, {"status": "confirmed", "actor1": "Hezbollah",
                                                          "country": "Lebanon"}, author="t")
        s.correct(event_n(8, "a", "x s", "s").event_id, {"event_date": None}, author="t")
    return path


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_timeline_buckets_match_sql_date_arithmetic(db, f):
    with open_store(db) as s:
        for interval in ("day", "week", "month", "year"):
            t = query.timeline(s.db, f, interval)
            assert t["buckets"] == reference_timeline(s.db, f, interval)
            sql, params = where(replace(f, date_from=None, date_to=None))
            undated = s.db.execute(f"SELECT count(*) FROM event_index i WHERE {sql} AND i.event_date IS NULL",
                                   params).fetchone()[0]
            assert t["undated"] == undated


def test_event_tags_follow_corrections_and_reingest(db):
    with open_store(db) as s:
        tags = {(r[0], r[1], r[2]) for r in s.db.execute("SELECT facet, value, event_id FROM event_tags")}
        actors = {("actor", a, e) for e, a in s.db.execute("SELECT event_id, actor FROM event_actors")}
        sources = {("source", v, e) for e, v in s.db.execute("SELECT event_id, source FROM event_sources")}
        outlets = {("outlet", o, e) for e, o in s.db.execute(
            "SELECT ea.event_id, a.outlet FROM event_articles ea JOIN articles a USING (article_id)"
            " WHERE a.outlet IS NOT NULL")}
        assert tags == actors | sources | outlets
        assert ("actor", "Hezbollah", event_n(5, "a", "x s", "s").event_id) in tags
        # Every copied filter column equals the event's row in event_index.
        assert s.db.execute("SELECT count(*) FROM event_tags t JOIN event_index i USING (event_id) WHERE"
                            " t.status IS NOT i.status OR t.country IS NOT i.country OR t.event_date IS NOT"
                            " i.event_date OR t.modality IS NOT i.modality").fetchone()[0] == 0


def test_points_are_columns_of_the_matching_located_events(db):
    with open_store(db) as s:
        f = EventFilter(modality=("occurred",))
        n, columns, types = query.points_json(s.db, f)
        sql, params = where(f)
        want = {r[0]: tuple(r) for r in s.db.execute(
            "SELECT i.event_id, round(i.latitude, 5), round(i.longitude, 5), i.event_type, i.fatalities,"
            " i.geo_precision FROM"
            f" event_index i WHERE {sql} AND i.latitude IS NOT NULL", params)}
    import json

    c = json.loads(columns)
    got = {c["event_id"][k]: (c["event_id"][k], c["latitude"][k], c["longitude"][k], types[c["event_type"][k]],
                              c["fatalities"][k], c["geo_precision"][k]) for k in range(n)}
    assert n == len(want) and got == want


def test_map_points_come_gzipped_when_asked_and_plain_otherwise(db):
    client = TestClient(create_app(db), base_url=LOCAL)
    r = client.get("/api/map/points", headers={"accept-encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip" and r.json()["count"] > 0
    plain = client.get("/api/map/points", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == r.json()


def _snapshot(client, params):
    return (client.get("/api/facets", params=params).json(),
            client.get("/api/timeline", params={**params, "interval": "month"}).json(),
            client.get("/api/map/points", params=params).json(),
            client.get("/api/events", params=params).json()["total"])


@pytest.mark.parametrize("change", ["correct", "reject", "ingest"])
def test_a_cached_result_is_never_served_after_a_write(db, change):
    cached = TestClient(create_app(db), base_url=LOCAL)
    fresh = TestClient(create_app(db, cache=False), base_url=LOCAL)
    params = {"modality": "occurred"}
    before = _snapshot(cached, params)
    assert _snapshot(cached, params) == before == _snapshot(fresh, params)  # second time: from the cache
    assert cached.app.state.cache.hits >= 4  # type: ignore[attr-defined]
    eid = event_n(1, "a", "x s", "s").event_id
    if change == "correct":  # through the API, as an analyst would
        r = cached.post(f"/api/events/{eid}/corrections", json={"author": "t", "changes": {
            "event_type": "Protests", "sub_event_type": "Peaceful protest", "event_date": "2023-12-31",
            "admin1": "Homs"}})  # a place moves as a whole: here to the province's point
        assert r.status_code == 200, r.text
    elif change == "reject":
        assert cached.post(f"/api/events/{eid}/review", json={"author": "t", "status": "rejected"}).status_code == 200
    else:  # another process ingests into the same file while the server runs
        with open_store(db) as s:
            doc = RawDocument(content_id("doc", "late"), "synthetic/late.txt", "txt", "Late news. Clash here.")
            art = Article(content_id("art", "late"), doc.doc_id, doc.origin, "Late", "2024-03-02", "Late Wire",
                          "en", doc.text)
            s.add_document(doc, [art], [replace(event_n(41, art.article_id, doc.text, "Clash here."),
                                                event_id=content_id("late", 1))], [])
    after = _snapshot(cached, params)
    assert after == _snapshot(fresh, params)
    assert after != before
    if change == "ingest":
        assert after[3] == before[3] + 1
    else:
        assert after[3] == before[3] - (1 if change == "reject" else 0)
        ids = after[2]["columns"]["event_id"]
        assert (eid in ids) == (change != "reject")


def test_every_write_bumps_the_data_version(db):
    with open_store(db) as s:
        v0 = query.data_version(s.db)
        s.correct(event_n(2, "a", "x s", "s").event_id, {"fatalities": 7}, author="t")
        v1 = query.data_version(s.db)
        assert v1 > v0
        assert query.data_version(s.db) == v1  # reads change nothing


# --- the feed of changes -------------------------------------------------------------------------

def test_changes_feed_lists_created_then_corrected_events(db):
    client = TestClient(create_app(db), base_url=LOCAL)
    start = client.get("/api/changes", params={"since": "2000-01-01", "limit": 1000}).json()
    assert len(start["changes"]) == N and {c["change"] for c in start["changes"]} <= {"new", "corrected"}
    assert start["next"] is None
    assert all(c["event"]["event_id"] == c["event_id"] for c in start["changes"])
    latest = max(c["updated_at"] for c in start["changes"])
    assert client.get("/api/changes", params={"since": latest}).json()["changes"] == []

    eid = event_n(6, "a", "x s", "s").event_id
    assert client.post(f"/api/events/{eid}/corrections",
                       json={"author": "t", "changes": {"fatalities": 11}}).status_code == 200
    feed = client.get("/api/changes", params={"since": latest}).json()["changes"]
    assert [(c["event_id"], c["change"]) for c in feed] == [(eid, "corrected")]
    assert feed[0]["event"]["fatalities"] == 11 and feed[0]["corrected_at"] == feed[0]["updated_at"]
    assert feed[0]["created_at"] <= latest  # the id is stable: the same event, not a new one


def test_changes_feed_pages_without_gaps_and_reads_offsets(db):
    client = TestClient(create_app(db), base_url=LOCAL)
    seen: list[str] = []
    after = None
    while True:
        params = {"since": "2000-01-01T00:00:00+02:00", "limit": 7, **({"after": after} if after else {})}
        page = client.get("/api/changes", params=params).json()
        seen += [c["event_id"] for c in page["changes"]]
        after = page["next"]
        if after is None:
            break
    assert len(seen) == len(set(seen)) == N
    now = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    ahead = now.astimezone(dt.timezone(dt.timedelta(hours=5))).isoformat()  # the same instant, another offset
    assert client.get("/api/changes", params={"since": ahead}).json()["changes"] == []
    for bad in ("yesterday", "2024-13-01", ""):
        r = client.get("/api/changes", params={"since": bad})
        assert r.status_code == 422 and set(r.json()["error"]) == {"status", "code", "message", "details"}


# --- pre-aggregated counts, search plans, map cells (issue 12) -------------------------------------

COUNT_TABLES = {
    "facet_counts": ("event_index", "event_type, sub_event_type, country, admin1, modality, geo_precision, status"),
    "day_counts": ("event_index", "event_date, event_type, country, modality, status"),
    "month_counts": ("event_index", "month, event_type, sub_event_type, country, admin1, modality, geo_precision,"
                     " status"),
    "tag_counts": ("event_tags", "facet, value, event_type, country, modality, status"),
    "place_counts": ("event_index",
                     "latitude, longitude, event_type, country, admin1, modality, geo_precision, status"),
}


def _count_tables_match(conn):
    for table, (source, keys) in COUNT_TABLES.items():
        summed = (", fatalities", ", coalesce(sum(fatalities), 0)") if table == "place_counts" else ("", "")
        kept = sorted(map(tuple, conn.execute(f"SELECT {keys}{summed[0]}, n FROM {table} WHERE n != 0")), key=repr)
        keys = keys.replace("month", "CASE WHEN length(event_date) = 10 THEN substr(event_date, 1, 7) END")
        fresh = sorted(map(tuple, conn.execute(f"SELECT {keys}{summed[1]}, count(*) FROM {source} GROUP BY {keys}")),
                       key=repr)
        assert kept == fresh, table


def test_counts_kept_at_ingest_follow_corrections_rejections_and_superseded_documents(any_db):
    with open_store(any_db) as s:
        _count_tables_match(s.db)  # after ingest, a rejection, corrections of country and date
        s.correct(event_n(7, "a", "x s", "s").event_id, {"modality": "feared", "country": None}, author="t")
        s.correct(event_n(3, "a", "x s", "s").event_id, {"status": "unreviewed"}, author="t")
        # A changed version of document 2 supersedes it: its event leaves the index.
        doc = RawDocument(content_id("doc", "v2"), "synthetic/2.txt", "txt", "Another text entirely.")
        s.add_document(doc, [Article(content_id("art", "v2"), doc.doc_id, doc.origin, "v2", "2024-03-05", None,
                                     "en", doc.text)], [], [])
        _count_tables_match(s.db)
        assert query.count(s.db, EventFilter()) == s.db.execute(
            "SELECT count(*) FROM event_index WHERE status != 'rejected'").fetchone()[0]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_one_pass_facets_match_the_per_facet_sql_on_both_backends(any_db, f):
    with open_store(any_db) as s:
        total, got = facet_queries.facets_and_total(s.db, f)
        assert got == reference_facets(s.db, f)
        sql, params = where(f)
        assert total == query.count(s.db, f) == s.db.execute(f"SELECT count(*) FROM event_index i WHERE {sql}",
                                                             params).fetchone()[0]
        assert facet_queries.facets(s.db, f, size=2) == {k: v[:2] for k, v in reference_facets(s.db, f).items()}


def test_facets_under_a_date_range_count_dates_that_are_no_day_too(any_db):
    with open_store(any_db) as s:  # written into the log directly: the store refuses a date that is no day
        for i, day in ((11, "2024-02"), (12, "2024-02-15 late")):
            eid = event_n(i, "a", "x s", "s").event_id
            s.db.execute("INSERT INTO corrections (event_id, field, value, author, created_at, note)"
                         " VALUES (?, 'event_date', ?, 't', '2024-03-01T00:00:00+00:00', NULL)", (eid, f'"{day}"'))
            overlay.reindex(s.db, eid)
        _count_tables_match(s.db)
        for f in (EventFilter(date_from="2024-01-20", date_to="2024-03-01"), EventFilter(date_from="2024-02-01"),
                  EventFilter(date_to="2024-02-29"), EventFilter(date_from="2024-01-01", date_to="2024-03-31")):
            total, got = facet_queries.facets_and_total(s.db, f)
            assert got == reference_facets(s.db, f)
            sql, params = where(f)
            assert total == query.count(s.db, f) == s.db.execute(
                f"SELECT count(*) FROM event_index i WHERE {sql}", params).fetchone()[0]


@pytest.mark.parametrize("q", ["fighters", "intro", "airstrike", "marker7", "intro airstrike"])
def test_every_search_plan_gives_the_same_events(any_db, q):
    with open_store(any_db) as s:
        for f in (EventFilter(q=q), EventFilter(q=q, modality=("occurred",), country=("Syria", "Iraq"))):
            counts = set()
            for mode in ("probe", "lookup", "exclude"):
                sql, params = where(f, search=mode)
                counts.add(s.db.execute(f"SELECT count(*) FROM event_index i WHERE {sql}", params).fetchone()[0])
            assert counts == {query.count(s.db, f)}
            pages = {tuple(e["event_id"] for e in query.iter_events(s.db, f, sort="-date", limit=7))}
            sql, params = where(f)
            pages.add(tuple(r[0] for r in s.db.execute(
                f"SELECT i.event_id FROM event_index i WHERE {sql} ORDER BY i.event_date DESC, i.event_id DESC"
                " LIMIT 7", params)))
            assert len(pages) == 1


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(modality=("occurred",)), EventFilter(q="intro"),
                               EventFilter(country=("Syria",), fatalities_min=1)], ids=repr)
def test_map_cells_add_up_to_the_events_on_the_map(any_db, f):
    with open_store(any_db) as s:
        n, columns, types = query.points_json(s.db, f)
        import json

        points = json.loads(columns)
        for zoom in (0, 4, 9, 22):
            cells = query.point_cells(s.db, f, zoom)
            c = cells["columns"]
            assert cells["count"] == sum(c["count"]) == n
            assert len(c["count"]) == len(set(zip(c["latitude"], c["longitude"], strict=True)))
            assert all(c["event_id"][k] is not None for k in range(len(c["count"])) if c["count"][k] == 1)
        # At zoom 22 a cell is a few metres: the synthetic places are 4, so as many cells.
        c = query.point_cells(s.db, f, 22)["columns"]
        assert sorted(zip(c["latitude"], c["longitude"], strict=True)) == sorted(
            set(zip(points["latitude"], points["longitude"], strict=True)))
        view = (40, 30, 45, 35)  # Anbar and Deir ez-Zor
        in_view = sum(1 for la, lo in zip(points["latitude"], points["longitude"], strict=True)
                      if 30 <= la <= 35 and 40 <= lo <= 45)
        assert query.point_cells(s.db, f, 3, view)["count"] == in_view


def test_map_points_are_cells_above_max_points_and_every_point_below(any_db):
    client = TestClient(create_app(any_db, cache=False), base_url=LOCAL)
    params = {"modality": "occurred", "zoom": 5}
    whole = client.get("/api/map/points", params=params).json()
    assert whole["clustered"] is False and whole["count"] == len(whole["columns"]["event_id"])
    assert client.get("/api/map/points", params={"modality": "occurred"}).json() == whole
    cells = client.get("/api/map/points", params={**params, "max_points": 10}).json()
    assert cells["clustered"] is True and cells["total"] == whole["total"] > 10
    assert sum(cells["columns"]["count"]) == cells["count"] == whole["count"]
    assert set(cells["fields"]) == set(cells["columns"]) >= {"count", "latitude", "longitude", "event_type"}
    assert {cells["event_types"][k] for k in cells["columns"]["event_type"]} <= set(whole["event_types"])
    part = client.get("/api/map/points", params={**params, "max_points": 10, "view": "40,30,45,35"}).json()
    assert 0 < part["count"] < cells["count"]
    for bad in ({"view": "1,2,3"}, {"view": "10,0,5,1"}, {"zoom": 30}, {"max_points": -1}):
        r = client.get("/api/map/points", params={**params, **bad})
        assert r.status_code == 422, bad

"""The HTTP API in-process (no server): every endpoint, every filter, formats, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from marsad.web import create_app

from .webdata import ACTORS, HOSTILE, LOCAL, event_n, synthetic_db

N = 40


@pytest.fixture(scope="module")
def db(module_db):
    return synthetic_db(module_db("syn.db"), N)  # on SQLite and on PostgreSQL


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url=LOCAL)


def truth():
    return [event_n(i, "a", "x s", "s") for i in range(N)]


def expect(pred):
    return sum(1 for e in truth() if pred(e))


def occurred(pred):
    """`pred` under the default modality filter: what occurred."""
    return lambda e: e.modality == "occurred" and pred(e)


ALL = {"modality": "all"}  # every modality: the default is what occurred


def total(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()["total"]


@pytest.mark.parametrize("params,pred", [
    ({}, lambda e: True),
    ({"event_type": "Battles"}, lambda e: e.event_type == "Battles"),
    ({"event_type": ["Battles", "Protests"]}, lambda e: e.event_type in ("Battles", "Protests")),
    ({"sub_event_type": "Air/drone strike"}, lambda e: e.sub_event_type == "Air/drone strike"),
    ({"actor": "IRGC"}, lambda e: "IRGC" in (e.actor1, e.actor2)),
    ({"country": "Syria"}, lambda e: e.country == "Syria"),
    ({"admin1": "Anbar"}, lambda e: e.admin1 == "Anbar"),
    ({"source": "Reuters"}, lambda e: "Reuters" in e.sources),
    ({"modality": "feared"}, lambda e: e.modality == "feared"),
    ({"geo_precision": 3}, lambda e: e.geo_precision == 3),
    ({"date_from": "2024-02-01", "date_to": "2024-02-29"},
     lambda e: e.event_date is not None and "2024-02-01" <= e.event_date <= "2024-02-29"),
    ({"fatalities_min": 3}, lambda e: e.fatalities is not None and e.fatalities >= 3),
    ({"fatalities_max": 1}, lambda e: e.fatalities is not None and e.fatalities <= 1),
    ({"bbox": "40,30,45,35"}, lambda e: e.latitude is not None and 30 <= e.latitude <= 35
     and 40 <= e.longitude <= 45),
    ({"country": "Syria", "event_type": "Battles"}, lambda e: e.country == "Syria" and e.event_type == "Battles"),
])
def test_every_filter_selects_exactly_the_matching_events(client, params, pred):
    assert total(client, params) == expect(pred if "modality" in params else occurred(pred))
    if "modality" not in params:  # and every modality with modality=all
        assert total(client, {**params, **ALL}) == expect(pred)


def test_the_default_modality_is_occurred_and_all_is_every_modality(client):
    feared = expect(lambda e: e.modality == "feared")
    assert 0 < feared < N
    assert total(client, {}) == total(client, {"modality": "occurred"}) == N - feared
    assert total(client, ALL) == N == total(client, {"modality": ["occurred", "feared"]})
    assert total(client, {"modality": ["feared", "all"]}) == N  # "all" among others: still every modality
    for path in ("/api/map/points", "/api/facets", "/api/events"):
        assert client.get(path).json()["total"] == N - feared, path
        assert client.get(path, params=ALL).json()["total"] == N, path
    facet = {x["value"]: x["count"] for x in client.get("/api/facets").json()["facets"]["modality"]}
    assert facet == {"occurred": N - feared, "feared": feared}  # its own selection aside, as every facet
    timeline = client.get("/api/timeline", params={"interval": "year"}).json()
    assert sum(b["total"] for b in timeline["buckets"]) + timeline["undated"] == N - feared
    exported = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(exported) == N - feared and all(json.loads(x)["modality"] == "occurred" for x in exported)
    assert len(client.get("/api/export", params={"format": "jsonl", **ALL}).text.splitlines()) == N
    assert sum(p["events"] for p in client.get("/api/places").json()["places"]) == N - feared
    v = client.get("/api/vocab").json()
    assert v["default_modality"] == "occurred" and "denied" in v["modalities"] and "all" not in v["modalities"]


def test_outlet_and_full_text_search(client):
    assert total(client, {"outlet": "Jazira Bulletin"}) == sum(1 for i in range(N) if i % 3 == 1)
    assert total(client, {"q": "marker7"}) == 1
    assert total(client, {"q": "airstrike"}) == sum(1 for i in range(N) if i % 4 == 1)
    assert total(client, {"q": '") OR * NEAR('}) == 0  # FTS syntax in the input is just words
    assert total(client, {"q": "!!!"}) == 0


def test_pagination_and_sorting(client):
    a = client.get("/api/events", params={"limit": 7, "offset": 0, "sort": "-fatalities", **ALL}).json()
    b = client.get("/api/events", params={"limit": 7, "offset": 7, "sort": "-fatalities", **ALL}).json()
    ids = [e["event_id"] for e in a["events"] + b["events"]]
    assert len(set(ids)) == 14 and a["total"] == N
    fat = [e["fatalities"] for e in a["events"] if e["fatalities"] is not None]
    assert fat == sorted(fat, reverse=True) and fat[0] == 4
    dates = [e["event_date"] for e in client.get("/api/events", params={"sort": "date", "limit": 1000}).json()
             ["events"] if e["event_date"]]
    assert dates == sorted(dates)


def test_event_formats(client):
    r = client.get("/api/events", params={"format": "geojson", "country": "Syria", "limit": 1000, **ALL})
    fc = json.loads(r.text)
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == expect(lambda e: e.country == "Syria" and e.latitude is not None)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv", **ALL}).text)))
    assert len(rows) == N and "evidence" in rows[0]
    acled = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "acled"}).text)))
    assert "event_id_cnty" in acled[0]
    lines = client.get("/api/events", params={"format": "jsonl", "limit": 5}).text.splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["event_id"]


@pytest.mark.parametrize("fmt", ["acled", "csv", "geojson", "jsonl"])
def test_export_is_exactly_the_filter_with_no_cap(client, fmt):
    params = {"format": fmt, "event_type": ["Battles", "Explosions/Remote violence"], **ALL}
    r = client.get("/api/export", params=params)
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    want = expect(lambda e: e.event_type in ("Battles", "Explosions/Remote violence")
                  and (fmt != "geojson" or e.latitude is not None))
    if fmt in ("acled", "csv"):
        assert len(list(csv.DictReader(io.StringIO(r.text)))) == want
    elif fmt == "geojson":
        assert len(r.json()["features"]) == want
    else:
        assert len(r.text.splitlines()) == want


def test_export_as_parquet_is_the_filter_too(client):
    import pyarrow.parquet as pq

    params = {"format": "parquet", "event_type": ["Battles"], **ALL}
    r = client.get("/api/export", params=params)
    assert r.status_code == 200 and r.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == expect(lambda e: e.event_type == "Battles")
    assert set(table.column("event_type").to_pylist()) == {"Battles"}


def test_one_event_with_evidence_articles_and_neighbours(client):
    eid = event_n(0, "a", "x s", "s").event_id
    d = client.get(f"/api/events/{eid}").json()
    assert d["event"]["event_id"] == eid
    (art,) = d["articles"]
    ev = art["evidence"][0]
    assert art["text"][ev["start"]:ev["end"]] == ev["text"]
    assert HOSTILE in art["text"]  # served as data; the page escapes it
    assert set(d["neighbours"]) == {"before", "after", "nearby"}
    assert all(n["event_id"] != eid for n in d["neighbours"]["nearby"])
    assert d["corrections"] == [] and isinstance(d["claims"], list)
    assert d["event"]["corroboration"] == {"articles": 1, "outlets": 1, "sources": len(d["event"]["sources"])}


def test_map_points_timeline_and_facets(client):
    p = client.get("/api/map/points", params={"country": "Syria", **ALL}).json()
    assert p["count"] == len(p["columns"]["event_id"]) == expect(lambda e: e.country == "Syria"
                                                                 and e.latitude is not None)
    assert p["fields"][:3] == ["event_id", "latitude", "longitude"] and set(p["columns"]) == set(p["fields"])
    assert p["total"] == expect(lambda e: e.country == "Syria")
    syria = {e.event_id: e for e in truth() if e.country == "Syria" and e.latitude is not None}
    for i, eid in enumerate(p["columns"]["event_id"]):
        etype = p["event_types"][p["columns"]["event_type"][i]]
        assert (p["columns"]["latitude"][i], etype) == (syria[eid].latitude, syria[eid].event_type)
    for interval in ("day", "week", "month", "year"):
        t = client.get("/api/timeline", params={"interval": interval, **ALL}).json()
        assert sum(b["total"] for b in t["buckets"]) + t["undated"] == N
    month = client.get("/api/timeline", params={"interval": "month", "date_from": "2024-02-01"}).json()
    assert [b["start"] for b in month["buckets"]] == ["2024-01-01", "2024-02-01", "2024-03-01"]
    weeks = client.get("/api/timeline", params={"interval": "week"}).json()["buckets"]
    import datetime as dt
    assert all(dt.date.fromisoformat(b["start"]).weekday() == 0 for b in weeks)
    f = client.get("/api/facets", params={"event_type": "Battles", **ALL}).json()
    types = {x["value"]: x["count"] for x in f["facets"]["event_type"]}
    assert types["Protests"] == expect(lambda e: e.event_type == "Protests")  # own selection ignored
    countries = {x["value"]: x["count"] for x in f["facets"]["country"]}
    assert sum(countries.values()) == f["total"] == expect(lambda e: e.event_type == "Battles")
    assert {x["value"] for x in f["facets"]["actor"]} <= set(ACTORS)
    assert set(f["facets"]) >= {"sub_event_type", "admin1", "source", "outlet", "modality", "geo_precision",
                                "review"}


def test_articles_claims_actors_places_vocab_config(client):
    a = client.get("/api/articles", params={"q": "marker3"}).json()
    assert a["total"] == 1 and a["articles"][0]["title"] == "Report 3"
    one = client.get(f"/api/articles/{a['articles'][0]['article_id']}").json()
    assert "marker3" in one["text"] and len(one["event_ids"]) == 1
    assert client.get("/api/articles", params={"outlet": "Jazira Bulletin"}).json()["total"] == 13
    assert client.get("/api/claims").json()["total"] == 0
    actors = client.get("/api/actors", params={"country": "Syria"}).json()["actors"]
    assert {x["actor"] for x in actors} <= set(ACTORS) and actors[0]["events"] >= actors[-1]["events"]
    places = client.get("/api/places", params=ALL).json()["places"]
    assert sum(p["events"] for p in places) == N
    v = client.get("/api/vocab").json()
    assert [t["name"] for t in v["event_types"]][0] == "Battles" and v["event_types"][0]["colour"].startswith("#")
    c = client.get("/api/config").json()
    assert c["writable"] and not c["token_required"] and c["counts"]["events"] == N


def test_openapi_description_lists_every_endpoint(client):
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/map/points", "/api/timeline", "/api/facets",
            "/api/export", "/api/articles", "/api/articles/{article_id}", "/api/claims", "/api/actors",
            "/api/places", "/api/corrections", "/api/events/{event_id}/corrections",
            "/api/events/{event_id}/review", "/api/vocab", "/api/config"} <= paths


def test_page_and_its_files_are_served_with_a_strict_policy(client):
    r = client.get("/")
    assert r.status_code == 200 and "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/vendor/leaflet.js").status_code == 200
    assert client.get("/vendor/../../etc/passwd").status_code == 404
    assert client.get("/static/..%2Fapp.py").status_code == 404

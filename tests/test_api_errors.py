"""Every error the API gives has one JSON shape; malformed input is a 4xx, never a 500; writes are guarded."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.web import create_app

from .webdata import LOCAL, event_n, synthetic_db

EID = event_n(1, "a", "x s", "s").event_id
BODY = {"author": "analyst", "changes": {"fatalities": 2}}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return synthetic_db(tmp_path_factory.mktemp("err") / "syn.db", 12)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)


def assert_error(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["details"], list)
    return body["error"]


BAD_GETS = [
    ("/api/events?limit=0", 422), ("/api/events?limit=abc", 422), ("/api/events?offset=-1", 422),
    ("/api/events?sort=name", 422), ("/api/events?format=xml", 422), ("/api/events?date_from=2024-13-45", 422),
    ("/api/events?date_to=yesterday", 422), ("/api/events?fatalities_min=-3", 422),
    ("/api/events?geo_precision=7", 422), ("/api/events?modality=rumoured", 422), ("/api/events?review=maybe", 422),
    ("/api/events?bbox=1,2,3", 422), ("/api/events?bbox=10,0,5,1", 422), ("/api/events?bbox=a,b,c,d", 422),
    ("/api/events?q=" + "x" * 600, 422), ("/api/events?country=", 422),
    ("/api/events/not-an-event", 404), ("/api/events/bad%20id", 422), ("/api/map/points?date_from=x", 422),
    ("/api/timeline?interval=hour", 422), ("/api/facets?size=0", 422), ("/api/export?format=pdf", 422),
    ("/api/articles?limit=5000", 422), ("/api/articles/nope", 404), ("/api/claims?offset=x", 422),
    ("/api/actors?limit=-1", 422), ("/api/places?fatalities_max=x", 422), ("/api/nothing-here", 404),
    ("/static/missing.js", 404), ("/vendor/evil.js", 404), ("/api/changes?since=x", 422), ("/api/changes", 422),
    # A strict API (issue 13): an unknown parameter, a reversed range, a near-miss actor are 400s.
    ("/api/events?foo=bar", 400), ("/api/timeline?date_from=2024-03-01&date_to=2024-02-01", 400),
    ("/api/events?actor=Hezbolah", 400), ("/api/events?undated=maybe", 422),
    ("/api/events?modality=all&modality=rumoured", 422), ("/api/gazetteer/search", 422),
    ("/api/gazetteer/labels?west=0&south=0&east=1&north=1", 422), ("/api/kb/actors?q=" + "x" * 300, 422),
    # A date the pattern lets through but no calendar holds; periods before year 1.
    ("/api/compare?days=1&end=0000-00-00", 422), ("/api/compare?days=3&end=2024-13-01", 422),
    ("/api/compare?a_from=2024-02-30&a_to=2024-03-01&b_from=2024-01-01&b_to=2024-01-02", 422),
    ("/api/compare?days=3660&end=0001-01-05", 422),
]


@pytest.mark.parametrize("url,status", BAD_GETS)
def test_every_get_error_has_the_one_shape(client, url, status):
    assert_error(client.get(url), status)


BAD_WRITES = [
    ({"author": "a"}, 422), ({"author": "", "changes": {"fatalities": 1}}, 422),
    ({"author": "a", "changes": {}}, 422), ({"author": "a", "changes": {"fatalities": -1}}, 422),
    ({"author": "a", "changes": {"event_type": "Picnic"}}, 422),
    ({"author": "a", "changes": {"sub_event_type": "Peaceful protest"}}, 422),  # not a Battles sub-type
    ({"author": "a", "changes": {"event_id": "x"}}, 422),
    ({"author": "a", "changes": {"event_date": "2024-02-30"}}, 422),
    ({"author": "a", "changes": {"latitude": 91}}, 422), ({"author": "a", "changes": {"event_type": None}}, 422),
    ("not json", 422), ([1, 2], 422),
]


@pytest.mark.parametrize("body,status", BAD_WRITES)
def test_every_write_error_has_the_one_shape(client, body, status):
    eid = event_n(0, "a", "x s", "s").event_id  # a Battles event
    if isinstance(body, str):
        r = client.post(f"/api/events/{eid}/corrections", content=body, headers={"content-type": "application/json"})
    else:
        r = client.post(f"/api/events/{eid}/corrections", json=body)
    assert_error(r, status)


def test_review_errors(client):
    assert_error(client.post(f"/api/events/{EID}/review", json={"author": "a", "status": "maybe"}), 422)
    assert_error(client.post("/api/events/0000000000000000/review", json={"author": "a", "status": "confirmed"}), 404)
    assert_error(client.post("/api/events/0000000000000000/corrections", json=BODY), 404)
    assert_error(client.delete(f"/api/events/{EID}"), 405)
    assert_error(client.put("/api/events"), 405)


def test_writes_need_json_and_same_origin(client):
    assert_error(client.post(f"/api/events/{EID}/corrections", content="author=x",
                             headers={"content-type": "application/x-www-form-urlencoded"}), 415)
    e = assert_error(client.post(f"/api/events/{EID}/corrections", json=BODY,
                                 headers={"origin": "http://evil.example"}), 403)
    assert e["code"] == "foreign_origin"


def test_read_only_server_refuses_writes(db):
    c = TestClient(create_app(db, read_only=True), base_url=LOCAL)
    e = assert_error(c.post(f"/api/events/{EID}/corrections", json=BODY), 403)
    assert e["code"] == "read_only" and "--write-token" in e["message"]
    assert c.get("/api/config").json()["writable"] is False
    assert c.get("/api/events").status_code == 200


def test_token_is_required_when_set(db):
    c = TestClient(create_app(db, write_token="s3cret"), base_url=LOCAL)
    assert_error(c.post(f"/api/events/{EID}/review", json={"author": "a", "status": "confirmed"}), 401)
    assert_error(c.post(f"/api/events/{EID}/review", json={"author": "a", "status": "confirmed"},
                        headers={"authorization": "Bearer wrong"}), 401)
    ok = c.post(f"/api/events/{EID}/review", json={"author": "a", "status": "confirmed"},
                headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["event"]["review"]["status"] == "confirmed"
    assert c.get("/api/config").json()["token_required"] is True


def test_an_unexpected_failure_is_a_500_in_the_same_shape(db, monkeypatch):
    from marsad.store import query

    c = TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(query, "count", boom)
    e = assert_error(c.get("/api/events"), 500)
    assert "disk on fire" not in e["message"]  # internals stay in the server log


def test_missing_database_is_a_clear_message(tmp_path):
    from marsad.errors import StoreError

    with pytest.raises(StoreError, match="marsad ingest"):
        create_app(tmp_path / "none.db")

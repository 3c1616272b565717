"""A strict API and one modality default (issue 13): unknown parameters, reversed date ranges and
near-miss actors are 400s that say what was wrong; an alias in `actor=` is resolved; the default
modality (occurred) and `modality=all` hold for the API and the CLI; undated events are counted,
listed on request and never neighbours; the lookups for type-ahead and map labels."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.actors import ActorKB
from marsad.records import Article, Event, Evidence, RawDocument, content_id
from marsad.store import open_store
from marsad.web import create_app

from .webdata import LOCAL

IRGC = "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"
# (type, date, modality, actor1, country, admin1, location, latitude, longitude): each event
# another type, place or week, so that no two are linked as reports of one event.
ROWS = [
    ("Battles", "2024-01-05", "occurred", IRGC, "Syria", "Homs", "Tadmur", 34.56, 38.28),
    ("Explosions/Remote violence", "2024-01-20", "occurred", "Hezbollah", "Syria", "Aleppo", "Aleppo", 36.2, 37.16),
    ("Battles", "2024-02-10", "denied", IRGC, "Syria", "Deir ez-Zor", "Al Mayadin", 35.02, 40.45),
    ("Violence against civilians", "2024-03-01", "occurred", "Islamic State (Syria)", "Syria", "Raqqa", "Raqqa",
     35.95, 39.01),
    ("Battles", None, "occurred", "Islamic State (Iraq)", "Iraq", "Anbar", "Ramadi", 33.42, 43.3),
    ("Explosions/Remote violence", None, "occurred", IRGC, "Syria", "Homs", "Al Qusayr", 34.51, 36.58),
    ("Protests", None, "threatened", "Hezbollah", "Syria", "Damascus", "Damascus", 33.51, 36.29),
    ("Protests", "2024-02-20", "feared", "Hezbollah", "Syria", "Daraa", "Daraa", 32.62, 36.1),
    ("Battles", "2024-03-15", "possible", "Islamic State (Syria)", "Syria", "Hama", "Hama", 35.13, 36.75),
    ("Violence against civilians", "2024-01-28", "occurred", "Islamic State (Syria)", "Syria", "Homs", "Homs",
     34.73, 36.72),
]
N = len(ROWS)


def event(i: int) -> dict[str, object]:
    etype, date, modality, actor, country, admin1, loc, lat, lon = ROWS[i]
    return {"i": i, "event_type": etype, "event_date": date, "modality": modality, "actor1": actor,
            "country": country, "admin1": admin1}


def build(path: str) -> str:
    with open_store(path) as store:
        for i, (etype, date, modality, actor, country, admin1, loc, lat, lon) in enumerate(ROWS):
            sentence = f"Report number {i} tells of something at {loc} involving {actor}."
            text = f"Opening words {i}. {sentence}"
            doc = RawDocument(content_id("strict-doc", i), f"strict/{i}.txt", "txt", text)
            art = Article(content_id("strict-art", i), doc.doc_id, doc.origin, f"Item {i}", "2024-03-20", "Wire",
                          "en", text)
            start = text.index(sentence)
            store.add_document(doc, [art], [Event(
                event_id=content_id("strict", i), event_type=etype, sub_event_type="", event_date=date,
                time_precision=1, actor1=actor, assoc_actor_1=(), inter1=None, actor2=None, assoc_actor_2=(),
                inter2=None, country=country, admin1=admin1, admin2=None, location=loc, latitude=lat, longitude=lon,
                geo_precision=1, geonameid=None, fatalities=i % 3, sources=("Local sources",),
                article_ids=(art.article_id,), evidence=(Evidence(art.article_id, start, start + len(sentence),
                                                                  sentence),), modality=modality)], [])
    return path


@pytest.fixture(scope="module")
def db(module_db):
    return build(module_db("strict.db"))  # on SQLite and on PostgreSQL


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)


def expect(pred) -> set[str]:
    return {content_id("strict", i) for i in range(N) if pred(event(i))}


def ids(client, **params) -> set[str]:
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return {e["event_id"] for e in r.json()["events"]}


def error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    e = r.json()["error"]
    assert e["status"] == status and e["code"] == code and e["message"]
    return e


def test_every_event_was_stored_apart(client):
    assert len(ids(client, modality="all")) == N


# --- unknown query parameters ---------------------------------------------------------------------
@pytest.mark.parametrize("url,name,hint", [
    ("/api/events?foo=bar", "foo", None),
    ("/api/events?contry=Syria", "contry", "did you mean country?"),
    ("/api/map/points?zom=4", "zom", "did you mean zoom?"),
    ("/api/claims?event_type=Battles", "event_type", "a parameter of /api/events"),
    ("/api/config?verbose=1", "verbose", None),
    ("/api/gazetteer/search?q=Homs&countri=Syria", "countri", "did you mean country?"),
    ("/api/kb/actors?q=irgc&kind=state", "kind", None),
])
def test_an_unknown_query_parameter_is_a_400_that_names_it(client, url, name, hint):
    e = error(client.get(url), 400, "unknown_parameter")
    assert e["message"].startswith(f"{name}: not a query parameter of ")
    assert {"field": f"query.{name}", "message": "unknown parameter"} in e["details"]
    if hint:
        assert hint in e["message"]


def test_every_get_endpoint_refuses_an_unknown_parameter(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    gets = [p for p, ops in paths.items() if "get" in ops]
    assert len(gets) >= 25
    for path in gets:
        url = re.sub(r"\{[^}]+\}", "x1", path)
        e = error(client.get(url, params={"unheard_of": "1"}), 400, "unknown_parameter")
        assert "unheard_of" in e["message"], path
    # The page's own URL carries the filter for the page's script: it is no API call.
    assert client.get("/", params={"country": "Syria", "all": ""}).status_code == 200


# --- reversed date ranges ---------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/events", "/api/timeline", "/api/facets", "/api/map/points", "/api/export",
                                  "/api/claims"])
def test_a_date_range_that_ends_before_it_starts_is_a_400(client, path):
    e = error(client.get(path, params={"date_from": "2024-03-01", "date_to": "2024-02-01"}), 400, "invalid_query")
    assert "date_from (2024-03-01) is after date_to (2024-02-01)" in e["message"]
    assert client.get(path, params={"date_from": "2024-02-01", "date_to": "2024-02-01"}).status_code == 200


# --- actors ---------------------------------------------------------------------------------------
def test_an_alias_in_actor_is_resolved_to_its_canonical_actor(client):
    kb = ActorKB.load()
    assert kb.canonical("IRGC") == IRGC and "IRGC" not in kb.actors  # an alias of actors.yaml
    want = expect(lambda e: e["actor1"] == IRGC and e["modality"] == "occurred")
    assert len(want) == 2
    assert ids(client, actor="IRGC") == ids(client, actor=IRGC) == want
    body = client.get("/api/events", params={"actor": "IRGC"}).json()
    assert body["actor_resolved"] == {"IRGC": [IRGC]} and body["total"] == 2
    assert client.get("/api/events", params={"actor": IRGC}).json()["actor_resolved"] == {}
    assert ids(client, actor="Revolutionary Guards", modality="all") == expect(lambda e: e["actor1"] == IRGC)
    facets = client.get("/api/facets", params={"actor": "IRGC"}).json()
    assert facets["total"] == 2 and facets["actor_resolved"] == {"IRGC": [IRGC]}


def test_a_per_country_alias_means_that_actor_in_every_country(client):
    body = client.get("/api/events", params={"actor": "Islamic State", "modality": "all", "limit": 100}).json()
    assert body["actor_resolved"] == {"Islamic State": ["Islamic State (Iraq)", "Islamic State (Syria)"]}
    assert {e["event_id"] for e in body["events"]} == expect(lambda e: e["actor1"].startswith("Islamic State ("))


@pytest.mark.parametrize("given,suggested", [("Hezbolah", "Hezbollah"), ("IRGC typo", "IRGC"),
                                             ("irgc", None)])
def test_an_actor_close_to_a_known_one_is_a_400_with_a_suggestion(client, given, suggested):
    r = client.get("/api/events", params={"actor": given})
    if suggested is None:  # another case of one actor's alias: resolved, not refused
        assert r.status_code == 200 and r.json()["actor_resolved"] == {given: [IRGC]}
        return
    e = error(r, 400, "unknown_actor")
    assert f"no actor {given!r}" in e["message"] and repr(suggested) in e["message"]
    assert e["details"][0]["suggestions"][0] == suggested


def test_an_actor_nobody_knows_matches_nothing(client):
    body = client.get("/api/events", params={"actor": "Zzyzx Quorum Syndicate"}).json()
    assert body["total"] == 0 and body["actor_resolved"] == {}


# --- modality -------------------------------------------------------------------------------------
def test_modality_all_is_every_modality_and_the_default_is_occurred(client):
    every = ids(client, modality="all")
    per = {m: ids(client, modality=m) for m in {event(i)["modality"] for i in range(N)}}
    assert set().union(*per.values()) == every and sum(len(v) for v in per.values()) == N
    assert ids(client) == per["occurred"] == expect(lambda e: e["modality"] == "occurred")
    for path in ("/api/facets", "/api/map/points"):
        assert client.get(path).json()["total"] == len(per["occurred"])
        assert client.get(path, params={"modality": "all"}).json()["total"] == N
    assert len(client.get("/api/export", params={"format": "jsonl", "modality": "all"}).text.splitlines()) == N
    assert client.get("/api/events", params={"modality": "rumoured"}).status_code == 422


def test_the_cli_has_the_same_default_and_all(db):
    from marsad.cli import cli

    runner = CliRunner()
    default = runner.invoke(cli, ["export", "--db", db, "--what", "events", "--format", "jsonl"])
    every = runner.invoke(cli, ["export", "--db", db, "--what", "events", "--format", "jsonl", "--modality", "all"])
    assert default.exit_code == 0 and every.exit_code == 0, default.output + every.output
    assert {json.loads(x)["event_id"] for x in default.output.splitlines()} == expect(
        lambda e: e["modality"] == "occurred")
    assert len(every.output.splitlines()) == N


# --- undated events -------------------------------------------------------------------------------
def test_a_date_range_counts_the_undated_events_it_leaves_out(client):
    body = client.get("/api/events", params={"date_from": "2024-01-01", "date_to": "2024-01-31"}).json()
    assert {e["event_id"] for e in body["events"]} == expect(
        lambda e: e["modality"] == "occurred" and e["event_date"] and e["event_date"] < "2024-02")
    undated = expect(lambda e: e["event_date"] is None and e["modality"] == "occurred")
    assert body["undated"] == len(undated) == 2
    syria = client.get("/api/events", params={"date_from": "2024-01-01", "country": "Syria"}).json()
    assert syria["undated"] == 1  # every other filter applies: the Iraqi one is not counted
    assert client.get("/api/events").json()["undated"] is None  # no range: nothing left out


def test_undated_only_lists_the_undated_events_whatever_the_range(client):
    want = expect(lambda e: e["event_date"] is None and e["modality"] == "occurred")
    assert ids(client, undated="only") == want
    assert ids(client, undated="only", date_from="2024-01-01", date_to="2024-01-31") == want
    assert ids(client, undated="only", modality="all") == expect(lambda e: e["event_date"] is None)
    assert ids(client, undated="only", country="Iraq") == expect(lambda e: e["event_date"] is None
                                                                 and e["country"] == "Iraq")
    assert client.get("/api/timeline", params={"undated": "only", "interval": "month"}).json()["buckets"] == []
    assert client.get("/api/events", params={"undated": "yes"}).status_code == 422


def test_neighbours_are_dated_events_only(client):
    syria_dated = content_id("strict", 1)  # Syria, 2024-01-20: undated Syrian events exist beside it
    n = client.get(f"/api/events/{syria_dated}").json()["neighbours"]
    assert n["before"] and n["after"]
    assert all(x["event_date"] for x in n["before"] + n["after"])
    assert all(x["event_date"] < "2024-01-20" for x in n["before"])
    undated = content_id("strict", 5)
    n = client.get(f"/api/events/{undated}").json()["neighbours"]
    assert n["before"] == [] and n["after"] == []  # an undated event is neither before nor after anything


# --- lookups --------------------------------------------------------------------------------------
@pytest.fixture
def gaz(gaz_path, monkeypatch):
    monkeypatch.setenv("MARSAD_GAZETTEER", str(gaz_path))
    return gaz_path


def test_gazetteer_search_finds_places_by_name_and_alias(client, gaz):
    places = client.get("/api/gazetteer/search", params={"q": "Homs", "country": "Syria", "limit": 5}).json()["places"]
    assert places and all(p["country"] == "Syria" for p in places)
    first = places[0]
    assert first["name"] == "Homs" and first["admin1"] == "Homs" and first["geo_precision"] in (1, 3)
    assert set(first) >= {"geonameid", "name", "country", "admin1", "admin2", "latitude", "longitude", "population",
                          "feature_code", "geo_precision"}
    town = next(p for p in places if p["feature_code"].startswith("PPL"))
    assert town["geo_precision"] == 1 and 34 < town["latitude"] < 35.5
    pops = [p["population"] for p in places if p["matched"].casefold() == "homs"]
    assert pops == sorted(pops, reverse=True)
    # Another spelling, and a prefix: the transliteration folds them together.
    suwayda = client.get("/api/gazetteer/search", params={"q": "As-Suwayda"}).json()["places"]
    assert any(p["admin1"] in ("Suwayda", "As-Suwayda") and p["country"] == "Syria" for p in suwayda)
    prefix = client.get("/api/gazetteer/search", params={"q": "Deir ez", "limit": 3}).json()["places"]
    assert prefix and all(p["matched"].casefold().replace("-", " ").startswith("deir ez") for p in prefix)
    e = error(client.get("/api/gazetteer/search", params={"q": "Homs", "country": "Atlantis"}), 422, "invalid_query")
    assert "Atlantis" in e["message"]
    assert client.get("/api/gazetteer/search", params={"q": "!!!"}).json() == {"places": []}


def test_gazetteer_labels_are_the_biggest_places_in_view_growing_with_zoom(client, gaz):
    box = {"west": 35.5, "south": 32.3, "east": 42.5, "north": 37.4}
    far = client.get("/api/gazetteer/labels", params={**box, "zoom": 6}).json()
    near = client.get("/api/gazetteer/labels", params={**box, "zoom": 9}).json()
    names = {x["name"] for x in far["labels"]}
    assert {"Aleppo", "Damascus"} <= names
    for got in (far, near):
        assert 0 < len(got["labels"]) <= 60
        assert all(box["south"] <= x["latitude"] <= box["north"] and box["west"] <= x["longitude"] <= box["east"]
                   for x in got["labels"])
        pops = [x["population"] for x in got["labels"]]
        assert pops == sorted(pops, reverse=True) and min(pops) >= got["min_population"]
    assert near["min_population"] < far["min_population"] and len(near["labels"]) > len(far["labels"])
    # A view across the antimeridian (west > east) holds both sides.
    pacific = client.get("/api/gazetteer/labels", params={"west": 170, "south": -48, "east": -175, "north": -34,
                                                          "zoom": 5}).json()["labels"]
    assert any(x["name"] == "Auckland" for x in pacific)
    error(client.get("/api/gazetteer/labels", params={**box, "south": 40, "zoom": 6}), 400, "invalid_query")
    assert client.get("/api/gazetteer/labels", params={**box, "zoom": 30}).status_code == 422


def test_kb_actor_search_for_type_ahead(client):
    got = client.get("/api/kb/actors", params={"q": "IRGC"}).json()["actors"]
    assert got[0] == {"actor": IRGC, "inter": "State forces", "matched": "IRGC"}
    guards = client.get("/api/kb/actors", params={"q": "revolutionary guard"}).json()["actors"]
    assert guards[0]["actor"] == IRGC and guards[0]["matched"].casefold().startswith("revolutionary guard")
    hez = client.get("/api/kb/actors", params={"q": "hezb", "limit": 3}).json()["actors"]
    assert hez[0]["actor"] == "Hezbollah" and len(hez) <= 3 and all("hezb" in a["matched"].casefold() for a in hez)
    civilians = client.get("/api/kb/actors", params={"q": "civilians", "country": "Syria"}).json()["actors"]
    assert civilians[0] == {"actor": "Civilians (Syria)", "inter": "Civilians", "matched": "civilians"}
    assert client.get("/api/kb/actors", params={"q": "qqqqxz"}).json() == {"actors": []}
    assert client.get("/api/kb/actors", params={"q": ""}).status_code == 422


def test_without_a_gazetteer_the_place_lookups_say_how_to_get_one(client, tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_GAZETTEER", str(tmp_path / "none.sqlite"))
    for path, params in (("/api/gazetteer/search", {"q": "Homs"}),
                         ("/api/gazetteer/labels", {"west": 0, "south": 0, "east": 1, "north": 1, "zoom": 5})):
        e = error(client.get(path, params=params), 503, "no_gazetteer")
        assert "marsad gazetteer build" in e["message"]

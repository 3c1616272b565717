"""The claims ledger: claims as first-class records — coded with a unit class, a date and a
place, stored and indexed, filtered like events, grouped, mapped per admin1, compared with
the claims that restate them, exported. Every text here was written for these tests."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from marsad.claims import UNIT_CLASSES, unit_class
from marsad.cli import cli
from marsad.export import columns
from marsad.records import Article, Claim, Event, Evidence, RawDocument, content_id
from marsad.store import open_store
from marsad.web import create_app
from marsad.web.api_claims import UnitClass

from .webdata import LOCAL

MILITIA = "Militia (Pro-Iran)"
SOHR = "Syrian Observatory for Human Rights"
A, B = "Levant Positions Monitor", "Hawran Studies Unit"
POINTS = {"Daraa": (32.62, 36.10), "Deir ez-Zor": (35.33, 40.14), "Aleppo": (36.20, 37.16), "Homs": (34.73, 36.71)}


# -- coding ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("unit,cls", [
    ("military posts", "positions"), ("sites", "positions"), ("positions", "positions"), ("locations", "positions"),
    ("Iranian posts", "positions"), ("military points", "positions"), ("headquarters", "positions"),
    ("fighters", "fighters"), ("troops", "fighters"), ("members", "fighters"), ("militants", "fighters"),
    ("vehicles", "vehicles"), ("tanks", "vehicles"), ("four-wheel-drive cars", "vehicles"),
    ("deaths", "deaths"), ("killed", "deaths"), ("dead", "deaths"), ("bodies", "deaths"),
    ("displaced", "displaced"), ("refugees", "displaced"), ("families displaced", "displaced"),
    ("displaced families", "displaced"), ("drones", "aircraft"), ("rockets", "munitions"),
    ("raids", "attacks"), ("detainees", "detained"), ("civilians", "people"), ("villages", "areas"),
    ("houses", "buildings"), ("agreements", "other"), ("olive trees", "other"), ("Yazidis", "people"),
])
def test_units_are_normalised_to_a_small_vocabulary(unit, cls):
    assert unit_class(unit) == cls
    assert cls in UNIT_CLASSES


@pytest.mark.parametrize("before,unit,after,cls", [
    ("Shelling ", "civilians", " were killed in the village", "deaths"),
    ("The strike left ", "people", " dead", "deaths"),
    ("It put the death toll at ", "soldiers", ".", "deaths"),
    ("", "fighters", " were wounded", "injured"),
    ("The fighting displaced ", "people", " from Ariha", "displaced"),
    ("", "people", " from Sinjar remain displaced", "displaced"),
    ("Police arrested ", "people", " in Kirkuk", "detained"),
    ("", "suspected Islamic State members", " arrested", "detained"),
    ("", "people", ", including six policemen, were wounded", "injured"),
    ("About ", "fighters", " guard the base", "fighters"),
    ("The army moved ", "tanks", " that were destroyed later", "vehicles"),  # a vehicle's fate is not a person's
])
def test_counts_of_people_take_the_class_of_their_fate(before, unit, after, cls):
    assert unit_class(unit, before=before, after=after) == cls


def test_the_api_lists_the_unit_vocabulary():
    assert set(UnitClass.__args__) == set(UNIT_CLASSES)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def coder():
    from marsad.events.code import EventCoder

    return EventCoder.load()


def code(coder, text, published="2024-05-20"):
    a = Article(article_id=content_id(text), doc_id="d", origin="test", title="Test report", published=published,
                outlet=None, language="en", text=text)
    events, claims = coder.code([a])
    for c in claims:
        [ev] = c.evidence
        assert a.text[ev.start:ev.end] == ev.text
    return events, claims


def test_a_census_is_a_set_of_claims_and_never_events(coder):
    text = ("According to the Euphrates Research Centre, Turkish forces are deployed in 60 positions across northern "
            "Syria, mainly Aleppo, which includes 31 military posts, followed by Idlib with 19 sites.")
    events, claims = code(coder, text)
    assert events == []
    got = {(c.quantity, c.place, c.unit_class, c.source) for c in claims}
    assert got == {(60, "Syria", "positions", "Euphrates Research Centre"),
                   (31, "Aleppo", "positions", "Euphrates Research Centre"),
                   (19, "Idlib", "positions", "Euphrates Research Centre")}
    assert all(c.subject and c.subject.startswith("Military Forces of Turkey") for c in claims)


def test_where_forces_are_stationed_is_a_census_too_but_a_deployment_on_a_day_is_an_event(coder):
    events, _ = code(coder, "Most Russian troops in Syria are stationed in Latakia, the countryside of Hama and the "
                            "Tiyas air base, local sources said.")
    assert events == []
    events, _ = code(coder, "Russian troops were deployed to Tal Rifaat on Monday, local sources said.")
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]


def test_the_seeds_jusoor_census_is_claims_only(coder):
    from marsad.ingest import read_paths
    from marsad.segment import segment

    from .conftest import SEEDS

    [doc] = [d for d in read_paths([str(SEEDS / "000_4ebde5b5435fcd6e.txt")]) if not isinstance(d, Exception)]
    events, claims = coder.code(segment(doc))
    assert not [e for e in events if any("Jusoor" in s for s in e.sources)]
    posts = {(c.place, c.quantity) for c in claims if c.unit_class == "positions"}
    assert {("Daraa", 37), ("Damascus", 22), ("Aleppo", 15), ("Deir ez-Zor", 13), ("Syria", 125)} <= posts
    assert {c.source for c in claims if c.unit_class == "positions"} == {"Jusoor Center for Studies and Development"}


def test_a_claim_has_its_own_date_else_the_publication_date(coder):
    _, [c] = code(coder, "In its count for March 2024, the Euphrates Research Centre said Turkish forces hold 31 posts "
                         "in Aleppo province.")
    assert (c.date, c.date_precision) == ("2024-03-01", 3)
    _, [c] = code(coder, "In its count for March 2024, the centre said Turkish forces hold 31 posts in Aleppo "
                         "province.", published=None)
    assert (c.date, c.date_precision) == ("2024-03-01", 3)  # a month and year need no publication date
    _, [c] = code(coder, "Turkish forces held 31 posts in Aleppo province on Monday, the centre said.")
    assert (c.date, c.date_precision) == ("2024-05-20", 1)  # 20 May 2024 is a Monday
    _, [c] = code(coder, "Turkish forces hold 31 posts in Aleppo province, the centre said.")
    assert (c.date, c.date_precision) == ("2024-05-20", 2)  # the publication date, as for events
    _, [c] = code(coder, "Turkish forces hold 31 posts in Aleppo province, the centre said.", published=None)
    assert (c.date, c.date_precision) == (None, None)


def test_a_count_going_on_from_the_sentence_before_keeps_its_date(coder):
    _, claims = code(coder, "In its count for March 2024, the centre found 31 Turkish posts in Aleppo province. "
                            "Idlib province has 19 Turkish posts.")
    assert [(c.quantity, c.date) for c in claims] == [(31, "2024-03-01"), (19, "2024-03-01")]


def test_a_claim_has_the_place_of_its_toponym(coder):
    _, claims = code(coder, "Turkish forces hold 31 posts in Aleppo province and 19 posts in Idlib province, the "
                            "centre said.")
    aleppo, idlib = claims
    assert (aleppo.quantity, aleppo.admin1, aleppo.country) == (31, "Aleppo", "Syria")
    assert aleppo.geonameid and abs(aleppo.latitude - 36.2) < 0.5 and abs(aleppo.longitude - 37.2) < 0.8
    assert (idlib.quantity, idlib.admin1) == (19, "Idlib")
    _, [c] = code(coder, "The ministers signed 14 agreements.")
    assert (c.place, c.admin1, c.country, c.latitude, c.geonameid) == (None, None, None, None, None)


def test_things_already_named_and_temperatures_are_not_counts(coder):
    _, claims = code(coder, "The two sides met as temperatures topped 48 degrees, and the other three were Syrians.")
    assert claims == []


# -- a ledger to read ---------------------------------------------------------------------------
def _claim(article: Article, sentence: str, quantity: float, unit: str, *, place: str | None, source: str | None,
           date: str | None, subject: str | None = MILITIA, cls: str = "positions",
           admin1: str | None = "", country: str | None = "Syria") -> Claim:
    start = article.text.index(sentence)
    at = article.text.index(str(quantity), start)
    lat, lon = POINTS.get(place or "", (None, None))
    return Claim(claim_id=content_id(article.article_id, at), article_id=article.article_id, quantity=quantity,
                 unit=unit, subject=subject, place=place, admin1=place if admin1 == "" else admin1, source=source,
                 evidence=(Evidence(article.article_id, start, start + len(sentence), sentence),), unit_class=cls,
                 date=date, date_precision=3 if date else None, country=country if place else None,
                 latitude=lat, longitude=lon, geonameid=None)


def _store(store, origin: str, published: str, outlet: str, sentences: list[str], claims: list[tuple],
           events: bool = False) -> Article:
    text = " ".join(sentences)
    doc = RawDocument(content_id(origin, text), origin, "txt", text)
    art = Article(content_id(doc.doc_id, text), doc.doc_id, origin, origin, published, outlet, "en", text)
    made = [_claim(art, *args, **kwargs) for args, kwargs in claims]
    evs = []
    if events:
        sentence = sentences[0]
        evs = [Event(event_id=content_id("ev", origin), event_type="Strategic developments",
                     sub_event_type="Change to group/activity", event_date=published, time_precision=1,
                     actor1=MILITIA, assoc_actor_1=(), inter1=None, actor2=None, assoc_actor_2=(), inter2=None,
                     country="Syria", admin1="Daraa", admin2=None, location="Daraa", latitude=32.62, longitude=36.1,
                     geo_precision=1, geonameid=None, fatalities=None, sources=(B,), article_ids=(art.article_id,),
                     evidence=(Evidence(art.article_id, 0, len(sentence), sentence),))]
    store.add_document(doc, [art], evs, made)
    return art


JAN = ["In its count for December 2023 the Levant Positions Monitor found 29 posts in Daraa,",
       "24 posts in Deir ez-Zor and 88 posts in all of Syria."]
MAY = ["Militias moved into a farm in Daraa, the Hawran Studies Unit said.",
       "In its tally for April 2024 the unit counted 37 posts in Daraa,",
       "24 posts in Deir ez-Zor and 97 posts in all of Syria."]
MAR = ["Six member states signed 14 agreements."]
OLD = ["Militias hold 5 posts in Homs, a monitor said."]
NEW = ["Militias hold 6 checkpoints in Homs, a monitor said."]


def ledger_db(path: Path) -> Path:
    with open_store(path) as s:
        _store(s, "monitor_a.txt", "2024-01-16", "Levant Wire", JAN, [
            ((JAN[0], 29, "posts"), {"place": "Daraa", "source": A, "date": "2023-12-01"}),
            ((JAN[1], 24, "posts"), {"place": "Deir ez-Zor", "source": A, "date": "2023-12-01"}),
            ((JAN[1], 88, "posts"), {"place": "Syria", "admin1": None, "source": A, "date": "2023-12-01"})])
        _store(s, "monitor_b.txt", "2024-05-21", "Jazira Bulletin", MAY, [
            ((MAY[1], 37, "posts"), {"place": "Daraa", "source": B, "date": "2024-04-01"}),
            ((MAY[2], 24, "posts"), {"place": "Deir ez-Zor", "source": B, "date": "2024-04-01"}),
            ((MAY[2], 97, "posts"), {"place": "Syria", "admin1": None, "source": B, "date": "2024-04-01"})],
            events=True)
        _store(s, "treaty.txt", "2024-03-04", "Levant Wire", MAR, [
            ((MAR[0], 14, "agreements"), {"place": None, "source": None, "date": None, "subject": None,
                                          "cls": "other"})])
        _store(s, "feed/homs.txt", "2024-02-01", "Levant Wire", OLD, [
            ((OLD[0], 5, "posts"), {"place": "Homs", "source": None, "date": "2024-02-01"})])
        # A changed version of the same file: its claims replace the old version's.
        _store(s, "feed/homs.txt", "2024-02-02", "Levant Wire", NEW, [
            ((NEW[0], 6, "checkpoints"), {"place": "Homs", "source": None, "date": "2024-02-02"})])
    return path


@pytest.fixture(scope="module")
def db(module_db):
    return ledger_db(module_db("ledger.db"))  # on SQLite and on PostgreSQL


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url=LOCAL)


def claims(client, **params):
    r = client.get("/api/claims", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def by_quantity(rows):
    return sorted(c["quantity"] for c in rows)


@pytest.mark.parametrize("params,want", [
    ({}, [6, 14, 24, 24, 29, 37, 88, 97]),
    ({"place": "Daraa"}, [29, 37]),
    ({"place": "daraa"}, [29, 37]),
    ({"place": "Syria"}, [6, 24, 24, 29, 37, 88, 97]),  # the country too
    ({"place": ["Daraa", "Homs"]}, [6, 29, 37]),
    ({"location": "Syria"}, [88, 97]),
    ({"admin1": "Deir ez-Zor"}, [24, 24]),
    ({"country": "Syria", "unit_class": "positions"}, [6, 24, 24, 29, 37, 88, 97]),
    ({"unit_class": "other"}, [14]),
    ({"subject": MILITIA, "source": A}, [24, 29, 88]),
    ({"actor": MILITIA, "source": B}, [24, 37, 97]),
    ({"date_from": "2024-01-01", "date_to": "2024-04-30"}, [6, 24, 37, 97]),
    ({"q": "tally April"}, [37]),  # words of the evidence sentence
    ({"q": "tally Deir"}, []),
    ({"quantity_min": 30, "quantity_max": 90}, [37, 88]),
    ({"bbox": "35,32,37,33"}, [29, 37]),
    ({"outlet": "Jazira Bulletin"}, [24, 37, 97]),
])
def test_claims_are_filtered_like_events(client, params, want):
    got = claims(client, **params)
    assert by_quantity(got["claims"]) == want and got["total"] == len(want)


def test_claims_come_latest_first_and_sort_on_request(client):
    rows = claims(client)["claims"]
    dated = [c["date"] for c in rows if c["date"]]
    assert dated == sorted(dated, reverse=True) and rows[-1]["date"] is None
    assert by_quantity(claims(client, sort="quantity")["claims"]) == [c["quantity"] for c in
                                                                   claims(client, sort="quantity")["claims"]]
    page = claims(client, sort="quantity", limit=2, offset=1)
    assert [c["quantity"] for c in page["claims"]] == [14, 24] and page["total"] == 8


@pytest.mark.parametrize("params,field,status", [
    ({"plac": "Daraa"}, "plac", 400),  # a misspelling is an error (an unknown parameter: 400), not every claim
    ({"event_type": "Battles"}, "event_type", 400),
    ({"fatalities_min": "1"}, "fatalities_min", 400),
    ({"unit_class": "tanks"}, "unit_class", 422),
    ({"date_from": "2024-02-30"}, "date_from", 422),
    ({"bbox": "1,2,3"}, "bbox", 422),
    ({"sort": "fatalities"}, "sort", 422),
])
def test_a_filter_claims_do_not_take_is_an_error_never_ignored(client, params, field, status):
    r = client.get("/api/claims", params=params)
    assert r.status_code == status
    body = r.json()["error"]
    assert body["status"] == status and field in body["message"] + json.dumps(body["details"])


def test_every_claims_endpoint_refuses_unknown_parameters(client, db):
    some = claims(client)["claims"][0]["claim_id"]
    for path in ("/api/claims/groups", "/api/claims/choropleth", "/api/claims/export", f"/api/claims/{some}"):
        r = client.get(path, params={"modality": "occurred"})
        assert r.status_code == 400 and "modality" in r.json()["error"]["message"], path
    assert client.get(f"/api/claims/{some}", params={"place": "Daraa"}).status_code == 400


def test_a_claim_lists_the_claims_that_restate_it_with_the_differences(client):
    [daraa_may] = claims(client, place="Daraa", source=B)["claims"]
    assert daraa_may["restatements"] == 1
    one = client.get(f"/api/claims/{daraa_may['claim_id']}").json()
    [other] = one["restated_by"]
    assert (other["quantity"], other["source"], other["date"]) == (29, A, "2023-12-01")
    assert other["difference"] == {"quantity": -8, "days": -122, "same_source": False}
    assert one["summary"] == f"Daraa: 37 posts, {B}, Apr 2024 · 29, {A}, Dec 2023"
    assert "Daraa" in other["evidence"]
    # Deir ez-Zor: the same figure by another monitor at another date is a restatement with no difference.
    [deir] = claims(client, admin1="Deir ez-Zor", source=A)["claims"]
    [same] = client.get(f"/api/claims/{deir['claim_id']}").json()["restated_by"]
    assert same["difference"]["quantity"] == 0 and same["difference"]["days"] == 122
    # A claim with no place restates nothing; a count of other things at a place is not a restatement.
    assert [c["restatements"] for c in claims(client, unit_class="other")["claims"]] == [0]
    assert [c["restatements"] for c in claims(client, place="Homs")["claims"]] == [0]


def test_an_unknown_claim_is_a_404_in_the_error_shape(client):
    r = client.get("/api/claims/0000000000000000")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_groups_by_subject_unit_and_place_for_a_table(client):
    got = client.get("/api/claims/groups", params={"unit_class": "positions"}).json()
    assert got["total"] == 4  # Daraa, Deir ez-Zor, Syria, Homs (the old Homs version is gone)
    daraa = next(g for g in got["groups"] if g["location"] == "Daraa")
    assert (daraa["subject"], daraa["unit_class"], daraa["admin1"], daraa["country"]) == (MILITIA, "positions",
                                                                                         "Daraa", "Syria")
    assert (daraa["claims"], daraa["min"], daraa["max"], daraa["first_date"], daraa["last_date"]) == (
        2, 29, 37, "2023-12-01", "2024-04-01")
    assert daraa["latest"]["quantity"] == 37 and daraa["latest"]["source"] == B
    assert daraa["sources"] == [B, A]
    assert got["groups"][-1]["claims"] == 1  # most claims first
    page = client.get("/api/claims/groups", params={"sort": "place", "limit": 1, "offset": 4}).json()
    assert page["total"] == 5 and [g["location"] for g in page["groups"]] == ["Homs"]
    assert client.get("/api/claims/groups", params={"place": "Daraa"}).json()["total"] == 1


def test_the_choropleth_gives_each_admin1_its_latest_figure_and_the_sum(client):
    got = client.get("/api/claims/choropleth", params={"unit_class": "positions", "subject": MILITIA}).json()
    areas = {a["admin1"]: a for a in got["areas"]}
    assert set(areas) == {"Daraa", "Deir ez-Zor", "Homs"}  # claims placed only in Syria are left out
    assert areas["Daraa"]["latest"]["quantity"] == 37 and areas["Daraa"]["sum"] == 37  # 29 restated, not added
    assert areas["Daraa"]["claims"] == 2 and areas["Daraa"]["unit_classes"] == ["positions"]
    assert areas["Homs"]["latest"]["quantity"] == 6  # the current version's count
    for a in got["areas"]:
        assert a["point"] in ("admin1", "claims") and a["latitude"] is not None and a["longitude"] is not None
    assert abs(areas["Daraa"]["latitude"] - 32.7) < 0.6 and abs(areas["Daraa"]["longitude"] - 36.2) < 0.6
    assert got["max_latest"] == 37 and got["max_sum"] == 37
    only_a = client.get("/api/claims/choropleth", params={"unit_class": "positions", "source": A}).json()
    assert {a["admin1"]: a["latest"]["quantity"] for a in only_a["areas"]} == {"Daraa": 29, "Deir ez-Zor": 24}


def test_superseded_documents_claims_are_not_listed(client, db):
    assert claims(client, place="Homs")["claims"][0]["unit"] == "checkpoints"
    with open_store(db) as s:
        [old_id] = [r[0] for r in s.db.execute("SELECT claim_id FROM claim_index WHERE quantity = 5")]
    assert client.get(f"/api/claims/{old_id}").status_code == 404
    assert 5 not in by_quantity(claims(client)["claims"])
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", "claims"])
    assert 5 not in [json.loads(line)["quantity"] for line in r.output.splitlines()]


def test_an_event_lists_the_claims_of_its_articles(client):
    [event] = client.get("/api/events", params={"modality": "occurred"}).json()["events"]
    d = client.get(f"/api/events/{event['event_id']}").json()
    assert by_quantity(d["claims"]) == [24, 37, 97]


def test_the_vocabulary_and_the_openapi_description_list_the_ledger(client):
    assert set(client.get("/api/vocab").json()["unit_classes"]) == set(UNIT_CLASSES)
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert {"/api/claims", "/api/claims/groups", "/api/claims/choropleth", "/api/claims/export",
            "/api/claims/{claim_id}"} <= paths


# -- exports ----------------------------------------------------------------------------------------
def _export(db, fmt, *more):
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", "claims", "--format", fmt, *more])
    assert r.exit_code == 0, r.output
    return r.output


def test_claims_export_as_json_lines_with_every_field(db):
    rows = [json.loads(line) for line in _export(db, "jsonl").splitlines()]
    assert len(rows) == 8
    daraa = next(r for r in rows if r["quantity"] == 37)
    for key in ("claim_id", "article_id", "quantity", "unit", "unit_class", "subject", "place", "admin1", "country",
                "latitude", "longitude", "geonameid", "date", "date_precision", "source", "evidence"):
        assert key in daraa
    assert daraa["source"] == B and daraa["evidence"][0]["text"].startswith("In its tally")


def test_claims_export_as_csv_with_clear_columns(db):
    rows = list(csv.DictReader(io.StringIO(_export(db, "csv"))))
    assert list(rows[0]) == columns.CLAIM and len(rows) == 8
    daraa = next(r for r in rows if r["quantity"] == "37")
    assert (daraa["unit"], daraa["unit_class"], daraa["place"], daraa["admin1"], daraa["date"]) == (
        "posts", "positions", "Daraa", "Daraa", "2024-04-01")
    assert daraa["evidence"] == MAY[1] and int(daraa["evidence_end"]) - int(daraa["evidence_start"]) == len(MAY[1])


def test_claims_export_as_geojson_those_with_coordinates(db, tmp_path):
    out = tmp_path / "claims.geojson"
    _export(db, "geojson", "-o", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 5  # Syria-wide and placeless ones have none
    f = next(f for f in doc["features"] if f["properties"]["quantity"] == 37)
    assert f["id"] == f["properties"]["claim_id"] and f["geometry"] == {"type": "Point", "coordinates": [36.10, 32.62]}


def test_the_api_exports_the_filtered_claims(client):
    r = client.get("/api/claims/export", params={"format": "geojson", "place": "Daraa"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    assert sorted(f["properties"]["quantity"] for f in r.json()["features"]) == [29, 37]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/claims/export", params={"source": A}).text)))
    assert sorted(int(r["quantity"]) for r in rows) == [24, 29, 88]


def test_articles_have_no_geojson(db):
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", "articles", "--format", "geojson"])
    assert r.exit_code == 1 and "events and claims" in r.output


# -- a database made before the ledger ------------------------------------------------------------
def test_a_database_made_before_the_ledger_is_upgraded(tmp_path):
    path = ledger_db(tmp_path / "old.db")
    with sqlite3.connect(path) as con:  # as an older marsad left it: no index, claims without the new fields
        con.execute("DROP TABLE claim_index")
        con.execute("DROP TRIGGER claim_index_current")
        con.execute("DELETE FROM migrations WHERE name = 'm010_claims_ledger'")
        for claim_id, data in con.execute("SELECT claim_id, data FROM claims").fetchall():
            old = {k: v for k, v in json.loads(data).items() if k in ("claim_id", "article_id", "quantity", "unit",
                                                                      "subject", "place", "admin1", "source",
                                                                      "evidence")}
            con.execute("UPDATE claims SET data = ? WHERE claim_id = ?", (json.dumps(old), claim_id))
    with open_store(path) as s:
        rows = list(s.claims())
    assert len(rows) == 8
    daraa = next(r for r in rows if r["quantity"] == 37)
    assert (daraa["unit_class"], daraa["date"], daraa["date_precision"]) == ("positions", "2024-05-21", 2)
    client = TestClient(create_app(path), base_url=LOCAL)
    assert by_quantity(claims(client, place="Daraa")["claims"]) == [29, 37]


# -- no request gets a 500 over a ledger with claims ----------------------------------------------
schemathesis = pytest.importorskip("schemathesis")


def _schema():
    folder = Path(tempfile.mkdtemp(prefix="marsad-claims-prop-"))
    app = create_app(ledger_db(folder / "prop.db"), allowed_hosts=["testserver"])
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


SCHEMA = _schema()
OPERATIONS = [op.ok() for op in SCHEMA.get_all_operations() if op.ok().path.startswith("/api/claims")]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_no_claims_request_gets_a_500(operation):
    from schemathesis.generation import GenerationMode

    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.formatted_path, case.query, response.text[:300])
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error"} and body["error"]["status"] == response.status_code
            assert str(response.status_code) in operation.definition.raw["responses"] or response.status_code in (
                200, 422)

        try:
            check()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE


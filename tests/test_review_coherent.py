"""Review that keeps records coherent (issue 13): a place edit moves every place field, actors come
from the knowledge base with `inter` following, dates are checked against the articles, a
fatality edit heads the per-source figures, undo is a correction that reverts — and the filters
and counts follow every edit, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from marsad import review
from marsad.errors import InvalidInput
from marsad.records import Article, FatalityReport, RawDocument, content_id
from marsad.store import open_store, overlay, query
from marsad.store.query import EventFilter
from marsad.web import create_app

from .test_web_perf import _count_tables_match
from .webdata import LOCAL, event_n, synthetic_db

N = 12
IRGC = "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"
SOHR = "Syrian Observatory for Human Rights"
# Synthetic events (tests/webdata.py), every one reported in an article published 2024-03-01.
ALEPPO = event_n(1, "a", "x s", "s").event_id  # Syria / Aleppo / Aleppo, an air strike, 2024-02-02
ANBAR = event_n(2, "a", "x s", "s").event_id  # Iraq / Anbar, precision 3, a protest
ABU_KAMAL = event_n(4, "a", "x s", "s").event_id  # Syria / Deir ez-Zor / Abu Kamal, a clash
TOLL = content_id("toll", 1)  # an event with two sources' death tolls: 27 and 30


@pytest.fixture
def db(new_db, gaz_path, monkeypatch):
    monkeypatch.setenv("MARSAD_GAZETTEER", str(gaz_path))  # the gazetteer place edits are checked against
    path = synthetic_db(new_db("r.db"), N)
    with open_store(path) as s:
        text = "Intro. Shelling killed 27 people in Abu Kamal, SOHR said; Reuters put the toll at 30."
        doc = RawDocument(content_id("doc", "toll"), "toll.txt", "txt", text)
        art = Article(content_id("art", "toll"), doc.doc_id, doc.origin, "Toll", "2024-03-01", "Wire", "en", text)
        e = replace(event_n(4, art.article_id, text, text[7:]), event_id=TOLL, event_date="2024-02-27", fatalities=27,
                    fatality_reports=(FatalityReport(27, SOHR, art.article_id),
                                      FatalityReport(30, "Reuters", art.article_id)))
        s.add_document(doc, [art], [e], [])
    return path


@pytest.fixture
def client(db):
    return TestClient(create_app(db), base_url=LOCAL)


@pytest.fixture(scope="module")
def places(gaz_path):
    """Gazetteer ids of the places the tests pick, looked up as the type-ahead would."""
    from marsad.places import Gazetteer

    gaz = Gazetteer.open(gaz_path)
    try:
        def pick(name, code):
            return next(c for c in gaz.candidates(name) if c.feature_code == code and c.country == "Syria")

        return {"suwayda": pick("Suwayda", "ADM1"), "homs": pick("Homs", "ADM1"),
                "palmyra": pick("Palmyra", "PPL"), "syria": gaz.get(gaz.countries["SY"][1])}
    finally:
        gaz.close()


def events(client, **params):
    r = client.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return {e["event_id"] for e in r.json()["events"]}


def facet(client, name, **params):
    r = client.get("/api/facets", params=params)
    assert r.status_code == 200, r.text
    return {x["value"]: x["count"] for x in r.json()["facets"][name]}


def post(client, event_id, changes, **body):
    return client.post(f"/api/events/{event_id}/corrections", json={"author": "rana", "changes": changes, **body})


def error(r, status=422):
    assert r.status_code == status, r.text
    return r.json()["error"]["message"]


def place_of(e):
    return {k: e[k] for k in review.PLACE_FIELDS}


# --- place ----------------------------------------------------------------------------------------


def test_a_place_from_the_gazetteer_moves_every_place_field_and_the_filters(client, db, places):
    suwayda = places["suwayda"]
    before = facet(client, "admin1")
    r = post(client, ALEPPO, {"place": {"geonameid": suwayda.geonameid}})
    assert r.status_code == 200, r.text
    e = r.json()["event"]
    assert place_of(e) == {"country": "Syria", "admin1": "Suwayda", "admin2": None, "location": "Suwayda",
                           "latitude": suwayda.latitude, "longitude": suwayda.longitude, "geo_precision": 3,
                           "geonameid": suwayda.geonameid}
    # The filters, the facets and the kept counts read the corrected place.
    assert ALEPPO in events(client, admin1="Suwayda") and ALEPPO not in events(client, admin1="Aleppo")
    after = facet(client, "admin1")
    assert after.get("Suwayda") == before.get("Suwayda", 0) + 1 and after.get("Aleppo", 0) == before["Aleppo"] - 1
    box = f"{suwayda.longitude - 0.1},{suwayda.latitude - 0.1},{suwayda.longitude + 0.1},{suwayda.latitude + 0.1}"
    assert ALEPPO in events(client, bbox=box)
    with open_store(db) as s:
        _count_tables_match(s.db)
        assert query.count(s.db, EventFilter(admin1=("Suwayda",))) == 1


def test_setting_admin1_alone_recodes_the_event_to_that_province(client, db, places):
    # The case: a country-level event ("Syria", its point in the central desert) put in Suwayda.
    assert post(client, ANBAR, {"country": "Syria"}).status_code == 200
    with open_store(db) as s:
        e = s.event(ANBAR)
    syria = places["syria"]
    assert (e["location"], e["admin1"], e["geo_precision"], e["geonameid"]) == ("Syria", None, 3, syria.geonameid)
    r = post(client, ANBAR, {"admin1": "Sweida"})  # another name of it: resolved to the gazetteer's
    assert r.status_code == 200, r.text
    e = r.json()["event"]
    suwayda = places["suwayda"]
    assert (e["location"], e["admin1"], e["country"]) == ("Suwayda", "Suwayda", "Syria")
    assert (e["latitude"], e["longitude"], e["geo_precision"]) == (suwayda.latitude, suwayda.longitude, 3)
    assert ANBAR in events(client, admin1="Suwayda", country="Syria")
    assert ANBAR not in events(client, country="Iraq")
    with open_store(db) as s:
        _count_tables_match(s.db)


def test_a_place_the_gazetteer_lacks_is_coded_to_the_area_given_and_precision_can_be_set(client, places):
    suwayda, palmyra = places["suwayda"], places["palmyra"]
    e = post(client, ALEPPO, {"place": {"geonameid": suwayda.geonameid, "location": "Umm Rummana"}}).json()["event"]
    assert (e["location"], e["geonameid"], e["admin1"], e["geo_precision"]) == ("Umm Rummana", None, "Suwayda", 3)
    assert (e["latitude"], e["longitude"]) == (suwayda.latitude, suwayda.longitude)
    e = post(client, ALEPPO, {"place": {"geonameid": palmyra.geonameid}, "geo_precision": 2}).json()["event"]
    assert (e["location"], e["admin1"], e["geo_precision"]) == (palmyra.name, "Homs", 2)  # near the town


def test_place_edits_that_would_leave_fields_behind_are_refused(client, db):
    for changes, field in (({"latitude": 10.0, "longitude": 10.0}, "latitude"), ({"location": "Elsewhere"}, "location"),
                           ({"admin2": "Some district"}, "admin2")):
        assert error(post(client, ALEPPO, changes)).startswith(f"{field}: the place is edited as a whole")
    assert "no admin1 'Atlantis' in Syria" in error(post(client, ALEPPO, {"admin1": "Atlantis"}))
    assert "Suwayda" in error(post(client, ALEPPO, {"admin1": "Atlantis"}))  # the areas it could be
    assert error(post(client, ALEPPO, {"country": "Narnia"})) == "country: 'Narnia' is not a country in the gazetteer"
    assert error(post(client, ALEPPO, {"place": {"geonameid": 999_999_999}})).startswith("place.geonameid: no place")
    assert error(post(client, ALEPPO, {"place": {"geonameid": 1}, "admin1": "Homs"})).startswith("place: give either")
    assert error(post(client, ALEPPO, {"admin1": "Aleppo"})).endswith("nothing to change")  # already there
    with open_store(db) as s:
        assert s.corrections(ALEPPO) == [] and s.event(ALEPPO)["location"] == "Aleppo"


def test_clearing_the_country_clears_the_whole_place():
    before = {"country": "Syria", "admin1": "Aleppo", "location": "Aleppo", "latitude": 36.2, "longitude": 37.16}
    assert review.resolve(before, {"country": None}) == dict.fromkeys(review.PLACE_FIELDS)
    with pytest.raises(InvalidInput, match="admin1: the event has no country"):
        review.resolve({**before, "country": None}, {"admin1": "Homs"})


# --- actors ---------------------------------------------------------------------------------------


def test_actors_come_from_the_knowledge_base_with_inter_following(client, db):
    r = post(client, ALEPPO, {"actor1": "IRGC", "assoc_actor_1": ["Quds Force", "the Revolutionary Guards"]})
    assert r.status_code == 200, r.text
    e = r.json()["event"]
    assert (e["actor1"], e["inter1"]) == (IRGC, "State forces")
    assert e["assoc_actor_1"] == ["Military Forces of Iran (1989-) Quds Force", IRGC]
    assert ALEPPO in events(client, actor=IRGC)
    assert IRGC in facet(client, "actor")
    e = post(client, ALEPPO, {"actor2": "civilians"}).json()["event"]  # a per-country actor: the event's country
    assert (e["actor2"], e["inter2"]) == ("Civilians (Syria)", "Civilians")
    with open_store(db) as s:
        _count_tables_match(s.db)


def test_an_unknown_actor_is_refused_unless_marked_new(client, db):
    message = error(post(client, ALEPPO, {"actor1": "IRGC typo"}))
    assert message.startswith("actor1: 'IRGC typo' is not in the actor knowledge base")
    assert f"did you mean {IRGC!r}" in message and '"new_actor": true' in message
    assert error(post(client, ALEPPO, {"assoc_actor_2": ["Hezbollah", "Nobody Brigade"]})).startswith(
        "assoc_actor_2: 'Nobody Brigade' is not")
    e = post(client, ALEPPO, {"actor1": "Liwa  al-Jadid", "inter1": "Rebel group"}, new_actor=True).json()["event"]
    assert (e["actor1"], e["inter1"]) == ("Liwa al-Jadid", "Rebel group")
    assert ALEPPO in events(client, actor="Liwa al-Jadid")
    # inter follows a known actor: it cannot be set apart from it, nor to a category ACLED lacks.
    assert error(post(client, ABU_KAMAL, {"actor1": "Hezbollah", "inter1": "Civilians"})).startswith(
        "inter1: follows actor1: 'Hezbollah' is 'Political militia'")
    assert post(client, ABU_KAMAL, {"actor1": "IRGC"}).status_code == 200
    assert error(post(client, ABU_KAMAL, {"inter1": "Civilians"})).endswith("change actor1 instead")
    assert error(post(client, ALEPPO, {"inter2": "Aliens"}, new_actor=True)).startswith(
        "inter2: must be an ACLED actor category")


# --- dates, fatalities, the other fields ----------------------------------------------------------


def test_event_dates_are_checked_against_the_articles_publication(client, db):
    message = error(post(client, ALEPPO, {"event_date": "2099-01-01"}))
    assert "2099-01-01" in message and "2024-03-01" in message and message.startswith("event_date:")
    assert "2024-03-02" in error(post(client, ALEPPO, {"event_date": "2024-03-02"}))
    e = post(client, ALEPPO, {"event_date": "2024-03-01"}).json()["event"]  # the day it was published: fine
    assert e["event_date"] == "2024-03-01"
    assert ALEPPO in events(client, date_from="2024-03-01", date_to="2024-03-01")
    with open_store(db) as s:  # the library checks the same
        with pytest.raises(InvalidInput, match="after the latest publication date"):
            s.correct(ALEPPO, {"event_date": "2025-01-01"}, author="a")
        with pytest.raises(InvalidInput, match="not a date"):
            s.correct(ALEPPO, {"event_date": "2024-02"}, author="a")
        _count_tables_match(s.db)


def test_a_date_in_the_future_is_refused_even_without_publication_dates():
    today = dt.date(2024, 5, 1)
    review.check_date("2024-05-01", [], today=today)
    review.check_date("2024-04-30", [None, "not a date"], today=today)
    with pytest.raises(InvalidInput, match=r"2024-05-02 is in the future \(today is 2024-05-01\)"):
        review.check_date("2024-05-02", [None], today=today)


def test_a_fatality_correction_heads_the_per_source_figures(client, db):
    r = post(client, TOLL, {"fatalities": 31}, note="hospital list")
    assert r.status_code == 200, r.text
    reports = r.json()["event"]["fatality_reports"]
    assert reports[0] == {"fatalities": 31, "source": None, "article_id": None, "corrected_by": "rana",
                          "corrected_at": reports[0]["corrected_at"], "note": "hospital list"}
    assert [(x["fatalities"], x["source"], x["superseded"]) for x in reports[1:]] == [(27, SOHR, True),
                                                                                      (30, "Reuters", True)]
    detail = client.get(f"/api/events/{TOLL}").json()["event"]  # the event panel shows the analyst's figure too
    assert [x["fatalities"] for x in detail["fatality_reports"]] == [31, 27, 30]
    e = post(client, TOLL, {"fatalities": 30}).json()["event"]
    assert [x.get("superseded") for x in e["fatality_reports"]] == [None, True, False]  # Reuters' figure holds
    assert TOLL in events(client, fatalities_min=30, fatalities_max=30)
    assert error(post(client, TOLL, {"fatalities": -1})).startswith("body.changes.fatalities")  # the schema's check
    with open_store(db) as s:
        with pytest.raises(InvalidInput, match="fatalities: must be a count"):
            s.correct(TOLL, {"fatalities": -1}, author="a")
        _count_tables_match(s.db)


def test_modality_sources_and_notes_are_editable(client, db):
    e = post(client, ALEPPO, {"modality": "denied", "sources": ["SOHR", "Suwayda 24", "SOHR"]}).json()["event"]
    assert e["modality"] == "denied" and e["sources"] == [SOHR, "Suwayda 24"]
    assert ALEPPO in events(client, modality="denied", source="Suwayda 24")
    assert facet(client, "modality", source="Suwayda 24") == {"denied": 1}
    assert error(post(client, ALEPPO, {"modality": "rumoured"})).startswith("body.changes.modality")
    with open_store(db) as s:
        with pytest.raises(InvalidInput, match="modality: must be one of occurred, planned"):
            s.correct(ALEPPO, {"modality": "rumoured"}, author="a")
        with pytest.raises(InvalidInput, match="sources: must be a list of names"):
            s.correct(ALEPPO, {"sources": ["SOHR", ""]}, author="a")
        _count_tables_match(s.db)


# --- undo -----------------------------------------------------------------------------------------


def log(client, event_id):
    return client.get("/api/corrections", params={"event_id": event_id}).json()["corrections"]


def revert(client, event_id, correction_id, **body):
    return client.post(f"/api/events/{event_id}/corrections/{correction_id}/revert", json={"author": "omar", **body})


def test_undo_restores_the_value_before_and_the_log_keeps_both(client, db):
    machine = client.get(f"/api/events/{TOLL}").json()["event"]
    post(client, TOLL, {"fatalities": 40})
    post(client, TOLL, {"fatalities": 45})
    first, second = (c["id"] for c in log(client, TOLL))
    r = revert(client, TOLL, second, note="misread")
    assert r.status_code == 200, r.text
    assert r.json()["event"]["fatalities"] == 40  # the value before that correction
    entries = log(client, TOLL)
    assert [(c["field"], c["value"]) for c in entries] == [("fatalities", 40), ("fatalities", 45), ("fatalities", 40)]
    assert entries[-1]["author"] == "omar" and entries[-1]["note"] == f"revert of correction {second}: misread"
    # Undo the first: the field goes back to the machine coding, and the record is no longer corrected.
    e = revert(client, TOLL, first).json()["event"]
    assert e["fatalities"] == machine["fatalities"] == 27 and "review" not in e
    assert e["fatality_reports"] == machine["fatality_reports"]
    assert log(client, TOLL)[-1]["value"] == overlay.MACHINE
    assert TOLL in events(client, fatalities_min=27, fatalities_max=27)
    assert revert(client, TOLL, log(client, TOLL)[-1]["id"]).json()["event"]["fatalities"] == 40  # undo the undo
    assert len(log(client, TOLL)) == 5
    assert error(revert(client, TOLL, 10**9), 404) == f"no correction {10**9} of event {TOLL!r}"
    assert error(revert(client, ALEPPO, first), 404).startswith("no correction")  # another event's


def test_an_undo_that_would_leave_the_type_incoherent_is_refused(client):
    post(client, ALEPPO, {"sub_event_type": "Shelling/artillery/missile attack"})
    post(client, ALEPPO, {"event_type": "Battles", "sub_event_type": "Armed clash"})
    first = log(client, ALEPPO)[0]["id"]
    message = error(revert(client, ALEPPO, first), 409)
    assert "'Air/drone strike' under event_type 'Battles'" in message
    assert len(log(client, ALEPPO)) == 3  # nothing stored


def test_undoing_a_place_edit_moves_every_field_back_and_the_filters_follow(client, db, places):
    before = client.get(f"/api/events/{ALEPPO}").json()["event"]
    post(client, ALEPPO, {"place": {"geonameid": places["homs"].geonameid}, "fatalities": 3})
    edit = log(client, ALEPPO)
    assert {c["field"] for c in edit} == {*review.PLACE_FIELDS, "fatalities"}
    assert ALEPPO in events(client, admin1="Homs")
    e = revert(client, ALEPPO, edit[2]["id"]).json()["event"]  # any correction of the edit undoes all of it
    assert place_of(e) == place_of(before) and e["fatalities"] == before["fatalities"]
    assert ALEPPO in events(client, admin1="Aleppo") and ALEPPO not in events(client, admin1="Homs")
    assert len(log(client, ALEPPO)) == 2 * len(edit)
    with open_store(db) as s:
        _count_tables_match(s.db)
        s.correct(ALEPPO, {"status": "confirmed"}, author="a")
        status = s.corrections(ALEPPO)[-1]["id"]
        assert "review" not in s.revert(ALEPPO, status, author="a")  # the library too: nothing corrected now
        row = s.db.execute("SELECT status, corrected FROM event_index WHERE event_id = ?", (ALEPPO,)).fetchone()
        assert tuple(row) == ("unreviewed", 0)


def test_review_decisions_and_the_revert_endpoint_are_in_the_one_error_shape(client):
    for body in ({"author": ""}, {"author": "a", "extra": 1}, {}):
        r = client.post(f"/api/events/{ALEPPO}/corrections/1/revert", json=body)
        assert r.status_code == 422 and set(r.json()["error"]) == {"status", "code", "message", "details"}
    assert client.post(f"/api/events/{ALEPPO}/corrections/0/revert", json={"author": "a"}).status_code == 422
    assert error(post(client, ALEPPO, {"fatalities": 1}, new_actor="yes")).startswith("body.new_actor")

"""Corrections and review: stored with who and when, laid over every read, kept through re-ingest."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.errors import InvalidInput
from marsad.records import Article, RawDocument, as_dict, content_id
from marsad.store import open_store

from .webdata import event_n, synthetic_db


@pytest.fixture
def db(new_db, gaz_path, monkeypatch):
    monkeypatch.setenv("MARSAD_GAZETTEER", str(gaz_path))  # place edits are checked against it
    return synthetic_db(new_db("c.db"), 12)  # on SQLite and on PostgreSQL


def _place_id(gaz_path, name, code):
    from marsad.places import Gazetteer

    gaz = Gazetteer.open(gaz_path)
    try:
        return next(c.geonameid for c in gaz.candidates(name) if c.feature_code == code)
    finally:
        gaz.close()


def test_correction_is_applied_on_read_with_machine_value_and_author(db):
    eid = event_n(1, "a", "x s", "s").event_id
    with open_store(db) as s:
        s.correct(eid, {"fatalities": 9, "actor1": "Unidentified gunmen"}, author="rana", note="per SOHR update")
        e = s.event(eid)
        # An alias becomes the knowledge base's actor, for the event's country, and inter1 follows it.
        assert (e["fatalities"], e["actor1"], e["inter1"]) == (9, "Unidentified Armed Group (Syria)",
                                                               "Political militia")
        fixes = {c["field"]: c for c in e["review"]["corrections"]}
        assert fixes["fatalities"]["machine_value"] == 1 and fixes["fatalities"]["author"] == "rana"
        assert fixes["actor1"]["note"] == "per SOHR update" and fixes["actor1"]["created_at"]
        assert fixes["inter1"]["machine_value"] == "Rebel group"
        assert [x["event_id"] for x in s.events(modality=None) if x.get("review")] == [eid]
        assert [c["field"] for c in s.corrections(eid)] == ["fatalities", "actor1", "inter1"]


def test_latest_correction_wins_and_status_is_separate(db):
    eid = event_n(2, "a", "x s", "s").event_id
    with open_store(db) as s:
        s.correct(eid, {"fatalities": 4}, author="a")
        s.correct(eid, {"fatalities": 5, "status": "confirmed"}, author="b")
        e = s.event(eid)
        assert e["fatalities"] == 5 and e["review"]["status"] == "confirmed" and e["review"]["reviewed_by"] == "b"


def test_bad_corrections_are_refused_and_nothing_is_stored(db):
    eid = event_n(0, "a", "x s", "s").event_id  # Battles / Armed clash
    with open_store(db) as s:
        for changes in ({"sub_event_type": "Peaceful protest"}, {"event_type": "Picnic"}, {"fatalities": "many"},
                        {"event_id": "x"}, {"status": "maybe"}, {}):
            with pytest.raises(InvalidInput):
                s.correct(eid, changes, author="a")
        with pytest.raises(KeyError):
            s.correct("nope", {"fatalities": 1}, author="a")
        s.correct(eid, {"event_type": "Protests", "sub_event_type": "Peaceful protest"}, author="a")
        assert s.corrections(eid)[0]["field"] == "event_type"
        assert len(s.corrections()) == 2


def test_rejected_events_leave_exports_and_corrections_enter_them(db, gaz_path):
    reject = event_n(1, "a", "x s", "s").event_id
    fix = event_n(2, "a", "x s", "s").event_id
    with open_store(db) as s:
        s.correct(reject, {"status": "rejected"}, author="a")
        s.correct(fix, {"fatalities": 77, "place": {"geonameid": _place_id(gaz_path, "Homs", "ADM1")}}, author="a")
        assert reject not in {e["event_id"] for e in s.events(modality=None)}
    run = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "acled", "--modality", "all"])
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(run.output))}
    assert reject not in rows and rows[fix]["fatalities"] == "77"
    assert (rows[fix]["location"], rows[fix]["admin1"], rows[fix]["geo_precision"]) == ("Homs", "Homs", "3")
    run = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--modality", "all"])
    line = next(json.loads(x) for x in run.output.splitlines() if fix in x)
    assert line["review"]["corrections"][0]["machine_value"] is None or line["review"]["corrections"]


def test_reingest_remerges_machine_fields_and_keeps_corrections(db):
    i = 3
    eid = event_n(i, "a", "x s", "s").event_id
    with open_store(db) as s:
        s.correct(eid, {"fatalities": 12, "status": "confirmed"}, author="a")
        # Another report of the same event arrives: the machine record merges, the correction stays.
        text = f"Later wire copy. Fighters clashed near marker{i} on the road, sources said."
        doc = RawDocument(content_id("later"), "later.txt", "txt", text)
        art = Article(content_id("later-art"), doc.doc_id, doc.origin, "Later", "2024-03-02", "Wire", "en", text)
        again = event_n(i, art.article_id, text, f"Fighters clashed near marker{i} on the road, sources said.")
        s.add_document(doc, [art], [again], [])
        e = s.event(eid)
        assert e["fatalities"] == 12 and e["review"]["status"] == "confirmed"
        assert art.article_id in e["article_ids"] and len(e["article_ids"]) == 2
        machine = json.loads(s.db.execute("SELECT data FROM events WHERE event_id = ?", (eid,)).fetchone()[0])
        assert machine["fatalities"] == as_dict(again)["fatalities"]  # the machine coding itself is unchanged
        assert s.db.execute("SELECT fatalities FROM event_index WHERE event_id = ?", (eid,)).fetchone()[0] == 12


def test_corrections_survive_reopening_and_migrations_are_recorded(db):
    eid = event_n(4, "a", "x s", "s").event_id
    with open_store(db) as s:
        s.correct(eid, {"modality": "denied"}, author="a")
    with open_store(db) as s:
        names = [r[0] for r in s.db.execute("SELECT name FROM migrations ORDER BY version")]
        assert names[2:5] == ["m003_corrections", "m004_event_index", "m005_article_search"]
        assert eid not in {e["event_id"] for e in s.events()}  # now a denial, not an occurrence
        assert eid in {e["event_id"] for e in s.events(modality="denied")}


def test_the_library_checks_an_edit_as_the_api_does(db):
    eid = event_n(5, "a", "x s", "s").event_id  # Syria / Aleppo, reported in an article of 2024-03-01
    with open_store(db) as s:
        with pytest.raises(InvalidInput, match="actor1: 'Brigade of Nobody' is not in the actor knowledge base"):
            s.correct(eid, {"actor1": "Brigade of Nobody"}, author="a")
        with pytest.raises(InvalidInput, match=r"event_date: 2031-01-01 is after .* \(2024-03-01\)"):
            s.correct(eid, {"event_date": "2031-01-01"}, author="a")
        with pytest.raises(InvalidInput, match="longitude: the place is edited as a whole"):
            s.correct(eid, {"longitude": 36.0}, author="a")
        assert s.corrections(eid) == []
        e = s.correct(eid, {"actor1": "Brigade of Nobody", "admin1": "Homs"}, author="a", new_actor=True)
        assert (e["actor1"], e["inter1"], e["location"], e["admin1"], e["geo_precision"]) == (
            "Brigade of Nobody", None, "Homs", "Homs", 3)

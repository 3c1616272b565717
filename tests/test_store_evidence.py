"""Evidence stored once per article: events keep span offsets, readers get the texts back."""

from __future__ import annotations

import json

import pytest

from marsad.events.code import EventCoder
from marsad.pipeline import ingest_paths
from marsad.store import evidence
from marsad.store.query import EventFilter, iter_events

ARTICLE = "Shelling hit the market of Qaryatayn on Sunday, killing four people. Rescuers searched the rubble."


def _event(notes: str) -> dict:
    return {"event_id": "e1", "evidence": [{"article_id": "a1", "start": 0, "end": 68, "text": ARTICLE[:68]},
                                           {"article_id": "a2", "start": 0, "end": 5, "text": "Other"}],
            "notes": notes, "fatalities": 4}


def test_pack_drops_only_what_the_article_rebuilds_and_unpack_restores_the_record_in_order():
    coded = _event(ARTICLE[:68])
    stored = evidence.pack(coded, {"a1": ARTICLE, "a2": "Not the same text at all"})
    assert "text" not in stored["evidence"][0]
    assert stored["evidence"][1]["text"] == "Other"  # the slice differs: the text stays
    assert stored["notes"] == evidence.NOTES_MARK
    assert evidence.needed(stored) == {"a1"}
    back = evidence.unpack(json.loads(json.dumps(stored)), {"a1": ARTICLE})
    assert back == coded
    assert json.dumps(back) == json.dumps(coded)  # same keys in the same order: exports are unchanged


def test_notes_of_their_own_are_kept_as_written():
    coded = _event("Four killed in a market [place named by the sentence before]")
    stored = evidence.pack(coded, {"a1": ARTICLE})
    assert stored["notes"] == coded["notes"]
    assert evidence.unpack(stored, {"a1": ARTICLE}) == coded


@pytest.fixture(scope="module")
def coder():
    return EventCoder.load()


REPORT = ("Warplanes struck the village of Kafr Nabudah in the Hama countryside on Tuesday, killing three "
          "civilians, the civil defence said.\n\nThe village had been shelled for a week, residents said.")


def _two_reports(folder, store, coder):
    """The same wire story in two outlets, the second with words of its own around it: one event."""
    folder.mkdir()
    (folder / "a.txt").write_text("Strikes on Kafr Nabudah\n\n" + REPORT)
    (folder / "b.txt").write_text("Three civilians killed\n\nFrom our correspondents.\n\n" + REPORT)
    ingest_paths([str(folder)], store, coder=coder, progress=False)


def test_stored_events_hold_offsets_and_every_reader_gets_the_sentences(tmp_path, store, coder):
    _two_reports(tmp_path / "c", store, coder)
    rows = store.db.execute("SELECT data FROM events").fetchall()
    assert rows
    for (data,) in rows:
        assert all("text" not in ev for ev in json.loads(data)["evidence"])
    texts = {a["article_id"]: a["text"] for a in store.articles()}
    read = {
        "events": list(store.events(modality=None)),
        "iter_events": list(iter_events(store.db, EventFilter())),
        "event": [store.event(e["event_id"]) for e in store.events(modality=None)],
    }
    assert read["events"] == read["iter_events"] == read["event"]
    merged = [e for e in read["events"] if len(e["article_ids"]) == 2]
    assert merged, "the copy was merged into the first report's event"
    for e in read["events"]:
        for ev in e["evidence"]:
            assert ev["text"] == texts[ev["article_id"]][ev["start"]:ev["end"]] and ev["text"]
        assert e["notes"]


def test_a_superseded_report_leaves_the_other_reports_evidence_intact(tmp_path, store, coder):
    corpus = tmp_path / "c"
    _two_reports(corpus, store, coder)
    (corpus / "b.txt").write_text("Three civilians killed\n\nAn update on the raid.\n\n" + REPORT)
    ingest_paths([str(corpus)], store, coder=coder, progress=False)
    texts = {a["article_id"]: a["text"] for a in store.articles()}
    events = list(store.events(modality=None))
    assert events
    for e in events:
        assert set(e["article_ids"]) <= set(texts)
        for ev in e["evidence"]:
            assert ev["text"] == texts[ev["article_id"]][ev["start"]:ev["end"]]

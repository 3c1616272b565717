"""Hostile input never stops a batch, loses a document, or leaves a stale record (issue 10).

Each test is written from a reproduction of a defect a hostile-user probe found; the web
side (Host check, long request lines, /api/docs, /api/changes) is in test_web_hardening.py,
random input in test_ingest_property.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.cli import cli
from marsad.events.code import EventCoder
from marsad.ingest import MAX_BYTES, path_bytes, path_text, read_paths, read_stdin
from marsad.nlp import windows
from marsad.pipeline import ingest_paths
from marsad.records import Article, RawDocument
from marsad.store import open_store
from marsad.web import create_app

from .webdata import LOCAL

MARSAD = str(Path(sys.executable).parent / "marsad")


def report(town: str, n: int) -> str:
    return (f"Shelling hits {town}\n\nGovernment shelling struck the town of {town} in Idlib province on"
            f" Monday, killing {n} civilians, local sources said. Rescue teams worked through the night.\n")


def plain(name: str | None) -> str:
    """A GeoNames name without its diacritics (Sarmīn → Sarmin)."""
    return unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()


@pytest.fixture(scope="module")
def coder():
    return EventCoder.load()


def ingest(paths, db, coder=None):
    with open_store(db) as store:
        return ingest_paths([str(p) for p in paths], store, coder=coder, progress=False)


def export(db, what="events"):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", what])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


# 1. One long document ------------------------------------------------------------------

def test_windows_cut_at_paragraphs_and_join_back_exactly():
    text = "".join(f"Paragraph {i} tells of shelling in a village.\n\n" for i in range(200))
    pieces = windows(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces) and len(pieces) > 5
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # whole paragraphs
    one_line = "word " * 1000  # no paragraph, no line break: cut at a space
    assert "".join(windows(one_line, 700)) == one_line


def test_a_text_longer_than_the_model_takes_is_coded_in_windows_with_exact_evidence(coder, monkeypatch):
    towns = ["Saraqib", "Ariha", "Maarat al-Numan", "Jisr al-Shughur", "Sarmin"]
    text = "".join(report(t, i + 2).split("\n\n", 1)[1] + "\n" + "The night was quiet elsewhere. " * 30 + "\n\n"
                   for i, t in enumerate(towns))
    article = Article("a1", "d1", "long.txt", "Shelling in Idlib", "2024-03-06", None, "en", text)
    # The model refuses a text over max_length (spaCy E088); a smaller limit stands in for 1,000,000.
    monkeypatch.setattr(coder.nlp, "max_length", 2500)
    monkeypatch.setattr("marsad.events.code.LONG", 2000)
    monkeypatch.setattr("marsad.events.code.WINDOW", 1500)
    events, _ = coder.code([article])
    for e in events:
        for ev in e.evidence:
            assert text[ev.start:ev.end] == ev.text
    found = {plain(e.location) for e in events}
    assert {"Saraqib", "Sarmin"} <= found  # the first window's event and the last one's
    assert sum(1 for e in events if e.main_for) == 1  # one main event: the lede's


def test_a_huge_document_does_not_stop_its_batch(tmp_path, coder, monkeypatch):
    (tmp_path / "a.txt").write_text(report("Saraqib", 3))
    (tmp_path / "b.txt").write_text(report("Ariha", 2) * 40)
    (tmp_path / "c.txt").write_text(report("Sarmin", 4))
    monkeypatch.setattr(coder.nlp, "max_length", 3000)
    monkeypatch.setattr("marsad.events.code.LONG", 2000)
    monkeypatch.setattr("marsad.events.code.WINDOW", 1500)
    summary = ingest([tmp_path], tmp_path / "t.db", coder)
    assert summary.rejected == [] and summary.articles == 3
    assert {"Saraqib", "Ariha", "Sarmin"} <= {plain(e["location"]) for e in export(tmp_path / "t.db")}


# Any unexpected error is one document's rejection ------------------------------------------

def test_an_unexpected_error_in_one_document_rejects_it_alone(tmp_path, coder, monkeypatch):
    from marsad import pipeline

    for name, town in (("a.txt", "Saraqib"), ("boom.txt", "Ariha"), ("c.txt", "Sarmin")):
        (tmp_path / name).write_text(report(town, 3))
    real = pipeline.segment

    def fragile(doc: RawDocument):
        if doc.origin.endswith("boom.txt"):
            raise KeyError("a bug marsad has not met yet")
        return real(doc)

    monkeypatch.setattr(pipeline, "segment", fragile)
    summary = ingest([tmp_path], tmp_path / "t.db", coder)
    assert [(Path(r.document).name, r.stage) for r in summary.rejected] == [("boom.txt", "segment")]
    assert "unexpected error (KeyError" in summary.rejected[0].reason
    assert summary.articles == 2

    class Broken:  # the coder fails on one document's articles only
        def code(self, articles):
            if any("Ariha" in a.text for a in articles):
                raise ZeroDivisionError("division by zero")
            return coder.code(articles)

    monkeypatch.setattr(pipeline, "segment", real)
    summary = ingest([tmp_path], tmp_path / "u.db", Broken())
    assert [(Path(r.document).name, r.stage) for r in summary.rejected] == [("boom.txt", "code")]
    assert summary.articles == 2 and summary.events >= 2


# 2. File names ----------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_stored_losslessly(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9 report.txt")  # latin-1, as Windows archives carry
    with open(raw, "wb") as f:
        f.write(report("Saraqib", 3).encode())
    (tmp_path / "b.txt").write_text(report("Ariha", 2))
    summary = ingest([tmp_path], tmp_path / "t.db")
    assert summary.rejected == [] and summary.articles == 2
    origins = [a["origin"] for a in export(tmp_path / "t.db", "articles")]
    odd = next(o for o in origins if "caf" in o)
    assert odd.endswith("caf\\xe9 report.txt")
    assert path_bytes(odd) == raw  # reversible: the bytes on disk


def test_path_text_round_trips_and_escapes_what_would_forge_a_line():
    for raw in (b"/x/plain.txt", b"/x/caf\xc3\xa9.txt", b"/x/caf\xe9.txt", b"/x/a\\xe9.txt", b"/x/new\nline.txt"):
        shown = path_text(os.fsdecode(raw))
        assert path_bytes(shown) == raw and "\n" not in shown
    assert path_text("/x/café.txt") == "/x/café.txt"  # a UTF-8 name is stored as it is


def test_a_newline_in_a_file_name_cannot_forge_a_summary_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt\nrejected:           0\nduplicates skipped: 9.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "t.db"),
                                      "--no-events", "--no-progress"])
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith("rejected:")] == ["rejected:           1"]
    assert not any(line.startswith("duplicates skipped: 9") for line in lines)


# 3. Concurrent ingests ------------------------------------------------------------------------

def test_two_ingests_of_overlapping_input_at_once_both_finish(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        (folder / f"r{i:02}.txt").write_text(report(f"Town{i}", i + 1))
    db = tmp_path / "t.db"  # new: both processes also create its schema at once
    runs = [subprocess.Popen([MARSAD, "ingest", str(folder), "--db", str(db), "--no-events", "--no-progress"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=300)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0, 0], outputs
    assert not any("Traceback" in o or "IntegrityError" in o for o in outputs)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 60
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 60
    stored = [int(next(line for line in o.splitlines() if line.startswith("articles stored")).split()[-1])
              for o in outputs]
    skipped = [int(next(line for line in o.splitlines() if line.startswith("duplicates")).split()[-1])
               for o in outputs]
    assert sum(stored) == 60 and sum(skipped) == 120  # each document stored once; the losers count it


# 4. Versions ------------------------------------------------------------------------------------

def test_a_changed_file_replaces_its_events_and_claims_everywhere(tmp_path, coder):
    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "story.txt"
    page.write_text("Strike on Saraqib\n\nAn air strike hit the town of Saraqib in Idlib province on Monday,"
                    " killing six people, local sources said. The town has 2,000 displaced families.\n")
    db = tmp_path / "t.db"
    ingest([folder], db, coder)
    assert {plain(e["location"]) for e in export(db)} == {"Saraqib"}
    assert export(db, "claims")
    page.write_text("Shelling of Ariha\n\nArtillery shelling hit the town of Ariha in Idlib province on Tuesday,"
                    " killing two civilians, local sources said.\n")
    ingest([folder], db, coder)
    events = export(db)
    assert {plain(e["location"]) for e in events} == {"Ariha"}  # the old version's event is gone
    current = {a["article_id"] for a in export(db, "articles")}
    assert len(current) == 1 and all(set(e["article_ids"]) <= current for e in events)
    assert export(db, "claims") == []  # the old version's claim went with it
    with open_store(db, readonly=True) as store:
        assert store.counts()["events"] == 1
        gone = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert gone == 2  # the old version is kept as history
    client = TestClient(create_app(db), base_url=LOCAL)
    assert client.get("/api/events").json()["total"] == 1
    assert client.get("/api/claims").json()["total"] == 0


def test_a_feed_record_is_known_by_its_url_id_or_content_never_its_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    a = {"text": report("Saraqib", 3)}
    b = {"text": report("Ariha", 2), "id": "story-b"}
    c = {"text": report("Sarmin", 4), "url": "https://example.org/c"}
    feed.write_text("\n".join(json.dumps(x) for x in (a, b, c)) + "\n")
    db = tmp_path / "t.db"
    ingest([feed], db)
    new = {"text": report("Binnish", 5)}
    b2 = {**b, "text": report("Ariha", 7)}  # the same story, updated
    feed.write_text("\n".join(json.dumps(x) for x in (new, a, b2, c)) + "\n")  # one record more at the top
    summary = ingest([feed], db)
    assert summary.rejected == []
    texts = [x["text"] for x in export(db, "articles")]
    assert len(texts) == 4  # a and c are still there; b's new version replaced the old
    assert any("killing 7" in t for t in texts) and not any("killing 2 " in t for t in texts)
    assert any("Saraqib" in t for t in texts) and any("Binnish" in t for t in texts)


# 6. An event of thousands of reports --------------------------------------------------------------

def test_an_event_answer_pages_its_articles(tmp_path, coder):
    sentence = "Shelling hit the town of Saraqib in Idlib province, killing three civilians."
    feed = tmp_path / "copies.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f"{sentence}\n\nCopy {i} of a wire story.", "outlet": f"O{i}"})
                              for i in range(30)))
    db = tmp_path / "t.db"
    ingest([feed], db, coder)
    events = export(db)
    big = max(events, key=lambda e: len(e["article_ids"]))
    assert len(big["article_ids"]) == 30  # copies of one report are one event
    client = TestClient(create_app(db), base_url=LOCAL)
    first = client.get(f"/api/events/{big['event_id']}", params={"articles_limit": 5}).json()
    assert len(first["articles"]) == 5 and first["paging"]["articles_total"] == 30
    assert len(first["event"]["evidence"]) <= 10 and len(first["event"]["article_ids"]) == 5
    rest = client.get(f"/api/events/{big['event_id']}", params={"articles_offset": 25, "articles_limit": 10}).json()
    assert len(rest["articles"]) == 5
    assert not {a["article_id"] for a in first["articles"]} & {a["article_id"] for a in rest["articles"]}
    assert client.get(f"/api/events/{big['event_id']}", params={"articles_limit": 1000}).status_code == 422


# 8. One-line CLI errors, and no write into a database marsad did not create ------------------------

@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    (folder / "a.txt").write_text(report("Saraqib", 3))
    db = folder / "t.db"
    ingest([folder / "a.txt"], db)
    return db


@pytest.mark.parametrize("target, message", [
    ("missing/folder/out.csv", "does not exist"), (".", "is a folder"), ("/dev/full", "No space left")])
def test_export_into_a_bad_place_is_one_line(small_db, tmp_path, target, message):
    if target == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    out = target if target.startswith("/") else str(tmp_path / target)
    result = CliRunner().invoke(cli, ["export", "--db", str(small_db), "--what", "articles", "-o", out])
    assert result.exit_code == 1 and message in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_export_refuses_a_file_that_is_not_a_marsad_database_and_leaves_it_alone(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 100)
    for path in (empty, other, junk):
        before = path.read_bytes()
        result = CliRunner().invoke(cli, ["export", "--db", str(path)])
        assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output
        assert path.read_bytes() == before  # no schema written into it
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(other), "--no-events"])
    assert result.exit_code == 1 and "not a marsad database" in result.output
    with sqlite3.connect(other) as con:
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]


def test_read_commands_open_the_database_read_only(small_db):
    with open_store(small_db, readonly=True) as store:
        assert store.counts()["articles"] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM articles")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_read_only_database_can_be_exported(small_db, tmp_path):
    copy = tmp_path / "ro.db"
    copy.write_bytes(small_db.read_bytes())
    copy.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["export", "--db", str(copy), "--what", "articles"])
    finally:
        tmp_path.chmod(0o755)
    assert result.exit_code == 0 and "Saraqib" in result.output


def test_a_folder_as_database_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path)])
    assert result.exit_code == 1 and result.output.startswith("Error: cannot open database")


# 9. The smaller ones ---------------------------------------------------------------------------------

def test_utf16_with_a_bom_is_read(tmp_path):
    (tmp_path / "u.txt").write_bytes(b"\xff\xfe" + report("Saraqib", 3).encode("utf-16-le"))
    (tmp_path / "v.txt").write_bytes(b"\xfe\xff" + report("Ariha", 2).encode("utf-16-be"))
    got = list(read_paths([tmp_path]))
    assert all(isinstance(d, RawDocument) for d in got) and "Saraqib" in got[0].text and "Ariha" in got[1].text
    assert {d.encoding for d in got} == {"utf-16-le", "utf-16-be"}


def test_control_character_garbage_on_stdin_is_not_an_article():
    import io

    garbage = bytes(range(1, 32)) * 50 + b"ab"
    (result,) = read_stdin(io.BytesIO(garbage))
    assert not isinstance(result, RawDocument) and "control characters" in str(result)


def test_symbolic_links_out_of_the_folder_and_loops_are_reported_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(report("Saraqib", 3))
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(report("Ariha", 2))
    (folder / "out.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "dead.txt").symlink_to(folder / "nowhere.txt")
    got = list(read_paths([folder]))
    read = sorted(Path(d.origin).name for d in got if isinstance(d, RawDocument))
    reasons = {Path(e.document).name: e.reason for e in got if not isinstance(e, RawDocument)}
    assert read == ["a.txt", "inside.txt"]  # a link inside the folder is read
    assert "outside" in reasons["out.txt"] and "already read" in reasons["loop"] and "broken" in reasons["dead.txt"]


def test_a_rerun_does_not_record_its_rejections_again(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "in" / "good.txt").write_text(report("Saraqib", 3))
    db = tmp_path / "t.db"
    for _ in range(3):
        summary = ingest([tmp_path / "in"], db)
        assert len(summary.rejected) == 1  # still told to the user every run
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n changed")
    ingest([tmp_path / "in"], db)
    with open_store(db, readonly=True) as store:
        assert len(store.rejections()) == 2  # once per version of the file


def test_the_size_limit_is_stated_as_it_is(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    (result,) = read_paths([big])
    assert "20 MiB limit" in str(result)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "20 MiB" in readme

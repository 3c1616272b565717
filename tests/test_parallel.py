"""`marsad ingest --workers N` (issue 12): N processes code, one writes, and the database is
the same as with one process — same articles, same events with the same ids, same merges."""

from __future__ import annotations

import datetime as dt
import functools
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad import parallel
from marsad.errors import SetupError
from marsad.pipeline import ingest_paths
from marsad.store import open_store

MARSAD = str(Path(sys.executable).parent / "marsad")

TOWNS = [("Saraqib", "Idlib"), ("Ariha", "Idlib"), ("Sarmin", "Idlib"), ("Binnish", "Idlib"),
         ("Taftanaz", "Idlib"), ("Khan Shaykhun", "Idlib"), ("Kafr Nabl", "Idlib"), ("Jisr al-Shughur", "Idlib"),
         ("Atarib", "Aleppo"), ("Darat Izza", "Aleppo"), ("Azaz", "Aleppo"), ("Manbij", "Aleppo"),
         ("Jarablus", "Aleppo"), ("Mayadin", "Deir ez-Zor"), ("Hajin", "Deir ez-Zor"), ("Talbiseh", "Homs"),
         ("Rastan", "Homs"), ("Nawa", "Daraa"), ("Jasim", "Daraa"), ("Douma", "Rif Dimashq")]


def write_reports(folder: Path) -> None:
    """Twenty shellings, each told by two outlets: one outlet's reports sort before the
    other's, so the two reports of an event are in different batches (and workers), and
    they disagree on the toll (the merged event keeps the lower figure)."""
    folder.mkdir()
    for i, (town, province) in enumerate(TOWNS):
        day = dt.date(2024, 3, 4) + dt.timedelta(days=i)
        n, weekday, published = 2 + i % 5, day.strftime("%A"), (day + dt.timedelta(days=1)).isoformat()
        first = {"title": f"Shelling kills {n} in {town}", "outlet": "Syria Direct", "published": published,
                 "text": f"Government forces shelled the town of {town} in {province} province on {weekday},"
                         f" killing {n} civilians, according to local sources. Rescue teams searched the rubble"
                         " through the night."}
        second = {"title": f"Civilians killed in {town}", "outlet": "Enab Baladi", "published": published,
                  "text": f"{n + i % 2} civilians were killed on {weekday} when artillery shells fired by regime"
                          f" forces hit {town}, in the {province} countryside, the Syrian Observatory for Human"
                          " Rights said. Several homes were destroyed."}
        (folder / f"a{i:02d}.json").write_text(json.dumps(first))
        (folder / f"b{i:02d}.json").write_text(json.dumps(second))
    # Bad documents in the middle of the input.
    (folder / "a10_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "b05_empty.txt").write_bytes(b"  \n\n")


def marsad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MARSAD, *args], capture_output=True, text=True, timeout=600)


def exported(db: Path, what: str) -> list[dict]:
    """`marsad export --what WHAT --format jsonl` (every modality of events), record by record."""
    from marsad.cli import cli  # here: worker processes import this module, and need none of the CLI

    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", what, "--format", "jsonl",
                                      *(["--modality", "all"] if what == "events" else [])])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def summary_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if not line.startswith("database:")]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same input ingested with --workers 1 and --workers 2 (42 documents: 3 batches, so
    the workers really start)."""
    tmp = tmp_path_factory.mktemp("parallel")
    write_reports(tmp / "in")
    return tmp, {n: marsad("ingest", str(tmp / "in"), "--db", str(tmp / f"w{n}.db"), "--workers", str(n),
                           "--no-progress") for n in (1, 2)}


def test_two_workers_store_exactly_what_one_does(runs):
    tmp, done = runs
    for p in done.values():
        assert p.returncode == 3, p.stdout + p.stderr  # 3: the two bad documents were rejected
        assert "Traceback" not in p.stderr
    assert summary_lines(done[1].stdout) == summary_lines(done[2].stdout)
    for what in ("events", "articles", "claims"):
        one, two = exported(tmp / "w1.db", what), exported(tmp / "w2.db", what)
        assert one == two, what  # record for record: ids, evidence, merged articles, figures
        assert one, what
    events = exported(tmp / "w1.db", "events")
    merged = [e for e in events if len(e["article_ids"]) >= 2]
    assert len(merged) >= 10  # reports of one event from the two outlets, across batches, joined
    assert all(len(e["evidence"]) >= 2 and len(e["outlets"]) == 2 for e in merged)
    assert len(exported(tmp / "w1.db", "articles")) == 40


def test_a_bad_document_is_rejected_by_name_and_the_batch_goes_on(runs):
    _, done = runs
    out = done[2].stdout
    assert "rejected:           2" in out
    image = next(line for line in out.splitlines() if "a10_image.txt" in line)
    empty = next(line for line in out.splitlines() if "b05_empty.txt" in line)
    assert "binary" in image and "empty document" in empty
    assert "articles stored:    40" in out


def test_a_rerun_adds_nothing(runs):
    tmp, done = runs
    before = {what: exported(tmp / "w2.db", what) for what in ("events", "articles", "claims")}
    p = marsad("ingest", str(tmp / "in"), "--db", str(tmp / "w2.db"), "--workers", "2", "--no-progress")
    assert p.returncode == 3 and "Traceback" not in p.stderr
    assert "articles stored:    0" in p.stdout and "duplicates skipped: 40" in p.stdout
    assert {what: exported(tmp / "w2.db", what) for what in before} == before


def test_workers_must_be_one_or_more(tmp_path):
    p = marsad("ingest", str(tmp_path), "--db", str(tmp_path / "t.db"), "--workers", "0")
    assert p.returncode == 2 and "--workers" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "t.db").exists()


# Worker processes with a coder that has no model, so they start in about a second ----------------

class Fussy:
    """A coder without a model (no events) whose process dies on an article saying POISON:
    every time, or, given a flag file, only the first time."""

    def __init__(self, once: str | None = None) -> None:
        self.once = once

    def code(self, articles):
        if any("POISON" in a.text for a in articles):
            if self.once is None or not os.path.exists(self.once):
                if self.once:
                    Path(self.once).touch()
                os._exit(9)  # as the kernel's out-of-memory killer would end it: no exception, no goodbye
        return [], []


def plain_reports(folder: Path, n: int, poison: int | None = None) -> None:
    folder.mkdir()
    for i in range(n):
        word = "POISON " if i == poison else ""
        (folder / f"r{i:02d}.txt").write_text(f"Report {i}\n\nA {word}short report, number {i}, about the"
                                               " shelling of a town in the north of the country last week.\n")


def ingest(folder: Path, db: Path, **kw):
    with open_store(db) as store:
        return ingest_paths([str(folder)], store, progress=False, **kw)


def articles(db: Path) -> list[dict]:
    with open_store(db) as store:
        return list(store.articles())


def test_a_document_its_worker_dies_on_is_rejected_alone_and_the_rest_is_stored(tmp_path, capfd):
    plain_reports(tmp_path / "in", 40, poison=20)  # batches 0–15, 16–31, 32–39
    summary = ingest(tmp_path / "in", tmp_path / "t.db", workers=2, load_coder=Fussy)
    assert summary.articles == 39 and not summary.interrupted
    assert [(Path(r.document).name, r.stage, r.reason) for r in summary.rejected] == [
        ("r20.txt", "code", parallel.DIED)]
    assert "Traceback" not in capfd.readouterr().err
    again = ingest(tmp_path / "in", tmp_path / "t.db", workers=2, load_coder=Fussy)  # not stored: tried again
    assert again.articles == 0 and again.duplicates == 39 and len(again.rejected) == 1


def test_a_worker_that_dies_once_is_replaced_and_nothing_is_lost(tmp_path):
    plain_reports(tmp_path / "in", 40, poison=20)
    flaky = functools.partial(Fussy, str(tmp_path / "died"))
    summary = ingest(tmp_path / "in", tmp_path / "t.db", workers=2, load_coder=flaky)
    assert (tmp_path / "died").exists()  # it did die
    assert summary.rejected == [] and summary.articles == 40
    ingest(tmp_path / "in", tmp_path / "one.db", workers=1, load_coder=flaky)
    assert articles(tmp_path / "t.db") == articles(tmp_path / "one.db")


def test_an_input_of_one_batch_starts_no_process(tmp_path, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    plain_reports(tmp_path / "in", 10)
    assert ingest(tmp_path / "in", tmp_path / "t.db", workers=4, load_coder=Fussy).articles == 10
    plain_reports(tmp_path / "more", 40)
    assert ingest(tmp_path / "more", tmp_path / "u.db", workers=1, load_coder=Fussy).articles == 40
    with pytest.raises(AssertionError, match="a pool was started"):
        ingest(tmp_path / "more", tmp_path / "v.db", workers=2, load_coder=Fussy)


def test_ctrl_c_while_storing_stops_the_workers_and_a_rerun_completes(tmp_path, monkeypatch):

    plain_reports(tmp_path / "in", 80)  # 5 batches: some still in flight when Ctrl-C comes
    with open_store(tmp_path / "t.db") as store:
        real, calls = store.add_document, []

        def interrupted(*args, **kwargs):
            calls.append(1)
            if len(calls) == 20:
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        monkeypatch.setattr(store, "add_document", interrupted)
        summary = ingest_paths([str(tmp_path / "in")], store, progress=False, workers=2, load_coder=Fussy)
        assert summary.interrupted and summary.articles == 19
        # The workers were stopped, not left behind: a stopped worker may take a moment to be
        # reaped on a busy machine, so wait for it (a worker left running never goes).
        deadline = time.monotonic() + 20
        while multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert multiprocessing.active_children() == []
        monkeypatch.setattr(store, "add_document", real)
        again = ingest_paths([str(tmp_path / "in")], store, progress=False, workers=2, load_coder=Fussy)
    assert (again.articles, again.duplicates) == (61, 19)
    ingest(tmp_path / "in", tmp_path / "one.db", workers=1, load_coder=Fussy)
    assert articles(tmp_path / "t.db") == articles(tmp_path / "one.db")


def no_model():
    raise OSError("[E050] Can't find model 'en_core_web_sm'")


def test_a_worker_that_cannot_load_the_models_ends_the_run_with_the_reason(tmp_path):
    plain_reports(tmp_path / "in", 40)
    with pytest.raises(SetupError, match="could not load the event coder.*Can't find model"):
        ingest(tmp_path / "in", tmp_path / "t.db", workers=2, load_coder=no_model)
    assert multiprocessing.active_children() == []

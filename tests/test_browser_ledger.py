"""The Claims tab on the seeds and a watch that fires on a new file, in Chromium (issue 11).

Screenshots go to artifacts/ like the other browser tests'.
"""

from __future__ import annotations

import shutil
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from marsad.events.code import EventCoder
from marsad.pipeline import ingest_paths
from marsad.store import open_store

from .conftest import DEMO, SEEDS
from .test_browser import ARTIFACTS, browser, ready  # noqa: F401 — `browser` is a fixture
from .webserver import Server

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def coder():
    return EventCoder.load()


def ingest(paths, db, coder):
    with open_store(db) as store:
        return ingest_paths([str(p) for p in paths], store, coder=coder, progress=False)


@pytest.fixture
def open_page(browser, request):  # noqa: F811 — the fixture imported above
    contexts = []

    def make(server):
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        contexts.append(context)
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(server.url)
        ready(pg)
        pg.errors = errors  # type: ignore[attr-defined]
        return pg

    yield make
    ARTIFACTS.mkdir(exist_ok=True)
    for k, context in enumerate(contexts):
        for pg in context.pages:
            pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{k}.png"))
            assert not pg.errors, pg.errors  # type: ignore[attr-defined]
        context.close()


def test_the_claims_tab_shows_the_seeds_counts_on_a_table_and_a_map(tmp_path, coder, open_page):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    db = tmp_path / "seeds.db"
    ingest([SEEDS], db, coder)
    server = Server(db)
    try:
        page = open_page(server)
        page.click("#claims")
        page.wait_for_selector('#page-title[data-page="claims"]')
        page.select_option("#claim-unit", "positions")
        page.wait_for_function("() => document.body.dataset.claimUnit === 'positions'")
        rows = page.locator("tr.claim-group")
        text = page.inner_text("table.claims")
        assert rows.count() >= 4 and "37" in text and "Daraa" in text
        # Every province with a figure is on the map.
        want = server.api("/api/claims/choropleth", unit_class="positions")
        assert int(page.evaluate("document.body.dataset.claimAreas")) == sum(
            1 for a in want["areas"] if a["latitude"] is not None) >= 4
        assert page.locator("path.claim-area").count() >= 4
        page.locator("tr.claim-group", has_text="Daraa").first.click()
        page.wait_for_selector("#claim-summary")
        assert "37" in page.inner_text("#claim-summary")
        # The Jusoor counts are claims only: no event of the seeds rests on a census sentence.
        events = server.api("/api/events", limit=200)["events"]
        assert not any("37 military posts" in ev["text"] for e in events for ev in e["evidence"])
    finally:
        server.stop()


def test_a_watch_fires_when_a_new_file_is_ingested_and_its_atom_feed_is_valid(tmp_path, coder, open_page):
    first = tmp_path / "first"
    first.mkdir()
    for name in ("syria_palmyra_isis_ambush.txt", "syria_hama_landmine.txt"):
        shutil.copy(DEMO / name, first / name)
    db = tmp_path / "watch.db"
    ingest([first], db, coder)
    server = Server(db)
    try:
        page = open_page(server)
        page.click("#alerts")
        page.wait_for_selector('#page-title[data-page="alerts"]')
        page.fill("#watch-name", "Anything in Syria")
        page.select_option("#watch-rule", "new")
        page.click("#watch-add")
        page.wait_for_selector(".watch")
        watches = server.api("/api/watches")["watches"]
        assert [w["name"] for w in watches] == ["Anything in Syria"] and watches[0]["alerts"] == 0

        later = tmp_path / "later"
        later.mkdir()
        shutil.copy(DEMO / "syria_deir_ezzor_airstrike.txt", later / "x.txt")
        summary = ingest([later], db, coder)
        assert summary.events >= 1
        alerts = server.api("/api/alerts")["alerts"]
        assert len(alerts) == 1 and alerts[0]["events"]
        ingest([later], db, coder)  # the same file again: no second alert
        assert len(server.api("/api/alerts")["alerts"]) == 1

        page.reload()
        ready(page)
        # (the badge's own request is not part of a refresh: wait for it, under load it comes last)
        page.wait_for_function("() => document.getElementById('alert-badge').textContent !== ''", timeout=20000)
        assert page.inner_text("#alert-badge") == "1"
        page.click("#alerts")
        page.wait_for_selector(".alert-item")
        assert "Anything in Syria" in page.inner_text(".alert-item")

        with urllib.request.urlopen(f"{server.url}/api/watches/{watches[0]['watch_id']}/feed") as r:
            assert r.headers["content-type"].startswith("application/atom+xml")
            feed = ET.fromstring(r.read())
        assert feed.tag == f"{ATOM}feed"
        for required in ("id", "title", "updated"):
            assert feed.find(f"{ATOM}{required}") is not None and feed.find(f"{ATOM}{required}").text
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 1
        for required in ("id", "title", "updated"):
            assert entries[0].find(f"{ATOM}{required}").text
        assert entries[0].find(f"{ATOM}link").get("href")

        page.click(".watch-remove")  # the page removes a watch too
        page.wait_for_function("() => !document.querySelector('.watch')")
        assert server.api("/api/watches")["watches"] == []
    finally:
        server.stop()

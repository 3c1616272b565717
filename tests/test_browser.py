"""The page in real headless Chromium against a real server on a loopback port.

Needs /usr/bin/chromium (Debian's `chromium` package) and the front-end libraries (`npm ci`).
Without them the tests skip — except in CI (CI=true), where they fail. Screenshots go to
artifacts/ (git-ignored).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import httpx
import pytest

from .webdata import ROOT, demo_db, synthetic_db
from .webserver import Server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return "/usr/bin/chromium is not installed (apt-get install chromium)"
    from marsad.web.assets import node_modules

    if node_modules() is None:
        return "front-end libraries are not installed (npm ci)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.lock)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:  # Playwright gives each launch a fresh, temporary profile
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    server = Server(demo_db(folder / "demo.db"))
    server.db = folder / "demo.db"  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture
def page(browser, demo, request):
    context = browser.new_context(viewport={"width": 1400, "height": 850}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append("dialog opened: " + d.message), d.dismiss()))
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()
    assert not errors, errors


def ready(pg, before: str | None = None) -> str:
    """Wait until the page has finished a refresh (a newer one than `before`)."""
    pg.wait_for_function("(b) => document.body.dataset.ready && document.body.dataset.ready !== b",
                         arg=before or "", timeout=20000)
    return pg.evaluate("document.body.dataset.ready")


def test_the_map_shows_the_events(page, demo):
    page.goto(demo.url)
    ready(page)
    points = demo.api("/api/map/points", modality="occurred")["columns"]["event_id"]
    bounds = page.evaluate("document.body.dataset.mapBounds")
    in_view = demo.api("/api/map/points", modality="occurred", bbox=bounds)["columns"]["event_id"]
    assert points and len(in_view) >= 0.9 * len(points)  # the first view fits (nearly) every event
    # A cluster counts every member, including ones whose own point lies just outside the view.
    assert len(in_view) <= int(page.evaluate("document.body.dataset.mapEvents")) <= len(points)
    assert page.locator(".cluster").count() + page.locator(".leaflet-overlay-pane canvas").count() > 0
    assert page.locator(".leaflet-borders-pane canvas").count() == 1  # borders, under the markers
    assert f"{len(points)} on the map" in page.inner_text("#count")


def test_a_facet_click_filters_map_and_timeline(page, demo):
    page.goto(demo.url)
    tick = ready(page)
    page.click('.facet[data-facet="event_type"] input[data-value="Battles"]')
    ready(page, tick)
    bounds = page.evaluate("document.body.dataset.mapBounds")
    battles = demo.api("/api/map/points", modality="occurred", event_type="Battles", bbox=bounds)["count"]
    total_battles = demo.api("/api/map/points", modality="occurred", event_type="Battles")["count"]
    assert battles <= int(page.evaluate("document.body.dataset.mapEvents")) <= total_battles
    fills = set(page.eval_on_selector_all("#timeline rect:not(.brush)", "rs => rs.map(r => r.getAttribute('fill'))"))
    colour = next(t["colour"] for t in demo.api("/api/vocab")["event_types"] if t["name"] == "Battles")
    assert fills == {colour}
    heights = page.eval_on_selector_all("#timeline rect:not(.brush)", "rs => rs.length")
    assert heights > 0
    total = demo.api("/api/events", modality="occurred", event_type="Battles")["total"]
    assert page.inner_text("#count").startswith(f"{total} events")


def test_the_filter_is_in_the_address_and_the_back_button_undoes_it(page, demo):
    page.goto(demo.url)
    tick = ready(page)
    assert page.evaluate("location.search") == ""  # the default view keeps a clean address
    page.click('.facet[data-facet="country"] input[data-value="Syria"]')
    tick = ready(page, tick)
    assert "country=Syria" in page.url and "modality=occurred" in page.url
    syria = demo.api("/api/events", modality="occurred", country="Syria")["total"]
    assert page.inner_text("#count").startswith(f"{syria} events")
    page.go_back()
    tick = ready(page, tick)
    assert "country=" not in page.url
    assert not page.is_checked('.facet[data-facet="country"] input[data-value="Syria"]')
    everything = demo.api("/api/events", modality="occurred")["total"]
    assert page.inner_text("#count").startswith(f"{everything} events")
    # A shared link opens the same selection, dates and words included.
    shared = f"{demo.url}/?country=Syria&event_type=Battles&date_from=2020-01-01&q=killed"
    page.goto(shared)
    tick = ready(page)
    want = demo.api("/api/events", country="Syria", event_type="Battles", date_from="2020-01-01", q="killed")
    assert page.inner_text("#count").startswith(f"{want['total']} events")
    assert page.input_value("#q") == "killed" and page.input_value("#date-from") == "2020-01-01"
    assert page.is_checked('.facet[data-facet="event_type"] input[data-value="Battles"]')
    page.click("#clear")
    ready(page, tick)  # wait for the refresh the click starts, not the one before it
    assert page.evaluate("location.search") == "?all"
    assert page.inner_text("#count").startswith(f"{demo.api('/api/events')['total']} events")


def test_the_event_panel_highlights_the_evidence(page, demo):
    page.goto(demo.url)
    ready(page)
    first = page.locator(".list-item").first
    eid = first.get_attribute("data-event")
    first.click()
    page.wait_for_selector("mark.evidence")
    evidence = demo.api(f"/api/events/{eid}")["event"]["evidence"]
    marks = page.locator("mark.evidence").all_inner_texts()
    assert set(marks) <= {e["text"] for e in evidence} and marks
    assert page.locator("#panel .article").count() >= 1


def test_a_review_edit_survives_a_reingest(page, demo):
    from marsad.cli import _coder
    from marsad.pipeline import ingest_paths
    from marsad.store import open_store

    events = demo.api("/api/events", modality="occurred", limit=200)["events"]
    target = next(e for e in events if e["latitude"] is not None and e["article_ids"])
    page.goto(demo.url)
    ready(page)
    page.locator("#review-mode").check()
    page.fill("#author", "Rana (test)")
    page.evaluate("id => window.dispatchEvent(new CustomEvent('marsad:open', {detail: id}))", target["event_id"])
    page.wait_for_selector("#edit-form")
    page.fill('#edit-form input[name="fatalities"]', "42")
    page.fill('#edit-form input[name="_note"]', "hospital list")
    page.click("#save-corrections")
    page.wait_for_selector('tr.corrected[data-field="fatalities"]')
    page.click("#confirm")
    page.wait_for_selector("#status-badge.confirmed")

    # The same articles arrive again, as a changed copy of the file: machine fields re-merge.
    origin = demo.api(f"/api/articles/{target['article_ids'][0]}")["origin"]
    again = demo.db.parent / "again"  # type: ignore[attr-defined]
    again.mkdir(exist_ok=True)
    src = Path(origin) if Path(origin).is_absolute() else ROOT / origin
    shutil.copy(src, again / src.name)
    with open(again / src.name, "a", encoding="utf-8") as f:
        f.write("\n\nThis report was updated.\n")
    with open_store(demo.db) as store:  # type: ignore[attr-defined]
        summary = ingest_paths([str(again)], store, coder=_coder(True), progress=False)  # type: ignore[arg-type]
    assert summary.articles >= 1
    after = demo.api(f"/api/events/{target['event_id']}")["event"]
    assert len(after["article_ids"]) > len(target["article_ids"])  # the re-ingest did reach this event

    page.reload()
    ready(page)
    page.evaluate("id => window.dispatchEvent(new CustomEvent('marsad:open', {detail: id}))", target["event_id"])
    row = page.wait_for_selector('tr.corrected[data-field="fatalities"]')
    assert "42" in row.inner_text() and "Rana (test)" in row.inner_text()
    assert page.inner_text("#status-badge") == "confirmed"


def test_an_export_downloads_exactly_the_filtered_rows(page, demo):
    page.goto(demo.url)
    tick = ready(page)
    page.click('.facet[data-facet="country"] input[data-value="Syria"]')
    ready(page, tick)
    with page.expect_download() as info:
        page.click("#export-acled")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    want = demo.api("/api/events", modality="occurred", country="Syria", limit=1000)
    assert len(rows) == want["total"] > 0
    assert {r["event_id_cnty"] for r in rows} == {e["event_id"] for e in want["events"]}
    assert {r["country"] for r in rows} == {"Syria"}
    with page.expect_download() as info:
        page.click("#export-geojson")
    assert '"FeatureCollection"' in Path(info.value.path()).read_text(encoding="utf-8")


def test_the_api_docs_render_offline_under_the_page_csp(page, demo):
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(demo.url + "/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/changes" in paths
    assert not blocked
    assert [u for u in fetched if not u.startswith((demo.url + "/", "data:"))] == []  # nothing from a CDN


def test_article_html_is_shown_as_text(browser, tmp_path):
    from .webdata import event_n

    server = Server(synthetic_db(tmp_path / "hostile.db", 6))
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        pg = context.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.goto(server.url)
        ready(pg)
        pg.evaluate("id => window.dispatchEvent(new CustomEvent('marsad:open', {detail: id}))",
                    event_n(0, "a", "x s", "s").event_id)
        pg.wait_for_selector("#panel .article")
        text = pg.inner_text("#panel .article .text")
        assert '<script>alert("x")</script>' in text and "<img src=x onerror=alert(1)>" in text
        assert pg.locator("#panel script, #panel img").count() == 0
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "test_article_html_is_shown_as_text.png"))
        assert not dialogs
        context.close()
    finally:
        server.stop()


def test_the_page_filters_searches_and_reviews_on_postgresql(browser, pg_db):
    """The workbench over PostgreSQL: map, facets, text search (tsvector) and a review write."""
    from .webdata import event_n

    server = Server(synthetic_db(pg_db("page"), 40), write_token=None)
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(server.url)
        tick = ready(pg)
        everything = server.api("/api/events", modality="occurred")["total"]
        assert everything > 20 and pg.inner_text("#count").startswith(f"{everything} events")
        pg.click('.facet[data-facet="country"] input[data-value="Iraq"]')
        tick = ready(pg, tick)
        iraq = server.api("/api/events", modality="occurred", country="Iraq")["total"]
        assert 0 < iraq < everything and pg.inner_text("#count").startswith(f"{iraq} events")
        pg.fill("#q", "marker14")
        pg.press("#q", "Enter")
        tick = ready(pg, tick)
        found = server.api("/api/events", modality="occurred", country="Iraq", q="marker14")["total"]
        assert found == 1 and pg.inner_text("#count").startswith("1 events")
        eid = event_n(14, "a", "x s", "s").event_id
        r = httpx.post(f"{server.url}/api/events/{eid}/review", json={"status": "confirmed", "author": "rana"},
                       headers={"origin": server.url})
        assert r.status_code == 200, r.text
        assert server.api(f"/api/events/{eid}")["event"]["review"]["status"] == "confirmed"
        assert not errors, errors
        context.close()
    finally:
        server.stop()


# --- change and context (issue 11) ------------------------------------------------------------------

def test_compare_shows_what_changed_and_a_row_clicks_through(page, demo):
    page.goto(demo.url)
    tick = ready(page)
    page.click("#compare")
    page.wait_for_selector('#page-title[data-page="compare"]')
    page.select_option("#compare-days", "30")
    page.wait_for_function("() => document.querySelector('#compare-days').value === '30'"
                           " && document.querySelector('#compare-total')")
    page.wait_for_timeout(300)
    want = demo.api("/api/compare", days=30, modality="occurred", limit=15)
    assert page.inner_text("#compare-total").startswith(f"{want['total']['b']} events in the last period")
    rows = page.locator('table.compare[data-dimension="admin1"] tr.drill')
    assert rows.count() == len(want["admin1"]) > 0
    first = want["admin1"][0]
    rows.first.click()
    ready(page, tick)
    assert f"admin1={first['admin1'].replace(' ', '+')}" in page.url and f"date_from={want['a']['start']}" in page.url
    events = demo.api("/api/events", modality="occurred", country=first["country"], admin1=first["admin1"],
                      date_from=want["a"]["start"], date_to=want["b"]["end"])["total"]
    assert events == first["a"] + first["b"] and page.inner_text("#count").startswith(f"{events} events")


def test_an_actor_page_opens_from_an_event_and_from_its_address(page, demo):
    events = demo.api("/api/events", modality="occurred", limit=200)["events"]
    target = next(e for e in events if e["actor1"] and not e["actor1"].startswith("Unidentified"))
    page.goto(demo.url)
    ready(page)
    page.evaluate("id => window.dispatchEvent(new CustomEvent('marsad:open', {detail: id}))", target["event_id"])
    page.click('tr[data-field="actor1"] a.page-link')
    page.wait_for_selector('#page-title[data-page="actor"]')
    assert page.inner_text("#page-title") == target["actor1"] and "/actor/" in page.url
    want = demo.api("/api/actor", name=target["actor1"], modality="occurred")
    assert page.inner_text("#panel").count(" events") >= 1 and f"{want['events']} events" in page.inner_text("#panel")
    assert page.locator("#panel .list-item").count() == len(want["latest"])
    # The address alone opens the same page (a shared link), and a place on it opens the place's page.
    page.goto(page.url)
    ready(page)
    page.wait_for_selector('#page-title[data-page="actor"]')
    if want["places"]:
        page.locator("#panel table.page-table a.page-link").first.click()
        page.wait_for_selector('#page-title[data-page="place"]')
        assert "/place/" in page.url


def test_the_actor_and_province_facets_show_a_trend(page, demo):
    page.goto(demo.url)
    ready(page)
    sparks = page.locator('.facet[data-facet="admin1"] svg.spark')
    assert sparks.count() > 0
    assert "events per month" in (sparks.first.locator("title").text_content() or "")

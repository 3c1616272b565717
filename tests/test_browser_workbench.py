"""The workbench of issue 13 in headless Chromium against a real server, offline: modality on the
map and in the list, the map's context (province borders, place names, country-level events beside
the map, donut clusters, fit to the filter), a coherent place edit and its undo, the address that
reopens an event and a map view, the keyboard path, and the layout at 1000×700 and on a phone.

Every request to anything but this machine's loopback is blocked, and a test fails if the page
made one. Screenshots go to tests/artifacts/ (git-ignored): look at them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from marsad.records import Article, Event, Evidence, RawDocument, content_id
from marsad.store import open_store

from .test_browser import browser, ready  # noqa: F401 — `browser` is a fixture
from .webdata import demo_db
from .webserver import Server

ARTIFACTS = Path(__file__).parent / "artifacts"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
SYRIA = (34.80208, 38.99681)  # where an event coded to "Syria" as a whole is put


def add_country_level(db: Path) -> list[str]:
    """Two events coded to Syria as a whole (no province, no town): the map must not draw them."""
    ids = []
    with open_store(db) as store:
        for i in range(2):
            sentence = f"Jets struck targets across Syria overnight in wave {i}, a monitor said."
            text = "Overnight briefing. " + sentence
            doc = RawDocument(content_id("country-level doc", i), f"country-level/{i}.txt", "txt", text)
            art = Article(content_id("country-level article", i), doc.doc_id, doc.origin, f"Strikes across Syria {i}",
                          f"2023-06-{2 + 12 * i:02d}", "Test Wire", "en", text)
            start = text.index(sentence)
            event = Event(
                event_id=content_id("country-level event", i), event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", event_date=f"2023-06-{1 + 12 * i:02d}", time_precision=1,
                actor1="Unidentified Military Forces", assoc_actor_1=(), inter1="External/Other forces", actor2=None,
                assoc_actor_2=(), inter2=None, country="Syria", admin1=None, admin2=None, location="Syria",
                latitude=SYRIA[0], longitude=SYRIA[1], geo_precision=3, geonameid=163843, fatalities=None,
                sources=("a war monitor",), article_ids=(art.article_id,),
                evidence=(Evidence(art.article_id, start, start + len(sentence), sentence),))
            store.add_document(doc, [art], [event], [])
            ids.append(event.event_id)
    return ids


def add_arabic(db: Path) -> str:
    """An event coded from an Arabic report (written for this test) that opens with a Latin name."""
    text = "SANA: قصفت طائرات حربية بلدة الميادين في ريف دير الزور الشرقي صباح الاثنين، وقتل ثلاثة مدنيين."
    sentence = text[text.index("قصفت"):]
    doc = RawDocument(content_id("arabic doc"), "arabic/1.txt", "txt", text)
    art = Article(content_id("arabic article"), doc.doc_id, doc.origin, "غارات على الميادين", "2023-07-03",
                  "Test Wire", "ar", text)
    start = text.index(sentence)
    event = Event(
        event_id=content_id("arabic event"), event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", event_date="2023-07-03", time_precision=1,
        actor1="Unidentified Military Forces", assoc_actor_1=(), inter1="External/Other forces", actor2=None,
        assoc_actor_2=(), inter2=None, country="Syria", admin1="Deir ez-Zor", admin2=None, location="Al Mayadin",
        latitude=35.0188, longitude=40.4525, geo_precision=1, geonameid=None, fatalities=3,
        sources=(), article_ids=(art.article_id,),
        evidence=(Evidence(art.article_id, start, start + len(sentence), sentence),))
    with open_store(db) as store:
        store.add_document(doc, [art], [event], [])
    return event.event_id


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = demo_db(tmp_path_factory.mktemp("workbench") / "demo.db")
    country_level = add_country_level(db)
    arabic = add_arabic(db)
    server = Server(db)
    server.country_level = country_level  # type: ignore[attr-defined]
    server.arabic = arabic  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture
def open_page(browser, request):  # noqa: F811 — the fixture imported above
    """Pages in fresh contexts that may reach only this machine; each is screenshotted at the end."""
    opened = []

    def make(width: int = 1400, height: int = 850):
        context = browser.new_context(viewport={"width": width, "height": height})
        problems: list[str] = []

        def guard(route):
            url = route.request.url
            if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOOPBACK:
                route.continue_()
            else:
                problems.append("a request off this machine: " + url)
                route.abort()

        context.route("**/*", guard)
        pg = context.new_page()
        pg.on("pageerror", lambda e: problems.append(str(e)))
        def dialog(d):
            problems.append("dialog opened: " + d.message)
            d.dismiss()

        pg.on("dialog", dialog)
        opened.append((context, pg, problems, f"{width}x{height}"))
        return pg

    yield make
    ARTIFACTS.mkdir(exist_ok=True)
    for k, (context, pg, problems, size) in enumerate(opened):
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{k}-{size}.png"))
        context.close()
        assert not problems, problems


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_event(pg, event_id: str) -> None:
    pg.evaluate("id => window.dispatchEvent(new CustomEvent('marsad:open', {detail: id}))", event_id)
    pg.wait_for_selector(f'#event-title[data-event="{event_id}"]')


def set_view(pg, lat: float, lon: float, zoom: int) -> None:
    pg.evaluate("([lat, lon, zoom]) => { state.map.setView([lat, lon], zoom, { animate: false }); }", [lat, lon, zoom])


def wait_for_ring(pg, point: dict) -> None:
    """Until the opened event's ring on the map is at `point` (its latitude and longitude)."""
    pg.wait_for_function("([lat, lon]) => { const [a, b] = (document.body.dataset.selectedPoint || ',')"
                         ".split(',').map(Number); return Math.abs(a - lat) < 1e-6 && Math.abs(b - lon) < 1e-6; }",
                         arg=[point["latitude"], point["longitude"]])


def drawn_at(pg, event_id: str) -> list[float] | None:
    """[lon, lat] of the event among the points the map draws."""
    return pg.evaluate("(id) => { const f = state.indexed.find(f => f.properties.id === id);"
                       " return f && f.geometry.coordinates; }", event_id)


def bounds(pg) -> list[float]:
    return [float(v) for v in pg.evaluate("document.body.dataset.mapBounds").split(",")]


# --- 1. modality ------------------------------------------------------------------------------------

def test_a_denied_event_is_shown_as_denied(open_page, served):
    denied = served.api("/api/events", modality="denied")["events"]
    target = next(e for e in denied if e["latitude"] is not None)
    page = open_page()
    page.goto(served.url)
    tick = ready(page)
    occurred = served.api("/api/events")["total"]  # the API's default, like the page's: what occurred
    assert page.input_value("#modality") == "occurred" and page.inner_text("#count").startswith(f"{occurred} events")
    page.select_option("#modality", "all")
    tick = ready(page, tick)
    everything = served.api("/api/events", modality="all")["total"]
    assert everything > occurred and page.inner_text("#count").startswith(f"{everything} events")
    assert "modality=all" in page.url
    # Close up, the denied event is a hollow ring with its own class, not a filled disc.
    set_view(page, target["latitude"], target["longitude"], 13)  # past clustering: events at one spot too
    marker = page.wait_for_selector(f'.mod-marker.mod-denied[data-event="{target["event_id"]}"]')
    assert (marker.get_attribute("title") or "").startswith("DENIED")
    assert marker.inner_text().strip() == "✕"
    shot(page, "modality-all-denied-marker")

    page.select_option("#modality", "denied")
    ready(page, tick)
    rows = page.locator("#event-list .list-item")
    assert rows.count() == len(denied) > 0
    for i in range(rows.count()):
        assert rows.nth(i).locator(".badge.modality.mod-denied").inner_text().strip() == "✕ denied"
    west, south, east, north = bounds(page)  # the map refitted to the denied events
    assert all(west <= e["longitude"] <= east and south <= e["latitude"] <= north for e in denied if e["latitude"])
    page.click(f'.mod-marker.mod-denied[data-event="{target["event_id"]}"]')
    page.wait_for_selector(f'#event-title[data-event="{target["event_id"]}"] .badge.mod-denied')
    assert "Reported as denied" in page.inner_text("#modality-note")


def test_undated_events_are_counted_and_shown_on_demand(open_page, served):
    want = served.api("/api/events", date_from="2024-01-01", limit=1)
    assert want["undated"] > 0
    page = open_page()
    page.goto(served.url + "/?date_from=2024-01-01")
    tick = ready(page)
    assert f"{want['undated']} undated events not in this range" in page.inner_text("#undated-note")
    page.click("#undated-note button")
    ready(page, tick)
    assert "undated=only" in page.url
    only = served.api("/api/events", date_from="2024-01-01", undated="only", limit=200)
    assert only["total"] == want["undated"]
    assert page.inner_text("#list-title") == f"Undated events ({only['total']})"
    subs = page.locator("#event-list .list-item .sub").all_inner_texts()
    assert subs and all(s.startswith("undated") for s in subs)


# --- 2. the map's context, offline ----------------------------------------------------------------------

def test_the_map_has_provinces_names_and_country_level_events_beside_it(open_page, served):
    from marsad.web.assets import VENDOR, node_modules

    assert (node_modules() / VENDOR["admin1.json"]).is_file(), "province borders not built: run `make setup`"
    page = open_page()
    page.goto(served.url)
    tick = ready(page)
    page.wait_for_function("() => document.body.dataset.provinces && document.body.dataset.labels")
    assert int(page.evaluate("document.body.dataset.provinces")) >= 100  # Syria's 14, Iraq's 18, Turkey's 81…
    border = page.locator(".leaflet-admin1-pane path.admin1-border").first.get_attribute("d") or ""
    assert border.count("M") > 50  # one line per stretch of border between two provinces
    names = page.locator(".place-label span").all_inner_texts()
    assert names and len(names) == int(page.evaluate("document.body.dataset.labels"))
    # Closer in, the names are those of the places in view, down to smaller ones.
    set_view(page, 34.6, 37.4, 7)
    page.wait_for_function("(before) => [...document.querySelectorAll('.place-label span')].map(s => s.textContent)"
                           ".join('|') !== before", arg="|".join(names))
    closer = set(page.locator(".place-label span").all_inner_texts())
    assert {"Aleppo", "Damascus"} <= closer
    shot(page, "map-syria-zoom-7-provinces-and-names")

    # The events coded to Syria as a whole are listed beside the map, not drawn at its centre.
    assert "Syria — country only: 2" in page.inner_text("#country-only")
    on_map = served.api("/api/map/points")["count"]
    assert f"{on_map - 2} on the map" in page.inner_text("#count")
    assert page.evaluate("(ids) => state.indexed.filter(f => ids.includes(f.properties.id)).length",
                         served.country_level) == 0
    # Clusters are donuts of the mix of types; the legend has a size scale.
    set_view(page, 33.5, 38.5, 4)
    page.wait_for_selector(".cluster-icon svg.donut")
    parts = page.eval_on_selector_all(".cluster-icon svg.donut", "ds => Math.max(...ds.map(d => new Set("
                                      "[...d.querySelectorAll('path[data-type]')].map(p => p.dataset.type)).size))")
    assert parts >= 2
    assert page.locator("#legend .size-scale text").all_text_contents() == ["1", "10", "50", "200"]

    page.click('.country-only-row[data-country="Syria"]')
    tick = ready(page, tick)
    assert "location=Syria" in page.url and page.inner_text("#list-title") == "Events (2)"
    listed = set(page.locator("#event-list .list-item").evaluate_all("rs => rs.map(r => r.dataset.event)"))
    assert listed == set(served.country_level)

    # Fit to the filter: Yemen's events fill the view.
    page.click("#clear")
    tick = ready(page, tick)
    page.click('.facet[data-facet="country"] input[data-value="Yemen"]')
    ready(page, tick)
    west, south, east, north = bounds(page)
    yemen = served.api("/api/map/points", country="Yemen")["columns"]
    points = zip(yemen["latitude"], yemen["longitude"], strict=True)
    assert all(west <= lon <= east and south <= lat <= north for lat, lon in points)
    assert east - west < 20 and 10 < south < 20


# --- 3. the event panel and 4. review that keeps the record coherent ----------------------------------

def test_a_place_edit_moves_the_point_and_undo_moves_it_back(open_page, served):
    events = served.api("/api/events", limit=300)["events"]
    target = next(e for e in events if e["geo_precision"] == 1 and e["country"] == "Syria" and e["admin1"] != "Daraa")
    place = served.api("/api/gazetteer/search", q="Bosra", limit=5)["places"][0]
    assert place["admin1"] == "Daraa"
    page = open_page()
    page.goto(served.url)
    tick = ready(page)
    page.locator("#review-mode").check()
    page.fill("#author", "Rana (test)")
    open_event(page, target["event_id"])
    page.fill("#edit-place", "")
    page.locator("#edit-place").press_sequentially("Bosra")
    page.wait_for_selector("#edit-place-list li")
    assert place["name"] in page.locator("#edit-place-list li").first.inner_text()
    page.press("#edit-place", "Enter")
    assert place["name"] in page.inner_text("#place-picked")
    page.click("#save-corrections")
    wait_for_ring(page, place)
    tick = ready(page, tick)
    after = served.api(f"/api/events/{target['event_id']}")["event"]
    assert (after["admin1"], after["country"]) == ("Daraa", "Syria")
    assert abs(after["latitude"] - place["latitude"]) < 1e-6 and abs(after["longitude"] - place["longitude"]) < 1e-6
    assert "Daraa" in page.inner_text('tr.corrected[data-field="admin1"]')
    drawn = drawn_at(page, target["event_id"])
    assert drawn and abs(drawn[0] - place["longitude"]) < 1e-6 and abs(drawn[1] - place["latitude"]) < 1e-6
    shot(page, "review-place-moved")

    # The server's refusal is shown beside the form: no date after the reports that tell of it.
    page.fill('#edit-form input[name="event_date"]', "2099-01-01")
    page.click("#save-corrections")
    message = page.wait_for_selector("#review-message.error")
    assert "event_date" in message.inner_text() and "2099-01-01" in message.inner_text()

    # Undo is a correction too: the point goes back, the log keeps both.
    logged = page.locator("table.correction-log tr").count()
    page.locator("table.correction-log button.undo").last.click()
    wait_for_ring(page, target)
    reverted = served.api(f"/api/events/{target['event_id']}")["event"]
    assert reverted["admin1"] == target["admin1"] and reverted["location"] == target["location"]
    assert page.locator("table.correction-log tr").count() > logged


def test_an_actor_comes_from_the_knowledge_base_and_inter_follows(open_page, served):
    events = served.api("/api/events", limit=300)["events"]
    target = next(e for e in events if e["latitude"] is not None and e["fatality_reports"])
    known = served.api("/api/kb/actors", q="Quds", limit=5)["actors"][0]
    page = open_page()
    page.goto(served.url)
    ready(page)
    page.locator("#review-mode").check()
    page.fill("#author", "Rana (test)")
    open_event(page, target["event_id"])
    page.fill("#edit-actor1", "")
    page.locator("#edit-actor1").press_sequentially("Quds")
    page.wait_for_selector("#edit-actor1-list li")
    page.press("#edit-actor1", "Enter")
    assert page.input_value("#edit-actor1") == known["actor"]
    page.click("#save-corrections")
    page.wait_for_selector('tr.corrected[data-field="actor1"]')
    assert known["inter"] in page.inner_text('tr[data-field="inter1"]')
    # A name the knowledge base lacks is refused, unless marked new.
    page.fill("#edit-actor2", "Test Brigade of Nowhere")
    page.click("#save-corrections")
    assert "actor2" in page.wait_for_selector("#review-message.error").inner_text()
    page.check("#new-actor")
    page.click("#save-corrections")
    page.wait_for_selector('tr.corrected[data-field="actor2"]')
    assert "Test Brigade of Nowhere" in page.inner_text('tr[data-field="actor2"]')
    # A fatality edit heads the per-source figures, which it supersedes.
    figure = (target["fatalities"] or 0) + 7
    page.fill('#edit-form input[name="fatalities"]', str(figure))
    page.click("#save-corrections")
    analyst = page.wait_for_selector(".fatality-table tbody tr.analyst")
    assert str(figure) in analyst.inner_text() and "analyst: Rana (test)" in analyst.inner_text()
    assert page.locator(".fatality-table tbody tr").count() == len(target["fatality_reports"]) + 1


# --- 5. shareable and accessible ----------------------------------------------------------------------------

def test_the_opened_event_and_the_map_view_survive_a_reload(open_page, served):
    events = served.api("/api/events", limit=300)["events"]
    target = next(e for e in events if len(e["fatality_reports"]) >= 1 and e["latitude"] is not None)
    page = open_page()
    page.goto(served.url)
    ready(page)
    open_event(page, target["event_id"])
    assert f"event={target['event_id']}" in page.url
    # The per-source figures are a table, not a JSON string.
    figures = page.locator(".fatality-table tbody tr")
    assert figures.count() == len(target["fatality_reports"])
    first = target["fatality_reports"][0]
    assert str(first["fatalities"]) in figures.first.inner_text()
    assert "{" not in page.inner_text("#panel table.fields")
    set_view(page, target["latitude"], target["longitude"], 9)
    page.wait_for_function("() => /map=9\\//.test(location.hash)")
    shared = page.url

    page.reload()
    ready(page)
    page.wait_for_selector(f'#event-title[data-event="{target["event_id"]}"]')
    zoom, lat, lon = page.evaluate("() => [state.map.getZoom(), state.map.getCenter().lat, state.map.getCenter().lng]")
    assert zoom == 9 and abs(lat - target["latitude"]) < 0.01 and abs(lon - target["longitude"]) < 0.01
    # The same address in another browser opens the same event over the same view.
    other = open_page()
    other.goto(shared)
    ready(other)
    other.wait_for_selector(f'#event-title[data-event="{target["event_id"]}"]')
    assert other.evaluate("() => state.map.getZoom()") == 9
    # Back closes the event: the list again.
    page.go_back()
    page.wait_for_selector("#list-title")
    assert "event=" not in page.url


def test_the_list_timeline_map_and_facets_work_by_keyboard(open_page, served):
    page = open_page()
    page.goto(served.url)
    tick = ready(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "skip-list"
    page.keyboard.press("Enter")
    rows = page.locator("#event-list .list-item")
    first = page.evaluate("document.activeElement.dataset.event")
    assert first and first == rows.first.get_attribute("data-event")
    style, width = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                                 " return [s.outlineStyle, s.outlineWidth]; }")
    assert style != "none" and float(width.removesuffix("px")) >= 2  # focus is visible
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.dataset.event")
    assert second == rows.nth(1).get_attribute("data-event")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#event-title[data-event="{second}"]')
    assert page.evaluate("document.activeElement.id") == "event-title"
    shot(page, "keyboard-opened-event")

    # The timeline is one keyboard stop: the arrows move between its bars, Enter keeps a bar's dates.
    bars = page.locator("#timeline g.bar")
    assert bars.last.get_attribute("tabindex") == "0" and bars.first.get_attribute("tabindex") == "-1"
    bars.last.focus()
    page.keyboard.press("ArrowLeft")
    bar = bars.nth(bars.count() - 2)
    assert page.evaluate("document.activeElement.dataset.start") == bar.get_attribute("data-start")
    start = bar.get_attribute("data-start")
    page.keyboard.press("Enter")
    tick = ready(page, tick)
    assert f"date_from={start}" in page.url
    # A cluster on the map is one too: Enter zooms into it.
    page.click("#brush-clear")
    tick = ready(page, tick)
    zoom = page.evaluate("() => state.map.getZoom()")
    cluster = page.locator(".cluster-icon").first
    assert cluster.get_attribute("tabindex") == "0"
    cluster.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("(z) => state.map.getZoom() > z || document.querySelector('#list-title')?.textContent"
                           ".includes('at this spot')", arg=zoom)
    # Facets can be searched and show their full names on hover.
    search = page.locator('.facet[data-facet="actor"] .facet-search')
    search.fill("syria")
    labels = page.locator('.facet[data-facet="actor"] label')
    shown = [labels.nth(i) for i in range(labels.count()) if labels.nth(i).is_visible()]
    assert shown and len(shown) < labels.count()
    for label in shown:
        assert "syria" in label.inner_text().lower() and "syria" in (label.get_attribute("title") or "").lower()


def test_the_layout_at_1000_by_700_and_on_a_phone(open_page, served):
    page = open_page(1000, 700)
    page.goto(served.url)
    ready(page)
    box = page.locator("#map").bounding_box()
    legend = page.locator("#legend-box").bounding_box()
    assert box["width"] >= 500 and box["height"] >= 350
    assert legend["width"] * legend["height"] < 0.25 * box["width"] * box["height"]
    chart = page.locator("#timeline").bounding_box()
    axis = page.eval_on_selector_all("#timeline text.axis", "ts => ts.map(t => { const r = t.getBoundingClientRect();"
                                     " return [r.left, r.top, r.right, r.bottom]; })")
    assert len(axis) >= 4
    for left, top, right, bottom in axis:
        assert 0 <= left and right <= 1000 and 0 <= top and bottom <= 700
        assert chart["y"] <= top and bottom <= chart["y"] + chart["height"] + 1
    dates = sorted(axis[2:])  # the first two are the count axis
    assert all(a[2] <= b[0] for a, b in zip(dates, dates[1:], strict=False))  # no date label over another
    # The filters fold into a drawer there.
    assert not page.is_visible("#facets")
    page.click("#facets-toggle")
    assert page.is_visible("#facets") and page.is_visible('.facet[data-facet="country"]')
    shot(page, "layout-1000x700-filters-open")
    page.keyboard.press("Escape")
    assert not page.is_visible("#facets")

    phone = open_page(390, 844)
    phone.goto(served.url)
    ready(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the side
    map_box = phone.locator("#map").bounding_box()
    panel = phone.locator("#panel").bounding_box()
    assert map_box["width"] >= 370 and map_box["height"] >= 300 and panel["y"] >= map_box["y"] + map_box["height"]
    row = phone.locator("#event-list .list-item").first
    event_id = row.get_attribute("data-event")
    row.click()
    phone.wait_for_selector(f'#event-title[data-event="{event_id}"]')


# --- Arabic evidence (issue 14) ------------------------------------------------------------------

def test_arabic_evidence_reads_right_to_left(open_page, served):
    page = open_page()
    page.goto(served.url)
    ready(page)
    open_event(page, served.arabic)
    text = page.locator("#panel .article .text").first
    # The whole report runs right to left, though it opens with a Latin name ("SANA:").
    assert text.get_attribute("lang") == "ar"
    assert text.evaluate("n => getComputedStyle(n).direction") == "rtl"
    assert "قصفت" in text.locator("mark.evidence").inner_text()
    # An English report's text keeps left to right.
    english = next(e for e in served.api("/api/events", limit=50)["events"] if e["event_id"] != served.arabic)
    open_event(page, english["event_id"])
    assert page.locator("#panel .article .text").first.evaluate("n => getComputedStyle(n).direction") == "ltr"

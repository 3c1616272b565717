"""Watches and alerts: the CLI, every rule firing when it should and not when it should not,
re-runs raising nothing, the notify command, the feeds and the HTTP API (write guard included)."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad import watches
from marsad.cli import cli
from marsad.pipeline import ingest_paths
from marsad.records import Event, Evidence, content_id
from marsad.store import open_store
from marsad.store import watches as saved
from marsad.store.query import EventFilter
from marsad.web import create_app

from .webdata import LOCAL

ATOM = "{http://www.w3.org/2005/Atom}"
TURKEY = "Military Forces of Turkey (2002-)"

# Short reports written for these tests.
QAMISHLI = """Drone Strike Hits Car In Qamishli

Wednesday, 8 May 2024

A Turkish drone struck a car in Qamishli in northeastern Syria on Tuesday, killing two SDF fighters, according
to North Press Agency.
"""
MANBIJ = """Turkish Drone Strikes Manbij Outskirts

Saturday, 11 May 2024

A Turkish drone struck a farm on the outskirts of Manbij in northern Syria on Friday, wounding a shepherd, local
sources said.
"""
QAMISHLI_AGAIN = """Second Drone Strike In Qamishli

Tuesday, 14 May 2024

A Turkish drone struck a pickup truck in the city of Qamishli in northeastern Syria on Monday, killing one SDF
fighter, North Press Agency reported.
"""
POSTS = """Monitor Counts Guard Positions In The South

Thursday, 16 May 2024

The Jusoor Center for Studies said the Revolutionary Guard now holds 37 military posts in Daraa.
"""


@pytest.fixture(scope="module")
def coder():
    from marsad.events.code import EventCoder

    return EventCoder.load()  # seconds: once for the module


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def ingest(db: Path, folder: Path, coder, **kw):
    with open_store(db) as s:
        return ingest_paths([str(folder)], s, coder=coder, progress=False, **kw)


def add(db: Path, name: str, rule: str, f: EventFilter | None = None, **kw) -> saved.Watch:
    with open_store(db) as s:
        return watches.add(s.db, name, rule, f or EventFilter(), **kw)


def all_alerts(db: Path) -> list[dict]:
    with open_store(db) as s:
        return saved.alerts(s.db)


# the command line --------------------------------------------------------------------------------
def test_watch_add_list_remove(tmp_path, new_db):
    db = new_db("w.db")
    run = CliRunner().invoke
    r = run(cli, ["watch", "add", "strikes", "--rule", "new", "--country", "Syria", "--event-type",
                  "Explosions/Remote violence", "--db", db])
    assert r.exit_code == 0, r.output
    assert "watch 1 added: strikes" in r.output
    r = run(cli, ["watch", "add", "busy", "--rule", "count", "--threshold", "5", "--days", "3", "--db", db])
    assert r.exit_code == 0, r.output
    r = run(cli, ["watch", "list", "--db", db])
    assert r.exit_code == 0
    lines = r.output.strip().splitlines()
    assert lines[0].startswith("1\tstrikes\tnew events\t") and "country=Syria" in lines[0]
    assert lines[1].startswith("2\tbusy\tmore than 5 events in 3 days")
    listed = [json.loads(x) for x in run(cli, ["watch", "list", "--json", "--db", db]).output.splitlines()]
    assert listed[0]["filter"] == {"event_type": ["Explosions/Remote violence"], "country": ["Syria"],
                                   "modality": ["occurred"]}
    assert listed[1]["threshold"] == 5 and listed[1]["days"] == 3 and listed[1]["alerts"] == 0
    assert run(cli, ["watch", "remove", "strikes", "--db", db]).exit_code == 0
    assert run(cli, ["watch", "remove", "2", "--db", db]).output == "watch 2 removed: busy\n"
    assert run(cli, ["watch", "list", "--json", "--db", db]).output == ""


def test_watch_filters_take_an_actor_group_and_a_location(tmp_path, new_db):
    db = new_db("w.db")
    r = CliRunner().invoke(cli, ["watch", "add", "iran", "--rule", "new-place", "--actor-group", "Iran-aligned",
                                 "--location", "Al Mayadin", "--db", db])
    assert r.exit_code == 0, r.output
    [w] = [json.loads(x) for x in CliRunner().invoke(cli, ["watch", "list", "--json", "--db", db]).output.splitlines()]
    assert "Liwa Fatemiyoun" in w["filter"]["actor"] and w["filter"]["location"] == ["Al Mayadin"]
    r = CliRunner().invoke(cli, ["watch", "add", "x", "--rule", "new", "--actor-group", "Nobody", "--db", db])
    assert r.exit_code == 1 and "no actor group 'Nobody'; the groups are" in r.output


@pytest.mark.parametrize("args,message", [
    (["x", "--rule", "count"], "a count watch needs --threshold N"),
    (["x", "--rule", "new-place"], "a new-place watch needs an actor"),
    (["x", "--rule", "new", "--threshold", "3"], "--threshold and --days apply to count and surge"),
    (["x", "--rule", "surge", "--days", "3"], "whole weeks"),
    (["x", "--rule", "new", "--event-type", "Batles"], "unknown event type 'Batles'"),
    (["x", "--rule", "new-claim", "--event-type", "Battles"], "claims have no event_type"),
    (["x", "--rule", "new", "--date-from", "2024-13-01"], "not a date"),
    (["42", "--rule", "new"], "must not be only digits"),
    (["x", "--rule", "count", "--threshold", "nan"], "must be a number"),
])
def test_watch_add_refuses_with_one_line(tmp_path, args, message):
    r = CliRunner().invoke(cli, ["watch", "add", *args, "--db", str(tmp_path / "w.db")])
    assert r.exit_code == 1 and message in r.output
    assert len(r.output.strip().splitlines()) == 1 and "Traceback" not in r.output


def test_watch_errors_are_one_line(tmp_path, new_db):
    db = new_db("w.db")
    run = CliRunner().invoke
    assert run(cli, ["watch", "add", "a", "--rule", "new", "--db", db]).exit_code == 0
    r = run(cli, ["watch", "add", "a", "--rule", "new", "--db", db])
    assert r.exit_code == 1 and "a watch named 'a' exists" in r.output
    r = run(cli, ["watch", "remove", "nope", "--db", db])
    assert r.exit_code == 1 and "no watch 'nope'" in r.output
    r = run(cli, ["alerts", "--since", "yesterday", "--db", db])
    assert r.exit_code == 1 and "not an ISO date" in r.output
    r = run(cli, ["alerts", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code == 1 and "no database at" in r.output


# the rules, through real ingests ------------------------------------------------------------------
def test_new_and_new_place_fire_once_and_only_when_they_should(tmp_path, new_db, coder):
    db = new_db("w.db")
    ingest(db, write(tmp_path / "history", "qamishli.txt", QAMISHLI), coder)
    place = add(db, "turkey-places", "new-place", EventFilter(actor=(TURKEY,)))
    new = add(db, "syria", "new", EventFilter(country=("Syria",)))
    add(db, "iraq", "new", EventFilter(country=("Iraq",)))
    assert ingest(db, tmp_path / "history", coder).alerts == []  # nothing new: re-run of what was there

    summary = ingest(db, write(tmp_path / "week2", "manbij.txt", MANBIJ), coder)
    fired = {a["watch"]: a for a in summary.alerts}
    assert set(fired) == {"turkey-places", "syria"}  # the Iraq watch stays quiet
    assert fired["turkey-places"]["message"] == f"new place: {TURKEY} at Manbij, Aleppo, Syria"
    manbij = fired["syria"]["events"]
    assert fired["turkey-places"]["events"] == manbij and len(manbij) == 1

    assert ingest(db, tmp_path / "week2", coder).alerts == []  # the same folder again: no duplicate alert
    summary = ingest(db, write(tmp_path / "week3", "qamishli2.txt", QAMISHLI_AGAIN), coder)
    assert [a["watch"] for a in summary.alerts] == ["syria"]  # Qamishli was seen before: not a new place
    with open_store(db) as s:
        assert len(saved.alerts(s.db, watch_id=place.watch_id)) == 1
        assert len(saved.alerts(s.db, watch_id=new.watch_id)) == 2


def test_new_claim_matches_place_and_subject(tmp_path, new_db, coder):
    db = new_db("w.db")
    add(db, "daraa-claims", "new-claim", EventFilter(admin1=("Daraa",)))
    add(db, "aleppo-claims", "new-claim", EventFilter(admin1=("Aleppo",)))
    add(db, "posts-words", "new-claim", EventFilter(q="military posts"))
    summary = ingest(db, write(tmp_path / "claims", "posts.txt", POSTS), coder)
    fired = {a["watch"]: a for a in summary.alerts}
    assert set(fired) == {"daraa-claims", "posts-words"}
    assert fired["daraa-claims"]["claims"] and "37" in fired["daraa-claims"]["message"]
    assert ingest(db, tmp_path / "claims", coder).alerts == []


def test_claim_matching_ignores_case_and_uses_place_subject_source():
    claim = {"quantity": 37.0, "unit": "military posts", "subject": "IRGC", "place": "Daraa", "admin1": "Daraa",
             "source": "Jusoor Center for Studies", "evidence": [{"text": "holds 37 military posts in Daraa"}]}
    assert watches.claim_matches(EventFilter(admin1=("daraa",), actor=("IRGC",)), claim)
    assert watches.claim_matches(EventFilter(source=("Jusoor Center for Studies",), q="posts"), claim)
    assert not watches.claim_matches(EventFilter(actor=("Hezbollah",)), claim)
    assert not watches.claim_matches(EventFilter(q="vehicles"), claim)
    assert watches.claim_matches(EventFilter(location=("Daraa",)), claim)
    assert not watches.claim_matches(EventFilter(location=("Aleppo",)), claim)


class LineCoder:
    """A coder for rule arithmetic, no language model: each sentence 'Clashes were reported in
    <admin1> on <date>, according to report <n>.' is one week-precise battle (week precision:
    never merged with another report)."""

    def code(self, articles):
        events = []
        for a in articles:
            for m in re.finditer(r"Clashes were reported in (\w+) on ([\d-]+), according to report \d+\.", a.text):
                admin1, day = m.groups()
                events.append(Event(
                    event_id=content_id(a.article_id, m.start()), event_type="Battles", sub_event_type="Armed clash",
                    event_date=day, time_precision=2, actor1="Islamic State (Syria)", assoc_actor_1=(), inter1=None,
                    actor2=None, assoc_actor_2=(), inter2=None, country="Syria", admin1=admin1, admin2=None,
                    location=None, latitude=None, longitude=None, geo_precision=3, geonameid=None, fatalities=None,
                    sources=("Local sources",), article_ids=(a.article_id,),
                    evidence=(Evidence(a.article_id, m.start(), m.end(), m.group()),)))
        return events, []


def batch(folder: Path, name: str, days: list[str], admin1: str = "Homs") -> Path:
    lines = "\n\n".join(f"Clashes were reported in {admin1} on {d}, according to report {n}."
                          for n, d in enumerate(days))
    return write(folder, f"{name}.txt", f"Weekly round-up {name}\n\n{lines}\n")


def days_before(end: str, *offsets: int) -> list[str]:
    import datetime as dt

    last = dt.date.fromisoformat(end)
    return [(last - dt.timedelta(days=n)).isoformat() for n in offsets]


def test_count_fires_when_an_ingest_takes_the_window_over_the_threshold(tmp_path, new_db):
    db = new_db("w.db")
    add(db, "busy-homs", "count", EventFilter(admin1=("Homs",)), threshold=3, days=7)
    end = "2024-06-30"
    assert ingest(db, batch(tmp_path / "a", "a", days_before(end, 0, 1, 2, 20)), LineCoder()).alerts == []
    summary = ingest(db, batch(tmp_path / "b", "b", days_before(end, 3)), LineCoder())  # 4 > 3 in 7 days
    assert [a["watch"] for a in summary.alerts] == ["busy-homs"]
    assert summary.alerts[0]["details"]["count"] == 4 and len(summary.alerts[0]["events"]) == 1
    assert ingest(db, batch(tmp_path / "c", "c", days_before(end, 4)), LineCoder()).alerts == []  # still over
    assert ingest(db, batch(tmp_path / "d", "d", days_before(end, 1), "Aleppo"), LineCoder()).alerts == []


def test_surge_fires_on_a_burst_and_not_on_flat_history(tmp_path, new_db):
    db = new_db("w.db")
    add(db, "homs-surge", "surge", EventFilter(admin1=("Homs",)))  # +100% over the 4 weeks before
    end = "2024-06-30"
    flat = days_before(end, *[7 * w + d for w in range(8) for d in (1, 4)])  # two a week for eight weeks
    assert ingest(db, batch(tmp_path / "flat", "flat", flat), LineCoder()).alerts == []
    assert ingest(db, batch(tmp_path / "one", "one", days_before(end, 2)), LineCoder()).alerts == []  # 3 vs 2
    burst = ingest(db, batch(tmp_path / "burst", "burst", days_before(end, 0, 0, 3, 5, 6)), LineCoder()).alerts
    assert [a["watch"] for a in burst] == ["homs-surge"]
    d = burst[0]["details"]
    assert d["week"] == 8 and d["baseline"] == 2 and d["increase_percent"] == 300 and len(burst[0]["events"]) == 5
    assert "surge: 8 events in the week to 2024-06-30, +300%" in burst[0]["message"]
    assert ingest(db, batch(tmp_path / "more", "more", days_before(end, 1)), LineCoder()).alerts == []  # still
    assert ingest(db, tmp_path / "burst", LineCoder()).alerts == []  # a re-run adds nothing


def test_surge_needs_a_baseline_of_one_event_a_week():
    assert watches.is_surge([8, 2, 2, 2, 2], 100)
    assert not watches.is_surge([3, 2, 2, 2, 2], 100)
    assert not watches.is_surge([5, 1, 0, 0, 1], 100)  # baseline 0.5 a week: one event is no surge
    assert watches.is_surge([2, 1, 1, 1, 1], 100)


# telling: the ingest summary and the notify command -----------------------------------------------
def test_ingest_prints_alerts_and_runs_the_notify_command(tmp_path, coder, monkeypatch):
    import marsad.cli

    monkeypatch.setattr(marsad.cli, "_coder", lambda enabled: coder)
    db = str(tmp_path / "w.db")
    out = tmp_path / "notified.jsonl"
    CliRunner().invoke(cli, ["watch", "add", "syria", "--rule", "new", "--country", "Syria", "--db", db])
    script = f"import sys; open({str(out)!r}, 'a', encoding='utf-8').write(sys.stdin.read())"
    folder = write(tmp_path / "in", "qamishli.txt", QAMISHLI)
    r = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--notify-command",
                                 f"{sys.executable} -c {json.dumps(script)}"])
    assert r.exit_code == 0, r.output
    assert "alerts:             1" in r.output and "syria (new): 1 new event: Air/drone strike" in r.output
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(got) == 1 and got[0]["watch"] == "syria" and got[0]["rule"] == "new" and len(got[0]["events"]) == 1

    r = CliRunner().invoke(cli, ["alerts", "--db", db, "--watch", "syria"])
    assert r.exit_code == 0 and "#1 syria (new): 1 new event" in r.output
    r = CliRunner().invoke(cli, ["alerts", "--db", db, "--json", "--since", "2999-01-01"])
    assert r.exit_code == 0 and r.output == ""


def test_a_failing_notify_command_is_one_line_and_never_fails_the_ingest(tmp_path, coder, monkeypatch):
    import marsad.cli

    monkeypatch.setattr(marsad.cli, "_coder", lambda enabled: coder)
    db = str(tmp_path / "w.db")
    CliRunner().invoke(cli, ["watch", "add", "all", "--rule", "new", "--db", db])
    script = "import sys; sys.stdin.read(); print('mail server down', file=sys.stderr); sys.exit(3)"
    fail = f"{sys.executable} -c {json.dumps(script)}"
    r = CliRunner().invoke(cli, ["ingest", str(write(tmp_path / "a", "q.txt", QAMISHLI)), "--db", db,
                                 "--notify-command", fail])
    assert r.exit_code == 0
    assert "notify: notify command exited with status 3 on alert 1 (all): mail server down" in r.output
    r = CliRunner().invoke(cli, ["ingest", str(write(tmp_path / "b", "k.txt", MANBIJ)), "--db", db,
                                 "--notify-command", "/nonexistent/notifier --flag"])
    assert r.exit_code == 0 and "notify: notify command '/nonexistent/notifier' could not run" in r.output


def test_notify_times_out(tmp_path):
    slow = f"{sys.executable} -c \"import time; time.sleep(5)\""
    assert watches.notify(slow, [{"alert_id": 1, "watch": "w"}], timeout=0.5) == [
        "notify command timed out after 0.5 s on alert 1 (w)"]
    assert watches.notify("'unclosed", [{"alert_id": 1}])[0].startswith("--notify-command")


# HTTP: watches, alerts, feeds, the write guard -----------------------------------------------------
@pytest.fixture(scope="module")
def alerted(tmp_path_factory):
    """A database with two watches and alerts from a surge and new events."""
    folder = tmp_path_factory.mktemp("api")
    db = folder / "w.db"
    add(db, "homs-surge", "surge", EventFilter(admin1=("Homs",)))
    add(db, "homs-new", "new", EventFilter(admin1=("Homs",)))
    end = "2024-06-30"
    flat = days_before(end, *[7 * w + d for w in range(1, 7) for d in (1, 4)])  # two a week, weeks 1 to 6
    ingest(db, batch(folder / "flat", "flat", flat), LineCoder())
    ingest(db, batch(folder / "burst", "burst", days_before(end, 0, 1, 2, 3, 4)), LineCoder())
    return db


def test_api_lists_watches_and_alerts(alerted):
    c = TestClient(create_app(alerted), base_url=LOCAL)
    ws = c.get("/api/watches").json()["watches"]
    assert [(w["name"], w["rule"], w["alerts"]) for w in ws] == [("homs-surge", "surge", 1), ("homs-new", "new", 2)]
    assert ws[0]["filter"] == {"admin1": ["Homs"], "modality": ["occurred"]} and ws[0]["threshold"] == 100
    got = c.get("/api/alerts").json()["alerts"]
    assert [a["watch"] for a in got] == ["homs-new", "homs-surge", "homs-new"]
    assert [a["rule"] for a in c.get("/api/alerts", params={"watch": ws[0]["watch_id"]}).json()["alerts"]] == ["surge"]
    assert c.get("/api/alerts", params={"since": "2999-01-01"}).json()["alerts"] == []
    assert c.get(f"/api/watches/{ws[0]['watch_id']}").json()["watch"]["name"] == "homs-surge"
    for path, params, status in (("/api/alerts", {"since": "soon"}, 422), ("/api/alerts", {"watch": 99}, 404),
                                 ("/api/watches/99", {}, 404), ("/api/watches/99/feed", {}, 404),
                                 ("/api/watches/x/feed.json", {}, 422)):
        r = c.get(path, params=params)
        assert r.status_code == status and r.json()["error"]["status"] == status


def test_atom_feed_is_atom(alerted):
    c = TestClient(create_app(alerted), base_url=LOCAL)
    r = c.get("/api/watches/2/feed")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(r.content)
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{tag}") or "").strip(), tag
    assert feed.findtext(f"{ATOM}id").startswith("urn:uuid:") and feed.find(f"{ATOM}author/{ATOM}name") is not None
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://127.0.0.1/api/watches/2/feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for e in entries:
        for tag in ("id", "title", "updated", "content"):
            assert (e.findtext(f"{ATOM}{tag}") or "").strip(), tag
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", e.findtext(f"{ATOM}updated"))
        assert e.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://127.0.0.1/?admin1=Homs&modality=occurred"
        assert e.find(f"{ATOM}link[@rel='related']").get("href").startswith("http://127.0.0.1/api/events/")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 2
    assert entries[0].findtext(f"{ATOM}updated") >= entries[1].findtext(f"{ATOM}updated")  # newest first


def test_json_feed_is_a_json_feed(alerted):
    c = TestClient(create_app(alerted), base_url=LOCAL)
    r = c.get("/api/watches/1/feed.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/feed+json")
    feed = r.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] == "marsad watch: homs-surge"
    assert feed["feed_url"] == "http://127.0.0.1/api/watches/1/feed.json"
    [item] = feed["items"]
    assert item["id"].startswith("urn:uuid:") and "surge:" in item["content_text"] and item["date_published"]
    assert item["_marsad"]["details"]["week"] == 5 and len(item["_marsad"]["events"]) == 5


def test_api_writes_follow_the_write_guard(tmp_path, new_db):
    db = new_db("w.db")
    with open_store(db):
        pass
    body = {"name": "guarded", "rule": "count", "threshold": 2, "filter": {"country": ["Syria"]}}
    c = TestClient(create_app(db), base_url=LOCAL)
    r = c.post("/api/watches", json=body)
    assert r.status_code == 201, r.text
    made = r.json()["watch"]
    assert made["filter"] == {"country": ["Syria"], "modality": ["occurred"]} and made["days"] == 7
    assert c.post("/api/watches", json=body).status_code == 409
    assert c.post("/api/watches", json={**body, "name": "n2", "threshold": None}).status_code == 422
    assert c.post("/api/watches", json={**body, "name": "n3", "filter": {"colour": ["red"]}}).status_code == 422
    r = c.post("/api/watches", json={**body, "name": "n3", "filter": {"actor_group": ["Nobody"]}})
    assert r.status_code == 422 and "no group 'Nobody'" in r.json()["error"]["message"]
    r = c.post("/api/watches", json={"name": "group", "rule": "new-place", "filter": {"actor_group": ["Iran-aligned"],
                                                                                    "location": ["Al Mayadin"]}})
    assert r.status_code == 201 and "Liwa Fatemiyoun" in r.json()["watch"]["filter"]["actor"]
    assert c.delete(f"/api/watches/{r.json()['watch']['watch_id']}").status_code == 200
    assert c.post("/api/watches", json={**body, "name": "n4"}, headers={"origin": "http://evil.example"}
                  ).status_code == 403
    assert c.post("/api/watches", content=json.dumps(body), headers={"content-type": "text/plain"}).status_code == 415

    read_only = TestClient(create_app(db, read_only=True), base_url=LOCAL)
    assert read_only.post("/api/watches", json={**body, "name": "n5"}).status_code == 403
    assert read_only.delete(f"/api/watches/{made['watch_id']}").status_code == 403

    tokened = TestClient(create_app(db, write_token="s3cret"), base_url=LOCAL)
    assert tokened.post("/api/watches", json={**body, "name": "n6"}).status_code == 401
    assert tokened.delete(f"/api/watches/{made['watch_id']}").status_code == 401
    auth = {"authorization": "Bearer s3cret"}
    assert tokened.post("/api/watches", json={**body, "name": "n7"}, headers=auth).status_code == 201
    r = tokened.delete(f"/api/watches/{made['watch_id']}", headers=auth)  # no body, no content type: fine
    assert r.status_code == 200 and r.json()["deleted"]["name"] == "guarded"
    assert tokened.delete(f"/api/watches/{made['watch_id']}", headers=auth).status_code == 404
    assert [w["name"] for w in c.get("/api/watches").json()["watches"]] == ["n7"]


def test_a_look_leaves_its_millisecond_before_the_lock_goes(tmp_path, new_db):
    # A batch's last event and the look after it once shared a millisecond, and the next look
    # counted that event again (CI, 2026-12-07): the watermark is exclusive and the clock has
    # moved past it when the look commits.
    db = new_db("w.db")
    add(db, "homs", "new", EventFilter(admin1=("Homs",)))
    with open_store(db) as s:
        at = saved.now(s.db)
        saved.past(s.db, at)
        assert saved.now(s.db) > at

"""What a hostile user probed (issue 10): DNS rebinding, the changes feed before the year 1000,
oversized request lines, Swagger UI from a CDN, out-of-range geoparse spans. Each test is the
probe's reproduction; the comment on it says what the probe got before."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.cli import cli
from marsad.web import create_app

from .webdata import LOCAL, event_n, synthetic_db
from .webserver import ServeProcess

N = 12
EID = event_n(1, "a", "x s", "s").event_id
CORRECTION = {"author": "mallory", "changes": {"fatalities": 999}}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return synthetic_db(tmp_path_factory.mktemp("hardening") / "syn.db", N)


@pytest.fixture(scope="module")
def local(db):
    return TestClient(create_app(db), base_url=LOCAL)


@pytest.fixture(scope="module")
def served(db):
    """`marsad serve` itself, as the analyst starts it, plus one extra name."""
    server = ServeProcess(db, "--allowed-host", "analysis.example.org")
    yield server
    server.stop()


def assert_error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.x exchange over a plain socket: what any client, not just a polite one, gets."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def get(port: int, target: str, host: str, extra: str = "") -> tuple[int, dict[str, str], bytes]:
    return raw(port, f"GET {target} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n".encode())


# --- 1. DNS rebinding: only the names the server was started for are answered --------------------

def test_a_rebound_name_can_neither_read_nor_write(db, local):
    # Before: 200 for both; a page on evil.example, rebound to 127.0.0.1, read events and wrote a correction.
    evil = TestClient(create_app(db), base_url="http://evil.example:8000")
    assert_error(evil.get("/api/events"), 421, "unknown_host")
    assert_error(evil.get("/"), 421, "unknown_host")
    assert_error(evil.post(f"/api/events/{EID}/corrections", json=CORRECTION,
                           headers={"origin": "http://evil.example:8000"}), 421, "unknown_host")
    assert local.get(f"/api/events/{EID}").json()["event"]["fatalities"] != 999
    assert local.get("/api/corrections", params={"event_id": EID}).json()["corrections"] == []


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "LOCALHOST:8000", "127.0.0.1", "127.0.0.1:8000",
                                  "127.5.6.7:9000", "[::1]", "[::1]:8000"])
def test_loopback_names_are_answered(local, host):
    assert local.get("/api/config", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example:8000", "0.0.0.0:8000", "[::2]:8000", "10.0.0.5"])
def test_other_names_are_refused_on_reads(local, host):
    assert_error(local.get("/api/config", headers={"host": host}), 421, "unknown_host")


def test_an_allowed_host_is_answered_and_may_write(db):
    app = create_app(db, allowed_hosts=["Analysis.Example.org"])
    c = TestClient(app, base_url="http://analysis.example.org:8000")
    assert c.get("/api/config").status_code == 200
    eid = event_n(2, "a", "x s", "s").event_id
    r = c.post(f"/api/events/{eid}/review", json={"author": "a", "status": "confirmed"},
               headers={"origin": "http://analysis.example.org:8000"})
    assert r.status_code == 200, r.text
    # The Origin check still stands behind the Host check.
    assert_error(c.post(f"/api/events/{eid}/review", json={"author": "a", "status": "confirmed"},
                        headers={"origin": "http://evil.example"}), 403, "foreign_origin")
    assert_error(TestClient(app, base_url="http://evil.example").get("/api/config"), 421)


def test_marsad_serve_checks_the_host_on_a_real_socket(served):
    status, _, body = get(served.port, "/api/events", f"evil.example:{served.port}")
    assert status == 421 and json.loads(body)["error"]["code"] == "unknown_host"
    assert get(served.port, "/api/config", f"analysis.example.org:{served.port}")[0] == 200  # --allowed-host
    assert get(served.port, "/api/config", f"localhost:{served.port}")[0] == 200
    # HTTP/1.0 allows a request with no Host at all: refused too, in the one shape.
    status, _, body = raw(served.port, b"GET /api/config HTTP/1.0\r\n\r\n")
    assert status == 400 and json.loads(body)["error"]["code"] == "host_required"


def _serve_app(monkeypatch, db: Path, *args: str):
    """The app `marsad serve ARGS` would run, without running it."""
    import uvicorn

    started: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    r = CliRunner().invoke(cli, ["serve", "--db", str(db), *args])
    assert r.exit_code == 0, r.output
    return started, r


def test_a_specific_bind_address_is_answered_by_default(db, monkeypatch):
    started, _ = _serve_app(monkeypatch, db, "--host", "10.1.2.3")
    app = started["app"]
    assert TestClient(app, base_url="http://10.1.2.3:8000").get("/api/config").status_code == 200
    assert TestClient(app, base_url="http://evil.example:8000").get("/api/config").status_code == 421
    assert started["h11_max_incomplete_event_size"] >= 1024 * 1024 and started["http"] == "h11"


def test_serving_every_interface_says_which_names_are_answered(db, monkeypatch):
    started, r = _serve_app(monkeypatch, db, "--host", "0.0.0.0")
    assert "--allowed-host" in r.stderr
    assert TestClient(started["app"], base_url="http://0.0.0.0:8000").get("/api/config").status_code == 421
    started, r = _serve_app(monkeypatch, db, "--host", "0.0.0.0", "--allowed-host", "box.lan",
                            "--allowed-host", "192.168.1.20:8000")
    assert "--allowed-host" not in r.stderr
    for name in ("box.lan", "192.168.1.20"):
        assert TestClient(started["app"], base_url=f"http://{name}:8000").get("/api/config").status_code == 200


@pytest.mark.parametrize("bad", ["http://box.lan/", "*", "", "a b"])
def test_a_bad_allowed_host_is_a_usage_error(db, bad):
    r = CliRunner().invoke(cli, ["serve", "--db", str(db), "--allowed-host", bad])
    assert r.exit_code == 2 and "--allowed-host" in r.output and "Traceback" not in r.output


# --- 2. /api/changes?since= compares any ISO date or time ------------------------------------------

@pytest.mark.parametrize("since,stored", [
    ("0999-01-01", "0999-01-01T00:00:00.000Z"),  # before: '999-01-01…' sorted after 2024: no changes at all
    ("0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00.000Z"),  # before: a 422 (the UTC instant overflowed)
    ("1999-12-31T23:00:00-02:00", "2000-01-01T01:00:00.000Z"),
    ("20000101", "2000-01-01T00:00:00.000Z"),
])
def test_changes_since_any_iso_time_lists_every_later_change(local, since, stored):
    r = local.get("/api/changes", params={"since": since, "limit": 1000})
    assert r.status_code == 200, r.text
    assert r.json()["since"] == stored and len(r.json()["changes"]) == N


def test_changes_since_the_far_future_lists_nothing(local):
    for since in ("9999-12-31T23:59:59-01:00", "9999-12-31"):
        r = local.get("/api/changes", params={"since": since})
        assert r.status_code == 200 and r.json()["changes"] == []


@pytest.mark.parametrize("since", ["x", "yesterday", "2024-13-01", "2024-02-30", "2024-05-01T25:00", "0000-01-01",
                                   "2024-05-01T12:00:00+25:00"])
def test_a_malformed_since_is_a_422(local, since):
    e = assert_error(local.get("/api/changes", params={"since": since}), 422)
    assert "since" in e["message"]


# --- 3. Oversized request lines and headers get a status, not a reset -----------------------------

@pytest.mark.parametrize("size,status", [
    (20_000, 422),  # under the limit: the query's own check answers (as before)
    (200_000, 414),  # before: from about 128 KB on, the connection was reset with no status at all
    (900_000, 414),  # up to READ_LIMIT (1 MiB) of request head
])
def test_a_long_url_gets_a_status_in_the_error_shape(served, size, status):
    code, headers, body = get(served.port, "/api/events?q=" + "x" * size, f"127.0.0.1:{served.port}")
    assert code == status and headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["status"] == status


def test_huge_headers_get_a_431(served):
    code, _, body = get(served.port, "/api/config", f"127.0.0.1:{served.port}", "X-Padding: " + "y" * 100_000 + "\r\n")
    assert code == 431 and json.loads(body)["error"]["code"] == "headers_too_large"


def test_a_url_under_the_limit_is_served(served):
    # The page: an API endpoint refuses (400) a parameter it does not take (issue 13).
    code, _, body = get(served.port, "/?" + "pad=1&" * 5000, f"127.0.0.1:{served.port}")
    assert code == 200 and b"<html" in body


# --- 4. /api/docs works offline, under the page's CSP ---------------------------------------------

def test_api_docs_load_nothing_from_another_host(local):
    r = local.get("/api/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == local.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in r.headers["content-security-policy"]
    urls = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert urls and all(u.startswith(("/vendor/", "/static/")) for u in urls), urls
    assert "<script>" not in r.text  # no inline script: the CSP would block it
    assert local.get("/api/openapi.json").json()["info"]["title"] == "marsad"


def test_api_docs_assets_are_served(local):
    from marsad.web.assets import node_modules

    if node_modules() is None:
        pytest.skip("front-end libraries are not installed (npm ci)")
    for url in re.findall(r'(?:src|href)="([^"]+)"', local.get("/api/docs").text):
        r = local.get(url)
        assert r.status_code == 200 and len(r.content) > 100, url
    assert "/api/openapi.json" in local.get("/static/docs.js").text


# --- 5. marsad geoparse rejects spans outside the text --------------------------------------------

def test_geoparse_rejects_spans_outside_the_text(gaz_path):
    text = "Shelling hit Aleppo."
    lines = [{"id": "far", "text": text, "spans": [[0, 99999]]},  # before: echoed as a toponym, exit 0
             {"id": "backwards", "text": text, "spans": [[13, 19], [3, 1]]},  # before: echoed, text ""
             {"id": "negative", "text": text, "spans": [[-1, 5]]},
             {"id": "empty", "text": text, "spans": [[13, 13]]},
             {"id": "boolean", "text": text, "spans": [[True, 5]]},
             {"id": "ok", "text": text, "spans": [[13, 19]]}]
    stdin = "".join(json.dumps(d) + "\n" for d in lines)
    r = CliRunner().invoke(cli, ["geoparse", "-", "--gazetteer", str(gaz_path)], input=stdin)
    assert r.exit_code == 1
    out = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ok"] and [t["text"] for t in out[0]["toponyms"]] == ["Aleppo"]
    for n, span in ((1, "[0, 99999]"), (2, "[3, 1]"), (3, "[-1, 5]"), (4, "[13, 13]")):
        assert f"line {n}: span {span} is not within the text" in r.stderr
        assert "0 <= start < end <= 20" in r.stderr
    assert 'line 5: "spans" must be a list of [start, end] integer pairs' in r.stderr

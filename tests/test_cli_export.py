"""The command line and the export formats (golden headers, GeoJSON shape, error text)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.export import acled, columns, write

from .conftest import SEEDS

EVENT = {"event_id": "e1", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "event_date": "2024-03-04", "time_precision": 1, "actor1": "Military Forces of Israel (2022-)",
         "assoc_actor_1": [], "inter1": "State forces", "actor2": "Civilians (Lebanon)", "assoc_actor_2": [],
         "inter2": "Civilians", "country": "Lebanon", "admin1": "Nabatieh", "admin2": None, "location": "Nabatieh",
         "latitude": 33.38, "longitude": 35.48, "geo_precision": 1, "geonameid": 268743, "fatalities": 2,
         "sources": ["Reuters"], "article_ids": ["a1"],
         "evidence": [{"article_id": "a1", "start": 0, "end": 5, "text": "Smoke"}], "modality": "occurred",
         "notes": ""}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    r = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(path), "--no-events"])
    assert r.exit_code == 0, r.output
    return path


def test_every_command_has_help():
    runner = CliRunner()
    for cmd in ([], ["ingest"], ["export"], ["extract"]):
        r = runner.invoke(cli, [*cmd, "--help"])
        assert r.exit_code == 0 and "Usage:" in r.output


def test_ingest_prints_a_summary_and_flags_rejections(tmp_path):
    (tmp_path / "ok.txt").write_text("Clashes Near Saraqib\n\nFighters of two factions clashed near the town of "
                                     "Saraqib on Monday, local sources said, and at least four were killed.")
    (tmp_path / "empty.txt").write_text("")
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--no-events"])
    assert r.exit_code == 3
    assert "articles stored:    1" in r.output
    assert f"{tmp_path / 'empty.txt'}: empty document [ingest]" in r.output


def test_export_articles_jsonl_has_the_contract_fields(db):
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", "articles", "--format", "jsonl"])
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert len(rows) == 3
    assert set(columns.ARTICLE) <= set(rows[0])


def test_export_articles_csv_header_is_exact(db, tmp_path):
    out = tmp_path / "a.csv"
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", "articles", "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0
    rows = list(csv.reader(out.open()))
    assert rows[0] == ["article_id", "origin", "title", "published", "outlet", "language", "text"]
    assert len(rows) == 4


def test_export_without_database_says_what_to_do(tmp_path):
    r = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1
    assert f"no database at {tmp_path / 'none.db'}; create one with: marsad ingest PATH" in r.output


def test_acled_format_for_articles_is_refused(db):
    r = CliRunner().invoke(cli, ["export", "--db", str(db), "--what", "articles", "--format", "acled"])
    assert r.exit_code == 1 and "the acled format holds events; use --what events" in r.output


def test_acled_header_and_row():
    out = io.StringIO()
    write([EVENT], out, what="events", fmt="acled")
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == acled.COLUMNS and rows[0][:3] == ["event_id_cnty", "event_date", "year"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["disorder_type"] == "Political violence" and row["civilian_targeting"] == "Civilian targeting"
    assert row["year"] == "2024" and row["source"] == "Reuters" and row["fatalities"] == "2"


def test_geojson_is_a_feature_collection_of_located_events():
    out = io.StringIO()
    n = write([EVENT, {**EVENT, "event_id": "e2", "latitude": None, "longitude": None}], out,
              what="events", fmt="geojson")
    doc = json.loads(out.getvalue())
    assert n.rows == 1 and n.left_out_without_coordinates == 1 and doc["type"] == "FeatureCollection"
    assert doc["marsad"] == {"left_out_without_coordinates": 1}
    [f] = doc["features"]
    assert f["geometry"] == {"type": "Point", "coordinates": [35.48, 33.38]} and f["properties"]["event_id"] == "e1"


def test_empty_event_exports_are_valid(db):
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--db", str(db), "--what", "events", "--format", "geojson"])
    assert json.loads(r.stdout) == {"type": "FeatureCollection", "features": [],
                                    "marsad": {"left_out_without_coordinates": 0}}
    assert r.stderr == ""  # nothing was left out, so nothing to say
    r = runner.invoke(cli, ["export", "--db", str(db), "--what", "claims", "--format", "csv"])
    assert r.output.splitlines() == [",".join(columns.CLAIM)]
    out = db.parent / "none.parquet"
    r = runner.invoke(cli, ["export", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert r.exit_code == 0 and "0 events written to" in r.stderr
    assert pq.read_table(out).num_rows == 0 and "event_date" in pq.read_schema(out).names


def test_extract_prints_events_as_json_lines(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Turkish Drone Strike Near Qamishli\n\nMonday, 03/04/2024\n\nA Turkish drone struck a car near "
                      "Qamishli on Sunday, killing two SDF fighters, the Syrian Observatory for Human Rights said.\n")
    r = CliRunner().invoke(cli, ["extract", str(report)])
    assert r.exit_code == 0, r.output
    [event] = [json.loads(line) for line in r.output.splitlines()]
    assert event["sub_event_type"] == "Air/drone strike" and event["event_date"] == "2024-03-03"
    assert event["actor1"].startswith("Military Forces of Turkey") and event["fatalities"] == 2
    assert event["admin1"] == "Al Hasakah" and event["sources"] == ["Syrian Observatory for Human Rights"]


def test_extract_rejects_bad_input_with_the_reason(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    r = CliRunner().invoke(cli, ["extract", str(bad)])
    assert r.exit_code == 1 and f"{bad}: empty document" in r.output

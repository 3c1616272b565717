"""ACLED-complete exports: ACLED's columns and values, notes that say why a field is empty,
GeoJSON that counts what it left out, and Parquet that holds what JSON Lines holds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from click.testing import CliRunner

from marsad import cli as cli_module
from marsad.cli import cli
from marsad.errors import InvalidInput
from marsad.export import acled, notes, parquet, write, write_binary

from .conftest import ROOT
from .test_cli_export import EVENT as CLI_EVENT
from .webdata import demo_db

# ACLED's columns in ACLED's order, as its codebook lists them (written out here on purpose:
# a change to acled.COLUMNS must show up as a failing test).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
INTER = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
         "Civilians", "External/Other forces"]
SCALES = {"Subnational", "National", "Regional", "International", "New media"}

EVENT = {**CLI_EVENT, "notes": "A drone hit a car."}


def acled_rows(events):
    out = io.StringIO()
    write(events, out, what="events", fmt="acled")
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("acled") / "demo.db")


def export(db, *args):
    r = CliRunner().invoke(cli, ["export", "--db", str(db), *args])
    assert r.exit_code == 0, r.output
    return r


# -- ACLED's columns, filled for every row of the demo corpus -----------------------------------
def test_the_demo_exports_acleds_columns_with_iso_and_region_on_every_row(demo):
    text = export(demo, "--format", "acled", "--modality", "all").stdout
    header, *body = list(csv.reader(io.StringIO(text)))
    assert header == ACLED_COLUMNS == acled.COLUMNS
    rows = [dict(zip(header, r, strict=True)) for r in body]
    events = [json.loads(x) for x in export(demo, "--modality", "all").stdout.splitlines()]
    assert len(rows) == len(events) >= 85
    assert all(r["iso"].isdigit() and r["region"] for r in rows), [r for r in rows if not r["region"]][:1]
    by_country = {r["country"]: (r["iso"], r["region"]) for r in rows}
    assert by_country["Syria"] == ("760", "Middle East") and by_country["Iraq"] == ("368", "Middle East")
    assert by_country["Palestinian Territory"] == ("275", "Middle East")
    pairs = {f"{a}-{b}" for a in INTER for b in INTER} | {f"{a} only" for a in INTER} | {""}
    assert {r["interaction"] for r in rows} <= pairs and "State forces-Civilians" in {r["interaction"] for r in rows}
    assert all(r["inter1"] in [*INTER, ""] and r["inter2"] in [*INTER, ""] for r in rows)
    assert {r["source_scale"] for r in rows} - {""} <= {f"{a}-{b}" for a in SCALES for b in SCALES} | SCALES
    assert "National" in {r["source_scale"] for r in rows}  # SOHR, SANA, the Israel Defense Forces …
    assert not any(r["tags"] for r in rows)  # the modality is no longer there
    undated = [r for r in rows if not r["event_date"]]
    assert undated and all(r["notes"].endswith(notes.UNDATED) or notes.UNDATED + " [modality" in r["notes"]
                           for r in undated)
    assert not any(notes.UNDATED in r["notes"] for r in rows if r["event_date"])


def test_every_country_of_the_gazetteer_has_an_iso_code_and_a_region():
    data = yaml.safe_load((ROOT / "src/marsad/data/acled_countries.yaml").read_text(encoding="utf-8"))
    countries = data["countries"]
    regions = {c["region"] for c in countries.values()} - {None}
    assert regions == {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
                       "South Asia", "Southeast Asia", "East Asia", "Middle East", "Europe",
                       "Caucasus and Central Asia", "Central America", "South America", "Caribbean",
                       "North America", "Oceania", "Antarctica"}
    assert len({c["code"] for c in countries.values()}) == len(countries)
    assert acled.country_facts("Ethiopia")["iso"] == 231  # the codebook's own example
    assert acled.country_facts("Palestine") == acled.country_facts("Palestinian Territory")
    assert acled.country_facts("Atlantis") == {} and acled.country_facts(None) == {}


def test_an_unknown_country_leaves_iso_and_region_empty_not_guessed():
    [row] = acled_rows([{**EVENT, "country": "Atlantis"}])
    assert row["iso"] == "" and row["region"] == "" and row["country"] == "Atlantis"


# -- interaction ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("inter1", "inter2", "actor2", "want"), [
    ("State forces", "Civilians", "Civilians (Syria)", "State forces-Civilians"),
    ("Rebel group", "State forces", "Military Forces of Syria", "State forces-Rebel group"),  # ACLED's order
    ("Civilians", "External/Other forces", "x", "External/Other forces-Civilians"),  # civilians come last
    ("Rioters", "Protesters", "x", "Rioters-Protesters"),
    ("Political militia", "Political militia", "x", "Political militia-Political militia"),
    ("Rebel group", None, None, "Rebel group only"),
    ("Rebel group", None, "Someone", ""),  # a second actor of unknown type: no guess
    (None, None, None, ""),
    ("Insurgents", None, None, ""),  # not an ACLED type
])
def test_interaction_is_in_acleds_current_form(inter1, inter2, actor2, want):
    assert acled.interaction(inter1, inter2, actor2=actor2) == want
    [row] = acled_rows([{**EVENT, "inter1": inter1, "inter2": inter2, "actor2": actor2}])
    assert row["interaction"] == want


# -- source_scale --------------------------------------------------------------------------------
@pytest.mark.parametrize(("sources", "want"), [
    (["Reuters"], "International"),
    (["SOHR"], "National"),  # an alias counts as its source
    (["Syrian Observatory for Human Rights", "AFP"], "National-International"),
    (["Rudaw", "SANA"], "Subnational-National"),
    (["Liveuamap", "Rudaw"], "New media-Subnational"),
    (["Al Arabiya", "Hawar News Agency"], "Subnational-Regional"),
    (["Hawar News Agency", "SANA", "Al Arabiya", "OCHA"], "Subnational-International"),  # closest and widest
    (["Local sources", "Witnesses"], ""),  # unnamed: no scale
    (["Suwayda 24 (a name marsad does not know)"], ""),
    (["Witnesses", "Enab Baladi"], "National"),
    ([], ""),
])
def test_source_scale_comes_from_the_events_sources(sources, want):
    [row] = acled_rows([{**EVENT, "sources": sources}])
    assert row["source_scale"] == want and row["source"] == "; ".join(sources)


def test_every_named_source_of_the_knowledge_base_has_a_scale():
    from marsad.sources import SourceKB

    for name, s in SourceKB.load().sources.items():
        scale = acled.scale_of(name)
        assert (scale is None) == (s.type in ("unnamed", "activists")), (name, s.type, scale)
        assert scale is None or scale in SCALES


# -- notes and tags ------------------------------------------------------------------------------
def test_an_undated_event_says_why_in_acled_and_csv():
    undated = {**EVENT, "event_date": None, "time_precision": None}
    [row] = acled_rows([undated])
    assert row["event_date"] == "" and row["year"] == ""
    assert row["notes"] == f"A drone hit a car. {notes.UNDATED}"
    out = io.StringIO()
    write([undated, EVENT], out, what="events", fmt="csv")
    first, second = csv.DictReader(io.StringIO(out.getvalue()))
    assert first["notes"] == f"A drone hit a car. {notes.UNDATED}" and second["notes"] == "A drone hit a car."


def test_a_non_occurred_modality_goes_to_notes_not_tags():
    [denied, occurred] = acled_rows([{**EVENT, "modality": "denied"}, EVENT])
    assert denied["tags"] == "" and denied["notes"].endswith("[modality: reported as denied, not as having occurred]")
    assert occurred["tags"] == "" and occurred["notes"] == "A drone hit a car."
    assert list(denied) == ACLED_COLUMNS  # no extra column: the file stacks with ACLED's own


def test_disorder_type_follows_the_sub_event_type():
    rows = acled_rows([{**EVENT, "event_type": "Protests", "sub_event_type": s}
                       for s in ("Peaceful protest", "Excessive force against protesters")])
    assert [r["disorder_type"] for r in rows] == ["Demonstrations", "Political violence; Demonstrations"]


# -- GeoJSON -------------------------------------------------------------------------------------
def test_geojson_counts_and_the_cli_reports_what_it_left_out(demo):
    claims = [json.loads(x) for x in export(demo, "--what", "claims").stdout.splitlines()]
    placeless = sum(c["latitude"] is None for c in claims)
    assert 0 < placeless < len(claims)
    r = export(demo, "--what", "claims", "--format", "geojson")
    doc = json.loads(r.stdout)
    assert len(doc["features"]) == len(claims) - placeless
    assert doc["marsad"] == {"left_out_without_coordinates": placeless}
    assert r.stderr.strip() == (f"{placeless} claims without coordinates left out of the GeoJSON"
                                ' (counted in its "marsad" member)')


# -- Parquet -------------------------------------------------------------------------------------
def test_parquet_round_trips_what_json_lines_holds(demo, tmp_path):
    for what in ("events", "claims", "articles"):
        out = tmp_path / f"{what}.parquet"
        r = export(demo, "--what", what, "--format", "parquet", "--modality", "all", "-o", str(out))
        lines = [json.loads(x) for x in export(demo, "--what", what, "--modality", "all").stdout.splitlines()]
        table = pq.read_table(out)
        assert table.num_rows == len(lines) > 0 and f"{len(lines)} {what} written to {out}" in r.stderr
        assert set(lines[0]) <= set(table.column_names), set(lines[0]) - set(table.column_names)
        rows = table.to_pylist()
        key = {"events": "event_id", "claims": "claim_id", "articles": "article_id"}[what]
        assert [x[key] for x in rows] == [x[key] for x in lines]
        if what == "events":
            assert table.schema.field("event_date").type == pa.date32()
            assert table.schema.field("assoc_actor_1").type == pa.list_(pa.string())
            for got, want in zip(rows, lines, strict=True):
                assert (got["event_date"].isoformat() if got["event_date"] else None) == want["event_date"]
                assert got["sources"] == want["sources"] and got["fatalities"] == want["fatalities"]
                assert got["evidence"] == want["evidence"] and got["latitude"] == want["latitude"]
                assert got["corroboration"] == want["corroboration"]
        if what == "claims":
            assert table.schema.field("date").type == pa.date32()
            assert [x["quantity"] for x in rows] == [float(x["quantity"]) for x in lines]
        if what == "articles":
            assert [x["captions"] for x in rows] == [x["captions"] for x in lines]


def test_parquet_carries_an_analysts_review(tmp_path):
    reviewed = {**EVENT, "review": {"status": "confirmed", "reviewed_by": "ana", "reviewed_at": "2024-03-05",
                                    "corrections": [{"field": "fatalities", "value": 2, "machine_value": 3}]}}
    buf = io.BytesIO()
    done = write_binary([reviewed, EVENT], buf, what="events", fmt="parquet")
    first, second = pq.read_table(io.BytesIO(buf.getvalue())).to_pylist()
    assert done.rows == 2 and first["review"]["status"] == "confirmed" and second["review"] is None
    assert json.loads(first["review"]["corrections"])[0]["machine_value"] == 3
    assert first["event_date"] == dt.date(2024, 3, 4)


def test_parquet_streams_in_row_groups(monkeypatch):
    monkeypatch.setattr(parquet, "BATCH", 2)
    buf = io.BytesIO()
    write_binary(({**EVENT, "event_id": f"e{i}"} for i in range(5)), buf, what="events", fmt="parquet")
    f = pq.ParquetFile(io.BytesIO(buf.getvalue()))
    assert f.metadata.num_rows == 5 and f.metadata.num_row_groups == 3


def test_parquet_refuses_a_terminal_and_writes_to_a_pipe(demo, monkeypatch):
    r = CliRunner().invoke(cli, ["export", "--db", str(demo), "--format", "parquet"])
    assert r.exit_code == 0 and r.stdout_bytes[:4] == b"PAR1"  # CliRunner's stdout is a pipe
    monkeypatch.setattr(cli_module, "_stdout_is_terminal", lambda: True)
    r = CliRunner().invoke(cli, ["export", "--db", str(demo), "--what", "claims", "--format", "parquet"])
    assert r.exit_code == 1 and r.stdout_bytes == b""
    assert "parquet is a binary format; write it to a file with -o FILE (e.g. -o claims.parquet)" in r.stderr


def test_parquet_names_a_record_whose_date_is_not_a_date():
    with pytest.raises(InvalidInput, match=r"event_date '4 March' is not a date \(YYYY-MM-DD\)"):
        write_binary([{**EVENT, "event_date": "4 March"}], io.BytesIO(), what="events", fmt="parquet")


def test_binary_and_text_formats_are_not_mixed_up():
    with pytest.raises(InvalidInput, match="parquet is a binary format"):
        write([EVENT], io.StringIO(), what="events", fmt="parquet")
    with pytest.raises(InvalidInput, match="acled is a text format"):
        write_binary([EVENT], io.BytesIO(), what="events", fmt="acled")
    with pytest.raises(InvalidInput, match="the acled format holds events"):
        write_binary([EVENT], io.BytesIO(), what="claims", fmt="acled")

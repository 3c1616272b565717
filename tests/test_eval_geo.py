"""eval/geo.py: the GeoVirus loader's 1-based offsets, the fixed tune/check split, and
the floor gate. Tiny XML written here, not the real corpora."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"
# eval/geo.py imports its sibling `harness`, as when run as a script; appended, so eval/'s
# modules shadow nothing else the suite imports.
if str(EVAL) not in sys.path:
    sys.path.append(str(EVAL))
_spec = importlib.util.spec_from_file_location("eval_geo", EVAL / "geo.py")
assert _spec is not None and _spec.loader is not None
geo = importlib.util.module_from_spec(_spec)
sys.modules["eval_geo"] = geo  # its dataclasses look their module up by name
_spec.loader.exec_module(geo)

# One article, one location. "Lyon" starts at 0-based 10, so GeoVirus writes start=11, end=15:
# text[10:14] is "Lyon", text[11:15] is "yon " — reading the offsets as 0-based misses it.
GEOVIRUS_XML = """<articles>
  <article>
    <source>https://example.org/a</source>
    <text>Flu hits  Lyon again.</text>
    <locations>
      <location>
        <name>Lyon</name>
        <start>11</start>
        <end>15</end>
        <lat>45.76</lat>
        <lon>4.84</lon>
        <page>https://example.org/wiki/Lyon</page>
      </location>
    </locations>
  </article>
  <article>
    <text>No places here.</text>
    <locations/>
  </article>
</articles>
"""


@pytest.fixture
def geovirus_file(tmp_path: Path) -> Path:
    path = tmp_path / "GeoVirus.xml"
    path.write_text(GEOVIRUS_XML, encoding="utf-8")
    return path


def test_geovirus_loader_shifts_offsets_by_one(geovirus_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Flu hits  Lyon again."
    assert text[11 - 1 : 15 - 1] == "Lyon" and text[11:15] != "Lyon"  # the snippet is 1-based
    # Without the safety net the shift alone must land on the name: _align would otherwise
    # find "Lyon" one character away and hide a loader that forgot to subtract 1.
    monkeypatch.setattr(geo, "_align", lambda text, start, end, phrase: (start, end))
    docs = geo.load_geovirus(geovirus_file)
    assert [d.key for d in docs] == ["geovirus:0", "geovirus:1"]
    (gold,) = docs[0].gold
    assert docs[0].text[gold.start : gold.end] == "Lyon"
    assert docs[0].detect_gold == [(gold.start, gold.end)]
    assert (gold.geonameid, gold.lat, gold.lon) == (None, 45.76, 4.84)
    assert docs[1].gold == [] and docs[1].detect_gold == []


def test_geovirus_loader_with_align(geovirus_file: Path) -> None:
    docs = geo.load_geovirus(geovirus_file)
    (gold,) = docs[0].gold
    assert (gold.start, gold.end) == (10, 14)


def test_split_is_fixed_and_uses_both_parts() -> None:
    keys = [f"trnews:{i}" for i in range(40)]
    first = [geo.doc_part("trnews", k) for k in keys]
    assert first == [geo.doc_part("trnews", k) for k in keys]  # same rule, same answer
    assert set(first) == {"tune", "check"}
    # A handful in each part, not a lopsided split.
    assert 8 <= first.count("tune") <= 32


def test_geovirus_is_check_only() -> None:
    keys = [f"geovirus:{i}" for i in range(40)]
    assert {geo.doc_part("geovirus", k) for k in keys} == {"check"}
    docs = [geo.Doc("", k) for k in keys]
    assert geo.select("geovirus", docs, "tune") == []
    assert len(geo.select("geovirus", docs, "check")) == 40


def test_select_parts_partition_a_split_set() -> None:
    docs = [geo.Doc("", f"geowebnews:{i}") for i in range(40)]
    tune, check = geo.select("geowebnews", docs, "tune"), geo.select("geowebnews", docs, "check")
    assert tune and check
    assert sorted(d.key for d in tune + check) == sorted(d.key for d in docs)
    assert len(geo.select("geowebnews", docs, "all")) == 40


def test_floor_gate_fails_a_check_score_under_its_floor(capsys: pytest.CaptureFixture[str]) -> None:
    floors = {"geo.trnews.exact": 0.9, "geo.geovirus.f1": 0.8}
    assert geo.floor_exit({"geo.trnews.exact": 0.85, "geo.geovirus.f1": 0.95}, floors, "check") == 1
    assert "BELOW FLOOR geo.trnews.exact" in capsys.readouterr().out
    assert geo.floor_exit({"geo.trnews.exact": 0.95, "geo.geovirus.f1": 0.95}, floors, "check") == 0


def test_floor_gate_skips_parts_other_than_check(capsys: pytest.CaptureFixture[str]) -> None:
    floors = {"geo.trnews.exact": 0.9}
    for which in ("tune", "all"):
        assert geo.floor_exit({"geo.trnews.exact": 0.1}, floors, which) == 0
        assert "gated on the check part only" in capsys.readouterr().out


def test_outbreaks_loader_finds_each_occurrence_and_names_countries(tmp_path: Path) -> None:
    # Written for this test: "Niger" inside "Nigeria" is occurrence 1; the country itself is 2.
    import json

    story = {"id": "x1", "title": "t", "published": "2010-01-01",
             "text": "Nigeria and Niger reported cases in Kano.",
             "toponyms": [{"text": "Nigeria", "occurrence": 1, "lat": 9.1, "lon": 8.7, "page": "Nigeria",
                           "kind": "country"},
                          {"text": "Niger", "occurrence": 2, "lat": 17.6, "lon": 8.1, "page": "Niger",
                           "kind": "country"},
                          {"text": "Kano", "occurrence": 1, "lat": 12.0, "lon": 8.5, "page": "Kano",
                           "kind": "city"}]}
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(story) + "\n", encoding="utf-8")
    [doc] = geo.load_outbreaks(path)
    assert doc.key == "outbreaks:x1"
    assert [doc.text[g.start:g.end] for g in doc.gold] == ["Nigeria", "Niger", "Kano"]
    assert doc.gold[1].start == doc.text.index("Niger ")
    # A country is right when resolved to itself, however its point is drawn; a city by distance.
    assert doc.gold[0].same_as == 2328926 and doc.gold[2].same_as is None
    story["toponyms"][2]["occurrence"] = 2
    path.write_text(json.dumps(story) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not occur"):
        geo.load_outbreaks(path)

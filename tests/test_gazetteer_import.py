"""`marsad gazetteer import`: a small GeoNames dump, written here in GeoNames' own formats,
goes into a copy of the built gazetteer; its villages and neighbourhoods then resolve.

The rows are made up for these tests (ids from 990000001 up, so they meet no real one),
but shaped like GeoNames' files: 19 tab-separated columns for places, 10 for
alternateNamesV2, 4 for the admin code files, 3 for hierarchy.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.places import Gazetteer, PlaceResolver
from marsad.places.dump import import_dump

JURA, CAMP, AIRSTRIP, HAMLET, OLD = 990000001, 990000002, 990000003, 990000004, 990000005


def _row(gid: int, name: str, alts: str, lat: float, lon: float, fclass: str, fcode: str,
         a1: str, a2: str = "", pop: int = 0, modified: str = "2026-03-01") -> str:
    ascii_name = name.replace("ū", "u").replace("ā", "a").replace("ʿ", "")
    cols = [str(gid), name, ascii_name, alts, f"{lat}", f"{lon}", fclass, fcode, "SY", "", a1, a2, "", "",
            str(pop), "", "200", "Asia/Damascus", modified]
    return "\t".join(cols)


ROWS = [
    _row(JURA, "Al Jūrah", "Al Jurah,Jorah,حي الجورة", 35.3424, 40.1302, "P", "PPLX", "07", "", 0, "2026-04-02"),
    _row(CAMP, "Mukhayyam al Hawl", "Al-Hol camp", 36.376, 41.152, "S", "CMP", "05"),
    _row(AIRSTRIP, "Matār Dayr az Zawr", "Deir ez-Zor Airport", 35.285, 40.176, "S", "AIRP", "07"),
    _row(HAMLET, "Khirbat Qasrūn", "", 35.10, 40.40, "P", "PPL", "07", "", 120),
    _row(OLD, "Qaryat Atīqah", "", 35.0, 40.0, "P", "PPLQ", "07"),  # abandoned: left out
]
ALTERNATES = [
    "\t".join(["1", str(JURA), "en", "Al-Joura", "", "", "", "", "", ""]),
    "\t".join(["2", str(JURA), "link", "https://example.org/Al_Jurah", "", "", "", "", "", ""]),
    "\t".join(["3", str(CAMP), "en", "Al-Hawl Camp", "1", "", "", "", "", ""]),
    "\t".join(["4", str(HAMLET), "en", "Qasrun Ruins", "", "", "", "1", "", ""]),  # historic
    "\t".join(["5", "123", "en", "Nowhere", "", "", "", "", "", ""]),  # a place not imported
]


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = Path(tmp_path_factory.mktemp("dump"))
    with zipfile.ZipFile(d / "SY.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("SY.txt", "\n".join(ROWS) + "\n")
        z.writestr("readme.txt", "made up for marsad's tests\n")
    with zipfile.ZipFile(d / "alternateNamesV2.zip", "w") as z:
        z.writestr("alternateNamesV2.txt", "\n".join(ALTERNATES) + "\n")
        z.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    (d / "admin1CodesASCII.txt").write_text(
        "SY.07\tDayr az Zawr\tDayr az Zawr\t170792\nZZ.01\tTestland\tTestland\t990000090\n"
    )
    (d / "admin2Codes.txt").write_text("ZZ.01.001\tTest District\tTest District\t990000091\n")
    with zipfile.ZipFile(d / "hierarchy.zip", "w") as z:
        z.writestr("hierarchy.txt", f"170792\t{JURA}\tADM\n170792\t{HAMLET}\tADM\n")
    return d


@pytest.fixture(scope="module")
def gaz_copy(tmp_path_factory: pytest.TempPathFactory, gaz_path: Path) -> Path:
    target = Path(tmp_path_factory.mktemp("gaz")) / "gazetteer.sqlite"
    shutil.copy(gaz_path, target)
    return target


@pytest.fixture(scope="module")
def imported(dump: Path, gaz_copy: Path) -> Path:
    rep = import_dump(gaz_copy, [dump], progress=False)
    assert rep.places == 4  # the abandoned village is left out
    assert rep.dump_date == "2026-04-02"
    assert rep.admin1 == 1 and rep.admin2 == 1  # SY.07 was known: its ACLED spelling stays
    assert rep.hierarchy == 2
    return gaz_copy


def test_imported_places_and_names(imported: Path) -> None:
    gaz = Gazetteer.open(imported)
    jura = gaz.get(JURA)
    assert jura is not None and jura.feature_code == "PPLX" and jura.admin1 == "Deir ez-Zor"
    assert JURA in {c.geonameid for c in gaz.candidates("Al-Joura")}  # from alternateNamesV2
    assert JURA in {c.geonameid for c in gaz.candidates("Jorah")}  # from the place row
    assert CAMP in {c.geonameid for c in gaz.candidates("Al-Hawl Camp")}
    assert not gaz.candidates("Qasrun Ruins")  # historic names are left out
    assert gaz.get(OLD) is None and gaz.get(123) is None
    assert gaz.admin1_names[("SY", "07")] == "Deir ez-Zor"
    assert gaz.meta()["dump_date"] == "2026-04-02"
    assert gaz.counts()["hierarchy"] == 2
    gaz.close()


def test_reimport_adds_nothing(dump: Path, imported: Path) -> None:
    db = sqlite3.connect(imported)
    before = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("places", "names", "hierarchy")]
    db.close()
    rep = import_dump(imported, [dump], progress=False)
    assert (rep.places, rep.names, rep.admin1, rep.admin2, rep.hierarchy) == (0, 0, 0, 0, 0)
    db = sqlite3.connect(imported)
    after = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("places", "names", "hierarchy")]
    db.close()
    assert before == after


def test_al_joura_is_a_deir_ez_zor_neighbourhood_with_a_dump(imported: Path) -> None:
    resolver = PlaceResolver(Gazetteer.open(imported))
    text = (
        "Regime shelling hit the Al-Joura neighbourhood of Deir ez-Zor city on Sunday, killing two "
        "civilians, local sources in Deir ez-Zor told the monitor."
    )
    i = text.index("Al-Joura")
    j = text.index("Deir ez-Zor")
    joura, deir = resolver.resolve_all(text, [(i, i + 8), (j, j + 11)])
    assert deir.geonameid == 170794
    assert joura.geonameid == JURA and joura.country_code == "SY" and joura.admin1 == "Deir ez-Zor"


def test_cli_import_and_info(dump: Path, imported: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["gazetteer", "import", str(dump / "SY.zip"), "--path", str(imported), "--quiet"])
    assert r.exit_code == 0, r.output
    assert "Added 0 places" in r.output and "2026-04-02" in r.output
    r = runner.invoke(cli, ["gazetteer", "info", "--path", str(imported)])
    assert r.exit_code == 0 and "GeoNames of 2026-04-02" in r.output
    airfields = next(line for line in r.output.splitlines() if line.startswith("airfields:"))
    assert int(airfields.split()[1].replace(",", "")) > 5000  # airportsdata's fields are in


def test_cli_import_says_what_it_expects(tmp_path: Path, gaz_copy: Path) -> None:
    junk = tmp_path / "notes.csv"
    junk.write_text("x")
    r = CliRunner().invoke(cli, ["gazetteer", "import", str(junk), "--path", str(gaz_copy)])
    assert r.exit_code != 0 and "not a GeoNames file" in r.output
    r = CliRunner().invoke(cli, ["gazetteer", "import", str(junk), "--path", str(tmp_path / "none.sqlite")])
    assert r.exit_code != 0 and "marsad gazetteer build" in r.output


def test_a_dump_s_latin_only_hamlet_is_found_by_its_arabic_consonants(imported: Path) -> None:
    # The import indexes the new Latin names by their consonants; a ة before the name's next
    # word is read t, as transliterations write it ("خربة قصرون" is Khirbat Qasrūn).
    db = sqlite3.connect(imported)
    assert db.execute("SELECT count(*) FROM consonant_names WHERE geonameid = ?", (HAMLET,)).fetchone()[0] >= 1
    db.close()
    gaz = Gazetteer.open(imported)
    assert [c.geonameid for c in gaz.transliterated("خربة قصرون")] == [HAMLET]
    gaz.close()

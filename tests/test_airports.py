"""Airports and air bases (from the airportsdata package) in the gazetteer and the resolver.

Texts here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.places import Gazetteer, PlaceResolver
from marsad.places.airports import Airport, _core, read_airports


@pytest.fixture(scope="module")
def resolver(gaz_path: Path) -> PlaceResolver:
    return PlaceResolver(Gazetteer.open(gaz_path))


def resolve_in(resolver: PlaceResolver, text: str, name: str):
    i = text.index(name)
    return resolver.resolve_all(text, [(i, i + len(name))])[0]


@pytest.mark.parametrize(
    ("name", "city", "core"),
    [
        ("Toronto Pearson International Airport", "Mississauga", "Pearson"),
        ("Ottawa / Macdonald-Cartier International Airport", "Ottawa", "Macdonald-Cartier"),
        ("Montréal-Pierre Elliott Trudeau International Airport", "Dorval", "Pierre Elliott Trudeau"),
        ("Amsterdam Airport Schiphol", "Amsterdam", "Schiphol"),
        ("Aleppo International Airport", "Aleppo", ""),
        ("Shayrat Air Base", "Shayrat", ""),
    ],
)
def test_core_drops_the_city_and_generic_words(name: str, city: str, core: str) -> None:
    big = {"toronto", "ottawa", "montreal", "amsterdam", "aleppo"}
    assert _core(name, city, big) == core


def test_airport_ids_are_stable_negative_and_distinct() -> None:
    a = Airport("OSDI", "Damascus International Airport", "Damascus", "", "SY", 33.4, 36.5, "AIRP")
    b = Airport("OSAP", "Aleppo International Airport", "Aleppo", "", "SY", 36.2, 37.2, "AIRP")
    assert a.geonameid < 0 and b.geonameid < 0 and a.geonameid != b.geonameid
    assert a.geonameid == Airport("OSDI", "x", "", "", "SY", 0, 0, "AIRP").geonameid


def test_read_airports_keeps_commercial_military_and_regional_fields(tmp_path: Path) -> None:
    csv = tmp_path / "airports.csv"
    csv.write_text(
        '"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
        '"ZZAA","ZZA","Fairhaven Ridgeway International Airport","Fairhaven","","US",10,40.1,-75.2,"",""\n'
        '"ZZAB","","Bramble Farm Airstrip","Fairhaven","","US",10,40.2,-75.3,"",""\n'
        '"ZZAC","","Kestrel Air Base","","","US",10,40.3,-75.4,"",""\n'
        '"OSZZ","","Wadi Qamar Airport","","","SY",10,35.0,38.0,"",""\n',
        encoding="utf-8",
    )
    got = {a.name: a for a in read_airports({"US": {"fairhaven"}}, {"US": {"fairhaven"}}, csv)}
    assert set(got) == {"Fairhaven Ridgeway International Airport", "Kestrel Air Base", "Wadi Qamar Airport"}
    ridgeway = got["Fairhaven Ridgeway International Airport"]
    assert ridgeway.feature_code == "AIRP"
    assert {"Ridgeway", "Ridgeway International Airport", "Fairhaven Airport"} <= ridgeway.names
    assert got["Kestrel Air Base"].feature_code == "AIRB"
    assert {"Kestrel", "Kestrel Airbase"} <= got["Kestrel Air Base"].names
    assert got["Wadi Qamar Airport"].feature_code == "AIRF"


def test_a_struck_air_base_gets_its_own_point(resolver: PlaceResolver) -> None:
    text = "Missiles hit the Shayrat air base in Homs province overnight, the Syrian army said."
    p = resolve_in(resolver, text, "Shayrat air base")
    assert (p.country_code, p.feature_code, p.geo_precision) == ("SY", "AIRB", 1)
    assert p.geonameid is None  # airportsdata has no GeoNames ids
    assert abs(p.latitude - 34.49) < 0.05 and abs(p.longitude - 36.91) < 0.05


def test_city_airport_and_bare_airport_name(resolver: PlaceResolver) -> None:
    text = "Flights from Damascus airport resumed on Monday."
    assert resolve_in(resolver, text, "Damascus airport").name == "Damascus International Airport"
    text = "Passengers at Heathrow waited for hours after the British carrier cancelled flights."
    p = resolve_in(resolver, text, "Heathrow")
    assert (p.country_code, p.feature_code) == ("GB", "AIRP")


def test_a_state_named_in_an_airport_stays_the_state(resolver: PlaceResolver) -> None:
    text = "Voters in Arkansas went to the polls on Tuesday."
    p = resolve_in(resolver, text, "Arkansas")
    assert (p.country_code, p.feature_code) == ("US", "ADM1")


def test_detection_takes_the_airfield_not_the_town(gaz_path: Path) -> None:
    from marsad.nlp import load_pipeline
    from marsad.places.detect import find_toponyms

    gaz = Gazetteer.open(gaz_path)
    text = "Missiles struck Damascus airport and the Shayrat air base overnight; Homs was calm."
    found = {text[a:b] for a, b, _ in find_toponyms(load_pipeline(gaz)(text), gazetteer=gaz)}
    assert {"Damascus airport", "Shayrat air base", "Homs"} <= found
    assert "Damascus" not in found
    # A town's name before "airport" is left alone when no airfield bears it.
    text = "Crowds gathered near Idlib airport road."
    assert not any(text[a:b] == "Idlib airport" for a, b, _ in find_toponyms(load_pipeline(gaz)(text), gazetteer=gaz))

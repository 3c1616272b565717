from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marsad import vocab

CASE_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "case2021_task2_dev.tsv"


def test_six_event_types_in_acled_order():
    assert vocab.event_types() == (
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    )


def test_twenty_five_sub_event_types_spelled_as_acled_does():
    subs = vocab.sub_event_types()
    assert len(subs) == len(set(subs)) == 25
    for name in (
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Abduction/forced disappearance",
        "Change to group/activity",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Non-state actor overtakes territory",
        "Excessive force against protesters",
    ):
        assert name in subs


def test_sub_types_of_one_type():
    assert vocab.sub_event_types("Riots") == ("Violent demonstration", "Mob violence")
    with pytest.raises(KeyError):
        vocab.sub_event_types("Riot")


def test_event_type_of():
    assert vocab.event_type_of("Air/drone strike") == "Explosions/Remote violence"
    assert vocab.event_type_of("Arrests") == "Strategic developments"
    assert vocab.event_type_of("Attack") == "Violence against civilians"
    with pytest.raises(KeyError):
        vocab.event_type_of("Airstrike")


def test_inter_codes_both_ways():
    assert [vocab.inter_name(i) for i in range(1, 9)] == [
        "State forces",
        "Rebel group",
        "Political militia",
        "Identity militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    ]
    assert vocab.inter_code("Civilians") == 7
    with pytest.raises(KeyError):
        vocab.inter_name(9)


def test_precision_meanings_and_colours():
    assert "town" in vocab.geo_precision_meaning(1)
    assert "month" in vocab.time_precision_meaning(3)
    colours = {vocab.event_colour(t) for t in vocab.event_types()}
    assert len(colours) == 6 and all(c.startswith("#") and len(c) == 7 for c in colours)


def test_case_codes_map_onto_every_sub_type_once():
    acled = [c for c in vocab.case_codes() if vocab.case_code_to_sub_type(c)]
    assert len(acled) == 25
    assert sorted(vocab.case_code_to_sub_type(c) or "" for c in acled) == sorted(vocab.sub_event_types())
    assert vocab.case_code_to_sub_type("PROPERTY_DISTRUCT") == "Looting/property destruction"
    assert vocab.sub_type_to_case_code("Air/drone strike") == "AIR_STRIKE"


def test_five_case_codes_outside_acled():
    others = [c for c in vocab.case_codes() if vocab.case_code_to_sub_type(c) is None]
    assert sorted(others) == ["ATTRIB", "DIPLO", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME"]
    with pytest.raises(KeyError):
        vocab.case_code_to_sub_type("AIRSTRIKE")


@pytest.mark.skipif(not CASE_DEV.exists(), reason="CASE 2021 development set not present")
def test_every_label_of_the_case_dev_set_is_known():
    with CASE_DEV.open(encoding="utf-8") as f:
        labels = {row["SubType"] for row in csv.DictReader(f, delimiter="\t")}
    assert labels == set(vocab.case_codes())

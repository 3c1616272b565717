"""A country's capital named by its country ("the Syrian capital", "Iraq's capital", "the
capital" of a story set in one country) is the capital city, for places and for events."""

from __future__ import annotations

import pytest

from marsad.places import Gazetteer
from marsad.places.cues import capital_references

from .conftest import code


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _named(text: str, gaz: Gazetteer, home: str | None = None) -> list[tuple[str, str]]:
    return [(text[a:b], c.name) for a, b, c in capital_references(text, gaz, home)]


@pytest.mark.parametrize(("text", "capital"), [
    ("Mortars hit the Yemeni capital overnight.", "Sanaa"),
    ("Rockets fell on Iraq's capital on Friday.", "Baghdad"),
    ("Rockets fell on Iraqs capital on Friday.", "Baghdad"),  # a scrape that lost the apostrophe
    ("Gunfire was heard across the capital of Libya at dawn.", "Tripoli"),
])
def test_a_capital_named_by_its_country(gaz: Gazetteer, text: str, capital: str) -> None:
    assert [c for _, c in _named(text, gaz)] == [capital]


@pytest.mark.parametrize("text", [
    "Shells hit the Yemeni capital Sanaa on Friday.",  # the name that follows is the place
    "Shells hit the capital, Sanaa, on Friday.",
    "Shells hit Sanaa, the Yemeni capital, on Friday.",  # ... and so is the name before
    "The militants lost Raqqa, their de facto Syrian capital of the caliphate.",
    "Protesters rallied in Taiz, the capital of the province.",
    "Lawyers argued over the Yemeni capital punishment law.",
])
def test_no_capital_where_another_name_is_the_place(gaz: Gazetteer, text: str) -> None:
    assert _named(text, gaz, "YE") == []


def test_the_capital_alone_is_the_capital_of_the_storys_country(gaz: Gazetteer) -> None:
    text = "Clashes broke out in the capital on Sunday."
    assert _named(text, gaz, "LY") == [("the capital", "Tripoli")]
    assert _named(text, gaz, None) == []  # no country the story is set in: no capital


def test_an_event_in_the_syrian_capital_is_in_damascus(coder) -> None:
    events, _ = code(coder, "A car bomb exploded in a busy street of the Syrian capital on Monday, killing "
                            "four people, state television said.", published="2016-03-08")
    assert [(e.sub_event_type, e.admin1, e.location) for e in events] == [
        ("Remote explosive/landmine/IED", "Dimashq", "Damascus")]


def test_an_event_in_the_capital_of_a_story_set_in_one_country(coder) -> None:
    text = ("Mortar rounds slammed into a market in the capital on Tuesday, killing three shoppers, "
            "the health ministry said. The ministry said the rounds were fired from Bani Walid, and "
            "that a clinic in Misrata had sent doctors to help.")
    events, _ = code(coder, text, published="2019-05-15")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("Shelling/artillery/missile attack", "Tripoli", 3)]


@pytest.mark.parametrize("text", [
    # a story that names a province's capital may mean it by "the capital"
    "Fighters attacked Lashkar Gah, the capital of Helmand province, on Tuesday. Clashes went on inside the "
    "capital on Wednesday.",
    # a status, not a place: "moved its embassy to the Israeli capital"
    "Thousands rallied in Gaza City against the decision to move the embassy to the Israeli capital.",
])
def test_no_national_capital_where_another_is_meant(gaz: Gazetteer, text: str) -> None:
    assert [c for _, c in _named(text, gaz, "AF" if "Helmand" in text else "PS")] == []


def test_the_capital_is_the_capital_of_the_place_named_just_before(gaz: Gazetteer) -> None:
    text = ("Jets struck Idlib on Monday. In Lebanon, protesters gathered in Beirut, and police fired tear gas "
            "at them in the capital.")
    beirut = text.index("Beirut")
    assert _named(text, gaz, "SY") == [("the capital", "Damascus")]  # the story's country
    assert [c.name for _, _, c in capital_references(text, gaz, "SY", [(text.index("Idlib"), "SY"), (beirut, "LB")])] \
        == ["Beirut"]

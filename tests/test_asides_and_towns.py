"""Rules of news added in the twelfth session (2026-12-07): what a story sums up or names in
passing is no event of its own (a toll since a month, what fighting has done, a campaign, a span
of years, a motor rally), "also" with a town of its own tells another event, and a town written
without its diacritics is still a town. Texts written for these tests."""

from __future__ import annotations

import pytest

from .conftest import code

SHOPKEEPER = "Gunmen shot dead a shopkeeper in Kidal on Tuesday, residents said. "


@pytest.mark.parametrize("aside", [
    # a war's toll summed up since a month, told of what did it
    "The fighting around Gao has killed more than 300 people and displaced 40,000 since April, according to the UN.",
    # what fighting has done
    "The fighting has also cut roads linking the region to Bamako, disrupting fuel supplies.",
    # a campaign, not a day of it
    "Mali has been a close ally of Russia in the fight against militants in the Sahel.",
    # a span of years gone by
    "The old quarter of Kidal saw more than a dozen rounds of fighting between 2012 and 2015, leaving hundreds dead, "
    "before a peace deal put an end to the clashes.",
])
def test_an_aside_is_no_event(coder, aside):
    events, _ = code(coder, SHOPKEEPER + aside, published="2019-08-10")
    assert [(e.sub_event_type, e.location) for e in events] == [("Attack", "Kidal")]


@pytest.mark.parametrize(("news", "sub_type"), [
    # the act told with its day, whatever it has done since
    ("Soldiers and militants fought in Menaka on Tuesday, and the fighting has forced 2,000 families to flee.",
     "Armed clash"),
    # a fight with militants is one
    ("Two soldiers were killed in a fight with militants near Menaka on Tuesday.", "Armed clash"),
    # a day's toll beside the toll since a month
    ("Clashes in Menaka on Tuesday killed 12 people, bringing the toll since April to 300.", "Armed clash"),
])
def test_guards_for_asides(coder, news, sub_type):
    events, _ = code(coder, news, published="2019-08-10")
    assert sub_type in {e.sub_event_type for e in events if e.location == "Menaka"}


def test_also_with_a_town_of_its_own_is_another_event(coder):
    text = ("Warplanes struck a bakery in the town of Saraqib on Tuesday, killing six people, rescuers said. "
            "Jets also struck the town of Sarmin, to the north-west, on Tuesday, wounding four people, a local "
            "activist said.")
    events, _ = code(coder, text, published="2019-06-12")
    assert sorted(e.location for e in events if e.sub_event_type == "Air/drone strike") == ["Saraqib", "Sarmīn"]


def test_also_at_the_same_town_is_the_same_event(coder):
    text = ("Warplanes struck a bakery in the town of Saraqib on Tuesday, killing six people, rescuers said. "
            "The jets also struck a school in Saraqib, wounding four people, a local activist said.")
    events, _ = code(coder, text, published="2019-06-12")
    assert [e.location for e in events if e.sub_event_type == "Air/drone strike"] == ["Saraqib"]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("The rally's final day includes the Power Stage near Elva, where bonus points are at stake.", None),
    ("Thousands joined a rally in Tbilisi on Sunday as speakers addressed the crowd from a stage.",
     "Peaceful protest"),
])
def test_a_motor_rally_is_no_protest(sentence, sub_type):
    from marsad.events.classify import classify

    c = classify(sentence)
    assert (c.sub_event_type if c else None) == sub_type


def test_a_town_written_without_its_diacritics_is_found(gaz_path):
    from marsad.nlp import load_pipeline
    from marsad.places import Gazetteer
    from marsad.places.detect import find_toponyms

    gaz = Gazetteer.open(gaz_path)
    doc = load_pipeline(gaz)("Mortar rounds fired from across the border struck Akcakale and Ceylanpinar on Friday.")
    found = [doc.text[s:e] for s, e, _ in find_toponyms(doc, gazetteer=gaz)]
    assert "Akcakale" in found and "Ceylanpinar" in found


def test_an_earlier_act_a_sentence_opens_by_dating_is_coded(coder):
    text = ("Gunmen shot dead two farmers near Gao on Tuesday, residents said. The attack came weeks after a string "
            "of ambushes in the area. On March 2, militants fired mortars at an army base in Gao, wounding three "
            "soldiers, officials said at the time.")
    events, _ = code(coder, text, published="2024-03-28")
    assert sorted((e.sub_event_type, e.event_date) for e in events) == [
        ("Attack", "2024-03-26"), ("Shelling/artillery/missile attack", "2024-03-02")]


def test_a_date_in_a_clause_of_its_own_recalls_no_act(coder):
    # the calendar day dates the town's capture, told in passing; the earlier clashes stay an aside
    text = ("Gunmen shot dead two farmers near Gao on Tuesday, residents said. Three soldiers were killed in clashes "
            "near Ansongo, the town the army recaptured on March 2.")
    events, _ = code(coder, text, published="2024-03-28")
    assert [e.event_date for e in events] == ["2024-03-26"]


@pytest.mark.parametrize("capital", ["Guinea-Bissau's capital", "the capital of Guinea-Bissau"])
def test_a_country_s_capital_is_its_capital(coder, capital):
    text = f"Armed men stormed a private radio station in {capital} on Tuesday night, beating three journalists."
    events, _ = code(coder, text, published="2025-06-05")
    assert [(e.location, e.geo_precision) for e in events] == [("Bissau", 1)]

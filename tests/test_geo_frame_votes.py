"""How the story frame counts its votes (issue 15, seventeenth session): a place votes once
however it is spelt; a state's name is the state's when its namesakes are small towns; the state
a dateline states frames the story when it leads; a state named with nothing in it frames
nothing; a state of the frame's country is read as the state over a country abroad of its name.

Every text here is written for these tests. Each rule has a case that failed before it and a
guard that shows what it leaves alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.places import Gazetteer, PlaceResolver


@pytest.fixture(scope="module")
def resolver(gaz_path: Path) -> PlaceResolver:
    return PlaceResolver(Gazetteer.open(gaz_path))


def resolve(resolver: PlaceResolver, text: str, *names: str):  # type: ignore[no-untyped-def]
    """Places of the given names (each one's first occurrence after the previous one), and the frame."""
    spans, at = [], 0
    for n in names:
        i = text.index(n, at)
        spans.append((i, i + len(n)))
        at = i + 1
    places, frame = resolver.resolve_document(text, spans)
    return dict(zip(names, places, strict=True)), frame


def where(p) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    return (p.country_code, p.admin1) if p is not None else (None, None)


# A Maine story whose towns share names with towns abroad and elsewhere; "Maine" has small
# namesakes (a Wisconsin town), which once made it a hint of a quarter vote only, tied by the
# visitors' Northern Ireland.
HARBOR = (
    "The harbor rowing club hosted a crew from Belfast, Northern Ireland, this weekend, the first "
    "visit since the clubs were twinned. The guests flew into Boston and rode a bus north along "
    "the coast of Maine, stopping in Searsport and in Waldo County's other shore towns before "
    "racing off Bangor on Sunday. The hosts' coach said the crew would row in Camden next."
)


def test_a_state_whose_namesakes_are_small_towns_votes_as_the_state(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, HARBOR, "Belfast", "Northern Ireland", "Boston", "Maine", "Searsport",
                         "Waldo County", "Bangor", "Camden")
    assert frame is not None and frame.admin1 == "Maine"
    assert where(got["Bangor"]) == ("US", "Maine")
    assert where(got["Belfast"]) == ("GB", "Northern Ireland")  # written with its country


# A story from Alabama that names Tennessee twice (once abbreviated) and Georgia twice: each
# state votes once, so Alabama's own places lead.
ATHENS_ALA = (
    "ATHENS, Ala. — Limestone County commissioners approved a new fire station on Monday for the "
    "fast-growing area between Athens and Decatur. Crews now drive from Huntsville to reach homes "
    "near the Tennessee line, and some calls go to a station in Ardmore, Tenn., instead. A builder "
    "from Georgia will start work in May; his firm also built two stations near Rome, Ga."
)


def test_a_state_named_twice_and_abbreviated_votes_once(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, ATHENS_ALA, "ATHENS", "Ala", "Limestone County", "Athens", "Decatur",
                         "Huntsville", "Tennessee", "Ardmore", "Tenn", "Georgia", "Rome", "Ga")
    assert frame is not None and frame.admin1 == "Alabama"
    assert where(got["Athens"]) == ("US", "Alabama")
    assert where(got["Decatur"]) == ("US", "Alabama")


# A Florida dateline over a story that names Georgia's towns nearby and a Wisconsin namesake:
# Florida leads without half the votes, and the stated state frames it.
MADISON_FLA = (
    "MADISON, Fla. — The county fair opened Thursday with a record number of hog entries, many from "
    "families who farm along the state line. Judges came from Tallahassee and from Valdosta, Ga., "
    "and one exhibitor drove down from Madison, Wisconsin, to show a pair of heritage pigs. "
    "Organizers in Madison County said the Greenville volunteer fire department ran the grill."
)


def test_a_stated_dateline_state_frames_the_story_when_it_leads(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, MADISON_FLA, "MADISON", "Fla", "Tallahassee", "Valdosta", "Ga",
                         "Madison", "Wisconsin", "Madison County", "Greenville")
    assert frame is not None and frame.admin1 == "Florida"
    assert where(got["Madison County"]) == ("US", "Florida")
    assert where(got["Greenville"]) == ("US", "Florida")


def test_a_dateline_state_that_does_not_lead_frames_nothing(resolver: PlaceResolver) -> None:
    # Filed from Florida, about Ohio: Ohio's own places lead the stated state.
    text = (
        "TAMPA, Fla. — A Cleveland company will move its headquarters to Columbus next year, "
        "executives said at a Tampa conference. Offices in Dayton, Akron and Toledo, Ohio, will "
        "stay open, and Cuyahoga County officials said the move keeps the jobs in the state."
    )
    _got, frame = resolve(resolver, text, "TAMPA", "Fla", "Cleveland", "Columbus", "Tampa", "Dayton",
                          "Akron", "Toledo", "Ohio", "Cuyahoga County")
    assert frame is not None and frame.admin1 == "Ohio"


# A baseball story that names a state only as a team's: no Texas frame, so Buffalo is the city
# of the minor-league club, not a Texas town of the name.
BASEBALL = (
    "Toronto's triple-A prospect was called up on Friday after Texas beat the Blue Jays for the "
    "third straight night. He hit .310 this season for the Buffalo club and will join the team "
    "in Toronto before the series ends."
)


def test_a_state_named_with_nothing_in_it_frames_nothing(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, BASEBALL, "Toronto", "Texas", "Buffalo")
    assert frame is None or frame.admin1 != "Texas"
    assert where(got["Buffalo"]) == ("US", "New York")


# Kansas's own places against two neighbours named once each: twice the votes of any other
# state frames the story, short of half of them.
MANHATTAN_KS = (
    "Riley County commissioners voted Monday to repave the road between Manhattan and Leonardville. "
    "Farmers from Pottawatomie County said grain trucks bound for Topeka use it daily. One "
    "contractor is from Lincoln, Neb., another from Portland, Ore., a third from Moscow, Idaho, and "
    "the state of Kansas will pay a third of the cost."
)


def test_a_state_with_twice_any_other_s_votes_frames_the_story(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, MANHATTAN_KS, "Riley County", "Manhattan", "Pottawatomie County", "Topeka",
                         "Lincoln", "Neb", "Portland", "Ore", "Moscow", "Idaho", "Kansas")
    assert frame is not None and frame.admin1 == "Kansas"
    assert where(got["Manhattan"]) == ("US", "Kansas")


TEXAS_FIRE = (
    "Texas officials said Tuesday that a grass fire near Abilene had burned 4,000 acres. Crews from "
    "Taylor County and Sweetwater held the line overnight, and a shelter opened in Buffalo Gap for "
    "families from the ranches west of town."
)
TWO_STATES = (
    "Governors of Oregon and Rhode Island signed a pact on coastal research on Friday. Labs in "
    "Corvallis and in Providence will share a research vessel, and students from both states will "
    "spend a summer at sea."
)


@pytest.mark.parametrize(
    ("text", "names", "admin1"),
    [
        # A state named beside places inside it still frames its story (guard).
        (TEXAS_FIRE, ("Texas", "Abilene", "Taylor County", "Sweetwater"), "Texas"),
        # Two states named alike, each with one town: no state leads.
        (TWO_STATES, ("Oregon", "Rhode Island", "Corvallis", "Providence"), None),
    ],
)
def test_the_frame_of(resolver: PlaceResolver, text: str, names: tuple[str, ...], admin1: str | None) -> None:
    _got, frame = resolve(resolver, text, *names)
    assert (frame.admin1 if frame is not None else None) == admin1


# Georgia the state in a story set in another US state, and Georgia the country in a US story
# that names its capital.
PEACH = (
    "LEXINGTON, S.C. — The peach festival in Gilbert will move to June next year after this "
    "summer's heat. Growers from Saluda County and Batesburg-Leesville will sell fruit, and some "
    "vendors drive up from Georgia, which calls itself the Peach State."
)


def test_a_home_state_named_like_a_country_is_the_state(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, PEACH, "LEXINGTON", "S.C", "Gilbert", "Saluda County",
                         "Batesburg-Leesville", "Georgia")
    assert frame is not None and frame.admin1 == "South Carolina"
    assert (got["Georgia"].country_code, got["Georgia"].feature_code) == ("US", "ADM1")


def test_the_country_stays_the_country_when_the_story_names_its_places(resolver: PlaceResolver) -> None:
    text = (
        "LEXINGTON, S.C. — A choir from Gilbert will sing in Tbilisi this summer. The singers, from "
        "Saluda County and Batesburg-Leesville, will spend two weeks in Georgia and give a last "
        "concert in Batumi."
    )
    got, _frame = resolve(resolver, text, "LEXINGTON", "S.C", "Gilbert", "Tbilisi", "Saluda County",
                          "Batesburg-Leesville", "Georgia", "Batumi")
    assert (got["Georgia"].country_code, got["Georgia"].feature_code) == ("GE", "PCLI")


# Water's names: a river or a bay is no town that once bore its name, nor the generic word
# inside it; a city named after its lake keeps its name.
RIVER_TOWN = (
    "KEARNEY, Neb. — Volunteers counted 12,000 sandhill cranes along the Platte River on Saturday. "
    "A birder from Nova Scotia said the roost beat anything she had seen on the Bay of Fundy, and a "
    "couple from Lake Charles, Louisiana, drove 900 miles for the sight."
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Platte River", (None, None)),  # not Platteville, Wisconsin (an old name of it)
        ("Bay of Fundy", (None, None)),  # not Bay, a region of Somalia
        ("Lake Charles", ("US", "Louisiana")),  # guard: a city of that very name
    ],
)
def test_a_water_name_is_no_town(resolver: PlaceResolver, name: str, expected: tuple[str | None, str | None]) -> None:
    got, _frame = resolve(resolver, RIVER_TOWN, "KEARNEY", "Neb", "Platte River", "Nova Scotia", "Bay of Fundy",
                          "Lake Charles", "Louisiana")
    assert where(got[name]) == expected


# A bare dateline names a town, never a country: over a story of a US county's towns, the town
# of the country's name is the one meant, however small beside the country.
def test_a_bare_dateline_named_like_a_country_is_the_local_town(resolver: PlaceResolver) -> None:
    text = (
        "PALESTINE — A barn fire east of town spread to two pickups early Sunday, Anderson County "
        "officials said. The owner, who moved here from Jackson, Tennessee, thanked crews from Athens. "
        "Palestine's volunteer chief said dry grass across East Texas has kept his crews busy."
    )
    got, frame = resolve(resolver, text, "PALESTINE", "Anderson County", "Jackson", "Tennessee", "Athens",
                         "Palestine", "East Texas")
    assert frame is not None and frame.admin1 == "Texas"
    assert where(got["PALESTINE"]) == ("US", "Texas")
    assert where(got["Palestine"]) == ("US", "Texas")


def test_a_country_named_in_the_story_is_still_the_country(resolver: PlaceResolver) -> None:
    # Guard: the dateline rule does not touch the country named in a story's text.
    text = (
        "AMMAN — Aid convoys reached the West Bank on Monday. Officials in Ramallah said Palestine "
        "would ask donors in Cairo for more."
    )
    got, _frame = resolve(resolver, text, "AMMAN", "West Bank", "Ramallah", "Palestine", "Cairo")
    assert got["Palestine"].country_code == "PS"


# --- guards from a review of this round's rules on texts of its own ---


def test_a_bare_dateline_town_is_the_one_in_the_leading_state(resolver: PlaceResolver) -> None:
    text = ("LEBANON — Police in Nashville and Murfreesboro are searching for a man who robbed a bank downtown, "
            "Wilson County deputies said.")
    got, frame = resolve(resolver, text, "LEBANON", "Nashville", "Murfreesboro", "Wilson County")
    assert frame is not None and frame.admin1 == "Tennessee"
    # (and the dateline itself is that town, not the country of its name)
    assert where(got["LEBANON"]) == ("US", "Tennessee")


def test_a_state_named_in_a_story_abroad_frames_no_country(resolver: PlaceResolver) -> None:
    text = "A tourist from Texas was stabbed in Paris on Saturday near the river, French police said."
    got, frame = resolve(resolver, text, "Texas", "Paris", "French")
    assert frame is None or frame.country_code != "US"
    assert where(got["Paris"])[0] == "FR"


def test_a_dam_named_after_its_town_is_at_the_town(resolver: PlaceResolver) -> None:
    text = "Russian forces shelled the Kakhovka Dam area on Tuesday, killing two workers, Ukrainian officials said."
    got, _frame = resolve(resolver, text, "Kakhovka Dam")
    assert where(got["Kakhovka Dam"]) == ("UA", "Kherson")

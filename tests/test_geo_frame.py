"""The story frame (issue 15): a local story's ambiguous names are read inside the region it
is set in — from its dateline, its outlet and its unambiguous places — before fame decides.

Every text here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.places import Gazetteer, PlaceResolver
from marsad.places.frame import find_dateline
from marsad.places.geoparse import geoparse_document, place_spans

from .conftest import name_spans


@pytest.fixture(scope="module")
def resolver(gaz_path: Path) -> PlaceResolver:
    return PlaceResolver(Gazetteer.open(gaz_path))


def resolve(resolver: PlaceResolver, text: str, *names: str, outlet: str | None = None):  # type: ignore[no-untyped-def]
    """Places of the given names (each one's first occurrence after the previous one), and the frame."""
    spans, at = [], 0
    for n in names:
        i = text.index(n, at)
        spans.append((i, i + len(n)))
        at = i + 1
    places, frame = resolver.resolve_document(text, spans, outlet=outlet)
    return dict(zip(names, places, strict=True)), frame


ATLANTA = (
    "ATLANTA (AP) — Georgia lawmakers approved a budget on Tuesday that adds money for rural "
    "hospitals. Members from Macon, Valdosta and Savannah said clinics in south Georgia would "
    "gain most."
)
TBILISI = (
    "TBILISI — Georgia's parliament approved a new cabinet on Tuesday. Opposition leaders in "
    "Batumi and Kutaisi called for fresh elections."
)


def test_georgia_in_an_atlanta_story_is_the_state(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, ATLANTA, "Georgia", "Macon", "Valdosta", "Savannah")
    assert (got["Georgia"].country_code, got["Georgia"].feature_code) == ("US", "ADM1")
    assert frame is not None and (frame.country_code, frame.admin1) == ("US", "Georgia")


def test_georgia_in_a_tbilisi_story_is_the_country(resolver: PlaceResolver) -> None:
    got, frame = resolve(resolver, TBILISI, "Georgia", "Batumi", "Kutaisi")
    assert (got["Georgia"].country_code, got["Georgia"].feature_code) == ("GE", "PCLI")
    assert frame is not None and frame.country_code == "GE"


def test_paris_in_a_tennessee_story_is_paris_tennessee(resolver: PlaceResolver) -> None:
    text = (
        "PARIS, Tenn. — A fire destroyed a barn north of Paris on Monday night, the sheriff said. "
        "Crews from Puryear and Springville helped."
    )
    got, frame = resolve(resolver, text, "PARIS", "Paris")
    assert [(p.country_code, p.admin1) for p in got.values()] == [("US", "Tennessee")] * 2
    assert frame is not None and frame.admin1 == "Tennessee"


def test_paris_with_france_written_beside_it_stays_paris_france(resolver: PlaceResolver) -> None:
    # The frame is Tennessee, but the text says which Paris it means.
    text = (
        "KNOXVILLE, Tenn. — A Knoxville choir that sang in Paris, France, last summer will perform "
        "in Maryville and Oak Ridge this weekend."
    )
    got, _ = resolve(resolver, text, "Paris", "France", "Maryville", "Oak Ridge")
    assert got["Paris"].country_code == "FR"
    assert got["Maryville"].admin1 == "Tennessee"


def test_paris_in_a_french_story_is_paris_france(resolver: PlaceResolver) -> None:
    text = "Trains between Paris, Lyon and Marseille ran late on Monday."
    got, _ = resolve(resolver, text, "Paris", "Lyon", "Marseille")
    assert got["Paris"].country_code == "FR"


def test_columbus_in_an_ohio_story(resolver: PlaceResolver) -> None:
    text = (
        "A new clinic will open in Columbus next spring, Ohio health officials said. Patients from "
        "Dublin, Westerville and Delaware County will be able to book visits online."
    )
    got, frame = resolve(resolver, text, "Columbus", "Ohio", "Dublin", "Westerville", "Delaware County")
    assert (got["Columbus"].admin1, got["Dublin"].admin1) == ("Ohio", "Ohio")
    assert frame is not None and frame.admin1 == "Ohio"


def test_columbus_in_a_georgia_story(resolver: PlaceResolver) -> None:
    text = (
        "Police in Muscogee County said on Friday that the driver crashed on a bridge in Columbus "
        "while heading home to LaGrange. A hospital in Macon treated two passengers."
    )
    got, frame = resolve(resolver, text, "Muscogee County", "Columbus", "LaGrange", "Macon")
    assert got["Columbus"].admin1 == "Georgia"
    assert frame is not None and frame.admin1 == "Georgia"


def test_the_national_capital_is_local_to_every_frame(resolver: PlaceResolver) -> None:
    # Washington, Georgia is a small town of the frame; a Georgia story's Washington is the capital.
    text = ATLANTA + " The governor will ask Washington for aid."
    got, _ = resolve(resolver, text, "Macon", "Valdosta", "Washington")
    assert got["Washington"].feature_code == "PPLC"


def test_an_unknown_small_place_stays_unresolved(resolver: PlaceResolver) -> None:
    text = (
        "MEADOW GROVE, Neb. — Volunteers in Meadow Grove spent Saturday filling sandbags. Families "
        "near Tennessee Colony and Fort Moore were told to be ready to leave."
    )
    got, frame = resolve(resolver, text, "Meadow Grove", "Tennessee Colony", "Fort Moore")
    assert all(p.geonameid is None and p.latitude is None for p in got.values())
    assert frame is not None and frame.admin1 == "Nebraska"


def test_unresolved_toponyms_keep_their_candidates_for_review(resolver: PlaceResolver) -> None:
    text = "MEADOW GROVE, Neb. — Volunteers in Meadow Grove spent Saturday filling sandbags."
    i = text.index("Meadow Grove")
    rec = geoparse_document(text, resolver=resolver, spans=[(i, i + len("Meadow Grove"))])
    assert rec["toponyms"][0]["geonameid"] is None
    assert rec["toponyms"][0]["candidates"] == []  # the gazetteer holds no Meadow Grove
    assert rec["frame"]["admin1"] == "Nebraska"


def test_a_village_name_of_two_governorates_takes_the_storys(resolver: PlaceResolver) -> None:
    # Suran lies in Aleppo's north and in Hama's; the story's other places decide.
    north = (
        "Turkish-backed factions shelled Suran in the northern countryside of Aleppo on Tuesday, a day "
        "after fighting near Azaz and Marea. Residents of Tal Rifaat fled."
    )
    south = (
        "Government artillery shelled Suran in the northern countryside of Hama on Tuesday, a day after "
        "fighting near Morek and Kafr Zita. Residents of Taybat al-Imam fled."
    )
    a, fa = resolve(resolver, north, "Suran", "Aleppo", "Azaz", "Marea", "Tal Rifaat")
    b, fb = resolve(resolver, south, "Suran", "Hama", "Morek", "Kafr Zita", "Taybat al-Imam")
    assert (a["Suran"].admin1, b["Suran"].admin1) == ("Aleppo", "Hama")
    assert fa is not None and fb is not None and (fa.admin1, fb.admin1) == ("Aleppo", "Hama")


def test_the_storys_places_outvote_the_dateline(resolver: PlaceResolver) -> None:
    text = (
        "BEIRUT (Reuters) - Warplanes struck Saraqeb and Maarat al-Numan on Monday, and shelling hit "
        "Khan Sheikhoun, a monitor said."
    )
    _, frame = resolve(resolver, text, "BEIRUT", "Saraqeb", "Maarat al-Numan", "Khan Sheikhoun")
    assert frame is not None and (frame.country_code, frame.admin1) == ("SY", "Idlib")


def test_a_story_spread_over_the_world_has_no_frame(resolver: PlaceResolver) -> None:
    text = "Ministers from Berlin, Tokyo and Ottawa met on Monday while protests went on in Cairo and Lima."
    _, frame = resolve(resolver, text, "Berlin", "Tokyo", "Ottawa", "Cairo", "Lima")
    assert frame is None


def test_the_outlets_city_frames_a_story_without_a_dateline(resolver: PlaceResolver) -> None:
    text = "The county fair opens Friday in Columbus, and the parade will pass the courthouse."
    got, frame = resolve(resolver, text, "Columbus", outlet="Columbus, Georgia")
    assert got["Columbus"].admin1 == "Georgia"
    assert frame is not None and frame.evidence[0].startswith("outlet")


@pytest.mark.parametrize(
    ("text", "city", "qualifier"),
    [
        ("SAVANNAH, Ga. — The port reopened.", "SAVANNAH", "Ga."),
        ("ATLANTA (AP) — Lawmakers met.", "ATLANTA", None),
        ("Headline here\nDEIR EZ-ZOR, Syria - Shelling hit the city.", "DEIR EZ-ZOR", "Syria"),
        ("Paris, Tenn. — A barn burned.", "Paris", "Tenn."),
    ],
)
def test_datelines_are_found(text: str, city: str, qualifier: str | None) -> None:
    found = find_dateline(text)
    assert found is not None and found[2:] == (city, qualifier)


@pytest.mark.parametrize("text", ["Police said - no one was hurt.", "The mayor - who spoke on Monday - left."])
def test_a_sentence_with_a_dash_is_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


# -- local conventions ----------------------------------------------------------------


def test_a_county_abbreviation_is_the_county(resolver: PlaceResolver) -> None:
    got, _ = resolve(resolver, "Floods closed roads in Co. Durham on Monday.", "Co. Durham")
    assert (got["Co. Durham"].feature_code, got["Co. Durham"].admin1) == ("ADM2", "England")
    text = "PLYMOUTH CO. — A barn burned in Middleborough on Sunday, and a man was held in Brockton."
    got, _ = resolve(resolver, text, "PLYMOUTH CO.", "Middleborough", "Brockton")
    assert (got["PLYMOUTH CO."].feature_code, got["PLYMOUTH CO."].admin1) == ("ADM2", "Massachusetts")


def test_the_frame_picks_among_same_named_counties(resolver: PlaceResolver) -> None:
    text = "KNOXVILLE, Tenn. — Deputies in Anderson County arrested a man near Clinton and Oak Ridge."
    got, _ = resolve(resolver, text, "Anderson County", "Clinton", "Oak Ridge")
    assert got["Anderson County"].admin1 == "Tennessee"


def test_a_township_is_read_as_its_town_inside_the_frame(resolver: PlaceResolver) -> None:
    text = "The dinner is at a restaurant in Washington Township, a short drive from Paterson and Hackensack."
    got, _ = resolve(resolver, text, "Washington Township", "Paterson", "Hackensack")
    township = got["Washington Township"]
    assert (township.feature_code, township.admin1) == ("PPL", "New Jersey")  # not the capital


def test_a_state_after_the_comma_that_holds_no_reading_leaves_the_name_unresolved(resolver: PlaceResolver) -> None:
    # Only a Texas Holliday is in the gazetteer; the story's is in Missouri.
    text = "HOLLIDAY, Mo. — A truck skidded off Route C two miles south of Holliday, Missouri, on Friday."
    got, _ = resolve(resolver, text, "HOLLIDAY", "Holliday", "Missouri")
    assert got["HOLLIDAY"].geonameid is None and got["Holliday"].geonameid is None
    assert got["Missouri"].feature_code == "ADM1"


def test_a_possessive_countryside_names_the_governorate(resolver: PlaceResolver) -> None:
    text = "Drones struck villages in Deir ez-Zor's eastern countryside on Monday."
    got, _ = resolve(resolver, text, "Deir ez-Zor")
    # the governorate, not the city; part of it, so geo_precision 2 (as "the countryside of X")
    assert (got["Deir ez-Zor"].feature_code, got["Deir ez-Zor"].geo_precision) == ("ADM1", 2)
    city, _ = resolve(resolver, "Drones struck a market in Deir ez-Zor on Monday.", "Deir ez-Zor")
    assert city["Deir ez-Zor"].feature_code != "ADM1"


def test_geoparse_cli_takes_an_outlet_and_reports_the_frame(gaz_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from marsad.cli import cli

    text = "The county fair opens Friday in Columbus, and the parade will pass the courthouse."
    start = text.index("Columbus")
    stdin = json.dumps({"id": "a", "text": text, "spans": [[start, start + 8]]}) + "\n"
    r = CliRunner().invoke(cli, ["geoparse", "-", "--gazetteer", str(gaz_path), "--outlet", "Columbus, Georgia"],
                           input=stdin)
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output.splitlines()[0])
    assert rec["toponyms"][0]["admin1"] == "Georgia"
    assert rec["frame"]["admin1"] == "Georgia" and rec["frame"]["evidence"][0].startswith("outlet")
    bad = json.dumps({"id": "b", "text": text, "outlet": 7}) + "\n"
    r = CliRunner().invoke(cli, ["geoparse", "-", "--gazetteer", str(gaz_path)], input=bad)
    assert r.exit_code == 1 and "outlet" in r.output


def test_a_settled_name_lends_nearness_through_its_reading_only(resolver: PlaceResolver) -> None:
    # Ottawa is read as Canada's capital: its Illinois namesake must not pull Geneva to Illinois.
    text = "Ministers from Berlin, Tokyo and Ottawa met in Geneva on Monday, while protests went on in Cairo."
    got, _ = resolve(resolver, text, "Berlin", "Tokyo", "Ottawa", "Geneva", "Cairo")
    assert (got["Ottawa"].country_code, got["Geneva"].country_code) == ("CA", "CH")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Clashes broke out in the Hajin subdistrict on Monday, near Al-Bukamal.", "Hajin subdistrict"),
        ("اندلعت اشتباكات في ناحية هجين بريف دير الزور الشرقي.", "ناحية هجين"),
    ],
)
def test_a_sub_district_is_its_seat_town_near_the_event(resolver: PlaceResolver, text: str, name: str) -> None:
    got, _ = resolve(resolver, text, name)
    assert (got[name].admin1, got[name].feature_code, got[name].geo_precision) == ("Deir ez-Zor", "PPL", 2)


# -- the outlet's home frames event coding ----------------------------------------------


def test_a_local_outlets_home_frames_the_events_it_reports() -> None:
    """An event coded from a local outlet's story is placed in the outlet's region first:
    sources.yaml gives a local outlet a `home`; the test uses its own knowledge base."""
    from marsad.actors import ActorKB
    from marsad.events.code import EventCoder
    from marsad.nlp import load_pipeline
    from marsad.records import Article, content_id
    from marsad.sources import SourceKB

    gaz = Gazetteer.open()
    kb = SourceKB.from_data({"sources": [
        {"name": "Hama Daily", "type": "local media", "aliases": ["Hama Daily"], "home": "Hama, Syria"},
        {"name": "Aleppo Daily", "type": "local media", "aliases": ["Aleppo Daily"], "home": "Aleppo, Syria"},
    ]})
    assert kb.home_of("Hama Daily") == "Hama, Syria" and kb.home_of("Reuters") is None
    coder = EventCoder(nlp=load_pipeline(gaz), gazetteer=gaz, actors=ActorKB.load(), sources=kb)
    text = "Artillery shelled Suran on Tuesday, killing two civilians, local sources said."
    provinces = {}
    for outlet in ("Hama Daily", "Aleppo Daily"):
        a = Article(article_id=content_id(text + outlet), doc_id="d", origin="test", title=None,
                    published="2024-05-08", outlet=outlet, language="en", text=text)
        events, _ = coder.code([a])
        provinces[outlet] = {e.admin1 for e in events}
    assert provinces == {"Hama Daily": {"Hama"}, "Aleppo Daily": {"Aleppo"}}


def test_a_place_name_is_no_demonym_of_another_place(gaz_path: Path) -> None:
    gaz = Gazetteer.open(gaz_path)
    suran = gaz.demonym("Suran")  # a Syrian town's own name, not the people of "Suras" (Surat Thani)
    assert suran is None
    iowa, texas = gaz.demonym("Iowans"), gaz.demonym("Texan")
    assert iowa is not None and texas is not None and (iowa.name, texas.name) == ("Iowa", "Texas")


def test_the_county_seat_is_a_seat_not_the_capital(resolver: PlaceResolver) -> None:
    # Washington, Iowa is the seat of its county; the capital is no county seat.
    seat = "Power was out in Washington, the county seat, and in Kalona and Wellman, Iowa, until noon."
    got, _ = resolve(resolver, seat, "Washington", "Kalona", "Wellman", "Iowa")
    assert (got["Washington"].admin1, got["Washington"].feature_code) == ("Iowa", "PPLA2")
    capital = "Power was out in Kalona and Wellman, Iowa, until noon; lawmakers in Washington promised aid."
    got, _ = resolve(resolver, capital, "Kalona", "Wellman", "Iowa", "Washington")
    assert got["Washington"].feature_code == "PPLC"


def test_an_arabic_dateline_frames_the_story_and_a_namesake_outside_stays_unknown(resolver: PlaceResolver) -> None:
    # No Rawdah of Taiz is in the gazetteer: the Shabwah and Sanaa ones are namesakes, not this one.
    text = ("قصف على حي سكني\n\nتعز – الأحد 5 نوفمبر 2023\n\n"
            "قُتل طفل جراء قصف بقذائف الهاون على حي الروضة شرقي مدينة تعز، بحسب مصادر طبية.")
    assert find_dateline(text) is not None and find_dateline(text)[2] == "تعز"  # type: ignore[index]
    found = geoparse_document(text, resolver=resolver)
    assert found["frame"]["admin1"] == "Taizz"
    rawdah = next(t for t in found["toponyms"] if t["text"].endswith("الروضة"))
    assert rawdah["admin1"] in (None, "Taizz")
    assert find_dateline("قال المرصد - إن القصف استمر طوال الليل") is None  # a dash, but no date after it


def test_a_city_council_names_the_frames_town(resolver: PlaceResolver) -> None:
    # "Springfield City" is another name of Springfield, Massachusetts only; this story is in Illinois.
    text = "The Springfield City Council voted to raise water rates in Chatham, Sangamon County officials said."
    got, _ = resolve(resolver, text, "Springfield City", "Chatham", "Sangamon County")
    assert got["Springfield City"].admin1 == "Illinois"
    other, _ = resolve(resolver, "Tourists flocked to Quebec City and Montreal.", "Quebec City", "Montreal")
    assert other["Quebec City"].feature_code != "ADM1"  # the city, not the province


def test_a_spelling_key_match_needs_a_country_the_story_is_about(resolver: PlaceResolver) -> None:
    # "Al Quriyah" shares a spelling key with a Chinese city; one passing mention of China (a
    # link to another story) does not make it a Syrian story's place.
    text = ("Air raids on the town of Al Quriyah, southeast of Deir Ezzor, killed 30 civilians on Sunday, "
            "the monitor said. Strikes also hit Mayadin and Albu Kamal, and shells fell on Aleppo. "
            "Related: China weighs new tariffs.")
    places, _ = resolve(resolver, text, "Al Quriyah", "Deir Ezzor", "Mayadin", "Albu Kamal", "Aleppo", "China")
    assert places["Al Quriyah"].country in (None, "Syria")
    assert places["Deir Ezzor"].country == "Syria"


def test_a_name_after_a_role_or_before_ibn_is_a_person(resolver: PlaceResolver) -> None:
    from marsad.nlp import load_pipeline

    nlp = load_pipeline(resolver.gaz)
    for text in ("Opposition activist Omar Abu Laila said ten people were killed in Deir Ezzor.",
                 "Forty worshippers were killed in the crowded Omar Ibn al-Khattab Mosque in Deir Ezzor."):
        names = [t["text"] for t in geoparse_document(text, resolver=resolver, nlp=nlp)["toponyms"]]
        assert "Omar" not in names and "Deir Ezzor" in names


def test_a_place_name_the_language_model_cut_short_is_read_whole(resolver: PlaceResolver) -> None:
    # spaCy's small model tags only "Kong" of "Hong Kong": two towns elsewhere ("Hong" in
    # Nigeria, "Kong" in Ivory Coast) until the cut name is widened to the place it names.
    from marsad.nlp import load_pipeline

    nlp = load_pipeline(resolver.gaz)
    text = "Police in Hong Kong arrested five protesters on Monday."
    records = geoparse_document(text, resolver=resolver, nlp=nlp)["toponyms"]
    assert [(t["text"], t["country_code"]) for t in records] == [("Hong Kong", "HK")]


def test_a_town_named_by_two_words_is_not_a_village_named_by_the_first(resolver: PlaceResolver) -> None:
    # NER tags only "Tal": a village of that name elsewhere, until the name is read whole.
    from marsad.nlp import load_pipeline

    nlp = load_pipeline(resolver.gaz)
    text = "Militants of the YPG entered the Syrian border town of Tal Abyad on Monday after the jihadists withdrew."
    records = geoparse_document(text, resolver=resolver, nlp=nlp)["toponyms"]
    assert ("Tal Abyad", "SY", "Raqqa") in [(t["text"], t["country_code"], t["admin1"]) for t in records]


def test_an_arabic_article_joins_a_name_known_by_its_spelling_key() -> None:
    # "Busra al-Sham" (GeoNames: Buşrá ash Shām): NER cuts "al-Sham", which alone is a name of
    # Damascus; one town, one event.
    from marsad.events.code import EventCoder

    from .conftest import code

    text = ("Several dozen people protested on Sunday in the town of Busra al-Sham, east of Daraa, "
            "against the return of a statue, residents said.")
    events, _ = code(EventCoder.load(), text, published="2019-03-11")
    assert [(e.admin1, e.location) for e in events] == [("Daraa", "Buşrá ash Shām")]


def _toponyms(resolver: PlaceResolver, text: str, names: list[str]) -> list[dict]:
    return geoparse_document(text, resolver=resolver, spans=name_spans(text, names))["toponyms"]


def test_the_state_after_a_towns_name_holds_it_whatever_the_story_says_of_the_country(gaz_path: Path) -> None:
    # A Guard story from Lebanon, Pennsylvania, full of the Middle East: the state written
    # after the dateline's town leaves no reading outside it.
    resolver = PlaceResolver(Gazetteer.open(gaz_path))
    text = ("LEBANON, Pa. — Forty Guard soldiers came home from Kuwait on Saturday. Families from "
            "North Lebanon and Palmyra lined the road, and one sergeant said troops in Kuwait City had "
            "asked whether Lebanon was near Beirut.")
    got = _toponyms(resolver, text, ["LEBANON", "Pa.", "Kuwait", "North Lebanon", "Palmyra", "Kuwait City",
                                     "Lebanon", "Beirut"])
    first = got[0]
    assert (first["country_code"], first["admin1"]) == ("US", "Pennsylvania")


def test_a_town_the_text_placed_in_the_storys_state_is_that_town_wherever_named(gaz_path: Path) -> None:
    resolver = PlaceResolver(Gazetteer.open(gaz_path))
    text = ("Elena Brandt grew up in Mexico, Missouri, and graduated from Mexico High School in 2019. Her "
            "mother still teaches in Mexico, and her father farms east of Vandalia, in Missouri's Audrain County.")
    got = _toponyms(resolver, text, ["Mexico", "Missouri", "Mexico High School", "Mexico", "Vandalia",
                                     "Missouri", "Audrain County"])
    for i in (0, 2, 3):
        assert (got[i]["country_code"], got[i]["admin1"]) == ("US", "Missouri"), got[i]["text"]


def test_a_namesake_the_writer_placed_elsewhere_is_the_exception(gaz_path: Path) -> None:
    # A Welsh paper: the quartet's Newport is marked as the other one; the festival's is home.
    resolver = PlaceResolver(Gazetteer.open(gaz_path))
    text = ("NEWPORT, Wales — A jazz quartet from Newport, Rhode Island, will headline the riverside festival "
            "in Newport this summer, Cardiff and Newport organisers said.")
    got = _toponyms(resolver, text, ["NEWPORT", "Wales", "Newport", "Rhode Island", "Newport", "Cardiff", "Newport"])
    assert got[2]["admin1"] == "Rhode Island"
    assert got[4]["country_code"] == "GB" and got[6]["country_code"] == "GB"


def test_a_town_known_by_the_name_outranks_one_that_lists_it_among_other_names(gaz_path: Path) -> None:
    # The Iowa town is called Madrid, and with Woodward and Boone County beside it the story
    # is in Iowa.
    resolver = PlaceResolver(Gazetteer.open(gaz_path))
    text = "The lighted bridge between Madrid and Woodward drew riders from across Boone County."
    got = _toponyms(resolver, text, ["Madrid", "Woodward", "Boone County"])
    assert (got[0]["name"], got[0]["country_code"]) == ("Madrid", "US")
    assert got[0]["admin1"] == got[1]["admin1"] == "Iowa"
    # GeoNames lists "Milan" among Syracuse's other names; in an American story it is one of
    # the towns called Milan.
    text = "Clubs from Ohio, Texas and Maine sent riders, and the new trail runs into Milan."
    got = _toponyms(resolver, text, ["Ohio", "Texas", "Maine", "Milan"])
    assert (got[3]["name"], got[3]["country_code"]) == ("Milan", "US")
    # A short form of a town's own name still names it.
    text = "Doctors in Newcastle said the treatment worked, a spokesman told reporters in London."
    got = _toponyms(resolver, text, ["Newcastle", "London"])
    assert got[0]["name"] == "Newcastle upon Tyne"


def test_a_mountain_or_a_manor_is_not_the_town_in_its_name(gaz_path: Path) -> None:
    from marsad.places.names import is_site

    assert is_site("Magnolia Manor") and is_site("Culbertson Fountain")
    resolver = PlaceResolver(Gazetteer.open(gaz_path))
    # "Keswick" is a town in Cumbria; this mountain is no part of it.
    text = "Hikers were rescued from Mount Keswick on Sunday after a snowstorm."
    got = _toponyms(resolver, text, ["Mount Keswick"])
    assert got[0]["latitude"] is None


def test_a_name_listed_with_a_country_keeps_its_own_reading(gaz_path: Path) -> None:
    resolver = PlaceResolver(Gazetteer.open(gaz_path))
    text = ("JORDAN, Minn. — Sgt. Dana Holt, who served in the Army in Jordan and Iraq, came home on Friday. "
            "Jordan's mayor met her bus.")
    got = _toponyms(resolver, text, ["JORDAN", "Minn.", "Jordan", "Iraq", "Jordan"])
    assert got[0]["admin1"] == "Minnesota" and got[4]["admin1"] == "Minnesota"
    assert got[2]["country_code"] == "JO"


def test_the_one_village_of_a_name_in_another_province_is_not_the_storys(resolver: PlaceResolver) -> None:
    # The gazetteer knows one Nyaung Kone, a village near Yangon; a Sagaing story's village of
    # that name is one it lacks. Framed in Yangon, the same name is that village.
    sagaing = ("MONYWA — Soldiers burned houses in Nyaung Kone village on Monday, residents of Sagaing Region "
               "said. Families from Kani and Budalin fled.")
    yangon = ("YANGON — Soldiers searched houses in Nyaung Kone village on Monday, residents of Yangon Region "
              "said.")
    a, fa = resolve(resolver, sagaing, "Nyaung Kone", "Sagaing Region", "Kani", "Budalin")
    b, _ = resolve(resolver, yangon, "Nyaung Kone", "Yangon Region")
    assert fa is not None and fa.admin1 == "Sagaing"
    assert a["Nyaung Kone"].geonameid is None
    assert b["Nyaung Kone"].admin1 == "Yangon"
    # A village of a neighbouring province, near the story's places, is that village.
    text = ("Russian forces attacked near Kreminna and Bilohorivka in the Luhansk region on Tuesday. A drone "
            "strike on Torske killed two civilians, the governor said.")
    got, frame = resolve(resolver, text, "Kreminna", "Bilohorivka", "Luhansk", "Torske")
    assert frame is not None and frame.admin1 == "Luhansk"
    assert got["Torske"].admin1 == "Donetsk"


def test_a_stray_name_read_abroad_does_not_dilute_the_province_a_story_is_set_in() -> None:
    from marsad.places.frame import FrameVotes
    from marsad.places.gazetteer import Candidate

    def place(cc: str, a1: str, name: str) -> Candidate:
        return Candidate(geonameid=1, name=name, latitude=0.0, longitude=0.0, feature_class="P", feature_code="PPL",
                         country_code=cc, country=cc, admin1_code=a1, admin1=name, admin2_code=None, admin2=None,
                         population=5000, match=2)

    votes = FrameVotes()
    votes.add(place("US", "OR", "Siletz"), 1.0, "Siletz")  # unambiguous, in Oregon
    votes.add(place("US", "OR", "Newport"), 0.25, "Newport")  # a hint
    votes.add(place("US", "OH", "Toledo"), 0.25, "Toledo")  # a hint elsewhere in the country
    votes.add(place("TZ", "19", "Coast"), 1.0, "Coast")  # a word read as a Tanzanian region
    frame = votes.frame()
    # Oregon holds 1.25 of the 2.5 votes, but 1.25 of the 1.5 cast for the United States.
    assert frame is not None and (frame.country_code, frame.admin1_code) == ("US", "OR")
    # Siletz's own reading is decided without its vote: then the one name read abroad leads.
    assert votes.frame("Siletz") is not None and votes.frame("Siletz").country_code == "TZ"


def test_a_mid_sized_town_abroad_does_not_enter_a_story_that_never_names_its_country(
        resolver: PlaceResolver) -> None:
    """A town of 100,000 abroad ("Kani", Japan) is no reading of a bulletin's town in a story
    told in Myanmar that never names Japan; a city of millions still travels ("Bangkok")."""
    text = ("Here is a roundup of incidents in Sagaing Region. MONYWA: Troops detained four men at a "
            "checkpoint. KANI: Resistance fighters clashed with soldiers south of the town. Refugees "
            "later reached Bangkok, relatives said.")
    places, _frame = resolve(resolver, text, "Sagaing Region", "MONYWA", "KANI", "Bangkok")
    assert places["KANI"].country_code != "JP"
    assert places["Bangkok"].country_code == "TH"
    # ... nor through a longer name that holds its name ("Orlando East", a Soweto suburb)
    text = ("JOHANNESBURG — Residents of Soweto marched over power cuts on Monday. The march began in "
            "Orlando East, where streets have been dark for weeks, and ended at the Orlando substation.")
    places, _frame = resolve(resolver, text, "JOHANNESBURG", "Soweto", "Orlando East", "Orlando")
    assert places["Orlando East"].country_code != "US" and places["Orlando"].country_code != "US"


def test_a_village_in_the_central_region_the_text_names_is_in_it(resolver: PlaceResolver) -> None:
    text = ("BAMAKO, March 3 (AFP) - Jihadists attacked an army convoy near Boni in the central Mopti region "
            "on Sunday.")
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("BAMAKO", "Boni", "Mopti")]
    boni = place_spans(text, spans, resolver)[0][1]
    assert boni.country_code == "ML" and boni.admin1 == "Mopti"


@pytest.mark.parametrize(("text", "city", "story"), [
    ("BAMAKO, Feb 27 (AFP) - Two soldiers were killed on Sunday.", "BAMAKO", "Two soldiers"),
    ("Bogotá, 22 Apr (EFE).- Dissidents attacked a police station on Monday.", "Bogotá", "Dissidents"),
    ("NAIROBI, Kenya, Nov 3, 2024 (AP) — Police fired tear gas.", "NAIROBI", "Police"),
])
def test_a_dated_dateline_in_either_order(text: str, city: str, story: str) -> None:
    from marsad.places.frame import dateline_end

    found = find_dateline(text)
    assert found is not None and found[2] == city
    assert text[dateline_end(text):].startswith(story)
    assert dateline_end("UN-backed forces attacked the town.") == 0


def test_a_bureau_dateline_abroad_does_not_outvote_the_story_s_own_province(resolver: PlaceResolver) -> None:
    # Filed from Beirut, set in Idlib: the dateline is where the reporter sits. Its 1.5 votes
    # for Beirut outweighed Idlib's own, and the story was framed in Lebanon.
    text = ("BEIRUT (Reuters) — Shells struck the market of Sarmin in Syria's Idlib province on Sunday, killing "
            "three people, rescuers said.")
    got, frame = resolve(resolver, text, "BEIRUT", "Sarmin", "Idlib")
    assert frame is not None and frame.admin1 == "Idlib"
    assert any("not counted" in note for note in frame.evidence)


def test_a_dateline_in_the_story_s_own_country_still_votes(resolver: PlaceResolver) -> None:
    # Filed from Damascus about Idlib: the same country, so the dateline is evidence as before.
    text = ("DAMASCUS (Reuters) — Shells struck the market of Sarmin in Syria's Idlib province on Sunday, killing "
            "three people.")
    _, frame = resolve(resolver, text, "DAMASCUS", "Sarmin", "Idlib")
    assert frame is not None and frame.evidence[0] == "dateline DAMASCUS"


def test_a_sentence_opening_on_a_country_holds_its_places(resolver: PlaceResolver) -> None:
    # Written for this test: a story of US cities, then "In Bolivia, … Santa Cruz" and ", and in
    # Costa Rica … San José": the sentence's own country decides.
    text = ("Dengue cases rose in Texas, California and Florida this summer, with clinics in Houston, "
            "San Diego and Miami reporting record numbers. In Bolivia, officials in Santa Cruz have closed "
            "schools, and in Costa Rica doctors in San José reported that cases had tripled.")
    got, _ = resolve(resolver, text, "Texas", "California", "Florida", "Houston", "San Diego", "Miami",
                     "Bolivia", "Santa Cruz", "Costa Rica", "San José")
    assert got["Santa Cruz"].country_code == "BO"
    assert got["San José"].country_code == "CR"
    # A state or province that opens a sentence does not turn the countries it names into
    # towns of its own, nor a place named as where something was said or sent.
    got, _ = resolve(resolver, "In Maine, farmers said tariffs on goods from China and Mexico would hurt exports.",
                     "Maine", "China", "Mexico")
    assert (got["China"].country_code, got["Mexico"].country_code) == ("CN", "MX")
    got, _ = resolve(resolver, "In Virginia, Syrian refugees said government air strikes on Damascus killed five.",
                     "Virginia", "Damascus")
    assert got["Damascus"].country_code == "SY"


def test_a_place_some_distance_from_another_lies_that_far_from_it(resolver: PlaceResolver) -> None:
    # Written for this test: "London, about 190 kilometres west of Toronto" is London, Ontario,
    # in a story that names Britain.
    text = ("Britain reported new cases of the virus in Manchester, Leeds and Bristol on Monday, and one "
            "in Toronto. A nurse has been isolated in London, about 190 kilometres west of Toronto.")
    got, _ = resolve(resolver, text, "Britain", "Manchester", "Leeds", "Bristol", "Toronto", "London", "Toronto")
    assert got["London"].country_code == "CA"


def test_a_capital_lies_in_what_it_is_the_capital_of(resolver: PlaceResolver) -> None:
    # Written for this test: Indian towns first, then "Lahore, the capital of Punjab province".
    text = ("Twelve cases were reported in Amritsar and Ludhiana last week. Officials in Lahore, the "
            "capital of Punjab province, have set up isolation wards.")
    got, _ = resolve(resolver, text, "Amritsar", "Ludhiana", "Lahore", "Punjab")
    assert got["Punjab"].country_code == "PK"


def test_world_regions_are_regions(resolver: PlaceResolver) -> None:
    # "Central Africa" is a region, not the Central African Republic; "the Americas" a place.
    assert resolver.resolve("Central Africa").feature_code == "RGN"
    assert resolver.resolve("Southern Africa").feature_code == "RGN"
    assert resolver.resolve("Americas").latitude is not None

"""Rules of news added in the twelfth session (2026-12-07): what a story sums up or names in
passing is no event of its own (a toll since a month, what fighting has done, a campaign, a span
of years, a motor rally), "also" with a town of its own tells another event, and more; with
guard cases from a review helper's texts of its own. Texts written for these tests."""

from __future__ import annotations

import pytest

from .conftest import code
from .test_war_news_rules import _sub_type

SHOPKEEPER = "Gunmen shot dead a shopkeeper in Kidal on Tuesday, residents said. "


@pytest.fixture(scope="module")
def gaz(gaz_path):
    from marsad.places import Gazetteer

    return Gazetteer.open(gaz_path)


@pytest.fixture(scope="module")
def nlp(gaz):
    from marsad.nlp import load_pipeline

    return load_pipeline(gaz)


def _toponyms(nlp, gaz, text: str) -> list[str]:
    from marsad.places.detect import find_toponyms

    doc = nlp(text)
    return [doc.text[s:e] for s, e, _ in find_toponyms(doc, gazetteer=gaz)]


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
    assert _sub_type(sentence) == sub_type


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


@pytest.mark.parametrize("when", ["this afternoon", "this evening"])
def test_this_afternoon_is_the_day_of_publication(when):
    import datetime as dt

    from marsad.dates import resolve

    day = resolve(f"Russian artillery shelled the town {when}, injuring a 70-year-old man.", dt.date(2023, 8, 29))
    assert day is not None and day.date == dt.date(2023, 8, 29)


def test_a_sentence_that_opens_on_its_own_day_is_read_apart_from_a_claim_before_it(coder):
    text = ("Militants attacked a police post in Quetta on Friday night, killing three policemen, officials said. "
            "A banned group claimed responsibility for the attack, a claim officials dismissed as propaganda. "
            "On Monday traders in Quetta kept their shops closed and held a protest rally against the closure of "
            "the main road.")
    events, _ = code(coder, text, published="2024-05-29")
    assert ("Peaceful protest", "2024-05-27") in {(e.sub_event_type, e.event_date) for e in events}


def test_funeral_prayers_date_no_act(coder):
    text = ("Funeral prayers of two more soldiers who succumbed to their injuries were offered at the army "
            "headquarters in Quetta on Tuesday, raising the toll of Friday's attack on a checkpoint in Turbat to five.")
    events, _ = code(coder, text, published="2024-05-29")
    assert "2024-05-28" not in {e.event_date for e in events}


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # an attack on farmers, whatever property burned with it
    ("Settlers attacked olive pickers near the village of Qaryut on Tuesday, wounding two men and setting fire "
     "to two cars.", "Attack"),
    # the state's capture, with paramilitary allies named second
    ("Iraqi troops and Shi'ite paramilitary fighters retook the village of al-Mazraa south of Baiji on Tuesday.",
     "Government regains territory"),
    # rebels and allies are still rebels
    ("Rebels and allied fighters seized the town of Kafr Nabudah on Monday.", "Non-state actor overtakes territory"),
])
def test_who_was_attacked_and_who_took_the_village(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_name_that_opens_with_madinat_is_one_name(nlp, gaz):
    text = "Rebels and government forces fought on the outskirts of Madinat al-Baath on Tuesday."
    assert _toponyms(nlp, gaz, text) == ["Madinat al-Baath"]


def test_arabic_a_burial_day_is_no_day_of_the_act(coder):
    from .test_war_news_rules import code_ar

    text = ("شيّع أهالي بلدة عين عيسى، اليوم الأربعاء، ثلاثة أشخاص قتلوا بضربة طائرة مسيّرة تركية استهدفت سيارتهم "
            "قرب البلدة، يوم الاثنين الماضي.")
    events = code_ar(coder, text, published="2024-02-14")
    assert {e.event_date for e in events} == {"2024-02-12"}


@pytest.mark.parametrize(("heading", "headline"), [
    ("Related news", "Gunmen kill three soldiers in an ambush near Gao"),
    ("اخبار ذات صلة", "اعتقال ثلاثة مطلوبين بتهم ارهابية في الموصل"),
])
def test_the_headlines_under_a_related_news_heading_are_not_the_story(heading, headline):
    from marsad.segment.clean import blocks, clean_part

    page = ("The body of the story tells what happened on Monday in the town, officials said.\n\n"
            f"A second paragraph tells more of it, and of who said so.\n\n{heading}\n{headline}\n")
    part = clean_part(blocks(page), title="A story")
    assert headline not in " ".join(part.body) and headline in part.meta_lines


@pytest.mark.parametrize(("sentence", "veto"), [
    # a picture of the act, shared on a day of its own
    ("Videos of the assault circulated on social media on Monday.", True),
    # what the video shows is the act, with its day
    ("Videos of the assault on Monday show gunmen firing at the crowd.", False),
])
def test_a_video_shared_on_a_day_is_no_act_of_that_day(sentence, veto):
    from marsad.events.nonevents import not_an_event

    assert (not_an_event(sentence, "Battles", sentence.index("assault")) is not None) == veto


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("Farmers drove their tractors to the provincial government building on Monday and handed over a petition.",
     None),
    ("Rebels handed over the town to the army on Monday.", "Non-violent transfer of territory"),
])
def test_a_petition_handed_over_is_no_territory(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_where_the_wounded_were_taken_is_not_where_it_happened(coder):
    text = ("Regime shells struck Sarmin on Monday, killing three civilians. The shells struck near a school as "
            "pupils were leaving and wounded seven other people who were taken to the Bab al-Hawa hospital, "
            "medics said.")
    events, _ = code(coder, text, published="2022-11-08")
    assert {e.location for e in events} == {"Sarmīn"}


def test_an_organisations_initials_are_no_town(nlp, gaz):
    text = "Al-Shabaab militants attacked SNA positions near Afgooye on Sunday, the SNA said."
    assert "SNA" not in _toponyms(nlp, gaz, text)
    # initials of a country or a region stay places
    assert {"US", "EU"} <= set(_toponyms(nlp, gaz, "The US said its forces struck targets, and the EU condemned it."))


def test_arabic_sorties_on_gatherings_are_air_strikes():
    assert _sub_type("ونفذ سلاح الجو في الجيش العربي السوري طلعات على تجمعات ومقرات لإرهابيي التنظيم في مدينة "
                     "الميادين، أسفرت عن تدمير مستودع للذخيرة") == "Air/drone strike"


def test_a_story_sentence_glued_after_a_teaser_headline_is_read(coder):
    text = ("Gunmen shot dead a farmer near Shahba on Saturday, relatives said. Read more: Families of hostages say "
            "the regime used them as a bargaining chip Unknown gunmen abducted a young man from the town of Shahba "
            "on Sunday, his family said.")
    events, _ = code(coder, text, published="2018-11-12")
    assert "Abduction/forced disappearance" in {e.sub_event_type for e in events}


@pytest.mark.parametrize("sentence", [
    "Read more: Gunmen kill three soldiers in ambush near Gao",
    "Turkey has sent troops into Idlib and threatened to strike regime forces if its soldiers are harmed Read more: "
    "The offensive in numbers Tags: Latakia, Kabani, Russian airstrikes, Bdama",
])
def test_a_teaser_headline_and_a_glued_tag_line_are_no_event(sentence):
    from marsad.events.nonevents import not_an_event

    word = "kill" if "kill " in sentence else "airstrikes"
    assert not_an_event(sentence, "Battles", sentence.index(word)) == "tag or metadata line"


def test_history_told_of_a_place_in_a_relative_clause_leaves_the_day_s_act(coder):
    text = ("On Thursday, gunmen on motorbikes killed five civilians in Djibo, a town where dozens of people were "
            "massacred in June last year, local sources said.")
    events, _ = code(coder, text, published="2023-05-16")
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in events] == [("Attack", "2023-05-11", 5)]


def test_an_act_of_last_year_in_a_relative_clause_without_a_day_is_history(coder):
    text = "Militants who stormed the village of Djibo last year killed 40 people, residents recalled."
    events, _ = code(coder, text, published="2023-05-16")
    assert events == []


def test_a_province_at_geonames_second_level_is_that_province(nlp, gaz):
    from marsad.places.detect import find_toponyms
    from marsad.places.resolve import PlaceResolver

    doc = nlp("Jihadists attacked Sebba on Saturday. On Thursday, gunmen killed five civilians in a village in "
              "the neighbouring Seno province, local sources said.")
    spans = find_toponyms(doc, gazetteer=gaz)
    places = PlaceResolver(gaz).resolve_all(doc.text, spans)
    seno = [p for (s, e, _), p in zip(spans, places, strict=True) if doc.text[s:e].startswith("Seno")]
    assert [(p.country_code, p.feature_code) for p in seno] == [("BF", "ADM2")]


@pytest.mark.parametrize(("text", "place"), [
    # a province's capital named by its country and province is the province's
    ("Russian jets bombed a market in the capital of Syria's Idlib province on Tuesday, killing nine people.",
     "Idlib"),
    # troops and reinforcements go where the act is
    ("Reinforcements were rushed to Menaka on Tuesday after militants attacked the town's main army camp, "
     "killing four soldiers.", "Menaka"),
    # a career's span of years is no history of the act
    ("Police in Kano arrested a man who served as a Boko Haram commander from 2011 to 2013 on Tuesday.", "Kano"),
    # a day named makes the fight against militants a battle of that day
    ("Two soldiers died in the fight against militants near Menaka on Tuesday, the army said.", "Menaka"),
    # a post posted online that tells its toll is the act
    ("Footage of the air strike on a wedding in Wad Madani on Tuesday, which was posted online by activists, "
     "showed bodies in the street; 18 people were killed, residents said.", "Wad Medani"),
])
def test_guards_from_the_review(coder, text, place):
    events, _ = code(coder, text, published="2024-05-29")
    assert place in {e.location for e in events}


@pytest.mark.parametrize("sentence", [
    "In a statement on March 2, the army said militants had attacked its base in Gao.",
    "After the March 2 truce collapsed, militants fired mortars at the army base in Gao.",
    "وكان النظام قد أعلن في 3 آذار الماضي عن تسوية في البلدة قبل أن تقصفها قواته بالمدفعية.",
])
def test_a_calendar_day_of_something_else_recalls_no_act(sentence):
    from marsad.dates import opens_with_a_calendar_day

    assert not opens_with_a_calendar_day(sentence)


def test_shia_is_no_burial():
    from marsad.events.mentions import MOURNED

    assert MOURNED.search("شنت فصائل شيعية عراقية هجوماً بالطائرات المسيرة") is None
    assert MOURNED.search("شيّع أهالي الرقة ثلاثة أشخاص") is not None


def test_also_at_a_quarter_told_before_is_the_same_event(coder):
    text = ("A car bomb exploded in a market in Baghdad's Sadr City on Tuesday, killing seven people, police said. "
            "Militants also detonated a roadside bomb in Sadr City later in the day, wounding four policemen.")
    events, _ = code(coder, text, published="2024-05-29")
    assert len([e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]) == 1


def test_a_long_line_under_a_related_heading_is_the_story():
    from marsad.segment.clean import blocks, clean_part

    page = ("Militants attacked an army post in Djibo on Tuesday, killing six soldiers.\n\nMost read\n"
            "Burkina junta extends transition by five years\n\nIn a separate attack on Tuesday, gunmen killed "
            "four civilians near Arbinda, residents said\n\nThe army did not comment.\n")
    part = clean_part(blocks(page), title="Six soldiers killed")
    assert any("Arbinda" in line for line in part.body)
    assert "Burkina junta extends transition by five years" in part.meta_lines

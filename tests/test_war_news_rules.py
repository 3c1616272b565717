"""Rules of war and protest news added in the ninth and tenth sessions (2026-12-06, 2026-12-07),
in English and Arabic: what a dual, a street and a home town say about where something happened. Texts
written for these tests."""

from __future__ import annotations

import pytest

from marsad.arabic.places import find_toponyms
from marsad.places import Gazetteer


@pytest.fixture(scope="module")
def gaz(gaz_path) -> Gazetteer:
    return Gazetteer.open(gaz_path)


def _names(text: str, gaz: Gazetteer) -> list[str]:
    return [text[s:e] for s, e, _label in find_toponyms(text, gaz)]


def code_ar(coder, text: str, published: str = "2022-03-02"):
    """Code one Arabic article; its events that happened."""
    from marsad.records import Article, content_id

    a = Article(article_id=content_id(text), doc_id="d", origin="test", title="خبر", published=published,
                outlet=None, language="ar", text=text)
    events, _ = coder.code([a])
    return [e for e in events if e.modality == "occurred"]


def test_a_dual_names_two_places_not_three(gaz):
    # "مدينتا" (two towns): the third و-word, "وقفات" (vigils), is no third town
    text = "وشهدت مدينتا جاسم وطفس وقفات تضامنية مساء الجمعة."
    assert _names(text, gaz) == ["جاسم", "طفس"]
    # a plural list runs on
    assert _names("وشهدت بلدات جاسم وطفس ونوى إضراباً عاماً.", gaz) == ["جاسم", "طفس", "نوى"]


def test_a_street_named_after_a_city_is_no_city(gaz):
    text = "سقطت قذيفة هاون على شارع بغداد وسط دمشق، وأخرى قرب الشارع حلب القديم."
    assert _names(text, gaz) == ["دمشق"]


@pytest.mark.parametrize(("text", "town"), [
    # delegations who came from other towns joined the crowd: the protest is the square's town's
    ("اعتصم مئات المحتجين أمس في ساحة السرايا وسط مدينة درعا، بمشاركة وفود قدمت من نوى وطفس وجاسم.", "Dar‘ā"),
    # a victim "of the people of" a town was hit where the sentence says
    ("قتل مسلحون مجهولون أمس شاباً من أبناء بلدة نوى في مدينة إزرع بريف درعا.", "Izra‘"),
])
def test_where_people_came_from_is_not_where_it_happened(coder, text, town):
    events = code_ar(coder, text)
    assert [e.location for e in events] == [town]


def _sub_type(sentence: str) -> str | None:
    from marsad.events.classify import classify

    c = classify(sentence)
    return c.sub_event_type if c else None


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # a capture the other side denies is a fight whose outcome is disputed
    ("Rebels say they seized an army outpost near the town yesterday; the army says the attack was repelled.",
     "Armed clash"),
    ("The militia said it had captured two villages on Monday, but the army denied losing them.", "Armed clash"),
    # resistance forces and defence forces that take an outpost are no government
    ("Resistance forces seized a junta outpost near the town on Wednesday, killing 11 soldiers.",
     "Non-state actor overtakes territory"),
    ("Local People's Defence Force units overran a police station in the township on Monday.",
     "Non-state actor overtakes territory"),
    # people arrested with what was seized from them: the arrest is the event
    ("Counter-terrorism police arrested three suspected militants on Sunday and seized two suicide vests "
     "and a rifle, an official said.", "Arrests"),
    ("Police seized 40 rifles and 3,000 rounds of ammunition at a farm outside the city on Tuesday.",
     "Disrupted weapons use"),
    # a sniper who kills a member of an armed force fights it
    ("A sniper killed a member of the paramilitary force at a checkpoint near the town on Friday.", "Armed clash"),
    # a man attacked by men, wherever and whenever the sentence says first
    ("The editor was attacked outside his office in the old town late on Monday by unknown men on motorbikes.",
     "Attack"),
    # a shell that kills is shelling, whoever it killed
    ("A shell killed two children near a displacement camp outside the town on Tuesday.",
     "Shelling/artillery/missile attack"),
    ("• A mortar shell wounds four people near the market", "Shelling/artillery/missile attack"),
    # a place taken, told in the present perfect
    ("Government forces and allied militias have taken the Tal Hadid district, the largest in the east.",
     "Government regains territory"),
])
def test_war_sentences(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize("sentence", [
    "The company said Shell killed the project after the merger.",
    "The minister has taken the lead on the reform.",
])
def test_no_war_in_these(sentence):
    assert _sub_type(sentence) not in ("Shelling/artillery/missile attack", "Government regains territory",
                                       "Non-state actor overtakes territory")


@pytest.mark.parametrize("sentence", [
    # what a group does, told in the present of a relative clause
    "The valley's orchards have long served as a refuge for militants who attack villages and army posts.",
    "Police are hunting a gang that kidnaps travellers on the highway.",
    # a monitor's count of acts
    "The documentation office recorded 41 assassinations and attempted assassinations in the province during May.",
])
def test_not_an_act(coder, sentence):
    from .conftest import code

    events, _ = code(coder, sentence, published="2021-06-08")
    assert events == []


def test_a_past_perfect_plan_is_a_plan(coder):
    from marsad.events.modality import modality

    sentence = "He said the men had been planning attacks on checkpoints in the city."
    at = sentence.index("attacks")
    assert modality(sentence, at, at + len("attacks")) == "planned"


def test_a_superlative_since_a_past_year_is_news(coder):
    from .conftest import code

    text = ("Government forces have taken the Tal Hadid district, the first in the east to fall to them since "
            "rebels seized it in 2013.")
    events, _ = code(coder, text, published="2016-11-27")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_a_recalled_visit_s_list_of_towns_places_no_act(coder):
    # "two weeks after the minister visited A, B and C": the visit's towns are not the attacks'
    from .conftest import code

    text = ("A roadside bomb killed two soldiers near Tuz Khurmatu on Tuesday, officials said.\n\n"
            "The latest attacks come less than two weeks after the minister visited Basra, Najaf and Kirkuk, "
            "including stops in Mosul and Erbil, under tight security.")
    events, _ = code(coder, text, published="2021-03-17")
    assert {e.location for e in events} <= {"Ţūz Khūrmātū"}


def test_a_spokesman_in_a_city_who_confirms_is_no_place_of_the_act(coder):
    from .conftest import code

    text = ("Gunmen abducted nine traders in Kawuri village in Konduga Local Government Area of Borno State.\n\n"
            "The traders were seized on Tuesday evening on their way back from a market, residents said.\n\n"
            "A police spokesman in Maiduguri confirmed the abduction but said seven traders were taken.")
    events, _ = code(coder, text, published="2021-05-27")
    assert [e.admin1 for e in events] == ["Borno"] and "Maiduguri" not in [e.location for e in events]


def test_a_local_government_area_is_a_place(gaz):
    from marsad.nlp import load_pipeline
    from marsad.places import PlaceResolver
    from marsad.places.geoparse import geoparse_document

    text = "Insurgents killed five loggers near a village in Konduga Local Government Area on Sunday."
    got = geoparse_document(text, resolver=PlaceResolver(gaz), nlp=load_pipeline(gaz))
    assert [(t["text"], t["admin1"]) for t in got["toponyms"]] == [("Konduga Local Government Area", "Borno")]


def test_a_bulletin_s_highlights_are_sentences_of_their_own(coder):
    from .conftest import code

    text = ("North Kivu – Flash Update No. 4\n\nHIGHLIGHTS\n"
            "• At least 12 civilians killed in an attack on a village near Beni on 3 May\n"
            "• A shell kills two children near a displacement site outside Sake\n"
            "• Health centre looted in Kalunguta\n\n"
            "The update was issued in Goma.")
    events, _ = code(coder, text, published="2023-05-05")
    assert {e.sub_event_type for e in events} >= {"Attack", "Shelling/artillery/missile attack",
                                                   "Looting/property destruction"}


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # a reporter beaten, told in the passive, whoever beat him
    ("A photographer for a local daily was beaten by soldiers near the bridge on Friday while covering the march.",
     "Attack"),
    # houses blown up are destroyed property
    ("Troops blew up several houses in the camp on Monday, residents said.", "Looting/property destruction"),
    # people who gather to ask an official for something protest
    ("About 200 traders gathered outside the governor's office on Monday, holding placards, to ask for their "
     "market to be reopened.", "Peaceful protest"),
    # state media's formula for a town retaken
    ("أعادت وحدات من الجيش بالتعاون مع القوات الرديفة اليوم الأمن والاستقرار إلى قرية تل حديد بريف حلب الجنوبي",
     "Government regains territory"),
    # a town retaken after the other side withdrew: no fight
    ("واستعادت القوات الحكومية أمس بلدة تل حديد، بعد انسحاب مسلحي التنظيم منها", "Non-violent transfer of territory"),
    # "إلى" folded is "الي", no vehicle: the town retaken
    ("دخلت قوات الجيش إلى بلدة تل حديد صباح اليوم", "Government regains territory"),
    # an advance told inside a battle is the battle's
    ("ودارت اشتباكات عنيفة اليوم بين الجيش والمسلحين في الحي، وتقدمت خلالها القوات في عدد من المباني.",
     "Armed clash"),
    # explosive belts and weapons seized with the men arrested: the arrest
    ("أوقف الجيش فجر اليوم 4 أشخاص يشتبه بتورطهم في نقل سيارات مفخخة، وضبط في حوزتهم أسلحة وأحزمة ناسفة.",
     "Arrests"),
    # a depot holding weapons seized: weapons disrupted, not a shelling
    ("ضبطت قوى الأمن، صباح اليوم، مستودعاً يحتوي على أسلحة وقذائف هاون في بلدة تل حديد", "Disrupted weapons use"),
    # houses blown up by an army
    ("نسف جيش الاحتلال، صباح اليوم، عدداً من المنازل في المخيم", "Looting/property destruction"),
])
def test_more_war_sentences(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_flight_that_goes_on_is_no_event():
    assert _sub_type("ولا تزال حركة النزوح مستمرة من القرى الحدودية نحو المدن القريبة.") is None


def test_arabic_numeric_dates_above_a_story_are_day_first():
    from marsad.records import RawDocument
    from marsad.segment import segment

    text = "سيطرة على بلدة في ريف دير الزور\n\nالمرصد\n3/7/2014\n\nسيطر مقاتلو التنظيم اليوم على بلدة في الريف الشرقي."
    assert segment(RawDocument(doc_id="x", origin="x", kind="text", text=text))[0].published == "2014-07-03"


def test_a_wire_dateline_glued_to_the_first_words_dates_the_story():
    from marsad.records import RawDocument
    from marsad.segment import segment

    text = "قصف على المخيم\n\nغزة 9-12-2024 وفا- استشهد 3 مواطنين فجر اليوم في قصف استهدف منزلا في المخيم."
    article = segment(RawDocument(doc_id="x", origin="x", kind="text", text=text))[0]
    assert article.published == "2024-12-09" and article.text.startswith("غزة")


def test_the_same_night_is_the_night_just_told():
    import datetime as dt

    import marsad.dates as dates

    day = dt.date(2024, 1, 20)
    assert dates.resolve("وفي الليلة ذاتها، سقط صاروخ في أرض زراعية", day) is None
    assert dates.resolve("وفي الليلة نفسها سقط صاروخ", day) is None
    assert dates.resolve("وسقط صاروخ الليلة على أرض زراعية", day).date == day


def test_an_act_recalled_from_days_ago_beside_the_day_s_news_is_background(coder):
    text = ("قتل ثلاثة مدنيين فجر اليوم الأحد بقصف مدفعي على بلدة نوى بريف درعا.\n\n"
            "واعتقلت دورية أمنية قبل أيام شابين من بلدة جاسم على حاجز قرب المدينة.")
    events = code_ar(coder, text, published="2024-01-21")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_an_island_is_no_algiers(gaz):
    assert not [c for c in gaz.candidates("الجزيرة") if c.name == "Algiers"]


def test_a_funeral_of_men_killed_before_is_no_new_act(coder):
    from marsad.events.classify import classify
    from marsad.events.nonevents import not_an_event

    sentence = ("وشيع الأهالي في مدينة الميادين صباح اليوم جثامين خمسة من عناصر الفوج الأول من أبناء المدينة "
                "قتلوا في غارات جوية على مواقعهم.")
    c = classify(sentence)
    assert c is not None and not_an_event(sentence, c.event_type, c.trigger_start, c.sub_event_type) == \
        "a funeral, the death told before"


@pytest.mark.parametrize("sentence", [
    "Analysts say both sides now prefer a war of attrition fought with artillery and drones.",
    "ويرى محللون عسكريون أن الطرفين يفضلان حرب الاستنزاف عبر القصف المدفعي والطائرات المسيرة",
    "ويقول الخبير الأمني للموقع إن التنظيم ما زال قادراً على تنفيذ هجمات بالعبوات الناسفة",
])
def test_an_analyst_s_view_of_the_war_is_no_act(sentence):
    from marsad.events.classify import classify
    from marsad.events.nonevents import not_an_event

    c = classify(sentence)
    assert c is not None and not_an_event(sentence, c.event_type, c.trigger_start, c.sub_event_type) == \
        "an analyst's view, not an act"


def test_a_scheduled_exchange_stays_planned_past_a_clause_about_last_month():
    from marsad.events.classify import classify
    from marsad.events.modality import modality

    sentence = ("ومن المقرر أن تبدأ اللجنة، غداً الأحد، تنفيذ صفقة تبادل نحو 300 أسير بين الطرفين، بعد أن توصلت "
                "الأطراف إلى الاتفاق الشهر الماضي.")
    c = classify(sentence)
    assert c is not None and modality(sentence, c.trigger_start, c.trigger_end) == "planned"


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # guards a review helper's texts set: the rules above must leave these alone
    ("Police arrested five suspects in the city and seized AK-47 rifles and two rocket launchers.", "Arrests"),
    ("Soldiers detained 12 people and found mortar shells and artillery rounds in the village.", "Arrests"),
    ("Police found a roadside bomb under a bridge near the town and arrested two suspects.", "Disrupted weapons use"),
    ("Bandits who kidnap travellers for ransom killed 12 villagers in the district on Sunday night.", "Attack"),
    ("Military experts said a Russian missile struck a shopping centre in the city, killing 18.",
     "Shelling/artillery/missile attack"),
    ("Officials documented 15 houses burned by attackers in the village.", "Looting/property destruction"),
    ("Houthis claimed to have captured three positions in Marib, while the government said its forces repelled "
     "an attack in Taiz.", "Non-state actor overtakes territory"),
    ("توقفت الاشتباكات بعد أن أسفرت عن مقتل 7 أشخاص في حي الشيخ مقصود", "Armed clash"),
    ("عثرت الشرطة على جثة الانتحاري الذي فجر حزاما ناسفا عند الحاجز ما أدى إلى مقتل 8 أشخاص", "Suicide bomb"),
])
def test_what_the_review_must_leave_alone(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize("sentence", [
    "Chelsea were beaten at home on Saturday by ten men of Burnley.",
    "Former journalist Ama Mensah was beaten in the runoff by the incumbent mayor.",
    "Hundreds of families gathered outside the morgue to ask for news of their relatives.",
    "بحث وزير الخارجية مع نظيره سبل إعادة الأمن والاستقرار إلى ليبيا",
    "أعادت الشرطة الأمن والاستقرار إلى الحي بعد مشاجرة",
])
def test_no_territory_attack_or_protest_in_these(sentence):
    assert _sub_type(sentence) not in ("Government regains territory", "Non-state actor overtakes territory",
                                       "Attack", "Peaceful protest")


def test_people_taken_are_no_place_taken():
    assert _sub_type("Gunmen have taken the village chief hostage in the district.") not in (
        "Government regains territory", "Non-state actor overtakes territory")
    assert _sub_type("Police have taken the district commissioner into custody.") not in (
        "Government regains territory", "Non-state actor overtakes territory")


def test_streets_of_a_city_are_the_city(gaz):
    assert _names("خرج مئات المتظاهرين مساء أمس في شوارع حمص مطالبين بالإفراج عن المعتقلين", gaz) == ["حمص"]


@pytest.mark.parametrize(("sentence", "reason"), [
    ("ويأتي ذلك بعد أيام من تراجع حدة المواجهات بين الطرفين في ريف المحافظة الشرقي",
     "an earlier act the news is measured from"),
    ("وتتصاعد هجمات التنظيم في المناطق الفاصلة بين المحافظات الثلاث", "a trend, not an act"),
])
def test_arabic_background_told_as_measure_or_trend(sentence, reason):
    from marsad.events.classify import classify
    from marsad.events.nonevents import not_an_event

    c = classify(sentence)
    assert c is not None and not_an_event(sentence, c.event_type, c.trigger_start, c.sub_event_type) == reason


def test_the_counter_terrorism_service_is_the_state_retaking_ground():
    assert _sub_type("أعلن جهاز مكافحة الإرهاب، الأربعاء، تحرير حي القدس في الجانب الأيسر للمدينة") == \
        "Government regains territory"


def test_an_outlet_in_brackets_after_a_source_is_no_place(gaz):
    assert _names("وقال المصدر لـ(بغداد اليوم) إن الجرحى نقلوا إلى مستشفى سامراء العام", gaz) == ["سامراء"]


def test_party_supporters_fighting_with_sticks_riot():
    assert _sub_type("Supporters of the ruling party and the opposition fought with sticks, stones and bottles in the "
                     "city on Sunday afternoon.") == "Mob violence"


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # guards a second review helper's texts set
    ("Soldiers fought with rebels using machetes and rifles near the town on Monday, killing six.", "Armed clash"),
    ("A car bomb exploded near a market on Sunday, killing 12 people, and police later arrested two suspects and "
     "recovered a second device.", "Remote explosive/landmine/IED"),
    ("The journalist was kicked and punched by soldiers at a checkpoint on Monday.", "Attack"),
    ("Traders gathered outside the hospital gate on Friday to press the governor to reopen the market.",
     "Peaceful protest"),
    ("A suicide bomber killed 12 people at a mosque in the city, the deadliest attack there since the Taliban "
     "seized power in 2021.", "Suicide bomb"),
    ("بعد ساعات من الاشتباكات العنيفة سيطرت قوات النظام على بلدة كفرنبودة", "Government regains territory"),
    ("وتصاعد القصف المدفعي على مدينة دوما، ما أدى إلى مقتل خمسة مدنيين", "Shelling/artillery/missile attack"),
])
def test_what_the_second_review_must_leave_alone(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_residents_fighting_a_fire_with_sticks_do_not_riot():
    assert _sub_type("Residents fought with sticks and branches to put out a bushfire near the town.") != "Mob violence"


def test_last_week_in_arabic_is_a_vague_recall():
    from marsad.events.code import _VAGUELY_EARLIER

    assert _VAGUELY_EARLIER.search("واعتقلت الدورية الأسبوع الماضي شابين من البلدة")
    assert not _VAGUELY_EARLIER.search("Fighting has gone on since last week in the north.")


@pytest.mark.parametrize(("text", "found"), [
    # spaCy reads "Kherson's Dniprovskyi" as one organisation: a city, then its district
    ("Russian shelling killed a man in Kherson's Dniprovskyi district on Tuesday.",
     [("Kherson", "Kherson"), ("Dniprovskyi", "Kherson")]),
    # a saint's church is no town's part
    ("He prayed at St. George's Cathedral in Cape Town.", [("St. George's Cathedral in Cape Town", "Western Cape")]),
])
def test_a_town_s_part_named_in_the_possessive(gaz, text, found):
    from marsad.nlp import load_pipeline
    from marsad.places import PlaceResolver
    from marsad.places.geoparse import geoparse_document

    got = geoparse_document(text, resolver=PlaceResolver(gaz), nlp=load_pipeline(gaz))
    assert [(t["text"], t["admin1"]) for t in got["toponyms"] if t["text"] != "Russian"] == found


@pytest.mark.parametrize(("text", "admin1", "location"), [
    # a sentence that points back at the dateline's town or its province is placed there
    ("MAIDUGURI, Nigeria (Reuters) - Insurgents shot dead seven farmers on Sunday in a village outside "
     "the town, residents said.", "Borno", "Maiduguri"),
    ("MOSUL, Iraq - A roadside bomb killed two soldiers on Saturday in a village in the north of the "
     "province, police said.", "Nineveh", "Nineveh"),
    # ... a capital too, when the sentence says so
    ("KABUL, Afghanistan - A bomb killed two people on Saturday outside the city, police said.", "Kabul", "Kabul"),
    # a town a distance is measured from is no place of the act
    ("MOGADISHU - Gunmen shot dead three men on Saturday in Afgooye, about 30 km north-west of the capital, "
     "police said.", "Shabeellaha Hoose", "Afgooye"),
    ("MOGADISHU - Militants shot dead two traders on Sunday in Bulo Warshiikh, a village in the Lower Shabelle "
     "region some 120 km south-west of the capital, elders said.", "Shabeellaha Hoose", None),
    # guards: a named town stays; a dateline's town alone is still the place
    ("MOSUL, Iraq - A roadside bomb killed two soldiers on Saturday in Tal Afar, police said.", "Nineveh",
     "Tall ‘Afar"),
    ("KHERSON, Ukraine - A Russian drone killed two men on Saturday near a bus stop, officials said.", "Kherson",
     "Kherson"),
])
def test_a_place_told_by_reference_to_another(coder, text, admin1, location):
    from .conftest import code

    events, _ = code(coder, text, published="2021-03-08")
    assert [e.admin1 for e in events] == [admin1]
    if location is not None:
        assert events[0].location == location


def test_a_river_alone_places_nothing(coder):
    from .conftest import code

    # (the gazetteer reads the Euphrates as a place in Syria's Deir ez-Zor)
    text = ("BAGHDAD (Reuters) - Iraqi troops pushed into eastern Ramadi on Tuesday, officials said.\n\n"
            "Further north, army units advancing along the Euphrates river recaptured the village of Albu Dhiyab "
            "from Islamic State fighters on Wednesday, a military spokesman said.")
    events, _ = code(coder, text, published="2015-12-10")
    assert [e.admin1 for e in events if "Euphrates" in e.evidence[0].text] == ["Anbar"]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # arson of public buildings, no one hurt: property destroyed
    ("On Saturday gunmen set fire to two schools and the town hall in Djibo, residents said.",
     "Looting/property destruction"),
    ("Militants torched the district offices and a health centre in Dori overnight.", "Looting/property destruction"),
    # with a killing, the killing is the event
    ("Gunmen killed two teachers and set fire to the school in Gulak on Monday.", "Attack"),
])
def test_arson_of_public_buildings(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_an_air_strike_and_a_shelling_at_two_named_places_are_two_events(coder):
    from .conftest import code

    text = ("Rebel mortar shells hit the Bab Touma district of Damascus on Monday, killing four people, "
            "the monitor said.\n\n"
            "Government warplanes carried out two air strikes on the Jobar district on Monday morning, "
            "killing three civilians.")
    events, _ = code(coder, text, published="2013-11-05")
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Shelling/artillery/missile attack"]


@pytest.mark.parametrize(("text", "n"), [
    # a campaign still going, told by how long it has lasted
    ("In Sirte, government-allied forces are still battling the last militants holed up in a few "
     "blocks of the city, months after launching an offensive to retake it.", 0),
    # guard: a day of its own is news
    ("Rebels are still fighting government troops in Jobar on Tuesday, a week after the offensive began, "
     "activists said.", 1),
])
def test_a_campaign_still_going_is_no_act(coder, text, n):
    from .conftest import code

    events, _ = code(coder, text, published="2016-10-16")
    assert len(events) == n


def test_the_war_raging_elsewhere_places_no_strike(coder):
    from .conftest import code

    text = ("NAIROBI (AFP) - An Ethiopian air strike on Thursday hit the town of Adigrat in northern Tigray, "
            "killing at least five people, a doctor said, as fighting between government forces and "
            "Tigrayan rebels raged in the neighbouring Amhara region.")
    events, _ = code(coder, text, published="2021-11-12")
    assert [e.admin1 for e in events] == ["Tigrai"]


@pytest.mark.parametrize("text", [
    "ADEN (Reuters) - Houthi fighters seized the district centre of al-Zahir in the central province of "
    "al-Bayda on Sunday, tribal sources said.",
    "ADEN (Reuters) - Houthi fighters seized al-Zahir in the province of al-Bayda on Sunday.",
])
def test_a_place_in_the_province_the_text_names(coder, text):
    from .conftest import code

    events, _ = code(coder, text, published="2021-07-13")
    assert [e.admin1 for e in events] == ["Al Bayda"]


def test_aid_trucks_entering_take_nothing():
    assert _sub_type("The UN says hundreds of thousands in Tigray face famine, and that no aid trucks have "
                     "entered the region since mid-October.") is None
    assert _sub_type("Army tanks entered Daraa al-Balad on Monday.") == "Government regains territory"


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # car bombs with suicide bombers at the wheel
    ("وقال مصدر أمني إن التنظيم دفع بثلاث سيارات مفخخة يقودها انتحاريون نحو مواقع الجيش شرق المدينة.",
     "Suicide bomb"),
    ("انفجرت سيارة مفخخة مركونة قرب السوق صباح اليوم.", "Remote explosive/landmine/IED"),
    # a town taken after battles: the taking is the event
    ("أعلنت قيادة المنطقة العسكرية، اليوم الاثنين، تحرير مدينة الحسينية، مركز القضاء، من عناصر التنظيم، بعد "
     "معارك بدأت فجر أمس الأحد بإسناد من الطيران.", "Government regains territory"),
    ("اندلعت معارك عنيفة بين الجيش وعناصر التنظيم في محيط البلدة.", "Armed clash"),
    # weapons seized on men arrested, or in a fight, are the arrest's or the fight's
    ("أعلنت قيادة الشرطة اعتقال ثلاثة مطلوبين خلال حملة تفتيش، مؤكدة ضبط أسلحة بحوزتهم.", "Arrests"),
    ("وأعلنت الوزارة أن وحدات عسكرية اشتبكت مساء الاثنين مع مجموعة مسلحة في الجبل، وحجزت بندقيتين.",
     "Armed clash"),
    ("وضبطت وحدات الجيش مستودعاً يحتوي على أسلحة وذخائر في ريف المدينة.", "Disrupted weapons use"),
])
def test_arabic_sub_types_told_by_what_goes_with_them(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize("text", [
    # the time since an earlier act, measured from it
    "وكان قائد العمليات قد أعلن في العاشر من الشهر الجاري بدء المرحلة الثانية، بعد أكثر من شهر على إعلان "
    "تحرير مدينة الموصل.",
    # an operation launched to take a place: not taken yet
    "وأعلن رئيس الوزراء في العاشر من الشهر الجاري انطلاق عمليات استعادة القضاء بمشاركة الجيش والشرطة.",
])
def test_arabic_acts_measured_from_or_aimed_at_are_no_acts(coder, text):
    assert code_ar(coder, text, published="2017-08-24") == []


@pytest.mark.parametrize(("text", "town"), [
    # Aden is where the wounded were taken; the fighting was in Zinjibar
    ("أعلن الجيش اليوم الاثنين السيطرة على مدينة زنجبار في محافظة أبين بعد معارك مع عناصر القاعدة. "
     "وأسفرت المعارك عن مقتل 4 جنود، بينما ذكرت مصادر طبية في العاصمة المؤقتة عدن، التي نقل إليها "
     "الجرحى، أن عدد القتلى بلغ 6.", "Abyan"),
    # an AFP dateline is no place of the act, nor a town it lies south-east of
    ("دمشق (أ ف ب) - قتل ثمانية اشخاص الثلاثاء في انفجار سيارة مفخخة في مدينة جرمانا ذات الغالبية الدرزية "
     "جنوب شرق دمشق، بحسب المرصد.", "Rif Dimashq"),
])
def test_arabic_places_that_are_no_place_of_the_act(coder, text, town):
    events = code_ar(coder, text, published="2016-08-15")
    assert [e.admin1 for e in events] == [town]


@pytest.mark.parametrize("sentence", [
    # measures and states of things no analyst codes as an event of their own
    "The governor imposed a dusk-to-dawn curfew on the town on Friday.",
    "The presidency declared a month-long state of emergency in three provinces.",
    "Police said patrols had been stepped up around the market after the attack.",
    "Aid groups say more than 30 towns are cut off by blockades and depend on airlifts.",
])
def test_a_curfew_or_more_patrols_are_no_change_of_a_group(sentence):
    assert _sub_type(sentence) != "Change to group/activity"


# Guards for the misfires a review helper found in this round's rules (its texts reworded).
@pytest.mark.parametrize(("text", "admin1"), [
    # a distance from a town, then the road's far end or a speaker's town: near the first town
    ("A bomb tore through a minibus 12 km north of Homs on the highway to Hama on Monday, killing five "
     "passengers, state media said.", "Homs"),
    ("Gunmen ambushed a lorry 40 km from Kidal on the road to Gao on Monday, killing three drivers.", "Kidal"),
    # an aside's places are the act's when the act names no other
    ("Two soldiers were killed as fighting intensified around Bakhmut on Tuesday, the military said.", "Donetsk"),
    # "a Borno town" is a town of Borno, not a town named Borno
    ("Fighters attacked a Borno town overnight, killing nine soldiers, military sources said.", "Borno"),
    # the state's police speak; the act is at the dateline's town
    ("JOS, Nigeria (Reuters) - A bomb exploded at a market in the city on Sunday, killing eight people, "
     "the state's police commissioner said.", "Plateau"),
])
def test_guards_for_places_told_by_reference(coder, text, admin1):
    from .conftest import code

    events, _ = code(coder, text, published="2023-03-07")
    assert admin1 in [e.admin1 for e in events]


def test_outside_the_town_with_another_town_named_is_not_the_dateline_s(coder):
    from .conftest import code

    text = "NAIROBI, Kenya (AP) — Militants killed 12 people on a bus outside the town, police in Mandera said."
    events, _ = code(coder, text, published="2023-03-07")
    assert events and "Nairobi" not in [e.location for e in events]


def test_the_dateline_city_stays_a_city_when_the_region_is_only_mentioned(coder):
    from .conftest import code

    text = ("KANO, Nigeria (AP) — A suicide bomber killed five people at a mosque on Friday, the worst attack "
            "in the region this year, police said.")
    events, _ = code(coder, text, published="2023-03-04")
    assert [(e.location, e.geo_precision) for e in events] == [("Kano", 1)]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("Rebel trucks have entered the outskirts of Goma, witnesses said on Sunday.",
     "Non-state actor overtakes territory"),
    ("Attackers set fire to a clinic in Beni with patients inside on Sunday, killing 10 people.", "Attack"),
])
def test_guards_for_entering_trucks_and_deadly_arson(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_protest_still_going_is_news(coder):
    from .conftest import code

    events, _ = code(coder, "Striking doctors are still picketing hospitals in Nairobi, weeks after their "
                            "walkout began.", published="2023-03-07")
    assert [e.event_type for e in events] == ["Protests"]


@pytest.mark.parametrize(("text", "admin1"), [
    # the sources' town is where it happened
    ("وقال مصدر طبي في مدينة درعا إن ثلاثة مدنيين قتلوا اليوم بقصف صاروخي على المدينة.", "Daraa"),
    # "أحياء شرق حلب": eastern Aleppo's districts, not east of Aleppo
    ("استهدفت غارات روسية اليوم أحياء شرق حلب ومدينة سراقب في ريف إدلب، ما أسفر عن مقتل 12 مدنيا.", "Aleppo"),
])
def test_arabic_guards_for_speakers_and_directions(coder, text, admin1):
    assert admin1 in [e.admin1 for e in code_ar(coder, text)]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # weapons seized today after last week's clashes
    ("وبعد اشتباكات الأسبوع الماضي في البلدة، ضبطت القوات الأمنية اليوم مستودعا للأسلحة والذخائر في مزرعة قريبة.",
     "Disrupted weapons use"),
])
def test_arabic_guard_for_a_seizure_after_an_old_fight(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize("text", [
    "وأعلن الجيش انطلاق عملية قصف مدفعي مكثف على مواقع التنظيم في جرود عرسال صباح اليوم.",
    "أعلنت القوات الأمنية اليوم إطلاق حملة دهم واعتقال في بلدة طفس بريف درعا، طالت 15 شخصا.",
])
def test_arabic_an_operation_already_under_way_is_news(coder, text):
    assert code_ar(coder, text) != []


@pytest.mark.parametrize(("sentence", "is_change"), [
    # troops named beside something else are no change of what a group does
    ("The general thanked troops at the Wajir barracks on Sunday for a year without losses.", False),
    ("Government troops ended a two-year siege of the garrison town last month.", False),
    ("The valley has long been contested between the army, backed by foreign troops, and the insurgents.", False),
    # a force still, or still standing, where it was is no change either
    ("Shopkeepers said the market was calm and that police units were still deployed at the gate.", False),
    ("About 400 soldiers remained deployed around the dam on Tuesday.", False),
    # "former" is no "formed": a group that was a rebel group
    ("The army and former rebel groups hold positions in the east of the town.", False),
    # wounded soldiers taken to hospital: no force moved
    ("ونقل الجنود المصابون إلى المستشفى العسكري في المدينة لتلقي العلاج.", False),
    # a patrol, a curfew or a siege is a measure or a state of things, as in English
    ("وسيرت الشرطة دوريات في شوارع المدينة مساء اليوم.", False),
    ("وفرضت السلطات حظر التجول في المدينة اعتباراً من مساء الجمعة.", False),
    # what the rules must leave alone: forces moved, formed or withdrawn
    ("The army deployed 600 troops to the border crossing on Monday.", True),
    ("Police said reinforcements had been sent to the district overnight.", True),
    ("The two militias formed a new brigade in the south of the province.", True),
    ("Rebel units withdrew from the hilltop positions on Saturday.", True),
    ("ونقلت الميليشيا عناصر ومعدات من مواقعها في المدينة إلى البادية.", True),
    ("وانسحبت قوات الفصيل من القرية باتجاه المدينة فجر اليوم.", True),
    # (guards a review found: a withdrawal an army "managed", troops moved into a hospital it
    # turned into a barracks, a coalition formed by groups that were rebels)
    ("تمكنت قوات الجيش من الانسحاب من بلدة على أطراف المدينة يوم الجمعة بعد حصار دام أسبوعا.", True),
    ("نقلت القوات جنودها إلى مستشفى المدينة يوم الاثنين وحولته إلى ثكنة عسكرية.", True),
    ("Former rebel groups formed a new coalition in the capital on Saturday.", True),
])
def test_what_is_a_change_of_a_group_s_activity(sentence, is_change):
    assert (_sub_type(sentence) == "Change to group/activity") is is_change


def test_a_paragraph_that_opens_with_its_town_tells_that_town_s_news(coder):
    from .conftest import code

    # the tear gas was at the second city's rally, which its paragraph opened with
    text = ("Several thousand teachers marched through Nairobi on Wednesday to demand a pay rise, in a rally "
            "that ended without incident, union officials said.\n\n"
            "In Kisumu, the day was rougher. Police fired tear gas on Wednesday afternoon at protesters who "
            "tried to force their way into the county offices, and detained about a dozen of them.")
    events, _ = code(coder, text, published="2023-06-15")
    got = sorted((e.location, e.sub_event_type) for e in events if e.modality == "occurred")
    assert got == [("Kisumu", "Protest with intervention"), ("Nairobi", "Peaceful protest")]


def test_a_place_carried_from_an_earlier_paragraph_still_joins_the_story_s_event(coder):
    from .conftest import code

    # guard: a sentence with no place of its own, after a paragraph that named the town, goes
    # on about the story's protest
    text = ("Hundreds of farmers rallied in Nakuru on Monday against a new tax on fertiliser.\n\n"
            "Police later fired tear gas to disperse the crowd and arrested four people, witnesses said.")
    events, _ = code(coder, text, published="2023-06-13")
    got = [(e.location, e.sub_event_type) for e in events if e.modality == "occurred"]
    assert got == [("Nakuru", "Protest with intervention")]


@pytest.mark.parametrize(("sentence", "day"), [
    # "last August" said in March: the August before
    ("Last August, students stormed the gates of parliament.", "2024-08-01"),
    # said in March, "last March" is a year back, "last February" the month before
    ("Last March, students stormed the gates of parliament.", "2024-03-01"),
    ("Last February, students stormed the gates of parliament.", "2025-02-01"),
])
def test_last_and_a_month_is_the_latest_such_month_before(sentence, day):
    import datetime as dt

    from marsad.dates import resolve

    r = resolve(sentence, dt.date(2025, 3, 26))
    assert r is not None and (r.date.isoformat(), r.precision) == (day, 3)


@pytest.mark.parametrize("text", [
    # a burial on Wednesday, the bomb on Monday: one act, on Monday
    ("BAGHDAD — Relatives on Wednesday buried four policemen killed this week by a roadside bomb "
     "in Diyala province, officials said.\n\n"
     "The bomb struck a police patrol near Muqdadiyah on Monday evening, killing the four officers, "
     "the interior ministry said."),
    # a day of mourning declared on Wednesday for a strike told with its own day after it
    ("The regional government on Wednesday declared two days of mourning after a drone strike on a "
     "market in Muqdadiyah killed nine people.\n\n"
     "The strike on Monday evening hit the market as it was closing, the provincial council said."),
])
def test_a_day_of_mourning_is_no_day_of_the_act(coder, text):
    from .conftest import code

    events, _ = code(coder, text, published="2021-05-12")
    got = [(e.admin1, e.event_date) for e in events if e.modality == "occurred"]
    assert got == [("Diyala", "2021-05-10")]


def test_a_mourning_day_alone_still_dates_the_act(coder):
    from .conftest import code

    # guard: with no day of its own told, the act keeps the only day the story gives
    text = ("Mourners in Muqdadiyah on Tuesday buried three farmers killed by a roadside bomb on the road "
            "to their fields, relatives said.")
    events, _ = code(coder, text, published="2021-05-12")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Remote explosive/landmine/IED", "2021-05-11")]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # a bomb that struck a patrol or a bus was planted: no clash for the soldiers it killed
    ("The bomb struck an army patrol near the village on Monday evening, killing two soldiers.",
     "Remote explosive/landmine/IED"),
    # guard: a bomb dropped from a jet is the jet's
    ("A bomb dropped by a jet struck a car on the highway, killing two.", "Air/drone strike"),
])
def test_a_bomb_that_struck_a_patrol(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_mission_named_like_a_place_is_no_place(gaz):
    import spacy  # noqa: F401  (the pipeline below needs the model)

    from marsad.nlp import load_pipeline
    from marsad.places.detect import find_toponyms as find_en

    nlp = load_pipeline(gaz)
    doc = nlp("The shells hit a school, the UN Support Mission in Libya said, while the Soviet Union "
              "collapsed long ago.")
    names = [doc.text[s:e] for s, e, label in find_en(doc, gazetteer=gaz) if label != "EMBEDDED"]
    assert "UN Support Mission" not in names and "Libya" in names and "Soviet Union" in names


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # an air force's strikes are air strikes, whatever they killed
    ("On May 2 air force strikes killed about 20 militants near the border, the army said.", "Air/drone strike"),
    # state media's "restored security" in scare quotes is still a town retaken
    ('Army units "restored security" to the village of Tal Hamra after "eliminating terrorists", state media said.',
     "Government regains territory"),
])
def test_air_force_strikes_and_quoted_security_restored(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # armed men who kill soldiers or pro-government militiamen fought them
    ("Gunmen killed 12 soldiers in an attack on their post on Tuesday.", "Armed clash"),
    ("Gunmen killed nine members of the VDP at their post on Tuesday.", "Armed clash"),
    # guard: armed men who kill farmers attacked civilians
    ("Gunmen killed five farmers near the village on Friday.", "Attack"),
])
def test_armed_men_who_kill_soldiers_fought_them(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_town_spacy_calls_an_organisation_after_in(coder):
    from .conftest import code

    text = "Gunmen killed 12 soldiers in an attack on their post in Djibo on Tuesday, the army said."
    events, _ = code(coder, text, published="2023-05-10")
    assert [(e.location, e.admin1) for e in events] == [("Djibo", "Sahel")]


@pytest.mark.parametrize(("sentence", "n"), [
    # the victims named between the act and "to death" are its dead
    ("A crowd beat a shopkeeper to death outside the market on Monday.", 1),
    ("Assailants hacked three herders to death near the river overnight.", 3),
    ("Two traders were stoned to death by a crowd on Friday.", 2),
    # guard: a threat kills no one
    ("They threatened to beat him to death.", None),
])
def test_beaten_or_hacked_to_death_counts_its_victims(sentence, n):
    from marsad.events.fatalities import fatalities

    assert fatalities(sentence) == n


def test_a_mob_that_beat_a_man_to_death_is_mob_violence_even_as_it_stones_police(coder):
    from .conftest import code

    # the lede tells the act, not only a toll: the stones thrown at the police later are the
    # same crowd's, and the event stays the mob's killing
    text = ("A crowd beat a man to death in a village near Sialkot on Sunday after he was accused of theft, "
            "police said.\n\nOfficers who reached the village were pelted with stones by the crowd.")
    events, _ = code(coder, text, published="2022-06-14")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Mob violence", 1)]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # someone stabbed, and the man arrested at the scene: the stabbing is the event
    ("A city councillor was stabbed in the shoulder while giving a street speech on Saturday, and a man was "
     "arrested at the scene.", "Attack"),
    # police who raid a building students occupied break up a protest
    ("Riot police raided a faculty building in the city that had been occupied by students for a week, "
     "detaining 15 people.", "Protest with intervention"),
    # guard: a house gunmen held is no protest
    ("Police raided a house in the town that had been occupied by gunmen, killing two.", "Attack"),
])
def test_stabbings_and_occupations_broken_up(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


# Guards for the misfires a review helper found in this round's rules (its texts reworded).
@pytest.mark.parametrize("sentence", [
    "Militants killed 30 soldiers in an ambush near the town, the deadliest attack since last March.",
    "Militants, who last January overran the town, killed five soldiers in an ambush near it.",
])
def test_last_and_a_month_inside_a_clause_dates_nothing(sentence):
    import datetime as dt

    from marsad.dates import resolve

    r = resolve(sentence, dt.date(2024, 6, 27))
    assert r is None or r.precision != 3


def test_a_paragraph_that_opens_on_speakers_places_no_act(coder):
    from .conftest import code

    text = ("Soldiers shot dead nine protesters in Mandalay on Monday, witnesses said.\n\n"
            "In Geneva, the UN human rights office spoke to reporters. Troops on Monday also beat and detained "
            "dozens of people, a spokeswoman said.")
    events, _ = code(coder, text, published="2024-03-05")
    assert {e.location for e in events} == {"Mandalay"}


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # a stabbing at home is a crime, whoever the victim
    ("A mayor was stabbed by his wife during a domestic dispute at his home on Sunday, police said.", None),
    # armed men who had killed soldiers before, in a relative clause: today's act is the attack
    ("Gunmen who killed three policemen in a raid in December attacked a church on Sunday, killing five "
     "worshippers.", "Attack"),
])
def test_guards_for_stabbings_and_killers_of_soldiers(sentence, sub_type):
    assert _sub_type(sentence) != "Armed clash" and (sub_type is None) == (_sub_type(sentence) != "Attack")


def test_a_group_named_like_a_small_town_is_no_place(gaz):
    from marsad.nlp import load_pipeline
    from marsad.places.detect import find_toponyms as find_en

    doc = load_pipeline(gaz)("A mutiny in Wagner erupted on Saturday as fighters marched towards Moscow.")
    assert "Wagner" not in [doc.text[s:e] for s, e, _ in find_en(doc, gazetteer=gaz)]


@pytest.mark.parametrize(("text", "absent"), [
    # a state named like a country, a country joined by "و" after "the Gulf"
    ("قتل خمسة في هجوم في ولاية النيجر النيجيرية أمس.", "النيجر"),
    ("خطف مسلحون صيادين في دلتا النيجر أمس.", "النيجر"),
])
def test_arabic_a_state_or_delta_named_like_a_country_is_no_country(gaz, text, absent):
    assert absent not in _names(text, gaz)


def test_arabic_a_country_after_the_gulf_and_and_is_a_country(gaz):
    assert _names("تصاعد التوتر بين دول الخليج وإيران.", gaz)[-1:] == ["إيران"]

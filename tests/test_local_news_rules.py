"""Rules of local news, in English and Arabic: riots, clashes fought with grenades, feuds over
land, arrests for an attack, habits, funerals, pictures of protests, dates in figures, years
long past, a village abroad, where jets took off from. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import dates
from marsad.events.classify import classify, explain
from marsad.events.nonevents import not_an_event

from .conftest import code


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # "a riot of colour" is a sight, not a riot
    ("Hundreds of dancers filled the old square in a riot of colour on Sunday evening.", None),
    # protesters who smash windows riot, whatever the police then do
    ("Masked protesters broke away from the march and smashed the windows of three banks before police "
     "fired tear gas.", "Violent demonstration"),
    # grenades thrown in a fight are the fight's weapons
    ("Two rival families clashed with rifles and hand grenades in the town on Friday, leaving three dead.",
     "Armed clash"),
    ("قتل رجلان في اشتباكات بالأسلحة الخفيفة والقنابل اليدوية بين عائلتين في البلدة مساء الخميس.", "Armed clash"),
    # a grenade thrown at a house stays a grenade
    ("ألقى مجهول قنبلة يدوية على منزل في الحي مساء أمس.", "Grenade"),
    ("A man threw a hand grenade into a crowded bar on Saturday night, wounding six.", "Grenade"),
    # armed men who fight over land, or each other, clash
    ("At least six people died on Thursday when two rival clan militias fought over grazing land near the village.",
     "Armed clash"),
    ("Farmers' militias and herders' gunmen fought over a disputed water point near the village.", "Armed clash"),
    # ... not men who fight a title, a debate or a case
    ("Soldiers fought each other in the final of the army boxing championship in Abuja.", None),
    ("Rebel leaders fought over land rights at the peace talks in Juba.", None),
    # the attack an arrest is for is its charge
    ("Police arrested nine young men in the village on charges of taking part in the attacks on the patrol.",
     "Arrests"),
    ("Soldiers detained four men suspected of involvement in the ambush on the convoy.", "Arrests"),
    # a bomb defused, its time between commas
    ("وفي سياق متصل، فككت وحدة الهندسة في قيادة شرطة المدينة، مساء أمس، عبوة ناسفة كانت مزروعة في سيارة.",
     "Disrupted weapons use"),
    # a building demolished on a day of last week, told in the past perfect
    ("وكانت قوات الاحتلال قد هدمت، يوم الاثنين الماضي، منشأة زراعية وبركة لتجميع المياه في القرية.",
     "Looting/property destruction"),
])
def test_local_news_acts(sentence, sub_type):
    c = classify(sentence)
    assert (c and c.sub_event_type) == sub_type, explain(sentence)


@pytest.mark.parametrize("sentence", [
    # a habit, told by its adverb
    "Militants periodically attack convoys on the highway north of the city.",
    "Rebels from time to time fire rockets at the town from the hills.",
    "وتشهد المدينة بين الحين والآخر انفجارات بعبوات ناسفة تستهدف سيارات مدنيين.",
    # a funeral, the death it is for told before, undated
    "Thousands of people in the village attended on Thursday the funeral of a conscript who was killed during "
    "a raid on a militant hideout in the north.",
    "وشيع آلاف من أهالي القرية، عصر أمس، جثمان مجند استشهد خلال مداهمة لإحدى البؤر الإرهابية.",
    # a picture of a protest
    "Soldiers held the three students for hours after finding photos of the protests on their phones.",
    "واقتادهم عناصر الحاجز إلى جهة مجهولة بعد العثور على صور للمظاهرات في هواتفهم.",
])
def test_habits_funerals_and_pictures_are_no_act(sentence):
    c = classify(sentence)
    assert c is None or not_an_event(sentence, c.event_type, c.trigger_start, c.sub_event_type) is not None


@pytest.mark.parametrize("sentence", [
    # a habit of the place, beside the act the sentence tells
    "انفجرت عبوة ناسفة بسيارة مدني في المدينة مساء أمس، وهي مدينة تشهد بين الحين والآخر انفجارات مماثلة.",
    # a death the funeral's clause dates is news; so is fire on the mourners
    "Hundreds attended the funeral of a student who was killed by a sniper on Monday.",
    "Gunmen opened fire on the funeral procession of a tribal leader in the village on Friday, killing four mourners.",
    "وشيع الأهالي جثمان شاب قتل برصاص قناص في الحي مساء الخميس.",
])
def test_the_news_beside_them_stays(sentence):
    c = classify(sentence)
    assert c is not None and not_an_event(sentence, c.event_type, c.trigger_start, c.sub_event_type) is None


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    # day first where the month cannot come first
    ("On 26/09/2023 at about 0130hrs, armed men invaded the village.", "2023-09-28", "2023-09-26"),
    # the reading on or before publication, the nearer one when both are
    ("On 9/26/2023 gunmen attacked the post.", "2023-09-28", "2023-09-26"),
    ("On 12.03.2023 the patrol came under fire.", "2023-03-16", "2023-03-12"),
    ("Police said on 05/09/2023 that the suspects had been arrested.", "2023-09-28", "2023-09-05"),
])
def test_a_date_in_figures(sentence, published, expected):
    got = dates.resolve(sentence, dt.date.fromisoformat(published))
    assert got is not None and got.date.isoformat() == expected and got.precision == dates.DAY


@pytest.mark.parametrize(("sentence", "background"), [
    ("In the 2019 election period, dozens of people were killed during protests in the capital.", True),
    ("During the 2014 war, the old town was shelled for weeks.", True),
    ("Police fired tear gas at supporters on Tuesday in the 2025 election campaign.", False),
])
def test_a_year_long_past_named_with_its_time(sentence, background):
    published = dt.date(2025, 9, 17)
    assert dates.is_background(sentence, published, dates.resolve(sentence, published)) is background


def test_a_village_is_no_city_abroad_known_by_another_name(coder):
    # "Kuchi" is one of Kuqa's (Xinjiang) other names; a village of that name in a story
    # from Niger State is no city in China.
    text = ("MINNA - The Niger State Police Command said on Wednesday that bandits killed two people in "
            "Munya Local Government Area of the state.\n\nOn Tuesday at about 0130hrs, armed bandits invaded "
            "Kuchi village, shot dead two persons and abducted 15 others, the command said in a statement "
            "signed by its spokesman in Minna.")
    events, _ = code(coder, text, published="2023-09-28")
    assert events and all(e.country == "Nigeria" for e in events), [(e.country, e.location) for e in events]


def test_where_the_jets_took_off_from_is_not_where_they_struck(coder):
    from marsad.records import Article, content_id

    text = ("قتل أربعة مدنيين في غارة روسية على أطراف مدينة جسر الشغور مساء أمس.\n\n"
            "وأفاد مرصد الطيران التابع للمعارضة بأن الطائرة أقلعت من قاعدة حميميم، ونفذت غارتين متتاليتين "
            "بالصواريخ على أطراف مدينة جسر الشغور.")
    a = Article(article_id=content_id(text), doc_id="d", origin="test", title="غارة روسية", published="2020-01-15",
                outlet=None, language="ar", text=text)
    events, _ = coder.code([a])
    assert events and all(e.admin1 == "Idlib" for e in events), [(e.admin1, e.location) for e in events]


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    # a scraped page's outlet and date glued before the lede: the act's own day is the weekday
    ("Myanmar Now 27 March 2024 A junta fighter jet bombed the main market on Monday morning", "2024-03-27",
     "2024-03-25"),
    ("AFP Friday 3 Mar 2015 At least 12 people were killed on Thursday in the town", "2015-03-06", "2015-03-05"),
    # a date at the head of a sentence that is no dateline stays its date
    ("On 3 March 2022 rebels attacked the town", "2022-03-05", "2022-03-03"),
    ("3 March 2022: rebels attacked the town", "2022-03-05", "2022-03-03"),
])
def test_a_glued_dateline_is_not_the_act_s_date(sentence, published, expected):
    got = dates.resolve(sentence, dt.date.fromisoformat(published))
    assert got is not None and got.date.isoformat() == expected


@pytest.mark.parametrize(("cc", "code", "name"), [
    # oblasts named after their seats, as English news and ACLED name them
    ("UA", "05", "Donetsk"), ("UA", "08", "Kherson"), ("RU", "09", "Belgorod"), ("RU", "41", "Kursk"),
    # ... keeping "Oblast" beside a city-province of the seat's name
    ("UA", "13", "Kyiv Oblast"), ("UA", "12", "Kyiv"), ("RU", "47", "Moscow Oblast"),
    # ... and only when an English alias or the region's biggest town says so
    ("RU", "93", "Zabaykalskiy kray"), ("RU", "42", "Leningradskaya oblast"),
])
def test_oblasts_are_named_after_their_seats(cc, code, name):
    from marsad.places import Gazetteer

    assert Gazetteer.open().admin1_names[(cc, code)] == name


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # sorties flown on a target are air strikes, above the depot they destroyed
    ("نفذ سلاح الجو اليوم طلعات مكثفة على مواقع المسلحين في البلدة، ما أسفر عن تدمير آليات ومستودع للذخيرة.",
     "Air/drone strike"),
    # grenades seized from men arrested were never thrown
    ("ألقت الشرطة اليوم القبض على ثلاثة أشخاص في الحي، وضبطت بحوزتهم أسلحة فردية وقنابل يدوية.", "Arrests"),
])
def test_sorties_and_seized_grenades(sentence, sub_type):
    c = classify(sentence)
    assert (c and c.sub_event_type) == sub_type, explain(sentence)


@pytest.mark.parametrize(("sentence", "background"), [
    # "over the past days" sums days up, unless the sentence names its own day
    ("وشهدت جبهات المدينة خلال الأيام الماضية معارك عنيفة بين الطرفين.", True),
    ("قتل ثلاثة مدنيين بقصف على البلدة اليوم، بعد معارك عنيفة شهدتها خلال الأيام الماضية.", False),
    # a season of a past year
    ("وذكر النواب بأن احتجاجات صيف 2018 انطلقت من المدينة وقتل فيها عشرة متظاهرين.", True),
])
def test_arabic_days_summed_and_a_past_season(sentence, background):
    published = dt.date(2021, 3, 7)
    assert dates.is_background(sentence, published, dates.resolve(sentence, published)) is background


def test_a_village_known_only_in_latin_letters_is_found_by_its_consonants():
    from marsad.places import Gazetteer, PlaceResolver
    from marsad.places.geoparse import geoparse_text

    resolver = PlaceResolver(Gazetteer.open())
    text = "قصفت قوات النظام بالمدفعية الثقيلة بلدة بصر الحرير في ريف درعا الشرقي صباح اليوم."
    start = text.index("بصر الحرير")
    got = geoparse_text(text, resolver=resolver, spans=[[start, start + len("بصر الحرير")]])
    assert (got[0]["name"], got[0]["admin1"]) == ("Busra al-Harir", "Daraa")
    # three consonants meet too many places: Kabani (Latakia) is no Qaboun (Damascus)
    assert resolver.candidates("كبانة") == []


def test_a_bare_seat_stays_the_city_and_a_people_s_republic_names_no_oblast(coder):
    events, _ = code(coder, "Russian shelling killed three civilians in Kherson on Sunday, the regional governor "
                            "said.", published="2023-05-08")
    assert [(e.location, e.geo_precision) for e in events] == [("Kherson", 1)]
    events, _ = code(coder, "Fighters of the Donetsk People's Republic shelled Avdiivka on Monday, killing three "
                            "civilians.", published="2022-03-08")
    assert events and all(e.location != "Donetsk" for e in events)


@pytest.mark.parametrize(("text", "span", "not_name"), [
    # a quarter is no town of its consonants
    ("قتل مدنيان جراء انفجار لغم أرضي في حي المنصور بمدينة الرقة، يوم الاثنين.", "المنصور", "Al Manşūrah"),
    # ... nor a village of another province
    ("قصفت قوات النظام بلدة كفرنبل في ريف إدلب يوم الأحد. وامتد القصف إلى قرية المشيرفة المجاورة.", "المشيرفة",
     "Al Musayfirah"),
])
def test_consonants_match_only_in_the_story_s_province_and_never_a_quarter(text, span, not_name):
    from marsad.places import Gazetteer, PlaceResolver
    from marsad.places.geoparse import geoparse_text

    start = text.index(span)
    got = geoparse_text(text, resolver=PlaceResolver(Gazetteer.open()), spans=[[start, start + len(span)]])
    assert got[0]["name"] != not_name


@pytest.mark.parametrize(("sentence", "background"), [
    # a season of a past year in a clause about the place
    ("قتل ثلاثة عناصر بانفجار عبوة في بلدة المزيريب بريف درعا الغربي، التي استعادت قوات النظام السيطرة عليها في "
     "صيف 2018.", False),
    # the day's act measured against the past days
    ("قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل جنوبي إدلب، في تصعيد هو الأعنف خلال الأيام الماضية.", False),
])
def test_the_past_a_sentence_measures_its_act_against(sentence, background):
    published = dt.date(2023, 5, 9)
    assert dates.is_background(sentence, published, dates.resolve(sentence, published)) is background


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("نفذت طائرات الاستطلاع الإسرائيلية طلعات على علو منخفض فوق قرى الجنوب.", None),
    ("أفاد بيان صادر عن الشرطة بأن مسلحين ألقوا قنبلة يدوية على دورية أمنية في المدينة.", "Grenade"),
    ("دعت الأمم المتحدة إلى ضبط النفس بعد أن ألقى مسلحون قنابل يدوية على تجمع للمحتجين.", "Grenade"),
])
def test_reconnaissance_flights_and_statements_issued(sentence, sub_type):
    c = classify(sentence)
    assert (c and c.sub_event_type) == sub_type, explain(sentence)


def test_a_town_s_other_name_in_brackets_is_the_same_town():
    from marsad.nlp import load_pipeline
    from marsad.places import Gazetteer, PlaceResolver
    from marsad.places.geoparse import geoparse_document

    gaz = Gazetteer.open()
    resolver, nlp = PlaceResolver(gaz), load_pipeline(gaz)

    def places(text):
        return {t["text"]: t for t in geoparse_document(text, resolver=resolver, nlp=nlp)["toponyms"]}

    got = places("A Turkish drone struck a vehicle near the town on Wednesday, and a bomb exploded in Resulayn "
                 "(Ras al-Ain) in Hasakah province, the SDF said.")
    assert got["Resulayn"]["country_code"] == "SY" and got["Resulayn"]["name"] == got["Ras al-Ain"]["name"]
    # a country in brackets is a container, not another name of the town
    got = places("Gunmen attacked a convoy near Tripoli (Libya) on Monday.")
    assert got["Tripoli"]["country_code"] == "LY" and got["Tripoli"]["feature_code"] != "PCLI"


def test_the_consonant_index_is_built_once_and_holds_no_numbered_names(gaz_path):
    import sqlite3

    from marsad.places import Gazetteer
    from marsad.places.gazetteer import consonant_rows

    db = sqlite3.connect(gaz_path)
    stored = sorted(db.execute("SELECT key, strict, geonameid FROM consonant_names"))
    assert stored == sorted(consonant_rows(db))  # the built table is the index, row for row
    db.close()
    # "October 6" is no transliteration of "قطابر": its key would be October's alone
    assert [c.name for c in Gazetteer.open(gaz_path).transliterated("قطابر")] == ["Qatabir"]

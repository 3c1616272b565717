"""Rules of protest news, in English and Arabic: force against a crowd told as a toll or as
fire on a procession, sit-in or road block; what is no protest (a rally car, a machine's
demonstration, a crowd that went home); protests called for later; the places a crowd stands
by; a dateline in capitals. Texts written for these tests."""

from __future__ import annotations

import pytest

from marsad.events.classify import classify
from marsad.events.modality import modality

from .conftest import code


def _sub_type(sentence: str) -> str | None:
    c = classify(sentence)
    return c.sub_event_type if c else None


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # forces who fire on a procession, a protest or a road block use force against protesters
    ("Police fired on a funeral procession in the northern town on Friday, killing nine people, as protests "
     "against the governor spread.", "Excessive force against protesters"),
    ("Activists say soldiers opened fire on a protest in the old market district on Sunday night, killing four.",
     "Excessive force against protesters"),
    ("Residents say troops fired on people who had blocked the ring road in protest at the arrests, killing two.",
     "Excessive force against protesters"),
    ("The toll from the storming of the protest sit-in outside the parliament rose to 22 on Tuesday.",
     "Excessive force against protesters"),
    ("A protester was shot dead on Monday when police cleared a blockade on the coastal highway.",
     "Excessive force against protesters"),
    # sound and stun grenades disperse a crowd; they are no grenade attack
    ("Police fired sound grenades and tear gas at students marching to the ministry on Monday.",
     "Protest with intervention"),
    # rubber bullets and shots into the air disperse a crowd; live rounds are force
    ("Police fired rubber bullets to disperse hundreds of protesters outside the town hall on Monday.",
     "Protest with intervention"),
    ("Soldiers fired into the air to disperse the crowd of protesters at the bridge on Monday.",
     "Protest with intervention"),
    ("أطلقت الشرطة الرصاص المطاطي لتفريق المحتجين أمام مبنى المحافظة يوم الاثنين.", "Protest with intervention"),
    # students who block a road and clash with police riot
    ("Thousands of students blocking the main avenue clashed with police on Thursday.", "Violent demonstration"),
    # units that pursue armed groups fight them
    ("Security units pursued armed terrorist groups in the old quarter on Sunday, an official source said.",
     "Armed clash"),
    # no protest: a rally of cars, a demonstration of a machine, a crowd that went home
    ("Thousands of fans lined the forest roads on Saturday as the world rally championship reached its last day.",
     None),
    ("The new baling machine was put through a live demonstration three times in the show ring.", None),
    ("The crowd dispersed shortly before midnight without incident.", None),
    # animals that die are no attack
    ("Thousands of seabirds were being killed by the new power lines, a study found on Monday.", None),
    # reporters beaten beside a march: an attack on the press, whoever beat them ...
    ("Masked men on motorbikes beat two reporters who were covering a march in the old town on Tuesday.", "Attack"),
    # ... not a win over them
    ("The veteran photographer beat two reporters to the prize for best story on Friday.", None),
    ("The mayor beat two candidates to win the seat in the by-election.", None),
    # forces who kill people at a protest use force on the protest ...
    ("Security forces shot dead at least 14 people at a protest against the government in the city on Sunday.",
     "Excessive force against protesters"),
    # ... not men they kill a day after one
    ("Police shot dead two men at a checkpoint on Monday, a day after protests in the town.", "Attack"),
    ("The demonstration kitchen at the food show was packed all weekend.", None),
    # one side's supporters who attack the other's protest riot; police who do use force
    ("Supporters of the governor attacked a sit-in by teachers outside the ministry on Tuesday.", "Mob violence"),
    ("Police attacked the sit-in outside parliament on Tuesday, beating dozens.",
     "Excessive force against protesters"),
    # ... and what a second review wrote against these rules: strikes beside a march elsewhere,
    # force beside supporters, a beat reporter, a verbal attack, a search, a demonstration days
    # before a vote, herders who march to protest, warning shots at a border fence
    ("The army killed 20 civilians in air strikes on the northern province on Sunday, as thousands marched in the "
     "capital against the war.", "Air/drone strike"),
    ("Police and government supporters attacked the sit-in outside the ministry on Tuesday, beating dozens.",
     "Excessive force against protesters"),
    ("The team's beat reporters asked the coach about the injury on Friday.", None),
    ("The governor attacked rival candidates over their plans for the economy on Sunday.", None),
    ("Police broke up the demonstration days before the election, arresting 40 people.", "Protest with intervention"),
    ("Hundreds of herders with their herds marched to the regional capital on Monday to protest against land "
     "seizures.", "Peaceful protest"),
    ("Guards fired warning shots as crowds of migrants tried to climb the border fence on Tuesday.", None),
    # armed men who march on a town advance on it; protesters who march on parliament protest
    ("Rebel commanders have vowed to march on the provincial capital within days.", None),
    ("Thousands of protesters marched on parliament on Monday.", "Peaceful protest"),
    # animals on the move
    ("Roads were closed on Tuesday as millions of red crabs began their annual march to the sea.", None),
    # ... and not what is no force on a crowd (texts a review of these rules wrote against them)
    ("A gunman opened fire in an attack on a campaign rally in the city on Tuesday, killing four people.",
     "Attack"),
    ("Bandits opened fire on villagers guarding the bridge into the town on Sunday, killing four.", "Attack"),
    ("A protester was injured after falling from a lamppost during the march on Saturday.", "Peaceful protest"),
    ("Police broke up a demonstration of the unemployed graduates outside parliament on Monday.",
     "Protest with intervention"),
    ("Thousands of people marched through the town, the cradle of the uprising, on Friday, chanting for the fall "
     "of the regime.", "Peaceful protest"),
    ("Gunmen killed three villagers on Sunday before police pursued the attackers into the forest.", "Attack"),
    # what a crowd protests against is no act of its own
    ("Thousands rallied in the capital on Sunday, demanding the minister's resignation over the handover of two "
     "border villages.", "Peaceful protest"),
])
def test_protest_sentences(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # fire on a funeral procession, live rounds to disperse a crowd
    ("قتل أربعة مواطنين مساء أمس برصاص قوات الأمن التي أطلقت النار على موكب تشييع تحول إلى مظاهرة.",
     "Excessive force against protesters"),
    ("أطلقت قوات الأمن الرصاص الحي لتفريق متظاهرين في وسط المدينة مساء الخميس.",
     "Excessive force against protesters"),
    # flags the participants raise are no change of who holds the place
    ("وتوافدت إلى الساحة وفود من القرى المجاورة، ورفع المشاركون الأعلام والرايات.", None),
    # a place described as the protests' stronghold is no protest
    ("وقتل مدنيان برصاص القوات المقتحمة في حي الميدان، الذي يعد معقل الاحتجاجات في المدينة.", "Attack"),
    # ... but a protest in the uprising's cradle is a protest
    ("خرجت مظاهرة حاشدة في البلدة مهد الثورة يوم الجمعة تطالب بإسقاط النظام.", "Peaceful protest"),
    # live rounds into the air, nobody hit: an intervention
    ("أطلقت الشرطة الرصاص الحي في الهواء لتفريق المتظاهرين أمام مبنى المحافظة دون وقوع إصابات.",
     "Protest with intervention"),
])
def test_arabic_protest_sentences(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # a protest called is to come
    ("Opposition leaders have called a rally in the capital on Saturday.", "rally", "planned"),
    # ... not one called and held, nor one named so
    ("Workers at the port called a strike on Monday and stayed off the job all day.", "strike", "occurred"),
    ("Tens of thousands joined the so-called national march against the rail disaster on Wednesday.", "march",
     "occurred"),
    # a demand to stop is no act
    ("وطالبت المنظمة السلطات بالكف عن استخدام الرصاص الحي في مواجهة المتظاهرين السلميين.", "المتظاهرين", "hoped"),
    # vigils announced are to come
    ("وأعلنت نقابات المعلمين في المدن الثلاث تنظيم وقفات احتجاجية في الذكرى.", "وقفات", "planned"),
    # ... not a protest claimed or held
    ("وأعلن الحراك مسؤوليته عن تنظيم الوقفة التي شارك فيها المئات أمس أمام البرلمان.", "الوقفة", "occurred"),
])
def test_protests_called_for_later(sentence, word, expected):
    i = sentence.index(word)
    assert modality(sentence, i, i + len(word)) == expected


def test_a_toll_of_protesters_shot_is_the_force_the_protest_met(coder):
    text = ("AMRAN — Gunmen firing from rooftops killed at least 31 protesters in the city's main square on Friday, "
            "doctors said.\n\nThe shooting began as thousands of people left Friday prayers in the square, which the "
            "protesters have renamed Dignity Square.")
    events, _ = code(coder, text, published="2012-04-14")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Excessive force against protesters", 31)]


def test_a_protest_told_from_its_own_town_is_that_town_s_crowd(coder):
    # The lede's protest has no town; "In Atbara, …" opens another crowd's story, not its town
    # (an unplaced lede beside it may then be left as an aside).
    text = ("KHARTOUM — The death toll from the storming of the protest camp outside Sudan's defence ministry rose "
            "to 17 on Monday night, a doctors' committee said.\n\nIn Atbara, hundreds of people marched in "
            "solidarity with the camp on Monday, and police dispersed them with tear gas.")
    events, _ = code(coder, text, published="2021-06-08")
    [atbara] = [e for e in events if e.location == "Atbara"]
    assert (atbara.sub_event_type, atbara.fatalities) == ("Protest with intervention", None)
    assert [ev.text[:9] for ev in atbara.evidence] == ["In Atbara"]


def test_a_quarter_of_the_town_just_named_is_no_namesake_abroad(coder):
    text = ("KHARTOUM — In Omdurman, the same forces fired on young people guarding barricades in the Abbasiya "
            "neighbourhood on Monday afternoon, killing three, doctors said.")
    events, _ = code(coder, text, published="2021-06-08")
    assert events and all(e.country == "Sudan" for e in events)


@pytest.mark.parametrize(("text", "published", "not_there"), [
    ("Hundreds marched through Latakia on Friday in solidarity with Daraa and Baniyas.", "2011-05-08",
     {"Daraa", "Dar‘ā", "Bāniyās"}),
    ("وخرجت مساء أمس مظاهرة ليلية في حي الصليبة باللاذقية تضامناً مع درعا وبانياس، ورفع المشاركون الشموع.",
     "2011-05-08", {"Dar‘ā", "Bāniyās"}),
])
def test_the_places_a_crowd_stands_by_are_not_where_it_stands(coder, text, published, not_there):
    from marsad.records import Article, content_id

    lang = "en" if text.isascii() else "ar"
    a = Article(article_id=content_id(text), doc_id="d", origin="test", title="Report" if lang == "en" else "خبر",
                published=published, outlet=None, language=lang, text=text)
    events, _ = coder.code([a])
    assert events and not {e.location for e in events} & not_there
    assert {e.admin1 for e in events} == {"Latakia"}


def test_the_capital_after_a_capital_named_by_its_country(coder):
    # a country named before the capital named as one does not say which "the capital" is ...
    text = ("YEREVAN — Thousands of people rallied on Sunday against the handover of villages to Azerbaijan, in "
            "the largest protest in the Armenian capital for years.\n\nThe rally was led by a bishop who had "
            "walked to the capital from the north with his supporters.")
    events, _ = code(coder, text, published="2024-05-27")
    assert events and {e.country for e in events} == {"Armenia"}
    # ... a country named after it does
    text = ("DOHA — Negotiators met in the Qatari capital on Sunday for talks on a ceasefire.\n\nIn Israel, "
            "thousands of people rallied in the capital on Saturday night demanding a deal to free the hostages.")
    events, _ = code(coder, text, published="2024-06-10")
    assert [e.country for e in events] == ["Israel"]


def test_a_quarter_abroad_stays_abroad_when_it_is_one():
    from marsad.nlp import load_pipeline
    from marsad.places import Gazetteer, PlaceResolver
    from marsad.places.geoparse import geoparse_document

    gaz = Gazetteer.open()
    text = "BEIRUT — In Beirut, Syrian refugees said government shelling had hit the Mezzeh district overnight."
    got = geoparse_document(text, resolver=PlaceResolver(gaz), nlp=load_pipeline(gaz))
    assert [t["country_code"] for t in got["toponyms"] if t["text"] == "Mezzeh"] == ["SY"]


def test_a_crowd_in_solidarity_with_someone_stands_in_its_own_town(coder):
    from marsad.records import Article, content_id

    text = "نظم عشرات الشبان وقفة احتجاجية تضامنا مع الأسرى المضربين بمدينة الخليل أمس."
    a = Article(article_id=content_id(text), doc_id="d", origin="test", title="خبر", published="2022-03-02",
                outlet=None, language="ar", text=text)
    events, _ = coder.code([a])
    assert [e.location for e in events] == ["Hebron"]


@pytest.mark.parametrize(("text", "country"), [
    # a bare dateline with namesakes is the one in the country the story's other names lead
    ("TRIPOLI — Town hall torched as Tripoli's lockdown protests enter a fourth night. Young men blocked roads "
     "with burning tyres in Saida and Halba, and a junction in Beirut was briefly closed.", "LB"),
    # ... and the best known one when they name none, or only a far smaller namesake's country
    ("LONDON — Police arrested 12 people in Windsor on Saturday when republican protesters tried to block a royal "
     "procession.\n\nThe King had returned on Friday from a visit to Canada, where he met veterans in Ottawa "
     "and Toronto.", "GB"),
    ("TRIPOLI — Gunmen attacked a checkpoint in the city on Monday, killing two guards, the ministry said.", "LY"),
])
def test_a_bare_dateline_is_read_with_the_story_s_other_names(text, country):
    from marsad.nlp import load_pipeline
    from marsad.places import Gazetteer, PlaceResolver
    from marsad.places.geoparse import geoparse_document

    gaz = Gazetteer.open()
    got = geoparse_document(text, resolver=PlaceResolver(gaz), nlp=load_pipeline(gaz))
    assert got["toponyms"][0]["country_code"] == country

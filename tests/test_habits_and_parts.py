"""Rules of news added in the thirteenth session (2026-12-07): a part of a town named with
its possessive ("Gao's main market") places the act in the town; a habit told in the present
("continues to carry out bombings") and a state's checkpoints are no event. Texts written
for these tests."""

from __future__ import annotations

import pytest

from .conftest import code
from .test_war_news_rules import _sub_type

SHOPKEEPER = "Gunmen shot dead a shopkeeper in Kidal on Tuesday, residents said. "


@pytest.mark.parametrize(("part", "town"), [
    ("Hours later, angry youths ransacked stalls in Gao's main market, witnesses said.", "Gao"),
    ("Later on Tuesday a grenade was thrown at a shop in Timbuktu's old bazaar, wounding two.", "Timbuktu"),
    ("On Tuesday evening a bomb went off near Menaka's bus station, killing one man.", "Menaka"),
])
def test_a_part_of_a_town_named_with_its_possessive_places_the_act_there(coder, part, town):
    events, _ = code(coder, SHOPKEEPER + part, published="2019-08-07")
    assert town in {e.location for e in events}


@pytest.mark.parametrize("name", [
    # a country's possessive still names its government or its war, not a place
    "Mali's main opposition party said on Tuesday that the vote had been rigged.",
    "Niger's army said its jets had struck a convoy, without saying where.",
])
def test_a_country_s_possessive_is_still_no_place(coder, name):
    events, _ = code(coder, SHOPKEEPER + name, published="2019-08-07")
    assert all(e.location != "Mali" for e in events)
    assert all(e.location != "Niger" for e in events)


@pytest.mark.parametrize("habit", [
    "But the group continues to carry out deadly bombings in towns across the region, including the capital.",
    "Militants continue to stage ambushes on the roads out of the town.",
])
def test_a_habit_told_in_the_present_is_no_event(coder, habit):
    events, _ = code(coder, SHOPKEEPER + habit, published="2019-08-07")
    assert [(e.sub_event_type, e.location) for e in events] == [("Attack", "Kidal")]


@pytest.mark.parametrize(("news", "sub_type"), [
    # the past of it is one day's act
    ("Government jets continued to bomb Kafr Nabl on Tuesday, killing four people.", "Air/drone strike"),
    # a habit's word with a day of its own
    ("On Tuesday the militants continued their attacks, storming a police post in Ansongo.", "Armed clash"),
])
def test_guards_for_habits(news, sub_type):
    assert _sub_type(news) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("Shops stayed closed on Friday and security forces set up additional checkpoints on roads into the town.", None),
    ("Police erected checkpoints across the capital on Friday.", None),
    # a non-state group's checkpoint is its base
    ("Al-Shabaab fighters set up checkpoints on the road between the two towns on Friday.",
     "Headquarters or base established"),
])
def test_a_state_s_checkpoints_are_no_base(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # Al-Masirah, the outlet ("المسيرة نت", "قناة المسيرة"), is no drone
    ("المسيرة نت – صعدة", None),
    ("ونقلت قناة المسيرة عن مصدر محلي أن مواطنا أصيب برصاص قناص في مديرية حيس.", "Attack"),
    # ... but a drone is one
    ("وقصفت المسيرة موقعا للجيش قرب مأرب.", "Air/drone strike"),
    ("استهدفت مسيرة تركية سيارة قرب عين العرب.", "Air/drone strike"),
])
def test_arabic_the_outlet_al_masirah_is_no_drone(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # the suffocation tear gas caused in a crowd
    ("وفي بحري، أطلقت الشرطة الغاز المسيل للدموع على موكب المحتجين، ما أدى إلى حالات اختناق بين المتظاهرين.",
     "Protest with intervention"),
    # ... and a chemical attack's
    ("أصيب عشرات المدنيين بحالات اختناق جراء قصف بغاز الكلور على بلدة كفرزيتا.", "Chemical weapon"),
])
def test_arabic_suffocation_from_tear_gas_is_no_chemical_weapon(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # an arrest in the wake of a bombing told elsewhere
    ("In Jableh, police arrested two members of a cell that had hidden the suicide bomber for a week.", "Arrests"),
    ("وفي جبلة، ألقت الشرطة القبض على شخصين ينتمون إلى خلية كانت تؤوي الانتحاري منذ أسبوع.", "Arrests"),
    # ... but the bombing, with the arrests after it, is the bombing
    ("A suicide bomber blew himself up at a checkpoint in Jableh, and police later arrested two men.",
     "Suicide bomb"),
    ("فجر انتحاري نفسه عند حاجز في جبلة، وألقت الشرطة القبض على شخصين.", "Suicide bomb"),
])
def test_an_arrest_after_a_suicide_bombing_is_an_arrest(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # a depot struck is no weapons seized
    ("وقال الجيش إن طائراته استهدفت \"مخزن أسلحة\" في منطقة الهرمل.", "Air/drone strike"),
    # ... a depot seized is
    ("وضبطت الجهات المختصة مستودع أسلحة في ريف درعا الغربي.", "Disrupted weapons use"),
])
def test_arabic_a_depot_struck_is_no_weapons_seized(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # some intercepted: the rest got through, a strike
    ("Israeli jets struck a warehouse near Homs at dawn, and Syrian air defences intercepted some of the missiles.",
     "Air/drone strike"),
    ("شن العدو الإسرائيلي فجر اليوم عدواناً جوياً مستهدفاً مستودعاً قرب حمص، وتصدت وسائط دفاعنا الجوي لصواريخ "
     "العدوان وأسقطت بعضها.", "Air/drone strike"),
    # all intercepted: foiled
    ("Syrian air defences intercepted Israeli missiles over Homs at dawn.", "Disrupted weapons use"),
    ("تصدت وسائط الدفاع الجوي لطائرات مسيرة حاولت الاقتراب من قاعدة حميميم وأسقطتها.", "Disrupted weapons use"),
])
def test_a_strike_partly_intercepted_is_a_strike(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # bombs in store that air strikes destroyed are no bombing
    ("وقال الجيش إن طائراته نفذت أمس غارات على مواقع المسلحين جنوب العريش، أسفرت عن تدمير 3 عربات ومخزن للعبوات "
     "الناسفة.", "Air/drone strike"),
    # ... a bomb that went off is one
    ("انفجرت عبوة ناسفة بدورية للجيش جنوب العريش، ما أدى إلى مقتل جنديين.", "Remote explosive/landmine/IED"),
    # arms taken from men killed in an ambush are the ambush's
    ("وقالت الوزارة إن وحدات الجيش قتلت مسلحَين اثنين في كمين بجبل الشعانبي، وحجزت بندقيتين.", "Armed clash"),
])
def test_arabic_what_a_strike_or_an_ambush_destroyed_or_took_is_part_of_it(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_foreign_country_named_in_passing_is_not_carried_to_the_next_sentence(coder, monkeypatch):
    import marsad.events.mentions as mentions

    carried = []
    real = mentions.event_places

    def spy(sent, before, country, trigger_at=None):
        out = real(sent, before, country, trigger_at)
        carried.extend(loc.place.name for loc in out if loc.note)
        return out

    monkeypatch.setattr(mentions, "event_places", spy)
    code(coder, "OUAGADOUGOU, June 12 — Five soldiers were killed on Tuesday when their convoy hit a roadside "
                "bomb near Garango, security sources said.\n\nA local source put the toll at seven and said the "
                "wounded were taken to the hospital in Tenkodogo.\n\nNo group claimed the attack, but militants "
                "are active in the Centre-East region, which borders Togo and Ghana. On June 2, gunmen killed two "
                "herders at a well in Kodjomboari, residents said.", published="2024-06-12")
    assert carried and "Ghana" not in carried and "Togo" not in carried


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # shells that slammed into homes and killed civilians are a shelling
    ("In Hodeidah, rebel shells slammed into a row of houses on Sunday, killing two civilians, medics said.",
     "Shelling/artillery/missile attack"),
    ("On June 3, a cluster munition strike hit a market in central Kherson, killing four people.",
     "Shelling/artillery/missile attack"),
    # gunmen who attack a village, kill and burn: the killing is the act, the burning part of it
    ("Insurgents attacked a village near Mueda on Monday, killing two people and burning dozens of houses.", "Attack"),
    ("Bandits set fire to 40 homes in the village on Tuesday, residents said.", "Looting/property destruction"),
    # ... but an attack in which soldiers died is a fight, and troops storming a village too
    ("Rebels attacked the village of Kidogo on Monday, killing three soldiers at an army post.", "Armed clash"),
    ("Government troops tried to storm the hilltop village of Kabani on Saturday.", "Armed clash"),
    # arms taken from men killed or captured in a capture are the capture's
    ("Rebels seized an army outpost at Hpapun on Monday, saying four soldiers were killed and six captured along "
     "with weapons and ammunition.", "Non-state actor overtakes territory"),
    # an assault on someone in politics is an attack
    ("A councillor running for re-election was punched and kicked by a man at a night market in Tainan on Sunday.",
     "Attack"),
    ("The senator attacked the government's budget in a speech on Monday.", None),
])
def test_what_the_act_was(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_rocket_named_after_a_place_is_no_place(coder):
    events, _ = code(coder, "Despite the truce, residents of the Abu Salim district of Tripoli say several Grad "
                            "rockets fell on houses on Sunday morning.", published="2019-08-11")
    assert events and all(e.location != "Grad" and e.country != "Slovenia" for e in events)


@pytest.mark.parametrize(("line", "day"), [
    # a dateline of its own with an outlet's or a city's longer name
    ("مركز توثيق الانتهاكات في سوريا | الأحد 4 آب/أغسطس 2024", "2024-08-04"),
    ("نيالا، الأربعاء ١٤ فبراير ٢٠٢٤ – راديو دبنقا", "2024-02-14"),
    # a numeric date spaced out
    ("كركوك / واع / 9 / 11 / 2019", "2019-11-09"),
])
def test_arabic_datelines_with_longer_names(line, day):
    from marsad.pubdate import parse_dateline

    found = parse_dateline(line)
    assert found is not None and found.candidates[0].isoformat() == day


def test_arabic_a_sentence_with_a_date_is_no_dateline():
    from marsad.pubdate import parse_dateline

    sentence = "وقال مسؤول محلي في المجلس البلدي للمدينة إن الهجوم وقع في ١٤ فبراير ٢٠٢٤ قرب السوق الرئيسي"
    assert parse_dateline(sentence) is None


@pytest.mark.parametrize("first", [
    "الرئيسية أخبار قصف مدفعي يستهدف سوق المدينة 14 نيسان 2023 راديو المدينة قصفت قوات الدعم السريع السوق صباح اليوم",
    "قصف مدفعي يستهدف سوق المدينة شبكة الأخبار/ الأبيض 14-04-2023 | 09:15 قصفت قوات الدعم السريع السوق صباح اليوم",
])
def test_arabic_a_scraped_page_s_date_after_its_repeated_headline_is_its_date(first):
    from marsad.segment.clean import strip_lead

    rest, dateline = strip_lead(first, "قصف مدفعي يستهدف سوق المدينة")
    assert dateline is not None and dateline.candidates[0].isoformat() == "2023-04-14"
    assert "قصفت قوات الدعم السريع السوق" in rest


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # the army's "eliminated two terrorists" is a fight, the arms it recovered part of it
    ("قضت مفرزة للجيش، صباح اليوم، على إرهابيين اثنين واسترجعت مسدسين رشاشين خلال عملية تمشيط بمنطقة القل.",
     "Armed clash"),
    ("قضى الشاب ثلاث سنوات في السجن قبل الإفراج عنه.", None),
    # hideouts and homemade bombs found and destroyed
    ("كشفت ودمرت مفارز للجيش 4 مخابئ للإرهابيين و3 قنابل تقليدية الصنع بولاية المدية.", "Disrupted weapons use"),
    ("ألقى مجهول قنبلة يدوية على محل تجاري في الحسكة.", "Grenade"),
    ("وكشف المصدر أن القنابل كانت محلية الصنع.", None),
    # gunmen who kill villagers and take their cattle commit an attack, the theft part of it
    ("وفي محلية نيرتتي، قتل مسلحون يمتطون دراجات نارية أربعة مزارعين داخل مزارعهم ونهبوا ماشيتهم.", "Attack"),
    ("أحرق مستوطنون منزلين ومركبتين في بلدة دوما جنوب نابلس.", "Looting/property destruction"),
    # a march put down with rubber bullets is a protest with intervention, no drone, no chemical weapon
    ("وأصيب شابان بالرصاص المعدني المغلف بالمطاط والعشرات بالاختناق خلال قمع الاحتلال مسيرة بلعين الأسبوعية.",
     "Protest with intervention"),
    ("استهدفت طائرة مسيرة سيارة قرب مأرب.", "Air/drone strike"),
])
def test_arabic_what_the_act_was(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_arabic_the_mourners_towns_are_not_where_the_dead_fell(coder):
    from marsad.records import Article, content_id

    text = ("شيعت قرى في محافظتي سوهاج وأسيوط، اليوم الخميس، جثامين ثلاثة جنود قتلوا أمس بانفجار عبوة ناسفة جنوب "
            "مدينة الشيخ زويد في شمال سيناء.")
    article = Article(article_id=content_id(text), doc_id="d", origin="test", title="تشييع ثلاثة جنود",
                      published="2016-05-05", outlet=None, language="ar", text=text)
    events = [e for e in coder.code([article])[0] if e.modality == "occurred"]
    assert [(e.admin1, e.location) for e in events] == [("North Sinai", "Ash Shaykh Zuwayd")]


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # Philippine English: an "encounter" with troops is a clash
    ("Two Abu Sayyaf members were killed and a soldier was wounded in an encounter with troops in Maluso on Tuesday.",
     "Armed clash"),
    ("The singer delighted the crowd in an encounter with fans after the show.", None),
])
def test_an_encounter_with_troops_is_a_clash(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


class _RejectingGate:
    def passes(self, title, text):
        return False


@pytest.mark.parametrize(("sentence", "kept"), [
    # an act of war told in full: its day, its dead and armed men who did it
    ("Insurgents attacked a village near Mecula on Monday, killing two people, the district administrator said.",
     True),
    # violent words of another story (the gate's job): no armed men, or no dead
    ("The visitors attacked relentlessly on Monday and killed off the game in the second half.", False),
    ("A fire swept through the village on Monday, killing two people, the district administrator said.", False),
])
def test_an_act_of_war_told_in_full_outlives_the_story_gate(coder, monkeypatch, sentence, kept):
    import marsad.events.code as code_module

    monkeypatch.setattr(code_module, "story_gate", lambda: _RejectingGate())
    events, _ = code(coder, "The number of elephants in the reserve has risen for the first time in a decade, "
                            "according to an aerial census presented on Tuesday. " + sentence,
                     title="Elephant census shows recovery", published="2022-10-04")
    assert bool(events) == kept


@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("Thousands of nurses formed a human chain through central Riga on Friday to demand higher pay.",
     "Peaceful protest"),
    ("Villagers formed a human chain to pass sandbags to the embankment.", None),
    ("Police used capsicum spray to push back hundreds of protesters blocking the port gates on Wednesday.",
     "Protest with intervention"),
])
def test_a_human_chain_of_protest_and_capsicum_spray(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_where_a_speaker_spoke_and_a_town_s_faith_are_no_places(coder):
    events, _ = code(coder, "On Sunday, militants shot dead four men in the mainly Christian town of Bartella, east "
                            "of Mosul, accusing them of spying, a UN spokeswoman said in Geneva.",
                     published="2016-10-17")
    assert events and all(e.location not in ("Geneva", "Christian") and e.country == "Iraq" for e in events)


# Guards for the misfires a review helper found with texts of its own (old vs new code).
@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("A suicide bomber targeted a police post in Quetta on Friday, wounding eight officers, and police later "
     "arrested two suspected accomplices.", "Suicide bomb"),
    ("Army engineers found and destroyed several roadside bombs planted along the Gao road on Tuesday.",
     "Disrupted weapons use"),
    ("The Iron Dome system intercepted several rockets fired from Gaza toward Sderot on Saturday.",
     "Disrupted weapons use"),
    ("Twelve villagers were killed by rebels in an overnight raid on Mangina.", "Attack"),
    ("President Ruto beat the opposition candidate by a wide margin.", None),
    ("The incumbent MP was beaten by a newcomer in Sunday's party primaries in Kisumu.", None),
    ("The party kicked out two MPs who voted against the budget.", None),
    ("JNIM fighters raided a village near Djibo on Tuesday and clashed with VDP volunteers, leaving 14 dead.",
     "Armed clash"),
    ("Al-Shabaab fighters disguised as police set up checkpoints on the road to Afgooye on Friday.",
     "Headquarters or base established"),
    ("RSF soldiers set up new checkpoints in western Omdurman on Thursday.", "Headquarters or base established"),
    ("The United States announced on Friday it would send cluster munitions to Ukraine.", None),
    ("نفذ انتحاري عملية في سوق شعبي وسط مدينة بعقوبة صباح اليوم، أسفرت عن سقوط 7 ضحايا، واعتقلت الشرطة اثنين من "
     "المشتبه بهم.", "Suicide bomb"),
    ("قصفت مروحيات النظام بلدة كفرزيتا ببراميل تحتوي غاز الكلور، ما أدى إلى عشرات حالات الاختناق، في إطار حملة قمع "
     "المناطق الثائرة.", "Chemical weapon"),
    ("داهمت قوة أمنية، اليوم، وكرا لخلية متورطة في قتل مدنيين في قضاء الطارمية، وضبطت داخله كميات من الأسلحة "
     "والعبوات الناسفة.", "Disrupted weapons use"),
    ("وقال الجيش إن قواته ضبطت مستودع أسلحة في ريف درعا، بعدما استهدفت طائراته مستودعا آخر في المنطقة أمس.",
     "Disrupted weapons use"),
    ("ضبطت قوات الجيش كمية من الصواريخ والقذائف في مستودع بريف حماة، اليوم، ودمرت بعضها في مكانه.",
     "Disrupted weapons use"),
    ("كشفت كاميرات المراقبة لحظة إلقاء قنبلة يدوية على محل صرافة في مدينة الرقة.", "Grenade"),
    ("تعهد رئيس الوزراء، اليوم الثلاثاء، بالقضاء على الإرهابيين خلال زيارته مدينة الموصل.", None),
    ("قتل مجهولون عنصرين من الشرطة ومدنيين اثنين على طريق كركوك تكريت.", "Armed clash"),
    ("قمعت قوات الاحتلال، اليوم الجمعة، مسيرة كفر قدوم الأسبوعية بالرصاص المطاطي.", "Protest with intervention"),
])
def test_guards_from_the_review(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_habit_beside_an_act_of_its_own_is_the_act(coder):
    events, _ = code(coder, "GAZA — Israel continues to wage war on Gaza, where air strikes killed 40 people in Rafah, "
                            "the health ministry said.", published="2024-05-10")
    assert events and {e.sub_event_type for e in events} == {"Air/drone strike"}


@pytest.mark.parametrize("line", [
    "قتل 3 مدنيين بقصف على الفاشر في 3 أيار 2025.",
    "ملف: الذكرى الأولى لهجوم 7 أكتوبر 2023",
    "وقعت المجزرة يوم الأحد 5 أيار 2025 في قرية ود النورة.",
    "سقط صاروخ على حي سكني في حلب يوم 4 / 5 / 2016",
])
def test_arabic_a_short_sentence_with_a_date_is_no_dateline(line):
    from marsad.pubdate import parse_dateline

    assert parse_dateline(line) is None


@pytest.mark.parametrize("first", [
    "هجوم بمسيرة على سوق الدويم قالت لجان المقاومة إن الهجوم الذي وقع في 3 مارس 2025 على السوق أسفر عن مقتل 9",
    "الرئيسية أخبار حصيلة الحرب في غزة ترتفع منذ 7 أكتوبر 2023 قتل أكثر من 35 ألف شخص",
])
def test_arabic_a_date_in_the_story_after_its_headline_is_no_page_date(first):
    from marsad.segment.clean import strip_lead

    title = first.split(" قالت")[0] if "قالت" in first else "حصيلة الحرب في غزة ترتفع"
    rest, dateline = strip_lead(first, title)
    assert dateline is None and rest.endswith(first[-20:])


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # bombs the dead were planting did not go off ...
    ("The coalition said an air strike killed three insurgents who were planting roadside bombs in Zurmat district.",
     "Air/drone strike"),
    # ... unless they did
    ("Two militants were killed on Tuesday while planting a roadside bomb that exploded prematurely near Bannu.",
     "Remote explosive/landmine/IED"),
    # guards from a second review: an encounter of politics or sport, a human chain of support or of rescue,
    # a vote pushed back, a push back against demands
    ("The minister was heckled during an encounter with members of the teachers' union in Mombasa on Tuesday.", None),
    ("The Hawks lost their third straight game in the encounter with the Fighters at Sapporo Dome on Sunday.", None),
    ("Fans formed a human chain around the stadium on Saturday to show their support for the club.", None),
    ("Volunteers formed a human chain against the rising floodwaters on Sunday, passing sandbags to the river bank.",
     None),
    ("The council vote was pushed back after protesters disrupted Tuesday's meeting.", "Peaceful protest"),
])
def test_bombs_being_planted_and_guards_from_a_second_review(sentence, sub_type):
    assert _sub_type(sentence) == sub_type


def test_a_murder_in_a_story_the_gate_reads_as_other_news_stays_out(coder, monkeypatch):
    import marsad.events.code as code_module

    monkeypatch.setattr(code_module, "story_gate", lambda: _RejectingGate())
    events, _ = code(coder, "The singer's new album went straight to the top of the charts this week. The rapper "
                            "and his bodyguard were gunned down outside a recording studio in Atlanta on Friday night, "
                            "police said.", title="Album tops the charts", published="2022-10-04")
    assert events == []


@pytest.mark.parametrize(("text", "location"), [
    # the town a speaker spoke in is the act's when the sentence names no other
    ("Two policemen were shot dead at a checkpoint on Monday, a provincial spokesman said in Jalalabad, where the "
     "attack took place.", "Jalālābād"),
    # a people's name that opens a village's
    ("Rebels captured the village of Turkmen Bareh north of Aleppo on Sunday after a day of fighting, a monitor said.",
     "Turkmen Bareh"),
])
def test_guards_for_places_from_a_second_review(coder, text, location):
    events, _ = code(coder, text, published="2016-10-17")
    assert location in {e.location for e in events}

"""Rules of the sixteenth session of 2026-12-07 (theme: one event, told many times).

Every text here was written for these tests. Each rule's cases failed before the rule;
the guards pin what it must leave alone.
"""

from __future__ import annotations

import pytest

from .conftest import code


def _subtypes(coder, text: str, published: str = "2024-05-12", title: str = "Report") -> list[str]:
    events, _ = code(coder, text, title=title, published=published)
    return [e.sub_event_type for e in events]


# A protest word in a sentence of sport is sport's own: a rally in the eighth inning, the
# rallies of a tennis match, the chasing group of a bike race, a final won by "beating" the
# other side. A crowd that the sentence says protests stays a protest, sport or not.
@pytest.mark.parametrize("text", [
    "The Rockies' closer killed the Giants' rally in the top of the eighth with a double play, and Denver "
    "held on to win 5-4 on Saturday.",
    "Maria Okafor saved three match points and won a tiebreak after some of the longest rallies of the "
    "tournament in Rome on Tuesday.",
    "The Dutch rider attacked on the cobbles with 40 kilometres to go and held off a chasing group of "
    "favourites to win the Tour of Flanders on Sunday.",
    "Halkbank won the Turkish volleyball championship on Sunday, beating Galatasaray 3-1 in the deciding "
    "game of the final in front of a crowd of 6,000 at the arena in Ankara.",
])
def test_a_protest_word_in_a_sentence_of_sport_is_sport(coder, text):
    assert _subtypes(coder, text) == []


@pytest.mark.parametrize("text, subtype", [
    ("Hundreds of fans marched to the club's offices in Lagos on Saturday to protest against the owners' plan "
     "to sell the team.", "Peaceful protest"),
    ("Residents protested outside the governor's office in Beira on Monday against the slow delivery of aid "
     "after the cyclone.", "Peaceful protest"),
])
def test_a_crowd_that_protests_stays_a_protest(coder, text, subtype):
    assert subtype in _subtypes(coder, text)


# The people the police held at a protest or a riot, only counted ("Police said 23 people
# were arrested in the city"), are its intervention, not an event of their own: ACLED codes
# a protest with intervention, and a riot stays a riot.
@pytest.mark.parametrize("text, subtype", [
    ("Police fired tear gas at hundreds of teachers marching on the education ministry in Harare on Tuesday. "
     "Police said 23 people were arrested in the city.",
     {"Protest with intervention", "Excessive force against protesters"}),
    ("Youths burned tyres, looted shops and threw stones at police in Kisumu on Monday after the verdict. The "
     "regional governor said no one had been killed in the city but that 11 people had been arrested.",
     {"Violent demonstration"}),
])
def test_arrests_only_counted_at_a_protest_are_its_own(coder, text, subtype):
    found = _subtypes(coder, text, published="2024-05-15")
    assert len(found) == 1 and found[0] in subtype


def test_arrests_of_suspects_in_raids_stay_arrests(coder):
    text = ("Youths burned tyres and threw stones at police in Kisumu on Monday after the verdict. On Monday night "
            "police arrested three men suspected of organising the riot in raids on their homes in Kisumu.")
    assert "Arrests" in _subtypes(coder, text, published="2024-05-15")


def _places(coder, text: str, published: str = "2024-05-14") -> list[str | None]:
    events, _ = code(coder, text, published=published)
    return sorted(e.location or "" for e in events)


# Where one of the hurt died later ("died of his wounds on Monday in a hospital in Kilis",
# "died at Bab al-Hawa hospital") is no place of the act: the toll's update, not a second event.
@pytest.mark.parametrize("text, place", [
    ("A car bomb exploded at a market in Azaz on Sunday, killing four people, and a fifth victim died of his "
     "wounds on Monday in a hospital in Kilis, the local council said.", "I‘zāz"),
    ("Shelling killed six people in Maarat al-Numan on Sunday, after a wounded girl died at Bab al-Hawa "
     "hospital, rescuers said.", "Ma‘arrat an Nu‘mān"),
])
def test_where_the_wounded_died_is_no_place_of_the_act(coder, text, place):
    assert _places(coder, text) == [place]


def test_a_town_where_people_died_is_the_acts_place(coder):
    text = "Two soldiers died in Gao on Monday when their vehicle hit a landmine, the army said."
    assert _places(coder, text) == ["Gao"]


# A suicide bombing and the gunfight its attackers fought on at its place that day are one
# complex attack, which ACLED codes as the suicide bombing; a clash elsewhere stays apart.
def test_a_suicide_bombing_and_its_gunfight_are_one_attack(coder):
    text = ("A suicide bomber blew himself up at the gate of the police station in Bannu early on Tuesday, police "
            "said. Officers then fought the attackers in a gunfight of about two hours in the town, and four "
            "policemen were killed.")
    assert _subtypes(coder, text, published="2024-05-15") == ["Suicide bomb"]


def test_a_clash_elsewhere_beside_a_suicide_bombing_is_its_own(coder):
    text = ("A suicide bomber struck a checkpoint in Konduga on Tuesday, killing three soldiers. Separately, troops "
            "clashed with insurgents near Bama the same day, the army said.")
    assert sorted(_subtypes(coder, text, published="2024-05-15")) == ["Armed clash", "Suicide bomb"]


# Reinforcements sent to where an act of violence the story tells was are its response, not a
# move of their own; sent where nothing happened that day, they are still a change of activity.
def test_reinforcements_sent_after_an_attack_are_its_response(coder):
    text = ("Militants attacked a police post in Kulachi on Thursday night, killing two constables, police said.\n\n"
            "Reinforcements have been sent from Dera Ismail Khan and Tank, police say.")
    assert _subtypes(coder, text, published="2024-05-17") == ["Armed clash"]


def test_reinforcements_on_a_quiet_day_stay_a_change_of_activity(coder):
    text = ("The army sent reinforcements to the border town of Chaman on Thursday, officials said, as talks on "
            "the crossing stalled.")
    assert _subtypes(coder, text, published="2024-05-17") == ["Change to group/activity"]


# What a sentence tells as someone's blame for an act ("blamed 'Turkish drones' flying for the
# Tripoli government for the raid on the base") and an air alert ("drones are heading towards
# Kirovohrad region") are no acts of their own.
@pytest.mark.parametrize("text", [
    'An army spokesman blamed "foreign drones" flying for the rebels in the south for the raid on the base.',
    "The air force warns that groups of Shahed drones are heading towards Poltava region from the east.",
    "An air raid alert was declared in Kyiv region at 2 a.m.",
])
def test_blame_and_alerts_are_no_acts(coder, text):
    assert _subtypes(coder, text) == []


@pytest.mark.parametrize("text, subtype", [
    ("Drones heading towards Odesa were shot down by air defences overnight.", "Disrupted weapons use"),
    ("Russian drones struck Odesa overnight, killing two people, and more drones are heading towards the city, "
     "the air force said.", "Air/drone strike"),
])
def test_acts_beside_an_alert_stay(coder, text, subtype):
    assert subtype in _subtypes(coder, text)


# An act told as one of a count over a period ("the third attack on police in the district this
# year") is a recap or a tally; told with its own day or dead it is news.
@pytest.mark.parametrize("text", [
    "Some background: this is the third attack on police in Mianwali district this year.",
    "It was the fifth such raid on the camp in a month, residents said.",
])
def test_an_act_counted_over_a_period_is_a_recap(coder, text):
    assert _subtypes(coder, text) == []


@pytest.mark.parametrize("text", [
    "On Tuesday gunmen killed two soldiers in Bannu in the third attack on the base this month.",
    "A second blast struck the checkpoint in Mogadishu minutes later, police said.",
])
def test_an_ordinal_act_with_its_day_or_dead_is_news(coder, text):
    assert _subtypes(coder, text) != []


def _arabic_subtypes(coder, text: str, published: str = "2024-05-15") -> list[str]:
    """The sub-types of the events that happened in one Arabic report."""
    from marsad.records import Article, content_id

    article = Article(article_id=content_id(text), doc_id="d", origin="test", title="خبر", published=published,
                      outlet=None, language="ar", text=text)
    events, _ = coder.code([article])
    return sorted(e.sub_event_type for e in events if e.modality == "occurred")


# Arabic: a death "during clashes" or in "violent clashes between the two sides" is the clash;
# air defences that confronted drones, however many words between, disrupted them; the act
# right after "منذ" (since) in a recap is the one since which, not news.
@pytest.mark.parametrize("text, subtype", [
    ("استشهد شاب فجر اليوم الأربعاء برصاص قوات الأمن خلال اشتباكات مسلحة اندلعت في مدينة جنين.", "Armed clash"),
    ("شهدت مدينة الفاشر يوم الاثنين اشتباكات عنيفة بين الطرفين قرب السوق الكبير، قتل فيها ثلاثة مدنيين.",
     "Armed clash"),
    ("تصدت وسائط الدفاع الجوي مساء أمس لطائرات مسيرة أطلقها المسلحون باتجاه مدينة جبلة وأسقطتها.",
     "Disrupted weapons use"),
])
def test_arabic_clashes_and_air_defences(coder, text, subtype):
    assert _arabic_subtypes(coder, text) == [subtype]


def test_an_arabic_recap_since_a_capture_takes_no_territory(coder):
    text = ("قصفت طائرات حربية حي الرميلة في مدينة الرقة صباح اليوم الثلاثاء، ما أدى إلى مقتل أربعة مدنيين. "
            "ويعد هذا القصف الأعنف على المدينة منذ سيطرة التنظيم على محافظة الرقة.")
    assert "Non-state actor overtakes territory" not in _arabic_subtypes(coder, text)


def test_an_arabic_air_alert_is_no_act_beside_a_strike_that_killed_it_is(coder):
    assert _arabic_subtypes(coder, "حذر سلاح الجو من أن طائرات مسيرة تتجه نحو مدينة خاركيف من الشرق.") == []
    text = "قصفت طائرات مسيرة مدينة أوديسا ليلا ما أدى إلى مقتل شخصين، فيما تتجه طائرات أخرى نحو المدينة."
    assert _arabic_subtypes(coder, text) == ["Air/drone strike"]


def _dates(coder, text: str, published: str) -> list[str | None]:
    events, _ = code(coder, text, published=published)
    return sorted(e.event_date or "" for e in events)


# A scraped page's outlet and date glued to the lede's first word ("… 12 March 2019Armed
# cattle raiders …") is the filing day, as with a space between: the act keeps its own day.
@pytest.mark.parametrize("text", [
    "Radio Tamazuj Kuajok 12 March 2019Armed cattle raiders killed five herders in a cattle camp near Kuajok "
    "on Sunday, officials said.",
    "Radio Tamazuj Kuajok 12/03/2019Armed cattle raiders killed five herders in a cattle camp near Kuajok "
    "on Sunday, officials said.",
])
def test_a_date_glued_to_the_lede_is_the_filing_day(coder, text):
    assert _dates(coder, text, "2019-03-12") == ["2019-03-10"]


def test_an_act_told_as_the_nth_of_a_period_after_its_noun_is_a_recap(coder):
    text = 'The party said the attack was the third on its candidates in Gulu since campaigning began.'
    assert _subtypes(coder, text) == []


# "The attack on Gamboula comes two weeks after a MINUSCA vehicle struck an explosive device":
# the story's act named by its noun comes after another, which the sentence tells.
def test_what_the_told_act_comes_after_is_told(coder):
    text = ("The attack on Bouar comes two weeks after a UN vehicle struck an explosive device about 10 km "
            "outside Berberati, wounding two peacekeepers.")
    assert _subtypes(coder, text, published="2021-02-18") == ["Remote explosive/landmine/IED"]


def test_what_talks_come_after_is_still_background(coder):
    text = "The talks in Bangui come a week after rebels attacked a convoy near Bouar."
    assert _subtypes(coder, text, published="2021-02-18") == []


# A crowd of residents that beat men to death is mob violence, with the residents' town told
# between commas ("Residents of Carrefour, south-west of the capital, beat …").
def test_residents_who_beat_men_to_death_with_an_aside_are_a_mob(coder):
    text = ("Residents of Kisenyi, a suburb of Kampala, beat two suspected thieves to death on Friday after a "
            "market stall was robbed, police said.")
    assert _subtypes(coder, text) == ["Mob violence"]


def test_young_men_only_counted_as_arrested_at_a_protest_are_its_own(coder):
    text = ("Security forces opened fire on a demonstration in Douma on Friday, wounding three protesters. "
            "Dozens of young men were arrested in the streets around the mosque.")
    assert _subtypes(coder, text, published="2012-06-23") == ["Excessive force against protesters"]


# Arabic: the town in the name of the hospital where the hurt died or were taken is no place of
# the act; a recap ("ويعد هذا الهجوم الأعنف …") and an act "منذ أسابيع" are background, an act
# after "منذ" with its own date is told.
@pytest.mark.parametrize("before, hurt", [
    ("بعد وفاة رجل وطفلة متأثرين بجراحهما في مشفى ", True),
    ("ونقل الجرحى إلى مستشفى ", True),
    ("قصفت الطائرات مستشفى ", False),
])
def test_an_arabic_hospital_where_the_hurt_went(before, hurt):
    from marsad.events.places import _hurt_at_hospital_ar

    assert _hurt_at_hospital_ar(before) is hurt


@pytest.mark.parametrize("text, subtype", [
    ("ويعد هذا الهجوم الأعنف في بلعد منذ أشهر.", None),
    ("والأكثر دموية منذ انفجار سيارة مفخخة في سوق المدينة في 17 كانون الأول الماضي.",
     "Remote explosive/landmine/IED"),
])
def test_arabic_recaps_and_since(text, subtype):
    from marsad.events.classify import classify

    c = classify(text)
    assert (c.sub_event_type if c is not None else None) == subtype


def test_arabic_attacks_for_weeks_are_not_the_sentences_act():
    from marsad.events.classify import classify

    text = ("استهدف التنظيم حي الزهور بقذائف الهاون يوم الاثنين، ما أسفر عن مقتل طفلين، فيما تتعرض أحياء "
            "الساحل الأيسر منذ أسابيع لهجمات متفرقة بالطائرات المسيرة.")
    c = classify(text)
    assert c is not None and c.sub_event_type != "Air/drone strike"


# An air force's tally of the night is no act of any region it names; air defences that shot
# drones down over one town, or debris that hurt people, stay events.
@pytest.mark.parametrize("text", [
    "The air force said it had shot down 18 of 23 Shahed drones launched overnight over several regions, "
    "including Sumy, Chernihiv and Poltava.",
    "The air force said Russia had launched 62 drones and three missiles at Ukraine overnight, and that 40 "
    "drones had been shot down.",
])
def test_an_air_forces_tally_is_no_act(coder, text):
    assert _subtypes(coder, text, published="2024-11-21") == []


def test_drones_shot_down_over_a_town_with_debris_hurting_people_stay(coder):
    text = "Air defences shot down 12 of 15 drones over Kyiv region, and falling debris injured two people in Bucha."
    assert _subtypes(coder, text, published="2024-11-21") != []


# A headline a scraper glued to its lede tells the lede's toll again, not a second group.
def test_a_glued_headline_and_lede_tell_one_toll():
    from marsad.events.fatalities import fatalities

    assert fatalities("Kisangani seven killed in militia attack on Bafwasende At least seven people were killed on "
                      "Sunday when militiamen attacked the town.") == 7
    assert fatalities("Two soldiers were killed in Idlib and two civilians were killed in Hama.") == 4


# What a pest, a blight or a drought kills is no one: "an army of bark beetles has killed a
# third of the spruce trees". Armed men who destroy crops beside killing farmers still attack.
@pytest.mark.parametrize("text", [
    "An army of bark beetles has killed about a third of the spruce trees in the Harz mountains in three years, "
    "the park authority said on Tuesday.",
    "Foresters in the Harz have tried to fight the infestation by felling infected trees quickly.",
])
def test_trees_killed_by_beetles_are_no_attack(coder, text):
    assert _subtypes(coder, text) == []


def test_farmers_killed_beside_crops_destroyed_are_an_attack(coder):
    text = "Gunmen killed three farmers and destroyed crops in the village of Kuru in Plateau State on Monday."
    assert _subtypes(coder, text) == ["Attack"]


# What a review of this round's rules found, each pinned (texts written for the review).
@pytest.mark.parametrize("text, subtype", [
    ("Striking dockworkers marched through Marseille on Thursday as the yellow jersey holder crossed the "
     "finish line nearby.", "Peaceful protest"),
    ("Hundreds of players staged a sit-in outside the football federation offices in Nairobi on Monday over "
     "unpaid wages for the league season.", "Peaceful protest"),
    ("Burkina Faso's army on Wednesday blamed jihadists linked to al-Qaeda in the border area for an attack on "
     "a convoy near Djibo that killed 12 soldiers on Tuesday.", "Armed clash"),
    ("Air defences shot down 12 Shahed drones over Kyiv on Friday, the military said, after warning that drones "
     "are heading towards the capital from the south.", "Disrupted weapons use"),
    ("Rebels launched a second offensive on the town of Bunagana in three days, forcing thousands of residents "
     "to flee, local officials said.", "Armed clash"),
    ("Residents of Mukondi, where ADF rebels hacked ten people to death on Monday, buried the victims on "
     "Tuesday.", "Attack"),
])
def test_what_the_review_of_the_round_found(coder, text, subtype):
    assert subtype in _subtypes(coder, text, published="2024-03-09")


@pytest.mark.parametrize("text, places", [
    ("Three patients died in Kafr Nabl hospital on Friday when an air strike hit its emergency ward, rescuers "
     "said.", ["Kafranbel"]),
    ("A teenager shot by soldiers during a raid on Friday died on Saturday at a hospital in Jenin, the health "
     "ministry said.", ["Janīn"]),
])
def test_a_hospital_town_named_alone_or_struck_is_the_acts_place(coder, text, places):
    assert _places(coder, text, published="2024-03-09") == places


@pytest.mark.parametrize("text, n", [
    ("Hundreds of people protested in Lahore on Sunday over power cuts. Police said 40 people were arrested in "
     "Lahore on Sunday for violating the ban on kite flying.", 2),
    ("Hundreds of traders protested in Lagos on Friday over the demolition of a market. In a separate "
     "development, police said 25 people were arrested in Lagos on Friday during an anti-drug operation.", 2),
    ("A bomb exploded in a market in Bannu on Friday, killing five people. Separately, the Taliban moved "
     "reinforcements into Kunduz province on Friday ahead of an expected offensive.", 2),
    ("A suicide car bomb exploded at a market in Gao on Sunday, killing nine civilians. Later on Sunday, "
     "Malian troops clashed with jihadists near Gao airport; the army said the assailants were repelled and "
     "five were killed.", 2),
])
def test_separate_acts_beside_the_rounds_merges_stay_apart(coder, text, n):
    assert len(_subtypes(coder, text, published="2024-03-11")) == n


def test_an_act_a_told_act_comes_weeks_after_is_dated_back(coder):
    text = ("Gunmen attacked the town of Gamboula on Monday, killing three peacekeepers. The attack on Gamboula "
            "comes two weeks after a MINUSCA vehicle struck an explosive device near Berberati, killing one "
            "peacekeeper.")
    events, _ = code(coder, text, published="2024-03-06")
    assert sorted((e.sub_event_type, e.event_date) for e in events) == [
        ("Attack", "2024-03-04"), ("Remote explosive/landmine/IED", "2024-02-19")]


@pytest.mark.parametrize("text, subtype", [
    ("قتل طفل برصاص قناص خلال اشتباكات في حي الشيخ مقصود بحلب يوم الثلاثاء.", "Attack"),
    ("أعدمت قوات النظام خمسة مدنيين ميدانيا خلال اشتباكات في بلدة كفرنبودة يوم الأربعاء.", "Attack"),
    ("قتل مدنيان جراء قصف مدفعي لقوات النظام على بلدة كفرنبودة خلال اشتباكات مع الفصائل يوم الخميس.",
     "Shelling/artillery/missile attack"),
    ("قتل مدنيان بانفجار لغم أرضي أثناء مواجهات مسلحة في قرية الطيبة يوم الخميس.", "Remote explosive/landmine/IED"),
    ("شنت طائرات حربية غارات على مواقع الفصائل في بلدة اللطامنة يوم الأربعاء، بعد اشتباكات عنيفة بين الطرفين "
     "استمرت أسبوعا.", "Air/drone strike"),
    ("ويعد هذا القصف الأعنف على مدينة إدلب منذ أشهر، إذ قتل فيه 12 مدنيا يوم الاثنين.",
     "Shelling/artillery/missile attack"),
    ("أعلنت الدفاعات الجوية التصدي لطائرات مسيرة كانت تتجه نحو مدينة أربيل مساء السبت، دون وقوع إصابات.",
     "Disrupted weapons use"),
])
def test_what_the_review_found_in_arabic(text, subtype):
    from marsad.events.classify import classify

    c = classify(text)
    assert c is not None and c.sub_event_type == subtype


# Weapons seized from the men an arrest took are part of the arrest, however long the account of
# whom it took ("arrested a cell of four persons linked to … who were planning …, and seized
# explosive belts"); a cache found on its own is disrupted weapons use.
def test_weapons_seized_in_a_long_told_arrest_are_the_arrest(coder):
    text = ("In Dera Ismail Khan, police arrested a cell of four men linked to an armed group who were planning to "
            "carry out bombings in the city, and seized two explosive belts in their possession on Monday.")
    assert _subtypes(coder, text) == ["Arrests"]


def test_a_cache_found_on_its_own_is_disrupted_weapons_use(coder):
    text = "Soldiers found a cache of explosives and two rifles in a house in Gao on Tuesday, the army said."
    assert _subtypes(coder, text) == ["Disrupted weapons use"]


def test_a_weekday_before_a_glued_date_is_no_outlet():
    import datetime as dt

    from marsad import dates

    found = dates.resolve("Last Sunday 3 March 2024Militants attacked an army post in Kidal, killing five soldiers.",
                          dt.date(2024, 3, 9))
    assert found is not None and found.date == dt.date(2024, 3, 3)


def test_an_act_quoted_after_comes_after_is_not_told(coder):
    text = ('Soldiers killed 14 civilians in the village of Tillia on Friday, residents said. The massacre in Tillia '
            'comes weeks after "the army attacked the camp", as one resident put it.')
    assert "Armed clash" not in _subtypes(coder, text)

"""The days of acts, told every way, and the other rules read off the tune halves of the
thirty-sixth probe batch and the thirty-second Arabic batch (issues 9 and 14, seventeenth
session), each pinned by a case written for it that failed before it, and by guards.

Every text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

from .conftest import code

_PAGE = (
    "LIVE: Shells hit Homs market\n\n"
    "Monday 24 October 2016. All times Damascus.\n\n"
    "08:30 State media say mortar shells fell on the market of Homs's old city this morning, killing three.\n\n"
    "11:10 Rescuers in Homs say the toll has risen to five.\n\n"
    "17:40 The UN envoy says he is alarmed by the escalation.\n\n"
    "{late}\n\n"
    "01:15 We are closing this page for the night."
)


def test_an_entry_past_midnight_stamped_with_its_weekday_is_of_that_day(coder):
    text = _PAGE.format(late="00:50 (Tuesday) Police say army engineers defused a car bomb parked near a "
                             "mosque in Talbiseh about half an hour ago.")
    events, _ = code(coder, text, title="LIVE: Shells hit Homs market", published="2016-10-24")
    got = {(e.sub_event_type, e.event_date) for e in events}
    assert ("Disrupted weapons use", "2016-10-25") in got
    assert ("Shelling/artillery/missile attack", "2016-10-24") in got


def test_entry_day_runs_forward_and_needs_the_stamp():
    from marsad.events.live import entry_day

    monday = dt.date(2016, 10, 24)
    assert entry_day("00:50 (Tuesday) Police say a bomb was defused.", monday) == dt.date(2016, 10, 25)
    assert entry_day("07:10 (Monday) Good morning.", monday) == monday
    # (guards: a weekday told inside the entry, and a stamp with no weekday)
    assert entry_day("09:30 Police say the bomb was found on Tuesday.", monday) is None
    assert entry_day("09:30 (updated) Police say a bomb was defused.", monday) is None


def _code_ar(coder, text: str, published: str):  # type: ignore[no-untyped-def]
    from marsad.records import Article, content_id

    article = Article(article_id=content_id(text), doc_id="d", origin="test", title="تقرير",
                      published=published, outlet=None, language="ar", text=text)
    return [e for e in coder.code([article])[0] if e.modality == "occurred"]


# A scrape that lost its punctuation: three acts of three days in one run of words.
_RUN_ON_AR = ("قتل مدني وأصيب اثنان فجر اليوم السبت جراء قصف مدفعي لقوات النظام على الأحياء السكنية في مدينة "
              "كفرنبل بريف إدلب الجنوبي وقال ناشطون إن القذائف سقطت قرب مدرسة ومسجد في وسط المدينة ما أدى إلى "
              "أضرار كبيرة في المباني كما ألقت مروحيات النظام أمس الجمعة براميل متفجرة على بلدة حاس المجاورة "
              "ما أدى إلى مقتل طفلين وكانت بلدة معرة حرمة تعرضت يوم الأربعاء الماضي لغارات جوية مماثلة دون "
              "وقوع إصابات ويعاني ريف إدلب الجنوبي من نزوح واسع منذ أسابيع")


def test_an_arabic_run_on_scrape_is_cut_where_its_sentences_open():
    from marsad.arabic.text import sentences

    got = [_RUN_ON_AR[a:b].split()[0] for a, b, _p in sentences(_RUN_ON_AR)]
    assert got == ["قتل", "وقال", "كما", "وكانت", "ويعاني"]


def test_guard_punctuated_arabic_prose_is_not_cut_at_those_words():
    from marsad.arabic.text import sentences

    text = "قال مصدر محلي إن القصف استهدف المدينة، كما استهدف الطيران قرية مجاورة. وقال ناشطون إن الوضع صعب."
    assert len(sentences(text)) == 2


def test_each_act_of_an_arabic_run_on_scrape_is_coded_on_its_day(coder):
    events = _code_ar(coder, _RUN_ON_AR, "2019-06-08")
    got = {(e.sub_event_type, e.event_date) for e in events}
    assert ("Shelling/artillery/missile attack", "2019-06-08") in got
    assert ("Air/drone strike", "2019-06-07") in got


def test_an_execution_at_a_roundabout_is_an_act_of_its_own(coder):
    # "دوار X" (a roundabout) names a place of the town, as "حي X" does: the act told there
    # is placed, not an aside.
    text = ("شنت طائرات التحالف فجر اليوم الأحد غارات على مواقع للتنظيم في مدينة الرقة ما أدى لمقتل ثلاثة عناصر. "
            "وكان التنظيم قد أعدم ظهر أمس السبت شاباً رمياً بالرصاص في دوار الساعة بتهمة التخابر.")
    got = {(e.sub_event_type, e.event_date) for e in _code_ar(coder, text, "2015-08-23")}
    assert ("Attack", "2015-08-22") in got
    assert ("Air/drone strike", "2015-08-23") in got


def test_an_arabic_execution_is_no_air_strike_of_the_same_day(coder):
    text = ("قتل ثلاثة مدنيين أمس الثلاثاء بغارة جوية على حي الجسر في مدينة دير الزور. "
            "وفي مدينة دير الزور أيضاً، أعدم عناصر التنظيم أمس الثلاثاء رجلين رمياً بالرصاص بتهمة التعامل مع النظام.")
    got = {(e.sub_event_type, e.event_date) for e in _code_ar(coder, text, "2016-03-02")}
    assert ("Attack", "2016-03-01") in got and ("Air/drone strike", "2016-03-01") in got


def test_the_day_a_source_spoke_is_not_the_day_of_the_act_it_tells():
    import datetime as dt

    from marsad import dates

    tuesday = dt.date(2023, 3, 14)
    said = "أفاد مصدر أمني في محافظة صلاح الدين، اليوم الثلاثاء، بمقتل راعيين بهجوم لمسلحين ليل الاثنين على قرية نائية"
    assert dates.resolve(said, tuesday).date == dt.date(2023, 3, 13)
    # (guards: a reporting verb's day with no other day, and an act's own "today")
    assert dates.resolve("أفاد مصدر أمني، اليوم الثلاثاء، بمقتل راعيين بهجوم على قرية", tuesday).date == tuesday
    assert dates.resolve("قتل راعيان اليوم الثلاثاء بهجوم على قرية نائية", tuesday).date == tuesday


def test_gunmen_and_a_bomb_on_the_patrol_sent_after_them_are_two_acts(coder):
    text = ("أفاد مصدر أمني، اليوم الأربعاء، بمقتل راعيين بهجوم شنه مسلحون ليل الثلاثاء على قرية قرب مدينة بعقوبة. "
            "وأضاف المصدر أن عبوة ناسفة انفجرت صباح اليوم بدورية للشرطة خلال توجهها إلى موقع الحادث، ما أسفر عن "
            "إصابة شرطيين. وكانت المنطقة ذاتها قد شهدت في الثالث من الشهر الجاري هجوماً مماثلاً قتل فيه راعي أغنام.")
    got = {(e.sub_event_type, e.event_date) for e in _code_ar(coder, text, "2019-07-10")}
    assert ("Attack", "2019-07-09") in got
    assert ("Remote explosive/landmine/IED", "2019-07-10") in got
    assert ("Attack", "2019-07-03") in got


def test_weapons_recovered_from_the_men_an_arrest_took_are_the_arrest():
    from marsad.events.classify import classify

    s = ("On Monday, police detained four suspected gun runners at a bus park in Sokoto, a spokesman said, "
         "adding that three rifles and 200 rounds of ammunition were recovered.")
    assert classify(s).sub_event_type == "Arrests"
    # (guard: a seizure told on its own stays a seizure)
    assert classify("Three rifles and 200 rounds of ammunition were recovered from a house in Sokoto on "
                    "Monday, police said.").sub_event_type == "Disrupted weapons use"


def test_a_run_on_scrape_is_cut_before_yesterday_and_activists(coder):
    text = ("Levant Daily Monday 4 Nov 2013 Hama Rebels shell army post near Morek Levant Daily Rebels shelled an "
            "army post near Morek in the northern countryside of Hama today with mortars and rockets killing two "
            "soldiers a field commander said the post had been used to shell nearby villages for weeks and the "
            "rebels say they will keep up the pressure until the road is cut Yesterday Sunday regime helicopters "
            "dropped barrel bombs on the town of Kafr Zita killing four people including a child according to "
            "local activists Activists said hundreds of families had fled to the olive groves west of the town "
            "after the raids")
    events, _ = code(coder, text, title="Rebels shell army post near Morek", published="2013-11-04")
    got = {(e.sub_event_type, e.event_date) for e in events}
    assert ("Air/drone strike", "2013-11-03") in got
    assert ("Shelling/artillery/missile attack", "2013-11-04") in got


def test_guard_a_long_punctuated_sentence_is_not_cut():
    from marsad.nlp import load_pipeline

    nlp = load_pipeline()
    text = ("Residents said that the town, which lies on the main road, had been shelled for weeks, that families "
            "had fled to the fields, that yesterday's rain had flooded the camps, that rebels held the hills, and "
            "that activists feared worse to come, though officials, speaking in the capital, denied it all.")
    assert len(list(nlp(text).sents)) == 1


def test_an_ordinal_day_of_the_month():
    from marsad import dates

    sunday = dt.date(2013, 3, 10)
    assert dates.resolve("On the 5th of this month troops arrested 30 men.", sunday).date == dt.date(2013, 3, 5)
    assert dates.resolve("Gunmen looted an aid office in Zangba on the 4th, forcing staff to leave.",
                         sunday).date == dt.date(2013, 3, 4)
    assert dates.resolve("On the 28th of last month, rebels shelled the town.", sunday).date == dt.date(2013, 2, 28)
    # a day after the story's own is of the month before
    assert dates.resolve("Rebels attacked the post on the 12th, killing two.", sunday).date == dt.date(2013, 2, 12)
    # (guards: units, centuries, floors and lines, and a weekday the sentence names)
    assert dates.resolve("Troops of the 5th battalion shelled the town.", sunday) is None
    assert dates.resolve("The 14th century castle was damaged.", sunday) is None
    assert dates.resolve("A drone hit the block and residents on the 5th, 6th and 7th floors fled.", sunday) is None
    assert dates.resolve("A fire broke out on the 4th and 5th floors of the hospital on Tuesday.",
                         sunday).date == dt.date(2013, 3, 5)
    assert dates.resolve("Fire broke out on Tuesday on the 4th floor.", sunday).date == dt.date(2013, 3, 5)


def test_where_the_held_were_taken_is_no_place_of_the_arrest(coder):
    text = ("Security forces arrested 25 young men in raids on homes in the town of Nawa on Tuesday and took them to "
            "the Air Force Intelligence branch in Damascus, activists said.")
    events, _ = code(coder, text, published="2013-03-07")
    assert [(e.sub_event_type, e.location) for e in events] == [("Arrests", "Nawá")]


def test_arabic_arrests_told_with_a_long_aside_before_the_held():
    from marsad.events.classify import classify

    s = ("أوقفت الشرطة في مدينة الباب بريف حلب الشرقي، صباح اليوم، الأحد 6 من أيلول، أربعة أشخاص يُشتبه "
         "بتورطهم في تفجير دراجة نارية مفخخة وسط المدينة.")
    assert classify(s).sub_event_type == "Arrests"
    # (guard: workers stopped from work are not held)
    assert classify("أوقفت إدارة المعمل، صباح اليوم، الأحد، أربعة أشخاص عن العمل بسبب الإضراب.").sub_event_type \
        != "Arrests"


def test_no_party_claiming_an_act_is_no_act():
    from marsad.events.classify import classify

    assert classify("ولم تتبنَّ أي جهة تفجير الباب حتى لحظة إعداد هذا التقرير.") is None


def test_the_act_the_news_comes_after_is_placed_at_its_own_town(coder):
    text = ("قتل ثلاثة مدنيين صباح اليوم الأحد بانفجار سيارة مفخخة في مدينة اعزاز بريف حلب الشمالي. "
            "ويأتي تفجير اعزاز بعد أيام من انفجار دراجة نارية مفخخة في مدينة جرابلس، يوم الأربعاء 2 من أيلول.")
    got = {(e.location, e.event_date) for e in _code_ar(coder, text, "2020-09-06")}
    assert ("Jarābulus", "2020-09-02") in got
    assert not any(loc != "Jarābulus" and day == "2020-09-02" for loc, day in got)


def test_entry_day_looks_back_as_well():
    from marsad.events.live import entry_day

    tuesday = dt.date(2024, 3, 5)
    # a page published on Tuesday, its entries of Monday night stamped so; a correction of Sunday
    assert entry_day("23:40 (Monday) A missile struck Zaporizhzhia.", tuesday) == dt.date(2024, 3, 4)
    assert entry_day("23:55 (Sunday) Correction: a drone hit a bus late on Sunday.", tuesday) == dt.date(2024, 3, 3)
    assert entry_day("02:15 (Tuesday) Police say a drone strike killed one man.", tuesday) == tuesday


# --- guards from a review of this round's rules on texts of its own ---


def test_guard_where_the_held_were_taken_stays_when_it_is_the_only_place(coder):
    events, _ = code(coder, "Police arrested five protesters on Monday and took them to the police station in Kirkuk.",
                     published="2024-03-09")
    assert [(e.sub_event_type, e.location) for e in events] == [("Arrests", "Kirkuk")]


def test_guard_weapons_seized_with_no_one_arrested_are_a_seizure():
    from marsad.events.classify import classify

    s = "No one was arrested, but 40 rifles and 2,000 rounds of ammunition were seized from a warehouse in Basra."
    assert classify(s).sub_event_type == "Disrupted weapons use"


def test_guard_an_arabic_while_clause_stays_with_its_act(coder):
    text = ("قتل طفل وأصيب ثلاثة آخرون من عائلة واحدة اليوم الجمعة إثر انفجار لغم أرضي من مخلفات الحرب في أرض "
            "زراعية في حين كانوا يرعون الأغنام على أطراف بلدة خان شيخون في ريف إدلب الجنوبي وقد نقل المصابون إلى "
            "مشفى قريب لتلقي العلاج حيث وصفت حالة أحدهم بالخطيرة بحسب ما أفاد مراسلنا في المنطقة")
    assert {(e.admin1, e.location) for e in _code_ar(coder, text, "2024-03-08")} == {("Idlib", "Khān Shaykhūn")}


def test_guard_a_roundabout_of_a_named_town_is_no_town_elsewhere(coder):
    text = "تظاهر العشرات من أهالي مدينة السويداء اليوم عند دوار الكرامة وسط المدينة للمطالبة بالإفراج عن المعتقلين."
    assert {e.admin1 for e in _code_ar(coder, text, "2024-03-09")} == {"Suwayda"}


def test_guard_a_day_measured_from_is_not_the_act_s():
    from marsad import dates

    saturday = dt.date(2024, 3, 9)
    s = ("أفاد مصدر أمني اليوم السبت بمقتل ثلاثة جنود بهجوم مسلح على حاجز للجيش في قضاء المقدادية، "
         "وهو الهجوم الثاني منذ يوم الجمعة.")
    assert dates.resolve(s, saturday).date == saturday


def test_guard_suspended_from_work_is_no_arrest():
    from marsad.events.classify import classify

    s = "أوقفت وزارة الداخلية عن العمل، بشكل مؤقت ولحين انتهاء التحقيق، خمسة عناصر من شرطة المرور في مدينة دمشق."
    assert classify(s) is None or classify(s).sub_event_type != "Arrests"


def test_a_village_named_with_a_place_word_is_found_in_its_plain_spelling(coder):
    text = ("Rebels overran an army checkpoint in Quneitra province on Sunday. On Saturday, army shelling killed a "
            "woman and her son in nearby Khan Arnabah, the monitor said.")
    events, _ = code(coder, text, published="2013-09-17")
    assert ("Shelling/artillery/missile attack", "Khān Arnabah") in {(e.sub_event_type, e.location) for e in events}


def test_guard_a_man_named_like_a_town_is_a_man(coder):
    text = "Safwan Issa, a spokesman for the local council, said government shelling of Idlib killed four on Monday."
    events, _ = code(coder, text, published="2024-03-09")
    assert [(e.admin1, e.fatalities) for e in events] == [("Idlib", 4)]

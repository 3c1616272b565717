"""Arabic actors, sources, dates and claims: the same canonical records as for English.

Every sentence here is written for these tests. Spans are checked exactly: a mention covers
the name without its proclitics (و، ب، ل، ال…)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import claims, dates, pubdate
from marsad.actors import ActorKB
from marsad.events.actors import assign
from marsad.events.classify import Classification
from marsad.records import Article, Place, RawDocument
from marsad.segment import segment
from marsad.sources import SourceKB, find_attributions, unknown_attributions

IRGC = "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"
QUDS = "Military Forces of Iran (1989-) Quds Force"
SYRIA_ARMY = "Military Forces of Syria (2000-2024)"
SDF = "SDF: Syrian Democratic Forces"
HTS = "HTS: Hayat Tahrir al Sham"
PRO_IRAN = "Militia (Pro-Iran)"
TURKEY = "Military Forces of Turkey (2002-)"
SOHR = "Syrian Observatory for Human Rights"
JUSOOR = "Jusoor Center for Studies and Development"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def skb() -> SourceKB:
    return SourceKB.load()


# -- actors: aliases, clitics, spans -------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "name", "canonical"), [
    ("انسحب الحرس الثوري من المطار.", "الحرس الثوري", IRGC),
    ("وصل قائد في الحرس الثوري الإيراني إلى البوكمال.", "الحرس الثوري الإيراني", IRGC),
    ("تتبع المجموعة للحرس الثوري منذ سنوات.", "لحرس الثوري", IRGC),  # ل + ال: the article's alef drops
    ("والحرس الثوري يعزز مواقعه.", "الحرس الثوري", IRGC),
    ("زار قائد فيلق القدس المنطقة.", "فيلق القدس", QUDS),
    ("التقى مسؤول بحزب الله في القصير.", "حزب الله", "Hezbollah"),
    ("ووصل عناصر من لواء فاطميون إلى الميادين.", "لواء فاطميون", "Liwa Fatemiyoun"),
    ("انتشر مقاتلو لواء زينبيون قرب المطار.", "لواء زينبيون", "Liwa Zainebiyoun"),
    ("دخلت الميليشيات الإيرانية البلدة.", "الميليشيات الإيرانية", PRO_IRAN),
    ("وصلت تعزيزات للميليشيات الموالية لإيران.", "لميليشيات الموالية لإيران", PRO_IRAN),
    ("انسحبت الميليشيات التابعة لإيران من الحقل.", "الميليشيات التابعة لإيران", PRO_IRAN),
    ("اشتبكت وقوات النظام مع المسلحين.", "قوات النظام", SYRIA_ARMY),
    ("تقدمت قوات الحكومة السورية نحو التلال.", "قوات الحكومة السورية", SYRIA_ARMY),
    ("أعلن الجيش السوري السيطرة على القرية.", "الجيش السوري", SYRIA_ARMY),
    ("هاجم تنظيم الدولة نقطة عسكرية.", "تنظيم الدولة", "Islamic State (Syria)"),
    ("تبنى تنظيم الدولة الإسلامية الهجوم.", "تنظيم الدولة الإسلامية", "Islamic State (Syria)"),
    ("نفذت خلايا لداعش هجوماً.", "داعش", "Islamic State (Syria)"),
    ("سيطرت هيئة تحرير الشام على المعبر.", "هيئة تحرير الشام", HTS),
    ("اعتقلت قسد ثلاثة شبان.", "قسد", SDF),
    ("أعلنت قوات سوريا الديمقراطية حظر التجول.", "قوات سوريا الديمقراطية", SDF),
    ("قصفت القوات التركية قرية قرب تل تمر.", "القوات التركية", TURKEY),
    ("حلقت طائرات حربية روسية فوق المدينة.", "طائرات حربية روسية", "Military Forces of Russia (2000-)"),
    ("أغار الطيران الإسرائيلي على مستودع.", "الطيران الإسرائيلي", "Military Forces of Israel (2022-)"),
    ("استهدف التحالف الدولي سيارة في الريف.", "التحالف الدولي", "Operation Inherent Resolve"),
    ("أطلقت جماعة أنصار الله صاروخاً.", "جماعة أنصار الله", "Ansar Allah"),
    ("قصف الحوثيون ميناءً.", "الحوثيون", "Ansar Allah"),
    ("أعلنت كتائب حزب الله مسؤوليتها.", "كتائب حزب الله", "Kataib Hezbollah"),  # not Hezbollah
    ("أطلقت حماس صواريخ.", "حماس", "Hamas Movement"),
])
def test_arabic_alias_found_with_its_exact_span(kb, sentence, name, canonical):
    found = kb.find(sentence, country="Syria")
    assert [(m.text, m.canonical) for m in found] == [(name, canonical)]
    m = found[0]
    assert sentence[m.start:m.end] == name == m.text


def test_diacritics_and_tatweel_stay_inside_the_span(kb):
    sentence = "وقُتِلَ عنصرٌ من قوّات النّظام والحـرس الثوريّ"
    found = kb.find(sentence, country="Syria")
    assert [m.text for m in found] == ["قوّات النّظام", "الحـرس الثوريّ"]
    assert [m.canonical for m in found] == [SYRIA_ARMY, IRGC]


def test_a_name_without_the_article_is_not_found_with_one(kb):
    # "الحماس" is "the enthusiasm", never Hamas; "حماس" after "و" is.
    assert [m.text for m in kb.find("ساد الحماس بين الناس وحماس تنفي")] == ["حماس"]


def test_a_veto_after_an_arabic_name(kb):
    # "الجيش الوطني" is the Syrian National Army, "الجيش الوطني الليبي" is not.
    assert kb.find("تقدم الجيش الوطني الليبي نحو سرت") == []
    assert [m.canonical for m in kb.find("تقدم الجيش الوطني نحو منبج")] == ["SNA: Syrian National Army"]


def test_arabic_names_canonicalise_like_english_ones(kb):
    assert kb.canonical("الحرس الثوري") == kb.canonical("IRGC") == IRGC
    assert kb.canonical("قسد") == kb.canonical("SDF") == SDF
    assert kb.adjectives_ar["تركيه"] == TURKEY


def test_arabic_aliases_give_spacy_no_patterns():
    from marsad.actors import ruler_patterns

    assert not any(any("\u0600" <= ch <= "\u06ff" for tok in p["pattern"] for v in tok.values() for ch in v)
                   for p in ruler_patterns())


# -- roles --------------------------------------------------------------------------------------
def roles(kb: ActorKB, sentence: str, trigger: str, event_type: str = "Explosions/Remote violence",
          sub_type: str = "Shelling/artillery/missile attack"):
    start = sentence.index(trigger)
    cls = Classification(event_type, sub_type, 1.0, start, start + len(trigger), trigger)
    r = assign(sentence, cls, kb, country="Syria", date="2023-05-02")
    return r.actor1, r.actor2


def test_verb_first_the_actor_after_the_verb_acts(kb):
    assert roles(kb, "قصفت قوات النظام بلدة كفرنبل جنوبي إدلب", "قصفت") == (SYRIA_ARMY, None)


def test_verb_first_with_an_object_actor(kb):
    sentence = "استهدفت طائرة مسيرة تركية سيارة لقسد قرب القامشلي"
    assert roles(kb, sentence, "استهدفت", sub_type="Air/drone strike") == (TURKEY, SDF)


def test_subject_first_the_actor_before_the_verb_acts(kb):
    assert roles(kb, "قوات النظام قصفت مواقع لهيئة تحرير الشام", "قصفت") == (SYRIA_ARMY, HTS)


def test_adverbs_between_the_verb_and_its_subject(kb):
    assert roles(kb, "قصفت، صباح اليوم، قوات النظام مدينة سرمين", "قصفت") == (SYRIA_ARMY, None)


@pytest.mark.parametrize("sentence", ["قُتل عنصران من قسد في هجوم على حاجز",
                                      "قتل عنصران من قسد في هجوم على حاجز"])  # unvocalised too
def test_passive_named_actors_are_the_victims(kb, sentence):
    trigger = sentence.split()[0]
    assert roles(kb, sentence, trigger, "Battles", "Armed clash") == ("Unidentified Armed Group (Syria)", SDF)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("قتل مدني على يد عناصر من هيئة تحرير الشام", "قتل"),
    ("قتل مدني من قبل هيئة تحرير الشام في إدلب", "قتل"),
    ("أصيب ثلاثة مدنيين بقصف مدفعي لهيئة تحرير الشام على أريحا", "أصيب"),
])
def test_the_doer_after_ala_yad_min_qibal_or_by_fire_of(kb, sentence, trigger):
    assert roles(kb, sentence, trigger, "Violence against civilians", "Attack") == (HTS, "Civilians (Syria)")


def test_a_state_named_as_subject_is_its_forces(kb):
    actor1, actor2 = roles(kb, "شنت إسرائيل غارات على مواقع لحزب الله", "غارات", sub_type="Air/drone strike")
    assert (actor1, actor2) == ("Military Forces of Israel (2022-)", "Hezbollah")


def test_a_demonym_after_the_trigger_names_the_state(kb):
    actor1, actor2 = roles(kb, "قتل ثلاثة أطفال في غارة إسرائيلية على بلدة", "غارة", sub_type="Air/drone strike")
    assert (actor1, actor2) == ("Military Forces of Israel (2022-)", "Civilians (Syria)")


def test_an_unnamed_attacker_is_unidentified_never_a_guess(kb):
    assert roles(kb, "استهدفت طائرة مجهولة سيارة في البوكمال", "استهدفت",
                 sub_type="Air/drone strike") == ("Unidentified Military Forces", None)
    assert roles(kb, "انفجرت عبوة ناسفة بسيارة في مدينة الباب", "انفجرت",
                 sub_type="Remote explosive/landmine/IED") == ("Unidentified Armed Group (Syria)", None)


# -- sources --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "name", "canonical"), [
    ("وفقاً لـ المرصد السوري لحقوق الإنسان، قُتل ثلاثة عناصر.", "المرصد السوري لحقوق الإنسان", SOHR),
    ("وفقاً للمرصد السوري لحقوق الإنسان، قُتل ثلاثة عناصر.", "لمرصد السوري لحقوق الإنسان", SOHR),
    ("قُتل ثلاثة عناصر بحسب مركز جسور للدراسات.", "مركز جسور للدراسات", JUSOOR),
    ("وأفاد المرصد السوري بأن الغارات استهدفت مستودعاً.", "المرصد السوري", SOHR),
    ("المرصد السوري، ومقره لندن، قال إن الاشتباكات توقفت.", "المرصد السوري", SOHR),
    ("وذكرت الوكالة العربية السورية للأنباء أن انفجاراً وقع.", "الوكالة العربية السورية للأنباء", "SANA"),
    ("بحسب ما أفادت سانا، سقطت قذيفتان.", "سانا", "SANA"),
    ("وقالت الخوذ البيضاء إن فرقها أخمدت الحريق.", "الخوذ البيضاء", "Syria Civil Defence"),
    ("وأفاد مراسل عنب بلدي في درعا بوقوع انفجار.", "عنب بلدي", "Enab Baladi"),
    ("ذكرت نورث برس أن دورية أمريكية مرت.", "نورث برس", "North Press Agency"),
    ("قالت وكالة هاوار إن مسيرة استهدفت سيارة.", "وكالة هاوار", "Hawar News Agency"),
    ("بحسب زمان الوصل، وصل رتل إلى المدينة.", "زمان الوصل", "Zaman al-Wasl"),
    ("وبحسب السويداء 24 قتل شخص.", "السويداء 24", "Suwayda 24"),
    ("وفقاً لدير الزور 24 اعتقلت قسد شاباً.", "دير الزور 24", "Deir Ezzor 24"),
    ("وقالت مصادر محلية إن الطائرات حلقت فوق القرية.", "مصادر محلية", "Local sources"),
    ("وقالت مصادر في دير الزور إن المسلحين انسحبوا.", "مصادر في دير الزور", "Local sources"),
    ("وقال ناشطون إن الرتل انسحب.", "ناشطون", "Activists"),
    ("وأكد شهود عيان أن الانفجار وقع ليلاً.", "شهود عيان", "Witnesses"),
])
def test_arabic_attribution_gives_the_english_canonical_source(sentence, name, canonical):
    found = find_attributions(sentence)
    assert [(a.text, a.canonical) for a in found] == [(name, canonical)]
    assert sentence[found[0].start:found[0].end] == name


def test_naqalat_x_an_y_codes_the_outlet_and_its_origin():
    found = find_attributions("نقلت سانا عن مصادر محلية أن القصف أدى إلى أضرار.")
    assert [a.canonical for a in found] == ["SANA", "Local sources"]


def test_the_observatory_is_sohr_only_when_the_article_names_it():
    sentence = "وقال المرصد إن القصف استمر ساعات."
    assert find_attributions(sentence) == []
    [found] = find_attributions(sentence, article_sources={SOHR})
    assert (found.text, found.canonical) == ("المرصد", SOHR)


def test_civil_defence_alone_needs_the_article_to_say_which(skb):
    sentence = "وأفاد الدفاع المدني بانتشال جثتين."
    assert skb.find_attributions(sentence) == []
    assert [a.canonical for a in skb.find_attributions(sentence, article_sources={"Syria Civil Defence"})] == [
        "Syria Civil Defence"]


def test_a_source_name_outside_a_reporting_frame_is_no_attribution():
    assert find_attributions("زار وفد من المرصد السوري لحقوق الإنسان المخيم.") == []


def test_an_unknown_arabic_source_is_kept_as_written():
    assert unknown_attributions("وبحسب شبكة الخابور المحلية فإن القصف طال منازل.") == ["شبكة الخابور المحلية"]
    assert unknown_attributions("بحسب مركز جسور للدراسات انتشرت الميليشيات.") == []  # known


def test_sources_known_only_in_arabic_stay_unknown_in_english_text(skb):
    assert unknown_attributions("Drones hit a car, according to the local network Suwayda 24.") == ["Suwayda 24"]
    assert skb.canonical("Suwayda 24") == "Suwayda 24" and skb.by_alias("Suwayda 24") is None


# -- dates ----------------------------------------------------------------------------------------
PUB = dt.date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize(("sentence", "date", "precision", "span"), [
    ("قصفت قوات النظام البلدة يوم الاثنين.", "2024-03-11", 1, "الاثنين"),
    ("قصفت قوات النظام البلدة الأحد.", "2024-03-10", 1, "الأحد"),
    ("وقع الانفجار فجر الأربعاء.", "2024-03-13", 1, "الأربعاء"),
    ("قصفت قوات النظام البلدة الخميس الماضي.", "2024-03-07", 1, "الخميس الماضي"),
    ("قصفت قوات النظام البلدة الخميس.", "2024-03-14", 1, "الخميس"),  # the publication day
    ("قتل شخص أمس في درعا.", "2024-03-13", 1, "أمس"),
    ("قتل شخص مساء أمس في درعا.", "2024-03-13", 1, "أمس"),
    ("قتل شخص أول أمس في درعا.", "2024-03-12", 1, "أول أمس"),
    ("قتل شخص اليوم في درعا.", "2024-03-14", 1, "اليوم"),
    ("قتل شخص فجر اليوم في درعا.", "2024-03-14", 1, "اليوم"),
    ("قتل شخص في 12 آذار 2023.", "2023-03-12", 1, "12 آذار 2023"),
    ("قتل شخص في 12 آذار/مارس 2024.", "2024-03-12", 1, "12 آذار/مارس 2024"),
    ("قتل شخص في 9 مارس.", "2024-03-09", 1, "9 مارس"),
    ("قتل شخص في ١٢ شباط ٢٠٢٣.", "2023-02-12", 1, "١٢ شباط ٢٠٢٣"),
    ("قتل شخص في 5 كانون الثاني.", "2024-01-05", 1, "5 كانون الثاني"),
    ("قتل شخص في 20 تشرين الأول.", "2023-10-20", 1, "20 تشرين الأول"),  # the latest before publication
    ("قتل شخص في 2/3/2024.", "2024-03-02", 1, "2/3/2024"),  # day first
    ("قتل شخص في الـ10 من الشهر الجاري.", "2024-03-10", 1, "الـ10 من الشهر الجاري"),
    ("قتل شخص في الثاني من آذار الجاري.", "2024-03-02", 1, "الثاني من آذار"),  # an ordinal day of a named month
    ("قتل شخص في الحادي عشر من شباط الماضي.", "2024-02-11", 1, "الحادي عشر من شباط"),
    ("قتل شخص الأسبوع الماضي.", "2024-03-04", 2, "الأسبوع الماضي"),
    ("قتل شخص هذا الأسبوع.", "2024-03-11", 2, "هذا الأسبوع"),
    ("قتل شخص الشهر الماضي.", "2024-02-01", 3, "الشهر الماضي"),
    ("قتل شخص في شباط.", "2024-02-01", 3, "في شباط"),
    ("قتل شخص في أيار الماضي.", "2023-05-01", 3, "في أيار"),
    ("وفي تموز/يوليو 2022 قتل شخص.", "2022-07-01", 3, "وفي تموز/يوليو 2022"),
])
def test_arabic_dates_resolve_against_the_publication_date(sentence, date, precision, span):
    found = dates.resolve(sentence, PUB)
    assert found is not None
    assert (found.date.isoformat(), found.precision) == (date, precision)
    assert sentence[found.start:found.end] == span


@pytest.mark.parametrize("sentence", ["قتل شخص في اليوم التالي.", "استمر القصف حتى اليوم.", "لا تاريخ في هذه الجملة."])
def test_no_date_where_arabic_names_none(sentence):
    assert dates.resolve(sentence, PUB) is None


def test_without_a_publication_date_only_a_full_date_resolves():
    assert dates.resolve("قتل شخص أمس.", None) is None
    assert dates.resolve("قتل شخص الاثنين.", None) is None
    found = dates.resolve("قتل شخص في 12 آذار 2024.", None)
    assert found is not None and found.date == dt.date(2024, 3, 12)


def test_arabic_background_and_named_days():
    assert dates.names_a_day("قصفت قوات النظام البلدة فجر الأحد.")
    assert not dates.names_a_day("قتل شخص في اليوم التالي.")
    assert dates.is_background("تصاعدت الهجمات خلال الأشهر الماضية.", PUB, None)
    assert dates.is_background("قصفت قوات النظام البلدة عام 2017.", PUB, None)
    yesterday = "قصفت قوات النظام البلدة أمس."
    assert not dates.is_background(yesterday, PUB, dates.resolve(yesterday, PUB))


@pytest.mark.parametrize(("sentence", "background"), [
    # a span summed up in a relative clause describes the square, not today's rally
    ("تظاهر المئات اليوم الجمعة في الساحة التي تشهد احتجاجات منذ انطلاق الحراك.", False),
    ("Hundreds rallied on Friday in the square, which has seen protests since the start of the uprising.", False),
    # ... but summed up in the sentence's own clause, or with no day of its own, it is a summary
    ("تشهد الساحة احتجاجات منذ انطلاق الحراك، وتظاهر المئات اليوم الجمعة.", True),
    ("Hundreds have rallied in the square since the start of the uprising.", True),
    ("Hundreds rallied in the square, which has seen protests since the start of the uprising.", True),
    # a toll summed up is a summary, however its clause opens
    ("Officials said on Monday that air strikes have killed 200 people in recent weeks in Nyala.", True),
    ("Officials said on Monday that protests have spread in recent weeks across Nyala.", True),
    ("وثق المرصد اليوم الاثنين مقتل 200 مدني في الغارات التي تشنها الطائرات على البلدة منذ بدء الحملة.", True),
])
def test_a_summary_in_a_relative_clause_leaves_the_days_news(sentence, background):
    assert dates.is_background(sentence, PUB, dates.resolve(sentence, PUB)) is background


# -- publication date lines ------------------------------------------------------------------------
@pytest.mark.parametrize(("line", "expected"), [
    ("نُشر في 12 آذار 2024", dt.date(2024, 3, 12)),
    # a place, a dash, an outlet, a bar, then the date
    ("حمص – شبكة الأخبار | 21-06-2023", dt.date(2023, 6, 21)),
    # ... the outlet, a comma, the day's name, the date (in either order of day and year)
    ("حماة – وكالة الأنباء المحلية، السبت 9 تموز/يوليو 2016", dt.date(2016, 7, 9)),
    ("الموصل - موقع الخبر، الأربعاء 2017/03/22", dt.date(2017, 3, 22)),
    ("الثلاثاء، 12 آذار/مارس 2024 - 10:30", dt.date(2024, 3, 12)),
    ("تاريخ النشر: ١٢/٠٣/٢٠٢٤", dt.date(2024, 3, 12)),  # Eastern digits, day first
    ("آخر تحديث: 5 أيار 2023 الساعة 14:20 بتوقيت دمشق", dt.date(2023, 5, 5)),
    ("الثلاثاء 2 رمضان 1445 هـ - 12 مارس 2024 م", dt.date(2024, 3, 12)),
])
def test_arabic_date_lines(line, expected):
    found = pubdate.parse_dateline(line)
    assert found is not None and pubdate.decide(found, []) == expected


def test_a_sentence_with_a_date_is_no_date_line():
    assert pubdate.parse_dateline("قصفت قوات النظام في 12 آذار 2024 بلدة كفرنبل وقتلت ثلاثة مدنيين") is None


def test_the_publication_date_of_an_arabic_article():
    body = ("قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي أمس، ما أدى إلى مقتل ثلاثة مدنيين.\n\n"
            "وقال المرصد السوري لحقوق الإنسان إن القصف استمر ساعات.")
    own_line = segment(RawDocument("d1", "a.txt", "txt", f"قصف على ريف إدلب\n\nنُشر في 12 آذار 2024\n\n{body}"))
    glued = segment(RawDocument("d2", "b.txt", "txt", f"قصف على ريف إدلب\n\nالثلاثاء 12 آذار 2024 - 10:30 {body}"))
    for [article] in (own_line, glued):
        assert article.published == "2024-03-12"
        assert article.text.startswith("قصفت قوات النظام")


# -- claims ----------------------------------------------------------------------------------------
ARTICLE = Article(article_id="a1", doc_id="d1", origin="census.txt", title=None, published="2024-05-02",
                  outlet=None, language="ar", text="", captions=(), url=None)


def census(kb, sentences: list[str], places=()):
    out = []
    for sentence in sentences:
        found = [a.canonical for a in find_attributions(sentence)]
        out += claims.find(ARTICLE, 0, sentence, list(places), kb, found[0] if found else None,
                           published=dt.date(2024, 5, 2))
    return out


def test_arabic_census_claims(kb):
    first, second, third = census(kb, [
        "ينتشر الحرس الثوري في 125 موقعاً في سوريا، بحسب مركز جسور للدراسات.",
        "منها 37 نقطة في درعا.",
        "وفي دير الزور 13 نقطة عسكرية.",
    ])
    assert (first.quantity, first.unit, first.unit_class, first.subject, first.source) == (
        125, "موقعاً", "positions", IRGC, JUSOOR)
    assert (second.quantity, second.unit, second.unit_class) == (37, "نقطة", "positions")
    assert (third.quantity, third.unit, third.unit_class) == (13, "نقطة عسكرية", "positions")
    assert first.date == "2024-05-02" and first.date_precision == 2
    assert first.evidence[0].text.startswith("ينتشر")


def test_arabic_census_ties_the_count_to_the_place_after_it(kb):
    from marsad.events.sentences import Located

    sentence = "منها 37 نقطة في درعا."
    daraa = Place(name="Daraa", country="Syria", admin1="Daraa", latitude=32.6, longitude=36.1, geonameid=170654)
    at = sentence.index("درعا")
    [claim] = census(kb, [sentence], [Located(at, at + len("درعا"), daraa)])
    assert (claim.place, claim.admin1, claim.country) == ("Daraa", "Daraa", "Syria")


@pytest.mark.parametrize(("sentence", "quantity", "unit_class"), [
    ("قُتل 4 عناصر من قسد في هجوم.", 4, "deaths"),
    ("قُتل عنصران من قسد.", 2, "deaths"),
    ("أسفر القصف عن إصابة خمسة مدنيين.", 5, "injured"),
    ("نزح أكثر من 3 آلاف شخص من القرى.", 3000, "displaced"),
    ("اعتقلت الدورية 15 شاباً في الرقة.", 15, "detained"),
    ("أحصى المرصد 1,250 غارة خلال آذار 2024.", 1250, "attacks"),
    ("شوهدت ٤ دبابات على الطريق.", 4, "vehicles"),
])
def test_arabic_counts_and_their_classes(kb, sentence, quantity, unit_class):
    [claim] = census(kb, [sentence])
    assert (claim.quantity, claim.unit_class) == (quantity, unit_class)


def test_a_claim_dated_by_its_month_and_year(kb):
    [claim] = census(kb, ["أحصى المرصد 1,250 غارة خلال آذار 2024."])
    assert (claim.date, claim.date_precision) == ("2024-03-01", 3)


@pytest.mark.parametrize("sentence", [
    "بدأت الحرب عام 2011 في درعا.",
    "استمر الحصار 20 عاماً.",
    "وصل الرتل الساعة 10 صباحاً.",
    "قتلت قوات النظام 4 مدنيين في قصف على أريحا.",  # the event's toll, as "killed four" in English
])
def test_arabic_numbers_that_are_no_claims(kb, sentence):
    assert census(kb, [sentence]) == []


def test_english_unit_classes_unchanged():
    assert claims.unit_class("military posts") == "positions"
    assert claims.unit_class("نقطة عسكرية") == "positions"


def test_an_outlets_name_a_dash_and_the_date_is_a_dateline():
    import datetime as dt

    from marsad import pubdate

    line = pubdate.parse_dateline("شبكة أخبار الفرات الإخبارية – الخميس 7 آذار 2024")
    assert line is not None and line.candidates == (dt.date(2024, 3, 7),)
    assert pubdate.parse_dateline("قصفت قوات النظام بلدة كفرنبل في 7 آذار 2024 وقتلت ثلاثة") is None


def test_a_long_line_after_a_dash_is_read_in_linear_time():
    # One long unspaced run after "place –" (a scraped line): no date, and no waiting on it.
    line = "حمص – " + "ب" * 3000 + "|x 14-03-2023"
    assert dates_line(line) is None


def dates_line(line):
    from marsad.pubdate import parse_dateline

    return parse_dateline(line)


def test_arabic_months_gone_by_summed_up_are_background():
    # "since the start of last February, more than 40 were killed"; "during last October the
    # network documented 31 killings" — with the conjunction glued on, too
    assert dates.is_background("ومنذ مطلع شباط الماضي، قُتل أكثر من 40 شخصاً من جامعي الكمأة.", PUB, None)
    assert dates.is_background("ووثّقت الشبكة خلال تشرين الأول الماضي 31 عملية اغتيال في المنطقة.", PUB, None)
    assert not dates.is_background("قُتل شاب برصاص مجهولين مساء أمس الثلاثاء في البلدة.", PUB, None)


def test_years_in_the_dual_are_background():
    # "between the years 2019 and 2020 the regime took Khan Shaykhun and Saraqib"
    assert dates.is_background("وكانت قوات النظام قد سيطرت بين عامي 2019 و2020 على مدن خان شيخون وسراقب.", PUB, None)

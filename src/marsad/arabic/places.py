"""Toponyms in Arabic text, without a language model: the gazetteer's Arabic names.

1. words: runs of Arabic letters (diacritics inside), each folded (`text.fold`) and
   mapped back to its offsets.
2. names: at each word, the longest run of up to five words the gazetteer knows as an
   Arabic name, the first word read with and without its proclitics ("وبدير الزور" →
   "دير الزور", "للميادين" → "(ا)لميادين"); the span excludes the proclitic.
3. place words: a name after قرية، بلدة، مدينة، حي، محافظة، منطقة، ناحية، مخيم (and their
   plurals and duals) is a toponym even when the gazetteer lacks it; the next name joined
   by "و" too ("قريتي X وY").
4. a bare name (no place word) must be a place worth naming (`_worth_naming`): a country,
   a province, one of marsad's own places or Arabic names, a district or a town of 1,000
   people in Syria, its neighbours and Yemen, bigger towns farther away — and no common
   word that happens to be a place somewhere ("دير", "الشرق", "الثورة", "كان" = Caen).

The longest span wins; spans never overlap. "ريف دير الزور الشرقي" gives "دير الزور": the
countryside and the direction are cues for the resolver (`places.context`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..places.gazetteer import Candidate, Gazetteer
from .text import ARABIC_LETTER, DIACRITIC, fold, strip_marks

__all__ = ["find_toponyms"]

_WORD = re.compile(f"[{ARABIC_LETTER}][{ARABIC_LETTER}{DIACRITIC}]*")
_MARK = re.compile(f"[{DIACRITIC}]")
_MAX_WORDS = 5
_MIN_POPULATION = 1000
_REGION_POPULATION = 50_000
_FAMOUS_POPULATION = 100_000
# Where a town of 1,000 people (and a district) is worth a bare mention in the Arabic news
# marsad reads: Syria and its neighbours, and Yemen. In the rest of the region a bare name
# must be a town of 50,000 ("ينقل" transports, and is Yanqul, Oman); elsewhere GeoNames'
# Arabic names are mostly transliterations of small towns ("بين" is Pine, Arizona), so a
# bare name there must be a country, a first-level area or a city of 100,000.
_HOME = frozenset("SY IQ LB JO PS IL YE".split())
_REGION = frozenset("TR IR SA KW QA BH AE OM EG LY SD TN DZ MA MR SO DJ KM".split())


def _folded(words: str) -> frozenset[str]:
    """The words of a list as `find_toponyms` compares them: folded, marks stripped."""
    return frozenset(strip_marks(w) for w in words.split())


# Place words (folded) that introduce a name; plurals and duals introduce a list.
_PLACE_WORDS = _folded("قرية بلدة مدينة حي محافظة منطقة ناحية مخيم")
_PLACE_WORDS_MANY = _folded("قرى قريتي قريتا بلدات بلدتي بلدتا مدن مدينتي مدينتا أحياء حيي مخيمات مخيمي مناطق منطقتي")
# Duals name exactly two places: "بلدتا عريقة وملح وقفات احتجاجية" — the third "و" word is
# "vigils", not a third town.
_DUALS = _folded("قريتي قريتا بلدتي بلدتا مدينتي مدينتا حيي مخيمي منطقتي منطقتا")
# "المدينة", "القرية": the town the story is in, no name ("أحياء المدينة" is no Medina).
_THE_PLACE_WORDS = frozenset("ال" + w for w in _PLACE_WORDS)
# After these place words an adjective is more likely than a name ("منطقة عسكرية").
_VAGUE_PLACE_WORDS = _folded("مدينة حي منطقة مناطق مدن أحياء مخيم مخيمات")
# The first word of two-word names ("تل رفعت", "دير حافر", "عين العرب", "أبو كمال").
_NAME_HEADS = _folded("""
تل دير عين رأس كفر خان جسر أبو أم بئر بير بيت بني قصر جبل وادي مزرعة سد حوش معرة الشيخ شيخ تلول عرب مرج سهل
قلعة باب البو حمام سوق نهر جب عيون رجم خربة طيبة كوم أبي بنات السيدة""")
# Second words that belong to a name after any first word ("معدان الجديدة").
_NAME_TAILS = _folded("""
الجديدة القديمة الجديد القديم الكبير الكبيرة الكبرى الصغير الصغيرة الصغرى فوقاني تحتاني الفوقاني التحتاني شرقي غربي""")
# Function words: no name has one inside ("قبل أن" reads "قبلان", a village, without
# its space).
_FUNCTION = _folded("""
في من علي الي عن مع بعد قبل حتي منذ بين ضد عند لدي خلال حول نحو دون غير كل بعض ان او ثم لا لم لن ما
هذا هذه ذلك تلك التي الذي الذين هو هي هم انه كان كانت قد لقد ايضا اليوم امس الان حيث كما اذا
أن إن أنه إنه بأن بأنه لأن وأن وإن فإن كأن أنها بأنها عبر لدى أمام خلف تحت فوق""")
# Words that are never (the start of) a name after a place word: function words, verbs
# of relative clauses ("قرية تقع شرق …"), adjectives of zones ("منطقة آمنة").
_NOT_NAME = _FUNCTION | _folded("""
تقع يقع تتبع يتبع تبعد يبعد شهدت تشهد يشهد تعرضت تعرض تخضع يخضع تضم يضم تسيطر يسيطر سيطرت يقطنها يسكنها
واحده اخري ثانيه مجاوره قريبه بعيده حدوديه سكنيه عسكريه صناعيه زراعيه امنه عازله منزوعه خفض عمليات نفوذ
سيطره اشتباك اشتباكات تماس التماس محرره محاصره واسعه جبليه صحراويه ريفيه مفتوحه مغلقه محظوره جديده
كبيره صغيره نائيه مهجوره مدمره الواقعه الواقع التابعه التابع المجاوره القريبه الحدوديه المحاذيه
المذكوره نفسها ذاتها نفسه ذاته اخرى بها فيها منها اليها عليها الشرقي الغربي الشمالي الجنوبي الشرقيه
الغربيه الشماليه الجنوبيه شرق غرب شمال جنوب شرقي غربي شمالي جنوبي وسط اطراف ريف محيط قرب جانب أجزاء جزء
القوات الإدارة سيطرة النظام المعارضة الحكومة الفصائل التنظيم الجيش العمليات الموالية المعارضة
الاستراتيجية السورية العراقية اللبنانية التركية الأردنية الفلسطينية الإيرانية الإسرائيلية الأمريكية
""")
# Common words that are also a place's name somewhere in GeoNames: a bare mention is the
# word ("دير" monastery, "الشرق" the East, "الثورة" the revolution — also Tabqa's old name;
# "البلاد" the country, "العاصمة" the capital;
# "جاسم", "سالم" are people). Behind a place word they are names again ("مدينة الباب").
_COMMON = _folded("""
دير الدير الشرق الغرب الشمال الجنوب الوسط المركز مركز وسط شرق غرب شمال جنوب ريف الريف
الثوره ثوره السلام سلام النصر نصر الفتح الامل امل النور نور الحريه الوحده الاتحاد العروبه الجمهوريه
الاستقلال الشهداء شهداء الوطن العرب عرب الاسلام الدين الحق الخير الرحمه المدينه مدينه القريه قريه الحي
البلده بلده المنطقه منطقه المحافظه محافظه الجزيره جزيره الخليج البحر بحر النهر نهر الجبل جبل الوادي وادي
السهل سهل العين عين الباب باب التل تل القلعه قلعه السوق سوق الجسر جسر المطار مطار الميناء ميناء المعبر
الحدود حدود القصر قصر البيت بيت الحمام حمام الساحه ساحه الطريق طريق الجامع جامع المسجد مسجد الكنيسه
السجن سجن القاعده قاعده المعسكر معسكر الحاجز حاجز المزرعه مزرعه المزارع البستان الحديقه المخيم مخيم
محمد احمد علي حسن حسين عمر خالد سالم جاسم عيسي موسي يوسف ابراهيم عثمان سليمان عبدالله مصطفي محمود كريم
عباس جعفر صالح ناصر منصور سعيد حمزه طارق زياد فراس ماهر بشار حافظ رامي
الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت جمعه
كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس
سبتمبر اكتوبر نوفمبر ديسمبر
قوات الجيش النظام الدوله دوله الحكومه الشرطه الامن عناصر مدنيين اطفال نساء قتلي جرحي هجوم قصف غاره
انفجار عبوه لغم طائره صاروخ قذائف مدفعيه دبابه سياره منزل مدرسه مستشفي نقطه موقع مقر جبهه الجبهه
الاول الثاني الثالث الاولي الثانيه الاوسط الكبري الصغري الجديده القديمه الجديد القديم الكبير الصغير
اليوم الان السوري السوريه العربي العربيه الوطني الوطنيه الحر الحره الشعب الشعبي الشعبيه الديمقراطيه
الحمه الشيخ شيخ السيد ابو ام الصحراء الباديه باديه
سلميه السلميه الحراك حراك المقاومه مقاومه الفرات الكرامه كرامه الصمود التحرير تحرير
اب أسير أشار الأبيض الاتحاد الآن التحالف الفصائل الكردي المصدر أمان أمل بن بنت بنك بيان سنة سيدة صور عنه
كشف كلمة مرات مسجد نور وقف الخبر الخبراء المالي الزعيم الكرامة المجد الساحل الصورة الطرف العلم القابل الوجه
إلى الى الجيب الحد البركات الشروق الشيوخ الأم الجميل البيض البيضاء البرج الحزم السد الصف الأشهر الخمس
الجديد الجديدة القاسم الفحم الوادي الورد الوقف الحمام الحمراء القصر القصور المزار المالح السي الني الك البلا
الهدا الخضراء الأخضر الأسود الأحمر الحي حي بلد بدو بحري بشار جمال جناح حاتم حارس حر حرير خالص دخان سحر سراب
سري سن سير شباب شجاع صاحب طول عذاب عزيز عشاق كلمه ملكة يهود أدم آدم اسير
الشرقي الغربي الشمالي الجنوبي الشرقية الغربية الشمالية الجنوبية الوسطى الأوسط
كان كانت يكون تكون صار أصبح بات ظل قال قالت أكد أفاد أعلن ذكر أوضح أضاف نقل وقع جرى تم شهد سقط دخل خرج وصل عاد
جامعة إطار حجة ليل هوية وان ورقة فرقة وتيرة السيدة المطلة يد مقر مقره مصير مصيره ينقل صيد البنى
البلاد بلاد العاصمة الداخل الخارج العالم
عمد الداخلية الخارجية العصابة عصابة السوداء مهربين سوري لبناني عراقي يمني سوداني ليبي""") | _NOT_NAME


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    plain: str            # folded, marks stripped
    offsets: tuple[int, ...]  # original offset of each letter of `plain`


def _words(text: str) -> list[_Word]:
    folded = fold(text)
    out = []
    for m in _WORD.finditer(folded):
        letters, offs = [], []
        for k, ch in enumerate(m.group(0)):
            if not _MARK.match(ch):
                letters.append(ch)
                offs.append(m.start() + k)
        out.append(_Word(m.start(), m.end(), "".join(letters), tuple(offs)))
    return out


# Proclitics peeled off a name: و and ف (and), ب (in), ل (to), and the pairs. The article
# stays with the name ("بالميادين" reads "الميادين", never "ميادين"). A lone ف or ك is
# taken only before the article ("فالرقة"): "فرقة" is a team, not Raqqa.
_PROCLITIC = re.compile("[وف]?[بل]|و")


def _readings(word: str) -> list[tuple[int, str]]:
    """(letters cut from the front, reading) of a word with and without its proclitics,
    the word itself first; "للميادين" also reads "الميادين" from its second ل. A reading
    without the article keeps three letters at least ("برس" is no ب + "رس")."""
    out = [(0, word)]
    for cut in (1, 2):
        prefix, rest = word[:cut], word[cut:]
        if not (_PROCLITIC.fullmatch(prefix) or prefix in ("ف", "ك") and rest.startswith("ال")):
            continue
        if len(rest) >= 3:
            out.append((cut, rest))
        if prefix.endswith("ل") and rest.startswith("ل") and not rest.startswith("ال"):
            out.append((cut, "ا" + rest))  # ل + الميادين = للميادين: the article's alef dropped
    return out


def _joined(words: list[_Word], i: int, n: int, text: str) -> bool:
    """Whether words i .. i+n-1 are written as one name: only spaces (or a hyphen) between."""
    return all(re.fullmatch(r"[ \u00a0\u200c-]{1,2}", text[words[k].end:words[k + 1].start])
               for k in range(i, i + n - 1))


def _worth_naming(cands: list[Candidate], *, multiword: bool = False) -> bool:
    """Whether a bare name (no place word before it) is a place news names: a country, a
    first-level area, one of marsad's own places; a district or a town of 1,000 people at
    home (`_HOME`), a town of 50,000 in the region, a city of 100,000 anywhere."""
    for c in cands:
        if c.match == 0:
            continue
        if c.curated or c.feature_code in ("PCLI", "CONT", "ADM1", "RGN"):
            return True
        home = c.country_code in _HOME
        if home and c.feature_class == "P" and (c.seat or multiword):
            return True  # "بنت جبيل": a seat without population; a two-word name is no common word
        least = _MIN_POPULATION if home else _REGION_POPULATION if c.country_code in _REGION else _FAMOUS_POPULATION
        if home and c.feature_class == "A" or c.feature_class == "P" and c.population >= least:
            return True
    return False


def _known(words: list[_Word], i: int, text: str, gazetteer: Gazetteer, *, bare: bool, cut0: int = 0
           ) -> tuple[int, int, int] | None:
    """(start, end, word count) of the longest gazetteer name at word i, if any. A bare
    name (no place word before it) may have proclitics and must be worth naming; `cut0`
    letters of word i are a conjunction already read ("وبلدة X وY")."""
    first = words[i].plain[cut0:]
    readings = _readings(first) if bare else [(0, first)]
    for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
        if not _joined(words, i, n, text) or bare and n == 1 and first in _COMMON:
            continue  # "ورقة" is paper, whatever it reads without its و
        others = [w.plain for w in words[i + 1:i + n]]
        if any(o in _FUNCTION for o in others):
            continue  # "قبل أن" reads "قبلان" without its space
        for cut, reading in readings:
            if reading in _FUNCTION:
                continue
            name = reading + "".join(others)
            kind = gazetteer.arabic_name(name)
            if not kind:
                continue
            if bare and kind < 2:
                if all(w in _COMMON for w in [reading, *others]):
                    continue  # "الشرق", "المنطقة الشرقية": words, not Saudi Arabia's province
                if not _worth_naming(gazetteer.candidates(name), multiword=n > 1):
                    continue
            return words[i].offsets[cut0 + cut], words[i + n - 1].end, n
    return None


def _not_a_name(plain: str, vague: bool) -> bool:
    """Whether the word after a place word cannot start a name: a function word, a place
    word, a pronoun-suffixed noun ("مناطق سيطرتها"), an adjective after a vague place word
    ("منطقة حدودية")."""
    if len(plain) < 2 or any(r in _NOT_NAME or r in _PLACE_WORDS or r in _PLACE_WORDS_MANY
                             for _c, r in _readings(plain)):
        return True
    if plain.endswith(("تها", "تهم", "تهما")):
        return True
    return vague and not plain.startswith("ال") and plain.endswith(("يه", "ي")) and plain not in _NAME_HEADS


def _introduced(words: list[_Word], i: int, text: str, vague: bool, cut0: int = 0) -> tuple[int, int, int] | None:
    """(start, end, word count) of the name a place word introduces at word i (its first
    `cut0` letters a conjunction), which the gazetteer does not know: one word; two for
    "تل X"-style names, "X الجديدة", and "X الY" after a village or town word."""
    if i >= len(words):
        return None
    first = words[i].plain[cut0:]
    if _not_a_name(first, vague):
        return None
    n = 1
    if i + 1 < len(words) and _joined(words, i, 2, text):
        second = words[i + 1].plain
        if second not in _NOT_NAME and (first in _NAME_HEADS or second in _NAME_TAILS or not vague
                                        and second.startswith("ال") and second not in _COMMON):
            n = 2
    return words[i].offsets[cut0], words[i + n - 1].end, n


def _after_place_word(words: list[_Word], i: int, text: str, gazetteer: Gazetteer, vague: bool, cut0: int = 0
                      ) -> tuple[int, int, int] | None:
    """The name a place word introduces at word i: the gazetteer's, or the words' own when
    they make a longer name ("منطقة رأس عيسى", though a place is called "رأس"). Another place
    word is none ("أحياء مدينة إب": "مدينة" introduces the name; it is no Medina)."""
    first = words[i].plain[cut0:]
    if _place_word(first)[0] or first in _THE_PLACE_WORDS:
        return None
    known = _known(words, i, text, gazetteer, bare=False, cut0=cut0)
    own = _introduced(words, i, text, vague, cut0)
    if known and own:
        return own if own[2] > known[2] else known
    return known or own


def _place_word(plain: str) -> tuple[bool, bool, bool]:
    """(is a place word, introduces many, is vague) for a word with its proclitics."""
    for _cut, reading in _readings(plain):
        if reading in _PLACE_WORDS:
            return True, False, reading in _VAGUE_PLACE_WORDS
        if reading in _PLACE_WORDS_MANY:
            return True, True, reading in _VAGUE_PLACE_WORDS
    return False, False, False


# Outlets named like towns ("الميادين", "المدن"): after a correspondent's word ("قال مراسل
# الميادين"; not after "قناة" or "موقع", a canal and a site too: "قناة السويس", "موقع تدمر"), or
# what a source told ("قال مصدر محلي للميادين"; not aid sent "لدرعا").
_MEDIA_HEADS = _folded("مراسل مراسلة مراسلو مراسلي مراسلنا تلفزيون لتلفزيون إذاعة لإذاعة صحيفة لصحيفة وكالة لوكالة")
_SAYS = _folded("قال قالت قالوا أفاد أفادت أفادوا صرح صرحت أكد أكدت أكدوا أوضح أوضحت ذكر ذكرت كشف كشفت")
_SOURCES = _folded("مصدر مصادر ناشط ناشطون ناشطين مسؤول مسؤولون متحدث شاهد شهود")
_SOURCE_KINDS = _folded("محلي محلية مطلع مطلعة عسكري عسكرية طبي طبية أهلية أمني أمنية ميداني ميدانية")


def _word_at(words: list[_Word], start: int) -> int | None:
    """The index of the word that holds offset `start`, if any."""
    return next((k for k, w in enumerate(words) if w.start <= start < w.end), None)


def _an_outlet(words: list[_Word], text: str, start: int) -> bool:
    """Whether the name starting at `start` is an outlet: after a correspondent's word, or
    with "ل" ("to") right after a verb of telling and who told ("قال مصدر محلي لـ")."""
    i = _word_at(words, start)
    if i is None or i == 0:
        return False
    if words[i - 1].plain in _MEDIA_HEADS:
        return True
    # "قال المصدر لـ(بغداد اليوم)": the preposition apart, the outlet's name in brackets or quotes
    apart = words[i - 1].plain in ("ل", "ول", "فل") and not text[words[i - 1].end:start].strip("(«\"“ـ ")
    if text[words[i].start:start] not in ("ل", "ول", "فل") and not apart:
        return False
    # (a verb of telling often carries its و or ف: "وقال")
    before = [w.plain[1:] if w.plain[:1] in "وف" and w.plain[1:] in _SAYS else w.plain
              for w in words[max(0, i - 3 - apart):i - apart]]
    while before and before[-1] in _SOURCE_KINDS:
        before.pop()
    # ("قال المصدر لـ": the source with its article)
    source = before[-1][2:] if before and before[-1].startswith("ال") else before[-1] if before else ""
    return bool(before) and (before[-1] in _SAYS or source in _SOURCES and len(before) > 1
                             and before[-2] in _SAYS)


_STREET = _folded("شارع الشارع")  # (not "شوارع حمص", the streets of Homs)


def _after_one_of(words: list[_Word], start: int, kinds: frozenset[str]) -> bool:
    """Whether the word before the name starting at `start` reads as one of `kinds`."""
    i = _word_at(words, start)
    return i is not None and i > 0 and any(r in kinds for _c, r in _readings(words[i - 1].plain))


def _a_street(words: list[_Word], start: int) -> bool:
    """Whether the name starting at `start` names a street: "شارع طرابلس" in Misrata, "شارع
    بغداد" in Damascus are streets named after cities, not the cities."""
    return _after_one_of(words, start, _STREET)


# "بحيرة تشاد", "خليج عمان", "نهر النيجر", "دلتا النيجر": a lake, gulf, sea, river or delta named
# after a country is no country; nor is a state or province named like one ("ولاية النيجر
# النيجيرية", Nigeria's Niger State). Not a country joined by "و" ("دول الخليج وإيران").
_NAMED_AFTER = _folded("بحيرة البحيرة خليج الخليج بحر البحر نهر النهر دلتا ولاية إقليم محافظة مقاطعة")


def _named_after_a_country(words: list[_Word], text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    if not _after_one_of(words, start, _NAMED_AFTER) or text[max(0, start - 1):start] == "و":
        return False
    return any((c.feature_code or "").startswith("PCL") for c in gazetteer.candidates(text[start:end]))


def find_toponyms(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping (start, end, "GPE") spans of the place names of an Arabic
    `text`, offsets into `text` itself, proclitics outside the span. See the module
    docstring for what counts as a name."""
    words = _words(text)
    found: list[tuple[int, int]] = []
    for i, w in enumerate(words):
        place_word, many, vague = _place_word(w.plain)
        if place_word and i + 1 < len(words) and _joined(words, i, 2, text):
            hit = _after_place_word(words, i + 1, text, gazetteer, vague)
            j = i + 1
            room = 2 if any(r in _DUALS for _c, r in _readings(w.plain)) else len(words)
            # "قريتي الصالحية والبصيرة", "بلدات X وY وZ": the list after a plural
            while hit:
                found.append(hit[:2])
                j += hit[2]
                room -= 1
                if not (many and room and j < len(words) and words[j].plain.startswith("و")
                        and _joined(words, j - 1, 2, text)):
                    break
                hit = _after_place_word(words, j, text, gazetteer, vague, cut0=1)
        hit = _known(words, i, text, gazetteer, bare=True)
        if hit:
            found.append(hit[:2])
    found = [(s, e) for s, e in found if not _an_outlet(words, text, s) and not _a_street(words, s)
             and not _named_after_a_country(words, text, s, e, gazetteer)]
    # Longest first, then leftmost; a span overlapping a kept one goes.
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(found), key=lambda se: (-(se[1] - se[0]), se[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return [(s, e, "GPE") for s, e in sorted(kept)]

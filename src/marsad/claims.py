"""Stage 8, claims: numeric claims — a quantity of something counted, where, when, who says so.

"the Iranian Revolutionary Guard is deployed in 125 locations throughout Syria" →
quantity 125, unit "locations" (class "positions"), subject the IRGC, place Syria, source
the Jusoor Center, dated by the sentence or else by the article.

A claim is a number followed (within a few adjectives) by a plural count noun. Years,
dates, times, ages, money, percentages and temperatures are not claims; nor are compounds
like "22-nation" or "13-year-long"; nor things already named ("the two sides"). The place
is the toponym a preposition right after the count names ("37 posts in Daraa province"),
else the nearest toponym before the number in the sentence ("Daraa …, which includes 37
military posts"), else the nearest one after it, with the point, admin1, country and
GeoNames id it resolved to. The date is the claim's own
when the sentence states one ("as of May 2023", "on Monday"), else the publication date
(precision 2, as for events). A census ("deployed in 125 locations … Daraa, 37 posts") is a
set of claims, never events (see `events.code`).

The unit is kept as written and normalised to `UNIT_CLASSES`, by its head noun ("military
posts" → positions) and, for counts of people, by what the sentence says happened to them
("four fighters were killed" → deaths, "displaced 3,000 people" → displaced).

Arabic sentences (`_find_ar`) give the same records: a number (digits, Eastern digits, a
number word, "3 آلاف") then the counted noun and its adjectives ("ينتشر الحرس الثوري في
125 موقعاً"، "منها 37 نقطة في درعا"، "13 نقطة عسكرية"), or a dual noun ("عنصران"). The head
noun comes first in Arabic and decides the class (`_HEADS_AR`); people and fighters take
their fate ("قُتل 4 عناصر" → deaths); a count the object of an active "قتل" whose doer is
named ("قتلت قوات النظام 4 مدنيين") is the event's toll, as "killed four" is in English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import dates
from .actors import ActorKB, ActorMention
from .arabic.text import ARABIC_LETTER, fold, is_arabic, strip_marks, to_int
from .pubdate import MONTHS, MONTHS_AR
from .records import Article, Claim, Evidence, content_id

if TYPE_CHECKING:
    from .events.sentences import Located

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
# A count noun: plural (ends in s) or a collective ("people", "police"); up to three modifiers
# between, none of them a verb or a preposition ("the other three were Syrians" counts nothing).
_CLAIM = re.compile(
    rf"(?<![\w$€£.,-]){_NUMBER}(?![\w%-])(?:\s+(?:more|other|additional|new|more than))?"
    r"(?P<mods>(?:\s+(?!(?:of|in|and|or|to|on|at|for|from|by|with|near|into|across|over|after|than|per|were|was|"
    r"are|is|had|have|has|been)\b)"
    r"[A-Za-z][\w'’-]*){0,3}?)"
    r"\s+(?P<unit>(?:[a-z][a-z-]*)?(?:people|personnel|staff|police|militia|cattle)|[a-z][a-z-]*s)\b",
    re.I,
)
_NOT_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "percent", "dollars", "pounds",
              "euros", "liras", "riyals", "dinars", "times", "ones", "was", "is", "has", "its", "this", "his",
              "as", "us", "yes", "miles", "kilometers", "kilometres", "meters", "metres", "decades", "centuries",
              "degrees", "celsius", "fahrenheit"}
_REFERENCE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
# "9 HTS fighters": an acronym before the count noun is a modifier, not the unit.
_ACRONYM_THEN_NOUN = re.compile(r"\s+(?P<noun>[a-z][a-z-]*s)\b")

# The unit vocabulary: every claim's `unit_class` is one of these keys.
UNIT_CLASSES: dict[str, str] = {
    "positions": "places a force holds: posts, sites, positions, locations, bases, points, headquarters, checkpoints",
    "fighters": "fighters, troops, soldiers, members, militants, militiamen, officers, personnel",
    "vehicles": "vehicles, tanks, cars, trucks, pickups, armoured vehicles, bulldozers",
    "aircraft": "drones, aircraft, planes, warplanes, helicopters",
    "munitions": "missiles, rockets, shells, mortars, bombs, mines, explosive devices",
    "attacks": "attacks, strikes, raids, violations, operations, explosions, clashes",
    "deaths": "deaths, killed, dead, bodies, killings — and people or fighters the sentence says were killed",
    "injured": "wounded, injured — and people the sentence says were wounded",
    "displaced": "displaced people, refugees, IDPs, families displaced",
    "detained": "detainees, prisoners, captives, hostages — and people the sentence says were arrested",
    "people": "civilians, people, residents, children, families and other people counted",
    "areas": "villages, towns, cities, districts, governorates, provinces, countries",
    "buildings": "houses, homes, buildings, schools, hospitals, mosques",
    "other": "anything else counted",
}
_HEADS: dict[str, str] = {}
for _cls, _words in {
    "positions": "posts post sites positions locations bases points headquarters outposts checkpoints strongholds "
                 "barracks depots warehouses garrisons hideouts airbases encampments",
    "fighters": "fighters troops soldiers members militants militiamen combatants recruits officers personnel "
                "gunmen jihadists rebels mercenaries guards commanders insurgents servicemen policemen police "
                "operatives snipers militia paramilitaries conscripts",
    "vehicles": "vehicles tanks cars trucks pickups pick-ups buses bulldozers apcs lorries tankers motorcycles "
                "jeeps humvees",
    "aircraft": "drones aircraft planes jets helicopters warplanes uavs",
    "munitions": "missiles rockets shells mortars bombs rounds mines landmines ieds projectiles grenades munitions "
                 "barrels devices",
    "attacks": "attacks strikes airstrikes air-strikes raids violations operations incidents explosions assaults "
               "bombardments shellings clashes ambushes",
    "deaths": "deaths dead killed fatalities bodies lives killings",
    "injured": "wounded injured injuries",
    "displaced": "displaced refugees idps evacuees",
    "detained": "detainees prisoners captives hostages abductees arrests detentions",
    "people": "people civilians persons residents children women men families individuals villagers "
              "protesters demonstrators students farmers shepherds workers journalists",
    "areas": "villages towns cities districts governorates provinces countries areas neighbourhoods "
             "neighborhoods regions sub-districts localities",
    "buildings": "houses homes buildings schools hospitals mosques churches shops apartments",
}.items():
    for _w in _words.split():
        _HEADS[_w] = _cls

# What the sentence says happened to the people counted, right before the number or right after the unit.
_FATES = (("deaths", r"killed|dead|died|slain|executed|lost their lives"),
          ("injured", r"wounded|injured|hurt"),
          ("displaced", r"displaced|uprooted|fled|forced to flee|made homeless|forced from their homes"),
          ("detained", r"arrested|detained|abducted|kidnapped|captured|taken prisoner|held captive|freed|released"))
_AFTER = {cls: re.compile(rf"^(?:\s+(?:of|from|in|inside|near|at)\s[^,.;:]{{0,40}}?|\s*\([^)]{{0,40}}\)|"
                          rf",\s*[^,.;:]{{0,60}},)?,?\s+(?:(?:were|was|had|have|has|been|are|is|being|reportedly|"
                          rf"also|all|later|remain|remained|still|now|who|that)\s+){{0,3}}(?:{verbs})\b", re.I)
          for cls, verbs in _FATES}
_BEFORE = {
    "deaths": re.compile(r"\b(?:kill(?:ed|ing|s)?|death toll (?:at|of|to|rose to|stood at|reached)|toll (?:at|of|to)|"
                         r"deaths? of|bodies of|execut(?:ed|ing))\s+(?:at least |more than |nearly |about |some |"
                         r"around |over |up to )?$", re.I),
    "injured": re.compile(r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es)?)\s+(?:at least |more than |nearly |about |"
                          r"some |around |over )?$", re.I),
    "displaced": re.compile(r"\b(?:displac(?:ed|ing|es)?|uproot(?:ed|ing|s)?|forced out)\s+(?:at least |more than |"
                            r"nearly |about |some |around |over |up to )?$", re.I),
    "detained": re.compile(r"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnap(?:ped|ping|s)?|"
                           r"captur(?:ed|ing|es)?|free(?:d|ing|s)?|releas(?:ed|ing|es)?)\s+(?:at least |more than |"
                           r"nearly |about |some |around |over |up to )?$", re.I),
}
# Counts of people or fighters take their class from their fate; other units keep their own.
_FATE_TAKERS = {"people", "fighters", "other"}

# A month with its year and no day: "as of May 2023", "(January 2023)".
_MONTH_YEAR = re.compile(r"\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
                         r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+"
                         r"(?P<year>(?:19|20)\d{2})\b")


def unit_class(unit: str, *, before: str = "", after: str = "") -> str:
    """The class of `UNIT_CLASSES` of a unit as written ("military posts" → "positions"):
    any displacement word makes it "displaced"; else its head noun (the last word) decides.
    `before` (the sentence up to the number) and `after` (the sentence after the unit) let a
    count of people or fighters take the class of their fate ("were killed" → "deaths")."""
    if _arabic(unit):
        return _unit_class_ar(unit, before=before, after=after)
    written = re.findall(r"[\w'’-]+", unit)
    words = [w.strip("'’").lower() for w in written]
    if any(w in ("displaced", "refugees", "idps", "evacuees") for w in words):
        return "displaced"
    head = words[-1] if words else ""
    cls = _HEADS.get(head) or _HEADS.get(head.rstrip("s")) or "other"
    if cls in _FATE_TAKERS and (before or after):
        for fate, _ in _FATES:
            if _BEFORE[fate].search(before) or _AFTER[fate].match(after):
                return fate
    if cls == "other" and written and written[-1][:1].isupper():
        return "people"  # "15 Palestinians", "Yazidis": a people named by its plural
    return cls


def own_date(sentence: str, published: dt.date | None) -> dates.ReportedDate | None:
    """The date a sentence states itself (`dates.resolve`), or a month and year it names
    ("as of May 2023"), which holds even without a publication date."""
    reported = dates.resolve(sentence, published)
    if reported is not None:
        return reported
    if _arabic(sentence):
        return dates.month_and_year_ar(sentence, None)
    m = _MONTH_YEAR.search(sentence)
    if m:
        month = MONTHS[m.group("month").lower().rstrip(".")]
        return dates.ReportedDate(dt.date(int(m.group("year")), month, 1), dates.MONTH, m.start(), m.end())
    return None


def _value(token: str) -> float | None:
    t = token.lower().replace(",", "")
    if t in _WORDS:
        return float(_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


def find(article: Article, offset: int, sentence: str, places: Sequence[Located], kb: ActorKB,
         source: str | None, *, published: dt.date | None = None,
         carried: tuple[str, int] | None = None) -> list[Claim]:
    """The numeric claims of one sentence (`offset`: where it starts in the article text).
    `published`: the article's publication date; `carried`: a date (and precision) the
    sentences before stated for the same count ("… in May 2023. Deir Ezzor has 13 posts"),
    taken before the publication date when this sentence states none."""
    out: list[Claim] = []
    if _arabic(sentence):
        return _find_ar(article, offset, sentence, places, kb, source, published=published, carried=carried)
    matches = list(_CLAIM.finditer(sentence))
    if not matches:
        return out
    actors = kb.find(sentence)
    when = _when(sentence, published, carried)
    for m in matches:
        unit = m.group("unit").lower()
        value = _value(m.group("num"))
        if value is None or unit in _NOT_UNITS or not unit.endswith(("s", "people", "personnel", "staff")):
            continue
        if 1900 <= value <= 2100 and "," not in m.group("num"):
            continue  # a year
        if not m.group("num")[0].isdigit() and _REFERENCE.search(sentence, 0, m.start()):
            continue  # "the two sides", "both countries": things already named, not a count
        mods = m.group("mods").strip()
        unit_start, end_unit = m.start("unit"), m.end()
        written = sentence[unit_start:end_unit]
        tail = _ACRONYM_THEN_NOUN.match(sentence, end_unit)
        if written.isupper() and len(written) > 1 and tail:
            # "9 HTS fighters": the acronym modifies the count noun after it.
            mods, unit = f"{mods} {written}".strip(), tail.group("noun").lower()
            unit_start, end_unit = tail.start("noun"), tail.end()
        if re.search(r"\b(?:killed|dead|died|wounded|injured)\b", mods, re.I) or re.search(
                r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?)\s+(?:at least\s+|some\s+)?$",
                sentence[: m.start()], re.I):
            continue  # a casualty figure: the event's fatalities, not a claim
        out.append(_claim(
            article, offset, sentence, places, actors, source, when,
            span=(offset + m.start(), offset + end_unit), id_end=offset + m.end(), value=value,
            unit=f"{mods} {unit}".strip(),
            cls=unit_class(f"{mods} {sentence[unit_start:end_unit]}", before=sentence[:m.start()],
                                  after=sentence[end_unit:end_unit + 80]),
        ))
    return out


def _claim(article: Article, offset: int, sentence: str, places: Sequence[Located], actors: list[ActorMention],
           source: str | None, when: tuple[str | None, int | None], *, span: tuple[int, int], id_end: int,
           value: float, unit: str, cls: str) -> Claim:
    """The claim of a count at `span` (article offsets) in the sentence at `offset`, of unit
    class `cls`; its id runs from the count's start to `id_end`. Either language."""
    start, end = span
    place = _nearest_place(places, start, end, offset, offset + len(sentence), sentence, offset)
    p = place.place if place else None
    return Claim(
        claim_id=content_id(article.article_id, start, id_end),
        article_id=article.article_id,
        quantity=int(value) if float(value).is_integer() else value,
        unit=unit,
        subject=next((a.canonical for a in actors if "{" not in a.canonical), None),
        place=p.name if p else None,
        admin1=p.admin1 if p else None,
        source=source,
        evidence=(Evidence(article.article_id, offset, offset + len(sentence), sentence),),
        unit_class=cls,
        date=when[0],
        date_precision=when[1],
        country=p.country if p else None,
        latitude=p.latitude if p else None,
        longitude=p.longitude if p else None,
        geonameid=p.geonameid if p else None,
    )


def _when(sentence: str, published: dt.date | None,
          carried: tuple[str, int] | None) -> tuple[str | None, int | None]:
    """A claim's date and precision: the sentence's own, else the count's before, else the
    publication date (precision 2)."""
    stated = own_date(sentence, published)
    if stated is not None:
        return stated.date.isoformat(), stated.precision
    if carried is not None:
        return carried
    if published is not None:
        return published.isoformat(), dates.WEEK
    return None, None


# "37 posts in Daraa province", "125 locations throughout Syria": a preposition right after the
# count ties it to the place that follows.
_PLACE_AFTER = re.compile(r"^\s+(?:(?:in|at|across|throughout|near|around|inside|within)\s+)(?:the\s+)?"
                          r"(?:(?:north|south|east|west|central|rural)[\w-]*\s+)?"
                          r"(?:(?:\w+\s+){0,2}?(?:of|in)\s+(?:the\s+)?)?$", re.I)


def _nearest_place(places: Sequence[Located], start: int, end: int, lo: int, hi: int, text: str = "",
                   offset: int = 0) -> Located | None:
    """The place of a count spanning `start`-`end` in a sentence from `lo` to `hi` (article
    offsets; `text` is the sentence, at `offset`): the toponym a preposition after the count
    names, else the nearest one before it, else the nearest one after it."""
    after = [p for p in places if end <= p.start < hi and p.start - end <= 40]
    if after and text:
        first = min(after, key=lambda p: p.start)
        place_after = _PLACE_AFTER_AR if _arabic(text) else _PLACE_AFTER
        if place_after.match(fold(text[end - offset:first.start - offset])):
            return first
    before = [p for p in places if lo <= p.end <= start and start - p.end <= 80]
    if before:
        return max(before, key=lambda p: p.end)
    return min(after, key=lambda p: p.start) if after else None



# --- Arabic ------------------------------------------------------------------------------------
# Words are compared folded and without diacritics (`strip_marks`): ة is ه, أ is ا, ى is ي.
_L = f"[{ARABIC_LETTER}]"
_ANY_ARABIC = re.compile(_L)


def _arabic(text: str) -> bool:
    """Text in Arabic (the cheap test first: most text marsad reads is English)."""
    return bool(_ANY_ARABIC.search(text)) and is_arabic(text)


_HEADS_AR: dict[str, str] = {}
for _cls, _words in {
    "positions": "موقع مواقع نقطة نقاط قاعدة قواعد مقر مقرات حاجز حواجز ثكنة ثكنات مستودع مستودعات معسكر معسكرات "
                 "مخزن مخازن مركز مراكز مطار مطارات منشأة منشآت",
    "fighters": "عنصر عناصر مقاتل مقاتلين مقاتلون جندي جنود ضابط ضباط مسلح مسلحين مسلحون مرتزق مرتزقة مجند مجندين "
                "عسكري عسكريين عسكريون قيادي قياديين قياديون شرطي عنصرا مقاتلا جنديا",
    "vehicles": "آلية آليات سيارة سيارات دبابة دبابات عربة عربات شاحنة شاحنات مدرعة مدرعات حافلة حافلات دراجة "
                "دراجات جرافة جرافات صهريج صهاريج",
    "aircraft": "طائرة طائرات مسيرة مسيرات مروحية مروحيات",
    "munitions": "صاروخ صواريخ قذيفة قذائف لغم ألغام عبوة عبوات قنبلة قنابل برميل براميل",
    "attacks": "هجوم هجمات غارة غارات ضربة ضربات اعتداء اعتداءات عملية عمليات خرق خروقات انفجار انفجارات "
               "اشتباك اشتباكات استهداف",
    "deaths": "قتيل قتلى قتيلا جثة جثث وفاة وفيات ضحية ضحايا",
    "injured": "جريح جرحى مصاب مصابين مصابون إصابة إصابات",
    "displaced": "نازح نازحين نازحون لاجئ لاجئين لاجئون مهجر مهجرين",
    "detained": "معتقل معتقلين معتقلون أسير أسرى محتجز محتجزين رهينة رهائن مختطف مختطفين موقوف موقوفين",
    "people": "مدني مدنيين مدنيون مدنيا شخص أشخاص شخصا مواطن مواطنين مواطنا طفل أطفال طفلا امرأة نساء "
              "ساكن سكان عائلة عائلات أسرة أسر فرد أفراد متظاهر متظاهرين رجل رجال شاب شبان",
    "areas": "قرية قرى بلدة بلدات مدينة مدن منطقة مناطق محافظة محافظات حي أحياء ناحية نواحي دولة دول",
    "buildings": "منزل منازل بيت بيوت مبنى مباني مدرسة مدارس مستشفى مستشفيات مسجد مساجد كنيسة محل محلات",
}.items():
    for _w in _words.split():
        _HEADS_AR[strip_marks(_w)] = _cls
# Numbers that are no counts: years, ages, durations, money, measures, shares, times.
_NOT_UNITS_AR = {strip_marks(w) for w in (
    "عام عاما أعوام سنة سنوات سنين يوم يوما أيام ساعة ساعات دقيقة دقائق ثانية ثوان شهر شهرا أشهر شهور "
    "أسبوع أسابيع مرة مرات بالمئة بالمائة في المئة دولار دولارا ليرة يورو دينار ريال كيلومتر كيلومترات كم متر "
    "أمتار مترا كغ كيلوغرام طن أطنان درجة درجات عاما ألف آلاف مليون ملايين مليار صباحا مساء ظهرا فجرا "
    "من في على إلى عن مع و أو ثم حتى منذ بين بعد قبل خلال عند لدى قرب نحو ضد حول أن إن التي الذي الذين "
    "هو هي هم كان كانت تم قد لا لم لن ما"
).split()} | {strip_marks(m).split()[0] for m in MONTHS_AR}
_NUMBER_AR = re.compile(r"(?<![\d.,،٬/:-])(?P<num>\d{1,3}(?:[,،٬]\d{3})+|\d+(?:[.٫]\d+)?)(?![\d%٪/:-])")
_WORD_AR = re.compile(rf"{_L}[{ARABIC_LETTER}\u064b-\u0652\u0670\u0640]*")
_MULTIPLIERS = {"الف": 1000, "الاف": 1000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000}
# A nisba adjective after the noun ("نقطة عسكرية", "مواقع إيرانية"): part of the unit.
_NISBA = re.compile(r"\A[وف]?(?:ال)?\S*(?:ي|يه|يين|يون|يات|يا)\Z")
_FATES_AR = {
    "deaths": (r"قتل|قتلت|مقتل|استشهد|استشهاد|مصرع|لقي|لقوا|لقيت|اعدم|اعدام|وفاه|قضي|قضوا",
               r"قتلوا|قتلا|قتل|قتلن|لقوا\s+(?:حتفهم|مصرعهم)|استشهدوا|قضوا|اعدموا"),
    "injured": (r"اصيب|اصيبت|اصيبوا|اصابه|جرح|جرحت|اصابات|جرحي", r"اصيبوا|اصيبا|جرحوا|جرحا|اصيبت"),
    "displaced": (r"نزح|نزحت|نزوح|تهجير|هجر|فرار|فر|تشريد|شرد", r"نزحوا|هجروا|فروا|شردوا"),
    "detained": (r"اعتقل|اعتقلت|اعتقال|احتجز|احتجاز|اختطف|اختطاف|خطف|اسر|افرج\s+عن|الافراج\s+عن|اطلاق\s+سراح",
                 r"اعتقلوا|اعتقلا|احتجزوا|اختطفوا|خطفوا|اسروا"),
}
_APPROX_AR = r"(?:\s+(?:نحو|حوالي|اكثر\s+من|ما\s+لا\s+يقل\s+عن|قرابه|زهاء|ما\s+يزيد\s+عن|ما\s+يقارب|اقل\s+من))?"
_BEFORE_AR = {cls: re.compile(rf"(?<!{_L})[وف]?(?:{before})(?:\s+\S+)?{_APPROX_AR}\s*\Z") for cls, (before, _) in
              _FATES_AR.items()}
_AFTER_AR = {cls: re.compile(rf"\A(?:\s+(?:من|في)\s[^،,.؛:]{{0,40}}?)?\s+(?:قد\s+)?(?:{after})(?!{_L})")
             for cls, (_, after) in _FATES_AR.items()}
# An active "قتل" with its doer named before the count: the event's toll, not a claim.
_KILLED_BY = re.compile(rf"(?<!{_L})[وف]?(?:قتلت|قتل|اعدمت|اعدم|اصابت|اصاب|جرحت)(?!{_L})")
_PLACE_AFTER_AR = re.compile(r"\A\s+(?:(?:[وف]?(?:في|داخل|عبر|قرب|حول|ضمن|على|علي|بين|شمال|جنوب|شرق|غرب|وسط)"
                             r"(?:ي)?)\s+(?:\S+\s+){0,2}?(?:[بل]|ال)?|[بل]|بمحافظه\s+|بريف\s+)\Z")


def _unit_class_ar(unit: str, *, before: str = "", after: str = "") -> str:
    """`unit_class` of an Arabic unit: its first word (the head noun) decides; people and
    fighters take their fate from the words before the number or after the unit."""
    words = strip_marks(unit).split()
    head = words[0] if words else ""
    cls = _HEADS_AR.get(head) or _HEADS_AR.get(head.rstrip("ا")) or _HEADS_AR.get(_singular_of_dual(head) or "")
    if cls is None:
        cls = "other"
    if cls in _FATE_TAKERS and (before or after):
        b, a = strip_marks(before), strip_marks(after)
        for fate in _FATES_AR:
            if _BEFORE_AR[fate].search(b) or _AFTER_AR[fate].match(a):
                return fate
    return cls


def _singular_of_dual(word: str) -> str | None:
    """"عنصران" → "عنصر", "نقطتان" → "نقطه" (folded); None when the word is no dual of a head."""
    if not word.endswith("ان") or len(word) < 4:
        return None
    stem = word[:-2]
    for singular in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
        if singular and singular in _HEADS_AR:
            return singular
    return None


def _find_ar(article: Article, offset: int, sentence: str, places: Sequence[Located], kb: ActorKB,
             source: str | None, *, published: dt.date | None, carried: tuple[str, int] | None) -> list[Claim]:
    """`find` for an Arabic sentence (see the module docstring)."""
    text = fold(sentence)
    counts = list(_counts_ar(text))
    if not counts:
        return []
    actors = kb.find(sentence)
    when = _when(sentence, published, carried)
    out: list[Claim] = []
    for num_start, _num_end, value, unit_start, unit_end in counts:
        if _toll_of_named_doer(text, num_start, actors):
            continue
        unit = sentence[unit_start:unit_end]
        out.append(_claim(
            article, offset, sentence, places, actors, source, when,
            span=(offset + num_start, offset + unit_end), id_end=offset + unit_end, value=value, unit=unit,
            cls=_unit_class_ar(unit, before=text[max(0, num_start - 40):num_start],
                                      after=text[unit_end:unit_end + 80]),
        ))
    return out


def _counts_ar(text: str) -> list[tuple[int, int, float, int, int]]:
    """(number start, number end, value, unit start, unit end) of each count in a folded
    Arabic sentence: a number then its noun, or a dual noun alone."""
    words = list(_WORD_AR.finditer(text))
    found: list[tuple[int, int, float, int, int]] = []
    numbers: list[tuple[int, int, float]] = []
    for m in _NUMBER_AR.finditer(text):
        raw = re.sub(r"[,،٬]", "", m.group("num")).replace("٫", ".")
        value = float(raw)
        if 1900 <= value <= 2100 and "," not in m.group("num") and "،" not in m.group("num"):
            continue  # a year
        numbers.append((m.start(), m.end(), value))
    for i, w in enumerate(words):
        pair = f"{w.group()} {words[i + 1].group()}" if i + 1 < len(words) else ""
        for k, token in ((2, pair), (1, w.group())):
            value_int = to_int(token) if token else None
            if value_int is not None and value_int >= 2:
                numbers.append((w.start(), words[i + k - 1].end(), float(value_int)))
                break
    for num_start, num_end, value in sorted(numbers):
        if any(a <= num_start < b for a, b, *_ in found):
            continue
        after = [w for w in words if w.start() >= num_end][:4]
        if after and after[0].start() - num_end > 2:
            continue
        if after and strip_marks(after[0].group()) in _MULTIPLIERS:
            value *= _MULTIPLIERS[strip_marks(after[0].group())]
            num_end, after = after[0].end(), after[1:]
        if not after:
            continue
        head = strip_marks(after[0].group())
        if head in _NOT_UNITS_AR or head.startswith("ال") or head.rstrip("ا") in _NOT_UNITS_AR:
            continue
        unit_end = after[0].end()
        for adjective in after[1:3]:
            if adjective.start() - unit_end > 1 or not _NISBA.match(strip_marks(adjective.group())) \
                    or strip_marks(adjective.group()) in _NOT_UNITS_AR:
                break
            unit_end = adjective.end()
        found.append((num_start, num_end, value, after[0].start(), unit_end))
    # Dual nouns count two: "عنصران", "نقطتان".
    for w in words:
        if _singular_of_dual(strip_marks(w.group())) and not any(a <= w.start() < e for a, _, _, _, e in found):
            found.append((w.start(), w.start(), 2.0, w.start(), w.end()))
    return sorted(found)


def _toll_of_named_doer(text: str, num_start: int, actors: list[ActorMention]) -> bool:
    """"قتلت قوات النظام 4 مدنيين": an active verb, its named doer, then the count — the
    event's toll ("killed four"), not a claim."""
    verbs = list(_KILLED_BY.finditer(text, max(0, num_start - 80), num_start))
    if not verbs:
        return False
    verb = verbs[-1]
    return any(verb.end() <= a.start and a.end <= num_start for a in actors)

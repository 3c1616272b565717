"""Place-name normalisation: two keys per name, so spelling variants meet.

`plain_name` is the conservative form — lowercase ASCII, diacritics and apostrophes gone,
punctuation to single spaces ("Dayr az-Zawr" → "dayr az zawr"). Two names with the same
plain form are the same string as far as a reader is concerned.

`name_key` is the transliteration-aware form used to find candidates: it also drops Arabic
articles (al-, el-, ez-, …, also assimilated and glued ones: "Ezzor"), unifies the
Abu/Albu/Al-Bu prefix, removes spaces, folds doubled letters, vowel digraphs and a few
consonant spellings. "Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr" and "Deir al-Zour" all
give "dirzur". Keys merge more than plain names do, so the resolver trusts a plain-name
match over a key-only match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "þ": "th",
        "ə": "e",
        "ŀ": "l",
    }
)
_APOSTROPHES = re.compile(r"['’‘`´ʿʾʻʼ′ʹ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Arabic definite article in its transliterated shapes (sun-letter assimilation included).
_ARTICLES = frozenset(
    "al el il ul ad ed ud as es us az ez uz ar er ur ash esh ush at et ut an en un "
    "ath eth adh edh ats".split()
)
# An article glued to the next word with assimilation: "Ezzor" = ez-Zor, "Assuwayda".
_GLUED_ARTICLE = re.compile(r"^[ae](sh|th|dh|[tdrzsn])\1(?=[a-z]{2})")
_ABU = frozenset({"abu", "albu", "abou", "abo", "bou", "bu"})

# Applied in order to the joined key.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(.)\1+", r"\1"),  # doubled letters: Raqqa → Raqa
        (r"q", "k"),
        (r"ck", "k"),
        (r"ph", "f"),
        (r"ou|oo|aw|ow", "u"),
        (r"ee|ie|ei|ey|ay|ai|ej|aj", "i"),
        (r"uw", "w"),
        (r"o", "u"),
        (r"e", "i"),
        (r"y(?=[^aiu]|$)", "i"),  # y as a vowel
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=200_000)
def plain_name(s: str) -> str:
    """Lowercase ASCII form with diacritics, apostrophes and punctuation removed."""
    s = unicodedata.normalize("NFKD", s.casefold().translate(_SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _APOSTROPHES.sub("", s)
    return _NON_ALNUM.sub(" ", s).strip()


def _strip_articles(tokens: list[str]) -> list[str]:
    out: list[str] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok in _ARTICLES and i < n - 1:
            continue
        if tok in _ABU and i < n - 1:
            out.append("bu")
            continue
        if i > 0:
            tok = _GLUED_ARTICLE.sub(r"\1", tok)
        if tok.startswith("albu") and len(tok) > 6:
            tok = "bu" + tok[4:]
        elif tok.startswith("abu") and len(tok) > 5 and i == 0 and n == 1:
            tok = "bu" + tok[3:]
        out.append(tok)
    return out or tokens


def _fold_token_end(tok: str) -> str:
    # Ta marbuta spelled -ah / -eh / -a: Raqqah = Raqqa, Hasakeh = Hasaka.
    if len(tok) > 3 and tok.endswith(("ah", "eh")):
        return tok[:-2] + "a"
    return tok


@lru_cache(maxsize=200_000)
def name_key(s: str) -> str:
    """Transliteration-folded key: variants of one Arabic (or other) name share it."""
    plain = plain_name(s)
    if not plain:
        return ""
    tokens = [_fold_token_end(t) for t in _strip_articles(plain.split())]
    key = "".join(tokens)
    for pattern, repl in _FOLDS:
        key = pattern.sub(repl, key)
    return key


_ADMIN_WORDS = re.compile(
    # (Nigeria's "Konduga Local Government Area", "Gwoza LGA": its second-level areas)
    r"\b(local\s+government\s+areas?|local\s+government|lgas?|"
    r"governorate|province|provinces|region|district|county|municipality|prefecture|"
    r"oblast|state|territory|department|countryside|city|area|raion|rayon|wilayah|"
    r"muhafazat|qada|nahiya|sub-district|subdistrict)\b",
    re.IGNORECASE,
)


def has_admin_word(name: str) -> bool:
    """Whether a name carries an administrative-unit word ("Homs Governorate")."""
    return bool(_ADMIN_WORDS.search(name))


def strip_admin_words(name: str) -> str:
    """ "Homs Governorate" → "Homs"; "Governorate of Homs" → "Homs"."""
    s = _ADMIN_WORDS.sub(" ", name)
    s = re.sub(r"^\s*(of|the)\s+", " ", s.strip(), flags=re.IGNORECASE)
    return " ".join(s.split())


def is_ascii_name(name: str) -> bool:
    return name.isascii()


def ascii_fold(name: str) -> str:
    """Diacritics removed, case and punctuation kept: "Ḩimş" → "Hims"."""
    s = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _APOSTROPHES.sub("", s)
    return s.encode("ascii", "ignore").decode("ascii").strip()


def is_latin_or_arabic(name: str) -> bool:
    """Names worth indexing: Latin script (any diacritics) or Arabic script."""
    for c in name:
        o = ord(c)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x600 <= o <= 0x6FF:
            continue
        if c in "’‘ʿʾʻʼ′":
            continue
        return False
    return True


# --- Arabic script -----------------------------------------------------------------
# `plain_name` and `name_key` read Latin script only (an Arabic name gives ""): Arabic
# names have keys of their own, in the `arabic_names` table, so English look-ups and
# every English count stay as they were.
_NOT_ARABIC_LETTER = re.compile(r"[^\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d50-9]+")


def is_arabic_name(name: str) -> bool:
    """Whether a name is written in Arabic script (at least one Arabic letter, no Latin)."""
    return bool(re.search(r"[\u0621-\u064a\u0671-\u06d3]", name)) and not re.search(r"[A-Za-z]", name)


@lru_cache(maxsize=200_000)
def arabic_plain(s: str) -> str:
    """An Arabic name as a reader compares it: letters folded (أ إ آ → ا, ة → ه, ى → ي,
    ؤ → و, ئ → ي, Persian ک ی → ك ي), diacritics, tatweel, punctuation and spaces gone
    ("ديرالزور" and "دير الزور" are one spelling)."""
    from ..arabic.text import strip_marks

    return _NOT_ARABIC_LETTER.sub("", strip_marks(s))


@lru_cache(maxsize=200_000)
def arabic_key(s: str) -> str:
    """The looser key: `arabic_plain` without the article in front and with Abu / Albu as
    one prefix ("الميادين" = "ميادين"; "أبو كمال" = "البوكمال")."""
    key = arabic_plain(s)
    if key.startswith("ال") and len(key) > 4:
        key = key[2:]
    if key.startswith("ابو") and len(key) > 5:
        key = key[1:]
    return key


# The last word of a street's, a building's or a site's name: "Royal Street", "St. Michael's
# Hospital", "KCOM Stadium", "Cloverhill District Court". Such a place lies inside a town and
# is never a town itself, so a gazetteer of towns lacks it and the town that holds it stands in.
# A street's last word: its name holds no place ("Collins Avenue" is not in Collinsville).
_STREET_WORDS = r"street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|place|parade|way|terrace|crescent|" \
    r"highway|parkway"
_STREET_WORD = re.compile(rf"(?:{_STREET_WORDS})\.?", re.IGNORECASE)
_SITE_WORD = re.compile(
    rf"(?:{_STREET_WORDS}|square|bridge|roundabout|"
    r"hospital|clinic|infirmary|church|cathedral|chapel|mosque|synagogue|temple|shrine|cemetery|"
    r"school|elementary|academy|college|court|courthouse|hall|hotel|inn|theatre|theater|cinema|stadium|"
    r"arena|club|centre|center|tower|market|mall|station|prison|jail|racecourse|library|museum|"
    r"restaurant|embassy|consulate|ministry|headquarters|quarter|manor|mansion|fountain)\.?",
    re.IGNORECASE,
)
# The first word of a site's name in the languages news keeps untranslated: "Rue de
# Rivoli", "Stade de France", "Palais des Nations", "Plaza de Mayo", "Piazza Navona".
_SITE_FIRST_WORD = re.compile(r"(?:rue|stade|palais|gare|place|plaza|piazza|calle|avenida|estadio)", re.IGNORECASE)
# Buildings whose name's nation is where they stand: a nation's ministry and its
# headquarters ("the Russian Foreign Ministry"), unlike its embassy or a hotel named after
# a poet ("the Russian Embassy", "the Percy French Hotel").
_NATIONAL_SITE_WORD = re.compile(r"(?:ministry|headquarters)", re.IGNORECASE)
# A road's number: "the A120", "the M25", "I-95", "Route 9", "Highway 401".
_ROAD_NUMBER = re.compile(r"^(?:[ABMN]\d{1,4}|I-\d{1,3}|(?:Route|Highway|US)[\s-]?\d{1,4})$")


def is_site(name: str) -> bool:
    """Whether a name is a street's, a road's, a building's or a site's (a town's quarter
    included), not a settlement's."""
    words = name.split()
    return bool(_ROAD_NUMBER.match(name.strip())) or len(words) >= 2 and (
        bool(_SITE_WORD.fullmatch(words[-1])) or bool(_SITE_FIRST_WORD.fullmatch(words[0])))


def is_street_word(word: str) -> bool:
    """Whether a word ends a street's name: Street, Avenue, Road, Way, Terrace, …"""
    return bool(_STREET_WORD.fullmatch(word))


def is_national_site(name: str) -> bool:
    """A site that stands in the nation its name holds: a ministry, a headquarters."""
    words = name.split()
    return len(words) >= 2 and bool(_NATIONAL_SITE_WORD.fullmatch(words[-1]))


# Consonant skeletons: an Arabic name and its Latin transliterations meet on the consonants
# both write ("بصر الحرير" and "Busra al-Harir" are both B-S-R-H-R), for the places GeoNames knows
# only in Latin letters. Letters that transliterations render alike share a class (ق ك and
# q k c; ت ط ث and t th; د ذ ض ظ ز and d dh z; س ص ش and s sh ch); vowels, ع, ء and the
# article are dropped. `semivowels` keeps و and ي (w, y), which Latin writes as vowels as
# often as not: a second, stricter key that tells Salma from Salamiyah when both meet.
_AR_CLASSES = str.maketrans({
    "ب": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "ح": "h", "ه": "h", "خ": "x", "د": "d", "ذ": "d",
    "ض": "d", "ظ": "d", "ز": "d", "ر": "r", "س": "s", "ص": "s", "ش": "s", "غ": "g", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "و": "w", "ي": "y",
})
_LATIN_DIGRAPHS = ((re.compile(r"kh"), "x"), (re.compile(r"gh"), "G"), (re.compile(r"sh|ch"), "s"),
                   (re.compile(r"th"), "t"), (re.compile(r"dh|zh"), "d"), (re.compile(r"ph"), "f"),
                   (re.compile(r"ou|oo"), "u"))
_LATIN_CLASSES = str.maketrans({"q": "k", "c": "k", "z": "d", "g": "j", "G": "g", "p": "b", "v": "f"})


def _skeleton(token: str, semivowels: bool) -> str:
    keep = "bdfghjklmnrstx" + ("wy" if semivowels else "")
    return "".join(ch for ch in token if ch in keep)


@lru_cache(maxsize=200_000)
def consonant_key(name: str, semivowels: bool = False) -> str:
    """The consonant skeleton of a place name in Arabic or Latin letters ("" when too short
    to tell places apart: fewer than three consonants)."""
    if is_arabic_name(name):
        tokens = []
        raws = name.split()
        for n, raw in enumerate(raws):
            w = arabic_plain(raw)
            w = w[2:] if w.startswith("ال") and len(w) > 3 else w
            # a final ة, ه or ى is a vowel in transliteration ("سلمى" Salma, "رفاعة" Rufa'a) ...
            # except a ة before the name's next word, read t ("خربة قصرون" Khirbat Qasrun)
            if raw.endswith("ة") and n < len(raws) - 1:
                w = w[:-1] + "ت"
            elif raw.rstrip()[-1:] in ("ة", "ه", "ى") and len(w) > 2:
                w = w[:-1]
            tokens.append(w.translate(_AR_CLASSES))
    else:
        tokens = []
        for t in _strip_articles(plain_name(name).split()):
            t = t[:-1] if len(t) > 3 and t.endswith("h") and t[-2] in "aeiou" else t  # Raqqah, Hasakeh
            for pattern, repl in _LATIN_DIGRAPHS:
                t = pattern.sub(repl, t)
            tokens.append(t.translate(_LATIN_CLASSES))
    key = re.sub(r"(.)\1+", r"\1", "".join(_skeleton(t, semivowels) for t in tokens))
    return key if len(_skeleton(key, False)) >= 3 else ""


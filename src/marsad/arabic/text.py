"""Arabic text for matching: folding, clitics, sentences, numbers.

Every function keeps character offsets: `fold` maps one character to one character, and
`pattern(word)` builds a regex that finds a word in folded text with its diacritics,
tatweel and proclitics (و ف ب ل ك ال) around it, the named group `w` spanning only the
word. So a match in `fold(text)` is a span in the original text.

    folded = fold(text)
    for m in re.finditer(pattern("دير الزور"), folded):
        m.span("w")        # "دير الزور" in "وبدير الزور", offsets into `text`
"""

from __future__ import annotations

import re

__all__ = [
    "ARABIC_LETTER",
    "CLITIC",
    "CLITIC_UNMARKED",
    "DIACRITIC",
    "fold",
    "is_arabic",
    "pattern",
    "peel",
    "sentences",
    "strip_marks",
    "to_int",
]

# Letters of the Arabic block proper (hamza .. yeh, alef wasla .. yeh barree), without
# the diacritics, tatweel and digits that share the block.
ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5"
# Harakat, tanwin, shadda, sukun, superscript alef, and tatweel (a stretch, not a letter).
DIACRITIC = "\u064b-\u0652\u0670\u0640"
_MARKS = f"[{DIACRITIC}]*"

_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "\u06a9": "ك", "\u06cc": "ي",  # Persian kaf and yeh (ک ی), as some sites type them
    **{chr(0x0660 + i): str(i) for i in range(10)},   # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},   # Extended (Persian) digits
})


def _clitic(marks: str) -> str:
    """Proclitics, each letter with `marks` after it: a conjunction (و ف), then a
    preposition (ب ك ل), then the article (ال; after ل it is written ل: لل). The whole
    cluster is optional and outside the group `w`."""
    return f"(?:[وف]{marks})?(?:[بك]{marks}(?:ال{marks})?|ل{marks}ل{marks}|ال{marks}|ل{marks})?"


# Proclitics in text as written: each letter may carry marks.
CLITIC = _clitic(_MARKS)
# The same for text without diacritics and tatweel (the event lexicon's `arabic_view`), where
# the marks' class could never match: it matches exactly what CLITIC matches there, and the
# lexicon, which repeats it at every word, compiles in a fraction of the time without it.
CLITIC_UNMARKED = _clitic("")
_NOT_LETTER_BEFORE = f"(?<![{ARABIC_LETTER}{DIACRITIC}])"
_NOT_LETTER_AFTER = f"(?![{ARABIC_LETTER}{DIACRITIC}])"


_ARABIC_LETTER_RX = re.compile(f"[{ARABIC_LETTER}]")
# Three Arabic letters in a row: a line or a title with an Arabic word in it.
ARABIC_WORD = re.compile(f"[{ARABIC_LETTER}]{{3}}")
# One diacritic or a tatweel.
MARK = re.compile(f"[{DIACRITIC}]")


def is_arabic(text: str) -> bool:
    """Mostly Arabic script: more than half of the letters are Arabic letters. (Asked of
    every English sentence too: the Arabic letters are counted by one regex, and a text
    with none is answered before its letters are.)"""
    arabic = sum(1 for c in _ARABIC_LETTER_RX.findall(text) if c.isalpha())
    if not arabic:
        return False
    return arabic * 2 > sum(1 for c in text if c.isalpha())


def fold(text: str) -> str:
    """Normalise for matching, one character for one (offsets stay valid): alef forms → ا,
    ة → ه, ى → ي, ؤ → و, ئ → ي, Eastern digits → 0-9. Diacritics and tatweel stay: the
    regexes of `pattern` allow them between letters."""
    return text.translate(_FOLD)


def strip_marks(text: str) -> str:
    """`fold` and drop diacritics and tatweel: a lookup key (offsets NOT kept)."""
    return re.sub(f"[{DIACRITIC}]", "", fold(text))


def _letters(word: str) -> str:
    """Regex source for the folded word, marks allowed after each letter, any run of
    spaces (or a hyphen) for a space, and an optional space where the word has one
    between two parts that news writes together too (ديرالزور)."""
    out = []
    for ch in strip_marks(word).strip():
        if ch.isspace():
            out.append(r"(?:[\s\u200c-]*)")
        elif ch == "-":
            out.append(r"[\s\u200c-]*")
        else:
            out.append(re.escape(ch) + _MARKS)
    return "".join(out)


def pattern(word: str) -> str:
    """Regex source that finds `word` in `fold(text)`: optional proclitics before it
    (و ف ب ل ك ال and combinations: وب، وال، بال، لل، فال، وبال، ولل), optional diacritics
    and tatweel between letters, whole words only. The named group `w` spans the word
    without its proclitics. A word with the article (الميادين) is also found after ل,
    where the article loses its alef (للميادين: `w` = "لميادين")."""
    core = strip_marks(word).strip()
    body = _letters(core)
    if core.startswith("ال") and len(core) > 2:
        body = f"(?:{body}|ل{_MARKS}{_letters(core[2:])})"
    return f"{_NOT_LETTER_BEFORE}{CLITIC}(?P<w>{body}){_NOT_LETTER_AFTER}"


_PEEL = re.compile(f"^(?P<c>{CLITIC})(?P<w>[{ARABIC_LETTER}].*)$", re.S)


def peel(word: str, *, known: frozenset[str] | set[str] | None = None) -> list[str]:
    """The readings of one word without its proclitics, longest first (the word itself
    first): "وبالمدينة" → ["وبالمدينة", "بالمدينة", "المدينة", "مدينة", ...]. With `known`
    (folded, marks stripped), only readings found there. A reading keeps at least two
    letters, so "ب" alone is never a word."""
    folded = strip_marks(word)
    out = [folded]
    for cut in range(1, min(len(folded), 5)):
        prefix, rest = folded[:cut], folded[cut:]
        if len(rest) < 2 or not re.fullmatch(CLITIC, prefix):
            continue
        out.append(rest)
        if prefix.endswith("ل") and not rest.startswith("ال") and prefix[-2:] == "لل":
            out.append("ال" + rest)  # للمدينة = ل + المدينة
    seen: list[str] = []
    for reading in out:
        if reading not in seen and (known is None or reading in known):
            seen.append(reading)
    return seen


# --- numbers -----------------------------------------------------------------------

_UNITS = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5,
    "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8,
    "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}
_TEENS_UNIT = {k: v for k, v in _UNITS.items() if v < 10}
_TWENTY = {"عشرون", "عشرين"}
# The tens from twenty to ninety (nominative -ون, oblique -ين), folded, and the hundreds:
# مئة / مائة, the dual مئتان, and a unit glued to مئة (ثلاثمئة, خمسمائة).
_TENS = {
    **{w: 20 for w in _TWENTY},
    "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50,
    "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
# (Folded: ئ is ي, ة is ه.)
_HUNDREDS = {"ميه": 100, "مايه": 100, "ميتان": 200, "ميتين": 200, "مايتان": 200, "مايتين": 200}
_HUNDRED_GLUED = re.compile(r"^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)ما?يه$")
_NUMERAL = re.compile(r"\d{1,3}(?:[,،٬]\d{3})+|\d+")


def to_int(token: str) -> int | None:
    """A count written in digits (Western or Eastern, thousands separated by , ، or ٬) or
    in words: one to nineteen (ثلاثة، خمس، أحد عشر، اثنتا عشرة), the tens (عشرون، خمسين), a
    unit and a ten (خمسة وعشرون → 25), the hundreds (مئة، مئتان، ثلاثمئة), a leading و / ب / ل
    allowed. Vague words (عشرات "tens", مئات "hundreds") and decimals are not counts: None."""
    raw = fold(token).strip()
    if _NUMERAL.fullmatch(raw):
        return int(re.sub(r"[,،٬]", "", raw))
    words = strip_marks(raw).split()
    if not words or len(words) > 2:
        return None
    if words[0][:1] in "وبل" and words[0][1:] and _is_number_word(words[0][1:]) and not _is_number_word(words[0]):
        words[0] = words[0][1:]
    if len(words) == 1:
        return _word_value(words[0])
    unit, ten = words
    if ten[:1] == "و" and ten[1:] in _TENS and unit in _TEENS_UNIT:
        return _TENS[ten[1:]] + _TEENS_UNIT[unit]  # خمسة وعشرون: the unit comes first
    if ten not in ("عشر", "عشره") or unit not in _TEENS_UNIT:
        return None
    return 10 + _TEENS_UNIT[unit]


def _word_value(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    if word in _HUNDREDS:
        return _HUNDREDS[word]
    m = _HUNDRED_GLUED.match(word)
    return _UNITS[m.group(1)] * 100 if m else None


def _is_number_word(word: str) -> bool:
    return _word_value(word) is not None


# --- sentences ---------------------------------------------------------------------

_BLANK = re.compile(r"\n[ \t\r\u00a0]*\n\s*")
# Sentence-final marks: . ? ! and their Arabic forms ؟ ؛ (and the ellipsis), with the
# closing quotes and brackets after them.
_END = re.compile(r"(?:\.{2,}|…|[.?!؟؛!])+[\"'»”’)\]]*")
_CLOSERS = "\"'»”’)]"
# Words that cannot end a line of prose: a line ending in one continues on the next
# (hard-wrapped text), like one ending in a comma.
_DANGLING = {"في", "من", "على", "الي", "عن", "و", "او", "ان", "مع", "بين", "ضد", "حتي", "منذ", "بعد", "قبل", "الذي",
             "التي", "الذين"}


def _is_abbreviation(text: str, dot: int) -> bool:
    """A "." that closes a one-letter abbreviation ("د." doctor, "أ." professor, "ص."
    page), not a sentence. "م." and "هـ." after a year (2011م.) do end a sentence."""
    j = dot
    while j > 0 and text[j - 1] in "\u0640":
        j -= 1
    if j == 0 or not re.match(f"[{ARABIC_LETTER}]", text[j - 1]):
        return False
    if j >= 2 and re.match(f"[{ARABIC_LETTER}]", text[j - 2]):
        # "هـ" after a year is two letters; anything longer is a word
        return False
    letter = fold(text[j - 1])
    before = text[:j - 1].rstrip()
    if letter in "مه" and before and before[-1].isdigit():
        return False
    return True


def _breaks_in(text: str, start: int, end: int) -> list[int]:
    """Offsets (within `text`) just after each sentence end in text[start:end]."""
    cuts = []
    for m in _END.finditer(text, start, end):
        stop = m.end()
        after = text[stop] if stop < end else ""
        mark = m.group(0).rstrip(_CLOSERS)
        if mark == ".":
            dot = m.start()
            before = text[dot - 1] if dot > start else ""
            if before.isdigit() and after.isdigit():
                continue  # a decimal point: 2.5، ٣.٥
            if _is_abbreviation(text, dot):
                continue
            if after and not after.isspace():
                # "sana.sy", "ص.ب": a dot inside a token is not a sentence end, unless
                # it joins two Arabic words typed without a space ("انتهى.وقال")
                if not (re.match(f"[{ARABIC_LETTER}]", after) and re.match(f"[{ARABIC_LETTER}]{{2}}",
                                                                            text[max(start, dot - 2):dot])):
                    continue
        cuts.append(stop)
    # A line break inside a paragraph ends a title, a dateline or a line of its own,
    # unless the line plainly runs on (a comma or a dangling word at its end).
    for m in re.finditer(r"\n", text[start:end]):
        nl = start + m.start()
        line = text[start:nl].rsplit("\n", 1)[-1].rstrip()
        if not line:
            continue
        last = strip_marks(line.split()[-1]) if line.split() else ""
        if line[-1] in ",،" or last in _DANGLING:
            continue
        cuts.append(nl)
    cuts.extend(_run_on_cuts(text, start, end, cuts))
    return sorted(set(cuts))


# A scrape that lost its punctuation runs a report's sentences together ("… في مدينة تلبيسة
# وقال مراسل ستيب إن …كما قصفت قوات النظام …"). In a stretch of `_RUN_ON` words or more with
# no sentence mark and few commas, the words Arabic news opens its sentences with start one
# (not "في حين" or "بينما", "while", which join two clauses of one sentence).
_RUN_ON = 40
_OPENS_SENTENCE = re.compile(
    r"(?<=\s)(?=(?:وقال|وقالت|وأضاف|وأضافت|وأفاد|وأفادت|وذكر|وذكرت|وأكد|وأكدت|كما|وكان|وكانت|وفي|"
    r"إلى ذلك|من جهة أخرى|من جهتها|من جهته|ويعاني|ويأتي|وتأتي|وتجدد|وتجددت)\s)"
)


def _run_on_cuts(text: str, start: int, end: int, cuts: list[int]) -> list[int]:
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    out: list[int] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        stretch = text[a:b]
        words = len(stretch.split())
        if words < _RUN_ON or (stretch.count("،") + stretch.count(",")) * 20 > words:
            continue
        out.extend(a + m.start() for m in _OPENS_SENTENCE.finditer(stretch) if m.start() > 0)
    return out


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of each sentence of `text`, trimmed of whitespace.
    Paragraphs are separated by blank lines and no sentence crosses one. A sentence ends at
    . ؟ ! ? ؛ (not a decimal point, not the dot of a one-letter abbreviation like "د.")
    and at a line break after a title or dateline."""
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        paragraphs.append((pos, m.start()))
        pos = m.end()
    paragraphs.append((pos, len(text)))
    out: list[tuple[int, int, int]] = []
    para_index = 0
    for p_start, p_end in paragraphs:
        if not text[p_start:p_end].strip():
            continue
        bounds = [p_start, *_breaks_in(text, p_start, p_end), p_end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b, para_index))
        para_index += 1
    return out

"""What a process loads at its start, made cheaper without changing what it finds: the
shipped YAML parsed by libyaml, lexicon and alias patterns compiled at first use, and the
Arabic lexicon's clitics without the diacritics its text never holds."""

from __future__ import annotations

import itertools
import re
from importlib import resources

import pytest
import yaml

from marsad import shipped
from marsad.actors import ActorKB, AliasMatcher, AliasSpec
from marsad.arabic.text import CLITIC, CLITIC_UNMARKED
from marsad.events.classify import _LazyPatterns, arabic_view, default_lexicon, default_lexicon_ar

DATA_FILES = sorted(p.name for p in resources.files("marsad").joinpath("data").iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_shipped_file_parses_as_the_pure_python_parser_parses_it(name: str) -> None:
    text = resources.files("marsad").joinpath(f"data/{name}").read_text(encoding="utf-8")
    assert shipped.load_yaml(name) == yaml.safe_load(text)


@pytest.mark.parametrize("lexicon", [default_lexicon, default_lexicon_ar])
def test_every_lexicon_pattern_compiles(lexicon) -> None:
    # Patterns compile when a text first holds their anchors, so a broken one would show only
    # on such a text: compile them all here.
    lex = lexicon()
    for p in lex.patterns_by_id:
        assert isinstance(p.regex, re.Pattern)
        assert p.regex is p.regex  # compiled once
    for name in lex.cues:
        assert lex.cues[name] is lex.cues[name]


def test_lazy_patterns_are_a_mapping_of_compiled_regexes() -> None:
    cues = _LazyPatterns({"boat": r"\bboats?\b", "car": r"\bcars?\b"})
    assert len(cues) == 2 and list(cues) == ["boat", "car"] and "boat" in cues
    assert cues["boat"].search("Two BOATS sank") is not None  # compiled ignoring case
    with pytest.raises(KeyError):
        cues["plane"]


def test_the_unmarked_clitic_reads_unmarked_text_as_the_clitic_does() -> None:
    # Every string of up to four proclitic letters and alefs: the same match, to the letter.
    letters = "وفبكلا"
    for n in range(1, 5):
        for chars in itertools.product(letters, repeat=n):
            word = "".join(chars) + "مدينة"
            assert re.match(CLITIC, word).span() == re.match(CLITIC_UNMARKED, word).span(), word


SENTENCES_AR = [
    "وقصفت قوات النظام بالمدفعية الثقيلة قرية البارة في جبل الزاوية، ما أدى إلى مقتل طفلين.",
    "سيطرت الفصائل على تلة استراتيجية بعد اشتباكات مع الجيش، واستولت على دبابتين.",
    "خرج المئات في مظاهرة بالمدينة للمطالبة بالإفراج عن المعتقلين ونددوا بالقصف.",
    "انفجرت عبوة ناسفة بسيارة عسكرية على الطريق الواصل بين البلدتين وللمرة الثانية هذا الشهر.",
]


@pytest.mark.parametrize("sentence", SENTENCES_AR)
def test_arabic_patterns_find_what_they_found_with_marks_in_their_clitics(sentence: str) -> None:
    # The lexicon reads `arabic_view` text, which has no diacritics or tatweel: a clitic that
    # allows marks after each letter matches there exactly what one without them matches.
    view = arabic_view(sentence).text
    lex = default_lexicon_ar()
    regexes = [p.regex for p in lex.patterns_by_id] + [lex.cues[name] for name in lex.cues]
    regexes += [lex.place_after, lex.non_place_after]
    found = 0
    for rx in regexes:
        if not any(w in view for w in re.findall(r"[^\W\d_]{3,}", rx.pattern)[:3]):
            continue  # none of its first words here: no match either way (and a compile saved)
        marked = re.compile(rx.pattern.replace(CLITIC_UNMARKED, CLITIC), rx.flags)
        assert [m.span() for m in rx.finditer(view)] == [m.span() for m in marked.finditer(view)]
        for i in range(len(view)):  # where a caller matches from an offset
            a, b = rx.match(view, i), marked.match(view, i)
            assert (a and a.span()) == (b and b.span())
        found += 1
    assert found


def test_alias_patterns_compile_per_letter_on_first_use() -> None:
    matcher = AliasMatcher([AliasSpec("Desert Hawks", "Desert Hawks Brigade"),
                            AliasSpec("Dawn Brigade", "Dawn Brigade"),
                            AliasSpec("Sentinels", "Sentinels")])
    assert matcher.patterns.get("q") is None  # no alias starts with it
    assert [m.group() for m, _ in matcher.finditer("The desert hawks and the Sentinels met.")] \
        == ["desert hawks", "Sentinels"]
    assert matcher.patterns.get("d") is matcher.patterns.get("d")


def test_the_actor_knowledge_base_finds_names_of_every_letter() -> None:
    kb = ActorKB.load()
    found = [m.canonical for m in kb.find("Hezbollah and Hayat Tahrir al-Sham fighters clashed; "
                                          "وقال حزب الله إن مقاتليه اشتبكوا")]
    assert found.count(kb.canonical("Hezbollah")) == 2 and kb.canonical("Hayat Tahrir al-Sham") in found

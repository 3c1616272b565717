"""What a process loads at its start, made cheaper without changing what it finds: the
shipped YAML parsed by libyaml, lexicon and alias patterns compiled at first use, the
Arabic lexicon's clitics without the diacritics its text never holds, the place ruler's
plain names cut without the tokenizer, the language model loaded in the background, and
packages imported when a command first needs them."""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
import subprocess
import sys
import types
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import pytest
import yaml

import marsad
from marsad import shipped
from marsad.actors import ActorKB, AliasMatcher, AliasSpec
from marsad.arabic.text import CLITIC, CLITIC_UNMARKED
from marsad.events.classify import (
    _anchors,
    _ArabicScorer,
    _LazyPatterns,
    _Scorer,
    arabic_view,
    default_lexicon,
    default_lexicon_ar,
)
from marsad.segment import language
from marsad.store.base import database_errors

DATA_FILES = sorted(p.name for p in resources.files("marsad").joinpath("data").iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_shipped_file_parses_as_the_pure_python_parser_parses_it(name: str) -> None:
    text = resources.files("marsad").joinpath(f"data/{name}").read_text(encoding="utf-8")
    assert shipped.load_yaml(name) == yaml.safe_load(text)


class _NoDuplicateKeys(yaml.SafeLoader):
    """YAML keeps the last of two equal keys of a mapping: a second `boost:` under one sub-type
    silently dropped the first. This loader refuses them."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            assert key not in seen, f"duplicate key {key!r} at line {key_node.start_mark.line + 1}"
            seen.add(key)
        return super().construct_mapping(node, deep)


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_shipped_file_has_no_key_twice_in_one_mapping(name: str) -> None:
    text = resources.files("marsad").joinpath(f"data/{name}").read_text(encoding="utf-8")
    yaml.load(text, Loader=_NoDuplicateKeys)  # noqa: S506 - a safe loader
    with pytest.raises(AssertionError, match="duplicate key 'boost'"):
        yaml.load("a:\n  boost: 1\n  b: 2\n  boost: 3\n", Loader=_NoDuplicateKeys)  # noqa: S506


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
    assert not dict(matcher.patterns) and matcher.patterns  # none compiled yet, but some to compile
    assert matcher.patterns["q"] is None  # no alias starts with it
    assert [m.group() for m, _ in matcher.finditer("The desert hawks and the Sentinels met.")] \
        == ["desert hawks", "Sentinels"]
    assert matcher.patterns["d"] is matcher.patterns["d"]
    assert not AliasMatcher([]).patterns


def test_the_actor_knowledge_base_finds_names_of_every_letter() -> None:
    kb = ActorKB.load()
    found = [m.canonical for m in kb.find("Hezbollah and Hayat Tahrir al-Sham fighters clashed; "
                                          "وقال حزب الله إن مقاتليه اشتبكوا")]
    assert found.count(kb.canonical("Hezbollah")) == 2 and kb.canonical("Hayat Tahrir al-Sham") in found


def test_every_place_name_gets_the_tokens_spacy_gives_it(gaz_path) -> None:
    # The place ruler cuts a plain name at its spaces instead of running the tokenizer: the
    # same tokens (and so the same ORTH hashes its matcher compares) for every name it holds.
    from marsad.nlp import _load_model
    from marsad.places import Gazetteer
    from marsad.places.detect import _names_tokenized_fast, ruler_patterns

    nlp = _load_model()
    names = [p["pattern"] for p in ruler_patterns(Gazetteer.open(gaz_path))]
    names += ["Cannot", "Gonna Hill", "Tel  Abyad", "Al-Bab", "St. Louis", "Ma'arat"]  # not plain: tokenized
    with _names_tokenized_fast(nlp):
        fast = [nlp.make_doc(n) for n in names]
    assert nlp.make_doc("Gonna").__len__() == 2  # the tokenizer is back
    for name, doc in zip(names, fast, strict=True):
        real = nlp.make_doc(name)
        assert [t.text for t in doc] == [t.text for t in real], name
        assert doc.to_array("ORTH").tolist() == real.to_array("ORTH").tolist(), name
        assert doc.text == name


def test_the_place_ruler_finds_the_names_it_found_before(gaz_path) -> None:
    from marsad.nlp import _load_model
    from marsad.places import Gazetteer
    from marsad.places.detect import add_place_ruler, ruler_patterns

    gaz = Gazetteer.open(gaz_path)
    fast = _load_model()
    add_place_ruler(fast, gaz)
    plain = _load_model()
    ruler = plain.add_pipe("entity_ruler", name="marsad_places", before="ner",
                           config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    with plain.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(gaz))  # spaCy's own way, name by name
    names = [p["pattern"] for p in ruler_patterns(gaz)]
    text = ". ".join(f"Fighting near {n} and in {names[-1 - i]} on Monday" for i, n in enumerate(names[::7]))
    assert len(fast.get_pipe("marsad_places")) == len(ruler) == len(names)
    assert fast.get_pipe("marsad_places").patterns == ruler.patterns
    with fast.select_pipes(enable=["marsad_places"]), plain.select_pipes(enable=["marsad_places"]):
        a, b = fast(text), plain(text)
    spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in (a, b)]
    assert spans[0] == spans[1]
    assert len(a.ents) > 1000


def test_the_command_line_imports_no_model_package_until_it_needs_one() -> None:
    # `marsad export`, `serve` … never segment or code: spaCy, the language identifier (and
    # numpy), trafilatura and psycopg load when a command first needs them.
    code = ("import sys, marsad.cli; print(sorted(m for m in ('spacy', 'py3langid', 'numpy', 'trafilatura', "
            "'htmldate', 'psycopg') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(Path(marsad.__file__).parents[1])}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_database_errors_name_psycopg_once_it_is_imported(monkeypatch) -> None:
    monkeypatch.delitem(sys.modules, "psycopg", raising=False)
    assert database_errors() == (sqlite3.Error,)
    fake = types.ModuleType("psycopg")
    fake.Error = type("Error", (Exception,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "psycopg", fake)
    assert database_errors() == (sqlite3.Error, fake.Error)  # type: ignore[attr-defined]


def test_the_language_model_loads_in_the_background_and_answers_as_before() -> None:
    import py3langid

    texts = ["The army said its forces had taken the bridge after two days of fighting.",
             "قالت مصادر محلية إن الاشتباكات تجددت في محيط المدينة صباح اليوم.",
             "Les forces gouvernementales ont repris le contrôle de la ville mardi."]
    language.preload()
    language.preload()  # a second call while it loads starts no second load
    with ThreadPoolExecutor(3) as pool:
        found = list(pool.map(language.detect, texts))
    assert found == [py3langid.classify(t)[0] for t in texts] == ["en", "ar", "fr"]
    assert language.detect("too short") == "und"


def test_a_command_that_ends_with_its_objects_frozen_has_written_everything(tmp_path) -> None:
    # `marsad` freezes what is alive as it exits (its last garbage collections skip it): what
    # a command writes, to a file or to standard output, is all there.
    from click.testing import CliRunner

    from marsad.cli import cli

    (tmp_path / "docs").mkdir()
    for i in range(30):
        (tmp_path / "docs" / f"{i}.txt").write_text(f"Report {i}\n\nShelling hit the market of the old town "
                                                    f"for the {i}th day running, residents said.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(marsad.__file__).parents[1])}
    db = str(tmp_path / "t.db")
    run = [sys.executable, "-m", "marsad"]
    subprocess.run([*run, "ingest", str(tmp_path / "docs"), "--db", db, "--no-events", "--no-progress"],
                   env=env, check=True, capture_output=True)
    out = subprocess.run([*run, "export", "--db", db, "--what", "articles"], env=env, check=True,
                         capture_output=True, text=True).stdout
    subprocess.run([*run, "export", "--db", db, "--what", "articles", "-o", str(tmp_path / "a.jsonl")], env=env,
                   check=True)
    here = CliRunner().invoke(cli, ["export", "--db", db, "--what", "articles"]).output
    assert out == (tmp_path / "a.jsonl").read_text(encoding="utf-8") == here
    assert len(out.splitlines()) == 30


# Sentences written for these tests: event news, recalled incidents, and texts with no cue.
_SCORER_TEXTS = [
    "Rebel fighters and militiamen clashed with army troops near the checkpoint, killing 12 soldiers.",
    "Police fired tear gas at protesters who threw stones during the rally against the election result.",
    "A drone strike and artillery shelling hit a market; an IED killed two policemen and a landmine a boy.",
    "Gunmen abducted a journalist and an activist; security forces detained 30 suspected militants.",
    "Jihadists of the Islamic State group stormed a base; the IRGC and Hezbollah sent reinforcements.",
    "Government forces shelled the village on Monday, a week after rebels had ambushed a patrol there.",
    "Two years after jets bombed the market, traders reopened their stalls on Sunday.",
    "Militants would shell the town again, the governor warned, as police detained three men.",
    "The bakery sold out of bread by noon.",
    "Hundreds marched to the parliament demanding the release of the jailed journalists.",
    "قصفت قوات النظام بلدة في ريف إدلب يوم الاثنين وقتل ثلاثة مدنيين.",
    "افتتح المعرض أبوابه للزوار صباح اليوم.",
]


def test_a_trigger_group_anchors_its_pattern() -> None:
    # "[[shell]]" marks the trigger inside a pattern: its word is as much a literal as any,
    # so the pattern runs only on a text that holds it (it ran on every text before).
    assert _anchors("(?:to|will) [[shell]]", {}) == frozenset({"shell"})
    assert _anchors("(?:{actor}) [[shell]]", {"actor": "(?-i:IS)|rebels"}) == frozenset({"shell"})
    assert _anchors("shells?", {}) == frozenset({"shell"})
    assert _anchors("[[a]]", {}) is None  # too short to look up: it always runs
    shell = [p for p in default_lexicon().patterns_by_id if "(?P<t>shell)" in p.source]
    assert shell and all(p.anchors == frozenset({"shell"}) for p in shell)


@pytest.mark.parametrize("lexicon", [default_lexicon, default_lexicon_ar])
def test_a_cue_answered_by_its_anchors_answers_as_its_regex(lexicon) -> None:
    # A cue none of whose anchors' first letters occur in a text is not searched for: the
    # answer must be the regex's own, for every cue, on texts with and without its words.
    lex = lexicon()
    assert lex.cue_grams  # some cues are anchored
    found = set()
    for text in _SCORER_TEXTS:
        view = arabic_view(text).text if lex.arabic else text
        sc = (_ArabicScorer if lex.arabic else _Scorer)(view, lex)
        for name in lex.cues:
            assert sc.has(name) == (lex.cues[name].search(view) is not None), (name, text)
            if sc.has(name) and name in lex.cue_grams:
                found.add(name)
    assert len(found) >= 5  # anchored cues found, not only skipped


def test_rescoring_without_the_recalled_penalty_reuses_the_matches() -> None:
    # `relaxed` shares the first reading's matches: its hits must be a fresh scorer's.
    lex = default_lexicon()
    owners = [st.name for st in lex.subtypes] + [ne.name for ne in lex.non_events]
    for text in _SCORER_TEXTS[:10]:
        first = _Scorer(text, lex)
        fresh = _Scorer(text, lex, recalled=False)
        relaxed = first.relaxed()
        for owner in owners:
            assert first.hits(owner) == _Scorer(text, lex).hits(owner)
            assert relaxed.hits(owner) == fresh.hits(owner), (owner, text)
    # The second sentence's strike is recalled: it weighs less until the scorer is relaxed (an
    # act months or years back stays history: `_YEARS_AFTER`).
    text = "Two days after jets bombed the market, traders reopened their stalls on Sunday."
    strike = _Scorer(text, lex)
    assert strike.hits("Air/drone strike")[0][0] < strike.relaxed().hits("Air/drone strike")[0][0]

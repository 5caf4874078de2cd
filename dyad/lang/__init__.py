"""Languages, one package each, looked up by code (in the manner of spaCy's ``lang/`` folders).

    dyad/lang/types.py    the shared analysis types (Token, Sentence, NerSpan, Analysis)
    dyad/lang/base.py     the Language interface the core sees
    dyad/lang/detect.py   language detection, dependency-free
    dyad/lang/ru/         Russian: natasha/slovnet adapter, yargy grammars, lexicons

:func:`get_language` imports a language's package on first use; a code without a package gives
``None``, and the pipeline stores such a document uncoded (W103).
"""
from __future__ import annotations

import importlib
from functools import cache

from .base import Language
from .detect import detect

REGISTRY: dict[str, str] = {        # code -> "module:class", imported lazily
    "ru": "dyad.lang.ru:Russian",
    "en": "dyad.lang.en:English",
}

__all__ = ["Language", "REGISTRY", "codes", "detect", "document_terms", "get_language", "search_terms"]


def codes() -> tuple[str, ...]:
    """The codes of the languages Dyad codes."""
    return tuple(REGISTRY)


@cache
def get_language(code: str | None) -> Language | None:
    """The language with this code, or None when Dyad has no package for it."""
    where = REGISTRY.get(code or "")
    if where is None:
        return None
    module, _, name = where.partition(":")
    return getattr(importlib.import_module(module), name)()


def search_terms(text: str, lang: str | None = None) -> list[str]:
    """The normal forms of the words of ``text`` in language ``lang`` (detected when None) that
    differ from the words (:meth:`Language.search_terms`); none for a language without a package."""
    language = get_language(lang or detect(text))
    return language.search_terms(text) if language is not None else []


def document_terms(doc) -> str | None:
    """A document's search terms as stored (``documents.search_terms``, migration 0008): the
    normal forms of its title's and text's words that differ from them, each once (the index
    needs a form to find the document, not its count: a third of the terms to index), space-separated."""
    return " ".join(dict.fromkeys(search_terms(f"{doc.title or ''}\n{doc.text}", doc.lang))) or None

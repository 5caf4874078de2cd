"""Match keys: how a surface word and a dictionary alias are compared.

A word's keys are its folded surface form and every pymorphy3 normal form (lowercase, ё -> е), so
that "Азербайджаном", "азербайджанской" and "КНР" meet their dictionary forms. Abbreviations
compare case-sensitively through a ``=`` key. Place keys also drop soft and hard signs
(Тянцзин ~ Тяньцзинь).
"""
from __future__ import annotations

import re
from functools import lru_cache

# A hyphenated word is one word, as razdel tokenises it ("Кабардино-Балкария", "Нью-Йорк").
WORD = re.compile(r"[\w'’+]+(?:-[\w'’+]+)*|[^\w\s]", re.UNICODE)
STRESS = "\u0301"


def fold(text: str) -> str:
    return text.replace(STRESS, "").lower().replace("ё", "е")


def place_fold(text: str) -> str:
    return fold(text).replace("ь", "").replace("ъ", "").replace("-", " ")


@lru_cache(maxsize=1)
def morph():
    """The process's one pymorphy3 analyser (shared with the NLP stage); remembered, since
    :func:`normal_forms` asks for it for every new word."""
    from ..lang import get_language
    return get_language("ru").morph()


@lru_cache(maxsize=300_000)
def normal_forms(word: str) -> frozenset[str]:
    low = fold(word)
    if not low.isalpha() and not any(ch.isalpha() for ch in low):
        return frozenset({low})
    try:
        forms = {fold(p.normal_form) for p in morph().parse(low)}
    except ValueError:      # pymorphy3 rejects letters that have no Unicode name (U+17000...)
        forms = set()
    forms.add(low)
    return frozenset(forms)


def word_keys(word: str) -> frozenset[str]:
    """Every key a word in running text may match."""
    return normal_forms(word) | {"=" + word.replace(STRESS, "")}


# Case endings of foreign names that pymorphy3 does not decline ("Ким Чен Ын" -> "Ына", "Ыну"):
# by the word's last letter, what replaces it in the other cases.
NAME_ENDINGS = (("й", ("я", "ю", "ем", "е")), ("ь", ("я", "ю", "ем", "е", "и")),
                ("а", ("ы", "и", "е", "у", "ой", "ою")), ("я", ("и", "е", "ю", "ей", "ею")))
INDECLINABLE = set("оеиуюэыё")


def declined(word: str) -> set[str]:
    """The case forms of a name's word, by its ending (folded)."""
    low = fold(word)
    if len(low) < 2 or not low.isalpha() or low[-1] in INDECLINABLE:
        return set()
    for last, ends in NAME_ENDINGS:
        if low.endswith(last):
            return {low[:-1] + e for e in ends}
    return {low + e for e in ("а", "у", "ом", "е", "ым", "ем")}


def alias_keys(alias: str, case_sensitive: bool = False, name: bool = False) -> tuple[frozenset[str], ...]:
    """The keys each word of a dictionary alias matches: its likeliest normal form, and for a
    capitalised word (a name) also the word itself, since the dictionary may take a surname for
    some other word's form ("Токаев" for the genitive plural of "токай"). Abbreviations match
    only their exact form. A person's ``name`` also matches its case forms (:func:`declined`),
    which pymorphy3 lacks for most foreign names."""
    words = WORD.findall(alias.replace(STRESS, ""))
    if case_sensitive:
        return tuple(frozenset({"=" + w}) for w in words)
    keys = []
    for w in words:
        low = fold(w)
        try:
            parses = morph().parse(low) if any(ch.isalpha() for ch in low) else []
        except ValueError:
            parses = []
        # a name that is also the form of a function word ("Того" ~ "тот") keeps its own form only
        function = parses and {"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "Apro"} & parses[0].tag.grammemes
        key = {fold(parses[0].normal_form) if parses and not function else low}
        if w[:1].isupper():
            key.add(low)
            if name:
                for part in low.split("-"):
                    if part != low:
                        break
                else:
                    key |= declined(w)
        keys.append(frozenset(key))
    return tuple(keys)


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
